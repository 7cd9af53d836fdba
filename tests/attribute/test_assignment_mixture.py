"""Session 27, pair27: the roles mixed over the near-optimal assignments (``PairingConfig.assignment_mixture``,
:mod:`truceline.attribute.assignment_mixture`) and an unpaired event's role weighing the solutions that pair it
(``PairingConfig.unpaired_margins``, :mod:`truceline.attribute.unpaired_margins`)."""

from __future__ import annotations

import numpy as np
from attribute_world import T0, lon_at_km

from truceline.attribute.assignment_mixture import Alternative, mix_roles, mixture_batches, piece_alternatives, role_evidence
from truceline.attribute.pairing import Pairing, PairingConfig, pair_events
from truceline.attribute.unpaired_margins import mixed_roles, unpaired_alternatives

# Three candidates: 0 -> 1 (cost 1.0) and 2 -> 1 (cost 1.002) compete for the impact 1; 3 -> 4 is a pair of its own.
HEADS, TAILS = np.array([0, 2, 3]), np.array([1, 1, 4])
COST = np.array([1.0, 1.002, 0.5])


def test_an_unpaired_event_gets_the_margin_of_the_best_solution_that_pairs_it() -> None:
    partner = np.array([1, 0, -1, 4, 3])
    found = unpaired_alternatives(partner, HEADS, TAILS, COST, 4.0)
    assert set(found) == {2}
    as_launch, as_impact = found[2]
    assert as_impact is None  # no candidate makes it an impact
    assert as_launch is not None and as_launch.partner == 1 and as_launch.given_up == (0,)
    assert abs(as_launch.margin - 0.002) < 1e-9


def test_a_near_tie_gives_even_roles_and_a_clear_margin_leaves_the_lone_evidence() -> None:
    """Lone evidence: a launch with probability 0.1. A solution pairing it as a launch 0.002 dearer (no crowd) takes half
    the weight: p launch 0.1 * 0.5 + 0.5; one dearer by 10 moves it by under 0.01; a crowd dilutes the pair's share."""
    tie = mixed_roles(0.1, 0.9, (float(np.exp(-0.001)), 0.0), None)
    assert abs(tie[0] - (0.1 * (1 - np.exp(-0.001) / (1 + np.exp(-0.001))) + np.exp(-0.001) / (1 + np.exp(-0.001)))) < 1e-12
    assert 0.54 < tie[0] < 0.56 and abs(tie[0] + tie[1] - 1.0) < 1e-12
    clear = mixed_roles(0.1, 0.9, (float(np.exp(-5.0)), 0.0), None)
    assert 0.1 < clear[0] < 0.11
    crowded = mixed_roles(0.1, 0.9, (float(np.exp(-0.001)), 1.0), None)
    assert 0.1 < crowded[0] < tie[0]


def test_a_piece_alternatives_are_the_solutions_that_change_a_role() -> None:
    events = np.array([0, 1, 2])
    found = piece_alternatives(events, np.array([0, 1]), HEADS, TAILS, COST, {0, 2}, 4.0)
    assert len(found) == 2  # 2 -> 1 instead (0 unpaired), and all unpaired (the impact's pairs forbidden)
    margin, removed, added = found[0]
    assert abs(margin - 0.002) < 1e-9 and removed == frozenset({(0, 1)}) and added == frozenset({(2, 1)})
    assert abs(found[1][0] - (8.0 - 1.0)) < 1e-9 and found[1][2] == frozenset()


def _alternative(margin: float, region: list[int]) -> Alternative:
    return Alternative(piece=0, removed=frozenset(), added=frozenset(), margin=margin, events=np.array(region[:1], dtype=np.intp),
                       region=np.array(region, dtype=np.intp))


def test_alternatives_whose_regions_overlap_run_apart_and_the_mixture_weighs_each_by_its_cost() -> None:
    a, b, c = _alternative(0.0, [0, 1]), _alternative(1.0, [1, 2]), _alternative(2.0, [3])
    batches = mixture_batches([c, b, a], 5)
    assert [[alt.margin for alt in batch] for batch in batches] == [[0.0, 2.0], [1.0]]
    p_launch, p_impact = np.full(5, 0.9), np.full(5, 0.1)
    runs = [([(a, 0.0), (c, 2.0)], np.full(5, 0.1), np.full(5, 0.9)), ([(b, 1.0)], np.full(5, 0.5), np.full(5, 0.5))]
    launch, impact, weight = mix_roles(p_launch, p_impact, runs)
    wb, wc = np.exp(-0.5), np.exp(-1.0)
    assert np.allclose(weight, [1.0, 1.0 + wb, wb, wc, 0.0])
    assert np.isclose(launch[1], (0.9 + 0.1 + wb * 0.5) / (2.0 + wb)) and np.isclose(launch[4], 0.9)
    assert np.isclose(launch[3], (0.9 + wc * 0.1) / (1.0 + wc)) and np.allclose(launch + impact, 1.0)


