"""Corroboration by people: patrol reports and open-source records matched to sensor events.

A patrol report ("22 undetermined explosions 3-5 km SSW between 09:56 and 10:38", heard from a known
position) matches the events whose bearing from the observer falls in the reported sector, whose
distance falls in the reported range and whose sound reached the observer inside the reported
window, with tolerances for the errors people make (bearings off by ~15 degrees, distances by a
factor ~1.4, launches and impacts confused now and then). A located open-source record (OSINT,
ACLED) matches the impacts within a few times its location uncertainty inside its (broad) time
window. Each report takes at most about its stated count of events, best first; when more events
fit than it counts, each match carries the share ``count / fitting events`` (a report heard in heavy
fighting says little about any one event).

A match raises an event's status to ``corroborated`` and the confidence of its verdict by an amount
that grows with the report's NATO/Admiralty grade (:func:`reliability_weight`). A report that matches
nothing becomes a *report-only* event with a large uncertainty region: it is never dropped.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.pairing import distance_m
from truceline.model.reports import SUMMARY_WARNING, Report

FloatArray = NDArray[np.float64]
SOUND_SPEED_M_PER_S = 335.0
BEARING_TOLERANCE_DEG = 25.0
DISTANCE_FACTOR = 1.8  # humans misjudge distance by a factor ~1.35 (1 sigma); two sigma
DEFAULT_OSINT_UNCERTAINTY_KM = 10.0
# NATO/Admiralty (STANAG 2511 / AJP-2.1): source reliability A (completely reliable) .. E (unreliable),
# F (cannot be judged); information credibility 1 (confirmed) .. 5 (improbable), 6 (cannot be judged).
SOURCE_WEIGHT = {"A": 0.95, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
INFORMATION_WEIGHT = {"1": 0.95, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.2, "6": 0.5}
IMPACT_KINDS = ("explosion_impact", "airburst")
LAUNCH_KINDS = ("explosion_outgoing",)
EXPLOSION_KINDS = ("explosion_impact", "explosion_outgoing", "explosion_undetermined", "airburst", "explosion")


def reliability_weight(grade: str | None) -> float:
    """Weight in (0, 1) of a NATO/Admiralty grade such as ``B2`` (ungraded: that of ``F6``, 0.25)."""
    if not grade or len(grade) != 2:
        return SOURCE_WEIGHT["F"] * INFORMATION_WEIGHT["6"]
    return SOURCE_WEIGHT.get(grade[0], 0.5) * INFORMATION_WEIGHT.get(grade[1], 0.5)


def not_fire(report: Report) -> str:
    """Why a report is not evidence of a ceasefire violation by fire ("" if it is): a sighting (weapons, a drone,
    smoke: kind ``other`` with ``sighting``, as the patrol-text reader writes it) is not fire, and fire the observer
    assessed as a live-fire exercise or as not in violation of the ceasefire (``live_fire``, ``not_violation``) must
    not corroborate an accusation. Such a report matches no event; it is kept as a report-only event that makes no
    firing-party claim."""
    extras = report.extras
    if report.kind == "other" and extras.get("sighting"):
        return f"a sighting ({extras['sighting']}), not fire"
    if extras.get("live_fire"):
        return "assessed by the observer as a live-fire exercise"
    if extras.get("not_violation"):
        return "assessed by the observer as not in violation of the ceasefire"
    return ""


def summary_of_period(report: Report) -> str:
    """Why a report is a summary of a period rather than an observation ("" if it is an observation): a regional tally
    ("In Donetsk region, the SMM recorded 240 ceasefire violations, including 97 explosions": ``ceasefire_violations``),
    where most violations were ("Most of the ceasefire violations were recorded north-east of Horlivka":
    ``violations_share``) or any sentence the patrol-text reader warned as a summary. Its counts repeat those of the
    observations it sums up, and its place, when it has one, is a region's or an area's: it matches no event (it would
    count the same explosions twice, and take hundreds of events at once) and its report-only event makes no claim."""
    extras = report.extras
    if "ceasefire_violations" in extras or "violations_share" in extras or SUMMARY_WARNING in report.warnings:
        return "a summary of the period, whose counts repeat other records'"
    return ""


def untimed(report: Report) -> bool:
    """A report with no time at all (patrol text read with ``--date`` alone, a sentence with no time and no date):
    nothing ties it to one event rather than another of any hour or day, so it matches none and places no event."""
    return report.time_start is None and report.time_end is None


def hearsay(report: Report) -> bool:
    """What others told the observer (``reported_by``: the JCCC, a party's officers, residents), not an observation of
    its own: it may raise a verdict's confidence a little (by its grade, F6 by default), but not its status to
    ``corroborated``, which needs an observer's own report."""
    return bool(report.extras.get("reported_by"))


def no_claim(report: Report) -> str:
    """Why a report's report-only event makes no firing-party claim ("" if it makes one): not evidence of fire
    (:func:`not_fire`), a summary (:func:`summary_of_period`), or fire whose direction the report does not give (neither
    an impact nor outgoing fire: undetermined explosions, shots, bursts, flares, projectiles; for those the claim would be
    a coin toss, 0.5 for whichever party holds the place). Fire at the mission itself (``target``) says so."""
    why = not_fire(report) or summary_of_period(report)
    if why:
        return why
    if report_kind(report) == "unknown":
        at = f"fire at the mission's {report.extras['target']}, " if report.extras.get("target") else ""
        return f"{at}{report.kind.replace('_', ' ')} reported with neither impact nor launch stated: no direction of fire"
    return ""


def report_kind(report: Report) -> str:
    """The event kind a report states: ``impact``, ``launch`` or ``unknown``."""
    if report.kind in IMPACT_KINDS:
        return "impact"
    if report.kind in LAUNCH_KINDS:
        return "launch"
    return "unknown"


def _bearing_deg(lat1: float, lon1: float, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    p1, p2 = math.radians(lat1), np.radians(lat2)
    dl = np.radians(lon2 - lon1)
    x = np.sin(dl) * np.cos(p2)
    y = math.cos(p1) * np.sin(p2) - math.sin(p1) * np.cos(p2) * np.cos(dl)
    return np.asarray(np.degrees(np.arctan2(x, y)) % 360.0)


def _sector(report: Report) -> tuple[float, float]:
    """Centre and half-width (degrees) of a report's bearing sector (clockwise from min to max)."""
    assert report.bearing_min_deg is not None and report.bearing_max_deg is not None
    width = (report.bearing_max_deg - report.bearing_min_deg) % 360.0
    return (report.bearing_min_deg + width / 2.0) % 360.0, width / 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    report_id: str
    event_index: int
    score: float  # lower is better
    kind_agrees: bool
    share: float = 1.0  # chance that this event is one the report counted: stated count / events that fit (at most 1)


def _candidates_patrol(report: Report, time_s: FloatArray, lat: FloatArray, lon: FloatArray, sigma_m: FloatArray,
                       kind: NDArray[np.str_]) -> list[Match]:
    assert report.observer_lat is not None and report.observer_lon is not None
    start = report.time_start if report.time_start is not None else -np.inf
    end = report.time_end if report.time_end is not None else (report.time_start if report.time_start is not None else np.inf)
    distance = distance_m(np.full(lat.size, report.observer_lat), np.full(lat.size, report.observer_lon), lat, lon)
    heard = time_s + distance / SOUND_SPEED_M_PER_S
    ok = (heard >= start - 90.0) & (heard <= end + 90.0)
    score = np.zeros(lat.size)
    if report.bearing_min_deg is not None:
        centre, half = _sector(report)
        bearing = _bearing_deg(report.observer_lat, report.observer_lon, lat, lon)
        off = np.abs((bearing - centre + 180.0) % 360.0 - 180.0)
        spread = np.degrees(np.arctan2(2.0 * sigma_m, np.maximum(distance, 1.0)))
        excess = np.maximum(off - half, 0.0)
        ok &= excess <= BEARING_TOLERANCE_DEG + spread
        score += (excess / 12.0) ** 2
    if report.distance_min_km is not None or report.distance_max_km is not None:
        near = (report.distance_min_km or 0.0) * 1000.0
        far = (report.distance_max_km if report.distance_max_km is not None else 40.0) * 1000.0
        low, high = near / DISTANCE_FACTOR - 2.0 * sigma_m, far * DISTANCE_FACTOR + 2.0 * sigma_m
        ok &= (distance >= low) & (distance <= high)
        middle = max(0.5 * (near + far), 500.0)
        score += (np.log(np.maximum(distance, 100.0) / middle) / 0.4) ** 2
    stated = report_kind(report)
    agrees = (kind == stated) if stated != "unknown" else np.ones(lat.size, dtype=bool)
    score += np.where(agrees, 0.0, 1.0)
    return [Match(report_id=report.report_id, event_index=int(i), score=float(score[i]), kind_agrees=bool(agrees[i]))
            for i in np.flatnonzero(ok)]


def _candidates_located(report: Report, time_s: FloatArray, lat: FloatArray, lon: FloatArray, sigma_m: FloatArray,
                        kind: NDArray[np.str_]) -> list[Match]:
    assert report.lat is not None and report.lon is not None
    start = report.time_start if report.time_start is not None else -np.inf
    end = report.time_end if report.time_end is not None else (report.time_start if report.time_start is not None else np.inf)
    if report.time_start is not None and report.time_end is None:  # a single time: a day's slack
        start, end = start - 43_200.0, start + 43_200.0
    uncertainty_m = 1000.0 * (report.location_uncertainty_km or DEFAULT_OSINT_UNCERTAINTY_KM)
    distance = distance_m(np.full(lat.size, report.lat), np.full(lat.size, report.lon), lat, lon)
    scale = np.hypot(uncertainty_m, sigma_m)
    ok = (time_s >= start) & (time_s <= end) & (distance <= 2.5 * scale) & (kind != "launch")
    score = (distance / scale) ** 2
    return [Match(report_id=report.report_id, event_index=int(i), score=float(score[i]), kind_agrees=kind[i] == "impact")
            for i in np.flatnonzero(ok)]


def match_reports(reports: Sequence[Report], time_s: FloatArray, lat: FloatArray, lon: FloatArray, sigma_m: FloatArray,
                  kind: NDArray[np.str_]) -> dict[str, list[Match]]:
    """For each report, the events it corroborates (best first, about as many as it counts)."""
    time_s = np.asarray(time_s, dtype=np.float64)
    out: dict[str, list[Match]] = {}
    order = np.argsort(time_s, kind="stable")
    sorted_t = time_s[order]
    for report in reports:
        if report.count == 0 or report.kind not in EXPLOSION_KINDS and not report.kind.startswith("explosion") or not_fire(report) \
                or summary_of_period(report) or untimed(report):
            # nothing observed; shots, bursts, flares: not what the sensors locate; sightings, exercises: not violations;
            # summaries: their counts repeat other records'; no time: nothing ties the report to one event
            out[report.report_id] = []
            continue
        lo_t = (report.time_start if report.time_start is not None else -np.inf) - 43_300.0
        hi_t = (report.time_end if report.time_end is not None else (report.time_start or np.inf)) + 43_300.0
        window = order[np.searchsorted(sorted_t, lo_t):np.searchsorted(sorted_t, hi_t, side="right")]
        if report.lat is not None and report.lon is not None:
            found = _candidates_located(report, time_s[window], lat[window], lon[window], sigma_m[window], kind[window])
        elif report.observer_lat is not None and report.observer_lon is not None:
            found = _candidates_patrol(report, time_s[window], lat[window], lon[window], sigma_m[window], kind[window])
        else:
            found = []
        found = [Match(report_id=m.report_id, event_index=int(window[m.event_index]), score=m.score, kind_agrees=m.kind_agrees)
                 for m in found]
        stated = report.count if report.count else 3
        limit = int(math.ceil(1.3 * stated)) + 1
        share = min(1.0, stated / len(found)) if found else 1.0
        found.sort(key=lambda m: (m.score, m.event_index))
        out[report.report_id] = [Match(report_id=m.report_id, event_index=m.event_index, score=m.score, kind_agrees=m.kind_agrees,
                                       share=share) for m in found[:limit]]
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportOnlyEvent:
    """Where and when an unmatched report puts its explosions, with a large uncertainty region."""

    event_id: str
    report_id: str
    time_s: float
    time_sigma_s: float
    lat: float
    lon: float
    ellipse_major_km: float
    ellipse_minor_km: float
    ellipse_azimuth_deg: float
    kind: str
    not_fire: str = ""
    """Why the report makes no firing-party claim (:func:`no_claim`); "" when it reports fire with its direction."""


def _move(lat: float, lon: float, azimuth_deg: float, distance_m_: float) -> tuple[float, float]:
    """Point at a distance along an azimuth (spherical, fine for tens of kilometres)."""
    delta = distance_m_ / 6_371_000.0
    theta, p1, l1 = math.radians(azimuth_deg), math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(delta) + math.cos(p1) * math.sin(delta) * math.cos(theta))
    l2 = l1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(p1), math.cos(delta) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def report_only_event(report: Report) -> ReportOnlyEvent | None:
    """The report as an event with a large 95 % ellipse, or ``None`` if it gives no place at all or says that
    nothing was observed (``count`` 0: "the SMM heard no explosions")."""
    made = _report_only_place(report)
    return dataclasses.replace(made, not_fire=no_claim(report)) if made is not None else None


def unplaced_reason(report: Report) -> str:
    """Why a report that matched nothing places no event either (it is listed in ``reports_unplaced.jsonl``)."""
    if report.count == 0:
        return "nothing observed (count 0)"
    place = report.lat is not None and report.lon is not None or report.observer_lat is not None and report.observer_lon is not None
    why = [] if place else ["no place (neither an observer position nor a location)"]
    if untimed(report):
        why.append("no time")
    summary = summary_of_period(report)
    if summary:
        why.append(summary)
    return "; ".join(why)


def _report_only_place(report: Report) -> ReportOnlyEvent | None:
    if report.count == 0:
        return None
    start = report.time_start if report.time_start is not None else report.time_end
    end = report.time_end if report.time_end is not None else start
    if start is None or end is None:
        return None
    time_s, time_sigma = 0.5 * (start + end), 0.5 * (end - start) + 60.0
    kind = report_kind(report)
    if report.lat is not None and report.lon is not None:
        radius = 2.0 * (report.location_uncertainty_km or DEFAULT_OSINT_UNCERTAINTY_KM)
        return ReportOnlyEvent(event_id=f"R-{report.report_id}", report_id=report.report_id, time_s=time_s, time_sigma_s=time_sigma,
                               lat=report.lat, lon=report.lon, ellipse_major_km=radius, ellipse_minor_km=radius,
                               ellipse_azimuth_deg=0.0, kind=kind)
    if report.observer_lat is None or report.observer_lon is None:
        return None
    near = report.distance_min_km if report.distance_min_km is not None else 0.0
    far = report.distance_max_km if report.distance_max_km is not None else 15.0
    if report.bearing_min_deg is None:
        radius = far * DISTANCE_FACTOR
        return ReportOnlyEvent(event_id=f"R-{report.report_id}", report_id=report.report_id, time_s=time_s, time_sigma_s=time_sigma,
                               lat=report.observer_lat, lon=report.observer_lon, ellipse_major_km=radius, ellipse_minor_km=radius,
                               ellipse_azimuth_deg=0.0, kind=kind)
    centre, half = _sector(report)
    middle = max(0.5 * (near + far), 0.5)
    lat, lon = _move(report.observer_lat, report.observer_lon, centre, middle * 1000.0)
    along = max(0.5 * (far * DISTANCE_FACTOR - near / DISTANCE_FACTOR), 1.0)
    across = max(middle * math.tan(math.radians(min(half + BEARING_TOLERANCE_DEG, 80.0))), 1.0)
    major, minor, azimuth = (along, across, centre % 180.0) if along >= across else (across, along, (centre + 90.0) % 180.0)
    return ReportOnlyEvent(event_id=f"R-{report.report_id}", report_id=report.report_id, time_s=time_s, time_sigma_s=time_sigma,
                           lat=lat, lon=lon, ellipse_major_km=major, ellipse_minor_km=minor, ellipse_azimuth_deg=azimuth, kind=kind)
