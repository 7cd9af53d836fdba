"""PyOcto (Münchmeyer 2024, https://github.com/yetinam/pyocto) configured for acoustic picks.

PyOcto searches space-time with an octree: a node survives while enough picks are consistent
with some origin inside it, and leaves become events that are then located and refined. It is
built for earthquakes (km/s, P and S, depth), so every physical parameter is translated:

* one phase: every acoustic arrival is a "P" pick; ``VelocityModel0D(p_velocity=0.34 km/s)``
  (the S velocity is never used, set to ``p/1.75`` only because the model needs one);
* sources at the surface: stations and sources all at ``z = 0`` (the sound path is along the
  ground; station elevations of a few hundred metres change 10 km paths by centimetres), and
  ``zlim = (0, 0)``;
* node sizes scaled by the ratio of speeds (0.34 / 6 ≈ 1/18) from PyOcto's seismic defaults
  (10 km and 1.5 km), so that a node spans the same travel-time uncertainty as in a seismic run;
* ``time_before`` (the overlap between time blocks) must exceed the longest travel time through
  the network: sound needs ~180 s for 60 km;
* ``association_cutoff_distance``: acoustic detections do not reach beyond a few tens of
  kilometres, so stations farther than that from a node are not counted for it;
* ``min_interevent_time`` below the seismic 3 s default, since salvos fire rounds seconds apart;
* ``tolerance`` and ``pick_match_tolerance`` in seconds of travel-time misfit; wind and
  temperature change the effective sound speed by several percent, seconds over tens of km.

All of these are tuned by ``benchmarks/tune_peers.py`` for the best F1; the values in
``benchmarks/peers/params.json`` override the defaults below.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.peers.interchange import PeerEvent, PeerInputs, read_inputs, write_outputs

NAME = "pyocto"

DEFAULT_PARAMS: dict[str, Any] = {
    "velocity_km_s": 0.34,
    "tolerance_s": 2.0,
    "association_cutoff_distance_km": 60.0,
    "time_before_s": 200.0,
    "time_slicing_s": 1200.0,
    "min_node_size_km": 0.5,
    "min_node_size_location_km": 0.1,
    "pick_match_tolerance_s": 2.0,
    "min_interevent_time_s": 1.0,
    "n_picks": 4,
    "max_pick_overlap": 4,
    "min_pick_fraction": 0.25,
    "refinement_iterations": 3,
    "margin_km": 30.0,
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


def associate(inputs: PeerInputs, params: dict[str, Any] | None = None) -> list[PeerEvent]:
    """Run PyOcto on projected inputs; returns its events with their picks and residuals."""
    import pandas as pd
    import pyocto

    config = merged_params(params)
    if not inputs.pick_ids:
        return []
    velocity_km_s = float(config["velocity_km_s"])
    model = pyocto.VelocityModel0D(
        p_velocity=velocity_km_s,
        s_velocity=velocity_km_s / 1.75,
        tolerance=float(config["tolerance_s"]),
        association_cutoff_distance=config["association_cutoff_distance_km"],
    )
    margin_km = float(config["margin_km"])
    keywords: dict[str, Any] = {
        "xlim": (float(inputs.station_x_km.min()) - margin_km, float(inputs.station_x_km.max()) + margin_km),
        "ylim": (float(inputs.station_y_km.min()) - margin_km, float(inputs.station_y_km.max()) + margin_km),
        "zlim": (0.0, 0.0),
        "velocity_model": model,
        "time_before": float(config["time_before_s"]),
        "time_slicing": float(config["time_slicing_s"]),
        "min_node_size": float(config["min_node_size_km"]),
        "min_node_size_location": float(config["min_node_size_location_km"]),
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
    stations = pd.DataFrame(
        {
            "id": inputs.station_ids,
            "x": inputs.station_x_km,
            "y": inputs.station_y_km,
            "z": np.zeros(len(inputs.station_ids)),
        }
    )
    picks = pd.DataFrame({"station": inputs.pick_station_ids, "time": inputs.pick_time_s, "phase": "P"})
    events, assignments = associator.associate(picks, stations)
    if len(events) == 0:
        return []
    found: list[PeerEvent] = []
    by_event = assignments.groupby("event_idx")
    for row in events.itertuples(index=False):
        members = by_event.get_group(row.idx) if row.idx in by_event.groups else assignments.iloc[0:0]
        found.append(
            PeerEvent(
                time_s=float(row.time),
                x_km=float(row.x),
                y_km=float(row.y),
                pick_rows=tuple(int(value) for value in members["pick_idx"]),
                residuals_s=tuple(float(value) for value in members["residual"]),
            )
        )
    return found


def run(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params: dict[str, Any] | None = None) -> None:
    """Read the contract's inputs, associate with PyOcto, write the contract's outputs; returns the event count."""
    inputs = read_inputs(stations_path, picks_path)
    events = associate(inputs, params)
    write_outputs(out_dir, inputs, events)


def command(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params_path: str | Path | None) -> list[str]:
    """The whole command that the benchmark times: input files to output files."""
    arguments = [sys.executable, "-m", "benchmarks.peers", NAME, "--stations", str(stations_path), "--picks", str(picks_path), "--out", str(out_dir)]
    if params_path is not None:
        arguments += ["--params", str(params_path)]
    return arguments
