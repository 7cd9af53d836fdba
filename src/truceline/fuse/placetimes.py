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
round times only by chance. Session 27 took that chance as a binomial tail (each implied time on its own, at the rate
of the window the round times cover); but a source's implied times are not independent (they vary smoothly with each
station's direction and bunch where its stations lie on one side), so one chance meeting of a bunch with a burst of
rounds read as many (``heavy`` seed 2). The test is now the share of the rounds' shifts within the window that meet
the implied times as well (``round_times_shift_p``): it keeps the implied times' own structure and asks only whether
their alignment with the rounds is chance. Its limit: where the rounds come as one dense burst or at a regular
cadence, most shifts meet a bunch as well, and a mixture of such rounds is not told from a source (it stays).

A moved event is a leftover of rounds already found, not a round of its own: ``place_rounds`` counts the place's rounds
with it where it was located (``count_positions``).

Nothing is dropped and no pick changes event: the move only reports a leftover where its picks come from (as
``event_places``), so a wrong move costs a match at most. The moved event's ellipse cannot be its own (a chimera's,
tight about a position that was not a source): it takes the place's, where a round of the place lies given the rounds
found there (their mean covariance plus the scatter of their positions: the guns' spread and the crowding).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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


def near_count(implied_s: np.ndarray, round_t0_s: np.ndarray, tol_s: float) -> int:
    """How many of the implied origin times lie within ``tol_s`` of some round time."""
    if not len(implied_s) or not len(round_t0_s):
        return 0
    gap = np.abs(np.asarray(implied_s, float)[:, None] - np.asarray(round_t0_s, float)[None, :])
    return int((gap.min(axis=1) <= tol_s).sum())


def round_times_shift_p(implied_s: np.ndarray, round_t0_s: np.ndarray, start_s: float, end_s: float,
                        tol_s: float, step_s: float | None = None) -> float:
    """Share of the shifts of the round times (circular within ``[start_s, end_s]``, on a grid of ``step_s``, a tenth
    of ``tol_s`` by default) at which at least as many implied origin times lie within ``tol_s`` of a round as
    unshifted: the chance that rounds at times unrelated to the event's picks meet them as well.

    A binomial tail (session 27's test: each implied time drawn uniformly in the window, the rounds' covered share
    as the rate) takes each implied time as drawn on its own. A source of its own beside a
    place breaks that: its picks back-projected to the place give implied times that vary smoothly with each
    station's direction, often within a second of one another where its stations lie on one side, so they meet a
    round all together or not at all, and a single chance meeting reads as many (``heavy`` seed 2's event 185, a
    9-pick impact 10 km from a battery, at a binomial tail of 0.01). Shifting the rounds instead keeps whatever
    dependence the implied times have: a tight bunch meets some round at a share of the shifts near the rounds'
    covered share, while a mixture's implied times, each at a different round of the pattern, meet it together only
    near the true alignment."""
    length = end_s - start_s
    n = len(implied_s)
    if n == 0 or not len(round_t0_s) or length <= 0:
        return 1.0
    step = tol_s / 10.0 if step_s is None else step_s
    shifts = np.arange(0.0, length, max(step, 1e-3))
    rounds = np.asarray(round_t0_s, float) - start_s
    moved = start_s + np.mod(rounds[None, :] + shifts[:, None], length)  # (shifts, rounds)
    gap = np.abs(np.asarray(implied_s, float)[None, :, None] - moved[:, None, :])
    counts = (gap.min(axis=2) <= tol_s).sum(axis=1)
    return float(np.mean(counts >= counts[0]))  # the first shift is 0: the observed alignment


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
        p = round_times_shift_p(implied, t0_s[at], first_s[k] - widen, last_s[k] + widen, tol)
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


def count_positions(moved: np.ndarray, located: tuple[np.ndarray, np.ndarray, np.ndarray],
                    placed: tuple[np.ndarray, np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The positions and origin times ``place_rounds`` counts a place's rounds from: ``placed`` (after
    ``event_places``) but each event moved by its round times where it was ``located``.

    What the route moves is a leftover of the place's train: arrivals of rounds the run mostly found already (the test
    is that they meet the found rounds' times), not a round of its own. Counted at the place it would be one more of
    the place's events, so the count adds one round fewer and takes the event for the owner of an arrival at each
    near station it lacks (``rounds.missing_rounds``' ``free_arrivals`` backing): on ``heavy`` seed 2 two true rounds
    the count had added (103, 335) were lost so, while the moved mixtures matched no new round. Read where its own
    fit put it, the count is as it was without the route."""
    by_times = np.asarray(moved) == BY_ROUND_TIMES
    return (np.where(by_times, located[0], placed[0]), np.where(by_times, located[1], placed[1]),
            np.where(by_times, located[2], placed[2]))
