"""The fine search around a seed of the vote (Numba; ``kernels.extract`` and ``fuse/trigger.py``): the free
picks that could come from near a point (``gather``), the origin time the most distinct stations agree on at a trial
point (``_best_origin``, with its soft count ``_soft_score``), the coarse-to-fine grid about the seed
(``fine_search``) and its scratch arrays (``search_buffers``).

Pure functions over arrays (no I/O). Units: kilometres, seconds, km/s.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from truceline.fuse.locator import travel_time


@njit(cache=True)
def gather(
    x: float, y: float, t_lo: float, t_hi: float, reach_km: float,
    st_x: np.ndarray, st_y: np.ndarray, station_pick_start: np.ndarray, pick_time: np.ndarray,
    pick_used: np.ndarray, c: float, wx: float, wy: float, slack_s: float,
    out_pick: np.ndarray, out_station: np.ndarray, g: float = 0.0,
) -> int:
    """Unused picks of stations within ``reach_km`` that could come from near (x, y)."""
    n = 0
    for s in range(len(st_x)):
        dx = st_x[s] - x
        dy = st_y[s] - y
        if dx * dx + dy * dy > reach_km * reach_km:
            continue
        first = station_pick_start[s]
        last = station_pick_start[s + 1]
        if first == last:
            continue
        tt = travel_time(st_x[s], st_y[s], x, y, c, wx, wy, g)
        lo = first + np.searchsorted(pick_time[first:last], t_lo + tt - slack_s)
        hi = first + np.searchsorted(pick_time[first:last], t_hi + tt + slack_s)
        for p in range(lo, hi):
            if pick_used[p] or n >= len(out_pick):
                continue
            out_pick[n] = p
            out_station[n] = s
            n += 1
    return n


@njit(cache=True)
def _best_origin(
    x: float, y: float, n: int, cand_pick: np.ndarray, cand_station: np.ndarray, pick_time: np.ndarray,
    st_x: np.ndarray, st_y: np.ndarray, c: float, wx: float, wy: float,
    t_lo: float, t_hi: float, tolerance_s: float, kappa: float, station_seen: np.ndarray,
    implied: np.ndarray, implied_station: np.ndarray, order_buffer: np.ndarray, station_best: np.ndarray,
    soft_scoring: bool, g: float = 0.0,
) -> tuple[int, float, float]:
    """At a trial source point, the origin time that the stations agree on best.

    Returns (stations within tolerance, origin time, soft count); see ``_soft_score``.
    """
    m = 0
    for i in range(n):
        s = cand_station[i]
        tt = travel_time(st_x[s], st_y[s], x, y, c, wx, wy, g)
        t0 = pick_time[cand_pick[i]] - tt
        if t0 < t_lo or t0 > t_hi:
            continue
        implied[m] = t0
        implied_station[m] = s
        m += 1
    if m == 0:
        return 0, 0.0, 0.0
    # insertion sort of indices: the implied times are nearly sorted already (candidates
    # come grouped by station and the trial points are close), and m is small
    for i in range(m):
        order_buffer[i] = i
    for i in range(1, m):
        key = order_buffer[i]
        value = implied[key]
        j = i - 1
        while j >= 0 and implied[order_buffer[j]] > value:
            order_buffer[j + 1] = order_buffer[j]
            j -= 1
        order_buffer[j + 1] = key
    best_count = 0
    best_t0 = 0.0
    best_soft = 0.0
    sigma_soft = 0.5 * tolerance_s
    right = 0
    distinct = 0
    for left in range(m):
        while right < m and implied[order_buffer[right]] - implied[order_buffer[left]] <= 2.0 * tolerance_s:
            s = implied_station[order_buffer[right]]
            if station_seen[s] == 0:
                distinct += 1
            station_seen[s] += 1
            right += 1
        if not soft_scoring:
            if distinct > best_count:
                best_count = distinct
                best_soft = distinct
                best_t0 = 0.5 * (implied[order_buffer[left]] + implied[order_buffer[right - 1]])
        elif distinct > best_soft:
            soft, centre = _soft_score(left, right, implied, implied_station, order_buffer, sigma_soft, station_best)
            if soft > best_soft:
                best_soft = soft
                best_count = distinct
                best_t0 = centre
        s = implied_station[order_buffer[left]]
        station_seen[s] -= 1
        if station_seen[s] == 0:
            distinct -= 1
    return best_count, best_t0, best_soft


@njit(cache=True)
def _soft_score(
    left: int, right: int, implied: np.ndarray, implied_station: np.ndarray, order_buffer: np.ndarray,
    sigma: float, station_best: np.ndarray,
) -> tuple[float, float]:
    """Soft count of a window of implied origin times: each station contributes the Gaussian
    weight of its best pick about the window's centre (found by one mean-shift step).

    Where several sources fire within a second (a salvo), a "compromise" origin time halfway
    between two of them has as many stations within tolerance as a true one, but a much
    lower soft count: this is what keeps the sources apart.
    """
    total = 0.0
    for k in range(left, right):
        total += implied[order_buffer[k]]
    centre = total / (right - left)
    weight_sum = 0.0
    weighted = 0.0
    for k in range(left, right):
        z = (implied[order_buffer[k]] - centre) / sigma
        w = math.exp(-0.5 * z * z)
        weight_sum += w
        weighted += w * implied[order_buffer[k]]
    if weight_sum > 0:
        centre = weighted / weight_sum
    for k in range(left, right):
        station_best[implied_station[order_buffer[k]]] = 0.0
    for k in range(left, right):
        z = (implied[order_buffer[k]] - centre) / sigma
        w = math.exp(-0.5 * z * z)
        s = implied_station[order_buffer[k]]
        if w > station_best[s]:
            station_best[s] = w
    soft = 0.0
    for k in range(left, right):
        s = implied_station[order_buffer[k]]
        soft += station_best[s]
        station_best[s] = 0.0
    return soft, centre


@njit(cache=True)
def fine_search(
    seed_x: float, seed_y: float, t_lo: float, t_hi: float, half_span: float, n: int,
    cand_pick: np.ndarray, cand_station: np.ndarray, pick_time: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
    c: float, wx: float, wy: float, fine_tolerance_s: float, kappa: float, min_stations: int,
    station_seen: np.ndarray, implied: np.ndarray, implied_station: np.ndarray, order_buffer: np.ndarray,
    station_best: np.ndarray, levels: int, soft_scoring: bool, g: float = 0.0,
) -> tuple[int, float, float, float, float]:
    """Coarse-to-fine grid search around a seed for the point and origin time that the most
    distinct stations agree on. Returns (stations, x, y, t0, soft count at the finest level)."""
    best_x = seed_x
    best_y = seed_y
    best_t0 = 0.0
    best_count = 0
    best_soft = 0.0
    span = half_span
    for _level in range(levels):
        steps = 10
        grid = 2.0 * span / steps
        bound = 1.4142 * grid / c  # differential travel time within half a grid step, both ways
        tol = fine_tolerance_s + bound
        centre_x = best_x
        centre_y = best_y
        level_best = 0
        level_soft = -1.0
        for i in range(steps + 1):
            for j in range(steps + 1):
                px = centre_x - span + i * grid
                py = centre_y - span + j * grid
                count, t0, soft = _best_origin(px, py, n, cand_pick, cand_station, pick_time, st_x, st_y,
                                               c, wx, wy, t_lo, t_hi, tol, kappa, station_seen,
                                               implied, implied_station, order_buffer, station_best,
                                               soft_scoring, g)
                if soft > level_soft:
                    level_best = count
                    level_soft = soft
                    best_x = px
                    best_y = py
                    best_t0 = t0
        best_count = level_best
        best_soft = level_soft
        if best_count < min_stations:
            break
        span = grid
    return best_count, best_x, best_y, best_t0, best_soft


@njit(cache=True)
def search_buffers(n_stations: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                               np.ndarray, np.ndarray, np.ndarray]:
    """Scratch arrays of a fine search (``gather``, ``fine_search``): candidate picks, their stations, implied
    origin times and their stations, an order buffer (1,024 candidates), then per station: seen, best, chosen, gap."""
    cap = 1024
    return (np.empty(cap, dtype=np.int64), np.empty(cap, dtype=np.int64), np.empty(cap), np.empty(cap, dtype=np.int64),
            np.empty(cap, dtype=np.int64), np.zeros(n_stations, dtype=np.int64), np.zeros(n_stations),
            np.empty(n_stations, dtype=np.int64), np.empty(n_stations))
