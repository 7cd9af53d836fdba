"""The batch's steps after the tight pass (:func:`finish`): the second search of the free picks, sources that
repeat at one place, a launcher's ripple, flight partners, twin rounds, fire missions, one level last."""

from __future__ import annotations

from dataclasses import fields, replace
from functools import partial

import numpy as np

from truceline.fuse import farpicks, loudness
from truceline.fuse.explain import explain_away
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.rival import PickContext, learned_law
from truceline.fuse.repeat import repeated_sources
from truceline.fuse.flight import flight_partners
from truceline.fuse.mission import fire_missions
from truceline.fuse.ripple import burst_clusters, ripple_bursts
from truceline.fuse.twin import twin_rounds
from truceline.fuse.salvo import noise_scale, salvo_sources
from truceline.fuse.relabel import relabelled_clusters
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import Prepared, range_slope
from truceline.fuse.passes import PassResult, final_pass, joined
from truceline.fuse.refinement import EventTests, locate_event, refine


def finish(prep: Prepared, config: FusionConfig, final: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The batch's steps after the tight pass (:func:`fuse`): refinement and its tests, the second search of the
    free picks, sources that repeat at one place, a launcher's ripple and (if on) fire missions."""
    result = refine(prep, config, final, atmosphere, explain=config.explain_away, nearest=config.nearest_majority,
                    rival=config.rival_hypotheses, amplitude=config.amplitude_consistency, reach=True)
    if config.sweep_free_picks:
        # the picks that refinement and the two tests above set free: search them once more
        taken = np.zeros(len(prep.pick_time), dtype=np.bool_)
        taken[result.picks[result.picks >= 0]] = True
        # terrain_sweep: the free picks' events are judged by refine's shadow-aware tests, not the kernel's footprint
        more = final_pass(prep, replace(config, footprint_stations=0) if config.terrain_sweep else config, atmosphere,
                          taken=taken)
        result = refine(prep, config, joined(result, more), atmosphere, explain=config.explain_away,
                        nearest=config.nearest_majority, rival=config.rival_hypotheses,
                        amplitude=config.amplitude_consistency, reach=True)
    if config.repeated_sources:
        result = repeat_at_places(prep, config, result, atmosphere)
    if config.ripple_bursts:
        result = ripple_at_bursts(prep, config, result, atmosphere)
    if config.flight_partners:
        result = partners_at(prep, config, result, atmosphere)
    if config.twin_rounds:
        result = twins_at(prep, config, result, atmosphere)
    if config.salvo_split:
        result = salvos_at(prep, config, result, atmosphere)
    if config.fire_missions:
        result = missions_at(prep, config, result, atmosphere)
    if config.amplitude_consistency and config.amplitude_last_max_stations > config.rival_max_stations:
        result = one_level_last(prep, config, result)
    if config.far_picks:
        result = result.take(farpicks.far_events_of(prep, config, result, atmosphere, range_slope(prep)).keep)
    if config.relabel_clusters:
        result = relabel_at(prep, config, result, atmosphere)
    return result


def one_level_last(prep: Prepared, config: FusionConfig, result: PassResult) -> PassResult:
    """``result`` without its events of more than ``rival_max_stations`` and at most ``amplitude_last_max_stations``
    stations whose picks' amplitudes cannot come from one source (``FusionConfig.amplitude_last_max_stations``)."""
    if "log_amplitude" not in prep.extras:
        return result
    net = prep.network
    picks = [row[row >= 0] for row in result.picks]
    law = learned_law(picks, result.x_km, result.y_km, prep.extras["log_amplitude"], prep.pick_station, net.x_km, net.y_km)
    if law is None:
        return result
    keep = np.ones(len(picks), dtype=bool)
    for i, p in enumerate(picks):
        s = prep.pick_station[p]
        m = len(np.unique(s))
        if config.rival_max_stations < m <= config.amplitude_last_max_stations:
            distance = np.hypot(net.x_km[s] - result.x_km[i], net.y_km[s] - result.y_km[i])
            keep[i] = loudness.consistent(law, prep.extras["log_amplitude"][p], distance)
    if keep.all():
        return result
    return result.take(keep)


def _pick_context(prep: Prepared, config: FusionConfig) -> PickContext:
    net = prep.network
    return PickContext(prep.pick_time, prep.pick_station, prep.pick_baz, prep.pick_baz_sigma, net.x_km, net.y_km,
                       prep.st_north_deg, np.zeros(0), np.zeros(0), config.sigma_pick_s, config.kappa_model,
                       config.reach_km, config.ambiguity_z, config.max_normalised_rms, config.baz_gate_z, range_slope(prep))


def _events_under_test(prep: Prepared, config: FusionConfig, result: PassResult,
                       atmosphere: np.ndarray) -> tuple[list[np.ndarray], np.ndarray, EventTests]:
    """The events' picks, their atmospheres and the tests a replacement source must pass (the steps that replace
    events by the sources that explain them better)."""
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere,
                       amplitude=config.amplitude_consistency, nearest=config.nearest_majority, reach=True)
    return picks, event_atmosphere, tests


