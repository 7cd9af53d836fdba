"""``truceline demo``: the outermost layer of the main job — keys, progress bars, wall-clock timing."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from truceline.demo.pipeline import DEFAULT_HOURS, DEFAULT_START, DEMO_MARKER, DemoConfig, run_demo

ORIGIN = "truceline-demo"


def _progress(description: str, total: float) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=f"{description:32}", file=sys.stderr, leave=True, dynamic_ncols=True,
                bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}")


@click.command("demo")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default="demo-out", show_default=True,
              help="Folder to write into (new, or one an earlier demo wrote: its outputs are replaced, its key kept).")
@click.option("--hours", type=click.FloatRange(1.0, 14 * 24.0), default=DEFAULT_HOURS, show_default=True,
              help="Length of the simulated period. Stage 3 of the ladder needs fighting to go on 72 h after the first "
                   "violation, so it appears only with about 50 h or more.")
@click.option("--preset", type=click.Choice(["quiet", "violation", "heavy"]), default="violation", show_default=True,
              help="Simulation preset (see `truceline simulate --help`); `quiet` is quick, for trying things out.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of the simulation and the retry jitter; the same seed writes the same content.")
@click.option("--start", default=DEFAULT_START, show_default=True, help="Start of the simulated period, ISO 8601 UTC (time is an input: no wall clock below this command).")
@click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Day of the report (default: the day of the run with the most violations).")
def demo(out_dir: Path, hours: float, preset: str, seed: int, start: str, day: Any) -> None:
    """Run the main job end to end and write a report you can open and a bundle you can verify.

    Simulates a preset (by default `violation`: one party opens fire in one sector for some
    hours, the other answers; background fire elsewhere), reads it back through the validating readers,
    fuses the picks into located events, attributes them (launch/impact pairs, firing party,
    corroboration by the simulated patrol and open-source reports), runs the ukraine-2026
    agreement in the durable escalation engine with the clock advanced until every stage,
    deadline and closure has fired, delivers the notifications to a loopback webhook receiver,
    appends every fact and output to the evidence ledger in the engine's transactions, signs a
    checkpoint and writes:

    \b
      OUT/report.html, OUT/report.pdf   the daily report (map, charts, incidents, escalation)
      OUT/events.geojson                the report day's events and violations
      OUT/violations.csv                the report day's violations, ACLED-style
      OUT/events.parquet                the report day's events, for analysts
      OUT/bundle/                       evidence bundle of the report's violations
      OUT/keys/log.vkey                 the log's verifier key (log.key: the private key)
      OUT/run/, OUT/scenario/, OUT/truceline.sqlite, OUT/webhooks.jsonl   inputs and state

    Then prints the command that verifies the bundle offline.
    """
    from truceline.ledger import load_signer, signer_from_seed
    from truceline.sim.config import ConfigError, parse_start

    try:
        start_s = parse_start(start)
    except ConfigError as problem:
        raise click.BadParameter(str(problem), param_hint="--start") from None
    key = out_dir / "keys" / "log.key"
    if key.exists() and (out_dir / DEMO_MARKER).exists():
        signer = load_signer(key)
    else:
        signer = signer_from_seed(ORIGIN, os.urandom(32))
    began = time.perf_counter()
    config = DemoConfig(out_dir=out_dir, hours=hours, preset=preset, seed=seed, start_s=start_s, day=day.date() if day is not None else None)
    result = run_demo(config, signer, _progress)
    elapsed = time.perf_counter() - began
    c = result.counts
    echo = click.echo
    echo("")
    echo(f"truceline demo: {hours:g} h of the {preset} preset simulated (seed {seed}) in {elapsed:.1f} s")
    echo(f"  {c['stations']} stations, {c['picks']} picks, {c['reports']} patrol/OSINT reports -> {c['events']} events located, {c['verdicts']} violations judged")
    echo(f"  fusion: streaming, in arrival order; emission latency after an event's last pick p50 {c['latency_p50_s']} s, "
         f"p99 {c['latency_p99_s']} s; {c['late_picks']} late picks")
    echo(f"  attribution: {result.attribution}")
    echo(f"  escalation: stages reached {', '.join(map(str, result.stages)) or 'none'}; {c['outputs']} engine outputs; "
         f"{c['webhooks_sent']} webhook deliveries sent, {c['webhooks_received']} received by the loopback sink")
    echo(f"  report day {result.report_day}: {c['report_events']} events, {c['report_violations']} violations; "
         f"ledger {c['ledger_entries']} entries, bundle of {c['bundle_entries']}")
    for name in ("report.html", "report.pdf", "events.geojson", "violations.csv", "events.parquet", "bundle", "webhooks.jsonl", "database", "run"):
        echo(f"  {name:15} {result.paths[name]}")
    echo("Verify the evidence offline:")
    echo(f"  {result.verify_command}")
