"""The people of the demo, as a deterministic script: analysts on shift and liaison officers.

A real deployment gets these decisions from people (``truceline ack``, analyst verdicts). The
demo needs some so that the ladder moves and deadlines are met or missed; they follow fixed
rules, stated in :data:`DESCRIPTION` and printed in the report's sources:

- the analyst on shift verifies a verdict 30 minutes after its last update when its confidence
  reaches the agreement's threshold;
- liaison officers acknowledge the stage-1 warning after 2 h and the monitoring cell's report
  after 1 h, the coalition's stage-2 intervention after 20 h and the stage-3 response only
  after 30 h (late); the defending party's stage-1 action is never acknowledged (missed).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from truceline.model.agreement import Agreement
from truceline.model.cases import Acknowledgement, AnalystAction, DueAction, Fact, Output, Violation

HOUR_S = 3600.0
ANALYST = "analyst on shift (demo script)"
VERIFY_AFTER_S = 1800.0
ACK_POLICY: dict[str, tuple[float, str]] = {  # obligation id -> (delay after it is due to start, who)
    "report": (1.0 * HOUR_S, "monitoring cell (demo script)"),
    "warning": (2.0 * HOUR_S, "UK liaison officer (demo script)"),
    "intervene": (20.0 * HOUR_S, "coalition secretariat (demo script)"),
    "respond": (30.0 * HOUR_S, "US liaison officer (demo script)"),
}
DESCRIPTION = (
    "an analyst verifies each verdict whose confidence reaches the agreement's threshold 30 min after its last update; "
    "liaison officers acknowledge the stage-1 report after 1 h and warning after 2 h, the stage-2 intervention after 20 h "
    "and the stage-3 response after 30 h; the defending party's stage-1 action is never acknowledged"
)
_ORDER = {Violation: 0, AnalystAction: 1, Acknowledgement: 2}


def analyst_decisions(records: Sequence[Violation], agreement: Agreement) -> tuple[list[AnalystAction], list[Violation]]:
    """The analyst's verifications of ``records`` (all versions of all verdicts), and the verified
    records they make (the verdict as the engine then holds it)."""
    latest: dict[str, Violation] = {}
    for record in sorted(records, key=lambda v: (v.at_s, v.event_id)):
        latest[record.event_id] = record
    actions, verified = [], []
    threshold = agreement.terms.confidence_threshold
    for event_id in sorted(latest):
        record = latest[event_id]
        if record.confidence < threshold or record.status not in ("automatic", "corroborated"):
            continue
        at_s = record.at_s + VERIFY_AFTER_S
        actions.append(AnalystAction(at_s=at_s, by=ANALYST, action="verify", event_id=event_id,
                                     note=f"confidence {record.confidence:.4f} >= threshold {threshold:g}"))
        verified.append(Violation(at_s=at_s, event_id=event_id, firing_party=record.firing_party, target_party=record.target_party,
                                  sector=record.sector, time_s=record.time_s, confidence=record.confidence, status="verified",
                                  rule=record.rule, evidence_ids=record.evidence_ids))
    return actions, verified


def liaison_responses(outputs: Iterable[Output]) -> list[Acknowledgement]:
    """Acknowledgements the liaison officers will send for the actions that just fell due."""
    acks = []
    for output in outputs:
        if not isinstance(output, DueAction) or output.status != "due":
            continue
        obligation = output.action_id.rsplit("/", 1)[-1]
        policy = ACK_POLICY.get(obligation)
        if policy is None:
            continue
        delay_s, who = policy
        acks.append(Acknowledgement(at_s=output.at_s + delay_s, case_id=output.case_id, by=who, action_id=output.action_id,
                                    note="scripted acknowledgement of the demo"))
    return acks


@dataclass(slots=True)
class Script:
    """Facts waiting to happen, in time order (verdicts before analysts before acknowledgements)."""

    agreement: Agreement
    events: pa.Table
    _heap: list[tuple[float, int, int, Fact]] = field(default_factory=list)
    _count: int = 0

    def add(self, fact: Fact) -> None:
        heapq.heappush(self._heap, (fact.at_s, _ORDER.get(type(fact), 3), self._count, fact))
        self._count += 1

    def add_all(self, facts: Iterable[Fact]) -> None:
        for fact in facts:
            self.add(fact)

    def pop(self) -> Fact | None:
        return heapq.heappop(self._heap)[3] if self._heap else None

    def __len__(self) -> int:
        return len(self._heap)
