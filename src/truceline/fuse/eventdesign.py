"""An event's linearised model at its solution (:class:`EventDesign`, ``event_design``) and what it gives the
uncertainty (``fuse/uncertainty.py``): how a model error of the atmosphere moves the solution
(``atmosphere_sensitivity``), the event's own reading of that error (``atmosphere_estimate``), and how far each pick's
time moves it (``pick_gains``, ``pick_variance_covariance``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.fuse.atmosphere import travel_times


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDesign:
    """An event's linearised model at its solution (time picks only)."""

    design: np.ndarray  # (n, 3): d(model)/d(x, y, t0), seconds per km and per second
    atmosphere: np.ndarray  # (n, 3): d(model)/d(c, wx, wy), seconds per km/s
    weight: np.ndarray  # (n,): 1 / sigma_i^2
    residual_s: np.ndarray  # (n,): observed minus modelled time


def event_design(
    st_x: np.ndarray, st_y: np.ndarray, x_km: float, y_km: float, t0_s: float, times_s: np.ndarray,
    atmosphere: tuple[float, float, float], *, sigma_pick_s: float, kappa_model: float, step: float = 1e-3,
    range_slope: float = 0.0,
) -> EventDesign:
    """Design matrices of one event whose picks are at stations ``(st_x, st_y)`` with times ``times_s``
    (``range_slope``: the celerity's range term, ``atmosphere.travel_times``'s ``g``)."""
    c, wx, wy = atmosphere
    g = range_slope
    tt = travel_times(st_x, st_y, x_km, y_km, c, wx, wy, g)

    def diff(fn: object) -> np.ndarray:
        plus, minus = fn(step), fn(-step)  # type: ignore[operator]
        return np.asarray((plus - minus) / (2.0 * step))

    small = step * 1e-2  # km/s: a finite step well inside the model's linear range
    design = np.column_stack([
        diff(lambda h: travel_times(st_x, st_y, x_km + h, y_km, c, wx, wy, g)),
        diff(lambda h: travel_times(st_x, st_y, x_km, y_km + h, c, wx, wy, g)),
        np.ones(len(st_x)),
    ])
    sens = np.column_stack([
        (travel_times(st_x, st_y, x_km, y_km, c + small, wx, wy, g) - travel_times(st_x, st_y, x_km, y_km, c - small, wx, wy, g)) / (2 * small),
        (travel_times(st_x, st_y, x_km, y_km, c, wx + small, wy, g) - travel_times(st_x, st_y, x_km, y_km, c, wx - small, wy, g)) / (2 * small),
        (travel_times(st_x, st_y, x_km, y_km, c, wx, wy + small, g) - travel_times(st_x, st_y, x_km, y_km, c, wx, wy - small, g)) / (2 * small),
    ])
    sigma2 = sigma_pick_s**2 + (kappa_model * tt) ** 2
    return EventDesign(design=design, atmosphere=sens, weight=1.0 / sigma2, residual_s=times_s - t0_s - tt)


def atmosphere_sensitivity(design: EventDesign) -> np.ndarray:
    """``S`` (3 x 3): how a model error ``da`` in (c, wx, wy) moves the solution (x, y, t0)."""
    gw = design.design * design.weight[:, None]
    information = design.design.T @ gw
    return np.asarray(np.linalg.solve(information, gw.T @ design.atmosphere))


def atmosphere_estimate(design: EventDesign) -> tuple[np.ndarray, np.ndarray] | None:
    """The event's own estimate of the model error ``da`` and its covariance (None if not determined).

    A joint fit of (x, y, t0, c, wx, wy) to the residuals, with (x, y, t0) profiled out."""
    if len(design.weight) < 8:
        return None
    gw = design.design * design.weight[:, None]
    tw = design.atmosphere * design.weight[:, None]
    information = design.design.T @ gw
    cross = design.design.T @ tw
    schur = design.atmosphere.T @ tw - cross.T @ np.linalg.solve(information, cross)
    rhs = tw.T @ design.residual_s - cross.T @ np.linalg.solve(information, gw.T @ design.residual_s)
    values = np.linalg.eigvalsh(schur)
    if values[0] <= 1e-9 * max(values[-1], 1e-300):
        return None
    covariance = np.linalg.inv(schur)
    return np.asarray(covariance @ rhs), np.asarray(covariance)


def pick_gains(design: EventDesign) -> np.ndarray:
    """(3, n): how far each pick's time moves the linearised solution (x, y, t0) per second of it,
    ``(G'WG)^-1 G'W``; zeros where the design is singular."""
    gw = design.design * design.weight[:, None]
    information = design.design.T @ gw
    try:
        return np.asarray(np.linalg.solve(information, gw.T))
    except np.linalg.LinAlgError:
        return np.zeros((3, len(design.weight)))


def pick_variance_covariance(design: EventDesign, extra_variance_s2: np.ndarray) -> np.ndarray:
    """3 x 3 covariance of (x, y, t0) that picks whose times have variances ``extra_variance_s2`` (s^2) beyond the
    weights' add to the solution: ``sum_k v_k g_k g_k'`` with ``g_k`` the pick's gain (:func:`pick_gains`).

    The sandwich form: the estimator keeps its weights (the association and the position do not change); what the
    weights do not know, a clock in doubt or the chance that a pick is a neighbouring source's, passes into the
    solution through each pick's gain. An event of few stations leans on each pick (gains near one station's full
    pull), one of many stations little."""
    gains = pick_gains(design)
    v = np.asarray(extra_variance_s2, dtype=float)
    return np.asarray((gains * v[None, :]) @ gains.T)
