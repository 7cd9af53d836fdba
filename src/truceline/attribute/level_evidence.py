"""What the learned levels (:class:`~truceline.attribute.level_model.LevelModel`) say of a pair, of two launches and of
one event's role.

**Pairs.** :func:`pair_level_penalty` is ``-2 ln`` of the likelihood ratio "the level is this
class's launch (impact)" against "an event drawn from the run's level distribution", for each of
the two levels, each counted only against the pair (a veto, never a reward): a loud detonation that
time of flight would make the "launch" of a mortar pair is refused, while levels that fit prove
nothing by themselves; and an impact level the run hardly has (a faint false event) does not excuse
a launch level the class never makes (judged jointly, before 2026-12-02, it did).

**Two launches.** :func:`same_weapon_factor`: how far two levels allow two events to be launches of one weapon
(a battery's guns share calibre and charge), again a veto only.

**One event.** :func:`launch_level_share`, the probability that an event is a launch from its level alone, and
:func:`impact_class_weights`, the class of an event taken as an impact. Without a model or a level each says
nothing (a penalty of 0, a factor of 1, NaN, or all weight on "any weapon").
"""

from __future__ import annotations

import numpy as np

from truceline.attribute.level_model import FloatArray, LevelModel, _normal


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
