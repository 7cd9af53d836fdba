"""Gross station clock offsets read from the pick-time differences between neighbouring stations, without events
(``FusionConfig.clock_pairs``).

For two stations ``D`` km apart, the arrival-time difference of any common source lies within ``+-D / c`` (``c`` the
slowest celerity of the paths, plus the pick noise): the triangle inequality, whatever and wherever the source. Over a
run, the differences ``t_i - t_j`` of the picks of ``i`` and ``j`` that are near in time therefore pile up inside that
*support* (every common source puts one there), while the pairs of unrelated picks spread evenly over any window. A
clock offset ``o_i`` moves the whole pile by ``o_i``: some common sources' differences then lie *outside* the support
and the window's even background does not explain them. Nothing here needs an event to have been found, so a clock
several seconds off, which keeps the loose pass from choosing the station's picks (its tolerance is 2.5 s), is read
before that pass.

The reading of station ``i`` slides a box of half-width ``H_ij = D_ij / c + margin`` over the differences with each
neighbour ``j`` (its offset taken as already read) and counts, summed over the neighbours, the differences inside:
``S(o)``. With the right offset every common source is inside; with a wrong one some are outside. The offsets whose
gain over ``S(0)`` reaches ``PLATEAU_SHARE`` of the largest form a plateau (the support's slack, ``c`` being a lower
bound); a plateau bounded on both sides is centred on the offset and its middle is the reading, one that runs to the
end of the search gives its end nearest zero (the least correction the data demand). Its significance is the gain
over the Poisson scatter of the even background in the bands the box gains and loses (``z``) and over the counts in
those bands themselves (``exchange_z``). Only *isolated* picks are used (no other pick of the station within
``isolation_s``): a repeating source pairs each pick with the neighbour's picks of its other rounds, a pile one round
interval beyond the support that looks like a displaced one. Each pair's gain counts only beyond what the mirrored
slide gains. A reading is applied when it is at least ``min_s``, significant, and backed by ``min_pairs`` and more
than half of the neighbours with none against; stations are read in turn, the most significant first (a station with
one late neighbour sees that offset in one pair only).

In the fusion (``engine.fuse``) a station read off sits out the loose pass, and what its reading left is searched
against that pass's events (``FusionConfig.clock_pairs_refine_window_s``); a reading those events do not confirm is
not applied at all: on foreign_sim2's g2clk a clock left 1.8 s off cost more than one left 7 s off (docs/fusion.md,
"Session 20 (clock20)").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


PAIR_MARGIN_S = 0.5
"""Added to each pair's support ``D / c``: the pick noise of both stations."""
PAIR_MAX_NEIGHBOURS = 8
"""A station is read against at most this many of its nearest neighbours."""
PAIR_MAX_S = 10.0
"""Offsets are searched within this (s)."""
PAIR_MIN_GAIN = 8
"""A reading is applied only if it brings at least this many common differences inside the supports."""
PAIR_MIN_PAIRS = 2
"""... and at least this many neighbours agree (and more than half of them)."""

PLATEAU_SHARE = 0.9
"""The reading is the offset nearest to zero that recovers this share of the largest gain over ``S(0)``."""

PAIR_Z = 2.0
"""A neighbour *agrees* with a reading when its own pair's gain is this many background sigmas; one whose pair loses
as much is *against* it. A reading is applied only when ``min_pairs`` and more than half of the station's neighbours
agree and none is against: a station with two late neighbours of four sees their offsets in two pairs, and must not
be read as early for it."""

BACKGROUND_BAND_S = 30.0
"""Width (s) of the bands beyond each pair's support (and beyond the offsets searched) from which the even
background of unrelated pick pairs is counted."""


@dataclass(frozen=True, slots=True)
class PairClockReading:
    """One station's reading: the offset read (s), the one applied (0 unless conclusive), the gain in common
    differences brought inside the supports, the background expected in the bands gained and lost, its ``z``, the
    neighbours used and why it was or was not applied."""

    station: int
    read_s: float
    offset_s: float
    gain: float
    background: float
    z: float
    exchange_z: float
    spread_s: float
    neighbours: int
    agreeing: int
    note: str


def pair_differences(times_a: np.ndarray, times_b: np.ndarray, half_s: float) -> np.ndarray:
    """The sorted differences ``a - b`` of every pick of ``times_a`` and of ``times_b`` (each sorted) within
    ``half_s`` of each other."""
    if len(times_a) == 0 or len(times_b) == 0:
        return np.zeros(0)
    first = np.searchsorted(times_b, times_a - half_s, side="left")
    last = np.searchsorted(times_b, times_a + half_s, side="right")
    count = last - first
    if count.sum() == 0:
        return np.zeros(0)
    owner = np.repeat(np.arange(len(times_a)), count)
    offsets = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    return np.sort(times_a[owner] - times_b[first[owner] + offsets])


