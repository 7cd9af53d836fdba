"""Tune the peers (PyOcto, GaMMA) for their best F1 on a small simulated scenario.

Coordinate descent over a handful of key parameters per peer: starting from the current
``benchmarks/peers/params.json`` section, try each listed value of one parameter at a time, keep
the best (highest F1 from ``truceline score``; on a tie within 0.001, the faster run), and sweep
the parameters again until a sweep improves nothing or the budget is spent. Each trial runs the
peer's whole command with a time budget, exactly as ``run_all.py`` does. The best configuration
and how it was found (scenario, trials, F1) are written back to ``params.json``; every trial is
logged to ``OUT/trials.jsonl``::

    python benchmarks/tune_peers.py                          # heavy, 0.1 h, seed 7 (not the benchmark's seed)
    python benchmarks/tune_peers.py --peers pyocto --max-configs 90
    python benchmarks/tune_peers.py --scenario path/to/scenario --dry-run
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

if __package__ in {None, ""}:  # run as a script: make the checkout importable
    _ROOT = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(_ROOT / "src"), str(_ROOT)]

import click

from benchmarks.peers import peer
from benchmarks.peers import params as peer_params
from benchmarks.peers.harness import run_timed, score_run, truceline_command

# The parameters searched, in the order they are swept, and the values tried for each.
GRIDS: dict[str, dict[str, list[Any]]] = {
    "pyocto": {
        "n_picks": [4, 5, 6],
        "min_pick_fraction": [0.0, 0.25, 0.5],
        "tolerance_s": [0.5, 1.0, 2.0],
        "pick_match_tolerance_s": [1.0, 2.0, 3.0],
        "velocity_km_s": [0.33, 0.34, 0.35],
        "min_node_size_km": [0.5, 1.0, 2.0, 4.0],
        "min_interevent_time_s": [0.5, 1.0, 2.0],
        "association_cutoff_distance_km": [25.0, 35.0, 50.0],
        "location_cutoff_distance_km": [None, 60.0],
    },
    "gamma": {
        "dbscan_eps_s": [10.0, 20.0, 30.0, "auto"],
        "oversample_factor": [1, 2, 4],
        "max_sigma11_s": [1.0, 2.0, 4.0],
        "covariance_prior_s2": [0.25, 1.0, 4.0],
        "min_picks_per_eq": [4, 5, 6],
        "dbscan_max_time_space_ratio": [10, 2],
        "velocity_km_s": [0.33, 0.34, 0.35],
    },
}


def _key(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True)


def _better(candidate: dict[str, Any], best: dict[str, Any] | None) -> bool:
    if candidate["f1"] is None:
        return False
    if best is None or best["f1"] is None:
        return True
    if candidate["f1"] > best["f1"] + 1e-3:
        return True
    return abs(candidate["f1"] - best["f1"]) <= 1e-3 and candidate["runtime_s"] < best["runtime_s"]


def tune_peer(
    name: str,
    *,
    scenario: Path,
    out: Path,
    start: dict[str, Any],
    max_configs: int,
    max_sweeps: int,
    timeout_s: float,
    budget_s: float | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None, int]:
    """Coordinate descent for one peer; returns (best params, best trial, trials run).

    Trials already logged in ``OUT/trials.jsonl`` for this peer (an interrupted search on the same
    scenario) are reused, not run again. No new trial starts once ``budget_s`` seconds have passed.
    """
    associator = peer(name)
    grid = GRIDS[name]
    tried: dict[str, dict[str, Any]] = {}
    trials_log = out / "trials.jsonl"
    if trials_log.exists():
        for line in trials_log.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else None
            if record and record.get("peer") == name:
                tried[_key(associator.merged_params(record["params"]))] = record
        if tried:
            click.echo(f"[{name}] reusing {len(tried)} logged trials from {trials_log}", err=True)
    started = time.monotonic()

    def trial(params: dict[str, Any]) -> dict[str, Any]:
        key = _key(params)
        if key in tried:
            return tried[key]
        number = len(tried) + 1
        run_dir = out / name / f"trial-{number:03d}"
        params_file = run_dir.with_suffix(".params.json")
        params_file.parent.mkdir(parents=True, exist_ok=True)
        params_file.write_text(json.dumps({name: params}, indent=2) + "\n", encoding="utf-8")
        command = associator.command(scenario / "stations.csv", scenario / "picks.csv", run_dir, params_file)
        result = run_timed(command, log_path=run_dir.with_suffix(".log"), timeout_s=timeout_s)
        record: dict[str, Any] = {"peer": name, "trial": number, "params": params, "status": result.status, "runtime_s": round(result.runtime_s, 3), "f1": None, "metrics": {}}
        if result.ok:
            score = score_run(scenario, run_dir, log_path=run_dir.with_suffix(".score.log"))
            record["metrics"] = score.metrics
            record["f1"] = score.metrics.get("f1")
            if score.error:
                record["error"] = score.error
        else:
            record["error"] = result.message
        tried[key] = record
        with trials_log.open("a", encoding="utf-8") as log:
            log.write(json.dumps(record, default=str) + "\n")
        click.echo(f"[{name} #{number}] F1 {record['f1']}  {record['status']} {record['runtime_s']:.1f} s  {params_changes(params, start)}", err=True)
        return record

    current = associator.merged_params(start)
    best = trial(current)
    for _ in range(max_sweeps):
        improved = False
        for parameter, values in grid.items():
            for value in values:
                if len(tried) >= max_configs or (budget_s is not None and time.monotonic() - started > budget_s):
                    return current, best, len(tried)
                if value == current[parameter]:
                    continue
                candidate = dict(current, **{parameter: value})
                record = trial(candidate)
                if _better(record, best):
                    best, current, improved = record, candidate, True
        if not improved:
            break
    return current, best, len(tried)


def params_changes(params: dict[str, Any], start: dict[str, Any]) -> str:
    changed = {key: value for key, value in params.items() if start.get(key) != value}
    return json.dumps(changed, sort_keys=True) if changed else "(start)"


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--peers", "peer_names", default="pyocto,gamma", show_default=True, help="Comma-separated peers to tune.")
@click.option("--scenario", type=click.Path(file_okay=False, exists=True), default=None, help="Tune on this existing scenario directory instead of simulating one.")
@click.option("--preset", default="heavy", show_default=True, help="Preset to simulate for tuning.")
@click.option("--hours", default=0.1, show_default=True, type=float, help="Length of the tuning scenario.")
@click.option("--seed", default=7, show_default=True, type=int, help="Seed of the tuning scenario (keep it different from the benchmark's).")
@click.option("--max-configs", default=40, show_default=True, type=int, help="Trials per peer at most.")
@click.option("--max-sweeps", default=3, show_default=True, type=int, help="Sweeps over all parameters at most.")
@click.option("--budget-min", default=None, type=float, help="Wall-clock minutes per peer after which no new trial starts (the best so far is kept).")
@click.option("--peer-timeout", default=300.0, show_default=True, type=float, help="Seconds a trial may take before it is killed (and scores nothing).")
@click.option("--params", "params_path", default=str(peer_params.DEFAULT_PATH), show_default=True, type=click.Path(dir_okay=False), help="Parameter file to start from and to write the best configurations into.")
@click.option("--out", "out_root", default="bench-out/tune", show_default=True, type=click.Path(file_okay=False), help="Where the scenario, trials and logs go.")
@click.option("--dry-run", is_flag=True, help="Search, but do not write the parameter file.")
def main(peer_names: str, scenario: str | None, preset: str, hours: float, seed: int, max_configs: int, max_sweeps: int, budget_min: float | None, peer_timeout: float, params_path: str, out_root: str, dry_run: bool) -> None:
    """Grid-search the peers' key parameters for their best F1 and record the winners."""
    names = [name.strip() for name in peer_names.split(",") if name.strip()]
    for name in names:
        if name not in GRIDS:
            raise click.BadParameter(f"no grid for {name!r} (tunable: {', '.join(GRIDS)})", param_hint="--peers")
    out = Path(out_root)
    out.mkdir(parents=True, exist_ok=True)
    params_file = Path(params_path)
    if scenario is None:
        scenario_dir = out / "scenario"
        click.echo(f"simulating {preset}, {hours:g} h, seed {seed} ...", err=True)
        simulated = run_timed(
            truceline_command("simulate", "--preset", preset, "--seed", str(seed), "--hours", f"{hours:g}", "--out", str(scenario_dir)),
            log_path=out / "simulate.log",
            timeout_s=None,
        )
        if not simulated.ok:
            raise click.ClickException(f"truceline simulate {simulated.status}: {simulated.message}")
        described: dict[str, Any] = {"preset": preset, "hours": hours, "seed": seed}
    else:
        scenario_dir = Path(scenario)
        described = {"directory": str(scenario_dir)}
    everything = peer_params.load(params_file) if params_file.exists() else {}
    tuning = dict(everything.get("_tuning") or {})
    for name in names:
        best_params, best, count = tune_peer(
            name,
            scenario=scenario_dir,
            out=out,
            start=peer_params.load_section(params_file, name) if params_file.exists() else {},
            max_configs=max_configs,
            max_sweeps=max_sweeps,
            timeout_s=peer_timeout,
            budget_s=None if budget_min is None else budget_min * 60.0,
        )
        click.echo(f"{name}: best F1 {best['f1'] if best else None} after {count} configurations: {json.dumps(best_params, sort_keys=True)}")
        everything[name] = best_params
        tuning[name] = {
            "scenario": described,
            "configurations_tried": count,
            "objective": "F1 from truceline score; ties within 0.001 go to the faster run",
            "best": {"f1": best["f1"], "runtime_s": best["runtime_s"], "metrics": best["metrics"]} if best else None,
            "searched": GRIDS[name],
            "date_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
    everything["_tuning"] = tuning
    if dry_run:
        click.echo("dry run: parameter file left as it was", err=True)
        return
    params_file.write_text(json.dumps(everything, indent=2, default=str) + "\n", encoding="utf-8")
    click.echo(f"wrote {params_file}", err=True)


if __name__ == "__main__":
    main()
