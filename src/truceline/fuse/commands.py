"""``truceline associate``: picks to located events (CONTRACTS.md "Outputs of association")."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import click
import numpy as np

from truceline.fuse.engine import FusionConfig, association_stations, fuse, has_arrays, network_reach_km
from truceline.fuse.network import build_network
from truceline.fuse.events import to_tables
from truceline.fuse.side import with_sides
from truceline.model.tables import read_picks, read_stations, write_table


@click.command("associate")
@click.option("--stations", "stations_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Stations table (CSV or Parquet).")
@click.option("--picks", "picks_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Picks table (CSV or Parquet).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for events and assignments.")
@click.option("--areas", "areas_path", type=click.Path(dir_okay=False, path_type=Path), help="areas.geojson: adds side and p_side.")
@click.option("--attribute", "attribute", is_flag=True, help="Also attribute the events (needs --areas): kind, pair_event_id, firing_party, p_firing_party, status; writes OUT/verdicts.jsonl, OUT/facts.jsonl (for `truceline protocol run`) and OUT/cases.jsonl. See docs/attribution.md.")
@click.option("--reports", "reports_path", type=click.Path(dir_okay=False, path_type=Path), help="reports.jsonl (patrol, OSINT, ACLED) to corroborate the events with (needs --attribute).")
@click.option("--agreement", "agreement_name", default="ukraine-2026", show_default=True, help="Agreement whose violation rules --attribute applies (bundled name or YAML path).")
@click.option("--sound-speed", "sound_speed", type=click.FloatRange(250.0, 400.0), help="Fixed effective sound speed in m/s; by default the celerity and the wind are estimated from the data.")
@click.option("--min-stations", default=4, show_default=True, type=click.IntRange(3, 50), help="Fewest stations that make an event.")
@click.option("--reach-km", "reach_km", type=click.FloatRange(5.0, 300.0), help="Farthest a station may be from an event it hears (and the origin grid's margin around the network). By default read from the station layout: 38 km, or more where 90 % of the stations need more to have --min-stations stations within it (at most 150 km; the summary says which). Given, it is used as is; the run time grows with its square. See docs/fusion.md, Sessions 19 (robust19, reach19).")
@click.option("--arrays/--no-arrays", "arrays", default=None, help="Treat stations of a site (3 or more within 1 km, no two more than 0.6 km apart) as the elements of an array: their picks are beamed into site detections (plane wave: back-azimuth, apparent velocity; clutter refused; element clocks read against each other) and the site counts as one station; every element pick of a detection is assigned to its event. The reach is then read from the sites. Default: the library's (FusionConfig.array_beams, off: on foreign_sim2's sparse array layouts the sites lose the arrivals that only 1-2 elements hear); --no-arrays keeps every element a station; a network without such a site is the same either way. The streaming associator does not beam: --streaming refuses --arrays (and with arrays on by default keeps the elements as stations, with a warning). See docs/fusion.md, Sessions 20 (arrays20) and 21 (robust21a).")
@click.option("--clock-pairs/--no-clock-pairs", "clock_pairs", default=True, show_default=True, help="Read gross station clock offsets (2-10 s, a logger without GPS) from the pick-time differences between neighbouring lone stations before the loose pass; a reading is kept only where that pass's events confirm it, and the stations it leaves are read again against the confirmed ones. Reads nothing where no clock is grossly off (the run is then the one without it). Batch only. See docs/fusion.md, Sessions 20 (clock20), 21 (robust21b).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True, help="Output format.")
@click.option("--streaming", is_flag=True, help="Run the streaming associator over the picks in time order (as a live feed, one second at a time) instead of the batch; the summary adds the emission latency. See docs/fusion.md.")
def associate_command(stations_path: Path, picks_path: Path, out_dir: Path, areas_path: Path | None, attribute: bool,
                      reports_path: Path | None, agreement_name: str, sound_speed: float | None, min_stations: int,
                      reach_km: float | None, arrays: bool | None, clock_pairs: bool, fmt: str, streaming: bool) -> None:
    """Associate picks into events and locate them with 95 % confidence ellipses.

    Writes OUT/events.csv (event_id, time, lat, lon, time_sigma_s, ellipse_major_km,
    ellipse_minor_km, ellipse_azimuth_deg, n_picks, side, p_side, kind) and
    OUT/assignments.csv (pick_id, event_id, residual_s); a pick not in assignments was left
    unassociated. Prints a one-line summary to stderr.
    """
    if attribute and areas_path is None:
        raise click.UsageError("--attribute needs --areas (which party holds each place)")
    if reports_path is not None and not attribute:
        raise click.UsageError("--reports needs --attribute")
    started = time.perf_counter()
    stations = read_stations(stations_path)
    picks = read_picks(picks_path, stations)
    areas = None
    if areas_path is not None:
        from truceline.geo.areas import read_areas

        areas = read_areas(areas_path)
    if arrays and streaming:
        raise click.UsageError("--arrays is batch only (not with --streaming)")
    config = FusionConfig(sound_speed_m_per_s=sound_speed, min_stations=min_stations, clock_pairs=clock_pairs)
    if streaming:
        # the streaming associator does not beam arrays: said once, where the network has some
        if arrays is None and config.array_beams and has_arrays(stations, config):
            print("truceline associate: --streaming does not beam arrays; their elements are associated as stations "
                  "(--no-arrays to silence this)", file=sys.stderr)
        config = replace(config, array_beams=False)
    elif arrays is not None:
        config = replace(config, array_beams=arrays)
    if reach_km is None:
        reach_km, why = network_reach_km(build_network(association_stations(stations, picks, config)), config)
        reach_note = f"; reach {reach_km:.1f} km read from the network ({why})"
    else:
        reach_note = f"; reach {reach_km:g} km (--reach-km)"
    config = replace(config, reach_km=reach_km)
    summary = ""
    if streaming:
        from truceline.fuse.replay import replay

        emission, late = replay(stations, picks, config, party_at=areas.party_at if areas is not None else None)
        events, assignments = emission.events, emission.assignments
        latency = emission.latency_s
        if len(latency):
            summary = (f"; streaming: emission latency p50 {np.percentile(latency, 50):.1f} s, "
                       f"p99 {np.percentile(latency, 99):.1f} s, {len(late)} late picks")
    else:
        prep, result, atmosphere = fuse(stations, picks, config)
        located = to_tables(prep, result, atmosphere, config=config, batch=True)
        events, assignments = located.events, located.assignments
        if areas is not None:
            events = with_sides(events, located.x_km, located.y_km, located.position_covariance_km2,
                                prep.network.to_latlon, areas.party_at)
    if attribute:
        from truceline.attribute.commands import write_attribution  # a later stage, orchestrated by the CLI

        events, attributed = write_attribution(events, assignments, areas, reports_path, agreement_name, out_dir, fmt,
                                                picks=picks, stations=stations)
        summary += f"; attribution: {attributed}"
    write_table(events, out_dir / f"events.{fmt}")
    write_table(assignments, out_dir / f"assignments.{fmt}")
    elapsed = time.perf_counter() - started
    print(
        f"truceline associate: {picks.num_rows} picks read, {events.num_rows} events found, "
        f"{assignments.num_rows} picks associated, {elapsed:.1f} s{reach_note}{summary}",
        file=sys.stderr,
    )
