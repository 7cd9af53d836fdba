"""Small fire missions: two to five rounds a second or two apart from one battery, re-associated jointly.

A mortar or gun section fires a small mission as a few rounds from its tubes (a few tens to a few hundred metres
apart), within a few seconds. At every station the rounds arrive in firing order, unless two were fired closer in
time than the tubes are apart in travel time (up to ~1 s for a battery 0.4 km wide), with nearly the same travel time.
The free search (x, y, origin time per event) can take the next round's arrival at the stations on one side of the
source and the previous round's on the other, and absorb the difference by moving the source across and shifting its
origin time (the alias of a pulse train: with stations on both sides a round interval of 1.5 s is a displacement of
~0.25 km). A mission of three rounds then comes out as two or three events each holding picks of every round, located
0.2-0.5 km off (docs/fusion.md, "Quiet hours and mixtures", "Small fire missions").

The ripple step (``fuse/ripple.py``) solves this for bursts of six events or more from one launcher; its machinery is
reused for the small clusters it does not touch. A cluster (``mission_clusters``: 2 to ``MAX_EVENTS`` events within
``CLUSTER_KM`` chained by gaps of at most ``CLUSTER_GAP_S`` s) pools its picks and the free picks of the stations in
its window (``ripple.burst_pool``). Hypotheses of rounds are refined by ``joint_rounds``: each station's picks are
assigned one-to-one to the rounds' predicted arrivals (``ripple.share_station``; with squared costs on a line the
assignment keeps a station's picks in firing order, at most one per round), then each round is located from its own
picks (rounds may stand apart, as a battery's tubes do), in turn. The starts (``mission_rounds``): the cluster's events
themselves (the incumbent); for ``k`` from the number of events to one more, the rounds read off the stations that hold
exactly ``k`` picks of the pool in their order (``ranked_start``), the ``k`` strongest peaks of the stack at the
focused place (``ripple.focus_point``), and the best labellings of a search over the labelling of the picks rather than
over places (``labelled_starts``: the seed stations' picks labelled exhaustively, firing order kept where the
battery's width cannot swap it, each labelling's rounds placed on a grid within ``BATTERY_KM`` of each other and the
other stations assigned by their best option; the position starts stay in the mixtures' aliases, this one does not). The hypothesis of least BIC (joint cost plus ln(n) per round's three
parameters) other than the incumbent is located round by round (``ripple.located_rounds``: each must fit as one source
and pass the engine's event tests) and replaces the cluster's events when it explains the events' picks better by BIC
(``bic_of``; a round gets no credit for free picks, nor, with ``HELD_CHI2``, any charge for them, and must hold the
events' picks at ``min_stations`` stations) and holds at least ``HELD_SHARE`` of them. Picks whose back-azimuth
points away from their round are taken out first (``_directional``). A local search from the
best hypothesis by side-shifted relabellings (``shifted_starts``) is available (``SHIFT_STEPS``) but off. Events
genuinely apart do not gain by being re-solved together: no hypothesis beats them and they are kept.

The starts (``peaks_at``, ``ranked_start``, ``shifted_starts``, and the labelling search ``labelled_starts`` with its
compiled costs) are in ``fuse/missionstarts.py`` (docs/fusion.md, "Session 24 (split24)"); this module holds the
clusters, the joint fit of the rounds, the choice among the hypotheses and the test that they replace the events.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.refine import clusters
from truceline.fuse.ripple import (EDGE_S, ROUND_TOLERANCE_Z, SEARCH_KM, Launcher, Round, burst_pool, focus_point,
                                   located_rounds, pick_sigma, share_station)
from truceline.fuse.rival import PickContext
# the starts of the hypotheses are in this module (docs/fusion.md, "Session 24 (split24)"); every public name is
# imported back, for the code and tests that import it from here
from truceline.fuse.missionstarts import (BATTERY_KM, LABEL_COMBOS, LABEL_GRID_KM, LABEL_ITERATIONS, LABEL_MIN_GAP_S,
                                          LABEL_REFINE, LABEL_STARTS, LABEL_STATIONS, LABEL_STEP_KM, MAX_OPTION_PICKS,
                                          MIN_SEPARATION_S, PRIOR_KM, SHIFT_ANGLES, labelled_starts, peaks_at,
                                          ranked_start, shifted_starts, station_options)

CLUSTER_KM = 1.0
"""Events this near to each other (and ``CLUSTER_GAP_S`` apart in origin time) may be one mission's mixtures (the
alias of a round interval of 2 s is ~0.35 km of each event's shift; two mixtures may lie on either side)."""
CLUSTER_GAP_S = 4.0
MAX_EVENTS = 5
"""Clusters of 2 to this many events (a larger one is a ripple's, ``fuse/ripple.py``)."""
MAX_ROUNDS = 6
JOINT_ITERATIONS = 5
"""Alternations of the joint assignment of the picks to the rounds and the rounds' locations."""
TRIM = 3
"""A round that does not fit as one source is located again without its worst pick, up to this many times."""
SHIFT_STEPS = 0
"""Steps of the local search: from the best hypothesis so far, its shifted starts (``shifted_starts``). Off: on
`violation` seed 9 two steps made 14 more events and no more matches (precision 0.9714 -> 0.9443; docs/fusion.md,
"Small fire missions")."""
EXTRA_ROUNDS = 1
"""A cluster's events may be re-solved as up to this many more rounds than there are events (two mixtures of a
three-round mission)."""
HELD_SHARE = 0.9
"""The rounds must hold at least this share of the cluster's events' picks."""
HELD_CHI2 = True
"""The rounds' misfit in ``_better`` is that of the events' picks they hold (the free picks they take neither pay nor
cost)."""
LABEL_SEARCH = True
"""Starts from the search over the labelling of the seed stations' picks (``labelled_starts``)."""


