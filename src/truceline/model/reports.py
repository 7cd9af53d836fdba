"""Human and open-source observations: the ``reports`` JSON Lines format of CONTRACTS.md.

One :class:`Report` per observation ("heard 22 undetermined explosions 3-5 km SSW between
09:56 and 10:38"). Patrol reports carry the observer's position and a bearing sector and
distance range; open-source records (OSINT, ACLED) carry a located ``lat``/``lon`` with a
``location_uncertainty_km``. Fields that are not known are ``None``.

Conventions
- times are float seconds (Unix time, UTC); a file may instead hold ISO 8601 strings;
- a bearing sector runs clockwise from ``bearing_min_deg`` to ``bearing_max_deg``, so a
  sector across north has ``min > max`` (N = 348.75..11.25);
- ``count`` ``None`` means "an unstated number" (e.g. "heard bursts of small-arms fire");
- unknown fields are carried through in ``extras`` and written back after the known ones.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from truceline.model.atomic import write_lines_atomically
from truceline.model.errors import InputError, read_text_input

#: ``kind`` values written by the patrol-text parser (CONTRACTS.md, "Patrol text").
PATROL_KINDS: tuple[str, ...] = (
    "explosion_undetermined",
    "explosion_impact",
    "explosion_outgoing",
    "airburst",
    "projectile_in_flight",
    "burst",
    "shot",
    "flare",
    "other",
)

#: The warning the patrol-text reader gives a sentence that sums up a period ("In Donetsk region, the SMM recorded 240
#: ceasefire violations, including 97 explosions"): its counts repeat those of the observations it sums up.
SUMMARY_WARNING = "reads as a summary of the period: its counts may repeat those of other sentences"

_KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
_RELIABILITY_PATTERN = re.compile(r"^[A-F][1-6]$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One observation by a person or an open source."""

    report_id: str
    source: str
    kind: str
    time_start: float | None = None
    time_end: float | None = None
    count: int | None = None
    observer_lat: float | None = None
    observer_lon: float | None = None
    bearing_min_deg: float | None = None
    bearing_max_deg: float | None = None
    distance_min_km: float | None = None
    distance_max_km: float | None = None
    lat: float | None = None
    lon: float | None = None
    location_uncertainty_km: float | None = None
    reliability: str | None = None
    text: str = ""
    line: int | None = None
    observer_place: str | None = None
    weapon: str | None = None
    flight_direction: str | None = None
    warnings: tuple[str, ...] = ()
    extras: Mapping[str, Any] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        """The record as one JSON object: every known field (``null`` when unknown), then extras."""
        record: dict[str, Any] = {}
        for name in _FIELD_ORDER:
            value = getattr(self, name)
            record[name] = list(value) if name == "warnings" else value
        for key, value in self.extras.items():
            if key not in record:
                record[key] = value
        return record


_FIELD_ORDER: tuple[str, ...] = (
    "report_id",
    "source",
    "kind",
    "time_start",
    "time_end",
    "count",
    "observer_lat",
    "observer_lon",
    "bearing_min_deg",
    "bearing_max_deg",
    "distance_min_km",
    "distance_max_km",
    "lat",
    "lon",
    "location_uncertainty_km",
    "reliability",
    "text",
    "line",
    "observer_place",
    "weapon",
    "flight_direction",
    "warnings",
)

_REQUIRED = ("report_id", "source", "kind")
_FLOAT_RANGES: dict[str, tuple[float, float]] = {
    "observer_lat": (-90.0, 90.0),
    "observer_lon": (-180.0, 180.0),
    "lat": (-90.0, 90.0),
    "lon": (-180.0, 180.0),
    "bearing_min_deg": (0.0, 360.0),
    "bearing_max_deg": (0.0, 360.0),
    "distance_min_km": (0.0, math.inf),
    "distance_max_km": (0.0, math.inf),
    "location_uncertainty_km": (0.0, math.inf),
}
_OPTIONAL_STRINGS = ("observer_place", "weapon", "flight_direction")


