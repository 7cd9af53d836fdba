"""Source levels from the picks' amplitudes, and what they say about launch, impact and weapon class.

**Source level.** A pick's ``amplitude`` (peak pressure, Pa) at slant distance ``d`` from its event
is, in dB re 20 µPa, the event's level at 1 km less spherical spreading ``20 log10(d / 1 km)`` and
a linear excess attenuation ``alpha (d - 1 km)`` (air absorption, ground and terrain losses).
``alpha`` is fitted on the run itself: every event has its own level, so the within-event slope of
``level + 20 log10(d)`` against distance measures the attenuation (a fixed-effects regression);
without enough data it is :data:`DEFAULT_ATTENUATION_DB_PER_KM`. An event's level is the median of
its picks' estimates, with the median's standard error (refraction, scintillation and the
detection threshold's bias make single picks scatter by several dB).

**Levels by class and role, learned from the run.** Launches and impacts of one weapon class have
typical levels (a mortar's launch is quieter than its bomb's detonation; a gun's muzzle blast is
about as loud as its shell's), but the numbers depend on calibres, charges and sensors. So they are
not copied from a table: :func:`fit_level_model` takes the pairs that time of flight alone makes
confidently, and per weapon class the median launch and impact levels and their spread, each class
fitted as a contaminated normal (a pair that time of flight gives to a class but whose levels do not fit it —
a gun's pair at a range a mortar also reaches, two detonations paired by chance — is an intruder). Classes
with too few such pairs get no level model; for the pair veto they keep only what physics says of the
*difference* of their two levels (``physics.WeaponEnvelope.impact_minus_launch_db``, wide): a run whose
few mortar launches were located still refuses a mortar "pair" of two detonations. Elsewhere (unpaired
events, leftover picks) the acoustic evidence stays silent about such classes.

**Pairs.** :func:`pair_level_penalty` is ``-2 ln`` of the likelihood ratio "the level is this
class's launch (impact)" against "an event drawn from the run's level distribution", for each of
the two levels, each counted only against the pair (a veto, never a reward): a loud detonation that
time of flight would make the "launch" of a mortar pair is refused, while levels that fit prove
nothing by themselves; and an impact level the run hardly has (a faint false event) does not excuse
a launch level the class never makes (judged jointly, before 2026-12-02, it did).

**Unpaired events.** An event without a partner is a launch whose impact went unheard or an impact
whose launch went unheard. Which is likelier follows from the level relation: the partner's level
is this event's level shifted by the class's launch-impact difference, and the event's own picks
tell how many of its stations would still have heard the partner (each pick's SNR margin over
the detection threshold, shifted, with a geometry spread; the partner is located when at least
``min_stations`` hear it). A quiet mortar launch under its loud impact is often missed; the loud
impact of a heard launch rarely is. Impacts whose launch makes no sound (drone-dropped munitions)
enter with a small prior share and the run's overall level distribution.

The same mixture gives :func:`unpaired_probability`, the probability that an event's partner went unlocated, which
the pairing adds to the cost of leaving the event unpaired (:func:`truceline.attribute.pairing.unpaired_level_cost`): the
unpaired state is weighed by the levels as a pair is. A class that time of flight shares with another (a mortar's pairs
at 3-8 km are half a gun's) can be learned provisionally (:func:`fit_level_model`, ``provisional_share``): the levels,
which no gun makes, then say which pairs are the mortar's.

Everything degrades gracefully: no amplitudes, no stations, or no assignments give NaN levels,
and every function then returns "no evidence" (a penalty of 0, a likelihood ratio of 1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray
from scipy.special import ndtr

from truceline.attribute.physics import ENVELOPES, distance_m, impact_level_offset_db

FloatArray = NDArray[np.float64]
REFERENCE_PRESSURE_PA = 2e-5
DEFAULT_ATTENUATION_DB_PER_KM = 0.5
MAX_ATTENUATION_DB_PER_KM = 3.0


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceLevels:
    """Per event: level at 1 km (dB re 20 µPa, NaN if unknown), its 1-sigma error, the picks' SNR margins."""

    level_db: FloatArray
    level_sigma_db: FloatArray
    margins_db: tuple[FloatArray, ...]  # per event: SNR (dB) of each pick above the detection threshold
    attenuation_db_per_km: float
    detection_snr_db: float  # NaN without SNRs
    # Per event: how far its picks' levels disagree, the sum of squared deviations from their mean (dB^2; NaN if unknown),
    # and how many picks gave a level (the stations' agreement: :mod:`truceline.attribute.chimera`).
    level_sum_squares_db2: FloatArray | None = None
    level_count: NDArray[np.int64] | None = None

    @staticmethod
    def unknown(n: int) -> SourceLevels:
        return SourceLevels(level_db=np.full(n, np.nan), level_sigma_db=np.full(n, np.nan),
                            margins_db=tuple(np.zeros(0) for _ in range(n)), attenuation_db_per_km=DEFAULT_ATTENUATION_DB_PER_KM,
                            detection_snr_db=float("nan"))


