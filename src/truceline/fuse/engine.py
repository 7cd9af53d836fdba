"""``associate(stations, picks) -> (events, assignments)``: picks to located events.

Two passes of the same machinery (see docs/fusion.md):

1. with a standard celerity and generous tolerances, find well-recorded events;
2. calibrate the celerity and wind per tile and time block, and station clock errors, from
   them; then associate everything again with tight tolerances and locate with the
   calibrated model. Uncertainties are scaled by the network-wide chi-square per degree of
   freedom so that the 95 % ellipses hold what they claim.

Both passes walk origin time in windows, in order, so the same code serves the streaming
associator (``truceline.fuse.stream``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyarrow as pa

from truceline.fuse import kernels
from truceline.fuse.atmosphere import (CLOCK_WINDOW_S, DEFAULT_CELERITY_KM_S, PickedEvent, RANGE_REF_KM, calibrate,
                                       calibrate_field, fit_range_slope, pick_leverages, searched_clock_offsets,
                                       station_corrections, travel_times, wind_field_gain)
from truceline.fuse.network import build_network
# the engine's other contents moved to these modules (docs/fusion.md, "Session 22 (split22)"); every
# public name is imported back, for the code, tests and benchmarks that import it from here
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import (Prepared, TIME_QUANTUM_S, cell_tiles, float_column, grid, levels_given, prepare,
                                    prepare_arrays, range_slope, relative_times, retile, since, tile_at, tile_centres,
                                    whole_second_shift, with_beams, with_levels)
from truceline.fuse.layout import (array_settings, association_stations, beamed_arrays, has_arrays, lone_stations,
                                   network_reach_km, station_sites, with_network_reach)
from truceline.fuse.passes import (PassResult, ProgressCallback, TIGHT_COARSE_TOLERANCE_S, empty_pass, final_pass,
                                   first_pass, joined, run_pass)
from truceline.fuse.refinement import EventTests, locate_event, refine
from truceline.fuse.finish import (finish, missions_at, one_level_last, partners_at, repeat_at_places, ripple_at_bursts,
                                   twins_at, with_repeated_sources, with_replacements)
from truceline.fuse.clockreadings import (clock_doubt_s, clock_left_over, pair_clock_corrections, read_unabsorbed,
                                          unabsorbed_corrections)
from truceline.fuse.calibration import (CalibrationEvent, calibration_events, celerity_scatter_of, crowding_of,
                                        measured_celerity_scatter, relocated_in_field, tight_config,
                                        wind_field_accepted, wind_field_on)


def calibrate_events(prep: Prepared, config: FusionConfig, found: list[CalibrationEvent], n_blocks: int,
                     rounds: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Atmosphere per (block, tile) and clock correction per station from loose-pass events.

    Positions found with the standard celerity are biased, and so would be an atmosphere
    fitted to them; fitting and relocating in turn removes that bias.
    """
    net = prep.network
    atmosphere = np.tile(np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]), (n_blocks, prep.n_tiles, 1))
    if not found:
        return atmosphere, np.zeros(net.size)
    times = np.concatenate([e.times_s for e in found])
    stations = np.concatenate([e.stations for e in found])
    baz = np.concatenate([e.baz_deg for e in found])
    baz_sigma = np.concatenate([e.baz_sigma_deg for e in found])
    bounds = np.concatenate([[0], np.cumsum([len(e.times_s) for e in found])])
    picks = [np.arange(bounds[k], bounds[k + 1], dtype=np.int64) for k in range(len(found))]
    x = np.array([e.x_km for e in found])
    y = np.array([e.y_km for e in found])
    t0 = np.array([e.t0_s for e in found])
    tiles = np.array([e.tile for e in found], dtype=int)
    blocks = np.array([e.block for e in found], dtype=int)
    events: list[PickedEvent] = []
    floor = calibration_min_stations(prep, config)
    # beamed arrays' detections: their back-azimuths hold the events' positions in the fit (few sites)
    beamed = "beam_members" in prep.extras and config.array_calibration_bearings
    bearings = baz + prep.st_north_deg[stations] if beamed else None
    for _round in range(rounds):
        events = [PickedEvent(x_km=float(x[k]), y_km=float(y[k]), stations=stations[p], times_s=times[p],
                              tile=int(tiles[k]), block=int(blocks[k]), crowding=found[k].crowding,
                              bearings_deg=None if bearings is None else bearings[p],
                              bearing_sigmas_deg=None if bearings is None else baz_sigma[p]) for k, p in enumerate(picks)]
        support = np.zeros((n_blocks, prep.n_tiles, 2))
        g = (fit_range_slope(events, net.x_km, net.y_km, min_z=config.range_celerity_min_z, min_stations=floor)
             if config.range_celerity else 0.0)
        if config.range_celerity:
            prep.extras["range_slope"] = np.array([g])
        if config.wind_field_km is not None and "wind_field_gain" not in prep.extras:
            # decided once per run, on the first calibration's events
            gain = wind_field_gain(events, net.x_km, net.y_km, n_blocks, spacing_km=config.wind_field_km,
                                   roughness_km_s=config.wind_field_roughness_m_per_s / 1000.0, g=g, min_stations=floor)
            prep.extras["wind_field_gain"] = np.array([gain])
            if wind_field_on(prep, config):
                retile(prep, config, config.wind_field_tile_km)
                support = np.zeros((n_blocks, prep.n_tiles, 2))
        if wind_field_on(prep, config):
            tiles = tile_at(prep, x, y)
            events = [replace(e, tile=int(tiles[k])) for k, e in enumerate(events)]
            atmosphere = calibrate_field(events, net.x_km, net.y_km, prep.tile_x, prep.tile_y, n_blocks,
                                         spacing_km=float(config.wind_field_km or 0.0),
                                         roughness_km_s=config.wind_field_roughness_m_per_s / 1000.0, support=support, g=g,
                                         min_stations=floor)
        else:
            atmosphere = calibrate(events, net.x_km, net.y_km, prep.tile_x, prep.tile_y, n_blocks, support=support, g=g,
                                   min_stations=floor)
        if wind_field_accepted(prep, config) and config.wind_field_relocate:
            # the passes keep the tiles' atmosphere; the field on small tiles is kept for the final events (relocated_in_field)
            small = cell_tiles(prep.cell_x, prep.cell_y, net.x_km.min() - config.reach_km, net.y_km.min() - config.reach_km,
                               config.wind_field_tile_km)
            n_small, small_x, small_y = tile_centres(small, prep.cell_x, prep.cell_y)
            field_support = np.zeros((n_blocks, n_small, 2))
            prep.extras["wind_field_atmosphere"] = calibrate_field(
                events, net.x_km, net.y_km, small_x, small_y, n_blocks, spacing_km=float(config.wind_field_km or 0.0),
                roughness_km_s=config.wind_field_roughness_m_per_s / 1000.0, support=field_support, g=g,
                min_stations=floor)
            prep.extras["wind_field_support"] = field_support
            prep.extras["wind_field_cell_tile"] = small.astype(np.int64)
        prep.extras["calibration_support"] = support
        if wind_field_on(prep, config):
            tiles = np.array([e.tile for e in events], dtype=int)
        for k, p in enumerate(picks):
            c, wx, wy = atmosphere[blocks[k], tiles[k]]
            xk, yk, tk, cov, _chi2, _n = kernels.locate(
                p, stations[p], times, baz, baz_sigma, net.x_km, net.y_km, prep.st_north_deg, x[k], y[k], t0[k],
                c, wx, wy, config.sigma_pick_s, config.kappa_model, 2.5, 15, g)
            if np.isfinite(cov[0, 0]):
                x[k], y[k], t0[k] = xk, yk, tk
    # residuals under the calibrated model give the clock corrections
    residuals = []
    for k, event in enumerate(events):
        c, wx, wy = atmosphere[event.block, event.tile]
        sx, sy = net.x_km[event.stations], net.y_km[event.stations]
        tt = travel_times(sx, sy, float(x[k]), float(y[k]), c, wx, wy, range_slope(prep))
        r = event.times_s - t0[k] - tt
        if config.clock_leave_one_out:
            h = pick_leverages(sx, sy, float(x[k]), float(y[k]), r, c, wx, wy, sigma_pick_s=config.sigma_pick_s,
                               kappa_model=config.kappa_model)
            r = r / (1.0 - np.minimum(h, MAX_CLOCK_LEVERAGE))
        residuals.append(r)
    corrections = station_corrections(stations, np.concatenate(residuals), net.size) if residuals else np.zeros(net.size)
    if config.clock_unabsorbed_loose and events:
        # the readings are of the raw times, the medians of the times the events were located with
        applied = np.zeros(net.size)
        applied[prep.pick_station] = prep.raw_time - prep.pick_time
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        corrections = read_unabsorbed(prep, config, applied + corrections, x, y, t0, cells, picks, stations, times,
                                      baz, baz_sigma) - applied
    if config.clock_search and events:
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        searched, conclusive = searched_clock_offsets(
            net.x_km, net.y_km, x, y, t0, cells, prep.raw_time, prep.pick_station, prep.station_pick_start,
            reach_km=config.reach_km, window_s=config.clock_search_window_s)
        corrections = np.where(conclusive, searched, corrections)
    if config.clock_gross_window_s is not None and events:
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        # against the times the events were located with (as the medians): an offset already applied is not read again
        gross, conclusive = searched_clock_offsets(
            net.x_km, net.y_km, x, y, t0, cells, prep.pick_time, prep.pick_station, prep.station_pick_start,
            reach_km=config.reach_km, window_s=config.clock_gross_window_s)
        corrections = np.where(conclusive & (np.abs(gross) > CLOCK_WINDOW_S), gross, corrections)
    flagged = prep.extras.get("pair_clock_flagged")
    if flagged is not None and np.any(flagged) and events:
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        # what the pair reading left, against the times the events were located with (the reading taken off)
        left, conclusive = searched_clock_offsets(
            net.x_km, net.y_km, x, y, t0, cells, prep.pick_time, prep.pick_station, prep.station_pick_start,
            reach_km=config.reach_km, window_s=config.clock_pairs_refine_window_s)
        corrections = np.where(flagged & conclusive, left, corrections)
        prep.extras["pair_clock_confirmed"] = flagged & conclusive
    return atmosphere, corrections


