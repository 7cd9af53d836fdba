"""Streaming association: picks in arrival order in, each event out seconds after its own last pick.

The associator keeps a clock (the latest pick time or heartbeat seen) and works on a grid of
instants ``decide_every_s`` apart. At each instant it

1. **takes in** the picks that arrived before it, in time order; a pick that matches an *open*
   event's predicted arrival (found, not yet emitted; :mod:`truceline.fuse.pending`) joins it;
2. **searches** among the free picks with the batch machinery (:mod:`truceline.fuse.engine`):
   by *stages* that walk origin time in chunks (early ones 30 s after each one-minute chunk and
   its look-ahead, for the events of ten stations or more, and 60 s after, for those of five or
   more; the *deciding* one once no pick of the chunk's events can still be on its way, after
   which the chunk's free picks leave), and by a
   optional *quick* search (off by default: it halves the throughput) every ``quick_every_s`` of the
   last two minutes of origin times whose events
   are opened only if they are already complete and consistent with their loudness
   (:mod:`truceline.fuse.loudness`: every working station that should have heard one has a pick
   there); every search ends with the batch's tests of few-station events (explaining away, rival
   hypotheses, one source level under a law learned from the emitted events, silent stations, and
   the nearest-stations test for events of at most ``NEAREST_MAX_STATIONS`` stations); and, with
   ``trigger_stations`` (off by default), a pick-triggered search (:mod:`truceline.fuse.trigger`):
   the free picks' votes kept up to date as they arrive, the places they make agree examined at once; with
   ``schedule="continuous"`` (off by default), that vote's new hits and waiting candidates examined together every
   ``continuous_every_s``, strongest first, each opened once complete, loud enough and not dominated by a stronger
   candidate still growing (docs/fusion.md, "Session 18");
3. **emits** the open events that are complete: every working station that could hear an event
   has given it a pick or let its predicted arrival pass (plus tolerance and ``hold_s``); a salvo
   (events within 3 km and 6 s, linked) goes together and shares out its picks jointly.

The model is calibrated causally (until it has been fitted to ``WARM_EVENTS`` well-recorded events,
only the deciding stage searches, with a loose pass; with ``stay_calibrated`` it stays calibrated once it has). Everything happens at grid instants and an instant sees only
picks earlier than itself, so the result does not depend on how the feed is cut into calls. A
pick older than the oldest chunk still to be decided is *late* (kept in
:attr:`StreamingAssociator.late_pick_ids`, never dropped silently), as are the picks that would
make a second event of one already emitted. docs/fusion.md ("Streaming") has the measurements.

Its methods are in the classes it inherits, one module each (docs/fusion.md, "Session 23 (split23)"):
:mod:`~truceline.fuse.streamsettings` (the options, the state, the clock's readings, the constants),
:mod:`~truceline.fuse.streampicks` (the queue, the buffer, the open events' picks),
:mod:`~truceline.fuse.streamwarmup` (the warm-up's loose passes and the calibration's refits),
:mod:`~truceline.fuse.streamsearch` (the stages' and the quick searches), :mod:`~truceline.fuse.streamtrigger`
(the pick-triggered and continuous searches) and :mod:`~truceline.fuse.streamemit` (the emission); this module
holds the public API (``push``, ``advance``, ``flush``) and the grid of instants that runs the rest.
"""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa

from truceline.fuse.quick import QUICK_SPAN_S
from truceline.fuse.emission import Emission, PartyAt
from truceline.fuse.pending import Stage
# the associator's other methods moved to these modules (docs/fusion.md, "Session 23 (split23)"); the stream's
# constants, PartyAt and Stage are imported back, for the code and tests that import them from here
from truceline.fuse.streamsettings import (COMPETE_AFTER_S, COMPETE_BEFORE_S, COMPETE_EVERY_S, COMPETE_SEEDS,
                                           COMPETE_SHARE, CONSUMED, HEARD_MIN_PICKS, HEARD_PICKS, LAW_PICKS,
                                           LOUDNESS_EVERY, NEAREST_MAX_STATIONS, SLOWEST_MARGIN_KM_S, SPAN_EVENTS,
                                           SPAN_MIN_EVENTS, SWEEP_SEEDS, WARM_EVENTS)
