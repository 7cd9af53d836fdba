"""Streaming association: emission latency and whether it keeps up with a faster-than-life feed.

    python benchmarks/bench_stream.py                                  # heavy, 0.25 h, seed 1, 10x
    python benchmarks/bench_stream.py --preset heavy --hours 1 --speedup 10 --batch
    python benchmarks/bench_stream.py --scenario path/to/scenario

It simulates a scenario (or takes one), feeds its picks through
:class:`truceline.fuse.stream.StreamingAssociator` in time order one second of stream time at
a time (a heartbeat at each second's end), and measures:

* **emission latency** in stream time: the clock when an event was emitted minus the time of its
  last contributing pick (p50, p95, p99, max);
* **throughput**: wall-clock seconds for the whole feed, the feed's span, and the speed factor
  span / wall (how many times faster than life it ran on this machine);
* **keeping up at N x**: replaying the measured per-second processing times as a live feed whose
  clock runs N times faster than the wall clock (a queue: a second's picks are processed when
  they have arrived and the previous second is done), the backlog behind the feed (wall
  seconds; p99 and at the end). It keeps up when the backlog stays bounded, i.e. it does not
  grow to the end of the feed;
* the scores of the streamed events with ``truceline score`` and, with ``--batch``, of the batch
  command on the same picks, side by side.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make the checkout importable
    _ROOT = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(_ROOT / "src"), str(_ROOT)]

import click
import numpy as np
import pyarrow as pa

from truceline.fuse.engine import FusionConfig
from truceline.fuse.pending import Stage
from truceline.fuse.replay import replay
from truceline.fuse.stream import Emission
from truceline.model.tables import read_picks, read_stations, write_table

KEYS = ("precision", "recall", "recall_locatable", "f1", "location_error_median_km", "location_error_p90_km",
        "ellipse_coverage_95", "side_accuracy")


def _truceline(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "truceline", *arguments], capture_output=True, text=True, check=True)


def _score(truth: Path, run: Path) -> dict[str, float]:
    raw = json.loads(_truceline("score", "--truth", str(truth), "--run", str(run)).stdout)
    flat: dict[str, float] = {}
    for key in KEYS:
        value = raw.get(key)
        if isinstance(value, dict):  # nested metrics: take the headline number if there is one
            value = value.get("value")
        if isinstance(value, (int, float)):
            flat[key] = float(value)
    return flat


def feed(stations: pa.Table, picks: pa.Table, step_s: float, quick_every_s: float | None = None,
         trace: list[dict] | None = None, options: dict | None = None, counters: dict | None = None,
         config: FusionConfig | None = None) -> tuple[Emission, np.ndarray, np.ndarray, list[str], float]:
    """Replay in time order; returns the emission, each step's stream end time and its wall seconds, the late
    picks and the CPU seconds of the process over the feed (on a shared machine the wall time is not the work)."""
    ends: list[float] = []
    stamps: list[float] = [time.perf_counter()]
    cpu: list[float] = [time.process_time()]

    def step(edge: float) -> None:
        ends.append(edge)
        stamps.append(time.perf_counter())
        cpu.append(time.process_time())

    emission, late = replay(stations, picks, config, step_s=step_s, on_step=step, quick_every_s=quick_every_s, trace=trace,
                            options=options, counters=counters)
    return emission, np.array(ends), np.diff(np.array(stamps)), late, float(cpu[-1] - cpu[0])


def _percentiles(latency: np.ndarray) -> dict[str, float]:
    if not len(latency):
        return {}
    return {q: round(float(np.percentile(latency, p)), 2) for q, p in (("p50", 50), ("p95", 95), ("p99", 99))} | {
        "max": round(float(latency.max()), 2), "events": len(latency)}


def backlog(ends: np.ndarray, wall: np.ndarray, speedup: float) -> np.ndarray:
    """Wall seconds by which a live feed running ``speedup`` times faster than life is behind, per step."""
    arrive = (ends - ends[0]) / speedup
    done = np.zeros(len(ends))
    previous = 0.0
    for k in range(len(ends)):
        previous = max(previous, arrive[k]) + wall[k]
        done[k] = previous
    return done - arrive


@click.command()
@click.option("--preset", default="heavy", show_default=True)
@click.option("--hours", default=0.25, show_default=True, type=float)
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--scenario", type=click.Path(file_okay=False, path_type=Path), help="An existing scenario directory.")
@click.option("--speedup", default=10.0, show_default=True, type=float, help="Live feed speed to test (x real time).")
@click.option("--step", "step_s", default=1.0, show_default=True, type=float, help="Heartbeat interval (stream seconds).")
@click.option("--settle", "settle_s", default=600.0, show_default=True, type=float,
              help="Also report the latency of the events whose last pick came this long after the feed began "
                   "(the associator has calibrated and learned by then).")
@click.option("--quick-every", "quick_every_s", type=float, default=None,
              help="Run the streaming associator's quick search every this many stream seconds (default: off).")
@click.option("--trace", is_flag=True, help="Write trace.jsonl: per emitted event, the search that opened it and "
              "when, and the stations it last waited for (StreamingAssociator(trace=True)).")
@click.option("--option", "options", multiple=True, help="A StreamingAssociator keyword argument as NAME=JSON "
              "(scalar options; the early stages with --early).")
@click.option("--set", "settings", multiple=True, help="A FusionConfig field as NAME=JSON (e.g. min_sites=3).")
@click.option("--early", default=None, help="The early stages as AGE/CHUNK/LOOKAHEAD/MIN_STATIONS[/MAX_SEEDS"
              "[/AFTER_CHUNK/AFTER[/LOUD]]], comma-separated (seconds, seconds, seconds, stations, seeds (0: the "
              "configuration's), seconds (0: none), seconds, 1 for a stage whose events must pass the loudness tests: "
              "pending.Stage; 'none': no early stage; default: the associator's).")
@click.option("--batch", is_flag=True, help="Also run the batch command on the same picks and score it.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("bench-out/stream"), show_default=True)
def main(preset: str, hours: float, seed: int, scenario: Path | None, speedup: float, step_s: float, settle_s: float,
         quick_every_s: float | None, trace: bool, options: tuple[str, ...], settings: tuple[str, ...], early: str | None,
         batch: bool, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    if scenario is None:
        scenario = Path(tempfile.mkdtemp(prefix="bench-stream-")) / preset
        _truceline("simulate", "--preset", preset, "--hours", str(hours), "--seed", str(seed), "--out", str(scenario))
    stations = read_stations(scenario / "stations.csv")
    picks = read_picks(scenario / "picks.csv", stations)
    records: list[dict] | None = [] if trace else None
    extra: dict[str, object] = {name: json.loads(value) for name, value in (o.split("=", 1) for o in options)}
    if early is not None:
        stages = [] if early == "none" else [[float(v) for v in part.split("/")] for part in early.split(",")]
        extra["early_stages"] = tuple(Stage(age_s=v[0], chunk_s=v[1], lookahead_s=v[2], min_stations=int(v[3]),
                                            max_seeds=int(v[4]) if len(v) > 4 and v[4] > 0 else None,
                                            after_chunk_s=v[5] if len(v) > 5 and v[5] > 0 else None,
                                            after_s=v[6] if len(v) > 6 else 0.0, loud=len(v) > 7 and v[7] > 0)
                                      for v in stages)
        result_early = early
    else:
        result_early = "default"
    fields = {name: json.loads(value) for name, value in (s.split("=", 1) for s in settings)}
    config = FusionConfig(**fields) if fields else None
    counters: dict = {}
    emission, ends, wall, late, cpu_s = feed(stations, picks, step_s, quick_every_s, records, extra, counters, config)
    if records is not None:
        (out_dir / "trace.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = out_dir / "streamed"
    run.mkdir(parents=True, exist_ok=True)
    write_table(emission.events, run / "events.csv")
    write_table(emission.assignments, run / "assignments.csv")
    latency = emission.latency_s
    span = float(ends[-1] - ends[0])
    lag = backlog(ends, wall, speedup)
    result: dict[str, object] = {
        "scenario": str(scenario), "early_stages": result_early, "options": options, "settings": settings, "picks": picks.num_rows, "span_s": round(span, 1), "events": emission.events.num_rows,
        "late_picks": len(late),
        "latency_s": _percentiles(latency),
        "latency_by_search_s": {by: _percentiles(latency[emission.opened_by == by])
                                for by in sorted(set(emission.opened_by.tolist()))},
        f"latency_after_{settle_s:g}s": _percentiles(latency[emission.last_pick_s >= ends[0] - step_s + settle_s]),
        "wall_s": round(float(wall.sum()), 2), "speed_factor": round(span / max(float(wall.sum()), 1e-9), 2),
        "cpu_s": round(cpu_s, 2), "speed_factor_cpu": round(span / max(cpu_s, 1e-9), 2),
        "picks_per_s": round(picks.num_rows / max(float(wall.sum()), 1e-9), 1),
        f"backlog_at_{speedup:g}x_wall_s": {"p99": round(float(np.percentile(lag, 99)), 2), "end": round(float(lag[-1]), 2),
                                             "max": round(float(lag.max()), 2)},
        "streamed": _score(scenario, run),
        "counters": counters,
    }
    if batch:
        batch_run = out_dir / "batch"
        started = time.perf_counter()
        _truceline("associate", "--stations", str(scenario / "stations.csv"), "--picks", str(scenario / "picks.csv"),
                   "--out", str(batch_run))
        result["batch_wall_s"] = round(time.perf_counter() - started, 2)
        result["batch"] = _score(scenario, batch_run)
    (out_dir / "stream.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
