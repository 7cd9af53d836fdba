"""An unpaired event's contexts weigh its role with their odds among all events there (``PairingConfig.unpaired_context_em``,
:func:`truceline.attribute.pairing.unpaired_context_odds`): the odds learned from the pairs are the odds among events that
found a partner, and a battery's guns find theirs while the rounds landing on it (counter-battery mortar fire, quiet launches)
do not; the levels' odds of an unpaired event already hold how likely each role is to have lost its partner."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from truceline.attribute.acoustics import LevelModel, SourceLevels
from truceline.attribute.context import ContextCounts, ContextOdds, context_counts_from_pairs, context_odds_from_pairs
from truceline.attribute.pairing import PairingConfig, launch_odds_in_context, lone_event_odds, assign_unpaired_roles, unpaired_context_odds

from attribute_world import T0, lon_at_km

# A mortar run: launches 100 dB, detonations 111 dB.
MODEL = LevelModel(has_class=np.array([True, False, False]), launch_db=np.array([100.0, np.nan, np.nan]),
                   impact_db=np.array([111.0, np.nan, np.nan]), sigma_db=np.array([2.5, np.nan, np.nan]),
                   weight=np.array([0.9, 0.0, 0.0]), unmodelled_share=0.1, all_levels_db=np.linspace(95.0, 120.0, 251),
                   bandwidth_db=1.5)


def test_the_odds_among_all_events_are_a_fixed_point() -> None:
    """40 launches and 1 impact paired at batteries (prior included); ten unpaired events there whose levels say impact
    at 30 : 1. With the paired odds (40) each is a launch at 40 : 30; counted in, they pull the battery's odds down to where
    their roles and the odds agree."""
    counts = ContextCounts(battery_launch=40.0, battery_impact=1.0, area_launch=1.0, area_impact=40.0)
    contexts = ContextOdds(battery=40.0, impact_area=1.0 / 40.0)
    config = PairingConfig()
    members = np.arange(10)
    battery, area, acoustic = np.ones(10), np.zeros(10), np.full(10, 30.0)
    used = unpaired_context_odds(counts, members, battery, area, acoustic, contexts, config)
    assert used.battery < 20.0
    assert used.impact_area == pytest.approx(1.0 / 40.0)  # no unpaired event in an impact area
    # Fixed point: the events' roles under the odds give the odds back.
    odds = launch_odds_in_context(30.0, used.mixture(1.0, 0.0), config)
    p_impact = odds / (1.0 + odds)
    assert used.battery == pytest.approx((40.0 + 10 * (1.0 - p_impact)) / (1.0 + 10 * p_impact), rel=1e-5)
    # Without unpaired events the paired odds stand.
    none = unpaired_context_odds(counts, np.zeros(0, dtype=np.int64), battery, area, acoustic, contexts, config)
    assert none.battery == pytest.approx(40.0) and none.impact_area == pytest.approx(1.0 / 40.0)


def test_counts_give_the_learned_odds() -> None:
    """A battery's three paired launches (their impacts 6 km away) and an impact that landed among them: the counts'
    ratios are :func:`context_odds_from_pairs`'s odds."""
    kind = np.array(["launch", "launch", "launch", "impact", "impact", "impact", "impact", "launch"])
    partner = np.array([3, 4, 5, 0, 1, 2, 7, 6])
    time_s = T0 + np.array([0.0, 1.0, 2.0, 30.0, 31.0, 32.0, 40.0, 10.0])
    lat = np.array([48.0, 48.001, 48.002, 48.0, 48.001, 48.002, 48.003, 48.05])
    lon = np.array([lon_at_km(-2.0)] * 3 + [lon_at_km(4.0)] * 3 + [lon_at_km(-2.0), lon_at_km(3.0)])
    config = PairingConfig()
    counts = context_counts_from_pairs(kind, partner, time_s, lat, lon, config)
    odds = context_odds_from_pairs(kind, partner, time_s, lat, lon, config)
    assert counts.battery_launch / counts.battery_impact == pytest.approx(odds.battery)
    assert counts.area_launch / counts.area_impact == pytest.approx(odds.impact_area)
    assert counts.battery_impact > 1.0  # the impact on the battery counts


def _roles(em: bool) -> tuple[np.ndarray, list[str], float]:
    """Four paired launches of a mortar battery (100 dB, sure) 2 km inside UA, their impacts 5 km away; 60-120 s after the
    battery fired, three unpaired detonations (107-108 dB) land on it. The battery's paired odds are twice the
    detonations' levels' odds of an impact (so the paired odds make them launches). (p_impact, reasons, levels' odds.)"""
    n_battery = 4
    kind = np.array(["launch"] * n_battery + ["impact"] * n_battery + ["unknown"] * 3, dtype="<U7")
    partner = np.array(list(range(n_battery, 2 * n_battery)) + list(range(n_battery)) + [-1] * 3)
    time_s = T0 + np.array([0.0, 1.0, 2.0, 3.0, 25.0, 26.0, 27.0, 28.0, 60.0, 61.0, 120.0])
    lat = np.array([48.0, 48.001, 48.002, 48.003, 48.0, 48.001, 48.002, 48.003, 48.001, 48.002, 48.0015])
    lon = np.array([lon_at_km(-2.0)] * n_battery + [lon_at_km(3.0)] * n_battery + [lon_at_km(-2.0)] * 3)
    levels = SourceLevels(level_db=np.array([100.0] * n_battery + [111.0] * n_battery + [107.0, 107.5, 108.0]),
                          level_sigma_db=np.full(11, 1.0), margins_db=tuple(np.array([22.0, 20.0, 18.0, 16.0, 14.0, 12.0, 10.0]) for _ in range(11)),
                          attenuation_db_per_km=0.77, detection_snr_db=0.0)
    p_launch = np.array([1.0] * n_battery + [0.0] * n_battery + [0.0] * 3)
    p_impact = 1.0 - p_launch
    p_impact[-3:] = 0.0
    config = PairingConfig()
    sigma = np.full(11, 100.0)
    acoustic = lone_event_odds(10, [], config, levels, MODEL, np.array([8, 9, 10]), time_s=time_s, lat=lat, lon=lon, sigma_m=sigma)[1]
    paired_odds = 2.0 * acoustic
    contexts = ContextOdds(battery=paired_odds, impact_area=1.0 / 40.0)
    counts = ContextCounts(battery_launch=paired_odds, battery_impact=1.0, area_launch=1.0, area_impact=40.0) if em else None
    reason = [""] * 11
    assign_unpaired_roles(kind, partner, p_launch, p_impact, reason, time_s, lat, lon, replace(config, battery_odds=paired_odds), levels, MODEL,
                    contexts, sigma, counts=counts)
    return p_impact, reason, acoustic


def test_detonations_landing_on_a_battery_are_impacts_by_the_odds_among_all_events() -> None:
    old, _, acoustic = _roles(em=False)
    new, reason, _ = _roles(em=True)
    assert 2.0 < acoustic < 1e3  # the levels say impact, not overwhelmingly
    assert (old[-3:] < 0.5).all()  # the paired odds make them launches
    assert (new[-3:] > old[-3:] + 0.1).all()
    assert (new[-3:] > 0.5).all()
    assert "among all events, paired and unpaired" in reason[-1]


def test_off_by_default() -> None:
    assert not PairingConfig().unpaired_context_em
