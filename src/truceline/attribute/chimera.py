"""How many of a run's unpaired events are no source at all? The run's own pick counts say (issue #4, session 16).

In busy fire the fusion sometimes locates a *chimera*: picks of several sources (or clutter) that happen to fit one place
and time. A location needs three arrivals; every further station is a test a chimera passes only by chance, so the
number of stations that picked a chimera falls off about geometrically above the fewest the fusion locates from
(``n_min``): ``P(n | chimera) = (1 - s) s^(n - n_min)``, ``s`` the chance that one more station fits. A real source of
the level its picks give, at its place, is picked by a number of stations that the run's detection model predicts
(:mod:`truceline.attribute.reality`: the Poisson-binomial over the stations around it, calibrated on the run), given
that the fusion located it (at least ``n_min``): ``P(n | real) = pmf(n) / P(N >= n_min)``.

The unpaired events of a run are a mixture of the two, in a share ``pi`` of chimeras that depends on the fusion and on
the fire (how busy, how much clutter), not on physics: so ``pi`` and ``s`` are fitted to the run by expectation-
maximisation over its unpaired events (:func:`fit_chimera_mixture`), and each event's probability of being a source is
its posterior ``1 - r``, ``r = pi g(n) / (pi g(n) + (1 - pi) P(n | real))``. Paired events are not weighed (time of
flight confirms a pair's rounds). An event picked by at least as many stations as a real source would be expected to
reach is not a chimera by this evidence (its responsibility is 0: the model's upper tail, a level underestimated, says
nothing of chimeras). Session 15 (pair15) used fixed numbers read off the simulator's truth for the same prior
(``attribution.FewPicksConfig``); this module learns them from the run, so a quieter network, another simulator or real
data set their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class ChimeraMixtureConfig:
    initial_share: float = 0.2  # EM starts from these; the fit does not depend on them much (tests)
    initial_survival: float = 0.5
    max_share: float = 0.9  # the fit is kept within these bounds (a run of nothing but chimeras is no fit)
    min_survival: float = 0.05
    max_survival: float = 0.95
    iterations: int = 200
    tolerance: float = 1e-9
    min_events: int = 20  # fewer unpaired events with a detection model: no fit, every event kept as it is
    # The detection model's count distribution recalibrated on the run's paired events (real sources): how often a real
    # source is picked by fewer stations than the model says (overlapping rounds, picks taken by other events).
    calibrate_on_pairs: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ChimeraMixture:
    share: float  # fitted share of chimeras among the weighed unpaired events (0 when not fitted)
    survival: float  # fitted chance that a chimera's further station fits
    min_stations: int  # the fewest stations the run's events were located from
    n_events: int  # unpaired events weighed
    source_probability: FloatArray  # per event: P(a source | its station count); 1 where not weighed
    real_likelihood: FloatArray  # per event: P(n | real, located); NaN where not weighed


def located_cdf(pmf: FloatArray, min_stations: int) -> FloatArray | None:
    """``F(k) = P(N <= k | N >= min_stations)`` for ``k`` = 0 .. ``pmf.size - 1`` (None when the model gives it no chance)."""
    located = float(pmf[min_stations:].sum()) if pmf.size > min_stations else 0.0
    if located <= 0.0:
        return None
    truncated = np.where(np.arange(pmf.size) >= min_stations, pmf, 0.0) / located
    return np.minimum(np.cumsum(truncated), 1.0)


def pit_calibration(count_pmf: Sequence[FloatArray], picked: NDArray[np.int64], reference: NDArray[np.intp],
                    min_stations: int) -> Callable[[FloatArray], FloatArray]:
    """The detection model's count distribution recalibrated on ``reference`` events (real sources: the run's paired
    events): ``H``, the distribution of their probability-integral transforms ``F(n)`` (each count an interval
    ``[F(n - 1), F(n)]``, spread uniformly), so that ``H(F(k))`` is a real source's calibrated ``P(N <= k)``. Identity
    without reference events."""
    lower: list[float] = []
    upper: list[float] = []
    for j in map(int, reference):
        cdf = located_cdf(count_pmf[j], min_stations) if count_pmf[j].size else None
        k = int(picked[j])
        if cdf is None or k < min_stations or k >= cdf.size:
            continue
        lower.append(float(cdf[k - 1]) if k >= 1 else 0.0)
        upper.append(float(cdf[k]))
    if not lower:
        return lambda u: np.asarray(u, dtype=np.float64)
    a, b = np.asarray(lower), np.asarray(upper)
    width = np.maximum(b - a, 1e-12)

    def calibrated(u: FloatArray) -> FloatArray:
        u = np.asarray(u, dtype=np.float64)
        return np.clip((u[..., None] - a) / width, 0.0, 1.0).mean(axis=-1)

    return calibrated


def real_count_likelihood(pmf: FloatArray, picked: int, min_stations: int,
                          calibration: Callable[[FloatArray], FloatArray] | None = None) -> float:
    """P(``picked`` stations | a real source with this count distribution, located: at least ``min_stations``), through
    ``calibration`` (:func:`pit_calibration`) if given."""
    cdf = located_cdf(pmf, min_stations) if pmf.size else None
    if cdf is None or picked < min_stations or picked >= pmf.size:
        return float("nan")
    bounds = np.array([cdf[picked - 1] if picked >= 1 else 0.0, cdf[picked]])
    if calibration is not None:
        bounds = calibration(bounds)
    return float(bounds[1] - bounds[0])


def fit_chimera_mixture(picked: NDArray[np.int64], count_pmf: Sequence[FloatArray], weigh: NDArray[np.bool_],
                        config: ChimeraMixtureConfig | None = None, *, min_stations: int | None = None,
                        reference: NDArray[np.bool_] | None = None) -> ChimeraMixture:
    """Fit the chimera share and survival to the events marked ``weigh`` (the run's unpaired events) from their station
    counts ``picked`` and each one's count distribution as a real source ``count_pmf`` (module documentation).
    ``min_stations``: the fewest stations the fusion locates from (default: the fewest among all events with a count).
    ``reference``: real sources (the paired events) on which the count model is recalibrated (:func:`pit_calibration`)."""
    config = config or ChimeraMixtureConfig()
    picked = np.asarray(picked, dtype=np.int64)
    n = picked.size
    source = np.ones(n)
    real = np.full(n, np.nan)
    counted = picked[picked > 0]
    n_min = int(min_stations if min_stations is not None else (counted.min() if counted.size else 0))
    candidates = [i for i in map(int, np.flatnonzero(weigh)) if picked[i] >= n_min > 0 and count_pmf[i].size]
    calibration = None
    if config.calibrate_on_pairs and reference is not None:
        calibration = pit_calibration(count_pmf, picked, np.flatnonzero(reference), n_min)
    for i in candidates:
        real[i] = real_count_likelihood(count_pmf[i], int(picked[i]), n_min, calibration)
    members = np.array([i for i in candidates if np.isfinite(real[i])], dtype=np.intp)
    if members.size < config.min_events:
        return ChimeraMixture(share=0.0, survival=config.initial_survival, min_stations=n_min, n_events=int(members.size),
                              source_probability=source, real_likelihood=real)
    excess = (picked[members] - n_min).astype(np.float64)
    likelihood = real[members]
    # A source picked by at least as many stations as expected is not a chimera by this evidence (module documentation).
    expected = np.array([float(np.dot(np.arange(count_pmf[i].size), count_pmf[i])) for i in members])
    eligible = picked[members] < expected
    share, survival = config.initial_share, config.initial_survival
    responsibility = np.zeros(members.size)
    for _ in range(config.iterations):
        chimera = (1.0 - survival) * survival ** excess
        numerator = share * chimera
        responsibility = np.where(eligible, numerator / np.maximum(numerator + (1.0 - share) * likelihood, 1e-300), 0.0)
        new_share = float(np.clip(responsibility.mean(), 1e-6, config.max_share))
        weight = responsibility.sum()
        mean_excess = float(np.dot(responsibility, excess) / weight) if weight > 0.0 else 0.0
        new_survival = float(np.clip(mean_excess / (1.0 + mean_excess), config.min_survival, config.max_survival))
        done = abs(new_share - share) < config.tolerance and abs(new_survival - survival) < config.tolerance
        share, survival = new_share, new_survival
        if done:
            break
    chimera = (1.0 - survival) * survival ** excess
    numerator = share * chimera
    responsibility = np.where(eligible, numerator / np.maximum(numerator + (1.0 - share) * likelihood, 1e-300), 0.0)
    source[members] = 1.0 - responsibility
    return ChimeraMixture(share=share, survival=survival, min_stations=n_min, n_events=int(members.size),
                          source_probability=source, real_likelihood=real)


# The stations' agreement (session 16, prior16). A real source's picks give levels (received level corrected to 1 km at
# the event's place) that scatter about its level by the site and path terms the model lacks; a chimera's picks are
# other sources' sound, at other distances and of other levels, and disagree more.


@dataclass(frozen=True, slots=True, kw_only=True)
class AgreementMixtureConfig:
    reference_max_picks: int = 8  # the paired events the real scatter is learned on: located from at most this many picks
    min_reference: int = 20  # fewer such paired events: all paired events are the reference
    min_picks: int = 4  # weigh unpaired events with at least this many levels (the scatter needs a few)
    initial_share: float = 0.3  # at the fewest picks; EM starts here
    initial_slope: float = -0.5  # logit of the share per further pick
    max_share: float = 0.9
    iterations: int = 200
    tolerance: float = 1e-7
    min_events: int = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class AgreementMixture:
    real_sigma_db: float  # the real sources' per-pick level scatter (the narrow component), learned on paired events
    wide_sigma_db: float  # their outliers' scatter, and the share of real sources that have it
    wide_share: float
    chimera_sigma_db: float  # the chimeras' scatter, fitted on the unpaired events
    share_intercept: float  # logit of the share of chimeras among unpaired events located from ``min_stations`` picks
    share_slope: float  # its change per further pick
    min_stations: int
    n_events: int
    source_probability: FloatArray  # per event; 1 where not weighed


def _scatter_density(sum_squares: FloatArray, dof: FloatArray, sigma: float) -> FloatArray:
    """Density of a sum of squared deviations with ``dof`` degrees of freedom and per-pick sigma: chi-square scaled."""
    from scipy.stats import chi2

    return np.asarray(chi2.pdf(sum_squares / sigma ** 2, dof) / sigma ** 2, dtype=np.float64)


def _two_scale_fit(sum_squares: FloatArray, dof: FloatArray, iterations: int, tolerance: float) -> tuple[float, float, float]:
    """(narrow sigma, wide sigma, wide share) of a two-scale chi-square mixture, by EM."""
    pooled = float(np.sqrt(sum_squares.sum() / dof.sum()))
    narrow, wide, share = 0.8 * pooled, 2.0 * pooled, 0.1
    for _ in range(iterations):
        a = (1.0 - share) * _scatter_density(sum_squares, dof, narrow)
        b = share * _scatter_density(sum_squares, dof, wide)
        r = b / np.maximum(a + b, 1e-300)
        new_share = float(np.clip(r.mean(), 1e-4, 0.5))
        new_narrow = float(np.sqrt(np.dot(1.0 - r, sum_squares) / max(np.dot(1.0 - r, dof), 1e-9)))
        new_wide = float(np.sqrt(np.dot(r, sum_squares) / max(np.dot(r, dof), 1e-9)))
        new_wide = max(new_wide, 1.2 * new_narrow)
        done = abs(new_share - share) + abs(new_narrow - narrow) + abs(new_wide - wide) < tolerance
        narrow, wide, share = new_narrow, new_wide, new_share
        if done:
            break
    return narrow, wide, share


def fit_agreement_mixture(sum_squares: FloatArray, count: NDArray[np.int64], paired: NDArray[np.bool_],
                          config: AgreementMixtureConfig | None = None, *, min_stations: int = 4) -> AgreementMixture:
    """Fit the share of chimeras among unpaired events, by pick count, from their picks' level scatter (``sum_squares``
    over ``count`` levels), against the scatter of the run's paired events (real sources: time of flight confirms them).

    Real: a two-scale chi-square mixture (narrow, and outliers) fitted on paired events from at most
    ``reference_max_picks`` picks. Chimera: one chi-square scale, fitted. The prior share of chimeras among unpaired
    events from ``n`` picks is ``logistic(intercept + slope (n - min_stations))`` (slope at most 0: every further pick is a
    test a chimera passes by chance), both fitted by EM. Each unpaired event's claims carry its posterior."""
    from scipy.special import expit

    config = config or AgreementMixtureConfig()
    sum_squares = np.asarray(sum_squares, dtype=np.float64)
    count = np.asarray(count, dtype=np.int64)
    n = count.size
    source = np.ones(n)
    known = np.isfinite(sum_squares) & (count >= 3)
    reference = np.flatnonzero(known & paired & (count <= config.reference_max_picks))
    if reference.size < config.min_reference:
        reference = np.flatnonzero(known & paired)
    members = np.flatnonzero(known & ~paired & (count >= config.min_picks))
    empty = AgreementMixture(real_sigma_db=float("nan"), wide_sigma_db=float("nan"), wide_share=0.0, chimera_sigma_db=float("nan"),
                             share_intercept=float("-inf"), share_slope=0.0, min_stations=min_stations,
                             n_events=int(members.size), source_probability=source)
    if reference.size < config.min_reference or members.size < config.min_events:
        return empty
    dof = (count - 1).astype(np.float64)
    narrow, wide, wide_share = _two_scale_fit(sum_squares[reference], dof[reference], config.iterations, config.tolerance)
    ss, df = sum_squares[members], dof[members]
    excess = (count[members] - min_stations).astype(np.float64)
    real = (1.0 - wide_share) * _scatter_density(ss, df, narrow) + wide_share * _scatter_density(ss, df, wide)
    chimera_sigma = wide
    logit0 = float(np.log(config.initial_share / (1.0 - config.initial_share)))
    coef = np.array([logit0, config.initial_slope])
    design = np.column_stack([np.ones(members.size), excess])
    r = np.zeros(members.size)
    for _ in range(config.iterations):
        prior = np.minimum(expit(design @ coef), config.max_share)
        chim = prior * _scatter_density(ss, df, chimera_sigma)
        r = chim / np.maximum(chim + (1.0 - prior) * real, 1e-300)
        new_sigma = float(np.sqrt(np.dot(r, ss) / max(np.dot(r, df), 1e-9))) if r.sum() > 1e-9 else chimera_sigma
        new_sigma = max(new_sigma, narrow)
        new_coef = coef.copy()
        for _ in range(5):  # weighted logistic regression of the responsibilities on the pick count (Newton steps)
            p = expit(design @ new_coef)
            gradient = design.T @ (r - p)
            hessian = design.T @ (design * (p * (1.0 - p))[:, None]) + 1e-6 * np.eye(2)
            new_coef = new_coef + np.linalg.solve(hessian, gradient)
            new_coef[1] = min(new_coef[1], 0.0)
            new_coef[0] = float(np.clip(new_coef[0], -20.0, 20.0))
        done = abs(new_sigma - chimera_sigma) + float(np.abs(new_coef - coef).sum()) < config.tolerance
        chimera_sigma, coef = new_sigma, new_coef
        if done:
            break
    prior = np.minimum(expit(design @ coef), config.max_share)
    chim = prior * _scatter_density(ss, df, chimera_sigma)
    r = chim / np.maximum(chim + (1.0 - prior) * real, 1e-300)
    source[members] = 1.0 - r
    return AgreementMixture(real_sigma_db=narrow, wide_sigma_db=wide, wide_share=wide_share, chimera_sigma_db=chimera_sigma,
                            share_intercept=float(coef[0]), share_slope=float(coef[1]), min_stations=min_stations,
                            n_events=int(members.size), source_probability=source)
