"""After a pass: the picks of overlapping events shared out, every event relocated and put to the tests every
event of the batch must pass (:class:`EventTests`, :func:`refine`)."""

from __future__ import annotations

import numpy as np

from truceline.fuse import kernels, loudness
from truceline.fuse.coincidence import by_chance
from truceline.fuse.explain import explain_away
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.loudness import LoudnessLaw
from truceline.fuse.refine import clusters, refine_cluster
from truceline.fuse.rival import learned_law, rival_hypotheses
from truceline.fuse.shadow import Shadows
from truceline.fuse.silence import ReachSilence, Silence
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import Prepared, levels_given, range_slope
from truceline.fuse.passes import PassResult


def locate_event(prep: Prepared, config: FusionConfig, out: PassResult, i: int, atmosphere: np.ndarray) -> tuple:
    """Event ``i`` of ``out`` located from its picks under ``atmosphere`` (its block's and tile's celerity and wind,
    the run's range slope): ``kernels.locate``'s x, y, t0, covariance, chi2 and number of observations."""
    net = prep.network
    p = out.picks[i][out.picks[i] >= 0]
    c, wx, wy = atmosphere[out.block[i], out.tile[i]]
    return kernels.locate(p, prep.pick_station[p], prep.pick_time, prep.pick_baz, prep.pick_baz_sigma, net.x_km,
                          net.y_km, prep.st_north_deg, out.x_km[i], out.y_km[i], out.t0_s[i], c, wx, wy,
                          config.sigma_pick_s, config.kappa_model, 2.5, 15, range_slope(prep))


class EventTests:
    """The tests every event of the batch must pass once located (``refine``): with ``amplitude``, one source
    level for an event of at most ``rival_max_stations`` stations and, with ``silent_stations``, no improbable
    silence for one of at most ``silence_max_stations``; with ``nearest``, heard by most of its nearest working
    stations (only up to ``nearest_max_stations``, if given). The amplitude law (unless ``law`` is given) and the
    detection curve are learned from the events given."""

    def __init__(self, prep: Prepared, config: FusionConfig, picks: list[np.ndarray], x: np.ndarray, y: np.ndarray,
                 t0: np.ndarray, event_atmosphere: np.ndarray, *, amplitude: bool, nearest: bool,
                 law: LoudnessLaw | None = None, nearest_max_stations: int | None = None, reach: bool = False) -> None:
        net = prep.network
        self.prep, self.config, self.nearest, self.nearest_max_stations = prep, config, nearest, nearest_max_stations
        self.law = None
        if amplitude and "log_amplitude" in prep.extras:
            self.law = law if law is not None else learned_law(picks, x, y, prep.extras["log_amplitude"], prep.pick_station,
                                                                net.x_km, net.y_km)
        self.silence = None
        if amplitude and config.silent_stations and self.law is not None and "log_snr" in prep.extras:
            self.silence = Silence(self.law, pick_time=prep.pick_time, pick_station=prep.pick_station,
                                   log_amplitude=prep.extras["log_amplitude"], log_snr=prep.extras["log_snr"],
                                   station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                                   reach_km=config.reach_km)
            if not self.silence.learn(picks, x, y, t0, event_atmosphere):
                self.silence = None
        self.reach: ReachSilence | None = None
        if (reach and amplitude and config.silent_stations and config.reach_silence
                and (config.reach_silence_with_levels or (self.silence is None and not levels_given(prep)))):
            # no amplitudes: how far the event was heard stands in for its level
            self.reach = ReachSilence(pick_time=prep.pick_time, pick_station=prep.pick_station,
                                      station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                                      reach_km=config.reach_km)
            if not self.reach.learn(picks, x, y, t0, event_atmosphere):
                self.reach = None
        self.coincidence = reach and config.chance_coincidences
        self.shadows: Shadows | None = None
        if reach and config.terrain_shadows:
            self.shadows = Shadows(self.law, pick_time=prep.pick_time, pick_station=prep.pick_station,
                                   station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                                   reach_km=config.reach_km, log_amplitude=prep.extras.get("log_amplitude"))
            self.shadows.learn(picks, x, y, t0, event_atmosphere)

    def passes(self, picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray, *,
               nearest: bool | None = None) -> bool:
        """Whether an event of these picks, located at (x, y, t0) under ``atmosphere`` (c, wx, wy), passes
        (``nearest``, if given, instead of the tests' own choice of the nearest-majority test)."""
        prep, config, net = self.prep, self.config, self.prep.network
        s = prep.pick_station[picks]
        m = len(np.unique(s))
        amplitude_max = config.rival_max_stations if config.amplitude_max_stations is None else config.amplitude_max_stations
        if self.law is not None and m <= amplitude_max:
            if not loudness.consistent(self.law, prep.extras["log_amplitude"][picks], np.hypot(net.x_km[s] - x, net.y_km[s] - y)):
                return False
        if (self.silence is not None and m <= config.silence_max_stations
                and self.silence.tail(picks, x, y, t0, atmosphere) < config.silence_p):
            return False
        if (self.reach is not None and m <= config.silence_max_stations
                and self.reach.tail(picks, x, y, t0, atmosphere) < config.silence_p):
            return False
        if self.coincidence and by_chance(
                picks, x, y, atmosphere, pick_time=prep.pick_time, pick_station=prep.pick_station,
                station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                window_s=config.coincidence_window_s, tolerance_s=2.0 * config.sigma_pick_s,
                expected=config.coincidence_expected, max_aperture_km=config.coincidence_aperture_km,
                burst_ratio=config.coincidence_burst_ratio, reach_km=config.reach_km, min_stations=config.min_stations):
            return False
        if not (self.nearest if nearest is None else nearest) or (
                self.nearest_max_stations is not None and m > self.nearest_max_stations):
            return True
        if self.shadows is not None:
            return self.shadows.heard_by_nearest_majority(x, y, t0, s, atmosphere, station_pick_start=prep.station_pick_start,
                                                          pick_time=prep.pick_time)
        return heard_by_nearest_majority(
            x, y, t0, s, atmosphere, st_x=net.x_km, st_y=net.y_km, station_pick_start=prep.station_pick_start,
            pick_time=prep.pick_time)


