"""The scatter of a place's events that their ellipses do not hold: a battery's guns merged into one event.

A fire mission of another simulator (``benchmarks/foreign_sim.py``) is a battery of 2-6 guns a few hundred metres
apart, firing each salvo within 0-3 s. The run seldom locates every gun's round: it makes one or two events per salvo
whose picks come from several guns (a *mixture*), located between them, with an ellipse computed as for one source.
``truceline score`` matches such an event to the gun nearest in origin time as much as in place (its cost weighs 3 s
like 2 km), which is often not the gun nearest the event: the true location is any of the battery's guns, and the
ellipse would have to hold the battery's extent. Nothing in the event's own picks says so (the mixture's picks fit one
point; docs/fusion.md, "Session 17 (cover17)", "Session 24 (cover24)").

What the run can read is the place: the events located at one place over a mission's salvos (within ``place_km`` and
``place_s``) each land where their salvo's mixture put them, so they scatter over the battery's extent. Two events
``i`` and ``j`` of one place, each an independent draw about it, differ by ``d_ij`` with covariance
``C_i + C_j + 2 B`` (``C`` their ellipses' covariances, ``B`` the place's scatter the ellipses do not hold); so each
event's reading of ``B`` is half the positive part of ``mean_j d_ij d_ij' - C_i - mean_j C_j``. Where the ellipses
already hold the place's scatter (the rounds of one launcher located apart by their own errors) the reading is 0 and
nothing changes. Only events whose own burst (within ``place_km`` and ``min_gap_s``) holds at most ``max_burst`` others
are read: a salvo merged into one or two events; a burst the run located round by round (a rocket launcher's ripple
on `heavy`) is the cluster term's, and its places read the distance between a battery's launchers. Only widens; no event moves (docs/fusion.md, "Session 25 (mix25)").
"""

from __future__ import annotations

import numpy as np


def place_spread_covariance(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, covariance_km2: np.ndarray, *,
                            place_km: float, place_s: float, min_others: int = 1, min_gap_s: float = 0.0,
                            max_burst: int | None = None) -> np.ndarray:
    """(n, 2, 2): each event's reading of its place's scatter beyond the ellipses, ``B_i``: half the positive part of
    ``mean_j d_ij d_ij' - C_i - mean_j C_j`` over the ``j`` other events within ``place_km`` and ``place_s`` of it but
    more than ``min_gap_s`` from it in time (``d_ij`` their offset from it, ``C`` the (2 x 2) position covariances);
    zeros where fewer than ``min_others`` such events, and, with ``max_burst``, where more than ``max_burst`` others lie
    within ``place_km`` and ``min_gap_s`` of it (its burst was located round by round, not merged)."""
    x = np.asarray(x_km, dtype=float)
    y = np.asarray(y_km, dtype=float)
    t = np.asarray(t0_s, dtype=float)
    cov = np.asarray(covariance_km2, dtype=float)[:, :2, :2]
    n = len(t)
    out = np.zeros((n, 2, 2))
    order = np.argsort(t, kind="stable")
    ts = t[order]
    low = np.searchsorted(ts, t - place_s, side="left")
    high = np.searchsorted(ts, t + place_s, side="right")
    for i in range(n):
        window = order[low[i]:high[i]]
        here = window[(window != i) & (np.hypot(x[window] - x[i], y[window] - y[i]) <= place_km)]
        burst = np.abs(t[here] - t[i]) <= min_gap_s
        if max_burst is not None and int(burst.sum()) > max_burst:
            continue
        others = here[~burst]
        if len(others) < max(min_others, 1):
            continue
        offsets = np.column_stack([x[others] - x[i], y[others] - y[i]])
        excess = (offsets.T @ offsets / len(others) - cov[i] - cov[others].mean(axis=0)) / 2.0
        values, vectors = np.linalg.eigh(excess)
        out[i] = (vectors * np.clip(values, 0.0, None)) @ vectors.T
    return out
