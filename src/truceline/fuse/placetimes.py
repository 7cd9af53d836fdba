"""A leftover of a place's train told by its picks falling at the place's round times (``FusionConfig.place_round_times_alpha``).

``event_places`` (``fuse/places.py``) moves an event to a firing place when its 95 % ellipse holds the place and its
picks, were they from the place, fall inside the place's firing window. The ellipse is the right gate for a source of
its own that is poorly located, but not for a *mixture*: an event made of arrivals of several rounds of one battery
(each station's pick a different round's) has no source, and its fit and ellipse are those of a chimera: on the
stand-in simulators such events lie 2-10 km and 5-30 s off the battery with ellipses of 0.3-4 km that hold nothing
(docs/fusion.md, "Session 27 (foreign27)": the largest class of their false events).

What does say "these are the place's rounds" without the ellipse is the timing against the rounds already found there.
Back-projected to the place (each pick's time less its travel time from the place), a mixture's picks give the origin
times of the rounds they are: those of the rounds the run found at the place fall within a pick's error of those
rounds' origin times, more often than chance allows. A source of its own beside the place, its picks back-projected to
the wrong position, gives implied origin times smeared over seconds by the station geometry (the travel-time
difference between its position and the place's varies with each station's direction): they fall near the place's
round times only by chance, at the rate of the window those round times cover. The test is that binomial tail.

Nothing is dropped and no pick changes event: the move only reports a leftover where its picks come from (as
``event_places``), so a wrong move costs a match at most. The moved event's ellipse cannot be its own (a chimera's,
tight about a position that was not a source): it takes the place's, where a round of the place lies given the rounds
found there (their mean covariance plus the scatter of their positions: the guns' spread and the crowding).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import binom

from truceline.fuse.atmosphere import travel_times


BY_ROUND_TIMES = 2
"""``places.to_places``' ``moved`` for an event moved by its round times (1 is a move by the ellipse)."""


@dataclass(frozen=True, slots=True)
class RoundTimes:
    """The round-time route of ``event_places`` (``FusionConfig.place_round_times_alpha`` and its companions)."""

    alpha: float
    max_km: float = 15.0
    tol_s: float = 0.5
    tol_kappa: float = 0.01


def covered_share(round_t0_s: np.ndarray, start_s: float, end_s: float, tol_s: float) -> float:
    """Share of ``[start_s, end_s]`` within ``tol_s`` of some round time: the chance that a time drawn uniformly in the
    window falls near a round (the intervals' union, clipped to the window)."""
    length = end_s - start_s
    if length <= 0 or not len(round_t0_s):
        return 1.0 if length <= 0 else 0.0
    t = np.sort(np.asarray(round_t0_s, float))
    lo = np.clip(t - tol_s, start_s, end_s)
    hi = np.clip(t + tol_s, start_s, end_s)
    covered = 0.0
    cur_lo, cur_hi = lo[0], hi[0]
    for a, b in zip(lo[1:], hi[1:]):
        if a > cur_hi:
            covered += cur_hi - cur_lo
            cur_lo, cur_hi = a, b
        else:
            cur_hi = max(cur_hi, b)
    covered += cur_hi - cur_lo
    return float(min(1.0, covered / length))


def round_times_p(implied_s: np.ndarray, round_t0_s: np.ndarray, start_s: float, end_s: float,
                  tol_s: float) -> float:
    """Tail probability of at least as many of the implied origin times within ``tol_s`` of a round time as observed,
    were they uniform in ``[start_s, end_s]`` (binomial, the window's covered share as the rate)."""
    n = len(implied_s)
    if n == 0 or not len(round_t0_s):
        return 1.0
    near = np.min(np.abs(np.asarray(implied_s, float)[:, None] - np.asarray(round_t0_s, float)[None, :]), axis=1) <= tol_s
    rate = covered_share(round_t0_s, start_s, end_s, tol_s)
    if rate >= 1.0:
        return 1.0
    return float(binom.sf(int(near.sum()) - 1, n, rate))


def place_by_round_times(j: int, hubs: np.ndarray, x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray,
                         hub_x_km: np.ndarray, hub_y_km: np.ndarray, first_s: np.ndarray, last_s: np.ndarray,
                         rows: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray, st_x: np.ndarray,
                         st_y: np.ndarray, atmosphere: tuple[float, float, float], *, place_km: float, max_km: float,
                         min_share: float, slack_s: float, kappa: float, alpha: float, tol_s: float,
                         tol_kappa: float) -> tuple[int, float]:
    """The place (an index into ``hubs``' arrays, nearest first within ``max_km``) whose firing window holds at least
    ``min_share`` of event ``j``'s back-projected picks and whose found rounds (the events within ``place_km`` of it
    inside the window) its implied origin times meet beyond chance (tail probability at most ``alpha``; tolerance
    ``tol_s`` plus ``tol_kappa`` of the travel time, the celerity's error over the path); ``(-1, nan)`` if none.
    Returns the hub and the picks' median implied origin time there."""
    if not len(hubs) or not len(rows):
        return -1, float("nan")
    c, wx, wy = atmosphere
    stations = pick_station[rows]
    d = np.hypot(hub_x_km - x_km[j], hub_y_km - y_km[j])
    for k in np.argsort(d, kind="stable"):
        if d[k] > max_km:
            break
        tt = travel_times(st_x[stations], st_y[stations], hub_x_km[k], hub_y_km[k], c, wx, wy)
        implied = pick_time[rows] - tt
        slack = slack_s + kappa * tt
        inside = (implied >= first_s[k] - slack) & (implied <= last_s[k] + slack)
        if inside.mean() < min_share:
            continue
        at = (np.hypot(x_km - hub_x_km[k], y_km - hub_y_km[k]) <= place_km) & (t0_s >= first_s[k]) & (t0_s <= last_s[k])
        at[j] = False
        tol = tol_s + tol_kappa * float(np.median(tt))
        widen = float(np.median(slack))
        p = round_times_p(implied, t0_s[at], first_s[k] - widen, last_s[k] + widen, tol)
        if p <= alpha:
            return int(k), float(np.median(implied))
    return -1, float("nan")


def place_covariance(moved: np.ndarray, x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, cov_km2: np.ndarray, *,
                     place_km: float, place_s: float) -> np.ndarray:
    """(n, 2, 2): ``cov_km2`` with each event moved by its round times (``moved == BY_ROUND_TIMES``; ``x_km``, ``y_km``,
    ``t0_s`` after the move) given its place's: the mean covariance of the other events within ``place_km`` and
    ``place_s`` of it (not themselves moved so) plus the covariance of their positions (with two or more); its own
    where none is found."""
    out = np.array(cov_km2, dtype=float, copy=True)
    by_times = np.asarray(moved) == BY_ROUND_TIMES
    for j in np.flatnonzero(by_times):
        at = (np.hypot(x_km - x_km[j], y_km - y_km[j]) <= place_km) & (np.abs(t0_s - t0_s[j]) <= place_s) & ~by_times
        if not at.any():
            continue
        mean = np.mean(np.asarray(cov_km2, float)[at], axis=0)
        if at.sum() >= 2:
            mean = mean + np.cov(np.stack([x_km[at], y_km[at]]))
        out[j] = mean
    return out