def refine(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray, *,
           explain: bool = False, nearest: bool = False, rival: bool = False, amplitude: bool = False,
           taken: np.ndarray | None = None, law: LoudnessLaw | None = None,
           nearest_max_stations: int | None = None, share: bool = True, reach: bool = False) -> PassResult:
    """Share out the picks of overlapping events jointly (and, with ``explain``, dissolve the events
    whose picks the others explain: ``fuse/explain.py``; with ``rival``, replace the events of few stations
    by a rival that explains more picks: ``fuse/rival.py``), then relocate every event (with ``nearest``,
    keeping those heard by most of their nearest stations: ``fuse/footprint.py``; with ``amplitude``, dropping
    the events of few stations whose amplitudes disagree on one source level). ``taken`` marks picks (in
    kernel order) held by events not in ``result``: a rival cannot take them. ``law``: the amplitude-distance law
    learned beforehand (the streaming associator's, from the events it emitted); by default it is learned from
    ``result``'s own events of 8 or more stations. ``nearest_max_stations``: the nearest-stations test only for
    events of at most that many stations (None: all). Without ``share`` the picks are not
    shared out again: the events keep theirs and are only relocated and tested. With ``reach`` (the batch's
    refinements, not the streaming associator's, whose buffer has lost the picks of the events it emitted) and
    picks without amplitudes, the silent-stations test of ``FusionConfig.reach_silence``."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    picks = [row[row >= 0] for row in result.picks]
    labels = clusters(x, y, t0, distance_km=config.cluster_km, time_s=config.cluster_s) if share else np.arange(len(t0))
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        first = members[0]
        refine_cluster(members, x, y, t0, picks, pick_time=prep.pick_time, pick_station=prep.pick_station,
                       pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma, st_x=net.x_km, st_y=net.y_km,
                       st_north=prep.st_north_deg, atmosphere=tuple(atmosphere[result.block[first], result.tile[first]]),
                       sigma_s=config.sigma_pick_s, kappa_model=config.kappa_model, range_slope=range_slope(prep))
    if explain:
        explain_away(x, y, t0, picks, atmosphere[result.block, result.tile], pick_time=prep.pick_time,
                     pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                     st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg, sigma_s=config.sigma_pick_s,
                     kappa_model=config.kappa_model, min_stations=config.min_stations, reach_km=config.reach_km,
                     max_z=config.ambiguity_z, max_normalised_rms=config.max_normalised_rms, baz_gate_z=config.baz_gate_z,
                     range_slope=range_slope(prep))
    if rival:
        rival_hypotheses(x, y, t0, picks, atmosphere[result.block, result.tile], pick_time=prep.pick_time,
                         pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                         st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg,
                         station_pick_start=prep.station_pick_start, cell_x=prep.cell_x, cell_y=prep.cell_y,
                         sigma_s=config.sigma_pick_s, kappa_model=config.kappa_model, min_stations=config.min_stations,
                         max_stations=config.rival_max_stations, reach_km=config.reach_km, max_z=config.ambiguity_z,
                         max_normalised_rms=config.max_normalised_rms, baz_gate_z=config.baz_gate_z,
                         nearest=nearest, taken=taken, range_slope=range_slope(prep))
    tests = EventTests(prep, config, picks, x, y, t0, atmosphere[result.block, result.tile], amplitude=amplitude,
                       nearest=nearest, law=law, nearest_max_stations=nearest_max_stations, reach=reach)
    keep: list[int] = []
    cov = result.covariance.copy()
    chi2 = result.chi2.copy()
    n_obs = result.n_obs.copy()
    rows = np.full_like(result.picks, -1)
    for i in range(len(t0)):
        if len(np.unique(prep.pick_station[picks[i]])) < config.min_stations:
            continue
        c, wx, wy = atmosphere[result.block[i], result.tile[i]]
        xi, yi, ti, ci, chi, n = kernels.locate(picks[i], prep.pick_station[picks[i]], prep.pick_time, prep.pick_baz,
                                                prep.pick_baz_sigma, net.x_km, net.y_km, prep.st_north_deg,
                                                x[i], y[i], t0[i], c, wx, wy, config.sigma_pick_s, config.kappa_model,
                                                2.5, 15, range_slope(prep))
        if not np.isfinite(ci[0, 0]):
            continue
        if not tests.passes(picks[i], xi, yi, ti, atmosphere[result.block[i], result.tile[i]]):
            continue
        x[i], y[i], t0[i], cov[i], chi2[i], n_obs[i] = xi, yi, ti, ci, chi, n
        rows[i, : min(len(picks[i]), rows.shape[1])] = picks[i][: rows.shape[1]]
        keep.append(i)
    k = np.array(keep, dtype=int)
    order = k[np.argsort(t0[k], kind="stable")]
    return PassResult(x_km=x[order], y_km=y[order], t0_s=t0[order],
                      n_stations=np.array([len(np.unique(prep.pick_station[picks[i]])) for i in order], dtype=int),
                      chi2=chi2[order], n_obs=n_obs[order], tile=result.tile[order], block=result.block[order],
                      picks=rows[order], covariance=cov[order])
