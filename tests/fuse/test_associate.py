"""Fusion on small self-made scenarios: location, separation, clutter, coverage, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from click.testing import CliRunner

from tests.fuse.synthetic import GEOD, make_toy
from truceline.cli import cli
from truceline.fuse import FusionConfig, associate
from truceline.model.tables import ASSIGNMENTS, EVENTS, read_table, write_table
from truceline.sim.scoring import inside_ellipse, match_events


def _floats(table: pa.Table, name: str) -> np.ndarray:
    return np.asarray(table[name].to_numpy(zero_copy_only=False), dtype=float)


def test_single_event_is_located_within_tolerance() -> None:
    # one event cannot calibrate the celerity: give it, as from a weather report
    toy = make_toy(events=[(48.0, 37.5, 300.0)], clutter_per_station=0, wind_m_s=(0.0, 0.0), speed_m_s=338.0)
    events, assignments = associate(toy.stations, toy.picks, FusionConfig(sound_speed_m_per_s=338.0))
    assert events.num_rows == 1
    _, _, metres = GEOD.inv(37.5, 48.0, _floats(events, "lon")[0], _floats(events, "lat")[0])
    assert metres < 100.0
    assert abs(_floats(events, "time")[0] - 300.0) < 0.3
    assert assignments.num_rows == (toy.pick_event == 0).sum()


def test_two_simultaneous_events_are_kept_apart() -> None:
    toy = make_toy(events=[(47.98, 37.3, 500.0), (48.03, 37.75, 500.4)], clutter_per_station=0)
    events, _ = associate(toy.stations, toy.picks)
    matching = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, _floats(events, "time"),
                            _floats(events, "lat"), _floats(events, "lon"))
    assert events.num_rows == 2
    assert len(matching.truth_index) == 2


def test_clutter_is_left_unassociated() -> None:
    toy = make_toy(seed=4, n_events=10, clutter_per_station=4)
    _, assignments = associate(toy.stations, toy.picks)
    ids = np.asarray(toy.picks["pick_id"].to_pylist())
    clutter = set(ids[toy.pick_event == -1].tolist())
    assigned = set(assignments["pick_id"].to_pylist())
    assert len(clutter & assigned) <= 0.05 * len(clutter)


def test_ellipse_coverage_and_detection_on_seeded_scenarios() -> None:
    inside_all: list[bool] = []
    matched = run = true = 0
    for seed in (11, 12, 13):
        toy = make_toy(seed=seed, n_events=20, noise_s=0.08)
        events, _ = associate(toy.stations, toy.picks)
        m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, _floats(events, "time"),
                         _floats(events, "lat"), _floats(events, "lon"))
        inside = inside_ellipse(toy.truth_lat[m.truth_index], toy.truth_lon[m.truth_index],
                                _floats(events, "lat")[m.run_index], _floats(events, "lon")[m.run_index],
                                _floats(events, "ellipse_major_km")[m.run_index],
                                _floats(events, "ellipse_minor_km")[m.run_index],
                                _floats(events, "ellipse_azimuth_deg")[m.run_index])
        inside_all.extend(inside.tolist())
        matched += len(m.truth_index)
        run += events.num_rows
        true += len(toy.truth_time)
    assert matched / true >= 0.95
    assert matched / run >= 0.95
    assert 0.80 <= float(np.mean(inside_all)) <= 1.0


def test_celerity_and_wind_are_calibrated_from_the_data() -> None:
    from truceline.fuse.engine import fuse

    toy = make_toy(seed=21, n_events=30, speed_m_s=336.0, wind_m_s=(5.0, -3.0))
    _, _, atmosphere = fuse(toy.stations, toy.picks)
    celerity, east, north = atmosphere[0].mean(axis=0) * 1000.0
    assert abs(celerity - 336.0) < 1.0
    assert abs(east - 5.0) < 1.5 and abs(north + 3.0) < 1.5


def test_the_calibrations_support_reaches_the_ellipses() -> None:
    # fuse records how far each calibration cell's events were (atmosphere.calibrate's support); to_tables reads it
    # in hours (uncertainty.support_variance); with a fixed sound speed nothing was calibrated and nothing is added
    from truceline.fuse.engine import fuse
    from truceline.fuse.events import calibration_support

    toy = make_toy(seed=21, n_events=30, speed_m_s=336.0, wind_m_s=(5.0, -3.0))
    prep, result, atmosphere = fuse(toy.stations, toy.picks)
    # (and FusionConfig.own_atmosphere_relocation, off by default, moves events of eight or more picks, ellipses kept)
    from truceline.fuse.events import to_tables

    kept, moved = (to_tables(prep, result, atmosphere, config=FusionConfig(own_atmosphere_relocation=flag)) for flag in (False, True))
    assert np.any(np.hypot(moved.x_km - kept.x_km, moved.y_km - kept.y_km) > 1e-4)
    np.testing.assert_allclose(moved.position_covariance_km2, kept.position_covariance_km2)
    support = calibration_support(prep, FusionConfig(block_s=1800.0))
    assert support is not None and support.shape == (prep.n_blocks, prep.n_tiles, 2)
    assert np.all(support[..., 1] > 0.0)  # the mean distance of its events from each tile's centre, km
    prep.extras["calibration_support"][..., 0] = 2.0  # blocks ...
    assert np.all(calibration_support(prep, FusionConfig(block_s=1800.0))[..., 0] == 1.0)  # ... of half an hour
    fixed, _, _ = fuse(toy.stations, toy.picks, FusionConfig(sound_speed_m_per_s=336.0))
    assert calibration_support(fixed, FusionConfig()) is None


def test_cli_writes_contract_files(tmp_path: Path) -> None:
    toy = make_toy(n_events=6, seed=5)
    write_table(toy.stations, tmp_path / "stations.csv")
    write_table(toy.picks, tmp_path / "picks.csv")
    result = CliRunner().invoke(cli, ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks",
                                      str(tmp_path / "picks.csv"), "--out", str(tmp_path / "run")])
    assert result.exit_code == 0, result.output
    events = read_table(tmp_path / "run" / "events.csv", EVENTS)
    assignments = read_table(tmp_path / "run" / "assignments.csv", ASSIGNMENTS)
    assert events.num_rows >= 5
    assert set(assignments["event_id"].to_pylist()) <= set(events["event_id"].to_pylist())
    for column in ("time_sigma_s", "ellipse_major_km", "ellipse_minor_km", "ellipse_azimuth_deg", "n_picks", "side", "kind"):
        assert column in events.column_names


def test_cli_rejects_unknown_station(tmp_path: Path) -> None:
    toy = make_toy(n_events=2, seed=5)
    write_table(toy.stations, tmp_path / "stations.csv")
    bad = toy.picks.set_column(1, "station_id", pa.array(["S99"] + toy.picks["station_id"].to_pylist()[1:]))
    write_table(bad, tmp_path / "picks.csv")
    from truceline.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["associate", "--stations", str(tmp_path / "stations.csv"), "--picks", str(tmp_path / "picks.csv"),
              "--out", str(tmp_path / "run")])
    assert stop.value.code == 2
    assert not (tmp_path / "run" / "events.csv").exists()


def test_salvo_members_exchanging_picks_get_ellipses_that_hold_them() -> None:
    # batteries of six guns a hundred metres apart firing within a few seconds: their arrivals
    # interleave at every station and members exchange picks; the ellipses must still hold
    # the true sources (a per-event covariance from the pick noise alone holds about 1 in 10)
    inside_all: list[bool] = []
    majors: list[float] = []
    for seed in (31, 32):
        rng = np.random.default_rng(seed)
        salvo: list[tuple[float, float, float]] = []
        for battery in range(5):
            lat0, lon0, t0 = rng.uniform(47.93, 48.07), rng.uniform(37.25, 37.85), 150.0 + 300.0 * battery
            for round_ in range(6):
                salvo.append((lat0 + rng.normal(0, 0.0008), lon0 + rng.normal(0, 0.0012), t0 + round_ * rng.uniform(0.3, 1.2)))
        toy = make_toy(seed=seed, events=sorted(salvo, key=lambda e: e[2]), noise_s=0.1)
        events, _ = associate(toy.stations, toy.picks)
        m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, _floats(events, "time"),
                         _floats(events, "lat"), _floats(events, "lon"))
        assert len(m.truth_index) >= 25
        inside = inside_ellipse(toy.truth_lat[m.truth_index], toy.truth_lon[m.truth_index],
                                _floats(events, "lat")[m.run_index], _floats(events, "lon")[m.run_index],
                                _floats(events, "ellipse_major_km")[m.run_index],
                                _floats(events, "ellipse_minor_km")[m.run_index],
                                _floats(events, "ellipse_azimuth_deg")[m.run_index])
        inside_all.extend(inside.tolist())
        majors.extend(_floats(events, "ellipse_major_km").tolist())
    assert 0.75 <= float(np.mean(inside_all)) <= 1.0
    assert float(np.median(majors)) < 1.5  # still says where the battery is


def test_an_event_heard_only_by_far_stations_is_not_kept() -> None:
    """Eight stations hearing a 'source' that the working stations nearer to it did not hear is a chance
    coincidence (sound weakens with distance), not an event; the same source heard by its neighbours is."""
    # every station reports clutter now and then, so all of them are known to be working
    toy = make_toy(events=[(48.0, 37.55, 600.0)], clutter_per_station=4, wind_m_s=(0.0, 0.0), noise_s=0.05)
    config = FusionConfig(sound_speed_m_per_s=338.0)
    heard, _ = associate(toy.stations, toy.picks, config)
    assert heard.num_rows == 1

    lat = _floats(toy.stations, "lat")
    lon = _floats(toy.stations, "lon")
    _, _, metres = GEOD.inv(np.full(len(lat), 37.55), np.full(len(lat), 48.0), lon, lat)
    distance = dict(zip(toy.stations["station_id"].to_pylist(), metres))
    station_of_pick = toy.picks["station_id"].to_pylist()
    true_picks = np.flatnonzero(toy.pick_event == 0)
    by_distance = sorted(true_picks, key=lambda i: distance[station_of_pick[i]])
    far_only = set(by_distance[-8:])
    keep = [i for i in range(toy.picks.num_rows) if toy.pick_event[i] != 0 or i in far_only]
    scattered, _ = associate(toy.stations, toy.picks.take(pa.array(keep)), config)
    assert scattered.num_rows == 0


def test_relative_times_do_not_depend_on_where_the_clock_starts() -> None:
    from truceline.fuse.engine import relative_times

    written = np.round(np.random.default_rng(3).uniform(0.0, 3600.0, 5000), 3)  # times as a file gives them (ms)
    origin_a, relative_a = relative_times(written + 100.0)
    origin_b, relative_b = relative_times(written + 1_780_272_000.0)  # Unix time: ~2e-7 s resolution
    assert (origin_a, origin_b) == (float(np.floor(written.min())) + 100.0, float(np.floor(written.min())) + 1_780_272_000.0)
    assert np.array_equal(relative_a, relative_b)


def test_associating_in_unix_time_gives_the_same_events_as_from_zero() -> None:
    toy = make_toy(seed=8, n_events=25)
    written = np.round(_floats(toy.picks, "time"), 3)
    runs = []
    for shift in (0.0, 1_780_272_000.0):
        picks = toy.picks.set_column(toy.picks.schema.get_field_index("time"), "time", pa.array(written + shift))
        events, assignments = associate(toy.stations, picks)
        runs.append((events, assignments, shift))
    (a, a_picks, _), (b, b_picks, shift) = runs
    assert a.num_rows == b.num_rows >= 20
    np.testing.assert_allclose(_floats(b, "time") - shift, _floats(a, "time"), atol=2e-4)
    for column in ("lat", "lon", "ellipse_major_km", "ellipse_minor_km", "time_sigma_s", "n_picks"):
        assert a[column].equals(b[column]), column
    assert a_picks.equals(b_picks)


def test_a_clock_offset_the_calibration_understates_is_found_again_among_the_tight_passs_arrivals() -> None:
    """``FusionConfig.clock_recheck``: a station 1.9 s late among single rounds and two-round missions (1.5 s apart).
    The loose pass's median residual corrects it by about half (its events absorb the rest); the offset left over is
    the mode of the station's picks about the tight pass's predicted arrivals, and is added; no station on time is
    corrected (docs/fusion.md, "Session 12 (cov12)")."""
    import pyarrow as pa

    from truceline.fuse.engine import fuse

    rng = np.random.default_rng(3)
    events = []
    for k in range(36):
        lat, lon, t = rng.uniform(47.93, 48.07), rng.uniform(37.3, 37.9), 100.0 + 40.0 * k
        events.extend((lat, lon, t + 1.5 * r) for r in range(2 if k % 3 == 0 else 1))
    toy = make_toy(seed=5, events=events, duration_s=1700.0, clutter_per_station=3)
    late = np.array(toy.picks["station_id"].to_pylist()) == "S05"
    picks = toy.picks.set_column(toy.picks.column_names.index("time"), "time",
                                 pa.array(toy.picks["time"].to_numpy() + np.where(late, 1.9, 0.0)))
    corrections = {}
    for flag in (False, True):
        prep, _, _ = fuse(toy.stations, picks, FusionConfig(clock_recheck=flag))
        applied = np.zeros(prep.network.size)
        applied[prep.pick_station] = prep.raw_time - prep.pick_time
        corrections[flag] = applied
    station = prep.network.index_of()["S05"]
    others = np.arange(len(corrections[True])) != station
    assert abs(corrections[False][station] - 1.9) > 0.5  # the calibration's median understates it
    assert abs(corrections[True][station] - 1.9) < 0.1
    assert np.all(corrections[True][others] == 0.0)


def _toy_with_a_late_station(offset_s: float, interval_s: float, seed: int = 3):
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    events = []
    for k in range(36):
        lat, lon, t = rng.uniform(47.93, 48.07), rng.uniform(37.3, 37.9), 100.0 + 40.0 * k
        events.extend((lat, lon, t + interval_s * r) for r in range(2 if k % 3 == 0 else 1))
    toy = make_toy(seed=5, events=events, duration_s=1700.0, clutter_per_station=3)
    late = np.array(toy.picks["station_id"].to_pylist()) == "S05"
    picks = toy.picks.set_column(toy.picks.column_names.index("time"), "time",
                                 pa.array(toy.picks["time"].to_numpy() + np.where(late, offset_s, 0.0)))
    return toy, picks


def _applied_corrections(toy, picks, config: FusionConfig) -> tuple[np.ndarray, int]:
    from truceline.fuse.engine import fuse

    prep, _, _ = fuse(toy.stations, picks, config)
    applied = np.zeros(prep.network.size)
    applied[prep.pick_station] = prep.raw_time - prep.pick_time
    return applied, prep.network.index_of()["S05"]


def test_a_clock_offset_near_a_round_interval_is_corrected_fully_at_the_calibration() -> None:
    """``FusionConfig.clock_unabsorbed``: a station 1.9 s late among single rounds and two-round missions (1.5 s
    apart). The loose pass's median residual corrects it by about half (its events absorb the rest, and the left-over
    is near the round interval); read against a tight pass's events located without its picks, the offset is
    corrected fully, and no station on time is corrected (docs/fusion.md, "Session 13 (cov13)")."""
    toy, picks = _toy_with_a_late_station(1.9, 1.5)
    before, station = _applied_corrections(toy, picks, FusionConfig())
    after, _ = _applied_corrections(toy, picks, FusionConfig(clock_unabsorbed=True))
    others = np.arange(len(after)) != station
    assert abs(before[station] - 1.9) > 0.5  # the calibration's median understates it
    assert abs(after[station] - 1.9) < 0.1
    assert np.all(after[others] == 0.0)


def test_a_clock_reading_needs_the_peak_in_both_halves_of_the_run() -> None:
    """``clocks.peak_of``: a pile of residuals at +1.2 s over the whole run is conclusive; the same number of residuals
    piled only in the first half (a passing disturbance, not a clock) is not, nor is an even spread."""
    from truceline.fuse.clocks import peak_of

    rng = np.random.default_rng(0)
    spread = rng.uniform(-2.5, 2.5, 300)
    spread_at = rng.uniform(0.0, 86400.0, 300)
    pile = 1.2 + rng.normal(0.0, 0.08, 60)
    whole = peak_of(np.concatenate([spread, pile]), np.concatenate([spread_at, rng.uniform(0.0, 86400.0, 60)]))
    assert whole.conclusive and abs(whole.offset_s - 1.2) < 0.05
    first_half = peak_of(np.concatenate([spread, pile]), np.concatenate([spread_at, rng.uniform(0.0, 30000.0, 60)]))
    assert not first_half.conclusive
    assert not peak_of(spread, spread_at).conclusive


def test_the_loose_reading_of_unabsorbed_clocks_corrects_the_same_station() -> None:
    """``FusionConfig.clock_unabsorbed_loose``: the same reading in the calibration itself, against the loose pass's
    calibration events: the late station is corrected fully there, no station on time is corrected."""
    toy, picks = _toy_with_a_late_station(1.9, 1.5)
    after, station = _applied_corrections(toy, picks, FusionConfig(clock_unabsorbed_loose=True))
    others = np.arange(len(after)) != station
    assert abs(after[station] - 1.9) < 0.1
    assert np.all(after[others] == 0.0)


def test_a_clock_the_calibration_understates_widens_the_ellipses_of_its_events_without_moving_them() -> None:
    """``FusionConfig.clock_doubt``: a station 1.9 s late among single rounds and two-round missions (1.5 s apart), the
    calibration correcting about half of it. Its offset read again against the final events located without it
    differs from the correction by about the left-over; that doubt, squared, enters its picks' variance: the events
    holding its picks get larger ellipses, the others and every position and assignment stay as they were (the
    coverage itself: ``tests/fuse/test_uncertainty.py``) (docs/fusion.md, "Session 17 (cover17)")."""
    from truceline.fuse.engine import clock_doubt_s, fuse
    from truceline.fuse.events import to_tables

    toy, picks = _toy_with_a_late_station(1.9, 1.5)
    prep, result, atmosphere = fuse(toy.stations, picks, FusionConfig())
    station = prep.network.index_of()["S05"]
    applied = prep.raw_time[prep.pick_station == station][0] - prep.pick_time[prep.pick_station == station][0]
    doubt = clock_doubt_s(prep, FusionConfig(), result, atmosphere)
    assert abs(applied + doubt[station] - 1.9) < 0.15  # the reading: the left-over, as a doubt
    assert np.all(doubt[np.arange(len(doubt)) != station] == 0.0)
    before = to_tables(prep, result, atmosphere, config=FusionConfig(), batch=True)
    after = to_tables(prep, result, atmosphere, config=FusionConfig(clock_doubt=True), batch=True)
    assert before.assignments.equals(after.assignments)
    for column in ("time", "lat", "lon", "n_picks"):
        assert before.events[column].equals(after.events[column]), column
    holds = np.zeros(before.events.num_rows, dtype=bool)
    late_ids = {str(p) for p in prep.pick_ids[prep.pick_station == station]}
    event_ids = np.array(before.events["event_id"].to_pylist())
    for pick, event in zip(before.assignments["pick_id"].to_pylist(), before.assignments["event_id"].to_pylist()):
        if str(pick) in late_ids:
            holds[event_ids == event] = True
    assert holds.sum() >= 6
    major_before, major_after = _floats(before.events, "ellipse_major_km"), _floats(after.events, "ellipse_major_km")
    minor_before, minor_after = _floats(before.events, "ellipse_minor_km"), _floats(after.events, "ellipse_minor_km")
    np.testing.assert_array_equal(major_after[~holds], major_before[~holds])
    assert np.all(major_after[holds] * minor_after[holds] >= major_before[holds] * minor_before[holds])
    assert np.mean(major_after[holds] * minor_after[holds] > 1.2 * major_before[holds] * minor_before[holds]) > 0.5


def test_cli_reach_km_is_the_configs(tmp_path: Path) -> None:
    """``--reach-km`` reaches ``FusionConfig.reach_km``: the default is the config's (38 km), and a reach shorter than
    the toy's station spacing leaves events unlocated that the default finds."""
    assert FusionConfig().reach_km == 38.0
    toy = make_toy(n_events=6, seed=5)
    write_table(toy.stations, tmp_path / "stations.csv")
    write_table(toy.picks, tmp_path / "picks.csv")
    counts = []
    for extra in ([], ["--reach-km", "6"]):
        out = tmp_path / f"run{len(extra)}"
        result = CliRunner().invoke(cli, ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks",
                                          str(tmp_path / "picks.csv"), "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        counts.append(read_table(out / "events.csv", EVENTS).num_rows)
    assert counts[0] >= 5 and counts[1] < counts[0]


def test_cli_reads_gross_clocks_by_default_and_can_be_told_not_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``truceline associate`` runs ``clock_pairs`` unless ``--no-clock-pairs`` (docs/fusion.md, "Session 21
    (robust21b)")."""
    from truceline.fuse import commands

    toy = make_toy(n_events=2, seed=5)
    write_table(toy.stations, tmp_path / "stations.csv")
    write_table(toy.picks, tmp_path / "picks.csv")
    seen: list[FusionConfig] = []

    def stop(stations: pa.Table, picks: pa.Table, config: FusionConfig):
        seen.append(config)
        raise RuntimeError("stop")

    monkeypatch.setattr(commands, "fuse", stop)
    for flags, expected in (([], True), (["--no-clock-pairs"], False)):
        CliRunner().invoke(cli, ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks",
                                 str(tmp_path / "picks.csv"), "--out", str(tmp_path / "run"), *flags])
        assert seen[-1].clock_pairs is expected
