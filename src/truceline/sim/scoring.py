"""``truceline score``: compare a run's events with a scenario's ground truth.

An estimated event matches a true event when their origin times differ by at most
``max_dt_s`` (3 s) and their locations by at most ``max_distance_km`` (2 km); matching is
one-to-one, maximum-cardinality and then minimum-cost, by the Hungarian method applied to
each connected component of the candidate graph (so a day of events stays cheap).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import numpy as np
import pyarrow as pa
from pyproj import Geod
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from truceline.fuse.atmosphere import DEFAULT_CELERITY_KM_S
from truceline.fuse.crb import cramer_rao_bound, radial_bound_km
from truceline.fuse.engine import FusionConfig
from truceline.model.errors import InputError
from truceline.model.tables import ASSIGNMENTS, CHI2_2DOF_95, EVENTS, PICKS, STATIONS, TRUTH_EVENTS, TRUTH_PICKS, read_table

GEOD = Geod(ellps="WGS84")
LOCATABLE_MIN_PICKS = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Matching:
    truth_index: np.ndarray
    run_index: np.ndarray
    distance_km: np.ndarray
    dt_s: np.ndarray


def find_file(folder: Path, stem: str) -> Path:
    for suffix in (".csv", ".parquet"):
        candidate = folder / f"{stem}{suffix}"
        if candidate.exists():
            return candidate
    raise InputError(str(folder / f"{stem}.csv"), "no such file (nor .parquet)")


def distance_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Geodesic distance on WGS 84, vectorised."""
    if len(lat1) == 0:
        return np.zeros(0)
    _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(metres, dtype=float) / 1000.0


def match_events(
    truth_time: np.ndarray,
    truth_lat: np.ndarray,
    truth_lon: np.ndarray,
    run_time: np.ndarray,
    run_lat: np.ndarray,
    run_lon: np.ndarray,
    *,
    max_dt_s: float = 3.0,
    max_distance_km: float = 2.0,
) -> Matching:
    """One-to-one matching of run events to true events (maximum cardinality, then least cost)."""
    order = np.argsort(run_time, kind="stable")
    sorted_time = run_time[order]
    low = np.searchsorted(sorted_time, truth_time - max_dt_s, side="left")
    high = np.searchsorted(sorted_time, truth_time + max_dt_s, side="right")
    counts = high - low
    truth_candidates = np.repeat(np.arange(len(truth_time)), counts)
    run_candidates = order[np.concatenate([np.arange(a, b) for a, b in zip(low, high)])] if counts.sum() else np.zeros(0, int)
    run_candidates = run_candidates.astype(int)
    dt = np.abs(run_time[run_candidates] - truth_time[truth_candidates])
    dist = distance_km(truth_lat[truth_candidates], truth_lon[truth_candidates], run_lat[run_candidates], run_lon[run_candidates])
    keep = (dt <= max_dt_s) & (dist <= max_distance_km)
    truth_candidates, run_candidates, dt, dist = truth_candidates[keep], run_candidates[keep], dt[keep], dist[keep]
    if len(truth_candidates) == 0:
        empty = np.zeros(0, int)
        return Matching(truth_index=empty, run_index=empty, distance_km=np.zeros(0), dt_s=np.zeros(0))
    n_truth, n_run = len(truth_time), len(run_time)
    graph = coo_matrix(
        (np.ones(len(truth_candidates)), (truth_candidates, n_truth + run_candidates)), shape=(n_truth + n_run,) * 2
    )
    _, labels = connected_components(graph, directed=False)
    cost = (dist / max_distance_km) ** 2 + (dt / max_dt_s) ** 2
    component = labels[truth_candidates]
    order = np.argsort(component, kind="stable")
    bounds = np.flatnonzero(np.diff(component[order])) + 1
    out_truth: list[int] = []
    out_run: list[int] = []
    for group in np.split(order, bounds):
        rows, row_index = np.unique(truth_candidates[group], return_inverse=True)
        cols, col_index = np.unique(run_candidates[group], return_inverse=True)
        matrix = np.full((len(rows), len(cols)), 1e6)
        matrix[row_index, col_index] = cost[group]
        chosen_rows, chosen_cols = linear_sum_assignment(matrix)
        feasible = matrix[chosen_rows, chosen_cols] < 1e6
        out_truth.extend(rows[chosen_rows[feasible]].tolist())
        out_run.extend(cols[chosen_cols[feasible]].tolist())
    truth_index = np.array(out_truth, dtype=int)
    run_index = np.array(out_run, dtype=int)
    return Matching(
        truth_index=truth_index,
        run_index=run_index,
        distance_km=distance_km(truth_lat[truth_index], truth_lon[truth_index], run_lat[run_index], run_lon[run_index]),
        dt_s=np.abs(run_time[run_index] - truth_time[truth_index]),
    )


