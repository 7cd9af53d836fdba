"""The stack a launcher's ripple is found in (``fuse/ripple.py``): a burst's picks pooled (``burst_pool``),
back-projected to origin times at trial points and stacked; the point where they focus (``focus_point``, the burst's
head and tail: ``head_and_tail``), the round times at the stack's peaks (``stack_peaks``), each station's picks shared
one-to-one among the rounds (``assign_picks``), and the records of a launcher's rounds (:class:`Launcher`) and of a
located round (:class:`Round`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.repeat import range_pool, station_ranges
from truceline.fuse.rival import PickContext

SEARCH_KM = 2.5
"""The launch point is searched this far from the cluster's median position ..."""
STEP_KM = 0.1
"""... on a grid of this step."""
BIN_S = 0.02
STACK_SIGMA_S = 0.08
"""Width of each back-projected pick in the stack (the comb's teeth are 0.5 s apart)."""
BLOB_SIGMA_S = 0.3
"""Width of each pick in the first, coarse stack: the burst as a whole, not its rounds."""
FINE_SPAN_KM = 0.6
FINE_STEP_KM = 0.02
OFFSET_PRIOR_S = 0.15
"""Prior sigma of a station's offset common to the ripple (travel-time model error at 30 km)."""
EDGE_S = 1.5
END_PICKS = 4
"""The head (tail) of a burst at a station: its first (last) picks, when the battery's first (last) launcher
fires alone."""
SAME_KM = 0.15
"""A head and a tail focused this near are one launcher's."""
ROUND_TOLERANCE_Z = 2.5
"""A pick is assigned to a round if it is within this many sigma of its predicted arrival."""


@dataclass(slots=True)
class Launcher:
    x: float
    y: float
    times: np.ndarray  # origin time of each round
    picks: list[np.ndarray]  # pick indices (kernel order) of each round
    offsets: dict[int, float]  # station -> offset common to the ripple (s)


@dataclass(slots=True)
class Round:
    x: float
    y: float
    t0: float
    picks: np.ndarray
    chi2: float
    n_obs: int
    covariance: np.ndarray


def pick_sigma(tt: np.ndarray, sigma_s: float, kappa_model: float) -> np.ndarray:
    return np.sqrt(sigma_s**2 + (kappa_model * tt) ** 2)


