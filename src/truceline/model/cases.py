"""Records of the escalation engine: the facts it consumes and the outputs it produces.

Inputs (facts) are what the attribution stage, analysts, liaison officers and the clock tell
the engine: :class:`Violation` verdicts, :class:`Case` openings, :class:`Acknowledgement`,
:class:`AnalystAction` and :class:`ClockTick`. Every fact carries ``at_s``, the time at which
it became known; the engine reads time from nothing else.

Outputs are :class:`StageChange`, :class:`DueAction` and :class:`Notification`. Each has a
stable id and turns into a plain JSON object with :func:`to_record`, whose canonical form
(RFC 8785, :func:`canonical_json`) is what the ledger appends and what ``protocol replay``
prints, so that two runs can be compared byte for byte.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
import math
from typing import Any, Literal, get_args

import rfc8785

Status = Literal["automatic", "corroborated", "verified", "disputed", "dismissed"]
STATUSES: tuple[str, ...] = get_args(Status)
Strength = Literal["binding", "political", "none"]
STRENGTHS: tuple[str, ...] = get_args(Strength)
AnalystVerb = Literal["verify", "dispute", "dismiss", "close"]
ANALYST_VERBS: tuple[str, ...] = get_args(AnalystVerb)


def _check_time(name: str, value: float) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number of seconds, got {value!r}")


# --------------------------------------------------------------------------- inputs (facts)


@dataclass(frozen=True, slots=True, kw_only=True)
class Violation:
    """A verdict of the attribution stage (or an analyst) that an event violates the agreement.

    ``time_s`` is when the violating fire happened; ``at_s`` when the verdict became known
    (``at_s >= time_s``). A later fact with the same ``event_id`` supersedes the earlier one
    (a status moving from ``automatic`` to ``verified``, say). Only ``verified`` verdicts with
    ``confidence`` at or above the agreement's threshold count for the ladder.
    """

    at_s: float
    event_id: str
    firing_party: str
    target_party: str
    sector: str
    time_s: float
    confidence: float
    status: Status
    rule: str
    evidence_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_time("at_s", self.at_s)
        _check_time("time_s", self.time_s)
        if self.time_s > self.at_s:
            raise ValueError(f"time_s {self.time_s} lies after at_s {self.at_s}: a verdict cannot precede its event")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must lie in [0, 1], got {self.confidence}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, got {self.status!r}")
        if self.firing_party == self.target_party:
            raise ValueError("firing_party and target_party must differ")


Verdict = Violation


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """A case opened explicitly (by the attribution stage or an analyst) for a pair of parties.

    Without it the engine opens a case itself on the first counting violation of a pair.
    Violations listed in ``violation_ids`` join this case when they arrive.
    """

    at_s: float
    case_id: str
    firing_party: str
    target_party: str
    sector: str
    time_s: float
    violation_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_time("at_s", self.at_s)
        _check_time("time_s", self.time_s)
        if self.time_s > self.at_s:
            raise ValueError(f"time_s {self.time_s} lies after at_s {self.at_s}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Acknowledgement:
    """A liaison officer acknowledges a due action (``action_id``) or all open actions of a case."""

    at_s: float
    case_id: str
    by: str
    action_id: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        _check_time("at_s", self.at_s)
        if not self.by.strip():
            raise ValueError("by must name who acknowledges")


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalystAction:
    """An analyst verifies, disputes or dismisses a verdict (``event_id``) or closes a case (``case_id``)."""

    at_s: float
    by: str
    action: AnalystVerb
    event_id: str | None = None
    case_id: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        _check_time("at_s", self.at_s)
        if self.action not in ANALYST_VERBS:
            raise ValueError(f"action must be one of {', '.join(ANALYST_VERBS)}, got {self.action!r}")
        if self.action == "close" and not self.case_id:
            raise ValueError("action close needs case_id")
        if self.action != "close" and not self.event_id:
            raise ValueError(f"action {self.action} needs event_id")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClockTick:
    """Time passes: the engine fires every rule that fell due up to ``at_s``."""

    at_s: float

    def __post_init__(self) -> None:
        _check_time("at_s", self.at_s)


Fact = Violation | Case | Acknowledgement | AnalystAction | ClockTick

FACT_KINDS: dict[str, type] = {
    "violation": Violation,
    "case": Case,
    "ack": Acknowledgement,
    "analyst": AnalystAction,
    "tick": ClockTick,
}

# --------------------------------------------------------------------------- outputs

Change = Literal["opened", "stage", "closed"]
ActionStatus = Literal["due", "acknowledged", "overdue"]
NotificationCategory = Literal["stage", "reminder", "overdue", "closed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StageChange:
    """A case opened, reached a stage of the ladder, or closed — with the rule that made it so.

    ``due_s`` is when the rule was first satisfied; ``at_s`` when the engine fired it (the time
    of the input that revealed it). ``late`` is true when the two lie further apart than the
    engine's tolerance — a deadline that fell due while the engine was down, say.
    """

    change_id: str
    agreement: str
    case_id: str
    change: Change
    stage: int
    name: str
    at_s: float
    due_s: float
    late: bool
    reason: str
    evidence_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DueAction:
    """An obligation of a stage: who must do what by when, with the strength of the obligation."""

    action_id: str
    case_id: str
    stage: int
    actor: str
    action: str
    strength: Strength
    due_by_s: float
    status: ActionStatus
    at_s: float
    reason: str
    by: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Notification:
    """A message to send. ``notification_id`` is its idempotency key: it is never produced twice.

    ``recipients`` are recipient ids of the agreement, each with the routing reason that chose it
    (``routing``, aligned with ``recipients``).
    """

    notification_id: str
    agreement: str
    case_id: str
    category: NotificationCategory
    stage: int
    action_id: str
    at_s: float
    due_s: float
    late: bool
    subject: str
    body: str
    sectors: tuple[str, ...]
    recipients: tuple[str, ...]
    routing: tuple[str, ...]


Output = StageChange | DueAction | Notification

OUTPUT_KINDS: dict[type, str] = {StageChange: "stage_change", DueAction: "due_action", Notification: "notification"}
INPUT_KINDS: dict[type, str] = {cls: kind for kind, cls in FACT_KINDS.items()}


def to_record(item: Fact | Output) -> dict[str, Any]:
    """A plain JSON object: ``{"kind": ..., <fields>}`` with tuples as lists."""
    kind = OUTPUT_KINDS.get(type(item)) or INPUT_KINDS[type(item)]
    record: dict[str, Any] = {"kind": kind}
    for field in dataclasses.fields(item):
        value = getattr(item, field.name)
        record[field.name] = list(value) if isinstance(value, tuple) else value
    return record


def canonical_json(item: Fact | Output) -> bytes:
    """RFC 8785 canonical JSON of :func:`to_record`: equal records give equal bytes."""
    return rfc8785.dumps(to_record(item))


def output_from_record(record: dict[str, Any]) -> Output:
    """The inverse of :func:`to_record` for outputs."""
    by_kind = {kind: cls for cls, kind in OUTPUT_KINDS.items()}
    cls = by_kind[record["kind"]]
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k != "kind"}
    return cls(**values)  # type: ignore[no-any-return]
