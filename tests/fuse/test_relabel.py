"""Picks swapped between found events relabelled jointly (fuse/relabel.py), on hand-made rounds in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_rival import ST_X, ST_Y, Book
from truceline.fuse import kernels
from truceline.fuse.relabel import relabelled_clusters

FIRST = (2.0, 1.0, 100.0)  # x, y (km), origin time (s): inside the 5 x 5 grid of stations
SECOND = (2.3, 1.0, 101.5)  # a second round 0.3 km away, 1.5 s later: its arrival 0.6-2.4 s after the first's
ALL = list(range(len(ST_X)))
SWAPPED = [0, 6, 12, 18, 24]  # the stations whose two picks the events hold the wrong way round


def _located(book: Book, picks: np.ndarray, x: float, y: float, t0: float) -> tuple[float, float, float]:
    """The book's picks (its indices) located as one source from (x, y, t0), as the batch found the event."""
    time, st = np.array(book.time), np.array(book.station, dtype=np.int64)
    nan = np.full(len(time), np.nan)
    lx, ly, lt, _cov, _chi2, _n = kernels.locate(picks, st[picks], time, nan, nan, ST_X, ST_Y, np.zeros(len(ST_X)),
                                                 x, y, t0, 0.34, 0.0, 0.0, 0.15, 0.0015, 2.5, 15, 0.0)
    return float(lx), float(ly), float(lt)


def _run(book: Book, events: list[np.ndarray], starts: list[tuple[float, float, float]]) -> dict[int, np.ndarray]:
    """``relabelled_clusters`` on the book's picks and these events (each located from its picks): the events whose
    picks changed, with their new picks as the book's indices."""
    located = [(*_located(book, p, *s), p) for p, s in zip(events, starts)]
    x, y, t0, picks, order, start, ctx, atm = book.plane_context(located)
    moved, chance = relabelled_clusters(x, y, t0, picks, atm, ctx=ctx, station_pick_start=start, min_stations=4)
    assert chance >= 0.0
    return {m: np.sort(order[p]) for m, _x, _y, _t, p in moved}


def _rounds(book: Book) -> tuple[np.ndarray, np.ndarray, list[np.ndarray], list[tuple[float, float, float]]]:
    """Two rounds heard by every station, and two isolated rounds far away in time (what the run's untouched events
    gain by the same steps)."""
    first = book.arrivals(*FIRST, ALL)
    second = book.arrivals(*SECOND, ALL)
    lone_a = book.arrivals(-6.0, -5.0, 200.0, ALL)
    lone_b = book.arrivals(5.0, -7.0, 300.0, ALL)
    book.clutter(3, 0.0, 400.0)
    return first, second, [lone_a, lone_b], [(-6.0, -5.0, 200.0), (5.0, -7.0, 300.0)]


def test_two_crowded_rounds_with_swapped_picks_are_relabelled() -> None:
    book = Book(seed=5)
    first, second, lone, lone_at = _rounds(book)
    swap = np.isin(np.arange(len(ALL)), SWAPPED)
    held_first = np.sort(np.where(swap, second, first))
    held_second = np.sort(np.where(swap, first, second))
    moved = _run(book, [held_first, held_second, *lone], [FIRST, SECOND, *lone_at])
    assert set(moved) == {0, 1}
    for own, other, k in ((first, second, 0), (second, first, 1)):
        assert len(set(own.tolist()) & set(moved[k].tolist())) >= len(ALL) - 1
        assert len(set(other.tolist()) & set(moved[k].tolist())) <= 1


def test_two_clean_rounds_are_left_alone() -> None:
    book = Book(seed=9)
    first, second, lone, lone_at = _rounds(book)
    moved = _run(book, [first, second, *lone], [FIRST, SECOND, *lone_at])
    assert moved == {}

