"""A mission's launches and impacts are the same rounds, a time of flight apart.

Every round of indirect fire is heard twice: its launch at the battery and, a time of flight later, its impact at the
target (unless it is a dud, or a drone drops it). The flight time is set by the range and the charge, so a battery
firing at one target gives every round nearly the same one (muzzle velocity and dispersion vary it by a few per cent).
The two places' trains of events are then one train shifted by the flight time: a battery place whose events are
followed, always by nearly the same lag, by events at one target place. A mortar's launch is much weaker than its
impact (it is heard by four to eight stations, its impact by fifteen to twenty), and a battery's tubes fire within a
second or two of each other, so the search finds the impacts and loses launches: merged with a sibling round, or
left free because no seed gathered them. Each impact found says that a launch was fired from the battery a flight
time earlier; where no event at the battery is that launch, one is missing there, at a known place and within a
known window of origin time (and the other way round for a loud launch whose impact was lost).

So (``implied_sources``): the events are grouped into places (``PLACE_KM``, chained by ``PLACE_GAP_S``); for each
pair of places a range ``MIN_RANGE_KM``-``MAX_RANGE_KM`` apart, the lags between the first place's events and the
second's within the flight times of indirect fire (``MIN_FLIGHT_S``-``MAX_FLIGHT_S``, a mean ground speed of
``MIN_SPEED_KM_S``-``MAX_SPEED_KM_S``) are searched for the one most events pair up on, one to one within
``FLIGHT_SPREAD`` of it (``link``); with at least ``LINK_MIN_PAIRS`` pairs the places are linked by that flight time.
An event of one place that pairs with none of the other's implies its partner, within ``FLIGHT_SPREAD`` of the
flight time, at the other place. There the free picks and those of the place's weak events (at most
``donor_max_stations`` stations) are back-projected from points within ``SPAN_KM`` of it to origin times in that
window (``repeat.agreeing_origins``); where at least ``min_stations`` stations agree, at a time apart from every event
already at the place, a source is gathered, located and kept under the repeat step's rules (it fits as one source,
stays at the place, gains more free picks than it costs, leaves the events it takes picks from passing every test,
``donor_accept``, and passes every event's tests, ``accept``). With ``nearest`` its nearest-majority test leaves out
the stations whose arrival then was another event's pick (``_masked``: a lost round's nearest stations mostly hold its
merged sibling's pick, and a station hearing two blasts that close reports one onset). No partner is sought in a
burst (``SKIP_BURSTS``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.refine import clusters
from truceline.fuse.repeat import (FREE, NEW, STEP_KM, _gains, agreeing_origins, arrival_windows, located, range_pool,
                                  refined_at, station_ranges)
from truceline.fuse.rival import PickContext
from truceline.fuse.ripple import CLUSTER_GAP_S as BURST_GAP_S, CLUSTER_KM as BURST_KM, burst_clusters

PLACE_KM = 0.5
"""Events this near to each other (chained within ``PLACE_GAP_S``) are one place: a battery's tubes, the impacts
about one aim point, and the mixtures located a few hundred metres off them."""
PLACE_GAP_S = 120.0
MIN_RANGE_KM = 0.8
MAX_RANGE_KM = 40.0
MIN_FLIGHT_S = 8.0
MAX_FLIGHT_S = 100.0
MIN_SPEED_KM_S = 0.08
MAX_SPEED_KM_S = 1.0
"""Range over flight time of indirect fire (a mortar at high angle ~0.15-0.25 km/s, a gun ~0.3-0.5, a rocket more)."""
FLIGHT_SPREAD = 0.06
"""One mission's rounds' flight times agree within this share of it (two standard deviations of the round-to-round
scatter of muzzle velocity, charge temperature and range dispersion) ..."""
FLIGHT_FLOOR_S = 0.5
"""... or this many seconds (the origin times' own errors)."""
LINK_MIN_PAIRS = 3
"""Two places are linked by a flight time when at least this many of their events pair up on it."""
SPAN_KM = 0.5
"""The implied source is sought within this distance of its place's strongest event."""
MUTUAL = False
"""Keep a link only if it is the best of both its places (``links_of``)."""
SKIP_BURSTS = True
"""No partner is sought in a burst (``ripple.burst_clusters``: a barrage or a ripple, whose arrivals overlap at every
station, so that the stations excused as masked would leave the nearest-majority test without teeth)."""
SEPARATION_Z = 3.0
"""An implied source's origin time is at least this many pick sigmas from every other event's at its place."""
MASK_S = 1.5
"""A station whose pick within this many seconds of the predicted arrival is another event's was masked (``_masked``)."""
MARGIN_S = 60.0
"""An unpaired event implies a partner only within this many seconds of the link's first and last pairs."""


@dataclass(frozen=True, slots=True)
class Link:
    """Two places linked by a flight time: the events of ``launches`` (at the first place) and ``impacts`` (at the
    second), the pairs found, and the flight time (the median lag of the pairs)."""

    launches: np.ndarray
    impacts: np.ndarray
    pairs: list[tuple[int, int]]
    flight_s: float
    spread: float
    """Mean squared misfit of the pairs' lags, in units of the tolerance."""

    @property
    def tolerance_s(self) -> float:
        return tolerance(self.flight_s)


def tolerance(flight_s: float) -> float:
    return FLIGHT_SPREAD * flight_s + FLIGHT_FLOOR_S


def places_of(x: np.ndarray, y: np.ndarray, t0: np.ndarray) -> list[np.ndarray]:
    """The events grouped into places (``PLACE_KM`` apart, chained within ``PLACE_GAP_S``), each in time order."""
    labels = clusters(x, y, t0, distance_km=PLACE_KM, time_s=PLACE_GAP_S)
    out = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        out.append(members[np.argsort(t0[members], kind="stable")])
    return out


def _pairs_on(lags: np.ndarray, flight_s: float) -> list[tuple[int, int]]:
    """One-to-one pairs (launch row, impact column) of ``lags`` within the tolerance of ``flight_s``, the most pairs
    then the least squared misfit."""
    tol = tolerance(flight_s)
    ok = np.abs(lags - flight_s) <= tol
    if not ok.any():
        return []
    cost = np.where(ok, ((lags - flight_s) / tol) ** 2 - 2.0, 0.0)  # a pair always beats none
    rows, cols = linear_sum_assignment(cost)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if ok[r, c]]


