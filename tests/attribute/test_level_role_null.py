"""Session 24 (attrib24): both ends' levels (``PairingConfig.level_role_null``, off by default).

Issue #4's crossfire: a mortar bomb that lands where the other side's mortar fires back is paired as the "launch" of an
impact across the line. The pair's level veto weighs each level against a random level of the run; a 106-108 dB
"launch", rare among a run of 115-120 dB guns and rockets, pays little though it is the mortar's bomb level. With the
option each level is weighed against the larger of a random level and its fit to the class's other role, in the classes
whose two roles differ (a mortar's launch and bomb; not a gun's launch and shell, equally loud).
"""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.acoustics import LevelModel, _normal, pair_level_penalty
from truceline.attribute.pairing import PairingConfig

# Mortar launch 100, bomb 111 dB; guns' launch 116, shell 116.5 dB; the run's levels mostly guns' (115-120 dB).
MODEL = LevelModel(has_class=np.array([True, True, False]), launch_db=np.array([100.0, 116.0, np.nan]),
                   impact_db=np.array([111.0, 116.5, np.nan]), sigma_db=np.array([2.0, 2.5, np.nan]),
                   weight=np.array([0.1, 0.8, 0.0]), unmodelled_share=0.1,
                   all_levels_db=np.concatenate([np.linspace(113.0, 121.0, 300), np.linspace(97.0, 112.0, 40)]), bandwidth_db=1.5)


def _penalty(launch_db: float, impact_db: float, role_null: bool) -> np.ndarray:
    sigma = np.array([1.5])
    return pair_level_penalty(MODEL, np.array([launch_db]), sigma, np.array([impact_db]), sigma, role_null=role_null)[0]


def test_a_mortar_launch_at_its_bombs_level_pays_for_it() -> None:
    plain, role = _penalty(108.0, 109.0, False), _penalty(108.0, 109.0, True)
    assert role[0] > plain[0] + 2.0  # the mortar reading: its "launch" fits the bomb's level better than a random level
    # By hand: the launch level against the larger of the run's density and the bomb's fit; the impact level fits its role.
    s = np.hypot(2.0, 1.5)
    fit_a, other_a = _normal(108.0, 100.0, s), _normal(108.0, 111.0, s)
    null_a = MODEL.density_any(np.array([108.0]))[0]
    assert other_a > null_a
    expected_a = max(0.0, -2.0 * np.log(fit_a / max(null_a, other_a)))
    fit_b, other_b = _normal(109.0, 111.0, s), _normal(109.0, 100.0, s)
    null_b = MODEL.density_any(np.array([109.0]))[0]
    expected_b = max(0.0, -2.0 * np.log(fit_b / max(null_b, other_b)))
    assert role[0] == pytest.approx(expected_a + expected_b)
    # The gun reading pays what it did: its launch and shell are equally loud (0.5 dB apart, within twice its spread).
    assert role[1] == pytest.approx(plain[1])


def test_a_true_mortar_pair_pays_nothing_more() -> None:
    assert _penalty(100.0, 111.0, True)[0] == pytest.approx(_penalty(100.0, 111.0, False)[0])
    assert _penalty(100.0, 111.0, True)[0] < 0.5


def test_off_by_default() -> None:
    assert PairingConfig().level_role_null is False
