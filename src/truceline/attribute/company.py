"""Was anything else heard at a few-pick event's stations, around its picks? (issue #4, session 27, merge27.)

The few-picks prior (``attribution.FewPicksConfig``) takes an unpaired event located from four or five picks to be the
fusion's chimera with a fixed prior: a coincidence of other sources' picks that fit one place and time. A chimera is made
of *other sources'* sound, so the stations that picked it heard those sources; where they are the rounds of a salvo (the
merges that hold the operating point on `violation` seeds 8 and 10-13: launches T8-T10 of one battery and a pick of their
impact; four picks of one launch and one of the next round's impact; two impacts of one volley), each station that picked
one round picked its other rounds too, seconds apart. A round of its own heard at stations that picked nothing else
within the window (a lone drone munition's impact, far from any fire) cannot be such a merge: no other sound was there
to be merged. So the prior is weighed only where the event's picks have *company*: at least ``min_stations`` of its
stations hold another pick (any: located as another event's, or left over) within ``window_s`` of its own.

On `violation` fused s7-s13, the seven merges that the prior moves (s8 E000047, E000508; s10 E000381; s11 E000008,
E000550; s12 E000037; s13 E000098) have company at 2-5 of their 4-5 stations; eight of the eleven true rounds it moves
(s7 E000031, E000594; s8 E000002, E000004, E000547; s9 E000024, E000468; s12 E000279) at none or one, the other three
(s7 E000360, s10 E000148, E000286: rounds of busy fire) at four or five. Clutter chimeras (random picks that line up) need
no company and keep the prior only where they have it; the count is of picks, not of located events, so a salvo whose
other rounds were too faint to locate still counts.

A second reading of the same picks: a *volley mate* (another located event within the pairing's volley window and
radius) spares an event from the prior as a round of repeated fire at its place (``FewPicksConfig.spare_salvo_mates``).
If the mate's predicted arrivals fit the event's picks at stations where the mate has no pick of its own (a station
hears a source once), the mate is not a fellow round but the source of those picks: the event is made of its
neighbour's leftover arrivals and, where fewer than the picks a location needs remain, the mate spares nothing
(:func:`mates_explaining`; s13 E000375, picks of T446 and T447 beside E000376, T447's event, 0.8 km and 1.9 s away,
whose predicted arrivals two of its five picks fit where E000376 has no pick).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from truceline.attribute.physics import distance_m

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyConfig:
    window_s: float = 30.0  # another pick at the same station within this many seconds is company (a salvo's spread)
    min_stations: int = 2  # company at fewer of the event's stations is chance (clutter, a far source's arrival)
    # A mate explains a pick when its predicted arrival (``t + d / c``) is within 3 sigma of the pick, sigma from the pick's
    # and the path's errors (the locations' own errors are not added: a fellow round a few seconds later must not fit).
    celerity_m_per_s: float = 343.0
    celerity_error: float = 0.005
    pick_sigma_s: float = 0.3
    # A volley mate spares the event unless the mates' missing arrivals explain some of its picks and fewer than this many
    # remain (four: the fewest the fusion locates from, three for x, y and t and one test); None: mates spare as before.
    min_own_picks: int | None = 4


def stations_in_company(pick_station: Sequence[NDArray[np.intp]], pick_time: Sequence[FloatArray],
                        all_station: NDArray[np.intp], all_time: FloatArray, window_s: float) -> NDArray[np.int64]:
    """Per event (its picks' stations ``pick_station[i]`` and times ``pick_time[i]``), how many of its stations hold another
    pick of the run (``all_station``, ``all_time``: every pick, assigned or not) within ``window_s`` of its own pick
    there. The event's own pick is not company (it is found in the run's picks at zero lag and skipped once)."""
    by_station: dict[int, FloatArray] = {}
    order = np.lexsort((all_time, all_station))
    stations, times = np.asarray(all_station)[order], np.asarray(all_time, dtype=np.float64)[order]
    bounds = np.flatnonzero(np.diff(stations)) + 1
    for chunk_s, chunk_t in zip(np.split(stations, bounds), np.split(times, bounds)):
        if chunk_s.size:
            by_station[int(chunk_s[0])] = chunk_t
    out = np.zeros(len(pick_station), dtype=np.int64)
    for i, (sta, tim) in enumerate(zip(pick_station, pick_time)):
        for s, t in zip(map(int, sta), map(float, tim)):
            heard = by_station.get(s)
            if heard is None:
                continue
            lo = int(np.searchsorted(heard, t - window_s, side="left"))
            hi = int(np.searchsorted(heard, t + window_s, side="right"))
            own = int(np.count_nonzero(heard[lo:hi] == t))
            out[i] += int(hi - lo - min(own, 1) > 0)
    return out


def mates_explaining(i: int, mates: Sequence[int], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                     pick_station: Sequence[NDArray[np.intp]], pick_time: Sequence[FloatArray],
                     station_lat: FloatArray, station_lon: FloatArray, config: CompanyConfig) -> int:
    """How many of event ``i``'s picks fit the predicted arrival of one of its ``mates`` at a station where that mate has
    no pick of its own (module documentation): the mate's missing arrivals, which are not ``i``'s evidence."""
    mates = [int(m) for m in mates if int(m) != i]
    if not mates:
        return 0
    m_idx = np.asarray(mates, dtype=np.intp)
    own = [set(map(int, pick_station[m])) for m in mates]
    explained = 0
    for s, t in zip(map(int, pick_station[i]), map(float, pick_time[i])):
        d = distance_m(lat[m_idx], lon[m_idx], np.full(m_idx.size, station_lat[s]), np.full(m_idx.size, station_lon[s]))
        travel = d / config.celerity_m_per_s
        tolerance = 3.0 * np.sqrt(config.pick_sigma_s ** 2 + (config.celerity_error * travel) ** 2)
        fits = np.abs(t - (time_s[m_idx] + travel)) <= tolerance
        explained += int(any(bool(f) and s not in own[k] for k, f in enumerate(fits)))
    return explained


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPicks:
    """The run's picks as the company tests read them: per event its picks' stations and times, and every pick's."""

    station: tuple[NDArray[np.intp], ...]
    time: tuple[FloatArray, ...]
    all_station: NDArray[np.intp]
    all_time: FloatArray
    station_lat: FloatArray
    station_lon: FloatArray


