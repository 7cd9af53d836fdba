"""An impact that landed by a battery (counter-battery fire), chance-paired as the "launch" of a far impact: the battery
supports it only as far as its level allows it to be another launch of the battery's weapon. A battery's guns share
calibre and charge; a detonation 15 dB louder than the battery's launches is not one of them."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import LevelModel, SourceLevels, same_weapon_factor
from truceline.attribute.context import ContextOdds
from truceline.attribute.pairing import PairingConfig, _context_roles

from attribute_world import T0, lon_at_km

MODEL = LevelModel(has_class=np.array([False, True, True]), launch_db=np.array([np.nan, 117.2, 117.3]),
                   impact_db=np.array([np.nan, 117.3, 117.3]), sigma_db=np.array([np.nan, 2.6, 2.5]),
                   weight=np.array([0.0, 0.477, 0.423]), unmodelled_share=0.1, all_levels_db=np.linspace(95.0, 125.0, 301),
                   bandwidth_db=1.5)


def _roles(level_of_event: float, config: PairingConfig) -> tuple[np.ndarray, np.ndarray]:
    """Event 0 (level ``level_of_event``) 1.4 km behind the line, paired (a chance pair: no alternative, chance weight 0.62,
    as a pair cost of 4.2 among two swapping candidates gives) as the launch of 1, 6 km across the line 30 s later;
    1.5 km from it a sure launch of a mortar battery (2, 98 dB, a clear pair with 3) fired 4 s later. The battery's learned
    odds are 33 : 1."""
    kind = np.array(["launch", "impact", "launch", "impact"])
    partner = np.array([1, 0, 3, 2])
    alternative = np.zeros(4, dtype=np.int8)
    alternative_weight = np.array([0.0, 0.15, 0.001, 0.001])
    chance_weight = np.array([0.62, 0.15, 0.001, 0.001])
    time_s = T0 + np.array([0.0, 30.2, 4.0, 30.0])
    lat = np.array([48.0, 48.0, 48.0135, 48.02])
    lon = np.array([lon_at_km(-1.4), lon_at_km(4.8), lon_at_km(-1.4), lon_at_km(4.6)])
    levels = SourceLevels(level_db=np.array([level_of_event, 110.2, 98.1, 111.0]), level_sigma_db=np.full(4, 1.5),
                          margins_db=tuple(np.array([33.0, 24.0, 12.0, 9.0, 5.0, 1.0]) for _ in range(4)),
                          attenuation_db_per_km=0.77, detection_snr_db=0.0)
    contexts = ContextOdds(battery=32.6, impact_area=1.0 / 75.0)
    sigma = np.array([320.0, 55.0, 355.0, 60.0])
    p_launch, p_impact = None, None
    for _ in range(config.context_rounds):
        p_launch, p_impact = _context_roles(kind, partner, alternative, alternative_weight, chance_weight, time_s, lat, lon, config,
                                            levels, MODEL, contexts, sigma, p_launch, p_impact)
    assert p_launch is not None and p_impact is not None
    return p_launch, p_impact


def test_a_detonation_by_a_battery_is_not_made_a_sure_launch_by_it() -> None:
    """At 113 dB by a 98 dB battery the chance pair stays a launch only as much as its own evidence says (below 0.8);
    before, the battery's odds made it 0.98."""
    old_launch, _ = _roles(112.8, PairingConfig(battery_levels=False))
    new_launch, new_impact = _roles(112.8, PairingConfig())
    assert old_launch[0] > 0.95
    assert new_launch[0] < 0.8 and new_impact[0] > 0.2
    # The battery's own launch keeps its role.
    assert new_launch[2] > 0.99


def test_another_gun_of_the_battery_keeps_its_support() -> None:
    """At the battery's level (99 dB against 98 dB) the event may be another of its guns: the battery supports it as before."""
    old_launch, _ = _roles(99.0, PairingConfig(battery_levels=False))
    new_launch, _ = _roles(99.0, PairingConfig())
    np.testing.assert_allclose(new_launch, old_launch, atol=1e-9)
    assert new_launch[0] > 0.9


def test_same_weapon_factor_is_a_veto() -> None:
    """Levels that agree never reward (1); far apart they veto; unknown levels say nothing."""
    factor = same_weapon_factor(MODEL, 100.0, 1.5, np.array([100.0, 101.5, 115.0, np.nan]), np.full(4, 1.5))
    assert factor[0] == 1.0 and factor[1] == 1.0 and factor[3] == 1.0
    assert factor[2] < 0.1
    assert (same_weapon_factor(None, 100.0, 1.5, np.array([130.0]), np.array([1.5])) == 1.0).all()
    assert (same_weapon_factor(MODEL, float("nan"), 1.5, np.array([130.0]), np.array([1.5])) == 1.0).all()
