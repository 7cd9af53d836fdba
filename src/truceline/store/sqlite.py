"""SQLite done properly: WAL journal, synchronous=FULL, ``BEGIN IMMEDIATE`` writes, and
numbered migrations kept per component so that stages own their own tables.

Every component (``ledger``, ``protocol``, ``notify``, ...) passes its ordered list of
``Migration`` to :func:`migrate`; the applied versions live in ``schema_migrations``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from truceline.model.errors import TrucelineError


class StoreError(TrucelineError):
    """The database could not be opened with the durability it needs, or a migration failed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    version: int
    sql: str


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a SQLite database for durable, single-writer use.

    Sets ``journal_mode=WAL`` and ``synchronous=FULL`` and reads both back: a file system
    that cannot give WAL (some network mounts) is refused rather than silently degraded.
    ``":memory:"`` is accepted for tests (its journal mode is ``memory``).
    """
    target = str(path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=10000")
    journal = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    connection.execute("PRAGMA synchronous=FULL")
    synchronous = connection.execute("PRAGMA synchronous").fetchone()[0]
    if target != ":memory:" and str(journal).lower() != "wal":
        connection.close()
        raise StoreError(f"{target}: journal_mode is {journal!r}, WAL is required")
    if int(synchronous) != 2:  # 2 == FULL
        connection.close()
        raise StoreError(f"{target}: synchronous is {synchronous}, FULL (2) is required")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " component TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (component, version))"
    )
    return connection


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back on any exception, so nothing is half-written."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def migrate(connection: sqlite3.Connection, component: str, migrations: Sequence[Migration]) -> int:
    """Apply, in order and each in its own transaction, the migrations not yet applied.

    Returns the component's schema version afterwards.
    """
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)) or (versions and versions[0] < 1):
        raise StoreError(f"{component}: migration versions must be unique, positive and ascending: {versions}")
    applied = {
        row[0]
        for row in connection.execute("SELECT version FROM schema_migrations WHERE component = ?", (component,))
    }
    for migration in migrations:
        if migration.version in applied:
            continue
        with write_transaction(connection):
            for statement in _statements(migration.sql):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_migrations (component, version) VALUES (?, ?)", (component, migration.version)
            )
    return max(versions, default=0)


def _statements(sql: str) -> list[str]:
    parts: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            parts.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise StoreError(f"incomplete SQL statement in migration: {buffer.strip()[:80]!r}")
    return parts
