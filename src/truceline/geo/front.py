"""The reference line of contact: waypoints, and the densified, meandering polyline.

The waypoints (issue 2) trace the front from the Dnipro mouth to the Sumy border; joined by
straight geodesic segments they span about 1,036 km. A real front is far from straight at
kilometre scales (it follows rivers, ridges, tree lines and villages), so the line is densified
and given deterministic lateral meanders: a sum of sinusoids over four scales (wavelengths of
about 45, 14, 5 and 2 km; most of the extra length sits in the short wiggles so that the line
stays within a few kilometres of the straight segments), tapered to zero at every waypoint so that the line passes through them exactly. The
common amplitude factor is solved (bisection) so that the geodesic length is 1,400 km.
Nothing here is random at run time: the phases come from a fixed seed, so every call returns
the same line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import LineString

GEOD = Geod(ellps="WGS84")

TARGET_LENGTH_M = 1_400_000.0
SPACING_M = 300.0
TAPER_M = 8_000.0
_MEANDER_SEED = 20260223
# (wavelength_m, amplitude_m before the common factor); three random-phase components per scale
_SCALES: tuple[tuple[float, float], ...] = ((45_000.0, 2_000.0), (14_000.0, 1_200.0), (5_000.0, 600.0), (2_000.0, 250.0))


@dataclass(frozen=True, slots=True, kw_only=True)
class Waypoint:
    name: str
    lat_deg: float
    lon_deg: float


WAYPOINTS: tuple[Waypoint, ...] = (
    Waypoint(name="Dnipro mouth", lat_deg=46.50, lon_deg=32.25),
    Waypoint(name="Kherson", lat_deg=46.64, lon_deg=32.62),
    Waypoint(name="Nova Kakhovka", lat_deg=46.75, lon_deg=33.37),
    Waypoint(name="Enerhodar", lat_deg=47.50, lon_deg=34.65),
    Waypoint(name="Kamianske", lat_deg=47.50, lon_deg=35.30),
    Waypoint(name="Orikhiv", lat_deg=47.57, lon_deg=35.78),
    Waypoint(name="Huliaipole", lat_deg=47.66, lon_deg=36.26),
    Waypoint(name="Velyka Novosilka", lat_deg=47.84, lon_deg=36.82),
    Waypoint(name="Vuhledar", lat_deg=47.78, lon_deg=37.25),
    Waypoint(name="Kurakhove", lat_deg=47.98, lon_deg=37.28),
    Waypoint(name="Pokrovsk", lat_deg=48.28, lon_deg=37.18),
    Waypoint(name="Toretsk", lat_deg=48.40, lon_deg=37.85),
    Waypoint(name="Chasiv Yar", lat_deg=48.59, lon_deg=37.84),
    Waypoint(name="Siversk", lat_deg=48.87, lon_deg=38.10),
    Waypoint(name="Lyman", lat_deg=48.99, lon_deg=37.81),
    Waypoint(name="Kreminna", lat_deg=49.05, lon_deg=38.22),
    Waypoint(name="Borova", lat_deg=49.38, lon_deg=37.62),
    Waypoint(name="Kupiansk", lat_deg=49.71, lon_deg=37.61),
    Waypoint(name="Vovchansk", lat_deg=50.29, lon_deg=36.94),
    Waypoint(name="Kharkiv border", lat_deg=50.45, lon_deg=36.00),
    Waypoint(name="Sumy-Kharkiv border", lat_deg=50.80, lon_deg=35.40),
    Waypoint(name="Sumy border", lat_deg=51.25, lon_deg=34.30),
)


def _segment_points(a: Waypoint, b: Waypoint) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Points every ~SPACING_M along the geodesic a->b (excluding b): lat, lon, forward azimuth, length."""
    azimuth_deg, _, length_m = GEOD.inv(a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg)
    count = max(2, int(np.ceil(length_m / SPACING_M)))
    along_m = np.linspace(0.0, length_m, count, endpoint=False)
    lon, lat, back_deg = GEOD.fwd(
        np.full(count, a.lon_deg), np.full(count, a.lat_deg), np.full(count, azimuth_deg), along_m
    )
    forward_deg = (np.asarray(back_deg) + 180.0) % 360.0
    return np.asarray(lat), np.asarray(lon), forward_deg, float(length_m)