def _float_column(table: pa.Table, name: str) -> FloatArray:
    if name not in table.column_names:
        return np.full(table.num_rows, np.nan)
    return np.asarray([np.nan if v is None else float(v) for v in table[name].to_pylist()], dtype=np.float64)




def fit_attenuation_db_per_km(event: NDArray[np.intp], distance_km: FloatArray, spread_corrected_db: FloatArray,
                              *, min_events: int = 20) -> float:
    """Excess attenuation from the within-event slope of level (+ spherical spreading) against distance."""
    n = int(event.max()) + 1 if event.size else 0
    counts = np.bincount(event, minlength=n)
    use = counts[event] >= 3
    if np.unique(event[use]).size < min_events:
        return DEFAULT_ATTENUATION_DB_PER_KM
    e, x, y = event[use], distance_km[use], spread_corrected_db[use]
    x_mean = np.bincount(e, weights=x, minlength=n) / np.maximum(counts, 1)
    y_mean = np.bincount(e, weights=y, minlength=n) / np.maximum(counts, 1)
    dx, dy = x - x_mean[e], y - y_mean[e]
    denominator = float(np.sum(dx * dx))
    if denominator <= 0.0:
        return DEFAULT_ATTENUATION_DB_PER_KM
    return float(np.clip(-np.sum(dx * dy) / denominator, 0.0, MAX_ATTENUATION_DB_PER_KM))


def source_levels(event_ids: list[str], lat: FloatArray, lon: FloatArray, *, picks: pa.Table | None, stations: pa.Table | None,
                  assignments: pa.Table | None) -> SourceLevels:
    """Every event's source level at 1 km from its picks' amplitudes (NaN where none is known)."""
    n = len(event_ids)
    if picks is None or stations is None or assignments is None or not assignments.num_rows or "amplitude" not in picks.column_names:
        return SourceLevels.unknown(n)
    index_of_event = {e: i for i, e in enumerate(event_ids)}
    station_at = {str(s): (float(a), float(b)) for s, a, b in zip(stations["station_id"].to_pylist(), stations["lat"].to_pylist(),
                                                                   stations["lon"].to_pylist())}
    amplitude = _float_column(picks, "amplitude")
    snr = _float_column(picks, "snr")
    pick_row = {str(p): k for k, p in enumerate(picks["pick_id"].to_pylist())}
    pick_station = [str(s) for s in picks["station_id"].to_pylist()]
    rows: list[tuple[int, int]] = []
    for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
        i = index_of_event.get(str(event))
        k = pick_row.get(str(pick))
        if i is None or k is None or pick_station[k] not in station_at:
            continue
        if np.isfinite(amplitude[k]) and amplitude[k] > 0.0:
            rows.append((i, k))
    if not rows:
        return SourceLevels.unknown(n)
    event = np.array([r[0] for r in rows], dtype=np.intp)
    pick = np.array([r[1] for r in rows], dtype=np.intp)
    s_lat = np.array([station_at[pick_station[k]][0] for k in pick])
    s_lon = np.array([station_at[pick_station[k]][1] for k in pick])
    distance_km = np.maximum(distance_m(lat[event], lon[event], s_lat, s_lon), 100.0) / 1000.0
    received_db = 20.0 * np.log10(amplitude[pick] / REFERENCE_PRESSURE_PA)
    corrected = received_db + 20.0 * np.log10(distance_km)
    alpha = fit_attenuation_db_per_km(event, distance_km, corrected)
    estimate = corrected + alpha * (distance_km - 1.0)
    snr_db = 20.0 * np.log10(np.where(snr[pick] > 0.0, snr[pick], np.nan))
    finite_snr = snr_db[np.isfinite(snr_db)]
    threshold = float(np.percentile(finite_snr, 2.0)) if finite_snr.size >= 20 else float("nan")
    level = np.full(n, np.nan)
    sigma = np.full(n, np.nan)
    margins: list[FloatArray] = [np.zeros(0)] * n
    sum_squares = np.full(n, np.nan)
    count = np.zeros(n, dtype=np.int64)
    order = np.argsort(event, kind="stable")
    bounds = np.flatnonzero(np.diff(event[order])) + 1
    for members in np.split(order, bounds):
        i = int(event[members[0]])
        values = estimate[members]
        level[i] = float(np.median(values))
        sum_squares[i] = float(np.sum((values - values.mean()) ** 2))
        count[i] = values.size
        spread = 1.4826 * float(np.median(np.abs(values - level[i]))) if values.size >= 3 else 6.0
        sigma[i] = float(np.hypot(max(spread, 3.0) * 1.25 / np.sqrt(values.size), 1.0))
        if np.isfinite(threshold):
            margin = snr_db[members] - threshold
            margins[i] = margin[np.isfinite(margin)]
    return SourceLevels(level_db=level, level_sigma_db=sigma, margins_db=tuple(margins), attenuation_db_per_km=alpha,
                        detection_snr_db=threshold, level_sum_squares_db2=sum_squares, level_count=count)


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


