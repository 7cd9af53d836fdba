"""The benchmark harness: time budgets, reading the scorer's JSON, and the results table."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.peers.harness import CommandResult, Score, extract_metrics, run_timed
from benchmarks.run_all import Row, table_lines


def test_a_command_over_its_budget_is_killed_and_reported_as_timed_out(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import time; print('started', flush=True); time.sleep(60)"]
    result = run_timed(command, log_path=tmp_path / "slow.log", timeout_s=1.0)
    assert result.status == "timed out"
    assert not result.ok
    assert "started" in (tmp_path / "slow.log").read_text(encoding="utf-8")


def test_a_failing_command_reports_its_exit_code_and_last_message(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import sys; sys.exit('error: picks.csv:3: time: bad')"]
    result = run_timed(command, log_path=tmp_path / "fail.log", timeout_s=60.0)
    assert result.status == "failed (exit 1)"
    assert result.message == "error: picks.csv:3: time: bad"


def test_metrics_are_read_from_flat_or_nested_scores() -> None:
    flat = extract_metrics(
        {"precision": 0.9, "recall": 0.8, "recall_locatable": 0.85, "f1": 0.847, "location_error_median_km": 0.2, "location_error_p90_km": 0.6, "ellipse_coverage": None}
    )
    assert flat == {"precision": 0.9, "recall": 0.8, "recall_locatable": 0.85, "f1": 0.847, "median_error_km": 0.2, "p90_error_km": 0.6,
                    "ellipse_coverage": None, "crb_median_km": None, "error_to_crb": None}
    with_bound = extract_metrics({"location_error_median_km": 0.1, "crb_median_km": 0.03, "error_to_crb_ratio": 3.5})
    assert with_bound["crb_median_km"] == 0.03 and with_bound["error_to_crb"] == 3.5 and with_bound["median_error_km"] == 0.1
    nested = extract_metrics(
        {"events": {"precision": 1.0, "recall": 0.5, "F1": 0.667}, "location_error_m": {"median": 150.0, "p90": 900.0}, "side_accuracy": 0.99}
    )
    assert nested["precision"] == 1.0 and nested["f1"] == 0.667
    assert nested["median_error_km"] == 0.15 and nested["p90_error_km"] == 0.9
    assert nested["ellipse_coverage"] is None and nested["recall_locatable"] is None


def test_the_table_shows_the_runtime_ratio_and_timeouts() -> None:
    metrics: dict[str, float | None] = {"precision": 0.99, "recall": 0.95, "recall_locatable": 0.98, "f1": 0.97, "median_error_km": 0.1, "p90_error_km": 0.3, "ellipse_coverage": 0.95,
                                        "crb_median_km": 0.03, "error_to_crb": 3.5}
    own = Row(preset="heavy", associator="truceline", n_picks=1000, result=CommandResult(status="ok", runtime_s=2.0, message=""), score=Score(raw={}, metrics=metrics), ratio_to_pyocto=0.25)
    octo = Row(preset="heavy", associator="pyocto", n_picks=1000, result=CommandResult(status="ok", runtime_s=8.0, message=""), score=Score(raw={}, metrics={}))
    slow = Row(preset="heavy", associator="gamma", n_picks=1000, result=CommandResult(status="timed out", runtime_s=900.4, message=""))
    lines = table_lines([own, octo, slow], markdown=True)
    assert lines[2] == "| heavy | truceline | ok | 0.990 | 0.950 | 0.980 | 0.970 | 0.100 | 0.300 | 0.950 | 0.030 | 3.500 | 2.00 | 500 | 0.25 |"
    assert lines[3].startswith("| heavy | pyocto | ok | — |") and "| 8.00 | 125 | — |" in lines[3]
    assert lines[4] == "| heavy | gamma | timed out | — | — | — | — | — | — | — | — | — | >900 | — | — |"
    assert own.as_json()["runtime_ratio_to_pyocto"] == 0.25 and slow.as_json()["picks_per_s"] is None
