"""Session 28 (patrol28): the held-out batch AH (``patrol_real28_batches``, real-style sentences of the SMM's weekly and
spot reports, the JCCC, the Russian peacekeepers in Karabakh, the EUMM, UNMOGIP, UNDOF, UNIFIL and the KVM written by
hand) measured once, patrol27's leftovers (zones named by a city, a window across midnight, "another", the intercepted
convention), and the general constructs behind them, paraphrased (other places, numbers and wording) (docs/ingest.md,
"Session 28 (patrol28)").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real28_batches import BATCH_AH
from tests.ingest.patrol_real28b_batches import BATCH_AI
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_real20 import _fire, _read


JUDGED: dict[str, dict[str, int]] = {
    # AI18: "nine explosions (six of 120mm mortar and three of 122mm artillery)": one record of nine, of the first weapon
    "AI18": {"count": 1},
}
LEFT: dict[str, dict[str, int]] = {
    # AI10: "eight shots from small arms near Khramort and five near Khachmach": the five, with no noun of their own, not read
    "AI10": {"record": 1},
    # AI18: the breakdown by weapon in brackets is not read (see JUDGED)
    "AI18": {"record": 1},
}


@pytest.mark.parametrize(("item", "day", "text", "expected"), BATCH_AH + BATCH_AI, ids=[item[0] for item in BATCH_AH + BATCH_AI])
def test_held_out_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)


def _window(record: dict[str, Any]) -> tuple[str, str]:
    return record["time_start"], record["time_end"]


def _one(text: str, day: date = date(2019, 3, 2)) -> dict[str, Any]:
    (record,) = _fire(_read(text, day))
    return record


# --- a zone named by its city, read with the clock's own date (patrol27's leftover) ---------------------------------------


@pytest.mark.parametrize(("text", "day", "window"), [
    # Moscow: UTC+4 until 26 October 2014, UTC+3 after
    ("On 20 October 2014, at 11:00 (Moscow time), the militants fired 4 mortar rounds.", date(2014, 10, 20),
     ("20 07:00", "20 07:00")),
    ("On 30 October 2014, at 11:00 (Moscow time), the militants fired 4 mortar rounds.", date(2014, 10, 30),
     ("30 08:00", "30 08:00")),
    ("On 3 March 2021 at 11:00 Moscow time, peacekeepers recorded 4 shots near Shusha.", date(2021, 3, 3),
     ("03 08:00", "03 08:00")),
    # Kyiv: EET in winter, EEST in summer (and the Russian spelling)
    ("At 11:00 (Kyiv time) on 5 February, the SMM heard 4 explosions.", date(2017, 2, 5), ("05 09:00", "05 09:00")),
    ("At 11:00 (Kiev time) on 5 August, the SMM heard 4 explosions.", date(2017, 8, 5), ("05 08:00", "05 08:00")),
    # a window of local clocks across midnight, in UTC on the day before midnight
    ("Between 23:30 and 00:20 (Kyiv time) on the night of 4-5 February, the SMM heard 4 explosions.", date(2017, 2, 5),
     ("04 21:30", "04 22:20")),
    ("At 15:30 (Tbilisi time), the EUMM patrol heard 4 shots.", date(2019, 6, 1), ("01 11:30", "01 11:30")),
])
def test_a_zone_named_by_its_city_is_read_with_the_date(text: str, day: date, window: tuple[str, str]) -> None:
    record = _one(text, day)
    assert _window(record) == window
    assert not any(re.search(r"(?i)moscow|kyiv|kiev|tbilisi|\btime\b", warning) for warning in record["warnings"])


def test_a_zone_named_by_its_city_outranks_the_timezone_given() -> None:
    # --timezone says what a clock with no zone means; a clock with its zone is read in it
    from tests.ingest.test_patrol_real16 import GAZETTEER
    from zoneinfo import ZoneInfo

    from truceline.ingest.patrol.reader import parse_patrol_text
    (report,) = parse_patrol_text("At 11:00 (Moscow time) the SMM heard 4 explosions.", file_name="t.txt", gazetteer=GAZETTEER,
                                  date=date(2017, 2, 5), tz=ZoneInfo("Europe/Kyiv"))
    assert report.time_start == pytest.approx(1486281600.0)  # 2017-02-05 08:00 UTC


def test_local_in_brackets_is_the_readers_zone() -> None:
    record = _one("At 10:45 (local) the EUMM patrol heard 3 shots.")
    assert _window(record) == ("02 10:45", "02 10:45")
    assert not any("local" in warning for warning in record["warnings"])


# --- a window across midnight, and the times after it (patrol27's leftover) ----------------------------------------------


@pytest.mark.parametrize("text", [
    "Between 22:50 and 00:10 the SMM heard 9 explosions 3km north, and at 01:05 four shots 1km west.",
    "Between 22:50 and 00:10 the SMM heard 9 explosions 3km north. At 01:05, it heard four shots 1km west.",
])
def test_a_morning_time_after_a_window_across_midnight_is_on_the_next_day(text: str) -> None:
    first, second = _fire(_read(text))
    assert _window(first) == ("02 22:50", "03 00:10")
    assert _window(second) == ("03 01:05", "03 01:05")


def test_a_new_paragraph_or_a_written_date_is_not_after_that_midnight() -> None:
    records = _fire(_read("Between 22:50 and 00:10 the SMM heard 9 explosions 3km north.\nAt 01:05, it heard four shots 1km west."))
    assert _window(records[1]) == ("02 01:05", "02 01:05")
    records = _fire(_read("Between 22:50 and 00:10 the SMM heard 9 explosions. On 6 March, at 01:05, it heard four shots."))
    assert _window(records[1]) == ("06 01:05", "06 01:05")


# --- "another", and an assessment of both (patrol27's AG15) --------------------------------------------------------------


@pytest.mark.parametrize(("text", "parts"), [
    ("The SMM heard an explosion at 14:12 and another at 14:40, both assessed as impacts of mortar rounds.",
     [("explosion_impact", 1, "mortar", ("02 14:12", "02 14:12")), ("explosion_impact", 1, "mortar", ("02 14:40", "02 14:40"))]),
    ("The patrol heard a burst 1km north at 09:10 and another one at 09:45.",
     [("burst", 1, None, ("02 09:10", "02 09:10")), ("burst", 1, None, ("02 09:45", "02 09:45"))]),
])
def test_another_is_one_more_of_the_noun_before(text: str, parts: list[tuple[Any, ...]]) -> None:
    records = _fire(_read(text))
    assert [(r["kind"], r["count"], r["weapon"], _window(r)) for r in records] == parts


def test_another_before_a_person_is_no_fire() -> None:
    records = _fire(_read("One man fired a burst into the air and another individual pointed his rifle at the SMM."))
    assert [(r["kind"], r["count"]) for r in records] == [("burst", 1)]


def test_an_assessment_of_both_keeps_an_earlier_ones_own() -> None:
    records = _fire(_read("The SMM heard an explosion assessed as an impact at 10:00 and another at 10:20, both assessed as "
                          "outgoing."))
    assert [r["kind"] for r in records] == ["explosion_impact", "explosion_outgoing"]


# --- a numbered post after the verb (AH16, AH17) -------------------------------------------------------------------------


def test_a_numbered_post_after_the_verb_is_the_observer() -> None:
    record = _one("UNDOF observed from Position 37 three explosions 2km north of the position.")
    assert (record["count"], record["observer_place"]) == (3, "Position 37")


def test_what_came_from_a_post_does_not_place_the_observer() -> None:
    records = _read("They saw smoke coming from position 12.")
    assert all(record["observer_place"] is None for record in records)


# --- counts written where the reader did not look (AH10, AH12, AH17, AH18, AH26) ----------------------------------------


def test_the_impacts_of_rounds_are_counted() -> None:
    record = _one("The team observed the impacts of six artillery rounds near the wadi.")
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_impact", 6, "artillery")


def test_the_impacts_of_a_calibre_are_no_count() -> None:
    record = _one("The SMM heard 21 explosions assessed as the impacts of 122 mm artillery rounds.")
    assert (record["kind"], record["count"], record["weapon"]) == ("explosion_impact", 21, "artillery")


def test_a_part_intercepted_written_after_its_subject_and_verb() -> None:
    records = _fire(_read("The army said 9 rockets were launched from Gaza towards Sderot, of which Iron Dome intercepted three."))
    # (the nine read as the earlier tests have them; the three beside them, as airbursts)
    assert sorted(r["count"] for r in records) == [3, 9]
    assert [r["kind"] for r in records if r["count"] == 3] == ["airburst"]


def test_rounds_counted_after_their_weapon() -> None:
    record = _one("The militants shelled the positions near Pisky with 82mm mortars, firing 14 rounds.")
    assert (record["count"], record["weapon"]) == (14, "mortar")


@pytest.mark.parametrize(("text", "parts"), [
    ("The SMM heard five shots 2km south (two at 16:02, one at 16:10 and two at 16:30).",
     [(2, ("02 16:02", "02 16:02")), (1, ("02 16:10", "02 16:10")), (2, ("02 16:30", "02 16:30"))]),
])
def test_a_count_broken_down_by_time(text: str, parts: list[tuple[int, tuple[str, str]]]) -> None:
    records = _fire(_read(text))
    assert [(r["count"], _window(r)) for r in records] == parts
    assert all(r["bearing_min_deg"] is not None for r in records)


def test_a_breakdown_that_does_not_add_up_is_left_whole() -> None:
    (record,) = _fire(_read("The SMM heard five shots 2km south (two at 16:02 and one at 16:30)."))
    assert record["count"] == 5


@pytest.mark.parametrize(("text", "window"), [
    ("Shortly after midnight on 4 March, the SMM heard 3 explosions.", ("04 00:00", "04 01:00")),
    ("Just before midnight, the SMM heard 3 explosions.", ("02 23:00", "02 23:59")),
])
def test_a_time_near_midnight_in_words(text: str, window: tuple[str, str]) -> None:
    assert _window(_one(text)) == window


def test_a_count_after_fire_named_with_none() -> None:
    record = _one("Witnesses said mortar fire went on from 21:00 to 23:30, with about 40 explosions recorded.")
    assert (record["kind"], record["count"], record["weapon"], _window(record)) == (
        "explosion_undetermined", 40, "mortar", ("02 21:00", "02 23:30"))


# --- smaller readings (AH15, AH26) ---------------------------------------------------------------------------------------


def test_rounds_of_a_weapons_fire_impacting_are_impacts() -> None:
    record = _one("The team observed 8 rounds of artillery fire impacting 2km west of the team site.")
    assert (record["kind"], record["count"], record["distance_min_km"]) == ("explosion_impact", 8, 2.0)
    assert not any("not understood" in warning for warning in record["warnings"])


def test_a_titled_speaker_after_a_comma_holds_no_count() -> None:
    record = _one("From 20:10 to 20:40, the armed formations shelled the positions near Zaitseve, firing 16 rounds, the JCCC "
                  "reported.")
    assert (record["kind"], record["count"], _window(record)) == ("explosion_undetermined", 16, ("02 20:10", "02 20:40"))


def test_a_12_hour_window_across_midnight_dated_by_its_end() -> None:
    # "between 9:30 p.m. and 1:10 a.m. on 3 March" ends on the 3rd, as "between 21:30 and 01:10 on 3 March" does (the
    # rewrite's blanks after "01:10" hid the clock from the date, which was read as the sentence's: the 3rd to the 4th)
    record = _one("Between 9:30 p.m. and 1:10 a.m. on 3 March the SMM heard 6 explosions.")
    assert _window(record) == ("02 21:30", "03 01:10")


# --- batch AI's constructs (measured once on AH's fixes, then fixed) -----------------------------------------------------


@pytest.mark.parametrize(("text", "day", "window"), [
    # MSK is Moscow's zone, UTC+4 until 26 October 2014
    ("At 09:15 MSK on 2 September 2014, the militants fired 6 mortar rounds.", date(2014, 9, 2), ("02 05:15", "02 05:15")),
    ("At 09:15 MSK on 2 September 2016, the militants fired 6 mortar rounds.", date(2016, 9, 2), ("02 06:15", "02 06:15")),
    # a bracket naming the local time and its offset
    ("At 07:05 (local time, UTC+4), the EUMM monitors heard 2 shots.", date(2019, 6, 1), ("01 03:05", "01 03:05")),
    # four-digit clocks with "hrs", each with its date
    ("The team heard 12 artillery rounds between 2250 hrs on 3 May and 0110 hrs on 4 May.", date(2018, 5, 4),
     ("03 22:50", "04 01:10")),
    ("In the early hours of 6 May, the SMM heard 5 explosions.", date(2018, 5, 6), ("06 00:00", "06 06:00")),
])
def test_batch_ai_times(text: str, day: date, window: tuple[str, str]) -> None:
    assert _window(_one(text, day)) == window


def test_a_distance_from_the_op_is_the_observers() -> None:
    record = _one("At 0930 hrs, OP 71 observed three explosions approximately 2km south-west of the OP.")
    assert (record["bearing_min_deg"], record["distance_min_km"]) == (213.75, 2.0)


def test_a_part_intercepted_after_a_semicolon() -> None:
    records = _fire(_read("Militants fired eight rockets towards Metula; three of them were intercepted."))
    assert sorted((r["kind"], r["count"]) for r in records) == [("airburst", 3), ("explosion_undetermined", 8)]


def test_another_with_a_count() -> None:
    records = _fire(_read("The SMM heard four shots 1km north at 13:05 and another three at 13:30."))
    assert [(r["kind"], r["count"], _window(r)) for r in records] == [
        ("shot", 4, ("02 13:05", "02 13:05")), ("shot", 3, ("02 13:30", "02 13:30"))]
