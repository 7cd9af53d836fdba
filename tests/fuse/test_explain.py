"""Events whose picks other events explain (fuse/explain.py), on hand-made salvos in a plane."""

from __future__ import annotations

import numpy as np

from tests.fuse.synthetic import make_toy
from truceline.fuse import FusionConfig, associate
from truceline.fuse.explain import explain_away
from truceline.sim.scoring import match_events

C_KM_S = 0.34
SIGMA_S = 0.15
KAPPA = 0.0015
# a ring of 16 stations 10-14 km around the origin
ANGLES = np.radians(np.arange(16) * 22.5)
ST_X = np.where(np.arange(16) % 2 == 0, 10.0, 14.0) * np.sin(ANGLES)
ST_Y = np.where(np.arange(16) % 2 == 0, 10.0, 14.0) * np.cos(ANGLES)


class Picks:
    """Picks made by hand: exact arrivals (plus an optional offset) from sources in the plane."""

    def __init__(self, noise_s: float = 0.0, seed: int = 1) -> None:
        self.time: list[float] = []
        self.station: list[int] = []
        self.noise_s = noise_s
        self.rng = np.random.default_rng(seed)

    def arrivals(self, x: float, y: float, t0: float, stations: list[int]) -> np.ndarray:
        first = len(self.time)
        for s in stations:
            noise = float(self.rng.normal(0.0, self.noise_s)) if self.noise_s else 0.0
            self.time.append(t0 + float(np.hypot(ST_X[s] - x, ST_Y[s] - y)) / C_KM_S + noise)
            self.station.append(s)
        return np.arange(first, len(self.time), dtype=np.int64)


def _run(events: list[tuple[float, float, float, np.ndarray]], book: Picks,
         changed: np.ndarray | None = None) -> tuple[np.ndarray, list[np.ndarray], np.ndarray, np.ndarray]:
    x = np.array([e[0] for e in events])
    y = np.array([e[1] for e in events])
    t0 = np.array([e[2] for e in events])
    picks = [e[3] for e in events]
    n = len(book.time)
    alive = explain_away(x, y, t0, picks, np.tile([C_KM_S, 0.0, 0.0], (len(events), 1)),
                         pick_time=np.array(book.time), pick_station=np.array(book.station, dtype=np.int64),
                         pick_baz=np.full(n, np.nan), pick_baz_sigma=np.full(n, np.nan), st_x=ST_X, st_y=ST_Y,
                         st_north=np.zeros(16), sigma_s=SIGMA_S, kappa_model=KAPPA, min_stations=4, reach_km=38.0,
                         max_z=3.0, max_normalised_rms=2.2, baz_gate_z=3.0, changed=changed)
    return alive, picks, x, y


def test_the_second_half_of_a_source_is_given_back_to_the_first() -> None:
    book = Picks()
    first = book.arrivals(0.5, -0.3, 100.0, list(range(0, 16, 2)) + [1, 3])
    second = book.arrivals(0.5, -0.3, 100.0, [5, 7, 9, 11, 13])
    # the second half was located 1.5 km and 4 s off (few stations, one side of the ring)
    alive, picks, x, y = _run([(0.5, -0.3, 100.0, first), (2.0, -0.5, 104.0, second)], book)
    assert alive.tolist() == [True, False]
    assert set(picks[0].tolist()) == set(first.tolist()) | set(second.tolist())
    assert np.hypot(x[0] - 0.5, y[0] + 0.3) < 0.01


def _second_half_events() -> tuple[list[tuple[float, float, float, np.ndarray]], Picks]:
    book = Picks()
    first = book.arrivals(0.5, -0.3, 100.0, list(range(0, 16, 2)) + [1, 3])
    second = book.arrivals(0.5, -0.3, 100.0, [5, 7, 9, 11, 13])
    return [(0.5, -0.3, 100.0, first), (2.0, -0.5, 104.0, second)], book


def test_with_changed_an_event_is_dissolved_only_by_new_evidence() -> None:
    # neither event's evidence is new: the second half was kept on this evidence before, and stays
    events, book = _second_half_events()
    alive, picks, _, _ = _run(events, book, changed=np.array([False, False]))
    assert alive.tolist() == [True, True]
    assert [len(p) for p in picks] == [10, 5]
    # the event that explains its picks is new (a source just added, or one that gave picks): dissolved as before
    events, book = _second_half_events()
    alive, picks, _, _ = _run(events, book, changed=np.array([True, False]))
    assert alive.tolist() == [True, False]
    assert len(picks[0]) == 15
    # the second half itself is new: examined, and dissolved
    events, book = _second_half_events()
    alive, _, _, _ = _run(events, book, changed=np.array([False, True]))
    assert alive.tolist() == [True, False]


