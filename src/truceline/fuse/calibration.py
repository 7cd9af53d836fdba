"""The loose pass's events that calibrate (:class:`CalibrationEvent`), the wind field's switches, the
celerity scatter and the tight pass's config it sets."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np

from truceline.fuse.celerity import own_celerity, scatter
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import Prepared, tile_at, tile_centres
from truceline.fuse.passes import PassResult
from truceline.fuse.refinement import locate_event


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationEvent:
    """A well-recorded event of a loose pass, with its picks' raw observations."""

    x_km: float
    y_km: float
    t0_s: float
    tile: int
    block: int
    stations: np.ndarray
    times_s: np.ndarray
    baz_deg: np.ndarray
    baz_sigma_deg: np.ndarray
    crowding: int = 0
    """Other events of its pass within ``FusionConfig.isolation_km`` and ``isolation_s``."""


def calibration_events(prep: Prepared, result: PassResult, *, min_stations: int = 6,
                       times: np.ndarray | None = None, config: FusionConfig | None = None) -> list[CalibrationEvent]:
    """The events of a pass that are recorded well enough to calibrate with (with the picks'
    current times, or ``times`` such as ``prep.raw_time``), each with how crowded it is by the
    pass's other events (the calibration prefers the least crowded: ``atmosphere._cleanest``)."""
    config = config or FusionConfig()
    times = prep.pick_time if times is None else times
    events = []
    for i in range(len(result.t0_s)):
        if result.n_stations[i] < min_stations:
            continue
        p = result.picks[i][result.picks[i] >= 0]
        near = crowding_of(float(result.x_km[i]), float(result.y_km[i]), float(result.t0_s[i]),
                           result.x_km, result.y_km, result.t0_s, config)
        events.append(CalibrationEvent(x_km=float(result.x_km[i]), y_km=float(result.y_km[i]), t0_s=float(result.t0_s[i]),
                                       tile=int(result.tile[i]), block=int(result.block[i]), stations=prep.pick_station[p],
                                       times_s=times[p], baz_deg=prep.pick_baz[p], baz_sigma_deg=prep.pick_baz_sigma[p],
                                       crowding=near - 1))
    return events


def crowding_of(x_km: float, y_km: float, t0_s: float, xs_km: np.ndarray, ys_km: np.ndarray, t0s_s: np.ndarray,
                config: FusionConfig) -> int:
    """How many of the events at ``(xs_km, ys_km, t0s_s)`` lie within ``config.isolation_km`` and
    ``isolation_s`` of the event at ``(x_km, y_km, t0_s)`` (itself included, if it is among them)."""
    return int(np.count_nonzero((np.abs(t0s_s - t0_s) <= config.isolation_s)
                                & (np.hypot(xs_km - x_km, ys_km - y_km) <= config.isolation_km)))


def wind_field_accepted(prep: Prepared, config: FusionConfig) -> bool:
    """Whether the calibration found the field along the front (``wind_field_km``) worth its knots
    (``wind_field_min_gain``)."""
    gain = prep.extras.get("wind_field_gain")
    return config.wind_field_km is not None and gain is not None and float(gain[0]) >= config.wind_field_min_gain


def wind_field_on(prep: Prepared, config: FusionConfig) -> bool:
    """Whether the passes' atmosphere is the field along the front (accepted, and not ``wind_field_relocate``)."""
    return wind_field_accepted(prep, config) and not config.wind_field_relocate


def relocated_in_field(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> tuple[PassResult, np.ndarray]:
    """``wind_field_relocate``: the grid's tiles made the field's, and every event of ``result`` located once more from
    its picks under the field there (``kernels.locate``; an event whose location fails keeps its own); the field's
    atmosphere. ``atmosphere`` (the tiles') is returned unchanged when the field was not kept."""
    field_atmosphere = prep.extras.get("wind_field_atmosphere")
    if field_atmosphere is None:
        return result, atmosphere
    prep.cell_tile = prep.extras["wind_field_cell_tile"]
    prep.n_tiles, prep.tile_x, prep.tile_y = tile_centres(prep.cell_tile, prep.cell_x, prep.cell_y)
    prep.extras["calibration_support"] = prep.extras["wind_field_support"]
    net = prep.network
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    if len(out.t0_s):
        out.tile = tile_at(prep, out.x_km, out.y_km).astype(out.tile.dtype)
    for i in range(len(out.t0_s)):
        xi, yi, ti, ci, chi, n_obs = locate_event(prep, config, out, i, field_atmosphere)
        if np.isfinite(ci[0, 0]) and np.isfinite(xi) and np.isfinite(yi):
            out.x_km[i], out.y_km[i], out.t0_s[i], out.covariance[i], out.chi2[i], out.n_obs[i] = xi, yi, ti, ci, chi, n_obs
    return out, np.asarray(field_atmosphere)


def celerity_scatter_of(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray,
                        corrections: np.ndarray) -> float:
    """The relative scatter of the celerity between the well-recorded, isolated events of the loose pass ``first`` (at
    least ``own_celerity_min_stations`` stations, no other event within ``isolation_km`` and ``isolation_s``) beyond their
    readings' noise: each event's own celerity
    (``celerity.own_celerity``, no prior, the wind its cell's, its picks' times corrected by the stations' clock
    ``corrections``) against its cell's (``celerity.scatter``). The loose pass allows 2.5 % of the travel time, so its
    events keep the picks of an event whose celerity is off by a few per cent; the tight pass's would not."""
    net = prep.network
    times = prep.raw_time - corrections[prep.pick_station]
    readings, variances, cells = [], [], []
    for event in calibration_events(prep, first, min_stations=config.own_celerity_min_stations, times=times, config=config):
        if event.crowding > 0:
            continue  # a burst's events are partly mixtures of its rounds, whose picks read any celerity
        # the loose pass ran on the grid's tiles; the field's (wind_field_km) are smaller
        tile = int(tile_at(prep, np.array([event.x_km]), np.array([event.y_km]))[0]) if wind_field_on(prep, config) else event.tile
        cell = atmosphere[event.block, tile]
        fit = own_celerity(net.x_km[event.stations], net.y_km[event.stations], event.times_s, event.x_km, event.y_km,
                           event.t0_s, cell, sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model)
        if fit is not None:
            readings.append(fit.c_km_s)
            variances.append(fit.c_variance)
            cells.append(float(cell[0]))
    return scatter(np.array(readings), np.array(variances), np.array(cells))


def measured_celerity_scatter(prep: Prepared, config: FusionConfig) -> float | None:
    """The relative celerity scatter :func:`fuse` measured, when it exceeds ``own_celerity_threshold`` (else None)."""
    measured = prep.extras.get("celerity_scatter")
    if config.own_celerity_threshold is None or measured is None or not measured[0] > config.own_celerity_threshold:
        return None
    return float(measured[0])


def tight_config(prep: Prepared, config: FusionConfig) -> FusionConfig:
    """``config`` for the tight pass and the steps after it: with ``own_celerity_tolerance``, where the measured celerity
    scatter exceeds ``own_celerity_threshold``, the model error ``kappa_model`` is that scatter, at most a third of the
    loose pass's ``first_pass_kappa`` (the tight pass's tolerance, three model errors, never wider than the loose
    pass's)."""
    spread = measured_celerity_scatter(prep, config)
    if spread is None or not config.own_celerity_tolerance:
        return config
    return replace(config, kappa_model=max(config.kappa_model, min(spread, config.first_pass_kappa / 3.0)))
