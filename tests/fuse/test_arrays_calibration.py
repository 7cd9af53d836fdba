"""A network of a few array sites: the calibration's station floor for every fit (range slope, wind field and its
gain), the sites' back-azimuths in the calibration's fit, the loose pass's celerity scan, and the command's switch
(docs/fusion.md, "Session 21 (robust21a)")."""

from __future__ import annotations

import functools
from types import SimpleNamespace

import numpy as np
import pytest
from click.testing import CliRunner

import truceline.fuse.engine as engine
from tests.fuse.test_arrays import _toy_with_an_array
from truceline.cli import cli
from truceline.fuse.atmosphere import (PickedEvent, calibrate_field, fit_atmosphere, fit_range_slope, travel_times,
                                       wind_field_gain)
from truceline.fuse.engine import FusionConfig, has_arrays, scanned_loose_pass
from truceline.model.tables import ASSIGNMENTS, read_table, write_table


def _five_station_events(celerity_km_s: float, slope: float = 0.0, seed: int = 31, bearings: bool = False,
                         heard_by: int = 5) -> tuple[list[PickedEvent], np.ndarray, np.ndarray]:
    """Events along a 100 km front heard by sites 20-50 km behind it (each event by the ``heard_by`` nearest), their
    loose positions 2-3 km off; the celerity ``celerity_km_s`` at 15 km falling by ``slope`` per km."""
    rng = np.random.default_rng(seed)
    st_x = np.array([-40.0, -20.0, 0.0, 20.0, 40.0, -30.0, 10.0, 30.0])
    st_y = np.array([25.0, 40.0, 22.0, 45.0, 30.0, 48.0, 35.0, 20.0])
    events = []
    for _ in range(60):
        x, y = rng.uniform(-45.0, 45.0), rng.uniform(-5.0, 5.0)
        near = np.argsort(np.hypot(st_x - x, st_y - y))[:heard_by]
        times = 100.0 + travel_times(st_x[near], st_y[near], x, y, celerity_km_s, 0.002, -0.001, slope)
        times = times + rng.normal(0.0, 0.05, heard_by)
        theta = np.degrees(np.arctan2(x - st_x[near], y - st_y[near])) + rng.normal(0.0, 3.0, heard_by)
        events.append(PickedEvent(x_km=x + rng.normal(0.0, 2.5), y_km=y + rng.normal(0.0, 2.5), stations=near,
                                  times_s=times, tile=0, block=0, bearings_deg=theta if bearings else None,
                                  bearing_sigmas_deg=np.full(heard_by, 3.0) if bearings else None))
    return events, st_x, st_y


def test_every_fit_of_the_calibration_takes_the_station_floor() -> None:
    """Events of five stations: the range slope, the wind field and its gain see none of them at the default floor of
    six (no slope, no gain, the standard atmosphere) and fit them at a floor of five (``array_calibration_stations``)."""
    events, st_x, st_y = _five_station_events(0.33, slope=-0.0004)
    assert fit_range_slope(events, st_x, st_y) == 0.0
    assert fit_range_slope(events, st_x, st_y, min_stations=5) < -0.0001
    events, st_x, st_y = _five_station_events(0.33)  # one celerity for the field
    tiles = np.array([-30.0, 0.0, 30.0]), np.zeros(3)
    default = calibrate_field(events, st_x, st_y, *tiles, 1, spacing_km=20.0)
    np.testing.assert_array_equal(default[..., 0], 0.343)
    floor5 = calibrate_field(events, st_x, st_y, *tiles, 1, spacing_km=20.0, min_stations=5)
    assert np.all(np.abs(floor5[..., 0] - 0.33) < 0.01)
    assert wind_field_gain(events, st_x, st_y, 1, spacing_km=20.0) == 0.0
    assert wind_field_gain(events, st_x, st_y, 1, spacing_km=20.0, min_stations=5) != 0.0


