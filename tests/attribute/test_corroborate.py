from __future__ import annotations

import dataclasses
import math

from attribute_world import T0, events_table, lon_at_km, salvo

from truceline.attribute.attribution import attribute_events
from truceline.attribute.corroborate import reliability_weight, report_only_event, unplaced_reason
from truceline.attribute.rules import decide_verdicts
from truceline.geo.areas import Areas
from truceline.model.agreement import Terms, ViolationRule
from truceline.model.reports import SUMMARY_WARNING, Report

TERMS = Terms(confidence_threshold=0.9, counting_statuses=("verified",),
              violation_rules=(ViolationRule(id="across", kind="impact_across_line", description=""),))


def patrol(report_id: str, *, bearing: tuple[float, float] = (78.75, 101.25), distance: tuple[float, float] = (4.0, 8.0),
           window: tuple[float, float] = (T0 - 60.0, T0 + 600.0), kind: str = "explosion_impact", grade: str = "B2",
           observer_km: float = 0.0, count: int = 1) -> Report:
    """A patrol just east of the line (observer_km from the line) hearing something to the east."""
    return Report(report_id=report_id, source="patrol", kind=kind, time_start=window[0], time_end=window[1], count=count,
                  observer_lat=48.0, observer_lon=lon_at_km(observer_km), bearing_min_deg=bearing[0], bearing_max_deg=bearing[1],
                  distance_min_km=distance[0], distance_max_km=distance[1], reliability=grade)


def test_patrol_report_corroborates_the_event_in_its_sector(areas: Areas) -> None:
    events = events_table([("I", T0, 48.0, lon_at_km(6.0)), ("J", T0, 48.3, lon_at_km(6.0))])
    result = attribute_events(events, areas, [patrol("p1")])
    assert [m.event_index for m in result.matches["p1"]] == [0]
    assert result.status == ("corroborated", "automatic")
    assert result.events["report_ids"].to_pylist() == ["p1", ""]
    plain = decide_verdicts(attribute_events(events, areas), areas, TERMS)[0]
    backed = decide_verdicts(result, areas, TERMS, report_times={"p1": T0 + 600.0})[0]
    assert backed.status == "corroborated" and backed.confidence > plain.confidence
    assert "report:p1" in backed.evidence_ids and backed.corroborated_at_s == T0 + 600.0


def test_better_graded_reports_raise_confidence_more(areas: Areas) -> None:
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    confidence = {}
    for grade in ("A1", "C3", "E5"):
        result = attribute_events(events, areas, [patrol("p", grade=grade)])
        confidence[grade] = decide_verdicts(result, areas, TERMS)[0].confidence
    assert confidence["A1"] > confidence["C3"] > confidence["E5"]
    assert reliability_weight("A1") > reliability_weight("B2") > reliability_weight("F6") > reliability_weight("E5")
    assert reliability_weight(None) == reliability_weight("F6")


def test_report_outside_sector_window_or_range_does_not_match(areas: Areas) -> None:
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    for report in (patrol("west", bearing=(258.75, 281.25)), patrol("late", window=(T0 + 3600.0, T0 + 4000.0)),
                   patrol("far", distance=(25.0, 30.0))):
        result = attribute_events(events, areas, [report])
        assert result.matches[report.report_id] == [], report.report_id
        assert result.event_ids[-1] == f"R-{report.report_id}"  # kept as a report-only event


def test_unmatched_reports_become_report_only_events_never_dropped(areas: Areas) -> None:
    osint = Report(report_id="o1", source="osint", kind="explosion_impact", time_start=T0, time_end=T0 + 7200.0, count=3,
                   lat=48.5, lon=lon_at_km(9.0), reliability="C3")
    shots = Report(report_id="s1", source="patrol", kind="shot", time_start=T0, time_end=T0 + 60.0, observer_lat=48.0,
                   observer_lon=lon_at_km(1.0))
    nowhere = Report(report_id="n1", source="osint", kind="explosion_undetermined", time_start=T0)
    result = attribute_events(events_table(salvo(1)), areas, [patrol("p1", bearing=(168.75, 191.25)), osint, shots, nowhere])
    assert result.event_ids[2:] == ("R-p1", "R-o1", "R-s1")
    assert result.unplaced_reports == ("n1",)
    table = result.events.to_pylist()
    assert table[3]["ellipse_major_km"] >= 20.0 and table[3]["n_picks"] == 0 and table[3]["report_ids"] == "o1"
    assert table[2]["ellipse_major_km"] > 5.0 and table[2]["kind"] == "impact"


