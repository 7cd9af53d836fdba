"""A breakdown in brackets: "22 explosions (five assessed as impacts and 15 undetermined)" split into its parts.

``read_breakdown`` reads each part's count, kind, weapon and own place, and the flights a list of UAVs names
(``BREAKDOWN_ITEM`` is also how the sentence splitter recognises such a list).
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.kinds import assessed_kind, weapon_part
from truceline.ingest.patrol.places import parts_own_places
from truceline.ingest.patrol.scan import Group, Scan

BREAKDOWN_ITEM = re.compile(
    r"(?:(?P<qual>about|around|approximately|some|almost|nearly|at\s+least|more\s+than|over)\s+)?"
    r"(?P<n>" + ph.NUMBER + r")\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?(?:(?:assessed\s+)?as\s+(?:an?\s+)?)?"
    # the weapon may be named before the kind: "one … assessed as an 82mm mortar round impact"
    r"(?:(?:\(?\d+\s?mm\)?|(?!(?:and|or|as|of)\b)[a-z][\w-]*)\s+){0,4}?"
    r"(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?|undetermined)"
    # ("at an undetermined distance to the south" is no part: patrol18b's D11 read one undetermined explosion)
    r"(?!\s+(?:distances?|ranges?|directions?|calibres?|calibers?)\b)"
    r"(?:\s+(?:(?:\(?\d+\s?mm\)?|(?!(?:and|or|as|of)\b)[a-z][\w-]*)\s+){0,3}?(?:rounds?|explosions?))?",
    re.IGNORECASE,
)


_FLIGHT_ITEM = re.compile(
    r"(?P<n>" + ph.NUMBER + r")\s+(?:(?:of\s+(?:them|which)|were|was)\s+)?(?:fired\s+)?(?:(?:in\s+flight\s+)?from\s+(?:the\s+)?"
    r"(?P<a>" + ph.DIRECTION + r")\s+to(?:wards)?\s+(?:the\s+)?(?P<b>" + ph.DIRECTION + r")"
    r"|(?P<vertical>in\s+vertical\s+flight|vertically))", re.IGNORECASE)


#: A colon list of flights after a count: ", in sequence: 43 fired from south to north, five fired from north to south and
#: seven …" (the parts of the count, each with its flight).
_FLIGHT_ITEM_TEXT = (r"(?:" + ph.NUMBER + r")\s+(?:fired\s+)?(?:in\s+flight\s+)?from\s+(?:the\s+)?" + ph.DIRECTION
                     + r"\s+to(?:wards)?\s+(?:the\s+)?" + ph.DIRECTION)
_FLIGHT_LIST = re.compile(r"^[\s\x1f]*,?[\s\x1f]*(?:in\s+sequence[\s\x1f]*)?:[\s\x1f]*(?P<items>" + _FLIGHT_ITEM_TEXT
                          + r"(?:[\s\x1f]*(?:,[\s\x1f]*(?:and\s+)?|\s+and\s+)" + _FLIGHT_ITEM_TEXT + r")+)", re.IGNORECASE)
_REST_ASSESSED = re.compile(
    r"\b(?:the\s+)?(?:rest|remaining|remainder|others)\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?(?:assessed\s+)?(?:as|to\s+be)\s+"
    r"(?:their\s+|its\s+|an?\s+)?(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?|undetermined)\b", re.IGNORECASE)


def read_breakdown(scan: Scan, group: Group, start: int, end: int) -> None:
    """A parenthesis that splits an explosion count: "(five assessed as impacts and 15 undetermined)".

    The sub-counts (which add up to the group's count) go to ``group.breakdown``.
    """
    listed = _FLIGHT_LIST.match(scan.view(start, end)) if group.kind == "projectile_in_flight" and group.count else None
    if listed is not None:
        # "recorded 63 projectiles, in sequence: 43 fired from south-south-west to east-north-east, five fired from
        # east-north-east to south-south-west, eight … and seven fired from north to south" (patrol19: the parts were
        # not read, and the 63 kept no direction); only when the parts add up to the count
        items = list(_FLIGHT_ITEM.finditer(listed["items"]))
        listed_parts = [(ph.parse_number(item["n"]), ph.parse_direction(item["a"] or ""), ph.parse_direction(item["b"] or ""))
                        for item in items]
        if (len(items) > 1 and all(n and a and b for n, a, b in listed_parts)
                and sum(n or 0 for n, _, _ in listed_parts) == group.count):
            scan.claim(start + listed.start(), start + listed.end())
            group.flight_breakdown = [(n or 0, f"{a} to {b}") for n, a, b in listed_parts]
            return
    for paren in scan.find(re.compile(r"\(([^()]*)(?:\)|$)"), start, end):  # unclosed: ", of which ..." at the end
        if group.kind == "projectile_in_flight" and group.count is not None:
            flights = [(ph.parse_number(item["n"]), "vertical" if item["vertical"] else
                         (f"{ph.parse_direction(item['a'])} to {ph.parse_direction(item['b'])}"
                          if ph.parse_direction(item["a"]) and ph.parse_direction(item["b"]) else None))
                       for item in _FLIGHT_ITEM.finditer(paren.group(1))]
            rest = _FLIGHT_ITEM.sub(" ", paren.group(1))
            if flights and all(n and flight for n, flight in flights) and not re.search(r"[^\s,]", re.sub(
                    r"\b(?:including|of\s+which|of\s+them|and)\b", " ", rest, flags=re.IGNORECASE)):
                total = sum(n or 0 for n, _ in flights)
                if total <= group.count:  # "130 projectiles in flight (including 17 from west to east and 20 …)"
                    scan.claim(start + paren.start(), start + paren.end())
                    group.flight_breakdown = [(n or 0, flight or "") for n, flight in flights]
                    return
        items = list(BREAKDOWN_ITEM.finditer(paren.group(1)))
        if not items and group.kind.startswith("explosion") and group.count is not None and weapon_part(scan, group, paren, start):
            return
        if not items or not group.kind.startswith("explosion"):
            continue
        parts: list[tuple[str, int]] = []
        qualifiers: dict[int, str] = {}
        part_weapons: dict[int, str] = {}
        part_calibres: dict[int, int | float | None] = {}
        # each part's text runs to the next part: "seven of which were assessed as impacts of mortar (82mm) rounds 5-6km
        # south and two as outgoing automatic grenade launcher rounds 4km south-east" (patrol18b, C21: the weapon after
        # the part's kind was not its own, and both parts were given mortar)
        item_stops = [item.start() for item in items[1:]] + [len(paren.group(1))]
        for item, item_stop in zip(items, item_stops):
            number = ph.parse_number(item["n"])
            if number is None:
                continue
            if item["qual"]:
                qualifiers[len(parts)] = ph.COUNT_QUALIFIERS.get(re.sub(r"\s+", " ", item["qual"].lower()), item["qual"].lower())
            kind = "explosion_undetermined" if item["what"].lower() == "undetermined" else assessed_kind(item["what"], group.kind)
            written = scan.text[start + paren.start(1) + item.start():start + paren.start(1) + item_stop]
            named = sorted((found.start(), label) for pattern, label in ph.WEAPON_PATTERNS if (found := pattern.search(written)))
            if named:  # "one … as an 82mm mortar round impact and 19 as automatic-grenade-launcher round impacts": each its own
                part_weapons[len(parts)] = named[0][1]
                calibre = ph.CALIBRE.search(written)
                part_calibres[len(parts)] = ph.calibre_value(calibre["mm"]) if calibre is not None else None
            parts.append((kind, number))
        total = sum(number for _, number in parts)
        if parts and group.count is not None and total <= group.count:
            scan.claim(start + paren.start(), start + paren.end())
            breakdown = list(parts)
            if total < group.count:  # "… and the rest as their impacts": the rest's own kind, if written
                rest_assessed = _REST_ASSESSED.search(paren.group(1), items[-1].end())
                rest_kind = group.kind if rest_assessed is None else (
                    "explosion_undetermined" if rest_assessed["what"].lower() == "undetermined"
                    else assessed_kind(rest_assessed["what"], group.kind))
                breakdown.append((rest_kind, group.count - total))
            group.breakdown = breakdown
            group.breakdown_qualifiers = qualifiers
            own_weapons = len(set(part_weapons.values())) > 1
            if own_weapons:  # parts named with different weapons: each keeps its own
                group.breakdown_weapons = part_weapons
                group.breakdown_calibres = part_calibres
            if len(items) == len(parts):
                # "11 assessed as outgoing artillery rounds 2-4km north-west, seven assessed as impacts of 152mm artillery
                # rounds and two as airbursts of 152mm …": the calibre is the parts' that name it, each part's text running
                # to the next (patrol17: all three were given 152mm)
                written = scan.text[start + paren.start(1):start + paren.end(1)]  # (the calibre may be claimed already)
                bounds = [item.start() for item in items[1:]] + [len(written)]
                calibres: dict[int, int | float | None] = {}
                for index, (item, stop) in enumerate(zip(items, bounds)):
                    named_calibre = ph.CALIBRE.search(written, item.start(), stop)
                    calibres[index] = ph.calibre_value(named_calibre["mm"]) if named_calibre is not None else None
                if len(set(calibres.values())) > 1 and not own_weapons:
                    group.breakdown_calibres = calibres
                group.breakdown_places = parts_own_places(written, items, bounds)
        return
