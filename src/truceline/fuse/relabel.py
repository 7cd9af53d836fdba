"""Picks swapped between found events: a joint relabelling of the picks of a cluster of events (hard EM).

Where the rounds of a salvo or a barrage land within seconds and a few kilometres of each other, every station near
them picks two to five arrivals within a few seconds, and the events found there each hold, at some stations, a
neighbour's pick (docs/fusion.md, "Session 23 (tot23)": on ``heavy`` 15-20 stations of a crowded event hold a second
source's pick in *another found event*). ``refine``'s sharing gives each station's picks to the nearest predictions
(a z-score cost, the model's sigma, the cluster's own picks only); once an event sits between two sources it keeps
pulling the mixture that placed it there.

Here a cluster of events (linked within ``CLUSTER_KM`` and ``CLUSTER_S``) is relabelled jointly, as GaMMA's
expectation-maximisation associates picks to sources (Zhu et al. 2022, "Earthquake phase association using a Bayesian
Gaussian mixture model", JGR Solid Earth 127), but hard (k-means on picks): the *pool* is the cluster's picks and the
free picks within ``WINDOW_S`` of a member's predicted arrival at every station within reach. A pick is either an event's
arrival, with the Gaussian density of its residual (the model's sigma, pick sigma and model error, times the run's own
scale: ``salvo.noise_scale``), or background, uniform over the window; each event takes at most one pick per station,
each pick goes to at most one event (an assignment per station, ``linear_sum_assignment``; a pick may stay free).
The score of a labelling is its log-likelihood ratio against all-background, the sum of the taken picks' gains
``log(2 WINDOW_S / (sqrt(2 pi) sigma)) - z**2 / 2``. Then (a) label, (b) relocate every event from its picks with the
engine's locator (``kernels.locate``), until the labels stay (``ITERATIONS`` at most).

The new labelling is kept only where the cluster's score grows by more than chance would give: the gain that the same
steps reach on the run's *isolated* events (no neighbour within the cluster's reach, whose labels nothing swapped),
per event, at the ``CHANCE_QUANTILE`` (:func:`chance_gain`), times the cluster's number of events. The current
labelling is scored with its outliers let go (each held pick's gain floored at 0), so the step is not paid for
dropping a bad pick but for giving picks to the event they fit. Every event of a kept cluster must hold
``min_stations`` stations, be located (finite covariance) and pass the tests every event passes (``accept``); the
events are then relocated and tested again by the batch's ``refine`` (``finish.relabel_at``), and the tables take the
uncertainty path every event takes.

On ``heavy`` this moves few events: its crowded events are a battery's rounds a median 0.2 km apart whose arrivals at
a station lie within the pick noise of each other, which times alone do not label (docs/fusion.md, "Session 24
(relabel24)").
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from scipy.optimize import linear_sum_assignment

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.refine import clusters
from truceline.fuse.repeat import arrival_windows
from truceline.fuse.rival import PickContext

CLUSTER_KM = 5.0
"""Events within this distance ..."""
CLUSTER_S = 10.0
"""... and this many seconds of origin time are relabelled together (linked transitively)."""
WINDOW_S = 3.0
"""The pool takes the picks within this many seconds of a member's predicted arrival; the background density is
uniform over twice this."""
ITERATIONS = 8
"""Label and relocate at most this many times."""
CHANCE_QUANTILE = 0.95
"""The quantile of the isolated events' gain that a cluster's gain, per event, must exceed."""
MAX_CLUSTER_EVENTS = 12
"""Larger clusters are left alone (a dense barrage chained over minutes)."""
FREE = -1
BIG = 1e12

Relabelled = tuple[int, float, float, float, np.ndarray]


def relabelled_clusters(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray, *,
    ctx: PickContext, station_pick_start: np.ndarray, min_stations: int, scale: float = 1.0,
    chance: float | None = None, accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None,
) -> tuple[list[Relabelled], float]:
    """The events whose clusters a joint relabelling fits better than chance (module docstring), as ``(event index,
    x, y, t0, picks)``, and the chance gain per event used (``chance``, or :func:`chance_gain` on these events).
    ``event_atmosphere`` is (n, 3): c, wx, wy (km/s); ``scale`` the run's pick-time noise in model sigmas;
    ``accept(picks, x, y, t0, atmosphere)``: the tests every event passes, which each relabelled event of a kept
    cluster must pass too."""
    n = len(t0_s)
    if n == 0:
        return [], 0.0
    labels = clusters(x_km, y_km, t0_s, distance_km=CLUSTER_KM, time_s=CLUSTER_S)
    holder = np.full(len(ctx.pick_time), FREE, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    if chance is None:
        chance = chance_gain(x_km, y_km, t0_s, picks, event_atmosphere, labels, holder, ctx=ctx,
                             station_pick_start=station_pick_start, min_stations=min_stations, scale=scale)
    out: list[Relabelled] = []
    sizes = np.bincount(labels)
    for label in np.flatnonzero((sizes >= 2) & (sizes <= MAX_CLUSTER_EVENTS)).tolist():
        members = np.flatnonzero(labels == label)
        found = _relabelled(members, x_km, y_km, t0_s, picks, event_atmosphere, holder, ctx=ctx,
                            station_pick_start=station_pick_start, min_stations=min_stations, scale=scale)
        if found is None:
            continue
        gain, moved = found
        if gain <= chance * len(members):
            continue
        if accept is not None and not all(accept(p, x, y, t, event_atmosphere[m]) for m, x, y, t, p in moved):
            continue
        out += moved
    return out, chance


def chance_gain(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray],
                event_atmosphere: np.ndarray, labels: np.ndarray, holder: np.ndarray, *, ctx: PickContext,
                station_pick_start: np.ndarray, min_stations: int, scale: float) -> float:
    """The gain that relabelling and relocating reach on the run's isolated events (alone in their cluster, of
    ``min_stations`` stations or more), at ``CHANCE_QUANTILE``: what the steps gain where nothing was swapped
    (0 without isolated events)."""
    sizes = np.bincount(labels)
    gains = []
    for k in range(len(t0_s)):
        if sizes[labels[k]] != 1 or len(np.unique(ctx.pick_station[picks[k]])) < min_stations:
            continue
        found = _relabelled(np.array([k]), x_km, y_km, t0_s, picks, event_atmosphere, holder, ctx=ctx,
                            station_pick_start=station_pick_start, min_stations=min_stations, scale=scale)
        gains.append(0.0 if found is None else max(found[0], 0.0))
    return float(np.quantile(gains, CHANCE_QUANTILE)) if gains else 0.0


def _relabelled(members: np.ndarray, x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray],
                event_atmosphere: np.ndarray, holder: np.ndarray, *, ctx: PickContext, station_pick_start: np.ndarray,
                min_stations: int, scale: float) -> tuple[float, list[Relabelled]] | None:
    """The cluster's joint relabelling: (its score's gain over the current labelling's, the members whose picks
    changed as ``(event, x, y, t0, picks)``); None when it changes nothing or a member cannot be kept."""
    pool = _pool(ctx, station_pick_start, holder, members, x_km, y_km, t0_s, event_atmosphere)
    if len(pool) == 0:
        return None
    current = np.full(len(pool), FREE, dtype=np.int64)
    position = {int(p): i for i, p in enumerate(pool.tolist())}
    for j, m in enumerate(members.tolist()):
        current[[position[int(p)] for p in picks[m]]] = j
    sources = [(float(x_km[m]), float(y_km[m]), float(t0_s[m])) for m in members.tolist()]
    atm = event_atmosphere[members]
    gains = _gains(ctx, pool, sources, atm, scale)
    before = float(sum(max(float(gains[i, j]), 0.0) for i, j in enumerate(current.tolist()) if j >= 0))
    labels = current
    score = before
    for _attempt in range(ITERATIONS):
        score, again = _labelled(ctx, pool, gains)
        if np.array_equal(again, labels):
            break
        labels = again
        moved = []
        for j, (x, y, t) in enumerate(sources):
            chosen = pool[labels == j]
            if len(np.unique(ctx.pick_station[chosen])) < min_stations:
                return None
            c, wx, wy = (float(v) for v in atm[j])
            lx, ly, lt, cov, _chi2, _n = kernels.locate(chosen, ctx.pick_station[chosen], ctx.pick_time, ctx.pick_baz,
                                                        ctx.pick_baz_sigma, ctx.st_x, ctx.st_y, ctx.st_north, x, y, t,
                                                        c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15,
                                                        ctx.range_slope)
            if not np.isfinite(cov[0, 0]):
                return None
            moved.append((float(lx), float(ly), float(lt)))
        sources = moved
        gains = _gains(ctx, pool, sources, atm, scale)
    else:
        score, labels = _labelled(ctx, pool, gains)
    if np.array_equal(labels, current):
        return None
    out = []
    for j, m in enumerate(members.tolist()):
        chosen = np.sort(pool[labels == j])
        if len(np.unique(ctx.pick_station[chosen])) < min_stations:
            return None
        if not np.array_equal(chosen, np.sort(picks[m])):
            out.append((m, *sources[j], chosen))
    return score - before, out


def _pool(ctx: PickContext, station_pick_start: np.ndarray, holder: np.ndarray, members: np.ndarray, x_km: np.ndarray,
          y_km: np.ndarray, t0_s: np.ndarray, event_atmosphere: np.ndarray) -> np.ndarray:
    """The members' picks and the free picks within ``WINDOW_S`` of a member's predicted arrival at every station
    within reach."""
    parts = [np.flatnonzero(np.isin(holder, members))]
    for m in members.tolist():
        for _, lo, hi in arrival_windows(ctx, station_pick_start, float(x_km[m]), float(y_km[m]), t0_s[m],
                                         event_atmosphere[m], WINDOW_S, closed=True):
            window = np.arange(lo, hi, dtype=np.int64)
            parts.append(window[holder[window] == FREE])
    return np.unique(np.concatenate(parts))


def _gains(ctx: PickContext, pool: np.ndarray, sources: list[tuple[float, float, float]], atm: np.ndarray,
           scale: float) -> np.ndarray:
    """(n_pool, n_sources): each pick's log-likelihood ratio as the source's arrival against background (-inf beyond
    the source's reach)."""
    s = ctx.pick_station[pool]
    gains = np.full((len(pool), len(sources)), -np.inf)
    for j, (x, y, t) in enumerate(sources):
        c, wx, wy = (float(v) for v in atm[j])
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
        sigma = scale * np.sqrt(ctx.sigma_s**2 + (ctx.kappa_model * tt) ** 2)
        z = (ctx.pick_time[pool] - t - tt) / sigma
        g = np.log(2.0 * WINDOW_S / (math.sqrt(2.0 * math.pi) * sigma)) - 0.5 * z * z
        gains[:, j] = np.where(np.hypot(ctx.st_x[s] - x, ctx.st_y[s] - y) <= ctx.reach_km, g, -np.inf)
    return gains


def _labelled(ctx: PickContext, pool: np.ndarray, gains: np.ndarray) -> tuple[float, np.ndarray]:
    """The best labelling of the pool by the sources, station by station (one pick per source per station, a pick
    to one source or none, only picks that gain): its score and each pick's source (``FREE`` for none)."""
    n_sources = gains.shape[1]
    labels = np.full(len(pool), FREE, dtype=np.int64)
    total = 0.0
    s = ctx.pick_station[pool]
    order = np.argsort(s, kind="stable")
    for group in np.split(order, np.flatnonzero(np.diff(s[order])) + 1):
        g = gains[group]
        if not np.any(g > 0.0):
            continue
        cost = np.full((len(group), n_sources + len(group)), BIG)
        cost[:, :n_sources] = np.where(g > 0.0, -g, BIG)
        cost[np.arange(len(group)), n_sources + np.arange(len(group))] = 0.0
        rows, cols = linear_sum_assignment(cost)
        for r, k in zip(rows.tolist(), cols.tolist()):
            if k < n_sources and cost[r, k] < BIG:
                labels[group[r]] = k
                total += float(g[r, k])
    return total, labels
