"""What one group is said about beyond its count and noun: direction, distance, places, times, kind, weapon, damage.

``read_modifiers`` claims, for each group, the words after (and before) it: "3-5km south-south-west", "impacting near
X", "fired onto Y", "assessed as outgoing", "in the disengagement area", a breakdown in brackets, the times.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.breakdown import read_breakdown
from truceline.ingest.patrol.groups import parenthesis_depth, read_altitude
from truceline.ingest.patrol.fired import read_flight, read_landing
from truceline.ingest.patrol.kinds import SMALL_CALIBRE, assessed_kind, read_weapon
from truceline.ingest.patrol.patterns import (
    ASSESSED, BEARING, BEARING_LIST, BEARING_PAIR, BEARING_RANGE, DIR, DISTANCE, EXCHANGE, FIRED_FROM, FLIGHT,
    NO_DISTANCE, OFFSET, OWN_POSITION, UNDETERMINED_ORIGIN, VERTICAL,
)
from truceline.ingest.patrol.places import (
    ACROSS_LINE, ASSESSED_AS, DISENGAGEMENT, LANDMARK_OFFSET, LINE, PART_OF_PLACE, ROAD_OFFSET, SECURITY_ZONE,
    SIDE_OF_PLACE, ambiguous_sector, claim_place_descriptions, covering_sector, distance_range, read_description,
    read_event_places, read_places,
)
from truceline.ingest.patrol.position import clean_place, km
from truceline.ingest.patrol.scan import EventPlace, Group, Scan
from truceline.ingest.patrol.sightings import NOT_OBJECT, read_damage_or_mines
from truceline.ingest.patrol.times import read_duration, read_times

#: The near end of a distance range written before a far end the DISTANCE pattern reads alone: "between three to ".
_RANGE_START_BEFORE = re.compile(r"\bbetween\s+(?:\d+(?:[.,]\d+)?|" + ph.NUMBER_WORD + r")\s+(?:to|and)\s+$", re.IGNORECASE)
#: Marks on the ground in the sentence: "conducted crater analysis" (a direction of origin is then where it was fired from).
CRATER_WORD = re.compile(r"\b(?:craters?|damage)\b", re.IGNORECASE)
#: Adjectives that set a kind ("outgoing rounds", "illumination flares"): understood once read.
_SOON_AFTER = re.compile(r"\b(?:shortly|soon|immediately)\s+(?:after(?:wards)?|thereafter)\b", re.IGNORECASE)
_MIXED_ASSESSED = re.compile(
    r"(?:\b(?:assessed|believed)\s+(?:as|to\s+be)\s+(?:both\s+)?|\bconsistent\s+with\s+(?:both\s+)?|\(\s*)(?P<a>outgoing|impacts?|incoming)(?:\s+rounds?)?"
    r"\s+and\s+(?:as\s+)?(?P<b>outgoing|impacts?|incoming)(?:\s+rounds?)?\b(?:\s*\))?",
    re.IGNORECASE,
)
#: A fire seen burning (a blaze): "saw a fire burning in a field", "a fire had broken out".
_BLAZE = re.compile(r"^[\s\x1f]*(?:(?:was|had)\s+)?(?:burning|blazing|raging|broke\s+out|(?:been\s+)?broken\s+out)\b", re.IGNORECASE)
#: The length of a front fire was opened on, not a distance from anyone: "opened fire on a front of 11 kilometres"
#: (patrol21's U17: read as fire 11km from the observer).
_FRONT_LENGTH = re.compile(r"\b(?:on|along|over)\s+(?:an?\s+|the\s+)?(?:\d+(?:[.,]\d+)?[- ]?(?:km|kilomet(?:re|er)s?)[- ]+)?(?:wide\s+|long\s+)?"
                           r"front(?:\s*line)?\s+of\s+(?:about\s+|some\s+|around\s+)?\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:re|er)s?)\b",
                           re.IGNORECASE)
_CLOSER = re.compile(r"\bfrom\s+(?:a|the)\s+(?:closer|shorter|nearer|greater|longer)\s+distance\b", re.IGNORECASE)
_DASHED_ASSESSMENT = re.compile(r"^[\s\x1f]*-\s*(?P<what>outgoing|incoming|impacts?)\s*-(?=\s)", re.IGNORECASE)
#: Between two distance-and-direction pairs of one observation: "4km north-east and 6km east".
_PAIR_BETWEEN = re.compile(r"\s+(?:to\s+the\s+)?" + ph.DIRECTION + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:from|at)\s+)?", re.IGNORECASE)
#: A distance written just before "DIR to DIR", or "of its position" after it: the two points bound a sector.
_UNIT_BEFORE = re.compile(r"\d\s*(?:km|m|kilometres?|metres?)\s+(?:to\s+the\s+)?$", re.IGNORECASE)
_OF_OWN_AFTER = re.compile(r"\s+of\s+(?:its|their|the\s+SMM(?:'s|’s)?|the\s+patrol(?:'s|’s)?)\s+(?:position|location)", re.IGNORECASE)
#: Between two distance ranges written for one direction: "5-6km and 8-10km north-west".
_RANGES_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:at\s+)?", re.IGNORECASE)
#: A count written after its noun and a colon, as in a table: "Explosions: 55, projectiles in flight: 12".
_COUNT_AFTER_COLON = re.compile(r"^[\s\x1f]*(?:in\s+flight[\s\x1f]*)?:\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?=\s*(?:[;.)]|,(?!\d{3})|$))")
_OF_FIRE_DIRECTION = re.compile(r"^[\s\x1f]*of[\s\x1f]+(?P<what>outgoing|incoming)\b", re.IGNORECASE)
_DROPPED = re.compile(r"\bdropped\s+(?:by|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:drones?|UAVs?|quadcopters?|unmanned\s+aerial\s+"
                      r"vehicles?)\b", re.IGNORECASE)
#: Fire the text says was training, not a violation: "assessed as part of a live-fire exercise", "(assessed as not
#: in violation of the ceasefire)".
_LIVE_FIRE = re.compile(
    ASSESSED_AS + r"(?:(?:being\s+)?part\s+of\s+)?(?:an?\s+|the\s+)?"
    r"\blive[- ]fire\s+(?:exercises?|training|drills?)\b", re.IGNORECASE)
_NOT_VIOLATION = re.compile(
    ASSESSED_AS + r"\bnot\s+(?:in\s+)?(?:a\s+)?violations?\s+of\s+"
    r"(?:the\s+)?(?:ceasefire|Minsk\s+agreements?|withdrawal\s+lines)\b", re.IGNORECASE)
_FIRE_DIRECTION = re.compile(r"(?:\b(?:assessed|believed)\s+(?:as|to\s+be)\s+)?\b(?P<what>outgoing|incoming)\b", re.IGNORECASE)
IN_VIOLATION = re.compile(r"\b(?:in\s+violation\s+of|beyond)\s+(?:the\s+)?(?:respective\s+)?(?P<what>withdrawal\s+lines?|ceasefire|"
                           r"Minsk\s+agreements?)\b(?:\s*,?\s*but\s+outside\s+(?:of\s+)?(?:the\s+)?(?:designated\s+)?storage\s+sites?\b)?",
                           re.IGNORECASE)
#: A weapon seen firing, with no count of rounds: "an armoured personnel carrier firing its cannon".
#: The direction of fire written after the rounds: "assessed as mortar rounds outgoing from …".
_FIRE_AFTER_ROUNDS = re.compile(r"\brounds?\s+(?P<fire>outgoing|incoming)\b(?!\s+(?:and|or)\b)", re.IGNORECASE)
#: The direction of fire written just after the explosions: "several explosions outgoing from a north-north-eastern
#: direction" (a news copy; patrol14c).
_FIRE_AFTER_NOUN = re.compile(r"[\s\x1f]*(?P<fire>outgoing|incoming)\s+from\b", re.IGNORECASE)


_COUNT_IN_BRACKETS = re.compile(
    r"^[\s\x1f]*\(\s*(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+|(?i:" + ph.NUMBER_WORD + r"))"
    r"(?:\s+(?:explosions?|bursts?|shots?|projectiles?|(?:ceasefire\s+)?violations?))?\s*\)",
    re.IGNORECASE)


_DAMAGED_BY_IT = re.compile(r"^[\s\x1f]*(?:(?:had|has|have)\s+)?(?:damaged|destroyed)\s+(?:her|his|their|its|the|an?)\s+"
                            r"(?P<what>[a-z][\w'-]*)", re.IGNORECASE)
_SMOKE_FROM = re.compile(r"^[\s\x1f]*(?:(?:rising|billowing|coming)[\s\x1f]+)?from\s+(?:an?\s+|the\s+)?(?P<what>(?:burning\s+)?"
                         r"(?:" + NOT_OBJECT + r"[^\W\dA-Z][\w'-]*\s*){1,2})")
#: "assessed them to (likely) have been caused by …", of marks seen: the cause is read as the weapon.
_ASSESSED_CAUSED = re.compile(r"\bassessed\s+(?:them|it|these|those)\s+(?:to\s+(?:(?:most\s+)?likely\s+)?have\s+been|as\s+(?:having\s+been\s+)?)"
                             r"(?:\s+(?:most\s+)?likely)?\s+caused\s+by\b"
                             # "indicated that they were all caused by Grad …" (patrol20's Q07)
                             r"|\b(?:(?:indicated|showed|concluded|found)\s+that\s+)?(?:they|it)\s+(?:were|was)\s+(?:all\s+)?caused\s+by\b",
                             re.IGNORECASE)


#: Some of a count, named by weapon: ", three of which were assessed as rocket-propelled grenades (RPG)", ", including two
#: with RPGs", "(two of them from a grenade launcher)".
_PART_WEAPON = re.compile(
    r"(?P<part>(?:,\s*|\(\s*)?(?:(?:" + ph.NUMBER + r")\s+of\s+(?:which|them|these)\s+(?:(?:were|was)\s+)?"
    r"(?:(?:assessed|identified|believed)\s+(?:as|to\s+be)\s+(?:being\s+)?|from\s+|with\s+|of\s+)?"
    r"|(?:including|\x1f+)\s*(?:" + ph.NUMBER + r")\s+(?:with|from|of|by)\s+)"  # "including" read by a breakdown
    r"(?:an?\s+|the\s+)?(?=(?:[\w-]+\s+){0,3}?(?:" + "|".join(pattern for pattern, _ in ph.WEAPONS) + r")\b)"
    r"(?:(?!(?:impacts?|outgoing|incoming|rounds?|shells?|caused|and|or)\b)[\w()-]+(?:\s+|(?=[,;.)]|$))){0,6}?"
    r"(?:" + "|".join(pattern for pattern, _ in ph.WEAPONS) + r")\b"
    # its designation in brackets, or what is left of them: "(RPG)", " RPG )" (a clause between commas is bracketed)
    r"(?:\s*\(?\s*(?-i:[A-Z][A-Z0-9-]{1,10})\b\s*\)?|\s*\([^()]{1,20}\))?\s*\)?)"
    r"(?:(?<=\))|(?=[\s\x1f]*(?:[,;.]|$)))",  # the aside ends there: "… impacts of artillery rounds 3-4km east and four as …" is a breakdown
    re.IGNORECASE)


def read_modifiers(scan: Scan, group: Group, start: int, end: int) -> None:
    """Assessment, weapon, event location, distance, bearing, flight direction and time in [start, end)."""
    if group.sighting in ("aircraft", "uav"):
        read_altitude(scan, group, start, end)  # before distances: "at an altitude of 500m" is none
    if group.count is None and (bracket := _COUNT_IN_BRACKETS.match(scan.view(start, end))) is not None:
        # "more explosions (about 120)", "fewer explosions (five)": the number written after the noun
        number = bracket["n"].replace(",", "")
        group.count = int(number) if number.isdigit() else ph.parse_number(number)
        group.count_qualifier = ph.COUNT_QUALIFIERS.get(re.sub(r"\s+", " ", (bracket["qual"] or "").lower()))
        scan.claim(start + bracket.start(), start + bracket.end())
    if group.count is None and group.count_qualifier is None and (colon := _COUNT_AFTER_COLON.match(scan.view(start, end))) is not None:
        # "Explosions: 55, projectiles in flight: 12": a count written after its noun, as in a table
        group.count = int(colon["n"].replace(",", ""))
        scan.claim(start + colon.start(), start + colon.end())
    for match in scan.find(_PART_WEAPON, start, end):
        # "73 projectiles in flight, three of which were assessed as rocket-propelled grenades (RPG)": the weapon of
        # some of them, not of the count (patrol19b's M03: all 73 got it); kept as written in ``part_weapon``
        scan.claim(start + match.start(), start + match.end())
        group.details["part_weapon"] = re.sub(r"\s+", " ", match["part"]).strip(" ,")
    dropped = [match for match in scan.find(_DROPPED, start, end)]  # "a grenade dropped from a drone": a weapon too
    for match in dropped:
        scan.claim(start + match.start(), start + match.end())
    read_weapon(scan, group, start, end)
    if dropped and group.weapon is None:
        group.weapon = "drone"
    elif dropped and group.weapon != "drone" and "drone" not in group.other_weapons:
        group.other_weapons.append("drone")
    for match in scan.find(ACROSS_LINE, start, end):
        # "trajectories of projectiles fired … from north to south of the Blue Line" (patrol22's W15: a bearing north from
        # the observer): the rounds' flight across the line, not where they were
        first, second = ph.parse_direction(match["a"]), ph.parse_direction(match["b"])
        if first is not None and second is not None:
            scan.claim(start + match.start(), start + match.end())
            group.flight = group.flight or f"{first} to {second}"
            group.across_line = True
    for match in scan.find(EXCHANGE, start, end):
        scan.claim(start + match.start(), start + match.end())
    for match in scan.find(UNDETERMINED_ORIGIN, start, end):
        scan.claim(start + match.start(), start + match.end())
        if group.kind.startswith("explosion") and not (
                group.kind == "explosion_impact" and re.search(r"(?:weapons?|systems?|calibre|type)$", match.group(0), re.IGNORECASE)):
            # ("an impact of an undetermined weapon" stays an impact: the weapon is unknown, not the kind; session 15)
            group.kind = "explosion_undetermined"
    for match in scan.find(_SOON_AFTER, start, end):
        scan.claim(start + match.start(), start + match.end())
    for match in scan.find(_BLAZE, start, end):  # "a fire burning in a field": a blaze seen, not fire heard
        lead = re.match(r"\s*(?P<n>an?|one|two|three|several|\d+)\s+(?:(?:large|small|big|major)\s+)?fires?\s*$",
                        scan.text[group.start:group.end], re.IGNORECASE)
        if group.kind == "other" and group.weapon is None and group.sighting is None and lead is not None:
            scan.claim(start + match.start(), start + match.end())
            scan.claim(group.start, group.end)
            group.sighting = "blaze"
            if lead["n"].lower() == "several":
                group.count, group.count_qualifier = None, "several"
            else:
                group.count = ph.parse_number(lead["n"])
    read_duration(scan, group, start, end)
    for match in scan.find(_CLOSER, start, end):  # "several bursts from a closer distance": no figure to keep
        scan.claim(start + match.start(), start + match.end())
    for match in scan.find(_FRONT_LENGTH, start, end):  # "on a front of 11 kilometres": no distance from anyone
        scan.claim(start + match.start(), start + match.end())
    for match in scan.find(_DASHED_ASSESSMENT, start, end):  # "41 explosions - outgoing - at locations south"
        if group.kind.startswith("explosion"):
            scan.claim(start + match.start(), start + match.end())
            group.kind = assessed_kind(match["what"], group.kind)
            group.kinds = [group.kind]
    of_direction = _OF_FIRE_DIRECTION.match(scan.view(start, end))
    if of_direction is not None and group.kind == "explosion_undetermined":  # "five explosions of outgoing artillery fire"
        scan.claim(start + of_direction.start("what"), start + of_direction.end("what"))
        group.kind = assessed_kind(of_direction["what"], group.kind)
        group.kinds = [group.kind]
    if group.sighting in ("damage", "mine", "uxo"):
        read_damage_or_mines(scan, group, start, end)
    if group.crater or group.sighting in ("damage", "mine", "uxo"):
        for match in scan.find(LANDMARK_OFFSET, start, end):
            # "three craters between 15 and 40 metres east of the school building": where the marks are from a
            # landmark, not a distance and direction from the observer (kept as written)
            scan.claim(start + match.start(), start + match.end())
            group.details["offset_from_landmark"] = re.sub(r"\s+", " ", match["offset"])
            break
        for match in scan.find(_ASSESSED_CAUSED, start, end):
            scan.claim(start + match.start(), start + match.end())
    if group.kind.startswith("explosion") and (damaged := _DAMAGED_BY_IT.match(scan.view(start, end))) is not None:
        scan.claim(start + damaged.start(), start + damaged.end())  # "shelling had damaged her roof"
        group.details["damage_to"] = damaged["what"].lower()
    if group.sighting == "smoke" and (source := _SMOKE_FROM.match(scan.view(start, end))) is not None:
        scan.claim(start + source.start(), start + source.end())  # "smoke rising from a burning house"
        group.details["smoke_from"] = re.sub(r"\s+", " ", source["what"])
    for match in scan.find(LINE, start, end):  # "across the Line of Control": a line, not a place to locate
        scan.claim(start + match.start(), start + match.end())
        group.details["boundary_line"] = re.sub(r"\s+", " ", f"{match['relation']} the {match['line']}")
        break
    read_landing(scan, group, start, end)
    read_flight(scan, group, start, end)
    for match in scan.find(DISENGAGEMENT, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.disengagement_area = group.disengagement_area or match["where"].lower().replace("within", "inside")
    for match in scan.find(SECURITY_ZONE, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.security_zone = group.security_zone or match["where"].lower().replace("within", "inside")
    for match in scan.find(_LIVE_FIRE, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.live_fire = True
    for match in scan.find(_NOT_VIOLATION, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.not_violation = True
    for match in scan.find(IN_VIOLATION, start, end):  # "tanks in violation of the withdrawal lines"
        scan.claim(start + match.start(), start + match.end())
        group.violation_of = re.sub(r"\s+", " ", match["what"].lower())
    if not group.kind.startswith("explosion") and group.kind != "airburst":
        for match in scan.find(_FIRE_DIRECTION, start, end):
            # "bursts of outgoing machine-gun fire", "a shot …, outgoing from the north-west": fired near the
            # observer (outgoing) or towards it (incoming); the kind stays burst / shot / other
            scan.claim(start + match.start(), start + match.end())
            group.fire = group.fire or match["what"].lower()
    for match in scan.find(_MIXED_ASSESSED, start, end):
        # "assessed as outgoing and impacts": both, in numbers not given; neither kind can be told for a record
        if assessed_kind(match["a"], group.kind) != assessed_kind(match["b"], group.kind) and group.kind.startswith("explosion"):
            scan.claim(start + match.start(), start + match.end())
            group.kind, group.kinds = "explosion_undetermined", ["explosion_undetermined"]
            group.warnings.append(f"{match.group(0)!r}: the count is not split between them, so the kind is undetermined")
    if group.assessed_lead and (as_kind := _AS_KIND_AFTER.match(scan.view(start, end))) is not None:
        scan.claim(start + as_kind.start(), start + as_kind.start() + len(as_kind.group(0).lstrip(" \x1f").split()[0]) + (
            len(as_kind.group(0)) - len(as_kind.group(0).lstrip(" \x1f"))))  # the "as"
        if as_kind["what"]:
            scan.claim(start + as_kind.start("what"), start + as_kind.end("what"))
            group.kind = assessed_kind(as_kind["what"], group.kind)
            group.kinds = [group.kind]
    depths = parenthesis_depth(scan.text, start, end)
    for match in scan.find(ASSESSED, start, end):
        if depths[match.start()] > 0 and scan.view(start, start + match.start()).rstrip()[-1:] != "(":
            continue  # "(one assessed as outgoing)" is a breakdown; "(assessed as an impact)" is not
        scan.claim(start + match.start(), start + match.end())
        if group.crater or group.sighting in ("damage", "mine", "uxo"):
            pass  # "craters assessed as caused by 82mm mortar rounds": damage, whatever made it
        elif group.kind in ("explosion_undetermined", "explosion_impact", "explosion_outgoing", "airburst", "other"):
            group.kind = assessed_kind(match["what"], group.kind)
            group.kinds = [group.kind]
        break
    after = _FIRE_AFTER_ROUNDS.search(scan.text, start, end)
    if after is None and re.search(r"\bexplosions?[\s\x1f]*$", scan.text[group.start:start], re.IGNORECASE):
        after = _FIRE_AFTER_NOUN.match(scan.text, start, end)
    if (group.kind == "explosion_undetermined" and after is not None
            and "\x1f" not in scan.view(after.start("fire"), after.end("fire"))):
        # "four explosions assessed as mortar rounds outgoing from an undetermined distance" (a news copy; patrol14b: the
        # direction of fire was not read)
        scan.claim(after.start("fire"), after.end("fire"))
        group.kind = assessed_kind(after["fire"], group.kind)
        group.kinds = [group.kind]
    if (group.kind == "explosion_undetermined" and group.weapon in SMALL_CALIBRE
            and re.search(r"\b(?:rounds?|bullets?)[\s\x1f]*$", scan.text[group.start:start], re.IGNORECASE)):
        group.kind, group.kinds = "shot", ["shot"]  # "12 rounds of small-arms fire": shots, not explosions
    if (group.kind == "explosion_undetermined" and group.weapon in SMALL_CALIBRE
            and all(weapon in SMALL_CALIBRE for weapon in group.other_weapons)
            and re.search(r"\bshell(?:ing|ed)[\s\x1f]*$", scan.text[group.start:start], re.IGNORECASE)):
        # "the positions … were shelled from the Popasnoye settlement from a light machine gun" (a party's word for any
        # fire; patrol19b's M20: an explosion): fire of a weapon that does not explode, of unstated kind
        group.kind, group.kinds = "other", ["other"]
    read_breakdown(scan, group, start, end)
    read_places(scan, group, start, end)
    times = read_times(scan, start, end)
    if times is not None:
        group.times = times
    for match in scan.find(ROAD_OFFSET, start, end):
        # "… from the north-western edge of Yasynuvata (…), about 130m south-east of the M-04 highway": where the patrol
        # was from a road, not the fire's distance and direction from it (patrol18: read as 0.13 km south-east)
        scan.claim(start + match.start(), start + match.end())
        group.warnings.append(f"a distance from a road was not used for the event: {match.group(0)!r}")
    for match in scan.find(OFFSET, start, end):
        point = ph.parse_direction(match["dir"])
        if point is None or depths[match.start()] > 0:
            continue  # an offset in brackets describes a place ("Pyshchevyk (…, 25km north-east of Mariupol)")
        scan.claim(start + match.start(), start + match.end())
        distance = km(match["d"], match["u"])
        # (each end its own unit: "500m-1km south-west of its position"; patrol16: 500 km)
        nearest = km(match["d0"], match["u0"] or match["u"]) if match["d0"] is not None else distance
        if match["q"] and re.match(r"(?i)less|up|within|under", match["q"]):
            nearest = 0.0  # "less than 500m north of its position" (patrol16: read as 500 m, "than" not understood)
        if OWN_POSITION.match(match["place"]) is not None:
            group.distance_km, group.bearing = (nearest, distance), point
            if match["q"]:
                group.distance_qualifier = re.sub(r"\s+", " ", match["q"].lower())
        else:  # "3-5km south of Popasna": the range and direction from the place
            group.event_place = EventPlace(names=(clean_place(match["place"]),), relation="offset", near_km=nearest,
                                           far_km=distance, point=point,
                                           described=read_description(scan, start + match.end("place"), end))
        break
    if group.event_place is None:
        read_event_places(scan, group, start, end)
    claim_place_descriptions(scan, group, start, end, depths)
    read_weapon(scan, group, start, end)
    for match in scan.find(NO_DISTANCE, start, end):
        scan.claim(start + match.start(), start + match.end())
    previous_end: int | None = None
    for match in scan.find(DISTANCE, start, end):
        scan.claim(start + match.start(), start + match.end())
        if (near_end := _RANGE_START_BEFORE.search(scan.text, max(start, start + match.start() - 40), start + match.start())) is not None:
            # "at distances ranging between three to more than 15km": the far end of a range whose near end is
            # written apart (patrol13b: read as "more than 15 km"); left empty rather than read as half of it
            scan.claim(near_end.start(), near_end.end())
            group.warnings.append(f"a distance range was not understood: {(near_end.group(0) + match.group(0)).strip()!r}")
            continue
        if group.distance_km is not None:
            low, high = group.distance_km
            (low2, high2), qualifier = distance_range(match)
            if (previous_end is not None and high is not None and high2 is not None and qualifier is None
                    and _PAIR_BETWEEN.fullmatch(scan.text, previous_end, start + match.start())):
                # "23 explosions … 4km north-east and 6km east": one distance for each direction; the record holds
                # both ranges (5-6 km) over the sector of both directions
                group.distance_km = (min(low or 0.0, low2 or 0.0), max(high, high2))
                previous_end = start + match.end()
                continue
            if (previous_end is not None and high is not None and high2 is not None and qualifier is None
                    and _RANGES_BETWEEN.fullmatch(scan.text, previous_end, start + match.start())):
                # "680 outgoing artillery rounds 5-6km and 8-10km north-west": two ranges of one direction; the record
                # holds the range that covers both (5-10 km)
                group.distance_km = (min(low or 0.0, low2 or 0.0), max(high, high2))
                previous_end = start + match.end()
                continue
            group.warnings.append(f"a second distance was not used: {match.group(0)!r}")
            continue
        group.distance_km, group.distance_qualifier = distance_range(match)
        previous_end = start + match.end()
    origins: list[str] = []
    for match in scan.find(FIRED_FROM, start, end):
        # the direction the rounds came from: with marks on the ground, or written as "fired/launched from";
        # "heard explosions from a south-easterly direction" stays a bearing from the observer
        if match["dir4"] is not None and not (group.crater or CRATER_WORD.search(scan.text)):
            continue  # "shots, assessed as having originated from the north": heard fire, the bearing
        if not (group.crater or match["dir4"] is not None or re.match(r"(?i)(?:fired|launched|coming)\b", match.group(0))):
            continue
        point = ph.parse_direction(match["dir"] or match["dir2"] or match["dir3"] or match["dir4"])
        if point is not None and group.fired_from is None and not origins:
            scan.claim(start + match.start(), start + match.end())
            group.fired_from = point
            origins.append(match.group(0))
        elif point is not None and (group.fired_from is not None or origins):
            # "two were fired from the east, another one was fired from a westerly direction": several origins for one
            # observation, none kept (patrol14: the second was read as a bearing from the observer)
            scan.claim(start + match.start(), start + match.end())
            origins.append(match.group(0))
            if point != group.fired_from:
                group.fired_from = None
    if len(origins) > 1 and group.fired_from is None:
        group.warnings.append("several directions the rounds came from, none kept: " + ", ".join(repr(o) for o in origins))
    for match in scan.find(BEARING_RANGE, start, end):
        first = ph.parse_direction(match["a"] or match["c"])
        last = ph.parse_direction(match["b"] or match["d"])
        if first is not None and last is not None and group.bearing is None:
            scan.claim(start + match.start(), start + match.end())
            group.bearing = f"{first}..{last}"
    for match in scan.find(BEARING_PAIR, start, end):  # "6-8km E-ESE": the two sectors together
        first, last = match["a"], match["b"]
        steps = (ph.POINTS.index(last) - ph.POINTS.index(first)) % 16
        if min(steps, 16 - steps) > 4 or first == last:
            continue  # points further apart than 90 degrees are not one sector
        scan.claim(start + match.start(), start + match.end())
        if group.bearing is None:
            group.bearing = covering_sector([first, last])
            if len(first) == 1 and first + last in ph.POINTS and "/" not in match.group(0):
                # "N-NE": the sector N..NE, which holds the point NNE too (patrol14: read before as the point NNE, a
                # sixth of the sector it may mean)
                group.warnings.append(f"{match.group(0)!r} read as the sector {group.bearing} (it may mean the point "
                                      f"{first + last})")
        else:
            group.warnings.append(f"a second direction was not used: {match.group(0)!r}")
    for match in scan.find(BEARING_LIST, start, end):  # "south-west, west and north-west"
        points = [ph.parse_direction(part) for part in re.findall(DIR, match["list"])]
        if group.bearing is None and all(points) and len(points) > 1:
            scan.claim(start + match.start(), start + match.end())
            if ambiguous_sector([point for point in points if point]):
                # "about 75 undetermined explosions 2-6km east and west" (patrol18c, E24: read as the half circle E..W
                # through south): opposite directions are no one sector, none is kept
                group.warnings.append(f"opposite directions are no one sector, none kept: {match['list']!r}")
                continue
            group.bearing = covering_sector([point for point in points if point])
    for match in scan.find(VERTICAL, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.flight = group.flight or "vertical"
    several_flights: list[str] = []
    first_flight = ""
    for match in scan.find(FLIGHT, start, end):
        first = ph.parse_direction(match["a"] or match["c"])
        second = ph.parse_direction(match["b"] or match["d"])
        if first is None or second is None:
            continue
        if match["c"] and (
                _UNIT_BEFORE.search(scan.text, max(start, start + match.start() - 16), start + match.start())
                or _OF_OWN_AFTER.match(scan.text, start + match.end())):
            # "1-10km south-west to north-west of its position": the sector from the first point to the second
            scan.claim(start + match.start(), start + match.end())
            if group.bearing is None:
                group.bearing = f"{first}..{second}"
            continue
        scan.claim(start + match.start(), start + match.end())
        if several_flights:
            several_flights.append(match.group(0))
        elif group.flight is None or group.flight == "vertical":
            group.flight = f"{first} to {second}"
            first_flight = match.group(0)
        elif group.flight != f"{first} to {second}":
            # "184 tracer rounds, fired from – in sequence – south-east to north-west, west to east, …": one count
            # over several flights; no one of them is the count's (patrol13b: the first was kept, and a bearing made
            # of its ends), so none is kept
            several_flights.extend([first_flight, match.group(0)])
            group.flight = None
    if several_flights:
        group.warnings.append("several flight directions for one count, none kept: "
                              + ", ".join(repr(text) for text in several_flights))
    if group.flight is None and group.kind == "projectile_in_flight":  # "in flight in a south-easterly direction"
        for match in scan.find(_HEADING, start, end):
            point = ph.parse_direction(match["dir"] or match["dir2"] or match["dir3"])
            if point is not None:
                scan.claim(start + match.start(), start + match.end())
                group.flight = f"to {point}"
                break
    for match in scan.find(re.compile(r"\bin\s+flight\b", re.IGNORECASE), start, end):
        scan.claim(start + match.start(), start + match.end())
    for match in scan.find(BEARING, start, end):
        point = ph.parse_direction(match["dir"])
        if point is None or PART_OF_PLACE.match(scan.text, start + match.end()):
            continue  # "from the SMM observation post in the eastern outskirts of Berdianske": a part of a place
        if re.match(r"[a-z]", match["dir"], re.IGNORECASE) and len(match["dir"]) > 3 and re.match(
                r"\s+(?:part\s+of\s+)?(?:the\s+)?[A-Z][a-z]", scan.text[start + match.end():start + match.end() + 40]):
            # "launched from … in southern Lebanon", "… Forces in South Lebanon (UNIFIL) said" (patrol20's P24, P25): a
            # part of a country or region, or its name, not a direction
            scan.claim(start + match.start(), start + match.end())
            continue
        if SIDE_OF_PLACE.match(scan.text, start + match.end()) and not re.search(r"\d\s*(?:km|m|metres?|kilometres?)\s*$",
                                                                                scan.text[max(start, start + match.start() - 12):start + match.start()]):
            # "launched from Rashaya Al Foukhar north of Kfar Choub", "rocket firing from south of Tyre" (patrol20's P24,
            # P25): the side of a place, which the place reader did not take, is no direction from the observer
            scan.claim(start + match.start(), start + match.end())
            group.warnings.append(f"{match.group(0).strip()!r} of a place is no direction from the observer: not used")
            continue
        scan.claim(start + match.start(), start + match.end())
        if group.bearing is None:
            group.bearing = point
        elif group.bearing != point:
            group.warnings.append(f"a second direction was not used: {match.group(0)!r}")


_HEADING = re.compile(
    r"\b(?:in\s+an?\s+(?P<dir>" + ph.DIRECTION + r")\s+direction|(?:heading|flying)\s+(?:towards\s+(?:the\s+)?)?(?P<dir2>"
    + ph.DIRECTION + r")|towards\s+the\s+(?P<dir3>" + ph.DIRECTION + r"))\b", re.IGNORECASE)
_AS_KIND_AFTER = re.compile(r"^[\s\x1f]*as\s+(?:an?\s+)?(?:(?:\(?\d+\s?mm\)?|(?!(?:outgoing|incoming|impacts?)\b)[\w-]+)\s+){0,3}?"
                            r"(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?)?", re.IGNORECASE)
