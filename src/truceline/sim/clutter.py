"""Picks that belong to no true event: local noise at each station, and thunder.

* Local clutter (vehicles, doors, machinery, animals, wind gusts on the microphone) is
  independent between stations: a Poisson process per station, busier by day, with SNRs just
  above the detection threshold and, at arrays, random back-azimuths.
* Echoes: a few percent of true arrivals are followed, 0.3-4 s later, by a weaker reflection
  off a tree line, a building or a slope, arriving from another direction. An echo is not
  the event's arrival, so its truth is ``-1``.
* Thunder is coherent: storm cells drift with the wind and each strike is heard by the
  stations around it, but its onset is emergent, so its picks scatter by about a second.
  Thunder truth is still ``-1`` (clutter): it is not fire.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from truceline.geo.frame import Sectors
from truceline.sim.atmosphere import Atmosphere, local_hour
from truceline.sim.config import SimConfig
from truceline.sim.placement import move, offset_point, terrain_elevation_m
from truceline.sim.propagation import Arrivals, propagate
from truceline.sim.stations import Network

FloatArray = NDArray[np.float64]
THUNDER_LEVEL_DB = 106.0
THUNDER_PICK_SIGMA_S = 0.8
PICKS_PER_STRIKE_GUESS = 8.0
STRIKES_PER_CELL = 60.0


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class LocalClutter:
    station: NDArray[np.intp]
    time_s: FloatArray
    amplitude_pa: FloatArray
    snr: FloatArray
    backazimuth_deg: FloatArray
    backazimuth_sigma_deg: FloatArray


def local_clutter(network: Network, config: SimConfig, picks_wanted: float, rng: np.random.Generator) -> LocalClutter:
    """About ``picks_wanted`` independent clutter picks spread over stations and time."""
    start, end = config.start_time_s, config.end_time_s
    count = len(network)
    grid = np.linspace(start, end, 97)
    acceptance = float(np.mean(_activity(grid)))  # compensates the day/night thinning below
    numbers = rng.poisson(max(picks_wanted, 0.0) / count / acceptance, count)
    station = np.repeat(np.arange(count, dtype=np.intp), numbers)
    time = rng.uniform(start, end, station.size)
    keep = (rng.random(station.size) < _activity(time)) & network.is_up(station, time)
    station, time = station[keep], time[keep]
    order = np.argsort(time, kind="stable")
    station, time = station[order], time[order]
    n = station.size
    snr_db = 12.0 + rng.exponential(5.0, n)
    amplitude = 2e-5 * 10.0 ** ((network.noise_db[station] + snr_db) / 20.0)
    is_array = network.kind[station] == "array"
    sigma = network.backazimuth_sigma_deg[station] * (1.0 + 8.0 / snr_db)
    return LocalClutter(
        station=station,
        time_s=time,
        amplitude_pa=amplitude,
        snr=10.0 ** (snr_db / 20.0),
        backazimuth_deg=np.where(is_array, rng.uniform(0.0, 360.0, n), np.nan),
        backazimuth_sigma_deg=np.where(is_array, np.round(sigma, 2), np.nan),
    )


ECHO_FRACTION = 0.03


def echoes(network: Network, arrivals: Arrivals, recorded: NDArray[np.bool_], rng: np.random.Generator) -> LocalClutter:
    """Reflections of some recorded arrivals: later, weaker, from another direction."""
    chosen = np.flatnonzero(recorded)
    chosen = chosen[rng.random(chosen.size) < ECHO_FRACTION]
    loss_db = rng.uniform(6.0, 15.0, chosen.size)
    snr_db = 20.0 * np.log10(np.maximum(arrivals.snr[chosen], 1e-9)) - loss_db
    audible = snr_db > 10.0
    chosen, loss_db, snr_db = chosen[audible], loss_db[audible], snr_db[audible]
    station = arrivals.station[chosen]
    is_array = network.kind[station] == "array"
    turn = rng.uniform(30.0, 150.0, chosen.size) * rng.choice([-1.0, 1.0], chosen.size)
    sigma = network.backazimuth_sigma_deg[station] * (1.0 + 8.0 / np.maximum(snr_db, 4.0))
    return LocalClutter(
        station=station,
        time_s=arrivals.time_s[chosen] + rng.uniform(0.3, 4.0, chosen.size),
        amplitude_pa=arrivals.amplitude_pa[chosen] * 10.0 ** (-loss_db / 20.0),
        snr=10.0 ** (snr_db / 20.0),
        backazimuth_deg=np.where(is_array, (arrivals.backazimuth_deg[chosen] + turn) % 360.0, np.nan),
        backazimuth_sigma_deg=np.where(is_array, np.round(sigma, 2), np.nan),
    )


def _activity(time_s: FloatArray) -> FloatArray:
    """Relative clutter activity: 1.0 by day (14:00 local), 0.1 at night."""
    return np.asarray((0.55 + 0.45 * np.cos(2.0 * np.pi * (local_hour(time_s) - 14.0) / 24.0)) / 1.0, dtype=np.float64)


def thunder(
    network: Network,
    sectors: Sectors,
    atmosphere: Atmosphere,
    config: SimConfig,
    picks_wanted: float,
    rng: np.random.Generator,
) -> tuple[Arrivals, FloatArray]:
    """Storm cells sized to give about ``picks_wanted`` picks; returns arrivals and strike times."""
    strikes_wanted = picks_wanted / PICKS_PER_STRIKE_GUESS
    if strikes_wanted < 1.0:
        return propagate_empty(network, atmosphere, config, rng), np.zeros(0)
    cells = max(1, int(round(strikes_wanted / STRIKES_PER_CELL)))
    per_cell = rng.poisson(strikes_wanted / cells, cells)
    lats: list[FloatArray] = []
    lons: list[FloatArray] = []
    times: list[FloatArray] = []
    for strikes in per_cell:
        duration = rng.uniform(1_800.0, 5_400.0)
        begin = rng.uniform(config.start_time_s - duration / 2.0, config.end_time_s - duration / 2.0)
        along = rng.uniform(0.0, sectors.length_m)
        centre_lat, centre_lon = offset_point(sectors, np.array([along]), np.array([rng.uniform(-40_000.0, 40_000.0)]))
        east, north = atmosphere.wind_m_per_s(np.array([along]), np.array([begin]))
        drift_azimuth = float(np.degrees(np.arctan2(east[0], north[0])))
        drift_speed = float(np.hypot(east[0], north[0])) + 3.0
        when = np.sort(rng.uniform(begin, begin + duration, int(strikes)))
        lat, lon = move(centre_lat[0], centre_lon[0], drift_azimuth, drift_speed * (when - begin))
        lat, lon = move(lat, lon, rng.uniform(0.0, 360.0, when.size), np.abs(rng.normal(0.0, 4_000.0, when.size)))
        inside = (when >= config.start_time_s) & (when < config.end_time_s)
        lats.append(lat[inside])
        lons.append(lon[inside])
        times.append(when[inside])
    lat_all, lon_all, time_all = np.concatenate(lats), np.concatenate(lons), np.concatenate(times)
    arrivals = propagate(
        time_s=time_all,
        lat_deg=lat_all,
        lon_deg=lon_all,
        elev_m=terrain_elevation_m(lat_all, lon_all) + 2_000.0,  # the lower part of the channel
        level_db=THUNDER_LEVEL_DB + rng.normal(0.0, 4.0, time_all.size),
        along_m=sectors.nearest_along_m(lat_all, lon_all),
        network=network,
        atmosphere=atmosphere,
        config=config,
        rng=rng,
        pick_sigma_s=np.full(time_all.size, THUNDER_PICK_SIGMA_S),
        outlier_fraction=0.0,
    )
    return arrivals, time_all


def propagate_empty(network: Network, atmosphere: Atmosphere, config: SimConfig, rng: np.random.Generator) -> Arrivals:
    empty = np.zeros(0)
    return propagate(
        time_s=empty, lat_deg=empty, lon_deg=empty, elev_m=empty, level_db=empty, along_m=empty,
        network=network, atmosphere=atmosphere, config=config, rng=rng,
    )
