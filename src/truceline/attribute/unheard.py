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

The same model serves any unpaired event in either role (:func:`partner_evidence`): as an impact its partner is a
launch before it (launch levels, picks at ``T - tof + d/c``); as a launch its partner is an impact after it (impact
levels, picks at ``T + tof + d/c``). :class:`PartnerEvidence` gives the direction factor for either role and a role
factor (impact : launch) that divides each role's likelihood by the model's probability that the partner went
unlocated, since the caller's level odds already hold that the partner was not located.

Cost: the timing density is evaluated only at the flight bins within 5 sigma of a pick, and only at the partner
positions from which the pick's station could have heard it (detection probability above ``min_detection``).

Without source levels, a level model or pick SNRs there is no detection model and the factor is 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray
from scipy.special import ndtr
from scipy.stats import qmc

from truceline.attribute.acoustics import REFERENCE_PRESSURE_PA, LevelModel, SourceLevels, impact_class_weights, path_loss_db
from truceline.attribute.physics import EARTH_RADIUS_M, ENVELOPES, distance_m, time_of_flight_bounds_s

FloatArray = NDArray[np.float64]
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
    min_detection: float = 1e-5  # picks at stations whose detection probability never exceeds this are not weighed
    silent_launch_share: float = 0.1
    partner_elsewhere: float = 0.05  # an unpaired launch's impact unlocated for reasons sound cannot see (outside the network, a dud)
    update_roles: bool = False  # let the leftover picks' evidence move an unpaired event's launch/impact role
    launch_direction: bool = True  # weigh the leftover picks for the impact of an unpaired launch (across the line or not)
    rate_window_s: float = 0.0  # half-width of the window in which the local background rate of leftover picks is counted (0: the run's)
    max_log_factor: float = 6.9  # bound on |ln BF| (1000: the model's errors — celerity, clustered clutter, other unlocated fire)
    neighbour_radius_m: float = 1500.0  # an unlocated neighbour of the event (another round of its mission) lies within this ...
    neighbour_window_s: float = 180.0  # ... and fired or landed within this many seconds of it
    neighbour_samples: int = 64  # positions in that disc


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