def test_report_only_event_for_a_patrol_points_down_the_bearing() -> None:
    made = report_only_event(patrol("p", bearing=(78.75, 101.25), distance=(4.0, 6.0)))
    assert made is not None
    assert math.isclose(made.lat, 48.0, abs_tol=0.01)
    assert 4.0 < (made.lon - lon_at_km(0.0)) * 74.5 < 6.0  # ~74.5 km per degree of longitude at 48 N


def test_osint_matches_nearby_impacts_only(areas: Areas) -> None:
    rows = salvo(2)
    impact_lon = rows[1][3]
    osint = Report(report_id="o1", source="acled", kind="explosion", time_start=T0 - 3600.0, time_end=T0 + 7200.0, count=2,
                   lat=48.02, lon=impact_lon, location_uncertainty_km=3.0, reliability="B3")
    result = attribute_events(events_table(rows), areas, [osint])
    matched = {result.event_ids[m.event_index] for m in result.matches["o1"]}
    assert matched == {"I1", "I2"}


def test_a_report_that_nothing_was_observed_is_neither_a_match_nor_an_event(areas: Areas) -> None:
    # "the SMM heard no explosions" (patrol text writes it with count 0): listed, but it places no event and
    # corroborates none, even where an event lies in its window and sector
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    result = attribute_events(events, areas, [patrol("none", count=0, kind="other"), patrol("zero", count=0)])
    assert result.matches["none"] == [] and result.matches["zero"] == []
    assert result.status == ("automatic",)
    assert result.event_ids == ("I",)
    assert result.unplaced_reports == ("none", "zero")


def test_sightings_and_exercises_are_kept_but_accuse_no_one(areas: Areas) -> None:
    # A weapon or a drone seen, and fire the patrol assessed as a live-fire exercise or as not in violation, are kept as
    # report-only events (never dropped) but neither corroborate the sensor event in their sector nor make a claim.
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    def extra(report_id: str, kind: str, **extras: object) -> Report:
        return dataclasses.replace(patrol(report_id, kind=kind), extras=extras)
    reports = [extra("tanks", "other", sighting="weapon", violation_of="withdrawal lines"), extra("drone", "other", sighting="uav"),
               extra("drill", "explosion_impact", live_fire=True), extra("ok", "explosion_impact", not_violation=True)]
    result = attribute_events(events, areas, reports)
    assert all(result.matches[r.report_id] == [] for r in reports)
    assert result.status[0] == "automatic"
    assert result.event_ids[1:] == ("R-tanks", "R-drone", "R-drill", "R-ok")
    assert result.firing_party[1:] == ("", "", "", "") and list(result.p_firing_party[1:]) == [0.0] * 4
    assert "a sighting (weapon), not fire" in result.reason[1] and "live-fire exercise" in result.reason[3]
    assert [v.event_id for v in decide_verdicts(result, areas, TERMS)] == ["I"]
    # the same fire reported plainly corroborates and claims
    plain = attribute_events(events, areas, [patrol("p")])
    assert [m.event_index for m in plain.matches["p"]] == [0]


def test_hearsay_raises_confidence_but_does_not_make_a_verdict_corroborated(areas: Areas) -> None:
    # "The JCCC reported that ..." (``reported_by``, graded F6 by the patrol-text reader) matched to the sensor event: kept
    # as evidence and weighed by its grade, but an accusation is not "corroborated" on a party's or a resident's word.
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    told = dataclasses.replace(patrol("jccc", grade="F6"), extras={"reported_by": "JCCC"})
    result = attribute_events(events, areas, [told])
    assert [m.event_index for m in result.matches["jccc"]] == [0]
    assert result.status == ("automatic",) and result.report_ids[0] == ("jccc",)
    assert result.hearsay_reports == frozenset({"jccc"})
    plain = decide_verdicts(attribute_events(events, areas), areas, TERMS)[0]
    verdict = decide_verdicts(result, areas, TERMS, report_times={"jccc": T0 + 600.0})[0]
    assert verdict.status == "automatic" and verdict.corroborated_at_s is None
    assert verdict.confidence > plain.confidence and "report:jccc" in verdict.evidence_ids
    # with the mission's own report as well it is corroborated, as of the first-hand report
    both = attribute_events(events, areas, [told, patrol("own")])
    assert both.status == ("corroborated",)
    verdict = decide_verdicts(both, areas, TERMS, report_times={"jccc": T0 + 300.0, "own": T0 + 900.0})[0]
    assert verdict.status == "corroborated" and verdict.corroborated_at_s == T0 + 900.0


