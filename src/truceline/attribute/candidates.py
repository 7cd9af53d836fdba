"""The candidate pairs: every physically possible (launch, impact) pair of events with its cost (the time of
flight, the crossing of the line, the levels' veto), and the reach from across the line."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

from truceline.attribute.acoustics import (LevelModel, SourceLevels, impact_class_weights, pair_level_penalty,
                                           unpaired_probability)
from truceline.attribute.impact_role import impact_role_extra
from truceline.attribute.physics import ENVELOPES, MAX_RANGE_M, MAX_TIME_OF_FLIGHT_S, distance_m, flight_costs
from truceline.attribute.pairing_config import PairingConfig

FloatArray = NDArray[np.float64]


def crossing_probability(side_a: NDArray[np.str_], p_a: FloatArray, side_b: NDArray[np.str_], p_b: FloatArray) -> FloatArray:
    """Probability that two events lie in different parties' areas (two parties, independent locations)."""
    same = side_a == side_b
    differ = p_a * p_b + (1 - p_a) * (1 - p_b)
    agree = p_a * (1 - p_b) + (1 - p_a) * p_b
    known = (side_a != "") & (side_b != "")
    return np.where(known, np.where(same, agree, differ), 0.5)


def candidate_pairs(
    time_s: FloatArray, lat: FloatArray, lon: FloatArray, time_sigma_s: FloatArray, position_sigma_m: FloatArray,
    side: NDArray[np.str_], p_side: FloatArray, config: PairingConfig, line_distance_m: FloatArray | None = None,
    depth_bounds_m: FloatArray | None = None,
) -> tuple[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray]:
    """(launch index, impact index, cost, class costs) of every physically possible pair cheaper than ``2 unpaired_cost``
    (plus ``pair_cut_soft``: the near pairs); ``depth_bounds_m`` (classes, 2),
    or per event (n, classes, 2) as the launch, replaces physics' deployment depths
    (:func:`truceline.attribute.physics.flight_costs`)."""
    order = np.argsort(time_s, kind="stable")
    sorted_t = time_s[order]
    heads: list[NDArray[np.int64]] = []
    tails: list[NDArray[np.int64]] = []
    for rank, a in enumerate(order):
        lo = np.searchsorted(sorted_t, time_s[a] + config.min_flight_s, side="left")
        hi = np.searchsorted(sorted_t, time_s[a] + MAX_TIME_OF_FLIGHT_S + 10.0, side="right")
        if hi > lo:
            b = order[lo:hi]
            near = distance_m(np.full(b.size, lat[a]), np.full(b.size, lon[a]), lat[b], lon[b]) <= MAX_RANGE_M * 1.2
            heads.append(np.full(int(near.sum()), a, dtype=np.int64))
            tails.append(b[near].astype(np.int64))
    if not heads:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros((0, len(ENVELOPES)))
    a_idx, b_idx = np.concatenate(heads), np.concatenate(tails)
    range_m = distance_m(lat[a_idx], lon[a_idx], lat[b_idx], lon[b_idx])
    flight = time_s[b_idx] - time_s[a_idx]
    range_sigma = np.hypot(position_sigma_m[a_idx], position_sigma_m[b_idx])
    flight_sigma = np.hypot(time_sigma_s[a_idx], time_sigma_s[b_idx])
    depth = None if line_distance_m is None else np.abs(line_distance_m[a_idx])
    bounds = depth_bounds_m[a_idx] if depth_bounds_m is not None and depth_bounds_m.ndim == 3 else depth_bounds_m
    class_costs = flight_costs(range_m, flight, range_sigma, flight_sigma, depth, position_sigma_m[a_idx], bounds,
                               speed_bound=config.flight_speed_bound)
    p_cross = np.clip(crossing_probability(side[a_idx], p_side[a_idx], side[b_idx], p_side[b_idx]), 1e-6, 1.0)
    cost = class_costs.min(axis=1) - 2.0 * np.log(p_cross)
    keep = np.isfinite(cost) & (cost < 2.0 * config.unpaired_cost + max(config.pair_cut_soft, 0.0))
    return a_idx[keep], b_idx[keep], cost[keep], class_costs[keep]