def isolated(times: np.ndarray, isolation_s: float) -> np.ndarray:
    """The picks of ``times`` (sorted) with no other pick within ``isolation_s``: a source that repeats (a battery's
    rounds, a barrage) pairs each of its picks with the neighbour's picks of its other rounds too, which pile up
    beyond the support one round interval on, like a displaced pile; its picks are not isolated."""
    if len(times) < 2:
        return times.copy()
    gap = np.diff(times)
    before = np.concatenate([[np.inf], gap])
    after = np.concatenate([gap, [np.inf]])
    return times[(before > isolation_s) & (after > isolation_s)]


def neighbours_of(st_x: np.ndarray, st_y: np.ndarray, neighbour_km: float, max_neighbours: int) -> list[np.ndarray]:
    """Each station's neighbours: the ``max_neighbours`` nearest other stations within ``neighbour_km``."""
    n = len(st_x)
    distance = np.hypot(st_x[:, None] - st_x[None, :], st_y[:, None] - st_y[None, :])
    out = []
    for i in range(n):
        order = np.argsort(distance[i], kind="stable")
        order = order[(order != i) & (distance[i, order] <= neighbour_km)]
        out.append(order[:max_neighbours])
    return out


def count_within(sorted_values: np.ndarray, lo: np.ndarray | float, hi: np.ndarray | float) -> np.ndarray:
    """How many of ``sorted_values`` lie in ``[lo, hi]`` (elementwise over ``lo``, ``hi``)."""
    return np.asarray(np.searchsorted(sorted_values, hi, side="right") - np.searchsorted(sorted_values, lo, side="left"))


def pair_clock_offsets(
    st_x: np.ndarray, st_y: np.ndarray, times: list[np.ndarray], *, celerity_km_s: float, margin_s: float,
    neighbour_km: float, max_neighbours: int, max_s: float, min_s: float, min_z: float, min_gain: int,
    min_pairs: int, isolation_s: float, max_spread_s: float = float("inf"), step_s: float = 0.05,
    known: np.ndarray | None = None, readable: np.ndarray | None = None,
) -> list[PairClockReading]:
    """Every station's :class:`PairClockReading` (module docstring). ``times[s]``: station ``s``'s pick times, sorted;
    offsets searched within ``+-max_s``; applied when ``|read| >= min_s``, ``z >= min_z`` and the gain at least
    ``min_gain`` differences. Stations are taken in turn, the most significant first, each reading made with the
    offsets already applied to its neighbours. ``known`` (per station, NaN where unknown): offsets already established
    (an earlier reading the loose pass's events confirmed); those stations are not read again, and their neighbours are
    read with them taken off (their reading returned as that offset, note ``"known"``). ``readable`` (per station,
    bool): the stations that may be read at all; the others are only neighbours (note ``"not read"``)."""
    n = len(st_x)
    near = neighbours_of(st_x, st_y, neighbour_km, max_neighbours)
    if isolation_s > 0:
        times = [isolated(t, isolation_s) for t in times]
    distance = np.hypot(st_x[:, None] - st_x[None, :], st_y[:, None] - st_y[None, :])
    half = distance / celerity_km_s + margin_s
    window = half + max_s + BACKGROUND_BAND_S + 1.0
    diffs: dict[tuple[int, int], np.ndarray] = {}
    rate = np.zeros((n, n))
    for i in range(n):
        for j in near[i]:
            j = int(j)
            if (i, j) in diffs:
                continue
            d = pair_differences(times[i], times[j], float(window[i, j]))
            diffs[(i, j)] = d
            diffs[(j, i)] = np.sort(-d)
            outer = float(half[i, j] + max_s + 1.0)
            rate[i, j] = rate[j, i] = float(count_within(np.abs(d), outer, outer + BACKGROUND_BAND_S)[()]) / (
                2 * BACKGROUND_BAND_S)
    grid = np.round(np.arange(-max_s, max_s + 1e-9, step_s), 9)
    applied = np.zeros(n)
    done = np.zeros(n, dtype=bool)
    final: dict[int, PairClockReading] = {}
    if known is not None:
        for k in np.flatnonzero(np.isfinite(known)):
            i = int(k)
            applied[i] = float(known[i])
            done[i] = True
            final[i] = PairClockReading(station=i, read_s=applied[i], offset_s=applied[i], gain=0.0, background=0.0,
                                        z=0.0, exchange_z=0.0, spread_s=0.0, neighbours=len(near[i]), agreeing=0,
                                        note="known")
    if readable is not None:
        for k in np.flatnonzero(~np.asarray(readable, dtype=bool) & ~done):
            i = int(k)
            done[i] = True
            final[i] = PairClockReading(station=i, read_s=0.0, offset_s=0.0, gain=0.0, background=0.0, z=0.0,
                                        exchange_z=0.0, spread_s=float("inf"), neighbours=len(near[i]), agreeing=0,
                                        note="not read")
    while True:
        readings = [read_one(i, near[i], diffs, half, rate, applied, grid, min_s=min_s, min_z=min_z,
                             min_gain=min_gain, min_pairs=min_pairs, max_spread_s=max_spread_s) for i in range(n) if not done[i]]
        taken = [r for r in readings if r.offset_s != 0.0]
        if not taken:
            for r in readings:
                final[r.station] = r
            break
        best = max(taken, key=lambda r: (r.z, -r.station))
        applied[best.station] = best.offset_s
        done[best.station] = True
        final[best.station] = best
    return [final[i] for i in range(n)]


