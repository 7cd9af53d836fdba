"""The atmosphere's model error as the events read it (``fuse/uncertainty.py``): its variance over the network
(``model_error_variance``, ``model_error_covariance``), at each calibration cell from the clean events around it
(:class:`CalibrationCells`, :class:`AtmosphereReadings`, ``clean_readings``, ``cell_model_error_variance``), and what a
cell owes to having been calibrated with events away from it (``support_variance``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MEDIAN_CHI2_1DOF = 0.454936423119572


def model_error_variance(estimates: np.ndarray, variances: np.ndarray, *, min_events: int = 10) -> float:
    """Variance ``s^2`` of a model-error component from events' estimates ``d_k`` with noise ``v_k``.

    Robust moment estimate: the ``s^2 >= 0`` for which the median of ``d_k^2 / (v_k + s^2)`` is
    that of a chi-square with one degree of freedom (so a minority of events spoilt by wrong
    associations does not inflate it). 0 with fewer than ``min_events`` estimates."""
    d2 = np.asarray(estimates, dtype=float) ** 2
    v = np.asarray(variances, dtype=float)
    ok = np.isfinite(d2) & np.isfinite(v) & (v > 0)
    d2, v = d2[ok], v[ok]
    if len(d2) < min_events or np.median(d2 / v) <= MEDIAN_CHI2_1DOF:
        return 0.0
    low, high = 0.0, float(np.max(d2))
    for _ in range(80):
        mid = 0.5 * (low + high)
        if np.median(d2 / (v + mid)) > MEDIAN_CHI2_1DOF:
            low = mid
        else:
            high = mid
    return 0.5 * (low + high)


def model_error_covariance(errors: np.ndarray, variances: np.ndarray, *, min_events: int = 10,
                           min_scatter_events: int | None = None) -> np.ndarray:
    """3 x 3 mean square of the model error shared by events with estimates ``errors`` (k, 3) and noise
    ``variances`` (k, 3, 3): a common bias ``b`` and a scatter about it.

    ``b`` is the generalised least-squares mean of the estimates, with covariance
    ``(sum V_k^-1)^-1``; the scatter of each component about ``b`` is :func:`model_error_variance`
    (robust; measured from ``min_scatter_events`` estimates, by default ``min_events``, else 0). The
    result is ``b b' + (sum V_k^-1)^-1 + diag(scatter)``. A biased calibration errs in the celerity
    and the wind together (the two trade along the paths that fitted it), which ``b b'`` keeps. 0
    with fewer than ``min_events`` estimates."""
    if len(errors) < min_events:
        return np.zeros((3, 3))
    information = np.linalg.inv(variances)
    bias_covariance = np.linalg.inv(information.sum(axis=0))
    bias = bias_covariance @ np.einsum("kij,kj->i", information, errors)
    scatter_min = min_events if min_scatter_events is None else min_scatter_events
    scatter = [model_error_variance(errors[:, j] - bias[j], variances[:, j, j], min_events=scatter_min) for j in range(3)]
    return np.asarray(np.outer(bias, bias) + bias_covariance + np.diag(scatter))


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationCells:
    """Where the atmosphere the events were located with came from: one fit per tile and time block."""

    atmosphere: np.ndarray  # (n_blocks, n_tiles, 3): the calibrated (c, wx, wy), km/s
    tile_x_km: np.ndarray  # (n_tiles,): the tiles' centres in the frame
    tile_y_km: np.ndarray
    x_km: np.ndarray  # (n,): the events' positions
    y_km: np.ndarray
    block: np.ndarray  # (n,): each event's time block
    tile: np.ndarray  # (n,): each event's tile
    support: np.ndarray | None = None
    """(n_blocks, n_tiles, 2): how far in time (hours) and space (km) each cell's calibration events were from it
    (``atmosphere.calibrate``); None where not known."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AtmosphereReadings:
    """Clean events' own readings of the true atmosphere: their cell's (c, wx, wy) plus their ``da_k``."""

    x_km: np.ndarray  # (k,)
    y_km: np.ndarray
    t0_s: np.ndarray
    block: np.ndarray  # (k,): the time block the reading belongs to
    atmosphere: np.ndarray  # (k, 3), km/s
    variance: np.ndarray  # (k, 3, 3): its noise, (km/s)^2

    @staticmethod
    def none() -> AtmosphereReadings:
        return AtmosphereReadings(x_km=np.zeros(0), y_km=np.zeros(0), t0_s=np.zeros(0), block=np.zeros(0, dtype=int),
                                  atmosphere=np.zeros((0, 3)), variance=np.zeros((0, 3, 3)))

    def __len__(self) -> int:
        return len(self.t0_s)

    def select(self, keep: np.ndarray) -> AtmosphereReadings:
        return AtmosphereReadings(x_km=self.x_km[keep], y_km=self.y_km[keep], t0_s=self.t0_s[keep], block=self.block[keep],
                                  atmosphere=self.atmosphere[keep], variance=self.variance[keep])

    def plus(self, other: AtmosphereReadings) -> AtmosphereReadings:
        return AtmosphereReadings(
            x_km=np.concatenate([self.x_km, other.x_km]), y_km=np.concatenate([self.y_km, other.y_km]),
            t0_s=np.concatenate([self.t0_s, other.t0_s]), block=np.concatenate([self.block, other.block]),
            atmosphere=np.concatenate([self.atmosphere, other.atmosphere]),
            variance=np.concatenate([self.variance, other.variance]))


