"""Chance coincidences at busy stations: could an event's picks be unrelated picks that happened to line up?

Clutter is not always independent from station to station. A convoy on a road, a generator, wind gusts or a storm
cell over a group of stations a few kilometres apart give each of them minutes of picks at once (tens of picks, a
pick every few seconds). Among so many picks, some at four or five of the group's stations agree by chance on a
source inside or near it: a small, nearby "event". The tests against coincidences of other sources' picks are blind
to it. Those tests ask that the event's nearest working stations heard it (``footprint.py``) and that the stations
its level should have reached were not silent (``silence.py``); here the event's stations *are* the nearest ones,
and a weak source inside a cluster is heard by the cluster alone.

What tells such an event from a real one is how busy its stations were. Under a Poisson model of each station's
picks at the rate ``lambda_i`` measured around the event's pick at that station (the other picks of that station
within ``window_s`` either side), the chance that station ``i`` has some pick within ``tolerance_s`` of a given
predicted arrival is ``p_i = 1 - exp(-2 tolerance_s lambda_i)``. A search over origin time and position tests many
such hypotheses: ``2 window_s / (2 tolerance_s)`` origin times in the window the rates were measured over, and about
``(D / 2 tolerance_s)^2`` resolvable positions, where ``D`` is the event's stations' aperture in time (the largest
difference of arrival times a source can produce at them: their largest separation over the slowest effective sound
speed, plus the tolerance). The expected number of chance coincidences of the event's stations as good as the
event's is then ``E = (window_s / tolerance_s) * max(1, (D / 2 tolerance_s)^2) * prod_i p_i`` (a scan statistic's
Bonferroni estimate; it counts the hypotheses the search could have tested, not the ones it did). An event with
``E`` above ``FusionConfig.coincidence_expected`` is as likely chance as not and is dropped.

A quiet station (the background of a pick or two an hour) makes ``p_i`` of order 1e-4, so a real event heard by
four quiet stations is ``E`` ~ 1e-10 whatever its geometry; during a clutter burst (0.03-0.3 picks a second) the
same four stations give ``E`` of 0.1-100. The test is applied (by default) only to events whose stations all lie
within ``FusionConfig.coincidence_aperture_km`` of each other: where the stations are spread the footprint and
silence tests already see a coincidence (its nearest stations heard nothing), while busy periods of real fire
(a fire mission raises every station's rate within reach) give a spread event's stations rates at which this
estimate, which ignores those tests, would call many real events chance.

A burst's picks also join events of wider aperture: four picks of the bursting cluster and one or two of stations
tens of km away, which the cluster's freedom of position lets fit. So, for an event of any aperture, its stations that
are *bursting* are found: their rate (the higher of the rates in the ``window_s`` before and after the pick, so that a
pick at a burst's edge is judged by the burst) above ``FusionConfig.coincidence_burst_ratio`` times the area's rate
(the median rate of the working stations within reach of the event, at least one pick per window). A burst of clutter
is local; the sound of real fire is heard over tens of km and raises the area's rate with the station's. If the
bursting stations are, by themselves, a likely chance coincidence (``E`` of their picks above the same threshold),
their picks together are worth one station, and an event left with fewer than ``min_stations`` is dropped.

Measured (docs/fusion.md, "Clutter bursts at clustered stations"), offline on main's final events: on the foreign
simulator's quiet scenario the test drops 39 of the 43 events not made mostly of one source's picks and none of the
28 that are; on `violation` 24 h seeds 7-11 and `heavy` 0.25 h it drops none (a real salvo heard by four stations
within 9 km, three rounds in 9 s, has ``E`` 0.02-0.04 with the rates taken either side, 0.27 with the one-sided rate:
hence the two rates). Through the command, `heavy` 1 h lost one event to it, a matched 4-pick event with a 4.5 km
ellipse (2,155 -> 2,154 events, 1,903 -> 1,902 matched; docs/fusion.md, "Where it stands").
"""

from __future__ import annotations

import math

import numpy as np

WORKING_S = 600.0
"""A station is working if it has a pick within ten minutes (``footprint.WORKING_WINDOW_S``)."""


def station_rates(picks: np.ndarray, *, pick_time: np.ndarray, pick_station: np.ndarray,
                  station_pick_start: np.ndarray, window_s: float, one_sided: bool = False) -> np.ndarray:
    """Each pick's station's rate of *other* picks (per second) within ``window_s`` either side of it; with
    ``one_sided``, in the ``window_s`` before it or the ``window_s`` after it, whichever is higher (whether the station
    is bursting: a pick at the start or the end of a burst is judged by the burst). Picks sorted by station, then
    time."""
    rates = np.zeros(len(picks))
    for k, p in enumerate(picks):
        s = int(pick_station[p])
        times = pick_time[int(station_pick_start[s]):int(station_pick_start[s + 1])]
        t = float(pick_time[p])
        lo, below = np.searchsorted(times, [t - window_s, t], side="left")
        above, hi = np.searchsorted(times, [t, t + window_s], side="right")
        before, after = below - lo, hi - above  # picks in [t - window, t) and in (t, t + window]
        rates[k] = max(before, after) / window_s if one_sided else (before + after) / (2.0 * window_s)
    return rates