def pair_level_penalty(model: LevelModel | None, level_launch_db: FloatArray, sigma_launch_db: FloatArray,
                       level_impact_db: FloatArray, sigma_impact_db: FloatArray, *, cap: float = 30.0, separate: bool = True,
                       role_null: bool = False) -> FloatArray:
    """Per candidate pair and class, shape (pairs, classes): ``max(0, -2 ln LR)`` of each level, summed (0 where
    unknown); ``separate=False``: of the two levels' joint ratio, as before 2026-12-02. ``role_null`` (with ``separate``):
    each level's fit to its role in the class is weighed against the larger of a random level of the run and its fit to
    the class's *other* role, in the classes whose two roles lie more than twice their spread apart (both ends' levels: a
    mortar's "launch" at its bomb's level is likelier that bomb; a gun's pairs pay what they did)."""
    n = np.asarray(level_launch_db).size
    if model is None:
        return np.zeros((n, 0))
    out = np.zeros((n, model.has_class.size))
    known = np.isfinite(level_launch_db) & np.isfinite(level_impact_db)
    if not known.any():
        return out
    a, b = np.asarray(level_launch_db)[known], np.asarray(level_impact_db)[known]
    sa, sb = np.asarray(sigma_launch_db)[known], np.asarray(sigma_impact_db)[known]
    null = np.maximum(model.density_any(a) * model.density_any(b), 1e-300)
    null_a, null_b = np.maximum(model.density_any(a), 1e-300), np.maximum(model.density_any(b), 1e-300)
    for k in np.flatnonzero(model.has_class):
        fit_a = _normal(a, model.launch_db[k], np.hypot(model.sigma_db[k], sa))
        fit_b = _normal(b, model.impact_db[k], np.hypot(model.sigma_db[k], sb))
        # Only where the class's two roles differ: more than twice its spread apart (a mortar; not a gun, whose launch and
        # shell are equally loud and whose pairs paid for a level nearer the other role: violation s7 -25 rounds).
        distinct = abs(float(model.impact_db[k]) - float(model.launch_db[k])) > 2.0 * float(model.sigma_db[k])
        if separate and role_null and distinct:
            other_a = _normal(a, model.impact_db[k], np.hypot(model.sigma_db[k], sa))
            other_b = _normal(b, model.launch_db[k], np.hypot(model.sigma_db[k], sb))
            out[known, k] = np.clip(np.clip(-2.0 * np.log(np.maximum(fit_a, 1e-300) / np.maximum(null_a, other_a)), 0.0, None)
                                    + np.clip(-2.0 * np.log(np.maximum(fit_b, 1e-300) / np.maximum(null_b, other_b)), 0.0, None), 0.0, cap)
        elif separate:
            # Each level vetoes on its own: an unusual impact level does not excuse a launch level the class never makes.
            out[known, k] = np.clip(np.clip(-2.0 * np.log(np.maximum(fit_a, 1e-300) / null_a), 0.0, None)
                                    + np.clip(-2.0 * np.log(np.maximum(fit_b, 1e-300) / null_b), 0.0, None), 0.0, cap)
        else:
            out[known, k] = np.clip(-2.0 * np.log(np.maximum(fit_a * fit_b, 1e-300) / null), 0.0, cap)
    if model.prior_difference_db is not None and model.prior_difference_sigma_db is not None:
        # A class the run has not taught: its levels' difference against the physics prior, over the difference of two
        # levels of the run drawn at random (a normal of twice the levels' variance).
        spread = float(np.sqrt(2.0) * max(float(np.std(model.all_levels_db)), model.bandwidth_db))
        for k in np.flatnonzero(~model.has_class & np.isfinite(model.prior_difference_db)):
            sigma = np.sqrt(model.prior_difference_sigma_db[k] ** 2 + sa**2 + sb**2)
            fit = _normal(b - a, model.prior_difference_db[k], sigma)
            out[known, k] = np.clip(-2.0 * np.log(np.maximum(fit, 1e-300) / np.maximum(_normal(b - a, 0.0, spread), 1e-300)), 0.0, cap)
    return out


