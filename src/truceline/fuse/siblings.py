"""A salvo's other sources read from the arrivals at an event's own stations: the truth of a merged salvo is any of them.

A fire mission of another simulator (``benchmarks/foreign_sim.py``) fires a salvo of 2-6 guns, a few hundred metres
apart, within 0-3 s. The run locates one or two events per salvo; each takes one arrival per station. The other guns'
arrivals stay at the same stations, 0-3 s from the event's own, and ``truceline score`` matches the event to whichever
gun of the salvo its one-to-one assignment finds cheapest (3 s cost as much as 2 km): on the stand-ins about half the
matched events' truth is not the source of most of their picks, and on s4 11 of the 25 events outside their ellipses
are such a gun swap (docs/fusion.md, "Session 27 (cover27)"). Session 25's ``place_spread_scale`` read the battery's
extent from the scatter of the place's other salvos; on `heavy` that scatter is between a battery's launchers, and
what it widened there were events whose truth *is* their picks' source (11 of the 12 events it brought inside on
`heavy` 1 h), which took `heavy` over 97 %.

This module looks for the other sources themselves. At each of the event's stations, every other arrival within
``window_s`` of its own pick gives a lag; a source displaced by ``(dx, dy)`` and ``dt`` from the event predicts the lag
``dt + (|s - (x + dx, y + dy)| - |s - (x, y)|) / c`` at station ``s``. Over a grid of displacements within
``radius_km``, the implied ``dt`` are binned (``tol_s``); a *sibling* is the best cell that holds arrivals of at least
``min_stations`` distinct stations and ``min_share`` of the event's; its arrivals are removed and the search repeats.
A clutter pick or another place's round does not line up across stations; a round of the same launcher does, at
``(dx, dy)`` about 0, and adds next to nothing. Clocks cancel in a lag at one station.

Siblings that the run located (an event within ``located_km`` and ``located_s`` of the sibling) are the scorer's to
match there and are not counted. With ``k`` unlocated siblings at offsets ``d_j``, the event's truth is any of the
``k + 1`` sources, each as likely (the prior of ``crowd_swap_read``'s swap, docs/fusion.md "Session 18 (swap18)"), so
``sum_j d_j d_j' / (k + 1)`` is added to its position covariance. Only widens; no event moves.
"""

from __future__ import annotations

import numpy as np