def test_a_summary_of_the_period_matches_nothing_and_claims_nothing(areas: Areas) -> None:
    # "In Donetsk region, the SMM recorded 240 ceasefire violations, including 97 explosions", here even with a place and
    # a time that hold the sensor event: its counts repeat the observations it sums up, so it must not take ~127 events
    # nor accuse anyone; kept as a report-only event with no claim.
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    tally = dataclasses.replace(patrol("tally", kind="explosion_impact", count=97), extras={"ceasefire_violations": 240})
    warned = dataclasses.replace(patrol("warned", count=5), warnings=(SUMMARY_WARNING,))
    result = attribute_events(events, areas, [tally, warned])
    assert result.matches["tally"] == [] and result.matches["warned"] == []
    assert result.status[0] == "automatic"
    assert result.event_ids[1:] == ("R-tally", "R-warned")
    assert result.firing_party[1:] == ("", "") and "a summary of the period" in result.reason[1]
    assert [v.event_id for v in decide_verdicts(result, areas, TERMS)] == ["I"]
    # without a place it is listed, with why
    regional = Report(report_id="r", source="patrol", kind="explosion_undetermined", count=97, extras={"ceasefire_violations": 240})
    assert "a summary of the period" in unplaced_reason(regional) and "no place" in unplaced_reason(regional)


def test_a_report_without_time_matches_nothing(areas: Areas) -> None:
    # Patrol text read with --date alone leaves a sentence without a time untimed: it fits events of any hour or day, so
    # it matches none (before, it corroborated whichever fitted its sector, at any time) and, with no time, places none.
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    report = dataclasses.replace(patrol("untimed"), time_start=None, time_end=None)
    result = attribute_events(events, areas, [report])
    assert result.matches["untimed"] == [] and result.status == ("automatic",)
    assert result.unplaced_reports == ("untimed",) and unplaced_reason(report) == "no time"


def test_a_report_only_claim_is_weighed_by_the_reports_grade(areas: Areas) -> None:
    # An impact reported where the sensors located nothing: the claim that the other party fired it (across-line prior,
    # 0.6 x 0.9) times the report's grade weight, so that a B2 patrol or F6 hearsay alone makes no verdict.
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    claims = {}
    for grade in ("A1", "B2", "F6"):
        result = attribute_events(events, areas, [patrol("far", grade=grade, bearing=(258.75, 281.25), observer_km=-3.0)])
        assert result.event_ids[-1] == "R-far" and result.firing_party[-1] == "RU"
        claims[grade] = float(result.p_firing_party[-1])
        assert f"graded {grade}" in result.reason[-1]
        assert [v.event_id for v in decide_verdicts(result, areas, TERMS)] == ["I"]
    for grade, claim in claims.items():
        assert math.isclose(claim, 0.54 * reliability_weight(grade), abs_tol=0.01), grade


def test_fire_without_a_direction_claims_nothing(areas: Areas) -> None:
    # Shots, bursts, undetermined explosions, flares and projectiles reported where no sensor event is: the report states
    # neither an impact nor a launch, so the claim for the party whose area holds the place would be exactly 0.5 (a coin
    # toss); the report-only event names no one. So does fire at the mission itself.
    events = events_table([("I", T0, 48.0, lon_at_km(6.0))])
    far = dict(bearing=(258.75, 281.25), observer_km=-3.0, distance=(1.0, 2.0))
    reports = [patrol("shots", kind="shot", count=30, **far), patrol("und", kind="explosion_undetermined", **far),  # type: ignore[arg-type]
               dataclasses.replace(patrol("uav", kind="burst", **far), extras={"target": "SMM mini-UAV"})]  # type: ignore[arg-type]
    result = attribute_events(events, areas, reports)
    assert result.event_ids[1:] == ("R-shots", "R-und", "R-uav")
    assert result.firing_party[1:] == ("", "", "") and list(result.p_firing_party[1:]) == [0.0] * 3
    assert "no direction of fire" in result.reason[1] and "fire at the mission's SMM mini-UAV" in result.reason[3]
