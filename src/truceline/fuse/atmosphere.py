"""Estimating the effective sound speed and the wind from the data.

No weather input is needed: the first association pass uses a standard celerity (343 m/s,
20 degC) with generous tolerances; its well-recorded events then calibrate, per tile of the
front and per time block (:func:`calibrate`), or along the front as a field (:func:`calibrate_field`), the celerity
``c`` and the wind vector ``(w_east, w_north)`` of the effective-sound-speed model ``tt = d / (c + w . u)``.

The model itself and its standard values are :mod:`truceline.fuse.soundspeed`. Station clock errors show up as a
station's median residual over many events, and are removed before the final pass: :mod:`truceline.fuse.clockresiduals`.
Both are re-exported here, where the fusion has always imported them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import OptimizeResult, least_squares
from scipy.sparse import lil_matrix

from truceline.fuse.clockresiduals import (CLOCK_HALF_BIN_S, CLOCK_WINDOW_S, pick_leverages, searched_clock_offsets,
                                           station_corrections)
from truceline.fuse.soundspeed import (CELERITY_PRIOR_SIGMA_KM_S, DEFAULT_CELERITY_KM_S, EARTH_RADIUS_KM, RANGE_REF_KM,
                                       WIND_PRIOR_SIGMA_KM_S, travel_times)

__all__ = ["CALIBRATION_BEARING_S", "CELERITY_PRIOR_SIGMA_KM_S", "CLOCK_HALF_BIN_S", "CLOCK_WINDOW_S", "DEFAULT_CELERITY_KM_S",
           "EARTH_RADIUS_KM", "FIELD_PICK_S", "FrontAxis", "PickedEvent", "RANGE_REF_KM", "RANGE_SLOPE_BOUND", "TIME_SPANS",
           "WIND_PRIOR_SIGMA_KM_S", "calibrate", "calibrate_field", "field_at", "fit_atmosphere", "fit_range_slope",
           "fit_wind_field", "pick_leverages", "searched_clock_offsets", "station_corrections", "travel_times",
           "wind_field_gain"]


RANGE_SLOPE_BOUND = 0.003
"""The fitted range slope ``g`` (km/s per km) is bounded to +-this (a 0.045 km/s change over 15 km)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PickedEvent:
    """An event of the first pass as the calibration sees it."""

    x_km: float
    y_km: float
    stations: np.ndarray
    times_s: np.ndarray
    tile: int
    block: int
    crowding: int = 0
    """Other events of its pass near it in space and time (``FusionConfig.isolation_km``, ``isolation_s``)."""
    bearings_deg: np.ndarray | None = None
    """Per pick, the back-azimuth as a frame bearing (clockwise from the frame's y axis; NaN: none), or ``None``: the
    fit of :func:`fit_atmosphere` then uses the times alone. Given only for beamed arrays' detections
    (``FusionConfig.array_beams``), whose few sites cannot place an event far behind them by times alone."""
    bearing_sigmas_deg: np.ndarray | None = None


CALIBRATION_BEARING_S = 0.1
""":func:`fit_atmosphere` with bearings (``PickedEvent.bearings_deg``): a bearing one sigma off costs as a time
residual of this many seconds."""


def fit_atmosphere(events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, start: np.ndarray,
                   g: float = 0.0) -> np.ndarray:
    """Fit, drop the picks the fit cannot explain (wrong associations of the loose first
    pass), fit again. ``g``: a range slope held fixed (see ``kernels.travel_time``); a ``start`` of four
    values ``(c, w_east, w_north, g)`` fits the slope too and returns four."""
    return _fit_twice(events, st_x, st_y, start, g)[0]


