"""Launch / impact classification and pairing.

Every ordered pair of events (earlier ``a``, later ``b``) is a candidate "``a`` launched what landed
at ``b``" when the time difference fits some weapon class's time-of-flight envelope at the distance
between them (:mod:`truceline.attribute.physics`). Its cost adds how badly the trajectory fails to
cross the line (``-2 ln p_cross``, with ``p_cross`` from the two events' side probabilities). The
candidate graph falls apart into small connected pieces; in each, the Hungarian method
(``scipy.optimize.linear_sum_assignment``) chooses the pairs of least total cost, every event being
allowed to stay unpaired at a fixed cost. An event chosen both as a launch and as an impact keeps the
cheaper role and the assignment is solved again without the other. Salvos (N launches then N
impacts) come out in order because the cost inside an envelope is quadratic in the time of flight.

A paired event's role probability comes from its min-marginal: how much dearer the best solution
is in which the event does not play that role (``Δ``, found locally), as ``1 / (1 + e^(-Δ/2) (1 + w m))``
where ``m`` counts the other candidates of the pair's two events (chance pairs are likely where fire
is dense). An unpaired event has no time-of-flight evidence: it is called a launch when paired
launches fired from the same place in the same minutes (a battery; the odds learned from the run's pairs by
:func:`~truceline.attribute.context.battery_odds_from_pairs`), an impact when paired impacts of fire from elsewhere landed there (an impact area;
:func:`context_odds_from_pairs`), else an impact with the prior
probability ``unpaired_impact_prior`` (impacts without a heard launch are common: drones, quiet
launches far from the sensors). A context is as sure as its neighbours' roles (:func:`context_of`), and weighs a paired
event's alternatives the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.special import ndtr

from truceline.attribute.acoustics import (LevelModel, SourceLevels, fit_level_model, impact_class_weights, launch_level_share,
                                           pair_level_penalty,
                                           same_weapon_factor, unpaired_class_shares, unpaired_impact_odds,
                                           unpaired_probability)
from truceline.attribute.context import (ContextCounts, ContextOdds, battery_odds_from_pairs, context_counts_from_pairs, context_neighbours, context_odds_from_pairs, context_of,
                                         same_place, weighted_context_neighbours)
from truceline.attribute.deployment import depth_bounds_per_event
from truceline.attribute.joint import volley_joint_roles, volley_unpaired_roles
from truceline.attribute.record import describe_cell, place_record, record_likelihood_ratio
from truceline.attribute.physics import ENVELOPES, MAX_RANGE_M, MAX_TIME_OF_FLIGHT_S, distance_m, flight_costs, time_of_flight_bounds_s
from truceline.attribute.volley import one_place_shares, volley_alternatives, volley_factor, volley_groups

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class PairingConfig:
    unpaired_cost: float = 4.0  # per event; a pair is worth making when its cost is below twice this
    min_flight_s: float = 3.0
    unpaired_impact_prior: float = 0.75  # without acoustic evidence
    battery_odds: float = 4.0  # launch : impact odds for an unpaired event where paired launches fired (0.8 without other evidence)
    sure_pair_probability: float = 0.8  # pairs whose both roles are this sure teach the level model
    silent_launch_share: float = 0.1  # impacts whose launch makes no sound (drone-dropped munitions)
    partner_elsewhere: float = 0.05  # a partner unlocated for reasons levels cannot see (outside the network, missed pairing)
    min_stations: int = 4  # stations that make a located event (the fusion's default)
    max_group: int = 4  # unpaired mates (same place, same minutes) whose levels are judged with an unpaired event
    level_iterations: int = 1  # rounds of (learn levels from the confident pairs, pair again with them)
    battery_radius_m: float = 1_500.0
    battery_window_s: float = 180.0
    coincidence_weight: float = 0.5
    impact_area: bool = True  # also the impact-area context (paired impacts fired from elsewhere landed at the event's place)
    impact_area_odds: float = 0.25  # prior launch : impact odds in an impact area (an event inside a mission's impact cloud)
    context_prior_events: float = 5.0  # how many paired events each context's prior odds are worth
    cavity_contexts: bool = True  # a neighbour supports an event's context with its role judged without that event
    context_weighs_chosen: bool = True  # a paired event's context weighs its chosen role against the unpaired and chance shares
    context_rounds: int = 2  # rounds of contexts: every neighbour sure, then the neighbours' roles from the round before
    battery_levels: bool = True  # a battery neighbour supports an event only as far as their levels allow one weapon's launches
    salvo_taker_keeps_role: bool = True  # False (tried in session 8, not the default): that alternative follows the lone evidence (taker as battery)
    # Session 8, role8: a class time of flight gives half min_pairs of confident pairs is fitted provisionally and kept if
    # the levels, competing with the other classes for each pair, give it min_pairs (a mortar's pairs at 3-8 km, half a gun's).
    level_classes_compete: bool = True
    level_provisional_share: float = 0.5  # 1.0: no provisional class (before session 8)
    # Leaving an event unpaired costs -2 ln(P(partner unlocated | level, margins) / the run's mean) more (False: a flat cost).
    # Off by default: violation fused op recall s9 +6, s10 +7, s11 +13, but s7 -2 and heavy 0.25 h fused -6 (docs, role8).
    unpaired_levels: bool = False
    unpaired_levels_signed: bool = True  # False (tried, worse): only the reward of a level that fits "unpaired", never a penalty
    # Session 9, attr9 (docs "Session 9, attr9"): three options, off by default. Together they lift violation fused op recall
    # over seeds 7-11 by 23 rounds (355/305/252/226/254 -> 356/310/260/240/249) but cost heavy 0.25 h op recall (truth-derived
    # 201 -> 183/240, fused 167 -> 144/233; depth and keep 3 without the split: fused 165 -> 144). (1) An event's level read as
    # a class's launch only as far as its depth behind the line fits the class's deployment (the lone evidence of unpaired
    # events and of paired events' chance shares);
    launch_depth_levels: bool = False
    # (2) classes time of flight shares (tube and rocket artillery) split by their levels, each started at the shared impact
    # level and its launch the physics prior's difference below it, competing for each pair with learned mixing weights;
    level_classes_split: bool = False
    # (3) a provisional class (above) kept with this many pairs' weight from the levels (3.0: one salvo's four mortar pairs
    # make a class; 6.0, the default, as before).
    level_provisional_keep: float = 6.0
    # A pair's rival explanation, two impacts of ongoing fire that fit a time of flight by chance (session 10, pair10): the
    # expected number of events other than the battery's launches at the launch's place (``battery_radius_m``, widened by
    # the errors) in a window as wide as the pair's time-of-flight envelope, from their rate over ``battery_window_s`` either
    # side, is the odds of that rival for both events, its share going to "impact". Off: it costs `heavy` 0.25 h fused op
    # recall 170 -> 131 of 233 for +2 rounds on `violation` seeds 7-11 (docs/attribution.md, "Session 10 (branch pair10)").
    chance_rate: bool = False
    chance_rate_weight: float = 1.0
    chance_rate_unpaired: bool = True  # unpaired events count as the cloud's (False: only paired impacts and launches aimed elsewhere)
    # Session 11, attr11: every class's level fit starts from its pairs weighted by the physics prior on the levels' difference
    # (as a provisional class's), so that chance pairs of two detonations do not start it between two modes (docs, "attr11").
    level_prior_start: bool = True
    # Session 17, mortar17: a weapon class the run's pairs are too few to learn keeps physics' levels, anchored on the
    # learned classes (acoustics.prior_class_levels: explosive fills' cube-root scaling, the prior launch-impact difference),
    # in the roles of events without a partner and in the lone evidence of paired ones (docs/attribution.md, "mortar17").
    level_prior_classes: bool = False
    level_prior_min_weight: float = 0.0  # the kept class's share of fire, at least this (its share of the pairs undercounts it)
    # The first round of contexts counts each neighbour as sure of its role as its own pair makes it (1 / (1 + e^(-margin/2)),
    # no context) instead of sure. Off: with cluster_ambiguity_z = 6 violation seed 10 op 215 -> 225/259, but main's own
    # seeds 8 (firing party 229 -> 227/233), 9 (op 255 -> 251) and 11 (264 -> 261) lose (docs/attribution.md, "attr11").
    first_round_pair_evidence: bool = False
    # Session 12, attr12: a paired launch's battery neighbour that fired within ``salvo_aim_window_s`` of it (one salvo)
    # supports it only as far as their impacts landed together (:func:`salvo_aim_factor`: a salvo's rounds land within a
    # few per cent of their range of each other; two chance "launches" side by side whose "impacts" lie kilometres apart are
    # no battery for each other).
    salvo_aim: bool = False
    salvo_aim_window_s: float = 30.0
    salvo_dispersion: float = 0.05  # 1-sigma spread of a salvo's impacts per axis, as a fraction of the range
    # Session 13, attr13: the aim tells "one salvo" from "two launches aimed apart"; two launches aimed apart are a
    # battery engaging two targets (or a mispaired round of it) as often as two detonations chance-paired as "launches".
    # With ``salvo_aim_levels`` a neighbour aimed apart keeps the share of its support that its own level gives a launch:
    # factor ``a + (1 - a) min(1, LR)``, ``a`` = P(launch | its level) (:func:`acoustics.launch_level_share`). Off: with
    # salvo_aim, violation fused op recall s7-11 1403 -> 1411 (s11 +8, no seed lower) and firing-party errors 11 -> 9, but
    # truth-derived s7 op 348 -> 347 and firing party 258 -> 256 of 259 (docs/attribution.md, "Session 13, attr13").
    salvo_aim_levels: bool = False
    # Session 13, attr13: an unpaired event's contexts (battery, impact area) weigh its role with their launch : impact
    # odds among all events there, paired and unpaired (:func:`unpaired_context_odds`), not among the paired events only:
    # its levels' odds already hold how likely each role is to have lost its partner. Off: violation fused op recall s8-s10
    # +8 but s7 355 -> 352 and truth-derived s7 348 -> 347 (true unpaired launches at batteries; docs, "attr13").
    unpaired_context_em: bool = False
    # Session 13, attr13b: an unpaired event whose partner was located but not paired with it — a round of a salvo whose
    # battery mate (a paired launch at its place, fired within ``salvo_aim_window_s``) put its impact where an unpaired
    # event landed at this event's time plus the mate's time of flight (within ``partner_heard_window_s``), or the
    # mirror for an impact — did not lose its partner to the levels: in that role it pays no "partner unheard"
    # probability (:func:`located_partners`; ``acoustics.unpaired_impact_odds``). Session 13 left it off (truth-derived
    # s11 282 -> 278: a detonation beside a chance-paired "launch", docs "attr13b"); with ``partner_heard_flight`` (session
    # 14, partner14) it is on: violation fused op recall s7-s11 1403 -> 1404, heavy 0.25 h fused 170 -> 205 of 233,
    # truth-derived s7-s11 and heavy 0.25 h unchanged (docs/attribution.md, "partner14").
    unpaired_partner_heard: bool = True
    # Session 21, attrib21: an unpaired event's class prior is the classes' share of the rounds fired (the pairs by time of
    # flight and the unpaired events by EM on their levels, each role weighed by its partner's chance to go unlocated:
    # acoustics.unpaired_class_shares), not their share of the pairs, which undercounts a class whose launches are seldom
    # located (mortars); with ``unpaired_silent_share`` the share of fire whose launch makes no sound is fitted too (alone:
    # only it). Off: with both, violation fused op recall s7-s13 1714 -> 1744 (s13 177 -> 210) but s11 264 -> 260 and s9
    # 258 -> 257 (5-pick chimeras and rocket launches at a mortar bomb's level become more confident "impacts"),
    # truth-derived s9 259 -> 248 (docs/attribution.md, "Session 21 (attrib21)").
    unpaired_class_shares: bool = False
    unpaired_silent_share: bool = False
    partner_heard_window_s: float = 6.0
    # Session 14, partner14: the round found must be one the salvo's weapon could have fired or received: the flight from
    # the event to it (the mirror: from it to the event) fits the time-of-flight envelope (within the candidate graph's
    # four standard deviations, :func:`truceline.attribute.physics.flight_costs`) of the classes the mate's pair may be
    # (weighed by its class probabilities; :func:`flight_fit_share`). Two two-round missions landing in turn look like a
    # battery's salvo and its impacts, but the second pair of rounds is no flight of the first's weapon.
    partner_heard_flight: bool = True
    # Session 12, role12: salvo mates share a role (:func:`salvo_mate_groups`). Events within ``salvo_mate_window_s`` and
    # ``salvo_mate_radius_m`` of each other (the radius widened by the two locations' errors, as ``same_place``) are one
    # volley's rounds: a battery's guns or launchers stand tens to a few hundred metres apart and fire a volley on one
    # command within a few seconds; the volley's impacts land within a few per cent of the range of each other within
    # seconds. A launch and an impact that close need fire landing on a battery the moment it fires (the truth: 0 of
    # 8,164 such pairs on heavy 1 h, 3 of 2,169 on violation seeds 7-11, within 10 s and 1.5 km). A solution of the
    # assignment (the chosen one and every event's alternative, whose cost difference is its role's evidence) that gives
    # a group's members opposite roles costs ``salvo_mate_penalty`` more per such group (-2 ln of about 1e-3). Off by
    # default (docs/attribution.md, "Session 12 (role12)").
    salvo_mates: bool = False
    salvo_mate_window_s: float = 5.0
    salvo_mate_radius_m: float = 500.0
    salvo_mate_penalty: float = 14.0
    salvo_mate_margins: bool = True  # False: only the chosen solution pays the penalty, an event's alternatives (its role's evidence) do not
    # A paired event's mates are no battery or impact-area context of its own (they share its role by the prior; counted
    # as context they would confirm the group's role by itself).
    salvo_mate_no_context: bool = False  # True measured worse (docs)
    # Session 14, pair14: a volley's rounds fly alike (:mod:`truceline.attribute.volley`). A paired launch's battery
    # neighbour fired within ``volley_window_s`` of it supports it only as far as their two pairs could be one volley's:
    # impacts together (``volley_dispersion`` of the range) and the same time of flight (``volley_tof_spread`` of it, and
    # ``volley_time_sigma_s`` of timing error), against two pairs made independently. Two detonations of one mission read
    # as "launches" of two impacts of other fire (issue #4's coincident clouds) are no battery for each other.
    volley_consistency: bool = True
    volley_aim: bool = False  # True (measured, not the default): the aim too, as ``salvo_aim`` (truth-derived s7 op 348 -> 341)
    volley_window_s: float = 10.0
    volley_dispersion: float = 0.05
    volley_tof_spread: float = 0.05
    volley_time_sigma_s: float = 1.0
    # Session 14, pair14: a volley's rounds read as launches may all be impacts (:func:`volley.volley_alternatives`): the
    # best solution in which no member of a volley (events within ``volley_window_s`` and ``volley_radius_m``) is a launch
    # is a share of each member's role, judged by the volley's lone evidence (its members' levels together, contexts of
    # events outside it); with ``volley_alternative_levels`` its cost weighs the unpaired events by their levels
    # (``unpaired_level_cost``: two detonations whose launches are seldom heard are cheaper left unpaired).
    volley_alternative: bool = True
    volley_alternative_levels: bool = True
    volley_radius_m: float = 500.0
    # Session 22, attrib22: the volley alternative also for a volley of which one member is paired, its mates unpaired
    # (issue #4's mortar impacts read as launches: one chance-paired detonation beside its salvo's unpaired ones, whose
    # "battery" it then is). Off: violation fused op recall s7-s13 1714 -> 1724 (s7 +1, s8 +5, s9 +5) but s11 264 -> 263 and
    # firing party s10 170 -> 168 of 173 (two true gun launches at p 0.56 tip to 0.49; docs, "Session 22 (attrib22)").
    volley_alternative_single: bool = False
    # Session 22, attrib22: a round cannot land sooner than its class's flattest trajectory at the speed that gives the
    # class's maximum range (physics.time_of_flight_bounds_s ``speed_bound``; the 6-degree bound alone lets a gun's shell
    # fly 27 km in 35 s). Off: it removes seed 13's E000039 pair but also the chance pairs that kept other class II pairs
    # uncertain: violation fused op recall 1714 -> 1653 (s10 238 -> 177; docs, "Session 22 (attrib22)").
    flight_speed_bound: bool = False
    # Session 14, pair14b: impacts landing together were fired from one place (:func:`volley.split_impacts`; the truth:
    # 0 of 1,167 pairs of impacts within 5 s and 500 m came from two places). Each solution of ``volley_alternative``
    # pays ``volley_split_penalty`` (-2 ln of about 1e-3, as ``salvo_mate_penalty``) per pair whose impact lands within
    # ``volley_split_window_s`` and ``volley_radius_m`` of other impacts none of which was launched from its launch's place
    # (and ``volley_split_mates`` of them from one other place). On: violation fused with `clock_unabsorbed` seed 8 op
    # recall 292 -> 306/321, main's fusion and truth-derived seeds 7-11 unchanged (docs/attribution.md, "pair14b").
    volley_split: bool = True
    volley_split_window_s: float = 5.0
    volley_split_penalty: float = 14.0
    volley_split_mates: int = 2  # the other impacts must be a volley: this many launched from one place (1: any one)
    # Session 17, firing17: one volley is fired from one place, as a constraint on the launches' roles
    # (:func:`volley.one_place_shares`). Where the paired impacts that land together (``volley_split_window_s``,
    # ``volley_radius_m``) were launched from two places or more, each place claims the volley as far as one of its pairs
    # is real (the share of a launch's role that rests on its pair; a salvo's odd round, whose mates' impacts land
    # elsewhere, weakened by ``volley_split_penalty``); a launch of a place that is not the likeliest keeps its role as far
    # as its place fired the volley, and otherwise takes its lone evidence's role (contexts, levels): a detonation
    # chance-paired with one impact of another battery's volley loses the role (:func:`_one_place_roles`). Off: violation
    # fused s7-s13 firing party 1318 -> 1319 of 1334, op recall 1701 -> 1710 (s8 +2, s11 +7), no seed worse on those or on
    # the wrong verdicts above the op; heavy 0.25 h op 208 -> 209; but precision at 0.5 lower on s8 and heavy 0.25 h
    # (docs/attribution.md, "Session 17 (firing17)").
    volley_one_place: bool = False
    # Session 18, deploy18: each class's deployment depth behind the line learned from the run
    # (:func:`truceline.attribute.deployment.learned_depth_bounds`): a first pairing by time of flight and physics' depth
    # bounds alone gives the confident pairs (both roles at least ``deployment_sure_probability``);
    # their launches' depths, weighted by the pairs' class probabilities, give each class's least depth, their
    # ``deployment_quantile`` (a class weighing less than ``deployment_min_weight`` keeps physics'; each event judged by
    # the depth learned without the launches at its place in its minutes, ``battery_radius_m`` and ``battery_window_s``),
    # which replaces
    # physics' in every candidate pair's cost (``physics.flight_costs``; the greatest depth stays physics'). A detonation
    # 1-3 km inside a side's area read as a gun's launch stands shallower than the side's guns fired from all day.
    deployment_learned: bool = False
    deployment_quantile: float = 0.01
    deployment_min_weight: float = 20.0
    deployment_sure_probability: float = 0.8
    # Session 18, deploy18: a place's record over the run (:mod:`truceline.attribute.record`) as lone evidence of the role,
    # as the levels: confident launches and impacts within ``place_record_radius_m`` at times more than
    # ``battery_window_s`` away (the contexts' minutes) put each event in one of four cells, whose launch : impact
    # likelihood ratio the run's confident pairs teach (``place_record_prior_events`` pseudo-events per cell and role).
    place_record: bool = False
    place_record_radius_m: float = 500.0
    place_record_prior_events: float = 2.0
    # Session 19, attrib19b: the hard edges softened (docs/attribution.md, "Session 19 (attrib19b)"). (1) The contexts'
    # "same place" (:func:`truceline.attribute.context.place_weights`): a neighbour counts for an event's battery or impact
    # area with the probability ``Phi((L - d) / tau)`` that it is at its place, ``L`` the hard radius widened by the
    # errors, ``tau = hypot(same_place_soft_m, the two errors)``, instead of fully within ``L`` and not at all beyond
    # (0: the hard radius). The contexts' learned odds keep the hard radius. Off: with 200 m violation fused op recall s7-s13
    # 1700 -> 1708 (s7 -1), but truth-derived 1624 -> 1619, and no smaller response to a 5 % change of ellipse size (docs).
    same_place_soft_m: float = 0.0
    same_place_soft_s: float = 0.0  # the minutes' edge too: times Phi((battery_window_s - |dt|) / same_place_soft_s) (0: hard)
    # (2) The pair-cost cut: a candidate pair dearer than ``2 unpaired_cost`` by less than ``pair_cut_soft`` (cost units)
    # between two events left unpaired gives each the share ``w / (1 + sum w + coincidence_weight m)``, ``w = exp(-(cost -
    # 2 unpaired_cost) / 2)``, ``m`` the pair's other candidates, of the role it plays in that pair (:func:`_near_pair_roles`;
    # off: violation fused op recall s7-s13 1700 -> 1697 with 6, docs): the pair's probability falls smoothly through the cut,
    # as a paired event's does towards it (its margin is at most ``2 unpaired_cost - cost``), instead of from one half to
    # nothing (0: the hard cut).
    pair_cut_soft: float = 0.0
    # Session 19, attrib19: one volley is fired from one place, decided jointly (:mod:`truceline.attribute.joint`): each
    # volley of paired impacts whose launches stand at two places or more is solved again once per place (its impacts
    # allowed only launches there) and once with none; the solutions' costs weigh the places, and each launch of the volley
    # takes its role in each solution (a launch, an impact, or unpaired: its lone evidence). With ``volley_joint_levels``
    # the unpaired events are weighed by their levels as in ``volley_alternative_levels``.
    volley_joint: bool = False
    volley_joint_levels: bool = True
    volley_joint_crowd: bool = False  # each pair of a hypothesis's solution pays 2 ln(1 + coincidence_weight m) (its crowd)
    # Off: violation fused s7-s13 firing party 1318 -> 1319 of 1337, op recall 1700 -> 1709 (s8 +4, s11 +7, s12 -2),
    # truth-derived op 1624 -> 1636 (s12 -2), heavy 0.25 h op 208 -> 209 but its precision at 0.5 0.9437 -> 0.9394
    # (docs/attribution.md, "Session 19 (attrib19)").
    # Session 19, attrib19: an unpaired event that lands with paired impacts (at least ``unpaired_among_impacts_mates``
    # within ``volley_split_window_s`` and ``volley_radius_m``, widened as ``same_place``) is one of their rounds as far as
    # they are real: its launch odds times exp(-salvo_mate_penalty / 2) (:func:`truceline.attribute.joint.volley_unpaired_roles`).
    # On: violation fused s7-s13 op recall 1700 -> 1714 (s10 +13, s13 +1), truth-derived 1624 -> 1625, heavy 0.25 h
    # unchanged, no seed worse in any column (docs/attribution.md, "Session 19 (attrib19)").
    unpaired_among_impacts: bool = True
    unpaired_among_impacts_mates: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Pairing:
    """Per event: role, partner (index or -1), probabilities, the weapon class of its pair."""

    kind: NDArray[np.str_]  # launch | impact | unknown
    partner: NDArray[np.int64]
    p_launch: FloatArray
    p_impact: FloatArray
    p_kind: FloatArray  # probability of the role given in ``kind``
    weapon: NDArray[np.str_]  # most likely class of the pair ("" if unpaired)
    p_weapon: FloatArray  # probability of that class
    class_probability: FloatArray  # (n, len(ENVELOPES)): every class's probability (zeros if unpaired)
    cost: FloatArray  # cost of the chosen pair (nan if unpaired)
    reason: tuple[str, ...]
    p_reach_from_across: FloatArray | None = None  # unpaired events as impacts: can a weapon of its class reach it from across the line
    level_model: LevelModel | None = None  # launch and impact levels per class learned from the run (None without levels)
    battery_odds: float = float("nan")  # launch : impact odds at a battery's place and minutes, learned from the pairs
    context_odds: ContextOdds | None = None  # launch : impact odds of the battery, impact-area and crossfire contexts (learned)
    depth_bounds_m: FloatArray | None = None  # (classes, 2) deployment depths the candidates were costed with (None: physics')




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


def _hungarian(n: int, rows: NDArray[np.intp], cols: NDArray[np.intp], cost: FloatArray, unpaired_cost: float) -> list[int]:
    """Least-cost launch x impact assignment (each event may also stay unpaired): chosen edge indices."""
    matrix = np.full((2 * n, 2 * n), 1e9)
    matrix[n:, n:] = 0.0
    matrix[np.arange(n), n + np.arange(n)] = unpaired_cost
    matrix[n + np.arange(n), np.arange(n)] = unpaired_cost
    matrix[rows, cols] = np.minimum(matrix[rows, cols], cost)
    _, assigned = linear_sum_assignment(matrix)
    return [int(k) for k in np.flatnonzero(assigned[rows] == cols)]


def _assign(events: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray,
            unpaired_cost: float, max_branches: int = 64, exact: bool = True) -> list[int]:
    """Indices (into heads/tails) of the chosen pairs of one connected piece, roles consistent.

    The Hungarian method on the launch x impact matrix (with an "unpaired" column and row per
    event) solves the piece exactly unless it makes some event both a launch and an impact. Then
    the problem is a matching on a general graph: a feasible solution is found by dropping the
    dearer pair of each such conflict, then improved by branch and bound, branching on such an
    event (not a launch / not an impact) with the Hungarian optimum as the bound, and, if that
    takes more than ``max_branches`` solves, by a small integer programme (``scipy.optimize.milp``).
    Least total cost, each event in at most one pair. With ``exact=False`` the search stops after
    ``max_branches`` solves with the best solution found (no integer programme): a feasible
    solution whose cost may exceed the optimum.
    """
    local = {int(e): i for i, e in enumerate(events)}
    n = events.size
    rows = np.array([local[int(h)] for h in heads], dtype=np.intp)
    cols = np.array([local[int(t)] for t in tails], dtype=np.intp)
    def conflicts(chosen: list[int]) -> list[int]:
        launches = {int(rows[k]) for k in chosen}
        return [k for k in chosen if int(cols[k]) in launches]

    def solve(allowed: NDArray[np.bool_]) -> list[int]:
        kept = np.flatnonzero(allowed)
        return [int(kept[j]) for j in _hungarian(n, rows[kept], cols[kept], cost[kept], unpaired_cost)]

    relaxed = solve(np.ones(cost.size, dtype=bool))
    if not conflicts(relaxed):
        return relaxed
    # A feasible incumbent: drop the dearer edge of each conflict until none is left.
    allowed = np.ones(cost.size, dtype=bool)
    incumbent = relaxed
    while True:
        clashing = conflicts(incumbent)
        if not clashing:
            break
        launch_edge = {int(rows[k]): k for k in incumbent}
        for k in clashing:
            other = launch_edge[int(cols[k])]
            allowed[k if cost[k] >= cost[other] else other] = False
        incumbent = solve(allowed)
    best, best_objective = incumbent, _objective(incumbent, cost, unpaired_cost)
    # Branch and bound: the Hungarian optimum of a branch bounds what it can reach.
    stack = [np.ones(cost.size, dtype=bool)]
    solves = 0
    exhausted = False
    while stack:
        allowed = stack.pop()
        solves += 1
        if solves > max_branches:
            exhausted = True
            break
        chosen = solve(allowed)
        objective = _objective(chosen, cost, unpaired_cost)
        if objective >= best_objective - 1e-9:
            continue
        clashing = conflicts(chosen)
        if not clashing:
            best, best_objective = chosen, objective
            continue
        event = int(cols[clashing[0]])
        stack.append(allowed & (rows != event))
        stack.append(allowed & (cols != event))
    if not exhausted or not exact:
        return best
    incidence = coo_matrix((np.ones(2 * cost.size), (np.concatenate([rows, cols]), np.tile(np.arange(cost.size), 2))),
                           shape=(n, cost.size))
    result = milp(c=cost - 2.0 * unpaired_cost, constraints=LinearConstraint(incidence.tocsr(), -np.inf, 1.0),
                  integrality=np.ones(cost.size), bounds=Bounds(0.0, 1.0), options={"time_limit": 10.0})
    if result.x is None:  # time limit without a solution: keep the incumbent
        return best
    found = [int(k) for k in np.flatnonzero(result.x > 0.5)]
    return found if _objective(found, cost, unpaired_cost) <= best_objective else best


def _mixed_groups(chosen: list[int], heads: NDArray[np.int64], tails: NDArray[np.int64], mate_group: NDArray[np.int64] | None) -> int:
    """How many salvo-mate groups the solution ``chosen`` gives opposite roles (a member a launch, another an impact)."""
    if mate_group is None or not chosen:
        return 0
    launch_groups = {int(mate_group[heads[k]]) for k in chosen} - {-1}
    impact_groups = {int(mate_group[tails[k]]) for k in chosen} - {-1}
    return len(launch_groups & impact_groups)


def _assign_mates(events: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
                  mate_group: NDArray[np.int64] | None, mate_penalty: float, *, max_branches: int = 64, exact: bool = True,
                  depth: int = 3) -> list[int]:
    """:func:`_assign` with salvo mates: a solution that gives a group's members opposite roles costs ``mate_penalty``
    more per such group. The unconstrained optimum; if it mixes a group's roles, the piece solved again twice, the
    group's members only launches (or unpaired), then only impacts (or unpaired), recursively for the next mixed group
    (at most ``depth`` groups deep; deeper mixes keep their penalty); the least penalised objective wins."""
    chosen = _assign(events, heads, tails, cost, unpaired_cost, max_branches=max_branches, exact=exact)
    if mate_group is None or mate_penalty <= 0.0:
        return chosen
    mixed = _mixed_groups(chosen, heads, tails, mate_group)
    if not mixed or depth <= 0:
        return chosen
    best, best_cost = chosen, _objective(chosen, cost, unpaired_cost) + mate_penalty * mixed
    launch_groups = {int(mate_group[heads[k]]) for k in chosen} - {-1}
    group = min(launch_groups & {int(mate_group[tails[k]]) for k in chosen})
    for forbidden in (tails, heads):  # the group's members only launches, then only impacts
        keep = np.flatnonzero(mate_group[forbidden] != group)
        sub = [int(keep[m]) for m in _assign_mates(events, heads[keep], tails[keep], cost[keep], unpaired_cost, mate_group, mate_penalty,
                                                    max_branches=max_branches, exact=exact, depth=depth - 1)] if keep.size else []
        sub_cost = _objective(sub, cost, unpaired_cost) + mate_penalty * _mixed_groups(sub, heads, tails, mate_group)
        if sub_cost < best_cost - 1e-9:
            best, best_cost = sub, sub_cost
    return sorted(best)


def _objective(chosen: list[int], cost: FloatArray, unpaired_cost: float) -> float:
    """Total cost of a solution less the constant "all unpaired" cost of the piece."""
    return float(sum(cost[k] - 2.0 * unpaired_cost for k in chosen))


def _solve(n: int, heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
           mate_group: NDArray[np.int64] | None = None, mate_penalty: float = 0.0, mate_margins: bool = True,
           ) -> tuple[list[int], FloatArray, NDArray[np.int8], NDArray[np.int64]]:
    """Chosen pairs over all connected pieces of the candidate graph, and for every paired event
    the margin (cost increase of the best solution in which it does not play its role) and the role
    it plays in that solution (+1 launch, -1 impact, 0 unpaired), and the event its partner is paired with in that
    solution (-1 if none).

    The margin is computed locally: the event's neighbours and its partner's, with their partners,
    may rearrange; everything else stays as chosen; the search for the alternative is bounded
    (16 Hungarian solves), so the margin may err large when the alternative is hard to find.

    ``mate_group`` (per event, a salvo-mate group's label or -1; ``PairingConfig.salvo_mates``): every solution, chosen
    or alternative, that gives a group's members opposite roles costs ``mate_penalty`` more per such group
    (:func:`_assign_mates`; with ``mate_margins`` False only the chosen solution).
    """
    margin = np.full(n, np.nan)
    alternative = np.zeros(n, dtype=np.int8)
    taker = np.full(n, -1, dtype=np.int64)
    if not cost.size:
        return [], margin, alternative, taker
    graph = coo_matrix((np.ones(cost.size), (heads, tails)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    order = np.argsort(label[heads], kind="stable")
    bounds = np.flatnonzero(np.diff(label[heads][order])) + 1
    chosen: list[int] = []
    for ks in np.split(order, bounds):
        events = np.unique(np.concatenate([heads[ks], tails[ks]]))
        chosen.extend(int(ks[j]) for j in _assign_mates(events, heads[ks], tails[ks], cost[ks], unpaired_cost, mate_group, mate_penalty))
    chosen.sort()
    partner = np.full(n, -1, dtype=np.int64)
    partner[heads[chosen]] = tails[chosen]
    partner[tails[chosen]] = heads[chosen]
    incident: dict[int, list[int]] = {}
    for k in range(cost.size):
        incident.setdefault(int(heads[k]), []).append(k)
        incident.setdefault(int(tails[k]), []).append(k)
    chosen_set = set(chosen)
    if not mate_margins:
        mate_group, mate_penalty = None, 0.0
    for k in chosen:
        for event, is_head in ((int(heads[k]), True), (int(tails[k]), False)):
            core = {event, int(partner[event])}
            for member in list(core):
                for edge in incident.get(member, ()):
                    core.update((int(heads[edge]), int(tails[edge])))
            local = set(core)
            local.update(int(partner[m]) for m in core if partner[m] >= 0)
            edges = np.array(sorted({e for m in local for e in incident.get(m, ())
                                     if int(heads[e]) in local and int(tails[e]) in local}))
            h, t, c = heads[edges], tails[edges], cost[edges]
            current = [j for j, e in enumerate(edges) if int(e) in chosen_set]
            keep = (h != event) if is_head else (t != event)
            kept = np.flatnonzero(keep)
            members = np.array(sorted(local))
            other = [int(kept[m]) for m in _assign_mates(members, h[keep], t[keep], c[keep], unpaired_cost, mate_group, mate_penalty,
                                                         max_branches=16, exact=False)] if kept.size else []
            # Leaving the event and its partner unpaired is always possible: the margin cannot exceed that.
            ceiling = 2.0 * unpaired_cost - float(cost[k])
            cost_other = _objective(other, c, unpaired_cost) + mate_penalty * _mixed_groups(other, h, t, mate_group)
            cost_current = _objective(current, c, unpaired_cost) + mate_penalty * _mixed_groups(current, h, t, mate_group)
            margin[event] = min(max(0.0, cost_other - cost_current), ceiling)
            alternative[event] = 1 if any(int(h[m]) == event for m in other) else (-1 if any(int(t[m]) == event for m in other) else 0)
            mate = int(partner[event])
            taker[event] = next((int(t[m]) if int(h[m]) == mate else int(h[m]) for m in other if mate in (int(h[m]), int(t[m]))), -1)
    return chosen, margin, alternative, taker


def pair_events(
    time_s: FloatArray, lat: FloatArray, lon: FloatArray, time_sigma_s: FloatArray, position_sigma_m: FloatArray,
    side: NDArray[np.str_], p_side: FloatArray, config: PairingConfig | None = None,
    line_distance_m: FloatArray | None = None, levels: SourceLevels | None = None,
) -> Pairing:
    """Classify every event as launch, impact or unknown and pair launches with their impacts.

    With ``levels`` (source levels from the picks' amplitudes, :mod:`truceline.attribute.acoustics`)
    the pairing runs twice: time of flight alone, then, with the launch and impact levels per weapon
    class learned from the first pass's confident pairs, again with the acoustic veto added to every
    candidate's class costs; unpaired events are then judged by the partner they should have had.
    """
    config = config or PairingConfig()
    n = int(np.asarray(time_s).size)
    side = np.asarray(side).astype(str)
    p_side = np.nan_to_num(np.asarray(p_side, dtype=np.float64), nan=0.5)
    time_s = np.asarray(time_s, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    line_m = None if line_distance_m is None else np.asarray(line_distance_m, dtype=np.float64)
    time_sigma = np.asarray(time_sigma_s, dtype=np.float64)
    sigma_m = np.asarray(position_sigma_m, dtype=np.float64)
    heads, tails, cost, class_costs = candidate_pairs(time_s, lat, lon, time_sigma, sigma_m, side, p_side, config, line_m)
    model: LevelModel | None = None
    mate_group = salvo_mate_groups(time_s, lat, lon, config, sigma_m) if config.salvo_mates else None
    depth_bounds: FloatArray | None = None
    if config.deployment_learned and line_m is not None:
        # Each class's deployment learned from a first pairing's confident pairs (time of flight and physics' bounds alone:
        # the contexts and levels make chance pairs of a mission's impact cloud confident too, and the least depth then
        # comes down to them), then every candidate costed with it.
        first = _paired(n, heads, tails, cost, class_costs, config, mate_group=mate_group)
        launch = np.flatnonzero((first.partner >= 0) & (first.kind == "launch"))
        sure = (first.p_kind[launch] >= config.deployment_sure_probability) & (first.p_kind[first.partner[launch]] >= config.deployment_sure_probability)
        depth_bounds, per_event = depth_bounds_per_event(line_m, launch[sure].astype(np.int64), first.class_probability[launch[sure]],
                                                         time_s, lat, lon, quantile=config.deployment_quantile,
                                                         min_weight=config.deployment_min_weight, radius_m=config.battery_radius_m,
                                                         window_s=config.battery_window_s)
        heads, tails, cost, class_costs = candidate_pairs(time_s, lat, lon, time_sigma, sigma_m, side, p_side, config, line_m,
                                                          per_event)
    if levels is not None and np.isfinite(levels.level_db).sum() >= 2:
        base = (heads, tails, cost, class_costs)
        current = _paired(n, heads, tails, cost, class_costs, config, mate_group=mate_group)
        for iteration in range(config.level_iterations):
            pair_launch = np.flatnonzero((current.partner >= 0) & (current.kind == "launch"))
            partner_of = current.partner[pair_launch]
            sure = (current.p_kind[pair_launch] >= config.sure_pair_probability) & (current.p_kind[partner_of] >= config.sure_pair_probability)
            fitted = fit_level_model(levels.level_db, pair_launch.astype(np.int64), partner_of, sure, current.class_probability[pair_launch],
                                     compete_classes=config.level_classes_compete, provisional_share=config.level_provisional_share,
                                     split_shared=config.level_classes_split, provisional_keep=config.level_provisional_keep,
                                     prior_start=config.level_prior_start, prior_classes=config.level_prior_classes,
                                     prior_min_weight=config.level_prior_min_weight)
            if fitted is None:
                break
            model = fitted
            heads, tails, cost, class_costs = _with_levels(base, levels, model, config)
            if iteration + 1 < config.level_iterations:
                current = _paired(n, heads, tails, cost, class_costs, config, mate_group=mate_group)
    depth = np.abs(line_m) if line_m is not None and config.launch_depth_levels else None
    pairing = _paired(n, heads, tails, cost, class_costs, config, time_s=time_s, lat=lat, lon=lon, levels=levels, model=model,
                      sigma_m=sigma_m, depth_m=depth, mate_group=mate_group)
    pairing = replace(pairing, level_model=model, depth_bounds_m=depth_bounds)
    if line_m is None or levels is None or model is None:
        return pairing
    reach = reach_from_across(np.abs(line_m), sigma_m, levels, model, config, pairing.partner < 0)
    return replace(pairing, p_reach_from_across=reach)


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


def _with_levels(candidates: tuple[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray], levels: SourceLevels, model: LevelModel,
                 config: PairingConfig) -> tuple[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray]:
    """The candidates with the acoustic veto added to their class costs (and those now too dear dropped)."""
    heads, tails, cost, class_costs = candidates
    if not heads.size:
        return candidates
    penalty = pair_level_penalty(model, levels.level_db[heads], levels.level_sigma_db[heads], levels.level_db[tails], levels.level_sigma_db[tails])
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


def _paired(n: int, heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, class_costs: FloatArray, config: PairingConfig,
            *, time_s: FloatArray | None = None, lat: FloatArray | None = None, lon: FloatArray | None = None,
            levels: SourceLevels | None = None, model: LevelModel | None = None, sigma_m: FloatArray | None = None,
            depth_m: FloatArray | None = None, mate_group: NDArray[np.int64] | None = None) -> Pairing:
    """The assignment of the candidate pairs, role probabilities, and (given positions) the unpaired events' roles;
    ``sigma_m`` (1-sigma position errors) widens the "same place" of a battery by the two events' uncertainty.
    Candidates at ``2 unpaired_cost`` or dearer (``pair_cut_soft``) are not paired: they give unpaired events a share of
    a role (:func:`_near_pair_roles`)."""
    beyond = cost >= 2.0 * config.unpaired_cost
    near = (heads[beyond], tails[beyond], cost[beyond])
    heads, tails, cost, class_costs = heads[~beyond], tails[~beyond], cost[~beyond], class_costs[~beyond]
    chosen, margin, alternative, taker = _solve(n, heads, tails, cost, config.unpaired_cost, mate_group,
                                                config.salvo_mate_penalty if mate_group is not None else 0.0, config.salvo_mate_margins)
    partner = np.full(n, -1, dtype=np.int64)
    kind = np.full(n, "unknown", dtype="<U7")
    pair_cost = np.full(n, np.nan)
    weapon = np.full(n, "", dtype="<U16")
    p_weapon = np.zeros(n)
    class_probability = np.zeros((n, len(ENVELOPES)))
    reason = [""] * n
    for k in chosen:
        a, b = int(heads[k]), int(tails[k])
        partner[a], partner[b] = b, a
        kind[a], kind[b] = "launch", "impact"
        pair_cost[a] = pair_cost[b] = cost[k]
        class_weight = np.exp(-(class_costs[k] - class_costs[k].min()) / 2.0)
        best = int(np.argmin(class_costs[k]))
        weapon[a] = weapon[b] = ENVELOPES[best].name
        p_weapon[a] = p_weapon[b] = float(class_weight[best] / class_weight.sum())
        class_probability[a] = class_probability[b] = class_weight / class_weight.sum()
        if time_s is not None and lat is not None and lon is not None:
            flight = float(time_s[b] - time_s[a])
            gap = distance_m(np.array([lat[a]]), np.array([lon[a]]), np.array([lat[b]]), np.array([lon[b]]))[0]
            text = (f"time of flight {flight:.1f} s over {gap / 1000:.1f} km fits {ENVELOPES[best].name}"
                    f" (pair cost {cost[k]:.2f})")
            if levels is not None and np.isfinite(levels.level_db[a]) and np.isfinite(levels.level_db[b]):
                text += f"; source levels {levels.level_db[a]:.0f} and {levels.level_db[b]:.0f} dB at 1 km"
            reason[a] = reason[b] = text
    # A paired event's role is as sure as the best solution without it is worse (min-marginal:
    # P = 1 / (1 + exp(-margin / 2) (1 + w crowd))); the rest goes to the role it plays in that solution.
    as_launch = np.bincount(heads, minlength=n)  # candidate pairs in which each event is the launch
    incident: dict[int, list[int]] = {}
    for e in range(heads.size):
        incident.setdefault(int(heads[e]), []).append(e)
        incident.setdefault(int(tails[e]), []).append(e)
    as_impact_count = np.bincount(tails, minlength=n)
    paired_launches = np.flatnonzero(kind == "launch")
    alternative_weight = np.zeros(n)
    chance_weight = np.zeros(n)
    cloud_weight = np.zeros(n)  # ``chance_rate``: odds that both events are impacts of ongoing fire paired by chance
    for i in np.flatnonzero(partner >= 0):
        # Odds against the role: the best solution without it (weight exp(-margin / 2)), and, in busy
        # neighbourhoods, a chance pair (every other candidate of the pair's two events adds
        # ``coincidence_weight`` times that weight). The alternative solution's share goes to the
        # role it gives the event; a chance pair's share is split evenly (the role is then unknown).
        alternative_weight[i] = float(np.exp(-margin[i] / 2.0))
        # Competitors: candidates that would swap roles (the event in the other role, or its partner), and other
        # candidates in the same role except those of the same battery's salvo (another launch from the same
        # place in the same minutes and its impact), which change the partner, not the role.
        j = int(partner[i])
        launch_end, impact_end = (int(i), j) if kind[i] == "launch" else (j, int(i))
        swaps = int(as_impact_count[launch_end] + as_launch[impact_end])
        if time_s is not None and lat is not None and lon is not None:
            mates = set(int(m) for m in same_place(launch_end, paired_launches, time_s, lat, lon, config, sigma_m))
            mates_impacts = {int(partner[m]) for m in mates}
            # The salvo's other rounds: events at the launch's place (other launchers of the battery) and at the
            # impact's place (the salvo's other impacts), whichever role the pairing gave them.
            launch_ends = [int(heads[e]) for e in incident.get(impact_end, ()) if int(tails[e]) == impact_end]
            impact_ends = [int(tails[e]) for e in incident.get(launch_end, ()) if int(heads[e]) == launch_end]
            if launch_ends:
                mates.update(int(m) for m in same_place(launch_end, np.asarray(launch_ends, dtype=np.intp), time_s, lat, lon, config, sigma_m))
            if impact_ends:
                mates_impacts.update(int(m) for m in same_place(impact_end, np.asarray(impact_ends, dtype=np.intp), time_s, lat, lon, config,
                                                                 sigma_m))
            same_role = len([e for e in incident.get(launch_end, ()) if int(heads[e]) == launch_end and int(tails[e]) != impact_end
                             and int(tails[e]) not in mates_impacts])
            same_role += len([e for e in incident.get(impact_end, ()) if int(tails[e]) == impact_end and int(heads[e]) != launch_end
                              and int(heads[e]) not in mates])
        else:
            same_role = int(as_launch[launch_end] + as_impact_count[impact_end] - 2)
        swaps += same_role
        chance_weight[i] = alternative_weight[i] * config.coincidence_weight * float(swaps)
        if config.chance_rate and time_s is not None and lat is not None and lon is not None:
            rivals = np.array([int(heads[e]) for e in incident.get(impact_end, ()) if int(tails[e]) == impact_end], dtype=np.int64)
            cloud_weight[i] = config.chance_rate_weight * chance_partners(launch_end, impact_end, kind, time_s, lat, lon, config,
                                                                          class_probability[launch_end], sigma_m,
                                                                          exclude=rivals, partner=partner)
    contexts: ContextOdds | None = None
    if time_s is not None and lat is not None and lon is not None:
        if config.impact_area:
            contexts = context_odds_from_pairs(kind, partner, time_s, lat, lon, config, sigma_m=sigma_m)
        else:
            odds = battery_odds_from_pairs(kind, partner, time_s, lat, lon, config, sigma_m=sigma_m)
            contexts = ContextOdds(battery=odds, impact_area=float("nan"))
        counts = (context_counts_from_pairs(kind, partner, time_s, lat, lon, config, sigma_m=sigma_m) if config.unpaired_context_em
                  else None)
        config = replace(config, battery_odds=contexts.battery)
        # A chance pair (or an alternative that leaves the event unpaired) leaves its role to the evidence it has
        # alone, as for an unpaired event: context and levels (without positions: even). An alternative that swaps the
        # role is weighed by the context too (firing from where launches fired in the same minutes makes the event
        # likelier a launch; landing where impacts of fire from elsewhere landed, likelier an impact).
        salvo_taker = np.full(n, -1, dtype=np.int64)
        for i in np.flatnonzero((partner >= 0) & (alternative == 0) & (taker >= 0)):
            # The best solution without the event gives its partner to a round of the same salvo (another event at the
            # event's place in the same minutes, e.g. another gun of the battery): that changes the partner, not the
            # role. The event is an unpaired round beside the taker, a launch in that solution: with
            # ``salvo_taker_keeps_role`` that share counts for the role; otherwise it follows the event's lone evidence
            # with the taker as a battery neighbour (two impacts of one mission chance-paired as "launches" are each
            # other's taker: levels that place them among impacts then count).
            if same_place(int(i), np.array([taker[i]], dtype=np.intp), time_s, lat, lon, config, sigma_m).size:
                if not config.salvo_taker_keeps_role:
                    salvo_taker[i] = taker[i]
                alternative_weight[i] = 0.0
        # Twice: with every neighbour taken as sure of its role, then with the neighbours' role probabilities from that
        # (two chance pairs side by side are each other's "battery" only as much as each is a launch), each neighbour's
        # role judged without the event itself (``cavity_contexts``: a neighbour whose only battery is the event does not
        # make the event a battery).
        record: FloatArray | None = None
        if config.place_record:
            # The run's confident pairs (both events' pair shares at least ``sure_pair_probability``) teach the record.
            share = 1.0 / (1.0 + alternative_weight + chance_weight)
            sure = (partner >= 0) & (share >= config.sure_pair_probability)
            sure &= sure[np.maximum(partner, 0)]
            sure_launches, sure_impacts = np.flatnonzero(sure & (kind == "launch")), np.flatnonzero(sure & (kind == "impact"))
            cell = place_record(sure_launches, sure_impacts, partner, time_s, lat, lon, radius_m=config.place_record_radius_m,
                                window_s=config.battery_window_s)
            record = record_likelihood_ratio(cell, sure_launches, sure_impacts, prior_events=config.place_record_prior_events)
            for i in np.flatnonzero(np.abs(np.log(record)) > np.log(2.0)):
                reason[i] += ("; " if reason[i] else "") + (f"its place's record ({describe_cell(int(cell[i]), config.place_record_radius_m)})"
                                                            f" makes it {record[i]:.2g} times as likely a launch as an impact")
        neighbour_launch: FloatArray | None = None
        neighbour_impact: FloatArray | None = None
        for _ in range(config.context_rounds):
            p_launch, p_impact = _context_roles(kind, partner, alternative, alternative_weight, chance_weight, time_s, lat, lon, config,
                                                levels, model, contexts, sigma_m, neighbour_launch, neighbour_impact,
                                                salvo_taker=salvo_taker, salvo_weight=np.exp(-margin / 2.0), depth_m=depth_m,
                                                cloud_weight=cloud_weight, class_probability=class_probability, record=record)
            neighbour_launch, neighbour_impact = p_launch, p_impact
        if config.volley_alternative:
            _volley_roles(kind, partner, heads, tails, cost, p_launch, p_impact, 1.0 + alternative_weight + chance_weight, time_s, lat,
                          lon, config, levels, model, contexts, sigma_m, reason)
        if config.volley_one_place:
            _one_place_roles(kind, partner, p_launch, p_impact, 1.0 / (1.0 + alternative_weight + chance_weight), time_s, lat, lon,
                             config, levels, model, contexts, sigma_m, reason)
        if config.volley_joint:
            joint_cost = cost
            if config.volley_joint_levels and levels is not None and model is not None:
                extra = unpaired_level_cost(levels, model, config)
                joint_cost = cost - extra[heads] - extra[tails]
            volley_joint_roles(kind, partner, heads, tails, joint_cost, p_launch, p_impact, time_s, lat, lon, config, levels, model,
                               contexts, sigma_m, reason)
        _unpaired_roles(kind, partner, p_launch, p_impact, reason, time_s, lat, lon, config, levels, model, contexts, sigma_m, depth_m,
                        counts=counts, class_probability=class_probability, record=record)
        if near[0].size:
            count = (np.bincount(heads, minlength=n) + np.bincount(tails, minlength=n) + np.bincount(near[0], minlength=n)
                     + np.bincount(near[1], minlength=n))
            _near_pair_roles(kind, partner, p_launch, p_impact, *near, config.unpaired_cost, reason, candidates=count,
                             coincidence_weight=config.coincidence_weight)
        if config.unpaired_among_impacts:
            volley_unpaired_roles(kind, partner, p_launch, p_impact, time_s, lat, lon, config, sigma_m, reason)
    else:
        p_launch, p_impact = _split_roles(kind, alternative, alternative_weight, chance_weight, np.full(n, 0.5))
    p_kind = np.where(kind == "launch", p_launch, np.where(kind == "impact", p_impact, 0.5))
    return Pairing(kind=kind, partner=partner, p_launch=p_launch, p_impact=p_impact, p_kind=p_kind, weapon=weapon,
                   p_weapon=p_weapon, class_probability=class_probability, cost=pair_cost, reason=tuple(reason),
                   battery_odds=config.battery_odds, context_odds=contexts)


def _near_pair_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray,
                     heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float, reason: list[str],
                     *, candidates: int | NDArray[np.int64] = 0, coincidence_weight: float = 0.0) -> None:
    """Unpaired events (in place) with candidate pairs just dearer than the cut (``PairingConfig.pair_cut_soft``) to other
    unpaired events. Each such pair's weight against leaving both unpaired is ``w = exp(-(cost - 2 unpaired_cost) / 2)``
    (the min-marginal of a pair whose margin is the cut's, ``2 unpaired_cost - cost``, negative here); as for a paired
    event, the other candidates of its two events (``candidates``: per event, how many candidate pairs it has, chosen or
    near; ``m`` of them besides this one) make it likelier chance, ``coincidence_weight m`` against it. The pair's share
    of the event's role is ``w / (1 + sum w + coincidence_weight m)`` and the rest is its own evidence's (contexts,
    levels: ``p``). A lone pair dearer than the cut by 0.1 gives its roles 0.49, as one cheaper by 0.1 is chosen with
    about 0.51."""
    both = (partner[heads] < 0) & (partner[tails] < 0)
    weight = np.exp(-(cost[both] - 2.0 * unpaired_cost) / 2.0)
    heads, tails, cost = heads[both], tails[both], cost[both]
    count = np.broadcast_to(np.asarray(candidates, dtype=np.int64), kind.shape)
    rivals = coincidence_weight * np.maximum(count[heads] + count[tails] - 2, 0)
    total_weight = np.bincount(heads, weights=weight, minlength=kind.size) + np.bincount(tails, weights=weight, minlength=kind.size)
    for i in np.flatnonzero(total_weight > 0.0):
        mine = (heads == i) | (tails == i)
        share = weight[mine] / (1.0 + total_weight[i] + rivals[mine])
        as_launch, as_impact = float(share[heads[mine] == i].sum()), float(share[tails[mine] == i].sum())
        before = float(p_launch[i])
        rest = 1.0 - as_launch - as_impact
        p_launch[i] = before * rest + as_launch
        p_impact[i] = float(p_impact[i]) * rest + as_impact
        kind[i] = "impact" if p_impact[i] > 0.5 else "launch"
        best = min((k for k in range(cost.size) if heads[k] == i or tails[k] == i), key=lambda k: float(cost[k]))
        role = "launch" if heads[best] == i else "impact"
        reason[i] += (f"; {int(np.sum((heads == i) | (tails == i)))} pair(s) just dearer than leaving it unpaired (the nearest as the"
                      f" {role}, cost {cost[best]:.2f} against {2.0 * unpaired_cost:g}) weigh in: p launch {before:.2f} -> {p_launch[i]:.2f}")


def _volley_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray,
                  p_launch: FloatArray, p_impact: FloatArray, shares: FloatArray, time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                  config: PairingConfig, levels: SourceLevels | None, model: LevelModel | None, contexts: ContextOdds,
                  sigma_m: FloatArray | None, reason: list[str]) -> None:
    """Paired launches of one volley (in place): the share of the solution in which none of them is a launch
    (:func:`volley.volley_alternatives`, weight ``exp(-margin / 2)`` against the chosen solution's, whose role
    probabilities came with the total weight ``shares`` of the shares they mix) goes to the volley's lone evidence: the
    members' levels as one group of unpaired events (``unpaired_impact_odds``) and the contexts of events outside the
    volley (its mates are no battery for it in a solution where none of them fired)."""
    group = volley_groups(time_s, lat, lon, config, sigma_m)
    extra = (unpaired_level_cost(levels, model, config) if config.volley_alternative_levels and levels is not None and model is not None
             else None)
    margins = volley_alternatives(kind, partner, heads, tails, cost, config, group, extra, time_s=time_s, lat=lat, lon=lon, sigma_m=sigma_m)
    before_launch, before_impact = p_launch.copy(), p_impact.copy()
    for label, margin in margins.items():
        members = np.flatnonzero(group == label)
        weight = float(np.exp(-margin / 2.0))
        if weight < 1e-6:
            continue
        acoustic = 1.0
        if levels is not None and model is not None:
            acoustic = unpaired_impact_odds(model, levels.level_db[members], levels.level_sigma_db[members],
                                            [levels.margins_db[int(m)] for m in members], min_stations=config.min_stations,
                                            silent_launch_share=config.silent_launch_share, partner_elsewhere=config.partner_elsewhere)
        outside = np.flatnonzero(group != label)
        battery, area = 0.0, 0.0
        for m in members:
            fired, landed = context_neighbours(int(m), kind, partner, time_s, lat, lon, config, sigma_m)
            fired, landed = fired[np.isin(fired, outside)], landed[np.isin(landed, outside)]
            battery = max(battery, 1.0 - float(np.prod(1.0 - np.clip(before_launch[fired], 0.0, 1.0))))
            area = max(area, 1.0 - float(np.prod(1.0 - np.clip(before_impact[landed], 0.0, 1.0))) if landed.size else 0.0)
        odds = _context_odds(acoustic, contexts.mixture(battery, area), config)
        lone_launch = 1.0 / (1.0 + odds)
        for m in members:
            if partner[m] < 0:
                continue
            total = float(shares[m]) + weight
            p_launch[m] = (float(before_launch[m]) * float(shares[m]) + weight * lone_launch) / total
            p_impact[m] = (float(before_impact[m]) * float(shares[m]) + weight * (1.0 - lone_launch)) / total
            reason[m] += (f"; the volley of {members.size} events here as impacts (none launched) costs "
                          + (f"{margin:.2f} more" if margin >= 0.0 else f"{-margin:.2f} less (a pair of it lands beside another volley)")
                          + f" (p launch by its own evidence {lone_launch:.2f})")


def _one_place_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray, pair_share: FloatArray,
                     time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig, levels: SourceLevels | None,
                     model: LevelModel | None, contexts: ContextOdds, sigma_m: FloatArray | None, reason: list[str]) -> None:
    """Paired launches of a volley fired from two places or more (in place, ``PairingConfig.volley_one_place``): a launch
    of a place whose posterior ``q`` (:func:`volley.one_place_shares`) is below one half keeps its role with probability
    ``q`` and otherwise its pair is chance and its role is its lone evidence's (contexts at their current roles, its
    level); never raised. The likeliest place's launches keep their roles (lowering them too cost `heavy` 0.25 h twelve
    op rounds: a battery's sure rounds lost 0.1 each). The probability a launch loses goes to the impact role."""
    shares = {m: v for m, v in one_place_shares(kind, partner, pair_share, time_s, lat, lon, config, sigma_m).items() if v[0] < 0.5}
    lone_launch = {}
    for m in sorted(shares):
        battery, area = context_of(m, kind, partner, time_s, lat, lon, config, sigma_m, p_launch, p_impact)
        lone_launch[m] = 1.0 / (1.0 + _lone_odds(m, contexts.mixture(battery, area), config, levels, model)[0])
    for m, (posterior, places) in sorted(shares.items()):
        lone = lone_launch[m]
        kept = min(float(p_launch[m]), posterior * float(p_launch[m]) + (1.0 - posterior) * lone)
        if kept >= float(p_launch[m]) - 1e-9:
            continue
        p_impact[m] = min(float(p_impact[m]) + float(p_launch[m]) - kept, 1.0)
        p_launch[m] = kept
        reason[m] += (f"; its impact lands with a volley launched from {places} places (one volley is fired from one place):"
                      f" this place fired it with probability {posterior:.2f}, else its role is its own evidence's"
                      f" (p launch {lone:.2f})")


def chance_partners(launch_end: int, impact_end: int, kind: NDArray[np.str_], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                    config: PairingConfig, class_probability: FloatArray, sigma_m: FloatArray | None = None,
                    exclude: NDArray[np.int64] | None = None, partner: NDArray[np.int64] | None = None) -> float:
    """Expected number of events that would fit the pair's time of flight by chance at the launch's place.

    The rival of "``launch_end`` launched what landed at ``impact_end``" is that the launch end is one more event of
    fire landing (or of anything else happening) at its place, and its time fits by chance. Events at the launch's place
    (:func:`~truceline.attribute.context.same_place`) other than paired launches (a battery's guns: the salvo's mates; given
    ``partner``, only those whose impact landed at the pair's impact's place: a battery's salvo engages one target, while
    two "launches" side by side whose impacts lie apart are as likely two impacts of a cloud chance-paired each its own way),
    ``exclude`` (the impact's other candidate launches: an unpaired gun of the battery that could have fired it) and
    the pair's own two events come at a rate ``count / (2 battery_window_s)``; the time of flight's envelope at the
    pair's distance (per class, weighed by the pair's class probabilities) is how wide a window a chance event has to fit.
    Poisson: the expected number of such events in the window; a lone battery's launch (no other events at its place)
    gets 0, a "launch" inside another mission's impact cloud about as many as the cloud's rounds in a minute."""
    others = np.flatnonzero(kind != "launch")
    if partner is not None and not config.chance_rate_unpaired:
        others = others[partner[others] >= 0]
    if partner is not None:
        launches = np.flatnonzero((kind == "launch") & (partner >= 0))
        launches = launches[(launches != launch_end)]
        if launches.size:
            # Paired launches whose impact is not at this pair's impact's place are not the salvo's mates.
            mates_impacts = same_place(impact_end, partner[launches].astype(np.intp), time_s, lat, lon, config, sigma_m)
            others = np.union1d(others, launches[~np.isin(partner[launches], mates_impacts)])
    others = others[(others != launch_end) & (others != impact_end)]
    if exclude is not None and exclude.size:
        others = others[~np.isin(others, exclude)]
    near = same_place(launch_end, others, time_s, lat, lon, config, sigma_m)
    if not near.size:
        return 0.0
    gap = distance_m(np.array([lat[launch_end]]), np.array([lon[launch_end]]), np.array([lat[impact_end]]), np.array([lon[impact_end]]))
    width = 0.0
    total = float(class_probability.sum())
    for envelope, weight in zip(ENVELOPES, class_probability):
        if weight <= 0.0:
            continue
        low, high = time_of_flight_bounds_s(envelope, gap)
        if np.isfinite(low[0]) and np.isfinite(high[0]):
            width += float(weight) * max(float(high[0] - low[0]), 0.0)
    if total > 0.0:
        width /= total
    return float(near.size) * width / (2.0 * config.battery_window_s)


def _context_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], alternative: NDArray[np.int8], alternative_weight: FloatArray,
                   chance_weight: FloatArray, time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                   levels: SourceLevels | None, model: LevelModel | None, contexts: ContextOdds, sigma_m: FloatArray | None,
                   neighbour_launch: FloatArray | None, neighbour_impact: FloatArray | None, *,
                   salvo_taker: NDArray[np.int64] | None = None, salvo_weight: FloatArray | None = None,
                   depth_m: FloatArray | None = None, cloud_weight: FloatArray | None = None,
                   class_probability: FloatArray | None = None, record: FloatArray | None = None) -> tuple[FloatArray, FloatArray]:
    """(p_launch, p_impact) of the paired events with their contexts (:func:`context_of`; the neighbours' role
    probabilities ``neighbour_*``, or, without them, every neighbour sure of its role): an alternative solution that
    swaps the event's role is weighed by the context's launch : impact odds, and a chance pair or an alternative that
    leaves the event unpaired leaves its role to the evidence it has alone (context and levels, :func:`_lone_odds`).

    With ``config.cavity_contexts`` and the neighbours' probabilities, a battery neighbour that has an impact area of its
    own (paired impacts of fire from elsewhere around it, other than the event) counts with its role judged without the
    event (its context less the event: the message of belief propagation, which does not send an event's evidence back to
    it): two impacts of one mission that the pairing took for launches of far impacts are each other's only "battery",
    and each supports the other's launch role only as much as it is a launch without that support — inside the
    mission's impact cloud, hardly. A neighbour without a contrary context keeps its full role probability: a battery's
    guns support each other as they did in the pairs the battery odds were learned from.

    With ``config.context_weighs_chosen`` the context's odds weigh the chosen role too, not only an alternative that swaps
    it: among paired events every pair is one launch and one impact, so the learned odds of a context are the odds of
    the role there, and the chosen role is ``2 P(role | context)`` times as likely as without a context (1 without one)
    against the shares whose role the event's lone evidence decides (a chance pair, an alternative that leaves it
    unpaired). A perfect time-of-flight fit of an event inside a mission's impact cloud is then likelier chance.

    ``salvo_taker`` (>= 0 where the best solution without the event gives its partner to a round at the event's place)
    and ``salvo_weight`` (that solution's weight, ``exp(-margin / 2)``): the event is then an unpaired round beside the
    taker, its share decided by its lone evidence with the taker counted as a battery neighbour (at its role
    probability if it already is one, else as sure: it is a launch in that solution).

    ``cloud_weight`` (``chance_rate``): odds that the pair is two impacts of ongoing fire whose times fit by chance
    (:func:`chance_partners`); that share makes the event an impact, whatever its role in the pair.

    ``record`` (``place_record``): per event, its place's launch : impact likelihood ratio over the run
    (:func:`truceline.attribute.record.record_likelihood_ratio`), which multiplies the context's launch odds and divides
    the lone evidence's impact odds."""
    n = kind.size
    paired = np.flatnonzero(partner >= 0)
    alternative_weight = alternative_weight.copy()
    hood: dict[int, tuple[NDArray[np.intp], NDArray[np.intp]]] = {}
    hood_weight: dict[int, tuple[FloatArray, FloatArray]] = {}  # how surely each neighbour is at the event's place (1: hard radius)
    for event in map(int, paired):
        fired, fired_weight, landed, landed_weight = weighted_context_neighbours(event, kind, partner, time_s, lat, lon, config, sigma_m)
        hood[event], hood_weight[event] = (fired, landed), (fired_weight, landed_weight)
    if config.salvo_mates and config.salvo_mate_no_context:
        group = salvo_mate_groups(time_s, lat, lon, config, sigma_m)
        for event, (fired, landed) in hood.items():
            if group[event] >= 0:
                hood[event] = (fired[group[fired] != group[event]], landed[group[landed] != group[event]])
                fired_weight, landed_weight = hood_weight[event]
                hood_weight[event] = (fired_weight[group[fired] != group[event]], landed_weight[group[landed] != group[event]])
    acoustic = {int(i): _lone_odds(int(i), [], config, levels, model, depth_m=depth_m, sigma_m=sigma_m)[1] for i in paired}

    def levels_factor(i: int, fired: NDArray[np.intp]) -> FloatArray:
        if not config.battery_levels or levels is None or not fired.size:
            return np.ones(fired.size)
        return same_weapon_factor(model, float(levels.level_db[i]), float(levels.level_sigma_db[i]), levels.level_db[fired],
                                  levels.level_sigma_db[fired])

    def same_weapon(i: int, fired: NDArray[np.intp]) -> FloatArray:
        # The levels' veto (``battery_levels``), times the salvo's aim (``salvo_aim``, a paired launch only).
        factor = levels_factor(i, fired)
        if config.salvo_aim and fired.size and kind[i] == "launch" and partner[i] >= 0:
            aim = salvo_aim_factor(i, fired, partner, time_s, lat, lon, config, sigma_m)
            if config.salvo_aim_levels and levels is not None:
                share = np.array([launch_level_share(model, float(levels.level_db[j]), float(levels.level_sigma_db[j])) for j in fired])
                share = np.where(np.isfinite(share), share, 0.0)
                aim = share + (1.0 - share) * aim
            factor = factor * aim
        if config.volley_consistency and fired.size and kind[i] == "launch" and partner[i] >= 0 and class_probability is not None:
            factor = factor * volley_factor(i, fired, partner, time_s, lat, lon, class_probability, config, sigma_m)
        return factor

    def strength(i: int, exclude: int = -1) -> tuple[float, float]:
        fired, landed = hood[i]
        fired_weight, landed_weight = hood_weight[i]
        fired_weight, landed_weight = fired_weight[fired != exclude], landed_weight[landed != exclude]
        fired, landed = fired[fired != exclude], landed[landed != exclude]
        soft = config.same_place_soft_m > 0.0 or config.same_place_soft_s > 0.0
        if neighbour_launch is None or neighbour_impact is None:
            if config.first_round_pair_evidence:
                # Each neighbour as sure of its role as its own pair makes it (the min-marginal alone, no context).
                own_l = 1.0 / (1.0 + alternative_weight[fired])
                own_i = 1.0 / (1.0 + alternative_weight[landed])
                own_l = own_l * same_weapon(i, fired) * fired_weight
                own_i = own_i * landed_weight
                return 1.0 - float(np.prod(1.0 - own_l)), (1.0 - float(np.prod(1.0 - own_i)) if landed.size else 0.0)
            landed_sure = 1.0 - float(np.prod(1.0 - landed_weight)) if soft else float(landed.size)
            if (config.battery_levels and levels is not None) or config.salvo_aim or config.volley_consistency:
                return 1.0 - float(np.prod(1.0 - same_weapon(i, fired) * fired_weight)), landed_sure
            return (1.0 - float(np.prod(1.0 - fired_weight)) if soft else float(fired.size)), landed_sure
        if config.cavity_contexts and exclude < 0:
            launch = np.array([message(int(j), i)[0] for j in fired])
            impact = neighbour_impact[landed]
        else:
            launch, impact = neighbour_launch[fired], neighbour_impact[landed]
        launch = np.asarray(launch, dtype=np.float64) * same_weapon(i, fired) * fired_weight
        impact = np.asarray(impact, dtype=np.float64) * landed_weight
        battery = 1.0 - float(np.prod(1.0 - np.clip(launch, 0.0, 1.0)))
        area = 1.0 - float(np.prod(1.0 - np.clip(impact, 0.0, 1.0))) if landed.size else 0.0
        return battery, area

    def message(j: int, without: int) -> tuple[float, float]:
        # Neighbour j's roles judged without event ``without`` among its neighbours, if j has an impact area of its own.
        assert neighbour_launch is not None and neighbour_impact is not None
        fired, landed = hood[j]
        if without not in fired and without not in landed or not landed[landed != without].size:
            return float(neighbour_launch[j]), float(neighbour_impact[j])
        return judge(j, *strength(j, exclude=without))

    def judge(i: int, battery: float, area: float) -> tuple[float, float]:
        mixture = contexts.mixture(min(battery, 1.0), min(area, 1.0))
        odds = _context_odds(acoustic[i], mixture, config)
        place = float(record[i]) if record is not None else 1.0
        odds /= place
        weight, chance = alternative_weight[i], chance_weight[i]
        cloud = float(cloud_weight[i]) if cloud_weight is not None else 0.0
        # The context's launch : impact odds among paired events (even without one: every pair is one launch and one impact).
        p_context_launch = sum(w * (o / (1.0 + o) if np.isfinite(o) else 0.5) for w, o in mixture) / sum(w for w, _ in mixture)
        p_context_launch = min(max(p_context_launch, 1e-9), 1.0 - 1e-9)
        if place != 1.0:
            context_launch_odds = p_context_launch / (1.0 - p_context_launch) * place
            p_context_launch = min(max(context_launch_odds / (1.0 + context_launch_odds), 1e-9), 1.0 - 1e-9)
        if alternative[i] != 0:
            # They weigh an alternative that swaps the role.
            context = p_context_launch / (1.0 - p_context_launch)
            weight *= context if alternative[i] > 0 else 1.0 / context
        if config.context_weighs_chosen:
            # And the chosen role itself against the shares whose role the event's lone evidence decides (an alternative
            # that leaves it unpaired, a chance pair): the prior of the chosen role among paired events, 2 P(role | context),
            # is 1 without a context.
            prior = 2.0 * (p_context_launch if kind[i] == "launch" else 1.0 - p_context_launch)
            # (An alternative that swaps the role already stands against it in the context's odds.)
            chance /= prior
            cloud /= prior
            if alternative[i] == 0:
                weight /= prior
        as_impact = odds / (1.0 + odds)
        if cloud > 0.0:
            # The rival of a chance pair of two impacts: its share is the impact's.
            as_impact = (chance * as_impact + cloud) / (chance + cloud)
            chance += cloud
        p_l, p_i = _split_roles(kind[[i]], alternative[[i]], np.array([weight]), np.array([chance]), np.array([as_impact]))
        if salvo_taker is None or salvo_weight is None or salvo_taker[i] < 0:
            return float(p_l[0]), float(p_i[0])
        # The share of the solution that gives the partner to a round of the salvo: an unpaired round beside the taker.
        taker = int(salvo_taker[i])
        salvo_battery = battery
        if taker not in hood[i][0]:
            salvo_battery = 1.0 - (1.0 - battery) * (1.0 - float(levels_factor(i, np.array([taker], dtype=np.intp))[0]))
        salvo_odds = _context_odds(acoustic[i], contexts.mixture(min(salvo_battery, 1.0), min(area, 1.0)), config) / place
        salvo = float(salvo_weight[i])
        if config.context_weighs_chosen:
            salvo /= 2.0 * (p_context_launch if kind[i] == "launch" else 1.0 - p_context_launch)
        rest = 1.0 + weight + chance
        as_launch = 1.0 / (1.0 + salvo_odds)
        return ((float(p_l[0]) * rest + salvo * as_launch) / (rest + salvo),
                (float(p_i[0]) * rest + salvo * (1.0 - as_launch)) / (rest + salvo))

    p_launch, p_impact = np.zeros(n), np.zeros(n)
    for i in paired:
        p_launch[i], p_impact[i] = judge(int(i), *strength(int(i)))
    return p_launch, p_impact


