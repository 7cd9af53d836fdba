"""Exports: GeoJSON, ACLED-style CSV (round trip through the ACLED importer) and Parquet."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

from report_fixtures import DAY
from truceline.ingest.acled import read_acled
from truceline.model.tables import EVENTS, read_table
from truceline.report.data import day_window, summarise
from truceline.report.exports import ACLED_COLUMNS, TRUCELINE_COLUMNS, write_acled, write_events_parquet, write_geojson


def test_acled_csv_round_trips_through_the_acled_importer(small_run, tmp_path):
    summary = summarise(small_run, day_window(DAY))
    path = tmp_path / "violations.csv"
    assert write_acled(path, small_run.events, summary.violations, small_run.ledger_index) == 3
    with open(path, newline="", encoding="utf-8") as stream:
        header = next(csv.reader(stream))
    assert tuple(header) == ACLED_COLUMNS + TRUCELINE_COLUMNS
    reports = read_acled(path)
    assert [r.report_id for r in reports] == ["acled:UKR-TL-E3", "acled:UKR-TL-E5", "acled:UKR-TL-E7"]
    e3 = reports[0]
    assert e3.kind == "explosion_impact"  # ACLED records where fire landed ...
    assert (e3.lat, e3.lon) == (47.74, 37.47)  # ... so the row carries the impact E4, not the launch E3
    day_start = datetime(2026, 6, 2, tzinfo=timezone.utc).timestamp()
    assert e3.time_start == day_start and e3.time_end == day_start + 86400
    assert e3.extras["event_type"] == "Explosions/Remote violence"
    assert e3.extras["sub_event_type"] == "Shelling/artillery/missile attack"
    assert e3.extras["actor1"] == "Military Forces of Russia (2000-)"
    assert e3.extras["truceline_status"] == "verified" and e3.extras["truceline_ledger_index"] == "7"
    assert e3.extras["truceline_weapon_class"] == "mortar"


def test_geojson_holds_events_and_violations_with_uncertainty_and_status(small_run, tmp_path):
    summary = summarise(small_run, day_window(DAY))
    path = write_geojson(tmp_path / "events.geojson", summary.events, summary.violations, small_run.ledger_index)
    data = json.loads(path.read_text(encoding="utf-8"))
    kinds = [f["properties"]["feature_type"] for f in data["features"]]
    assert kinds.count("event") == summary.events.num_rows == 7
    assert kinds.count("violation") == len(summary.violations) == 3
    violation = next(f for f in data["features"] if f["id"] == "violation/E5")
    assert violation["properties"]["status"] == "verified"
    assert violation["properties"]["uncertainty"]["ellipse_major_km"] == 0.4
    assert violation["geometry"] == {"type": "Point", "coordinates": [37.60, 47.68]}


def test_parquet_of_events_reads_back_as_an_events_table(small_run, tmp_path):
    summary = summarise(small_run, day_window(DAY))
    path = write_events_parquet(tmp_path / "events.parquet", summary.events)
    table = read_table(path, EVENTS)
    assert table.num_rows == 7
    assert table["event_id"].to_pylist() == summary.events["event_id"].to_pylist()
    assert table["weapon_class"].to_pylist()[:2] == ["mortar", "mortar"]
