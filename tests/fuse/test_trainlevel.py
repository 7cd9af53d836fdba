"""The level a train's rounds arrive at, gating the surplus count (``fuse/trainlevel.py``,
``FusionConfig.surplus_level_z``)."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_surplus import ROUNDS, _events, _train
from truceline.fuse.engine import FusionConfig
from truceline.fuse.surplus import TrainCount, surplus_events
from truceline.fuse.trainlevel import MAD_TO_SIGMA, train_level


def _levels(rounds: np.ndarray, stations: np.ndarray, seed: int = 3) -> np.ndarray:
    """Log amplitudes of the rounds' arrivals: one level per station (nearer louder), 0.3 scatter between rounds."""
    rng = np.random.default_rng(seed)
    return -0.1 * stations.astype(float) + rng.normal(0.0, 0.3, len(rounds))


def test_the_level_is_each_stations_median_and_the_tolerance_the_pooled_scatter() -> None:
    picks = [np.array([0, 3]), np.array([1, 4]), np.array([2, 5, 6])]
    station = np.array([0, 0, 0, 1, 1, 1, 2])
    level = np.array([1.0, 1.2, 0.8, -1.0, -0.6, -0.8, 5.0])
    got = train_level(np.array([0, 1, 2]), picks, station, level, z=3.0)
    assert got is not None
    # station 2 holds one pick: no level read there
    assert got.station_level == {0: 1.0, 1: -0.8}
    deviations = np.array([0.0, 0.2, -0.2, -0.2, 0.2, 0.0])
    assert np.isclose(got.tolerance, 3.0 * MAD_TO_SIGMA * np.median(np.abs(deviations)))
    rows = np.array([0, 1, 2, 7, 8, 9])
    amplitude = np.array([1.0, 1.2, 0.8, -1.0, -0.6, -0.8, 5.0, -3.0, np.nan, 4.0])
    # weaker than 1.0 - tolerance (about 0.9) goes; no amplitude and louder stay; a station without a level keeps all
    assert got.at_level(0, rows, amplitude).tolist() == [0, 1, 2, 8, 9]
    assert got.at_level(2, rows, amplitude).tolist() == rows.tolist()


def test_no_level_without_three_held_picks_at_a_station_or_without_scatter() -> None:
    station = np.array([0, 0, 1, 1])
    assert train_level(np.array([0]), [np.array([0, 1, 2, 3])], station, np.zeros(4) + np.array([0, 1, 0, 1]),
                       z=3.0) is None
    assert train_level(np.array([0]), [np.array([0, 1, 2])], np.zeros(3, dtype=int), np.ones(3), z=3.0) is None
    assert train_level(np.array([0]), [np.array([0, 1, 2])], np.zeros(3, dtype=int), np.full(3, np.nan), z=3.0) is None


def _with_far_arrivals(pt: np.ndarray, ps: np.ndarray, rounds: np.ndarray, level: np.ndarray, weak: float):
    """Two arrivals of a farther source at each of the four nearest stations inside the train's window, ``weak``
    below the train's level there; free (no event holds them)."""
    nearest = [0, 3, 6, 9]  # the 6 km ring
    t_extra, s_extra, lv_extra = [], [], []
    for s in nearest:
        window = pt[ps == s]
        for f in (0.3, 0.7):
            t_extra.append(float(window.min() + f * (window.max() - window.min())))
            s_extra.append(s)
            lv_extra.append(float(np.median(level[ps == s])) - weak)
    return (np.concatenate([pt, t_extra]), np.concatenate([ps, s_extra]),
            np.concatenate([rounds, np.full(len(t_extra), -1)]), np.concatenate([level, lv_extra]))


def test_far_weaker_arrivals_in_the_window_are_not_counted_as_rounds() -> None:
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    pt, ps, rounds, level = _with_far_arrivals(pt, ps, rounds, level, weak=3.0)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    common = dict(min_stations=6, train_stations=6, count_stations=4)
    # ungated: the two far arrivals at each nearest station make a count of 8 rounds, the spare event stays
    report: list[TrainCount] = []
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, report=report, **common).all()
    assert report[0].count == len(ROUNDS) + 2
    # gated by the train's level: the count is the six rounds and the spare event goes
    report = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_z=3.5, report=report,
                          **common)
    assert keep.tolist() == [True] * 6 + [False]
    assert report[0].count == len(ROUNDS)


def test_arrivals_at_the_trains_level_are_still_counted() -> None:
    # the same extra arrivals as loud as the rounds: they may be rounds, the count stays 8 and nothing goes
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    pt, ps, rounds, level = _with_far_arrivals(pt, ps, rounds, level, weak=0.2)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=6, count_stations=4,
                          log_amplitude=level, level_z=3.5)
    assert keep.all()


def test_the_gate_is_on_by_default_since_session_28() -> None:
    assert FusionConfig().surplus_level_z == 3.5 and FusionConfig().surplus_level_outside is True


def test_the_event_made_of_arrivals_below_the_level_goes_first_even_under_the_station_floor() -> None:
    # six whole rounds and a 4-station event of the far source's weak arrivals: the count (gated) is six, and the
    # event that goes is the weak one, not the weakest round (which session 18's order would take: the weak event is
    # under min_stations)
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    n_true = len(pt)
    level = _levels(rounds, ps)
    pt, ps, rounds, level = _with_far_arrivals(pt, ps, rounds, level, weak=3.0)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {})
    weak = np.arange(n_true, len(pt))[::2]  # one far arrival at each of the four nearest stations
    x, y, t0 = np.append(x, 0.5), np.append(y, 0.4), np.append(t0, ROUNDS[2] + 0.1)
    picks = [*picks, weak]
    atm = np.vstack([atm, atm[:1]])
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=4, count_stations=4,
                          log_amplitude=level, level_z=3.5)
    assert keep.tolist() == [True] * 6 + [False]
