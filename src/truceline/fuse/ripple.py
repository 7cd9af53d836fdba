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
(``stack_peaks``), kept where they lie on a lattice of the launcher's firing interval (``lattice``: it fires
at a fixed interval, so a peak off the lattice is another source's); then station offsets (the model error
common to the ripple, shrunk towards zero by ``OFFSET_PRIOR_S``), round times and a one-to-one assignment of
each station's picks to the rounds are refined in turn (``assign_picks``). Each round is located by the engine's
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

The parts (docs/fusion.md, "Session 24 (split24)"): ``fuse/ripplestack.py`` holds the stack (the pool, the focus, the
stack's peaks, the one-to-one assignment, the records ``Launcher`` and ``Round``), ``fuse/ripplecombs.py`` the combs
(the lattice, one launcher, two launchers); this module finds the bursts, locates and tests their rounds, decides
whether they replace the events, and holds the rounds at places.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.refine import clusters
from truceline.fuse.rival import PickContext, fits_one_source
# the ripple's stack and combs are in these modules (docs/fusion.md, "Session 24 (split24)"); every public name
# is imported back, for the code and tests that import it from here
from truceline.fuse.ripplestack import (BIN_S, BLOB_SIGMA_S, EDGE_S, END_PICKS, FINE_SPAN_KM, FINE_STEP_KM,
                                        OFFSET_PRIOR_S, ROUND_TOLERANCE_Z, SAME_KM, SEARCH_KM, STACK_SIGMA_S, STEP_KM,
                                        Launcher, Round, assign_picks, burst_pool, focus_point, head_and_tail,
                                        pick_sigma, stack_peaks)
from truceline.fuse.ripplecombs import (LATTICE_TOL_S, MAX_INTERVAL_S, MIN_INTERVAL_S, MIN_ROUNDS, OFFSET_SPAN_S,
                                        OFFSET_STEP_S, POINT_SPAN_KM, ROUND_SHARE, TWO_ITERATIONS, CombFit, lattice,
                                        launchers_of, share_station, two_launchers)

CLUSTER_KM = 2.0
"""Events this near to each other (and ``CLUSTER_GAP_S`` apart in origin time) belong to one burst."""
CLUSTER_GAP_S = 3.0
CLUSTER_MIN_EVENTS = 6
"""A burst has at least this many events."""
HELD_SHARE = 0.9
"""A burst's rounds replace its events only if they hold at least this share of the events' picks ..."""
MISFIT_GAIN = 1.0
"""... and fit them no worse: their chi-square per observation at most this share of the events' (the mixtures were
selected for their fit, so a lower bar would turn away true rounds: the toy ripple of ``tests/fuse/test_ripple.py``)."""
TWO_ROUND_YIELD = 0.75
"""Two launchers replace a burst's events only if at least this share of their lattices' slots give rounds that fit
as one source and pass the event tests ..."""
TWO_HELD_SHARE = 0.75
"""... and the rounds hold at least this share of the events' picks."""
TWO_TRIM = 3
"""Two launchers: a round that does not fit as one source is located again without its worst pick, up to this many
times."""


def burst_clusters(x: np.ndarray, y: np.ndarray, t0: np.ndarray, *, distance_km: float = CLUSTER_KM,
                   gap_s: float = CLUSTER_GAP_S, min_events: int = CLUSTER_MIN_EVENTS) -> list[np.ndarray]:
    """Groups of at least ``min_events`` events chained by pairs within ``distance_km`` and ``gap_s``
    (:func:`truceline.fuse.refine.clusters`), in the order of their first event's index."""
    labels = clusters(x, y, t0, distance_km=distance_km, time_s=gap_s)
    groups = [np.flatnonzero(labels == label) for label in np.unique(labels)]
    return sorted((g for g in groups if len(g) >= min_events), key=lambda g: int(g[0]))


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
    one-to-one among them with the station offsets refined (``assign_picks``). The next place is focused on the picks
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
        peaks = stack_peaks(ctx.pick_time[left] - tt, s, pick_sigma(tt, ctx.sigma_s, ctx.kappa_model),
                            min_stations, 0.3)
        if len(peaks) < PLACE_MIN_ROUNDS:
            break
        times, picks, offsets = assign_picks(left, ctx, x, y, np.array([p[0] for p in peaks]), atm)
        keep = [j for j in range(len(times)) if len(np.unique(ctx.pick_station[picks[j]])) >= min_stations]
        if len(keep) < PLACE_MIN_ROUNDS:
            break
        out.append(Launcher(x=x, y=y, times=times[keep], picks=[picks[j] for j in keep], offsets=offsets))
        held = np.concatenate([picks[j] for j in keep])
        left = left[~np.isin(left, held)]
    return out
