"""Truncating loggers in the stream (``fuse/wholeseconds.py``, ``StreamingAssociator(whole_seconds=True)`` with
``FusionConfig.whole_second_stations``): a station
whose first ``whole_second_min_picks`` picks are all whole seconds is read 0.5 s later from then on, its picks still
pending too; a station of fractional times is never moved (docs/fusion.md, "Session 22 (stream22)")."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from tests.fuse.synthetic import make_toy
from truceline.fuse import FusionConfig
from truceline.fuse.replay import replay
from truceline.fuse.stream import StreamingAssociator
from truceline.fuse.wholeseconds import WholeSecondStations
from truceline.sim.scoring import match_events

TRUNCATING = ("S01", "S04", "S07", "S10", "S13", "S16", "S19", "S22")  # a third of the toy's 24 stations


def _floats(table: pa.Table, name: str) -> np.ndarray:
    return np.asarray(table[name].to_numpy(zero_copy_only=False), dtype=float)


def _truncated(picks: pa.Table) -> pa.Table:
    time = _floats(picks, "time")
    logger = np.isin(np.asarray(picks["station_id"].to_pylist()), TRUNCATING)
    return picks.set_column(picks.column_names.index("time"), "time", pa.array(np.where(logger, np.floor(time), time)))


def test_a_station_is_read_as_truncating_after_enough_whole_seconds_and_never_after_a_fraction() -> None:
    stations = WholeSecondStations(3, min_picks=4)
    shift, newly = stations.hear(np.array([10.0, 11.0, 12.0, 12.25]), np.array([0, 0, 0, 1]))
    assert not shift.any() and len(newly) == 0  # three whole seconds: too few to tell
    shift, newly = stations.hear(np.array([13.0, 14.0, 15.5]), np.array([0, 0, 2]))
    assert shift.tolist() == [0.5, 0.5, 0.0] and newly.tolist() == [0]
    assert stations.truncating.tolist() == [True, False, False]
    shift, newly = stations.hear(np.array([16.0, 17.0, 18.0, 19.0, 20.0]), np.array([1, 1, 1, 1, 1]))
    assert not shift.any() and len(newly) == 0  # station 1 gave a fraction before
    shift, _ = stations.hear(np.array([21.3, 22.0]), np.array([0, 0]))
    assert not shift.any() and not stations.truncating[0]  # a fraction ends the reading
    with pytest.raises(ValueError):
        WholeSecondStations(3, min_picks=0)


def test_the_pending_picks_of_a_truncating_logger_are_read_half_a_second_later() -> None:
    toy = make_toy(seed=21, n_events=25, clutter_per_station=2, duration_s=2400.0)
    picks = _truncated(toy.picks)
    station = np.asarray(picks["station_id"].to_pylist())
    names, counts = np.unique(station, return_counts=True)
    enough = set(names[counts >= 10].tolist())
    logger = np.isin(station, TRUNCATING) & np.isin(station, list(enough))
    assert len(enough & set(TRUNCATING)) >= 6
    for on in (True, False):
        stream = StreamingAssociator(toy.stations, FusionConfig(whole_second_stations=on, whole_second_min_picks=10),
                                     whole_seconds=True)
        stream._take(picks)  # all at once, taken in but not yet processed: every pick is still queued
        ids, time = stream._queued()[0], stream._queued()[1]
        given = dict(zip(picks["pick_id"].to_pylist(), _floats(picks, "time") - float(np.floor(_floats(picks, "time").min()))))
        moved = time - np.array([given[i] for i in ids])
        by_logger = dict(zip(picks["pick_id"].to_pylist(), logger))
        at_logger = np.array([by_logger[i] for i in ids])
        assert np.allclose(moved[at_logger], 0.5 if on else 0.0, atol=1e-5) and np.allclose(moved[~at_logger], 0.0, atol=1e-5)
        assert np.all(np.diff(time) >= 0)  # still in time order


def test_reading_truncating_loggers_later_removes_their_bias_from_the_streamed_origin_times() -> None:
    toy = make_toy(seed=21, n_events=25, clutter_per_station=2, duration_s=2400.0, noise_s=0.03)
    picks = _truncated(toy.picks)
    bias, first = {}, {}
    for on in (True, False):
        config = FusionConfig(whole_second_stations=on, whole_second_min_picks=10, sound_speed_m_per_s=338.0)
        emission, _ = replay(toy.stations, picks, config, step_s=1.0, options={"whole_seconds": True})
        events = emission.events
        m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, _floats(events, "time"), _floats(events, "lat"),
                         _floats(events, "lon"))
        assert len(m.truth_index) >= 22
        error = _floats(events, "time")[m.run_index] - toy.truth_time[m.truth_index]
        bias[on] = float(np.mean(error[toy.truth_time[m.truth_index] > 1200.0]))
        first[on] = np.sort(error[toy.truth_time[m.truth_index] < 300.0])
    # the first events are emitted before any station has given ten picks: the same either way
    assert len(first[True]) >= 3 and np.allclose(first[True], first[False])
    # later, a third of the stations read up to a second early pull the origin times early; read 0.5 s later they do not
    assert bias[False] < -0.05 and abs(bias[True]) < abs(bias[False]) / 3


def test_the_stream_reads_truncating_loggers_only_when_asked() -> None:
    toy = make_toy(seed=21, n_events=25, clutter_per_station=2, duration_s=2400.0)
    picks = _truncated(toy.picks)
    for options in ({}, {"whole_seconds": True}):
        stream = StreamingAssociator(toy.stations, FusionConfig(whole_second_min_picks=10), **options)
        stream._take(picks)
        moved = stream._queued()[1] + float(np.floor(_floats(picks, "time").min())) - np.sort(_floats(picks, "time"))
        assert np.any(np.abs(moved) > 0.25) == bool(options)


def test_without_truncating_loggers_the_stream_is_the_same_with_the_reading_on_or_off() -> None:
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0)
    on, _ = replay(toy.stations, toy.picks, FusionConfig(whole_second_stations=True, whole_second_min_picks=3), step_s=1.0,
                   options={"whole_seconds": True})
    off, _ = replay(toy.stations, toy.picks, FusionConfig(whole_second_stations=False), step_s=1.0)
    assert on.events.equals(off.events) and on.assignments.equals(off.assignments)