def test_the_engine_gives_the_field_and_the_slope_the_arrays_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """With arrays beamed, ``calibrate_events`` passes ``array_calibration_stations`` to the wind field's fits and the
    range slope (they had a floor of six of their own); without arrays the floor is six."""
    seen: dict[str, list[int]] = {"field": [], "gain": [], "slope": []}
    real_field, real_gain, real_slope = engine.calibrate_field, engine.wind_field_gain, engine.fit_range_slope

    def field(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - a recording wrapper
        seen["field"].append(kwargs["min_stations"])
        return real_field(*args, **kwargs)

    def gain(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen["gain"].append(kwargs["min_stations"])
        return real_gain(*args, **kwargs)

    def slope(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen["slope"].append(kwargs["min_stations"])
        return real_slope(*args, **kwargs)

    monkeypatch.setattr(engine, "calibrate_field", field)
    monkeypatch.setattr(engine, "wind_field_gain", gain)
    monkeypatch.setattr(engine, "fit_range_slope", slope)
    stations, picks, _ = _toy_with_an_array()
    config = FusionConfig(array_beams=True, array_calibration_stations=5, wind_field_km=20.0, wind_field_min_gain=-1.0,
                          range_celerity=True, range_loose_kappa=None)
    engine.fuse(stations, picks, config)
    assert seen["gain"] == [5] and seen["field"] and set(seen["field"]) == {5} and set(seen["slope"]) == {5}
    for values in seen.values():
        values.clear()
    engine.fuse(stations, picks, FusionConfig(array_beams=False, wind_field_km=20.0, wind_field_min_gain=-1.0,
                                              range_celerity=True, range_loose_kappa=None))
    assert seen["gain"] == [6] and set(seen["field"]) == {6} and set(seen["slope"]) == {6}


def test_the_sites_bearings_enter_the_calibrations_fit() -> None:
    """Events heard at five sites, their loose positions 2.5 km off: with the sites' back-azimuths (3 degrees) as with
    the times alone the fit reads the celerity within 3 m/s; the bearings change the fit (they are used), bearings that
    are all NaN fit as none."""
    with_b, st_x, st_y = _five_station_events(0.318, bearings=True)
    without = [PickedEvent(x_km=e.x_km, y_km=e.y_km, stations=e.stations, times_s=e.times_s, tile=0, block=0)
               for e in with_b]
    start = np.array([0.343, 0.0, 0.0])
    fit_b = fit_atmosphere(with_b, st_x, st_y, start)
    fit_t = fit_atmosphere(without, st_x, st_y, start)
    assert abs(fit_b[0] - 0.318) < 0.003 and abs(fit_t[0] - 0.318) < 0.003
    assert not np.array_equal(fit_b, fit_t)
    nan = [PickedEvent(x_km=e.x_km, y_km=e.y_km, stations=e.stations, times_s=e.times_s, tile=0, block=0,
                       bearings_deg=np.full(5, np.nan), bearing_sigmas_deg=np.full(5, np.nan)) for e in with_b]
    np.testing.assert_array_equal(fit_atmosphere(nan, st_x, st_y, start), fit_t)


def test_the_calibration_takes_the_bearings_only_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """``array_calibration_bearings``: off (the default), the beamed run's calibration events carry no bearings; on,
    they carry the sites' detections' back-azimuths."""
    seen: list[bool] = []
    real = engine.calibrate

    def calibrate(events, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - a recording wrapper
        seen.append(any(e.bearings_deg is not None and np.isfinite(e.bearings_deg).any() for e in events))
        return real(events, *args, **kwargs)

    monkeypatch.setattr(engine, "calibrate", calibrate)
    stations, picks, _ = _toy_with_an_array()
    engine.fuse(stations, picks, FusionConfig(array_beams=True))
    assert seen and not any(seen)
    seen.clear()
    engine.fuse(stations, picks, FusionConfig(array_beams=True, array_calibration_bearings=True))
    assert seen and all(seen)


def test_the_scan_keeps_the_loose_pass_that_finds_the_most_calibration_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """``scanned_loose_pass``: each celerity of ``array_calibration_stations`` is tried; the pass with the most events
    of the floor's stations wins, ties keep the standard pass."""
    found_at = {0.33: [5, 5, 4], 0.317: [6, 5, 5, 5, 2], 0.305: [5, 3]}

    def first_pass(prep, config, atmosphere, **kwargs):  # noqa: ANN001, ANN003, ANN202 - a stand-in pass
        return SimpleNamespace(n_stations=np.array(found_at[round(float(atmosphere[0, 0, 0]), 3)]))

    monkeypatch.setattr(engine, "first_pass", first_pass)
    prep = SimpleNamespace(extras={"beam_members": np.zeros(0)})
    standard = np.tile(np.array([0.343, 0.001, 0.0]), (2, 3, 1))
    config = FusionConfig(array_beams=True, array_calibration_stations=5)
    first, atmosphere = scanned_loose_pass(prep, config, SimpleNamespace(n_stations=np.array([5, 5, 5, 4])), standard)
    assert list(first.n_stations) == [6, 5, 5, 5, 2] and atmosphere.shape == standard.shape
    np.testing.assert_array_equal(atmosphere[..., 0], 0.317)
    np.testing.assert_array_equal(atmosphere[..., 1:], 0.0)
    assert prep.extras["array_scan_celerity"][0] == pytest.approx(0.317)
    # a tie with the standard pass keeps it
    first, atmosphere = scanned_loose_pass(prep, config, SimpleNamespace(n_stations=np.array([5, 5, 6, 5])), standard)
    assert atmosphere is standard and list(first.n_stations) == [5, 5, 6, 5]


def test_a_mixed_network_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan runs only where every station is an array site: the toy network with one array keeps the standard
    loose pass (its single stations carry it)."""
    calls: list[int] = []
    monkeypatch.setattr(engine, "scanned_loose_pass", lambda *a, **k: calls.append(1))
    stations, picks, _ = _toy_with_an_array()
    engine.fuse(stations, picks, FusionConfig(array_beams=True))
    assert calls == []


def test_the_command_switches_arrays_on_and_off(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """``--arrays`` beams the array (its element picks assigned, the clutter pick not); ``--no-arrays`` and no flag
    (the library default, off) keep its elements stations; ``--arrays --streaming`` is refused; with arrays on by
    default, ``--streaming`` keeps the elements stations and says so."""
    stations, picks, n_events = _toy_with_an_array()
    assert has_arrays(stations, FusionConfig())
    write_table(stations, tmp_path / "stations.csv")
    write_table(picks, tmp_path / "picks.csv")
    base = ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks", str(tmp_path / "picks.csv")]
    elements = {f"Q{k}_{i}" for k in range(n_events) for i in range(5)}
    runs = {}
    for name, flags in (("on", ["--arrays"]), ("off", ["--no-arrays"]), ("default", [])):
        result = CliRunner().invoke(cli, [*base, "--out", str(tmp_path / name), *flags])
        assert result.exit_code == 0, result.output
        runs[name] = read_table(tmp_path / name / "assignments.csv", ASSIGNMENTS)
    assert elements <= set(runs["on"]["pick_id"].to_pylist()) and "Qclutter" not in set(runs["on"]["pick_id"].to_pylist())
    assert runs["off"].equals(runs["default"]) and not runs["off"].equals(runs["on"])
    refused = CliRunner().invoke(cli, [*base, "--out", str(tmp_path / "s"), "--arrays", "--streaming"])
    assert refused.exit_code != 0 and "batch only" in refused.output
    monkeypatch.setattr("truceline.fuse.commands.FusionConfig", functools.partial(FusionConfig, array_beams=True))
    streamed = CliRunner().invoke(cli, [*base, "--out", str(tmp_path / "stream"), "--streaming"])
    assert streamed.exit_code == 0, streamed.output
    assert "--streaming does not beam arrays" in streamed.output
