"""Session 24 (attrib24): one salvo is one weapon's rounds (``PairingConfig.volley_same_weapon``, on by default).

Violation seed 8, fused: two mortar bombs (111 and 113 dB) land 0.5 s and 110 m apart; the first is chance-paired as the
"launch" of an impact 6 km away, the second is unpaired. A true mortar launch (98 dB) 3 s later and 1.5 km away, located
from 4 picks, is linked to them by its location's error: the volley then holds two paired launches and is left to the
volley alternative, which its sure launch makes dear. With the option the 98 dB launch is no round of the bombs' salvo
(:func:`truceline.attribute.acoustics.same_weapon_factor`), and the bombs' salvo of one paired round and one unpaired mate
shares one role (:mod:`truceline.attribute.shared_role`).
"""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.acoustics import SourceLevels, same_weapon_factor
from truceline.attribute.pairing import PairingConfig
from truceline.attribute.shared_role import salvo_shared_roles
from truceline.attribute.volley import volley_groups

from attribute_world import LOUD, T0, lon_at_km, mortar_and_gun_levels

KM = 1 / 111.2
MODEL = mortar_and_gun_levels()
OFF = PairingConfig(volley_same_weapon=False)
ON = PairingConfig(volley_same_weapon=True)


def _world(third_db: float = 98.0):
    """Events 0 (113 dB) and 1 (111 dB) within 0.5 s and 110 m, 1.2 km inside UA; event 2 (``third_db``) 3 s later and
    1.5 km away with a 1 km location error (linked to them by it); event 3 the impact of 0 (6 km away, 30 s later);
    event 4 the impact of 2."""
    time_s = T0 + np.array([0.0, 0.5, 3.3, 30.2, 38.5])
    lat = np.array([48.0, 48.0 + 0.11 * KM, 48.0 + 1.5 * KM, 48.0, 48.0 + 0.5 * KM])
    lon = np.array([lon_at_km(-1.2), lon_at_km(-1.2), lon_at_km(-1.2), lon_at_km(5.0), lon_at_km(4.3)])
    sigma_m = np.array([150.0, 150.0, 1000.0, 150.0, 150.0])
    levels = SourceLevels(level_db=np.array([113.0, 111.0, third_db, 110.0, 109.0]), level_sigma_db=np.full(5, 1.5),
                          margins_db=tuple(LOUD for _ in range(5)), attenuation_db_per_km=0.5, detection_snr_db=10.0)
    return time_s, lat, lon, sigma_m, levels


def test_a_launch_at_another_weapons_level_is_no_round_of_the_salvo() -> None:
    time_s, lat, lon, sigma_m, levels = _world()
    # The two levels as one weapon's rounds against two levels of the run at random: 15 dB apart is no salvo's.
    assert same_weapon_factor(MODEL, 113.0, 1.5, np.array([98.0]), np.array([1.5]))[0] < ON.volley_same_weapon_min
    assert same_weapon_factor(MODEL, 113.0, 1.5, np.array([111.0]), np.array([1.5]))[0] == pytest.approx(1.0)
    off = volley_groups(time_s, lat, lon, OFF, sigma_m, levels, MODEL)
    assert off[0] == off[1] == off[2] >= 0  # the location's error links the third event
    on = volley_groups(time_s, lat, lon, ON, sigma_m, levels, MODEL)
    assert on[0] == on[1] >= 0 and on[2] == -1
    # Without levels (or without a model) the option links by time and place alone.
    assert list(volley_groups(time_s, lat, lon, ON, sigma_m)) == list(off)
    assert list(volley_groups(time_s, lat, lon, ON, sigma_m, levels, None)) == list(off)


def test_an_unknown_level_links_as_before() -> None:
    time_s, lat, lon, sigma_m, levels = _world(third_db=float("nan"))
    on = volley_groups(time_s, lat, lon, ON, sigma_m, levels, MODEL)
    assert on[0] == on[1] == on[2] >= 0


def test_the_bombs_salvo_then_shares_one_role() -> None:
    time_s, lat, lon, sigma_m, levels = _world()
    kind = np.array(["launch", "launch", "launch", "impact", "impact"], dtype="<U7")
    partner = np.array([3, -1, 4, 0, 2], dtype=np.int64)
    p_launch0 = np.array([0.7, 0.83, 0.96, 0.12, 0.1])

    def run(config: PairingConfig):
        p_launch, p_impact, k = p_launch0.copy(), 1.0 - p_launch0, kind.copy()
        reason = [""] * k.size
        salvo_shared_roles(k, partner, p_launch, p_impact, time_s, lat, lon, config, levels, MODEL, sigma_m, reason)
        return k, p_launch, reason

    # Off: the volley holds two paired launches (0 and 2) and is left alone.
    k, p_launch, reason = run(OFF)
    assert list(p_launch) == pytest.approx(list(p_launch0)) and all(r == "" for r in reason)
    # On: the bombs' salvo (0 paired, 1 unpaired at a mortar bomb's level) is judged as one and falls to impact; the
    # mortar launch 2 and the impacts keep their roles.
    k, p_launch, reason = run(ON)
    assert p_launch[0] < 0.5 and p_launch[1] == pytest.approx(p_launch[0]) and k[1] == "impact"
    assert "the salvo shares one role" in reason[0]
    assert p_launch[2] == pytest.approx(0.96) and reason[2] == ""


def test_on_by_default() -> None:
    assert PairingConfig().volley_same_weapon is True
