"""A 12-hour window that names a.m./p.m. once, after its second time ("between 2 and 3 p.m."): the first time takes
the half of the day the second names (patrol27 noticed "between 2 and 3 p.m." read as 15:00 alone, and "between
2:30 and 3 p.m." was read as 02:30-15:00, a twelve-and-a-half-hour window)."""

from __future__ import annotations

import pytest

from tests.ingest.test_patrol_real13 import parse

CASES = [
    ("The SMM heard 12 explosions 3-5km north-west between 2 and 3 p.m.", "03 14:00", "03 15:00"),
    ("The SMM heard 12 explosions 3-5km north-west between 2:30 and 3 p.m.", "03 14:30", "03 15:00"),
    ("The SMM heard 12 explosions 3-5km north-west from 11 to 1 pm.", "03 11:00", "03 13:00"),  # across noon
    ("The SMM heard 12 explosions 3-5km north-west between 9 and 11 a.m.", "03 09:00", "03 11:00"),
    ("The SMM heard 12 explosions between 10 and 11pm, 3km north.", "03 22:00", "03 23:00"),
    ("The SMM heard 12 explosions 3km north between 2-3pm.", "03 14:00", "03 15:00"),
    ("The SMM heard 12 explosions 3km north from 11:40 to 12:10 pm.", "03 11:40", "03 12:10"),
    # each time its own half of the day: as before
    ("The SMM heard 12 explosions 3-5km north-west between 2 pm and 3 pm.", "03 14:00", "03 15:00"),
]


@pytest.mark.parametrize(("sentence", "start", "end"), CASES, ids=[case[0][40:] for case in CASES])
def test_a_windows_first_time_takes_the_half_of_the_day_its_second_names(sentence: str, start: str, end: str) -> None:
    (record,) = parse(sentence)
    assert (record["time_start"], record["time_end"]) == (start, end)
    assert not any("not understood" in warning for warning in record["warnings"])
    assert record["text"] == sentence  # the record's text is the line as written, not the rewritten one


def test_a_distance_range_is_no_window_and_the_text_after_a_grown_clock_is_cut_as_written() -> None:
    (record,) = parse("The SMM heard 3 explosions between 2 and 3 km south at 4 p.m.")
    assert (record["time_start"], record["time_end"]) == ("03 16:00", "03 16:00")
    assert (record["distance_min_km"], record["distance_max_km"]) == (2.0, 3.0)
    first, second = parse("Between 2 and 3 p.m. the SMM heard 4 explosions 2km east. At 9pm it heard a shot 1km west.")
    assert (first["time_start"], first["time_end"]) == ("03 14:00", "03 15:00")
    assert first["text"] == "Between 2 and 3 p.m. the SMM heard 4 explosions 2km east."
    assert second["time_start"] == "03 21:00" and second["text"] == "At 9pm it heard a shot 1km west."


@pytest.mark.parametrize(("text", "window"), [
    ("The SMM heard 12 explosions 3km north between 11 and 2 a.m.", ("03 23:00", "04 02:00")),
    ("The SMM heard 12 explosions 3km north between 11:40 and 12:15 a.m.", ("03 23:40", "04 00:15")),
])
def test_a_window_across_midnight_starts_in_the_evening_before(text: str, window: tuple[str, str]) -> None:
    # patrol28: "between 11 and 2 a.m." was left unread (lead, session 27) and "between 11:40 and 12:15 a.m." read from
    # 11:40 in the morning; the first time is in the evening, and the window crosses midnight as a 24-hour one does
    (record,) = parse(text)
    assert (record["time_start"], record["time_end"]) == window
    assert not any("not understood" in warning for warning in record["warnings"])
