"""The decisions of the ladder, as pure functions of a case's state.

Like Alertmanager's ``needsUpdate(...) -> reason``, every function here takes the case (and the
agreement) and returns what is due, when, and why — nothing reads a clock, nothing is written.
The engine (:mod:`truceline.protocol.engine`) folds facts into :class:`CaseState` records and
fires the earliest :class:`Decision` whose time has come.

Times: ``time_s`` of a violation is when the fire happened; ``known_s`` when the engine learned
that it counts (verified, confident enough). A rule is satisfied at its *rule time* (72 h after
the opening violation, say) but cannot be acted on before its evidence is known, so a decision
is due at ``max(rule time, evidence known)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
import dataclasses
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal

from truceline.model.agreement import Agreement, Stage
from truceline.model.cases import Violation

HOUR_S = 3600.0
DecisionKind = Literal["stage", "close", "reminder", "overdue"]
# Order among decisions due at the same instant: a stage before the closure it would prevent.
KIND_ORDER: dict[str, int] = {"stage": 0, "overdue": 1, "reminder": 2, "close": 3}


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """A violation in a case, with when it became known to count (``None``: it does not count)."""

    violation: Violation
    known_s: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionState:
    action_id: str
    stage: int
    obligation_id: str
    created_s: float
    due_by_s: float
    acknowledged_by: str = ""
    acknowledged_s: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseState:
    case_id: str
    firing_party: str
    target_party: str
    opened_s: float
    known_s: float  # when the engine learned of the case (its opening fact's at_s)
    sectors: tuple[str, ...]
    members: tuple[Member, ...] = ()
    reached: tuple[tuple[int, float], ...] = ()  # (stage, rule time), in order
    closed_s: float | None = None
    actions: tuple[ActionState, ...] = ()
    sent: frozenset[str] = frozenset()  # keys of reminders and overdue alerts already fired
    last_counting: tuple[float, str] | None = None  # (time_s, event_id) of the latest counting member

    def with_members(self, members: tuple[Member, ...]) -> "CaseState":
        """A copy with ``members`` replaced, and its latest counting member recomputed."""
        return dataclasses.replace(self, members=members, last_counting=latest_counting(members))

    @property
    def stage(self) -> int:
        return self.reached[-1][0] if self.reached else 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    kind: DecisionKind
    case_id: str
    due_s: float
    rule_s: float
    reason: str
    key: str
    stage: int = 0
    action_id: str = ""
    evidence_ids: tuple[str, ...] = ()

    def order(self) -> tuple[float, str, int, str]:
        return (self.due_s, self.case_id, KIND_ORDER[self.kind], self.key)


def format_time(time_s: float) -> str:
    """Unix times as ISO 8601 UTC; small values (seconds from a scenario's start) as they are."""
    if time_s >= 1e8:
        return datetime.fromtimestamp(time_s, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"t={time_s:g}s"


def format_hours(seconds: float) -> str:
    return f"{seconds / HOUR_S:g} h"


def counts(violation: Violation, agreement: Agreement) -> bool:
    """Whether a verdict counts for the ladder: a counting status and enough confidence."""
    terms = agreement.terms
    return violation.status in terms.counting_statuses and violation.confidence >= terms.confidence_threshold


def latest_counting(members: Iterable[Member]) -> tuple[float, str] | None:
    return max(((m.violation.time_s, m.violation.event_id) for m in members if m.known_s is not None), default=None)


def counting_members(case: CaseState) -> list[Member]:
    return sorted((m for m in case.members if m.known_s is not None), key=lambda m: (m.violation.time_s, m.violation.event_id))


def _earliest_group(members: Sequence[Member], count: int, window_s: float | None, lower_s: float) -> tuple[float, list[Member]] | None:
    """Earliest time T >= lower_s at which ``count`` members lie in (T - window, T]."""
    best: tuple[float, list[Member]] | None = None
    for last in range(count - 1, len(members)):
        group = list(members[last - count + 1 : last + 1])
        first_s, last_s = group[0].violation.time_s, group[-1].violation.time_s
        when = max(last_s, lower_s)
        if window_s is not None and when >= first_s + window_s:
            continue
        if best is None or when < best[0]:
            best = (when, group)
    return best


def stage_decision(case: CaseState, stage: Stage) -> Decision | None:
    """When the case reaches ``stage`` (the next one), or ``None`` if its trigger is not yet met."""
    previous_s = case.reached[-1][1] if case.reached else case.opened_s
    lower_s = max(case.opened_s + stage.trigger.not_before_h * HOUR_S, previous_s)
    parts = []
    if stage.trigger.not_before_h:
        parts.append(f"not before opening + {stage.trigger.not_before_h:g} h ({format_time(case.opened_s + stage.trigger.not_before_h * HOUR_S)})")
    evidence: list[Member] = []
    rule_s = lower_s
    condition = stage.trigger.violations
    if condition is not None:
        after = [m for m in counting_members(case) if m.violation.time_s > previous_s]
        window_s = condition.window_h * HOUR_S if condition.window_h is not None else None
        found = _earliest_group(after, condition.count, window_s, lower_s)
        if found is None:
            return None
        rule_s, evidence = found
        since = f"after stage {stage.stage - 1}" if stage.stage > 1 else "after opening"
        window = f" within {condition.window_h:g} h" if condition.window_h is not None else ""
        listed = ", ".join(f"{m.violation.event_id} at {format_time(m.violation.time_s)}" for m in evidence)
        parts.append(f"{len(evidence)} verified violation(s) {since}{window}: {listed}")
    elif stage.stage == 1:
        parts.append("the case opened")
    known_s = max((m.known_s for m in evidence if m.known_s is not None), default=case.known_s)
    due_s = max(rule_s, known_s, case.known_s)
    label = stage.trigger.description or f"stage {stage.stage} trigger"
    return Decision(
        kind="stage",
        case_id=case.case_id,
        due_s=due_s,
        rule_s=rule_s,
        stage=stage.stage,
        key=f"{case.case_id}/stage-{stage.stage}",
        reason=f"stage {stage.stage} ({stage.name}): {label} — " + "; ".join(parts),
        evidence_ids=tuple(m.violation.event_id for m in evidence),
    )


def closing_decision(case: CaseState, agreement: Agreement) -> Decision:
    """The case closes once no counting violation has happened for the quiet period."""
    last = case.last_counting
    last_s = last[0] if last else case.opened_s
    last_id = last[1] if last else "the opening"
    due_s = last_s + agreement.closing.quiet_h * HOUR_S
    return Decision(
        kind="close",
        case_id=case.case_id,
        due_s=due_s,
        rule_s=due_s,
        key=f"{case.case_id}/closed",
        reason=f"closed: no verified violation for {agreement.closing.quiet_h:g} h since {last_id} at {format_time(last_s)}",
        evidence_ids=(last[1],) if last else (),
    )


def action_decisions(case: CaseState, agreement: Agreement) -> Iterable[Decision]:
    """Reminders before each open action's deadline, and an alert when it passes unacknowledged."""
    for action in case.actions:
        if action.acknowledged_s is not None:
            continue
        for before_h in agreement.reminders_before_h:
            remind_s = action.due_by_s - before_h * HOUR_S
            key = f"{action.action_id}/reminder-{before_h:g}h"
            if remind_s < action.created_s or key in case.sent:
                continue
            yield Decision(
                kind="reminder",
                case_id=case.case_id,
                due_s=remind_s,
                rule_s=remind_s,
                stage=action.stage,
                action_id=action.action_id,
                key=key,
                reason=f"reminder: {action.action_id} is due in {before_h:g} h ({format_time(action.due_by_s)}) and not acknowledged",
            )
        key = f"{action.action_id}/overdue"
        if key not in case.sent:
            yield Decision(
                kind="overdue",
                case_id=case.case_id,
                due_s=action.due_by_s,
                rule_s=action.due_by_s,
                stage=action.stage,
                action_id=action.action_id,
                key=key,
                reason=f"overdue: {action.action_id} was due at {format_time(action.due_by_s)} and has not been acknowledged",
            )


def next_decision(case: CaseState, agreement: Agreement) -> Decision | None:
    """The earliest pending decision of an open case (``None`` for a closed one)."""
    if case.closed_s is not None:
        return None
    candidates: list[Decision] = [closing_decision(case, agreement)]
    if case.stage < len(agreement.ladder):
        staged = stage_decision(case, agreement.ladder[case.stage])
        if staged is not None:
            candidates.append(staged)
    candidates.extend(action_decisions(case, agreement))
    return min(candidates, key=Decision.order)


def route(agreement: Agreement, sectors: Sequence[str], extra: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Recipients of a notification and, aligned, the reason each was chosen.

    Standing recipients always; for each sector of the case its own recipients and every
    recipient of its lead nation; plus the recipients the obligation names.
    """
    chosen: dict[str, str] = {}
    for rid in agreement.standing_recipients:
        chosen.setdefault(rid, "standing recipient")
    for sector_id in sectors:
        sector = agreement.sector(sector_id)
        if sector is None:
            continue
        for rid in sector.recipients:
            chosen.setdefault(rid, f"sector {sector.id}")
        for recipient in agreement.recipients:
            if recipient.nation and recipient.nation == sector.lead:
                chosen.setdefault(recipient.id, f"lead nation {sector.lead} of sector {sector.id}")
    for rid in extra:
        chosen.setdefault(rid, "named by the obligation")
    ordered = sorted(chosen)
    return tuple(ordered), tuple(chosen[r] for r in ordered)