def clean_readings(estimates: np.ndarray, variances: np.ndarray, share: np.ndarray, cells: CalibrationCells,
                   t0_s: np.ndarray, *, clean_share: float) -> AtmosphereReadings:
    """The readings of the events with at most ``clean_share`` of their stations in doubt whose own
    atmosphere error ``da_k`` (``estimates``, NaN rows where not determined) is determined."""
    keep = np.isfinite(estimates).all(axis=1) & (share <= clean_share)
    own = cells.atmosphere[cells.block[keep], cells.tile[keep]]
    return AtmosphereReadings(x_km=cells.x_km[keep], y_km=cells.y_km[keep], t0_s=np.asarray(t0_s)[keep],
                              block=cells.block[keep], atmosphere=own + estimates[keep], variance=variances[keep])


def cell_model_error_variance(readings: AtmosphereReadings, cells: CalibrationCells, *, min_events: int, radius_km: float,
                              max_radius_km: float, min_bias_events: int | None = None) -> np.ndarray:
    """(n, 3, 3): the model-error covariance of (c, wx, wy) at each event's calibration cell, as the
    clean events around the cell read it.

    A cell (tile and hour) is located with one fitted atmosphere; where that fit is biased (fitted
    to a burst's mixed events, whose positions absorb part of the wind) every event of the cell is
    off the same way, and a bias is not seen in the scatter of the network's events. The events
    themselves measure it: an event's ``da_k`` plus its own cell's atmosphere is its reading of the
    true atmosphere (:func:`clean_readings`), and that reading's difference from this cell's
    atmosphere is this cell's error as the event sees it. Only clean events read (a mixture's picks
    fit the wrong model about as well as the right one: its ``da_k`` is near zero whatever the
    error). The readings are taken from the cell's time block within ``radius_km`` of the tile's
    centre, doubling the radius up to ``max_radius_km`` until there are ``min_events`` (as the
    calibration takes its events); the cell's covariance is :func:`model_error_covariance` of their
    differences, a bias included. Where fewer than ``min_events`` are near but at least
    ``min_bias_events`` (a quiet hour, whose cell may have been fitted to other hours' events), they
    still measure the bias and its uncertainty, not the scatter; 0 where fewer are near."""
    n = len(cells.block)
    out = np.zeros((n, 3, 3))
    keys = cells.block * cells.atmosphere.shape[1] + cells.tile
    fewest = min_events if min_bias_events is None else min(min_bias_events, min_events)
    for key in np.unique(keys):
        members = keys == key
        block, tile = int(cells.block[members][0]), int(cells.tile[members][0])
        pool = readings.block == block
        distance = np.hypot(readings.x_km - cells.tile_x_km[tile], readings.y_km - cells.tile_y_km[tile])
        for enough in sorted({min_events, fewest}, reverse=True):
            near = _nearest_enough(pool, distance, enough, radius_km, max_radius_km)
            if near is not None:
                error = readings.atmosphere[near] - cells.atmosphere[block, tile]
                out[members] = model_error_covariance(error, readings.variance[near], min_events=enough,
                                                      min_scatter_events=min_events)
                break
    return out


def _nearest_enough(pool: np.ndarray, distance: np.ndarray, enough: int, radius_km: float, max_radius_km: float) -> np.ndarray | None:
    """The pool's members within the first radius (``radius_km``, doubled up to ``max_radius_km``) that holds ``enough``."""
    radius = radius_km
    while radius <= max_radius_km:
        near = pool & (distance <= radius)
        if near.sum() >= enough:
            return np.asarray(near)
        radius *= 2
    return None


def support_variance(cells: CalibrationCells, *, drift_km_s_per_hour: float, gradient_km_s_per_km: float) -> np.ndarray:
    """(n,): the variance, per component of (c, wx, wy) in (km/s)^2, that each event's cell owes to having been
    calibrated with events away from it: ``(drift * lag)^2 + (gradient * distance)^2`` with the mean lag (hours)
    and distance (km) of its calibration events (``CalibrationCells.support``; 0 where unknown).

    The near-ground effective sound speed changes through the day (the air warms and cools by 3-6 degC, about
    0.6 m/s per degC; the low-level wind veers and strengthens with mixing) and from one stretch of the front to
    another. A busy cell is fitted to its own hour's events near it, and its error is the scatter the other terms
    describe; a quiet hour's cell is fitted to events hours away or beyond its tile, and errs by the change of the
    atmosphere over that lag and distance, the same for all its events, so it does not show in their residuals."""
    n = len(cells.block)
    if cells.support is None or n == 0:
        return np.zeros(n)
    lag_h, distance_km = cells.support[cells.block, cells.tile].T
    return np.asarray((drift_km_s_per_hour * lag_h) ** 2 + (gradient_km_s_per_km * distance_km) ** 2)
