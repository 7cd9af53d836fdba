"""A merged salvo's unlocated sources read from the arrivals at an event's stations (``fuse/siblings.py``,
``FusionConfig.sibling_spread``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.engine import FusionConfig
from truceline.fuse.siblings import sibling_covariance, sibling_offsets

C = 0.335


def _network(rng: np.random.Generator, n: int = 12) -> tuple[np.ndarray, np.ndarray]:
    angle = np.sort(rng.uniform(0.0, 2.0 * np.pi, n))
    radius = rng.uniform(5.0, 25.0, n)
    return radius * np.cos(angle), radius * np.sin(angle)


def _arrays(st_x: np.ndarray, st_y: np.ndarray, sources: list[tuple[float, float, float]], rng: np.random.Generator,
            *, clutter: int = 0, sigma_s: float = 0.03) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[np.ndarray]]:
    """Every station hears every source (x, y, t0), plus ``clutter`` random picks per station within 10 s; picks grouped
    by station and sorted in time as ``prepare`` makes them. Returns pick_time, pick_station, station_pick_start and,
    as the one event, the picks of the first source."""
    times, stations, source = [], [], []
    for s in range(len(st_x)):
        for k, (x, y, t0) in enumerate(sources):
            times.append(t0 + np.hypot(st_x[s] - x, st_y[s] - y) / C + rng.normal(0.0, sigma_s))
            stations.append(s)
            source.append(k)
        for t in rng.uniform(-5.0, 95.0, clutter):
            times.append(float(t))
            stations.append(s)
            source.append(-1)
    t, st, src = np.array(times), np.array(stations), np.array(source)
    order = np.lexsort((t, st))
    t, st, src = t[order], st[order], src[order]
    start = np.searchsorted(st, np.arange(len(st_x) + 1))
    return t, st, start.astype(np.int64), [np.flatnonzero(src == 0)]


def test_a_salvos_unlocated_guns_are_found_where_they_fired() -> None:
    rng = np.random.default_rng(3)
    st_x, st_y = _network(rng)
    guns = [(0.0, 0.0, 0.0), (0.3, -0.1, 1.2), (-0.2, 0.25, 2.4)]
    t, st, start, own = _arrays(st_x, st_y, guns, rng)
    found = sibling_offsets(np.zeros(1), np.zeros(1), np.array([C]), own, t, st, start, st_x, st_y)[0]
    assert len(found) == 2
    found = found[np.argsort(found[:, 2])]
    for (dx, dy, dt), (gx, gy, gt) in zip(found, guns[1:]):
        assert abs(dx - gx) <= 0.1 and abs(dy - gy) <= 0.1 and abs(dt - gt) <= 0.3
    term = sibling_covariance(np.zeros(1), np.zeros(1), np.zeros(1), [found])[0]
    expected = sum(np.outer(f[:2], f[:2]) for f in found) / 3.0  # the truth any of three sources, each as likely
    np.testing.assert_allclose(term, expected)
    assert term[0, 0] > 0.02  # the guns 0.2-0.3 km east and west of the event


def test_clutter_and_a_lone_round_have_no_siblings_and_a_launchers_next_round_adds_next_to_nothing() -> None:
    rng = np.random.default_rng(5)
    st_x, st_y = _network(rng)
    t, st, start, own = _arrays(st_x, st_y, [(0.0, 0.0, 0.0)], rng, clutter=8)
    found = sibling_offsets(np.zeros(1), np.zeros(1), np.array([C]), own, t, st, start, st_x, st_y)[0]
    assert len(found) == 0  # eight random picks per station in 100 s do not line up across four stations
    assert np.all(sibling_covariance(np.zeros(1), np.zeros(1), np.zeros(1), [found]) == 0.0)
    t, st, start, own = _arrays(st_x, st_y, [(0.0, 0.0, 0.0), (0.0, 0.0, 1.5)], rng)  # a ripple's next round
    found = sibling_offsets(np.zeros(1), np.zeros(1), np.array([C]), own, t, st, start, st_x, st_y)[0]
    assert len(found) == 1 and abs(found[0, 2] - 1.5) <= 0.3
    term = sibling_covariance(np.zeros(1), np.zeros(1), np.zeros(1), [found])[0]
    assert np.trace(term) <= 2 * 0.05**2  # at the grid's step of the event


def test_a_sibling_the_run_located_is_not_counted_and_the_option_is_off_by_default() -> None:
    x, y, t0 = np.array([0.0, 0.3]), np.array([0.0, -0.1]), np.array([0.0, 1.2])
    offsets = [np.array([[0.3, -0.1, 1.2], [-0.2, 0.25, 2.4]]), np.zeros((0, 3))]
    term = sibling_covariance(x, y, t0, offsets)
    np.testing.assert_allclose(term[0], np.outer([-0.2, 0.25], [-0.2, 0.25]) / 2.0)  # the located one dropped
    assert np.all(term[1] == 0.0)
    assert FusionConfig().sibling_spread is False


def test_to_tables_with_sibling_spread_only_widens_and_moves_no_event(monkeypatch) -> None:
    from tests.fuse.synthetic import make_toy
    from truceline.fuse import events
    from truceline.fuse.engine import fuse

    toy = make_toy(seed=4, n_events=25)
    prep, result, atmosphere = fuse(toy.stations, toy.picks, FusionConfig())
    plain = events.to_tables(prep, result, atmosphere, config=FusionConfig(place_spread_scale=0.0), batch=True)
    config = FusionConfig(sibling_spread=True, place_spread_scale=0.0)  # the sibling term alone
    assert np.allclose(events.to_tables(prep, result, atmosphere, config=config, batch=True).position_covariance_km2,
                       plain.position_covariance_km2)  # the toy's lone events have no siblings: nothing added
    seen: list[np.ndarray] = []

    def one_sibling_each(x_km, *args, **kwargs):  # every event with one unlocated gun 0.3 km east, 9 s later
        seen.append(np.asarray(kwargs.get("radius_km")))
        return [np.array([[0.3, 0.0, 9.0]]) for _ in x_km]

    monkeypatch.setattr(events, "sibling_offsets", one_sibling_each)
    widened = events.to_tables(prep, result, atmosphere, config=config, batch=True)
    assert seen and float(seen[0]) == config.sibling_radius_km
    assert widened.assignments.equals(plain.assignments)
    for column in ("time", "lat", "lon", "n_picks", "time_sigma_s"):
        assert widened.events[column].equals(plain.events[column])
    extra = widened.position_covariance_km2 - plain.position_covariance_km2
    np.testing.assert_allclose(extra, np.tile(np.diag([0.09 / 2.0, 0.0]), (len(extra), 1, 1)), atol=1e-12)


def test_place_spread_siblings_reads_the_place_only_for_events_with_an_unlocated_sibling_and_keeps_the_burst_gate(monkeypatch) -> None:
    from types import SimpleNamespace

    from truceline.fuse import events
    from truceline.fuse.engine import PassResult
    from truceline.fuse.placespread import place_spread_covariance

    # a burst of three rounds located one by one, then four merged salvos 40 s apart, the places 0.3-0.6 km apart
    x = np.array([0.0, 0.05, 0.1, 0.6, -0.4, 0.3, -0.5])
    t = np.array([0.0, 2.0, 4.0, 40.0, 80.0, 120.0, 160.0])
    n = len(t)
    result = PassResult(x_km=x, y_km=np.zeros(n), t0_s=t, n_stations=np.full(n, 8), chi2=np.ones(n),
                        n_obs=np.full(n, 8), tile=np.zeros(n, int), block=np.zeros(n, int), picks=np.zeros((n, 1), int),
                        covariance=np.tile(np.eye(3) * 1e-4, (n, 1, 1)))
    cov = np.tile(np.eye(3) * 1e-4, (n, 1, 1))
    prep = SimpleNamespace(pick_time=np.zeros(1), pick_station=np.zeros(1, int), station_pick_start=np.array([0, 1]),
                           network=SimpleNamespace(x_km=np.zeros(1), y_km=np.zeros(1)))
    with_sibling = np.array([True, False, False, True, False, True, False])

    def siblings_of(x_km, *args, **kwargs):  # an unlocated gun 0.2 km north, 3 s before, where with_sibling
        flags = [with_sibling[int(np.flatnonzero(x == xi)[0])] for xi in x_km]  # the events searched, by place
        return [np.array([[0.0, 0.2, -3.0]]) if flag else np.zeros((0, 3)) for flag in flags]

    monkeypatch.setattr(events, "sibling_offsets", siblings_of)
    config = FusionConfig(place_spread_scale=1.0, place_spread_siblings=True, place_spread_max_burst=None)
    term = events.place_spread_term(result, cov, config, prep, np.full((n, 3), [0.335, 0.0, 0.0]))
    every = place_spread_covariance(x, np.zeros(n), t, cov[:, :2, :2], place_km=config.place_spread_km,
                                    place_s=config.place_spread_s, min_others=config.place_spread_min_others,
                                    min_gap_s=config.place_spread_gap_s)
    assert every[0, 0, 0] > 0.01  # the burst's first round reads the salvos' scatter: the burst gate would not read it
    np.testing.assert_allclose(term[with_sibling], every[with_sibling])
    assert np.all(term[~with_sibling] == 0.0)
    both = events.place_spread_term(result, cov, FusionConfig(place_spread_scale=1.0, place_spread_siblings=True), prep,
                                    np.zeros((n, 3)))
    assert np.all(both[:3] == 0.0)  # with the burst gate: the burst located round by round is not read
    np.testing.assert_allclose(both[3:], term[3:])
