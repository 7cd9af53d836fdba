"""Readers and writers of the CONTRACTS.md tables: round trips and every validation error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.model.errors import InputError
from truceline.model.tables import (
    EVENTS,
    PICKS,
    STATIONS,
    read_picks,
    read_stations,
    read_table,
    write_table,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def stations_csv(tmp_path: Path) -> Path:
    return write(tmp_path / "stations.csv", "station_id,lat,lon,kind,owner\nS1,48.0,37.5,array,UA\nS2,48.1,37.6,,UA\n")


def test_stations_defaults_and_extras(stations_csv: Path) -> None:
    table = read_stations(stations_csv)
    assert table["kind"].to_pylist() == ["array", "mic"]
    assert table["elev_m"].to_pylist() == [0.0, 0.0]
    assert table["owner"].to_pylist() == ["UA", "UA"]  # unknown extra column carried through


def test_pick_time_accepts_iso8601(tmp_path: Path, stations_csv: Path) -> None:
    picks = write(tmp_path / "picks.csv", "pick_id,station_id,time\n1,S1,2026-03-01T10:00:00Z\n2,S2,1772359201.5\n")
    table = read_picks(picks, read_stations(stations_csv))
    assert table["time"].to_pylist() == [1772359200.0, 1772359201.5]
    assert table["pick_id"].to_pylist() == ["1", "2"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("pick_id,station_id,time\n1,S1,10\n2,S1,abc\n", "picks.csv:3: time: 'abc' is not a number or ISO 8601 time"),
        ("pick_id,station_id,time\n1,S9,10\n", "picks.csv:2: station_id: unknown station 'S9'"),
        ("pick_id,station_id,time\n1,S1,10\n1,S2,11\n", "picks.csv:3: pick_id: duplicate '1' (first on line 2)"),
        ("pick_id,station_id,time\n1,S1,nan\n", "picks.csv:2: time: nan is not a finite number"),
        ("pick_id,station_id,time\n1,S1,\n", "picks.csv:2: time: required value is missing"),
        ("pick_id,station\n1,S1\n", "picks.csv: missing required column 'station_id'"),
        ("pick_id,station_id,time,backazimuth_deg\n1,S1,10,400\n", "picks.csv:2: backazimuth_deg: 400 is above the maximum 360"),
    ],
)
def test_pick_errors_name_file_line_column(tmp_path: Path, stations_csv: Path, body: str, message: str) -> None:
    picks = write(tmp_path / "picks.csv", body)
    with pytest.raises(InputError) as caught:
        read_picks(picks, read_stations(stations_csv))
    assert str(caught.value).startswith(str(tmp_path / message.split(":")[0]) + message[len(message.split(":")[0]) :])


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("station_id,lat,lon\nS1,91,37\n", "stations.csv:2: lat: 91 is above the maximum 90"),
        ("station_id,lat,lon\nS1,48,-181\n", "stations.csv:2: lon: -181 is below the minimum -180"),
        ("station_id,lat,lon,kind\nS1,48,37,radar\n", "stations.csv:2: kind: 'radar' is not one of mic, array"),
        ("station_id,lat,lon\nS1,48,37\nS1,48,37\n", "stations.csv:3: station_id: duplicate 'S1'"),
    ],
)
def test_station_errors(tmp_path: Path, body: str, fragment: str) -> None:
    path = write(tmp_path / "stations.csv", body)
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        read_stations(path)


def test_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path / "stations.csv", "station_id,lat,lon\nS1,48,37\n\nS2,x,37\n")
    with pytest.raises(InputError, match=r"stations.csv:4: lat: 'x' is not a number"):
        read_stations(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_stations(tmp_path / "nope.csv")


def test_parquet_errors_name_the_row(tmp_path: Path) -> None:
    table = pa.table({"station_id": ["A", "B"], "lat": [48.0, 95.0], "lon": [37.0, 37.0]})
    write_table(table, tmp_path / "stations.parquet")
    with pytest.raises(InputError, match=r"stations.parquet:2: lat: 95 is above"):
        read_stations(tmp_path / "stations.parquet")


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(
        st.tuples(finite, st.floats(-89, 89), st.floats(-179, 179), st.sampled_from(["launch", "impact", "unknown"])),
        min_size=1,
        max_size=20,
    ),
    suffix=st.sampled_from([".csv", ".parquet"]),
)
def test_events_round_trip(tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[float, float, float, str]], suffix: str) -> None:
    folder = tmp_path_factory.mktemp("rt")
    table = pa.table(
        {
            "event_id": [f"e{i}" for i in range(len(rows))],
            "time": [r[0] for r in rows],
            "lat": [r[1] for r in rows],
            "lon": [r[2] for r in rows],
            "kind": [r[3] for r in rows],
            "analyst_note": ["x, \"quoted\"" for _ in rows],
        }
    )
    path = write_table(table, folder / f"events{suffix}")
    back = read_table(path, EVENTS)
    for name in ("time", "lat", "lon"):
        np.testing.assert_array_equal(np.asarray(back[name]), np.asarray(table[name]))
    assert back["kind"].to_pylist() == table["kind"].to_pylist()
    assert back["analyst_note"].to_pylist() == table["analyst_note"].to_pylist()


def test_specs_have_unique_column_names() -> None:
    for spec in (STATIONS, PICKS, EVENTS):
        names = [c.name for c in spec.columns]
        assert len(names) == len(set(names))
