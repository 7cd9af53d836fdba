"""From sources to picks: travel time, received level, detection, pick errors, back-azimuths.

For each source-station pair within ``MAX_RANGE_M``:

* slant distance ``d`` = hypot(WGS 84 geodesic distance, height difference);
* effective celerity ``v = c(T) + w . s`` from the atmosphere at the path's midpoint (by
  distance along the line) and the source time; a per-path relative perturbation ``e``
  (turbulence, small-scale temperature and wind structure; Gaussian, truncated at 3 sigma);
  travel time ``d / v * (1 + e)``;
* received peak level: the source level at 1 km, spherical spreading ``-20 log10(d / 1 km)``,
  a linear excess attenuation (air absorption at the 20-100 Hz that dominate blasts, after
  ISO 9613-1, plus ground and terrain losses), a refraction gain or loss proportional to the
  along-path wind (downwind ducting, upwind shadow), a gain under the night-time surface
  inversion, and log-normal scintillation;
* the station's noise: its site floor, wind noise, and daytime activity; detection
  probability is logistic in the signal-to-noise ratio, and the station must be up;
* the pick time adds the station's clock offset and a pick error: Gaussian (sigma 0.05-0.15 s,
  larger at low SNR, truncated at 4 sigma), except for a few percent of heavy-tail errors of
  0.5-3 s (mostly late: an emergent onset, or a later phase picked);
* arrays measure the wavefront normal, deflected from the true back-azimuth by the cross-wind
  (``w_perp / c``), plus Gaussian error growing at low SNR, with rare gross errors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from truceline.geo.frame import unit_vectors
from truceline.sim.atmosphere import Atmosphere, local_hour
from truceline.sim.config import SimConfig
from truceline.sim.placement import GEOD
from truceline.sim.stations import Network

FloatArray = NDArray[np.float64]
MAX_RANGE_M = 70_000.0
EXCESS_ATTENUATION_DB_PER_KM = 0.9
REFRACTION_DB_PER_M_PER_S = 1.2
NIGHT_INVERSION_DB = 4.0
SCINTILLATION_DB = 3.0
DETECTION_SNR_DB = 12.0
DETECTION_WIDTH_DB = 2.0
PICK_SIGMA_TRUNCATION = 4.0
PATH_SIGMA_TRUNCATION = 3.0
BACKAZIMUTH_OUTLIER_FRACTION = 0.01


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Arrivals:
    """Detected arrivals of sources at stations (one row per pick), with their error budget."""

    source: NDArray[np.int64]
    station: NDArray[np.intp]
    time_s: FloatArray
    amplitude_pa: FloatArray
    snr: FloatArray
    backazimuth_deg: FloatArray  # NaN at single microphones
    backazimuth_sigma_deg: FloatArray
    distance_m: FloatArray  # slant
    celerity_m_per_s: FloatArray  # effective, before the path perturbation
    path_error: FloatArray  # relative travel-time perturbation
    pick_error_s: FloatArray
    pick_sigma_s: FloatArray
    outlier: NDArray[np.bool_]

    def __len__(self) -> int:
        return int(self.time_s.size)


def path_midpoint_along_m(source_along_m: FloatArray, station_along_m: FloatArray) -> FloatArray:
    """Distance along the line at which a path's atmosphere is evaluated."""
    return np.asarray(0.5 * (source_along_m + station_along_m), dtype=np.float64)


def night_factor(time_s: FloatArray) -> FloatArray:
    """1 at 02:00 local time, 0 from 08:00 to 20:00: strength of the surface temperature inversion."""
    return np.asarray(np.clip(-np.cos(2.0 * np.pi * (local_hour(time_s) - 14.0) / 24.0), 0.0, 1.0), dtype=np.float64)


def noise_db(network: Network, station: NDArray[np.intp], wind_speed_m_per_s: FloatArray, time_s: FloatArray) -> FloatArray:
    """Noise floor at the station: site floor, wind noise above 3 m/s, daytime activity."""
    hour = local_hour(time_s)
    daytime = np.clip(np.cos(2.0 * np.pi * (hour - 14.0) / 24.0) + 0.3, 0.0, 1.3)
    return np.asarray(network.noise_db[station] + 0.8 * np.maximum(wind_speed_m_per_s - 3.0, 0.0) + 3.0 * daytime, dtype=np.float64)


