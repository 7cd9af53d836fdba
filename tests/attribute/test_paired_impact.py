"""A paired "impact" that is probably a launch itself does not inherit its launch's certainty (issue #4, session 6).

On fused events a launch can be paired as the "impact" of another launch across the line (its own impact was not
located). Its firing-party claim is then the launch's only as far as it is an impact; as a launch, the party whose
area holds it fired it.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import truceline.attribute.attribution as attribution
from truceline.attribute.attribution import attribute_events
from truceline.geo.areas import Areas

from attribute_world import T0, events_table, lon_at_km


def _pair(monkeypatch: pytest.MonkeyPatch, areas: Areas, p_impact_of_b: float | None) -> attribution.Attribution:
    """A (UA, 8 km west of the line) paired with B (RU, 10 km east, 45 s later); B's role odds set when given."""
    real = attribution.pair_events

    def with_roles(*args: object, **kwargs: object) -> attribution.Pairing:
        pairing = real(*args, **kwargs)  # type: ignore[arg-type]
        assert pairing.kind[0] == "launch" and pairing.kind[1] == "impact" and pairing.partner[1] == 0
        if p_impact_of_b is None:
            return pairing
        p_launch, p_impact = pairing.p_launch.copy(), pairing.p_impact.copy()
        p_impact[1], p_launch[1] = p_impact_of_b, 1.0 - p_impact_of_b
        return dataclasses.replace(pairing, p_launch=p_launch, p_impact=p_impact)

    monkeypatch.setattr(attribution, "pair_events", with_roles)
    rows = [("A", T0, 48.0, lon_at_km(-8.0)), ("B", T0 + 45.0, 48.0, lon_at_km(10.0))]
    return attribute_events(events_table(rows), areas)


def _launch_fired(result: attribution.Attribution) -> float:
    """P(UA fired B's round) as B's launch claims it (since 2026-12-02, branch pair6): A is 8 km inside UA, so as a launch
    UA fired it; as an impact A is not B's launch, and B is an impact (10 km inside RU) whose launch is unknown: from
    across the line with the prior 0.9."""
    p_a = float(result.p_kind[0])
    return p_a * 1.0 + (1.0 - p_a) * 0.9


def test_a_sure_impact_takes_its_launchs_claim(monkeypatch: pytest.MonkeyPatch, areas: Areas) -> None:
    """As far as its launch is one; the rest of the launch's doubt (it may be an impact, the pair chance) leaves B an
    impact of fire from across the line. Before, B took A's claim whole, which is A's doubt about its role (an impact in
    UA's area is RU's fire) and says nothing of who fired B."""
    result = _pair(monkeypatch, areas, 1.0)
    assert result.firing_party[1] == result.firing_party[0] == "UA"
    assert result.p_firing_party[1] == pytest.approx(_launch_fired(result), abs=1e-9)
    assert result.p_firing_party[1] >= result.p_firing_party[0] - 1e-9


def test_a_paired_impact_that_is_probably_a_launch_is_claimed_for_its_own_side(monkeypatch: pytest.MonkeyPatch,
                                                                                areas: Areas) -> None:
    sure = _pair(monkeypatch, areas, None)
    doubtful = _pair(monkeypatch, areas, 0.08)
    assert doubtful.firing_party[0] == "UA" and doubtful.p_firing_party[0] == pytest.approx(sure.p_firing_party[0])
    # 8 % an impact of A's fire (UA), 92 % a launch in RU's area: RU fired it, about 0.92 sure — not A's 0.99.
    assert doubtful.firing_party[1] == "RU"
    assert doubtful.p_firing_party[1] == pytest.approx(0.92 * float(doubtful.p_side[1]) + 0.08 * (1.0 - _launch_fired(doubtful)), abs=1e-6)
    half = _pair(monkeypatch, areas, 0.5)
    assert half.p_firing_party[1] < 0.6 and np.isfinite(half.p_firing_party[1])
