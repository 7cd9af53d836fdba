"""One association pass over the origin-time windows (:func:`run_pass`), the loose and the tight pass, and the
events a pass finds (:class:`PassResult`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import RANGE_REF_KM
from truceline.fuse.loudness import LoudnessLaw
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import Prepared, range_slope


@dataclass(slots=True, kw_only=True)
class PassResult:
    x_km: np.ndarray
    y_km: np.ndarray
    t0_s: np.ndarray
    n_stations: np.ndarray
    chi2: np.ndarray
    n_obs: np.ndarray
    tile: np.ndarray
    block: np.ndarray
    picks: np.ndarray
    covariance: np.ndarray

    def take(self, index: np.ndarray) -> PassResult:
        """The events at ``index`` (a boolean mask or integer positions), every field alike."""
        return PassResult(**{f.name: getattr(self, f.name)[index] for f in fields(self)})


ProgressCallback = Callable[[float], None]


def run_pass(
    prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, *, kappa: float, fine_tolerance_s: float,
    coarse_tolerance_s: float, max_rms: float, progress: ProgressCallback | None = None, soft_scoring: bool = True,
    start_s: float | None = None, stop_s: float | None = None, workspace: dict | None = None,
    taken: np.ndarray | None = None,
) -> PassResult:
    """One association pass over the origin-time windows, in time order.

    By default the windows cover every origin time the picks allow; ``start_s`` and ``stop_s``
    bound them (the streaming associator takes one window at a time, and passes a
    ``workspace`` dict so that the vote arrays and the cells' travel times are made once, not
    per window). ``taken`` marks picks (in kernel order) that are already another event's:
    they cannot join, but they still show that their station is working."""
    net = prep.network
    used = np.zeros(len(prep.pick_time), dtype=np.bool_) if taken is None else taken.astype(np.bool_)
    rows: list[np.ndarray] = []
    pick_rows: list[np.ndarray] = []
    covs: list[np.ndarray] = []
    blocks: list[np.ndarray] = []
    if len(prep.pick_time) == 0 or len(prep.cell_x) == 0:
        return empty_pass(config)
    slope = range_slope(prep)
    slowest = float(np.min(atmosphere[..., 0]) - 0.04) + min(0.0, -RANGE_REF_KM * slope, (config.reach_km - RANGE_REF_KM) * slope)
    first = float(prep.pick_time.min() - config.reach_km / slowest) if start_s is None else start_s
    last = float(prep.pick_time.max()) if stop_s is None else stop_s - 1e-9
    core_bins = int(round(config.window_s / config.bin_s))
    n_bins = core_bins + int(round(config.lookahead_s / config.bin_s))
    max_events = 20000
    space = workspace if workspace is not None else {}
    if space.get("shape") != (len(prep.cell_x), n_bins, config.max_picks_per_event):
        # the vote arrays are left cleared at the end of every window, so they can be reused
        space.clear()
        space.update(shape=(len(prep.cell_x), n_bins, config.max_picks_per_event), travel={},
                     counts=np.zeros((len(prep.cell_x), n_bins), dtype=np.int16),
                     stamp=np.zeros((len(prep.cell_x), n_bins), dtype=np.int32),
                     touched=np.zeros(len(prep.cell_x), dtype=np.bool_),
                     covered=np.zeros((len(prep.cell_x), n_bins), dtype=np.bool_),
                     out_event=np.zeros((max_events, 7)),
                     out_picks=np.full((max_events, config.max_picks_per_event), -1, dtype=np.int64),
                     out_cov=np.zeros((max_events, 3, 3)))
    counts, stamp, touched, covered = space["counts"], space["stamp"], space["touched"], space["covered"]
    out_event, out_picks, out_cov = space["out_event"], space["out_picks"], space["out_cov"]
    travel: dict[bytes, np.ndarray] = space["travel"]
    current_block = -1
    cell_tt = np.zeros(0)
    start = first
    while start <= last:
        block = min(max(int((start - prep.block_origin_s) // config.block_s), 0), prep.n_blocks - 1)
        if block != current_block:
            current_block = block
            key = atmosphere[block].tobytes() + np.float64(slope).tobytes()
            if key not in travel:
                if len(travel) >= 4:
                    travel.clear()
                travel[key] = kernels.station_travel_times(net.x_km, net.y_km, prep.cell_x, prep.cell_y,
                                                           prep.cell_start, prep.cell_index, prep.cell_tile,
                                                           atmosphere[block], slope)
            cell_tt = travel[key]
        # strongest events first: re-vote after each round without the picks taken, so that
        # the coincidences among a busy sector's picks do not drown the weaker events
        reserved = np.zeros(len(prep.pick_time), dtype=np.bool_)
        threshold = 0
        span = int(np.count_nonzero((prep.pick_time >= start)
                                    & (prep.pick_time < start + config.window_s + config.lookahead_s + config.reach_km / slowest)))
        max_seeds = min(config.max_seeds, max(config.min_seeds, span))
        while True:
            kernels.coarse_vote(start, n_bins, config.bin_s, prep.pick_time, used, prep.station_pick_start,
                                prep.cell_start, prep.cell_index, cell_tt, coarse_tolerance_s, kappa, counts, stamp,
                                touched)
            voted = np.flatnonzero(touched)
            peak = int(counts[voted].max()) if len(voted) else 0
            if peak < config.min_stations:
                _reset(counts, stamp, touched, covered, voted)
                break
            threshold = max(int(np.ceil(0.75 * peak)), config.min_stations + 2) if threshold == 0 else config.min_stations
            threshold = max(threshold, config.min_stations)
            found = kernels.extract(start, n_bins, config.bin_s, counts, config.min_stations, prep.cell_x, prep.cell_y,
                                    prep.cell_ix, prep.cell_iy, prep.cell_at, prep.cell_tile, atmosphere[block],
                                    net.x_km, net.y_km, prep.st_north_deg, prep.station_pick_start, prep.pick_time,
                                    prep.pick_baz, prep.pick_baz_sigma, used, config.reach_km, coarse_tolerance_s,
                                    fine_tolerance_s, kappa, config.sigma_pick_s, max(config.kappa_model, kappa / 3.0),
                                    max_rms, out_event, out_picks, out_cov, max_events, core_bins,
                                    reserved, threshold, max_seeds, soft_scoring, voted, touched, covered,
                                    config.footprint_stations, config.baz_gate_z, slope)
            _reset(counts, stamp, touched, covered, voted)
            if found:
                rows.append(out_event[:found].copy())
                pick_rows.append(out_picks[:found].copy())
                covs.append(out_cov[:found].copy())
                blocks.append(np.full(found, block))
            if threshold <= config.min_stations:
                break
        used[reserved] = False
        if progress is not None:
            progress(min(1.0, (start + config.window_s - first) / max(last - first, 1e-9)))
        start += config.window_s
    if not rows:
        return empty_pass(config)
    event = np.concatenate(rows)
    order = np.argsort(event[:, 2], kind="stable")
    return PassResult(
        x_km=event[order, 0], y_km=event[order, 1], t0_s=event[order, 2], n_stations=event[order, 3].astype(int),
        chi2=event[order, 4], n_obs=event[order, 5].astype(int), tile=event[order, 6].astype(int),
        block=np.concatenate(blocks)[order], picks=np.concatenate(pick_rows)[order], covariance=np.concatenate(covs)[order],
    )


def _reset(counts: np.ndarray, stamp: np.ndarray, touched: np.ndarray, covered: np.ndarray, rows: np.ndarray) -> None:
    """Clear only the cells that were voted in (a quiet front touches few of them)."""
    counts[rows] = 0
    stamp[rows] = 0
    covered[rows] = False
    touched[rows] = False


def empty_pass(config: FusionConfig) -> PassResult:
    """A pass that found nothing."""
    z = np.zeros(0)
    zi = np.zeros(0, dtype=int)
    return PassResult(x_km=z, y_km=z, t0_s=z, n_stations=zi, chi2=z, n_obs=zi, tile=zi, block=zi,
                      picks=np.zeros((0, config.max_picks_per_event), dtype=np.int64), covariance=np.zeros((0, 3, 3)))

TIGHT_COARSE_TOLERANCE_S = 2.2  # the tight (final) pass's coarse vote tolerance


def first_pass(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, progress: ProgressCallback | None = None,
               start_s: float | None = None, stop_s: float | None = None, workspace: dict | None = None,
               taken: np.ndarray | None = None, law: LoudnessLaw | None = None,
           nearest_max_stations: int | None = None) -> PassResult:
    """The loose pass: generous tolerances, to find well-recorded events before calibration."""
    return run_pass(prep, config, atmosphere, kappa=config.first_pass_kappa, fine_tolerance_s=0.6, coarse_tolerance_s=2.5,
                    max_rms=3.0, soft_scoring=False, progress=progress, start_s=start_s, stop_s=stop_s,
                    workspace=workspace, taken=taken)


def final_pass(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, progress: ProgressCallback | None = None,
               start_s: float | None = None, stop_s: float | None = None, workspace: dict | None = None,
               taken: np.ndarray | None = None, law: LoudnessLaw | None = None,
           nearest_max_stations: int | None = None) -> PassResult:
    """The tight pass under the calibrated model."""
    return run_pass(prep, config, atmosphere, kappa=config.kappa_model * 3.0, fine_tolerance_s=2.0 * config.sigma_pick_s,
                    coarse_tolerance_s=TIGHT_COARSE_TOLERANCE_S, max_rms=config.max_normalised_rms, progress=progress, start_s=start_s,
                    stop_s=stop_s, workspace=workspace, taken=taken)


def joined(a: PassResult, b: PassResult) -> PassResult:
    """The events of two passes, in origin-time order."""
    both = PassResult(**{f.name: np.concatenate([getattr(a, f.name), getattr(b, f.name)]) for f in fields(a)})
    return both.take(np.argsort(both.t0_s, kind="stable"))
