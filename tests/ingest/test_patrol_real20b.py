"""Session 20 (patrol20b): patrol20's leftovers that are general phrase families, paraphrased (other places, numbers and
wording), and a fresh batch of REAL text (S in ``patrol_real20b_batches``) measured once (docs/ingest.md, "Session 20
(patrol20b)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real20b_batches import BATCH_S, BATCH_T
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_real20 import _fire, _read

JUDGED: dict[str, dict[str, int]] = {
    # S05: "opened fire from 60 mm mortars … at its own positions …, as a result of which explosions occurred in the
    # mentioned sections": undetermined (the expectation's optional impacts)
    "S05": {"kind": 1},
    # S14: "Though mortar shells from Pakistan side also fell in residential areas": read as the shelling told again (no
    # number), of kind other; the judge pairs the morning's mortar shelling with the optional impacts
    "S14": {"kind": 1},
    # T07: "The IDF said the mortar shells were stray projectiles fired in the course of battles …" (the two told again) is
    # a projectile in flight of no number, which the judge pairs with the optional mortar fire
    "T07": {"kind": 1},
    # T08: "Two projectiles were discovered in an open area" (found on the ground) is read as projectiles in flight (the
    # expectation's optional impacts)
    "T08": {"kind": 1},
}
LEFT: dict[str, dict[str, int]] = {
    # S04: the tally "more than 70 times" and the "over 850 shots" are one record (as patrol20's P22)
    "S04": {"record": 1},
    # S13: "The shell landed in the courtyard" (the mortar shell told again) keeps no weapon
    "S13": {"weapon": 1},
    # S14: "mortar shells … fell": no weapon on the restatement
    "S14": {"weapon": 1},
    # T07: the judge's pairing (JUDGED)
    "T07": {"weapon": 1},
}


@pytest.mark.parametrize(("item", "day", "text", "expected"), BATCH_S + BATCH_T, ids=[item[0] for item in BATCH_S + BATCH_T])
def test_real_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)



# --- a weapon named in the sentence before, carried to the count that refers back to it (patrol20's R06) ----------------

@pytest.mark.parametrize(("text", "count", "weapon"), [
    ("At night, the enemy used 120 mm mortars at positions near Pavlopil. The explosion of five mines of this calibre was "
     "recorded.", 5, "mortar"),
    ("Militants used 122-mm artillery near Vodiane. In total 9 rounds were fired.", 9, "artillery"),
    ("The enemy fired tanks at Ukrainian positions near Zolote. A total of 11 shells exploded.", 11, "tank"),
])
def test_a_count_takes_the_one_weapon_used_in_the_sentence_before(text: str, count: int, weapon: str) -> None:
    (record,) = [record for record in _fire(_read(text)) if record.get("count")]
    assert (record["count"], record["weapon"]) == (count, weapon)


@pytest.mark.parametrize("text", [
    # two weapons before: which one is not known
    "The enemy used tanks and 120-mm mortars near Pavlopil. In total 14 rounds were fired.",
    # a weapon seen, not used
    "The SMM saw a tank near Popasna. In total, it heard 3 explosions 2km east.",
    # no word that refers back
    "Militants used 82mm mortars near Avdiivka. The SMM heard 6 explosions 3km south.",
    # a mission's sum of all it heard, after a weapon seen firing
    "The SMM saw a tank firing near Zolote. In total, the SMM heard 20 explosions.",
])
def test_no_weapon_carried_when_it_is_not_clear(text: str) -> None:
    (record,) = [record for record in _fire(_read(text)) if record.get("count") and record["kind"].startswith("explosion")]
    assert record["weapon"] is None


# --- two weapons and their counts "respectively" (patrol20's P19) -------------------------------------------------------

@pytest.mark.parametrize(("text", "counts"), [
    ("Monitors observed the use of 82mm and 120mm mortars (31 and 6 explosions, respectively) near Avdiivka.", [31, 6]),
    ("JCCC officers recorded 122mm and 152mm artillery (twelve and four rounds, respectively) on 3 March.", [12, 4]),
])
def test_respective_counts_of_two_calibres(text: str, counts: list[int]) -> None:
    records = [record for record in _fire(_read(text)) if record.get("count")]
    assert [record["count"] for record in records] == counts
    assert len({record["weapon"] for record in records}) == 1 and records[0]["weapon"] in ("mortar", "artillery")


# --- a party's weapon named on a place, with no number (patrol20's P21, R05) ---------------------------------------------

@pytest.mark.parametrize(("text", "weapon", "place"), [
    ("Vodiane came under attack of heavy machineguns, while 120mm mortars bombarded Avdiivka, the headquarters said.",
     "mortar", "Avdiivka"),
    ("\u201cOn the Horlivka front, fighters of the 24th brigade shelled Zaitseve with 82mm mortars,\u201d Eduard Basurin "
     "reported.", "mortar", "Zaitseve"),
    ("Militants shelled Popasna with tanks.", "tank", "Popasna"),
])
def test_a_weapon_named_on_a_place_is_fire_of_no_number_there(text: str, weapon: str, place: str) -> None:
    (record,) = _fire(_read(text))
    assert record["kind"] == "explosion_undetermined" and record["count"] is None
    assert record["weapon"] == weapon and record["event_place"] == place
    assert record["observer_place"] is None


def test_a_list_of_weapons_on_a_place_is_left_as_it_was() -> None:
    # which weapon's fire fell where is not said: nothing is read, as before
    assert _fire(_read("Militants shelled Zolote with 120mm mortars, tanks and small arms.")) == []


def test_a_machine_gun_named_on_a_place_is_no_explosion() -> None:
    (record,) = _fire(_read("Militants shelled Popasna from heavy machine guns."))
    assert record["kind"] == "other" and record["weapon"] == "heavy_machine_gun"


# --- a quotation continued in a new paragraph keeps the day of the line before (patrol20's R03) --------------------------

def _day(record: dict[str, Any]) -> int:
    return int(record["time_start"].split()[0])  # "DD HH:MM"


def test_a_continued_quotation_keeps_the_day() -> None:
    text = ("\"At 10:05 on 12 May, while positioned near Shchastia, the SMM heard two bursts 200m north.\"\n"
            "\"As the patrol left, at 10:07, it heard one explosion 1km north-east\", the report said.")
    records = _fire(_read(text, date(2021, 5, 14)))
    assert [_day(record) for record in records] == [12, 12]


def test_an_unquoted_paragraph_does_not_keep_the_day() -> None:
    # a paragraph of its own: its clock time is --date's, as before
    text = ("At 10:05 on 12 May, while positioned near Shchastia, the SMM heard two bursts 200m north.\n"
            "At 10:07, it heard one explosion 1km north-east.")
    records = _fire(_read(text, date(2021, 5, 14)))
    assert [_day(record) for record in records] == [12, 14]


# --- a speaker named first, after a quote ---------------------------------------------------------------------------

def test_a_speaker_named_first_after_a_quote_is_no_verb() -> None:
    (record,) = _fire(_read("\u201cMilitants fired 12 mortar rounds at Zolote,\u201d Eduard Basurin said."))
    assert (record["count"], record["weapon"], record["event_place"]) == (12, "mortar", "Zolote")


# --- batch S's constructs, paraphrased ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    ("A mortar shell from Horlivka landed on a house in Zaitseve.", 1),
    ("Two rockets fired from the eastern outskirts of Horlivka landed near Zaitseve.", 2),
    ("About six rounds of 82mm mortar fire that impacted near Pisky were recorded.", 6),
    ("Four shells from the other side have landed near Avdiivka, the spokesman said.", 4),
    # an origin "between X and Y" (S11: "fired from the Syrian side of the Quneitra border crossing between Syria and
    # Israel landed in northern Israel")
    ("Two shells fired from the road between Horlivka and Zaitseve landed near Zolote.", 2),
])
def test_rounds_from_somewhere_that_landed_are_impacts(text: str, count: int) -> None:
    # patrol20b's S06, S11, S12: "… fire that impacted near Zibqin", "a mortar shell from Syria landed on …" were
    # undetermined
    (record,) = _fire(_read(text))
    assert (record["kind"], record["count"]) == ("explosion_impact", count)


def test_rounds_from_a_direction_keep_the_direction() -> None:
    # "from the north-west" is a direction, not where they came from by name: read as before
    (record,) = _fire(_read("The SMM heard three explosions from the north-west."))
    assert record["kind"] == "explosion_undetermined" and record["bearing"] == "NW"
    (record,) = _fire(_read("Three shells from the north-west landed near Zolote."))
    assert record["kind"] == "explosion_undetermined" and record["bearing"] == "NW"
    (record,) = _fire(_read("The SMM saw two projectiles from west to east hit near Zolote."))
    assert record["kind"] == "projectile_in_flight" and record["flight_direction"] == "W to E"


@pytest.mark.parametrize(("text", "tally"), [
    ("Over the past day, the enemy has 35 times violated the ceasefire along the line of contact.", 35),
    ("Militants twelve times violated the ceasefire regime in the Donetsk sector.", 12),
])
def test_a_tally_written_before_its_verb(text: str, tally: int) -> None:
    # patrol20b's S02: "Armenian Armed Forces have 120 times violated the ceasefire" was not read
    records = [record for record in _read(text) if record.get("ceasefire_violations")]
    assert [record["ceasefire_violations"] for record in records] == [tally]


@pytest.mark.parametrize(("text", "count"), [
    ("The adversary also applied 82mm mortar (3shells) in the eastern direction.", 3),
    ("The enemy used 120mm mortars (2 shells) near Martuni.", 2),
])
def test_a_weapon_and_its_count_in_brackets(text: str, count: int) -> None:
    # patrol20b's S04: "applied 60mm mortar (1shell)" was not read
    (record,) = _fire(_read(text))
    assert (record["count"], record["weapon"]) == (count, "mortar")


def test_a_news_agency_after_a_quote_is_a_speaker() -> None:
    # patrol20b's S09: "”, reported news agency ANI." took the verb; the landing was unread
    (record,) = _fire(_read("\u201cTwo shells have landed near Zolote,\u201d reported news agency Reuters."))
    assert (record["kind"], record["count"], record["event_place"]) == ("explosion_impact", 2, "Zolote")


# --- batch T's constructs, paraphrased ----------------------------------------------------------------------------------

def test_came_under_fire_n_times_is_a_tally() -> None:
    # patrol20b's T01: "came under fire from large-caliber machine guns 90 times throughout the day" was not read
    records = _read("The army's positions came under fire from mortars and machine guns 45 times during the night.")
    assert [record["ceasefire_violations"] for record in records if record.get("ceasefire_violations")] == [45]


@pytest.mark.parametrize("text", [
    "Five shells fell in a field near Zolote.",
    "Two mortar rounds fell near the checkpoint.",
])
def test_rounds_that_fell_somewhere_are_impacts(text: str) -> None:
    # patrol20b's T06: "The rockets fell in an open field" was undetermined
    (record,) = _fire(_read(text))
    assert record["kind"] == "explosion_impact"


def test_rounds_that_fell_short_are_not_said_to_have_landed() -> None:
    (record,) = _fire(_read("Three shells fell short of Zolote."))
    assert record["kind"] == "explosion_undetermined"


@pytest.mark.parametrize(("text", "count"), [
    ("Two projectiles fired from Horlivka struck Zaitseve on Tuesday.", 2),
    ("Mortar rounds believed to have been fired from Horlivka hit Zaitseve on Saturday.", None),
    ("Four shells that were fired from Horlivka hit near Zaitseve.", 4),
])
def test_projectiles_from_somewhere_that_struck_are_impacts(text: str, count: int | None) -> None:
    # patrol20b's T07 ("projectiles … struck": seen in flight) and T09 ("believed to be have been fired from Syria hit")
    (record,) = _fire(_read(text))
    assert (record["kind"], record["count"]) == ("explosion_impact", count)
