"""The Cramér–Rao bound of a source location: analytic cases and monotonicity."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.fuse.crb import cramer_rao_bound, fisher_information, radial_bound_km

C = 0.343


def _ring(n: int, radius_km: float, phase: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    angle = phase + 2 * np.pi * np.arange(n) / n
    return radius_km * np.sin(angle), radius_km * np.cos(angle)


@pytest.mark.parametrize("n", [3, 4, 8, 20])
def test_a_ring_of_stations_has_the_analytic_bound(n: int) -> None:
    # equal distances: every sigma is sqrt(sp^2 + (kappa R / c)^2); the unit vectors cancel, so
    # var(x) = var(y) = 2 c^2 sigma^2 / n and var(t0) = sigma^2 / n, uncorrelated
    radius, sp, kappa = 12.0, 0.1, 0.002
    sigma2 = sp**2 + (kappa * radius / C) ** 2
    dx, dy = _ring(n, radius, phase=0.3)
    bound = cramer_rao_bound(dx, dy, celerity_km_s=C, sigma_pick_s=sp, kappa_model=kappa)
    np.testing.assert_allclose(np.diag(bound), [2 * C**2 * sigma2 / n, 2 * C**2 * sigma2 / n, sigma2 / n], rtol=1e-9)
    assert abs(bound[0, 1]) < 1e-12 and abs(bound[0, 2]) < 1e-12
    assert radial_bound_km(bound) == pytest.approx(2 * C * np.sqrt(sigma2 / n))


def test_more_stations_never_loosen_the_bound() -> None:
    rng = np.random.default_rng(5)
    dx, dy = rng.uniform(-30, 30, 12), rng.uniform(-30, 30, 12)
    previous = np.inf
    for n in range(3, 13):
        bound = cramer_rao_bound(dx[:n], dy[:n], celerity_km_s=C, sigma_pick_s=0.15, kappa_model=0.0015)
        radial = radial_bound_km(bound)
        assert radial <= previous + 1e-12
        previous = radial


def test_the_origin_time_is_a_nuisance_not_a_known() -> None:
    # stations all on one side: position and origin time are correlated, and not knowing t0
    # costs precision (the bound is larger than the inverse of the position block alone)
    dx, dy = _ring(6, 15.0)
    dx = np.abs(dx) + 5.0
    info = fisher_information(dx, dy, celerity_km_s=C, sigma_pick_s=0.1, kappa_model=0.0)
    bound = np.linalg.inv(info)
    known_t0 = np.linalg.inv(info[:2, :2])
    assert bound[0, 0] > 1.5 * known_t0[0, 0]


def test_back_azimuths_tighten_the_bound_and_make_two_stations_enough() -> None:
    dx, dy = _ring(4, 10.0, phase=0.2)
    without = cramer_rao_bound(dx, dy, celerity_km_s=C, sigma_pick_s=0.15, kappa_model=0.0015)
    with_baz = cramer_rao_bound(dx, dy, celerity_km_s=C, sigma_pick_s=0.15, kappa_model=0.0015,
                                backazimuth_sigma_deg=np.array([2.0, np.nan, np.nan, np.nan]))
    assert radial_bound_km(with_baz) < radial_bound_km(without)
    # a lone back-azimuth: its information is r^2 sigma^2 across the line of sight only
    info = fisher_information(np.array([0.0]), np.array([10.0]), celerity_km_s=C, sigma_pick_s=1e9, kappa_model=0.0,
                              backazimuth_sigma_deg=np.array([1.0]))
    assert info[0, 0] == pytest.approx(1.0 / (10.0 * np.radians(1.0)) ** 2)
    assert info[1, 1] == pytest.approx(0.0, abs=1e-12)
    two = cramer_rao_bound(np.array([10.0, -10.0]), np.array([0.0, 0.0]), celerity_km_s=C, sigma_pick_s=0.15,
                           kappa_model=0.0)
    assert np.isinf(two).all()
    two_arrays = cramer_rao_bound(np.array([10.0, 0.0]), np.array([0.0, 10.0]), celerity_km_s=C, sigma_pick_s=0.15,
                                  kappa_model=0.0, backazimuth_sigma_deg=np.array([2.0, 2.0]))
    assert np.isfinite(two_arrays).all()


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        cramer_rao_bound(np.zeros(3), np.zeros(2), celerity_km_s=C, sigma_pick_s=0.1, kappa_model=0.0)
    with pytest.raises(ValueError):
        cramer_rao_bound(np.ones(3), np.ones(3), celerity_km_s=0.0, sigma_pick_s=0.1, kappa_model=0.0)