def read_one(i: int, near: np.ndarray, diffs: dict[tuple[int, int], np.ndarray], half: np.ndarray,
             rate: np.ndarray, applied: np.ndarray, grid: np.ndarray, *, min_s: float, min_z: float,
             min_gain: int, min_pairs: int, max_spread_s: float) -> PairClockReading:
    """Station ``i``'s reading against its neighbours ``near`` (their offsets ``applied`` taken off)."""
    if len(near) == 0:
        return PairClockReading(station=i, read_s=0.0, offset_s=0.0, gain=0.0, background=0.0, z=0.0, exchange_z=0.0,
                                spread_s=float("inf"), neighbours=0, agreeing=0, note="no neighbour within reach")
    per_pair = np.zeros((len(near), len(grid)))
    at_zero = np.zeros(len(near))
    for k, j in enumerate(near):
        d = diffs[(i, int(j))]
        h = half[i, j]
        shift = -applied[j]
        per_pair[k] = count_within(d, grid + shift - h, grid + shift + h)
        at_zero[k] = float(count_within(d, shift - h, shift + h)[()])
    score = per_pair.sum(axis=0)
    best_gain = float(score.max()) - float(at_zero.sum())
    if best_gain <= 0:
        return PairClockReading(station=i, read_s=0.0, offset_s=0.0, gain=0.0, background=0.0, z=0.0, exchange_z=0.0,
                                spread_s=float("inf"), neighbours=len(near), agreeing=0, note="no gain off zero")
    good = score - at_zero.sum() >= PLATEAU_SHARE * best_gain
    at = int(np.flatnonzero(good)[np.argmin(np.abs(grid[good]))])
    # the plateau about it: a pair whose sources reach both edges of its support allows the offsets within the
    # support's slack on either side of the true one, so a plateau bounded on both sides is centred on it; one that runs
    # to the end of the search is bounded by nothing on that side, and its end nearest zero is the reading
    lo, hi = at, at
    while lo > 0 and good[lo - 1]:
        lo -= 1
    while hi < len(grid) - 1 and good[hi + 1]:
        hi += 1
    bounded = lo > 0 and hi < len(grid) - 1
    if bounded:
        at = (lo + hi) // 2
    read = float(grid[at])
    spread = float(grid[hi] - grid[lo]) if bounded else float("inf")
    # a right clock's neighbours share periodic sources (a battery's rounds T s apart): their differences pile again at
    # +-T about the common pile, on both sides alike, and a box slid either way gains as much; a displaced pile is
    # gained on one side only. So each pair's gain counts only beyond what the mirrored slide gains.
    mirror = int(np.argmin(np.abs(grid + read)))
    pair_gain = per_pair[:, at] - at_zero - np.maximum(per_pair[:, mirror] - at_zero, 0.0)
    # the bands the box gains and loses moving from zero to the reading: each |read| wide (at most the support's
    # width), the first outside the support at zero, the second inside it
    width = np.array([min(abs(read), 2 * half[i, j]) for j in near])
    pair_background = 2.0 * rate[i, near] * width
    exchanged = np.zeros(len(near))
    for k, j in enumerate(near):
        d = diffs[(i, int(j))]
        shift, h = -applied[j], half[i, j]
        inner = (shift + h - width[k], shift + h) if read < 0 else (shift - h, shift - h + width[k])
        outer = (shift - h - width[k], shift - h) if read < 0 else (shift + h, shift + h + width[k])
        exchanged[k] = float(count_within(d, *inner)[()] + count_within(d, *outer)[()])
    gain = float(pair_gain.sum())
    background = float(pair_background.sum())
    z = gain / np.sqrt(max(background, 1.0))
    exchange_z = gain / np.sqrt(float(exchanged.sum()) + 1.0)
    pair_z = pair_gain / np.sqrt(exchanged + 1.0)
    agreeing = int(np.count_nonzero(pair_z >= PAIR_Z))
    against = int(np.count_nonzero(pair_z <= -PAIR_Z))
    if abs(read) < min_s:
        note = f"read {read:+.2f} s, under min_s"
    elif z < min_z or exchange_z < min_z:
        note = f"z {z:.1f} / exchange z {exchange_z:.1f} under min_z"
    elif gain < min_gain:
        note = f"gain {gain:.0f} under min_gain"
    elif spread > max_spread_s:
        note = f"the offsets as good span {spread:.2f} s, over max_spread_s"
    elif agreeing < min_pairs or 2 * agreeing <= len(near):
        note = f"{agreeing} of {len(near)} neighbours agree (min_pairs {min_pairs}, more than half)"
    elif against:
        note = f"{against} neighbours against"
    else:
        note = "applied"
    return PairClockReading(station=i, read_s=read, offset_s=read if note == "applied" else 0.0, gain=gain,
                            background=background, z=float(z), exchange_z=float(exchange_z), spread_s=spread,
                            neighbours=len(near),
                            agreeing=agreeing, note=note)
