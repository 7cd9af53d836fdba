from __future__ import annotations

import dataclasses
import math

from attribute_world import T0, events_table, lon_at_km, salvo

from truceline.attribute.attribution import attribute_events
from truceline.attribute.corroborate import reliability_weight, report_only_event
from truceline.attribute.rules import decide_verdicts
from truceline.geo.areas import Areas
from truceline.model.agreement import Terms, ViolationRule
from truceline.model.reports import Report

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
