"""Finding events as their picks arrive: an incremental vote of the free picks (streaming only).

The searches of the streaming associator (:mod:`truceline.fuse.stream`) walk origin time in
one-minute chunks and search each chunk some time after it: an event of few stations that the
early stages leave is found only by the deciding search, about 230 s after its chunk began, and
that wait was the whole tail of the emission latency (docs/fusion.md, "Where the latency goes").

The *trigger* keeps the vote of the search up to date as picks arrive instead: each pick that
arrives and joins no open event adds its votes, at once, to the (cell, origin-time bin) pairs it
could come from (the 1 km grid of the searches, 1 s bins, the tight pass's coarse tolerance), in
a ring of bins that covers the origin times whose picks can still arrive. When a pick raises a
pair to ``min_stations`` distinct stations or more, the pair is a *hit*; at the next grid instant
the strongest hits, one per place and time (:func:`seeds`), are searched finely with the free
picks and located exactly as the searches' seeds are (``kernels.extract``'s second phase without
the competition between seeds: :func:`examine`), and what is found goes through the searches'
tests of few-station events before it is opened. An open event is emitted once complete, as
every open event is. Votes are never taken back: a pick taken by an event after it voted only
makes a hit that :func:`examine` finds nothing at (the picks gathered there are the free ones). As in the searches'
vote, a pair remembers the station that voted in it last, so a station's picks count once when they vote in a row;
a station whose picks vote between other stations' may count twice, which only makes a hit where the fine search
then finds fewer stations.

The cost is per pick (the cells within reach of its station times the bins its tolerance spans)
and per hit examined, not per search of a chunk; the model changes (a new calibration) re-vote
the free picks still in the ring.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from truceline.fuse.finesearch import fine_search, gather, search_buffers
from truceline.fuse.kernels import NO_PICK, _accept

SEED_KM = 3.0  # hits nearer than this (and SEED_S) to a stronger one are the same seed
SEED_S = 4.0


@njit(cache=True)
def _vote(time_s: np.ndarray, station: np.ndarray, cell_start: np.ndarray, cell_index: np.ndarray,
          cell_tt: np.ndarray, base_tolerance_s: float, kappa: float, bin_s: float, counts: np.ndarray,
          stamp: np.ndarray, slot_bin: np.ndarray, latest: np.ndarray, min_stations: int, hit_cell: np.ndarray,
          hit_bin: np.ndarray, hit_count: np.ndarray, n_hits: int) -> int:
    """Add the votes of picks (corrected times, stations) to the ring; returns the new number of hits.
    ``latest[0]`` is the latest bin voted for: the ring holds that one and the ``ring - 1`` before it."""
    ring = counts.shape[0]
    for k in range(len(time_s)):
        s = station[k]
        t = time_s[k]
        for j in range(cell_start[s], cell_start[s + 1]):
            tt = cell_tt[j]
            tolerance = base_tolerance_s + kappa * tt
            t0 = t - tt
            b_lo = int(math.floor((t0 - tolerance) / bin_s))
            b_hi = int(math.floor((t0 + tolerance) / bin_s))
            cell = cell_index[j]
            if b_hi > latest[0]:
                latest[0] = b_hi
            for b in range(max(b_lo, latest[0] - ring + 1), b_hi + 1):
                slot = b % ring
                if slot_bin[slot] != b:
                    if slot_bin[slot] > b:
                        continue  # an origin time older than the ring holds
                    counts[slot, :] = 0
                    stamp[slot, :] = 0
                    slot_bin[slot] = b
                if stamp[slot, cell] == s + 1:
                    continue
                stamp[slot, cell] = s + 1
                counts[slot, cell] += 1
                if counts[slot, cell] >= min_stations and n_hits < len(hit_cell):
                    hit_cell[n_hits] = cell
                    hit_bin[n_hits] = b
                    hit_count[n_hits] = counts[slot, cell]
                    n_hits += 1
    return n_hits


def seeds(hit_cell: np.ndarray, hit_bin: np.ndarray, hit_count: np.ndarray, cell_x: np.ndarray, cell_y: np.ndarray,
          bin_s: float, most: int, away_x: np.ndarray | None = None, away_y: np.ndarray | None = None,
          away_t: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The strongest hits, at most ``most``, none within ``SEED_KM`` and ``SEED_S`` of a stronger one nor of a
    point of ``away_*`` (positions, km, and origin times, s: the candidates already waiting) (ties: the earlier
    hit first, so the choice depends on nothing but the votes)."""
    if away_x is None or away_y is None or away_t is None:
        away_x, away_y, away_t = np.zeros(0), np.zeros(0), np.zeros(0)
    order = np.lexsort((np.arange(len(hit_count)), -hit_count))
    index = _suppress(order, cell_x[hit_cell], cell_y[hit_cell], hit_bin * bin_s, most, np.asarray(away_x, dtype=float),
                      np.asarray(away_y, dtype=float), np.asarray(away_t, dtype=float), SEED_KM, SEED_S)
    return hit_cell[index], hit_bin[index]


