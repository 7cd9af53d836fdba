"""Where each weapon class fires from, learned from the run: its launches' depth behind the line.

Physics bounds a class's deployment loosely (:class:`~truceline.attribute.physics.WeaponEnvelope`: guns 2-20 km behind
the line, rocket launchers 3-25 km, mortars 0.2-5 km), because armies and terrain differ. Within one run the sides deploy
each class in a narrower band, and the run's confident pairs (roles and class from time of flight) show it: a mortar
bomb detonating 1-3 km inside a side's area, read as a gun's "launch" of an impact across the line, stands shallower than
any of that side's guns fired from all day. :func:`learned_depth_bounds` takes, per class, a low quantile of the depths
of the confident pairs' launches (weighted by the pairs' class probabilities) as its least depth, kept inside physics'
bounds; the greatest depth stays physics' (the deep launches are the fewest heard and paired, so a high quantile of the
paired ones cuts true launches: measured, docs/attribution.md "Session 18 (deploy18)");
:func:`truceline.attribute.physics.flight_costs` then charges a candidate pair the squared miss of those bounds, as it
does physics' own.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.physics import ENVELOPES, distance_m

FloatArray = NDArray[np.float64]


def physics_depth_bounds() -> FloatArray:
    """(classes, 2): each class's least and greatest deployment depth behind the line by physics, metres."""
    return np.array([[e.min_depth_m, e.max_depth_m] for e in ENVELOPES], dtype=np.float64)


def weighted_quantile(values: FloatArray, weights: FloatArray, q: float) -> float:
    """The ``q`` quantile of ``values`` weighted by ``weights`` (the value where the cumulative weight reaches ``q``)."""
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][min(int(np.searchsorted(cumulative, q * cumulative[-1], side="left")), values.size - 1)])


def learned_depth_bounds(depth_m: FloatArray, launch: NDArray[np.int64], class_probability: FloatArray, *, quantile: float,
                         min_weight: float) -> tuple[FloatArray, FloatArray]:
    """(bounds, weight): per class, the least depth is the ``quantile`` depth (metres behind the line) of the launches
    ``launch`` (the run's confident pairs' launches) weighted by their class probabilities ``class_probability``
    (rows as ``launch``), clipped to physics' bounds, the greatest physics'; a class whose launches weigh less than
    ``min_weight`` keeps physics' bounds. ``weight``: each class's total weight."""
    bounds = physics_depth_bounds()
    weight = np.zeros(len(ENVELOPES))
    if launch.size == 0:
        return bounds, weight
    depth = np.abs(np.asarray(depth_m, dtype=np.float64)[launch])
    finite = np.isfinite(depth)
    for k in range(len(ENVELOPES)):
        w = np.asarray(class_probability[:, k], dtype=np.float64) * finite
        weight[k] = float(w.sum())
        if weight[k] < min_weight:
            continue
        low = weighted_quantile(depth[finite], w[finite], quantile)
        physics_low, physics_high = bounds[k]
        bounds[k, 0] = min(max(low, physics_low), physics_high)
    return bounds, weight


def depth_bounds_per_event(depth_m: FloatArray, launch: NDArray[np.int64], class_probability: FloatArray, time_s: FloatArray,
                           lat: FloatArray, lon: FloatArray, *, quantile: float, min_weight: float, radius_m: float,
                           window_s: float) -> tuple[FloatArray, FloatArray]:
    """(bounds, per_event): :func:`learned_depth_bounds` of all ``launch``, and per event (shape (n, classes, 2)) the
    bounds that judge it as a launch: those learned without the launches of its own deployment (itself and those of
    ``launch`` within ``radius_m`` and ``window_s`` of it: one battery's rounds, or a mission's detonations chance-paired
    as launches, do not vouch for each other's depth), else the bounds of all."""
    bounds, _ = learned_depth_bounds(depth_m, launch, class_probability, quantile=quantile, min_weight=min_weight)
    n = time_s.size
    per_event = np.broadcast_to(bounds, (n, *bounds.shape)).copy()
    if not launch.size:
        return bounds, per_event
    for event in range(n):
        near = np.abs(time_s[launch] - time_s[event]) <= window_s
        if near.any():
            near[near] = distance_m(np.full(int(near.sum()), lat[event]), np.full(int(near.sum()), lon[event]), lat[launch[near]],
                                    lon[launch[near]]) <= radius_m
        near |= launch == event
        if near.any():
            per_event[event], _ = learned_depth_bounds(depth_m, launch[~near], class_probability[~near], quantile=quantile,
                                                       min_weight=min_weight)
    return bounds, per_event
