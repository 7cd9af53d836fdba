"""Helpers for attribution tests. A small two-party world for attribution tests: UA west of 37.0 E, RU east of it, a withdrawal zone along the line."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from truceline.geo.areas import Areas

LINE_LON = 37.0
KM_PER_DEG_LON = 111.32 * np.cos(np.radians(48.0))


def world() -> dict[str, Any]:
    def box(lon0: float, lon1: float) -> dict[str, Any]:
        return {"type": "Polygon", "coordinates": [[[lon0, 47.0], [lon1, 47.0], [lon1, 49.0], [lon0, 49.0], [lon0, 47.0]]]}

    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"party": "UA"}, "geometry": box(35.5, LINE_LON)},
        {"type": "Feature", "properties": {"party": "RU"}, "geometry": box(LINE_LON, 38.5)},
        {"type": "Feature", "properties": {"role": "line"}, "geometry": {"type": "LineString", "coordinates": [[LINE_LON, 47.0], [LINE_LON, 49.0]]}},
        {"type": "Feature", "properties": {"zone": "withdrawal", "party": "UA"}, "geometry": box(LINE_LON - 0.2, LINE_LON)},
        {"type": "Feature", "properties": {"zone": "withdrawal", "party": "RU"}, "geometry": box(LINE_LON, LINE_LON + 0.2)},
    ]}


def make_areas() -> Areas:
    return Areas.from_geojson(world())


def lon_at_km(km_east_of_line: float) -> float:
    """Longitude (at 48 N) of a point ``km_east_of_line`` east of the line (negative: west, UA)."""
    return LINE_LON + km_east_of_line / KM_PER_DEG_LON


def events_table(rows: list[tuple[str, float, float, float]], *, ellipse_km: float = 0.3, time_sigma_s: float = 0.2) -> pa.Table:
    """Events from (event_id, time_s, lat, lon) with small round ellipses."""
    n = len(rows)
    return pa.table({
        "event_id": pa.array([r[0] for r in rows], type=pa.string()),
        "time": pa.array([r[1] for r in rows], type=pa.float64()),
        "lat": pa.array([r[2] for r in rows], type=pa.float64()),
        "lon": pa.array([r[3] for r in rows], type=pa.float64()),
        "time_sigma_s": pa.array([time_sigma_s] * n),
        "ellipse_major_km": pa.array([ellipse_km] * n),
        "ellipse_minor_km": pa.array([ellipse_km] * n),
        "ellipse_azimuth_deg": pa.array([0.0] * n),
        "n_picks": pa.array([8] * n),
        "side": pa.array([""] * n, type=pa.string()),
        "p_side": pa.array([None] * n, type=pa.float64()),
        "kind": pa.array(["unknown"] * n, type=pa.string()),
    })


T0 = 1_780_300_000.0


def salvo(n: int = 4, *, launch_km: float = -8.0, impact_km: float = 10.0, flight_s: float = 45.0, interval_s: float = 12.0,
          lat: float = 48.0, prefix: str = "") -> list[tuple[str, float, float, float]]:
    """``n`` launches from one battery then their ``n`` impacts, interleaved in time as a salvo is."""
    rows = []
    for k in range(n):
        rows.append((f"{prefix}L{k + 1}", T0 + k * interval_s, lat + 0.001 * k, lon_at_km(launch_km)))
        rows.append((f"{prefix}I{k + 1}", T0 + k * interval_s + flight_s + 0.3 * ((-1) ** k), lat + 0.002 * k, lon_at_km(impact_km) + 0.002 * k))
    return rows


def mortar_and_gun_rows(seed: int = 5) -> list[tuple[float, float, float]]:
    """Eight isolated mortar pairs 5 km across the line in 28 s (a gun's time of flight too), 100 / 111 dB, and twelve
    gun pairs 20 km across in 45 s (115 dB), an hour apart: rows of (time s, km east of the line, level dB)."""
    rng = np.random.default_rng(seed)
    rows: list[tuple[float, float, float]] = []
    for k in range(8):
        t = k * 3600.0
        rows += [(t, -2.5, 100.0 + rng.normal(0, 1.0)), (t + 28.0, 2.5, 111.0 + rng.normal(0, 1.0))]
    for k in range(12):
        t = k * 3600.0 + 1800.0
        rows += [(t, -10.0, 115.0 + rng.normal(0, 1.5)), (t + 45.0, 10.0, 115.5 + rng.normal(0, 1.5))]
    return rows


# A volley toy shared by the volley tests (test_volley_one_place.py, test_volley_joint.py), issue #4's class II (violation
# seed 11 fused E000405).
KM = 1 / 111.2  # degrees of latitude per km
# 0: a RU round landing 2.4 km on UA's side, no launch heard; 1-3: a UA rocket battery 12 km behind the line (0.5-1.4 s);
# 4-6: the battery's volley landing 2.5 km on RU's side 36.4-38.8 s later, within 300 m. The assignment gives 0 the
# volley's first impact 4 (a rocket's flight, as cheap as the battery's own) and leaves the battery's third round unpaired.
TIME = np.array([0.0, 0.5, 0.6, 1.4, 36.4, 38.1, 38.8])
X_KM = np.array([-2.4, -11.9, -12.16, -12.0, 2.52, 2.55, 2.77])
Y_KM = np.array([4.0, 0.0, 0.1, -0.1, 5.0, 5.1, 4.9])
LAT = 48.0 + Y_KM * KM
LON = np.array([lon_at_km(v) for v in X_KM])
SIGMA = np.full(7, 100.0)
KIND = np.array(["launch", "launch", "launch", "unknown", "impact", "impact", "impact"])
PARTNER = np.array([4, 5, 6, -1, 0, 1, 2])


def volley_pairing(**config: Any) -> Any:
    """``pair_events`` on the volley toy above, with ``PairingConfig(**config)``: UA west of the line, RU east."""
    from truceline.attribute.pairing import PairingConfig, pair_events

    return pair_events(TIME, LAT, LON, np.full(7, 0.5), SIGMA, np.where(X_KM < 0, "UA", "RU"), np.ones(7),
                       line_distance_m=X_KM * 1000.0, config=PairingConfig(**config))


def mortar_and_gun_levels() -> Any:
    """A level model as the run learns it: a mortar class (launch 100 dB, impact 111 dB), guns whose launch and shell
    are equally loud (116 / 116.5 dB) and a class without levels."""
    from truceline.attribute.acoustics import LevelModel

    return LevelModel(has_class=np.array([True, True, False]), launch_db=np.array([100.0, 116.0, np.nan]),
                      impact_db=np.array([111.0, 116.5, np.nan]), sigma_db=np.array([2.5, 2.5, np.nan]),
                      weight=np.array([0.3, 0.6, 0.0]), unmodelled_share=0.1,
                      all_levels_db=np.linspace(90.0, 125.0, 351), bandwidth_db=1.5)


# Six stations' loudness above their noise, loudest first.
LOUD = np.array([10.0, 9.0, 8.0, 7.0, 6.0, 5.0])
