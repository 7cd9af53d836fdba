"""Where an event is, as evidence of its role: at a battery, or inside a fire mission's impact area.

A launch is likelier where other launches fired in the same minutes (a battery), an impact where
impacts of fire from elsewhere landed (an impact area). :func:`context_of` says how sure each
context is for one event; :func:`context_odds_from_pairs` learns each context's launch : impact
odds from the run's own pairs (whose roles come from time of flight, not from these odds), with
a prior; :func:`same_place` is the shared test of "the same place, the same minutes", widened by
the two events' location errors. Used by :mod:`truceline.attribute.pairing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from scipy.special import ndtr

from truceline.model.tables import CHI2_2DOF_95
from truceline.attribute.crossfire import impact_area_level_weights
from truceline.attribute.physics import distance_m

if TYPE_CHECKING:
    from truceline.attribute.acoustics import SourceLevels
    from truceline.attribute.level_model import LevelModel
    from truceline.attribute.pairing import PairingConfig

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class ContextOdds:
    """Launch : impact odds of an event by its context, learned from the run's pairs (:func:`context_odds_from_pairs`)."""

    battery: float  # paired launches (other than its partner) fired from its place in the same minutes
    impact_area: float  # no battery, but paired impacts whose launches were elsewhere landed at its place in the same minutes

    def mixture(self, battery: float, impact_area: float) -> list[tuple[float, float]]:
        """(weight, launch : impact odds) of the contexts an event may be in, given how sure it is that a battery fired
        from its place (``battery``) and that impacts of fire from elsewhere landed there (``impact_area``); NaN odds
        for "no context". A battery under fire (both) is a battery: the battery odds are learned over all events there."""
        area = impact_area if np.isfinite(self.impact_area) else 0.0
        return [(w, o) for w, o in ((battery, self.battery), ((1.0 - battery) * area, self.impact_area),
                                    ((1.0 - battery) * (1.0 - area), float("nan"))) if w > 0.0]


def battery_odds_from_pairs(kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                            config: PairingConfig, *, sigma_m: FloatArray | None = None) -> float:
    """Launch : impact odds of an event fired from where other paired launches fired in the same minutes, learned from
    the run's paired events (whose roles come from time of flight, not from these odds): among the paired events with
    a paired launch other than their partner within ``battery_radius_m`` and ``battery_window_s`` (widened by the
    position errors ``sigma_m``, :func:`same_place`), launches against impacts, with ``config.battery_odds`` as the
    prior worth ``config.battery_odds + 1`` such events (so the prior stands when the run has none). Impacts near
    batteries (counter-battery fire, a battery near the line) lower it."""
    launches = np.flatnonzero((kind == "launch") & (partner >= 0))
    n_launch = n_impact = 0
    for i in np.flatnonzero(partner >= 0):
        others = launches[launches != partner[i]]
        if same_place(int(i), others, time_s, lat, lon, config, sigma_m).size:
            n_launch += int(kind[i] == "launch")
            n_impact += int(kind[i] == "impact")
    return (n_launch + config.battery_odds) / (n_impact + 1.0)


def context_of(i: int, kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
             config: PairingConfig, sigma_m: FloatArray | None = None, p_launch: FloatArray | None = None,
             p_impact: FloatArray | None = None, *, levels: SourceLevels | None = None,
             model: LevelModel | None = None) -> tuple[float, float]:
    """(battery, impact area) of event ``i``: that paired launches other than its partner fired from its place in the
    same minutes (:func:`same_place`), and that paired impacts other than its partner landed there whose launches were
    elsewhere (not at its place, not ``i`` itself: a short-range salvo's own impacts near its battery do not count).
    Each is the probability that at least one of those neighbours really plays its role (``1 - prod(1 - p)`` with
    their role probabilities ``p_launch`` / ``p_impact``; without them each neighbour counts as sure, and the values
    are the counts): two chance pairs side by side do not make each other a battery. ``levels`` and ``model``: the impact
    neighbours weighed by their levels (:func:`weighted_context_neighbours`)."""
    if p_launch is None or p_impact is None:
        fired, landed = context_neighbours(i, kind, partner, time_s, lat, lon, config, sigma_m)
        return float(fired.size), float(landed.size)
    fired, fired_weight, landed, landed_weight = weighted_context_neighbours(i, kind, partner, time_s, lat, lon, config, sigma_m,
                                                                             levels=levels, model=model)
    battery = 1.0 - float(np.prod(1.0 - fired_weight * np.clip(p_launch[fired], 0.0, 1.0)))
    area = 1.0 - float(np.prod(1.0 - landed_weight * np.clip(p_impact[landed], 0.0, 1.0))) if landed.size else 0.0
    return battery, area


