"""Streaming association: picks in arrival order in, located events out once no pick can still join them.

The associator walks origin time in *chunks* (``chunk_s``, one minute by default). A chunk
``[s, s + chunk_s)`` can be decided once every pick of its events can have arrived: its last
origin time, plus the look-ahead window the extraction uses to keep neighbouring events'
picks from being taken, plus the longest travel time across the association reach
(``reach_km`` at the slowest celerity the model allows), plus ``margin_s`` for picks that
reach the service out of time order. When the stream clock passes that moment the chunk is
processed with exactly the machinery of the batch command (:mod:`truceline.fuse.engine`):

1. until the model has been fitted to ``WARM_EVENTS`` well-recorded events, a loose pass with
   the standard celerity finds such events; afterwards the located events themselves do (on a
   quiet front the loose pass would double the work); they join a sliding history of the last
   ``block_s`` (an hour);
2. from that history (causal: only the past and the chunk itself) the celerity and wind per
   tile and the station clock corrections are re-estimated when half of it is new (at least
   15 events), at most every ``calibrate_every_s``;
3. a tight pass under the calibrated model, then the joint re-sharing of salvo picks, locates
   the chunk's events; the variance factor that scales their covariances comes from the
   same sliding history.

The chunk's events are emitted (with their picks, which leave the buffer), and picks that can
no longer join any later event leave it too. A pick that arrives after the chunks it could
belong to were decided is *late*: it is kept in :attr:`StreamingAssociator.late_pick_ids`
(never silently dropped) and left unassociated.

Latency: every emitted event records the stream clock at its emission and the time of its
last contributing pick; their difference is the emission latency that
``benchmarks/bench_stream.py`` reports. The batch command (``truceline associate``) calibrates
with hindsight over whole hours and so may differ slightly; ``truceline associate --streaming``
runs this class over a file in time order.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from truceline.fuse.atmosphere import DEFAULT_CELERITY_KM_S
from truceline.fuse.engine import (
    CalibrationEvent,
    Prepared,
    empty_pass,
    FusionConfig,
    calibrate_events,
    calibration_events,
    final_pass,
    first_pass,
    float_column,
    grid,
    prepare_arrays,
    refine,
)
from truceline.fuse.events import to_tables, variance_factor_of
from truceline.fuse.network import build_network
from truceline.fuse.side import with_sides
from truceline.model.errors import InputError

SLOWEST_MARGIN_KM_S = 0.04  # as the batch pass: the slowest celerity allowed is the model's minus this
WARM_EVENTS = 20  # once the model has been fitted to this many well-recorded events, the loose pass is no longer needed


@dataclass(frozen=True, slots=True, kw_only=True)
class Emission:
    """Events emitted by one call, in the tables of CONTRACTS.md, with when and why."""

    events: pa.Table
    assignments: pa.Table
    emitted_at_s: np.ndarray
    """Stream clock (latest pick time or heartbeat seen) when each event was emitted."""
    last_pick_s: np.ndarray
    """Time of each event's last contributing pick (as the station reported it)."""

    @property
    def latency_s(self) -> np.ndarray:
        return self.emitted_at_s - self.last_pick_s

    @staticmethod
    def concat(parts: list[Emission]) -> Emission:
        """One emission of several (at least one; empty ones are skipped unless all are)."""
        parts = [p for p in parts if p.events.num_rows] or parts[:1]
        return Emission(events=pa.concat_tables([p.events for p in parts]),
                        assignments=pa.concat_tables([p.assignments for p in parts]),
                        emitted_at_s=np.concatenate([p.emitted_at_s for p in parts]),
                        last_pick_s=np.concatenate([p.last_pick_s for p in parts]))


PartyAt = Callable[[np.ndarray, np.ndarray], np.ndarray]


