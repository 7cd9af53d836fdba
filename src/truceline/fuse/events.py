"""From a fusion pass to the ``events`` and ``assignments`` tables of CONTRACTS.md."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from truceline.fuse import kernels
from truceline.fuse.celerity import own_celerity
from truceline.fuse.engine import (FusionConfig, PassResult, Prepared, association_stations, clock_doubt_s, fuse, joined,
                                   measured_celerity_scatter, range_slope, station_sites, tight_config,
                                   with_network_reach)
from truceline.fuse.network import build_network
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.fielderror import field_error_covariance
from truceline.fuse.ghosts import later_trains_of
from truceline.fuse.places import to_places
from truceline.fuse.placetimes import RoundTimes, count_positions, place_covariance
from truceline.fuse.placespread import place_spread_covariance
from truceline.fuse.siblings import sibling_covariance, sibling_offsets, unlocated_siblings
from truceline.fuse.rangeerror import range_error_covariance
from truceline.fuse.rounds import missing_rounds
from truceline.fuse.storms import storm_cells_of
from truceline.fuse.surplus import surplus_events
from truceline.fuse.uncertainty import (AtmosphereReadings, CalibrationCells, calibrated_covariance,
                                        coherent_swap_time_variance, event_design, misfit_prior_dof,
                                        nearest_other_arrival_s, pick_gains, pick_variance_covariance,
                                        place_scatter_ratio, pooled_scale, relocate_with_own_atmosphere,
                                        round_swap_variance)
from truceline.model.tables import CHI2_2DOF_95


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """Events in the network frame with calibrated covariances, ready to be written."""

    events: pa.Table
    assignments: pa.Table
    position_covariance_km2: np.ndarray  # (n, 2, 2) in the frame, calibrated
    x_km: np.ndarray
    y_km: np.ndarray
    variance_factor: float
    atmosphere_variance: np.ndarray  # (3,): network-wide model-error variance of (c, wx, wy) used, (km/s)^2
    readings: AtmosphereReadings  # the clean events' readings of the atmosphere (``uncertainty.clean_readings``)


def variance_factor(result: PassResult) -> float:
    """Network-wide chi-square per degree of freedom (trimmed mean of the events).

    Scales the nominal covariances so that they describe the residuals actually seen."""
    return variance_factor_of(result.chi2, result.n_obs)


def variance_factor_of(chi2: np.ndarray, n_obs: np.ndarray) -> float:
    """:func:`variance_factor` from the events' chi-squares and observation counts."""
    chi2_values = np.asarray(chi2, dtype=float)
    dof = np.asarray(n_obs) - 3
    ok = dof >= 1
    if not ok.any():
        return 1.0
    ratio = np.sort(chi2_values[ok] / dof[ok])
    kept = ratio[: max(1, int(np.ceil(0.95 * len(ratio))))]
    return float(max(0.05, kept.mean()))


