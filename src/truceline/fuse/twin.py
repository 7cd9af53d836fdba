"""Two rounds in one event: a battery's tubes firing a second or less apart.

A mortar or gun battery fires its tubes (within about a hundred metres of one another) a fraction of a second to a
second or two apart. Every station then hears two arrivals from nearly one place, separated by nearly the same
interval at every station. The search, which takes one pick per station, locates one event among them: a round
with some stations' picks of its twin, the position and origin time shifted so that the mixture fits (a shift of a
hundred metres moves the arrivals by up to 0.3 s, as much as the two rounds' own scatter). Its residuals show
nothing; what shows the twin is the picks the event leaves free: at many of its stations a second pick arrives
within a second or two of the predicted one.

So, at the place of each event of ``min_stations`` to ``max_stations`` stations, the picks within ``WINDOW_S`` of the
arrivals it predicts (free or its own) are back-projected from points within ``repeat.SPAN_KM`` of it; the origin
times where at least ``min_stations`` stations agree are the candidate rounds, and each pair of them at least three
pick sigmas apart is tried, most stations first: each station's picks are shared between the two rounds (at most one
each, the earlier pick to the earlier round: two rounds fired from one place more than the spread of the tubes' travel
times apart arrive in that order everywhere; most picks, then least misfit), each round is located from its own picks,
the picks shared again (three times at most), and each round must fit as one source, stay at the place, be no other event
there (its origin time three pick sigmas from theirs) and pass the tests every event passes (``accept``). The pair replaces the event only if each round holds some of the event's picks
(the event was a mixture of them; a further source at the place from free picks alone is the repeat step's,
``fuse/repeat.py``) and the two hold at least ``min_stations`` picks more than the event held (as many as an event
needs to be found at all): a real round's picks split into two halves hold no more picks than it, and a round with a
chance coincidence of clutter rarely gathers that many more.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.repeat import SPAN_KM, STEP_KM, agreeing_origins, located, range_pool, replacement_start, station_ranges
from truceline.fuse.rival import PickContext

WINDOW_S = 2.0
"""The two rounds' origin times lie within this many seconds of the event's (a battery's tubes, one salvo)."""
MAX_PAIRS = 12
"""At most this many pairs of candidate origin times are tried per event."""
FREE = -1


def twin_rounds(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray, *,
    ctx: PickContext, station_pick_start: np.ndarray, min_stations: int, max_stations: int,
    accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None,
    in_burst: np.ndarray | None = None,
) -> tuple[list[int], list[tuple[int, float, float, float, np.ndarray]]]:
    """The events that two rounds from their place explain better (module docstring): their indices, and the rounds
    as ``(event index, x, y, t0, picks)``. ``event_atmosphere`` is (n, 3): c, wx, wy (km/s). The events marked
    ``in_burst`` (a launcher's ripple or a barrage, ``ripple.burst_clusters``: more than two rounds there) are left
    as they are."""
    n = len(t0_s)
    replaced: list[int] = []
    new: list[tuple[int, float, float, float, np.ndarray]] = []
    holder, sizes, order, gx, gy = replacement_start(ctx, picks, SPAN_KM, STEP_KM)
    separation_s = 3.0 * ctx.sigma_s
    for a in order:
        if not min_stations <= sizes[a] <= max_stations or (in_burst is not None and in_burst[a]):
            continue
        ax, ay, at = float(x_km[a]), float(y_km[a]), float(t0_s[a])
        atm = event_atmosphere[a]
        c, wx, wy = (float(v) for v in atm)
        # a grid point is up to STEP_KM / sqrt(2) from the source: the gathering allows for that; the agreement
        # that finds candidate origin times is held to one pick sigma either side (two rounds 0.5 s apart)
        coarse_s = 2.0 * ctx.sigma_s + STEP_KM / math.sqrt(2.0) / max(c - 0.04, 0.1)
        agree_s = ctx.sigma_s
        stations = np.flatnonzero(np.hypot(ctx.st_x - ax, ctx.st_y - ay) <= ctx.reach_km - SPAN_KM)
        tt = travel_times(ctx.st_x[stations], ctx.st_y[stations], ax, ay, c, wx, wy, ctx.range_slope)
        pool = range_pool(station_ranges(ctx, station_pick_start, stations, at + tt - WINDOW_S - coarse_s - 1.0,
                                         at + tt + WINDOW_S + coarse_s + 1.0))
        pool = pool[(holder[pool] == FREE) | (holder[pool] == a)]
        own = int(len(picks[a]))
        if len(pool) < own + min_stations:
            continue
        here = np.flatnonzero((np.hypot(x_km - ax, y_km - ay) <= 2.0 * SPAN_KM) & (np.abs(t0_s - at) <= WINDOW_S + 1.0))
        busy = [float(t0_s[k]) for k in here.tolist() if k != a and k not in replaced]
        busy += [r[3] for r in new if math.hypot(r[1] - ax, r[2] - ay) <= 2.0 * SPAN_KM]
        candidates = agreeing_origins(ctx, pool, ax, ay, at, gx, gy, c, wx, wy, agree_s, min_stations, WINDOW_S)
        pairs = sorted(((c1[0] + c2[0], i, j) for i, c1 in enumerate(candidates) for j, c2 in enumerate(candidates)
                        if i < j and abs(c1[3] - c2[3]) >= separation_s), key=lambda p: (-p[0], p[1], p[2]))
        for _total, i, j in pairs[:MAX_PAIRS]:
            if _total < own + min_stations:
                break
            rounds = _pair(ctx, pool, candidates[i], candidates[j], atm, coarse_s, min_stations)
            if rounds is None:
                continue
            (x1, y1, t1, p1), (x2, y2, t2, p2) = rounds
            if len(p1) + len(p2) < own + min_stations or abs(t1 - t2) < separation_s:
                continue
            if any(math.hypot(px - ax, py - ay) > 2.0 * SPAN_KM for px, py in ((x1, y1), (x2, y2))):
                continue
            if any(abs(t - u) < separation_s for t in (t1, t2) for u in busy):
                continue  # a round another event there already is
            if not (np.isin(p1, picks[a]).any() and np.isin(p2, picks[a]).any()):
                continue  # the event is not shared between them: a further source there is the repeat step's
            if accept is not None and not (accept(p1, x1, y1, t1, atm) and accept(p2, x2, y2, t2, atm)):
                continue
            replaced.append(a)
            new.extend([(a, x1, y1, t1, p1), (a, x2, y2, t2, p2)])
            holder[holder == a] = FREE
            holder[p1] = n + len(new) - 2
            holder[p2] = n + len(new) - 1
            break
    return replaced, new


def _pair(ctx: PickContext, pool: np.ndarray, first: tuple[int, float, float, float],
          second: tuple[int, float, float, float], atm: np.ndarray, coarse_s: float,
          min_stations: int) -> tuple[tuple[float, float, float, np.ndarray], tuple[float, float, float, np.ndarray]] | None:
    """Two rounds at the candidate origins, each station's picks shared between them (:func:`_share`: at most one
    each, no pick in both), each round then located from its own picks and the picks shared again (three times at
    most; the first time within ``coarse_s``, then within the tight pass's tolerance); None unless both hold
    ``min_stations`` stations and fit as one source each."""
    rounds = [(first[1], first[2], first[3]), (second[1], second[2], second[3])]
    shared = _share(ctx, pool, rounds, atm, coarse_s)
    for _attempt in range(3):
        fits = _locate_rounds(ctx, rounds, shared, atm, min_stations, check=False)
        if fits is None:
            return None
        rounds = [(f[0], f[1], f[2]) for f in fits]
        again = _share(ctx, pool, rounds, atm, None)
        if all(np.array_equal(a, b) for a, b in zip(again, shared)):
            break
        shared = again
    out = _locate_rounds(ctx, rounds, shared, atm, min_stations, check=True)
    return None if out is None else (out[0], out[1])


def _locate_rounds(ctx: PickContext, rounds: list[tuple[float, float, float]], shared: list[np.ndarray],
                   atm: np.ndarray, min_stations: int, *, check: bool) -> list[tuple[float, float, float, np.ndarray]] | None:
    """Each round located from its own picks (``repeat.located``, tested as an event when ``check``); None when one
    holds fewer than ``min_stations`` stations or does not fit."""
    c, wx, wy = (float(v) for v in atm)
    out = []
    for (x, y, t), chosen in zip(rounds, shared):
        if len(np.unique(ctx.pick_station[chosen])) < min_stations:
            return None
        fitted = located(ctx, chosen, x, y, t, c, wx, wy, check=check)
        if fitted is None:
            return None
        out.append(fitted)
    return out


def _share(ctx: PickContext, pool: np.ndarray, rounds: list[tuple[float, float, float]], atm: np.ndarray,
           tolerance_s: float | None) -> list[np.ndarray]:
    """Each station's picks of ``pool`` shared between two ``rounds`` (x, y, t0): each round takes at most one pick
    within the tolerance of its predicted arrival (``tolerance_s``, or the tight pass's), no pick goes to both, and of
    the ways to share them the one giving most picks a round, then the least sum of squared misfits, is taken. A
    station that hears both hears the earlier round first: two rounds fired from one place more than the spread of
    the tubes' travel times apart arrive in the order they were fired everywhere."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    gaps = []
    for x, y, t in rounds:
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
        tolerance = 2.0 * ctx.sigma_s + 3.0 * ctx.kappa_model * tt if tolerance_s is None else np.full(len(s), tolerance_s)
        gap = np.abs(ctx.pick_time[pool] - t - tt)
        ok = (gap <= tolerance) & (np.hypot(ctx.st_x[s] - x, ctx.st_y[s] - y) <= ctx.reach_km)
        ok &= np.array([kernels.baz_agrees(ctx.pick_baz[p], ctx.pick_baz_sigma[p], ctx.st_x[st], ctx.st_y[st],
                                           ctx.st_north[st], x, y, ctx.baz_gate_z)
                        for p, st in zip(pool.tolist(), s.tolist())], dtype=bool)
        gaps.append(np.where(ok, gap, np.inf))
    order_sign = 1.0 if rounds[0][2] <= rounds[1][2] else -1.0
    out: list[list[int]] = [[], []]
    order = np.argsort(s, kind="stable")
    bounds = np.flatnonzero(np.diff(s[order])) + 1
    for group in np.split(order, bounds):
        best: tuple[int, float, int, int] | None = None
        options = [-1] + group.tolist()
        for i in options:
            for j in options:
                if i >= 0 and i == j:
                    continue
                if i >= 0 and j >= 0 and (ctx.pick_time[pool[i]] - ctx.pick_time[pool[j]]) * order_sign > 0:
                    continue  # the rounds arrive in the order they were fired
                g1 = gaps[0][i] if i >= 0 else 0.0
                g2 = gaps[1][j] if j >= 0 else 0.0
                if not (np.isfinite(g1) and np.isfinite(g2)):
                    continue
                key = (-(int(i >= 0) + int(j >= 0)), float(g1 * g1 + g2 * g2), i, j)
                if best is None or key < best:
                    best = key
        if best is not None:
            if best[2] >= 0:
                out[0].append(int(pool[best[2]]))
            if best[3] >= 0:
                out[1].append(int(pool[best[3]]))
    return [np.array(sorted(o), dtype=np.int64) for o in out]
