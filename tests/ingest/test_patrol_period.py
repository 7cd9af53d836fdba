"""--period-end: a daily report's untimed observations fall in its reporting period (session 11, flow11)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

from truceline.cli import main
from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol.reader import parse_patrol_text
from truceline.model.reports import read_reports

TEXT = """\
At 21:15, positioned at 48.0000, 37.0000, the SMM heard two explosions 3km east.
At 10:15, positioned at 48.0000, 37.0000, the SMM heard two explosions 3km east.
Positioned at 48.0000, 37.0000, the SMM heard two explosions 3km east.
On 3 June, positioned at 48.0000, 37.0000, the SMM heard two explosions 3km east.
In the previous reporting period, it recorded 12 explosions.
"""


def when(t: float | None) -> str | None:
    return None if t is None else datetime.fromtimestamp(t, timezone.utc).strftime("%d %H:%M")


def windows(**options: object) -> list[tuple[str | None, str | None, object]]:
    reports = parse_patrol_text(TEXT, file_name="t.txt", gazetteer=Gazetteer.bundled(), date=date(2026, 6, 1), **options)  # type: ignore[arg-type]
    return [(when(r.time_start), when(r.time_end), r.extras.get("time_from")) for r in reports]


def test_without_period_an_untimed_observation_stays_untimed() -> None:
    assert windows() == [("01 21:15", "01 21:15", None), ("01 10:15", "01 10:15", None), (None, None, None),
                         ("03 00:00", "04 00:00", "date"), (None, None, None)]


def test_the_reporting_period_dates_untimed_observations_and_evening_times() -> None:
    # The report of 1 June covers 31 May 19:30 to 1 June 19:30: "At 21:15" is the evening before; an observation with no
    # time gets the whole period; a date written in the text and "the previous reporting period" keep their readings.
    assert windows(period_end=time(19, 30)) == [("31 21:15", "31 21:15", None), ("01 10:15", "01 10:15", None),
                                                ("31 19:30", "01 19:30", "period"), ("03 00:00", "04 00:00", "date"),
                                                (None, None, None)]


def test_the_command_takes_period_end(tmp_path: Path) -> None:
    text, out = tmp_path / "day.txt", tmp_path / "r.jsonl"
    text.write_text(TEXT, encoding="utf-8")
    try:
        main(["ingest", "patrol-text", str(text), "--date", "2026-06-01", "--period-end", "19:30", "--out", str(out)])
    except SystemExit as stop:
        assert not stop.code
    assert [r.extras.get("time_from") for r in read_reports(out)][2] == "period"
