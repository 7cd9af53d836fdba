"""A chosen pair both of whose events' roles say the other way round is taken apart (session 26, level26).

The assignment (:func:`truceline.attribute.assignment.solve_pieces`) picks the least-cost set of pairs; the roles are
weighed afterwards from each event's margin, its context, its levels and its salvo's shared role. Where two assignments
cost the same, the least-cost one may pair an impact as the "launch" of a round that is in truth the next salvo's launch:
on violation seed 11 (storm-on events, ``/work/bench/lead25/f_v11``) a mission's earlier impact (true 92) becomes the
launch of a launch (true 95) at a cost 0.002 below main's assignment, and the roles then weighed call the pair's "launch"
a launch at 0.35 and its "impact" an impact at 0.054. The pair stands all the same, and its structure moves the rest: the
salvo's other two launches lose their volley's support (0.92 -> 0.70-0.75) and the earlier impacts become suspected
launches of a "battery" at the impact place (0.866 -> 0.50-0.65). When both ends of a chosen pair are more likely the
other role (``p_kind`` below ``PairingConfig.pair_roles_agree_below`` at both), the assignment contradicts the evidence
it was made from; the pair is forbidden and the assignment made again without it (once: the roles of the second
assignment are kept whatever they say).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def contradicted_pairs(kind: NDArray[np.str_], partner: NDArray[np.int64], p_kind: FloatArray, below: float) -> list[tuple[int, int]]:
    """The chosen pairs (launch, impact) whose launch is a launch and whose impact an impact each with probability
    below ``below``."""
    out: list[tuple[int, int]] = []
    for a in np.flatnonzero((np.asarray(kind) == "launch") & (np.asarray(partner) >= 0)):
        b = int(partner[a])
        if float(p_kind[a]) < below and float(p_kind[b]) < below:
            out.append((int(a), b))
    return out


def without_pairs(heads: NDArray[np.int64], tails: NDArray[np.int64], cost: FloatArray, class_costs: FloatArray,
                  pairs: list[tuple[int, int]]) -> tuple[NDArray[np.int64], NDArray[np.int64], FloatArray, FloatArray]:
    """The candidates less the pairs given (launch -> impact; the reverse candidate, if any, stays)."""
    drop = np.zeros(heads.size, dtype=bool)
    for a, b in pairs:
        drop |= (heads == a) & (tails == b)
    return heads[~drop], tails[~drop], cost[~drop], class_costs[~drop]
