"""Impacts landing together were fired from one place (``PairingConfig.volley_split``, :func:`volley.split_impacts`):
a round read as the "launch" of an impact that lands 0.4 s beside the impacts of another battery's volley is mispaired,
and the volley alternative (the rounds here as impacts) weighs that (issue #4: violation seed 8's mission 59 fused with
`clock_unabsorbed`, E000240 / E000241 read as launches at 0.94 / 0.96)."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig, pair_events
from truceline.attribute.volley import split_impacts, volley_alternatives

from attribute_world import lon_at_km

KM = 1 / 111.2
# 0-2: a UA rocket battery 11.5 km behind the line (t -1.6, 0, 0.7 s); 3, 4: RU rounds landing 3 km on UA's side 7.5 and
# 8 s later, 500 m apart, no launch heard; 5-7: the UA volley's impacts 16 km on RU's side 67.6-72.2 s; 8: an impact of
# other fire 34 km from 3, 66 s after it. As on seed 8: the assignment gives 4 the volley's impact 7 (59.6 s over 31.8
# km, a rocket's flight) and 3 the far impact 8, and leaves 0 unpaired.
TIME = np.array([-1.6, 0.0, 0.7, 7.5, 8.0, 67.6, 68.0, 72.2, 73.5])
X_KM = np.array([-11.6, -11.5, -11.7, -3.0, -3.5, 16.3, 15.7, 16.0, 0.2])
Y_KM = np.array([0.0, 0.1, -0.1, 5.0, 5.0, -20.0, -19.9, -20.1, 39.0])
LAT = 48.0 + Y_KM * KM
LON = np.array([lon_at_km(v) for v in X_KM])
SIGMA = np.full(9, 150.0)


def test_split_impacts_by_hand() -> None:
    config = PairingConfig()
    true_volley = [(0, 7), (1, 5), (2, 6)]
    assert split_impacts(true_volley, TIME, LAT, LON, config, SIGMA) == 0
    # 4 took 7: 7 lands with 5 and 6, both launched from the battery 8 km from 4.
    stolen = [(1, 5), (2, 6), (4, 7), (3, 8)]
    assert split_impacts(stolen, TIME, LAT, LON, config, SIGMA) == 1
    assert split_impacts(stolen, TIME, LAT, LON, config, SIGMA, [(4, 7)]) == 1
    # 5 and 6 each land with an impact of their own battery: not split.
    assert split_impacts(stolen, TIME, LAT, LON, config, SIGMA, [(1, 5), (2, 6)]) == 0
    # One mate from one other place: two pairs each as odd as the other, not counted (unless volley_split_mates = 1).
    assert split_impacts([(1, 5), (4, 7)], TIME, LAT, LON, config, SIGMA) == 0
    assert split_impacts([(1, 5), (4, 7)], TIME, LAT, LON, PairingConfig(volley_split_mates=1), SIGMA) == 2
    # Impacts further apart in time than the window are no volley.
    late = TIME.copy()
    late[7] += 6.0
    assert split_impacts(stolen, late, LAT, LON, config, SIGMA) == 0


def test_volley_alternative_pays_for_the_split_by_hand() -> None:
    """The volley of 3 and 4 (pairs 3 -> 8 at 1.2, 4 -> 7 at 0.02) against the solution with neither a launch, in which 0
    takes 7 (0.3): 1.22 + 4 (0 unpaired) against 0.3 + 8 (3, 4 unpaired) + 4 (8 unpaired) = 7.08 more; the chosen
    solution's split pair costs ``volley_split_penalty`` = 14: 7.08 - 14 = -6.92. The battery's volley (1, 2) keeps its
    margin: its pairs are not split, and a solution that mends 4's split by dropping them is no evidence against it."""
    kind = np.array(["unknown", "launch", "launch", "launch", "launch", "impact", "impact", "impact", "impact"])
    partner = np.array([-1, 5, 6, 8, 7, 1, 2, 4, 3])
    heads = np.array([1, 2, 3, 4, 0])
    tails = np.array([5, 6, 8, 7, 7])
    cost = np.array([0.02, 0.04, 1.2, 0.02, 0.3])
    group = np.array([0, 0, 0, 3, 3, -1, -1, -1, -1])
    where = {"time_s": TIME, "lat": LAT, "lon": LON, "sigma_m": SIGMA}
    off = volley_alternatives(kind, partner, heads, tails, cost, PairingConfig(volley_split=False), group, **where)
    on = volley_alternatives(kind, partner, heads, tails, cost, PairingConfig(volley_split=True), group, **where)
    assert off[3] == pytest.approx(7.08)
    assert on[3] == pytest.approx(7.08 - 14.0)
    assert on[0] == pytest.approx(off[0]) and off[0] > 10.0
    # Without positions nothing is judged.
    assert volley_alternatives(kind, partner, heads, tails, cost, PairingConfig(volley_split=True), group) == off


def _pairing(volley_split: bool):
    return pair_events(TIME, LAT, LON, np.full(9, 1.0), SIGMA, np.where(X_KM < 0, "UA", "RU"), np.ones(9),
                       line_distance_m=X_KM * 1000.0, config=PairingConfig(volley_split=volley_split))


def test_rounds_paired_into_another_volleys_impacts_are_not_sure_launches() -> None:
    off, on = _pairing(False), _pairing(True)
    for result in (off, on):
        assert list(result.partner) == [-1, 5, 6, 8, 7, 1, 2, 4, 3]
    # Without the test the two RU rounds are UA "launches" at 0.90 / 0.92 (each the other's battery).
    assert off.p_launch[3] > 0.88 and off.p_launch[4] > 0.9
    # With it the volley as impacts is the likelier solution: their levels-free lone evidence makes them impacts.
    assert on.p_launch[3] < 0.45 and on.p_launch[4] < 0.4
    # The battery's own rounds and the impacts are unchanged.
    np.testing.assert_allclose(on.p_launch[[0, 1, 2, 5, 6, 7, 8]], off.p_launch[[0, 1, 2, 5, 6, 7, 8]], atol=1e-12)
    assert "as impacts (none launched) costs 6.00 less" in on.reason[4]


def test_volley_split_on_by_default() -> None:
    config = PairingConfig()
    assert config.volley_split and config.volley_split_mates == 2 and config.volley_split_penalty == 14.0
