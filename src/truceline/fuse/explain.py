"""Events whose picks other events explain: dissolved, their picks given to those events.

In a burst of fire every station hears a round every fraction of a second, and the greedy
extraction can make an "event" of picks that belong to rounds it found (or will find) from
other stations: a chance coincidence located kilometres from any source, or the second half
of a source whose first half is already an event. Each sound is heard at most once per
station, so a pick at a station that another event has no pick of, and that arrives when that
event predicts it there (within ``FusionConfig.ambiguity_z`` sigma, from its direction at an
array station) *better than the pick's own event predicts it*, is more likely that event's
arrival. An event keeps its own evidence only through the picks no other event explains this
way; when fewer than ``min_stations`` remain, the event would not have been made from them, so
it is dissolved: each explained pick goes to the event that explains it best (which is
relocated and must still fit), the rest are left free. Weakest events are examined first, and
a dissolution that would leave any receiving event misfit is not made.

The "better than its own event" rule is what keeps the rounds of a ripple: two launchers 600 m
apart firing alternately every 0.25 s put most picks of a weak round within 3 sigma of a
neighbouring round's prediction at stations that round missed, yet nearer its own
(``tests/fuse/test_explain.py``); without the rule such rounds were dissolved.
"""

from __future__ import annotations

import math

import numpy as np

from truceline.fuse import kernels
from truceline.fuse.atmosphere import travel_times


def explain_away(
    x_km: np.ndarray,
    y_km: np.ndarray,
    t0_s: np.ndarray,
    picks: list[np.ndarray],
    event_atmosphere: np.ndarray,
    *,
    pick_time: np.ndarray,
    pick_station: np.ndarray,
    pick_baz: np.ndarray,
    pick_baz_sigma: np.ndarray,
    st_x: np.ndarray,
    st_y: np.ndarray,
    st_north: np.ndarray,
    sigma_s: float,
    kappa_model: float,
    min_stations: int,
    reach_km: float,
    max_z: float,
    max_normalised_rms: float,
    baz_gate_z: float,
    changed: np.ndarray | None = None,
    range_slope: float = 0.0,
) -> np.ndarray:
    """Dissolve the events whose picks the others explain; updates positions and ``picks`` in
    place and returns which events are kept. ``event_atmosphere`` is (n, 3): c, wx, wy (km/s).

    ``changed`` (n,) marks the events whose evidence is new since the events were last explained away (sources
    just added, events that gave them picks): then an event is dissolved only if it is one of them or one of them
    explains at least one of its picks (the others' picks are explained as they were), and an event that receives
    picks joins them. None: every event is examined. ``range_slope``: the celerity's range term (``kernels.travel_time``'s
    ``g``)."""
    n = len(t0_s)
    alive = np.ones(n, dtype=bool)
    if n < 2:
        return alive
    fresh = None if changed is None else np.array(changed, dtype=bool)
    stations_of = [set(pick_station[p].tolist()) for p in picks]
    slowest = float(np.min(event_atmosphere[:, 0])) - 0.04
    horizon_s = reach_km / max(slowest, 0.1)
    sizes = np.array([len(s) for s in stations_of])
    for k in np.lexsort((np.arange(n), sizes)):
        if not alive[k] or len(picks[k]) == 0:
            continue
        near = np.flatnonzero(alive & (np.abs(t0_s - t0_s[k]) <= horizon_s))
        near = near[near != k]
        if len(near) == 0:
            continue
        givers: list[tuple[int, int]] = []  # (pick, the event that explains it)
        own = 0
        own_z = _own_z(picks[k], x_km[k], y_km[k], t0_s[k], event_atmosphere[k], pick_time, pick_station, st_x, st_y,
                       sigma_s, kappa_model, range_slope)
        for p, z_own in zip(picks[k].tolist(), own_z.tolist()):
            j = best_explainer(p, min(max_z, z_own), near, x_km, y_km, t0_s, stations_of, event_atmosphere, pick_time,
                                pick_station, pick_baz, pick_baz_sigma, st_x, st_y, st_north, sigma_s, kappa_model,
                                reach_km, baz_gate_z, range_slope)
            if j < 0:
                own += 1
            else:
                givers.append((p, j))
        if own >= min_stations:
            continue
        if fresh is not None and not fresh[k] and not any(fresh[j] for _p, j in givers):
            continue  # nothing new explains its picks: it was kept on this evidence before
        if _give(givers, x_km, y_km, t0_s, picks, event_atmosphere, pick_time, pick_station, pick_baz, pick_baz_sigma,
                 st_x, st_y, st_north, sigma_s, kappa_model, max_normalised_rms, range_slope):
            alive[k] = False
            picks[k] = np.zeros(0, dtype=np.int64)
            for p, j in givers:
                stations_of[j].add(int(pick_station[p]))
                if fresh is not None:
                    fresh[j] = True
    return alive


