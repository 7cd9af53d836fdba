"""Two rounds in one event (fuse/twin.py), on hand-made rounds in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_rival import ST_X, Book, station
from truceline.fuse.twin import twin_rounds

BATTERY = (13.0, 2.0)  # east of the 5 x 5 grid of stations (x and y from -10 to 10 km)
NEAREST = [station(10, 0), station(10, 5), station(10, -5), station(5, 0), station(5, 5), station(5, -5),
           station(10, 10), station(10, -10)]


def _run(events: list[tuple[float, float, float, np.ndarray]], book: Book, max_stations: int = 12,
         in_burst: np.ndarray | None = None) -> tuple[list[int], list[tuple[int, float, float, float, np.ndarray]]]:
    """``twin_rounds`` on the book's picks and these events; the rounds' picks as the book's indices."""
    x, y, t0, picks, order, start, ctx, atm = book.plane_context(events)
    replaced, new = twin_rounds(x, y, t0, picks, atm, ctx=ctx,
                                station_pick_start=start, min_stations=4, max_stations=max_stations,
                                in_burst=in_burst)
    return replaced, [(a, rx, ry, rt, np.sort(order[p])) for a, rx, ry, rt, p in new]


def _twins(book: Book) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two tubes of one battery, 60 m apart, firing 0.8 s apart, each round heard by the eight stations nearest;
    the event found there holds four stations' picks of each (a mixture the one-pick-per-station search makes)."""
    first = book.arrivals(*BATTERY, 100.0, NEAREST)
    second = book.arrivals(BATTERY[0] + 0.04, BATTERY[1] + 0.045, 100.8, NEAREST)
    mixture = np.sort(np.concatenate([first[:4], second[4:]]))
    return first, second, mixture


def test_an_event_holding_two_rounds_of_one_battery_is_given_back_as_both() -> None:
    book = Book(seed=3)
    first, second, mixture = _twins(book)
    replaced, new = _run([(*BATTERY, 100.4, mixture)], book)
    assert replaced == [0]
    assert len(new) == 2
    rounds = sorted(new, key=lambda r: r[3])
    assert set(rounds[0][4].tolist()) == set(first.tolist())
    assert set(rounds[1][4].tolist()) == set(second.tolist())
    assert abs(rounds[0][3] - 100.0) < 0.2 and abs(rounds[1][3] - 100.8) < 0.2
    assert all(np.hypot(r[1] - BATTERY[0], r[2] - BATTERY[1]) < 0.3 for r in rounds)


def test_the_two_rounds_are_found_among_clutter() -> None:
    book = Book(seed=5)
    first, second, mixture = _twins(book)
    book.clutter(4, 0.0, 300.0)
    replaced, new = _run([(*BATTERY, 100.4, mixture)], book)
    assert replaced == [0]
    rounds = sorted(new, key=lambda r: r[3])
    # each round holds (nearly) all its own picks and none of the other's; a clutter pick may be nearer a prediction
    for own, other, r in ((first, second, rounds[0]), (second, first, rounds[1])):
        assert len(set(own.tolist()) & set(r[4].tolist())) >= 7
        assert not set(other.tolist()) & set(r[4].tolist())


def test_one_round_is_not_split_in_two() -> None:
    # a round heard by every station, among clutter: its picks split into halves hold no more picks than it
    book = Book(seed=7)
    loud = book.arrivals(*BATTERY, 100.0, list(range(len(ST_X))))
    book.clutter(4, 0.0, 300.0)
    replaced, new = _run([(*BATTERY, 100.0, loud)], book, max_stations=25)
    assert replaced == [] and new == []


def test_nothing_is_split_beyond_max_stations() -> None:
    book = Book(seed=3)
    _first, _second, mixture = _twins(book)
    replaced, new = _run([(*BATTERY, 100.4, mixture)], book, max_stations=7)
    assert replaced == [] and new == []


def test_nothing_is_split_in_a_burst() -> None:
    book = Book(seed=3)
    _first, _second, mixture = _twins(book)
    replaced, new = _run([(*BATTERY, 100.4, mixture)], book, in_burst=np.array([True]))
    assert replaced == [] and new == []


def test_a_round_whose_twin_is_all_free_picks_is_left_to_the_repeat_step() -> None:
    # the event holds one round's picks only: the second round would hold none of them (a further source at the
    # place, fuse/repeat.py's), so the event is not replaced
    book = Book(seed=3)
    first, _second, _mixture = _twins(book)
    replaced, new = _run([(*BATTERY, 100.0, first)], book)
    assert replaced == [] and new == []


def test_a_round_that_another_event_already_is_is_not_made_twice() -> None:
    book = Book(seed=3)
    first, second, mixture = _twins(book)
    # an event already holds the second round's four picks that the mixture does not: the pair would repeat it
    replaced, new = _run([(*BATTERY, 100.4, mixture), (BATTERY[0] + 0.04, BATTERY[1] + 0.045, 100.8, second[:4])],
                         book)
    assert replaced == [] and new == []
