"""The stream's warm-up (:class:`StreamWarmUp`): until the model is calibrated, the loose passes under the standard
celerity that find the events to calibrate with (over every pick with ``warmup_loose_all_picks``, ahead of the
deciding search with ``warmup_loose_early``), and the model refitted when due."""

from __future__ import annotations

import math

import numpy as np

from truceline.fuse.engine import FusionConfig, Prepared, calibration_events, first_pass
from truceline.fuse.streamsettings import WARM_EVENTS
from truceline.fuse.streampicks import StreamPicks


class StreamWarmUp(StreamPicks):
    """The warm-up's loose passes and the calibration's refits."""

    def _loose_all(self, config: FusionConfig, start: float, stop: float, workspace: dict) -> Prepared | None:
        """The warm-up's loose pass over every pick of the origin times ``[start, stop)`` (``warmup_loose_all_picks``):
        the archive's picks, those an earlier loose pass found events of taken; its well-recorded events are remembered
        for the calibration, and the picks of all its events are taken for the next chunk's loose pass."""
        archive = self._archive
        assert archive is not None
        reach = stop + config.lookahead_s + self._max_travel_s()
        keep = archive.time >= start  # no event of these origin times or later has an earlier pick
        if not keep.all():
            archive.keep(keep)
        rows = np.flatnonzero(archive.time < reach)
        if np.count_nonzero(archive.owner[rows] == -1) < config.min_stations:
            return None
        prep, taken = self._prepare_rows(config, archive, rows, start)
        order = prep.extras["order"]
        loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=workspace, taken=taken)
        self._calibration.remember(calibration_events(prep, loose, config=config))
        for row in loose.picks:
            mine = order[row[row >= 0]]
            archive.owner[rows[mine[mine < len(rows)]]] = 1
        return prep

    def _peek_active(self) -> bool:
        """The warm-up's loose pass runs ahead of the deciding search (``warmup_loose_early``) until the model is calibrated."""
        return (self.warmup_loose_early and bool(self.early_stages) and self._estimating() and not self._calibrated()
                and self._next_start is not None)

    def _peek_start(self) -> float:
        """The first origin time the warm-up's early loose pass has not yet covered."""
        assert self._next_start is not None
        return self._next_start if self._peeked_to is None else max(self._next_start, self._peeked_to)

    def _peek_delay_s(self) -> float:
        """How long after a chunk of origin times ends the first early stage searches it (with its look-ahead)."""
        return min(s.lookahead_s + s.age_s for s in self.early_stages)

    def _peek(self, now: float) -> None:
        """The warm-up's loose pass over the origin times not yet passed whose chunk the first early stage would search by
        ``now`` (all of them at once, the first time), under the standard celerity; its well-recorded events are
        remembered for the calibration, which is refitted if due (so that the early stages can start on that chunk)."""
        assert self._next_start is not None
        start = self._peek_start()
        stop = (math.floor((now - self.chunk_s - self._peek_delay_s()) / self.chunk_s) + 1) * self.chunk_s
        if stop <= start:
            return
        self._peeked_to = stop
        config = self._final_config
        prepared = self._prepare(config, start, stop)
        if prepared is None:
            return
        prep, _, taken = prepared
        loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=self._workspaces[-2],
                           taken=taken)
        self._calibration.remember(calibration_events(prep, loose, config=config))
        self._calibrate_if_due(prep, stop)

    def _calibrate_if_due(self, prep: Prepared, stop: float) -> None:
        fitted = self._calibration.refit(prep, stop)
        if fitted is not None:
            self._atmosphere, self._corrections = fitted
            self._model_version += 1
            self._support = prep.extras.get("calibration_support")  # how far the fit's events were (to_tables)
            self._stays_calibrated = self._stays_calibrated or (self.stay_calibrated
                                                                and self._calibration.size >= WARM_EVENTS)
            for event in self._open:
                event.due_s = -math.inf