def link(first: np.ndarray, second: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray) -> Link | None:
    """The flight time on which most events of place ``first`` (launches) pair with events of place ``second``
    (impacts), one to one, if at least ``LINK_MIN_PAIRS`` do (ties: the least scatter of the lags)."""
    distance = math.hypot(float(np.median(x[second]) - np.median(x[first])), float(np.median(y[second]) - np.median(y[first])))
    if not MIN_RANGE_KM <= distance <= MAX_RANGE_KM:
        return None
    lo = max(MIN_FLIGHT_S, distance / MAX_SPEED_KM_S)
    hi = min(MAX_FLIGHT_S, distance / MIN_SPEED_KM_S)
    lags = t0[second][None, :] - t0[first][:, None]
    inside = (lags >= lo) & (lags <= hi)
    if np.count_nonzero(inside.any(axis=1)) < LINK_MIN_PAIRS or np.count_nonzero(inside.any(axis=0)) < LINK_MIN_PAIRS:
        return None
    best: tuple[int, float, float, list[tuple[int, int]]] | None = None
    for flight in np.unique(np.round(lags[inside], 3)).tolist():
        pairs = _pairs_on(lags, flight)
        if len(pairs) < LINK_MIN_PAIRS:
            continue
        matched = np.array([lags[r, c] for r, c in pairs])
        centre = float(np.median(matched))
        spread = float(np.sum((matched - centre) ** 2))
        key = (len(pairs), -spread)
        if best is None or key > (best[0], -best[1]):
            best = (len(pairs), spread, centre, pairs)
    if best is None:
        return None
    centre = best[2]
    pairs = _pairs_on(lags, centre)
    if len(pairs) < LINK_MIN_PAIRS:
        return None
    centre = float(np.median([lags[r, c] for r, c in pairs]))
    matched = np.array([lags[r, c] for r, c in pairs])
    spread = float(np.mean(((matched - centre) / tolerance(centre)) ** 2))
    return Link(launches=first, impacts=second, pairs=[(int(first[r]), int(second[c])) for r, c in pairs],
                flight_s=centre, spread=spread)


def links_of(x: np.ndarray, y: np.ndarray, t0: np.ndarray) -> list[Link]:
    """Every pair of places linked by a flight time (:func:`link`), the place of the launches first."""
    places = [p for p in places_of(x, y, t0) if len(p) >= LINK_MIN_PAIRS]
    out = []
    for i, first in enumerate(places):
        for j, second in enumerate(places):
            if i == j:
                continue
            if t0[second[-1]] - t0[first[0]] < MIN_FLIGHT_S or t0[second[0]] - t0[first[-1]] > MAX_FLIGHT_S:
                continue
            found = link(first, second, x, y, t0)
            if found is not None:
                out.append(found)
    if not MUTUAL:
        return out
    # a battery fires at one target, a target is fired on from one battery: each place keeps its best link in each
    # role (most pairs, then the least scatter of the flight times), and a link is kept when it is best for both
    def key(found: Link) -> tuple[float, float]:
        return (-len(found.pairs), found.spread)

    best_launch: dict[int, Link] = {}
    best_impact: dict[int, Link] = {}
    for found in out:
        a, b = int(found.launches[0]), int(found.impacts[0])
        if a not in best_launch or key(found) < key(best_launch[a]):
            best_launch[a] = found
        if b not in best_impact or key(found) < key(best_impact[b]):
            best_impact[b] = found
    return [f for f in out if best_launch[int(f.launches[0])] is f and best_impact[int(f.impacts[0])] is f]


