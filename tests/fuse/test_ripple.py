"""A launcher's ripple (fuse/ripple.py), on hand-made rounds in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.synthetic import associate_toy, make_toy
from tests.fuse.test_rival import C_KM_S, KAPPA, SIGMA_S, ST_X, ST_Y, Book
from truceline.fuse import FusionConfig, kernels
from truceline.fuse.ripple import burst_clusters, ripple_bursts
from truceline.fuse.rival import PickContext

LAUNCHER = (13.0, 2.0)  # east of the 5 x 5 grid of stations (x and y from -10 to 10 km)
SECOND = (13.3, 2.4)  # 500 m from it


def _ripple(book: Book, xy: tuple[float, float], start: float, rounds: int, miss: float) -> list[np.ndarray]:
    """``rounds`` rounds from one point 0.5 s apart; each station misses each round with probability ``miss``."""
    out = []
    for k in range(rounds):
        heard = [s for s in range(len(ST_X)) if book.rng.random() >= miss]
        out.append(book.arrivals(xy[0], xy[1], start + 0.5 * k, heard))
    return out


def _mixtures(book: Book, rounds: list[np.ndarray], seed: int) -> list[np.ndarray]:
    """Events as the free search makes them in a burst: each takes, at each station, the pick of its own round or of
    the round before or after (the range-origin-time trade-off), one pick per station, no pick twice."""
    rng = np.random.default_rng(seed)
    st = np.array(book.station)
    by_station: dict[int, list[int]] = {}
    for k, p in enumerate(rounds):
        for q in p.tolist():
            by_station.setdefault(int(st[q]), []).append(k)
    used: set[int] = set()
    events = []
    for k in range(len(rounds)):
        chosen = []
        for s in range(len(ST_X)):
            for shift in rng.permutation([-1, 0, 1]).tolist():
                j = k + shift
                if 0 <= j < len(rounds):
                    q = [p for p in rounds[j].tolist() if st[p] == s and p not in used]
                    if q:
                        chosen.append(q[0])
                        used.add(q[0])
                        break
        if len(chosen) >= 4:
            events.append(np.array(sorted(chosen), dtype=np.int64))
    return events


def _run(book: Book, events: list[np.ndarray], two: bool = False,
         places: bool = False) -> tuple[list[int], list, np.ndarray, np.ndarray]:
    time, st, start, picks, order = book.kernel_layout(events)
    n = len(time)
    nan = np.full(n, np.nan)
    x, y, t0, chi2, n_obs = [], [], [], [], []
    for p in picks:  # each mixture located as the engine located it
        t_guess = float(np.min(time[p])) - 5.0
        ex, ey, et, _cov, c2, no = kernels.locate(p, st[p], time, nan, nan, ST_X, ST_Y, np.zeros(len(ST_X)),
                                                  LAUNCHER[0], LAUNCHER[1], t_guess, C_KM_S, 0.0, 0.0, SIGMA_S, KAPPA,
                                                  2.5, 15)
        x.append(ex), y.append(ey), t0.append(et), chi2.append(c2), n_obs.append(no)
    ctx = PickContext(time, st, nan, nan, ST_X, ST_Y, np.zeros(len(ST_X)), np.zeros(0), np.zeros(0), SIGMA_S, KAPPA,
                      38.0, 3.0, 2.2, 3.0)
    replaced, new = ripple_bursts(np.array(x), np.array(y), np.array(t0), picks,
                                  np.tile([C_KM_S, 0.0, 0.0], (len(events), 1)), np.array(chi2),
                                  np.array(n_obs, dtype=np.int64), ctx=ctx, station_pick_start=start, min_stations=4,
                                  reach_km=38.0, two=two, places=places)
    return replaced, [(a, bx, by, bt, order[p]) for a, bx, by, bt, p in new], np.array(x), np.array(y)


def test_events_of_a_burst_are_chained_in_space_and_time() -> None:
    x = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 10.0, 0.2])
    y = np.zeros(8)
    t0 = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 5.5, 20.0])  # the last two: too far, too late
    groups = burst_clusters(x, y, t0, distance_km=2.0, gap_s=3.0, min_events=6)
    assert [g.tolist() for g in groups] == [[0, 1, 2, 3, 4, 5]]
    assert burst_clusters(x, y, t0, distance_km=2.0, gap_s=3.0, min_events=7) == []


def test_a_ripple_of_mixtures_is_given_back_as_its_rounds_with_pure_picks() -> None:
    book = Book(seed=3)
    book.noise_s = 0.05
    rounds = _ripple(book, LAUNCHER, 100.0, 12, miss=0.15)
    events = _mixtures(book, rounds, seed=1)
    owner = {int(q): k for k, p in enumerate(rounds) for q in p.tolist()}
    before = [np.bincount([owner[int(q)] for q in e]).max() / len(e) for e in events]
    assert np.mean(before) < 0.8  # the mixtures the free search makes
    replaced, new, _x, _y = _run(book, events)
    assert len(replaced) >= len(events) - 1  # a mixture located far enough off is not of the burst
    assert len(new) >= 10
    purity = [np.bincount([owner[int(q)] for q in p]).max() / len(p) for *_rest, p in new]
    assert min(purity) == 1.0
    assert len({owner[int(p[0])] for *_rest, p in new}) == len(new)  # one event per round
    for _a, x, y, t0, p in new:
        k = owner[int(p[0])]
        assert np.hypot(x - LAUNCHER[0], y - LAUNCHER[1]) < 0.15
        assert abs(t0 - (100.0 + 0.5 * k)) < 0.2


def _two_launchers(seed: int) -> tuple[Book, list[np.ndarray], list[np.ndarray]]:
    """Two launchers 500 m apart: 12 rounds from the first, 10 from the second starting 3.2 s later (so their rounds
    interleave at every station for 2.8 s), each station missing each round with probability 0.15; the burst's
    events are the free search's mixtures."""
    book = Book(seed=seed)
    book.noise_s = 0.05
    first = _ripple(book, LAUNCHER, 100.0, 12, miss=0.15)
    second = _ripple(book, SECOND, 103.2, 10, miss=0.15)
    rounds = first + second
    events = _mixtures(book, sorted(rounds, key=lambda p: float(np.min(np.array(book.time)[p]))), seed=2)
    return book, rounds, events


