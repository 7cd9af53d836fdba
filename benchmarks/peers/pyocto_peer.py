"""PyOcto (Münchmeyer 2024, https://github.com/yetinam/pyocto) configured for acoustic picks.

PyOcto searches space-time with an octree: a node survives while enough picks are consistent
with some origin inside it, and leaves become events that are then located and refined. It is
built for earthquakes (km/s, P and S, depth), so every physical parameter is translated:

* **speed units**: PyOcto's octree measures a node's size as ``max(wx, wy, wz, 5 * wt)`` (km and
  s: it weighs time as if waves travelled 5 km/s). At 0.34 km/s that splits every node in time
  down to ``min_node_size / 5`` seconds although its travel-time spread is seconds wide. So
  positions go to PyOcto in a unit in which sound travels 5 units/s (1 unit = v/5 km, about 68 m;
  limits, node sizes and cutoffs scaled alike, seconds unchanged, positions scaled back);
  ``speed_scaled_units = false`` runs plain km;
* ``location_cutoff_distance`` is left unset: PyOcto's location search ignores picks beyond it
  from each *candidate* cell's centre, which steers the coarse-to-fine search towards places few
  picks can reach (F1 fell from 0.35 to 0.03 with 35 km on the tuning scenario);
* one phase: every acoustic arrival is a "P" pick; ``VelocityModel0D(p_velocity=0.34 km/s)``
  (the S velocity is never used, set to ``p/1.75`` only because the model needs one);
* sources at the surface: stations and sources all at ``z = 0`` (the sound path is along the
  ground; station elevations of a few hundred metres change 10 km paths by centimetres), and
  ``zlim = (0, 0)``;
* node sizes well below PyOcto's seismic defaults (10 km and 1.5 km): at 0.34 km/s a node
  of 2 km spans 6 s of travel time (the location node, 0.1 km, about 0.3 s);
* ``time_before`` (the overlap between time blocks) must exceed the longest travel time through
  the network: sound needs ~100 s for 35 km, the simulator's typical longest detection;
* ``association_cutoff_distance``: acoustic detections do not reach beyond a few tens of
  kilometres (10–35 km typically), so stations farther than that from a node are not counted;
* ``n_picks = 5``, ``min_pick_fraction = 0.5`` and ``tolerance = 1 s``: PyOcto's own advice when
  it "runs for too long"; with 4 picks, 0.25 and 2 s a tenth of an hour of the ``heavy``
  preset did not finish in 500 s;
* ``min_interevent_time`` below the seismic 3 s default, since salvos fire rounds seconds apart;
* ``tolerance`` and ``pick_match_tolerance`` in seconds of travel-time misfit; wind and
  temperature change the effective sound speed by several percent, seconds over tens of km.
* **sectors**: PyOcto's run time grows steeply with the size of its study zone (its parameter
  guide says so; at acoustic speeds every large node holds minutes of picks and survives), and
  the front's bounding box is ~1,000 × 600 km. As anyone deploying it on a long front would, the
  wrapper cuts the network's box into square sectors of ``sector_km`` and runs PyOcto once per
  sector, with a study zone just over the sector and the stations within ``sector_overlap_km``
  of it (at least the detection range, so a source inside the sector keeps all its stations); an
  event is kept by the sector that contains it. ``sector_km = null`` runs one study zone over the
  whole network. (A smaller zone also locates better: PyOcto's location search starts from the
  whole zone.)

All of these are tuned by ``benchmarks/tune_peers.py`` for the best F1; the values in
``benchmarks/peers/params.json`` override the defaults below.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.peers.interchange import PeerEvent, PeerInputs, read_inputs, write_outputs, peer_command

NAME = "pyocto"

PYOCTO_KM_PER_S = 5.0
"""How PyOcto weighs time against space in its octree: ``Volume::maxw() = max(wx, wy, wz, 5 * wt)``."""

DEFAULT_PARAMS: dict[str, Any] = {
    "velocity_km_s": 0.34,
    "speed_scaled_units": True,
    "tolerance_s": 1.0,
    "association_cutoff_distance_km": 35.0,
    "location_cutoff_distance_km": None,
    "time_before_s": 120.0,
    "time_slicing_s": 1200.0,
    "min_node_size_km": 2.0,
    "min_node_size_location_km": 0.1,
    "pick_match_tolerance_s": 2.0,
    "min_interevent_time_s": 1.0,
    "n_picks": 5,
    "max_pick_overlap": 4,
    "min_pick_fraction": 0.5,
    "refinement_iterations": 3,
    "margin_km": 30.0,
    "sector_km": 100.0,
    "sector_overlap_km": 35.0,
    "n_threads": None,
}


def version() -> str:
    from importlib.metadata import version as installed_version

    return installed_version("pyocto")


def merged_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """The defaults updated with ``params``; an unknown name is an error, not silently ignored."""
    merged = dict(DEFAULT_PARAMS)
    for key, value in (params or {}).items():
        if key not in DEFAULT_PARAMS:
            raise ValueError(f"unknown PyOcto parameter {key!r} (known: {', '.join(sorted(DEFAULT_PARAMS))})")
        merged[key] = value
    return merged


ZONE_PAD_KM = 5.0
"""How far a sector's study zone reaches beyond the sector (its stations reach ``sector_overlap_km``)."""


