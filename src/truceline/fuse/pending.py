"""Open events of the streaming associator: found, not yet emitted, still taking picks.

A search of recent origin times finds an event from the picks that have arrived so far. The
event stays *open* while picks still on their way can join it:

* a pick that arrives later joins the open event whose predicted arrival at its station it
  matches best (from a station within reach that the event has no pick of yet): the event is
  relocated with it and keeps it only if it then lies within the final selection tolerance of
  the batch pass (``3 sigma_pick + 3 kappa_model tt``), agrees with the event's direction at an
  array station (``kernels.baz_agrees``) and the misfit stays acceptable. When an event falls
  due, the free picks are offered to it once more in the same way (its location has improved
  since they arrived); an event found again by a later search from picks of other stations
  (no station in common) is merged into the open one if the joint solution fits;
* an open event is *complete* once every working station that could still hear it has either
  given it a pick or let its predicted arrival (plus that tolerance) pass. "Could still hear
  it": by its loudness (:mod:`truceline.fuse.quick`) once that is learned; before, nearer than
  its detection range (:func:`detection_radius_km`). "Working": the station
  reported a pick in the ten minutes before the origin time or since (as the footprint test).

Pure functions over arrays, and the small records they work on; the associator
(:mod:`truceline.fuse.stream`) owns the state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import TIGHT_COARSE_TOLERANCE_S, FusionConfig, PassResult
from truceline.fuse.refine import clusters

WORKING_S = 600.0  # a station counts as working if it reported a pick this long before the origin time, or since


class PickBuffer:
    """Picks not yet emitted, each with a stable sequence number, in arrival order.

    ``owner`` is -1 for a free pick, else the key of the open event holding it; ``freed_at`` the instant an emitted
    event's refinement last left it out (-inf: never held by an emitted event)."""

    def __init__(self) -> None:
        self.seq = np.zeros(0, dtype=np.int64)
        self.ids = np.zeros(0, dtype=object)
        self.time = np.zeros(0)
        self.station = np.zeros(0, dtype=np.int64)
        self.baz = np.zeros(0)
        self.baz_sigma = np.zeros(0)
        self.amplitude = np.zeros(0)
        self.snr = np.zeros(0)
        self.owner = np.zeros(0, dtype=np.int64)
        self.freed_at = np.zeros(0)
        self._next_seq = 0

    def __len__(self) -> int:
        return len(self.seq)

    def append(self, ids: np.ndarray, time: np.ndarray, station: np.ndarray, baz: np.ndarray,
               baz_sigma: np.ndarray, amplitude: np.ndarray, snr: np.ndarray) -> np.ndarray:
        """Add free picks; returns their rows."""
        n = len(time)
        start = len(self.seq)
        self.seq = np.concatenate([self.seq, np.arange(self._next_seq, self._next_seq + n, dtype=np.int64)])
        self._next_seq += n
        self.ids = np.concatenate([self.ids, ids])
        self.time = np.concatenate([self.time, time])
        self.station = np.concatenate([self.station, station])
        self.baz = np.concatenate([self.baz, baz])
        self.baz_sigma = np.concatenate([self.baz_sigma, baz_sigma])
        self.amplitude = np.concatenate([self.amplitude, amplitude])
        self.snr = np.concatenate([self.snr, snr])
        self.owner = np.concatenate([self.owner, np.full(n, -1, dtype=np.int64)])
        self.freed_at = np.concatenate([self.freed_at, np.full(n, -np.inf)])
        return np.arange(start, start + n)

    def rows(self, seqs: list[int] | np.ndarray) -> np.ndarray:
        """Rows of picks by sequence number (they must be in the buffer)."""
        return np.searchsorted(self.seq, np.asarray(seqs, dtype=np.int64))

    def keep(self, mask: np.ndarray) -> None:
        self.seq, self.ids, self.time = self.seq[mask], self.ids[mask], self.time[mask]
        self.station, self.baz, self.baz_sigma = self.station[mask], self.baz[mask], self.baz_sigma[mask]
        self.amplitude, self.snr = self.amplitude[mask], self.snr[mask]
        self.owner, self.freed_at = self.owner[mask], self.freed_at[mask]


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    """One search of recent origin times: chunks of ``chunk_s`` of origin time, each searched
    once ``age_s`` has passed after its end and its ``lookahead_s`` of look-ahead."""

    age_s: float
    chunk_s: float
    lookahead_s: float
    min_stations: int | None = None
    """Stations an event needs to be found at this stage (None: the configuration's ``min_stations``)."""
    max_seeds: int | None = None
    """Seeds examined per window at most (half as many at least; None: the configuration's)."""
    after_chunk_s: float | None = None
    """With a length: a chunk is also searched no sooner than ``after_s`` after the end of the ``after_chunk_s`` of
    origin time (aligned as the chunks are) that contain it, e.g. just after an earlier stage of longer chunks has
    searched them (None: by ``age_s`` alone)."""
    after_s: float = 0.0
    loud: bool = False
    """Events this stage finds are opened only if they pass the quick search's loudness tests
    (:func:`truceline.fuse.quick.complete`), and none before the loudness is learned."""

    def at_s(self, chunk_start_s: float) -> float:
        """When the chunk of origin times starting there is searched."""
        at = chunk_start_s + self.chunk_s + self.lookahead_s + self.age_s
        if self.after_chunk_s is not None:
            end = (math.floor(chunk_start_s / self.after_chunk_s + 1e-9) + 1) * self.after_chunk_s
            at = max(at, end + self.after_s)
        return at


