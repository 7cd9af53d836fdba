"""Gross station clock offsets read from neighbours' pick-time differences, without events
(``fuse/pairclocks.py``, ``FusionConfig.clock_pairs``; docs/fusion.md, "Session 20 (clock20)")."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from truceline.fuse import FusionConfig, associate
from truceline.fuse.engine import fuse, lone_stations, pair_clock_corrections, prepare
from truceline.fuse.pairclocks import isolated, pair_clock_offsets, pair_differences

KM_PER_DEG_LAT = 111.2
KM_PER_DEG_LON = 111.2 * np.cos(np.radians(48.0))


def _world(seed: int, late: dict[int, float], n_sources: int = 120) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """A 3 x 3 grid of stations 3 km apart; single rounds 40 s apart anywhere within 30 km, heard within 35 km at
    0.34 km/s with 0.05 s pick noise, and 2 clutter picks per station per 10 minutes; station ``s`` late by
    ``late[s]``. Returns the stations' x, y (km) and each station's sorted pick times."""
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(3) * 3.0, np.arange(3) * 3.0)
    st_x, st_y = gx.ravel() - 3.0, gy.ravel() - 3.0
    duration = 40.0 * n_sources + 100.0
    times: list[list[float]] = [[] for _ in st_x]
    for k in range(n_sources):
        x, y = rng.uniform(-30.0, 30.0, 2)
        t0 = 50.0 + 40.0 * k
        for s in range(len(st_x)):
            d = float(np.hypot(x - st_x[s], y - st_y[s]))
            if d <= 35.0:
                times[s].append(t0 + d / 0.34 + rng.normal(0.0, 0.05) + late.get(s, 0.0))
    for s in range(len(st_x)):
        times[s].extend(rng.uniform(0.0, duration, int(2 * duration / 600)).tolist())
    return st_x, st_y, [np.sort(np.array(t)) for t in times]


def _read(st_x: np.ndarray, st_y: np.ndarray, times: list[np.ndarray], **given: np.ndarray):
    """The readings at the fusion's settings (``given``: ``known`` or ``readable``)."""
    config = FusionConfig()
    return pair_clock_offsets(
        st_x, st_y, times, celerity_km_s=config.clock_pairs_celerity_km_s, margin_s=0.5,
        neighbour_km=config.clock_pairs_neighbour_km, max_neighbours=8, max_s=10.0, min_s=config.clock_pairs_min_s,
        min_z=config.clock_pairs_min_z, min_gain=8, min_pairs=2, isolation_s=config.clock_pairs_isolation_s, **given)


def test_pair_differences_are_every_near_pair_of_picks() -> None:
    a = np.array([10.0, 20.0, 50.0])
    b = np.array([9.0, 12.0, 48.0, 100.0])
    np.testing.assert_allclose(pair_differences(a, b, 3.0), [-2.0, 1.0, 2.0])
    assert len(pair_differences(a, np.zeros(0), 3.0)) == 0


def test_only_isolated_picks_are_kept() -> None:
    np.testing.assert_allclose(isolated(np.array([0.0, 5.0, 30.0, 60.0, 65.0, 100.0]), 12.0), [30.0, 100.0])


def test_a_station_six_seconds_late_is_read_and_no_other() -> None:
    st_x, st_y, times = _world(3, {4: 6.0})
    readings = _read(st_x, st_y, times)
    assert abs(readings[4].offset_s - 6.0) < 0.75
    assert readings[4].z >= FusionConfig().clock_pairs_min_z
    assert all(r.offset_s == 0.0 for r in readings if r.station != 4)


def test_a_station_six_seconds_early_is_read() -> None:
    st_x, st_y, times = _world(4, {4: -6.0})
    readings = _read(st_x, st_y, times)
    assert abs(readings[4].offset_s + 6.0) < 0.75
    assert all(r.offset_s == 0.0 for r in readings if r.station != 4)


