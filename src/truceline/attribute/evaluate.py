"""Measuring attribution against a simulated scenario's ground truth.

Used by ``benchmarks/bench_attribution.py`` and the tests. :func:`events_from_truth` makes an
``events`` table from ``truth_events.csv`` with simulated location noise and honest ellipses, so
that the attribution stage can be measured apart from fusion; :func:`reliability_table` is the
calibration check (of the claims made with probability about p, about p should be right).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from truceline.model.tables import CHI2_2DOF_95
from truceline.attribute.physics import EARTH_RADIUS_M


def events_from_truth(truth: pa.Table, rng: np.random.Generator, *, min_picks: int = 4,
                      sigma_km: tuple[float, float] = (0.1, 1.5), time_sigma_s: tuple[float, float] = (0.1, 1.0)) -> pa.Table:
    """Truth events (with at least ``min_picks`` detected picks) moved by their own random ellipse.

    Each event draws a 1-sigma major axis log-uniformly in ``sigma_km``, a minor axis 0.3-1 of it and a
    random azimuth; its position is drawn from that normal distribution and its time from a normal of
    a random sigma in ``time_sigma_s``. ``event_id`` is ``T<truth id>``, so the truth is recoverable.
    """
    keep = np.asarray(truth["n_picks"].to_pylist()) >= min_picks
    ids = np.asarray(truth["event_id"].to_pylist())[keep]
    n = int(keep.sum())
    lat = np.asarray(truth["lat"].to_pylist(), dtype=np.float64)[keep]
    lon = np.asarray(truth["lon"].to_pylist(), dtype=np.float64)[keep]
    time = np.asarray(truth["time"].to_pylist(), dtype=np.float64)[keep]
    major = np.exp(rng.uniform(np.log(sigma_km[0]), np.log(sigma_km[1]), n))
    minor = major * rng.uniform(0.3, 1.0, n)
    azimuth = rng.uniform(0.0, 180.0, n)
    a, b = rng.normal(0.0, major), rng.normal(0.0, minor)
    theta = np.radians(azimuth)
    east = a * np.sin(theta) + b * np.cos(theta)
    north = a * np.cos(theta) - b * np.sin(theta)
    t_sigma = rng.uniform(*time_sigma_s, n)
    return pa.table({
        "event_id": pa.array([f"T{i}" for i in ids], type=pa.string()),
        "time": pa.array(time + rng.normal(0.0, t_sigma)),
        "lat": pa.array(lat + np.degrees(north * 1000.0 / EARTH_RADIUS_M)),
        "lon": pa.array(lon + np.degrees(east * 1000.0 / (EARTH_RADIUS_M * np.cos(np.radians(lat))))),
        "time_sigma_s": pa.array(t_sigma),
        "ellipse_major_km": pa.array(major * np.sqrt(CHI2_2DOF_95)),
        "ellipse_minor_km": pa.array(minor * np.sqrt(CHI2_2DOF_95)),
        "ellipse_azimuth_deg": pa.array(azimuth),
        "n_picks": pa.array(np.asarray(truth["n_picks"].to_pylist())[keep]),
        "side": pa.array([""] * n, type=pa.string()),
        "p_side": pa.array([None] * n, type=pa.float64()),
        "kind": pa.array(["unknown"] * n, type=pa.string()),
    })


@dataclass(frozen=True, slots=True, kw_only=True)
class PairingScore:
    pairs_found: int
    pairs_true: int  # true pairs whose two events are both present
    pairs_correct: int
    precision: float
    recall: float
    kind_accuracy: float  # over events mapped to a truth event
    kind_counted: int


def score_pairing(event_truth: Sequence[str | None], kind: Sequence[str], partner: NDArray[np.int64],
                  truth_kind: Mapping[str, str], truth_pair: Mapping[str, str | None]) -> PairingScore:
    """Pairing precision/recall and launch/impact accuracy; ``event_truth[i]`` is event i's truth id (or None)."""
    present = {t for t in event_truth if t is not None}
    found = correct = 0
    for i, j in enumerate(partner):
        if j < 0 or kind[i] != "launch":
            continue
        found += 1
        a, b = event_truth[i], event_truth[int(j)]
        if a is not None and b is not None and truth_pair.get(a) == b and truth_kind.get(a) == "launch":
            correct += 1
    true_pairs = sum(1 for t in present if truth_kind.get(t) == "launch" and truth_pair.get(t) in present)
    counted = right = 0
    for i, t in enumerate(event_truth):
        if t is None or kind[i] == "unknown":
            continue
        counted += 1
        right += int(kind[i] == truth_kind.get(t))
    return PairingScore(pairs_found=found, pairs_true=true_pairs, pairs_correct=correct,
                        precision=correct / found if found else float("nan"),
                        recall=correct / true_pairs if true_pairs else float("nan"),
                        kind_accuracy=right / counted if counted else float("nan"), kind_counted=counted)


def reliability_table(probability: Sequence[float], correct: Sequence[bool],
                      edges: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)) -> list[tuple[str, int, float, float]]:
    """Rows (bin, count, mean stated probability, observed fraction right) for claims in each bin."""
    p = np.asarray(probability, dtype=np.float64)
    ok = np.asarray(correct, dtype=bool)
    rows: list[tuple[str, int, float, float]] = []
    for low, high in zip(edges[:-1], edges[1:]):
        inside = (p >= low) & (p < high)
        if inside.any():
            rows.append((f"[{low:.2f}, {min(high, 1.0):.2f}{']' if high > 1 else ')'}", int(inside.sum()),
                         float(p[inside].mean()), float(ok[inside].mean())))
    return rows
