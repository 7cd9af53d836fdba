"""Impacts of a fire mission that the pairing takes for launches of far events (a time of flight fits a gun or a rocket):
inside the mission's impact cloud they are impacts, whether they are each other's only "battery" (the neighbours'
support is judged without the event, as belief propagation sends it) or the time-of-flight fit is good (the context's
odds weigh the chosen role, not only an alternative that swaps it). And a "launch" that is probably an impact is not
placed by its partner."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.attribution import AttributionConfig, attribute_events, launch_claim
from truceline.attribute.context import ContextOdds
from truceline.attribute.pairing import PairingConfig, _context_roles
from truceline.geo.areas import Areas

from attribute_world import T0, events_table, lon_at_km, salvo

OLD = PairingConfig(cavity_contexts=False, context_weighs_chosen=False)


def _mission_and_rockets() -> list[tuple[str, float, float, float]]:
    """An RU mortar battery 3 km behind the line fires four rounds 6 km into UA (time of flight 40 s; M1..M4 -> J1..J4),
    and two more rounds of the same mission land there whose launches went unheard (A, B). Half a minute later an RU
    rocket battery 17 km behind the line fires six rockets whose impacts are not located (R1..R6): 20 km from the
    cloud, in 30-35 s, a gun's or a rocket's time of flight from two of the cloud's impacts."""
    rows = []
    for k in range(4):
        rows.append((f"M{k + 1}", T0 + 4.0 * k, 48.0 + 0.002 * k, lon_at_km(3.0)))
        rows.append((f"J{k + 1}", T0 + 4.0 * k + 40.0, 48.0 + 0.002 * k, lon_at_km(-3.0) + 0.002 * k))
    rows.append(("A", T0 + 46.0, 48.001, lon_at_km(-3.1)))
    rows.append(("B", T0 + 50.5, 48.003, lon_at_km(-2.9)))
    for k in range(6):
        rows.append((f"R{k + 1}", T0 + 80.0 + 0.7 * k, 48.0 + 0.001 * k, lon_at_km(17.0)))
    return rows


def test_two_impacts_of_a_mission_taken_for_launches_are_not_each_others_battery(areas: Areas) -> None:
    """The pairing makes two of the cloud's impacts "launches" of rockets 20 km away (cost about 0), side by side: each
    was the other's battery at full strength, so each stayed a launch (p 0.52) and its firing party was the side it
    lies on (UA: wrong, RU fired into UA). Judged without each other, each has only the impact cloud around it: impacts,
    fired by RU. The mission's own launches stay launches."""
    new = attribute_events(events_table(_mission_and_rockets()), areas)
    old = attribute_events(events_table(_mission_and_rockets()), areas, config=AttributionConfig(pairing=OLD))
    chance = [i for i, e in enumerate(new.event_ids) if new.kind[i] == "launch" and new.event_ids[new.partner[i]].startswith("R")]
    assert len(chance) == 2  # the pairing itself is unchanged: two chance pairs into the rocket battery
    for i in chance:
        assert new.event_ids[i] in {"J1", "J2", "A", "B"}
        assert old.p_kind[i] > 0.5 and old.firing_party[i] == "UA"
        assert new.p_kind[i] < 0.35 and new.firing_party[i] == "RU" and new.p_firing_party[i] > 0.65
    for e in ("M1", "M2", "M3", "M4"):
        i = new.event_ids.index(e)
        assert new.kind[i] == "launch" and new.firing_party[i] == "RU" and new.p_firing_party[i] >= old.p_firing_party[i] - 1e-9


def test_a_battery_without_a_contrary_context_keeps_its_guns_support(areas: Areas) -> None:
    """Two guns of one battery, each the other's only battery and neither in an impact area: their mutual support is what
    the battery odds were learned with, and stays (the same probabilities as without the cavity)."""
    rows = salvo(2)
    new = attribute_events(events_table(rows), areas)
    old = attribute_events(events_table(rows), areas, config=AttributionConfig(pairing=PairingConfig(cavity_contexts=False)))
    np.testing.assert_allclose(new.p_kind, old.p_kind, atol=1e-12)


