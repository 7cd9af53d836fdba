"""The engine on the worked case: stages 1 -> 2 -> 3 -> closed, acknowledgements, restarts, replay."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from truceline.model.cases import (
    Acknowledgement,
    AnalystAction,
    ClockTick,
    DueAction,
    Notification,
    Output,
    StageChange,
    Violation,
    canonical_json,
    output_from_record,
    to_record,
)
from truceline.protocol.agreement import load_agreement, load_document
from truceline.protocol.engine import Engine, EngineError, run
from truceline.protocol.scenario import VIOLATION_T0_S as T0, violation_case
from truceline.protocol.store import DurableEngine
from truceline.store import connect

H = 3600.0
AGREEMENT = load_agreement("ukraine-2026")


def verdict(event_id: str, hour: float, known_h: float | None = None, *, status: str = "verified", sector: str = "donetsk", firing: str = "RU", target: str = "UA", confidence: float = 0.97) -> Violation:
    return Violation(
        at_s=T0 + (hour if known_h is None else known_h) * H, event_id=event_id, firing_party=firing, target_party=target,
        sector=sector, time_s=T0 + hour * H, confidence=confidence, status=status,  # type: ignore[arg-type]
        rule="impact-across-line", evidence_ids=(f"e-{event_id}",),
    )


def stages(outputs: list[Output]) -> list[tuple[str, int, float, bool]]:
    return [(o.change, o.stage, (o.at_s - T0) / H, o.late) for o in outputs if isinstance(o, StageChange)]


def test_the_violation_case_climbs_the_ladder_and_closes() -> None:
    outputs = run(AGREEMENT, violation_case())
    assert stages(outputs) == [
        ("opened", 0, 0.5, False),
        ("stage", 1, 0.5, False),
        ("stage", 2, 24.0, False),
        ("stage", 3, 72.0, False),
        ("closed", 3, 118.0, False),  # last verified violation at 70 h + 48 quiet hours
    ]
    notes = [o for o in outputs if isinstance(o, Notification)]
    by_id = {n.notification_id: n for n in notes}
    assert len(by_id) == len(notes), "one notification per idempotency key"
    stage_notes = [n for n in notes if n.category == "stage"]
    assert [n.stage for n in stage_notes] == [1, 2, 3]
    # Routing: the case began in donetsk (FR lead) and spread to zaporizhzhia (FR lead).
    assert {"monitoring-cell", "un-secretariat", "fr-hub", "fr-liaison"} <= set(stage_notes[0].recipients)
    assert "us-liaison" in stage_notes[2].recipients and "us-liaison" not in stage_notes[0].recipients
    assert stage_notes[2].sectors == ("donetsk", "zaporizhzhia")
    assert dict(zip(stage_notes[0].recipients, stage_notes[0].routing))["fr-liaison"] in ("named by the obligation", "lead nation FR of sector donetsk")
    # The UK warning was acknowledged at 20 h: its 1 h reminder and overdue alert never come;
    # the unacknowledged stage-1 actions get both.
    ids = set(by_id)
    prefix = "ukraine-2026/case-ev-1/s1/"
    assert prefix + "warning/reminder-6h" in ids and prefix + "warning/reminder-1h" not in ids
    assert prefix + "warning/overdue" not in ids
    assert {prefix + "defend/overdue", prefix + "report/overdue", prefix + "defend/reminder-1h"} <= ids
    overdue = by_id[prefix + "defend/overdue"]
    assert overdue.at_s == T0 + 24 * H and "Act to stop the violation" in overdue.subject
    acked = [o for o in outputs if isinstance(o, DueAction) and o.status == "acknowledged"]
    assert [(a.action_id, a.by) for a in acked] == [("case-ev-1/s1/warning", "UK liaison")]
    closed = by_id["ukraine-2026/case-ev-1/closed"]
    assert "no verified violation for 48 h since ev-4" in closed.body


def test_every_output_round_trips_through_canonical_json() -> None:
    for output in run(AGREEMENT, violation_case()):
        record = to_record(output)
        assert output_from_record(record) == output
        assert canonical_json(output_from_record(record)) == canonical_json(output)


def test_stage_three_waits_for_72_hours_even_if_fighting_is_heavy() -> None:
    facts = [verdict(f"v{h}", h) for h in range(0, 80, 2)]
    outputs = run(AGREEMENT, facts)
    reached = {s[1]: s[2] for s in stages(outputs) if s[0] == "stage"}
    assert reached[2] == 24.0 and reached[3] == 72.0


def test_quiet_after_stage_one_closes_without_escalation() -> None:
    outputs = run(AGREEMENT, [verdict("a", 0), ClockTick(at_s=T0 + 100 * H)])
    assert [s[:2] for s in stages(outputs)] == [("opened", 0), ("stage", 1), ("closed", 1)]
    closed = [o for o in outputs if isinstance(o, StageChange) and o.change == "closed"][0]
    assert closed.due_s == T0 + 48 * H and closed.late  # fired at 100 h: the engine saw no time pass in between


def test_unverified_and_low_confidence_verdicts_do_not_open_cases() -> None:
    outputs = run(AGREEMENT, [verdict("a", 0, status="automatic"), verdict("b", 1, confidence=0.5), ClockTick(at_s=T0 + 5 * H)])
    assert outputs == []


def test_analyst_verification_opens_and_dispute_removes_from_count() -> None:
    engine = Engine(AGREEMENT)
    assert engine.handle(verdict("a", 0, status="automatic")) == []
    opened = engine.handle(AnalystAction(at_s=T0 + H, by="analyst-1", action="verify", event_id="a"))
    assert stages(opened)[0][:2] == ("opened", 0)
    engine.handle(verdict("b", 10, 10.5))
    engine.handle(AnalystAction(at_s=T0 + 11 * H, by="analyst-1", action="dismiss", event_id="b"))
    later = engine.handle(ClockTick(at_s=T0 + 30 * H))
    assert all(s[1] != 2 for s in stages(later)), "a dismissed verdict is no longer fighting that continues"


def test_analyst_close() -> None:
    engine = Engine(AGREEMENT)
    engine.handle(verdict("a", 0))
    out = engine.handle(AnalystAction(at_s=T0 + 2 * H, by="duty analyst", action="close", case_id="case-a", note="duplicate"))
    assert stages(out) == [("closed", 1, 2.0, False)]
    assert "closed by analyst duty analyst: duplicate" in out[0].reason  # type: ignore[union-attr]
    assert engine.handle(ClockTick(at_s=T0 + 30 * H)) == [], "no reminder or alert for a closed case"


def test_a_new_violation_after_closure_opens_a_new_case() -> None:
    outputs = run(AGREEMENT, [verdict("a", 0), verdict("b", 60)])
    opened = [o.case_id for o in outputs if isinstance(o, StageChange) and o.change == "opened"]
    assert opened == ["case-a", "case-b"]


def test_each_direction_has_its_own_case() -> None:
    outputs = run(AGREEMENT, [verdict("a", 0), verdict("b", 1, firing="UA", target="RU")])
    assert [o.case_id for o in outputs if isinstance(o, StageChange) and o.change == "opened"] == ["case-a", "case-b"]


@pytest.mark.parametrize(
    "fact,message",
    [
        (Acknowledgement(at_s=T0 + H, case_id="case-zzz", by="x"), "no case 'case-zzz'"),
        (Acknowledgement(at_s=T0 + H, case_id="case-a", by="x", action_id="case-a/s9/x"), "has no action"),
        (AnalystAction(at_s=T0 + H, by="x", action="verify", event_id="nope"), "no verdict for event 'nope'"),
        (ClockTick(at_s=T0 - H), "older than the engine clock"),
    ],
)
def test_bad_facts_are_refused_with_a_reason(fact: object, message: str) -> None:
    engine = Engine(AGREEMENT)
    engine.handle(verdict("a", 0))
    with pytest.raises(EngineError, match=message):
        engine.handle(fact)  # type: ignore[arg-type]


def test_records_validate_their_fields() -> None:
    with pytest.raises(ValueError, match="cannot precede"):
        dataclasses.replace(verdict("a", 5), at_s=T0)
    with pytest.raises(ValueError, match="confidence"):
        verdict("a", 0, confidence=1.5)
    with pytest.raises(ValueError, match="status"):
        verdict("a", 0, status="sure")


# ----------------------------------------------------------------------------- durability


def durable(path: Path, **kwargs: object) -> DurableEngine:
    return DurableEngine(connect(path), document=load_document("ukraine-2026")[1], **kwargs)  # type: ignore[arg-type]


def test_restart_in_the_middle_of_a_case_fires_missed_deadlines_late(tmp_path: Path) -> None:
    db = tmp_path / "engine.sqlite"
    first = durable(db)
    first.handle(verdict("a", 0))
    first.handle(verdict("b", 10))
    first.handle(ClockTick(at_s=T0 + 12 * H))
    first.connection.close()  # the engine goes down at 12 h ...

    second = DurableEngine(connect(db))  # ... and comes back at 30 h
    assert second.engine.cases["case-a"].stage == 1
    out = second.handle(ClockTick(at_s=T0 + 30 * H))
    fired = {(type(o).__name__, getattr(o, "change_id", "") or getattr(o, "notification_id", "") or getattr(o, "action_id", "")): o for o in out}
    stage2 = fired[("StageChange", "case-a/stage-2")]
    assert isinstance(stage2, StageChange) and stage2.late and stage2.due_s == T0 + 24 * H and stage2.at_s == T0 + 30 * H
    late_notes = [o for o in out if isinstance(o, Notification)]
    assert late_notes and all(n.late for n in late_notes if n.due_s < T0 + 30 * H - 300)
    assert any(n.notification_id.endswith("s1/defend/overdue") for n in late_notes)
    assert all("LATE:" in n.body for n in late_notes if n.late)
    # Nothing fired twice across the restart.
    everything = second.outputs()
    ids = [o.notification_id for o in everything if isinstance(o, Notification)]
    assert len(ids) == len(set(ids))


def test_restart_mid_stream_gives_byte_identical_outputs(tmp_path: Path) -> None:
    facts = violation_case()
    straight = b"".join(canonical_json(o) + b"\n" for o in run(AGREEMENT, facts))
    for cut in (1, 7, len(facts) // 2, len(facts) - 3):
        db = tmp_path / f"cut{cut}.sqlite"
        engine = durable(db)
        produced: list[Output] = []
        for fact in facts[:cut]:
            produced.extend(engine.handle(fact))
        engine.connection.close()
        engine = DurableEngine(connect(db))
        for fact in facts[cut:]:
            produced.extend(engine.handle(fact))
        assert b"".join(canonical_json(o) + b"\n" for o in produced) == straight
        stored = b"".join(canonical_json(o) + b"\n" for o in engine.outputs())
        assert stored == straight


def test_the_event_table_is_append_only(tmp_path: Path) -> None:
    engine = durable(tmp_path / "e.sqlite")
    engine.handle(verdict("a", 0))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        engine.connection.execute("UPDATE protocol_events SET body = '{}'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        engine.connection.execute("DELETE FROM protocol_events")


def test_a_failing_sink_writes_nothing_and_loses_no_state(tmp_path: Path) -> None:
    calls: list[int] = []

    def flaky(connection: sqlite3.Connection, outputs: object) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk full")

    engine = durable(tmp_path / "e.sqlite", sinks=[flaky])
    with pytest.raises(RuntimeError):
        engine.handle(verdict("a", 0))
    assert engine.fact_count() == 0 and engine.engine.cases == {}
    out = engine.handle(verdict("a", 0))  # retried: same outputs, once
    assert stages(out)[:2] == [("opened", 0, 0.0, False), ("stage", 1, 0.0, False)]


def test_on_commit_sees_every_output_after_commit(tmp_path: Path) -> None:
    seen: list[Output] = []
    engine = durable(tmp_path / "e.sqlite", on_commit=[lambda fact, outputs: seen.extend(outputs)])
    for fact in violation_case()[:20]:
        engine.handle(fact)
    assert seen == engine.outputs()


def test_a_database_keeps_its_agreement(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite"
    durable(db).connection.close()
    with pytest.raises(EngineError, match="cannot switch"):
        DurableEngine(connect(db), document=load_document("nato-article-5")[1])
    with pytest.raises(EngineError, match="holds no protocol engine"):
        DurableEngine(connect(tmp_path / "empty.sqlite"))


def test_connect_reads_back_wal_and_full(tmp_path: Path) -> None:
    engine = durable(tmp_path / "e.sqlite")
    assert engine.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert engine.connection.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_a_verdict_verified_after_its_case_closed_opens_a_new_case() -> None:
    # Found by the stateful test: e2 joined case-e1 unverified, the case closed at 48 h,
    # then e2 was verified at the same instant. It is new fighting, not a lost verdict.
    engine = Engine(AGREEMENT)
    engine.handle(verdict("e1", 0))
    engine.handle(verdict("e2", 48, status="automatic"))
    assert engine.cases["case-e1"].closed_s == T0 + 48 * H
    out = engine.handle(verdict("e2", 48))
    assert [s[:2] for s in stages(out)] == [("opened", 0), ("stage", 1)]
    assert out[0].case_id == "case-e2"  # type: ignore[union-attr]


def test_a_batch_commits_all_or_nothing(tmp_path: Path) -> None:
    engine = durable(tmp_path / "e.sqlite")
    facts = violation_case()
    with pytest.raises(EngineError, match="older than"):
        engine.handle_batch(facts[:10] + [ClockTick(at_s=T0 - H)])
    assert engine.fact_count() == 0 and engine.engine.clock_s is None
    results = engine.handle_batch(facts)
    assert [o for r in results for o in r] == run(AGREEMENT, facts) == engine.outputs()


def test_the_engine_refuses_a_database_without_wal_and_full(tmp_path: Path) -> None:
    plain = sqlite3.connect(tmp_path / "plain.sqlite", isolation_level=None)
    with pytest.raises(EngineError, match="journal_mode=WAL and synchronous=FULL"):
        DurableEngine(plain, document=load_document("ukraine-2026")[1])


def test_a_case_record_opens_the_case_and_claims_its_verdicts() -> None:
    from truceline.model.cases import Case

    engine = Engine(AGREEMENT)
    assert engine.handle(verdict("x1", 0, 0.2, status="automatic")) == []
    out = engine.handle(Case(at_s=T0 + H, case_id="C-17", firing_party="RU", target_party="UA", sector="luhansk", time_s=T0, violation_ids=("x1", "x2")))
    assert stages(out)[:2] == [("opened", 0, 1.0, False), ("stage", 1, 1.0, False)]
    assert [m.violation.event_id for m in engine.cases["C-17"].members] == ["x1"]
    engine.handle(verdict("x2", 2))
    assert [m.violation.event_id for m in engine.cases["C-17"].members] == ["x1", "x2"]
    assert engine.handle(Case(at_s=T0 + 3 * H, case_id="C-18", firing_party="RU", target_party="UA", sector="luhansk", time_s=T0 + 3 * H)) == []
    assert "C-18" not in engine.cases, "one open case per pair of parties"
