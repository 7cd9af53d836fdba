"""As many events at a firing place as its nearest stations heard rounds (``FusionConfig.place_rounds``, batch only).

A battery fires a train of rounds from one place (guns 0.1-0.2 km apart, seconds apart); a station near it hears
the train as that many arrivals, in firing order up to the paths' scatter. Where the rounds' travel times scatter by
as much as their spacing the one-pick-per-station search cannot say which arrival is which round and makes fewer
events at the place than rounds were fired: some of its events are mixtures of two or three rounds, the other
rounds' picks stay free or form mixtures elsewhere (``fuse/places.py`` moves those back). The *number* of rounds is
still plain at the nearest stations: each heard the place fire ``k`` times within the place's firing window. So:

* a *place* is an event with at least ``min_events`` others within ``place_km`` and ``place_s``
  (``places.find_places``; one other by default: two rounds of a battery); the events at places are grouped by single
  linkage (``place_km``, ``place_s``) into clusters, each with its position (the median of its events') and firing
  window (their first to last origin time);
* each station within ``reach_km`` of the cluster counts its picks whose origin times, were they from the place
  (pick time less the travel time under the cluster's atmosphere), fall within the window widened by ``slack_s``
  plus ``kappa`` of the travel time; ``count``: ``unplaced`` (default) counts every such pick but those held by the
  events of *other* places (another battery's rounds); ``own`` only the free picks and the cluster's events'
  (blind to the rounds whose picks went into mixtures elsewhere); ``all`` every pick;
* the count ``k`` is the lower median of the counts at the ``count_stations`` nearest stations that heard the place
  at all (a dead station hears nothing; the nearest stations hear the place's rounds loudest and least scattered);
* the ``k`` round times are, for each rank ``i``, the median over those nearest stations that counted exactly ``k``
  of their ``i``-th back-projected arrival;
* the cluster's events take the round times nearest theirs (one-to-one); a round time no event took, at least
  ``separation_s`` from every event of the cluster, is a round the associator missed: a new event at the place at
  that time, holding the free picks nearest its predicted arrivals (one a station, within the window's slack,
  each pick to one new round), if at least ``min_stations`` stations give one and (with ``locate``) its picks,
  located on their own, stay within ``max_offset_km`` of the place (else they are another source's);
* with ``explain_s``, a new round takes no free pick that another found event farther than ``max_offset_km`` from
  the place predicts at a station it lacks a pick at (within ``explain_s`` plus ``kappa`` of the travel time, the
  station within the median distance it was heard at): a neighbour battery firing within the train, or the mission's own impacts heard back at the battery, put
  arrivals in the place's window that the count hears but that are not its rounds (``_explained``).

The new events' ellipses, atmospheres, tiles and blocks are those of the cluster's event nearest the place (the same
place heard by the same stations; ``events.with_place_rounds``). Nothing is moved or taken from the events already
found: the step only adds events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.places import find_places
from truceline.fuse.refine import clusters


@dataclass(frozen=True, slots=True)
class NewRound:
    """A round found by the count: the cluster event it copies its covariance and atmosphere from (``template``),
    its position, origin time and picks (kernel rows)."""

    template: int
    x_km: float
    y_km: float
    t0_s: float
    picks: np.ndarray
    residual_s: np.ndarray  # each pick's back-projected time less the round's
    tt_s: np.ndarray  # each pick's travel time from the place
    spread_s: float = float("nan")  # the robust spread of its picks' back-projected times (``robust_spread``)
    sibling_spread_s: float = float("nan")  # the median of the cluster's events' spreads at the place
    place_scatter_km2: np.ndarray = field(default_factory=lambda: np.zeros((2, 2)))  # its events' positions' covariance
    replaces: int = -1  # with ``leftovers``: the event moved to the place as this round (its picks), else -1


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """One cluster's count (for the diagnostics): its events, position, window, count and round times."""

    members: np.ndarray
    x_km: float
    y_km: float
    first_s: float
    last_s: float
    count: int
    times: np.ndarray
    stations: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # the nearest that heard it
    counted: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # picks counted at each
    held: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # of them, the cluster's events'
    free: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # of them, no event's
    backed: int = -1  # the rounds the free arrivals at the nearest stations allow (``free_arrivals``)


