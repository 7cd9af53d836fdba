"""A launcher's ripple: many rounds from one point, seconds apart, re-associated as one comb.

A multiple-rocket launcher does not move while it fires: its 6-20 rounds leave one point about half a
second apart, and a second launcher of the battery may fire from a few hundred metres away a few seconds
later. At every station the rounds arrive in firing order with the *same* travel time, so a station's
picks in the window are the ripple's origin-time train shifted by that station's travel time (plus an
error of the travel-time model that is common to all the rounds: the wind and sound speed at the place
are off by the same amount for each). The free search (x, y, origin time for each event) cannot see that:
with rounds 0.5 s apart the range-origin-time trade-off lets a point a kilometre away hold picks of five
different rounds, and a burst comes out as a crowd of mixtures located 0.1-2.5 km off.

Here a burst (``burst_clusters``: events within ``CLUSTER_KM`` chained by gaps of at most ``CLUSTER_GAP_S`` s,
at least ``CLUSTER_MIN_EVENTS``) is searched as one source with many origin times. Its picks and the free picks
of the stations in its window are pooled (``burst_pool``); for each point of a grid about the burst the picks
are back-projected to origin times (pick time minus travel time) and stacked (``_focus``, a semblance: the sum
of squares of the stacked density). At the launch point the back-projected times of all the stations pile up
in sharp peaks, one per round; elsewhere they smear. The point is focused first with wide picks (the burst as
a blob), then with narrow ones on a grid finer than the ~0.17 km over which the comb's teeth slip by one
(``focus_point``). It is focused on the first picks of each station (the head of the burst, when the battery's
first launcher fires alone) and on the last (the tail): if both give one point, one launcher fired
(``launchers_of``). At that point the rounds are the peaks of the stack, one pick per station each
(``_stack_peaks``), kept where they lie on a lattice of the launcher's firing interval (``lattice``: it fires
at a fixed interval, so a peak off the lattice is another source's); then station offsets (the model error
common to the ripple, shrunk towards zero by ``OFFSET_PRIOR_S``), round times and a one-to-one assignment of
each station's picks to the rounds are refined in turn (``_assign``). Each round is located by the engine's
locator from its own picks (its uncertainty is that of one event) and must fit as one source and pass the
engine's event tests (``located_rounds``). The rounds replace the burst's events only if they hold nearly as
many picks (``HELD_SHARE``) and fit them no worse (``MISFIT_GAIN``; ``ripple_bursts``).

Two launchers firing at once (the head and the tail focus apart) are left as they are by default: even with the true
points, round times and station offsets, only ~74 % of their picks lie nearest to their own round (the teeth of the two
combs interleave within the travel-time errors). With ``two`` (``FusionConfig.ripple_two_launchers``) they are fitted
jointly (``two_launchers``): each station's offset, common to both launchers (they stand a few hundred metres apart),
is searched on a grid with the station's whole train of picks shared one-to-one among both combs' rounds at each
offset (``_fit_combs``), so that the ends of the trains, where one launcher fires alone, hold the alignment; the
lattices' empty ends are pruned (``_pruned``); two launchers must beat one by the Bayesian information criterion
(``CombFit.bic``), and their rounds replace the burst's events when most slots give rounds that fit and pass the
tests (``TWO_ROUND_YIELD``, ``TWO_HELD_SHARE``; docs/fusion.md, "Two launchers").

A battery of tubes fires from one place at no fixed interval, so no lattice holds its rounds. With ``places``
(``FusionConfig.ripple_places``) a burst that no comb explains but whose head and tail focus at one point is
re-associated as rounds at its places (``rounds_at_places``: the stack's peaks at the focus, each station's picks
shared one-to-one among them, further places focused on the picks left), each round located and tested as above;
they replace the burst's events under one launcher's acceptance (``_places_accepted``; docs/fusion.md, "Session 13
(heavy13)").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.refine import clusters
from truceline.fuse.rival import PickContext, fits_one_source

CLUSTER_KM = 2.0
"""Events this near to each other (and ``CLUSTER_GAP_S`` apart in origin time) belong to one burst."""
CLUSTER_GAP_S = 3.0
CLUSTER_MIN_EVENTS = 6
"""A burst has at least this many events."""
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
MIN_ROUNDS = 4
"""A launcher is taken as found with at least this many rounds."""
EDGE_S = 1.5
END_PICKS = 4
"""The head (tail) of a burst at a station: its first (last) picks, when the battery's first (last) launcher
fires alone."""
SAME_KM = 0.15
"""A head and a tail focused this near are one launcher's."""
MIN_INTERVAL_S = 0.3
MAX_INTERVAL_S = 2.0
"""A ripple's interval between rounds is sought in this range (a multiple-rocket launcher: about 0.5 s)."""
LATTICE_TOL_S = 0.1
"""A round lies this near to its launcher's lattice of firing times (jitter of the launcher and of the peak)."""
HELD_SHARE = 0.9
"""A burst's rounds replace its events only if they hold at least this share of the events' picks ..."""
MISFIT_GAIN = 1.0
"""... and fit them no worse: their chi-square per observation at most this share of the events' (the mixtures were
selected for their fit, so a lower bar would turn away true rounds: the toy ripple of ``tests/fuse/test_ripple.py``)."""
ROUND_TOLERANCE_Z = 2.5
"""A pick is assigned to a round if it is within this many sigma of its predicted arrival."""
OFFSET_SPAN_S = 0.4
OFFSET_STEP_S = 0.02
"""Two launchers: each station's offset is searched on this grid (within 2.7 prior sigmas)."""
TWO_ITERATIONS = 4
"""Two launchers: alternations of the joint assignment with the refit of the points and round times."""
POINT_SPAN_KM = 0.2
"""Two launchers: a launcher's point is refitted on a ``FINE_STEP_KM`` grid this far about it."""
TWO_ROUND_YIELD = 0.75
"""Two launchers replace a burst's events only if at least this share of their lattices' slots give rounds that fit
as one source and pass the event tests ..."""
TWO_HELD_SHARE = 0.75
"""... and the rounds hold at least this share of the events' picks."""
TWO_TRIM = 3
"""Two launchers: a round that does not fit as one source is located again without its worst pick, up to this many
times."""
ROUND_SHARE = 0.5
"""Two launchers: a slot at the end of a launcher's lattice heard by fewer than this share of the stations of its
well-heard rounds (upper quartile) is not one of its rounds."""


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


