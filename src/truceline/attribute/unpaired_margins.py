"""An unpaired event's role weighs the assignments in which it is paired (``PairingConfig.unpaired_margins``).

A paired event's role probability comes from its min-marginal: how much dearer the best solution is in which it does not
play its role (:func:`truceline.attribute.assignment.solve_pieces`). An unpaired event had none: its role came from its
lone evidence (contexts, levels) however cheaply the assignment could have paired it. So two near-tied assignments gave
sure roles either way: on `violation` seed 11 a mission's earlier impact (round 92) was an unpaired "impact" at 0.866
while the assignment that pairs it as the launch of the next salvo's launch cost 0.04 more (docs/attribution.md, "Session
26 (level26)"); a 0.01 dB shift of the learned levels made that assignment the cheaper one, and the event a "launch".

Here the unpaired event gets its min-marginals too, one per role: the best solution in which it is paired as a launch,
and the best in which it is paired as an impact, each against the chosen solution (the local piece around it solved again
with the event forced into a pair of that role, :func:`forced_pair_margin`). A solution dearer by ``Δ`` is ``exp(-Δ / 2)``
as likely, as every role's min-marginal reads it; its pair may be chance as a paired event's may, ``coincidence_weight
m`` against it, ``m`` the other candidates of its two events. The share of each role ``r`` is then ``w_r / (1 + w_L +
w_I + coincidence_weight m_r)`` and the rest is the event's lone evidence (:func:`mixed_unpaired_roles`), the same form
the soft pair-cost cut gives a pair just past the cut (``_near_pair_roles``). A near tie (``Δ`` = 0.002) gives the paired
role about as much weight as the chosen, unpaired one; a pair dearer by 10 gives it 0.7 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.assignment import assign, objective_of

FloatArray = NDArray[np.float64]

# What forcing a pair subtracts from the forced event's pairs of the role: far above any pair's cost (2 unpaired_cost at most)
_FORCE = 1_000.0


@dataclass(frozen=True, slots=True)
class PairedAlternative:
    """The best solution in which an unpaired event is paired in one role: how much dearer it is and with whom."""

    margin: float  # cost over the chosen solution (>= 0)
    partner: int  # the event's partner in it
    given_up: tuple[int, ...] = ()  # the chosen pairs (indices into the candidate arrays) it does not keep


def local_events(event: int, partner: NDArray[np.int64], incident: dict[int, list[int]], heads: NDArray[np.int64],
                 tails: NDArray[np.int64]) -> set[int]:
    """The events that may rearrange when ``event`` is forced into a pair: its candidates, their partners, those partners'
    candidates and their partners (two rings: the event takes a launch's impact, whose launch then takes another impact,
    as the s11 mission's re-pairing does); the rest of the piece stays as chosen."""
    local = {event}
    for _ in range(2):
        ring = set(local)
        for member in local:
            for edge in incident.get(member, ()):
                ring.update((int(heads[edge]), int(tails[edge])))
        ring.update(int(partner[m]) for m in list(ring) if partner[m] >= 0)
        local = ring
    return local


def forced_pair_margin(event: int, as_launch: bool, local: set[int], partner: NDArray[np.int64], incident: dict[int, list[int]],
                       heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
                       ) -> PairedAlternative | None:
    """The best solution of the events ``local`` in which the unpaired ``event`` is paired as a launch (``as_launch``) or
    an impact, against the chosen one (``partner``); None if it has no candidate in that role. The event's candidates in
    the role are made ``_FORCE`` cheaper and its candidates in the other role are dropped, so any solution that can pair
    it does; the search is bounded as the paired events' min-marginals are (16 Hungarian solves)."""
    edges = np.array(sorted({e for m in local for e in incident.get(m, ()) if int(heads[e]) in local and int(tails[e]) in local}),
                     dtype=np.int64)
    h, t, c = heads[edges], tails[edges], cost[edges]
    mine, other = (h == event, t == event) if as_launch else (t == event, h == event)
    if not mine.any():
        return None
    current = [j for j in range(edges.size) if partner[int(h[j])] == int(t[j])]
    keep = np.flatnonzero(~other)
    forced = np.where(mine, c - _FORCE, c)[keep]
    members = np.array(sorted(local), dtype=np.int64)
    chosen = [int(keep[m]) for m in assign(members, h[keep], t[keep], forced, unpaired_cost, max_branches=16, exact=False)]
    taken = [j for j in chosen if mine[j]]
    if not taken:
        return None
    margin = objective_of(chosen, c, unpaired_cost) - objective_of(current, c, unpaired_cost)
    j = taken[0]
    kept = set(chosen)
    return PairedAlternative(margin=max(0.0, margin), partner=int(t[j]) if as_launch else int(h[j]),
                             given_up=tuple(int(edges[k]) for k in current if k not in kept))


def unpaired_alternatives(partner: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray,
                          unpaired_cost: float) -> dict[int, tuple[PairedAlternative | None, PairedAlternative | None]]:
    """Per unpaired event with a candidate pair: (the best solution pairing it as a launch, as an impact), None where it
    has no candidate in that role."""
    incident: dict[int, list[int]] = {}
    for e in range(heads.size):
        incident.setdefault(int(heads[e]), []).append(e)
        incident.setdefault(int(tails[e]), []).append(e)
    out: dict[int, tuple[PairedAlternative | None, PairedAlternative | None]] = {}
    for event in sorted(incident):
        if partner[event] >= 0:
            continue
        local = local_events(event, partner, incident, heads, tails)
        out[event] = (forced_pair_margin(event, True, local, partner, incident, heads, tails, cost, unpaired_cost),
                      forced_pair_margin(event, False, local, partner, incident, heads, tails, cost, unpaired_cost))
    return out


def mixed_roles(p_launch: float, p_impact: float, launch: tuple[float, float] | None,
                impact: tuple[float, float] | None) -> tuple[float, float]:
    """(p launch, p impact) of an unpaired event whose lone evidence gives ``p_launch``, ``p_impact`` and whose paired
    alternatives are ``launch`` / ``impact`` = (weight ``exp(-margin / 2)``, chance weight ``coincidence_weight m``) or
    None: each role's share ``w / (1 + w_L + w_I + chance)``, the rest the lone evidence's."""
    total = 1.0 + (launch[0] if launch else 0.0) + (impact[0] if impact else 0.0)
    share_launch = launch[0] / (total + launch[1]) if launch else 0.0
    share_impact = impact[0] / (total + impact[1]) if impact else 0.0
    rest = 1.0 - share_launch - share_impact
    return p_launch * rest + share_launch, p_impact * rest + share_impact


def mixed_unpaired_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray,
                         heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, unpaired_cost: float,
                         coincidence_weight: float, reason: list[str], *, min_share: float = 1e-3) -> None:
    """In place: every unpaired event's role mixed with the solutions that pair it (:func:`mixed_roles`), its kind the
    likelier role; the reason names the cheapest alternative when the role moves by 0.005 or more."""
    count = np.bincount(heads, minlength=kind.size) + np.bincount(tails, minlength=kind.size)
    for event, (as_launch, as_impact) in unpaired_alternatives(partner, heads, tails, cost, unpaired_cost).items():
        weights: list[tuple[float, float] | None] = []
        for alt in (as_launch, as_impact):
            if alt is None:
                weights.append(None)
                continue
            w = float(np.exp(-alt.margin / 2.0))
            weights.append((w, coincidence_weight * max(int(count[event]) + int(count[alt.partner]) - 2, 0)) if w >= min_share else None)
        if weights[0] is None and weights[1] is None:
            continue
        before = float(p_launch[event])
        p_launch[event], p_impact[event] = mixed_roles(before, float(p_impact[event]), weights[0], weights[1])
        kind[event] = "impact" if p_impact[event] > 0.5 else "launch"
        if abs(float(p_launch[event]) - before) < 0.005:
            continue
        parts = [f"as a {role} (dearer by {alt.margin:.2f})"
                 for role, alt, w in (("launch", as_launch, weights[0]), ("impact", as_impact, weights[1])) if alt is not None and w is not None]
        reason[event] += f"; the best assignments that pair it weigh in, {' and '.join(parts)}: p launch {before:.2f} -> {float(p_launch[event]):.2f}"
