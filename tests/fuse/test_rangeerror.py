"""A model error growing with range read from the run's residuals (``fuse/rangeerror.py``, ``range_model_error``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.rangeerror import (RangeError, range_error_covariances, range_error_variance, read_range_error)
from truceline.fuse.uncertainty import event_design

SIGMA_PICK_S = 0.15
KAPPA = 0.0015
C_KM_S = 0.34


def _toy(noise, seed=3, n_events=160):
    """Stations on a 70 km square grid (10 km apart), events inside it and, one in three, beyond its east edge (heard
    by far stations only, as across a front), each heard within 40 km by at least five stations; its picks the
    true arrivals plus ``noise(tt, rng)``; each event located by one Gauss-Newton step from the truth (the weighted
    least squares of ``event_design``), with its nominal covariance ``f (G'WG)^-1`` (``f`` the trimmed mean
    chi-square per degree of freedom, as ``events.variance_factor``)."""
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(0.0, 71.0, 10.0), np.arange(0.0, 71.0, 10.0))
    st_x, st_y = gx.ravel(), gy.ravel()
    picks, pick_station, pick_time, truth, located, nominal, chi = [], [], [], [], [], [], []
    start = 0
    for k in range(n_events):
        x, y, t0 = (rng.uniform(5, 65) if k % 3 else rng.uniform(85, 100)), rng.uniform(5, 65), 200.0 * k
        heard = np.flatnonzero(np.hypot(st_x - x, st_y - y) <= 40.0)
        if len(heard) < 5:
            continue
        tt = travel_times(st_x[heard], st_y[heard], x, y, C_KM_S, 0.0, 0.0)
        times = t0 + tt + noise(tt, rng)
        design = event_design(st_x[heard], st_y[heard], x, y, t0, times, (C_KM_S, 0.0, 0.0), sigma_pick_s=SIGMA_PICK_S,
                              kappa_model=KAPPA)
        gw = design.design * design.weight[:, None]
        inverse = np.linalg.inv(design.design.T @ gw)
        step = inverse @ gw.T @ design.residual_s
        residual = design.residual_s - design.design @ step
        chi.append(float(np.sum(residual**2 * design.weight)) / (len(heard) - 3))
        truth.append((x, y))
        located.append((x + step[0], y + step[1], t0 + step[2]))
        nominal.append(inverse)
        picks.append(np.arange(start, start + len(heard)))
        pick_station.extend(heard.tolist())
        pick_time.extend(times.tolist())
        start += len(heard)
    ratio = np.sort(chi)
    factor = float(ratio[: int(np.ceil(0.95 * len(ratio)))].mean())
    located_arr = np.array(located)
    return dict(st_x=st_x, st_y=st_y, picks=picks, pick_station=np.array(pick_station), pick_time=np.array(pick_time),
                x=located_arr[:, 0], y=located_arr[:, 1], t0=located_arr[:, 2], truth=np.array(truth),
                nominal=factor * np.array(nominal), factor=factor)


def _covariances(toy):
    n = len(toy["t0"])
    return range_error_covariances(toy["st_x"], toy["st_y"], toy["picks"], toy["pick_station"], toy["pick_time"],
                                   toy["x"], toy["y"], toy["t0"], np.tile([C_KM_S, 0.0, 0.0], (n, 1)),
                                   sigma_pick_s=SIGMA_PICK_S, kappa_model=KAPPA, factor=toy["factor"])


def _coverage(toy, covariance):
    error = np.column_stack([toy["x"], toy["y"]]) - toy["truth"]
    d2 = np.einsum("ni,nij,nj->n", error, np.linalg.inv(covariance[:, :2, :2]), error)
    return float(np.mean(d2 <= 5.991))


def _growing(tt, rng):  # a path error that grows with the travel time, beyond the model's
    return rng.normal(0.0, np.sqrt(0.08**2 + (0.006 * tt) ** 2))


def _model_shaped(tt, rng):  # the model's own shape, only its scale off (what the variance factor holds)
    return rng.normal(0.0, 0.8 * np.sqrt(SIGMA_PICK_S**2 + (KAPPA * tt) ** 2))


def test_residuals_growing_with_range_are_read_and_widen_the_far_events_most():
    toy = _toy(_growing)
    extra, reading = _covariances(toy)
    assert reading.accepted and reading.slope_z > 3.0 and reading.gain > reading.penalty
    assert 0.5 * 0.006**2 < reading.slope_s2_per_s2 < 2.0 * 0.006**2
    nominal = toy["nominal"]
    beyond = toy["x"] > 75.0  # the events beyond the grid's edge: heard by far stations only
    part = {**toy, "x": toy["x"][beyond], "y": toy["y"][beyond], "truth": toy["truth"][beyond]}
    before, after = _coverage(part, nominal[beyond]), _coverage(part, (nominal + extra)[beyond])
    assert before < 0.88 and after > before + 0.05
    assert _coverage(toy, nominal + extra) > _coverage(toy, nominal)
    widened = np.trace(extra[:, :2, :2], axis1=1, axis2=2) / np.trace(nominal[:, :2, :2], axis1=1, axis2=2)
    assert np.all(widened >= 0.0) and np.median(widened[beyond]) > 2.0 * np.median(widened[~beyond])


def test_one_celerity_residuals_leave_the_ellipses_untouched():
    toy = _toy(_model_shaped)
    extra, reading = _covariances(toy)
    assert not reading.accepted and reading.slope_s2_per_s2 == 0.0
    assert not extra.any()


def test_the_reading_needs_enough_residuals_and_only_widens():
    assert read_range_error(np.zeros(10), np.ones(10), np.ones(10)) == RangeError.none(10)
    reading = RangeError(scale=0.5, slope_s2_per_s2=1e-4, slope_z=5.0, gain=30.0, penalty=8.0, n_picks=1000, accepted=True)
    tt = np.array([10.0, 50.0, 100.0])
    s2 = SIGMA_PICK_S**2 + (KAPPA * tt) ** 2
    extra = range_error_variance(reading, tt, s2, factor=1.0)
    assert extra[0] == 0.0 and 0.0 < extra[1] < extra[2]
    assert not range_error_variance(RangeError.none(), tt, s2, factor=1.0).any()


def test_the_option_is_off_by_default():
    assert FusionConfig().range_model_error is False
