"""Cases: violations by the same firing party in the same sector, close in time, grouped.

A case is what the protocol engine escalates. Verdicts are taken in time order; a verdict joins
the open case of its (firing party, target party, sector) when it comes no more than
``gap_s`` (default 6 h) after that case's latest member, and opens a new case otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from truceline.attribute.rules import Verdict
from truceline.model.cases import Case

DEFAULT_GAP_S = 6 * 3600.0


def group_cases(verdicts: Sequence[Verdict], *, gap_s: float = DEFAULT_GAP_S, min_confidence: float = 0.0) -> list[Case]:
    """Cases (``model.cases.Case``) of the verdicts reaching ``min_confidence``, in order of opening.

    ``case_id`` is ``case-<sector>-<firing party>-<first event id>``; ``at_s`` is when its first
    member became known, ``time_s`` when its first fire happened.
    """
    open_cases: dict[tuple[str, str, str], list[Verdict]] = {}
    done: list[list[Verdict]] = []
    for verdict in sorted(verdicts, key=lambda v: (v.time_s, v.event_id)):
        if verdict.confidence < min_confidence:
            continue
        key = (verdict.firing_party, verdict.target_party, verdict.sector)
        members = open_cases.get(key)
        if members is not None and verdict.time_s - members[-1].time_s <= gap_s:
            members.append(verdict)
            continue
        if members is not None:
            done.append(members)
        open_cases[key] = [verdict]
    done.extend(open_cases.values())
    cases = [
        Case(
            at_s=min(v.at_s for v in members), case_id=f"case-{members[0].sector}-{members[0].firing_party}-{members[0].event_id}",
            firing_party=members[0].firing_party, target_party=members[0].target_party, sector=members[0].sector,
            time_s=members[0].time_s, violation_ids=tuple(v.event_id for v in members),
        )
        for members in done
    ]
    cases.sort(key=lambda c: (c.time_s, c.case_id))
    return cases
