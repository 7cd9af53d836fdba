"""What a report is built from, and the figures it shows — pure functions of the inputs.

A *run* is what the pipeline wrote: the attributed ``events`` table (CONTRACTS.md columns plus
``sector`` and ``weapon_class`` when known), the verdicts (``violations.jsonl``: one
:class:`~truceline.model.cases.Violation` record a line, a later line for the same ``event_id``
superseding an earlier one), the protocol engine's outputs and the ledger's latest signed
checkpoint. :func:`load_run` reads them; :func:`summarise` turns a run and a time window into
:class:`Summary`, the numbers every section of the report shows. Nothing here reads a clock:
the window and the "as of" time are arguments.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from truceline.ledger import Ledger
from truceline.geo.areas import Areas, front_areas, read_areas
from truceline.geo.frame import front_sectors
from truceline.model.cases import DueAction, Output, StageChange, Violation
from truceline.model.errors import InputError, TrucelineError
from truceline.model.tables import EVENTS, read_table

DAY_S = 86_400.0
UNDETERMINED = "undetermined"


class ReportError(TrucelineError):
    """The inputs of a report are missing or inconsistent."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Window:
    """A half-open period ``[start_s, end_s)`` of Unix seconds, with a label for people."""

    start_s: float
    end_s: float
    label: str

    def __post_init__(self) -> None:
        if not self.end_s > self.start_s:
            raise ReportError(f"the report period must end after it starts ({self.label})")

    @property
    def span_s(self) -> float:
        return self.end_s - self.start_s

    def previous(self) -> Window:
        """The period of the same length just before this one (the day before, for a day)."""
        start = self.start_s - self.span_s
        return Window(start_s=start, end_s=self.start_s, label=_period_label(start, self.start_s))

    def holds(self, time_s: np.ndarray) -> np.ndarray:
        return np.asarray((time_s >= self.start_s) & (time_s < self.end_s))


def _iso_day(time_s: float) -> str:
    return datetime.fromtimestamp(time_s, tz=timezone.utc).strftime("%Y-%m-%d")


def format_utc(time_s: float, seconds: bool = False) -> str:
    """``2026-06-01 14:05 UTC``."""
    moment = datetime.fromtimestamp(time_s, tz=timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


def _period_label(start_s: float, end_s: float) -> str:
    if end_s - start_s == DAY_S and start_s % DAY_S == 0:
        return _iso_day(start_s)
    return f"{format_utc(start_s)} – {format_utc(end_s)}"


def day_window(day: date) -> Window:
    """The UTC day ``day`` as a window."""
    start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()
    return Window(start_s=start, end_s=start + DAY_S, label=day.isoformat())


def range_window(start_s: float, end_s: float) -> Window:
    return Window(start_s=start_s, end_s=end_s, label=_period_label(start_s, end_s))


def days_of(start_s: float, end_s: float) -> list[date]:
    """The UTC days that ``[start_s, end_s)`` touches, in order."""
    first = datetime.fromtimestamp(start_s, tz=timezone.utc).date()
    last = datetime.fromtimestamp(np.nextafter(end_s, -np.inf), tz=timezone.utc).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True, kw_only=True)
class Checkpoint:
    """The signed checkpoint a report was built from (C2SP tlog-checkpoint in a signed note)."""

    origin: str
    size: int
    root_base64: str
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """Everything a report reads. ``ledger_index`` maps a verdict's event id to the index of the
    ledger entry that recorded its latest version; ``sources`` describes the inputs for the
    method section (free text lines)."""

    events: pa.Table
    violations: tuple[Violation, ...]
    outputs: tuple[Output, ...] = ()
    areas: Areas = field(default_factory=front_areas)
    checkpoint: Checkpoint | None = None
    ledger_index: Mapping[str, int] = field(default_factory=dict)
    agreement_id: str = ""
    agreement_title: str = ""
    sources: tuple[str, ...] = ()
    verify_command: str = ""
    as_of_s: float | None = None


def latest_verdicts(records: Iterable[Violation]) -> tuple[Violation, ...]:
    """The latest verdict of each event (a later record supersedes), ordered by fire time and id."""
    latest: dict[str, Violation] = {}
    for verdict in records:
        latest[verdict.event_id] = verdict
    return tuple(sorted(latest.values(), key=lambda v: (v.time_s, v.event_id)))


def read_violations(path: Path) -> list[Violation]:
    """``violations.jsonl``: one Violation record (``to_record`` form) a line; errors name the line."""
    verdicts: list[Violation] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    names = set(Violation.__dataclass_fields__)
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as problem:
            raise InputError(str(path), f"not JSON: {problem.msg}", line=number) from None
        if not isinstance(record, dict):
            raise InputError(str(path), "not a JSON object", line=number)
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k in names}
        try:
            verdicts.append(Violation(**values))
        except (TypeError, ValueError) as problem:
            raise InputError(str(path), f"not a violation record: {problem}", line=number) from None
    return verdicts


