"""The wide loose pass of a celerity that varies with range (``FusionConfig.range_loose_kappa``, with
``range_celerity``): the standard loose window (2.5 % of the travel time) keeps a far pick out of its events when the
celerity falls with range, so the calibration sees no slope; the wide pass sees it, and is iterated while the
calibration moves. Where it finds no slope the run is the one without it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

REPOSITORY = Path(__file__).resolve().parents[2]
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))

from benchmarks.foreign_sim2 import Config2, generate, write  # noqa: E402
from tests.fuse.synthetic import make_toy  # noqa: E402
from truceline.cli import cli  # noqa: E402
from truceline.fuse import engine  # noqa: E402
from truceline.fuse.engine import FusionConfig, fuse, moved_beyond, range_slope, wants_wide_pass  # noqa: E402
from truceline.fuse.events import to_tables  # noqa: E402
from truceline.model.tables import read_picks, read_stations, write_table  # noqa: E402

# foreign_sim2's celerity falling with range alone (its default far celerity, 0.285-0.305 km/s; robust19's g2cel in half an hour)
FALLING = Config2(hours=0.5, layout="sparse", minimal=True, iso_times=True, clutter=0.3, big_clocks=0, gross_fraction=0.0,
                  wind_scale=0.0, singles_per_hour=30.0)


def _scored(scenario: Path, out: Path, config: FusionConfig) -> tuple[float, dict]:
    stations = read_stations(scenario / "stations.csv")
    prep, result, atmosphere = fuse(stations, read_picks(scenario / "picks.csv", stations), config)
    located = to_tables(prep, result, atmosphere, config=config, batch=True)
    out.mkdir(parents=True)
    write_table(located.events, out / "events.csv")
    write_table(located.assignments, out / "assignments.csv")
    scored = CliRunner().invoke(cli, ["score", "--truth", str(scenario), "--run", str(out)])
    assert scored.exit_code == 0, scored.output
    return range_slope(prep), json.loads(scored.stdout)


def test_the_wide_loose_pass_finds_the_fall_the_standard_one_misses(tmp_path: Path) -> None:
    scenario = tmp_path / "falling"
    write(generate(FALLING, 2), scenario)
    config = FusionConfig(range_celerity=True, reach_from_network=True)
    narrow_slope, narrow = _scored(scenario, tmp_path / "narrow", FusionConfig(range_celerity=True, reach_from_network=True,
                                                                                range_loose_kappa=None))
    wide_slope, wide = _scored(scenario, tmp_path / "wide", config)
    # the standard window's events give a slope within 3 standard errors of 0, taken as 0: every event off its ellipse
    assert narrow_slope == 0.0
    assert narrow["ellipse_coverage_95"] < 0.2
    # the wide pass's: a celerity falling by about 0.0003 km/s per km (0.034 s/km on a 30 km path's mean), most events
    # matched and inside their ellipses (measured: 23 -> 35 of 39 matched, coverage 0 -> 1)
    assert -0.0005 < wide_slope < -0.0002
    assert wide["n_matched"] >= narrow["n_matched"] + 8
    assert wide["precision"] > 0.85 and wide["ellipse_coverage_95"] > 0.9


def test_without_a_slope_the_wide_pass_leaves_the_run_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    toy = make_toy(seed=5, n_events=20, wind_m_s=(0.0, 0.0), noise_s=0.05)
    kappas: list[float] = []
    first_pass = engine.first_pass

    def counted(prep, config, atmosphere, *args, **kwargs):  # type: ignore[no-untyped-def]
        kappas.append(config.first_pass_kappa)
        return first_pass(prep, config, atmosphere, *args, **kwargs)

    monkeypatch.setattr(engine, "first_pass", counted)
    # a gate no slope passes: the wide pass runs once, finds none, and its calibration is dropped
    gated = dict(range_celerity=True, range_celerity_min_z=1e9)
    prep_none, result_none, atmosphere_none = fuse(toy.stations, toy.picks, FusionConfig(**gated, range_loose_kappa=None))
    assert 0.1 not in kappas
    prep_wide, result_wide, atmosphere_wide = fuse(toy.stations, toy.picks, FusionConfig(**gated))
    assert kappas.count(0.1) == 1
    assert range_slope(prep_wide) == 0.0
    np.testing.assert_array_equal(atmosphere_wide, atmosphere_none)
    np.testing.assert_array_equal(result_wide.x_km, result_none.x_km)
    np.testing.assert_array_equal(result_wide.t0_s, result_none.t0_s)
    np.testing.assert_array_equal(prep_wide.pick_time, prep_none.pick_time)
    assert sorted(prep_wide.extras) == sorted(prep_none.extras)
    np.testing.assert_array_equal(prep_wide.extras["calibration_support"], prep_none.extras["calibration_support"])
    # off: no wide pass at all
    kappas.clear()
    fuse(toy.stations, toy.picks, FusionConfig())
    assert 0.1 not in kappas


def test_a_calibration_moves_by_its_celerity_or_its_slope_at_the_reach() -> None:
    config = FusionConfig(reach_km=38.0, loose_pass_shift=0.005)
    atmosphere = np.tile(np.array([0.33, 0.0, 0.0]), (2, 3, 1))
    assert not moved_beyond(config, atmosphere, -0.0003, atmosphere, -0.0003)
    assert moved_beyond(config, atmosphere * 1.01, -0.0003, atmosphere, -0.0003)
    # 0.0001 km/s per km over the 23 km from 15 km to the reach is 0.7 % of 0.33 km/s; 0.00005 is 0.35 %
    assert moved_beyond(config, atmosphere, -0.0003, atmosphere, -0.0002)
    assert not moved_beyond(config, atmosphere, -0.00025, atmosphere, -0.0002)


def test_the_wide_pass_follows_no_slope_or_a_strong_one() -> None:
    toy = make_toy(seed=5, n_events=4)
    prep, _, _ = fuse(toy.stations, toy.picks, FusionConfig(range_celerity=True))
    config = FusionConfig(range_celerity=True, reach_km=38.0, range_loose_shift=0.01)
    atmosphere = np.tile(np.array([0.33, 0.0, 0.0]), (1, 1, 1))
    # 23 km from 15 km to the reach: -0.00035 km/s per km is 2.4 % of 0.33 km/s (g1), -0.00005 is 0.35 % (g2mild)
    for slope, wanted in ((0.0, True), (-0.00035, True), (-0.00005, False), (0.00003, False)):
        prep.extras["range_slope"] = np.array([slope])
        assert wants_wide_pass(prep, config, atmosphere) is wanted