def _fit_twice(events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, start: np.ndarray,
               g: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """:func:`fit_atmosphere` and the standard errors of its atmosphere parameters."""
    params, kept, error = _fit_once(events, st_x, st_y, start, g)
    if kept is None:
        return params, error
    params, _, error = _fit_once(kept, st_x, st_y, params, g)
    return params, error


def fit_range_slope(events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, *, min_events: int = 15,
                    max_events: int = 400, min_z: float = 0.0, min_stations: int = 6) -> float:
    """One network-wide range slope ``g`` (km/s per km) of the celerity, fitted jointly with one celerity, one
    wind and the events' positions to the well-recorded events (``FusionConfig.range_celerity``); 0 with too few.

    A celerity that falls with range (ducted returns slower than the direct arrival) is not a per-tile ``c``:
    an event's near and far stations see different mean celerities, and one ``c`` through both misplaces it.
    ``min_z``: a slope within this many standard errors of 0 is taken as 0. ``min_stations``: the well-recorded events'
    floor, as :func:`calibrate`'s."""
    good = [e for e in events if len(e.stations) >= min_stations]
    if len(good) < min_events:
        return 0.0
    start = np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0, 0.0])
    params, error = _fit_twice(_cleanest(good, max_events), st_x, st_y, start)
    slope = float(params[3])
    return slope if abs(slope) > min_z * float(error[3]) else 0.0



def _joint_fit(residuals: Callable[[np.ndarray], np.ndarray], initial: np.ndarray, low: np.ndarray, high: np.ndarray,
               sparsity: lil_matrix, x_scale: np.ndarray) -> OptimizeResult:
    """The calibration's robust joint fit of the atmosphere's parameters and the events' positions (soft L1 at 0.3 s,
    sparse Jacobian, at most 60 evaluations), started inside the bounds: :func:`_fit_once`'s and the field's."""
    return least_squares(residuals, np.clip(initial, low + 1e-9, high - 1e-9), bounds=(low, high), loss="soft_l1",
                         f_scale=0.3, jac_sparsity=sparsity, x_scale=x_scale, max_nfev=60)

def _fit_once(
    events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, start: np.ndarray, g: float = 0.0,
) -> tuple[np.ndarray, list[PickedEvent] | None, np.ndarray]:
    """Joint least squares (soft-L1) of celerity, wind and every event's position.

    Origin times are profiled out (each event's residuals are taken about their mean), so
    the unknowns are ``c, w_east, w_north`` and ``x_k, y_k`` per event; positions found with
    a wrong celerity are biased, and fitting them jointly removes that bias.
    """
    if not events:
        return start, None, np.full(len(start), np.inf)
    sizes, offsets, stations, times, owner = _stacked(events)
    sx = st_x[stations]
    sy = st_y[stations]
    observed, sigma = _stacked_bearings(events)
    rows_b = np.flatnonzero(np.isfinite(observed) & (sigma > 0))

    na = len(start)  # 3, or 4 with the range slope fitted
    def residuals(params: np.ndarray) -> np.ndarray:
        c, wx, wy = params[:3]
        slope = params[3] if na == 4 else g
        x = params[na::2][owner]
        y = params[na + 1::2][owner]
        implied = times - travel_times(sx, sy, x, y, c, wx, wy, slope)
        means = np.add.reduceat(implied, offsets[:-1]) / sizes
        timing = np.asarray(implied - means[owner])
        if not len(rows_b):
            return timing
        # the array's wavefront normal (kernels.apparent_azimuth_deg): turned by the cross-wind
        theta = np.arctan2(x[rows_b] - sx[rows_b], y[rows_b] - sy[rows_b])
        predicted = np.degrees(theta + (wx * np.cos(theta) - wy * np.sin(theta)) / c)
        off = (observed[rows_b] - predicted + 540.0) % 360.0 - 180.0
        return np.concatenate([timing, CALIBRATION_BEARING_S * off / sigma[rows_b]])

    sparsity = lil_matrix((len(times) + len(rows_b), na + 2 * len(events)), dtype=int)
    sparsity[:, :na] = 1
    for k in range(len(events)):
        rows = slice(offsets[k], offsets[k + 1])
        sparsity[rows, na + 2 * k] = 1
        sparsity[rows, na + 1 + 2 * k] = 1
    for j, row in enumerate(rows_b):
        sparsity[len(times) + j, na + 2 * owner[row]] = 1
        sparsity[len(times) + j, na + 1 + 2 * owner[row]] = 1
    initial = np.concatenate([start, np.column_stack([[e.x_km for e in events], [e.y_km for e in events]]).ravel()])
    head_low = [0.29, -0.035, -0.035, -RANGE_SLOPE_BOUND][:na]
    head_high = [0.39, 0.035, 0.035, RANGE_SLOPE_BOUND][:na]
    head_scale = [0.01, 0.005, 0.005, 0.0005][:na]
    low = np.concatenate([head_low, np.full(2 * len(events), -np.inf)])
    high = np.concatenate([head_high, np.full(2 * len(events), np.inf)])
    fit = _joint_fit(residuals, initial, low, high, sparsity,
                     np.concatenate([head_scale, np.full(2 * len(events), 0.5)]))
    residual = residuals(fit.x)[: len(times)]
    spread = 1.4826 * float(np.median(np.abs(residual)))
    error = _standard_errors(fit.jac, spread, na)
    good = np.abs(residual) <= max(0.4, 3.0 * spread)
    kept = _inlier_events(events, offsets, good, fit.x[na:])
    return np.asarray(fit.x[:na]), (kept if len(kept) >= 3 else None), error