def test_a_burst_of_two_launchers_is_left_as_it_was_by_default() -> None:
    """Without ``two`` (``FusionConfig.ripple_two_launchers`` off) the head and tail of the burst focus apart and the
    events stay (docs/fusion.md, "A launcher's ripple")."""
    book, _rounds, events = _two_launchers(5)
    replaced, new, _x, _y = _run(book, events)
    assert replaced == [] and new == []


def test_a_burst_of_two_launchers_is_split_into_their_rounds() -> None:
    """With ``two``: the two combs fitted jointly give back every round of both launchers, one event per round,
    each at its own launcher and with its own picks (without the pruning of the lattices' empty ends, 5-13 extra
    rounds of a few stations each were made; without the joint fit the burst is left as mixtures)."""
    for seed in (5, 7, 8):
        book, rounds, events = _two_launchers(seed)
        owner = {int(q): k for k, p in enumerate(rounds) for q in p.tolist()}
        replaced, new, _x, _y = _run(book, events, two=True)
        assert len(replaced) == len(events)
        dominant = [int(np.bincount([owner[int(q)] for q in p]).argmax()) for *_rest, p in new]
        assert len(new) == len(rounds) == len(set(dominant))  # one event per round, none extra
        purity = [np.bincount([owner[int(q)] for q in p]).max() / len(p) for *_rest, p in new]
        assert np.mean(purity) >= 0.9 and min(purity) >= 0.75
        for (_a, x, y, t0, _p), k in zip(new, dominant):
            source, start = (LAUNCHER, 100.0 + 0.5 * k) if k < 12 else (SECOND, 103.2 + 0.5 * (k - 12))
            assert np.hypot(x - source[0], y - source[1]) < 0.1
            assert abs(t0 - start) < 0.2


def test_one_launcher_is_not_taken_for_two() -> None:
    """A single launcher's ripple comes out the same whether two launchers are sought or not."""
    book = Book(seed=3)
    book.noise_s = 0.05
    rounds = _ripple(book, LAUNCHER, 100.0, 12, miss=0.15)
    events = _mixtures(book, rounds, seed=1)
    one = _run(book, events)
    two = _run(book, events, two=True)
    assert one[0] == two[0] and len(one[1]) == len(two[1]) >= 10
    for a, b in zip(one[1], two[1]):
        assert a[0] == b[0] and a[1:4] == b[1:4] and np.array_equal(a[4], b[4])