def report_from_dict(record: Mapping[str, Any], *, path: str = "<reports>", line: int | None = None) -> Report:
    """Validate one decoded JSON object and build a :class:`Report`.

    Raises :class:`InputError` naming ``path:line: field`` for the first problem found.
    """

    def fail(column: str, message: str) -> InputError:
        return InputError(path, message, line=line, column=column)

    for name in _REQUIRED:
        value = record.get(name)
        if value is None:
            raise fail(name, "is required")
        if not isinstance(value, str) or not value.strip():
            raise fail(name, f"must be a non-empty string, not {value!r}")
    kind = record["kind"]
    if not _KIND_PATTERN.match(kind):
        raise fail("kind", f"{kind!r} is not a kind (lower-case words joined by '_', e.g. explosion_impact)")

    values: dict[str, Any] = {"report_id": record["report_id"], "source": record["source"], "kind": kind}
    for name in ("time_start", "time_end"):
        values[name] = _time_value(record.get(name), fail, name)
    if values["time_start"] is not None and values["time_end"] is not None:
        if values["time_end"] < values["time_start"]:
            raise fail("time_end", f"{values['time_end']} is before time_start {values['time_start']}")

    count = record.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        raise fail("count", f"{count!r} is not a whole number >= 0")
    values["count"] = count

    for name, (low, high) in _FLOAT_RANGES.items():
        values[name] = _float_value(record.get(name), fail, name, low, high)
    for low_name, high_name in (("distance_min_km", "distance_max_km"),):
        if values[low_name] is not None and values[high_name] is not None and values[low_name] > values[high_name]:
            raise fail(high_name, f"{values[high_name]} is less than {low_name} {values[low_name]}")
    for pair in (("observer_lat", "observer_lon"), ("lat", "lon"), ("bearing_min_deg", "bearing_max_deg")):
        if (values[pair[0]] is None) != (values[pair[1]] is None):
            missing = pair[0] if values[pair[0]] is None else pair[1]
            raise fail(missing, f"is required when {pair[1] if missing == pair[0] else pair[0]} is given")

    reliability = record.get("reliability")
    if reliability is not None and (not isinstance(reliability, str) or not _RELIABILITY_PATTERN.match(reliability)):
        raise fail("reliability", f"{reliability!r} is not a NATO/Admiralty grade (A-F then 1-6, e.g. B2)")
    values["reliability"] = reliability

    text = record.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise fail("text", f"must be a string, not {text!r}")
    values["text"] = text

    line_value = record.get("line")
    if line_value is not None and (isinstance(line_value, bool) or not isinstance(line_value, int) or line_value < 1):
        raise fail("line", f"{line_value!r} is not a line number (a whole number >= 1)")
    values["line"] = line_value

    for name in _OPTIONAL_STRINGS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise fail(name, f"must be a string or null, not {value!r}")
        values[name] = value

    warnings = record.get("warnings")
    if warnings is None:
        warnings = []
    if not isinstance(warnings, list) or not all(isinstance(item, str) for item in warnings):
        raise fail("warnings", "must be a list of strings")
    values["warnings"] = tuple(warnings)

    values["extras"] = {key: value for key, value in record.items() if key not in _FIELD_ORDER}
    return Report(**values)


def _time_value(value: Any, fail: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise fail(name, f"{value!r} is not a time (seconds or ISO 8601)")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise fail(name, f"{value!r} is not a finite time")
        return float(value)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise fail(name, f"{value!r} is not a number or ISO 8601 time") from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.timestamp()
    raise fail(name, f"{value!r} is not a time (seconds or ISO 8601)")


def _float_value(value: Any, fail: Any, name: str, low: float, high: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(name, f"{value!r} is not a number")
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        raise fail(name, f"{value!r} is out of range [{low:g}, {high:g}]")
    return number


def read_reports(path: str | os.PathLike[str]) -> list[Report]:
    """Read and validate a ``reports`` JSON Lines file (blank lines are skipped).

    Errors name the file, the 1-based line and the field: ``r.jsonl:3: count: -1 is not ...``.
    """
    name = os.fspath(path)
    text = read_text_input(name)
    reports: list[Report] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.split("\n"), start=1):  # not splitlines(): U+2028 may sit inside a string
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as problem:
            raise InputError(name, f"not valid JSON ({problem.msg}, column {problem.colno})", line=number) from None
        if not isinstance(record, dict):
            raise InputError(name, "each line must hold one JSON object", line=number)
        report = report_from_dict(record, path=name, line=number)
        if report.report_id in seen:
            raise InputError(
                name, f"{report.report_id!r} repeats the id on line {seen[report.report_id]}", line=number,
                column="report_id",
            )
        seen[report.report_id] = number
        reports.append(report)
    return reports


def write_reports(reports: Iterable[Report], path: str | os.PathLike[str]) -> int:
    """Write reports as JSON Lines, all or nothing (a temporary file renamed into place).

    Every record is validated as :func:`read_reports` would (an invalid one raises
    :class:`InputError` and nothing is written). Returns the number of records written.
    """
    target = Path(os.fspath(path))
    lines: list[str] = []
    for number, report in enumerate(reports, start=1):
        record = report.to_json_dict()
        report_from_dict(record, path=os.fspath(target), line=number)  # what is written can be read back
        lines.append(json.dumps(record, ensure_ascii=False, allow_nan=False))
    return write_lines_atomically(target, lines)
