"""Session 15 (patrol15): constructs of a fresh real held-out batch J and a development batch K (spot reports, news
copies of them, summaries), and patrol14c's leftovers.

The real items (stored public copies; kept outside the repository, never copied here) were judged field by field against
expectations written by hand before the reader was run (docs/ingest.md, "Session 15 (patrol15)"). Every sentence below
was written for this file in the reports' style, with other places, numbers and wording than the real items.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.ingest.test_patrol_sentences import parse as parse_records

UND = "explosion_undetermined"


def parse(text: str, day: date = date(2018, 9, 12)) -> list[dict[str, Any]]:
    return parse_records(text, date=day)


def fire(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records that observed something (not the "no observation" ones)."""
    return [record for record in records if record["kind"] != "other" or record["count"]]


def test_a_disengagement_area_described_in_brackets_is_its_place() -> None:
    # the bracket (with a space after it) describes the area of the place before it: not an offset from Luhansk
    records = parse("On 3 August, an SMM patrol was positioned near a checkpoint on the northern edge of the Popasna "
                    "disengagement area ( 70km west of Luhansk). At 10:40, the SMM heard four shots 1km south.")
    assert {record["observer_place"] for record in records} == {"Popasna"}
    assert abs(records[-1]["observer_lon"] - 38.38) < 0.1


def test_a_spot_reports_opening_paragraph_places_the_next_one() -> None:
    text = ("On 12 September, an SMM patrol consisting of four members and two armoured vehicles was positioned on the "
            "eastern edge of Svitlodarsk (government-controlled, 57km north-east of Donetsk).\n"
            "At 14:05, from inside their vehicles, the SMM heard two explosions assessed as impacts about 300m south.")
    (record,) = fire(parse(text))
    assert record["observer_place"] == "Svitlodarsk" and record["observer_lat"] is not None
    assert (record["kind"], record["count"]) == ("explosion_impact", 2)
    # the members as the subject, with a bracket after them
    text = ("An SMM patrol comprising five members was positioned in Popasna to monitor repairs.\n"
            "At 09:20, the SMM patrol members (two of whom were outside the vehicles) saw and heard an explosion 50m west.")
    (record,) = fire(parse(text))
    assert record["observer_place"] == "Popasna"


def test_the_position_does_not_cross_to_the_next_paragraph_otherwise() -> None:
    # the first paragraph observed something: the next paragraph's "the SMM heard" has no position of its own
    text = ("On 12 September, an SMM patrol consisting of four members was positioned in Popasna and heard three shots "
            "2km south.\nAt 14:05, the SMM heard two explosions 3km north.")
    records = fire(parse(text))
    assert records[1]["observer_place"] is None
    # a paragraph that places the mission but not a patrol of so many members (a daily report)
    text = "Positioned in Popasna, the SMM did not observe any ceasefire violations.\nAt 14:05, the SMM heard two explosions 3km north."
    records = fire(parse(text))
    assert records[0]["observer_place"] is None
    # nor to a sentence whose subject is not the mission
    text = ("An SMM patrol consisting of six members was positioned in Popasna.\n"
            "Residents told the SMM that they had heard explosions at night.")
    assert all(record["observer_place"] is None for record in parse(text)[1:])


def test_a_second_lead_before_the_mission_keeps_the_paragraphs_position() -> None:
    records = parse("On 4 May, positioned 3km south of Svitlodarsk, the SMM launched a mini-UAV. The SMM had informed the "
                    "JCCC of the flight. At 10:05, while the UAV was flying about 600m east of the SMM's position, the SMM "
                    "heard six shots of small-arms fire 800m east of its position.")
    (record,) = fire(records)
    assert record["observer_place"] == "Svitlodarsk" and record["observer_lat"] is not None
    assert (record["kind"], record["count"], record["weapon"]) == ("shot", 6, "small_arms")


def test_fire_assessed_as_aimed_at_the_uav_is_the_fire_before() -> None:
    records = parse("While flying a mini-UAV near Zolote, the SMM heard about 15 bursts of small-arms fire 200-300m north "
                    "of its position. The SMM assessed that the bursts had probably been aimed at the UAV.")
    assert [(record["kind"], record["count"]) for record in records] == [("burst", 15), ("other", None)]
    assert records[0]["target"] == "UAV"
    assert "its target, not a new observation" in records[1]["warnings"][0]
    # with no fire before, nothing is applied and nothing counted
    records = parse("The SMM assessed that the shots had been directed at its vehicle.")
    assert [(record["kind"], record["count"]) for record in records] == [("other", None)]


def test_words_that_name_fire_without_observing_any() -> None:
    # the patrol's own work, what soldiers said, when and where an impact told before was, a remnant, a trend
    for text in ("On 9 May, an SMM patrol was conducting a crater analysis on Shkilna Street in Popasna.",
                 "Some minutes later, three soldiers approached the SMM and apologised for firing at the SMM mini-UAV.",
                 "At the time of the explosion, the camera was facing south-east.",
                 "Moments later, the patrol saw the tail fin of a mortar round lying in the yard near the impact site.",
                 "Compared with the day before, the number of explosions rose by more than three times."):
        assert fire(parse(text)) == [], text


def test_an_impact_seen_before_its_remnant_is_counted_once() -> None:
    records = parse("At 15:10, the SMM saw and heard an explosion in a field about 40m north-east (assessed as an impact). "
                    "Shortly afterwards, the SMM saw a tailfin from a rocket-propelled grenade fall near the impact.")
    assert [(record["kind"], record["count"]) for record in fire(records)] == [("explosion_impact", 1)]
