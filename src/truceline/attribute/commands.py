"""``truceline verdict ...`` and the attribution step of ``truceline associate --attribute``."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click
import pyarrow as pa

from truceline.model.atomic import write_lines_atomically
from truceline.model.cases import Fact
from truceline.model.errors import InputError

DEFAULT_DB = "truceline.sqlite"
DEFAULT_AGREEMENT = "ukraine-2026"


def _load_agreement(name: str) -> Any:
    # The agreement file format belongs to the protocol stage; its loader reads and validates plain
    # data (model.agreement records) and does not pull in the engine.
    from truceline.protocol.agreement import load_agreement

    return load_agreement(name)


def write_attribution(events: pa.Table, assignments: pa.Table, areas: Any, reports_path: Path | None, agreement_name: str,
                      out_dir: Path, fmt: str, *, picks: pa.Table | None = None, stations: pa.Table | None = None) -> tuple[pa.Table, str]:
    """Attribute fused events and write verdicts.jsonl, facts.jsonl and cases.jsonl into ``out_dir``.

    ``picks`` (with ``amplitude``/``snr``) and ``stations`` let the stage use source levels as evidence
    of launch and impact; without them it rests on timing and geometry.

    Returns the attributed events table (for the caller to write) and a summary for the CLI line.
    """
    from truceline.attribute.attribution import attribute_events
    from truceline.attribute.cases import group_cases
    from truceline.attribute.facts import write_facts
    from truceline.attribute.rules import decide_verdicts, sector_labeler, verdict_record
    from truceline.model.reports import read_reports

    agreement = _load_agreement(agreement_name)
    reports = read_reports(reports_path) if reports_path is not None else []
    attribution = attribute_events(events, areas, reports, assignments=assignments, picks=picks, stations=stations)
    report_times = {r.report_id: _known_time(r) for r in reports}
    verdicts = decide_verdicts(attribution, areas, agreement.terms, report_times=report_times,
                               sector_of=sector_labeler([s.id for s in agreement.sectors]))
    cases = group_cases(verdicts)
    facts: list[Fact] = []
    for verdict in verdicts:
        facts.append(verdict.to_violation(status="automatic", at_s=verdict.at_s))
        if verdict.status == "corroborated":
            facts.append(verdict.to_violation())
    _write_lines(out_dir / "verdicts.jsonl", [verdict_record(v) for v in verdicts])
    write_facts(facts, out_dir / "facts.jsonl")
    write_facts(cases, out_dir / "cases.jsonl")
    matched = sum(1 for found in attribution.matches.values() if found)
    summary = (f"{len(verdicts)} verdicts ({sum(v.status == 'corroborated' for v in verdicts)} corroborated), {len(cases)} cases, "
               f"{len(reports)} reports: {matched} matched, {int(attribution.report_only.sum())} report-only events, "
               f"{len(attribution.unplaced_reports)} without a place (listed in reports_unplaced.jsonl)")
    if attribution.unplaced_reports:
        from truceline.attribute.corroborate import unplaced_reason

        by_id = {r.report_id: r for r in reports}
        _write_lines(out_dir / "reports_unplaced.jsonl", [{"report_id": r, "reason": unplaced_reason(by_id[r])}
                                                          for r in attribution.unplaced_reports])
    return attribution.events, summary


def _known_time(report: Any) -> float:
    published = report.extras.get("published_time") if report.extras else None
    if isinstance(published, (int, float)):
        return float(published)
    return float(report.time_end if report.time_end is not None else (report.time_start or 0.0))


def _write_lines(path: Path, records: Sequence[dict[str, Any]]) -> None:
    write_lines_atomically(path, (json.dumps(record, sort_keys=True, ensure_ascii=False, allow_nan=False)
                                  for record in records))


# --------------------------------------------------------------------------- truceline verdict


def _parse_time(text: str | None) -> float:
    if text is None:
        return time.time()  # the CLI is the outermost layer: the only place that reads the clock
    try:
        return float(text)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is neither seconds nor an ISO 8601 time (e.g. 2026-06-01T12:00:00Z)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _iso(time_s: float) -> str:
    return datetime.fromtimestamp(time_s, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, envvar="TRUCELINE_DB", show_envvar=True,
                         type=click.Path(dir_okay=False, path_type=Path), help="SQLite verdict store.")


def _open(db_path: Path) -> Any:
    from truceline.attribute.store import open_store
    from truceline.store.sqlite import connect

    return open_store(connect(db_path))


@click.group("verdict")
def verdict() -> None:
    """Verdicts of the attribution stage and analysts' decisions on them.

    A verdict says that a party fired in violation of the agreement, names the rule that fired, its
    evidence (event, pick and report ids) and its confidence. Its status moves automatic ->
    corroborated (a patrol or open-source report matched) -> verified, or to disputed / dismissed, by
    analysts' decisions. Decisions are appended with who, when and a note; nothing is edited, and
    `verdict show` prints the whole history. The store is SQLite (--db, or TRUCELINE_DB).
    """


@verdict.command("load")
@click.argument("verdicts_path", metavar="VERDICTS.jsonl", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def load_command(verdicts_path: Path, db_path: Path) -> None:
    """Store the verdicts written by `truceline associate --attribute` (OUT/verdicts.jsonl).

    All or nothing: a bad line is reported as FILE:LINE and nothing is stored. Loading the same
    file again adds nothing; a verdict that changed (say, newly corroborated) adds a version.
    """
    from truceline.attribute.rules import verdict_from_record
    from truceline.attribute.store import record_verdicts

    verdicts = []
    try:
        lines = verdicts_path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise InputError(str(verdicts_path), "file not found") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("each line must hold one JSON object")
            verdicts.append(verdict_from_record(record))
        except json.JSONDecodeError as bad:
            raise InputError(str(verdicts_path), f"not valid JSON ({bad.msg}, column {bad.colno})", line=number) from None
        except KeyError as missing:
            raise InputError(str(verdicts_path), f"{missing.args[0]}: missing", line=number) from None
        except (TypeError, ValueError, IndexError) as bad:
            raise InputError(str(verdicts_path), str(bad), line=number) from None
    added = record_verdicts(_open(db_path), verdicts, recorded_s=time.time())
    click.echo(f"{len(verdicts)} verdicts read, {added} new or changed stored in {db_path}")


@verdict.command("list")
@db_option
@click.option("--status", type=click.Choice(["automatic", "corroborated", "verified", "disputed", "dismissed"]), help="Only this status.")
@click.option("--party", help="Only fire by this party (e.g. RU).")
@click.option("--sector", help="Only this sector id.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, help="Only verdicts at least this sure.")
def list_command(db_path: Path, status: str | None, party: str | None, sector: str | None, min_confidence: float) -> None:
    """One line per verdict: time, event id, status, firing party -> target, sector, rule, confidence."""
    from truceline.attribute.store import states

    for found in states(_open(db_path)):
        v = found.verdict
        if (status and found.status != status) or (party and v.firing_party != party) or (sector and v.sector != sector):
            continue
        if v.confidence < min_confidence:
            continue
        click.echo(f"{_iso(v.time_s)}  {v.event_id:<14} {found.status:<12} {v.firing_party}->{v.target_party}  "
                   f"{v.sector:<14} {v.rule:<32} {v.confidence:.3f}")


@verdict.command("show")
@click.argument("event_id")
@db_option
def show_command(event_id: str, db_path: Path) -> None:
    """A verdict in full: rule, reason, evidence, every stored version and every decision."""
    from truceline.attribute.store import history, state

    connection = _open(db_path)
    found = state(connection, event_id)
    v = found.verdict
    click.echo(f"verdict {v.event_id}: {found.status}")
    click.echo(f"  {v.firing_party} fired at {v.target_party} in sector {v.sector} at {_iso(v.time_s)}; known {_iso(v.at_s)}")
    click.echo(f"  rule {v.rule}, confidence {v.confidence:.4f}; rules fired: " + ", ".join(f"{r} ({p:.3f})" for r, p in v.rules_fired))
    click.echo(f"  reason: {v.reason}")
    click.echo(f"  evidence: {', '.join(v.evidence_ids)}")
    click.echo("  history:")
    for recorded_s, record in history(connection, event_id):
        status = json.loads(record)["status"]
        click.echo(f"    {_iso(recorded_s)}  stored version ({status})")
    for d in found.decisions:
        note = f": {d.note}" if d.note else ""
        click.echo(f"    {_iso(d.at_s)}  {d.action} by {d.analyst} -> {d.status}{note} (recorded {_iso(d.recorded_s)})")


def _decision_command(action: str, summary: str) -> click.Command:
    @click.command(action, help=f"{summary}\n\nAppends a decision (who, when, note) to the verdict's history; the verdict itself is never edited.")
    @click.argument("event_id")
    @click.option("--by", "analyst", required=True, help="The analyst's name.")
    @click.option("--note", default="", help="Why (kept with the decision).")
    @click.option("--at", "at_text", help="When the decision was taken (seconds or ISO 8601 UTC); default: now.")
    @db_option
    def command(event_id: str, analyst: str, note: str, at_text: str | None, db_path: Path) -> None:
        from truceline.attribute.store import decide

        decision = decide(_open(db_path), event_id, action, analyst=analyst, note=note, at_s=_parse_time(at_text), recorded_s=time.time())
        click.echo(f"{event_id}: {decision.status} by {decision.analyst} at {_iso(decision.at_s)}")

    return command


verdict.add_command(_decision_command("verify", "Mark a verdict verified (it then counts for the agreement's ladder)."))
verdict.add_command(_decision_command("dispute", "Mark a verdict disputed (the evidence is contested)."))
verdict.add_command(_decision_command("dismiss", "Mark a verdict dismissed (not a violation)."))


@verdict.command("export")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Facts file (JSON Lines) for `truceline protocol run`.")
@db_option
@click.option("--agreement", "agreement_name", default=DEFAULT_AGREEMENT, show_default=True, help="Agreement (bundled name or YAML path): its confidence threshold decides which cases are written.")
def export_command(out_path: Path, db_path: Path, agreement_name: str) -> None:
    """Write the protocol engine's facts: every verdict and every decision, in time order.

    Each verdict appears as a violation fact when it became known (automatic), again when it was
    corroborated, and again at each analyst's decision with the new status. Cases (same firing
    party, same sector, close in time) are written for the groups that hold a verified verdict at
    or above the agreement's confidence threshold, at the time of its first verification.
    """
    from truceline.attribute.cases import group_cases
    from truceline.attribute.facts import write_facts
    from truceline.attribute.store import states
    from truceline.model.cases import Case

    terms = _load_agreement(agreement_name).terms
    found = states(_open(db_path))
    facts: list[Fact] = []
    verified_at: dict[str, float] = {}
    for item in found:
        v = item.verdict
        facts.append(v.to_violation(status="automatic", at_s=v.at_s))
        if v.status == "corroborated" and v.corroborated_at_s is not None:
            facts.append(v.to_violation())
        for d in item.decisions:
            at_s = max(d.at_s, v.at_s)
            facts.append(v.to_violation(status=d.status, at_s=at_s))
            if d.status == "verified" and v.confidence >= terms.confidence_threshold:
                verified_at.setdefault(v.event_id, at_s)
    for case in group_cases([i.verdict for i in found]):
        times = [verified_at[e] for e in case.violation_ids if e in verified_at]
        if times:
            facts.append(Case(at_s=min(times), case_id=case.case_id, firing_party=case.firing_party, target_party=case.target_party,
                              sector=case.sector, time_s=case.time_s, violation_ids=case.violation_ids))
    count = write_facts(facts, out_path)
    print(f"{count} facts written to {out_path}", file=sys.stderr)


__all__ = ["verdict", "write_attribution"]
