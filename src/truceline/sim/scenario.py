"""Put a scenario together (``simulate``) and write its directory (``write_scenario``).

``simulate(config, seed)`` is deterministic: one ``numpy.random.SeedSequence(seed)`` is split
into independent streams for the network, the weather, the firing, propagation, clutter and
reports, so that changing one part of the model does not reshuffle the others.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from truceline.geo.areas import Areas, build_areas
from truceline.geo.frame import front_sectors
from truceline.model.tables import write_table
from truceline.sim.atmosphere import Atmosphere
from truceline.sim.clutter import LocalClutter, echoes, local_clutter, thunder
from truceline.sim.config import PRESETS, SimConfig
from truceline.sim.firing import Sources, Violation, fire, plan_missions
from truceline.sim.propagation import Arrivals, propagate
from truceline.sim.reports import osint_reports, patrol_reports
from truceline.sim.stations import Network, build_network

GENERATOR = "truceline.sim 1"
SCENARIO_FILES = ("stations.csv", "picks.csv", "areas.geojson", "reports.jsonl", "truth_events.csv", "truth_picks.csv", "scenario.json")


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Scenario:
    config: SimConfig
    seed: int
    stations: pa.Table
    picks: pa.Table
    truth_events: pa.Table
    truth_picks: pa.Table
    reports: list[dict[str, Any]]
    areas: dict[str, Any]
    parameters: dict[str, Any]
    pick_debug: pa.Table  # per true pick: the error budget (not part of the scenario directory)
    source_debug: pa.Table  # per true event: weapon, mission, reason, level
    network: Network
    atmosphere: Atmosphere


def _iso(time_s: float) -> str:
    return datetime.fromtimestamp(time_s, tz=timezone.utc).isoformat().replace("+00:00", "Z")


def _reorder(sources: Sources, order: np.ndarray) -> Sources:
    inverse = np.empty_like(order)
    inverse[order] = np.arange(order.size)
    partner = sources.partner[order]
    return Sources(
        time_s=sources.time_s[order],
        lat_deg=sources.lat_deg[order],
        lon_deg=sources.lon_deg[order],
        elev_m=sources.elev_m[order],
        level_db=sources.level_db[order],
        kind=sources.kind[order],
        weapon=sources.weapon[order],
        mission=sources.mission[order],
        round_id=sources.round_id[order],
        partner=np.where(partner >= 0, inverse[np.maximum(partner, 0)], -1),
        firing_party=sources.firing_party[order],
        reason=sources.reason[order],
    )


def _in_window(arrivals: Arrivals, start: float, end: float) -> np.ndarray:
    return np.asarray((arrivals.time_s >= start) & (arrivals.time_s < end))


def simulate(config: SimConfig, seed: int) -> Scenario:
    """Simulate one scenario: stations, picks, reports, areas and the ground truth."""
    preset = PRESETS[config.preset]
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(7)]
    network_rng, weather_rng, firing_rng, propagation_rng, clutter_rng, report_rng, thunder_rng = streams
    start, end = config.start_time_s, config.end_time_s
    sectors = front_sectors()
    areas_json = build_areas(band_km=config.band_km, withdrawal_km=config.withdrawal_km)
    areas = Areas.from_geojson(areas_json, source="<build_areas>")
    network = build_network(config, sectors, areas, network_rng)
    atmosphere = Atmosphere.draw(weather_rng, sectors, start)

    placed, violation = plan_missions(preset, config, sectors, areas, firing_rng)
    sources = fire(placed, preset, firing_rng)
    sources = sources.take((sources.time_s >= start) & (sources.time_s < end))
    sources = _reorder(sources, np.argsort(sources.time_s, kind="stable"))
    source_along = sectors.nearest_along_m(sources.lat_deg, sources.lon_deg)
    true = propagate(
        time_s=sources.time_s, lat_deg=sources.lat_deg, lon_deg=sources.lon_deg, elev_m=sources.elev_m,
        level_db=sources.level_db, along_m=source_along, network=network, atmosphere=atmosphere, config=config,
        rng=propagation_rng,
    )
    recorded = _in_window(true, start, end)
    n_true = int(recorded.sum())
    if config.clutter_rate_per_station_hour is None:
        clutter_wanted = config.clutter_fraction / (1.0 - config.clutter_fraction) * n_true
    else:
        clutter_wanted = config.clutter_rate_per_station_hour * len(network) * config.duration_s / 3600.0
    storm, _ = thunder(network, sectors, atmosphere, config, config.thunder_share * clutter_wanted, thunder_rng)
    storm_recorded = _in_window(storm, start, end)
    echo = echoes(network, true, recorded, clutter_rng)
    echo = _clip(echo, start, end)
    local = local_clutter(network, config, clutter_wanted - int(storm_recorded.sum()) - echo.station.size, clutter_rng)
    local = _merge(local, echo)

    picks, truth_picks, pick_debug = _picks(network, true, recorded, storm, storm_recorded, local)
    event_ids = np.arange(1, len(sources) + 1, dtype=np.int64)
    n_picks = np.bincount(true.source[recorded], minlength=len(sources)).astype(np.int64)
    side = areas.party_at(sources.lat_deg, sources.lon_deg)
    truth_events = pa.table(
        {
            "event_id": pa.array(event_ids),
            "time": pa.array(np.round(sources.time_s, 3)),
            "lat": pa.array(np.round(sources.lat_deg, 6)),
            "lon": pa.array(np.round(sources.lon_deg, 6)),
            "side": pa.array(side.tolist(), type=pa.string()),
            "kind": pa.array(sources.kind.tolist(), type=pa.string()),
            "pair_id": pa.array(np.where(sources.partner >= 0, sources.partner + 1, 0), mask=sources.partner < 0, type=pa.int64()),
            "firing_party": pa.array(sources.firing_party.tolist(), type=pa.string()),
            "n_picks": pa.array(n_picks),
        }
    )
    source_debug = pa.table(
        {
            "event_id": pa.array(event_ids),
            "weapon": pa.array(sources.weapon.tolist(), type=pa.string()),
            "mission_id": pa.array(sources.mission),
            "round_id": pa.array(sources.round_id),
            "reason": pa.array(sources.reason.tolist(), type=pa.string()),
            "level_db": pa.array(np.round(sources.level_db, 2)),
            "elev_m": pa.array(np.round(sources.elev_m, 1)),
            "along_m": pa.array(np.round(source_along, 1)),
        }
    )
    reports = patrol_reports(sources, event_ids, sectors, config, report_rng) + osint_reports(sources, event_ids, config, report_rng)
    parameters = _parameters(config, seed, network, atmosphere, violation, sectors.length_m, picks, truth_events)
    return Scenario(
        config=config, seed=seed, stations=network.table(), picks=picks, truth_events=truth_events, truth_picks=truth_picks,
        reports=reports, areas=areas_json, parameters=parameters, pick_debug=pick_debug, source_debug=source_debug,
        network=network, atmosphere=atmosphere,
    )


def _clip(clutter: LocalClutter, start: float, end: float) -> LocalClutter:
    keep = (clutter.time_s >= start) & (clutter.time_s < end)
    return LocalClutter(
        station=clutter.station[keep], time_s=clutter.time_s[keep], amplitude_pa=clutter.amplitude_pa[keep],
        snr=clutter.snr[keep], backazimuth_deg=clutter.backazimuth_deg[keep], backazimuth_sigma_deg=clutter.backazimuth_sigma_deg[keep],
    )


def _merge(first: LocalClutter, second: LocalClutter) -> LocalClutter:
    return LocalClutter(
        station=np.concatenate([first.station, second.station]),
        time_s=np.concatenate([first.time_s, second.time_s]),
        amplitude_pa=np.concatenate([first.amplitude_pa, second.amplitude_pa]),
        snr=np.concatenate([first.snr, second.snr]),
        backazimuth_deg=np.concatenate([first.backazimuth_deg, second.backazimuth_deg]),
        backazimuth_sigma_deg=np.concatenate([first.backazimuth_sigma_deg, second.backazimuth_sigma_deg]),
    )


def _picks(
    network: Network, true: Arrivals, recorded: np.ndarray, storm: Arrivals, storm_recorded: np.ndarray, local: LocalClutter
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """All picks sorted by time (ties by station), numbered from 1; truth links; the true picks' error budget."""
    t_index = np.flatnonzero(recorded)
    s_index = np.flatnonzero(storm_recorded)
    station = np.concatenate([true.station[t_index], storm.station[s_index], local.station])
    time = np.round(np.concatenate([true.time_s[t_index], storm.time_s[s_index], local.time_s]), 3)
    amplitude = np.concatenate([true.amplitude_pa[t_index], storm.amplitude_pa[s_index], local.amplitude_pa])
    snr = np.concatenate([true.snr[t_index], storm.snr[s_index], local.snr])
    backazimuth = np.concatenate([true.backazimuth_deg[t_index], storm.backazimuth_deg[s_index], local.backazimuth_deg])
    sigma = np.concatenate([true.backazimuth_sigma_deg[t_index], storm.backazimuth_sigma_deg[s_index], local.backazimuth_sigma_deg])
    event = np.concatenate([true.source[t_index] + 1, np.full(s_index.size + local.station.size, -1, dtype=np.int64)])
    order = np.lexsort((station, time))
    pick_id = np.empty(order.size, dtype=np.int64)
    pick_id[order] = np.arange(1, order.size + 1)
    ids = network.station_id
    picks = pa.table(
        {
            "pick_id": pa.array(pick_id[order]),
            "station_id": pa.array(ids[station[order]].tolist(), type=pa.string()),
            "time": pa.array(time[order]),
            "backazimuth_deg": pa.array(np.round(backazimuth[order], 2), mask=np.isnan(backazimuth[order])),
            "backazimuth_sigma_deg": pa.array(sigma[order], mask=np.isnan(sigma[order])),
            "amplitude": pa.array(_significant(amplitude[order])),
            "snr": pa.array(np.round(snr[order], 2)),
        }
    )
    truth_picks = pa.table({"pick_id": pa.array(pick_id[order]), "event_id": pa.array(event[order])})
    true_ids = pick_id[: t_index.size]
    pick_debug = pa.table(
        {
            "pick_id": pa.array(true_ids),
            "event_id": pa.array(true.source[t_index] + 1),
            "station_id": pa.array(ids[true.station[t_index]].tolist(), type=pa.string()),
            "time": pa.array(time[: t_index.size]),
            "distance_m": pa.array(true.distance_m[t_index]),
            "celerity_m_per_s": pa.array(true.celerity_m_per_s[t_index]),
            "path_error": pa.array(true.path_error[t_index]),
            "clock_offset_s": pa.array(network.clock_offset_s[true.station[t_index]]),
            "pick_error_s": pa.array(true.pick_error_s[t_index]),
            "pick_sigma_s": pa.array(true.pick_sigma_s[t_index]),
            "outlier": pa.array(true.outlier[t_index]),
        }
    )
    return picks, truth_picks, pick_debug


