"""Columnar interchange tables of CONTRACTS.md: specs, validating readers, writers.

Every table is read into a :class:`pyarrow.Table` with typed columns (``float64``,
``int64`` or ``string``); unknown extra columns are carried through unchanged. Files are
CSV (UTF-8, header row) or Parquet, chosen by extension. A problem is reported as
``file:line: column: message`` where ``line`` is the 1-based line of the CSV (the header
is line 1) or the 1-based row of a Parquet file.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from truceline.model.atomic import atomic_target
from truceline.model.errors import InputError

ColumnKind = Literal["str", "id", "float", "int", "time"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """One column of a table: its type, whether it is required, its default and its range."""

    name: str
    kind: ColumnKind
    required: bool = True
    default: object = None
    minimum: float | None = None
    maximum: float | None = None
    allowed: tuple[str, ...] | None = None
    finite: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    unique: str | None = None

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)



STATIONS = TableSpec(
    name="stations",
    unique="station_id",
    columns=(
        Column(name="station_id", kind="id"),
        Column(name="lat", kind="float", minimum=-90.0, maximum=90.0),
        Column(name="lon", kind="float", minimum=-180.0, maximum=180.0),
        Column(name="elev_m", kind="float", required=False, default=0.0),
        Column(name="kind", kind="str", required=False, default="mic", allowed=("mic", "array")),
    ),
)

PICKS = TableSpec(
    name="picks",
    unique="pick_id",
    columns=(
        Column(name="pick_id", kind="id"),
        Column(name="station_id", kind="id"),
        Column(name="time", kind="time"),
        Column(name="backazimuth_deg", kind="float", required=False, minimum=-360.0, maximum=360.0),
        Column(name="backazimuth_sigma_deg", kind="float", required=False, minimum=0.0, maximum=180.0),
        Column(name="amplitude", kind="float", required=False),
        Column(name="snr", kind="float", required=False),
    ),
)

#: squared Mahalanobis radius of a 95 % ellipse in two dimensions (chi-square, 2 degrees of freedom): the events'
#: ``ellipse_major_km`` / ``ellipse_minor_km`` are the semi-axes of the position covariance scaled by its root
CHI2_2DOF_95 = 5.991464547107979

EVENTS = TableSpec(
    name="events",
    unique="event_id",
    columns=(
        Column(name="event_id", kind="id"),
        Column(name="time", kind="time"),
        Column(name="lat", kind="float", minimum=-90.0, maximum=90.0),
        Column(name="lon", kind="float", minimum=-180.0, maximum=180.0),
        Column(name="time_sigma_s", kind="float", required=False, minimum=0.0),
        Column(name="ellipse_major_km", kind="float", required=False, minimum=0.0),
        Column(name="ellipse_minor_km", kind="float", required=False, minimum=0.0),
        Column(name="ellipse_azimuth_deg", kind="float", required=False, minimum=-360.0, maximum=360.0),
        Column(name="n_picks", kind="int", required=False, minimum=0),
        Column(name="side", kind="str", required=False, default=""),
        Column(name="p_side", kind="float", required=False, minimum=0.0, maximum=1.0),
        Column(name="kind", kind="str", required=False, default="unknown", allowed=("launch", "impact", "unknown")),
        Column(name="firing_party", kind="str", required=False),
        Column(name="p_firing_party", kind="float", required=False, minimum=0.0, maximum=1.0),
        Column(name="pair_event_id", kind="str", required=False),
        Column(
            name="status",
            kind="str",
            required=False,
            allowed=("automatic", "corroborated", "verified", "disputed", "dismissed"),
        ),
    ),
)

ASSIGNMENTS = TableSpec(
    name="assignments",
    unique="pick_id",
    columns=(
        Column(name="pick_id", kind="id"),
        Column(name="event_id", kind="id"),
        Column(name="residual_s", kind="float", required=False),
    ),
)

TRUTH_EVENTS = TableSpec(
    name="truth_events",
    unique="event_id",
    columns=(
        Column(name="event_id", kind="id"),
        Column(name="time", kind="time"),
        Column(name="lat", kind="float", minimum=-90.0, maximum=90.0),
        Column(name="lon", kind="float", minimum=-180.0, maximum=180.0),
        Column(name="side", kind="str", required=False, default=""),
        Column(name="kind", kind="str", required=False, default="unknown", allowed=("launch", "impact", "unknown")),
        Column(name="pair_id", kind="id", required=False),
        Column(name="firing_party", kind="str", required=False),
        Column(name="n_picks", kind="int", required=False, minimum=0),
    ),
)

TRUTH_PICKS = TableSpec(
    name="truth_picks",
    unique="pick_id",
    columns=(Column(name="pick_id", kind="id"), Column(name="event_id", kind="id")),
)


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() in {".parquet", ".pq"}


def _raw_table(path: Path) -> tuple[pa.Table, np.ndarray]:
    """Read a file as-is; returns the table and the 1-based line (or row) of each row."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if _is_parquet(path):
        try:
            table = pq.read_table(path)
        except (pa.ArrowInvalid, OSError) as problem:
            raise InputError(str(path), f"not a readable Parquet file ({problem})") from None
        return table, np.arange(1, table.num_rows + 1)
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle), [])
        # every column as text: conversion and its errors (with line numbers) are ours
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(encoding="utf8"),
            parse_options=pacsv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except pa.ArrowInvalid as problem:
        raise InputError(str(path), f"not a readable CSV file: {_arrow_reason(problem)}") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    lines = np.arange(2, table.num_rows + 2)
    if table.num_rows and table.num_columns:
        empty = np.ones(table.num_rows, dtype=bool)
        for name in table.column_names:
            text = pc.utf8_trim_whitespace(pc.fill_null(table[name], ""))
            empty &= np.asarray(pc.equal(text, "").to_numpy(zero_copy_only=False), dtype=bool)
        if empty.any():
            keep = ~empty
            table = table.filter(pa.array(keep))
            lines = lines[keep]
    return table, lines


