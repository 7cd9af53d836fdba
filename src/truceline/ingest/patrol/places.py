"""Places and bearings of the observed fire: where the text places an event, and the compass sectors of a direction.

``read_places`` (bearing and distance parts), ``read_event_places`` ("impacts in X", "near the railway station of Y"),
``read_description`` / ``claim_place_descriptions`` (a place described in brackets: "(…, 60km west of Luhansk)"),
``distance_range``, ``ambiguous_sector`` / ``covering_sector``, the regions of a clause and the disengagement areas;
and the wordings of where rounds landed or were fired onto (``EXPLODED_ON_PLACE``, ``FIRED_ONTO_AFTER``,
``FROM_THEN_LANDED``, ``ALL_LANDED``), of a line the fire crossed (``LINE``) and of offsets from a landmark or
road, which ``read_modifiers`` and ``read_clause`` claim.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import (
    AT_PLACE, BORDER_AFTER, DIR, DISTANCE, NOT_PLACES, OFFSET, OWN_POSITION, PLACE, PLACE_ITEM, PLACE_LIST,
    REGION_AFTER,
)
from truceline.ingest.patrol.position import NAME_BEFORE_PAREN, clean_place, km, unclosed_paren
from truceline.ingest.patrol.scan import EventPlace, Group, PlacePart, Scan

#: Where rounds that "exploded" were, written just after the verb: "several mortar shells exploded in an open area", "two
#: rockets exploded inside the Golan Heights", "Twelve artillery shells exploded in the area" (patrol20b's S10, S12 and
#: patrol20's P19: undetermined). CONTRACTS.md names no verb; by the batches' rule rounds said to have exploded on a place
#: landed there, so impacts. Not a time ("exploded on Monday", "in the morning"), nor the air ("in mid-air": airbursts).
EXPLODED_ON_PLACE = re.compile(
    r"^[\s\x1f]*(?:(?:in|inside|on|onto|into|near|within|close\s+to|next\s+to|in\s+the\s+(?:area|vicinity)\s+of)\s+)"
    r"(?!(?:the\s+|an?\s+)?(?:air|mid-air|sky|morning|afternoon|evening|night|day|days|time|moment|same|early|late|course|period"
    r"|minutes?|hours?|seconds?|succession|sequence|quick|rapid|turn|a\s+row|\d|" + ph.MONTH + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)",
    re.IGNORECASE)
#: Rounds fired onto a place, as a party's statement writes them: "93 mortar rounds of 82 mm caliber were launched onto
#: the vicinities of 12 DPR localities", "More than 40 mortar rounds have been fired on the DPR territory" (patrol19:
#: undetermined): where they landed, so impacts (not at the mission: that is ``_AT_MISSION``).
FIRED_ONTO_AFTER = re.compile(
    r"^[\s\x1f]*(?:of[\s\x1f]+[\w\s\x1f-]{0,30}?calib(?:re|er)s?\s+)?(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?P<verb>(?:fired|launched)\s+(?:on|onto|upon)(?!\s+(?:the\s+)?(?:SMM|OSCE|mission|patrol|its|their|UAV|mini-UAV)\b))\b",
    re.IGNORECASE)
#: Rounds a party says its enemy fired on a place, the verb before them: "firing mortar shells on southern areas of the
#: capital", "fired 12 shells on Avdiivka" (patrol21's U22: undetermined). By the batches' rule (fired onto a place, as
#: ``FIRED_ONTO_AFTER``) impacts; not a day ("on Monday", "on 3 March"), nor the mission.
FIRED_BEFORE = re.compile(r"\b(?:fired|firing|launched|launching|lob|lobb(?:ed|ing))\s+(?:a\s+total\s+of\s+|about\s+|some\s+|over\s+|more\s+than\s+"
                           r"|almost\s+|nearly\s+|at\s+least\s+)?$",
                           re.IGNORECASE)
#: (also the place first: "fired on territory of the self-proclaimed Lugansk People's Republic (LPR) more than 250 shells",
#: patrol21's V09)
FIRED_ONTO_BEFORE = re.compile(r"(?:\b(?:fired|launched)\s+(?:on|onto)\s+(?:the\s+)?territory\s+of\s+[^.;:\d]{1,80}?\s+"
                                # "onto the territory of the Republic there were launched 390 projectiles" (V10)
                                r"|\bon(?:to)?\s+(?:the\s+)?territory\s+of\s+[^.;:\d]{1,80}?\s+(?:there\s+)?(?:were|was|have\s+been|had\s+been)\s+"
                                r"(?:launched|fired)\s+)"
                                r"(?:a\s+total\s+of\s+|about\s+|some\s+|over\s+|more\s+than\s+|almost\s+|nearly\s+)?$", re.IGNORECASE)
ON_PLACE_AFTER = re.compile(
    r"^[\s\x1f]*(?:(?:of[\s\x1f]+[\w\s\x1f-]{0,30}?calib(?:re|er)s?\s+)?)(?:on|onto|upon)\s+"
    r"(?!(?:the\s+)?(?:SMM|OSCE|mission|patrol|UAV|mini-UAV|drones?|night|morning|afternoon|evening|day|same|following|previous"
    r"|\d|" + ph.MONTH + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    # (also "lobbing mortar shells on civilian population", "on a camp", "on forward posts": patrol24's AA05, AA12)
    r"(?=(?:the\s+|their\s+|our\s+|its\s+|enemy\s+|an?\s+)?(?:(?:civilian|civil|populated|inhabited|forward|border)\s+)?"
    r"(?:(?-i:[A-Z])|(?:[\w-]+ern\s+)?(?:positions?|areas?|neighbou?rhoods?"
    r"|villages?|towns?|settlements?|residential|houses|homes|territory|outskirts|population|posts?|camps?|bases?|barracks"
    r"|compounds?)\b))", re.IGNORECASE)
#: Rounds fired and what they hit, written after them: "Three guided missiles were fired destroying an SMM observation
#: camera", "two shells were launched, hitting a house" (patrol19b's M19: undetermined). The text says where they landed,
#: so impacts; "were fired at the camera" alone says only where they were aimed (undetermined).
FIRED_HITTING_AFTER = re.compile(
    r"^[\s\x1f]*(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?(?P<verb>(?:fired|launched)"
    r"(?:\s+at\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,4}?[\w'-]+)?\s*,?\s+(?:and\s+)?(?:destroying|damaging|hitting|striking"
    r"|(?:(?<=and\s)(?:destroyed|damaged|hit|struck|landed)))\b)", re.IGNORECASE)
#: Where counted rounds landed, written after them: ", all of which landed in a field", ", both of which hit the road".
#: Also "fell": "M23 had fired the shells that fell on Goma" (patrol23's Z13: undetermined).
ALL_LANDED = re.compile(r",?\s*\b(?:(?:all|both|each)\s+of\s+(?:which|them)|(?:which|that)\s+(?:then\s+|later\s+)?)\s*(?:[\w'-]+\s+){0,8}?"
                         r"(?:landed|impacted|hit|struck|fell(?!\s+short\b))\b", re.IGNORECASE)
#: Rounds written with where they came from, then where they landed: "a mortar shell from Syria landed on the Golan
#: Heights", "a rocket fired from the Syrian side of the … crossing … landed in northern Israel", "mortar shells from
#: Pakistan side also fell in residential areas" (patrol20b's S11, S12, S14: undetermined, and the origin the place).
FROM_THEN_LANDED = re.compile(
    r"^[\s\x1f]*(?:(?:(?:that|which)\s+(?:were|was|had\s+been)\s+|(?:believed|thought|said|assessed)\s+to\s+(?:be\s+|have\s+)?"
    r"(?:have\s+)?been\s+|(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?(?:fired|launched)\s+)?from\s+(?P<origin>(?:between\s+[\w'-]+\s+and\s+[\w'-]+"  # "… crossing between X and Y"
    r"|(?!\b(?:and|but|while|which|that|fired|launched)\b)[^,.;:()])"
    # (also "the rockets were launched from the Arkoub area …, but landed on a farm", patrol24's AA01)
    r"{1,90}?)(?:\s*,?\s+but)?\s+(?:also\s+|then\s+|later\s+)?(?:had\s+|have\s+|has\s+)?(?P<verb>landed|impacted|hit|struck|fell(?!\s+short\b)|exploded)\b",
    re.IGNORECASE)
#: A line the text places fire by, not a place to locate: "across the Line of Control", "from the direction of the
#: Administrative Boundary Line", "in the area of separation".
LINE = re.compile(
    r"\b(?P<relation>across|along|near|over|inside|into|in|within|towards|beyond|from\s+the\s+direction\s+of|on\s+the\s+(?:other|far)\s+side\s+of)"
    r"\s+the\s+(?P<line>area\s+of\s+(?:separation|limitation)|Administrative\s+Boundary\s+Line|ABL|Line\s+of\s+Control|LoC"
    r"|line\s+of\s+contact|contact\s+line|Blue\s+Line|ceasefire\s+line|Alpha\s+line|Bravo\s+line|Working\s+Boundary)\b"
    r"(?:\s*\((?:ABL|LoC|AoS|LoCs)\))?", re.IGNORECASE)
#: "all assessed as", "believed to be": the optional lead-in of an assessment of place or status.
ASSESSED_AS = r"(?:\b(?:all\s+|both\s+)?(?:assessed|believed)\s+(?:as|to\s+be)\s+)?"


def _inside_or_outside(area: str) -> re.Pattern[str]:
    """"(assessed as) inside / outside / within the AREA", with the side as group ``where``."""
    return re.compile(ASSESSED_AS + r"\b(?P<where>inside|outside|within)\s+the\s+" + area + r"\b", re.IGNORECASE)


DISENGAGEMENT = _inside_or_outside(r"(?:[A-Z][\w-]*\s+)?disengagement\s+areas?")
SECURITY_ZONE = _inside_or_outside(r"security\s+zone")


#: Marks on the ground placed from a landmark: "(in the range) between 15 and 40 metres east from the school building".
LANDMARK_OFFSET = re.compile(
    r"(?:\bin\s+the\s+range\s+(?:of\s+)?)?(?P<offset>(?:(?:about|approximately|some|around)\s+)?(?:between\s+)?\d+(?:[.,]\d+)?\s*(?:km|m)?\s*(?:-|–|to|and)?\s*"
    r"(?:\d+(?:[.,]\d+)?\s*)?(?:km|m|kilometres?|kilometers?|metres?|meters?)\b\s+(?:to\s+the\s+)?" + ph.DIRECTION
    + r"\s+(?:of|from)\s+(?:the|a|an)\s+(?!(?:SMM|patrol|mission|observer)\b)(?-i:[a-z][a-z-]*)"
    r"(?:\s+(?!(?:and|or|between|in|near|of|on|at|to|from)\b)(?-i:[a-z][a-z-]*)){0,3})"
    r"(?=\s*(?:[,.;()]|\band\b|\bor\b|$))", re.IGNORECASE)


def claim_place_descriptions(scan: Scan, group: Group, start: int, end: int, depths: list[int]) -> None:
    """Offsets left in a place's bracketed description ("… and near Zolote (government-controlled, 60km west of
    Luhansk)", a second place the event-place reading did not take): claimed, so that neither the distance nor the
    direction of the description becomes the event's (patrol13b: "60km west" had become the bearing W and the distance
    60 km of two explosions). The description is named in a warning; the event keeps no distance from it."""
    for match in scan.find(OFFSET, start, end):
        if depths[match.start()] == 0 or OWN_POSITION.match(match["place"]) is not None:
            continue
        opening = unclosed_paren(scan.text, start, start + match.start())
        if opening < 0:
            continue
        inside = scan.text[opening:start + match.start()]
        if "controlled" not in inside and NAME_BEFORE_PAREN.search(scan.text, start, opening + 1) is None:
            continue
        scan.claim(start + match.start(), start + match.end())
        group.warnings.append(f"a place's description was not used for the event: {match.group(0)!r}")


#: A flight across a line: "from north to south of the Blue Line", "from south to north of the Line of Control".
ACROSS_LINE = re.compile(r"\bfrom\s+(?:the\s+)?(?P<a>north|south|east|west)\s+to\s+(?:the\s+)?(?P<b>north|south|east|west)\s+of\s+"
                          r"(?:the\s+)?(?:Blue\s+Line|Line\s+of\s+Control|LoC|contact\s+line|line\s+of\s+contact|border|boundary)\b",
                          re.IGNORECASE)
#: A place the rounds were fired towards (a name, not a compass direction): "towards Israel", "toward the Galilee".
TOWARDS_PLACE = re.compile(r"^[^.;]{0,80}?\btowards?\s+(?:the\s+)?(?!(?i:north|south|east|west|[NSEW]{1,3}\b))(?-i:[A-Z])", re.IGNORECASE)
#: Words before "of PLACE" that say how the event relates to the place.
#: After a direction, the part of a place it names ("the eastern outskirts of", "the northern edge of"): no bearing
#: (patrol16b: "impacting about 300 metres from the SMM observation post in the eastern outskirts of Berdianske" gave E).
SIDE_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?!(?:SMM|OSCE|JCCC|EUMM|UN|Mission|patrol|its|their)\b)(?-i:[A-Z])", re.IGNORECASE)
#: (also "firing mortar shells on southern areas of the capital", patrol21's U22)
PART_OF_PLACE = re.compile(r"\s+(?:outskirts|edge|part|parts|districts?|areas|neighbou?rhoods?|suburbs?|sections?)\s+of\b"
                            # "… at the 22 May Hospital in the eastern suburbs" (patrol21's V08): the town's part
                            r"|\s+(?:suburbs|outskirts)\b"
                            # "near the northern town of Avivim", "launched at northern towns", "the northern city of
                            # Kiryat Shmona" (patrol22's X03, X04: a bearing north): a kind of place, not a direction
                            r"|(?<=ern)\s+(?:towns?|city|cities|villages?|communit(?:y|ies)|settlements?|kibbutz(?:im)?|border"
                            r"|regions?|provinces?|front(?:line)?|sector)\b", re.IGNORECASE)
_NEAR_OF = re.compile(r"\b(?:(?:in|within)\s+the\s+(?:area|vicinity|environs|surroundings)|(?:in\s+the\s+)?(?:direct\s+)?vicinity)\s+$",
                      re.IGNORECASE)
_IN_OF = re.compile(
    r"\b(?:(?:on|at)\s+the\s+)?(?:(?:northern|southern|eastern|western|north-eastern|north-western|south-eastern|"
    r"south-western|central)\s+)?(?:outskirts|edge|centre|center|part|parts|districts?|side)\s+$", re.IGNORECASE)
_TOWARD_OF = re.compile(r"\b(?:in\s+the\s+|from\s+the\s+)?directions?\s+$", re.IGNORECASE)
_SIDE_OF = re.compile(r"(?:\b(?:to\s+the|on\s+the)\s+)?(?P<dir>" + DIR + r")(?:\s+(?:side|outskirts|edge))?\s+$", re.IGNORECASE)
MORE_PLACES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?P<place>" + PLACE + r")")


BRACKETS_AFTER = re.compile(r"^[\s\x1f]*\(([^()]*)\)")


def read_description(scan: Scan, position: int, end: int) -> tuple[float, str, str, str] | None:
    """The bracketed description right after an event's place ("Pyshchevyk (government-controlled, 25km
    north-east of Mariupol)"): claimed; its offset as (km, point, place, text), or None."""
    brackets = BRACKETS_AFTER.match(scan.view(position, end))
    if brackets is None:
        return None
    offset = OFFSET.search(brackets.group(1))
    if offset is None or offset["d0"] is not None or OWN_POSITION.match(offset["place"]) is not None:
        return None
    point = ph.parse_direction(offset["dir"])
    if point is None:
        return None
    scan.claim(position + brackets.start(1) - 1, position + brackets.end())
    return km(offset["d"], offset["u"]), point, clean_place(offset["place"]), offset.group(0)


