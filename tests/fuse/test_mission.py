"""Small fire missions (fuse/mission.py), on hand-made rounds in a plane with stations on every side."""

from __future__ import annotations

import numpy as np

from tests.fuse.synthetic import associate_toy, make_toy
from tests.fuse.test_rival import C_KM_S, KAPPA, SIGMA_S, ST_X, ST_Y, Book
from truceline.fuse import FusionConfig, kernels
from truceline.fuse.mission import fire_missions, mission_clusters
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


def test_associate_with_the_fire_missions_step() -> None:
    """Through the whole batch associator (``FusionConfig.fire_missions``): missions of two and three rounds from tubes
    0.1 km apart, 1.3-1.9 s apart, between the toy network's two rows of stations (0.1 s pick noise, clutter, a wind
    the fixed sound speed ignores). Every pick is held once, and the step's events match more rounds within 0.25 km and
    0.3 s than the free search's (8 of 15 against 7: most of the toy's mixtures are not found, as on `violation`)."""
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
    assert matched[True] > matched[False]  # 8 of the 15 rounds against 7