def sibling_offsets(x_km: np.ndarray, y_km: np.ndarray, celerity_km_s: np.ndarray, event_picks: list[np.ndarray],
                    pick_time: np.ndarray, pick_station: np.ndarray, station_pick_start: np.ndarray,
                    st_x_km: np.ndarray, st_y_km: np.ndarray, *, radius_km: float = 0.8, step_km: float = 0.05,
                    window_s: float = 3.5, tol_s: float = 0.25, min_lag_s: float = 0.3, min_stations: int = 4,
                    min_share: float = 0.4, max_siblings: int = 6) -> list[np.ndarray]:
    """Per event, (k, 3): the displacement ``(dx, dy)`` (km) and origin-time lag ``dt`` (s) of each source whose
    arrivals line up at the event's own stations within ``window_s`` (but more than ``min_lag_s``) of its picks
    (module docstring). ``pick_time`` and ``pick_station`` are grouped by station (``station_pick_start``) and sorted
    in time within each station; ``event_picks`` the event's pick indices into them."""
    grid = np.arange(-radius_km, radius_km + 1e-9, step_km)
    gx, gy = (axis.ravel() for axis in np.meshgrid(grid, grid))
    out: list[np.ndarray] = []
    for i, own in enumerate(event_picks):
        own = np.asarray(own, dtype=np.int64)
        own = own[own >= 0]
        stations, lags = _lags(own, pick_time, pick_station, station_pick_start, window_s=window_s, min_lag_s=min_lag_s)
        need = max(min_stations, int(np.ceil(min_share * len(np.unique(pick_station[own])))))
        found: list[tuple[float, float, float]] = []
        if len(np.unique(stations)) >= need:
            base = np.hypot(st_x_km[stations] - x_km[i], st_y_km[stations] - y_km[i])
            moved = np.hypot(st_x_km[stations][None, :] - (x_km[i] + gx[:, None]),
                             st_y_km[stations][None, :] - (y_km[i] + gy[:, None]))
            shift = lags[None, :] - (moved - base[None, :]) / celerity_km_s[i]  # (grid, lags): the implied dt
            bins = np.clip(np.floor((shift - shift.min()) / tol_s).astype(np.int64), 0, None)
            n_bins_here = int(bins.max()) + 1
            width = int(stations.max()) + 1
            alive = np.ones(len(stations), dtype=bool)
            cell_of = np.arange(len(gx))[:, None] * n_bins_here + bins
            for _ in range(max_siblings):
                # distinct stations per (displacement, lag bin): a station's two arrivals in one bin count once
                keys = np.unique((cell_of[:, alive] * width + stations[alive][None, :]).ravel())
                count = np.bincount(keys // width, minlength=len(gx) * n_bins_here)
                best = int(count.argmax())
                if count[best] < need:
                    break
                g, b = divmod(best, n_bins_here)
                hit = alive & (bins[g] == b)
                found.append((float(gx[g]), float(gy[g]), float(np.median(shift[g, hit]))))
                alive &= ~hit
        out.append(np.array(found, dtype=float).reshape(-1, 3))
    return out


def _lags(own: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray, station_pick_start: np.ndarray, *,
          window_s: float, min_lag_s: float) -> tuple[np.ndarray, np.ndarray]:
    """The stations and lags (other arrival minus own pick) of every other arrival within ``window_s`` of each of the
    event's picks at its station, more than ``min_lag_s`` from it."""
    stations: list[np.ndarray] = []
    lags: list[np.ndarray] = []
    mine = set(own.tolist())
    for k in own:
        s = int(pick_station[k])
        lo, hi = int(station_pick_start[s]), int(station_pick_start[s + 1])
        times = pick_time[lo:hi]
        a, b = np.searchsorted(times, pick_time[k] - window_s), np.searchsorted(times, pick_time[k] + window_s, side="right")
        index = np.arange(lo + a, lo + b)
        lag = pick_time[index] - pick_time[k]
        keep = (np.abs(lag) > min_lag_s) & np.array([q not in mine for q in index.tolist()], dtype=bool)
        stations.append(np.full(int(keep.sum()), s, dtype=np.int64))
        lags.append(lag[keep])
    if not stations:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(stations), np.concatenate(lags)


def unlocated_siblings(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, offsets: list[np.ndarray], *,
                       located_km: float = 0.5, located_s: float = 1.5) -> list[np.ndarray]:
    """Per event, the rows of ``offsets`` (from :func:`sibling_offsets`) that no other event of the run lies within
    ``located_km`` and ``located_s`` of: the siblings the scorer has no event for."""
    x = np.asarray(x_km, dtype=float)
    y = np.asarray(y_km, dtype=float)
    t = np.asarray(t0_s, dtype=float)
    out: list[np.ndarray] = []
    for i, found in enumerate(offsets):
        keep = np.zeros(len(found), dtype=bool)
        for j, (dx, dy, dt) in enumerate(found):
            near = (np.hypot(x - (x[i] + dx), y - (y[i] + dy)) <= located_km) & (np.abs(t - (t[i] + dt)) <= located_s)
            near[i] = False
            keep[j] = not near.any()
        out.append(np.asarray(found, dtype=float).reshape(-1, 3)[keep])
    return out


def sibling_covariance(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, offsets: list[np.ndarray], *,
                       located_km: float = 0.5, located_s: float = 1.5) -> np.ndarray:
    """(n, 2, 2): ``sum_j d_j d_j' / (k + 1)`` over each event's ``k`` unlocated siblings (:func:`unlocated_siblings`)."""
    out = np.zeros((len(t0_s), 2, 2))
    for i, found in enumerate(unlocated_siblings(x_km, y_km, t0_s, offsets, located_km=located_km, located_s=located_s)):
        if len(found):
            out[i] = found[:, :2].T @ found[:, :2] / (len(found) + 1)
    return out
