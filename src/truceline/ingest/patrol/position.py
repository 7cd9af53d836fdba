"""Where the observer was: the position phrase of a clause ("Positioned 2km south-west of Svitlodarsk, …").

``read_position`` claims the observer's place (or places: "at several positions in and around X"), offset and
description; ``PATROL_STATE``, how the patrol itself was placed or moved ("from inside their vehicles", a
camera "facing north-east"); ``clean_place`` / ``km`` / ``unclosed_paren`` are the small place-text helpers the place
readers share.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import (
    AT_PLACE, BORDER_AFTER, CONTROLLED_BY, COORDINATES, DIR, DMS, NOT_PLACES, OFFSET, OWN_POSITION, PLACE, REGION_AFTER,
    UNNAMED_ORIGIN,
)
from truceline.ingest.patrol.scan import PositionText, Scan


#: A mission's sector named by a compass word: "north-west of Qulay'ah (Sector West)" (UNIFIL; patrol21's V01 gave it
#: the bearing west), "in Sector East".
MISSION_SECTOR = re.compile(r"\(\s*Sector\s+(?:West|East|North|South|Centre|Center)\s*\)|\bSector\s+(?:West|East|North|South)\b")
#: A mission's name with its country, not where it observed from: "the United Nations Interim Force in Lebanon (UNIFIL)
#: recorded …" (patrol22's W15: the observer put in Lebanon), "the European Union Monitoring Mission in Georgia".
MISSION_NAME = re.compile(r"\b(?:United\s+Nations|UN|European\s+Union|EU)\s+(?:[A-Z][\w-]*\s+){0,4}?"
                           r"(?:Force|Mission|Office|Organization)\s+(?:in|to|for)\s+(?:the\s+)?(?:(?:South|North)\s+)?[A-Z][\w-]+")
#: A party's positions "located in the direction of" places: "the positions located in the direction of Sotk, Vardenis,
#: Goris … were shelled", "Army positions, stationed in the directions of Zaylik, Yellija, and Yukhari Ayrim settlements"
#: (patrol22's Y02, Y03, Y13: the places were read as the observer's); also "… positions located in the northeastern part
#: of Artsakh" (Y16).
PARTY_POSITIONS = re.compile(r"\bpositions?,?\s+(?:(?:which\s+are\s+|that\s+are\s+)?(?:located|stationed|deployed)\s+)?(?:in|on)\s+the\s+"
                              r"(?:(?i:directions?)|(?:[a-z-]+ern\s+)?part)\s+(?i:of)\s+(?:the\s+)?" + PLACE + r"(?:\s*,\s*(?i:and\s+)?" + PLACE
                              + r"|\s+(?i:and)\s+" + PLACE + r")*(?:\s+(?i:settlements?|villages?))?")

def km(number: str, unit: str) -> float:
    if not number[:1].isdigit():  # "two to three metres", "one kilometre"
        words = ph.parse_number(number)
        return float(words or 0) if unit.lower().startswith("k") else float(words or 0) / 1000.0
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):  # "1,000 metres": a thousands separator, not a decimal comma
        value = float(number.replace(",", ""))
    else:
        value = float(number.replace(",", "."))
    return value if unit.lower().startswith("k") else value / 1000.0


def read_position(scan: Scan, start: int, end: int) -> PositionText | None:
    """The first observer position written in [start, end); claims what it read."""
    for match in scan.find(DMS, start, end):
        lat = int(match["d1"]) + int(match["m1"]) / 60 + float(match["s1"] or 0) / 3600
        lon = int(match["d2"]) + int(match["m2"]) / 60 + float(match["s2"] or 0) / 3600
        lat = -lat if match["ns"] == "S" else lat
        lon = -lon if match["ew"] == "W" else lon
        scan.claim(start + match.start(), start + match.end())
        return PositionText(how="coordinates", text=match.group(0), lat=lat, lon=lon)
    for match in scan.find(COORDINATES, start, end):
        lat, lon = float(match["lat"]), float(match["lon"])
        lat = -abs(lat) if match["ns"] == "S" else lat
        lon = -abs(lon) if match["ew"] == "W" else lon
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            scan.claim(start + match.start(), start + match.end())
            return PositionText(how="coordinates", text=match.group(0), lat=lat, lon=lon)
    for match in scan.find(_POST, start, end):  # "at observation post 3", "at position 68": a named post, not a town
        scan.claim(start + match.start(), start + match.end())
        return PositionText(how="place", text=match["post"], places=[re.sub(r"\s+", " ", match["post"])])
    several = next(scan.find(_SEVERAL_POSITIONS, start, end), None)
    if several is not None:
        scan.claim(start + several.start(), start + several.end())
    elif (posts := next(scan.find(_SEVERAL_POSTS, start, end), None)) is not None:
        # "from two adjacent observation posts east and west of Shyrokyne": more than one place at once, neither of
        # them the place named (patrol14b: the observer was put at Shyrokyne)
        scan.claim(start + posts.start(), start + posts.end())
        return PositionText(how="several", text=posts.group(0), places=[re.sub(r"\s+", " ", posts["posts"])])
    for match in scan.find(UNNAMED_ORIGIN, start, end):  # "at a position four kilometres south-west of the city-centre"
        scan.claim(start + match.start(), start + match.end())
        return PositionText(how="offset", text=match.group(0), distance_km=km(match["d"], match["u"]),
                            point=ph.parse_direction(match["dir"]), places=[re.sub(r"\s+", " ", match["ref"])])
    found: PositionText | None = None
    for match in scan.find(OFFSET, start, end):
        place = match["place"]
        if OWN_POSITION.match(place) is not None or match["d0"] is not None:
            continue  # "3-5km south of Popasna": a range places what was observed, not the observer
        point = ph.parse_direction(match["dir"])
        if point is None or NOT_PLACES.match(place.split()[0]) or REGION_AFTER.match(scan.text[start + match.end():end]):
            continue
        stop = start + match.end()
        if (border := BORDER_AFTER.match(scan.text, stop, end)) is not None:  # "17km east of Sumy-Kharkiv border"
            place, stop = place + " " + border.group(0).strip(), border.end()
        scan.claim(start + match.start(), stop)
        opening = unclosed_paren(scan.text, start, start + match.start())
        inside = scan.text[opening:start + match.start()] if opening >= 0 else ""
        # "Avdiivka (government-controlled, 17km north of Donetsk)", "Shyrokyne (20km east of Mariupol)":
        # an offset in a parenthesis just after a name describes that place
        describes = opening >= 0 and (
            "controlled" in inside or NAME_BEFORE_PAREN.search(scan.text, start, opening + 1) is not None
        )
        if not describes and _APPOSITION_BEFORE.search(scan.text, start, start + match.start()) is not None:
            # "positioned in Slovianoserbsk, a town 28 kilometers north-west of Luhansk": the offset describes the town
            # named before it, as in brackets (patrol14c: the observer was put at Luhansk)
            describes = True
        found = PositionText(
            how="offset", text=scan.text[start + match.start():stop], distance_km=km(match["d"], match["u"]), point=point,
            places=[part for part in place.split("/") if part],  # "Zolote-4/Rodina": either name
            describes_place=describes,
        )
        break
    for match in scan.find(OFFSET, start, end):  # further descriptions of places: "(..., 39km north-east of Donetsk)"
        opening = unclosed_paren(scan.text, start, start + match.start())
        if opening >= 0:
            scan.claim(start + match.start(), start + match.end())
            point = ph.parse_direction(match["dir"])
            if (found is not None and not found.describes_place and found.base_described is None and point is not None
                    and match["d0"] is None and re.fullmatch(r"\W*", scan.text[start:opening].split(found.places[0])[-1])):
                found.base_described = (km(match["d"], match["u"]), point, match["place"], match.group(0))
    names: list[str] = []
    named_end = -1  # where the last place kept here ends
    for match in scan.find(AT_PLACE, start, end):
        name = clean_place(match["place"])
        after = scan.text[start + match.end():end]
        if not name or NOT_PLACES.match(name.split()[0]) or REGION_AFTER.match(after):
            continue
        if after[:1].isdigit():  # "in the area of the MH17 crash site": a name with a number, not a place (patrol14b)
            continue
        if _PEOPLE_AFTER.match(after):  # "upon request of the Dutch, Australian and Malaysian authorities": who, not where
            continue
        if match["prep"].lower() in ("from", "of") and _PEOPLE_BEFORE.search(scan.text, start, start + match.start()):
            # "an SMM team, composed of eight staff from the Head Office and the Mariupol Hub": where the people came from,
            # not where they were (patrol17: the observer was put at "Head Office")
            continue
        if names and match["prep"].lower() == "of" and _SIDE_OF_BEFORE.fullmatch(scan.text, named_end, start + match.start()):
            # "their post near … Berdianske, west of Shyrokyne": where the place before lies, not a second place the
            # observer was at (patrol14b: with Berdianske unknown the observer was put at Shyrokyne)
            scan.claim(start + match.start(), start + match.end())
            continue
        stop = start + match.end()
        if (border := BORDER_AFTER.match(scan.text, stop, end)) is not None:  # "near the Kharkiv border": not Kharkiv
            name, stop = name + " " + border.group(0).strip(), border.end()
        second = _BETWEEN_AND.match(scan.text, stop, end) if match["prep"].lower() == "between" else None
        if second is not None and not NOT_PLACES.match(second["place"].split()[0]) and found is None and not names:
            # "on the road between Vesela Hora and Shchastia": somewhere between the two, read as their midpoint
            scan.claim(start + match.start(), second.end())
            return PositionText(how="between", text=scan.text[start + match.start():second.end()],
                                places=[name, clean_place(second["place"])])
        listed = _LISTED_AFTER.match(scan.text, stop, end) if found is None and not names else None
        if listed is not None and not any(NOT_PLACES.match(other.split()[0]) for other in re.findall(PLACE, listed.group(0))):
            # "The SMM continued monitoring the disengagement areas near Stanytsia Luhanska, Zolote and Petrivske": three
            # places, none of them where the mission was (patrol14: the observer was put at the first)
            places = [name] + [clean_place(other) for other in re.findall(PLACE, listed.group(0))]
            scan.claim(start + match.start(), listed.end())
            return PositionText(how="several", text=scan.text[start + match.start():listed.end()], places=places)
        scan.claim(start + match.start(), stop)
        names.extend(part for part in name.split("/") if part)  # "Zolote-3/Stakhanovets": either name
        named_end = stop
    if several is not None and len(places := _several_places(scan.text, start + several.end(), end)) > 1:
        # "from several positions in both Zolote (…) and Katerynivka (…)": observed from more than one place at once;
        # no one of them is where the bearings were taken from (patrol13b: the first was used)
        return PositionText(how="several", text=several.group(0) + " " + " and ".join(places), places=places)
    if found is not None:
        found.places.extend(names)  # a place it is also described by: a fallback for lookup
        return found
    if names:
        return PositionText(how="place", text=", ".join(names), places=names)
    return None


def _several_places(text: str, position: int, end: int) -> list[str]:
    """The places listed after "from several positions": "in both government-controlled Zolote (…) and
    government-controlled Katerynivka (…)" gives Zolote and Katerynivka (their bracketed descriptions skipped)."""
    plain = re.sub(r"\([^()]*\)", lambda bracket: " " * len(bracket.group(0)), text[position:end])
    places: list[str] = []
    previous_end = 0
    for match in _LISTED_PLACE.finditer(plain):
        if match.start() != previous_end:
            break
        name = clean_place(match["place"])
        if NOT_PLACES.match(name.split()[0]):
            break
        places.append(name)
        previous_end = match.end()
    return places


