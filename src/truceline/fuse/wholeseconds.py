"""Truncating loggers read as the picks arrive: the streaming form of ``prepare.whole_second_shift``.

The batch reads a station as a logger that truncates to the whole second when every one of its times (at least
``FusionConfig.whole_second_min_picks``) has no fraction, and reads its picks 0.5 s later, the middle of the second
they were made in (docs/fusion.md, "Session 21 (sim21)"). A live feed has no whole run to look at: a station is
read so once its first ``min_picks`` picks have all been whole seconds, and from then on each of its picks arrives
0.5 s later. The picks it gave before that and that are still pending (queued or not yet emitted) are moved by the
streaming associator at that moment; those already emitted stay as they were emitted. A time with a fraction ends the
reading for good (the station's later picks are read as given; a truncating logger never gives one, and twenty whole
seconds by chance from a clock read to the millisecond have a probability of about 10^-60)
(docs/fusion.md, "Session 22 (stream22)").
"""

from __future__ import annotations

import numpy as np

WHOLE_TOLERANCE_S = 1e-6
"""A time within this of a whole second is a whole second (as ``prepare.whole_second_shift``, which reads it too)."""

TRUNCATION_SHIFT_S = 0.5
"""How much later a truncating logger's picks are read: the middle of the second they were made in."""


class WholeSecondStations:
    """Per station, how many picks it gave and whether one had a fraction; which stations read as truncating."""

    def __init__(self, n_stations: int, min_picks: int) -> None:
        if min_picks < 1:
            raise ValueError("min_picks must be at least 1")
        self.min_picks = min_picks
        self.count = np.zeros(n_stations, dtype=np.int64)
        self.fractional = np.zeros(n_stations, dtype=bool)

    @property
    def truncating(self) -> np.ndarray:
        """(n_stations,) bool: the stations read as truncating loggers now."""
        return (self.count >= self.min_picks) & ~self.fractional

    def hear(self, time_s: np.ndarray, station: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Count newly arrived picks (absolute times, stations); returns each one's shift (s) and the stations that
        became truncating with them (their earlier pending picks are the caller's to move)."""
        before = self.truncating
        whole = np.abs(time_s - np.round(time_s)) < WHOLE_TOLERANCE_S
        np.add.at(self.count, station, 1)
        self.fractional[station[~whole]] = True
        now = self.truncating
        return np.where(now[station], TRUNCATION_SHIFT_S, 0.0), np.flatnonzero(now & ~before)
