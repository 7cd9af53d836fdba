"""Session 21 (patrol21): patrol20b's leftovers that are general phrase families, paraphrased (other places, numbers and
wording), and fresh batches of REAL text (``patrol_real21_batches``) measured once (docs/ingest.md, "Session 21
(patrol21)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.test_patrol_real20 import _fire, _read


def _hours(record: dict[str, Any]) -> tuple[str, str]:
    return record["time_start"], record["time_end"]


# --- rounds that "exploded" in / inside / on / near a place (patrol20b's S10, S12, patrol20's P19) ------------------------
# CONTRACTS.md ("Patrol text") names the kinds but no verb; by the batches' rule rounds said to have exploded on a place
# landed there: impacts.

@pytest.mark.parametrize(("text", "count", "weapon"), [
    ("Three mortar rounds exploded in a field north of Novoluhanske, the headquarters said.", 3, "mortar"),
    ("Two rockets launched from Gaza exploded inside Israeli territory near Sderot.", 2, "rocket"),
    ("According to the army, nine artillery shells exploded in the area of the checkpoint.", 9, "artillery"),
    ("A 122mm shell exploded near a residential building in Krasnohorivka.", 1, "artillery"),
    ("Several mortar shells exploded on the outskirts of Maryinka.", None, "mortar"),
])
def test_rounds_that_exploded_on_a_place_are_impacts(text: str, count: int | None, weapon: str) -> None:
    (record,) = _fire(_read(text))
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_impact", count, weapon)


@pytest.mark.parametrize(("text", "kind"), [
    # no place: still no kind of its own
    ("Three shells exploded.", "explosion_undetermined"),
    ("Four mortar rounds exploded on Tuesday.", "explosion_undetermined"),
    ("Five shells exploded in the evening.", "explosion_undetermined"),
    ("Two shells exploded in quick succession.", "explosion_undetermined"),
    # in the air: airbursts, as before
    ("Two shells exploded in mid-air near Shchastia.", "airburst"),
    # a grenade (thrown or fired is not said) stays as it was
    ("A grenade exploded inside a shop in Popasna.", "explosion_undetermined"),
])
def test_exploded_without_a_place_keeps_no_kind(text: str, kind: str) -> None:
    (record,) = _fire(_read(text))
    assert record["kind"] == kind


def test_explosions_heard_are_not_rounds_that_exploded() -> None:
    (record,) = _fire(_read("The SMM heard six explosions in the area of Avdiivka."))
    assert record["kind"] == "explosion_undetermined"


# --- a weekday with its part of the day and no "on" (patrol20b's S11) -----------------------------------------------------

@pytest.mark.parametrize(("text", "hours"), [
    # Thursday 14 March 2019 (--date), so Monday is the 11th
    ("Early Monday morning, a rocket fired from Syria landed near Majdal Shams.", ("11 00:00", "11 10:00")),
    ("A mortar shell landed in Zaitseve late Tuesday evening, the spokesman said.", ("12 18:00", "13 00:00")),
    ("Wednesday afternoon, militants fired four 82mm mortar rounds at Avdiivka.", ("13 12:00", "13 18:00")),
    ("Late Sunday night, two rockets landed near Kiryat Shmona.", ("10 12:00", "11 12:00")),
])
def test_a_weekday_with_its_part_of_the_day_dates_the_fire(text: str, hours: tuple[str, str]) -> None:
    (record,) = _fire(_read(text, date(2019, 3, 14)))
    assert _hours(record) == hours


def test_a_weekday_part_carries_the_day_to_the_clock_of_the_sentence_after() -> None:
    records = _fire(_read("Early Monday morning, a rocket landed near Metula. The rocket exploded in an orchard at about "
                          "5 am.", date(2019, 3, 14)))
    assert _hours(records[0]) == ("11 00:00", "11 10:00")
    assert [_hours(record) for record in records[1:]] in ([("11 05:00", "11 05:00")], [])


@pytest.mark.parametrize("text", [
    # the day a statement was made, not the fire's
    "In a statement issued Monday morning, the army said militants fired 12 mortar rounds at Avdiivka.",
    "The report of Tuesday evening said militants fired 12 mortar rounds at Avdiivka.",
])
def test_a_statement_s_weekday_dates_no_fire(text: str) -> None:
    (record,) = _fire(_read(text, date(2019, 3, 14)))
    assert record["time_start"] is None


# --- "mortar fire from X struck Y" (patrol20b's S12) -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "weapon", "origin"), [
    ("On Monday, mortar fire from Syria struck Israel, sparking fires in the northern Golan Heights.", "mortar", "Syria"),
    ("Artillery fire from Horlivka hit Zaitseve overnight.", "artillery", "Horlivka"),
    ("Tank fire from Donetsk landed near Pisky.", "tank", "Donetsk"),
])
def test_fire_of_an_exploding_weapon_from_x_that_struck_y_is_an_impact(text: str, weapon: str, origin: str) -> None:
    (record,) = _fire(_read(text))
    assert (record["kind"], record["weapon"], record["fired_from_place"]) == ("explosion_impact", weapon, origin)
    assert record.get("event_place") != origin


@pytest.mark.parametrize("text", [
    "Small-arms fire from Horlivka hit Zaitseve.",
    "Heavy machine-gun fire from Donetsk struck a bus near Pisky.",
])
def test_fire_of_small_arms_from_x_stays_as_it_was(text: str) -> None:
    (record,) = _fire(_read(text))
    assert record["kind"] == "other"
