"""``FusionConfig.zone_clock_stations`` (``fuse/zoneclocks.py``, docs/fusion.md "Session 21 (lead)"): a station
logging local time (its clock whole hours ahead of or behind UTC) is read from its neighbours' picks and taken back;
right clocks, and bursts of fire that line up by chance at some lag in one part of a run, are left alone."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from truceline.fuse.engine import FusionConfig, prepare
from truceline.fuse.zoneclocks import zone_offsets

N_STATIONS = 10


def _line_network(seed: int, hours: float = 24.0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Ten stations 8 km apart on a line, sources over the run heard within 30 km at 0.33 km/s, clutter besides:
    (times, stations, x_km, y_km)."""
    rng = np.random.default_rng(seed)
    x = np.arange(N_STATIONS) * 8.0
    y = np.zeros(N_STATIONS)
    times, stations = [], []
    for source_t, sx, sy in zip(rng.uniform(0.0, hours * 3600.0, 400), rng.uniform(-5.0, 77.0, 400),
                                rng.uniform(-15.0, 15.0, 400)):
        distance = np.hypot(x - sx, y - sy)
        heard = np.flatnonzero(distance < 30.0)
        times.extend(source_t + distance[heard] / 0.33 + rng.normal(0.0, 0.3, heard.size))
        stations.extend(heard)
    clutter = int(hours * 40)
    times.extend(rng.uniform(0.0, hours * 3600.0, clutter))
    stations.extend(rng.integers(0, N_STATIONS, clutter))
    return np.asarray(times), np.asarray(stations), x, y


def test_a_station_on_local_time_is_read_and_the_others_are_not() -> None:
    times, stations, x, y = _line_network(5)
    assert not zone_offsets(times, stations, x, y).any()
    local = times + np.where(stations == 4, 7200.0, 0.0) + np.where(stations == 5, 7200.0, 0.0)
    offsets = zone_offsets(local, stations, x, y)
    assert offsets.tolist() == [0.0] * 4 + [7200.0, 7200.0] + [0.0] * 4  # two neighbours on UTC+2 both found
    behind = times + np.where(stations == 8, -3.0 * 3600.0 - 1800.0, 0.0)
    assert zone_offsets(behind, stations, x, y).tolist() == [0.0] * 8 + [-12600.0, 0.0]


def test_bursts_lined_up_by_chance_are_not_a_clock() -> None:
    rng = np.random.default_rng(8)
    times, stations, x, y = _line_network(6)
    # a burst of 80 picks at station 3 at 05:00 and of 80 at each of its neighbours at 07:15: at the lag 2.25 h they
    # line up, in one part of the run only
    burst = [np.full(80, 3), np.full(80, 2), np.full(80, 4)]
    starts = [5 * 3600.0, 7.25 * 3600.0, 7.25 * 3600.0]
    times = np.concatenate([times] + [t0 + np.sort(rng.uniform(0.0, 120.0, 80)) for t0 in starts])
    stations = np.concatenate([stations] + burst)
    assert not zone_offsets(times, stations, x, y).any()


def test_prepare_takes_the_local_clock_back_only_when_on() -> None:
    times, stations, x, y = _line_network(7)
    lat = 48.0 + y / 111.2
    lon = 37.0 + x / (111.2 * np.cos(np.radians(48.0)))
    ids = [f"S{i}" for i in range(N_STATIONS)]
    table = pa.table({"station_id": ids, "lat": lat, "lon": lon})
    local = times + np.where(stations == 6, 10800.0, 0.0)
    picks = pa.table({"pick_id": list(range(len(times))), "station_id": [ids[s] for s in stations], "time": local})
    on = prepare(table, picks, FusionConfig(zone_clock_stations=True))
    off = prepare(table, picks, FusionConfig(zone_clock_stations=False))
    shift = on.raw_time - off.raw_time + (on.time_origin_s - off.time_origin_s)
    assert np.allclose(shift[on.pick_station == 6], -10800.0, atol=1e-5)
    assert np.allclose(shift[on.pick_station != 6], 0.0, atol=1e-5)
