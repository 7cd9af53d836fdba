"""Salvo mates share a role (``PairingConfig.salvo_mates``, :func:`truceline.attribute.pairing.salvo_mate_groups`): a
solution that makes one round of a battery's volley an impact while its mates are launches costs ``salvo_mate_penalty``."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig, Pairing, pair_events, salvo_mate_groups
from truceline.attribute.physics import ENVELOPES, time_of_flight_bounds_s

from attribute_world import lon_at_km

KM_LAT = 1 / 111.2


def _middle_s(envelope_name: str, km: float) -> float:
    envelope = next(e for e in ENVELOPES if e.name == envelope_name)
    low, high = time_of_flight_bounds_s(envelope, np.array([km * 1000.0]))
    return float(0.5 * (low[0] + high[0]))


def _salvo(salvo_mates: bool, **options: bool) -> Pairing:
    """A battery 10 km behind UA's side fires four rounds 1 s and 100 m apart (events 0-3) at RU's side 20 km away; their
    four impacts (4-7) land 100 m apart at mid-envelope times. A launch on RU's side (8), 25 km from the battery, fired so
    that the battery's fourth round (3) fits its time of flight as an impact as well as its own pair does: the pairing
    alone may make round 3 the impact of 8 (its impact 7 unpaired), the volley's mates launches."""
    flight, far_flight = _middle_s("tube_artillery", 20.0), _middle_s("tube_artillery", 25.0)
    launches = 1000.0 + np.arange(4.0)
    time_s = np.concatenate([launches, launches + flight, [launches[3] - far_flight]])
    lat = np.concatenate([48.0 + 0.1 * KM_LAT * np.arange(4), 48.0 + 0.1 * KM_LAT * np.arange(4), [48.0]])
    lon = np.array([lon_at_km(-10.0)] * 4 + [lon_at_km(10.0)] * 4 + [lon_at_km(15.0)])
    line = np.array([-10e3] * 4 + [10e3] * 4 + [15e3])
    side = np.where(line < 0, "UA", "RU")
    return pair_events(time_s, lat, lon, np.full(9, 0.2), np.full(9, 150.0), side, np.ones(9), line_distance_m=line,
                       config=PairingConfig(salvo_mates=salvo_mates, **options))


def test_a_volley_round_is_not_swapped_to_a_far_launchs_impact() -> None:
    off, on = _salvo(False), _salvo(True)
    # Without the prior the fourth round is the far launch's "impact" (its own impact unpaired).
    assert off.kind[3] == "impact" and off.partner[3] == 8 and off.partner[7] == -1
    # With it, the volley is four launches with their four impacts, sure; the far launch is left unpaired.
    assert list(on.kind[:8]) == ["launch"] * 4 + ["impact"] * 4
    assert list(on.partner[:4]) == [4, 5, 6, 7] and on.partner[8] == -1
    assert on.p_launch[:4].min() > 0.95 and on.p_impact[4:8].min() > 0.95
    assert on.p_launch[3] > off.p_launch[3] + 0.2


def test_the_assignment_mixtures_alternatives_pay_the_mates_penalty() -> None:
    """With salvo mates the assignment charges a round made the far launch's impact while its mates stay launches 14; the
    mixture's alternatives are found and priced the same way, so that solution (0.000 dearer by the pair costs alone,
    weighed 0.13-0.16 each through six such alternatives, the volley's launches 0.92-0.94) is no near-optimal alternative
    and the volley stays sure. Without the mates the tie is real and the mixture keeps it: round 3 is no sure launch."""
    mixture = {"assignment_mixture": True, "assignment_mixture_evidence": True, "unpaired_margins": True}
    on = _salvo(True, **mixture)
    assert list(on.kind[:8]) == ["launch"] * 4 + ["impact"] * 4 and list(on.partner[:4]) == [4, 5, 6, 7]
    assert on.p_launch[:4].min() > 0.95 and on.p_impact[4:8].min() > 0.95
    off = _salvo(False, **mixture)
    assert off.p_launch[3] < 0.9 and on.p_launch[3] > off.p_launch[3] + 0.05


def test_salvo_mate_groups() -> None:
    """Rounds 1 s and 100 m apart link; 10 s later or 2 km away do not; a chain of mates is one group."""
    time_s = np.array([0.0, 1.0, 2.0, 12.0, 0.5, 100.0])
    lat = 48.0 + KM_LAT * np.array([0.0, 0.1, 0.2, 0.0, 2.0, 0.0])
    lon = np.full(6, lon_at_km(-5.0))
    group = salvo_mate_groups(time_s, lat, lon, PairingConfig(salvo_mates=True), np.full(6, 50.0))
    assert group[0] == group[1] == group[2] >= 0
    assert list(group[3:]) == [-1, -1, -1]


def test_off_by_default_and_no_mates_no_change() -> None:
    assert not PairingConfig().salvo_mates
    time_s = np.array([0.0, 60.0])
    lat = np.array([48.0, 48.0])
    lon = np.array([lon_at_km(-10.0), lon_at_km(10.0)])
    side = np.array(["UA", "RU"])
    args = (time_s, lat, lon, np.full(2, 0.2), np.full(2, 150.0), side, np.ones(2))
    a = pair_events(*args, config=PairingConfig())
    b = pair_events(*args, config=PairingConfig(salvo_mates=True))
    assert a.p_launch == pytest.approx(b.p_launch)