def ripple_at_bursts(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The bursts that one launcher's comb explains better replaced by its rounds (``fuse/ripple.py``); every
    event then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks, event_atmosphere, tests = _events_under_test(prep, config, result, atmosphere)
    replaced, new = ripple_bursts(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere, result.chi2,
                                  result.n_obs, ctx=_pick_context(prep, config),
                                  station_pick_start=prep.station_pick_start, min_stations=config.min_stations,
                                  reach_km=config.reach_km, accept=tests.passes,
                                  two=config.ripple_two_launchers, places=config.ripple_places)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def twins_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events that two rounds from their place explain better replaced by them (``fuse/twin.py``); every event
    then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks, event_atmosphere, tests = _events_under_test(prep, config, result, atmosphere)
    in_burst = np.zeros(len(picks), dtype=bool)
    for group in burst_clusters(result.x_km, result.y_km, result.t0_s):
        in_burst[group] = True
    replaced, new = twin_rounds(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere,
                                ctx=_pick_context(prep, config), station_pick_start=prep.station_pick_start,
                                min_stations=config.min_stations, max_stations=config.twin_max_stations,
                                accept=tests.passes, in_burst=in_burst)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def salvos_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events that two to four sources near them explain clearly better replaced by them (``fuse/salvo.py``);
    every event then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks, event_atmosphere, tests = _events_under_test(prep, config, result, atmosphere)
    ctx = _pick_context(prep, config)
    scale = noise_scale(ctx, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere)
    net = prep.network

    def accept(p: np.ndarray, x: float, y: float, t0: float, atm: np.ndarray, excused: np.ndarray) -> bool:
        # the nearest-stations test excuses the stations whose arrival another source of the split holds
        return tests.passes(p, x, y, t0, atm, nearest=False) and (not config.nearest_majority or heard_by_nearest_majority(
            x, y, t0, prep.pick_station[p], atm, st_x=net.x_km, st_y=net.y_km,
            station_pick_start=prep.station_pick_start, pick_time=prep.pick_time, excused=excused))

    replaced, new = salvo_sources(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere, ctx=ctx,
                                  station_pick_start=prep.station_pick_start, min_stations=config.min_stations,
                                  scale=scale, penalty_scale=config.salvo_penalty_scale, accept=accept)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def relabel_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The clusters of events whose picks a joint relabelling fits better than chance given their new picks
    (``fuse/relabel.py``); every event then relocated and tested again by :func:`refine` (without sharing the picks
    out again)."""
    picks, event_atmosphere, tests = _events_under_test(prep, config, result, atmosphere)
    ctx = _pick_context(prep, config)
    scale = noise_scale(ctx, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere)
    moved, _chance = relabelled_clusters(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere, ctx=ctx,
                                         station_pick_start=prep.station_pick_start,
                                         min_stations=config.min_stations, scale=scale, accept=tests.passes)
    if not moved:
        return result
    for m, _x, _y, _t, p in moved:
        picks[m] = p
    width = max(result.picks.shape[1], max(len(p) for p in picks))
    rows = np.full((len(picks), width), -1, dtype=result.picks.dtype)
    for i, p in enumerate(picks):
        rows[i, : len(p)] = p
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    out.picks = rows
    for m, x, y, t, p in moved:
        out.x_km[m], out.y_km[m], out.t0_s[m] = x, y, t
        out.n_stations[m] = len(np.unique(prep.pick_station[p]))
    return refine(prep, config, out, atmosphere, nearest=config.nearest_majority,
                  amplitude=config.amplitude_consistency, share=False, reach=True)


def missions_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The small clusters that one fire mission's rounds explain better replaced by them (``fuse/mission.py``);
    every event then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks, event_atmosphere, tests = _events_under_test(prep, config, result, atmosphere)
    replaced, new = fire_missions(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere, result.chi2,
                                  ctx=_pick_context(prep, config), station_pick_start=prep.station_pick_start,
                                  min_stations=config.min_stations, reach_km=config.reach_km, accept=tests.passes)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def with_replacements(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray,
                      replaced: list[int], new: list[tuple[int, float, float, float, np.ndarray]]) -> PassResult:
    """``result`` with the ``replaced`` events taken out and the ``new`` ones ``(template event index, x, y, t0,
    picks)`` put in (tile, block and the rest copied from the template), every event then relocated and tested by
    :func:`refine` without sharing the picks out again."""
    if not new:
        return result
    keep = np.setdiff1d(np.arange(len(result.t0_s)), np.array(replaced, dtype=int))
    template = np.array([m[0] for m in new], dtype=int)
    width = result.picks.shape[1]
    rows = np.full((len(new), width), -1, dtype=result.picks.dtype)
    for i, m in enumerate(new):
        rows[i, : min(len(m[4]), width)] = m[4][:width]
    rounds = PassResult(x_km=np.array([m[1] for m in new]), y_km=np.array([m[2] for m in new]),
                        t0_s=np.array([m[3] for m in new]),
                        n_stations=np.array([len(np.unique(prep.pick_station[m[4]])) for m in new], dtype=int),
                        chi2=result.chi2[template], n_obs=result.n_obs[template], tile=result.tile[template],
                        block=result.block[template], picks=rows, covariance=result.covariance[template])
    return refine(prep, config, joined(result.take(keep), rounds), atmosphere, nearest=config.nearest_majority,
                  amplitude=config.amplitude_consistency, share=False, reach=True)


def partners_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events and the launches (impacts) their flight partners imply (``fuse/flight.py``). With ``flight_explain``
    they are explained away first (``explain_away``; with ``flight_explain_local`` only where the new sources changed
    the evidence: the new sources, the events that gave them picks, and the events these explain picks of); the events
    that give picks must pass every test without them (with ``flight_donor_nearest`` the nearest-majority test too);
    the events keep the picks the new sources left them and are
    relocated and tested again by :func:`refine` (without sharing the picks out again); the new sources, tested as they
    were found (the nearest-majority test without their masked stations), are only located."""
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    masked = config.nearest_majority and config.flight_masked
    tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere,
                       amplitude=config.amplitude_consistency, nearest=config.nearest_majority and not masked,
                       reach=True)
    more = flight_partners(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere,
                           ctx=_pick_context(prep, config), station_pick_start=prep.station_pick_start,
                           min_stations=config.min_stations, donor_max_stations=config.flight_donor_max_stations,
                           accept=tests.passes, nearest=masked,
                           donor_accept=partial(tests.passes, nearest=config.nearest_majority)
                           if config.flight_donor_nearest else None)
    if not more:
        return result
    # the events that gave picks are relocated and tested again; the new sources were tested as they were found (the
    # nearest-majority test with their masked stations excused) and are only located
    n = len(result.t0_s)
    both = _appended(prep, result, picks, more)
    if config.flight_explain:
        changed = None
        if config.flight_explain_local:
            gave = [len(p) != np.count_nonzero(row >= 0) for p, row in zip(picks, result.picks)]
            changed = np.concatenate([np.array(gave, dtype=bool), np.ones(len(more), dtype=bool)])
        both = _explained(prep, config, both, atmosphere, changed=changed)
    old = refine(prep, config, both.take(np.arange(n)), atmosphere, nearest=config.nearest_majority,
                 amplitude=config.amplitude_consistency, share=False, reach=True)
    new = both.take(np.arange(n, n + len(more)))
    new = new.take(np.array([len(np.unique(prep.pick_station[row[row >= 0]])) >= config.min_stations
                             for row in new.picks], dtype=bool))
    return joined(old, _located(prep, config, new, atmosphere))


