"""The starts of a fire mission's hypotheses (``fuse/mission.py``): the stack's peaks at the focused place
(``peaks_at``), the rounds read off the stations' ranks (``ranked_start``), the side-shifted relabellings of a
hypothesis (``shifted_starts``), and the search over the labelling of the seed stations' picks (``labelled_starts``,
``station_options``; its costs compiled with Numba)."""

from __future__ import annotations

import itertools
import math

import numpy as np
from numba import njit

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.ripple import ROUND_TOLERANCE_Z, SEARCH_KM, Launcher, pick_sigma, stack_peaks
from truceline.fuse.rival import PickContext

MIN_SEPARATION_S = 0.5
"""Two rounds of a mission are at least this far apart in origin time (a gun or mortar section's rounds)."""
SHIFT_ANGLES = 8
"""Directions of the lines that split the stations into the two sides of a shifted start (``shifted_starts``)."""


def peaks_at(pool: np.ndarray, ctx: PickContext, x: float, y: float, atm: np.ndarray,
             min_stations: int) -> list[tuple[float, float]]:
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
    tau = ctx.pick_time[pool] - tt
    sig = pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
    return stack_peaks(tau, s, sig, min_stations, MIN_SEPARATION_S)


def shifted_starts(rounds: list[Launcher], ctx: PickContext, cx: float, cy: float, atm: np.ndarray,
                   min_stations: int) -> list[list[tuple[float, float, float]]]:
    """Starts that undo the alias of a pulse train: the rounds' picks at the stations on one side of a line through
    (cx, cy) (``SHIFT_ANGLES`` directions) given to the next round in time (or to the previous), one more round
    added at the end (or the start); each round of the relabelled picks located again (``kernels.locate``) where it
    has picks of at least three stations."""
    c, wx, wy = (float(v) for v in atm)
    out = []
    for angle in np.arange(SHIFT_ANGLES) * (math.pi / SHIFT_ANGLES):
        ux, uy = math.cos(angle), math.sin(angle)
        for side in (1.0, -1.0):
            for shift in (1, -1):
                labelled: list[list[int]] = [[] for _ in range(len(rounds) + 1)]
                for j, r in enumerate(rounds):
                    p = r.picks[0]
                    st = ctx.pick_station[p]
                    moved = side * ((ctx.st_x[st] - cx) * ux + (ctx.st_y[st] - cy) * uy) > 0
                    base = j if shift == 1 else j + 1
                    for pick, m in zip(p.tolist(), moved.tolist()):
                        labelled[base + shift if m else base].append(int(pick))
                start = []
                for j, members in enumerate(labelled):
                    p = np.array(sorted(members), dtype=np.int64)
                    if len(np.unique(ctx.pick_station[p])) < 3:
                        continue
                    ref = rounds[min(max(j - (0 if shift == 1 else 1), 0), len(rounds) - 1)]
                    x, y, t0, cov, _chi, _n = kernels.locate(
                        p, ctx.pick_station[p], ctx.pick_time, ctx.pick_baz, ctx.pick_baz_sigma, ctx.st_x, ctx.st_y,
                        ctx.st_north, ref.x, ref.y, float(ref.times[0]), c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15, ctx.range_slope)
                    if np.isfinite(cov[0, 0]) and math.hypot(x - cx, y - cy) <= SEARCH_KM:
                        start.append((float(x), float(y), float(t0)))
                if len(start) >= 2:
                    out.append(start)
    return out


