"""Later arrival trains of a located source, read from the run (``FusionConfig.later_trains``, batch only, on by
default; run by ``events.to_tables`` after the place rounds).

Infrasound reaches a station along more than one path: the direct (tropospheric) arrival and, beyond a few kilometres,
later trains ducted between the ground and a turning height or reflected off terrain, whose delay after the first
arrival grows with range (Blom and Waxler 2012, JASA 131, 3680; Waxler, Gilbert and Talmadge 2006; Negraru, Golden and
Herrin 2010, SRL 81(4)). A picker that picks each train gives the search a second, later copy of a source's arrivals at
its farther stations, and these combine into an event of their own a second or so after the source, near its place
(a "ghost"; docs/fusion.md, "Session 21 (sim21)" and "Session 23 (ghost23)").

Timing alone does not tell a ghost from a second round fired at the same place a second later (session 21 tried: v7
lost 16 true events). What does is *where* and *in which order* the run hears the later picks:

* a later train follows its source at a station, it never precedes it; a second round heard at a station is as often
  the earlier as the later of the pair (either may be the stronger one). So the picks near a located event's own pick
  at a station are read on both sides: after it within ``(min_delay_s, w]`` and before it within ``[-w, -min_delay_s)``;
  the count before (or the floor of offsets beyond ``window_s / 2``, whichever is larger) is chance;
* near the source the paths' delays are shorter than the picker's dead time, so trains are heard, if at all, at range:
  the run is read per range band (``band_edges``, in units of the reach), and each band keeps the window ``w`` that
  gains most (``after - 2 chance``; the delays grow with range, so the far bands keep longer windows).

The picks read are the free ones (``read_weaker``: those of weaker events too; off, since a second round heard at
fewer stations than the first would then read as a train). A band is **heard** when its count after is at least
``ratio`` times chance and exceeds it by ``min_excess`` picks. Where no band is heard nothing changes (on our
scenarios the counts before and after are alike: their second rounds, not trains). With ``swapped`` (off), a pick
preceding a stronger event's own pick at its place by a band's window counts too (one source's arrivals split between
two events, the later one holding the first arrival).

Then an event is **a later train** of another when its picks, but fewer than ``min_stations`` stations' worth, and at
least ``explained_share`` of its stations' picks follow, by ``(min_delay_s, w]`` of a heard band, the first pick of a
kept event heard at as many stations or more at that station (its predicted arrival where it holds none): events are
taken from the most stations down. Picks at stations of a band not heard (the near ones) are never explained, so an
event heard near its place (a second round is heard best at the stations nearest it) stays. A later train is dropped;
its picks are left free. Amplitudes are not used: a later train may be weaker or stronger than the first arrival (a
duct focuses), and a simulator that copies the first arrival's level would make them a tell that real data need not
give.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from truceline.fuse.farpicks import above_chance, predicted

if TYPE_CHECKING:
    from truceline.fuse.engine import FusionConfig, PassResult, Prepared

BAND_EDGES = (0.0, 0.25, 0.5, 0.75, 1.0)
"""The range bands, in units of the reach: a band is read (heard or not) on its own."""
WINDOWS_S = (1.0, 2.0, 3.0, 5.0)
"""The windows after an event's pick tried in each band; the one gaining most is kept."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainBand:
    """One range band's reading: its ranges, the window kept, the picks after and before within it and the chance
    count (the larger of the count before and the floor's); heard or not."""

    low_km: float
    high_km: float
    window_s: float
    after: int
    before: int
    chance: float
    heard: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class LaterTrains:
    """The outcome: the events kept (mask), each dropped event's source event (-1 for kept ones), the bands read."""

    keep: np.ndarray
    source: np.ndarray
    bands: tuple[TrainBand, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainSettings:
    reach_km: float
    band_edges: tuple[float, ...] = BAND_EDGES
    window_s: float = 20.0
    min_delay_s: float = 0.3
    ratio: float = 4.0
    min_excess: int = 20
    min_stations: int = 4
    explained_share: float = 0.67
    read_weaker: bool = False
    swapped: bool = False
    swapped_km: float = 1.0
    range_slope: float = 0.0


def read_band(offsets: np.ndarray, low_km: float, high_km: float, settings: TrainSettings) -> TrainBand:
    """Whether the band's stations hear later trains: the offsets (pick minus an event's own pick there) after it
    against those before it and the floor beyond ``window_s / 2``, at the window that gains most."""
    half = settings.window_s / 2.0
    floor = np.count_nonzero(np.abs(offsets) >= half) / (2.0 * (settings.window_s - half))
    best: TrainBand | None = None
    for window in WINDOWS_S:
        after = int(np.count_nonzero((offsets > settings.min_delay_s) & (offsets <= window)))
        before = int(np.count_nonzero((offsets < -settings.min_delay_s) & (offsets >= -window)))
        chance = max(float(before), floor * (window - settings.min_delay_s))
        heard = above_chance(after, chance, ratio=settings.ratio, min_excess=settings.min_excess)
        band = TrainBand(low_km=low_km, high_km=high_km, window_s=window, after=after, before=before, chance=chance,
                         heard=heard)
        if best is None or after - 2.0 * chance > best.after - 2.0 * best.chance:
            best = band
    assert best is not None
    return best


def _near(reference: np.ndarray, pairs: tuple[np.ndarray, ...], pick_time: np.ndarray,
          station_pick_start: np.ndarray, window_s: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the (event, station) ``pairs``: the picks at the station within ``window_s`` of the reference time, as
    (pair index, pick, offset) rows."""
    rows_pair: list[np.ndarray] = []
    rows_pick: list[np.ndarray] = []
    for k, (i, s) in enumerate(zip(*pairs)):
        lo, hi = station_pick_start[s], station_pick_start[s + 1]
        t = reference[i, s]
        a = lo + int(np.searchsorted(pick_time[lo:hi], t - window_s))
        b = lo + int(np.searchsorted(pick_time[lo:hi], t + window_s, side="right"))
        if b > a:
            rows_pair.append(np.full(b - a, k))
            rows_pick.append(np.arange(a, b))
    if not rows_pair:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    pair = np.concatenate(rows_pair)
    pick = np.concatenate(rows_pick)
    return pair, pick, pick_time[pick] - reference[pairs[0][pair], pairs[1][pair]]


def later_trains(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, n_stations: np.ndarray, picks: np.ndarray,
                 event_atmosphere: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray,
                 station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
                 settings: TrainSettings) -> LaterTrains:
    """Read the later trains from the run, then drop the events made of a stronger event's later trains (module
    docstring). ``picks``: each event's picks (kernel positions, -1 padded)."""
    n, m = len(t0_s), len(st_x)
    n_stations = np.asarray(n_stations)
    holder = np.full(len(pick_time), -1, dtype=np.int64)
    rows, cols = np.nonzero(picks >= 0)
    holder[picks[rows, cols]] = rows
    distance, reference = predicted(x_km, y_km, t0_s, event_atmosphere, st_x, st_y, settings.range_slope)
    # each event's first pick at a station is its reference there; its predicted arrival where it holds none
    first = np.full((n, m), np.inf)
    np.minimum.at(first, (rows, pick_station[picks[rows, cols]]), pick_time[picks[rows, cols]])
    held = np.isfinite(first)
    reference = np.where(held, first, reference)
    edges = [settings.reach_km * e for e in settings.band_edges]
    bands: list[TrainBand] = []
    window = np.full((n, m), -1.0)
    for low, high in zip(edges[:-1], edges[1:]):
        in_band = (distance > low) & (distance <= high)
        pairs = np.nonzero(in_band & held)
        pair, pick, offset = _near(reference, pairs, pick_time, station_pick_start, settings.window_s)
        event = pairs[0][pair]
        other = holder[pick]
        usable = (other != event) & ((other < 0) | (settings.read_weaker
                                                     & (n_stations[np.maximum(other, 0)] < n_stations[event])))
        band = read_band(offset[usable], low, high, settings)
        bands.append(band)
        if band.heard:
            window[in_band] = band.window_s
    keep = np.ones(n, dtype=bool)
    source = np.full(n, -1, dtype=np.int64)
    if n == 0 or not any(b.heard for b in bands):
        return LaterTrains(keep=keep, source=source, bands=tuple(bands))
    heard_pairs = np.nonzero(window >= 0.0)
    pair, pick, offset = _near(reference, heard_pairs, pick_time, station_pick_start, max(WINDOWS_S))
    tolerance = window[heard_pairs][pair]
    follows = (offset > settings.min_delay_s) & (offset <= tolerance) & (holder[pick] >= 0)
    if settings.swapped:
        # one source's arrivals split between two events at its place, the later event holding the first arrival
        # and the source its train: a pick preceding the source's own pick there (not its prediction) by the window
        own_pick = held[heard_pairs][pair]
        a, f = heard_pairs[0][pair], np.maximum(holder[pick], 0)
        at_place = ((np.hypot(x_km[f] - x_km[a], y_km[f] - y_km[a]) <= settings.swapped_km)
                    & (np.abs(t0_s[f] - t0_s[a]) <= max(WINDOWS_S)))
        follows |= (own_pick & at_place & (offset < -settings.min_delay_s) & (offset >= -tolerance)
                    & (holder[pick] >= 0))
    by_event, pick = heard_pairs[0][pair][follows], pick[follows]
    order = np.argsort(pick, kind="stable")  # the rows by pick, each pick's candidates found by bisection
    by_event, pick = by_event[order], pick[order]
    for f in np.argsort(-n_stations, kind="stable"):
        own = picks[f][picks[f] >= 0]
        if len(own) == 0:
            continue
        by: dict[int, int] = {}
        for p in own:
            candidates = by_event[np.searchsorted(pick, p):np.searchsorted(pick, p, side="right")]
            candidates = candidates[(candidates != f) & keep[candidates] & (n_stations[candidates] >= n_stations[f])]
            if len(candidates):
                by[int(p)] = int(candidates[np.argmax(n_stations[candidates])])
        if not by:
            continue
        unexplained = len(np.unique(pick_station[[p for p in own if int(p) not in by]]))
        explained = len(np.unique(pick_station[list(by)]))
        if unexplained < settings.min_stations and explained >= settings.explained_share * n_stations[f]:
            keep[f] = False
            sources = list(by.values())
            source[f] = max(sorted(set(sources)), key=sources.count)
    return LaterTrains(keep=keep, source=source, bands=tuple(bands))


def later_trains_of(prep: Prepared, config: FusionConfig, result: PassResult, event_atmosphere: np.ndarray,
                    range_slope: float) -> LaterTrains:
    """:func:`later_trains` on the batch's events (``FusionConfig.later_trains``; ``events.to_tables``, after the
    place rounds); ``event_atmosphere``: each event's (celerity, wind x, wind y)."""
    settings = TrainSettings(reach_km=config.reach_km, band_edges=tuple(config.train_band_edges),
                             window_s=config.train_window_s, min_delay_s=config.train_min_delay_s,
                             ratio=config.train_ratio, min_excess=config.train_min_excess,
                             min_stations=config.min_stations, explained_share=config.train_explained_share,
                             read_weaker=config.train_read_weaker, swapped=config.train_swapped,
                             range_slope=range_slope)
    return later_trains(result.x_km, result.y_km, result.t0_s, result.n_stations, result.picks,
                        np.asarray(event_atmosphere).reshape(len(result.t0_s), 3), prep.pick_time, prep.pick_station,
                        prep.station_pick_start, prep.network.x_km, prep.network.y_km, settings)
