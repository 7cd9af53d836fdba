from __future__ import annotations

import json
from pathlib import Path

import pytest
from attribute_world import T0, events_table, lon_at_km, salvo

from truceline.attribute.attribution import attribute_events
from truceline.attribute.cases import group_cases
from truceline.attribute.facts import write_facts
from truceline.attribute.rules import Verdict, decide_verdicts, verdict_from_record, verdict_record
from truceline.geo.areas import Areas
from truceline.model.agreement import Terms, ViolationRule, terms_from_document
from truceline.protocol.facts import read_facts


def terms(*rules: ViolationRule, threshold: float = 0.9) -> Terms:
    return Terms(confidence_threshold=threshold, counting_statuses=("verified",), violation_rules=rules)


LAUNCH_IN_AREA = ViolationRule(id="launch", kind="launch_in_area", description="")
ACROSS = ViolationRule(id="across", kind="impact_across_line", description="")


def verdicts_for(areas: Areas, rows: list[tuple[str, float, float, float]], *rules: ViolationRule) -> list[Verdict]:
    return decide_verdicts(attribute_events(events_table(rows), areas), areas, terms(*rules), sector_of=lambda lat, lon: "test")


def test_launch_in_area_names_rule_evidence_and_confidence(areas: Areas) -> None:
    found = verdicts_for(areas, salvo(2), LAUNCH_IN_AREA)
    assert [v.event_id for v in found] == ["L1", "L2"]
    first = found[0]
    assert (first.firing_party, first.target_party, first.rule, first.sector) == ("UA", "RU", "launch", "test")
    assert first.evidence_ids == ("event:L1", "event:I1")
    assert 0.9 < first.confidence <= 1.0
    assert "launch L1 in UA's area" in first.reason


def test_launch_in_area_with_a_party_only_judges_that_party(areas: Areas) -> None:
    only_ru = ViolationRule(id="ru-only", kind="launch_in_area", description="", party="RU")
    assert verdicts_for(areas, salvo(2), only_ru) == []
    only_ua = ViolationRule(id="ua-only", kind="launch_in_area", description="", party="UA")
    assert len(verdicts_for(areas, salvo(2), only_ua)) == 2


def test_impact_across_line_judges_an_unpaired_impact_weakly(areas: Areas) -> None:
    found = verdicts_for(areas, [("I", T0, 48.0, lon_at_km(5.0))], ACROSS)
    assert len(found) == 1
    assert found[0].firing_party == "UA" and found[0].rule == "across"
    assert 0.5 <= found[0].confidence < 0.9
    assert "direction from the line only" in found[0].reason
    assert verdicts_for(areas, [("I", T0, 48.0, lon_at_km(5.0))], LAUNCH_IN_AREA) == []  # no launch: that rule cannot fire


def test_heavy_weapons_in_zone_needs_the_zone_and_the_weapon(areas: Areas) -> None:
    artillery = ViolationRule(id="heavy", kind="heavy_weapons_in_zone", description="", zone="withdrawal", weapons=("artillery", "mlrs"))
    inside = salvo(1, launch_km=-8.0, impact_km=10.0, flight_s=45.0)  # withdrawal zone is 0.2 deg (~15 km) wide
    found = verdicts_for(areas, inside, artillery)
    assert [v.rule for v in found] == ["heavy"]
    assert found[0].confidence > 0.9
    assert "inside zone withdrawal" in found[0].reason
    # 18 km in 45 s fits guns and rockets alike: a rule naming guns only is half sure.
    guns_only = ViolationRule(id="guns", kind="heavy_weapons_in_zone", description="", zone="withdrawal", weapons=("artillery",))
    assert verdicts_for(areas, inside, guns_only) == []
    deep = salvo(1, launch_km=-17.0, impact_km=3.0, flight_s=50.0)
    assert verdicts_for(areas, deep, artillery) == []
    mortars_only = ViolationRule(id="mortars", kind="heavy_weapons_in_zone", description="", zone="withdrawal", weapons=("mortar",))
    assert verdicts_for(areas, inside, mortars_only) == []


def test_calibre_threshold_lowers_confidence_for_mortars(areas: Areas) -> None:
    mortar_fire = salvo(1, launch_km=-1.5, impact_km=2.5, flight_s=25.0)
    any_mortar = ViolationRule(id="m", kind="heavy_weapons_in_zone", description="", zone="withdrawal", weapons=("mortar",))
    big_mortar = ViolationRule(id="m100", kind="heavy_weapons_in_zone", description="", zone="withdrawal", weapons=("mortar",), min_calibre_mm=100)
    plain = verdicts_for(areas, mortar_fire, any_mortar)
    big = decide_verdicts(attribute_events(events_table(mortar_fire), areas), areas, terms(big_mortar), sector_of=lambda a, b: "s",
                          min_confidence=0.0)
    assert plain and big
    assert big[0].confidence < plain[0].confidence * 0.5


