"""Launches and impacts a time of flight apart (fuse/flight.py), on hand-made rounds in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.test_rival import ST_X, ST_Y, Book
from truceline.fuse import flight
from truceline.fuse.flight import flight_partners, implied_sources, link, links_of

BATTERY = (7.0, 3.0)
TARGET = (1.0, -2.0)  # 7.8 km from the battery
FLIGHT_S = 24.0
LAUNCHES = [100.0, 109.0, 117.5, 129.0, 141.0]
JITTER = [0.3, -0.4, 0.2, -0.2, 0.5]  # the rounds' flight times scatter by a few per cent


def _nearest(x: float, y: float, k: int) -> list[int]:
    return np.argsort(np.hypot(ST_X - x, ST_Y - y), kind="stable")[:k].tolist()


def _mission(book: Book, heard: list[bool] | None = None) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Five rounds: each launch heard by the six stations nearest the battery (unless not ``heard``), each impact by
    the twelve nearest the target, a flight time later."""
    launches, impacts = [], []
    for k, (t, dt) in enumerate(zip(LAUNCHES, JITTER)):
        if heard is None or heard[k]:
            launches.append(book.arrivals(*BATTERY, t, _nearest(*BATTERY, 6)))
        else:
            launches.append(np.zeros(0, dtype=np.int64))
        impacts.append(book.arrivals(*TARGET, t + FLIGHT_S + dt, _nearest(*TARGET, 12)))
    return launches, impacts


def _events(launches: list[np.ndarray], impacts: list[np.ndarray],
            missing: int) -> list[tuple[float, float, float, np.ndarray]]:
    """The events found: every impact and every launch but ``missing``."""
    out = [(*BATTERY, t, p) for k, (t, p) in enumerate(zip(LAUNCHES, launches)) if k != missing and len(p)]
    out += [(*TARGET, t + FLIGHT_S + dt, p) for t, dt, p in zip(LAUNCHES, JITTER, impacts)]
    return out


def _run(events: list[tuple[float, float, float, np.ndarray]], book: Book,
         nearest: bool = True) -> list[tuple[int, float, float, float, np.ndarray]]:
    x, y, t0, picks, order, start, ctx, atm = book.plane_context(events)
    new = flight_partners(x, y, t0, picks, atm, ctx=ctx,
                          station_pick_start=start, min_stations=4, donor_max_stations=8, nearest=nearest)
    return [(a, rx, ry, rt, np.sort(order[p])) for a, rx, ry, rt, p in new]


def test_a_battery_and_its_target_are_linked_by_the_flight_time() -> None:
    t_launch = np.array(LAUNCHES)
    t_impact = t_launch + FLIGHT_S + np.array(JITTER)
    x = np.r_[np.full(5, BATTERY[0]), np.full(5, TARGET[0])]
    y = np.r_[np.full(5, BATTERY[1]), np.full(5, TARGET[1])]
    t0 = np.r_[t_launch, t_impact]
    found = link(np.arange(5), np.arange(5, 10), x, y, t0)
    assert found is not None
    assert sorted(found.pairs) == [(k, k + 5) for k in range(5)]
    assert abs(found.flight_s - FLIGHT_S) < 0.5
    # the impacts do not precede the launches: no link the other way
    assert link(np.arange(5, 10), np.arange(5), x, y, t0) is None
    # one impact fewer and a launch without its impact: it implies one, a flight time later, at the target
    implied = implied_sources(x[:9], y[:9], t0[:9], np.full(9, 6))
    assert len(implied) == 1
    anchor, lo, hi = implied[0]
    assert 5 <= anchor < 9 and lo < LAUNCHES[4] + FLIGHT_S + JITTER[4] < hi


