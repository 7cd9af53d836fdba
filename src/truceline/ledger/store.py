"""The log in the store: entries, complete-subtree hashes and signed checkpoints, in SQLite.

Tables (component ``ledger``):

- ``ledger_entries(idx, type, time_s, entry)``: ``entry`` is the exact canonical JSON (RFC 8785) of
  ``{"type", "time", "payload"}`` whose leaf hash is in the tree.
- ``ledger_nodes(level, idx, hash)``: every complete subtree's hash, written when it completes
  (level 0 = leaf hashes). Kept apart from the entries so that an edited, moved or inserted entry
  row no longer matches the hash stored for its index.
- ``ledger_checkpoints(size, root, note)``: every checkpoint this log signed.

Triggers make both tables append-only for ordinary SQL; someone with the file can still drop them,
which is what :meth:`Ledger.audit` and the signed checkpoints are for.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import rfc8785

from truceline.ledger import tree
from truceline.ledger.canonical import canonical_json
from truceline.ledger.errors import LedgerError, ProofError, TamperError, TreeSizeError
from truceline.ledger.merkle import leaf_hash, verify_consistency
from truceline.ledger.note import Checkpoint, Signer, cosign_note, open_checkpoint, sign_note
from truceline.store import Migration, migrate, write_transaction

MIGRATIONS = [
    Migration(
        version=1,
        sql="""
