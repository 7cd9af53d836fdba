"""Later arrival trains (``fuse/ghosts.py``, ``FusionConfig.later_trains``): an event made of a stronger event's later
trains is dropped where the run shows trains following the events' arrivals at range, and a second round fired at the
same place is kept (its picks precede as often as they follow, and it is heard at the stations nearest it)."""

from __future__ import annotations

import numpy as np

from truceline.fuse import associate, ghosts
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.ghosts import TrainSettings, later_trains
from tests.fuse.synthetic import make_toy

ATMOSPHERE = (0.335, 0.002, -0.001)
REACH_KM = 38.0
N_SOURCES = 60
SPACING_S = 60.0
GHOST = 30  # the source whose later trains make an event of their own
REPEATED = 10  # the source fired again at the same place


def _stations() -> tuple[np.ndarray, np.ndarray]:
    """Sixteen stations around the sources (at the origin): five 4-8 km off, eleven 12-36 km off."""
    radius = np.concatenate([np.linspace(4.0, 8.0, 5), np.linspace(12.0, 36.0, 11)])
    angle = np.radians(np.arange(16) * 360.0 / 16 + 7.0)
    return radius * np.cos(angle), radius * np.sin(angle)


def _scene(trains: bool, repeat_after_s: float | None, seed: int = 5):
    """The sources (one every ``SPACING_S``, within 2 km of the origin), each an event holding its first arrivals.
    ``trains``: beyond 10 km a station also picks a later train (0.8 s to 0.08 s/km after the first arrival, left
    free) with a chance rising with range; the ``GHOST`` source's trains at every such station make an event of their
    own, located at its place a second later. ``repeat_after_s``: every source is fired a second time at its place
    that much later (its own event, heard at every station; the even sources' second round at fewer stations), else
    only ``REPEATED`` is. Clutter at every station. Returns the arguments of :func:`later_trains` and the events'
    labels ("source", "ghost", "repeat")."""
    rng = np.random.default_rng(seed)
    st_x, st_y = _stations()
    distance_of = np.hypot(st_x, st_y)
    xs, ys = rng.uniform(-2, 2, N_SOURCES), rng.uniform(-2, 2, N_SOURCES)
    t0 = 100.0 + SPACING_S * np.arange(N_SOURCES)
    times: list[float] = []
    stations: list[int] = []
    owner: list[int] = []
    events: list[tuple[float, float, float, str]] = [(xs[k], ys[k], t0[k], "source") for k in range(N_SOURCES)]

    def heard(x: float, y: float, t: float, event: int, at: np.ndarray) -> None:
        tt = travel_times(st_x, st_y, x, y, *ATMOSPHERE)
        for s in at:
            times.append(float(t + tt[s] + rng.normal(0.0, 0.05)))
            stations.append(int(s))
            owner.append(event)

    every = np.arange(len(st_x))
    for k in range(N_SOURCES):
        heard(xs[k], ys[k], t0[k], k, every)
        if trains:
            tt = travel_times(st_x, st_y, xs[k], ys[k], *ATMOSPHERE)
            for s in every[distance_of > 10.0]:
                if k == GHOST or rng.random() < min(0.8, distance_of[s] / 30.0):
                    times.append(float(t0[k] + tt[s] + rng.uniform(0.8, max(1.0, 0.08 * distance_of[s]))))
                    stations.append(int(s))
                    owner.append(len(events) if k == GHOST else -1)
            if k == GHOST:
                events.append((xs[k], ys[k], t0[k] + 1.0, "ghost"))
    for k in range(N_SOURCES):
        if k == REPEATED or repeat_after_s is not None:
            at = every if k % 2 else every[:-3]
            heard(xs[k], ys[k], t0[k] + (repeat_after_s or 1.2), len(events), at)
            events.append((xs[k], ys[k], t0[k] + (repeat_after_s or 1.2), "repeat"))
    span = t0[-1] + 300.0
    for s in every:
        for t in rng.uniform(0.0, span, 30):
            times.append(float(t))
            stations.append(int(s))
            owner.append(-1)
    order = np.lexsort((np.array(times), np.array(stations)))
    pick_time, pick_station, pick_owner = np.array(times)[order], np.array(stations)[order], np.array(owner)[order]
    start = np.searchsorted(pick_station, np.arange(len(st_x) + 1)).astype(np.int64)
    held = [np.flatnonzero(pick_owner == e) for e in range(len(events))]
    picks = np.full((len(events), max(len(h) for h in held)), -1, dtype=np.int64)
    for e, h in enumerate(held):
        picks[e, :len(h)] = h
    scene = dict(x_km=np.array([e[0] for e in events]), y_km=np.array([e[1] for e in events]),
                 t0_s=np.array([e[2] for e in events]),
                 n_stations=np.array([len(np.unique(pick_station[h])) for h in held]), picks=picks,
                 event_atmosphere=np.tile(ATMOSPHERE, (len(events), 1)), pick_time=pick_time,
                 pick_station=pick_station, station_pick_start=start, st_x=st_x, st_y=st_y)
    return scene, [e[3] for e in events]


