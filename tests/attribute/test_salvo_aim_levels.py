"""Two launches side by side aimed kilometres apart (``PairingConfig.salvo_aim``) are not one salvo; with
``salvo_aim_levels`` the neighbour's own level says whether they are a battery engaging two targets (launch levels: its
support stays) or two detonations chance-paired as "launches" (impact levels: the aim's veto stands)."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.acoustics import LevelModel, SourceLevels, launch_level_share
from truceline.attribute.context import ContextOdds
from truceline.attribute.pairing import PairingConfig, _context_roles

from attribute_world import T0, lon_at_km

# A mortar run: launches 100 dB, detonations 111 dB.
MODEL = LevelModel(has_class=np.array([True, False, False]), launch_db=np.array([100.0, np.nan, np.nan]),
                   impact_db=np.array([111.0, np.nan, np.nan]), sigma_db=np.array([2.5, np.nan, np.nan]),
                   weight=np.array([0.9, 0.0, 0.0]), unmodelled_share=0.1, all_levels_db=np.linspace(95.0, 120.0, 251),
                   bandwidth_db=1.5)


def test_launch_level_share() -> None:
    assert launch_level_share(MODEL, 100.0, 1.0) > 0.99
    assert launch_level_share(MODEL, 111.0, 1.0) < 0.01
    assert launch_level_share(MODEL, 105.5, 0.0) == pytest.approx(0.5, abs=1e-9)
    assert np.isnan(launch_level_share(MODEL, float("nan"), 1.0))
    assert np.isnan(launch_level_share(None, 100.0, 1.0))


def _p_launch(neighbour_db: float, config: PairingConfig) -> float:
    """Event 0 (100 dB, 2 km behind the line) chance-paired (chance weight 0.62) as the launch of 1, 5 km across the line
    25 s later; event 2, 300 m from 0 and 8 s after it, a launch paired with 3, which landed 4 km from 1 (aimed apart).
    Battery odds 33 : 1. p_launch of event 0."""
    kind = np.array(["launch", "impact", "launch", "impact"])
    partner = np.array([1, 0, 3, 2])
    alternative = np.zeros(4, dtype=np.int8)
    alternative_weight = np.array([0.0, 0.15, 0.0, 0.15])
    chance_weight = np.array([0.62, 0.15, 0.62, 0.15])
    km = 1 / 111.2
    time_s = T0 + np.array([0.0, 25.0, 8.0, 34.0])
    lat = np.array([48.0, 48.0, 48.0 + 0.3 * km, 48.0 + 4.0 * km])
    lon = np.array([lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(-2.0), lon_at_km(3.0)])
    levels = SourceLevels(level_db=np.array([100.0, 111.0, neighbour_db, 111.0]), level_sigma_db=np.full(4, 1.0),
                          margins_db=tuple(np.array([30.0, 24.0, 12.0, 9.0, 5.0, 1.0]) for _ in range(4)),
                          attenuation_db_per_km=0.77, detection_snr_db=0.0)
    contexts = ContextOdds(battery=33.0, impact_area=1.0 / 40.0)
    sigma = np.full(4, 150.0)
    p_launch, p_impact = None, None
    for _ in range(config.context_rounds):
        p_launch, p_impact = _context_roles(kind, partner, alternative, alternative_weight, chance_weight, time_s, lat, lon, config,
                                            levels, MODEL, contexts, sigma, p_launch, p_impact)
    assert p_launch is not None
    return float(p_launch[0])


def test_a_neighbour_at_a_launch_level_aimed_apart_keeps_its_support() -> None:
    base = PairingConfig(battery_levels=False)
    plain = _p_launch(100.0, base)
    aim = _p_launch(100.0, PairingConfig(battery_levels=False, salvo_aim=True))
    with_levels = _p_launch(100.0, PairingConfig(battery_levels=False, salvo_aim=True, salvo_aim_levels=True))
    # The aim alone takes the battery away (aimed 4 km apart at 5 km range) ...
    assert aim < plain - 0.05
    # ... the neighbour's launch level (100 dB, a mortar's launch) gives it back.
    assert with_levels == pytest.approx(plain, abs=0.01)


def test_a_neighbour_at_a_detonation_level_aimed_apart_is_no_battery() -> None:
    plain = _p_launch(111.0, PairingConfig(battery_levels=False))
    aim = _p_launch(111.0, PairingConfig(battery_levels=False, salvo_aim=True))
    with_levels = _p_launch(111.0, PairingConfig(battery_levels=False, salvo_aim=True, salvo_aim_levels=True))
    assert aim < plain - 0.05
    assert with_levels == pytest.approx(aim, abs=0.01)


def test_off_by_default() -> None:
    assert not PairingConfig().salvo_aim_levels