CREATE TABLE ledger_entries (
    idx INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    time_s REAL NOT NULL,
    entry BLOB NOT NULL
);
CREATE INDEX ledger_entries_type ON ledger_entries (type, idx);
CREATE TABLE ledger_nodes (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE ledger_checkpoints (
    size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    note TEXT NOT NULL
);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_nodes_no_update BEFORE UPDATE ON ledger_nodes
BEGIN SELECT RAISE(ABORT, 'ledger hashes are append-only'); END;
CREATE TRIGGER ledger_nodes_no_delete BEFORE DELETE ON ledger_nodes
BEGIN SELECT RAISE(ABORT, 'ledger hashes are append-only'); END;
""",
    ),
]


def entry_bytes(entry_type: str, timestamp_s: float, payload: Mapping[str, Any]) -> bytes:
    """The canonical JSON (RFC 8785) of one entry: ``{"payload": ..., "time": ..., "type": ...}``."""
    if not isinstance(entry_type, str) or not entry_type:
        raise LedgerError(f"entry type must be a non-empty string, not {entry_type!r}")
    if isinstance(timestamp_s, bool) or not isinstance(timestamp_s, int | float) or not math.isfinite(timestamp_s):
        raise LedgerError(f"entry time must be a finite number of seconds, not {timestamp_s!r}")
    if not isinstance(payload, Mapping):
        raise LedgerError(f"entry payload must be an object, not {type(payload).__name__}")
    try:
        return canonical_json({"type": entry_type, "time": timestamp_s, "payload": dict(payload)})
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as problem:
        raise LedgerError(f"entry payload cannot be written as canonical JSON: {problem}") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditReport:
    size: int
    root_hash: bytes
    checkpoints_checked: int


class Ledger:
    """An append-only Merkle log stored through ``connection`` (a :func:`truceline.store.connect`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        migrate(connection, "ledger", MIGRATIONS)

    # --- writing -------------------------------------------------------------------------------

    def append(self, entry_type: str, timestamp_s: float, payload: Mapping[str, Any]) -> int:
        """Append one entry and return its index. Joins the caller's open transaction if any."""
        return self.append_many([(entry_type, timestamp_s, payload)])[0]

    def append_many(self, entries: Iterable[tuple[str, float, Mapping[str, Any]]]) -> list[int]:
        """Append entries in order, all or none. Inside an open transaction, append there without
        committing (so a fact and its entry commit together); otherwise in a transaction of its own."""
        prepared = []
        for position, (entry_type, timestamp_s, payload) in enumerate(entries):
            try:
                prepared.append((entry_type, float(timestamp_s), entry_bytes(entry_type, timestamp_s, payload)))
            except LedgerError as problem:
                raise LedgerError(f"entry {position} of the batch: {problem}") from None
        if self.connection.in_transaction:
            return self._append(prepared)
        with write_transaction(self.connection):
            return self._append(prepared)

    def _append(self, prepared: Sequence[tuple[str, float, bytes]]) -> list[int]:
        size = self.size()
        border = [self.node(level, index) for level, index in tree.border_positions(size)]
        rows, nodes = [], []
        for offset, (entry_type, time_s, data) in enumerate(prepared):
            rows.append((size + offset, entry_type, time_s, data))
            nodes.extend(tree.parents_of_new_leaf(size + offset, border, leaf_hash(data)))
        self.connection.executemany("INSERT INTO ledger_entries (idx, type, time_s, entry) VALUES (?, ?, ?, ?)", rows)
        self.connection.executemany("INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)", nodes)
        return [row[0] for row in rows]

    # --- reading -------------------------------------------------------------------------------

    def size(self) -> int:
        row = self.connection.execute("SELECT MAX(idx) FROM ledger_entries").fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def node(self, level: int, index: int) -> bytes:
        row = self.connection.execute(
            "SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?", (level, index)
        ).fetchone()
        if row is None:
            raise TamperError(f"stored hash of subtree ({level}, {index}) is missing", index=index << level)
        return bytes(row[0])

    def entry(self, index: int) -> bytes:
        row = self.connection.execute("SELECT entry FROM ledger_entries WHERE idx = ?", (index,)).fetchone()
        if row is None:
            raise TreeSizeError(f"no entry {index} (the log has {self.size()})")
        return bytes(row[0])

    def indices_of_type(self, entry_type: str) -> list[int]:
        rows = self.connection.execute("SELECT idx FROM ledger_entries WHERE type = ? ORDER BY idx", (entry_type,))
        return [int(row[0]) for row in rows]

    def root(self, size: int | None = None) -> bytes:
        return tree.tree_root(self, self.size() if size is None else size)

    def prove_inclusion(self, index: int, size: int | None = None) -> list[bytes]:
        size = self.size() if size is None else size
        self._check_size(size)
        return tree.inclusion_proof(index, size, self)

    def prove_consistency(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        new_size = self.size() if new_size is None else new_size
        self._check_size(new_size)
        return tree.consistency_proof(old_size, new_size, self)

    def _check_size(self, size: int) -> None:
        if size > self.size():
            raise TreeSizeError(f"the log has {self.size()} entries, not {size}")

    def latest_checkpoint(self) -> str | None:
        row = self.connection.execute("SELECT note FROM ledger_checkpoints ORDER BY size DESC LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    # --- checking and signing ------------------------------------------------------------------

    def audit(self, since: int = 0, *, check_checkpoints: bool = True) -> AuditReport:
        """Rehash the stored entries from index ``since`` on, compare every recomputed subtree hash
        with the stored one and (optionally) every signed checkpoint's root with the stored tree.

        Raises TamperError naming the first bad index: an edited, moved or inserted entry no longer
        matches the leaf hash stored for its index; a deleted one leaves a gap.
        """
        size = self.size()
        # Subtrees completed before `since` are taken as stored; the border carries the tree across.
        border = [self.node(level, index) for level, index in tree.border_positions(since)]
        stored: dict[int, Iterator[tuple[int, bytes]]] = {}

        def stored_hash(level: int, index: int) -> bytes | None:
            if level not in stored:
                stored[level] = iter(
                    self.connection.execute(
                        "SELECT idx, hash FROM ledger_nodes WHERE level = ? AND idx >= ? ORDER BY idx",
                        (level, since >> level),
                    )
                )
            for stored_index, value in stored[level]:
                if stored_index >= index:
                    return bytes(value) if stored_index == index else None
            return None

        expected_index = since
        rows = self.connection.execute("SELECT idx, entry FROM ledger_entries WHERE idx >= ? ORDER BY idx", (since,))
        for index, data in rows:
            if index != expected_index:
                raise TamperError(
                    f"entry {expected_index} is missing (the next stored entry is {index})", index=expected_index
                )
            for level, node_index, value in tree.parents_of_new_leaf(index, border, leaf_hash(bytes(data))):
                if stored_hash(level, node_index) != value:
                    first = node_index << level
                    what = f"entry {index}" if level == 0 else f"subtree ({level}, {node_index}) over entries {first}.."
                    raise TamperError(f"{what} does not match the hash stored when it was appended", index=first)
            expected_index += 1
        orphan = self.connection.execute(
            "SELECT MIN(idx) FROM ledger_nodes WHERE level = 0 AND idx >= ?", (size,)
        ).fetchone()[0]
        if orphan is not None:
            raise TamperError(f"entry {orphan} is missing (its leaf hash is stored)", index=int(orphan))
        root = self.root(size)
        checked = 0
        if check_checkpoints:
            previous = 0
            for checkpoint_size, signed_root in self.connection.execute(
                "SELECT size, root FROM ledger_checkpoints ORDER BY size"
            ).fetchall():
                if checkpoint_size > size:
                    raise TamperError(
                        f"the log has {size} entries but a checkpoint of size {checkpoint_size} was signed", index=size
                    )
                if self.root(checkpoint_size) != bytes(signed_root):
                    raise TamperError(
                        f"entries {previous}..{checkpoint_size - 1} no longer give the root signed at size "
                        f"{checkpoint_size}",
                        index=previous,
                    )
                previous = checkpoint_size
                checked += 1
        return AuditReport(size=size, root_hash=root, checkpoints_checked=checked)

    def checkpoint(self, signer: Signer, witnesses: Sequence[Signer] = (), *, full_audit: bool = True) -> str:
        """Check the stored hashes against the entries, then sign and store a checkpoint.

        With ``full_audit`` every entry is rehashed; without it, only entries after the latest
        signed checkpoint, and the new root must be consistent with that checkpoint. Refuses
        (TamperError naming the first bad index) on any disagreement.
        """
        latest = self.latest_checkpoint()
        previous = None if latest is None else open_checkpoint(latest, signer.verifier)
        if full_audit or previous is None:
            report = self.audit()
        else:
            report = self.audit(since=previous.size, check_checkpoints=False)
        if previous is not None and previous.size > 0:
            try:
                verify_consistency(
                    previous.size,
                    report.size,
                    self.prove_consistency(previous.size, report.size),
                    previous.root_hash,
                    report.root_hash,
                )
            except ProofError as problem:
                raise TamperError(
                    f"the stored tree is not an extension of the checkpoint signed at size {previous.size}: {problem}",
                    index=0,
                ) from None
        text = Checkpoint(origin=signer.name, size=report.size, root_hash=report.root_hash).text()
        note = sign_note(text, [signer])
        for witness in witnesses:
            note = cosign_note(note, witness)
        insert = "INSERT OR REPLACE INTO ledger_checkpoints (size, root, note) VALUES (?, ?, ?)"
        if self.connection.in_transaction:
            self.connection.execute(insert, (report.size, report.root_hash, note))
        else:
            with write_transaction(self.connection):
                self.connection.execute(insert, (report.size, report.root_hash, note))
        return note
