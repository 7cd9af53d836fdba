"""Third stand-in simulator (session 21, sim21): scenarios from physics the other two may not model.

Issue #3 warns that the associator will be run on scenarios made by a different simulator. This one
was written from the scenario contract (docs: /work/shared/CONTRACTS.md, "Scenario directories") and
published outdoor / infrasound propagation physics only, without reading truceline's simulator or
the two earlier stand-ins, so its assumptions are its own. Every effect is a switch, and each
preset turns on one of them (``all`` turns on every one):

``phases`` -- several arrivals per source at one station, each picked.
    Beyond ~8 km the ground-to-ground path splits into a train of distinct refracted / ducted
    arrivals spread over a few seconds (Blom and Waxler 2012; Waxler, Gilbert and Talmadge 2006):
    with a probability rising with range a station picks one or two later arrivals of the same
    source 0.8 s to 0.08 s/km later, and sometimes the first (weak) arrival is missed so that only a
    later one is picked. Loud sources (the heavy ones) also return from the stratosphere beyond a
    skip distance of 120-150 km, downwind of the stratospheric jet only, at celerity 0.29-0.31 km/s,
    and some from the thermosphere at 0.23-0.26 km/s (Negraru, Golden and Herrin 2010, "Infrasound
    propagation in the zone of silence", SRL 81(4); Drob et al. 2010, "The temporal morphology of
    infrasound propagation", PAGEOPH 167).
``picks`` -- what real pickers and loggers do to times.
    Emergent onsets: a fraction of picks (8 % near, 30 % at 50 km) is late by 0.3 s plus an
    exponential tail of mean 1.5 s (low signal-to-noise picks trigger on the later, stronger part of
    the wave; heavy-tailed, always late). Duplicates: 3 % of picks are reported twice (second
    detector, re-sent message), up to 0.3 s apart. A fifth of the stations log whole seconds (times
    floored). One or two stations report in local time (UTC+2 or UTC+3), all their times shifted by
    7,200 s or 10,800 s.
``terrain`` -- ridges shadow sources behind them regardless of range.
    Ridge segments 15-35 km long and 150-450 m high; a path that crosses one loses the barrier's
    insertion loss (Maekawa's 10 log10(3 + 20 N), N the Fresnel number of the path difference over
    the ridge top at 10 Hz), so a station may miss a near source behind a ridge and hear a far one in
    the open (Daigle 2007, "Sound propagation: review and tutorial", Noise News Int. 15(3);
    de Groot-Hedlin 2008, FDTD modelling of topography). Station elevations follow the hills.
``diurnal`` -- day and night.
    The ground temperature follows a daily cycle (10 +/- 8 C, warmest at 15:00 local, UTC+2): the
    sound speed c = 331.3 sqrt(1 + T/273.15) m/s moves by ~3 % (332 m/s at night, 342 m/s by day),
    so travel times to 30 km move by ~3 s. By day sound refracts upward (more loss per km, shorter
    reach), at night the inversion ducts it (less loss, longer reach, slightly lower celerity from
    the longer path) (Waxler et al. 2006, "Quiet heights and pulse tails", ASA).
``volleys`` -- real fire patterns.
    Batteries fire salvos (4 guns within 100 m and 0.3 s: acoustically one launch); 40 % of the
    missions are time-on-target: 2-4 batteries fire at different times so that their salvos land
    within +/- 1.5 s on aim points a few hundred metres apart (each battery's salvo one impact
    event); after a mission the other side answers with counter-battery fire 2-7 min later on the
    launch positions (impacts within ~150 m of earlier launches).
``curved_front`` -- the line of contact is a stretch of a 1,400 km arc (radius 450 km) with
    meanders (6 km, 70 km wavelength) and a salient, not a straight line; areas and sides follow it.

Always on (all presets): a mild ground wind (4 m/s from 250 deg), turbulent travel-time jitter
growing with sqrt(range), Gaussian picking error 0.05 s, random station noise levels, detection by
signal level (spherical spreading + loss per km + log-normal scatter, 50 % at ~30 km for ordinary
rounds, ~55 km for heavy ones), a picker dead time of 0.8 s (arrivals closer than that at one station
give one pick, credited to the first), and clutter picks (6 per station-hour). Ordinary missions: a
battery fires 1-6 rounds 8-40 s apart at a target 1-12 km beyond the line; each round is a launch
and, a time of flight of 2.7-3.1 s per km later, an impact.

Truth follows the contract: ``truth_events.csv`` holds the events heard by at least one station
(``n_picks`` = the number of distinct stations with a true pick of the event, so extra phases and
duplicates do not make an event "locatable"; ``pair_id`` the launch's impact or the impact's launch,
-1 if that one was heard nowhere); ``truth_picks.csv`` gives every pick's event (-1 clutter),
including extra phases, duplicates and picks with a wrong clock. Two side files, not part of the contract, say
what the generator did: ``sim3_picks.csv`` (per pick: ``phase`` direct / multipath / strato / thermo / clutter,
``late_s`` the emergent-onset delay, ``duplicate``, ``clock_offset_s``, ``whole_seconds``) and ``sim3.json`` (counts).

Usage: ``python benchmarks/foreign_sim3.py --out DIR --preset phases --seed 3`` (see ``--help``).
Seeded and deterministic: the same arguments write the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEG = math.pi * EARTH_RADIUS_KM / 180.0
CENTRE_LAT, CENTRE_LON = 48.55, 37.95
FRONT_AZIMUTH_DEG = 340.0  # the u axis runs along the front (NNW); v points across it (ENE)
WEST, EAST = "UA", "RU"
LOCAL_UTC_OFFSET_H = 2.0
DEAD_TIME_S = 0.8
DETECTION_THRESHOLD_DB = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Effects:
    phases: bool = False
    picks: bool = False
    terrain: bool = False
    diurnal: bool = False
    volleys: bool = False
    curved_front: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    seed: int = 1
    hours: float = 24.0
    front_km: float = 160.0
    stations_per_row: int = 10
    row_offsets_km: tuple[float, ...] = (-22.0, -8.0, 8.0, 22.0)
    missions_per_hour: float = 5.0
    batteries_per_side: int = 7
    clutter_per_station_hour: float = 6.0
    source_level_db: float = 37.0
    heavy_extra_db: float = 12.0
    heavy_fraction: float = 0.08
    effects: Effects = field(default_factory=Effects)


PRESETS: dict[str, Effects] = {
    "calm": Effects(),
    "phases": Effects(phases=True),
    "picks": Effects(picks=True),
    "terrain": Effects(terrain=True, curved_front=True),
    "diurnal": Effects(diurnal=True),
    "volleys": Effects(volleys=True),
    "all": Effects(phases=True, picks=True, terrain=True, diurnal=True, volleys=True, curved_front=True),
}


# ---------------------------------------------------------------- geometry


def _to_lat_lon(u_km: np.ndarray, v_km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    az_u = math.radians(FRONT_AZIMUTH_DEG)
    az_v = az_u + math.pi / 2.0
    east = u_km * math.sin(az_u) + v_km * math.sin(az_v)
    north = u_km * math.cos(az_u) + v_km * math.cos(az_v)
    lat = CENTRE_LAT + north / KM_PER_DEG
    lon = CENTRE_LON + east / (KM_PER_DEG * math.cos(math.radians(CENTRE_LAT)))
    return lat, lon


def _distance_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2.0) ** 2
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _front_offset_km(u_km: np.ndarray, curved: bool) -> np.ndarray:
    """Across-front position of the line of contact at along-front position u (0 for a straight front)."""
    if not curved:
        return np.zeros_like(u_km)
    radius_km = 450.0  # a 1,400 km front is about a half circle of this radius
    arc = radius_km - np.sqrt(np.maximum(radius_km**2 - u_km**2, 0.0))
    meander = 6.0 * np.sin(2.0 * math.pi * u_km / 70.0 + 0.7)
    salient = 10.0 * np.exp(-0.5 * ((u_km - 25.0) / 9.0) ** 2)
    return arc + meander + salient


@dataclass(frozen=True, slots=True, kw_only=True)
class Front:
    u_km: np.ndarray
    v_km: np.ndarray

    def offset(self, u_km: np.ndarray) -> np.ndarray:
        return np.interp(u_km, self.u_km, self.v_km)

    def side(self, u_km: np.ndarray, v_km: np.ndarray) -> np.ndarray:
        return np.where(v_km > self.offset(u_km), EAST, WEST)


def _front(config: Config) -> Front:
    half = config.front_km / 2.0 + 60.0
    u = np.arange(-half, half + 0.5, 1.0)
    return Front(u_km=u, v_km=_front_offset_km(u, config.effects.curved_front))


@dataclass(frozen=True, slots=True, kw_only=True)
class Ridge:
    u0: float
    v0: float
    u1: float
    v1: float
    height_m: float


def _ridges(rng: np.random.Generator, config: Config, front: Front) -> list[Ridge]:
    ridges = []
    for _ in range(max(3, int(config.front_km / 45.0))):
        u = float(rng.uniform(-config.front_km / 2.0, config.front_km / 2.0))
        v = float(front.offset(np.array([u]))[0] + rng.uniform(-18.0, 18.0))
        length = float(rng.uniform(15.0, 35.0))
        angle = float(rng.uniform(-0.6, 0.6))  # mostly along the front, as the Donets ridge runs
        du, dv = 0.5 * length * math.cos(angle), 0.5 * length * math.sin(angle)
        ridges.append(Ridge(u0=u - du, v0=v - dv, u1=u + du, v1=v + dv, height_m=float(rng.uniform(150.0, 450.0))))
    return ridges


def _crossing(ridge: Ridge, su: np.ndarray, sv: np.ndarray, ru: float, rv: float) -> tuple[np.ndarray, np.ndarray]:
    """Whether each source->receiver path crosses the ridge, and the crossing's distance from the source (km)."""
    pu, pv = ru - su, rv - sv
    qu, qv = ridge.u1 - ridge.u0, ridge.v1 - ridge.v0
    denom = pu * qv - pv * qu
    safe = np.where(np.abs(denom) < 1e-9, 1e-9, denom)
    wu, wv = ridge.u0 - su, ridge.v0 - sv
    t = (wu * qv - wv * qu) / safe
    s = (wu * pv - wv * pu) / safe
    hit = (np.abs(denom) >= 1e-9) & (t > 0.0) & (t < 1.0) & (s > 0.0) & (s < 1.0)
    return hit, t * np.hypot(pu, pv)


