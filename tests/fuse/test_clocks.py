"""Clock offsets read against events located without the station (``fuse/clocks.py``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import searched_clock_offsets, travel_times
from truceline.fuse.clocks import unabsorbed_clock_offsets

TRUE = (0.338, 0.007, -0.002)


def _network_with_a_late_station(late_s: float):
    """8 stations on a ring, 40 events inside, every station's pick chosen by its event, station 3 ``late_s`` late;
    the events located with all their picks (so they absorb part of station 3's offset), plus clutter."""
    rng = np.random.default_rng(11)
    angle = np.linspace(0.0, 2 * np.pi, 8, endpoint=False)
    st_x, st_y = 18.0 * np.sin(angle), 18.0 * np.cos(angle)
    n_st, n = len(st_x), 40
    tx, ty = rng.uniform(-8, 8, n), rng.uniform(-8, 8, n)
    tt0 = np.arange(n) * 90.0 + 20.0
    offset = np.zeros(n_st)
    offset[3] = late_s
    station, time, picks = [], [], []
    for k in range(n):
        arrival = tt0[k] + travel_times(st_x, st_y, tx[k], ty[k], *TRUE) + offset + rng.normal(0.0, 0.05, n_st)
        picks.append(np.arange(len(time), len(time) + n_st))
        station.extend(range(n_st))
        time.extend(arrival)
    n_event_picks = len(time)
    for s in range(n_st):
        station.extend([s] * 25)
        time.extend(rng.uniform(0.0, n * 90.0, 25))
    station_arr, time_arr = np.array(station), np.array(time)
    baz = np.full(len(time_arr), np.nan)
    x, y, t0 = np.zeros(n), np.zeros(n), np.zeros(n)
    north = np.zeros(n_st)
    for k in range(n):
        x[k], y[k], t0[k], _cov, _chi2, _n = kernels.locate(
            picks[k], station_arr[picks[k]], time_arr, baz, baz, st_x, st_y, north, 0.0, 0.0, float(tt0[k]), *TRUE,
            0.15, 0.0015, 2.5, 15)
    order = np.lexsort((time_arr, station_arr))
    start = np.searchsorted(station_arr[order], np.arange(n_st + 1))
    assert n_event_picks == n * n_st
    return dict(st_x=st_x, st_y=st_y, north=north, x=x, y=y, t0=t0, cells=np.tile(np.array(TRUE), (n, 1)), picks=picks,
                station=station_arr, time=time_arr, baz=baz, raw=time_arr[order], start=start)


def _read(net, suspects=None):
    return unabsorbed_clock_offsets(
        net["st_x"], net["st_y"], net["north"], net["x"], net["y"], net["t0"], net["cells"], net["picks"],
        net["station"], net["time"], net["baz"], net["baz"], net["raw"], net["start"], reach_km=38.0, sigma_pick_s=0.15,
        kappa_model=0.0015, suspects=suspects)


def test_an_offset_absorbed_by_the_events_is_read_in_full_without_the_station() -> None:
    """Events located with a late station's picks absorb part of its offset: the mode of its picks about their
    arrivals (``searched_clock_offsets``) understates it; read against the events located without it, the offset is
    whole."""
    net = _network_with_a_late_station(0.9)
    searched, _ = searched_clock_offsets(net["st_x"], net["st_y"], net["x"], net["y"], net["t0"], net["cells"],
                                         net["raw"], np.sort(net["station"]), net["start"], reach_km=38.0)
    assert abs(searched[3] - 0.9) > 0.1
    readings = _read(net)
    assert readings[3].conclusive
    assert abs(readings[3].offset_s - 0.9) < 0.06


def test_a_neighbours_late_clock_is_left_out_of_the_reading_of_a_station_on_time() -> None:
    """Located without station 4 but with station 3's late picks, the events lean, and station 4 (on time) reads an
    offset; with station 3 named a suspect (its picks left out of every location) station 4 and every other station
    on time read near zero, and station 3 still reads its offset."""
    net = _network_with_a_late_station(0.9)
    first = _read(net)
    others = [s for s in range(len(first)) if s != 3]
    assert max(abs(first[s].offset_s) for s in others if first[s].conclusive) > 0.1
    suspects = np.zeros(len(first), dtype=bool)
    suspects[3] = True
    second = _read(net, suspects)
    assert all(abs(second[s].offset_s) < 0.06 for s in others if second[s].conclusive)
    assert second[3].conclusive and abs(second[3].offset_s - 0.9) < 0.06