def reach_from_across(depth_m: FloatArray, position_sigma_m: FloatArray, levels: SourceLevels, model: LevelModel, config: PairingConfig,
                      which: NDArray[np.bool_]) -> FloatArray:
    """For the events ``which`` taken as impacts ``depth_m`` behind the line: the probability that a weapon of their
    class (from the level) could have fired them from across the line — the class's reach must cover the depth
    plus the class's least deployment depth. "Any weapon" (unmodelled classes, silent launches such as drones)
    always could. 1 for the other events."""
    out = np.ones(depth_m.size)
    for i in np.flatnonzero(which):
        weights, any_weapon = impact_class_weights(model, float(levels.level_db[i]), float(levels.level_sigma_db[i]),
                                                   silent_launch_share=config.silent_launch_share)
        reachable = any_weapon
        for k, envelope in enumerate(ENVELOPES[:weights.size]):
            if weights[k] > 0.0:
                slack = envelope.max_range_m - envelope.min_depth_m - depth_m[i]
                reachable += float(weights[k]) * float(ndtr(slack / max(float(position_sigma_m[i]), 100.0)))
        out[i] = min(max(reachable, 0.0), 1.0)
    return out


def with_levels(candidates: tuple[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray], levels: SourceLevels, model: LevelModel,
                config: PairingConfig) -> tuple[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray]:
    """The candidates with the acoustic veto added to their class costs (and those now too dear dropped)."""
    heads, tails, cost, class_costs = candidates
    if not heads.size:
        return candidates
    penalty = pair_level_penalty(model, levels.level_db[heads], levels.level_sigma_db[heads], levels.level_db[tails], levels.level_sigma_db[tails],
                                 role_null=config.level_role_null)
    if config.level_role_null_impact and not config.level_role_null and penalty.shape[1]:
        # The impact end weighed against its class's launch level too (module ``impact_role``); the veto's cap (30) kept.
        penalty = np.minimum(penalty + impact_role_extra(model, levels.level_db[tails], levels.level_sigma_db[tails]), 30.0)
    crossing = cost - class_costs.min(axis=1)
    class_costs = class_costs + penalty
    cost = class_costs.min(axis=1) + crossing
    if config.unpaired_levels:
        extra = unpaired_level_cost(levels, model, config)
        # Leaving both events unpaired costs ``2 unpaired_cost + extra_a + extra_b``: the same as a pair dearer by the extras.
        cost = cost - extra[heads] - extra[tails]
    keep = np.isfinite(cost) & (cost < 2.0 * config.unpaired_cost + max(config.pair_cut_soft, 0.0))
    return heads[keep], tails[keep], cost[keep], class_costs[keep]


def unpaired_level_cost(levels: SourceLevels, model: LevelModel, config: PairingConfig) -> FloatArray:
    """Per event, what its levels add to the cost of leaving it unpaired: ``-2 ln(P(unpaired | level) / P(unpaired))``,
    P(unpaired | level) the probability that its partner went unlocated (:func:`unpaired_probability`: a loud mortar
    detonation's quiet launch seldom is located; a gun's blast or a mortar's launch seldom goes without its partner) and
    P(unpaired) its mean over the run's events (so that on average the flat ``unpaired_cost`` stands). The pair's level
    veto compares a level with the class's launch (impact) against the run's levels at random; this compares the
    unpaired state against the same, so a candidate pair against its two events unpaired is weighed on the ratio of the
    two likelihoods. 0 where the level is unknown; with ``unpaired_levels_signed=False`` only the reward (at most 0)."""
    extra = np.zeros(levels.level_db.size)
    missing = model.missing_classes
    if missing is not None and model.prior_weight is not None:
        missing = missing & ~(model.prior_weight > 0.0)  # a class kept from the physics prior is not missing
    if missing is not None and missing.any():
        return extra
    p, share = unpaired_probability(model, levels.level_db, levels.level_sigma_db, levels.margins_db, min_stations=config.min_stations,
                                    silent_launch_share=config.silent_launch_share, partner_elsewhere=config.partner_elsewhere)
    known = np.isfinite(p)
    if not known.any() or float(np.sum(share[known])) <= 0.0:
        return extra
    # Where the level is not a modelled class's, the run's mean stands: P = share p + (1 - share) mean, mean = E[P].
    mean = float(np.sum(share[known] * p[known]) / np.sum(share[known]))
    if mean <= 0.0:
        return extra
    p_unpaired = share[known] * p[known] + (1.0 - share[known]) * mean
    extra[known] = -2.0 * np.log(np.maximum(p_unpaired, 1e-6) / mean)
    return extra if config.unpaired_levels_signed else np.minimum(extra, 0.0)
