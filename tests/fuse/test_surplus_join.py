"""Far mixtures of a train's arrivals compared with its count (``FusionConfig.surplus_join_made``) and the mixture off
the place chosen first (``surplus_choice="farthest"``) (``fuse/surplus.py``;
docs/fusion.md, "Session 28 (prec28)")."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_surplus import ROUNDS, _events, _train
from tests.fuse.test_surplus_outside import COMMON, _held_away, _with_event, far_own_round
from tests.fuse.test_trainlevel import _levels
from truceline.fuse.engine import FusionConfig
from truceline.fuse.surplus import TrainCount, surplus_events


def _far_mixture(taken: dict[int, list[int]]) -> tuple[np.ndarray, ...]:
    """The train (with a spare holding ``taken``, as ``_events``) and a false event 25 km away and 60 s earlier holding
    rounds 4 and 5's arrivals at the four nearest stations: stations, picks, levels, events."""
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, taken)
    ghost = _held_away(rounds, ps, [4, 5])
    picks = [np.setdiff1d(p, ghost) for p in picks]
    x, y, t0, picks, atm = _with_event(x, y, t0, picks, atm, ghost, 20.0, -15.0, ROUNDS[0] - 60.0)
    return st_x, st_y, pt, ps, level, x, y, t0, picks, atm


def test_a_far_mixture_of_the_trains_arrivals_goes_and_every_round_stays() -> None:
    # six rounds, six events; a false event 25 km away and 60 s earlier holds rounds 4 and 5's arrivals at the four
    # nearest stations (their events keep the rest): the count is 6, the events standing for its rounds 6 + 1
    st_x, st_y, pt, ps, level, x, y, t0, picks, atm = _far_mixture({})
    report: list[TrainCount] = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True,
                          report=report, **COMMON)
    assert report[0].count == len(ROUNDS) and keep.all()  # without: the far mixture stays
    report = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True,
                          join_made=True, report=report, **COMMON)
    assert report[0].count == len(ROUNDS)
    assert keep.tolist() == [True] * 6 + [False] and report[0].removed.tolist() == [6]


def test_a_far_event_standing_for_its_own_round_does_not_join() -> None:
    # the far event holds its own eight arrivals outside the train's windows and one level arrival inside the window
    # at each nearest station: not made of the train's arrivals; it stays, and the train's spare goes as before
    st_x, st_y, pt, ps, level, x, y, t0, picks, atm = far_own_round()
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True,
                          join_made=True, **COMMON)
    assert keep.tolist() == [True] * 6 + [False, True]


def test_a_far_mixture_beside_a_full_train_goes_but_no_round_does() -> None:
    # the far mixture holds rounds 4 and 5's arrivals and a spare event of the train holds the arrivals its mates
    # passed over: seven events and the mixture for six rounds; the mixture goes first, then the spare
    st_x, st_y, pt, ps, level, x, y, t0, picks, atm = _far_mixture({0: [0, 1, 2], 1: [3, 4, 5]})
    report: list[TrainCount] = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, log_amplitude=level, level_outside=True,
                          join_made=True, report=report, **COMMON)
    assert report[0].count == len(ROUNDS)
    assert keep.tolist() == [True] * 6 + [False, False] and report[0].removed.tolist()[0] == 7


def test_a_far_event_of_its_own_arrivals_too_joins_only_at_a_lower_share() -> None:
    # the far event holds rounds 4 and 5's arrivals at the four nearest stations and three arrivals of its own far
    # outside the windows (8 of 11 picks made of the train's): at a share of 0.5 it joins and goes, at 0.8 it stays
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    level = _levels(rounds, ps)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {})
    ghost = _held_away(rounds, ps, [4, 5])
    picks = [np.setdiff1d(p, ghost) for p in picks]
    n = len(pt)
    own_st = [1, 2, 4]
    pt = np.concatenate([pt, [float(pt[(ps == s)].max()) + 30.0 for s in own_st]])
    level = np.concatenate([level, [float(np.median(level[ps == s])) for s in own_st]])
    ps = np.concatenate([ps, own_st])
    mine = np.concatenate([ghost, np.arange(n, n + 3)])
    x, y, t0, picks, atm = _with_event(x, y, t0, picks, atm, mine, 20.0, -15.0, ROUNDS[0] - 60.0)
    common = dict(log_amplitude=level, level_outside=True, join_made=True, **COMMON)
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, join_share=0.5, **common).tolist() == [True] * 6 + [False]
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, join_share=0.8, **common).all()


def test_the_join_is_on_by_default_since_session_28() -> None:
    assert FusionConfig().surplus_join_made is True and FusionConfig().surplus_join_share == 0.8


def test_the_farthest_choice_removes_the_mixture_off_the_place_not_a_round() -> None:
    # rounds 0 and 1 lost their arrivals at stations 0-4 and 5-9 to a mixture located 2.5 km off the place (the
    # distance-time trade-off), which holds ten stations: the weakest eligible event is round 0's (seven stations),
    # and "weakest" removes it; "farthest" removes the mixture, the one farthest from the train's median place
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2, 3, 4], 1: [5, 6, 7, 8, 9]})
    x[6] += 1.7
    kw = dict(min_stations=6, train_stations=6)
    weakest = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, **kw)
    assert weakest.tolist() == [False] + [True] * 6
    farthest = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, choice="farthest", **kw)
    assert farthest.tolist() == [True] * 6 + [False]