def burst_clusters(x: np.ndarray, y: np.ndarray, t0: np.ndarray, *, distance_km: float = CLUSTER_KM,
                   gap_s: float = CLUSTER_GAP_S, min_events: int = CLUSTER_MIN_EVENTS) -> list[np.ndarray]:
    """Groups of at least ``min_events`` events chained by pairs within ``distance_km`` and ``gap_s``
    (:func:`truceline.fuse.refine.clusters`), in the order of their first event's index."""
    labels = clusters(x, y, t0, distance_km=distance_km, time_s=gap_s)
    groups = [np.flatnonzero(labels == label) for label in np.unique(labels)]
    return sorted((g for g in groups if len(g) >= min_events), key=lambda g: int(g[0]))


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


def _stack_peaks(tau: np.ndarray, station: np.ndarray, sigma: np.ndarray, min_stations: int,
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


def lattice(times: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The rounds of one launcher among the stack's peaks: a launcher fires at a fixed interval, so its rounds lie
    on a lattice ``anchor + k * interval`` (within ``LATTICE_TOL_S``: the launcher's own timing jitter and the
    peaks' error). The interval (between ``MIN_INTERVAL_S`` and ``MAX_INTERVAL_S``) and the anchor are those
    that hold the most peak weight less the mean weight of every empty slot between the first and last held
    peak (an interval too short, a submultiple of the true one, leaves every other slot empty). The lattice's
    slots from the first to the last held peak are returned (a peak's own time where there is one): peaks
    off the lattice (another launcher's rounds seen from this point) are dropped, rounds the stack missed are
    given a slot."""
    order = np.argsort(times)
    times, weights = times[order], weights[order]
    mean_w = float(np.mean(weights))
    best = (-math.inf, 0.0, 0.0)
    for d in np.arange(MIN_INTERVAL_S, MAX_INTERVAL_S + 1e-9, 0.005):
        for anchor in times.tolist():
            k = np.round((times - anchor) / d)
            on = np.abs(times - anchor - k * d) <= LATTICE_TOL_S
            if not np.any(on):
                continue
            slots = int(k[on].max() - k[on].min()) + 1
            held = len(np.unique(k[on]))
            score = float(np.sum(weights[on])) - mean_w * (slots - held)
            if score > best[0]:
                best = (score, float(d), float(anchor))
    _score, d, anchor = best
    k = np.round((times - anchor) / d)
    on = np.abs(times - anchor - k * d) <= LATTICE_TOL_S
    out = []
    for slot in range(int(k[on].min()), int(k[on].max()) + 1):
        here = np.flatnonzero(on & (k == slot))
        out.append(float(times[here[np.argmax(weights[here])]]) if len(here) else anchor + slot * d)
    return np.array(out)


def _assign(pool: np.ndarray, ctx: PickContext, x: float, y: float, times: np.ndarray, atm: np.ndarray,
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


def _comb_times(pool: np.ndarray, ctx: PickContext, x: float, y: float, atm: np.ndarray,
                min_stations: int) -> np.ndarray | None:
    """The round times of one launcher at (x, y): the stack's peaks kept on the launcher's lattice, or none."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
    tau = ctx.pick_time[pool] - tt
    sig = pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
    peaks = _stack_peaks(tau, s, sig, min_stations, 0.3)
    if len(peaks) < MIN_ROUNDS:
        return None
    times = lattice(np.array([p[0] for p in peaks]), np.array([p[1] for p in peaks]))
    return times if len(times) >= MIN_ROUNDS else None


def _comb_at(pool: np.ndarray, ctx: PickContext, x: float, y: float, atm: np.ndarray, min_stations: int) -> Launcher | None:
    times = _comb_times(pool, ctx, x, y, atm, min_stations)
    if times is None:
        return None
    t, picks, offsets = _assign(pool, ctx, x, y, times, atm)
    keep = [j for j in range(len(t)) if len(np.unique(ctx.pick_station[picks[j]])) >= min_stations]
    if len(keep) < MIN_ROUNDS:
        return None
    return Launcher(x=x, y=y, times=t[keep], picks=[picks[j] for j in keep], offsets=offsets)


@dataclass(slots=True)
class CombFit:
    """Launchers' points and round times fitted jointly to a pool of picks (``_fit_combs``)."""

    points: list[tuple[float, float]]
    times: list[np.ndarray]
    picks: list[list[np.ndarray]]  # per launcher, per round
    offsets: dict[int, float]
    cost: float  # chi-square of the assigned picks + ROUND_TOLERANCE_Z**2 per pick left out + the offsets' prior
    n_picks: int

    def n_parameters(self) -> int:
        return 2 * len(self.points) + sum(len(t) for t in self.times) + len(self.offsets)

    def bic(self) -> float:
        return self.cost + self.n_parameters() * math.log(max(self.n_picks, 2))


def _share_station(times_pred: np.ndarray, pick_t: np.ndarray, sig: float) -> tuple[float, np.ndarray, np.ndarray]:
    """One station's picks assigned one-to-one to the predicted arrivals (Hungarian, a pick may be left out at
    ``ROUND_TOLERANCE_Z**2``): (cost, pick rows, round columns) of the assigned pairs."""
    z = (pick_t[:, None] - times_pred[None, :]) / sig
    cost = np.where(np.abs(z) <= ROUND_TOLERANCE_Z, z**2, 1e6)
    n = len(pick_t)
    full = np.hstack([cost, np.where(np.eye(n, dtype=bool), ROUND_TOLERANCE_Z**2, 1e6)])
    r, col = linear_sum_assignment(full)
    value = float(full[r, col].sum())
    inside = col < len(times_pred)
    return value, r[inside], col[inside]


def _fit_combs(pool: np.ndarray, ctx: PickContext, points: list[tuple[float, float]], times: list[np.ndarray],
               atm: np.ndarray, iterations: int = TWO_ITERATIONS) -> CombFit:
    """Launchers fitted jointly to the pool's picks. Each station's offset (the travel-time model's error common
    to all the rounds of all the launchers of a battery, which stand a few hundred metres apart) is searched on a
    grid (``OFFSET_SPAN_S``; prior sigma ``OFFSET_PRIOR_S``): at each offset the station's whole train of picks is
    assigned one-to-one to the predicted arrivals of every round of every launcher, so a station is aligned as a
    whole (its first and last picks hold it) instead of pick by pick. Then the round times (median of their picks'
    back-projected times) and each launcher's point (a grid about it, the rounds' times profiled) are refitted,
    in turn."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    stations = np.unique(s)
    t_pick = ctx.pick_time[pool]
    grid = np.arange(-OFFSET_SPAN_S, OFFSET_SPAN_S + 1e-9, OFFSET_STEP_S)
    points = list(points)
    times = [np.asarray(t, dtype=float).copy() for t in times]
    offsets = {int(st): 0.0 for st in stations}
    fit = CombFit(points, times, [], offsets, math.inf, len(pool))
    for it in range(iterations + 1):
        owner = np.concatenate([np.full(len(t), i) for i, t in enumerate(times)])
        allt = np.concatenate(times)
        tt = np.stack([travel_times(ctx.st_x[stations], ctx.st_y[stations], x, y, c, wx, wy, ctx.range_slope) for x, y in points])
        members: list[list[int]] = [[] for _ in range(len(allt))]
        total = 0.0
        for j, st in enumerate(stations.tolist()):
            rows = np.flatnonzero(s == st)
            sig = float(pick_sigma(np.array([float(np.mean(tt[:, j]))]), ctx.sigma_s, ctx.kappa_model)[0])
            base = allt + tt[owner, j]
            best = (math.inf, 0.0)
            for o in grid.tolist():
                value, _r, _col = _share_station(base + o, t_pick[rows], sig)
                value += (o / OFFSET_PRIOR_S) ** 2
                if value < best[0]:
                    best = (value, o)
            _v, r, col = _share_station(base + best[1], t_pick[rows], sig)
            # the offset itself: the assigned picks' mean residual, shrunk by the prior
            lam = (sig / OFFSET_PRIOR_S) ** 2
            o = float(np.sum(t_pick[rows][r] - base[col]) / (len(r) + lam)) if len(r) else 0.0
            value, r, col = _share_station(base + o, t_pick[rows], sig)
            offsets[st] = o
            total += value + (o / OFFSET_PRIOR_S) ** 2
            for a, b in zip(r.tolist(), col.tolist()):
                members[b].append(int(rows[a]))
        split = np.cumsum([len(t) for t in times])[:-1]
        picks_of = [[pool[np.array(sorted(m), dtype=np.int64)] for m in members[lo:hi]]
                    for lo, hi in zip(np.r_[0, split], np.r_[split, len(allt)])]
        fit = CombFit(list(points), [t.copy() for t in times], picks_of, dict(offsets), total, len(pool))
        if it == iterations:
            break
        off = np.array([offsets[int(v)] for v in s])
        for i in range(len(points)):
            held = [np.array(m, dtype=np.int64) for m in members[(np.r_[0, split])[i]:(np.r_[split, len(allt)])[i]]]
            points[i], times[i] = _refit_launcher(held, times[i], pool, s, t_pick, off, ctx, points[i], atm)
    return fit


def _refit_launcher(rows: list[np.ndarray], times: np.ndarray, pool: np.ndarray, s: np.ndarray, t_pick: np.ndarray,
                    off: np.ndarray, ctx: PickContext, point: tuple[float, float],
                    atm: np.ndarray) -> tuple[tuple[float, float], np.ndarray]:
    """A launcher's point on a grid about it (``POINT_SPAN_KM``, ``FINE_STEP_KM``) where its assigned picks, the
    rounds' origin times profiled (their mean back-projected time), fit best (squared z capped at 9: a pick
    another round owns must not drag the point); then its round times (median back-projected time)."""
    c, wx, wy = (float(v) for v in atm)
    held = [j for j, r in enumerate(rows) if len(r)]
    if not held:
        return point, times
    idx = np.concatenate([rows[j] for j in held])
    rnd = np.concatenate([np.full(len(rows[j]), k) for k, j in enumerate(held)])
    g = np.arange(-POINT_SPAN_KM, POINT_SPAN_KM + 1e-9, FINE_STEP_KM)
    gx, gy = (a.ravel() + p for a, p in zip(np.meshgrid(g, g, indexing="ij"), point))
    st = s[idx]
    tt = travel_times(ctx.st_x[st][None, :], ctx.st_y[st][None, :], gx[:, None], gy[:, None], c, wx, wy, ctx.range_slope)
    res = t_pick[idx][None, :] - tt - off[idx][None, :]
    sig = pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
    w = 1.0 / sig**2
    num = np.zeros((len(gx), len(held)))
    den = np.zeros((len(gx), len(held)))
    for k in range(len(held)):
        m = rnd == k
        num[:, k] = np.sum(res[:, m] * w[:, m], axis=1)
        den[:, k] = np.sum(w[:, m], axis=1)
    t_r = num / den
    z2 = ((res - t_r[:, rnd]) / sig) ** 2
    best = int(np.argmin(np.sum(np.minimum(z2, 9.0), axis=1)))
    x, y = float(gx[best]), float(gy[best])
    new = times.copy()
    for k, j in enumerate(held):
        m = rnd == k
        new[j] = float(np.median(res[best, m]))
    return (x, y), new


def _pruned(pool: np.ndarray, ctx: PickContext, fit: CombFit, atm: np.ndarray) -> CombFit:
    """The fit again without the slots at either end of a launcher's lattice heard by fewer than ``ROUND_SHARE`` of
    the stations of its well-heard rounds (the upper quartile: a lattice stretched over the other launcher's span
    has many empty slots): a launcher's rounds are equally loud, so such a slot lies outside its ripple (its few
    picks are the other launcher's or clutter)."""
    kept = []
    changed = False
    for t, picks in zip(fit.times, fit.picks):
        n = np.array([len(np.unique(ctx.pick_station[p])) for p in picks])
        floor = ROUND_SHARE * float(np.percentile(n, 75))
        lo, hi = 0, len(n)
        while lo < hi and n[lo] < floor:
            lo += 1
        while hi > lo and n[hi - 1] < floor:
            hi -= 1
        changed |= (lo, hi) != (0, len(n))
        kept.append(t[lo:hi])
    if not changed or any(len(t) == 0 for t in kept):
        return fit
    return _fit_combs(pool, ctx, fit.points, kept, atm, iterations=2)


def two_launchers(pool: np.ndarray, ctx: PickContext, a: tuple[float, float], b: tuple[float, float], atm: np.ndarray,
                  min_stations: int) -> list[Launcher]:
    """Two launchers firing interleaved: the burst's head and tail focused apart (``launchers_of``). Each launcher's
    comb is found at its point (stack peaks on its lattice), then both are fitted jointly (``_fit_combs``). The
    two are kept only if they explain the pool clearly better than one launcher at the whole pool's focus (the
    Bayesian information criterion: chi-square plus ln(n) per parameter, ``CombFit.bic``); each must keep at
    least ``MIN_ROUNDS`` rounds of ``min_stations``."""
    combs = [_comb_times(pool, ctx, x, y, atm, min_stations) for x, y in (a, b)]
    if any(t is None for t in combs):
        return []
    two = _pruned(pool, ctx, _fit_combs(pool, ctx, [a, b], [t for t in combs if t is not None], atm), atm)
    window = (min(float(np.min(t)) for t in two.times) - EDGE_S, max(float(np.max(t)) for t in two.times) + EDGE_S)
    cx, cy = (a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0
    one_point = focus_point(pool, ctx, cx, cy, window[0] - SEARCH_KM / 0.3, window[1] + SEARCH_KM / 0.3, atm)
    one_times = _comb_times(pool, ctx, one_point[0], one_point[1], atm, min_stations)
    if one_times is not None:
        one = _pruned(pool, ctx, _fit_combs(pool, ctx, [one_point], [one_times], atm), atm)
        if two.bic() >= one.bic():
            return []
    out = []
    for (x, y), t, picks in zip(two.points, two.times, two.picks):
        keep = [j for j in range(len(t)) if len(np.unique(ctx.pick_station[picks[j]])) >= min_stations]
        if len(keep) < MIN_ROUNDS:
            return []
        out.append(Launcher(x=x, y=y, times=t[keep], picks=[picks[j] for j in keep], offsets=dict(two.offsets)))
    return out


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
    for st, t in zip(stations.tolist(), tt.tolist()):
        first, last = int(station_pick_start[st]), int(station_pick_start[st + 1])
        lo = first + int(np.searchsorted(ctx.pick_time[first:last], t_lo + t - margin))
        hi = first + int(np.searchsorted(ctx.pick_time[first:last], t_hi + t + margin))
        cand = np.arange(lo, hi, dtype=np.int64)
        parts.append(cand[holder[cand] < 0])
    pool = np.unique(np.concatenate(parts))
    return pool, cx, cy, t_lo, t_hi


def launchers_of(pool: np.ndarray, ctx: PickContext, cx: float, cy: float, t_lo: float, t_hi: float, atm: np.ndarray,
                 min_stations: int, two: bool = False) -> list[Launcher]:
    """The comb of one launcher among the pool's picks, or none. The first launcher of a battery fires alone at the
    start of the burst, the last alone at its end: the point is focused on the burst's head and on its tail; if they
    differ there are two launchers, which are not handled (their rounds interleave within the travel-time errors)."""
    if len(pool) < min_stations * MIN_ROUNDS:
        return []
    window = (t_lo - SEARCH_KM / 0.3 - EDGE_S, t_hi + SEARCH_KM / 0.3 + EDGE_S)  # no pick falls out of it
    a, b = head_and_tail(pool, ctx, cx, cy, t_lo, t_hi, atm)
    if math.hypot(a[0] - b[0], a[1] - b[1]) <= SAME_KM:
        x, y = focus_point(pool, ctx, cx, cy, *window, atm)
        one = _comb_at(pool, ctx, x, y, atm, min_stations)
        return [one] if one is not None else []
    if not two:
        return []  # two launchers firing at once: left as they are unless asked (``two_launchers``)
    return two_launchers(pool, ctx, a, b, atm, min_stations)


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


def _locate_round(chosen: np.ndarray, ctx: PickContext, x0: float, y0: float, t: float, atm: np.ndarray,
                  min_stations: int) -> tuple[np.ndarray, tuple[float, float, float, float, int, np.ndarray]] | None:
    """A round located by the engine's locator from its picks, those beyond ``max_z`` sigma dropped once."""
    c, wx, wy = (float(v) for v in atm)
    for _attempt in range(2):
        if len(np.unique(ctx.pick_station[chosen])) < min_stations:
            return None
        x, y, t0, cov, chi2, n_obs = kernels.locate(
            chosen, ctx.pick_station[chosen], ctx.pick_time, ctx.pick_baz, ctx.pick_baz_sigma, ctx.st_x,
            ctx.st_y, ctx.st_north, x0, y0, t, c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15, ctx.range_slope)
        if not np.isfinite(cov[0, 0]):
            return None
        s = ctx.pick_station[chosen]
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
        z = np.abs(ctx.pick_time[chosen] - t0 - tt) / pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
        if np.all(z <= ctx.max_z):
            return chosen, (x, y, t0, chi2, n_obs, cov)
        chosen = chosen[z <= ctx.max_z]
    return None


def located_rounds(launchers: list[Launcher], ctx: PickContext, atm: np.ndarray,
                   accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None,
                   min_stations: int, trim: int = 0) -> list[Round]:
    """Each round located by the engine's locator from its own picks (picks beyond ``max_z`` sigma dropped
    once), kept if it fits as one source and passes ``accept``. With ``trim``, a round that does not fit as one
    source is located again without its worst pick, up to ``trim`` times (two launchers: a round may hold a pick
    of the other comb's round)."""
    c, wx, wy = (float(v) for v in atm)
    out = []
    for launcher in launchers:
        for t, p in zip(launcher.times.tolist(), launcher.picks):
            located = _locate_round(p, ctx, launcher.x, launcher.y, t, atm, min_stations)
            for _trim in range(trim + 1):
                if located is None:
                    break
                chosen, (x, y, t0, chi2, n_obs, cov) = located
                if fits_one_source(ctx, chosen, chosen, x, y, t0, c, wx, wy, chi2, n_obs):
                    break
                if _trim == trim:
                    located = None
                    break
                s = ctx.pick_station[chosen]
                tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
                z = np.abs(ctx.pick_time[chosen] - t0 - tt) / pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
                located = _locate_round(np.delete(chosen, int(np.argmax(z))), ctx, x, y, t0, atm, min_stations)
            if located is None:
                continue
            chosen, (x, y, t0, chi2, n_obs, cov) = located
            if accept is not None and not accept(chosen, x, y, t0, atm):
                continue
            out.append(Round(x, y, t0, np.sort(chosen), chi2, n_obs, cov))
    return out


def _comb_accepted(launchers: list[Launcher], rounds: list[Round], old_held: int, old_misfit: float) -> bool:
    """Whether the rounds of the combs replace a burst's events: one launcher's hold at least ``HELD_SHARE`` of the
    events' picks with a misfit (chi-square per observation) no worse than ``MISFIT_GAIN`` times theirs; two
    launchers' give a round for most slots and hold ``TWO_HELD_SHARE`` of the picks."""
    if not launchers or not rounds:
        return False
    new_held = sum(len(r.picks) for r in rounds)
    if len(launchers) == 2:
        # two combs: each slot of a launcher's lattice is a round (its rounds are equally loud), so most slots
        # must give a round that fits as one source and passes the tests; the rounds hold fewer picks than the
        # mixtures did (a pick nearer the other comb's round than its own is left to it or out)
        slots = sum(len(la.times) for la in launchers)
        return len(rounds) >= TWO_ROUND_YIELD * slots and new_held >= TWO_HELD_SHARE * old_held
    new_misfit = sum(r.chi2 for r in rounds) / max(sum(r.n_obs for r in rounds), 1)
    return new_held >= HELD_SHARE * old_held and new_misfit <= MISFIT_GAIN * old_misfit


def _places_accepted(rounds: list[Round], old_held: int, old_misfit: float) -> bool:
    """Whether the rounds at places replace a burst's events: as one launcher's (``HELD_SHARE`` of the events' picks,
    a misfit no worse than ``MISFIT_GAIN`` times theirs). Scattered rocket impacts and two launchers' interleaved
    ripples, seen from one or a few points, give fewer rounds than sources (held 0.6-0.87 on `heavy` 0.25 h)."""
    if not rounds:
        return False
    new_held = sum(len(r.picks) for r in rounds)
    new_misfit = sum(r.chi2 for r in rounds) / max(sum(r.n_obs for r in rounds), 1)
    return new_held >= HELD_SHARE * old_held and new_misfit <= MISFIT_GAIN * old_misfit


def ripple_bursts(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray,
    chi2: np.ndarray, n_obs: np.ndarray, *, ctx: PickContext, station_pick_start: np.ndarray, min_stations: int, reach_km: float,
    accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None, two: bool = False,
    places: bool = False,
) -> tuple[list[int], list[tuple[int, float, float, float, np.ndarray]]]:
    """Bursts re-associated as combs (module docstring). Returns the indices of the events replaced and the new
    events ``(template event index, x, y, t0, picks)``."""
    holder = np.full(len(ctx.pick_time), -1, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    replaced: list[int] = []
    new: list[tuple[int, float, float, float, np.ndarray]] = []
    for members in burst_clusters(x_km, y_km, t0_s):
        atm = np.median(event_atmosphere[members], axis=0)
        pool, cx, cy, t_lo, t_hi = burst_pool(members, x_km, y_km, t0_s, picks, holder, ctx, station_pick_start, atm,
                                              reach_km)
        launchers = launchers_of(pool, ctx, cx, cy, t_lo, t_hi, atm, min_stations, two)
        rounds = located_rounds(launchers, ctx, atm, accept, min_stations, TWO_TRIM if len(launchers) == 2 else 0)
        old_held = sum(len(picks[m]) for m in members)
        old_misfit = float(np.sum(chi2[members]) / max(np.sum(n_obs[members]), 1))
        if not _comb_accepted(launchers, rounds, old_held, old_misfit):
            if not places or len(launchers) == 2 or len(pool) < min_stations * MIN_ROUNDS:
                continue
            # no comb explains the burst: if its head and tail focus at one point (not two launchers, whose
            # interleaved rounds no stack at a point resolves), sources that repeat there at no fixed interval
            a, b = head_and_tail(pool, ctx, cx, cy, t_lo, t_hi, atm)
            if math.hypot(a[0] - b[0], a[1] - b[1]) > SAME_KM:
                continue
            at = rounds_at_places(pool, ctx, cx, cy, t_lo, t_hi, atm, min_stations)
            rounds = located_rounds(at, ctx, atm, accept, min_stations, TWO_TRIM)
            if not _places_accepted(rounds, old_held, old_misfit):
                continue
        replaced.extend(int(m) for m in members)
        for r in rounds:
            new.append((int(members[0]), r.x, r.y, r.t0, r.picks))
    return replaced, new


PLACES_MAX = 3
"""``places``: at most this many places (a battery, its impact area, a second battery) are sought in one burst."""
PLACE_MIN_ROUNDS = 2
"""A place must hold at least this many rounds of ``min_stations`` (a source that repeats)."""


def rounds_at_places(pool: np.ndarray, ctx: PickContext, cx: float, cy: float, t_lo: float, t_hi: float,
                     atm: np.ndarray, min_stations: int) -> list[Launcher]:
    """A burst as sources that repeat at a few fixed places, at no fixed interval: a mortar battery's tubes, the
    target area its shells fall on, a second battery (``FusionConfig.ripple_places``). The first place is where
    the pool's picks, back-projected, stack sharpest (``focus_point``); its rounds are the stack's peaks there
    (no lattice: a battery's rounds are seconds apart at no fixed interval), and each station's picks are shared
    one-to-one among them with the station offsets refined (``_assign``). The next place is focused on the picks
    that no round of the places before holds, and so on, up to ``PLACES_MAX`` places of at least
    ``PLACE_MIN_ROUNDS`` rounds. Each place's rounds are returned as a :class:`Launcher` (a point with origin
    times), to be located each from its own picks (``located_rounds``)."""
    if len(pool) < min_stations * PLACE_MIN_ROUNDS:
        return []
    window = (t_lo - SEARCH_KM / 0.3 - EDGE_S, t_hi + SEARCH_KM / 0.3 + EDGE_S)
    c, wx, wy = (float(v) for v in atm)
    left = pool
    out: list[Launcher] = []
    for _place in range(PLACES_MAX):
        if len(np.unique(ctx.pick_station[left])) < min_stations or len(left) < min_stations * PLACE_MIN_ROUNDS:
            break
        x, y = focus_point(left, ctx, cx, cy, *window, atm)
        if any(math.hypot(x - la.x, y - la.y) <= SAME_KM for la in out):
            break
        s = ctx.pick_station[left]
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
        peaks = _stack_peaks(ctx.pick_time[left] - tt, s, pick_sigma(tt, ctx.sigma_s, ctx.kappa_model),
                             min_stations, 0.3)
        if len(peaks) < PLACE_MIN_ROUNDS:
            break
        times, picks, offsets = _assign(left, ctx, x, y, np.array([p[0] for p in peaks]), atm)
        keep = [j for j in range(len(times)) if len(np.unique(ctx.pick_station[picks[j]])) >= min_stations]
        if len(keep) < PLACE_MIN_ROUNDS:
            break
        out.append(Launcher(x=x, y=y, times=times[keep], picks=[picks[j] for j in keep], offsets=offsets))
        held = np.concatenate([picks[j] for j in keep])
        left = left[~np.isin(left, held)]
    return out