def sectors(
    inputs: PeerInputs, sector_km: float | None, margin_km: float, overlap_km: float
) -> list[tuple[float, float, float, float]]:
    """Square sectors (x_min, x_max, y_min, y_max) tiling the stations' box plus ``margin_km``.

    Sectors with no station within ``overlap_km`` are left out: no source there can be heard.
    """
    x_min, x_max = float(inputs.station_x_km.min()) - margin_km, float(inputs.station_x_km.max()) + margin_km
    y_min, y_max = float(inputs.station_y_km.min()) - margin_km, float(inputs.station_y_km.max()) + margin_km
    if sector_km is None:
        return [(x_min, x_max, y_min, y_max)]
    boxes = []
    for x0 in np.arange(x_min, x_max, sector_km):
        for y0 in np.arange(y_min, y_max, sector_km):
            box = (float(x0), float(min(x0 + sector_km, x_max)), float(y0), float(min(y0 + sector_km, y_max)))
            near = _inside(inputs.station_x_km, inputs.station_y_km, box, overlap_km)
            if near.any():
                boxes.append(box)
    return boxes


def _inside(x_km: Any, y_km: Any, box: tuple[float, float, float, float], pad_km: float = 0.0) -> Any:
    return (x_km >= box[0] - pad_km) & (x_km < box[1] + pad_km) & (y_km >= box[2] - pad_km) & (y_km < box[3] + pad_km)


def associate(inputs: PeerInputs, params: dict[str, Any] | None = None) -> list[PeerEvent]:
    """Run PyOcto on projected inputs, sector by sector; returns its events with their picks and residuals."""
    config = merged_params(params)
    if not inputs.pick_ids:
        return []
    sector_km = None if config["sector_km"] is None else float(config["sector_km"])
    overlap_km = float(config["sector_overlap_km"])
    station_of_pick = inputs.pick_station_index
    found: list[PeerEvent] = []
    for box in sectors(inputs, sector_km, float(config["margin_km"]), overlap_km):
        if sector_km is None:
            found += _associate_zone(inputs, config, box, np.arange(len(inputs.pick_ids)), np.arange(len(inputs.station_ids)))
            continue
        stations = np.flatnonzero(_inside(inputs.station_x_km, inputs.station_y_km, box, overlap_km))
        rows = np.flatnonzero(np.isin(station_of_pick, stations))
        zone = (box[0] - ZONE_PAD_KM, box[1] + ZONE_PAD_KM, box[2] - ZONE_PAD_KM, box[3] + ZONE_PAD_KM)
        for event in _associate_zone(inputs, config, zone, rows, stations):
            if _inside(np.array([event.x_km]), np.array([event.y_km]), box)[0]:
                found.append(event)
    return found


