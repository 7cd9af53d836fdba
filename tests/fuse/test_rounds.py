"""As many events at a firing place as its nearest stations heard rounds (``fuse/rounds.py``, ``FusionConfig.place_rounds``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig, fuse
from truceline.fuse.events import to_tables
from truceline.fuse.rounds import level_offset_db, missing_rounds, place_clusters
from tests.fuse.synthetic import make_toy

C = 0.335  # km/s
ATMOSPHERE = (C, 0.002, -0.001)
ROUNDS = 100.0 + np.array([0.0, 0.9, 2.1, 2.8, 4.0, 5.2, 6.1, 7.3])  # a battery's train, at no fixed interval


def _stations() -> tuple[np.ndarray, np.ndarray]:
    angles = np.radians(np.arange(0, 360, 30))
    radius = np.array([6.0, 11.0, 19.0] * 4)
    return 2.0 + radius * np.cos(angles), -1.0 + radius * np.sin(angles)


def _scene(found: list[int], clutter: int = 0, seed: int = 3):
    """A battery at (0, 0) firing ``ROUNDS``, each heard by all 12 stations (pick noise 0.05 s, each round's path
    scatter 0.3 % of the travel time); the rounds ``found`` are events located within 0.1 km of the battery holding
    their own picks, the other rounds' picks are free; ``clutter`` free picks at random times at each station."""
    rng = np.random.default_rng(seed)
    st_x, st_y = _stations()
    pick_time: list[float] = []
    pick_station: list[int] = []
    pick_round: list[int] = []
    for k, t in enumerate(ROUNDS):
        tt = travel_times(st_x, st_y, 0.0, 0.0, *ATMOSPHERE) * (1 + rng.normal(0, 0.003))
        for s in range(len(st_x)):
            pick_time.append(float(t + tt[s] + rng.normal(0, 0.05)))
            pick_station.append(s)
            pick_round.append(k)
    for s in range(len(st_x)):
        for t in rng.uniform(60.0, 200.0, clutter):
            pick_time.append(float(t))
            pick_station.append(s)
            pick_round.append(-1)
    rounds = np.array(pick_round)
    xs = rng.normal(0, 0.05, len(found))
    ys = rng.normal(0, 0.05, len(found))
    picks = [np.flatnonzero(rounds == k) for k in found]
    return (xs, ys, ROUNDS[found] + rng.normal(0, 0.05, len(found)), picks, np.tile(ATMOSPHERE, (len(found), 1)),
            np.array(pick_time), np.array(pick_station), st_x, st_y, rounds)


def test_the_rounds_the_events_miss_are_added_at_the_place_with_their_own_picks() -> None:
    found = [0, 2, 4, 6, 7]
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene(found)
    new = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)
    assert len(new) == 3
    for r, k in zip(sorted(new, key=lambda r: r.t0_s), [1, 3, 5]):
        assert abs(r.t0_s - ROUNDS[k]) < 0.2
        assert np.hypot(r.x_km, r.y_km) < 0.1
        assert np.mean(rounds[r.picks] == k) >= 0.9 and len(r.picks) >= 10


def test_the_count_is_not_fooled_by_clutter_and_nothing_is_added_when_every_round_is_an_event() -> None:
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene(list(range(8)), clutter=3)
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy) == []
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene([0, 2, 4, 6, 7], clutter=3)
    assert len(missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)) == 3


def test_no_place_no_round() -> None:
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene([3])  # one event: no place (another within 0.5 km, 30 s needed)
    assert place_clusters(x, y, t0, place_km=0.5, place_s=30.0, min_events=1) == []
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy) == []


def test_rounds_whose_picks_went_into_a_mixture_elsewhere_are_counted() -> None:
    """Rounds 1, 3 and 5 at the nearest stations (0, 3, 6, 9: 6 km) are held by three mixtures located 4 km off in three
    directions: the default count (all but other places' picks) still hears 8 rounds there and adds them from the other
    stations' free picks; counting only the free picks and the place's own, the nearest stations hear 5 and nothing
    is added."""
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene([0, 2, 4, 6, 7])
    mixtures = [np.flatnonzero((rounds == k) & np.isin(ps, [0, 3, 6, 9])) for k in (1, 3, 5)]
    x, y, t0 = np.r_[x, 4.0, 0.0, -4.0], np.r_[y, 0.0, 4.0, 0.0], np.r_[t0, 103.0, 105.0, 107.0]
    picks = picks + mixtures
    atm = np.tile(ATMOSPHERE, (len(t0), 1))
    new = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)
    assert len(new) == 3
    assert np.allclose(sorted(r.t0_s for r in new), ROUNDS[[1, 3, 5]], atol=0.2)
    held = np.concatenate(mixtures)
    assert not any(np.isin(r.picks, held).any() for r in new)  # nothing taken from the events already found
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, count="own") == []


