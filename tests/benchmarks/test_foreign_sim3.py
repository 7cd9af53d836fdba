"""``benchmarks/foreign_sim3.py``, the third stand-in simulator (docs/fusion.md, "Session 21 (sim21)"): deterministic,
its effects visible in the files it writes, and its scenarios read by ``truceline associate`` and ``truceline score``
(on the calm preset the associator finds most events inside their ellipses, so that what the other presets cost is
the physics and not a fault of the generator)."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))

from benchmarks.foreign_sim3 import PRESETS, Config, generate, main  # noqa: E402
from cli_score import associate_and_score  # noqa: E402

FILES = ("stations.csv", "picks.csv", "truth_events.csv", "truth_picks.csv", "areas.geojson", "sim3_picks.csv", "sim3.json")


def _small(preset: str, seed: int = 5) -> Config:
    return Config(seed=seed, hours=1.0, front_km=60.0, stations_per_row=5, missions_per_hour=12.0,
                  clutter_per_station_hour=2.0, effects=PRESETS[preset])


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_deterministic_for_every_preset(tmp_path: Path) -> None:
    for preset in ("all", "volleys"):
        generate(tmp_path / f"{preset}_a", _small(preset))
        generate(tmp_path / f"{preset}_b", _small(preset))
        for name in FILES:
            assert (tmp_path / f"{preset}_a" / name).read_bytes() == (tmp_path / f"{preset}_b" / name).read_bytes()
    generate(tmp_path / "other_seed", _small("all", seed=6))
    assert (tmp_path / "other_seed" / "picks.csv").read_bytes() != (tmp_path / "all_a" / "picks.csv").read_bytes()


def test_effects_show_in_the_files(tmp_path: Path) -> None:
    generate(tmp_path / "phases", _small("phases"))
    truth = {r["pick_id"]: r["event_id"] for r in _rows(tmp_path / "phases" / "truth_picks.csv")}
    per_station_event = Counter((p["station_id"], truth[p["pick_id"]]) for p in _rows(tmp_path / "phases" / "picks.csv")
                                if truth[p["pick_id"]] != "-1")
    assert max(per_station_event.values()) >= 2  # several arrivals of one source at one station
    generate(tmp_path / "picks", _small("picks"))
    picks = _rows(tmp_path / "picks" / "picks.csv")
    whole = Counter(p["station_id"] for p in picks if p["time"].endswith(".000"))
    assert any(n > 10 for n in whole.values())  # a station logging whole seconds
    assert max(float(p["time"]) for p in picks) > 3600.0 + 1800.0  # a station on local time (2 or 3 h ahead)
    events = _rows(tmp_path / "picks" / "truth_events.csv")
    assert {e["side"] for e in events} <= {"UA", "RU"} and {e["kind"] for e in events} == {"launch", "impact"}


def test_cli_help_and_write(tmp_path: Path, capsys: object) -> None:
    assert main(["--out", str(tmp_path / "s"), "--preset", "terrain", "--hours", "0.5", "--front-km", "60",
                 "--stations-per-row", "5"]) == 0
    summary = json.loads((tmp_path / "s" / "sim3.json").read_text())
    assert summary["effects"]["terrain"] and summary["ridges"] >= 3


def test_associate_and_score_read_the_calm_preset(tmp_path: Path) -> None:
    scenario = tmp_path / "calm"
    generate(scenario, _small("calm"))
    score = associate_and_score(scenario, tmp_path / "run")
    assert score["n_matched"] >= 10
    assert score["recall_locatable"] > 0.8 and score["precision"] > 0.8
    assert score["ellipse_coverage_95"] > 0.85