def _earlier_impact(shift_s: float, config: PairingConfig, p_side_first: float = 1.0) -> Pairing:
    """A gun battery's launch (1, at -4 km) whose impact (2) lands 7.5 km away 22.5 s later, and an impact of an earlier
    salvo (0) at that target 22.5 s before the launch: 0 -> 1 (0 the "launch" of the battery's launch) and 1 -> 2 fit
    the same time of flight over the same distance; ``shift_s`` on the impact's time decides which is cheaper."""
    t = np.array([-22.5, 0.0, 22.5 + shift_s])
    km = np.array([3.5, -4.0, 3.5])
    return pair_events(T0 + 3600.0 + t, np.full(3, 48.0), np.array([lon_at_km(x) for x in km]), np.full(3, 0.3), np.full(3, 100.0),
                       np.where(km < 0, "UA", "RU"), np.array([p_side_first, 1.0, 1.0]), config, line_distance_m=km * 1000.0)


def test_two_near_tied_assignments_give_the_same_roles_whichever_wins() -> None:
    """Without the mixture the earlier impact is a launch at 0.75 when its pair wins by 0.001 and at 0.20 when it loses by
    as much (and the impact 2 an unpaired "launch" at 0.66, its battery context); mixed, both give the same roles."""
    for config, spread in ((PairingConfig(), 0.5), (PairingConfig(assignment_mixture=True), 0.0)):
        first, second = _earlier_impact(-0.05, config), _earlier_impact(0.05, config)
        assert first.partner[0] == 1 and second.partner[1] == 2  # the tie breaks both ways
        assert (abs(first.p_launch[0] - second.p_launch[0]) > spread) if spread else np.allclose(first.p_launch, second.p_launch, atol=0.01)
    mixed = _earlier_impact(0.05, PairingConfig(assignment_mixture=True))
    assert 0.4 < mixed.p_launch[0] < 0.55 and 0.4 < mixed.p_launch[1] < 0.5
    assert any("mixed over the near-optimal assignments" in r for r in mixed.reason)


def test_a_clear_assignment_stays_sure() -> None:
    """The earlier impact is inside its own side (p side 0.08): its pair as the battery's "launch" is some 5 dearer, the
    mixture moves its roles by a few hundredths, not to even."""
    plain = _earlier_impact(0.05, PairingConfig(), p_side_first=0.08)
    mixed = _earlier_impact(0.05, PairingConfig(assignment_mixture=True), p_side_first=0.08)
    assert plain.partner[1] == 2 and mixed.partner[1] == 2
    assert np.allclose(plain.p_launch, mixed.p_launch, atol=0.05)
    assert mixed.p_launch[0] < 0.3


def test_unpaired_margins_give_the_unpaired_event_its_pair_share() -> None:
    """``unpaired_margins``: the earlier impact, left unpaired by 0.001, is a launch at about one half, not 0.20; at p side
    0.08 it stays near its lone evidence."""
    plain, tied = _earlier_impact(0.05, PairingConfig()), _earlier_impact(0.05, PairingConfig(unpaired_margins=True))
    assert plain.p_launch[0] < 0.25 and 0.45 < tied.p_launch[0] < 0.6
    assert np.allclose(np.delete(plain.p_launch, 0), np.delete(tied.p_launch, 0))
    clear = _earlier_impact(0.05, PairingConfig(unpaired_margins=True), p_side_first=0.08)
    assert abs(clear.p_launch[0] - _earlier_impact(0.05, PairingConfig(), p_side_first=0.08).p_launch[0]) < 0.05


def test_role_evidence_reads_each_moved_event_in_its_role() -> None:
    p_launch, p_impact = np.array([0.8, 0.3, 0.1, 0.6]), np.array([0.2, 0.7, 0.9, 0.4])
    # 0 -> 1 paired, 2 unpaired (its likelier role, impact 0.9), 3 not among the moved events
    assert np.isclose(role_evidence(np.array([0, 1, 2]), {(0, 1)}, p_launch, p_impact), np.log(0.8 * 0.7 * 0.9))
    assert np.isclose(role_evidence(np.array([0, 1]), {(1, 0)}, p_launch, p_impact), np.log(0.3 * 0.2))


def test_with_the_roles_evidence_and_unpaired_margins_the_tie_is_still_even_and_a_clear_case_sure() -> None:
    config = PairingConfig(assignment_mixture=True, assignment_mixture_evidence=True, unpaired_margins=True)
    first, second = _earlier_impact(-0.05, config), _earlier_impact(0.05, config)
    assert np.allclose(first.p_launch, second.p_launch, atol=0.01) and 0.3 < first.p_launch[0] < 0.7
    clear = _earlier_impact(0.03, config, p_side_first=0.08)
    assert clear.partner[1] == 2 and clear.p_launch[0] < 0.3 and clear.p_launch[1] > 0.8
