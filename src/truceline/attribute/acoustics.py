"""Source levels from the picks' amplitudes; the home of the acoustic evidence on launch, impact and weapon class.

**Source level.** A pick's ``amplitude`` (peak pressure, Pa) at slant distance ``d`` from its event
is, in dB re 20 µPa, the event's level at 1 km less spherical spreading ``20 log10(d / 1 km)`` and
a linear excess attenuation ``alpha (d - 1 km)`` (air absorption, ground and terrain losses).
``alpha`` is fitted on the run itself: every event has its own level, so the within-event slope of
``level + 20 log10(d)`` against distance measures the attenuation (a fixed-effects regression);
without enough data it is :data:`DEFAULT_ATTENUATION_DB_PER_KM`. An event's level is the median of
its picks' estimates, with the median's standard error (refraction, scintillation and the
detection threshold's bias make single picks scatter by several dB).

What the levels say lives beside this module, one concern each (all their names are importable from here too, where
the rest of the attribution has always imported them):

- :mod:`truceline.attribute.level_model`: the launch and impact levels of each weapon class, learned from the run's
  confident pairs (:class:`LevelModel`, :func:`fit_level_model`), and the physics prior for classes it cannot learn.
- :mod:`truceline.attribute.level_evidence`: what the learned levels say of one candidate pair
  (:func:`pair_level_penalty`, a veto), of two launches from one place (:func:`same_weapon_factor`) and of one event's
  role and class (:func:`launch_level_share`, :func:`impact_class_weights`).
- :mod:`truceline.attribute.unpaired_levels`: events without a partner: whether the partner would have been heard
  (:func:`partner_located_probability`), the odds of impact against launch (:func:`unpaired_impact_odds`), the
  probability of staying unpaired (:func:`unpaired_probability`) and the classes' shares of the rounds fired
  (:func:`unpaired_class_shares`).

Everything degrades gracefully: no amplitudes, no stations, or no assignments give NaN levels,
and every function then returns "no evidence" (a penalty of 0, a likelihood ratio of 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from truceline.attribute.level_evidence import impact_class_weights, launch_level_share, pair_level_penalty, same_weapon_factor
from truceline.attribute.level_model import FloatArray, LevelModel, _normal, fit_level_model, prior_class_levels
from truceline.attribute.physics import distance_m
from truceline.attribute.unpaired_levels import (partner_located_probability, unpaired_class_shares, unpaired_impact_odds,
                                                 unpaired_probability)

REFERENCE_PRESSURE_PA = 2e-5
DEFAULT_ATTENUATION_DB_PER_KM = 0.5
MAX_ATTENUATION_DB_PER_KM = 3.0

# Everything the attribution and its tests import from here, the moved names included (``_normal``: the tests).
__all__ = ["DEFAULT_ATTENUATION_DB_PER_KM", "MAX_ATTENUATION_DB_PER_KM", "REFERENCE_PRESSURE_PA", "FloatArray", "LevelModel",
           "SourceLevels", "_normal", "fit_attenuation_db_per_km", "fit_level_model", "impact_class_weights", "launch_level_share",
           "pair_level_penalty", "partner_located_probability", "path_loss_db", "prior_class_levels", "same_weapon_factor",
           "source_levels", "unpaired_class_shares", "unpaired_impact_odds", "unpaired_probability"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceLevels:
    """Per event: level at 1 km (dB re 20 µPa, NaN if unknown), its 1-sigma error, the picks' SNR margins."""

    level_db: FloatArray
    level_sigma_db: FloatArray
    margins_db: tuple[FloatArray, ...]  # per event: SNR (dB) of each pick above the detection threshold
    attenuation_db_per_km: float
    detection_snr_db: float  # NaN without SNRs
    # Per event: how far its picks' levels disagree, the sum of squared deviations from their mean (dB^2; NaN if unknown),
    # and how many picks gave a level (the stations' agreement: :mod:`truceline.attribute.chimera`).
    level_sum_squares_db2: FloatArray | None = None
    level_count: NDArray[np.int64] | None = None

    @staticmethod
    def unknown(n: int) -> SourceLevels:
        return SourceLevels(level_db=np.full(n, np.nan), level_sigma_db=np.full(n, np.nan),
                            margins_db=tuple(np.zeros(0) for _ in range(n)), attenuation_db_per_km=DEFAULT_ATTENUATION_DB_PER_KM,
                            detection_snr_db=float("nan"))


def _float_column(table: pa.Table, name: str) -> FloatArray:
    if name not in table.column_names:
        return np.full(table.num_rows, np.nan)
    return np.asarray([np.nan if v is None else float(v) for v in table[name].to_pylist()], dtype=np.float64)


