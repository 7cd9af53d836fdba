"""An atmosphere that varies along the front (``FusionConfig.wind_field_km``): a wind piecewise linear along the
stations' principal axis, fitted per time block with a roughness penalty (``atmosphere.fit_wind_field``,
``calibrate_field``) and read at the centres of small tiles."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from tests.fuse.synthetic import associate_toy, make_toy
from truceline.fuse.atmosphere import (FrontAxis, PickedEvent, calibrate, calibrate_field, field_at, fit_atmosphere,
                                       fit_wind_field, travel_times, wind_field_gain)
from truceline.fuse.engine import (FusionConfig, fuse, prepare, retile, tile_at, wind_field_accepted, wind_field_on,
                                   with_network_reach)
from truceline.fuse.network import build_network

AZIMUTH = np.radians(30.0)  # the front's direction, anticlockwise from the x axis
ALONG = np.array([np.cos(AZIMUTH), np.sin(AZIMUTH)])
ACROSS = np.array([-np.sin(AZIMUTH), np.cos(AZIMUTH)])


def _strip() -> tuple[np.ndarray, np.ndarray]:
    """Two rows of stations 8 km either side of a 120 km front."""
    s = np.tile(np.linspace(-60.0, 60.0, 9), 2)
    d = np.repeat([-8.0, 8.0], 9)
    return s * ALONG[0] + d * ACROSS[0], s * ALONG[1] + d * ACROSS[1]


def _wind(s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """km/s: 2 m/s plus 0.06 m/s per km along the front east, 3 m/s north minus a 1.5 m/s bump at the centre."""
    return 0.002 + 0.00006 * s, 0.003 - 0.0015 * np.exp(-(s / 25.0) ** 2)


def _events(along: np.ndarray, rng: np.random.Generator, block: int = 0) -> list[PickedEvent]:
    st_x, st_y = _strip()
    events = []
    for s in along:
        d = rng.uniform(-5.0, 5.0)
        x, y = s * ALONG[0] + d * ACROSS[0], s * ALONG[1] + d * ACROSS[1]
        near = np.flatnonzero(np.hypot(st_x - x, st_y - y) < 38.0)
        wx, wy = _wind(np.array([s]))
        times = 50.0 + travel_times(st_x[near], st_y[near], x, y, 0.338, wx[0], wy[0]) + rng.normal(0.0, 0.04, len(near))
        # the loose pass's positions are off by a few hundred metres
        events.append(PickedEvent(x_km=float(x + rng.normal(0, 0.3)), y_km=float(y + rng.normal(0, 0.3)),
                                  stations=near, times_s=times, tile=0, block=block))
    return events


def test_the_front_axis_is_the_stations_principal_axis_and_the_field_is_piecewise_linear() -> None:
    st_x, st_y = _strip()
    front = FrontAxis.of(st_x, st_y, st_x, st_y, 20.0)
    assert abs(front.axis_x * ALONG[0] + front.axis_y * ALONG[1]) == pytest.approx(1.0, abs=1e-9)
    assert front.knots_km[0] <= -60.0 and front.knots_km[-1] >= 60.0
    np.testing.assert_allclose(np.diff(front.knots_km), 20.0)
    knots = np.column_stack([np.full(len(front.knots_km), 0.34), front.knots_km * 1e-4, np.zeros(len(front.knots_km))])
    s = np.array([-55.0, -3.0, 0.0, 17.5, 59.0])
    x, y = front.origin_x_km + s * front.axis_x, front.origin_y_km + s * front.axis_y
    np.testing.assert_allclose(field_at(knots, front, x, y)[:, 1], s * 1e-4, atol=1e-12)  # linear between knots
    # beyond the end knots the field is constant
    far = np.array([-500.0, 500.0])
    ends = field_at(knots, front, front.origin_x_km + far * front.axis_x, front.origin_y_km + far * front.axis_y)
    np.testing.assert_allclose(ends[:, 1], knots[[0, -1], 1])


def test_the_field_follows_a_wind_that_varies_along_the_front_where_one_fit_cannot() -> None:
    rng = np.random.default_rng(11)
    st_x, st_y = _strip()
    events = _events(rng.uniform(-55.0, 55.0, 120), rng)
    front = FrontAxis.of(st_x, st_y, st_x, st_y, 20.0)
    knots = fit_wind_field(events, st_x, st_y, front, np.array([0.343, 0.0, 0.0]))
    assert np.ptp(knots[:, 0]) == 0.0 and knots[0, 0] == pytest.approx(0.338, abs=0.002)  # one celerity
    s = np.linspace(-50.0, 50.0, 11)
    x, y = s * ALONG[0], s * ALONG[1]
    true_x, true_y = _wind(s)
    got = field_at(knots, front, x, y)
    field_error = np.hypot(got[:, 1] - true_x, got[:, 2] - true_y)
    one = fit_atmosphere(events, st_x, st_y, np.array([0.343, 0.0, 0.0]))
    one_error = np.hypot(one[1] - true_x, one[2] - true_y)
    assert field_error.max() < 0.0008  # km/s: within 0.8 m/s everywhere
    assert one_error.max() > 0.0025 and np.median(field_error) < 0.4 * np.median(one_error)


def test_a_stretch_without_events_takes_the_line_through_its_neighbours() -> None:
    rng = np.random.default_rng(12)
    st_x, st_y = _strip()
    along = np.concatenate([rng.uniform(-55.0, -25.0, 60), rng.uniform(25.0, 55.0, 60)])
    events = _events(along, rng)
    front = FrontAxis.of(st_x, st_y, st_x, st_y, 20.0)
    knots = fit_wind_field(events, st_x, st_y, front, np.array([0.343, 0.0, 0.0]))
    gap = field_at(knots, front, np.zeros(1), np.zeros(1))[0]
    left = field_at(knots, front, np.array([-30.0 * ALONG[0]]), np.array([-30.0 * ALONG[1]]))[0]
    right = field_at(knots, front, np.array([30.0 * ALONG[0]]), np.array([30.0 * ALONG[1]]))[0]
    # the east component is linear along the front: the gap's value is its neighbours' mean
    assert gap[1] == pytest.approx(0.5 * (left[1] + right[1]), abs=0.0004)
    assert gap[1] == pytest.approx(0.002, abs=0.0008)


def test_calibrate_field_reads_each_blocks_field_at_the_tiles() -> None:
    rng = np.random.default_rng(13)
    st_x, st_y = _strip()
    events = _events(rng.uniform(-55.0, 55.0, 60), rng, block=0) + _events(rng.uniform(-55.0, 55.0, 60), rng, block=1)
    s = np.array([-45.0, 0.0, 45.0])
    tile_x, tile_y = s * ALONG[0], s * ALONG[1]
    support = np.zeros((3, 3, 2))
    out = calibrate_field(events, st_x, st_y, tile_x, tile_y, 3, spacing_km=20.0, support=support)
    assert out.shape == (3, 3, 3)
    true_x, _ = _wind(s)
    for block in range(3):  # block 2 has no events: it takes those of the blocks nearest in time
        np.testing.assert_allclose(out[block, :, 1], true_x, atol=0.0008)
    assert (support[..., 1] > 0).all() and (support[..., 1] < 15.0).all()
    assert (support[2, :, 0] >= 1.0).all() and (support[0, :, 0] == 0.0).all()
    # too few events: the standard atmosphere, as calibrate
    few = calibrate_field(events[:10], st_x, st_y, tile_x, tile_y, 1, spacing_km=20.0)
    np.testing.assert_array_equal(few, calibrate(events[:10], st_x, st_y, tile_x, tile_y, 1))


def test_the_gain_is_large_where_the_wind_varies_along_the_front_and_small_where_it_does_not() -> None:
    rng = np.random.default_rng(14)
    st_x, st_y = _strip()
    varying = _events(rng.uniform(-55.0, 55.0, 80), rng)
    gain = wind_field_gain(varying, st_x, st_y, 1, spacing_km=20.0)
    assert gain > 0.3
    flat = []
    for e in _events(rng.uniform(-55.0, 55.0, 80), rng):
        # the same events re-timed under one wind (2 m/s east, 2 m/s north)
        tt = travel_times(st_x[e.stations], st_y[e.stations], e.x_km, e.y_km, 0.338, 0.002, 0.002)
        flat.append(PickedEvent(x_km=e.x_km, y_km=e.y_km, stations=e.stations, times_s=50.0 + tt + rng.normal(0, 0.04, len(tt)),
                                tile=0, block=0))
    assert abs(wind_field_gain(flat, st_x, st_y, 1, spacing_km=20.0)) < 0.05
    assert wind_field_gain(flat[:10], st_x, st_y, 1, spacing_km=20.0) == 0.0  # too few events


def _stations_table() -> pa.Table:
    st_x, st_y = _strip()
    lat = 48.0 + st_y / 111.2
    lon = 37.0 + st_x / (111.2 * np.cos(np.radians(48.0)))
    return pa.table({"station_id": [f"S{k:02d}" for k in range(len(lat))], "lat": lat, "lon": lon})


def test_retile_makes_the_tiles_small_on_the_same_grid() -> None:
    stations = _stations_table()
    picks = pa.table({"pick_id": ["p0"], "station_id": ["S00"], "time": [10.0]})
    config = with_network_reach(FusionConfig(wind_field_km=20.0), build_network(stations))
    prep = prepare(stations, picks, config)
    cells = prep.cell_x.copy()
    assert prep.n_tiles <= 6  # the grid is made with tile_km: the option changes nothing until the calibration
    retile(prep, config, 10.0)
    assert prep.n_tiles > 40 and len(prep.tile_x) == prep.n_tiles
    np.testing.assert_array_equal(prep.cell_x, cells)
    for tile in range(prep.n_tiles):  # a tile's cells lie within a 10 km square
        members = prep.cell_tile == tile
        assert np.ptp(prep.cell_x[members]) < 10.0 and np.ptp(prep.cell_y[members]) < 10.0
    assert tile_at(prep, prep.cell_x[:5], prep.cell_y[:5]).tolist() == prep.cell_tile[:5].tolist()


# the field off entirely (no gate computed), and the field in the passes (not only relocating or widening)
OFF = FusionConfig(wind_field_km=None, wind_field_relocate=False, wind_field_ellipse=False)
IN_PASSES = dict(wind_field_km=20.0, wind_field_relocate=False, wind_field_ellipse=False)


def test_the_gate_and_the_fields_ellipse_term_are_the_defaults() -> None:
    """Session 25 (wind25): the gate, the field's error in the ellipses and no relocation of the final events are the
    defaults (docs/fusion.md)."""
    config = FusionConfig()
    assert config.wind_field_km == 20.0 and config.wind_field_relocate and config.wind_field_ellipse


def test_fuse_with_the_option_is_the_runs_own_where_one_wind_explains_the_events() -> None:
    toy = make_toy(seed=4, n_events=25)  # one wind, 4 m/s east and 2 m/s south
    prep_off, off, atmosphere_off = fuse(toy.stations, toy.picks, OFF)
    prep_on, on, atmosphere_on = fuse(toy.stations, toy.picks, FusionConfig(**IN_PASSES))
    prep_default, default, atmosphere_default = fuse(toy.stations, toy.picks, FusionConfig())
    assert "wind_field_gain" not in prep_off.extras
    assert float(prep_on.extras["wind_field_gain"][0]) < FusionConfig().wind_field_min_gain
    assert not wind_field_on(prep_on, FusionConfig(**IN_PASSES))
    assert not wind_field_accepted(prep_default, FusionConfig()) and "wind_field_atmosphere" not in prep_default.extras
    for atmosphere, result in ((atmosphere_on, on), (atmosphere_default, default)):
        np.testing.assert_array_equal(atmosphere, atmosphere_off)
        np.testing.assert_array_equal(result.x_km, off.x_km)
        np.testing.assert_array_equal(result.t0_s, off.t0_s)
    # forced on (no threshold), the field is calibrated on small tiles and still finds the toy's events
    forced = FusionConfig(wind_field_min_gain=-1.0, **IN_PASSES)
    prep_forced, _, atmosphere_forced = fuse(toy.stations, toy.picks, forced)
    assert wind_field_on(prep_forced, forced) and prep_forced.n_tiles > prep_off.n_tiles
    assert atmosphere_forced.shape[1] == prep_forced.n_tiles
    _, _, matched = associate_toy(toy, forced, max_distance_km=0.5, max_dt_s=2.0)
    _, _, matched_off = associate_toy(toy, OFF, max_distance_km=0.5, max_dt_s=2.0)
    assert matched >= matched_off - 1


def test_relocate_keeps_the_passes_events_and_moves_them_in_the_field() -> None:
    toy = make_toy(seed=4, n_events=25)
    _, off, _ = fuse(toy.stations, toy.picks, OFF)
    config = FusionConfig(wind_field_km=20.0, wind_field_min_gain=-1.0, wind_field_relocate=True, wind_field_ellipse=False)
    prep, on, atmosphere = fuse(toy.stations, toy.picks, config)
    assert wind_field_accepted(prep, config) and not wind_field_on(prep, config)
    # the passes ran under the tiles' atmosphere: the same events from the same picks, relocated on the small tiles
    np.testing.assert_array_equal(on.picks, off.picks)
    assert atmosphere.shape[1] == prep.n_tiles > 20
    assert prep.extras["calibration_support"].shape[1] == prep.n_tiles
    assert on.tile.max() < prep.n_tiles and np.array_equal(on.tile, tile_at(prep, on.x_km, on.y_km))
    moved = np.hypot(on.x_km - off.x_km, on.y_km - off.y_km)
    assert 0.0 < np.median(moved) < 0.5
    # with the field not accepted the run is the tiles' own
    _, kept, _ = fuse(toy.stations, toy.picks, FusionConfig(wind_field_km=20.0, wind_field_relocate=True,
                                                            wind_field_ellipse=False))
    np.testing.assert_array_equal(kept.x_km, off.x_km)
