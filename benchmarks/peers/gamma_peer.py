"""GaMMA (Zhu et al. 2022, https://github.com/AI4EPS/GaMMA; PyPI ``gmma``) configured for acoustic picks.

GaMMA clusters picks with DBSCAN in (time, position / speed) space, then fits each cluster with
a Bayesian Gaussian mixture whose components are sources: the mean arrival time at a station is
the origin time plus distance / speed, and the M-step relocates each source by a Huber-loss
L-BFGS-B fit. Translating its seismic set-up to sound in air:

* one phase: every acoustic arrival is a "p" pick; ``vel = {"p": v, "s": v / 1.75}`` with
  ``v = 0.34 km/s`` (S is never used);
* sources at the surface: ``dims = ["x(km)", "y(km)"]`` (no depth);
* **speed units**: GaMMA's initialisation (``seismic_ops.initialize_centers``) computes
  travel times with its built-in 6 km/s whatever ``vel`` says. So that every step of GaMMA uses
  the same, acoustic, speed, positions are handed to it in a scaled unit in which sound travels
  6 units/s (1 unit = v/6 km ≈ 57 m) and ``vel.p = 6``; travel times, residuals and DBSCAN's
  seconds are unchanged, and positions are scaled back on output. (``speed_scaled_units=false``
  runs it in plain km with ``vel.p = 0.34`` instead, for comparison.)
* ``covariance_prior`` (s²) is given explicitly: GaMMA's automatic prior grows with the cluster's
  spatial spread measured in km for seismic networks, which is meaningless in scaled units;
* ``dbscan_eps`` (s): ``"auto"`` uses GaMMA's own ``estimate_eps`` ((mean + 2σ) nearest-station
  distance / speed × 1.5, 58 s on the front's network), otherwise a number of seconds. Two picks
  of one source at stations d apart are at least d / v apart in DBSCAN's (t, x/v, y/v) space
  (24 s for 8 km), so at acoustic speeds an eps that keeps a source together also chains many
  sources of dense fire into one cluster; ``tune_peers.py`` picks the value;
* ``use_amplitude = False``: GaMMA's amplitude term is a seismic magnitude-distance law with fixed
  coefficients, which does not describe blast pressure in air;
* ``max_sigma11`` (s): the largest travel-time residual a pick may have in its event; wind and
  temperature give seconds of misfit at acoustic speeds.

GaMMA is slow on large inputs: the benchmark gives it a time budget and reports "timed out".
"""

from __future__ import annotations

import contextlib
import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.peers.interchange import PeerEvent, PeerInputs, read_inputs, write_outputs, peer_command

NAME = "gamma"

GAMMA_SPEED_UNITS_PER_S = 6.0
"""The speed GaMMA's initialisation assumes whatever its configuration says."""

DEFAULT_PARAMS: dict[str, Any] = {
    "velocity_km_s": 0.34,
    "speed_scaled_units": True,
    "method": "BGMM",
    "oversample_factor": 4,
    "dbscan_eps_s": "auto",
    "dbscan_min_samples": 3,
    "dbscan_min_cluster_size": 500,
    "dbscan_max_time_space_ratio": 10,
    "min_picks_per_eq": 4,
    "max_sigma11_s": 2.0,
    "covariance_prior_s2": 1.0,
    "margin_km": 30.0,
    "ncpu": 1,
    "seed": 42,
}


def version() -> str:
    from importlib.metadata import version as installed_version

    return installed_version("gmma")


def merged_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """The defaults updated with ``params``; an unknown name is an error, not silently ignored."""
    merged = dict(DEFAULT_PARAMS)
    for key, value in (params or {}).items():
        if key not in DEFAULT_PARAMS:
            raise ValueError(f"unknown GaMMA parameter {key!r} (known: {', '.join(sorted(DEFAULT_PARAMS))})")
        merged[key] = value
    if merged["method"] not in {"BGMM", "GMM"}:
        raise ValueError(f"GaMMA method must be BGMM or GMM, not {merged['method']!r}")
    return merged


def _seconds(iso_time: str) -> float:
    """GaMMA reports origin times as naive ISO strings in UTC (millisecond precision)."""
    return datetime.fromisoformat(iso_time).replace(tzinfo=timezone.utc).timestamp()


