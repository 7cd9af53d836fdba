"""A fire's launch event judged by the two shares of its firing-party claim apart (session 9, attr9).

An event paired as a launch but likelier an impact is named as the *other* party's fire (an impact of its fire from
across the line). Before, every rule read the whole claim: ``heavy_weapons_in_zone`` then put the other party's weapon in
the zone at the event's place (``violation`` seed 10 fused: a true UA rocket launch called an impact, RU named at 0.82 by
that rule). Now the launch rules and the zone rule read the share in which the named party launched the round from its
area, the impact rules that and the share in which the event is itself an impact of its fire."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from attribute_world import events_table, lon_at_km, salvo

from truceline.attribute.attribution import attribute_events
from truceline.attribute.rules import decide_verdicts
from truceline.geo.areas import Areas
from truceline.model.agreement import Terms, ViolationRule

HEAVY = ViolationRule(id="heavy", kind="heavy_weapons_in_zone", description="", zone="withdrawal", weapons=("artillery", "mlrs"))
LAUNCH = ViolationRule(id="launch", kind="launch_in_area", description="")
ACROSS = ViolationRule(id="across", kind="impact_across_line", description="")


def terms(*rules: ViolationRule) -> Terms:
    return Terms(confidence_threshold=0.9, counting_statuses=("verified",), violation_rules=rules)


def test_shares_of_a_clear_launch_are_its_claim(areas: Areas) -> None:
    att = attribute_events(events_table(salvo(2, launch_km=-8.0, impact_km=10.0, flight_s=45.0)), areas)
    assert att.p_launched is not None and att.p_landed is not None
    for i, kind in enumerate(att.kind):
        if kind == "launch":
            assert att.firing_party[i] == "UA"
            assert abs(att.p_launched[i] - att.p_firing_party[i]) < 0.02  # a sure launch: the claim is its launch share
            assert att.p_landed[i] < 0.02
        else:
            assert np.isnan(att.p_launched[i]) and np.isnan(att.p_landed[i])


def test_shares_add_up_to_the_claim_up_to_the_across_prior(areas: Areas) -> None:
    # A launch and two impacts of one salvo, and an unpaired event: the shares are the claim's two terms.
    rows = salvo(3, launch_km=-6.0, impact_km=9.0, flight_s=40.0) + [("X", 1_780_309_000.0, 48.0, lon_at_km(-3.0))]
    att = attribute_events(events_table(rows), areas)
    assert att.p_launched is not None and att.p_landed is not None
    for i, kind in enumerate(att.kind):
        if np.isfinite(att.p_launched[i]):
            assert kind == "launch"
            assert abs(att.p_launched[i] + att.p_landed[i] / 0.9 - att.p_firing_party[i]) < 1e-6


def swapped_launch(areas: Areas) -> tuple[object, int]:
    """A rocket launch 8 km behind UA's line, inside the zone, paired with its impact: then judged, as the pairing may
    judge a true launch under counter-battery fire, 0.2 a launch and 0.8 an impact: RU named (an impact of RU's fire)."""
    att = attribute_events(events_table(salvo(1, launch_km=-8.0, impact_km=10.0, flight_s=45.0)), areas)
    i = att.kind.index("launch")
    p_kind = att.p_kind.copy()
    p_kind[i] = 0.2
    firing = list(att.firing_party)
    firing[i] = "RU"
    p_firing = att.p_firing_party.copy()
    p_firing[i] = 0.8  # 0.2 * P(in RU's area as a launch) + 0.8 * P(in UA's area)
    launched, landed = att.p_launched.copy(), att.p_landed.copy()  # type: ignore[union-attr]
    launched[i], landed[i] = 0.0, 0.8 * 0.9
    return replace(att, p_kind=p_kind, firing_party=tuple(firing), p_firing_party=p_firing, p_launched=launched, p_landed=landed), i


def test_an_impact_named_as_the_other_partys_fire_puts_no_weapon_in_the_zone(areas: Areas) -> None:
    att, i = swapped_launch(areas)
    before = decide_verdicts(att, areas, terms(HEAVY, LAUNCH, ACROSS), sector_of=lambda a, b: "s", split_roles=False)  # type: ignore[arg-type]
    assert [(v.firing_party, v.rule) for v in before] == [("RU", "heavy")]
    assert abs(before[0].confidence - 0.8) < 0.01  # the whole claim, as RU's weapon in the zone at UA's launch site
    after = decide_verdicts(att, areas, terms(HEAVY, LAUNCH, ACROSS), sector_of=lambda a, b: "s")  # type: ignore[arg-type]
    assert [(v.firing_party, v.rule) for v in after] == [("RU", "across")]
    assert abs(after[0].confidence - 0.72) < 0.01  # the event as an impact of RU's fire from across the line
    assert dict(after[0].rules_fired)["heavy"] == 0.0 and dict(after[0].rules_fired)["launch"] == 0.0
    assert "is itself an impact of RU's fire" in after[0].reason
    # Without an impact rule in the terms nothing stands: that share is no launch and no weapon.
    assert decide_verdicts(att, areas, terms(HEAVY, LAUNCH), sector_of=lambda a, b: "s") == []  # type: ignore[arg-type]


def test_a_clear_launch_in_the_zone_is_judged_as_before(areas: Areas) -> None:
    att = attribute_events(events_table(salvo(1, launch_km=-8.0, impact_km=10.0, flight_s=45.0)), areas)
    rules = terms(HEAVY, LAUNCH, ACROSS)
    before = decide_verdicts(att, areas, rules, sector_of=lambda a, b: "s", split_roles=False)
    after = decide_verdicts(att, areas, rules, sector_of=lambda a, b: "s")
    assert [(v.firing_party, v.rule) for v in after] == [(v.firing_party, v.rule) for v in before] == [("UA", "heavy")]
    assert abs(after[0].confidence - before[0].confidence) < 0.01