def inside_ellipse(
    truth_lat: np.ndarray,
    truth_lon: np.ndarray,
    run_lat: np.ndarray,
    run_lon: np.ndarray,
    major_km: np.ndarray,
    minor_km: np.ndarray,
    azimuth_deg: np.ndarray,
) -> np.ndarray:
    """Whether each true location lies inside its estimate's ellipse (azimuth of the major axis from north)."""
    forward, _, metres = GEOD.inv(run_lon, run_lat, truth_lon, truth_lat)
    bearing = np.radians(np.asarray(forward, dtype=float) - azimuth_deg)
    along = np.asarray(metres, dtype=float) / 1000.0 * np.cos(bearing)
    across = np.asarray(metres, dtype=float) / 1000.0 * np.sin(bearing)
    with np.errstate(divide="ignore", invalid="ignore"):
        radius = (along / major_km) ** 2 + (across / np.maximum(minor_km, 1e-9)) ** 2
    return np.asarray(radius <= 1.0)


def _column(table: pa.Table, name: str) -> np.ndarray:
    return np.asarray(table[name].to_numpy(zero_copy_only=False))


def _signed_distance_m(truth_dir: Path, lat: np.ndarray, lon: np.ndarray) -> np.ndarray | None:
    areas_path = truth_dir / "areas.geojson"
    if not areas_path.exists() or len(lat) == 0:
        return None
    from truceline.geo.areas import read_areas

    return np.asarray(read_areas(areas_path).signed_distance_m(lat, lon), dtype=float)


def score(truth_dir: Path, run_dir: Path) -> dict[str, Any]:
    """All metrics of CONTRACTS.md as one JSON-ready dict (``None`` where not measurable)."""
    truth = read_table(find_file(truth_dir, "truth_events"), TRUTH_EVENTS)
    run = read_table(find_file(run_dir, "events"), EVENTS)
    t_time, t_lat, t_lon = (_column(truth, c).astype(float) for c in ("time", "lat", "lon"))
    r_time, r_lat, r_lon = (_column(run, c).astype(float) for c in ("time", "lat", "lon"))
    matching = match_events(t_time, t_lat, t_lon, r_time, r_lat, r_lon)
    n_true, n_run, n_matched = truth.num_rows, run.num_rows, len(matching.truth_index)
    precision = n_matched / n_run if n_run else None
    recall = n_matched / n_true if n_true else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    result: dict[str, Any] = {
        "n_true": n_true,
        "n_run": n_run,
        "n_matched": n_matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }
    if "n_picks" in truth.column_names:
        locatable = np.nan_to_num(_column(truth, "n_picks").astype(float)) >= LOCATABLE_MIN_PICKS
        matched = np.zeros(n_true, dtype=bool)
        matched[matching.truth_index] = True
        result["n_true_locatable"] = int(locatable.sum())
        result["recall_locatable"] = float(matched[locatable].mean()) if locatable.any() else None
    errors = matching.distance_km
    result["location_error_median_km"] = float(np.median(errors)) if n_matched else None
    result["location_error_p90_km"] = float(np.percentile(errors, 90)) if n_matched else None
    result["origin_time_error_median_s"] = float(np.median(matching.dt_s)) if n_matched else None
    result["pick_assignment_accuracy"] = _pick_accuracy(truth_dir, run_dir, truth, run, matching)
    result.update(_side_metrics(truth_dir, truth, run, matching))
    result["ellipse_coverage_95"] = _coverage(truth, run, matching, t_lat, t_lon, r_lat, r_lon)
    result["origin_time_coverage_95"] = _time_coverage(run, matching, t_time, r_time)
    result.update(_crb_metrics(truth_dir, truth, matching))
    return result


def _pick_accuracy(truth_dir: Path, run_dir: Path, truth: pa.Table, run: pa.Table, matching: Matching) -> float | None:
    try:
        truth_picks = read_table(find_file(truth_dir, "truth_picks"), TRUTH_PICKS)
        assignments = read_table(find_file(run_dir, "assignments"), ASSIGNMENTS)
    except InputError:
        return None
    run_to_truth = {
        run_id: truth_id
        for run_id, truth_id in zip(
            np.asarray(run["event_id"].to_pylist())[matching.run_index].tolist(),
            np.asarray(truth["event_id"].to_pylist())[matching.truth_index].tolist(),
        )
    }
    assigned = dict(zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()))
    correct = 0
    for pick_id, true_event in zip(truth_picks["pick_id"].to_pylist(), truth_picks["event_id"].to_pylist()):
        run_event = assigned.get(pick_id)
        if true_event == "-1":
            correct += run_event is None
        elif run_event is not None and run_to_truth.get(run_event) == true_event:
            correct += 1
    return correct / truth_picks.num_rows if truth_picks.num_rows else None


