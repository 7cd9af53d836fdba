"""Session 25 (patrol25): two fresh batches of REAL text (``patrol_real25_batches``: AC, then AD held out for AC's
fixes) measured once each, then their general constructs, paraphrased (other places, numbers and wording)
(docs/ingest.md, "Session 25 (patrol25)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real25_batches import BATCH_AC, BATCH_AD
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_real20 import _fire, _read

JUDGED: dict[str, dict[str, int]] = {
    # AC01, AC10, AD08: the judge's ties over the optional weapons (measure.py --fixed finds none of them wrong)
    "AC01": {"weapon": 1, "time": 1},
    "AC10": {"weapon": 1},
    # AC03: "The JCCC counts all rounds fired, while the Operations Command records only cases involving usage of heavy
    # weapons" (how the office counts) is read as outgoing rounds of heavy weapons; "tanks guns and mortars were used" pairs
    # its tank with the optional mortar (the tie)
    "AC03": {"kind": 1, "weapon": 1},
    # AC12: "reports of rocket launches on Sunday that similarly fell short" is read as outgoing (launches), the
    # expectation's optional undetermined or impact; the rest the judge's tie
    "AC12": {"kind": 1, "weapon": 1},
    # AC15: "shot at" told twice (the monitors, then the vehicle) is read as two records of shots
    "AC15": {"kind": 1},
    # AC16: "two unexploded ordnance left over from a rocket-propelled grenade" is a sighting of UXO with its number,
    # which the judge counts as fire
    "AC16": {"extra": 1},
    # AD01: "At least three mortars were fired from Gaza into southern Israel" is three undetermined rounds ("into" a
    # territory is not read as onto it; "The mortars fell in open areas" is the same fire told again), and "Mortars are
    # smaller and have a more limited range than rockets" a rocket record of no number
    "AD01": {"kind": 2, "weapon": 1},
    # AD02: the judge's tie (the 20 mortar attacks pair with the optional rocket); --fixed finds nothing wrong. (The first
    # sentence, "… fell in an open area, the IDF spokesperson's office reported, but caused no damage …", is read since
    # patrol26: the speaker before ", but caused")
    "AD02": {"weapon": 1},
    # AD04: "to stop several years of rocket attacks on the south" is a rocket record of no number
    "AD04": {"kind": 1},
}
LEFT: dict[str, dict[str, int]] = {
    "AC01": {"weapon": 1, "record": 2},  # the ties; --fixed: the impact's artillery ("used … artillery to fire upon")
    # AC08: "shelled Azerbaijani positions in the Munjuglu, … settlements … between 05:54 and 10:52 pm" is no impact
    # (positions are left out of rewrite._SHELLED_PLACE: the batches call "targeted the positions … with artillery"
    # undetermined), and the shelling "of various calibers" has no time
    "AC08": {"record": 1},
    # AC09, AC14, AD03, AD05: the judge's ties (everything is read; --fixed finds nothing missing)
    "AC09": {"record": 2},
    "AC14": {"record": 1},
    "AD03": {"record": 1},
    "AD05": {"record": 1},
    # AC11: "on Sunday afternoon" (told in the sentence before the mortar shell's) and "Shortly after midnight on Sunday"
    # are read as the whole Sunday
    "AC11": {"time": 2},
    # AC12: "late Monday night" is read as the day from noon to noon; the tie
    "AC12": {"time": 1, "record": 1},
    "AD01": {"weapon": 1},
    "AD08": {"weapon": 1},  # "mortars were applied while shelling the DPR": the shelling, no weapon
    # AD12: "the bullet that hit the UN patrol vehicle" is a shot of no number
    "AD12": {"record": 1},
}


@pytest.mark.parametrize(("item", "day", "text", "expected"), BATCH_AC + BATCH_AD, ids=[item[0] for item in BATCH_AC + BATCH_AD])
def test_real_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)


def _kinds(text: str, day: date = date(2019, 3, 2)) -> list[tuple[str, int | None, str | None]]:
    return sorted((record["kind"], record.get("count"), record.get("weapon")) for record in _fire(_read(text, day)))


# --- a weapon a party says fired, with no rounds counted (AC01) ---------------------------------------------------------


@pytest.mark.parametrize(("text", "weapon"), [
    ("Near Pisky, the enemy fired at our positions from 7 pm until 9 pm using 120 mm mortars.", "mortar"),
    ("At 23:15 the militants fired from Grad multiple rocket launchers near Shchastia.", "mlrs"),
    ("The enemy opened fire on our strongpoint with 152mm artillery.", "artillery"),
])
def test_a_weapon_a_party_says_fired_is_its_fire_of_no_number(text: str, weapon: str) -> None:
    assert _kinds(text) == [("explosion_undetermined", None, weapon)]


def test_rounds_counted_or_fired_from_a_weapon_are_read_as_before() -> None:
    assert _kinds("The SMM heard 12 explosions assessed as rounds fired from artillery 5km south.") == [
        ("explosion_undetermined", 12, "artillery")]
    assert _kinds("The enemy fired 30 mortar rounds from 120mm mortars at Opytne.") == [("explosion_undetermined", 30, "mortar")]


def test_a_weapon_not_named_before_is_fire_of_its_own() -> None:
    records = _fire(_read("Militants fired at Pisky using 82mm mortars. At 23:40, the militants fired from Grad multiple "
                          "rocket launchers near Opytne."))
    assert [(record["kind"], record["weapon"]) for record in records] == [
        ("explosion_undetermined", "mortar"), ("explosion_undetermined", "mlrs")]
    # the same sentence's second weapon shares the count, as before
    assert _kinds("Gunmen launched nearly 90 artillery shells and mortar rounds onto the village.") == [
        ("explosion_undetermined", 90, "artillery")]


def test_a_weapon_used_to_fire_upon_a_place_is_an_impact() -> None:
    assert [kind for kind, _, _ in _kinds("Militants used tanks to fire upon the Marinka residential area.")] == [
        "explosion_impact"]


# --- rounds brought down, one of them by its ordinal, a part of them (AC09, AC10, AC12, AD02) ---------------------------


@pytest.mark.parametrize(("text", "count"), [
    ("The Iron Dome downed three rockets over Ashkelon, the army said.", 3),
    ("Air defences intercepted an incoming missile near Nahariya.", 1),
    ("Four incoming rockets were intercepted by the Iron Dome.", 4),
])
def test_rounds_brought_down_written_before_their_number_are_airbursts(text: str, count: int) -> None:
    assert [(kind, number) for kind, number, _ in _kinds(text)] == [("airburst", count)]


def test_the_other_round_that_landed_is_one_impact() -> None:
    assert _kinds("It appears that the other shell landed in a field near Sderot.") == [("explosion_impact", 1, None)]


def test_a_part_of_them_shot_down_is_that_many_airbursts() -> None:
    records = _fire(_read("Four mortar shells were fired at Sderot.\nThree of them were intercepted by the Iron Dome."))
    assert ("airburst", 3) in [(record["kind"], record["count"]) for record in records]


def test_a_count_in_brackets_after_its_noun() -> None:
    assert _kinds("The soldiers fired warning shots (a total of four) into the air.") == [("shot", 4, None)]


def test_an_interceptor_is_no_rocket() -> None:
    (record,) = _fire(_read("Two of them were shot down by the David's Sling missile defense system."))
    assert (record["kind"], record["count"], record["weapon"]) == ("airburst", 2, None)


# --- the parties' tallies (AC02, AC05, AD07) ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "times"), [
    ("Ukrainian forces shelled the LPR 12 times over the past day.", 12),
    ("Kiev's forces shelled the Lugansk People's Republic (LPR) 9 times, the militia said.", 9),
    ("The office reported 45 cases of fire by the Ukrainian armed forces.", 45),
    ("Over the past day the enemy 7 times opened fire on our positions.", 7),
    ("Kiev has violated the Additional Measures to Strengthen the Ceasefire five times since Monday.", 5),
])
def test_a_partys_tally_in_other_words(text: str, times: int) -> None:
    assert [record["ceasefire_violations"] for record in _read(text) if record["ceasefire_violations"]] == [times]


# --- no count, no fire (AC10, AC11, AC14, AD01, AD02, AD13) ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Villagers recalled the May 5, 2014 shooting of a shepherd near the line.",
    "The 12 March 2016 shelling of the village was discussed again.",
])
def test_a_year_after_a_date_is_no_count(text: str) -> None:
    assert all(record["count"] is None for record in _read(text, date(2019, 3, 2)))


def test_a_count_after_a_dated_opening_is_still_read() -> None:
    assert _kinds("On 12 March 2016, the SMM heard 14 explosions.") == [("explosion_undetermined", 14, None)]


@pytest.mark.parametrize("text", [
    "The truce was agreed to end a flare-up between the two sides.",
    "The fourth round of talks ended without result.",
    "It marked the second round of air raid sirens of the day.",
    "The troops did not fire a single shot, the ministry said.",
    "The units didn\u2019t fire a single shot at the positions.",
])
def test_no_fire(text: str) -> None:
    assert _fire(_read(text)) == []


@pytest.mark.parametrize("text", [
    "Mortars have a shorter range than rockets.",
    "The gunmen fired four times as many shells as last week.",
])
def test_a_comparison_gives_no_count(text: str) -> None:
    assert all(record["count"] is None for record in _read(text))


def test_a_calibre_with_a_stray_unit_is_no_distance() -> None:
    (record,) = _fire(_read("Over the past week 35 mortar rounds of 82 mm and 120 m caliber were launched onto the town."))
    assert (record["count"], record["distance_min_km"], record["distance_max_km"]) == (35, None, None)


def test_rounds_whose_verb_follows_a_clause_between_commas() -> None:
    assert _kinds("The other three shells, while setting off sirens in Sderot, fell in open fields.") == [
        ("explosion_impact", 3, None)]


def test_a_place_bombed_with_rounds_is_an_impact_but_positions_are_not() -> None:
    assert _kinds("Houthi gunmen bombed residential areas in Hays on Sunday with several mortar shells.") == [
        ("explosion_impact", None, "mortar")]
    assert _kinds("The enemy targeted the positions of the army with 12 mortar shells.") == [
        ("explosion_undetermined", 12, "mortar")]


def test_a_persons_name_before_a_possessive_is_no_place() -> None:
    (record,) = _fire(_read("A shell hit the yard of Ahmad Khalil's house near Zolote."))
    assert record["event_place"] is None or "Ahmad" not in str(record["event_place"])
