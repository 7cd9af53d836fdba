"""Unlocated launches: what the picks the association left over say about where an impact was fired from.

An impact whose launch was not located (fewer than ``min_stations`` heard the launch) tells its
direction only through the line: fire into a party's area probably came from across it. But the
one to three stations that did hear such a launch left picks that no located event explains. They
are acoustic evidence of where the launch was, weighed here as a Bayes factor

    BF = P(unassociated picks | fired from across the line) / P(unassociated picks | fired from the impact's own side)

Under each hypothesis the launch position ``L`` is spread uniformly (deterministic quasi-random
points) over the part of each weapon class's range annulus around the impact that lies in that
side's area, the launch time is ``T0 = T - tof`` with the time of flight uniform in the class's
envelope at ``|L - X|`` (:mod:`truceline.attribute.physics`), and the launch level follows the
class's launch levels learned from the run (:class:`truceline.attribute.acoustics.LevelModel`).
A station at distance ``d`` detects that launch with probability ``q`` (its noise, from its picks'
``amplitude / snr``; the run's detection threshold; spherical spreading and the fitted excess
attenuation; a 5 dB spread for geometry and source directivity) and, if it does, picks it at
``T0 + d / c`` (timing spread: pick error and a 2 % celerity error). A station's picks that no
located event explains are otherwise background, at the run's rate ``λ`` of such picks per
station and second. So each station contributes the likelihood ratio against "background only":

- no unassociated pick near the predicted time: ``1 - q`` (a loud launch there would have been heard);
- picks at times ``t_j`` (back-azimuths ``β_j`` at arrays): ``1 - q + q Σ_j N(t_j; T0 + d/c, σ) r_j / λ``, with
  ``r_j = 360 N(β_j; bearing to L, σ_β)`` (1 without a back-azimuth).

The stations' product is averaged over times of flight, positions, levels and classes (the classes
weighted by what the impact's own level says of its class); a share of launches that make no sound
(drone-dropped munitions) has likelihood 1 under both hypotheses. Picks that fit the impact
itself at their station are not counted. Everything else — the prior that fire into an area came
from across the line — stays with the caller: the factor only updates it.

Without source levels, a level model or pick SNRs there is no detection model and the factor is 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray
from scipy.special import ndtr

from truceline.attribute.acoustics import REFERENCE_PRESSURE_PA, LevelModel, SourceLevels, impact_class_weights
from truceline.attribute.physics import ENVELOPES, time_of_flight_bounds_s

FloatArray = NDArray[np.float64]
EARTH_RADIUS_M = 6_371_000.0
#: Standard effective sound speed (m/s) used to predict launch arrivals; its error is in the timing spread.
CELERITY_M_PER_S = 343.0


@dataclass(frozen=True, slots=True, kw_only=True)
class LeftoverPicks:
    """The stations (with their noise) and the picks no located event explains, sorted by time."""

    station_lat: FloatArray
    station_lon: FloatArray
    station_noise_db: FloatArray  # dB re 20 µPa
    time_s: FloatArray
    station: NDArray[np.intp]
    backazimuth_deg: FloatArray  # NaN without
    backazimuth_sigma_deg: FloatArray
    rate_per_station_s: float  # background rate of such picks


@dataclass(frozen=True, slots=True, kw_only=True)
class UnheardConfig:
    samples: int = 256  # launch positions per class and side
    celerity_m_per_s: float = CELERITY_M_PER_S
    celerity_error: float = 0.02  # relative travel-time error (wind, temperature)
    pick_sigma_s: float = 0.5
    detection_spread_db: float = 5.0
    backazimuth_floor_deg: float = 2.0  # added in quadrature to a pick's stated back-azimuth error
    reach_m: float = 80_000.0  # stations farther than this from the impact are ignored
    flight_step_s: float = 1.0
    silent_launch_share: float = 0.1
    max_log_factor: float = 6.9  # bound on |ln BF| (1000: the model's errors — celerity, clustered clutter, other unlocated fire)


def leftover_picks(picks: pa.Table | None, stations: pa.Table | None, assignments: pa.Table | None) -> LeftoverPicks | None:
    """The unassociated picks and every station's noise level, or None when amplitudes or SNRs are missing."""
    if picks is None or stations is None or assignments is None or not picks.num_rows:
        return None
    if "amplitude" not in picks.column_names or "snr" not in picks.column_names:
        return None
    station_ids = [str(s) for s in stations["station_id"].to_pylist()]
    index = {s: k for k, s in enumerate(station_ids)}
    s_lat = np.asarray(stations["lat"].to_pylist(), dtype=np.float64)
    s_lon = np.asarray(stations["lon"].to_pylist(), dtype=np.float64)

    def column(name: str) -> FloatArray:
        if name not in picks.column_names:
            return np.full(picks.num_rows, np.nan)
        return np.asarray([np.nan if v is None else float(v) for v in picks[name].to_pylist()], dtype=np.float64)

    amplitude, snr = column("amplitude"), column("snr")
    station = np.asarray([index.get(str(s), -1) for s in picks["station_id"].to_pylist()], dtype=np.intp)
    time_s = np.asarray(picks["time"].to_pylist(), dtype=np.float64)
    valid = (station >= 0) & np.isfinite(amplitude) & (amplitude > 0) & np.isfinite(snr) & (snr > 0)
    if valid.sum() < 20:
        return None
    noise_db = 20.0 * np.log10(amplitude[valid] / snr[valid] / REFERENCE_PRESSURE_PA)
    noise = np.full(len(station_ids), np.nan)
    order = np.argsort(station[valid], kind="stable")
    bounds = np.flatnonzero(np.diff(station[valid][order])) + 1
    for members in np.split(order, bounds):
        noise[int(station[valid][members[0]])] = float(np.median(noise_db[members]))
    noise = np.where(np.isfinite(noise), noise, float(np.nanmedian(noise)))
    used = {str(p) for p in assignments["pick_id"].to_pylist()}
    left = np.asarray([str(p) not in used for p in picks["pick_id"].to_pylist()]) & (station >= 0)
    span = float(time_s.max() - time_s.min()) if time_s.size > 1 else 0.0
    rate = max(float(left.sum()), 1.0) / (len(station_ids) * max(span, 3600.0))
    keep = np.flatnonzero(left)
    keep = keep[np.argsort(time_s[keep], kind="stable")]
    return LeftoverPicks(station_lat=s_lat, station_lon=s_lon, station_noise_db=noise, time_s=time_s[keep], station=station[keep],
                         backazimuth_deg=column("backazimuth_deg")[keep], backazimuth_sigma_deg=column("backazimuth_sigma_deg")[keep],
                         rate_per_station_s=rate)