def test_places_whose_events_share_no_lag_are_not_linked() -> None:
    t_launch = np.array(LAUNCHES)
    t_impact = np.array([112.0, 131.0, 160.0, 190.0, 240.0])  # lags scattered: no three pairs share one
    x = np.r_[np.full(5, BATTERY[0]), np.full(5, TARGET[0])]
    y = np.r_[np.full(5, BATTERY[1]), np.full(5, TARGET[1])]
    assert link(np.arange(5), np.arange(5, 10), x, y, np.r_[t_launch, t_impact]) is None
    assert links_of(x, y, np.r_[t_launch, t_impact]) == []


def test_a_launch_the_search_lost_is_found_where_its_impact_says() -> None:
    book = Book(seed=11)
    launches, impacts = _mission(book)
    book.clutter(3, 50.0, 250.0)
    new = _run(_events(launches, impacts, missing=3), book)
    assert len(new) == 1
    _anchor, x, y, t0, picks = new[0]
    assert np.hypot(x - BATTERY[0], y - BATTERY[1]) < 0.3
    assert abs(t0 - LAUNCHES[3]) < 0.3
    assert len(set(picks.tolist()) & set(launches[3].tolist())) >= 5


def test_nothing_is_made_where_the_launch_was_not_heard() -> None:
    book = Book(seed=11)
    launches, impacts = _mission(book, heard=[True, True, True, False, True])
    book.clutter(3, 50.0, 250.0)
    assert _run(_events(launches, impacts, missing=3), book) == []


def test_nothing_is_made_when_every_round_was_found() -> None:
    book = Book(seed=11)
    launches, impacts = _mission(book)
    book.clutter(3, 50.0, 250.0)
    assert _run(_events(launches, impacts, missing=-1), book) == []


def test_no_partner_is_sought_in_a_burst() -> None:
    # a barrage 1.2 km from the battery when the lost launch was fired (six events chained 2.5 s apart): arrivals overlap
    # at every station there, so the search for the launch is left to the ripple step
    book = Book(seed=11)
    launches, impacts = _mission(book)
    book.clutter(3, 50.0, 250.0)
    barrage = [(BATTERY[0] + 1.2, BATTERY[1], t, np.zeros(0, dtype=np.int64)) for t in np.arange(121.0, 134.0, 2.5)]
    events = _events(launches, impacts, missing=3) + barrage
    assert _run(events, book) == []
    with_bursts = flight.SKIP_BURSTS
    try:
        flight.SKIP_BURSTS = False
        assert len(_run(events, book)) == 1
    finally:
        flight.SKIP_BURSTS = with_bursts


def _with_donor(book: Book) -> tuple[list[np.ndarray], list[tuple[float, float, float, np.ndarray]]]:
    """The mission with launch 3 lost: two of its picks (at the two stations nearest the battery) held by a later
    round's event at the battery (heard by the six next stations), its other four free."""
    launches, impacts = _mission(book)
    later = book.arrivals(*BATTERY, 137.0, _nearest(*BATTERY, 12)[6:])
    donor = np.sort(np.r_[later, launches[3][:2]])
    return launches, _events(launches, impacts, missing=3) + [(*BATTERY, 137.0, donor)]


def test_a_donor_must_pass_the_donor_tests_without_the_picks_it_gives() -> None:
    book = Book(seed=11)
    launches, events = _with_donor(book)
    x, y, t0, picks, order, start, ctx, atm = book.plane_context(events)
    found = flight_partners(x, y, t0, [p.copy() for p in picks], atm, ctx=ctx, station_pick_start=start,
                            min_stations=4, donor_max_stations=8, nearest=True)
    assert len(found) == 1
    assert set(np.sort(order[found[0][4]]).tolist()) >= set(launches[3].tolist())  # the two picks taken back
    refused = flight_partners(x, y, t0, [p.copy() for p in picks], atm, ctx=ctx, station_pick_start=start,
                              min_stations=4, donor_max_stations=8, nearest=True,
                              donor_accept=lambda *_args: False)
    assert all(not set(np.sort(order[p]).tolist()) & set(launches[3][:2].tolist()) for *_r, p in refused)