def propagate(
    *,
    time_s: FloatArray,
    lat_deg: FloatArray,
    lon_deg: FloatArray,
    elev_m: FloatArray,
    level_db: FloatArray,
    along_m: FloatArray,
    network: Network,
    atmosphere: Atmosphere,
    config: SimConfig,
    rng: np.random.Generator,
    pick_sigma_s: FloatArray | None = None,
    outlier_fraction: float | None = None,
) -> Arrivals:
    """Detected arrivals of the given sources. ``pick_sigma_s`` overrides the SNR-based pick error."""
    tree = cKDTree(unit_vectors(network.lat_deg, network.lon_deg))
    neighbours = tree.query_ball_point(unit_vectors(lat_deg, lon_deg), r=MAX_RANGE_M) if time_s.size else []
    lengths = np.fromiter((len(n) for n in neighbours), dtype=np.int64, count=len(neighbours))
    source = np.repeat(np.arange(time_s.size, dtype=np.int64), lengths)
    station = np.fromiter((s for n in neighbours for s in n), dtype=np.intp, count=int(lengths.sum()))
    if source.size == 0:
        return _empty()
    azimuth, back_azimuth, ground_m = GEOD.inv(lon_deg[source], lat_deg[source], network.lon_deg[station], network.lat_deg[station])
    azimuth = np.asarray(azimuth)
    back_azimuth = np.asarray(back_azimuth)
    distance = np.hypot(np.asarray(ground_m), network.elev_m[station] - elev_m[source])
    distance = np.maximum(distance, 1.0)
    t0 = time_s[source]
    along = path_midpoint_along_m(along_m[source], network.along_m[station])
    east, north = atmosphere.wind_m_per_s(along, t0)
    sound = atmosphere.sound_speed_m_per_s(along, t0)
    heading = np.radians(azimuth)
    along_wind = east * np.sin(heading) + north * np.cos(heading)
    celerity = sound + along_wind
    path_error = np.clip(rng.normal(0.0, config.path_celerity_sigma, source.size), -PATH_SIGMA_TRUNCATION * config.path_celerity_sigma,
                         PATH_SIGMA_TRUNCATION * config.path_celerity_sigma)
    travel = distance / celerity * (1.0 + path_error)
    level = (
        level_db[source]
        - 20.0 * np.log10(distance / 1_000.0)
        - EXCESS_ATTENUATION_DB_PER_KM * (distance - 1_000.0) / 1_000.0
        + (REFRACTION_DB_PER_M_PER_S * along_wind + NIGHT_INVERSION_DB * night_factor(t0)) * np.minimum(distance / 5_000.0, 1.0)
        + rng.normal(0.0, SCINTILLATION_DB, source.size)
    )
    arrival = t0 + travel
    noise = noise_db(network, station, np.hypot(east, north), arrival) + rng.normal(0.0, 1.5, source.size)
    snr_db = level - noise
    probability = 1.0 / (1.0 + np.exp(-(snr_db - DETECTION_SNR_DB) / DETECTION_WIDTH_DB))
    detected = (rng.random(source.size) < probability) & network.is_up(station, arrival)
    keep = np.flatnonzero(detected)
    source, station, snr_db, level = source[keep], station[keep], snr_db[keep], level[keep]
    arrival, distance, celerity, path_error = arrival[keep], distance[keep], celerity[keep], path_error[keep]
    azimuth, back_azimuth, east, north, sound = azimuth[keep], back_azimuth[keep], east[keep], north[keep], sound[keep]
    n = keep.size
    low, high = config.pick_sigma_s
    if pick_sigma_s is None:
        sigma = np.clip(low + (high - low) * np.exp(-(snr_db - DETECTION_SNR_DB) / 8.0), low, high)
    else:
        sigma = pick_sigma_s[source]
    error = np.clip(rng.normal(0.0, 1.0, n), -PICK_SIGMA_TRUNCATION, PICK_SIGMA_TRUNCATION) * sigma
    fraction = config.outlier_fraction if outlier_fraction is None else outlier_fraction
    outlier = rng.random(n) < fraction
    late = rng.random(n) < 0.75
    size = rng.uniform(*config.outlier_error_s, n)
    error = np.where(outlier, np.where(late, size, -size), error)
    pick_time = arrival + network.clock_offset_s[station] + error
    backazimuth, backazimuth_sigma = _backazimuths(network, station, azimuth, back_azimuth, east, north, sound, snr_db, rng)
    return Arrivals(
        source=source,
        station=station,
        time_s=pick_time,
        amplitude_pa=2e-5 * 10.0 ** (level / 20.0),
        snr=10.0 ** (snr_db / 20.0),
        backazimuth_deg=backazimuth,
        backazimuth_sigma_deg=backazimuth_sigma,
        distance_m=distance,
        celerity_m_per_s=celerity,
        path_error=path_error,
        pick_error_s=error,
        pick_sigma_s=sigma,
        outlier=outlier,
    )


def _backazimuths(
    network: Network,
    station: NDArray[np.intp],
    azimuth: FloatArray,
    back_azimuth: FloatArray,
    east: FloatArray,
    north: FloatArray,
    sound: FloatArray,
    snr_db: FloatArray,
    rng: np.random.Generator,
) -> tuple[FloatArray, FloatArray]:
    """Apparent back-azimuths at array stations: true direction, cross-wind deflection, noise."""
    n = station.size
    is_array = network.kind[station] == "array"
    heading = np.radians(azimuth)
    along_x, along_y = np.sin(heading), np.cos(heading)
    along_wind = east * along_x + north * along_y
    cross_x, cross_y = east - along_wind * along_x, north - along_wind * along_y
    back = np.radians(back_azimuth)
    apparent_x = np.sin(back) + cross_x / sound
    apparent_y = np.cos(back) + cross_y / sound
    apparent = np.degrees(np.arctan2(apparent_x, apparent_y))
    sigma = network.backazimuth_sigma_deg[station] * (1.0 + 8.0 / np.maximum(snr_db, 4.0))
    noise = rng.normal(0.0, 1.0, n) * sigma
    gross = rng.random(n) < BACKAZIMUTH_OUTLIER_FRACTION
    noise = np.where(gross, rng.choice([-1.0, 1.0], n) * rng.uniform(20.0, 90.0, n), noise)
    value = np.where(is_array, (apparent + noise) % 360.0, np.nan)
    return value, np.where(is_array, np.round(sigma, 2), np.nan)


def _empty() -> Arrivals:
    empty = np.zeros(0)
    return Arrivals(
        source=np.zeros(0, dtype=np.int64), station=np.zeros(0, dtype=np.intp), time_s=empty, amplitude_pa=empty, snr=empty,
        backazimuth_deg=empty, backazimuth_sigma_deg=empty, distance_m=empty, celerity_m_per_s=empty, path_error=empty,
        pick_error_s=empty, pick_sigma_s=empty, outlier=np.zeros(0, dtype=bool),
    )
