"""Hot loops of the associator, compiled with Numba.

Pure functions over arrays (no I/O). Units: kilometres, seconds, km/s. See docs/fusion.md
for the method; the names follow it:

* ``coarse_vote``   back-projects every unused pick onto a 1 km grid of candidate sources
                    and counts, per (cell, origin-time bin), the distinct stations that agree;
* ``extract``       visits the strongest (cell, bin) seeds, runs a fine grid search that
                    maximises the number of distinct stations whose picks share one origin
                    time, refines it by robust least squares and takes the picks it explains.

The travel time, the back-azimuth test and the locator (``travel_time``, ``station_travel_times``, ``baz_agrees``,
``apparent_azimuth_deg``, ``locate``) are in ``fuse/locator.py``, the fine search about a seed (``gather``,
``fine_search``, ``search_buffers``) in ``fuse/finesearch.py`` (docs/fusion.md, "Session 24 (split24)"); this module
holds the vote and the extraction with its tests of a found event. Numba caches each compiled function against its
own file only: after an edit of ``locator.py`` or ``finesearch.py``, the cached functions of the modules that call
them (this one, ``trigger.py``) are stale until their cache is cleared (``__pycache__/*.nbi``, ``*.nbc``).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

# the travel time, the locator and the fine search are in these modules (docs/fusion.md, "Session 24 (split24)");
# every public name is imported back, for the code and tests that import it from here
from truceline.fuse.locator import (BAZ_POSITION_SLACK_KM, EARTH_RADIUS_KM, RANGE_REF_KM, apparent_azimuth_deg,
                                    baz_agrees, locate, station_travel_times, travel_time)
from truceline.fuse.finesearch import fine_search, gather, search_buffers

NO_PICK = -1


@njit(cache=True)
def coarse_vote(
    window_start: float, n_bins: int, bin_s: float,
    pick_time: np.ndarray, pick_used: np.ndarray, station_pick_start: np.ndarray,
    cell_start: np.ndarray, cell_index: np.ndarray, cell_tt: np.ndarray,
    base_tolerance_s: float, kappa: float, counts: np.ndarray, stamp: np.ndarray, touched: np.ndarray,
) -> None:
    """Count, per (cell, bin), the distinct stations with a pick implying that origin time.

    Picks are grouped by station (``station_pick_start``, CSR) and sorted by time within a
    station. ``stamp`` remembers the last station that voted in a bin so that a station
    votes at most once per bin however many picks it has there.
    """
    window_end = window_start + n_bins * bin_s
    n_stations = len(station_pick_start) - 1
    for s in range(n_stations):
        first = station_pick_start[s]
        last = station_pick_start[s + 1]
        if first == last or cell_start[s] == cell_start[s + 1]:
            continue
        max_tt = 0.0
        for j in range(cell_start[s], cell_start[s + 1]):
            if cell_tt[j] > max_tt:
                max_tt = cell_tt[j]
        slack = base_tolerance_s + kappa * max_tt
        lo = first + np.searchsorted(pick_time[first:last], window_start - slack)
        hi = first + np.searchsorted(pick_time[first:last], window_end + max_tt + slack)
        for p in range(lo, hi):
            if pick_used[p]:
                continue
            t = pick_time[p]
            for j in range(cell_start[s], cell_start[s + 1]):
                tt = cell_tt[j]
                tolerance = base_tolerance_s + kappa * tt
                t0 = t - tt
                b_lo = int(math.floor((t0 - tolerance - window_start) / bin_s))
                b_hi = int(math.floor((t0 + tolerance - window_start) / bin_s))
                if b_hi < 0 or b_lo >= n_bins:
                    continue
                if b_lo < 0:
                    b_lo = 0
                if b_hi >= n_bins:
                    b_hi = n_bins - 1
                cell = cell_index[j]
                touched[cell] = True
                for b in range(b_lo, b_hi + 1):
                    if stamp[cell, b] != s + 1:
                        stamp[cell, b] = s + 1
                        counts[cell, b] += 1


@njit(cache=True)
def _select(
    x: float, y: float, t0: float, n: int, cand_pick: np.ndarray, cand_station: np.ndarray, pick_time: np.ndarray,
    st_x: np.ndarray, st_y: np.ndarray, c: float, wx: float, wy: float, tolerance_s: float, kappa: float,
    n_stations: int, chosen: np.ndarray, best_gap: np.ndarray,
    pick_baz: np.ndarray, pick_baz_sigma: np.ndarray, st_north: np.ndarray, baz_gate_z: float, g: float = 0.0,
) -> int:
    """For each station, the candidate pick closest to the predicted arrival, within tolerance
    (and, at an array station, from the source's direction: see :func:`baz_agrees`)."""
    for s in range(n_stations):
        best_gap[s] = 1e30
        chosen[s] = NO_PICK
    for i in range(n):
        s = cand_station[i]
        tt = travel_time(st_x[s], st_y[s], x, y, c, wx, wy, g)
        gap = abs(pick_time[cand_pick[i]] - t0 - tt)
        if gap <= tolerance_s + kappa * tt and gap < best_gap[s]:
            p = cand_pick[i]
            if not baz_agrees(pick_baz[p], pick_baz_sigma[p], st_x[s], st_y[s], st_north[s], x, y, baz_gate_z):
                continue
            best_gap[s] = gap
            chosen[s] = cand_pick[i]
    count = 0
    for s in range(n_stations):
        if chosen[s] != NO_PICK:
            count += 1
    return count


@njit(cache=True)
def _is_local_maximum(counts: np.ndarray, cell: int, b: int, cell_ix: np.ndarray, cell_iy: np.ndarray,
                      cell_at: np.ndarray) -> bool:
    value = counts[cell, b]
    n_bins = counts.shape[1]
    for ddx in range(-1, 2):
        for ddy in range(-1, 2):
            gx = cell_ix[cell] + ddx
            gy = cell_iy[cell] + ddy
            if gx < 0 or gy < 0 or gx >= cell_at.shape[0] or gy >= cell_at.shape[1]:
                continue
            other = cell_at[gx, gy]
            if other < 0:
                continue
            for bb in range(max(0, b - 1), min(n_bins, b + 2)):
                if counts[other, bb] > value:
                    return False
    return True


@njit(cache=True)
def _plausible_footprint(
    x: float, y: float, t0: float, stations: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
    station_pick_start: np.ndarray, pick_time: np.ndarray,
) -> bool:
    """A weakly recorded event must have been heard by most working stations nearer to it.

    Sound weakens with distance: if the stations that heard it are far and most working
    stations nearer to it heard nothing, the "event" is a chance coincidence of unrelated
    picks (clutter). A station counts as working if it reported any pick within ten
    minutes of the origin time.
    """
    m = len(stations)
    distances = np.empty(m)
    for i in range(m):
        distances[i] = math.hypot(st_x[stations[i]] - x, st_y[stations[i]] - y)
    radius = np.median(distances) + 0.5
    working = 0
    heard = 0
    for s in range(len(st_x)):
        if math.hypot(st_x[s] - x, st_y[s] - y) > radius:
            continue
        first = station_pick_start[s]
        last = station_pick_start[s + 1]
        k = first + np.searchsorted(pick_time[first:last], t0 - 600.0)
        if k >= last or pick_time[k] > t0 + 600.0:
            continue
        working += 1
        for i in range(m):
            if stations[i] == s:
                heard += 1
                break
    return 2 * heard >= working


@njit(cache=True)
def _collect(chosen: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    picks = np.empty(count, dtype=np.int64)
    stations = np.empty(count, dtype=np.int64)
    m = 0
    for s in range(len(chosen)):
        if chosen[s] != NO_PICK and m < count:
            picks[m] = chosen[s]
            stations[m] = s
            m += 1
    return picks[:m], stations[:m]


@njit(cache=True)
def extract(
    window_start: float, n_bins: int, bin_s: float, counts: np.ndarray, min_stations: int,
    cell_x: np.ndarray, cell_y: np.ndarray, cell_ix: np.ndarray, cell_iy: np.ndarray, cell_at: np.ndarray,
    cell_tile: np.ndarray, atmosphere: np.ndarray,
    st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray, station_pick_start: np.ndarray,
    pick_time: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray, pick_used: np.ndarray,
    reach_km: float, coarse_tolerance_s: float, fine_tolerance_s: float, kappa: float,
    sigma_pick_s: float, kappa_model: float, max_normalised_rms: float,
    out_event: np.ndarray, out_picks: np.ndarray, out_cov: np.ndarray, max_events: int, core_bins: int,
    pick_reserved: np.ndarray, threshold: int, max_seeds: int, soft_scoring: bool, rows: np.ndarray,
    touched: np.ndarray, covered: np.ndarray, footprint_stations: int, baz_gate_z: float, g: float = 0.0,
) -> int:
    """Turn the seeds of ``counts`` into located events, strongest first, taking their picks.

    Only events whose seed lies in the first ``core_bins`` bins are written; a stronger
    event in the look-ahead bins after them still claims its picks for the duration of the
    call (they are given back at the end), so that no weak coincidence at the end of one
    window steals the picks of a well-recorded event at the start of the next.

    Phase 1 keeps the local maxima of the votes as seeds, scored by their (optimistic) vote.
    Phase 2 is a lazy greedy: the seed with the best score is searched finely with the
    picks still free; if its soft count (station count when ``soft_scoring`` is off) still
    beats every other candidate's score it is located and accepted (its picks taken) and
    searched again for a further source at the same place (salvos); otherwise its score is
    lowered to that soft count and the next candidate is tried. Weak coincidences, and
    compromises between the rounds of a salvo, so never take the picks of a well-recorded
    event.

    ``out_event`` rows: x, y, t0, n_stations, chi2, n_obs, tile. ``out_picks`` rows: pick
    indices of each event padded with -1. Returns the number of events written.
    """
    limit = max(threshold, min_stations)
    n_hits = 0
    for row in rows:
        for b in range(n_bins):
            if counts[row, b] >= limit:
                n_hits += 1
    if n_hits == 0:
        return 0
    flat_hits = np.empty(n_hits, dtype=np.int64)
    strength = np.empty(n_hits)
    k = 0
    for row in rows:
        for b in range(n_bins):
            if counts[row, b] >= limit:
                flat_hits[k] = row * n_bins + b
                strength[k] = -counts[row, b]
                k += 1
    order = np.argsort(strength, kind="mergesort")
    (cand_pick, cand_station, implied, implied_station, order_buffer, station_seen, station_best, chosen,
     best_gap) = search_buffers(len(st_x))
    half_span = 1.5  # km searched around a seed cell's centre
    # phase 1: one candidate per distinct seed
    seed_cell = np.empty(len(order), dtype=np.int64)
    seed_bin = np.empty(len(order), dtype=np.int64)
    score = np.empty(len(order))
    n_seeds = 0
    for k in range(len(order)):
        flat = flat_hits[order[k]]
        cell = flat // n_bins
        b = flat % n_bins
        if covered[cell, b] or not _is_local_maximum(counts, cell, b, cell_ix, cell_iy, cell_at):
            continue
        if n_seeds >= max_seeds:
            break
        count = int(counts[cell, b])  # an optimistic score: the fine search will tell
        ix = cell_ix[cell]
        iy = cell_iy[cell]
        for ddx in range(-1, 2):
            for ddy in range(-1, 2):
                gx = ix + ddx
                gy = iy + ddy
                if gx < 0 or gy < 0 or gx >= cell_at.shape[0] or gy >= cell_at.shape[1]:
                    continue
                other = cell_at[gx, gy]
                if other < 0 or not touched[other]:
                    continue
                for bb in range(max(0, b - 3), min(n_bins, b + 4)):
                    covered[other, bb] = True
        if count >= min_stations:
            seed_cell[n_seeds] = cell
            seed_bin[n_seeds] = b
            score[n_seeds] = count
            n_seeds += 1
    # phase 2: lazy greedy
    n_events = 0
    scratch_event = np.zeros((1, out_event.shape[1]))
    scratch_picks = np.full((1, out_picks.shape[1]), NO_PICK, dtype=np.int64)
    scratch_cov = np.zeros((1, 3, 3))
    while n_seeds > 0:
        top = 0
        for i in range(1, n_seeds):
            if score[i] > score[top]:
                top = i
        runner_up = 0.0
        for i in range(n_seeds):
            if i != top and score[i] > runner_up:
                runner_up = score[i]
        cell = seed_cell[top]
        b = seed_bin[top]
        tile = cell_tile[cell]
        c = atmosphere[tile, 0]
        wx = atmosphere[tile, 1]
        wy = atmosphere[tile, 2]
        t_lo = window_start + b * bin_s - 3.5
        t_hi = window_start + (b + 1) * bin_s + 3.5
        n = gather(cell_x[cell], cell_y[cell], t_lo, t_hi, reach_km + half_span, st_x, st_y, station_pick_start,
                   pick_time, pick_used, c, wx, wy, coarse_tolerance_s + 2 * half_span / c, cand_pick, cand_station, g)
        count = 0
        best_x = 0.0
        best_y = 0.0
        best_t0 = 0.0
        soft = 0.0
        if n >= min_stations:
            count, best_x, best_y, best_t0, soft = fine_search(cell_x[cell], cell_y[cell], t_lo, t_hi, half_span, n,
                                                          cand_pick, cand_station, pick_time, st_x, st_y, c, wx, wy,
                                                          fine_tolerance_s, kappa, min_stations, station_seen,
                                                          implied, implied_station, order_buffer, station_best,
                                                          3, soft_scoring, g)
        if count < min_stations:
            n_seeds = _drop_seed(top, n_seeds, seed_cell, seed_bin, score)
            continue
        # the seeds compete by soft count (hard count in the loose pass): where picks are dense a
        # compromise between sources gathers as many stations within tolerance as a true
        # source, but not as many close to its origin time
        value = soft if soft_scoring else float(count)
        if value < score[top] and value < runner_up:
            score[top] = value  # weaker than it looked: let the others go first
            continue
        if b >= core_bins:
            accepted = _accept(best_x, best_y, best_t0, n, cand_pick, cand_station, pick_time, pick_baz,
                               pick_baz_sigma, st_x, st_y, st_north, c, wx, wy, fine_tolerance_s, kappa, sigma_pick_s,
                               kappa_model, max_normalised_rms, min_stations, chosen, best_gap, pick_used, tile,
                               scratch_event, scratch_picks, scratch_cov, 0, 1,
                               station_pick_start, footprint_stations, baz_gate_z, g)
            if accepted:
                for p in scratch_picks[0]:
                    if p >= 0:
                        pick_reserved[p] = True
                score[top] = value
                continue
        else:
            accepted = _accept(best_x, best_y, best_t0, n, cand_pick, cand_station, pick_time, pick_baz,
                               pick_baz_sigma, st_x, st_y, st_north, c, wx, wy, fine_tolerance_s, kappa, sigma_pick_s,
                               kappa_model, max_normalised_rms, min_stations, chosen, best_gap, pick_used, tile,
                               out_event, out_picks, out_cov, n_events, max_events,
                               station_pick_start, footprint_stations, baz_gate_z, g)
        if accepted:
            n_events += 1
            score[top] = value  # search the same place again for a further source
            if n_events >= max_events:
                break
        else:
            n_seeds = _drop_seed(top, n_seeds, seed_cell, seed_bin, score)
    return n_events


@njit(cache=True)
def _drop_seed(index: int, n_seeds: int, seed_cell: np.ndarray, seed_bin: np.ndarray, score: np.ndarray) -> int:
    """Remove seed ``index`` by moving the last seed into its place; returns the new count."""
    last = n_seeds - 1
    seed_cell[index] = seed_cell[last]
    seed_bin[index] = seed_bin[last]
    score[index] = score[last]
    return last


@njit(cache=True)
def _accept(
    best_x: float, best_y: float, best_t0: float, n: int, cand_pick: np.ndarray, cand_station: np.ndarray,
    pick_time: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
    st_north: np.ndarray, c: float, wx: float, wy: float, fine_tolerance_s: float, kappa: float,
    sigma_pick_s: float, kappa_model: float, max_normalised_rms: float, min_stations: int,
    chosen: np.ndarray, best_gap: np.ndarray, pick_used: np.ndarray, tile: int,
    out_event: np.ndarray, out_picks: np.ndarray, out_cov: np.ndarray, n_events: int, max_events: int,
    station_pick_start: np.ndarray, footprint_stations: int, baz_gate_z: float, g: float = 0.0,
) -> bool:
    """Select one pick per station, locate robustly, re-select with the model's tolerance,
    locate again; write the event and take its picks if it passes the misfit test."""
    n_stations = len(st_x)
    used_n = _select(best_x, best_y, best_t0, n, cand_pick, cand_station, pick_time, st_x, st_y,
                     c, wx, wy, fine_tolerance_s + 0.05, kappa, n_stations, chosen, best_gap,
                     pick_baz, pick_baz_sigma, st_north, baz_gate_z, g)
    if used_n < min_stations:
        return False
    x = best_x
    y = best_y
    t0 = best_t0
    for _refine in range(2):
        picks, stations = _collect(chosen, used_n)
        x, y, t0, cov, chi2, n_obs = locate(picks, stations, pick_time, pick_baz, pick_baz_sigma, st_x, st_y,
                                            st_north, x, y, t0, c, wx, wy, sigma_pick_s, kappa_model, 2.5, 15, g)
        if math.isnan(cov[0, 0]):
            return False
        used_n = _select(x, y, t0, n, cand_pick, cand_station, pick_time, st_x, st_y,
                         c, wx, wy, 3.0 * sigma_pick_s, 3.0 * kappa_model, n_stations, chosen, best_gap,
                         pick_baz, pick_baz_sigma, st_north, baz_gate_z, g)
        if used_n < min_stations:
            return False
    picks, stations = _collect(chosen, used_n)
    x, y, t0, cov, chi2, n_obs = locate(picks, stations, pick_time, pick_baz, pick_baz_sigma, st_x, st_y,
                                        st_north, x, y, t0, c, wx, wy, sigma_pick_s, kappa_model, 2.5, 15, g)
    dof = n_obs - 3
    if math.isnan(cov[0, 0]) or dof < 1 or math.sqrt(chi2 / dof) > max_normalised_rms or n_events >= max_events:
        return False
    m = len(picks)
    if m <= footprint_stations and not _plausible_footprint(x, y, t0, stations, st_x, st_y, station_pick_start, pick_time):
        return False
    out_event[n_events, 0] = x
    out_event[n_events, 1] = y
    out_event[n_events, 2] = t0
    out_event[n_events, 3] = m
    out_event[n_events, 4] = chi2
    out_event[n_events, 5] = n_obs
    out_event[n_events, 6] = tile
    out_cov[n_events] = cov
    for i in range(out_picks.shape[1]):
        out_picks[n_events, i] = picks[i] if i < m else NO_PICK
    for i in range(m):
        pick_used[picks[i]] = True
    return True
