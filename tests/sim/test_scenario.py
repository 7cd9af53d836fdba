"""The scenario directory, its ground truth, determinism, presets and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from truceline.cli import cli
from truceline.geo.areas import read_areas
from truceline.geo.frame import front_sectors
from truceline.geo.front import line_length_m
from truceline.model.tables import PICKS, STATIONS, TRUTH_EVENTS, TRUTH_PICKS, read_picks, read_table
from truceline.sim.config import ConfigError, SimConfig
from truceline.sim.scenario import SCENARIO_FILES, Scenario, simulate, write_scenario


def _column(table, name):  # type: ignore[no-untyped-def]
    return np.asarray(table[name].to_numpy(zero_copy_only=False))


def test_same_seed_same_scenario_other_seed_other_scenario() -> None:
    config = SimConfig(preset="quiet", hours=2)
    first, second, other = simulate(config, 11), simulate(config, 11), simulate(config, 12)
    for name in ("stations", "picks", "truth_events", "truth_picks"):
        assert getattr(first, name).equals(getattr(second, name)), name
    assert first.reports == second.reports
    assert json.dumps(first.parameters) == json.dumps(second.parameters)
    assert not first.picks.equals(other.picks)


def test_directory_is_exactly_the_contract(heavy_short: Scenario, tmp_path: Path) -> None:
    write_scenario(heavy_short, tmp_path / "s")
    out = tmp_path / "s"
    assert sorted(p.name for p in out.iterdir()) == sorted(SCENARIO_FILES)
    stations = read_table(out / "stations.csv", STATIONS)
    picks = read_picks(out / "picks.csv", stations)
    events = read_table(out / "truth_events.csv", TRUTH_EVENTS)
    truth = read_table(out / "truth_picks.csv", TRUTH_PICKS)
    assert events.column_names == ["event_id", "time", "lat", "lon", "side", "kind", "pair_id", "firing_party", "n_picks"]
    assert truth.column_names == ["pick_id", "event_id"]
    assert picks.column_names == [c.name for c in PICKS.columns]
    assert picks.num_rows == truth.num_rows == heavy_short.picks.num_rows
    assert read_areas(out / "areas.geojson").parties == ("UA", "RU")
    for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)
    parameters = json.loads((out / "scenario.json").read_text(encoding="utf-8"))
    assert parameters["seed"] == 7 and parameters["preset"] == "heavy"


def test_writing_again_replaces_and_debug_is_optional(heavy_short: Scenario, tmp_path: Path) -> None:
    write_scenario(heavy_short, tmp_path, debug=True)
    write_scenario(heavy_short, tmp_path, debug=True)
    assert (tmp_path / "debug" / "pick_errors.csv").exists()
    assert not (tmp_path / ".simulate-partial").exists()


def test_picks_sorted_unique_and_linked_to_truth(heavy_short: Scenario) -> None:
    picks, truth, events = heavy_short.picks, heavy_short.truth_picks, heavy_short.truth_events
    time = _column(picks, "time")
    assert np.all(np.diff(time) >= 0)
    pick_id = _column(picks, "pick_id")
    assert np.unique(pick_id).size == pick_id.size
    assert np.array_equal(pick_id, _column(truth, "pick_id"))
    event = _column(truth, "event_id")
    counts = np.bincount(event[event > 0], minlength=events.num_rows + 1)[1:]
    assert np.array_equal(counts, _column(events, "n_picks"))
    clutter = np.mean(event == -1)
    assert 0.10 <= clutter <= 0.30
    # one pick per event and station
    station = _column(picks, "station_id")
    keys = {(int(e), str(s)) for e, s in zip(event[event > 0], station[event > 0])}
    assert len(keys) == int((event > 0).sum())


def test_truth_sides_come_from_the_areas(heavy_short: Scenario) -> None:
    areas = read_areas_from(heavy_short)
    events = heavy_short.truth_events
    side = areas.party_at(_column(events, "lat"), _column(events, "lon"))
    assert np.array_equal(side, _column(events, "side"))
    assert set(_column(events, "firing_party")) <= {"UA", "RU"}
    assert set(_column(events, "kind")) == {"launch", "impact"}


def read_areas_from(scenario: Scenario):  # type: ignore[no-untyped-def]
    from truceline.geo.areas import Areas

    return Areas.from_geojson(scenario.areas)


def test_stations_rows_arrays_and_span(heavy_short: Scenario) -> None:
    stations = heavy_short.stations
    lat, lon = _column(stations, "lat"), _column(stations, "lon")
    distance = read_areas_from(heavy_short).signed_distance_m(lat, lon)
    ua, ru = distance < 0, distance > 0
    assert ua.sum() > 200 and ru.sum() > 200
    near = np.abs(distance) < 20_000.0
    assert np.median(np.abs(distance[near])) == pytest.approx(12_000.0, abs=2_000.0)
    kind = _column(stations, "kind")
    assert 0.18 < np.mean(kind == "array") < 0.32
    array_picks = heavy_short.picks.filter(heavy_short.picks["backazimuth_deg"].is_valid())
    sigma = _column(array_picks, "backazimuth_sigma_deg")
    assert np.median(sigma) < 8.0 and np.min(sigma) >= 2.0
    along = front_sectors().nearest_along_m(lat, lon)
    assert along.max() - along.min() == pytest.approx(line_length_m(), abs=50_000.0)
    elev = _column(stations, "elev_m")
    assert 10.0 <= elev.min() and elev.max() < 600.0


def test_no_picks_from_stations_while_they_are_down(violation_day: Scenario) -> None:
    network = violation_day.network
    debug = violation_day.pick_debug
    index = {sid: i for i, sid in enumerate(network.station_id.tolist())}
    station = np.array([index[s] for s in _column(debug, "station_id")])
    arrival = _column(debug, "time") - _column(debug, "clock_offset_s") - _column(debug, "pick_error_s")
    assert network.outage_station.size > 0
    assert network.is_up(station, arrival).all()
    down = ~network.is_up(station, arrival + 600.0)  # ten minutes later some of these stations were down
    assert down.any()


def test_violation_is_one_party_in_one_sector_answered_by_the_other(violation_day: Scenario) -> None:
    violation = violation_day.parameters["violation"]
    assert violation["party"] in {"UA", "RU"} and violation["answer_start_s"] > violation["start_s"]
    events = violation_day.truth_events
    reason = _column(violation_day.source_debug, "reason")
    firing = _column(events, "firing_party")
    time = _column(events, "time")
    hostile = reason == "violation"
    assert hostile.sum() > 100
    assert set(firing[hostile]) == {violation["party"]}
    assert np.all((time[hostile] >= violation["start_s"]) & (time[hostile] <= violation["end_s"] + 200.0))
    sectors = front_sectors()
    sector = sectors.sector_of(_column(events, "lat")[hostile], _column(events, "lon")[hostile])
    names = {sectors[int(i)].name for i in np.unique(sector)}
    assert violation["sector"] in names and len(names) <= 3
    answer = (reason == "answer") & (time >= violation["answer_start_s"])
    assert answer.sum() > 20 and set(firing[answer]) <= {"UA", "RU"}
    quiet_rate = np.sum(reason == "background") / 12.0
    assert quiet_rate < 15.0  # a few events per hour elsewhere


def test_reports_follow_the_contract_and_point_at_what_was_heard(violation_day: Scenario) -> None:
    reports = violation_day.reports
    events = violation_day.truth_events
    lat, lon, time = _column(events, "lat"), _column(events, "lon"), _column(events, "time")
    patrols = [r for r in reports if r["source"] == "patrol"]
    osint = [r for r in reports if r["source"] == "osint"]
    assert patrols and osint
    assert len({r["report_id"] for r in reports}) == len(reports)
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    bearing_errors = []
    for report in patrols:
        for key in ("report_id", "source", "observer_lat", "observer_lon", "time_start", "time_end", "count", "kind",
                    "bearing_min_deg", "bearing_max_deg", "distance_min_km", "distance_max_km", "reliability", "text"):
            assert key in report, key
        ids = np.array(report["truth_event_ids"]) - 1
        assert np.all(time[ids] >= report["time_start"]) and np.all(time[ids] <= report["time_end"])
        azimuth, _, distance = geod.inv(np.full(ids.size, report["observer_lon"]), np.full(ids.size, report["observer_lat"]), lon[ids], lat[ids])
        centre = (report["bearing_min_deg"] + ((report["bearing_max_deg"] - report["bearing_min_deg"]) % 360.0) / 2.0) % 360.0
        bearing_errors.extend((((azimuth - centre) + 180.0) % 360.0 - 180.0).tolist())
        assert np.all(distance < 31_000.0)
    assert 5.0 < np.std(bearing_errors) < 30.0  # human error: tens of degrees, not random
    for report in osint:
        ids = np.array(report["truth_event_ids"]) - 1
        _, _, error = geod.inv(report["lon"], report["lat"], float(np.mean(lon[ids])), float(np.mean(lat[ids])))
        assert 900.0 < error < 10_500.0
        assert report["time_start"] <= time[ids].min() and report["time_end"] >= time[ids].max()
        assert report["published_time"] > time[ids].max() + 3_000.0


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ConfigError, match="preset: unknown 'calm'"):
        SimConfig(preset="calm")
    with pytest.raises(ConfigError, match="hours"):
        SimConfig(hours=0)
    with pytest.raises(ConfigError, match="array fraction"):
        SimConfig(array_fraction=1.5)


def test_cli_writes_a_scenario_and_reports_bad_options(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["simulate", "--preset", "quiet", "--hours", "1", "--seed", "3", "--out", str(tmp_path / "q")])
    assert result.exit_code == 0, result.output
    assert "simulated quiet for 1 h (seed 3)" in result.output
    assert (tmp_path / "q" / "picks.csv").exists()
    bad = runner.invoke(cli, ["simulate", "--preset", "quiet", "--start", "yesterday", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "not an ISO 8601 time" in bad.output
    assert not (tmp_path / "x").exists()
    helped = runner.invoke(cli, ["simulate", "--help"])
    assert "heavy" in helped.output and "--clutter-rate" in helped.output
