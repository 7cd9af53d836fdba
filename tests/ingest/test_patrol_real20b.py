"""Session 20 (patrol20b): patrol20's leftovers that are general phrase families, paraphrased (other places, numbers and
wording), and a fresh batch of REAL text (S in ``patrol_real20b_batches``) measured once (docs/ingest.md, "Session 20
(patrol20b)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.test_patrol_sentences import parse as parse_records


def _read(text: str, day: date = date(2019, 3, 2)) -> list[dict[str, Any]]:
    return parse_records(text, date=day)


def _fire(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [record for record in records if record["kind"] != "other" or record.get("count") or record.get("weapon")]


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
