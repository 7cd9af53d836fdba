"""Station clock offsets measured against events located without the station (``FusionConfig.clock_unabsorbed``).

The calibration's clock correction of a station is the median residual of the picks the loose pass chose for it
(``atmosphere.station_corrections``). A station whose clock is off by more than the loose pass's tolerance has its
picks chosen only when the event's position and origin time absorb part of the offset, so that median understates
the offset; when what is left is near a fire mission's round interval, the station's chosen picks are mostly the
*next* round's, and its events become mixtures (docs/fusion.md, "Session 12 (cov12)").

Here every calibration event that holds a pick of station ``s`` is located again *without* the picks of ``s``; the
events that hold none of its picks already are. Their predicted arrivals at ``s`` then owe nothing to ``s``'s clock, so
the residuals of *all* ``s``'s picks within ``CLOCK_WINDOW_S`` of those arrivals pile up at its true offset (its own
arrivals), while other sources' picks (the next round's among them) spread out. The pile is found at the mode of
those residuals (the box of ``2 * CLOCK_HALF_BIN_S`` holding the most), taken only when it is *significant* (at least
``min_picks`` residuals, ``z`` Poisson sigmas above the even background); the offset is the pile's centre (the mean
within ``CLOCK_PILE_HALF_S`` of the mode, the even background taken off), since the pile is broader than the box, and
the reading carries its scatter and standard error. It must be *consistent over time*: the earlier and the later half
of the station's arrivals must each show the pile on their own (``z_half`` sigmas above their background, and their
centres within ``CLOCK_HALF_BIN_S`` or two of their standard errors). A clock that drifts by more than that over the
run fails that test and is left as the calibration had it (a drift is not modelled).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import CLOCK_HALF_BIN_S, CLOCK_WINDOW_S, travel_times


CLOCK_PILE_HALF_S = 3 * CLOCK_HALF_BIN_S
"""Half the reach of a clock's pile about its mode (s): the residuals of a station's own arrivals spread beyond the
mode's box (pick noise, the events' location errors without the station and the model's error: 0.2-0.27 s sd on
``violation``), while a fire mission's next round (1.4-1.8 s on) stays outside."""


PILE_REACH_SIGMAS = 2.5
"""The pile's reach about its centre, in its own scatters (between ``CLOCK_HALF_BIN_S`` and ``CLOCK_PILE_HALF_S``)."""


@dataclass(frozen=True, slots=True)
class ClockReading:
    """One station's reading: the offset (s), whether it is significant and consistent, the pile's residuals and the
    arrival times (s) they were read at, the pile's scatter (s) and the offset's standard error (s)."""

    offset_s: float
    conclusive: bool
    residual_s: np.ndarray
    at_s: np.ndarray
    scatter_s: float = 0.0
    error_s: float = 0.0
    near_s: float = float("nan")
    far_s: float = float("nan")
    near_km: float = float("nan")
    far_km: float = float("nan")
    range_note: str = ""


@dataclass(frozen=True, slots=True)
class Pile:
    """The residuals about a mode beyond the even background: their centre (s), scatter (s), how many (background
    taken off) and which residuals lie within the pile's reach."""

    centre_s: float
    scatter_s: float
    count: float
    inside: np.ndarray
    reach_s: float


def pile_at(residual: np.ndarray, centre: float, *, window_s: float = CLOCK_WINDOW_S,
            half_s: float = CLOCK_PILE_HALF_S, min_half_s: float = CLOCK_HALF_BIN_S, rounds: int = 8) -> Pile:
    """The pile of ``residual`` (all within ``window_s`` of zero) about ``centre``: the mean of the residuals within
    ``half_s`` of it with the even background taken off (its density read outside that reach), moved to that mean and
    read again (at most ``rounds`` times). The scatter is their spread about the centre, the background's share
    (uniform over the reach) taken off as well."""
    inside = np.zeros(len(residual), dtype=bool)
    count, scatter = 0.0, 0.0
    reach = half_s
    for _ in range(max(rounds, 1)):
        lo, hi = max(centre - reach, -window_s), min(centre + reach, window_s)
        inside = (residual >= lo) & (residual <= hi)
        n_in = int(inside.sum())
        density = (len(residual) - n_in) / max(2 * window_s - (hi - lo), 1e-9)
        background = min(density * (hi - lo), 0.5 * n_in)
        count = max(n_in - background, 1.0)
        # the background's sum about the centre is its mean (the reach's middle) less the centre, per residual
        shift = (float(np.sum(residual[inside] - centre)) - background * (0.5 * (lo + hi) - centre)) / count
        second = (float(np.sum((residual[inside] - centre) ** 2))
                  - background * (((hi - centre) ** 3 - (lo - centre) ** 3) / (3 * (hi - lo)))) / count
        scatter = float(np.sqrt(max(second - shift * shift, 0.0)))
        centre += shift
        # the reach follows the pile's own width (the background's noise grows with it), within the box and half_s
        wider = float(np.clip(PILE_REACH_SIGMAS * scatter, min(min_half_s, half_s), half_s))
        if abs(shift) < 1e-4 and wider == reach:
            break
        reach = wider
    return Pile(centre, scatter, count, inside, reach)