def test_an_event_that_receives_picks_counts_as_changed() -> None:
    # two weak parts of A's round, located off it: B (changed, examined first: as few stations, listed first) is
    # dissolved into A, which, changed so, then explains C's picks too
    book = Picks()
    a_picks = book.arrivals(0.0, 0.0, 100.0, list(range(0, 16, 2)))
    b_picks = book.arrivals(0.0, 0.0, 100.0, [1, 3, 5, 7])
    c_picks = book.arrivals(0.0, 0.0, 100.0, [9, 11, 13, 15])
    events = [(0.0, 0.0, 100.0, a_picks), (1.5, 0.5, 103.0, b_picks), (-1.5, 0.5, 97.0, c_picks)]
    alive, picks, _, _ = _run(events, book, changed=np.array([False, True, False]))
    assert alive.tolist() == [True, False, False]
    assert len(picks[0]) == 16
    # nothing changed: both kept
    alive, _, _, _ = _run([(0.0, 0.0, 100.0, a_picks), (1.5, 0.5, 103.0, b_picks), (-1.5, 0.5, 97.0, c_picks)], book,
                          changed=np.zeros(3, dtype=bool))
    assert alive.tolist() == [True, True, True]


def test_a_coincidence_of_other_rounds_picks_is_dissolved() -> None:
    book = Picks()
    # three rounds from one launcher 0.5 s apart (3.3 sigma: each pick fits its own round only)
    rounds = [book.arrivals(0.0, 0.0, 100.0 + 0.5 * k, list(range(16))) for k in range(3)]
    # a false event took two picks of each round (stations 0-5), and was located kilometres away
    stolen = {int(rounds[k][s]) for k in range(3) for s in (2 * k, 2 * k + 1)}
    events = [(0.0, 0.0, 100.0 + 0.5 * k, np.array([p for p in rounds[k] if int(p) not in stolen], dtype=np.int64))
              for k in range(3)]
    events.append((3.0, 2.0, 92.0, np.array(sorted(stolen), dtype=np.int64)))
    alive, picks, _, _ = _run(events, book)
    assert alive.tolist() == [True, True, True, False]
    for k in range(3):
        assert set(picks[k].tolist()) == set(rounds[k].tolist())  # each pick back with its own round


def test_rounds_of_two_launchers_six_hundred_metres_apart_are_all_kept() -> None:
    """Launchers A and B 600 m apart fire alternately every 0.25 s, with 0.1 s of pick noise, so that
    a round's picks often lie within 3 sigma of a neighbour's predicted arrival. Each round is heard
    out to its own range (9-15 km: sound weakens with distance), a station within it missing one round
    in ten: no round may be dissolved into its neighbours."""
    for seed in range(1, 9):
        rng = np.random.default_rng(seed)
        book = Picks(noise_s=0.1, seed=seed)
        events = []
        for k in range(12):
            x, y = (3.0, 2.0) if k % 2 == 0 else (3.6, 2.0)
            distance = np.hypot(ST_X - x, ST_Y - y)
            heard = np.flatnonzero((distance < rng.uniform(9.0, 15.0)) & (rng.random(16) > 0.1)).tolist()
            if len(heard) >= 4:
                events.append((x, y, 100.0 + 0.25 * k, book.arrivals(x, y, 100.0 + 0.25 * k, heard)))
        alive, _, _, _ = _run(events, book)
        assert alive.all(), seed


def test_a_weak_round_heard_by_fewer_stations_than_its_neighbour_is_kept() -> None:
    book = Picks()
    strong = book.arrivals(0.0, 0.0, 100.0, list(range(16)))
    weak = book.arrivals(0.0, 0.0, 100.3, [0, 1, 2, 3, 4])  # 0.3 s later: within 3 sigma of the strong one
    alive, _, _, _ = _run([(0.0, 0.0, 100.0, strong), (0.0, 0.0, 100.3, weak)], book)
    assert alive.all()  # the strong round has its own pick at each of the weak one's stations


def test_associating_two_launchers_in_ripple_loses_no_round() -> None:
    """Two launchers 600 m apart along the rows of stations, firing alternately every 0.5 s (the case
    that made a shared-source step merge them): explaining away must not lose rounds."""
    rng = np.random.default_rng(7)
    rounds = []
    for k in range(16):
        lon = 37.45 if k % 2 == 0 else 37.45 + 0.6 / 74.5
        rounds.append((48.0 + rng.normal(0, 0.0003), lon + rng.normal(0, 0.0004), 300.0 + 0.5 * k))
    toy = make_toy(seed=3, events=rounds, noise_s=0.08, clutter_per_station=2, duration_s=700.0)
    found = {}
    for explain in (False, True):
        events, _ = associate(toy.stations, toy.picks, FusionConfig(sound_speed_m_per_s=338.0, explain_away=explain))
        m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon,
                         np.asarray(events["time"].to_numpy(), dtype=float), np.asarray(events["lat"].to_numpy(), dtype=float),
                         np.asarray(events["lon"].to_numpy(), dtype=float), max_distance_km=0.5, max_dt_s=0.3)
        found[explain] = len(m.truth_index)
    assert found[True] >= found[False]
