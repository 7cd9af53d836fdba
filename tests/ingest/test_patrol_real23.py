"""Session 23 (patrol23): patrol22's leftovers that are general phrase families, paraphrased (other places, numbers and
wording), and a fresh batch of REAL text (``patrol_real23_batches``) measured once (docs/ingest.md, "Session 23
(patrol23)").
"""

from __future__ import annotations

import pytest

from tests.ingest.test_patrol_real20 import _fire, _read

# --- a part intercepted of the rounds counted, in digits (patrol22's leftover: the rewrite would be longer) -------------


@pytest.mark.parametrize(("text", "counts"), [
    ("The IDF said Iron Dome intercepted 3 of the 12 rockets launched.",
     [("airburst", 3), ("explosion_outgoing", 12)]),
    ("Air defences shot down 14 of the 35 rockets fired from southern Lebanon towards Safed, the army said.",
     [("airburst", 14), ("explosion_undetermined", 35)]),
    ("Around 60 rockets were fired from Lebanon at the Galilee, 11 of which were intercepted.",
     [("airburst", 11), ("explosion_undetermined", 60)]),
])
def test_a_part_intercepted_in_digits(text: str, counts: list[tuple[str, int]]) -> None:
    assert sorted((record["kind"], record["count"]) for record in _fire(_read(text))) == sorted(counts)


def test_the_total_keeps_its_own_place_after_the_part_intercepted() -> None:
    # written "14 rockets shot down, 35 rockets fired from southern Lebanon …": "from …" stays with the total
    records = _fire(_read("Air defences shot down 14 of the 35 rockets fired from Lebanon towards Safed."))
    (total,) = [record for record in records if record["count"] == 35]
    assert total["event_place"] == "Lebanon"


def test_a_longer_rewrite_keeps_the_record_text_of_the_sentences_after() -> None:
    records = _read("At 7 pm Iron Dome intercepted 3 of the 12 rockets fired. At 9 pm 5 rockets hit Metula.")
    (last,) = [record for record in records if record["count"] == 5]
    assert last["text"] == "At 9 pm 5 rockets hit Metula."
    assert last["kind"] == "explosion_impact"


# --- a bullet seen hitting (patrol22's X02: a damage mark of one; "two bullets impact the ground" were two impacts) ------


@pytest.mark.parametrize(("text", "count"), [
    ("Near Shyrokyne the patrol heard small-arms fire and saw a bullet impact the wall 10m from its vehicle.", 1),
    ("The monitors saw three bullets impact the ground near their car.", 3),
    ("The SMM saw two bullets strike the fence of the school.", 2),
])
def test_a_bullet_seen_hitting_is_a_shot(text: str, count: int) -> None:
    shots = [record for record in _read(text) if record["kind"] == "shot"]
    assert [record["count"] for record in shots] == [count]
    assert not any(record["kind"] == "explosion_impact" or record.get("sighting") == "damage" for record in _read(text))


@pytest.mark.parametrize("text", [
    "The SMM saw bullet impacts on the wall of a house in Pikuzy.",
    "The SMM saw a bullet hole in a window of the school.",
])
def test_bullet_marks_stay_damage(text: str) -> None:
    (record,) = _read(text)
    assert (record["kind"], record["sighting"]) == ("other", "damage")
