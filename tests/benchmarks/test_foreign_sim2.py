"""``benchmarks/foreign_sim2.py``, the second stand-in simulator (docs/fusion.md, "Session 19 (robust19)"): deterministic,
the contract's files only (with ``minimal`` not even the optional columns; ISO 8601 times), and on its calm setting
(one celerity, no wind, no gross errors, no large clocks) the associator finds most events inside their ellipses, so
that what its harsher settings cost is the physics and not a fault of the generator."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))

from benchmarks.foreign_sim2 import Config2, generate, write  # noqa: E402
from cli_score import associate_and_score  # noqa: E402

CALM = Config2(hours=0.5, layout="sparse", minimal=True, iso_times=True, clutter=0.3, big_clocks=0, gross_fraction=0.0,
               wind_scale=0.0, far_celerity_km_s=(0.34, 0.34), singles_per_hour=30.0)


def test_deterministic_minimal_columns_and_iso_times(tmp_path: Path) -> None:
    write(generate(CALM, 2), tmp_path / "a")
    write(generate(CALM, 2), tmp_path / "b")
    for name in ("stations.csv", "picks.csv", "truth_events.csv", "truth_picks.csv", "areas.geojson"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    with open(tmp_path / "a" / "picks.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["pick_id", "station_id", "time"] and rows[0]["time"].endswith("Z")
    with open(tmp_path / "a" / "stations.csv", encoding="utf-8") as fh:
        assert list(next(csv.DictReader(fh))) == ["station_id", "lat", "lon"]


def test_the_calm_setting_is_located(tmp_path: Path) -> None:
    scenario = tmp_path / "calm"
    write(generate(CALM, 2), scenario)
    score = associate_and_score(scenario, tmp_path / "run")
    assert score["n_matched"] >= 10
    assert score["recall_locatable"] > 0.6 and score["precision"] > 0.6
    assert score["ellipse_coverage_95"] > 0.85