def _barrier_loss_db(ridges: list[Ridge], su: np.ndarray, sv: np.ndarray, ru: float, rv: float) -> np.ndarray:
    """Maekawa insertion loss of the worst ridge on each path, 10 Hz (wavelength 34 m)."""
    loss = np.zeros_like(su)
    length = np.hypot(ru - su, rv - sv)
    for ridge in ridges:
        hit, d1 = _crossing(ridge, su, sv, ru, rv)
        if not hit.any():
            continue
        d1_m = np.maximum(d1, 0.05) * 1000.0
        d2_m = np.maximum(length - d1, 0.05) * 1000.0
        h = ridge.height_m
        delta = np.sqrt(d1_m**2 + h**2) + np.sqrt(d2_m**2 + h**2) - d1_m - d2_m
        fresnel = 2.0 * delta / 34.0
        loss = np.where(hit, np.maximum(loss, 10.0 * np.log10(3.0 + 20.0 * fresnel) + 6.0), loss)
    return loss


# ---------------------------------------------------------------- sources


@dataclass(slots=True, kw_only=True)
class Source:
    time_s: float
    u_km: float
    v_km: float
    kind: str
    level_db: float
    partner: int = -1  # index of the launch's impact / the impact's launch
    firing_side: str = ""
    heavy: bool = False


