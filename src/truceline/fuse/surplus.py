"""More events than rounds heard: the surplus of a dense train removed (``FusionConfig.surplus_rounds``, batch only).

In a rocket ripple (a round every 0.5 s, the impacts scattered over 2-3 km) or a battery's quick train, the stations
hear ``k`` arrivals in the train's window and the one-pick-per-station search may make more than ``k`` events of them:
its events take the arrivals in a shuffled order (a round's event holds a neighbour round's arrival at half of its
stations), and the arrivals they pass over combine into one more consistent but wrong source near the train
(docs/fusion.md, "Session 18 (leftover18)": on `heavy` 0.25 h the picks of such events are real arrivals of rounds
other events found, almost never clutter or a second pick of one arrival). No test on one event's picks tells it
from a true round of the train, as every event of the train holds its mates' arrivals alike. The *count* does:

* the events are linked by single linkage within ``link_km`` and ``link_s`` of origin time into trains;
* a train of at least ``min_events`` events, heard by a median of at least ``train_stations`` stations a round (loud
  rounds: the nearest stations hear each of them; where rounds are heard by few stations the nearest may miss some,
  and the count is no bound), is heard at each station within ``reach_km`` as the picks inside its window there:
  from the earliest predicted arrival of its events to the latest, widened by ``slack_s`` plus ``kappa`` of the
  travel time; picks held by events outside the train are not counted (another source's arrivals);
* the train's count ``k`` is the ``count_quantile`` of the counts at the ``count_stations`` stations nearest its
  centre that heard it at all (the largest by default; clutter only raises a count: the test errs towards keeping);
* when the train holds more than ``k`` events, the weakest (fewest stations, then largest misfit per pick) heard at
  ``min_stations`` stations or more whose picks lie at stations where another event of the train holds a pick
  (``shared_share`` of them or more: an event heard where its mates were not adds evidence of its own) are removed,
  ``n - k`` at most; their picks are left free.

The train's other events already stand for as many rounds as the stations heard, so a round whose event is removed
is still matched by one of its mates. What the count cannot see: two rounds whose arrivals a picker merged at every
nearest station (the foreign simulator's launchers firing in pairs), hence the guards.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.refine import clusters
from truceline.fuse.trainlevel import TrainLevel, train_level


@dataclass(frozen=True, slots=True)
class TrainCount:
    """One train's count (for the diagnostics): its events, the count, the events removed."""

    members: np.ndarray
    count: int
    removed: np.ndarray


