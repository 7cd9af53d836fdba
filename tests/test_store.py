import sqlite3
from pathlib import Path

import pytest

from truceline.store import Migration, StoreError, connect, migrate, write_transaction


def test_connect_sets_wal_and_full(tmp_path: Path) -> None:
    db = connect(tmp_path / "t.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_migrations_apply_once_per_component(tmp_path: Path) -> None:
    db = connect(tmp_path / "t.sqlite")
    steps = [Migration(version=1, sql="CREATE TABLE a (x INTEGER);"), Migration(version=2, sql="ALTER TABLE a ADD y TEXT;")]
    assert migrate(db, "alpha", steps) == 2
    assert migrate(db, "alpha", steps) == 2  # idempotent
    assert migrate(db, "beta", [Migration(version=1, sql="CREATE TABLE b (x INTEGER);")]) == 1
    rows = db.execute("SELECT component, version FROM schema_migrations ORDER BY 1, 2").fetchall()
    assert rows == [("alpha", 1), ("alpha", 2), ("beta", 1)]


def test_migration_versions_must_ascend(tmp_path: Path) -> None:
    db = connect(tmp_path / "t.sqlite")
    with pytest.raises(StoreError):
        migrate(db, "c", [Migration(version=2, sql="SELECT 1;"), Migration(version=1, sql="SELECT 1;")])


def test_write_transaction_rolls_back(tmp_path: Path) -> None:
    db = connect(tmp_path / "t.sqlite")
    db.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(RuntimeError):
        with write_transaction(db):
            db.execute("INSERT INTO t VALUES (1)")
            raise RuntimeError("boom")
    assert db.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 0
    with write_transaction(db):
        db.execute("INSERT INTO t VALUES (2)")
    other = sqlite3.connect(tmp_path / "t.sqlite")
    assert other.execute("SELECT x FROM t").fetchall() == [(2,)]
