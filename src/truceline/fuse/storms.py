"""Storm cells: the lone events a thunderstorm leaves, read from the run (``FusionConfig.storm_cells``).

A storm cell drifts over the front for half an hour or more and each strike is heard by the stations around it, so
the associator finds some strikes as events. They differ from fire in two ways the run can read. Where they are:
fire comes in missions (other events within seconds and a few kilometres) from places that fire again (another event
within a few hundred metres), while a storm's strikes are *lone* events, minutes apart and scattered kilometres around
the cell. How they fit: thunder's onset is emergent, its picks scatter by about a second, and the picks an event of a
strike holds are those that happen to fit within the gates, so its residuals are wider than the run's fire's (the
median misfit of the events that are not lone, at least ``min_fire_events`` of them; a quiet run's events are all
lone, and then nothing is read). An event is dropped when it is lone, at least ``min_neighbours`` other lone events
lie within ``cell_km`` and ``cell_s`` of it, the median misfit of it and them is at least ``cell_misfit`` times the
run's, and its own at least ``event_misfit`` times (docs/fusion.md, "Session 24 (false24)").

A misfit is not enough: in a quiet run fire itself comes as lone events, and a true round of another simulator's
heavy-tailed picks fits as thunder does. So an event is dropped only when, besides, its arrivals are *scattered*
(``fuse/scatter.py``): the stations of its footprint that it does not hold have free picks about its predicted
arrivals, more than chance gives them (tail probability at most ``max_scatter_p``); a gun's sharp onset leaves none
(docs/fusion.md, "Session 25 (storm25)")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.scatter import ScatteredArrivals, scattered_arrivals

if TYPE_CHECKING:
    from truceline.fuse.engine import FusionConfig, PassResult, Prepared


@dataclass(frozen=True, slots=True, kw_only=True)
class StormSettings:
    """What makes an event lone, what makes a cell, and the misfits that drop it (``FusionConfig.storm_*``)."""

    isolation_km: float = 5.0  # no other event within this distance ...
    isolation_s: float = 10.0  # ... and this time (a fire mission's rounds, a burst)
    place_km: float = 0.5  # no other event at its place (a battery firing again) ...
    cell_km: float = 8.0  # ... within cell_s; the lone events within cell_km and cell_s are its cell
    cell_s: float = 600.0
    min_neighbours: int = 2
    cell_misfit: float = 0.9  # the median of the cell's misfits, in units of the run's
    event_misfit: float = 1.0  # the event's own misfit, in units of the run's
    min_fire_events: int = 20  # fewest events not lone that measure the run's misfit; with fewer nothing is dropped
    max_scatter_p: float = 0.1  # the chance of the event's scattered arrivals (fuse/scatter.py); 1.0: not read
    min_scattered: int = 2  # ... and the fewest stations with them (one stray pick is any station's clutter)


@dataclass(frozen=True, slots=True, kw_only=True)
class StormCells:
    """Which events to keep (``keep``), which are lone (``lone``), each event's misfit in units of the run's
    (``misfit_ratio``: its picks' rms residual over the median of the events that are not lone, ``noise_s``; 0 and
    nothing dropped with fewer than ``min_fire_events`` of them) and its lone neighbours in the cell
    (``neighbours``)."""

    keep: np.ndarray
    lone: np.ndarray
    misfit_ratio: np.ndarray
    neighbours: np.ndarray
    noise_s: float


def rms_residuals_s(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray],
                    event_atmosphere: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray,
                    st_x: np.ndarray, st_y: np.ndarray, range_slope: float) -> np.ndarray:
    """Each event's root-mean-square time residual (s) over its picks, as the assignments table gives them."""
    rms = np.zeros(len(picks))
    for i, p in enumerate(picks):
        if len(p) == 0:
            continue
        c, wx, wy = event_atmosphere[i]
        s = pick_station[p]
        residual = pick_time[p] - t0_s[i] - travel_times(st_x[s], st_y[s], x_km[i], y_km[i], c, wx, wy, range_slope)
        rms[i] = float(np.sqrt(np.mean(residual**2)))
    return rms