from truceline.fuse.streamtrigger import StreamTriggers
from truceline.fuse.streamemit import StreamEmitter


class StreamingAssociator(StreamTriggers, StreamEmitter):
    """Associate a live pick feed; see the module docstring for the algorithm.

    ``push(picks)`` takes a table of picks (the columns of ``picks.csv``, validated as
    :func:`truceline.model.tables.read_picks` does) that have just arrived, in any order among
    themselves; ``advance(now_s)`` moves the clock without picks (a heartbeat); ``flush()``
    decides everything still open (end of the feed). Each returns the events it emitted.
    """

    # -- input -------------------------------------------------------------------------------------

    def push(self, picks: pa.Table) -> Emission:
        """Take newly arrived picks; returns the events that this makes decidable."""
        if picks.num_rows:
            self._take(picks)
        return self._run(final=False)

    def advance(self, now_s: float) -> Emission:
        """A heartbeat: the feed has reached ``now_s`` (even if no pick came)."""
        if not math.isfinite(now_s):
            raise ValueError("the clock must be a finite time")
        self._now = max(self._now, float(self._inside(np.array([float(now_s)]))[0]))
        return self._run(final=False)

    def flush(self) -> Emission:
        """End of the feed: decide everything still open."""
        return self._run(final=True)

    # -- the grid of instants ----------------------------------------------------------------------

    def _next_instant(self, final: bool) -> int | None:
        """The next grid instant at which anything happens (None: nothing until the clock moves on)."""
        if self._instant is None:
            return None
        step = self.decide_every_s
        times: list[float] = []
        queued = self._queued()
        if len(queued[1]):
            times.append((math.floor(float(queued[1][0]) / step) + 1) * step)
        free = self._buffer.owner == -1
        if free.any():
            latest = float(self._buffer.time[free].max())
            if self._next_start is not None and self._next_start <= latest:
                times.append(self.ready_at_s(self._next_start))
            if self._early_enabled():
                for k, start in enumerate(self._stage_next):
                    if start is not None and self._next_start is not None and max(start, self._next_start) <= latest:
                        times.append(self._stage_at_s(k, max(start, self._next_start)))
        if free.any() and self._next_start is not None and self._peek_active():
            peek_from = self._peek_start()
            if peek_from <= float(self._buffer.time[free].max()):
                times.append(peek_from + self.chunk_s + self._peek_delay_s())
        if free.any() and self._quick_enabled():
            at = self._quick_at(self._instant * step)
            if at is not None:
                times.append(at)
        times.extend(e.due_s for e in self._open)
        if self.schedule == "continuous":
            # the continuous search runs at multiples of continuous_every_s: when candidates fall due or new hits wait
            every = self.continuous_every_s
            times.extend(math.ceil(c[2] / every - 1e-9) * every for c in self._candidates)
            if self._trigger is not None and self._trigger.n_hits and self._trigger_enabled():
                times.append(math.ceil(self._instant * step / every - 1e-9) * every)
        else:
            times.extend(c[2] for c in self._candidates)
        if self._contest:
            times.append(self._contest_at(self._instant * step))
        if not times:
            return None
        instant = max(self._instant, math.ceil(min(times) / step - 1e-9))
        if not final and instant * step > self._now:
            return None
        return instant

    def _quick_at(self, earliest: float) -> float | None:
        """The first quick-search instant (a multiple of ``quick_every_s``) at or after ``earliest``
        with free picks in the last ``QUICK_SPAN_S`` (None: none before new picks come)."""
        assert self.quick_every_s is not None
        every = self.quick_every_s
        at = math.ceil(earliest / every - 1e-9) * every
        free = self._buffer.owner == -1
        if not free.any() or float(self._buffer.time[free].max()) < at - QUICK_SPAN_S:
            return None
        return at

    def _stage_begin(self, k: int, now: float) -> float:
        """Where stage ``k`` goes on: never before the deciding stage; when it starts (the model
        is calibrated), with the chunk that is due at ``now``."""
        assert self._next_start is not None
        start = self._stage_next[k]
        if start is None:
            stage = self.early_stages[k]
            start = math.floor((now - stage.chunk_s - stage.lookahead_s - stage.age_s) / stage.chunk_s) * stage.chunk_s
        return max(self._next_start, start)

    def _run(self, *, final: bool) -> Emission:
        parts: list[Emission] = []
        while True:
            instant = self._next_instant(final)
            if instant is None:
                break
            parts.append(self._step(instant * self.decide_every_s))
            self._instant = instant + 1
        return Emission.concat(parts) if parts else self.empty

    def _step(self, now: float) -> Emission:
        self._ingest(now)
        assert self._next_start is not None
        while self._next_start <= now and self.ready_at_s(self._next_start) <= now:
            self._search(None, self._next_start, now)
            self._next_start += self.chunk_s
            gone = (self._buffer.owner == -1) & (self._buffer.time < self._next_start)
            if gone.any():
                self._buffer.keep(~gone)
            free = self._buffer.owner == -1
            if not free.any():
                break
            earliest = float(self._buffer.time[free].min()) - self._max_travel_s()
            self._next_start = max(self._next_start, math.floor(earliest / self.chunk_s) * self.chunk_s)
        if self._peek_active():
            self._peek(now)
        if self._early_enabled():
            for k, stage in enumerate(self.early_stages):
                start = self._stage_begin(k, now)
                while self._stage_at_s(k, start) <= now:
                    free = (self._buffer.owner == -1) & (self._buffer.time >= start)
                    if not free.any():  # nothing to search until picks come: go on with the chunk due next
                        while self._stage_at_s(k, start) <= now:
                            start += stage.chunk_s
                        break
                    # chunks whose events could have no free pick are skipped
                    earliest = float(self._buffer.time[free].min()) - self._max_travel_s() - stage.lookahead_s
                    start = max(start, math.floor((earliest - stage.chunk_s) / stage.chunk_s) * stage.chunk_s)
                    if self._stage_at_s(k, start) > now:
                        break
                    self._search(k, start, now)
                    start += stage.chunk_s
                self._stage_next[k] = start
        if self._trigger_enabled() and self.schedule == "continuous":
            if abs(now / self.continuous_every_s - round(now / self.continuous_every_s)) < 1e-6:
                self._continuous(now)
        elif self._trigger_enabled():
            self._triggered(now)
            if self._contest and self._contest_at(now) <= now:
                contest, self._contest = self._contest, []
                kept = self._compete(contest, now)
                self.trigger_opened += len(kept)
                self._open_found(kept, "trigger", now)
        at = self._quick_at(now) if self._quick_enabled() else None
        if at is not None and abs(at - now) < 1e-6:
            self._quick(now)
        return self._emit(now)

    # -- taking picks in ---------------------------------------------------------------------------

    def _ingest(self, now: float) -> None:
        queued = self._queued()
        time, station = queued[1], queued[2]
        n = int(np.searchsorted(time, now, side="left"))
        if n == 0:
            return
        self._queue = [tuple(q[n:] for q in queued)]
        rows = self._buffer.append(*(q[:n] for q in queued))
        if self._archive is not None:
            if self._calibrated():
                self._archive = None
            else:
                self._archive.append(*(q[:n] for q in queued))
        np.maximum.at(self._last_heard, station[:n], time[:n])
        if self._loudness_on():  # the loudness is read only by the quick and triggered searches and their waits
            self._loudness.hear(station[:n], queued[5][:n], queued[6][:n])
        for row in rows:
            self._join(int(row))
        if self._trigger_enabled():
            free = rows[self._buffer.owner[rows] == -1]
            self._vote(free, now)
