"""An agreement as plain data: parties, guarantors, sectors, terms, the response ladder.

These are the typed records that :func:`truceline.protocol.agreement.load_agreement` returns
after validating an agreement file. They live in ``model`` so that earlier stages (the
attribution stage reads :class:`Terms` and its :class:`ViolationRule` list) can use them
without importing the protocol engine. :func:`terms_from_document` builds :class:`Terms`
from an already-parsed document (a ``dict``); it does not validate (the loader does).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from truceline.model.cases import Strength

RuleKind = Literal[
    "launch_in_area",
    "impact_across_line",
    "heavy_weapons_in_zone",
    "armed_attack",
    "separate_negotiation",
    "threat_or_use_of_force",
]
DeadlineFrom = Literal["opening", "stage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    code: str
    name: str
    role: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Guarantor:
    code: str
    name: str
    role: str
    strength: Strength


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient:
    """A contact point named by the agreement; channels (URLs, addresses) are configured apart."""

    id: str
    name: str
    nation: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sector:
    id: str
    name: str
    lead: str
    hub: str = ""
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ViolationRule:
    """One rule of what counts as a violation; the attribution stage applies it.

    ``launch_in_area``: fire whose launch lies in ``party``'s area (any party if empty) and whose
    impact lies in another party's area. ``impact_across_line``: an impact on the far side of the
    line of contact from the firing party. ``heavy_weapons_in_zone``: fire of ``weapons`` (or of
    calibre at or above ``min_calibre_mm``) launched inside a zone named ``zone``.
    ``armed_attack`` / ``threat_or_use_of_force``: any attributed fire by a non-party (or by the
    named ``party``) into a party's area. ``separate_negotiation``: a party negotiating alone.
    """

    id: str
    kind: RuleKind
    description: str
    party: str = ""
    zone: str = ""
    weapons: tuple[str, ...] = ()
    min_calibre_mm: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Terms:
    """The terms the attribution stage reads: rules, confidence threshold, counting statuses."""

    confidence_threshold: float
    counting_statuses: tuple[str, ...]
    violation_rules: tuple[ViolationRule, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ViolationCondition:
    """At least ``count`` counting violations after the previous stage, within ``window_h`` if set."""

    count: int
    window_h: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    not_before_h: float = 0.0
    violations: ViolationCondition | None = None
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Obligation:
    id: str
    actor: str
    action: str
    strength: Strength
    deadline_h: float | None  # None only for strength "none": listed, never due
    deadline_from: DeadlineFrom = "stage"
    recipients: tuple[str, ...] = ()
    clause: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    stage: int
    name: str
    trigger: Trigger
    obligations: tuple[Obligation, ...]
    clause: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ClosingRule:
    quiet_h: float
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement:
    id: str
    title: str
    description: str
    parties: tuple[Party, ...]
    guarantors: tuple[Guarantor, ...]
    recipients: tuple[Recipient, ...]
    standing_recipients: tuple[str, ...]
    sectors: tuple[Sector, ...]
    terms: Terms
    ladder: tuple[Stage, ...]
    closing: ClosingRule
    reminders_before_h: tuple[float, ...]
    sources: tuple[str, ...] = ()

    def sector(self, sector_id: str) -> Sector | None:
        for sector in self.sectors:
            if sector.id == sector_id:
                return sector
        return None


def _strs(values: Sequence[Any] | None) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def terms_from_document(document: Mapping[str, Any]) -> Terms:
    """:class:`Terms` from the ``terms`` mapping of a parsed agreement (or the whole document)."""
    terms = document.get("terms", document)
    rules = tuple(
        ViolationRule(
            id=str(rule["id"]),
            kind=rule["kind"],
            description=str(rule.get("description", "")),
            party=str(rule.get("party", "")),
            zone=str(rule.get("zone", "")),
            weapons=_strs(rule.get("weapons")),
            min_calibre_mm=float(rule["min_calibre_mm"]) if "min_calibre_mm" in rule else None,
        )
        for rule in terms.get("violation_rules", ())
    )
    return Terms(
        confidence_threshold=float(terms.get("confidence_threshold", 0.9)),
        counting_statuses=_strs(terms.get("counting_statuses", ["verified"])),
        violation_rules=rules,
    )


def agreement_from_document(document: Mapping[str, Any]) -> Agreement:
    """:class:`Agreement` from a document that has already passed the schema."""

    def trigger(raw: Mapping[str, Any]) -> Trigger:
        violations = raw.get("verified_violations")
        return Trigger(
            not_before_h=float(raw.get("not_before_h", 0.0)),
            violations=None
            if violations is None
            else ViolationCondition(
                count=int(violations["count"]),
                window_h=float(violations["window_h"]) if "window_h" in violations else None,
            ),
            description=str(raw.get("description", "")),
        )

    return Agreement(
        id=str(document["id"]),
        title=str(document["title"]),
        description=str(document.get("description", "")),
        parties=tuple(Party(code=p["code"], name=p["name"], role=p.get("role", "")) for p in document["parties"]),
        guarantors=tuple(
            Guarantor(code=g["code"], name=g["name"], role=g["role"], strength=g["strength"])
            for g in document.get("guarantors", ())
        ),
        recipients=tuple(
            Recipient(id=r["id"], name=r["name"], nation=r.get("nation", "")) for r in document.get("recipients", ())
        ),
        standing_recipients=_strs(document.get("standing_recipients")),
        sectors=tuple(
            Sector(
                id=s["id"], name=s["name"], lead=s["lead"], hub=s.get("hub", ""), recipients=_strs(s.get("recipients"))
            )
            for s in document.get("sectors", ())
        ),
        terms=terms_from_document(document),
        ladder=tuple(
            Stage(
                stage=int(s["stage"]),
                name=str(s["name"]),
                trigger=trigger(s.get("trigger", {})),
                clause=str(s.get("clause", "")),
                obligations=tuple(
                    Obligation(
                        id=o["id"],
                        actor=o["actor"],
                        action=o["action"],
                        strength=o["strength"],
                        deadline_h=float(o["deadline_h"]) if "deadline_h" in o else None,
                        deadline_from=o.get("deadline_from", "stage"),
                        recipients=_strs(o.get("recipients")),
                        clause=str(o.get("clause", "")),
                    )
                    for o in s["obligations"]
                ),
            )
            for s in document["ladder"]
        ),
        closing=ClosingRule(
            quiet_h=float(document["closing"]["quiet_h"]), description=str(document["closing"].get("description", ""))
        ),
        reminders_before_h=tuple(float(h) for h in document.get("reminders", {}).get("before_h", ())),
        sources=_strs(document.get("sources")),
    )