def event_picks(event_ids: Sequence[str], picks: pa.Table, stations: pa.Table, assignments: pa.Table) -> EventPicks:
    """Index the ``picks`` table (pick_id, station_id, time) by station (``stations`` order) and by event
    (``assignments``: pick_id, event_id); picks at stations not in ``stations`` are left out."""
    station_index = {str(s): k for k, s in enumerate(stations["station_id"].to_pylist())}
    at: dict[str, tuple[int, float]] = {}
    for p, s, t in zip(picks["pick_id"].to_pylist(), picks["station_id"].to_pylist(), picks["time"].to_pylist()):
        k = station_index.get(str(s), -1)
        if k >= 0 and t is not None:
            at[str(p)] = (k, float(t))
    index = {e: k for k, e in enumerate(event_ids)}
    sta: list[list[int]] = [[] for _ in event_ids]
    tim: list[list[float]] = [[] for _ in event_ids]
    for p, e in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
        k, found = index.get(str(e), -1), at.get(str(p))
        if k >= 0 and found is not None:
            sta[k].append(found[0])
            tim[k].append(found[1])
    every = list(at.values())
    return EventPicks(station=tuple(np.asarray(s, dtype=np.intp) for s in sta), time=tuple(np.asarray(t, dtype=np.float64) for t in tim),
                      all_station=np.asarray([s for s, _ in every], dtype=np.intp),
                      all_time=np.asarray([t for _, t in every], dtype=np.float64),
                      station_lat=np.asarray(stations["lat"].to_pylist(), dtype=np.float64),
                      station_lon=np.asarray(stations["lon"].to_pylist(), dtype=np.float64))


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyEvidence:
    spared: NDArray[np.bool_]  # per event: kept out of the few-picks prior (no company, or a volley mate that is not its source)
    company: NDArray[np.int64]  # per event: its stations holding another pick within the window
    explained: NDArray[np.int64]  # per event with volley mates: its picks that a mate's missing arrivals explain


def company_evidence(picked: EventPicks, time_s: FloatArray, lat: FloatArray, lon: FloatArray, groups: NDArray[np.int64],
                     mated: NDArray[np.bool_], config: CompanyConfig) -> CompanyEvidence:
    """Which events the few-picks prior spares (module documentation): those whose picks have company at fewer than
    ``config.min_stations`` stations, and those ``mated`` (a volley mate spares them: ``groups``, the volley labels, -1
    alone) unless their mates explain some of their picks and fewer than ``config.min_own_picks`` remain."""
    n = len(picked.station)
    company = stations_in_company(picked.station, picked.time, picked.all_station, picked.all_time, config.window_s)
    explained = np.zeros(n, dtype=np.int64)
    spared = company < config.min_stations
    members: dict[int, list[int]] = {}
    for i, g in enumerate(map(int, groups[:n])):
        if g >= 0:
            members.setdefault(g, []).append(i)
    for i in map(int, np.flatnonzero(np.asarray(mated[:n], dtype=bool))):
        if config.min_own_picks is not None:
            explained[i] = mates_explaining(i, members.get(int(groups[i]), []), time_s, lat, lon, picked.station, picked.time,
                                            picked.station_lat, picked.station_lon, config)
            if explained[i] > 0 and picked.station[i].size - explained[i] < config.min_own_picks:
                continue
        spared[i] = True
    return CompanyEvidence(spared=spared, company=company, explained=explained)
