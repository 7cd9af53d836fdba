"""Station clock offsets read between the passes: from pick pairs before the loose pass
(:func:`pair_clock_corrections`), and against a tight pass's events (:func:`clock_left_over`,
:func:`unabsorbed_corrections`, :func:`clock_doubt_s`, :func:`read_unabsorbed`)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import searched_clock_offsets
from truceline.fuse.clocks import ClockReading, unabsorbed_clock_offsets
from truceline.fuse.pairclocks import (PAIR_MARGIN_S, PAIR_MAX_NEIGHBOURS, PAIR_MAX_S, PAIR_MIN_GAIN, PAIR_MIN_PAIRS,
                                       pair_clock_offsets)
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import Prepared
from truceline.fuse.layout import lone_stations
from truceline.fuse.passes import PassResult, final_pass
from truceline.fuse.refinement import refine


def pair_clock_corrections(prep: Prepared, config: FusionConfig, known: np.ndarray | None = None) -> np.ndarray:
    """Per station, the gross clock offset ``clock_pairs`` reads from its picks' time differences with its neighbours
    (``pairclocks.pair_clock_offsets``; 0 where nothing clear is read), to take off ``prep.raw_time``. The readings are
    kept in ``prep.extras`` (``pair_clock_read_s``, ``pair_clock_z``) for the record. ``known`` (NaN where not):
    offsets already confirmed, returned as they are and not flagged (``pair_clock_flagged``: the new readings)."""
    net = prep.network
    start = prep.station_pick_start
    times = [np.sort(prep.raw_time[int(start[s]):int(start[s + 1])]) for s in range(net.size)]
    readings = pair_clock_offsets(
        net.x_km, net.y_km, times, celerity_km_s=config.clock_pairs_celerity_km_s, margin_s=PAIR_MARGIN_S,
        neighbour_km=config.clock_pairs_neighbour_km, max_neighbours=PAIR_MAX_NEIGHBOURS, max_s=PAIR_MAX_S,
        min_s=config.clock_pairs_min_s, min_z=config.clock_pairs_min_z, min_gain=PAIR_MIN_GAIN,
        min_pairs=PAIR_MIN_PAIRS, isolation_s=config.clock_pairs_isolation_s, known=known,
        readable=None if config.clock_pairs_clustered else lone_stations(prep, config))
    prep.extras["pair_clock_read_s"] = np.array([r.read_s for r in readings])
    prep.extras["pair_clock_z"] = np.array([min(r.z, r.exchange_z) for r in readings])
    offsets = np.array([r.offset_s for r in readings])
    prep.extras["pair_clock_flagged"] = (offsets != 0) & (~np.isfinite(known) if known is not None else True)
    return offsets


def clock_left_over(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray) -> np.ndarray:
    """Per station, the clock offset the corrections left (``FusionConfig.clock_recheck``): one tight pass under the
    calibrated atmosphere and the current corrections, refined, and the mode of the residuals of all a station's
    picks near the arrivals its events of ``clock_recheck_min_picks`` or more picks predict there; zero unless that
    is conclusive and at least ``clock_recheck_min_s``."""
    located = refine(prep, config, final_pass(prep, config, atmosphere), atmosphere)
    net = prep.network
    enough = np.asarray((located.picks >= 0).sum(axis=1) >= config.clock_recheck_min_picks)
    if not enough.any():
        return np.zeros(net.size)
    cells = atmosphere[located.block[enough], located.tile[enough]]
    offsets, conclusive = searched_clock_offsets(
        net.x_km, net.y_km, located.x_km[enough], located.y_km[enough], located.t0_s[enough], cells, prep.pick_time,
        prep.pick_station, prep.station_pick_start, reach_km=config.reach_km)
    return np.where(conclusive & (np.abs(offsets) >= config.clock_recheck_min_s), offsets, 0.0)


def unabsorbed_corrections(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray,
                           corrections: np.ndarray) -> np.ndarray:
    """``corrections`` (per station, applied to ``prep.raw_time``) with each station's clock offset read against the
    events of one tight pass located without it (``FusionConfig.clock_unabsorbed``; :func:`read_unabsorbed`). The
    pass is run under the calibrated atmosphere and the current corrections, and refined; its events of
    ``clock_recheck_min_picks`` or more picks are read."""
    located = refine(prep, config, final_pass(prep, config, atmosphere), atmosphere)
    enough = np.flatnonzero((located.picks >= 0).sum(axis=1) >= config.clock_recheck_min_picks)
    if len(enough) == 0:
        return corrections
    return read_unabsorbed(prep, config, corrections, located.x_km[enough], located.y_km[enough],
                           located.t0_s[enough], atmosphere[located.block[enough], located.tile[enough]],
                           [row[row >= 0] for row in located.picks[enough]], prep.pick_station, prep.pick_time,
                           prep.pick_baz, prep.pick_baz_sigma)


def clock_doubt_s(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> np.ndarray:
    """Per station, how far the clock correction applied to its picks is from a second reading of its offset
    (``FusionConfig.clock_doubt``): the reading of :func:`read_unabsorbed` against ``result``'s events of
    ``clock_recheck_min_picks`` or more picks, each located without the station; 0 where the reading is not
    conclusive or within ``clock_unabsorbed_min_s`` (and its errors) of the correction. Nothing is applied, and
    ``prep`` is left as it was."""
    applied = np.zeros(prep.network.size)
    applied[prep.pick_station] = prep.raw_time - prep.pick_time
    enough = np.flatnonzero((result.picks >= 0).sum(axis=1) >= config.clock_recheck_min_picks)
    if len(enough) == 0:
        return np.zeros(prep.network.size)
    kept = prep.extras.get("clock_reading_s")
    read = read_unabsorbed(prep, config, applied, result.x_km[enough], result.y_km[enough], result.t0_s[enough],
                           atmosphere[result.block[enough], result.tile[enough]],
                           [row[row >= 0] for row in result.picks[enough]], prep.pick_station, prep.pick_time,
                           prep.pick_baz, prep.pick_baz_sigma)
    if kept is None:
        prep.extras.pop("clock_reading_s", None)
    else:
        prep.extras["clock_reading_s"] = kept
    return np.asarray(read - applied)


def read_unabsorbed(prep: Prepared, config: FusionConfig, corrections: np.ndarray, x: np.ndarray, y: np.ndarray,
                    t0: np.ndarray, cells: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray,
                    pick_time: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray) -> np.ndarray:
    """``corrections`` (absolute: what is taken off ``prep.raw_time`` per station) with each station's offset read
    against the events ``x, y, t0`` (cells ``cells``, picks ``picks`` into ``pick_station``, ``pick_time``, ...)
    located without it (``clocks.unabsorbed_clock_offsets``) where that reading is conclusive and differs from the
    correction by at least ``clock_unabsorbed_min_s`` and ``clock_unabsorbed_error_z`` of its standard errors. Read twice: the first reading names the stations whose clocks
    are off, the second leaves their picks out of every event's location (a neighbour's bad clock otherwise passes into
    the reading of a station on time)."""
    net = prep.network

    def read(suspects: np.ndarray | None) -> list[ClockReading]:
        return unabsorbed_clock_offsets(
            net.x_km, net.y_km, prep.st_north_deg, x, y, t0, cells, picks, pick_station, pick_time, pick_baz,
            pick_baz_sigma, prep.raw_time, prep.station_pick_start, reach_km=config.reach_km,
            sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model, min_stations=config.min_stations,
            suspects=suspects, by_range=config.clock_unabsorbed_by_range)

    def off(readings: list[ClockReading]) -> np.ndarray:
        return np.array([r.conclusive and abs(r.offset_s - corrections[s]) >= max(
            config.clock_unabsorbed_min_s, config.clock_unabsorbed_error_z * r.error_s)
            for s, r in enumerate(readings)], dtype=bool)

    readings = read(None)
    suspects = off(readings)
    if suspects.any():
        readings = read(suspects)
    out = corrections.copy()
    for s in np.flatnonzero(off(readings)):
        out[s] = readings[s].offset_s
    prep.extras["clock_reading_s"] = np.array([r.offset_s if r.conclusive else np.nan for r in readings])
    return out
