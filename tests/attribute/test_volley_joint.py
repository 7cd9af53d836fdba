"""A volley's impacts assigned to one firing place jointly (``PairingConfig.volley_joint``, :mod:`truceline.attribute.joint`):
the piece around a volley of impacts launched from two places is solved once per place (its impacts allowed only that
place's launches) and once with none; the solutions' costs weigh the places. Issue #4's class II: a detonation inside one
party's area chance-paired with one impact of the other party's volley (violation seed 11 fused E000405)."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.joint import joint_launch_role, volley_places
from truceline.attribute.pairing import PairingConfig, pair_events

from attribute_world import KIND, KM, LAT, LON, PARTNER, SIGMA, TIME, X_KM, lon_at_km, volley_pairing

# Hand-made candidates (launch, impact, cost): the chosen pairs (0, 4), (1, 5), (2, 6) cost 1 each; the battery's third
# round 3 could have landed at 4 (cost 2), and 1 and 2 at 4 and 5 (cost 3).
HEADS = np.array([0, 1, 2, 3, 1, 2])
TAILS = np.array([4, 5, 6, 4, 4, 5])
COST = np.array([1.0, 1.0, 1.0, 2.0, 3.0, 3.0])


def test_hypotheses_weighed_by_their_solutions_by_hand() -> None:
    config = PairingConfig()  # unpaired_cost 4: a pair saves 8 - cost
    volleys = volley_places(KIND, PARTNER, HEADS, TAILS, COST, TIME, LAT, LON, config, SIGMA)
    assert len(volleys) == 1
    volley = volleys[0]
    assert [list(p) for p in volley.places] == [[0], [1, 2]]
    assert list(volley.impacts) == [4, 5, 6]
    # Objectives (cost - 8 per pair): place {0}: only (0, 4), -7; place {1, 2} (3 stands there too): (3, 4), (1, 5),
    # (2, 6), -20; none: 0; the chosen mixed solution -21 plus volley_split_penalty 14 for its second place, -7.
    value = np.array([-7.0, -20.0, 0.0, -7.0])
    expected = np.exp(-(value - value.min()) / 2.0)
    np.testing.assert_allclose(volley.weights, expected / expected.sum())
    assert list(volley.roles[0]) == [1, 0, 0, 1]
    assert list(volley.roles[1]) == [0, 1, 0, 1] and list(volley.roles[2]) == [0, 1, 0, 1]


def test_a_volley_from_one_place_is_not_judged() -> None:
    alone = PARTNER.copy()
    alone[[0, 4]] = -1
    kind = np.where(alone >= 0, KIND, "unknown")
    assert volley_places(kind, alone, HEADS[1:], TAILS[1:], COST[1:], TIME, LAT, LON, PairingConfig(), SIGMA) == []
    # Impacts further apart in time than ``volley_split_window_s`` are two volleys.
    late = TIME.copy()
    late[4] -= 8.0
    assert volley_places(KIND, PARTNER, HEADS, TAILS, COST, late, LAT, LON, PairingConfig(), SIGMA) == []


def test_a_launchs_role_mixed_over_the_hypotheses_by_hand() -> None:
    weights = np.array([0.2, 0.7, 0.05, 0.05])
    # Kept a launch in hypotheses 0 and 3 (0.25), out of the volley in 1 and 2 (0.75): its lone evidence there.
    launch, impact = joint_launch_role(0.9, 0.1, 0.3, weights, np.array([1, -1, 0, 1], dtype=np.int8))
    assert launch == pytest.approx(0.25 * 0.9 + 0.75 * 0.3)
    assert impact == pytest.approx(0.25 * 0.1 + 0.75 * 0.7)
    # Never raised: lone evidence above the current role leaves it as it was.
    assert joint_launch_role(0.6, 0.4, 0.95, weights, np.array([0, 0, 0, 1], dtype=np.int8)) == (0.6, 0.4)


def test_a_round_paired_into_another_places_volley_loses_the_launch_role() -> None:
    off, on = volley_pairing(), volley_pairing(volley_joint=True)
    for result in (off, on):
        assert list(result.partner) == list(PARTNER)
    assert off.p_launch[0] == pytest.approx(0.466, abs=0.01)
    assert on.p_launch[0] < 0.3
    assert "decided jointly" in on.reason[0]
    # The battery's rounds keep their roles within 1e-4 (their place fired the volley with probability 0.9999: the rest
    # goes to their lone evidence); the unpaired round (judged by them as its battery) and the impacts within 1e-4 too.
    np.testing.assert_allclose(on.p_launch[1:3], off.p_launch[1:3], atol=1e-4)
    np.testing.assert_allclose(on.p_launch[3:], off.p_launch[3:], atol=1e-4)
    np.testing.assert_allclose(on.p_launch + on.p_impact, off.p_launch + off.p_impact, atol=1e-12)


def test_volley_joint_off_by_default() -> None:
    assert not PairingConfig().volley_joint


def test_an_unpaired_event_landing_with_a_volley_of_impacts_is_one_of_its_rounds_by_hand() -> None:
    """``unpaired_among_impacts``: the battery's third round 3 stands at the battery (no impacts there: unchanged); an
    unpaired event 7 landing 1 s after the volley's impacts 5 and 6, 150 m away, read a launch 0.8, becomes an impact as far
    as the volley is real (1 - (1 - 1.0) (1 - 0.9) (1 - 0.8) = 1: impact 4 is sure): its launch odds times exp(-7)."""
    from truceline.attribute.joint import landed_with_volley, volley_unpaired_roles
    time_s = np.append(TIME, 39.8)
    lat = np.append(LAT, 48.0 + 5.0 * KM)
    lon = np.append(LON, lon_at_km(2.67))
    kind = np.append(KIND, "unknown")
    partner = np.append(PARTNER, -1)
    p_launch = np.array([0.5, 0.9, 0.9, 0.85, 0.0, 0.1, 0.05, 0.8])
    p_impact = np.array([0.5, 0.1, 0.1, 0.15, 1.0, 0.9, 0.8, 0.2])
    sigma = np.full(8, 100.0)
    config = PairingConfig()
    found = landed_with_volley(kind, partner, p_impact, time_s, lat, lon, config, sigma)
    assert sorted(found) == [7]  # 4 (36.4 s) is 3.4 s before 7, 5 and 6 within the window: 3 mates
    real = 1.0 - (1.0 - 1.0) * (1.0 - 0.9) * (1.0 - 0.8)
    assert found[7] == (pytest.approx(real), 3)
    reason = [""] * 8
    launch, impact = p_launch.copy(), p_impact.copy()
    volley_unpaired_roles(kind, partner, launch, impact, time_s, lat, lon, config, sigma, reason)
    factor = np.exp(-7.0)
    among = 0.8 * factor / (0.8 * factor + 0.2)
    assert launch[7] == pytest.approx(real * among + (1.0 - real) * 0.8)
    assert launch[7] + impact[7] == pytest.approx(1.0)
    assert "lands within 5 s beside 3 paired impacts (real with probability 1.00)" in reason[7]
    np.testing.assert_array_equal(launch[:7], p_launch[:7])
    np.testing.assert_array_equal(impact[:7], p_impact[:7])


def test_unpaired_among_impacts_on_by_default_and_wired() -> None:
    """On by default; in ``pair_events`` it runs after the unpaired roles. Two rounds of the battery (0-2 without its third)
    and four events landing within 3 s at the impact area: three pairs are made, and the round left over (the volley's
    first impact at 36.4 s, p launch 0.125 by its lone evidence) lands with paired impacts: an impact (odds times exp(-7))."""
    assert PairingConfig().unpaired_among_impacts
    keep = [0, 1, 2, 4, 5, 6]
    time_s = np.append(TIME[keep], 39.3)
    x_km = np.append(X_KM[keep], 2.65)
    lat = np.append(LAT[keep], 48.0 + 5.0 * KM)
    lon = np.array([lon_at_km(v) for v in x_km])
    args = (time_s, lat, lon, np.full(7, 0.5), np.full(7, 100.0), np.where(x_km < 0, "UA", "RU"), np.ones(7))
    off = pair_events(*args, line_distance_m=x_km * 1000.0, config=PairingConfig(unpaired_among_impacts=False))
    on = pair_events(*args, line_distance_m=x_km * 1000.0)
    assert list(off.partner) == list(on.partner) == [4, 5, 6, -1, 0, 1, 2]
    assert off.p_launch[3] == pytest.approx(0.125, abs=0.01)
    assert on.p_launch[3] < 1e-3 and on.p_launch[3] + on.p_impact[3] == pytest.approx(off.p_launch[3] + off.p_impact[3])
    assert "beside 3 paired impacts" in on.reason[3]
    others = [0, 1, 2, 4, 5, 6]
    np.testing.assert_allclose(on.p_launch[others], off.p_launch[others], atol=1e-12)