def test_a_round_whose_picks_locate_elsewhere_is_not_added() -> None:
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene([0, 2, 4, 6, 7])
    assert len(missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, locate=lambda *a: (0.1, 0.0),
                              max_offset_km=2.0)) == 3
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, locate=lambda *a: (3.0, 0.0), max_offset_km=2.0) == []


def test_the_step_is_on_by_default_with_its_guards() -> None:
    config = FusionConfig()
    assert config.place_rounds and config.place_round_free_arrivals and config.place_round_scatter_ellipse
    assert config.place_round_heard_share == 0.5 and config.place_round_level_db is None
    assert config.place_round_fit_ratio is None and config.place_round_explained_share is None
    assert config.place_round_explain_s is None


def test_echoes_below_the_trains_level_are_not_counted_as_rounds() -> None:
    """Every round an event; each station also hears weak echoes (12 dB down) 1.2 s after rounds 2 and 5: counted,
    they are two rounds more (one of them added: the other's time is within 0.45 s of an event's); with ``weak_db`` 9
    they are not counted and nothing is added."""
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene(list(range(8)))
    rng = np.random.default_rng(4)
    n_st = len(sx)
    level = np.r_[rng.normal(0.0, 0.3, len(pt)), np.full(2 * n_st, -12.0 * np.log(10.0) / 20.0)]
    echo_t = [pt[(ps == s)][k] + 1.2 for k in (2, 5) for s in range(n_st)]
    echo_s = [s for _k in (2, 5) for s in range(n_st)]
    pt, ps = np.r_[pt, echo_t], np.r_[ps, echo_s]
    assert len(missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)) >= 1
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, log_amplitude=level, weak_db=9.0) == []


def test_the_tables_get_the_missing_rounds_with_their_picks() -> None:
    """Through ``to_tables(batch=True)``: a toy battery of 8 rounds 1.3 s apart, fused; three of its events taken out
    (their picks free) come back as events at the battery, each with its picks in ``assignments``; off, the tables
    are those of the pass."""
    battery = [(48.0, 37.5, 300.0 + 1.3 * k) for k in range(8)]
    others = [(47.95, 37.3, 900.0), (48.05, 37.8, 1200.0)]
    toy = make_toy(seed=5, events=battery + others, clutter_per_station=0, array_every=100)
    prep, result, atmosphere = fuse(toy.stations, toy.picks)
    near = np.flatnonzero(np.hypot(result.x_km - np.median(result.x_km[:8]), result.y_km - np.median(result.y_km[:8])) < 0.5)
    assert len(near) >= 7
    keep = np.setdiff1d(np.arange(len(result.t0_s)), near[[1, 3, 5]])
    thinned = result.take(keep)
    off = to_tables(prep, thinned, atmosphere, config=FusionConfig(place_rounds=False), batch=True)
    on = to_tables(prep, thinned, atmosphere, config=FusionConfig(place_rounds=True, place_round_free_arrivals=False),
                   batch=True)
    assert off.events.num_rows == len(keep)
    added = on.events.num_rows - off.events.num_rows
    assert added >= 2
    ids = set(on.assignments["event_id"].to_pylist())
    assert set(on.events["event_id"].to_pylist()) >= ids
    counts = {e: 0 for e in on.events["event_id"].to_pylist()}
    for e in on.assignments["event_id"].to_pylist():
        counts[e] += 1
    assert [counts[e] for e in on.events["event_id"].to_pylist()] == on.events["n_picks"].to_pylist()
    assert on.position_covariance_km2.shape == (on.events.num_rows, 2, 2)
    assert np.all(np.diff(on.events["time"].to_numpy()) >= 0)


def test_with_free_arrivals_only_rounds_that_free_picks_back_are_added() -> None:
    """The count backed by arrivals no event explains: with the missing rounds' picks free, all three come back; with
    their picks at the nearest stations held by mixtures elsewhere, the count (all but other places' picks) still hears
    8 rounds there but the free arrivals back none, and nothing is added; one event's pick missing at every station
    (its arrival free) is that event's, not a round's."""
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene([0, 2, 4, 6, 7])
    report: list = []
    new = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, free_arrivals=True, report=report)
    assert len(new) == 3 and [r.backed for r in report] == [3]
    nearest = report[0].stations
    assert all(np.isin(ps[r.picks], nearest).sum() >= 3 for r in new)  # each holds the free arrivals that backed it
    mixtures = [np.flatnonzero((rounds == k) & np.isin(ps, [0, 3, 6, 9])) for k in (1, 3, 5)]
    xm, ym, tm = np.r_[x, 4.0, 0.0, -4.0], np.r_[y, 0.0, 4.0, 0.0], np.r_[t0, 103.0, 105.0, 107.0]
    atm_m = np.tile(ATMOSPHERE, (len(tm), 1))
    assert len(missing_rounds(xm, ym, tm, picks + mixtures, atm_m, pt, ps, sx, sy)) == 3
    assert missing_rounds(xm, ym, tm, picks + mixtures, atm_m, pt, ps, sx, sy, free_arrivals=True) == []
    report = []
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene(list(range(8)))
    picks[4] = picks[4][::2]  # round 4's event lost half its picks: they are free, and its own
    missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, free_arrivals=True, report=report)
    assert [r.backed for r in report] == [0]