def _significant(values: np.ndarray, digits: int = 4) -> np.ndarray:
    magnitude = np.floor(np.log10(np.maximum(np.abs(values), 1e-30)))
    scale = 10.0 ** (digits - 1 - magnitude)
    return np.asarray(np.round(values * scale) / scale, dtype=np.float64)


def _parameters(
    config: SimConfig,
    seed: int,
    network: Network,
    atmosphere: Atmosphere,
    violation: Violation | None,
    line_length_m: float,
    picks: pa.Table,
    truth_events: pa.Table,
) -> dict[str, Any]:
    clutter = int(picks.num_rows) - int(np.sum(np.asarray(truth_events["n_picks"])))
    settings = asdict(config)
    settings["rows"] = [asdict(row) for row in config.rows]
    middle = 0.5 * (config.start_time_s + config.end_time_s)
    return {
        "generator": GENERATOR,
        "seed": seed,
        "preset": config.preset,
        "preset_description": PRESETS[config.preset].description,
        "hours": config.duration_s / 3600.0,
        "start": _iso(config.start_time_s),
        "end": _iso(config.end_time_s),
        "start_time_s": config.start_time_s,
        "end_time_s": config.end_time_s,
        "time_unit": "Unix seconds (UTC) in every file",
        "config": settings,
        "line_length_km": round(line_length_m / 1000.0, 3),
        "counts": {
            "stations": len(network),
            "array_stations": int(np.sum(network.kind == "array")),
            "true_events": int(truth_events.num_rows),
            "picks": int(picks.num_rows),
            "clutter_picks": clutter,
            "clutter_fraction": round(clutter / max(int(picks.num_rows), 1), 4),
        },
        "atmosphere": {
            "model": "c = 331.3 * sqrt(1 + T/273.15); effective celerity c + wind . direction",
            "at_start": atmosphere.describe(config.start_time_s),
            "at_middle": atmosphere.describe(middle),
        },
        "violation": None if violation is None else {**asdict(violation), "start": _iso(violation.start_s), "end": _iso(violation.end_s)},
        "stations_truth": network.truth(),
    }


