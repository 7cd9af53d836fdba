"""Sources that repeat at one place: a further search at the places where events were located.

A battery fires its rounds from one place (its tubes within a hundred metres), seconds apart; a
launcher firing a ripple stays put; a target takes several rounds. The weaker of these rounds are
heard by four to eight stations, often all on one side, and the free search over the whole grid
(x, y and origin time) then finds, among their picks, points where picks of *several* rounds agree:
the range-origin-time trade-off lets a point kilometres from the battery, between two rounds' times,
hold some stations' picks of one round and others' of another. Such a mixture holds as many stations
as a real round or more, so the greedy search takes it first and the rounds are lost.

Where a source was located, another source is far more likely than at an arbitrary point, and a
search with the position fixed has one unknown (the origin time) instead of three: the chance that
four stations' picks agree by accident at one given point and a time within a few tenths of a second
is far smaller than somewhere on a 1 km grid (matched-field detection at known source positions,
as with repeating seismic sources). So, for each event of at least ``ANCHOR_MIN_STATIONS`` stations
(located well enough to be a place), the picks within reach that are free or held by events of at
most ``DONOR_MAX_STATIONS`` stations are back-projected from points within ``SPAN_KM`` of it to
origin times within ``MAX_OFFSET_S`` of its own; where at least ``min_stations`` stations agree, at
a time apart from every event already there (more than three pick sigmas), a source is gathered
(one pick per station, within the tight pass's tolerance), located, and kept if it fits as one
source (every pick within ``max_z`` sigma, chi-square within its 95th percentile), stays at the
place, passes the tests every event of the batch passes (``accept``: heard by most of its nearest
stations, one source level, no improbable silence; ``engine.EventTests``) and explains more picks
than it takes from others: it must hold at least one free pick, and more free picks than the events
it takes picks from and leaves with fewer than ``min_stations`` stations would hold after. The events
it takes picks from keep the rest (``engine.repeat_at_places`` relocates and tests them again, like
every event, and searches the picks of those dropped once more).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.rival import PickContext, gather_picks, fits_one_source

ANCHOR_MIN_STATIONS = 6
"""Events of at least this many stations are places where more sources are sought."""
DONOR_MAX_STATIONS = 8
"""A source found at a place may take picks of events of at most this many stations (weak ones, possibly mixtures)."""
SPAN_KM = 0.3
"""Sources within this distance of an event count as at its place (a battery's tubes, a launcher's ripple)."""
STEP_KM = 0.1
MAX_OFFSET_S = 30.0
"""... and within this many seconds of its origin time."""
FREE = -1  # holder of a pick no event holds
NEW = -2  # holder of a pick a new source holds


def repeated_sources(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray, *,
    pick_time: np.ndarray, pick_station: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray,
    st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray, station_pick_start: np.ndarray, sigma_s: float,
    kappa_model: float, min_stations: int, reach_km: float, max_z: float, max_normalised_rms: float,
    baz_gate_z: float, accept: Callable[[np.ndarray, float, float, float, np.ndarray], bool] | None = None,
    anchor_min_stations: int = ANCHOR_MIN_STATIONS, donor_max_stations: int = DONOR_MAX_STATIONS,
    protected: np.ndarray | None = None, range_slope: float = 0.0,
) -> list[tuple[int, float, float, float, np.ndarray]]:
    """Further sources at the places of the events (module docstring). The events they take picks from are
    updated in place (``picks``); the new sources are returned as ``(anchor index, x, y, t0, picks)``.
    ``event_atmosphere`` is (n, 3): c, wx, wy (km/s)."""
    n = len(t0_s)
    if n == 0:
        return []
    holder, sizes = pick_holders(len(pick_time), picks, pick_station)
    ctx = PickContext(pick_time, pick_station, pick_baz, pick_baz_sigma, st_x, st_y, st_north, np.zeros(0), np.zeros(0),
                   sigma_s, kappa_model, reach_km, max_z, max_normalised_rms, baz_gate_z, range_slope)
    gx, gy = disc_grid(SPAN_KM, STEP_KM)
    slowest = float(np.min(event_atmosphere[:, 0])) - 0.04
    # a grid point is up to STEP_KM / sqrt(2) from the source: the agreement allows for that
    coarse_s = 2.0 * sigma_s + STEP_KM / math.sqrt(2.0) / max(slowest, 0.1)
    separation_s = 3.0 * sigma_s
    out: list[tuple[int, float, float, float, np.ndarray]] = []
    new_x: list[float] = []
    new_y: list[float] = []
    new_t: list[float] = []
    for a in np.lexsort((np.arange(n), -sizes)):
        if sizes[a] < anchor_min_stations:
            break
        ax, ay, at = float(x_km[a]), float(y_km[a]), float(t0_s[a])
        atm = event_atmosphere[a]
        c, wx, wy = (float(v) for v in atm)
        stations = np.flatnonzero(np.hypot(st_x - ax, st_y - ay) <= reach_km - SPAN_KM)
        if len(stations) < min_stations:
            continue
        tt = travel_times(st_x[stations], st_y[stations], ax, ay, c, wx, wy, ctx.range_slope)
        pool_parts = []
        for s, t in zip(stations.tolist(), tt.tolist()):
            first, last = int(station_pick_start[s]), int(station_pick_start[s + 1])
            lo = first + int(np.searchsorted(pick_time[first:last], at + t - MAX_OFFSET_S - 2.0))
            hi = first + int(np.searchsorted(pick_time[first:last], at + t + MAX_OFFSET_S + 2.0))
            pool_parts.append(np.arange(lo, hi, dtype=np.int64))
        pool = np.concatenate(pool_parts) if pool_parts else np.zeros(0, dtype=np.int64)
        h = holder[pool]
        donor = sizes <= donor_max_stations
        donor[a] = False
        if protected is not None:
            donor &= ~protected
        pool = pool[(h == FREE) | ((h >= 0) & donor[np.maximum(h, 0)])]
        if len(np.unique(pick_station[pool])) < min_stations:
            continue
        # origin times already taken at this place: the events (and new sources) within reach of it
        here = np.flatnonzero((np.hypot(x_km - ax, y_km - ay) <= 2.0 * SPAN_KM) & (np.abs(t0_s - at) <= MAX_OFFSET_S + 1.0))
        busy_times = [float(t0_s[k]) for k in here if sizes[k] >= min_stations]
        busy_times += [t for x, y, t in zip(new_x, new_y, new_t) if math.hypot(x - ax, y - ay) <= 2.0 * SPAN_KM]
        for _count, cx, cy, ct in agreeing_origins(ctx, pool, ax, ay, at, gx, gy, c, wx, wy, coarse_s, min_stations,
                                                   MAX_OFFSET_S):
            if any(abs(ct - t) < separation_s for t in busy_times):
                continue
            h = holder[pool]
            available = pool[(h == FREE) | ((h >= 0) & donor[np.maximum(h, 0)] & (sizes[np.maximum(h, 0)] <= donor_max_stations))]
            fitted = refined_at(ctx, cx, cy, ct, atm, available, c, wx, wy, coarse_s, min_stations)
            if fitted is None:
                continue
            cx, cy, ct, chosen = fitted
            if math.hypot(cx - ax, cy - ay) > 2.0 * SPAN_KM or any(abs(ct - t) < separation_s for t in busy_times):
                continue
            if not _gains(chosen, holder, picks, pick_station, min_stations):
                continue
            if accept is not None and not accept(chosen, cx, cy, ct, atm):
                continue
            for d in np.unique(holder[chosen]):
                if d >= 0:
                    picks[d] = picks[d][~np.isin(picks[d], chosen)]
                    sizes[d] = len(np.unique(pick_station[picks[d]]))
            holder[chosen] = NEW
            out.append((int(a), cx, cy, ct, chosen))
            new_x.append(cx)
            new_y.append(cy)
            new_t.append(ct)
            busy_times.append(ct)
    return out


def pick_holders(n_picks: int, picks: list[np.ndarray], pick_station: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pick's holding event (``FREE`` for none) and each event's number of stations."""
    holder = np.full(n_picks, FREE, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    sizes = np.array([len(np.unique(pick_station[p])) for p in picks], dtype=np.int64)
    return holder, sizes


def disc_grid(span_km: float, step_km: float) -> tuple[np.ndarray, np.ndarray]:
    """The offsets (x, y) of a square grid of ``step_km`` within ``span_km`` of the centre, x-major."""
    offsets = np.arange(-span_km, span_km + 1e-9, step_km)
    gx, gy = (a.ravel() for a in np.meshgrid(offsets, offsets, indexing="ij"))
    inside = np.hypot(gx, gy) <= span_km + 1e-9
    return gx[inside], gy[inside]


def replacement_start(ctx: PickContext, picks: list[np.ndarray], span_km: float,
                      step_km: float) -> tuple[np.ndarray, np.ndarray, list[int], np.ndarray, np.ndarray]:
    """What a step that replaces events by sources at their places starts from (``fuse/salvo.py``, ``fuse/twin.py``):
    each pick's holding event and each event's number of stations (:func:`pick_holders`), the events in the order they
    are tried (most stations first, then by index) and the offsets of the grid of candidate places within ``span_km``
    (:func:`disc_grid`)."""
    holder, sizes = pick_holders(len(ctx.pick_time), picks, ctx.pick_station)
    gx, gy = disc_grid(span_km, step_km)
    return holder, sizes, np.lexsort((np.arange(len(picks)), -sizes)).tolist(), gx, gy


def station_ranges(ctx: PickContext, station_pick_start: np.ndarray, stations: np.ndarray, lo_s: np.ndarray,
                   hi_s: np.ndarray, *, closed: bool = False) -> list[tuple[int, int, int]]:
    """``(station, lo, hi)`` for each of ``stations``: its picks ``lo:hi`` (each station's picks sorted by time from
    ``station_pick_start[s]``) whose times lie in ``[lo_s, hi_s)`` at that station (``closed``: ``hi_s`` itself too).
    The one loop that every step gathering a source's arrivals reads (flight, twin, salvo, relabel, the ripple's
    burst), so that their windows differ only in where they put the edges."""
    side: Literal["left", "right"] = "right" if closed else "left"
    out = []
    for s, t_lo, t_hi in zip(stations.tolist(), np.asarray(lo_s).tolist(), np.asarray(hi_s).tolist()):
        first, last = int(station_pick_start[s]), int(station_pick_start[s + 1])
        lo = first + int(np.searchsorted(ctx.pick_time[first:last], t_lo))
        hi = first + int(np.searchsorted(ctx.pick_time[first:last], t_hi, side=side))
        out.append((s, lo, hi))
    return out


def range_pool(ranges: list[tuple[int, int, int]]) -> np.ndarray:
    """Every pick index of ``ranges`` (from :func:`station_ranges`), station by station."""
    parts = [np.arange(lo, hi, dtype=np.int64) for _, lo, hi in ranges]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def arrival_windows(ctx: PickContext, station_pick_start: np.ndarray, x: float, y: float, t0: float, atm: np.ndarray,
                    half_window_s: float, *, closed: bool = False) -> list[tuple[int, int, int]]:
    """``(station, lo, hi)`` for every station within reach of ``(x, y)``: its picks ``lo:hi`` (each station's picks
    sorted by time from ``station_pick_start[s]``) within ``half_window_s`` of the arrival predicted there from
    ``(x, y, t0)`` under ``atm`` (``c, wx, wy``); ``closed``: a pick exactly ``half_window_s`` after it is in too. The
    windows that ``fuse/flight.py`` (the stations another event masks), ``fuse/salvo.py`` and ``fuse/relabel.py`` (the
    picks a source may take) read."""
    c, wx, wy = (float(v) for v in atm)
    stations = np.flatnonzero(np.hypot(ctx.st_x - x, ctx.st_y - y) <= ctx.reach_km)
    tt = travel_times(ctx.st_x[stations], ctx.st_y[stations], x, y, c, wx, wy, ctx.range_slope)
    return station_ranges(ctx, station_pick_start, stations, t0 + tt - half_window_s, t0 + tt + half_window_s,
                          closed=closed)


def agreeing_origins(ctx: PickContext, pool: np.ndarray, x: float, y: float, t0: float, gx: np.ndarray,
                     gy: np.ndarray, c: float, wx: float, wy: float, half_s: float, min_stations: int,
                     max_offset_s: float) -> list[tuple[int, float, float, float]]:
    """Points near (x, y) (offsets ``gx``, ``gy``) and origin times within ``max_offset_s`` of ``t0`` where at least
    ``min_stations`` stations of ``pool`` agree within a window of ``2 half_s``: ``(stations, x, y, the window's median
    origin time)``, most stations first, one per ``2 half_s`` of origin time (also used by ``fuse/twin.py``)."""
    s = ctx.pick_station[pool]
    found: list[tuple[int, float, float, float]] = []
    for dx, dy in zip(gx.tolist(), gy.tolist()):
        px, py = x + dx, y + dy
        implied = ctx.pick_time[pool] - travel_times(ctx.st_x[s], ctx.st_y[s], px, py, c, wx, wy, ctx.range_slope)
        ok = np.abs(implied - t0) <= max_offset_s
        tau, stations = implied[ok], s[ok]
        order = np.argsort(tau, kind="stable")
        tau, stations = tau[order], stations[order]
        ends = np.searchsorted(tau, tau + 2.0 * half_s, side="right")
        tau_list, station_list = tau.tolist(), stations.tolist()
        for i, end in zip(np.flatnonzero(ends - np.arange(len(tau)) >= min_stations).tolist(),
                          ends[ends - np.arange(len(tau)) >= min_stations].tolist()):
            distinct = len(set(station_list[i:end]))
            if distinct >= min_stations:
                half = (end - i - 1) // 2
                centre = tau_list[i + half] if (end - i) % 2 else (tau_list[i + half] + tau_list[i + half + 1]) / 2.0
                found.append((distinct, px, py, centre))  # the median of the sorted window
    found.sort(key=lambda f: (-f[0], f[3], f[1], f[2]))
    chosen: list[tuple[int, float, float, float]] = []
    for f in found:
        if all(abs(f[3] - g[3]) >= 2.0 * half_s for g in chosen):
            chosen.append(f)
    return chosen


def _gains(chosen: np.ndarray, holder: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray,
           min_stations: int) -> bool:
    """Whether a new source holding ``chosen`` explains more picks than it leaves unexplained: its free picks
    outnumber the picks left to the events it takes from that would keep fewer than ``min_stations`` stations."""
    h = holder[chosen]
    gained = int(np.count_nonzero(h == FREE))
    lost = 0
    for d in np.unique(h[h >= 0]).tolist():
        rest = picks[d][~np.isin(picks[d], chosen)]
        if len(np.unique(pick_station[rest])) < min_stations:
            lost += len(rest)
    return gained >= 1 and gained > lost


def refined_at(ctx: PickContext, x: float, y: float, t0: float, atmosphere: np.ndarray, available: np.ndarray,
               c: float, wx: float, wy: float, coarse_s: float,
               min_stations: int) -> tuple[float, float, float, np.ndarray] | None:
    """The source at a search's origin (x, y, t0): the ``available`` picks that fit it gathered, located, gathered
    again from the new origin (up to three times, until the picks stay the same), then located once more with the
    one-source test (``located(check=True)``); None when fewer than ``min_stations`` stations are left or it fails."""
    chosen = gather_picks(ctx, x, y, t0, atmosphere, np.zeros(0, dtype=np.int64), available, coarse_s)
    fitted = None
    for _attempt in range(3):
        if len(np.unique(ctx.pick_station[chosen])) < min_stations:
            fitted = None
            break
        fitted = located(ctx, chosen, x, y, t0, c, wx, wy, check=False)
        if fitted is None:
            break
        x, y, t0 = fitted[0], fitted[1], fitted[2]
        again = gather_picks(ctx, x, y, t0, atmosphere, np.zeros(0, dtype=np.int64), available)
        if np.array_equal(again, chosen):
            break
        chosen = again
    if fitted is None or len(np.unique(ctx.pick_station[chosen])) < min_stations:
        return None
    return located(ctx, chosen, x, y, t0, c, wx, wy, check=True)


def located(ctx: PickContext, chosen: np.ndarray, x: float, y: float, t0: float, c: float, wx: float, wy: float, *,
            check: bool) -> tuple[float, float, float, np.ndarray] | None:
    """``chosen`` located as one source; with ``check``, None unless it fits as one (the rival test: chi-square
    within its 95th percentile and ``max_normalised_rms``, every pick within ``max_z`` sigma and agreeing in
    direction at an array station)."""
    x, y, t0, cov, chi2, n_obs = kernels.locate(chosen, ctx.pick_station[chosen], ctx.pick_time, ctx.pick_baz,
                                                ctx.pick_baz_sigma, ctx.st_x, ctx.st_y, ctx.st_north, x, y, t0,
                                                c, wx, wy, ctx.sigma_s, ctx.kappa_model, 2.5, 15, ctx.range_slope)
    if not np.isfinite(cov[0, 0]):
        return None
    if not check:
        return x, y, t0, chosen
    if not fits_one_source(ctx, chosen, chosen, x, y, t0, c, wx, wy, chi2, n_obs):
        return None
    return x, y, t0, np.sort(chosen)