def _meander_offsets(total_along_m: np.ndarray, taper: np.ndarray) -> np.ndarray:
    """Unit-amplitude lateral offsets (metres for factor 1) as a function of distance along the base line."""
    rng = np.random.default_rng(_MEANDER_SEED)
    offset = np.zeros_like(total_along_m)
    for wavelength_m, scale_amplitude_m in _SCALES:
        for _ in range(3):
            jitter = rng.uniform(0.8, 1.25)
            phase = rng.uniform(0.0, 2.0 * np.pi)
            amplitude = rng.uniform(0.6, 1.0) * scale_amplitude_m * jitter / np.sqrt(3.0)
            offset += amplitude * np.sin(2.0 * np.pi * total_along_m / (wavelength_m * jitter) + phase)
    return offset * taper


@functools.lru_cache(maxsize=1)
def _base_line() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    lats: list[np.ndarray] = []
    lons: list[np.ndarray] = []
    azimuths: list[np.ndarray] = []
    alongs: list[np.ndarray] = []
    tapers: list[np.ndarray] = []
    start_m = 0.0
    for a, b in zip(WAYPOINTS[:-1], WAYPOINTS[1:]):
        lat, lon, azimuth, length_m = _segment_points(a, b)
        local = np.linspace(0.0, length_m, lat.size, endpoint=False)
        to_end = np.minimum(local, length_m - local)
        taper = np.clip(to_end / TAPER_M, 0.0, 1.0)
        taper = taper * taper * (3.0 - 2.0 * taper)  # smoothstep: zero slope at the waypoints
        lats.append(lat)
        lons.append(lon)
        azimuths.append(azimuth)
        alongs.append(start_m + local)
        tapers.append(taper)
        start_m += length_m
    last = WAYPOINTS[-1]
    lats.append(np.array([last.lat_deg]))
    lons.append(np.array([last.lon_deg]))
    azimuths.append(azimuths[-1][-1:])
    alongs.append(np.array([start_m]))
    tapers.append(np.array([0.0]))
    return (
        np.concatenate(lats),
        np.concatenate(lons),
        np.concatenate(azimuths),
        np.concatenate(alongs),
        np.concatenate(tapers),
    )


def _meandered(factor: float) -> tuple[np.ndarray, np.ndarray]:
    lat, lon, azimuth, along, taper = _base_line()
    offset_m = factor * _meander_offsets(along, taper)
    # offset to the left of travel (positive) or right (negative)
    side_azimuth = np.where(offset_m >= 0.0, azimuth - 90.0, azimuth + 90.0)
    new_lon, new_lat, _ = GEOD.fwd(lon, lat, side_azimuth, np.abs(offset_m))
    return np.asarray(new_lat), np.asarray(new_lon)


def _length_m(lat: np.ndarray, lon: np.ndarray) -> float:
    return float(GEOD.line_length(lon, lat))


@functools.lru_cache(maxsize=1)
def _line_coordinates() -> tuple[tuple[float, float], ...]:
    low, high = 0.0, 1.0
    while _length_m(*_meandered(high)) < TARGET_LENGTH_M:
        high *= 2.0
    for _ in range(40):
        middle = 0.5 * (low + high)
        if _length_m(*_meandered(middle)) < TARGET_LENGTH_M:
            low = middle
        else:
            high = middle
    lat, lon = _meandered(0.5 * (low + high))
    return tuple(zip(np.round(lon, 7).tolist(), np.round(lat, 7).tolist()))


def line_of_contact() -> LineString:
    """The front as a LineString in (lon, lat) degrees, Dnipro mouth to Sumy border.

    Walking along it, the UA-held side is on the left (north/west) and the RU-held side on the
    right (south/east). The same line is returned on every call.
    """
    return LineString(_line_coordinates())


def line_length_m(line: LineString | None = None) -> float:
    """Geodesic (WGS 84) length of a (lon, lat) line, by default the line of contact."""
    coords = np.asarray(shapely.get_coordinates(line if line is not None else line_of_contact()))
    return _length_m(coords[:, 1], coords[:, 0])
