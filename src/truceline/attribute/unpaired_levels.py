"""Events without a partner: what their levels and their picks' margins say of the partner that went unlocated.

An event without a partner is a launch whose impact went unheard or an impact whose launch went unheard. Which is
likelier follows from the level relation (:class:`~truceline.attribute.level_model.LevelModel`): the partner's level
is this event's level shifted by the class's launch-impact difference, and the event's own picks
tell how many of its stations would still have heard the partner (each pick's SNR margin over
the detection threshold, shifted, with a geometry spread; the partner is located when at least
``min_stations`` hear it: :func:`partner_located_probability`). A quiet mortar launch under its loud impact is often
missed; the loud impact of a heard launch rarely is. Impacts whose launch makes no sound (drone-dropped munitions)
enter with a small prior share and the run's overall level distribution (:func:`unpaired_impact_odds`).

The same mixture gives :func:`unpaired_probability`, the probability that an event's partner went unlocated, which
the pairing adds to the cost of leaving the event unpaired (:func:`truceline.attribute.pairing.unpaired_level_cost`): the
unpaired state is weighed by the levels as a pair is; and :func:`unpaired_class_shares`, the classes' shares of the
rounds fired rather than of the pairs. Without a model, a level or margins each says nothing (odds of 1, NaN).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

from truceline.attribute.level_model import FloatArray, LevelModel, _normal
from truceline.attribute.physics import ENVELOPES


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
