"""`truceline verdict load|list|show|verify|dispute|dismiss|export` over a SQLite store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from attribute_world import T0, events_table, make_areas, salvo

from truceline.attribute.attribution import attribute_events
from truceline.attribute.rules import decide_verdicts, verdict_record
from truceline.cli import main
from truceline.model.agreement import Terms, ViolationRule
from truceline.protocol.facts import read_facts

TERMS = Terms(confidence_threshold=0.9, counting_statuses=("verified",),
              violation_rules=(ViolationRule(id="launch-in-party-area", kind="launch_in_area", description=""),))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        main(list(argv))
        code = 0
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture()
def verdicts_file(tmp_path: Path) -> Path:
    areas = make_areas()
    verdicts = decide_verdicts(attribute_events(events_table(salvo(3)), areas), areas, TERMS, sector_of=lambda lat, lon: "donetsk")
    path = tmp_path / "verdicts.jsonl"
    path.write_text("".join(json.dumps(verdict_record(v)) + "\n" for v in verdicts), encoding="utf-8")
    return path


def test_load_list_verify_show_export(capsys: pytest.CaptureFixture[str], tmp_path: Path, verdicts_file: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    code, out, _ = run(capsys, "verdict", "load", str(verdicts_file), "--db", db)
    assert code == 0 and "3 verdicts read, 3 new or changed" in out
    code, out, _ = run(capsys, "verdict", "load", str(verdicts_file), "--db", db)
    assert "0 new or changed" in out  # loading again adds nothing
    code, out, _ = run(capsys, "verdict", "list", "--db", db)
    assert [line.split()[1] for line in out.splitlines()] == ["L1", "L2", "L3"]
    assert all(" automatic " in line and "UA->RU" in line for line in out.splitlines())
    at = "2026-06-01T10:00:00Z"
    code, out, _ = run(capsys, "verdict", "verify", "L1", "--by", "Analyst A", "--note", "picks checked", "--at", at, "--db", db)
    assert code == 0 and "L1: verified by Analyst A" in out
    code, out, _ = run(capsys, "verdict", "dispute", "L2", "--by", "Analyst B", "--at", at, "--db", db)
    code, out, _ = run(capsys, "verdict", "dismiss", "L2", "--by", "Analyst C", "--note", "thunder", "--at", at, "--db", db)
    code, out, _ = run(capsys, "verdict", "list", "--status", "verified", "--db", db)
    assert [line.split()[1] for line in out.splitlines()] == ["L1"]
    code, out, _ = run(capsys, "verdict", "show", "L2", "--db", db)
    assert "verdict L2: dismissed" in out and "dispute by Analyst B -> disputed" in out and "dismiss by Analyst C -> dismissed: thunder" in out
    assert "rule launch-in-party-area" in out and "event:L2" in out
    facts_path = tmp_path / "facts.jsonl"
    code, _, err = run(capsys, "verdict", "export", "--out", str(facts_path), "--db", db)
    assert code == 0 and "facts written" in err
    facts = read_facts(facts_path)
    statuses = [(type(f).__name__, getattr(f, "event_id", getattr(f, "case_id", "")), getattr(f, "status", "")) for f in facts]
    assert ("Violation", "L1", "verified") in statuses and ("Violation", "L2", "dismissed") in statuses
    assert ("Case", "case-donetsk-UA-L1", "") in statuses  # a verified member above the threshold opens its case


def test_refused_decisions_store_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, verdicts_file: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    run(capsys, "verdict", "load", str(verdicts_file), "--db", db)
    run(capsys, "verdict", "verify", "L1", "--by", "A", "--at", str(T0 + 3600), "--db", db)
    code, _, err = run(capsys, "verdict", "verify", "L1", "--by", "A", "--at", str(T0 + 3700), "--db", db)
    assert code == 2 and "already verified" in err
    code, _, err = run(capsys, "verdict", "verify", "nope", "--by", "A", "--db", db)
    assert code == 2 and "no verdict for event 'nope'" in err
    code, _, err = run(capsys, "verdict", "dispute", "L1", "--by", "  ", "--db", db)
    assert code == 2 and "must not be empty" in err
    code, _, err = run(capsys, "verdict", "dispute", "L1", "--by", "A", "--at", str(T0 - 10), "--db", db)
    assert code == 2 and "before the fire" in err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM attribute_decisions").fetchone()[0] == 1


def test_bad_verdicts_file_stores_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, verdicts_file: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    lines = verdicts_file.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[2])
    broken["confidence"] = 1.5
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines[:2] + [json.dumps(broken)]) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "verdict", "load", str(bad), "--db", db)
    assert code == 2 and "bad.jsonl:3" in err and "confidence" in err
    missing = tmp_path / "missing.jsonl"
    missing.write_text(lines[0] + "\n{\"event_id\": \"X\"}\n", encoding="utf-8")
    code, _, err = run(capsys, "verdict", "load", str(missing), "--db", db)
    assert code == 2 and "missing.jsonl:2" in err and "missing" in err
    code, out, _ = run(capsys, "verdict", "list", "--db", db)
    assert out == ""


def test_history_is_append_only(capsys: pytest.CaptureFixture[str], tmp_path: Path, verdicts_file: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    run(capsys, "verdict", "load", str(verdicts_file), "--db", db)
    run(capsys, "verdict", "verify", "L1", "--by", "A", "--at", str(T0 + 3600), "--db", db)
    with sqlite3.connect(db) as connection:
        for sql in ("UPDATE attribute_decisions SET status = 'dismissed'", "DELETE FROM attribute_verdicts"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                connection.execute(sql)


def test_database_from_the_environment(capsys: pytest.CaptureFixture[str], tmp_path: Path, verdicts_file: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUCELINE_DB", str(tmp_path / "env.sqlite"))
    code, _, _ = run(capsys, "verdict", "load", str(verdicts_file))
    assert code == 0 and (tmp_path / "env.sqlite").exists()


def test_associate_attribute_needs_areas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "associate", "--stations", "s.csv", "--picks", "p.csv", "--out", str(tmp_path), "--attribute")
    assert code == 2 and "--attribute needs --areas" in err


def test_attribution_step_writes_nothing_on_a_bad_reports_file(tmp_path: Path) -> None:
    import pyarrow as pa

    from truceline.attribute.commands import write_attribution
    from truceline.model.errors import InputError

    reports = tmp_path / "reports.jsonl"
    reports.write_text('{"report_id": "a", "source": "patrol", "kind": "explosion_impact"}\n{"report_id": "b", "source": "patrol", "kind": "explosion", "count": -2}\n', encoding="utf-8")
    out = tmp_path / "out"
    empty = pa.table({"pick_id": pa.array([], type=pa.string()), "event_id": pa.array([], type=pa.string())})
    with pytest.raises(InputError, match=r"reports.jsonl:2: count"):
        write_attribution(events_table(salvo(1)), empty, make_areas(), reports, "ukraine-2026", out, "csv")
    assert not out.exists() or not any(out.iterdir())
    reports.write_text(reports.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    table, summary = write_attribution(events_table(salvo(1)), empty, make_areas(), reports, "ukraine-2026", out, "csv")
    assert sorted(p.name for p in out.iterdir()) == ["cases.jsonl", "facts.jsonl", "reports_unplaced.jsonl", "verdicts.jsonl"]
    assert "1 reports: 0 matched" in summary and table.column("kind").to_pylist()[:2] == ["launch", "impact"]
    assert len(read_facts(out / "facts.jsonl")) == 1


def test_attribution_step_uses_source_levels_when_given_picks(tmp_path: Path) -> None:
    import json

    from test_acoustics import make_picks, make_stations, mortar_missions

    from truceline.attribute.commands import write_attribution

    rows, levels = mortar_missions(8)
    stations = make_stations()
    picks, assignments = make_picks(rows, levels, stations)
    table, _ = write_attribution(events_table(rows), assignments, make_areas(), None, "ukraine-2026", tmp_path, "csv",
                                 picks=picks, stations=stations)
    assert table.column("pair_event_id").to_pylist()[:2] == ["I0", "L0"]
    reasons = [json.loads(line)["reason"] for line in (tmp_path / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reasons and all("dB at 1 km" in r for r in reasons)