def same_weapon_factor(model: LevelModel | None, level_db: float, sigma_db: float, other_db: FloatArray, other_sigma_db: FloatArray) -> FloatArray:
    """For an event of level ``level_db`` and launches ``other_db`` fired from its place in the same minutes: how far the
    levels allow the event to be another launch of their weapon, ``min(1, LR)`` (a veto, never a reward). LR is the
    density of the difference of the two levels as two launches of one weapon (a battery's guns share calibre and charge:
    a normal of ``sqrt(2 sigma_class^2 + sigma_1^2 + sigma_2^2)``, ``sigma_class`` the widest learned class spread) over
    its density for two levels of the run drawn at random (as in :func:`pair_level_penalty`). 1 where unknown."""
    other = np.atleast_1d(np.asarray(other_db, dtype=np.float64))
    out = np.ones(other.size)
    if model is None or not np.isfinite(level_db) or not model.has_class.any():
        return out
    known = np.isfinite(other)
    if not known.any():
        return out
    sigma_class = float(np.nanmax(model.sigma_db[model.has_class]))
    sigma = np.sqrt(2.0 * sigma_class**2 + float(sigma_db) ** 2 + np.atleast_1d(np.asarray(other_sigma_db, dtype=np.float64))[known] ** 2)
    spread = float(np.sqrt(2.0) * max(float(np.std(model.all_levels_db)), model.bandwidth_db))
    difference = other[known] - float(level_db)
    null_sigma = np.maximum(spread, sigma)  # two random levels never differ less than two launches of one weapon
    ratio = _normal(difference, 0.0, sigma) / np.maximum(_normal(difference, 0.0, null_sigma), 1e-300)
    out[known] = np.clip(ratio, 0.0, 1.0)
    return out


def launch_level_share(model: LevelModel | None, level_db: float, sigma_db: float) -> float:
    """P(launch | level) of one event from its level alone: the learned classes' launch densities against their launch and
    impact densities, each class weighed by its share of the pairs and the two roles equally likely (every round has
    one of each). NaN without a model or a level."""
    if model is None or not np.isfinite(level_db) or not model.has_class.any():
        return float("nan")
    k = np.flatnonzero(model.has_class)
    spread = np.hypot(model.sigma_db[k], float(sigma_db) if np.isfinite(sigma_db) else 0.0)
    launch = float(np.sum(model.weight[k] * _normal(np.full(k.size, level_db), model.launch_db[k], spread)))
    impact = float(np.sum(model.weight[k] * _normal(np.full(k.size, level_db), model.impact_db[k], spread)))
    if launch + impact <= 0.0:
        return float("nan")
    return launch / (launch + impact)


def path_loss_db(distance_m: FloatArray, attenuation_db_per_km: float) -> FloatArray:
    """How far a level at 1 km has fallen at ``distance_m``: spherical spreading and the learned excess attenuation
    (distances under 100 m count as 100 m)."""
    km = np.maximum(np.asarray(distance_m, dtype=np.float64), 100.0) / 1000.0
    return np.asarray(20.0 * np.log10(km) + attenuation_db_per_km * (km - 1.0))


def partner_located_probability(margins_db: FloatArray, shift_db: float, *, min_stations: int, spread_db: float = 5.0) -> float:
    """Probability that a partner ``shift_db`` louder than the event would be heard by at least ``min_stations``
    of the stations that heard the event (each pick's SNR margin shifted, with a geometry spread)."""
    if margins_db.size < min_stations:
        return 0.0
    heard = ndtr((np.asarray(margins_db) + shift_db) / spread_db)
    # Poisson-binomial: probability of at least min_stations successes.
    distribution = np.zeros(min_stations + 1)
    distribution[0] = 1.0
    for p in heard:
        capped = distribution[min_stations]
        distribution[1:] = distribution[1:] * (1.0 - p) + distribution[:-1] * p
        distribution[0] *= 1.0 - p
        distribution[min_stations] += capped * p  # "at least" is absorbing
    return float(np.clip(distribution[min_stations], 0.0, 1.0))