def _side_metrics(truth_dir: Path, truth: pa.Table, run: pa.Table, matching: Matching) -> dict[str, float | int | None]:
    out: dict[str, float | int | None] = {"side_accuracy": None, "side_accuracy_beyond_1km": None, "n_side_beyond_1km": 0}
    if "side" not in run.column_names or not len(matching.truth_index):
        return out
    true_side = np.asarray(truth["side"].to_pylist(), dtype=object)[matching.truth_index]
    run_side = np.asarray(run["side"].to_pylist(), dtype=object)[matching.run_index]
    judged = np.array([bool(s) for s in true_side]) & np.array([bool(s) for s in run_side])
    if not judged.any():
        return out
    right = true_side == run_side
    out["side_accuracy"] = float(right[judged].mean())
    lat = _column(truth, "lat").astype(float)[matching.truth_index]
    lon = _column(truth, "lon").astype(float)[matching.truth_index]
    signed = _signed_distance_m(truth_dir, lat, lon)
    if signed is not None:
        far = judged & (np.abs(signed) > 1000.0)
        out["n_side_beyond_1km"] = int(far.sum())
        out["side_accuracy_beyond_1km"] = float(right[far].mean()) if far.any() else None
    return out


def _coverage(
    truth: pa.Table, run: pa.Table, matching: Matching, t_lat: np.ndarray, t_lon: np.ndarray, r_lat: np.ndarray, r_lon: np.ndarray
) -> float | None:
    needed = ("ellipse_major_km", "ellipse_minor_km", "ellipse_azimuth_deg")
    if not all(name in run.column_names for name in needed) or not len(matching.run_index):
        return None
    major, minor, azimuth = (_column(run, name).astype(float)[matching.run_index] for name in needed)
    valid = np.isfinite(major) & np.isfinite(minor) & np.isfinite(azimuth)
    if not valid.any():
        return None
    ti, ri = matching.truth_index[valid], matching.run_index[valid]
    inside = inside_ellipse(t_lat[ti], t_lon[ti], r_lat[ri], r_lon[ri], major[valid], minor[valid], azimuth[valid])
    return float(inside.mean())


def _time_coverage(run: pa.Table, matching: Matching, t_time: np.ndarray, r_time: np.ndarray) -> float | None:
    """The share of matched events whose true origin time lies within 1.96 ``time_sigma_s`` of the estimate (the
    origin time's 95 % interval, as the ellipse is the location's)."""
    if "time_sigma_s" not in run.column_names or not len(matching.run_index):
        return None
    sigma = _column(run, "time_sigma_s").astype(float)[matching.run_index]
    valid = np.isfinite(sigma)
    if not valid.any():
        return None
    ti, ri = matching.truth_index[valid], matching.run_index[valid]
    return float(np.mean(np.abs(r_time[ri] - t_time[ti]) <= 1.96 * sigma[valid]))