def context_neighbours(i: int, kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                       lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The neighbours :func:`context_of` reads for event ``i``: the paired launches (not its partner) fired from its place
    in the same minutes, and the paired impacts (not its partner) of fire from elsewhere that landed there."""
    others = np.flatnonzero((partner >= 0) & (np.arange(kind.size) != partner[i]))
    launches, impacts = others[kind[others] == "launch"], others[kind[others] == "impact"]
    fired = same_place(i, launches, time_s, lat, lon, config, sigma_m)
    landed = [int(k) for k in same_place(i, impacts, time_s, lat, lon, config, sigma_m)
              if int(partner[k]) != i and not same_place(i, np.array([partner[k]], dtype=np.intp), time_s, lat, lon, config, sigma_m).size]
    return fired.astype(np.intp), np.asarray(landed, dtype=np.intp)


def weighted_context_neighbours(i: int, kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                                lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None, *,
                                levels: SourceLevels | None = None, model: LevelModel | None = None,
                                ) -> tuple[NDArray[np.intp], FloatArray, NDArray[np.intp], FloatArray]:
    """:func:`context_neighbours` with the probability that each is at event ``i``'s place (:func:`place_weights`):
    (fired, their weights, landed, their weights). A landed impact's weight is that it is at ``i``'s place and its launch
    is not. With ``config.same_place_soft_m`` 0 the neighbours are :func:`context_neighbours`' and every weight is 1.
    With ``config.impact_area_levels`` and the events' ``levels`` and level ``model``, a landed impact's weight is also
    how far the two levels allow event ``i`` to be another impact of that fire (:mod:`truceline.attribute.crossfire`)."""
    fired, fired_weight, landed, landed_weight = _placed_neighbours(i, kind, partner, time_s, lat, lon, config, sigma_m)
    if config.impact_area_levels and landed.size:
        landed_weight = landed_weight * impact_area_level_weights(i, landed, levels, model)
    return fired, fired_weight, landed, landed_weight


def _placed_neighbours(i: int, kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                       lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None,
                       ) -> tuple[NDArray[np.intp], FloatArray, NDArray[np.intp], FloatArray]:
    """:func:`weighted_context_neighbours` by place and minutes alone."""
    if config.same_place_soft_m <= 0.0 and config.same_place_soft_s <= 0.0:
        fired, landed = context_neighbours(i, kind, partner, time_s, lat, lon, config, sigma_m)
        return fired, np.ones(fired.size), landed, np.ones(landed.size)
    others = np.flatnonzero((partner >= 0) & (np.arange(kind.size) != partner[i]))
    launches, impacts = others[kind[others] == "launch"], others[kind[others] == "impact"]
    fired, fired_weight = place_weights(i, launches, time_s, lat, lon, config, sigma_m)
    near, near_weight = place_weights(i, impacts[partner[impacts] != i], time_s, lat, lon, config, sigma_m)
    landed_weight = np.array([w * (1.0 - float(place_weights(i, np.array([partner[k]], dtype=np.intp), time_s, lat, lon, config,
                                                                sigma_m)[1].sum()))
                              for k, w in zip(near, near_weight)])
    keep = landed_weight > 0.0
    return fired, fired_weight, near[keep].astype(np.intp), landed_weight[keep]


def context_odds_from_pairs(kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                            config: PairingConfig, *, sigma_m: FloatArray | None = None) -> ContextOdds:
    """Launch : impact odds of the contexts of :func:`context_of`, learned from the run's paired events (whose roles come
    from time of flight, not from these odds): at a battery, :func:`battery_odds_from_pairs`; in an impact area away
    from any battery, the paired launches against the paired impacts there, with the prior ``impact_area_odds`` worth
    ``context_prior_events`` such events (so that it stands when the run has none). Impacts of fire that the pairing
    took for launches (chance pairs inside a mission's impact cloud) count as launches: the learned odds err towards even."""
    launches = impacts = 0
    for i in np.flatnonzero(partner >= 0):
        battery, area = context_of(int(i), kind, partner, time_s, lat, lon, config, sigma_m)
        if area and not battery:
            launches += int(kind[i] == "launch")
            impacts += int(kind[i] == "impact")
    prior, weight = config.impact_area_odds, config.context_prior_events
    area_odds = (launches + weight * prior / (1.0 + prior)) / (impacts + weight / (1.0 + prior))
    return ContextOdds(battery=battery_odds_from_pairs(kind, partner, time_s, lat, lon, config, sigma_m=sigma_m), impact_area=float(area_odds))


@dataclass(frozen=True, slots=True, kw_only=True)
class ContextCounts:
    """The paired events behind :class:`ContextOdds`, priors included as pseudo-counts: launches and impacts at a battery,
    and in an impact area away from any battery (``battery_launch / battery_impact`` is :func:`battery_odds_from_pairs`,
    ``area_launch / area_impact`` the impact-area odds of :func:`context_odds_from_pairs`)."""

    battery_launch: float
    battery_impact: float
    area_launch: float
    area_impact: float


def context_counts_from_pairs(kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                              config: PairingConfig, *, sigma_m: FloatArray | None = None) -> ContextCounts:
    """The counts (with the priors' pseudo-counts) whose ratios :func:`context_odds_from_pairs` returns."""
    n_launch = n_impact = 0
    launches = impacts = 0
    for i in np.flatnonzero(partner >= 0):
        battery, area = context_of(int(i), kind, partner, time_s, lat, lon, config, sigma_m)
        if battery:
            n_launch += int(kind[i] == "launch")
            n_impact += int(kind[i] == "impact")
        elif area:
            launches += int(kind[i] == "launch")
            impacts += int(kind[i] == "impact")
    prior, weight = config.impact_area_odds, config.context_prior_events
    return ContextCounts(battery_launch=n_launch + config.battery_odds, battery_impact=n_impact + 1.0,
                         area_launch=launches + weight * prior / (1.0 + prior), area_impact=impacts + weight / (1.0 + prior))


def same_place(i: int, others: NDArray[np.intp], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                config: PairingConfig, sigma_m: FloatArray | None = None) -> NDArray[np.intp]:
    """Those of ``others`` (not ``i``) within ``battery_radius_m`` of event ``i`` and ``battery_window_s`` of its time.

    With ``sigma_m`` (1-sigma position errors) the radius is widened by the two locations' errors: two events of one
    battery are estimated ``d`` apart with ``d^2 <= R^2 + chi2_95 (sigma_i^2 + sigma_j^2)`` (95 %, two dimensions)."""
    near = others[(np.abs(time_s[others] - time_s[i]) <= config.battery_window_s) & (others != i)]
    if near.size:
        gap = distance_m(np.full(near.size, lat[i]), np.full(near.size, lon[i]), lat[near], lon[near])
        limit_sq = np.full(near.size, config.battery_radius_m**2)
        if sigma_m is not None:
            limit_sq = limit_sq + CHI2_2DOF_95 * (sigma_m[i] ** 2 + sigma_m[near] ** 2)
        near = near[gap**2 <= limit_sq]
    return near


def place_weights(i: int, others: NDArray[np.intp], time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                  sigma_m: FloatArray | None = None) -> tuple[NDArray[np.intp], FloatArray]:
    """Those of ``others`` (not ``i``) that may be at event ``i``'s place in its minutes, and the probability that they are.

    With ``config.same_place_soft_m`` and ``same_place_soft_s`` 0: :func:`same_place`, each with weight 1. With
    ``same_place_soft_m`` the radius is a soft edge: the
    weight is ``Phi((L - d) / tau)`` for two events estimated ``d`` apart, ``L`` the limit of :func:`same_place` (the
    radius widened by the two locations' errors) and ``tau = hypot(same_place_soft_m, sqrt(sigma_i^2 + sigma_j^2))``
    (how far a battery's spread and the two locations' errors blur the edge), out to ``L + 3 tau``: a neighbour 20 m
    beyond the limit counts a little less than half, not nothing, and one 20 m inside a little more than half. With
    ``config.same_place_soft_s`` the minutes' edge is soft too, times ``Phi((battery_window_s - |dt|) / same_place_soft_s)``."""
    soft, soft_s = config.same_place_soft_m, config.same_place_soft_s
    if soft <= 0.0 and soft_s <= 0.0:
        near = same_place(i, others, time_s, lat, lon, config, sigma_m)
        return near, np.ones(near.size)
    lag = np.abs(time_s[others] - time_s[i])
    near = others[(lag <= config.battery_window_s + 3.0 * max(soft_s, 0.0)) & (others != i)]
    if not near.size:
        return near, np.zeros(0)
    gap = distance_m(np.full(near.size, lat[i]), np.full(near.size, lon[i]), lat[near], lon[near])
    error_sq = np.zeros(near.size) if sigma_m is None else sigma_m[i] ** 2 + sigma_m[near] ** 2
    limit = np.sqrt(config.battery_radius_m**2 + CHI2_2DOF_95 * error_sq)
    if soft > 0.0:
        blur = np.sqrt(soft**2 + error_sq)
        keep = gap <= limit + 3.0 * blur
        weight = ndtr((limit - gap) / blur)
    else:
        keep = gap**2 <= limit**2
        weight = np.ones(near.size)
    lag = np.abs(time_s[near] - time_s[i])
    if soft_s > 0.0:
        weight = weight * ndtr((config.battery_window_s - lag) / soft_s)
    else:
        keep &= lag <= config.battery_window_s
    return near[keep], np.asarray(weight[keep], dtype=np.float64)
