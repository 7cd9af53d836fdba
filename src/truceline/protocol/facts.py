"""Facts as JSON Lines: one timestamped fact per line, the engine's recorded input stream.

Each line is an object with ``kind`` (``violation``, ``case``, ``ack``, ``analyst``, ``tick``)
and ``at`` (when the fact became known: seconds as a number, or an ISO 8601 UTC string), plus
the fields of the record in :mod:`truceline.model.cases` (``time_s`` may also be given as
``time``, and is ``at`` when omitted). Lines must be in time order. A bad line is reported as
``FILE:LINE: field: message`` and nothing is run.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from truceline.model.cases import FACT_KINDS, Fact, to_record
from truceline.model.errors import InputError

_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    # kind: (required, optional) — beyond kind and at
    "violation": ({"event_id", "firing_party", "target_party", "sector", "confidence", "status", "rule"}, {"time_s", "time", "evidence_ids"}),
    "case": ({"case_id", "firing_party", "target_party", "sector"}, {"time_s", "time", "violation_ids"}),
    "ack": ({"case_id", "by"}, {"action_id", "note"}),
    "analyst": ({"by", "action"}, {"event_id", "case_id", "note"}),
    "tick": (set(), set()),
}


def parse_time(value: Any) -> float:
    """Seconds from a number or an ISO 8601 string (``2026-03-01T12:00:00Z``; no zone means UTC)."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a time")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite time")
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(text)
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{value!r} is neither seconds nor an ISO 8601 time") from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.timestamp()
    raise ValueError(f"{value!r} is neither seconds nor an ISO 8601 time")


def fact_from_json(obj: Any) -> Fact:
    """A fact from a parsed JSON object; ``ValueError("field: message")`` when it is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    kind = obj.get("kind")
    if kind not in _FIELDS:
        raise ValueError(f"kind: expected one of {', '.join(_FIELDS)}, got {kind!r}")
    if "at" not in obj and "at_s" not in obj:
        raise ValueError("at: missing (when the fact became known)")
    required, optional = _FIELDS[kind]
    allowed = required | optional | {"kind", "at", "at_s"}
    for name in sorted(required - set(obj)):
        raise ValueError(f"{name}: missing")
    for name in sorted(set(obj) - allowed):
        raise ValueError(f"{name}: unknown field for kind {kind} (expected: {', '.join(sorted(allowed))})")
    values: dict[str, Any] = {}
    for name in ("at", "at_s", "time", "time_s"):
        if name in obj:
            try:
                values[name.removesuffix("_s") + "_s"] = parse_time(obj[name])
            except ValueError as bad:
                raise ValueError(f"{name}: {bad}") from None
    for name in required | optional:
        if name in ("time", "time_s") or name not in obj:
            continue
        value = obj[name]
        if name in ("evidence_ids", "violation_ids"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name}: expected a list of strings")
            value = tuple(value)
        elif name == "confidence":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"confidence: expected a number in [0, 1], got {value!r}")
            value = float(value)
        elif name in ("action_id", "event_id", "case_id") and value is None:
            pass  # optional ids written as null by fact_to_json (an analyst verdict has no case_id)
        elif not isinstance(value, str) or (not value and name not in ("note",)):
            raise ValueError(f"{name}: expected a non-empty string, got {value!r}")
        values[name] = value
    if kind in ("violation", "case") and "time_s" not in values:
        values["time_s"] = values["at_s"]
    try:
        return FACT_KINDS[kind](**values)  # type: ignore[no-any-return]
    except ValueError as bad:
        raise ValueError(str(bad)) from None


def fact_to_json(fact: Fact) -> dict[str, Any]:
    """The JSON Lines form of a fact (``at`` and ``time_s``, as :func:`fact_from_json` reads)."""
    record = to_record(fact)
    record["at"] = record.pop("at_s")
    return record


def read_facts(path: str | Path) -> list[Fact]:
    """Every fact of a JSON Lines file, validated, or :class:`InputError` naming file and line."""
    facts: list[Fact] = []
    last_s: float | None = None
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as bad:
                raise InputError(str(path), f"not valid JSON: {bad.msg} at column {bad.colno}", line=number) from None
            try:
                fact = fact_from_json(obj)
            except ValueError as bad:
                raise InputError(str(path), str(bad), line=number) from None
            if last_s is not None and fact.at_s < last_s:
                raise InputError(str(path), f"at: {fact.at_s:g} is earlier than the previous line's {last_s:g}; facts must be in time order", line=number)
            last_s = fact.at_s
            facts.append(fact)
    return facts


def iter_lines(facts: list[Fact]) -> Iterator[str]:
    for fact in facts:
        yield json.dumps(fact_to_json(fact), sort_keys=True)