class _Tangent:
    """East/north metres around a point (equirectangular; within 100 km its distances err by well under 1 %)."""

    def __init__(self, lat0_deg: float, lon0_deg: float) -> None:
        self.lat0, self.lon0 = lat0_deg, lon0_deg
        self.east_m_per_deg = np.radians(1.0) * EARTH_RADIUS_M * np.cos(np.radians(lat0_deg))
        self.north_m_per_deg = np.radians(1.0) * EARTH_RADIUS_M

    def to_xy(self, lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
        return (np.asarray(lon) - self.lon0) * self.east_m_per_deg, (np.asarray(lat) - self.lat0) * self.north_m_per_deg

    def to_latlon(self, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
        return self.lat0 + np.asarray(y) / self.north_m_per_deg, self.lon0 + np.asarray(x) / self.east_m_per_deg


def _halton(n: int, base: int) -> FloatArray:
    """The first ``n`` points (from 1) of the van der Corput sequence in ``base``: deterministic, evenly spread."""
    out = np.zeros(n)
    for k in range(n):
        f, i, value = 1.0, k + 1, 0.0
        while i > 0:
            f /= base
            value += f * (i % base)
            i //= base
        out[k] = value
    return out


def launch_side_log_factor(
    impact_lat: float, impact_lon: float, impact_time_s: float, own_party: str, level_db: float, level_sigma_db: float,
    party_at: Callable[[FloatArray, FloatArray], NDArray[np.str_]], leftovers: LeftoverPicks, levels: SourceLevels,
    model: LevelModel, config: UnheardConfig | None = None,
) -> float:
    """``ln BF`` (fired from across the line : from ``own_party``'s side) of one impact from the leftover picks (0: no evidence)."""
    config = config or UnheardConfig()
    threshold = levels.detection_snr_db
    if not np.isfinite(threshold) or not own_party:
        return 0.0
    weights, any_weapon = impact_class_weights(model, level_db, level_sigma_db, silent_launch_share=0.0)
    if np.isfinite(model.weight.sum()) and model.weight.sum() > 0:
        weights = weights + any_weapon * model.weight / model.weight.sum()
    frame = _Tangent(impact_lat, impact_lon)
    sx, sy = frame.to_xy(leftovers.station_lat, leftovers.station_lon)
    near = np.flatnonzero(np.hypot(sx, sy) <= config.reach_m)
    if not near.size:
        return 0.0
    sx, sy, noise = sx[near], sy[near], leftovers.station_noise_db[near]
    local_of = np.full(leftovers.station_lat.size, -1, dtype=np.intp)
    local_of[near] = np.arange(near.size)
    # Leftover picks in the time a launch could have been heard, at stations in reach, not fitting the impact itself.
    max_flight = max(float(time_of_flight_bounds_s(e, np.array([e.max_range_m]))[1][0]) for e in ENVELOPES)
    lo = np.searchsorted(leftovers.time_s, impact_time_s - max_flight - 5.0, side="left")
    hi = np.searchsorted(leftovers.time_s, impact_time_s + (config.reach_m + 45_000.0) / config.celerity_m_per_s, side="right")
    cand = np.arange(lo, hi)
    cand = cand[local_of[leftovers.station[cand]] >= 0]
    pick_station = local_of[leftovers.station[cand]]
    own_travel = np.hypot(sx[pick_station], sy[pick_station]) / config.celerity_m_per_s
    own_sigma = np.hypot(config.pick_sigma_s, config.celerity_error * own_travel)
    cand = cand[np.abs(leftovers.time_s[cand] - impact_time_s - own_travel) > 3.0 * own_sigma]
    pick_station = local_of[leftovers.station[cand]]
    pick_time = leftovers.time_s[cand] - impact_time_s  # relative to the impact
    pick_baz = leftovers.backazimuth_deg[cand]
    pick_baz_sigma = np.hypot(np.nan_to_num(leftovers.backazimuth_sigma_deg[cand], nan=5.0), config.backazimuth_floor_deg)
    pick_stations = np.unique(pick_station)

    u, v = _halton(config.samples, 2), _halton(config.samples, 3)
    z = np.array([-1.5, -0.5, 0.5, 1.5])
    z_weight = np.exp(-0.5 * z * z)
    z_weight /= z_weight.sum()
    flights = np.arange(0.0, max_flight + config.flight_step_s, config.flight_step_s)
    evidence = {"across": [0.0, 0.0], "own": [0.0, 0.0]}  # side -> [sum of w_k E_k, sum of w_k]
    for k, envelope in enumerate(ENVELOPES):
        if k >= weights.size or weights[k] <= 0.0 or not model.has_class[k]:
            continue
        radius = np.sqrt(u * (envelope.max_range_m**2 - envelope.min_range_m**2) + envelope.min_range_m**2)
        angle = 2.0 * np.pi * v
        lx, ly = radius * np.sin(angle), radius * np.cos(angle)
        plat, plon = frame.to_latlon(lx, ly)
        party = np.asarray(party_at(plat, plon)).astype(str)
        low, high = time_of_flight_bounds_s(envelope, radius)
        in_window = (flights[None, :] >= low[:, None]) & (flights[None, :] <= high[:, None])  # (L, flight)
        window_size = np.maximum(in_window.sum(axis=1), 1)
        distance = np.hypot(lx[:, None] - sx[None, :], ly[:, None] - sy[None, :])  # (L, stations)
        distance_km = np.maximum(distance, 100.0) / 1000.0
        loss = 20.0 * np.log10(distance_km) + levels.attenuation_db_per_km * (distance_km - 1.0)
        level = model.launch_db[k] + np.hypot(model.sigma_db[k], 0.0) * z  # (Z,)
        q = ndtr((level[None, None, :] - loss[:, :, None] - noise[None, :, None] - threshold) / config.detection_spread_db)  # (L, S, Z)
        q = np.clip(q, 0.0, 1.0 - 1e-9)
        silent_log = np.log1p(-q)
        log_quiet = silent_log.sum(axis=1) - silent_log[:, pick_stations, :].sum(axis=1)  # stations without leftover picks
        product = np.ones((radius.size, flights.size, z.size))
        for s in pick_stations:
            mine = pick_station == s
            travel = distance[:, s] / config.celerity_m_per_s
            sigma = np.hypot(config.pick_sigma_s, config.celerity_error * travel)  # (L,)
            # predicted arrival relative to the impact: -flight + travel
            offset = pick_time[mine][None, None, :] - (-flights[None, :, None] + travel[:, None, None])  # (L, F, P)
            density = np.exp(-0.5 * (offset / sigma[:, None, None]) ** 2) / (sigma[:, None, None] * np.sqrt(2.0 * np.pi))
            bearing = np.degrees(np.arctan2(lx - sx[s], ly - sy[s]))  # station -> launch
            ratio = np.ones((radius.size, int(mine.sum())))
            has_baz = np.isfinite(pick_baz[mine])
            if has_baz.any():
                diff = (pick_baz[mine][None, has_baz] - bearing[:, None] + 180.0) % 360.0 - 180.0
                sb = pick_baz_sigma[mine][has_baz]
                ratio[:, has_baz] = 360.0 * np.exp(-0.5 * (diff / sb) ** 2) / (sb * np.sqrt(2.0 * np.pi))
            fit = (density * ratio[:, None, :]).sum(axis=2) / leftovers.rate_per_station_s  # (L, F)
            qs = q[:, s, :]  # (L, Z)
            product *= (1.0 - qs)[:, None, :] + qs[:, None, :] * fit[:, :, None]
        over_flights = (product * in_window[:, :, None]).sum(axis=1) / window_size[:, None]  # (L, Z)
        likelihood = np.exp(np.clip(log_quiet, -700.0, 0.0)) * over_flights  # (L, Z)
        per_position = likelihood @ z_weight  # (L,)
        for side_name, on_side in (("across", (party != own_party) & (party != "")), ("own", party == own_party)):
            if on_side.any():
                evidence[side_name][0] += float(weights[k]) * float(per_position[on_side].mean())
                evidence[side_name][1] += float(weights[k])
    if evidence["across"][1] <= 0.0 or evidence["own"][1] <= 0.0:
        return 0.0
    silent = config.silent_launch_share
    across = silent + (1.0 - silent) * evidence["across"][0] / evidence["across"][1]
    own = silent + (1.0 - silent) * evidence["own"][0] / evidence["own"][1]
    return float(np.clip(np.log(max(across, 1e-300)) - np.log(max(own, 1e-300)), -config.max_log_factor, config.max_log_factor))
