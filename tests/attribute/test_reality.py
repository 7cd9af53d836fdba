"""An unpaired event that its level says many stations should have heard, and few picked, is likelier not a source at
its place (issue #4, session 10, kind10: the fusion's chimeras of busy fire, e.g. `violation` seed 11 fused E000061, a
5-pick "impact" of 116 dB that the detection model expects 14 stations to pick, accusing UA at 0.89)."""

from __future__ import annotations

import itertools

import numpy as np
import pyarrow as pa
import pytest
from scipy.special import ndtr
from attribute_world import T0, events_table, lon_at_km
from test_acoustics import NOISE_DB, make_picks, make_stations, mortar_missions

from truceline.attribute.acoustics import path_loss_db
from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.reality import RealityConfig, poisson_binomial_cdf, real_probability, reality_evidence
from truceline.geo.areas import Areas


def test_poisson_binomial_cdf_by_enumeration() -> None:
    q = np.array([0.9, 0.2, 0.55, 0.7])
    for n in range(-1, 5):
        brute = sum(float(np.prod([x if b else 1.0 - x for x, b in zip(q, bits)]))
                    for bits in itertools.product((0, 1), repeat=q.size) if sum(bits) <= n)
        assert poisson_binomial_cdf(q, n) == pytest.approx(brute)


def test_real_probability_falls_with_the_tail_and_is_bounded_by_the_model_error() -> None:
    config = RealityConfig(prior=0.05, shape=0.1, model_error=0.15, floor=1e-4)
    p = [real_probability(t, config) for t in (1.0, 0.1, 0.01, 1e-3, 1e-4, 1e-9)]
    assert all(a > b for a, b in zip(p[:4], p[1:5]))
    assert p[4] == p[5]  # floored
    # However small the tail, the odds against a real event are at most prior / ((1 - prior) model_error).
    assert p[5] > (0.95 * 0.15) / (0.95 * 0.15 + 0.05) - 1e-9
    # Without a model error the silence can refute an event almost entirely.
    assert real_probability(1e-4, RealityConfig(prior=0.05, shape=0.1, model_error=0.0)) < 0.1