def test_a_reading_most_neighbours_do_not_back_is_not_applied() -> None:
    """A corner station reads its offset, but against its far neighbours (6-8.5 km, a wide support) the shift is not
    clear, and fewer than half of them agree: it is left alone (the reading is conservative)."""
    st_x, st_y, times = _world(4, {0: -6.0})
    reading = _read(st_x, st_y, times)[0]
    assert reading.read_s < -4.0
    assert reading.offset_s == 0.0 and "agree" in reading.note


def test_right_clocks_are_left_alone() -> None:
    for seed in (3, 4, 5):
        st_x, st_y, times = _world(seed, {})
        assert all(r.offset_s == 0.0 for r in _read(st_x, st_y, times))


def test_an_offset_under_min_s_is_left_to_the_calibration() -> None:
    st_x, st_y, times = _world(3, {4: 1.2})
    assert all(r.offset_s == 0.0 for r in _read(st_x, st_y, times))


def test_a_station_without_neighbours_is_not_read() -> None:
    st_x = np.array([0.0, 3.0, 0.0, 60.0])
    st_y = np.array([0.0, 0.0, 3.0, 60.0])
    times = [np.sort(np.random.default_rng(s).uniform(0, 1000, 30)) for s in range(4)]
    reading = _read(st_x, st_y, times)[3]
    assert reading.offset_s == 0.0 and reading.neighbours == 0


def _tables(st_x: np.ndarray, st_y: np.ndarray, times: list[np.ndarray]) -> tuple[pa.Table, pa.Table]:
    stations = pa.table({"station_id": [f"P{s}" for s in range(len(st_x))],
                         "lat": 48.0 + st_y / KM_PER_DEG_LAT, "lon": 37.5 + st_x / KM_PER_DEG_LON})
    station = np.concatenate([np.full(len(t), s) for s, t in enumerate(times)])
    time = np.concatenate(times)
    picks = pa.table({"pick_id": [f"p{k}" for k in range(len(time))], "station_id": [f"P{s}" for s in station],
                      "time": time})
    return stations, picks


