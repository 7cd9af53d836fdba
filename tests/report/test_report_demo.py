"""`truceline demo` end to end on a short quiet scenario: outputs exist and agree with each other.

The demo runs once, in one test (so that pytest-xdist does not run it on each worker); each
check is a function of its own so that a failure names what disagreed."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

import pytest

from truceline.cli import main
from truceline.ledger import parse_vkey, verify_bundle


def _run(args: list[str]) -> None:
    """Run the CLI; main() returns on success and exits non-zero on failure."""
    try:
        main(args)
    except SystemExit as stop:
        assert stop.code in (0, None), f"truceline {' '.join(args)} exited {stop.code}"


def test_demo_end_to_end(tmp_path: Path) -> None:
    demo_dir = tmp_path / "out"
    _run(["demo", "--out", str(demo_dir), "--preset", "quiet", "--hours", "2", "--seed", "1"])
    check_outputs_exist_and_counts_agree(demo_dir)
    check_fusion_streamed_events_as_their_picks_came(demo_dir)
    check_bundle_verifies_with_the_logs_key(demo_dir)
    check_notifications_reached_the_loopback_receiver_signed(demo_dir)
    check_report_command_rebuilds_the_same_exports(demo_dir, tmp_path / "again")


def check_fusion_streamed_events_as_their_picks_came(demo_dir: Path) -> None:
    """Events were emitted while the feed ran, each within the streaming bound after its last pick."""
    counts = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))["counts"]
    assert counts["late_picks"] == 0
    bound = 60.0 + 40.0 + 38.0 / 0.30 + 5.0 + 1.0  # chunk + look-ahead + reach at the slowest celerity + margin + heartbeat
    assert 0 <= counts["latency_p50_s"] <= counts["latency_p99_s"] <= bound


def _ledger_violations(db: Path, start_s: float, end_s: float) -> set[str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT entry FROM ledger_entries WHERE type = 'violation'").fetchall()
    ids = set()
    for (entry,) in rows:
        payload = json.loads(entry)["payload"]
        if start_s <= payload["time_s"] < end_s:
            ids.add(payload["event_id"])
    return ids


def check_outputs_exist_and_counts_agree(demo_dir: Path) -> None:
    for name in ("report.html", "report.pdf", "events.geojson", "violations.csv", "events.parquet", "bundle/checkpoint", "keys/log.vkey"):
        assert (demo_dir / name).is_file(), name
    html = (demo_dir / "report.html").read_text(encoding="utf-8")
    in_report = int(re.search(r"Annex: every violation of the period \((\d+)\)", html).group(1))  # type: ignore[union-attr]
    with open(demo_dir / "violations.csv", newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    features = json.loads((demo_dir / "events.geojson").read_text(encoding="utf-8"))["features"]
    in_geojson = sum(f["properties"]["feature_type"] == "violation" for f in features)
    day = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))["report_day"]
    from datetime import date

    from truceline.report.data import day_window

    window = day_window(date.fromisoformat(day))
    in_ledger = _ledger_violations(demo_dir / "truceline.sqlite", window.start_s, window.end_s)
    bundled = {json.loads(p.read_bytes())["payload"]["event_id"] for p in (demo_dir / "bundle" / "entries").glob("*.json")}
    assert in_report > 0
    assert in_report == len(rows) == in_geojson == len(in_ledger) == len(bundled)
    assert {r["truceline_event_id"] for r in rows} == in_ledger == bundled


def check_bundle_verifies_with_the_logs_key(demo_dir: Path) -> None:
    key = parse_vkey((demo_dir / "keys" / "log.vkey").read_text(encoding="utf-8"))
    report = verify_bundle(demo_dir / "bundle", key)
    assert report.ok, report.message
    checkpoint = (demo_dir / "bundle" / "checkpoint").read_text(encoding="utf-8")
    assert checkpoint in (demo_dir / "report.html").read_text(encoding="utf-8")  # the report names the checkpoint it was built from


def check_notifications_reached_the_loopback_receiver_signed(demo_dir: Path) -> None:
    received = [json.loads(line) for line in (demo_dir / "webhooks.jsonl").read_text(encoding="utf-8").splitlines()]
    counts = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))["counts"]
    assert received and len(received) == counts["webhooks_sent"]
    assert all(r["signature_ok"] for r in received)
    assert any(r["type"] == "truceline.stage" for r in received)


def check_report_command_rebuilds_the_same_exports(demo_dir: Path, tmp_path: Path) -> None:
    day = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))["report_day"]
    _run(["report", "--run", str(demo_dir / "run"), "--db", str(demo_dir / "truceline.sqlite"), "--day", day,
          "--out", str(tmp_path), "--no-pdf"])
    assert (tmp_path / "violations.csv").read_bytes() == (demo_dir / "violations.csv").read_bytes()
    assert (tmp_path / "events.geojson").read_bytes() == (demo_dir / "events.geojson").read_bytes()
    assert "truceline verify BUNDLE" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_demo_refuses_a_folder_it_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["demo", "--out", str(tmp_path), "--preset", "quiet", "--hours", "1"])
    assert stop.value.code == 2
    assert "holds no earlier demo" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_report_needs_a_period(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", "--run", str(tmp_path)])
    assert stop.value.code == 2
