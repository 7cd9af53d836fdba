"""Side-by-side benchmark: truceline, PyOcto and GaMMA on the same simulated picks.

For each preset (``quiet``, ``violation``, ``heavy``; 1 hour each, seeded) this simulates a
scenario with ``truceline simulate``, runs each associator as a whole command timed wall-clock
(input files to output files, one at a time), scores each run with ``truceline score``, prints
one table, and writes it as JSON and Markdown under ``bench-out/``::

    python benchmarks/run_all.py                       # all presets, 1 hour each
    python benchmarks/run_all.py --presets heavy --hours 0.5 --peer-timeout 600
    python benchmarks/run_all.py --scenario path/to/scenario   # an existing scenario directory

The peers' parameters come from ``benchmarks/peers/params.json`` (written by ``tune_peers.py``)
and are recorded in the JSON output with the versions that ran.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

if __package__ in {None, ""}:  # run as a script: make the checkout importable
    _ROOT = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(_ROOT / "src"), str(_ROOT)]

import click

from benchmarks.peers import PEERS, peer
from benchmarks.peers import params as peer_params
from benchmarks.peers.harness import CommandResult, Score, run_timed, score_run, truceline_command
from truceline.model.tables import read_picks, read_stations, read_table, TRUTH_EVENTS

PRESETS = ("quiet", "violation", "heavy")

COLUMNS: tuple[tuple[str, str], ...] = (
    ("precision", "precision"),
    ("recall", "recall"),
    ("recall_locatable", "recall_loc"),
    ("f1", "F1"),
    ("median_error_km", "median_km"),
    ("p90_error_km", "p90_km"),
    ("ellipse_coverage", "ellipse_cov"),
    ("crb_median_km", "crb_km"),
    ("error_to_crb", "err/crb"),
)


@dataclass(slots=True, kw_only=True)
class Row:
    preset: str
    associator: str
    n_picks: int
    result: CommandResult | None = None
    score: Score | None = None
    ratio_to_pyocto: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.result is None:
            return "not run"
        if self.result.ok and self.score is not None and self.score.raw is None:
            return "ok, unscored"
        return self.result.status

    @property
    def picks_per_s(self) -> float | None:
        if self.result is None or not self.result.ok or self.result.runtime_s <= 0:
            return None
        return self.n_picks / self.result.runtime_s

    def as_json(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "associator": self.associator,
            "status": self.status,
            "runtime_s": round(self.result.runtime_s, 3) if self.result else None,
            "n_picks": self.n_picks,
            "picks_per_s": round(self.picks_per_s, 1) if self.picks_per_s is not None else None,
            "runtime_ratio_to_pyocto": round(self.ratio_to_pyocto, 3) if self.ratio_to_pyocto is not None else None,
            "metrics": self.score.metrics if self.score else {},
            "score": self.score.raw if self.score else None,
            "notes": self.notes + ([self.score.error] if self.score and self.score.error else []),
            "message": self.result.message if self.result else "",
        }


def _format(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def table_lines(rows: list[Row], *, markdown: bool) -> list[str]:
    """The results table, aligned for a terminal or as a Markdown table."""
    header = ["preset", "associator", "status", *[label for _, label in COLUMNS], "runtime_s", "picks/s", "÷PyOcto"]
    body: list[list[str]] = []
    for row in rows:
        metrics = row.score.metrics if row.score else {}
        runtime = "—"
        if row.result is not None:
            runtime = f"{row.result.runtime_s:.2f}" if row.result.status != "timed out" else f">{row.result.runtime_s:.0f}"
        body.append(
            [
                row.preset,
                row.associator,
                row.status,
                *[_format(metrics.get(key)) for key, _ in COLUMNS],
                runtime,
                _format(row.picks_per_s, 0),
                _format(row.ratio_to_pyocto, 2),
            ]
        )
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(cells[index]) for cells in [header, *body]) for index in range(len(header))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip() for cells in [header, *body]]


def _versions(names: list[str]) -> dict[str, str]:
    versions: dict[str, str] = {}
    for name in names:
        try:
            versions[name] = peer(name).version()
        except Exception as problem:  # a missing peer is reported, not fatal here
            versions[name] = f"not installed ({problem})"
    return versions


def _effective_params(names: list[str], params_path: Path) -> dict[str, Any]:
    effective: dict[str, Any] = {}
    for name in names:
        effective[name] = peer(name).merged_params(peer_params.load_section(params_path, name))
    return effective


def benchmark_scenario(
    *, preset: str, scenario: Path, out: Path, names: list[str], params_path: Path, timeout_s: float
) -> list[Row]:
    """Run every associator on one scenario and score it; returns one row per associator."""
    stations_path, picks_path = scenario / "stations.csv", scenario / "picks.csv"
    n_picks = read_picks(picks_path, read_stations(stations_path)).num_rows
    rows: list[Row] = []
    for name in names:
        row = Row(preset=preset, associator=name, n_picks=n_picks)
        run_dir = out / name
        command = peer(name).command(stations_path, picks_path, run_dir, params_path)
        click.echo(f"[{preset}] {name}: running on {n_picks} picks (budget {timeout_s:g} s) ...", err=True)
        row.result = run_timed(command, log_path=out / f"{name}.log", timeout_s=timeout_s)
        click.echo(f"[{preset}] {name}: {row.result.status} in {row.result.runtime_s:.2f} s  {row.result.message}", err=True)
        if row.result.ok:
            row.score = score_run(scenario, run_dir, log_path=out / f"{name}.score.log")
            if row.score.raw is not None:
                (out / f"{name}.score.json").write_text(json.dumps(row.score.raw, indent=2) + "\n", encoding="utf-8")
            else:
                click.echo(f"[{preset}] {name}: not scored: {row.score.error}", err=True)
        rows.append(row)
    by_name = {row.associator: row for row in rows}
    pyocto_row, own_row = by_name.get("pyocto"), by_name.get("truceline")
    if pyocto_row and own_row and pyocto_row.result and own_row.result and pyocto_row.result.ok and own_row.result.ok:
        own_row.ratio_to_pyocto = own_row.result.runtime_s / pyocto_row.result.runtime_s
    return rows


def _simulate(preset: str, hours: float, seed: int, scenario: Path, out: Path) -> CommandResult:
    command = truceline_command("simulate", "--preset", preset, "--seed", str(seed), "--hours", f"{hours:g}", "--out", str(scenario))
    return run_timed(command, log_path=out / "simulate.log", timeout_s=None)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--presets", default=",".join(PRESETS), show_default=True, help="Comma-separated presets to simulate.")
@click.option("--hours", default=1.0, show_default=True, type=float, help="Scenario length per preset.")
@click.option("--seed", default=1, show_default=True, type=int, help="Simulator seed (the same for every preset).")
@click.option("--peers", "peer_names", default=",".join(PEERS), show_default=True, help="Comma-separated associators to run.")
@click.option("--peer-timeout", default=1800.0, show_default=True, type=float, help="Seconds each associator may take per scenario before it is killed and reported as timed out.")
@click.option("--params", "params_path", default=str(peer_params.DEFAULT_PATH), show_default=True, type=click.Path(dir_okay=False), help="The peers' parameter file.")
@click.option("--scenario", "scenarios", multiple=True, type=click.Path(file_okay=False, exists=True), help="Use this existing scenario directory instead of simulating (repeatable; --presets is then ignored).")
@click.option("--out", "out_root", default="bench-out", show_default=True, type=click.Path(file_okay=False), help="Where scenarios, runs, logs and results go.")
def main(presets: str, hours: float, seed: int, peer_names: str, peer_timeout: float, params_path: str, scenarios: tuple[str, ...], out_root: str) -> None:
    """Benchmark truceline against PyOcto and GaMMA on the same simulated picks."""
    names = [name.strip() for name in peer_names.split(",") if name.strip()]
    for name in names:
        if name not in PEERS:
            raise click.BadParameter(f"unknown associator {name!r} (known: {', '.join(PEERS)})", param_hint="--peers")
    out = Path(out_root)
    params_file = Path(params_path)
    try:
        effective = _effective_params(names, params_file)
    except ValueError as problem:
        raise click.ClickException(str(problem)) from None
    jobs: list[tuple[str, Path | None]] = []
    if scenarios:
        folders = [Path(directory) for directory in scenarios]
        jobs = [(folder.name, folder) for folder in folders]
        for directory in folders:
            missing = [f for f in ("stations.csv", "picks.csv", "truth_events.csv") if not (directory / f).is_file()]
            if missing:
                raise click.BadParameter(f"{directory} is not a scenario directory (no {', '.join(missing)})",
                                         param_hint="--scenario")
    else:
        for preset in [p.strip() for p in presets.split(",") if p.strip()]:
            jobs.append((preset, None))
    rows: list[Row] = []
    scenario_info: list[dict[str, Any]] = []
    for preset, given in jobs:
        preset_out = out / preset
        preset_out.mkdir(parents=True, exist_ok=True)
        scenario = given if given is not None else preset_out / "scenario"
        info: dict[str, Any] = {"preset": preset, "directory": str(scenario)}
        if given is None:
            click.echo(f"[{preset}] simulating {hours:g} h, seed {seed} ...", err=True)
            simulated = _simulate(preset, hours, seed, scenario, preset_out)
            info["simulate_s"] = round(simulated.runtime_s, 3)
            if not simulated.ok:
                raise click.ClickException(
                    f"truceline simulate --preset {preset} {simulated.status}: {simulated.message} (log: {preset_out / 'simulate.log'})"
                )
        try:
            info["n_true_events"] = read_table(scenario / "truth_events.csv", TRUTH_EVENTS).num_rows
        except Exception as problem:
            info["n_true_events"] = None
            click.echo(f"[{preset}] no ground truth readable: {problem}", err=True)
        scenario_rows = benchmark_scenario(
            preset=preset, scenario=scenario, out=preset_out, names=names, params_path=params_file, timeout_s=peer_timeout
        )
        info["n_picks"] = scenario_rows[0].n_picks if scenario_rows else None
        scenario_info.append(info)
        rows += scenario_rows
    lines = table_lines(rows, markdown=False)
    click.echo("\n".join(lines))
    tuning = peer_params.load(params_file).get("_tuning") if params_file.exists() else None
    versions = _versions(names)
    results: dict[str, Any] = {
        "created_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": {"hours": hours, "seed": seed, "peer_timeout_s": peer_timeout, "params_file": str(params_file)},
        "versions": versions,
        "params": effective,
        "tuning": tuning,
        "scenarios": scenario_info,
        "runs": [row.as_json() for row in rows],
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    markdown = [
        f"# Benchmark {results['created_utc']}",
        "",
        ("given scenarios" if scenarios else f"{hours:g} h per preset, seed {seed}")
        + f", {os.cpu_count()} CPUs; each associator timed as a whole command; "
        f"budget {peer_timeout:g} s each. Versions: "
        + ", ".join(f"{name} {version}" for name, version in versions.items())
        + ".",
        "",
        *table_lines(rows, markdown=True),
        "",
        "Parameters: see `results.json` (`params`, `tuning`).",
    ]
    (out / "results.md").write_text("\n".join(markdown) + "\n", encoding="utf-8")
    click.echo(f"wrote {out / 'results.json'} and {out / 'results.md'}", err=True)


if __name__ == "__main__":
    main()
