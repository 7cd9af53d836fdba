"""Session 22 (patrol22): patrol21's leftovers that are general phrase families, paraphrased (other places, numbers and
wording), and fresh batches of REAL text (``patrol_real22_batches``) measured once (docs/ingest.md, "Session 22
(patrol22)").
"""

from __future__ import annotations

import pytest

from tests.ingest.test_patrol_real20 import _fire, _read

# --- rockets launched or fired from a place towards another (patrol21's V01, patrol20b's S06, patrol20's P25) ---------
# CONTRACTS.md ("Patrol text") names the kind explosion_outgoing but no verb. The batches' rule: rounds only said to be
# fired, or fired "towards" / "at" a place, are undetermined (S06 and V01 wrote UNIFIL's radar detections so). Decided by
# that rule: rounds launched or fired towards a named place are undetermined whoever tells it ("launched" alone was read as
# launches); a launch seen with a compass direction only ("launched in a northerly direction", "… towards the north-west")
# stays outgoing, and rounds fired from X that landed in Y stay impacts.

@pytest.mark.parametrize(("text", "count"), [
    ("On 3 May, UNIFIL detected four rockets launched from north of Rashaya al-Fukhar towards Israel.", 4),
    ("UNIFIL observed 19 rockets fired from near Shwayya towards the Shebaa Farms.", 19),
    ("The army said three rockets launched from Lebanon toward the Galilee were intercepted.", 3),
    ("Hezbollah fired three rockets from southern Lebanon towards Kiryat Shmona.", 3),
    ("Two rockets were fired from southern Lebanon towards Metula, the IDF said.", 2),
])
def test_rockets_launched_towards_a_place_are_undetermined(text: str, count: int) -> None:
    (record,) = _fire(_read(text))
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_undetermined", count, "rocket")


@pytest.mark.parametrize("text", [
    "The SMM saw 12 rockets launched in a northerly direction.",
    "The SMM saw two rockets launched from Shchastia towards the north-west.",
])
def test_rockets_launched_in_a_compass_direction_stay_launches(text: str) -> None:
    (record,) = _fire(_read(text))
    assert record["kind"] == "explosion_outgoing"


def test_rockets_fired_from_a_place_that_landed_are_impacts() -> None:
    (record,) = _fire(_read("UNIFIL radar detected 3 rockets fired from Qulaylah, which landed near Shlomi."))
    assert (record["kind"], record["count"]) == ("explosion_impact", 3)


@pytest.mark.parametrize(("text", "place"), [
    ("On 20 July, UNIFIL detected two rockets launched from north-west of Qulayah (Sector West) towards Israel.", "Qulayah"),
    ("On 4 August, UNIFIL radar detected three rockets launched from an area north of Mahmudiyah (Sector East) towards Israel.", "Mahmudiyah"),
])
def test_a_mission_s_sector_is_no_bearing(text: str, place: str) -> None:
    (record,) = _fire(_read(text))
    assert record["kind"] == "explosion_undetermined"
    assert record["event_place"] == place
    assert record.get("bearing_min_deg") is None


def test_a_compass_word_is_still_a_bearing() -> None:
    (record,) = _fire(_read("The SMM heard 12 explosions 5km west of its position."))
    assert record["bearing_min_deg"] == pytest.approx(258.75)


# --- a list of the weapons fire was opened with (patrol21's U17) -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Indian troops resorted to unprovoked firing using small arms, rockets, mortars and heavy machinegun on LoC in Nezapir sector.",
    "Pakistani troops opened fire with rockets and mortars along the LoC in the Poonch sector.",
    "The enemy opened fire using mortars, missiles and large-calibre machine guns near Avdiivka.",
    "The militants fired with 120mm mortars, shells and small arms.",
])
def test_rockets_in_a_list_of_weapons_used_are_no_rounds_counted(text: str) -> None:
    records = _read(text)
    assert all(record["kind"] == "other" and record.get("count") is None for record in records)


def test_rockets_counted_after_a_list_are_still_read() -> None:
    records = _fire(_read("The SMM saw them firing with rockets, in total 12 rockets."))
    assert [record["count"] for record in records if record.get("count")] == [12]


# --- bullets in flight over a place (patrol21's U16) -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    ("The people are in a panic, red bullets are passing over the village, the people are scared.", None),
    ("Red bullets were flying over the village all night.", None),
    ("Residents said bullets flew over their houses near Tavush.", None),
    ("Two bullets passed over the SMM's vehicle.", 2),
])
def test_bullets_passing_over_are_projectiles_in_flight(text: str, count: int | None) -> None:
    (record,) = _fire(_read(text))
    assert (record["kind"], record.get("count")) == ("projectile_in_flight", count)


def test_bullets_hitting_are_not_in_flight() -> None:
    (record,) = _fire(_read("The SMM heard bullets hitting the wall."))
    assert record["kind"] == "shot"


# --- tallies of "times" (patrol21's leftovers) -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "tally", "qualifier"), [
    ("Ukrainian forces attacked the positions of the JFO 14 times over the past day.", 14, None),
    ("Pakistani troops fired at Indian positions more than 20 times along the LoC.", 20, "more than"),
    ("The enemy attacked our positions 23 times, using mortars.", 23, None),
    ("Azerbaijani units attacked Armenian positions at least nine times during the night.", 9, "at least"),
])
def test_a_party_s_tally_of_times_opened_fire(text: str, tally: int, qualifier: str | None) -> None:
    records = [record for record in _read(text) if record.get("ceasefire_violations")]
    assert [(record["ceasefire_violations"], record.get("ceasefire_violations_qualifier")) for record in records] == [(tally, qualifier)]


def test_a_tank_that_fired_times_is_no_tally() -> None:
    assert not any(record.get("ceasefire_violations") for record in _read("The SMM saw a tank that fired 14 times."))


def test_fire_opened_times_is_left_unread() -> None:
    # "the enemy opened fire three times from grenade launchers …" (patrol19's I11) is a part of the day's tally, which
    # the expectations write as optional; a bare "opened fire N times" is not read as a tally (patrol22 tried it: I11's
    # judge then paired the part with the small-arms fire)
    assert not any(record.get("ceasefire_violations") for record in _read("The enemy opened fire three times from grenade launchers."))


def test_bullets_heard_whistling_over_stay_shots() -> None:
    # patrol15's "bullets whistled over the observers' heads": heard, not seen in flight
    (record,) = _fire(_read("Around 14:00, bullets whistled over the monitors' heads near Zolote."))
    assert record["kind"] == "shot"


def test_a_landing_place_s_side_is_not_where_the_rocket_came_from() -> None:
    # patrol21's V02: "launched from an area northeast of Qulaylah, which landed south-east of Shlomi" gave fired_from SE
    # (the words read before are blanked, and the pattern took the blank for a space)
    (record,) = _fire(_read("UNIFIL radar detected one rocket launched from an area northeast of Qulaylah, which landed "
                            "south-east of Shlomi."))
    assert record["kind"] == "explosion_impact"
    assert record.get("fired_from") is None
    (record,) = _fire(_read("The SMM saw a rocket fired from a position to the south-east."))
    assert record.get("fired_from") == "SE"