def aperture_km(stations: np.ndarray, st_x: np.ndarray, st_y: np.ndarray) -> float:
    """The largest distance between two of the stations."""
    s = np.unique(stations)
    if len(s) < 2:
        return 0.0
    dx = st_x[s][:, None] - st_x[s][None, :]
    dy = st_y[s][:, None] - st_y[s][None, :]
    return float(np.max(np.hypot(dx, dy)))


def expected_chance(picks: np.ndarray, atmosphere: np.ndarray, *, pick_time: np.ndarray, pick_station: np.ndarray,
                    station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, window_s: float,
                    tolerance_s: float) -> float:
    """``E``, the expected number of chance coincidences of the event's stations as good as the event's (module
    docstring); one pick per station (the first of a station's picks, if it has several)."""
    if len(picks) == 0:
        return math.inf
    _, first = np.unique(pick_station[picks], return_index=True)
    own = picks[first]
    lam = station_rates(own, pick_time=pick_time, pick_station=pick_station, station_pick_start=station_pick_start,
                        window_s=window_s)
    p = -np.expm1(-2.0 * tolerance_s * lam)
    c, wx, wy = (float(v) for v in atmosphere)
    slowest = max(c - math.hypot(wx, wy), 0.05)
    span_s = aperture_km(pick_station[own], st_x, st_y) / slowest + tolerance_s
    positions = max(1.0, (span_s / (2.0 * tolerance_s)) ** 2)
    return float((window_s / tolerance_s) * positions * np.prod(p))


def local_rate(x_km: float, y_km: float, t_s: float, *, pick_time: np.ndarray, station_pick_start: np.ndarray,
               st_x: np.ndarray, st_y: np.ndarray, reach_km: float, window_s: float) -> float:
    """The median pick rate (per second, within ``window_s`` either side of ``t_s``) of the stations within ``reach_km``
    of (x, y) that have any pick within ten minutes (working), but at least one pick per ``2 window_s``: the rate the
    area's activity (real sources heard over tens of km, its ordinary clutter) gives a station there."""
    near = np.flatnonzero(np.hypot(st_x - x_km, st_y - y_km) <= reach_km)
    floor = 1.0 / (2.0 * window_s)
    rates = []
    for s in near:
        times = pick_time[int(station_pick_start[s]):int(station_pick_start[s + 1])]
        lo, hi = np.searchsorted(times, [t_s - WORKING_S, t_s + WORKING_S])
        if hi == lo:
            continue  # not working
        a, b = np.searchsorted(times, [t_s - window_s, t_s + window_s])
        rates.append((b - a) / (2.0 * window_s))
    return max(float(np.median(rates)), floor) if rates else floor


def by_chance(picks: np.ndarray, x_km: float, y_km: float, atmosphere: np.ndarray, *, pick_time: np.ndarray,
              pick_station: np.ndarray, station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
              window_s: float, tolerance_s: float, expected: float, max_aperture_km: float | None,
              burst_ratio: float | None = None, reach_km: float = 38.0, min_stations: int = 4) -> bool:
    """Whether the event of ``picks`` located at (x, y) is to be dropped as a likely chance coincidence: its stations
    lie within ``max_aperture_km`` of each other (``None``: any) and ``E`` exceeds ``expected``; or (with
    ``burst_ratio``) the stations of its that are *bursting* (their rate above ``burst_ratio`` times the area's,
    :func:`local_rate`) are, by themselves, a likely chance coincidence, and without them, counted as one, the event
    has fewer than ``min_stations`` stations (the module docstring)."""
    def chance(of: np.ndarray) -> float:
        return expected_chance(of, atmosphere, pick_time=pick_time, pick_station=pick_station,
                               station_pick_start=station_pick_start, st_x=st_x, st_y=st_y, window_s=window_s,
                               tolerance_s=tolerance_s)

    if max_aperture_km is None or aperture_km(pick_station[picks], st_x, st_y) <= max_aperture_km:
        if chance(picks) > expected:
            return True
    if burst_ratio is None:
        return False
    _, first = np.unique(pick_station[picks], return_index=True)
    own = picks[first]
    lam = station_rates(own, pick_time=pick_time, pick_station=pick_station, station_pick_start=station_pick_start,
                        window_s=window_s, one_sided=True)
    if np.count_nonzero(lam > burst_ratio / (2.0 * window_s)) < 2:
        return False  # cheap: the area's rate is at least one pick per window
    area = local_rate(x_km, y_km, float(np.median(pick_time[own])), pick_time=pick_time,
                      station_pick_start=station_pick_start, st_x=st_x, st_y=st_y, reach_km=reach_km, window_s=window_s)
    busy = lam > burst_ratio * area
    n_busy = int(np.count_nonzero(busy))
    if n_busy < 2 or len(own) - n_busy + 1 >= min_stations:
        return False
    return chance(own[busy]) > expected
