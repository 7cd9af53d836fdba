"""The stream's searches of origin times (:class:`StreamSearches`): one stage's chunk (early, small or deciding) and
the quick search, the events they find among the free picks (the batch's passes and tests, or at the trigger's
seeds), and the deciding search's tests (news, splinters, loudness)."""

from __future__ import annotations

import numpy as np

from truceline.fuse import pending, quick, trigger
from truceline.fuse.quick import QUICK_SPAN_S
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import (FusionConfig, PassResult, Prepared, TIGHT_COARSE_TOLERANCE_S, calibration_events,
                                   empty_pass, final_pass, first_pass, refine)
from truceline.fuse.pending import OpenEvent
from truceline.fuse.streamsettings import NEAREST_MAX_STATIONS
from truceline.fuse.streamwarmup import StreamWarmUp


class StreamSearches(StreamWarmUp):
    """The stages' and the quick search, and what finds their events."""

    # -- searching origin times --------------------------------------------------------------------

    def _search(self, stage: int | None, start: float, now: float) -> None:
        """Search one chunk of origin times (``stage`` None: the deciding stage) among the free
        picks; the events found are opened with their picks."""
        if stage is not None:
            # early stage k: the k-th of the stages without the loudness test (their names do not move with a loud one)
            plain = sum(not s.loud for s in self.early_stages[:stage])
            config, by = self._stage_configs[stage], "small" if self.early_stages[stage].loud else f"early{plain}"
            if self.deciding_needs_news and not self.early_stages[stage].loud:
                # a loud stage refuses an event for its loudness or for not being complete yet, not for being a chance
                # coincidence: its search is no reason to refuse the deciding search's event (docs/fusion.md, "Session 25")
                self._searched.append((start, start + config.window_s, now, config.min_stations))
        elif self.early_stages and self._calibrated():
            config, by = self._sweep_config, "deciding"
        else:
            config, by = self._final_config, "warm"
        found = self._find(config, start, self._workspaces[-2 if stage is None else stage], deciding=stage is None)
        if stage is None and self.deciding_needs_news:
            self._searched = [w for w in self._searched if w[1] > start]
            found = [e for e in found if self._news(e)]
        if by == "small":  # a loud stage's events, only once the loudness is learned and if they pass its tests
            found = [e for e in found if self._loudness.ready and self._loud_enough(e, now)]
        if by == "deciding" and self.deciding_splinters is not None:
            kept = [e for e in found if self._splinter_share(e) < self.deciding_splinters]
            self.deciding_rejected += len(found) - len(kept)
            found = kept
        if by == "deciding" and self.deciding_loudness and self._loudness.ready:
            kept = [e for e in found if self._loud_enough(e, now)]
            self.deciding_rejected += len(found) - len(kept)
            found = kept
        self._open_found(found, by, now)

    def _splinter_share(self, event: OpenEvent) -> float:
        """The share of an event's picks that lie within the final selection tolerance of the predicted arrival, at their
        station, of an event emitted lately or still open (whether or not that event holds a pick of the station): in a
        salvo every station hears each source, and the picks an emitted event of the salvo did not take can make another
        event near it."""
        others = [e[0] for e in self._emitted_lately] + list(self._open)
        if not others:
            return 0.0
        buffer, net = self._buffer, self._network
        rows = buffer.rows(event.seqs)
        station = buffer.station[rows]
        time = buffer.time[rows] - self._corrections[station]
        x = np.array([e.x_km for e in others])
        y = np.array([e.y_km for e in others])
        t0 = np.array([e.t0_s for e in others])
        near = (np.abs(t0 - event.t0_s) <= self._max_travel_s()) & (np.hypot(x - event.x_km, y - event.y_km) <= 2 * self.config.reach_km)
        if not near.any():
            return 0.0
        idx = np.flatnonzero(near)
        atm = self._atmosphere[0][np.array([others[i].tile for i in idx])]
        claimed = np.zeros(len(rows), dtype=bool)
        for j, i in enumerate(idx):
            tt = travel_times(net.x_km[station], net.y_km[station], x[i], y[i], atm[j, 0], atm[j, 1], atm[j, 2])
            within = np.hypot(net.x_km[station] - x[i], net.y_km[station] - y[i]) <= self.config.reach_km
            claimed |= within & (np.abs(time - t0[i] - tt) <= pending.arrival_tolerance_s(tt, self.config))
        return float(np.mean(claimed)) if len(claimed) else 0.0

    def _loud_enough(self, event: OpenEvent, now: float) -> bool:
        """Whether an event a search found passes the loudness tests of a quick search's event (:func:`quick.complete`,
        waiting for the stations that could hear it by its loudness)."""
        net = self._network
        # the picks of the events emitted lately have left the buffer: a station whose pick of this source went with
        # another event still heard it
        lately = self._emitted_lately
        station = np.concatenate([np.zeros(0, dtype=np.int64)] + [e[1] for e in lately])
        time = np.concatenate([np.zeros(0)] + [e[2] for e in lately])
        return quick.complete(self._loudness, event, self._buffer, now, self._atmosphere[0], net.x_km, net.y_km,
                              self._last_heard, self._corrections, None, self.config, hold_s=self.hold_s,
                              other_station=station, other_time_s=time,
                              wait_expected=self.wait_margin == "expected")

    def _news(self, event: OpenEvent) -> bool:
        """Whether an event found by the deciding search has a pick that the last early stage to search its origin
        time, and that could have opened it, did not have: arrived after that search, or freed since (True if no such
        stage searched it)."""
        seen = [at for start, stop, at, least in self._searched if start <= event.t0_s < stop and least <= len(event.stations)]
        if not seen:
            return True
        rows = self._buffer.rows(event.seqs)
        last = max(seen)
        return bool(np.any(self._buffer.time[rows] >= last) or np.any(self._buffer.freed_at[rows] >= last))

    def _quick(self, now: float) -> None:
        """The quick search: the origin times of the last ``QUICK_SPAN_S`` among the free picks; an
        event found is opened only if it is complete and consistent (:func:`quick.complete`)."""
        assert self._next_start is not None
        self.quick_searches += 1
        found = self._find(self._quick_config, max(self._next_start, now - QUICK_SPAN_S), self._workspaces[-1],
                           deciding=False)
        buffer, net = self._buffer, self._network
        accepted = [f for f in found if quick.complete(self._loudness, f, buffer, now, self._atmosphere[0], net.x_km, net.y_km,
                                                      self._last_heard, self._corrections, self._radius_km(f), self.config,
                                                      hold_s=self.hold_s)]
        self.quick_opened += len(accepted)
        self._open_found(accepted, "quick", now)

    def _find(self, config: FusionConfig, start: float, workspace: dict, *, deciding: bool,
              seeds: tuple[np.ndarray, np.ndarray] | None = None) -> list[OpenEvent]:
        """Events among the free picks with origin times in ``[start, start + config.window_s)``
        (not yet opened: ``key`` -1); with ``seeds`` (cells, origin-time bins), those found at the
        trigger's seeds (:func:`trigger.examine`) instead of by a search of the window."""
        stop = start + config.window_s
        buffer = self._buffer
        if deciding and self._estimating() and not self._calibrated() and self._archive is not None:
            everything = self._loose_all(config, start, stop, workspace)
            if everything is not None:
                self._calibrate_if_due(everything, stop)
        prepared = self._prepare(config, start, stop)
        if prepared is None:
            return []
        prep, rows, taken = prepared
        n = len(rows)
        self.chunks_processed += 1
        if self._estimating() and deciding:
            if not self._calibrated() and self._archive is not None:
                pass  # the loose pass over every pick ran above
            elif not self._calibrated() and (self._peeked_to is None or start >= self._peeked_to):
                # until the model is calibrated, a loose pass under the standard celerity finds the events to calibrate with
                loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=workspace,
                                   taken=taken)
                self._calibration.remember(calibration_events(prep, loose, config=config))
            self._calibrate_if_due(prep, stop)
        prep.pick_time = prep.raw_time - self._corrections[prep.pick_station]
        if seeds is None:
            passed = final_pass(prep, config, self._atmosphere, start_s=start, stop_s=stop, workspace=workspace, taken=taken)
        else:
            passed = self._examine(prep, config, seeds, taken)
            if not len(passed.t0_s):
                return []
        result = refine(prep, config, passed, self._atmosphere,
                        # the nearest-stations test (batch step 8) only for the events of few stations: the picks of
                        # events already emitted have left the buffer, so a near station whose pick such an event
                        # took counts as silent (for all events, it dropped 13 real events of 4-14 stations on
                        # violation 24 h seed 7)
                        explain=config.explain_away, nearest=config.nearest_majority,
                        nearest_max_stations=NEAREST_MAX_STATIONS, rival=config.rival_hypotheses,
                        amplitude=config.amplitude_consistency, taken=taken, law=self._law)
        order = prep.extras["order"]
        found: list[OpenEvent] = []
        for i in range(len(result.t0_s)):
            mine = order[result.picks[i][result.picks[i] >= 0]]
            assert np.all(mine < n)  # the stations' latest picks are taken: never an event's
            mine = rows[mine]
            found.append(OpenEvent(key=-1, x_km=float(result.x_km[i]), y_km=float(result.y_km[i]),
                                   t0_s=float(result.t0_s[i]), tile=int(result.tile[i]), covariance=result.covariance[i],
                                   chi2=float(result.chi2[i]), n_obs=int(result.n_obs[i]),
                                   seqs=[int(q) for q in buffer.seq[mine]],
                                   stations={int(s) for s in buffer.station[mine]}))
        return found

    def _examine(self, prep: Prepared, config: FusionConfig, seeds: tuple[np.ndarray, np.ndarray],
                 taken: np.ndarray) -> PassResult:
        """The events at the trigger's seeds, as a pass result (the tight pass's tolerances)."""
        net = self._network
        out_event, out_picks, out_cov = trigger.empty_outputs(len(seeds[0]), config.max_picks_per_event)
        n = trigger.examine(seeds[0], seeds[1], config.bin_s, prep.cell_x, prep.cell_y, prep.cell_tile, self._atmosphere[0],
                            net.x_km, net.y_km, prep.st_north_deg, prep.station_pick_start, prep.pick_time, prep.pick_baz,
                            prep.pick_baz_sigma, taken.astype(np.bool_), config.reach_km, TIGHT_COARSE_TOLERANCE_S,
                            2.0 * config.sigma_pick_s, 3.0 * config.kappa_model, config.sigma_pick_s, config.kappa_model,
                            config.max_normalised_rms, config.min_stations, out_event, out_picks, out_cov,
                            config.footprint_stations, config.baz_gate_z)
        if n == 0:
            return empty_pass(config)
        event = out_event[:n]
        order = np.argsort(event[:, 2], kind="stable")
        return PassResult(x_km=event[order, 0], y_km=event[order, 1], t0_s=event[order, 2],
                          n_stations=event[order, 3].astype(int), chi2=event[order, 4], n_obs=event[order, 5].astype(int),
                          tile=event[order, 6].astype(int), block=np.zeros(n, dtype=int), picks=out_picks[:n][order],
                          covariance=out_cov[:n][order])
