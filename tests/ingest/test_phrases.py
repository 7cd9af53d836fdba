"""Compass points, numbers and calibres."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from truceline.ingest import phrases as ph

WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}


@pytest.mark.parametrize("point", ph.POINTS)
def test_every_point_in_words_and_capitals(point: str) -> None:
    words = [WORDS[letter] for letter in point]
    for written in ("-".join(words), " ".join(words), "".join(words), "-".join(words).upper(), point):
        assert ph.parse_direction(written) == point
        assert re.fullmatch(ph.DIRECTION, written)
    low, high = ph.point_sector_deg(point)
    assert (high - low) % 360 == pytest.approx(22.5)
    assert (ph.point_bearing_deg(point) - low) % 360 == pytest.approx(11.25)


def test_contract_examples() -> None:
    assert ph.point_sector_deg("SSW") == (191.25, 213.75)
    assert ph.point_sector_deg("N") == (348.75, 11.25)
    assert ph.parse_direction("south-easterly") == "SE"
    assert re.search(ph.DIRECTION, "at least 12") is None  # "least" is not "east"


@given(st.integers(min_value=0, max_value=999))
def test_numbers_in_digits(number: int) -> None:
    assert ph.parse_number(str(number)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [("one", 1), ("three", 3), ("eleven", 11), ("twenty", 20), ("twenty-five", 25), ("forty two", 42),
     ("one hundred", 100), ("a", 1), ("an", 1), ("a single", 1), ("a dozen", 12), ("1,200", 1200), ("many", None),
     ("one hundred and twenty", 120), ("two hundred fifty", 250), ("a hundred", 100), ("hundred and zorb", None)],
)
def test_numbers_in_words(text: str, number: int | None) -> None:
    assert ph.parse_number(text) == number
    if number is not None and not text[0].isdigit():
        assert re.fullmatch(ph.NUMBER, text)


def test_calibres_imply_weapons() -> None:
    assert ph.weapon_for_calibre(82) == "mortar" and ph.weapon_for_calibre(152) == "artillery"
    assert ph.weapon_for_calibre(23) == "anti_aircraft_gun" and ph.weapon_for_calibre(999) is None
