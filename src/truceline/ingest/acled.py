"""ACLED CSV exports -> ``reports`` records (source ``acled``).

ACLED (the Armed Conflict Location & Event Data project) codes one row per event per day and
place: ``event_id_cnty, event_date, event_type, sub_event_type, actor1, actor2, latitude,
longitude, geo_precision, time_precision, source, notes, fatalities, ...``.

Each row becomes one located record:

- ``report_id`` ``acled:<event_id_cnty>``; ``lat``/``lon`` from ``latitude``/``longitude``;
- ``location_uncertainty_km`` from ``geo_precision`` (1: the named town, 5 km; 2: near a town or
  in a small area, 25 km; 3: only the region is known, 100 km);
- ``time_start``..``time_end``: the event day in UTC (``time_precision`` 2 widens it to the week
  around the date, 3 to the month);
- ``kind``: shelling/artillery/missile attacks, air/drone strikes and grenades are
  ``explosion_impact`` (ACLED records where fire landed), remote explosives
  ``explosion_undetermined``, everything else ``other``; ``count`` is left empty (a row may
  stand for several strikes);
- ``reliability`` a grade for the whole file (default ``C3``: a compiled secondary source, fairly
  reliable, possibly true) that a user may override;
- ``text`` the ACLED ``notes``; every other column is carried through as an extra field (ACLED's
  own ``source`` as ``acled_source``).

The whole file is validated before anything is returned: a bad row is an error naming its line
and column, and no records come back.
"""

from __future__ import annotations

import csv
import os
import re
from datetime import date as Date
from datetime import datetime, timedelta, timezone
from typing import Any

from truceline.ingest import phrases as ph
from truceline.model.errors import InputError
from truceline.model.reports import Report

REQUIRED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
GEO_PRECISION_KM = {1: 5.0, 2: 25.0, 3: 100.0}
DEFAULT_RELIABILITY = "C3"
_IMPACT_TYPES = {"shelling/artillery/missile attack", "air/drone strike", "grenade"}
_UNDETERMINED_TYPES = {"remote explosive/landmine/ied", "suicide bomb"}
#: The date styles ACLED has written ("2022-03-01" in today's exports and the API, "01 March 2022" in older Excel
#: exports, "1-March-2022"), and what a spreadsheet writes when it re-saves one ("1-Mar-22", "2022-03-01 00:00:00").
#: "3/1/2022" is not accepted: month and day cannot be told apart.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%B %d, %Y", "%d.%m.%Y", "%d-%b-%y",
                 "%d %B, %Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y/%m/%d")
_RENAMED = {"source": "acled_source"}
_USED = {"event_date", "latitude", "longitude", "notes"}


def read_acled(path: str | os.PathLike[str], *, reliability: str = DEFAULT_RELIABILITY) -> list[Report]:
    """Read an ACLED CSV export. All rows are checked; the first bad one raises :class:`InputError`."""
    name = os.fspath(path)
    if not re.fullmatch(r"[A-F][1-6]", reliability):
        raise InputError(name, f"reliability {reliability!r} is not a NATO/Admiralty grade such as C3")
    try:
        with open(name, encoding="utf-8-sig", newline="") as stream:
            delimiter = _delimiter(stream.readline())
            stream.seek(0)
            return _read_rows(csv.reader(stream, delimiter=delimiter), name, reliability, decimal_comma=delimiter == ";")
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except UnicodeDecodeError as problem:
        raise InputError(name, f"not UTF-8 text ({problem.reason} at byte {problem.start})") from None
    except csv.Error as problem:
        raise InputError(name, f"not valid CSV ({problem})") from None


def _delimiter(first_line: str) -> str:
    """"," as ACLED writes; ";" or a tab when the header has no comma but those (a spreadsheet's re-save)."""
    if "," not in first_line:
        for candidate in (";", "\t"):
            if first_line.count(candidate) >= len(REQUIRED_COLUMNS) - 1:
                return candidate
    return ","


