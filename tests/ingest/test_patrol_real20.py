"""Session 20 (patrol20): patrol19b's leftovers that are general phrase families, two fresh batches of REAL text (P and
Q in ``patrol_real20_batches``), each measured once, and the constructs they showed.

The batches' expected fields were written by hand and committed before the reader was run on them (docs/ingest.md,
"Session 20 (patrol20)").
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


# --- patrol19b's leftovers, paraphrased (other places, numbers and wording) --------------------------------------------

@pytest.mark.parametrize("text", [
    "A man was injured due to two explosions in Zolote and a boy was injured due to shelling in Popasna.",
    "A woman was wounded by an explosion near Pikuzy and a man was wounded by shelling in Marinka.",
])
def test_fire_placed_elsewhere_in_the_sentence_is_its_own(text: str) -> None:
    # patrol19b's O06: "… an explosion near Vesele and a woman was injured due to shelling in Zaitseve": the count 1 of
    # "an explosion" was carried to the shelling ("an" read inside "woman")
    records = _fire(_read(text))
    assert len(records) == 2
    assert records[1]["count"] is None and records[1]["event_place"] is not None
    assert records[0]["event_place"] != records[1]["event_place"]


def test_no_count_inside_a_word() -> None:
    # "a woman was injured due to shelling": "an" of "woman" is no count
    (record,) = _fire(_read("A woman was injured due to shelling in Zolote."))
    assert record["count"] is None
    # the shelling told again at the same place is still the fire before
    records = _fire(_read("A man was injured due to two explosions in Zolote and a boy was injured due to shelling in Zolote."))
    assert [record["count"] for record in records] == [2]


@pytest.mark.parametrize(("text", "kind"), [
    ("Two guided missiles were fired, hitting a residential house in Avdiivka.", "explosion_impact"),
    ("Three rockets were launched damaging a school in Popasna.", "explosion_impact"),
    ("Four mortar rounds were fired at the SMM camera and destroyed it.", "explosion_impact"),
    # aimed, not said to have hit: undetermined
    ("Four mortar rounds were fired at the SMM camera.", "explosion_undetermined"),
    ("Three guided missiles were fired.", "explosion_undetermined"),
])
def test_rounds_fired_and_what_they_hit(text: str, kind: str) -> None:
    # patrol19b's M19: "Three guided missiles were fired destroying an SMM observation camera" was undetermined
    (record,) = _fire(_read(text))
    assert record["kind"] == kind


def test_an_anti_tank_missile_system_is_an_atgm() -> None:
    # patrol19b's M19: "… opened fire … with an anti-tank missile system"; a weapon seen: its "missile" was a rocket
    (record,) = _fire(_read("The SMM saw an anti-tank missile system near Vodiane."))
    assert record["weapon"] == "atgm"
    (record,) = _fire(_read("The SMM heard two explosions assessed as anti-tank missile system rounds 3km east."))
    assert record["weapon"] == "atgm"


@pytest.mark.parametrize(("text", "weapon"), [
    ("On May 3 at 10pm, the positions of the militia in the Kominternove settlement were shelled from the Vodiane "
     "settlement with heavy machine guns.", "heavy_machine_gun"),
    ("On 12 June at 11pm, positions near Zolote were shelled from small arms.", "small_arms"),
])
def test_shelled_with_a_gun_that_does_not_explode(text: str, weapon: str) -> None:
    # patrol19b's M20: "… were shelled from the Popasnoye settlement from a light machine gun" was an explosion, and the
    # target's place the observer's
    (record,) = _fire(_read(text))
    assert (record["kind"], record["weapon"]) == ("other", weapon)
    assert record["observer_lat"] is None and record["observer_place"] is None


def test_shelled_with_grenade_launchers_stays_an_explosion() -> None:
    (record,) = _fire(_read("On May 3 at 10pm, positions near Zolote were shelled from small arms and grenade launchers."))
    assert record["kind"] == "explosion_undetermined"
    assert record["observer_place"] is None


@pytest.mark.parametrize("text", [
    "The SMM camera in Avdiivka recorded four undetermined explosions, 40 projectiles in flight, five of which were "
    "assessed as rocket-propelled grenades (RPG), all 1-3km east.",
    "The SMM heard 12 explosions (three of them from a grenade launcher) 2km south.",
])
def test_a_weapon_of_some_is_not_the_counts(text: str) -> None:
    # patrol19b's M03: "73 projectiles in flight, three of which were assessed as rocket-propelled grenades (RPG)" gave
    # all 73 the weapon
    records = _fire(_read(text))
    assert all(record["weapon"] is None for record in records)
    assert any(record.get("part_weapon") for record in records)
    assert not any("not understood" in warning for record in records for warning in record["warnings"])


def test_a_breakdown_by_weapon_and_kind_stays_a_breakdown() -> None:
    records = _fire(_read("While in Popasna, the SMM heard 12 explosions, eight of which were assessed as impacts of "
                          "artillery rounds 3-4km east and four as outgoing mortar rounds 2km north."))
    assert [(record["count"], record["kind"], record["weapon"]) for record in records] == [
        (8, "explosion_impact", "artillery"), (4, "explosion_outgoing", "mortar")]
