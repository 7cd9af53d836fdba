"""The attribution's hard edges made soft (session 19, attrib19b): the contexts' "same place" as a probability
(``PairingConfig.same_place_soft_m``), the pair-cost cut as a pair probability that falls smoothly through it
(``PairingConfig.pair_cut_soft``), and an event's firing-party claim as one mixture over its role's probability
(``AttributionConfig.role_mixture_claims``): a small change of a distance or an ellipse moves a probability a little."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import ndtr

from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.context import context_of, place_weights, same_place
from truceline.attribute.pairing import PairingConfig, _near_pair_roles, candidate_pairs, pair_events
from truceline.geo.areas import Areas
from truceline.model.tables import CHI2_2DOF_95

from attribute_world import T0, events_table, lon_at_km

KM_PER_DEG_LAT = 111.195


def _line_of_events(gaps_m: list[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Event 0 at 48 N, 8 km behind the line in UA, and one event north of it at each gap, all within a minute."""
    n = len(gaps_m) + 1
    lat = 48.0 + np.concatenate([[0.0], np.asarray(gaps_m) / 1000.0 / KM_PER_DEG_LAT])
    lon = np.full(n, lon_at_km(-8.0))
    time_s = T0 + np.arange(n, dtype=np.float64)
    return time_s, lat, lon


def test_place_weights_are_the_hard_radius_when_off_and_a_soft_edge_when_on() -> None:
    """Off: the events of :func:`same_place`, weight 1. On: a neighbour at the (widened) limit counts one half, 20 m
    inside or beyond it a little more or less, far inside about fully, and beyond ``L + 3 tau`` not at all."""
    sigma = np.full(6, 100.0)
    limit = np.sqrt(1500.0**2 + CHI2_2DOF_95 * 2 * 100.0**2)
    time_s, lat, lon = _line_of_events([500.0, limit - 20.0, limit + 20.0, limit, limit + 2000.0])
    others = np.arange(1, 6, dtype=np.intp)
    hard = PairingConfig()
    near, weight = place_weights(0, others, time_s, lat, lon, hard, sigma)
    assert list(near) == list(same_place(0, others, time_s, lat, lon, hard, sigma)) and np.all(weight == 1.0)
    soft = PairingConfig(same_place_soft_m=200.0)
    near, weight = place_weights(0, others, time_s, lat, lon, soft, sigma)
    w = dict(zip(near.tolist(), weight.tolist()))
    assert 5 not in w  # 2 km beyond the limit
    assert w[4] == pytest.approx(0.5, abs=0.01)
    assert 0.5 < w[2] < 0.6 and 0.4 < w[3] < 0.5  # 20 m inside, 20 m beyond: no jump from 1 to 0
    assert w[1] > 0.99


def test_the_minutes_edge_is_soft_with_same_place_soft_s() -> None:
    """A neighbour at the same place 190 s later (the window is 180 s): none with the hard window, Phi(-0.5) with a 20 s
    soft edge; one 170 s later counts Phi(0.5) instead of fully."""
    time_s, lat, lon = _line_of_events([100.0, 100.0])
    time_s[1], time_s[2] = T0 + 190.0, T0 + 170.0
    others = np.array([1, 2], dtype=np.intp)
    near, weight = place_weights(0, others, time_s, lat, lon, PairingConfig())
    assert list(near) == [2] and weight[0] == 1.0
    near, weight = place_weights(0, others, time_s, lat, lon, PairingConfig(same_place_soft_s=20.0))
    assert dict(zip(near.tolist(), weight.tolist())) == pytest.approx({1: float(ndtr(-0.5)), 2: float(ndtr(0.5))})


def test_a_battery_just_beyond_the_radius_counts_about_half_not_nothing() -> None:
    """A paired launch 20 m beyond the same-place limit of an event: no battery with the hard radius, and with the soft
    edge a battery about one half sure; a 5 % wider ellipse (the limit 30 m further out) moves it a little."""
    time_s, lat, lon = _line_of_events([1500.0 + 20.0, 25_000.0])
    time_s[2] = time_s[1] + 40.0
    kind = np.array(["unknown", "launch", "impact"])
    partner = np.array([-1, 2, 1])
    p_launch, p_impact = np.array([0.5, 1.0, 0.0]), np.array([0.5, 0.0, 1.0])
    sigma = np.zeros(3)
    assert context_of(0, kind, partner, time_s, lat, lon, PairingConfig(), sigma, p_launch, p_impact)[0] == 0.0
    soft = PairingConfig(same_place_soft_m=200.0)
    battery = context_of(0, kind, partner, time_s, lat, lon, soft, sigma, p_launch, p_impact)[0]
    assert 0.4 < battery < 0.5
    wider = context_of(0, kind, partner, time_s, lat, lon, soft, np.full(3, 60.0), p_launch, p_impact)[0]
    assert battery < wider < battery + 0.15