_POST_EVENT = re.compile(r"\b(?P<prep>near|at|close\s+to|next\s+to|in\s+the\s+vicinity\s+of)\s+(?:the\s+)?(?:(?:UN|United\s+Nations|JCCC|OSCE)\s+)?"
                         r"(?P<post>(?i:observation\s+post|OP|outpost|observation\s+point)\s+(?:\d+[A-Za-z]?|[A-Z]{1,3}-?\d+))\b")


def read_event_places(scan: Scan, group: Group, start: int, end: int) -> None:
    """"in Pyshchevyk", "near Zolote and Popasna", "in the area of Bohdanivka", "in the direction of X", "near
    observation post 52" (a post: unknown to the bundled gazetteer, so warned and left unlocated)."""
    post = next(scan.find(_POST_EVENT, start, end), None)
    if post is not None:
        scan.claim(start + post.start(), start + post.end())
        group.event_place = EventPlace(names=(re.sub(r"\s+", " ", post["post"]),),
                                       relation="in" if post["prep"].lower() == "at" else "near")
        return
    for match in scan.find(AT_PLACE, start, end):
        name = clean_place(match["place"])
        area = _AREA_AFTER.match(scan.text, start + match.end(), end) if not _OBLAST_NAME.fullmatch(name) else None
        if NOT_PLACES.match(name.split()[0]) or (REGION_AFTER.match(scan.text[start + match.end():end]) and area is None):
            continue
        before = scan.text[start:start + match.start()]
        prep = re.sub(r"\s+", " ", match["prep"].lower())
        claim_from = start + match.start()
        if area is not None:
            # "over 30 explosions in the Donetsk airport area", "in the Popasna area" (patrol18: not placed, the name read
            # as a region's): about the place
            scan.claim(claim_from, area.end())
            group.event_place = EventPlace(names=(name,), relation="near")
            return
        if prep == "of" and (toward := _TOWARD_OF.search(before)) is not None:
            scan.claim(start + toward.start(), start + match.end())
            group.toward = name  # "explosions in the direction of Pyshchevyk": a bearing, the distance unknown
            return
        side = _SIDE_OF.search(before) if prep == "of" and not _IN_OF.search(before) else None
        if prep == "of" and (near := _NEAR_OF.search(before)) is not None:
            relation, claim_from = "near", start + near.start()
        elif side is not None and ph.parse_direction(side["dir"]) is not None:
            # "an explosion at an unknown distance north-east of Popasna": beside the place, not a bearing from the observer
            relation, claim_from = "near", start + side.start()
            group.event_side = ph.parse_direction(side["dir"])
        elif prep in ("near", "around", "outside", "just outside", "over"):
            relation = "near"
        elif prep in ("in", "at", "inside") or (prep == "of" and _IN_OF.search(before)):
            relation = "in"
        else:  # "fire from Pyshchevyk", "south of Popasna" (no distance), "to Sakhanka": somewhere about the place
            relation = "near"
        cursor = start + match.end()
        if (border := BORDER_AFTER.match(scan.text, cursor, end)) is not None:  # "near the Kharkiv border": not Kharkiv
            name, cursor = name + " " + border.group(0).strip(), border.end()
        names = [name]
        while (more := MORE_PLACES.match(scan.view(cursor, end))) is not None:  # "near Zolote and Popasna"
            other = clean_place(more["place"])
            if NOT_PLACES.match(other.split()[0]) or REGION_AFTER.match(scan.text[cursor + more.end():end]):
                break
            cursor += more.end()
            if (border := BORDER_AFTER.match(scan.text, cursor, end)) is not None:
                other, cursor = other + " " + border.group(0).strip(), border.end()
            names.append(other)
        scan.claim(claim_from, cursor)
        described = read_description(scan, cursor, end) if len(names) == 1 else None
        group.event_place = EventPlace(names=tuple(names), relation=relation, described=described)
        return


