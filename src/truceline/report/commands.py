"""``truceline report``: the daily report (HTML and PDF) and the exports, from a run and its database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from truceline.model.errors import InputError


def _time(value: str, option: str) -> float:
    from truceline.protocol.facts import parse_time

    try:
        return parse_time(value)
    except ValueError as bad:
        raise click.BadParameter(str(bad), param_hint=option) from None


@click.command("report")
@click.option("--run", "run_dir", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Run folder: events.parquet (or .csv) with the attributed events, violations.jsonl (verdict records), "
                   "optional areas.geojson and sources.json. `truceline demo` writes one as OUT/run.")
@click.option("--db", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="SQLite database of the protocol engine and the ledger (escalation timeline, checkpoint, ledger entries).")
@click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="The UTC day to report on.")
@click.option("--from", "from_", default=None, help="Start of the period instead of --day (Unix seconds or ISO 8601 UTC).")
@click.option("--to", default=None, help="End of the period (exclusive), with --from.")
@click.option("--as-of", "as_of", default=None, help="Time the figures are valid at (default: the engine's clock, else the period's end).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="Folder for report.html, report.pdf, events.geojson, violations.csv and events.parquet.")
@click.option("--key", "vkey", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The log's verifier key (log.vkey), named in the verification command the report prints.")
@click.option("--no-pdf", is_flag=True, help="Write only the HTML (no WeasyPrint needed).")
def report(run_dir: Path, db: Path | None, day: Any, from_: str | None, to: str | None, as_of: str | None, out_dir: Path,
           vkey: Path | None, no_pdf: bool) -> None:
    """Write the daily report of a run, and its exports.

    The report (HTML, and PDF through WeasyPrint) has: summary figures with the previous period
    for comparison; violations by firing party, sector, weapon class and status; a map of the
    line of contact, the parties' areas and withdrawal zones with the period's events coloured by
    firing party and their 95 % ellipses; violations per hour by party; notable incidents with
    their evidence and status; the escalation timeline with deadlines met or missed; method and
    sources; and the ledger checkpoint it was built from, with the command that verifies it.

    The exports cover the same period: events.geojson (events and violations with uncertainty
    and status), violations.csv (ACLED's columns, then truceline_* columns; `truceline ingest
    acled` reads it back) and events.parquet.

    Example: truceline report --run demo-out/run --db demo-out/truceline.sqlite --day 2026-06-01 --out today
    """
    from truceline.report.data import day_window, format_utc, load_run, range_window, summarise
    from truceline.report.exports import write_acled, write_events_parquet, write_geojson
    from truceline.report.render import write_report

    if day is not None and (from_ or to):
        raise click.UsageError("give either --day or --from/--to")
    if day is None and not (from_ and to):
        raise click.UsageError("give --day YYYY-MM-DD, or --from and --to")
    window = day_window(day.date()) if day is not None else range_window(_time(str(from_), "--from"), _time(str(to), "--to"))
    outputs: list[Any] = []
    checkpoint = None
    ledger_index: dict[str, int] = {}
    agreement_id = agreement_title = ""
    clock_s = None
    entries: list[int] = []
    if db is not None:
        outputs, checkpoint, agreement_id, agreement_title, clock_s, ledger_of = _from_database(db)
    run = load_run(run_dir, outputs=outputs, checkpoint=checkpoint, agreement_id=agreement_id, agreement_title=agreement_title)
    if db is not None:
        ids = {v.event_id for v in run.violations if window.start_s <= v.time_s < window.end_s}
        ledger_index, entries = ledger_of(ids)
    as_of_s = _time(as_of, "--as-of") if as_of else (clock_s if clock_s is not None else window.end_s)
    verify = ""
    if checkpoint is not None and entries:
        key = vkey or Path("keys/log.vkey")
        ranges = index_ranges(entries)
        verify = (f"truceline ledger export --db {db} --entries {ranges} --out BUNDLE\n"
                  f"truceline verify BUNDLE --key {key}")
    run = replace(run, ledger_index=ledger_index, verify_command=verify, as_of_s=as_of_s)
    summary = summarise(run, window, as_of_s=as_of_s)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = write_report(run, summary, out_dir / "report.html", None if no_pdf else out_dir / "report.pdf", as_of_s=as_of_s)
    write_geojson(out_dir / "events.geojson", summary.events, summary.violations, ledger_index)
    rows = write_acled(out_dir / "violations.csv", run.events, summary.violations, ledger_index)
    write_events_parquet(out_dir / "events.parquet", summary.events)
    click.echo(f"report {window.label} as of {format_utc(as_of_s)}: {summary.events.num_rows} events, {len(summary.violations)} violations "
               f"({rows} CSV rows)", err=True)
    for path in written + [out_dir / "events.geojson", out_dir / "violations.csv", out_dir / "events.parquet"]:
        click.echo(str(path))


def _from_database(db: Path) -> tuple[list[Any], Any, str, str, float | None, Any]:
    from truceline.ledger import Ledger
    from truceline.report.data import ledger_indices, read_checkpoint
    from truceline.store import connect

    connection = connect(db)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    outputs: list[Any] = []
    agreement_id = agreement_title = ""
    clock_s = None
    if "protocol_events" in tables:
        from truceline.protocol.store import DurableEngine

        engine = DurableEngine(connection)
        outputs = engine.outputs()
        agreement_id, agreement_title = engine.agreement.id, engine.agreement.title
        clock_s = engine.engine.clock_s
    if "ledger_entries" not in tables:
        raise InputError(str(db), "holds no ledger (ledger_entries): the report must name the checkpoint it was built from")
    ledger = Ledger(connection)
    note = ledger.latest_checkpoint()
    checkpoint = read_checkpoint(note) if note is not None else None
    return outputs, checkpoint, agreement_id, agreement_title, clock_s, lambda ids: ledger_indices(ledger, ids)


def index_ranges(indices: list[int]) -> str:
    """``[1, 2, 3, 7, 9, 10]`` -> ``"1-3,7,9-10"`` (the form `truceline ledger export --entries` reads)."""
    parts: list[str] = []
    ordered = sorted(set(indices))
    start = previous = ordered[0] if ordered else 0
    for index in ordered[1:] + [None]:  # type: ignore[list-item]
        if index is not None and index == previous + 1:
            previous = index
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if index is not None:
            start = previous = index
    return ",".join(parts) if ordered else ""