def salvo_mate_groups(time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                      sigma_m: FloatArray | None = None) -> NDArray[np.int64]:
    """Per event, the label of its salvo-mate group (-1 for none): events linked by mates, within
    ``salvo_mate_window_s`` and ``salvo_mate_radius_m`` of each other (the radius widened by the two locations' errors,
    :func:`~truceline.attribute.context.same_place`); labelled by their first member."""
    n = time_s.size
    near = replace(config, battery_radius_m=config.salvo_mate_radius_m, battery_window_s=config.salvo_mate_window_s)
    root = np.arange(n)

    def find(a: int) -> int:
        while root[a] != a:
            root[a] = root[root[a]]
            a = int(root[a])
        return a

    order = np.argsort(time_s, kind="stable")
    sorted_t = time_s[order]
    for i in range(n):
        lo = np.searchsorted(sorted_t, time_s[i] - config.salvo_mate_window_s, side="left")
        hi = np.searchsorted(sorted_t, time_s[i] + config.salvo_mate_window_s, side="right")
        for m in same_place(i, order[lo:hi].astype(np.intp), time_s, lat, lon, near, sigma_m):
            a, b = find(i), find(int(m))
            if a != b:
                root[max(a, b)] = min(a, b)
    label = np.array([find(i) for i in range(n)], dtype=np.int64)
    size = np.bincount(label, minlength=n)
    return np.where(size[label] > 1, label, -1)