def _explained(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray, *,
               changed: np.ndarray | None = None) -> PassResult:
    """``result`` after explaining away (``fuse/explain.py``): the events whose picks the others explain dissolved
    (their picks left empty), their explained picks given to the events that explain them. ``changed``: only the
    events whose evidence is new, and those whose picks they explain, may be dissolved (``explain_away``)."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    picks = [row[row >= 0] for row in result.picks]
    explain_away(x, y, t0, picks, atmosphere[result.block, result.tile], pick_time=prep.pick_time,
                 pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                 st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg, sigma_s=config.sigma_pick_s,
                 kappa_model=config.kappa_model, min_stations=config.min_stations, reach_km=config.reach_km,
                 max_z=config.ambiguity_z, max_normalised_rms=config.max_normalised_rms, baz_gate_z=config.baz_gate_z,
                 range_slope=range_slope(prep),
                 changed=changed)
    rows = np.full_like(result.picks, -1)
    for i, p in enumerate(picks):
        rows[i, : min(len(p), rows.shape[1])] = p[: rows.shape[1]]
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    out.x_km, out.y_km, out.t0_s, out.picks = x, y, t0, rows
    return out


def _located(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events of ``result`` located from their picks (``kernels.locate``), with no other test than a finite
    covariance."""
    net = prep.network
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    finite = np.ones(len(out.t0_s), dtype=bool)
    for i in range(len(out.t0_s)):
        p = out.picks[i][out.picks[i] >= 0]
        xi, yi, ti, ci, chi, n_obs = locate_event(prep, config, out, i, atmosphere)
        out.x_km[i], out.y_km[i], out.t0_s[i], out.covariance[i], out.chi2[i], out.n_obs[i] = xi, yi, ti, ci, chi, n_obs
        out.n_stations[i] = len(np.unique(prep.pick_station[p]))
        finite[i] = bool(np.isfinite(ci[0, 0]))
    return out.take(finite)


