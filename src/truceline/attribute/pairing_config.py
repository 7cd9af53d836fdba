"""The pairing's knobs (:class:`PairingConfig`), with the measurements behind each default."""

from __future__ import annotations

from dataclasses import dataclass


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
    # Session 28, cross28: an impact neighbour supports an event's impact-area context only as far as their levels allow two
    # rounds of one weapon (a battery's launches under the other side's answering fire; attribute/crossfire.py).
    impact_area_levels: bool = True
    # Session 28, cross28: an unpaired salvo followed across the line by unpaired events at one common time of flight, one per
    # round, had its impacts (and they their launches) located but not paired, as surely as so many matches are not chance
    # (attribute/salvo_flight.py; needs ``unpaired_partner_heard`` and the signed line distance).
    unpaired_salvo_partners: bool = True
    unpaired_salvo_delay_s: float = 2.0  # the rounds' times of flight agree within this plus ...
    unpaired_salvo_delay_fraction: float = 0.05  # ... this fraction of the time of flight
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
    # Session 23, attrib23: a salvo (events within ``volley_window_s`` and ``volley_radius_m``) of one paired launch and
    # unpaired rounds shares one role: the paired round's launch odds times its mates' likelihood ratio (their levels and
    # partners as unpaired launches against unpaired impacts), for the paired round and its mates alike
    # (:mod:`truceline.attribute.shared_role`). On, with ``_no_silent``, ``_depth`` and ``_reach``: violation fused s7-s13
    # firing party 1318 -> 1320 of 1337, op recall 1714 -> 1737 (s7 +1, s8 +5, s9 +7, s11 +1, s12 +4, s13 +5, s10 =),
    # truth-derived 1379 -> 1383 of 1416 and 1625 -> 1653 (s7 +6, s8 +2, s9 +7, s11 +13, the rest =), heavy 0.25 h 208 -> 208,
    # no seed worse (docs/attribution.md, "Session 23 (attrib23)").
    volley_shared_role: bool = True
    # The paired round's role is never raised by its mates.
    volley_shared_role_lower_only: bool = False
    # The mates' likelihood ratio from their levels alone, not from whether their partners would have been heard
    # (``partner_elsewhere`` 1 there). Off: fused 1743 but s12 -4, truth-derived s11 -7.
    volley_shared_role_levels_only: bool = False
    # The mates' launch role weighed by how well their depth behind the line fits each class's deployment.
    volley_shared_role_depth: bool = True
    # As launches, the mates' impacts count as found (they landed with the paired round's impact, within seconds on one
    # target: merged with it or lost beside it), so the launch role pays no "partner unheard"; as impacts their launches
    # still must have gone unheard. Off: mortar bombs that fit no learned launch level are then free to be launches (fused 1725).
    volley_shared_role_partner_found: bool = False
    # No share of the mates' impacts without a launch's sound: a salvo of rounds landing within seconds is no drone's
    # (``silent_launch_share`` 0 in the mates' ratio; with it a gun salvo's mates lean to impact, 2.7 to 1 on s10).
    volley_shared_role_no_silent: bool = True
    # With ``_depth``: the mates' impact role weighed by whether a round of each class fired from across the line reaches
    # their depth (``max_range_m - min_depth_m``): a 111 dB rocket launch 14 km back is no mortar's bomb.
    volley_shared_role_reach: bool = True
    # Session 24, attrib24: one salvo is one weapon's rounds. Events within ``volley_window_s`` and ``volley_radius_m`` are
    # linked into a volley (:func:`volley.volley_groups`, for the volley alternative and the shared role) only where their
    # levels may be two rounds of one weapon (:func:`acoustics.same_weapon_factor` at least ``volley_same_weapon_min``): a
    # 98 dB mortar launch whose 4-pick location's error reaches two 111-113 dB detonations 1.5 km away (violation seed 8,
    # E000321-E000323) is no round of their salvo, and its sure launch no longer props up their "none launched" alternative.
    # On: violation fused s7-s13 op recall 1734 -> 1738 (s8 302 -> 306; two events move, both the intended), firing party
    # 1320/1337 as before, truth-derived s7-s13 identical (1653/1963, 1383/1416), heavy 0.25 h op 207 -> 208 of 236
    # (docs/attribution.md, "Session 24 (attrib24)").
    volley_same_weapon: bool = True
    # Session 24, attrib24: both ends' levels (:func:`acoustics.pair_level_penalty` ``role_null``): each level's fit to its
    # role in a learned class against the larger of a random level and its fit to the class's other role. Off: with
    # ``volley_same_weapon`` violation fused 1738 -> 1747 (s10 +1, s11 +8: the crossfire bombs E000337/E000338), no fused seed
    # worse, but heavy 0.25 h 208 -> 199 (a false event that is a perfect mortar pair by its levels gets surer) and
    # truth-derived s9 266 -> 265 (docs/attribution.md, "Session 24 (attrib24)").
    level_role_null: bool = False
    # Session 26, level26: the events whose levels make the level model's "any event" density (and its bandwidth):
    # "all" (every event) or "sure" (the events of the confident pairs that teach the model; :mod:`level_inputs`). "sure"
    # makes the model, and so the pairing, blind to unpaired events that are not fire (violation s11: the 11 clutter
    # events storm_cells drops move it by 0.01-0.02 dB and flip one mission's pairing), but costs violation fused op
    # recall 1763 -> 1637 (every seed but s12 lower: s10 238 -> 203, s13 204 -> 144); "all" stays
    # (docs/attribution.md, "Session 26 (level26)").
    level_density_events: str = "all"
    # Session 26, level26: a chosen pair both of whose events' roles come out below this probability (the evidence weighed
    # after the assignment calls its launch an impact and its impact a launch) is forbidden and the assignment made again
    # (:mod:`pair_roles`; violation s11 storm-on: a mission's earlier impact paired as the launch of the next salvo's launch).
    pair_roles_agree: bool = False
    pair_roles_agree_below: float = 0.5
    volley_same_weapon_min: float = 0.1
    # Session 26, wrong26: the impact end alone (:mod:`truceline.attribute.impact_role`): a pair's impact level is weighed
    # against the larger of a random level and its class's launch level, in the classes whose two roles differ (a mortar's
    # "impact" at its launch's level is likelier a launch: the crossfire's bomb -> merged quiet launches, violation s11
    # E000337 -> E000339). On: violation fused op recall 1763 -> 1770 (s11 265 -> 272), no seed worse, heavy 0.25 h as
    # before (docs/attribution.md, "Session 26 (wrong26)"). Ignored when ``level_role_null`` (both ends) is on.
    level_role_null_impact: bool = True
    # Session 27, pair27: an unpaired event's role weighs the best solutions that pair it, as a launch and as an impact
    # (their min-marginals, ``exp(-margin / 2)``, each diluted by its pair's crowd as a paired role is), against its lone
    # evidence (:mod:`truceline.attribute.unpaired_margins`): two near-tied assignments give its role about even odds, not
    # the chosen one's. Off: alone, violation fused op recall 1766 -> 1767 (s8 -1, s13 +2); with the assignment mixture
    # below it is part of the measured set (docs/attribution.md, "Session 27 (pair27)").
    unpaired_margins: bool = False
    # Session 27, pair27: the roles mixed over the near-optimal assignments (:mod:`truceline.attribute.assignment_mixture`):
    # per piece of the candidate graph its cheapest alternatives that change a role (at most ``_per_piece``, dearer by less
    # than ``_max_margin``), the roles computed again with each, and every event's probabilities the mixture weighted by
    # ``exp(-margin / 2)`` within ``_reach`` battery radii and windows of the events it moves; with ``_evidence`` also by its
    # moved events' role probabilities. Off: with ``_evidence`` and ``unpaired_margins``, violation fused op recall 1766 ->
    # 1780 (no seed lower), firing party 1320/1336 as before, wrong verdicts 5/15/46 -> 4/12/44, but 12 attribute tests
    # pin behaviours it softens and the attribution takes about 2.5 times as long (docs/attribution.md, "Session 27 (pair27)").
    assignment_mixture: bool = False
    assignment_mixture_per_piece: int = 8
    assignment_mixture_max_margin: float = 6.0
    assignment_mixture_reach: float = 3.0
    assignment_mixture_evidence: bool = False  # weigh an alternative by its moved events' role probabilities too
    # Session 28, pair28: ``_evidence`` read within each run (the cheapest's and the alternative's) and the two log ratios
    # averaged, not the alternative's own run against the cheapest's (:func:`assignment_mixture.evidence_log_ratio`): each
    # run's contexts favour its own pairs. Off: with the options above violation fused op recall 1792 -> 1799/1926 (main
    # 1777), wrong verdicts 1/5/35 -> 1/6/35 (main 2/8/37), firing party 1320/1336 as main but s13 157/160 (main 158), and
    # the heavy 0.25 h attribution 10-23 times main's time (docs/attribution.md, "Session 28 (pair28)").
    assignment_mixture_evidence_both: bool = False