def neighbour_share(time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: UnheardConfig | None = None) -> float:
    """The share of located events with another located event within ``neighbour_radius_m`` and ``neighbour_window_s``
    (other rounds of a fire mission, other guns of a battery): the run's prior that an event has a neighbour at its place
    and minutes, used as the prior that an unlocated one left the leftover picks near an unpaired event."""
    config = config or UnheardConfig()
    time_s, lat, lon = (np.asarray(a, dtype=np.float64) for a in (time_s, lat, lon))
    if time_s.size < 2:
        return 0.0
    order = np.argsort(time_s, kind="stable")
    t, la, lo = time_s[order], lat[order], lon[order]
    has = np.zeros(t.size, dtype=bool)
    stop = np.searchsorted(t, t + config.neighbour_window_s, side="right")
    for i in range(t.size):
        j = np.arange(i + 1, stop[i])
        if not j.size:
            continue
        close = distance_m(np.full(j.size, la[i]), np.full(j.size, lo[i]), la[j], lo[j]) <= config.neighbour_radius_m
        if close.any():
            has[i] = True
            has[j[close]] = True
    return float(has.mean())


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


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerEvidence:
    """What the leftover picks say about the unlocated partner of an unpaired event, relative to "background only".

    Rows are the event's role (0: the event is an impact, its partner a launch before it; 1: the event is a launch, its
    partner an impact after it), columns the partner's side (0: across the line from the event's own side, 1: own
    side). ``likelihood`` is P(leftover picks | role, side) / P(picks | background) averaged over the partner's position,
    time of flight, level and class; ``unlocated`` is the probability, under the same model, that fewer than
    ``min_stations`` stations heard the partner (so that it was not located). NaN where a side has no sample.
    """

    likelihood: FloatArray  # (2, 2)
    unlocated: FloatArray  # (2, 2)
    quiet: FloatArray = field(default_factory=lambda: np.full((2, 2), np.nan))  # (2, 2): P(no station heard the partner)
    neighbour: FloatArray = field(default_factory=lambda: np.full(2, np.nan))  # (2,): P(picks | an unlocated neighbour) / P(background)
    neighbour_share: float = 0.0  # prior probability that the event has such a neighbour

    @staticmethod
    def none() -> PartnerEvidence:
        return PartnerEvidence(likelihood=np.full((2, 2), np.nan), unlocated=np.full((2, 2), np.nan))

    def side_likelihoods(self, role: int, floor: float) -> tuple[float, float]:
        """P(leftover picks | partner across the line), P(… | on the event's own side), relative to background, for the
        event in ``role``: the partner's picks (silent with probability ``floor``) or, with probability ``neighbour_share``,
        picks of an unlocated neighbour of the event (another round of its mission at its place and minutes) while the
        partner was not heard at all. A coherent pattern of leftover picks that such a neighbour explains says no more
        than the silence of the partner on each side."""
        rho = self.neighbour_share if np.isfinite(self.neighbour[role]) else 0.0
        neighbour = float(self.neighbour[role]) if rho > 0.0 else 0.0
        out = []
        for side in (0, 1):
            like, quiet = float(self.likelihood[role, side]), float(self.quiet[role, side])
            if rho > 0.0 and not np.isfinite(quiet):
                quiet = 1.0
            heard = (1.0 - rho) * like + rho * neighbour * quiet if rho > 0.0 else like
            silent = (1.0 - rho) + rho * neighbour if rho > 0.0 else 1.0
            out.append(floor * silent + (1.0 - floor) * heard)
        return out[0], out[1]

    def direction_log_factor(self, role: int, floor: float, bound: float) -> float:
        """``ln BF`` (partner across the line : on the event's own side) for the event in ``role``; ``floor`` is the share
        of partners whose sound carries no evidence (silent launches, partners outside the network). 0 without evidence."""
        across, own = self.likelihood[role]
        if not (np.isfinite(across) and np.isfinite(own)):
            return 0.0
        a, o = self.side_likelihoods(role, floor)
        return float(np.clip(np.log(max(a, 1e-300)) - np.log(max(o, 1e-300)), -bound, bound))

    def role_log_factor(self, p_across: float, impact_floor: float, launch_floor: float, bound: float) -> float:
        """``ln BF`` (the event is an impact : a launch) given that its partner was not located: under each role the
        leftover picks' likelihood, mixed over the partner's side (across the line with probability ``p_across``) and
        over the share ``*_floor`` whose partner carries no evidence, divided by the probability that the partner went
        unlocated under that role (that part of the evidence is the caller's: its level odds already hold it)."""
        values = []
        for role, floor in ((0, impact_floor), (1, launch_floor)):
            like, unloc = self.likelihood[role], self.unlocated[role]
            if not (np.all(np.isfinite(like)) and np.all(np.isfinite(unloc))):
                return 0.0
            mix_like = p_across * like[0] + (1.0 - p_across) * like[1]
            mix_unloc = p_across * unloc[0] + (1.0 - p_across) * unloc[1]
            values.append(np.log(max(floor + (1.0 - floor) * mix_like, 1e-300)) - np.log(max(floor + (1.0 - floor) * mix_unloc, 1e-300)))
        return float(np.clip(values[0] - values[1], -bound, bound))


def _class_weights(model: LevelModel, level_db: float, level_sigma_db: float, role: int) -> FloatArray:
    """Class probabilities of an event in ``role`` (0 impact, 1 launch) from its level; "any weapon" spread as the run's classes."""
    if role == 0:
        weights, any_weapon = impact_class_weights(model, level_db, level_sigma_db, silent_launch_share=0.0)
    elif not np.isfinite(level_db):
        weights, any_weapon = np.zeros(model.has_class.size), 1.0
    else:
        classes = np.flatnonzero(model.has_class)
        weights = np.zeros(model.has_class.size)
        spread = np.hypot(model.sigma_db[classes], level_sigma_db)
        weights[classes] = model.weight[classes] * np.exp(-0.5 * ((level_db - model.launch_db[classes]) / spread) ** 2) / (spread * np.sqrt(2 * np.pi))
        any_weapon = model.unmodelled_share * float(model.density_any(np.array([level_db]))[0])
        total = float(weights.sum()) + any_weapon
        weights, any_weapon = (weights / total, any_weapon / total) if total > 0.0 else (np.zeros(model.has_class.size), 1.0)
    if np.isfinite(model.weight.sum()) and model.weight.sum() > 0:
        weights = weights + any_weapon * model.weight / model.weight.sum()
    return np.asarray(weights, dtype=np.float64)