def _applied(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> np.ndarray:
    prep, _, _ = fuse(stations, picks, config)
    applied = np.zeros(prep.network.size)
    applied[prep.pick_station] = prep.raw_time - prep.pick_time
    return applied


def test_the_fusion_takes_a_gross_clock_off_before_the_loose_pass() -> None:
    """Six seconds is beyond the loose pass's tolerance (2.5 s): without the reading the station's correction is far
    from its offset; with it the station sits out the loose pass, and its remainder is read against that pass's
    events (a remainder within the searches' 0.15 s floor stays), to within 0.2 s."""
    st_x, st_y, times = _world(3, {4: 6.0}, n_sources=80)
    stations, picks = _tables(st_x, st_y, times)
    off = _applied(stations, picks, FusionConfig())
    on = _applied(stations, picks, FusionConfig(clock_pairs=True))
    assert abs(off[4] - 6.0) > 1.0
    assert abs(on[4] - 6.0) < 0.2
    assert np.all(np.abs(np.delete(on, 4)) < 0.15)


def test_the_fusion_is_unchanged_when_nothing_is_read() -> None:
    st_x, st_y, times = _world(5, {}, n_sources=60)
    stations, picks = _tables(st_x, st_y, times)
    a_events, a_assignments = associate(stations, picks, FusionConfig())
    b_events, b_assignments = associate(stations, picks, FusionConfig(clock_pairs=True))
    assert a_events.equals(b_events)
    assert a_assignments.equals(b_assignments)


def test_a_confirmed_offset_taken_off_lets_its_neighbour_be_read() -> None:
    """Two neighbouring stations both off (the centre 6 s late, its neighbour 5 s early): read together, the
    neighbour's pair with the centre is against its own reading and it is not applied; with the centre's offset known
    (``known``: confirmed by the loose pass), the neighbour is read, and the known station is returned as given."""
    st_x, st_y, times = _world(4, {4: 6.0, 1: -5.0}, n_sources=80)
    first = _read(st_x, st_y, times)
    assert first[4].offset_s > 4.0 and first[1].offset_s == 0.0
    known = np.full(len(st_x), np.nan)
    known[4] = 6.0
    second = _read(st_x, st_y, times, known=known)
    assert second[4].offset_s == 6.0 and second[4].note == "known"
    assert -5.75 < second[1].offset_s < -3.0
    assert all(r.offset_s == 0.0 for r in second if r.station not in (1, 4))


def test_the_fusion_reads_a_neighbour_again_once_the_first_clock_is_confirmed() -> None:
    """``clock_pairs_rounds``: with one reading (0 rounds) the early neighbour is never read and its 5 s stay; read
    again against the confirmed centre, it sits out a second loose pass and is confirmed: both within 0.2 s."""
    st_x, st_y, times = _world(4, {4: 6.0, 1: -5.0}, n_sources=80)
    stations, picks = _tables(st_x, st_y, times)
    once = _applied(stations, picks, FusionConfig(clock_pairs=True, clock_pairs_rounds=0))
    again = _applied(stations, picks, FusionConfig(clock_pairs=True))
    assert abs(once[4] - 6.0) < 0.2 and abs(once[1] + 5.0) > 1.0
    assert abs(again[4] - 6.0) < 0.2 and abs(again[1] + 5.0) < 0.2
    assert np.all(np.abs(np.delete(again, [1, 4])) < 0.15)


def test_a_station_not_readable_is_only_a_neighbour() -> None:
    """``readable``: a station left out is not read (note "not read") but its picks still read its neighbours."""
    st_x, st_y, times = _world(3, {4: 6.0})
    readable = np.ones(len(st_x), dtype=bool)
    readable[4] = False
    readings = _read(st_x, st_y, times, readable=readable)
    assert readings[4].offset_s == 0.0 and readings[4].note == "not read"
    assert all(r.offset_s == 0.0 for r in readings)


def test_only_lone_stations_are_read_unless_clustered_is_asked() -> None:
    """``clock_pairs_clustered`` off (the default): a station with another within ``site_km`` is not read; on, it is."""
    st_x, st_y, times = _world(3, {4: 6.0}, n_sources=80)
    st_x = np.append(st_x, st_x[4] + 0.3)
    st_y = np.append(st_y, st_y[4])
    times.append(times[4] - 6.0 + 0.3 / 0.34 * 0.0)
    stations, picks = _tables(st_x, st_y, times)
    for clustered, read in ((False, False), (True, True)):
        config = FusionConfig(clock_pairs=True, clock_pairs_clustered=clustered)
        prep = prepare(stations, picks, config)
        lone = lone_stations(prep, config)
        assert not lone[4] and not lone[9] and lone[:4].all()
        offsets = pair_clock_corrections(prep, config)
        assert (abs(offsets[4] - 6.0) < 0.75) == read


def test_a_reading_no_loose_pass_confirms_leaves_the_run_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``range_celerity``, when the loose passes confirm no reading (here the confirming search is made to
    find nothing), they are run again as if nothing had been read: the events and assignments of the option off
    (robust19's g2: byte-identical to main)."""
    from truceline.fuse import engine

    st_x, st_y, times = _world(3, {4: 6.0}, n_sources=60)
    stations, picks = _tables(st_x, st_y, times)

    def nothing(st_x_km: np.ndarray, *args: object, **kwargs: object) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(len(st_x_km)), np.zeros(len(st_x_km), dtype=bool)

    monkeypatch.setattr(engine, "searched_clock_offsets", nothing)
    config = FusionConfig(clock_pairs=True)
    prep, _, _ = fuse(stations, picks, config)
    assert prep.extras["pair_clock_unconfirmed"][4]
    a_events, a_assignments = associate(stations, picks, FusionConfig())
    b_events, b_assignments = associate(stations, picks, config)
    assert a_events.equals(b_events)
    assert a_assignments.equals(b_assignments)