_LISTED_PLACE = re.compile(r"(?i:\s*(?:in|near|at)\s+(?:both\s+)?|\s*,?\s*and\s+)(?i:the\s+)?(?:(?i:" + CONTROLLED_BY.pattern
                           + r")\s+)?(?P<place>" + PLACE + r")\s*")
#: Observed from more than one place at once: "from several positions in both X and Y".
_SEVERAL_POSITIONS = re.compile(r"\b(?:from|at)\s+(?:several|multiple|various|different|two|three)\s+(?:positions|locations|points)\s+"
                                r"(?=(?:in|near|at)\s+(?:both\s+)?)", re.IGNORECASE)


#: Observed from two or more posts at once, written without the places' own names: "from two adjacent observation posts
#: east and west of Shyrokyne".
_SEVERAL_POSTS = re.compile(
    r"\b(?:from|at)\s+(?P<posts>(?:two|three|four|several|multiple|various|different)\s+(?:adjacent\s+|separate\s+|different\s+|nearby\s+)?"
    r"(?:observation\s+)?(?:posts|positions|points|locations)\b(?!\s+(?:in|near|at)\s+(?:both\s+)?[A-Z])"
    r"(?:\s+(?:" + DIR + r")(?:\s*(?:,|and)\s*(?:" + DIR + r"))*\s+of\s+(?:the\s+)?(?:(?:" + CONTROLLED_BY.pattern + r")\s+)?"
    + PLACE + r")?)", re.IGNORECASE)