def _appended(prep: Prepared, result: PassResult, picks: list[np.ndarray],
              more: list[tuple[int, float, float, float, np.ndarray]]) -> PassResult:
    """``result`` with its events' picks replaced by ``picks`` and the sources ``more`` (template event index, x, y,
    t0, picks) appended, each with its template's fields."""
    anchor = np.array([m[0] for m in more], dtype=int)
    width = result.picks.shape[1]
    rows = np.full((len(picks) + len(more), width), -1, dtype=result.picks.dtype)
    for i, p in enumerate(picks + [m[4] for m in more]):
        rows[i, : min(len(p), width)] = p[:width]
    return PassResult(x_km=np.concatenate([result.x_km, [m[1] for m in more]]),
                      y_km=np.concatenate([result.y_km, [m[2] for m in more]]),
                      t0_s=np.concatenate([result.t0_s, [m[3] for m in more]]),
                      n_stations=np.concatenate([result.n_stations,
                                                 [len(np.unique(prep.pick_station[m[4]])) for m in more]]).astype(int),
                      chi2=np.concatenate([result.chi2, result.chi2[anchor]]),
                      n_obs=np.concatenate([result.n_obs, result.n_obs[anchor]]),
                      tile=np.concatenate([result.tile, result.tile[anchor]]),
                      block=np.concatenate([result.block, result.block[anchor]]), picks=rows,
                      covariance=np.concatenate([result.covariance, result.covariance[anchor]]))


def repeat_at_places(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """Rounds of :func:`with_repeated_sources`, each followed by :func:`refine`'s tests of every event (the new
    sources and the events they took picks from), until a round finds nothing or ``repeat_rounds`` are done. The
    picks are not shared out again (the mixtures would take them back); the picks of the events a round drops are
    searched by the next; a source found so gives no picks to a later one."""
    found: set[frozenset[int]] = set()
    for _round in range(config.repeat_rounds):
        protected = np.array([frozenset(row[row >= 0].tolist()) in found for row in result.picks], dtype=bool)
        more = with_repeated_sources(prep, config, result, atmosphere, protected)
        if len(more.t0_s) == len(result.t0_s):
            break
        found |= {frozenset(row[row >= 0].tolist()) for row in more.picks[len(result.t0_s):]}
        result = refine(prep, config, more, atmosphere, nearest=config.nearest_majority,
                        amplitude=config.amplitude_consistency, share=False, reach=True)
    return result


def with_repeated_sources(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray,
                          protected: np.ndarray | None = None) -> PassResult:
    """The events and, after them, the further sources found at their places (``fuse/repeat.py``); the events
    they take picks from (none of the ``protected``) keep the rest, to be relocated and tested by :func:`refine`."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    tests = EventTests(prep, config, picks, x, y, t0, event_atmosphere, amplitude=config.amplitude_consistency,
                       nearest=config.nearest_majority, reach=True)
    more = repeated_sources(x, y, t0, picks, event_atmosphere, pick_time=prep.pick_time,
                            pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                            st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg,
                            station_pick_start=prep.station_pick_start, sigma_s=config.sigma_pick_s,
                            kappa_model=config.kappa_model, min_stations=config.min_stations, reach_km=config.reach_km,
                            max_z=config.ambiguity_z, max_normalised_rms=config.max_normalised_rms,
                            baz_gate_z=config.baz_gate_z, accept=tests.passes, range_slope=range_slope(prep),
                            anchor_min_stations=config.repeat_anchor_min_stations,
                            donor_max_stations=config.repeat_donor_max_stations, protected=protected)
    if not more:
        return result
    anchor = np.array([m[0] for m in more], dtype=int)
    width = result.picks.shape[1]
    rows = np.full((len(t0) + len(more), width), -1, dtype=result.picks.dtype)
    for i, p in enumerate(picks + [m[4] for m in more]):
        rows[i, : min(len(p), width)] = p[:width]
    return PassResult(x_km=np.concatenate([x, [m[1] for m in more]]), y_km=np.concatenate([y, [m[2] for m in more]]),
                      t0_s=np.concatenate([t0, [m[3] for m in more]]),
                      n_stations=np.concatenate([result.n_stations, [len(np.unique(prep.pick_station[m[4]])) for m in more]]).astype(int),
                      chi2=np.concatenate([result.chi2, result.chi2[anchor]]),
                      n_obs=np.concatenate([result.n_obs, result.n_obs[anchor]]),
                      tile=np.concatenate([result.tile, result.tile[anchor]]),
                      block=np.concatenate([result.block, result.block[anchor]]), picks=rows,
                      covariance=np.concatenate([result.covariance, result.covariance[anchor]]))
