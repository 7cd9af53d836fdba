"""Session 14 (patrol14c): constructs of a fresh real held-out batch (camera and summary paragraphs, news copies of spot
reports), and the two leftovers patrol14b found by hand (an observer "MH" from "the MH17 crash site"; an observer put at
the place a post's village is described from).

The real items (stored public copies; kept outside the repository, never copied here) were judged field by field against
expectations written by hand before the reader was run (docs/ingest.md, "Session 14 (patrol14c)"). Every sentence below
was written for this file in the reports' style, with other places, numbers and wording than the real items.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.ingest.test_patrol_sentences import parse as parse_records

UND = "explosion_undetermined"


def parse(text: str, day: date = date(2017, 4, 11)) -> list[dict[str, Any]]:
    return parse_records(text, date=day)


def counts(records: list[dict[str, Any]]) -> list[tuple[str, int | None, str | None]]:
    return [(record["kind"], record["count"], record["weapon"]) for record in records]


def test_two_parts_by_weapon_each_keep_their_own_weapon() -> None:
    # the single-part reading took the second part as the first's weapon text and gave the first part the weapon of
    # the list's first pattern, and the rest the other one
    records = parse("Positioned in Popasna, the SMM heard about 90 undetermined explosions (including about 25 assessed as "
                    "mortar fire and about 15 assessed as artillery fire), all 2-6km south-east.")
    assert counts(records) == [(UND, 25, "mortar"), (UND, 15, "artillery"), (UND, 50, None)]
    assert all(record["bearing_min_deg"] == 123.75 for record in records)
    records = parse("The SMM heard 12 explosions (including two assessed as tank fire, and four assessed as mortar "
                    "fire), all 3km west.")
    assert counts(records) == [(UND, 2, "tank"), (UND, 4, "mortar"), (UND, 6, None)]


def test_one_part_by_weapon_is_read_as_before() -> None:
    records = parse("The SMM heard 40 undetermined explosions, including 10 assessed as anti-aircraft cannon rounds, "
                    "all 1-2km north.")
    assert counts(records) == [(UND, 10, "anti_aircraft_gun"), (UND, 30, None)]


def test_direction_not_known_is_not_taken_from_the_next_observation() -> None:
    records = parse("From its position near Avdiivka, the SMM heard 21 explosions (direction unknown) from mortar fire "
                    "and 40 bursts of heavy-machine-gun fire mainly at locations in the east and south-east.")
    assert [(record["kind"], record["count"]) for record in records][0] == (UND, 21)
    assert records[0]["bearing_min_deg"] is None
    assert any("direction written as not known" in warning for warning in records[0]["warnings"])
    burst = next(record for record in records if record["kind"] == "burst")
    assert burst["count"] == 40 and burst["bearing_min_deg"] is not None
    # without the bracket the direction is spread as before
    records = parse("The SMM heard 21 explosions and 40 bursts, all 2-3km east.")
    assert [record["bearing_min_deg"] for record in records] == [78.75, 78.75]


def test_a_town_described_by_an_apposition_is_the_observer() -> None:
    (record,) = parse("SMM monitors positioned in Stanytsia Luhanska, a town 16 kilometers north-east of Luhansk, heard "
                      "four explosions to the north.")
    assert record["observer_place"] == "Stanytsia Luhanska"
    assert record["observer_lat"] is not None and abs(record["observer_lat"] - 48.65) < 0.05


def test_explosions_outgoing_from_a_direction_are_outgoing() -> None:
    (record,) = parse("While in Zolote, the SMM heard three explosions outgoing from a south-western direction.")
    assert record["kind"] == "explosion_outgoing"
    assert (record["bearing_min_deg"], record["bearing_max_deg"]) == (213.75, 236.25)


def test_the_patrols_own_vehicles_are_not_seen_vehicles() -> None:
    records = parse("It is noted that at 10 a.m. the five observers of the mission in three armoured vehicles drove "
                    "up to a farm on the western edge of the village.")
    assert all(record["count"] is None for record in records)
    assert all(record.get("sighting") != "vehicle" for record in records)


def test_a_crash_site_named_with_a_number_and_a_list_of_nations_are_no_observer_place() -> None:
    records = parse("The SMM visited the area of the MH17 crash site at the request of the German and French authorities. "
                    "At 15:20 the SMM heard two explosions 3km south.")
    assert all(record["observer_place"] is None for record in records)


def test_the_side_of_a_place_describing_an_unknown_village_is_not_the_observer() -> None:
    # the village is not in the gazetteer: no position, rather than the place it lies west of
    (record,) = parse("The monitors had to leave their post near the government-controlled village of Pryvitnenke, "
                      "east of Popasna, after three explosions 200 metres away.")
    assert record["observer_lat"] is None
    assert record["observer_place"] == "Pryvitnenke"
    # a place with no other place before it is kept as before
    (record,) = parse("Positioned near Popasna, the SMM heard two explosions 4km south.")
    assert record["observer_place"] == "Popasna" and record["observer_lat"] is not None


def test_the_same_location_after_a_time_of_day_keeps_the_observer() -> None:
    records = parse("On the evening of 9 April, while in Svitlodarsk, the SMM heard about 35 undetermined explosions, all "
                    "2-6km south. The next morning, whilst at the same position, the SMM heard seven explosions, all 4km "
                    "south-east.")
    assert [record["observer_place"] for record in records] == ["Svitlodarsk", "Svitlodarsk"]
    # without "the same position" the sentence keeps no observer of its own, as before
    records = parse("On the evening of 9 April, while in Svitlodarsk, the SMM heard about 35 undetermined explosions, all "
                    "2-6km south. The next morning, the SMM heard seven explosions, all 4km south-east.")
    assert records[1]["observer_place"] is None