def associate(inputs: PeerInputs, params: dict[str, Any] | None = None) -> list[PeerEvent]:
    """Run GaMMA on projected inputs; returns its events with their picks and residuals."""
    import pandas as pd
    from gamma.utils import association, estimate_eps

    config = merged_params(params)
    if not inputs.pick_ids:
        return []
    velocity_km_s = float(config["velocity_km_s"])
    if config["speed_scaled_units"]:
        units_per_km = GAMMA_SPEED_UNITS_PER_S / velocity_km_s
        speed = GAMMA_SPEED_UNITS_PER_S
    else:
        units_per_km = 1.0
        speed = velocity_km_s
    x = inputs.station_x_km * units_per_km
    y = inputs.station_y_km * units_per_km
    stations = pd.DataFrame({"id": inputs.station_ids, "x(km)": x, "y(km)": y, "z(km)": np.zeros(len(x))})
    picks = pd.DataFrame(
        {
            "id": inputs.pick_station_ids,
            "timestamp": pd.to_datetime(inputs.pick_time_s, unit="s", utc=True),
            "type": "p",
            "prob": 1.0,
        }
    )
    margin = float(config["margin_km"]) * units_per_km
    eps_s = config["dbscan_eps_s"]
    if eps_s == "auto":
        eps_s = float(estimate_eps(stations, speed))
    gamma_config: dict[str, Any] = {
        "dims": ["x(km)", "y(km)"],
        "x(km)": (float(x.min()) - margin, float(x.max()) + margin),
        "y(km)": (float(y.min()) - margin, float(y.max()) + margin),
        "z(km)": (0.0, 0.0),
        "vel": {"p": speed, "s": speed / 1.75},
        "use_amplitude": False,
        "use_dbscan": True,
        "dbscan_eps": float(eps_s),
        "dbscan_min_samples": int(config["dbscan_min_samples"]),
        "dbscan_min_cluster_size": int(config["dbscan_min_cluster_size"]),
        "dbscan_max_time_space_ratio": float(config["dbscan_max_time_space_ratio"]),
        "method": config["method"],
        "oversample_factor": int(config["oversample_factor"]),
        "min_picks_per_eq": int(config["min_picks_per_eq"]),
        "min_p_picks_per_eq": int(config["min_picks_per_eq"]),
        "min_s_picks_per_eq": 0,
        "max_sigma11": float(config["max_sigma11_s"]),
        "covariance_prior": [float(config["covariance_prior_s2"])],
        "ncpu": int(config["ncpu"]),
    }
    gamma_config["bfgs_bounds"] = (gamma_config["x(km)"], gamma_config["y(km)"], (None, None))
    np.random.seed(int(config["seed"]))  # GaMMA draws its initial centres from numpy's global generator
    with contextlib.redirect_stdout(io.StringIO()):  # GaMMA prints progress dots; keep stdout clean
        events, assignments = association(picks, stations, gamma_config, method=config["method"])
    station_index = inputs.pick_station_index
    members: dict[int, list[int]] = {}
    for pick_row, event_index, _probability in assignments:
        members.setdefault(int(event_index), []).append(int(pick_row))
    found: list[PeerEvent] = []
    for event in events:
        time_s = _seconds(event["time"])
        x_km = float(event["x(km)"]) / units_per_km
        y_km = float(event["y(km)"]) / units_per_km
        rows = members.get(int(event["event_index"]), [])
        distance_km = np.hypot(inputs.station_x_km[station_index[rows]] - x_km, inputs.station_y_km[station_index[rows]] - y_km)
        residuals = inputs.pick_time_s[rows] - (time_s + distance_km / velocity_km_s)
        found.append(
            PeerEvent(
                time_s=time_s,
                x_km=x_km,
                y_km=y_km,
                pick_rows=tuple(rows),
                residuals_s=tuple(float(value) for value in residuals),
                time_sigma_s=float(event["sigma_time"]),
            )
        )
    return found


def run(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params: dict[str, Any] | None = None) -> None:
    """Read the contract's inputs, associate with GaMMA, write the contract's outputs; returns the event count."""
    inputs = read_inputs(stations_path, picks_path)
    events = associate(inputs, params)
    write_outputs(out_dir, inputs, events)


def command(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params_path: str | Path | None) -> list[str]:
    """The whole command that the benchmark times: input files to output files."""
    return peer_command(NAME, stations_path, picks_path, out_dir, params_path)
