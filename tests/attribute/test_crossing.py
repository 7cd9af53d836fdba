"""A pair's two locations judged together: fire crosses the line (the across-line prior), so a launch near the line
whose impact landed deep across it is probably on its own side, and an impact near the line probably across it."""

from __future__ import annotations

import pytest

from truceline.attribute.attribution import AttributionConfig, attribute_events, side_given_partner
from truceline.attribute.rules import decide_verdicts
from truceline.geo.areas import Areas
from truceline.model.agreement import Terms, ViolationRule

from attribute_world import events_table, salvo

ACROSS = ViolationRule(id="across", kind="impact_across_line", description="")


def test_side_given_partner_is_bayes_with_the_crossing_prior() -> None:
    # An even prior couples nothing: the location alone.
    assert side_given_partner(0.7, 0.02, 0.5) == pytest.approx(0.7)
    # A launch on the line (0.5) whose impact is surely across: the prior.
    assert side_given_partner(0.5, 0.0, 0.9) == pytest.approx(0.9)
    # By hand: 0.844 own, partner 0.018 in the same area, prior 0.9.
    own = 0.844 * 0.982 * 0.9 + 0.844 * 0.018 * 0.1
    other = 0.156 * 0.018 * 0.9 + 0.156 * 0.982 * 0.1
    assert side_given_partner(0.844, 0.018, 0.9) == pytest.approx(own / (own + other))
    # A partner as uncertain as the event itself: symmetric, nothing to learn.
    assert side_given_partner(0.5, 0.5, 0.9) == pytest.approx(0.5)


def test_a_launch_near_the_line_is_judged_with_its_impact(areas: Areas) -> None:
    """Mortars 0.4 km behind the line (located within about 0.4 km, 1 sigma: 0.84 on their side by location alone)
    fire 5.4 km onto the other side: with the impacts' side and the crossing prior, the firing party is surer."""
    rows = salvo(3, launch_km=-0.4, impact_km=5.0, flight_s=30.0)
    table = events_table(rows, ellipse_km=1.0)
    on = attribute_events(table, areas)
    off = attribute_events(table, areas, config=AttributionConfig(crossing_prior_on_pairs=False))
    for k in (1, 2, 3):
        i = on.event_ids.index(f"L{k}")
        assert on.partner[i] >= 0 and on.firing_party[i] == off.firing_party[i] == "UA"
        assert off.p_firing_party[i] < 0.9 < on.p_firing_party[i]


def test_an_impact_near_the_line_is_judged_with_its_launch(areas: Areas) -> None:
    """An impact 0.4 km across the line from launches 6 km behind it: the impact's side by location alone is about 0.84;
    given the launch and the prior 0.85 that fire crosses, the verdict is surer; without the coupling it is not."""
    rows = salvo(3, launch_km=-6.0, impact_km=0.4, flight_s=30.0)
    result = attribute_events(events_table(rows, ellipse_km=1.0), areas)
    terms = Terms(confidence_threshold=0.9, counting_statuses=("verified",), violation_rules=(ACROSS,))
    coupled = {v.event_id: v.confidence for v in decide_verdicts(result, areas, terms)}
    alone = {v.event_id: v.confidence for v in decide_verdicts(result, areas, terms, pair_crossing=False)}
    assert set(coupled) == set(alone) == {"L1", "L2", "L3"}
    for event_id, confidence in alone.items():
        assert coupled[event_id] > confidence
    assert alone["L1"] < 0.9 < coupled["L1"]  # the nearest impact (the salvo's others land 0.15 and 0.3 km deeper)
