"""Local projected frames and sectors of a line.

Geometry in metres is done in a :class:`LocalFrame`: an azimuthal equidistant projection
(pyproj/PROJ ``aeqd`` on WGS 84) centred on a point. Distances and azimuths from the centre are
exact; elsewhere the scale error grows as ``(d / R)^2 / 6`` along circles around the centre, i.e.
about 1e-4 (10 m per 100 km) at 150 km: small enough for a sector of the front, and the round
trip ``to_latlon(to_xy(p))`` is exact to well under a millimetre.

A long line (the front is 1,400 km) is cut into :class:`Sector` s of equal geodesic length, each
with its own frame centred on its middle; :meth:`Sectors.sector_of` finds a point's sector
from the nearest line vertex (a k-d tree on Earth-centred coordinates).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import shapely
from numpy.typing import ArrayLike, NDArray
from pyproj import CRS, Geod, Transformer
from scipy.spatial import cKDTree
from shapely.geometry import LineString

from truceline.geo.front import WAYPOINTS, line_of_contact

GEOD = Geod(ellps="WGS84")
_WGS84 = CRS.from_epsg(4326)
_ECEF = Transformer.from_crs(_WGS84, CRS.from_epsg(4978), always_xy=True)

FloatArray = NDArray[np.float64]


class LocalFrame:
    """East/north metres around (lat0_deg, lon0_deg): azimuthal equidistant projection on WGS 84."""

    __slots__ = ("lat0_deg", "lon0_deg", "_forward", "_inverse")

    def __init__(self, lat0_deg: float, lon0_deg: float) -> None:
        if not (-90.0 <= lat0_deg <= 90.0 and -180.0 <= lon0_deg <= 180.0):
            raise ValueError(f"frame centre out of range: lat {lat0_deg}, lon {lon0_deg}")
        self.lat0_deg = float(lat0_deg)
        self.lon0_deg = float(lon0_deg)
        local = CRS.from_proj4(f"+proj=aeqd +lat_0={self.lat0_deg!r} +lon_0={self.lon0_deg!r} +datum=WGS84 +units=m +no_defs")
        self._forward = Transformer.from_crs(_WGS84, local, always_xy=True)
        self._inverse = Transformer.from_crs(local, _WGS84, always_xy=True)

    def __repr__(self) -> str:
        return f"LocalFrame(lat0_deg={self.lat0_deg!r}, lon0_deg={self.lon0_deg!r})"

    def to_xy(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> tuple[FloatArray, FloatArray]:
        """(x_m east, y_m north) of WGS 84 points; arrays in, arrays out."""
        x, y = self._forward.transform(np.asarray(lon_deg, dtype=np.float64), np.asarray(lat_deg, dtype=np.float64))
        return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)

    def to_latlon(self, x_m: ArrayLike, y_m: ArrayLike) -> tuple[FloatArray, FloatArray]:
        """(lat_deg, lon_deg) of frame points."""
        lon, lat = self._inverse.transform(np.asarray(x_m, dtype=np.float64), np.asarray(y_m, dtype=np.float64))
        return np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)


def for_points(lat_deg: ArrayLike, lon_deg: ArrayLike) -> LocalFrame:
    """A frame centred on a set of points (the geodetic point below their Earth-centred mean)."""
    lat = np.atleast_1d(np.asarray(lat_deg, dtype=np.float64))
    lon = np.atleast_1d(np.asarray(lon_deg, dtype=np.float64))
    if lat.size == 0:
        raise ValueError("for_points needs at least one point")
    x, y, z = _ECEF.transform(lon, lat, np.zeros_like(lat))
    lon0, lat0, _ = _ECEF.transform(float(np.mean(x)), float(np.mean(y)), float(np.mean(z)), direction="INVERSE")
    return LocalFrame(float(lat0), float(lon0))


def unit_vectors(lat_deg: ArrayLike, lon_deg: ArrayLike) -> FloatArray:
    """Earth-centred coordinates (metres) of points on the ellipsoid, shape (n, 3)."""
    lat = np.atleast_1d(np.asarray(lat_deg, dtype=np.float64))
    lon = np.atleast_1d(np.asarray(lon_deg, dtype=np.float64))
    x, y, z = _ECEF.transform(lon, lat, np.zeros_like(lat))
    return np.column_stack([x, y, z])


@dataclass(frozen=True, slots=True, kw_only=True)
class Sector:
    """A stretch of the line between ``start_m`` and ``end_m`` (geodesic distance along it)."""

    index: int
    name: str
    start_m: float
    end_m: float
    lat_deg: float
    lon_deg: float
    frame: LocalFrame = field(compare=False, repr=False)


class Sectors:
    """A (lon, lat) line cut into ``count`` sectors of equal length, each with a local frame."""

    def __init__(self, line: LineString, count: int = 12, names: dict[str, tuple[float, float]] | None = None) -> None:
        if count < 1:
            raise ValueError("a line needs at least one sector")
        coords = np.asarray(shapely.get_coordinates(line), dtype=np.float64)
        if coords.shape[0] < 2:
            raise ValueError("a line needs at least two vertices")
        self.line = line
        self.vertex_lon = coords[:, 0]
        self.vertex_lat = coords[:, 1]
        _, _, step_m = GEOD.inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
        self.vertex_along_m: FloatArray = np.concatenate([[0.0], np.cumsum(step_m)])
        self.length_m = float(self.vertex_along_m[-1])
        self._tree = cKDTree(unit_vectors(self.vertex_lat, self.vertex_lon))
        bounds = np.linspace(0.0, self.length_m, count + 1)
        self.bounds_m: FloatArray = bounds
        sectors: list[Sector] = []
        used: dict[str, int] = {}
        for index in range(count):
            middle_m = 0.5 * (bounds[index] + bounds[index + 1])
            lat, lon = self.point_at(np.array([middle_m]))
            name = _nearest_name(float(lat[0]), float(lon[0]), names) if names else f"sector {index + 1}"
            used[name] = used.get(name, 0) + 1
            if used[name] > 1:
                name = f"{name} {used[name]}"
            sectors.append(
                Sector(
                    index=index,
                    name=name,
                    start_m=float(bounds[index]),
                    end_m=float(bounds[index + 1]),
                    lat_deg=float(lat[0]),
                    lon_deg=float(lon[0]),
                    frame=LocalFrame(float(lat[0]), float(lon[0])),
                )
            )
        self.sectors: tuple[Sector, ...] = tuple(sectors)

    def __len__(self) -> int:
        return len(self.sectors)

    def __getitem__(self, index: int) -> Sector:
        return self.sectors[index]

    def point_at(self, along_m: ArrayLike) -> tuple[FloatArray, FloatArray]:
        """(lat, lon) of points at geodesic distances along the line (clipped to its ends)."""
        along = np.clip(np.asarray(along_m, dtype=np.float64), 0.0, self.length_m)
        index = np.clip(np.searchsorted(self.vertex_along_m, along, side="right") - 1, 0, self.vertex_lat.size - 2)
        start = self.vertex_along_m[index]
        span = self.vertex_along_m[index + 1] - start
        fraction = np.where(span > 0, (along - start) / np.where(span > 0, span, 1.0), 0.0)
        lat = self.vertex_lat[index] + fraction * (self.vertex_lat[index + 1] - self.vertex_lat[index])
        lon = self.vertex_lon[index] + fraction * (self.vertex_lon[index + 1] - self.vertex_lon[index])
        return lat, lon

    def nearest_vertices(self, lat_deg: ArrayLike, lon_deg: ArrayLike, k: int = 1) -> tuple[FloatArray, NDArray[np.intp]]:
        """Chord distances (m) and indices of the ``k`` nearest line vertices, shape (n, k)."""
        k = min(k, self.vertex_lat.size)
        distance, index = self._tree.query(unit_vectors(lat_deg, lon_deg), k=k)
        return np.asarray(distance, dtype=np.float64).reshape(-1, k), np.asarray(index, dtype=np.intp).reshape(-1, k)

    def sector_of_along(self, along_m: ArrayLike) -> NDArray[np.int64]:
        """Index of the sector holding each distance along the line."""
        index = np.searchsorted(self.bounds_m, np.asarray(along_m, dtype=np.float64), side="right") - 1
        return np.clip(index, 0, len(self.sectors) - 1).astype(np.int64)

    def nearest_along_m(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> FloatArray:
        """Distance along the line of the nearest line vertex to each point."""
        _, index = self._tree.query(unit_vectors(lat_deg, lon_deg))
        return np.asarray(self.vertex_along_m[np.asarray(index)], dtype=np.float64)

    def sector_of(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> NDArray[np.int64]:
        """Index of the sector nearest to each point."""
        return self.sector_of_along(self.nearest_along_m(lat_deg, lon_deg))


def _nearest_name(lat: float, lon: float, names: dict[str, tuple[float, float]]) -> str:
    labels = list(names)
    points = np.array([names[label] for label in labels])
    _, _, distance_m = GEOD.inv(np.full(len(labels), lon), np.full(len(labels), lat), points[:, 1], points[:, 0])
    return labels[int(np.argmin(distance_m))]


@functools.lru_cache(maxsize=4)
def front_sectors(count: int = 12) -> Sectors:
    """The line of contact in ``count`` sectors named after the nearest waypoint."""
    names = {waypoint.name: (waypoint.lat_deg, waypoint.lon_deg) for waypoint in WAYPOINTS}
    return Sectors(line_of_contact(), count=count, names=names)


def sector_of(lat_deg: ArrayLike, lon_deg: ArrayLike) -> NDArray[np.int64]:
    """Index of the front sector (of :func:`front_sectors`) nearest to each point."""
    return front_sectors().sector_of(lat_deg, lon_deg)
