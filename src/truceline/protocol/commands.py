"""``truceline protocol ...`` and ``truceline ack``: the escalation engine from the command line.

This is the outermost layer: it reads the wall clock (only when ``--at`` is not given) and wires
the durable engine to the notification outbox (``truceline.notify``) so that both are written in
one transaction.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from truceline.model.atomic import atomic_target
from truceline.model.cases import Acknowledgement, ClockTick, Output, canonical_json
from truceline.model.errors import TrucelineError

DB_HELP = "SQLite database of the engine and its outbox [env TRUCELINE_DB; default ./truceline.sqlite]."
CHANNELS_HELP = "Channel directory (YAML: recipient -> webhook/e-mail) [env TRUCELINE_CHANNELS]. Without it notifications are kept as 'unrouted' until one is given."
AT_HELP = "Time of the fact: Unix seconds or ISO 8601 UTC (2026-03-01T06:00:00Z). Default: now."


def _time(value: str | None) -> float:
    from truceline.protocol.facts import parse_time

    if value is None:
        return time.time()
    try:
        return parse_time(value)
    except ValueError as bad:
        raise click.BadParameter(str(bad), param_hint="--at") from None


def _emit(outputs: list[Output], out: Any) -> None:
    for output in outputs:
        out.write(canonical_json(output).decode() + "\n")


def _open(db: str, agreement: str | None, channels: str | None) -> Any:
    from truceline.notify.channels import Directory, load_directory
    from truceline.notify.outbox import Outbox
    from truceline.protocol.agreement import DEFAULT_AGREEMENT, load_document
    from truceline.protocol.store import DurableEngine
    from truceline.store import connect

    connection = connect(db)
    directory = load_directory(channels, os.environ) if channels else Directory(recipients={})
    outbox = Outbox(connection, directory)
    fresh = connection.execute("SELECT name FROM sqlite_master WHERE name = 'protocol_events'").fetchone() is None
    document = None
    if agreement is not None:
        document = load_document(agreement)[1]
    elif fresh or connection.execute("SELECT COUNT(*) FROM protocol_events").fetchone()[0] == 0:
        document = load_document(DEFAULT_AGREEMENT)[1]
    return DurableEngine(connection, document=document, sinks=[outbox.enqueue]), outbox


@click.group("protocol")
def protocol() -> None:
    """The agreement as code: validate and explain agreements, run the escalation engine.

    An agreement (YAML) names the parties, guarantors, sectors and their lead nations, the
    violation rules, the response ladder (stages, triggers, deadlines, who must do what, and
    whether the obligation is binding, political or none) and the closing rule. Bundled:
    ukraine-2026 (the default), nato-article-5, budapest-1994, anglo-soviet-1941.

    The engine is event-sourced: facts (verdicts, cases, acknowledgements, analyst actions,
    clock ticks) go in as JSON Lines; state changes, due actions and notifications come out as
    canonical JSON lines. Time comes only from the facts.
    """


@protocol.command("list")
def list_agreements() -> None:
    """List the bundled agreements."""
    from truceline.protocol.agreement import bundled_names, load_agreement

    for name in bundled_names():
        click.echo(f"{name:20} {load_agreement(name).title}")


@protocol.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def validate(files: tuple[str, ...]) -> None:
    """Check agreement FILES against the schema and their cross-references.

    Prints one line per file when it is valid; otherwise every problem as FILE:LINE:COL: message
    on stderr, and exits 1.
    """
    from truceline.protocol.agreement import AgreementError, load_agreement

    failed = False
    for path in files:
        try:
            agreement = load_agreement(path)
        except AgreementError as bad:
            failed = True
            for problem in bad.problems:
                click.echo(str(problem), err=True)
            continue
        click.echo(f"{path}: ok ({agreement.id}: {len(agreement.parties)} parties, {len(agreement.sectors)} sectors, {len(agreement.ladder)} stages)")
    if failed:
        sys.exit(1)


@protocol.command("explain")
@click.argument("agreement")
@click.option("--event", "event_text", required=True, help="The hypothetical violation, e.g. 'RU fires into UA'.")
@click.option("--at", "at", default=None, help="When it happened (Unix seconds or ISO 8601 UTC). Default: now.")
@click.option("--sector", default=None, help="Sector of the event (default: the first sector).")
def explain_command(agreement: str, event_text: str, at: str | None, sector: str | None) -> None:
    """What would happen? Print the ladder for an event, with deadlines and strengths.

    AGREEMENT is a bundled name (truceline protocol list) or a file. Example:

        truceline protocol explain ukraine-2026 --event "RU fires into UA" --at 2026-03-01T06:00:00Z
    """
    from truceline.protocol.agreement import load_agreement
    from truceline.protocol.explain import explain, parse_event

    click.echo(explain(load_agreement(agreement), parse_event(event_text), _time(at), sector), nl=False)


@protocol.command("replay")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--agreement", default="ukraine-2026", show_default=True, help="Bundled name or file.")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write the outputs here instead of stdout.")
@click.option("--late-after-s", type=float, default=300.0, show_default=True, help="A decision fired this long after it fell due is marked late.")
def replay(input_path: str, agreement: str, out: str | None, late_after_s: float) -> None:
    """Re-run a recorded input stream through a fresh in-memory engine.

    Prints every output as one canonical JSON line (RFC 8785); the same input always gives the
    same bytes. A malformed line stops it with FILE:LINE: field: message before anything runs.
    """
    from truceline.protocol.agreement import load_agreement
    from truceline.protocol.engine import EngineError, Engine
    from truceline.protocol.facts import read_facts

    facts = read_facts(input_path)
    engine = Engine(load_agreement(agreement), late_after_s=late_after_s)
    lines: list[Output] = []
    for number, fact in enumerate(facts, start=1):
        try:
            lines.extend(engine.handle(fact))
        except EngineError as bad:
            raise TrucelineError(f"{input_path}: fact {number}: {bad}") from None
    if out is None:
        _emit(lines, sys.stdout)
    else:
        with atomic_target(out) as partial, open(partial, "w", encoding="utf-8") as handle:
            _emit(lines, handle)
        click.echo(f"{len(facts)} facts, {len(lines)} outputs -> {out}", err=True)


db_option = click.option("--db", envvar="TRUCELINE_DB", default="truceline.sqlite", show_default=True, help=DB_HELP)
channels_option = click.option("--channels", envvar="TRUCELINE_CHANNELS", default=None, type=click.Path(exists=True, dir_okay=False), help=CHANNELS_HELP)


@protocol.command("run")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--agreement", default=None, help="Bundled name or file; needed only for a new database (default ukraine-2026).")
@db_option
@channels_option
@click.option("--batch", type=click.IntRange(min=1), default=500, show_default=True, help="Facts committed per transaction.")
def run_command(input_path: str, agreement: str | None, db: str, channels: str | None, batch: int) -> None:
    """Feed facts into the durable engine in --db and print the outputs they cause.

    Facts are committed with their outputs and their notifications (to the outbox) in one
    transaction per --batch facts (all or nothing); a restart resumes where the database left off.
    """
    from truceline.protocol.facts import read_facts

    from truceline.protocol.engine import EngineError

    facts = read_facts(input_path)
    engine, _ = _open(db, agreement, channels)
    for start in range(0, len(facts), batch):
        chunk = facts[start : start + batch]
        try:
            results = engine.handle_batch(chunk)
        except EngineError as bad:
            raise TrucelineError(f"{input_path}: facts {start + 1}-{start + len(chunk)} (none of them committed): {bad}") from None
        for outputs in results:
            _emit(outputs, sys.stdout)


@protocol.command("tick")
@click.option("--at", default=None, help=AT_HELP)
@db_option
@channels_option
def tick(at: str | None, db: str, channels: str | None) -> None:
    """Advance the engine's clock: fire every deadline, reminder and closure due by then.

    Run it from cron or a timer. After downtime, everything that fell due while the engine was
    down fires at once, marked late.
    """
    engine, _ = _open(db, None, channels)
    _emit(engine.handle(ClockTick(at_s=_time(at))), sys.stdout)


@protocol.command("status")
@db_option
def status(db: str) -> None:
    """Show the cases, their stage and their open actions."""
    from truceline.protocol.decide import format_time

    engine, outbox = _open(db, None, None)
    state = engine.engine
    click.echo(f"agreement {engine.agreement.id}; clock {format_time(state.clock_s) if state.clock_s is not None else '-'}; {engine.fact_count()} facts")
    for case in sorted(state.cases.values(), key=lambda c: c.case_id):
        closed = f"closed {format_time(case.closed_s)}" if case.closed_s is not None else "open"
        click.echo(f"{case.case_id}: {case.firing_party}->{case.target_party} stage {case.stage} {closed}; sectors {', '.join(case.sectors)}; {len(case.members)} verdict(s)")
        for action in case.actions:
            state_text = f"acknowledged by {action.acknowledged_by}" if action.acknowledged_s is not None else "open"
            click.echo(f"  {action.action_id} due {format_time(action.due_by_s)}: {state_text}")
    counts: dict[str, int] = {}
    for delivery in outbox.deliveries():
        counts[delivery.status] = counts.get(delivery.status, 0) + 1
    click.echo("deliveries: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))


@protocol.command("outbox")
@db_option
@click.option("--status", "status_filter", type=click.Choice(["pending", "sent", "dead", "unrouted"]), default=None, help="Only deliveries in this state (dead = dead-lettered).")
def outbox_command(db: str, status_filter: str | None) -> None:
    """List notification deliveries: id (the webhook-id), state, attempts, last error."""
    _, outbox = _open(db, None, None)
    for d in outbox.deliveries(status_filter):
        click.echo(f"{d.status:8} {d.attempts}x {d.delivery_id} {d.address} {d.last_error}".rstrip())


@protocol.command("deliver")
@db_option
@channels_option
@click.option("--at", default=None, help="Send what is due by this time (default: now).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the retry jitter.")
def deliver(db: str, channels: str | None, at: str | None, seed: int) -> None:
    """Send the notifications in the outbox that are due (webhooks, e-mail), once.

    Failed attempts are retried on later runs with exponential back-off and jitter; after the
    directory's retry.max_attempts failures a delivery is dead-lettered.
    """
    if channels is None:
        raise click.UsageError("deliver needs --channels (or TRUCELINE_CHANNELS)")
    _, outbox = _open(db, None, channels)
    outbox.route_unrouted()
    for attempt in outbox.dispatch(_time(at), seed=seed):
        click.echo(f"{attempt.outcome:5} #{attempt.attempt} {attempt.delivery_id}: {attempt.detail}")


@click.command("ack")
@click.argument("case_id", metavar="CASE")
@click.option("--by", "by", required=True, help="Who acknowledges (name or role).")
@click.option("--at", default=None, help=AT_HELP)
@click.option("--action", "action_id", default=None, help="One action id (default: every open action of the case).")
@click.option("--note", default="", help="Free text kept with the acknowledgement.")
@db_option
@channels_option
def ack(case_id: str, by: str, at: str | None, action_id: str | None, note: str, db: str, channels: str | None) -> None:
    """Acknowledge the due actions of CASE (stops their reminders and overdue alerts).

    Example: truceline ack case-ev-17 --by "UK liaison" --action case-ev-17/s1/warning
    """
    engine, _ = _open(db, None, channels)
    try:
        fact = Acknowledgement(at_s=_time(at), case_id=case_id, by=by, action_id=action_id, note=note)
    except ValueError as bad:
        raise click.BadParameter(str(bad)) from None
    outputs = engine.handle(fact)
    _emit(outputs, sys.stdout)
    if not any(getattr(o, "status", "") == "acknowledged" for o in outputs):
        click.echo(f"{case_id}: nothing left to acknowledge", err=True)