def _batteries(rng: np.random.Generator, config: Config, front: Front, side: str) -> np.ndarray:
    u = rng.uniform(-config.front_km / 2.0, config.front_km / 2.0, config.batteries_per_side)
    depth = rng.uniform(4.0, 18.0, config.batteries_per_side)
    sign = -1.0 if side == WEST else 1.0
    return np.column_stack([u, front.offset(u) + sign * depth])


def _target(rng: np.random.Generator, config: Config, front: Front, battery: np.ndarray, side: str) -> np.ndarray:
    half = config.front_km / 2.0
    u = float(np.clip(battery[0] + rng.normal(0.0, 8.0), -half, half))
    sign = 1.0 if side == WEST else -1.0  # into the other side
    return np.array([u, float(front.offset(np.array([u]))[0]) + sign * rng.uniform(1.0, 12.0)])


def _round(sources: list[Source], launch_time: float, launch: np.ndarray, impact: np.ndarray,
           tof_s_per_km: float, level: float, side: str, heavy: bool = False) -> float:
    """Append one launch and its impact; return the impact time."""
    tof = tof_s_per_km * float(np.hypot(*(impact - launch)))
    i = len(sources)
    sources.append(Source(time_s=launch_time, u_km=float(launch[0]), v_km=float(launch[1]), kind="launch",
                          level_db=level, partner=i + 1, firing_side=side, heavy=heavy))
    sources.append(Source(time_s=launch_time + tof, u_km=float(impact[0]), v_km=float(impact[1]), kind="impact",
                          level_db=level, partner=i, firing_side=side, heavy=heavy))
    return launch_time + tof


