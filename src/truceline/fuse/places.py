"""Poorly located events moved to an active firing place whose rounds their picks are (``FusionConfig.event_places``).

A battery fires many rounds from one place within seconds (guns 0.1-0.2 km apart, 2-24 rounds a salvo); at every
station its rounds arrive as a train of arrivals seconds apart, and where the rounds' travel times scatter (each
round's path through a turbulent boundary layer, the guns' offsets) by as much as the rounds' spacing, no associator
can tell which arrival is which round. Most of the events made of such a train still lie at the battery (their picks
are all from there), but the leftovers of a train form events a few kilometres off the battery, seconds off the
rounds, with wide ellipses: mixtures of several rounds' picks whose chance fit lies nowhere. Their picks say "rounds
of this battery" and their ellipses do not exclude the battery.

The rule (batch only: a place is known from the events on either side in time):

* a *place* is an event with at least ``min_events`` other events within ``place_km`` and ``place_s`` (a battery or
  a target area firing or hit repeatedly); its position is the median of those events' positions, its firing window
  their earliest to their latest origin time;
* an event that is itself not at a place and lies more than ``min_move_km`` from every place within ``place_s`` of
  it (a separate source beside a battery, e.g. a target area a kilometre off, is left where it is), whose 95 %
  ellipse (its calibrated covariance) holds a place within ``place_s`` of it, and at least ``min_share`` of whose
  picks, were they from the place, leave it within its firing window (``slack_s`` plus ``kappa`` of the travel time
  either side: a pick of a round of the place does, a real source elsewhere's picks scatter by seconds), is moved to
  that place (the one nearest in the ellipse's metric that passes); its origin time is the median of its picks'
  times less their travel times from the place under its own atmosphere.

Its ellipse is kept (it held the place, so centred at the place it holds the former position): conservative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.placetimes import BY_ROUND_TIMES, RoundTimes, place_by_round_times
from truceline.model.tables import CHI2_2DOF_95



@dataclass(frozen=True, slots=True)
class Places:
    """Per event: whether it is at a place, the place's position (the median of the event and its neighbours) and
    firing window (their earliest and latest origin times); nan for the events not at a place."""

    at_place: np.ndarray  # (n,) bool
    px_km: np.ndarray
    py_km: np.ndarray
    first_s: np.ndarray
    last_s: np.ndarray


def find_places(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, *, place_km: float, place_s: float,
                min_events: int) -> Places:
    """The events with at least ``min_events`` others within ``place_km`` and ``place_s``."""
    n = len(t0_s)
    order = np.argsort(t0_s, kind="stable")
    ts = t0_s[order]
    at = np.zeros(n, dtype=bool)
    px, py, first, last = (np.full(n, np.nan) for _ in range(4))
    for i in range(n):
        lo = int(np.searchsorted(ts, t0_s[i] - place_s, side="left"))
        hi = int(np.searchsorted(ts, t0_s[i] + place_s, side="right"))
        near = order[lo:hi]
        near = near[np.hypot(x_km[near] - x_km[i], y_km[near] - y_km[i]) <= place_km]
        if len(near) - 1 >= min_events:  # near holds the event itself
            at[i] = True
            px[i] = float(np.median(x_km[near]))
            py[i] = float(np.median(y_km[near]))
            first[i] = float(t0_s[near].min())
            last[i] = float(t0_s[near].max())
    return Places(at_place=at, px_km=px, py_km=py, first_s=first, last_s=last)


def to_places(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, cov_km2: np.ndarray, picks: list[np.ndarray],
              event_atmosphere: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray, st_x: np.ndarray,
              st_y: np.ndarray, *, place_km: float = 0.5, place_s: float = 30.0, min_events: int = 4,
              min_move_km: float = 2.0, min_share: float = 0.75, slack_s: float = 1.0,
              kappa: float = 0.025, round_times: RoundTimes | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The events' positions and origin times with the poorly located ones moved to a place (module docstring);
    returns ``(x, y, t0, moved)``. ``cov_km2``: (n, 2, 2) position covariances (calibrated); ``picks``: each event's
    pick rows; ``event_atmosphere``: (n, 3) each event's ``(c, wx, wy)`` in km/s. ``round_times``: an event no place
    in its ellipse takes may still move where its picks fall at a place's found round times (``fuse/placetimes.py``);
    ``moved`` is then ``placetimes.BY_ROUND_TIMES`` for it (and 1, true, for a move by the ellipse)."""
    n = len(t0_s)
    x, y, t0 = np.array(x_km, float), np.array(y_km, float), np.array(t0_s, float)
    moved = np.zeros(n, dtype=bool if round_times is None else np.int8)
    if n == 0:
        return x, y, t0, moved
    places = find_places(x, y, t0, place_km=place_km, place_s=place_s, min_events=min_events)
    hubs = np.flatnonzero(places.at_place)
    for j in range(n):
        if places.at_place[j] or not len(picks[j]):
            continue
        near = hubs[np.abs(t0_s[hubs] - t0_s[j]) <= place_s]
        if not len(near):
            continue
        dx = places.px_km[near] - x_km[j]
        dy = places.py_km[near] - y_km[j]
        if np.hypot(dx, dy).min() <= min_move_km:
            continue  # beside a place already: perhaps a source of its own
        cov = np.asarray(cov_km2[j], float)
        if not np.all(np.isfinite(cov)) or np.linalg.det(cov) <= 0:
            continue
        inv = np.linalg.inv(cov)
        r2 = inv[0, 0] * dx * dx + 2 * inv[0, 1] * dx * dy + inv[1, 1] * dy * dy
        rows = picks[j]
        stations = pick_station[rows]
        c, wx, wy = (float(v) for v in event_atmosphere[j])
        for k in np.argsort(r2, kind="stable"):
            if not r2[k] <= CHI2_2DOF_95:
                break
            hub = near[k]
            tt = travel_times(st_x[stations], st_y[stations], places.px_km[hub], places.py_km[hub], c, wx, wy)
            implied = pick_time[rows] - tt  # each pick's origin time, were it from the place
            slack = slack_s + kappa * tt
            inside = (implied >= places.first_s[hub] - slack) & (implied <= places.last_s[hub] + slack)
            if inside.mean() < min_share:
                continue  # its picks are not the place's rounds
            x[j], y[j] = places.px_km[hub], places.py_km[hub]
            t0[j] = float(np.median(implied))
            moved[j] = True
            break
        if not moved[j] and round_times is not None:
            k, t_implied = place_by_round_times(
                j, near, x_km, y_km, t0_s, places.px_km[near], places.py_km[near], places.first_s[near],
                places.last_s[near], rows, pick_time, pick_station, st_x, st_y, (c, wx, wy), place_km=place_km,
                max_km=round_times.max_km, min_share=min_share, slack_s=slack_s, kappa=kappa, alpha=round_times.alpha,
                tol_s=round_times.tol_s, tol_kappa=round_times.tol_kappa)
            if k >= 0:
                x[j], y[j], t0[j], moved[j] = places.px_km[near[k]], places.py_km[near[k]], t_implied, BY_ROUND_TIMES
    return x, y, t0, moved
