"""``truceline simulate``: write a scenario directory with ground truth."""

from __future__ import annotations

import time
from pathlib import Path

import click

from truceline.sim.config import DEFAULT_START, PRESETS, ConfigError, SimConfig, parse_start
from truceline.sim.scenario import simulate as run_simulation
from truceline.sim.scenario import write_scenario

_PRESET_HELP = "; ".join(f"{name}: {preset.description} (default {preset.default_hours:g} h)" for name, preset in PRESETS.items())


@click.command(name="simulate")
@click.option("--preset", type=click.Choice(sorted(PRESETS)), default="heavy", show_default=True, help=_PRESET_HELP)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed; the same seed gives the same scenario.")
@click.option("--hours", type=float, default=None, help="Scenario length in hours (default: the preset's).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True, help="Scenario directory to write.")
@click.option("--start", default=DEFAULT_START, show_default=True, help="Start time, ISO 8601 (UTC if no zone).")
@click.option(
    "--clutter-rate",
    type=float,
    default=None,
    help="Clutter picks per station per hour (vehicles, thunder, ...). Default: enough for --clutter-fraction of all picks.",
)
@click.option("--clutter-fraction", type=float, default=0.2, show_default=True, help="Share of clutter among all picks when --clutter-rate is not given.")
@click.option("--array-fraction", type=float, default=0.25, show_default=True, help="Share of stations that are small arrays reporting back-azimuths.")
@click.option("--debug", is_flag=True, help="Also write debug/pick_errors.csv and debug/sources.csv (each true pick's error budget; weapons, missions).")
def simulate(
    preset: str,
    seed: int,
    hours: float | None,
    out_dir: Path,
    start: str,
    clutter_rate: float | None,
    clutter_fraction: float,
    array_fraction: float,
    debug: bool,
) -> None:
    """Simulate acoustic monitoring of the front, with ground truth.

    Writes OUT/stations.csv, picks.csv, areas.geojson, reports.jsonl (patrol and OSINT
    reports), truth_events.csv, truth_picks.csv and scenario.json (the parameters used and
    hidden facts such as clock offsets, outages and weather; fusion must not need it).
    Times are Unix seconds (UTC). Launches and impacts of mortar, tube and rocket artillery
    and drone munitions are propagated to rows of stations on both sides of the 1,400 km
    line with temperature- and wind-dependent sound speed, detection falling with distance,
    pick noise with a heavy tail, clutter, outages and clock errors. See docs/sim.md.
    """
    began = time.perf_counter()
    try:
        config = SimConfig(
            preset=preset,
            hours=hours,
            start_time_s=parse_start(start),
            clutter_rate_per_station_hour=clutter_rate,
            clutter_fraction=clutter_fraction,
            array_fraction=array_fraction,
        )
    except ConfigError as problem:
        raise click.BadParameter(str(problem)) from None
    scenario = run_simulation(config, seed)
    write_scenario(scenario, out_dir, debug=debug)
    counts = scenario.parameters["counts"]
    click.echo(
        f"simulated {preset} for {config.duration_s / 3600.0:g} h (seed {seed}): {counts['stations']} stations, "
        f"{counts['true_events']} true events, {counts['picks']} picks ({100.0 * counts['clutter_fraction']:.1f} % clutter), "
        f"{len(scenario.reports)} reports in {time.perf_counter() - began:.1f} s -> {out_dir}",
        err=True,
    )
