"""The tiles' atmosphere error that the field along the front reads, in the ellipses (``FusionConfig.wind_field_ellipse``).

One ``(c, w)`` per 100 km tile and hour cannot follow a wind that varies along the front (session 20, wind20): the
events are then off by what the wind at their place differs from their tile's, the same for every event there, which
their residuals cannot show. Where the calibration's gate (``atmosphere.wind_field_gain``) finds the field along the
front worth its knots, the field's atmosphere at an event minus its tile's is the run's own reading of that error;
instead of relocating the events in the field (``wind_field_relocate``), this adds it to their covariance as a model
error, ``S da da' S'`` with ``S`` the atmosphere's sensitivity (``uncertainty.atmosphere_sensitivity``): the
positions, the association and the scores but the ellipses stay the run's.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from truceline.fuse.engine import FusionConfig, PassResult, Prepared, range_slope
from truceline.fuse.uncertainty import atmosphere_sensitivity, event_design


def field_error_covariance(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray) -> np.ndarray:
    """(n, 3, 3): ``S da da' S'`` per event, ``da`` the field's atmosphere (``prep.extras["wind_field_atmosphere"]``, on
    its small tiles) at the event's place and time block minus the event's own (``event_atmosphere`` (n, 3)); zeros
    when the calibration kept no field."""
    n = len(result.t0_s)
    out = np.zeros((n, 3, 3))
    field = prep.extras.get("wind_field_atmosphere")
    small = prep.extras.get("wind_field_cell_tile")
    if field is None or small is None or n == 0:
        return out
    _, cell = cKDTree(np.column_stack([prep.cell_x, prep.cell_y])).query(np.column_stack([result.x_km, result.y_km]))
    tiles = np.asarray(small)[cell]
    blocks = np.clip(np.asarray(result.block, dtype=int), 0, np.asarray(field).shape[0] - 1)
    net = prep.network
    slope = range_slope(prep)
    for i in range(n):
        picks = result.picks[i][result.picks[i] >= 0]
        if len(picks) < 3:
            continue
        stations = prep.pick_station[picks]
        c, wx, wy = (float(v) for v in event_atmosphere[i])
        design = event_design(net.x_km[stations], net.y_km[stations], float(result.x_km[i]), float(result.y_km[i]),
                              float(result.t0_s[i]), prep.pick_time[picks], (c, wx, wy), sigma_pick_s=config.sigma_pick_s,
                              kappa_model=config.kappa_model, range_slope=slope)
        if np.linalg.matrix_rank(design.design) < 3:
            continue
        shift = atmosphere_sensitivity(design) @ (np.asarray(field[blocks[i], tiles[i]], dtype=float) - event_atmosphere[i])
        out[i] = np.outer(shift, shift)
    return out
