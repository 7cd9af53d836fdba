"""The terms of the calibrated covariance: atmosphere sensitivity, model-error variance, ambiguity."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.fuse.uncertainty import (
    EventDesign,
    ambiguity,
    atmosphere_estimate,
    atmosphere_sensitivity,
    event_design,
    member_spread,
    model_error_variance,
)

C = 0.340


def _ring(n: int, radius_km: float) -> tuple[np.ndarray, np.ndarray]:
    angle = 0.1 + 2 * np.pi * np.arange(n) / n
    return radius_km * np.sin(angle), radius_km * np.cos(angle)


def test_a_wind_error_moves_a_ringed_source_by_travel_time_times_the_error() -> None:
    # stations at one distance: a wind error dw makes every path look like the source moved
    # by tt * dw (downwind stations hear it early); a celerity error only shifts the origin time
    sx, sy = _ring(12, 17.0)
    design = event_design(sx, sy, 0.0, 0.0, 0.0, np.zeros(12), (C, 0.0, 0.0), sigma_pick_s=0.1, kappa_model=0.0)
    sensitivity = atmosphere_sensitivity(design)
    travel = 17.0 / C
    np.testing.assert_allclose(sensitivity[:2, 1:], travel * np.eye(2), rtol=1e-3, atol=1e-3)
    np.testing.assert_allclose(sensitivity[:2, 0], 0.0, atol=1e-3)
    assert sensitivity[2, 0] == pytest.approx(-travel / C, rel=1e-3)


def test_an_event_with_stations_at_varied_distances_measures_its_own_wind_error() -> None:
    rng = np.random.default_rng(2)
    distance = rng.uniform(4.0, 40.0, 30)
    angle = rng.uniform(0, 2 * np.pi, 30)
    sx, sy = distance * np.sin(angle), distance * np.cos(angle)
    truth = (C + 0.002, 0.003, -0.002)
    from truceline.fuse.atmosphere import travel_times

    times = 5.0 + travel_times(sx, sy, 0.0, 0.0, *truth)
    # located with the wrong model: refit (x, y, t0) by Gauss-Newton, then ask the event
    model = (C, 0.0, 0.0)
    x = y = 0.0
    t0 = 5.0
    for _ in range(10):
        design = event_design(sx, sy, x, y, t0, times, model, sigma_pick_s=0.05, kappa_model=0.0)
        step = np.linalg.lstsq(design.design, design.residual_s, rcond=None)[0]
        x, y, t0 = x + step[0], y + step[1], t0 + step[2]
    found = atmosphere_estimate(event_design(sx, sy, x, y, t0, times, model, sigma_pick_s=0.05, kappa_model=0.0))
    assert found is not None
    np.testing.assert_allclose(found[0], np.array(truth) - np.array(model), atol=3e-4)
    few = EventDesign(design=design.design[:5], atmosphere=design.atmosphere[:5], weight=design.weight[:5],
                      residual_s=design.residual_s[:5])
    assert atmosphere_estimate(few) is None


def test_model_error_variance_recovers_the_spread_beyond_the_noise() -> None:
    rng = np.random.default_rng(7)
    noise = rng.uniform(0.5, 2.0, 4000)
    estimates = rng.normal(0.0, 1.5, 4000) + rng.normal(0.0, 1.0, 4000) * noise
    assert model_error_variance(estimates, noise**2) == pytest.approx(1.5**2, rel=0.12)
    pure_noise = rng.normal(0.0, 1.0, 4000) * noise
    assert model_error_variance(pure_noise, noise**2) < 0.1
    assert model_error_variance(estimates[:5], noise[:5] ** 2) == 0.0


def test_ambiguity_counts_stations_with_a_competing_arrival() -> None:
    # two stations; station 0 has a second pick 0.2 s from the prediction, station 1 none within 3 sigma
    pick_time = np.array([10.0, 10.2, 20.0, 23.0])
    start = np.array([0, 2, 4])
    share = ambiguity(np.array([10.0, 20.0]), np.array([10.05, 20.0]), np.array([0.15, 0.15]), start,
                      np.array([0, 1]), pick_time, max_z=3.0)
    assert share == 0.5


def test_member_spread_is_zero_alone_and_the_scatter_in_a_cluster() -> None:
    x = np.array([0.0, 1.0, 0.0, 50.0])
    y = np.array([0.0, 0.0, 1.0, 50.0])
    spread = member_spread(x, y, np.array([0, 0, 0, 1]))
    assert np.all(spread[3] == 0.0)
    np.testing.assert_allclose(spread[0], np.cov(np.vstack([x[:3], y[:3]])))
