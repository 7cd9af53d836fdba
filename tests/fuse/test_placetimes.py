"""A mixture of a place's rounds moved there by its picks' timing, not its ellipse (``fuse/placetimes.py``,
``FusionConfig.place_round_times_alpha``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.places import to_places
from truceline.fuse.placetimes import (BY_ROUND_TIMES, RoundTimes, count_positions, near_count, place_covariance,
                                      round_times_shift_p)
from truceline.fuse.rounds import missing_rounds
from tests.fuse.test_rounds import ATMOSPHERE as ROUNDS_ATMOSPHERE, ROUNDS as ROUNDS_TRAIN, _scene as _rounds_scene

C = 0.335  # km/s
ATMOSPHERE = (C, 0.002, -0.001)
ROUNDS = 100.0 + np.array([0.0, 4.1, 9.6, 17.4, 26.0, 33.9, 44.6, 58.0])  # a battery at (0, 0): 8 rounds, no fixed interval


def _stations() -> tuple[np.ndarray, np.ndarray]:
    angles = np.radians(np.arange(0, 360, 30))
    radius = np.array([9.0, 15.0, 22.0] * 4)
    return 1.0 + radius * np.cos(angles), -1.0 + radius * np.sin(angles)


def _scene(*, own_source: tuple[float, float, float] | None = None):
    """The battery's 8 rounds, each an event within 0.05 km of it (their picks are not needed), and a ninth event of
    12 picks located at (6, 3) km with a tight ellipse (sigma 0.2 km, the battery far outside it): a mixture, each
    station's pick the arrival of another round (station i hears round i mod 8); with ``own_source`` ``(x, y, t)``
    its picks are those of a source of its own there, and it is located there."""
    st_x, st_y = _stations()
    rng = np.random.default_rng(11)
    xs = list(rng.normal(0, 0.05, 8))
    ys = list(rng.normal(0, 0.05, 8))
    ts = list(ROUNDS)
    picks: list[np.ndarray] = [np.zeros(0, dtype=int)] * 8
    stations = np.arange(12)
    if own_source is None:
        at_x, at_y = 6.0, 3.0
        tt = travel_times(st_x, st_y, 0.0, 0.0, *ATMOSPHERE)
        times = ROUNDS[stations % 8] + tt
        t_event = 109.0
    else:
        at_x, at_y, t_event = own_source
        times = t_event + travel_times(st_x, st_y, at_x, at_y, *ATMOSPHERE)
    pick_time = times + rng.normal(0, 0.05, len(times))
    xs.append(at_x)
    ys.append(at_y)
    ts.append(t_event)
    picks.append(stations.copy())
    cov = np.array([np.eye(2) * 0.01] * 8 + [np.eye(2) * 0.04])
    return (np.array(xs), np.array(ys), np.array(ts), cov, picks, np.tile(ATMOSPHERE, (9, 1)), pick_time, stations,
            st_x, st_y)


def test_near_count_counts_implied_times_within_the_tolerance_of_a_round() -> None:
    assert near_count(np.array([100.2, 101.0, 104.3]), ROUNDS, 0.5) == 2
    assert near_count(np.array([100.2]), np.zeros(0), 0.5) == 0


def test_the_shift_test_is_small_for_times_at_the_rounds_and_not_for_times_between_them() -> None:
    at_rounds = ROUNDS[[0, 1, 2, 3, 4, 5, 6, 7, 0, 1]] + 0.1
    between = ROUNDS[[0, 3, 4, 5, 6, 0, 3, 4, 5, 6]] + 1.4
    assert round_times_shift_p(at_rounds, ROUNDS, 99.0, 129.0, 0.5) < 0.05  # only near the true alignment
    assert round_times_shift_p(between, ROUNDS, 99.0, 129.0, 0.5) == 1.0  # none near: every shift does as well


def test_a_bunch_of_implied_times_landing_on_a_burst_of_rounds_is_chance() -> None:
    """A source of its own gives implied times that bunch (here 9 within 3.1 s); a burst of four rounds within 3.2 s
    holds 6 of them. Taken one by one (session 27's binomial tail at the rounds' covered share, 4.3 s of 33) that
    reads as p 0.0003; shifting the rounds, the bunch meets the burst as well at 7 % of the shifts: chance at 0.05."""
    rounds = np.array([345.0, 345.3, 346.5, 348.2, 374.5])
    bunch = np.array([344.8, 345.1, 345.5, 345.9, 346.3, 346.8, 347.2, 347.5, 347.9])
    assert near_count(bunch, rounds, 0.5) == 6
    assert round_times_shift_p(bunch, rounds, 343.0, 376.0, 0.5) > 0.05


def test_a_mixture_far_outside_its_ellipse_moves_to_the_place_by_its_round_times() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene()
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy)[3].any()  # the ellipse holds no place
    nx, ny, nt, moved = to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.05))
    assert moved[8] and np.count_nonzero(moved) == 1
    assert np.hypot(nx[8], ny[8]) < 0.1
    assert ROUNDS[0] <= nt[8] <= ROUNDS[-1]
    # farther than the route's reach: stays
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.05, max_km=5.0))[3].any()


def test_a_source_of_its_own_inside_the_window_but_off_the_round_times_stays() -> None:
    # 2.7 km from the battery, firing in the middle of its window: its picks back-projected to the place fall inside
    # the window (so with no timing test, alpha 1, it would move) but scatter between the rounds' times
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(own_source=(2.5, 1.0, 113.0))
    assert to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(1.0))[3][8]
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.05))[3].any()


def test_the_route_is_on_by_default_at_005() -> None:
    assert FusionConfig().place_round_times_alpha == 0.05  # since session 28
    assert FusionConfig().place_round_times_km == 15.0


def test_an_event_moved_by_its_round_times_takes_the_places_ellipse() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene()
    nx, ny, nt, moved = to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.05))
    assert moved[8] == BY_ROUND_TIMES and not moved[:8].any()
    out = place_covariance(moved, nx, ny, nt, cov, place_km=0.5, place_s=30.0)
    near = np.abs(t0[:8] - nt[8]) <= 30.0  # the place's rounds within ``place_s`` of the moved event
    assert 2 <= near.sum() < 8
    rounds = np.stack([x[:8][near], y[:8][near]])
    assert np.allclose(out[8], np.eye(2) * 0.01 + np.cov(rounds))  # the rounds' mean ellipse and their scatter
    assert np.array_equal(out[:8], cov[:8])
    # a move by the ellipse keeps the event's own (session 14's conservative choice)
    ellipse_moved = np.where(moved == BY_ROUND_TIMES, 1, 0)
    assert np.array_equal(place_covariance(ellipse_moved, nx, ny, nt, cov, place_km=0.5, place_s=30.0), cov)


def test_a_moved_event_is_counted_where_it_was_located() -> None:
    moved = np.array([0, BY_ROUND_TIMES, 1], dtype=np.int8)
    located = (np.array([1.0, 6.0, 4.0]), np.array([0.0, 3.0, 1.0]), np.array([100.0, 109.0, 104.0]))
    placed = (np.array([1.0, 0.0, 0.0]), np.array([0.0, 0.0, 0.0]), np.array([100.0, 103.0, 102.0]))
    x, y, t0 = count_positions(moved, located, placed)
    assert x.tolist() == [1.0, 6.0, 0.0] and y.tolist() == [0.0, 3.0, 0.0] and t0.tolist() == [100.0, 109.0, 102.0]


def test_the_place_count_reads_a_moved_mixture_where_it_was_located() -> None:
    """``test_rounds``' battery with rounds 1, 3 and 5 missed and a mixture of round 1's and round 3's picks (at 8 of
    the 12 stations) located 4 km off: the count adds the three rounds. Moved onto the place it would be one of the
    place's events and the count adds two (round 1's time taken by the mixture, which is no round); read where it was
    located (``count_positions``), the count is as without the move."""
    x, y, t0, picks, _atm, pt, ps, sx, sy, rounds = _rounds_scene([0, 2, 4, 6, 7])
    mix = np.r_[np.flatnonzero((rounds == 1) & np.isin(ps, [1, 4, 7, 10])),
                np.flatnonzero((rounds == 3) & np.isin(ps, [2, 5, 8, 11]))]
    atm = np.tile(ROUNDS_ATMOSPHERE, (6, 1))
    located = (np.r_[x, 4.0], np.r_[y, 1.0], np.r_[t0, 101.5])
    placed = (np.r_[x, 0.0], np.r_[y, 0.0], np.r_[t0, 101.2])
    moved = np.r_[np.zeros(5), BY_ROUND_TIMES].astype(np.int8)
    for free_arrivals in (False, True):
        def new_rounds(at: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[float]:
            out = missing_rounds(*at, picks + [mix], atm, pt, ps, sx, sy, free_arrivals=free_arrivals)
            return sorted(r.t0_s for r in out)
        without = new_rounds(located)
        assert np.allclose(without, ROUNDS_TRAIN[[1, 3, 5]], atol=0.2)
        assert len(new_rounds(placed)) == 2
        assert new_rounds(count_positions(moved, located, placed)) == without
