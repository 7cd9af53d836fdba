"""``FusionConfig.whole_second_stations`` (``engine.whole_second_shift``, docs/fusion.md "Session 21 (sim21)"): a
station whose every time is a whole second is a truncating logger and its picks are read 0.5 s later; a station
with one fractional time, or too few picks to tell, is left alone, so scenarios without such loggers are unchanged."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from truceline.fuse.engine import FusionConfig, prepare, whole_second_shift


def test_only_a_station_of_whole_seconds_is_shifted() -> None:
    rng = np.random.default_rng(3)
    true_time = np.sort(rng.uniform(1000.0, 5000.0, 90))
    station = np.repeat([0, 1, 2], 30)
    logged = np.where(station == 1, np.floor(true_time), true_time)
    logged[station == 2] = np.floor(logged[station == 2])
    logged[np.flatnonzero(station == 2)[0]] += 0.25  # one fractional time: not a truncating logger
    shift = whole_second_shift(logged, station, 3, 20)
    assert shift[station == 1].tolist() == [0.5] * 30
    assert not shift[station != 1].any()
    # the shift halves the truncation's error: uniform in (-0.5, 0.5] s about the true time
    error = logged[station == 1] + 0.5 - true_time[station == 1]
    assert np.all(np.abs(error) <= 0.5) and abs(float(np.mean(error))) < 0.15
    assert not whole_second_shift(logged, station, 3, 31).any()  # too few picks to tell


def test_prepare_reads_the_logger_later_only_when_on() -> None:
    stations = pa.table({"station_id": ["A", "B", "C", "D"], "lat": [48.0, 48.1, 48.0, 48.1],
                         "lon": [37.0, 37.0, 37.1, 37.1]})
    times = np.concatenate([np.arange(30) * 60.0 + 100.0, np.arange(30) * 60.0 + 100.37])
    picks = pa.table({"pick_id": list(range(60)), "station_id": ["A"] * 30 + ["B"] * 30, "time": times})
    on = prepare(stations, picks, FusionConfig(whole_second_stations=True))
    off = prepare(stations, picks, FusionConfig(whole_second_stations=False))
    shift = on.raw_time - off.raw_time
    assert np.allclose(shift[on.pick_station == 0], 0.5) and np.allclose(shift[on.pick_station == 1], 0.0)