MAX_CLOCK_LEVERAGE = 0.8
"""A pick's leverage is capped here when its residual is scaled to the leave-one-out residual (``clock_leave_one_out``):
at most a five-fold scaling, where an event's geometry leans on one pick."""


def calibration_min_stations(prep: Prepared, config: FusionConfig) -> int:
    """The fewest stations of a loose event that calibrates the atmosphere: 6, or ``array_calibration_stations`` when
    arrays were beamed into sites (``array_beams``: a site is one station, and its detections carry back-azimuths)."""
    return config.array_calibration_stations if "beam_members" in prep.extras else 6


def _calibrate(prep: Prepared, config: FusionConfig, first: PassResult, rounds: int = 1) -> tuple[np.ndarray, np.ndarray]:
    found = calibration_events(prep, first, config=config, min_stations=calibration_min_stations(prep, config))
    return calibrate_events(prep, config, found, prep.n_blocks, rounds)


def fuse(stations: pa.Table, picks: pa.Table, config: FusionConfig | None = None,
         progress: ProgressCallback | None = None) -> tuple[Prepared, PassResult, np.ndarray]:
    """Run both passes; returns the prepared arrays, the final pass and the atmosphere used."""
    config = config or FusionConfig()
    beamed = beamed_arrays(stations, picks, config) if config.array_beams else None
    if beamed is not None:
        stations, picks = beamed.stations, beamed.picks
    config = with_network_reach(config, build_network(stations))
    prep = prepare(stations, picks, config)
    if beamed is not None:
        with_beams(prep, beamed)
    if config.sound_speed_m_per_s is not None:
        fixed = np.array([config.sound_speed_m_per_s / 1000.0, 0.0, 0.0])
        atmosphere = np.tile(fixed, (prep.n_blocks, prep.n_tiles, 1))
    else:
        atmosphere = np.tile(np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]), (prep.n_blocks, prep.n_tiles, 1))
        gross = pair_clock_corrections(prep, config) if config.clock_pairs else None
        loose_taken = None
        before = (atmosphere, prep.pick_time, dict(prep.extras))
        if gross is not None:
            prep.pick_time = prep.raw_time - gross[prep.pick_station]
            # a station read off sits out the loose pass: its offset is read again against that pass's events
            loose_taken = (gross != 0)[prep.pick_station] if np.any(gross != 0) else None
        # a network of array sites only scans the loose pass's celerity (a mixed one's single stations carry it)
        scan = bool(config.array_celerity_scan) and beamed is not None and len(beamed.sites) == beamed.stations.num_rows
        first, atmosphere, corrections = loose_passes(
            prep, config, atmosphere, gross, loose_taken, progress=(lambda f: progress(0.4 * f)) if progress else None,
            scan=scan)
        if (gross is not None and loose_taken is not None and not config.range_celerity
                and not np.any(prep.extras["pair_clock_flagged"] & prep.extras.get(
                    "pair_clock_confirmed", np.zeros(prep.network.size, dtype=bool)))):
            # no reading confirmed: the loose passes are run again as if nothing had been read (without
            # range_celerity; with it, an unread gross clock feeds the slope, so the stations read stay out)
            unconfirmed = prep.extras["pair_clock_flagged"]
            atmosphere, prep.pick_time = before[0], before[1]
            prep.extras.clear()
            prep.extras.update(before[2])
            prep.extras["pair_clock_flagged"] = np.zeros(prep.network.size, dtype=bool)
            prep.extras["pair_clock_unconfirmed"] = unconfirmed
            gross, loose_taken = None, None
            first, atmosphere, corrections = loose_passes(prep, config, atmosphere, None, None, scan=scan)
        if gross is not None and loose_taken is not None and config.clock_pairs_rounds > 0:
            first, atmosphere, corrections, gross, loose_taken = reread_pair_clocks(
                prep, config, first, atmosphere, corrections, gross)
        if config.range_celerity and config.range_loose_kappa is not None and wants_wide_pass(prep, config, atmosphere):
            first, atmosphere, corrections = wide_loose_passes(prep, config, first, atmosphere, corrections,
                                                           taken=loose_taken, gross=gross)
        if gross is not None and loose_taken is not None:
            # a reading the loose pass's events do not confirm is not applied: a clock left 1-2 s off costs more
            # than one left out (docs/fusion.md, "Session 20 (clock20)")
            unconfirmed = prep.extras["pair_clock_flagged"] & ~prep.extras.get(
                "pair_clock_confirmed", np.zeros(prep.network.size, dtype=bool))
            corrections = np.where(unconfirmed, 0.0, corrections)
            prep.extras["pair_clock_flagged"] = np.zeros(prep.network.size, dtype=bool)
            prep.extras["pair_clock_unconfirmed"] = unconfirmed
        if config.own_celerity_threshold is not None:
            prep.extras["celerity_scatter"] = np.array([celerity_scatter_of(prep, config, first, atmosphere, corrections)])
        prep.pick_time = prep.raw_time - corrections[prep.pick_station]
        for _ in range(config.calibration_rounds):
            second = final_pass(prep, config, atmosphere)
            atmosphere, extra = _calibrate(prep, config, refine(prep, config, second, atmosphere))
            corrections = corrections + extra
            prep.pick_time = prep.raw_time - corrections[prep.pick_station]
        if config.clock_recheck:
            corrections = corrections + clock_left_over(prep, config, atmosphere)
            prep.pick_time = prep.raw_time - corrections[prep.pick_station]
        if config.clock_unabsorbed:
            corrections = unabsorbed_corrections(prep, config, atmosphere, corrections)
            prep.pick_time = prep.raw_time - corrections[prep.pick_station]
    tight = tight_config(prep, config)
    final = final_pass(prep, tight, atmosphere, progress=(lambda f: progress(0.4 + 0.6 * f)) if progress else None)
    result = finish(prep, tight, final, atmosphere)
    if config.wind_field_relocate and not config.wind_field_ellipse:
        result, atmosphere = relocated_in_field(prep, tight, result, atmosphere)
    return prep, result, atmosphere


