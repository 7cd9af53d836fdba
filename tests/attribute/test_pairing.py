from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.attribute.attribution import attribute_events
from truceline.attribute.context import battery_odds_from_pairs
from truceline.attribute.pairing import Pairing, PairingConfig, pair_events
from truceline.attribute.physics import ENVELOPES, flight_costs, time_of_flight_bounds_s
from truceline.geo.areas import Areas

from attribute_world import T0, events_table, lon_at_km, salvo


def test_salvo_of_four_pairs_in_order(areas: Areas) -> None:
    rows = salvo(4)
    result = attribute_events(events_table(rows), areas)
    by_id = dict(zip(result.event_ids, range(len(rows))))
    for k in range(1, 5):
        launch, impact = by_id[f"L{k}"], by_id[f"I{k}"]
        assert result.kind[launch] == "launch" and result.kind[impact] == "impact"
        assert result.event_ids[result.partner[launch]] == f"I{k}"
        assert result.firing_party[launch] == "UA" and result.firing_party[impact] == "UA"
        assert result.p_firing_party[launch] > 0.9
    assert result.events["pair_event_id"].to_pylist()[by_id["L3"]] == "I3"


def test_two_salvos_from_both_sides_do_not_mix(areas: Areas) -> None:
    ua = salvo(4, launch_km=-8.0, impact_km=10.0, flight_s=45.0, lat=48.0, prefix="ua")
    ru = [(i.replace("L", "X").replace("I", "L").replace("X", "I"), t + 5.0, lat, 2 * 37.0 - lon) for i, t, lat, lon in
          salvo(4, launch_km=-6.0, impact_km=9.0, flight_s=40.0, lat=48.3, prefix="ru")]
    result = attribute_events(events_table(ua + ru), areas)
    for i, event_id in enumerate(result.event_ids):
        assert result.partner[i] >= 0, event_id
        assert result.firing_party[i] == ("UA" if event_id.startswith("ua") else "RU"), event_id


def test_impossible_time_of_flight_is_not_paired(areas: Areas) -> None:
    rows = [("A", T0, 48.0, lon_at_km(-10.0)), ("B", T0 + 4.0, 48.0, lon_at_km(15.0))]  # 25 km in 4 s
    result = attribute_events(events_table(rows), areas)
    assert list(result.partner) == [-1, -1]
    assert "unpaired" in result.reason[0]


def test_pair_that_does_not_cross_the_line_is_not_made(areas: Areas) -> None:
    rows = [("A", T0, 48.0, lon_at_km(-20.0)), ("B", T0 + 40.0, 48.0, lon_at_km(-5.0))]  # both UA, 15 km apart
    result = attribute_events(events_table(rows), areas)
    assert list(result.partner) == [-1, -1]


def test_an_event_is_never_both_launch_and_impact() -> None:
    # A -> B and B -> C both fit; C -> D too: the matching must keep roles consistent.
    lat = np.array([48.0, 48.0, 48.0, 48.0])
    lon = np.array([lon_at_km(-8.0), lon_at_km(8.0), lon_at_km(-8.0), lon_at_km(8.0)])
    time_s = np.array([0.0, 40.0, 80.0, 120.0])
    side = np.array(["UA", "RU", "UA", "RU"])
    pairing = pair_events(time_s, lat, lon, np.full(4, 0.2), np.full(4, 200.0), side, np.ones(4))
    launches = {i for i in range(4) if pairing.kind[i] == "launch"}
    impacts = {i for i in range(4) if pairing.kind[i] == "impact"}
    assert not launches & impacts
    assert [int(p) for p in pairing.partner] == [1, 0, 3, 2]


def test_unpaired_impact_gets_a_weak_direction_claim(areas: Areas) -> None:
    result = attribute_events(events_table([("I", T0, 48.0, lon_at_km(6.0))]), areas)
    assert result.kind[0] == "impact"
    assert result.firing_party[0] == "UA"
    assert 0.5 < result.p_firing_party[0] < 0.9
    assert "direction from the line only" in result.reason[0]