EARLY_STAGES = (Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0, min_stations=10, max_seeds=200),
                Stage(age_s=60.0, chunk_s=60.0, lookahead_s=40.0, min_stations=5, max_seeds=200))
"""The early searches (the last, deciding one follows from ``chunk_s``, the look-ahead and the reach): the
events of ten stations or more 30 s after the chunk and its look-ahead, those of five or more 30 s later
(before, they waited for the deciding search, about 100 s later still); each examines at most 200 seeds
per window (docs/fusion.md, "Where the latency goes")."""


@dataclass(slots=True, kw_only=True)
class OpenEvent:
    """An event found but not emitted: its current solution and the picks it holds."""

    key: int
    x_km: float
    y_km: float
    t0_s: float
    tile: int
    covariance: np.ndarray
    chi2: float
    n_obs: int
    seqs: list[int]
    stations: set[int]
    due_s: float = -math.inf
    """A lower bound of the time it is complete (recomputed when reached: stations may start working)."""
    opened_by: str = ""
    """The search that opened it: ``quick``, ``early<k>`` (early stage k), ``deciding`` (the deciding
    search once the early stages run) or ``warm`` (the deciding search before the model is calibrated)."""
    opened_at_s: float = math.nan
    """The stream instant at which it was opened (relative to the associator's origin)."""


def offers(event: OpenEvent, station: np.ndarray, time_s: np.ndarray, atmosphere: np.ndarray, st_x: np.ndarray,
           st_y: np.ndarray, config: FusionConfig) -> np.ndarray:
    """Which of those free picks (stations, corrected times) to offer an event that falls due, best
    first: the best of each station within reach that the event has no pick of, within the tight
    pass's coarse tolerance of its predicted arrival. They are offered all together first (one
    at a time, a solution biased by the first picks may reject each), then without the worst."""
    near = np.flatnonzero(np.hypot(st_x[station] - event.x_km, st_y[station] - event.y_km) <= config.reach_km)
    if not len(near):
        return near
    c, wx, wy = atmosphere[event.tile]
    tt = travel_times(st_x[station[near]], st_y[station[near]], event.x_km, event.y_km, c, wx, wy)
    gap = np.abs(time_s[near] - event.t0_s - tt)
    maybe = np.flatnonzero(gap <= TIGHT_COARSE_TOLERANCE_S + 3.0 * config.kappa_model * tt)
    maybe = maybe[np.argsort(gap[maybe], kind="stable")]
    first = np.unique(station[near][maybe], return_index=True)[1]
    best = sorted(maybe[first], key=lambda k: gap[k])
    return np.array([near[k] for k in best if int(station[near][k]) not in event.stations], dtype=np.int64)


