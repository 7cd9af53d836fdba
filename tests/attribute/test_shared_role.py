"""Session 23 (attrib23): a salvo's rounds share one role (``PairingConfig.volley_shared_role``, on by default).

Issue #4's mortar impacts read as launches: three bombs of one salvo land within seconds and a few hundred metres; one is
chance-paired as the "launch" of an impact across the line, the other two stay unpaired and follow it as launches by their
battery context however loudly their levels say impact. With the option the salvo is judged as one: the paired round's
launch odds times the unpaired rounds' levels' likelihood ratio (:func:`truceline.attribute.shared_role.salvo_shared_roles`).
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from truceline.attribute.acoustics import SourceLevels, unpaired_impact_odds
from truceline.attribute.pairing import PairingConfig
from truceline.attribute.shared_role import salvo_shared_roles

from attribute_world import LOUD, T0, lon_at_km, mortar_and_gun_levels

KM = 1 / 111.2
# A mortar class learned from the run (launch 100 dB, impact 111 dB) and guns whose launch and shell are equally loud.
MODEL = mortar_and_gun_levels()
ON = PairingConfig(volley_shared_role=True, volley_shared_role_levels_only=True, volley_shared_role_no_silent=False)


def _salvo(mate_db: tuple[float, float], *, p_head: float = 0.85, paired_impact: bool = False):
    """Event 0 (112 dB, 1.2 km inside UA) paired as the launch of event 3 (RU's side, 35 s later) with ``p_head``; events
    1 and 2 unpaired within 1.5 s and 150 m of it at ``mate_db``; ``paired_impact``: event 1 is paired too, as the impact
    of event 4 (a volley with a paired impact is left alone)."""
    time_s = T0 + np.array([0.0, 0.8, 1.5, 35.0, -30.0])
    lat = np.array([48.0, 48.0 + 0.1 * KM, 48.0 + 0.12 * KM, 48.0, 48.0])
    lon = np.array([lon_at_km(-1.2), lon_at_km(-1.2), lon_at_km(-1.25), lon_at_km(25.0), lon_at_km(-6.0)])
    kind = np.array(["launch", "launch", "launch", "impact", "unknown"], dtype="<U7")
    partner = np.array([3, -1, -1, 0, -1], dtype=np.int64)
    p_launch = np.array([p_head, 0.79, 0.79, 0.02, 0.5])
    if paired_impact:
        kind[1], kind[4] = "impact", "launch"
        partner[1], partner[4] = 4, 1
        p_launch[1], p_launch[4] = 0.1, 0.9
    levels = SourceLevels(level_db=np.array([112.0, *mate_db, 115.0, 100.0]), level_sigma_db=np.full(5, 1.5),
                          margins_db=tuple(LOUD for _ in range(5)), attenuation_db_per_km=0.5, detection_snr_db=10.0)
    return time_s, lat, lon, kind, partner, p_launch, 1.0 - p_launch, levels


def _run(world, config: PairingConfig, depth_m: np.ndarray | None = None):
    time_s, lat, lon, kind, partner, p_launch, p_impact, levels = world
    kind, p_launch, p_impact = kind.copy(), p_launch.copy(), p_impact.copy()
    reason = [""] * kind.size
    salvo_shared_roles(kind, partner, p_launch, p_impact, time_s, lat, lon, config, levels, MODEL, np.full(kind.size, 150.0), reason,
                       depth_m=depth_m)
    return kind, p_launch, p_impact, reason


def test_a_salvo_of_detonations_with_one_chance_pair_is_a_salvo_of_impacts() -> None:
    world = _salvo((110.0, 108.0))
    kind, p_launch, p_impact, reason = _run(world, ON)
    levels = world[-1]
    # By hand: the mates' levels alone as one group (partners' hearing left out), the paired round's odds divided by them.
    ratio = unpaired_impact_odds(MODEL, levels.level_db[[1, 2]], levels.level_sigma_db[[1, 2]], [LOUD, LOUD], min_stations=ON.min_stations,
                                 silent_launch_share=ON.silent_launch_share, partner_elsewhere=1.0)
    assert ratio > 20.0  # two bombs at a mortar's impact level, 8-11 dB over its launch
    odds = 0.85 / 0.15 / ratio
    assert p_launch[0] == pytest.approx(odds / (1.0 + odds))
    assert p_launch[0] < 0.25 and p_launch[0] + p_impact[0] == pytest.approx(1.0)
    # The mates share it: impacts now, where their battery context had made them launches (0.79).
    assert p_launch[1] == pytest.approx(p_launch[0]) and p_launch[2] == pytest.approx(p_launch[0])
    assert list(kind[[1, 2]]) == ["impact", "impact"] and kind[0] == "launch"
    assert "the salvo shares one role" in reason[0] and "the salvo shares one role" in reason[1]
    # The far impact and the event outside the salvo are untouched.
    assert p_launch[3] == pytest.approx(0.02) and p_launch[4] == pytest.approx(0.5) and reason[3] == reason[4] == ""


def test_a_battery_salvo_keeps_its_launches_and_lower_only_never_raises() -> None:
    # Mates at a mortar's launch level: the salvo is a battery's, the paired round surer, its mates with it.
    # The paired round's 112 dB and its mates' 99-100 dB are no one weapon's: with ``volley_same_weapon`` (session 24, on
    # by default) they are no salvo and are left alone; the shared role's arithmetic is checked without it.
    world = _salvo((100.0, 99.0), p_head=0.7)
    _, split, _, reason = _run(world, ON)
    assert split[0] == pytest.approx(0.7) and split[1] == pytest.approx(0.79) and not any(reason)
    one = replace(ON, volley_same_weapon=False)
    _, p_launch, _, _ = _run(world, one)
    assert p_launch[0] > 0.9 and p_launch[1] == pytest.approx(p_launch[0])
    _, kept, _, _ = _run(world, replace(one, volley_shared_role_lower_only=True))
    assert kept[0] == pytest.approx(0.7) and kept[1] == pytest.approx(0.7)


def test_a_volley_with_a_paired_impact_is_left_alone() -> None:
    world = _salvo((110.0, 108.0), paired_impact=True)
    _, p_launch, _, reason = _run(world, ON)
    assert np.allclose(p_launch, world[5]) and not any(reason)


def test_depth_weighs_the_mates_launch_role() -> None:
    """Gun-loud mates (116 dB: a gun's launch or its shell alike) 1.2 km behind the line, where no gun stands (2-20 km):
    with depths the levels' ratio leans to impact; 8 km back it does not."""
    world = _salvo((116.0, 116.5), p_head=0.6)
    _, plain, _, _ = _run(world, ON)
    _, near, _, _ = _run(world, replace(ON, volley_shared_role_depth=True), depth_m=np.array([1200.0, 1200.0, 1250.0, 25000.0, 6000.0]))
    _, deep, _, _ = _run(world, replace(ON, volley_shared_role_depth=True), depth_m=np.array([8000.0, 8000.0, 8050.0, 25000.0, 6000.0]))
    assert near[0] < plain[0] - 0.05
    assert deep[0] == pytest.approx(plain[0], abs=0.02)


def test_on_by_default_and_nothing_without_levels() -> None:
    config = PairingConfig()
    assert config.volley_shared_role and config.volley_shared_role_depth and config.volley_shared_role_no_silent
    assert config.volley_shared_role_reach
    assert not config.volley_shared_role_levels_only and not config.volley_shared_role_partner_found
    assert not config.volley_shared_role_lower_only
    assert not replace(config, volley_shared_role=False).volley_shared_role
    time_s, lat, lon, kind, partner, p_launch, p_impact, _ = _salvo((110.0, 108.0))
    before = p_launch.copy()
    salvo_shared_roles(kind, partner, p_launch, p_impact, time_s, lat, lon, ON, None, None, None, [""] * 5)
    assert np.array_equal(p_launch, before)


def test_partner_found_lets_a_gun_salvo_keep_its_launches() -> None:
    """Gun-loud mates (116 dB) whose partners' hearing counts: as launches their shells would have been heard, so an
    unpaired gun blast leans to impact and the salvo with it; with ``volley_shared_role_partner_found`` their shells count
    as found with the paired round's (a salvo lands together) and the launch role pays nothing for them, while a mortar
    salvo's bombs, whose quiet launches went unheard, stay impacts."""
    full = PairingConfig(volley_shared_role=True, volley_shared_role_no_silent=False)
    found = replace(full, volley_shared_role_partner_found=True)
    guns = _salvo((116.0, 116.5), p_head=0.6)
    _, lean, _, _ = _run(guns, full)
    _, kept, _, _ = _run(guns, found)
    assert lean[0] < 0.6 < kept[0]
    _, bombs, _, _ = _run(_salvo((110.0, 108.0)), found)
    assert bombs[0] < 0.5


def test_a_gun_salvo_stays_near_its_paired_round_and_a_mortar_salvo_falls() -> None:
    """The default reading: the mates' levels and partners, no silent launches (a salvo is no drone's). A gun's blast and
    its shell are equally loud and either would have been heard: the ratio is about even, and the salvo stays near the
    paired round's role (0.6 -> 0.52 here, with or without the silent share); a mortar salvo's bombs, whose quiet launches
    went unheard, are impacts."""
    default = PairingConfig()
    guns = _salvo((116.0, 116.5), p_head=0.6)
    _, even, _, _ = _run(guns, default)
    _, silent, _, _ = _run(guns, replace(default, volley_shared_role_no_silent=False))
    assert even[0] == pytest.approx(0.6, abs=0.1) and even[0] >= silent[0]
    _, bombs, _, _ = _run(_salvo((110.0, 108.0)), default)
    assert bombs[0] < 0.5


def test_reach_keeps_a_deep_salvo_from_being_a_mortar_bombs() -> None:
    """Mates at 111 dB, a mortar bomb's level, 14 km behind the line: no mortar fired from across the line (8 km at most,
    from 200 m back) lands there, so with the reach their impact role loses the mortar and the salvo stays a launch."""
    default = PairingConfig()
    deep = np.array([14000.0, 14000.0, 14050.0, 25000.0, 6000.0])
    world = _salvo((111.0, 111.5), p_head=0.7)
    _, reach, _, _ = _run(world, default, depth_m=deep)
    _, without, _, _ = _run(world, replace(default, volley_shared_role_reach=False), depth_m=deep)
    assert reach[0] > without[0] + 0.05
