"""The station network in one projected frame, and the travel-time model.

Geometry runs in an oblique stereographic projection centred on the network (PyOcto's
lesson: a local projected frame). Stereographic is conformal, so a short distance measured
in the plane is the true distance times the local scale factor ``k = 1 + rho^2 / (4 R^2)``
(``rho`` the planar distance from the centre); dividing by ``k`` at a path's midpoint keeps
distances true to ~1e-5 over the whole 1,400 km front.

Travel time from a source to a station is ``distance / (c + w . u)``: the effective sound
speed (celerity) ``c`` plus the wind ``w`` projected on the unit vector ``u`` from source
to station (e.g. Pierce 1989, "Acoustics", ch. 8; the effective-sound-speed approximation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa
from pyproj import Transformer

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    """Stations in the network frame (kilometres east/north of the centre)."""

    station_ids: tuple[str, ...]
    lat_deg: np.ndarray
    lon_deg: np.ndarray
    x_km: np.ndarray
    y_km: np.ndarray
    is_array: np.ndarray
    centre_lat_deg: float
    centre_lon_deg: float

    @property
    def size(self) -> int:
        return len(self.station_ids)

    def index_of(self) -> dict[str, int]:
        return {station: index for index, station in enumerate(self.station_ids)}

    def _forward(self) -> Transformer:
        return _transformer(self.centre_lat_deg, self.centre_lon_deg, inverse=False)

    def _inverse(self) -> Transformer:
        return _transformer(self.centre_lat_deg, self.centre_lon_deg, inverse=True)

    def to_xy_km(self, lat_deg: np.ndarray, lon_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x_m, y_m = self._forward().transform(np.asarray(lon_deg, float), np.asarray(lat_deg, float))
        return np.asarray(x_m) / 1000.0, np.asarray(y_m) / 1000.0

    def to_latlon(self, x_km: np.ndarray, y_km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lon, lat = self._inverse().transform(np.asarray(x_km, float) * 1000.0, np.asarray(y_km, float) * 1000.0)
        return np.asarray(lat), np.asarray(lon)


@lru_cache(maxsize=16)
def _transformer(lat0: float, lon0: float, *, inverse: bool) -> Transformer:
    """The projection of a network centre (made once: building a transformer costs tens of milliseconds)."""
    projection = f"+proj=sterea +lat_0={lat0:.6f} +lon_0={lon0:.6f} +k=1 +ellps=WGS84 +units=m +no_defs"
    if inverse:
        return Transformer.from_crs(projection, "EPSG:4326", always_xy=True)
    return Transformer.from_crs("EPSG:4326", projection, always_xy=True)


def build_network(stations: pa.Table) -> Network:
    """Project a validated stations table (see ``model.tables.STATIONS``)."""
    lat = np.asarray(stations["lat"].to_numpy(zero_copy_only=False), dtype=float)
    lon = np.asarray(stations["lon"].to_numpy(zero_copy_only=False), dtype=float)
    centre_lat, centre_lon = _centre(lat, lon)
    x_m, y_m = _transformer(centre_lat, centre_lon, inverse=False).transform(lon, lat)
    kinds = stations["kind"].to_pylist() if "kind" in stations.column_names else ["mic"] * len(lat)
    return Network(
        station_ids=tuple(str(s) for s in stations["station_id"].to_pylist()),
        lat_deg=lat,
        lon_deg=lon,
        x_km=np.asarray(x_m) / 1000.0,
        y_km=np.asarray(y_m) / 1000.0,
        is_array=np.array([kind == "array" for kind in kinds], dtype=bool),
        centre_lat_deg=centre_lat,
        centre_lon_deg=centre_lon,
    )


def _centre(lat: np.ndarray, lon: np.ndarray) -> tuple[float, float]:
    if len(lat) == 0:
        return 0.0, 0.0
    # centre of the bounding box: keeps the largest distance from the centre (and the scale
    # correction it needs) as small as it can be
    return float((lat.min() + lat.max()) / 2.0), float((lon.min() + lon.max()) / 2.0)
