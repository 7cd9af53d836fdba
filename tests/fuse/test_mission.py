"""Small fire missions (fuse/mission.py), on hand-made rounds in a plane with stations on every side."""

from __future__ import annotations

import numpy as np
import pytest

from tests.fuse.synthetic import associate_toy, make_toy
from tests.fuse.test_rival import C_KM_S, KAPPA, SIGMA_S, ST_X, ST_Y, Book
from truceline.fuse import FusionConfig, kernels
from truceline.fuse import mission
from truceline.fuse.mission import fire_missions, mission_clusters, station_options
from truceline.fuse.ripple import Launcher, Round
from truceline.fuse.rival import PickContext

PLACE = (0.6, 1.2)  # inside the 5 x 5 grid of stations (x and y from -10 to 10 km): stations on both sides


def _mission(book: Book, places: list[tuple[float, float]], times: list[float], miss: float) -> list[np.ndarray]:
    """One round from each place at each time; each station misses each round with probability ``miss``."""
    out = []
    for (x, y), t in zip(places, times):
        heard = [s for s in range(len(ST_X)) if book.rng.random() >= miss]
        out.append(book.arrivals(x, y, t, heard))
    return out


def _aliased(book: Book, rounds: list[np.ndarray], swaps: list[tuple[int, int, tuple[float, float]]]) -> list[np.ndarray]:
    """The free search's mixtures of a pulse train: the events start as the rounds; for each swap ``(i, j, along)``
    events i and j exchange their picks at the stations on the far side of the line through ``PLACE`` across
    ``along`` (event i takes the next round's arrival on that side, event j the previous round's)."""
    st = np.array(book.station)
    events = [set(p.tolist()) for p in rounds]
    for i, j, along in swaps:
        far = (ST_X - PLACE[0]) * along[0] + (ST_Y - PLACE[1]) * along[1] > 0
        a = {q for q in events[i] if far[st[q]]}
        b = {q for q in events[j] if far[st[q]]}
        events[i] = (events[i] - a) | b
        events[j] = (events[j] - b) | a
    return [np.array(sorted(e), dtype=np.int64) for e in events]


def _run(book: Book, events: list[np.ndarray]) -> tuple[list[int], list, np.ndarray, np.ndarray]:
    time, st, start, picks, order = book.kernel_layout(events)
    n = len(time)
    nan = np.full(n, np.nan)
    x, y, t0, chi2 = [], [], [], []
    for p in picks:  # each event located as the engine located it
        t_guess = float(np.min(time[p])) - 5.0
        ex, ey, et, _cov, c2, _no = kernels.locate(p, st[p], time, nan, nan, ST_X, ST_Y, np.zeros(len(ST_X)),
                                                   PLACE[0], PLACE[1], t_guess, C_KM_S, 0.0, 0.0, SIGMA_S, KAPPA,
                                                   2.5, 15)
        x.append(ex), y.append(ey), t0.append(et), chi2.append(c2)
    ctx = PickContext(time, st, nan, nan, ST_X, ST_Y, np.zeros(len(ST_X)), np.zeros(0), np.zeros(0), SIGMA_S, KAPPA,
                      38.0, 3.0, 2.2, 3.0)
    replaced, new = fire_missions(np.array(x), np.array(y), np.array(t0), picks,
                                  np.tile([C_KM_S, 0.0, 0.0], (len(events), 1)), np.array(chi2), ctx=ctx,
                                  station_pick_start=start, min_stations=4, reach_km=38.0)
    return replaced, [(a, bx, by, bt, order[p]) for a, bx, by, bt, p in new], np.array(x), np.array(y)


