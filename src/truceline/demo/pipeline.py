"""The main job, end to end: simulated front -> events -> verdicts -> escalation -> ledger -> report.

:func:`run_demo` is a function of its :class:`DemoConfig` (scenario start, hours, seed), the
log's signing key and a progress-bar factory: it reads no clock and draws no unseeded random
number, so the same configuration writes the same content. Steps, in order:

1. simulate the preset (``truceline.sim``) into ``OUT/scenario/``;
2. ingest: read the stations, picks and reports back through the validating readers;
3. fuse (``truceline.fuse.stream``): the picks in arrival order through the streaming associator,
   which locates each event and gives its side and ``p_side``;
4. attribute (:func:`attribute_step`, ``truceline.attribute``): pair launches with impacts, firing
   party, corroboration by reports, verdicts;
5. the analysts on shift and the liaison officers, as scripted, deterministic actors: an analyst
   verifies each confident verdict 30 min after it is known; liaison officers acknowledge
   some obligations and leave others to go overdue (:mod:`truceline.demo.actors`);
6. the ``ukraine-2026`` agreement in the durable protocol engine, every fact and output appended
   to the ledger in the engine's own transaction, the clock advanced decision by decision
   until nothing is left pending;
7. notifications delivered to a loopback webhook sink (127.0.0.1) that logs what it got;
8. a signed checkpoint and the evidence bundle of the report's violations;
9. the report (HTML and PDF) and the exports (GeoJSON, ACLED-style CSV, Parquet).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pyarrow as pa

from truceline.demo import actors
from truceline.demo.receiver import WebhookSink
from truceline.geo.areas import Areas
from truceline.ledger import Ledger, Signer, export_bundle, write_key_pair
from truceline.model.agreement import Agreement
from truceline.model.cases import Acknowledgement, ClockTick, Notification, Fact, Output, Violation, to_record
from truceline.model.errors import TrucelineError
from truceline.model.reports import Report, report_from_dict
from truceline.model.tables import read_picks, read_stations, write_table
from truceline.protocol.facts import fact_to_json
from truceline.report.data import Run, day_window, days_of, format_utc, latest_verdicts, ledger_indices, read_checkpoint, summarise
from truceline.report.exports import write_acled, write_events_parquet, write_geojson
from truceline.report.render import write_report
from truceline.store import connect

DEFAULT_START = "2026-06-01T00:00:00Z"
DEFAULT_HOURS = 60.0
DEMO_MARKER = "demo.json"
WEBHOOK_SECRET = b"truceline-demo-loopback-secret"


class DemoError(TrucelineError):
    """The demo cannot run (an output folder that holds something else, say)."""


class Bar(Protocol):
    def update(self, n: float = 1) -> Any: ...

    def close(self) -> Any: ...


ProgressFactory = Callable[[str, float], Bar]


class _NoBar:
    def update(self, n: float = 1) -> None:
        return None

    def close(self) -> None:
        return None


def no_progress(description: str, total: float) -> Bar:
    return _NoBar()


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoConfig:
    out_dir: Path
    hours: float = DEFAULT_HOURS
    seed: int = 1
    start_s: float = field(default_factory=lambda: datetime(2026, 6, 1, tzinfo=timezone.utc).timestamp())
    preset: str = "violation"
    agreement: str = "ukraine-2026"
    day: date | None = None  # the report's day; default: the day with the most violations


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoResult:
    paths: dict[str, Path]
    counts: dict[str, int]
    stages: tuple[int, ...]
    verify_command: str
    attribution: str
    report_day: date


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionResult:
    events: pa.Table
    verdicts: tuple[Violation, ...]  # in the order they became known
    method: str


def attribute_step(events: pa.Table, areas: Areas, reports: list[Report], agreement: Agreement,
                   assignments: pa.Table | None = None, *, picks: pa.Table | None = None,
                   stations: pa.Table | None = None) -> AttributionResult:
    """Events -> attributed events and verdicts (``truceline.attribute``: pairing, firing party,
    corroboration, the agreement's rules); ``picks`` and ``stations`` add the source levels."""
    from truceline.attribute import attribute_events, decide_verdicts
    from truceline.attribute.rules import sector_labeler

    sector_of = sector_labeler([s.id for s in agreement.sectors])
    attribution = attribute_events(events, areas, reports, assignments=assignments, picks=picks, stations=stations)
    known: dict[str, float] = {}
    for report in reports:
        when = report.time_end if report.time_end is not None else report.time_start
        if when is not None:
            known[report.report_id] = float(when)
    judged = decide_verdicts(attribution, areas, agreement.terms, sector_of=sector_of, report_times=known)
    records: list[Violation] = []
    for verdict in judged:
        records.append(verdict.to_violation(status="automatic", at_s=verdict.at_s))
        if verdict.status == "corroborated":
            records.append(verdict.to_violation())
    table = attribution.events
    extra = {
        "weapon_class": [w or "undetermined" for w in attribution.weapon],
        "sector": [sector_of(float(la), float(lo)) for la, lo in zip(attribution.lat, attribution.lon)],
    }
    for name, values in extra.items():
        column = pa.array(values, type=pa.string())
        table = table.set_column(table.column_names.index(name), name, column) if name in table.column_names else table.append_column(name, column)
    records.sort(key=lambda v: (v.at_s, v.event_id, v.status))
    return AttributionResult(events=table, verdicts=tuple(records), method="truceline.attribute (pairing, firing party, corroboration, rules)")


# --------------------------------------------------------------------------- ledger in the engine's transaction


class LedgerSink:
    """A transaction sink of the durable engine: appends the fact being handled and its outputs."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.fact: Fact | None = None

    def __call__(self, connection: Any, outputs: Any) -> None:
        entries: list[tuple[str, float, dict[str, Any]]] = []
        if self.fact is not None:
            record = fact_to_json(self.fact)
            entries.append((str(record["kind"]), self.fact.at_s, record))
            self.fact = None
        for output in outputs:
            record = to_record(output)
            entries.append((str(record["kind"]), output.at_s, record))
        self.ledger.append_many(entries)


def _prepare_out(out_dir: Path) -> None:
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / DEMO_MARKER).exists():
            raise DemoError(f"{out_dir}: exists, is not empty and holds no earlier demo ({DEMO_MARKER}); choose a new folder")
        for name in ("scenario", "run", "bundle"):
            shutil.rmtree(out_dir / name, ignore_errors=True)
        for name in ("truceline.sqlite", "truceline.sqlite-wal", "truceline.sqlite-shm", "report.html", "report.pdf", "events.geojson",
                     "violations.csv", "events.parquet", "webhooks.jsonl", DEMO_MARKER):
            (out_dir / name).unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)


@contextmanager
def _bar(progress: ProgressFactory, description: str, total: float) -> Iterator[Bar]:
    bar = progress(description, total)
    try:
        yield bar
    finally:
        bar.close()


def _report_dicts(path: Path) -> list[Report]:
    reports = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            record.pop("truth_event_ids", None)  # the simulator's answer key: never read by the pipeline
            reports.append(report_from_dict(record, path=str(path), line=number))
    return reports


def run_demo(config: DemoConfig, signer: Signer, progress: ProgressFactory = no_progress) -> DemoResult:
    """Run the main job into ``config.out_dir`` (see the module documentation)."""
    from truceline.fuse.engine import FusionConfig
    from truceline.fuse.replay import replay
    from truceline.notify.channels import Directory, Endpoint
    from truceline.notify.outbox import Attempt, Outbox
    from truceline.protocol.agreement import load_document
    from truceline.protocol.store import DurableEngine
    from truceline.sim.config import SimConfig
    from truceline.sim.scenario import simulate, write_scenario

    out = Path(config.out_dir)
    _prepare_out(out)
    (out / DEMO_MARKER).write_text(json.dumps({"status": "running"}) + "\n", encoding="utf-8")  # a failed run can be redone here
    if not (out / "keys" / "log.key").exists():
        write_key_pair(signer, out / "keys" / "log.key", out / "keys" / "log.vkey")
    scenario_dir, run_dir = out / "scenario", out / "run"
    run_dir.mkdir()

    # 1. simulate
    with _bar(progress, "simulate", 1) as bar:
        scenario = simulate(SimConfig(preset=config.preset, hours=config.hours, start_time_s=config.start_s), config.seed)
        write_scenario(scenario, scenario_dir)
        bar.update(1)
    end_s = config.start_s + config.hours * 3600.0

    # 2. ingest
    stations = read_stations(scenario_dir / "stations.csv")
    picks = read_picks(scenario_dir / "picks.csv", stations)
    reports = _report_dicts(scenario_dir / "reports.jsonl")
    areas = Areas.from_geojson(json.loads((scenario_dir / "areas.geojson").read_text(encoding="utf-8")), source=str(scenario_dir / "areas.geojson"))

    # 3. fuse
    with _bar(progress, "fuse", 100) as bar:
        done = [0.0]

        def advance(fraction: float) -> None:
            step = 100.0 * fraction - done[0]
            if step > 0:
                bar.update(step)
                done[0] += step

        # in arrival order, as a live service would: each event emitted once no pick can still join it
        emission, late_picks = replay(stations, picks, FusionConfig(), party_at=areas.party_at, progress=advance)
        events, assignments = emission.events, emission.assignments
        latency = emission.latency_s if len(emission.latency_s) else np.zeros(1)
        advance(1.0)

    # 4. attribute
    document = load_document(config.agreement)[1]
    from truceline.model.agreement import agreement_from_document

    agreement = agreement_from_document(document)
    attributed = attribute_step(events, areas, reports, agreement, assignments, picks=picks, stations=stations)
    events = attributed.events

    # 5-6. protocol engine + ledger, in one transaction per fact
    connection = connect(out / "truceline.sqlite")
    ledger = Ledger(connection)
    with _bar(progress, "ledger: observations and events", 1) as bar:
        observations = [("observation", float(r.time_end if r.time_end is not None else config.start_s), _report_record(r)) for r in reports]
        located_entries = [("event", float(row["time"]), _plain(row)) for row in events.to_pylist()]
        ledger.append_many(sorted(observations + located_entries, key=lambda e: (e[1], e[0], json.dumps(e[2], sort_keys=True))))
        bar.update(1)
    directory = Directory(recipients={r.id: (Endpoint(channel="webhook", address="http://127.0.0.1:9/unset", secret=WEBHOOK_SECRET),)
                                      for r in agreement.recipients})
    sink_log = out / "webhooks.jsonl"
    stages: list[int] = []
    attempts: list[Attempt] = []
    with WebhookSink(WEBHOOK_SECRET, sink_log) as sink:
        directory = Directory(recipients={rid: (replace(e[0], address=sink.url),) for rid, e in directory.recipients.items()})
        outbox = Outbox(connection, directory)
        ledger_sink = LedgerSink(ledger)
        engine = DurableEngine(connection, document=document, sinks=[outbox.enqueue, ledger_sink])
        script = actors.Script(agreement=agreement, events=events)
        decisions, verified = actors.analyst_decisions(attributed.verdicts, agreement)
        script.add_all(attributed.verdicts)
        script.add_all(decisions)
        with _bar(progress, "protocol engine", len(script)) as bar:
            while True:
                fact = script.pop()
                due = engine.engine.next_due_s()
                if fact is None and due is None:
                    break
                if due is not None and (fact is None or due < fact.at_s):
                    if fact is not None:
                        script.add(fact)
                    fact = ClockTick(at_s=due)
                elif fact is None:
                    break
                elif not isinstance(fact, Acknowledgement):
                    bar.update(1)
                ledger_sink.fact = fact
                outputs = engine.handle(fact)
                stages.extend(o.stage for o in outputs if getattr(o, "change", "") == "stage")
                script.add_all(actors.liaison_responses(outputs))
                if any(isinstance(o, Notification) for o in outputs):
                    attempts.extend(outbox.dispatch(fact.at_s, seed=config.seed))  # sent when they are due
        horizon_s = engine.engine.clock_s if engine.engine.clock_s is not None else end_s
        with _bar(progress, "deliver notifications", 1) as bar:
            attempts.extend(outbox.dispatch(horizon_s, seed=config.seed))  # retries still due
            bar.update(1)
    verdict_records = sorted(list(attributed.verdicts) + verified, key=lambda v: (v.at_s, v.event_id, v.status))

    # 8. the report's window, its violations' ledger entries, checkpoint and bundle
    all_outputs = engine.outputs()
    latest = latest_verdicts(verdict_records)
    day = config.day or _busiest_day(latest, config.start_s, end_s)
    window = day_window(day)
    ledger_index, bundle_indices = ledger_indices(ledger, {v.event_id for v in latest if window.start_s <= v.time_s < window.end_s})
    write_table(events, run_dir / "events.parquet")
    (run_dir / "violations.jsonl").write_text("".join(json.dumps(to_record(v), sort_keys=True) + "\n" for v in verdict_records), encoding="utf-8")
    (run_dir / "areas.geojson").write_text(json.dumps(areas.to_geojson()), encoding="utf-8")
    sources = [
        f"Scenario: truceline.sim preset '{config.preset}', seed {config.seed}, {config.hours:g} h from {format_utc(config.start_s)}: "
        f"{stations.num_rows} acoustic stations, {picks.num_rows} picks, {len(reports)} patrol and open-source reports (simulated).",
        f"Fusion: truceline.fuse streaming associator (picks in arrival order; each event emitted once no pick could still "
        f"join it: latency after its last pick p50 {np.percentile(latency, 50):.0f} s, p99 {np.percentile(latency, 99):.0f} s; "
        f"{len(late_picks)} late picks), {events.num_rows} events located with calibrated 95 % ellipses.",
        f"Attribution: {attributed.method}.",
        f"Analysts and liaison officers: scripted actors of the demo ({actors.DESCRIPTION}).",
        f"Escalation: agreement {agreement.id}, durable protocol engine; {len(all_outputs)} outputs; {len(attempts)} webhook deliveries to a loopback receiver.",
    ]
    (run_dir / "sources.json").write_text(json.dumps(sources, indent=1), encoding="utf-8")
    bundle = out / "bundle"
    with _bar(progress, "checkpoint and bundle", 1) as bar:
        export_bundle(ledger, bundle, bundle_indices, signer)
        bar.update(1)
    note = ledger.latest_checkpoint()
    assert note is not None
    verify_command = f"truceline verify {bundle} --key {out / 'keys' / 'log.vkey'}"
    run = Run(
        events=events, violations=latest, outputs=tuple(all_outputs), areas=areas, checkpoint=read_checkpoint(note),
        ledger_index=ledger_index, agreement_id=agreement.id, agreement_title=agreement.title, sources=tuple(sources),
        verify_command=verify_command, as_of_s=horizon_s,
    )

    # 9. report and exports
    with _bar(progress, "report and exports", 5) as bar:
        summary = summarise(run, window, as_of_s=horizon_s)
        write_report(run, summary, out / "report.html", out / "report.pdf", as_of_s=horizon_s)
        bar.update(2)
        write_geojson(out / "events.geojson", summary.events, summary.violations, ledger_index)
        n_csv = write_acled(out / "violations.csv", events, summary.violations, ledger_index)
        write_events_parquet(out / "events.parquet", summary.events)
        bar.update(3)
    connection.close()
    counts = {
        "stations": stations.num_rows, "picks": picks.num_rows, "reports": len(reports), "events": events.num_rows,
        "verdicts": len(latest), "report_events": summary.events.num_rows, "report_violations": len(summary.violations),
        "csv_rows": n_csv, "ledger_entries": run.checkpoint.size if run.checkpoint else 0, "bundle_entries": len(bundle_indices),
        "outputs": len(all_outputs), "webhooks_sent": sum(1 for a in attempts if a.outcome == "sent"),
        "webhooks_received": len(sink.received), "late_picks": len(late_picks),
        "latency_p50_s": int(round(float(np.percentile(latency, 50)))), "latency_p99_s": int(round(float(np.percentile(latency, 99)))),
    }
    paths = {name: out / name for name in ("report.html", "report.pdf", "events.geojson", "violations.csv", "events.parquet", "bundle", "webhooks.jsonl")}
    paths["database"] = out / "truceline.sqlite"
    paths["run"] = run_dir
    (out / DEMO_MARKER).write_text(json.dumps({"status": "complete", "seed": config.seed, "hours": config.hours, "start_s": config.start_s,
                                               "report_day": day.isoformat(), "counts": counts}, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    return DemoResult(paths=paths, counts=counts, stages=tuple(sorted(set(stages))), verify_command=verify_command,
                      attribution=attributed.method, report_day=day)


# --------------------------------------------------------------------------- helpers


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A table row as JSON the ledger accepts (no NaN: unknown is null)."""
    return {k: (None if isinstance(v, float) and not np.isfinite(v) else v) for k, v in row.items()}


def _report_record(report: Report) -> dict[str, Any]:
    return _plain(report.to_json_dict())


def _busiest_day(verdicts: tuple[Violation, ...], start_s: float, end_s: float) -> date:
    """The UTC day of the run with the most violations (the first day if there are none)."""
    days = days_of(start_s, end_s)
    counts = {d: 0 for d in days}
    for verdict in verdicts:
        d = datetime.fromtimestamp(verdict.time_s, tz=timezone.utc).date()
        if d in counts:
            counts[d] += 1
    return max(days, key=lambda d: (counts[d], -days.index(d)))
