"""Scattered arrivals (``fuse/scatter.py``): a thunder strike's event leaves free picks a second or so off its
predicted arrivals at the stations of its footprint it does not hold; a gun's event, whose stations all picked the
sharp onset, leaves none, and the stray clutter of a busy hour reads as chance. The storm cells drop an event only
when it is scattered (``FusionConfig.storm_scatter_p``): the quiet run's true lone round is kept."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.scatter import ScatteredArrivals, scattered_arrivals
from truceline.fuse.storms import StormSettings, storm_cells

ATMOSPHERE = (0.335, 0.002, -0.001)
GRID = np.arange(-20.0, 21.0, 5.0)
ST_X, ST_Y = (a.ravel() for a in np.meshgrid(GRID, GRID))  # 81 stations, 5 km apart


def _scatter(station_times: list[list[float]], held: list[tuple[int, int]], taken_extra: tuple[int, ...] = (),
             x: float = 0.0, y: float = 0.0, t0: float = 1000.0) -> ScatteredArrivals:
    """One event at (x, y, t0) holding ``held`` ((station, index of its pick) pairs) over stations with these picks."""
    pick_time: list[float] = []
    pick_station: list[int] = []
    start = [0]
    index: dict[tuple[int, int], int] = {}
    for s, times in enumerate(station_times):
        for j, t in enumerate(sorted(times)):
            index[(s, j)] = len(pick_time)
            pick_time.append(t)
            pick_station.append(s)
        start.append(len(pick_time))
    picks = np.array([index[h] for h in held], dtype=np.int64)
    taken = np.zeros(len(pick_time), dtype=bool)
    taken[picks] = True
    taken[list(taken_extra)] = True
    return scattered_arrivals([picks], np.array([x]), np.array([y]), np.array([t0]), np.array([ATMOSPHERE]),
                              pick_time=np.array(pick_time), pick_station=np.array(pick_station),
                              station_pick_start=np.array(start), st_x=ST_X, st_y=ST_Y, taken=taken, range_slope=0.0,
                              window_s=2.5, rate_window_s=300.0)


def _arrivals(x: float = 0.0, y: float = 0.0, t0: float = 1000.0) -> np.ndarray:
    return t0 + travel_times(ST_X, ST_Y, x, y, *ATMOSPHERE, 0.0)


def _background(rng: np.random.Generator, rate_per_s: float) -> list[list[float]]:
    """Each station's clutter over 700-1300 s at this rate (every station working)."""
    return [list(rng.uniform(700.0, 1300.0, rng.poisson(rate_per_s * 600.0))) for _ in range(len(ST_X))]


def test_a_guns_event_that_holds_its_arrivals_is_not_scattered() -> None:
    rng = np.random.default_rng(1)
    times = _background(rng, 1.0 / 120.0)
    arrival = _arrivals()
    near = np.flatnonzero(np.hypot(ST_X, ST_Y) <= 15.0)
    held = []
    for s in near[::3].tolist() + near[1::3].tolist():  # a third of them did not hear it (shadow, noise)
        times[s].append(float(arrival[s] + rng.normal(0.0, 0.08)))
        held.append((s, sorted(times[s]).index(times[s][-1])))
    scatter = _scatter(times, held)
    assert scatter.candidates[0] >= len(near[2::3]) - 1  # the stations within its footprint it does not hold ...
    assert scatter.scattered[0] <= 1 and scatter.p[0] > 0.05  # ... heard nothing but chance


def test_a_thunder_strikes_event_leaves_free_picks_about_its_arrivals() -> None:
    rng = np.random.default_rng(2)
    times = _background(rng, 1.0 / 600.0)
    arrival = _arrivals(2.0, 1.0)
    heard = np.flatnonzero(np.hypot(ST_X - 2.0, ST_Y - 1.0) <= 12.0)
    errors = rng.normal(0.0, 0.8, len(heard))  # emergent onsets
    held = []
    for s, e in zip(heard.tolist(), errors.tolist()):
        times[s].append(float(arrival[s] + e))
        if abs(e) < 0.3:  # the picks that happened to line up within the gates
            held.append((s, sorted(times[s]).index(times[s][-1])))
    assert 3 <= len(held) < len(heard) - 3
    scatter = _scatter(times, held, x=2.0, y=1.0)
    assert scatter.scattered[0] >= 3
    assert scatter.expected[0] < 1.0 and scatter.p[0] < 1e-3


def test_picks_another_event_holds_are_not_scattered_and_a_busy_hour_reads_as_chance() -> None:
    rng = np.random.default_rng(3)
    arrival = _arrivals()
    times: list[list[float]] = [[] for _ in ST_X]
    near = np.flatnonzero(np.hypot(ST_X, ST_Y) <= 15.0)
    own = near[:6].tolist()
    other = near[6:10].tolist()
    for s in own + other:
        times[s].append(float(arrival[s] + (0.0 if s in own else 1.2)))
    held = [(s, 0) for s in own]
    flat = np.cumsum([0] + [len(t) for t in times])
    scatter = _scatter(times, held, taken_extra=tuple(int(flat[s]) for s in other))
    assert scatter.scattered[0] == 0 and scatter.p[0] == 1.0  # another event's arrivals: not this one's scatter
    scatter = _scatter(times, held)
    assert scatter.scattered[0] == 4 and scatter.p[0] < 1e-3  # the same picks free: scattered
    busy = _background(rng, 0.2)  # a pick every 5 s at every station: a 5 s window is seldom empty
    for s in own:
        busy[s].append(float(arrival[s]))
    held = [(s, sorted(busy[s]).index(float(arrival[s]))) for s in own]
    scatter = _scatter(busy, held)
    assert scatter.scattered[0] >= 3 and scatter.p[0] > 0.1


def test_storm_cells_drop_only_scattered_events() -> None:
    """Five lone events in a cell among forty missions, all fitting worse than the fire: with no scatter read all
    five are dropped (session 24's rule); with it, only the scattered ones (the true lone round of a quiet run, sharp
    and wide-residual, is kept), and a single stray pick does not make an event scattered."""
    rng = np.random.default_rng(4)
    x, y, t, rms = [], [], [], []
    for mission in range(40):
        px, py, pt = rng.uniform(-40, 40), rng.uniform(-40, 40), mission * 90.0
        for k in range(5):
            x.append(px + rng.normal(0, 0.05))
            y.append(py + rng.normal(0, 0.05))
            t.append(pt + 2.0 * k)
            rms.append(rng.uniform(0.12, 0.16))
    for k, (dx, dy) in enumerate([(0.0, 0.0), (3.0, 1.0), (-2.0, 3.5), (1.0, -4.0), (-3.5, -2.0)]):
        x.append(60.0 + dx)
        y.append(dy)
        t.append(1000.0 + 150.0 * k)
        rms.append(0.22)
    n = len(t)
    xa, ya, ta, ra = np.array(x), np.array(y), np.array(t), np.array(rms)
    settings = StormSettings(max_scatter_p=0.1, min_scattered=2)
    assert not storm_cells(xa, ya, ta, ra, settings).keep[-5:].any()
    scattered = np.zeros(n, dtype=np.int64)
    p = np.ones(n)
    scattered[-5:] = [4, 3, 0, 1, 2]
    p[-5:] = [1e-5, 1e-3, 1.0, 0.01, 0.5]
    scatter = ScatteredArrivals(candidates=np.full(n, 6), scattered=scattered, expected=np.full(n, 0.01), p=p)
    keep = storm_cells(xa, ya, ta, ra, settings, scatter).keep
    assert keep[:-5].all()
    assert keep[-5:].tolist() == [False, False, True, True, True]
