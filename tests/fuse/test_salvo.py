"""Rounds that arrive together split out of one event (fuse/salvo.py), on hand-made rounds in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_rival import ST_X, ST_Y, Book
from truceline.fuse.salvo import salvo_sources

AIM = (2.0, 1.0)  # inside the 5 x 5 grid of stations (x and y from -10 to 10 km)
SECOND_AIM = (2.35, 1.3)  # a second battery's aim point, 0.46 km away


def _nearest(x: float, y: float, n: int) -> list[int]:
    return np.argsort(np.hypot(ST_X - x, ST_Y - y), kind="stable")[:n].tolist()


def _run(events: list[tuple[float, float, float, np.ndarray]],
         book: Book) -> tuple[list[int], list[tuple[int, float, float, float, np.ndarray]]]:
    """``salvo_sources`` on the book's picks and these events; the sources' picks as the book's indices."""
    x, y, t0, picks, order, start, ctx, atm = book.plane_context(events)
    replaced, new = salvo_sources(x, y, t0, picks, atm, ctx=ctx, station_pick_start=start, min_stations=4)
    return replaced, [(a, rx, ry, rt, np.sort(order[p])) for a, rx, ry, rt, p in new]


def _time_on_target(book: Book) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two batteries' rounds landing 0.6 s apart on aim points 0.46 km apart, each heard by the ten stations nearest
    its aim point; the event found there holds, at each station, one of the two picks (a mixture)."""
    first = book.arrivals(*AIM, 100.0, _nearest(*AIM, 10))
    second = book.arrivals(*SECOND_AIM, 100.6, _nearest(*SECOND_AIM, 10))
    mixture = np.sort(np.concatenate([first[::2], second[1::2]]))
    return first, second, mixture


def test_a_time_on_target_pair_in_one_event_is_given_back_as_both_rounds() -> None:
    book = Book(seed=3)
    first, second, mixture = _time_on_target(book)
    book.clutter(4, 0.0, 300.0)
    replaced, new = _run([(*AIM, 100.3, mixture)], book)
    assert replaced == [0]
    assert len(new) == 2
    rounds = sorted(new, key=lambda r: r[3])
    for own, other, (x, y), t, r in ((first, second, AIM, 100.0, rounds[0]), (second, first, SECOND_AIM, 100.6, rounds[1])):
        # at a station the two rounds reach nearly together the picks may be taken the other way round
        assert len(set(own.tolist()) & set(r[4].tolist())) >= 9
        assert len(set(other.tolist()) & set(r[4].tolist())) <= 1
        assert abs(r[3] - t) < 0.1 and np.hypot(r[1] - x, r[2] - y) < 0.2


def test_a_single_round_among_clutter_is_not_split() -> None:
    book = Book(seed=7)
    loud = book.arrivals(*AIM, 100.0, list(range(len(ST_X))))
    book.clutter(4, 0.0, 300.0)
    replaced, new = _run([(*AIM, 100.0, loud)], book)
    assert replaced == [] and new == []


def test_a_later_train_at_the_same_place_is_not_a_second_round() -> None:
    # every station also picks a later arrival of the same source (a ducted train), its delay growing with range and
    # scattered from station to station: no second source fits those picks as well as a round would
    book = Book(seed=11)
    stations = list(range(len(ST_X)))
    first = book.arrivals(*AIM, 100.0, stations)
    rng = np.random.default_rng(4)
    for s in stations:
        r = float(np.hypot(ST_X[s] - AIM[0], ST_Y[s] - AIM[1]))
        book.station.append(s)
        book.time.append(100.0 + r / 0.34 + 0.8 + float(rng.uniform(0.0, max(0.2, 0.08 * r))))
    replaced, new = _run([(*AIM, 100.0, first)], book)
    assert replaced == [] and new == []

