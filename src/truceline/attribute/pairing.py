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

from truceline.attribute.acoustics import (LevelModel, SourceLevels, fit_level_model, launch_level_share,
                                           same_weapon_factor, unpaired_impact_odds)
from truceline.attribute.context import (ContextOdds, battery_odds_from_pairs, context_counts_from_pairs,
                                         context_neighbours, context_odds_from_pairs, context_of, same_place,
                                         weighted_context_neighbours)
from truceline.attribute.deployment import depth_bounds_per_event
from truceline.attribute.joint import volley_joint_roles, volley_unpaired_roles
from truceline.attribute.level_inputs import level_fit_input
from truceline.attribute.pair_roles import contradicted_pairs, without_pairs
from truceline.attribute.record import describe_cell, place_record, record_likelihood_ratio
from truceline.attribute.physics import ENVELOPES, distance_m
from truceline.attribute.volley import one_place_shares, volley_alternatives, volley_factor, volley_groups
# the pairing's other contents moved to these modules (docs/attribution.md, "Session 22 (split22)"); every
# public name is imported back, for the code and tests that import it from here
from truceline.attribute.pairing_config import PairingConfig
from truceline.attribute.candidates import (candidate_pairs, crossing_probability, reach_from_across,
                                            unpaired_level_cost, with_levels)
from truceline.attribute.assignment import assign, objective_of, solve_pieces
from truceline.attribute.partners import chance_partners, flight_fit_share, located_partners
from truceline.attribute.salvo import salvo_aim_factor, salvo_mate_groups
from truceline.attribute.shared_role import salvo_shared_roles
from truceline.attribute.unpaired_margins import mixed_unpaired_roles
from truceline.attribute.assignment_mixture import with_assignment_mixture
# the unpaired events' roles (session 26's split)
from truceline.attribute.unpaired_roles import (launch_odds_in_context, lone_event_odds, assign_unpaired_roles, unpaired_context_odds,
                                                unpaired_lead)

FloatArray = NDArray[np.float64]


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
            fit_levels = level_fit_input(levels.level_db, pair_launch.astype(np.int64), partner_of, sure, config.level_density_events)
            fitted = fit_level_model(fit_levels, pair_launch.astype(np.int64), partner_of, sure, current.class_probability[pair_launch],
                                     compete_classes=config.level_classes_compete, provisional_share=config.level_provisional_share,
                                     split_shared=config.level_classes_split, provisional_keep=config.level_provisional_keep,
                                     prior_start=config.level_prior_start, prior_classes=config.level_prior_classes,
                                     prior_min_weight=config.level_prior_min_weight)
            if fitted is None:
                break
            model = fitted
            heads, tails, cost, class_costs = with_levels(base, levels, model, config)
            if iteration + 1 < config.level_iterations:
                current = _paired(n, heads, tails, cost, class_costs, config, mate_group=mate_group)
    depth = np.abs(line_m) if line_m is not None and config.launch_depth_levels else None
    def final(h: NDArray[np.int64], t: NDArray[np.int64], c: FloatArray, cc: FloatArray,
              fixed_pairs: set[tuple[int, int]] | None = None) -> Pairing:
        return _paired(n, h, t, c, cc, config, time_s=time_s, lat=lat, lon=lon, levels=levels, model=model, sigma_m=sigma_m,
                       depth_m=depth, mate_group=mate_group, fixed_pairs=fixed_pairs, line_m=line_m)

    pairing = final(heads, tails, cost, class_costs)
    if config.pair_roles_agree:
        # A pair both of whose roles the evidence reverses is forbidden and the assignment made again (:mod:`pair_roles`).
        contradicted = contradicted_pairs(pairing.kind, pairing.partner, pairing.p_kind, config.pair_roles_agree_below)
        if contradicted:
            pairing = final(*without_pairs(heads, tails, cost, class_costs, contradicted))
    if config.assignment_mixture:
        # The roles mixed over the near-optimal assignments (:mod:`assignment_mixture`).
        pairing = with_assignment_mixture(pairing, heads, tails, cost, class_costs, final, config, time_s, lat, lon, mate_group)
    pairing = replace(pairing, level_model=model, depth_bounds_m=depth_bounds)
    if line_m is None or levels is None or model is None:
        return pairing
    reach = reach_from_across(np.abs(line_m), sigma_m, levels, model, config, pairing.partner < 0)
    return replace(pairing, p_reach_from_across=reach)


