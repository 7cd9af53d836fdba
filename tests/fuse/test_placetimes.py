"""A mixture of a place's rounds moved there by its picks' timing, not its ellipse (``fuse/placetimes.py``,
``FusionConfig.place_round_times_alpha``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.places import to_places
from truceline.fuse.placetimes import BY_ROUND_TIMES, RoundTimes, covered_share, place_covariance, round_times_p

C = 0.335  # km/s
ATMOSPHERE = (C, 0.002, -0.001)
ROUNDS = 100.0 + 4.0 * np.arange(8)  # a battery at (0, 0) firing 8 rounds 4 s apart


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


def test_covered_share_is_the_union_of_the_rounds_intervals_in_the_window() -> None:
    assert covered_share(np.array([10.0]), 0.0, 20.0, 1.0) == 0.1
    assert covered_share(np.array([10.0, 10.5]), 0.0, 20.0, 1.0) == 0.125  # overlapping: 9..11.5
    assert covered_share(np.array([0.0, 20.0]), 0.0, 20.0, 1.0) == 0.1  # clipped at both ends
    assert covered_share(np.zeros(0), 0.0, 20.0, 1.0) == 0.0


def test_round_times_p_is_small_at_the_rounds_and_not_for_times_between_them() -> None:
    at_rounds = ROUNDS[[0, 1, 2, 3, 4, 5, 6, 7, 0, 1]] + 0.1
    between = ROUNDS[[0, 1, 2, 3, 4, 5, 6, 0, 1, 2]] + 2.0
    assert round_times_p(at_rounds, ROUNDS, 99.0, 129.0, 0.5) < 1e-4
    assert round_times_p(between, ROUNDS, 99.0, 129.0, 0.5) == 1.0  # none near: the tail from zero is everything


def test_a_mixture_far_outside_its_ellipse_moves_to_the_place_by_its_round_times() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene()
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy)[3].any()  # the ellipse holds no place
    nx, ny, nt, moved = to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.01))
    assert moved[8] and np.count_nonzero(moved) == 1
    assert np.hypot(nx[8], ny[8]) < 0.1
    assert ROUNDS[0] <= nt[8] <= ROUNDS[-1]
    # farther than the route's reach: stays
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.01, max_km=5.0))[3].any()


def test_a_source_of_its_own_inside_the_window_but_off_the_round_times_stays() -> None:
    # 2.7 km from the battery, firing in the middle of its window: its picks back-projected to the place fall inside
    # the window (so with no timing test, alpha 1, it would move) but scatter between the rounds' times
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(own_source=(2.5, 1.0, 113.0))
    assert to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(1.0))[3][8]
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.01))[3].any()


def test_the_route_is_off_by_default() -> None:
    assert FusionConfig().place_round_times_alpha is None
    assert FusionConfig().place_round_times_km == 15.0


def test_an_event_moved_by_its_round_times_takes_the_places_ellipse() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene()
    nx, ny, nt, moved = to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, round_times=RoundTimes(0.01))
    assert moved[8] == BY_ROUND_TIMES and not moved[:8].any()
    out = place_covariance(moved, nx, ny, nt, cov, place_km=0.5, place_s=30.0)
    rounds = np.stack([x[:8], y[:8]])
    assert np.allclose(out[8], np.eye(2) * 0.01 + np.cov(rounds))  # the rounds' mean ellipse and their scatter
    assert np.array_equal(out[:8], cov[:8])
    # a move by the ellipse keeps the event's own (session 14's conservative choice)
    ellipse_moved = np.where(moved == BY_ROUND_TIMES, 1, 0)
    assert np.array_equal(place_covariance(ellipse_moved, nx, ny, nt, cov, place_km=0.5, place_s=30.0), cov)
