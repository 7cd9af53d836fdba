"""End to end from patrol text to verdicts: what each kind of record becomes downstream (session 11, flow11).

A short day's text in the monitoring mission's style goes through `truceline ingest patrol-text` (the reader) and the
attribution step of `truceline associate --attribute --reports` (`write_attribution`) with one sensor event. Every
record is either matched, kept as a report-only event, or listed with why in reports_unplaced.jsonl (none dropped); only
observations of fire with a stated impact or launch make a firing-party claim, and none of those alone makes a verdict.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
from attribute_world import events_table, lon_at_km, make_areas

from truceline.attribute.commands import write_attribution
from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol.reader import read_patrol_text
from truceline.model.reports import write_reports

DAY = """\
Positioned at 48.0000, 37.0000, the SMM heard three explosions assessed as impacts 4-8km east between 10:00 and 10:15.
In Donetsk region, the SMM recorded 240 ceasefire violations, including 97 explosions.
Positioned at 48.0000, 37.0000, the SMM heard about 30 shots of small-arms fire 1-2km east between 10:00 and 10:15.
Positioned at 48.0000, 37.0000, the SMM heard five explosions assessed as impacts 4-8km east.
At 10:20, positioned at 48.0000, 37.0000, the SMM saw two tanks 3km east.
Positioned at 48.3000, 36.9000, the SMM heard two explosions assessed as impacts 3-5km west between 12:00 and 12:10.
Between 10:00 and 10:15, the SMM camera at 48.0000, 37.0000 recorded 12 undetermined explosions 4-8km east.
"""
T_IMPACT = 1_780_308_300.0  # 2026-06-01 10:05 UTC


def test_a_days_patrol_text_through_attribution(tmp_path: Path) -> None:
    text = tmp_path / "day.txt"
    text.write_text(DAY, encoding="utf-8")
    reports = read_patrol_text(text, gazetteer=Gazetteer.bundled(), date=date(2026, 6, 1))
    assert len(reports) == 7
    path = tmp_path / "reports.jsonl"
    write_reports(reports, path)
    out = tmp_path / "out"
    empty = pa.table({"pick_id": pa.array([], type=pa.string()), "event_id": pa.array([], type=pa.string())})
    events = events_table([("I", T_IMPACT, 48.0, lon_at_km(6.0))])
    table, summary = write_attribution(events, empty, make_areas(), path, "ukraine-2026", out, "csv")
    rows = {r["event_id"]: r for r in table.to_pylist()}
    ids = [r.report_id for r in reports]  # day.txt:LINE:1
    line = {k + 1: rid for k, rid in enumerate(ids)}
    # the impacts heard in the event's sector and window, and the undetermined explosions there, match it
    assert rows["I"]["status"] == "corroborated" and rows["I"]["report_ids"].split(";") == sorted([line[1], line[7]])
    unplaced = {json.loads(x)["report_id"]: json.loads(x)["reason"] for x in (out / "reports_unplaced.jsonl").read_text().splitlines()}
    # the regional tally: no place, a summary; the impacts heard with no time: nothing ties them to the event
    assert set(unplaced) == {line[2], line[4]}
    assert "a summary of the period" in unplaced[line[2]] and unplaced[line[4]] == "no time"
    # shots and the tanks seen: kept, no claim; the impacts heard where the sensors located nothing: a weak claim
    assert rows[f"R-{line[3]}"]["firing_party"] == "" and rows[f"R-{line[5]}"]["firing_party"] == ""
    claim = rows[f"R-{line[6]}"]
    assert claim["firing_party"] == "RU" and 0.3 < claim["p_firing_party"] < 0.4 and claim["kind"] == "impact"
    assert len(rows) == 1 + 3 and "7 reports: 2 matched, 3 report-only events, 2 without a place" in summary  # none dropped
    verdicts = [json.loads(x) for x in (out / "verdicts.jsonl").read_text().splitlines()]
    assert [v["event_id"] for v in verdicts] == ["I"] and verdicts[0]["status"] == "corroborated"
