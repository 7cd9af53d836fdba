"""The engine made durable: an append-only event table in the store, rebuilt on start-up.

``protocol_events`` holds, in order, the agreement the database was started with, every fact
the engine accepted and every output it produced (canonical JSON, RFC 8785). Triggers forbid
UPDATE and DELETE. :class:`DurableEngine` rebuilds the in-memory :class:`Engine` by re-running
the stored facts (the engine is deterministic, so this reproduces its state exactly), then
handles each new fact in one ``BEGIN IMMEDIATE`` transaction that appends the fact, its outputs,
and whatever the transaction ``sinks`` write (the notification outbox), so a notification exists
exactly when the state change that caused it does. ``on_commit`` callbacks run after the commit
(the ledger integration appends outputs there).

After a restart the first fact (a clock tick from ``truceline protocol tick``, say) fires every
decision that fell due while the engine was down, at once, each marked ``late``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import rfc8785

from truceline.model.agreement import Agreement, agreement_from_document
from truceline.model.cases import Fact, Output, canonical_json, output_from_record
from truceline.protocol.engine import DEFAULT_LATE_AFTER_S, Engine, EngineError
from truceline.protocol.facts import fact_from_json, fact_to_json
from truceline.store import Migration, migrate, write_transaction

MIGRATIONS = [
    Migration(
        version=1,
        sql="""
CREATE TABLE protocol_events (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('start', 'fact', 'output')),
    at_s REAL NOT NULL,
    body TEXT NOT NULL
);
CREATE TRIGGER protocol_events_no_update BEFORE UPDATE ON protocol_events
BEGIN SELECT RAISE(ABORT, 'protocol_events is append-only'); END;
CREATE TRIGGER protocol_events_no_delete BEFORE DELETE ON protocol_events
BEGIN SELECT RAISE(ABORT, 'protocol_events is append-only'); END;
""",
    )
]

TransactionSink = Callable[[sqlite3.Connection, Sequence[Output]], None]
CommitHook = Callable[[Fact, Sequence[Output]], None]


def agreement_digest(document: dict[str, Any]) -> str:
    return hashlib.sha256(rfc8785.dumps(document)).hexdigest()


class DurableEngine:
    """An :class:`Engine` whose every step is committed to ``protocol_events`` first."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        document: dict[str, Any] | None = None,
        late_after_s: float = DEFAULT_LATE_AFTER_S,
        sinks: Sequence[TransactionSink] = (),
        on_commit: Sequence[CommitHook] = (),
    ) -> None:
        """Open the engine stored in ``connection``; ``document`` (a validated agreement) starts a new one.

        If the database already holds an engine, ``document`` must be the same agreement (or
        ``None``): a database runs one agreement for its whole life.
        """
        journal = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        synchronous = int(connection.execute("PRAGMA synchronous").fetchone()[0])
        if journal not in ("wal", "memory") or synchronous != 2:
            raise EngineError(
                f"the engine needs journal_mode=WAL and synchronous=FULL, the database has {journal} and {synchronous}; "
                "open it with truceline.store.connect"
            )
        self.connection = connection
        self.sinks = list(sinks)
        self.on_commit = list(on_commit)
        migrate(connection, "protocol", MIGRATIONS)
        start = connection.execute("SELECT body FROM protocol_events WHERE kind = 'start' ORDER BY seq LIMIT 1").fetchone()
        stored: dict[str, Any]
        if start is None:
            if document is None:
                raise EngineError("this database holds no protocol engine yet; give an agreement to start one (--agreement)")
            body: dict[str, Any] = {"agreement": document, "digest": agreement_digest(document), "late_after_s": late_after_s}
            with write_transaction(connection):
                connection.execute("INSERT INTO protocol_events (kind, at_s, body) VALUES ('start', 0, ?)", (rfc8785.dumps(body).decode(),))
            stored = body
        else:
            stored = dict(json.loads(start[0]))
            if document is not None and agreement_digest(document) != stored["digest"]:
                raise EngineError(
                    f"this database runs agreement {stored['agreement']['id']!r} (sha256 {stored['digest'][:12]}); "
                    f"it cannot switch to {document['id']!r} — use another --db"
                )
        self.document: dict[str, Any] = stored["agreement"]
        self.agreement: Agreement = agreement_from_document(self.document)
        self.late_after_s = float(stored["late_after_s"])
        self.engine = self._rebuild()

    def _rebuild(self) -> Engine:
        engine = Engine(self.agreement, late_after_s=self.late_after_s)
        for (body,) in self.connection.execute("SELECT body FROM protocol_events WHERE kind = 'fact' ORDER BY seq"):
            engine.handle(fact_from_json(json.loads(body)))
        return engine

    def handle(self, fact: Fact) -> list[Output]:
        """Apply a fact and commit it with its outputs (and the sinks' writes) in one transaction."""
        return self.handle_batch([fact])[0]

    def handle_batch(self, facts: Sequence[Fact]) -> list[list[Output]]:
        """Apply facts in order and commit them all, with their outputs and the sinks' writes, in
        one transaction (one fsync for the batch); all or nothing. Returns each fact's outputs."""
        results: list[list[Output]] = []
        try:
            for fact in facts:
                results.append(self.engine.handle(fact))
        except EngineError:
            self.engine = self._rebuild()  # drop the batch's partial effects
            raise
        try:
            with write_transaction(self.connection):
                for fact, outputs in zip(facts, results):
                    self.connection.execute(
                        "INSERT INTO protocol_events (kind, at_s, body) VALUES ('fact', ?, ?)",
                        (fact.at_s, rfc8785.dumps(fact_to_json(fact)).decode()),
                    )
                    self.connection.executemany(
                        "INSERT INTO protocol_events (kind, at_s, body) VALUES ('output', ?, ?)",
                        [(output.at_s, canonical_json(output).decode()) for output in outputs],
                    )
                    for sink in self.sinks:
                        sink(self.connection, outputs)
        except BaseException:
            self.engine = self._rebuild()
            raise
        for fact, outputs in zip(facts, results):
            for hook in self.on_commit:
                hook(fact, outputs)
        return results

    def outputs(self) -> list[Output]:
        """Every output committed so far, in order."""
        rows = self.connection.execute("SELECT body FROM protocol_events WHERE kind = 'output' ORDER BY seq")
        return [output_from_record(json.loads(body)) for (body,) in rows]

    def fact_count(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM protocol_events WHERE kind = 'fact'").fetchone()[0])