def mission_clusters(x: np.ndarray, y: np.ndarray, t0: np.ndarray, *, distance_km: float = CLUSTER_KM,
                     gap_s: float = CLUSTER_GAP_S, max_events: int = MAX_EVENTS) -> list[np.ndarray]:
    """Groups of 2 to ``max_events`` events chained by pairs within ``distance_km`` and ``gap_s``."""
    labels = clusters(x, y, t0, distance_km=distance_km, time_s=gap_s)
    groups = [np.flatnonzero(labels == label) for label in np.unique(labels)]
    return sorted((g for g in groups if 2 <= len(g) <= max_events), key=lambda g: int(g[0]))


def bic_of(chi2: float, n_held: int, n_pool: int, n_events: int) -> float:
    """Chi-square of the held picks, ``ROUND_TOLERANCE_Z**2`` per pool pick left out, ln(n) per parameter."""
    return chi2 + ROUND_TOLERANCE_Z**2 * (n_pool - n_held) + 3 * n_events * math.log(max(n_pool, 2))


def mission_rounds(pool: np.ndarray, ctx: PickContext, members: np.ndarray, x_km: np.ndarray, y_km: np.ndarray,
                   t0_s: np.ndarray, t_lo: float, t_hi: float, atm: np.ndarray,
                   min_stations: int, held: np.ndarray | None = None) -> tuple[list[Launcher], float, float]:
    """The best hypothesis of the mission's rounds among the pool's picks, each round a one-round ``Launcher`` (its
    place, origin time and picks), with its BIC and the BIC of the cluster's events refitted the same way (the
    incumbent). Every hypothesis is refined by ``joint_rounds`` from a start: the events themselves (the incumbent);
    for ``k`` from the number of events to one more, the rounds read off the stations that hold exactly ``k`` picks
    of the pool, in their order (``ranked_start``); and the ``k`` strongest peaks of the stack at the focused place.
    The BIC is the joint cost plus ln(n) for each round's three parameters."""
    n_events = len(members)
    penalty = 3 * math.log(max(len(pool), 2))
    incumbent, cost = joint_rounds(pool, ctx, [(float(x_km[m]), float(y_km[m]), float(t0_s[m])) for m in members],
                                   atm, min_stations)
    base = cost + penalty * len(incumbent) if incumbent else math.inf
    starts: list[list[tuple[float, float, float]]] = []
    cx, cy = float(np.median(x_km[members])), float(np.median(y_km[members]))
    window = (t_lo - SEARCH_KM / 0.3 - EDGE_S, t_hi + SEARCH_KM / 0.3 + EDGE_S)
    fx, fy = focus_point(pool, ctx, cx, cy, *window, atm)
    strongest = sorted(peaks_at(pool, ctx, fx, fy, atm, min_stations), key=lambda p: -p[1])
    for k in range(max(2, n_events), min(n_events + EXTRA_ROUNDS, MAX_ROUNDS) + 1):
        ranked = ranked_start(pool, ctx, k, cx, cy, atm, min_stations)
        if ranked:
            starts.append(ranked)
        if len(strongest) >= k:
            starts.append([(fx, fy, float(t)) for t in sorted(p[0] for p in strongest[:k])])
        if LABEL_SEARCH and held is not None:
            starts.extend(labelled_starts(pool, ctx, held, k, cx, cy, atm))
    best: tuple[float, list[Launcher]] = (base, [])
    for step in range(SHIFT_STEPS + 1):
        found = best
        for start in starts:
            rounds, cost = joint_rounds(pool, ctx, start, atm, min_stations)
            if len(rounds) < 2 or len(rounds) > min(n_events + EXTRA_ROUNDS, MAX_ROUNDS):
                continue
            value = cost + penalty * len(rounds)
            if value < found[0] - 1e-9:
                found = (value, rounds)
        if step > 0 and found[0] >= best[0]:
            break
        best = found
        current = best[1] or incumbent
        if step == SHIFT_STEPS or len(current) < 1:
            break
        starts = shifted_starts(current, ctx, cx, cy, atm, min_stations)
    return best[1], best[0], base


