"""Arrivals heard beyond the reach, read from the run (``FusionConfig.far_picks``, batch only, on by default).

The search gives a station only the origins within ``reach_km`` of it (read from the layout, ``network_reach_km``).
Where stations farther off hear a source (a night-time duct, a loud salvo: docs/fusion.md, "Session 21 (sim21)" and
"Session 22 (reach22)"), its far arrivals are left over by the source's own event and combine into events of their
own: the stations beyond the reach see a far source as a plane wave, and a nearer origin, later in time along the same
bearing, fits them. Such an event's picks are the arrivals another, located event predicts at those stations.

Whether far stations hear is read from the run, per range band (``reach_km`` times 1-1.25, 1.25-1.5, 1.5-2 by
default): the free picks (held by no event) at the stations in the band are timed against every event's predicted
arrival there (the event's calibrated atmosphere); their offsets within ``window_s`` give a floor of chance (the
density beyond ``window_s / 2``, flat where nothing is heard) and an excess near 0. A band is heard when, at the
tolerance that gains most (``n - 2 chance``: a chance pick taken costs as much as a far arrival gains), the count
within the tolerance is at least ``ratio`` times the chance count and exceeds it by ``min_excess`` picks. Where no band
is heard nothing changes.

Then an event is **explained** when its picks, but fewer than ``min_stations`` stations' worth, and at least
``explained_share`` of its stations' picks fall within a heard band's tolerance of the predicted arrival of another
event heard at as many stations or more that is itself kept (events are taken from the most stations down; the share
keeps a small true event from being dropped for one coincidence). An explained event is dropped; its far picks are the
explaining event's far arrivals (returned, so that they may be reported with it); the rest are left free. The
explaining events' locations are unchanged: a far arrival's timing scatters by a second or more (the duct's celerity,
the range's jitter), against ``sigma_pick_s`` (0.15 s) for the near picks, so with honest weights the far picks would
move a location by almost nothing, and with the near picks' weight they would pull it along their path's error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from truceline.fuse.atmosphere import travel_times

if TYPE_CHECKING:
    from truceline.fuse.engine import FusionConfig, PassResult, Prepared

BAND_EDGES = (1.0, 1.25, 1.5, 2.0)
"""The range bands, in units of the reach: a band is read (heard or not) on its own."""
TOLERANCES_S = (1.0, 1.5, 2.0, 3.0)
"""The tolerances tried in each band; the one gaining most is kept."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FarBand:
    """One range band's reading: its ranges, the tolerance kept, the picks within it and the chance count."""

    low_km: float
    high_km: float
    tolerance_s: float
    within: int
    chance: float
    heard: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class FarEvents:
    """The outcome: the events kept (mask), each dropped event's explaining event (-1 for kept ones) and the far
    picks attached, as (pick, event) rows, with the bands read."""

    keep: np.ndarray
    explained_by: np.ndarray
    far_pick: np.ndarray
    far_event: np.ndarray
    bands: tuple[FarBand, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FarSettings:
    reach_km: float
    band_edges: tuple[float, ...] = BAND_EDGES
    window_s: float = 20.0
    ratio: float = 4.0
    min_excess: int = 20
    min_stations: int = 4
    explained_share: float = 0.5
    range_slope: float = 0.0


def predicted(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, event_atmosphere: np.ndarray,
              st_x: np.ndarray, st_y: np.ndarray, range_slope: float) -> tuple[np.ndarray, np.ndarray]:
    """Each event's distance to each station and predicted arrival there, both (events, stations)."""
    n, m = len(x_km), len(st_x)
    if n == 0 or m == 0:
        return np.zeros((n, m)), np.zeros((n, m))
    c, wx, wy = (event_atmosphere[:, k][:, None] for k in range(3))
    sx, sy = st_x[None, :], st_y[None, :]
    distance = np.hypot(sx - x_km[:, None], sy - y_km[:, None])
    arrival = t0_s[:, None] + travel_times(sx, sy, x_km[:, None], y_km[:, None], c, wx, wy, range_slope)
    return distance, arrival


def _offsets(arrival: np.ndarray, pairs: tuple[np.ndarray, ...], pick_time: np.ndarray,
             station_pick_start: np.ndarray, usable: np.ndarray, window_s: float) -> tuple[np.ndarray, np.ndarray,
                                                                                         np.ndarray]:
    """For the (event, station) ``pairs``: the usable picks at the station within ``window_s`` of the event's
    predicted arrival there, as (pair index, pick, offset) rows."""
    rows_pair: list[np.ndarray] = []
    rows_pick: list[np.ndarray] = []
    for k, (i, s) in enumerate(zip(*pairs)):
        lo, hi = station_pick_start[s], station_pick_start[s + 1]
        t = arrival[i, s]
        a = lo + int(np.searchsorted(pick_time[lo:hi], t - window_s))
        b = lo + int(np.searchsorted(pick_time[lo:hi], t + window_s))
        found = np.arange(a, b)[usable[a:b]]
        if len(found):
            rows_pair.append(np.full(len(found), k))
            rows_pick.append(found)
    if not rows_pair:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    pair = np.concatenate(rows_pair)
    pick = np.concatenate(rows_pick)
    return pair, pick, pick_time[pick] - arrival[pairs[0][pair], pairs[1][pair]]


def above_chance(count: float, chance: float, *, ratio: float, min_excess: int) -> bool:
    """Whether a band's count of picks is heard: at least ``ratio`` times the chance count and ``min_excess`` above it
    (the gate of this step and of ``ghosts``' later trains)."""
    return bool(count >= ratio * chance and count - chance >= min_excess)


def read_band(offsets: np.ndarray, low_km: float, high_km: float, settings: FarSettings) -> FarBand:
    """Whether the band's stations hear the events: the excess of offsets near 0 over the floor beyond
    ``window_s / 2`` (picks per second of offset), at the tolerance that gains most."""
    half = settings.window_s / 2.0
    floor = np.count_nonzero(np.abs(offsets) > half) / (2.0 * (settings.window_s - half))
    best: FarBand | None = None
    for tolerance in TOLERANCES_S:
        within = int(np.count_nonzero(np.abs(offsets) <= tolerance))
        chance = floor * 2.0 * tolerance
        heard = above_chance(within, chance, ratio=settings.ratio, min_excess=settings.min_excess)
        band = FarBand(low_km=low_km, high_km=high_km, tolerance_s=tolerance, within=within, chance=chance, heard=heard)
        if best is None or within - 2.0 * chance > best.within - 2.0 * best.chance:
            best = band
    assert best is not None
    return best


def far_events(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, n_stations: np.ndarray, picks: np.ndarray,
               event_atmosphere: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray,
               station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
               settings: FarSettings) -> FarEvents:
    """Read the far bands from the free picks, then drop the events whose picks are other events' far arrivals
    (module docstring). ``picks``: each event's picks (kernel positions, -1 padded)."""
    n = len(t0_s)
    holder = np.full(len(pick_time), -1, dtype=np.int64)
    rows, cols = np.nonzero(picks >= 0)
    holder[picks[rows, cols]] = rows
    distance, arrival = predicted(x_km, y_km, t0_s, event_atmosphere, st_x, st_y, settings.range_slope)
    edges = [settings.reach_km * e for e in settings.band_edges]
    bands: list[FarBand] = []
    tolerance = np.full((n, len(st_x)), -1.0)
    for low, high in zip(edges[:-1], edges[1:]):
        in_band = (distance > low) & (distance <= high)
        pairs = np.nonzero(in_band)
        _, _, offsets = _offsets(arrival, pairs, pick_time, station_pick_start, holder < 0, settings.window_s)
        band = read_band(offsets, low, high, settings)
        bands.append(band)
        if band.heard:
            tolerance[in_band] = band.tolerance_s
    keep = np.ones(n, dtype=bool)
    explained_by = np.full(n, -1, dtype=np.int64)
    no_pick = np.zeros(0, np.int64)
    if not any(b.heard for b in bands) or n == 0:
        return FarEvents(keep=keep, explained_by=explained_by, far_pick=no_pick, far_event=no_pick, bands=tuple(bands))
    heard_pairs = np.nonzero(tolerance >= 0.0)
    pair, pick, offset = _offsets(arrival, heard_pairs, pick_time, station_pick_start, holder >= 0,
                                  max(TOLERANCES_S))
    source = heard_pairs[0][pair]
    close = np.abs(offset) <= tolerance[heard_pairs][pair]
    source, pick = source[close], pick[close]
    far_pick: list[int] = []
    far_event: list[int] = []
    for f in np.argsort(-np.asarray(n_stations), kind="stable"):
        own = picks[f][picks[f] >= 0]
        if len(own) == 0:
            continue
        by = {}
        for p in own:
            candidates = source[(pick == p)]
            candidates = candidates[(candidates != f) & keep[candidates] & (n_stations[candidates] >= n_stations[f])]
            if len(candidates):
                by[int(p)] = int(candidates[np.argmax(n_stations[candidates])])
        unexplained = len(np.unique(pick_station[[p for p in own if int(p) not in by]]))
        explained = len(np.unique(pick_station[list(by)])) if by else 0
        if by and unexplained < settings.min_stations and explained >= settings.explained_share * n_stations[f]:
            keep[f] = False
            explained_by[f] = max(set(by.values()), key=list(by.values()).count)
            for p, e in by.items():
                far_pick.append(p)
                far_event.append(e)
    return FarEvents(keep=keep, explained_by=explained_by, far_pick=np.asarray(far_pick, dtype=np.int64),
                     far_event=np.asarray(far_event, dtype=np.int64), bands=tuple(bands))


def far_events_of(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray,
                  range_slope: float) -> FarEvents:
    """:func:`far_events` on a batch pass (``FusionConfig.far_picks``)."""
    n = len(result.t0_s)
    settings = FarSettings(reach_km=config.reach_km, band_edges=tuple(config.far_band_edges),
                           window_s=config.far_window_s, ratio=config.far_ratio, min_excess=config.far_min_excess,
                           min_stations=config.min_stations, explained_share=config.far_explained_share,
                           range_slope=range_slope)
    return far_events(result.x_km, result.y_km, result.t0_s, result.n_stations, result.picks,
                      atmosphere[result.block, result.tile].reshape(n, 3), prep.pick_time, prep.pick_station,
                      prep.station_pick_start, prep.network.x_km, prep.network.y_km, settings)