def place_clusters(x: np.ndarray, y: np.ndarray, t0: np.ndarray, *, place_km: float, place_s: float,
                   min_events: int) -> list[np.ndarray]:
    """The events at places (``places.find_places``) grouped by single linkage within ``place_km`` and ``place_s``,
    in the order of their first event."""
    at = np.flatnonzero(find_places(x, y, t0, place_km=place_km, place_s=place_s, min_events=min_events).at_place)
    if not len(at):
        return []
    labels = clusters(x[at], y[at], t0[at], distance_km=place_km, time_s=place_s)
    groups = [at[labels == label] for label in np.unique(labels)]
    return sorted(groups, key=lambda g: int(g.min()))


def missing_rounds(x: np.ndarray, y: np.ndarray, t0: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray,
                   pick_time: np.ndarray, pick_station: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, *,
                   place_km: float = 0.5, place_s: float = 30.0, min_events: int = 1, reach_km: float = 38.0,
                   count_stations: int = 5, count_quantile: float = 0.5, slack_s: float = 1.0, kappa: float = 0.025, separation_s: float = 0.3,
                   min_stations: int = 4, count: str = "unplaced",
                   locate: Callable[[np.ndarray, float, float, float, tuple[float, float, float]], tuple[float, float] | None] | None = None,
                   max_offset_km: float | None = None, leftovers: bool = False, leftover_share: float = 0.75,
                   log_amplitude: np.ndarray | None = None, weak_db: float | None = None,
                   free_arrivals: bool = False, fit_ratio: float | None = None, explained_share: float | None = None,
                   level_db: float | None = None, heard_share: float | None = None,
                   explain_s: float | None = None, report: list[PlaceCount] | None = None) -> list[NewRound]:
    """The rounds the count at each place says the events miss (module docstring). ``picks``: each event's pick
    rows; ``event_atmosphere``: (n, 3) each event's ``(c, wx, wy)`` in km/s. ``report`` collects each cluster's
    count."""
    n = len(t0)
    holder = np.full(len(pick_time), -1, dtype=np.int64)
    for k, p in enumerate(picks):
        holder[p] = k
    free = holder < 0
    out: list[NewRound] = []
    groups = place_clusters(x, y, t0, place_km=place_km, place_s=place_s, min_events=min_events)
    placed = np.zeros(n, dtype=bool)
    for members in groups:
        placed[members] = True
    used = np.zeros(n, dtype=bool)
    n_st = len(st_x)
    # (event, station) pairs with a pick: an event lacking a pick at a station may own an arrival there (``explain_s``)
    held_rows = np.flatnonzero(holder >= 0)
    event_station = np.unique(holder[held_rows] * n_st + pick_station[held_rows])
    # how far each event was heard: the median distance of the stations it holds picks at
    heard_km = np.array([float(np.median(np.hypot(st_x[pick_station[p]] - x[k], st_y[pick_station[p]] - y[k])))
                         if len(p) else 0.0 for k, p in enumerate(picks)]) if explain_s is not None else np.zeros(0)
    for members in groups:
        cx, cy = float(np.median(x[members])), float(np.median(y[members]))
        first, last = float(t0[members].min()), float(t0[members].max())
        c, wx, wy = (float(v) for v in np.median(event_atmosphere[members], axis=0))
        window = _Window(cx, cy, c, wx, wy, first, last, slack_s, kappa)
        mine = np.zeros(n, dtype=bool)
        mine[members] = True
        elsewhere = placed.copy()
        elsewhere[members] = False
        distance = np.hypot(st_x - cx, st_y - cy)
        stations = np.flatnonzero(distance <= reach_km)
        stations = stations[np.argsort(distance[stations], kind="stable")]
        tt_all = travel_times(st_x[stations], st_y[stations], cx, cy, c, wx, wy)
        if explain_s is not None:
            # the events elsewhere whose arrivals could fall in this place's window at one of its stations
            latest = float(tt_all.max()) if len(tt_all) else 0.0
            others = np.flatnonzero(~mine & (t0 <= last + latest + slack_s) & (t0 >= first - 2.0 * reach_km / max(c, 0.1)))
            if max_offset_km is not None:
                # a source within ``max_offset_km`` may be one of the place's own rounds located off it: its arrivals
                # are not told from the place's by their times, so it explains none
                others = others[np.hypot(x[others] - cx, y[others] - cy) > max_offset_km]
        heard: list[tuple[int, float, np.ndarray, np.ndarray]] = []  # station, travel time, its picks, their tau
        explained = np.zeros(len(pick_time), dtype=bool)
        for st, tt in zip(stations.tolist(), tt_all.tolist()):
            slack = slack_s + kappa * tt
            rows = np.flatnonzero(pick_station == st)
            rows = rows[(pick_time[rows] >= first + tt - slack) & (pick_time[rows] <= last + tt + slack)]
            if count == "own":
                rows = rows[free[rows] | mine[np.maximum(holder[rows], 0)] & (holder[rows] >= 0)]
            elif count == "unplaced":
                rows = rows[~(elsewhere[np.maximum(holder[rows], 0)] & (holder[rows] >= 0))]
            if len(rows) and explain_s is not None and len(others):
                # still counted (the count hears arrivals, whoever fired them), but no new round may take them
                explained[rows] = _explained(rows, st, others, x, y, t0, event_atmosphere, pick_time, st_x, st_y,
                                             event_station, n_st, heard_km, tolerance_s=explain_s, kappa=kappa)
            if len(rows) and log_amplitude is not None and weak_db is not None:
                level = log_amplitude[rows]
                if np.isfinite(level).any():
                    # an echo is a weaker copy of an arrival: far below the train's median level, it is no round
                    floor = float(np.nanmedian(level)) - weak_db * np.log(10.0) / 20.0
                    rows = rows[~(level < floor)]
            if len(rows):
                order = np.argsort(pick_time[rows], kind="stable")
                heard.append((st, tt, rows[order], pick_time[rows[order]] - tt))
        nearest = heard[:count_stations]
        if not nearest:
            continue
        own = members
        own_t0 = t0[members]
        if explained_share is not None:
            # an event off the place holding counted picks at the nearest stations whose picks nearly all leave the place
            # within its window is one of its rounds located off it: its arrivals are explained, it is no missing round
            near_rows = np.concatenate([h[2] for h in nearest])
            others = np.unique(holder[near_rows][(holder[near_rows] >= 0) & ~mine[np.maximum(holder[near_rows], 0)]])
            extra, extra_t0 = [], []
            for j in others.tolist():
                implied, inside = _leaving(picks[j], pick_station, pick_time, st_x, st_y, window)
                if inside.mean() >= explained_share:
                    extra.append(j)
                    extra_t0.append(float(np.median(implied[inside])))
            if extra:
                own = np.r_[members, np.array(extra, dtype=members.dtype)]
                own_t0 = np.r_[t0[members], np.array(extra_t0)]
        mine_own = np.zeros(n, dtype=bool)
        mine_own[own] = True
        held_at = [int((mine_own[np.maximum(holder[h[2]], 0)] & (holder[h[2]] >= 0)).sum()) for h in nearest]
        free_at = [int(free[h[2]].sum()) for h in nearest]
        counts = np.array([len(h[2]) for h in nearest])
        k = int(np.sort(counts)[int(np.floor(count_quantile * (len(counts) - 1)))])  # the lower median by default
        exact = [h[3] for h in nearest if len(h[2]) == k]
        times = np.median(np.array(exact), axis=0) if exact and k else np.zeros(0)
        # the free arrivals at each nearest station beyond those its events lacking a pick there may own: the rounds
        # the count is backed by (arrivals no event explains), not by other events' picks or the events' own
        held_near = np.array(held_at[:count_stations], dtype=np.int64)
        free_near = np.array(free_at[:count_stations], dtype=np.int64)
        spare = np.maximum(free_near - np.maximum(len(own) - held_near, 0), 0)
        backed = int(np.sort(spare)[int(np.floor(count_quantile * (len(spare) - 1)))])
        # the nearest stations whose count exceeds what the place's events explain: free arrivals beyond their own
        # (``free_arrivals``), else more arrivals than the place's rounds, those found off it included
        over = spare if free_arrivals else counts - len(own)
        backing = np.array([h[0] for h, extra in zip(nearest, over.tolist()) if extra > 0], dtype=np.int64)
        if report is not None:
            report.append(PlaceCount(members=members, x_km=cx, y_km=cy, first_s=first, last_s=last, count=k,
                                     times=times, stations=np.array([h[0] for h in nearest], dtype=np.int64),
                                     counted=counts, held=held_near, free=free_near, backed=backed))
        if k <= len(own):
            continue
        cost = np.abs(own_t0[:, None] - times[None, :])
        _r, taken = linear_sum_assignment(cost)
        missing = [i for i in np.setdiff1d(np.arange(k), taken).tolist()
                   if np.abs(own_t0 - times[i]).min() >= separation_s]
        if not missing:
            continue
        # the free picks shared one-to-one among the missing rounds, nearest first, within the window's slack
        chosen: list[list[int]] = [[] for _ in missing]
        residual: list[list[float]] = [[] for _ in missing]
        path: list[list[float]] = [[] for _ in missing]
        for st, tt, rows, tau in heard:
            rows_free = free[rows] & ~explained[rows]
            rows, tau = rows[rows_free], tau[rows_free]
            if not len(rows):
                continue
            slack = slack_s + kappa * tt
            gap = np.abs(tau[:, None] - times[missing][None, :])
            big = np.where(gap <= slack, gap, 1e6)
            r, col = linear_sum_assignment(big)
            for a, b in zip(r.tolist(), col.tolist()):
                if big[a, b] < 1e5:
                    chosen[b].append(int(rows[a]))
                    residual[b].append(float(tau[a] - times[missing][b]))
                    path[b].append(tt)
        template = int(members[np.argmin(np.hypot(x[members] - cx, y[members] - cy))])
        # where at the place a new round is: anywhere its events are (their positions' scatter about their mean)
        scatter = np.cov(np.vstack([x[members], y[members]]), ddof=0).reshape(2, 2)
        # how well the cluster's own rounds fit the place: the spread of their picks' back-projected times
        tt_of = dict(zip(stations.tolist(), tt_all.tolist()))
        sibling = [robust_spread(np.array([pick_time[r] - tt_of[int(pick_station[r])] for r in picks[j]
                                           if int(pick_station[r]) in tt_of])) for j in members.tolist()]
        sibling_spread = float(np.nanmedian(sibling)) if np.isfinite(sibling).any() else float("nan")
        # how many stations heard the cluster's own rounds: a round of the same guns at the same place is heard alike
        sibling_heard = float(np.median([len(np.unique(pick_station[picks[j]])) for j in members.tolist()]))
        found: list[NewRound] = []
        unfilled: list[int] = []
        for i, rows_i, res_i, tt_i in zip(missing, chosen, residual, path):
            if len(np.unique(pick_station[rows_i])) < min_stations:
                unfilled.append(i)
                continue
            held = np.array(sorted(rows_i), dtype=np.int64)
            if locate is not None and max_offset_km is not None:
                at = locate(held, cx, cy, float(times[i]), (c, wx, wy))
                if at is None or not np.hypot(at[0] - cx, at[1] - cy) <= max_offset_km:
                    continue  # its picks are not a source at the place
            if (free_arrivals or explained_share is not None) and not np.isin(pick_station[held], backing).any():
                continue  # it holds none of the free arrivals that backed the count: those are not this round
            spread = robust_spread(np.array(res_i))
            if fit_ratio is not None and not spread <= fit_ratio * sibling_spread:
                continue  # its picks scatter about the place more than its sibling rounds' do: not one of them
            if heard_share is not None and len(np.unique(pick_station[held])) < heard_share * sibling_heard:
                continue  # heard by far fewer stations than its sibling rounds: free picks gathered, not a round
            if level_db is not None and log_amplitude is not None:
                offset = level_offset_db(held, members, picks, log_amplitude, pick_station)
                if np.isfinite(offset) and abs(offset) > level_db:
                    continue  # its picks are louder or weaker than its sibling rounds' at the same stations: not one
            found.append(NewRound(template=template, x_km=cx, y_km=cy, t0_s=float(times[i]), picks=held,
                                  residual_s=np.array(res_i), tt_s=np.array(tt_i), spread_s=spread,
                                  sibling_spread_s=sibling_spread, place_scatter_km2=scatter))
        if free_arrivals:
            found = sorted(found, key=lambda r: r.spread_s)[:backed]  # the best-fitting as many as the free allow
        for r in sorted(found, key=lambda r: r.t0_s):
            free[r.picks] = False
            out.append(r)
        if leftovers and unfilled:
            # events at no place whose picks, were they from this place, fall within its window: a train's leftovers
            cand, implied_t = [], []
            for j in np.flatnonzero(~placed & ~used).tolist():
                if abs(t0[j] - 0.5 * (first + last)) > place_s + 0.5 * (last - first) or not len(picks[j]):
                    continue
                implied, inside = _leaving(picks[j], pick_station, pick_time, st_x, st_y, window)
                if inside.mean() >= leftover_share:
                    cand.append(j)
                    implied_t.append(float(np.median(implied)))
            if cand:
                gap = np.abs(np.array(implied_t)[:, None] - times[unfilled][None, :])
                big = np.where(gap <= slack_s, gap, 1e6)
                r, col = linear_sum_assignment(big)
                for a, b in zip(r.tolist(), col.tolist()):
                    if big[a, b] < 1e5:
                        used[cand[a]] = True
                        out.append(NewRound(template=cand[a], x_km=cx, y_km=cy, t0_s=float(times[unfilled[b]]),
                                            picks=np.sort(picks[cand[a]]), residual_s=np.zeros(0), tt_s=np.zeros(0),
                                            replaces=cand[a]))
    return out