def _mission(rng: np.random.Generator, config: Config, sources: list[Source], start: float, side: str,
             battery: np.ndarray, target: np.ndarray, salvo: bool) -> None:
    n_rounds = min(6, 1 + int(rng.poisson(1.5)))
    heavy = rng.random() < config.heavy_fraction
    tof_s_per_km = float(rng.uniform(2.7, 3.1))
    t = start
    for _ in range(n_rounds):
        level = config.source_level_db + rng.normal(0.0, 3.0) + (config.heavy_extra_db if heavy else 0.0)
        level += 6.0 if salvo else 0.0
        launch = battery + rng.normal(0.0, 0.05, 2)
        impact = target + rng.normal(0.0, 0.1, 2)
        _round(sources, t, launch, impact, tof_s_per_km, level, side, heavy)
        t += float(rng.uniform(8.0, 40.0))


def _sources(rng: np.random.Generator, config: Config, front: Front) -> list[Source]:
    duration = config.hours * 3600.0
    batteries = {WEST: _batteries(rng, config, front, WEST), EAST: _batteries(rng, config, front, EAST)}
    sources: list[Source] = []
    n_missions = int(rng.poisson(config.missions_per_hour * config.hours))
    starts = np.sort(rng.uniform(0.0, duration - 600.0, n_missions))
    volleys = config.effects.volleys
    for start in starts:
        side = WEST if rng.random() < 0.5 else EAST
        other = EAST if side == WEST else WEST
        b = int(rng.integers(config.batteries_per_side))
        battery = batteries[side][b]
        target = _target(rng, config, front, battery, side)
        fired_from = [battery]
        if volleys and rng.random() < 0.4:
            # time on target: the nearest batteries to the target fire so their salvos land together
            k = int(rng.integers(2, 5))
            order = np.argsort(np.hypot(*(batteries[side] - target).T))[:k]
            t_impact = float(start) + 60.0
            fired_from = []
            for j in order:
                bat = batteries[side][j]
                aim = target + rng.normal(0.0, 0.4, 2)
                tof_s_per_km = float(rng.uniform(2.7, 3.1))
                tof = tof_s_per_km * float(np.hypot(*(aim - bat)))
                t_land = t_impact + float(rng.uniform(-1.5, 1.5))
                level = config.source_level_db + 6.0 + rng.normal(0.0, 3.0)
                _round(sources, t_land - tof, bat, aim, tof_s_per_km, level, side)
                fired_from.append(bat)
        else:
            _mission(rng, config, sources, float(start), side, battery, target, salvo=volleys)
        if volleys and rng.random() < 0.5:
            # counter-battery fire on the launch positions, minutes later
            for bat in fired_from[:2]:
                answer = batteries[other][int(np.argmin(np.hypot(*(batteries[other] - bat).T)))]
                delay = float(rng.uniform(120.0, 420.0))
                aim = bat + rng.normal(0.0, 0.15, 2)
                _mission(rng, config, sources, float(start) + delay, other, answer, aim, salvo=True)
    return [s for s in sources if 0.0 <= s.time_s < duration]