def loose_passes(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, gross: np.ndarray | None,
                 taken: np.ndarray | None, progress: ProgressCallback | None = None,
                 assumed_slope: float = 0.0, scan: bool = False) -> tuple[PassResult, np.ndarray, np.ndarray]:
    """The loose pass under ``atmosphere`` (range slope ``assumed_slope``) and its calibration, run again under each
    new calibration while it moves (``moved_beyond``), at most ``loose_pass_rounds`` more times: the last pass, the
    atmosphere and the clock corrections (``gross``, ``clock_pairs``' offsets, added; ``taken``: its picks that sit
    out; ``scan``: the first pass is :func:`scanned_loose_pass`'s)."""
    first = first_pass(prep, config, atmosphere, progress=progress, taken=taken)
    if scan:
        first, atmosphere = scanned_loose_pass(prep, config, first, atmosphere, taken=taken)
    assumed = atmosphere
    atmosphere, corrections = _calibrate(prep, config, first)
    corrections = corrections if gross is None else gross + corrections
    for _ in range(config.loose_pass_rounds):
        if not moved_beyond(config, atmosphere, range_slope(prep), assumed, assumed_slope):
            break
        assumed, assumed_slope = atmosphere, range_slope(prep)
        first = first_pass(prep, config, atmosphere, taken=taken)
        atmosphere, corrections = _calibrate(prep, config, first)
        corrections = corrections if gross is None else gross + corrections
    return first, atmosphere, corrections


