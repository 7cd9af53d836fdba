"""A battery's salvo is aimed at one target (``PairingConfig.salvo_aim``, :func:`truceline.attribute.pairing.salvo_aim_factor`):
two "launches" side by side whose impacts landed kilometres apart are no battery for each other."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig, pair_events, salvo_aim_factor

from attribute_world import lon_at_km


def _two_launches(impacts_apart_km: float, salvo_aim: bool) -> tuple[float, float]:
    """Two launches 1 s and 200 m apart 2 km on UA's side; their impacts 10 s later 3 km on RU's side, the second
    ``impacts_apart_km`` north of the first (5 km and more from the launches, a short time of flight: the second pair is
    no sure fit, its launch's battery context counts). (p_launch of both.)"""
    north = impacts_apart_km / 111.2
    time_s = np.array([0.0, 1.0, 10.0, 11.0])
    lat = np.array([48.0, 48.0018, 48.0, 48.0 + north])
    lon = np.array([lon_at_km(-2.0), lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(3.0)])
    line = np.array([-2_000.0, -2_000.0, 3_000.0, 3_000.0])
    side = np.array(["UA", "UA", "RU", "RU"])
    result = pair_events(time_s, lat, lon, np.full(4, 0.2), np.full(4, 150.0), side, np.ones(4), line_distance_m=line,
                         config=PairingConfig(salvo_aim=salvo_aim))
    assert list(result.kind) == ["launch", "launch", "impact", "impact"]
    return float(result.p_launch[0]), float(result.p_launch[1])


def test_launches_side_by_side_aimed_kilometres_apart_do_not_make_each_other_a_battery() -> None:
    together_off, together_on = _two_launches(0.2, False), _two_launches(0.2, True)
    apart_off, apart_on = _two_launches(4.0, False), _two_launches(4.0, True)
    # One salvo on one target: unchanged.
    assert together_on == pytest.approx(together_off, abs=1e-9)
    # Aimed 4 km apart at 5-6 km range: the first launch loses the second as its battery (0.997 -> 0.974), the second's
    # pair is sure without it.
    assert apart_on[0] < apart_off[0] - 0.015
    assert apart_on[1] == pytest.approx(apart_off[1], abs=1e-6)
    # Off, where the impacts landed does not matter.
    assert apart_off[0] == pytest.approx(together_off[0], abs=0.02)


def test_salvo_aim_factor() -> None:
    """Launch 0 with impact 2 (5 km away); launches 1, 3 beside it with impacts 4 and 5: 0.2 km and 3 km from impact 2;
    launch 6 fired 100 s later (another mission), its impact 7 3 km away: outside the salvo window, no veto."""
    time_s = np.array([0.0, 2.0, 30.0, 3.0, 31.0, 32.0, 100.0, 130.0])
    km = 1 / 111.2
    lat = np.array([48.0, 48.001, 48.0, 48.002, 48.0 + 0.2 * km, 48.0 + 3 * km, 48.0, 48.0 + 3 * km])
    lon = np.array([lon_at_km(-2.0), lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(3.0),
                    lon_at_km(-2.0), lon_at_km(3.0)])
    partner = np.array([2, 4, 0, 5, 1, 3, 7, 6])
    factor = salvo_aim_factor(0, np.array([1, 3, 6]), partner, time_s, lat, lon, PairingConfig(salvo_aim=True), np.full(8, 100.0))
    assert factor[0] == 1.0  # 0.2 km apart at 5 km range: one salvo
    assert factor[1] < 1e-3  # 3 km apart: sigma about 0.28 km, LR about e^-55
    assert factor[2] == 1.0  # 100 s later: not this salvo


def test_a_neighbour_aimed_with_a_salvo_of_its_own_is_not_vetoed() -> None:
    """Launch 0 (impact 2) mispaired: launches 1 and 3 beside it aim together at impacts 4 and 5, 3 km from impact 2.
    Each has the other as its salvo: no veto for launch 0's battery (it may be their salvo's round, mispaired)."""
    km = 1 / 111.2
    time_s = np.array([0.0, 1.0, 30.0, 2.0, 31.0, 32.0])
    lat = np.array([48.0, 48.001, 48.0, 48.002, 48.0 + 3 * km, 48.0 + 3.1 * km])
    lon = np.array([lon_at_km(-2.0), lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(3.0)])
    partner = np.array([2, 4, 0, 5, 1, 3])
    factor = salvo_aim_factor(0, np.array([1, 3]), partner, time_s, lat, lon, PairingConfig(salvo_aim=True), np.full(6, 100.0))
    assert list(factor) == [1.0, 1.0]
    # Without launch 3, launch 1 is alone with launch 0 and aimed 3 km away: vetoed.
    assert salvo_aim_factor(0, np.array([1]), partner, time_s, lat, lon, PairingConfig(salvo_aim=True), np.full(6, 100.0))[0] < 1e-3
