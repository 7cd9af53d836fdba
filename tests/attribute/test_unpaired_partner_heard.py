"""An unpaired event whose partner was located but not paired with it is not judged by the levels' "partner unheard" odds
in that role (``PairingConfig.unpaired_partner_heard``, :func:`truceline.attribute.pairing.located_partners`,
``acoustics.unpaired_impact_odds(launch_partner_located=..., impact_partner_located=...)``): a loud gun of a battery's
salvo left unpaired while its salvo's impacts were located (one of them unpaired at its time of flight) lost no partner
to the levels; a detonation landing on the battery minutes after it fired has no such round."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from truceline.attribute.acoustics import LevelModel, SourceLevels, unpaired_impact_odds
from truceline.attribute.context import ContextOdds
from truceline.attribute.pairing import PairingConfig, assign_unpaired_roles, located_partners

from attribute_world import T0, lon_at_km

# A mortar run: launches 100 dB, detonations 111 dB; the stations hear an event 0-8 dB above their threshold, so a launch
# 11 dB quieter than its impact is often missed, an impact 11 dB louder than its launch seldom.
MODEL = LevelModel(has_class=np.array([True, False, False]), launch_db=np.array([100.0, np.nan, np.nan]),
                   impact_db=np.array([111.0, np.nan, np.nan]), sigma_db=np.array([3.0, np.nan, np.nan]),
                   weight=np.array([0.9, 0.0, 0.0]), unmodelled_share=0.1, all_levels_db=np.linspace(90.0, 125.0, 351),
                   bandwidth_db=1.5)
MARGINS = np.array([8.0, 6.0, 4.0, 2.0, 0.0, -2.0])


def _world(late: bool = False) -> tuple[np.ndarray, ...]:
    """Three paired launches of a battery 3 km inside UA (t 0-2 s) and their impacts 8 km away 40 s later; an unpaired
    event at the battery 1.5 s after the first gun (or, ``late``, 90 s after: a detonation landing on it), and an unpaired
    event at the target 41.5 s after the first gun (its salvo's fourth impact)."""
    time_s = T0 + np.array([0.0, 1.0, 2.0, 40.0, 41.0, 42.0, 91.5 if late else 1.5, 41.5])
    lat = np.array([48.0, 48.001, 48.002, 48.0, 48.001, 48.002, 48.0015, 48.0015])
    lon = np.array([lon_at_km(-3.0)] * 3 + [lon_at_km(5.0)] * 3 + [lon_at_km(-3.0), lon_at_km(5.0)])
    kind = np.array(["launch"] * 3 + ["impact"] * 3 + ["unknown"] * 2, dtype="<U7")
    partner = np.array([3, 4, 5, 0, 1, 2, -1, -1], dtype=np.int64)
    return kind, partner, time_s, lat, lon


def test_located_partners_of_a_salvo_round() -> None:
    kind, partner, time_s, lat, lon = _world()
    config = PairingConfig(unpaired_partner_heard=True)
    as_launch, as_impact = located_partners(kind, partner, time_s, lat, lon, config, np.full(8, 100.0))
    assert as_launch.tolist() == [False] * 6 + [True, False]  # the battery's round: its impact lies at the target
    assert as_impact.tolist() == [False] * 7 + [True]  # the target's round: its launch stands at the battery
    # Outside the window (the impact 20 s late) nothing was heard.
    far = time_s.copy()
    far[7] += 20.0
    as_launch, as_impact = located_partners(kind, partner, far, lat, lon, config, np.full(8, 100.0))
    assert not as_launch.any() and not as_impact.any()


def test_a_mate_unsure_of_its_launch_role_makes_the_partner_located_as_unsurely() -> None:
    """Two detonations side by side, one chance-paired as a "launch", are no salvo: the located partner is as probable as
    the mates' launch role (the largest over the mates)."""
    kind, partner, time_s, lat, lon = _world()
    p_launch = np.array([0.3, 0.2, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0])
    p_impact = np.array([0.0, 0.0, 0.0, 0.9, 0.6, 0.7, 0.0, 0.0])
    as_launch, as_impact = located_partners(kind, partner, time_s, lat, lon, PairingConfig(unpaired_partner_heard=True), np.full(8, 100.0),
                                            p_launch=p_launch, p_impact=p_impact)
    assert as_launch[6] == pytest.approx(0.3) and as_impact[7] == pytest.approx(0.9)
    args = dict(min_stations=3, silent_launch_share=0.05, partner_elsewhere=0.02)
    plain = unpaired_impact_odds(MODEL, 104.0, 1.0, MARGINS, **args)
    heard = unpaired_impact_odds(MODEL, 104.0, 1.0, MARGINS, **args, launch_partner_located=np.array([1.0]))
    half = unpaired_impact_odds(MODEL, 104.0, 1.0, MARGINS, **args, launch_partner_located=np.array([0.5]))
    assert heard < half < plain


def test_a_detonation_landing_on_the_battery_later_has_no_located_partner() -> None:
    kind, partner, time_s, lat, lon = _world(late=True)
    as_launch, as_impact = located_partners(kind, partner, time_s, lat, lon, PairingConfig(unpaired_partner_heard=True), np.full(8, 100.0))
    assert not as_launch[6] and not as_impact[6]


def test_a_located_partner_pays_no_miss() -> None:
    """A 104 dB event: as a launch its 115 dB impact would seldom go unheard, so unpaired it looks like an impact; with its
    impact located the launch role pays nothing for that, and the levels alone (nearer a launch's) decide."""
    args = dict(min_stations=3, silent_launch_share=0.05, partner_elsewhere=0.02)
    plain = unpaired_impact_odds(MODEL, 104.0, 1.0, MARGINS, **args)
    heard = unpaired_impact_odds(MODEL, 104.0, 1.0, MARGINS, **args, launch_partner_located=np.array([True]))
    assert plain > 5.0 and heard < 0.25 and heard < plain / 20.0
    # The mirror: an impact whose launch was located.
    loud = unpaired_impact_odds(MODEL, 110.0, 1.0, MARGINS, **args)
    loud_heard = unpaired_impact_odds(MODEL, 110.0, 1.0, MARGINS, **args, impact_partner_located=np.array([True]))
    assert loud_heard > loud
    # No flag: unchanged.
    assert unpaired_impact_odds(MODEL, 104.0, 1.0, MARGINS, **args, launch_partner_located=np.array([False])) == pytest.approx(plain)


def _p_impact(heard: bool, late: bool = False) -> tuple[float, str]:
    kind, partner, time_s, lat, lon = _world(late)
    levels = SourceLevels(level_db=np.array([100.0] * 3 + [111.0] * 3 + [104.0, 111.0]), level_sigma_db=np.full(8, 1.0),
                          margins_db=tuple(MARGINS for _ in range(8)), attenuation_db_per_km=0.77, detection_snr_db=0.0)
    p_launch = np.array([1.0] * 3 + [0.0] * 5)
    p_impact = np.array([0.0] * 3 + [1.0] * 3 + [0.0] * 2)
    config = replace(PairingConfig(unpaired_partner_heard=heard), battery_odds=1.5)
    reason = [""] * 8
    assign_unpaired_roles(kind.copy(), partner, p_launch, p_impact, reason, time_s, lat, lon, config, levels, MODEL,
                    ContextOdds(battery=1.5, impact_area=0.1), np.full(8, 100.0))
    return float(p_impact[6]), reason[6]


def test_the_salvo_round_is_a_launch() -> None:
    old, _ = _p_impact(heard=False)
    new, reason = _p_impact(heard=True)
    assert old > 0.5  # partner-unheard odds: an impact
    assert new < 0.5  # its impact was located: a launch
    assert "was located but not paired with it" in reason
    # A detonation landing on the battery 90 s after it fired is judged as before.
    assert _p_impact(heard=True, late=True)[0] == pytest.approx(_p_impact(heard=False, late=True)[0])


def test_on_by_default() -> None:
    """On since session 14 (partner14), with the flight check of ``partner_heard_flight``."""
    assert PairingConfig().unpaired_partner_heard and PairingConfig().partner_heard_flight