def arrival_tolerance_s(tt_s: np.ndarray, config: FusionConfig) -> np.ndarray:
    """How far a pick may be from an event's predicted arrival and still be its (the batch's final selection)."""
    return 3.0 * config.sigma_pick_s + 3.0 * config.kappa_model * tt_s


def screen(events: list[OpenEvent], atmosphere: np.ndarray, station: int, time_s: float, st_x: np.ndarray,
           st_y: np.ndarray, config: FusionConfig) -> np.ndarray:
    """Indices in ``events`` of the open events a pick (corrected time) might belong to, best first:
    within reach, no pick of that station yet, and the arrival within the tight pass's coarse
    tolerance of the prediction (an event found from its first few picks may be somewhat off;
    :func:`relocate` then decides)."""
    if not events:
        return np.zeros(0, dtype=np.int64)
    x = np.array([e.x_km for e in events])
    y = np.array([e.y_km for e in events])
    t0 = np.array([e.t0_s for e in events])
    atm = atmosphere[np.array([e.tile for e in events])]
    sx, sy = st_x[station], st_y[station]
    near = np.hypot(sx - x, sy - y) <= config.reach_km
    if not near.any():
        return np.zeros(0, dtype=np.int64)
    tt = travel_times(np.full(len(events), sx), np.full(len(events), sy), x, y, atm[:, 0], atm[:, 1], atm[:, 2])
    gap = np.abs(time_s - t0 - tt)
    ok = near & (gap <= TIGHT_COARSE_TOLERANCE_S + 3.0 * config.kappa_model * tt)
    ok &= np.array([station not in e.stations for e in events])
    found = np.flatnonzero(ok)
    return found[np.argsort(gap[found], kind="stable")]


def relocate(event: OpenEvent, stations: np.ndarray, times_s: np.ndarray, baz: np.ndarray, baz_sigma: np.ndarray,
             atmosphere: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
             config: FusionConfig, *, new: int = 0) -> bool:
    """Relocate an open event from its picks (corrected times), the last ``new`` of which would
    join it: they must lie within the final selection tolerance of the new solution, agree with
    its direction at an array station, and the misfit must stay acceptable. Returns False, and
    leaves the event unchanged, otherwise."""
    c, wx, wy = atmosphere[event.tile]
    x, y, t0, cov, chi2, n_obs = kernels.locate(np.arange(len(times_s)), stations, times_s, baz, baz_sigma, st_x, st_y,
                                                st_north, event.x_km, event.y_km, event.t0_s, c, wx, wy,
                                                config.sigma_pick_s, config.kappa_model, 2.5, 15)
    dof = n_obs - 3
    if not np.isfinite(cov[0, 0]) or dof < 1 or math.sqrt(chi2 / dof) > config.max_normalised_rms:
        return False
    if new:
        s = stations[-new:]
        tt = travel_times(st_x[s], st_y[s], x, y, c, wx, wy)
        if np.any(np.abs(times_s[-new:] - t0 - tt) > arrival_tolerance_s(tt, config)):
            return False
        for k in range(len(times_s) - new, len(times_s)):
            if not kernels.baz_agrees(baz[k], baz_sigma[k], st_x[stations[k]], st_y[stations[k]], st_north[stations[k]],
                                      x, y, config.baz_gate_z):
                return False
    event.x_km, event.y_km, event.t0_s, event.covariance, event.chi2, event.n_obs = x, y, t0, cov, chi2, n_obs
    return True


def detection_radius_km(event: OpenEvent, distance_km: np.ndarray, config: FusionConfig, *, completeness_km: float,
                        heard_within_km: float) -> float:
    """The event's detection range without amplitudes: the farther of ``heard_within_km`` and its
    farthest station so far plus ``completeness_km``, at most the reach."""
    heard = np.fromiter(event.stations, dtype=np.int64, count=len(event.stations))
    farthest = float(distance_km[heard].max()) if len(heard) else config.reach_km
    return min(config.reach_km, max(farthest + completeness_km, heard_within_km))


