"""Human and open-source reports: patrol teams that hear fire, and late, imprecise OSINT.

Patrol teams take up positions 1-8 km behind the line for shifts of 2-5 hours and report,
per 20-60 minute window, what they heard, the way monitoring missions write it: a count, a
16-point bearing sector, a distance range in whole kilometres. Hearing is the same level
model as the sensors' (spreading plus excess attenuation) against a human threshold. The
human errors are the ones mission reports show: bangs less than a second apart are counted as
one, counts are off by ~15 %, bearings by ~15 degrees (and a team has its own bias), distances
by a factor of ~1.35, launches and impacts are confused now and then.

OSINT records (local channels, social media) cover a fraction of fire missions with impacts:
one record per mission with a location 1-10 km off, a broad time window, and a count; they are
published hours later. Every record carries ``truth_event_ids`` for scoring.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from truceline.geo.frame import Sectors
from truceline.ingest.gazetteer import Gazetteer, offset_position
from truceline.sim.config import SimConfig
from truceline.sim.firing import Sources
from truceline.sim.placement import geodesic, move, offset_point
from truceline.sim.propagation import EXCESS_ATTENUATION_DB_PER_KM

FloatArray = NDArray[np.float64]
COMPASS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
COMPASS_WORDS = {
    "N": "north", "NNE": "north-north-east", "NE": "north-east", "ENE": "east-north-east", "E": "east",
    "ESE": "east-south-east", "SE": "south-east", "SSE": "south-south-east", "S": "south", "SSW": "south-south-west",
    "SW": "south-west", "WSW": "west-south-west", "W": "west", "WNW": "west-north-west", "NW": "north-west",
    "NNW": "north-north-west",
}
HEARING_LEVEL_DB = 72.0
HEARING_RANGE_M = 30_000.0
KIND_TEXT = {
    "explosion_impact": "explosions assessed as impacts",
    "explosion_outgoing": "explosions assessed as outgoing fire",
    "explosion_undetermined": "undetermined explosions",
}


def compass(azimuth_deg: float) -> str:
    return COMPASS[int(np.floor(((azimuth_deg % 360.0) + 11.25) / 22.5)) % 16]


def _clock(time_s: float) -> str:
    return datetime.fromtimestamp(time_s, tz=timezone.utc).strftime("%H:%M")


@lru_cache(maxsize=1)
def _anchors() -> tuple[tuple[str, ...], FloatArray, FloatArray]:
    """The bundled gazetteer's places (spelling, lat, lon) that a reader of the text can look up.

    Each place is written in the first of its spellings that the gazetteer resolves exactly to it and that reads as
    a plain name (no bracketed disambiguation: "Vodiane (Avdiivka)" would be read as "Vodiane" described by
    "(Avdiivka)"); a place with no such spelling is not used as an anchor.
    """
    gazetteer = Gazetteer.bundled()
    names: list[str] = []
    lats: list[float] = []
    lons: list[float] = []
    for place in gazetteer.places:
        for spelling in (place.name, *place.alt_names):
            match = gazetteer.lookup(spelling)
            if "(" not in spelling and match is not None and match.how == "exact" and match.place == place:
                names.append(spelling)
                lats.append(place.lat)
                lons.append(place.lon)
                break
    return tuple(names), np.array(lats), np.array(lons)


#: How many of the nearest gazetteer places a position may be written from (the one whose text reads back closest).
ANCHOR_CANDIDATES = 3


def _place(lat: float, lon: float) -> str:
    """'3km south-west of Pokrovsk': the offset from a nearby gazetteer place, as a mission would name its position.

    The anchor is named as the gazetteer names it and the offset is measured from the gazetteer's position of it
    (WGS 84), so that ``ingest patrol-text`` reading the text back puts the observer where the record does, within
    the text's rounding (whole kilometres, 16 compass points): at most 0.5 km along and ``d * sin(11.25°)`` across
    for an anchor ``d`` km away. Of the ``ANCHOR_CANDIDATES`` nearest places, the one whose text reads back closest
    to the position is used (the nearer on a tie): the writer knows what its words will mean. Within 0.5 km of the
    anchor the position is written "in PLACE". The front's waypoints are not used: some are not places
    ("Sumy-Kharkiv border"), and their positions are not the gazetteer's.
    """
    names, lats, lons = _anchors()
    azimuth, distance = geodesic(lats, lons, np.full(len(names), lat), np.full(len(names), lon))
    best: tuple[float, str] | None = None
    for index in np.argsort(distance, kind="stable")[:ANCHOR_CANDIDATES]:
        km = int(round(distance[index] / 1000.0))
        if km == 0:
            text, back = f"in {names[index]}", (float(lats[index]), float(lons[index]))
        else:
            point = compass(float(azimuth[index]))
            text = f"{km}km {COMPASS_WORDS[point]} of {names[index]}"
            back = offset_position(float(lats[index]), float(lons[index]), COMPASS.index(point) * 22.5, float(km))
        _, error = geodesic(lat, lon, back[0], back[1])
        if best is None or float(error) < best[0]:
            best = (float(error), text)
    assert best is not None
    return best[1]


def patrol_reports(
    sources: Sources, event_ids: NDArray[np.int64], sectors: Sectors, config: SimConfig, rng: np.random.Generator
) -> list[dict[str, Any]]:
    """Reports of patrol teams hearing the given (time-sorted) sources."""
    reports: list[dict[str, Any]] = []
    start, end = config.start_time_s, config.end_time_s
    for team in range(config.patrol_teams):
        bias_deg = rng.normal(0.0, 8.0)
        time = start + rng.uniform(0.0, 3_600.0)
        while time < end:
            shift_end = min(time + rng.uniform(2.0, 5.0) * 3_600.0, end)
            side = rng.choice([-1.0, 1.0])
            along = rng.uniform(20_000.0, sectors.length_m - 20_000.0)
            lat, lon = offset_point(sectors, np.array([along]), np.array([side * rng.uniform(1_000.0, 8_000.0)]))
            observer_lat, observer_lon = float(lat[0]), float(lon[0])
            window_start = time
            while window_start < shift_end:
                window_end = min(window_start + rng.uniform(1_200.0, 3_600.0), shift_end)
                reports.extend(
                    _window(sources, event_ids, team, observer_lat, observer_lon, window_start, window_end, bias_deg, rng)
                )
                window_start = window_end
            time = shift_end + rng.uniform(1_800.0, 7_200.0)
    reports.sort(key=lambda r: (r["time_start"], r["observer_lat"]))
    for number, report in enumerate(reports, start=1):
        report["report_id"] = f"patrol-{number:05d}"
    return reports


def _window(
    sources: Sources,
    event_ids: NDArray[np.int64],
    team: int,
    lat: float,
    lon: float,
    begin: float,
    finish: float,
    bias_deg: float,
    rng: np.random.Generator,
) -> list[dict[str, Any]]:
    lo, hi = np.searchsorted(sources.time_s, [begin, finish])
    if lo == hi:
        return []
    index = np.arange(lo, hi)
    azimuth, distance = geodesic(np.full(index.size, lat), np.full(index.size, lon), sources.lat_deg[index], sources.lon_deg[index])
    distance = np.maximum(distance, 50.0)
    level = sources.level_db[index] - 20.0 * np.log10(distance / 1_000.0) - EXCESS_ATTENUATION_DB_PER_KM * (distance - 1_000.0) / 1_000.0
    level = level + rng.normal(0.0, 3.0, index.size)
    heard = (distance < HEARING_RANGE_M) & (rng.random(index.size) < 1.0 / (1.0 + np.exp(-(level - HEARING_LEVEL_DB) / 3.0)))
    if not heard.any():
        return []
    index, azimuth, distance = index[heard], azimuth[heard], distance[heard]
    perceived = (azimuth + bias_deg + rng.normal(0.0, 12.0, index.size)) % 360.0
    sector = np.floor((perceived + 11.25) / 22.5).astype(int) % 16
    true_kind = sources.kind[index]
    draw = rng.random(index.size)
    kind = np.where(
        draw < 0.45,
        np.where(true_kind == "impact", "explosion_impact", "explosion_outgoing"),
        np.where(draw < 0.9, "explosion_undetermined", np.where(true_kind == "impact", "explosion_outgoing", "explosion_impact")),
    )
    out: list[dict[str, Any]] = []
    for group_sector in np.unique(sector):
        for group_kind in np.unique(kind[sector == group_sector]):
            members = np.flatnonzero((sector == group_sector) & (kind == group_kind))
            times = sources.time_s[index[members]]
            bangs = 1 + int(np.sum(np.diff(np.sort(times)) > 1.0))
            count = max(1, int(round(bangs * np.exp(rng.normal(0.0, 0.15)))))
            km = float(np.median(distance[members])) / 1_000.0 * float(np.exp(rng.normal(0.0, 0.3)))
            near, far = max(0, int(np.floor(km * 0.75))), max(1, int(np.ceil(km * 1.3)))
            if near == 0 and far <= 1:
                near, far = 0, 1
            centre = group_sector * 22.5
            half = 11.25
            if rng.random() < 0.25:  # "east to south-east": two sectors
                centre += rng.choice([-11.25, 11.25])
                half = 22.5
            bearing_min, bearing_max = (centre - half) % 360.0, (centre + half) % 360.0
            first = float(np.floor(times.min() / 60.0) * 60.0)
            last = float(np.ceil(times.max() / 60.0) * 60.0)
            direction = COMPASS[int(group_sector)]
            place = _place(lat, lon)
            text = (
                f"Positioned {place}, the team heard {count} {KIND_TEXT[str(group_kind)]} {near}-{far}km {direction} "
                f"between {_clock(first)} and {_clock(last)} (UTC)."
            )
            out.append(
                {
                    "report_id": "",
                    "source": "patrol",
                    "observer_lat": round(lat, 5),
                    "observer_lon": round(lon, 5),
                    "observer_place": place,
                    "team_id": f"team-{team + 1:02d}",
                    "time_start": first,
                    "time_end": last,
                    "count": count,
                    "kind": str(group_kind),
                    "bearing_min_deg": round(bearing_min, 2),
                    "bearing_max_deg": round(bearing_max, 2),
                    "distance_min_km": float(near),
                    "distance_max_km": float(far),
                    "reliability": "B2",
                    "text": text,
                    "truth_event_ids": sorted(int(event_ids[i]) for i in index[members]),
                }
            )
    return out


def osint_reports(sources: Sources, event_ids: NDArray[np.int64], config: SimConfig, rng: np.random.Generator) -> list[dict[str, Any]]:
    """One late, imprecise record for a fraction of the missions that had impacts."""
    impacts = np.flatnonzero(sources.kind == "impact")
    reports: list[dict[str, Any]] = []
    weight = {"tube_artillery": 1.5, "rocket_artillery": 2.0, "mortar": 0.6, "drone_munition": 1.0}
    for mission in np.unique(sources.mission[impacts]):
        members = impacts[sources.mission[impacts] == mission]
        weapon = str(sources.weapon[members[0]])
        if rng.random() >= min(1.0, config.osint_fraction * weight.get(weapon, 1.0)):
            continue
        error_m = float(np.exp(rng.uniform(np.log(1_000.0), np.log(10_000.0))))
        lat, lon = move(float(np.mean(sources.lat_deg[members])), float(np.mean(sources.lon_deg[members])), rng.uniform(0.0, 360.0), error_m)
        first, last = float(sources.time_s[members].min()), float(sources.time_s[members].max())
        time_start = float(np.floor(first / 3_600.0) * 3_600.0 - rng.integers(0, 3) * 3_600.0)
        time_end = float(np.ceil(last / 3_600.0) * 3_600.0 + rng.integers(1, 5) * 3_600.0)
        count = max(1, int(round(members.size * np.exp(rng.normal(0.0, 0.3)))))
        published = last + rng.uniform(1.0, 12.0) * 3_600.0
        place = _place(float(lat), float(lon))
        reports.append(
            {
                "report_id": "",
                "source": "osint",
                "lat": round(float(lat), 4),
                "lon": round(float(lon), 4),
                "time_start": time_start,
                "time_end": time_end,
                "published_time": round(published, 0),
                "count": count,
                "kind": "explosion_impact",
                "reliability": str(rng.choice(["C3", "C3", "D3", "B3"])),
                "text": f"Local channels report {count} explosion{'s' if count > 1 else ''} {place}.",
                "truth_event_ids": sorted(int(event_ids[i]) for i in members),
            }
        )
    reports.sort(key=lambda r: (r["time_start"], r["lat"]))
    for number, report in enumerate(reports, start=1):
        report["report_id"] = f"osint-{number:05d}"
    return reports