def _unlocated_probability(q: FloatArray, min_stations: int) -> FloatArray:
    """P(fewer than ``min_stations`` of the stations detect), stations along axis 1 of ``q`` (Poisson-binomial)."""
    shape = (q.shape[0],) + q.shape[2:]
    distribution = np.zeros(shape + (min_stations + 1,))
    distribution[..., 0] = 1.0
    for s in np.flatnonzero((q > 1e-5).any(axis=tuple(a for a in range(q.ndim) if a != 1))):
        p = q[:, s][..., None]
        capped = distribution[..., min_stations].copy()
        distribution[..., 1:] = distribution[..., 1:] * (1.0 - p) + distribution[..., :-1] * p
        distribution[..., 0] *= 1.0 - p[..., 0]
        distribution[..., min_stations] += capped * p[..., 0]
    return np.asarray(np.clip(distribution[..., :min_stations].sum(axis=-1), 0.0, 1.0))


def partner_evidence(
    event_lat: float, event_lon: float, event_time_s: float, own_party: str, level_db: float, level_sigma_db: float,
    party_at: Callable[[FloatArray, FloatArray], NDArray[np.str_]], leftovers: LeftoverPicks, levels: SourceLevels,
    model: LevelModel, config: UnheardConfig | None = None, *, roles: tuple[int, ...] = (0, 1), min_stations: int = 4,
    neighbour_share: float = 0.0,
) -> PartnerEvidence:
    """The leftover picks' evidence on the unlocated partner of one unpaired event, for each role in ``roles``."""
    config = config or UnheardConfig()
    out = PartnerEvidence.none()
    threshold = levels.detection_snr_db
    if not np.isfinite(threshold) or not own_party:
        return out
    frame = _Tangent(event_lat, event_lon)
    sx, sy = frame.to_xy(leftovers.station_lat, leftovers.station_lon)
    near = np.flatnonzero(np.hypot(sx, sy) <= config.reach_m)
    if not near.size:
        return out
    sx, sy, noise = sx[near], sy[near], leftovers.station_noise_db[near]
    local_of = np.full(leftovers.station_lat.size, -1, dtype=np.intp)
    local_of[near] = np.arange(near.size)
    max_flight = max(float(time_of_flight_bounds_s(e, np.array([e.max_range_m]))[1][0]) for e in ENVELOPES)
    late = (config.reach_m + 45_000.0) / config.celerity_m_per_s
    u, v = qmc.Halton(d=2, scramble=False).random(config.samples + 1)[1:].T  # evenly spread, deterministic; 0 skipped
    z = np.array([-1.5, -0.5, 0.5, 1.5])
    z_weight = np.exp(-0.5 * z * z)
    z_weight /= z_weight.sum()
    flights = np.arange(0.0, max_flight + config.flight_step_s, config.flight_step_s)
    # Picks per role: in the time the partner could have been heard, at stations in reach, not fitting the event itself.
    picks: dict[int, tuple[FloatArray, NDArray[np.intp], FloatArray, FloatArray]] = {}
    for role in roles:
        start, stop = (-max_flight - 5.0, late) if role == 0 else (-5.0, max_flight + late)
        lo = np.searchsorted(leftovers.time_s, event_time_s + start, side="left")
        hi = np.searchsorted(leftovers.time_s, event_time_s + stop, side="right")
        cand = np.arange(lo, hi)
        cand = cand[local_of[leftovers.station[cand]] >= 0]
        station = local_of[leftovers.station[cand]]
        own_travel = np.hypot(sx[station], sy[station]) / config.celerity_m_per_s
        own_sigma = np.hypot(config.pick_sigma_s, config.celerity_error * own_travel)
        cand = cand[np.abs(leftovers.time_s[cand] - event_time_s - own_travel) > 3.0 * own_sigma]
        baz_sigma = np.hypot(np.nan_to_num(leftovers.backazimuth_sigma_deg[cand], nan=5.0), config.backazimuth_floor_deg)
        picks[role] = (leftovers.time_s[cand] - event_time_s, local_of[leftovers.station[cand]], leftovers.backazimuth_deg[cand], baz_sigma)
    # Leftover picks cluster in time (busy fire missions, clutter): the background rate is the run's or, where higher,
    # that of the stations in reach in the surrounding minutes.
    lo = np.searchsorted(leftovers.time_s, event_time_s - config.rate_window_s, side="left")
    hi = np.searchsorted(leftovers.time_s, event_time_s + config.rate_window_s, side="right")
    local_count = int((local_of[leftovers.station[lo:hi]] >= 0).sum())
    rate = leftovers.rate_per_station_s
    if config.rate_window_s > 0.0:
        rate = max(rate, local_count / (near.size * 2.0 * config.rate_window_s))
    sums = np.zeros((2, 2, 4))  # role, side -> [sum of w_k E_k, sum of w_k U_k, sum of w_k, sum of w_k Q_k]
    neighbour_sums = np.zeros((2, 2))  # role -> [sum of w_k N_k, sum of w_k]
    weights = {role: _class_weights(model, level_db, level_sigma_db, role) for role in roles}
    # An unlocated neighbour of the event: a source at its place (a disc of ``neighbour_radius_m``) within
    # ``neighbour_window_s`` of it, in the event's own role (an impact's neighbours are impacts, a launch's are launches).
    nu, nv = qmc.Halton(d=2, scramble=False).random(config.neighbour_samples + 1)[1:].T
    n_radius = config.neighbour_radius_m * np.sqrt(nu)
    nx, ny = n_radius * np.sin(2.0 * np.pi * nv), n_radius * np.cos(2.0 * np.pi * nv)
    n_distance = np.hypot(nx[:, None] - sx[None, :], ny[:, None] - sy[None, :])
    n_offsets = np.arange(-config.neighbour_window_s, config.neighbour_window_s + config.flight_step_s, config.flight_step_s)
    for k, envelope in enumerate(ENVELOPES):
        if not model.has_class[k] or all(k >= weights[r].size or weights[r][k] <= 0.0 for r in roles):
            continue
        radius = np.sqrt(u * (envelope.max_range_m**2 - envelope.min_range_m**2) + envelope.min_range_m**2)
        angle = 2.0 * np.pi * v
        lx, ly = radius * np.sin(angle), radius * np.cos(angle)
        plat, plon = frame.to_latlon(lx, ly)
        party = np.asarray(party_at(plat, plon)).astype(str)
        sides = ((party != own_party) & (party != ""), party == own_party)
        low, high = time_of_flight_bounds_s(envelope, radius)
        class_flights = flights[(flights >= float(low.min()) - 1e-9) & (flights <= float(high.max()) + 1e-9)]
        if not class_flights.size:
            continue
        in_window = (class_flights[None, :] >= low[:, None]) & (class_flights[None, :] <= high[:, None])  # (L, F)
        distance = np.hypot(lx[:, None] - sx[None, :], ly[:, None] - sy[None, :])  # (L, S)
        for role in roles:
            w = float(weights[role][k]) if k < weights[role].size else 0.0
            if w <= 0.0:
                continue
            source = (model.launch_db[k] if role == 0 else model.impact_db[k]) + model.sigma_db[k] * z  # (Z,)
            per_position, q, log_quiet = _source_likelihood(distance, lx, ly, sx, sy, noise, threshold, source, levels.attenuation_db_per_km,
                                                            picks[role], class_flights, in_window, -1.0 if role == 0 else 1.0, rate, config)
            quiet = np.exp(log_quiet) @ z_weight  # (L,): no station heard the partner
            # Only the role factor (both roles asked for) needs the probability that the partner went unlocated.
            unlocated = _unlocated_probability(q, min_stations) @ z_weight if len(roles) == 2 else np.full(radius.size, np.nan)  # (L,)
            for side, on_side in enumerate(sides):
                if on_side.any():
                    sums[role, side] += (w * float((per_position @ z_weight)[on_side].mean()), w * float(unlocated[on_side].mean()), w,
                                         w * float(quiet[on_side].mean()))
            if config.neighbour_radius_m > 0.0 and neighbour_share > 0.0:
                source = (model.impact_db[k] if role == 0 else model.launch_db[k]) + model.sigma_db[k] * z
                neighbour, _, _ = _source_likelihood(n_distance, nx, ny, sx, sy, noise, threshold, source, levels.attenuation_db_per_km,
                                                     picks[role], n_offsets, np.ones((nx.size, n_offsets.size), dtype=bool), 1.0, rate,
                                                     config)
                neighbour_sums[role] += (w * float((neighbour @ z_weight).mean()), w)
    with np.errstate(invalid="ignore", divide="ignore"):
        likelihood = np.where(sums[:, :, 2] > 0.0, sums[:, :, 0] / sums[:, :, 2], np.nan)
        unlocated = np.where(sums[:, :, 2] > 0.0, sums[:, :, 1] / sums[:, :, 2], np.nan)
        quiet = np.where(sums[:, :, 2] > 0.0, sums[:, :, 3] / sums[:, :, 2], np.nan)
        neighbour = np.where(neighbour_sums[:, 1] > 0.0, neighbour_sums[:, 0] / neighbour_sums[:, 1], np.nan)
    return PartnerEvidence(likelihood=likelihood, unlocated=unlocated, quiet=quiet, neighbour=neighbour,
                           neighbour_share=float(neighbour_share) if np.isfinite(neighbour).any() else 0.0)


