"""``NonFireConfig.level_pairing``: each storm episode's "heard as a pair if fire" probability is the run's paired share
among located events of its level (:func:`truceline.attribute.nonfire.level_unpaired_share`), not the run's one share: fire
of a loudness that is seldom heard as a pair (mortar bombs landing, their quiet launches unlocated) is weak evidence of a
storm; loud fire that is always paired stays strong evidence."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.nonfire import NonFireConfig, level_unpaired_share, nonfire_evidence


def test_level_unpaired_share_by_hand() -> None:
    level = np.array([100.0, 100.0, 100.0, 120.0, 120.0, np.nan])
    paired = np.array([True, False, False, True, True, False])
    share = level_unpaired_share(level, paired, 3.0)
    # Event 0: its level's others are both unpaired; the 120 dB events weigh exp(-0.5 (20/3)^2) ~ 2e-10.
    assert share[0] == pytest.approx(1.0, abs=1e-6)
    assert share[1] == pytest.approx(0.5, abs=1e-6)
    assert share[3] == pytest.approx(0.0, abs=1e-6)
    assert np.isnan(share[5])


def _run(level_of_unpaired: float) -> np.ndarray:
    """Ten paired 120 dB events far away (q = 10/16 overall); six unpaired events at one place, 7 minutes apart; plus
    a busy mortar field elsewhere: unpaired detonations at 110 dB, paired at one in five."""
    time_s = np.concatenate([np.arange(10) * 60.0, 3_000.0 + np.arange(6) * 420.0, 20_000.0 + np.arange(10) * 30.0])
    lat = np.concatenate([np.full(10, 49.0), 47.6 + 0.01 * np.arange(6), np.full(10, 46.0)])
    lon = np.concatenate([np.full(10, 30.0), np.full(6, 31.0), np.full(10, 32.0)])
    paired = np.concatenate([np.ones(10, bool), np.zeros(6, bool), np.arange(10) % 5 == 0])
    level = np.concatenate([np.full(10, 120.0), np.full(6, level_of_unpaired), np.full(10, 110.0)])
    u = level_unpaired_share(level, paired, 3.0)
    plain = nonfire_evidence(time_s, lat, lon, paired).factor[10:16]
    by_level = nonfire_evidence(time_s, lat, lon, paired, NonFireConfig(level_pairing=True), unpaired_given_fire=u).factor[10:16]
    return np.stack([plain, by_level])


def test_quiet_fire_is_weak_evidence_of_a_storm() -> None:
    plain, by_level = _run(110.0)
    assert (plain < 0.5).all()
    assert (by_level > plain).all()


def test_loud_fire_never_paired_stays_strong_evidence() -> None:
    plain, by_level = _run(120.0)
    assert (by_level <= plain + 1e-12).all()


def test_off_by_default() -> None:
    assert not NonFireConfig().level_pairing
    time_s = np.array([0.0, 1_000.0, 2_000.0, 50_000.0])
    paired = np.array([False, False, False, True])
    lat, lon = np.full(4, 47.0), np.full(4, 31.0)
    u = np.full(4, 0.99)
    a = nonfire_evidence(time_s, lat, lon, paired).factor
    b = nonfire_evidence(time_s, lat, lon, paired, unpaired_given_fire=u).factor
    np.testing.assert_allclose(a, b)
