"""`truceline score` on hand-made truth: perfect, degraded, ellipse coverage, pick accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import pyarrow as pa
from click.testing import CliRunner

from truceline.model.tables import write_table
from truceline.sim.scoring import inside_ellipse, match_events, score, score_command


def make_truth(folder: Path, n: int = 30) -> pa.Table:
    rng = np.random.default_rng(3)
    truth = pa.table(
        {
            "event_id": [str(i) for i in range(n)],
            "time": np.sort(rng.uniform(0, 600, n)),
            "lat": rng.uniform(47.5, 48.5, n),
            "lon": rng.uniform(36.5, 38.0, n),
            "side": ["UA" if i % 2 else "RU" for i in range(n)],
            "kind": ["launch" if i % 2 else "impact" for i in range(n)],
            "n_picks": [6 if i % 5 else 2 for i in range(n)],
        }
    )
    write_table(truth, folder / "truth_events.csv")
    picks = pa.table({"pick_id": [f"p{i}" for i in range(n)] + ["c1"], "event_id": [str(i) for i in range(n)] + ["-1"]})
    write_table(picks, folder / "truth_picks.csv")
    return truth


def test_perfect_run_scores_one(tmp_path: Path) -> None:
    truth = make_truth(tmp_path / "truth")
    run = truth.select(["event_id", "time", "lat", "lon", "side"]).append_column(
        "ellipse_major_km", pa.array([0.5] * truth.num_rows)
    ).append_column("ellipse_minor_km", pa.array([0.2] * truth.num_rows)).append_column(
        "ellipse_azimuth_deg", pa.array([30.0] * truth.num_rows)
    )
    write_table(run, tmp_path / "run" / "events.csv")
    write_table(pa.table({"pick_id": [f"p{i}" for i in range(truth.num_rows)], "event_id": truth["event_id"]}), tmp_path / "run" / "assignments.csv")
    metrics = score(tmp_path / "truth", tmp_path / "run")
    assert metrics["precision"] == 1.0 and metrics["recall"] == 1.0 and metrics["f1"] == 1.0
    assert metrics["recall_locatable"] == 1.0
    assert metrics["location_error_median_km"] < 1e-6
    assert metrics["pick_assignment_accuracy"] == 1.0
    assert metrics["side_accuracy"] == 1.0
    assert metrics["ellipse_coverage_95"] == 1.0
    assert metrics["origin_time_coverage_95"] is None  # the run gives no time sigmas


def test_origin_time_coverage_counts_times_within_their_interval(tmp_path: Path) -> None:
    truth = make_truth(tmp_path / "truth")
    n = truth.num_rows
    time = np.asarray(truth["time"]).copy()
    sigma = np.full(n, 0.1)
    time[: n // 4] += 0.3  # 3 sigma late: outside its 95 % interval
    time[n // 4 : n // 2] -= 0.15  # 1.5 sigma early: inside
    run = truth.select(["event_id", "lat", "lon"]).append_column("time", pa.array(time)).append_column(
        "time_sigma_s", pa.array(sigma))
    write_table(run, tmp_path / "run" / "events.csv")
    metrics = score(tmp_path / "truth", tmp_path / "run")
    assert metrics["n_matched"] == n
    assert metrics["origin_time_coverage_95"] == pytest.approx(1.0 - (n // 4) / n)


def test_degraded_run_scores_lower(tmp_path: Path) -> None:
    truth = make_truth(tmp_path / "truth")
    n = truth.num_rows
    lat = np.asarray(truth["lat"]).copy()
    lat[:10] += 0.05  # about 5.6 km off: no longer a match
    time = np.asarray(truth["time"]).copy()
    time[10:15] += 5.0  # 5 s late: no longer a match
    sides = truth["side"].to_pylist()
    sides[20] = "UA" if sides[20] == "RU" else "RU"
    run = pa.table({"event_id": [f"r{i}" for i in range(n - 3)], "time": time[: n - 3], "lat": lat[: n - 3], "lon": np.asarray(truth["lon"])[: n - 3], "side": sides[: n - 3]})
    write_table(run, tmp_path / "run" / "events.csv")
    metrics = score(tmp_path / "truth", tmp_path / "run")
    assert metrics["n_matched"] == n - 3 - 15
    assert metrics["precision"] == (n - 18) / (n - 3)
    assert metrics["recall"] == (n - 18) / n
    assert metrics["side_accuracy"] < 1.0
    assert metrics["ellipse_coverage_95"] is None
    assert metrics["pick_assignment_accuracy"] is None  # the run has no assignments


def test_matching_is_one_to_one_and_prefers_cardinality() -> None:
    # two true events 1 s apart at one place; one estimate between them, one close to the second
    t = np.array([0.0, 1.0])
    lat = np.array([48.0, 48.0])
    lon = np.array([37.0, 37.0])
    r_t = np.array([0.9, 0.5])
    matching = match_events(t, lat, lon, r_t, lat, lon)
    assert sorted(matching.truth_index.tolist()) == [0, 1]
    assert sorted(matching.run_index.tolist()) == [0, 1]


def test_inside_ellipse_respects_azimuth() -> None:
    # a point 1 km north: inside a 2x0.5 km ellipse pointing north, outside one pointing east
    north = np.array([48.0 + 1.0 / 111.2])
    inside = inside_ellipse(north, np.array([37.0]), np.array([48.0]), np.array([37.0]), np.array([2.0]), np.array([0.5]), np.array([0.0]))
    outside = inside_ellipse(north, np.array([37.0]), np.array([48.0]), np.array([37.0]), np.array([2.0]), np.array([0.5]), np.array([90.0]))
    assert inside.tolist() == [True] and outside.tolist() == [False]


def test_cli_prints_json(tmp_path: Path) -> None:
    truth = make_truth(tmp_path / "truth")
    write_table(truth.select(["event_id", "time", "lat", "lon"]), tmp_path / "run" / "events.csv")
    result = CliRunner().invoke(score_command, ["--truth", str(tmp_path / "truth"), "--run", str(tmp_path / "run")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["f1"] == 1.0


def test_perfect_and_degraded_run_on_a_simulated_scenario(tmp_path: Path) -> None:
    from truceline.cli import cli
    from truceline.model.tables import TRUTH_EVENTS, read_table

    runner = CliRunner()
    result = runner.invoke(cli, ["simulate", "--preset", "violation", "--hours", "2", "--seed", "3", "--out", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    truth = read_table(tmp_path / "s" / "truth_events.csv", TRUTH_EVENTS)
    write_table(truth, tmp_path / "perfect" / "events.csv")
    perfect = score(tmp_path / "s", tmp_path / "perfect")
    assert perfect["f1"] == 1.0 and perfect["side_accuracy_beyond_1km"] == 1.0 and perfect["n_side_beyond_1km"] > 0
    flipped = ["RU" if side == "UA" else "UA" for side in truth["side"].to_pylist()]
    degraded = truth.set_column(truth.column_names.index("side"), "side", pa.array(flipped))
    write_table(degraded, tmp_path / "degraded" / "events.csv")
    assert score(tmp_path / "s", tmp_path / "degraded")["side_accuracy_beyond_1km"] == 0.0
