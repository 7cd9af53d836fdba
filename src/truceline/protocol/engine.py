"""The escalation engine: folds timestamped facts into cases and emits what they cause.

:class:`Engine` is in-memory and deterministic: ``handle(fact)`` returns the outputs the fact
caused (state changes, due actions, notifications), in a fixed order, using no clock but the
facts' own ``at_s``. Before a fact is applied, every decision that fell due strictly before it
fires; after it is applied, every decision due at or before it fires. A decision fired more
than ``late_after_s`` after it fell due is marked ``late`` (a deadline that passed while the
engine was down fires at once, on the first input after the restart, marked late).

Persistence, restart and the transactional outbox are in :mod:`truceline.protocol.store`;
the decisions themselves are pure functions in :mod:`truceline.protocol.decide`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from truceline.model.agreement import Agreement, Obligation
from truceline.model.cases import (
    Acknowledgement,
    AnalystAction,
    Case,
    ClockTick,
    DueAction,
    Fact,
    Notification,
    Output,
    StageChange,
    Violation,
)
from truceline.model.errors import TrucelineError
from truceline.protocol.decide import (
    HOUR_S,
    ActionState,
    CaseState,
    Decision,
    Member,
    counts,
    format_hours,
    format_time,
    next_decision,
    route,
)

DEFAULT_LATE_AFTER_S = 300.0


class EngineError(TrucelineError):
    """A fact the engine cannot apply (out of time order, unknown case or event)."""


class Engine:
    """Cases of one agreement, advanced by facts. Not thread-safe; one writer."""

    def __init__(self, agreement: Agreement, *, late_after_s: float = DEFAULT_LATE_AFTER_S) -> None:
        self.agreement = agreement
        self.late_after_s = late_after_s
        self.clock_s: float | None = None
        self.cases: dict[str, CaseState] = {}
        self._open_by_pair: dict[tuple[str, str], str] = {}
        self._case_of_event: dict[str, str] = {}
        self._pending: dict[str, Violation] = {}  # verdicts not (yet) counting and in no case
        self._claimed: dict[str, str] = {}  # event id -> case id announced by a Case fact
        self._next: dict[str, Decision | None] = {}

    # ------------------------------------------------------------------ public

    def handle(self, fact: Fact) -> list[Output]:
        """Apply one fact; return the outputs it caused, in order."""
        now = fact.at_s
        if self.clock_s is not None and now < self.clock_s:
            raise EngineError(
                f"fact at {format_time(now)} is older than the engine clock {format_time(self.clock_s)}; "
                "facts must arrive in time order"
            )
        outputs: list[Output] = []
        self._advance(now, inclusive=False, outputs=outputs)
        self._validate(fact)
        self.clock_s = now
        self._apply(fact, outputs)
        self._advance(now, inclusive=True, outputs=outputs)
        return outputs

    def next_due_s(self) -> float | None:
        """When the earliest pending decision falls due (``None``: nothing pending) — when to tick next."""
        return min((d.due_s for d in self._next.values() if d is not None), default=None)

    def open_cases(self) -> list[CaseState]:
        return [self.cases[c] for c in sorted(self._open_by_pair.values())]

    # ------------------------------------------------------------------ time

    def _advance(self, now: float, *, inclusive: bool, outputs: list[Output]) -> None:
        while True:
            due = [d for d in self._next.values() if d is not None and (d.due_s <= now if inclusive else d.due_s < now)]
            if not due:
                return
            self._fire(min(due, key=Decision.order), now, outputs)

    def _set(self, case: CaseState) -> None:
        self.cases[case.case_id] = case
        self._next[case.case_id] = next_decision(case, self.agreement)
        if case.closed_s is not None:
            self._next.pop(case.case_id, None)

    def _late(self, now: float, due_s: float) -> bool:
        return now - due_s > self.late_after_s

    def _fire(self, decision: Decision, now: float, outputs: list[Output]) -> None:
        case = self.cases[decision.case_id]
        late = self._late(now, decision.due_s)
        if decision.kind == "stage":
            self._reach_stage(case, decision, now, late, outputs)
        elif decision.kind == "close":
            self._close(case, decision.due_s, decision.reason, decision.evidence_ids, now, late, outputs)
        else:
            self._alert(case, decision, now, late, outputs)

    # ------------------------------------------------------------------ transitions

    def _reach_stage(self, case: CaseState, decision: Decision, now: float, late: bool, outputs: list[Output]) -> None:
        stage = self.agreement.ladder[decision.stage - 1]
        created: list[tuple[Obligation, ActionState]] = []
        for obligation in stage.obligations:
            if obligation.deadline_h is None:
                continue  # strength "none": named in the message, never due
            base_s = case.opened_s if obligation.deadline_from == "opening" else decision.rule_s
            created.append(
                (
                    obligation,
                    ActionState(
                        action_id=f"{case.case_id}/s{stage.stage}/{obligation.id}",
                        stage=stage.stage,
                        obligation_id=obligation.id,
                        created_s=decision.due_s,
                        due_by_s=base_s + obligation.deadline_h * HOUR_S,
                    ),
                )
            )
        case = dataclasses.replace(
            case, reached=case.reached + ((stage.stage, decision.rule_s),), actions=case.actions + tuple(a for _, a in created)
        )
        self._set(case)
        outputs.append(
            StageChange(
                change_id=decision.key,
                agreement=self.agreement.id,
                case_id=case.case_id,
                change="stage",
                stage=stage.stage,
                name=stage.name,
                at_s=now,
                due_s=decision.due_s,
                late=late,
                reason=decision.reason,
                evidence_ids=decision.evidence_ids,
            )
        )
        lines = [f"{case.case_id}: {case.firing_party} fire into {case.target_party} — stage {stage.stage}: {stage.name}.", decision.reason]
        if stage.clause:
            lines.append(f"Clause: {stage.clause}")
        for obligation, action in created:
            frm = "opening" if obligation.deadline_from == "opening" else "stage"
            since_s = case.opened_s if frm == "opening" else decision.rule_s
            reason = f"obligation {obligation.id} of stage {stage.stage}, due {format_hours(action.due_by_s - since_s)} after the {frm}"
            outputs.append(self._due_action(case, action, "due", now, reason))
        extra: list[str] = []
        for obligation in stage.obligations:
            if obligation.deadline_h is None:
                lines.append(f"- {obligation.actor}: {obligation.action} [{obligation.strength}: no obligation]")
            else:
                action_id = f"{case.case_id}/s{stage.stage}/{obligation.id}"
                due_by_s = next(a.due_by_s for o, a in created if o.id == obligation.id)
                lines.append(f"- {obligation.actor} must {obligation.action[0].lower()}{obligation.action[1:]} by {format_time(due_by_s)} [{obligation.strength}] (action {action_id})")
            extra.extend(obligation.recipients)
        outputs.append(self._notification(case, "stage", decision.key, stage.stage, "", now, decision.due_s, late, f"[{self.agreement.id}] {case.case_id} stage {stage.stage}: {stage.name}", lines, extra))

    def _close(self, case: CaseState, due_s: float, reason: str, evidence: tuple[str, ...], now: float, late: bool, outputs: list[Output]) -> None:
        case = dataclasses.replace(case, closed_s=due_s)
        self._set(case)
        self._open_by_pair.pop((case.firing_party, case.target_party), None)
        key = f"{case.case_id}/closed"
        outputs.append(
            StageChange(
                change_id=key,
                agreement=self.agreement.id,
                case_id=case.case_id,
                change="closed",
                stage=case.stage,
                name="closed",
                at_s=now,
                due_s=due_s,
                late=late,
                reason=reason,
                evidence_ids=evidence,
            )
        )
        lines = [f"{case.case_id}: {case.firing_party} fire into {case.target_party} — case closed at stage {case.stage}.", reason]
        outputs.append(self._notification(case, "closed", key, case.stage, "", now, due_s, late, f"[{self.agreement.id}] {case.case_id} closed", lines, []))

    def _alert(self, case: CaseState, decision: Decision, now: float, late: bool, outputs: list[Output]) -> None:
        self._set(dataclasses.replace(case, sent=case.sent | {decision.key}))
        action = next(a for a in case.actions if a.action_id == decision.action_id)
        obligation = next(o for o in self.agreement.ladder[action.stage - 1].obligations if o.id == action.obligation_id)
        if decision.kind == "overdue":
            outputs.append(self._due_action(case, action, "overdue", now, decision.reason))
        subject = f"[{self.agreement.id}] {case.case_id} {decision.kind}: {obligation.actor} — {obligation.action}"
        lines = [
            f"{case.case_id}: {obligation.actor} must {obligation.action[0].lower()}{obligation.action[1:]} by {format_time(action.due_by_s)} [{obligation.strength}].",
            decision.reason,
            f"Acknowledge with: truceline ack {case.case_id} --action {action.action_id} --by NAME",
        ]
        outputs.append(self._notification(case, decision.kind, decision.key, action.stage, action.action_id, now, decision.due_s, late, subject, lines, list(obligation.recipients)))

    def _due_action(self, case: CaseState, action: ActionState, status: str, now: float, reason: str, by: str = "", note: str = "") -> DueAction:
        obligation = next(o for o in self.agreement.ladder[action.stage - 1].obligations if o.id == action.obligation_id)
        return DueAction(
            action_id=action.action_id,
            case_id=case.case_id,
            stage=action.stage,
            actor=obligation.actor,
            action=obligation.action,
            strength=obligation.strength,
            due_by_s=action.due_by_s,
            status=status,  # type: ignore[arg-type]
            at_s=now,
            reason=reason,
            by=by,
            note=note,
        )

    def _notification(self, case: CaseState, kind: str, key: str, stage: int, action_id: str, now: float, due_s: float, late: bool, subject: str, lines: list[str], extra: list[str]) -> Notification:
        recipients, routing = route(self.agreement, case.sectors, extra)
        if late:
            lines = lines + [f"LATE: fell due at {format_time(due_s)}, sent at {format_time(now)}."]
        return Notification(
            notification_id=f"{self.agreement.id}/{key}",
            agreement=self.agreement.id,
            case_id=case.case_id,
            category=kind,  # type: ignore[arg-type]
            stage=stage,
            action_id=action_id,
            at_s=now,
            due_s=due_s,
            late=late,
            subject=subject,
            body="\n".join(lines),
            sectors=case.sectors,
            recipients=recipients,
            routing=routing,
        )

    # ------------------------------------------------------------------ facts

    def _validate(self, fact: Fact) -> None:
        if isinstance(fact, Acknowledgement):
            case = self.cases.get(fact.case_id)
            if case is None:
                raise EngineError(f"ack: no case {fact.case_id!r} (cases: {', '.join(sorted(self.cases)) or 'none'})")
            if fact.action_id is not None and fact.action_id not in {a.action_id for a in case.actions}:
                known = ", ".join(a.action_id for a in case.actions) or "none yet"
                raise EngineError(f"ack: case {fact.case_id} has no action {fact.action_id!r} (actions: {known})")
        elif isinstance(fact, AnalystAction):
            if fact.action == "close":
                if fact.case_id not in self.cases:
                    raise EngineError(f"analyst close: no case {fact.case_id!r}")
            elif fact.event_id not in self._case_of_event and fact.event_id not in self._pending:
                raise EngineError(f"analyst {fact.action}: no verdict for event {fact.event_id!r}")

    def _apply(self, fact: Fact, outputs: list[Output]) -> None:
        now = fact.at_s
        if isinstance(fact, Violation):
            self._verdict(fact, now, outputs)
        elif isinstance(fact, Case):
            self._case_fact(fact, now, outputs)
        elif isinstance(fact, Acknowledgement):
            self._acknowledge(fact, outputs)
        elif isinstance(fact, AnalystAction):
            self._analyst(fact, now, outputs)
        elif isinstance(fact, ClockTick):
            pass

    def _verdict(self, verdict: Violation, now: float, outputs: list[Output]) -> None:
        case_id = self._case_of_event.get(verdict.event_id)
        if case_id is not None and self.cases[case_id].closed_s is not None and counts(verdict, self.agreement):
            member = next(m for m in self.cases[case_id].members if m.violation.event_id == verdict.event_id)
            if member.known_s is None:
                # It did not count when its case closed; now it does: new fighting, handled as a new verdict.
                del self._case_of_event[verdict.event_id]
                case_id = None
        if case_id is not None:
            case = self.cases[case_id]
            members = []
            for member in case.members:
                if member.violation.event_id == verdict.event_id:
                    known = member.known_s if member.known_s is not None else now
                    member = Member(violation=verdict, known_s=known if counts(verdict, self.agreement) else None)
                members.append(member)
            if case.closed_s is None:
                self._set(case.with_members(tuple(members)))
            else:
                self.cases[case_id] = case.with_members(tuple(members))
            return
        claimed = self._claimed.get(verdict.event_id)
        pair = (verdict.firing_party, verdict.target_party)
        target = claimed if claimed is not None and self.cases[claimed].closed_s is None else self._open_by_pair.get(pair)
        if not counts(verdict, self.agreement) and target is None:
            self._pending[verdict.event_id] = verdict
            return
        self._pending.pop(verdict.event_id, None)
        if target is None:
            target = self._open(f"case-{verdict.event_id}", verdict.firing_party, verdict.target_party, verdict.sector, verdict.time_s, now, f"opened by verified violation {verdict.event_id} ({verdict.rule}, confidence {verdict.confidence:g})", (verdict.event_id,), outputs)
        self._join(target, verdict, now)

    def _join(self, case_id: str, verdict: Violation, now: float) -> None:
        case = self.cases[case_id]
        member = Member(violation=verdict, known_s=now if counts(verdict, self.agreement) else None)
        sectors = case.sectors if verdict.sector in case.sectors else case.sectors + (verdict.sector,)
        self._case_of_event[verdict.event_id] = case_id
        last = case.last_counting
        if member.known_s is not None and (last is None or (verdict.time_s, verdict.event_id) > last):
            last = (verdict.time_s, verdict.event_id)
        self._set(dataclasses.replace(case, members=case.members + (member,), sectors=sectors, last_counting=last))

    def _open(self, case_id: str, firing: str, target: str, sector: str, time_s: float, now: float, reason: str, evidence: tuple[str, ...], outputs: list[Output]) -> str:
        case = CaseState(case_id=case_id, firing_party=firing, target_party=target, opened_s=time_s, known_s=now, sectors=(sector,))
        self._open_by_pair[(firing, target)] = case_id
        self._set(case)
        outputs.append(
            StageChange(
                change_id=f"{case_id}/opened",
                agreement=self.agreement.id,
                case_id=case_id,
                change="opened",
                stage=0,
                name="opened",
                at_s=now,
                due_s=now,
                late=False,
                reason=reason,
                evidence_ids=evidence,
            )
        )
        return case_id

    def _case_fact(self, fact: Case, now: float, outputs: list[Output]) -> None:
        if fact.case_id in self.cases or (fact.firing_party, fact.target_party) in self._open_by_pair:
            return  # already open (by id or for this pair of parties): the verdicts join that case
        self._open(fact.case_id, fact.firing_party, fact.target_party, fact.sector, fact.time_s, now, f"opened by case record {fact.case_id} ({len(fact.violation_ids)} violation(s) listed)", fact.violation_ids, outputs)
        for event_id in fact.violation_ids:
            self._claimed[event_id] = fact.case_id
            if event_id in self._pending:
                self._join(fact.case_id, self._pending.pop(event_id), now)

    def _acknowledge(self, ack: Acknowledgement, outputs: list[Output]) -> None:
        case = self.cases[ack.case_id]
        actions = []
        for action in case.actions:
            if action.acknowledged_s is None and (ack.action_id is None or ack.action_id == action.action_id):
                action = dataclasses.replace(action, acknowledged_by=ack.by, acknowledged_s=ack.at_s)
                outputs.append(self._due_action(case, action, "acknowledged", ack.at_s, f"acknowledged by {ack.by}", ack.by, ack.note))
            actions.append(action)
        case = dataclasses.replace(case, actions=tuple(actions))
        if case.closed_s is None:
            self._set(case)
        else:
            self.cases[case.case_id] = case

    def _analyst(self, action: AnalystAction, now: float, outputs: list[Output]) -> None:
        if action.action == "close":
            assert action.case_id is not None
            case = self.cases[action.case_id]
            if case.closed_s is None:
                note = f": {action.note}" if action.note else ""
                self._close(case, now, f"closed by analyst {action.by}{note}", (), now, False, outputs)
            return
        assert action.event_id is not None
        status = {"verify": "verified", "dispute": "disputed", "dismiss": "dismissed"}[action.action]
        current = self._pending.get(action.event_id)
        if current is None:
            case = self.cases[self._case_of_event[action.event_id]]
            current = next(m.violation for m in case.members if m.violation.event_id == action.event_id)
        updated = dataclasses.replace(current, status=status, at_s=now)  # type: ignore[arg-type]
        self._verdict(updated, now, outputs)


def run(agreement: Agreement, facts: Iterable[Fact], *, late_after_s: float = DEFAULT_LATE_AFTER_S) -> list[Output]:
    """All outputs of a fresh engine fed ``facts`` in order."""
    engine = Engine(agreement, late_after_s=late_after_s)
    outputs: list[Output] = []
    for fact in facts:
        outputs.extend(engine.handle(fact))
    return outputs
