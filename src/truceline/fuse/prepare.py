"""Picks, stations and the origin grid in the arrays the kernels take (:class:`Prepared`): pick times relative
to a whole second, stations' clock fix-ups read from the times alone, levels, the grid's cells and tiles."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
from scipy.spatial import cKDTree

from truceline.fuse.arrays import Beamed
from truceline.fuse.network import Network, build_network
from truceline.fuse.zoneclocks import zone_offsets
from truceline.fuse.wholeseconds import TRUNCATION_SHIFT_S, WHOLE_TOLERANCE_S
from truceline.model.errors import InputError
from truceline.fuse.config import FusionConfig


@dataclass(slots=True, kw_only=True)
class Prepared:
    """Picks and grid in the arrays the kernels take."""

    network: Network
    pick_ids: np.ndarray  # original ids, in kernel order
    pick_time: np.ndarray
    raw_time: np.ndarray
    pick_station: np.ndarray
    pick_baz: np.ndarray
    pick_baz_sigma: np.ndarray
    station_pick_start: np.ndarray
    st_north_deg: np.ndarray
    cell_x: np.ndarray
    cell_y: np.ndarray
    cell_ix: np.ndarray
    cell_iy: np.ndarray
    cell_at: np.ndarray
    cell_tile: np.ndarray
    cell_start: np.ndarray
    cell_index: np.ndarray
    n_tiles: int
    tile_x: np.ndarray
    tile_y: np.ndarray
    block_origin_s: float
    n_blocks: int
    time_origin_s: float = 0.0
    """Pick and event times are relative to this (see :func:`prepare`); add it back for output."""
    extras: dict[str, np.ndarray] = field(default_factory=dict)
    """``order``: the kernel position of each pick -> its row in the input."""


def float_column(table: pa.Table, name: str) -> np.ndarray:
    """A numeric column as floats (NaN throughout when the table lacks it)."""
    if name not in table.column_names:
        return np.full(table.num_rows, np.nan)
    return np.asarray(table[name].to_numpy(zero_copy_only=False), dtype=float)


def prepare(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> Prepared:
    network = build_network(stations)
    index = network.index_of()
    station_ids = picks["station_id"].to_pylist()
    try:
        station = np.array([index[s] for s in station_ids], dtype=np.int64)
    except KeyError as missing:
        raise InputError("picks", f"unknown station {missing.args[0]!r} (not in the stations table)", column="station_id") from None
    ids = np.asarray(picks["pick_id"].to_pylist(), dtype=object)
    absolute = float_column(picks, "time")
    if config.whole_second_stations:
        absolute = absolute + whole_second_shift(absolute, station, network.size, config.whole_second_min_picks)
    if config.zone_clock_stations:
        zone = zone_offsets(absolute, station, network.x_km, network.y_km)
        if np.any(zone != 0.0):
            absolute = absolute - zone[station]
    origin, time = relative_times(absolute)
    prep = prepare_arrays(network, grid(network, config), config, ids, time, station,
                          float_column(picks, "backazimuth_deg"), float_column(picks, "backazimuth_sigma_deg"))
    prep.time_origin_s = origin
    with_levels(prep, float_column(picks, "amplitude"), float_column(picks, "snr"))
    return prep


def whole_second_shift(time_s: np.ndarray, station: np.ndarray, n_stations: int, min_picks: int) -> np.ndarray:
    """Per pick, 0.5 s for the picks of a station that logs whole seconds (every one of its at least ``min_picks``
    times without a fraction: a logger that truncates, whose error is uniform in [0, 1) s), else 0."""
    whole = np.abs(time_s - np.round(time_s)) < WHOLE_TOLERANCE_S
    n_picks = np.bincount(station, minlength=n_stations)
    n_whole = np.bincount(station, weights=whole.astype(float), minlength=n_stations)
    truncating = (n_picks >= min_picks) & (n_whole == n_picks)
    return np.where(truncating[station], TRUNCATION_SHIFT_S, 0.0)


def with_levels(prep: Prepared, amplitude: np.ndarray, snr: np.ndarray) -> None:
    """Give the prepared picks their log amplitudes and log SNRs (``amplitude``, ``snr`` in the order the picks
    were given; missing or not positive: NaN), which the tests of one source level and of silent stations read."""
    amplitude = amplitude[prep.extras["order"]]
    snr = snr[prep.extras["order"]]
    with np.errstate(invalid="ignore", divide="ignore"):
        prep.extras["log_amplitude"] = np.where(amplitude > 0, np.log(amplitude), np.nan)
        prep.extras["log_snr"] = np.where(snr > 0, np.log(snr), np.nan)


def levels_given(prep: Prepared) -> bool:
    """Whether any pick has both an amplitude and an SNR (the level tests' inputs: :func:`with_levels`)."""
    amplitude, snr = prep.extras.get("log_amplitude"), prep.extras.get("log_snr")
    return amplitude is not None and snr is not None and bool(np.any(np.isfinite(amplitude) & np.isfinite(snr)))


TIME_QUANTUM_S = 1e-6


def relative_times(time: np.ndarray) -> tuple[float, np.ndarray]:
    """Times relative to the whole second before the first, rounded to the microsecond.

    The association works on these, so that its result does not depend on where the clock's
    zero is: Unix times (~1.7e9 s, resolved to ~2e-7 s) and the same scenario starting at
    zero give the same relative values, hence the same bins, ties and events."""
    if not len(time):
        return 0.0, time.copy()
    origin = float(np.floor(time.min()))
    return origin, since(time, origin)


def since(time: np.ndarray, origin: float) -> np.ndarray:
    """``time - origin`` rounded to the microsecond (:func:`relative_times` with a given origin)."""
    return np.asarray(np.round((np.asarray(time, dtype=float) - origin) / TIME_QUANTUM_S) * TIME_QUANTUM_S)


def prepare_arrays(network: Network, cells: dict, config: FusionConfig, ids: np.ndarray, time: np.ndarray,
                   station: np.ndarray, baz: np.ndarray, baz_sigma: np.ndarray, *,
                   block_origin_s: float | None = None, n_blocks: int | None = None) -> Prepared:
    """Picks (any order) as the station-sorted arrays the kernels take, on a grid from :func:`grid`."""
    order = np.lexsort((time, station))
    station = station[order]
    start = np.searchsorted(station, np.arange(network.size + 1))
    if block_origin_s is None:
        block_origin_s = float(np.floor(time.min() / config.block_s) * config.block_s) if len(time) else 0.0
    if n_blocks is None:
        n_blocks = int(np.floor((time.max() - block_origin_s) / config.block_s)) + 1 if len(time) else 1
    return Prepared(
        network=network,
        pick_ids=ids[order],
        pick_time=time[order].copy(),
        raw_time=time[order].copy(),
        pick_station=station,
        pick_baz=baz[order],
        pick_baz_sigma=baz_sigma[order],
        station_pick_start=start.astype(np.int64),
        st_north_deg=_north_in_frame(network),
        block_origin_s=block_origin_s,
        n_blocks=n_blocks,
        extras={"order": order},
        **cells,
    )


def _north_in_frame(network: Network) -> np.ndarray:
    """Frame bearing of true north at each station (degrees; meridian convergence)."""
    if network.size == 0:
        return np.zeros(0)
    x1, y1 = network.to_xy_km(network.lat_deg + 0.01, network.lon_deg)
    return np.degrees(np.arctan2(x1 - network.x_km, y1 - network.y_km))


def cell_tiles(x: np.ndarray, y: np.ndarray, x_min: float, y_min: float, tile_km: float) -> np.ndarray:
    """Each cell's tile: squares ``tile_km`` wide from ``(x_min, y_min)``, numbered in the order of their keys."""
    tiles_x = np.floor((x - x_min) / tile_km).astype(np.int64)
    tiles_y = np.floor((y - y_min) / tile_km).astype(np.int64)
    _, tile = np.unique(tiles_x * 100000 + tiles_y, return_inverse=True)
    return np.asarray(tile)


def tile_centres(tile: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """The number of tiles and their centres (the mean of their cells)."""
    n_tiles = int(tile.max()) + 1 if len(tile) else 1
    tile_x = np.bincount(tile, weights=x, minlength=n_tiles) / np.maximum(np.bincount(tile, minlength=n_tiles), 1)
    tile_y = np.bincount(tile, weights=y, minlength=n_tiles) / np.maximum(np.bincount(tile, minlength=n_tiles), 1)
    return n_tiles, tile_x, tile_y


def retile(prep: Prepared, config: FusionConfig, tile_km: float) -> None:
    """Make the grid's tiles ``tile_km`` wide, in place (``wind_field_km``: the field is read at their centres)."""
    x_min = prep.network.x_km.min() - config.reach_km
    y_min = prep.network.y_km.min() - config.reach_km
    tile = cell_tiles(prep.cell_x, prep.cell_y, x_min, y_min, tile_km)
    prep.cell_tile = tile.astype(np.int64)
    prep.n_tiles, prep.tile_x, prep.tile_y = tile_centres(tile, prep.cell_x, prep.cell_y)


def tile_at(prep: Prepared, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The tile of the grid cell nearest each point."""
    _, cell = cKDTree(np.column_stack([prep.cell_x, prep.cell_y])).query(np.column_stack([x, y]))
    return np.asarray(prep.cell_tile[cell], dtype=int)


def grid(network: Network, config: FusionConfig) -> dict:
    """The origin grid: cells within reach of at least ``min_stations`` stations, their tiles, and each station's cells."""
    g = config.grid_km
    if network.size == 0:
        empty_f = np.zeros(0)
        empty_i = np.zeros(0, dtype=np.int64)
        return dict(cell_x=empty_f, cell_y=empty_f, cell_ix=empty_i, cell_iy=empty_i, cell_at=np.full((1, 1), -1, np.int64),
                    cell_tile=empty_i, cell_start=np.zeros(1, np.int64), cell_index=empty_i, n_tiles=1,
                    tile_x=np.zeros(1), tile_y=np.zeros(1))
    x_min = network.x_km.min() - config.reach_km
    y_min = network.y_km.min() - config.reach_km
    nx = int(np.ceil((network.x_km.max() + config.reach_km - x_min) / g)) + 1
    ny = int(np.ceil((network.y_km.max() + config.reach_km - y_min) / g)) + 1
    grid_ix, grid_iy = np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij")
    ix: np.ndarray = grid_ix.ravel()
    iy: np.ndarray = grid_iy.ravel()
    x = x_min + ix * g
    y = y_min + iy * g
    tree = cKDTree(np.column_stack([network.x_km, network.y_km]))
    in_reach = np.asarray(tree.query_ball_point(np.column_stack([x, y]), config.reach_km, return_length=True))
    keep = in_reach >= config.min_stations
    ix, iy, x, y = ix[keep], iy[keep], x[keep], y[keep]
    cell_at = np.full((nx, ny), -1, dtype=np.int64)
    cell_at[ix, iy] = np.arange(len(x))
    tile = cell_tiles(x, y, x_min, y_min, config.tile_km)
    cell_tree = cKDTree(np.column_stack([x, y]))
    lists = cell_tree.query_ball_point(np.column_stack([network.x_km, network.y_km]), config.reach_km)
    lengths = np.array([len(a) for a in lists], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    index = np.concatenate([np.sort(np.asarray(a, dtype=np.int64)) for a in lists]) if lengths.sum() else np.zeros(0, np.int64)
    n_tiles, tile_x, tile_y = tile_centres(tile, x, y)
    return dict(cell_x=x, cell_y=y, cell_ix=ix.astype(np.int64), cell_iy=iy.astype(np.int64), cell_at=cell_at,
                cell_tile=tile.astype(np.int64), cell_start=start, cell_index=index, n_tiles=n_tiles,
                tile_x=tile_x, tile_y=tile_y)


def range_slope(prep: Prepared) -> float:
    """The range slope of the celerity the calibration fitted (``FusionConfig.range_celerity``; 0 when off)."""
    slope = prep.extras.get("range_slope")
    return float(slope[0]) if slope is not None else 0.0


def with_beams(prep: Prepared, beamed: Beamed) -> None:
    """Give the prepared picks their element picks (``extras["beam_members"]``: per pick, ``None`` or the site
    detection's element pick ids and misfits), which ``events.to_tables`` assigns in the detection's place."""
    members = [beamed.members.get(str(p)) for p in prep.pick_ids]
    prep.extras["beam_members"] = np.array(members + [None], dtype=object)[:-1]
