"""The share of a run's unpaired events that are chimeras, fitted to the run (issue #4, session 16, prior16:
`AttributionConfig.chimera_mixture`, off by default: on `violation` the fitted share is the same on truth-derived events,
which hold no chimera, as on fused ones, so the detection model's station counts do not tell chimeras apart)."""

from __future__ import annotations

import numpy as np
import pytest
from test_reality import _world
from attribute_world import events_table
from test_acoustics import make_stations

from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.chimera import (ChimeraMixtureConfig, fit_agreement_mixture, fit_chimera_mixture, located_cdf, pit_calibration,
                                         real_count_likelihood)
from truceline.attribute.reality import poisson_binomial_pmf
from truceline.geo.areas import Areas


def test_the_real_count_likelihood_is_the_model_given_the_event_was_located() -> None:
    pmf = poisson_binomial_pmf(np.full(10, 0.5))
    located = pmf[4:].sum()
    assert real_count_likelihood(pmf, 4, 4) == pytest.approx(pmf[4] / located)
    assert real_count_likelihood(pmf, 7, 4) == pytest.approx(pmf[7] / located)
    assert np.isnan(real_count_likelihood(pmf, 3, 4))  # below what a location needs: not a located event
    assert np.isnan(real_count_likelihood(pmf, 11, 4))  # more stations than the model has
    assert np.isnan(real_count_likelihood(np.zeros(0), 5, 4))
    cdf = located_cdf(pmf, 4)
    assert cdf is not None and cdf[3] == 0.0 and cdf[-1] == pytest.approx(1.0)


def _counts(rng: np.random.Generator, q: np.ndarray, size: int, min_stations: int = 4) -> np.ndarray:
    """Station counts of ``size`` located real sources (at least ``min_stations``) whose stations hear them with ``q``."""
    out: list[int] = []
    while len(out) < size:
        n = int((rng.random(q.size) < q).sum())
        if n >= min_stations:
            out.append(n)
    return np.asarray(out, dtype=np.int64)


def test_calibration_on_sources_of_the_model_is_about_the_identity_and_learns_a_model_that_overpredicts() -> None:
    rng = np.random.default_rng(3)
    q = np.full(16, 0.6)
    pmf = poisson_binomial_pmf(q)
    honest = _counts(rng, q, 2000)
    calibration = pit_calibration([pmf] * honest.size, honest, np.arange(honest.size), 4)
    u = np.linspace(0.0, 1.0, 11)
    np.testing.assert_allclose(calibration(u), u, atol=0.04)
    # The run's real sources are picked by fewer stations than the model says (picks lost to overlapping rounds): the
    # calibrated model gives a real source few stations with more probability than the raw one.
    fewer = _counts(rng, np.full(16, 0.4), 2000)
    calibration = pit_calibration([pmf] * fewer.size, fewer, np.arange(fewer.size), 4)
    assert real_count_likelihood(pmf, 5, 4, calibration) > 2.0 * real_count_likelihood(pmf, 5, 4)
    # Without reference events: the identity.
    identity = pit_calibration([pmf], np.array([9]), np.zeros(0, dtype=np.intp), 4)
    np.testing.assert_allclose(identity(u), u)


def test_em_recovers_the_share_and_survival_of_chimeras_and_weighs_few_station_events() -> None:
    rng = np.random.default_rng(11)
    q = np.full(20, 0.55)
    real = _counts(rng, q, 400)
    chimeras = 4 + rng.geometric(0.6, size=100) - 1  # survival 0.4 beyond the fewest stations
    picked = np.concatenate([real, chimeras])
    pmf = [poisson_binomial_pmf(q)] * picked.size
    fit = fit_chimera_mixture(picked, pmf, np.ones(picked.size, dtype=bool), min_stations=4)
    assert fit.share == pytest.approx(0.2, abs=0.06)
    assert fit.survival == pytest.approx(0.4, abs=0.1)
    assert fit.min_stations == 4 and fit.n_events == picked.size
    at = {int(n): float(p) for n, p in zip(picked, fit.source_probability)}
    assert at[4] < at[6] < at[9] <= 1.0
    assert at[4] < 0.2  # a real source of this model is rarely picked by 4 of 20 stations
    # Starting elsewhere gives the same fit.
    other = fit_chimera_mixture(picked, pmf, np.ones(picked.size, dtype=bool), ChimeraMixtureConfig(initial_share=0.5,
                                initial_survival=0.8), min_stations=4)
    assert other.share == pytest.approx(fit.share, abs=1e-3)