def fit_attenuation_db_per_km(event: NDArray[np.intp], distance_km: FloatArray, spread_corrected_db: FloatArray,
                              *, min_events: int = 20) -> float:
    """Excess attenuation from the within-event slope of level (+ spherical spreading) against distance."""
    n = int(event.max()) + 1 if event.size else 0
    counts = np.bincount(event, minlength=n)
    use = counts[event] >= 3
    if np.unique(event[use]).size < min_events:
        return DEFAULT_ATTENUATION_DB_PER_KM
    e, x, y = event[use], distance_km[use], spread_corrected_db[use]
    x_mean = np.bincount(e, weights=x, minlength=n) / np.maximum(counts, 1)
    y_mean = np.bincount(e, weights=y, minlength=n) / np.maximum(counts, 1)
    dx, dy = x - x_mean[e], y - y_mean[e]
    denominator = float(np.sum(dx * dx))
    if denominator <= 0.0:
        return DEFAULT_ATTENUATION_DB_PER_KM
    return float(np.clip(-np.sum(dx * dy) / denominator, 0.0, MAX_ATTENUATION_DB_PER_KM))


def source_levels(event_ids: list[str], lat: FloatArray, lon: FloatArray, *, picks: pa.Table | None, stations: pa.Table | None,
                  assignments: pa.Table | None) -> SourceLevels:
    """Every event's source level at 1 km from its picks' amplitudes (NaN where none is known)."""
    n = len(event_ids)
    if picks is None or stations is None or assignments is None or not assignments.num_rows or "amplitude" not in picks.column_names:
        return SourceLevels.unknown(n)
    index_of_event = {e: i for i, e in enumerate(event_ids)}
    station_at = {str(s): (float(a), float(b)) for s, a, b in zip(stations["station_id"].to_pylist(), stations["lat"].to_pylist(),
                                                                   stations["lon"].to_pylist())}
    amplitude = _float_column(picks, "amplitude")
    snr = _float_column(picks, "snr")
    pick_row = {str(p): k for k, p in enumerate(picks["pick_id"].to_pylist())}
    pick_station = [str(s) for s in picks["station_id"].to_pylist()]
    rows: list[tuple[int, int]] = []
    for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
        i = index_of_event.get(str(event))
        k = pick_row.get(str(pick))
        if i is None or k is None or pick_station[k] not in station_at:
            continue
        if np.isfinite(amplitude[k]) and amplitude[k] > 0.0:
            rows.append((i, k))
    if not rows:
        return SourceLevels.unknown(n)
    event = np.array([r[0] for r in rows], dtype=np.intp)
    pick = np.array([r[1] for r in rows], dtype=np.intp)
    s_lat = np.array([station_at[pick_station[k]][0] for k in pick])
    s_lon = np.array([station_at[pick_station[k]][1] for k in pick])
    distance_km = np.maximum(distance_m(lat[event], lon[event], s_lat, s_lon), 100.0) / 1000.0
    received_db = 20.0 * np.log10(amplitude[pick] / REFERENCE_PRESSURE_PA)
    corrected = received_db + 20.0 * np.log10(distance_km)
    alpha = fit_attenuation_db_per_km(event, distance_km, corrected)
    estimate = corrected + alpha * (distance_km - 1.0)
    snr_db = 20.0 * np.log10(np.where(snr[pick] > 0.0, snr[pick], np.nan))
    finite_snr = snr_db[np.isfinite(snr_db)]
    threshold = float(np.percentile(finite_snr, 2.0)) if finite_snr.size >= 20 else float("nan")
    level = np.full(n, np.nan)
    sigma = np.full(n, np.nan)
    margins: list[FloatArray] = [np.zeros(0)] * n
    sum_squares = np.full(n, np.nan)
    count = np.zeros(n, dtype=np.int64)
    order = np.argsort(event, kind="stable")
    bounds = np.flatnonzero(np.diff(event[order])) + 1
    for members in np.split(order, bounds):
        i = int(event[members[0]])
        values = estimate[members]
        level[i] = float(np.median(values))
        sum_squares[i] = float(np.sum((values - values.mean()) ** 2))
        count[i] = values.size
        spread = 1.4826 * float(np.median(np.abs(values - level[i]))) if values.size >= 3 else 6.0
        sigma[i] = float(np.hypot(max(spread, 3.0) * 1.25 / np.sqrt(values.size), 1.0))
        if np.isfinite(threshold):
            margin = snr_db[members] - threshold
            margins[i] = margin[np.isfinite(margin)]
    return SourceLevels(level_db=level, level_sigma_db=sigma, margins_db=tuple(margins), attenuation_db_per_km=alpha,
                        detection_snr_db=threshold, level_sum_squares_db2=sum_squares, level_count=count)


def path_loss_db(distance_m: FloatArray, attenuation_db_per_km: float) -> FloatArray:
    """How far a level at 1 km has fallen at ``distance_m``: spherical spreading and the learned excess attenuation
    (distances under 100 m count as 100 m)."""
    km = np.maximum(np.asarray(distance_m, dtype=np.float64), 100.0) / 1000.0
    return np.asarray(20.0 * np.log10(km) + attenuation_db_per_km * (km - 1.0))
