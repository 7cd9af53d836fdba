"""``truceline protocol explain``: what would happen if this event were a verified violation?

Like Alertmanager's ``amtool config routes test``, it runs the agreement's own rules on a
hypothetical input and prints the result — here the ladder with who must do what by when, the
strength of each obligation, and who would be notified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from truceline.model.agreement import Agreement
from truceline.model.errors import TrucelineError
from truceline.protocol.decide import HOUR_S, format_time, route

_EVENT = re.compile(
    r"^\s*(?P<firing>[A-Za-z][A-Za-z0-9-]*)\s+(?:fires?|shells?|strikes?|attacks?|launches?)\s+(?:(?:into|on|at|against)\s+)?(?P<target>[A-Za-z][A-Za-z0-9-]*)\s*$"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class HypotheticalEvent:
    firing_party: str
    target_party: str


def parse_event(text: str) -> HypotheticalEvent:
    match = _EVENT.match(text)
    if match is None:
        raise TrucelineError(f"--event {text!r}: expected 'FIRING fires into TARGET', e.g. 'RU fires into UA'")
    return HypotheticalEvent(firing_party=match["firing"].upper(), target_party=match["target"].upper())


def explain(agreement: Agreement, event: HypotheticalEvent, at_s: float, sector_id: str | None = None) -> str:
    """The ladder for ``event`` verified at ``at_s``, as text for a person."""
    parties = {p.code: p for p in agreement.parties}
    lines = [f"{agreement.id} — {agreement.title}"]
    firing = parties[event.firing_party].name if event.firing_party in parties else f"{event.firing_party} (not a party)"
    target = parties.get(event.target_party)
    lines.append(f"Event: {firing} fires into {target.name if target else event.target_party} at {format_time(at_s)}")
    if target is None:
        lines.append(f"No obligation: {event.target_party} is not a party to this agreement ({', '.join(parties)}); an attack on a non-party obliges no one under it.")
        return "\n".join(lines) + "\n"
    if event.firing_party == event.target_party:
        raise TrucelineError("--event: the firing party and the target must differ")
    sector = agreement.sector(sector_id) if sector_id else (agreement.sectors[0] if agreement.sectors else None)
    if sector_id and sector is None:
        raise TrucelineError(f"--sector {sector_id!r}: no such sector (sectors: {', '.join(s.id for s in agreement.sectors)})")
    if sector is not None:
        hub = f", {sector.hub}" if sector.hub else ""
        lines.append(f"Sector: {sector.id} ({sector.name}), lead nation {sector.lead}{hub}")
    rules = [r for r in agreement.terms.violation_rules if not r.party or r.party == event.firing_party]
    lines.append("Rules that can make it a violation: " + ("; ".join(f"{r.id} ({r.kind})" for r in rules) or "none for this firing party"))
    lines.append(
        f"A case opens once the attribution is {'/'.join(agreement.terms.counting_statuses)} with confidence >= {agreement.terms.confidence_threshold:g}."
    )
    sectors = (sector.id,) if sector else ()
    for stage in agreement.ladder:
        trigger = stage.trigger
        earliest_s = at_s + trigger.not_before_h * HOUR_S
        lines.append("")
        earliest_is_exact = stage.stage == 1 and trigger.violations is None and not trigger.not_before_h
        if earliest_is_exact:
            when = f"at once ({format_time(at_s)})"
        else:
            condition = ""
            if trigger.violations is not None:
                window = f" within {trigger.violations.window_h:g} h" if trigger.violations.window_h is not None else ""
                condition = f" if {trigger.violations.count} more verified violation(s) follow stage {stage.stage - 1}{window}"
            when = f"earliest {format_time(earliest_s)} (opening + {trigger.not_before_h:g} h){condition}"
        lines.append(f"Stage {stage.stage} — {stage.name}: {when}")
        if trigger.description:
            lines.append(f"  trigger: {trigger.description}")
        if stage.clause:
            lines.append(f"  clause: {stage.clause}")
        extra: list[str] = []
        for obligation in stage.obligations:
            if obligation.deadline_h is None:
                by = "no obligation, no deadline"
            elif obligation.deadline_from == "opening" or earliest_is_exact:
                by = f"by {format_time(at_s + obligation.deadline_h * HOUR_S)} (opening + {obligation.deadline_h:g} h)"
            else:
                by = f"by stage {stage.stage} + {obligation.deadline_h:g} h (earliest {format_time(earliest_s + obligation.deadline_h * HOUR_S)})"
            lines.append(f"  [{obligation.strength:9}] {obligation.actor}: {obligation.action} — {by}")
            extra.extend(obligation.recipients)
        recipients, reasons = route(agreement, sectors, extra)
        lines.append("  notify: " + ", ".join(f"{r} ({why})" for r, why in zip(recipients, reasons)))
    lines.append("")
    closing = agreement.closing.description or f"The case closes after {agreement.closing.quiet_h:g} h without a verified violation."
    lines.append(f"Closing: {closing}")
    if agreement.reminders_before_h:
        lines.append("Reminders: " + " and ".join(f"{h:g} h" for h in agreement.reminders_before_h) + " before each deadline; an alert when a deadline passes unacknowledged.")
    strengths = {o.strength for s in agreement.ladder for o in s.obligations}
    lines.append("Strength: binding = treaty obligation; political = declared commitment; none = no obligation. This agreement: " + ", ".join(sorted(strengths)) + ".")
    return "\n".join(lines) + "\n"