def test_a_round_whose_picks_scatter_more_than_its_siblings_is_not_added() -> None:
    """Round 3's arrivals replaced by picks scattered +-2.5 s about them (another source's, clutter): the count still
    hears 8 and adds a round from them; with ``fit_ratio`` 3 their spread about the place (over a second) against the
    sibling rounds' (0.1 s) rejects it, while the true missing round 1 (its own picks) is kept."""
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene([0, 2, 4, 5, 6, 7])
    rng = np.random.default_rng(8)
    junk = rounds == 3
    pt = pt.copy()
    pt[junk] += rng.uniform(-2.5, 2.5, int(junk.sum()))
    new = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)
    assert len(new) == 2
    kept = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, fit_ratio=3.0)
    assert len(kept) == 1 and abs(kept[0].t0_s - ROUNDS[1]) < 0.2
    assert kept[0].spread_s <= 3.0 * kept[0].sibling_spread_s


def test_a_new_round_carries_its_places_scatter_and_its_ellipse_can_widen_by_it() -> None:
    """Each new round reports the covariance of its place's events' positions; through ``to_tables`` with
    ``place_round_scatter_ellipse`` the added events' ellipses are at least as large as their templates' copies and
    larger where the place's events scatter, every other event's unchanged."""
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene([0, 2, 4, 6, 7])
    new = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)
    assert np.allclose(new[0].place_scatter_km2, np.cov(np.vstack([x, y]), ddof=0))
    battery = [(48.0, 37.5, 300.0 + 1.3 * k) for k in range(8)]
    toy = make_toy(seed=5, events=battery + [(47.95, 37.3, 900.0)], clutter_per_station=0, array_every=100)
    prep, result, atmosphere = fuse(toy.stations, toy.picks)
    near = np.flatnonzero(np.hypot(result.x_km - np.median(result.x_km[:8]), result.y_km - np.median(result.y_km[:8])) < 0.5)
    thinned = result.take(np.setdiff1d(np.arange(len(result.t0_s)), near[[1, 3, 5]]))
    plain = to_tables(prep, thinned, atmosphere, config=FusionConfig(place_rounds=True, place_round_scatter_ellipse=False),
                      batch=True)
    wide = to_tables(prep, thinned, atmosphere, config=FusionConfig(place_rounds=True), batch=True)
    assert plain.events.num_rows == wide.events.num_rows > len(thinned.t0_s)
    a, b = plain.events["ellipse_major_km"].to_numpy(), wide.events["ellipse_major_km"].to_numpy()
    assert np.all(b >= a - 1e-4) and np.any(b > a + 1e-4)
    assert int(np.sum(np.abs(b - a) > 1e-4)) <= plain.events.num_rows - len(thinned.t0_s)


def test_a_round_louder_or_weaker_than_its_siblings_is_not_added() -> None:
    """Rounds 1, 3 and 5 missed; round 3's arrivals 20 dB louder than the train's (another, nearer source's, heard
    at the same times): all three added without ``level_db``; with ``level_db`` 10 round 3 is not, rounds 1 and 5
    (the train's level, scatter 2.6 dB) are; without amplitudes the guard passes everything."""
    found = [0, 2, 4, 6, 7]
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene(found)
    rng = np.random.default_rng(5)
    level = rng.normal(0.0, 0.3, len(pt)) + np.where(rounds == 3, 20.0 * np.log(10.0) / 20.0, 0.0)
    assert len(missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, log_amplitude=level)) == 3
    kept = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, log_amplitude=level, level_db=10.0)
    assert [int(np.bincount(rounds[r.picks][rounds[r.picks] >= 0]).argmax()) for r in kept] == [1, 5]
    members = np.arange(len(found))
    assert abs(level_offset_db(np.flatnonzero(rounds == 3), members, picks, level, ps) - 20.0) < 2.0
    assert abs(level_offset_db(np.flatnonzero(rounds == 1), members, picks, level, ps)) < 2.0
    assert np.isnan(level_offset_db(np.flatnonzero(rounds == 1), members[:0], picks, level, ps))
    assert len(missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, level_db=10.0)) == 3


