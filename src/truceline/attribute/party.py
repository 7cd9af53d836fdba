"""Probability that a point with an uncertainty ellipse lies in each party's area (or a zone).

The integration itself is :func:`truceline.fuse.side.side_probabilities` (deterministic
quasi-random points of the location's bivariate normal, classified by ``party_at``); this
module only rebuilds the covariance from the 95 % ellipse written in ``events`` and runs the
integration in local frames of one degree cells, so that any area file works, not only the
reference front.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from truceline.fuse.side import side_probabilities
from truceline.geo.frame import LocalFrame
from truceline.model.tables import CHI2_2DOF_95

FloatArray = NDArray[np.float64]


def ellipse_covariance_km2(major_km: FloatArray, minor_km: FloatArray, azimuth_deg: FloatArray) -> FloatArray:
    """(n, 2, 2) east-north covariance (km^2) of 95 % ellipses given by semi-axes and major-axis azimuth."""
    major = np.nan_to_num(np.asarray(major_km, dtype=np.float64), nan=1.0)
    minor = np.nan_to_num(np.asarray(minor_km, dtype=np.float64), nan=1.0)
    azimuth = np.radians(np.nan_to_num(np.asarray(azimuth_deg, dtype=np.float64)))
    u = np.stack([np.sin(azimuth), np.cos(azimuth)], axis=-1)
    v = np.stack([np.cos(azimuth), -np.sin(azimuth)], axis=-1)
    var_major = (major**2 / CHI2_2DOF_95)[:, None, None]
    var_minor = (minor**2 / CHI2_2DOF_95)[:, None, None]
    return np.asarray(var_major * u[:, :, None] * u[:, None, :] + var_minor * v[:, :, None] * v[:, None, :])


def position_sigma_m(major_km: FloatArray, minor_km: FloatArray) -> FloatArray:
    """A single 1-sigma position error (m): root mean square of the ellipse's two axes."""
    major = np.nan_to_num(np.asarray(major_km, dtype=np.float64), nan=1.0)
    minor = np.nan_to_num(np.asarray(minor_km, dtype=np.float64), nan=1.0)
    return np.asarray(1000.0 * np.sqrt((major**2 + minor**2) / 2.0 / CHI2_2DOF_95))


def area_probabilities(
    lat: FloatArray, lon: FloatArray, covariance_km2: FloatArray,
    classify: Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.str_]],
) -> tuple[list[str], FloatArray]:
    """Label at each point estimate (party or zone, "" for none) and the probability mass in it."""
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    n = lat.size
    labels: list[str] = [""] * n
    probability = np.zeros(n)
    cells = np.floor(lat).astype(np.int64) * 1000 + np.floor(lon).astype(np.int64)
    for cell in np.unique(cells):
        members = np.flatnonzero(cells == cell)
        frame = LocalFrame(float(np.floor(lat[members[0]]) + 0.5), float(np.floor(lon[members[0]]) + 0.5))
        x_m, y_m = frame.to_xy(lat[members], lon[members])

        def to_latlon(x_km: NDArray[np.float64], y_km: NDArray[np.float64], frame: LocalFrame = frame) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
            return frame.to_latlon(np.asarray(x_km) * 1000.0, np.asarray(y_km) * 1000.0)

        found, p = side_probabilities(np.asarray(x_m) / 1000.0, np.asarray(y_m) / 1000.0, covariance_km2[members], to_latlon, classify)
        for j, i in enumerate(members):
            labels[int(i)] = found[j]
        probability[members] = np.nan_to_num(p, nan=0.5)
    return labels, probability