@njit(cache=True)
def _suppress(order: np.ndarray, x: np.ndarray, y: np.ndarray, t: np.ndarray, most: int, away_x: np.ndarray,
              away_y: np.ndarray, away_t: np.ndarray, radius_km: float, span_s: float) -> np.ndarray:
    """Greedy non-maximum suppression of hits in ``order`` (see :func:`seeds`)."""
    chosen = np.empty(most, dtype=np.int64)
    n = 0
    for k in order:
        near = False
        for c in range(n):
            j = chosen[c]
            if abs(t[j] - t[k]) <= span_s and math.hypot(x[j] - x[k], y[j] - y[k]) <= radius_km:
                near = True
                break
        if not near:
            for c in range(len(away_x)):
                if abs(away_t[c] - t[k]) <= span_s and math.hypot(away_x[c] - x[k], away_y[c] - y[k]) <= radius_km:
                    near = True
                    break
        if near:
            continue
        chosen[n] = k
        n += 1
        if n >= most:
            break
    return chosen[:n]


@njit(cache=True)
def examine(seed_cell: np.ndarray, seed_bin: np.ndarray, bin_s: float, cell_x: np.ndarray, cell_y: np.ndarray,
            cell_tile: np.ndarray, atmosphere: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
            station_pick_start: np.ndarray, pick_time: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray,
            pick_used: np.ndarray, reach_km: float, coarse_tolerance_s: float, fine_tolerance_s: float, kappa: float,
            sigma_pick_s: float, kappa_model: float, max_normalised_rms: float, min_stations: int,
            out_event: np.ndarray, out_picks: np.ndarray, out_cov: np.ndarray, footprint_stations: int,
            baz_gate_z: float) -> int:
    """Search each seed (cell, origin-time bin) finely among the picks not ``pick_used`` and locate
    what the most stations agree on there, as ``kernels.extract`` does a seed it accepts (taking
    its picks: a later seed cannot have them). Returns the number of events written."""
    (cand_pick, cand_station, implied, implied_station, order_buffer, station_seen, station_best, chosen,
     best_gap) = search_buffers(len(st_x))
    half_span = 1.5
    n_events = 0
    for k in range(len(seed_cell)):
        if n_events >= len(out_event):
            break
        cell = seed_cell[k]
        tile = cell_tile[cell]
        c = atmosphere[tile, 0]
        wx = atmosphere[tile, 1]
        wy = atmosphere[tile, 2]
        t_lo = seed_bin[k] * bin_s - 3.5
        t_hi = (seed_bin[k] + 1) * bin_s + 3.5
        n = gather(cell_x[cell], cell_y[cell], t_lo, t_hi, reach_km + half_span, st_x, st_y, station_pick_start,
                   pick_time, pick_used, c, wx, wy, coarse_tolerance_s + 2 * half_span / c, cand_pick, cand_station)
        if n < min_stations:
            continue
        count, best_x, best_y, best_t0, soft = fine_search(cell_x[cell], cell_y[cell], t_lo, t_hi, half_span, n,
                                                           cand_pick, cand_station, pick_time, st_x, st_y, c, wx, wy,
                                                           fine_tolerance_s, kappa, min_stations, station_seen,
                                                           implied, implied_station, order_buffer, station_best,
                                                           3, True)
        if count < min_stations:
            continue
        if _accept(best_x, best_y, best_t0, n, cand_pick, cand_station, pick_time, pick_baz, pick_baz_sigma, st_x,
                   st_y, st_north, c, wx, wy, fine_tolerance_s, kappa, sigma_pick_s, kappa_model, max_normalised_rms,
                   min_stations, chosen, best_gap, pick_used, tile, out_event, out_picks, out_cov, n_events,
                   len(out_event), station_pick_start, footprint_stations, baz_gate_z):
            n_events += 1
    return n_events


