"""Rival hypotheses for the events of few stations: without each pick, with the free picks.

An event of ``m`` picks at ``m`` stations is fitted by three unknowns (x, y, origin time), so an
event of four picks has one degree of freedom and one of five two: one wrong pick among them is
invisible in the residuals. In a fire mission the typical such event is a *mixture*: three picks
of a weak launch and one of its own impact (ten to twenty seconds later) or of another round,
located at the point where the four agree, kilometres and seconds from the launch, while the
launch's other picks are left free. Three picks alone fit both that point and the launch (two
hyperbolae of arrival-time differences cross twice), so relocating without the stray pick from
where the event stands finds the mixture again.

Each sound is heard once per station, so the hypothesis that explains more picks is the better
one. For each event of at most ``FusionConfig.rival_max_stations`` stations and each of its
picks ``p``, the rest of its picks (``S``) are held fixed and every point of the origin grid
within reach of their stations is tried: where ``S`` agree on an origin time, the free picks
(held by no event) of the other stations that arrive when that point predicts are counted. The
best points are located (``kernels.locate``) with ``S`` and the free picks the grid point counted,
the picks re-selected within the tight pass's tolerance and located again until they no longer
change; the rival must keep every pick of ``S`` within ``FusionConfig.ambiguity_z`` sigma, fit as one
source does (chi-square within its 95th percentile for ``n - 3`` degrees of freedom, and within
``max_normalised_rms``) and be heard by most of its nearest stations
(``footprint.heard_by_nearest_majority``). It replaces the event
if it holds more stations than the event itself could (its own picks plus the free picks that
arrive when it predicts), or as many when ``p`` is explained by another event (one that has no
pick of ``p``'s station and predicts it within ``ambiguity_z`` sigma, from its direction at an
array station): then the picks explained grow by one. ``p`` is left free.

No source is assumed but a point source heard at the surface; no pick is given to an event it
does not fit.

:func:`learned_law` serves the second test on such events (``FusionConfig.amplitude_consistency``,
applied in ``engine.refine``): sound weakens with distance by one law, so the picks of one source
give one source level (``loudness.consistent``: the spread of the picks' level estimates within the
99th percentile of the law's scatter). The law and its scatter are learned from the batch's events of
``LAW_MIN_STATIONS`` or more stations; a mixture of a loud distant source's picks and a quiet near
one's, located where neither is, gives levels that disagree.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import chi2 as chi2_dist

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.explain import best_explainer
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.loudness import LoudnessLaw, fit_law, levels

COARSE_TOLERANCE_S = 2.2  # a 1 km grid cell is up to 0.7 km from the source: about 2 s of travel
TOP_CELLS = 4  # grid points located per hypothesis
FIT_QUANTILE = 0.95
"""A rival must fit its picks as one source does: chi-square within this quantile for its degrees of freedom."""


def rival_hypotheses(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray, *,
    pick_time: np.ndarray, pick_station: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray,
    st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray, station_pick_start: np.ndarray,
    cell_x: np.ndarray, cell_y: np.ndarray, sigma_s: float, kappa_model: float, min_stations: int,
    max_stations: int, reach_km: float, max_z: float, max_normalised_rms: float, baz_gate_z: float,
    nearest: bool, taken: np.ndarray | None = None, range_slope: float = 0.0,
) -> int:
    """Replace the events of at most ``max_stations`` stations by a better rival (module
    docstring); updates positions and ``picks`` in place and returns how many were replaced.
    ``event_atmosphere`` is (n, 3): c, wx, wy (km/s). ``taken`` marks picks that belong to events outside
    ``picks`` (the streaming associator's open events): never free."""
    n = len(t0_s)
    if n == 0:
        return 0
    held = np.zeros(len(pick_time), dtype=bool) if taken is None else taken.astype(bool)
    for p in picks:
        held[p] = True
    order_t = np.argsort(pick_time, kind="stable")
    sorted_t = pick_time[order_t]
    slowest = float(np.min(event_atmosphere[:, 0])) - 0.04
    horizon_s = reach_km / max(slowest, 0.1)
    stations_of = [set(pick_station[p].tolist()) for p in picks]
    sizes = np.array([len(s) for s in stations_of])
    replaced = 0
    ctx = PickContext(pick_time, pick_station, pick_baz, pick_baz_sigma, st_x, st_y, st_north, cell_x, cell_y, sigma_s,
                   kappa_model, reach_km, max_z, max_normalised_rms, baz_gate_z, range_slope)
    for k in np.lexsort((np.arange(n), sizes)):
        if sizes[k] > max_stations or sizes[k] < min_stations or len(picks[k]) != sizes[k]:
            continue
        atm = event_atmosphere[k]
        # any pick that could be heard with the event's: within a travel time across the reach of its picks
        lo = np.searchsorted(sorted_t, float(pick_time[picks[k]].min()) - horizon_s)
        hi = np.searchsorted(sorted_t, float(pick_time[picks[k]].max()) + horizon_s)
        window = order_t[lo:hi]
        free = window[~held[window]]
        # what the event itself can hold: its picks and the free picks that arrive when it predicts
        own = gather_picks(ctx, float(x_km[k]), float(y_km[k]), float(t0_s[k]), atm, picks[k], free)
        best: tuple[int, float, int, tuple[float, float, float, np.ndarray]] | None = None
        for p in picks[k].tolist():
            rest = picks[k][picks[k] != p]
            rival = _rival(ctx, rest, free, atm)
            if rival is None:
                continue
            rx, ry, rt, rpicks, chi = rival
            count = len(np.unique(pick_station[rpicks]))
            explained = False
            if count == len(own) and count >= sizes[k]:
                near = np.flatnonzero(np.abs(t0_s - t0_s[k]) <= horizon_s)
                near = near[near != k]
                explained = len(near) > 0 and best_explainer(
                    p, max_z, near, x_km, y_km, t0_s, stations_of, event_atmosphere, pick_time, pick_station, pick_baz,
                    pick_baz_sigma, st_x, st_y, st_north, sigma_s, kappa_model, reach_km, baz_gate_z) >= 0
            if not (count > len(own) or explained):
                continue
            if count < min_stations:
                continue
            if nearest and not heard_by_nearest_majority(rx, ry, rt, pick_station[rpicks], atm, st_x=st_x, st_y=st_y,
                                                         station_pick_start=station_pick_start, pick_time=pick_time):
                continue
            if best is None or (count, -chi) > (best[0], -best[1]):
                best = (count, chi, p, (rx, ry, rt, rpicks))
        if best is None:
            continue
        rx, ry, rt, rpicks = best[3]
        held[picks[k]] = False
        held[rpicks] = True
        x_km[k], y_km[k], t0_s[k], picks[k] = rx, ry, rt, np.sort(rpicks)
        stations_of[k] = set(pick_station[rpicks].tolist())
        replaced += 1
    return replaced


class PickContext:
    """The picks, stations and tolerances that rival hypotheses and repeated sources search and test with."""

    def __init__(self, pick_time: np.ndarray, pick_station: np.ndarray, pick_baz: np.ndarray,
                 pick_baz_sigma: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
                 cell_x: np.ndarray, cell_y: np.ndarray, sigma_s: float, kappa_model: float, reach_km: float,
                 max_z: float, max_normalised_rms: float, baz_gate_z: float, range_slope: float = 0.0) -> None:
        self.pick_time, self.pick_station, self.pick_baz, self.pick_baz_sigma = pick_time, pick_station, pick_baz, pick_baz_sigma
        self.st_x, self.st_y, self.st_north = st_x, st_y, st_north
        self.cell_x, self.cell_y = cell_x, cell_y
        self.sigma_s, self.kappa_model, self.reach_km = sigma_s, kappa_model, reach_km
        self.max_z, self.max_normalised_rms, self.baz_gate_z = max_z, max_normalised_rms, baz_gate_z
        self.range_slope = range_slope  # the celerity's range term (kernels.travel_time's g)


def gather_picks(ctx: PickContext, x: float, y: float, t0: float, atm: np.ndarray, fixed: np.ndarray,
                 free: np.ndarray, tolerance_s: float | None = None) -> np.ndarray:
    """``fixed`` and, at each other station within reach, the free pick nearest its predicted
    arrival within the tight pass's tolerance (or ``tolerance_s``; from the source's direction at an
    array station)."""
    c, wx, wy = (float(v) for v in atm)
    taken = set(ctx.pick_station[fixed].tolist())
    out = list(fixed.tolist())
    if len(free):
        s = ctx.pick_station[free]
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
        gap = np.abs(ctx.pick_time[free] - t0 - tt)
        dist = np.hypot(ctx.st_x[s] - x, ctx.st_y[s] - y)
        tolerance = 2.0 * ctx.sigma_s + 3.0 * ctx.kappa_model * tt if tolerance_s is None else tolerance_s
        ok = (gap <= tolerance) & (dist <= ctx.reach_km)
        best: dict[int, tuple[float, int]] = {}
        for i in np.flatnonzero(ok):
            st = int(s[i])
            if st in taken:
                continue
            p = int(free[i])
            if not kernels.baz_agrees(ctx.pick_baz[p], ctx.pick_baz_sigma[p], ctx.st_x[st], ctx.st_y[st],
                                      ctx.st_north[st], x, y, ctx.baz_gate_z):
                continue
            if st not in best or gap[i] < best[st][0]:
                best[st] = (float(gap[i]), p)
        out.extend(p for _, p in best.values())
    return np.array(sorted(out), dtype=np.int64)


def _rival(ctx: PickContext, rest: np.ndarray, candidates: np.ndarray, atm: np.ndarray) -> tuple[float, float, float, np.ndarray, float] | None:
    """The best source that holds all of ``rest`` and free picks of other stations (None: none fits)."""
    c, wx, wy = (float(v) for v in atm)
    rs = ctx.pick_station[rest]
    # grid points within reach of every station of the rest
    inside = np.ones(len(ctx.cell_x), dtype=bool)
    for s in np.unique(rs):
        inside &= np.hypot(ctx.cell_x - ctx.st_x[s], ctx.cell_y - ctx.st_y[s]) <= ctx.reach_km
    cells = np.flatnonzero(inside)
    if len(cells) == 0:
        return None
    cx, cy = ctx.cell_x[cells], ctx.cell_y[cells]
    implied = np.column_stack([ctx.pick_time[p] - travel_times(np.full(len(cells), ctx.st_x[s]),
                                                                np.full(len(cells), ctx.st_y[s]), cx, cy, c, wx, wy, ctx.range_slope)
                               for p, s in zip(rest.tolist(), rs.tolist())])
    spread = implied.max(axis=1) - implied.min(axis=1)
    agree = spread <= 2.0 * COARSE_TOLERANCE_S
    if not agree.any():
        return None
    cells, cx, cy = cells[agree], cx[agree], cy[agree]
    origin = implied[agree].mean(axis=1)
    cand = candidates[~np.isin(ctx.pick_station[candidates], rs)]
    count = np.zeros(len(cells))
    if len(cand):
        stations = np.unique(ctx.pick_station[cand])
        for s in stations.tolist():
            ps = cand[ctx.pick_station[cand] == s]
            tt = travel_times(np.full(len(cells), ctx.st_x[s]), np.full(len(cells), ctx.st_y[s]), cx, cy, c, wx, wy, ctx.range_slope)
            near = np.hypot(cx - ctx.st_x[s], cy - ctx.st_y[s]) <= ctx.reach_km
            hit = (np.abs(ctx.pick_time[ps][None, :] - origin[:, None] - tt[:, None]) <= COARSE_TOLERANCE_S).any(axis=1)
            count += hit & near
    best: tuple[float, float, float, np.ndarray, float] | None = None
    for i in np.argsort(-count - 1e-3 * (spread[agree] / (2.0 * COARSE_TOLERANCE_S)), kind="stable")[:TOP_CELLS]:
        if count[i] < 1:
            break
        fitted = _fit(ctx, rest, cand, float(cx[i]), float(cy[i]), float(origin[i]), c, wx, wy)
        if fitted is None:
            continue
        if best is None or (len(fitted[3]), -fitted[4]) > (len(best[3]), -best[4]):
            best = fitted
    return best


def _fit(ctx: PickContext, rest: np.ndarray, cand: np.ndarray, x: float, y: float, t0: float, c: float, wx: float,
         wy: float) -> tuple[float, float, float, np.ndarray, float] | None:
    """Locate ``rest`` with the free picks that arrive when (x, y, t0) predicts, in turn; None if
    a pick of ``rest`` then misfits or the whole fits worse than ``max_normalised_rms``."""
    chosen = rest
    atm = np.array([c, wx, wy])
    for attempt in range(4):
        # first the picks that the grid point counted (within its coarse tolerance), then the tight ones
        chosen = gather_picks(ctx, x, y, t0, atm, rest, cand, COARSE_TOLERANCE_S if attempt == 0 else None)
        x, y, t0, cov, chi2, n_obs = kernels.locate(chosen, ctx.pick_station[chosen], ctx.pick_time, ctx.pick_baz,
                                                    ctx.pick_baz_sigma, ctx.st_x, ctx.st_y, ctx.st_north, x, y, t0,
                                                    c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15, ctx.range_slope)
        if not np.isfinite(cov[0, 0]):
            return None
    chosen_after = gather_picks(ctx, x, y, t0, atm, rest, cand)
    if not np.array_equal(chosen_after, chosen):
        return None
    if not fits_one_source(ctx, chosen, rest, x, y, t0, c, wx, wy, chi2, n_obs):
        return None
    return x, y, t0, chosen, chi2


def fits_one_source(ctx: PickContext, chosen: np.ndarray, directional: np.ndarray, x: float, y: float, t0: float, c: float,
                    wx: float, wy: float, chi2: float, n_obs: int) -> bool:
    """Whether ``chosen``, located at (x, y, t0) with that chi-square over ``n_obs`` observations, fits as one
    source does: chi-square within its ``FIT_QUANTILE`` for its degrees of freedom and within
    ``max_normalised_rms``, every pick within ``max_z`` sigma, and the picks of ``directional`` agreeing in
    direction at an array station."""
    dof = n_obs - 3
    if dof < 1 or math.sqrt(chi2 / dof) > ctx.max_normalised_rms or chi2 > chi2_dist.ppf(FIT_QUANTILE, dof):
        return False
    s = ctx.pick_station[chosen]
    tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
    z = np.abs(ctx.pick_time[chosen] - t0 - tt) / np.sqrt(ctx.sigma_s**2 + (ctx.kappa_model * tt) ** 2)
    if np.any(z > ctx.max_z):
        return False
    return all(kernels.baz_agrees(ctx.pick_baz[p], ctx.pick_baz_sigma[p], ctx.st_x[st], ctx.st_y[st], ctx.st_north[st],
                                  x, y, ctx.baz_gate_z)
               for p, st in zip(directional.tolist(), ctx.pick_station[directional].tolist()))


LAW_MIN_STATIONS = 8  # events that teach the amplitude-distance law: a chance coincidence of this many is rare


def learned_law(picks: list[np.ndarray], x_km: np.ndarray, y_km: np.ndarray, log_amplitude: np.ndarray,
                pick_station: np.ndarray, st_x: np.ndarray, st_y: np.ndarray) -> LoudnessLaw | None:
    """The amplitude-distance law (``loudness.fit_law``) and the scatter of a pick's level about its
    event's (1.4826 MAD), learned from the events of at least ``LAW_MIN_STATIONS`` stations; None
    without amplitudes or with too few such events."""
    rows = [k for k, p in enumerate(picks) if len(np.unique(pick_station[p])) >= LAW_MIN_STATIONS]
    if not rows:
        return None
    event = np.concatenate([np.full(len(picks[k]), k) for k in rows])
    chosen = np.concatenate([picks[k] for k in rows])
    s = pick_station[chosen]
    distance = np.hypot(st_x[s] - x_km[event], st_y[s] - y_km[event])
    return law_of(event, log_amplitude[chosen], distance)


def law_of(event: np.ndarray, amplitude: np.ndarray, distance: np.ndarray) -> LoudnessLaw | None:
    """:func:`learned_law` from its samples: each pick's event label, log amplitude and distance (km)."""
    fitted = fit_law(event, amplitude, distance)
    if fitted is None:
        return None
    est = levels(amplitude, distance, *fitted)
    ok = np.isfinite(est)
    est, event = est[ok], event[ok]
    _, inverse = np.unique(event, return_inverse=True)
    median = np.array([np.median(est[inverse == j]) for j in range(int(inverse.max()) + 1)]) if len(est) else np.zeros(0)
    residual = est - median[inverse]
    if len(residual) == 0:
        return None
    scatter = float(1.4826 * np.median(np.abs(residual)))
    if not (math.isfinite(scatter) and scatter > 0):
        return None
    return LoudnessLaw(spreading=fitted[0], absorption_per_km=fitted[1], scatter=scatter, reference_log_snr=0.0,
                       expected=math.inf, possible=-math.inf)