def true_event_bounds(truth_dir: Path, truth: pa.Table, events: np.ndarray) -> np.ndarray | None:
    """Cramér–Rao bound (3 x 3, km and s) of each given true event from the stations that detected it.

    Uses the scenario's ``stations``, ``picks`` and ``truth_picks``; ``None`` when one is missing.
    The noise is the associator's own model (``FusionConfig``: ``sigma_pick_s``, ``kappa_model``, the
    standard celerity; a back-azimuth's stated sigma plus 1 degree for refraction by wind, 5 degrees
    when none is stated), so the bound is what ``kernels.locate`` could reach with every true pick
    and nothing else."""
    try:
        stations = read_table(find_file(truth_dir, "stations"), STATIONS)
        picks = read_table(find_file(truth_dir, "picks"), PICKS)
        truth_picks = read_table(find_file(truth_dir, "truth_picks"), TRUTH_PICKS)
    except InputError:
        return None
    config = FusionConfig()
    station_index = {sid: k for k, sid in enumerate(stations["station_id"].to_pylist())}
    st_lat, st_lon = _column(stations, "lat").astype(float), _column(stations, "lon").astype(float)
    pick_row = {pid: k for k, pid in enumerate(picks["pick_id"].to_pylist())}
    pick_station = np.array([station_index.get(s, -1) for s in picks["station_id"].to_pylist()], dtype=int)
    baz = _column(picks, "backazimuth_deg").astype(float) if "backazimuth_deg" in picks.column_names else np.full(picks.num_rows, np.nan)
    baz_sigma = (_column(picks, "backazimuth_sigma_deg").astype(float) if "backazimuth_sigma_deg" in picks.column_names
                 else np.full(picks.num_rows, np.nan))
    baz_sigma = np.where(np.isfinite(baz_sigma) & (baz_sigma > 0), baz_sigma, 5.0)
    baz_sigma = np.where(np.isfinite(baz), np.sqrt(baz_sigma**2 + 1.0), np.nan)
    event_row = {eid: k for k, eid in enumerate(truth["event_id"].to_pylist())}
    rows_of: dict[int, list[int]] = {}
    for pick_id, event_id in zip(truth_picks["pick_id"].to_pylist(), truth_picks["event_id"].to_pylist()):
        k, row = event_row.get(event_id), pick_row.get(pick_id)
        if k is not None and row is not None and pick_station[row] >= 0:
            rows_of.setdefault(k, []).append(row)
    t_lat, t_lon = _column(truth, "lat").astype(float), _column(truth, "lon").astype(float)
    bounds = np.full((len(events), 3, 3), np.inf)
    for out, k in enumerate(np.asarray(events, dtype=int)):
        rows = np.array(sorted(rows_of.get(int(k), [])), dtype=int)
        if len(rows) < 2:
            continue
        s = pick_station[rows]
        azimuth, _, metres = GEOD.inv(np.full(len(s), t_lon[k]), np.full(len(s), t_lat[k]), st_lon[s], st_lat[s])
        distance = np.asarray(metres, dtype=float) / 1000.0
        heading = np.radians(np.asarray(azimuth, dtype=float))
        bounds[out] = cramer_rao_bound(distance * np.sin(heading), distance * np.cos(heading),
                                       celerity_km_s=DEFAULT_CELERITY_KM_S, sigma_pick_s=config.sigma_pick_s,
                                       kappa_model=config.kappa_model, backazimuth_sigma_deg=baz_sigma[rows])
    return bounds


def _crb_metrics(truth_dir: Path, truth: pa.Table, matching: Matching) -> dict[str, float | int | None]:
    """``crb_median_km``: median over matched true events of sqrt(trace) of the position bound;
    ``crb_time_median_s``: median of the origin-time bound's sigma; ``error_to_crb_ratio``: median
    over matched events of (location error / that event's sqrt(trace) bound)."""
    out: dict[str, float | int | None] = {"crb_median_km": None, "crb_time_median_s": None, "error_to_crb_ratio": None}
    if not len(matching.truth_index):
        return out
    bounds = true_event_bounds(truth_dir, truth, matching.truth_index)
    if bounds is None:
        return out
    radial = np.array([radial_bound_km(b) for b in bounds])
    finite = np.isfinite(radial) & (radial > 0)
    if not finite.any():
        return out
    out["crb_median_km"] = float(np.median(radial[finite]))
    out["crb_time_median_s"] = float(np.median(np.sqrt(bounds[finite, 2, 2])))
    out["error_to_crb_ratio"] = float(np.median(matching.distance_km[finite] / radial[finite]))
    return out


def _json_ready(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@click.command("score")
@click.option("--truth", "truth_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Scenario directory with truth_events.csv (and truth_picks.csv, areas.geojson).")
@click.option("--run", "run_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Run directory with events.csv (and assignments.csv).")
def score_command(truth_dir: Path, run_dir: Path) -> None:
    """Score a run against ground truth; print the metrics as one JSON object.

    An event matches a true event within 3 s and 2 km, one-to-one (Hungarian method).
    Prints precision, recall, f1, recall_locatable (true events with at least 4 detected
    picks), location_error_median_km / _p90_km, pick_assignment_accuracy, side_accuracy
    (overall and beyond 1 km of the line), ellipse_coverage_95 when the run has ellipses, and
    origin_time_coverage_95 (true origin time within 1.96 time_sigma_s) when it has time sigmas.
    With the scenario's stations.csv and picks.csv it also prints the Cramér–Rao bound of the
    matched true events under the associator's noise model: crb_median_km (median sqrt of the
    trace of the position bound), crb_time_median_s and error_to_crb_ratio (median over matched
    events of location error / that event's bound).
    """
    metrics = score(truth_dir, run_dir)
    click.echo(json.dumps({key: _json_ready(value) for key, value in metrics.items()}, indent=2, sort_keys=False))