def peak_of(residual: np.ndarray, at: np.ndarray, *, min_picks: int = 8, z: float = 4.0, z_half: float = 2.0,
            window_s: float = CLOCK_WINDOW_S, half_bin_s: float = CLOCK_HALF_BIN_S,
            pile_half_s: float = CLOCK_PILE_HALF_S, range_km: np.ndarray | None = None) -> ClockReading:
    """The clock offset in ``residual`` (all within ``window_s`` of zero; ``at`` the times of their predicted
    arrivals): the mode (the box of ``2 * half_bin_s`` holding the most) if it is *significant* (at least
    ``min_picks`` residuals, ``z`` Poisson sigmas above the even background), then the centre of the whole pile about
    it (:func:`pile_at`): its own arrivals spread wider than the box (0.2-0.27 s), so a box's median is a noisy reading
    of a broad pile (on ``violation`` seed 8, -0.345 s at a station on time; the pile's centre -0.228). *Consistent
    over time*: the earlier and the later half of the arrivals (split at their median time) each show the pile on their
    own (at least 3 residuals within its reach, ``z_half`` sigmas above their even background), their centres within
    ``half_bin_s`` or two of their standard errors (the whole pile's scatter over the root of the half's count),
    whichever is wider. With ``range_km`` (the range of the event each residual is read against), *the same at every
    range* as well (:func:`constant_over_range`)."""
    none = ClockReading(0.0, False, np.zeros(0), np.zeros(0))
    if len(residual) < min_picks:
        return none
    order = np.argsort(residual, kind="stable")
    residual, at = residual[order], at[order]
    grid = np.arange(-window_s + half_bin_s, window_s - half_bin_s + 1e-9, 0.02)
    share = 2 * half_bin_s / (2 * window_s)
    in_box = (np.searchsorted(residual, grid + half_bin_s, side="right")
              - np.searchsorted(residual, grid - half_bin_s, side="left"))
    best = int(np.argmax(in_box))
    peak = int(in_box[best])
    background = len(residual) * share
    if peak < min_picks or peak < background + z * np.sqrt(max(background, 1.0)):
        return none
    box = (residual >= grid[best] - half_bin_s) & (residual <= grid[best] + half_bin_s)
    pile = pile_at(residual, float(np.median(residual[box])), window_s=window_s, half_s=pile_half_s)
    error = pile.scatter_s / np.sqrt(pile.count)

    def reading(conclusive: bool) -> ClockReading:
        return ClockReading(pile.centre_s, conclusive, residual[pile.inside], at[pile.inside], pile.scatter_s, error)

    # consistent over time: each half of the arrivals (split at their median time) shows the pile on its own
    split = float(np.median(at))
    lo, hi = max(pile.centre_s - pile.reach_s, -window_s), min(pile.centre_s + pile.reach_s, window_s)
    reach_share = (hi - lo) / (2 * window_s)
    inside = (residual >= lo) & (residual <= hi)
    centres, errors = [], []
    for half in (at <= split, at > split):
        n_half = int(half.sum())
        k = int((inside & half).sum())
        bg = n_half * reach_share
        if k < 3 or k < bg + z_half * np.sqrt(max(bg, 1.0)):
            return reading(False)
        own = pile_at(residual[half], pile.centre_s, window_s=window_s, half_s=pile.reach_s, rounds=1)
        centres.append(own.centre_s)
        errors.append(pile.scatter_s / np.sqrt(own.count))  # the whole pile's scatter: a half's own is too rough
    tolerance = max(half_bin_s, 2.0 * float(np.hypot(errors[0], errors[1])))
    if abs(centres[0] - centres[1]) > tolerance:
        return reading(False)
    if range_km is None:
        return reading(True)
    return constant_over_range(residual, range_km[order], pile, window_s=window_s, half_bin_s=half_bin_s,
                               z_half=z_half, at=at)


