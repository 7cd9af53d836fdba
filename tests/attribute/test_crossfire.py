"""A battery's place under the other side's answering fire (attribute/crossfire.py, ``PairingConfig.impact_area_levels``).

A mortar battery fires at the other side; a minute later the other side's answer lands 1.2 km from it. The battery's launch,
paired with its own bomb by time of flight, sits in the answer's impact area, whose learned odds (1 : 30) made it an impact.
One mission's detonations sound alike; a mortar's launch is 12-15 dB quieter than its bomb: an event at the area's level
is another of its impacts, one far quieter is not, and the area supports it only as far as the levels allow."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import SourceLevels
from truceline.attribute.context import ContextOdds, context_of
from truceline.attribute.crossfire import impact_area_level_weights
from truceline.attribute.pairing import PairingConfig, _context_roles

from attribute_world import T0, lon_at_km
from test_battery_levels import MODEL  # guns and rockets learned, no mortar (as `violation` seed 12)

KIND = np.array(["launch", "impact", "launch", "impact"])
PARTNER = np.array([1, 0, 3, 2])
TIME = T0 + np.array([0.0, 28.6, 40.0, 59.0])
LAT = np.array([48.0, 48.0, 48.01, 48.005])
LON = np.array([lon_at_km(-3.0), lon_at_km(3.5), lon_at_km(2.0), lon_at_km(-2.0)])
SIGMA = np.array([300.0, 80.0, 150.0, 90.0])


def _levels(level_of_event: float) -> SourceLevels:
    """Event 0 (the battery's launch) at ``level_of_event``; its bomb 1 at 110 dB, the answer's launch 2 at 100 dB and its
    bomb 3 (landing 1.2 km from event 0, 59 s after it) at 112 dB."""
    return SourceLevels(level_db=np.array([level_of_event, 110.0, 100.0, 112.0]), level_sigma_db=np.full(4, 1.8),
                        margins_db=tuple(np.array([30.0, 20.0, 11.0, 8.0, 4.0, 1.0]) for _ in range(4)),
                        attenuation_db_per_km=0.77, detection_snr_db=0.0)


def _roles(level_of_event: float, config: PairingConfig) -> tuple[np.ndarray, np.ndarray]:
    """The four events' role probabilities by :func:`_context_roles` (two rounds, as the pairing runs them); each pair a fair
    time-of-flight fit (alternatives that swap its roles weigh 0.15), the impact area's learned odds 1 : 30."""
    alternative = np.zeros(4, dtype=np.int8)
    alternative_weight = np.full(4, 0.15)
    chance_weight = np.full(4, 0.05)
    contexts = ContextOdds(battery=10.0, impact_area=1.0 / 30.0)
    p_launch, p_impact = None, None
    for _ in range(config.context_rounds):
        p_launch, p_impact = _context_roles(KIND, PARTNER, alternative, alternative_weight, chance_weight, TIME, LAT, LON, config,
                                            _levels(level_of_event), MODEL, contexts, SIGMA, p_launch, p_impact)
    assert p_launch is not None and p_impact is not None
    return p_launch, p_impact


def test_a_quiet_launch_under_answering_fire_stays_a_launch() -> None:
    """At 98 dB beside 112 dB bombs the battery's launch keeps its pair's role; without the levels' test the answer's impact
    area made it an impact."""
    old_launch, _ = _roles(98.0, PairingConfig(impact_area_levels=False))
    new_launch, new_impact = _roles(98.0, PairingConfig())
    assert old_launch[0] < 0.5
    assert new_launch[0] > 0.7 and new_impact[0] < 0.3
    # The answer's own pair is untouched by event 0's level.
    np.testing.assert_allclose(new_launch[3], old_launch[3], atol=1e-9)


def test_an_event_that_sounds_like_the_area_keeps_the_context() -> None:
    """At 111 dB (beside 112 dB bombs) event 0 may be another impact of that fire: the area weighs on it as before."""
    old_launch, _ = _roles(111.0, PairingConfig(impact_area_levels=False))
    new_launch, _ = _roles(111.0, PairingConfig())
    np.testing.assert_allclose(new_launch[0], old_launch[0], atol=1e-9)
    # ... and the area still holds it below the quiet launch's role.
    assert new_launch[0] < _roles(98.0, PairingConfig())[0][0] - 0.1


def test_the_weights_are_a_veto_and_unknown_levels_say_nothing() -> None:
    """The weight of each impact neighbour: 1 at the area's level, small 14 dB under it, 1 without levels or model."""
    landed = np.array([3], dtype=np.intp)
    assert impact_area_level_weights(0, landed, _levels(111.0), MODEL)[0] == 1.0
    assert impact_area_level_weights(0, landed, _levels(98.0), MODEL)[0] < 0.1
    assert impact_area_level_weights(0, landed, None, MODEL)[0] == 1.0
    assert impact_area_level_weights(0, landed, _levels(98.0), None)[0] == 1.0
    assert impact_area_level_weights(0, landed, _levels(float("nan")), MODEL)[0] == 1.0


def test_an_unpaired_events_context_reads_the_levels() -> None:
    """:func:`context_of` (an unpaired event's contexts) with the levels: the area is as sure as the levels allow; off, or
    without levels, it is the neighbours' roles alone."""
    p_launch, p_impact = np.array([0.9, 0.1, 0.9, 0.1]), np.array([0.1, 0.9, 0.1, 0.9])
    partner = np.array([-1, -1, 3, 2])  # event 0 unpaired
    kind = np.array(["unknown", "unknown", "launch", "impact"])
    args = (0, kind, partner, TIME, LAT, LON)
    plain = context_of(*args, PairingConfig(), SIGMA, p_launch, p_impact)
    assert plain[1] == 0.9
    loud = context_of(*args, PairingConfig(), SIGMA, p_launch, p_impact, levels=_levels(111.0), model=MODEL)
    quiet = context_of(*args, PairingConfig(), SIGMA, p_launch, p_impact, levels=_levels(98.0), model=MODEL)
    off = context_of(*args, PairingConfig(impact_area_levels=False), SIGMA, p_launch, p_impact, levels=_levels(98.0), model=MODEL)
    assert loud[1] == 0.9 and off[1] == 0.9
    assert quiet[1] < 0.1
