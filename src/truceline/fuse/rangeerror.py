"""A model error of the paths that grows with range, read from the run's own residuals (``FusionConfig.range_model_error``).

The picks' weights are ``1 / (sigma_pick^2 + (kappa_model tt)^2)`` and the network's variance factor ``f`` scales them
to the residuals the run sees, on average over all ranges. A simulator (or an atmosphere) whose far paths scatter more
than that (a celerity that changes beyond some range, a wind that changes along the paths) leaves the far picks'
residuals larger than ``f`` times their model variance and the near picks' smaller: the average holds, the shape does
not. This module reads the shape from the run's well-located events and, only where a model-selection test says the
residuals grow with the travel time beyond the model, gives each pick the variance its range adds beyond ``f`` times
its model variance; that variance reaches the event's covariance through the pick's gain (the sandwich of
``uncertainty.pick_variance_covariance``: the estimator keeps its weights, no event moves).

The test (:func:`read_range_error`): the leverage-corrected residuals ``u_k = r_k / sqrt(1 - h_k)`` of events with at
least ``min_picks`` picks whose own misfit is not far above the network's (wrong picks would otherwise read as a
model error), with the picks beyond ``trim_z`` of the one-scale model dropped; two Gaussian models, one scale
``var(u_k) = a s_k^2`` against a scale and a travel-time term ``var(u_k) = a s_k^2 + b tt_k^2`` (``b >= 0``), fitted by
maximum likelihood; the second is taken only when it gains more than the Bayesian information criterion's penalty
(``log N`` for its one more parameter) and ``b`` is at least ``min_z`` of its standard errors above 0. Otherwise the
reading is 0 and the ellipses are left as they are (one celerity for every range: the one-scale model fits).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig, PassResult, Prepared, range_slope
from truceline.fuse.uncertainty import EventDesign, event_design, pick_variance_covariance


@dataclass(frozen=True, slots=True, kw_only=True)
class RangeError:
    """What the residuals say about a model error growing with the travel time."""

    scale: float  # a: the residuals' variance over the model variance, the range term apart
    slope_s2_per_s2: float  # b: the variance added per squared second of travel time (0 when not accepted)
    slope_z: float  # b over its standard error (0 when not fitted)
    gain: float  # twice the log-likelihood gained by the travel-time term
    penalty: float  # the information criterion's penalty for it (log N)
    n_picks: int  # residuals read
    accepted: bool

    @staticmethod
    def none(n_picks: int = 0) -> RangeError:
        return RangeError(scale=1.0, slope_s2_per_s2=0.0, slope_z=0.0, gain=0.0, penalty=0.0, n_picks=n_picks,
                          accepted=False)


def _negative_log_likelihood(params: np.ndarray, u2: np.ndarray, s2: np.ndarray, tt2: np.ndarray) -> float:
    a, b = math.exp(params[0]), math.exp(params[1])
    v = a * s2 + b * tt2
    return float(0.5 * np.sum(np.log(v) + u2 / v))


def read_range_error(residual_s: np.ndarray, travel_time_s: np.ndarray, model_variance_s2: np.ndarray, *,
                     trim_z: float = 4.0, min_z: float = 3.0, min_count: int = 100) -> RangeError:
    """The reading of the module doc from leverage-corrected residuals ``residual_s`` (s), their paths' travel times
    ``travel_time_s`` (s) and model variances ``model_variance_s2`` (s^2, ``sigma_pick^2 + (kappa_model tt)^2``), all
    (N,). Fewer than ``min_count`` residuals: no reading."""
    u = np.asarray(residual_s, dtype=float)
    tt = np.asarray(travel_time_s, dtype=float)
    s2 = np.asarray(model_variance_s2, dtype=float)
    ok = np.isfinite(u) & np.isfinite(tt) & np.isfinite(s2) & (s2 > 0)
    u, tt, s2 = u[ok], tt[ok], s2[ok]
    if len(u) < min_count:
        return RangeError.none(len(u))
    keep = np.ones(len(u), dtype=bool)
    for _ in range(5):  # the one-scale model's trimmed scale, the far outliers (wrong picks, gross errors) out
        a0 = float(np.mean(u[keep] ** 2 / s2[keep]))
        new = u**2 <= trim_z**2 * a0 * s2
        if np.array_equal(new, keep):
            break
        keep = new
    u2, s2, tt2 = u[keep] ** 2, s2[keep], tt[keep] ** 2
    n = len(u2)
    if n < min_count:
        return RangeError.none(n)
    a0 = float(np.mean(u2 / s2))
    nll0 = float(0.5 * np.sum(np.log(a0 * s2) + u2 / (a0 * s2)))
    start = np.array([math.log(max(a0, 1e-12)), math.log(max(1e-6 * a0 * float(np.mean(s2 / tt2.clip(1e-9))), 1e-16))])
    fit = optimize.minimize(_negative_log_likelihood, start, args=(u2, s2, tt2), method="Nelder-Mead",
                            options={"xatol": 1e-6, "fatol": 1e-6, "maxiter": 2000})
    a, b = math.exp(fit.x[0]), math.exp(fit.x[1])
    nll1 = float(fit.fun)
    gain = 2.0 * (nll0 - nll1)
    # b's standard error from the Fisher information of (a, b): E[d2 nll] = 0.5 sum x_i x_j / v^2
    v = a * s2 + b * tt2
    x = np.stack([s2, tt2])
    information = 0.5 * (x / v) @ (x / v).T
    try:
        se_b = math.sqrt(float(np.linalg.inv(information)[1, 1]))
    except (np.linalg.LinAlgError, ValueError):
        se_b = math.inf
    z = b / se_b if se_b > 0 else 0.0
    penalty = math.log(n)
    accepted = gain > penalty and z >= min_z
    if not accepted:
        return RangeError(scale=a0, slope_s2_per_s2=0.0, slope_z=z, gain=gain, penalty=penalty, n_picks=n, accepted=False)
    return RangeError(scale=a, slope_s2_per_s2=b, slope_z=z, gain=gain, penalty=penalty, n_picks=n, accepted=True)


def range_error_variance(reading: RangeError, travel_time_s: np.ndarray, model_variance_s2: np.ndarray,
                         factor: float) -> np.ndarray:
    """(n,): what each pick's variance holds beyond ``factor`` times its model variance under an accepted reading,
    ``max(0, a s^2 + b tt^2 - factor s^2)`` (0 everywhere when the reading was not accepted)."""
    tt = np.asarray(travel_time_s, dtype=float)
    s2 = np.asarray(model_variance_s2, dtype=float)
    if not reading.accepted:
        return np.zeros(len(tt))
    return np.asarray(np.clip(reading.scale * s2 + reading.slope_s2_per_s2 * tt**2 - factor * s2, 0.0, None))


def leverages(design: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """(n,): the hat matrix's diagonal of a weighted least-squares fit with ``design`` (n, p) and ``weight`` (n,)."""
    gw = design * weight[:, None]
    information = design.T @ gw
    return np.asarray(np.einsum("ij,ji->i", design, np.linalg.solve(information, gw.T)))