def _explained(rows: np.ndarray, station: int, others: np.ndarray, x: np.ndarray, y: np.ndarray, t0: np.ndarray,
               event_atmosphere: np.ndarray, pick_time: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
               event_station: np.ndarray, n_st: int, heard_km: np.ndarray, *, tolerance_s: float, kappa: float) -> np.ndarray:
    """Which picks ``rows`` at ``station`` another found event predicts: an event of ``others`` without a pick there
    though the station lies within its ``heard_km`` (the median distance of the stations it holds picks at), whose
    arrival there (origin time plus travel time under its atmosphere) is within ``tolerance_s`` plus ``kappa`` of the
    travel time of the pick. Such an arrival is that event's (a neighbour battery's round, a mission's impacts heard
    at its battery), not one of the place's rounds."""
    lacking = others[~np.isin(others * n_st + station, event_station)]
    lacking = lacking[np.hypot(x[lacking] - st_x[station], y[lacking] - st_y[station]) <= heard_km[lacking]]
    if not len(lacking):
        return np.zeros(len(rows), dtype=bool)
    atm = event_atmosphere[lacking]
    tt = travel_times(st_x[station], st_y[station], x[lacking], y[lacking], atm[:, 0], atm[:, 1], atm[:, 2])
    arrival = t0[lacking] + tt
    gap = np.abs(pick_time[rows][:, None] - arrival[None, :])
    return np.asarray((gap <= tolerance_s + kappa * tt[None, :]).any(axis=1))


