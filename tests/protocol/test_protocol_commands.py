"""The CLI: validate, explain, replay (byte-identical), run/tick/ack/status on a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from click.testing import CliRunner

from truceline.cli import cli
from truceline.protocol.scenario import VIOLATION_T0_S as T0

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "truceline" / "protocol" / "examples" / "violation.jsonl"
H = 3600.0


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_example_file_is_the_generated_case() -> None:
    from truceline.protocol.facts import iter_lines
    from truceline.protocol.scenario import violation_case

    assert EXAMPLE.read_text(encoding="utf-8") == "".join(line + "\n" for line in iter_lines(violation_case()))


def test_replay_is_byte_identical_across_runs(tmp_path: Path) -> None:
    code, first, _ = invoke("protocol", "replay", str(EXAMPLE))
    assert code == 0
    _, second, _ = invoke("protocol", "replay", str(EXAMPLE))
    assert first == second and first.count("\n") > 20
    code, _, err = invoke("protocol", "replay", str(EXAMPLE), "--out", str(tmp_path / "out.jsonl"))
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == first
    records = [json.loads(line) for line in first.splitlines()]
    changes = [(r["change"], r["stage"]) for r in records if r["kind"] == "stage_change"]
    assert changes == [("opened", 0), ("stage", 1), ("stage", 2), ("stage", 3), ("closed", 3)]


def test_replay_in_a_fresh_process_gives_the_same_bytes() -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"), PYTHONHASHSEED="123")
    out = subprocess.run([sys.executable, "-m", "truceline", "protocol", "replay", str(EXAMPLE)], capture_output=True, env=env, check=True).stdout
    _, here, _ = invoke("protocol", "replay", str(EXAMPLE))
    assert out.decode() == here


def test_run_with_a_restart_matches_replay(tmp_path: Path) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "a.jsonl").write_text("".join(lines[:40]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("".join(lines[40:]), encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    _, part_a, _ = invoke("protocol", "run", str(tmp_path / "a.jsonl"), "--db", db)
    _, part_b, _ = invoke("protocol", "run", str(tmp_path / "b.jsonl"), "--db", db)
    _, replayed, _ = invoke("protocol", "replay", str(EXAMPLE))
    assert part_a + part_b == replayed


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"kind": "tick"}', "input.jsonl:2: at: missing"),
        ('{"kind": "tock", "at": 5}', "input.jsonl:2: kind: expected one of"),
        ('{"kind": "tick", "at": "yesterday"}', "input.jsonl:2: at: 'yesterday' is neither seconds nor an ISO 8601 time"),
        ('{"kind": "tick", "at": 1}', "input.jsonl:2: at: 1 is earlier than the previous line's 10"),
        ('{"kind": "ack", "at": 11, "by": "x"}', "input.jsonl:2: case_id: missing"),
        ('{"kind": "tick", "at": 11, "colour": "red"}', "input.jsonl:2: colour: unknown field for kind tick"),
        ('{"kind": "violation", "at": 11, "event_id": "e", "firing_party": "RU", "target_party": "UA", "sector": "s", "confidence": 2, "status": "verified", "rule": "r"}', "input.jsonl:2: confidence must lie in [0, 1]"),
        ("{not json", "input.jsonl:2: not valid JSON"),
    ],
)
def test_replay_input_errors_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "input.jsonl"
    path.write_text('{"kind": "tick", "at": 10}\n' + line + "\n", encoding="utf-8")
    from truceline.model.errors import InputError
    from truceline.protocol.facts import read_facts

    with pytest.raises(InputError) as caught:
        read_facts(path)
    assert str(caught.value).replace(str(tmp_path) + os.sep, "").startswith(message)


def test_validate_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: t\nparties: []\n", encoding="utf-8")
    code, out, _ = invoke("protocol", "validate", str(EXAMPLE.parent.parent / "agreements" / "ukraine-2026.yaml"))
    assert code == 0 and "ok (ukraine-2026" in out
    result = subprocess.run(
        [sys.executable, "-m", "truceline", "protocol", "validate", str(bad)],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src")),
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{bad}:1:1: (top level): missing required field 'closing'"
    assert f"{bad}:3:10: parties: needs at least 2 item(s)" in result.stderr


def test_explain_prints_the_ladder() -> None:
    code, out, _ = invoke("protocol", "explain", "ukraine-2026", "--event", "RU fires into UA", "--at", "2026-03-01T06:00:00Z", "--sector", "donetsk")
    assert code == 0
    assert "Stage 1 — Diplomatic warning: at once (2026-03-01T06:00:00Z)" in out
    assert "[political] Ukraine (defending party): Act to stop the violation — by 2026-03-02T06:00:00Z (opening + 24 h)" in out
    assert "Stage 3 — Coordinated Western response: earliest 2026-03-04T06:00:00Z (opening + 72 h)" in out
    assert "fr-liaison (lead nation FR of sector donetsk)" in out or "fr-liaison (named by the obligation)" in out
    assert "Closing: The case closes after 48 h without a verified violation." in out


def test_explain_non_member_and_no_obligation() -> None:
    _, out, _ = invoke("protocol", "explain", "nato-article-5", "--event", "RU attacks UA")
    assert "No obligation: UA is not a party" in out
    _, out, _ = invoke("protocol", "explain", "nato-article-5", "--event", "RU attacks PL")
    assert out.count("[binding  ]") == 3
    _, out, _ = invoke("protocol", "explain", "budapest-1994", "--event", "RU fires into UA")
    assert "[none     ] Any signatory: Defend Ukraine" in out and "no obligation, no deadline" in out


def test_explain_bad_event() -> None:
    from truceline.model.errors import TrucelineError

    with pytest.raises(TrucelineError, match="expected 'FIRING fires into TARGET'"):
        invoke("protocol", "explain", "ukraine-2026", "--event", "something happened")


def test_tick_ack_status_on_a_database(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    facts = tmp_path / "f.jsonl"
    facts.write_text(json.dumps({"kind": "violation", "at": T0, "event_id": "e1", "firing_party": "RU", "target_party": "UA", "sector": "kherson", "confidence": 0.95, "status": "verified", "rule": "impact-across-line"}) + "\n", encoding="utf-8")
    invoke("protocol", "run", str(facts), "--db", db)
    code, out, err = invoke("ack", "case-e1", "--by", "FR liaison", "--at", str(T0 + H), "--action", "case-e1/s1/warning", "--db", db)
    assert code == 0 and '"status":"acknowledged"' in out
    code, out, err = invoke("ack", "case-e1", "--by", "FR liaison", "--at", str(T0 + H), "--action", "case-e1/s1/warning", "--db", db)
    assert "nothing left to acknowledge" in err
    _, out, _ = invoke("protocol", "tick", "--at", str(T0 + 30 * H), "--db", db)
    notes = [json.loads(line) for line in out.splitlines() if '"notification"' in line]
    assert {n["notification_id"].split("/", 2)[2] for n in notes if n["category"] == "overdue"} == {"s1/defend/overdue", "s1/report/overdue"}
    assert all(n["late"] for n in notes)
    _, status, _ = invoke("protocol", "status", "--db", db)
    assert "case-e1: RU->UA stage 1 open; sectors kherson" in status
    assert "case-e1/s1/warning due 2026-03-02T06:00:00Z: acknowledged by FR liaison" in status
    _, outbox, _ = invoke("protocol", "outbox", "--db", db, "--status", "unrouted")
    assert "ukraine-2026/case-e1/stage-1/uk-liaison/none" in outbox  # kherson is UK-led


def test_help_documents_every_subcommand() -> None:
    _, out, _ = invoke("protocol", "--help")
    for name in ("validate", "explain", "replay", "run", "tick", "status", "outbox", "deliver", "list"):
        assert name in out
    _, out, _ = invoke("ack", "--help")
    assert "--by" in out and "--action" in out


def test_deliver_command_sends_signed_webhooks(tmp_path: Path, httpserver: HTTPServer) -> None:
    from truceline.notify.channels import secret_bytes, verify

    httpserver.expect_request("/uk", method="POST").respond_with_data("", status=204)
    channels = tmp_path / "channels.yaml"
    channels.write_text(f"recipients:\n  uk-liaison:\n    - webhook: {httpserver.url_for('/uk')}\n      secret_env: UK_SECRET\n", encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    facts = tmp_path / "f.jsonl"
    facts.write_text(json.dumps({"kind": "violation", "at": T0, "event_id": "k1", "firing_party": "RU", "target_party": "UA", "sector": "kharkiv", "confidence": 0.95, "status": "verified", "rule": "impact-across-line"}) + "\n", encoding="utf-8")
    env = {"UK_SECRET": "whsec_c2VjcmV0LWtleQ=="}
    invoke("protocol", "run", str(facts), "--db", db, "--channels", str(channels), env=env)
    code, out, _ = invoke("protocol", "deliver", "--db", db, "--channels", str(channels), "--at", str(T0 + 5), env=env)
    assert code == 0 and out.startswith("sent  #1 ukraine-2026/case-k1/stage-1/uk-liaison/webhook: HTTP 204")
    [(request, _)] = httpserver.log
    headers = {k.lower(): v for k, v in request.headers.items()}
    assert headers["webhook-id"] == "ukraine-2026/case-k1/stage-1/uk-liaison/webhook"
    assert headers["webhook-timestamp"] == str(int(T0 + 5))
    assert verify(secret_bytes(env["UK_SECRET"]), headers, request.get_data())
    _, listing, _ = invoke("protocol", "outbox", "--db", db, "--status", "sent")
    assert listing.startswith("sent     1x ukraine-2026/case-k1/stage-1/uk-liaison/webhook")
