"""Writing verdicts, cases and analyst decisions as the protocol engine's facts (JSON Lines).

The format is the one ``truceline protocol run FACTS`` reads (``docs/protocol.md``): one object a
line with ``kind`` and ``at`` plus the fields of :mod:`truceline.model.cases`, in time order. It is
written here from the plain records, so this stage needs nothing from the engine. The file is
written all or nothing (a temporary file renamed into place).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from truceline.model.cases import Fact, to_record
from truceline.model.atomic import write_lines_atomically

_ORDER = {"case": 0, "violation": 1, "analyst": 2, "ack": 3, "tick": 4}


def fact_line(fact: Fact) -> dict[str, Any]:
    """One fact as the JSON object of the facts format (``at`` instead of ``at_s``)."""
    record = to_record(fact)
    record["at"] = record.pop("at_s")
    return record


def sorted_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Time order; at equal times cases before the violations they gather, then by id."""
    def key(fact: Fact) -> tuple[float, int, str]:
        record = to_record(fact)
        return (fact.at_s, _ORDER.get(str(record["kind"]), 9), str(record.get("event_id") or record.get("case_id") or ""))
    return sorted(facts, key=key)


def write_facts(facts: Iterable[Fact], path: str | os.PathLike[str]) -> int:
    """Write facts (sorted by :func:`sorted_facts`) to ``path``; returns how many."""
    ordered = sorted_facts(facts)
    return write_lines_atomically(path, (json.dumps(fact_line(fact), sort_keys=True, ensure_ascii=False, allow_nan=False)
                                         for fact in ordered))
