"""The least-cost choice of pairs in each connected piece of the candidate graph (the Hungarian method, salvo
mates kept in one role), and each paired event's min-marginal."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

FloatArray = NDArray[np.float64]


def _hungarian(n: int, rows: NDArray[np.intp], cols: NDArray[np.intp], cost: FloatArray, unpaired_cost: float) -> list[int]:
    """Least-cost launch x impact assignment (each event may also stay unpaired): chosen edge indices."""
    matrix = np.full((2 * n, 2 * n), 1e9)
    matrix[n:, n:] = 0.0
    matrix[np.arange(n), n + np.arange(n)] = unpaired_cost
    matrix[n + np.arange(n), np.arange(n)] = unpaired_cost
    matrix[rows, cols] = np.minimum(matrix[rows, cols], cost)
    _, assigned = linear_sum_assignment(matrix)
    return [int(k) for k in np.flatnonzero(assigned[rows] == cols)]


def assign(events: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray,
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
    best, best_objective = incumbent, objective_of(incumbent, cost, unpaired_cost)
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
        objective = objective_of(chosen, cost, unpaired_cost)
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
    return found if objective_of(found, cost, unpaired_cost) <= best_objective else best


def _mixed_groups(chosen: list[int], heads: NDArray[np.int64], tails: NDArray[np.int64], mate_group: NDArray[np.int64] | None) -> int:
    """How many salvo-mate groups the solution ``chosen`` gives opposite roles (a member a launch, another an impact)."""
    if mate_group is None or not chosen:
        return 0
    launch_groups = {int(mate_group[heads[k]]) for k in chosen} - {-1}
    impact_groups = {int(mate_group[tails[k]]) for k in chosen} - {-1}
    return len(launch_groups & impact_groups)


def assign_mates(events: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
                 mate_group: NDArray[np.int64] | None, mate_penalty: float, *, max_branches: int = 64, exact: bool = True,
                 depth: int = 3) -> list[int]:
    """:func:`assign` with salvo mates: a solution that gives a group's members opposite roles costs ``mate_penalty``
    more per such group. The unconstrained optimum; if it mixes a group's roles, the piece solved again twice, the
    group's members only launches (or unpaired), then only impacts (or unpaired), recursively for the next mixed group
    (at most ``depth`` groups deep; deeper mixes keep their penalty); the least penalised objective wins."""
    chosen = assign(events, heads, tails, cost, unpaired_cost, max_branches=max_branches, exact=exact)
    if mate_group is None or mate_penalty <= 0.0:
        return chosen
    mixed = _mixed_groups(chosen, heads, tails, mate_group)
    if not mixed or depth <= 0:
        return chosen
    best, best_cost = chosen, mates_objective_of(chosen, heads, tails, cost, unpaired_cost, mate_group, mate_penalty)
    launch_groups = {int(mate_group[heads[k]]) for k in chosen} - {-1}
    group = min(launch_groups & {int(mate_group[tails[k]]) for k in chosen})
    for forbidden in (tails, heads):  # the group's members only launches, then only impacts
        keep = np.flatnonzero(mate_group[forbidden] != group)
        sub = [int(keep[m]) for m in assign_mates(events, heads[keep], tails[keep], cost[keep], unpaired_cost, mate_group, mate_penalty,
                                                   max_branches=max_branches, exact=exact, depth=depth - 1)] if keep.size else []
        sub_cost = mates_objective_of(sub, heads, tails, cost, unpaired_cost, mate_group, mate_penalty)
        if sub_cost < best_cost - 1e-9:
            best, best_cost = sub, sub_cost
    return sorted(best)


def objective_of(chosen: list[int], cost: FloatArray, unpaired_cost: float) -> float:
    """Total cost of a solution less the constant "all unpaired" cost of the piece."""
    return float(sum(cost[k] - 2.0 * unpaired_cost for k in chosen))


def mates_objective_of(chosen: list[int], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
                       mate_group: NDArray[np.int64] | None, mate_penalty: float) -> float:
    """:func:`objective_of` plus ``mate_penalty`` per salvo-mate group the solution gives opposite roles: the objective
    :func:`assign_mates` minimises, against which an alternative solution's margin is measured."""
    return objective_of(chosen, cost, unpaired_cost) + mate_penalty * _mixed_groups(chosen, heads, tails, mate_group)


def solve_pieces(n: int, heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
                 mate_group: NDArray[np.int64] | None = None, mate_penalty: float = 0.0, mate_margins: bool = True,
                 fixed: list[int] | None = None) -> tuple[list[int], FloatArray, NDArray[np.int8], NDArray[np.int64]]:
    """Chosen pairs over all connected pieces of the candidate graph, and for every paired event
    the margin (cost increase of the best solution in which it does not play its role) and the role
    it plays in that solution (+1 launch, -1 impact, 0 unpaired), and the event its partner is paired with in that
    solution (-1 if none).

    The margin is computed locally: the event's neighbours and its partner's, with their partners,
    may rearrange; everything else stays as chosen; the search for the alternative is bounded
    (16 Hungarian solves), so the margin may err large when the alternative is hard to find.

    ``mate_group`` (per event, a salvo-mate group's label or -1; ``PairingConfig.salvo_mates``): every solution, chosen
    or alternative, that gives a group's members opposite roles costs ``mate_penalty`` more per such group
    (:func:`assign_mates`; with ``mate_margins`` False only the chosen solution).

    ``fixed`` (candidate indices, one pair per event at most): the chosen solution is given, not solved; the margins are
    measured against it (a margin is 0 where the best solution without the role is cheaper). The assignment mixture
    (:mod:`truceline.attribute.assignment_mixture`) weighs the roles of near-optimal assignments so.
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
    if fixed is not None:
        chosen = list(fixed)
    else:
        for ks in np.split(order, bounds):
            events = np.unique(np.concatenate([heads[ks], tails[ks]]))
            chosen.extend(int(ks[j]) for j in assign_mates(events, heads[ks], tails[ks], cost[ks], unpaired_cost, mate_group,
                                                            mate_penalty))
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
            other = [int(kept[m]) for m in assign_mates(members, h[keep], t[keep], c[keep], unpaired_cost, mate_group, mate_penalty,
                                                        max_branches=16, exact=False)] if kept.size else []
            # Leaving the event and its partner unpaired is always possible: the margin cannot exceed that.
            ceiling = 2.0 * unpaired_cost - float(cost[k])
            cost_other = mates_objective_of(other, h, t, c, unpaired_cost, mate_group, mate_penalty)
            cost_current = mates_objective_of(current, h, t, c, unpaired_cost, mate_group, mate_penalty)
            margin[event] = min(max(0.0, cost_other - cost_current), ceiling)
            alternative[event] = 1 if any(int(h[m]) == event for m in other) else (-1 if any(int(t[m]) == event for m in other) else 0)
            mate = int(partner[event])
            taker[event] = next((int(t[m]) if int(h[m]) == mate else int(h[m]) for m in other if mate in (int(h[m]), int(t[m]))), -1)
    return chosen, margin, alternative, taker
