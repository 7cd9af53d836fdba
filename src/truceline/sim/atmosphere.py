"""The near-ground atmosphere along the front: temperature, wind, sound speed, effective celerity.

Fields vary smoothly in time and along the line. Each sector of the front gets its own slowly
varying perturbations (periods of hours) on top of a front-wide synoptic state, and values
between sector centres are interpolated linearly by distance along the line, so there is no
jump at sector borders.

* Temperature: seasonal mean for the region (day of year), a diurnal cycle peaking at 14:00
  local time (UTC+3), a cooling of 0.7 degC per degree of latitude, and sector drifts.
* Sound speed in dry air: ``c = 331.3 * sqrt(1 + T / 273.15)`` m/s.
* Wind: the layer-mean wind of the lowest few hundred metres (the layer that carries the
  direct and low tropospheric arrivals at 1-40 km). A synoptic vector (2-8 m/s, mostly from
  the west) veers and strengthens slowly; each sector adds +-1.5 m/s of its own; daytime
  mixing strengthens it by up to 25 %.
* Effective celerity of a path: ``c + w . s`` with ``s`` the horizontal unit vector from the
  source to the receiver (the effective-sound-speed approximation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from truceline.geo.frame import Sectors

FloatArray = NDArray[np.float64]
LOCAL_UTC_OFFSET_H = 3.0


def sound_speed_m_per_s(temperature_c: ArrayLike) -> FloatArray:
    """Speed of sound in dry air at temperature ``temperature_c`` (degC)."""
    return np.asarray(331.3 * np.sqrt(1.0 + np.asarray(temperature_c, dtype=np.float64) / 273.15), dtype=np.float64)


def local_hour(time_s: ArrayLike) -> FloatArray:
    """Local solar-ish clock hour (UTC+3) of Unix times."""
    return np.asarray(((np.asarray(time_s, dtype=np.float64) / 3600.0) + LOCAL_UTC_OFFSET_H) % 24.0, dtype=np.float64)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Atmosphere:
    sectors: Sectors
    start_time_s: float
    mean_temperature_c: float
    diurnal_amplitude_c: float
    reference_lat_deg: float
    centre_along_m: FloatArray  # (n_sectors,)
    centre_lat_deg: FloatArray
    temperature_offset_c: FloatArray  # (n_sectors,)
    temperature_drift_c: FloatArray  # (n_sectors,)
    temperature_period_s: FloatArray
    temperature_phase: FloatArray
    synoptic_speed_m_per_s: float
    synoptic_to_deg: float  # direction the synoptic wind blows towards
    veer_deg: float
    veer_period_s: float
    veer_phase: float
    gust_period_s: float
    gust_phase: float
    wind_amplitude_m_per_s: FloatArray  # (n_sectors, components, 2)
    wind_period_s: FloatArray
    wind_phase: FloatArray

    @classmethod
    def draw(cls, rng: np.random.Generator, sectors: Sectors, start_time_s: float) -> Atmosphere:
        count = len(sectors)
        day_of_year = datetime.fromtimestamp(start_time_s, tz=timezone.utc).timetuple().tm_yday
        components = 3
        return cls(
            sectors=sectors,
            start_time_s=start_time_s,
            mean_temperature_c=float(8.5 + 13.5 * np.sin(2.0 * np.pi * (day_of_year - 110) / 365.0) + rng.normal(0.0, 2.0)),
            diurnal_amplitude_c=float(rng.uniform(3.0, 6.0)),
            reference_lat_deg=48.5,
            centre_along_m=np.array([0.5 * (s.start_m + s.end_m) for s in sectors.sectors]),
            centre_lat_deg=np.array([s.lat_deg for s in sectors.sectors]),
            temperature_offset_c=rng.normal(0.0, 0.8, count),
            temperature_drift_c=rng.uniform(0.5, 1.5, count),
            temperature_period_s=rng.uniform(20.0, 40.0, count) * 3600.0,
            temperature_phase=rng.uniform(0.0, 2.0 * np.pi, count),
            synoptic_speed_m_per_s=float(rng.uniform(2.0, 8.0)),
            synoptic_to_deg=float(90.0 + rng.normal(0.0, 45.0)),
            veer_deg=float(rng.uniform(10.0, 40.0)),
            veer_period_s=float(rng.uniform(24.0, 60.0) * 3600.0),
            veer_phase=float(rng.uniform(0.0, 2.0 * np.pi)),
            gust_period_s=float(rng.uniform(10.0, 30.0) * 3600.0),
            gust_phase=float(rng.uniform(0.0, 2.0 * np.pi)),
            wind_amplitude_m_per_s=rng.uniform(0.2, 0.9, (count, components, 2)),
            wind_period_s=rng.uniform(2.0, 12.0, (count, components, 2)) * 3600.0,
            wind_phase=rng.uniform(0.0, 2.0 * np.pi, (count, components, 2)),
        )

    def _neighbours(self, along_m: FloatArray) -> tuple[NDArray[np.intp], NDArray[np.intp], FloatArray]:
        """The two sector centres around each point and the weight of the second (linear in along)."""
        centres = self.centre_along_m
        if centres.size == 1:
            zero = np.zeros(along_m.size, dtype=np.intp)
            return zero, zero, np.zeros(along_m.size)
        index = np.clip(np.searchsorted(centres, along_m) - 1, 0, centres.size - 2)
        weight = np.clip((along_m - centres[index]) / (centres[index + 1] - centres[index]), 0.0, 1.0)
        return index, index + 1, weight

    def _sector_temperature(self, sector: NDArray[np.intp], elapsed_s: FloatArray) -> FloatArray:
        return (
            self.temperature_offset_c[sector]
            - 0.7 * (self.centre_lat_deg[sector] - self.reference_lat_deg)
            + self.temperature_drift_c[sector]
            * np.sin(2.0 * np.pi * elapsed_s / self.temperature_period_s[sector] + self.temperature_phase[sector])
        )

    def _sector_wind(self, sector: NDArray[np.intp], elapsed_s: FloatArray) -> FloatArray:
        waves = self.wind_amplitude_m_per_s[sector] * np.sin(
            2.0 * np.pi * elapsed_s[:, None, None] / self.wind_period_s[sector] + self.wind_phase[sector]
        )  # (n, component, axis)
        return np.asarray(waves.sum(axis=1), dtype=np.float64)  # (n, axis)

    def temperature_c(self, along_m: ArrayLike, time_s: ArrayLike) -> FloatArray:
        along, time = np.broadcast_arrays(np.asarray(along_m, dtype=np.float64), np.asarray(time_s, dtype=np.float64))
        shape = along.shape
        along, time = along.ravel(), time.ravel()
        diurnal = self.diurnal_amplitude_c * np.cos(2.0 * np.pi * (local_hour(time) - 14.0) / 24.0)
        elapsed = time - self.start_time_s
        low, high, weight = self._neighbours(along)
        local = (1.0 - weight) * self._sector_temperature(low, elapsed) + weight * self._sector_temperature(high, elapsed)
        return np.asarray(self.mean_temperature_c + diurnal + local, dtype=np.float64).reshape(shape)

    def wind_m_per_s(self, along_m: ArrayLike, time_s: ArrayLike) -> tuple[FloatArray, FloatArray]:
        """(east, north) components of the layer-mean wind, m/s (the direction it blows towards)."""
        along, time = np.broadcast_arrays(np.asarray(along_m, dtype=np.float64), np.asarray(time_s, dtype=np.float64))
        shape = along.shape
        along, time = along.ravel(), time.ravel()
        elapsed = time - self.start_time_s
        heading = np.radians(self.synoptic_to_deg + self.veer_deg * np.sin(2.0 * np.pi * elapsed / self.veer_period_s + self.veer_phase))
        mixing = 1.0 + 0.25 * np.cos(2.0 * np.pi * (local_hour(time) - 14.0) / 24.0)
        speed = self.synoptic_speed_m_per_s * (1.0 + 0.3 * np.sin(2.0 * np.pi * elapsed / self.gust_period_s + self.gust_phase)) * mixing
        low, high, weight = self._neighbours(along)
        local = (1.0 - weight)[:, None] * self._sector_wind(low, elapsed) + weight[:, None] * self._sector_wind(high, elapsed)
        east = speed * np.sin(heading) + local[:, 0]
        north = speed * np.cos(heading) + local[:, 1]
        return east.reshape(shape), north.reshape(shape)

    def sound_speed_m_per_s(self, along_m: ArrayLike, time_s: ArrayLike) -> FloatArray:
        return sound_speed_m_per_s(self.temperature_c(along_m, time_s))

    def effective_speed_m_per_s(self, along_m: ArrayLike, time_s: ArrayLike, azimuth_deg: ArrayLike) -> FloatArray:
        """Effective celerity ``c + w . s`` for paths heading ``azimuth_deg`` (source to receiver)."""
        east, north = self.wind_m_per_s(along_m, time_s)
        heading = np.radians(np.asarray(azimuth_deg, dtype=np.float64))
        return self.sound_speed_m_per_s(along_m, time_s) + east * np.sin(heading) + north * np.cos(heading)

    def describe(self, time_s: float) -> list[dict[str, Any]]:
        """Per-sector state at one time, for ``scenario.json``."""
        along = self.centre_along_m
        east, north = self.wind_m_per_s(along, np.full(along.shape, time_s))
        temperature = self.temperature_c(along, np.full(along.shape, time_s))
        out = []
        for sector, t, u, v in zip(self.sectors.sectors, temperature, east, north):
            out.append(
                {
                    "sector": sector.name,
                    "temperature_c": round(float(t), 2),
                    "sound_speed_m_per_s": round(float(sound_speed_m_per_s(t)), 2),
                    "wind_speed_m_per_s": round(float(np.hypot(u, v)), 2),
                    "wind_to_deg": round(float(np.degrees(np.arctan2(u, v)) % 360.0), 1),
                }
            )
        return out
