"""The assignment mixture's evidence read within each run (``PairingConfig.assignment_mixture_evidence_both``,
:func:`truceline.attribute.assignment_mixture.evidence_log_ratio`): an alternative is compared with the cheapest under
the cheapest's contexts and under its own, not its own run's roles against the cheapest run's."""

from __future__ import annotations

import numpy as np
from attribute_world import events_table
from test_chance_launch import _mission_and_rockets
from test_pairing import two_guns_one_impact

from truceline.attribute.assignment_mixture import Alternative, evidence_log_ratio, mixed_over_assignments
from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.pairing import PairingConfig
from truceline.geo.areas import Areas

# Three events: the cheapest pairs 0 -> 1, but its own run reads 1 a launch (0.9: the pair turned over by the contexts);
# the alternative pairs 1 -> 2 (0 unpaired), and its run reads its roles at 0.6 and 0.7.
CHEAPEST = {(0, 1)}
ALTERNATIVE = {(1, 2)}
P0_LAUNCH = np.array([0.7, 0.9, 0.3])
PA_LAUNCH = np.array([0.55, 0.6, 0.3])


def test_the_evidence_ratio_by_hand() -> None:
    events = np.array([0, 1, 2], dtype=np.intp)
    p0_i, pa_i = 1.0 - P0_LAUNCH, 1.0 - PA_LAUNCH
    # The cheapest read in its own run: 0 a launch 0.7, 1 an impact 0.1, 2 unpaired (its likelier role, impact 0.7).
    cheapest_own = np.log(0.7 * 0.1 * 0.7)
    # The alternative in its own run: 1 a launch 0.6, 2 an impact 0.7, 0 unpaired (launch 0.55).
    alternative_own = np.log(0.6 * 0.7 * 0.55)
    single = evidence_log_ratio(events, ALTERNATIVE, CHEAPEST, P0_LAUNCH, p0_i, PA_LAUNCH, pa_i)
    assert np.isclose(single, alternative_own - cheapest_own)
    # Within the cheapest's run: the alternative's roles 0.9 * 0.7 * 0.7 against 0.7 * 0.1 * 0.7; within the
    # alternative's: 0.6 * 0.7 * 0.55 against 0.55 * 0.4 * 0.7. The mean of the two.
    within_cheapest = np.log(0.9 * 0.7 * 0.7) - np.log(0.7 * 0.1 * 0.7)
    within_alternative = np.log(0.6 * 0.7 * 0.55) - np.log(0.55 * 0.4 * 0.7)
    both = evidence_log_ratio(events, ALTERNATIVE, CHEAPEST, P0_LAUNCH, p0_i, PA_LAUNCH, pa_i, both_views=True)
    assert np.isclose(both, 0.5 * (within_cheapest + within_alternative))
    # The cheapest's run already reads 1 a launch; pair27's form charges the cheapest for it against the alternative's
    # own reading, so it weighs the alternative above what either run says alone.
    assert single > both > 0.0


def test_the_mixture_weighs_the_alternative_by_the_mean_of_the_two_views() -> None:
    kind = np.array(["launch", "impact", "unknown"])
    partner = np.array([1, 0, -1])
    alternative = Alternative(piece=0, removed=frozenset(CHEAPEST), added=frozenset(ALTERNATIVE), margin=1.0,
                              events=np.array([0, 1, 2], dtype=np.intp), region=np.array([0, 1, 2], dtype=np.intp))
    given: list[set[tuple[int, int]]] = []

    def run(pairs: set[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        given.append(pairs)
        return PA_LAUNCH, 1.0 - PA_LAUNCH

    launch = {}
    for both in (False, True):
        launch[both], _, weight, runs = mixed_over_assignments(partner, kind, P0_LAUNCH, 1.0 - P0_LAUNCH, [alternative], run,
                                                               evidence=True, both_views=both)
        ratio = evidence_log_ratio(alternative.events, ALTERNATIVE, CHEAPEST, P0_LAUNCH, 1.0 - P0_LAUNCH, PA_LAUNCH,
                                   1.0 - PA_LAUNCH, both_views=both)
        w = np.exp(-(1.0 - 2.0 * ratio) / 2.0)
        assert runs == 1 and np.allclose(weight, w)
        assert np.allclose(launch[both], (P0_LAUNCH + w * PA_LAUNCH) / (1.0 + w))
    assert all(pairs == ALTERNATIVE for pairs in given)
    # The alternative reads 1 a launch less than the cheapest does: weighed less, 1 stays nearer the cheapest's 0.9.
    assert launch[False][1] < launch[True][1] < 0.9


def test_an_alternative_whose_chance_launches_back_each_other_is_not_weighed_over_the_cheapest(areas: Areas) -> None:
    """test_chance_launch's world (an RU battery's rounds into UA, two more of the mission's impacts unheard, RU rockets 20
    km away whose impacts are not located; the pairing takes two of the cloud's impacts for rocket launches). With
    pair27's form the alternative that makes three of the cloud's impacts launches of rockets weighs 3.4 against
    the cheapest's 1 (its own run reads them as each other's battery, the cheapest's run reads its two chance "launches"
    as impacts and is charged for it), and the chance launches rise from 0.28 to 0.44 and 0.49; read within each run it
    weighs less, and each stays nearer its impact role (0.37, 0.47). The mission's launches stay RU's launches either way."""
    def run(both: bool) -> tuple[list[float], list[str]]:
        config = PairingConfig(assignment_mixture=True, assignment_mixture_evidence=True, unpaired_margins=True,
                               assignment_mixture_evidence_both=both)
        result = attribute_events(events_table(_mission_and_rockets()), areas, config=AttributionConfig(pairing=config))
        chance = [i for i, e in enumerate(result.event_ids)
                  if result.kind[i] == "launch" and result.event_ids[result.partner[i]].startswith("R")]
        assert len(chance) == 2
        for e in ("M1", "M2", "M3", "M4"):
            i = result.event_ids.index(e)
            assert result.kind[i] == "launch" and result.firing_party[i] == "RU" and result.p_kind[i] > 0.6
        return [float(result.p_kind[i]) for i in chance], [str(result.firing_party[i]) for i in chance]

    single, single_party = run(False)
    both, both_party = run(True)
    assert single_party == both_party == ["RU", "RU"]
    assert all(b < s - 0.01 for b, s in zip(both, single)) and max(both) < 0.5


MIXTURE = PairingConfig(assignment_mixture=True, assignment_mixture_evidence=True, unpaired_margins=True,
                        assignment_mixture_evidence_both=True)


def test_with_the_mixture_two_guns_tied_for_one_impact_read_alike() -> None:
    """test_pairing's two guns of one battery (a second and 100 m apart) and one located impact: which gun fired it is a
    tie (0.001 apart), so the mixture gives each gun the mean of "fired the located round" (a sure launch) and "its round
    was not located" (its lone evidence beside a paired gun, 0.88): both about 0.94, whichever the assignment chose; the
    plain assignment gives the chosen one 1.00 and the other 0.88. That one of them is a launch stays sure."""
    plain = two_guns_one_impact(PairingConfig(assignment_mixture=False, unpaired_margins=False))
    mixed = two_guns_one_impact(MIXTURE)
    assert list(mixed.partner) == list(plain.partner) and mixed.partner[2] in (0, 1)
    assert abs(plain.p_launch[0] - plain.p_launch[1]) > 0.1
    assert abs(mixed.p_launch[0] - mixed.p_launch[1]) < 0.01 and min(mixed.p_launch[:2]) > 0.9
    assert mixed.p_impact[2] > 0.95