@settings(max_examples=60, deadline=None)
@given(range_km=st.floats(min_value=0.5, max_value=45.0), grow=st.floats(min_value=1.01, max_value=2.0))
def test_time_of_flight_bounds_grow_with_range(range_km: float, grow: float) -> None:
    for envelope in ENVELOPES:
        low, high = time_of_flight_bounds_s(envelope, np.array([range_km * 1000.0]))
        low2, high2 = time_of_flight_bounds_s(envelope, np.array([range_km * grow * 1000.0]))
        assert 0 < low[0] < high[0]
        assert low2[0] > low[0] and high2[0] > high[0]


def test_envelopes_hold_published_firing_table_points() -> None:
    # 120 mm mortar ~ 7 km in ~ 30-45 s; 152/155 mm howitzer ~ 20 km in ~ 45-60 s; 122 mm rocket 20 km in ~ 45-60 s.
    for range_m, flight_s, name in ((7_000.0, 38.0, "mortar"), (20_000.0, 52.0, "tube_artillery"), (20_000.0, 50.0, "rocket_artillery")):
        costs = flight_costs(np.array([range_m]), np.array([flight_s]), np.array([200.0]), np.array([0.3]))
        k = [e.name for e in ENVELOPES].index(name)
        assert costs[0, k] <= 0.5
    far = flight_costs(np.array([30_000.0]), np.array([5.0]), np.array([200.0]), np.array([0.3]))
    assert np.all(np.isinf(far))


def test_salvo_mates_do_not_make_a_launch_doubtful(areas: Areas) -> None:
    """In a salvo every launch has every impact as a candidate: those change the partner, not the role."""
    result = attribute_events(events_table(salvo(4)), areas)
    assert all(p > 0.99 for p in result.p_kind)


def test_a_role_swapping_candidate_makes_a_launch_doubtful(areas: Areas) -> None:
    """An earlier event across the line whose time of flight fits makes the first launch possibly an impact of it
    (counter-battery fire landing on the battery): its role probability drops, the battery context keeps it a launch."""
    rows = salvo(4) + [("X", T0 - 62.0, 48.0, lon_at_km(10.0))]  # 18 km in 62 s: a gun, a little dearer than the salvo
    result = attribute_events(events_table(rows), areas)
    first = result.event_ids.index("L1")
    assert result.kind[first] == "launch" and result.event_ids[result.partner[first]] == "I1"
    assert 0.6 < result.p_kind[first] < 0.99
    others = [result.p_kind[result.event_ids.index(f"L{k}")] for k in (2, 3, 4)]
    assert min(others) > result.p_kind[first]


def test_battery_place_is_widened_by_the_location_errors() -> None:
    """Two launches of one battery estimated 2.6 km apart: one poorly located (1.2 km sigma). Without the errors they
    are two places (no battery: the prior odds 4 stand); with them each fired where the other fired ((2 + 4) : 1)."""
    lat = np.full(4, 48.0)
    lon = np.array([lon_at_km(-6.0), lon_at_km(-8.6), lon_at_km(14.0), lon_at_km(12.0)])
    time_s = T0 + np.array([0.0, 1.0, 50.0, 51.0])
    kind = np.array(["launch", "launch", "impact", "impact"])
    partner = np.array([2, 3, 0, 1])
    config = PairingConfig()
    assert battery_odds_from_pairs(kind, partner, time_s, lat, lon, config) == pytest.approx(4.0)
    sigma = np.array([1_200.0, 100.0, 100.0, 100.0])
    assert battery_odds_from_pairs(kind, partner, time_s, lat, lon, config, sigma_m=sigma) == pytest.approx(6.0)
    # Far beyond the errors: still two places.
    far = lon.copy()
    far[1] = lon_at_km(-14.0)
    assert battery_odds_from_pairs(kind, partner, time_s, lat, far, config, sigma_m=sigma) == pytest.approx(4.0)