def joint_rounds(pool: np.ndarray, ctx: PickContext, start: list[tuple[float, float, float]], atm: np.ndarray,
                 min_stations: int, iterations: int = JOINT_ITERATIONS) -> tuple[list[Launcher], float]:
    """Rounds fitted jointly to the pool: each station's picks assigned one-to-one to the rounds' predicted arrivals
    (``ripple.share_station``: a pick may be left out at ``ROUND_TOLERANCE_Z**2``; with squared costs on a line the
    optimal assignment keeps the picks in the rounds' order, at most one per round), then each round located from its
    own picks (``kernels.locate``; the rounds may stand a little apart), in turn. A round of fewer than
    ``min_stations`` stations is dropped. Returns the rounds and the cost (chi-square of the assigned picks plus the
    penalty of those left out)."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    stations, inverse = np.unique(s, return_inverse=True)
    by_station = [np.flatnonzero(inverse == i) for i in range(len(stations))]
    t_pick = ctx.pick_time[pool]
    rounds = [list(r) for r in sorted(start, key=lambda r: r[2])]
    members: list[list[int]] = []
    previous: list[list[int]] = []
    cost = math.inf
    for it in range(iterations + 1):
        xs = np.array([r[0] for r in rounds])
        ys = np.array([r[1] for r in rounds])
        ts = np.array([r[2] for r in rounds])
        members = [[] for _ in rounds]
        cost = 0.0
        tt_all = travel_times(ctx.st_x[stations][:, None], ctx.st_y[stations][:, None], xs[None, :], ys[None, :],
                              c, wx, wy, ctx.range_slope)
        sig_all = np.mean(pick_sigma(tt_all, ctx.sigma_s, ctx.kappa_model), axis=1)
        for i, rows in enumerate(by_station):
            value, r, col = share_station(ts + tt_all[i], t_pick[rows], float(sig_all[i]))
            cost += value
            for a, b in zip(r.tolist(), col.tolist()):
                members[b].append(int(pool[rows[a]]))
        if it == iterations or members == previous:
            break
        previous = [list(m) for m in members]
        moved = []
        for j, m in enumerate(members):
            chosen = np.array(sorted(m), dtype=np.int64)
            if len(np.unique(ctx.pick_station[chosen])) < min_stations:
                continue
            x, y, t0, cov, _chi, _n = kernels.locate(
                chosen, ctx.pick_station[chosen], ctx.pick_time, ctx.pick_baz, ctx.pick_baz_sigma, ctx.st_x, ctx.st_y,
                ctx.st_north, rounds[j][0], rounds[j][1], rounds[j][2], c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15, ctx.range_slope)
            if np.isfinite(cov[0, 0]):
                moved.append([float(x), float(y), float(t0)])
        if not moved:
            return [], math.inf
        rounds = sorted(moved, key=lambda r: r[2])
    out = []
    for (x, y, t), m in zip(rounds, members):
        chosen = np.array(sorted(m), dtype=np.int64)
        if len(np.unique(ctx.pick_station[chosen])) >= min_stations:
            out.append(Launcher(x=x, y=y, times=np.array([t]), picks=[chosen], offsets={}))
    return out, cost


def fire_missions(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray,
    chi2: np.ndarray, *, ctx: PickContext, station_pick_start: np.ndarray, min_stations: int, reach_km: float,
    accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None,
    skip: np.ndarray | None = None,
) -> tuple[list[int], list[tuple[int, float, float, float, np.ndarray]]]:
    """Small clusters re-associated as fire missions (module docstring). ``skip`` marks events left alone. Returns
    the indices of the events replaced and the new events ``(template event index, x, y, t0, picks)``."""
    holder = np.full(len(ctx.pick_time), -1, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    replaced: list[int] = []
    new: list[tuple[int, float, float, float, np.ndarray]] = []
    for members in mission_clusters(x_km, y_km, t0_s):
        if skip is not None and np.any(skip[members]):
            continue
        atm = np.median(event_atmosphere[members], axis=0)
        pool, cx, cy, t_lo, t_hi = burst_pool(members, x_km, y_km, t0_s, picks, holder, ctx, station_pick_start, atm,
                                              reach_km)
        held = np.concatenate([picks[m] for m in members])
        found, _value, _incumbent = mission_rounds(pool, ctx, members, x_km, y_km, t0_s, t_lo, t_hi, atm,
                                                   min_stations, held)
        if not found:
            continue
        rounds = located_rounds(_directional(found, ctx), ctx, atm, accept, min_stations, TRIM)
        if not _better(rounds, members, picks, chi2, ctx, atm, min_stations):
            continue
        replaced.extend(int(m) for m in members)
        for r in rounds:
            new.append((int(members[0]), r.x, r.y, r.t0, r.picks))
    return replaced, new


def _directional(rounds: list[Launcher], ctx: PickContext) -> list[Launcher]:
    """The rounds without the picks whose back-azimuth (at an array station) does not point at the round's place: a
    pick that fits a round in time but comes from elsewhere (clutter) would otherwise spoil its fit, and trimming by
    the time residual does not find it."""
    out = []
    for r in rounds:
        p = r.picks[0]
        agree = np.array([kernels.baz_agrees(ctx.pick_baz[q], ctx.pick_baz_sigma[q], ctx.st_x[st], ctx.st_y[st],
                                             ctx.st_north[st], r.x, r.y, ctx.baz_gate_z)
                          for q, st in zip(p.tolist(), ctx.pick_station[p].tolist())], dtype=bool)
        out.append(Launcher(x=r.x, y=r.y, times=r.times, picks=[p[agree]], offsets=r.offsets))
    return out


def _held_chi2(r: Round, held: np.ndarray, ctx: PickContext, atm: np.ndarray) -> float:
    """A located round's chi-square without the time terms of the free picks it took (``_better`` compares the
    rounds with the events over the events' picks only)."""
    free = r.picks[~np.isin(r.picks, held)]
    if len(free) == 0:
        return r.chi2
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[free]
    tt = travel_times(ctx.st_x[s], ctx.st_y[s], r.x, r.y, c, wx, wy, ctx.range_slope)
    z = (ctx.pick_time[free] - r.t0 - tt) / pick_sigma(tt, ctx.sigma_s, ctx.kappa_model)
    return max(r.chi2 - float(np.sum(z**2)), 0.0)