def ellipse_from_covariance(cov_km2: np.ndarray, north_frame_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """95 % semi-axes (km) and the azimuth of the major axis (degrees from true north, 0..180)."""
    values, vectors = np.linalg.eigh(cov_km2)
    values = np.clip(values, 0.0, None)
    major = np.sqrt(CHI2_2DOF_95 * values[:, 1])
    minor = np.sqrt(CHI2_2DOF_95 * values[:, 0])
    vx = vectors[:, 0, 1]
    vy = vectors[:, 1, 1]
    azimuth = (np.degrees(np.arctan2(vx, vy)) - north_frame_deg) % 180.0
    return major, minor, azimuth


def calibration_support(prep: Prepared, config: FusionConfig) -> np.ndarray | None:
    """(n_blocks, n_tiles, 2): each calibration cell's mean lag (hours) and distance (km) to the events that
    calibrated it (``atmosphere.calibrate``), None when the atmosphere was not calibrated (``--sound-speed``)."""
    support = prep.extras.get("calibration_support")
    if support is None or support.shape[:2] != (prep.n_blocks, prep.n_tiles):
        return None
    out = np.array(support, dtype=float)
    out[..., 0] *= config.block_s / 3600.0
    return out


def with_enough_sites(prep: Prepared, result: PassResult, config: FusionConfig) -> PassResult:
    """The events of ``result`` whose picks come from at least ``config.min_sites`` sites (``engine.station_sites``:
    stations within ``site_km`` of one another, chained, count once); ``result`` itself when ``min_sites`` is off or
    every event has enough. The batch (``to_tables``) and the streaming associator (at emission) share it."""
    if config.min_sites is None or not len(result.t0_s):
        return result
    key = f"station_site_{config.site_km!r}"  # the network's sites, once per run and site_km (the stream asks often)
    site = prep.extras.get(key)
    if site is None:
        site = prep.extras[key] = station_sites(prep.network.x_km, prep.network.y_km, config.site_km)
    n_sites = np.array([len(np.unique(site[prep.pick_station[row[row >= 0]]])) for row in result.picks], dtype=int)
    keep = n_sites >= config.min_sites
    return result if keep.all() else result.take(keep)


def to_tables(prep: Prepared, result: PassResult, atmosphere: np.ndarray, *, config: FusionConfig | None = None,
              factor: float | None = None, first_id: int = 1, earlier: AtmosphereReadings | None = None,
              batch: bool = False, celerity_floor_km_s: float = 0.0, neighbours: np.ndarray | None = None) -> Located:
    """The tables of a pass; ``factor`` overrides the pass's own variance factor, ``first_id``
    numbers the events from there and ``earlier`` adds the atmosphere readings of events emitted
    before to this pass's (the streaming associator emits in pieces). ``batch``: the pass holds the whole run (the
    batch associator), so the steps that need the events on both sides in time may run (``event_places``).
    ``celerity_floor_km_s``: a least model error of the celerity alone, as the measured scatter's (the streaming
    associator's events located under the standard celerity: ``atmosphere.CELERITY_PRIOR_SIGMA_KM_S``).
    ``neighbours`` (m, 6): (x, y, t0, c, wx, wy) of events emitted before, whose rounds may have swapped picks with
    this pass's (``origin_time_swap``; the streaming associator)."""
    net = prep.network
    config = config or FusionConfig()
    result = with_enough_sites(prep, result, config)
    n = len(result.t0_s)
    spread = measured_celerity_scatter(prep, config)
    doubt = clock_doubt_s(prep, config, result, atmosphere) if config.clock_doubt and n else None
    kappa_own = config.kappa_model  # an event located with its own celerity has the model error of the calibration's
    config = tight_config(prep, config)
    factor = variance_factor(result) if factor is None else factor
    celerity_floor = max(celerity_floor_km_s, 0.0 if spread is None else spread * float(np.median(atmosphere[..., 0])))
    uncertainty = calibrated_covariance(
        x_km=result.x_km, y_km=result.y_km, t0_s=result.t0_s, picks=[row[row >= 0] for row in result.picks],
        event_atmosphere=atmosphere[result.block, result.tile].reshape(n, 3), nominal=result.covariance, factor=factor,
        pick_time=prep.pick_time, pick_station=prep.pick_station, station_pick_start=prep.station_pick_start,
        st_x=net.x_km, st_y=net.y_km, sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model,
        atmosphere_floor_km_s=config.atmosphere_sigma_m_per_s / 1000.0, cluster_km=config.cluster_km,
        cluster_s=config.cluster_s, max_z=config.ambiguity_z, cells=CalibrationCells(
            atmosphere=atmosphere, tile_x_km=prep.tile_x, tile_y_km=prep.tile_y, x_km=result.x_km, y_km=result.y_km,
            block=result.block, tile=result.tile, support=calibration_support(prep, config)),
        clean_share=config.clean_ambiguity, cell_min_events=config.cell_min_events,
        cell_min_bias_events=config.cell_min_bias_events, earlier=earlier, jackknife=config.jackknife_uncertainty,
        pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma, st_north=prep.st_north_deg,
        drift_km_s_per_hour=config.atmosphere_drift_m_per_s_per_hour / 1000.0,
        gradient_km_s_per_km=config.atmosphere_gradient_m_per_s_per_100_km / 1e5, cluster_max_z=config.cluster_ambiguity_z,
        celerity_floor_km_s=celerity_floor, range_slope=range_slope(prep))
    cov = uncertainty.covariance
    pooled = np.zeros_like(cov)
    if config.event_scale_pooled and n:
        dof = np.asarray(result.n_obs, dtype=float) - 3.0
        ratio = np.asarray(result.chi2, dtype=float) / np.maximum(dof, 1.0) / factor
        widen = pooled_scale(ratio, dof, misfit_prior_dof(ratio, dof)) - 1.0
        pooled = widen[:, None, None] * factor * np.asarray(result.covariance, dtype=float)
    event_atmosphere = atmosphere[result.block, result.tile].reshape(n, 3)
    if config.own_atmosphere_relocation and n:
        # the ellipses stay those of the prior: conservative, the posterior is tighter (docs/fusion.md)
        move = uncertainty.ambiguity <= config.clean_ambiguity if config.own_atmosphere_clean_only else None
        x, y, t0, event_atmosphere = relocate_with_own_atmosphere(
            [row[row >= 0] for row in result.picks], prep.pick_station, prep.pick_time, prep.pick_baz, prep.pick_baz_sigma,
            net.x_km, net.y_km, prep.st_north_deg, result.x_km, result.y_km, result.t0_s, event_atmosphere,
            uncertainty.event_atmosphere_covariance, factor, sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model,
            joint=config.own_atmosphere_joint, only=move)
        result = dataclasses.replace(result, x_km=x, y_km=y, t0_s=t0)
    if spread is not None and config.own_celerity_relocation and n:
        result, event_atmosphere = with_own_celerity(prep, config, result, event_atmosphere, spread, kappa_model=kappa_own)
    counted_at = None  # where ``place_rounds`` reads the events, if not where they are reported
    if batch and config.event_places and n:
        located = (result.x_km, result.y_km, result.t0_s)
        x, y, t0, moved = to_places(result.x_km, result.y_km, result.t0_s, cov[:, :2, :2],
                                     [row[row >= 0] for row in result.picks], event_atmosphere, prep.pick_time,
                                     prep.pick_station, net.x_km, net.y_km, place_km=config.place_km,
                                     place_s=config.place_s, min_events=config.place_min_events,
                                     min_move_km=config.place_min_move_km, min_share=config.place_min_share,
                                     slack_s=config.place_slack_s, kappa=config.first_pass_kappa,
                                     round_times=None if config.place_round_times_alpha is None else RoundTimes(
                                         config.place_round_times_alpha, config.place_round_times_km))
        result = dataclasses.replace(result, x_km=x, y_km=y, t0_s=t0)
        if config.place_round_times_alpha is not None:  # a chimera's ellipse gives way to its place's
            cov = np.array(cov, copy=True)
            cov[:, :2, :2] = place_covariance(moved, x, y, t0, cov[:, :2, :2], place_km=config.place_km,
                                              place_s=config.place_s)
            counted_at = count_positions(moved, located, (x, y, t0))
    cov = cov + pooled  # after the places, which read the ellipses: the terms below move no event
    if batch and config.place_rounds and n:
        result, cov, event_atmosphere = with_place_rounds(prep, config, result, cov, event_atmosphere, counted_at)
        n = len(result.t0_s)
    if batch and config.surplus_rounds and n and surplus_gate_readable(config, prep.extras.get("log_amplitude")):
        keep = without_surplus(prep, config, result, event_atmosphere)
        result, cov, event_atmosphere = result.take(keep), cov[keep], event_atmosphere[keep]
        n = len(result.t0_s)
    if batch and config.later_trains and n:
        # last of the events' steps: the place rounds above may make events of a source's later trains
        keep = later_trains_of(prep, config, result, event_atmosphere, range_slope(prep)).keep
        result, cov, event_atmosphere = result.take(keep), cov[keep], event_atmosphere[keep]
        n = len(result.t0_s)
    if batch and config.storm_cells and n:  # after the trains: a storm's strikes are lone events
        keep = storm_cells_of(prep, config, result, event_atmosphere, range_slope(prep)).keep
        result, cov, event_atmosphere = result.take(keep), cov[keep], event_atmosphere[keep]
        n = len(result.t0_s)
    round_share = round_swap_share(result, cov, config) if batch and config.crowd_swap_read and n else 0.0
    if (doubt is not None or config.crowd_swap_share > 0 or round_share > 0) and n:
        cov = cov + pick_doubt_covariance(prep, config, result, event_atmosphere, doubt, round_share=round_share)
    if batch and config.wind_field_ellipse and n:
        cov = cov + field_error_covariance(prep, config, result, event_atmosphere)
    if batch and config.range_model_error and n:
        cov = cov + range_error_covariance(prep, config, result, event_atmosphere, factor)[0]
    if batch and config.place_spread_scale > 0 and n:
        cov[:, :2, :2] += config.place_spread_scale * place_spread_term(result, cov, config, prep, event_atmosphere)
    if batch and config.sibling_spread and n:
        cov[:, :2, :2] += sibling_spread_term(prep, result, event_atmosphere, config)
    if config.origin_time_swap and n:  # the origin time's own term: the time column alone changes
        cov[:, 2, 2] += origin_time_swap_variance(prep, config, result, event_atmosphere, neighbours)
    lat, lon = net.to_latlon(result.x_km, result.y_km)
    lat1, lon1 = (lat + 0.01, lon) if n else (lat, lon)
    xn, yn = net.to_xy_km(lat1, lon1)
    north = np.degrees(np.arctan2(xn - result.x_km, yn - result.y_km)) if n else np.zeros(0)
    major, minor, azimuth = ellipse_from_covariance(cov[:, :2, :2], north) if n else (np.zeros(0),) * 3
    event_ids = [f"E{first_id + i:06d}" for i in range(n)]
    pick_ids: list[object] = []
    pick_events: list[str] = []
    residuals: list[float] = []
    n_picks = np.zeros(n, dtype=np.int64)
    beams = prep.extras.get("beam_members")
    for i in range(n):
        picks = result.picks[i][result.picks[i] >= 0]
        c, wx, wy = event_atmosphere[i]
        stations = prep.pick_station[picks]
        tt = travel_times(net.x_km[stations], net.y_km[stations], result.x_km[i], result.y_km[i], c, wx, wy, range_slope(prep))
        residual = prep.pick_time[picks] - result.t0_s[i] - tt
        order = np.argsort(prep.pick_time[picks], kind="stable")
        if beams is None:
            n_picks[i] = len(picks)
            pick_ids.extend(prep.pick_ids[picks][order].tolist())
            pick_events.extend([event_ids[i]] * len(picks))
            residuals.extend(np.round(residual[order], 4).tolist())
            continue
        for pick, r in zip(picks[order], residual[order]):
            # a site detection stands for its element picks: each is assigned, its residual the detection's plus its
            # own misfit to the detection's plane wave (``arrays.beam_sites``)
            elements = beams[pick] if beams[pick] is not None else [(prep.pick_ids[pick], 0.0)]
            for element_id, misfit in elements:
                pick_ids.append(element_id)
                residuals.append(round(float(r) + misfit, 4))
                n_picks[i] += 1
        pick_events.extend([event_ids[i]] * int(n_picks[i]))
    events = pa.table(
        {
            "event_id": pa.array(event_ids, type=pa.string()),
            "time": pa.array(np.round(result.t0_s + prep.time_origin_s, 4)),
            "lat": pa.array(np.round(lat, 6)),
            "lon": pa.array(np.round(lon, 6)),
            "time_sigma_s": pa.array(np.round(np.sqrt(np.clip(cov[:, 2, 2], 0, None)), 4)),
            "ellipse_major_km": pa.array(np.round(major, 4)),
            "ellipse_minor_km": pa.array(np.round(minor, 4)),
            "ellipse_azimuth_deg": pa.array(np.round(azimuth, 2)),
            "n_picks": pa.array(n_picks),
            "side": pa.array([""] * n, type=pa.string()),
            "p_side": pa.array([None] * n, type=pa.float64()),
            "kind": pa.array(["unknown"] * n, type=pa.string()),
        }
    )
    assignments = pa.table(
        {
            "pick_id": pa.array([str(p) for p in pick_ids], type=pa.string()),
            "event_id": pa.array(pick_events, type=pa.string()),
            "residual_s": pa.array(residuals, type=pa.float64()),
        }
    )
    return Located(events=events, assignments=assignments, position_covariance_km2=cov[:, :2, :2],
                   x_km=result.x_km, y_km=result.y_km, variance_factor=factor,
                   atmosphere_variance=uncertainty.atmosphere_variance, readings=uncertainty.readings)


def place_spread_term(result: PassResult, cov: np.ndarray, config: FusionConfig, prep: Prepared | None = None,
                      event_atmosphere: np.ndarray | None = None) -> np.ndarray:
    """(n, 2, 2): ``FusionConfig.place_spread_scale``'s term before the scale, the place's scatter beyond the
    ellipses ``cov`` (``placespread.place_spread_covariance``) for the events whose burst holds at most
    ``place_spread_max_burst`` other events; with ``place_spread_siblings`` (and ``prep``), only those of them with
    an unlocated sibling (``siblings.unlocated_siblings``)."""
    term = place_spread_covariance(result.x_km, result.y_km, result.t0_s, cov[:, :2, :2], place_km=config.place_spread_km,
                                   place_s=config.place_spread_s, min_others=config.place_spread_min_others,
                                   min_gap_s=config.place_spread_gap_s, max_burst=config.place_spread_max_burst)
    if config.place_spread_siblings and prep is not None and event_atmosphere is not None:
        read = np.flatnonzero(np.abs(term).sum(axis=(1, 2)) > 0)  # the search (1 min CPU on `h025`) only where it matters
        searched = event_sibling_offsets(prep, result.take(read), np.asarray(event_atmosphere)[read], config)
        offsets = [np.zeros((0, 3))] * len(result.t0_s)
        for i, found in zip(read, searched):
            offsets[i] = found
        unlocated = unlocated_siblings(result.x_km, result.y_km, result.t0_s, offsets)
        term = term * np.array([len(f) > 0 for f in unlocated], dtype=float)[:, None, None]
    return term


def event_sibling_offsets(prep: Prepared, result: PassResult, event_atmosphere: np.ndarray,
                          config: FusionConfig) -> list[np.ndarray]:
    """``siblings.sibling_offsets`` of the pass's events at their own celerity."""
    return sibling_offsets(result.x_km, result.y_km, np.asarray(event_atmosphere, dtype=float)[:, 0],
                           [row[row >= 0] for row in result.picks], prep.pick_time, prep.pick_station,
                           prep.station_pick_start, prep.network.x_km, prep.network.y_km,
                           radius_km=config.sibling_radius_km, window_s=config.sibling_window_s)


def sibling_spread_term(prep: Prepared, result: PassResult, event_atmosphere: np.ndarray, config: FusionConfig) -> np.ndarray:
    """(n, 2, 2): ``FusionConfig.sibling_spread``'s term, the unlocated sibling sources' spread about each event
    (``siblings.sibling_covariance``)."""
    return sibling_covariance(result.x_km, result.y_km, result.t0_s, event_sibling_offsets(prep, result, event_atmosphere, config))


def round_swap_share(result: PassResult, cov: np.ndarray, config: FusionConfig) -> float:
    """The share of the place scatter that the ellipses ``cov`` do not hold, ``1 - 1 / rho`` (at least 0), ``rho``
    from ``uncertainty.place_scatter_ratio`` over the run's events (``FusionConfig.crowd_swap_read``)."""
    rho = place_scatter_ratio(result.x_km, result.y_km, result.t0_s, cov[:, :2, :2], place_km=config.swap_place_km,
                              place_s=config.swap_place_s)
    return max(0.0, 1.0 - 1.0 / rho) if rho > 0 else 0.0


def origin_time_swap_variance(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray,
                              neighbours: np.ndarray | None = None) -> np.ndarray:
    """(n,): the origin time's variance (s^2) from its picks being a neighbouring round's, the swap coherent
    (``uncertainty.coherent_swap_time_variance``; ``FusionConfig.origin_time_swap``). The neighbours are the events
    within ``cluster_km`` and ``cluster_s`` (the pass's own and ``neighbours`` (m, 6): (x, y, t0, c, wx, wy) of events
    emitted before), whose arrivals interleave with the event's, those whose arrivals would shift the origin time by
    at most ``crowd_swap_window_s`` (the vote's tolerance); the share is that of its picks with another arrival within
    ``crowd_swap_window_s`` at their station (``uncertainty.nearest_other_arrival_s``)."""
    net = prep.network
    n = len(result.t0_s)
    others = np.column_stack([result.x_km, result.y_km, result.t0_s, event_atmosphere.reshape(n, 3)])
    if neighbours is not None and len(neighbours):
        others = np.concatenate([others, np.asarray(neighbours, dtype=float).reshape(-1, 6)])
    slope = range_slope(prep)
    out = np.zeros(n)
    for i in range(n):
        near = np.flatnonzero((np.abs(others[:, 2] - result.t0_s[i]) <= config.cluster_s)
                              & (np.hypot(others[:, 0] - result.x_km[i], others[:, 1] - result.y_km[i]) <= config.cluster_km))
        near = near[near != i]
        picks = result.picks[i][result.picks[i] >= 0]
        if not len(near) or len(picks) < 3:
            continue
        stations = prep.pick_station[picks]
        design = event_design(net.x_km[stations], net.y_km[stations], float(result.x_km[i]), float(result.y_km[i]),
                              float(result.t0_s[i]), prep.pick_time[picks], tuple(event_atmosphere[i]),  # type: ignore[arg-type]
                              sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model,
                              range_slope=slope)
        if np.linalg.matrix_rank(design.design) < 3:
            continue
        gap = nearest_other_arrival_s(picks, prep.pick_station, prep.pick_time, prep.station_pick_start,
                                      window_s=config.crowd_swap_window_s)
        own = prep.pick_time[picks] - design.residual_s
        predicted = np.array([others[j, 2] + travel_times(net.x_km[stations], net.y_km[stations], others[j, 0], others[j, 1],
                                                          others[j, 3], others[j, 4], others[j, 5], slope)
                              for j in near])
        out[i] = coherent_swap_time_variance(pick_gains(design)[2], own, predicted, float(np.mean(gap > 0)),
                                             window_s=config.crowd_swap_window_s)
    return out


def neighbour_rows(records: list, atmosphere: np.ndarray) -> np.ndarray:
    """(m, 6): (x, y, t0, c, wx, wy) of events emitted before (objects with ``x_km``, ``y_km``, ``t0_s`` and ``tile``;
    the streaming associator's recent ones), for ``to_tables``'s ``neighbours``: each with its tile's atmosphere of
    the first time block (the stream's calibration holds one)."""
    return np.array([(r.x_km, r.y_km, r.t0_s, *atmosphere[0, r.tile]) for r in records], dtype=float).reshape(-1, 6)


def pick_doubt_covariance(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray,
                          doubt_s: np.ndarray | None, *, round_share: float = 0.0) -> np.ndarray:
    """(n, 3, 3): what the picks' variances beyond their weights add to each event's covariance at its position
    (``uncertainty.pick_variance_covariance``): the square of its station's clock doubt ``doubt_s`` (s, per station;
    ``FusionConfig.clock_doubt``), ``crowd_swap_share`` times the square of the gap to the nearest other arrival
    within ``crowd_swap_window_s`` at its station (``FusionConfig.crowd_swap_share``), and ``round_share`` times the
    expected square of its error were it a neighbouring round's arrival (the rounds the run located within
    ``swap_place_km`` and ``swap_place_s`` of the event, ``uncertainty.round_swap_variance``; ``FusionConfig.crowd_swap_read``)."""
    net = prep.network
    out = np.zeros((len(result.t0_s), 3, 3))
    for i in range(len(result.t0_s)):
        picks = result.picks[i][result.picks[i] >= 0]
        if len(picks) < 3:
            continue
        stations = prep.pick_station[picks]
        variance = np.zeros(len(picks))
        if doubt_s is not None:
            variance += doubt_s[stations] ** 2
        if config.crowd_swap_share > 0:
            gap = nearest_other_arrival_s(picks, prep.pick_station, prep.pick_time, prep.station_pick_start,
                                          window_s=config.crowd_swap_window_s)
            variance += config.crowd_swap_share * gap**2
        if round_share > 0:
            rounds = np.flatnonzero((np.hypot(result.x_km - result.x_km[i], result.y_km - result.y_km[i]) <= config.swap_place_km)
                                    & (np.abs(result.t0_s - result.t0_s[i]) <= config.swap_place_s))
            rounds = rounds[rounds != i]
            if len(rounds):
                predicted = np.array([result.t0_s[j] + travel_times(net.x_km[stations], net.y_km[stations], result.x_km[j],
                                                                    result.y_km[j], event_atmosphere[j, 0], event_atmosphere[j, 1],
                                                                    event_atmosphere[j, 2], range_slope(prep))
                                      for j in rounds])
                variance += round_share * round_swap_variance(prep.pick_time[picks], predicted,
                                                              window_s=config.crowd_swap_window_s)
        if not variance.any():
            continue
        design = event_design(net.x_km[stations], net.y_km[stations], float(result.x_km[i]), float(result.y_km[i]),
                              float(result.t0_s[i]), prep.pick_time[picks], tuple(event_atmosphere[i]),  # type: ignore[arg-type]
                              sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model,
                              range_slope=range_slope(prep))
        if np.linalg.matrix_rank(design.design) == 3:
            out[i] = pick_variance_covariance(design, variance)
    return out


def with_place_rounds(prep: Prepared, config: FusionConfig, result: PassResult, cov: np.ndarray,
                      event_atmosphere: np.ndarray,
                      counted_at: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> tuple[PassResult, np.ndarray, np.ndarray]:
    """``result`` with the rounds the count at each firing place says its events miss (``fuse/rounds.py``), each a
    copy of its cluster's template event's covariance, atmosphere, tile and block, in origin-time order with the
    others; the covariances and atmospheres extended alike. Unchanged when no round is added. ``counted_at``: the
    events' positions and origin times the count reads (``placetimes.count_positions``), ``result``'s if None."""
    net = prep.network
    at_x, at_y, at_t0 = (result.x_km, result.y_km, result.t0_s) if counted_at is None else counted_at

    def locate(rows: np.ndarray, x0: float, y0: float, t: float, atm: tuple[float, float, float]) -> tuple[float, float] | None:
        x, y, _t0, cov, _chi2, _n = kernels.locate(rows, prep.pick_station[rows], prep.pick_time, prep.pick_baz,
                                                   prep.pick_baz_sigma, net.x_km, net.y_km, prep.st_north_deg, x0, y0, t,
                                                   *atm, config.sigma_pick_s, config.kappa_model, 2.5, 15, range_slope(prep))
        return (x, y) if np.isfinite(cov[0, 0]) and np.isfinite(x) and np.isfinite(y) else None

    new = missing_rounds(at_x, at_y, at_t0, [row[row >= 0] for row in result.picks],
                         event_atmosphere, prep.pick_time, prep.pick_station, net.x_km, net.y_km,
                         place_km=config.place_km, place_s=config.place_s, min_events=config.place_rounds_min_events,
                         count=config.place_count, reach_km=config.reach_km, count_stations=config.place_count_stations,
                         count_quantile=config.place_count_quantile,
                         slack_s=config.place_slack_s, kappa=config.first_pass_kappa,
                         separation_s=3.0 * config.sigma_pick_s, min_stations=config.place_round_min_stations,
                         locate=locate, max_offset_km=config.place_round_max_km,
                         leftovers=config.place_round_leftovers, leftover_share=config.place_min_share,
                         log_amplitude=prep.extras.get("log_amplitude"), weak_db=config.place_count_weak_db,
                         free_arrivals=config.place_round_free_arrivals, fit_ratio=config.place_round_fit_ratio,
                         explained_share=config.place_round_explained_share, level_db=config.place_round_level_db,
                         heard_share=config.place_round_heard_share, explain_s=config.place_round_explain_s)
    moved = [r for r in new if r.replaces >= 0]
    if moved:
        x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
        for r in moved:
            x[r.replaces], y[r.replaces], t0[r.replaces] = r.x_km, r.y_km, r.t0_s
        result = dataclasses.replace(result, x_km=x, y_km=y, t0_s=t0)
        new = [r for r in new if r.replaces < 0]
    if not new:
        return result, cov, event_atmosphere
    template = np.array([r.template for r in new], dtype=int)
    width = max(result.picks.shape[1], max(len(r.picks) for r in new))
    old_rows = np.full((len(result.t0_s), width), -1, dtype=result.picks.dtype)
    old_rows[:, : result.picks.shape[1]] = result.picks
    rows = np.full((len(new), width), -1, dtype=result.picks.dtype)
    for i, r in enumerate(new):
        rows[i, : len(r.picks)] = r.picks
    added = PassResult(x_km=np.array([r.x_km for r in new]), y_km=np.array([r.y_km for r in new]),
                       t0_s=np.array([r.t0_s for r in new]),
                       n_stations=np.array([len(np.unique(prep.pick_station[r.picks])) for r in new], dtype=int),
                       chi2=result.chi2[template], n_obs=result.n_obs[template], tile=result.tile[template],
                       block=result.block[template], picks=rows, covariance=result.covariance[template])
    both = joined(dataclasses.replace(result, picks=old_rows), added)
    order = np.argsort(np.concatenate([result.t0_s, added.t0_s]), kind="stable")
    cov_new = cov[template].copy()
    if config.place_round_scatter_ellipse:
        # the new round is at the place's median position, the truth anywhere among its events: their scatter added
        cov_new[:, :2, :2] += np.array([r.place_scatter_km2 for r in new])
    return (both, np.concatenate([cov, cov_new])[order],
            np.concatenate([event_atmosphere, event_atmosphere[template]])[order])


def surplus_gate_readable(config: FusionConfig, log_amplitude: np.ndarray | None) -> bool:
    """Whether the surplus step runs: always when asked to run ungated (``surplus_level_z`` None, session 18's count);
    with the level gate set, only on picks that carry amplitudes. The step is on by default as measured with its gate
    (docs/fusion.md, "Session 28 (lead)"); without levels its count cannot tell a train's rounds from other sources'
    arrivals, and a removed true round is lost for good, so it stands aside rather than run a test nobody measured."""
    if config.surplus_level_z is None:
        return True
    return log_amplitude is not None and bool(np.isfinite(log_amplitude).any())


def without_surplus(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray) -> np.ndarray:
    """Which events to keep once the trains holding more events than their stations heard rounds lose their surplus
    (``fuse/surplus.py``, ``FusionConfig.surplus_rounds``)."""
    net = prep.network
    dof = np.maximum(np.asarray(result.n_obs, dtype=float) - 3.0, 1.0)
    return surplus_events(result.x_km, result.y_km, result.t0_s, [row[row >= 0] for row in result.picks],
                          event_atmosphere, prep.pick_time, prep.pick_station, net.x_km, net.y_km,
                          misfit=np.asarray(result.chi2, dtype=float) / dof, link_km=config.surplus_link_km,
                          link_s=config.surplus_link_s, train_stations=config.surplus_train_stations,
                          reach_km=config.reach_km, count_stations=config.surplus_count_stations,
                          count_quantile=config.surplus_count_quantile, kappa=config.first_pass_kappa,
                          min_stations=config.surplus_min_stations, shared_share=config.surplus_shared_share,
                          choice=config.surplus_choice, log_amplitude=prep.extras.get("log_amplitude"),
                          level_z=config.surplus_level_z, level_outside=config.surplus_level_outside,
                          join_made=config.surplus_join_made, join_share=config.surplus_join_share)


def with_own_celerity(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray,
                      spread: float, *, kappa_model: float) -> tuple[PassResult, np.ndarray]:
    """``result`` with its events of ``own_celerity_min_stations`` or more stations located with their own celerity:
    the maximum a posteriori of ``celerity.own_celerity`` under the prior ``N(c_cell, (spread c_cell)^2)``, then
    ``kernels.locate`` (back-azimuths included) at that celerity; and each event's atmosphere (``c`` replaced where it
    moved). The ellipses are those of the prior (``celerity_floor_km_s``): conservative, the event's own reading
    narrows its celerity. ``kappa_model``: the paths' model error once the event's own celerity is taken (the
    configured one, not the measured scatter the tight pass allowed)."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    used = np.array(event_atmosphere, dtype=float)
    for i in range(len(t0)):
        picks = result.picks[i][result.picks[i] >= 0]
        stations = prep.pick_station[picks]
        if len(np.unique(stations)) < config.own_celerity_min_stations:
            continue
        c, wx, wy = (float(v) for v in event_atmosphere[i])
        fit = own_celerity(net.x_km[stations], net.y_km[stations], prep.pick_time[picks], float(x[i]), float(y[i]),
                           float(t0[i]), (c, wx, wy), sigma_pick_s=config.sigma_pick_s, kappa_model=kappa_model,
                           prior_sigma_km_s=spread * c)
        if fit is None:
            continue
        xi, yi, ti, cov, _, _ = kernels.locate(picks, stations, prep.pick_time, prep.pick_baz, prep.pick_baz_sigma, net.x_km,
                                               net.y_km, prep.st_north_deg, fit.x_km, fit.y_km, fit.t0_s, fit.c_km_s, wx, wy,
                                               config.sigma_pick_s, kappa_model, 2.5, 15, range_slope(prep))
        if np.isfinite(cov[0, 0]) and np.isfinite(xi) and np.isfinite(yi) and np.isfinite(ti):
            x[i], y[i], t0[i], used[i, 0] = xi, yi, ti, fit.c_km_s
    return dataclasses.replace(result, x_km=x, y_km=y, t0_s=t0), used


def associate(stations: pa.Table, picks: pa.Table, config: FusionConfig | None = None) -> tuple[pa.Table, pa.Table]:
    """The library API: validated stations and picks tables in, (events, assignments) out."""
    config = config or FusionConfig()
    config = with_network_reach(config, build_network(association_stations(stations, picks, config)))
    prep, result, atmosphere = fuse(stations, picks, config)
    located = to_tables(prep, result, atmosphere, config=config, batch=True)
    return located.events, located.assignments
