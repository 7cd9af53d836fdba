"""Rival hypotheses for events of few stations (fuse/rival.py), on hand-made mixtures in a plane."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from tests.fuse.synthetic import GEOD, Toy, make_toy
from truceline.fuse import FusionConfig, associate
from truceline.fuse.replay import replay
from truceline.fuse.rival import PickContext, rival_hypotheses

C_KM_S = 0.34
SIGMA_S = 0.15
KAPPA = 0.0015
# a 5 x 5 grid of stations 5 km apart, centred on the origin
_GX, _GY = np.meshgrid(np.arange(-10.0, 10.1, 5.0), np.arange(-10.0, 10.1, 5.0), indexing="ij")
ST_X, ST_Y = _GX.ravel(), _GY.ravel()
_CX, _CY = np.meshgrid(np.arange(-30.0, 30.1, 1.0), np.arange(-30.0, 30.1, 1.0), indexing="ij")
CELL_X, CELL_Y = _CX.ravel(), _CY.ravel()


def station(x: float, y: float) -> int:
    return int(np.flatnonzero((ST_X == x) & (ST_Y == y))[0])


class Book:
    """Picks made by hand: exact arrivals (plus noise) from sources in the plane."""

    def __init__(self, noise_s: float = 0.03, seed: int = 1) -> None:
        self.time: list[float] = []
        self.station: list[int] = []
        self.rng = np.random.default_rng(seed)
        self.noise_s = noise_s

    def arrivals(self, x: float, y: float, t0: float, stations: list[int]) -> np.ndarray:
        first = len(self.time)
        for s in stations:
            self.time.append(t0 + float(np.hypot(ST_X[s] - x, ST_Y[s] - y)) / C_KM_S + float(self.rng.normal(0, self.noise_s)))
            self.station.append(s)
        return np.arange(first, len(self.time), dtype=np.int64)

    def clutter(self, n: int, start: float, stop: float) -> None:
        for s in range(len(ST_X)):
            for t in self.rng.uniform(start, stop, n):
                self.time.append(float(t))
                self.station.append(s)

    def kernel_layout(self, events: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[np.ndarray], np.ndarray]:
        """The kernels' layout: (pick times, stations, each station's first pick, the events' picks, the book's index of
        each pick), picks sorted by station then time; ``events`` hold the book's indices."""
        time = np.array(self.time)
        st = np.array(self.station, dtype=np.int64)
        order = np.lexsort((time, st))
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        time, st = time[order], st[order]
        start = np.searchsorted(st, np.arange(len(ST_X) + 1)).astype(np.int64)
        return time, st, start, [np.sort(rank[e]) for e in events], order

    def plane_context(self, events: list[tuple[float, float, float, np.ndarray]]) -> tuple[
            np.ndarray, np.ndarray, np.ndarray, list[np.ndarray], np.ndarray, np.ndarray, PickContext, np.ndarray]:
        """The inputs of a step that works on events in the plane: their x, y, origin times, picks (kernel layout),
        the book's index of each pick, each station's first pick, the ``PickContext`` of the book's picks (no
        back-azimuths, the module's noise model and gates) and one still atmosphere per event."""
        x = np.array([e[0] for e in events])
        y = np.array([e[1] for e in events])
        t0 = np.array([e[2] for e in events])
        time, st, start, picks, order = self.kernel_layout([e[3] for e in events])
        n = len(time)
        ctx = PickContext(time, st, np.full(n, np.nan), np.full(n, np.nan), ST_X, ST_Y, np.zeros(len(ST_X)),
                          np.zeros(0), np.zeros(0), SIGMA_S, KAPPA, 38.0, 3.0, 2.2, 3.0)
        return x, y, t0, picks, order, start, ctx, np.tile([C_KM_S, 0.0, 0.0], (len(events), 1))