def _read_rows(reader: Any, name: str, reliability: str, *, decimal_comma: bool = False) -> list[Report]:
    header = next(reader, None)
    if header is None:
        raise InputError(name, "is empty (expected a header row with ACLED column names)")
    header = [column.strip().lstrip("\ufeff").lower() for column in header]  # older exports: EVENT_ID_CNTY
    repeated = sorted({column for column in header if column and header.count(column) > 1})
    if repeated:
        raise InputError(name, f"column(s) {', '.join(repeated)} named more than once in the header", line=1)
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise InputError(
            name, f"missing column(s) {', '.join(missing)} (is this an ACLED export? it has: {', '.join(header[:8])}...)",
            line=1,
        )
    reports: list[Report] = []
    seen: dict[str, int] = {}
    previous_end = reader.line_num
    for cells in reader:
        line = previous_end + 1  # where the record starts (a quoted note may span lines)
        previous_end = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise InputError(name, f"has {len(cells)} fields, the header has {len(header)}", line=line)
        row = dict(zip(header, cells))
        report = _report(row, name, line, reliability, decimal_comma)
        if report.report_id in seen:
            raise InputError(
                name, f"{row['event_id_cnty']!r} repeats the event on line {seen[report.report_id]}",
                line=line, column="event_id_cnty",
            )
        seen[report.report_id] = line
        reports.append(report)
    return reports


def _report(row: dict[str, str], name: str, line: int, reliability: str, decimal_comma: bool = False) -> Report:
    def fail(column: str, message: str) -> InputError:
        return InputError(name, message, line=line, column=column)

    event_id = row["event_id_cnty"].strip()
    if not event_id:
        raise fail("event_id_cnty", "is empty")
    if not row["event_type"].strip():
        raise fail("event_type", "is empty")
    day = _parse_date(row["event_date"])
    if day is None:
        raise fail("event_date", f"{row['event_date']!r} is not a date (YYYY-MM-DD or '3 March 2022')")
    lat = _float(row["latitude"], -90.0, 90.0, decimal_comma)
    if lat is None:
        raise fail("latitude", f"{row['latitude']!r} is not a latitude (a number from -90 to 90)")
    lon = _float(row["longitude"], -180.0, 180.0, decimal_comma)
    if lon is None:
        raise fail("longitude", f"{row['longitude']!r} is not a longitude (a number from -180 to 180)")
    extras: dict[str, Any] = {}
    for column in ("geo_precision", "time_precision", "fatalities"):
        text = row.get(column, "").strip()
        if not text:
            continue
        allowed = range(0, 10**7) if column == "fatalities" else range(1, 4)
        if not re.fullmatch(r"\d+(?:\.0*)?", text) or int(float(text)) not in allowed:  # "1.0": a spreadsheet's re-save
            expected = "a whole number >= 0" if column == "fatalities" else "1, 2 or 3"
            raise fail(column, f"{text!r} is not {expected}")
        extras[column] = int(float(text))
    for column, value in row.items():
        if column in _USED or column in extras or not column:
            continue
        extras[_RENAMED.get(column, column)] = value
    start, end = _window(day, extras.get("time_precision", 1))
    sub_type = row.get("sub_event_type", "").strip().lower()
    kind = "explosion_impact" if sub_type in _IMPACT_TYPES else "explosion_undetermined" if sub_type in _UNDETERMINED_TYPES else "other"
    notes = row.get("notes", "").strip()
    return Report(
        report_id=f"acled:{event_id}", source="acled", kind=kind, time_start=start, time_end=end,
        lat=lat, lon=lon, location_uncertainty_km=GEO_PRECISION_KM.get(extras.get("geo_precision", 0)),
        reliability=reliability, text=notes, line=line, extras=extras, weapon=_weapon(notes),
    )


def _weapon(notes: str) -> str | None:
    """The first weapon the notes name ("shelled … with 122mm artillery", "Grad MLRS"), as patrol text reads it."""
    found: list[tuple[int, str]] = []
    for pattern, label in ph.WEAPON_PATTERNS:
        match = pattern.search(notes)
        if match is not None:
            found.append((match.start(), label))
    if found:
        return min(found)[1]
    calibre = ph.CALIBRE.search(notes)
    return ph.weapon_for_calibre(ph.calibre_value(calibre["mm"])) if calibre is not None else None


def _parse_date(text: str) -> Date | None:
    text = text.strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _float(text: str, low: float, high: float, decimal_comma: bool = False) -> float | None:
    """A number in [low, high]; "48,1394" too in a ';'-separated file (a spreadsheet's re-save in a comma-decimal
    locale). Not "nan" or "inf"."""
    text = text.strip()
    if decimal_comma and re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", text):
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if low <= value <= high else None


def _window(day: Date, time_precision: int) -> tuple[float, float]:
    """The UTC interval an ACLED date stands for, given its ``time_precision``."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    if time_precision == 2:
        first, last = midnight - timedelta(days=3), midnight + timedelta(days=4)
    elif time_precision == 3:
        first = midnight.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1)
    else:
        first, last = midnight, midnight + timedelta(days=1)
    return first.timestamp(), last.timestamp()
