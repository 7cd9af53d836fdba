"""Patrol text as a whole file: nothing dropped, ids, dates, time zones, options, the CLI."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.cli import main
from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol.reader import parse_patrol_text
from truceline.ingest.patrol.split import split_sentences
from truceline.model.errors import InputError
from truceline.model.reports import PATROL_KINDS, read_reports

GAZETTEER = Gazetteer.bundled()

DAY = """\
3 March 2017
In Donetsk region, the SMM recorded more ceasefire violations, including about 690 explosions, compared with the previous reporting period.
On the evening and night of 2-3 March, the SMM camera in Avdiivka (government-controlled, 17km north of Donetsk) recorded, in sequence, 57 undetermined explosions, 45 projectiles in flight from west to east and 12 from east to west, all 1-4km east-north-east.

Positioned 2km south-west of Svitlodarsk, the SMM heard 22 undetermined explosions 3–5km SSW between 09:56 and 10:38. It also heard 3 shots 1km south.
Positioned in Kalynove (non-government-controlled, 60km west of Luhansk), the SMM heard an explosion assessed as an impact of an artillery round 6-8km north-west at 01:15.
The SMM saw a white car.
    ???   
1.2.3 km
Seventeen.
"""


def parse(text: str, **options: object) -> list[dict[str, object]]:
    reports = parse_patrol_text(text, file_name="day.txt", gazetteer=GAZETTEER, **options)  # type: ignore[arg-type]
    return [report.to_json_dict() for report in reports]


def test_every_line_that_is_not_blank_gives_a_record() -> None:
    records = parse(DAY)
    lines = [number for number, line in enumerate(DAY.splitlines(), start=1) if line.strip()]
    assert sorted({record["line"] for record in records}) == lines  # type: ignore[type-var]
    for record in records:
        assert record["text"] and record["text"] in DAY.splitlines()[record["line"] - 1]  # type: ignore[index,operator]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=6))
def test_nothing_is_dropped_whatever_the_text(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ") for line in lines)
    records = parse(text, date=date(2017, 3, 2))
    wanted = {n for n, line in enumerate(text.split("\n"), start=1) if line.strip()}
    assert {record["line"] for record in records} == wanted


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=999),
    low=st.integers(min_value=0, max_value=9),
    width=st.integers(min_value=0, max_value=9),
    point=st.sampled_from(["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]),
    hour=st.integers(min_value=0, max_value=23),
)
def test_generated_sentences_read_back(count: int, low: int, width: int, point: str, hour: int) -> None:
    sentence = (f"Positioned in Popasna, the SMM heard {count} undetermined explosions {low}-{low + width}km {point} "
                f"at {hour:02d}:15.")
    (record,) = parse(sentence, date=date(2017, 3, 2))
    centre = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"].index(point) * 22.5
    assert record["count"] == count
    assert (record["distance_min_km"], record["distance_max_km"]) == (low, low + width)
    assert record["bearing_min_deg"] == (centre - 11.25) % 360 and record["bearing_max_deg"] == (centre + 11.25) % 360
    assert record["time_start"] == datetime(2017, 3, 2, hour, 15, tzinfo=timezone.utc).timestamp()
    assert record["observer_place"] == "Popasna" and record["warnings"] == []


def test_kinds_are_those_of_the_contract() -> None:
    kinds = {record["kind"] for record in parse(DAY + "The SMM saw a flash and 2 airbursts and 3 flares and 4 impacts.\n")}
    assert kinds <= set(PATROL_KINDS)
    assert {"explosion_undetermined", "projectile_in_flight", "explosion_impact", "other", "airburst", "flare",
            "shot"} <= kinds


def test_ids_are_deterministic_and_unique() -> None:
    first, second = parse(DAY), parse(DAY)
    assert [r["report_id"] for r in first] == [r["report_id"] for r in second]
    ids = [r["report_id"] for r in first]
    assert len(set(ids)) == len(ids)
    assert "day.txt:5:1" in ids and "day.txt:5:2" in ids  # two sentences on line 5


def test_dates_from_text_and_from_option() -> None:
    records = {r["report_id"]: r for r in parse(DAY)}
    # "On the evening and night of 2-3 March": 01:15 belongs to the 3rd
    assert records["day.txt:6:1"]["time_start"] == datetime(2017, 3, 3, 1, 15, tzinfo=timezone.utc).timestamp()
    (undated,) = parse("The SMM heard an explosion 2km east at 14:05.")
    assert undated["time_start"] is None and "time 14:05 has no date: pass --date" in undated["warnings"]
    (dated,) = parse("The SMM heard an explosion 2km east at 14:05.", date=date(2017, 3, 2))
    assert dated["time_start"] == datetime(2017, 3, 2, 14, 5, tzinfo=timezone.utc).timestamp()
    (kyiv,) = parse("The SMM heard an explosion 2km east at 14:05.", date=date(2017, 3, 2), tz=ZoneInfo("Europe/Kyiv"))
    assert kyiv["time_start"] == datetime(2017, 3, 2, 12, 5, tzinfo=timezone.utc).timestamp()  # EET = UTC+2


def test_position_carries_to_it_also_but_not_to_the_next_line() -> None:
    records = parse("Positioned in Popasna, the SMM heard 2 shots 1km east. It also heard 3 bursts 2km east.\n"
                    "The SMM heard 4 shots 3km north.")
    assert [r["observer_place"] for r in records] == ["Popasna", "Popasna", None]


def test_reliability_and_source() -> None:
    (record,) = parse("The SMM heard 4 shots 3km north.")
    assert record["reliability"] == "B2" and record["source"] == "patrol"
    (record,) = parse("The SMM heard 4 shots 3km north.", reliability="A1", source="smm")
    assert record["reliability"] == "A1" and record["source"] == "smm"
    with pytest.raises(InputError, match="not a NATO/Admiralty grade"):
        parse("x", reliability="Z9")


def test_sentence_splitting_keeps_coordinates_and_abbreviations() -> None:
    line = "Positioned at 48.4012, 37.8123, the SMM heard approx. 5 shots. It also heard 2 bursts."
    assert [line[a:b] for a, b in split_sentences(line)] == [
        "Positioned at 48.4012, 37.8123, the SMM heard approx. 5 shots.", "It also heard 2 bursts."]


def test_cli_patrol_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "day.txt"
    source.write_text(DAY, encoding="utf-8")
    out = tmp_path / "out" / "reports.jsonl"
    main(["ingest", "patrol-text", str(source), "--date", "2017-03-02", "--timezone", "Europe/Kyiv", "--out", str(out)])
    reports = read_reports(out)
    assert len(reports) == len(parse(DAY))
    assert f"wrote {len(reports)} reports to {out}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--date", "2017-02-30"], "'2017-02-30' is not a date in the form YYYY-MM-DD"),
        (["--timezone", "Mars/Olympus"], "'Mars/Olympus' is not a time zone name"),
        (["--reliability", "B9"], "'B9' is not a NATO/Admiralty grade"),
        (["--hearsay-reliability", "G1"], "'G1' is not a NATO/Admiralty grade"),
    ],
)
def test_cli_rejects_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str) -> None:
    source = tmp_path / "day.txt"
    source.write_text("The SMM heard 4 shots 3km north.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["ingest", "patrol-text", str(source), "--out", str(tmp_path / "o.jsonl"), *arguments])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_what_others_told_the_mission_gets_the_hearsay_grade(tmp_path: Path) -> None:
    text = ("The SMM heard 4 shots 3km north. The JCCC reported that an 82mm mortar round had impacted in Zaitseve.\n"
            "Residents told the SMM that they had heard shelling overnight.\n")
    own, jccc, residents = parse(text)
    assert (own["reliability"], jccc["reliability"], residents["reliability"]) == ("B2", "F6", "F6")
    assert "reported_by" not in own and jccc["reported_by"] == "JCCC"
    source = tmp_path / "day.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "reports.jsonl"
    main(["ingest", "patrol-text", str(source), "--date", "2017-03-02", "--reliability", "A1",
          "--hearsay-reliability", "D4", "--out", str(out)])
    assert [report.reliability for report in read_reports(out)] == ["A1", "D4", "D4"]
    with pytest.raises(InputError, match="'X9' is not a NATO/Admiralty grade"):
        parse_patrol_text(text, file_name="t.txt", gazetteer=Gazetteer.bundled(), hearsay_reliability="X9")


def test_cli_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["ingest", "patrol-text", str(tmp_path / "none.txt"), "--out", str(tmp_path / "o.jsonl")])
    assert stop.value.code == 2
    assert "none.txt: file not found" in capsys.readouterr().err


def test_help_documents_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    for arguments in (["--help"], ["ingest", "--help"], ["ingest", "patrol-text", "--help"], ["ingest", "acled", "--help"]):
        main(arguments)
    text = capsys.readouterr().out
    for needle in ("ingest", "patrol-text", "acled", "--date", "--timezone", "--reliability", "--gazetteer",
                   "SSW = 191.25..213.75", "geo_precision"):
        assert needle in text


def test_cli_with_own_gazetteer(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text("name,oblast,lat,lon,alt_names\nKalynove,Luhansk,48.55,38.51,Kalinovo\n", encoding="utf-8")
    source = tmp_path / "day.txt"
    source.write_text("Positioned in Kalinovo, the SMM heard 2 shots 1km east.\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    main(["ingest", "patrol-text", str(source), "--gazetteer", str(places), "--out", str(out)])
    (report,) = read_reports(out)
    assert (report.observer_lat, report.observer_lon, report.observer_place) == (48.55, 38.51, "Kalynove")