class StreamingAssociator:
    """Associate a live pick feed; see the module docstring for the algorithm.

    ``push(picks)`` takes a table of picks (the columns of ``picks.csv``, validated as
    :func:`truceline.model.tables.read_picks` does) that have just arrived, in any order among
    themselves; ``advance(now_s)`` moves the clock without picks (a heartbeat); ``flush()``
    decides everything still open (end of the feed). Each returns the events it emitted.
    """

    def __init__(self, stations: pa.Table, config: FusionConfig | None = None, *, chunk_s: float = 60.0,
                 margin_s: float = 5.0, calibrate_every_s: float = 300.0, party_at: PartyAt | None = None) -> None:
        if not chunk_s > 0 or not margin_s >= 0 or not calibrate_every_s >= 0:
            raise ValueError("chunk_s must be positive, margin_s and calibrate_every_s not negative")
        self.config = replace(config or FusionConfig(), window_s=chunk_s)
        self.chunk_s = chunk_s
        self.margin_s = margin_s
        self.calibrate_every_s = calibrate_every_s
        self._party_at = party_at
        self._network = build_network(stations)
        self._index = self._network.index_of()
        self._cells = grid(self._network, self.config)
        n_tiles = int(self._cells["n_tiles"])
        self._default = np.tile(np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]), (1, n_tiles, 1))
        if self.config.sound_speed_m_per_s is not None:
            self._atmosphere = np.tile(np.array([self.config.sound_speed_m_per_s / 1000.0, 0.0, 0.0]), (1, n_tiles, 1))
        else:
            self._atmosphere = self._default.copy()
        self._corrections = np.zeros(self._network.size)
        self._workspace: dict = {}
        nothing = to_tables(prepare_arrays(self._network, self._cells, self.config, np.zeros(0, dtype=object), np.zeros(0),
                                           np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0), block_origin_s=0.0),
                            empty_pass(self.config), self._default, config=self.config)
        self.empty = Emission(events=nothing.events, assignments=nothing.assignments, emitted_at_s=np.zeros(0),
                              last_pick_s=np.zeros(0))
        """An emission of no events, with the tables' columns."""
        self._history: list[CalibrationEvent] = []
        self._fit_history: list[tuple[float, float, int]] = []  # (t0, chi2, n_obs) of emitted events
        self._calibrated_at = -math.inf
        self._calibrated_size = 0
        self._since_calibration = 0
        self._ids = np.zeros(0, dtype=object)
        self._time = np.zeros(0)
        self._station = np.zeros(0, dtype=np.int64)
        self._baz = np.zeros(0)
        self._baz_sigma = np.zeros(0)
        self._next_start: float | None = None
        self._now = -math.inf
        self._emitted = 0
        self.late_pick_ids: list[str] = []
        self.chunks_processed = 0

    # -- the clock ---------------------------------------------------------------------------------

    @property
    def now_s(self) -> float:
        """The stream clock: the latest pick time or heartbeat seen."""
        return self._now

    @property
    def horizon_s(self) -> float:
        """Picks earlier than this can no longer join any event still to be decided."""
        return -math.inf if self._next_start is None else self._next_start

    def _max_travel_s(self) -> float:
        slowest = min(DEFAULT_CELERITY_KM_S, float(self._atmosphere[..., 0].min())) - SLOWEST_MARGIN_KM_S
        return self.config.reach_km / slowest

    def ready_at_s(self, chunk_start_s: float) -> float:
        """When the chunk of origin times starting there can be decided."""
        return chunk_start_s + self.chunk_s + self.config.lookahead_s + self._max_travel_s() + self.margin_s

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
        self._now = max(self._now, float(now_s))
        return self._run(final=False)

    def flush(self) -> Emission:
        """End of the feed: decide every chunk that still has picks."""
        return self._run(final=True)

    def _take(self, picks: pa.Table) -> None:
        try:
            station = np.array([self._index[s] for s in picks["station_id"].to_pylist()], dtype=np.int64)
        except KeyError as missing:
            raise InputError("picks", f"unknown station {missing.args[0]!r} (not in the stations table)",
                             column="station_id") from None
        time = float_column(picks, "time")
        if not np.all(np.isfinite(time)):
            raise InputError("picks", "a pick time is missing or not finite", column="time")
        ids = np.asarray([str(v) for v in picks["pick_id"].to_pylist()], dtype=object)
        if self._next_start is None:
            self._next_start = math.floor((float(time.min()) - self._max_travel_s()) / self.chunk_s) * self.chunk_s
        late = time < self._next_start
        if late.any():
            self.late_pick_ids.extend(ids[late].tolist())
        keep = ~late
        self._ids = np.concatenate([self._ids, ids[keep]])
        self._time = np.concatenate([self._time, time[keep]])
        self._station = np.concatenate([self._station, station[keep]])
        self._baz = np.concatenate([self._baz, float_column(picks, "backazimuth_deg")[keep]])
        self._baz_sigma = np.concatenate([self._baz_sigma, float_column(picks, "backazimuth_sigma_deg")[keep]])
        self._now = max(self._now, float(time.max()))

    # -- deciding chunks ---------------------------------------------------------------------------

    def _run(self, *, final: bool) -> Emission:
        parts: list[Emission] = []
        while self._next_start is not None and len(self._time):
            start = self._next_start
            if not final and self.ready_at_s(start) > self._now:
                break
            if not (self._time < start + self.chunk_s + self.config.lookahead_s + self._max_travel_s()).any():
                # nothing can have its origin in this chunk: jump to the chunk of the earliest pick's events
                earliest = float(self._time.min()) - self._max_travel_s()
                self._next_start = max(start + self.chunk_s, math.floor(earliest / self.chunk_s) * self.chunk_s)
                continue
            parts.append(self._decide(start, emitted_at=self._now if not final else max(self._now, self.ready_at_s(start))))
            self._next_start = start + self.chunk_s
            gone = self._time < self._next_start
            self._keep(~gone)
        return Emission.concat(parts) if parts else self.empty

    def _remember(self, events: list[CalibrationEvent]) -> None:
        self._history.extend(events)
        self._since_calibration += len(events)

    def _calibrate_if_due(self, prep: Prepared, stop: float) -> None:
        self._history = [e for e in self._history if e.t0_s >= stop - self.config.block_s]
        # refit when enough of the history is new (half of it, at least 15 events), at most every calibrate_every_s
        due = (stop - self._calibrated_at >= self.calibrate_every_s
               and self._since_calibration >= max(15, 0.5 * self._calibrated_size))
        if due:
            self._since_calibration = 0
            self._atmosphere, self._corrections = calibrate_events(prep, self.config, self._history, 1)
            self._calibrated_at = stop
            self._calibrated_size = len(self._history)

    def _keep(self, mask: np.ndarray) -> None:
        self._ids, self._time, self._station = self._ids[mask], self._time[mask], self._station[mask]
        self._baz, self._baz_sigma = self._baz[mask], self._baz_sigma[mask]

    def _decide(self, start: float, *, emitted_at: float) -> Emission:
        config = self.config
        stop = start + self.chunk_s
        prep = prepare_arrays(self._network, self._cells, config, self._ids, self._time, self._station, self._baz,
                              self._baz_sigma, block_origin_s=start, n_blocks=1)
        self.chunks_processed += 1
        estimating = config.sound_speed_m_per_s is None
        warm = self._calibrated_size >= WARM_EVENTS
        if estimating and not warm:
            # until the model is calibrated, a loose pass under the standard celerity finds the events to calibrate with
            loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=self._workspace)
            self._remember(calibration_events(prep, loose, config=config))
        if estimating:
            self._calibrate_if_due(prep, stop)
            prep.pick_time = prep.raw_time - self._corrections[prep.pick_station]
        result = refine(prep, config, final_pass(prep, config, self._atmosphere, start_s=start, stop_s=stop,
                                                   workspace=self._workspace), self._atmosphere)
        if estimating and warm:
            # once calibrated, the located events themselves keep the calibration current
            self._remember(calibration_events(prep, result, times=prep.raw_time, config=config))
        self._fit_history.extend(zip(result.t0_s.tolist(), result.chi2.tolist(), result.n_obs.tolist()))
        self._fit_history = [f for f in self._fit_history if f[0] >= stop - config.block_s]
        factor = variance_factor_of(np.array([f[1] for f in self._fit_history]), np.array([f[2] for f in self._fit_history]))
        located = to_tables(prep, result, self._atmosphere, config=config, factor=factor, first_id=self._emitted + 1)
        self._emitted += len(result.t0_s)
        events = located.events
        if self._party_at is not None:
            events = with_sides(events, located.x_km, located.y_km, located.position_covariance_km2,
                                self._network.to_latlon, self._party_at)
        used = np.zeros(len(self._time), dtype=bool)
        last = np.zeros(len(result.t0_s))
        order = prep.extras["order"]
        for i, row in enumerate(result.picks):
            rows = order[row[row >= 0]]
            used[rows] = True
            last[i] = float(self._time[rows].max()) if len(rows) else math.nan
        self._keep(~used)
        return Emission(events=events, assignments=located.assignments,
                        emitted_at_s=np.full(len(result.t0_s), emitted_at), last_pick_s=last)


