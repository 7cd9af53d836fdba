"""Two impacts of one mortar mission (launches unheard) chance-paired as the "launches" of two impacts of the other
side's mortar fire 6 km away, 27 s later: each is the other's "battery", and the best solution without the first gives
its partner to the second (a round at its own place). That alternative leaves the first an unpaired round beside the
second; its share follows the first's lone evidence (the second as its battery, and its level: 108 dB, where no mortar
launch was learned and where the run's detonations are) instead of counting for the launch role outright (session 8,
violation seed 10: E000271 at 1.000 as a launch, a true impact of the other party's fire)."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import LevelModel, SourceLevels
from truceline.attribute.context import ContextOdds
from truceline.attribute.pairing import PairingConfig, _context_roles

from attribute_world import T0, lon_at_km

# As the run (violation seed 10) learned: guns and rockets, no mortar class (its launches were seldom located).
MODEL = LevelModel(has_class=np.array([False, True, True]), launch_db=np.array([np.nan, 114.1, 114.6]),
                   impact_db=np.array([np.nan, 114.6, 114.6]), sigma_db=np.array([np.nan, 2.4, 2.4]),
                   weight=np.array([0.0, 0.47, 0.43]), unmodelled_share=0.1, all_levels_db=np.linspace(95.0, 125.0, 301),
                   bandwidth_db=1.5)


def _roles(taker_keeps_role: bool) -> tuple[np.ndarray, np.ndarray]:
    """Events 0 and 1 (108 and 109 dB, 150 m and 1 s apart, 1.1 km inside UA) paired as launches of 2 and 3 (5.7 km
    away inside RU, 27 s later). Event 0: margin 2.95, the alternative gives 2 to event 1; event 1: margin 2.12, the
    alternative leaves it unpaired."""
    kind = np.array(["launch", "launch", "impact", "impact"])
    partner = np.array([2, 3, 0, 1])
    alternative = np.zeros(4, dtype=np.int8)
    margin = np.array([2.95, 2.12, 1.31, 0.99])
    salvo_taker = np.array([-1 if taker_keeps_role else 1, -1, -1, -1])
    alternative_weight = np.exp(-margin / 2.0)
    alternative_weight[0] = 0.0  # event 0's alternative is the taker's: not an alternative that swaps or unpairs it
    chance_weight = np.zeros(4)
    time_s = T0 + np.array([0.0, 1.0, 27.3, 29.0])
    lat = np.array([48.0, 48.0013, 48.0, 48.0013])
    lon = np.array([lon_at_km(-1.1), lon_at_km(-1.1), lon_at_km(4.6), lon_at_km(4.6)])
    levels = SourceLevels(level_db=np.array([108.1, 109.2, 109.0, 108.5]), level_sigma_db=np.array([1.8, 1.6, 2.2, 2.3]),
                          margins_db=tuple(np.array([30.0, 24.0, 18.0, 12.0, 9.0, 5.0, 1.0]) for _ in range(4)),
                          attenuation_db_per_km=0.77, detection_snr_db=0.0)
    contexts = ContextOdds(battery=20.6, impact_area=0.0187)
    sigma = np.array([59.0, 59.0, 406.0, 426.0])
    config = PairingConfig(salvo_taker_keeps_role=taker_keeps_role)
    p_launch, p_impact = None, None
    for _ in range(config.context_rounds):
        p_launch, p_impact = _context_roles(kind, partner, alternative, alternative_weight, chance_weight, time_s, lat, lon, config,
                                            levels, MODEL, contexts, sigma, p_launch, p_impact, salvo_taker=salvo_taker,
                                            salvo_weight=np.exp(-margin / 2.0))
    assert p_launch is not None and p_impact is not None
    return p_launch, p_impact


def test_an_alternative_that_gives_the_partner_to_a_round_beside_it_is_judged_by_the_lone_evidence() -> None:
    old_launch, _ = _roles(taker_keeps_role=True)
    new_launch, new_impact = _roles(taker_keeps_role=False)
    assert old_launch[0] > 0.995  # before: the whole alternative counted for "launch"
    assert new_launch[0] < 0.985 and new_impact[0] > 0.015  # now its share follows the lone evidence (levels: impacts)
    assert abs(new_launch[0] + new_impact[0] - 1.0) < 1e-9
    # The other event, whose alternative leaves it unpaired (no taker), is judged as before.
    assert abs(new_launch[1] - old_launch[1]) < 0.01
