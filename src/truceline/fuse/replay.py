"""Replaying a picks file as a live feed through the streaming associator.

:func:`replay` sorts the picks by time and feeds them to
:class:`truceline.fuse.stream.StreamingAssociator` one step of stream time at a time, with a
heartbeat at each step's end, as a live service would receive them; ``truceline associate
--streaming``, ``truceline demo`` and ``benchmarks/bench_stream.py`` use it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from truceline.fuse.engine import FusionConfig, float_column
from truceline.fuse.stream import Emission, PartyAt, StreamingAssociator


def replay(stations: pa.Table, picks: pa.Table, config: FusionConfig | None = None, *, step_s: float = 1.0,
           chunk_s: float = 60.0, party_at: PartyAt | None = None,
           on_emission: Callable[[Emission], None] | None = None,
           progress: Callable[[float], None] | None = None,
           on_step: Callable[[float], None] | None = None,
           quick_every_s: float | None = None, trace: list[dict] | None = None,
           options: Mapping[str, Any] | None = None, counters: dict | None = None) -> tuple[Emission, list[str]]:
    """Feed a picks table through :class:`StreamingAssociator` in time order, ``step_s`` of
    stream time at a time (the clock ticks at each step's end, as a live feed's heartbeat
    would), and flush at the end. Returns everything emitted and the late pick ids;
    ``progress`` is told the fraction of the feed done now and then, ``on_step`` the stream
    time at the end of every step (and once more after the flush); ``quick_every_s`` turns the
    quick search on (:class:`StreamingAssociator`); ``trace``, a list, receives the associator's
    trace records (:attr:`StreamingAssociator.trace`); ``options`` are further keyword arguments
    of :class:`StreamingAssociator`; ``counters``, a dict, receives what its searches did (the continuous search's
    ``continuous_fates``, the trigger's and the quick search's counts)."""
    stream = StreamingAssociator(stations, config, chunk_s=chunk_s, party_at=party_at, quick_every_s=quick_every_s,
                                 trace=trace is not None, **(options or {}))
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
    if trace is not None and stream.trace is not None:
        trace.extend(stream.trace)
    if counters is not None:
        counters.update({"continuous": dict(stream.continuous_fates), "trigger_examined": stream.trigger_examined,
                         "trigger_opened": stream.trigger_opened, "quick_searches": stream.quick_searches,
                         "quick_opened": stream.quick_opened})
    if on_step is not None:
        on_step(stream.now_s)
    if progress is not None:
        progress(1.0)
    return Emission.concat(parts) if parts else stream.empty, list(stream.late_pick_ids)
