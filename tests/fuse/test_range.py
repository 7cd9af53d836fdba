"""A celerity that varies with the path's length (``FusionConfig.range_celerity``): one slope ``g`` for the network,
fitted by the calibration (``atmosphere.fit_range_slope``) and used by the searches and the locator
(``kernels.travel_time``'s ``g``)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyarrow as pa
import pytest

from tests.fuse.synthetic import GEOD, Toy, associate_toy, make_toy
from truceline.fuse import kernels
from truceline.fuse.atmosphere import RANGE_REF_KM, PickedEvent, calibrate, fit_atmosphere, fit_range_slope, travel_times
from truceline.fuse.engine import FusionConfig, fuse, range_slope


def test_the_range_term_is_the_celerity_at_the_paths_length() -> None:
    sx, sy = np.array([3.0, 0.0, -20.0, 31.0]), np.array([4.0, 25.0, -1.0, 2.0])
    for g in (0.0, -0.0006, 0.0004):
        got = travel_times(sx, sy, 0.0, 0.0, 0.34, 0.0, 0.0, g)
        d = travel_times(sx, sy, 0.0, 0.0, 1.0, 0.0, 0.0)  # the (scale-corrected) path length, km
        np.testing.assert_allclose(got, d / (0.34 + g * (d - RANGE_REF_KM)), rtol=1e-12)
        # the compiled twin agrees, wind and all
        for k in range(len(sx)):
            assert kernels.travel_time(sx[k], sy[k], 1.0, -2.0, 0.34, 0.004, -0.002, g) == pytest.approx(
                travel_times(sx[k:k + 1], sy[k:k + 1], 1.0, -2.0, 0.34, 0.004, -0.002, g)[0], rel=1e-12)
    # without a slope the model is the one before it, to the bit
    assert kernels.travel_time(20.0, 3.0, 1.0, 1.0, 0.34, 0.003, 0.001) == kernels.travel_time(
        20.0, 3.0, 1.0, 1.0, 0.34, 0.003, 0.001, 0.0)


def _falling_time(d_km: np.ndarray, c0: float = 0.342, c_far: float = 0.300, scale_km: float = 20.0) -> np.ndarray:
    """Seconds along a path whose celerity falls with range, ``c(r) = c_far + (c0 - c_far) exp(-r / L)`` (the
    integral of ``1 / c``, in closed form)."""
    a = c0 - c_far
    return np.asarray((d_km + scale_km * np.log((c_far + a * np.exp(-d_km / scale_km)) / (c_far + a))) / c_far)


def _ring_events(g_true: bool, rng: np.random.Generator) -> tuple[list[PickedEvent], np.ndarray, np.ndarray]:
    angle = np.linspace(0.0, 2 * np.pi, 16, endpoint=False)
    st_x, st_y = 25.0 * np.sin(angle), 25.0 * np.cos(angle)
    events = []
    for _ in range(40):
        x, y = rng.uniform(-15, 15, 2)
        d = np.hypot(st_x - x, st_y - y)
        tt = _falling_time(d) if g_true else d / 0.338
        times = 100.0 + tt + rng.normal(0.0, 0.05, len(st_x))
        events.append(PickedEvent(x_km=float(x), y_km=float(y), stations=np.arange(16), times_s=times, tile=0, block=0))
    return events, st_x, st_y


def test_the_slope_is_fitted_from_the_events_and_is_zero_without_one() -> None:
    rng = np.random.default_rng(3)
    falling, st_x, st_y = _ring_events(True, rng)
    g = fit_range_slope(falling, st_x, st_y)
    # the mean celerity of these paths (5-45 km) falls by 0.0005 km/s per km; with the positions free the linear
    # model takes part of the curve into them (g about -0.0002, and a smaller misfit than at the true positions)
    assert -0.0011 < g < -0.0001
    constant, st_x_c, st_y_c = _ring_events(False, rng)
    assert abs(fit_range_slope(constant, st_x_c, st_y_c)) < 0.00005
    assert fit_range_slope(falling[:5], st_x, st_y) == 0.0  # too few events: no slope
    # a slope within min_z standard errors of 0 is taken as 0 (FusionConfig.range_celerity_min_z)
    assert fit_range_slope(falling, st_x, st_y, min_z=3.0) == pytest.approx(g)
    assert fit_range_slope(constant, st_x_c, st_y_c, min_z=3.0) == 0.0
    # the tiles' celerities are fitted with the slope held: the same c as the joint fit's
    joint = fit_atmosphere(falling, st_x, st_y, np.array([0.343, 0.0, 0.0, 0.0]))
    held = calibrate(falling, st_x, st_y, np.zeros(1), np.zeros(1), 1, g=g)[0, 0]
    assert abs(held[0] - joint[0]) < 0.001 and joint[3] == pytest.approx(g)
    free = calibrate(falling, st_x, st_y, np.zeros(1), np.zeros(1), 1)[0, 0]
    assert abs(free[0] - held[0]) > 0.003  # without the slope one c stands for every range


def _with_falling_celerity(toy: Toy) -> pa.Table:
    """The toy's picks re-timed as if the celerity fell with range (the toy's own 338 m/s near the source)."""
    lat = dict(zip(toy.stations["station_id"].to_pylist(), toy.stations["lat"].to_numpy()))
    lon = dict(zip(toy.stations["station_id"].to_pylist(), toy.stations["lon"].to_numpy()))
    times = toy.picks["time"].to_numpy().copy()
    for i, (sid, e) in enumerate(zip(toy.picks["station_id"].to_pylist(), toy.pick_event)):
        if e < 0:
            continue
        _, _, dist = GEOD.inv(toy.truth_lon[e], toy.truth_lat[e], lon[sid], lat[sid])
        d = np.array([dist / 1000.0])
        times[i] += float(_falling_time(d, c0=0.338)[0] - d[0] / 0.338)
    return toy.picks.set_column(toy.picks.schema.get_field_index("time"), "time", pa.array(times))


def test_fuse_fits_the_slope_and_locates_better_where_the_celerity_falls_with_range() -> None:
    toy = make_toy(seed=5, n_events=30, wind_m_s=(0.0, 0.0), noise_s=0.05)
    falling = dataclasses.replace(toy, picks=_with_falling_celerity(toy))
    prep_off, _, _ = fuse(toy.stations, falling.picks, FusionConfig())
    prep_on, _, _ = fuse(toy.stations, falling.picks, FusionConfig(range_celerity=True))
    assert range_slope(prep_off) == 0.0 and "range_slope" not in prep_off.extras  # off: nothing fitted
    assert range_slope(prep_on) < -0.0002
    matched = {flag: [associate_toy(falling, FusionConfig(range_celerity=flag), max_distance_km=km, max_dt_s=2.0)[2]
                      for km in (0.1, 0.2, 0.5)] for flag in (False, True)}
    assert all(on >= off for on, off in zip(matched[True], matched[False]))
    assert matched[True][0] > matched[False][0]
    # on the toy's own constant celerity the fitted slope is near zero
    prep_flat, _, _ = fuse(toy.stations, toy.picks, FusionConfig(range_celerity=True))
    assert abs(range_slope(prep_flat)) < 0.0002