def ranked_start(pool: np.ndarray, ctx: PickContext, k: int, cx: float, cy: float, atm: np.ndarray,
                 min_stations: int) -> list[tuple[float, float, float]]:
    """``k`` rounds read off the stations that hold exactly ``k`` picks of the pool: their picks in time order are
    the rounds' arrivals in firing order, so the j-th picks of those stations are located together (from the
    cluster's place) as round j. Empty when fewer than ``min_stations`` stations hold ``k`` picks or a round does not
    locate."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    stations, counts = np.unique(s, return_counts=True)
    chosen = stations[counts == k]
    if len(chosen) < min_stations:
        return []
    ranks: list[list[int]] = [[] for _ in range(k)]
    for st in chosen.tolist():
        mine = pool[s == st]
        for j, p in enumerate(mine[np.argsort(ctx.pick_time[mine], kind="stable")].tolist()):
            ranks[j].append(int(p))
    out = []
    for rank in ranks:
        p = np.array(rank, dtype=np.int64)
        tt = travel_times(ctx.st_x[ctx.pick_station[p]], ctx.st_y[ctx.pick_station[p]], cx, cy, c, wx, wy, ctx.range_slope)
        t = float(np.median(ctx.pick_time[p] - tt))
        x, y, t0, cov, _chi, _n = kernels.locate(
            p, ctx.pick_station[p], ctx.pick_time, ctx.pick_baz, ctx.pick_baz_sigma, ctx.st_x, ctx.st_y, ctx.st_north,
            cx, cy, t, c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15, ctx.range_slope)
        if not np.isfinite(cov[0, 0]) or math.hypot(x - cx, y - cy) > SEARCH_KM:
            return []
        out.append((float(x), float(y), float(t0)))
    return out


LABEL_GRID_KM = 0.6
"""The labelling search places each round on a grid this far about the cluster's median position ..."""
LABEL_STEP_KM = 0.05
"""... of this step."""
BATTERY_KM = 0.4
"""A battery's tubes stand within this distance of each other (tube artillery 400 m wide, mortars 120 m): the rounds
of one labelling must lie this near to each other (plus a grid step). Two picks of one station more than
``BATTERY_KM`` / c apart arrive in the rounds' firing order (the travel times of two tubes differ by less); nearer
picks may be in either order."""
PRIOR_KM = 0.5
"""A round's place on the grid is pulled weakly towards the cluster's place (one unit of chi-square at this distance),
so that a round with few seed picks (its place not fixed by them) starts there."""
LABEL_MIN_GAP_S = MIN_SEPARATION_S
"""Rounds of one labelling are in firing order at least this far apart. A salvo's tubes fire within the weapon's
spread of the command, so two rounds may leave within a tenth of a second, but such rounds are not told apart by
the labelling's cost (`violation` seed 9, launches 8-10, 0.08 and 0.24 s apart: the true labelling costs 109.1, the
best 102.1); with no gap required the search only adds mixtures of them."""
LABEL_STATIONS = 8
LABEL_COMBOS = 4096
"""At most this many seed stations, and labellings of them, are searched exhaustively."""
LABEL_REFINE = 64
LABEL_ITERATIONS = 3
"""The best labellings by their cost after extension are refitted on the grid (rounds placed again from all their
picks, the other stations assigned again, this many times) ..."""
LABEL_STARTS = 4
"""... and the best of them refined by ``joint_rounds``."""
MAX_OPTION_PICKS = 5
"""A station holding more picks of the pool is not searched (its nearest picks to the cluster's time are kept)."""


def station_options(times: np.ndarray, k: int, order_gap_s: float, leave_out: bool) -> np.ndarray:
    """The ways a station's picks (time order) map to ``k`` rounds in firing order: one-to-one, each pick to a round
    or (with ``leave_out``) to none (-1); two picks more than ``order_gap_s`` apart keep their order (a later pick is a
    later round). Without ``leave_out`` every pick is assigned, or exactly ``k`` of them when there are more. Rows of
    round indices, one per pick."""
    m = len(times)
    out = []
    must = min(m, k)
    for labels in itertools.product(range(-1, k), repeat=m):
        held = [r for r in labels if r >= 0]
        if len(set(held)) != len(held):
            continue
        if not leave_out and len(held) != must:
            continue
        ok = True
        for a in range(m):
            for b in range(a + 1, m):
                if labels[a] >= 0 and labels[b] >= 0 and times[b] - times[a] > order_gap_s and labels[b] < labels[a]:
                    ok = False
        if ok:
            out.append(labels)
    return np.array(out, dtype=np.int64).reshape(len(out), m)


@njit(cache=True)
def _add_pick(s0: np.ndarray, s1: np.ndarray, s2: np.ndarray, r: int, weight: float, t: float,
              travel: np.ndarray) -> None:
    """Add one pick (time ``t``, its station's ``weight`` and travel times from every grid point) to round ``r``'s
    weighted sums of back-projected origin times over the grid (count, sum, sum of squares)."""
    for g in range(len(travel)):
        tau = t - travel[g]
        s0[r, g] += weight
        s1[r, g] += weight * tau
        s2[r, g] += weight * tau * tau


