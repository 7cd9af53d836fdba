"""Where things sit relative to the front: offsets from the line, terrain height, geodesics.

Positions are placed by walking a geodesic from a point of the line, perpendicular to the
line's general direction (taken over +-3 km, so that small meanders do not swing it), to the
left (UA side) or right (RU side). Terrain is a smooth synthetic surface, 10-320 m, rising
from the Dnipro valley to the Donets ridge, the right order for the region; it only feeds the
small vertical part of slant distances.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import Geod

from truceline.geo.areas import LEFT_PARTY, RIGHT_PARTY
from truceline.geo.frame import Sectors

GEOD = Geod(ellps="WGS84")
FloatArray = NDArray[np.float64]
TANGENT_BASE_M = 3_000.0


def side_sign(party: ArrayLike) -> NDArray[np.float64]:
    """+1 for the right-hand (RU) side, -1 for the left-hand (UA) side."""
    values = np.asarray(party)
    if np.any((values != LEFT_PARTY) & (values != RIGHT_PARTY)):
        raise ValueError(f"party must be {LEFT_PARTY} or {RIGHT_PARTY}")
    return np.where(values == RIGHT_PARTY, 1.0, -1.0)


def line_azimuth_deg(sectors: Sectors, along_m: ArrayLike) -> FloatArray:
    """General direction of travel along the line at each distance, degrees from north."""
    along = np.asarray(along_m, dtype=np.float64)
    lat_a, lon_a = sectors.point_at(along - TANGENT_BASE_M)
    lat_b, lon_b = sectors.point_at(along + TANGENT_BASE_M)
    azimuth, _, _ = GEOD.inv(lon_a, lat_a, lon_b, lat_b)
    return np.asarray(azimuth, dtype=np.float64)


def offset_point(sectors: Sectors, along_m: ArrayLike, offset_m: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """(lat, lon) at a signed perpendicular offset from the line: positive right (RU), negative left (UA)."""
    along = np.asarray(along_m, dtype=np.float64)
    offset = np.asarray(offset_m, dtype=np.float64)
    lat, lon = sectors.point_at(along)
    azimuth = line_azimuth_deg(sectors, along) + 90.0 * np.sign(offset)
    out_lon, out_lat, _ = GEOD.fwd(lon, lat, azimuth, np.abs(offset))
    return np.asarray(out_lat, dtype=np.float64), np.asarray(out_lon, dtype=np.float64)


def move(lat: ArrayLike, lon: ArrayLike, azimuth_deg: ArrayLike, distance_m: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Walk geodesics: (lat, lon) after ``distance_m`` on ``azimuth_deg`` (arrays broadcast)."""
    lat_a, lon_a, az, dist = np.broadcast_arrays(
        np.asarray(lat, dtype=np.float64),
        np.asarray(lon, dtype=np.float64),
        np.asarray(azimuth_deg, dtype=np.float64),
        np.asarray(distance_m, dtype=np.float64),
    )
    out_lon, out_lat, _ = GEOD.fwd(lon_a.ravel(), lat_a.ravel(), az.ravel(), dist.ravel())
    return np.asarray(out_lat).reshape(lat_a.shape), np.asarray(out_lon).reshape(lat_a.shape)


def geodesic(lat_a: ArrayLike, lon_a: ArrayLike, lat_b: ArrayLike, lon_b: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """(forward azimuth from a to b in degrees, distance in metres) along WGS 84 geodesics."""
    la, oa, lb, ob = np.broadcast_arrays(
        np.asarray(lat_a, dtype=np.float64),
        np.asarray(lon_a, dtype=np.float64),
        np.asarray(lat_b, dtype=np.float64),
        np.asarray(lon_b, dtype=np.float64),
    )
    azimuth, _, distance = GEOD.inv(oa.ravel(), la.ravel(), ob.ravel(), lb.ravel())
    return np.asarray(azimuth).reshape(la.shape), np.asarray(distance).reshape(la.shape)


def terrain_elevation_m(lat_deg: ArrayLike, lon_deg: ArrayLike) -> FloatArray:
    """Smooth synthetic ground height above sea level (metres)."""
    lat = np.asarray(lat_deg, dtype=np.float64)
    lon = np.asarray(lon_deg, dtype=np.float64)
    rise = 40.0 + 120.0 * np.clip((lat - 46.4) / 2.6, 0.0, 1.0)  # Dnipro valley to the Donets ridge
    hills = (
        45.0 * np.sin(np.radians(lat * 97.0 + lon * 31.0))
        + 30.0 * np.sin(np.radians(lat * 211.0 - lon * 157.0))
        + 15.0 * np.sin(np.radians(lat * 503.0 + lon * 419.0))
    )
    ridge = 90.0 * np.exp(-(((lat - 48.3) / 0.35) ** 2 + ((lon - 38.3) / 0.9) ** 2))
    return np.asarray(np.clip(rise + hills + ridge, 10.0, None), dtype=np.float64)
