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


def test_the_period_after_than_is_the_one_compared_with() -> None:
    # "the next 24 hours" after the period compared with: the day after it (the count was put in the period written)
    (record,) = parse("Over the next 24 hours, the SMM recorded fewer ceasefire violations than between the evenings of 9 "
                      "and 10 March, including about 300 explosions.", day=date(2018, 3, 12))
    assert (record["count"], record["time_start"], record["time_end"]) == (300, "10 18:00", "11 21:00")
    # without it, the period written is not this one's: left undated
    (record,) = parse("The SMM recorded fewer ceasefire violations than between the evenings of 9 and 10 March, including "
                      "about 300 explosions.", day=date(2018, 3, 12))
    assert record["count"] == 300 and record["time_start"] is None
    # a period that is not after "than" is read as before
    (record,) = parse("The SMM recorded fewer ceasefire violations between the evenings of 9 and 10 March, including about "
                      "300 explosions, than in the previous reporting period.", day=date(2018, 3, 12))
    assert (record["time_start"], record["time_end"]) == ("09 18:00", "10 21:00")


def test_the_explosions_after_counted_ones_are_those() -> None:
    records = parse("At 10:12, four patrol members saw three explosions about 40m south-west. The other two patrol members "
                    "were inside the vehicle but also heard the explosions.")
    assert [(record["kind"], record["count"]) for record in fire(records)] == [(UND, 3)]
    assert records[-1]["bearing_min_deg"] is None


def test_the_explosion_with_a_place_of_its_own_is_one() -> None:
    records = parse("At 16:20, the monitors heard the explosion of unknown origin about 700 metres to the South, and then "
                    "another explosion about 400 metres East.")
    assert [(record["kind"], record["count"], record["bearing"]) for record in records] == [(UND, 1, "S"), (UND, 1, "E")]
    # with no place of its own it stays an unstated number
    (record,) = parse("The SMM heard the explosion.")
    assert record["count"] is None


def test_fire_written_again_without_a_verb_or_number_is_the_fire_before() -> None:
    records = parse("Around 14:00, bullets whistled over the observers' heads, and they took cover. According to them, "
                    "shots were fired from the West to the East-North-East. Inside the car, they heard another shot.")
    assert [(record["kind"], record["count"]) for record in fire(records)] == [("shot", None), ("shot", 1)]
    # a first mention without a verb is kept as before
    (record,) = parse("Shots were fired from the West to the East.")
    assert record["kind"] == "shot"


def test_the_night_hours_of_two_days_are_a_night() -> None:
    records = parse("During the night hours of 21-22 October, the SMM camera in Svitlodarsk recorded nine undetermined "
                    "explosions 4-6km south. The camera recorded three more explosions 3km south-east.", day=date(2016, 10, 23))
    assert [(record["time_start"], record["time_end"]) for record in records] == [("21 12:00", "22 12:00")] * 2
    assert [record["observer_place"] for record in records] == ["Svitlodarsk", "Svitlodarsk"]


def test_a_news_lead_with_fired_small_arms_and_a_spaced_range() -> None:
    (record,) = parse("Fired small arms from a distance of 200 -250 meters.")
    assert (record["weapon"], record["distance_min_km"], record["distance_max_km"]) == ("small_arms", 0.2, 0.25)
    # "small arms fire" after "fired" is read as before
    (record,) = parse("Soldiers fired small arms fire 100m west.")
    assert record["weapon"] == "small_arms"


def test_bullet_impacts_are_damage_and_a_rifle_calibre_is_not_62mm() -> None:
    records = parse("The SMM saw eight bullet impacts (calibre 7.62mm) on the wall of the school. The SMM assessed that "
                    "all bullets had been fired from a north-easterly direction at a distance of 400-600m.")
    assert [(record["kind"], record["count"]) for record in records] == [("other", 8), ("other", None)]
    assert records[0]["sighting"] == "damage" and records[0]["calibre_mm"] == 7.62
    assert records[1]["distance_min_km"] is None and records[1]["fired_from"] == "NE"


def test_the_missions_own_uav_flight_is_no_sighting() -> None:
    records = parse("On 6 June, an SMM patrol was positioned in Zolote in order to conduct a planned mini-unmanned aerial "
                    "vehicle (UAV) flight over the area.")
    assert all(record.get("sighting") is None and not record["count"] for record in records)
    # a UAV seen is read as before
    (record,) = parse("The SMM spotted a mini-UAV flying over Popasna.")
    assert (record["sighting"], record["count"]) == ("uav", 1)


def test_an_impact_of_an_undetermined_weapon_stays_an_impact() -> None:
    (record,) = parse("The camera footage showed an impact of an unknown weapon near the camera mast at 21:14 on 9 September.")
    assert (record["kind"], record["count"]) == ("explosion_impact", 1)
    # explosions of undetermined origin stay undetermined
    (record,) = parse("The SMM heard two explosions of undetermined origin 2km west.")
    assert record["kind"] == UND


def test_a_translated_news_copy_of_a_grenade_and_anti_aircraft_fire() -> None:
    records = parse("When an observer left the car, one shot was made from a jet grenade launcher. The grenade was fired "
                    "from the north-west. The shell fell 120 meters from the car.\n"
                    "In three seconds there sounded a few shots from a 23-mm anti-aircraft gun.")
    assert [(record["kind"], record["count"], record["weapon"]) for record in fire(records)] == [
        ("shot", 1, "grenade_launcher"), ("shot", None, "anti_aircraft_gun")]
    assert fire(records)[1]["count_qualifier"] == "a few"
    assert all(record.get("sighting") is None for record in records)


