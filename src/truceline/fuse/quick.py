"""The quick search's tests, and which stations an open event waits for, by its loudness.

A quick search (:meth:`truceline.fuse.stream.StreamingAssociator._quick`) looks at the origin
times of the last two minutes every few seconds. Each search of the same origin times gives the
chance coincidences among the picks left over another chance to be accepted, so an event it
finds is opened only when it is already

* **complete**: every working station that could hear it (:func:`could_hear`) has given it a
  pick or let its predicted arrival pass (plus tolerance and the hold), and
* **one source by its amplitudes**: the levels its picks give (amplitude and distance through the
  learned law) agree within the law's scatter (:func:`truceline.fuse.loudness.consistent`): a
  coincidence of picks of sources of other strengths at other distances gives levels that
  disagree;
* **consistent with its loudness**: of the working stations that should have heard it (margin at
  or above the learned ``expected``; :mod:`truceline.fuse.loudness`) and whose arrival has passed,
  at most a share ``QUICK_UNHEARD`` have no pick there. A coincidence of picks of other events
  puts a loud source where the stations around it heard nothing.

Pure functions over the associator's arrays.
"""

from __future__ import annotations

import math

import numpy as np

from truceline.fuse import pending
from truceline.fuse.engine import FusionConfig, PassResult
from truceline.fuse.loudness import Loudness
from truceline.fuse.pending import OpenEvent, PickBuffer

QUICK_SPAN_S = 120.0  # a quick search looks at the origin times of the last two minutes
QUICK_SEEDS = 100  # seeds examined (at most; half as many at least) by a quick search
QUICK_UNHEARD = 0.25  # share of the stations that should have heard an event that may not have, for a quick search


def could_hear(loudness: Loudness, event: OpenEvent, pick_station: np.ndarray, pick_amplitude: np.ndarray,
               st_x: np.ndarray, st_y: np.ndarray, radius_km: float | None, config: FusionConfig, *,
               expected: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The stations an event (with those picks) waits for, as a mask, and their margins (NaN where
    unknown): within reach and a margin at or above the learned ``possible``; a station whose
    margin is not known (or all, when ``radius_km`` is given: nothing learned yet) within
    ``radius_km`` (the reach when None). With ``expected``: the stations whose margin is at or above the learned
    ``expected`` (where 90 % of the stations heard), not ``possible``."""
    distance = np.hypot(st_x - event.x_km, st_y - event.y_km)
    could = distance <= (config.reach_km if radius_km is None else radius_km)
    law = loudness.law
    if radius_km is not None or law is None:
        return could, np.full(len(distance), np.nan)
    margin = loudness.event_margins(distance, pick_station, pick_amplitude)
    least = law.expected if expected else law.possible
    return np.where(np.isfinite(margin), (margin >= least) & (distance <= config.reach_km), could), margin


def complete(loudness: Loudness, found: OpenEvent, buffer: PickBuffer, now_s: float, atmosphere: np.ndarray,
             st_x: np.ndarray, st_y: np.ndarray, last_heard_s: np.ndarray, corrections_s: np.ndarray,
             radius_km: float | None, config: FusionConfig, *, hold_s: float,
             other_station: np.ndarray | None = None, other_time_s: np.ndarray | None = None,
             wait_expected: bool = False) -> bool:
    """Whether an event a quick search found (its picks in ``buffer``) is complete and consistent
    with its loudness at ``now_s`` (see the module docstring). ``other_station`` and ``other_time_s``
    (corrected) are picks that have left the buffer (those of events already emitted), which also
    count as heard at their stations. With ``wait_expected`` it is complete once the stations expected to hear it have had
    their turn (:func:`could_hear`)."""
    rows = buffer.rows(found.seqs)
    could, margin = could_hear(loudness, found, buffer.station[rows], buffer.amplitude[rows], st_x, st_y, radius_km, config,
                               expected=wait_expected)
    law = loudness.law
    if law is None or not np.isfinite(margin[buffer.station[rows]]).any():
        return False
    distance = np.hypot(st_x[buffer.station[rows]] - found.x_km, st_y[buffer.station[rows]] - found.y_km)
    if not loudness.consistent(buffer.amplitude[rows], distance):
        return False
    if pending.due_s(found, float(buffer.time[rows].max()), atmosphere, st_x, st_y, last_heard_s, config,
                     could_hear=could, hold_s=hold_s) > now_s:
        return False
    expected = (np.hypot(st_x - found.x_km, st_y - found.y_km) <= config.reach_km) & (margin >= law.expected)
    pick_station, pick_time = buffer.station, buffer.time - corrections_s[buffer.station]
    if other_station is not None and other_time_s is not None:
        pick_station, pick_time = np.concatenate([pick_station, other_station]), np.concatenate([pick_time, other_time_s])
    unheard, checked = pending.unheard_expected(found.x_km, found.y_km, found.t0_s, found.tile,
                                                np.asarray(sorted(found.stations)), expected, now_s, atmosphere, st_x,
                                                st_y, last_heard_s, pick_station, pick_time, config)
    return unheard <= math.floor(QUICK_UNHEARD * checked)


def learn(loudness: Loudness, result: PassResult, i: int, rows: np.ndarray, stations: np.ndarray, distance_km: np.ndarray,
          buffer: PickBuffer, now_s: float, atmosphere: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
          last_heard_s: np.ndarray, corrections_s: np.ndarray, config: FusionConfig) -> None:
    """Teach the loudness an emitted event (event ``i`` of ``result``; its picks: buffer ``rows``,
    at ``stations``, ``distance_km``), and the detection curve the working stations within reach
    whose predicted arrival had passed, heard (a pick there, whoever holds it, as for a quick
    search's event) or not."""
    x, y, t0, tile = float(result.x_km[i]), float(result.y_km[i]), float(result.t0_s[i]), int(result.tile[i])
    passed = pending.passed_stations(x, y, t0, tile, now_s, atmosphere, st_x, st_y, last_heard_s, config)
    heard = np.isin(passed, stations) | pending.heard_there(x, y, t0, tile, passed, atmosphere, st_x, st_y, buffer.station,
                                                            buffer.time - corrections_s[buffer.station], config)
    loudness.learn(buffer.amplitude[rows], buffer.snr[rows], distance_km, np.hypot(st_x[passed] - x, st_y[passed] - y),
                   heard, passed)