BATTERY_TIMES = (100.0, 101.3, 102.1, 103.9, 104.6, 106.2, 107.0, 108.8, 109.5, 111.1)
"""A battery's rounds: seconds apart at no fixed interval (several tubes, each reloaded by hand)."""


def _battery(seed: int) -> tuple[Book, list[np.ndarray], list[np.ndarray]]:
    book = Book(seed=seed)
    book.noise_s = 0.05
    rounds = []
    for t in BATTERY_TIMES:
        heard = [s for s in range(len(ST_X)) if book.rng.random() >= 0.15]
        rounds.append(book.arrivals(LAUNCHER[0], LAUNCHER[1], t, heard))
    return book, rounds, _mixtures(book, rounds, seed=seed)


def test_a_battery_firing_at_no_fixed_interval_is_given_back_as_its_rounds_at_its_place() -> None:
    """``places`` (``FusionConfig.ripple_places``): a burst of ten rounds from one battery at no fixed interval, given
    as the free search's mixtures (purity 0.5-0.95, up to 0.57 km off), that no comb explains (without ``places`` it
    is left as it was) comes back as its ten rounds at the battery, one event per round, each with only its own
    picks."""
    book, rounds, events = _battery(3)
    owner = {int(q): k for k, p in enumerate(rounds) for q in p.tolist()}
    before = [np.bincount([owner[int(q)] for q in e]).max() / len(e) for e in events]
    assert np.mean(before) < 0.85
    assert _run(book, events)[:2] == ([], [])
    replaced, new, _x, _y = _run(book, events, places=True)
    assert len(replaced) == len(events)
    dominant = [int(np.bincount([owner[int(q)] for q in p]).argmax()) for *_rest, p in new]
    assert len(new) == len(rounds) == len(set(dominant))
    purity = [np.bincount([owner[int(q)] for q in p]).max() / len(p) for *_rest, p in new]
    assert min(purity) == 1.0
    for (_a, x, y, t0, _p), k in zip(new, dominant):
        assert np.hypot(x - LAUNCHER[0], y - LAUNCHER[1]) < 0.1
        assert abs(t0 - BATTERY_TIMES[k]) < 0.2


def test_places_leave_two_interleaved_launchers_as_they_were() -> None:
    """Two launchers' interleaved ripples seen from a few points give fewer rounds than sources and hold fewer picks
    than the events did: one launcher's acceptance keeps the events."""
    book, _rounds, events = _two_launchers(5)
    replaced, new, _x, _y = _run(book, events, places=True)
    assert replaced == [] and new == []


def test_associate_gives_back_the_rounds_of_a_ripple_by_default() -> None:
    """Through the whole batch associator (``FusionConfig.ripple_bursts``, on by default): 14 rounds 0.5 s apart from one point
    (toy network, 0.1 s pick noise, clutter, a wind the fixed sound speed ignores). The free search makes
    mixtures of them, located 0.3-1.4 km off, of which two match a round; the step gives back all 14."""
    rng = np.random.default_rng(1)
    lat0, lon0 = 48.0 + rng.uniform(-0.03, 0.03), 37.5 + rng.uniform(-0.1, 0.1)
    rounds = [(lat0, lon0, 150.0 + 0.5 * k + rng.uniform(0, 0.05)) for k in range(14)]
    toy = make_toy(seed=1, events=rounds, noise_s=0.1, clutter_per_station=3, duration_s=500.0)
    matched = {}
    for on in (False, True):
        config = FusionConfig(sound_speed_m_per_s=338.0) if on else FusionConfig(sound_speed_m_per_s=338.0, ripple_bursts=False)
        lat, lon, matched[on] = associate_toy(toy, config, max_distance_km=0.5, max_dt_s=0.5)
        if on:
            assert np.max(np.hypot((lat - lat0) * 111.2, (lon - lon0) * 111.2 * np.cos(np.radians(lat0)))) < 0.3
    assert matched[False] <= 4
    assert matched[True] >= 13
