"""The demo's interim attribution on hand-made events: pairing, party, rule, corroboration."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from truceline.demo.interim import SectorOf, attribute, pair_events
from truceline.geo.areas import front_areas
from truceline.model.reports import Report
from truceline.protocol.agreement import load_agreement

T = 1_780_300_000.0


def test_a_launch_pairs_with_the_impact_its_flight_time_allows() -> None:
    time_s = np.array([T, T + 40.0, T + 41.0, T + 500.0])
    lat = np.array([48.35, 48.25, 48.36, 48.0])
    lon = np.array([37.00, 37.15, 37.01, 37.3])
    side = ["UA", "RU", "UA", "RU"]
    partner = pair_events(time_s, lat, lon, side)
    assert partner[0] == 1 and partner[1] == -2  # 13 km in 40 s, across the line
    assert partner[2] == -1 and partner[3] == -1  # same side / too late: alone


def test_verdicts_name_rule_party_and_corroborating_report() -> None:
    agreement = load_agreement("ukraine-2026")
    events = pa.table({
        "event_id": ["E1", "E2"], "time": [T, T + 100.0], "lat": [48.60, 48.45], "lon": [37.20, 37.65],
        "side": ["UA", "RU"], "p_side": [0.99, 0.98], "kind": ["unknown", "unknown"],
        "ellipse_major_km": [0.3, 0.3], "ellipse_minor_km": [0.2, 0.2], "ellipse_azimuth_deg": [0.0, 0.0],
    })
    patrol = Report(report_id="patrol-1", source="patrol", kind="explosion_impact", time_start=T, time_end=T + 120.0,
                    observer_lat=48.45, observer_lon=37.55, bearing_min_deg=45.0, bearing_max_deg=135.0,
                    distance_min_km=5.0, distance_max_km=10.0, reliability="B2")
    result = attribute(events, front_areas(), [patrol], agreement.terms, SectorOf([s.id for s in agreement.sectors]))
    assert [v.status for v in result.verdicts] == ["automatic", "corroborated"]
    first, second = result.verdicts
    assert (first.event_id, first.firing_party, first.target_party, first.sector) == ("E1", "UA", "RU", "donetsk")
    assert first.confidence == round(0.99 * 0.98, 4) < second.confidence
    assert second.evidence_ids == ("E1", "E2", "patrol-1") and second.at_s == T + 120.0 + 600.0 and second.rule == first.rule
    assert result.events["kind"].to_pylist() == ["launch", "impact"]
    assert result.events["report_ids"].to_pylist() == ["patrol-1", "patrol-1"]
