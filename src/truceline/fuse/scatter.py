"""Scattered arrivals: what a thunder strike's event leaves behind and a gun's does not (``FusionConfig.storm_scatter_p``).

A gun's report has a sharp onset: every station that heard it picks it within the picking error, so the event located
from its picks holds nearly every arrival there is, and the stations within its footprint that it does not hold heard
nothing, or only the chance clutter any station has. Thunder's onset is emergent (the simulator's strikes: a pick
sigma of 0.8 s against about 0.08 s for fire), so the event of a strike holds only the stations whose picks happened
to line up within the gates; the other stations that heard the same strike have their picks a second or two off the
event's predicted arrivals, free (no event took them). That is the test: among the stations within the event's
footprint (no farther than its farthest station) that it does not hold, count those with a free pick within
``window_s`` of its predicted arrival (``m``), and compare with the count chance gives, each station's own free-pick
rate in the ``rate_window_s`` around it (``expected``, a Poisson mean). A true lone round, however wide its residuals
(foreign_sim's heavy-tailed picks, another simulator's celerity), only fails when chance clutter crowds its arrivals;
the tail probability ``P(N >= m)`` says how unlikely that is (docs/fusion.md, "Session 25 (storm25)")."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

from truceline.fuse.atmosphere import travel_times


@dataclass(frozen=True, slots=True, kw_only=True)
class ScatteredArrivals:
    """Per event: stations in its footprint it does not hold (``candidates``), those of them with a free pick within
    the window of its predicted arrival (``scattered``), the count chance predicts (``expected``) and the tail
    probability of at least ``scattered`` by chance (``p``)."""

    candidates: np.ndarray
    scattered: np.ndarray
    expected: np.ndarray
    p: np.ndarray


def scattered_arrivals(picks: list[np.ndarray], x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray,
                       event_atmosphere: np.ndarray, *, pick_time: np.ndarray, pick_station: np.ndarray,
                       station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, taken: np.ndarray,
                       range_slope: float, window_s: float, rate_window_s: float,
                       only: np.ndarray | None = None) -> ScatteredArrivals:
    """The scattered arrivals of each event (module doc); ``taken`` marks the picks (kernel order) some event holds;
    ``only`` (a boolean mask) limits the work to those events (the others get 0 and ``p`` 1)."""
    n = len(picks)
    candidates = np.zeros(n, dtype=np.int64)
    scattered = np.zeros(n, dtype=np.int64)
    expected = np.zeros(n)
    p = np.ones(n)
    span_s = 2.0 * rate_window_s
    for i in range(n):
        if (only is not None and not only[i]) or len(picks[i]) == 0:
            continue
        held = np.unique(pick_station[picks[i]])
        d = np.hypot(st_x - x_km[i], st_y - y_km[i])
        near = np.flatnonzero(d <= d[held].max())
        near = near[~np.isin(near, held)]
        if len(near) == 0:
            continue
        c, wx, wy = event_atmosphere[i]
        arrival = t0_s[i] + travel_times(st_x[near], st_y[near], x_km[i], y_km[i], c, wx, wy, range_slope)
        chance = 0.0
        for s, at in zip(near.tolist(), arrival.tolist()):
            first, last = int(station_pick_start[s]), int(station_pick_start[s + 1])
            times = pick_time[first:last]
            free = ~taken[first:last]
            lo, a, b, hi = np.searchsorted(times, [at - rate_window_s, at - window_s, at + window_s, at + rate_window_s])
            if hi == lo:
                continue  # not working then
            candidates[i] += 1
            scattered[i] += int(np.any(free[a:b]))
            # the window's own picks count in the rate: never zero where one is scattered, and a busy hour reads busy
            rate = int(free[lo:hi].sum()) / span_s
            chance += 1.0 - float(np.exp(-rate * 2.0 * window_s))
        expected[i] = chance
        p[i] = float(poisson.sf(scattered[i] - 1, chance)) if scattered[i] > 0 else 1.0
    return ScatteredArrivals(candidates=candidates, scattered=scattered, expected=expected, p=p)
