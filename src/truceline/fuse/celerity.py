"""An event's own celerity, and how much the celerity scatters between events.

The calibration gives one effective sound speed per tile of the front and per hour (``atmosphere.calibrate``); the
tight pass then allows a model error of ``kappa_model`` (0.15 %) of each path's travel time. The near-ground
atmosphere also varies *between* events of one tile and hour: the boundary layer's temperature and the wind profile
change with the time of day and with the direction of propagation, and an elevated duct makes one event's sound
slower than its neighbour's. A celerity off by ``delta`` (relative) makes each path's arrival late by ``delta * tt``;
the origin time absorbs the mean, the rest is a pattern that grows with distance, which stations at varied
distances measure. An event of ``min_stations`` or more stations therefore reads its own celerity: the robust
(Huber) fit of ``(x, y, t0, c)`` to its picks, the wind its cell's.

* :func:`own_celerity` is that fit, with an optional Gaussian prior on ``c`` centred on the cell's celerity (the
  maximum a posteriori; without a prior, the event's reading and its variance).
* :func:`scatter` is the relative scatter of the celerity between events beyond their readings' noise, from the
  readings of many events (the robust moment estimate of ``uncertainty.model_error_variance``: a minority of mixed
  events does not inflate it).

Where the measured scatter is well above the tight pass's model error (``FusionConfig.own_celerity``), the tight
pass and the steps after it locate well-recorded events with their own celerity under the prior of the measured
scatter, choose their picks with it, and allow the scatter in the tolerance of the events that cannot measure it
(docs/fusion.md, "Session 13 (foreign13)").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.uncertainty import huber_prior_step, model_error_variance


@dataclass(frozen=True, slots=True, kw_only=True)
class OwnCelerity:
    """An event's fit with its own celerity."""

    x_km: float
    y_km: float
    t0_s: float
    c_km_s: float
    c_variance: float
    """Posterior variance of ``c`` (km/s)^2 (the reading's alone without a prior)."""


def own_celerity(st_x: np.ndarray, st_y: np.ndarray, times_s: np.ndarray, x_km: float, y_km: float, t0_s: float,
                 atmosphere: tuple[float, float, float] | np.ndarray, *, sigma_pick_s: float, kappa_model: float,
                 prior_sigma_km_s: float | None = None, huber_k: float = 2.5, iterations: int = 15,
                 step: float = 1e-3) -> OwnCelerity | None:
    """Robust Gauss-Newton fit of ``(x, y, t0, c)`` to an event's picks at stations ``(st_x, st_y)`` (one per station),
    the wind that of ``atmosphere`` (``c, wx, wy``), residuals normalised by ``sigma_i^2 = sigma_pick^2 +
    (kappa_model tt_i)^2`` with Huber weights (as ``kernels.locate``). ``prior_sigma_km_s``: a Gaussian prior on ``c``
    centred on ``atmosphere[0]``. None when the fit is not determined (fewer than five picks without a prior, a
    singular system, no convergence to a positive celerity)."""
    n = len(times_s)
    c0, wx, wy = (float(v) for v in atmosphere)
    if n < (4 if prior_sigma_km_s is not None else 5):
        return None
    p = np.array([x_km, y_km, t0_s, c0], dtype=float)
    prior_w = 0.0 if prior_sigma_km_s is None else 1.0 / max(prior_sigma_km_s, 1e-9) ** 2
    small = step * 1e-2
    normal = np.eye(4)
    for _ in range(iterations):
        tt = travel_times(st_x, st_y, p[0], p[1], p[3], wx, wy)
        sigma = np.sqrt(sigma_pick_s**2 + (kappa_model * tt) ** 2)
        z = (times_s - p[2] - tt) / sigma
        g = np.empty((n, 4))
        g[:, 0] = (travel_times(st_x, st_y, p[0] + step, p[1], p[3], wx, wy)
                   - travel_times(st_x, st_y, p[0] - step, p[1], p[3], wx, wy)) / (2 * step)
        g[:, 1] = (travel_times(st_x, st_y, p[0], p[1] + step, p[3], wx, wy)
                   - travel_times(st_x, st_y, p[0], p[1] - step, p[3], wx, wy)) / (2 * step)
        g[:, 2] = 1.0
        g[:, 3] = (travel_times(st_x, st_y, p[0], p[1], p[3] + small, wx, wy)
                   - travel_times(st_x, st_y, p[0], p[1], p[3] - small, wx, wy)) / (2 * small)
        g /= sigma[:, None]
        step_ = huber_prior_step(g, z, huber_k, np.array([[prior_w]]), p[3:] - c0)
        if step_ is None:
            return None
        delta, normal = step_
        norm = float(np.hypot(delta[0], delta[1]))
        if norm > 5.0:
            delta *= 5.0 / norm
        p = p + delta
        if p[3] <= 0.5 * c0 or p[3] >= 2.0 * c0:
            return None
        if norm < 1e-5 and abs(delta[2]) < 1e-5 and abs(delta[3]) < 1e-8:
            break
    try:
        values = np.linalg.eigvalsh(normal)
        if values[0] <= 1e-12 * max(values[-1], 1e-300):
            return None
        variance = float(np.linalg.inv(normal)[3, 3])
    except np.linalg.LinAlgError:
        return None
    if not np.all(np.isfinite(p)) or not np.isfinite(variance):
        return None
    return OwnCelerity(x_km=float(p[0]), y_km=float(p[1]), t0_s=float(p[2]), c_km_s=float(p[3]), c_variance=variance)


def scatter(readings_km_s: np.ndarray, variances: np.ndarray, cells_km_s: np.ndarray, *, min_events: int = 10) -> float:
    """Relative scatter of the celerity between events beyond their readings' noise: the robust moment estimate
    (``uncertainty.model_error_variance``) of the readings' relative departures from their cells' celerity, with
    variances ``variances / cell^2``; its square root. 0 with fewer than ``min_events`` readings."""
    cells = np.asarray(cells_km_s, dtype=float)
    relative = np.asarray(readings_km_s, dtype=float) / cells - 1.0
    return float(np.sqrt(model_error_variance(relative, np.asarray(variances, dtype=float) / cells**2,
                                              min_events=min_events)))