#: A distance and direction from a road: "about 130m south-east of the M-04 highway" (where the patrol was).
ROAD_OFFSET = re.compile(
    r"(?:\b(?:about|approximately|some|around|roughly)\s+)?\b\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?"
    r"(?:km|m|metres|meters|kilometres|kilometers)\s+" + DIR + r"\s+of\s+(?:the\s+|a\s+)?(?:[A-Z]-?\d{1,4}\s+|main\s+)?"
    r"(?:highway|road|motorway|railway\s+(?:line|track))\b(?!\s+between\b)", re.IGNORECASE)
#: "the Popasna area": the area about a town; but "the Donetsk area", "the Luhansk area" may be the region's, as before.
_AREA_AFTER = re.compile(r"\s+area\b", re.IGNORECASE)
_OBLAST_NAME = re.compile(r"(?:Donetsk|Luhansk|Lugansk|Kharkiv|Zaporizhzhia|Dnipropetrovsk|Kherson|Mykolaiv|Odesa|Odessa)")


def ambiguous_sector(points: list[str]) -> bool:
    """Whether two runs of compass points hold all the points equally well: [E, W] (through south or through north),
    [N, S]; [S, W, NW, N] is not (S..N through west)."""
    indices = sorted({ph.POINTS.index(point) for point in points})
    if len(indices) == 1:
        return False
    gaps = [(indices[(i + 1) % len(indices)] - indices[i]) % 16 for i in range(len(indices))]
    return gaps.count(max(gaps)) > 1