def _better(rounds: list[Round], members: np.ndarray, picks: list[np.ndarray], chi2: np.ndarray,
            ctx: PickContext | None = None, atm: np.ndarray | None = None, min_stations: int = 0) -> bool:
    """Whether the rounds explain the cluster's events' picks better than the events do by BIC (``bic_of`` over the
    events' picks: a round gets no credit for the free picks it takes, so clutter does not pay for a round; with
    ``HELD_CHI2`` (and ``ctx``, ``atm``) the free picks' own misfit is not charged either, and every round must
    hold picks of the events at ``min_stations`` stations, so that a round is not made of free picks) and hold nearly
    as many of them (``HELD_SHARE``)."""
    if len(rounds) < 1:
        return False
    held = np.unique(np.concatenate([picks[m] for m in members]))
    taken = np.unique(np.concatenate([r.picks for r in rounds]))
    kept = int(np.isin(held, taken).sum())
    if kept < HELD_SHARE * len(held):
        return False
    old = bic_of(float(np.sum(chi2[members])), len(held), len(held), len(members))
    if HELD_CHI2 and ctx is not None and atm is not None:
        if any(len(np.unique(ctx.pick_station[r.picks[np.isin(r.picks, held)]])) < min_stations for r in rounds):
            return False
        misfit = sum(_held_chi2(r, held, ctx, atm) for r in rounds)
    else:
        misfit = sum(r.chi2 for r in rounds)
    new = bic_of(misfit, kept, len(held), len(rounds))
    return new < old
