"""The roles of unpaired events: the odds of impact from their levels and the partner each should have had, times the
contexts (a battery's place, an impact area) and the prior; and the words that start an unpaired event's reason.

Moved out of :mod:`truceline.attribute.pairing` (session 26, which imports every name back); docs/attribution.md,
section 1, explains the method.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.acoustics import LevelModel, SourceLevels, unpaired_class_shares, unpaired_impact_odds
from truceline.attribute.context import ContextCounts, ContextOdds, context_of, same_place
from truceline.attribute.physics import ENVELOPES
from truceline.attribute.pairing_config import PairingConfig
from truceline.attribute.partners import located_partners
from truceline.attribute.salvo_flight import salvo_located_partners, with_salvo_partners

FloatArray = NDArray[np.float64]


def launch_odds_in_context(acoustic: float, contexts: list[tuple[float, float]], config: PairingConfig) -> float:
    """Odds (impact : launch) from the acoustic odds (1: none, then the prior) and the contexts' mixture."""
    p_impact = 0.0
    total = 0.0
    for weight, context in contexts or [(1.0, float("nan"))]:
        if acoustic == 1.0:
            prior = config.unpaired_impact_prior
            odds = 1.0 / context if np.isfinite(context) else prior / (1.0 - prior)
        else:
            odds = acoustic / (context if np.isfinite(context) else 1.0)
        p_impact += weight * odds / (1.0 + odds)
        total += weight
    p_impact = min(max(p_impact / total, 1e-12), 1.0 - 1e-12)
    return p_impact / (1.0 - p_impact)


def lone_event_odds(i: int, contexts: list[tuple[float, float]], config: PairingConfig, levels: SourceLevels | None,
               model: LevelModel | None, group: NDArray[np.intp] | None = None, *, time_s: FloatArray | None = None,
               lat: FloatArray | None = None, lon: FloatArray | None = None, sigma_m: FloatArray | None = None,
               depth_m: FloatArray | None = None, located: tuple[FloatArray, FloatArray] | None = None) -> tuple[float, float]:
    """Odds (impact : launch) of event ``i`` on the evidence it has without a partner: its contexts ``contexts``
    ((weight, launch : impact odds), NaN odds for none: :meth:`ContextOdds.mixture`), and the acoustic odds (1 without
    levels, then the prior) of ``i`` with the unpaired events of ``group`` (same place, same minutes: one battery's
    launches or one mission's impacts; at most ``max_group`` of them, nearest in time). The probability of an impact is
    the contexts' mixture. ``located``: per event, the probability that its partner as a launch / as an impact was
    located but not paired (:func:`located_partners`). Returns (odds, acoustic odds)."""
    acoustic = 1.0
    if levels is not None and model is not None:
        members = np.array([i], dtype=np.intp)
        if group is not None and group.size and time_s is not None and lat is not None and lon is not None:
            mates = same_place(i, group, time_s, lat, lon, config, sigma_m)
            mates = mates[np.argsort(np.abs(time_s[mates] - time_s[i]), kind="stable")[:config.max_group]]
            members = np.concatenate([members, mates])
        acoustic = unpaired_impact_odds(model, levels.level_db[members], levels.level_sigma_db[members],
                                        [levels.margins_db[int(m)] for m in members], min_stations=config.min_stations,
                                        silent_launch_share=config.silent_launch_share, partner_elsewhere=config.partner_elsewhere,
                                        launch_depth_m=None if depth_m is None else depth_m[members],
                                        depth_sigma_m=None if depth_m is None or sigma_m is None else sigma_m[members],
                                        launch_partner_located=None if located is None else located[0][members],
                                        impact_partner_located=None if located is None else located[1][members])
    return launch_odds_in_context(acoustic, contexts, config), acoustic