_POST = re.compile(r"\b(?:at|from)\s+(?:the\s+)?(?:(?:UN|United\s+Nations|JCCC|OSCE)\s+)?(?P<post>(?i:observation\s+post|OP|position|"
                   r"post|outpost|observation\s+point)\s+(?:\d+[A-Za-z]?|[A-Z]{1,3}-?\d+))\b")
#: Two or more further places after a place ("near Stanytsia Luhanska, Zolote and Petrivske"): a list, not one place.
_LISTED_AFTER = re.compile(r"(?:\s*,\s*" + PLACE + r")+\s*,?\s+and\s+" + PLACE + r"\b")
_BETWEEN_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:non-)?government-controlled\s+)?(?P<place>" + PLACE + r")")
#: A place described by an apposition just before its offset: "in Slovianoserbsk, a town " (… 28km north-west of X).
_APPOSITION_BEFORE = re.compile(r"\b[A-Z][\w'-]+,\s+an?\s+(?:small\s+)?(?:town|village|city|settlement)\s+$")
#: Who a capitalised word names when a list of such words ends in people: "of the Dutch, Australian and Malaysian authorities".
_PEOPLE_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w-]+)*(?:\s*,?\s*and\s+[A-Z][\w-]+)?\s+(?:authorities|officials|experts|investigators|"
                           r"representatives|diplomats|embassy|ambassador|delegation|government)\b")