def test_an_event_of_later_trains_is_dropped_and_a_second_round_kept() -> None:
    scene, label = _scene(trains=True, repeat_after_s=None)
    found = later_trains(**scene, settings=TrainSettings(reach_km=REACH_KM))
    assert not found.bands[0].heard  # the near stations hear no trains
    assert any(b.heard for b in found.bands[1:])
    ghost = label.index("ghost")
    assert not found.keep[ghost]
    assert found.source[ghost] == GHOST
    assert found.keep[[i for i in range(len(label)) if i != ghost]].all()  # the second round of REPEATED too
    swapped = later_trains(**scene, settings=TrainSettings(reach_km=REACH_KM, swapped=True))
    assert swapped.keep.tolist() == found.keep.tolist()  # the first round precedes the second: kept by its near picks


def test_a_second_round_at_one_place_is_not_a_later_train() -> None:
    """Every source fired twice at its place (the second round 1.2 s later, half of them at fewer stations): the
    rounds' picks precede each other as often as they follow, so no band is heard and nothing is dropped."""
    scene, label = _scene(trains=False, repeat_after_s=1.2)
    assert label.count("repeat") == N_SOURCES
    found = later_trains(**scene, settings=TrainSettings(reach_km=REACH_KM))
    assert not any(b.heard for b in found.bands)
    assert found.keep.all()


def test_second_rounds_held_and_read_with_weaker_events_would_be_heard() -> None:
    """Why the bands read the free picks only: with the weaker events' picks read as well, the second rounds heard
    at fewer stations than their first rounds follow them, the bands read as heard and second rounds are dropped."""
    scene, label = _scene(trains=False, repeat_after_s=1.2)
    free = later_trains(**scene, settings=TrainSettings(reach_km=REACH_KM))
    weaker = later_trains(**scene, settings=TrainSettings(reach_km=REACH_KM, read_weaker=True))
    assert not any(b.heard for b in free.bands) and free.keep.all()
    assert any(b.heard for b in weaker.bands)
    assert {label[i] for i in np.flatnonzero(~weaker.keep)} == {"repeat"}


def test_the_bands_read_trains_after_against_before() -> None:
    rng = np.random.default_rng(1)
    flat = rng.uniform(-20, 20, 300)
    settings = TrainSettings(reach_km=REACH_KM)
    trains = np.concatenate([flat, rng.uniform(0.8, 2.5, 80)])
    heard = ghosts.read_band(trains, 10.0, 20.0, settings)
    assert heard.heard and heard.after >= 4 * heard.chance
    both_sides = np.concatenate([trains, -rng.uniform(0.8, 2.5, 80)])  # as many before: rounds, not trains
    assert not ghosts.read_band(both_sides, 10.0, 20.0, settings).heard
    assert not ghosts.read_band(flat, 10.0, 20.0, settings).heard


def test_the_toy_is_unchanged_with_later_trains() -> None:
    """The fusion's toy (no later trains): the same tables with the option on and off."""
    toy = make_toy(seed=2, n_events=12)
    events_off, assignments_off = associate(toy.stations, toy.picks, FusionConfig(later_trains=False))
    events_on, assignments_on = associate(toy.stations, toy.picks, FusionConfig(later_trains=True))
    assert events_on.num_rows > 0
    assert events_on.equals(events_off)
    assert assignments_on.equals(assignments_off)
