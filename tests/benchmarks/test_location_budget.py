"""The location error budget's own locator: exact picks give the source and the sound speed back."""

from __future__ import annotations

import numpy as np

from benchmarks.location_budget import Event


def _event(source_km: tuple[float, float], atmosphere: tuple[float, float, float], noise_s: float = 0.0) -> Event:
    angles = np.linspace(0.0, 2 * np.pi, 12, endpoint=False)
    dx, dy = 15.0 * np.sin(angles), 20.0 * np.cos(angles)
    r = np.hypot(dx - source_km[0], dy - source_km[1])
    c, wx, wy = atmosphere
    along = (wx * (dx - source_km[0]) + wy * (dy - source_km[1])) / r
    times = 2.0 + r / (c + along) + np.random.default_rng(1).normal(0.0, noise_s, len(r))
    return Event(dx, dy, times)


def test_exact_picks_locate_the_source_under_the_true_atmosphere() -> None:
    atmosphere = (0.340, 0.004, -0.003)
    event = _event((0.6, -0.8), atmosphere)
    assert abs(event.error_km(np.array(atmosphere)) - 1.0) < 1e-3  # the frame is centred on the "true" position
    assert _event((0.0, 0.0), atmosphere).error_km(np.array(atmosphere)) < 1e-3


def test_the_atmosphere_is_fitted_with_the_position() -> None:
    fitted = _event((0.0, 0.0), (0.345, 0.005, 0.0), noise_s=0.02).fit_atmosphere()
    assert abs(fitted[0] - 0.345) < 0.002 and abs(fitted[1] - 0.005) < 0.002 and abs(fitted[2]) < 0.002


def test_too_few_picks_give_no_location() -> None:
    event = Event(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.0]), np.array([3.0, 4.0, 5.0]))
    assert np.isnan(event.error_km(np.array([0.34, 0.0, 0.0])))