def _source_likelihood(distance: FloatArray, lx: FloatArray, ly: FloatArray, sx: FloatArray, sy: FloatArray, noise: FloatArray,
                       threshold: float, source_db: FloatArray, attenuation_db_per_km: float,
                       picks: tuple[FloatArray, NDArray[np.intp], FloatArray, FloatArray], offsets: FloatArray, in_window: NDArray[np.bool_],
                       sign: float, rate: float, config: UnheardConfig) -> tuple[FloatArray, FloatArray, FloatArray]:
    """P(picks | a source at each position (L) and level (Z)) / P(picks | background), averaged over the time offsets
    ``offsets`` allowed at each position (``in_window``, (L, F)); its picks arrive at ``sign * offset + travel`` after the
    event. Also the detection probabilities ``q`` (L, S, Z) and ``ln P(no station heard it)`` (L, Z)."""
    loss = path_loss_db(distance, attenuation_db_per_km)
    q = ndtr((source_db[None, None, :] - loss[:, :, None] - noise[None, :, None] - threshold) / config.detection_spread_db)  # (L, S, Z)
    q = np.clip(q, 0.0, 1.0 - 1e-9)
    log_quiet = np.log1p(-q).sum(axis=1)  # (L, Z)
    n_l, n_z = lx.size, source_db.size
    log_like = np.broadcast_to(log_quiet[:, None, :], (n_l, offsets.size, n_z)).copy()  # (L, F, Z)
    pick_time, pick_station, pick_baz, pick_baz_sigma = picks
    # Stations that could not have heard this source anywhere add nothing (ln(1 + q/(1-q) fit) ~ 0).
    audible = (q.max(axis=(0, 2)) > config.min_detection)[pick_station]
    if audible.any():
        log_like += _fitting_picks(pick_time[audible], pick_station[audible], pick_baz[audible], pick_baz_sigma[audible], distance, lx, ly,
                                   sx, sy, q, offsets, sign, rate, config)
    window_size = np.maximum(in_window.sum(axis=1), 1)
    top = np.max(np.where(in_window[:, :, None], log_like, -np.inf), axis=1, initial=-np.inf)  # (L, Z)
    top = np.where(np.isfinite(top), top, 0.0)
    over_offsets = (np.exp(log_like - top[:, None, :]) * in_window[:, :, None]).sum(axis=1) / window_size[:, None]
    return np.exp(np.clip(top, -700.0, 700.0)) * over_offsets, q, log_quiet


