"""A small, self-contained acoustic scenario for fusion tests (made independently of truceline.sim; `associate_toy`
scores an association of it with `truceline.sim.scoring.match_events`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from pyproj import Geod

from truceline.fuse import FusionConfig, associate
from truceline.sim.scoring import match_events

GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Toy:
    stations: pa.Table
    picks: pa.Table
    truth_lat: np.ndarray
    truth_lon: np.ndarray
    truth_time: np.ndarray
    pick_event: np.ndarray  # -1 for clutter


def make_toy(
    *, seed: int = 1, n_events: int = 20, speed_m_s: float = 338.0, wind_m_s: tuple[float, float] = (4.0, -2.0),
    noise_s: float = 0.08, clutter_per_station: int = 3, duration_s: float = 1800.0,
    events: list[tuple[float, float, float]] | None = None, array_every: int = 4, loudness: bool = False,
    speed_spread: float = 0.0,
) -> Toy:
    """A toy scenario. With ``loudness``, picks carry ``amplitude`` and ``snr``: each event has a
    level (log-uniform over a factor of 20: heard from about 10 km to beyond the reach), the amplitude falls as ``exp(-0.05 r) / r`` with 30 %
    scatter, each station has its own noise, and a station hears an event when its SNR is 3 or
    more (instead of within 30 km). ``speed_spread``: each event's sound speed is drawn uniformly within this fraction
    either side of ``speed_m_s`` (the atmosphere varies between events; its own draws)."""
    rng = np.random.default_rng(seed)
    # two rows of stations 8 km apart, 12 km either side of a line at 48.0 N
    lons = 37.0 + np.arange(12) * (8.0 / 74.5)
    rows = []
    for row_lat in (48.0 - 12 / 111.2, 48.0 + 12 / 111.2):
        for lon in lons:
            rows.append((row_lat, lon))
    st_lat = np.array([r[0] for r in rows])
    st_lon = np.array([r[1] for r in rows])
    kinds = ["array" if i % array_every == 0 else "mic" for i in range(len(rows))]
    stations = pa.table({"station_id": [f"S{i:02d}" for i in range(len(rows))], "lat": st_lat, "lon": st_lon, "kind": kinds})
    if events is None:
        ev_lat = rng.uniform(47.9, 48.1, n_events)
        ev_lon = rng.uniform(37.2, 37.9, n_events)
        ev_t = np.sort(rng.uniform(100, duration_s - 200, n_events))
    else:
        ev_lat = np.array([e[0] for e in events])
        ev_lon = np.array([e[1] for e in events])
        ev_t = np.array([e[2] for e in events])
    times, station_ids, event_ids, baz, baz_sigma, amplitude, snr = [], [], [], [], [], [], []
    loud = np.random.default_rng(seed + 10_000)  # its own draws: the toys without loudness stay as they were
    noise = np.exp(loud.normal(np.log(0.002), 0.3, len(rows)))
    level = np.exp(loud.uniform(np.log(0.1), np.log(2.0), len(ev_t)))
    speeds = speed_m_s * (1.0 + np.random.default_rng(seed + 20_000).uniform(-speed_spread, speed_spread, len(ev_t)))
    for e in range(len(ev_t)):
        az, _, dist = GEOD.inv(np.full(len(st_lon), ev_lon[e]), np.full(len(st_lat), ev_lat[e]), st_lon, st_lat)
        az = np.radians(az)
        along = wind_m_s[0] * np.sin(az) + wind_m_s[1] * np.cos(az)
        tt = dist / (speeds[e] + along)
        r_km = np.maximum(dist / 1000.0, 0.1)
        signal = level[e] * np.exp(-0.05 * r_km) / r_km * np.exp(loud.normal(0.0, 0.3, len(r_km)))
        heard = (signal / noise >= 3.0) & (dist < 38000) if loudness else dist < 30000
        for s in np.flatnonzero(heard):
            amplitude.append(signal[s])
            snr.append(signal[s] / noise[s])
            times.append(ev_t[e] + tt[s] + rng.normal(0, noise_s))
            station_ids.append(f"S{s:02d}")
            event_ids.append(e)
            back, _, _ = GEOD.inv(st_lon[s], st_lat[s], ev_lon[e], ev_lat[e])
            if kinds[s] == "array":
                baz.append((back + rng.normal(0, 3.0)) % 360)
                baz_sigma.append(3.0)
            else:
                baz.append(np.nan)
                baz_sigma.append(np.nan)
    for s in range(len(rows)):
        for _ in range(clutter_per_station):
            times.append(rng.uniform(0, duration_s))
            clutter = noise[s] * loud.uniform(3.0, 6.0)
            amplitude.append(clutter)
            snr.append(clutter / noise[s])
            station_ids.append(f"S{s:02d}")
            event_ids.append(-1)
            baz.append(np.nan)
            baz_sigma.append(np.nan)
    order = np.argsort(times)
    columns = {"amplitude": np.array(amplitude)[order], "snr": np.array(snr)[order]} if loudness else {}
    picks = pa.table(
        {
            "pick_id": [f"P{i}" for i in range(len(order))],
            "station_id": [station_ids[i] for i in order],
            "time": np.array(times)[order],
            "backazimuth_deg": pa.array(np.array(baz)[order], mask=np.isnan(np.array(baz)[order])),
            "backazimuth_sigma_deg": pa.array(np.array(baz_sigma)[order], mask=np.isnan(np.array(baz_sigma)[order])),
        }
        | columns
    )
    return Toy(stations=stations, picks=picks, truth_lat=ev_lat, truth_lon=ev_lon, truth_time=ev_t,
               pick_event=np.array(event_ids)[order])


def associate_toy(toy: Toy, config: FusionConfig, *, max_distance_km: float, max_dt_s: float) -> tuple[np.ndarray, np.ndarray, int]:
    """``associate`` the toy's picks under ``config`` (each pick to at most one event); the events' latitudes and
    longitudes, and how many true events they match within the distance and time."""
    events, assignments = associate(toy.stations, toy.picks, config)
    ids = assignments["pick_id"].to_pylist()
    assert len(ids) == len(set(ids))
    lat, lon, time = (np.asarray(events[name].to_numpy(zero_copy_only=False), dtype=float) for name in ("lat", "lon", "time"))
    m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, time, lat, lon, max_distance_km=max_distance_km, max_dt_s=max_dt_s)
    return lat, lon, len(m.truth_index)
