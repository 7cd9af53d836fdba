"""A volley's impacts are assigned to one firing place jointly (``PairingConfig.volley_joint``).

A battery fires a volley on one command and its rounds land together: of 1,167 pairs of true impacts within 5 s and 500 m
of each other (`violation` seeds 7-11 and `heavy` 0.25 h) none came from two places (:func:`volley.split_impacts`). The
event-by-event assignment does not know it: a mortar bomb's detonation inside one party's area can be read as a "launch"
and take one impact of the other party's volley across the line while the volley's other impacts are paired with their
true battery's launches (docs/attribution.md, "firing17" class II). Here each volley of paired impacts (and the events
landing with them) whose launches stand at two places or more is decided as one: for every place ``g`` (and "none that was
located") the piece of the candidate graph around it is solved again with the volley's impacts allowed only launches at
``g`` (:func:`truceline.attribute.assignment.assign`), and the hypotheses are weighed by their solutions' costs,
``exp(-cost / 2)`` as every role's min-marginal is; the chosen mixed solution stays a hypothesis at ``volley_split_penalty``
per place more than one (one volley from two places is rare, not impossible: two volleys may land within seconds on one
target). A paired launch of the volley keeps its role in the hypotheses whose solutions keep it a launch, takes the impact
role in those that make it an impact, and its lone evidence (contexts, levels) in those that leave it unpaired
(:func:`volley_place_roles`). Unlike :func:`volley.one_place_shares`, which weighs each place by its pairs' shares, the
hypotheses here are whole solutions: a battery whose three rounds pair into the volley outweighs one chance pair by the
three pairs it would have to give up.

The same volley speaks for the events the pairing left alone: an unpaired event landing within seconds beside paired
impacts is one of their rounds, not a launch, as far as they are real (``PairingConfig.unpaired_among_impacts``,
:func:`volley_unpaired_roles`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from truceline.attribute.acoustics import LevelModel, SourceLevels
    from truceline.attribute.context import ContextOdds
    from truceline.attribute.pairing import PairingConfig

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class VolleyPlaces:
    """One volley of impacts whose launches stand at two places or more, decided jointly."""

    impacts: NDArray[np.intp]  # the volley's events as impacts (paired impacts and the events landing with them)
    places: tuple[NDArray[np.intp], ...]  # the paired launches of the volley, grouped by place
    weights: FloatArray  # posterior of: each place fired it, none located did, the chosen (mixed) solution
    roles: dict[int, NDArray[np.int8]]  # per launch of the volley: its role in each hypothesis (+1, -1, 0 unpaired)


def volley_places(kind: NDArray[np.str_], partner: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64],
                  cost: FloatArray, time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                  sigma_m: FloatArray | None = None) -> list[VolleyPlaces]:
    """The volleys of paired impacts (linked within ``volley_split_window_s`` and ``volley_radius_m``) whose launches stand
    at two places or more (linked by ``same_place``), each with its hypotheses' posteriors and its launches' roles in them.

    A hypothesis "place ``g`` fired it" is the least-cost solution of the piece (the volley's events, their partners, every
    event a candidate pair links to them, and those events' partners; the rest as chosen) in which no event of the volley
    is a launch and its events are impacts only of launches at ``g``'s place (``same_place`` of one of ``g``'s launches);
    "none" allows them no launch. ``cost`` is each candidate's cost (what leaving a pair's two events unpaired saves is
    ``2 unpaired_cost - cost``). The chosen solution is a hypothesis too, dearer by ``volley_split_penalty`` per place
    beyond the first."""
    from truceline.attribute.context import same_place
    from truceline.attribute.assignment import assign, objective_of
    from truceline.attribute.volley import multi_place_volleys, volley_together
    out: list[VolleyPlaces] = []
    impacts = np.flatnonzero((kind == "impact") & (partner >= 0)).astype(np.intp)
    if impacts.size < 2 or not heads.size:
        return out
    together = volley_together(config)
    everyone = np.arange(kind.size, dtype=np.intp)
    incident: dict[int, list[int]] = {}
    for e in range(heads.size):
        incident.setdefault(int(heads[e]), []).append(e)
        incident.setdefault(int(tails[e]), []).append(e)
    dilution = np.zeros(heads.size)
    if config.volley_joint_crowd:
        # A pair's evidence is diluted by its crowd as a role's is (``1 + coincidence_weight m``, m the other candidates of
        # its two events): in dense fire a cheap pair is likelier chance.
        degree = np.bincount(np.concatenate([heads, tails]), minlength=kind.size)
        dilution = 2.0 * np.log1p(config.coincidence_weight * (degree[heads] + degree[tails] - 2))
    for volley, launches, places in multi_place_volleys(impacts, partner, time_s, lat, lon, config, sigma_m):
        # The volley's events: its paired impacts and every event landing with one of them (an unpaired round of it).
        landed = set(map(int, volley))
        for b in map(int, volley):
            landed.update(int(m) for m in same_place(b, everyone, time_s, lat, lon, together, sigma_m))
        landed -= set(map(int, launches))
        local = set(landed) | set(map(int, launches))
        core = set(local)
        for m in core:
            for e in incident.get(m, ()):
                local.update((int(heads[e]), int(tails[e])))
        local.update(int(partner[m]) for m in list(local) if partner[m] >= 0)
        edges = np.array(sorted({e for m in local for e in incident.get(m, ()) if int(heads[e]) in local and int(tails[e]) in local}),
                         dtype=np.int64)
        h, t, c = heads[edges], tails[edges], cost[edges] + dilution[edges]
        current = [j for j, e in enumerate(edges) if partner[int(heads[e])] == int(tails[e])]
        members = np.array(sorted(local), dtype=np.int64)
        into = np.isin(t, list(landed))
        out_of = np.isin(h, list(landed))
        base = objective_of(current, c, config.unpaired_cost)
        objectives: list[float] = []
        solutions: list[list[int]] = []
        for place in list(places) + [np.zeros(0, dtype=np.intp)]:
            at_place = np.array([int(x) in set(map(int, place)) or (place.size > 0 and same_place(int(x), place, time_s, lat, lon, config,
                                                                                                  sigma_m).size > 0)
                                 for x in h], dtype=bool)
            keep = np.flatnonzero(~out_of & (~into | at_place))
            chosen = [int(keep[m]) for m in assign(members, h[keep], t[keep], c[keep], config.unpaired_cost, max_branches=16,
                                                   exact=False)] if keep.size else []
            objectives.append(objective_of(chosen, c, config.unpaired_cost))
            solutions.append(chosen)
        objectives.append(base + config.volley_split_penalty * (len(places) - 1))
        solutions.append(current)
        value = np.array(objectives)
        weights = np.exp(-(value - value.min()) / 2.0)
        weights /= weights.sum()
        roles: dict[int, NDArray[np.int8]] = {}
        for m in map(int, launches):
            role = np.zeros(len(solutions), dtype=np.int8)
            for k, chosen in enumerate(solutions):
                if any(int(h[j]) == m for j in chosen):
                    role[k] = 1
                elif any(int(t[j]) == m for j in chosen):
                    role[k] = -1
            roles[m] = role
        out.append(VolleyPlaces(impacts=np.array(sorted(landed), dtype=np.intp), places=tuple(places), weights=weights, roles=roles))
    return out


def joint_launch_role(p_launch: float, p_impact: float, lone_launch: float, weights: FloatArray,
                      role: NDArray[np.int8]) -> tuple[float, float]:
    """A volley launch's (p launch, p impact) mixed over the hypotheses: where its hypothesis keeps it a launch, its current
    probabilities; where it takes it out of the volley (unpaired, or the impact of another pair), its lone evidence
    ``lone_launch`` (a solution that reads it as an impact weighs only pair costs; the contexts that made it a launch are not
    in them, so the impact role there is no more than its evidence without the pair). Never raised above the current
    ``p_launch`` (the volley's constraint is evidence against a launch, not for one)."""
    keep = float(weights[role == 1].sum())
    alone = float(weights[role != 1].sum())
    launch = keep * p_launch + alone * lone_launch
    impact = keep * p_impact + alone * (1.0 - lone_launch)
    if launch >= p_launch - 1e-12:
        return p_launch, p_impact
    return launch, min(impact, 1.0)


def volley_joint_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64],
                       cost: FloatArray, p_launch: FloatArray, p_impact: FloatArray, time_s: FloatArray, lat: FloatArray,
                       lon: FloatArray, config: PairingConfig, levels: SourceLevels | None, model: LevelModel | None,
                       contexts: ContextOdds, sigma_m: FloatArray | None, reason: list[str]) -> None:
    """The launches of volleys fired from two places or more (:func:`volley_places`), in place: each launch's roles mixed
    over the hypotheses (:func:`joint_launch_role`; its lone evidence from its contexts at their current roles and its
    level, as an unpaired event's), and the reason says how likely its place fired the volley."""
    from truceline.attribute.context import context_of
    from truceline.attribute.pairing import lone_event_odds
    volleys = volley_places(kind, partner, heads, tails, cost, time_s, lat, lon, config, sigma_m)
    before_launch, before_impact = p_launch.copy(), p_impact.copy()
    for volley in volleys:
        for k, place in enumerate(volley.places):
            for m in map(int, place):
                battery, area = context_of(m, kind, partner, time_s, lat, lon, config, sigma_m, before_launch, before_impact)
                lone = 1.0 / (1.0 + lone_event_odds(m, contexts.mixture(battery, area), config, levels, model)[0])
                launch, impact = joint_launch_role(float(before_launch[m]), float(before_impact[m]), lone, volley.weights, volley.roles[m])
                if launch >= float(p_launch[m]) - 1e-12:
                    continue
                p_launch[m], p_impact[m] = launch, impact
                reason[m] += (f"; its impact lands with a volley launched from {len(volley.places)} places, decided jointly (one"
                              f" volley is fired from one place): this place fired it with probability {volley.weights[k]:.2f},"
                              f" another or none located {1.0 - volley.weights[k] - volley.weights[-1]:.2f}; p launch by its own"
                              f" evidence {lone:.2f}")


