"""Station clock offsets from the residuals of located events, and the picks' leverage in their locations.

A station's clock error shows up as its median residual over many events (:func:`station_corrections`), removed
before the final pass; where the loose pass chose too few of its picks for that, as the mode of the residuals of all
its picks near the arrivals the located events predict (:func:`searched_clock_offsets`). A pick that located its own
event pulled the event towards it, so its residual understates the offset: :func:`pick_leverages` gives the
leave-one-out scale. The atmosphere these residuals are taken under is :mod:`truceline.fuse.atmosphere`'s
calibration (which re-exports these names, where the fusion imports them); the clock readings built on them are in
:mod:`truceline.fuse.clocks` and :mod:`truceline.fuse.clockreadings`.
"""

from __future__ import annotations

import numpy as np

from truceline.fuse.soundspeed import travel_times


def pick_leverages(
    sx: np.ndarray, sy: np.ndarray, x: float, y: float, residual_s: np.ndarray, c: float, wx: float, wy: float, *,
    sigma_pick_s: float, kappa_model: float, huber_k: float = 2.5,
) -> np.ndarray:
    """Leverage of each pick of one located event: the diagonal of the hat matrix of its (Huber-weighted)
    linearised least-squares location in (x, y, t0), ``h_i = w_i g_i' (G'WG)^-1 g_i``.

    A pick's residual ``r_i`` is ``(1 - h_i)`` times what it would be with the pick left out of the
    location (exactly, for the linearised problem): ``r_i / (1 - h_i)`` is its predicted (leave-one-out)
    residual. An event located with a late station's pick moves towards explaining it, so the residuals
    of the picks that located it understate the station's clock offset.
    """
    step = 1e-3
    tt = travel_times(sx, sy, x, y, c, wx, wy)
    dtdx = (travel_times(sx, sy, x + step, y, c, wx, wy) - travel_times(sx, sy, x - step, y, c, wx, wy)) / (2 * step)
    dtdy = (travel_times(sx, sy, x, y + step, c, wx, wy) - travel_times(sx, sy, x, y - step, c, wx, wy)) / (2 * step)
    sigma = np.sqrt(sigma_pick_s**2 + (kappa_model * tt) ** 2)
    z = np.abs(residual_s) / sigma
    weight = np.where(z <= huber_k, 1.0, huber_k / np.maximum(z, 1e-12))
    g = np.column_stack([dtdx, dtdy, np.ones_like(tt)]) / sigma[:, None]
    information = (g * weight[:, None]).T @ g
    if len(tt) < 4 or np.linalg.matrix_rank(information) < 3:
        return np.ones(len(tt))
    return weight * np.einsum("ij,jk,ik->i", g, np.linalg.inv(information), g)


CLOCK_WINDOW_S = 2.5
"""Half-width of the residual window in which :func:`searched_clock_offsets` looks for a station's offset (the
simulator's offsets reach 2 s; an offset beyond this is not measured)."""
CLOCK_HALF_BIN_S = 0.2
"""Half-width of the box in which the residuals are counted (about twice the pick noise)."""


def searched_clock_offsets(
    st_x: np.ndarray, st_y: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray, cells: np.ndarray,
    raw_time: np.ndarray, pick_station: np.ndarray, station_pick_start: np.ndarray, *, reach_km: float,
    min_picks: int = 8, floor_s: float = 0.15, z: float = 4.0, window_s: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each station's clock offset as the mode of the residuals of all its picks near the arrivals that the located
    events (``x, y, t0`` under their cells' atmosphere ``cells``: ``(n, 3)`` of ``c, wx, wy``) predict there.

    Every event within ``reach_km`` of a station predicts an arrival; the station's picks within ``window_s`` (default
    ``CLOCK_WINDOW_S``) of it give residuals. Its own arrivals pile up at its offset, other sources' picks and clutter
    spread evenly. The box of
    ``2 * CLOCK_HALF_BIN_S`` holding the most residuals is the peak, and the median of the residuals in it the offset.
    The answer is *conclusive* when the peak holds at least ``min_picks`` residuals and stands out from the even
    background (its count exceeds the background's expectation by ``z`` Poisson sigmas); the offset is then the peak's
    (zero when within ``floor_s``), otherwise nothing is said (``conclusive`` False). Unlike the median residual of the
    picks the events chose (:func:`station_corrections`), it does not need the station's picks to have been chosen: a
    clock off by more than the loose pass's tolerance has its picks chosen only when the event absorbs part of the
    offset."""
    n_st = len(st_x)
    offsets = np.zeros(n_st)
    conclusive = np.zeros(n_st, dtype=bool)
    if len(x) == 0:
        return offsets, conclusive
    window = CLOCK_WINDOW_S if window_s is None else float(window_s)
    grid = np.arange(-window + CLOCK_HALF_BIN_S, window - CLOCK_HALF_BIN_S + 1e-9, 0.02)
    box_share = 2 * CLOCK_HALF_BIN_S / (2 * window)
    for s in range(n_st):
        lo, hi = int(station_pick_start[s]), int(station_pick_start[s + 1])
        if hi - lo < min_picks:
            continue
        times = np.sort(raw_time[lo:hi])
        near = np.hypot(x - st_x[s], y - st_y[s]) <= reach_km
        if near.sum() < min_picks:
            continue
        c = cells[near]
        arrival = t0[near] + travel_times(st_x[s], st_y[s], x[near], y[near], c[:, 0], c[:, 1], c[:, 2])
        first = np.searchsorted(times, arrival - window, side="left")
        last = np.searchsorted(times, arrival + window, side="right")
        counts = last - first
        if counts.sum() < min_picks:
            continue
        residual = np.concatenate([times[a:b] - t for a, b, t in zip(first, last, arrival)])
        residual.sort()
        in_box = np.searchsorted(residual, grid + CLOCK_HALF_BIN_S, side="right") - np.searchsorted(
            residual, grid - CLOCK_HALF_BIN_S, side="left")
        best = int(np.argmax(in_box))
        peak = int(in_box[best])
        background = len(residual) * box_share
        if peak < min_picks or peak < background + z * np.sqrt(max(background, 1.0)):
            continue
        chosen = residual[(residual >= grid[best] - CLOCK_HALF_BIN_S) & (residual <= grid[best] + CLOCK_HALF_BIN_S)]
        value = float(np.median(chosen))
        offsets[s] = value if abs(value) > floor_s else 0.0
        conclusive[s] = True
    return offsets, conclusive


def station_corrections(
    station_of_pick: np.ndarray, residual_s: np.ndarray, n_stations: int, *, min_picks: int = 8, floor_s: float = 0.15
) -> np.ndarray:
    """Clock correction per station: its median residual, where it is clearly non-zero."""
    corrections = np.zeros(n_stations)
    for station in range(n_stations):
        values = residual_s[station_of_pick == station]
        if len(values) < min_picks:
            continue
        median = float(np.median(values))
        spread = 1.4826 * float(np.median(np.abs(values - median))) / np.sqrt(len(values))
        if abs(median) > max(floor_s, 3.0 * spread):
            corrections[station] = median
    return corrections
