"""``python -m benchmarks.peers NAME --stations S --picks P --out DIR [--params FILE]``.

Runs one peer associator from the shell exactly as the benchmark times it, and prints a
one-line summary to stderr like ``truceline associate`` does.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from benchmarks.peers import PEERS, peer
from benchmarks.peers.params import load_section
from truceline.model.errors import TrucelineError
from truceline.model.tables import ASSIGNMENTS, EVENTS, read_table


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("name", type=click.Choice(PEERS))
@click.option("--stations", "stations_path", required=True, type=click.Path(dir_okay=False), help="Stations file (CSV or Parquet).")
@click.option("--picks", "picks_path", required=True, type=click.Path(dir_okay=False), help="Picks file (CSV or Parquet).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory for events.csv and assignments.csv.")
@click.option("--params", "params_path", type=click.Path(dir_okay=False), default=None, help="Parameter file with one section per associator (default: benchmarks/peers/params.json).")
def main(name: str, stations_path: str, picks_path: str, out_dir: str, params_path: str | None) -> None:
    """Associate picks into events with one peer associator (truceline, pyocto or gamma)."""
    started = time.perf_counter()
    associator = peer(name)
    try:
        params = associator.merged_params(load_section(params_path, name))
        associator.run(stations_path, picks_path, out_dir, params)
    except (TrucelineError, ValueError, RuntimeError) as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(2)
    n_events = read_table(Path(out_dir) / "events.csv", EVENTS).num_rows
    n_assigned = read_table(Path(out_dir) / "assignments.csv", ASSIGNMENTS).num_rows
    click.echo(
        f"{name}: {n_assigned} picks assigned to {n_events} events in {time.perf_counter() - started:.2f} s", err=True
    )


if __name__ == "__main__":
    main()
