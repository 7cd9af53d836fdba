"""A tiny hand-made acoustic scenario for the peer wrappers' tests.

Eight stations a few kilometres apart around 48.0°N 37.5°E, four sources on the ground, sound
at 340 m/s along the geodesic, small seeded Gaussian pick noise, two clutter picks, and the
ground truth in the scenario-directory layout of CONTRACTS.md (``truth_events.csv``,
``truth_picks.csv`` with ``-1`` for clutter). Times are Unix seconds, so that the wrappers'
handling of large epochs is exercised too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
from pyproj import Geod

REPOSITORY = Path(__file__).resolve().parents[2]
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))

from truceline.model.tables import write_table  # noqa: E402

SOUND_SPEED_M_PER_S = 340.0
EPOCH_S = 1_750_000_000.0

STATIONS = (
    ("A1", 48.000, 37.500),
    ("A2", 48.060, 37.560),
    ("A3", 47.950, 37.600),
    ("A4", 48.080, 37.420),
    ("A5", 47.930, 37.430),
    ("A6", 48.010, 37.680),
    ("A7", 48.120, 37.520),
    ("A8", 47.900, 37.540),
)

# (event_id, origin time after EPOCH_S, lat, lon)
EVENTS = (
    (1, 100.0, 48.020, 37.520),
    (2, 400.0, 47.970, 37.580),
    (3, 700.0, 48.050, 37.460),
    (4, 1000.0, 47.990, 37.630),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class TinyScenario:
    directory: Path
    stations: Path
    picks: Path
    true_events: tuple[tuple[int, float, float, float], ...]
    pick_event: dict[str, int]
    """pick_id -> true event id (-1 for clutter)."""


def make_tiny_scenario(directory: Path, *, seed: int = 3, noise_s: float = 0.05) -> TinyScenario:
    """Write the scenario into ``directory`` and describe it."""
    rng = np.random.default_rng(seed)
    geod = Geod(ellps="WGS84")
    directory.mkdir(parents=True, exist_ok=True)
    write_table(
        pa.table(
            {
                "station_id": [name for name, _, _ in STATIONS],
                "lat": [lat for _, lat, _ in STATIONS],
                "lon": [lon for _, _, lon in STATIONS],
            }
        ),
        directory / "stations.csv",
    )
    rows: list[tuple[str, float, int]] = []
    for event_id, time_s, lat, lon in EVENTS:
        for station_id, station_lat, station_lon in STATIONS:
            _, _, distance_m = geod.inv(lon, lat, station_lon, station_lat)
            arrival_s = EPOCH_S + time_s + distance_m / SOUND_SPEED_M_PER_S + rng.normal(0.0, noise_s)
            rows.append((station_id, float(arrival_s), event_id))
    rows.append(("A3", EPOCH_S + 250.0, -1))  # clutter: a truck at one station
    rows.append(("A6", EPOCH_S + 860.0, -1))
    rows.sort(key=lambda row: row[1])
    pick_ids = [f"p{index:03d}" for index in range(len(rows))]
    write_table(
        pa.table({"pick_id": pick_ids, "station_id": [r[0] for r in rows], "time": [r[1] for r in rows]}),
        directory / "picks.csv",
    )
    write_table(
        pa.table(
            {
                "event_id": [e[0] for e in EVENTS],
                "time": [EPOCH_S + e[1] for e in EVENTS],
                "lat": [e[2] for e in EVENTS],
                "lon": [e[3] for e in EVENTS],
                "n_picks": [len(STATIONS)] * len(EVENTS),
            }
        ),
        directory / "truth_events.csv",
    )
    write_table(pa.table({"pick_id": pick_ids, "event_id": [r[2] for r in rows]}), directory / "truth_picks.csv")
    return TinyScenario(
        directory=directory,
        stations=directory / "stations.csv",
        picks=directory / "picks.csv",
        true_events=tuple((e[0], EPOCH_S + e[1], e[2], e[3]) for e in EVENTS),
        pick_event=dict(zip(pick_ids, [r[2] for r in rows])),
    )
