"""The peer wrappers turn the contract's inputs into each peer's format and its results back.

PyOcto and GaMMA run here on a tiny hand-made scenario (see conftest.py): each must find every
source near its true location and time, give each true event's picks to one event, and write
files that the contract's readers accept.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from peer_scenario import REPOSITORY, TinyScenario
from pyproj import Geod

from benchmarks.peers import environment, peer
from benchmarks.peers.frame import LocalFrame
from truceline.model.tables import ASSIGNMENTS, EVENTS, read_table, write_table

GEOD = Geod(ellps="WGS84")

# GaMMA passes an option that SciPy deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:.*L-BFGS-B solver are deprecated:DeprecationWarning")


def _run(name: str, scenario: TinyScenario, out: Path, params: dict[str, Any] | None = None) -> tuple[pa.Table, pa.Table]:
    associator = peer(name)
    associator.run(scenario.stations, scenario.picks, out, associator.merged_params(params))
    return read_table(out / "events.csv", EVENTS), read_table(out / "assignments.csv", ASSIGNMENTS)


def _check_found_every_event(events: pa.Table, assignments: pa.Table, scenario: TinyScenario, *, distance_m: float, time_s: float) -> None:
    assert events.num_rows == len(scenario.true_events)
    times = np.asarray(events["time"].to_numpy())
    lats = np.asarray(events["lat"].to_numpy())
    lons = np.asarray(events["lon"].to_numpy())
    ids = [str(value) for value in events["event_id"].to_pylist()]
    matched: dict[int, str] = {}
    for true_id, true_time, true_lat, true_lon in scenario.true_events:
        nearest = int(np.argmin(np.abs(times - true_time)))
        _, _, error_m = GEOD.inv(true_lon, true_lat, lons[nearest], lats[nearest])
        assert abs(times[nearest] - true_time) < time_s, (true_id, times[nearest] - true_time)
        assert error_m < distance_m, (true_id, error_m)
        matched[true_id] = ids[nearest]
    assert len(set(matched.values())) == len(matched)
    assigned = dict(zip([str(v) for v in assignments["pick_id"].to_pylist()], [str(v) for v in assignments["event_id"].to_pylist()]))
    for pick_id, true_id in scenario.pick_event.items():
        if true_id == -1:
            assert pick_id not in assigned, f"clutter pick {pick_id} was associated"
        else:
            assert assigned.get(pick_id) == matched[true_id], (pick_id, true_id)
    counts = dict(zip(ids, events["n_picks"].to_pylist()))
    for event_id in ids:
        assert counts[event_id] == sum(1 for value in assigned.values() if value == event_id)


def test_pyocto_finds_each_source_near_its_true_location(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    events, assignments = _run("pyocto", tiny_scenario, tmp_path)
    _check_found_every_event(events, assignments, tiny_scenario, distance_m=300.0, time_s=1.0)
    assert np.max(np.abs(np.asarray(assignments["residual_s"].to_numpy()))) < 0.5


def test_gamma_finds_each_source_near_its_true_location(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    events, assignments = _run("gamma", tiny_scenario, tmp_path)
    _check_found_every_event(events, assignments, tiny_scenario, distance_m=300.0, time_s=1.0)
    assert np.max(np.abs(np.asarray(assignments["residual_s"].to_numpy()))) < 0.5
    assert "time_sigma_s" in events.column_names


def test_gamma_in_plain_km_also_finds_the_sources(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    events, assignments = _run("gamma", tiny_scenario, tmp_path, {"speed_scaled_units": False})
    _check_found_every_event(events, assignments, tiny_scenario, distance_m=500.0, time_s=2.0)


def test_a_wrong_sound_speed_degrades_pyocto(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    """The wrapper really passes the speed on: at seismic 6 km/s nothing acoustic fits."""
    events, _ = _run("pyocto", tiny_scenario, tmp_path, {"velocity_km_s": 6.0, "tolerance_s": 0.5, "pick_match_tolerance_s": 0.5})
    assert events.num_rows < len(tiny_scenario.true_events)


def test_peer_command_runs_from_the_shell_and_summarises(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    command = peer("pyocto").command(tiny_scenario.stations, tiny_scenario.picks, tmp_path / "run", None)
    finished = subprocess.run(command, cwd=REPOSITORY, env=environment(), capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert "pyocto: 32 picks assigned to 4 events in" in finished.stderr
    assert read_table(tmp_path / "run" / "events.csv", EVENTS).num_rows == 4


def test_peer_command_rejects_a_pick_at_an_unknown_station(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    picks = tmp_path / "picks.csv"
    write_table(pa.table({"pick_id": ["a", "b"], "station_id": ["A1", "Z9"], "time": [1.0, 2.0]}), picks)
    command = peer("gamma").command(tiny_scenario.stations, picks, tmp_path / "run", None)
    finished = subprocess.run(command, cwd=REPOSITORY, env=environment(), capture_output=True, text=True, check=False)
    assert finished.returncode == 2
    assert f"error: {picks}:3: station_id: unknown station 'Z9'" in finished.stderr
    assert not (tmp_path / "run" / "events.csv").exists()


@pytest.mark.parametrize("name", ["pyocto", "gamma"])
def test_unknown_parameters_are_rejected(name: str) -> None:
    with pytest.raises(ValueError, match="unknown .* parameter 'speed'"):
        peer(name).merged_params({"speed": 340})


def test_truceline_peer_turns_parameters_into_associate_options(tmp_path: Path) -> None:
    params = tmp_path / "params.json"
    params.write_text('{"truceline": {"sound_speed": 340, "attribute": true, "areas": null}}', encoding="utf-8")
    command = peer("truceline").command("s.csv", "p.csv", "out", params)
    assert command[0] == sys.executable
    assert command[1:] == ["-m", "truceline", "associate", "--stations", "s.csv", "--picks", "p.csv", "--out", "out", "--attribute", "--sound-speed", "340"]


def test_local_frame_round_trips_along_the_whole_front() -> None:
    lat = np.array([46.5, 47.5, 48.0, 49.7, 51.3])
    lon = np.array([32.0, 35.3, 37.5, 37.6, 38.5])
    frame = LocalFrame.centred_on(lat, lon)
    x_km, y_km = frame.to_km(lat, lon)
    back_lat, back_lon = frame.to_degrees(x_km, y_km)
    assert np.max(np.abs(back_lat - lat)) < 1e-9 and np.max(np.abs(back_lon - lon)) < 1e-9
    # distances in the frame agree with geodesic ones to 0.1 % between neighbouring points 30 km apart
    east_lon, east_lat, _ = GEOD.fwd(lon, lat, np.full(5, 60.0), np.full(5, 30_000.0))
    x2, y2 = frame.to_km(np.asarray(east_lat), np.asarray(east_lon))
    assert np.allclose(np.hypot(x2 - x_km, y2 - y_km), 30.0, rtol=1e-3)


def test_pyocto_in_plain_km_also_finds_the_sources(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    scaled, _ = _run("pyocto", tiny_scenario, tmp_path / "scaled")
    plain, _ = _run("pyocto", tiny_scenario, tmp_path / "plain", {"speed_scaled_units": False})
    assert plain.num_rows == scaled.num_rows
    assert np.allclose(sorted(plain["time"].to_pylist()), sorted(scaled["time"].to_pylist()), atol=1.0)


def test_pyocto_location_cutoff_leaves_no_pick_without_a_residual(tiny_scenario: TinyScenario, tmp_path: Path) -> None:
    _, assignments = _run("pyocto", tiny_scenario, tmp_path, {"location_cutoff_distance_km": 20.0})
    assert np.isfinite(np.asarray(assignments["residual_s"].to_pylist(), dtype=float)).all()