def _standard_errors(jac: object, spread: float, na: int) -> np.ndarray:
    """Standard errors of the first ``na`` parameters from the (loss-weighted) Jacobian at the solution and the
    residuals' robust spread (Gauss-Newton: ``spread^2 (J'J)^-1``); infinite where ``J'J`` is singular."""
    dense = np.asarray(jac.toarray() if hasattr(jac, "toarray") else jac, dtype=float)
    normal = dense.T @ dense
    try:
        inverse = np.linalg.inv(normal)
    except np.linalg.LinAlgError:
        return np.full(na, np.inf)
    diag = np.diag(inverse)[:na]
    return np.asarray(np.where(diag > 0, spread * np.sqrt(np.abs(diag)), np.inf))


TIME_SPANS = (0, 1, 2, 3, 6, 12)  # blocks either side that a quiet block's calibration may take events from, nearest first



def _stacked(events: list[PickedEvent]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The events' picks end to end for a joint fit: each event's number of picks and start in them (``offsets``, one
    more than the events), and per pick its station, time and event."""
    sizes = np.array([len(e.stations) for e in events])
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    stations = np.concatenate([e.stations for e in events])
    times = np.concatenate([e.times_s for e in events])
    return sizes, offsets, stations, times, np.repeat(np.arange(len(events)), sizes)


def _stacked_bearings(events: list[PickedEvent]) -> tuple[np.ndarray, np.ndarray]:
    """The events' picks' frame bearings and their sigmas end to end, as :func:`_stacked` (NaN where none)."""
    sizes = [len(e.stations) for e in events]
    observed = [e.bearings_deg if e.bearings_deg is not None else np.full(n, np.nan) for e, n in zip(events, sizes)]
    sigma = [e.bearing_sigmas_deg if e.bearing_sigmas_deg is not None else np.full(n, np.nan) for e, n in zip(events, sizes)]
    return np.concatenate(observed), np.concatenate(sigma)


def _inlier_events(events: list[PickedEvent], offsets: np.ndarray, good: np.ndarray,
                   positions: np.ndarray) -> list[PickedEvent]:
    """The calibration events at their fitted positions (``positions``: x, y per event) with only their picks that
    fit (``good``, per pick, the events' picks at ``offsets``); an event left with fewer than five is dropped."""
    kept = []
    for k, event in enumerate(events):
        mask = good[offsets[k] : offsets[k + 1]]
        if mask.sum() >= 5:
            kept.append(PickedEvent(x_km=float(positions[2 * k]), y_km=float(positions[1 + 2 * k]),
                                    stations=event.stations[mask], times_s=event.times_s[mask], tile=event.tile,
                                    block=event.block,
                                    bearings_deg=None if event.bearings_deg is None else event.bearings_deg[mask],
                                    bearing_sigmas_deg=None if event.bearing_sigmas_deg is None
                                    else event.bearing_sigmas_deg[mask]))
    return kept

def calibrate(
    events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, tile_x: np.ndarray, tile_y: np.ndarray,
    n_blocks: int, *, min_events: int = 15, radius_km: float = 90.0, max_events: int = 80, support: np.ndarray | None = None,
    g: float = 0.0, min_stations: int = 6,
) -> np.ndarray:
    """Atmosphere per (block, tile), each fitted to the well-recorded events (``min_stations`` or more) near the tile.

    A tile takes the events within ``radius_km`` of its centre (doubling the radius until
    there are ``min_events``), first of its own time block, else of the blocks nearest in time
    (within 1, 2, 3, 6, 12 blocks), else of all blocks, and of those the least crowded by other
    events that are still ``min_events`` (a burst's events are partly mixtures of its sources: see
    :func:`_cleanest`); with too few events anywhere, the standard celerity and no wind. The
    atmosphere drifts through the day (the near-ground wind veers, the air warms and cools), so a
    quiet hour is fitted to the hours beside it rather than to the whole run: on ``violation``
    24 h seed 7 the first hour of the western front, fitted to the whole run, took the wind of
    21 hours later, 3.5 m/s off across the front (docs/fusion.md, "Uncertainty").

    ``support`` (``(n_blocks, n_tiles, 2)``), when given, receives for every cell how far its fit's events
    were from it: their mean distance in time blocks from the cell's block and their mean distance in km
    from the tile's centre (a quiet hour's cell, fitted to other hours' or far tiles' events, is less
    certain; ``uncertainty.support_variance``). Zeros where no event calibrated anything.

    ``g``: the network's range slope of the celerity (:func:`fit_range_slope`), held fixed in every tile's fit.
    """
    default = np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0])
    good = [e for e in events if len(e.stations) >= min_stations]
    n_tiles = len(tile_x)
    out = np.tile(default, (n_blocks, n_tiles, 1))
    if support is not None:
        support[...] = 0.0
    if len(good) < min_events:
        return out
    ex = np.array([e.x_km for e in good])
    ey = np.array([e.y_km for e in good])
    eb = np.array([e.block for e in good])
    crowding = np.array([e.crowding for e in good])
    overall = fit_atmosphere(_cleanest(good, max_events), st_x, st_y, default, g)
    fitted: dict[tuple[int, ...], np.ndarray] = {}
    for tile in range(n_tiles):
        distance = np.hypot(ex - tile_x[tile], ey - tile_y[tile])
        for block in range(n_blocks):
            chosen: list[int] = []
            for pool in [np.abs(eb - block) <= span for span in TIME_SPANS] + [np.ones(len(good), dtype=bool)]:
                radius = radius_km
                while radius <= 4 * radius_km:
                    near = np.flatnonzero(pool & (distance <= radius))
                    if len(near) >= min_events:
                        # the least crowded of them that are enough (see _cleanest)
                        level = np.sort(crowding[near])[min_events - 1]
                        chosen = [int(i) for i in near[crowding[near] <= level]]
                        break
                    radius *= 2
                if chosen:
                    break
            if not chosen:
                out[block, tile] = overall
                if support is not None:
                    support[block, tile] = np.mean(np.abs(eb - block)), np.mean(distance)
                continue
            if support is not None:
                support[block, tile] = np.mean(np.abs(eb[chosen] - block)), np.mean(distance[chosen])
            key = tuple(chosen)
            if key not in fitted:  # neighbouring tiles and blocks often share their events
                fitted[key] = fit_atmosphere(_cleanest([good[i] for i in chosen], max_events), st_x, st_y, overall, g)
            out[block, tile] = fitted[key]
    return out


