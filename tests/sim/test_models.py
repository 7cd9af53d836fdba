"""Properties of the simulator's physical sub-models (pure functions)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.geo.frame import front_sectors
from truceline.sim.atmosphere import Atmosphere, sound_speed_m_per_s
from truceline.sim.config import WEAPONS
from truceline.sim.firing import time_of_flight_s

ATMOSPHERE = Atmosphere.draw(np.random.default_rng(5), front_sectors(), 1_780_272_000.0)


def test_sound_speed_at_known_temperatures() -> None:
    assert sound_speed_m_per_s(0.0) == 331.3
    assert abs(float(sound_speed_m_per_s(20.0)) - 343.2) < 0.1
    assert abs(float(sound_speed_m_per_s(-20.0)) - 318.9) < 0.1


@settings(max_examples=200, deadline=None)
@given(
    along_m=st.floats(0.0, 1_400_000.0),
    hours=st.floats(0.0, 72.0),
    azimuth_deg=st.floats(0.0, 360.0),
)
def test_atmosphere_is_plausible_and_smooth(along_m: float, hours: float, azimuth_deg: float) -> None:
    time = 1_780_272_000.0 + hours * 3600.0
    speed = ATMOSPHERE.effective_speed_m_per_s(np.array([along_m]), np.array([time]), np.array([azimuth_deg]))[0]
    assert 315.0 < speed < 370.0
    east, north = ATMOSPHERE.wind_m_per_s(np.array([along_m]), np.array([time]))
    assert float(np.hypot(east[0], north[0])) < 15.0
    # no jumps: 1 km further along and a minute later, the air is nearly the same
    later = ATMOSPHERE.effective_speed_m_per_s(np.array([along_m + 1_000.0]), np.array([time + 60.0]), np.array([azimuth_deg]))[0]
    assert abs(later - speed) < 0.2
    # downwind is faster than upwind by twice the along-path wind
    heading = np.degrees(np.arctan2(east[0], north[0]))
    down = ATMOSPHERE.effective_speed_m_per_s(np.array([along_m]), np.array([time]), np.array([heading]))[0]
    up = ATMOSPHERE.effective_speed_m_per_s(np.array([along_m]), np.array([time]), np.array([heading + 180.0]))[0]
    assert abs((down - up) - 2.0 * float(np.hypot(east[0], north[0]))) < 1e-6


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(["mortar", "tube_artillery", "rocket_artillery"]), a=st.floats(0.0, 1.0), b=st.floats(0.0, 1.0))
def test_time_of_flight_grows_with_range_within_the_class_bounds(name: str, a: float, b: float) -> None:
    weapon = WEAPONS[name]
    span = weapon.max_range_m - weapon.min_range_m
    near, far = sorted((weapon.min_range_m + a * span, weapon.min_range_m + b * span))
    t_near, t_far = time_of_flight_s(weapon, np.array([near, far]))
    assert weapon.min_time_of_flight_s <= t_near <= t_far <= weapon.max_time_of_flight_s