def test_a_round_heard_by_far_fewer_stations_than_its_siblings_is_not_added() -> None:
    """Rounds 1, 3 and 5 missed; round 3 heard only at the 5 stations nearest the battery (its other arrivals far
    out of the window), its siblings at all 12: all three added; with ``heard_share`` 0.5 (at least 6 of 12) round 3
    is not, rounds 1 and 5 are."""
    found = [0, 2, 4, 6, 7]
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene(found)
    nearest = np.argsort(np.hypot(sx, sy), kind="stable")[:5]
    far = (rounds == 3) & ~np.isin(ps, nearest)
    pt = pt.copy()
    pt[far] += 1000.0
    assert len(missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)) == 3
    kept = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, heard_share=0.5)
    assert [int(np.bincount(rounds[r.picks][rounds[r.picks] >= 0]).argmax()) for r in kept] == [1, 5]
    assert all(len(np.unique(ps[r.picks])) >= 6 for r in kept)


def _with_neighbour(x, y, t0, picks, atm, pt, ps, sx, sy, *, at=(1.0, 0.0), time_s=108.5, holds=4):
    """The scene plus a neighbour source at ``at`` (another battery 1 km away, a mission's impacts) firing once at
    ``time_s``, just after the battery's train, heard by every station; it is a found event holding its picks at the
    ``holds`` stations farthest from the battery, its arrivals at the others free."""
    tt = travel_times(sx, sy, at[0], at[1], *ATMOSPHERE)
    first = len(pt)
    pt = np.r_[pt, time_s + tt]
    ps = np.r_[ps, np.arange(len(sx))]
    farthest = np.argsort(-np.hypot(sx, sy), kind="stable")[:holds]
    own = first + farthest
    x, y, t0 = np.r_[x, at[0]], np.r_[y, at[1]], np.r_[t0, time_s]
    return x, y, t0, picks + [own], np.tile(ATMOSPHERE, (len(t0), 1)), pt, ps, first + np.arange(len(sx))


def test_arrivals_another_event_predicts_are_not_taken_by_a_new_round() -> None:
    """Every round of the battery an event; a battery 1 km away fires once just after its train and is found, holding
    picks at the four stations farthest from the battery; its arrivals at the other eight fall within the battery's
    window and are free. Counted, they are one round more (9), and a new round gathers four of them: the neighbour's
    round at the wrong place. With ``explain_s`` (and no ``max_offset_km``: any other event may explain) the arrivals
    the neighbour's event predicts are its own: the new round cannot take them and none is added; the count itself is
    unchanged (``PlaceCount.count``)."""
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene(list(range(8)))
    x, y, t0, picks, atm, pt, ps, arrivals = _with_neighbour(x, y, t0, picks, atm, pt, ps, sx, sy)
    fooled = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)
    assert len(fooled) == 1 and len(fooled[0].picks) >= 4 and np.isin(fooled[0].picks, arrivals).all()
    report: list = []
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, explain_s=0.2, report=report) == []
    assert report[0].count == 9  # still heard: the count is not what the test changes


def test_explained_arrivals_leave_the_missing_rounds_their_own_picks() -> None:
    """Rounds 1, 3 and 5 missed (their picks free) and the neighbour's arrivals free as above: without ``explain_s`` a
    fourth round is added, the neighbour's arrivals; with it the three rounds come back, each holding its own picks
    and none of the neighbour's."""
    x, y, t0, picks, atm, pt, ps, sx, sy, rounds = _scene([0, 2, 4, 6, 7])
    x, y, t0, picks, atm, pt, ps, arrivals = _with_neighbour(x, y, t0, picks, atm, pt, ps, sx, sy)
    fooled = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy)
    assert len(fooled) == 4 and sum(np.isin(r.picks, arrivals).all() for r in fooled) == 1
    new = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, explain_s=0.2)
    assert len(new) == 3
    for r, k in zip(sorted(new, key=lambda r: r.t0_s), [1, 3, 5]):
        assert not np.isin(r.picks, arrivals).any()
        assert np.mean(rounds[r.picks[r.picks < len(rounds)]] == k) >= 0.9


def test_only_events_beyond_the_places_offset_explain_arrivals() -> None:
    """The neighbour 1 km from the battery: with ``max_offset_km`` 2 (the default ``place_round_max_km``) it is within
    the distance at which a round's own picks may locate and still be the place's, so it explains nothing and the
    count's extra round is added as without ``explain_s``; with 0.8 km it lies beyond and explains its arrivals."""
    x, y, t0, picks, atm, pt, ps, sx, sy, _ = _scene(list(range(8)))
    x, y, t0, picks, atm, pt, ps, arrivals = _with_neighbour(x, y, t0, picks, atm, pt, ps, sx, sy)
    near = missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, explain_s=0.2, max_offset_km=2.0)
    assert len(near) == 1 and np.isin(near[0].picks, arrivals).all()
    assert missing_rounds(x, y, t0, picks, atm, pt, ps, sx, sy, explain_s=0.2, max_offset_km=0.8) == []
