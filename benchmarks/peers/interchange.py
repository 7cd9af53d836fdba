"""Reading the contract's inputs for a peer and writing its results in the contract's outputs.

Every peer reads ``stations`` and ``picks`` exactly as ``truceline associate`` does (through
:mod:`truceline.model.tables`, so a bad file gets the same ``file:line: column: message``) and
writes ``events.csv`` and ``assignments.csv`` as CONTRACTS.md "Outputs of association" says, so
that ``truceline score`` reads every associator's run the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from benchmarks.peers.frame import FloatArray, LocalFrame
from truceline.model.tables import read_picks, read_stations, write_table


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerInputs:
    """Stations and picks as arrays, with positions projected into the network's local frame."""

    station_ids: list[str]
    station_x_km: FloatArray
    station_y_km: FloatArray
    pick_ids: list[str]
    pick_station_ids: list[str]
    pick_time_s: FloatArray
    frame: LocalFrame

    @property
    def pick_station_index(self) -> npt.NDArray[np.int64]:
        """Index into the station arrays of each pick's station."""
        position = {station_id: index for index, station_id in enumerate(self.station_ids)}
        return np.array([position[station_id] for station_id in self.pick_station_ids], dtype=np.int64)


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerEvent:
    """One event found by a peer, in the local frame; ``pick_rows`` index into the input picks."""

    time_s: float
    x_km: float
    y_km: float
    pick_rows: tuple[int, ...]
    residuals_s: tuple[float, ...]
    time_sigma_s: float | None = None


def read_inputs(stations_path: str | Path, picks_path: str | Path) -> PeerInputs:
    """Read and validate both input tables; project the stations into a frame centred on them."""
    stations = read_stations(stations_path)
    picks = read_picks(picks_path, stations)
    lat_deg = np.asarray(stations["lat"].to_numpy(), dtype=float)
    lon_deg = np.asarray(stations["lon"].to_numpy(), dtype=float)
    if len(lat_deg) == 0:
        raise ValueError(f"{stations_path}: no stations")
    frame = LocalFrame.centred_on(lat_deg, lon_deg)
    x_km, y_km = frame.to_km(lat_deg, lon_deg)
    return PeerInputs(
        station_ids=[str(value) for value in stations["station_id"].to_pylist()],
        station_x_km=x_km,
        station_y_km=y_km,
        pick_ids=[str(value) for value in picks["pick_id"].to_pylist()],
        pick_station_ids=[str(value) for value in picks["station_id"].to_pylist()],
        pick_time_s=np.asarray(picks["time"].to_numpy(), dtype=float),
        frame=frame,
    )


def _claims(events: Sequence[PeerEvent]) -> dict[int, int]:
    """pick row -> index of the event that keeps it (smallest absolute residual; earliest on ties)."""
    best: dict[int, tuple[float, int]] = {}
    for index, event in enumerate(events):
        for row, residual_s in zip(event.pick_rows, event.residuals_s):
            if row not in best or abs(residual_s) < best[row][0]:
                best[row] = (abs(residual_s), index)
    return {row: index for row, (_, index) in best.items()}


def _without_duplicates(events: list[PeerEvent]) -> list[PeerEvent]:
    kept = set(_claims(events).values())
    return [event for index, event in enumerate(events) if index in kept or not event.pick_rows]


def write_outputs(out_dir: str | Path, inputs: PeerInputs, events: Sequence[PeerEvent]) -> tuple[Path, Path]:
    """Write ``events.csv`` and ``assignments.csv`` into ``out_dir``.

    Events are numbered 1, 2, ... in order of origin time. A pick claimed by more than one event
    (PyOcto allows a few shared picks where time blocks or sectors overlap) is assigned to the
    event with its smallest absolute residual, since the contract gives each pick at most one
    event; an event left with no pick at all (a duplicate found from two sectors) is dropped.
    """
    ordered = sorted(events, key=lambda event: (event.time_s, event.x_km, event.y_km))
    ordered = _without_duplicates(ordered)
    x_km = np.array([event.x_km for event in ordered], dtype=float)
    y_km = np.array([event.y_km for event in ordered], dtype=float)
    lat_deg, lon_deg = inputs.frame.to_degrees(x_km, y_km) if ordered else (np.zeros(0), np.zeros(0))
    best: dict[int, tuple[float, int, float]] = {}
    for number, event in enumerate(ordered, start=1):
        for row, residual_s in zip(event.pick_rows, event.residuals_s):
            if row not in best or abs(residual_s) < abs(best[row][2]):
                best[row] = (abs(residual_s), number, residual_s)
    counts = np.zeros(len(ordered), dtype=np.int64)
    for _, number, _ in best.values():
        counts[number - 1] += 1
    columns: dict[str, pa.Array] = {
        "event_id": pa.array(np.arange(1, len(ordered) + 1, dtype=np.int64)),
        "time": pa.array([event.time_s for event in ordered], type=pa.float64()),
        "lat": pa.array(lat_deg, type=pa.float64()),
        "lon": pa.array(lon_deg, type=pa.float64()),
    }
    if any(event.time_sigma_s is not None for event in ordered):
        columns["time_sigma_s"] = pa.array([event.time_sigma_s for event in ordered], type=pa.float64())
    columns["n_picks"] = pa.array(counts)
    columns["kind"] = pa.array(["unknown"] * len(ordered), type=pa.string())
    rows = sorted(best)
    assignments = pa.table(
        {
            "pick_id": pa.array([inputs.pick_ids[row] for row in rows], type=pa.string()),
            "event_id": pa.array([best[row][1] for row in rows], type=pa.int64()),
            "residual_s": pa.array([best[row][2] for row in rows], type=pa.float64()),
        }
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    events_path = write_table(pa.table(columns), out / "events.csv")
    assignments_path = write_table(assignments, out / "assignments.csv")
    return events_path, assignments_path


def peer_command(name: str, stations_path: str | Path, picks_path: str | Path, out_dir: str | Path,
                 params_path: str | Path | None) -> list[str]:
    """The whole command that the benchmark times for an in-process peer: input files to output files."""
    arguments = [sys.executable, "-m", "benchmarks.peers", name, "--stations", str(stations_path), "--picks",
                 str(picks_path), "--out", str(out_dir)]
    if params_path is not None:
        arguments += ["--params", str(params_path)]
    return arguments
