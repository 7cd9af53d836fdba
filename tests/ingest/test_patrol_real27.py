"""Session 27 (patrol27): the held-out batch AF (``patrol_real27_batches``, real-style sentences of the SMM's daily reports
and UNIFIL/UNMOGIP situation reports written by hand) measured once, patrol26's leftovers, and the general constructs
behind them, paraphrased (other places, numbers and wording) (docs/ingest.md, "Session 27 (patrol27)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real27_batches import BATCH_AF, BATCH_AG
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_real20 import _fire, _read

# patrol28: AF22's expectation now follows the convention (the rounds fired counted whole, the part intercepted beside them),
# and AG15's "an explosion at 09:05 and another at 09:21, both assessed as …" is read as two records (rewrite_same,
# shared.assessed_of_all): nothing is left judged.
JUDGED: dict[str, dict[str, int]] = {}
LEFT: dict[str, dict[str, int]] = {}


@pytest.mark.parametrize(("item", "day", "text", "expected"), BATCH_AF + BATCH_AG,
                         ids=[item[0] for item in BATCH_AF + BATCH_AG])
def test_held_out_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)


def _one(text: str, day: date = date(2019, 3, 2)) -> dict[str, Any]:
    (record,) = _fire(_read(text, day))
    return record


def _hours(record: dict[str, Any]) -> tuple[str, str]:
    return record["time_start"], record["time_end"]


def _clock(text: str) -> str:
    return f"02 {text}"


# --- a drone that dropped what exploded (AF15, AF16; patrol26's leftover: "drone strike" had no weapon) -----------------


@pytest.mark.parametrize(("text", "count"), [
    ("A quadcopter dropped three grenades on a trench near Marinka.", 3),
    ("Positioned in Zolote, the SMM saw a UAV drop an explosive device that exploded about 400m east.", 1),
    ("The patrol's mini-UAV spotted a drone dropping four munitions near a bridge.", 4),
    ("Two drone strikes hit a depot near Pisky.", 2),
])
def test_a_drone_that_dropped_what_exploded_is_an_impact_of_weapon_drone(text: str, count: int) -> None:
    record = _one(text)
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_impact", count, "drone")


def test_a_drone_that_dropped_something_else_is_no_impact() -> None:
    assert all(record["kind"] != "explosion_impact" for record in _read("A drone dropped leaflets over the town."))


# --- a part that fell, written after rockets, missiles or shells (patrol26's leftover) --------------------------------------


@pytest.mark.parametrize(("text", "parts"), [
    ("Militants fired 9 rockets at the town, two of which fell in open areas near the border.",
     [("explosion_impact", 2), ("explosion_undetermined", 7)]),
    ("The army said 11 mortar shells were fired at the base, four of which landed inside the perimeter.",
     [("explosion_impact", 4), ("explosion_undetermined", 7)]),
    ("Gunmen launched 6 missiles, one of which fell short inside the valley.",
     [("explosion_impact", 1), ("explosion_undetermined", 5)]),
])
def test_a_part_of_rockets_or_shells_that_fell_is_split_off(text: str, parts: list[tuple[str, int]]) -> None:
    assert sorted((r["kind"], r["count"]) for r in _fire(_read(text))) == parts


# --- a bare "impact" after rounds written with their weapon and origin (AF08) --------------------------------------------


@pytest.mark.parametrize("text", [
    "Peacekeepers observed three rounds of artillery impact near the wadi.",
    "Peacekeepers observed three rounds of mortar fired from south of the line impact in the vicinity of the village.",
    "Peacekeepers observed three artillery rounds fired from the south impact near the wadi.",
])
def test_rounds_seen_to_impact_are_impacts(text: str) -> None:
    record = _one(text)
    assert (record["kind"], record["count"]) == ("explosion_impact", 3)


def test_rounds_of_a_weapon_only_fired_stay_undetermined() -> None:
    assert _one("The SMM heard 12 rounds of artillery fired from the west.")["kind"] == "explosion_undetermined"


# --- hours in four digits with "hrs" (AF11) ------------------------------------------------------------------------------


def test_a_military_clock_with_hrs_is_a_time_not_a_count() -> None:
    records = _fire(_read("Observers heard four mortar rounds impact about 2 km west of the station at 0845 hrs."))
    assert [(r["kind"], r["count"], _hours(r)) for r in records] == [("explosion_impact", 4, (_clock("08:45"), _clock("08:45")))]


# --- a tally with none of a kind (AF14) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "tally"), [
    ("In the previous reporting period, the SMM recorded 30 ceasefire violations, none of which were explosions.", 30),
    ("The Mission recorded 8 ceasefire violations, none of them explosions.", 8),
])
def test_a_tally_with_none_of_a_kind_is_no_explosion(text: str, tally: int) -> None:
    assert [(r["kind"], r["count"], r["ceasefire_violations"]) for r in _read(text)] == [("other", None, tally)]


# --- "at the same location", "two more of the same kind" (AF05, AF13) -----------------------------------------------------


def test_at_the_same_location_gives_the_place_written_before() -> None:
    records = _fire(_read("Positioned in Zolote, the SMM saw two flares 2-3km south-east and heard six shots at the same "
                          "location."))
    assert [(r["kind"], r["bearing"], r["distance_min_km"], r["distance_max_km"]) for r in records] == [
        ("flare", "SE", 2.0, 3.0), ("shot", "SE", 2.0, 3.0)]


def test_more_of_the_same_kind_repeats_the_kind_and_weapon_before() -> None:
    records = _fire(_read("At 09:10, the SMM heard an explosion assessed as an impact of an 120mm mortar round 3km north; at "
                          "09:20, it heard three more of the same kind at the same distance and direction."))
    assert [(r["kind"], r["count"], r["weapon"], r["bearing"], r["distance_min_km"]) for r in records] == [
        ("explosion_impact", 1, "mortar", "N", 3.0), ("explosion_impact", 3, "mortar", "N", 3.0)]


def test_the_same_place_is_not_taken_from_the_sentence_before() -> None:
    records = _fire(_read("The SMM heard two explosions 4km west. Later it heard five shots at the same location."))
    assert [r["distance_min_km"] for r in records] == [4.0, None]


# --- what followed at its own time (AF13) ----------------------------------------------------------------------------------


def test_what_followed_at_its_own_time_does_not_time_what_came_before() -> None:
    records = _fire(_read("Between 14:02 and 14:09, the SMM heard four explosions 5km east, followed by a burst of "
                          "small-arms fire at 14:30."))
    assert [(r["kind"], _hours(r)) for r in records] == [
        ("explosion_undetermined", (_clock("14:02"), _clock("14:09"))), ("burst", (_clock("14:30"), _clock("14:30")))]


# --- places listed with their counts in brackets (AF23) ---------------------------------------------------------------------


def test_places_listed_with_their_counts_in_brackets_give_each_place_s_counts() -> None:
    records = _fire(_read("The SMM recorded ceasefire violations near: Marinka (15 explosions), Pisky (two explosions and 30 "
                          "bursts) and Opytne (eight shots)."))
    assert [(r["kind"], r["count"]) for r in records] == [
        ("explosion_undetermined", 15), ("explosion_undetermined", 2), ("burst", 30), ("shot", 8)]


def test_a_party_s_tally_by_place_in_brackets_is_not_a_list_of_fire() -> None:
    records = _read("The armed formations violated the ceasefire 9 times near Pisky (four times) and Marinka (five times).")
    assert not any(record["kind"] == "explosion_undetermined" for record in records)


# --- a local time and its UTC equivalent (patrol26's AE03), a UTC time and its local one -------------------------------------


@pytest.mark.parametrize(("text", "window"), [
    ("At 09:40 local time (06:40 GMT), the army detected two rockets fired from the north.", ("02 06:40", "02 06:40")),
    ("At 06:40 GMT (09:40 local time), the army detected two rockets fired from the north.", ("02 06:40", "02 06:40")),
    # the two clocks 12 hours or more apart: the bracket's day is not said, the local time is read as before
    ("At 01:10 local time (22:10 GMT), the army detected two rockets fired from the north.", ("02 01:10", "02 01:10")),
])
def test_a_time_given_in_utc_beside_its_local_time_is_read_in_utc(text: str, window: tuple[str, str]) -> None:
    record = _one(text)
    assert _hours(record) == window
    assert record["count"] == 2


# --- batch AG's constructs: four-digit windows (AG07), a later clause's own day and part of it (AG12), a region's tally in
# brackets after a comparison (AG09) ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "window"), [
    ("Observers heard 7 mortar rounds impact about 3 km south of the post between 1305 and 1320 hrs.", ("02 13:05", "02 13:20")),
    ("Troops fired 12 mortar bombs in the sector from 0710 to 0905 hours.", ("02 07:10", "02 09:05")),
])
def test_a_window_of_four_digit_clocks_is_read(text: str, window: tuple[str, str]) -> None:
    assert _hours(_one(text)) == window


def test_a_later_clause_with_its_own_day_and_part_of_it_is_read_in_that_part() -> None:
    records = _fire(_read("On the evening of 5 March, while in Popasna, the SMM heard 8 undetermined explosions 3km west; in the "
                          "early morning of 6 March, it heard 14 bursts 2km south."))
    assert [(r["count"], _hours(r)) for r in records] == [(8, ("05 15:00", "06 00:00")), (14, ("06 00:00", "06 10:00"))]


@pytest.mark.parametrize(("text", "tally", "explosions"), [
    ("The SMM recorded fewer ceasefire violations in Luhansk region (about 45, including 6 explosions) than in the previous "
     "reporting period.", 45, 6),
    ("The SMM recorded more ceasefire violations in Donetsk region (310, including 72 explosions), compared with the "
     "previous reporting period.", 310, 72),
])
def test_a_region_s_tally_in_brackets_after_a_comparison_is_read(text: str, tally: int, explosions: int) -> None:
    record = _one(text)
    assert (record["kind"], record["count"], record["ceasefire_violations"]) == ("explosion_undetermined", explosions, tally)
    assert record["region"] in ("Luhansk", "Donetsk")