def _check(book: Book, rounds: list[np.ndarray], places: list[tuple[float, float]], times: list[float],
           events: list[np.ndarray]) -> None:
    owner = {int(q): k for k, p in enumerate(rounds) for q in p.tolist()}
    replaced, new, x, y = _run(book, events)
    assert len(replaced) == len(events)
    assert len(new) == len(rounds)
    dominant = [int(np.bincount([owner[int(q)] for q in p]).argmax()) for *_rest, p in new]
    assert sorted(dominant) == list(range(len(rounds)))  # one event per round
    purity = [np.bincount([owner[int(q)] for q in p]).max() / len(p) for *_rest, p in new]
    assert min(purity) == 1.0
    for (_a, bx, by, bt, p), k in zip(new, dominant):
        assert len(p) == len(rounds[k])  # every pick of the round, in its round
        assert np.hypot(bx - places[k][0], by - places[k][1]) < 0.1
        assert abs(bt - times[k]) < 0.1
        stations = np.array(book.station)[p]
        assert len(np.unique(stations)) == len(stations)  # at most one pick per station and round


def test_mixtures_of_a_two_round_mission_are_given_back_as_its_rounds() -> None:
    for seed, along in ((1, (1.0, 0.0)), (2, (0.0, 1.0)), (3, (0.6, -0.8))):
        book = Book(seed=seed)
        places, times = [PLACE, (PLACE[0] + 0.08, PLACE[1] - 0.05)], [100.0, 101.5]
        rounds = _mission(book, places, times, miss=0.15)
        events = _aliased(book, rounds, [(0, 1, along)])
        owner = {int(q): k for k, p in enumerate(rounds) for q in p.tolist()}
        assert max(np.bincount([owner[int(q)] for q in e]).max() / len(e) for e in events) < 0.8  # mixtures
        _check(book, rounds, places, times, events)


def test_mixtures_of_a_three_round_mission_from_three_tubes_are_given_back_as_its_rounds() -> None:
    """Three tubes of a battery 0.1 km apart, rounds 1.4 and 1.8 s apart (not a fixed interval)."""
    for seed, a, b in ((4, (1.0, 0.0), (0.0, 1.0)), (5, (0.0, -1.0), (0.8, 0.6))):
        book = Book(seed=seed)
        places = [PLACE, (PLACE[0] + 0.1, PLACE[1]), (PLACE[0] + 0.2, PLACE[1] + 0.02)]
        times = [100.0, 101.4, 103.2]
        rounds = _mission(book, places, times, miss=0.15)
        events = _aliased(book, rounds, [(0, 1, a), (1, 2, b)])
        _check(book, rounds, places, times, events)


def _two_of_three(seed: int) -> tuple[Book, list[np.ndarray], list[tuple[float, float]], list[float], list[np.ndarray]]:
    """`violation`'s mission of seed 9 (docs/fusion.md, "Small fire missions"): three tubes 0.2 km apart on a line,
    rounds 1.4 and 1.8 s apart, every station hearing two of the three rounds (no station all three; 0.1 s pick
    noise); the events are the two mixtures of the stations' first and second picks."""
    book = Book(seed=seed, noise_s=0.1)
    rng = np.random.default_rng(seed)
    places = [PLACE, (PLACE[0] + 0.2, PLACE[1] + 0.03), (PLACE[0] + 0.4, PLACE[1] + 0.05)]
    times = [100.0, 101.4, 103.2]
    pairs = [(0, 1), (1, 2), (0, 2)]
    heard = [pairs[int(g)] for g in rng.permutation(np.arange(len(ST_X)) % 3)]
    rounds = [book.arrivals(x, y, t, [s for s in range(len(ST_X)) if k in heard[s]])
              for k, ((x, y), t) in enumerate(zip(places, times))]
    st, tm = np.array(book.station), np.array(book.time)
    every = np.concatenate(rounds)
    ranked = [every[st[every] == s][np.argsort(tm[every[st[every] == s]])] for s in range(len(ST_X))]
    events = [np.array(sorted(int(r[j]) for r in ranked)) for j in range(2)]
    return book, rounds, places, times, events


def test_a_three_round_mission_heard_two_rounds_a_station_is_given_back_pure_from_its_mixtures() -> None:
    """The labelling search (``mission.labelled_starts``) finds the three pure rounds from the two mixture events
    (a data start, not the truth), every pick in its own round within 0.1 km and 0.1 s; without it the step does
    not (the position starts stay in the mixtures' aliases)."""
    for seed in (7, 9, 10, 13):
        book, rounds, places, times, events = _two_of_three(seed)
        owner = {int(q): k for k, p in enumerate(rounds) for q in p.tolist()}
        assert max(np.bincount([owner[int(q)] for q in e]).max() / len(e) for e in events) < 0.8  # mixtures
        _check(book, rounds, places, times, events)