#: People written just before "from" / "of" a place: "staff from the Head Office", "monitors of the Luhansk team".
_PEOPLE_BEFORE = re.compile(r"\b(?:staff|members?|monitors?|personnel|officers?|observers?|representatives?|experts?|"
                            r"employees?|workers?|colleagues?)\s*$", re.IGNORECASE)
#: The side of a place written just before "of" ("Berdianske, west of Shyrokyne"): the place before is described.
_SIDE_OF_BEFORE = re.compile(r"\s*,\s*(?:just\s+|immediately\s+|slightly\s+)?(?:north|south|east|west)(?:[-\s]?(?:east|west))?"
                             r"(?:erly|ern)?\s*", re.IGNORECASE)
NAME_BEFORE_PAREN = re.compile(r"\b[A-Z][\w'-]+\s*(?:\([A-Z]{2,6}s?\)\s*)?(?:(?<=\w\s)disengagement\s+area\s*)?\($")  # "Station (DFS) (15km north of"
# (also "the Zolote disengagement area ( 60km west of Luhansk)": the area of the place named before it, described; session 15:
# the observer was put at Luhansk)


def unclosed_paren(text: str, start: int, end: int) -> int:
    """Where the bracket that is still open at ``end`` opened (after ``start``), or -1: a bracket inside it that closes
    again does not count ("(“Luhansk People’s Republic” (“LPR”)-controlled, 12km south of Luhansk)")."""
    depth = 0
    for index in range(end - 1, start - 1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            if depth == 0:
                return index
            depth -= 1
    return -1


def clean_place(name: str) -> str:
    return re.sub(r"\s+city$", "", name.strip())


#: How the patrol itself was placed or moved, not where the fire was: "from inside their vehicles", "while driving",
#: "while the SMM continued driving west for about 100 metres to leave the area", a camera "facing north-east".
PATROL_STATE = re.compile(
    r"\b(?:from\s+)?(?:inside|outside)\s+(?:of\s+)?(?:the|their|its)\s+(?:armoured\s+)?vehicles?\b"
    r"|\b(?:continued\s+)?driving(?:\s+(?:to\s+the\s+)?" + ph.DIRECTION + r")?(?:\s+for\s+(?:about\s+|approximately\s+|some\s+)?\d+(?:[.,]\d+)?\s*(?:km|m|metres|meters)\b)?"
    r"(?:\s+to\s+leave\s+the\s+area)?"
    r"|\binto\s+the\s+air\b"
    r"|\b(?:in\s+the\s+area\s+)?where\s+(?:the|its)\s+(?:SMM\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?(?:UAV|drone)\s+was\s+flying\b"
    # the patrol's make-up: "an SMM patrol consisting of six members and two armoured vehicles"
    r"|\b(?:(?:consisting|composed|comprised)\s+of|comprising|of)\s+(?:\d+|" + ph.NUMBER_WORD + r")\s+(?:SMM\s+)?(?:members|monitors)"
    r"(?:\s+(?:and|in)\s+(?:\d+|" + ph.NUMBER_WORD + r")\s+(?:armoured\s+)?vehicles)?\b"
    # a news copy: "the six employees of the organization in two armoured vehicles drove up to …": the patrol's own
    # vehicles, not vehicles seen (patrol14c: a record of two vehicles)
    r"|\b(?:members|monitors|observers|employees|staff)(?:\s+of\s+the\s+(?:organi[sz]ation|mission|SMM|OSCE|patrol))?\s+in\s+"
    r"(?:\d+|" + ph.NUMBER_WORD + r")\s+(?:armoured\s+)?(?:vehicles|cars)\b"
    # spot reports: who of the patrol was where when the fire came ("Two patrol members were standing next to the vehicles
    # and the others were inside the vehicles with the doors open when they heard …")
    r"|\b(?:(?:\d+|" + ph.NUMBER_WORD + r"|all|both|some|the)\s+(?:of\s+the\s+)?(?:SMM\s+)?patrol\s+members|the\s+(?:others|remaining))"
    r"(?:\s*,?\s+(?:who|all\s+of\s+whom)\s+(?:were|was))?(?=\s)"
    r"|\b(?:(?:were|was)\s+)?standing\s+(?:next\s+to|near|beside|outside)\s+(?:the|their|its)\s+vehicles?\b"
    r"|\bwith\s+(?:the\s+)?doors?\s+open\b|\bhaving\s+just\s+(?:entered|left)\s+(?:the|their|its)\s+vehicles?\b"
    r"|\bfacing\s+" + ph.DIRECTION + r"(?:\s*(?:,|and)\s*" + ph.DIRECTION + r")*"
    r"|\b(?:(?:was|were)\s+forced|had)\s+to\s+(?:land|recall)\s+(?:its|their|the)\s+(?:SMM\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:UAVs?|drones?)\b",
    re.IGNORECASE)
