"""The streaming associator: same machinery as the batch, decided chunk by chunk as picks arrive."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from tests.fuse.synthetic import GEOD, make_toy
from truceline.fuse import FusionConfig
from truceline.fuse.replay import replay
from truceline.fuse.pending import OpenEvent
from truceline.fuse.stream import Emission, Stage, StreamingAssociator
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
    # which search opened each event, and when, do not depend on the cut either
    assert one_second.opened_by.tolist() == all_at_once.opened_by.tolist()
    np.testing.assert_allclose(one_second.opened_at_s, all_at_once.opened_at_s)


def test_each_event_says_which_search_opened_it_and_when() -> None:
    toy = make_toy(seed=23, n_events=15, clutter_per_station=2, duration_s=1800.0)
    config = FusionConfig(sound_speed_m_per_s=338.0)  # calibrated from the start: the early stage runs
    trace: list[dict] = []
    emission, _ = replay(toy.stations, toy.picks, config, step_s=1.0, trace=trace)
    assert set(emission.opened_by.tolist()) <= {"quick", "early0", "early1", "deciding", "warm"}
    assert any(by.startswith("early") for by in emission.opened_by.tolist())
    assert "warm" not in emission.opened_by.tolist()  # the model needs no calibrating
    assert np.all(emission.opened_at_s <= emission.emitted_at_s)
    origin = _floats(emission.events, "time")
    assert np.all(emission.opened_at_s > origin)  # a search sees only picks that have arrived
    assert [r["event_id"] for r in trace] == emission.events["event_id"].to_pylist()
    assert [r["opened_by"] for r in trace] == emission.opened_by.tolist()
    for record, emitted in zip(trace, emission.emitted_at_s):
        assert record["emitted_at_s"] == emitted
        # the stations it waited for were all due by its completeness time, which had come
        assert all(u <= record["due_s"] for u in record["awaited_until_s"])
        assert record["due_s"] <= emitted


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


# -- per-event completeness -------------------------------------------------------------------------

DENSE = tuple(Stage(age_s=age, chunk_s=5.0, lookahead_s=10.0) for age in np.arange(10.0, 130.0, 10.0))
"""Each 5 s chunk of origin times searched again every 10 s of its age: an event is found long before its last pick."""


def _feed(stream: StreamingAssociator, picks: pa.Table, end_s: float) -> list[Emission]:
    """As a live feed: each second's picks, then a heartbeat at the second's end; then the flush."""
    time = _floats(picks, "time")
    parts = []
    for t in np.arange(0.0, end_s, 1.0):
        parts.append(stream.push(picks.filter(pa.array((time >= t) & (time < t + 1.0)))))
        parts.append(stream.advance(t + 1.0))
    return parts + [stream.flush()]


def _single_event_picks(toy) -> pa.Table:  # noqa: ANN001 - test helper
    """The picks of one source in the middle of the network, after one unrelated pick per station
    (a few minutes earlier, spread out: every station is seen to be working)."""
    stations = toy.stations["station_id"].to_pylist()
    before = pa.table({"pick_id": [f"B{i}" for i in range(len(stations))], "station_id": stations,
                       "time": 180.0 + 12.5 * np.arange(len(stations))})
    return pa.concat_tables([before, toy.picks.select(["pick_id", "station_id", "time"])]).sort_by("time")


def _single_event_toy():  # noqa: ANN202 - test helper
    return make_toy(seed=31, clutter_per_station=0, events=[(48.0, 37.55, 500.0)], noise_s=0.05)


def test_an_isolated_event_is_emitted_seconds_after_its_last_due_arrival() -> None:
    toy = _single_event_toy()
    picks = _single_event_picks(toy)
    stream = StreamingAssociator(toy.stations, FusionConfig(sound_speed_m_per_s=338.0), early_stages=DENSE)
    emission = Emission.concat(_feed(stream, picks, 800.0))
    assert emission.events.num_rows == 1
    assert sorted(emission.assignments["pick_id"].to_pylist()) == sorted(toy.picks["pick_id"].to_pylist())
    # nothing learned yet: every working station within reach could hear it, so it goes once the
    # predicted arrival at the farthest of them has passed (plus the selection tolerance, the hold
    # and the one-second grid), minutes before the fixed chunk-and-reach wait would let it go
    lat = np.asarray(toy.stations["lat"].to_numpy(), dtype=float)
    lon = np.asarray(toy.stations["lon"].to_numpy(), dtype=float)
    _, _, distance_m = GEOD.inv(np.full(len(lat), 37.55), np.full(len(lat), 48.0), lon, lat)
    due = 500.0 + float(distance_m[distance_m <= stream.config.reach_km * 1000.0].max()) / 338.0
    assert due - 1.0 <= float(emission.emitted_at_s[0]) <= due + 3.0
    assert float(emission.emitted_at_s[0]) < stream.ready_at_s(480.0) - 60.0


def test_an_event_waits_for_a_station_whose_pick_is_still_due() -> None:
    toy = _single_event_toy()
    picks = _single_event_picks(toy)
    time = _floats(picks, "time")
    stream = StreamingAssociator(toy.stations, FusionConfig(sound_speed_m_per_s=338.0), early_stages=DENSE)
    early = stream.push(picks.slice(0, picks.num_rows - 1))
    early = Emission.concat([early, stream.advance(float(time[-1]) - 0.5)])
    # found from the picks in, but the farthest station that will hear it has not reported yet
    assert early.events.num_rows == 0
    assert stream.open_events == 1
    late = Emission.concat([stream.push(picks.slice(picks.num_rows - 1)), stream.advance(float(time[-1]) + 30.0)])
    assert late.events.num_rows == 1
    assert picks["pick_id"][picks.num_rows - 1].as_py() in late.assignments["pick_id"].to_pylist()
    assert late.assignments.num_rows == toy.picks.num_rows
    assert float(late.emitted_at_s[0]) >= float(time[-1])
    assert stream.flush().events.num_rows == 0


def test_picks_of_an_event_already_emitted_do_not_make_it_again() -> None:
    toy = _single_event_toy()
    picks = _single_event_picks(toy)
    # an event is emitted as soon as the stations nearer than its farthest have reported: here,
    # before the farther stations' picks come, which could make a second event of the same source
    stream = StreamingAssociator(toy.stations, FusionConfig(sound_speed_m_per_s=338.0), completeness_km=0.0,
                                 heard_quantile=0.0, early_stages=DENSE)
    emission = Emission.concat(_feed(stream, picks, 700.0))
    assert emission.events.num_rows == 1
    assigned = emission.assignments["pick_id"].to_pylist()
    own = set(toy.picks["pick_id"].to_pylist())
    assert len(assigned) == len(set(assigned)) < len(own)
    # those of the rest that make a second event of it are listed as late (heard after the event was
    # emitted), not lost silently; the others are left unassociated
    assert set(stream.late_pick_ids) <= own - set(assigned)


def test_the_stream_gives_the_same_events_in_unix_time_as_from_zero() -> None:
    toy = make_toy(seed=8, n_events=20, duration_s=1500.0)
    written = np.round(_floats(toy.picks, "time"), 3)  # as a file gives them, to the millisecond
    runs = []
    for shift in (0.0, 1_780_272_000.0):
        picks = toy.picks.set_column(toy.picks.schema.get_field_index("time"), "time", pa.array(written + shift))
        emission, late = replay(toy.stations, picks, step_s=1.0)
        runs.append((emission, late, shift))
    (a, late_a, _), (b, late_b, shift) = runs
    assert a.events.num_rows == b.events.num_rows >= 15 and late_a == late_b
    np.testing.assert_allclose(_floats(b.events, "time") - shift, _floats(a.events, "time"), atol=2e-4)
    for column in ("lat", "lon", "ellipse_major_km", "n_picks"):
        assert a.events[column].equals(b.events[column]), column
    assert a.assignments.equals(b.assignments)
    np.testing.assert_allclose(b.emitted_at_s - shift, a.emitted_at_s, atol=1e-6)
    np.testing.assert_allclose(b.latency_s, a.latency_s, atol=1e-5)


def test_a_stage_may_cap_the_seeds_it_examines() -> None:
    toy = make_toy(seed=22, n_events=1, clutter_per_station=0, duration_s=600.0)
    capped = StreamingAssociator(toy.stations, early_stages=(Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0,
                                                                   min_stations=5, max_seeds=200),))
    assert capped._stage_configs[0].max_seeds == 200
    assert capped._stage_configs[0].min_seeds == 100
    assert capped._stage_configs[0].min_stations == 5
    free = StreamingAssociator(toy.stations, early_stages=(Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0),))
    assert free._stage_configs[0].max_seeds == free.config.max_seeds
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, early_stages=(Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0, max_seeds=1),))


def test_early_stages_may_search_before_the_model_is_calibrated() -> None:
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0)
    by_default, _ = replay(toy.stations, toy.picks, step_s=1.0)
    # the sound speed is estimated: until 20 well-recorded events have calibrated it, only the deciding search runs
    assert by_default.opened_by.tolist()[0] == "warm"
    early, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"early_in_warmup": True})
    assert early.opened_by.tolist()[0].startswith("early")
    assert _matched(toy, early.events) >= _matched(toy, by_default.events) - 1
    first = float(np.min(_floats(toy.picks, "time")))
    soon = early.last_pick_s < first + 600.0
    assert np.median(early.latency_s[soon]) < np.median(by_default.latency_s[by_default.last_pick_s < first + 600.0])


def test_an_event_of_few_stations_is_opened_by_the_second_early_stage() -> None:
    # a source beyond the east end of the network: six stations hear it, fewer than the first stage's ten
    toy = make_toy(seed=31, clutter_per_station=0, events=[(48.0, 38.3, 500.0)], noise_s=0.05)
    picks = _single_event_picks(toy)
    assert toy.picks.num_rows == 6
    config = FusionConfig(sound_speed_m_per_s=338.0)
    emission, _ = replay(toy.stations, picks, config)
    assert emission.opened_by.tolist() == ["early0"]  # the five-station stage (the older age comes first)
    assert emission.assignments.num_rows == 6
    only_ten, _ = replay(toy.stations, picks, config,
                         options={"early_stages": (Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0, min_stations=10),)})
    assert only_ten.opened_by.tolist() == ["deciding"]
    # found at the second stage's time (the chunk, its look-ahead and 60 s), not the deciding search's (the reach)
    assert float(emission.latency_s[0]) < float(only_ten.latency_s[0]) - 60.0


def test_the_pick_triggered_search_finds_a_small_event_as_its_picks_arrive() -> None:
    # five stations beyond the east end of the network hear it, fewer than the first early stage's ten
    toy = make_toy(seed=31, clutter_per_station=0, events=[(48.05, 38.3, 500.0)], noise_s=0.05)
    picks = _single_event_picks(toy)
    assert toy.picks.num_rows == 5
    config = FusionConfig(sound_speed_m_per_s=338.0)
    # the event waits only for the stations nearer than its farthest (nothing is learned in a toy this small)
    options = {"heard_quantile": 0.0}
    searched, _ = replay(toy.stations, picks, config, options=options)
    assert searched.opened_by.tolist() == ["early0"]
    triggered, _ = replay(toy.stations, picks, config, options=options | {"trigger_stations": 5})
    assert triggered.opened_by.tolist() == ["trigger"]
    assert sorted(triggered.assignments["pick_id"].to_pylist()) == sorted(toy.picks["pick_id"].to_pylist())
    # opened (complete) at the grid instant after its fifth (last) pick and the hold, emitted then
    assert 0.0 <= float(triggered.opened_at_s[0] - triggered.last_pick_s[0]) <= 1.0 + 0.5
    assert float(triggered.latency_s[0]) <= 3.0 < float(searched.latency_s[0]) - 30.0
    np.testing.assert_allclose(_floats(triggered.events, "lat"), _floats(searched.events, "lat"), atol=1e-6)
    # four stations do not make a hit
    six, _ = replay(toy.stations, picks, config, options=options | {"trigger_stations": 6})
    assert six.opened_by.tolist() == ["early0"]


def test_the_pick_triggered_search_does_not_depend_on_how_the_feed_is_cut() -> None:
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0)
    options = {"trigger_stations": 5, "early_in_warmup": True}
    one_second, _ = replay(toy.stations, toy.picks, step_s=1.0, options=options)
    whole = StreamingAssociator(toy.stations, **options)
    all_at_once = Emission.concat([whole.push(toy.picks), whole.flush()])
    assert "trigger" in one_second.opened_by.tolist()
    assert one_second.opened_by.tolist() == all_at_once.opened_by.tolist()
    assert one_second.assignments["pick_id"].to_pylist() == all_at_once.assignments["pick_id"].to_pylist()
    np.testing.assert_allclose(_floats(one_second.events, "time"), _floats(all_at_once.events, "time"))
    assert _matched(toy, one_second.events) >= 11
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, trigger_stations=2)


def test_events_emitted_before_the_calibration_may_count_the_unknown_sound_speed() -> None:
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0)
    plain, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"early_in_warmup": True})
    wide, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"early_in_warmup": True, "warmup_sigma_m_per_s": 10.0})
    # the same events (the option changes only their uncertainty) ...
    np.testing.assert_allclose(_floats(wide.events, "lat"), _floats(plain.events, "lat"))
    assert wide.assignments["pick_id"].to_pylist() == plain.assignments["pick_id"].to_pylist()
    # ... and those emitted in the warm-up (nothing calibrated in a toy this small) have wider ellipses and times
    assert np.all(_floats(wide.events, "ellipse_major_km") >= _floats(plain.events, "ellipse_major_km") - 1e-9)
    assert np.all(_floats(wide.events, "time_sigma_s") > _floats(plain.events, "time_sigma_s"))
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, warmup_sigma_m_per_s=-1.0)


def test_events_emitted_before_the_calibration_may_count_the_prior_spread_of_the_celerity() -> None:
    from truceline.sim.scoring import inside_ellipse

    # a front whose sound is 18 m/s slower than the standard celerity: the warm-up's events are located 0.5 km and
    # 2 s off (nothing is calibrated in a toy this small)
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0, speed_m_s=325.0)
    covered = {}
    for prior in (False, True):
        emission, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"early_in_warmup": True, "warmup_prior": prior})
        events = emission.events
        m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, _floats(events, "time"), _floats(events, "lat"),
                         _floats(events, "lon"))
        run, truth = m.run_index, m.truth_index
        assert len(run) >= 8
        inside = inside_ellipse(toy.truth_lat[truth], toy.truth_lon[truth], _floats(events, "lat")[run],
                                _floats(events, "lon")[run], _floats(events, "ellipse_major_km")[run],
                                _floats(events, "ellipse_minor_km")[run], _floats(events, "ellipse_azimuth_deg")[run])
        in_time = np.abs(_floats(events, "time")[run] - toy.truth_time[truth]) <= 1.96 * _floats(events, "time_sigma_s")[run]
        covered[prior] = (float(inside.mean()), float(in_time.mean()), events)
    # the same events; with the prior the ellipses and origin-time sigmas hold the truth
    np.testing.assert_allclose(_floats(covered[True][2], "lat"), _floats(covered[False][2], "lat"))
    assert covered[False][0] < 0.8 and covered[False][1] < 0.8
    assert covered[True][0] >= 0.95 and covered[True][1] >= 0.95


def test_the_deciding_search_may_open_only_events_with_picks_new_to_the_early_stages() -> None:
    toy = make_toy(seed=22, n_events=1, clutter_per_station=0, duration_s=600.0)
    stream = StreamingAssociator(toy.stations, deciding_needs_news=True)
    buffer = stream._buffer
    buffer.append(np.array(["a", "b", "c"], dtype=object), np.array([10.0, 20.0, 30.0]), np.array([0, 1, 2]),
                  np.full(3, np.nan), np.full(3, np.nan), np.full(3, np.nan), np.full(3, np.nan))
    event = OpenEvent(key=-1, x_km=0.0, y_km=0.0, t0_s=5.0, tile=0, covariance=np.eye(3), chi2=0.0, n_obs=3,
                      seqs=[0, 1, 2], stations={0, 1, 2})
    assert stream._news(event)  # no early stage searched its origin time
    stream._searched = [(0.0, 60.0, 100.0, 5)]
    assert stream._news(event)  # that stage needed five stations: it could not have opened a three-station event
    stream._searched = [(0.0, 60.0, 25.0, 3), (0.0, 60.0, 100.0, 3), (60.0, 120.0, 200.0, 3)]
    assert not stream._news(event)  # every pick was there when the last stage that could open it searched
    buffer.freed_at[1] = 150.0
    assert stream._news(event)  # freed by an emitted event since
    buffer.freed_at[1] = 90.0
    assert not stream._news(event)
    buffer.time[2] = 100.0
    assert stream._news(event)  # arrived at that search's instant: it saw only earlier picks


def test_an_event_no_early_stage_could_open_is_still_opened_by_the_deciding_search() -> None:
    # six stations hear it, fewer than the only early stage's ten: no early stage could have opened it
    toy = make_toy(seed=31, clutter_per_station=0, events=[(48.0, 38.3, 500.0)], noise_s=0.05)
    picks = _single_event_picks(toy)
    only_ten = {"early_stages": (Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0, min_stations=10),)}
    emission, _ = replay(toy.stations, picks, FusionConfig(sound_speed_m_per_s=338.0),
                         options=only_ten | {"deciding_needs_news": True})
    assert emission.opened_by.tolist() == ["deciding"]
    assert emission.assignments.num_rows == 6


def test_the_warm_up_may_calibrate_from_a_loose_pass_when_the_first_early_stage_would_search() -> None:
    # a busy start: enough well-recorded events in the first minutes to calibrate with
    toy = make_toy(seed=41, n_events=50, clutter_per_station=1, duration_s=700.0)
    by_default, _ = replay(toy.stations, toy.picks, step_s=1.0)
    options = {"warmup_loose_early": True}
    ahead, _ = replay(toy.stations, toy.picks, step_s=1.0, options=options)
    # the default calibrates at the deciding search (about 230 s after a chunk begins; here not before the feed ends),
    # the option at the instant the first early stage would search the first chunks: their events are the early
    # stages', not the warm-up's deciding search's
    warm = [int(np.count_nonzero(e.opened_by == "warm")) for e in (by_default, ahead)]
    assert warm[1] < warm[0]
    assert ahead.opened_by.tolist()[0].startswith("early")
    assert np.median(ahead.latency_s) < np.median(by_default.latency_s)
    assert _matched(toy, ahead.events) >= _matched(toy, by_default.events) - 1
    # and the result does not depend on how the feed is cut
    whole = StreamingAssociator(toy.stations, **options)
    all_at_once = Emission.concat([whole.push(toy.picks), whole.flush()])
    assert ahead.opened_by.tolist() == all_at_once.opened_by.tolist()
    assert ahead.assignments["pick_id"].to_pylist() == all_at_once.assignments["pick_id"].to_pylist()
    np.testing.assert_allclose(_floats(ahead.events, "time"), _floats(all_at_once.events, "time"))


def test_a_triggered_event_is_opened_only_after_a_search_around_it_finds_it_and_no_open_hypothesis_could_claim_it() -> None:
    # the five-station event beyond the east end of the network, as above
    toy = make_toy(seed=31, clutter_per_station=0, events=[(48.05, 38.3, 500.0)], noise_s=0.05)
    picks = _single_event_picks(toy)
    config = FusionConfig(sound_speed_m_per_s=338.0)
    options = {"heard_quantile": 0.0, "trigger_stations": 5}
    alone, _ = replay(toy.stations, picks, config, options=options)
    competed, _ = replay(toy.stations, picks, config, options=options | {"trigger_compete": True})
    assert competed.opened_by.tolist() == ["trigger"]
    assert sorted(competed.assignments["pick_id"].to_pylist()) == sorted(toy.picks["pick_id"].to_pylist())
    np.testing.assert_allclose(_floats(competed.events, "lat"), _floats(alone.events, "lat"), atol=1e-6)
    # complete at the instant after its last pick and the hold, put to the competition at the next multiple of 5 s
    assert float(alone.latency_s[0]) <= float(competed.latency_s[0]) <= float(alone.latency_s[0]) + 5.0

    def stream() -> StreamingAssociator:
        s = StreamingAssociator(toy.stations, config, **(options | {"trigger_compete": True}))
        s.push(picks)
        s.advance(578.5)  # the event is complete (its last pick 576.99 s) and waits for the competition (at 580 s)
        assert len(s._contest) == 1 and s.trigger_competed == 0
        return s

    s = stream()
    found = s._contest[0]

    def rival(**changes: object) -> OpenEvent:
        fields = dict(key=99, x_km=found.x_km, y_km=found.y_km, t0_s=found.t0_s, tile=found.tile, covariance=np.eye(3),
                      chi2=0.0, n_obs=0, seqs=[], stations=set(), due_s=1e9)
        return OpenEvent(**(fields | changes))  # type: ignore[arg-type]

    # a hypothesis still open that predicts its arrivals could claim its picks; one elsewhere, later, or that has
    # picks of those stations already could not
    assert s._claimable(found, [rival()])
    assert not s._claimable(found, [])
    assert not s._claimable(found, [rival(t0_s=found.t0_s + 30.0)])
    assert not s._claimable(found, [rival(x_km=found.x_km - 60.0)])
    assert not s._claimable(found, [rival(stations=set(found.stations))])
    emitted = s.advance(581.0)
    assert emitted.opened_by.tolist() == ["trigger"] and (s.trigger_competed, s.trigger_kept) == (1, 1)
    # with an open event 1 s later at the same place (still waiting for picks), it is left to the searches' schedule
    held = stream()
    held._open.append(rival(t0_s=found.t0_s + 1.0))
    assert held.advance(581.0).events.num_rows == 0
    assert (held.trigger_competed, held.trigger_kept) == (1, 0)
    assert held.trigger_lost == {"not found": 0, "incomplete": 0, "claimable": 1}


def test_the_competition_of_triggered_events_does_not_depend_on_how_the_feed_is_cut() -> None:
    toy = make_toy(seed=22, n_events=12, clutter_per_station=2, duration_s=1500.0)
    options = {"trigger_stations": 5, "early_in_warmup": True, "trigger_compete": True, "trigger_loudness_tests": False}
    one_second, _ = replay(toy.stations, toy.picks, step_s=1.0, options=options)
    whole = StreamingAssociator(toy.stations, **options)
    all_at_once = Emission.concat([whole.push(toy.picks), whole.flush()])
    assert "trigger" in one_second.opened_by.tolist()
    assert one_second.opened_by.tolist() == all_at_once.opened_by.tolist()
    assert one_second.assignments["pick_id"].to_pylist() == all_at_once.assignments["pick_id"].to_pylist()
    np.testing.assert_allclose(_floats(one_second.events, "time"), _floats(all_at_once.events, "time"))
    assert _matched(toy, one_second.events) >= 11


def test_the_warm_up_may_calibrate_from_every_pick_while_the_early_stages_emit() -> None:
    # a busy start: enough well-recorded events in the first minutes to calibrate with
    toy = make_toy(seed=41, n_events=50, clutter_per_station=1, duration_s=700.0)

    def run(**options: object) -> tuple[Emission, list[tuple[float, int]]]:
        stream = StreamingAssociator(toy.stations, **options)  # type: ignore[arg-type]
        fits: list[tuple[float, int]] = []
        refit = stream._calibrate_if_due

        def recorded(prep, stop: float) -> None:  # noqa: ANN001 - the associator's own argument
            version = stream._model_version
            refit(prep, stop)
            if stream._model_version != version:
                fits.append((stop, stream._calibration.size))

        stream._calibrate_if_due = recorded  # type: ignore[method-assign]
        return Emission.concat([stream.push(toy.picks), stream.flush()]), fits

    by_default, default_fits = run()
    early, early_fits = run(early_in_warmup=True)
    both, both_fits = run(early_in_warmup=True, warmup_loose_all_picks=True)
    # the early stages in the warm-up take the picks of the first events, so the deciding search's loose pass finds
    # fewer and the model is fitted sooner to the early stages' own events; with the option the loose pass sees every
    # pick of its chunk: the model is fitted when and to as many events as without the early stages
    assert early_fits != default_fits
    assert both_fits == default_fits
    # while the events themselves are the early stages', emitted sooner
    assert set(by_default.opened_by.tolist()) == {"warm"}
    assert not any(by == "warm" for by in both.opened_by.tolist())
    assert np.median(both.latency_s) < np.median(by_default.latency_s) / 2
    assert _matched(toy, both.events) >= _matched(toy, by_default.events)
    # and the result does not depend on how the feed is cut
    cut, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"early_in_warmup": True, "warmup_loose_all_picks": True})
    assert cut.opened_by.tolist() == both.opened_by.tolist()
    assert cut.assignments["pick_id"].to_pylist() == both.assignments["pick_id"].to_pylist()
    np.testing.assert_allclose(_floats(cut.events, "time"), _floats(both.events, "time"))


def test_a_stage_may_search_its_short_chunks_just_after_an_earlier_stage_searched_the_minute() -> None:
    # the five-station stage in 20 s chunks, each searched 100 s after its end (its look-ahead and age, as the default
    # stage's minute) but not before the ten-station stage has searched the minute that holds it (1 s after it)
    sliding = Stage(age_s=60.0, chunk_s=20.0, lookahead_s=40.0, min_stations=5, max_seeds=200, after_chunk_s=60.0,
                    after_s=71.0)
    assert [sliding.at_s(s) for s in (0.0, 20.0, 40.0, 60.0, 80.0)] == [131.0, 140.0, 160.0, 191.0, 200.0]
    minute = Stage(age_s=60.0, chunk_s=60.0, lookahead_s=40.0, min_stations=5, max_seeds=200)
    assert minute.at_s(0.0) == 160.0 and minute.at_s(60.0) == 220.0
    # the six-station event beyond the east end of the network (located at origin 499.3 s, in the minute [480, 540)):
    # its 20 s chunk [480, 500) is searched at 611 s (the minute's ten-station search at 610 s, plus 1 s), 29 s before
    # the minute's five-station search (640 s)
    toy = make_toy(seed=31, clutter_per_station=0, events=[(48.0, 38.3, 500.0)], noise_s=0.05)
    picks = _single_event_picks(toy)
    config = FusionConfig(sound_speed_m_per_s=338.0)
    ten = Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0, min_stations=10, max_seeds=200)
    by_minute, _ = replay(toy.stations, picks, config, options={"early_stages": (ten, minute)})
    sooner, _ = replay(toy.stations, picks, config, options={"early_stages": (ten, sliding)})
    assert by_minute.opened_by.tolist() == sooner.opened_by.tolist() == ["early0"]
    assert sooner.assignments["pick_id"].to_pylist() == by_minute.assignments["pick_id"].to_pylist()
    assert [float(t) for t in sooner.opened_at_s - by_minute.opened_at_s] == [-29.0]
    assert float(sooner.latency_s[0]) == float(by_minute.latency_s[0]) - 29.0


def _small_event_run(verdict: bool, **options: object) -> tuple[Emission, StreamingAssociator]:
    """The six-station event no ten-station stage can open, with the loudness taken as learned and its tests
    (``StreamingAssociator._loud_enough``) answering ``verdict``."""
    import math

    from truceline.fuse.loudness import LoudnessLaw

    toy = make_toy(seed=31, clutter_per_station=0, events=[(48.0, 38.3, 500.0)], noise_s=0.05)
    only_ten = (Stage(age_s=30.0, chunk_s=60.0, lookahead_s=40.0, min_stations=10),)
    stream = StreamingAssociator(toy.stations, FusionConfig(sound_speed_m_per_s=338.0), early_stages=only_ten, **options)
    stream._loudness.law = LoudnessLaw(spreading=1.0, absorption_per_km=0.05, scatter=0.3, reference_log_snr=math.log(3.0),
                                       expected=0.5, possible=-0.5)
    asked: list[float] = []

    def loud_enough(event: OpenEvent, now: float) -> bool:
        asked.append(now)
        return verdict

    stream._loud_enough = loud_enough  # type: ignore[method-assign]
    emission = Emission.concat(_feed(stream, _single_event_picks(toy), 1200.0))
    assert asked  # the tests were asked
    return emission, stream


def test_the_deciding_search_may_open_only_events_whose_loudness_agrees() -> None:
    emission, stream = _small_event_run(True, deciding_loudness=True)
    assert emission.opened_by.tolist() == ["deciding"] and emission.assignments.num_rows == 6
    emission, stream = _small_event_run(False, deciding_loudness=True)
    assert emission.events.num_rows == 0 and stream.deciding_rejected == 1


def test_a_loud_stage_opens_small_events_before_the_deciding_search_if_their_loudness_agrees() -> None:
    plain, _ = _small_event_run(True, deciding_loudness=True)
    emission, stream = _small_event_run(True, small_stage_age_s=61.0)
    assert emission.opened_by.tolist() == ["small"] and emission.assignments.num_rows == 6
    # searched 61 s after the chunk and its look-ahead, instead of once every pick of the chunk could have come
    assert emission.opened_at_s[0] < plain.opened_at_s[0] - 30.0
    assert emission.latency_s[0] < plain.latency_s[0] - 30.0
    # not loud enough: left to the deciding search (which opens it, without its own loudness test)
    emission, stream = _small_event_run(False, small_stage_age_s=61.0)
    assert emission.opened_by.tolist() == ["deciding"]


def test_the_deciding_search_may_leave_out_the_splinters_of_a_salvo_already_emitted() -> None:
    from truceline.fuse.atmosphere import DEFAULT_CELERITY_KM_S, travel_times

    toy = make_toy(seed=22, n_events=1, clutter_per_station=0, duration_s=600.0)
    stream = StreamingAssociator(toy.stations, deciding_splinters=0.5)
    net = stream._network
    x, y, t0 = float(np.mean(net.x_km)), float(np.mean(net.y_km)), 300.0
    near = np.argsort(np.hypot(net.x_km - x, net.y_km - y))[:5]
    arrival = t0 + travel_times(net.x_km[near], net.y_km[near], x, y, DEFAULT_CELERITY_KM_S, 0.0, 0.0)
    stream._buffer.append(np.array([f"p{k}" for k in range(5)], dtype=object), arrival, near, np.full(5, np.nan),
                          np.full(5, np.nan), np.full(5, np.nan), np.full(5, np.nan))
    found = OpenEvent(key=-1, x_km=x, y_km=y, t0_s=t0, tile=0, covariance=np.eye(3), chi2=1.0, n_obs=5,
                      seqs=list(range(5)), stations={int(s) for s in near})
    assert stream._splinter_share(found) == 0.0  # nothing emitted or open near it

    def emitted(dx_km: float, dt_s: float) -> tuple:  # an emitted event's record, holding picks of other stations
        record = OpenEvent(key=-1, x_km=x + dx_km, y_km=y, t0_s=t0 + dt_s, tile=0, covariance=np.eye(3), chi2=1.0, n_obs=4,
                           seqs=[], stations={0, 1})
        return record, np.array([0, 1]), np.zeros(2), np.full(2, np.nan), np.full(2, np.nan)

    # a salvo's source emitted 0.2 km and 0.1 s away: every pick of this one could be its, at stations it has none of
    stream._emitted_lately = [emitted(0.2, 0.1)]
    assert stream._splinter_share(found) == 1.0
    # a source a minute later is another event
    stream._emitted_lately = [emitted(0.2, 60.0)]
    assert stream._splinter_share(found) == 0.0


def test_the_continuous_schedule_emits_events_seconds_after_their_last_pick_without_losing_them() -> None:
    toy = make_toy(seed=41, n_events=150, clutter_per_station=3, duration_s=3600.0, loudness=True)
    plain, _ = replay(toy.stations, toy.picks, step_s=1.0)
    continuous, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"schedule": "continuous"})
    by = continuous.opened_by
    assert int(np.sum(by == "continuous")) >= 20 and "continuous" not in plain.opened_by.tolist()
    # its own events go seconds (of stream time) after their last pick, once complete (by the waits and by their loudness),
    # loud enough and not dominated; the stages' median event waits for its chunk's search
    mine = continuous.latency_s[by == "continuous"]
    assert np.all(mine >= 0.0) and float(np.median(mine)) <= 10.0 < float(np.median(plain.latency_s))
    assert np.all(continuous.opened_at_s[by == "continuous"] <= continuous.emitted_at_s[by == "continuous"])
    # once the loudness is learned (the last third of the feed), most events go within 10 s; in the stages' schedule few
    late = continuous.emitted_at_s >= 2400.0
    assert float(np.mean(continuous.latency_s[late] <= 10.0)) >= 0.5 > float(
        np.mean(plain.latency_s[plain.emitted_at_s >= 2400.0] <= 10.0))
    # no event lost, each emitted once, each pick in one event at most
    assert _matched(toy, continuous.events) >= _matched(toy, plain.events)
    assert len(set(continuous.events["event_id"].to_pylist())) == continuous.events.num_rows
    picks = continuous.assignments["pick_id"].to_pylist()
    assert len(picks) == len(set(picks))
    # the continuous search runs at fixed instants, so the result does not depend on how the feed is cut
    whole = StreamingAssociator(toy.stations, schedule="continuous")
    at_once = Emission.concat([whole.push(toy.picks), whole.flush()])
    assert at_once.opened_by.tolist() == by.tolist()
    assert at_once.assignments["pick_id"].to_pylist() == picks
    np.testing.assert_allclose(at_once.emitted_at_s, continuous.emitted_at_s)
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, schedule="every pick")
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, schedule="continuous", continuous_every_s=1.5)


def test_the_continuous_search_may_leave_a_crowded_candidate_to_the_stages() -> None:
    toy = make_toy(seed=22, n_events=1, clutter_per_station=0, duration_s=600.0)

    def event(dx_km: float, dt_s: float) -> OpenEvent:
        return OpenEvent(key=-1, x_km=dx_km, y_km=0.0, t0_s=300.0 + dt_s, tile=0, covariance=np.eye(3), chi2=1.0, n_obs=5,
                         seqs=[], stations={0, 1, 2, 3, 4})

    off = StreamingAssociator(toy.stations, schedule="continuous")
    on = StreamingAssociator(toy.stations, schedule="continuous", continuous_crowd_km=10.0, continuous_crowd_s=30.0)
    mine = event(0.0, 0.0)
    assert not off._crowded(mine, [mine, event(2.0, 5.0)])  # the test is off by default
    assert not on._crowded(mine, [mine])  # alone (itself does not count)
    assert on._crowded(mine, [mine, event(2.0, 5.0)])  # another candidate of the same run nearby
    assert not on._crowded(mine, [mine, event(12.0, 5.0), event(2.0, 45.0)])  # too far, too late
    on._open = [event(-3.0, -20.0)]  # an open event counts
    assert on._crowded(mine, [mine])
    on._open = []
    on._emitted_lately = [(event(0.5, 10.0), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0))]  # and one emitted lately
    assert on._crowded(mine, [mine])


def _bursts_toy():  # noqa: ANN202 - test helper
    """40 events in the first 20 minutes, then nothing for 80 minutes, then 16 events in 5 minutes and 8 more."""
    rng = np.random.default_rng(8)

    def burst(n: int, start_s: float, stop_s: float) -> list[tuple[float, float, float]]:
        return [(float(a), float(b), float(t)) for a, b, t in zip(rng.uniform(47.9, 48.1, n), rng.uniform(37.2, 37.9, n),
                                                                  np.sort(rng.uniform(start_s, stop_s, n)))]
    return make_toy(seed=23, clutter_per_station=1, duration_s=7600.0,
                    events=burst(40, 100.0, 1300.0) + burst(16, 6200.0, 6500.0) + burst(8, 6900.0, 7300.0))


def test_once_calibrated_the_model_may_stay_calibrated_through_a_quiet_hour() -> None:
    toy = _bursts_toy()
    first = float(np.min(_floats(toy.picks, "time")))
    runs = {}
    for stay in (False, True):
        emission, late = replay(toy.stations, toy.picks, step_s=1.0, options={"stay_calibrated": stay})
        assert late == []
        runs[stay] = emission
    # both calibrate in the first burst; after the quiet hour the first fit has the 16 events of the second burst only,
    # fewer than 20: by default the model counts as uncalibrated again and the deciding search opens everything
    for emission in runs.values():
        assert "early1" in emission.opened_by[emission.last_pick_s < first + 1400.0].tolist()
    after = {stay: emission.opened_by[emission.last_pick_s > first + 6700.0].tolist() for stay, emission in runs.items()}
    assert after[False].count("warm") >= 3
    assert "warm" not in after[True] and len(after[True]) >= 7
    assert _matched(toy, runs[True].events) >= _matched(toy, runs[False].events) - 1
    late_events = runs[True].last_pick_s > first + 6700.0
    assert np.median(runs[True].latency_s[late_events]) < np.median(runs[False].latency_s[runs[False].last_pick_s > first + 6700.0])


def test_the_first_calibration_may_come_as_soon_as_twenty_events_are_in() -> None:
    toy = _bursts_toy()
    first = float(np.min(_floats(toy.picks, "time")))
    openers = {}
    for warm_first_fit in (False, True):
        emission, _ = replay(toy.stations, toy.picks, step_s=1.0, options={"warm_first_fit": warm_first_fit})
        stages = emission.last_pick_s[emission.opened_by != "warm"]
        openers[warm_first_fit] = float(stages.min()) - first, _matched(toy, emission.events)
    # by default a first fit to 15 events leaves the model uncalibrated until 15 more have come (and 300 s have passed)
    assert openers[True][0] < openers[False][0] - 200.0
    assert openers[True][1] >= openers[False][1] - 1


def test_the_stages_may_search_a_chunk_once_its_events_picks_are_in_by_the_emitted_events_spans() -> None:
    toy = make_toy(seed=21, n_events=120, clutter_per_station=2, duration_s=3600.0, loudness=True)
    short = (Stage(age_s=30.0, chunk_s=20.0, lookahead_s=40.0, min_stations=10, max_seeds=200),
             Stage(age_s=60.0, chunk_s=20.0, lookahead_s=40.0, min_stations=5, max_seeds=200))
    fixed, _ = replay(toy.stations, toy.picks, step_s=1.0)
    by_spans, late = replay(toy.stations, toy.picks, step_s=1.0,
                            options={"early_stages": short, "stage_complete_quantile": 0.5})
    assert late == []
    assert _matched(toy, by_spans.events) >= _matched(toy, fixed.events)
    # the stages' events go sooner after their last pick: their chunks are searched when the median event's picks are in
    staged = {name: np.char.startswith(e.opened_by.astype(str), "early") for name, e in (("fixed", fixed), ("spans", by_spans))}
    assert staged["spans"].sum() >= staged["fixed"].sum()
    assert np.median(by_spans.latency_s[staged["spans"]]) < 0.6 * np.median(fixed.latency_s[staged["fixed"]])
    picks = by_spans.assignments["pick_id"].to_pylist()
    assert len(picks) == len(set(picks))
    with pytest.raises(ValueError):
        StreamingAssociator(toy.stations, stage_complete_quantile=0.0)
