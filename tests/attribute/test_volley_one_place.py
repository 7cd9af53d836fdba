"""One volley is fired from one place, as a constraint on the launches' roles (``PairingConfig.volley_one_place``,
:func:`volley.one_place_shares`): a detonation chance-paired with one impact of another battery's volley loses its launch
role (issue #4: violation seed 11 fused E000405, a RU mortar round landing 2.4 km on UA's side paired with one impact of a
UA rocket volley whose three launches stand 4.8 km away, called a UA launch at 0.62)."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig
from truceline.attribute.volley import one_place_shares

from attribute_world import KIND, KM, LAT, LON, PARTNER, SIGMA, TIME, X_KM, lon_at_km, volley_pairing



def test_places_weighed_by_their_pairs_by_hand() -> None:
    config = PairingConfig()
    share = np.array([0.5, 0.8, 0.8, 0.0, 0.0, 0.0, 0.0])
    found = one_place_shares(KIND, PARTNER, share, TIME, LAT, LON, config, SIGMA)
    # Place {0} claims 0.5, place {1, 2} 1 - 0.2 * 0.2 = 0.96 (one claimant: at least one of its pairs real). "{0} fired
    # it": 0.5 * 0.04 = 0.02; "{1, 2}": 0.96 * 0.5 = 0.48; no located place: 0.5 * 0.04 = 0.02.
    assert sorted(found) == [0, 1, 2]
    assert found[0] == (pytest.approx(0.02 / 0.52), 2)
    assert found[1] == (pytest.approx(0.48 / 0.52), 2) and found[2] == found[1]
    # A volley launched from one place is not judged: the battery's own rounds alone.
    alone = PARTNER.copy()
    alone[[0, 4]] = -1
    assert one_place_shares(np.where(alone >= 0, KIND, "unknown"), alone, share, TIME, LAT, LON, config, SIGMA) == {}
    # Impacts further apart in time than the window are two volleys.
    late = TIME.copy()
    late[4] -= 8.0
    assert one_place_shares(KIND, PARTNER, share, late, LAT, LON, config, SIGMA) == {}


def test_a_salvos_odd_round_is_a_weak_claim_by_hand() -> None:
    """A launch whose salvo mate (a paired launch at its place within ``volley_window_s``) put its impact elsewhere is
    its salvo's odd round: its share's odds carry exp(-volley_split_penalty / 2)."""
    time_s = np.append(TIME, [-3.0, 30.0])
    lat = np.append(LAT, [LAT[0], 48.0 + 15.0 * KM])
    lon = np.append(LON, [LON[0], lon_at_km(3.0)])
    kind = np.append(KIND, ["launch", "impact"])
    partner = np.append(PARTNER, [8, 7])
    share = np.array([0.5, 0.8, 0.8, 0.0, 0.0, 0.0, 0.0, 0.9, 0.0])
    found = one_place_shares(kind, partner, share, time_s, lat, lon, PairingConfig(), np.full(9, 100.0))
    odd = np.exp(-7.0)
    s0 = odd / (1.0 + odd)
    w0, w12, none = s0 * 0.04, 0.96 * (1.0 - s0), (1.0 - s0) * 0.04
    assert found[0][0] == pytest.approx(w0 / (w0 + w12 + none))
    assert found[1][0] == pytest.approx(w12 / (w0 + w12 + none))
    assert 7 not in found


def test_a_round_paired_into_another_places_volley_loses_the_launch_role() -> None:
    off, on = volley_pairing(), volley_pairing(volley_one_place=True)
    for result in (off, on):
        assert list(result.partner) == list(PARTNER)
    assert off.p_launch[0] == pytest.approx(0.466, abs=0.01)
    assert on.p_launch[0] < 0.3
    assert "launched from 2 places" in on.reason[0]
    # The likeliest place's rounds keep their roles; the unpaired third round and the impacts are unchanged.
    np.testing.assert_allclose(on.p_launch[1:], off.p_launch[1:], atol=1e-12)
    np.testing.assert_allclose(on.p_launch + on.p_impact, off.p_launch + off.p_impact, atol=1e-12)


def test_volley_one_place_off_by_default() -> None:
    assert not PairingConfig().volley_one_place