def _focus(pool: np.ndarray, ctx: PickContext, gx: np.ndarray, gy: np.ndarray, atm: np.ndarray,
           offsets: np.ndarray, t_lo: float, t_hi: float, width_s: float = 0.08) -> np.ndarray:
    """Semblance of the back-projected picks at each grid point: the sum of squares of their stacked density
    (each pick a Gaussian of ``STACK_SIGMA_S``, weighted by its precision relative to the best pick's)."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    stations, inverse = np.unique(s, return_inverse=True)
    tt = travel_times(ctx.st_x[stations][None, :], ctx.st_y[stations][None, :], gx[:, None], gy[:, None], c, wx, wy, ctx.range_slope)
    tau = ctx.pick_time[pool][None, :] - tt[:, inverse] - offsets[None, :]  # (grid, picks)
    weight = ctx.sigma_s / pick_sigma(tt[:, inverse], ctx.sigma_s, ctx.kappa_model)
    nb = int(math.ceil((t_hi - t_lo) / BIN_S)) + 1
    idx = np.floor((tau - t_lo) / BIN_S).astype(np.int64)
    inside = (idx >= 0) & (idx < nb)
    rows = np.broadcast_to(np.arange(len(gx))[:, None], idx.shape)
    hist = np.zeros((len(gx), nb))
    np.add.at(hist, (rows[inside], idx[inside]), weight[inside])
    half = int(math.ceil(3 * width_s / BIN_S))
    kernel = np.exp(-0.5 * (np.arange(-half, half + 1) * BIN_S / width_s) ** 2)
    from scipy.signal import fftconvolve

    dens = fftconvolve(hist, kernel[None, :], mode="same", axes=1)
    return np.sum(dens**2, axis=1)


def stack_peaks(tau: np.ndarray, station: np.ndarray, sigma: np.ndarray, min_stations: int,
                separation_s: float) -> list[tuple[float, float]]:
    """Round times: the peaks of the stacked back-projected times, one pick per station each, strongest first."""
    used = np.zeros(len(tau), dtype=bool)
    times: list[tuple[float, float]] = []
    while True:
        free = np.flatnonzero(~used)
        if len(free) < min_stations:
            break
        order = free[np.argsort(tau[free], kind="stable")]
        tv = tau[order]
        # for each free pick as a centre: stations within tolerance (soft count)
        best, best_t = 0.0, math.nan
        for i in range(len(order)):
            lo = np.searchsorted(tv, tv[i] - 0.25)
            hi = np.searchsorted(tv, tv[i] + 0.25)
            seg = order[lo:hi]
            z = (tau[seg] - tv[i]) / sigma[seg]
            w = np.exp(-0.5 * z**2)
            # one per station: its best
            st = station[seg]
            o = np.lexsort((-w, st))
            first = np.r_[True, st[o][1:] != st[o][:-1]]
            score = float(np.sum(w[o][first]))
            if score > best:
                centre = float(np.sum(w[o][first] * tau[seg][o][first]) / score)
                best, best_t = score, centre
        if best < min_stations * 0.5 or not math.isfinite(best_t):
            break
        if all(abs(best_t - t) >= separation_s for t, _w in times):
            times.append((best_t, best))
        near = np.abs(tau - best_t) <= np.maximum(ROUND_TOLERANCE_Z * sigma, 0.05)
        # take one pick per station nearest the peak
        cand = np.flatnonzero(near & ~used)
        if len(cand) == 0:
            break
        o = cand[np.lexsort((np.abs(tau[cand] - best_t), station[cand]))]
        first = np.r_[True, station[o][1:] != station[o][:-1]]
        used[o[first]] = True
    return sorted(times)


def assign_picks(pool: np.ndarray, ctx: PickContext, x: float, y: float, times: np.ndarray, atm: np.ndarray,
                 iterations: int = 6) -> tuple[np.ndarray, list[np.ndarray], dict[int, float]]:
    """One-to-one assignment of each station's picks to the rounds (Hungarian, with a cost for leaving a pick
    out), alternated with the stations' offsets (shrunk by ``OFFSET_PRIOR_S``) and the round times."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    stations = np.unique(s)
    tt = dict(zip(stations.tolist(), travel_times(ctx.st_x[stations], ctx.st_y[stations], x, y, c, wx, wy, ctx.range_slope).tolist()))
    offsets = {int(st): 0.0 for st in stations}
    times = np.asarray(times, dtype=float).copy()
    k = len(times)
    assigned: list[list[int]] = [[] for _ in range(k)]
    for _it in range(iterations):
        assigned = [[] for _ in range(k)]
        residual_sum = {int(st): 0.0 for st in stations}
        residual_w = {int(st): 0.0 for st in stations}
        for st in stations.tolist():
            mine = pool[s == st]
            sig = float(pick_sigma(np.array([tt[st]]), ctx.sigma_s, ctx.kappa_model)[0])
            pred = times + tt[st] + offsets[st]
            z = (ctx.pick_time[mine][:, None] - pred[None, :]) / sig
            cost = np.where(np.abs(z) <= ROUND_TOLERANCE_Z, z**2, 1e6)
            big = np.full((len(mine), len(mine)), ROUND_TOLERANCE_Z**2)
            full = np.hstack([cost, np.where(np.eye(len(mine), dtype=bool), big, 1e6)])
            r, col = linear_sum_assignment(full)
            for a, b in zip(r.tolist(), col.tolist()):
                if b < k and full[a, b] < 1e5:
                    assigned[b].append(int(mine[a]))
                    residual_sum[st] += float(ctx.pick_time[mine[a]] - times[b] - tt[st])
                    residual_w[st] += 1.0
        for st in stations.tolist():
            sig = float(pick_sigma(np.array([tt[st]]), ctx.sigma_s, ctx.kappa_model)[0])
            lam = (sig / OFFSET_PRIOR_S) ** 2
            offsets[st] = residual_sum[st] / (residual_w[st] + lam)
        for j in range(k):
            if assigned[j]:
                p = np.array(assigned[j])
                stj = ctx.pick_station[p]
                res = ctx.pick_time[p] - np.array([tt[v] + offsets[v] for v in stj.tolist()])
                times[j] = float(np.median(res))
    return times, [np.array(sorted(a), dtype=np.int64) for a in assigned], offsets