def best_explainer(
    p: int, bar_z: float, near: np.ndarray, x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray,
    stations_of: list[set[int]], event_atmosphere: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray,
    pick_baz: np.ndarray, pick_baz_sigma: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
    sigma_s: float, kappa_model: float, reach_km: float, baz_gate_z: float, range_slope: float = 0.0,
) -> int:
    """The event among ``near`` that has no pick of ``p``'s station, is within reach of it, agrees
    with ``p``'s direction and predicts ``p`` best, closer than ``bar_z`` sigma (-1: none)."""
    s = int(pick_station[p])
    free = np.array([s not in stations_of[j] for j in near], dtype=bool)
    candidates = near[free & (np.hypot(x_km[near] - st_x[s], y_km[near] - st_y[s]) <= reach_km)]
    if len(candidates) == 0:
        return -1
    atm = event_atmosphere[candidates]
    tt = travel_times(np.full(len(candidates), st_x[s]), np.full(len(candidates), st_y[s]), x_km[candidates],
                      y_km[candidates], atm[:, 0], atm[:, 1], atm[:, 2], range_slope)
    z = np.abs(pick_time[p] - t0_s[candidates] - tt) / np.sqrt(sigma_s**2 + (kappa_model * tt) ** 2)
    for i in np.argsort(z, kind="stable"):
        if z[i] >= bar_z:
            break
        j = int(candidates[i])
        if kernels.baz_agrees(pick_baz[p], pick_baz_sigma[p], st_x[s], st_y[s], st_north[s], x_km[j], y_km[j], baz_gate_z):
            return j
    return -1


def _own_z(picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray, pick_time: np.ndarray,
           pick_station: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, sigma_s: float, kappa_model: float,
           range_slope: float = 0.0) -> np.ndarray:
    """How many sigma each of an event's picks lies from its own predicted arrival."""
    s = pick_station[picks]
    tt = travel_times(st_x[s], st_y[s], x, y, float(atmosphere[0]), float(atmosphere[1]), float(atmosphere[2]), range_slope)
    return np.asarray(np.abs(pick_time[picks] - t0 - tt) / np.sqrt(sigma_s**2 + (kappa_model * tt) ** 2))


def _give(
    givers: list[tuple[int, int]], x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray],
    event_atmosphere: np.ndarray, pick_time: np.ndarray, pick_station: np.ndarray, pick_baz: np.ndarray,
    pick_baz_sigma: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray, sigma_s: float,
    kappa_model: float, max_normalised_rms: float, range_slope: float = 0.0,
) -> bool:
    """Add each explained pick to its event and relocate those events; ``False`` (and nothing
    changed) if any of them would then fit its picks worse than ``max_normalised_rms``."""
    gained: dict[int, list[int]] = {}
    for p, j in givers:
        gained.setdefault(j, []).append(p)
    updates = {}
    for j, extra in sorted(gained.items()):
        merged = np.sort(np.concatenate([picks[j], np.array(extra, dtype=np.int64)]))
        c, wx, wy = (float(v) for v in event_atmosphere[j])
        xj, yj, tj, cov, chi2, n_obs = kernels.locate(merged, pick_station[merged], pick_time, pick_baz, pick_baz_sigma,
                                                      st_x, st_y, st_north, float(x_km[j]), float(y_km[j]),
                                                      float(t0_s[j]), c, wx, wy, sigma_s, kappa_model, 2.5, 15,
                                                      range_slope)
        dof = n_obs - 3
        if not np.isfinite(cov[0, 0]) or dof < 1 or math.sqrt(chi2 / dof) > max_normalised_rms:
            return False
        updates[j] = (xj, yj, tj, merged)
    for j, (xj, yj, tj, merged) in updates.items():
        x_km[j], y_km[j], t0_s[j], picks[j] = xj, yj, tj, merged
    return True