def implied_sources(x: np.ndarray, y: np.ndarray, t0: np.ndarray, sizes: np.ndarray) -> list[tuple[int, float, float]]:
    """The partners the linked places imply: ``(place's strongest event, earliest origin time, latest)`` for each
    event of a link's place that pairs with no event of the other place, within ``MARGIN_S`` of the link's pairs."""
    out = []
    for found in links_of(x, y, t0):
        paired_launch = {a for a, _b in found.pairs}
        paired_impact = {b for _a, b in found.pairs}
        times = [t0[a] for a, _b in found.pairs]
        t_lo, t_hi = min(times) - MARGIN_S, max(times) + MARGIN_S
        tol = found.tolerance_s
        launch_anchor = int(found.launches[np.argmax(sizes[found.launches])])
        impact_anchor = int(found.impacts[np.argmax(sizes[found.impacts])])
        for b in found.impacts.tolist():
            if b not in paired_impact and t_lo <= t0[b] - found.flight_s <= t_hi + found.flight_s:
                centre = float(t0[b]) - found.flight_s
                out.append((launch_anchor, centre - tol, centre + tol))
        for a in found.launches.tolist():
            if a not in paired_launch and t_lo <= t0[a] <= t_hi:
                centre = float(t0[a]) + found.flight_s
                out.append((impact_anchor, centre - tol, centre + tol))
    return out