def _arrow_reason(problem: Exception) -> str:
    text = str(problem).strip().splitlines()[0]
    return text.replace("CSV parse error: ", "")


def _cell_text(values: Sequence[object], index: int) -> str:
    return repr(values[index]) if values[index] is not None else "empty"


def _parse_time_text(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        pass
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    moment = datetime.fromisoformat(cleaned)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _to_float(path: Path, column: Column, array: pa.ChunkedArray, lines: np.ndarray) -> np.ndarray:
    """Convert a column to float64 with NaN for missing cells, naming the first bad cell."""
    if pa.types.is_floating(array.type) or pa.types.is_integer(array.type):
        return np.asarray(pc.cast(array, pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)
    if pa.types.is_timestamp(array.type):
        seconds = pc.divide(pc.cast(pc.cast(array, pa.timestamp("ns", "UTC")), pa.int64()), 1e9)
        return np.asarray(seconds.to_numpy(zero_copy_only=False), dtype=np.float64)
    if pa.types.is_null(array.type):
        return np.full(len(array), np.nan)
    values = array.to_pylist()
    cleaned = ["nan" if v is None or not str(v).strip() else v for v in values]
    try:
        return np.asarray(cleaned, dtype=np.float64)  # fast path: all plain numbers
    except ValueError:
        pass
    out = np.full(len(values), np.nan)
    for index, value in enumerate(values):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            if column.kind == "time":
                out[index] = _parse_time_text(str(value))
            else:
                out[index] = float(str(value))
        except (ValueError, OverflowError):
            expected = "a number or ISO 8601 time" if column.kind == "time" else "a number"
            raise InputError(
                str(path), f"{value!r} is not {expected}", line=int(lines[index]), column=column.name
            ) from None
    return out


def _check_range(path: Path, column: Column, values: np.ndarray, present: np.ndarray, lines: np.ndarray) -> None:
    if column.finite:
        bad = present & ~np.isfinite(values)
        if bad.any():
            index = int(np.flatnonzero(bad)[0])
            raise InputError(str(path), f"{float(values[index])!r} is not a finite number", line=int(lines[index]), column=column.name)
    if column.minimum is not None:
        bad = present & (values < column.minimum)
        if bad.any():
            index = int(np.flatnonzero(bad)[0])
            raise InputError(
                str(path),
                f"{values[index]:g} is below the minimum {column.minimum:g}",
                line=int(lines[index]),
                column=column.name,
            )
    if column.maximum is not None:
        bad = present & (values > column.maximum)
        if bad.any():
            index = int(np.flatnonzero(bad)[0])
            raise InputError(
                str(path),
                f"{values[index]:g} is above the maximum {column.maximum:g}",
                line=int(lines[index]),
                column=column.name,
            )


def _to_text(array: pa.ChunkedArray) -> list[str | None]:
    if pa.types.is_floating(array.type):
        values = array.to_pylist()
        return [None if v is None or (isinstance(v, float) and math.isnan(v)) else _float_id(v) for v in values]
    return [None if v is None else str(v) for v in array.to_pylist()]


def _float_id(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _missing(path: Path, column: Column, present: np.ndarray, lines: np.ndarray) -> None:
    if column.required and not present.all():
        index = int(np.flatnonzero(~present)[0])
        raise InputError(str(path), "required value is missing", line=int(lines[index]), column=column.name)


def validate_table(path: Path, spec: TableSpec, raw: pa.Table, lines: np.ndarray) -> pa.Table:
    """Check and type every known column; returns the typed table with extras carried through."""
    names = raw.column_names
    for column in spec.columns:
        if column.required and column.name not in names:
            raise InputError(
                str(path),
                f"missing required column '{column.name}' (the file has: {', '.join(names) or 'no columns'})",
            )
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise InputError(str(path), f"column named more than once: {', '.join(sorted(duplicates))}")
    fields: list[pa.Array] = []
    out_names: list[str] = []
    known = {column.name for column in spec.columns}
    for column in spec.columns:
        if column.name not in names:
            if column.default is not None:
                fields.append(_constant(column, raw.num_rows))
                out_names.append(column.name)
            continue
        array = raw[column.name]
        if column.kind in {"float", "time", "int"}:
            values = _to_float(path, column, array, lines)
            if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
                # presence is about the text: a literal "nan" is a value (and is then not finite)
                present = np.array([v is not None and str(v).strip() != "" for v in array.to_pylist()], dtype=bool)
            else:
                present = ~np.isnan(values)
            _missing(path, column, present, lines)
            _check_range(path, column, values, present, lines)
            if column.default is not None:
                values = np.where(present, values, float(column.default))  # type: ignore[arg-type]
            if column.kind == "int":
                frac = present & (np.mod(values, 1.0) != 0)
                if frac.any():
                    index = int(np.flatnonzero(frac)[0])
                    raise InputError(str(path), f"{float(values[index])!r} is not a whole number", line=int(lines[index]), column=column.name)
                fields.append(pa.array(np.where(np.isnan(values), 0, values).astype(np.int64), mask=np.isnan(values)))
            else:
                fields.append(pa.array(values, mask=np.isnan(values) if column.default is None else None))
        else:
            texts = _to_text(array)
            present = np.array([v is not None and v.strip() != "" for v in texts], dtype=bool)
            _missing(path, column, present, lines)
            if column.default is not None:
                texts = [v if ok else str(column.default) for v, ok in zip(texts, present)]
            if column.allowed is not None:
                for index, value in enumerate(texts):
                    if value is not None and value != "" and value not in column.allowed:
                        raise InputError(
                            str(path),
                            f"{value!r} is not one of {', '.join(column.allowed)}",
                            line=int(lines[index]),
                            column=column.name,
                        )
            fields.append(pa.array([v.strip() if v is not None else None for v in texts], type=pa.string()))
        out_names.append(column.name)
    for name in names:
        if name not in known:
            fields.append(raw[name].combine_chunks() if isinstance(raw[name], pa.ChunkedArray) else raw[name])
            out_names.append(name)
    table = pa.Table.from_arrays(fields, names=out_names)
    if spec.unique is not None and table.num_rows:
        _check_unique(path, spec.unique, table, lines)
    return table


def _constant(column: Column, length: int) -> pa.Array:
    if column.kind in {"float", "time"}:
        return pa.array(np.full(length, float(column.default)))  # type: ignore[arg-type]
    if column.kind == "int":
        return pa.array(np.full(length, int(column.default)), type=pa.int64())  # type: ignore[call-overload]
    return pa.array([str(column.default)] * length, type=pa.string())


def _check_unique(path: Path, name: str, table: pa.Table, lines: np.ndarray) -> None:
    seen: dict[str, int] = {}
    for index, value in enumerate(table[name].to_pylist()):
        if value in seen:
            raise InputError(
                str(path),
                f"duplicate {value!r} (first on line {seen[value]})",
                line=int(lines[index]),
                column=name,
            )
        seen[value] = int(lines[index])


def read_table(path: str | Path, spec: TableSpec) -> pa.Table:
    """Read and validate one table file (CSV or Parquet by extension)."""
    file = Path(path)
    raw, lines = _raw_table(file)
    return validate_table(file, spec, raw, lines)


def read_table_with_lines(path: str | Path, spec: TableSpec) -> tuple[pa.Table, np.ndarray]:
    """As :func:`read_table`, also returning each row's 1-based line for later cross-checks."""
    file = Path(path)
    raw, lines = _raw_table(file)
    return validate_table(file, spec, raw, lines), lines


def write_table(table: pa.Table, path: str | Path) -> Path:
    """Write a table as CSV or Parquet by extension, atomically (temp file, then rename)."""
    file = Path(path)
    with atomic_target(file) as partial:
        if _is_parquet(file):
            pq.write_table(table, partial)
        else:
            pacsv.write_csv(table, partial, write_options=pacsv.WriteOptions(quoting_style="needed"))
    return file


def read_stations(path: str | Path) -> pa.Table:
    return read_table(path, STATIONS)


def read_picks(path: str | Path, stations: pa.Table | None = None) -> pa.Table:
    """Read picks; with ``stations``, every ``station_id`` must name one of them."""
    table, lines = read_table_with_lines(path, PICKS)
    if stations is not None and table.num_rows:
        known = set(stations["station_id"].to_pylist())
        for index, station in enumerate(table["station_id"].to_pylist()):
            if station not in known:
                raise InputError(
                    str(path), f"unknown station {station!r} (not in the stations file)", line=int(lines[index]), column="station_id"
                )
    return table