def test_without_chimeras_the_fitted_share_is_small_and_unweighed_events_keep_their_claims() -> None:
    rng = np.random.default_rng(5)
    q = np.full(20, 0.5)
    picked = _counts(rng, q, 400)
    pmf = [poisson_binomial_pmf(q)] * picked.size
    weigh = np.ones(picked.size, dtype=bool)
    weigh[:50] = False  # paired events: not weighed
    fit = fit_chimera_mixture(picked, pmf, weigh, min_stations=4)
    assert fit.share < 0.03
    assert np.all(fit.source_probability[:50] == 1.0) and np.all(np.isnan(fit.real_likelihood[:50]))
    assert fit.source_probability.min() > 0.5
    few = fit_chimera_mixture(picked[:10], pmf[:10], np.ones(10, dtype=bool), min_stations=4)  # too few to fit
    assert few.share == 0.0 and np.all(few.source_probability == 1.0)


def test_off_by_default_and_paired_events_keep_their_claims(areas: Areas) -> None:
    assert AttributionConfig().chimera_mixture is None
    rows, picks, assignments = _world(4)  # X: a lone detonation that keeps 4 of its picks; the missions' rounds are paired
    stations = make_stations()
    off = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations)
    on = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations,
                          config=AttributionConfig(chimera_mixture=ChimeraMixtureConfig(min_events=1)))
    x = list(on.event_ids).index("X")
    assert on.partner[x] < 0 and on.firing_party[x] == off.firing_party[x]
    assert on.p_firing_party[x] <= off.p_firing_party[x]
    paired = on.partner >= 0
    assert paired.sum() > 10
    np.testing.assert_allclose(on.p_firing_party[paired], off.p_firing_party[paired])


def _scatter(rng: np.random.Generator, sigma: float, counts: np.ndarray) -> np.ndarray:
    """Sums of squared deviations of ``counts`` levels scattered by ``sigma`` about their mean."""
    return np.array([float(np.sum((x - x.mean()) ** 2)) for x in (rng.normal(0.0, sigma, int(k)) for k in counts)])


def test_agreement_em_finds_chimeras_whose_picks_disagree_and_weighs_them_by_pick_count() -> None:
    rng = np.random.default_rng(2)
    paired_counts = rng.integers(4, 9, size=300)
    real_counts = rng.integers(4, 12, size=300)
    chimera_counts = 4 + rng.geometric(0.6, size=80) - 1
    counts = np.concatenate([paired_counts, real_counts, chimera_counts]).astype(np.int64)
    sum_squares = np.concatenate([_scatter(rng, 4.0, paired_counts), _scatter(rng, 4.0, real_counts), _scatter(rng, 10.0, chimera_counts)])
    paired = np.zeros(counts.size, dtype=bool)
    paired[:300] = True
    fit = fit_agreement_mixture(sum_squares, counts, paired, min_stations=4)
    assert fit.real_sigma_db == pytest.approx(4.0, abs=0.4)
    assert fit.chimera_sigma_db == pytest.approx(10.0, abs=2.0)
    assert fit.share_slope < 0.0 and fit.n_events == 380
    assert np.all(fit.source_probability[paired] == 1.0)
    real, chimera = fit.source_probability[300:600], fit.source_probability[600:]
    assert np.median(chimera) < 0.5 < np.median(real)
    # Of two events from four picks, the one whose picks disagree more is likelier a chimera.
    two = fit_agreement_mixture(np.concatenate([sum_squares, [3 * 16.0, 3 * 100.0]]), np.concatenate([counts, [4, 4]]),
                                np.concatenate([paired, [False, False]]), min_stations=4)
    assert two.source_probability[-1] < two.source_probability[-2]


def test_agreement_needs_paired_sources_to_learn_from(areas: Areas) -> None:
    counts = np.full(30, 5, dtype=np.int64)
    fit = fit_agreement_mixture(np.full(30, 40.0), counts, np.zeros(30, dtype=bool))  # no paired events: no fit
    assert np.all(fit.source_probability == 1.0)
    assert AttributionConfig().chimera_agreement is None


def test_source_levels_carry_each_events_level_scatter() -> None:
    from truceline.attribute.acoustics import source_levels

    rows, picks, assignments = _world(4)
    table = events_table(rows)
    ids = [str(e) for e in table["event_id"].to_pylist()]
    lat = np.asarray(table["lat"].to_pylist(), dtype=np.float64)
    lon = np.asarray(table["lon"].to_pylist(), dtype=np.float64)
    levels = source_levels(ids, lat, lon, picks=picks, stations=make_stations(), assignments=assignments)
    assert levels.level_count is not None and levels.level_sum_squares_db2 is not None
    per_event = {e: 0 for e in ids}
    for event in assignments["event_id"].to_pylist():
        per_event[str(event)] += 1
    x = ids.index("X")
    assert levels.level_count[x] == per_event["X"] == 4
    assert np.all(levels.level_sum_squares_db2[levels.level_count >= 2] >= 0.0)
