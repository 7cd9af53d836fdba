"""Calibration on a small seeded scenario: claims made with high probability are right about that often."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.attribution import attribute_events
from truceline.attribute.evaluate import events_from_truth, reliability_table, score_pairing
from truceline.attribute.rules import decide_verdicts
from truceline.geo.areas import Areas
from truceline.model.agreement import Terms, ViolationRule
from truceline.model.reports import report_from_dict
from truceline.sim.config import SimConfig
from truceline.sim.scenario import simulate


@pytest.fixture(scope="module")
def scenario():  # noqa: ANN201 - a sim Scenario
    return simulate(SimConfig(preset="violation", hours=4.0), seed=11)


def test_reliability_on_a_seeded_scenario(scenario) -> None:  # noqa: ANN001
    truth = scenario.truth_events
    areas = Areas.from_geojson(scenario.areas)
    reports = [report_from_dict(r) for r in scenario.reports]
    events = events_from_truth(truth, np.random.default_rng(11))
    result = attribute_events(events, areas, reports)
    ids = [str(v) for v in truth["event_id"].to_pylist()]
    party = dict(zip(ids, truth["firing_party"].to_pylist()))
    truth_of = [e[1:] if e.startswith("T") else None for e in result.event_ids]
    claims = [(float(result.p_firing_party[i]), result.firing_party[i] == party[t])
              for i, t in enumerate(truth_of) if t is not None and result.firing_party[i]]
    assert len(claims) > 100
    table = reliability_table([p for p, _ in claims], [ok for _, ok in claims])
    for _, count, stated, observed in table:
        if count >= 20:
            assert observed >= stated - 0.12, table  # never much overconfident
    sure = [ok for p, ok in claims if p >= 0.95]
    assert len(sure) > 50 and np.mean(sure) >= 0.95

    kinds = dict(zip(ids, truth["kind"].to_pylist()))
    pairs = {i: (str(p) if p not in (None, "") else None) for i, p in zip(ids, truth["pair_id"].to_pylist())}
    score = score_pairing(truth_of, result.kind, result.partner, kinds, pairs)
    assert score.kind_accuracy > 0.9 and score.recall > 0.3

    terms = Terms(confidence_threshold=0.9, counting_statuses=("verified",),
                  violation_rules=(ViolationRule(id="launch", kind="launch_in_area", description=""),))
    verdicts = [v for v in decide_verdicts(result, areas, terms) if v.confidence >= 0.9]
    index = {e: i for i, e in enumerate(result.event_ids)}
    right = [party[truth_of[index[v.event_id]]] == v.firing_party for v in verdicts]  # type: ignore[index]
    assert len(right) > 30 and np.mean(right) >= 0.95

    matched = sum(1 for found in result.matches.values() if found)
    assert matched + int(result.report_only.sum()) + len(result.unplaced_reports) == len(reports)  # none dropped
