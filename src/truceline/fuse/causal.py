"""The streaming associator's causal calibration: the events it is fitted to, and when to refit.

The celerity and wind per tile and the station clock corrections are re-fitted from the last
``block_s`` (an hour) of well-recorded events whenever half of them are new (at least 15), at
most every ``calibrate_every_s`` (a *young* model, fitted to fewer than ``young_events``, is refitted
as soon as half as many new events have come, whatever the time: a wind fitted to a few dozen events
of a burst is shrunk towards none; docs/fusion.md, "The warm-up's calibration"; until a fit has had ``first_events``,
one is made as soon as the history holds as many: "Session 19"). How crowded an event
is (other events within ``isolation_km`` and ``isolation_s``; the least crowded are used first)
counts the events still open and those emitted lately, not only those of its own search.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from truceline.fuse.engine import CalibrationEvent, FusionConfig, Prepared, calibrate_events, crowding_of


class Calibration:
    """The history of calibration events and the schedule of refits."""

    def __init__(self, config: FusionConfig, calibrate_every_s: float, young_events: int = 0, first_events: int = 0) -> None:
        self.config = config
        self.calibrate_every_s = calibrate_every_s
        self.young_events = young_events
        self.first_events = first_events
        """Until the model has been fitted to this many events, it is refitted as soon as the history holds this many and
        one of them is new, whatever the time and the count of new events (0: as any other fit; docs/fusion.md,
        "Session 19")."""
        self._history: list[CalibrationEvent] = []
        self._calibrated_at = -math.inf
        self._since = 0
        self.size = 0
        """Events the model was last fitted to (0: not yet fitted)."""

    def remember(self, events: list[CalibrationEvent], others: list[tuple[float, float, float]] | None = None) -> None:
        """Calibration events found, with their crowding increased by the ``others`` (x, y, t0) near them."""
        if others:
            x, y, t0 = (np.array(v) for v in zip(*others))
            events = [replace(e, crowding=e.crowding + crowding_of(e.x_km, e.y_km, e.t0_s, x, y, t0, self.config))
                      for e in events]
        self._history.extend(events)
        self._since += len(events)

    def refit(self, prep: Prepared, stop_s: float) -> tuple[np.ndarray, np.ndarray] | None:
        """The atmosphere and station corrections refitted at ``stop_s`` if due (else None)."""
        self._history = [e for e in self._history if e.t0_s >= stop_s - self.config.block_s]
        every = self.calibrate_every_s if self.size >= self.young_events else 0.0
        first = self.size < self.first_events and len(self._history) >= self.first_events and self._since > 0
        if not first and (stop_s - self._calibrated_at < every or self._since < max(15, 0.5 * self.size)):
            return None
        self._since = 0
        self._calibrated_at = stop_s
        self.size = len(self._history)
        # the streaming grid keeps its tiles: the field along the front (wind_field_km) is the batch calibration's only
        config = self.config if self.config.wind_field_km is None else replace(self.config, wind_field_km=None)
        return calibrate_events(prep, config, self._history, 1)
