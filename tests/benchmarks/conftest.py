"""Fixtures for the benchmark harness tests: the tiny acoustic scenario of ``peer_scenario.py``."""

from __future__ import annotations

import pytest
from peer_scenario import TinyScenario, make_tiny_scenario


@pytest.fixture(scope="session")
def tiny_scenario(tmp_path_factory: pytest.TempPathFactory) -> TinyScenario:
    return make_tiny_scenario(tmp_path_factory.mktemp("tiny-acoustic"))
