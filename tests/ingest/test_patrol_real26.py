"""Session 26 (patrol26): the held-out batch AE (``patrol_real26_batches``, real-style sentences written by hand) measured
once, patrol24's and patrol25's leftovers, and the general constructs behind them, paraphrased (other places, numbers
and wording) (docs/ingest.md, "Session 26 (patrol26)").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real26_batches import BATCH_AE
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_real20 import _fire, _read

JUDGED: dict[str, dict[str, int]] = {
    # (AE03, "at 07:15 local time (04:15 GMT)", read as 07:15 in --timezone until patrol27, which reads the GMT bracket)
}
LEFT: dict[str, dict[str, int]] = {
    # AE11: the year's tally of 2,050 is put on the sentence's mortar record (CONTRACTS: a tally is ``ceasefire_violations``
    # on the sentence's records), where the expectation wanted a record of its own: the expectation's form, not a misreading
    "AE11": {"record": 1},
}


@pytest.mark.parametrize(("item", "day", "text", "expected"), BATCH_AE, ids=[item[0] for item in BATCH_AE])
def test_held_out_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)


def _one(text: str, day: date = date(2019, 3, 2)) -> dict[str, Any]:
    (record,) = _fire(_read(text, day))
    return record


def _utc(record: dict[str, Any]) -> tuple[str, str]:
    return record["time_start"], record["time_end"]  # "DD HH:MM", UTC


# --- a zone written after a time (AE04, AE13, AE14) ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "window"), [
    ("At 16:10 GMT the patrol heard six explosions.", ("02 16:10", "02 16:10")),
    ("Between 21:00 and 21:40 (CAT), the team heard 5 explosions near Pisky.", ("02 19:00", "02 19:40")),
    ("The monitors heard two bursts at about 23:50 (Kyiv time, UTC+2).", ("02 21:50", "02 21:50")),
    ("At 01:30 hrs (UTC+3) the observers heard 4 shots.", ("01 22:30", "01 22:30")),
])
def test_a_zone_written_after_a_time_is_that_time_s(text: str, window: tuple[str, str]) -> None:
    record = _one(text)
    assert _utc(record) == window
    assert not any("not understood" in warning for warning in record["warnings"])


def test_a_local_time_with_its_equivalent_in_brackets_is_read_in_the_bracket_s_zone() -> None:
    # patrol22's convention read the local clock in --timezone, the bracket not; patrol27 reads the GMT bracket (the zone
    # the text names) when both are 24-hour clocks less than 12 hours apart ("local time" understood either way)
    record = _one("At 08:20 local time (05:20 GMT), the army detected three rockets fired from the south.")
    assert _utc(record) == ("02 05:20", "02 05:20")
    assert not any("local" in warning for warning in record["warnings"])


# --- a table's row copied into prose (AE06) -----------------------------------------------------------------------------


def test_a_region_s_heading_with_its_row_on_the_line_gives_the_region() -> None:
    records = _fire(_read("Luhansk region: 40 ceasefire violations, including 9 explosions (previous period: 55 and 12). "
                          "Donetsk region: 310 ceasefire violations, including 77 explosions."))
    assert [(r["count"], r["ceasefire_violations"], r["region"]) for r in records] == [(9, 40, "Luhansk"), (77, 310, "Donetsk")]
    assert records[0]["compared_with"] == "previous period: 55 and 12"
    assert not any("not understood" in warning for warning in records[0]["warnings"])


# --- a drone or a round used to strike (AE07, AB04) ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "count"), [
    ("Forces used a Shahed drone to hit the depot near Pisky.", 1),
    ("The enemy used a drone to attack the village of Pisky.", 1),
    ("Three drone strikes hit positions near Marinka.", 3),
    ("The army used a Spike missile to destroy the vehicle.", 1),
    ("Israel used the Tamuz, a surface to surface guided missile to hit the target.", 1),
])
def test_a_drone_or_a_round_used_to_strike_is_an_impact(text: str, count: int) -> None:
    record = _one(text)
    assert (record["kind"], record["count"]) == ("explosion_impact", count)


def test_a_drone_seen_is_still_a_sighting() -> None:
    assert _one("The SMM saw a drone flying over Pisky.")["kind"] == "other"


# --- rocket-propelled grenades counted, a part that landed (AE13, AE04) -------------------------------------------------


def test_rocket_propelled_grenades_counted_after_a_hit_or_fire_are_rounds() -> None:
    record = _one("The convoy was struck by three rocket-propelled grenades.")
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_impact", 3, "grenade_launcher")
    record = _one("Gunmen fired two rocket-propelled grenades at the base.")
    assert (record["kind"], record["count"]) == ("explosion_undetermined", 2)
    assert _fire(_read("The gunmen were armed with rocket-propelled grenades and rifles.")) == []


def test_a_part_of_the_rounds_that_landed_is_split_off() -> None:
    records = _fire(_read("The patrol heard 9 mortar rounds, four of which fell near the base."))
    assert sorted((r["kind"], r["count"]) for r in records) == [("explosion_impact", 4), ("explosion_undetermined", 5)]
    # also when the rounds are themselves written after "including" fire of no noun of explosions (AE04)
    records = _fire(_read("The team heard exchanges of fire, including 20 artillery rounds, three of which landed inside the "
                          "camp."))
    assert sorted((r["kind"], r["count"]) for r in records if r["count"]) == [
        ("explosion_impact", 3), ("explosion_undetermined", 17)]


# --- rounds told again on a later line; a speaker before ", but caused" (AA12, AA14, AD02) -------------------------------


def test_the_rounds_told_again_on_a_later_line_are_no_record_of_their_own() -> None:
    records = _fire(_read("Gunmen fired 4 mortar shells at the post.\nA source said the shells flew over the post."))
    assert [(r["kind"], r["count"]) for r in records] == [("explosion_undetermined", 4)]
    records = _fire(_read("Militants fired 20 rockets at the camp.\nOnce they had seen from where the rockets were being "
                          "fired, the troops returned fire."))
    assert [(r["kind"], r["count"]) for r in records if r["kind"] != "other"] == [("explosion_undetermined", 20)]


def test_what_became_of_the_rounds_told_on_a_later_line_is_kept() -> None:
    records = _fire(_read("Gunmen fired 4 rockets at the town.\nOfficials said some of the rockets were intercepted."))
    assert [r["kind"] for r in records] == ["explosion_undetermined", "airburst"]


def test_a_speaker_before_what_the_fire_did_not_do_is_not_the_verb_of_observing() -> None:
    record = _one("A rocket fired from Gaza fell in an open area near Sderot, the army press office reported, but caused no "
                  "injuries.")
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_impact", 1, "rocket")


# --- "while" of someone else is not the observer's position (patrol25's Sderot) ------------------------------------------


@pytest.mark.parametrize("text", [
    "The other two shells, while setting off sirens in Avdiivka, fell in open fields.",
    "Two rockets fell in open areas while residents in Avdiivka ran to shelters.",
])
def test_while_someone_else_does_something_somewhere_places_no_observer(text: str) -> None:
    assert all(record["observer_place"] is None for record in _read(text))


@pytest.mark.parametrize(("text", "place"), [
    ("The SMM heard 3 explosions 2km south while positioned in Avdiivka.", "Avdiivka"),
    ("While flying a mini-UAV near Marinka, the SMM heard 4 shots.", "Marinka"),
    ("Whilst in Popasna, the SMM heard two bursts.", "Popasna"),
])
def test_the_observer_s_own_while_still_places_it(text: str, place: str) -> None:
    assert _one(text)["observer_place"] == place


# --- patrol23's Z02: a subject clause, a passive with an adverb, an offset from an unnamed place, episodes listed -------


def test_an_observation_written_as_a_subject_clause_is_read() -> None:
    record = _one("What was assessed to have been an outgoing mortar round was also heard whilst at a position three "
                  "kilometres north-east of the town centre, assessed to have emanated from a location one kilometre further "
                  "north-east.")
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_outgoing", 1, "mortar")
    assert (record["distance_min_km"], record["bearing_min_deg"]) == (1.0, pytest.approx(33.75))
    assert record["text"].startswith("What was assessed")


def test_a_passive_with_an_adverb_is_read() -> None:
    record = _one("Two undetermined explosions were then heard 4km south of Popasna.")
    assert (record["kind"], record["count"]) == ("explosion_undetermined", 2)


def test_episodes_listed_after_a_colon_are_no_record_of_their_own() -> None:
    records = _fire(_read("From positions in Avdiivka, the SMM heard three separate episodes of shelling to the east: a single "
                          "explosion; 40 outgoing artillery rounds; and, six impacts."))
    assert sorted(r["count"] for r in records) == [1, 6, 40]
    assert all(r["bearing_min_deg"] == pytest.approx(78.75) for r in records)