def focus_point(pool: np.ndarray, ctx: PickContext, cx: float, cy: float, w_lo: float, w_hi: float,
                atm: np.ndarray) -> tuple[float, float]:
    """The point about (cx, cy) where the pool's picks, back-projected to origin times in [w_lo, w_hi], stack
    sharpest: first the burst as a blob (``BLOB_SIGMA_S``, grid ``STEP_KM``), then its comb (``STACK_SIGMA_S``;
    the teeth 0.5 s apart make the focus oscillate with a period of ~0.17 km, so this grid is finer)."""
    offsets_grid = np.arange(-SEARCH_KM, SEARCH_KM + 1e-9, STEP_KM)
    gx, gy = (a.ravel() for a in np.meshgrid(offsets_grid, offsets_grid, indexing="ij"))
    inside = np.hypot(gx, gy) <= SEARCH_KM + 1e-9
    gx, gy = gx[inside] + cx, gy[inside] + cy
    zero = np.zeros(len(pool))
    score = _focus(pool, ctx, gx, gy, atm, zero, w_lo, w_hi, BLOB_SIGMA_S)
    best = int(np.argmax(score))
    fine = np.arange(-FINE_SPAN_KM, FINE_SPAN_KM + 1e-9, FINE_STEP_KM)
    fx, fy = (a.ravel() for a in np.meshgrid(fine, fine, indexing="ij"))
    inside = np.hypot(fx, fy) <= FINE_SPAN_KM + 1e-9
    fx, fy = fx[inside] + gx[best], fy[inside] + gy[best]
    score = _focus(pool, ctx, fx, fy, atm, zero, w_lo, w_hi, STACK_SIGMA_S)
    best = int(np.argmax(score))
    return float(fx[best]), float(fy[best])


def burst_pool(members: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray, picks: list[np.ndarray],
               holder: np.ndarray, ctx: PickContext, station_pick_start: np.ndarray, atm: np.ndarray,
               reach_km: float) -> tuple[np.ndarray, float, float, float, float]:
    """The picks of a burst's events and the free picks of the stations in its window."""
    cx, cy = float(np.median(x[members])), float(np.median(y[members]))
    t_lo, t_hi = float(np.min(t0[members])), float(np.max(t0[members]))
    c, wx, wy = (float(v) for v in atm)
    stations = np.flatnonzero(np.hypot(ctx.st_x - cx, ctx.st_y - cy) <= reach_km)
    tt = travel_times(ctx.st_x[stations], ctx.st_y[stations], cx, cy, c, wx, wy, ctx.range_slope)
    parts = [np.concatenate([picks[m] for m in members])]
    margin = 1.0 + SEARCH_KM / 2.0 / c
    cand = range_pool(station_ranges(ctx, station_pick_start, stations, t_lo + tt - margin, t_hi + tt + margin))
    parts.append(cand[holder[cand] < 0])
    pool = np.unique(np.concatenate(parts))
    return pool, cx, cy, t_lo, t_hi


def head_and_tail(pool: np.ndarray, ctx: PickContext, cx: float, cy: float, t_lo: float, t_hi: float,
                  atm: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """The points where the burst's head (the first ``END_PICKS`` picks of each station) and its tail focus."""
    window = (t_lo - SEARCH_KM / 0.3 - EDGE_S, t_hi + SEARCH_KM / 0.3 + EDGE_S)  # no pick falls out of it
    head, tail = _ends(pool, ctx.pick_station[pool], ctx.pick_time[pool])
    return focus_point(head, ctx, cx, cy, *window, atm), focus_point(tail, ctx, cx, cy, *window, atm)


def _ends(pool: np.ndarray, station: np.ndarray, time: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first and the last ``END_PICKS`` picks of each station in the pool: the head of the burst, when the
    first launcher fires alone, and its tail, when the last does."""
    head, tail = [], []
    for st in np.unique(station).tolist():
        mine = pool[station == st][np.argsort(time[station == st], kind="stable")]
        head.append(mine[:END_PICKS])
        tail.append(mine[-END_PICKS:])
    return np.unique(np.concatenate(head)), np.unique(np.concatenate(tail))
