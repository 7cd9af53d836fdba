"""``FusionConfig.array_beams``: a site's elements beamed into plane-wave detections (``fuse/arrays.py``;
docs/fusion.md, "Session 20 (arrays20)")."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from click.testing import CliRunner
from pyproj import Geod

from truceline.fuse.arrays import (ArraySettings, element_clock_offsets, fit_plane_wave, is_acoustic,
                                   site_detections)
from truceline.fuse.engine import FusionConfig, beamed_arrays, calibration_min_stations, fuse, prepare, with_beams
from truceline.fuse.events import associate, to_tables
from truceline.cli import cli
from truceline.model.tables import ASSIGNMENTS, read_table, write_table
from tests.fuse.synthetic import make_toy

GEOD = Geod(ellps="WGS84")
SITE_LAT, SITE_LON = 48.0, 37.5
# five elements within 300 m of one another (east, north offsets in km)
ELEMENTS_KM = np.array([[0.0, 0.0], [0.12, 0.05], [-0.08, 0.11], [0.03, -0.13], [-0.11, -0.06]])


def _element_latlon() -> tuple[np.ndarray, np.ndarray]:
    lat = SITE_LAT + ELEMENTS_KM[:, 1] / 111.2
    lon = SITE_LON + ELEMENTS_KM[:, 0] / (111.2 * np.cos(np.radians(SITE_LAT)))
    return lat, lon


def _arrivals(source_bearing_deg: float, range_km: float, origin_s: float, rng: np.random.Generator,
              noise_s: float = 0.02) -> np.ndarray:
    """Arrival times at the elements from a source at that bearing and range from the site (ellipsoid paths, 340 m/s)."""
    src_lon, src_lat, _ = GEOD.fwd(SITE_LON, SITE_LAT, source_bearing_deg, range_km * 1000.0)
    lat, lon = _element_latlon()
    _, _, dist_m = GEOD.inv(np.full(5, src_lon), np.full(5, src_lat), lon, lat)
    return origin_s + dist_m / 340.0 + rng.normal(0.0, noise_s, 5)


def test_the_plane_wave_fit_recovers_a_known_back_azimuth() -> None:
    """A seeded toy array: the source 10 km away at 60 degrees; the fit's bearing is within 3 sigma and 3 degrees of
    it (the frame here is east/north at the site), its apparent velocity is acoustic."""
    rng = np.random.default_rng(20)
    times = _arrivals(60.0, 10.0, 100.0, rng)
    wave = fit_plane_wave(ELEMENTS_KM[:, 0], ELEMENTS_KM[:, 1], times, 0.02)
    assert wave is not None
    error = (wave.frame_bearing_deg - 60.0 + 180.0) % 360.0 - 180.0
    sigma = wave.bearing_sigma_deg(1.0 / 0.34)
    assert abs(error) < 3.0 and abs(error) < 3.0 * sigma
    assert 0.3 < wave.velocity_km_s < 0.38
    assert is_acoustic(wave, min_velocity_km_s=0.28, max_velocity_km_s=0.45, z=2.0)


def test_a_clutter_coincidence_is_refused() -> None:
    """Picks at three or more elements within the aperture's time that no acoustic plane wave explains (all at once:
    an apparent velocity of kilometres per second; or slower than sound across the array) make no detection."""
    settings = ArraySettings()
    element = np.arange(5)
    simultaneous = np.full(5, 50.0) + np.array([0.0, 0.01, -0.01, 0.005, 0.0])
    wave = fit_plane_wave(ELEMENTS_KM[:, 0], ELEMENTS_KM[:, 1], simultaneous, settings.sigma_s)
    assert wave is not None and wave.velocity_km_s > 2.0
    assert not is_acoustic(wave, min_velocity_km_s=0.28, max_velocity_km_s=0.45, z=2.0)
    assert site_detections(ELEMENTS_KM[:, 0], ELEMENTS_KM[:, 1], element, simultaneous, settings) == []
    slow = 50.0 + ELEMENTS_KM[:, 0] / 0.2  # 200 m/s eastwards
    assert site_detections(ELEMENTS_KM[:, 0], ELEMENTS_KM[:, 1], element, slow, settings) == []
    rng = np.random.default_rng(21)
    acoustic = _arrivals(200.0, 8.0, 40.0, rng)
    found = site_detections(ELEMENTS_KM[:, 0], ELEMENTS_KM[:, 1], element, acoustic, settings)
    assert len(found) == 1 and len(found[0].rows) == 5


def test_an_element_clock_off_by_seconds_is_read_against_its_siblings() -> None:
    """Sixty sources around the site; element 2's clock 3 s fast, element 4's 2.6 s slow: both read to 0.05 s, the
    others left at 0."""
    rng = np.random.default_rng(22)
    times, element = [], []
    for k in range(60):
        t = _arrivals(rng.uniform(0.0, 360.0), rng.uniform(3.0, 30.0), 60.0 * k, rng)
        t[2] += 3.0
        t[4] -= 2.6
        times.extend(t.tolist())
        element.extend(range(5))
    offset = element_clock_offsets(ELEMENTS_KM[:, 0], ELEMENTS_KM[:, 1], np.array(element), np.array(times),
                                   ArraySettings())
    assert np.allclose(offset, [0.0, 0.0, 3.0, 0.0, -2.6], atol=0.05)


def _toy_with_an_array() -> tuple[pa.Table, pa.Table, int]:
    """The toy network plus a five-element array (``A0``-``A4``) near its middle; the toy's events are heard there."""
    toy = make_toy(seed=5, n_events=15, clutter_per_station=1, array_every=100)
    lat, lon = _element_latlon()
    stations = pa.concat_tables([toy.stations, pa.table({"station_id": [f"A{i}" for i in range(5)], "lat": lat, "lon": lon,
                                                         "kind": ["mic"] * 5})])
    rng = np.random.default_rng(23)
    rows = []
    for k, (ev_lat, ev_lon, ev_t) in enumerate(zip(toy.truth_lat, toy.truth_lon, toy.truth_time)):
        az, _, dist_m = GEOD.inv(np.full(5, ev_lon), np.full(5, ev_lat), lon, lat)
        along = 4.0 * np.sin(np.radians(az)) - 2.0 * np.cos(np.radians(az))  # the toy's wind (4, -2) m/s
        for i in range(5):
            rows.append((f"Q{k}_{i}", f"A{i}", float(ev_t + dist_m[i] / (338.0 + along[i]) + rng.normal(0.0, 0.03))))
    rows.append(("Qclutter", "A1", 1790.0))
    extra = pa.table({"pick_id": [r[0] for r in rows], "station_id": [r[1] for r in rows], "time": [r[2] for r in rows],
                      "backazimuth_deg": pa.nulls(len(rows), pa.float64()),
                      "backazimuth_sigma_deg": pa.nulls(len(rows), pa.float64())})
    picks = pa.concat_tables([toy.picks.select(extra.column_names), extra])
    return stations, picks, len(toy.truth_time)


