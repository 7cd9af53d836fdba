"""A place phrase the gazetteer does not hold exactly is never shortened to the town it starts with: "Kharkiv border",
"Sumy-Kharkiv border", "the Luhansk boundary" name a line or an area, not Kharkiv or Luhansk (the simulator's texts
"16km west-north-west of Kharkiv border" were read 55.8 km off, at Kharkiv city). The phrase is kept whole, warned as a
place the gazetteer lacks, and found when a gazetteer holds it as written. What the reader deliberately strips stays
stripped ("Kharkiv city", "the outskirts of", a following "region"/"oblast" still skips the name)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol.reader import parse_patrol_text
from truceline.model.reports import Report

TAIL = ", the team heard 2 undetermined explosions 11-21km S between 06:42 and 06:43 (UTC)."


def _read(text: str, gazetteer: Gazetteer | None = None) -> Report:
    records = parse_patrol_text(text, file_name="t", gazetteer=gazetteer or Gazetteer.bundled(), date=date(2026, 6, 1))
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize(
    "position, name",
    [
        ("16km west-north-west of Kharkiv border", "Kharkiv border"),
        ("17km east of Sumy-Kharkiv border", "Sumy-Kharkiv border"),
        ("3km south of the Luhansk boundary", "Luhansk boundary"),
        ("near the Kharkiv border area", "Kharkiv border area"),
        ("at the Donetsk frontier", "Donetsk frontier"),
    ],
)
def test_border_phrase_is_not_the_town(position: str, name: str) -> None:
    record = _read("Positioned " + position + TAIL)
    assert record.observer_lat is None and record.observer_lon is None
    assert record.observer_place == name
    assert f"place {name!r} is not in the gazetteer: observer position left empty" in record.warnings
    assert not any("not understood" in warning for warning in record.warnings)


def test_border_phrase_found_when_the_gazetteer_holds_it(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text("name,oblast,lat,lon\nKharkiv,Kharkiv,49.9935,36.2304\nKharkiv border,Kharkiv,50.45,36.0\n",
                      encoding="utf-8")
    record = _read("Positioned 2km north of Kharkiv border" + TAIL, Gazetteer.from_file(places))
    assert record.observer_place == "Kharkiv border"
    assert record.observer_lat == pytest.approx(50.468, abs=0.001) and record.observer_lon == pytest.approx(36.0, abs=1e-4)


def test_event_place_border_is_not_the_town() -> None:
    record = _read("Positioned in Kreminna, the SMM heard 2 undetermined explosions near the Luhansk border.")
    assert record.observer_place == "Kreminna"
    assert record.lat is None and record.lon is None
    assert "place 'Luhansk border' is not in the gazetteer: event location left empty" in record.warnings


@pytest.mark.parametrize(
    "position, place",
    [("near Kharkiv city", "Kharkiv"), ("on the outskirts of Kreminna", "Kreminna"), ("4km south-south-west of Nova Kakhovka", "Nova Kakhovka")],
)
def test_stripped_qualifiers_still_resolve(position: str, place: str) -> None:
    record = _read("Positioned " + position + TAIL)
    assert record.observer_place == place and record.observer_lat is not None
    assert not record.warnings


def test_region_after_a_name_is_still_not_the_town() -> None:
    record = _read("Positioned 5km north of Donetsk region" + TAIL)
    assert record.observer_lat is None and record.observer_place != "Donetsk"