def _grid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A 7 x 7 grid of stations 5 km apart (noise 55 dB), without enough events to calibrate the model."""
    km = np.arange(-15.0, 15.1, 5.0)
    north, east = np.meshgrid(km, km)
    return 48.0 + north.ravel() / 111.2, 37.0 + east.ravel() / (111.32 * np.cos(np.radians(48.0))), np.full(north.size, 55.0)


def test_an_event_picked_by_few_of_the_stations_its_level_reaches_loses_its_claim() -> None:
    s_lat, s_lon, noise = _grid()
    lat, lon = np.array([48.0, 48.0, 48.0, 48.0]), np.array([37.0, 37.0, 37.0, 37.0])
    d_km = np.hypot((s_lat - 48.0) * 111.2, (s_lon - 37.0) * 111.32 * np.cos(np.radians(48.0)))
    q = ndtr((100.0 - path_loss_db(d_km * 1000.0, 0.8) - noise - 10.0) / 5.0)
    near = set(map(int, np.flatnonzero(q > 0.3)))  # the stations the model expects to hear a 100 dB source
    few = set(sorted(near, key=lambda s: -d_km[s])[:4])  # four of the far ones
    stations_of = [near, few, few, few]
    level = np.array([100.0, 100.0, np.nan, 100.0])
    evaluate = np.array([True, True, True, False])
    out = reality_evidence(lat, lon, evaluate, stations_of, s_lat, s_lon, noise, level, 0.8, 10.0, RealityConfig())
    assert out.expected[0] > 12.0 and out.tail[0] > 0.5 and out.factor[0] == 1.0  # heard where it should be
    assert out.tail[1] < 1e-4 and out.factor[1] < 0.8  # a 100 dB source that a dozen stations should hear, picked at four
    assert out.factor[2] == 1.0 and np.isnan(out.tail[2])  # no level: no evidence
    assert out.factor[3] == 1.0 and np.isnan(out.tail[3])  # not weighed (a paired event)
    # A quiet event that the model expects few stations to hear is not weighed.
    quiet = reality_evidence(lat[:1], lon[:1], evaluate[:1], [few], s_lat, s_lon, noise, np.array([60.0]), 0.8, 10.0, RealityConfig())
    assert quiet.expected[0] < 4.0 and quiet.factor[0] == 1.0


T_X = T0 + 1200.0 * 15


def _world(kept: int | None) -> tuple[list[tuple[str, float, float, float]], pa.Table, pa.Table]:
    """The level-teaching mortar missions and X, a lone 112 dB detonation 4 km inside RU; with ``kept``, X keeps only
    that many of its picks (its farthest), as a chimera put where no source was would."""
    rows, level = mortar_missions(12)
    x = ("X", T_X, 48.0, lon_at_km(4.0))
    stations = make_stations()
    picks, assignments = make_picks(rows + [x], level | {"X": 112.0}, stations)
    if kept is None:
        return rows + [x], picks, assignments
    events = np.asarray(assignments["event_id"].to_pylist())
    mine = np.flatnonzero(events == "X")
    amplitude = np.asarray(picks["amplitude"].to_pylist())
    pick_row = {p: k for k, p in enumerate(picks["pick_id"].to_pylist())}
    ids = np.asarray(assignments["pick_id"].to_pylist())
    order = mine[np.argsort([amplitude[pick_row[p]] for p in ids[mine]])]  # quietest first: the farthest
    drop = np.ones(events.size, dtype=bool)
    drop[order[kept:]] = False
    return rows + [x], picks, assignments.filter(pa.array(drop))


def test_a_lone_detonation_picked_by_few_of_its_stations_accuses_less(areas: Areas) -> None:
    assert NOISE_DB == 55.0
    rows, picks, assignments = _world(4)
    on = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=make_stations())
    off = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=make_stations(),
                           config=AttributionConfig(reality=None))
    x = list(on.event_ids).index("X")
    assert on.partner[x] < 0 and on.kind[x] == "impact" and on.firing_party[x] == off.firing_party[x] == "UA"
    assert on.p_firing_party[x] < 0.8 * off.p_firing_party[x], on.reason[x]
    assert "likelier not a source at its place" in on.reason[x]
    others = np.arange(len(on.event_ids)) != x
    np.testing.assert_allclose(on.p_firing_party[others], off.p_firing_party[others])


def test_a_lone_detonation_heard_where_it_should_be_keeps_its_claim(areas: Areas) -> None:
    rows, picks, assignments = _world(None)
    on = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=make_stations())
    off = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=make_stations(),
                           config=AttributionConfig(reality=None))
    np.testing.assert_allclose(on.p_firing_party, off.p_firing_party)  # the silence is no evidence against it


def test_the_few_picks_prior_weighs_the_silence_of_few_pick_events_more() -> None:
    """Session 24 (attrib24): ``few_picks_prior4``: the prior that an event is no source there by the picks that located
    it, as ``FewPicksConfig`` reads it, at least ``prior``; only the silence's evidence is weighed by it."""
    config = RealityConfig(few_picks_prior4=0.25, few_picks_survival=0.5)
    assert RealityConfig(few_picks_prior4=0.0).prior_for(4) == RealityConfig().prior == 0.05  # 0: off
    assert RealityConfig().few_picks_prior4 == 0.25  # on since session 25 (attrib25)
    assert config.prior_for(4) == pytest.approx(0.25) and config.prior_for(5) == pytest.approx(1.0 / 7.0)
    assert config.prior_for(7) == pytest.approx(0.05) and config.prior_for(20) == pytest.approx(0.05)  # at least ``prior``
    s_lat, s_lon, noise = _grid()
    lat, lon = np.array([48.0, 48.0, 48.0]), np.array([37.0, 37.0, 37.0])
    d_km = np.hypot((s_lat - 48.0) * 111.2, (s_lon - 37.0) * 111.32 * np.cos(np.radians(48.0)))
    q = ndtr((100.0 - path_loss_db(d_km * 1000.0, 0.8) - noise - 10.0) / 5.0)
    near = set(map(int, np.flatnonzero(q > 0.3)))
    few = set(sorted(near, key=lambda s: -d_km[s])[:4])
    stations_of, level, evaluate = [near, few, few], np.array([100.0, 100.0, 100.0]), np.ones(3, dtype=bool)
    plain = reality_evidence(lat, lon, evaluate, stations_of, s_lat, s_lon, noise, level, 0.8, 10.0, RealityConfig())
    out = reality_evidence(lat, lon, evaluate, stations_of, s_lat, s_lon, noise, level, 0.8, 10.0, config, n_picks=[14, 4, 20])
    assert out.factor[0] == 1.0  # heard where it should be: no prior makes it less sure
    # By hand: four picks, prior 0.25, the factor P(real | tail) / (1 - prior).
    assert out.factor[1] == pytest.approx(real_probability(out.tail[1], config, 0.25) / 0.75)
    assert out.factor[1] < plain.factor[1] - 0.2
    assert out.factor[2] == pytest.approx(plain.factor[2])  # twenty picks: the plain prior
    # Without the pick counts every event has the plain prior.
    same = reality_evidence(lat, lon, evaluate, stations_of, s_lat, s_lon, noise, level, 0.8, 10.0, config)
    assert list(same.factor) == pytest.approx(list(plain.factor))