def test_a_site_is_one_station_and_every_element_pick_of_a_detection_is_assigned() -> None:
    """The five elements become one station with one detection per event (its back-azimuth given); every element pick
    of an event's detection is assigned to that event, the lone clutter pick to none."""
    stations, picks, n_events = _toy_with_an_array()
    config = FusionConfig(array_beams=True)
    beamed = beamed_arrays(stations, picks, config)
    assert beamed is not None
    assert list(beamed.sites) == ["A0+4"] and beamed.stations.num_rows == stations.num_rows - 4
    assert len(beamed.members) == n_events
    site_picks = beamed.picks.filter(pa.compute.equal(beamed.picks["station_id"], "A0+4"))
    assert site_picks.num_rows == n_events and site_picks["backazimuth_deg"].null_count == 0
    events, assignments = associate(stations, picks, config)
    assert events.num_rows == n_events
    assigned = dict(zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()))
    for k in range(n_events):
        owners = {assigned.get(f"Q{k}_{i}") for i in range(5)}
        assert len(owners) == 1 and None not in owners
    assert "Qclutter" not in assigned
    counts = dict(zip(events["event_id"].to_pylist(), events["n_picks"].to_pylist()))
    assert all(counts[e] == sum(1 for v in assigned.values() if v == e) for e in counts)


def test_without_clustered_stations_the_option_changes_nothing() -> None:
    """No site of three stations within ``site_km``: the tables are used as given, the output the same."""
    toy = make_toy(seed=3, events=[(48.0, 37.5, 300.0), (47.95, 37.3, 900.0)], clutter_per_station=1)
    assert beamed_arrays(toy.stations, toy.picks, FusionConfig(array_beams=True)) is None
    off = to_tables(*fuse(toy.stations, toy.picks, FusionConfig()), config=FusionConfig(), batch=True)
    on_config = FusionConfig(array_beams=True)
    on = to_tables(*fuse(toy.stations, toy.picks, on_config), config=on_config, batch=True)
    assert on.events.equals(off.events) and on.assignments.equals(off.assignments)


def test_the_calibration_takes_fewer_stations_only_when_arrays_were_beamed() -> None:
    """``array_calibration_stations`` applies to a run whose arrays were beamed (a few sites), not to other networks."""
    stations, picks, _ = _toy_with_an_array()
    config = FusionConfig(array_beams=True, array_calibration_stations=5)
    beamed = beamed_arrays(stations, picks, config)
    assert beamed is not None
    prep = prepare(beamed.stations, beamed.picks, config)
    assert calibration_min_stations(prep, config) == 6  # the prepared picks alone: nothing beamed yet
    with_beams(prep, beamed)
    assert calibration_min_stations(prep, config) == 5
    toy = make_toy(seed=3, events=[(48.0, 37.5, 300.0)], clutter_per_station=0)
    assert calibration_min_stations(prepare(toy.stations, toy.picks, config), config) == 6


def test_the_command_beams_arrays_on_request(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    """``truceline associate --arrays``: the element picks of the array's detections are assigned; without the flag the
    elements are stations as before; with ``--streaming`` it is refused."""
    stations, picks, n_events = _toy_with_an_array()
    write_table(stations, tmp_path / "stations.csv")
    write_table(picks, tmp_path / "picks.csv")
    base = ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks", str(tmp_path / "picks.csv")]
    result = CliRunner().invoke(cli, [*base, "--out", str(tmp_path / "on"), "--arrays"])
    assert result.exit_code == 0, result.output
    assigned = set(read_table(tmp_path / "on" / "assignments.csv", ASSIGNMENTS)["pick_id"].to_pylist())
    assert {f"Q{k}_{i}" for k in range(n_events) for i in range(5)} <= assigned and "Qclutter" not in assigned
    refused = CliRunner().invoke(cli, [*base, "--out", str(tmp_path / "s"), "--arrays", "--streaming"])
    assert refused.exit_code != 0 and "batch only" in refused.output
