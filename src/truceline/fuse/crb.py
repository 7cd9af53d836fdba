"""Cramér–Rao bound of an acoustic source location from its station geometry.

For arrival times ``t_i = t0 + d_i / c + e_i`` with independent Gaussian errors
``e_i ~ N(0, sigma_i^2)``, ``sigma_i^2 = sigma_pick^2 + (kappa_model * d_i / c)^2`` (the
associator's own noise model, ``kernels.locate``), and array back-azimuths
``theta_i = atan2(x - x_i, y - y_i) + f_i`` with ``f_i ~ N(0, s_i^2)``, the Fisher information
of the unknowns ``(x, y, t0)`` is

    J = sum_i g_i g_i' / sigma_i^2 + sum_arrays h_i h_i' / s_i^2

with ``g_i = (-u_ix / c, -u_iy / c, 1)`` (``u_i`` the unit vector from the source to station
``i``) and ``h_i = (dy_i, -dx_i, 0) / r_i^2`` (radians per km). Any unbiased estimator has a
covariance of at least ``J^-1`` (Kay, *Fundamentals of Statistical Signal Processing:
Estimation Theory*, 1993, ch. 3); the origin time is a nuisance parameter, so the position bound
is the top-left 2 x 2 block of ``J^-1``, not the inverse of ``J``'s block.

Units: kilometres, seconds, km/s, degrees for the angular sigmas.
"""

from __future__ import annotations

import numpy as np


def fisher_information(
    station_dx_km: np.ndarray,
    station_dy_km: np.ndarray,
    *,
    celerity_km_s: float,
    sigma_pick_s: float,
    kappa_model: float,
    backazimuth_sigma_deg: np.ndarray | None = None,
) -> np.ndarray:
    """3 x 3 Fisher information of ``(x, y, t0)`` for stations at offsets ``(dx, dy)`` from the source.

    ``backazimuth_sigma_deg`` holds, per station, the 1-sigma error of its back-azimuth, or NaN for
    a station that measures only time.
    """
    dx = np.asarray(station_dx_km, dtype=float)
    dy = np.asarray(station_dy_km, dtype=float)
    if dx.shape != dy.shape or dx.ndim != 1:
        raise ValueError("station offsets must be two 1-D arrays of the same length")
    if celerity_km_s <= 0 or sigma_pick_s < 0 or kappa_model < 0 or (sigma_pick_s == 0 and kappa_model == 0):
        raise ValueError("celerity must be positive and the time noise model non-zero")
    distance = np.hypot(dx, dy)
    safe = np.maximum(distance, 1e-9)
    travel_s = distance / celerity_km_s
    sigma_s = np.sqrt(sigma_pick_s**2 + (kappa_model * travel_s) ** 2)
    # d(travel time)/d(source position): moving the source towards a station shortens its path
    gradient = np.column_stack([-dx / safe / celerity_km_s, -dy / safe / celerity_km_s, np.ones_like(dx)])
    gradient[distance < 1e-9, :2] = 0.0
    weighted = gradient / sigma_s[:, None]
    information = weighted.T @ weighted
    if backazimuth_sigma_deg is not None:
        baz_sigma = np.asarray(backazimuth_sigma_deg, dtype=float)
        if baz_sigma.shape != dx.shape:
            raise ValueError("backazimuth_sigma_deg must have one value per station")
        has = np.isfinite(baz_sigma) & (baz_sigma > 0) & (distance > 1e-6)
        if has.any():
            r2 = distance[has] ** 2
            # bearing from the station to the source, atan2(-dx, -dy); its gradient in the source position
            angular = np.column_stack([-dy[has] / r2, dx[has] / r2, np.zeros(int(has.sum()))])
            angular /= np.radians(baz_sigma[has])[:, None]
            information = information + angular.T @ angular
    return np.asarray(information)


def cramer_rao_bound(
    station_dx_km: np.ndarray,
    station_dy_km: np.ndarray,
    *,
    celerity_km_s: float,
    sigma_pick_s: float,
    kappa_model: float,
    backazimuth_sigma_deg: np.ndarray | None = None,
) -> np.ndarray:
    """3 x 3 lower bound on the covariance of ``(x, y, t0)``; all ``inf`` when the geometry cannot
    determine them (fewer than three independent observations)."""
    information = fisher_information(station_dx_km, station_dy_km, celerity_km_s=celerity_km_s,
                                     sigma_pick_s=sigma_pick_s, kappa_model=kappa_model,
                                     backazimuth_sigma_deg=backazimuth_sigma_deg)
    singular = np.linalg.svd(information, compute_uv=False)
    if singular[-1] <= 1e-12 * max(singular[0], 1e-300):
        return np.full((3, 3), np.inf)
    return np.asarray(np.linalg.inv(information))


def radial_bound_km(bound: np.ndarray) -> float:
    """Root-mean-square position error allowed by a bound: ``sqrt(trace)`` of its 2 x 2 position block."""
    return float(np.sqrt(bound[0, 0] + bound[1, 1]))