def salvo_aim_factor(i: int, fired: NDArray[np.intp], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                     lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> FloatArray:
    """For a paired launch ``i`` and paired launches ``fired`` at its place: how far each may be a round of its salvo
    by where their impacts landed, ``min(1, LR)`` (a veto, never a reward; 1 for those that fired more than
    ``salvo_aim_window_s`` apart, which may be another mission of the battery).

    A battery's salvo is aimed at one target: its impacts land within a few per cent of the range of each other (the
    simulator's salvos: 90 % within 8 %, all within 17 % of the range). The separation ``s`` of the two impacts is
    Rayleigh with ``sigma^2 = (salvo_dispersion R)^2 + sigma_a^2 + sigma_b^2`` (R the two pairs' mean range, sigma_a/b
    the impacts' position errors) for one salvo, and for two launches aimed independently about uniform over a disc of
    radius R (density ``2 s / R^2``): ``LR = R^2 / (2 sigma^2) exp(-s^2 / (2 sigma^2))``. Two impacts of one mission
    chance-paired as "launches" of far impacts kilometres apart do not make each other a battery. A neighbour whose aim
    agrees with another of the launches there (a salvo of its own, of which ``i`` may be a round mispaired) is not
    vetoed: its factor is the larger of its LR with ``i`` and with the others."""
    out = np.ones(fired.size)
    if not fired.size or partner[i] < 0:
        return out

    def ratio(a: int, b: int) -> float:
        if partner[a] < 0 or partner[b] < 0 or abs(float(time_s[a] - time_s[b])) > config.salvo_aim_window_s:
            return 1.0
        ia, ib = int(partner[a]), int(partner[b])
        reach = 0.5 * float(distance_m(lat[[a, b]], lon[[a, b]], lat[[ia, ib]], lon[[ia, ib]]).sum())
        gap = float(distance_m(lat[[ia]], lon[[ia]], lat[[ib]], lon[[ib]])[0])
        variance = (config.salvo_dispersion * reach) ** 2
        if sigma_m is not None:
            variance += float(sigma_m[ia]) ** 2 + float(sigma_m[ib]) ** 2
        variance = max(variance, 1.0)
        log_ratio = np.log(max(reach, 1.0) ** 2 / (2.0 * variance)) - gap * gap / (2.0 * variance)
        return float(np.exp(min(log_ratio, 0.0)))

    for n, j in enumerate(fired):
        j = int(j)
        if abs(float(time_s[j] - time_s[i])) > config.salvo_aim_window_s:
            continue
        out[n] = ratio(i, j)
        for k in fired:
            if out[n] >= 1.0:
                break
            if int(k) != j and abs(float(time_s[int(k)] - time_s[j])) <= config.salvo_aim_window_s:
                out[n] = max(out[n], ratio(j, int(k)))
    return out


def _context_odds(acoustic: float, contexts: list[tuple[float, float]], config: PairingConfig) -> float:
    """Odds (impact : launch) from the acoustic odds (1: none, then the prior) and the contexts' mixture."""
    p_impact = 0.0
    total = 0.0
    for weight, context in contexts or [(1.0, float("nan"))]:
        if acoustic == 1.0:
            prior = config.unpaired_impact_prior
            odds = 1.0 / context if np.isfinite(context) else prior / (1.0 - prior)
        else:
            odds = acoustic / (context if np.isfinite(context) else 1.0)
        p_impact += weight * odds / (1.0 + odds)
        total += weight
    p_impact = min(max(p_impact / total, 1e-12), 1.0 - 1e-12)
    return p_impact / (1.0 - p_impact)


def _split_roles(kind: NDArray[np.str_], alternative: NDArray[np.int8], alternative_weight: FloatArray, chance_weight: FloatArray,
                 as_impact: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(p_launch, p_impact) of the paired events (zeros elsewhere): the chosen role against the alternative solution's
    role (weight ``alternative_weight``) and a chance pair (``chance_weight``, shared as ``as_impact`` says); an
    alternative that leaves the event unpaired is shared as a chance pair."""
    total = 1.0 + alternative_weight + chance_weight
    sure, other_role, neutral = 1.0 / total, alternative_weight / total, chance_weight / total
    unpaired = alternative == 0
    neutral = np.where(unpaired, neutral + other_role, neutral)
    other_role = np.where(unpaired, 0.0, other_role)
    is_launch, is_impact = kind == "launch", kind == "impact"
    p_launch = np.where(is_launch, sure + (1.0 - as_impact) * neutral,
                        np.where(is_impact, np.where(alternative > 0, other_role, 0.0) + (1.0 - as_impact) * neutral, 0.0))
    p_impact = np.where(is_impact, sure + as_impact * neutral,
                        np.where(is_launch, np.where(alternative < 0, other_role, 0.0) + as_impact * neutral, 0.0))
    return np.asarray(p_launch, dtype=np.float64), np.asarray(p_impact, dtype=np.float64)


def _lone_odds(i: int, contexts: list[tuple[float, float]], config: PairingConfig, levels: SourceLevels | None,
               model: LevelModel | None, group: NDArray[np.intp] | None = None, *, time_s: FloatArray | None = None,
               lat: FloatArray | None = None, lon: FloatArray | None = None, sigma_m: FloatArray | None = None,
               depth_m: FloatArray | None = None, located: tuple[FloatArray, FloatArray] | None = None) -> tuple[float, float]:
    """Odds (impact : launch) of event ``i`` on the evidence it has without a partner: its contexts ``contexts``
    ((weight, launch : impact odds), NaN odds for none: :meth:`ContextOdds.mixture`), and the acoustic odds (1 without
    levels, then the prior) of ``i`` with the unpaired events of ``group`` (same place, same minutes: one battery's
    launches or one mission's impacts; at most ``max_group`` of them, nearest in time). The probability of an impact is
    the contexts' mixture. ``located``: per event, the probability that its partner as a launch / as an impact was
    located but not paired (:func:`located_partners`). Returns (odds, acoustic odds)."""
    acoustic = 1.0
    if levels is not None and model is not None:
        members = np.array([i], dtype=np.intp)
        if group is not None and group.size and time_s is not None and lat is not None and lon is not None:
            mates = same_place(i, group, time_s, lat, lon, config, sigma_m)
            mates = mates[np.argsort(np.abs(time_s[mates] - time_s[i]), kind="stable")[:config.max_group]]
            members = np.concatenate([members, mates])
        acoustic = unpaired_impact_odds(model, levels.level_db[members], levels.level_sigma_db[members],
                                        [levels.margins_db[int(m)] for m in members], min_stations=config.min_stations,
                                        silent_launch_share=config.silent_launch_share, partner_elsewhere=config.partner_elsewhere,
                                        launch_depth_m=None if depth_m is None else depth_m[members],
                                        depth_sigma_m=None if depth_m is None or sigma_m is None else sigma_m[members],
                                        launch_partner_located=None if located is None else located[0][members],
                                        impact_partner_located=None if located is None else located[1][members])
    return _context_odds(acoustic, contexts, config), acoustic


def _unpaired_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray, reason: list[str],
                    time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig, levels: SourceLevels | None,
                    model: LevelModel | None, contexts: ContextOdds | None, sigma_m: FloatArray | None = None,
                    depth_m: FloatArray | None = None, counts: ContextCounts | None = None,
                    class_probability: FloatArray | None = None, record: FloatArray | None = None) -> None:
    """Unpaired events (in place): odds of impact from the levels and the partner it should have had, times the
    context (paired launches fired from the same place in the same minutes; paired impacts of fire from elsewhere
    landed there); without levels, the prior.

    With ``counts`` (``PairingConfig.unpaired_context_em``; the paired events behind ``contexts``) and levels, the contexts'
    odds for unpaired events are the odds among *all* events there (:func:`unpaired_context_odds`), not among the paired."""
    unpaired = np.flatnonzero(kind == "unknown")
    roles = kind.copy()
    battery = np.zeros(kind.size)
    area = np.zeros(kind.size)
    acoustic = np.ones(kind.size)
    located = (located_partners(kind, partner, time_s, lat, lon, config, sigma_m, p_launch=p_launch, p_impact=p_impact,
                                class_probability=class_probability)
               if config.unpaired_partner_heard else None)
    lone_model, lone_config = model, config
    silent = [config.silent_launch_share] if config.unpaired_silent_share else None
    if (config.unpaired_class_shares or config.unpaired_silent_share) and levels is not None and model is not None:
        launches = np.flatnonzero((kind == "launch") & (partner >= 0))
        pair_mass = (class_probability[launches].sum(axis=0) if class_probability is not None and launches.size
                     else np.zeros(model.has_class.size))
        fitted = unpaired_class_shares(model, levels.level_db, levels.level_sigma_db, levels.margins_db, unpaired, pair_mass,
                                       min_stations=config.min_stations, silent_launch_share=config.silent_launch_share,
                                       partner_elsewhere=config.partner_elsewhere, silent=silent)
        lone_model = fitted if config.unpaired_class_shares else model
        if silent is not None:
            lone_config = replace(config, silent_launch_share=float(np.clip(silent[0], 0.0, 0.9)))
    shares_text = ""
    if lone_model is not model and lone_model is not None and config.unpaired_class_shares:
        weights = lone_model.weight.copy()
        if lone_model.prior_weight is not None:
            weights = np.where(lone_model.has_class, weights, lone_model.prior_weight)
        shares_text = ("the classes' shares of the rounds fired, from the pairs and the unpaired events' levels: "
                       + ", ".join(f"{e.name} {w:.2f}" for e, w in zip(ENVELOPES, weights) if w > 0.0)
                       + (f", silent launches {lone_config.silent_launch_share:.2f}" if silent is not None else ""))
    elif silent is not None and lone_config is not config:
        shares_text = f"the share of fire whose launch makes no sound, from the unpaired events' levels: {lone_config.silent_launch_share:.2f}"
    for i in unpaired:
        if contexts is not None:
            battery[i], area[i] = context_of(int(i), roles, partner, time_s, lat, lon, config, sigma_m, p_launch, p_impact)
        acoustic[i] = _lone_odds(int(i), [], lone_config, levels, lone_model, unpaired, time_s=time_s, lat=lat, lon=lon, sigma_m=sigma_m,
                                 depth_m=depth_m, located=located)[1]
    used = contexts
    if contexts is not None and counts is not None and model is not None:
        used = unpaired_context_odds(counts, unpaired[acoustic[unpaired] != 1.0], battery, area, acoustic, contexts, config)
    for i in unpaired:
        mixture = used.mixture(float(battery[i]), float(area[i])) if used is not None else []
        odds = _context_odds(float(acoustic[i]), mixture, config)
        if record is not None:
            odds /= float(record[i])  # its place's record over the run (``place_record``)
        if acoustic[i] == 1.0:
            source = f"prior probability {config.unpaired_impact_prior:g}"
        else:
            source = (f"source level {levels.level_db[i]:.0f} dB at 1 km: its partner would have been heard"  # type: ignore[union-attr]
                      f" {'less' if acoustic[i] > 1.0 else 'more'} surely as an impact's launch than as a launch's impact"
                      f" (odds {acoustic[i]:.2g})")
            if located is not None and max(located[0][i], located[1][i]) > 0.05:
                source += (f"; its impact as a launch (p {located[0][i]:.2f}) or its launch as an impact (p {located[1][i]:.2f})"
                           f" was located but not paired with it")
            if shares_text:
                source += f"; {shares_text}"
        p_impact[i] = odds / (1.0 + odds)
        p_launch[i] = 1.0 - p_impact[i]
        kind[i] = "impact" if p_impact[i] > 0.5 else "launch"
        where = f"fired from where paired launches fired within {config.battery_window_s:.0f} s (p {battery[i]:.2f}); " if battery[i] > 0.05 else ""
        if area[i] > 0.05 and np.isfinite(contexts.impact_area if contexts is not None else float("nan")):
            where += f"landed where paired impacts of fire from elsewhere landed within {config.battery_window_s:.0f} s (p {area[i]:.2f}); "
        if used is not contexts and used is not None and battery[i] > 0.05 and acoustic[i] != 1.0:
            where += f"launch : impact odds {used.battery:.3g} there among all events, paired and unpaired; "
        if record is not None and abs(np.log(record[i])) > np.log(2.0):
            source += f"; its place's record over the run makes it {record[i]:.2g} times as likely a launch as an impact"
        reason[i] = f"unpaired: no partner fits; {where}called {'an' if kind[i] == 'impact' else 'a'} {kind[i]} ({source})"


def located_partners(kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                     config: PairingConfig, sigma_m: FloatArray | None = None, *, p_launch: FloatArray | None = None,
                     p_impact: FloatArray | None = None, class_probability: FloatArray | None = None) -> tuple[FloatArray, FloatArray]:
    """Per event: (the probability that its partner as a launch was located but not paired, that its partner as an
    impact was), for the unpaired events (``partner < 0``; 0 elsewhere).

    A battery's salvo is fired within seconds and its rounds fly within a few per cent of one another to one target. An
    unpaired event ``i`` with a battery mate ``m`` — a paired launch at its place (:func:`~truceline.attribute.context.same_place`)
    fired within ``salvo_aim_window_s`` of it — whose impact ``j`` landed at time of flight ``t_j - t_m``: if another
    unpaired event landed at ``j``'s place (not at ``i``'s own) within ``partner_heard_window_s`` of ``t_i + t_j - t_m``,
    ``i``'s impact as a launch of that salvo was located, and the pairing missed the pair (a candidate vetoed or lost
    to a mate). The mirror: an unpaired event landing where a paired impact ``j`` landed within ``salvo_aim_window_s``,
    with an unpaired event at ``j``'s launch's place within the window of ``t_i - (t_j - t_m)``, had its launch located.
    A detonation landing on a battery minutes after it fired has no such round: the battery's impacts of that minute
    were paired with its guns or lie at another time. The mate is a launch (the mirror's: an impact) only as surely as its
    role (``p_launch`` / ``p_impact``; without them, sure): two detonations side by side, one chance-paired as a
    "launch", are no salvo; the probability is the largest over the mates that find such a round.

    With ``partner_heard_flight`` the round found counts only as far as the flight between it and the event fits the
    time-of-flight envelope of the mate's weapon (:func:`flight_fit_share`, the classes weighed by ``class_probability``
    of the mate's pair; without them, any class): a round of the salvo flew as its mates did, while an impact of other
    fire that happens to land at the mate's impact's place at the right moment seldom lies at a range the weapon's
    time of flight allows."""
    n = kind.size
    as_launch = np.zeros(n)
    as_impact = np.zeros(n)
    unpaired = np.flatnonzero(partner < 0)
    launches = np.flatnonzero((partner >= 0) & (kind == "launch"))
    impacts = partner[launches].astype(np.intp)
    wide = replace(config, battery_window_s=float("inf"))

    def found(i: int, place: int, at: float) -> NDArray[np.intp]:
        near = unpaired[(unpaired != i) & (np.abs(time_s[unpaired] - at) <= config.partner_heard_window_s)]
        if not near.size:
            return near.astype(np.intp)
        near = same_place(place, near.astype(np.intp), time_s, lat, lon, wide, sigma_m)
        if near.size:
            near = np.setdiff1d(near, same_place(i, near, time_s, lat, lon, wide, sigma_m))
        return near.astype(np.intp)

    def fits(launch: NDArray[np.intp] | int, impact: NDArray[np.intp] | int, mate: int) -> float:
        if not config.partner_heard_flight:
            return 1.0
        return float(np.max(flight_fit_share(np.atleast_1d(launch), np.atleast_1d(impact), time_s, lat, lon, sigma_m,
                                             None if class_probability is None else class_probability[mate])))

    for i in map(int, unpaired):
        mates = launches[np.abs(time_s[launches] - time_s[i]) <= config.salvo_aim_window_s]
        for m in same_place(i, mates.astype(np.intp), time_s, lat, lon, config, sigma_m):
            j = int(partner[m])
            near = found(i, j, float(time_s[i] + time_s[j] - time_s[m]))
            if near.size:
                role = 1.0 if p_launch is None else float(np.clip(p_launch[m], 0.0, 1.0))
                as_launch[i] = max(as_launch[i], role * fits(np.full(near.size, i, dtype=np.intp), near, int(m)))
        landed = impacts[np.abs(time_s[impacts] - time_s[i]) <= config.salvo_aim_window_s]
        for k in map(int, same_place(i, landed, time_s, lat, lon, config, sigma_m)):
            fired = int(partner[k])
            near = found(i, fired, float(time_s[i] - (time_s[k] - time_s[fired])))
            if near.size:
                role = 1.0 if p_impact is None else float(np.clip(p_impact[k], 0.0, 1.0))
                as_impact[i] = max(as_impact[i], role * fits(near, np.full(near.size, i, dtype=np.intp), k))
    return as_launch, as_impact


def flight_fit_share(launch: NDArray[np.intp], impact: NDArray[np.intp], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                     sigma_m: FloatArray | None = None, class_probability: FloatArray | None = None) -> FloatArray:
    """Per (launch, impact) pair of events: the probability, over the weapon classes (weighed by ``class_probability``;
    None: any class), that the flight from one to the other fits the class's time-of-flight envelope at their range —
    within the four standard deviations (the two positions' errors ``sigma_m`` and the envelope's own allowance) that
    make a candidate pair (:func:`truceline.attribute.physics.flight_costs`; the events' timing errors, tenths of a second,
    are left to the envelope's allowance). 0 for a flight no class (of those weighed) can make."""
    launch = np.asarray(launch, dtype=np.intp)
    impact = np.asarray(impact, dtype=np.intp)
    range_m = distance_m(lat[launch], lon[launch], lat[impact], lon[impact])
    range_sigma = (np.zeros(launch.size) if sigma_m is None
                   else np.hypot(np.asarray(sigma_m, dtype=np.float64)[launch], np.asarray(sigma_m, dtype=np.float64)[impact]))
    costs = flight_costs(range_m, time_s[impact] - time_s[launch], range_sigma, np.zeros(launch.size))
    possible = np.isfinite(costs) & (time_s[impact] > time_s[launch])[:, None]
    if class_probability is None:
        return np.asarray(possible.any(axis=1), dtype=np.float64)
    weights = np.clip(np.asarray(class_probability, dtype=np.float64), 0.0, None)
    if weights.sum() <= 0.0:
        return np.asarray(possible.any(axis=1), dtype=np.float64)
    return np.asarray(possible @ weights / weights.sum(), dtype=np.float64)


def unpaired_context_odds(counts: ContextCounts, members: NDArray[np.int64], battery: FloatArray, area: FloatArray, acoustic: FloatArray,
                          contexts: ContextOdds, config: PairingConfig, *, iterations: int = 50, tolerance: float = 1e-6) -> ContextOdds:
    """The contexts' launch : impact odds among all events there, paired and unpaired, for judging an unpaired event.

    The odds learned from the pairs are P(launch | context, paired) / P(impact | context, paired). An unpaired event's
    levels already say how likely it is to have lost its partner in each role (the acoustic odds hold P(unpaired, level |
    role)); its prior is P(launch | context) / P(impact | context), over every event there. The two differ by the pairing
    rates: at a battery its guns' rounds are heard and paired, while the rounds that land on it (counter-battery mortar
    fire, whose quiet launches seldom are located) stay unpaired, so the paired odds overstate the battery's launches
    for an unpaired event — and multiplied by the levels' odds they count "a launch finds its partner" twice. The
    unpaired events' roles enter the counts (each weighed by how sure its context is: ``battery``, and ``(1 - battery)
    area`` for the impact area, as :meth:`ContextOdds.mixture`), their roles from those odds and their levels: an
    expectation-maximisation of the context's prior, to a fixed point. ``members``: the unpaired events with levels."""
    used = contexts
    for _ in range(iterations):
        b_launch = b_impact = a_launch = a_impact = 0.0
        for i in members:
            odds = _context_odds(float(acoustic[i]), used.mixture(float(battery[i]), float(area[i])), config)
            p_imp = odds / (1.0 + odds)
            w_b = float(battery[i])
            w_a = (1.0 - w_b) * float(area[i])
            b_launch += w_b * (1.0 - p_imp)
            b_impact += w_b * p_imp
            a_launch += w_a * (1.0 - p_imp)
            a_impact += w_a * p_imp
        battery_odds = (counts.battery_launch + b_launch) / (counts.battery_impact + b_impact)
        area_odds = ((counts.area_launch + a_launch) / (counts.area_impact + a_impact) if np.isfinite(contexts.impact_area)
                     else contexts.impact_area)
        updated = ContextOdds(battery=float(battery_odds), impact_area=float(area_odds))
        done = (abs(np.log(updated.battery / used.battery)) < tolerance
                and (not np.isfinite(area_odds) or abs(np.log(updated.impact_area / used.impact_area)) < tolerance))
        used = updated
        if done:
            break
    return used