def landed_with_volley(kind: NDArray[np.str_], partner: NDArray[np.int64], p_impact: FloatArray, time_s: FloatArray, lat: FloatArray,
                       lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> dict[int, tuple[float, int]]:
    """Unpaired events that land with a volley of paired impacts: at least ``unpaired_among_impacts_mates`` paired impacts within
    ``volley_split_window_s`` and ``volley_radius_m`` of the event (widened by the locations' errors, as ``same_place``).
    Returns {event: (the probability that the volley is real there, ``1 - prod (1 - p_impact)`` over those impacts, how
    many they are)}."""
    from truceline.attribute.context import same_place
    from truceline.attribute.volley import volley_together
    out: dict[int, tuple[float, int]] = {}
    impacts = np.flatnonzero((kind == "impact") & (partner >= 0)).astype(np.intp)
    if impacts.size < max(config.unpaired_among_impacts_mates, 1):
        return out
    together = volley_together(config)
    for i in map(int, np.flatnonzero(partner < 0)):
        mates = same_place(i, impacts, time_s, lat, lon, together, sigma_m)
        if mates.size >= max(config.unpaired_among_impacts_mates, 1):
            out[i] = (1.0 - float(np.prod(1.0 - np.clip(p_impact[mates], 0.0, 1.0))), int(mates.size))
    return out


def volley_unpaired_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray,
                          time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None,
                          reason: list[str]) -> None:
    """An unpaired event that lands with a volley of paired impacts (:func:`landed_with_volley`) is one of its rounds, not
    a launch, as far as the volley is real: a launch among a volley's impacts within seconds needs fire landing on a
    battery the moment it fires (the truth: 3 of 2,169 on `violation` seeds 7-11 within 10 s and 1.5 km, 0 of 8,164 on
    `heavy` 1 h), so where the volley is real its launch odds carry ``exp(-salvo_mate_penalty / 2)`` (about 1e-3, the
    salvo mates' prior). In place; never raised."""
    factor = float(np.exp(-config.salvo_mate_penalty / 2.0))
    for i, (real, count) in sorted(landed_with_volley(kind, partner, p_impact, time_s, lat, lon, config, sigma_m).items()):
        launch, impact = float(p_launch[i]), float(p_impact[i])
        if launch <= 0.0 or launch + impact <= 0.0:
            continue
        among = launch * factor / (launch * factor + impact) * (launch + impact)
        lowered = real * among + (1.0 - real) * launch
        if lowered >= launch - 1e-9:
            continue
        p_launch[i], p_impact[i] = lowered, impact + launch - lowered
        if launch - lowered < 0.005:  # the role moves by less than the reason's two decimals show
            continue
        reason[i] += (f"; it lands within {config.volley_split_window_s:g} s beside {count} paired impact{'s' if count > 1 else ''}"
                      f" (real with probability {real:.2f}): a launch among a volley's impacts is rare, p launch {launch:.2f} ->"
                      f" {lowered:.2f}")
