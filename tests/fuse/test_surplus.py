"""More events than rounds heard: the surplus of a dense train removed (``fuse/surplus.py``,
``FusionConfig.surplus_rounds``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.events import surplus_gate_readable
from truceline.fuse.surplus import TrainCount, surplus_events

C = 0.335  # km/s
ATMOSPHERE = (C, 0.002, -0.001)
ROUNDS = 100.0 + 0.5 * np.arange(6)  # a ripple: a round every 0.5 s


def _stations() -> tuple[np.ndarray, np.ndarray]:
    angles = np.radians(np.arange(0, 360, 30))
    radius = np.array([6.0, 11.0, 19.0] * 4)
    return 2.0 + radius * np.cos(angles), -1.0 + radius * np.sin(angles)


def _train(heard: np.ndarray | None = None, seed: int = 5):
    """The six rounds of ``ROUNDS`` from within 0.3 km of (0, 0), each heard at the stations ``heard[k]`` marks (all
    12 by default); returns the stations, the picks (times, stations, rounds) and each round's position."""
    rng = np.random.default_rng(seed)
    st_x, st_y = _stations()
    xs, ys = rng.normal(0, 0.3, len(ROUNDS)), rng.normal(0, 0.3, len(ROUNDS))
    pick_time, pick_station, pick_round = [], [], []
    for k, t in enumerate(ROUNDS):
        tt = travel_times(st_x, st_y, xs[k], ys[k], *ATMOSPHERE)
        for s in range(len(st_x)):
            if heard is not None and not heard[k, s]:
                continue
            pick_time.append(float(t + tt[s] + rng.normal(0, 0.05)))
            pick_station.append(s)
            pick_round.append(k)
    return st_x, st_y, np.array(pick_time), np.array(pick_station), np.array(pick_round), xs, ys


def _events(rounds: np.ndarray, stations: np.ndarray, xs: np.ndarray, ys: np.ndarray, taken: dict[int, list[int]]):
    """One event per round at its position holding its arrivals but those listed in ``taken`` (round -> stations),
    which a surplus event between the first two rounds holds instead."""
    picks, x, y, t0 = [], [], [], []
    spare: list[int] = []
    for k in range(len(ROUNDS)):
        rows = np.flatnonzero(rounds == k)
        gone = np.isin(stations[rows], taken.get(k, []))
        picks.append(rows[~gone])
        spare.extend(rows[gone].tolist())
        x.append(xs[k])
        y.append(ys[k])
        t0.append(ROUNDS[k])
    if spare:
        picks.append(np.array(sorted(spare)))
        x.append(float(np.mean(xs[:2])) + 0.8)
        y.append(float(np.mean(ys[:2])) - 0.5)
        t0.append(float(np.mean(ROUNDS[:2])) + 0.2)
    return np.array(x), np.array(y), np.array(t0), picks, np.tile(ATMOSPHERE, (len(picks), 1))


def test_an_event_made_of_arrivals_its_mates_passed_over_is_removed() -> None:
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    report: list[TrainCount] = []
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=6, report=report)
    assert keep.tolist() == [True] * 6 + [False]
    assert len(report) == 1 and report[0].count == 6 and report[0].removed.tolist() == [6]


def test_a_train_of_as_many_events_as_rounds_keeps_them_all() -> None:
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {})
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=6).all()


def test_the_count_is_what_the_nearest_stations_heard_not_the_farthest() -> None:
    # the far ring missed most rounds; the nearest stations heard all six: no event is surplus
    heard = np.ones((len(ROUNDS), 12), dtype=bool)
    heard[:4, 2::3] = False  # the 19 km stations heard only the last two rounds
    st_x, st_y, pt, ps, rounds, xs, ys = _train(heard)
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {})
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=6).all()


def test_an_event_heard_where_its_mates_were_not_is_kept() -> None:
    # the seventh event holds arrivals at stations no other event of the train holds a pick at: evidence of its own
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {k: [0, 1, 2, 3] for k in range(6)})
    picks[6] = picks[6][:8]  # one arrival at each of stations 0-3, which every round's event lacks now, twice over
    picks[6] = picks[6][np.unique(ps[picks[6]], return_index=True)[1]]
    keep = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=4, train_stations=4)
    # still one event more than the six arrivals each station heard: the weakest whose stations its mates all hold
    # goes instead (its round is left to the event heard where the mates were not)
    assert keep[6] and keep.sum() == 6
    # no mate heard at ``min_stations`` stations or more: nothing is removed
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=9, train_stations=4).all()


def test_quiet_trains_and_quiet_events_are_not_tested() -> None:
    # the surplus event is heard at 6 stations: below ``min_stations`` it stays; a train heard by a median of fewer
    # than ``train_stations`` stations (here 12) is not counted at all
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    assert not surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=6).all()
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=7, train_stations=6)[6]
    assert surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, min_stations=6, train_stations=13).all()


def test_a_surplus_is_counted_within_its_train_only() -> None:
    # a second train 10 km away is linked to nothing: its events neither count nor get removed
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: [0, 1, 2], 1: [3, 4, 5]})
    far_x, far_y = np.r_[x, 10.0, 10.3, 10.1], np.r_[y, 0.0, 0.2, -0.1]
    far_t0 = np.r_[t0, 101.0, 101.5, 102.0]
    far_picks = picks + [np.zeros(0, dtype=np.int64)] * 3
    keep = surplus_events(far_x, far_y, far_t0, far_picks, np.tile(ATMOSPHERE, (10, 1)), pt, ps, st_x, st_y,
                          min_stations=6, train_stations=0)
    assert keep.tolist() == [True] * 6 + [False] + [True] * 3


def test_the_step_is_on_by_default_since_session_28() -> None:
    assert FusionConfig().surplus_rounds is True and FusionConfig().surplus_choice == "farthest"


def test_the_nearest_choice_removes_the_duplicate_of_a_mate_not_a_clean_weak_round() -> None:
    # round 0's event holds its arrivals at stations 9-11 only (under ``min_stations``: kept), a duplicate 20 m from
    # it holds the other nine; round 3's event lost its arrivals at stations 8-11 (eight stations, the weakest of the
    # eligible): "weakest" removes round 3's clean event, "nearest" the duplicate of round 0's
    st_x, st_y, pt, ps, rounds, xs, ys = _train()
    x, y, t0, picks, atm = _events(rounds, ps, xs, ys, {0: list(range(9))})
    picks[3] = picks[3][ps[picks[3]] < 8]
    x[6], y[6], t0[6] = xs[0] + 0.02, ys[0], ROUNDS[0] + 0.1
    kw = dict(min_stations=6, train_stations=6)
    weakest = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, **kw)
    assert weakest.tolist() == [True, True, True, False, True, True, True]
    nearest = surplus_events(x, y, t0, picks, atm, pt, ps, st_x, st_y, choice="nearest", **kw)
    assert nearest.tolist() == [True] * 6 + [False]


def test_the_gated_step_stands_aside_on_picks_without_amplitudes() -> None:
    # the default gate needs the picks' levels: with none (or none finite) the step does not run; ungated it always does
    gated, ungated = FusionConfig(), FusionConfig(surplus_level_z=None)
    assert surplus_gate_readable(gated, np.log(np.array([2.0, 3.0, np.nan])))
    assert not surplus_gate_readable(gated, None)
    assert not surplus_gate_readable(gated, np.full(3, np.nan))
    assert surplus_gate_readable(ungated, None)
