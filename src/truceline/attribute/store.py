"""The verdict store: verdicts and analysts' decisions, append-only, in SQLite.

Two tables, both insert-only (triggers refuse UPDATE and DELETE):

- ``attribute_verdicts``: every version of every stage verdict as canonical JSON (RFC 8785), with
  when it was recorded. Loading the same verdict again adds nothing; a changed one (say newly
  corroborated) adds a version.
- ``attribute_decisions``: analysts' decisions (verify, dispute, dismiss) with who, when (``at_s``,
  the time the analyst gives or the clock) and a note.

The current state of a verdict is its latest version with the latest decision applied; the history
is every row. Status moves ``automatic`` -> ``corroborated`` -> ``verified``, or to ``disputed`` /
``dismissed``; a decision that would not change the status is refused.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

import rfc8785

from truceline.attribute.rules import Verdict, verdict_from_record, verdict_record
from truceline.model.errors import TrucelineError
from truceline.store.sqlite import Migration, migrate, write_transaction

ACTIONS = {"verify": "verified", "dispute": "disputed", "dismiss": "dismissed"}

MIGRATIONS = (
    Migration(version=1, sql="""
CREATE TABLE attribute_verdicts (
    version_id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    recorded_s REAL NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX attribute_verdicts_event ON attribute_verdicts (event_id, version_id);
CREATE TABLE attribute_decisions (
    decision_id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('verify', 'dispute', 'dismiss')),
    status TEXT NOT NULL,
    analyst TEXT NOT NULL CHECK (length(trim(analyst)) > 0),
    note TEXT NOT NULL,
    at_s REAL NOT NULL,
    recorded_s REAL NOT NULL
);
CREATE INDEX attribute_decisions_event ON attribute_decisions (event_id, decision_id);
CREATE TRIGGER attribute_verdicts_no_update BEFORE UPDATE ON attribute_verdicts
BEGIN SELECT RAISE(ABORT, 'attribute_verdicts is append-only'); END;
CREATE TRIGGER attribute_verdicts_no_delete BEFORE DELETE ON attribute_verdicts
BEGIN SELECT RAISE(ABORT, 'attribute_verdicts is append-only'); END;
CREATE TRIGGER attribute_decisions_no_update BEFORE UPDATE ON attribute_decisions
BEGIN SELECT RAISE(ABORT, 'attribute_decisions is append-only'); END;
CREATE TRIGGER attribute_decisions_no_delete BEFORE DELETE ON attribute_decisions
BEGIN SELECT RAISE(ABORT, 'attribute_decisions is append-only'); END;
"""),
)


class VerdictError(TrucelineError):
    """A verdict that does not exist, or a decision that the verdict's status does not allow."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    decision_id: int
    event_id: str
    action: str
    status: str
    analyst: str
    note: str
    at_s: float
    recorded_s: float


@dataclass(frozen=True, slots=True, kw_only=True)
class VerdictState:
    """A verdict's latest version, its current status and the decisions that led there."""

    verdict: Verdict
    status: str
    versions: int
    decisions: tuple[Decision, ...]


def open_store(connection: sqlite3.Connection) -> sqlite3.Connection:
    migrate(connection, "attribute", MIGRATIONS)
    return connection


def _canonical(verdict: Verdict) -> str:
    return rfc8785.dumps(verdict_record(verdict)).decode("utf-8")  # type: ignore[arg-type]


def record_verdicts(connection: sqlite3.Connection, verdicts: Sequence[Verdict], *, recorded_s: float) -> int:
    """Append the verdicts that are new or changed, all in one transaction; returns how many were added."""
    added = 0
    with write_transaction(connection):
        for verdict in verdicts:
            text = _canonical(verdict)
            row = connection.execute(
                "SELECT record FROM attribute_verdicts WHERE event_id = ? ORDER BY version_id DESC LIMIT 1", (verdict.event_id,)
            ).fetchone()
            if row is not None and row[0] == text:
                continue
            connection.execute("INSERT INTO attribute_verdicts (event_id, recorded_s, record) VALUES (?, ?, ?)",
                               (verdict.event_id, recorded_s, text))
            added += 1
    return added


def _decisions(connection: sqlite3.Connection, event_id: str | None = None) -> list[Decision]:
    sql = "SELECT decision_id, event_id, action, status, analyst, note, at_s, recorded_s FROM attribute_decisions"
    rows = connection.execute(sql + (" WHERE event_id = ?" if event_id else "") + " ORDER BY decision_id",
                              (event_id,) if event_id else ()).fetchall()
    return [Decision(decision_id=r[0], event_id=r[1], action=r[2], status=r[3], analyst=r[4], note=r[5], at_s=r[6], recorded_s=r[7])
            for r in rows]


def states(connection: sqlite3.Connection) -> list[VerdictState]:
    """Every verdict's current state, in order of the fire's time then event id."""
    latest: dict[str, tuple[str, int]] = {}
    for event_id, record in connection.execute("SELECT event_id, record FROM attribute_verdicts ORDER BY version_id"):
        latest[event_id] = (record, latest.get(event_id, ("", 0))[1] + 1)
    by_event: dict[str, list[Decision]] = {}
    for decision in _decisions(connection):
        by_event.setdefault(decision.event_id, []).append(decision)
    out = []
    for event_id, (record, versions) in latest.items():
        verdict = verdict_from_record(json.loads(record))
        decided = tuple(by_event.get(event_id, ()))
        out.append(VerdictState(verdict=verdict, status=decided[-1].status if decided else verdict.status,
                                versions=versions, decisions=decided))
    out.sort(key=lambda s: (s.verdict.time_s, s.verdict.event_id))
    return out


def state(connection: sqlite3.Connection, event_id: str) -> VerdictState:
    for found in states(connection):
        if found.verdict.event_id == event_id:
            return found
    raise VerdictError(f"no verdict for event {event_id!r} in the store")


def history(connection: sqlite3.Connection, event_id: str) -> list[tuple[float, str]]:
    """(recorded_s, canonical JSON) of every version of a verdict, oldest first."""
    return [(r[0], r[1]) for r in connection.execute(
        "SELECT recorded_s, record FROM attribute_verdicts WHERE event_id = ? ORDER BY version_id", (event_id,))]


def decide(connection: sqlite3.Connection, event_id: str, action: str, *, analyst: str, note: str, at_s: float,
           recorded_s: float) -> Decision:
    """Append an analyst's decision; refuses unknown verdicts, empty names and decisions that change nothing."""
    if action not in ACTIONS:
        raise VerdictError(f"action must be one of {', '.join(ACTIONS)}, got {action!r}")
    if not analyst.strip():
        raise VerdictError("the analyst's name (--by) must not be empty")
    with write_transaction(connection):
        current = state(connection, event_id)
        status = ACTIONS[action]
        if current.status == status:
            raise VerdictError(f"verdict {event_id} is already {status}")
        if at_s < current.verdict.time_s:
            raise VerdictError(f"decision time {at_s:.0f} lies before the fire it judges ({current.verdict.time_s:.0f})")
        cursor = connection.execute(
            "INSERT INTO attribute_decisions (event_id, action, status, analyst, note, at_s, recorded_s) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, action, status, analyst.strip(), note, at_s, recorded_s))
        decision_id = int(cursor.lastrowid or 0)
    return Decision(decision_id=decision_id, event_id=event_id, action=action, status=status, analyst=analyst.strip(),
                    note=note, at_s=at_s, recorded_s=recorded_s)