def _cleanest(events: list[PickedEvent], limit: int) -> list[PickedEvent]:
    """The ``limit`` events least crowded by others, then with the most stations (ties by position in the list).

    In a burst of fire the arrivals at every station interleave, and the events found there are
    partly mixtures of several sources whose positions absorb part of the wind: a fit to them
    shrinks it (heavy 0.25 h seed 3, true wind 6.5-7.3 m/s: 1.1-4.2 m/s from the events with the
    most stations, which are the bursts'; docs/fusion.md). Events apart from others are cleaner."""
    if len(events) <= limit:
        return events
    order = sorted(range(len(events)), key=lambda i: (events[i].crowding, -len(events[i].stations), i))[:limit]
    return [events[i] for i in sorted(order)]


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontAxis:
    """The along-front coordinate of a station network: the stations' principal axis through their centroid, and knots
    ``spacing_km`` apart along it covering ``low_km .. high_km`` (``FusionConfig.wind_field_km``)."""

    origin_x_km: float
    origin_y_km: float
    axis_x: float
    axis_y: float
    knots_km: np.ndarray

    @staticmethod
    def of(st_x: np.ndarray, st_y: np.ndarray, extent_x: np.ndarray, extent_y: np.ndarray, spacing_km: float) -> FrontAxis:
        """The axis of the stations; knots over the along-front extent of ``extent_*`` (where the field can be read:
        beyond the end knots it is taken as constant)."""
        ox, oy = float(np.mean(st_x)), float(np.mean(st_y))
        if len(st_x) >= 2:
            _, _, vt = np.linalg.svd(np.column_stack([st_x - ox, st_y - oy]), full_matrices=False)
            ax, ay = float(vt[0, 0]), float(vt[0, 1])
        else:
            ax, ay = 1.0, 0.0
        along = (extent_x - ox) * ax + (extent_y - oy) * ay
        low, high = float(along.min()) - 1.0, float(along.max()) + 1.0
        n = max(2, int(np.ceil((high - low) / spacing_km)) + 1)
        return FrontAxis(origin_x_km=ox, origin_y_km=oy, axis_x=ax, axis_y=ay, knots_km=low + spacing_km * np.arange(n))

    def along_km(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.asarray((np.asarray(x) - self.origin_x_km) * self.axis_x + (np.asarray(y) - self.origin_y_km) * self.axis_y)

    def weights(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each point's left knot and its linear-interpolation weight on the right one (clamped at the ends)."""
        knots = self.knots_km
        a = np.clip(self.along_km(x, y), knots[0], knots[-1])
        left = np.clip(np.searchsorted(knots, a, side="right") - 1, 0, len(knots) - 2)
        return left, (a - knots[left]) / (knots[left + 1] - knots[left])


FIELD_PICK_S = 0.15
"""A second difference of one component at three neighbouring knots weighs as a residual of this many seconds per
``roughness`` (``fit_wind_field``)."""


def fit_wind_field(events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, front: FrontAxis, start: np.ndarray,
                   *, roughness_km_s: float = 0.001, g: float = 0.0) -> np.ndarray:
    """``(n_knots, 3)``: the celerity and wind ``(c, w_east, w_north)`` at each knot along the front, piecewise linear
    between them, fitted jointly with every event's position (as :func:`fit_atmosphere`, the pair of soft-L1 fits
    with the unexplained picks dropped between them); an event's paths take the field at the event.

    Both simulators vary the atmosphere along the line (``docs/sim.md``: per-sector values interpolated along the
    line; ``foreign_sim2``: a gradient and a 40-90 km wave), faster than one fit per 100 km tile follows and with too
    few events per smaller tile to fit it there. The knots share their events through the roughness penalty: the
    second difference of each component over three knots, as ``FIELD_PICK_S`` per ``roughness_km_s`` of residual, so a
    stretch with few events takes the straight line through its neighbours and one with many its own value.
    ``start``: ``(3,)`` the value every knot starts from."""
    params, kept, _ = _fit_field_once(events, st_x, st_y, front, start, roughness_km_s, g)
    if kept is not None:
        params, _, _ = _fit_field_once(kept, st_x, st_y, front, params, roughness_km_s, g)
    return params


def wind_field_gain(events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, n_blocks: int, *, spacing_km: float,
                    roughness_km_s: float = 0.001, min_events: int = 30, max_events: int = 400, g: float = 0.0,
                    min_stations: int = 6) -> float:
    """How much better the field along the front (:func:`fit_wind_field`) explains the well-recorded events than one
    wind: ``1 - s_field / s_one``, the robust spreads (1.4826 MAD) of their residuals after one fit of each, summed
    over the time blocks with ``min_events`` events of their own (weighted by their events; all blocks as one when
    none has), each with one celerity and the events' positions free. 0 with too few events.

    A wind that does not vary along the front gains only what the field's knots take from the noise and the
    mixtures (a few per cent); ``FusionConfig.wind_field_min_gain`` is the threshold. ``min_stations``: the
    well-recorded events' floor, as :func:`calibrate`'s."""
    good = [e for e in events if len(e.stations) >= min_stations]
    if len(good) < 15:
        return 0.0
    front = FrontAxis.of(st_x, st_y, st_x, st_y, spacing_km)
    blocks = np.array([e.block for e in good])
    groups = [np.flatnonzero(blocks == b) for b in range(n_blocks)]
    groups = [members for members in groups if len(members) >= min_events] or [np.arange(len(good))]
    start = np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0])
    field_sum = one_sum = 0.0
    for members in groups:
        chosen = _cleanest([good[i] for i in members], max_events)
        # one fit each, on the same picks (the pair of fits would drop different ones)
        spreads = [_fit_field_once(chosen, st_x, st_y, front, start, roughness_km_s, g, tied=tied)[2]
                   for tied in (False, True)]
        field_sum += len(chosen) * spreads[0]
        one_sum += len(chosen) * spreads[1]
    return 1.0 - field_sum / one_sum if one_sum > 0 else 0.0


