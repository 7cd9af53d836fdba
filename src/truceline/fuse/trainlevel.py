"""The level a train's rounds arrive at, for the surplus count (``FusionConfig.surplus_level_z``, with ``surplus_rounds``).

The surplus step (``fuse/surplus.py``) counts the picks in a train's window at its nearest stations as the rounds the
stations heard, and removes the train's events beyond that count. On `heavy` the count comes out above the rounds: the
window at a station 6-13 km from a rocket ripple also holds arrivals of other, farther sources (a mission's launches
20 km away, another battery) and clutter, and those are exactly the picks a spare event of the train is made of
(docs/fusion.md, "Session 26 (prec26)": `heavy` 0.25 h, the train of 19 rounds and 22 events counts 21, 22, 22, 19, 21).

Physics separates them: the rounds of one train are one weapon fired from one place, so at one station they arrive at
about one level (on `heavy` 0.25 h seeds 1 and 2, 1245 and 853 true arrivals of trains' rounds lie within -1.0 to
+1.1 and -1.2 to +1.1 natural-log units of the station's median level of the train's held picks, 1st to 99th
percentile), while the other sources' arrivals in the same window are a median 2.2 and 1.2 below it (65 % and 44 % of
them more than 1.6 below). So a pick far weaker than the level the train's events hold at that station is not one
of its rounds and is not counted. The tolerance is read from the train itself: ``z`` times the robust scatter (1.4826
MAD) of its held picks about their stations' medians, pooled over its stations; a network whose amplitudes scatter
more (another simulator, other sensors) widens it by itself. Only weaker picks are dropped (a louder pick may be a
nearer round of the train), so the count can only go down towards the rounds, never below the picks at the train's
level; picks without an amplitude are counted as before.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAD_TO_SIGMA = 1.4826


@dataclass(frozen=True, slots=True)
class TrainLevel:
    """A train's level at each station where its events hold ``min_held`` picks or more (log amplitude, the median
    of the held picks) and the tolerance below it (``z`` times the pooled robust scatter)."""

    station_level: dict[int, float]
    tolerance: float

    def at_level(self, station: int, rows: np.ndarray, log_amplitude: np.ndarray) -> np.ndarray:
        """``rows`` (picks at ``station``) without those far weaker than the train's level there; all of them where
        the level is not read."""
        level = self.station_level.get(station)
        if level is None:
            return rows
        weak = log_amplitude[rows] < level - self.tolerance  # NaN (no amplitude) compares False: counted
        return rows[~weak]

    def off_level_share(self, picks: np.ndarray, pick_station: np.ndarray, log_amplitude: np.ndarray) -> float:
        """The share of an event's picks, at the stations where the level is read, that are far weaker than it: an
        event made of them holds other sources' arrivals (or weak clutter), not a round of the train."""
        read = [int(p) for p in picks.tolist() if int(pick_station[p]) in self.station_level]
        if not read:
            return 0.0
        weak = [log_amplitude[p] < self.station_level[int(pick_station[p])] - self.tolerance for p in read]
        return float(np.mean(weak))


def train_level(members: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray, log_amplitude: np.ndarray, *,
                z: float, min_held: int = 3) -> TrainLevel | None:
    """The level of the picks the train's events (``members``, indices into ``picks``) hold, per station, and the
    tolerance ``z`` robust sigmas below it; ``None`` where no station holds ``min_held`` picks with amplitudes (the
    count is then ungated)."""
    held = np.concatenate([picks[int(j)] for j in members]) if len(members) else np.zeros(0, dtype=np.int64)
    held = held[np.isfinite(log_amplitude[held])]
    if len(held) == 0:
        return None
    stations = pick_station[held]
    levels: dict[int, float] = {}
    deviations: list[np.ndarray] = []
    for st in np.unique(stations).tolist():
        values = log_amplitude[held[stations == st]]
        if len(values) >= min_held:
            median = float(np.median(values))
            levels[int(st)] = median
            deviations.append(values - median)
    if not levels:
        return None
    pooled = np.concatenate(deviations)
    sigma = MAD_TO_SIGMA * float(np.median(np.abs(pooled - np.median(pooled))))
    if not sigma > 0.0:
        return None  # identical levels read nothing about the scatter: no gate
    return TrainLevel(station_level=levels, tolerance=z * sigma)
