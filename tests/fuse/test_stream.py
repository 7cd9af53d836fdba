"""The streaming associator: same machinery as the batch, decided chunk by chunk as picks arrive."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from tests.fuse.synthetic import make_toy
from truceline.fuse import FusionConfig
from truceline.fuse.stream import Emission, StreamingAssociator, replay
from truceline.model.errors import InputError
from truceline.sim.scoring import match_events


def _floats(table: pa.Table, name: str) -> np.ndarray:
    return np.asarray(table[name].to_numpy(zero_copy_only=False), dtype=float)


def _matched(toy, events: pa.Table) -> int:  # noqa: ANN001 - test helper
    m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, _floats(events, "time"), _floats(events, "lat"),
                     _floats(events, "lon"))
    return len(m.truth_index)


def test_stream_finds_the_events_and_emits_each_once_after_its_picks() -> None:
    toy = make_toy(seed=21, n_events=25, clutter_per_station=2, duration_s=2400.0)
    emission, late = replay(toy.stations, toy.picks, step_s=1.0)
    events = emission.events
    assert late == []
    assert events.num_rows >= 24
    assert _matched(toy, events) >= 24
    assert len(set(events["event_id"].to_pylist())) == events.num_rows
    # a pick joins one event at most, and every event's picks had arrived when it was emitted
    picks = emission.assignments["pick_id"].to_pylist()
    assert len(picks) == len(set(picks))
    assert np.all(emission.latency_s >= 0.0)
    stream = StreamingAssociator(toy.stations)
    bound = stream.chunk_s + stream.config.lookahead_s + stream._max_travel_s() + stream.margin_s + 1.0
    origin = _floats(events, "time")
    assert np.all(emission.emitted_at_s - origin <= bound + 1.0)


def test_arrival_batching_does_not_change_the_result() -> None:
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0)
    one_second, _ = replay(toy.stations, toy.picks, step_s=1.0)
    whole = StreamingAssociator(toy.stations)
    all_at_once = Emission.concat([whole.push(toy.picks), whole.flush()])
    assert one_second.events.num_rows == all_at_once.events.num_rows
    np.testing.assert_allclose(_floats(one_second.events, "lat"), _floats(all_at_once.events, "lat"))
    np.testing.assert_allclose(_floats(one_second.events, "time"), _floats(all_at_once.events, "time"))
    assert one_second.assignments["pick_id"].to_pylist() == all_at_once.assignments["pick_id"].to_pylist()


def test_stream_matches_batch_on_a_calibrated_speed() -> None:
    from truceline.fuse import associate

    toy = make_toy(seed=23, n_events=15, clutter_per_station=2, duration_s=1800.0)
    config = FusionConfig(sound_speed_m_per_s=338.0)
    batch, _ = associate(toy.stations, toy.picks, config)
    streamed, _ = replay(toy.stations, toy.picks, config)
    assert abs(batch.num_rows - streamed.events.num_rows) <= 1
    assert _matched(toy, streamed.events) >= _matched(toy, batch) - 1


def test_late_picks_are_kept_aside_not_associated() -> None:
    toy = make_toy(seed=24, n_events=6, clutter_per_station=1, duration_s=1200.0)
    stream = StreamingAssociator(toy.stations)
    parts = [stream.push(toy.picks)]
    parts.append(stream.advance(float(_floats(toy.picks, "time").max()) + 400.0))
    early = toy.picks.slice(0, 3).set_column(0, "pick_id", pa.array(["L1", "L2", "L3"]))
    parts.append(stream.push(early))
    parts.append(stream.flush())
    assert stream.late_pick_ids == ["L1", "L2", "L3"]
    assigned = set(Emission.concat(parts).assignments["pick_id"].to_pylist())
    assert not assigned & {"L1", "L2", "L3"}


def test_unknown_station_and_bad_time_are_rejected() -> None:
    toy = make_toy(seed=25, n_events=2, clutter_per_station=0)
    stream = StreamingAssociator(toy.stations)
    bad = toy.picks.slice(0, 1).set_column(1, "station_id", pa.array(["NOPE"]))
    with pytest.raises(InputError, match="unknown station 'NOPE'"):
        stream.push(bad)
    nan_time = toy.picks.slice(0, 1).set_column(toy.picks.column_names.index("time"), "time", pa.array([float("nan")]))
    with pytest.raises(InputError, match="time"):
        stream.push(nan_time)
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, chunk_s=0.0)


def test_associate_command_streams_on_request(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    from click.testing import CliRunner

    from truceline.cli import cli
    from truceline.model.tables import ASSIGNMENTS, EVENTS, read_table, write_table

    toy = make_toy(seed=26, n_events=5, clutter_per_station=1, duration_s=900.0)
    write_table(toy.stations, tmp_path / "stations.csv")
    write_table(toy.picks, tmp_path / "picks.csv")
    result = CliRunner().invoke(cli, ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks",
                                      str(tmp_path / "picks.csv"), "--out", str(tmp_path / "run"), "--streaming"])
    assert result.exit_code == 0, result.output
    assert "streaming: emission latency p50" in result.output
    events = read_table(tmp_path / "run" / "events.csv", EVENTS)
    assignments = read_table(tmp_path / "run" / "assignments.csv", ASSIGNMENTS)
    assert events.num_rows >= 4
    assert set(assignments["event_id"].to_pylist()) == set(events["event_id"].to_pylist())
