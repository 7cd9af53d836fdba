"""Launch and impact levels per weapon class, learned from the run (:func:`fit_level_model`, :class:`LevelModel`).

Launches and impacts of one weapon class have typical levels (a mortar's launch is quieter than its bomb's
detonation; a gun's muzzle blast is about as loud as its shell's), but the numbers depend on calibres, charges and
sensors. So they are not copied from a table: :func:`fit_level_model` takes the pairs that time of flight alone makes
confidently, and per weapon class the median launch and impact levels and their spread, each class
fitted as a contaminated normal (a pair that time of flight gives to a class but whose levels do not fit it —
a gun's pair at a range a mortar also reaches, two detonations paired by chance — is an intruder). Classes
with too few such pairs get no level model; for the pair veto they keep only what physics says of the
*difference* of their two levels (``physics.WeaponEnvelope.impact_minus_launch_db``, wide): a run whose
few mortar launches were located still refuses a mortar "pair" of two detonations. Elsewhere (unpaired
events, leftover picks) the acoustic evidence stays silent about such classes, unless they are kept from physics
(:func:`prior_class_levels`). A class that time of flight shares with another (a mortar's pairs at 3-8 km are half a
gun's) can be learned provisionally (``provisional_share``): the levels, which no gun makes, then say which pairs
are the mortar's.

The levels themselves come from the picks' amplitudes (:func:`truceline.attribute.acoustics.source_levels`); what the
model says of pairs is in :mod:`truceline.attribute.level_evidence`, of events without a partner in
:mod:`truceline.attribute.unpaired_levels`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.physics import ENVELOPES, impact_level_offset_db

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelModel:
    """Per weapon class (aligned with ``physics.ENVELOPES``): launch and impact levels learned from the run."""

    has_class: NDArray[np.bool_]
    launch_db: FloatArray
    impact_db: FloatArray
    sigma_db: FloatArray
    weight: FloatArray  # share of the pairs in each modelled class (0 for the others)
    unmodelled_share: float  # share of fire by classes without a level model (1 - weight.sum())
    all_levels_db: FloatArray  # every event's level: the "any event" density
    bandwidth_db: float
    # Classes without a learned model: the physics prior on their impact-minus-launch level difference (NaN: none).
    prior_difference_db: FloatArray | None = None
    prior_difference_sigma_db: FloatArray | None = None
    # Classes the run fires (half ``min_pairs`` of confident pairs by time of flight) whose levels it has not learned.
    missing_classes: NDArray[np.bool_] | None = None
    # Classes without a learned model kept from the physics prior (``fit_level_model(prior_classes=True)``): their impact
    # level from the learned classes' and the explosive fills' ratio, their launch level the prior difference below it,
    # each with its 1-sigma, and their share of the pairs by time of flight (NaN / 0 for the others).
    prior_launch_db: FloatArray | None = None
    prior_impact_db: FloatArray | None = None
    prior_launch_sigma_db: FloatArray | None = None
    prior_impact_sigma_db: FloatArray | None = None
    prior_weight: FloatArray | None = None

    def density_any(self, level_db: FloatArray) -> FloatArray:
        """Density of a level among all events (Gaussian kernel estimate)."""
        x = np.asarray(level_db, dtype=np.float64)[..., None]
        z = (x - self.all_levels_db) / self.bandwidth_db
        return np.asarray(np.mean(np.exp(-0.5 * z * z), axis=-1) / (self.bandwidth_db * np.sqrt(2.0 * np.pi)))


def _normal(x: FloatArray, mean: FloatArray | float, sigma: FloatArray | float) -> FloatArray:
    z = (np.asarray(x) - mean) / sigma
    return np.asarray(np.exp(-0.5 * z * z) / (np.asarray(sigma) * np.sqrt(2.0 * np.pi)))


def _weighted_median(values: FloatArray, weights: FloatArray) -> float:
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][int(np.searchsorted(cumulative, 0.5 * cumulative[-1]))])


def _fit_classes(a: FloatArray, b: FloatArray, weight: FloatArray, *, min_pairs: float, min_sigma_db: float,
                 has: NDArray[np.bool_] | None = None) -> tuple[NDArray[np.bool_], FloatArray, FloatArray, FloatArray]:
    """Per class (columns of ``weight``): whether it has ``min_pairs`` of weight (or, given ``has``, those classes), and
    its weighted median launch and impact levels (``a``, ``b``) and robust spread."""
    n_classes = weight.shape[1]
    chosen = weight.sum(axis=0) >= min_pairs if has is None else has & (weight.sum(axis=0) > 0.0)
    has = np.zeros(n_classes, dtype=bool)
    launch_db, impact_db, sigma_db = (np.full(n_classes, np.nan) for _ in range(3))
    for k in range(n_classes):
        w = weight[:, k]
        if not chosen[k]:
            continue
        launch_db[k], impact_db[k] = _weighted_median(a, w), _weighted_median(b, w)
        residual = np.abs(np.concatenate([a - launch_db[k], b - impact_db[k]]))
        sigma_db[k] = max(1.4826 * _weighted_median(residual, np.concatenate([w, w])), min_sigma_db)
        has[k] = True
    return has, launch_db, impact_db, sigma_db


def fit_level_model(level_db: FloatArray, launch: NDArray[np.int64], impact: NDArray[np.int64], sure: NDArray[np.bool_],
                    class_probability: FloatArray, *, min_pairs: float = 6.0, min_sigma_db: float = 2.0,
                    min_unmodelled_share: float = 0.1, use_prior: bool = True, level_responsibilities: bool = True,
                    responsibility_iterations: int = 5, compete_classes: bool = False, provisional_share: float = 1.0,
                    split_shared: bool = False, shared_overlap: float = 0.5, provisional_keep: float | None = None,
                    prior_start: bool = False, prior_classes: bool = False, prior_min_weight: float = 0.0) -> LevelModel | None:
    """Launch/impact levels per class from the pairs marked ``sure`` (``class_probability`` per pair, rows aligned).

    Each pair counts for every class with the probability time of flight gives it (weighted medians);
    a class needs ``min_pairs`` of such weight. The classes' shares come from all pairs; the share of
    classes without a model (and at least ``min_unmodelled_share``, for weapons not seen in pairs)
    is kept as "unmodelled", whose levels follow the run's overall distribution. None when no class
    has enough pairs. A class without enough pairs keeps, with ``use_prior``, the physics prior on its impact-minus-launch
    level difference (``physics.WeaponEnvelope.impact_minus_launch_db``) for the pair veto (:func:`pair_level_penalty`).

    With ``level_responsibilities`` each of those classes is then fitted as a contaminated normal: a pair keeps its
    time-of-flight share of the class only as far as its two levels fit the class rather than two of the run's levels
    at random (a prior share ``min_unmodelled_share`` of intruders; ``responsibility_iterations`` rounds, each refitting
    the classes, which stay those time of flight chose). A gun's pair that time of flight leaves half a mortar's, or two
    detonations paired by chance, no longer widen the mortar's levels and lift its launch level (before 2026-12-02 the
    shares were the time of flight's alone: on violation seed 9, truth-derived, such intruders made 45 % of the mortar's
    weight, its launch level 100 +- 6.7 dB, and a 113 dB detonation passed as a mortar's "launch").

    With ``prior_classes`` a class without a learned model is kept from physics (:func:`prior_class_levels`) with its
    share of the pairs by time of flight (at least ``prior_min_weight``), for the roles of events without a partner
    (:func:`unpaired_impact_odds`): a run whose mortar pairs were too few to learn from still knows that a detonation at a
    mortar bomb's level, far louder than any mortar launch, is an impact.
    """
    finite = np.isfinite(level_db)
    if finite.sum() < 2 * min_pairs or not launch.size:
        return None
    n_classes = class_probability.shape[1]
    usable = sure & finite[launch] & finite[impact]
    a, b = level_db[launch[usable]], level_db[impact[usable]]
    levels = level_db[finite]
    bandwidth = max(1.06 * float(np.std(levels)) * levels.size ** -0.2, 1.5)
    responsibility = class_probability[usable]
    tof_weight = responsibility.sum(axis=0)
    has, launch_db, impact_db, sigma_db = _fit_classes(a, b, responsibility, min_pairs=min_pairs, min_sigma_db=min_sigma_db)
    spread = float(np.sqrt(2.0) * max(float(np.std(levels)), bandwidth))
    if prior_start and level_responsibilities:
        # The contaminated normal below starts from the class's pairs weighted by the physics prior on their two levels'
        # difference (a mortar's detonation ~15 dB louder than its launch), as a provisional class does: a few chance pairs
        # of two detonations (a 117 dB "launch" of a 107 dB "impact") otherwise start it between the two modes, where the
        # iterations keep it (violation seed 11 with wider ellipses: mortar launch 106 +- 5 dB instead of 100 +- 2).
        for k in np.flatnonzero(has):
            envelope = ENVELOPES[k] if k < len(ENVELOPES) else None
            if envelope is None or not np.isfinite(envelope.impact_minus_launch_db):
                continue
            prior_fit = _normal(b - a, envelope.impact_minus_launch_db, envelope.level_difference_sigma_db) / np.maximum(_normal(b - a, 0.0, spread), 1e-300)
            weight_k = responsibility[:, k] * np.clip(prior_fit, 0.0, 1.0)
            if weight_k.sum() <= 0.0:
                continue
            one = _fit_classes(a, b, weight_k[:, None], min_pairs=0.0, min_sigma_db=min_sigma_db, has=np.ones(1, dtype=bool))
            launch_db[k], impact_db[k], sigma_db[k] = one[1][0], one[2][0], one[3][0]
    provisional = np.zeros(n_classes, dtype=bool)
    if compete_classes and level_responsibilities and provisional_share < 1.0:
        # A class time of flight gives too few pairs alone (3-8 km: a mortar's pair is half a gun's by time of flight) is
        # fitted provisionally on its pairs weighted by the physics prior on its levels' difference; the levels then say
        # which class each pair is, and it is kept if it gathers ``min_pairs`` of weight.
        provisional = ~has & (responsibility.sum(axis=0) >= provisional_share * min_pairs)
        for k in np.flatnonzero(provisional):
            envelope = ENVELOPES[k] if k < len(ENVELOPES) else None
            if envelope is None or not np.isfinite(envelope.impact_minus_launch_db):
                provisional[k] = False
                continue
            prior_fit = _normal(b - a, envelope.impact_minus_launch_db, envelope.level_difference_sigma_db) / np.maximum(_normal(b - a, 0.0, spread), 1e-300)
            weight_k = responsibility[:, k] * np.clip(prior_fit, 0.0, 1.0)
            if weight_k.sum() <= 0.0:
                provisional[k] = False
                continue
            one = _fit_classes(a, b, weight_k[:, None], min_pairs=0.0, min_sigma_db=min_sigma_db, has=np.ones(1, dtype=bool))
            launch_db[k], impact_db[k], sigma_db[k] = one[1][0], one[2][0], one[3][0]
        has = has | provisional
    shared = np.zeros(n_classes, dtype=bool)
    if split_shared and level_responsibilities:
        # Classes time of flight cannot tell apart (tube and rocket artillery at 8-35 km: each of their pairs is half the
        # one's, half the other's) are fitted on the same pairs and get the same levels, the mix of both weapons': a
        # rocket's launch (quieter than its warhead) reads as no class's launch. Their levels can tell them apart where
        # physics says their sounds differ: each such class starts from the shared impact level and its launch level less
        # the physics prior on its impact-minus-launch difference, then the classes compete for each pair (time of
        # flight's class probability as the prior, the levels' fit as the likelihood); kept if each keeps ``min_pairs``.
        total = responsibility.sum(axis=0)
        for k in np.flatnonzero(has & ~provisional):
            for j in np.flatnonzero(has & ~provisional):
                if j == k or not (np.isfinite(ENVELOPES[k].impact_minus_launch_db) and np.isfinite(ENVELOPES[j].impact_minus_launch_db)):
                    continue
                if ENVELOPES[k].impact_minus_launch_db == ENVELOPES[j].impact_minus_launch_db:
                    continue
                overlap = float(np.minimum(responsibility[:, k], responsibility[:, j]).sum()) / max(min(float(total[k]), float(total[j])), 1e-12)
                if overlap >= shared_overlap:
                    shared[k] = shared[j] = True
        if shared.any():
            impact_shared = _weighted_median(b, responsibility[:, shared].sum(axis=1))
            for k in np.flatnonzero(shared):
                # Each class starts at the shared impact level, its launch the prior's difference below it.
                impact_db[k] = impact_shared
                launch_db[k] = impact_shared - float(ENVELOPES[k].impact_minus_launch_db)
    competing = provisional | shared
    if level_responsibilities and has.any():
        # A class's pairs are its own rounds and intruders: where time of flight cannot tell a mortar from a gun (3-8 km) a
        # gun's pair (muzzle blast as loud as its shell) counts by its time-of-flight share as a mortar's, and two
        # detonations paired by chance count as a "launch" and an "impact"; both widen the class's levels and shift its
        # launch level. Each class is fitted as a contaminated normal: a pair keeps its time-of-flight share of the class
        # in proportion as its two levels fit the class rather than two levels of the run at random (prior share of
        # intruders ``min_unmodelled_share``), refitted ``responsibility_iterations`` times.
        def density(x: FloatArray) -> FloatArray:
            z = (x[:, None] - levels[None, :]) / bandwidth
            return np.asarray(np.mean(np.exp(-0.5 * z * z), axis=1) / (bandwidth * np.sqrt(2.0 * np.pi)))

        intruder = min_unmodelled_share / (1.0 - min_unmodelled_share) * density(a) * density(b)
        # Shared classes: how much of time of flight's share each class's levels take (the classes' mixing weights among
        # the pairs they share: a front may fire four guns for each rocket launcher), learned with the levels.
        mixing = np.ones(n_classes)
        for _ in range(responsibility_iterations * (4 if shared.any() else 1)):
            fit = np.nan_to_num(_normal(a[:, None], launch_db[None, :], sigma_db[None, :]) * _normal(b[:, None], impact_db[None, :], sigma_db[None, :]))
            keep = np.where(has[None, :], fit / np.maximum(fit + intruder[:, None], 1e-300), 1.0)
            responsibility = class_probability[usable] * keep
            if competing.any():
                # A provisional class competes for each pair with the others (time of flight's class probability as the
                # prior, the levels' fit as the likelihood; classes without a model and intruders fit as two random
                # levels of the run): a mortar's pair whose levels no gun makes is the mortar's, not half a gun's.
                prior = class_probability[usable] * mixing[None, :]
                pair_any = density(a) * density(b)
                denominator = (np.sum(np.where(has[None, :], prior * fit, 0.0), axis=1) + np.sum(np.where(has[None, :], 0.0, prior), axis=1) * pair_any
                               + intruder)
                responsibility[:, competing] = (prior * fit / np.maximum(denominator, 1e-300)[:, None])[:, competing]
                if shared.any():
                    tof_share = class_probability[usable][:, shared].sum(axis=0)
                    taken = responsibility[:, shared].sum(axis=0)
                    ratio = taken / np.maximum(tof_share, 1e-12)
                    mixing[shared] = ratio / max(float(np.sum(ratio * tof_share) / np.sum(tof_share)), 1e-12)
            # The classes stay those that time of flight gave enough pairs; the levels only say which of them are intruders.
            has, launch_db, impact_db, sigma_db = _fit_classes(a, b, responsibility, min_pairs=min_pairs, min_sigma_db=min_sigma_db,
                                                               has=has)
        if shared.any() and bool((responsibility.sum(axis=0)[shared] < min_pairs).any()):
            # The levels did not split the shared classes (one weapon, or too few pairs of one): back to the shared fit.
            return fit_level_model(level_db, launch, impact, sure, class_probability, min_pairs=min_pairs, min_sigma_db=min_sigma_db,
                                   min_unmodelled_share=min_unmodelled_share, use_prior=use_prior,
                                   level_responsibilities=level_responsibilities, responsibility_iterations=responsibility_iterations,
                                   compete_classes=compete_classes, provisional_share=provisional_share, split_shared=False,
                                   provisional_keep=provisional_keep, prior_start=prior_start, prior_classes=prior_classes,
                                   prior_min_weight=prior_min_weight)
        if provisional.any():
            # A provisional class stays only if the levels gave it ``min_pairs`` of weight.
            dropped = provisional & (responsibility.sum(axis=0) < (min_pairs if provisional_keep is None else provisional_keep))
            has = has & ~dropped
            launch_db[dropped] = impact_db[dropped] = sigma_db[dropped] = np.nan
    if not has.any():
        return None
    share = class_probability.sum(axis=0)
    share = share / share.sum()
    unmodelled = max(float(share[~has].sum()), min_unmodelled_share)
    weight = np.where(has, share, 0.0)
    weight = weight / weight.sum() * (1.0 - unmodelled)
    prior = np.array([e.impact_minus_launch_db for e in ENVELOPES[:n_classes]] + [np.nan] * (n_classes - len(ENVELOPES)))
    prior_sigma = np.array([e.level_difference_sigma_db for e in ENVELOPES[:n_classes]] + [np.nan] * (n_classes - len(ENVELOPES)))
    priors = prior_class_levels(has, impact_db, sigma_db, weight) if prior_classes else None
    prior_weight = None
    if priors is not None:
        prior_weight = np.where(np.isfinite(priors[0]), np.maximum(share, prior_min_weight), 0.0)
    return LevelModel(has_class=has, launch_db=launch_db, impact_db=impact_db, sigma_db=sigma_db, weight=weight,
                      unmodelled_share=unmodelled, all_levels_db=levels, bandwidth_db=bandwidth,
                      prior_difference_db=np.where(has, np.nan, prior) if use_prior else None, prior_difference_sigma_db=prior_sigma,
                      missing_classes=~has & (tof_weight >= 0.5 * min_pairs),
                      prior_launch_db=None if priors is None else priors[0], prior_impact_db=None if priors is None else priors[1],
                      prior_launch_sigma_db=None if priors is None else priors[2],
                      prior_impact_sigma_db=None if priors is None else priors[3], prior_weight=prior_weight)


def prior_class_levels(has: NDArray[np.bool_], impact_db: FloatArray, sigma_db: FloatArray,
                       weight: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray] | None:
    """Per class without a learned model (NaN for the others): launch and impact levels from physics, anchored on the
    learned classes. Its impact level is each learned class's impact level shifted by the two classes' explosive fills
    (:func:`truceline.attribute.physics.impact_level_offset_db`), the estimates mixed by the learned classes' weights
    (the mixture's variance: each learned spread plus the fill offset's, plus the estimates' scatter); its launch level
    is the impact level less the prior launch-impact difference (``impact_minus_launch_db``, sigma
    ``level_difference_sigma_db`` added). The run's levels stand in for the calibration of sensors and sites, which
    physics does not know; physics says only how the classes' sounds stand to one another. None when nothing is learned."""
    n_classes = has.size
    if not has.any():
        return None
    launch, impact, launch_sigma, impact_sigma = (np.full(n_classes, np.nan) for _ in range(4))
    for k in np.flatnonzero(~has):
        if k >= len(ENVELOPES) or not np.isfinite(ENVELOPES[k].impact_minus_launch_db):
            continue
        means, variances, weights = [], [], []
        for c in np.flatnonzero(has):
            if c >= len(ENVELOPES):
                continue
            offset, offset_sigma = impact_level_offset_db(ENVELOPES[k], ENVELOPES[c])
            if not np.isfinite(offset):
                continue
            means.append(float(impact_db[c]) + offset)
            variances.append(float(sigma_db[c]) ** 2 + offset_sigma**2)
            weights.append(max(float(weight[c]), 1e-12))
        if not means:
            continue
        w = np.asarray(weights) / np.sum(weights)
        m, v = np.asarray(means), np.asarray(variances)
        impact[k] = float(np.sum(w * m))
        impact_sigma[k] = float(np.sqrt(np.sum(w * (v + (m - impact[k]) ** 2))))
        launch[k] = impact[k] - float(ENVELOPES[k].impact_minus_launch_db)
        launch_sigma[k] = float(np.hypot(impact_sigma[k], ENVELOPES[k].level_difference_sigma_db))
    if not np.isfinite(impact).any():
        return None
    return launch, impact, launch_sigma, impact_sigma