def test_without_the_labelling_search_the_two_of_three_mission_stays_mixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mission, "LABEL_SEARCH", False)
    for seed in (7, 9, 10, 13):
        book, _rounds, _places, _times, events = _two_of_three(seed)
        replaced, new, _x, _y = _run(book, events)
        assert replaced == [] and new == []


def test_station_options_keep_the_firing_order_only_where_the_battery_cannot_swap_it() -> None:
    """Two picks 1.5 s apart (more than the battery's travel-time spread) keep their order over three rounds: 3 ways;
    0.4 s apart they may be in either order: 6 ways. With leave-outs: each pick to a round or none, one per round."""
    far = station_options(np.array([10.0, 11.5]), 3, 1.2, leave_out=False)
    assert sorted(map(tuple, far.tolist())) == [(0, 1), (0, 2), (1, 2)]
    near = station_options(np.array([10.0, 10.4]), 3, 1.2, leave_out=False)
    assert len(near) == 6 and (1, 0) in set(map(tuple, near.tolist()))
    one = station_options(np.array([10.0]), 2, 1.2, leave_out=True)
    assert sorted(map(tuple, one.tolist())) == [(-1,), (0,), (1,)]
    crowded = station_options(np.array([10.0, 11.5, 13.0]), 2, 1.2, leave_out=False)
    assert sorted(map(tuple, crowded.tolist())) == [(-1, 0, 1), (0, -1, 1), (0, 1, -1)]  # two of three, in order
    with_out = station_options(np.array([10.0, 11.5]), 2, 1.2, leave_out=True)
    assert len(with_out) == 1 + 2 + 2 + 1  # none; first only; second only; both in order


def _context(book: Book) -> tuple[PickContext, np.ndarray]:
    time, st, _start, _picks, order = book.kernel_layout([])
    nan = np.full(len(time), np.nan)
    ctx = PickContext(time, st, nan.copy(), nan.copy(), ST_X, ST_Y, np.zeros(len(ST_X)), np.zeros(0), np.zeros(0),
                      SIGMA_S, KAPPA, 38.0, 3.0, 2.2, 3.0)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return ctx, rank


def test_a_pick_pointing_elsewhere_is_taken_out_of_its_round() -> None:
    """A clutter pick that fits a round in time but whose back-azimuth points 110 degrees off is dropped before the
    round is located (``_directional``); the round's own picks with agreeing directions stay."""
    book = Book(seed=3)
    p = book.arrivals(PLACE[0], PLACE[1], 100.0, list(range(len(ST_X))))
    ctx, rank = _context(book)
    picks = np.sort(rank[p])
    s = ctx.pick_station[picks]
    true_baz = np.degrees(np.arctan2(PLACE[0] - ST_X[s], PLACE[1] - ST_Y[s])) % 360.0
    ctx.pick_baz[picks[:3]] = true_baz[:3]
    ctx.pick_baz_sigma[picks[:3]] = 4.0
    ctx.pick_baz[picks[3]] = (true_baz[3] + 110.0) % 360.0
    ctx.pick_baz_sigma[picks[3]] = 4.0
    kept = mission._directional([Launcher(PLACE[0], PLACE[1], np.array([100.0]), [picks], {})], ctx)[0].picks[0]
    assert kept.tolist() == np.delete(picks, 3).tolist()


