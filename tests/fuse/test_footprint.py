"""An event must be heard by most of its nearest working stations (fuse/footprint.py)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.footprint import heard_by_nearest_majority, working_stations

# a 5 x 5 grid of stations 5 km apart; the source sits near the centre
GX, GY = np.meshgrid(np.arange(5) * 5.0, np.arange(5) * 5.0, indexing="ij")
ST_X = GX.ravel()
ST_Y = GY.ravel()
STILL_AIR = np.array([0.34, 0.0, 0.0])


def _picks(working: list[int], t0_s: float) -> tuple[np.ndarray, np.ndarray]:
    """Station-sorted pick times: each working station has one pick 100 s before ``t0_s``."""
    counts = np.array([1 if s in working else 0 for s in range(len(ST_X))])
    start = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return start, np.full(int(counts.sum()), t0_s - 100.0)


def _nearest(x: float, y: float, k: int, exclude: tuple[int, ...] = ()) -> list[int]:
    order = [int(s) for s in np.argsort(np.hypot(ST_X - x, ST_Y - y), kind="stable") if int(s) not in exclude]
    return order[:k]


def _heard(stations: list[int], working: list[int], x: float = 10.4, y: float = 9.7) -> bool:
    start, times = _picks(working, 500.0)
    return heard_by_nearest_majority(x, y, 500.0, np.array(stations, dtype=np.int64), STILL_AIR, st_x=ST_X, st_y=ST_Y,
                                     station_pick_start=start, pick_time=times)


def test_a_source_heard_by_its_nearest_stations_passes() -> None:
    everyone = list(range(25))
    assert _heard(_nearest(10.4, 9.7, 6), everyone)
    # a majority of the nearest is enough: four of the six nearest and two farther ones
    near = _nearest(10.4, 9.7, 6)
    assert _heard(near[:4] + [0, 24], everyone)


def test_a_coincidence_of_far_stations_around_silent_near_ones_fails() -> None:
    everyone = list(range(25))
    assert not _heard([0, 4, 20, 24, 2, 22], everyone)  # the corners and edges, not the centre
    near = _nearest(10.4, 9.7, 6)
    assert not _heard(near[:3] + [0, 4, 20], everyone)  # half of the nearest six: not a majority


def test_stations_that_were_not_working_do_not_count_as_silent() -> None:
    dead = _nearest(10.4, 9.7, 3)  # the three nearest reported nothing for the whole ten minutes
    alive = [s for s in range(25) if s not in dead]
    next_five = _nearest(10.4, 9.7, 5, exclude=tuple(dead))
    assert _heard(next_five, alive)
    assert not _heard(next_five, list(range(25)))  # had they been working, their silence would count
    assert working_stations(500.0, *_picks(alive, 500.0)).tolist() == alive


def test_excused_stations_do_not_count_as_silent() -> None:
    # the three nearest heard another blast then (masked, fuse/flight.py): their silence is no evidence
    everyone = list(range(25))
    masked = _nearest(10.4, 9.7, 3)
    next_five = _nearest(10.4, 9.7, 5, exclude=tuple(masked))
    start, times = _picks(everyone, 500.0)

    def heard(excused: np.ndarray | None) -> bool:
        return heard_by_nearest_majority(10.4, 9.7, 500.0, np.array(next_five, dtype=np.int64), STILL_AIR, st_x=ST_X,
                                         st_y=ST_Y, station_pick_start=start, pick_time=times, excused=excused)

    assert not heard(None)
    assert heard(np.array(masked, dtype=np.int64))
    # a station that heard the source is never left out
    assert heard(np.array(masked + next_five[:1], dtype=np.int64))


def test_the_refinement_applies_the_nearest_stations_test_up_to_a_size() -> None:
    # seven far stations agree exactly on a source whose nearest stations are all working and silent: the batch
    # drops it; the streaming associator's searches test only events of few stations (``nearest_max_stations``)
    from tests.fuse.synthetic import make_toy
    from truceline.fuse.engine import FusionConfig, PassResult, grid, prepare_arrays, refine
    from truceline.fuse.network import build_network

    network = build_network(make_toy(seed=2, n_events=3).stations)
    config = FusionConfig(sound_speed_m_per_s=340.0)
    x0, y0, t0 = 0.0, 0.0, 500.0
    distance = np.hypot(network.x_km - x0, network.y_km - y0)
    far = np.argsort(distance)[8:15]  # the eight nearest heard nothing
    times = np.concatenate([t0 + distance[far] / 0.34, np.full(network.size, t0 - 100.0)])  # everyone working
    stations = np.concatenate([far, np.arange(network.size)])
    n = len(times)
    prep = prepare_arrays(network, grid(network, config), config, np.arange(n, dtype=object), times, stations,
                          np.full(n, np.nan), np.full(n, np.nan), block_origin_s=0.0, n_blocks=1)
    position = np.empty(n, dtype=np.int64)
    position[prep.extras["order"]] = np.arange(n)
    picks = np.full((1, config.max_picks_per_event), -1, dtype=np.int64)
    picks[0, :7] = np.sort(position[:7])
    event = PassResult(x_km=np.array([x0]), y_km=np.array([y0]), t0_s=np.array([t0]), n_stations=np.array([7]),
                       chi2=np.ones(1), n_obs=np.array([7]), tile=np.zeros(1, dtype=np.int64),
                       block=np.zeros(1, dtype=np.int64), picks=picks, covariance=np.eye(3)[None])
    atmosphere = np.tile(np.array([0.34, 0.0, 0.0]), (1, int(prep.n_tiles), 1))
    assert len(refine(prep, config, event, atmosphere).t0_s) == 1
    assert len(refine(prep, config, event, atmosphere, nearest=True).t0_s) == 0
    assert len(refine(prep, config, event, atmosphere, nearest=True, nearest_max_stations=6).t0_s) == 1
