"""The round that ``unpaired_partner_heard`` finds must be one the salvo's weapon could have fired or received
(``PairingConfig.partner_heard_flight``, :func:`truceline.attribute.pairing.flight_fit_share`): the flight between the
unpaired event and the round found fits the time-of-flight envelope of the classes the mate's pair may be. Two two-round
mortar missions landing in turn — two detonations at A, one chance-paired as the "launch" of a detonation at B 58 s later,
and a second detonation at B — look like a battery's salvo and its impacts, but A's other detonation is 3 km from B's
other one, a range at which a mortar's bomb lands in at most 45 s, not 55."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from truceline.attribute.acoustics import LevelModel, SourceLevels
from truceline.attribute.context import ContextOdds
from truceline.attribute.pairing import PairingConfig, assign_unpaired_roles, flight_fit_share, located_partners

from attribute_world import T0, lon_at_km

MODEL = LevelModel(has_class=np.array([True, False, False]), launch_db=np.array([100.0, np.nan, np.nan]),
                   impact_db=np.array([111.0, np.nan, np.nan]), sigma_db=np.array([3.0, np.nan, np.nan]),
                   weight=np.array([0.9, 0.0, 0.0]), unmodelled_share=0.1, all_levels_db=np.linspace(90.0, 125.0, 351),
                   bandwidth_db=1.5)
MARGINS = np.array([8.0, 6.0, 4.0, 2.0, 0.0, -2.0])
MORTAR = np.array([1.0, 0.0, 0.0])


def _world(salvo: bool) -> tuple[np.ndarray, ...]:
    """Event 0 at A (3 km inside UA) paired as the launch of event 1, 4.9 km east, 55 s later (a mortar's flight). Event 2
    is unpaired 1 s after event 0 and event 3 unpaired 55 s after event 2 near event 1 — ``salvo``: at A and 4.9 km
    east (the salvo's second round, its impact); else 1.0 km east of A and 4.0 km east of A (two missions' detonations,
    3.0 km apart)."""
    a, b = -3.0, 1.9
    second_a, second_b = (a, b) if salvo else (a + 1.0, a + 4.0)
    time_s = T0 + np.array([0.0, 55.0, 1.0, 56.0])
    lat = np.array([48.0, 48.0, 48.0005, 48.0005])
    lon = np.array([lon_at_km(a), lon_at_km(b), lon_at_km(second_a), lon_at_km(second_b)])
    kind = np.array(["launch", "impact", "unknown", "unknown"], dtype="<U7")
    partner = np.array([1, 0, -1, -1], dtype=np.int64)
    return kind, partner, time_s, lat, lon


def _classes() -> np.ndarray:
    return np.array([MORTAR, MORTAR, np.zeros(3), np.zeros(3)])


def test_flight_fit_share_by_hand() -> None:
    kind, partner, time_s, lat, lon = _world(salvo=False)
    sigma = np.full(4, 100.0)
    # The mate's own flight (4.9 km, 55 s) fits a mortar; 3.0 km in 55 s does not (a mortar's longest flight there:
    # sqrt(2 x 3000 m x tan 70 deg / g) x 1.1 = 45 s, ten seconds and more than four standard deviations short).
    assert flight_fit_share(np.array([0]), np.array([1]), time_s, lat, lon, sigma, MORTAR)[0] == 1.0
    assert flight_fit_share(np.array([2]), np.array([3]), time_s, lat, lon, sigma, MORTAR)[0] == 0.0
    # Any class: no gun or rocket flies 3 km in 55 s either; backwards in time nothing fits.
    assert flight_fit_share(np.array([2]), np.array([3]), time_s, lat, lon, sigma)[0] == 0.0
    assert flight_fit_share(np.array([1]), np.array([0]), time_s, lat, lon, sigma)[0] == 0.0
    # Weighed by the classes: half mortar, half a class it does not fit (a gun at 4.9 km flies at most 34 s).
    assert flight_fit_share(np.array([0]), np.array([1]), time_s, lat, lon, sigma, np.array([0.5, 0.5, 0.0]))[0] == pytest.approx(0.5)
    # Large position errors widen the envelope's tolerance: 3 km apart with 1.5 km errors each may be 4.9 km.
    assert flight_fit_share(np.array([2]), np.array([3]), time_s, lat, lon, np.full(4, 1500.0), MORTAR)[0] == 1.0


def test_located_partners_needs_a_flight_of_the_salvos_weapon() -> None:
    sigma = np.full(4, 100.0)
    for salvo in (True, False):
        kind, partner, time_s, lat, lon = _world(salvo)
        args = dict(p_launch=np.array([0.98, 0.0, 0.0, 0.0]), p_impact=np.array([0.0, 1.0, 0.0, 0.0]), class_probability=_classes())
        checked = located_partners(kind, partner, time_s, lat, lon, PairingConfig(unpaired_partner_heard=True), sigma, **args)
        unchecked = located_partners(kind, partner, time_s, lat, lon, PairingConfig(unpaired_partner_heard=True, partner_heard_flight=False),
                                     sigma, **args)
        # Without the check both worlds find the "salvo's" second round and its impact.
        assert unchecked[0][2] == pytest.approx(0.98) and unchecked[1][3] == pytest.approx(1.0)
        if salvo:
            assert checked[0][2] == pytest.approx(0.98) and checked[1][3] == pytest.approx(1.0)
        else:
            assert checked[0][2] == 0.0 and checked[1][3] == 0.0


def _p_impact(salvo: bool, flight: bool) -> tuple[float, str]:
    kind, partner, time_s, lat, lon = _world(salvo)
    levels = SourceLevels(level_db=np.array([103.0, 111.0, 105.0, 107.0]), level_sigma_db=np.full(4, 1.0),
                          margins_db=tuple(MARGINS for _ in range(4)), attenuation_db_per_km=0.77, detection_snr_db=0.0)
    p_launch = np.array([0.98, 0.0, 0.0, 0.0])
    p_impact = np.array([0.02, 1.0, 0.0, 0.0])
    config = replace(PairingConfig(unpaired_partner_heard=True, partner_heard_flight=flight), battery_odds=4.0)
    reason = [""] * 4
    assign_unpaired_roles(kind.copy(), partner, p_launch, p_impact, reason, time_s, lat, lon, config, levels, MODEL,
                    ContextOdds(battery=4.0, impact_area=0.1), np.full(4, 100.0), class_probability=_classes())
    return float(p_impact[2]), reason[2]


def test_a_detonation_beside_a_chance_paired_launch_stays_an_impact() -> None:
    """The 105 dB detonation beside the chance-paired "launch": without the check its impact as a launch counts as
    located and it pays no "partner unheard" — a launch; with it, the 3 km flight in 55 s is no mortar's and the levels'
    odds stand. A true salvo round (same places) keeps the located partner."""
    unchecked, reason = _p_impact(salvo=False, flight=False)
    checked, _ = _p_impact(salvo=False, flight=True)
    assert "was located but not paired with it" in reason
    assert unchecked < 0.5 < checked
    salvo_checked, salvo_reason = _p_impact(salvo=True, flight=True)
    assert salvo_checked == pytest.approx(_p_impact(salvo=True, flight=False)[0])
    assert salvo_checked < 0.5 and "was located but not paired with it" in salvo_reason


def test_the_check_is_on_by_default() -> None:
    assert PairingConfig().partner_heard_flight