def test_armed_attack_and_separate_negotiation(areas: Areas) -> None:
    attack = ViolationRule(id="attack", kind="armed_attack", description="")
    talks = ViolationRule(id="talks", kind="separate_negotiation", description="")
    assert [v.rule for v in verdicts_for(areas, salvo(1), attack)] == ["attack"]
    assert verdicts_for(areas, salvo(1), talks) == []


def test_best_rule_wins_and_all_fired_rules_are_listed(areas: Areas) -> None:
    found = verdicts_for(areas, salvo(1), ACROSS, LAUNCH_IN_AREA)
    assert found[0].rule == "across"  # equal confidence: the agreement's order decides
    assert [r for r, _ in found[0].rules_fired] == ["across", "launch"]


def test_rules_from_the_bundled_agreement(areas: Areas) -> None:
    import yaml
    from importlib import resources

    document = yaml.safe_load((resources.files("truceline.protocol") / "agreements" / "ukraine-2026.yaml").read_text(encoding="utf-8"))
    found = decide_verdicts(attribute_events(events_table(salvo(1)), areas), areas, terms_from_document(document))
    assert found[0].rule == "launch-in-party-area"


def test_verdict_records_round_trip_and_reject_bad_ones(areas: Areas) -> None:
    verdict = verdicts_for(areas, salvo(1), LAUNCH_IN_AREA)[0]
    assert verdict_from_record(json.loads(json.dumps(verdict_record(verdict)))) == verdict
    bad = verdict_record(verdict) | {"target_party": "UA"}
    with pytest.raises(ValueError, match="differ"):
        verdict_from_record(bad)


def test_facts_file_is_read_by_the_protocol(areas: Areas, tmp_path: Path) -> None:
    found = verdicts_for(areas, salvo(3) + salvo(2, prefix="b", lat=48.2), LAUNCH_IN_AREA)
    cases = group_cases(found)
    assert len(cases) == 1 and len(cases[0].violation_ids) == 5
    path = tmp_path / "facts.jsonl"
    write_facts([v.to_violation() for v in found] + cases, path)
    facts = read_facts(path)
    assert [type(f).__name__ for f in facts][:2] == ["Case", "Violation"]
    assert [f.at_s for f in facts] == sorted(f.at_s for f in facts)


def test_cases_split_by_party_sector_and_time(areas: Areas) -> None:
    base = verdicts_for(areas, salvo(1), LAUNCH_IN_AREA)[0]
    from dataclasses import replace

    later = replace(base, event_id="late", time_s=base.time_s + 7 * 3600, at_s=base.at_s + 7 * 3600)
    other_sector = replace(base, event_id="far", sector="elsewhere")
    cases = group_cases([base, later, other_sector])
    assert sorted(c.violation_ids for c in cases) == [("L1",), ("far",), ("late",)]


def test_an_unpaired_launch_target_prior_is_updated_by_the_leftover_picks_factor(areas: Areas) -> None:
    """A launch from the battery whose impact was not located: the target factor is the prior that fire crosses the
    line (0.85), moved by the leftover picks' Bayes factor for its impact across the line when there is one."""
    from dataclasses import replace

    import numpy as np

    rows = salvo(2) + [("LX", T0 + 30.0, 48.0005, lon_at_km(-8.0))]  # fired with the salvo; no impact fits it
    attribution = attribute_events(events_table(rows), areas)
    lone = attribution.event_ids.index("LX")
    assert attribution.kind[lone] == "launch" and attribution.partner[lone] == -1

    def confidence(factor: float) -> float:
        crossing = np.zeros(len(attribution.event_ids))
        crossing[lone] = factor
        found = decide_verdicts(replace(attribution, crossing_log_factor=crossing), areas, terms(LAUNCH_IN_AREA),
                                sector_of=lambda lat, lon: "test", min_confidence=0.0)
        return next(v.confidence for v in found if v.event_id == "LX")

    plain = confidence(0.0)
    assert plain == pytest.approx(attribution.p_firing_party[lone] * 0.85, abs=1e-5)
    odds = 0.85 / 0.15 * 9.0
    assert confidence(float(np.log(9.0))) == pytest.approx(attribution.p_firing_party[lone] * odds / (1.0 + odds), abs=1e-5)
    assert confidence(-3.0) < plain
