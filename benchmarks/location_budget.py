"""Where an associator's location error comes from: its picks, or the sound-speed model.

    python benchmarks/location_budget.py --truth SCENARIO --run RUN [--min-picks 8] [--sample 300]

A diagnostic that uses the truth (``truth_events.csv``, ``truth_picks.csv``), never part of
the product. For a seeded sample of the run's events matched to true events heard by at least
``--min-picks`` stations, it relocates each event with one simple locator (Huber least squares
in position and origin time, 0.15 s pick error, straight paths at the effective sound speed
``c + w . u``) from four sets of picks, all under an *oracle regional atmosphere*: the median of
the celerity and wind fitted to the true picks of the other sampled events in the same ~100 km
of front (leave one out). It prints the median location error of:

* the run as written (its own locator and atmosphere);
* the run's picks, relocated under the oracle atmosphere (the run's atmosphere model removed);
* only those of the run's picks that truly belong to the event (wrong picks removed);
* all the event's true picks (missed picks added back): what a perfect association could reach;

beside the median Cramér-Rao bound of ``truceline score`` for the same events, the share of the
run's picks that belong to another event, the share of true picks missed, and how many matched
events are *chimeras* (most of their picks belong to other events: a salvo's rounds mixed).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

if __package__ in {None, ""}:  # run as a script: make the checkout importable
    _ROOT = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(_ROOT / "src"), str(_ROOT)]

import click
import numpy as np
from pyproj import Geod
from scipy.optimize import least_squares

from truceline.fuse.atmosphere import DEFAULT_CELERITY_KM_S
from truceline.fuse.crb import radial_bound_km
from truceline.model.tables import (ASSIGNMENTS, EVENTS, PICKS, STATIONS, TRUTH_EVENTS, TRUTH_PICKS, read_table)
from truceline.sim.scoring import _column, find_file, match_events, true_event_bounds

GEOD = Geod(ellps="WGS84")
SIGMA_PICK_S = 0.15
HUBER_SCALE = 2.0
REGION_DEG_LON = 1.3  # ~100 km of front at 48 N, the associator's tile


class Event:
    """The picks of one true event in a local frame centred on its true position (km, s from its true time)."""

    def __init__(self, dx_km: np.ndarray, dy_km: np.ndarray, t_s: np.ndarray) -> None:
        self.dx_km, self.dy_km, self.t_s = dx_km, dy_km, t_s

    def residuals(self, position: np.ndarray, atmosphere: np.ndarray) -> np.ndarray:
        x, y, t0 = position
        c, wx, wy = atmosphere
        r = np.maximum(np.hypot(self.dx_km - x, self.dy_km - y), 1e-6)
        along = (wx * (self.dx_km - x) + wy * (self.dy_km - y)) / r
        return np.asarray((self.t_s - (t0 + r / (c + along))) / SIGMA_PICK_S)

    def fit_atmosphere(self) -> np.ndarray:
        """Celerity and wind (km/s) fitted with the position, loosely tied to the standard celerity."""
        def cost(q: np.ndarray) -> np.ndarray:
            tie = np.array([(q[3] - DEFAULT_CELERITY_KM_S) / 0.01, q[4] / 0.01, q[5] / 0.01])
            return np.concatenate([self.residuals(q[:3], q[3:]), tie])
        start = np.array([0.0, 0.0, 0.0, DEFAULT_CELERITY_KM_S, 0.0, 0.0])
        return np.asarray(least_squares(cost, start, loss="huber", f_scale=HUBER_SCALE).x[3:])

    def error_km(self, atmosphere: np.ndarray) -> float:
        if len(self.t_s) < 4:
            return float("nan")
        fit = least_squares(lambda q: self.residuals(q, atmosphere), np.zeros(3), loss="huber", f_scale=HUBER_SCALE)
        return float(np.hypot(fit.x[0], fit.x[1]))


@click.command()
@click.option("--truth", "truth_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--run", "run_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--min-picks", default=8, show_default=True, help="Only events heard by at least this many stations.")
@click.option("--sample", default=300, show_default=True, help="Events sampled (seeded).")
@click.option("--seed", default=0, show_default=True)
def main(truth_dir: Path, run_dir: Path, min_picks: int, sample: int, seed: int) -> None:
    truth = read_table(find_file(truth_dir, "truth_events"), TRUTH_EVENTS)
    truth_picks = read_table(find_file(truth_dir, "truth_picks"), TRUTH_PICKS)
    picks = read_table(find_file(truth_dir, "picks"), PICKS)
    stations = read_table(find_file(truth_dir, "stations"), STATIONS)
    events = read_table(find_file(run_dir, "events"), EVENTS)
    assignments = read_table(find_file(run_dir, "assignments"), ASSIGNMENTS)

    station_row = {s: k for k, s in enumerate(stations["station_id"].to_pylist())}
    st_lat, st_lon = _column(stations, "lat").astype(float), _column(stations, "lon").astype(float)
    pick_row = {str(p): k for k, p in enumerate(picks["pick_id"].to_pylist())}
    pick_time = _column(picks, "time").astype(float)
    pick_station = np.array([station_row[s] for s in picks["station_id"].to_pylist()])
    true_event_of = np.full(picks.num_rows, "-1", dtype=object)
    true_rows: dict[str, list[int]] = {}
    for pick_id, event_id in zip(truth_picks["pick_id"].to_pylist(), truth_picks["event_id"].to_pylist()):
        row = pick_row.get(str(pick_id))
        if row is not None and str(event_id) != "-1":
            true_event_of[row] = str(event_id)
            true_rows.setdefault(str(event_id), []).append(row)
    run_rows: dict[str, list[int]] = {}
    for pick_id, event_id in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
        if str(pick_id) in pick_row:
            run_rows.setdefault(str(event_id), []).append(pick_row[str(pick_id)])

    truth_ids = [str(e) for e in truth["event_id"].to_pylist()]
    t_time, t_lat, t_lon = (_column(truth, c).astype(float) for c in ("time", "lat", "lon"))
    run_ids = [str(e) for e in events["event_id"].to_pylist()]
    matching = match_events(t_time, t_lat, t_lon, *(_column(events, c).astype(float) for c in ("time", "lat", "lon")))
    pairs = [(int(t), int(r), float(d)) for t, r, d in zip(matching.truth_index, matching.run_index, matching.distance_km)
             if len(true_rows.get(truth_ids[t], ())) >= min_picks]
    if not pairs:
        raise click.ClickException(f"no matched event was heard by {min_picks} or more stations")
    chosen = np.sort(np.random.default_rng(seed).choice(len(pairs), size=min(sample, len(pairs)), replace=False))
    pairs = [pairs[i] for i in chosen]

    def local(k: int, rows: list[int] | np.ndarray) -> Event:
        rows = np.asarray(rows, dtype=int)
        s = pick_station[rows]
        azimuth, _, metres = GEOD.inv(np.full(len(s), t_lon[k]), np.full(len(s), t_lat[k]), st_lon[s], st_lat[s])
        heading = np.radians(np.asarray(azimuth))
        km = np.asarray(metres) / 1000.0
        return Event(km * np.sin(heading), km * np.cos(heading), pick_time[rows] - t_time[k])

    sampled = np.array([pair[0] for pair in pairs])
    with click.progressbar(sampled, label="fitting the atmosphere to true picks", file=sys.stderr) as bar:
        fitted = np.array([local(int(k), true_rows[truth_ids[k]]).fit_atmosphere() for k in bar])
    region = np.floor((t_lon[sampled] - t_lon.min()) / REGION_DEG_LON).astype(int)
    written, ours, ours_right, all_true, wrong_share, missed_share = ([] for _ in range(6))
    chimeras = 0
    with click.progressbar(list(enumerate(pairs)), label="relocating", file=sys.stderr) as numbered:
        for i, (t, r, distance) in numbered:
            others = region == region[i]
            others[i] = False
            atmosphere = (np.median(fitted[others], axis=0) if others.sum() >= 3
                          else np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]))
            own = np.array(run_rows.get(run_ids[r], []), dtype=np.int64)
            truly = truth_ids[t]
            right = own[true_event_of[own] == truly]
            written.append(distance)
            ours.append(local(t, own).error_km(atmosphere))
            ours_right.append(local(t, right).error_km(atmosphere))
            all_true.append(local(t, true_rows[truly]).error_km(atmosphere))
            wrong_share.append(1.0 - len(right) / len(own) if len(own) else np.nan)
            missed_share.append(1.0 - len(right) / len(true_rows[truly]))
            if len(own) and Counter(true_event_of[own].tolist()).most_common(1)[0][0] != truly:
                chimeras += 1
    bounds = true_event_bounds(truth_dir, truth, sampled)
    crb = np.array([radial_bound_km(b) for b in bounds]) if bounds is not None else np.full(len(pairs), np.nan)

    def line(label: str, values: list[float]) -> str:
        median = float(np.nanmedian(values))
        return f"  {label:<58} {median:8.4f} km  {median / float(np.nanmedian(crb)):6.2f} x CRB"

    click.echo(f"{len(pairs)} matched events heard by >= {min_picks} stations (seed {seed})")
    click.echo(line("as written by the run", written))
    click.echo(line("run's picks, oracle regional atmosphere", ours))
    click.echo(line("run's picks that are the event's own, oracle atmosphere", ours_right))
    click.echo(line("all the event's true picks, oracle atmosphere", all_true))
    click.echo(f"  {'median Cramér-Rao bound (truceline score)':<58} {float(np.nanmedian(crb)):8.4f} km")
    click.echo(f"  run's picks that belong to another event: mean {np.nanmean(wrong_share):.3f}, "
               f"median {np.nanmedian(wrong_share):.3f}")
    click.echo(f"  the event's true picks the run missed: mean {np.nanmean(missed_share):.3f}")
    click.echo(f"  chimeras (most of the event's picks belong to other events): {chimeras} of {len(pairs)}")


if __name__ == "__main__":
    main()