def constant_over_range(residual: np.ndarray, range_km: np.ndarray, pile: Pile, *, window_s: float,
                        half_bin_s: float, z_half: float, at: np.ndarray) -> ClockReading:
    """The reading of ``pile`` (of ``residual``, sorted, read at the arrivals ``at`` of events ``range_km`` from the
    station), conclusive only if it is a *clock*: the same at every range. A clock offset adds one constant to every
    arrival; a path error (the celerity of the station's paths off the model's, or their celerity falling beyond some
    range, as on the foreign simulator past its ``far_km``) grows with the travel time. So the nearer and the farther
    half of the arrivals (split at their median range) must each show the pile on their own (at least 3 residuals
    within its reach, ``z_half`` sigmas above their even background), with centres that agree within ``half_bin_s``
    or two of their standard errors (the whole pile's scatter over the root of each half's count), whichever is
    wider -- and that agreement must *tell* a clock from a path error: a delay proportional to the range, with the
    pile's mean, would put the halves' centres ``offset * (far - near) / mean`` apart (the halves' mean ranges within
    the pile), and that must lie beyond the same tolerance from what they read. A station whose events all lie in one
    narrow band of range cannot tell the two apart, and its reading is inconclusive (docs/fusion.md, "Session 16
    (clock16)": on the foreign simulator's f5, E064.MC, on time, heard its events only from 25-38 km, and the slower
    far paths read as +2.255 s)."""
    split = float(np.median(range_km))
    lo, hi = max(pile.centre_s - pile.reach_s, -window_s), min(pile.centre_s + pile.reach_s, window_s)
    reach_share = (hi - lo) / (2 * window_s)
    inside = (residual >= lo) & (residual <= hi)
    error = pile.scatter_s / np.sqrt(pile.count)

    def reading(conclusive: bool, note: str, centres: tuple[float, float] = (np.nan, np.nan),
                ranges: tuple[float, float] = (np.nan, np.nan)) -> ClockReading:
        return ClockReading(pile.centre_s, conclusive, residual[pile.inside], at[pile.inside], pile.scatter_s, error,
                            near_s=float(centres[0]), far_s=float(centres[1]), near_km=float(ranges[0]),
                            far_km=float(ranges[1]), range_note=note)

    centres, errors, ranges = [], [], []
    for half in (range_km <= split, range_km > split):
        n_half = int(half.sum())
        k = int((inside & half).sum())
        bg = n_half * reach_share
        if k < 3 or k < bg + z_half * np.sqrt(max(bg, 1.0)):
            return reading(False, "a range half without the pile")
        own = pile_at(residual[half], pile.centre_s, window_s=window_s, half_s=pile.reach_s, rounds=1)
        centres.append(own.centre_s)
        errors.append(pile.scatter_s / np.sqrt(own.count))
        ranges.append(float(np.mean(range_km[inside & half])))
    tolerance = max(half_bin_s, 2.0 * float(np.hypot(errors[0], errors[1])))
    seen = centres[1] - centres[0]
    if abs(seen) > tolerance:
        return reading(False, "the range halves differ", (centres[0], centres[1]), (ranges[0], ranges[1]))
    mean_km = float(np.mean(range_km[inside]))
    path = pile.centre_s * (ranges[1] - ranges[0]) / max(mean_km, 1e-6)
    if abs(seen - path) <= tolerance:
        return reading(False, "one band of range", (centres[0], centres[1]), (ranges[0], ranges[1]))
    return reading(True, "", (centres[0], centres[1]), (ranges[0], ranges[1]))


