"""The tiles' atmosphere error that the field along the front reads, in the ellipses (``fuse/fielderror.py``,
``FusionConfig.wind_field_ellipse``)."""

from __future__ import annotations

import numpy as np

from tests.fuse.synthetic import make_toy
from truceline.fuse.engine import FusionConfig, fuse, wind_field_accepted
from truceline.fuse.events import to_tables

FIELD = dict(wind_field_km=20.0, wind_field_relocate=True, wind_field_ellipse=True)
OFF = FusionConfig(wind_field_km=None, wind_field_relocate=False, wind_field_ellipse=False)


def test_the_field_widens_the_ellipses_and_moves_no_event() -> None:
    assert all(getattr(FusionConfig(), name) == value for name, value in FIELD.items())  # on since session 25
    toy = make_toy(seed=4, n_events=25)
    prep_off, off, atmosphere_off = fuse(toy.stations, toy.picks, OFF)
    plain = to_tables(prep_off, off, atmosphere_off, config=OFF, batch=True)
    config = FusionConfig(wind_field_min_gain=-1.0, **FIELD)  # forced: the field is kept whatever its gain
    prep, on, atmosphere = fuse(toy.stations, toy.picks, config)
    assert wind_field_accepted(prep, config) and "wind_field_atmosphere" in prep.extras
    # not relocated: the passes' events as they were, in the tiles' atmosphere
    np.testing.assert_array_equal(on.x_km, off.x_km)
    np.testing.assert_array_equal(on.picks, off.picks)
    np.testing.assert_array_equal(atmosphere, atmosphere_off)
    widened = to_tables(prep, on, atmosphere, config=config, batch=True)
    assert widened.assignments.equals(plain.assignments)
    for column in ("time", "lat", "lon", "n_picks"):
        assert widened.events[column].equals(plain.events[column])
    extra = widened.position_covariance_km2 - plain.position_covariance_km2
    assert np.all(np.linalg.eigvalsh(extra) > -1e-12)  # only widens
    assert np.sum(np.trace(extra, axis1=1, axis2=2) > 1e-9) >= len(extra) // 2
    major_before = plain.events["ellipse_major_km"].to_numpy()
    major_after = widened.events["ellipse_major_km"].to_numpy()
    assert np.all(major_after >= major_before - 1e-4) and np.any(major_after > major_before)


def test_without_a_field_the_tables_are_the_runs_own() -> None:
    toy = make_toy(seed=4, n_events=25)  # one wind: the gate finds no field
    prep_off, off, atmosphere_off = fuse(toy.stations, toy.picks, OFF)
    plain = to_tables(prep_off, off, atmosphere_off, config=OFF, batch=True)
    config = FusionConfig()  # the defaults: FIELD
    prep, on, atmosphere = fuse(toy.stations, toy.picks, config)
    assert not wind_field_accepted(prep, config)
    same = to_tables(prep, on, atmosphere, config=config, batch=True)
    assert same.events.equals(plain.events) and same.assignments.equals(plain.assignments)
