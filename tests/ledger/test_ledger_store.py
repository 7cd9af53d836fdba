"""The stored log: appends in the caller's transaction, proofs, checkpoints, tampering, forks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from truceline.ledger import (
    ForkError,
    Ledger,
    LedgerError,
    MemoryTree,
    TamperError,
    check_fork,
    entry_bytes,
    leaf_hash,
    open_checkpoint,
    signer_from_seed,
    verify_consistency,
    verify_inclusion,
)
from truceline.store import connect, write_transaction

SIGNER = signer_from_seed("example.org/truceline", bytes(range(32)))


def _ledger(tmp_path: Path, count: int = 0, name: str = "log.sqlite") -> Ledger:
    ledger = Ledger(connect(tmp_path / name))
    ledger.append_many([("event", float(i), {"n": i}) for i in range(count)])
    return ledger


def _attacker(ledger: Ledger) -> sqlite3.Connection:
    """Someone with the database file: drops the append-only triggers and edits rows."""
    connection = ledger.connection
    for trigger in ("entries_no_update", "entries_no_delete", "nodes_no_update", "nodes_no_delete"):
        connection.execute(f"DROP TRIGGER ledger_{trigger}")
    return connection


def test_entry_bytes_are_rfc8785_canonical_json() -> None:
    data = entry_bytes("verdict", 12.5, {"z": 1, "a": [True, None, 1e21], "é": "x"})
    assert data == b'{"payload":{"a":[true,null,1e+21],"z":1,"\xc3\xa9":"x"},"time":12.5,"type":"verdict"}'
    with pytest.raises(LedgerError):
        entry_bytes("verdict", float("nan"), {})
    with pytest.raises(LedgerError):
        entry_bytes("", 1.0, {})


def test_append_proofs_and_root_agree_with_an_in_memory_tree(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path)
    assert ledger.size() == 0
    assert ledger.append("event", 0.0, {"n": 0}) == 0
    assert ledger.append_many([("event", float(i), {"n": i}) for i in range(1, 37)]) == list(range(1, 37))
    memory = MemoryTree([leaf_hash(ledger.entry(i)) for i in range(37)])
    assert ledger.root() == memory.root()
    for size in (1, 5, 16, 37):
        assert ledger.root(size) == memory.root(size)
        for index in range(size):
            verify_inclusion(index, size, leaf_hash(ledger.entry(index)), ledger.prove_inclusion(index, size), memory.root(size))
        for old in range(1, size + 1):
            verify_consistency(old, size, ledger.prove_consistency(old, size), memory.root(old), memory.root(size))


def test_append_joins_the_callers_transaction(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path)
    db = ledger.connection
    db.execute("CREATE TABLE facts (id INTEGER PRIMARY KEY, what TEXT)")
    with pytest.raises(RuntimeError):
        with write_transaction(db):
            db.execute("INSERT INTO facts (what) VALUES ('shelling')")
            ledger.append("event", 1.0, {"what": "shelling"})
            raise RuntimeError("the fact could not be stored")
    assert ledger.size() == 0 and db.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 0
    with write_transaction(db):
        db.execute("INSERT INTO facts (what) VALUES ('shelling')")
        assert ledger.append("event", 1.0, {"what": "shelling"}) == 0
        assert db.in_transaction
    other = sqlite3.connect(tmp_path / "log.sqlite")
    assert other.execute("SELECT COUNT(*) FROM ledger_entries").fetchone()[0] == 1
    assert other.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 1


def test_append_alone_commits_durably_and_refuses_bad_payloads_whole(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 3)
    assert not ledger.connection.in_transaction
    with pytest.raises(LedgerError, match="entry 1 of the batch"):
        ledger.append_many([("event", 1.0, {"ok": 1}), ("event", 2.0, {"bad": float("inf")})])
    assert ledger.size() == 3
    assert sqlite3.connect(tmp_path / "log.sqlite").execute("SELECT COUNT(*) FROM ledger_entries").fetchone()[0] == 3


def test_ordinary_sql_cannot_rewrite_the_log(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 4)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledger.connection.execute("UPDATE ledger_entries SET entry = x'00' WHERE idx = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledger.connection.execute("DELETE FROM ledger_nodes WHERE level = 0")


def test_checkpoint_signs_the_recomputed_root(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 10)
    checkpoint = open_checkpoint(ledger.checkpoint(SIGNER), SIGNER.verifier)
    assert (checkpoint.origin, checkpoint.size) == ("example.org/truceline", 10)
    assert checkpoint.root_hash == MemoryTree([leaf_hash(ledger.entry(i)) for i in range(10)]).root()
    ledger.append("event", 11.0, {})
    quick = open_checkpoint(ledger.checkpoint(SIGNER, full_audit=False), SIGNER.verifier)
    assert quick.size == 11 and ledger.audit().checkpoints_checked == 2


def _rewrite_entries(connection: sqlite3.Connection, entries: list[bytes]) -> None:
    connection.execute("DELETE FROM ledger_entries")
    connection.executemany(
        "INSERT INTO ledger_entries (idx, type, time_s, entry) VALUES (?, 'event', 0, ?)", list(enumerate(entries))
    )


@pytest.mark.parametrize(
    ("attack", "first_bad"),
    [
        ("alter", 5),
        ("delete", 5),
        ("delete_last", 11),
        ("reorder", 3),
        ("insert", 4),
        ("append_without_hash", 12),
        ("flip_leaf_hash", 6),
        ("flip_subtree_hash", 4),
    ],
)
def test_tampering_names_the_first_bad_index(tmp_path: Path, attack: str, first_bad: int) -> None:
    ledger = _ledger(tmp_path, 12)
    db = _attacker(ledger)
    entries = [ledger.entry(i) for i in range(12)]
    if attack == "alter":
        db.execute("UPDATE ledger_entries SET entry = ? WHERE idx = 5", (entries[5].replace(b'"n":5', b'"n":6'),))
    elif attack == "delete":
        db.execute("DELETE FROM ledger_entries WHERE idx = 5")
    elif attack == "delete_last":
        db.execute("DELETE FROM ledger_entries WHERE idx = 11")
    elif attack == "reorder":
        _rewrite_entries(db, entries[:3] + [entries[7]] + entries[4:7] + [entries[3]] + entries[8:])
    elif attack == "insert":
        _rewrite_entries(db, entries[:4] + [entry_bytes("event", 3.5, {"forged": True})] + entries[4:])
    elif attack == "append_without_hash":
        db.execute("INSERT INTO ledger_entries VALUES (12, 'event', 0, ?)", (entry_bytes("event", 1.0, {}),))
    elif attack == "flip_leaf_hash":
        stored = ledger.node(0, 6)
        db.execute("UPDATE ledger_nodes SET hash = ? WHERE level = 0 AND idx = 6", (bytes([stored[0] ^ 1]) + stored[1:],))
    elif attack == "flip_subtree_hash":
        stored = ledger.node(2, 1)
        db.execute("UPDATE ledger_nodes SET hash = ? WHERE level = 2 AND idx = 1", (stored[:-1] + bytes([stored[-1] ^ 128]),))
    with pytest.raises(TamperError) as caught:
        ledger.audit()
    assert caught.value.index == first_bad, str(caught.value)
    with pytest.raises(TamperError) as refused:
        ledger.checkpoint(SIGNER)
    assert refused.value.index == first_bad
    assert ledger.latest_checkpoint() is None


def test_a_consistent_rewrite_is_caught_by_the_signed_checkpoints(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 8)
    ledger.checkpoint(SIGNER)  # size 8
    ledger.append_many([("event", float(i), {"n": i}) for i in range(8, 12)])
    ledger.checkpoint(SIGNER)  # size 12
    db = _attacker(ledger)
    entries = [ledger.entry(i) for i in range(12)]
    entries[9] = entry_bytes("event", 9.0, {"n": "rewritten"})
    # rebuild entries and every hash consistently, as a careful forger would
    db.execute("DELETE FROM ledger_entries")
    db.execute("DELETE FROM ledger_nodes")
    tree = MemoryTree([leaf_hash(e) for e in entries])
    db.executemany("INSERT INTO ledger_entries VALUES (?, 'event', 0, ?)", list(enumerate(entries)))
    db.executemany(
        "INSERT INTO ledger_nodes VALUES (?, ?, ?)",
        [(level, index, value) for level, values in enumerate(tree.levels) for index, value in enumerate(values)],
    )
    with pytest.raises(TamperError, match="signed at size 12") as caught:
        ledger.audit()
    assert caught.value.index == 8  # entries before 8 still give the root signed at size 8
    with pytest.raises(TamperError):
        ledger.checkpoint(SIGNER, full_audit=False)


def test_incremental_checkpoint_refuses_a_flipped_bit_in_an_old_hash(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, 8)
    ledger.checkpoint(SIGNER)
    ledger.append("event", 9.0, {})
    db = _attacker(ledger)
    stored = ledger.node(3, 0)
    db.execute("UPDATE ledger_nodes SET hash = ? WHERE level = 3 AND idx = 0", (bytes([stored[0] ^ 4]) + stored[1:],))
    with pytest.raises(TamperError):
        ledger.checkpoint(SIGNER, full_audit=False)


def test_forks_are_detected_from_checkpoints_alone(tmp_path: Path) -> None:
    honest = _ledger(tmp_path, 6, "a.sqlite")
    split = _ledger(tmp_path, 3, "b.sqlite")
    split.append_many([("event", 3.0, {"n": "other"}), ("event", 4.0, {}), ("event", 5.0, {})])
    a = open_checkpoint(honest.checkpoint(SIGNER), SIGNER.verifier)
    b = open_checkpoint(split.checkpoint(SIGNER), SIGNER.verifier)
    with pytest.raises(ForkError, match="two different roots"):
        check_fork(a, b, [])
    honest.append_many([("event", 7.0, {})] * 4)
    later = open_checkpoint(honest.checkpoint(SIGNER), SIGNER.verifier)
    check_fork(a, later, honest.prove_consistency(6, 10))
    with pytest.raises(ForkError, match="not a prefix"):
        check_fork(b, later, honest.prove_consistency(6, 10))
