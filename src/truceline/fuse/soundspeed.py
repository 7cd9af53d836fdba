"""The effective-sound-speed model of the travel times, and its standard values before anything is calibrated.

A path from a source to a station takes ``tt = d / (c + g (d - RANGE_REF_KM) + w . u)``: the great-circle distance
``d`` (a local frame's planar distance with its scale correction), the effective celerity ``c``, an optional range
slope ``g`` of the celerity, and the wind ``w = (w_east, w_north)`` along the path's direction ``u``.
:func:`travel_times` is the vectorised twin of the compiled ``kernels.travel_time``. The calibration that
fits ``c``, ``w`` and ``g`` to the data is :mod:`truceline.fuse.atmosphere` (which re-exports these names, where most
of the fusion imports them); the clock readings against it are :mod:`truceline.fuse.clockresiduals`.
"""

from __future__ import annotations

import numpy as np

DEFAULT_CELERITY_KM_S = 0.343
CELERITY_PRIOR_SIGMA_KM_S = 0.011
"""How far the effective celerity of a front may lie from ``DEFAULT_CELERITY_KM_S`` before anything is calibrated
(one sigma): the RMS about 0.343 km/s of the celerities the truth gives (median over each event's picks of distance
over travel time, then over events) on 17 scenarios of four simulators, 0.316-0.343 km/s (`violation` and `heavy`
0.3396-0.3431, foreign_sim 0.3336-0.3373, foreign_sim2 0.3160-0.3382, foreign_sim3 0.3358-0.3372): 10.9 m/s. The
physics allows as much: the sound speed moves by 0.6 m/s per degree C (-20 to +40 C: 319-355 m/s), and the paths'
turning and the wind along them take a few m/s more (docs/fusion.md, "Session 22 (stream22)")."""
WIND_PRIOR_SIGMA_KM_S = 0.004
"""The wind per component before anything is calibrated (the standard model has none): near-ground winds of a few
m/s (foreign_sim3 4 m/s; the `heavy` front's 6.5-7.3 m/s at most along one axis)."""
EARTH_RADIUS_KM = 6371.0088
RANGE_REF_KM = 15.0  # as kernels.RANGE_REF_KM: where a range-dependent celerity equals the tile's c


def travel_times(
    sx: np.ndarray, sy: np.ndarray, x: float | np.ndarray, y: float | np.ndarray, c: float | np.ndarray,
    wx: float | np.ndarray, wy: float | np.ndarray, g: float = 0.0,
) -> np.ndarray:
    """Vectorised twin of ``kernels.travel_time`` (same model, same scale correction, same range term ``g``;
    the atmosphere may be one per source when several sources are given)."""
    dx = sx - x
    dy = sy - y
    mx = 0.5 * (sx + x)
    my = 0.5 * (sy + y)
    k = 1.0 + (mx * mx + my * my) / (4.0 * EARTH_RADIUS_KM**2)
    planar = np.hypot(dx, dy)
    safe = np.maximum(planar, 1e-9)
    distance = planar / k
    if g == 0.0:
        return distance / (c + (wx * dx + wy * dy) / safe)
    return distance / (c + g * (distance - RANGE_REF_KM) + (wx * dx + wy * dy) / safe)
