"""Fixtures of the report tests (the builders live in report_fixtures.py)."""

from __future__ import annotations

import pytest

from report_fixtures import build_small_run
from truceline.report.data import Run


@pytest.fixture(scope="session")
def small_run() -> Run:
    return build_small_run()