class TriggerVote:
    """The ring of votes of the free picks and the hits not yet examined (see the module docstring).

    ``ring_s`` must cover the origin times whose picks can still arrive (the longest travel time
    plus the tolerance); ``min_stations`` distinct stations make a hit."""

    def __init__(self, n_cells: int, ring_s: float, bin_s: float, min_stations: int, base_tolerance_s: float,
                 kappa: float) -> None:
        self.ring = int(math.ceil(ring_s / bin_s)) + 2
        self.bin_s = bin_s
        self.min_stations = min_stations
        self.base_tolerance_s = base_tolerance_s
        self.kappa = kappa
        self.counts = np.zeros((self.ring, n_cells), dtype=np.int16)
        self.stamp = np.zeros((self.ring, n_cells), dtype=np.int32)
        self.slot_bin = np.full(self.ring, np.iinfo(np.int64).min, dtype=np.int64)
        self._latest = np.full(1, np.iinfo(np.int64).min // 2, dtype=np.int64)
        self._hit_cell = np.zeros(100_000, dtype=np.int64)
        self._hit_bin = np.zeros(100_000, dtype=np.int64)
        self._hit_count = np.zeros(100_000, dtype=np.int64)
        self.n_hits = 0
        self.version: object = None
        """What the votes were cast under (the associator's model); a new one means a re-vote."""

    def clear(self) -> None:
        self.counts[:] = 0
        self.stamp[:] = 0
        self.slot_bin[:] = np.iinfo(np.int64).min
        self._latest[:] = np.iinfo(np.int64).min // 2
        self.n_hits = 0

    def vote(self, time_s: np.ndarray, station: np.ndarray, cell_start: np.ndarray, cell_index: np.ndarray,
             cell_tt: np.ndarray) -> None:
        """Add the votes of picks (corrected times, in arrival order, and their stations)."""
        if not len(time_s):
            return
        self.n_hits = _vote(np.ascontiguousarray(time_s, dtype=float), np.ascontiguousarray(station, dtype=np.int64),
                            cell_start, cell_index, cell_tt, self.base_tolerance_s, self.kappa, self.bin_s, self.counts,
                            self.stamp, self.slot_bin, self._latest, self.min_stations, self._hit_cell, self._hit_bin,
                            self._hit_count, self.n_hits)

    def take_hits(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The hits since the last call (cells, origin-time bins, counts), forgotten here."""
        n = self.n_hits
        self.n_hits = 0
        return self._hit_cell[:n].copy(), self._hit_bin[:n].copy(), self._hit_count[:n].copy()


def empty_outputs(most: int, max_picks: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Output arrays for :func:`examine` of at most ``most`` seeds."""
    return np.zeros((most, 7)), np.full((most, max_picks), NO_PICK, dtype=np.int64), np.zeros((most, 3, 3))

