"""A launcher's comb (``fuse/ripple.py``): its rounds on a lattice of its firing interval (``lattice``), one
launcher where the burst's head and tail focus at one point (``launchers_of``), two launchers fitted jointly with each
station's whole train of picks shared among both combs' rounds (``two_launchers``, :class:`CombFit`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.rival import PickContext
from truceline.fuse.ripplestack import (EDGE_S, FINE_STEP_KM, OFFSET_PRIOR_S, ROUND_TOLERANCE_Z, SAME_KM, SEARCH_KM,
                                        Launcher, assign_picks, focus_point, head_and_tail, pick_sigma, stack_peaks)

MIN_ROUNDS = 4
"""A launcher is taken as found with at least this many rounds."""
MIN_INTERVAL_S = 0.3
MAX_INTERVAL_S = 2.0
"""A ripple's interval between rounds is sought in this range (a multiple-rocket launcher: about 0.5 s)."""
LATTICE_TOL_S = 0.1
"""A round lies this near to its launcher's lattice of firing times (jitter of the launcher and of the peak)."""
OFFSET_SPAN_S = 0.4
OFFSET_STEP_S = 0.02
"""Two launchers: each station's offset is searched on this grid (within 2.7 prior sigmas)."""
TWO_ITERATIONS = 4
"""Two launchers: alternations of the joint assignment with the refit of the points and round times."""
POINT_SPAN_KM = 0.2
"""Two launchers: a launcher's point is refitted on a ``FINE_STEP_KM`` grid this far about it."""
ROUND_SHARE = 0.5
"""Two launchers: a slot at the end of a launcher's lattice heard by fewer than this share of the stations of its
well-heard rounds (upper quartile) is not one of its rounds."""


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


def _comb_times(pool: np.ndarray, ctx: PickContext, x: float, y: float, atm: np.ndarray,
                min_stations: int) -> np.ndarray | None:
    """The round times of one launcher at (x, y): the stack's peaks kept on the launcher's lattice, or none."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
    tau = ctx.pick_time[pool] - tt
    sig = pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
    peaks = stack_peaks(tau, s, sig, min_stations, 0.3)
    if len(peaks) < MIN_ROUNDS:
        return None
    times = lattice(np.array([p[0] for p in peaks]), np.array([p[1] for p in peaks]))
    return times if len(times) >= MIN_ROUNDS else None


def _comb_at(pool: np.ndarray, ctx: PickContext, x: float, y: float, atm: np.ndarray, min_stations: int) -> Launcher | None:
    times = _comb_times(pool, ctx, x, y, atm, min_stations)
    if times is None:
        return None
    t, picks, offsets = assign_picks(pool, ctx, x, y, times, atm)
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


def share_station(times_pred: np.ndarray, pick_t: np.ndarray, sig: float) -> tuple[float, np.ndarray, np.ndarray]:
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
                value, _r, _col = share_station(base + o, t_pick[rows], sig)
                value += (o / OFFSET_PRIOR_S) ** 2
                if value < best[0]:
                    best = (value, o)
            _v, r, col = share_station(base + best[1], t_pick[rows], sig)
            # the offset itself: the assigned picks' mean residual, shrunk by the prior
            lam = (sig / OFFSET_PRIOR_S) ** 2
            o = float(np.sum(t_pick[rows][r] - base[col]) / (len(r) + lam)) if len(r) else 0.0
            value, r, col = share_station(base + o, t_pick[rows], sig)
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