def read_checkpoint(note: str) -> Checkpoint:
    """The origin, size and root of a signed checkpoint note (the signature is not checked here:
    the report prints the command that checks it)."""
    text = note.split("\n\n", 1)[0]
    lines = text.split("\n")
    if len(lines) < 3 or not lines[1].isdigit():
        raise ReportError("the ledger's latest checkpoint is not a tlog-checkpoint note")
    return Checkpoint(origin=lines[0], size=int(lines[1]), root_base64=lines[2], note=note)


def load_run(
    run_dir: Path,
    *,
    outputs: Sequence[Output] = (),
    checkpoint: Checkpoint | None = None,
    ledger_index: Mapping[str, int] | None = None,
    agreement_id: str = "",
    agreement_title: str = "",
    verify_command: str = "",
    as_of_s: float | None = None,
) -> Run:
    """Read ``RUN/events.parquet`` (or ``.csv``), ``RUN/violations.jsonl``, optional
    ``RUN/areas.geojson`` and ``RUN/sources.json`` (a list of strings for the method section)."""
    run_dir = Path(run_dir)
    events_path = next((p for p in (run_dir / "events.parquet", run_dir / "events.csv") if p.exists()), None)
    if events_path is None:
        raise InputError(str(run_dir), "no events.parquet or events.csv (the attributed events of the run)")
    events = read_table(events_path, EVENTS)
    verdicts = latest_verdicts(read_violations(run_dir / "violations.jsonl"))
    areas = read_areas(run_dir / "areas.geojson") if (run_dir / "areas.geojson").exists() else front_areas()
    sources: tuple[str, ...] = ()
    if (run_dir / "sources.json").exists():
        sources = tuple(str(s) for s in json.loads((run_dir / "sources.json").read_text(encoding="utf-8")))
    return Run(
        events=events, violations=verdicts, outputs=tuple(outputs), areas=areas, checkpoint=checkpoint,
        ledger_index=dict(ledger_index or {}), agreement_id=agreement_id, agreement_title=agreement_title,
        sources=sources, verify_command=verify_command, as_of_s=as_of_s,
    )


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    """One line of the summary table: this period, the previous one, and the change."""

    label: str
    value: int
    previous: int

    @property
    def change(self) -> str:
        delta = self.value - self.previous
        return "±0" if delta == 0 else f"{delta:+d}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    """A violation shown in the notable-incidents section, with its evidence."""

    verdict: Violation
    weapon_class: str
    place: str
    lat: float
    lon: float
    ellipse_major_km: float
    ellipse_minor_km: float
    pair_event_id: str
    report_ids: tuple[str, ...]
    ledger_index: int | None
    case_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    """A due action of a stage and whether it was met: ``met``, ``met late``, ``missed`` or ``open``."""

    action_id: str
    case_id: str
    stage: int
    actor: str
    action: str
    strength: str
    due_by_s: float
    outcome: str
    detail: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    window: Window
    previous: Window
    counts: tuple[Count, ...]
    by_party: tuple[tuple[str, int, int], ...]  # party, this period, previous
    by_sector: tuple[tuple[str, int, int], ...]
    by_weapon: tuple[tuple[str, int, int], ...]
    by_status: tuple[tuple[str, int, int], ...]
    hourly: Mapping[str, tuple[int, ...]]  # party -> violations per hour of the window
    violations: tuple[Violation, ...]
    incidents: tuple[Incident, ...]
    stage_changes: tuple[StageChange, ...]
    deadlines: tuple[Deadline, ...]
    events: pa.Table  # events of the window


def _column(table: pa.Table, name: str, default: Any) -> list[Any]:
    if name not in table.column_names:
        return [default] * table.num_rows
    return [default if v is None or v == "" else v for v in table[name].to_pylist()]


def place_name(lat: float, lon: float) -> str:
    """The front sector (named after its nearest waypoint) holding a point."""
    sectors = front_sectors()
    return sectors[int(sectors.sector_of(np.array([lat]), np.array([lon]))[0])].name


def event_index(events: pa.Table) -> dict[str, int]:
    return {str(e): i for i, e in enumerate(events["event_id"].to_pylist())}


def _tally(values: Iterable[str], previous: Iterable[str], order: Sequence[str] = ()) -> tuple[tuple[str, int, int], ...]:
    now, before = Counter(values), Counter(previous)
    keys = list(order) + sorted((set(now) | set(before)) - set(order))
    return tuple((k, now.get(k, 0), before.get(k, 0)) for k in keys if now.get(k, 0) or before.get(k, 0) or k in order)


def case_of_events(outputs: Sequence[Output]) -> dict[str, str]:
    """Event id -> case id, from the evidence of the stage changes (opening and stages)."""
    found: dict[str, str] = {}
    for output in outputs:
        if isinstance(output, StageChange):
            for event_id in output.evidence_ids:
                found.setdefault(event_id, output.case_id)
    return found


def cases_in(outputs: Sequence[Output], window: Window) -> list[str]:
    """Cases open at some time in the window or after it (opened before its end)."""
    opened: dict[str, float] = {}
    closed: dict[str, float] = {}
    for output in outputs:
        if isinstance(output, StageChange):
            if output.change == "opened":
                opened.setdefault(output.case_id, output.due_s)
            elif output.change == "closed":
                closed[output.case_id] = output.due_s
    return sorted(c for c, t in opened.items() if t < window.end_s and closed.get(c, np.inf) >= window.start_s)


def deadlines(outputs: Sequence[Output], cases: Sequence[str], as_of_s: float) -> tuple[Deadline, ...]:
    """Every due action of ``cases`` and its outcome as known at ``as_of_s``."""
    created: dict[str, DueAction] = {}
    later: dict[str, list[DueAction]] = {}
    wanted = set(cases)
    for output in outputs:
        if not isinstance(output, DueAction) or output.case_id not in wanted or output.at_s > as_of_s:
            continue
        if output.status == "due":
            created.setdefault(output.action_id, output)
        else:
            later.setdefault(output.action_id, []).append(output)
    rows = []
    for action_id, due in created.items():
        outcome, detail = "open", f"due {format_utc(due.due_by_s)}"
        for update in later.get(action_id, []):
            if update.status == "acknowledged":
                met = update.at_s <= due.due_by_s
                outcome = "met" if met else "met late"
                detail = f"acknowledged by {update.by} at {format_utc(update.at_s)}"
                break
            if update.status == "overdue":
                outcome, detail = "missed", f"not acknowledged by {format_utc(due.due_by_s)}"
        if outcome == "open" and as_of_s >= due.due_by_s:
            outcome, detail = "missed", f"not acknowledged by {format_utc(due.due_by_s)}"
        rows.append(Deadline(action_id=action_id, case_id=due.case_id, stage=due.stage, actor=due.actor, action=due.action,
                             strength=due.strength, due_by_s=due.due_by_s, outcome=outcome, detail=detail))
    return tuple(sorted(rows, key=lambda d: (d.due_by_s, d.action_id)))


def summarise(run: Run, window: Window, *, as_of_s: float | None = None, max_incidents: int = 12) -> Summary:
    """The figures of the report for ``window`` (compared with the period before it)."""
    as_of = as_of_s if as_of_s is not None else (run.as_of_s if run.as_of_s is not None else window.end_s)
    previous = window.previous()
    events = run.events
    index = event_index(events)
    time_s = np.asarray(events["time"].to_pylist(), dtype=np.float64)
    weapon = _column(events, "weapon_class", UNDETERMINED)
    kinds = _column(events, "kind", "unknown")
    reports = _column(events, "report_ids", "")
    sector_of_event = _column(events, "sector", "")

    def in_window(w: Window) -> list[Violation]:
        return [v for v in run.violations if w.start_s <= v.time_s < w.end_s]

    now, before = in_window(window), in_window(previous)
    counting = {"verified"}
    ev_now, ev_before = window.holds(time_s), previous.holds(time_s)

    def sector(v: Violation) -> str:
        row = index.get(v.event_id)
        return v.sector or (sector_of_event[row] if row is not None else "") or "unknown"

    def weapon_of(v: Violation) -> str:
        row = index.get(v.event_id)
        return str(weapon[row]) if row is not None else UNDETERMINED

    case_ids = cases_in(run.outputs, window)
    changes = tuple(o for o in run.outputs if isinstance(o, StageChange) and o.case_id in case_ids and o.at_s <= as_of)

    def n_changes(w: Window, change: str) -> int:
        return sum(1 for o in run.outputs if isinstance(o, StageChange) and o.change == change and w.start_s <= o.at_s < w.end_s)

    counts = (
        Count(label="Events located by the acoustic network", value=int(ev_now.sum()), previous=int(ev_before.sum())),
        Count(label="Launches / impacts identified", value=sum(1 for i in np.flatnonzero(ev_now) if kinds[i] in ("launch", "impact")),
              previous=sum(1 for i in np.flatnonzero(ev_before) if kinds[i] in ("launch", "impact"))),
        Count(label="Violations (all statuses)", value=len(now), previous=len(before)),
        Count(label="Violations verified by analysts", value=sum(v.status in counting for v in now),
              previous=sum(v.status in counting for v in before)),
        Count(label="Violations corroborated by patrols or open sources",
              value=sum(v.status == "corroborated" or bool(reports[index[v.event_id]]) for v in now if v.event_id in index),
              previous=sum(v.status == "corroborated" or bool(reports[index[v.event_id]]) for v in before if v.event_id in index)),
        Count(label="Cases opened", value=n_changes(window, "opened"), previous=n_changes(previous, "opened")),
        Count(label="Escalation stages reached", value=n_changes(window, "stage"), previous=n_changes(previous, "stage")),
    )
    parties = sorted(run.areas.parties)
    hours = max(1, int(np.ceil(window.span_s / 3600.0)))
    hourly: dict[str, tuple[int, ...]] = {}
    for party in sorted({v.firing_party for v in now} | set(parties)):
        counts_h = np.zeros(hours, dtype=int)
        for v in now:
            if v.firing_party == party:
                counts_h[min(hours - 1, int((v.time_s - window.start_s) // 3600.0))] += 1
        hourly[party] = tuple(int(c) for c in counts_h)
    case_of = case_of_events(run.outputs)
    incidents = notable(run, now, index, case_of, max_incidents)
    return Summary(
        window=window,
        previous=previous,
        counts=counts,
        by_party=_tally((v.firing_party for v in now), (v.firing_party for v in before), parties),
        by_sector=_tally((sector(v) for v in now), (sector(v) for v in before)),
        by_weapon=_tally((weapon_of(v) for v in now), (weapon_of(v) for v in before)),
        by_status=_tally((v.status for v in now), (v.status for v in before)),
        hourly=hourly,
        violations=tuple(now),
        incidents=incidents,
        stage_changes=changes,
        deadlines=deadlines(run.outputs, case_ids, as_of),
        events=events.filter(pa.array(ev_now)),
    )


def notable(run: Run, verdicts: Sequence[Violation], index: Mapping[str, int], case_of: Mapping[str, str], limit: int) -> tuple[Incident, ...]:
    """The incidents worth a paragraph: verdicts that opened or advanced a case first, then the
    verified and corroborated ones, then by confidence — at most ``limit``."""
    events = run.events
    weapon = _column(events, "weapon_class", UNDETERMINED)
    reports = _column(events, "report_ids", "")
    pair = _column(events, "pair_event_id", "")
    lat = events["lat"].to_pylist()
    lon = events["lon"].to_pylist()
    major = _column(events, "ellipse_major_km", float("nan"))
    minor = _column(events, "ellipse_minor_km", float("nan"))
    rank = {"verified": 0, "corroborated": 1, "automatic": 2, "disputed": 3, "dismissed": 4}

    def key(v: Violation) -> tuple[int, int, float, float, str]:
        return (0 if v.event_id in case_of else 1, rank.get(v.status, 5), -v.confidence, v.time_s, v.event_id)

    chosen = sorted(verdicts, key=key)[:limit]
    incidents = []
    for v in sorted(chosen, key=lambda v: (v.time_s, v.event_id)):
        row = index.get(v.event_id)
        if row is None:
            continue
        ids = tuple(r for r in str(reports[row]).split(";") if r)
        incidents.append(
            Incident(
                verdict=v, weapon_class=str(weapon[row]), place=place_name(lat[row], lon[row]), lat=float(lat[row]), lon=float(lon[row]),
                ellipse_major_km=float(major[row]), ellipse_minor_km=float(minor[row]), pair_event_id=str(pair[row] or ""),
                report_ids=ids, ledger_index=run.ledger_index.get(v.event_id), case_id=case_of.get(v.event_id, ""),
            )
        )
    return tuple(incidents)


def ledger_indices(ledger: Ledger, event_ids: set[str]) -> tuple[dict[str, int], list[int]]:
    """For the given verdicts: the index of each one's latest ``violation`` entry, and every
    ``violation`` and ``analyst`` entry about them (what the bundle proves)."""
    latest: dict[str, int] = {}
    chosen: list[int] = []
    for entry_type in ("violation", "analyst"):
        for index in ledger.indices_of_type(entry_type):
            payload = json.loads(ledger.entry(index))["payload"]
            event_id = payload.get("event_id")
            if event_id in event_ids:
                chosen.append(index)
                if entry_type == "violation":
                    latest[event_id] = max(index, latest.get(event_id, -1))
    return latest, sorted(chosen)
