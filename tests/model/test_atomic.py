"""All-or-nothing writes: the old file survives any failure, and no temporary file is left behind."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from truceline.model.atomic import atomic_target, write_bytes_atomically, write_lines_atomically
from truceline.model.tables import write_table


def _lines_then_fail() -> Iterator[str]:
    yield "new 1"
    yield "new 2"
    raise ValueError("record 3 is invalid")


def test_lines_replace_the_file_and_count(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.jsonl"
    assert write_lines_atomically(target, ["a", "b"]) == 2
    assert target.read_text(encoding="utf-8") == "a\nb\n"
    assert write_lines_atomically(target, []) == 0
    assert target.read_text(encoding="utf-8") == ""
    assert list(target.parent.iterdir()) == [target]


def test_a_failure_part_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "facts.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(ValueError, match="record 3"):
        write_lines_atomically(target, _lines_then_fail())
    assert target.read_text(encoding="utf-8") == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_files_are_readable_by_all(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_bytes_atomically(target, b"<html></html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == b"<html></html>"


def test_the_temporary_keeps_the_suffix_so_parquet_stays_parquet(tmp_path: Path) -> None:
    with atomic_target(tmp_path / "events.parquet") as temporary:
        assert temporary.suffix == ".parquet"
        assert temporary.parent == tmp_path
        temporary.write_bytes(b"x")
    table = pa.table({"a": [1, 2]})
    write_table(table, tmp_path / "t.parquet")
    assert (tmp_path / "t.parquet").read_bytes()[:4] == b"PAR1"
    write_table(table, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines() == ['"a"', "1", "2"]
