"""Arrivals heard beyond the reach (``fuse/farpicks.py``, ``FusionConfig.far_picks``): an event made of another event's
far arrivals is dropped where the run shows the far stations hearing, and nothing changes where they do not."""

from __future__ import annotations

import numpy as np

from truceline.fuse import farpicks
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.farpicks import FarSettings, far_events
from truceline.fuse import associate
from tests.fuse.synthetic import make_toy

ATMOSPHERE = (0.335, 0.002, -0.001)
REACH_KM = 38.0
N_SOURCES = 60
SPACING_S = 90.0
GHOST = 30  # the source whose far arrivals make an event of their own


def _stations() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Eight stations within 15 km of the sources (at the origin) and six 50-70 km off (``far``)."""
    near = np.radians(np.arange(0, 360, 45))
    far = np.radians(np.arange(200, 340, 25))
    radius = np.concatenate([np.tile([6.0, 14.0], 4), np.linspace(50.0, 70.0, len(far))])
    angle = np.concatenate([near, far])
    is_far = np.arange(len(angle)) >= len(near)
    return radius * np.cos(angle), radius * np.sin(angle), is_far


def _scene(far_heard: bool, seed: int = 3):
    """The sources (one every ``SPACING_S``, within 3 km of the origin), each an event holding its near arrivals;
    the far stations hear every source when ``far_heard`` (those picks left free), else only the ghost source, whose
    far arrivals make one more event (located 30 km off towards them, later). Clutter at every station."""
    rng = np.random.default_rng(seed)
    st_x, st_y, is_far = _stations()
    xs, ys = rng.uniform(-3, 3, N_SOURCES), rng.uniform(-3, 3, N_SOURCES)
    t0 = 100.0 + SPACING_S * np.arange(N_SOURCES)
    times: list[float] = []
    stations: list[int] = []
    owner: list[int] = []  # the event holding the pick (-1 free)
    for k in range(N_SOURCES):
        tt = travel_times(st_x, st_y, xs[k], ys[k], *ATMOSPHERE)
        for s in range(len(st_x)):
            if is_far[s] and not (far_heard or k == GHOST):
                continue
            times.append(float(t0[k] + tt[s] + rng.normal(0.0, 0.4 if is_far[s] else 0.05)))
            stations.append(s)
            owner.append(N_SOURCES if (is_far[s] and k == GHOST) else (-1 if is_far[s] else k))
    span = t0[-1] + 300.0
    for s in range(len(st_x)):
        for t in rng.uniform(0.0, span, 40):
            times.append(float(t))
            stations.append(s)
            owner.append(-1)
    order = np.lexsort((np.array(times), np.array(stations)))
    pick_time, pick_station, pick_owner = np.array(times)[order], np.array(stations)[order], np.array(owner)[order]
    start = np.searchsorted(pick_station, np.arange(len(st_x) + 1)).astype(np.int64)
    n_events = N_SOURCES + 1
    held = [np.flatnonzero(pick_owner == e) for e in range(n_events)]
    width = max(len(h) for h in held)
    picks = np.full((n_events, width), -1, dtype=np.int64)
    for e, h in enumerate(held):
        picks[e, :len(h)] = h
    n_stations = np.array([len(np.unique(pick_station[h])) for h in held])
    x = np.append(xs, float(np.mean(st_x[is_far])) * 0.5)
    y = np.append(ys, float(np.mean(st_y[is_far])) * 0.5)
    ghost_t0 = float(np.median(pick_time[held[-1]] - travel_times(st_x[pick_station[held[-1]]],
                                                                  st_y[pick_station[held[-1]]], x[-1], y[-1],
                                                                  *ATMOSPHERE)))
    t = np.append(t0, ghost_t0)
    return dict(x_km=x, y_km=y, t0_s=t, n_stations=n_stations, picks=picks,
                event_atmosphere=np.tile(ATMOSPHERE, (n_events, 1)), pick_time=pick_time, pick_station=pick_station,
                station_pick_start=start, st_x=st_x, st_y=st_y), held


def test_an_event_of_far_arrivals_is_dropped_where_far_stations_hear() -> None:
    scene, held = _scene(far_heard=True)
    far = far_events(**scene, settings=FarSettings(reach_km=REACH_KM))
    assert any(b.heard for b in far.bands)
    assert not far.keep[-1]
    assert far.keep[:-1].all()
    assert far.explained_by[-1] == GHOST
    assert sorted(far.far_pick.tolist()) == sorted(held[-1].tolist())
    assert set(far.far_event.tolist()) == {GHOST}


def test_nothing_changes_where_far_stations_do_not_hear() -> None:
    scene, _ = _scene(far_heard=False)
    far = far_events(**scene, settings=FarSettings(reach_km=REACH_KM))
    assert not any(b.heard for b in far.bands)
    assert far.keep.all()
    assert len(far.far_pick) == 0


def test_a_stronger_event_is_not_explained_by_a_weaker_one() -> None:
    scene, _ = _scene(far_heard=True)
    scene["n_stations"] = scene["n_stations"].copy()
    scene["n_stations"][-1] = 20  # the far-arrival event now claims more stations than its source
    far = far_events(**scene, settings=FarSettings(reach_km=REACH_KM))
    assert far.keep.all()


def test_the_bands_read_the_excess_over_chance() -> None:
    flat, near = np.random.default_rng(1).uniform(-20, 20, 400), np.random.default_rng(2).normal(0, 0.5, 60)
    offsets = np.concatenate([flat, near])
    heard = farpicks.read_band(offsets, 38.0, 47.5, FarSettings(reach_km=38.0))
    assert heard.heard and heard.within > 4 * heard.chance
    assert not farpicks.read_band(flat, 38.0, 47.5, FarSettings(reach_km=38.0)).heard


def test_the_toy_is_unchanged_with_far_picks() -> None:
    """The fusion's toy (stations within 30 km of its events hear them): the same tables with the option on."""
    toy = make_toy(seed=2, n_events=12)
    events_off, assignments_off = associate(toy.stations, toy.picks, FusionConfig(far_picks=False))
    events_on, assignments_on = associate(toy.stations, toy.picks, FusionConfig(far_picks=True))
    assert events_on.num_rows > 0
    assert events_on.equals(events_off)
    assert assignments_on.equals(assignments_off)