def test_the_salvos_other_impacts_do_not_dilute_a_pair() -> None:
    """One located launch and the three impacts of its salvo (landing within 2 s, 200 m apart): the launch could be
    the partner of each, but the other rounds change its partner, not its role: the launch is as sure as a lone pair's."""
    def pairing_of(n_impacts: int) -> tuple[float, float]:
        lat = np.array([48.0] + [48.0 + 0.0018 * k for k in range(n_impacts)])
        lon = np.array([lon_at_km(-8.0)] + [lon_at_km(10.0)] * n_impacts)
        time_s = np.array([0.0] + [45.0 + k for k in range(n_impacts)])
        side = np.array(["UA"] + ["RU"] * n_impacts)
        result = pair_events(time_s, lat, lon, np.full(lat.size, 0.2), np.full(lat.size, 200.0), side, np.ones(lat.size),
                             line_distance_m=np.array([-8_000.0] + [10_000.0] * n_impacts))
        assert result.kind[0] == "launch" and result.partner[0] >= 1
        return float(result.p_launch[0]), float(result.p_impact[int(result.partner[0])])

    lone, salvo_pair = pairing_of(1), pairing_of(3)
    assert salvo_pair[0] == pytest.approx(lone[0], abs=1e-9)
    assert lone[0] > 0.95


def two_guns_one_impact(config: PairingConfig | None = None) -> Pairing:
    """Two guns of one battery fire a second apart, 100 m apart; one impact is located (events 0, 1; 2)."""
    lat = np.array([48.0, 48.0009, 48.0])
    lon = np.array([lon_at_km(-8.0), lon_at_km(-8.0), lon_at_km(10.0)])
    time_s = np.array([0.0, 1.0, 46.0])
    side = np.array(["UA", "UA", "RU"])
    return pair_events(time_s, lat, lon, np.full(3, 0.2), np.full(3, 200.0), side, np.ones(3),
                       line_distance_m=np.array([-8_000.0, -8_000.0, 10_000.0]), config=config)


def test_a_launch_whose_impact_another_gun_of_its_battery_could_have_fired_stays_a_launch() -> None:
    """Two guns of one battery fire a second apart, 100 m apart; one impact is located. Which gun fired it is
    uncertain, that one of them is a launch is not: the best solution without the paired launch gives its impact to
    the other gun, which changes the partner, not the role."""
    result = two_guns_one_impact()
    launch = int(result.partner[2])
    assert launch in (0, 1) and result.kind[launch] == "launch"
    assert result.p_launch[launch] > 0.95


def test_unpaired_reason_says_whether_a_partner_was_possible(areas: Areas) -> None:
    # One UA launch and two RU impacts that both fit it: one impact is paired, the other had a possible partner that
    # the best assignment gave away; a lone event far from both had none.
    rows = [("L", T0, 48.0, lon_at_km(-8.0)), ("I1", T0 + 40.0, 48.0, lon_at_km(8.0)),
            ("I2", T0 + 41.0, 48.0, lon_at_km(8.5)), ("Z", T0 + 5000.0, 49.5, lon_at_km(-30.0))]
    result = attribute_events(events_table(rows), areas)
    by_id = dict(zip(result.event_ids, range(len(rows))))
    paired = {result.event_ids[i] for i in range(len(rows)) if result.partner[i] >= 0}
    assert "L" in paired and len(paired & {"I1", "I2"}) == 1
    left = by_id[({"I1", "I2"} - paired).pop()]
    assert result.reason[left].startswith("unpaired: 1 possible partner, none chosen in the best assignment"), result.reason[left]
    assert result.reason[by_id["Z"]].startswith("unpaired: no partner fits"), result.reason[by_id["Z"]]
