"""Session 26 (wrong26): the impact end's level weighed against its class's launch level too
(``PairingConfig.level_role_null_impact``, on by default; :mod:`truceline.attribute.impact_role`).

Issue #4's crossfire: a mortar bomb (106-113 dB) read as the "launch" of a quiet launch event (94-102 dB) that fired back
20-30 s later. Against a random level of a run of loud guns the quiet "impact" pays little; against the mortar's own
launch level it is plainly that launch.
"""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.acoustics import LevelModel, SourceLevels, _normal, pair_level_penalty
from truceline.attribute.candidates import with_levels
from truceline.attribute.impact_role import distinct_roles, impact_role_extra
from truceline.attribute.pairing import PairingConfig

# Mortar launch 100, bomb 111 dB; guns' launch 116, shell 116.5 dB; the run's levels mostly guns' (113-121 dB).
MODEL = LevelModel(has_class=np.array([True, True, False]), launch_db=np.array([100.0, 116.0, np.nan]),
                   impact_db=np.array([111.0, 116.5, np.nan]), sigma_db=np.array([2.0, 2.5, np.nan]),
                   weight=np.array([0.1, 0.8, 0.0]), unmodelled_share=0.1,
                   all_levels_db=np.concatenate([np.linspace(113.0, 121.0, 300), np.linspace(97.0, 112.0, 40)]), bandwidth_db=1.5)


def test_only_classes_whose_roles_differ() -> None:
    assert distinct_roles(MODEL).tolist() == [True, False, False]


def test_an_impact_at_the_mortars_launch_level_pays_more_by_hand() -> None:
    sigma = 1.5
    extra = impact_role_extra(MODEL, np.array([100.5]), np.array([sigma]))[0]
    s = np.hypot(2.0, sigma)
    fit, other = _normal(100.5, 111.0, s), _normal(100.5, 100.0, s)
    null = MODEL.density_any(np.array([100.5]))[0]
    assert other > null  # the launch level explains 100.5 dB far better than a random level of the run
    plain = max(0.0, -2.0 * np.log(fit / null))
    weighed = max(0.0, -2.0 * np.log(fit / max(null, other)))
    assert extra[0] == pytest.approx(weighed - plain)
    assert extra[0] > 3.0
    # The gun's launch and shell are equally loud: its reading pays what it did; the unlearned class nothing.
    assert extra[1] == 0.0 and extra[2] == 0.0


def test_a_true_bomb_and_unknown_levels_pay_nothing_more() -> None:
    extra = impact_role_extra(MODEL, np.array([111.0, np.nan]), np.array([1.5, 1.5]))
    assert np.all(extra == 0.0)
    assert impact_role_extra(None, np.array([100.0]), np.array([1.5])).shape == (1, 0)


def test_the_launch_end_is_left_as_the_plain_veto() -> None:
    """Added to the plain veto, the extra gives session 24's both-ends penalty with the launch end's other role left out."""
    sigma = np.array([1.5])
    launch, impact = np.array([100.0]), np.array([101.0])
    plain = pair_level_penalty(MODEL, launch, sigma, impact, sigma)[0]
    total = plain + impact_role_extra(MODEL, impact, sigma)[0]
    both = pair_level_penalty(MODEL, launch, sigma, impact, sigma, role_null=True)[0]
    # A launch at the launch level: the launch end pays nothing either way, so both-ends and impact-only agree.
    assert total[0] == pytest.approx(both[0])
    # A bomb-level "launch" with a bomb-level "impact": the launch end's other role is not weighed here.
    launch2, impact2 = np.array([108.0]), np.array([110.0])
    plain2 = pair_level_penalty(MODEL, launch2, sigma, impact2, sigma)[0]
    assert plain2[0] + impact_role_extra(MODEL, impact2, sigma)[0][0] == pytest.approx(plain2[0])
    assert pair_level_penalty(MODEL, launch2, sigma, impact2, sigma, role_null=True)[0][0] > plain2[0]


def _candidates(impact_db: float, config: PairingConfig) -> tuple[np.ndarray, np.ndarray]:
    """One mortar-like candidate (event 0 -> event 1) with the given impact level; its cost and class costs after the veto."""
    levels = SourceLevels(level_db=np.array([106.0, impact_db]), level_sigma_db=np.array([1.5, 1.5]),
                          margins_db=(np.zeros(0), np.zeros(0)), attenuation_db_per_km=0.0, detection_snr_db=float("nan"))
    heads, tails = np.array([0]), np.array([1])
    class_costs = np.array([[0.2, 3.0, np.inf]])
    cost = class_costs.min(axis=1) + 0.1  # 0.1: the crossing's share
    _, _, out_cost, out_class = with_levels((heads, tails, cost, class_costs), levels, MODEL, config)
    return out_cost, out_class


def test_the_crossfire_pair_is_dearer_in_the_candidates_and_the_option_turns_it_off() -> None:
    # A 104 dB "impact" of a 106 dB "launch": nearer the mortar's launch (100) than its bomb (111).
    on_cost, on_class = _candidates(104.0, PairingConfig())
    off_cost, off_class = _candidates(104.0, PairingConfig(level_role_null_impact=False))
    assert on_cost.size == off_cost.size == 1
    extra = impact_role_extra(MODEL, np.array([104.0]), np.array([1.5]))[0, 0]
    assert extra > 3.0
    assert on_class[0, 0] == pytest.approx(off_class[0, 0] + extra)  # the mortar reading pays for its launch-level "impact"
    assert on_class[0, 1] == pytest.approx(off_class[0, 1])  # the gun reading as before
    assert on_cost[0] == pytest.approx(off_cost[0] + extra)
    # At 103 dB the pair is no longer worth making (dearer than leaving both events unpaired); without the option it was.
    assert _candidates(103.0, PairingConfig())[0].size == 0
    assert _candidates(103.0, PairingConfig(level_role_null_impact=False))[0].size == 1
    # A bomb-level impact: the same cost either way.
    on2, _ = _candidates(111.0, PairingConfig())
    off2, _ = _candidates(111.0, PairingConfig(level_role_null_impact=False))
    assert on2[0] == pytest.approx(off2[0])
    # With both ends on (session 24's option) the impact-only step is not added twice.
    both, _ = _candidates(105.0, PairingConfig(level_role_null=True))
    both_only, _ = _candidates(105.0, PairingConfig(level_role_null=True, level_role_null_impact=False))
    assert both.size == 1 and both[0] == pytest.approx(both_only[0])


def test_on_by_default() -> None:
    assert PairingConfig().level_role_null_impact is True
    assert PairingConfig().level_role_null is False
