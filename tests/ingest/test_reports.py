"""The `reports` JSON Lines reader and writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.model.errors import InputError
from truceline.model.reports import Report, read_reports, write_reports


def sample() -> list[Report]:
    return [
        Report(
            report_id="p:1:1", source="patrol", kind="explosion_undetermined", time_start=1488448560.0,
            time_end=1488451080.0, count=22, observer_lat=48.42, observer_lon=38.19, bearing_min_deg=191.25,
            bearing_max_deg=213.75, distance_min_km=3.0, distance_max_km=5.0, reliability="B2",
            text="heard 22 undetermined explosions", line=1, observer_place="Svitlodarsk",
            warnings=("not understood: 'x'",), extras={"bearing": "SSW", "count_qualifier": "about"},
        ),
        Report(report_id="acled:UKR1", source="acled", kind="explosion_impact", lat=48.1, lon=37.7,
               location_uncertainty_km=5.0, reliability="C3"),
    ]


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    assert write_reports(sample(), path) == 2
    assert read_reports(path) == sample()


def test_written_lines_hold_every_contract_field(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    write_reports(sample(), path)
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    for name in ("report_id", "source", "observer_lat", "observer_lon", "time_start", "time_end", "count", "kind",
                 "bearing_min_deg", "bearing_max_deg", "distance_min_km", "distance_max_km", "lat", "lon",
                 "reliability", "text", "line", "observer_place", "weapon", "flight_direction", "warnings"):
        assert name in first
    assert list(first)[-2:] == ["bearing", "count_qualifier"]  # extras after the known fields


def write_lines(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


GOOD = {"report_id": "a", "source": "patrol", "kind": "shot"}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"source": "patrol", "kind": "shot"}, "r.jsonl:2: report_id: is required"),
        (dict(GOOD, count=-1), "r.jsonl:2: count: -1 is not a whole number >= 0"),
        (dict(GOOD, count=2.5), "r.jsonl:2: count: 2.5 is not a whole number >= 0"),
        (dict(GOOD, kind="Big Bang"), "r.jsonl:2: kind: 'Big Bang' is not a kind"),
        (dict(GOOD, reliability="G7"), "r.jsonl:2: reliability: 'G7' is not a NATO/Admiralty grade"),
        (dict(GOOD, lat=91.0, lon=37.0), "r.jsonl:2: lat: 91.0 is out of range [-90, 90]"),
        (dict(GOOD, observer_lat=48.0), "r.jsonl:2: observer_lon: is required when observer_lat is given"),
        (dict(GOOD, time_start=10.0, time_end=5.0), "r.jsonl:2: time_end: 5.0 is before time_start 10.0"),
        (dict(GOOD, time_start="yesterday"), "r.jsonl:2: time_start: 'yesterday' is not a number or ISO 8601 time"),
        (dict(GOOD, distance_min_km=5.0, distance_max_km=3.0), "r.jsonl:2: distance_max_km: 3.0 is less than"),
        (dict(GOOD, warnings="oops"), "r.jsonl:2: warnings: must be a list of strings"),
        ("{not json", "r.jsonl:2: not valid JSON"),
        ("[1, 2]", "r.jsonl:2: each line must hold one JSON object"),
        (dict(GOOD, report_id="first"), "r.jsonl:2: report_id: 'first' repeats the id on line 1"),
    ],
)
def test_errors_name_file_line_and_field(tmp_path: Path, bad: object, message: str) -> None:
    path = write_lines(tmp_path, dict(GOOD, report_id="first"), bad)
    with pytest.raises(InputError) as caught:
        read_reports(path)
    assert str(caught.value).endswith(message) or message in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_an_invalid_record_is_not_written(tmp_path: Path) -> None:
    bad = Report(report_id="x", source="patrol", kind="shot", count=-2)
    with pytest.raises(InputError, match=r"r.jsonl:3: count: -2 is not a whole number"):
        write_reports([*sample(), bad], tmp_path / "r.jsonl")
    assert not (tmp_path / "r.jsonl").exists()


def test_line_separators_inside_strings_survive(tmp_path: Path) -> None:
    report = Report(report_id="r", source="patrol", kind="shot", text="a\u2028b\x85c\rd\x0ce")
    write_reports([report], tmp_path / "r.jsonl")
    assert read_reports(tmp_path / "r.jsonl") == [report]


def test_iso_times_and_extras_are_accepted(tmp_path: Path) -> None:
    path = write_lines(tmp_path, dict(GOOD, time_start="2017-03-02T09:56:00Z", time_end="2017-03-02T10:38:00",
                                      team="T3"), "", dict(GOOD, report_id="b"))
    first, second = read_reports(path)
    assert first.time_start == 1488448560.0 and first.time_end == 1488451080.0
    assert first.extras == {"team": "T3"}
    assert second.report_id == "b"


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    write_reports(sample(), path)
    before = path.read_bytes()
    broken = Report(report_id="x", source="patrol", kind="shot", extras={"bad": float("nan")})
    with pytest.raises((ValueError, InputError)):
        write_reports([*sample(), broken], path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.jsonl"]


optional_float = st.none() | st.floats(min_value=0.0, max_value=90.0, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(
    count=st.none() | st.integers(min_value=0, max_value=10**6),
    time=st.none() | st.floats(min_value=0, max_value=4e9, allow_nan=False),
    lat=optional_float,
    text=st.text(max_size=40),
    warnings=st.lists(st.text(max_size=10), max_size=3),
)
def test_any_valid_report_round_trips(
    tmp_path_factory: pytest.TempPathFactory, count: int | None, time: float | None, lat: float | None, text: str,
    warnings: list[str],
) -> None:
    report = Report(
        report_id="r", source="patrol", kind="shot", count=count, time_start=time, time_end=time, lat=lat,
        lon=None if lat is None else 37.5, text=text, warnings=tuple(warnings), extras={"note": text},
    )
    path = tmp_path_factory.mktemp("rt") / "r.jsonl"
    write_reports([report], path)
    assert read_reports(path) == [report]
