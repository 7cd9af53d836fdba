"""Observations that are not fire heard or seen: weapons and vehicles sighted, damage, mines and unexploded ordnance.

``read_weapon_sightings`` ("saw three tanks"), ``read_passive_damage`` ("a house was damaged by shelling"),
``read_damage_or_mines``, and the nouns that name such a sighting; ``causes_of_damage`` reads what caused damage.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.kinds import read_weapon
from truceline.ingest.patrol.patterns import DAMAGE, MINES, UAV, UXO
from truceline.ingest.patrol.scan import Group, Scan

_DAMAGE_NOUN = re.compile(r"(?:" + DAMAGE + r")$", re.IGNORECASE)
_MINE_NOUN = re.compile(r"(?:" + MINES + r")$", re.IGNORECASE)
_UXO_NOUN = re.compile(r"(?:" + UXO + r")$", re.IGNORECASE)


def noun_sighting(noun: str) -> str | None:
    """What a noun names that is seen, not fire: a drone, smoke, damage, mines."""
    if UAV.search(noun):
        return "uav"
    if noun.lower() == "smoke":
        return "smoke"
    if _DAMAGE_NOUN.match(noun):
        return "damage"
    if _MINE_NOUN.match(noun):
        return "mine"
    if _UXO_NOUN.match(noun):
        return "uxo"
    return None


_WEAPON_NOUN = (r"(?:tanks?|howitzers?|(?:anti[- ]aircraft\s+)?(?:guns?|cannons?)|mortars?|(?:multiple[- ]launch\s+rocket\s+systems?|MLRS)"
                r"|armou?red\s+(?:personnel\s+carriers?|(?:combat\s+|reconnaissance\s+)?vehicles?)|infantry\s+fighting\s+vehicles?"
                r"|IFVs?|APCs?|BMPs?|BTRs?|rocket\s+launchers?|(?:artillery|weapons?)\s+(?:pieces?|systems?)|(?:(?:anti-tank|surface[- ]to[- ]air|anti[- ]aircraft)\s+)?(?:guided\s+)?missile\s+systems?)")
#: Weapons seen (not fire heard): "saw two anti-aircraft guns (ZU-23) in violation of the withdrawal lines".
_WEAPON_SIGHTING = re.compile(
    r"\b(?:(?P<vague>" + ph.VAGUE_COUNTS + r")|(?P<n>" + ph.NUMBER + r"))\s+(?:(?:self-propelled|towed|stationary|parked|"
    r"military|anti-tank|main\s+battle|\d+\s?mm)\s+)*(?P<noun>" + _WEAPON_NOUN + r")(?:\s*\([^()]*\))?(?!\s+(?:fire|rounds?|shells?|cannon|shots?|bursts?)\b)",
    re.IGNORECASE)


#: Vehicles seen (not weapons): "a convoy of 20 military trucks", "three buses".
_VEHICLE_SIGHTING = re.compile(
    r"\b(?:(?:an?\s+)?(?:convoy|column)\s+of\s+)?(?:(?P<vague>" + ph.VAGUE_COUNTS + r")|(?P<n>" + ph.NUMBER + r"))\s+(?:(?:military|civilian|"
    r"armoured|cargo|covered|fuel|ambulance|unmarked)(?:[- ]type)?[- ]?\s*)*(?P<noun>trucks?|lorries|lorry|vehicles?|cars?|buses|bus|minibuses|"
    r"minibus|tankers?|jeeps?)(?:\s*\([^()]*\))?", re.IGNORECASE)
#: What a verification found of weapons: "were missing from a permanent storage site", "were present".
_VERIFIED = re.compile(
    r"^[\s\x1f,]*(?:(?:were|was)\s+)?(?:still\s+)?(?P<status>missing|absent|present|not\s+present|in\s+place)"
    r"(?:\s+(?:from|at|in)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:(?:permanent|designated|heavy[- ]weapons?)\s+)*"
    r"(?:storage\s+sites?|holding\s+areas?|sites?|storage\s+areas?))?\b", re.IGNORECASE)


NOT_OBJECT = r"(?!(?:near|in|at|about|assessed|and|caused|on|by|from|which|that|as|approximately|some|around|of|to)\b)"
_FIRING = re.compile(r"^[\s\x1f]*(?:(?:was|were)\s+)?(?:firing|shooting|opening\s+fire)\b(?:\s+(?:its|their|a|the)\s+(?:main\s+)?"
                     r"(?:cannons?|guns?|weapons?|machine[- ]guns?))?", re.IGNORECASE)
#: Damage written in the passive, with no noun of damage: "the water pipeline … had been damaged".
_DAMAGED_PASSIVE = re.compile(r"\b(?:(?:had|has|have)\s+been|was|were)\s+(?:damaged|destroyed|burnt|burned)\b", re.IGNORECASE)
_DAMAGED_SUBJECT = re.compile(r"^[\s\x1f]*(?:that\s+)?(?:the\s+|an?\s+|its\s+)?(?P<what>(?:" + NOT_OBJECT
                              + r"(?!(?:had|has|have|was|were)\b)[^\W\dA-Z][\w'-]*\s+){1,3})")


def read_passive_damage(scan: Scan, start: int, end: int) -> list[Group]:
    """"The SMM noted that the water pipeline near the Donetsk Filter Station had been damaged": damage seen
    (``sighting: damage``, what was damaged in ``damage_to``), in a clause with no other observation."""
    passive = next(scan.find(_DAMAGED_PASSIVE, start, end), None)
    if passive is None:
        return []
    scan.claim(start + passive.start(), start + passive.end())
    group = Group(start=start, end=start, kind="other", kinds=["other"], sighting="damage")
    subject = _DAMAGED_SUBJECT.match(scan.view(start, start + passive.start()))
    if subject is not None:  # the words after it (a place, a time) are read with the record
        scan.claim(start + subject.start(), start + subject.end())
        group.details["damage_to"] = re.sub(r"\s+", " ", subject["what"].strip())
        group.end = start + subject.end()
    return [group]


def read_weapon_sightings(scan: Scan, start: int, end: int) -> list[Group]:
    """Weapons seen, in a clause with no fire in it: one record of kind ``other`` (``sighting: weapon``) per count;
    vehicles (``sighting: vehicle``) likewise."""
    groups: list[Group] = []
    for match in scan.find(_VEHICLE_SIGHTING, start, end):
        group = Group(start=start + match.start(), end=start + match.end(), kind="other", kinds=["other"], sighting="vehicle")
        if match["n"]:
            group.count = ph.parse_number(match["n"])
        else:
            group.count_qualifier = re.sub(r"\s+", " ", match["vague"].lower())
        scan.claim(start + match.start(), start + match.end())
        groups.append(group)
    for match in scan.find(_WEAPON_SIGHTING, start, end):
        group = Group(start=start + match.start(), end=start + match.end(), kind="other", kinds=["other"], sighting="weapon")
        if match["n"]:
            group.count = ph.parse_number(match["n"])
        else:
            group.count_qualifier = re.sub(r"\s+", " ", match["vague"].lower())
        # the words before the noun are read with it: "an anti-tank missile system" (its "missile" alone was a rocket)
        scan.claim(start + match.start(), start + match.start("n" if match["n"] else "vague"))
        read_weapon(scan, group, start + match.start(), start + match.end())
        scan.claim(start + match.start(), start + match.end())
        if group.weapon is None:
            group.weapon = "heavy_weapon"
        firing = _FIRING.match(scan.view(start + match.end(), end))
        if firing is not None:  # "an armoured personnel carrier firing its cannon": fire seen, rounds not counted
            scan.claim(start + match.end() + firing.start(), start + match.end() + firing.end())
            group.sighting, group.count, group.count_qualifier = None, None, None
        verified = _VERIFIED.match(scan.view(start + match.end(), end))
        if verified is not None:  # "14 towed howitzers (…) were missing from a permanent storage site"
            scan.claim(start + match.end() + verified.start(), start + match.end() + verified.end())
            group.details["verification"] = re.sub(r"\s+", " ", verified["status"].lower())
        groups.append(group)
    groups.sort(key=lambda group: group.start)
    return groups


def fresh_damage(group: Group, adjectives: str, noun: str) -> None:
    """"saw fresh impacts", "two fresh craters": marks left on the ground, seen (kind ``other``, as craters are),
    not explosions heard or seen as they happened."""
    if re.search(r"\b(?:fresh|new|recent)\b", adjectives, re.IGNORECASE) and noun.lower().startswith(("impact", "crater")):
        group.crater = True
        group.kind, group.kinds = "other", ["other"]


#: What was damaged, written after the damage: "to the façade of a residential building", "in the roof of a house".
_DAMAGED = re.compile(
    r"^[\s\x1f]*(?:to|on|in|of)\s+(?:the\s+|an?\s+|its\s+)?(?P<what>(?:" + NOT_OBJECT + r"[^\W\dA-Z][\w'-]*\s*){1,3}"
    r"(?:(?:of|to)\s+(?:the\s+|an?\s+)?(?:" + NOT_OBJECT + r"[^\W\dA-Z][\w'-]*\s*){1,3})?)")
#: A street address: "on Lenina Street", "at 12 Shkilna Street".
_ADDRESS = re.compile(r"\b(?:on|at|in)\s+(?P<address>(?:(?:No\.\s*)?\d+[a-z]?\s+)?(?:[A-Z][\w'-]*\s+){1,2}"
                      r"(?:Street|Avenue|Lane|Road|Square|Boulevard|Prospekt)\b)")
#: How mines were seen: "(PMN-2)", "laid across the road", "placed along the road".
_MINES_AFTER = re.compile(
    r"^[\s\x1f]*(?:\((?P<type>[^()]*)\)\s*)?(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:(?:newly\s+)?(?:laid|placed|planted|emplaced|lying|scattered|installed)\s+)?"
    r"(?:in\s+(?:" + ph.NUMBER + r")\s+(?:rows?|lines?|groups?|clusters?)\s+)?"  # "laid in three rows across a dirt road"
    r"(?:(?:across|along|on|beside|next\s+to|by)\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+)?(?:roads?|fields?|bridges?|tracks?|paths?|railway|verges?|shoulders?|edges?)\b)?",
    re.IGNORECASE)
_UXO_WORDS = re.compile(r"\bunexploded\b|\b(?:embedded|lodged|stuck|lying|left)\s+(?:in|on|by|beside|next\s+to|near|at|along)\s+(?:the\s+|an?\s+)?"
                        r"(?:(?:side|edge|verge|shoulder)\s+of\s+(?:the\s+|an?\s+)?)?(?:asphalt|ground|road|wall|"
                        r"field|soil|yard|garden|roof|pavement)\b", re.IGNORECASE)


def read_damage_or_mines(scan: Scan, group: Group, start: int, end: int) -> None:
    """Damage and mines seen: what was damaged, the street; the type of mine, how it was laid (claimed, kept in ``details``)."""
    if group.sighting == "damage" and (damaged := _DAMAGED.match(scan.view(start, end))) is not None:
        scan.claim(start + damaged.start(), start + damaged.end())
        group.details["damage_to"] = re.sub(r"\s+", " ", damaged["what"].strip())
    if group.sighting == "mine" and (laid := _MINES_AFTER.match(scan.view(start, end))) is not None and laid.group(0).strip():
        scan.claim(start + laid.start(), start + laid.end())
        if laid["type"]:
            group.details["mine_type"] = laid["type"].strip()
    if group.sighting == "uxo":  # "… of an unexploded mortar round embedded in the asphalt"
        for match in scan.find(_UXO_WORDS, start, end):
            scan.claim(start + match.start(), start + match.end())
    for match in scan.find(_ADDRESS, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.details["address"] = re.sub(r"\s+", " ", match["address"])
        break


#: The fire named as the cause of damage seen before: "The SMM assessed that a 152mm shell - fired from a north-easterly
#: direction - had caused it" (patrol18b, C05: read as one explosion observed, beside the crater it made).
_CAUSED_IT = re.compile(r"\b(?:had|has|have)\s+(?:(?:most\s+)?likely\s+)?caused\s+(?:it|them|the\s+(?:craters?|damage|holes?))\b",
                        re.IGNORECASE)


def causes_of_damage(scan: Scan, groups: list[Group], end: int) -> None:
    """A round written as what made damage seen ("a 152mm shell … had caused it") is of unstated number, as "82mm mortar
    rounds had caused them" was already (session 14): its "a" is no count of explosions observed."""
    for index, group in enumerate(groups):
        if not group.kind.startswith("explosion") or group.count != 1 or group.count_qualifier is not None:
            continue
        stop = groups[index + 1].start if index + 1 < len(groups) else end
        caused = _CAUSED_IT.search(scan.text, group.end, stop)
        if caused is not None and re.match(r"[^.;]*$", scan.text[group.end:caused.start()]):
            scan.claim(caused.start(), caused.end())
            group.count = None