def unpaired_impact_odds(model: LevelModel | None, level_db: FloatArray | float, sigma_db: FloatArray | float,
                         margins_db: FloatArray | list[FloatArray], *, min_stations: int, silent_launch_share: float,
                         partner_elsewhere: float, launch_depth_m: FloatArray | None = None,
                         depth_sigma_m: FloatArray | None = None, launch_partner_located: FloatArray | None = None,
                         impact_partner_located: FloatArray | None = None, impact_depth_m: FloatArray | None = None) -> float:
    """Odds (impact : launch) of an unpaired event — or of a group of unpaired events fired from, or landing at, one
    place in the same minutes — from the levels and the partners they should have had; 1 without evidence.

    Each hypothesis is a mixture, shared by the whole group, over the modelled classes (the levels'
    likelihood as that class's launches or impacts; each partner's level shifted by the class's
    launch-impact difference, each heard or not by the event's own stations), an "unmodelled"
    component (levels as in the whole run, partners as loud as the events) and, for impacts,
    ``silent_launch_share`` of fire whose launches make no sound. ``partner_elsewhere`` is the
    probability that the group's partners went unlocated for reasons levels cannot see (they fell
    outside the network, the pairing missed them); it is shared by the group, so a group of N
    unheard partners is not N independent coincidences only where the levels say so. For a single
    event, pass scalars and one margins array.

    With ``launch_depth_m`` (each event's distance behind the line, ``depth_sigma_m`` its 1-sigma error) a class's
    launch is weighed by how well that depth fits the class's deployment (``physics.WeaponEnvelope.min_depth_m`` to
    ``max_depth_m``, as the pair's cost weighs a launch's depth): a detonation 1.5 km from the line at a rocket launch's
    level is no rocket launch, whose launchers stand 3 km back or more.

    ``launch_partner_located`` / ``impact_partner_located`` (per event, aligned with ``level_db``): the probability that
    the event's partner in that role was located but not paired with it (a located round of its salvo's impacts at its
    time of flight, or of its mission's launches; :func:`truceline.attribute.pairing.located_partners`). With that
    probability ``h`` the member's partner did not go unheard in that role: its "partner missed" probability there is
    ``h + (1 - h) P(missed)`` (``h = 1``: its levels alone weigh the role).

    With ``impact_depth_m`` (each event's distance behind the line, errors ``depth_sigma_m``) a class's impact is weighed by
    whether a round of the class fired from across the line reaches that deep (``max_range_m - min_depth_m`` of the class),
    the mirror of the launch's depth: a 111 dB detonation 14 km behind the line is no mortar's bomb.
    """
    levels = np.atleast_1d(np.asarray(level_db, dtype=np.float64))
    sigmas = np.atleast_1d(np.asarray(sigma_db, dtype=np.float64))
    margins = [margins_db] if isinstance(margins_db, np.ndarray) else list(margins_db)
    use = [j for j in range(levels.size) if np.isfinite(levels[j]) and margins[j].size > 0]
    if model is None or not use:
        return 1.0
    levels, sigmas, margins = levels[use], sigmas[use], [margins[j] for j in use]
    launch_heard = (np.zeros(len(use)) if launch_partner_located is None
                    else np.clip(np.atleast_1d(np.asarray(launch_partner_located, dtype=np.float64))[use], 0.0, 1.0))
    impact_heard = (np.zeros(len(use)) if impact_partner_located is None
                    else np.clip(np.atleast_1d(np.asarray(impact_partner_located, dtype=np.float64))[use], 0.0, 1.0))
    classes = np.flatnonzero(model.has_class)

    def depths(values: object) -> tuple[np.ndarray, np.ndarray | float] | None:
        """The used events' depths (m) and their scales (m), or None without finite depths."""
        if values is None:
            return None
        depth = np.atleast_1d(np.asarray(values, dtype=np.float64))[use]
        scale = (np.atleast_1d(np.asarray(depth_sigma_m, dtype=np.float64))[use] if depth_sigma_m is not None else 0.0) + 300.0
        return (depth, scale) if np.all(np.isfinite(depth)) else None

    def depth_fit(k: int) -> float:
        """log of how well the events' depths behind the line fit class ``k``'s deployment (0 without depths)."""
        read = depths(launch_depth_m) if k < len(ENVELOPES) else None
        if read is None:
            return 0.0
        depth, scale = read
        miss = (np.maximum(ENVELOPES[k].min_depth_m - depth, 0.0) + np.maximum(depth - ENVELOPES[k].max_depth_m, 0.0)) / scale
        return float(np.sum(-0.5 * miss * miss))

    log_depth = np.array([depth_fit(int(k)) for k in classes])

    def reach_fit(k: int) -> float:
        """log of how well the events' depths fit class ``k``'s reach from across the line (0 without depths)."""
        read = depths(impact_depth_m) if k < len(ENVELOPES) else None
        if read is None:
            return 0.0
        depth, scale = read
        miss = np.maximum(depth - (ENVELOPES[k].max_range_m - ENVELOPES[k].min_depth_m), 0.0) / scale
        return float(np.sum(-0.5 * miss * miss))

    difference = model.impact_db[classes] - model.launch_db[classes]
    log_any = np.log(np.maximum(model.density_any(levels), 1e-300)).sum()

    def log_missed(shift: float, heard: FloatArray) -> float:
        return float(sum(np.log(max(h + (1.0 - h) * (1.0 - partner_located_probability(m, shift, min_stations=min_stations)), 1e-300))
                         for m, h in zip(margins, heard)))

    def log_levels(means: float, sigma_class: float) -> float:
        return float(np.sum(np.log(np.maximum(_normal(levels, means, np.hypot(sigma_class, sigmas)), 1e-300))))

    # (log weight x likelihood of the levels, log probability that every partner went unheard by level)
    launch_terms = [(np.log(model.weight[k]) + log_levels(model.launch_db[k], model.sigma_db[k]) + float(log_depth[c]),
                     log_missed(float(d), launch_heard)) for c, (k, d) in enumerate(zip(classes, difference))]
    prior_impact_terms: list[tuple[float, float]] = []
    unmodelled = model.unmodelled_share
    if model.prior_weight is not None and model.prior_launch_db is not None and model.prior_impact_db is not None \
            and model.prior_launch_sigma_db is not None and model.prior_impact_sigma_db is not None:
        # Classes kept from the physics prior: their own launch and impact terms, taken out of the unmodelled share.
        for k in np.flatnonzero(model.prior_weight > 0.0):
            d = float(model.prior_impact_db[k] - model.prior_launch_db[k])
            log_w = float(np.log(model.prior_weight[k]))
            launch_terms.append((log_w + log_levels(float(model.prior_launch_db[k]), float(model.prior_launch_sigma_db[k])) + depth_fit(int(k)),
                                 log_missed(d, launch_heard)))
            prior_impact_terms.append((float(np.log(1.0 - silent_launch_share)) + log_w
                                       + log_levels(float(model.prior_impact_db[k]), float(model.prior_impact_sigma_db[k])) + reach_fit(int(k)),
                                       log_missed(-d, impact_heard)))
        unmodelled = max(unmodelled - float(np.sum(model.prior_weight)), 0.5 * unmodelled)
    launch_terms.append((np.log(unmodelled) + log_any, log_missed(0.0, launch_heard)))
    impact_terms = [(np.log((1.0 - silent_launch_share) * model.weight[k]) + log_levels(model.impact_db[k], model.sigma_db[k])
                     + reach_fit(int(k)),
                     log_missed(-float(d), impact_heard)) for k, d in zip(classes, difference)] + prior_impact_terms
    impact_terms.append((np.log((1.0 - silent_launch_share) * unmodelled) + log_any, log_missed(0.0, impact_heard)))
    impact_terms.append((np.log(silent_launch_share) + log_any, 0.0) if silent_launch_share > 0 else (-np.inf, 0.0))

    def log_total(terms: list[tuple[float, float]]) -> float:
        values = [w + np.log(partner_elsewhere + (1.0 - partner_elsewhere) * np.exp(m)) for w, m in terms if np.isfinite(w)]
        top = max(values)
        return float(top + np.log(np.sum(np.exp(np.array(values) - top))))

    return float(np.exp(np.clip(log_total(impact_terms) - log_total(launch_terms), -50.0, 50.0)))