def storm_cells(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, rms_s: np.ndarray,
                settings: StormSettings, scatter: ScatteredArrivals | None = None) -> StormCells:
    """The events of a run (positions km, origin times s, rms residuals s) that lie in a storm cell (module doc);
    ``scatter``: each event's scattered arrivals (none given: not read, as ``max_scatter_p`` 1)."""
    n = len(t0_s)
    if n == 0:
        empty = np.zeros(0, dtype=bool)
        return StormCells(keep=empty, lone=empty, misfit_ratio=np.zeros(0), neighbours=np.zeros(0, dtype=int),
                          noise_s=0.0)
    order = np.argsort(t0_s, kind="stable")
    times = t0_s[order]
    lone = np.zeros(n, dtype=bool)
    for i in range(n):
        window = _within(order, times, t0_s[i], settings.cell_s)
        window = window[window != i]
        d = np.hypot(x_km[window] - x_km[i], y_km[window] - y_km[i])
        near_in_time = np.abs(t0_s[window] - t0_s[i]) <= settings.isolation_s
        lone[i] = not np.any((near_in_time & (d <= settings.isolation_km)) | (d <= settings.place_km))
    # the run's noise is read from its fire: the events that are not lone (missions, places that fire again)
    fire = rms_s[~lone]
    noise = float(np.median(fire)) if len(fire) >= settings.min_fire_events else 0.0
    ratio = rms_s / noise if noise > 0 else np.zeros(n)
    keep = np.ones(n, dtype=bool)
    neighbours = np.zeros(n, dtype=int)
    if noise <= 0:
        return StormCells(keep=keep, lone=lone, misfit_ratio=ratio, neighbours=neighbours, noise_s=noise)
    for i in np.flatnonzero(lone).tolist():
        window = _within(order, times, t0_s[i], settings.cell_s)
        window = window[(window != i) & lone[window]]
        cell = window[np.hypot(x_km[window] - x_km[i], y_km[window] - y_km[i]) <= settings.cell_km]
        neighbours[i] = len(cell)
        if len(cell) < settings.min_neighbours or ratio[i] < settings.event_misfit:
            continue
        if scatter is not None and (scatter.p[i] > settings.max_scatter_p
                                    or scatter.scattered[i] < settings.min_scattered):
            continue  # its arrivals are a gun's: sharp, no stray picks of the same sound about them
        if float(np.median(np.append(ratio[cell], ratio[i]))) >= settings.cell_misfit:
            keep[i] = False
    return StormCells(keep=keep, lone=lone, misfit_ratio=ratio, neighbours=neighbours, noise_s=noise)


def _within(order: np.ndarray, times: np.ndarray, t_s: float, width_s: float) -> np.ndarray:
    """The events (indices) whose origin times lie within ``width_s`` of ``t_s`` (``times``: sorted by ``order``)."""
    lo = np.searchsorted(times, t_s - width_s, side="left")
    hi = np.searchsorted(times, t_s + width_s, side="right")
    return order[lo:hi]


def storm_cells_of(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray,
                   range_slope: float) -> StormCells:
    """:func:`storm_cells` on the batch's events (``FusionConfig.storm_cells``; ``events.to_tables``, after the
    later trains); ``event_atmosphere``: each event's (celerity, wind x, wind y)."""
    settings = StormSettings(isolation_km=config.storm_isolation_km, isolation_s=config.storm_isolation_s,
                             place_km=config.storm_place_km, cell_km=config.storm_cell_km, cell_s=config.storm_cell_s,
                             min_neighbours=config.storm_min_neighbours, cell_misfit=config.storm_cell_misfit,
                             event_misfit=config.storm_event_misfit, min_fire_events=config.storm_min_fire_events,
                             max_scatter_p=config.storm_scatter_p, min_scattered=config.storm_scatter_min_stations)
    n = len(result.t0_s)
    picks = [row[row >= 0] for row in result.picks]
    atmosphere = np.asarray(event_atmosphere).reshape(n, 3)
    rms = rms_residuals_s(result.x_km, result.y_km, result.t0_s, picks, atmosphere, prep.pick_time, prep.pick_station,
                          prep.network.x_km, prep.network.y_km, range_slope)
    if settings.max_scatter_p >= 1.0:
        return storm_cells(result.x_km, result.y_km, result.t0_s, rms, settings)
    # the scatter is read only for the events the cells would drop (lone, in a cell): first the cells without it
    first = storm_cells(result.x_km, result.y_km, result.t0_s, rms, settings)
    taken = np.zeros(len(prep.pick_time), dtype=bool)
    for row in picks:
        taken[row] = True
    scatter = scattered_arrivals(picks, result.x_km, result.y_km, result.t0_s, atmosphere, pick_time=prep.pick_time,
                                 pick_station=prep.pick_station, station_pick_start=prep.station_pick_start,
                                 st_x=prep.network.x_km, st_y=prep.network.y_km, taken=taken, range_slope=range_slope,
                                 window_s=config.storm_scatter_window_s,
                                 rate_window_s=config.storm_scatter_rate_window_s, only=~first.keep)
    return storm_cells(result.x_km, result.y_km, result.t0_s, rms, settings, scatter)