@njit(cache=True)
def _labelling_cost(choice: np.ndarray, iterations: int, tt: np.ndarray, w: np.ndarray, pick_t: np.ndarray,
                    seed: np.ndarray, seed_opts: np.ndarray, other: np.ndarray, other_start: np.ndarray,
                    other_opts: np.ndarray, prior: np.ndarray, gx: np.ndarray, gy: np.ndarray, k: int,
                    spread_km: float, min_gap_s: float, leave_cost: float,
                    where: np.ndarray, when: np.ndarray) -> float:
    """The cost of one labelling of the seed stations (``choice``: each seed station's option row): each round's
    place on the grid where its picks' back-projected times agree best (weighted variance plus ``prior``), its origin
    time their weighted mean; the other stations' picks assigned by their best option (squared z capped at
    ``leave_cost``, a pick left out at ``leave_cost``); with ``iterations``, the rounds placed again from the seed
    picks and the other stations' assigned picks, and those assigned again, in turn. Infinite when a round has no
    seed pick, the rounds are out of firing order or nearer than ``min_gap_s``, or stand more than ``spread_km``
    apart. Fills ``where`` (grid index) and ``when`` (origin time) of the rounds."""
    n_grid = len(gx)
    m_pick = pick_t.shape[1]
    s0 = np.zeros((k, n_grid))
    s1 = np.zeros((k, n_grid))
    s2 = np.zeros((k, n_grid))
    for s in range(len(seed)):
        u = seed[s]
        for i in range(m_pick):
            r = seed_opts[choice[s], i]
            if r < 0:
                continue
            _add_pick(s0, s1, s2, r, w[u], pick_t[u, i], tt[:, u])
    a0 = s0.copy()
    a1 = s1.copy()
    a2 = s2.copy()
    picked = np.zeros(len(other), dtype=np.int64)
    value = np.inf
    for it in range(iterations + 1):
        for r in range(k):
            if a0[r, 0] <= 0.0:
                return np.inf
            best = np.inf
            bg = 0
            for g in range(n_grid):
                v = a2[r, g] - a1[r, g] * a1[r, g] / a0[r, g] + prior[g]
                if v < best:
                    best = v
                    bg = g
            where[r] = bg
            when[r] = a1[r, bg] / a0[r, bg]
        for r in range(1, k):
            if when[r] - when[r - 1] < min_gap_s:
                return np.inf
        for r in range(k):
            for q in range(r + 1, k):
                if math.hypot(gx[where[r]] - gx[where[q]], gy[where[r]] - gy[where[q]]) > spread_km:
                    return np.inf
        value = 0.0
        for r in range(k):
            g = where[r]
            t = when[r]
            value += s2[r, g] - 2.0 * t * s1[r, g] + t * t * s0[r, g] + prior[g]
        for q in range(len(other)):
            u = other[q]
            best = np.inf
            for o in range(other_start[q], other_start[q + 1]):
                v = 0.0
                for i in range(m_pick):
                    r = other_opts[o, i]
                    if r == -2:
                        break
                    if r < 0:
                        v += leave_cost
                        continue
                    z = pick_t[u, i] - when[r] - tt[where[r], u]
                    v += min(z * z * w[u], leave_cost)
                if v < best:
                    best = v
                    picked[q] = o
            value += best
        if it == iterations:
            break
        a0[:] = s0
        a1[:] = s1
        a2[:] = s2
        for q in range(len(other)):
            u = other[q]
            o = picked[q]
            for i in range(m_pick):
                r = other_opts[o, i]
                if r == -2:
                    break
                if r < 0:
                    continue
                z = pick_t[u, i] - when[r] - tt[where[r], u]
                if z * z * w[u] >= leave_cost:
                    continue
                _add_pick(a0, a1, a2, r, w[u], pick_t[u, i], tt[:, u])
    return value