def covering_sector(points: list[str]) -> str:
    """The smallest run of compass points that holds all of them: [SW, W, NW] -> "SW..NW"."""
    indices = sorted({ph.POINTS.index(point) for point in points})
    if len(indices) == 1:
        return ph.POINTS[indices[0]]
    gaps = [((indices[(i + 1) % len(indices)] - indices[i]) % 16, i) for i in range(len(indices))]
    _, widest = max(gaps)
    first, last = indices[(widest + 1) % len(indices)], indices[widest]
    return f"{ph.POINTS[first]}..{ph.POINTS[last]}"


_DIRECTION_AFTER = re.compile(r"\s+(?:to\s+the\s+)?(?P<dir>" + DIR + r")(?![\w-])(?!\s+of\b)", re.IGNORECASE)


def parts_own_places(written: str, items: list[re.Match[str]], bounds: list[int],
                      ) -> dict[int, tuple[tuple[float | None, float | None], str]]:
    """Each part's own distance and direction, when written in its own text (up to the next part): "…: 11 assessed as
    outgoing artillery rounds 2-4km north-west, seven assessed as impacts … and two as airbursts … 2.5-3.5km north-east"
    gives the 11 theirs and the two theirs; the seven, who have none of their own, keep none (patrol17's X10: the parts'
    directions were all left empty). A part with more than one distance keeps none."""
    places: dict[int, tuple[tuple[float | None, float | None], str]] = {}
    for index, (item, stop) in enumerate(zip(items, bounds)):
        found = []
        for distance in DISTANCE.finditer(written, item.end(), stop):
            direction = _DIRECTION_AFTER.match(written, distance.end(), stop)
            point = ph.parse_direction(direction["dir"]) if direction is not None else None
            if point is not None:
                found.append((distance_range(distance)[0], point))
        if len(found) == 1:
            places[index] = found[0]
    return places