def _run(events: list[tuple[float, float, float, np.ndarray]], book: Book,
         taken: np.ndarray | None = None) -> tuple[int, list[np.ndarray], np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([e[0] for e in events])
    y = np.array([e[1] for e in events])
    t0 = np.array([e[2] for e in events])
    time, st, start, picks, order = book.kernel_layout([e[3] for e in events])
    n = len(time)
    replaced = rival_hypotheses(
        x, y, t0, picks, np.tile([C_KM_S, 0.0, 0.0], (len(events), 1)), pick_time=time, pick_station=st,
        pick_baz=np.full(n, np.nan), pick_baz_sigma=np.full(n, np.nan), st_x=ST_X, st_y=ST_Y,
        st_north=np.zeros(len(ST_X)), station_pick_start=start, cell_x=CELL_X, cell_y=CELL_Y, sigma_s=SIGMA_S,
        kappa_model=KAPPA, min_stations=4, max_stations=5, reach_km=38.0, max_z=3.0, max_normalised_rms=2.2,
        baz_gate_z=3.0, nearest=True, taken=None if taken is None else np.isin(order, taken))
    return replaced, [order[p] for p in picks], x, y, t0


def _mixture(book: Book) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[float, float, float, np.ndarray]]]:
    """A weak launch at (-2.5, 1) heard by 8 stations and a loud impact at (6, -8) heard by all 25, 15 s
    later. Three stations on x = 0 are as far from the launch as from its mirror image (2.5, 1), and
    the impact's arrival at (5, 0) comes when a source at the mirror image at the launch's time would
    send it there: those four picks make a consistent "event" at the mirror image."""
    launch_stations = [station(0, 0), station(-5, 0), station(0, 5), station(-5, 5), station(0, -5), station(-5, -5),
                       station(-10, 0), station(-10, 5)]
    launch = book.arrivals(-2.5, 1.0, 100.0, launch_stations)
    d = station(5, 0)
    t_impact = 100.0 + (np.hypot(5 - 2.5, 0 - 1.0) - np.hypot(5 - 6, 0 + 8)) / C_KM_S
    impact = book.arrivals(6.0, -8.0, t_impact, list(range(len(ST_X))))
    stray = impact[d]
    mixture = np.sort(np.concatenate([launch[[0, 2, 4]], [stray]]))
    impact_event = impact[impact != stray]
    events = [(2.5, 1.0, 100.0, mixture), (6.0, -8.0, t_impact, impact_event)]
    return launch, impact, mixture, events


def test_a_launch_mixed_with_a_pick_of_its_impact_is_recovered_from_its_own_picks() -> None:
    book = Book()
    launch, impact, mixture, events = _mixture(book)
    replaced, picks, x, y, t0 = _run(events, book)
    assert replaced == 1
    assert set(picks[0].tolist()) == set(launch.tolist())  # all eight picks of the launch, none of the impact
    assert np.hypot(x[0] + 2.5, y[0] - 1.0) < 0.1 and abs(t0[0] - 100.0) < 0.2
    assert set(picks[1].tolist()) == set(impact.tolist()) - set(mixture.tolist())  # the impact is untouched


def test_a_rival_cannot_take_picks_that_other_events_hold() -> None:
    # the streaming associator's open events hold picks outside the events being refined: with the launch's
    # other picks held, the rival has nothing to gather and the mixture is left to the later tests
    book = Book()
    launch, _impact, mixture, events = _mixture(book)
    held = np.setdiff1d(launch, mixture)
    replaced, picks, _x, _y, _t0 = _run(events, book, taken=held)
    assert replaced == 0
    assert set(picks[0].tolist()) == set(mixture.tolist())


def test_the_mixture_is_repaired_among_clutter() -> None:
    book = Book(seed=3)
    launch, _impact, _mixture_picks, events = _mixture(book)
    book.clutter(6, 0.0, 300.0)
    replaced, picks, x, y, _t0 = _run(events, book)
    assert replaced == 1
    assert set(launch.tolist()) <= set(picks[0].tolist())
    assert np.hypot(x[0] + 2.5, y[0] - 1.0) < 0.1


def test_a_real_event_of_four_stations_is_left_alone() -> None:
    book = Book(seed=5)
    real = book.arrivals(-8.0, 8.0, 100.0, [station(-10, 10), station(-5, 10), station(-10, 5), station(-5, 5)])
    loud = book.arrivals(3.0, -4.0, 104.0, list(range(len(ST_X))))
    book.clutter(6, 0.0, 300.0)
    replaced, picks, x, y, _t0 = _run([(-8.0, 8.0, 100.0, real), (3.0, -4.0, 104.0, loud)], book)
    assert replaced == 0
    assert set(picks[0].tolist()) == set(real.tolist())
    assert set(picks[1].tolist()) == set(loud.tolist())


def _with_chimera(toy: Toy, amplitudes: list[float]) -> pa.Table:
    """The toy's picks and ``len(amplitudes)`` more: exact arrivals from a point at the stations nearest to it,
    at a quiet time, with the given amplitudes (a chance coincidence of several sources' picks looks like this)."""
    n = len(amplitudes)
    lat, lon, t0 = 48.0, 37.55, 1650.0
    st_lat = np.asarray(toy.stations["lat"].to_numpy())
    st_lon = np.asarray(toy.stations["lon"].to_numpy())
    _, _, dist = GEOD.inv(np.full(len(st_lat), lon), np.full(len(st_lat), lat), st_lon, st_lat)
    nearest = np.argsort(dist)[:n]
    ids = toy.stations["station_id"].to_pylist()
    extra = pa.table({
        "pick_id": [f"X{i}" for i in range(n)],
        "station_id": [ids[s] for s in nearest],
        "time": [t0 + dist[s] / 340.0 for s in nearest],
        "backazimuth_deg": pa.array([None] * n, type=pa.float64()),
        "backazimuth_sigma_deg": pa.array([None] * n, type=pa.float64()),
        "amplitude": amplitudes,
        "snr": [a / 0.002 for a in amplitudes],
    })
    return pa.concat_tables([toy.picks, extra.cast(toy.picks.schema)])