def unabsorbed_clock_offsets(
    st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray,
    cells: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray, pick_time: np.ndarray, pick_baz: np.ndarray,
    pick_baz_sigma: np.ndarray, raw_time: np.ndarray, raw_station_start: np.ndarray, *, reach_km: float,
    sigma_pick_s: float, kappa_model: float, min_stations: int = 4, min_picks: int = 8, z: float = 4.0,
    z_half: float = 2.0, suspects: np.ndarray | None = None, by_range: bool = False,
) -> list[ClockReading]:
    """Per station, the :class:`ClockReading` of its raw picks (``raw_time``, sorted per station, the station's
    between ``raw_station_start[s]`` and ``[s + 1]``) about the arrivals the events predict there, each event located
    without that station's picks.

    The events are at ``x, y, t0`` under their cells' atmosphere ``cells`` (``(n, 3)`` of ``c, wx, wy``), with the
    picks ``picks[k]`` (indices into ``pick_station``, ``pick_time``, ``pick_baz``, ``pick_baz_sigma``: the times the
    events were located with). An event holding the station's picks is located again from its other picks (from its
    position, ``kernels.locate``, Huber k = 2.5); if fewer than ``min_stations`` other stations remain or the location
    fails, it predicts nothing at that station. The picks of the ``suspects`` stations (a boolean per station: clocks
    found off in a first reading) are left out of every event's location as well, so that a neighbour's bad clock does
    not pass into the reading of a station on time; an event that loses any picks this way is located again. With
    ``by_range`` a reading must also be the same at every range of the events (:func:`constant_over_range`)."""
    n_st = len(st_x)
    n_ev = len(x)
    without: dict[tuple[int, int], tuple[float, float, float]] = {}
    bad = np.zeros(n_st, dtype=bool) if suspects is None else np.asarray(suspects, dtype=bool)
    x, y, t0 = x.copy(), y.copy(), t0.copy()
    usable = np.ones(n_ev, dtype=bool)
    for k in range(n_ev):
        p = picks[k]
        st = pick_station[p]
        c, wx, wy = (float(v) for v in cells[k])
        if bad[st].any():
            keep = p[~bad[st]]
            if len(np.unique(pick_station[keep])) < min_stations:
                usable[k] = False
                continue
            xk, yk, tk, cov, _chi2, _n = kernels.locate(
                keep, pick_station[keep], pick_time, pick_baz, pick_baz_sigma, st_x, st_y, st_north,
                float(x[k]), float(y[k]), float(t0[k]), c, wx, wy, sigma_pick_s, kappa_model, 2.5, 15)
            if not np.isfinite(cov[0, 0]):
                usable[k] = False
                continue
            x[k], y[k], t0[k] = xk, yk, tk
        for s in np.unique(st):
            rest = p[(st != s) & ~bad[st]]
            if len(np.unique(pick_station[rest])) < min_stations:
                continue
            xk, yk, tk, cov, _chi2, _n = kernels.locate(
                rest, pick_station[rest], pick_time, pick_baz, pick_baz_sigma, st_x, st_y, st_north,
                float(x[k]), float(y[k]), float(t0[k]), c, wx, wy, sigma_pick_s, kappa_model, 2.5, 15)
            if np.isfinite(cov[0, 0]):
                without[(k, int(s))] = (xk, yk, tk)
    holds = [set(int(s) for s in pick_station[p]) for p in picks]
    readings = []
    for s in range(n_st):
        lo, hi = int(raw_station_start[s]), int(raw_station_start[s + 1])
        none = ClockReading(0.0, False, np.zeros(0), np.zeros(0))
        if hi - lo < min_picks:
            readings.append(none)
            continue
        ex, ey, et, ec = [], [], [], []
        for e in np.flatnonzero(np.hypot(x - st_x[s], y - st_y[s]) <= reach_km):
            j = int(e)
            if not usable[j]:
                continue
            if s in holds[j]:
                if (j, s) not in without:
                    continue
                xj, yj, tj = without[(j, s)]
            else:
                xj, yj, tj = float(x[j]), float(y[j]), float(t0[j])
            ex.append(xj)
            ey.append(yj)
            et.append(tj)
            ec.append(cells[j])
        if len(ex) < min_picks:
            readings.append(none)
            continue
        cell = np.array(ec)
        arrival = np.array(et) + travel_times(st_x[s], st_y[s], np.array(ex), np.array(ey), cell[:, 0], cell[:, 1],
                                              cell[:, 2])
        times = np.sort(raw_time[lo:hi])
        first = np.searchsorted(times, arrival - CLOCK_WINDOW_S, side="left")
        last = np.searchsorted(times, arrival + CLOCK_WINDOW_S, side="right")
        if int((last - first).sum()) < min_picks:
            readings.append(none)
            continue
        residual = np.concatenate([times[a:b] - t for a, b, t in zip(first, last, arrival)])
        at = np.concatenate([np.full(b - a, t) for a, b, t in zip(first, last, arrival)])
        distance = np.hypot(np.array(ex) - st_x[s], np.array(ey) - st_y[s])
        range_km = np.concatenate([np.full(b - a, d) for a, b, d in zip(first, last, distance)]) if by_range else None
        readings.append(peak_of(residual, at, min_picks=min_picks, z=z, z_half=z_half, range_km=range_km))
    return readings
