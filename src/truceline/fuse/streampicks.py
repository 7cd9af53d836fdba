"""The stream's pending picks (:class:`StreamPicks`): the picks pushed, queued until their grid instant and then
kept in the buffer (a truncating logger's read later), a new pick joining an open event, the buffer's picks prepared
for the kernels, and the events a search found opened (or merged into an open event, or into one already emitted)."""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa

from truceline.fuse import pending
from truceline.fuse.engine import FusionConfig, Prepared, float_column, prepare_arrays, with_levels
from truceline.fuse.pending import OpenEvent, PickBuffer
from truceline.fuse.wholeseconds import TRUNCATION_SHIFT_S
from truceline.model.errors import InputError
from truceline.fuse.streamsettings import CONSUMED, StreamSettings


class StreamPicks(StreamSettings):
    """The queue and the buffer of picks, and the open events' picks."""

    def _take(self, picks: pa.Table) -> None:
        try:
            station = np.array([self._index[s] for s in picks["station_id"].to_pylist()], dtype=np.int64)
        except KeyError as missing:
            raise InputError("picks", f"unknown station {missing.args[0]!r} (not in the stations table)",
                             column="station_id") from None
        time = float_column(picks, "time")
        if not np.all(np.isfinite(time)):
            raise InputError("picks", "a pick time is missing or not finite", column="time")
        clock = self._inside(time)  # the feed's clock (a truncating logger's picks are read later, not heard later)
        if self._whole_seconds is not None:
            shift, newly = self._whole_seconds.hear(time, station)
            if len(newly):
                self._shift_pending(newly)
            time = self._inside(time + shift)
        else:
            time = clock
        ids = np.asarray([str(v) for v in picks["pick_id"].to_pylist()], dtype=object)
        if self._next_start is None:
            self._next_start = math.floor((float(time.min()) - self._max_travel_s()) / self.chunk_s) * self.chunk_s
        late = time < self._next_start
        if late.any():
            self.late_pick_ids.extend(ids[late].tolist())
        keep: np.ndarray = np.flatnonzero(~late)
        if np.any(np.diff(time[keep]) < 0):  # in time order (picks read later may pass others of their second)
            keep = keep[np.argsort(time[keep], kind="stable")]
        self._queue.append((ids[keep], time[keep], station[keep], float_column(picks, "backazimuth_deg")[keep],
                            float_column(picks, "backazimuth_sigma_deg")[keep], float_column(picks, "amplitude")[keep],
                            float_column(picks, "snr")[keep]))
        self._now = max(self._now, float(clock.max()))
        if self._instant is None and len(time[keep]):
            self._instant = math.floor(float(time[keep].min()) / self.decide_every_s) + 1

    def _shift_pending(self, stations: np.ndarray) -> None:
        """The stations just read as truncating loggers (``FusionConfig.whole_second_stations``): their picks still
        pending (queued, in the buffer, in the warm-up's archive) are read ``TRUNCATION_SHIFT_S`` later, as their later
        picks will be; those already emitted stay as emitted."""
        for store in (self._buffer, self._archive):
            if store is not None and len(store):
                moved = np.isin(store.station, stations)
                store.time = np.where(moved, store.time + TRUNCATION_SHIFT_S, store.time)
        if self._queue:
            queued = self._queued()  # one part, in time order
            moved = np.where(np.isin(queued[2], stations), queued[1] + TRUNCATION_SHIFT_S, queued[1])
            order = np.argsort(moved, kind="stable")
            self._queue = [tuple((moved if j == 1 else part)[order] for j, part in enumerate(queued))]
        heard = self._last_heard[stations]
        self._last_heard[stations] = np.where(np.isfinite(heard), heard + TRUNCATION_SHIFT_S, heard)

    def _queued(self) -> tuple[np.ndarray, ...]:
        if len(self._queue) != 1:
            parts = self._queue or [(np.zeros(0, dtype=object), np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0),
                                     np.zeros(0), np.zeros(0), np.zeros(0))]
            merged = tuple(np.concatenate([p[j] for p in parts]) for j in range(7))
            order = np.argsort(merged[1], kind="stable")
            self._queue = [tuple(m[order] for m in merged)]
        return self._queue[0]

    def _join(self, row: int) -> None:
        """Let a new pick join the open event it matches best, if any."""
        buffer, net = self._buffer, self._network
        s = int(buffer.station[row])
        for index in pending.screen(self._open, self._atmosphere[0], s, float(buffer.time[row] - self._corrections[s]),
                                    net.x_km, net.y_km, self.config):
            if self._add(self._open[int(index)], np.array([row])):
                return

    def _add(self, event: OpenEvent, new: np.ndarray) -> bool:
        """Give an open event more picks (buffer rows) if it still fits with them (see :mod:`pending`)."""
        buffer, net = self._buffer, self._network
        rows = np.concatenate([buffer.rows(event.seqs), new])
        stations = buffer.station[rows]
        if not pending.relocate(event, stations, buffer.time[rows] - self._corrections[stations], buffer.baz[rows],
                                buffer.baz_sigma[rows], self._atmosphere[0], net.x_km, net.y_km, self._st_north,
                                self.config, new=len(new)):
            return False
        event.seqs.extend(int(q) for q in buffer.seq[new])
        event.stations.update(int(q) for q in buffer.station[new])
        event.due_s = -math.inf  # recomputed when next looked at
        buffer.owner[new] = event.key
        return True

    def _offer_free(self, event: OpenEvent) -> None:
        """Offer an event that falls due the free picks that may be its (all its candidates
        together, then without the worst, and so on; :func:`pending.offers`)."""
        buffer, net = self._buffer, self._network
        free = np.flatnonzero(buffer.owner == -1)
        offered = list(free[pending.offers(event, buffer.station[free], buffer.time[free] - self._corrections[buffer.station[free]],
                                           self._atmosphere[0], net.x_km, net.y_km, self.config)])
        while offered and not self._add(event, np.array(offered)):
            offered.pop()

    def _prepare(self, config: FusionConfig, start: float, stop: float
                 ) -> tuple[Prepared, np.ndarray, np.ndarray] | None:
        """The buffer's picks that events with origin times in ``[start, stop)`` may have, prepared for the kernels, their
        buffer rows and which of them are taken (in kernel order); None when fewer than ``min_stations`` are free."""
        buffer = self._buffer
        reach = stop + config.lookahead_s + self._max_travel_s()
        if np.count_nonzero((buffer.owner == -1) & (buffer.time >= start) & (buffer.time < reach)) < config.min_stations:
            return None
        rows = np.flatnonzero((buffer.owner != CONSUMED) & (buffer.time < reach))
        # the picks of open events are there but taken
        prep, taken = self._prepare_rows(config, buffer, rows, start)
        return prep, rows, taken

    def _prepare_rows(self, config: FusionConfig, store: PickBuffer, rows: np.ndarray, start: float
                      ) -> tuple[Prepared, np.ndarray]:
        """``rows`` of the buffer or the archive prepared for the kernels, with each station's latest pick (which may
        have left the buffer) appended as taken, so that the footprint test sees which stations are working; and which
        picks are taken (the rows' owners, in kernel order)."""
        seen = np.flatnonzero(np.isfinite(self._last_heard))
        prep = prepare_arrays(self._network, self._cells, config,
                              np.concatenate([store.ids[rows], np.full(len(seen), "", dtype=object)]),
                              np.concatenate([store.time[rows], self._last_heard[seen]]),
                              np.concatenate([store.station[rows], seen]),
                              np.concatenate([store.baz[rows], np.full(len(seen), np.nan)]),
                              np.concatenate([store.baz_sigma[rows], np.full(len(seen), np.nan)]),
                              block_origin_s=start, n_blocks=1)
        none = np.full(len(seen), np.nan)
        with_levels(prep, np.concatenate([store.amplitude[rows], none]), np.concatenate([store.snr[rows], none]))
        taken = np.concatenate([store.owner[rows] >= 0, np.ones(len(seen), dtype=bool)])[prep.extras["order"]]
        return prep, taken

    def _open_found(self, found: list[OpenEvent], by: str, now: float) -> None:
        """Open the events a search found (or merge each into an open event it continues)."""
        buffer = self._buffer
        before = list(self._open)
        for event in found:
            mine = buffer.rows(event.seqs)
            if self._merge(before, event.x_km, event.y_km, event.t0_s, mine):
                continue
            event.key = self._next_key
            event.opened_by, event.opened_at_s = by, now
            self._next_key += 1
            buffer.owner[mine] = event.key
            self._open.append(event)
        if np.any(buffer.owner == CONSUMED):
            buffer.keep(buffer.owner != CONSUMED)

    def _merge(self, events: list[OpenEvent], x_km: float, y_km: float, t0_s: float, rows: np.ndarray) -> bool:
        """Merge a newly found event into the nearest open one close in space and time when they
        share no station and the joint solution fits (the same source, found again from the
        picks that arrived after it was opened)."""
        stations = set(int(s) for s in self._buffer.station[rows])
        near = [e for e in events if abs(e.t0_s - t0_s) <= self.config.cluster_s
                and math.hypot(e.x_km - x_km, e.y_km - y_km) <= self.config.cluster_km and not (e.stations & stations)]
        for event in sorted(near, key=lambda e: (math.hypot(e.x_km - x_km, e.y_km - y_km), e.key)):
            if self._add(event, rows):
                return True
        # the rest of an event already emitted (its farthest stations heard it after all): not
        # emitted again; its picks are listed as late
        buffer = self._buffer
        if pending.continues_emitted(self._emitted_lately, x_km, y_km, t0_s, stations, buffer.station[rows],
                                     buffer.time[rows] - self._corrections[buffer.station[rows]], buffer.baz[rows],
                                     buffer.baz_sigma[rows], self._atmosphere[0], self._network.x_km,
                                     self._network.y_km, self._st_north, self.config):
            self.late_pick_ids.extend(str(i) for i in buffer.ids[rows])
            buffer.owner[rows] = CONSUMED  # leaves the buffer at the end of the search
            return True
        return False
