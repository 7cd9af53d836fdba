"""End to end through the `truceline` command: init, append, checkpoint, prove, export, verify, audit,
and a tampered bundle that verify rejects naming the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from truceline.cli import main
from truceline.ledger import leaf_hash, parse_tlog_proof, parse_vkey, verify_bundle, verify_inclusion
from truceline.ledger.note import open_checkpoint


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> tuple[int, str, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as stop:
            code = int(stop.code or 0)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def log(tmp_path: Path, run):  # type: ignore[no-untyped-def]
    db, keys = str(tmp_path / "t.sqlite"), str(tmp_path / "keys")
    store = ["--db", db, "--key-dir", keys]
    assert run("ledger", "init", "--origin", "example.org/truceline", *store)[0] == 0
    lines = [{"type": "event" if i % 3 else "verdict", "time": 1000.0 + i, "payload": {"n": i}} for i in range(10)]
    (tmp_path / "facts.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    code, out, _ = run("ledger", "append", str(tmp_path / "facts.jsonl"), *store)
    assert code == 0 and "log size 10" in out
    return store


def test_round_trip_and_tampered_bundle(tmp_path: Path, run, log) -> None:  # type: ignore[no-untyped-def]
    keys = tmp_path / "keys"
    assert (keys / "log.key").stat().st_mode & 0o777 == 0o600
    code, first, _ = run("ledger", "checkpoint", *log)
    assert code == 0 and first.startswith("example.org/truceline\n10\n")
    (tmp_path / "c10").write_text(first)
    code, out, _ = run("ledger", "append", str(tmp_path / "facts.jsonl"), *log)
    bundle = tmp_path / "bundle"
    code, out, err = run("ledger", "export", "--out", str(bundle), "--entries", "2,12-14", "--previous", str(tmp_path / "c10"), *log)
    assert code == 0, err
    assert sorted(p.name for p in (bundle / "entries").iterdir()) == ["12.json", "13.json", "14.json", "2.json"]
    assert (bundle / "previous" / "consistency").read_text().endswith("\n")
    key = str(keys / "log.vkey")
    code, out, _ = run("verify", str(bundle), "--key", key, "--previous", str(tmp_path / "c10"))
    assert code == 0 and out.startswith("OK: ") and "4 entries" in out and "size 10" in out

    # the exported files are standard: check one with the primitives only
    proof = parse_tlog_proof((bundle / "proofs" / "13.tlog-proof").read_text())
    checkpoint = open_checkpoint(proof.checkpoint_note, parse_vkey((keys / "log.vkey").read_text()))
    verify_inclusion(13, checkpoint.size, leaf_hash((bundle / "entries" / "13.json").read_bytes()), proof.hashes, checkpoint.root_hash)

    broken = tmp_path / "broken"
    shutil.copytree(bundle, broken)
    entry = broken / "entries" / "13.json"
    entry.write_bytes(entry.read_bytes().replace(b'"n":3', b'"n":4'))
    code, out, _ = run("verify", str(broken), "--key", key)
    assert code == 1 and out.startswith("FAILED: entries/13.json: inclusion proof proofs/13.tlog-proof fails")
    assert len(out.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("checkpoint", "checkpoint: signature by example.org/truceline"),
        ("proof_hash", "entries/4.json: inclusion proof proofs/4.tlog-proof fails"),
        ("proof_checkpoint", "proofs/4.tlog-proof: checkpoint: signature"),
        ("missing_proof", "entries/4.json: no proofs/4.tlog-proof"),
        ("consistency", "previous/consistency:"),
        ("other_key", "checkpoint: no signature by example.org/truceline+"),
    ],
)
def test_verify_names_the_first_failure(tmp_path: Path, run, log, damage: str, named: str) -> None:  # type: ignore[no-untyped-def]
    run("ledger", "checkpoint", *log)
    (tmp_path / "c10").write_text(run("ledger", "checkpoint", *log)[1])
    run("ledger", "append", str(tmp_path / "facts.jsonl"), *log)
    bundle = tmp_path / "b"
    assert run("ledger", "export", "--out", str(bundle), "--type", "event", "--previous", str(tmp_path / "c10"), *log)[0] == 0
    key = tmp_path / "keys" / "log.vkey"
    if damage == "checkpoint":
        text = (bundle / "checkpoint").read_text()
        (bundle / "checkpoint").write_text(text.replace("\n20\n", "\n21\n"))
    elif damage == "proof_hash":
        proof = bundle / "proofs" / "4.tlog-proof"
        lines = proof.read_text().split("\n")
        lines[2] = ("A" if lines[2][0] != "A" else "B") + lines[2][1:]
        proof.write_text("\n".join(lines))
    elif damage == "proof_checkpoint":
        proof = bundle / "proofs" / "4.tlog-proof"
        proof.write_text(proof.read_text().replace("\n20\n", "\n19\n"))
    elif damage == "missing_proof":
        (bundle / "proofs" / "4.tlog-proof").unlink()
    elif damage == "consistency":
        path = bundle / "previous" / "consistency"
        path.write_text("".join(reversed(path.read_text().splitlines(keepends=True))))
    elif damage == "other_key":
        assert run("ledger", "keygen", "example.org/truceline", "--out", str(tmp_path / "impostor"))[0] == 0
        key = tmp_path / "impostor.vkey"
    code, out, _ = run("verify", str(bundle), "--key", str(key))
    assert code == 1, out
    assert out.startswith("FAILED: " + named), out


def test_witness_cosignature_can_be_required(tmp_path: Path, run, log) -> None:  # type: ignore[no-untyped-def]
    assert run("ledger", "keygen", "witness.example/w1", "--out", str(tmp_path / "w1"))[0] == 0
    plain, cosigned = tmp_path / "plain", tmp_path / "cosigned"
    assert run("ledger", "export", "--out", str(plain), "--entries", "1", *log)[0] == 0
    assert run("ledger", "export", "--out", str(cosigned), "--entries", "1", "--witness-key", str(tmp_path / "w1.key"), *log)[0] == 0
    key = str(tmp_path / "keys" / "log.vkey")
    witness = str(tmp_path / "w1.vkey")
    assert run("verify", str(cosigned), "--key", key, "--witness", witness)[0] == 0
    code, out, _ = run("verify", str(plain), "--key", key, "--witness", witness)
    assert code == 1 and "no signature by witness.example/w1" in out


def test_audit_prove_and_input_errors(tmp_path: Path, run, log) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("ledger", "audit", *log)
    assert code == 0 and out.startswith("OK: 10 entries")
    code, _, err = run("ledger", "prove", "--entry", "3", *log)
    assert code == 2 and "no checkpoint has been signed yet" in err
    run("ledger", "checkpoint", *log)
    code, out, _ = run("ledger", "prove", "--entry", "3", "--since", "4", *log)
    assert code == 0 and out.startswith("c2sp.org/tlog-proof@v1\nindex 3\n") and "\nconsistency 4 10\n" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "event", "time": 1, "payload": {}}\n{"type": "event", "time": "noon", "payload": {}}\n')
    code, _, err = run("ledger", "append", str(bad), *log)
    assert code == 2 and err.strip() == f"error: {bad}:2: time: must be a number of seconds"
    bad.write_text('{"type": "event", "time": 1, "payload": {}}\n{"type": "event", "time": 1, "payload": []}\n{oops\n')
    code, _, err = run("ledger", "append", str(bad), *log)
    assert code == 2 and f"{bad}:2: payload:" in err
    assert run("ledger", "audit", *log)[1].startswith("OK: 10 entries")  # nothing half-written
    (tmp_path / "keys" / "log.key").chmod(0o640)
    code, _, err = run("ledger", "checkpoint", *log)
    assert code == 2 and "chmod 600" in err


def test_audit_cli_names_the_first_bad_entry(tmp_path: Path, run, log) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    db = sqlite3.connect(log[1])
    db.execute("DROP TRIGGER ledger_entries_no_update")
    db.execute("UPDATE ledger_entries SET entry = CAST('{}' AS BLOB) WHERE idx = 7")
    db.commit()
    code, out, _ = run("ledger", "audit", *log)
    assert code == 1 and out.startswith("FAILED: first bad entry 7:")
    code, _, err = run("ledger", "checkpoint", *log)
    assert code == 2 and "entry 7 does not match" in err


def test_verify_bundle_library_reports_missing_folder(tmp_path: Path) -> None:
    report = verify_bundle(tmp_path / "nowhere")
    assert not report.ok and "not a bundle folder" in report.message


def test_verify_detects_a_fork_against_a_checkpoint_you_hold(tmp_path: Path, run, log) -> None:  # type: ignore[no-untyped-def]
    from truceline.ledger import Checkpoint, load_signer, sign_note

    (tmp_path / "c10").write_text(run("ledger", "checkpoint", *log)[1])
    run("ledger", "append", str(tmp_path / "facts.jsonl"), *log)
    bundle = tmp_path / "b"
    assert run("ledger", "export", "--out", str(bundle), "--entries", "0", "--previous", str(tmp_path / "c10"), *log)[0] == 0
    # the same log key signed another history of size 10 for someone else
    signer = load_signer(tmp_path / "keys" / "log.key")
    (tmp_path / "other10").write_text(sign_note(Checkpoint(origin=signer.name, size=10, root_hash=bytes(32)).text(), [signer]))
    key = str(tmp_path / "keys" / "log.vkey")
    assert run("verify", str(bundle), "--key", key, "--previous", str(tmp_path / "c10"))[0] == 0
    code, out, _ = run("verify", str(bundle), "--key", key, "--previous", str(tmp_path / "other10"))
    assert code == 1 and out.startswith("FAILED: --previous checkpoint: fork, a different root was signed for size 10")


def test_every_command_and_option_is_documented() -> None:
    import click

    from truceline.ledger.commands import ledger, verify

    docs = (Path(__file__).parents[2] / "docs" / "ledger.md").read_text()
    assert isinstance(ledger, click.Group)
    commands = {f"ledger {name}": command for name, command in ledger.commands.items()} | {"verify": verify}
    for name, command in commands.items():
        assert f"truceline {name}" in docs, name
        for parameter in command.params:
            for option in getattr(parameter, "opts", []):
                if option.startswith("--") and option != "--help":
                    assert option in docs, f"{name} {option}"