def _fit_field_once(events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, front: FrontAxis, start: np.ndarray,
                    roughness_km_s: float, g: float, *, tied: bool = False) -> tuple[np.ndarray, list[PickedEvent] | None, float]:
    """One soft-L1 fit of :func:`fit_wind_field`: one celerity (the mean of ``start``'s), the wind at every knot and
    every event's position; the picks it cannot explain dropped as in :func:`_fit_once`. ``tied``: one wind for
    every knot (the model without the field, for :func:`wind_field_gain`). Also returns the residuals' robust spread
    (after the fit, before the drop)."""
    nk = len(front.knots_km)
    head = np.asarray(start, dtype=float)
    if head.ndim == 1:
        head = np.tile(head, (nk, 1))
    if not events:
        return head, None, np.inf
    sizes, offsets, stations, times, owner = _stacked(events)
    sx = st_x[stations]
    sy = st_y[stations]
    nw = 1 if tied else nk  # values of each wind component
    na = 1 + 2 * nw  # one celerity, the wind's two components at every knot (or one for all)
    weight = FIELD_PICK_S / roughness_km_s

    def knot_wind(params: np.ndarray) -> np.ndarray:
        return np.repeat(params[1:na].reshape(2, 1), nk, axis=1) if tied else params[1:na].reshape(2, nk)

    def split(params: np.ndarray) -> np.ndarray:
        return np.column_stack([np.full(nk, params[0]), knot_wind(params).T])  # (nk, 3)

    def residuals(params: np.ndarray) -> np.ndarray:
        wind = knot_wind(params)
        ex = params[na::2]
        ey = params[na + 1::2]
        left, right = front.weights(ex, ey)
        wx = wind[0, left] * (1.0 - right) + wind[0, left + 1] * right
        wy = wind[1, left] * (1.0 - right) + wind[1, left + 1] * right
        implied = times - travel_times(sx, sy, ex[owner], ey[owner], params[0], wx[owner], wy[owner], g)
        means = np.add.reduceat(implied, offsets[:-1]) / sizes
        rough = weight * np.diff(wind, n=2, axis=1).ravel() if nk >= 3 and not tied else np.zeros(0)
        return np.concatenate([implied - means[owner], rough])

    n_rough = 2 * (nk - 2) if nk >= 3 and not tied else 0
    sparsity = lil_matrix((len(times) + n_rough, na + 2 * len(events)), dtype=int)
    sparsity[:, :na] = 1
    for k in range(len(events)):
        rows = slice(offsets[k], offsets[k + 1])
        sparsity[rows, na + 2 * k] = 1
        sparsity[rows, na + 1 + 2 * k] = 1
    positions = np.column_stack([[e.x_km for e in events], [e.y_km for e in events]]).ravel()
    wind_start = head[:, 1:].mean(axis=0)[:, None] if tied else head[:, 1:].T
    initial = np.concatenate([[float(np.mean(head[:, 0]))], wind_start.ravel(), positions])
    low = np.concatenate([[0.29], np.full(2 * nw, -0.035), np.full(2 * len(events), -np.inf)])
    high = np.concatenate([[0.39], np.full(2 * nw, 0.035), np.full(2 * len(events), np.inf)])
    fit = _joint_fit(residuals, initial, low, high, sparsity,
                     np.concatenate([[0.01], np.full(2 * nw, 0.005), np.full(2 * len(events), 0.5)]))
    residual = residuals(fit.x)[: len(times)]
    spread = 1.4826 * float(np.median(np.abs(residual)))
    good = np.abs(residual) <= max(0.4, 3.0 * spread)
    kept = _inlier_events(events, offsets, good, fit.x[na:])
    return split(fit.x), (kept if len(kept) >= 3 else None), spread