def write_scenario(scenario: Scenario, out_dir: str | Path, *, debug: bool = False) -> list[Path]:
    """Write the scenario directory; files appear only once all of them are written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    partial = out / ".simulate-partial"
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir()
    try:
        write_table(scenario.stations, partial / "stations.csv")
        write_table(scenario.picks, partial / "picks.csv")
        write_table(scenario.truth_events, partial / "truth_events.csv")
        write_table(scenario.truth_picks, partial / "truth_picks.csv")
        (partial / "areas.geojson").write_text(json.dumps(scenario.areas, separators=(",", ":")) + "\n", encoding="utf-8")
        with (partial / "reports.jsonl").open("w", encoding="utf-8") as handle:
            for report in scenario.reports:
                handle.write(json.dumps(report, ensure_ascii=False) + "\n")
        (partial / "scenario.json").write_text(json.dumps(scenario.parameters, indent=2) + "\n", encoding="utf-8")
        names = list(SCENARIO_FILES)
        if debug:
            (partial / "debug").mkdir()
            write_table(scenario.pick_debug, partial / "debug" / "pick_errors.csv")
            write_table(scenario.source_debug, partial / "debug" / "sources.csv")
            names.append("debug")
        written = []
        for name in names:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            (partial / name).replace(target)
            written.append(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return written