def reread_pair_clocks(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray,
                       corrections: np.ndarray, gross: np.ndarray
                       ) -> tuple[PassResult, np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """``clock_pairs_rounds``: while the loose passes confirm a reading, the stations not yet confirmed are read again
    with the confirmed offsets (their corrections) taken off their neighbours; the stations newly read sit out the
    loose passes run once more under the calibrated atmosphere (the confirmed ones take part, corrected), and are
    confirmed or not by them. Returns the last loose pass, atmosphere, corrections, the offsets taken off before the
    passes and the picks that sat out (``prep.extras``' flags are the last reading's)."""
    net = prep.network
    confirmed_all = np.zeros(net.size, dtype=bool)
    taken: np.ndarray | None = prep.extras["pair_clock_flagged"][prep.pick_station]
    for _ in range(config.clock_pairs_rounds):
        confirmed = prep.extras["pair_clock_flagged"] & prep.extras.get(
            "pair_clock_confirmed", np.zeros(net.size, dtype=bool))
        if not np.any(confirmed & ~confirmed_all):
            break
        confirmed_all |= confirmed
        known = np.where(confirmed_all, corrections, np.nan)
        kept = dict(prep.extras)
        offsets = pair_clock_corrections(prep, config, known=known)
        if not np.any(prep.extras["pair_clock_flagged"]):
            prep.extras.clear()
            prep.extras.update(kept)
            break
        gross = offsets
        prep.pick_time = prep.raw_time - gross[prep.pick_station]
        taken = prep.extras["pair_clock_flagged"][prep.pick_station]
        prep.extras.pop("pair_clock_confirmed", None)
        first, atmosphere, corrections = loose_passes(prep, config, atmosphere, gross, taken,
                                                      assumed_slope=range_slope(prep))
    return first, atmosphere, corrections, gross, taken


def moved_beyond(config: FusionConfig, atmosphere: np.ndarray, slope: float, assumed: np.ndarray,
                 assumed_slope: float) -> bool:
    """Whether a calibration (``atmosphere``, range ``slope``) moved the celerity the loose pass assumed
    (``assumed``, ``assumed_slope``) by more than ``loose_pass_shift``: the median celerity, or the celerity at
    ``reach_km`` through the slope."""
    c = float(np.median(atmosphere[..., 0]))
    shift = c / float(np.median(assumed[..., 0])) - 1.0
    slope_shift = abs(slope - assumed_slope) * (config.reach_km - RANGE_REF_KM) / c
    return abs(shift) > config.loose_pass_shift or slope_shift > config.loose_pass_shift


def scanned_loose_pass(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray, *,
                       taken: np.ndarray | None = None) -> tuple[PassResult, np.ndarray]:
    """The loose pass ``first`` (run under ``atmosphere``) or one run at a celerity of ``array_celerity_scan``
    (no wind), whichever finds the most events of :func:`calibration_min_stations` stations; ties keep the earlier
    (``first`` before the scan's). Returns that pass and its atmosphere."""
    floor = calibration_min_stations(prep, config)
    best = (int(np.count_nonzero(first.n_stations >= floor)), first, atmosphere)
    for celerity in config.array_celerity_scan or ():
        assumed = np.tile(np.array([celerity, 0.0, 0.0]), atmosphere.shape[:-1] + (1,))
        trial = first_pass(prep, config, assumed, taken=taken)
        found = int(np.count_nonzero(trial.n_stations >= floor))
        if found > best[0]:
            best = (found, trial, assumed)
    prep.extras["array_scan_celerity"] = np.array([float(np.median(best[2][..., 0]))])
    return best[1], best[2]


def wants_wide_pass(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray) -> bool:
    """Whether the wide loose pass (``range_loose_kappa``) is run after the standard loose passes' calibration: when it
    found no range slope, or one that changes the celerity at ``reach_km`` by more than ``range_loose_shift`` of the
    celerity (a strong fall, whose far picks the standard window still cuts)."""
    c = float(np.median(atmosphere[..., 0]))
    return range_slope(prep) == 0.0 or abs(range_slope(prep)) * (config.reach_km - RANGE_REF_KM) / c > config.range_loose_shift


def wide_loose_passes(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray,
                      corrections: np.ndarray, *, taken: np.ndarray | None = None,
                      gross: np.ndarray | None = None) -> tuple[PassResult, np.ndarray, np.ndarray]:
    """The loose pass with the wide window ``range_loose_kappa``, under the calibrated atmosphere and range slope,
    and its calibration; repeated under each new calibration while it moves (``moved_beyond``), at most
    ``range_loose_rounds`` times. Kept only when the last wide pass's calibration has a range slope: else the
    calibration given (``first``, ``atmosphere``, ``corrections`` and ``prep.extras``) is returned unchanged
    (``FusionConfig.range_loose_kappa``). :func:`fuse` runs it when :func:`wants_wide_pass`. ``taken`` and ``gross``
    are ``clock_pairs``' picks that sit out the loose pass and its offsets read before it, as in :func:`fuse`."""
    assert config.range_loose_kappa is not None
    wide = replace(config, first_pass_kappa=config.range_loose_kappa)
    kept = (first, atmosphere, corrections, dict(prep.extras))
    assumed, assumed_slope = atmosphere, range_slope(prep)
    for _ in range(config.range_loose_rounds):
        first = first_pass(prep, wide, assumed, taken=taken)
        atmosphere, corrections = _calibrate(prep, config, first)
        corrections = corrections if gross is None else gross + corrections
        if range_slope(prep) == 0.0 or not moved_beyond(config, atmosphere, range_slope(prep), assumed, assumed_slope):
            break
        assumed, assumed_slope = atmosphere, range_slope(prep)
    if range_slope(prep) == 0.0:
        prep.extras.clear()
        prep.extras.update(kept[3])
        return kept[0], kept[1], kept[2]
    return first, atmosphere, corrections