def field_at(knots: np.ndarray, front: FrontAxis, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``(n, 3)``: the field ``knots`` (``(n_knots, 3)``) read at points."""
    left, right = front.weights(x, y)
    return np.asarray(knots[left] * (1.0 - right)[:, None] + knots[left + 1] * right[:, None])


def calibrate_field(
    events: list[PickedEvent], st_x: np.ndarray, st_y: np.ndarray, tile_x: np.ndarray, tile_y: np.ndarray,
    n_blocks: int, *, spacing_km: float, roughness_km_s: float = 0.001, min_events: int = 30, max_events: int = 400,
    support: np.ndarray | None = None, g: float = 0.0, min_stations: int = 6,
) -> np.ndarray:
    """Atmosphere per (block, tile) read from a field along the front (:func:`fit_wind_field`) fitted per time block,
    in place of :func:`calibrate`'s one fit per tile (``FusionConfig.wind_field_km``).

    A block takes its own events, else those of the blocks nearest in time (``TIME_SPANS``) that are ``min_events``,
    else all, the ``max_events`` least crowded of them (:func:`_cleanest`); the tiles (small: ``wind_field_tile_km``)
    take the field at their centres. ``support`` receives each cell's mean lag in blocks of the block's events and
    the mean distance of the ``min(15, n)`` of them nearest the tile's centre (the field there is read from them).
    ``min_stations``: the well-recorded events' floor, as :func:`calibrate`'s."""
    default = np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0])
    good = [e for e in events if len(e.stations) >= min_stations]
    out = np.tile(default, (n_blocks, len(tile_x), 1))
    if support is not None:
        support[...] = 0.0
    if len(good) < 15:
        return out
    front = FrontAxis.of(st_x, st_y, st_x, st_y, spacing_km)  # constant beyond the stations' ends
    ex = np.array([e.x_km for e in good])
    ey = np.array([e.y_km for e in good])
    eb = np.array([e.block for e in good])
    overall = fit_atmosphere(_cleanest(good, 80), st_x, st_y, default, g)
    fitted: dict[tuple[int, ...], np.ndarray] = {}
    for block in range(n_blocks):
        chosen = np.arange(len(good))
        for span in TIME_SPANS:
            near = np.flatnonzero(np.abs(eb - block) <= span)
            if len(near) >= min_events:
                chosen = near
                break
        key = tuple(int(i) for i in chosen)
        if key not in fitted:
            fitted[key] = fit_wind_field(_cleanest([good[i] for i in chosen], max_events), st_x, st_y, front, overall,
                                         roughness_km_s=roughness_km_s, g=g)
        out[block] = field_at(fitted[key], front, tile_x, tile_y)
        if support is not None:
            distance = np.hypot(ex[chosen][None, :] - tile_x[:, None], ey[chosen][None, :] - tile_y[:, None])
            nearest = np.sort(distance, axis=1)[:, : min(15, len(chosen))]
            support[block, :, 0] = np.mean(np.abs(eb[chosen] - block))
            support[block, :, 1] = nearest.mean(axis=1)
    return out