@njit(cache=True)
def _labelling_costs(tt: np.ndarray, w: np.ndarray, pick_t: np.ndarray, seed: np.ndarray, seed_start: np.ndarray,
                     seed_opts: np.ndarray, other: np.ndarray, other_start: np.ndarray, other_opts: np.ndarray,
                     prior: np.ndarray, gx: np.ndarray, gy: np.ndarray, k: int, spread_km: float,
                     min_gap_s: float, leave_cost: float, n_refine: int,
                     iterations: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_labelling_cost`` of every labelling of the seed stations (mixed radix over their options), then of the
    ``n_refine`` best again with ``iterations`` refits. Returns the costs, the rounds' grid indices and times."""
    n_seed = len(seed)
    sizes = seed_start[1:] - seed_start[:-1]
    total = 1
    for s in range(n_seed):
        total *= sizes[s]
    cost = np.full(total, np.inf)
    where = np.zeros((total, k), dtype=np.int64)
    when = np.zeros((total, k))
    choice = np.zeros((total, n_seed), dtype=np.int64)
    for c in range(total):
        rest = c
        for s in range(n_seed):
            choice[c, s] = seed_start[s] + rest % sizes[s]
            rest //= sizes[s]
        cost[c] = _labelling_cost(choice[c], 0, tt, w, pick_t, seed, seed_opts, other, other_start, other_opts,
                                  prior, gx, gy, k, spread_km, min_gap_s, leave_cost, where[c], when[c])
    if iterations > 0:
        order = np.argsort(cost, kind="mergesort")[:n_refine]
        for c in order:
            if np.isfinite(cost[c]):
                cost[c] = _labelling_cost(choice[c], iterations, tt, w, pick_t, seed, seed_opts, other, other_start,
                                          other_opts, prior, gx, gy, k, spread_km, min_gap_s, leave_cost, where[c],
                                          when[c])
    return cost, where, when


def labelled_starts(pool: np.ndarray, ctx: PickContext, held: np.ndarray, k: int, cx: float, cy: float,
                    atm: np.ndarray, n_starts: int = LABEL_STARTS) -> list[list[tuple[float, float, float]]]:
    """Starts for ``joint_rounds`` from a search over the labelling of the pool's picks rather than over places: the
    seed stations (those whose pool picks the cluster's events all hold, most informative first: picks per sigma, up
    to ``LABEL_STATIONS`` and ``LABEL_COMBOS`` labellings) are labelled exhaustively (``station_options``: every pick
    to a round, firing order kept where physics implies it); each labelling places its ``k`` rounds on a grid about
    the cluster (``LABEL_GRID_KM``) within ``BATTERY_KM`` of each other, assigns the other stations' picks by their
    best option, and is scored by the total cost (``_labelling_costs``). The ``n_starts`` best labellings' rounds."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    stations, inverse = np.unique(s, return_inverse=True)
    n_st = len(stations)
    step = LABEL_STEP_KM
    axis = np.arange(-LABEL_GRID_KM, LABEL_GRID_KM + 1e-9, step)
    gx, gy = (a.ravel() for a in np.meshgrid(axis, axis, indexing="ij"))
    inside = np.hypot(gx, gy) <= LABEL_GRID_KM + 1e-9
    gx, gy = gx[inside] + cx, gy[inside] + cy
    prior = ((gx - cx) ** 2 + (gy - cy) ** 2) / PRIOR_KM**2
    tt = travel_times(ctx.st_x[stations][None, :], ctx.st_y[stations][None, :], gx[:, None], gy[:, None], c, wx, wy, ctx.range_slope)
    tt_c = travel_times(ctx.st_x[stations], ctx.st_y[stations], cx, cy, c, wx, wy, ctx.range_slope)
    sig = pick_sigma(tt_c, ctx.sigma_s, ctx.kappa_model)
    w = 1.0 / sig**2
    rows = [np.flatnonzero(inverse == i) for i in range(n_st)]
    t0_c = float(np.median(ctx.pick_time[pool] - tt_c[inverse]))
    for i, r in enumerate(rows):  # a crowded station keeps its picks nearest the cluster's time
        if len(r) > MAX_OPTION_PICKS:
            near = np.argsort(np.abs(ctx.pick_time[pool[r]] - tt_c[i] - t0_c), kind="stable")[:MAX_OPTION_PICKS]
            rows[i] = np.sort(r[near])
    m_max = max(len(r) for r in rows)
    pick_t = np.full((n_st, m_max), np.nan)
    for i, r in enumerate(rows):
        pick_t[i, : len(r)] = ctx.pick_time[pool[r]]
    order_gap = BATTERY_KM / c
    held_set = np.isin(pool, held)
    candidates = [i for i, r in enumerate(rows) if np.all(held_set[r])]
    candidates.sort(key=lambda i: (-len(rows[i]) * math.sqrt(w[i]), int(stations[i])))
    seed: list[int] = []
    seed_opts: list[np.ndarray] = []
    combos = 1
    for i in candidates:
        opts = station_options(pick_t[i, : len(rows[i])], k, order_gap, leave_out=False)
        if len(seed) >= LABEL_STATIONS or combos * len(opts) > LABEL_COMBOS:
            continue
        seed.append(i)
        seed_opts.append(opts)
        combos *= len(opts)
    if len(seed) < 3:
        return []
    other = [i for i in range(n_st) if i not in seed]
    other_opts = [station_options(pick_t[i, : len(rows[i])], k, order_gap, leave_out=True) for i in other]

    def packed(opts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        start = np.zeros(len(opts) + 1, dtype=np.int64)
        start[1:] = np.cumsum([len(o) for o in opts])
        out = np.full((int(start[-1]), m_max), -2, dtype=np.int64)
        for o, lo in zip(opts, start[:-1].tolist()):
            out[lo: lo + len(o), : o.shape[1]] = o
        return start, out

    seed_start, seed_packed = packed(seed_opts)
    other_start, other_packed = packed(other_opts)
    cost, where, when = _labelling_costs(tt, w, pick_t, np.array(seed, dtype=np.int64), seed_start, seed_packed,
                                         np.array(other, dtype=np.int64), other_start, other_packed, prior, gx, gy, k,
                                         BATTERY_KM + step, LABEL_MIN_GAP_S, ROUND_TOLERANCE_Z**2, LABEL_REFINE,
                                         LABEL_ITERATIONS)
    out = []
    for best in np.argsort(cost, kind="stable")[:n_starts].tolist():
        if not np.isfinite(cost[best]):
            break
        out.append([(float(gx[g]), float(gy[g]), float(t)) for g, t in zip(where[best].tolist(), when[best].tolist())])
    return out