def continues_emitted(emitted: list[tuple[OpenEvent, np.ndarray, np.ndarray, np.ndarray, np.ndarray]], x_km: float,
                      y_km: float, t0_s: float, stations: set[int], station: np.ndarray, times_s: np.ndarray,
                      baz: np.ndarray, baz_sigma: np.ndarray, atmosphere: np.ndarray, st_x: np.ndarray,
                      st_y: np.ndarray, st_north: np.ndarray, config: FusionConfig) -> bool:
    """Whether an event just found at (x, y, t0) from those picks (stations, corrected times,
    back-azimuths) is the rest of one already emitted (``emitted``: each with its picks' stations,
    corrected times and back-azimuths): within ``cluster_km`` and ``cluster_s``, no station in
    common, and the joint solution fits."""
    for event, st, times, b, b_sigma in emitted:
        if (abs(event.t0_s - t0_s) > config.cluster_s or event.stations & stations
                or math.hypot(event.x_km - x_km, event.y_km - y_km) > config.cluster_km):
            continue
        trial = replace(event, stations=set(event.stations))
        if relocate(trial, np.concatenate([st, station]), np.concatenate([times, times_s]), np.concatenate([b, baz]),
                    np.concatenate([b_sigma, baz_sigma]), atmosphere, st_x, st_y, st_north, config, new=len(station)):
            return True
    return False


def due_s(event: OpenEvent, last_pick_s: float, atmosphere: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
          last_heard_s: np.ndarray, config: FusionConfig, *, could_hear: np.ndarray, hold_s: float) -> float:
    """When the event is complete: every working station that could hear it (``could_hear``, a
    mask over the stations) and has not given it a pick has let its predicted arrival pass (plus
    tolerance), then ``hold_s``."""
    _, until = awaited(event, atmosphere, st_x, st_y, last_heard_s, config, could_hear=could_hear)
    return max(last_pick_s, float(until.max()) if len(until) else -math.inf) + hold_s


