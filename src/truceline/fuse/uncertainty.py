"""Calibrated location uncertainty: random pick noise, wrong picks, atmosphere model error, and ambiguity.

The inverse Fisher information of ``kernels.locate`` describes only the random part of the
error: pick noise and the path-to-path scatter of travel times, which shrink as stations are
added. It assumes every pick is the event's own; an event of few stations cannot show a wrong
pick in its residuals (with four picks and three unknowns the fit is nearly exact whatever the
picks), so its random part is the larger of that and the **jackknife**: the scatter of the
solutions with each pick left out in turn (:func:`jackknife_covariance`). Two errors do not
shrink with more stations and dominate in practice (docs/fusion.md, "Uncertainty"):

* **Atmosphere model error.** The celerity and wind are calibrated per tile (100 km) and hour;
  the true effective sound speed at an event differs from its tile's value by ``da = (dc, dwx,
  dwy)``. That error is common to all the event's paths: it moves the solution by
  ``S da`` with ``S = J^-1 G' W T`` (``G`` the design matrix in (x, y, t0), ``W`` the weights,
  ``T`` the derivatives of the travel times in (c, wx, wy)). It cannot be seen in the event's own
  residuals when the stations are at similar distances (a wind error is then a shift of the
  source), but the travel-time pattern it leaves grows with distance, so an event with
  stations at varied distances measures it: ``da_k`` with covariance ``M_k^-1`` (the Schur
  complement of the (x, y, t0) block). Over all events, the spread of ``da_k`` beyond their own
  noise estimates ``Sigma_a``, the covariance of the model error; each event then gets
  ``S Sigma_a S'``. Both come from the data; nothing needs the truth.
* **A biased calibration cell.** ``Sigma_a`` is a scatter over the network; a tile whose fit is off
  as a whole (fitted to a burst's mixed events) shifts all its events the same way. The clean
  events around the tile read the true atmosphere (their cell's plus their ``da_k``); their mean
  difference from the tile's atmosphere and the scatter about it make the cell's model-error
  covariance, and each event gets the larger of that and ``Sigma_a``.
* **Association ambiguity.** Events that overlap in space and time (salvos; see ``refine.py``)
  share a pool of interleaved picks, and when the arrivals at every station are denser than the
  pick noise, other combinations of picks fit almost as well: the solutions the cluster's
  picks admit are spread over the area the cluster's members span. Each member of such a
  cluster gets the covariance of the members' positions about their mean, weighted by the
  share of its picks that had a competing arrival of the pool within tolerance.

The parts (docs/fusion.md, "Session 24 (split24)"): the event's linearised model (``EventDesign``,
``atmosphere_sensitivity``, ``atmosphere_estimate``, ``pick_gains``) is in ``fuse/eventdesign.py``, the relocation with
the event's own atmosphere in ``fuse/ownatmosphere.py``, the model error's variance over the network and at the
calibration cells in ``fuse/modelerror.py``; this module holds the covariance every event gets
(``calibrated_covariance``) and the terms of the picks in doubt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.model.tables import CHI2_2DOF_95
# the event's design, its own atmosphere and the model error are in these modules (docs/fusion.md, "Session 24
# (split24)"); every public name is imported back, for the code and tests that import it from here
from truceline.fuse.eventdesign import (EventDesign, atmosphere_estimate, atmosphere_sensitivity, event_design,
                                        pick_gains, pick_variance_covariance)
from truceline.fuse.ownatmosphere import huber_prior_step, joint_atmosphere, relocate_with_own_atmosphere
from truceline.fuse.modelerror import (MEDIAN_CHI2_1DOF, AtmosphereReadings, CalibrationCells,
                                       cell_model_error_variance, clean_readings, model_error_covariance,
                                       model_error_variance, support_variance)

MEDIAN_CHI2_2DOF = 1.3862943611198906  # 2 ln 2


def nearest_other_arrival_s(picks: np.ndarray, pick_station: np.ndarray, pick_time: np.ndarray,
                            station_pick_start: np.ndarray, *, window_s: float) -> np.ndarray:
    """(n,): for each of ``picks``, the gap (s) to the nearest other pick at its station within ``window_s``; 0 where
    there is none (``pick_time`` sorted per station, the station's between ``station_pick_start[s]`` and ``[s + 1]``)."""
    out = np.zeros(len(picks))
    for k, pick in enumerate(picks):
        station = pick_station[pick]
        start, end = station_pick_start[station], station_pick_start[station + 1]
        at = pick_time[pick]
        low = int(np.searchsorted(pick_time[start:end], at - window_s, side="left")) + start
        high = int(np.searchsorted(pick_time[start:end], at + window_s, side="right")) + start
        gaps = np.abs(pick_time[low:high] - at)
        gaps = gaps[np.arange(low, high) != pick]
        if len(gaps):
            out[k] = float(gaps.min())
    return out


def place_scatter_ratio(x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, covariance_km2: np.ndarray, *,
                        place_km: float, place_s: float, min_events: int = 10) -> float:
    """How much farther the events at a place lie from it than their ellipses allow: over the events with at least two
    others within ``place_km`` and ``place_s`` (the rounds of a battery), the median of ``r' (C + C_place)^-1 r`` over
    that of chi-square(2), ``r`` the event's offset from the median of the others' positions, ``C`` its (2 x 2)
    covariance and ``C_place`` the variance of that median (the others' mean covariance over their number, times
    pi / 2). About 1 where the ellipses hold the place's scatter, above where the events stray more than they say (the
    mixtures of a fire mission's rounds), below where they are generous. 0 with fewer than ``min_events`` such events."""
    n = len(t0_s)
    if n == 0:
        return 0.0
    cov = np.asarray(covariance_km2, dtype=float)[:, :2, :2]
    d2: list[float] = []
    for i in range(n):
        near = (np.hypot(x_km - x_km[i], y_km - y_km[i]) <= place_km) & (np.abs(t0_s - t0_s[i]) <= place_s)
        near[i] = False
        others = np.flatnonzero(near)
        if len(others) < 2:
            continue
        offset = np.array([x_km[i] - np.median(x_km[others]), y_km[i] - np.median(y_km[others])])
        total = cov[i] + cov[others].mean(axis=0) / len(others) * (np.pi / 2.0)
        try:
            value = float(offset @ np.linalg.solve(total, offset))
        except np.linalg.LinAlgError:
            continue
        if np.isfinite(value):
            d2.append(value)
    if len(d2) < min_events:
        return 0.0
    return float(np.median(d2) / MEDIAN_CHI2_2DOF)


def round_swap_variance(pick_time_s: np.ndarray, predicted_s: np.ndarray, *, window_s: float) -> np.ndarray:
    """(n,): the expected square of a pick's error were it any one of the arrivals that neighbouring rounds at its
    place predict within ``window_s`` of it (``predicted_s`` (m, n): each round's predicted arrival at the picks'
    stations), each as likely as the own: ``sum_j d_j^2 / (k + 1)`` over the ``k`` such rounds with gaps ``d_j``;
    0 where no round predicts an arrival within the window."""
    times = np.asarray(pick_time_s, dtype=float)
    predicted = np.asarray(predicted_s, dtype=float).reshape(-1, len(times))
    gap = predicted - times[None, :]
    inside = np.abs(gap) <= window_s
    return np.asarray(np.where(inside, gap**2, 0.0).sum(axis=0) / (inside.sum(axis=0) + 1.0))


def misfit_prior_dof(ratio: np.ndarray, dof: np.ndarray, *, low: float = 0.5, high: float = 2000.0) -> float:
    """The degrees of freedom ``nu0`` of the spread of the events' true scales about the network's: the maximum
    likelihood ``nu0`` for which each event's misfit ``ratio`` (its chi-square per degree of freedom over the network's
    ``f``) is F(``dof``, ``nu0``)-distributed, as it is when the events' variances scatter about ``f`` as a scaled
    inverse chi-square with ``nu0`` degrees of freedom (the conjugate prior of a normal variance; Gelman et al.,
    *Bayesian Data Analysis*, ch. 2-3). Large where every event fits alike, small where some fit far worse;
    ``high`` where fewer than ten events have a degree of freedom."""
    from scipy import optimize, stats

    r = np.asarray(ratio, dtype=float)
    v = np.asarray(dof, dtype=float)
    ok = np.isfinite(r) & (r > 0) & (v >= 1)
    if ok.sum() < 10:
        return high
    r, v = r[ok], v[ok]
    best = optimize.minimize_scalar(lambda log_nu0: -float(np.sum(stats.f.logpdf(r, v, np.exp(log_nu0)))),
                                    bounds=(np.log(low), np.log(high)), method="bounded")
    return float(np.exp(best.x))


def pooled_scale(ratio: np.ndarray, dof: np.ndarray, prior_dof: float) -> np.ndarray:
    """(n,): how much each event's ``f * J^-1`` is widened: the event's scale pooled with the network's,
    ``(nu0 + dof * ratio) / (nu0 + dof)`` (at least 1), times the ratio of the 95 % point of ``2 F(2, nu0 + dof)`` to
    that of chi-square(2), the ellipse of a location whose scale is itself estimated (Student's t in two dimensions).
    1 where the event has no degree of freedom."""
    from scipy import stats

    r = np.asarray(ratio, dtype=float)
    v = np.asarray(dof, dtype=float)
    ok = np.isfinite(r) & (v >= 1)
    pooled = np.maximum((prior_dof + v * np.where(ok, r, 0.0)) / (prior_dof + v), 1.0)
    quantile = 2.0 * stats.f.ppf(0.95, 2, prior_dof + np.maximum(v, 0.0)) / CHI2_2DOF_95
    return np.where(ok, pooled * quantile, 1.0)


def member_spread(x_km: np.ndarray, y_km: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """(n, 2, 2): covariance of the positions of each event's cluster members (zero when alone)."""
    out = np.zeros((len(x_km), 2, 2))
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        offsets = np.column_stack([x_km[members], y_km[members]])
        offsets = offsets - offsets.mean(axis=0)
        out[members] = offsets.T @ offsets / (len(members) - 1)
    return out


def ambiguity(times_s: np.ndarray, predicted_s: np.ndarray, sigma_s: np.ndarray,
              station_pick_start: np.ndarray, stations: np.ndarray, pick_time: np.ndarray, *, max_z: float) -> float:
    """Share of an event's stations where another pick lies within ``max_z`` sigma of the predicted arrival."""
    if len(stations) == 0:
        return 0.0
    competing = 0
    for k in range(len(stations)):
        station = stations[k]
        low = np.searchsorted(pick_time[station_pick_start[station]:station_pick_start[station + 1]],
                              predicted_s[k] - max_z * sigma_s[k], side="left")
        high = np.searchsorted(pick_time[station_pick_start[station]:station_pick_start[station + 1]],
                               predicted_s[k] + max_z * sigma_s[k], side="right")
        own_inside = abs(times_s[k] - predicted_s[k]) <= max_z * sigma_s[k]
        competing += int(high - low - int(own_inside) >= 1)
    return competing / len(stations)


def jackknife_covariance(picks: np.ndarray, pick_station: np.ndarray, pick_time: np.ndarray, pick_baz: np.ndarray,
                         pick_baz_sigma: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
                         x_km: float, y_km: float, t0_s: float, atmosphere: tuple[float, float, float], *,
                         sigma_pick_s: float, kappa_model: float, range_slope: float = 0.0) -> np.ndarray:
    """3 x 3 jackknife covariance of (x, y, t0): ``(m - 1) / m`` times the scatter about their mean of the
    ``m`` solutions of ``kernels.locate`` (the event's own estimator, started at its solution) with each pick
    left out in turn (Efron & Stein 1981; Efron & Tibshirani, *An Introduction to the Bootstrap*, ch. 11).

    For an event whose picks are all its own this is about the nominal covariance; where one pick is
    another source's, leaving it out moves the solution by what that pick pulled, which the event's
    residuals hide when it has few stations (the pick's leverage is near one). An event of four picks
    gives four exactly determined solutions of three. Zeros when fewer than two solutions are found."""
    from truceline.fuse.kernels import locate

    c, wx, wy = atmosphere
    solutions = []
    for k in range(len(picks)):
        rest = np.delete(picks, k)
        x, y, t0, _, _, _ = locate(rest, pick_station[rest], pick_time, pick_baz, pick_baz_sigma, st_x, st_y, st_north,
                                   x_km, y_km, t0_s, c, wx, wy, sigma_pick_s, kappa_model, 2.5, 15, range_slope)
        if np.isfinite(x) and np.isfinite(y) and np.isfinite(t0):
            solutions.append((x, y, t0))
    if len(solutions) < 2:
        return np.zeros((3, 3))
    values = np.asarray(solutions)
    offsets = values - values.mean(axis=0)
    return np.asarray((len(values) - 1) / len(values) * offsets.T @ offsets)


def larger(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(n, 3, 3): for each pair of covariances, one at least as large as both in every direction.

    ``a`` plus the part of ``b`` that exceeds it (``b - a`` with its negative eigenvalues dropped)."""
    values, vectors = np.linalg.eigh(b - a)
    return np.asarray(a + np.einsum("nij,nj,nkj->nik", vectors, np.clip(values, 0.0, None), vectors))


@dataclass(frozen=True, slots=True, kw_only=True)
class Uncertainty:
    """Calibrated 3 x 3 covariances of (x, y, t0) and what went into them."""

    covariance: np.ndarray  # (n, 3, 3), km and s
    atmosphere_variance: np.ndarray  # (3,): network-wide model-error variance of (c, wx, wy), (km/s)^2
    ambiguity: np.ndarray  # (n,): share of stations with a competing pick
    event_atmosphere_covariance: np.ndarray  # (n, 3, 3): the model-error covariance each event got, (km/s)^2
    readings: AtmosphereReadings  # the clean events' readings of the atmosphere (none without ``cells``)


def calibrated_covariance(
    *, x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray,
    nominal: np.ndarray, factor: float, pick_time: np.ndarray, pick_station: np.ndarray,
    station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, sigma_pick_s: float, kappa_model: float,
    atmosphere_floor_km_s: float, cluster_km: float, cluster_s: float, max_z: float,
    atmosphere_variance: np.ndarray | None = None, cells: CalibrationCells | None = None,
    clean_share: float = 0.2, cell_min_events: int = 8, cell_min_bias_events: int | None = None, cell_radius_km: float = 90.0,
    cell_max_radius_km: float = 180.0, earlier: AtmosphereReadings | None = None, jackknife: bool = True,
    pick_baz: np.ndarray | None = None, pick_baz_sigma: np.ndarray | None = None, st_north: np.ndarray | None = None,
    drift_km_s_per_hour: float = 0.0, gradient_km_s_per_km: float = 0.0, cluster_max_z: float | None = None,
    celerity_floor_km_s: float = 0.0, range_slope: float = 0.0,
) -> Uncertainty:
    """``larger(factor * nominal, jackknife) + S Sigma_a S' + ambiguity * spread`` for every event (see the
    module doc; without ``jackknife``, ``factor * nominal``). The jackknife relocates with the picks'
    back-azimuths ``pick_baz`` (degrees in the frame at the stations, with ``st_north``) when given.

    ``event_atmosphere`` is (n, 3): each event's (c, wx, wy). ``Sigma_a`` is estimated from the
    events unless ``atmosphere_variance`` gives it; never below ``atmosphere_floor_km_s`` squared.
    With ``cells`` (where each event's atmosphere came from), an event's ``Sigma_a`` is raised to
    what the clean events around its calibration cell read (:func:`cell_model_error_variance`),
    with ``earlier`` readings (of events emitted before, in the stream) added to this batch's; and
    the network's ``Sigma_a`` of an event is first raised by what its cell owes to having been calibrated
    with events away from it in time and space (:func:`support_variance`, with ``drift_km_s_per_hour``
    and ``gradient_km_s_per_km``; 0 by default). ``cluster_max_z``, when given, is the window (in sigma) of the
    ambiguity that weighs the cluster term instead of ``max_z`` (which still picks the clean events).
    ``celerity_floor_km_s``: a least model error of the celerity alone (the scatter between events measured where
    ``FusionConfig.own_celerity_threshold`` is exceeded; ``fuse/celerity.py``)."""
    from truceline.fuse.refine import clusters

    n = len(t0_s)
    covariance = np.asarray(nominal, dtype=float) * factor
    share = np.zeros(n)
    cluster_share = share if cluster_max_z is None else np.zeros(n)
    floor = np.full(3, atmosphere_floor_km_s**2)
    floor[0] = max(floor[0], celerity_floor_km_s**2)
    if n == 0:
        return Uncertainty(covariance=covariance, atmosphere_variance=floor, ambiguity=share,
                           event_atmosphere_covariance=np.zeros((0, 3, 3)), readings=AtmosphereReadings.none())
    if jackknife:
        no_baz = np.full(len(pick_time), np.nan)
        baz = no_baz if pick_baz is None else pick_baz
        baz_sigma = no_baz if pick_baz_sigma is None else pick_baz_sigma
        north = np.zeros(len(st_x)) if st_north is None else st_north
        covariance = larger(covariance, np.array([
            jackknife_covariance(picks[i], pick_station, pick_time, baz, baz_sigma, st_x, st_y, north, float(x_km[i]),
                                 float(y_km[i]), float(t0_s[i]), tuple(event_atmosphere[i]),  # type: ignore[arg-type]
                                 sigma_pick_s=sigma_pick_s, kappa_model=kappa_model, range_slope=range_slope)
            for i in range(n)]))
    sensitivities = np.zeros((n, 3, 3))
    estimates = np.full((n, 3), np.nan)
    variances = np.full((n, 3, 3), np.nan)
    for i in range(n):
        stations = pick_station[picks[i]]
        design = event_design(st_x[stations], st_y[stations], float(x_km[i]), float(y_km[i]), float(t0_s[i]),
                              pick_time[picks[i]], tuple(event_atmosphere[i]),  # type: ignore[arg-type]
                              sigma_pick_s=sigma_pick_s, kappa_model=kappa_model, range_slope=range_slope)
        if np.linalg.matrix_rank(design.design) == 3:
            sensitivities[i] = atmosphere_sensitivity(design)
        estimate = atmosphere_estimate(design)
        if estimate is not None:
            estimates[i] = estimate[0]
            variances[i] = estimate[1]
        predicted = pick_time[picks[i]] - design.residual_s
        share[i] = ambiguity(pick_time[picks[i]], predicted, 1.0 / np.sqrt(design.weight), station_pick_start,
                             stations, pick_time, max_z=max_z)
        if cluster_max_z is not None:
            cluster_share[i] = ambiguity(pick_time[picks[i]], predicted, 1.0 / np.sqrt(design.weight), station_pick_start,
                                         stations, pick_time, max_z=cluster_max_z)
    if atmosphere_variance is None:
        determined = np.isfinite(estimates).all(axis=1)
        atmosphere_variance = np.array([model_error_variance(estimates[determined, j], variances[determined, j, j])
                                        for j in range(3)])
    atmosphere_variance = np.maximum(np.asarray(atmosphere_variance, dtype=float), floor)
    per_event = np.tile(np.diag(atmosphere_variance), (n, 1, 1))
    readings = AtmosphereReadings.none()
    if cells is not None:
        per_event = per_event + support_variance(cells, drift_km_s_per_hour=drift_km_s_per_hour,
                                                 gradient_km_s_per_km=gradient_km_s_per_km)[:, None, None] * np.eye(3)
        readings = clean_readings(estimates, variances, share, cells, t0_s, clean_share=clean_share)
        pooled = readings if earlier is None else earlier.plus(readings)
        per_event = larger(per_event, cell_model_error_variance(pooled, cells, min_events=cell_min_events,
                                                                radius_km=cell_radius_km, max_radius_km=cell_max_radius_km,
                                                                min_bias_events=cell_min_bias_events))
    covariance = covariance + np.einsum("nij,njk,nlk->nil", sensitivities, per_event, sensitivities)
    labels = clusters(x_km, y_km, t0_s, distance_km=cluster_km, time_s=cluster_s)
    covariance[:, :2, :2] += cluster_share[:, None, None] * member_spread(x_km, y_km, labels)
    return Uncertainty(covariance=covariance, atmosphere_variance=atmosphere_variance, ambiguity=share,
                       event_atmosphere_covariance=per_event, readings=readings)


def coherent_swap_time_variance(time_gain: np.ndarray, own_predicted_s: np.ndarray, others_predicted_s: np.ndarray,
                                crowd_share: float, *, window_s: float) -> float:
    """The origin time's variance (s^2) from picks that may be a neighbouring round's, the swap taken coherently.

    A neighbouring round ``j`` fired from about the same place arrives at every station about the same gap after (or
    before) the event's own, so the picks swapped with it are all off by about that gap, in the same direction: they
    do not scatter about the fit (the residuals cannot show them, and the place hardly moves) but shift the origin time
    by their share times the gap. With ``crowd_share`` ``q`` (the share of the event's picks with another arrival
    within the vote's tolerance at their station) and each of the ``k`` neighbours whose shift is within ``window_s``
    (the vote's tolerance: a round further off cannot be voted in) as likely as the own round, the expected square is
    ``q^2 sum_j d_j^2 / (k + 1)``, ``d_j = sum_i g_i (p_ji - p_i)`` the shift of the origin time were every pick round
    ``j``'s (``time_gain`` (n,): the picks' origin-time gains, ``uncertainty.pick_gains`` row 2, summing to one;
    ``own_predicted_s`` (n,) and ``others_predicted_s`` (m, n): the arrivals the event and its neighbours predict at
    the picks' stations). 0 without such neighbours. The sandwich of ``pick_variance_covariance`` sums independent
    swaps (``sum g_i^2 v_i``, about 1 / n of this for an event of n equal picks): right for the place, which a shift
    common to all stations does not move, short for the origin time, which it moves one for one."""
    others = np.asarray(others_predicted_s, dtype=float).reshape(-1, len(own_predicted_s))
    shift = (others - np.asarray(own_predicted_s, dtype=float)[None, :]) @ np.asarray(time_gain, dtype=float)
    shift = shift[np.abs(shift) <= window_s]
    if not len(shift):
        return 0.0
    return float(crowd_share**2 * np.sum(shift**2) / (len(shift) + 1.0))
