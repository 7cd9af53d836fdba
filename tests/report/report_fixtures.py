"""A small attributed run, built by code: events over two days, verdicts, and the outputs of the
ukraine-2026 engine fed with them (so the report has a real escalation timeline)."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
from truceline.geo.areas import front_areas
from truceline.model.cases import Acknowledgement, Fact, Violation
from truceline.protocol.agreement import load_agreement
from truceline.protocol.engine import Engine
from truceline.report.data import Run, day_window

DAY = date(2026, 6, 2)
T0 = day_window(DAY).start_s
HOUR = 3600.0

# (event id, hours from DAY 00:00, lat, lon, side, kind, pair, weapon): launches in UA or RU areas near Pokrovsk/Vuhledar
EVENTS = [
    ("E1", -20.0, 48.35, 37.00, "UA", "launch", "E2", "tube_artillery"),
    ("E2", -19.99, 48.25, 37.35, "RU", "impact", "E1", "tube_artillery"),
    ("E3", 2.0, 47.70, 37.55, "RU", "launch", "E4", "mortar"),
    ("E4", 2.005, 47.74, 37.47, "UA", "impact", "E3", "mortar"),
    ("E5", 5.5, 47.68, 37.60, "RU", "launch", "E6", "rocket_artillery"),
    ("E6", 5.51, 47.90, 37.10, "UA", "impact", "E5", "rocket_artillery"),
    ("E7", 13.25, 48.30, 37.00, "UA", "launch", "E8", "tube_artillery"),
    ("E8", 13.26, 48.22, 37.33, "RU", "impact", "E7", "tube_artillery"),
    ("E9", 14.0, 48.0, 37.3, "UA", "unknown", "", ""),
]


def events_table() -> pa.Table:
    rows = list(zip(*EVENTS))
    n = len(EVENTS)
    return pa.table({
        "event_id": pa.array(rows[0], type=pa.string()),
        "time": pa.array([T0 + h * HOUR for h in rows[1]]),
        "lat": pa.array(rows[2]),
        "lon": pa.array(rows[3]),
        "time_sigma_s": pa.array([0.1] * n),
        "ellipse_major_km": pa.array([0.4] * n),
        "ellipse_minor_km": pa.array([0.2] * n),
        "ellipse_azimuth_deg": pa.array([30.0] * n),
        "n_picks": pa.array([8] * n),
        "side": pa.array(rows[4], type=pa.string()),
        "p_side": pa.array([0.99] * n),
        "kind": pa.array(rows[5], type=pa.string()),
        "firing_party": pa.array([r[4] if r[5] == "launch" else ("" if r[5] == "unknown" else ("UA" if r[4] == "RU" else "RU")) for r in EVENTS], type=pa.string()),
        "p_firing_party": pa.array([0.98] * n),
        "pair_event_id": pa.array(rows[6], type=pa.string()),
        "status": pa.array(["automatic"] * n, type=pa.string()),
        "weapon_class": pa.array([w or "undetermined" for w in rows[7]], type=pa.string()),
        "report_ids": pa.array(["", "", "patrol-1", "patrol-1", "", "", "", "", ""], type=pa.string()),
    })


def verdicts() -> list[Violation]:
    out = []
    for event_id, hours, _, _, side, kind, pair, _ in EVENTS:
        if kind != "launch":
            continue
        target = "UA" if side == "RU" else "RU"
        time_s = T0 + hours * HOUR
        sector = "donetsk"
        out.append(Violation(at_s=time_s + 300, event_id=event_id, firing_party=side, target_party=target, sector=sector, time_s=time_s,
                             confidence=0.98, status="automatic", rule="launch-in-party-area", evidence_ids=(event_id, pair)))
        out.append(Violation(at_s=time_s + 2100, event_id=event_id, firing_party=side, target_party=target, sector=sector, time_s=time_s,
                             confidence=0.98, status="verified", rule="launch-in-party-area", evidence_ids=(event_id, pair)))
    return out


def run_engine(records: list[Violation]) -> tuple[list, float]:
    engine = Engine(load_agreement("ukraine-2026"))
    facts: list[Fact] = sorted(records, key=lambda v: v.at_s)
    outputs = []
    acks: list[Fact] = []
    pending = list(facts)
    while pending or engine.next_due_s() is not None:
        due = engine.next_due_s()
        if pending and (due is None or pending[0].at_s <= due):
            fact = pending.pop(0)
        else:
            from truceline.model.cases import ClockTick

            assert due is not None
            fact = ClockTick(at_s=due)
        new = engine.handle(fact)
        outputs.extend(new)
        for output in new:  # the monitoring cell acknowledges its reports after an hour
            if getattr(output, "status", "") == "due" and output.action_id.endswith("/report"):
                pending.append(Acknowledgement(at_s=output.at_s + HOUR, case_id=output.case_id, by="cell", action_id=output.action_id))
                pending.sort(key=lambda f: f.at_s)
    assert engine.clock_s is not None
    return outputs, engine.clock_s


def build_small_run() -> Run:
    records = verdicts()
    outputs, clock_s = run_engine(records)
    from truceline.report.data import latest_verdicts

    return Run(events=events_table(), violations=latest_verdicts(records), outputs=tuple(outputs), areas=front_areas(),
               agreement_id="ukraine-2026", agreement_title="test", sources=("synthetic run",), as_of_s=clock_s,
               ledger_index={"E3": 7, "E5": 9})