def awaited(event: OpenEvent, atmosphere: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, last_heard_s: np.ndarray,
            config: FusionConfig, *, could_hear: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The working stations that could hear the event (``could_hear``) and have not given it a pick,
    and until when each is waited for (its predicted arrival plus tolerance)."""
    waiting = could_hear & (last_heard_s >= event.t0_s - WORKING_S)
    waiting[np.fromiter(event.stations, dtype=np.int64, count=len(event.stations))] = False
    stations = np.flatnonzero(waiting)
    if not len(stations):
        return stations, np.zeros(0)
    c, wx, wy = atmosphere[event.tile]
    tt = travel_times(st_x[stations], st_y[stations], event.x_km, event.y_km, c, wx, wy)
    return stations, event.t0_s + tt + arrival_tolerance_s(tt, config)


def passed_stations(x_km: float, y_km: float, t0_s: float, tile: int, now_s: float, atmosphere: np.ndarray,
                    st_x: np.ndarray, st_y: np.ndarray, last_heard_s: np.ndarray, config: FusionConfig) -> np.ndarray:
    """The working stations within reach of an event whose predicted arrival (plus tolerance) has passed."""
    candidate = np.flatnonzero((np.hypot(st_x - x_km, st_y - y_km) <= config.reach_km)
                               & (last_heard_s >= t0_s - WORKING_S))
    c, wx, wy = atmosphere[tile]
    tt = travel_times(st_x[candidate], st_y[candidate], x_km, y_km, c, wx, wy)
    return candidate[t0_s + tt + arrival_tolerance_s(tt, config) <= now_s]


def heard_there(x_km: float, y_km: float, t0_s: float, tile: int, stations: np.ndarray, atmosphere: np.ndarray,
                st_x: np.ndarray, st_y: np.ndarray, pick_station: np.ndarray, pick_time_s: np.ndarray,
                config: FusionConfig) -> np.ndarray:
    """Whether each of those stations has a pick (``pick_station``, corrected ``pick_time_s``; any
    owner) within the final selection tolerance of an event's predicted arrival."""
    c, wx, wy = atmosphere[tile]
    tt = np.full(len(st_x), np.nan)
    tt[stations] = travel_times(st_x[stations], st_y[stations], x_km, y_km, c, wx, wy)
    tolerance = arrival_tolerance_s(tt, config)
    near = np.isfinite(tt[pick_station])
    s = pick_station[near]
    found = np.zeros(len(st_x), dtype=bool)
    found[s[np.abs(pick_time_s[near] - t0_s - tt[s]) <= tolerance[s]]] = True
    return found[stations]


def unheard_expected(x_km: float, y_km: float, t0_s: float, tile: int, stations: np.ndarray, expected: np.ndarray,
                     now_s: float, atmosphere: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, last_heard_s: np.ndarray,
                     pick_station: np.ndarray, pick_time_s: np.ndarray, config: FusionConfig) -> tuple[int, int]:
    """How many working stations that should have heard an event (``expected``, a mask over the
    stations) and whose predicted arrival (plus tolerance) has passed have no pick near it: not
    among the event's ``stations`` and none within tolerance of the prediction
    (:func:`heard_there`). A chance coincidence of other events' picks predicts loud arrivals
    that did not come. Returns that number and the number of those stations checked (with the
    event's own expected stations)."""
    check = np.zeros(len(st_x), dtype=bool)
    check[passed_stations(x_km, y_km, t0_s, tile, now_s, atmosphere, st_x, st_y, last_heard_s, config)] = True
    check &= expected
    own = int(np.count_nonzero(check[stations]))
    check[stations] = False
    index = np.flatnonzero(check)
    if not len(index):
        return 0, own
    unheard = int(np.count_nonzero(~heard_there(x_km, y_km, t0_s, tile, index, atmosphere, st_x, st_y, pick_station,
                                                pick_time_s, config)))
    return unheard, own + len(index)


def emittable(events: list[OpenEvent], now_s: float, config: FusionConfig) -> list[int]:
    """Indices of the open events to emit now: complete ones whose whole cluster (events within
    ``cluster_km`` and ``cluster_s`` of one another, linked) is complete, so that the picks of a
    salvo are shared out among all its events at once."""
    if not events:
        return []
    labels = clusters(np.array([e.x_km for e in events]), np.array([e.y_km for e in events]),
                      np.array([e.t0_s for e in events]), distance_km=config.cluster_km, time_s=config.cluster_s)
    complete = np.array([e.due_s <= now_s for e in events])
    ready = np.ones(int(labels.max()) + 1, dtype=bool)
    np.logical_and.at(ready, labels, complete)
    return [int(i) for i in np.flatnonzero(ready[labels])]


def as_pass(events: list[OpenEvent], position: np.ndarray, config: FusionConfig) -> PassResult:
    """Open events as a pass result, their picks at ``position`` (kernel positions of the events'
    picks, event after event in the order of their ``seqs``)."""
    picks = np.full((len(events), config.max_picks_per_event), -1, dtype=np.int64)
    offset = 0
    for i, event in enumerate(events):
        mine = np.sort(position[offset:offset + len(event.seqs)])[: picks.shape[1]]
        offset += len(event.seqs)
        picks[i, : len(mine)] = mine
    return PassResult(x_km=np.array([e.x_km for e in events]), y_km=np.array([e.y_km for e in events]),
                      t0_s=np.array([e.t0_s for e in events]), n_stations=np.array([len(e.stations) for e in events]),
                      chi2=np.array([e.chi2 for e in events]), n_obs=np.array([e.n_obs for e in events]),
                      tile=np.array([e.tile for e in events], dtype=int), block=np.zeros(len(events), dtype=int),
                      picks=picks, covariance=np.array([e.covariance for e in events]))
