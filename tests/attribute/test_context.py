"""The contexts of an event's role: a battery (paired launches fired from its place in the same minutes) and an impact
area (paired impacts of fire from elsewhere landed there), their odds learned from the run's pairs, and how sure a
context is when its neighbours' own roles are in doubt."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.context import context_odds_from_pairs, context_of
from truceline.attribute.pairing import PairingConfig
from truceline.geo.areas import Areas

from attribute_world import T0, events_table, lon_at_km, salvo


def _cloud() -> list[tuple[str, float, float, float]]:
    """A salvo of four (UA, 8 km behind the line, onto RU 10 km behind it), and a fifth bang where its rounds landed a
    minute after the last of them that nothing can have fired (140 s from the battery is beyond every class)."""
    return salvo(4) + [("X", T0 + 3 * 12.0 + 45.0 + 60.0, 48.001, lon_at_km(10.2))]


def test_an_unpaired_bang_inside_a_missions_impact_cloud_is_an_impact(areas: Areas) -> None:
    """Without the impact-area context the bang is an impact only by the prior (0.75); landing where four paired impacts
    of fire from elsewhere landed in the same minutes, it is an impact with the odds learned from those pairs: the four
    impacts each have the others around them, no paired launch does, so (0 + 5 x 0.2) : (4 + 5 x 0.8) = 1 : 8."""
    result = attribute_events(events_table(_cloud()), areas)
    x = result.event_ids.index("X")
    assert result.partner[x] == -1 and result.kind[x] == "impact"
    assert result.p_kind[x] == pytest.approx(8.0 / 9.0, abs=1e-9)
    assert "landed where paired impacts of fire from elsewhere landed" in result.reason[x]
    off = attribute_events(events_table(_cloud()), areas, config=AttributionConfig(pairing=PairingConfig(impact_area=False)))
    assert off.p_kind[off.event_ids.index("X")] == pytest.approx(0.75, abs=1e-9)
    # The impact's claim (fire from across the line) grows with it.
    assert result.firing_party[x] == "UA" and result.p_firing_party[x] > off.p_firing_party[x]


def test_context_odds_are_learned_from_the_pairs() -> None:
    """Four launches from one place and their four impacts 18 km away: at the battery (4 + 4) : 1, in the impact area
    (0 + 1) : (4 + 4); with no pairs at all the priors stand."""
    rows = salvo(4)
    time_s = np.array([r[1] for r in rows])
    lat = np.array([r[2] for r in rows])
    lon = np.array([r[3] for r in rows])
    kind = np.array(["launch", "impact"] * 4)
    partner = np.array([1, 0, 3, 2, 5, 4, 7, 6])
    config = PairingConfig()
    odds = context_odds_from_pairs(kind, partner, time_s, lat, lon, config)
    assert odds.battery == pytest.approx(8.0)
    assert odds.impact_area == pytest.approx(1.0 / 8.0)
    none = context_odds_from_pairs(np.array(["unknown"] * 8), np.full(8, -1), time_s, lat, lon, config)
    assert none.battery == pytest.approx(config.battery_odds) and none.impact_area == pytest.approx(config.impact_area_odds)


def test_a_short_range_salvos_own_impacts_do_not_make_its_battery_an_impact_area() -> None:
    """A mortar battery 0.7 km behind the line firing 1.4 km across it: its impacts land within the battery's radius.
    They were fired from the battery itself, so a launch there has a battery (the other mortar) and no impact area;
    an impact whose launch was 20 km away, landing there in the same minutes, is one."""
    lat = np.full(5, 48.0)
    lon = np.array([lon_at_km(-0.7), lon_at_km(-0.7), lon_at_km(0.7), lon_at_km(0.7), lon_at_km(-0.5)])
    time_s = T0 + np.array([0.0, 5.0, 20.0, 25.0, 40.0])
    kind = np.array(["launch", "launch", "impact", "impact", "impact"])
    partner = np.array([2, 3, 0, 1, -1])
    config = PairingConfig()
    assert context_of(0, kind, partner, time_s, lat, lon, config) == (1.0, 0.0)
    # An impact of fire from elsewhere lands on the battery (its launch 20 km east, paired).
    lat = np.append(lat, 48.0)
    lon = np.append(lon, lon_at_km(20.0))
    time_s = np.append(time_s, T0 - 30.0)
    kind = np.append(kind, "launch")
    partner = np.array([2, 3, 0, 1, 5, 4])
    assert context_of(0, kind, partner, time_s, lat, lon, config) == (1.0, 1.0)


def test_a_context_is_as_sure_as_its_neighbours_roles() -> None:
    """Two events paired as launches side by side are each other's battery only as much as the other is a launch:
    with role probabilities 0.5 the battery is 0.5 sure; with three such neighbours, 1 - 0.5^3."""
    lat = np.full(8, 48.0)
    lon = np.array([lon_at_km(-5.0)] * 4 + [lon_at_km(12.0)] * 4)
    time_s = T0 + np.array([0.0, 2.0, 4.0, 6.0, 50.0, 52.0, 54.0, 56.0])
    kind = np.array(["launch"] * 4 + ["impact"] * 4)
    partner = np.array([4, 5, 6, 7, 0, 1, 2, 3])
    config = PairingConfig()
    p_launch = np.array([0.5, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0])
    p_impact = 1.0 - p_launch
    assert context_of(0, kind, partner, time_s, lat, lon, config) == (3.0, 0.0)
    battery, area = context_of(0, kind, partner, time_s, lat, lon, config, None, p_launch, p_impact)
    assert battery == pytest.approx(1.0 - 0.5**3) and area == 0.0
    p_launch[1:4] = [0.5, 0.0, 0.0]
    assert context_of(0, kind, partner, time_s, lat, lon, config, None, p_launch, p_impact)[0] == pytest.approx(0.5)