def impact_class_weights(model: LevelModel | None, level_db: float, sigma_db: float, *, silent_launch_share: float) -> tuple[FloatArray, float]:
    """For an event taken as an impact: the probability of each modelled class (aligned with the model's classes,
    0 for the others) from its level, and the remaining probability of "any weapon" (unmodelled classes, silent
    launches). Without evidence: no class, all "any"."""
    if model is None or not np.isfinite(level_db):
        return np.zeros(0 if model is None else model.has_class.size), 1.0
    classes = np.flatnonzero(model.has_class)
    weights = np.zeros(model.has_class.size)
    weights[classes] = (1.0 - silent_launch_share) * model.weight[classes] * _normal(
        np.array(level_db), model.impact_db[classes], np.hypot(model.sigma_db[classes], sigma_db))
    any_weapon = (silent_launch_share + (1.0 - silent_launch_share) * model.unmodelled_share) * float(model.density_any(np.array([level_db]))[0])
    total = float(weights.sum()) + any_weapon
    if total <= 0.0:
        return np.zeros(model.has_class.size), 1.0
    return weights / total, any_weapon / total


def unpaired_probability(model: LevelModel | None, level_db: FloatArray, sigma_db: FloatArray, margins_db: tuple[FloatArray, ...] | list[FloatArray],
                         *, min_stations: int, silent_launch_share: float, partner_elsewhere: float) -> tuple[FloatArray, FloatArray]:
    """Per event: (the probability that its partner went unlocated — it stays unpaired — if it is a round of a modelled
    class, the probability that it is one), from its level and its picks' SNR margins, with the mixture of
    :func:`unpaired_impact_odds`: each modelled class's launch and impact (equal priors within a class: every round makes
    one of each; the level's likelihood under that class and role; the partner shifted by the class's launch-impact
    difference, heard or not by the event's own stations; ``partner_elsewhere`` unlocated whatever its level), against the
    rest at the run's levels (classes without a level model, the unmodelled share; impacts whose launch makes no sound,
    ``silent_launch_share``), of which the levels say nothing. A loud mortar detonation's quiet launch is seldom located,
    a gun's muzzle blast or a mortar's launch seldom goes without its partner. NaN (and 0) where the level is unknown or
    there is no model."""
    levels = np.asarray(level_db, dtype=np.float64)
    out = np.full(levels.size, np.nan)
    share = np.zeros(levels.size)
    if model is None or not model.has_class.any():
        return out, share
    classes = np.flatnonzero(model.has_class)
    launch_db, impact_db = model.launch_db[classes], model.impact_db[classes]
    launch_sigma, impact_sigma, weight = model.sigma_db[classes], model.sigma_db[classes], model.weight[classes]
    unmodelled = model.unmodelled_share
    if model.prior_weight is not None and model.prior_launch_db is not None and model.prior_impact_db is not None \
            and model.prior_launch_sigma_db is not None and model.prior_impact_sigma_db is not None:
        # Classes kept from the physics prior count as modelled ones, with their own spreads, out of the unmodelled share.
        kept = np.flatnonzero(model.prior_weight > 0.0)
        launch_db, impact_db = np.concatenate([launch_db, model.prior_launch_db[kept]]), np.concatenate([impact_db, model.prior_impact_db[kept]])
        launch_sigma = np.concatenate([launch_sigma, model.prior_launch_sigma_db[kept]])
        impact_sigma = np.concatenate([impact_sigma, model.prior_impact_sigma_db[kept]])
        weight = np.concatenate([weight, model.prior_weight[kept]])
        unmodelled = max(unmodelled - float(np.sum(model.prior_weight[kept])), 0.5 * unmodelled)
    difference = impact_db - launch_db
    any_density = model.density_any(levels)
    for i in np.flatnonzero(np.isfinite(levels)):
        margins = np.asarray(margins_db[i])
        if not margins.size:
            continue
        level = np.array(levels[i])
        launch_like = 0.5 * weight * _normal(level, launch_db, np.hypot(launch_sigma, float(sigma_db[i])))
        impact_like = 0.5 * (1.0 - silent_launch_share) * weight * _normal(level, impact_db, np.hypot(impact_sigma, float(sigma_db[i])))
        located_launch = np.array([partner_located_probability(margins, float(d), min_stations=min_stations) for d in difference])
        located_impact = np.array([partner_located_probability(margins, -float(d), min_stations=min_stations) for d in difference])
        located_same = partner_located_probability(margins, 0.0, min_stations=min_stations)
        # The rest: classes without a level model, and impacts whose launch makes no sound, at the run's levels.
        rest = 0.5 * (unmodelled * (2.0 - silent_launch_share) + silent_launch_share) * float(any_density[i])
        weights = np.concatenate([launch_like, impact_like])
        located = (1.0 - partner_elsewhere) * np.concatenate([located_launch, located_impact])
        total = float(weights.sum())
        if total + rest > 0.0:
            share[i] = total / (total + rest)
            out[i] = 1.0 - float(np.sum(weights * located)) / total if total > 0.0 else 0.0
    return out, share