def range_error_covariance(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray,
                           factor: float) -> tuple[np.ndarray, RangeError]:
    """(n, 3, 3) and the reading: what a model error growing with range adds to each event's covariance
    (:func:`range_error_covariances` on the pass's events; ``FusionConfig.range_model_error``)."""
    net = prep.network
    return range_error_covariances(
        net.x_km, net.y_km, [row[row >= 0] for row in result.picks], prep.pick_station, prep.pick_time, result.x_km,
        result.y_km, result.t0_s, event_atmosphere, sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model,
        factor=factor, min_picks=config.range_error_min_picks, max_misfit=config.range_error_max_misfit,
        min_z=config.range_error_min_z, range_slope=range_slope(prep))


def range_error_covariances(st_x: np.ndarray, st_y: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray,
                            pick_time: np.ndarray, x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray,
                            event_atmosphere: np.ndarray, *, sigma_pick_s: float, kappa_model: float, factor: float,
                            min_picks: int = 8, max_misfit: float = 2.0, min_z: float = 3.0,
                            range_slope: float = 0.0) -> tuple[np.ndarray, RangeError]:
    """(n, 3, 3) and the reading (:func:`read_range_error`) from the events of at least ``min_picks`` picks whose
    chi-square per degree of freedom is at most ``max_misfit`` times ``factor`` (the network's variance factor);
    applied to every event of at least three picks whose design is determined (:func:`range_error_variance` through
    ``uncertainty.pick_variance_covariance``). ``picks``: each event's pick indices; ``event_atmosphere`` (n, 3): each
    event's (c, wx, wy)."""
    n = len(t0_s)
    designs: list[tuple[np.ndarray, EventDesign] | None] = []
    residual, travel, model = [], [], []
    for i in range(n):
        own = np.asarray(picks[i])
        if len(own) < 3:
            designs.append(None)
            continue
        stations = pick_station[own]
        c, wx, wy = (float(v) for v in event_atmosphere[i])
        design = event_design(st_x[stations], st_y[stations], float(x_km[i]), float(y_km[i]), float(t0_s[i]),
                              pick_time[own], (c, wx, wy), sigma_pick_s=sigma_pick_s, kappa_model=kappa_model,
                              range_slope=range_slope)
        if np.linalg.matrix_rank(design.design) < 3:
            designs.append(None)
            continue
        tt = travel_times(st_x[stations], st_y[stations], float(x_km[i]), float(y_km[i]), c, wx, wy, range_slope)
        designs.append((tt, design))
        misfit = float(np.sum(design.residual_s**2 * design.weight)) / (len(own) - 3.0) if len(own) > 3 else math.inf
        if len(own) < min_picks or misfit > max_misfit * factor:
            continue
        h = np.clip(leverages(design.design, design.weight), 0.0, 0.95)
        residual.append(design.residual_s / np.sqrt(1.0 - h))
        travel.append(tt)
        model.append(1.0 / design.weight)
    out = np.zeros((n, 3, 3))
    if not residual:
        return out, RangeError.none()
    reading = read_range_error(np.concatenate(residual), np.concatenate(travel), np.concatenate(model), min_z=min_z)
    if not reading.accepted:
        return out, reading
    for i, item in enumerate(designs):
        if item is None:
            continue
        tt, design = item
        extra = range_error_variance(reading, tt, 1.0 / design.weight, factor)
        if extra.any():
            out[i] = pick_variance_covariance(design, extra)
    return out, reading
