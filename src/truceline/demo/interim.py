"""INTERIM attribution for the demo, until ``truceline.attribute`` lands on main.

This is deliberately simple and conservative, and it is labelled as such in the demo's output
and the report's sources. It reads only what a monitoring cell has — the fused events (with
``side``/``p_side``), the reports and the agreement's terms — never the simulator's truth.

- pairing: an event and a later one on the other side of the line, 1–40 km apart, whose time
  difference fits a ballistic flight (mean speed 100–900 m/s, at least 5 s) are a launch and
  its impact; each event joins at most one pair, earliest launch first, closest fit first;
- weapon class from the range (mortar up to 7 km, tube artillery up to 30 km, rockets beyond);
- firing party: the launch's side; confidence ``p_side(launch) * p_side(impact)``;
- rules: ``launch_in_area`` for every pair; ``heavy_weapons_in_zone`` instead when the launch
  lies in that zone and the weapon class is one the rule names;
- corroboration: a patrol report whose time window (±2 min) holds the launch or the impact and
  whose bearing sector (±10°) and distance range (±1.5 km) contain it, or a located report
  within its stated uncertainty (at least 5 km); the confidence gains half the remaining doubt,
  weighted by the report's reliability grade; status ``corroborated``.

Unpaired events get no verdict here (the real stage judges impacts across the line too).
:func:`attribute` is the one call the demo makes; swap it for ``truceline.attribute``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from pyproj import Geod

from truceline.geo.areas import Areas
from truceline.model.agreement import Terms
from truceline.model.cases import Violation
from truceline.model.reports import Report

GEOD = Geod(ellps="WGS84")
LABEL = "interim attribution (truceline.demo.interim): launch/impact pairing by time of flight, party of the launch area"
MIN_RANGE_M, MAX_RANGE_M = 1_000.0, 40_000.0
MIN_SPEED, MAX_SPEED, MIN_FLIGHT_S = 100.0, 900.0, 5.0
VERDICT_DELAY_S = 300.0  # from the impact to the automatic verdict
CORROBORATION_DELAY_S = 600.0  # from the end of a report's window to the corroborated verdict
RELIABILITY = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.3}
WEAPON_NAMES = {"mortar": ("mortar",), "tube_artillery": ("artillery",), "rocket_artillery": ("mlrs", "rocket", "artillery")}


@dataclass(frozen=True, slots=True, kw_only=True)
class Attributed:
    """The events with the attribution columns filled in, and the verdicts in the order they became known."""

    events: pa.Table
    verdicts: tuple[Violation, ...]


def weapon_class(range_m: float) -> str:
    if range_m <= 7_000.0:
        return "mortar"
    if range_m <= 30_000.0:
        return "tube_artillery"
    return "rocket_artillery"


def pair_events(time_s: np.ndarray, lat: np.ndarray, lon: np.ndarray, side: Sequence[str]) -> np.ndarray:
    """``partner[i]``: the impact of launch i, ``-(j + 2)`` for the launch of impact j, -1 alone."""
    n = len(time_s)
    partner = np.full(n, -1, dtype=np.int64)
    order = np.argsort(time_s, kind="stable")
    for a in (int(i) for i in order):
        if partner[a] != -1 or not side[a]:
            continue
        later = np.flatnonzero((time_s > time_s[a] + MIN_FLIGHT_S) & (time_s < time_s[a] + MAX_RANGE_M / MIN_SPEED) & (partner == -1))
        later = np.array([b for b in later.tolist() if side[b] and side[b] != side[a]], dtype=np.int64)
        if later.size == 0:
            continue
        _, _, range_m = GEOD.inv(np.full(later.size, lon[a]), np.full(later.size, lat[a]), lon[later], lat[later])
        speed = range_m / (time_s[later] - time_s[a])
        fits = (range_m >= MIN_RANGE_M) & (range_m <= MAX_RANGE_M) & (speed >= MIN_SPEED) & (speed <= MAX_SPEED)
        if not fits.any():
            continue
        best = later[fits][np.argmin(np.abs(np.log(speed[fits] / 300.0)))]
        partner[a] = best
        partner[best] = -(a + 2)
    return partner


def _bearing_ok(report: Report, lat: float, lon: float) -> bool:
    if report.observer_lat is None or report.observer_lon is None:
        return False
    azimuth, _, distance_m = GEOD.inv(report.observer_lon, report.observer_lat, lon, lat)
    if report.distance_min_km is not None and distance_m < (report.distance_min_km - 1.5) * 1000.0:
        return False
    if report.distance_max_km is not None and distance_m > (report.distance_max_km + 1.5) * 1000.0:
        return False
    if report.bearing_min_deg is not None and report.bearing_max_deg is not None:
        width = (report.bearing_max_deg - report.bearing_min_deg) % 360.0
        offset = (azimuth - report.bearing_min_deg + 10.0) % 360.0
        return bool(offset <= width + 20.0)
    return report.distance_max_km is not None


def corroborating(reports: Sequence[Report], time_s: float, lat: float, lon: float) -> list[Report]:
    """The reports that saw an event at this time and place."""
    found = []
    for report in reports:
        if report.time_start is None or report.time_end is None:
            continue
        if not report.time_start - 120.0 <= time_s <= report.time_end + 120.0:
            continue
        if report.lat is not None and report.lon is not None:
            _, _, distance_m = GEOD.inv(report.lon, report.lat, lon, lat)
            if distance_m <= max(5.0, report.location_uncertainty_km or 0.0) * 1000.0:
                found.append(report)
        elif _bearing_ok(report, lat, lon):
            found.append(report)
    return found


def attribute(events: pa.Table, areas: Areas, reports: Sequence[Report], terms: Terms, agreement_sector: "SectorOf") -> Attributed:
    """Pair, attribute, corroborate and judge ``events`` (see the module documentation)."""
    n = events.num_rows
    ids = [str(e) for e in events["event_id"].to_pylist()]
    time_s = np.asarray(events["time"].to_pylist(), dtype=np.float64)
    lat = np.asarray(events["lat"].to_pylist(), dtype=np.float64)
    lon = np.asarray(events["lon"].to_pylist(), dtype=np.float64)
    side = [str(s or "") for s in events["side"].to_pylist()]
    p_side = np.nan_to_num(np.asarray([np.nan if p is None else p for p in events["p_side"].to_pylist()], dtype=np.float64), nan=0.0)
    partner = pair_events(time_s, lat, lon, side)
    zone = areas.zone_at(lat, lon) if n else np.zeros(0, dtype=str)
    kind = ["unknown"] * n
    firing = [""] * n
    p_firing: list[float | None] = [None] * n
    pair_id = [""] * n
    weapon = ["undetermined"] * n
    sector = [agreement_sector(float(lat[i]), float(lon[i])) for i in range(n)]
    status = ["automatic"] * n
    report_ids = [""] * n
    rules = {rule.kind: rule for rule in terms.violation_rules}
    verdicts: list[Violation] = []
    for a in range(n):
        b = int(partner[a])
        if b < 0:
            continue
        _, _, range_m = GEOD.inv(lon[a], lat[a], lon[b], lat[b])
        cls = weapon_class(float(range_m))
        confidence = float(p_side[a] * p_side[b])
        for i, role in ((a, "launch"), (b, "impact")):
            kind[i], firing[i], weapon[i] = role, side[a], cls
            pair_id[i] = ids[b] if role == "launch" else ids[a]
        seen = corroborating(reports, float(time_s[a]), float(lat[a]), float(lon[a]))
        seen += [r for r in corroborating(reports, float(time_s[b]), float(lat[b]), float(lon[b])) if r not in seen]
        seen.sort(key=lambda r: r.report_id)
        rule = rules.get("launch_in_area")
        zone_rule = rules.get("heavy_weapons_in_zone")
        if zone_rule is not None and zone[a] == zone_rule.zone and any(w in zone_rule.weapons for w in WEAPON_NAMES[cls]):
            rule = zone_rule
        known_s = float(time_s[b]) + VERDICT_DELAY_S
        base = Violation(
            at_s=known_s, event_id=ids[a], firing_party=side[a], target_party=side[b], sector=sector[a], time_s=float(time_s[a]),
            confidence=round(confidence, 4), status="automatic", rule=rule.id if rule else "launch-in-party-area",
            evidence_ids=(ids[a], ids[b]),
        )
        verdicts.append(base)
        if seen:
            doubt = 1.0 - confidence
            for report in seen:
                doubt *= 1.0 - 0.5 * RELIABILITY.get((report.reliability or "F")[0], 0.3)
            at_s = max(known_s, max(float(r.time_end or 0.0) for r in seen) + CORROBORATION_DELAY_S)
            verdicts.append(
                Violation(
                    at_s=at_s, event_id=ids[a], firing_party=side[a], target_party=side[b], sector=sector[a], time_s=float(time_s[a]),
                    confidence=round(1.0 - doubt, 4), status="corroborated", rule=base.rule,
                    evidence_ids=base.evidence_ids + tuple(r.report_id for r in seen),
                )
            )
            status[a] = status[b] = "corroborated"
            report_ids[a] = report_ids[b] = ";".join(r.report_id for r in seen)
        p_firing[a] = p_firing[b] = round(confidence, 4)
    table = events
    for name, values, kind_type in (
        ("kind", kind, pa.string()), ("firing_party", firing, pa.string()), ("p_firing_party", p_firing, pa.float64()),
        ("pair_event_id", pair_id, pa.string()), ("status", status, pa.string()), ("sector", sector, pa.string()),
        ("weapon_class", weapon, pa.string()), ("report_ids", report_ids, pa.string()),
    ):
        column = pa.array(values, type=kind_type)
        if name in table.column_names:
            table = table.set_column(table.column_names.index(name), name, column)
        else:
            table = table.append_column(name, column)
    verdicts.sort(key=lambda v: (v.at_s, v.event_id, v.status))
    return Attributed(events=table, verdicts=tuple(verdicts))


class SectorOf:
    """The agreement's sector of a point: the sector named after the waypoint nearest to it.

    The bundled ``ukraine-2026`` sectors are oblasts; each front waypoint belongs to one."""

    OBLAST = {
        "Dnipro mouth": "kherson", "Kherson": "kherson", "Nova Kakhovka": "kherson",
        "Enerhodar": "zaporizhzhia", "Kamianske": "zaporizhzhia", "Orikhiv": "zaporizhzhia", "Huliaipole": "zaporizhzhia",
        "Velyka Novosilka": "donetsk", "Vuhledar": "donetsk", "Kurakhove": "donetsk", "Pokrovsk": "donetsk", "Toretsk": "donetsk",
        "Chasiv Yar": "donetsk", "Siversk": "donetsk", "Lyman": "donetsk", "Kreminna": "luhansk",
        "Borova": "kharkiv", "Kupiansk": "kharkiv", "Vovchansk": "kharkiv", "Kharkiv border": "kharkiv",
        "Sumy-Kharkiv border": "kharkiv", "Sumy border": "kharkiv",
    }

    def __init__(self, sector_ids: Sequence[str]) -> None:
        from truceline.geo.front import WAYPOINTS

        self.sector_ids = tuple(sector_ids)
        self.names = [w.name for w in WAYPOINTS]
        self.lat = np.array([w.lat_deg for w in WAYPOINTS])
        self.lon = np.array([w.lon_deg for w in WAYPOINTS])

    def __call__(self, lat: float, lon: float) -> str:
        _, _, distance = GEOD.inv(self.lon, self.lat, np.full(self.lat.size, lon), np.full(self.lat.size, lat))
        name = self.names[int(np.argmin(distance))]
        sector = self.OBLAST.get(name, "")
        return sector if sector in self.sector_ids or not self.sector_ids else (self.sector_ids[0] if self.sector_ids else "")