def _associate_zone(
    inputs: PeerInputs, config: dict[str, Any], zone: tuple[float, float, float, float], rows: Any, stations: Any
) -> list[PeerEvent]:
    """One PyOcto run over the study zone ``zone`` with the picks ``rows`` and the ``stations`` (indices)."""
    import pandas as pd
    import pyocto

    if len(rows) == 0:
        return []
    velocity_km_s = float(config["velocity_km_s"])
    # Units handed to PyOcto: with speed_scaled_units, one in which sound travels PYOCTO_KM_PER_S
    # units per second, so that PyOcto's octree weighs a node's time width against its size as
    # it does for seismic P waves (travel times and seconds are unchanged; positions scale back).
    units_per_km = PYOCTO_KM_PER_S / velocity_km_s if config["speed_scaled_units"] else 1.0
    speed = velocity_km_s * units_per_km

    def distance(key: str) -> float | None:
        return None if config[key] is None else float(config[key]) * units_per_km

    model = pyocto.VelocityModel0D(
        p_velocity=speed,
        s_velocity=speed / 1.75,
        tolerance=float(config["tolerance_s"]),
        association_cutoff_distance=distance("association_cutoff_distance_km"),
        location_cutoff_distance=distance("location_cutoff_distance_km"),
    )
    keywords: dict[str, Any] = {
        "xlim": (zone[0] * units_per_km, zone[1] * units_per_km),
        "ylim": (zone[2] * units_per_km, zone[3] * units_per_km),
        "zlim": (0.0, 0.0),
        "velocity_model": model,
        "time_before": float(config["time_before_s"]),
        "time_slicing": float(config["time_slicing_s"]),
        "min_node_size": float(config["min_node_size_km"]) * units_per_km,
        "min_node_size_location": float(config["min_node_size_location_km"]) * units_per_km,
        "pick_match_tolerance": float(config["pick_match_tolerance_s"]),
        "min_interevent_time": float(config["min_interevent_time_s"]),
        "max_pick_overlap": int(config["max_pick_overlap"]),
        "n_picks": int(config["n_picks"]),
        "n_p_picks": int(config["n_picks"]),
        "n_s_picks": 0,
        "n_p_and_s_picks": 0,
        "min_pick_fraction": float(config["min_pick_fraction"]),
        "refinement_iterations": int(config["refinement_iterations"]),
    }
    if config["n_threads"] is not None:
        keywords["n_threads"] = int(config["n_threads"])
    accepted = inspect.signature(pyocto.OctoAssociator).parameters
    missing = sorted(set(keywords) - set(accepted))
    if missing:
        raise RuntimeError(f"the installed pyocto {version()} lacks {', '.join(missing)}; install pyocto>=0.1.4")
    associator = pyocto.OctoAssociator(**keywords)
    station_table = pd.DataFrame(
        {
            "id": [inputs.station_ids[index] for index in stations],
            "x": inputs.station_x_km[stations] * units_per_km,
            "y": inputs.station_y_km[stations] * units_per_km,
            "z": np.zeros(len(stations)),
        }
    )
    picks = pd.DataFrame(
        {"station": [inputs.pick_station_ids[row] for row in rows], "time": inputs.pick_time_s[rows], "phase": "P"}
    )
    events, assignments = associator.associate(picks, station_table)
    if len(events) == 0:
        return []
    found: list[PeerEvent] = []
    by_event = assignments.groupby("event_idx")
    for row in events.itertuples(index=False):
        members = by_event.get_group(row.idx) if row.idx in by_event.groups else assignments.iloc[0:0]
        # A pick matched from an earlier iterate's location can lie beyond location_cutoff_distance
        # of the final one; PyOcto then gives it a NaN residual. Its docs: only picks within that
        # cutoff belong in the assignments, so such picks are left unassigned.
        members = members[np.isfinite(members["residual"].to_numpy(dtype=float))]
        found.append(
            PeerEvent(
                time_s=float(row.time),
                x_km=float(row.x) / units_per_km,
                y_km=float(row.y) / units_per_km,
                pick_rows=tuple(int(rows[value]) for value in members["pick_idx"]),
                residuals_s=tuple(float(value) for value in members["residual"]),
            )
        )
    return found


def run(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params: dict[str, Any] | None = None) -> None:
    """Read the contract's inputs, associate with PyOcto, write the contract's outputs."""
    inputs = read_inputs(stations_path, picks_path)
    events = associate(inputs, params)
    write_outputs(out_dir, inputs, events)


def command(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params_path: str | Path | None) -> list[str]:
    """The whole command that the benchmark times: input files to output files."""
    return peer_command(NAME, stations_path, picks_path, out_dir, params_path)