def assign_unpaired_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray, reason: list[str],
                    time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig, levels: SourceLevels | None,
                    model: LevelModel | None, contexts: ContextOdds | None, sigma_m: FloatArray | None = None,
                    depth_m: FloatArray | None = None, counts: ContextCounts | None = None,
                    class_probability: FloatArray | None = None, record: FloatArray | None = None,
                    candidates: NDArray[np.int64] | None = None, line_m: FloatArray | None = None) -> None:
    """Unpaired events (in place): odds of impact from the levels and the partner it should have had, times the
    context (paired launches fired from the same place in the same minutes; paired impacts of fire from elsewhere
    landed there); without levels, the prior.

    With ``counts`` (``PairingConfig.unpaired_context_em``; the paired events behind ``contexts``) and levels, the contexts'
    odds for unpaired events are the odds among *all* events there (:func:`unpaired_context_odds`), not among the paired.
    ``candidates`` (each event's count of possible pairs) words the reason's start (:func:`unpaired_lead`)."""
    unpaired = np.flatnonzero(kind == "unknown")
    roles = kind.copy()
    battery = np.zeros(kind.size)
    area = np.zeros(kind.size)
    acoustic = np.ones(kind.size)
    located = (located_partners(kind, partner, time_s, lat, lon, config, sigma_m, p_launch=p_launch, p_impact=p_impact,
                                class_probability=class_probability)
               if config.unpaired_partner_heard else None)
    if located is not None and config.unpaired_salvo_partners and line_m is not None:
        located = with_salvo_partners(located, salvo_located_partners(partner, time_s, lat, lon, config, sigma_m, line_m))
    lone_model, lone_config = model, config
    silent = [config.silent_launch_share] if config.unpaired_silent_share else None
    if (config.unpaired_class_shares or config.unpaired_silent_share) and levels is not None and model is not None:
        launches = np.flatnonzero((kind == "launch") & (partner >= 0))
        pair_mass = (class_probability[launches].sum(axis=0) if class_probability is not None and launches.size
                     else np.zeros(model.has_class.size))
        fitted = unpaired_class_shares(model, levels.level_db, levels.level_sigma_db, levels.margins_db, unpaired, pair_mass,
                                       min_stations=config.min_stations, silent_launch_share=config.silent_launch_share,
                                       partner_elsewhere=config.partner_elsewhere, silent=silent)
        lone_model = fitted if config.unpaired_class_shares else model
        if silent is not None:
            lone_config = replace(config, silent_launch_share=float(np.clip(silent[0], 0.0, 0.9)))
    shares_text = ""
    if lone_model is not model and lone_model is not None and config.unpaired_class_shares:
        weights = lone_model.weight.copy()
        if lone_model.prior_weight is not None:
            weights = np.where(lone_model.has_class, weights, lone_model.prior_weight)
        shares_text = ("the classes' shares of the rounds fired, from the pairs and the unpaired events' levels: "
                       + ", ".join(f"{e.name} {w:.2f}" for e, w in zip(ENVELOPES, weights) if w > 0.0)
                       + (f", silent launches {lone_config.silent_launch_share:.2f}" if silent is not None else ""))
    elif silent is not None and lone_config is not config:
        shares_text = f"the share of fire whose launch makes no sound, from the unpaired events' levels: {lone_config.silent_launch_share:.2f}"
    for i in unpaired:
        if contexts is not None:
            battery[i], area[i] = context_of(int(i), roles, partner, time_s, lat, lon, config, sigma_m, p_launch, p_impact,
                                             levels=levels, model=model)
        acoustic[i] = lone_event_odds(int(i), [], lone_config, levels, lone_model, unpaired, time_s=time_s, lat=lat, lon=lon, sigma_m=sigma_m,
                                 depth_m=depth_m, located=located)[1]
    used = contexts
    if contexts is not None and counts is not None and model is not None:
        used = unpaired_context_odds(counts, unpaired[acoustic[unpaired] != 1.0], battery, area, acoustic, contexts, config)
    for i in unpaired:
        mixture = used.mixture(float(battery[i]), float(area[i])) if used is not None else []
        odds = launch_odds_in_context(float(acoustic[i]), mixture, config)
        if record is not None:
            odds /= float(record[i])  # its place's record over the run (``place_record``)
        if acoustic[i] == 1.0:
            source = f"prior probability {config.unpaired_impact_prior:g}"
        else:
            source = (f"source level {levels.level_db[i]:.0f} dB at 1 km: its partner would have been heard"  # type: ignore[union-attr]
                      f" {'less' if acoustic[i] > 1.0 else 'more'} surely as an impact's launch than as a launch's impact"
                      f" (odds {acoustic[i]:.2g})")
            if located is not None and max(located[0][i], located[1][i]) > 0.05:
                source += (f"; its impact as a launch (p {located[0][i]:.2f}) or its launch as an impact (p {located[1][i]:.2f})"
                           f" was located but not paired with it")
            if shares_text:
                source += f"; {shares_text}"
        p_impact[i] = odds / (1.0 + odds)
        p_launch[i] = 1.0 - p_impact[i]
        kind[i] = "impact" if p_impact[i] > 0.5 else "launch"
        where = f"fired from where paired launches fired within {config.battery_window_s:.0f} s (p {battery[i]:.2f}); " if battery[i] > 0.05 else ""
        if area[i] > 0.05 and np.isfinite(contexts.impact_area if contexts is not None else float("nan")):
            where += f"landed where paired impacts of fire from elsewhere landed within {config.battery_window_s:.0f} s (p {area[i]:.2f}); "
        if used is not contexts and used is not None and battery[i] > 0.05 and acoustic[i] != 1.0:
            where += f"launch : impact odds {used.battery:.3g} there among all events, paired and unpaired; "
        if record is not None and abs(np.log(record[i])) > np.log(2.0):
            source += f"; its place's record over the run makes it {record[i]:.2g} times as likely a launch as an impact"
        lead = unpaired_lead(int(candidates[i]) if candidates is not None else 0)
        reason[i] = f"{lead}; {where}called {'an' if kind[i] == 'impact' else 'a'} {kind[i]} ({source})"


