"""The stream's emission (:class:`StreamEmitter`): the open events that are complete, refined together, located with
their uncertainty and emitted; and what the emitted events teach (the calibration, the detection range, the stages'
spans, the loudness and the amplitude law)."""

from __future__ import annotations

import numpy as np

from truceline.fuse import pending, quick
from truceline.fuse.engine import calibration_events, prepare_arrays, refine
from truceline.fuse.emission import Emission
from truceline.fuse.events import neighbour_rows, to_tables, variance_factor_of, with_enough_sites
from truceline.fuse.rival import LAW_MIN_STATIONS, law_of
from truceline.fuse.pending import OpenEvent
from truceline.fuse.side import with_sides
from truceline.fuse.streamsettings import HEARD_PICKS, LAW_PICKS, LOUDNESS_EVERY, SPAN_EVENTS
from truceline.fuse.streampicks import StreamPicks


class StreamEmitter(StreamPicks):
    """The emission of the open events that are complete."""

    # -- emitting ----------------------------------------------------------------------------------

    def _remember_levels(self, amplitude: np.ndarray, stations: np.ndarray, distance_km: np.ndarray) -> None:
        """Keep an emitted event's picks for the searches' amplitude-distance law, if it was heard by enough stations."""
        if len(np.unique(stations)) < LAW_MIN_STATIONS:
            return
        with np.errstate(invalid="ignore", divide="ignore"):
            log_amplitude = np.where(amplitude > 0, np.log(amplitude), np.nan)
        event, level, distance = self._law_samples
        self._law_samples = (np.concatenate([event, np.full(len(amplitude), self._law_key)])[-LAW_PICKS:],
                             np.concatenate([level, log_amplitude])[-LAW_PICKS:],
                             np.concatenate([distance, distance_km])[-LAW_PICKS:])
        self._law_events += 1
        self._law_key += 1

    def _emit(self, now: float) -> Emission:
        if not self._open:
            return self.empty
        buffer, net = self._buffer, self._network
        for event in self._open:
            if event.due_s <= now:
                self._offer_free(event)
                rows = buffer.rows(event.seqs)
                could = quick.could_hear(self._loudness, event, buffer.station[rows], buffer.amplitude[rows], net.x_km,
                                         net.y_km, self._radius_km(event), self.config,
                                         expected=self.wait_margin == "expected")[0]
                event.due_s = pending.due_s(event, float(buffer.time[rows].max()), self._atmosphere[0], net.x_km, net.y_km,
                                            self._last_heard, self.config, could_hear=could, hold_s=self.hold_s)
                if self.trace is not None:
                    self._awaiting[event.key] = pending.awaited(event, self._atmosphere[0], net.x_km, net.y_km,
                                                                self._last_heard, self.config, could_hear=could)
        chosen = pending.emittable(self._open, now, self.config)
        if not chosen:
            return self.empty
        events = [self._open[i] for i in chosen]
        leaving = set(chosen)
        self._open = [e for i, e in enumerate(self._open) if i not in leaving]
        own = buffer.rows(np.concatenate([np.asarray(e.seqs, dtype=np.int64) for e in events]))
        # the other picks in the buffer are there too: the uncertainty counts the picks that compete with an event's own
        others = np.ones(len(buffer), dtype=bool)
        others[own] = False
        rows = np.concatenate([own, np.flatnonzero(others)])
        config = self.config
        prep = prepare_arrays(net, self._cells, config, buffer.ids[rows], buffer.time[rows], buffer.station[rows],
                              buffer.baz[rows], buffer.baz_sigma[rows], block_origin_s=min(e.t0_s for e in events),
                              n_blocks=1)
        prep.pick_time = prep.raw_time - self._corrections[prep.pick_station]
        position = np.empty(len(rows), dtype=np.int64)
        position[prep.extras["order"]] = np.arange(len(rows))
        result = refine(prep, config, pending.as_pass(events, position, config), self._atmosphere)
        # an event of fewer than ``min_sites`` sites is not emitted (as in the batch): its picks stay free
        result = with_enough_sites(prep, result, config)
        # the picks the refinement left out are free again; the emitted ones leave the buffer
        buffer.owner[own] = -1
        buffer.freed_at[own] = now
        taken = np.zeros(len(buffer), dtype=bool)
        for row in result.picks:
            taken[rows[prep.extras["order"][row[row >= 0]]]] = True
        # each emitted event's open event: the one that held most of its picks (the refinement may drop and reorder)
        holder = {q: j for j, e in enumerate(events) for q in e.seqs}
        source = []
        for row in result.picks:
            held = [holder.get(int(q), -1) for q in buffer.seq[rows[prep.extras["order"][row[row >= 0]]]]]
            source.append(events[max(set(held), key=lambda j: (held.count(j), -j))] if held else events[0])
        if self._estimating() and self._early_enabled():
            # once calibrated, the emitted events themselves keep the calibration current; how crowded
            # each is counts the events emitted before it and those still open, not only its cluster
            found = calibration_events(prep, result, times=prep.raw_time, config=config)
            if not self._calibrated():  # the warm-up's deciding searches calibrate with their own (loose) events
                early = {float(t) for t, e in zip(result.t0_s, source) if e.opened_by.startswith("early")}
                found = [] if self.warmup_loose_early or self._archive is not None else [f for f in found if f.t0_s in early]
            self._calibration.remember(found, [(e.x_km, e.y_km, e.t0_s) for e in self._open]
                                       + [(r[0].x_km, r[0].y_km, r[0].t0_s) for r in self._emitted_lately])
        self._fit_history.extend(zip(result.t0_s.tolist(), result.chi2.tolist(), result.n_obs.tolist()))
        self._fit_history = [f for f in self._fit_history if f[0] >= now - config.block_s]
        factor = variance_factor_of(np.array([f[1] for f in self._fit_history]), np.array([f[2] for f in self._fit_history]))
        prep.time_origin_s = self._origin or 0.0
        if self._support is not None:
            prep.extras["calibration_support"] = self._support
        recent = self._readings.t0_s >= now - config.block_s
        calibrated = self._calibrated()
        located = to_tables(prep, result, self._atmosphere, config=config if calibrated else self._warm_config,
                            factor=factor, first_id=self._emitted + 1,
                            earlier=self._readings.select(recent),
                            celerity_floor_km_s=0.0 if calibrated else self._warm_celerity_floor_km_s,
                            neighbours=neighbour_rows([r[0] for r in self._emitted_lately], self._atmosphere))
        self._readings = self._readings.select(recent).plus(located.readings)
        self._emitted += len(result.t0_s)
        events_table = located.events
        if self._party_at is not None:
            events_table = with_sides(events_table, located.x_km, located.y_km, located.position_covariance_km2,
                                      net.to_latlon, self._party_at)
        last = np.array([float(prep.raw_time[row[row >= 0]].max()) for row in result.picks]) if len(result.t0_s) else np.zeros(0)
        self._spans_s = np.concatenate([self._spans_s, last - result.t0_s])[-SPAN_EVENTS:]
        horizon = now - self.ready_at_s(0.0) - config.isolation_s - config.cluster_s
        self._emitted_lately = [e for e in self._emitted_lately if e[0].t0_s >= horizon]
        for i, row in enumerate(result.picks):
            p = row[row >= 0]
            s = prep.pick_station[p]
            distance = np.hypot(net.x_km[s] - result.x_km[i], net.y_km[s] - result.y_km[i])
            self._heard_km = np.concatenate([self._heard_km, distance])[-HEARD_PICKS:]
            self._remember_levels(buffer.amplitude[rows[prep.extras["order"][p]]], s, distance)
            if self._loudness_on():
                quick.learn(self._loudness, result, i, rows[prep.extras["order"][p]], s, distance, buffer, now,
                            self._atmosphere[0], net.x_km, net.y_km, self._last_heard, self._corrections, config)
            record = OpenEvent(key=-1, x_km=float(result.x_km[i]), y_km=float(result.y_km[i]), t0_s=float(result.t0_s[i]),
                               tile=int(result.tile[i]), covariance=result.covariance[i], chi2=float(result.chi2[i]),
                               n_obs=int(result.n_obs[i]), seqs=[], stations={int(q) for q in s})
            self._emitted_lately.append((record, s, prep.pick_time[p], prep.pick_baz[p], prep.pick_baz_sigma[p]))
        if self._loudness.new_events >= LOUDNESS_EVERY:
            self._loudness.update()
        if self._law_events >= LOUDNESS_EVERY:
            self._law = law_of(*self._law_samples)
            self._law_events = 0
        origin = self._origin or 0.0
        if self.trace is not None:
            ids = events_table.column("event_id").to_pylist()
            names = self._network.station_ids
            for i, (event, row) in enumerate(zip(source, result.picks)):
                stations, until = self._awaiting.pop(event.key, (np.zeros(0, dtype=np.int64), np.zeros(0)))
                self.trace.append({"event_id": ids[i], "opened_by": event.opened_by,
                                   "opened_at_s": event.opened_at_s + origin, "t0_s": float(result.t0_s[i]) + origin,
                                   "n_stations": int(result.n_stations[i]), "last_pick_s": float(last[i]) + origin,
                                   "due_s": event.due_s + origin, "emitted_at_s": now + origin,
                                   "calibrated": calibrated, "fitted_to": self._calibration.size,
                                   "awaited": [str(names[k]) for k in stations],
                                   "awaited_until_s": (until + origin).round(2).tolist()})
            for event in events:
                self._awaiting.pop(event.key, None)
        buffer.keep(~taken)
        return Emission(events=events_table, assignments=located.assignments,
                        emitted_at_s=np.full(len(result.t0_s), now + origin), last_pick_s=last + origin,
                        opened_by=np.array([e.opened_by for e in source], dtype=object),
                        opened_at_s=np.array([e.opened_at_s + origin for e in source]))