def test_near_pairs_give_unpaired_events_a_share_of_their_roles() -> None:
    """Two unpaired events and a candidate pair 0.2 dearer than the cut (8.2 against 2 x 4): its weight against leaving
    both unpaired is exp(-0.1); each event's own role probability is weighed against it."""
    kind = np.array(["impact", "impact", "impact"])
    partner = np.full(3, -1)
    p_launch, p_impact = np.array([0.2, 0.2, 0.2]), np.array([0.8, 0.8, 0.8])
    reason = ["", "", ""]
    _near_pair_roles(kind, partner, p_launch, p_impact, np.array([0]), np.array([1]), np.array([8.2]), 4.0, reason)
    w = np.exp(-0.1)
    assert p_launch[0] == pytest.approx((0.2 + w) / (1.0 + w)) and p_impact[0] == pytest.approx(0.8 / (1.0 + w))
    assert p_launch[1] == pytest.approx(0.2 / (1.0 + w)) and p_impact[1] == pytest.approx((0.8 + w) / (1.0 + w))
    assert kind[0] == "launch" and kind[1] == "impact" and "just dearer" in reason[0]
    assert p_launch[2] == 0.2 and reason[2] == ""
    # A near pair to an event paired elsewhere is not an alternative here (it would break that pair).
    partner = np.array([-1, 2, 1])
    p_launch = np.array([0.2, 0.9, 0.1])
    _near_pair_roles(kind, partner, p_launch, p_impact, np.array([0]), np.array([1]), np.array([8.2]), 4.0, ["", "", ""])
    assert p_launch[0] == 0.2


def _pair_at_the_cut(cost_offset: float, soft: float) -> float:
    """p launch of the launch of one lone pair (UA 8 km behind the line onto RU 10 km behind it, 60 s) whose cost is the
    cut plus ``cost_offset``: the unpaired cost set to half its cost less the offset."""
    rows = [("L", T0, 48.0, lon_at_km(-8.0)), ("I", T0 + 60.0, 48.0, lon_at_km(10.0))]
    time_s = np.array([r[1] for r in rows])
    lat = np.array([r[2] for r in rows])
    lon = np.array([r[3] for r in rows])
    side, p_side = np.array(["UA", "RU"]), np.array([1.0, 1.0])
    sigma, tsig = np.full(2, 150.0), np.full(2, 0.3)
    _, _, cost, _ = candidate_pairs(time_s, lat, lon, tsig, sigma, side, p_side, PairingConfig(unpaired_cost=50.0))
    config = PairingConfig(unpaired_cost=(float(cost[0]) - cost_offset) / 2.0, pair_cut_soft=soft)
    return float(pair_events(time_s, lat, lon, tsig, sigma, side, p_side, config).p_launch[0])


def test_the_pair_probability_falls_smoothly_through_the_cut() -> None:
    """A pair 0.05 under the cut and one 0.05 over it: with the hard cut the launch's p launch falls from about a half
    (its margin is the cut's) to the unpaired prior (0.25); with ``pair_cut_soft`` it barely moves."""
    under, over = _pair_at_the_cut(-0.05, 0.0), _pair_at_the_cut(0.05, 0.0)
    assert over == pytest.approx(0.25) and under - over > 0.2
    under, over = _pair_at_the_cut(-0.05, 6.0), _pair_at_the_cut(0.05, 6.0)
    assert abs(under - over) < 0.05
    w = np.exp(-2.5)  # 5 beyond the cut: the prior, and the pair with weight exp(-5 / 2)
    assert _pair_at_the_cut(5.0, 6.0) == pytest.approx((0.25 + w) / (1.0 + w))


def _lone_claim(areas: Areas, prior: float, mixture: bool) -> tuple[str, float]:
    """The firing-party claim of a lone event 8 km inside UA, its role from the unpaired prior alone."""
    config = AttributionConfig(pairing=PairingConfig(unpaired_impact_prior=prior), role_mixture_claims=mixture)
    result = attribute_events(events_table([("X", T0, 48.0, lon_at_km(-8.0))]), areas, config=config)
    return result.firing_party[0], float(result.p_firing_party[0])


def test_a_lone_events_claim_is_one_mixture_over_its_role(areas: Areas) -> None:
    """As before, an event a little likelier a launch (p 0.51) is claimed by its area's party with 0.51, and one a
    little likelier an impact (0.49) by that party with 0.49 + 0.51 x 0.1 (its impact share fired from its own side with
    1 - across_line_prior): the claim jumps where the role crosses one half. With ``role_mixture_claims`` both use the
    mixture, and the claims differ by the role's change only."""
    party, launch_like = _lone_claim(areas, 0.49, False)
    assert party == "UA" and launch_like == pytest.approx(0.51, abs=1e-3)
    party, impact_like = _lone_claim(areas, 0.51, False)
    assert party == "UA" and impact_like == pytest.approx(0.49 + 0.51 * 0.1, abs=1e-3)
    party, launch_like = _lone_claim(areas, 0.49, True)
    assert launch_like == pytest.approx(0.51 + 0.49 * 0.1, abs=1e-3)
    assert abs(launch_like - _lone_claim(areas, 0.51, True)[1]) == pytest.approx(0.02 * 0.9, abs=1e-3)