def _paired(n: int, heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, class_costs: FloatArray, config: PairingConfig,
            *, time_s: FloatArray | None = None, lat: FloatArray | None = None, lon: FloatArray | None = None,
            levels: SourceLevels | None = None, model: LevelModel | None = None, sigma_m: FloatArray | None = None,
            depth_m: FloatArray | None = None, mate_group: NDArray[np.int64] | None = None,
            fixed_pairs: set[tuple[int, int]] | None = None, line_m: FloatArray | None = None) -> Pairing:
    """The assignment of the candidate pairs (``fixed_pairs``: (launch, impact) pairs given, not solved), role probabilities, and (given positions) the unpaired events' roles;
    ``sigma_m`` (1-sigma position errors) widens the "same place" of a battery by the two events' uncertainty.
    Candidates at ``2 unpaired_cost`` or dearer (``pair_cut_soft``) are not paired: they give unpaired events a share of
    a role (:func:`_near_pair_roles`). ``line_m``: the events' signed distances from the line (the salvo's shared role
    weighs depth with ``volley_shared_role_depth``; the unpaired salvo's flight must cross it)."""
    line_depth_m = np.abs(line_m) if line_m is not None and config.volley_shared_role_depth else None
    beyond = cost >= 2.0 * config.unpaired_cost
    near = (heads[beyond], tails[beyond], cost[beyond])
    heads, tails, cost, class_costs = heads[~beyond], tails[~beyond], cost[~beyond], class_costs[~beyond]
    fixed = None if fixed_pairs is None else [k for k in range(heads.size) if (int(heads[k]), int(tails[k])) in fixed_pairs]
    chosen, margin, alternative, taker = solve_pieces(n, heads, tails, cost, config.unpaired_cost, mate_group,
                                                      config.salvo_mate_penalty if mate_group is not None else 0.0,
                                                      config.salvo_mate_margins, fixed)
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
        assign_unpaired_roles(kind, partner, p_launch, p_impact, reason, time_s, lat, lon, config, levels, model, contexts, sigma_m, depth_m,
                        counts=counts, class_probability=class_probability, record=record,
                        candidates=np.bincount(heads, minlength=n) + np.bincount(tails, minlength=n), line_m=line_m)
        if config.unpaired_margins:
            mixed_unpaired_roles(kind, partner, p_launch, p_impact, heads, tails, cost, config.unpaired_cost, config.coincidence_weight,
                                 reason)
        if near[0].size:
            count = (np.bincount(heads, minlength=n) + np.bincount(tails, minlength=n) + np.bincount(near[0], minlength=n)
                     + np.bincount(near[1], minlength=n))
            _near_pair_roles(kind, partner, p_launch, p_impact, *near, config.unpaired_cost, reason, candidates=count,
                             coincidence_weight=config.coincidence_weight)
        if config.volley_shared_role:
            salvo_shared_roles(kind, partner, p_launch, p_impact, time_s, lat, lon, config, levels, model, sigma_m, reason,
                               class_probability, depth_m=line_depth_m)
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
    group = volley_groups(time_s, lat, lon, config, sigma_m, levels, model)
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
        odds = launch_odds_in_context(acoustic, contexts.mixture(battery, area), config)
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
        lone_launch[m] = 1.0 / (1.0 + lone_event_odds(m, contexts.mixture(battery, area), config, levels, model)[0])
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
    leaves the event unpaired leaves its role to the evidence it has alone (context and levels, :func:`lone_event_odds`).

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
        fired, fired_weight, landed, landed_weight = weighted_context_neighbours(event, kind, partner, time_s, lat, lon, config, sigma_m,
                                                                                 levels=levels, model=model)
        hood[event], hood_weight[event] = (fired, landed), (fired_weight, landed_weight)
    if config.salvo_mates and config.salvo_mate_no_context:
        group = salvo_mate_groups(time_s, lat, lon, config, sigma_m)
        for event, (fired, landed) in hood.items():
            if group[event] >= 0:
                hood[event] = (fired[group[fired] != group[event]], landed[group[landed] != group[event]])
                fired_weight, landed_weight = hood_weight[event]
                hood_weight[event] = (fired_weight[group[fired] != group[event]], landed_weight[group[landed] != group[event]])
    acoustic = {int(i): lone_event_odds(int(i), [], config, levels, model, depth_m=depth_m, sigma_m=sigma_m)[1] for i in paired}

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
        odds = launch_odds_in_context(acoustic[i], mixture, config)
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
        salvo_odds = launch_odds_in_context(acoustic[i], contexts.mixture(min(salvo_battery, 1.0), min(area, 1.0)), config) / place
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