def unpaired_lead(candidates: int) -> str:
    """The start of an unpaired event's reason: no partner fits at all, or possible partners the best assignment gave
    to others or found dearer than leaving it alone (an analyst then knows a pair was weighed and not made)."""
    if candidates <= 0:
        return "unpaired: no partner fits"
    return f"unpaired: {candidates} possible partner{'s' if candidates > 1 else ''}, none chosen in the best assignment"


def unpaired_context_odds(counts: ContextCounts, members: NDArray[np.int64], battery: FloatArray, area: FloatArray, acoustic: FloatArray,
                          contexts: ContextOdds, config: PairingConfig, *, iterations: int = 50, tolerance: float = 1e-6) -> ContextOdds:
    """The contexts' launch : impact odds among all events there, paired and unpaired, for judging an unpaired event.

    The odds learned from the pairs are P(launch | context, paired) / P(impact | context, paired). An unpaired event's
    levels already say how likely it is to have lost its partner in each role (the acoustic odds hold P(unpaired, level |
    role)); its prior is P(launch | context) / P(impact | context), over every event there. The two differ by the pairing
    rates: at a battery its guns' rounds are heard and paired, while the rounds that land on it (counter-battery mortar
    fire, whose quiet launches seldom are located) stay unpaired, so the paired odds overstate the battery's launches
    for an unpaired event — and multiplied by the levels' odds they count "a launch finds its partner" twice. The
    unpaired events' roles enter the counts (each weighed by how sure its context is: ``battery``, and ``(1 - battery)
    area`` for the impact area, as :meth:`ContextOdds.mixture`), their roles from those odds and their levels: an
    expectation-maximisation of the context's prior, to a fixed point. ``members``: the unpaired events with levels."""
    used = contexts
    for _ in range(iterations):
        b_launch = b_impact = a_launch = a_impact = 0.0
        for i in members:
            odds = launch_odds_in_context(float(acoustic[i]), used.mixture(float(battery[i]), float(area[i])), config)
            p_imp = odds / (1.0 + odds)
            w_b = float(battery[i])
            w_a = (1.0 - w_b) * float(area[i])
            b_launch += w_b * (1.0 - p_imp)
            b_impact += w_b * p_imp
            a_launch += w_a * (1.0 - p_imp)
            a_impact += w_a * p_imp
        battery_odds = (counts.battery_launch + b_launch) / (counts.battery_impact + b_impact)
        area_odds = ((counts.area_launch + a_launch) / (counts.area_impact + a_impact) if np.isfinite(contexts.impact_area)
                     else contexts.impact_area)
        updated = ContextOdds(battery=float(battery_odds), impact_area=float(area_odds))
        done = (abs(np.log(updated.battery / used.battery)) < tolerance
                and (not np.isfinite(area_odds) or abs(np.log(updated.impact_area / used.impact_area)) < tolerance))
        used = updated
        if done:
            break
    return used
