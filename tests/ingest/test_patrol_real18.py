"""Session 18 (patrol18): held-out batches of REAL monitoring-mission text that earlier sessions did not use (A, B in
``patrol_real18_batches``: the OSCE SMM's "Latest from" reports of 2015-2018, spot reports of 2017-2020, daily reports of
2021 and news copies of them), and the constructs they showed.

Each batch's expected fields were written by hand and committed before the reader was run on it (docs/ingest.md,
"Session 18 (patrol18)"); A was measured on main and then the reader fixed, B was gathered and measured once after A's
fixes. They are judged as in ``test_patrol_real16``: no item may have a wrong value or an extra record beyond those
listed in ``JUDGED`` (readings the expectation disagrees with, explained there), nor miss more than ``LEFT`` lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.patrol_real18_batches import BATCH_A, BATCH_B
from tests.ingest.test_patrol_real16 import assert_no_worse
from tests.ingest.test_patrol_sentences import parse as parse_records

UND, IMP, OUT, SHOT, BURST = "explosion_undetermined", "explosion_impact", "explosion_outgoing", "shot", "burst"

JUDGED: dict[str, dict[str, int]] = {
    # A10: "observed an intensive smoke cloud rising above Ukraine-controlled area" is a smoke sighting with a count (kind
    # other, as documented), which this judge counts as fire; A12: "registered on Dec. 24 rounds from BM-21 Grad" is read
    # as undetermined explosions of unstated number (the reader's convention for uncounted rounds, as patrol16b's U22),
    # where the expectation wrote kind other; A21: "ten bullet impacts (…) to the thermal camera" is damage with a count
    # (kind other), which the judge counts as fire, and the expectation of "heard small-arms fire in the area" (no count)
    # is then paired with it; A14: "saw and heard two explosions and smoke … at an assessed distance of 20m north-north-west"
    # gives a smoke sighting with a direction beside the explosions, which the judge counts as fire (as patrol17's W05)
    "A10": {"extra": 1}, "A12": {"kind": 1}, "A14": {"extra": 1}, "A21": {"extra": 1},
}
LEFT: dict[str, dict[str, int]] = {
    # A21: see JUDGED (the small-arms fire, read with its weapon, is not counted as fire: the weapon is missing from the
    # damage record it was paired with); A25: "At the same location, the SMM heard three outgoing mortar rounds …" after
    # "Between 10:10 and 11:30hrs on 21 March, …": the whole day (the window is not said to be the same)
    "A21": {"weapon": 1}, "A25": {"time": 1},
    # B09: "for the period from 19.30 on December 7 to 19.30 on December 8" is read as the evening-to-evening period
    # (18:00-21:00 at its ends, a little wider than written); B11: "In the morning of 16 October, … observed a steady
    # exchange of fire …. The SMM heard over 60 explosions …": the whole day (the morning is the sentence before's)
    "B09": {"time": 2}, "B11": {"time": 1},
}

ITEMS = BATCH_A + BATCH_B


@pytest.mark.parametrize(("item", "day", "text", "expected"), ITEMS, ids=[item[0] for item in ITEMS])
def test_real_item_has_no_wrong_value(item: str, day: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_no_worse(item, day, text, expected, JUDGED, LEFT)


# --- the constructs, paraphrased (other places, numbers and wording) ---------------------------------------------------


def parse(text: str, day: date = date(2017, 5, 20)) -> list[dict[str, Any]]:
    return parse_records(text, date=day)


def fire(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [record for record in records if record["kind"] != "other" or record["count"]]


def test_rounds_named_by_their_impacts_are_impacts() -> None:
    (record,) = parse("Positioned in Popasna, the SMM heard six tank round impacts 3-4km north-east.")
    assert (record["kind"], record["count"], record["weapon"], record["bearing"]) == (IMP, 6, "tank", "NE")
    (record,) = parse("The SMM moved its patrol away from Marinka owing to nearby mortar shell impacts, one about 40m away.")
    assert (record["kind"], record["weapon"]) == (IMP, "mortar")


def test_a_doubt_about_the_calibre_keeps_the_kind() -> None:
    (record,) = parse("From Svitlodarsk, the SMM heard four outgoing artillery rounds of unknown calibre 5km south-east.")
    assert (record["kind"], record["count"], record["weapon"]) == (OUT, 4, "artillery")
    (record,) = parse("The SMM heard two impacts of tank rounds of undetermined calibre 2km west.")
    assert (record["kind"], record["count"]) == (IMP, 2)


def test_a_comparative_number_is_no_count_and_a_pair_against_gives_the_first() -> None:
    (record,) = parse("In Luhansk region the mission registered a larger number of explosions (about 36 against some 20).")
    assert (record["count"], record["count_qualifier"], record["region"]) == (36, "about", "Luhansk")
    records = parse("The SMM recorded a higher number of explosions.")
    assert all(record["count"] is None for record in records)  # not one explosion (the "a" of "a higher number")


def test_the_area_of_a_town_places_the_fire_but_a_region_s_name_does_not() -> None:
    (record,) = parse("Observers heard some 40 explosions in the Avdiivka area.")
    assert (record["event_place"], record["event_relation"]) == ("Avdiivka", "near") and record["lat"] is not None
    (record,) = parse("Observers heard some 40 explosions in the Luhansk area.")
    assert record.get("event_place") is None and record["lat"] is None


def test_what_a_uav_saw_in_a_place_is_placed_there() -> None:
    (record,) = parse("At 14:05, in Pikuzy an SMM mini-UAV spotted outgoing artillery fire.")
    assert (record["kind"], record["event_place"], record["event_relation"]) == (OUT, "Pikuzy", "in")
    (record,) = parse("At 14:05, in Pikuzy the SMM heard outgoing artillery fire.")
    assert record.get("event_place") is None  # a patrol that heard it: the place is the observer's only, as before


def test_preparing_to_launch_its_uav_is_no_sighting_and_a_road_is_no_bearing() -> None:
    records = parse("At 10:12, the SMM heard two bursts of small-arms fire while preparing to fly a mini-UAV from the southern "
                    "edge of Popasna, about 200m north of the T-1302 road.")
    assert [(record["kind"], record["count"]) for record in fire(records)] == [(BURST, 2)]
    assert records[0].get("bearing") is None and records[0]["distance_min_km"] is None
    assert any("a distance from a road" in warning for warning in records[0]["warnings"])


def test_a_sentence_after_the_placing_one_is_timed_from_its_clock_on_that_day() -> None:
    records = parse("At 09:41 on 12 May, an SMM patrol of six members was positioned near Krasnohorivka. [...] As the two "
                    "monitors walked ahead, they heard a shot of small-arms fire about 50m south.")
    (shot,) = fire(records)
    assert (shot["time_start"], shot["time_end"]) == ("12 09:41", "12 23:59")
    records = parse("At 09:41 on 12 May, an SMM patrol was positioned near Krasnohorivka. On 13 May, the patrol heard a shot.")
    assert fire(records)[0]["time_start"] == "13 00:00"  # a day of its own: that day, as before


def test_a_region_carried_from_the_sentence_before_must_not_contradict_the_place() -> None:
    records = parse("In Luhansk region, the Mission recorded 14 explosions.\n"
                    "In particular, in Pavlopil, monitors heard six explosions 3km east. In Popasna, the SMM heard two shots.")
    assert [record.get("region") for record in records] == ["Luhansk", None, "Luhansk"]


def test_single_shorts_are_shots_and_self_propelled_grenades_are_spg_9_rounds() -> None:
    records = parse("Monitors heard 40 bursts of heavy machine gun fire and 120 single shorts of small arms fire.")
    assert [(record["kind"], record["count"], record["weapon"]) for record in records] == [
        (BURST, 40, "heavy_machine_gun"), (SHOT, 120, "small_arms")]
    records = parse("Positioned in Avdiivka, the SMM heard 12 explosions assessed as outgoing mortar rounds, five as outgoing "
                    "self-propelled grenades (SPG-9) and two as impacts, all 3-5km east.")
    assert [(record["kind"], record["count"], record["weapon"]) for record in records] == [
        (OUT, 12, "mortar"), (OUT, 5, "recoilless_gun"), (IMP, 2, None)]


def test_a_trend_s_day_with_a_bare_count_in_brackets() -> None:
    records = fire(parse("The SMM noted fewer ceasefire violations in Luhansk region on 11 May (about 60 explosions recorded) "
                         "compared with 10 May (140), although the number of explosions tripled on 12 May (over 180) compared "
                         "with the day before."))
    assert [(record["count"], record["time_start"]) for record in records if record["count"] != 140] == [
        (60, "11 00:00"), (180, "12 00:00")]


def test_a_place_between_commas_before_what_was_heard_places_it() -> None:
    (record,) = parse("At 20:05 the SMM heard, to the north of Horlivka, sounds of outgoing shelling estimated to be 6-8 shots.")
    assert (record["kind"], record["count"], record["event_place"], record["event_side"]) == (OUT, 8, "Horlivka", "N")


def test_a_reporting_period_in_clock_times_dates_the_counts_after_it() -> None:
    records = fire(parse("The SMM recorded more ceasefire violations for the period from 19.30 on May 11 to 19.30 on May 12, "
                         "according to a report published on May 13.\n"
                         "\"In Luhansk region the SMM recorded about 45 explosions,\" the report said.", date(2017, 5, 13)))
    assert [(record["count"], record["time_start"], record["time_end"]) for record in records] == [
        (45, "11 18:00", "12 21:00")]  # (it was the day of the 11th)


def test_where_the_report_was_stated_is_no_date_of_the_fire() -> None:
    records = fire(parse("The mission counted 41 explosions from 19:30 on 2 May at 19:30 on 3 May. This is stated in the report "
                         "of the mission on May 4.\nIn Donetsk region the SMM recorded about 30 explosions."))
    assert [(record["count"], record["time_start"]) for record in records] == [(41, "02 19:30"), (30, None)]


def test_blasts_and_impacts_of_one_count_are_one_observation() -> None:
    records = fire(parse("Positioned in Horlivka, the SMM heard three undetermined blasts and impacts 4km west."))
    assert [(record["kind"], record["count"], record["bearing"]) for record in records] == [(UND, 3, "W")]


def test_a_control_word_before_a_common_noun_is_no_place() -> None:
    (record,) = parse("The patrol had stopped about 500 meters east of the separatist-held village when it heard three single "
                      "shots of small-arms fire approximately 2 kilometers north.")
    assert record["observer_place"] is None and (record["count"], record["bearing"]) == (3, "N")
    (record,) = parse("Positioned in militant-controlled Horlivka, the SMM heard 4 explosions 3km west.")
    assert record["observer_place"] == "Horlivka"