def test_the_free_picks_a_round_takes_are_not_charged_against_it() -> None:
    """``_better`` compares the rounds with the events over the events' picks: a round that also takes a free pick
    (late by 2 sigma) is not charged that pick's misfit, so pure rounds of equal fit are not turned away for it."""
    book = Book(seed=5, noise_s=0.0)
    p = book.arrivals(PLACE[0], PLACE[1], 100.0, list(range(len(ST_X))))
    ctx, rank = _context(book)
    picks = np.sort(rank[p])
    held, free = picks[:-1], picks[-1:]
    d = float(np.hypot(ST_X[ctx.pick_station[free[0]]] - PLACE[0], ST_Y[ctx.pick_station[free[0]]] - PLACE[1]))
    sig = float(np.sqrt(SIGMA_S**2 + (KAPPA * d / C_KM_S) ** 2))
    ctx.pick_time[free] += 2.0 * sig
    atm = np.array([C_KM_S, 0.0, 0.0])
    r = Round(PLACE[0], PLACE[1], 100.0, picks, 4.0 + 3.0, len(picks), np.eye(3))  # 3.0 held misfit + the free 2^2
    assert abs(mission._held_chi2(r, held, ctx, atm) - 3.0) < 1e-2  # (the travel times are on the sphere)
    chi2 = np.array([3.5])  # the event held the same picks with a slightly worse fit
    assert mission._better([r], np.array([0]), [held], chi2, ctx, atm)
    assert not mission._better([r], np.array([0]), [held], chi2)  # charged the free pick, it would lose


def test_two_separate_events_near_each_other_are_not_merged() -> None:
    """Two sources 0.8 km and 2 s apart, each its own event: left as they are."""
    book = Book(seed=6)
    places, times = [PLACE, (PLACE[0] + 0.8, PLACE[1] - 0.1)], [100.0, 102.0]
    rounds = _mission(book, places, times, miss=0.1)
    replaced, new, _x, _y = _run(book, rounds)
    assert replaced == [] and new == []


def test_a_clean_mission_is_left_as_it_was() -> None:
    """A mission whose events are already its rounds is not touched (no hypothesis beats them)."""
    book = Book(seed=7)
    places, times = [PLACE, (PLACE[0] + 0.1, PLACE[1])], [100.0, 101.6]
    rounds = _mission(book, places, times, miss=0.1)
    replaced, new, _x, _y = _run(book, rounds)
    assert replaced == [] and new == []


def test_mission_clusters_are_small_groups_chained_in_space_and_time() -> None:
    x = np.array([0.0, 0.3, 0.6, 5.0, 5.2, 9.0, 20.0, 20.1, 20.2, 20.3, 20.4, 20.5])
    y = np.zeros(12)
    t0 = np.array([0.0, 1.5, 3.0, 10.0, 30.0, 40.0, 50.0, 51.0, 52.0, 53.0, 54.0, 55.0])
    groups = mission_clusters(x, y, t0)
    assert [g.tolist() for g in groups] == [[0, 1, 2]]  # 3-4: too far in time; 6-11: six events, a ripple's


def test_associate_with_the_fire_missions_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the whole batch associator (``FusionConfig.fire_missions``): missions of two and three rounds from tubes
    0.1 km apart, 1.3-1.9 s apart, between the toy network's two rows of stations (0.1 s pick noise, clutter, a wind
    the fixed sound speed ignores). Every pick is held once; the step's events match as many rounds within 0.25 km and
    0.3 s as the free search's (7 of 15; session 10's step, without the labelling search, matched 8), and more without
    the extra round (``EXTRA_ROUNDS`` = 0: 8)."""
    rng = np.random.default_rng(4)
    rounds = []
    for m in range(6):
        lat0, lon0, t0 = 48.0 + rng.uniform(-0.03, 0.03), 37.3 + 0.1 * m, 150.0 + 60.0 * m
        for k in range(2 + m % 2):
            t0 += rng.uniform(1.3, 1.9) if k else 0.0
            rounds.append((lat0, lon0 + 0.0014 * k, t0))
    toy = make_toy(seed=2, events=rounds, noise_s=0.1, clutter_per_station=3, duration_s=700.0)
    matched = {}
    for on in (False, True):
        _, _, matched[on] = associate_toy(toy, FusionConfig(sound_speed_m_per_s=338.0, fire_missions=on),
                                          max_distance_km=0.25, max_dt_s=0.3)
    assert matched[True] >= matched[False]  # 7 of the 15 rounds, as without the step
    monkeypatch.setattr(mission, "EXTRA_ROUNDS", 0)
    _, _, fewer = associate_toy(toy, FusionConfig(sound_speed_m_per_s=338.0, fire_missions=True),
                                max_distance_km=0.25, max_dt_s=0.3)
    assert fewer > matched[False]  # 8 against 7
