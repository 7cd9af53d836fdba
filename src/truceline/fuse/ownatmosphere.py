"""An event located again with its own atmosphere (``relocate_with_own_atmosphere``): its tile's moved by the
posterior mean of its own reading of the model error, or the maximum a posteriori of a robust joint fit of the place
and the atmosphere (``joint_atmosphere``, one step of which is ``huber_prior_step``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.eventdesign import atmosphere_estimate, event_design


def huber_prior_step(g: np.ndarray, z: np.ndarray, huber_k: float, prior_inv: np.ndarray,
                     prior_residual: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """One Gauss-Newton step of a robust fit: ``g`` the Jacobian of the picks' travel times and ``z`` their residuals,
    both already divided by each pick's sigma; Huber weights at ``huber_k`` (as ``kernels.locate``); a Gaussian prior
    with inverse covariance ``prior_inv`` on the *last* ``len(prior_residual)`` parameters, which are
    ``prior_residual`` away from its mean. Returns ``(step, normal matrix)``, or None when the system is singular or the
    step not finite."""
    weight = np.where(np.abs(z) <= huber_k, 1.0, huber_k / np.maximum(np.abs(z), 1e-12))
    gw = g * weight[:, None]
    normal = g.T @ gw
    m = len(prior_residual)
    normal[-m:, -m:] += prior_inv
    rhs = gw.T @ z
    rhs[-m:] -= prior_inv @ prior_residual
    try:
        delta = np.linalg.solve(normal, rhs)
    except np.linalg.LinAlgError:
        return None
    if not np.all(np.isfinite(delta)):
        return None
    return delta, normal


def joint_atmosphere(st_x: np.ndarray, st_y: np.ndarray, times_s: np.ndarray, x_km: float, y_km: float, t0_s: float,
                     atmosphere: np.ndarray, prior: np.ndarray, factor: float, *, sigma_pick_s: float, kappa_model: float,
                     huber_k: float = 2.5, iterations: int = 10, step: float = 1e-3) -> np.ndarray | None:
    """The event's atmosphere from a joint robust fit of (x, y, t0, c, wx, wy) to its picks, the atmosphere a nuisance
    under the prior ``N(atmosphere, prior)``: the maximum a posteriori ``(c, wx, wy)``, or None (fewer than eight picks,
    no convergence).

    Gauss-Newton on the picks' residuals normalised by ``sqrt(factor) * sigma_i`` (``sigma_i`` as in
    ``kernels.locate``) with Huber weights (``huber_k``, as the locate's), plus the prior's quadratic penalty. The
    weights make a wrong or mis-clocked pick pull the atmosphere (and so the event) as little as it pulls the
    location; the linear reading of :func:`atmosphere_estimate` weights it fully."""
    n = len(times_s)
    if n < 8:
        return None
    try:
        prior_inv = np.linalg.inv(prior)
    except np.linalg.LinAlgError:
        return None
    a0 = np.asarray(atmosphere, dtype=float)
    p = np.array([x_km, y_km, t0_s, *a0], dtype=float)
    small = step * 1e-2
    steps = np.array([step, step, 0.0, small, small, small])

    def tt_of(q: np.ndarray) -> np.ndarray:
        return travel_times(st_x, st_y, q[0], q[1], q[3], q[4], q[5])

    for _ in range(iterations):
        tt = tt_of(p)
        sigma = np.sqrt(factor * (sigma_pick_s**2 + (kappa_model * tt) ** 2))
        z = (times_s - p[2] - tt) / sigma
        g = np.zeros((n, 6))
        g[:, 2] = 1.0
        for j in (0, 1, 3, 4, 5):
            e = np.zeros(6)
            e[j] = steps[j]
            g[:, j] = (tt_of(p + e) - tt_of(p - e)) / (2.0 * steps[j])
        g /= sigma[:, None]
        step_ = huber_prior_step(g, z, huber_k, prior_inv, p[3:] - a0)
        if step_ is None:
            return None
        delta = step_[0]
        norm = float(np.hypot(delta[0], delta[1]))
        if norm > 5.0:
            delta[:2] *= 5.0 / norm
        p = p + delta
        if norm < 1e-5 and abs(delta[2]) < 1e-5 and np.all(np.abs(delta[3:]) < 1e-7):
            break
    if not np.all(np.isfinite(p)) or p[3] <= 0:
        return None
    return p[3:]


def relocate_with_own_atmosphere(picks: list[np.ndarray], pick_station: np.ndarray, pick_time: np.ndarray, pick_baz: np.ndarray,
                                 pick_baz_sigma: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
                                 x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, event_atmosphere: np.ndarray,
                                 prior: np.ndarray, factor: float, *, sigma_pick_s: float, kappa_model: float,
                                 joint: bool = False, only: np.ndarray | None = None,
                                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each event located again with its atmosphere moved by the posterior mean of its own model error.

    The event's picks read its model error ``da_k`` with covariance ``factor * M_k^-1`` (:func:`atmosphere_estimate`,
    events of eight or more picks); under the prior ``da ~ N(0, prior_k)`` (the model-error covariance the event got:
    the network's, its cell's and its calibration's support) the posterior mean is
    ``(prior^-1 + V^-1)^-1 V^-1 da_k``. Returns x, y, t0 and the (n, 3) atmosphere each event is located with
    (unchanged where its error is not determined or the relocation fails). With ``joint`` the atmosphere is instead the
    maximum a posteriori of a robust joint fit under the same prior (:func:`joint_atmosphere`). ``only`` (n,) bool: the
    events that may move (the others are kept)."""
    from truceline.fuse.kernels import locate

    x, y, t0 = np.array(x_km, dtype=float), np.array(y_km, dtype=float), np.array(t0_s, dtype=float)
    used = np.array(event_atmosphere, dtype=float)
    for i in range(len(t0)):
        if only is not None and not only[i]:
            continue
        stations = pick_station[picks[i]]
        a = event_atmosphere[i]
        if joint:
            found = joint_atmosphere(st_x[stations], st_y[stations], pick_time[picks[i]], float(x[i]), float(y[i]), float(t0[i]),
                                     a, prior[i], factor, sigma_pick_s=sigma_pick_s, kappa_model=kappa_model)
            if found is None:
                continue
            xi, yi, ti, _, _, _ = locate(picks[i], stations, pick_time, pick_baz, pick_baz_sigma, st_x, st_y, st_north,
                                         float(x[i]), float(y[i]), float(t0[i]), float(found[0]), float(found[1]),
                                         float(found[2]), sigma_pick_s, kappa_model, 2.5, 15)
            if np.isfinite(xi) and np.isfinite(yi) and np.isfinite(ti):
                x[i], y[i], t0[i], used[i] = xi, yi, ti, found
            continue
        design = event_design(st_x[stations], st_y[stations], float(x[i]), float(y[i]), float(t0[i]), pick_time[picks[i]],
                              tuple(a), sigma_pick_s=sigma_pick_s, kappa_model=kappa_model)  # type: ignore[arg-type]
        estimate = atmosphere_estimate(design)
        if estimate is None:
            continue
        reading, noise = estimate[0], factor * estimate[1]
        try:
            shift = np.linalg.solve(np.linalg.inv(prior[i]) + np.linalg.inv(noise), np.linalg.solve(noise, reading))
        except np.linalg.LinAlgError:
            continue
        moved = a + shift
        xi, yi, ti, _, _, _ = locate(picks[i], stations, pick_time, pick_baz, pick_baz_sigma, st_x, st_y, st_north, float(x[i]),
                                     float(y[i]), float(t0[i]), float(moved[0]), float(moved[1]), float(moved[2]), sigma_pick_s,
                                     kappa_model, 2.5, 15)
        if np.isfinite(xi) and np.isfinite(yi) and np.isfinite(ti):
            x[i], y[i], t0[i], used[i] = xi, yi, ti, moved
    return x, y, t0, used