def replay(stations: pa.Table, picks: pa.Table, config: FusionConfig | None = None, *, step_s: float = 1.0,
           chunk_s: float = 60.0, party_at: PartyAt | None = None,
           on_emission: Callable[[Emission], None] | None = None,
           progress: Callable[[float], None] | None = None,
           on_step: Callable[[float], None] | None = None) -> tuple[Emission, list[str]]:
    """Feed a picks table through :class:`StreamingAssociator` in time order, ``step_s`` of
    stream time at a time (the clock ticks at each step's end, as a live feed's heartbeat
    would), and flush at the end. Returns everything emitted and the late pick ids;
    ``progress`` is told the fraction of the feed done now and then, ``on_step`` the stream
    time at the end of every step (and once more after the flush)."""
    stream = StreamingAssociator(stations, config, chunk_s=chunk_s, party_at=party_at)
    order = np.argsort(float_column(picks, "time"), kind="stable")
    ordered = picks.take(pa.array(order))
    time = float_column(ordered, "time")
    parts: list[Emission] = []

    def keep(emission: Emission) -> None:
        if emission.events.num_rows:
            parts.append(emission)
            if on_emission is not None:
                on_emission(emission)

    if len(time):
        edges = np.arange(math.floor(time[0] / step_s) * step_s, time[-1] + step_s, step_s)
        bounds = np.searchsorted(time, edges[1:], side="left")
        begin = 0
        every = max(1, len(bounds) // 200)
        for k, (edge, end) in enumerate(zip(edges[1:], bounds)):
            if end > begin:
                keep(stream.push(ordered.slice(begin, end - begin)))
                begin = int(end)
            keep(stream.advance(float(edge)))
            if on_step is not None:
                on_step(float(edge))
            if progress is not None and k % every == 0:
                progress(begin / len(time))
        if begin < len(time):
            keep(stream.push(ordered.slice(begin)))
    keep(stream.flush())
    if on_step is not None:
        on_step(stream.now_s)
    if progress is not None:
        progress(1.0)
    return Emission.concat(parts) if parts else stream.empty, list(stream.late_pick_ids)
