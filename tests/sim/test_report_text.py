"""The patrol reports' ``text`` must read back (``ingest patrol-text``) to the structured record: the observer's
position within the text's rounding (whole kilometres: 0.5 km along; 16 compass points: ``d * sin(11.25°)`` across for
an anchor ``d`` km away), and the anchor a place the gazetteer holds. The simulator used to write its front waypoints
("16km west-north-west of Kharkiv border", "17km east of Sumy-Kharkiv border"), which are not places; read back, 72 of
violation seed 7's 161 patrol reports had no position and 53 were put at Kharkiv city, 55.7 km off."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone

import pytest
from pyproj import Geod

from truceline.ingest.gazetteer import Gazetteer, offset_position
from truceline.ingest.patrol.reader import parse_patrol_text
from truceline.sim.reports import _anchors, _place
from truceline.sim.scenario import Scenario

_GEOD = Geod(ellps="WGS84")
_TAIL = ", the team heard 2 undetermined explosions 11-21km S between 06:42 and 06:43 (UTC)."


def _tolerance_km(place: str) -> float:
    written = re.match(r"(\d+)km ", place)
    km = int(written.group(1)) if written else 0
    return 0.5 + km * math.sin(math.radians(11.25)) + 0.01


def _read_back(text: str, day: date) -> tuple[float | None, float | None, tuple[str, ...]]:
    records = parse_patrol_text(text, file_name="t", gazetteer=Gazetteer.bundled(), date=day)
    assert len(records) == 1, text
    return records[0].observer_lat, records[0].observer_lon, records[0].warnings


def test_every_patrol_text_reads_back_to_its_observer(violation_day: Scenario) -> None:
    patrols = [r for r in violation_day.reports if r["source"] == "patrol"]
    assert len(patrols) >= 20
    for report in patrols:
        day = datetime.fromtimestamp(report["time_start"], timezone.utc).date()
        lat, lon, warnings = _read_back(report["text"], day)
        assert lat is not None and lon is not None, (report["text"], warnings)
        assert not any("gazetteer" in warning for warning in warnings), warnings
        km = _GEOD.inv(report["observer_lon"], report["observer_lat"], lon, lat)[2] / 1000.0
        assert km <= _tolerance_km(report["observer_place"]), (report["text"], km)
        assert "border" not in report["observer_place"]


def test_every_anchor_reads_back_where_the_gazetteer_puts_it() -> None:
    names, lats, lons = _anchors()
    assert len(names) >= 150
    for name, lat, lon in zip(names, lats, lons):
        got = _read_back(f"Positioned in {name}" + _TAIL, date(2026, 6, 1))
        assert got[:2] == (pytest.approx(lat, abs=1e-5), pytest.approx(lon, abs=1e-5)), (name, got)
        want = offset_position(float(lat), float(lon), 67.5, 7.0)
        got = _read_back(f"Positioned 7km east-north-east of {name}" + _TAIL, date(2026, 6, 1))
        assert got[:2] == (pytest.approx(want[0], abs=2e-5), pytest.approx(want[1], abs=2e-5)), (name, got)


@pytest.mark.parametrize("lat, lon", [(50.80, 35.40), (50.45, 36.00), (50.95, 35.65), (46.60, 32.70), (48.00, 37.80)])
def test_synthetic_points_are_written_from_a_gazetteer_place(lat: float, lon: float) -> None:
    place = _place(lat, lon)
    assert "border" not in place
    got_lat, got_lon, warnings = _read_back(f"Positioned {place}" + _TAIL, date(2026, 6, 1))
    assert got_lat is not None and got_lon is not None, (place, warnings)
    assert _GEOD.inv(lon, lat, got_lon, got_lat)[2] / 1000.0 <= _tolerance_km(place.removeprefix("in ")), place