def test_what_others_said_the_fire_was_is_not_observed() -> None:
    records = parse("The next day the SMM followed up on reports that the explosions were anti-aircraft fire that shot down "
                    "a drone, which later crashed in a garden.")
    assert fire(records) == [] and all(record.get("sighting") is None for record in records)
    # "followed up on reports of shelling" is read as before (no observation either)
    assert fire(parse("The SMM followed up on reports of shelling in Popasna.")) == []


def test_a_place_ending_in_a_is_not_cut_by_a_count() -> None:
    # with no verb of observing, the count before the noun was found at the "a" that ends "Popasna" ("Popasn", no position)
    (record,) = parse("On 4 May, an SMM patrol was positioned on the western edge of Popasna to conduct an unmanned aerial "
                      "vehicle flight.")
    assert record["observer_place"] == "Popasna" and record["observer_lat"] is not None
    # a count before the noun in such a clause is read as before
    (record,) = parse("Twelve undetermined explosions were heard 3km south.")
    assert record["count"] == 12


def test_the_peak_of_the_fire_does_not_time_the_whole_count() -> None:
    (record,) = parse("The monitors registered 540 explosions in the Donetsk airport on May 4, their intensity reaching its "
                      "peak between 1.30 p.m. and 4 p.m. (200 explosions).", day=date(2015, 5, 6))
    assert (record["count"], record["time_start"], record["time_end"]) == (540, "04 00:00", "05 00:00")
    assert any("peak of the fire was not read" in warning for warning in record["warnings"])


def test_a_second_regional_count_repeats_the_kind_before() -> None:
    records = parse("The Organization for Security and Cooperation in Europe recorded 45 explosions in Donetsk region and "
                    "80 in Luhansk on August 3-5.", day=date(2017, 8, 6))
    assert [(record["kind"], record["count"], record["region"]) for record in records] == [
        (UND, 45, "Donetsk"), (UND, 80, "Luhansk")]
    assert all(record["lat"] is None and record["observer_place"] is None for record in records)
    records = parse("The SMM recorded 30 explosions in Luhansk region and seven in Donetsk region.")
    assert [(record["kind"], record["count"], record["region"]) for record in records] == [
        (UND, 30, "Luhansk"), (UND, 7, "Donetsk")]
    # a tally of ceasefire violations stays a tally, as before
    records = parse("The SMM recorded 25 ceasefire violations in Luhansk region and four in Donetsk region.")
    assert [(record["kind"], record["ceasefire_violations"]) for record in records] == [("other", 25), ("other", 4)]


def test_an_evening_to_evening_period_written_with_weekdays() -> None:
    (record,) = parse("From Friday evening, March 8, until Saturday evening, March 9, the Mission recorded 210 explosions in "
                      "Donbas.", day=date(2019, 3, 11))
    assert (record["count"], record["time_start"], record["time_end"]) == (210, "08 18:00", "09 21:00")
    assert record["observer_place"] is None


def test_the_night_of_one_date_is_a_night() -> None:
    (record,) = parse("The SMM recorded over 300 explosions on the night of 9 May in the area of Popasna.", day=date(2016, 5, 11))
    assert (record["time_start"], record["time_end"]) == ("09 12:00", "10 12:00")
    # a day of one date stays the day
    (record,) = parse("On 9 May, the SMM heard 3 explosions.", day=date(2016, 5, 11))
    assert (record["time_start"], record["time_end"]) == ("09 00:00", "10 00:00")


def test_explosions_consistent_with_both_outgoing_weapons_are_outgoing() -> None:
    (record,) = parse("The SMM heard explosions consistent with both outgoing mortar and artillery fire 4km south-east.")
    assert (record["kind"], record["weapon"], record["other_weapons"]) == ("explosion_outgoing", "mortar", ["artillery"])


def test_a_lead_over_a_period_keeps_the_paragraphs_position() -> None:
    records = parse("From an observation point in Svitlodarsk, the SMM noted a calm situation. Over a two-hour period in the "
                    "afternoon, the SMM heard six explosions 5km south.")
    assert fire(records)[0]["observer_place"] == "Svitlodarsk"


def test_aftermath_people_hurt_and_crater_impacts_are_no_fire_heard() -> None:
    records = parse("The SMM saw the aftermath of shelling in Popasna. Residents, including two injured by the shelling, told "
                    "the SMM that shells had struck at 21:00 on 3 June. The SMM saw six crater impacts (all within a radius "
                    "of 100 metres) near a school.", day=date(2015, 6, 5))
    counted = [(record["kind"], record["count"]) for record in records if record["count"]]
    assert counted == [("other", 6)]
    assert records[-1]["distance_min_km"] is None
    told = [record for record in records if record["time_start"] == "03 21:00"]
    assert len(told) == 1 and told[0]["kind"].startswith("explosion") and told[0]["count"] is None


def test_a_total_since_a_date_and_its_parts() -> None:
    records = parse("In total, following the meeting of the Contact Group on 15 March, the SMM recorded 940 ceasefire "
                    "violations in Donetsk and Luhansk oblasts. In particular, 210 explosions, four bursts of muzzle flame "
                    "and 700 rounds and shots.", day=date(2020, 5, 2))
    assert all(record["time_start"] is None for record in records)
    assert any("begins a longer period" in warning for warning in records[0]["warnings"])
    assert [(record["kind"], record["count"]) for record in fire(records)] == [(UND, 210), ("other", 4), ("shot", 700)]
    # "On 15 March" without "following" dates as before
    (record,) = parse("On 15 March, the SMM heard three explosions.", day=date(2020, 5, 2))
    assert record["time_start"] == "15 00:00"