def distance_range(match: re.Match[str]) -> tuple[tuple[float | None, float | None], str | None]:
    """The range in km and the qualifier of a :data:`DISTANCE` match ("up to 2km" -> (0, 2), "up to")."""
    low_text = match["a"] or match["a2"]
    high_text = match["b"] or match["b2"] or low_text
    low_unit = match["ua"] or match["ua2"] or match["unit"]  # "800m-1km", "between 800m and 1km": each end its own unit
    low, high = km(low_text, low_unit), km(high_text, match["unit"])
    qualifier = re.sub(r"\s+", " ", (match["qual"] or "").lower())
    if qualifier in ("up to", "within", "less than", "under"):
        low = 0.0
    if qualifier in ("more than", "over", "at least"):
        return (low, None), qualifier
    return (min(low, high), max(low, high)), qualifier or None


def read_places(scan: Scan, group: Group, start: int, end: int) -> None:
    """A count split by place: "six explosions, four 2km south-east and two 3km east".

    The parts (whose counts add up to at most the group's; the rest keeps the group's own
    distance and direction, if any) go to ``group.places``.
    """
    if group.breakdown or group.count is None:
        return
    for listed in scan.find(PLACE_LIST, start, end):
        parts: list[PlacePart] = []
        for item in PLACE_ITEM.finditer(listed.group(0)):
            number = ph.parse_number(item["n"])
            distance = DISTANCE.fullmatch(item["dist"])
            point = ph.parse_direction(item["dir"])
            if number is None or distance is None or point is None:
                return
            distance_km, qualifier = distance_range(distance)
            parts.append(PlacePart(count=number, distance_km=distance_km, distance_qualifier=qualifier, bearing=point))
        if len(parts) >= 2 and sum(part.count for part in parts) <= group.count:
            scan.claim(start + listed.start(), start + listed.end())
            group.places = parts
        return


def add_part_in_region(groups: list[Group], match: re.Match[str], at: int) -> None:
    """The part "95 of which in the Donetsk region" of the count written before it: a record of its own, in that region."""
    before = [group for group in groups if group.end <= at and group.count is not None]
    number = ph.parse_number(match["n"] or match["n2"])
    if not before or number is None or number > (before[-1].count or 0):
        return
    whole = before[-1]
    groups.insert(groups.index(whole) + 1, Group(
        start=at, end=at + len(match.group(0)), kind=whole.kind, kinds=list(whole.kinds), count=number, weapon=whole.weapon,
        part_of=whole.count, region=match["region"]))


def own_regions(scan: Scan, groups: list[Group], regions: list[tuple[int, str]]) -> None:
    """"recorded 87 explosions in Donetsk region and two explosions in Luhansk region": each count is in the region written
    right after it (patrol18b, C11: both were put in the first)."""
    for index, group in enumerate(groups):
        following = groups[index + 1].start if index + 1 < len(groups) else None
        for at, name in regions:
            if at >= group.end and (following is None or at < following):
                if group.region is None and re.fullmatch(r"[\s,]*", scan.text[group.end:at]):
                    group.region = name
                break
