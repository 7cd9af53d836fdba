"""Stations that report in local time: a clock off by whole hours (or quarter hours), read from neighbours' picks
(``FusionConfig.zone_clock_stations``).

A logger set to its time zone instead of UTC writes every pick ``k`` hours late (or early). No event can be found
with such a station's picks, and the loose pass's tolerance of a few seconds never reaches them, so they are lost (a
third stand-in simulator's stations on UTC+2 and UTC+3: 0 of 463 picks assigned; docs/fusion.md, "Session 21
(sim21)"). The reading uses what ``fuse/pairclocks.py`` uses for offsets of seconds: for two stations ``D`` km apart
the arrival-time difference of any common source lies within ``+-D / c``, so the differences of their picks pile up
inside that support when their clocks agree and spread evenly otherwise. Here the support is slid by whole quarter
hours ``L`` over ``[-14 h, +14 h]`` (the world's time zones) and, summed over the station's nearest neighbours, the
differences inside it are counted beyond what the even background predicts, the background read at the same lag in
bands on both sides of the support (fire is not even over a run: a lag that lines up two stations' busy hours has
much background). A station is read as ``L`` off when that gain reaches ``min_gain`` differences and ``z`` Poisson
sigmas of the background, and ``dominance`` times the lag zero's gain (a right clock keeps its common sources at
zero), and when it is made in more than half of the spans of the station's run and with more than half of its
neighbours: two stations' bursts of fire that line up by chance at some lag gain in one span only (the first stand-in
simulator's six-hour runs: one span of six). Stations are read in turn, the most significant first, each against its
neighbours as already read, so that two neighbouring stations on local time are both found.
"""

from __future__ import annotations

import numpy as np

from truceline.fuse.pairclocks import neighbours_of

ZONE_STEP_S = 900.0
"""Offsets are searched in quarter hours (the time zones' step)."""
ZONE_MAX_S = 14.0 * 3600.0
"""... within +-14 h."""
ZONE_NEIGHBOURS = 8
"""A station is read against at most this many of its nearest neighbours ..."""
ZONE_RADIUS_KM = 40.0
"""... within this distance (the support, and the even background inside it, grows with it)."""
ZONE_CELERITY_KM_S = 0.28
"""The slowest celerity of a path: the support of two stations ``D`` apart is ``D / c`` plus the margin."""
ZONE_MARGIN_S = 3.0
"""Added to each support: pick noise, and a clock some seconds off besides the hours."""
ZONE_MIN_PICKS = 20
"""A station with fewer picks is not read."""
ZONE_MIN_GAIN = 20.0
"""A reading needs at least this many common differences above the background ..."""
ZONE_Z = 6.0
"""... and this many Poisson sigmas of it ..."""
ZONE_DOMINANCE = 3.0
"""... and this many times what the lag zero stands above it."""
ZONE_BAND_S = 300.0
"""The even background of a lag is counted in bands this wide (s) on both sides of each pair's support."""
ZONE_BLOCKS = 6
"""The station's run is cut into this many spans of time; ..."""
ZONE_BLOCK_GAIN = 3.0
"""... the reading must gain this many common differences in more than half of the spans that hold picks (and
with more than half of the neighbours): fire that bursts at two stations at once by chance gains in one span."""


def zone_offsets(time_s: np.ndarray, station: np.ndarray, x_km: np.ndarray, y_km: np.ndarray) -> np.ndarray:
    """Per station, the offset (s, a multiple of ``ZONE_STEP_S``) its clock is read to be ahead of UTC; 0 where
    nothing is read. Subtract ``offsets[station]`` from the pick times."""
    n_stations = len(x_km)
    offsets = np.zeros(n_stations)
    times = [np.sort(time_s[station == s]) for s in range(n_stations)]
    counts = np.array([len(t) for t in times])
    neighbours = _neighbours(x_km, y_km, counts)
    lags = ZONE_STEP_S * np.arange(-round(ZONE_MAX_S / ZONE_STEP_S), round(ZONE_MAX_S / ZONE_STEP_S) + 1)
    zero = int(np.flatnonzero(lags == 0.0)[0])
    unread = set(int(s) for s in np.flatnonzero(counts >= ZONE_MIN_PICKS))
    while unread:
        best: tuple[float, int, float] | None = None
        for s in sorted(unread):
            reading = _read(s, times, offsets, neighbours[s], x_km, y_km, lags, zero)
            if reading is not None and (best is None or reading[0] > best[0]):
                best = (reading[0], s, reading[1])
        if best is None:
            break
        offsets[best[1]] = best[2]
        unread.discard(best[1])
    return offsets


def _neighbours(x_km: np.ndarray, y_km: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
    """Each station's nearest neighbours with enough picks to be read against (:func:`pairclocks.neighbours_of`)."""
    return [near[counts[near] >= ZONE_MIN_PICKS][:ZONE_NEIGHBOURS]
            for near in neighbours_of(x_km, y_km, ZONE_RADIUS_KM, len(x_km))]


def _read(s: int, times: list[np.ndarray], offsets: np.ndarray, neighbours: np.ndarray, x_km: np.ndarray,
          y_km: np.ndarray, lags: np.ndarray, zero: int) -> tuple[float, float] | None:
    """``(z, offset)`` of station ``s`` when it is conclusively read off, else None."""
    mine_all = times[s]
    if len(neighbours) < 2 or len(mine_all) == 0:
        return None
    span = mine_all[-1] - mine_all[0]
    block = np.minimum((ZONE_BLOCKS * (mine_all - mine_all[0]) / max(span, 1.0)).astype(int), ZONE_BLOCKS - 1)
    excess = np.zeros((len(neighbours), len(lags), ZONE_BLOCKS))
    expected = np.zeros((len(neighbours), len(lags)))
    for row, n in enumerate(neighbours):
        half = float(np.hypot(x_km[s] - x_km[n], y_km[s] - y_km[n])) / ZONE_CELERITY_KM_S + ZONE_MARGIN_S
        other = times[n] - offsets[n]
        mine = mine_all[None, :] - lags[:, None]
        edges = [np.searchsorted(other, mine + e, side="right") for e in (-half - ZONE_BAND_S, -half, half,
                                                                          half + ZONE_BAND_S)]
        inside = (edges[2] - edges[1]).astype(float)
        band = (edges[3] - edges[2] + edges[1] - edges[0]).astype(float)
        chance = band * half / ZONE_BAND_S
        expected[row] = chance.sum(axis=1)
        for b in range(ZONE_BLOCKS):
            mask = block == b
            excess[row, :, b] = (inside[:, mask] - chance[:, mask]).sum(axis=1)
    by_lag_block = excess.sum(axis=0)
    total = by_lag_block.sum(axis=1)
    best = int(np.argmax(total))
    gain = float(total[best])
    z = gain / np.sqrt(max(float(expected[:, best].sum()), 1.0))
    if best == zero or gain < ZONE_MIN_GAIN or z < ZONE_Z:
        return None
    if gain < ZONE_DOMINANCE * max(float(total[zero]), 0.0):
        return None
    occupied = np.unique(block).size
    if 2 * int(np.sum(by_lag_block[best] >= ZONE_BLOCK_GAIN)) <= occupied:
        return None
    pair_gain = excess[:, best, :].sum(axis=1)
    if 2 * int(np.sum(pair_gain >= ZONE_BLOCK_GAIN)) <= len(neighbours):
        return None
    return float(z), float(lags[best])