def unpaired_class_shares(model: LevelModel | None, level_db: FloatArray, sigma_db: FloatArray,
                          margins_db: tuple[FloatArray, ...] | list[FloatArray], members: NDArray[np.intp], pair_mass: FloatArray, *,
                          min_stations: int, silent_launch_share: float, partner_elsewhere: float, iterations: int = 50,
                          silent: list[float] | None = None) -> LevelModel | None:
    """The level model with its classes' shares of the *rounds fired* in place of their shares of the pairs (session 21).

    ``LevelModel.weight`` is each class's share of the pairs: a class whose launches are seldom located (a mortar's,
    ~10 dB below its bomb's detonation) is rare among pairs for that reason alone, so as the prior of an unpaired event's
    class it undercounts the very class whose impacts lose their launches. A located round is either paired (its class
    from time of flight: ``pair_mass``, per class aligned with ``model.has_class``, the pairs' summed class probabilities)
    or one of the unpaired events ``members``, whose class EM reads from its level with every class's launch and impact
    levels fixed (learned, and kept from the physics prior) and each role weighed by the probability that its partner went
    unlocated, as :func:`unpaired_impact_odds` does; the classes' shares are the pairs' and the unpaired events' masses
    together. The modelled classes' total share and the unmodelled share the odds use stay as they were. The model
    unchanged where there is nothing to fit.

    ``silent`` (a one-element list, in and out): the share of fire whose launch makes no sound (drone-dropped munitions:
    never paired, so the pairs say nothing of it), fitted with the classes from the unpaired events alone."""
    if model is None or not model.has_class.any():
        return model
    levels = np.asarray(level_db, dtype=np.float64)
    use = [int(i) for i in members if np.isfinite(levels[int(i)]) and np.asarray(margins_db[int(i)]).size > 0]
    classes = list(map(int, np.flatnonzero(model.has_class)))
    kept: list[int] = []
    if model.prior_weight is not None and model.prior_launch_db is not None and model.prior_impact_db is not None \
            and model.prior_launch_sigma_db is not None and model.prior_impact_sigma_db is not None:
        kept = list(map(int, np.flatnonzero(model.prior_weight > 0.0)))
    components = classes + kept
    if not use or not components:
        return model
    launch_db = np.array([model.launch_db[k] for k in classes] + [model.prior_launch_db[k] for k in kept])  # type: ignore[index]
    impact_db = np.array([model.impact_db[k] for k in classes] + [model.prior_impact_db[k] for k in kept])  # type: ignore[index]
    launch_sigma = np.array([model.sigma_db[k] for k in classes] + [model.prior_launch_sigma_db[k] for k in kept])  # type: ignore[index]
    impact_sigma = np.array([model.sigma_db[k] for k in classes] + [model.prior_impact_sigma_db[k] for k in kept])  # type: ignore[index]
    weight = np.array([model.weight[k] for k in classes] + [model.prior_weight[k] for k in kept])  # type: ignore[index]
    unmodelled = model.unmodelled_share
    kept_total = float(np.sum(weight[len(classes):]))
    if kept:
        unmodelled = max(unmodelled - kept_total, 0.5 * unmodelled)
    total_modelled = float(np.sum(weight))
    anchor = np.maximum(np.asarray(pair_mass, dtype=np.float64)[components], 0.0)
    if total_modelled <= 0.0 or float(anchor.sum()) <= 0.0:
        return model
    difference = impact_db - launch_db
    any_density = model.density_any(levels[use])
    # Per unpaired event and class: the likelihood of its level with its partner unlocated (the class's launch or impact).
    likelihood = np.zeros((len(use), len(components)))
    rest = np.zeros(len(use))
    for row, i in enumerate(use):
        margins = np.asarray(margins_db[i])
        sigma = float(sigma_db[i])
        located = np.array([partner_located_probability(margins, float(d), min_stations=min_stations) for d in difference])
        landed = np.array([partner_located_probability(margins, -float(d), min_stations=min_stations) for d in difference])
        missed_launch = partner_elsewhere + (1.0 - partner_elsewhere) * (1.0 - located)  # as a launch: its impact unlocated
        missed_impact = partner_elsewhere + (1.0 - partner_elsewhere) * (1.0 - landed)  # as an impact: its launch unlocated
        likelihood[row] = (_normal(np.full(len(components), levels[i]), launch_db, np.hypot(launch_sigma, sigma)) * missed_launch
                           + (1.0 - silent_launch_share)
                           * _normal(np.full(len(components), levels[i]), impact_db, np.hypot(impact_sigma, sigma)) * missed_impact)
        same = partner_elsewhere + (1.0 - partner_elsewhere) * (1.0 - partner_located_probability(margins, 0.0, min_stations=min_stations))
        rest[row] = float(any_density[row]) * (unmodelled * (2.0 - silent_launch_share) * same
                                               + (0.0 if silent is not None else silent_launch_share))
    if silent is not None:
        # The silent rounds as one more component, at the run's levels, with nothing to anchor it among the pairs.
        likelihood = np.concatenate([likelihood, np.asarray(any_density, dtype=np.float64)[:, None]], axis=1)
        anchor = np.concatenate([anchor, [0.0]])
        weight = np.concatenate([weight, [silent_launch_share]])
        total_modelled += silent_launch_share
    shares = weight / total_modelled
    for _ in range(iterations):
        joint = total_modelled * shares * likelihood
        responsibility = joint / np.maximum(joint.sum(axis=1, keepdims=True) + rest[:, None], 1e-300)
        mass = anchor + responsibility.sum(axis=0)
        shares = mass / float(mass.sum())
    fitted = total_modelled * shares
    if silent is not None:
        silent[0] = float(fitted[-1])
        fitted = fitted[:-1]
    new_weight = model.weight.copy()
    new_weight[classes] = fitted[:len(classes)]
    if not kept or model.prior_weight is None:
        return replace(model, weight=new_weight)
    new_prior = model.prior_weight.copy()
    new_prior[kept] = fitted[len(classes):]
    # The odds take the kept classes out of the unmodelled share (at most half of it): keep the share they are left.
    moved = float(np.sum(new_prior[kept]))
    share = unmodelled + moved if unmodelled >= moved else 2.0 * unmodelled
    return replace(model, weight=new_weight, prior_weight=new_prior, unmodelled_share=share)