def flight_partners(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray, *,
    ctx: PickContext, station_pick_start: np.ndarray, min_stations: int, donor_max_stations: int,
    accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None,
    nearest: bool = False,
    donor_accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None,
) -> list[tuple[int, float, float, float, np.ndarray]]:
    """The launches (impacts) the linked places imply, found at their place (module docstring). The events they take
    picks from are updated in place (``picks``); the new sources are returned as ``(anchor index, x, y, t0, picks)``.
    ``donor_accept``: the tests an event that gives picks must pass without them (default ``accept``)."""
    n = len(t0_s)
    if n == 0:
        return []
    sizes = np.array([len(np.unique(ctx.pick_station[p])) for p in picks], dtype=np.int64)
    wanted = implied_sources(x_km, y_km, t0_s, sizes)
    if not wanted:
        return []
    holder = np.full(len(ctx.pick_time), FREE, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    offsets = np.arange(-SPAN_KM, SPAN_KM + 1e-9, STEP_KM)
    gx, gy = (a.ravel() for a in np.meshgrid(offsets, offsets, indexing="ij"))
    inside = np.hypot(gx, gy) <= SPAN_KM + 1e-9
    gx, gy = gx[inside], gy[inside]
    separation_s = SEPARATION_Z * ctx.sigma_s
    out: list[tuple[int, float, float, float, np.ndarray]] = []
    bursts = np.zeros(n, dtype=bool)
    if SKIP_BURSTS:
        for members in burst_clusters(x_km, y_km, t0_s):
            bursts[members] = True
    for a, w_lo, w_hi in sorted(wanted, key=lambda w: (w[1], w[0])):
        ax, ay = float(x_km[a]), float(y_km[a])
        if bursts.any() and np.any(bursts & (np.hypot(x_km - ax, y_km - ay) <= BURST_KM)
                                   & (t0_s >= w_lo - BURST_GAP_S) & (t0_s <= w_hi + BURST_GAP_S)):
            continue  # in a barrage every station's arrivals overlap: the ripple step's (``fuse/ripple.py``)
        atm = event_atmosphere[a]
        c, wx, wy = (float(v) for v in atm)
        coarse_s = 2.0 * ctx.sigma_s + STEP_KM / math.sqrt(2.0) / max(c - 0.04, 0.1)
        centre, half = (w_lo + w_hi) / 2.0, (w_hi - w_lo) / 2.0
        stations = np.flatnonzero(np.hypot(ctx.st_x - ax, ctx.st_y - ay) <= ctx.reach_km - SPAN_KM)
        if len(stations) < min_stations:
            continue
        tt = travel_times(ctx.st_x[stations], ctx.st_y[stations], ax, ay, c, wx, wy, ctx.range_slope)
        slack = coarse_s + SPAN_KM / max(c - 0.04, 0.1)
        pool = range_pool(station_ranges(ctx, station_pick_start, stations, w_lo + tt - slack, w_hi + tt + slack))

        def available(candidates: np.ndarray) -> np.ndarray:
            h = holder[candidates]
            donor = (h >= 0) & (sizes[np.maximum(h, 0)] <= donor_max_stations)
            return candidates[(h == FREE) | donor]

        pool = available(pool)
        if len(np.unique(ctx.pick_station[pool])) < min_stations:
            continue
        here = np.flatnonzero((np.hypot(x_km - ax, y_km - ay) <= 2.0 * SPAN_KM) & (np.abs(t0_s - centre) <= half + 2.0))
        busy = [float(t0_s[k]) for k in here.tolist() if sizes[k] >= min_stations]
        busy += [r[3] for r in out if math.hypot(r[1] - ax, r[2] - ay) <= 2.0 * SPAN_KM]
        for _count, cx, cy, ct in agreeing_origins(ctx, pool, ax, ay, centre, gx, gy, c, wx, wy, coarse_s,
                                                   min_stations, half):
            if any(abs(ct - t) < separation_s for t in busy):
                continue
            fitted = refined_at(ctx, cx, cy, ct, atm, available(pool), c, wx, wy, coarse_s, min_stations)
            if fitted is None:
                continue
            cx, cy, ct, chosen = fitted
            if math.hypot(cx - ax, cy - ay) > 2.0 * SPAN_KM or any(abs(ct - t) < separation_s for t in busy):
                continue
            if not w_lo - separation_s <= ct <= w_hi + separation_s:
                continue
            if not _gains(chosen, holder, picks, ctx.pick_station, min_stations) or not _donors_pass(
                    ctx, chosen, holder, picks, x_km, y_km, t0_s, event_atmosphere, min_stations,
                    accept if donor_accept is None else donor_accept):
                continue
            if nearest and not heard_by_nearest_majority(
                    cx, cy, ct, ctx.pick_station[chosen], atm, st_x=ctx.st_x, st_y=ctx.st_y,
                    station_pick_start=station_pick_start, pick_time=ctx.pick_time,
                    excused=_masked(ctx, holder, station_pick_start, cx, cy, ct, atm)):
                continue
            if accept is not None and not accept(chosen, cx, cy, ct, atm):
                continue
            for d in np.unique(holder[chosen]).tolist():
                if d >= 0:
                    picks[d] = picks[d][~np.isin(picks[d], chosen)]
                    sizes[d] = len(np.unique(ctx.pick_station[picks[d]]))
            holder[chosen] = NEW
            out.append((int(a), cx, cy, ct, chosen))
            break
    return out


def _masked(ctx: PickContext, holder: np.ndarray, station_pick_start: np.ndarray, x: float, y: float, t0: float,
            atm: np.ndarray) -> np.ndarray:
    """The stations within reach whose pick nearest the arrival predicted from (x, y, t0), within ``MASK_S``, is held
    by another event: another source's sound arrived there then, and a station hearing two blasts that close reports
    one onset (the first blast's coda hides the second's), so its silence is no evidence against this source."""
    out = [s for s, lo, hi in arrival_windows(ctx, station_pick_start, x, y, t0, atm, MASK_S)
           if hi > lo and np.any(holder[lo:hi] != FREE)]
    return np.array(out, dtype=np.int64)


def _donors_pass(ctx: PickContext, chosen: np.ndarray, holder: np.ndarray, picks: list[np.ndarray], x_km: np.ndarray,
                 y_km: np.ndarray, t0_s: np.ndarray, event_atmosphere: np.ndarray, min_stations: int,
                 accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None) -> bool:
    """Whether every event the source takes picks from and that keeps ``min_stations`` stations still fits as one
    source and passes the tests (``accept``) without them: a round found by its partner must not cost a found event."""
    h = holder[chosen]
    for d in np.unique(h[h >= 0]).tolist():
        rest = picks[d][~np.isin(picks[d], chosen)]
        if len(np.unique(ctx.pick_station[rest])) < min_stations:
            continue  # counted by ``_gains``
        c, wx, wy = (float(v) for v in event_atmosphere[d])
        fitted = located(ctx, rest, float(x_km[d]), float(y_km[d]), float(t0_s[d]), c, wx, wy, check=True)
        if fitted is None:
            return False
        if accept is not None and not accept(fitted[3], fitted[0], fitted[1], fitted[2], event_atmosphere[d]):
            return False
    return True
