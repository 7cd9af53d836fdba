"""Session 12 (real12): constructs that real OSCE SMM report text used and the reader got wrong.

Real daily and spot reports (2014-2022; stored public copies, read for measurement only and never copied here) were
parsed by the reader, judged by hand and the failing constructs fixed (docs/ingest.md, "Session 12 (real12)"). Every
sentence below was written for this file in the reports' style, with other places, numbers and wording than the
real ones, and its expected records written by hand before it was run.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.test_patrol_osce_style import check_records, rec
from tests.ingest.test_patrol_sentences import GAZETTEER, parse as parse_records
from truceline.ingest.gazetteer import offset_position


def parse(text: str, day: date = date(2017, 6, 3)) -> list[dict[str, Any]]:
    return parse_records(text, date=day)



def place(name: str) -> tuple[float, float]:
    found = GAZETTEER.lookup(name)
    assert found is not None
    return found.place.lat, found.place.lon


YENAKIIEVE, HORLIVKA, ZAITSEVE, POPASNA = place("Yenakiieve"), place("Horlivka"), place("Zaitseve"), place("Popasna")

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- the de-facto authorities in quotes before a place name ("DPR"-controlled), short and long form
    ("While in “DPR”-controlled Yenakiieve (41km north-east of Donetsk), the SMM heard 17 undetermined explosions "
     "7-9km west-north-west.",
     [rec("explosion_undetermined", 17, bearing="WNW", distance_min_km=7.0, distance_max_km=9.0,
          observer_place="Yenakiieve", observer_lat=YENAKIIEVE[0], observer_lon=YENAKIIEVE[1], warnings=[])]),
    ("Positioned on the outskirts of 'LPR'-controlled Horlivka, the SMM heard two explosions 4-6km west.",
     [rec("explosion_undetermined", 2, bearing="W", observer_place="Horlivka", observer_lat=HORLIVKA[0], warnings=[])]),
    ("Positioned 4km south-east of “Donetsk People’s Republic” (“DPR”)-controlled Horlivka, the SMM heard three bursts "
     "of heavy-machine-gun fire 1-2km east.",
     [rec("burst", 3, weapon="heavy_machine_gun", bearing="E", distance_min_km=1.0, distance_max_km=2.0,
          observer_place="Horlivka", observer_offset="4 km SE", warnings=[])]),
    ("Positioned on the outskirts of nearby “LPR”-controlled Popasna, the SMM heard two shots 1km north.",
     [rec("shot", 2, bearing="N", observer_place="Popasna", observer_lat=POPASNA[0], warnings=[])]),
    # --- a description with a bracket inside it
    ("From the JCCC observation point at the Donetsk Airport (“Donetsk People’s Republic” (“DPR”)-controlled, 9km "
     "north-west of Donetsk city centre), the SMM heard 44 undetermined explosions 2-4km north.",
     [rec("explosion_undetermined", 44, bearing="N", observer_place="Donetsk Airport", warnings=[])]),
    # --- "N km DIR of the SMM's position" is from the observer
    ("At 09:42, the SMM heard two shots of small-arms fire 600m west-south-west of the SMM’s position.",
     [rec("shot", 2, weapon="small_arms", bearing="WSW", distance_min_km=0.6, distance_max_km=0.6, event_place=None,
          time_start="03 09:42", warnings=[])]),
    # --- fire assessed as aimed at the mission's UAV: a target, neither a weapon nor a sighting
    ("Positioned near Krasnohorivka, the SMM heard five shots of small-arms fire about 800m north-west, assessed as "
     "directed at the SMM mini-UAV that the SMM was flying about 1km north of its position.",
     [rec("shot", 5, weapon="small_arms", other_weapons=None, bearing="NW", distance_min_km=0.8, distance_max_km=0.8,
          target="SMM mini-UAV", observer_place="Krasnohorivka", warnings=[])]),
    ("While flying a mini-UAV near Marinka, the SMM heard a burst of heavy-machine-gun fire 1-2km south-west, "
     "assessed as targeting the UAV.",
     [rec("burst", 1, weapon="heavy_machine_gun", other_weapons=None, bearing="SW", target="UAV", sighting=None,
          observer_place="Marinka", warnings=[])]),
    # --- one weapon named after two counted nouns
    ("Positioned in Zaitseve, the SMM heard 18 bursts and 25 single shots of small-arms and heavy-machine-gun fire "
     "2-3km south-east.",
     [rec("burst", 18, weapon="small_arms", other_weapons=["heavy_machine_gun"], bearing="SE", observer_lat=ZAITSEVE[0]),
      rec("shot", 25, weapon="small_arms", other_weapons=["heavy_machine_gun"], bearing="SE", warnings=[])]),
    ("The SMM heard 40 bursts, and 60 shots of heavy-machine-gun fire 3km south.",
     [rec("burst", 40, weapon="heavy_machine_gun"), rec("shot", 60, weapon="heavy_machine_gun", warnings=[])]),
    # --- word ranges with a hyphen
    ("The SMM heard six-eight explosions assessed as outgoing mortar rounds 3km north.",
     [rec("explosion_outgoing", 8, count_min=6, weapon="mortar", bearing="N", warnings=[])]),
    # --- a list after a semicolon with no verb of its own keeps the clause's time
    ("Between 06:10 and 07:05, the SMM heard 31 incoming mortar rounds 4-6km north-east; and, 12 outgoing mortar "
     "rounds 2-3km west.",
     [rec("explosion_impact", 31, bearing="NE", time_start="03 06:10", time_end="03 07:05"),
      rec("explosion_outgoing", 12, bearing="W", distance_min_km=2.0, time_start="03 06:10", time_end="03 07:05",
          warnings=[])]),
    # --- measured from a side of a place
    ("Positioned 500m north of the northern edge of Shyrokyne, the SMM heard one explosion 3km east.",
     [rec("explosion_undetermined", 1, bearing="E", observer_place="Shyrokyne", observer_offset="0.5 km N", warnings=[])]),
    # --- a semicolon inside brackets ends no clause
    ("The SMM heard 11 explosions assessed as outgoing rounds from an infantry fighting vehicle (IFV; BMP-2) cannon "
     "2-3km north-east.",
     [rec("explosion_outgoing", 11, weapon="ifv", bearing="NE", distance_min_km=2.0, distance_max_km=3.0, warnings=[])]),
    ("The SMM heard two outgoing salvoes of multiple launch rocket system (BM-21; 122mm) fire 10-12km south.",
     [rec("explosion_outgoing", None, weapon="mlrs", salvos=2, bearing="S", distance_min_km=10.0, warnings=[])]),
    # --- "small-arms-fire", "on both sides of the contact line"
    ("The SMM also heard (uncountable) small-arms-fire on both sides of the contact line.",
     [rec("other", None, weapon="small_arms", warnings=[])]),
    # --- incoming and outgoing together: undetermined, and said why
    ("The SMM heard 40 incoming and outgoing explosions 5-8km north-west.",
     [rec("explosion_undetermined", 40, bearing="NW")]),
    # --- automatic grenade fire; a heavy weapon's "shots" are explosions
    ("The SMM heard seven bursts of automatic grenade fire 2km south.",
     [rec("burst", 7, weapon="automatic_grenade_launcher", bearing="S", warnings=[])]),
    ("The SMM saw 12 outgoing tank shots 1km east of its position.",
     [rec("explosion_outgoing", 12, weapon="tank", bearing="E", distance_min_km=1.0, warnings=[])]),
    ("The SMM heard two incoming artillery shots 5km north.",
     [rec("explosion_impact", 2, weapon="artillery", bearing="N", warnings=[])]),
    # --- one count, a distance for each of two directions: both ranges over the sector of both
    ("The SMM heard 23 explosions assessed as impacts 4km north-east and 6km east.",
     [rec("explosion_impact", 23, bearing="NE..E", distance_min_km=4.0, distance_max_km=6.0, warnings=[])]),
    ("The SMM heard nine explosions assessed as outgoing rounds 2 km west, and 3 km north-west.",
     [rec("explosion_outgoing", 9, bearing="W..NW", distance_min_km=2.0, distance_max_km=3.0, warnings=[])]),
    # --- a summary's share of the period, its count between commas, with "occurred"
    ("Most ceasefire violations, including about 20 explosions, occurred in areas east of Svitlodarsk.",
     [rec("other", None, violations_share="most", violations_areas=["E of Svitlodarsk"], bearing=None,
          distance_min_km=None)]),
    # --- bullets heard passing: shots; how close they passed is no distance to the fire; "another" is one
    ("At 15:02, the patrol heard the whistling sound of three bullets flying 20-30m over their heads.",
     [rec("shot", 3, distance_min_km=None, bearing=None, time_start="03 15:02", warnings=[])]),
    ("The SMM heard bullets whistling past them and, moments later, a burst of small-arms fire 400m north-east.",
     [rec("shot", None, distance_min_km=0.4, bearing="NE"), rec("burst", 1, weapon="small_arms", bearing="NE")]),
    ("The SMM heard an explosion 1km south and another undetermined explosion 2km south-west.",
     [rec("explosion_undetermined", 1, bearing="S"), rec("explosion_undetermined", 1, bearing="SW", warnings=[])]),
    ("The patrol saw three bullet holes in the door of a house in Marinka.",
     [rec("other", 3, sighting="damage")]),
    # --- a relative time with "half"
    ("Less than half a minute later, it heard three bursts 100m east.",
     [rec("burst", 3, time_relative="less than half a minute later", bearing="E", warnings=[])]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:70] for case in CASES])
def test_real_report_construct(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


def test_incoming_and_outgoing_together_is_warned() -> None:
    (record,) = parse("The SMM heard 40 incoming and outgoing explosions 5-8km north-west.")
    assert any("not split between them" in warning for warning in record["warnings"])


# --- dates as news copies of the reports wrote them -------------------------------------------------------------

def test_a_month_abbreviation_before_a_day_does_not_end_the_sentence() -> None:
    records = parse("During the night of Nov. 11-12, while in government-controlled Avdiivka, the SMM heard 26 "
                    "undetermined explosions 3-5km east-south-east.", date(2017, 11, 12))
    check_records(records, [rec("explosion_undetermined", 26, observer_place="Avdiivka", time_start="11 12:00",
                                time_end="12 12:00", warnings=[])])


def test_the_period_with_the_month_first() -> None:
    records = parse("In Luhansk region, between the evenings of March 4 and March 6, the SMM recorded 12 undetermined "
                    "explosions.", date(2019, 3, 6))
    check_records(records, [rec("explosion_undetermined", 12, time_start="04 18:00", time_end="06 21:00", warnings=[])])


def test_a_date_between_commas() -> None:
    records = parse("While positioned in Svitlodarsk, Oct. 3, the SMM heard nine undetermined explosions 4km south.",
                    date(2016, 10, 4))
    check_records(records, [rec("explosion_undetermined", 9, observer_place="Svitlodarsk", time_start="03 00:00",
                                time_end="04 00:00", warnings=[])])


def test_throughout_the_morning_of_a_day() -> None:
    records = parse("Throughout the morning of 9 March, while in Bakhmut, the SMM heard 14 undetermined explosions "
                    "15-20km south.", date(2017, 3, 10))
    check_records(records, [rec("explosion_undetermined", 14, observer_place="Bakhmut", time_start="09 04:00",
                                time_end="09 12:00", warnings=[])])  # the morning (patrol17: the whole day)


def test_evening_and_night_hours_of_two_days() -> None:
    records = parse("During the evening and night hours of 2-3 May, while in Svitlodarsk, the SMM heard 20 undetermined "
                    "explosions 6km south-east.", date(2017, 5, 3))
    check_records(records, [rec("explosion_undetermined", 20, time_start="02 15:00", time_end="03 12:00", warnings=[])])


# --- a sentence that assesses the explosion of the sentence before ------------------------------------------------

def test_assessed_that_the_explosion_was_caused_by() -> None:
    records = parse("At 14:20, the patrol heard an explosion 300-400m north-east. The SMM assessed that the explosion was "
                    "caused by an outgoing artillery round (122mm).")
    check_records(records, [
        rec("explosion_outgoing", 1, weapon="artillery", calibre_mm=122, bearing="NE", distance_min_km=0.3,
            time_start="03 14:20"),
        rec("other", None),
    ])
    assert records[1]["assessment_of"] == [records[0]["report_id"]]


def test_assessed_that_the_explosions_were_caused_by_incoming_rounds() -> None:
    records = parse("The SMM heard three explosions 1km south. The SMM assessed that the explosions were caused by "
                    "incoming mortar rounds.")
    check_records(records, [rec("explosion_impact", 3, weapon="mortar", bearing="S"), rec("other", None)])


# --- the observer ---------------------------------------------------------------------------------------------------

def test_a_known_place_whose_description_puts_it_elsewhere_is_taken_from_the_description() -> None:
    # the bundled gazetteer's Pervomaiske lies west of Donetsk; this one is described 60 km south-east of Donetsk
    (record,) = parse("Positioned in Pervomaiske (non-government-controlled, 60km south-east of Donetsk), the SMM heard "
                      "four undetermined explosions 3km east.")
    donetsk = GAZETTEER.lookup("Donetsk")
    assert donetsk is not None
    lat, lon = offset_position(donetsk.place.lat, donetsk.place.lon, 135.0, 60.0)
    assert record["observer_place"] == "Pervomaiske"
    assert record["observer_lat"] == pytest.approx(lat, abs=1e-4)
    assert record["observer_lon"] == pytest.approx(lon, abs=1e-4)
    assert any("the description used" in warning for warning in record["warnings"])


def test_a_known_place_whose_description_agrees_keeps_the_gazetteer_position() -> None:
    (record,) = parse("Positioned in Avdiivka (government-controlled, 17km north of Donetsk), the SMM heard four "
                      "undetermined explosions 3km east.")
    assert (record["observer_lat"], record["observer_lon"]) == place("Avdiivka")
    assert record["warnings"] == []


def test_an_event_place_described_elsewhere_is_located_from_the_description() -> None:
    (record,) = parse("The SMM saw two fresh craters in Pervomaiske (non-government-controlled, 60km south-east of "
                      "Donetsk).")
    donetsk = GAZETTEER.lookup("Donetsk")
    assert donetsk is not None
    lat, lon = offset_position(donetsk.place.lat, donetsk.place.lon, 135.0, 60.0)
    assert (record["lat"], record["lon"]) == (pytest.approx(lat, abs=1e-4), pytest.approx(lon, abs=1e-4))
    assert any("the description used" in warning for warning in record["warnings"])


def test_the_mission_again_keeps_the_position_of_the_paragraph() -> None:
    records = parse("Positioned in Popasna, the SMM heard an explosion 2km south. At 18:40, the SMM heard four bursts "
                    "1km south-east. At 19:05, while in Zolote, the SMM heard a shot 1km north.")
    check_records(records, [rec("explosion_undetermined", 1, observer_place="Popasna"),
                            rec("burst", 4, observer_place="Popasna", observer_lat=POPASNA[0]),
                            rec("shot", 1, observer_place="Zolote")])


def test_a_position_does_not_carry_to_the_next_paragraph() -> None:
    records = parse("Positioned in Popasna, the SMM heard an explosion 2km south.\nAt 18:40, the SMM heard four bursts "
                    "1km south-east.")
    assert [record["observer_place"] for record in records] == ["Popasna", None]
