"""The roles mixed over the near-optimal assignments (``PairingConfig.assignment_mixture``).

The role probabilities are computed for one assignment, the cheapest. A paired event's own role weighs the best solution
in which it plays another (its min-marginal), but everything read from the assignment's structure follows the chosen one
alone: the contexts (a battery is where *paired* launches fired), the salvo's shared role (one paired round and its
unpaired mates), the volley's alternatives, the unpaired events' roles. Where two assignments cost nearly the same, the
roles of a whole fire mission then follow whichever wins: on `violation` seed 11 a mission's two pairings cost 0.6298 and
0.6280 (a likelihood ratio of 1.001), and which of them won moved six verdicts by 0.1-0.35 (docs/attribution.md,
"Session 26 (level26)").

Here the roles are the mixture over assignments weighted by their likelihood, ``exp(-cost / 2)`` as every min-marginal
reads a cost: the cheapest assignment and, for every connected piece of the candidate graph, its cheapest alternatives
that change some event's role (at most ``assignment_mixture_per_piece``, dearer by less than
``assignment_mixture_max_margin``), each differing from the cheapest in that piece only. An alternative is found by
forbidding pairs (:func:`piece_alternatives`: an event's pairs in its role, as a paired event's min-marginal does, or the
chosen pairs that the best solution pairing an unpaired event gives up, :mod:`truceline.attribute.unpaired_margins`);
the whole role computation is then run again with that assignment given and every candidate kept, so its events'
min-marginals are measured against it as the cheapest's are against the cheapest (a role the cheapest plays is 0
dearer there). Alternatives far apart run together (:func:`mixture_batches`): an assignment moves the roles within a few
battery radii and windows of the events whose partners it changes (its ``region``). An event's probabilities are then
``(p_0 + sum_a w_a p_a) / (1 + sum_a w_a)`` over the alternatives whose region holds it (:func:`mix_roles`). Two
near-tied assignments then give the same roles whichever of them is the cheapest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from truceline.attribute.assignment import assign_mates, mates_objective_of
from truceline.attribute.physics import distance_m

if TYPE_CHECKING:
    from truceline.attribute.pairing import Pairing
    from truceline.attribute.pairing_config import PairingConfig

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Alternative:
    """One piece's alternative assignment: the candidate pairs (indices into the candidate arrays) it forbids, the events it
    moves roles around (the piece) and those whose roles it may move (``region``), and its cost over the cheapest."""

    piece: int
    removed: frozenset[tuple[int, int]]  # the cheapest assignment's (launch, impact) pairs it gives up
    added: frozenset[tuple[int, int]]  # and those it makes instead
    margin: float
    events: NDArray[np.intp]  # the events whose partner it changes
    region: NDArray[np.intp]


def roles_of(chosen: list[int], heads: NDArray[np.int64], tails: NDArray[np.int64]) -> dict[int, int]:
    """+1 per launch, -1 per impact of a solution (events left out are unpaired)."""
    out = {int(heads[k]): 1 for k in chosen}
    out.update({int(tails[k]): -1 for k in chosen})
    return out


def piece_alternatives(events: NDArray[np.int64], edges: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64],
                       cost: FloatArray, chosen: set[int], unpaired_cost: float, forced: list[set[int]] | None = None,
                       mate_group: NDArray[np.int64] | None = None, mate_penalty: float = 0.0,
                       ) -> list[tuple[float, frozenset[tuple[int, int]], frozenset[tuple[int, int]]]]:
    """A piece's alternatives that change some event's role, cheapest first, deduplicated by the roles they give: (cost
    over the chosen solution, the candidate pairs forbidden). Tried: for each event of a chosen pair, all its pairs in its
    role forbidden (the paired event's min-marginal); for each set in ``forced``, those chosen pairs forbidden. Each
    alternative is given as the chosen pairs it gives up and the pairs it makes instead. With salvo mates
    (``mate_group``, ``mate_penalty``: ``PairingConfig.salvo_mates``) every solution is found and priced as the
    assignment's own are, a group given opposite roles paying the penalty: without it a volley's round made the impact of a
    far launch while its mates stay launches came out 0.000 dearer, where the assignment itself charges it 14."""
    current = [int(e) for e in edges if int(e) in chosen]
    base_roles = roles_of(current, heads, tails)

    def objective(solution: list[int]) -> float:
        return mates_objective_of(solution, heads, tails, cost, unpaired_cost, mate_group, mate_penalty)

    base = objective(current)
    tries: list[tuple[int, ...]] = []
    for k in current:
        tries.append(tuple(int(e) for e in edges if int(heads[e]) == int(heads[k])))
        tries.append(tuple(int(e) for e in edges if int(tails[e]) == int(tails[k])))
    tries.extend(tuple(sorted(f)) for f in forced or [] if f)
    seen: dict[tuple[tuple[int, int], ...], tuple[float, frozenset[tuple[int, int]], frozenset[tuple[int, int]]]] = {}
    base_pairs = {(int(heads[k]), int(tails[k])) for k in current}
    for drop in tries:
        keep = edges[~np.isin(edges, drop)]
        solution = ([int(keep[m]) for m in assign_mates(events, heads[keep], tails[keep], cost[keep], unpaired_cost, mate_group,
                                                        mate_penalty, max_branches=16, exact=False)]
                    if keep.size else [])
        roles = roles_of(solution, heads, tails)
        if roles == base_roles:
            continue
        key = tuple(sorted(roles.items()))
        margin = max(0.0, objective(solution) - base)
        if key not in seen or margin < seen[key][0]:
            pairs = {(int(heads[k]), int(tails[k])) for k in solution}
            seen[key] = (margin, frozenset(base_pairs - pairs), frozenset(pairs - base_pairs))
    return sorted(seen.values(), key=lambda a: a[0])


def region_of(members: NDArray[np.intp], time_s: FloatArray, lat: FloatArray, lon: FloatArray, radius_m: float,
              window_s: float) -> NDArray[np.intp]:
    """The events within ``radius_m`` and ``window_s`` of any of ``members``."""
    inside = np.zeros(time_s.size, dtype=bool)
    for m in map(int, members):
        near = np.flatnonzero(np.abs(time_s - time_s[m]) <= window_s)
        gap = distance_m(np.full(near.size, lat[m]), np.full(near.size, lon[m]), lat[near], lon[near])
        inside[near[gap <= radius_m]] = True
    return np.flatnonzero(inside).astype(np.intp)


def near_optimal_alternatives(n: int, partner: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64],
                              cost: FloatArray, unpaired_cost: float, time_s: FloatArray, lat: FloatArray, lon: FloatArray, *,
                              per_piece: int, max_margin: float, radius_m: float, window_s: float,
                              forced: list[tuple[int, set[int]]] | None = None, mate_group: NDArray[np.int64] | None = None,
                              mate_penalty: float = 0.0) -> list[Alternative]:
    """Every piece's cheapest role-changing alternatives (:func:`piece_alternatives`), at most ``per_piece`` each and dearer
    by less than ``max_margin``. ``partner`` is the chosen assignment; candidates at ``2 unpaired_cost`` or dearer are never
    paired and are left out. ``forced``: per unpaired event, the chosen pairs a solution pairing it gives up; ``mate_group``,
    ``mate_penalty``: the salvo mates' penalty, as :func:`piece_alternatives`."""
    usable = np.flatnonzero(cost < 2.0 * unpaired_cost)
    if not usable.size:
        return []
    chosen = {int(k) for k in usable if partner[int(heads[k])] == int(tails[k])}
    graph = coo_matrix((np.ones(usable.size), (heads[usable], tails[usable])), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    out: list[Alternative] = []
    for piece in np.unique(label[heads[usable]]):
        edges = usable[label[heads[usable]] == piece]
        events = np.unique(np.concatenate([heads[edges], tails[edges]]))
        extra = [f for e, f in forced or [] if label[e] == piece]
        found = [a for a in piece_alternatives(events, edges, heads, tails, cost, chosen, unpaired_cost, extra, mate_group, mate_penalty)
                 if a[0] < max_margin]
        for margin, removed, added in found[:per_piece]:
            moved = np.array(sorted({e for pair in removed | added for e in pair}), dtype=np.intp)
            out.append(Alternative(piece=int(piece), removed=removed, added=added, margin=margin, events=moved,
                                   region=region_of(moved, time_s, lat, lon, radius_m, window_s)))
    return out


def mixture_batches(alternatives: list[Alternative], n: int) -> list[list[Alternative]]:
    """The alternatives grouped into runs: in one run no two share a region event (each event's roles move with one
    alternative at most; two alternatives of one piece far apart change separate parts of it), greedily, cheapest first."""
    batches: list[tuple[list[Alternative], NDArray[np.bool_]]] = []
    for alt in sorted(alternatives, key=lambda a: a.margin):
        for members, taken in batches:
            if not taken[alt.region].any():
                members.append(alt)
                taken[alt.region] = True
                break
        else:
            taken = np.zeros(n, dtype=bool)
            taken[alt.region] = True
            batches.append(([alt], taken))
    return [members for members, _ in batches]


def mix_roles(p_launch: FloatArray, p_impact: FloatArray,
              runs: list[tuple[list[tuple[Alternative, float]], FloatArray, FloatArray]]) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(p launch, p impact, total alternative weight) per event: the cheapest assignment's probabilities mixed with each
    run's over its alternatives' regions, ``w = exp(-margin / 2)`` per alternative (the margin its run measured)."""
    launch, impact, weight = p_launch.copy(), p_impact.copy(), np.zeros(p_launch.size)
    for alternatives, run_launch, run_impact in runs:
        for alt, margin in alternatives:
            w = float(np.exp(-margin / 2.0))
            launch[alt.region] += w * run_launch[alt.region]
            impact[alt.region] += w * run_impact[alt.region]
            weight[alt.region] += w
    return launch / (1.0 + weight), impact / (1.0 + weight), weight


RunPairing = Callable[[set[tuple[int, int]]], tuple[FloatArray, FloatArray]]


def role_evidence(events: NDArray[np.intp], pairs: set[tuple[int, int]], p_launch: FloatArray, p_impact: FloatArray) -> float:
    """``ln`` of the product, over ``events``, of the probability the assignment's run gives the role it plays there (an
    unpaired event: its likelier role): how far the evidence the pair costs do not hold (contexts, levels) bears the
    assignment out."""
    launches, impacts = {a for a, _ in pairs}, {b for _, b in pairs}
    total = 0.0
    for i in map(int, events):
        p = p_launch[i] if i in launches else p_impact[i] if i in impacts else max(p_launch[i], p_impact[i])
        total += float(np.log(max(float(p), 1e-12)))
    return total


def evidence_log_ratio(events: NDArray[np.intp], pairs: set[tuple[int, int]], base: set[tuple[int, int]], p_launch: FloatArray,
                       p_impact: FloatArray, run_launch: FloatArray, run_impact: FloatArray, *, both_views: bool = False) -> float:
    """``ln`` of how much better the contexts and levels bear out the alternative ``pairs`` than the cheapest ``base`` at
    ``events`` (:func:`role_evidence`). Alone (pair27's form): the alternative's roles read in its own run against the
    cheapest's roles in the cheapest's run; each run's contexts are built from its own pairs, so each reads its own roles
    likelier than the other run would (a chosen salvo of launches is each other's battery, a broken one is not), and
    where the cheapest's run itself reads one of its pairs the other way round (violation s13 E000092: paired as an
    impact, p launch 0.976) the cheapest is charged for a role its own run has already turned over. With ``both_views``
    the two assignments are compared within each run, the cheapest's and the alternative's, and the two log ratios
    averaged: every comparison is made under one set of contexts."""
    if not both_views:
        return role_evidence(events, pairs, run_launch, run_impact) - role_evidence(events, base, p_launch, p_impact)
    cheapest_view = role_evidence(events, pairs, p_launch, p_impact) - role_evidence(events, base, p_launch, p_impact)
    own_view = role_evidence(events, pairs, run_launch, run_impact) - role_evidence(events, base, run_launch, run_impact)
    return 0.5 * (cheapest_view + own_view)


def mixed_over_assignments(partner: NDArray[np.int64], kind: NDArray[np.str_], p_launch: FloatArray, p_impact: FloatArray,
                           alternatives: list[Alternative], run: RunPairing, *, evidence: bool = False, both_views: bool = False,
                           ) -> tuple[FloatArray, FloatArray, FloatArray, int]:
    """The mixture (:func:`mix_roles`) over the alternatives, each batch (:func:`mixture_batches`) run by ``run`` (given
    the (launch, impact) pairs of an assignment, it returns its p launch and p impact, the margins measured against that
    assignment). With ``evidence`` an alternative's weight is also multiplied by the ratio of its moved events' role
    probabilities in its run to theirs in the cheapest's (:func:`role_evidence`): the pair costs alone do not hold the
    contexts and levels, which the roles do, and with them the weights are the same whichever assignment is the cheapest;
    ``both_views``: that ratio read within each run and averaged (:func:`evidence_log_ratio`). Returns (p launch, p impact,
    total weight per event, runs made)."""
    base = {(int(a), int(partner[a])) for a in np.flatnonzero((partner >= 0) & (kind == "launch"))}
    runs: list[tuple[list[tuple[Alternative, float]], FloatArray, FloatArray]] = []
    for batch in mixture_batches(alternatives, partner.size):
        pairs = set(base)
        for alt in batch:
            pairs = (pairs - alt.removed) | alt.added
        run_launch, run_impact = run(pairs)
        measured = []
        for alt in batch:
            margin = alt.margin
            if evidence:
                margin -= 2.0 * evidence_log_ratio(alt.events, pairs, base, p_launch, p_impact, run_launch, run_impact,
                                                   both_views=both_views)
            measured.append((alt, margin))
        runs.append((measured, run_launch, run_impact))
    launch, impact, weight = mix_roles(p_launch, p_impact, runs)
    return launch, impact, weight, len(runs)


def with_assignment_mixture(pairing: Pairing, heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray,
                            class_costs: FloatArray,
                            final: Callable[[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray, set[tuple[int, int]]], Pairing],
                            config: PairingConfig, time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                            mate_group: NDArray[np.int64] | None = None) -> Pairing:
    """``pairing`` (the cheapest assignment's, made by ``final`` from the candidate arrays) with its roles mixed over the
    near-optimal assignments (module docstring); kinds and partners stay the cheapest's, but an unpaired event's kind is
    its likelier role. ``mate_group``: the salvo mates' groups (``PairingConfig.salvo_mates``), whose penalty the
    alternatives pay as the assignment's own min-marginals do (with ``salvo_mate_margins``)."""
    from truceline.attribute.unpaired_margins import unpaired_alternatives
    u = config.unpaired_cost
    usable = np.flatnonzero(cost < 2.0 * u)
    forced: list[tuple[int, set[int]]] = []
    for event, pair in unpaired_alternatives(pairing.partner, heads[usable], tails[usable], cost[usable], u).items():
        forced.extend((event, {int(usable[k]) for k in a.given_up}) for a in pair
                      if a is not None and a.margin < config.assignment_mixture_max_margin and a.given_up)
    alternatives = near_optimal_alternatives(pairing.kind.size, pairing.partner, heads, tails, cost, u, time_s, lat, lon,
                                             per_piece=config.assignment_mixture_per_piece,
                                             max_margin=config.assignment_mixture_max_margin,
                                             radius_m=config.assignment_mixture_reach * config.battery_radius_m,
                                             window_s=config.assignment_mixture_reach * config.battery_window_s, forced=forced,
                                             mate_group=mate_group if config.salvo_mate_margins else None,
                                             mate_penalty=config.salvo_mate_penalty)
    if not alternatives:
        return pairing

    def run(pairs: set[tuple[int, int]]) -> tuple[FloatArray, FloatArray]:
        other = final(heads, tails, cost, class_costs, pairs)
        return other.p_launch, other.p_impact

    launch, impact, weight, _ = mixed_over_assignments(pairing.partner, pairing.kind, pairing.p_launch, pairing.p_impact, alternatives, run,
                                                       evidence=config.assignment_mixture_evidence,
                                                       both_views=config.assignment_mixture_evidence_both)
    kind = pairing.kind.copy()
    unpaired = pairing.partner < 0
    kind[unpaired] = np.where(impact[unpaired] > 0.5, "impact", "launch")
    reason = list(pairing.reason)
    for i in np.flatnonzero(np.abs(launch - pairing.p_launch) >= 0.005):
        reason[i] += (f"; its roles mixed over the near-optimal assignments (alternatives' weight {weight[i]:.2f} against the"
                      f" cheapest's 1): p launch {pairing.p_launch[i]:.2f} -> {launch[i]:.2f}")
    p_kind = np.where(kind == "launch", launch, np.where(kind == "impact", impact, 0.5))
    return replace(pairing, kind=kind, p_launch=launch, p_impact=impact, p_kind=p_kind, reason=tuple(reason))