# ---------------------------------------------------------------- propagation


def _sound_speed_m_per_s(time_s: np.ndarray, diurnal: bool) -> np.ndarray:
    if not diurnal:
        temp_c = np.full_like(time_s, 10.0)
    else:
        local_h = (time_s / 3600.0 + LOCAL_UTC_OFFSET_H) % 24.0
        temp_c = 10.0 + 8.0 * np.cos(2.0 * math.pi * (local_h - 15.0) / 24.0)
    return 331.3 * np.sqrt(1.0 + temp_c / 273.15)


def _is_night(time_s: np.ndarray) -> np.ndarray:
    local_h = (time_s / 3600.0 + LOCAL_UTC_OFFSET_H) % 24.0
    return (local_h < 6.0) | (local_h >= 19.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Arrival:
    station: int
    time_s: float
    event: int
    snr_db: float
    phase: str = "direct"  # direct, multipath, strato, thermo, clutter (sim3_picks.csv)
    late_s: float = 0.0


def _arrivals(rng: np.random.Generator, config: Config, sources: list[Source], st_u: np.ndarray,
              st_v: np.ndarray, st_lat: np.ndarray, st_lon: np.ndarray, ridges: list[Ridge]) -> list[Arrival]:
    fx = config.effects
    t0 = np.array([s.time_s for s in sources])
    su = np.array([s.u_km for s in sources])
    sv = np.array([s.v_km for s in sources])
    level = np.array([s.level_db for s in sources])
    heavy = np.array([s.heavy for s in sources])
    s_lat, s_lon = _to_lat_lon(su, sv)
    c = _sound_speed_m_per_s(t0, fx.diurnal)
    night = _is_night(t0) if fx.diurnal else np.zeros(len(sources), dtype=bool)
    loss_per_km = np.where(night, 0.10, 0.35) if fx.diurnal else np.full(len(sources), 0.25)
    wind_to = math.radians(70.0)  # 4 m/s from 250 deg blows towards 70 deg
    wind_e, wind_n = 4.0 * math.sin(wind_to), 4.0 * math.cos(wind_to)
    strato_skip_km = float(rng.uniform(120.0, 150.0))
    strato_downwind = math.radians(160.0)
    noise_db = rng.normal(0.0, 2.0, len(st_u))
    out: list[Arrival] = []
    for k in range(len(st_u)):
        r = _distance_km(s_lat, s_lon, st_lat[k], st_lon[k])
        r_safe = np.maximum(r, 0.05)
        d_north = (st_lat[k] - s_lat) * KM_PER_DEG
        d_east = (st_lon[k] - s_lon) * KM_PER_DEG * math.cos(math.radians(CENTRE_LAT))
        along = (d_east * wind_e + d_north * wind_n) / r_safe
        celerity = c + along
        if fx.diurnal:
            celerity = np.where(night, celerity * 0.99, celerity)
        tt = r * 1000.0 / celerity + rng.normal(0.0, 1.0, len(r)) * 0.04 * np.sqrt(r_safe)
        received = level - 20.0 * np.log10(r_safe) - loss_per_km * r + rng.normal(0.0, 4.0, len(r))
        if fx.terrain:
            received -= _barrier_loss_db(ridges, su, sv, float(st_u[k]), float(st_v[k]))
        snr = received - noise_db[k]
        heard = snr > DETECTION_THRESHOLD_DB
        for i in np.nonzero(heard)[0]:
            times = [t0[i] + tt[i]]
            if fx.phases and r[i] > 8.0:
                p_multi = min(0.5, r[i] / 60.0)
                extra = int(rng.random() < p_multi) + int(rng.random() < 0.3 * p_multi)
                for _ in range(extra):
                    times.append(times[0] + float(rng.uniform(DEAD_TIME_S, max(1.0, 0.08 * r[i]))))
                if extra and rng.random() < min(0.4, 0.15 * r[i] / 30.0):
                    times = times[1:]  # the first, weak arrival is not picked
            first = t0[i] + tt[i]
            for t in times:
                out.append(Arrival(station=k, time_s=float(t + rng.normal(0.0, 0.05)), event=int(i),
                                   snr_db=float(snr[i]), phase="direct" if t == first else "multipath"))
        if fx.phases:
            bearing = np.arctan2(d_east, d_north)
            downwind = np.cos(bearing - strato_downwind) > math.cos(math.radians(50.0))
            far = heavy & downwind & (r >= strato_skip_km) & (r <= 280.0)
            for i in np.nonzero(far)[0]:
                if rng.random() < 0.6:
                    t = t0[i] + r[i] / float(rng.uniform(0.29, 0.31)) + rng.normal(0.0, 1.0)
                    out.append(Arrival(station=k, time_s=float(t), event=int(i), snr_db=float(rng.uniform(1.0, 6.0)),
                                       phase="strato"))
                if r[i] >= 140.0 and rng.random() < 0.25:
                    t = t0[i] + r[i] / float(rng.uniform(0.23, 0.26)) + rng.normal(0.0, 2.0)
                    out.append(Arrival(station=k, time_s=float(t), event=int(i), snr_db=float(rng.uniform(0.5, 4.0)),
                                       phase="thermo"))
    return out


def _picked(rng: np.random.Generator, config: Config, arrivals: list[Arrival], n_stations: int,
            st_lat: np.ndarray, st_lon: np.ndarray, sources: list[Source]) -> list[Arrival]:
    """Clutter, emergent onsets, the picker's dead time; returns one arrival per pick (before clocks)."""
    duration = config.hours * 3600.0
    for k in range(n_stations):
        n = int(rng.poisson(config.clutter_per_station_hour * config.hours))
        for t in np.sort(rng.uniform(0.0, duration, n)):
            arrivals.append(Arrival(station=k, time_s=float(t), event=-1, snr_db=float(rng.uniform(0.0, 8.0)),
                                    phase="clutter"))
    if config.effects.picks:
        s_lat, s_lon = _to_lat_lon(np.array([s.u_km for s in sources]), np.array([s.v_km for s in sources]))
        late = []
        for a in arrivals:
            if a.event < 0:
                late.append(a)
                continue
            r = float(_distance_km(s_lat[a.event], s_lon[a.event], st_lat[a.station], st_lon[a.station]))
            if rng.random() < 0.08 + 0.22 * min(1.0, r / 50.0):
                delay = 0.3 + float(rng.exponential(1.5))
                a = replace(a, time_s=a.time_s + delay, late_s=delay)
            late.append(a)
        arrivals = late
    arrivals.sort(key=lambda a: (a.station, a.time_s, a.event))
    kept: list[Arrival] = []
    for a in arrivals:
        if kept and kept[-1].station == a.station and a.time_s - kept[-1].time_s < DEAD_TIME_S:
            continue
        kept.append(a)
    return kept


# ---------------------------------------------------------------- output


def _fmt(x: float, digits: int) -> str:
    return f"{x:.{digits}f}"


def generate(out_dir: Path, config: Config) -> dict[str, object]:
    """Write one scenario into ``out_dir``; return a summary (counts)."""
    rng = np.random.default_rng(config.seed)
    fx = config.effects
    front = _front(config)
    ridges = _ridges(rng, config, front) if fx.terrain else []

    # stations: rows parallel to the front, jittered
    st_u_list, st_v_list = [], []
    spacing = config.front_km / config.stations_per_row
    for row in config.row_offsets_km:
        for j in range(config.stations_per_row):
            u = -config.front_km / 2.0 + (j + 0.5) * spacing + rng.uniform(-0.3, 0.3) * spacing
            st_u_list.append(u)
            st_v_list.append(float(front.offset(np.array([u]))[0]) + row + rng.uniform(-3.0, 3.0))
    st_u, st_v = np.array(st_u_list), np.array(st_v_list)
    st_lat, st_lon = _to_lat_lon(st_u, st_v)
    elev = 120.0 + 60.0 * np.sin(st_u / 23.0) * np.cos(st_v / 17.0) + rng.uniform(0.0, 30.0, len(st_u))
    for ridge in ridges:
        mu, mv = 0.5 * (ridge.u0 + ridge.u1), 0.5 * (ridge.v0 + ridge.v1)
        elev += ridge.height_m * np.exp(-0.5 * (np.hypot(st_u - mu, st_v - mv) / 8.0) ** 2)
    n_st = len(st_u)

    sources = _sources(rng, config, front)
    arrivals = _arrivals(rng, config, sources, st_u, st_v, st_lat, st_lon, ridges)
    picks = _picked(rng, config, arrivals, n_st, st_lat, st_lon, sources)

    # clocks and reporting: whole seconds, local time, duplicates
    floor_station = np.zeros(n_st, dtype=bool)
    offset_s = np.zeros(n_st)
    if fx.picks:
        floor_station[rng.choice(n_st, size=max(1, round(0.2 * n_st)), replace=False)] = True
        for k in rng.choice(n_st, size=int(rng.integers(1, 3)), replace=False):
            offset_s[k] = 3600.0 * float(rng.choice([2.0, 3.0]))
    rows: list[tuple[float, int, int, float, Arrival, bool]] = []
    for a in picks:
        reported = [a.time_s]
        if fx.picks and rng.random() < 0.03:
            reported.append(a.time_s + float(rng.uniform(0.0, 0.3)))
        for n, t in enumerate(reported):
            t = t + offset_s[a.station]
            if floor_station[a.station]:
                t = math.floor(t)
            rows.append((t, a.station, a.event, a.snr_db, a, n > 0))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))

    # truth: events heard at one station or more, numbered in time order
    stations_of: dict[int, set[int]] = {}
    for a in picks:
        if a.event >= 0:
            stations_of.setdefault(a.event, set()).add(a.station)
    heard = sorted(stations_of, key=lambda i: (sources[i].time_s, i))
    new_id = {old: new for new, old in enumerate(heard)}
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [f"M{k:02d}" for k in range(n_st)]
    with open(out_dir / "stations.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["station_id", "lat", "lon", "elev_m", "kind"])
        for k in range(n_st):
            w.writerow([names[k], _fmt(st_lat[k], 6), _fmt(st_lon[k], 6), _fmt(elev[k], 1), "mic"])
    with (open(out_dir / "picks.csv", "w", newline="") as f, open(out_dir / "truth_picks.csv", "w", newline="") as g,
          open(out_dir / "sim3_picks.csv", "w", newline="") as h):
        w, wt, wp = (csv.writer(x, lineterminator="\n") for x in (f, g, h))
        w.writerow(["pick_id", "station_id", "time", "amplitude", "snr"])
        wt.writerow(["pick_id", "event_id"])
        wp.writerow(["pick_id", "phase", "late_s", "duplicate", "clock_offset_s", "whole_seconds"])
        for n, (t, k, ev, snr, a, dup) in enumerate(rows, start=1):
            w.writerow([n, names[k], _fmt(t, 3), f"{0.01 * 10.0 ** (snr / 20.0):.4g}", _fmt(snr, 1)])
            wt.writerow([n, new_id[ev] if ev >= 0 else -1])
            wp.writerow([n, a.phase, _fmt(a.late_s, 3), int(dup), _fmt(offset_s[k], 0), int(floor_station[k])])
    s_lat, s_lon = _to_lat_lon(np.array([s.u_km for s in sources]), np.array([s.v_km for s in sources]))
    sides = front.side(np.array([s.u_km for s in sources]), np.array([s.v_km for s in sources]))
    with open(out_dir / "truth_events.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "time", "lat", "lon", "side", "kind", "pair_id", "firing_party", "n_picks"])
        for i in heard:
            s = sources[i]
            w.writerow([new_id[i], _fmt(s.time_s, 3), _fmt(s_lat[i], 6), _fmt(s_lon[i], 6), sides[i], s.kind,
                        new_id.get(s.partner, -1), s.firing_side, len(stations_of[i])])
    _write_areas(out_dir / "areas.geojson", front, config)
    (out_dir / "reports.jsonl").write_text("")
    summary: dict[str, object] = {
        "seed": config.seed, "effects": {k: getattr(fx, k) for k in Effects.__slots__},
        "stations": n_st, "sources": len(sources), "true_events": len(heard),
        "locatable": sum(1 for i in heard if len(stations_of[i]) >= 4), "picks": len(rows),
        "clutter_picks": sum(1 for r in rows if r[2] < 0), "ridges": len(ridges),
    }
    (out_dir / "sim3.json").write_text(json.dumps(summary, sort_keys=True, indent=1) + "\n")
    return summary


def _write_areas(path: Path, front: Front, config: Config) -> None:
    u, v = front.u_km, front.v_km
    depth = 90.0

    def ring(sign: float) -> list[list[float]]:
        lat_l, lon_l = _to_lat_lon(u, v)
        lat_f, lon_f = _to_lat_lon(u[::-1], v[::-1] + sign * depth)
        pts = [[round(float(lo), 6), round(float(la), 6)] for la, lo in zip(lat_l, lon_l)]
        pts += [[round(float(lo), 6), round(float(la), 6)] for la, lo in zip(lat_f, lon_f)]
        if sign > 0:
            pts = pts[::-1]  # keep both rings counter-clockwise
        return pts + [pts[0]]

    line_lat, line_lon = _to_lat_lon(u, v)
    features = [
        {"type": "Feature", "properties": {"party": WEST},
         "geometry": {"type": "Polygon", "coordinates": [ring(-1.0)]}},
        {"type": "Feature", "properties": {"party": EAST},
         "geometry": {"type": "Polygon", "coordinates": [ring(1.0)]}},
        {"type": "Feature", "properties": {"role": "line"},
         "geometry": {"type": "LineString",
                      "coordinates": [[round(float(lo), 6), round(float(la), 6)] for la, lo in zip(line_lat, line_lon)]}},
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="foreign_sim3.py",
        description="Third stand-in simulator (sim21): writes a truceline scenario (stations.csv, picks.csv, "
                    "areas.geojson, reports.jsonl, truth_events.csv, truth_picks.csv, sim3_picks.csv, sim3.json) with effects "
                    "neither of the other simulators may have. See the module docstring for the physics and "
                    "references.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="scenario folder to write")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="calm",
                        help="effects to turn on: one each, 'all' for every one, 'calm' for none")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hours", type=float, default=24.0, help="scenario length")
    parser.add_argument("--front-km", type=float, default=160.0, help="monitored stretch of the front")
    parser.add_argument("--stations-per-row", type=int, default=10, help="stations in each of the 4 rows")
    parser.add_argument("--missions-per-hour", type=float, default=5.0, help="fire missions, both sides")
    for name in Effects.__slots__:
        parser.add_argument(f"--{name.replace('_', '-')}", action="store_true", help=f"also turn on '{name}'")
    args = parser.parse_args(argv)
    effects = replace(PRESETS[args.preset], **{n: True for n in Effects.__slots__ if getattr(args, n)})
    config = Config(seed=args.seed, hours=args.hours, front_km=args.front_km, stations_per_row=args.stations_per_row,
                    missions_per_hour=args.missions_per_hour, effects=effects)
    summary = generate(args.out, config)
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
