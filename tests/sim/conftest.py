"""Small seeded scenarios shared by the simulator tests (built once per session)."""

from __future__ import annotations

import pytest

from truceline.sim.config import SimConfig
from truceline.sim.scenario import Scenario, simulate


@pytest.fixture(scope="session")
def heavy_short() -> Scenario:
    """Ten minutes of the heavy preset: a few hundred events, thousands of picks."""
    return simulate(SimConfig(preset="heavy", hours=1 / 6), 7)


@pytest.fixture(scope="session")
def violation_day() -> Scenario:
    return simulate(SimConfig(preset="violation", hours=12), 3)
