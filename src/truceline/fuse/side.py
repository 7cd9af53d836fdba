"""Which party's area holds an event, integrating its location uncertainty.

``p_side`` is the probability mass of the event's bivariate normal location distribution
(the same covariance that gives the 95 % ellipse) that falls in the area of the party
holding the point estimate; it is computed on a fixed set of quasi-random sample points
(deterministic: the same event gives the same probability every time).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
from scipy.stats import qmc

SAMPLES = 512


def _standard_normal_points(n: int = SAMPLES) -> np.ndarray:
    from scipy.stats import norm

    sobol = qmc.Sobol(d=2, scramble=True, seed=20261123).random(n)
    return np.asarray(norm.ppf(np.clip(sobol, 1e-9, 1 - 1e-9)))


def side_probabilities(
    x_km: np.ndarray,
    y_km: np.ndarray,
    covariance_km2: np.ndarray,
    to_latlon: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    party_at: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> tuple[list[str], np.ndarray]:
    """Side (party at the point estimate) and its probability for every event."""
    n = len(x_km)
    if n == 0:
        return [], np.zeros(0)
    points = _standard_normal_points()
    sides = [str(s) for s in party_at(*to_latlon(x_km, y_km))]
    probability = np.zeros(n)
    for i in range(n):
        cov = covariance_km2[i]
        try:
            root = np.linalg.cholesky(cov + np.eye(2) * 1e-12)
        except np.linalg.LinAlgError:
            probability[i] = np.nan
            continue
        offsets = points @ root.T
        lat, lon = to_latlon(x_km[i] + offsets[:, 0], y_km[i] + offsets[:, 1])
        parties = np.asarray(party_at(lat, lon)).astype(str)
        probability[i] = float(np.mean(parties == sides[i])) if sides[i] else 0.0
    return sides, probability


def with_sides(
    events: pa.Table,
    x_km: np.ndarray,
    y_km: np.ndarray,
    covariance_km2: np.ndarray,
    to_latlon: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    party_at: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> pa.Table:
    """``events`` with its ``side`` and ``p_side`` columns filled by :func:`side_probabilities`."""
    if events.num_rows == 0:
        return events
    sides, p_side = side_probabilities(x_km, y_km, covariance_km2, to_latlon, party_at)
    events = events.set_column(events.column_names.index("side"), "side", pa.array(sides, type=pa.string()))
    return events.set_column(events.column_names.index("p_side"), "p_side", pa.array(p_side.round(4)))
