"""The report's figures: counts against the previous day, tallies, hourly chart data, deadlines."""

from __future__ import annotations

from report_fixtures import DAY, T0
from truceline.model.cases import StageChange
from truceline.report.data import ReportError, Window, day_window, deadlines, summarise

import pytest


def test_counts_compare_with_the_previous_day(small_run):
    summary = summarise(small_run, day_window(DAY))
    counts = {c.label: (c.value, c.previous) for c in summary.counts}
    assert counts["Violations (all statuses)"] == (3, 1)
    assert counts["Violations verified by analysts"] == (3, 1)
    assert counts["Events located by the acoustic network"] == (7, 2)
    assert counts["Violations corroborated by patrols or open sources"] == (1, 0)
    assert summary.previous.label == "2026-06-01"
    assert dict((p, (a, b)) for p, a, b in summary.by_party) == {"RU": (2, 0), "UA": (1, 1)}
    assert dict((w, (a, b)) for w, a, b in summary.by_weapon) == {"mortar": (1, 0), "rocket_artillery": (1, 0), "tube_artillery": (1, 1)}


def test_hourly_counts_add_up_and_land_in_their_hour(small_run):
    summary = summarise(small_run, day_window(DAY))
    assert sum(sum(v) for v in summary.hourly.values()) == len(summary.violations) == 3
    assert summary.hourly["RU"][2] == 1 and summary.hourly["RU"][5] == 1 and summary.hourly["UA"][13] == 1
    assert all(len(v) == 24 for v in summary.hourly.values())


def test_escalation_timeline_and_deadlines(small_run):
    summary = summarise(small_run, day_window(DAY))
    stages = {(s.case_id, s.change, s.stage) for s in summary.stage_changes}
    assert ("case-E1", "opened", 0) in stages and ("case-E1", "stage", 1) in stages
    assert ("case-E3", "stage", 1) in stages
    outcomes = {d.action_id: d.outcome for d in summary.deadlines}
    assert outcomes["case-E3/s1/report"] == "met"  # acknowledged an hour after it fell due
    assert outcomes["case-E3/s1/warning"] == "missed"  # nobody acknowledged it
    # as of a time before the deadline, the same action is still open
    early = deadlines(small_run.outputs, ["case-E3"], as_of_s=T0 + 3 * 3600)
    assert {d.action_id: d.outcome for d in early}["case-E3/s1/warning"] == "open"


def test_notable_incidents_carry_their_evidence(small_run):
    summary = summarise(small_run, day_window(DAY))
    by_id = {i.verdict.event_id: i for i in summary.incidents}
    assert set(by_id) == {"E3", "E5", "E7"}
    assert by_id["E3"].report_ids == ("patrol-1",) and by_id["E3"].ledger_index == 7 and by_id["E3"].pair_event_id == "E4"
    assert by_id["E3"].case_id == "case-E3"


def test_a_window_must_end_after_it_starts():
    with pytest.raises(ReportError):
        Window(start_s=10.0, end_s=10.0, label="empty")


def test_stage_changes_outside_the_cases_of_the_window_are_left_out(small_run):
    summary = summarise(small_run, Window(start_s=T0 + 30 * 86400, end_s=T0 + 31 * 86400, label="later"))
    assert summary.violations == () and summary.stage_changes == ()
    assert not any(isinstance(o, StageChange) and o.at_s > small_run.as_of_s for o in small_run.outputs)


def test_ledger_entry_ranges_for_the_export_command():
    from truceline.report.commands import index_ranges

    assert index_ranges([9, 1, 2, 3, 7, 10]) == "1-3,7,9-10"
    assert index_ranges([5]) == "5" and index_ranges([]) == ""
