"""Sources that repeat at one place (fuse/repeat.py), on hand-made rounds in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_rival import C_KM_S, KAPPA, SIGMA_S, ST_X, ST_Y, Book, station
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.repeat import (arrival_windows, disc_grid, range_pool, repeated_sources, replacement_start,
                                  station_ranges)
from truceline.fuse.rival import PickContext

BATTERY = (13.0, 2.0)  # east of the 5 x 5 grid of stations (x and y from -10 to 10 km)


def _run(events: list[tuple[float, float, float, np.ndarray]],
         book: Book) -> tuple[list[tuple[int, float, float, float, np.ndarray]], list[np.ndarray]]:
    """``repeated_sources`` on the book's picks (ids: the book's indices) and these events."""
    x = np.array([e[0] for e in events])
    y = np.array([e[1] for e in events])
    t0 = np.array([e[2] for e in events])
    time, st, start, picks, order = book.kernel_layout([e[3] for e in events])
    n = len(time)

    def heard_by_nearest(chosen: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray) -> bool:
        return heard_by_nearest_majority(x, y, t0, st[chosen], atmosphere, st_x=ST_X, st_y=ST_Y,
                                         station_pick_start=start, pick_time=time)

    found = repeated_sources(
        x, y, t0, picks, np.tile([C_KM_S, 0.0, 0.0], (len(events), 1)), pick_time=time, pick_station=st,
        pick_baz=np.full(n, np.nan), pick_baz_sigma=np.full(n, np.nan), st_x=ST_X, st_y=ST_Y,
        st_north=np.zeros(len(ST_X)), station_pick_start=start, sigma_s=SIGMA_S, kappa_model=KAPPA, min_stations=4,
        reach_km=38.0, max_z=3.0, max_normalised_rms=2.2, baz_gate_z=3.0, accept=heard_by_nearest)
    return [(a, bx, by, bt, order[p]) for a, bx, by, bt, p in found], [order[p] for p in picks]


def _battery(book: Book) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A loud round heard by all 25 stations, then, 8 s later from the same tube, a weak one heard by the six
    stations nearest to it; two of the weak round's picks are held by a chance coincidence with three
    clutter picks (the kind of mixture the greedy search makes in a burst)."""
    loud = book.arrivals(*BATTERY, 100.0, list(range(len(ST_X))))
    weak_stations = [station(10, 0), station(10, 5), station(10, -5), station(5, 0), station(5, 5), station(10, 10)]
    weak = book.arrivals(BATTERY[0] + 0.04, BATTERY[1] - 0.03, 108.0, weak_stations)
    stray = np.array([book.arrivals(*xy, t, [s])[0] for xy, t, s in
                      (((-3.0, -6.0), 101.0, station(-5, -5)), ((-3.0, -6.0), 101.0, station(0, -10)),
                       ((-3.0, -6.0), 101.0, station(-10, -5)))])
    mixture = np.sort(np.concatenate([weak[[3, 4]], stray]))
    return loud, weak, stray, mixture


def test_a_weak_round_at_the_place_of_a_loud_one_is_found_with_the_picks_a_coincidence_held() -> None:
    book = Book(seed=2)
    loud, weak, _stray, mixture = _battery(book)
    found, picks = _run([(*BATTERY, 100.0, loud), (-3.0, -6.0, 101.0, mixture)], book)
    assert len(found) == 1
    anchor, x, y, t0, held = found[0]
    assert anchor == 0
    assert set(held.tolist()) == set(weak.tolist())  # all six picks: four free and the two the mixture held
    assert np.hypot(x - BATTERY[0] - 0.04, y - BATTERY[1] + 0.03) < 0.15 and abs(t0 - 108.0) < 0.2
    assert set(picks[1].tolist()) == set(mixture.tolist()) - set(weak.tolist())  # the mixture keeps the rest
    assert set(picks[0].tolist()) == set(loud.tolist())


def test_the_weak_round_is_found_among_clutter() -> None:
    book = Book(seed=4)
    loud, weak, _stray, mixture = _battery(book)
    book.clutter(6, 0.0, 300.0)
    found, _picks = _run([(*BATTERY, 100.0, loud), (-3.0, -6.0, 101.0, mixture)], book)
    assert len(found) == 1
    assert set(weak.tolist()) <= set(found[0][4].tolist())


def test_nothing_is_taken_when_the_round_brings_no_free_pick() -> None:
    book = Book(seed=6)
    loud, weak, _stray, _mixture = _battery(book)
    # the weak round's picks all held by one coincidence of six stations, with two clutter picks: a source at
    # the battery would explain no pick that is not explained already
    other = np.array([book.arrivals(-3.0, -6.0, 101.0, [s])[0] for s in (station(-5, -5), station(0, -10))])
    held = np.sort(np.concatenate([weak[:4], other]))
    found, picks = _run([(*BATTERY, 100.0, loud), (0.0, 0.0, 101.0, held)], book)
    assert found == []
    assert set(picks[1].tolist()) == set(held.tolist())