def test_the_context_weighs_a_good_time_of_flight_fit_inside_an_impact_cloud() -> None:
    """A "launch" (0) whose pair with a far event (1) fits well (its best alternative leaves both unpaired, weight
    e^-3.45) among many chance candidates (weight 0.36), standing where four impacts of fire from elsewhere landed
    (2..5, fired from 6..9 6 km away) and where no launch fired. Before, only an alternative that swaps the role was
    weighed by the context, so the fit's own share kept it a launch (p 0.65); with the impact area's learned odds (1 : 78)
    on the chosen role it is an impact."""
    n = 10
    kind = np.array(["launch", "impact"] + ["impact"] * 4 + ["launch"] * 4)
    partner = np.array([1, 0, 6, 7, 8, 9, 2, 3, 4, 5])
    alternative = np.zeros(n, dtype=np.int8)
    alternative_weight = np.full(n, 0.01)
    alternative_weight[0] = float(np.exp(-3.45))
    chance_weight = np.full(n, 0.01)
    chance_weight[0] = 0.36
    time_s = T0 + np.array([0.0, 35.0, -6.0, -4.0, -2.0, 2.0, -46.0, -44.0, -42.0, -38.0])
    lat = np.array([48.0, 48.0, 48.001, 48.002, 47.999, 48.0, 48.0, 48.001, 48.002, 48.003])
    lon = np.array([lon_at_km(-3.0), lon_at_km(17.0)] + [lon_at_km(-3.0) + 0.001 * k for k in range(4)] + [lon_at_km(3.0)] * 4)
    contexts = ContextOdds(battery=5.6, impact_area=1.0 / 78.0)

    def roles(config: PairingConfig) -> tuple[np.ndarray, np.ndarray]:
        p_launch, p_impact = None, None
        for _ in range(2):
            p_launch, p_impact = _context_roles(kind, partner, alternative, alternative_weight, chance_weight, time_s, lat, lon, config,
                                                None, None, contexts, None, p_launch, p_impact)
        assert p_launch is not None and p_impact is not None
        return p_launch, p_impact

    old_launch, _ = roles(PairingConfig(context_weighs_chosen=False))
    new_launch, new_impact = roles(PairingConfig())
    assert old_launch[0] > 0.6
    assert new_launch[0] < 0.3 and new_impact[0] > 0.7
    # The impacts around it, and the launches 6 km away, keep their roles.
    assert (new_impact[2:6] > 0.9).all() and (new_launch[6:] > 0.9).all()


def test_a_launch_that_is_probably_an_impact_is_not_placed_by_its_partner() -> None:
    """An event on the line (0.5 in its party's area) paired as the launch of an impact across it, but probably an impact
    (0.97): as a launch its partner would place it (0.98 in its own area), as an impact it is where it is. Before, the
    partner placed it in both roles and the other party was named at 0.95."""
    assert launch_claim(0.03, 0.97, 0.5, 0.98) == pytest.approx(0.03 * 0.98 + 0.97 * 0.5)
    assert 0.45 < launch_claim(0.03, 0.97, 0.5, 0.98) < 0.55
    # A sure launch: its partner's evidence as before; no role: even.
    assert launch_claim(1.0, 0.0, 0.5, 0.98) == pytest.approx(0.98)
    assert launch_claim(0.0, 0.0, 0.9, 0.98) == pytest.approx(0.5)


def test_first_round_pair_evidence_lowers_marginal_pairs_mutual_battery_only() -> None:
    """Two "launches" side by side (0, 1), each the other's only battery, paired with far events (2, 3) by pairs hardly
    better than leaving both unpaired (the best solution without them weighs 0.48 and 0.97): with
    ``first_round_pair_evidence`` the first round counts each neighbour as sure as its own pair makes it, so their mutual
    support, and their launch probability, is lower. Two guns of a battery with good pairs (weights 0.02, 0.03) keep theirs."""
    kind = np.array(["launch", "launch", "impact", "impact"])
    partner = np.array([2, 3, 0, 1])
    alternative = np.zeros(4, dtype=np.int8)
    time_s = T0 + np.array([0.0, 1.0, 29.0, 27.5])
    lat = np.array([48.0, 48.002, 48.05, 48.0])
    lon = np.array([lon_at_km(-1.0), lon_at_km(-1.1), lon_at_km(5.0), lon_at_km(4.7)])
    contexts = ContextOdds(battery=10.0, impact_area=1.0 / 30.0)

    def roles(config: PairingConfig, weights: list[float]) -> np.ndarray:
        alternative_weight = np.array(weights + weights)
        p_launch, p_impact = None, None
        for _ in range(2):
            p_launch, p_impact = _context_roles(kind, partner, alternative, alternative_weight, np.zeros(4), time_s, lat, lon, config,
                                                None, None, contexts, None, p_launch, p_impact)
        assert p_launch is not None
        return p_launch

    on = PairingConfig(first_round_pair_evidence=True)
    marginal_off, marginal_on = roles(PairingConfig(), [0.48, 0.97]), roles(on, [0.48, 0.97])
    assert (marginal_on[:2] < marginal_off[:2] - 0.01).all()
    np.testing.assert_allclose(roles(on, [0.02, 0.03])[:2], roles(PairingConfig(), [0.02, 0.03])[:2], atol=1e-3)
