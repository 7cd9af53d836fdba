"""An event's own celerity, the scatter of the celerity between events, and the tight pass that follows it."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.celerity import own_celerity, scatter
from truceline.fuse.engine import FusionConfig, fuse
from truceline.fuse.events import to_tables
from truceline.sim.scoring import match_events
from tests.fuse.synthetic import make_toy

CELL = (0.343, 0.002, -0.001)  # km/s: the calibrated celerity and wind


def _stations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(5)
    angle = rng.uniform(0, 2 * np.pi, 10)
    radius = rng.uniform(3.0, 25.0, 10)  # varied distances: the celerity's pattern grows with distance
    return radius * np.sin(angle), radius * np.cos(angle)


def test_an_event_reads_its_own_celerity() -> None:
    """Ten stations 3-25 km away, the event's sound 3 % slower than its cell's: the fit of (x, y, t0, c) reads
    0.3327 km/s within 1 m/s and puts the event within 20 m; with a tight prior on the cell's celerity it stays
    near the cell's (the prior centres the fit)."""
    sx, sy = _stations()
    rng = np.random.default_rng(1)
    c_true = 0.343 * 0.97
    times = 50.0 + travel_times(sx, sy, 1.0, -2.0, c_true, CELL[1], CELL[2]) + rng.normal(0.0, 0.05, len(sx))
    fit = own_celerity(sx, sy, times, 0.5, -1.5, 49.0, CELL, sigma_pick_s=0.15, kappa_model=0.0015)
    assert fit is not None
    assert abs(fit.c_km_s - c_true) < 0.001
    assert np.hypot(fit.x_km - 1.0, fit.y_km + 2.0) < 0.02
    assert np.sqrt(fit.c_variance) < 0.002
    held = own_celerity(sx, sy, times, 0.5, -1.5, 49.0, CELL, sigma_pick_s=0.15, kappa_model=0.0015,
                        prior_sigma_km_s=1e-5)
    assert held is not None and abs(held.c_km_s - 0.343) < 1e-4
    assert own_celerity(sx[:4], sy[:4], times[:4], 0.5, -1.5, 49.0, CELL, sigma_pick_s=0.15, kappa_model=0.0015) is None


def test_the_scatter_between_events_is_measured_beyond_their_noise() -> None:
    """Readings that differ from their cells' celerity only by their noise give no scatter; readings drawn with a
    2 % scatter give about 2 % (the robust moment estimate), whatever their cells' celerity."""
    rng = np.random.default_rng(2)
    n = 200
    cells = rng.uniform(0.33, 0.345, n)
    noise = np.full(n, (0.003 * 0.34) ** 2)
    quiet = cells * (1.0 + rng.normal(0.0, 0.003, n))
    assert scatter(quiet, noise, cells) < 0.002
    spread = cells * (1.0 + rng.normal(0.0, 0.003, n) + rng.normal(0.0, 0.02, n))
    assert 0.016 < scatter(spread, noise, cells) < 0.024
    assert scatter(spread[:5], noise[:5], cells[:5]) == 0.0


def _toy(spread: float, config: FusionConfig) -> tuple[float, int, float, float, object]:
    toy = make_toy(seed=3, n_events=40, speed_m_s=338.0, duration_s=3000.0, speed_spread=spread)
    prep, result, atmosphere = fuse(toy.stations, toy.picks, config)
    events = to_tables(prep, result, atmosphere, config=config).events
    lat, lon, t, major, minor, azimuth = (np.asarray(events[c].to_numpy(zero_copy_only=False), float) for c in (
        "lat", "lon", "time", "ellipse_major_km", "ellipse_minor_km", "ellipse_azimuth_deg"))
    m = match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, t, lat, lon, max_distance_km=0.5, max_dt_s=1.0)
    ti, ri = np.asarray(m.truth_index), np.asarray(m.run_index)
    east = (toy.truth_lon[ti] - lon[ri]) * 111.2 * np.cos(np.radians(48.0))
    north = (toy.truth_lat[ti] - lat[ri]) * 111.2
    a = np.radians(azimuth[ri])
    along, across = east * np.sin(a) + north * np.cos(a), east * np.cos(a) - north * np.sin(a)
    coverage = float(np.mean((along / major[ri]) ** 2 + (across / minor[ri]) ** 2 <= 1.0))
    measured = prep.extras.get("celerity_scatter")
    return (float(np.median(m.distance_km)), len(ti), coverage, float(measured[0]) if measured is not None else np.nan,
            events)


def test_events_of_their_own_celerity_are_located_with_it() -> None:
    """The toy network (two rows of 12 stations), 40 events whose sound speed is drawn per event within 3 % of 338 m/s.
    Without the option 22 of them are matched within 0.5 km and 1 s (median 34 m); with ``own_celerity_threshold``
    the loose pass's isolated events read a scatter of 0.0297 (the robust estimate of a uniform +-3 %, whose standard
    deviation is 0.0173) and the events of 6 or more stations are located with their own celerity: 37 matched, median
    16 m; with ``own_celerity_tolerance`` too (the tight pass allows the scatter) all 40, median 17 m. Every ellipse
    holds its event."""
    median_off, matched_off, _, _, _ = _toy(0.03, FusionConfig())
    median_on, matched_on, coverage_on, measured, _ = _toy(0.03, FusionConfig(own_celerity_threshold=0.005))
    median_wide, matched_wide, coverage_wide, _, _ = _toy(0.03, FusionConfig(own_celerity_threshold=0.005,
                                                                             own_celerity_tolerance=True))
    assert matched_off <= 30
    assert 0.02 < measured < 0.04
    assert matched_on >= 35 and median_on < 0.025 and coverage_on >= 0.95
    assert matched_wide >= 38 and median_wide < 0.025 and coverage_wide >= 0.95


def test_one_celerity_for_all_events_changes_nothing() -> None:
    """With one sound speed for every event the measured scatter is below the threshold, and the events are those of
    the option off (byte for byte)."""
    *_, measured, on = _toy(0.0, FusionConfig(own_celerity_threshold=0.005))
    *_, off = _toy(0.0, FusionConfig())
    assert measured < 0.005
    assert on.equals(off)  # type: ignore[attr-defined]
