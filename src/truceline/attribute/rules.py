"""Violation rules as data: from attributed events to verdicts that name their rule and evidence.

The rules are the agreement's ``terms.violation_rules`` (:class:`truceline.model.agreement.Terms`),
passed in as plain data: this stage never imports the protocol engine. Each *fire* (a paired
launch and impact, an unpaired impact, or an unpaired launch) is checked against every rule; the
verdict keeps the rule with the highest confidence and lists all that fired with theirs.

Confidences (all probabilities multiply because the factors are separate pieces of evidence):

For a fire with a launch event, P(firing party) is split in two (``Attribution.p_launched``, ``p_landed``): the named
party launched the round from its area, or the "launch" is itself an impact of the named party's fire from across the
line (its pair chance). The launch rules read the first; the impact rules the first times the impact's side, plus the
second.

- ``launch_in_area`` (``party`` optional): P(firing party) x P(impact in the target's area); for an
  unpaired launch the target factor is the prior that fire crosses the line, updated by the leftover picks'
  Bayes factor for its impact across the line (``Attribution.crossing_log_factor``).
- ``impact_across_line``: needs an impact; P(firing party) x P(impact in the target's area). For an
  unpaired impact P(firing party) already carries the weak "from across the line" prior.
- ``heavy_weapons_in_zone``: needs a paired launch (the weapon class comes from the time of flight):
  P(launch in ``zone``) x P(the firing party launched it from its area: the claim's launch share,
  ``Attribution.p_launched``) x the sum over the classes named in ``weapons`` of
  P(class) x the share of the class's calibres at or above ``min_calibre_mm`` (calibre is not
  measured acoustically; a mortar may be 82 or 120 mm).
- ``armed_attack`` / ``threat_or_use_of_force``: as ``impact_across_line`` (or ``launch_in_area`` when
  no impact was detected), restricted to ``party`` when it is set.
- ``separate_negotiation`` is not a matter of sensor evidence and never fires here.

Corroboration multiplies the remaining doubt by the reports' factor:
``1 - (1 - c) (1 - corroboration)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.attribution import Attribution, other_party
from truceline.attribute.physics import ENVELOPES
from truceline.attribute.party import area_probabilities
from truceline.geo.areas import Areas
from truceline.geo.frame import front_sectors
from truceline.model.agreement import Terms, ViolationRule
from truceline.model.cases import Violation

#: Front sectors (named after waypoints, :func:`truceline.geo.frame.front_sectors`) to the oblast-level
#: sector ids agreements use (``ukraine-2026``: kharkiv, luhansk, donetsk, zaporizhzhia, kherson).
REGION_OF_FRONT_SECTOR: dict[str, str] = {
    "Kherson": "kherson", "Nova Kakhovka": "kherson", "Enerhodar": "zaporizhzhia", "Orikhiv": "zaporizhzhia",
    "Velyka Novosilka": "donetsk", "Pokrovsk": "donetsk", "Chasiv Yar": "donetsk", "Kreminna": "luhansk",
    "Kupiansk": "kharkiv", "Vovchansk": "kharkiv", "Kharkiv border": "kharkiv", "Sumy border": "sumy",
}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def sector_labeler(known_ids: Sequence[str] = ()) -> Callable[[float, float], str]:
    """A function (lat, lon) -> sector id: the agreement's id for the region when it has one, else the front sector's slug."""
    sectors = front_sectors()
    known = set(known_ids)

    def label(lat: float, lon: float) -> str:
        name = sectors[int(sectors.sector_of(np.array([lat]), np.array([lon]))[0])].name
        region = REGION_OF_FRONT_SECTOR.get(name, "")
        return region if region in known else slug(name)

    return label


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """One fire judged against the terms (richer than the engine's :class:`Violation`)."""

    event_id: str  # the launch if there is one, else the impact
    impact_event_id: str
    firing_party: str
    target_party: str
    sector: str
    time_s: float
    at_s: float  # when the automatic verdict was known (its latest sensor event)
    corroborated_at_s: float | None  # when the first corroborating report was known
    confidence: float
    status: str  # automatic | corroborated
    rule: str
    rules_fired: tuple[tuple[str, float], ...]
    evidence_ids: tuple[str, ...]
    reason: str

    def to_violation(self, *, status: str | None = None, at_s: float | None = None) -> Violation:
        """The engine's record (``status``/``at_s`` override, e.g. for an analyst's decision)."""
        return Violation(
            at_s=at_s if at_s is not None else (self.corroborated_at_s if self.status == "corroborated" and self.corroborated_at_s else self.at_s),
            event_id=self.event_id, firing_party=self.firing_party, target_party=self.target_party, sector=self.sector,
            time_s=self.time_s, confidence=round(self.confidence, 4), status=status or self.status,  # type: ignore[arg-type]
            rule=self.rule, evidence_ids=self.evidence_ids,
        )


def _calibre_share(envelope_name: str, min_calibre_mm: float | None) -> float:
    if min_calibre_mm is None:
        return 1.0
    for envelope in ENVELOPES:
        if envelope.name == envelope_name:
            span = envelope.max_calibre_mm - envelope.min_calibre_mm
            if envelope.min_calibre_mm >= min_calibre_mm:
                return 1.0
            return float(np.clip((envelope.max_calibre_mm - min_calibre_mm) / span, 0.0, 1.0)) if span > 0 else 0.0
    return 0.0


def _weapon_named(envelope_name: str, weapons: Sequence[str]) -> bool:
    if not weapons:
        return True
    names = {w.lower() for w in weapons}
    return any(e.name == envelope_name and (e.name in names or e.rule_name in names) for e in ENVELOPES)


def decide_verdicts(
    attribution: Attribution,
    areas: Areas,
    terms: Terms,
    *,
    sector_of: Callable[[float, float], str] | None = None,
    report_times: dict[str, float] | None = None,
    across_line_prior: float = 0.85,
    pair_crossing: bool = True,
    min_confidence: float = 0.5,
    split_roles: bool = True,
) -> list[Verdict]:
    """Verdicts for every fire of ``attribution`` whose best rule reaches ``min_confidence``.

    ``across_line_prior`` is the probability that fire crosses the line: the target of an unpaired launch, and (with
    ``pair_crossing``) the prior of a paired impact's side given its launch in the firing party's area, which its
    located position updates. With ``split_roles`` (session 9; False: before) a fire's launch event is judged by the two
    shares of its firing-party claim apart (:attr:`Attribution.p_launched`, :attr:`Attribution.p_landed`): the launch
    rules and ``heavy_weapons_in_zone`` read the share in which the named party launched the round from its area, the
    impact rules that share with the impact's side plus the share in which the event is itself an impact of the named
    party's fire; an event likelier an impact named as the other party's fire no longer puts that party's weapon in a
    zone. ``report_times`` gives, per report id, when it became known (its end or publication time);
    a corroborated verdict's ``corroborated_at_s`` is the earliest of those of its reports.
    """
    a = attribution
    label = sector_of or sector_labeler()
    parties = areas.parties
    report_times = report_times or {}
    kinds = np.asarray(a.kind)
    zone_rules = [r for r in terms.violation_rules if r.kind == "heavy_weapons_in_zone"]
    zone_label: list[str] = [""] * len(a.event_ids)
    zone_p = np.zeros(len(a.event_ids))
    launches = np.flatnonzero((kinds == "launch") & a.paired)
    if zone_rules and launches.size and areas.zones:
        labels, probability = area_probabilities(a.lat[launches], a.lon[launches], a.covariance_km2[launches], areas.zone_at)
        for j, i in enumerate(launches):
            zone_label[int(i)], zone_p[int(i)] = labels[j], float(probability[j])
    fires: list[tuple[int | None, int | None]] = []
    for index in range(len(a.event_ids)):
        if kinds[index] == "launch":
            fires.append((index, int(a.partner[index]) if a.partner[index] >= 0 else None))
        elif kinds[index] == "impact" and a.partner[index] < 0:
            fires.append((None, index))
    verdicts: list[Verdict] = []
    for launch, impact in fires:
        main = launch if launch is not None else impact
        assert main is not None
        firing = a.firing_party[main]
        p_fire = float(a.p_firing_party[main])
        target = other_party(parties, firing)
        if not firing or not target:
            continue
        if impact is not None:
            side, ps = a.side[impact], float(a.p_side[impact])
            p_target = ps if side == target else (1.0 - ps if side else 0.0)
            if launch is not None and pair_crossing and side and 0.0 < p_target < 1.0:
                # Given the launch in the firing party's area, its impact is across the line with the prior that fire
                # crosses it, updated by where the impact was located.
                odds = p_target / (1.0 - p_target) * across_line_prior / (1.0 - across_line_prior)
                p_target = odds / (1.0 + odds)
        else:
            # The leftover picks' Bayes factor (impact across the line : on the launch's own side) updates the prior.
            factor = float(a.crossing_log_factor[main]) if main < a.crossing_log_factor.size else 0.0
            odds = across_line_prior / (1.0 - across_line_prior) * float(np.exp(factor))
            p_target = odds / (1.0 + odds)
        # A fire with a launch: the claim's launch share (the named party launched it from its area) and impact share (the
        # "launch" is an impact of the named party's fire from across the line, its pair chance) apart. Launch rules and a
        # weapon in a zone need the first; an impact across the line is either.
        p_launched = p_landed = float("nan")
        if launch is not None and split_roles and a.p_launched is not None and a.p_landed is not None:
            p_launched, p_landed = float(a.p_launched[launch]), float(a.p_landed[launch])
        if not (np.isfinite(p_launched) and np.isfinite(p_landed)):
            p_launched, p_landed = p_fire, 0.0
        fired: list[tuple[str, float, str]] = []
        for rule in terms.violation_rules:
            found = _apply(rule, a, launch, impact, firing, p_launched, p_target, zone_label, zone_p, p_landed)
            if found is not None:
                fired.append((rule.id, found[0], found[1]))
        if not fired:
            continue
        members = [i for i in (launch, impact) if i is not None]
        corroboration = 1.0 - float(np.prod([1.0 - a.corroboration[i] for i in members]))
        best_id, best_p, best_why = max(fired, key=lambda f: f[1])  # max keeps the first of equals: agreement order
        confidence = 1.0 - (1.0 - best_p) * (1.0 - corroboration)
        if confidence < min_confidence:
            continue
        reports = sorted({r for i in members for r in a.report_ids[i]})
        sensor_members = [i for i in members if not a.report_only[i]]
        # Corroborated: an observer's own report matched a sensor event of the fire (hearsay alone does not).
        corroborated = any(a.status[i] == "corroborated" for i in sensor_members)
        evidence = tuple([f"event:{a.event_ids[i]}" for i in members]
                         + [f"pick:{p}" for i in members for p in a.pick_ids[i]] + [f"report:{r}" for r in reports])
        times = [float(a.time_s[i]) for i in members]
        known = max(times)
        first_hand = [r for r in reports if r not in a.hearsay_reports]
        corroborated_at = min((report_times.get(r, known) for r in first_hand), default=None) if corroborated else None
        lat = float(np.mean([a.lat[i] for i in members]))
        lon = float(np.mean([a.lon[i] for i in members]))
        why = "; ".join([best_why] + [a.reason[i] for i in members if a.reason[i]])
        if corroboration > 0:
            why += f"; corroborated by {', '.join(reports)} (doubt x {1.0 - corroboration:.2f})"
        verdicts.append(Verdict(
            event_id=a.event_ids[main], impact_event_id=a.event_ids[impact] if impact is not None else "",
            firing_party=firing, target_party=target, sector=label(lat, lon), time_s=min(times),
            at_s=known, corroborated_at_s=max(corroborated_at, known) if corroborated_at is not None else None,
            confidence=round(float(np.clip(confidence, 0.0, 1.0)), 6), status="corroborated" if corroborated else "automatic",
            rule=best_id, rules_fired=tuple((r, round(p, 4)) for r, p, _ in fired), evidence_ids=evidence, reason=why,
        ))
    verdicts.sort(key=lambda v: (v.time_s, v.event_id))
    return verdicts


def _apply(rule: ViolationRule, a: Attribution, launch: int | None, impact: int | None, firing: str, p_fire: float,
           p_target: float, zone_label: list[str], zone_p: NDArray[np.float64], p_landed: float = 0.0) -> tuple[float, str] | None:
    """(confidence, why) if ``rule`` applies to this fire, else None. ``p_fire``: the firing party's claim (for a fire with
    a launch, its launch share); ``p_landed``: the launch event's share as an impact of that party's fire (0: none)."""
    if rule.party and rule.party != firing and rule.kind != "heavy_weapons_in_zone":
        return None
    if rule.kind == "launch_in_area":
        if launch is None:
            return None
        return p_fire * p_target, (f"{rule.id}: launch {a.event_ids[launch]} in {firing}'s area"
                                   f" (p {p_fire:.3f}), impact in the other party's area (p {p_target:.3f})")
    if rule.kind == "impact_across_line" or rule.kind in ("armed_attack", "threat_or_use_of_force"):
        landed = (f"; or {a.event_ids[launch]} is itself an impact of {firing}'s fire from across the line (p {p_landed:.3f})"
                  if launch is not None and p_landed > 0.0 else "")
        if impact is None:
            if launch is None or (rule.kind == "impact_across_line" and p_landed <= 0.0):
                return None
            if rule.kind == "impact_across_line":
                return p_landed, f"{rule.id}: {a.event_ids[launch]} is an impact of {firing}'s fire from across the line (p {p_landed:.3f})"
            return p_fire * p_target + p_landed, (f"{rule.id}: fire by {firing} from {a.event_ids[launch]} (p {p_fire:.3f}), target"
                                                  f" assumed across the line{landed}")
        return p_fire * p_target + p_landed, (f"{rule.id}: impact {a.event_ids[impact]} across the line from {firing}"
                                              f" (firing party p {p_fire:.3f}, impact side p {p_target:.3f}){landed}")
    if rule.kind == "heavy_weapons_in_zone":
        if launch is None or impact is None or zone_label[launch] != rule.zone:
            return None
        if rule.party and rule.party != firing:
            return None
        p_named = sum(float(a.class_probability[launch, k]) * _calibre_share(e.name, rule.min_calibre_mm)
                      for k, e in enumerate(ENVELOPES) if _weapon_named(e.name, rule.weapons))
        if p_named <= 0.0:
            return None
        p = float(zone_p[launch]) * p_fire * p_named
        return p, (f"{rule.id}: {a.weapon[launch]} most likely (p {a.p_weapon[launch]:.2f}); named weapons of the calibre"
                   f" (p {p_named:.2f}) launched inside zone {rule.zone} (p {zone_p[launch]:.3f})")
    return None


def verdict_record(verdict: Verdict) -> dict[str, object]:
    """A verdict as a plain JSON object (``verdicts.jsonl``, the verdict store)."""
    return {
        "event_id": verdict.event_id, "impact_event_id": verdict.impact_event_id, "firing_party": verdict.firing_party,
        "target_party": verdict.target_party, "sector": verdict.sector, "time_s": verdict.time_s, "at_s": verdict.at_s,
        "corroborated_at_s": verdict.corroborated_at_s, "confidence": round(verdict.confidence, 6), "status": verdict.status,
        "rule": verdict.rule, "rules_fired": [[r, p] for r, p in verdict.rules_fired],
        "evidence_ids": list(verdict.evidence_ids), "reason": verdict.reason,
    }


def verdict_from_record(record: dict[str, object]) -> Verdict:
    """The inverse of :func:`verdict_record`; ``KeyError``/``TypeError``/``ValueError`` when malformed."""
    def text(name: str) -> str:
        value = record[name]
        if not isinstance(value, str):
            raise ValueError(f"{name}: expected a string, got {value!r}")
        return value

    def number(name: str) -> float:
        value = record[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{name}: expected a number, got {value!r}")
        return float(value)

    corroborated = record.get("corroborated_at_s")
    rules = record.get("rules_fired", [])
    evidence = record.get("evidence_ids", [])
    if not isinstance(rules, list) or not isinstance(evidence, list):
        raise ValueError("rules_fired and evidence_ids must be lists")
    verdict = Verdict(
        event_id=text("event_id"), impact_event_id=str(record.get("impact_event_id", "")), firing_party=text("firing_party"),
        target_party=text("target_party"), sector=text("sector"), time_s=number("time_s"), at_s=number("at_s"),
        corroborated_at_s=float(corroborated) if isinstance(corroborated, (int, float)) else None,
        confidence=number("confidence"), status=text("status"), rule=text("rule"),
        rules_fired=tuple((str(r[0]), float(r[1])) for r in rules), evidence_ids=tuple(str(e) for e in evidence),
        reason=str(record.get("reason", "")),
    )
    if not verdict.event_id:
        raise ValueError("event_id: must not be empty")
    if verdict.status not in ("automatic", "corroborated"):
        raise ValueError(f"status: a stage verdict is automatic or corroborated, got {verdict.status!r}")
    verdict.to_violation()  # the engine's checks: confidence in [0, 1], parties differ, time order
    return verdict
