"""The stream's pick-triggered searches (:class:`StreamTriggers`; :mod:`truceline.fuse.trigger`): the free picks'
votes, the triggered search and its competition, the continuous schedule; when an event found is complete, and
whether a rival could claim one of its picks."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from truceline.fuse import kernels, pending, quick, trigger
from truceline.fuse.engine import TIGHT_COARSE_TOLERANCE_S
from truceline.fuse.pending import OpenEvent
from truceline.fuse.streamsettings import COMPETE_AFTER_S, COMPETE_BEFORE_S, COMPETE_EVERY_S, COMPETE_SHARE
from truceline.fuse.streamsearch import StreamSearches


class StreamTriggers(StreamSearches):
    """The trigger's votes, the triggered and the continuous searches."""

    def _vote(self, rows: np.ndarray, now: float) -> None:
        """Add the votes of free picks (buffer rows) to the trigger's ring; under a model that changed
        since the last votes, the ring is cast again from the free picks whose origins it still covers."""
        buffer = self._buffer
        if self._trigger is None:
            assert self.trigger_stations is not None
            self._trigger = trigger.TriggerVote(len(self._cells["cell_x"]), self._max_travel_s() + 2 * TIGHT_COARSE_TOLERANCE_S
                                                + 10.0, self.config.bin_s, self.trigger_stations, TIGHT_COARSE_TOLERANCE_S,
                                                3.0 * self.config.kappa_model)
        vote = self._trigger
        if vote.version != self._model_version:
            vote.clear()
            vote.version = self._model_version
            cells = self._cells
            self._trigger_tt = kernels.station_travel_times(self._network.x_km, self._network.y_km, cells["cell_x"],
                                                            cells["cell_y"], cells["cell_start"], cells["cell_index"],
                                                            cells["cell_tile"], self._atmosphere[0])
            rows = np.flatnonzero((buffer.owner == -1) & (buffer.time >= now - self._max_travel_s()))
        if not len(rows):
            return
        station = buffer.station[rows]
        vote.vote(buffer.time[rows] - self._corrections[station], station, self._cells["cell_start"],
                  self._cells["cell_index"], self._trigger_tt)

    def _triggered(self, now: float) -> None:
        """Examine the strongest hits of the trigger's vote since the last instant (:mod:`truceline.fuse.trigger`),
        and the candidates that fall due, and open the events found there that pass the searches' tests (with
        ``trigger_complete``, once complete; until then they are candidates)."""
        vote = self._trigger
        assert self._next_start is not None
        due = [c for c in self._candidates if c[2] <= now and c[1] * self.config.bin_s >= self._next_start]
        self._candidates = [c for c in self._candidates if c[2] > now and c[1] * self.config.bin_s >= self._next_start]
        if vote is None or (not vote.n_hits and not due):
            return
        cell, b, count = vote.take_hits()
        undecided = b * vote.bin_s >= self._next_start
        cell, b, count = cell[undecided], b[undecided], count[undecided]
        # a hit at a candidate waiting to fall due is that candidate
        cx, cy = self._cells["cell_x"], self._cells["cell_y"]
        waiting = np.array([c[0] for c in self._candidates], dtype=np.int64)
        cell, b = trigger.seeds(cell, b, count, cx, cy, vote.bin_s, self.trigger_seeds, cx[waiting], cy[waiting],
                                np.array([c[1] for c in self._candidates], dtype=float) * vote.bin_s)
        if due:
            cell = np.concatenate([np.array([c[0] for c in due], dtype=np.int64), cell])
            b = np.concatenate([np.array([c[1] for c in due], dtype=np.int64), b])
        if not len(cell):
            return
        self.trigger_examined += len(cell)
        start = max(self._next_start, float(b.min()) * vote.bin_s - 5.0)
        config = replace(self._trigger_config, window_s=float(b.max() - b.min()) * vote.bin_s + 10.0)
        found = self._find(config, start, {}, deciding=False, seeds=(cell, b))
        if self.trigger_max_stations is not None:
            found = [e for e in found if len(e.stations) <= self.trigger_max_stations]
        if self.trigger_complete:
            ready = []
            buffer, net = self._buffer, self._network
            for event in found:
                complete_at = self._complete_at(event)
                if complete_at <= now:
                    # complete: with the loudness learned, also one source by its amplitudes, heard where it should be
                    if not self._loudness.ready or not self.trigger_loudness_tests or quick.complete(
                            self._loudness, event, buffer, now, self._atmosphere[0], net.x_km, net.y_km, self._last_heard,
                            self._corrections, self._radius_km(event), self.config, hold_s=self.hold_s):
                        ready.append(event)
                    continue
                at = self._cell_of(event.x_km, event.y_km)
                if at >= 0:
                    self._candidates.append((at, int(math.floor(event.t0_s / vote.bin_s)), complete_at, len(event.stations)))
            if self.trigger_compete:
                # put to the competition together, at the next multiple of COMPETE_EVERY_S (one search for them all)
                self._contest.extend(ready)
                found = []
            else:
                found = ready
        self.trigger_opened += len(found)
        self._open_found(found, "trigger", now)

    def _continuous(self, now: float) -> None:
        """The continuous search (``schedule="continuous"``): the new hits of the vote and every candidate still waiting are
        examined together, strongest first (each takes its picks before the weaker ones: the competition between seeds),
        through the searches' tests of few-station events; a candidate found is opened once it is complete (every
        working station that could hear it by its loudness has given it a pick or let its predicted arrival pass), its
        loudness agrees (:func:`quick.complete`) and no candidate of as many stations or more that is not complete yet,
        nor an open event, could claim one of its picks (:meth:`_claimable`); the others wait as candidates."""
        vote = self._trigger
        assert self._next_start is not None
        live = [c for c in self._candidates if c[1] * self.config.bin_s >= self._next_start]
        if vote is None:
            return
        cell, b, count = vote.take_hits()
        undecided = b * vote.bin_s >= self._next_start
        cell, b, count = cell[undecided], b[undecided], count[undecided]
        # the waiting candidates compete as seeds with the count of their stations
        cell = np.concatenate([np.array([c[0] for c in live], dtype=np.int64), cell])
        b = np.concatenate([np.array([c[1] for c in live], dtype=np.int64), b])
        count = np.concatenate([np.array([c[3] for c in live], dtype=np.int64), count])
        if not len(cell):
            self._candidates = []
            return
        cx, cy = self._cells["cell_x"], self._cells["cell_y"]
        cell, b = trigger.seeds(cell, b, count, cx, cy, vote.bin_s, self.continuous_seeds)
        # the candidates not examined this time (beyond the seeds' number) wait for the next run
        chosen = set(zip(cell.tolist(), b.tolist()))
        candidates = [c for c in live if (c[0], c[1]) not in chosen]
        fates = self.continuous_fates
        fates["examined"] += len(cell)
        start = max(self._next_start, float(b.min()) * vote.bin_s - 5.0)
        config = replace(self._trigger_config, window_s=float(b.max() * vote.bin_s - start) + 10.0)
        found = self._find(config, start, {}, deciding=False, seeds=(cell, b))
        # complete by the open events' waits and, once the loudness is learned, by the stations that could hear it by
        # its loudness (those the loudness tests wait for)
        due = [max(self._complete_at(e), self._complete_at(e, loudness=True) if self._loudness.ready else -math.inf)
               for e in found]
        waiting = [e for e, d in zip(found, due) if d > now]
        ready: list[OpenEvent] = []
        fates["found"] += len(found)
        for event, at in zip(found, due):
            if at > now:
                fates["incomplete"] += 1
            else:
                rivals = [w for w in waiting if len(w.stations) >= len(event.stations)] + list(self._open)
                if self._claimable(event, rivals):
                    fates["dominated"] += 1
                    at = now + self.continuous_every_s  # examined again at the next run
                elif self._crowded(event, found):
                    fates["crowded"] += 1
                    continue  # left to the stages
                elif self._loudness.ready and self._loud_enough(event, now):
                    ready.append(event)
                    continue
                else:
                    fates["not loud"] += 1
                    continue  # complete but its loudness disagrees (or is not learned yet): left to the stages
            where = self._cell_of(event.x_km, event.y_km)
            if where >= 0:
                candidates.append((where, int(math.floor(event.t0_s / vote.bin_s)), at, len(event.stations)))
        self._candidates = candidates
        fates["opened"] += len(ready)
        self.trigger_opened += len(ready)
        self._open_found(ready, "continuous", now)

    def _crowded(self, event: OpenEvent, found: list[OpenEvent]) -> bool:
        """Whether another hypothesis (another of ``found``, an open event, an event emitted lately) lies within
        ``continuous_crowd_km`` and ``continuous_crowd_s`` of an event (False when that test is off)."""
        if self.continuous_crowd_km is None:
            return False
        others = [e for e in found if e is not event] + list(self._open) + [e[0] for e in self._emitted_lately]
        return any(abs(e.t0_s - event.t0_s) <= self.continuous_crowd_s
                   and math.hypot(e.x_km - event.x_km, e.y_km - event.y_km) <= self.continuous_crowd_km for e in others)

    def _contest_at(self, earliest: float) -> float:
        """The first instant at or after ``earliest`` at which the triggered events waiting for it are put to the
        competition (a multiple of ``COMPETE_EVERY_S``)."""
        return math.ceil(earliest / COMPETE_EVERY_S - 1e-9) * COMPETE_EVERY_S

    def _compete(self, ready: list[OpenEvent], now: float) -> list[OpenEvent]:
        """Of the complete events the pick-triggered search found, those that a search of the origin times around them
        (``COMPETE_BEFORE_S`` before the earliest to ``COMPETE_AFTER_S`` after the latest, with the look-ahead) also finds,
        complete, sharing at least half of their picks, within ``cluster_km`` and ``cluster_s``; and whose picks no other
        hypothesis still open could claim (an open event, or an event of that search that is not complete: its picks still
        on their way may yet win some of these). The search's versions are returned."""
        assert self._next_start is not None
        self.trigger_competed += len(ready)
        ready = [e for e in ready if e.t0_s >= self._next_start]
        if not ready:
            return []
        t0 = [e.t0_s for e in ready]
        start = max(self._next_start, min(t0) - COMPETE_BEFORE_S)
        stop = max(t0) + COMPETE_AFTER_S
        if stop <= start:
            return []
        found = self._find(replace(self._compete_config, window_s=stop - start), start, {}, deciding=False)
        if not found:
            self.trigger_lost["not found"] += len(ready)
            return []
        complete = [self._complete_at(w) <= now for w in found]
        rivals = [w for w, c in zip(found, complete) if not c] + list(self._open)
        kept: list[OpenEvent] = []
        used: set[int] = set()
        for event in ready:
            mine = set(event.seqs)
            for j, w in enumerate(found):
                if j in used or abs(w.t0_s - event.t0_s) > self.config.cluster_s or \
                        math.hypot(w.x_km - event.x_km, w.y_km - event.y_km) > self.config.cluster_km or \
                        len(mine & set(w.seqs)) < COMPETE_SHARE * len(mine):
                    continue
                used.add(j)
                if not complete[j]:
                    self.trigger_lost["incomplete"] += 1
                elif self._claimable(w, rivals):
                    self.trigger_lost["claimable"] += 1
                else:
                    kept.append(w)
                break
            else:
                self.trigger_lost["not found"] += 1
        self.trigger_kept += len(kept)
        return kept

    def _claimable(self, event: OpenEvent, rivals: list[OpenEvent]) -> bool:
        """Whether a pick of an event found could belong to one of ``rivals`` (its arrival within the coarse tolerance of
        a rival's prediction at a station the rival has no pick of: :func:`pending.screen`)."""
        if not rivals:
            return False
        buffer, net = self._buffer, self._network
        rows = buffer.rows(event.seqs)
        for row in rows:
            s = int(buffer.station[row])
            if len(pending.screen(rivals, self._atmosphere[0], s, float(buffer.time[row] - self._corrections[s]),
                                  net.x_km, net.y_km, self.config)):
                return True
        return False

    def _complete_at(self, event: OpenEvent, *, loudness: bool = False) -> float:
        """When an event found (its picks in the buffer) is complete (:func:`pending.due_s`); with ``loudness``, waiting
        for the stations that could hear it by its loudness (as :func:`quick.complete` does; those expected to, with
        ``wait_margin`` ``expected``) whatever the open events wait for."""
        buffer, net = self._buffer, self._network
        rows = buffer.rows(event.seqs)
        could = quick.could_hear(self._loudness, event, buffer.station[rows], buffer.amplitude[rows], net.x_km, net.y_km,
                                 None if loudness else self._radius_km(event), self.config,
                                 expected=self.wait_margin == "expected")[0]
        return pending.due_s(event, float(buffer.time[rows].max()), self._atmosphere[0], net.x_km, net.y_km,
                             self._last_heard, self.config, could_hear=could, hold_s=self.hold_s)

    def _cell_of(self, x_km: float, y_km: float) -> int:
        """The grid cell nearest a point (-1: none there)."""
        cells = self._cells
        if not len(cells["cell_x"]):
            return -1
        g = self.config.grid_km
        ix = int(round((x_km - (float(cells["cell_x"][0]) - int(cells["cell_ix"][0]) * g)) / g))
        iy = int(round((y_km - (float(cells["cell_y"][0]) - int(cells["cell_iy"][0]) * g)) / g))
        at = cells["cell_at"]
        if not (0 <= ix < at.shape[0] and 0 <= iy < at.shape[1]):
            return -1
        return int(at[ix, iy])