def surplus_events(x: np.ndarray, y: np.ndarray, t0: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray,
                   pick_time: np.ndarray, pick_station: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, *,
                   misfit: np.ndarray | None = None, link_km: float = 3.0, link_s: float = 2.0, min_events: int = 3,
                   train_stations: float = 15.0, reach_km: float = 38.0, count_stations: int = 5,
                   count_quantile: float = 1.0, slack_s: float = 0.5, kappa: float = 0.025, min_stations: int = 8,
                   shared_share: float = 0.8, choice: str = "weakest", log_amplitude: np.ndarray | None = None,
                   level_z: float | None = None, level_outside: bool = False, join_made: bool = False,
                   join_share: float = 0.8,
                   report: list[TrainCount] | None = None) -> np.ndarray:
    """Which events to keep (module docstring). ``picks``: each event's pick rows; ``event_atmosphere``: (n, 3) each
    event's ``(c, wx, wy)`` in km/s; ``misfit``: each event's misfit per pick (orders the weakest), optional;
    ``report`` collects each tested train's count. ``choice``: ``"weakest"`` removes the eligible events in order of
    weakness; ``"nearest"`` removes, one at a time, the eligible event nearest (in space) to a kept mate, the first in
    order of weakness among equals: the duplicate of a mate's round rather than a round standing apart; ``"farthest"``
    removes the eligible events farthest from the train's median place first (a train's rounds are one battery's or
    one target's, and a mixture of their arrivals is located off that place along the distance-time trade-off: on
    `heavy` 0.25 h 6 of the 7 events it removes are false, against 3 of 7 for ``"weakest"``). In a dense
    train the events hold their mates' arrivals alike (docs/fusion.md, "Session 18 (leftover18b)"), so which of two
    events goes decides mostly which one stands for their rounds. ``join_made`` (with ``level_outside``): the events
    away from the train's place and made of its arrivals, whose level picks the count takes for the train's rounds,
    join the train's events in the comparison with the count and go first (``_joined``)."""
    n = len(t0)
    keep = np.ones(n, dtype=bool)
    if n < min_events:
        return keep
    holder = np.full(len(pick_time), -1, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    labels = clusters(x, y, t0, distance_km=link_km, time_s=link_s)
    n_stations = np.array([len(np.unique(pick_station[p])) for p in picks])
    misfit_of = np.zeros(n) if misfit is None else np.asarray(misfit, dtype=float)
    by_station = np.argsort(pick_station, kind="stable")
    station_start = np.searchsorted(pick_station[by_station], np.arange(len(st_x) + 1))
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < min_events or float(np.median(n_stations[members])) < train_stations:
            continue
        mine = np.zeros(n, dtype=bool)
        mine[members] = True
        level = (train_level(members, picks, pick_station, log_amplitude, z=level_z)
                 if log_amplitude is not None and level_z is not None else None)
        counts, made = _counts(members, mine, x, y, t0, event_atmosphere, pick_time, holder, st_x, st_y, by_station,
                               station_start, reach_km=reach_km, count_stations=count_stations, slack_s=slack_s,
                               kappa=kappa, level=level, log_amplitude=log_amplitude, level_outside=level_outside,
                               place_km=link_km, pick_station=pick_station)
        if not counts:
            continue
        k = int(np.sort(counts)[int(np.floor(count_quantile * (len(counts) - 1)))])
        removed: list[int] = []
        joined = (_joined(made, keep, picks, pick_station, counts_at=level, share=join_share)
                  if join_made and made is not None else [])
        total = len(members) + len(joined)
        for j in joined:  # the mixtures off the place first: each stands for no round of its own
            if total - len(removed) <= k:
                break
            keep[j] = False
            removed.append(j)
        if total - len(removed) > k:
            held = {int(j): set(pick_station[picks[j]].tolist()) for j in members}
            off = (np.array([level.off_level_share(picks[j], pick_station, log_amplitude) for j in members])
                   if level is not None and log_amplitude is not None else np.zeros(len(members)))
            made_of_weak = off >= 0.5  # an event made of arrivals below the train's level: not a round of it
            if choice == "farthest":  # a mixture of the mates' arrivals is located off the rounds' common place
                off_place = np.hypot(x[members] - np.median(x[members]), y[members] - np.median(y[members]))
                order = members[np.lexsort((members, -off_place, ~made_of_weak))].tolist()
            else:
                order = members[np.lexsort((members, -misfit_of[members], n_stations[members], ~made_of_weak))].tolist()
            weak_of = dict(zip(members.tolist(), made_of_weak.tolist()))

            def eligible(j: int) -> bool:
                if not keep[j]:
                    return False
                if n_stations[j] < min_stations and not weak_of[j]:
                    return False  # a quiet round: the nearest stations' count may have missed it as well
                others = set().union(*(held[m] for m in members.tolist() if m != j and keep[m]))
                return bool(np.isin(pick_station[picks[j]], list(others)).mean() >= shared_share)

            target = total - k  # removals in all, the joined ones' included
            if choice == "nearest":
                while len(removed) < target:
                    candidates = [j for j in order if eligible(j)]
                    if not candidates:
                        break
                    gaps = [min(float(np.hypot(x[j] - x[m], y[j] - y[m])) for m in members.tolist()
                                if m != j and keep[m]) for j in candidates]
                    j = candidates[int(np.argmin(gaps))]  # the first (weakest) of the nearest
                    keep[j] = False
                    removed.append(j)
            else:
                for j in order:
                    if len(removed) >= target:
                        break
                    if eligible(j):
                        keep[j] = False
                        removed.append(j)
        if report is not None:
            report.append(TrainCount(members=members, count=k, removed=np.array(removed, dtype=np.int64)))
    return keep


def _counts(members: np.ndarray, mine: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray,
            event_atmosphere: np.ndarray, pick_time: np.ndarray, holder: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
            by_station: np.ndarray, station_start: np.ndarray, *, reach_km: float, count_stations: int, slack_s: float,
            kappa: float, level: TrainLevel | None = None, log_amplitude: np.ndarray | None = None,
            level_outside: bool = False, place_km: float = 3.0,
            pick_station: np.ndarray | None = None) -> tuple[list[int], np.ndarray | None]:
    """The train's count at each of the ``count_stations`` stations nearest its centre that heard it: the picks in
    its window there that no event outside it holds (and, with ``level``, not far weaker than the train's level).

    ``level_outside``: where the level is read at the station, a pick held by an event *away from the train's place*
    (farther than ``place_km`` from every member) and *made of the train's arrivals* (half of its picks or more in
    the train's windows at its stations, at its level where read: ``_made_of_train``) is counted when it is at the
    train's level. Such a holder stands for no round of its own: on the stand-in s3 the train of 9 events at 404-410 s (14 impacts, 12 of them among its
    picks) had 3-5 arrivals of its own rounds in its window at each nearest station held by events 6-26 km away and
    13-74 s earlier (8 of those 10 false: mixtures along the distance-time trade-off), the count fell to 8 and a true
    round's event went (docs/fusion.md, "Session 27 (surplus27)"). Holders of level arrivals that are not made of
    the train's arrivals are other sources' events (on `heavy` h025, 19 of the 77 level arrivals held outside the
    trains at their counting stations are other sources' own arrivals, held by their matched events 8 km away) or
    hold one swapped arrival of the train while standing for their own round: they keep it, as before. An event
    *at* the place but outside the train (a later train of the same battery, beyond the link in origin time)
    stands for its own round there: not counted either. Returns the counts and, with ``level_outside``, each event's
    share of picks made of the train's arrivals where it is away from the place (0 elsewhere; ``None`` without it)."""
    cx, cy = float(np.median(x[members])), float(np.median(y[members]))
    distance = np.hypot(st_x - cx, st_y - cy)
    away = made = None
    stations = np.flatnonzero(distance <= reach_km)
    stations = stations[np.argsort(distance[stations], kind="stable")]
    lo, hi = _windows(members, x, y, t0, event_atmosphere[members], st_x, st_y, stations, slack_s=slack_s, kappa=kappa)
    if level_outside and level is not None and log_amplitude is not None and pick_station is not None:
        # away from the place (farther than ``place_km`` from every member) and made of the train's arrivals
        gap = np.hypot(x[:, None] - x[members][None, :], y[:, None] - y[members][None, :]).min(axis=1)
        made = np.where((gap > place_km) & ~mine, _made_of_train(lo, hi, pick_time, pick_station, holder, level,
                                                                 log_amplitude, n_events=len(x)), 0.0)
        away = made >= 0.5
    counts: list[int] = []
    for st in stations.tolist():
        rows = by_station[station_start[st]:station_start[st + 1]]
        rows = rows[(pick_time[rows] >= lo[st]) & (pick_time[rows] <= hi[st])]
        ours = (holder[rows] < 0) | mine[np.maximum(holder[rows], 0)]
        if away is not None and level is not None and st in level.station_level:
            ours |= away[np.maximum(holder[rows], 0)] & (holder[rows] >= 0)  # level-gated below
        rows = rows[ours]
        if level is not None and log_amplitude is not None:
            rows = level.at_level(st, rows, log_amplitude)
        if len(rows):
            counts.append(len(rows))
            if len(counts) >= count_stations:
                break
    return counts, made


def _windows(members: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray, atm: np.ndarray, st_x: np.ndarray,
             st_y: np.ndarray, stations: np.ndarray, *, slack_s: float, kappa: float) -> tuple[np.ndarray, np.ndarray]:
    """The train's window at each of ``stations`` (empty elsewhere): from the earliest predicted arrival of its
    events to the latest, widened by ``slack_s`` plus ``kappa`` of the longest travel time."""
    lo = np.full(len(st_x), np.inf)
    hi = np.full(len(st_x), -np.inf)
    for st in stations.tolist():
        tt = travel_times(np.full(len(members), st_x[st]), np.full(len(members), st_y[st]), x[members], y[members],
                          atm[:, 0], atm[:, 1], atm[:, 2])
        arrival = t0[members] + tt
        slack = slack_s + kappa * float(tt.max())
        lo[st], hi[st] = arrival.min() - slack, arrival.max() + slack
    return lo, hi


def _made_of_train(lo: np.ndarray, hi: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray,
                   holder: np.ndarray, level: TrainLevel, log_amplitude: np.ndarray, *, n_events: int) -> np.ndarray:
    """Each event's share of picks in the train's windows (``lo``-``hi`` per station) at the stations within reach,
    at its level where the level is read: half or more, it is made of the train's arrivals (a mixture of them,
    wherever it is located)."""
    rows = np.flatnonzero(holder >= 0)
    st_of = pick_station[rows]
    floor = np.full(len(lo), -np.inf)  # below it a pick is far weaker than the train's level (NaN: counted)
    for st, value in level.station_level.items():
        floor[st] = value - level.tolerance
    inside = (pick_time[rows] >= lo[st_of]) & (pick_time[rows] <= hi[st_of]) & ~(log_amplitude[rows] < floor[st_of])
    return (np.bincount(holder[rows], weights=inside.astype(float), minlength=n_events)
            / np.maximum(np.bincount(holder[rows], minlength=n_events), 1))


def _joined(made: np.ndarray, keep: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray, *,
            counts_at: TrainLevel | None, share: float) -> list[int]:
    """The kept events away from the train's place with at least ``share`` of their picks (and half) made of its
    arrivals (``made``) that hold a pick at a station where the train's level is read (``counts_at``): their picks
    there are counted as the train's rounds, so they are compared with the count as its events are; weakest (fewest
    stations) first. A true round elsewhere whose arrivals fall in the train's windows at half of its stations is
    made of them by the count's rule but not removed unless ``share`` of them do (on `heavy` seed 4, 0.5 took four
    true impacts of 6-8 stations). On `heavy` 0.25 h 23 of the 38
    false events reaching the surplus step sit in no train (docs/fusion.md, "Session 27 (surplus27)"), most of them
    mixtures of a train's arrivals located off its place along the distance-time trade-off."""
    if counts_at is None:
        return []
    read = set(counts_at.station_level)
    candidates = np.flatnonzero((made >= max(share, 0.5)) & keep)  # never beyond those whose picks the count takes
    found = [int(j) for j in candidates if read & set(pick_station[picks[int(j)]].tolist())]
    return sorted(found, key=lambda j: (len(np.unique(pick_station[picks[j]])), j))