def test_clutter_alone_makes_no_source_at_the_place() -> None:
    book = Book(seed=8)
    loud = book.arrivals(*BATTERY, 100.0, list(range(len(ST_X))))
    book.clutter(6, 0.0, 300.0)
    found, _picks = _run([(*BATTERY, 100.0, loud)], book)
    assert found == []


def test_a_replacement_step_starts_from_the_events_with_most_stations_and_from_nothing_without_events() -> None:
    """``replacement_start``, the set-up of the salvo and twin steps: each pick's holding event (-1: free), each
    event's number of stations, the events most stations first (ties in index order) and the grid of places."""
    pick_station = np.array([0, 1, 2, 0, 1, 3, 2, 3, 0, 1], dtype=np.int64)
    n = len(pick_station)
    ctx = PickContext(np.arange(float(n)), pick_station, np.full(n, np.nan), np.full(n, np.nan), ST_X, ST_Y,
                      np.zeros(len(ST_X)), np.zeros(0), np.zeros(0), SIGMA_S, KAPPA, 38.0, 3.0, 2.2, 3.0)
    picks = [np.array([0, 1]), np.array([2, 3, 4, 5]), np.array([6, 7])]
    holder, sizes, order, gx, gy = replacement_start(ctx, picks, 0.3, 0.1)
    assert holder.tolist() == [0, 0, 1, 1, 1, 1, 2, 2, -1, -1]
    assert sizes.tolist() == [2, 4, 2] and order == [1, 0, 2]
    grid = disc_grid(0.3, 0.1)
    np.testing.assert_array_equal(gx, grid[0])
    np.testing.assert_array_equal(gy, grid[1])
    holder, sizes, order, _gx, _gy = replacement_start(ctx, [], 0.3, 0.1)
    assert holder.tolist() == [-1] * n and len(sizes) == 0 and order == []


def test_arrival_windows_hold_each_stations_picks_about_its_predicted_arrival_within_reach() -> None:
    """``arrival_windows``, the windows the flight, salvo and relabel steps read: at every station within reach, its
    picks from ``half_window_s`` before the predicted arrival (that edge in) to ``half_window_s`` after it (that edge in
    only when ``closed``); picks further off and stations beyond reach are left out."""
    x, y, t0, half = 12.0, 0.0, 100.0, 0.5
    atm = np.array([C_KM_S, 0.002, -0.001])
    reach = 13.0  # the stations at x = -5 and -10 are beyond it
    arrival = [t0 + t for t in travel_times(ST_X, ST_Y, x, y, *atm, 0.0).tolist()]
    offsets = [-1.0, -half, 0.0, half, 1.0]  # each station: one pick before the window, three on or in it, one after
    pick_time = np.array([a + o for a in arrival for o in offsets])  # as the windows' edges are computed: t0 + t +- half
    pick_station = np.repeat(np.arange(len(ST_X)), len(offsets))
    start = np.arange(0, len(pick_time) + 1, len(offsets))
    n = len(pick_time)
    ctx = PickContext(pick_time, pick_station, np.full(n, np.nan), np.full(n, np.nan), ST_X, ST_Y, np.zeros(len(ST_X)),
                      np.zeros(0), np.zeros(0), SIGMA_S, KAPPA, reach, 3.0, 2.2, 3.0)
    near = np.flatnonzero(np.hypot(ST_X - x, ST_Y - y) <= reach).tolist()
    assert 0 < len(near) < len(ST_X)
    for closed, kept in ((False, [-half, 0.0]), (True, [-half, 0.0, half])):
        windows = arrival_windows(ctx, start, x, y, t0, atm, half, closed=closed)
        assert [s for s, _lo, _hi in windows] == near
        for s, lo, hi in windows:
            assert pick_station[lo:hi].tolist() == [s] * len(kept)
            np.testing.assert_allclose(pick_time[lo:hi] - arrival[s], kept, atol=1e-9)


def test_station_ranges_take_each_stations_own_edges_and_pool_them_station_by_station() -> None:
    """``station_ranges`` (the loop the flight, twin and ripple steps share): each station's picks between its own two
    edges (the upper one in only when ``closed``), and ``range_pool`` their indices station by station."""
    pick_time = np.array([0.0, 1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 13.0])
    pick_station = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    start = np.array([0, 4, 8])
    n = len(pick_time)
    st = np.array([0.0, 1.0])
    ctx = PickContext(pick_time, pick_station, np.full(n, np.nan), np.full(n, np.nan), st, st, np.zeros(2),
                      np.zeros(0), np.zeros(0), SIGMA_S, KAPPA, 50.0, 3.0, 2.2, 3.0)
    stations = np.array([1, 0])  # in the caller's order, not sorted
    ranges = station_ranges(ctx, start, stations, np.array([11.0, 0.5]), np.array([13.0, 2.0]))
    assert ranges == [(1, 5, 7), (0, 1, 2)]
    assert station_ranges(ctx, start, stations, np.array([11.0, 0.5]), np.array([13.0, 2.0]), closed=True) == [(1, 5, 8),
                                                                                                               (0, 1, 3)]
    assert range_pool(ranges).tolist() == [5, 6, 1]
    assert range_pool([]).dtype == np.int64 and len(range_pool([])) == 0
