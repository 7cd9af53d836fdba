"""Session 22 (attrib22): two options, off, for the false verdicts that set the operating point.

``PairingConfig.volley_alternative_single``: a volley read as launches may all be impacts also where only one of its
members is paired (its mates unpaired): issue #4's mortar impacts read as launches (violation seed 13's E000039, seed 9's
E000144) are one paired "launch" beside unpaired detonations of the same salvo. ``PairingConfig.flight_speed_bound``: a
round cannot land sooner than its class's flattest trajectory at the speed that gives the class's maximum range
(:func:`truceline.attribute.physics.time_of_flight_bounds_s`)."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig, pair_events
from truceline.attribute.physics import ENVELOPES, flight_costs, time_of_flight_bounds_s
from truceline.attribute.volley import volley_alternatives

from attribute_world import lon_at_km

KM = 1 / 111.2
TUBE = next(e for e in ENVELOPES if e.name == "tube_artillery")


def test_one_paired_member_makes_a_volley_alternative_with_the_option() -> None:
    """Launch 0 paired with 2 at cost 5.8, its mate 1 unpaired: the volley as impacts (0 and 2 unpaired) costs 8 - 5.8."""
    kind = np.array(["launch", "unknown", "impact"])
    partner = np.array([2, -1, 0])
    group = np.array([0, 0, -1])
    heads, tails, cost = np.array([0]), np.array([2]), np.array([5.8])
    assert volley_alternatives(kind, partner, heads, tails, cost, PairingConfig(), group) == {}
    on = PairingConfig(volley_alternative_single=True)
    assert volley_alternatives(kind, partner, heads, tails, cost, on, group) == {0: pytest.approx(2.2)}
    # Alone at its place (no mate): no volley, with the option too.
    assert volley_alternatives(kind, partner, heads, tails, cost, on, np.array([0, 1, -1])) == {}


def _salvo(single: bool) -> np.ndarray:
    """Three rounds landing within 1 s and 150 m 1.4 km on UA's side; 8.6 s later one more 6 km away on RU's side, which
    a gun's shortest flight (about 11 s at 6 km) barely misses: event 0 is chance-paired as its "launch" (cost about 5)
    while 1 and 2 stay unpaired. No launch heard. p launch of event 0."""
    time_s = np.array([0.0, 0.5, 1.0, 8.6])
    lat = np.array([48.0, 48.0 + 0.1 * KM, 48.0 + 0.15 * KM, 48.0])
    lon = np.array([lon_at_km(-1.4), lon_at_km(-1.4), lon_at_km(-1.4), lon_at_km(4.6)])
    result = pair_events(time_s, lat, lon, np.full(4, 1.0), np.full(4, 150.0), np.array(["UA", "UA", "UA", "RU"]), np.ones(4),
                         line_distance_m=np.array([-1400.0, -1400.0, -1400.0, 4600.0]),
                         config=PairingConfig(volley_alternative_single=single))
    assert result.partner[0] == 3 and result.partner[1] < 0 and result.partner[2] < 0
    assert result.kind[0] == "launch"
    return result


def test_a_chance_paired_detonation_beside_its_unpaired_mates_is_less_sure_a_launch() -> None:
    off, on = _salvo(False), _salvo(True)
    # The volley as impacts of unheard launches (the prior 0.75 for an impact, no battery outside the volley) takes a share.
    assert on.p_launch[0] < off.p_launch[0] - 0.02
    assert "the volley of 3 events here as impacts" in on.reason[0]
    assert "the volley of" not in off.reason[0]
    # The mates, whose battery context was that "launch", follow it.
    assert on.p_launch[1] <= off.p_launch[1]


def test_the_speed_bound_by_hand() -> None:
    """A gun whose envelope reaches 35 km leaves at most at sqrt(g 35 km) = 586 m/s: at 26.6 km its flattest trajectory
    is 24.7 degrees and takes 49.9 s (the 6-degree bound alone: 23.9 s); at 5 km the 6-degree bound stands (10.3 s)."""
    low, high = time_of_flight_bounds_s(TUBE, np.array([26_600.0, 5_000.0]))
    bounded, high_bounded = time_of_flight_bounds_s(TUBE, np.array([26_600.0, 5_000.0]), speed_bound=True)
    assert low[0] == pytest.approx(23.9, abs=0.1) and bounded[0] == pytest.approx(49.9, abs=0.1)
    assert bounded[1] == pytest.approx(low[1]) == pytest.approx(10.3, abs=0.1)
    assert np.array_equal(high, high_bounded)


def test_the_speed_bound_vetoes_a_flight_too_fast_and_keeps_the_envelope_cost() -> None:
    # Violation seed 13's E000039 -> E000042: 26.6 km in 35.1 s, a gun's pair at cost about 0.2 without the bound.
    args = (np.array([26_600.0, 20_000.0]), np.array([35.1, 60.0]), np.array([300.0, 300.0]), np.array([0.3, 0.3]))
    off, on = flight_costs(*args), flight_costs(*args, speed_bound=True)
    tube, rocket = 1, 2
    assert np.isfinite(off[0, tube]) and np.isinf(on[0, tube]) and np.isinf(on[0, rocket])
    # A flight inside the bounded envelope costs what it did.
    assert on[1, tube] == pytest.approx(off[1, tube])


def test_both_off_by_default() -> None:
    config = PairingConfig()
    assert not config.volley_alternative_single and not config.flight_speed_bound