class _Window(NamedTuple):
    """A place (km), its atmosphere (celerity km/s, wind) and its firing window (first to last origin time, s) with
    its slack (``slack_s`` plus ``kappa`` of the travel time)."""

    x_km: float
    y_km: float
    celerity: float
    wind_x: float
    wind_y: float
    first_s: float
    last_s: float
    slack_s: float
    kappa: float


def _leaving(rows: np.ndarray, pick_station: np.ndarray, pick_time: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
             window: _Window) -> tuple[np.ndarray, np.ndarray]:
    """The origin times the picks ``rows`` imply were they from the window's place, and which fall within its firing
    window."""
    st = pick_station[rows]
    tt = travel_times(st_x[st], st_y[st], window.x_km, window.y_km, window.celerity, window.wind_x, window.wind_y)
    implied = pick_time[rows] - tt
    slack = window.slack_s + window.kappa * tt
    return implied, (implied >= window.first_s - slack) & (implied <= window.last_s + slack)


def level_offset_db(rows: np.ndarray, members: np.ndarray, picks: list[np.ndarray], log_amplitude: np.ndarray,
                    pick_station: np.ndarray) -> float:
    """How much louder (dB) the picks ``rows`` are than the place's events' picks at the same stations: the median,
    over ``rows`` at a station where an event of ``members`` has a pick, of its natural-log amplitude less the median
    of theirs there; NaN where no station compares. A round of the battery, fired from the same place and heard by
    the same stations, is as loud as its sibling rounds up to the guns' and the paths' scatter (a few dB)."""
    sibling = np.concatenate([picks[j] for j in members.tolist()]) if len(members) else np.zeros(0, dtype=np.int64)
    offsets = []
    for r in rows.tolist():
        level = log_amplitude[r]
        theirs = log_amplitude[sibling[pick_station[sibling] == pick_station[r]]]
        theirs = theirs[np.isfinite(theirs)]
        if np.isfinite(level) and len(theirs):
            offsets.append(float(level - np.median(theirs)))
    return float(20.0 / np.log(10.0) * np.median(offsets)) if offsets else float("nan")


def robust_spread(values: np.ndarray) -> float:
    """The scatter of ``values`` robust to a few outliers: 1.4826 times their median absolute deviation (the
    standard deviation for a normal sample); NaN for fewer than three."""
    if len(values) < 3:
        return float("nan")
    return float(1.4826 * np.median(np.abs(values - np.median(values))))
