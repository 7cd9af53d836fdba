"""All-or-nothing file writes: a temporary file beside the target, synced, then renamed into place.

A reader (or a crash) sees either the old file or the complete new one, never a half-written one;
on any error the temporary file is removed and the old file is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: files are readable by all (``mkstemp`` creates them 0600); secrets are not written through here
FILE_MODE = 0o644


@contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` to write; on a normal exit it replaces ``path``.

    The parent folder is created when missing. The temporary name keeps the target's suffix, so
    writers that choose a format by extension (CSV or Parquet) choose the target's.
    """
    target = Path(os.fspath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data``, all or nothing."""
    with atomic_target(path) as temporary:
        temporary.write_bytes(data)


def write_lines_atomically(path: str | os.PathLike[str], lines: Iterable[str]) -> int:
    """Replace ``path`` with ``lines`` (UTF-8, each ended by a newline), all or nothing; returns how many.

    ``lines`` may be a generator that raises part-way (a record that fails validation): the old
    file is then left as it was.
    """
    count = 0
    with atomic_target(path) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
            for line in lines:
                stream.write(line + "\n")
                count += 1
    return count
