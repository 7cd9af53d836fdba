"""Joint re-association of events that overlap in space and time (salvos).

The greedy extraction takes one source at a time; when several guns of a battery fire
within a second of each other a few hundred metres apart, their arrivals at each station
interleave and a greedy choice can give one source a neighbour's pick. Here the events of
such a cluster share out the picks of each station jointly: an optimal one-to-one
assignment (Hungarian method) of the station's picks to the cluster's predicted arrivals,
then every event is relocated, until the assignment no longer changes (a hard-assignment
EM, in the spirit of GaMMA's mixture model but local to the cluster).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times


def clusters(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, *, distance_km: float, time_s: float) -> np.ndarray:
    """Label of the connected cluster of each event (linked when close in both space and time)."""
    n = len(t0_s)
    if n == 0:
        return np.zeros(0, dtype=int)
    order = np.argsort(t0_s)
    rows: list[int] = []
    cols: list[int] = []
    for a_pos, a in enumerate(order):
        for b in order[a_pos + 1 :]:
            if t0_s[b] - t0_s[a] > time_s:
                break
            if np.hypot(x_km[a] - x_km[b], y_km[a] - y_km[b]) <= distance_km:
                rows.append(int(a))
                cols.append(int(b))
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return np.asarray(connected_components(graph, directed=False)[1])


def refine_cluster(
    members: np.ndarray,
    x_km: np.ndarray,
    y_km: np.ndarray,
    t0_s: np.ndarray,
    picks: list[np.ndarray],
    *,
    pick_time: np.ndarray,
    pick_station: np.ndarray,
    pick_baz: np.ndarray,
    pick_baz_sigma: np.ndarray,
    st_x: np.ndarray,
    st_y: np.ndarray,
    st_north: np.ndarray,
    atmosphere: tuple[float, float, float],
    sigma_s: float,
    kappa_model: float,
    max_z: float = 3.0,
    iterations: int = 6,
    range_slope: float = 0.0,
) -> None:
    """Re-share the picks of one cluster among its events, in place (``range_slope``: the celerity's range term,
    ``kernels.travel_time``'s ``g``)."""
    c, wx, wy = atmosphere
    pool = np.unique(np.concatenate([picks[m] for m in members]))
    if len(pool) == 0:
        return
    pool_station = pick_station[pool]
    stations = np.unique(pool_station)
    previous: list[np.ndarray] | None = None
    current: list[np.ndarray] = [picks[m] for m in members]
    for _round in range(iterations):
        assigned: list[list[int]] = [[] for _ in members]
        for station in stations:
            candidates = pool[pool_station == station]
            tt = travel_times(np.full(len(members), st_x[station]), np.full(len(members), st_y[station]),
                              x_km[members], y_km[members], c, wx, wy, range_slope)
            predicted = t0_s[members] + tt
            sigma = np.sqrt(sigma_s**2 + (kappa_model * tt) ** 2)
            z = np.abs(pick_time[candidates][:, None] - predicted[None, :]) / sigma[None, :]
            cost = np.where(z <= max_z, z**2, 1e6)
            rows, cols = linear_sum_assignment(cost)
            for r, k in zip(rows, cols):
                if cost[r, k] < 1e6:
                    assigned[k].append(int(candidates[r]))
        current = [np.sort(np.array(a, dtype=np.int64)) for a in assigned]
        for k, m in enumerate(members):
            if len(current[k]) < 3:
                continue
            xk, yk, tk, cov, _chi2, _n = kernels.locate(
                current[k], pick_station[current[k]], pick_time, pick_baz, pick_baz_sigma, st_x, st_y, st_north,
                float(x_km[m]), float(y_km[m]), float(t0_s[m]), c, wx, wy, sigma_s, kappa_model, 2.5, 15, range_slope)
            if np.isfinite(cov[0, 0]):
                x_km[m], y_km[m], t0_s[m] = xk, yk, tk
        if previous is not None and all(np.array_equal(a, b) for a, b in zip(previous, current)):
            break
        previous = current
    for k, m in enumerate(members):
        picks[m] = current[k]