def _fitting_picks(pick_time: FloatArray, pick_station: NDArray[np.intp], pick_baz: FloatArray, pick_baz_sigma: FloatArray,
                   distance: FloatArray, lx: FloatArray, ly: FloatArray, sx: FloatArray, sy: FloatArray, q: FloatArray,
                   flights: FloatArray, sign: float, rate: float, config: UnheardConfig) -> FloatArray:
    """Σ over stations with picks of ``ln(1 - q + q fit) - ln(1 - q)`` per (position, flight, level): ``fit`` the picks'
    timing (and back-azimuth) density around the predicted arrival ``sign * flight + travel`` over the background rate.
    Only the flight bins within 5 σ of a pick are visited (the rest contribute nothing)."""
    n_l, n_f, n_z = q.shape[0], flights.size, q.shape[2]
    by_station = np.argsort(pick_station, kind="stable")  # the picks of one station together
    pick_time, pick_station, pick_baz, pick_baz_sigma = (pick_time[by_station], pick_station[by_station], pick_baz[by_station],
                                                         pick_baz_sigma[by_station])
    travel = distance[:, pick_station] / config.celerity_m_per_s  # (L, P)
    sigma = np.hypot(config.pick_sigma_s, config.celerity_error * travel)
    ratio = np.ones_like(travel)
    has_baz = np.isfinite(pick_baz)
    if has_baz.any():
        bearing = np.degrees(np.arctan2(lx[:, None] - sx[pick_station[has_baz]][None, :], ly[:, None] - sy[pick_station[has_baz]][None, :]))
        diff = (pick_baz[has_baz][None, :] - bearing + 180.0) % 360.0 - 180.0
        sb = pick_baz_sigma[has_baz][None, :]
        ratio[:, has_baz] = 360.0 * np.exp(-0.5 * (diff / sb) ** 2) / (sb * np.sqrt(2.0 * np.pi))
    # The flight at which a pick arrives on time: pick_time = sign * flight + travel; only bins within 5 sigma of it count.
    centre = (pick_time[None, :] - travel) / sign  # (L, P)
    step = float(flights[1] - flights[0]) if flights.size > 1 else 1.0
    first = np.maximum(np.ceil((centre - 5.0 * sigma - flights[0]) / step), 0).astype(np.int64)
    last = np.minimum(np.floor((centre + 5.0 * sigma - flights[0]) / step), n_f - 1).astype(np.int64)
    # Pairs (position, pick) that can count: the pick can arrive on time for some flight, and its station could have
    # heard a partner at that position (ln(1 + q/(1-q) fit) ~ 0 otherwise).
    audible = q.max(axis=2)[:, pick_station] > config.min_detection  # (L, P)
    pick_index, position_index = np.nonzero(((last >= first) & audible).T)  # pick-major: a station's entries stay together
    if not position_index.size:
        return np.zeros((n_l, n_f, n_z))
    first, count = first[position_index, pick_index], last[position_index, pick_index] - first[position_index, pick_index] + 1
    repeat = np.repeat(np.arange(position_index.size), count)
    bins_kept = first[repeat] + (np.arange(repeat.size) - np.repeat(np.cumsum(count) - count, count))
    position, pick = position_index[repeat], pick_index[repeat]
    c, sg = centre[position, pick], sigma[position, pick]
    value = np.exp(-0.5 * ((bins_kept * step + float(flights[0]) - c) / sg) ** 2) / (sg * np.sqrt(2.0 * np.pi)) * ratio[position, pick] / rate
    # Sum the fits of picks at the same station, position and flight bin before taking the logarithm: per station,
    # over the (position, flight) cells its picks reach.
    cell = position * n_f + bins_kept
    station = pick_station[pick]
    picks_at = np.bincount(pick_station)
    starts = np.flatnonzero(np.r_[True, station[1:] != station[:-1]])
    stops = np.r_[starts[1:], station.size]
    cells: list[NDArray[np.int64]] = []
    fits: list[FloatArray] = []
    stations: list[NDArray[np.intp]] = []
    for start, stop in zip(starts, stops):
        these = cell[start:stop]
        if picks_at[station[start]] == 1:  # one pick: no cell is reached twice
            cells.append(these)
            fits.append(value[start:stop])
        else:
            dense = np.bincount(these, weights=value[start:stop], minlength=n_l * n_f)
            reached = np.flatnonzero(dense)
            cells.append(reached.astype(np.int64))
            fits.append(np.asarray(dense[reached], dtype=np.float64))
        stations.append(np.full(cells[-1].size, station[start], dtype=np.intp))
    all_cells, fit, all_stations = np.concatenate(cells), np.concatenate(fits), np.concatenate(stations)
    qs = q[all_cells // n_f, all_stations, :]  # (N, Z)
    delta = np.log1p(qs / (1.0 - qs) * fit[:, None])  # (N, Z)
    out = np.zeros((n_l * n_f, n_z))
    for zi in range(n_z):
        out[:, zi] = np.bincount(all_cells, weights=delta[:, zi], minlength=n_l * n_f)
    return out.reshape(n_l, n_f, n_z)


def launch_side_log_factor(
    impact_lat: float, impact_lon: float, impact_time_s: float, own_party: str, level_db: float, level_sigma_db: float,
    party_at: Callable[[FloatArray, FloatArray], NDArray[np.str_]], leftovers: LeftoverPicks, levels: SourceLevels,
    model: LevelModel, config: UnheardConfig | None = None, *, neighbour_share: float = 0.0,
) -> float:
    """``ln BF`` (fired from across the line : from ``own_party``'s side) of one impact from the leftover picks (0: no evidence)."""
    config = config or UnheardConfig()
    evidence = partner_evidence(impact_lat, impact_lon, impact_time_s, own_party, level_db, level_sigma_db, party_at, leftovers, levels,
                                model, config, roles=(0,), neighbour_share=neighbour_share)
    return evidence.direction_log_factor(0, config.silent_launch_share, config.max_log_factor)
