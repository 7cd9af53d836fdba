"""Session 17, mortar17: a weapon class the run's pairs are too few to learn keeps physics' levels (``prior_classes``).

On violation seed 8 (fused) the learned level model has no mortar class and its guns' and launchers' launch and impact
levels are about equal (117.5 / 117.4 dB), so a mortar bomb's 113 dB detonation is as much a "launch" as an "impact" by
its level. Physics knows the classes' sounds only relative to one another (the sensors' and sites' calibration is the
run's): a mortar bomb carries a tenth of a shell's explosive (cube-root scaling: about 6 dB quieter), and its launch is
far quieter than its detonation. Anchored on the learned classes, the kept class makes a level typical of a mortar impact,
far below any learned launch level, count for "impact" in the role of an event without a partner."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import LevelModel, fit_level_model, prior_class_levels, unpaired_impact_odds, unpaired_probability
from truceline.attribute.physics import ENVELOPES, impact_level_offset_db

MORTAR, GUN, ROCKET = ENVELOPES


def test_a_mortar_bombs_detonation_is_quieter_than_a_shells_by_the_cube_root_of_their_fills() -> None:
    offset, sigma = impact_level_offset_db(MORTAR, GUN)
    # Fills 0.3-2.5 kg against 3.5-11 kg: (20/3) log10 of the ratio lies between -10.0 and -1.1 dB.
    assert -10.0 < offset < -1.1 and 1.0 < sigma < 3.0
    back, back_sigma = impact_level_offset_db(GUN, MORTAR)
    assert back == -offset and back_sigma == sigma
    assert impact_level_offset_db(ROCKET, GUN)[0] > 0.0  # a heavy rocket's warhead is louder than a shell
    unknown = type(MORTAR)(name="x", rule_name="x", min_range_m=1.0, max_range_m=2.0, min_elevation_deg=10.0, max_elevation_deg=20.0,
                           drag_factor=1.0, min_calibre_mm=1.0, max_calibre_mm=2.0, min_depth_m=0.0, max_depth_m=1.0)
    assert np.isnan(impact_level_offset_db(unknown, GUN)[0])


def test_the_kept_class_is_anchored_on_the_learned_ones() -> None:
    has = np.array([False, True, False])
    launch, impact, launch_sigma, impact_sigma = prior_class_levels(has, np.array([np.nan, 117.4, np.nan]), np.array([np.nan, 2.3, np.nan]),
                                                                    np.array([0.0, 0.9, 0.0])) or (None,) * 4
    assert launch is not None and impact is not None and launch_sigma is not None and impact_sigma is not None
    offset, offset_sigma = impact_level_offset_db(MORTAR, GUN)
    assert abs(impact[0] - (117.4 + offset)) < 1e-9 and abs(impact_sigma[0] - np.hypot(2.3, offset_sigma)) < 1e-9
    assert abs(launch[0] - (impact[0] - MORTAR.impact_minus_launch_db)) < 1e-9 and launch_sigma[0] > impact_sigma[0]
    # Learned classes stay the learned model's; the rocket class, unlearned too, is kept from the gun's levels.
    assert np.isnan(impact[1]) and np.isfinite(impact[2]) and impact[2] > 117.4
    assert prior_class_levels(np.zeros(3, dtype=bool), np.full(3, np.nan), np.full(3, np.nan), np.zeros(3)) is None


def _guns_only(rng: np.random.Generator, **kwargs: object) -> LevelModel | None:
    """A run whose 40 sure pairs are all guns' (117.5 dB both), plus 30 unpaired mortar detonations (about 112 dB)."""
    pairs = np.column_stack([117.5 + rng.normal(0, 2.0, 40), 117.4 + rng.normal(0, 2.0, 40)]).ravel()
    level = np.concatenate([pairs, 112.0 + rng.normal(0, 1.5, 30)])
    classes = np.tile([0.1, 0.9, 0.0], (40, 1))
    return fit_level_model(level, np.arange(0, 80, 2), np.arange(1, 80, 2), np.ones(40, dtype=bool), classes, **kwargs)  # type: ignore[arg-type]


def test_a_mortar_impacts_level_counts_for_impact_only_with_the_kept_class() -> None:
    rng = np.random.default_rng(17)
    bare, kept = _guns_only(rng), _guns_only(np.random.default_rng(17), prior_classes=True, prior_min_weight=0.3)
    assert bare is not None and kept is not None
    assert not bare.has_class[0] and bare.prior_weight is None  # off: as before
    assert kept.prior_weight is not None and kept.prior_impact_db is not None and kept.prior_launch_db is not None
    assert kept.prior_weight[0] == 0.3 and not kept.has_class[0]
    margins = np.array([8.0, 6.0, 5.0, 3.0, 2.0])  # five stations heard it, none by a wide margin
    kwargs = dict(min_stations=4, silent_launch_share=0.1, partner_elsewhere=0.05)
    # A 112.5 dB event: a gun's launch or impact alike by the learned classes; a mortar bomb's detonation by the kept one.
    before = unpaired_impact_odds(bare, 112.5, 1.5, margins, **kwargs)  # type: ignore[arg-type]
    after = unpaired_impact_odds(kept, 112.5, 1.5, margins, **kwargs)  # type: ignore[arg-type]
    assert after > 1.5 * before
    # A quiet 96 dB event, a mortar's launch by physics (its detonation would be heard): counts for launch.
    quiet_before = unpaired_impact_odds(bare, 96.0, 1.5, margins, **kwargs)  # type: ignore[arg-type]
    quiet_after = unpaired_impact_odds(kept, 96.0, 1.5, margins, **kwargs)  # type: ignore[arg-type]
    assert quiet_after < quiet_before
    # The gun's own levels are untouched.
    assert np.allclose(kept.launch_db[1:], bare.launch_db[1:], equal_nan=True)


def test_the_kept_class_counts_as_modelled_in_the_unpaired_probability() -> None:
    """A loud mortar detonation's quiet launch is seldom located: with the kept class its partner's absence is explained."""
    bare, kept = _guns_only(np.random.default_rng(17)), _guns_only(np.random.default_rng(17), prior_classes=True, prior_min_weight=0.3)
    assert bare is not None and kept is not None
    margins = (np.array([8.0, 6.0, 5.0, 3.0, 2.0]),)
    kwargs = dict(min_stations=4, silent_launch_share=0.1, partner_elsewhere=0.05)
    p_bare, share_bare = unpaired_probability(bare, np.array([112.5]), np.array([1.5]), margins, **kwargs)  # type: ignore[arg-type]
    p_kept, share_kept = unpaired_probability(kept, np.array([112.5]), np.array([1.5]), margins, **kwargs)  # type: ignore[arg-type]
    assert share_kept[0] > share_bare[0]  # the level is more a modelled class's
    assert p_kept[0] > p_bare[0]  # and its partner more likely unheard (a mortar launch 15 dB quieter)
