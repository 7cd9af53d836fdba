"""Hypothesis stateful test of the engine's invariants over random interleavings of verdicts,
upgrades, acknowledgements, clock ticks, deliveries (some failing) and restarts."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from truceline.model.cases import Acknowledgement, ClockTick, Notification, Output, StageChange, Violation
from truceline.notify.channels import DeliveryError, Directory, Endpoint
from truceline.notify.outbox import Delivery, Outbox, RetryPolicy
from truceline.protocol.agreement import load_document
from truceline.protocol.store import DurableEngine
from truceline.store import connect

H = 3600.0
T0 = 1_000_000_000.0
DOCUMENT = load_document("ukraine-2026")[1]
RECIPIENTS = [r["id"] for r in DOCUMENT["recipients"]]
SECTORS = [s["id"] for s in DOCUMENT["sectors"]]
DIRECTORY = Directory(
    recipients={rid: (Endpoint(channel="webhook", address=f"http://127.0.0.1:9/{rid}", secret=b"k"),) for rid in RECIPIENTS},
    retry=RetryPolicy(max_attempts=3, base_delay_s=60.0, max_delay_s=600.0, jitter=0.5),
)


class FlakyOutbox(Outbox):
    """Sends nowhere: records each successful send; fails when the machine says so."""

    def __init__(self, *args: object, machine: "EngineMachine") -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.machine = machine

    def send_one(self, delivery: Delivery, notification: Notification, now_s: float) -> str:
        self.machine.attempts += 1
        if self.machine.fail_mask >> (self.machine.attempts % 8) & 1:
            raise DeliveryError("HTTP 503")
        self.machine.sent.append(delivery.delivery_id)
        return "HTTP 204"


class EngineMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        # tmpfs when there is one: fsync is free there, and this test is about logic, not disks.
        self.folder = Path(tempfile.mkdtemp(prefix="truceline-stateful-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
        self.db = self.folder / "engine.sqlite"
        self.now = T0
        self.outputs: list[Output] = []
        self.sent: list[str] = []
        self.attempts = 0
        self.fail_mask = 0
        self.pending: list[Violation] = []
        self.n = 0
        self._open()

    def _open(self) -> None:
        connection = connect(self.db)
        self.outbox = FlakyOutbox(connection, DIRECTORY, machine=self)
        self.engine = DurableEngine(connection, document=DOCUMENT, sinks=[self.outbox.enqueue])

    def teardown(self) -> None:
        self.engine.connection.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _handle(self, fact: object) -> None:
        self.outputs.extend(self.engine.handle(fact))  # type: ignore[arg-type]

    # ------------------------------------------------------------------ rules

    @rule(
        pair=st.sampled_from([("RU", "UA"), ("UA", "RU")]),
        sector=st.sampled_from(SECTORS),
        advance_h=st.floats(0, 14),
        age_h=st.floats(0, 6),
        status=st.sampled_from(["verified", "verified", "automatic", "disputed"]),
        confidence=st.sampled_from([0.5, 0.89, 0.9, 0.99]),
    )
    def violation(self, pair: tuple[str, str], sector: str, advance_h: float, age_h: float, status: str, confidence: float) -> None:
        self.now += advance_h * H
        self.n += 1
        verdict = Violation(
            at_s=self.now, event_id=f"e{self.n}", firing_party=pair[0], target_party=pair[1], sector=sector,
            time_s=max(T0, self.now - age_h * H), confidence=confidence, status=status,  # type: ignore[arg-type]
            rule="impact-across-line",
        )
        self._handle(verdict)
        if status == "automatic":
            self.pending.append(verdict)

    @rule(pair=st.sampled_from([("RU", "UA"), ("UA", "RU")]), hours=st.integers(6, 96), every_h=st.sampled_from([5.0, 11.0, 23.0]))
    def sustained_fighting(self, pair: tuple[str, str], hours: int, every_h: float) -> None:
        """Verified fire every few hours for days: the path to stages 2 and 3."""
        for _ in range(int(hours // every_h)):
            self.now += every_h * H
            self.n += 1
            self._handle(
                Violation(
                    at_s=self.now, event_id=f"e{self.n}", firing_party=pair[0], target_party=pair[1], sector=SECTORS[self.n % len(SECTORS)],
                    time_s=self.now - 600.0, confidence=0.97, status="verified", rule="impact-across-line",
                )
            )

    @precondition(lambda self: bool(self.pending))
    @rule(advance_h=st.floats(0, 5), data=st.data())
    def upgrade(self, advance_h: float, data: st.DataObject) -> None:
        self.now += advance_h * H
        verdict = self.pending.pop(data.draw(st.integers(0, len(self.pending) - 1)))
        self._handle(Violation(**{**{f: getattr(verdict, f) for f in verdict.__slots__}, "at_s": self.now, "status": "verified", "confidence": 0.95}))  # type: ignore[arg-type]

    @rule(advance_h=st.one_of(st.floats(0, 6), st.floats(0, 60)))
    def tick(self, advance_h: float) -> None:
        self.now += advance_h * H
        self._handle(ClockTick(at_s=self.now))

    @precondition(lambda self: any(a.acknowledged_s is None for c in self.engine.engine.cases.values() for a in c.actions))
    @rule(advance_h=st.floats(0, 10), data=st.data(), whole_case=st.booleans())
    def acknowledge(self, advance_h: float, data: st.DataObject, whole_case: bool) -> None:
        self.now += advance_h * H
        open_actions = sorted((c.case_id, a.action_id) for c in self.engine.engine.cases.values() for a in c.actions if a.acknowledged_s is None)
        case_id, action_id = data.draw(st.sampled_from(open_actions))
        self._handle(Acknowledgement(at_s=self.now, case_id=case_id, by="liaison", action_id=None if whole_case else action_id))

    @rule(advance_min=st.floats(0, 60), fail_mask=st.integers(0, 255))
    def deliver(self, advance_min: float, fail_mask: int) -> None:
        self.fail_mask = fail_mask
        self.outbox.dispatch(self.now + advance_min * 60.0, seed=7)

    @rule()
    def restart(self) -> None:
        before = dict(self.engine.engine.cases)
        clock = self.engine.engine.clock_s
        self.engine.connection.close()
        self._open()
        assert self.engine.engine.cases == before, "the rebuilt state equals the state before the restart"
        assert self.engine.engine.clock_s == clock

    # ------------------------------------------------------------------ invariants

    @invariant()
    def stages_follow_their_rules(self) -> None:
        cases = self.engine.engine.cases
        last_stage: dict[str, int] = {}
        for output in self.outputs:
            if not isinstance(output, StageChange):
                continue
            case = cases[output.case_id]
            assert output.at_s >= output.due_s, "nothing fires before it is due"
            if output.change == "opened":
                assert output.case_id not in last_stage
                last_stage[output.case_id] = 0
            elif output.change == "stage":
                assert last_stage[output.case_id] == output.stage - 1, "stages are reached in order"
                last_stage[output.case_id] = output.stage
                if output.stage == 2:
                    assert output.due_s >= case.opened_s + 24 * H
                if output.stage == 3:
                    assert output.due_s >= case.opened_s + 72 * H and output.at_s >= case.opened_s + 72 * H
                if output.stage > 1:
                    members = {m.violation.event_id: m for m in case.members}
                    assert output.evidence_ids, "an escalation names the violations that caused it"
                    for event_id in output.evidence_ids:
                        member = members[event_id]
                        assert member.known_s is not None and member.known_s <= output.at_s
                        assert case.opened_s < member.violation.time_s <= output.due_s
            else:
                assert output.change == "closed" and output.case_id in last_stage
                last_stage[output.case_id] = -1
                assert output.due_s >= case.opened_s + 48 * H
                for member in case.members:
                    if member.known_s is not None and member.known_s <= output.at_s:
                        assert not (output.due_s - 48 * H < member.violation.time_s <= output.due_s), "closes only after its quiet period"

    @invariant()
    def no_notification_lost_or_doubled(self) -> None:
        ids = [o.notification_id for o in self.outputs if isinstance(o, Notification)]
        assert len(ids) == len(set(ids))
        stored = [row[0] for row in self.engine.connection.execute("SELECT notification_id FROM notify_outbox ORDER BY rowid")]
        assert stored == ids
        assert len(self.sent) == len(set(self.sent)), "no delivery (webhook-id) succeeded twice"
        sent_rows = {d.delivery_id for d in self.outbox.deliveries("sent")}
        assert sent_rows == set(self.sent)
        for delivery in self.outbox.deliveries("dead"):
            assert delivery.attempts == DIRECTORY.retry.max_attempts


TestEngineMachine = EngineMachine.TestCase
TestEngineMachine.settings = settings(max_examples=25, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
