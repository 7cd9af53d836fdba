"""Session 17 (patrol17): three held-out batches of REAL monitoring-mission text that earlier sessions did not use (W,
X, Y in ``patrol_real17_batches``: the OSCE SMM's spot reports and "Latest from" reports of 2014-2022 and news copies
of them), and the constructs they showed.

Each batch's expected fields were written by hand and committed before the reader was run on it (docs/ingest.md,
"Session 17 (patrol17)"); W was measured on main and then the reader fixed, X was gathered after W's fixes and measured
once before its own, Y after X's. They are judged as in ``test_patrol_real16``: no item may have a wrong value or an
extra record beyond those listed in ``JUDGED`` (readings the expectation disagrees with, explained there), nor miss more
than ``LEFT`` lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real17_batches import BATCH_W, BATCH_X, BATCH_Y
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_sentences import parse as parse_records

UND, IMP, OUT, PIF, SHOT = ("explosion_undetermined", "explosion_impact", "explosion_outgoing", "projectile_in_flight",
                            "shot")

JUDGED: dict[str, dict[str, int]] = {
    # W05: "saw flames, smoke, soot and snow 70-100m east-south-east" is a smoke sighting with a direction, which this
    # judge counts as fire; W12: "saw two fresh craters (about 70cm in diameter)" is damage with a count (kind other,
    # as documented), which the judge counts as fire too
    "W05": {"extra": 1}, "W12": {"extra": 1},
}
LEFT: dict[str, dict[str, int]] = {
    # W28: "heard, to the south of Donetsk city, sounds of outgoing shelling" (no observer, so no bearing is kept; since
    # patrol18 the fire is placed on the south side of Donetsk). Read since patrol18: W22's "300 single shorts of small
    # arms fire" (a typo), X04's "nine as outgoing self-propelled grenades (SPG-9)" (the SPG-9's rounds), X06's "the number
    # of explosions doubled on 24 August (over 350)", X10's parts with their own directions after a colon
    "W28": {"bearing": 1},
}

ITEMS = BATCH_W + BATCH_X + BATCH_Y


@pytest.mark.parametrize(("item", "day", "text", "expected"), ITEMS, ids=[item[0] for item in ITEMS])
def test_real_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)


# --- the constructs, paraphrased (other places, numbers and wording) ---------------------------------------------------


def parse(text: str, day: date = date(2017, 5, 20)) -> list[dict[str, Any]]:
    return parse_records(text, date=day)


def fire(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [record for record in records if record["kind"] != "other" or record["count"]]


@pytest.mark.parametrize(("part", "start", "end"), [
    ("In the early morning of 18 May", "18 00:00", "18 10:00"),
    ("On the morning of 18 May", "18 04:00", "18 12:00"),
    ("On the afternoon of 18 May", "18 12:00", "18 18:00"),
    ("On the evening of 18 May", "18 15:00", "19 00:00"),
    ("In the late evening of 18 May", "18 18:00", "19 00:00"),
    ("On 18 May", "18 00:00", "19 00:00"),  # no part: the whole day, as before
    ("On the night of 18 May", "18 12:00", "19 12:00"),  # a night: noon to noon, as before
])
def test_a_part_of_the_day_written_with_its_date_is_the_window(part: str, start: str, end: str) -> None:
    (record,) = parse(f"{part}, the SMM camera in Popasna recorded 14 undetermined explosions 2-4km south-east.")
    assert (record["time_start"], record["time_end"]) == (start, end)


def test_a_part_of_a_weekday_is_a_window_too() -> None:
    (record,) = parse("Yesterday evening, OSCE monitors in Svitlodarsk heard 25 explosions.", date(2017, 5, 20))
    assert (record["time_start"], record["time_end"]) == ("19 15:00", "20 00:00")


def test_that_night_is_the_night_of_the_day_written_before() -> None:
    first, second = parse("While in Horlivka, the SMM heard 12 undetermined explosions 3-5km west on the morning of 16 May, "
                          "and heard 40 undetermined explosions 6-8km north on that night.")
    assert (first["time_start"], first["time_end"]) == ("16 04:00", "16 12:00")
    assert (second["time_start"], second["time_end"]) == ("16 12:00", "17 12:00")
    records = parse("On 16 May the SMM heard 12 explosions. Residents said that night shelling damaged a house.")
    assert records[0]["time_start"] == "16 00:00" and records[-1]["time_start"] == "16 00:00"  # not "that night"


def test_the_time_of_a_clause_that_only_placed_the_patrol_is_the_sentence_s() -> None:
    records = fire(parse("On the morning of 16 May, from approximately 06:10 to 10:40, while on patrol near Popasna (69km "
                         "west of Luhansk) and at its forward patrol base in Kadiivka (50km west of Luhansk), the SMM "
                         "recorded over 600 explosions."))
    assert [(record["count"], record["time_start"], record["time_end"]) for record in records] == [(600, "16 06:10", "16 10:40")]


def test_the_observer_is_kept_through_a_relative_clause_and_a_participle() -> None:
    records = fire(parse("On 16 May, an SMM patrol consisting of four members and two armoured vehicles was positioned near "
                         "Svitlodarsk.\n"
                         "Between 09:10 and 09:15, three patrol members, who were standing beside the vehicles, heard four "
                         "undetermined explosions 1-2km north. At 09:20, having just left the area, the patrol members "
                         "heard two explosions assessed as impacts 3km north-east."))
    assert [(record["count"], record["observer_place"]) for record in records] == [(4, "Svitlodarsk"), (2, "Svitlodarsk")]


def test_an_omission_mark_ends_a_sentence() -> None:
    records = parse("At 09:02 on 16 May, the patrol was positioned near Zolote. [...] At 09:07, the patrol members heard an "
                    "undetermined explosion 200m south.")
    assert fire(records)[0]["time_start"] == "16 09:07"  # not 09:02-09:07


def test_fire_estimated_at_a_number_of_rounds_is_one_observation() -> None:
    (record,) = fire(parse("The SMM heard outgoing mortar fire estimated at 20-25 rounds 4km east."))
    assert (record["kind"], record["count"], record["count_min"], record["weapon"]) == (OUT, 25, 20, "mortar")
    records = fire(parse("The SMM heard explosions it assessed as six outgoing mortar rounds 3km south."))
    assert [(record["kind"], record["count"]) for record in records] == [(OUT, 6)]  # "assessed as" keeps the assessment


def test_duels_are_fire_of_that_weapon() -> None:
    (record,) = parse("The SMM heard mortar duels about 6km south-west of its position.")
    assert (record["kind"], record["weapon"], record["bearing"], record["distance_min_km"]) == ("other", "mortar", "SW", 6.0)


def test_people_from_an_office_do_not_place_the_observer() -> None:
    records = parse("A team composed of six staff from the Regional Office relieved the patrol. The SMM heard 3 explosions "
                    "2km north.")
    assert all(record["observer_place"] is None for record in records)


def test_a_part_in_a_region_is_its_own_record_and_the_whole_has_no_region() -> None:
    whole, part = parse("The mission recorded 140 explosions, 120 of which were in the Luhansk region.")
    assert (whole["count"], whole.get("region")) == (140, None)
    assert (part["count"], part["region"], part["breakdown_of"]) == (120, "Luhansk", 140)


def test_two_days_each_with_its_count_in_brackets() -> None:
    first, second = fire(parse("The SMM observed more ceasefire violations in Luhansk region both on 14 May (over 120 "
                               "explosions recorded) and 15 May (about 60 explosions recorded) compared to 13 May."))
    assert (first["count"], first["time_start"], first["region"]) == (120, "14 00:00", "Luhansk")
    assert (second["count"], second["time_start"], second["region"]) == (60, "15 00:00", "Luhansk")


def test_a_colon_list_whose_parts_have_their_own_directions_gives_the_whole_none() -> None:
    records = parse("Positioned in Svitlodarsk, the SMM heard 15 explosions assessed as mortar rounds: nine assessed as outgoing "
                    "mortar rounds 3-5km south, four assessed as impacts of 120mm mortar rounds and two as airbursts of 120mm "
                    "mortar rounds 1-2km east.")
    assert [(record["kind"], record["count"], record.get("calibre_mm")) for record in records] == [
        (OUT, 9, None), (IMP, 4, 120), ("airburst", 2, 120)]
    # each part keeps the distance and direction written in its own text, and only those (patrol18; patrol17 kept none):
    # the four, who have none of their own, keep none
    assert [(record.get("bearing"), record.get("distance_min_km"), record.get("distance_max_km")) for record in records] == [
        ("S", 3.0, 5.0), (None, None, None), ("E", 1.0, 2.0)]
    (whole,) = [record for record in parse("The SMM heard ten explosions: six assessed as impacts and four as outgoing rounds "
                                           "2km east.") if record["count"] == 6]
    assert whole.get("bearing") == "E"  # one distance after the last part: the whole's, as before
