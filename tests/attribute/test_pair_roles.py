"""Session 26, level26: a chosen pair both of whose roles the evidence reverses is taken apart and the assignment made
again (``PairingConfig.pair_roles_agree``, :mod:`truceline.attribute.pair_roles`)."""

from __future__ import annotations

import numpy as np
from attribute_world import T0, lon_at_km, mortar_and_gun_rows

from truceline.attribute.acoustics import SourceLevels
from truceline.attribute.pair_roles import contradicted_pairs, without_pairs
from truceline.attribute.pairing import Pairing, PairingConfig, pair_events


def test_a_pair_is_contradicted_only_when_both_roles_are_reversed() -> None:
    kind = np.array(["launch", "impact", "launch", "impact", "launch", "impact", "impact"])
    partner = np.array([1, 0, 3, 2, 5, 4, -1])
    p_kind = np.array([0.35, 0.05, 0.35, 0.9, 0.9, 0.2, 0.1])
    assert contradicted_pairs(kind, partner, p_kind, 0.5) == [(0, 1)]  # 2->3: its impact is sure; 4->5: its launch is
    assert contradicted_pairs(kind, partner, p_kind, 0.95) == [(0, 1), (2, 3), (4, 5)]
    heads, tails = np.array([0, 0, 1, 2]), np.array([1, 3, 0, 3])
    cost, class_costs = np.array([0.1, 0.2, 0.3, 0.4]), np.arange(12.0).reshape(4, 3)
    h, t, c, cc = without_pairs(heads, tails, cost, class_costs, [(0, 1)])
    assert h.tolist() == [0, 1, 2] and t.tolist() == [3, 0, 3]  # the reverse candidate 1 -> 0 stays
    assert c.tolist() == [0.2, 0.3, 0.4] and cc[:, 0].tolist() == [3.0, 6.0, 9.0]


def _mission(config: PairingConfig) -> tuple[Pairing, int]:
    """Eight mortar and twelve gun pairs (the levels to learn), then a gun mission: three impacts of an earlier salvo at
    the target (+3.5 km) 40, 31 and 22 s before a battery 7.5 km away (-4 km) fires three rounds (0, 0.06, 1.8 s) that land
    22.5 s later. Guns' launches and impacts are equally loud, so the earlier impacts can be the "launches" of the
    battery's launches at a gun's time of flight: the least-cost assignment pairs two of them so."""
    t0 = 50 * 3600.0
    rows = [(r[0], r[1], r[2], 0.0) for r in mortar_and_gun_rows()]
    rows += [(t0 - 40.0, 3.5, 115.5, 0.0), (t0 - 31.0, 3.5, 115.5, 0.2), (t0 - 20.4, 3.5, 115.0, -0.2),
             (t0, -4.0, 115.0, 0.0), (t0 + 0.06, -4.0, 114.5, 0.1), (t0 + 1.8, -4.0, 115.2, -0.1),
             (t0 + 22.56, 3.5, 115.5, 0.1), (t0 + 22.5, 3.5, 115.8, 0.0), (t0 + 24.8, 3.5, 115.4, -0.1)]
    n = len(rows)
    km, y = np.array([r[1] for r in rows]), np.array([r[3] for r in rows])
    loud = np.array([2.0, 4.0, 6.0, 9.0, 12.0, 15.0])
    levels = SourceLevels(level_db=np.array([r[2] for r in rows]), level_sigma_db=np.full(n, 1.5), margins_db=tuple(loud for _ in range(n)),
                          attenuation_db_per_km=0.77, detection_snr_db=0.0)
    pairing = pair_events(T0 + np.array([r[0] for r in rows]), 48.0 + y / 111.2, np.array([lon_at_km(x) for x in km]), np.full(n, 0.3),
                          np.full(n, 100.0), np.where(km < 0, "UA", "RU"), np.ones(n), config, line_distance_m=km * 1000.0, levels=levels)
    return pairing, n - 9


def test_the_assignment_is_made_again_without_the_pairs_the_roles_reverse() -> None:
    """By default two earlier impacts (1, 2 of the mission) are the "launches" of the battery's launches (4, 5), both ends
    of each pair below 0.7 in their roles. With ``pair_roles_agree`` at 0.7 those two pairs are forbidden and the piece
    assigned again: neither is chosen, the twenty learning pairs stand, and the first battery launch keeps its impact."""
    before, m = _mission(PairingConfig())
    after, _ = _mission(PairingConfig(pair_roles_agree=True, pair_roles_agree_below=0.7))
    assert before.partner[m + 1] == m + 4 and before.partner[m + 2] == m + 5
    assert max(before.p_kind[m + 1], before.p_kind[m + 4]) < 0.7 and max(before.p_kind[m + 2], before.p_kind[m + 5]) < 0.7
    assert after.partner[m + 1] != m + 4 and after.partner[m + 2] != m + 5
    assert np.array_equal(after.partner[:m], before.partner[:m]) and (after.partner[:m] >= 0).all()
    # At the default 0.5 neither pair is reversed at both ends (the battery's launches are impacts at 0.65): nothing moves.
    same, _ = _mission(PairingConfig(pair_roles_agree=True))
    assert np.array_equal(same.partner, before.partner) and np.allclose(same.p_kind, before.p_kind)
