"""The surplus count with arrivals at a train's level held by events away from its place (``fuse/surplus.py``,
``FusionConfig.surplus_level_outside``; docs/fusion.md, "Session 27 (surplus27)")."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_surplus import ROUNDS, _events, _train
from tests.fuse.test_trainlevel import _levels
from truceline.fuse.engine import FusionConfig
from truceline.fuse.surplus import TrainCount, surplus_events

NEAREST = [0, 3, 6, 9]  # the 6 km ring
COMMON = dict(min_stations=6, train_stations=6, count_stations=4, level_z=3.5)


def _held_away(rounds: np.ndarray, stations: np.ndarray, which: list[int]) -> np.ndarray:
    """The arrivals of the rounds ``which`` at the nearest stations."""
    return np.flatnonzero(np.isin(rounds, which) & np.isin(stations, NEAREST))


def _with_event(x: np.ndarray, y: np.ndarray, t0: np.ndarray, picks: list[np.ndarray], atm: np.ndarray,
                members: np.ndarray, ex: float, ey: float, et: float) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                             list[np.ndarray], np.ndarray]:
    """The events with one more, made of the picks ``members``, at ``(ex, ey)`` and origin time ``et`` (the first
    event's atmosphere)."""
    return (np.append(x, ex), np.append(y, ey), np.append(t0, et), [*picks, members], np.vstack([atm, atm[:1]]))


def far_own_round() -> tuple[np.ndarray, ...]:
    """A train with a spare event, and a far event (another source's, 25 km away) holding its own eight arrivals
    outside the train's windows and one level arrival inside the window at each nearest station (a swapped pick):
    stations, pick times and stations, levels, then the events (x, y, t0, picks, atmosphere)."""
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    n = len(pt)
    inside_t = [float(pt[(ps == s)].mean()) for s in NEAREST]
    inside_level = [float(np.median(level[ps == s])) for s in NEAREST]
    own_st = [1, 2, 4, 5, 7, 8, 10, 11]
    own_t = [float(pt[(ps == s)].max()) + 30.0 for s in own_st]
    own_level = [float(np.median(level[ps == s])) for s in own_st]
    pt, ps = np.concatenate([pt, inside_t, own_t]), np.concatenate([ps, NEAREST, own_st])
    level = np.concatenate([level, inside_level, own_level])
    x, y, t0, picks, atm = _with_event(x, y, t0, picks, atm, np.arange(n, n + 12), 20.0, -15.0, ROUNDS[0] - 30.0)
    return st_x, st_y, pt, ps, level, x, y, t0, picks, atm


def test_a_false_event_far_off_holding_the_trains_arrivals_no_longer_lowers_its_count() -> None:
    # six rounds, six events; a false event 25 km away and 60 s earlier (a mixture along the distance-time
    # trade-off, as on the stand-in s3) holds rounds 4 and 5's arrivals at the four nearest stations
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {})
    ghost = _held_away(rounds, ps, [4, 5])
    picks = [np.setdiff1d(p, ghost) for p in picks]
    x, y, t0, picks, atm = _with_event(x, y, t0, picks, atm, ghost, 20.0, -15.0, ROUNDS[0] - 60.0)
    # without: the count is 4 at each nearest station and two true rounds' events go
    report: list[TrainCount] = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, report=report, **COMMON)
    assert report[0].count == 4 and (~keep[:6]).sum() == 2
    # with: the held arrivals are at the train's level and their holder is away from its place: counted, none goes
    report = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True,
                          report=report, **COMMON)
    assert report[0].count == len(ROUNDS) and keep.all()


def test_a_neighbouring_trains_event_at_the_place_still_holds_its_own_arrivals() -> None:
    # six rounds and a spare event made of arrivals the mates passed over; an event of a later train at the same
    # place (1 km off, 3 s after the last round: not linked) holds one arrival at the train's level inside the
    # window at each nearest station: its own round's, not counted, and the spare still goes
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    extra_t = [float(pt[(ps == s)].mean()) for s in NEAREST]
    extra_level = [float(np.median(level[ps == s])) for s in NEAREST]
    n = len(pt)
    pt, ps = np.concatenate([pt, extra_t]), np.concatenate([ps, NEAREST])
    rounds, level = np.concatenate([rounds, np.full(4, -1)]), np.concatenate([level, extra_level])
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    x, y, t0, picks, atm = _with_event(x, y, t0, picks, atm, np.arange(n, n + 4), xs[0] + 1.0, ys[0], ROUNDS[-1] + 3.0)
    for outside in (False, True):
        report: list[TrainCount] = []
        keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=outside,
                              report=report, **COMMON)
        assert report[0].count == len(ROUNDS)
        assert keep.tolist() == [True] * 6 + [False, True]


def test_a_far_event_standing_for_its_own_round_keeps_the_one_arrival_it_took() -> None:
    # a spare event in the train; a far event (another source's, 25 km away) holds its own eight arrivals outside the
    # train's windows and one level arrival inside the window at each nearest station (a swapped pick): it is not made
    # of the train's arrivals, so those are not counted and the spare still goes
    st_x, st_y, pt, ps, level, x, y, t0, picks, atm = far_own_round()
    report: list[TrainCount] = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True,
                          report=report, **COMMON)
    assert report[0].count == len(ROUNDS)
    assert keep.tolist() == [True] * 6 + [False, True]


def test_the_far_holders_weak_arrivals_are_not_counted() -> None:
    # the far event holds arrivals far below the train's level (another source's): not counted either way
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    n = len(pt)
    extra_t = [float(pt[(ps == s)].mean()) for s in NEAREST]
    pt, ps = np.concatenate([pt, extra_t]), np.concatenate([ps, NEAREST])
    level = np.concatenate([level, [float(np.median(level[ps[:n] == s])) - 3.0 for s in NEAREST]])
    x, y, t0, picks, atm = _with_event(x, y, t0, picks, atm, np.arange(n, n + 4), 20.0, -15.0, ROUNDS[0] - 60.0)
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True, **COMMON)
    assert keep.tolist() == [True] * 6 + [False, True]


def test_the_option_is_on_by_default_since_session_28() -> None:
    assert FusionConfig().surplus_level_outside is True