def _found_near(events: pa.Table, lat: float = 48.0, lon: float = 37.55) -> bool:
    _, _, d = GEOD.inv(np.full(events.num_rows, lon), np.full(events.num_rows, lat),
                       np.asarray(events["lon"].to_numpy()), np.asarray(events["lat"].to_numpy()))
    t = np.asarray(events["time"].to_numpy())
    return bool(np.any((d < 2000.0) & (np.abs(t - 1650.0) < 10.0)))


def test_an_event_of_four_stations_whose_amplitudes_disagree_is_dropped() -> None:
    toy = make_toy(seed=43, n_events=60, clutter_per_station=2, duration_s=1600.0, loudness=True, wind_m_s=(0.0, 0.0))
    # a source heard by its four nearest stations, all about 12 km away: one level gives amplitudes alike;
    # a mixture of a loud far source's and quiet near sources' picks gives amplitudes a hundredfold apart
    alike = _with_chimera(toy, [0.02, 0.025, 0.018, 0.022])
    apart = _with_chimera(toy, [0.4, 0.004, 0.3, 0.003])
    config = FusionConfig(sound_speed_m_per_s=340.0)
    events, _ = associate(toy.stations, alike, config)
    assert _found_near(events)
    events, _ = associate(toy.stations, apart, config)
    assert not _found_near(events)
    events, _ = associate(toy.stations, apart, FusionConfig(sound_speed_m_per_s=340.0, amplitude_consistency=False))
    assert _found_near(events)


def test_the_stream_drops_the_event_whose_amplitudes_disagree_too() -> None:
    # the streaming associator's searches hold their events to the batch's tests of few-station events
    toy = make_toy(seed=43, n_events=60, clutter_per_station=2, duration_s=1600.0, loudness=True, wind_m_s=(0.0, 0.0))
    apart = _with_chimera(toy, [0.4, 0.004, 0.3, 0.003])
    emission, _ = replay(toy.stations, apart, FusionConfig(sound_speed_m_per_s=340.0))
    assert not _found_near(emission.events)
    emission, _ = replay(toy.stations, apart, FusionConfig(sound_speed_m_per_s=340.0, amplitude_consistency=False))
    assert _found_near(emission.events)


def test_amplitude_max_stations_tests_larger_events_for_one_level() -> None:
    # a mixture of seven stations whose amplitudes are a hundredfold apart (a launch's picks with impacts'):
    # beyond rival_max_stations (5) it is not tested by default; with amplitude_max_stations 8 it is dropped,
    # while seven picks of one level are kept
    toy = make_toy(seed=43, n_events=60, clutter_per_station=2, duration_s=1600.0, loudness=True, wind_m_s=(0.0, 0.0))
    apart = _with_chimera(toy, [0.4, 0.004, 0.3, 0.003, 0.5, 0.004, 0.35])
    alike = _with_chimera(toy, [0.02, 0.025, 0.018, 0.022, 0.02, 0.017, 0.023])
    events, _ = associate(toy.stations, apart, FusionConfig(sound_speed_m_per_s=340.0))
    assert _found_near(events)
    wider = FusionConfig(sound_speed_m_per_s=340.0, amplitude_max_stations=8)
    events, _ = associate(toy.stations, apart, wider)
    assert not _found_near(events)
    events, _ = associate(toy.stations, alike, wider)
    assert _found_near(events)


def test_amplitude_last_max_stations_drops_a_larger_mixture_last() -> None:
    # the same seven-station mixture dropped by the last filter alone (no refinement tests it), one level kept
    toy = make_toy(seed=43, n_events=60, clutter_per_station=2, duration_s=1600.0, loudness=True, wind_m_s=(0.0, 0.0))
    apart = _with_chimera(toy, [0.4, 0.004, 0.3, 0.003, 0.5, 0.004, 0.35])
    alike = _with_chimera(toy, [0.02, 0.025, 0.018, 0.022, 0.02, 0.017, 0.023])
    last = FusionConfig(sound_speed_m_per_s=340.0, amplitude_last_max_stations=8)
    events, _ = associate(toy.stations, apart, last)
    assert not _found_near(events)
    events, _ = associate(toy.stations, alike, last)
    assert _found_near(events)
    events, _ = associate(toy.stations, apart, FusionConfig(sound_speed_m_per_s=340.0, amplitude_last_max_stations=6))
    assert _found_near(events)
