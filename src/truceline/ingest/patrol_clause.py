"""Reading one clause of monitoring-mission prose into observations.

A clause is "[context: position, time] VERB observation [and observation ...]", e.g.
"Positioned 2km south-west of Svitlodarsk, the SMM heard 22 undetermined explosions 3-5km
south-south-west between 09:56 and 10:38". Every pattern that is recognised *claims* the
characters it read; words nobody claimed (other than filler such as "the SMM") become
warnings, so a reader can see exactly what was not understood.

Pure functions over strings; dates and places are resolved by the caller
(:mod:`truceline.ingest.patrol_text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from truceline.ingest import phrases as ph
from truceline.ingest.patrol_patterns import (
    VERB,
    BEARING_PAIR,
    COORDINATES,
    DMS,
    OFFSET,
    OWN_POSITION,
    CONTROLLED_BY,
    PLACE,
    FIRED_FROM,
    UAV,
    AIRCRAFT,
    OWN_UAV_BEFORE,
    VIOLATION_COUNT,
    VIOLATION_PAREN,
    VIOLATION_TREND,
    COMPARED,
    AT_PLACE,
    NOT_PLACES,
    REGION_AFTER,
    BORDER_AFTER,
    TIME_RANGE,
    TIME_AT,
    TIME_OF_DAY,
    RELATIVE_TIME,
    VIOLATION_SHARE,
    VIOLATION_AREA,
    PERIPHERY,
    DISTANCE,
    NO_DISTANCE,
    LEAD_TIME,
    NEGATION,
    NEGATED_LIST,
    PASSIVE,
    REGION,
    RESPECTIVELY,
    PAIR,
    SEE_ALSO,
    PLACE_ITEM,
    PLACE_LIST,
    FLIGHT,
    BEARING_RANGE,
    BEARING_LIST,
    DIR,
    VERTICAL,
    BEARING,
    KIND_NOUN,
    DAMAGE,
    UXO,
    MINES,
    COUNT,
    ASSESSED,
    UNDETERMINED_ORIGIN,
    EXCHANGE,
    OF_WEAPON_BEFORE,
    MERGEABLE,
    ELLIPTIC,
    ACRONYM,
    FILLER,
)

@dataclass(slots=True)
class Clock:
    """A time of day as written, with the date written beside it (if any)."""

    hour: int
    minute: int
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class PlacePart:
    """One part of a count split by place: "four 2km south-east" of "six explosions, four 2km ... and two ..."."""

    count: int
    distance_km: tuple[float | None, float | None]
    distance_qualifier: str | None
    bearing: str


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where the text puts the event itself: "in Pyshchevyk", "near Zolote and Popasna", "3-5km south of Popasna".

    ``relation`` is ``in`` (in, at, inside, on the edge / outskirts of), ``near`` (near, around,
    outside, in the area / vicinity of) or ``offset`` (``near_km``..``far_km`` towards ``point`` of
    the place); ``names`` holds more than one place when the text names several ("near Zolote and
    Popasna").
    """

    names: tuple[str, ...]
    relation: str
    near_km: float = 0.0
    far_km: float = 0.0
    point: str = "N"
    described: tuple[float, str, str, str] | None = None
    """The place's own description after it: "Pyshchevyk (government-controlled, 25km north-east of Mariupol)"
    gives (25.0, "NE", "Mariupol", "25km north-east of Mariupol"), used when the gazetteer lacks the place."""


@dataclass(slots=True)
class Group:
    """One observation being read: a count of one kind (or of bursts-and-shots together)."""

    start: int
    end: int
    kind: str
    kinds: list[str]
    count: int | None = None
    count_min: int | None = None
    count_qualifier: str | None = None
    weapon: str | None = None
    calibre_mm: int | float | None = None
    distance_km: tuple[float | None, float | None] | None = None
    distance_qualifier: str | None = None
    bearing: str | None = None
    flight: str | None = None
    times: tuple[Clock, Clock] | None = None
    event_place: EventPlace | None = None
    toward: str | None = None  # "in the direction of Pyshchevyk": a bearing from the observer, not a location
    fired_from: str | None = None  # "craters ... fired from a southerly direction": where the rounds came from
    sighting: str | None = None  # "spotted a mini-UAV": an aerial vehicle seen (kind other)
    event_side: str | None = None  # "north-east of Popasna" (no distance): the side of the place the event was on
    flight_breakdown: list[tuple[int, str]] = field(default_factory=list)  # "(including 17 from west to east …)"
    all_of_them: bool = False  # its distance and direction are written ", all 3-5km east": they apply to those before
    breakdown: list[tuple[str, int]] = field(default_factory=list)  # sub-counts by kind, from a parenthesis
    altitude: str | None = None  # "flying at high altitude": how high an aircraft or drone was seen
    episodes: int | None = None  # "two episodes of tracer fire": episodes counted, not rounds
    breakdown_summed: bool = False  # "8 incoming/11 outgoing and 20 unknown explosions": parts with no stated total
    breakdown_qualifiers: dict[int, str] = field(default_factory=dict)  # "of which about 50 …": that part's qualifier
    places: list[PlacePart] = field(default_factory=list)  # sub-counts by place: "four 2km SE and two 3km E"
    other_weapons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    crater: bool = False  # "two craters": damage seen, kind other
    fire: str | None = None  # "bursts of outgoing machine-gun fire", "a shot ..., outgoing from the north-west"
    salvos: int | None = None  # "an outgoing salvo of an MLRS": salvos, each of an unstated number of rounds
    disengagement_area: str | None = None  # "assessed as outside the disengagement area": inside / outside
    relative_time: str | None = None  # "…, and, ten minutes later, one projectile": written just before it
    security_zone: str | None = None  # "outside the security zone": inside / outside
    live_fire: bool = False  # "assessed as part of a live-fire exercise": training, not a violation
    not_violation: bool = False  # "(assessed as not in violation of the ceasefire)"
    violation_of: str | None = None  # "in violation of the withdrawal lines": what a sighting violates
    duration: str | None = None  # "in a 15-minute period"
    part_of_previous: bool = False  # "15 explosions, including several salvos of MLRS": how those were fired
    own_lead_time: bool = False  # "…, and at 22:07 an explosion": its time was written just before it
    details: dict[str, str] = field(default_factory=dict)  # what else was read of it: "damage_to", "mine_type", "target", …
    hit_before: bool = False  # "a house that had been hit by a shell": what a round did before (damage, when seen)
    same_rounds: bool = False  # "…, followed by its impact": the rounds of the observation before (their weapon)
    definite: str | None = None  # "heard the explosions": the noun written with "the" just after the verb, no count
    part_of: int | None = None  # "700 explosions assessed as 680 outgoing … and 20 …": the total this part is of
    breakdown_calibres: dict[int, int | float | None] = field(default_factory=dict)  # the calibre each such part names
    # the distance range and direction written right after a part ("…: 11 assessed as outgoing artillery rounds 2-4km
    # north-west, seven …"): that part's own
    breakdown_places: dict[int, tuple[tuple[float | None, float | None], str]] = field(default_factory=dict)
    assessed_lead: bool = False  # "The SMM assessed 30 explosions as …": the assessment follows as "as …"
    breakdown_weapons: dict[int, str] = field(default_factory=dict)  # "…, including 30 assessed as anti-aircraft cannon rounds"
    part_of_day: str | None = None  # of two or more written in the clause, the last one before this observation's noun
    region: str | None = None  # "97 explosions, 95 of which in the Donetsk region": the region of this part only
    fired_verb: bool = False  # "a tank firing two rounds": outgoing read from the verb written before the count


class Scan:
    """A sentence with a record of which characters have been understood."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used = [False] * len(text)
        self._masked = text  # the text with claimed characters as \x1f, kept up to date by each claim

    def view(self, start: int, end: int) -> str:
        return self._masked[max(start, 0):max(end, 0)]

    def find(self, pattern: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
        """Matches in the unclaimed text of [start, end); offsets are of the view (add ``start``)."""
        return pattern.finditer(self.view(start, end))

    def claim(self, start: int, end: int) -> None:
        start, end = max(start, 0), min(end, len(self.text))
        if start >= end or all(self.used[start:end]):
            return
        self.used[start:end] = [True] * (end - start)
        self._masked = self._masked[:start] + "\x1f" * (end - start) + self._masked[end:]

    def leftovers(self, start: int, end: int) -> list[str]:
        """Runs of unclaimed words in [start, end) that are not filler, as fragments of the text."""
        fragments: list[str] = []
        current: list[str] = []
        view = self.view(start, end)
        for match in re.finditer(r"[^\s\x1f,;:.()\"“”]+", view):
            word = match.group(0).strip("'’-")
            if not word:
                continue
            if word.lower() in FILLER or re.fullmatch(r"[\W_]+", word):
                if current and word.lower() not in ("the", "a", "an"):
                    current.append(word)
                continue
            gap = view[match.start() - 1] if match.start() else " "
            if current and gap == "\x1f":
                fragments.append(_trim(current))
                current = []
            current.append(word)
        if current:
            fragments.append(_trim(current))
        return [fragment for fragment in fragments if fragment]


def _trim(words: list[str]) -> str:
    while words and words[-1].lower() in FILLER:
        words = words[:-1]
    return " ".join(words)


def parse_number_or_none(text: str | None) -> int | None:
    return None if text is None else ph.parse_number(text)


def base_kind(noun: str) -> str:
    word = noun.lower()
    if word == "use":  # "the use of small arms": fire of that weapon, of unstated kind
        return "other"
    if word.startswith(("projectile", "tracer", "unidentified ammunition", "ammunition")):
        return "projectile_in_flight"
    if "flare" in word or word.startswith("illumination"):
        return "flare"
    if word.replace("-", "").replace(" ", "").startswith(("airburst", "airexplosion")):
        return "airburst"
    if word.startswith(("explosion", "detonation", "blast", "round", "salvo", "shell", "rocket", "missile", "grenade", "bomb")):
        return "explosion_undetermined"
    if word.startswith(("impact", "air strike", "air-strike", "airstrike")):
        return "explosion_impact"
    if word.startswith("burst"):
        return "burst"
    if word.startswith(("shot", "gunshot", "gun shot", "gun-shot", "shooting")) or word in ("bullet", "bullets"):
        return "shot"  # "heard two bullets flying over their heads": shots heard (not "bullet holes", damage)
    return "other"


_DAMAGE_NOUN = re.compile(r"(?:" + DAMAGE + r")$", re.IGNORECASE)
_MINE_NOUN = re.compile(r"(?:" + MINES + r")$", re.IGNORECASE)
_UXO_NOUN = re.compile(r"(?:" + UXO + r")$", re.IGNORECASE)


def _noun_sighting(noun: str) -> str | None:
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


def assessed_kind(what: str | None, current: str) -> str:
    """The kind after "assessed as <what>"."""
    if what is None:
        return current
    word = what.lower()
    if word.startswith("outgoing"):
        return "explosion_outgoing"
    if word.startswith(("impact", "incoming")):
        return "explosion_impact"
    if word.replace("-", "").replace(" ", "").startswith("airburst"):
        return "airburst"
    return current if current.startswith("explosion") else "explosion_undetermined"


def adjective_kind(adjectives: str, current: str) -> str:
    words = adjectives.lower()
    if "outgoing" in words and current.startswith("explosion"):
        return "explosion_outgoing"
    if "incoming" in words and current.startswith("explosion"):
        return "explosion_impact"
    if "illumination" in words:
        return "flare"
    if "tracer" in words:
        return "projectile_in_flight"
    return current


@dataclass(slots=True)
class PositionText:
    """Where the observer was, as written: coordinates, an offset from a place, or places."""

    how: str  # "coordinates", "offset", "place", "between" (two places: their midpoint) or "several" (none kept)
    text: str
    lat: float | None = None
    lon: float | None = None
    distance_km: float | None = None
    point: str | None = None
    places: list[str] = field(default_factory=list)
    describes_place: bool = False  # "Avdiivka (government-controlled, 17km north of Donetsk)"
    warnings: list[str] = field(default_factory=list)
    base_described: tuple[float, str, str, str] | None = None
    """The offset's own place described after it: "1km south of Kalynove (…, 60km west of Luhansk)"
    gives (60.0, "W", "Luhansk", "60km west of Luhansk"), a fallback when the gazetteer lacks Kalynove."""


@dataclass(slots=True)
class ClauseReading:
    position: PositionText | None
    context_times: tuple[Clock, Clock] | None
    groups: list[Group]
    context_leftovers: list[str]
    has_verb: bool
    time_of_day: str | None = None  # "overnight", "in the early morning hours": understood, not a clock time
    # each part of the day written and where it starts: "in the morning, … nine explosions …, and in the afternoon four"
    parts_of_day_at: list[tuple[int, str]] = field(default_factory=list)
    negated: list[str] = field(default_factory=list)  # what the text says was not observed: "no explosions"
    region: str | None = None  # "In Donetsk region": the area a summary speaks of
    ceasefire_violations: int | None = None  # "the SMM recorded 232 ceasefire violations"
    violations_qualifier: str | None = None  # "about", "at least", ... of that tally
    compared_with: str | None = None  # "compared with 180 ceasefire violations ... in the previous reporting period"
    violations_trend: str | None = None  # "more", "fewer", "a similar number of" ceasefire violations (than before)
    previous_period: bool = False  # "In the previous reporting period, it recorded …": not this period's observations
    relative_time: str | None = None  # "ten minutes later", "moments later": after the time of the sentence before
    violations_share: str | None = None  # "the majority" (of the ceasefire violations were recorded in …)
    violations_areas: list[str] = field(default_factory=list)  # "SW..NW of Horlivka", "in the disengagement area near Zolote"
    that_part: str | None = None  # "…, and recorded 55 … on that night": a part of the day already dated (set by the caller)


def _km(number: str, unit: str) -> float:
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
        opening = _unclosed_paren(scan.text, start, start + match.start())
        inside = scan.text[opening:start + match.start()] if opening >= 0 else ""
        # "Avdiivka (government-controlled, 17km north of Donetsk)", "Shyrokyne (20km east of Mariupol)":
        # an offset in a parenthesis just after a name describes that place
        describes = opening >= 0 and (
            "controlled" in inside or _NAME_BEFORE_PAREN.search(scan.text, start, opening + 1) is not None
        )
        if not describes and _APPOSITION_BEFORE.search(scan.text, start, start + match.start()) is not None:
            # "positioned in Slovianoserbsk, a town 28 kilometers north-west of Luhansk": the offset describes the town
            # named before it, as in brackets (patrol14c: the observer was put at Luhansk)
            describes = True
        found = PositionText(
            how="offset", text=scan.text[start + match.start():stop], distance_km=_km(match["d"], match["u"]), point=point,
            places=[part for part in place.split("/") if part],  # "Zolote-4/Rodina": either name
            describes_place=describes,
        )
        break
    for match in scan.find(OFFSET, start, end):  # further descriptions of places: "(..., 39km north-east of Donetsk)"
        opening = _unclosed_paren(scan.text, start, start + match.start())
        if opening >= 0:
            scan.claim(start + match.start(), start + match.end())
            point = ph.parse_direction(match["dir"])
            if (found is not None and not found.describes_place and found.base_described is None and point is not None
                    and match["d0"] is None and re.fullmatch(r"\W*", scan.text[start:opening].split(found.places[0])[-1])):
                found.base_described = (_km(match["d"], match["u"]), point, match["place"], match.group(0))
    names: list[str] = []
    named_end = -1  # where the last place kept here ends
    for match in scan.find(AT_PLACE, start, end):
        name = _clean_place(match["place"])
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
                                places=[name, _clean_place(second["place"])])
        listed = _LISTED_AFTER.match(scan.text, stop, end) if found is None and not names else None
        if listed is not None and not any(NOT_PLACES.match(other.split()[0]) for other in re.findall(PLACE, listed.group(0))):
            # "The SMM continued monitoring the disengagement areas near Stanytsia Luhanska, Zolote and Petrivske": three
            # places, none of them where the mission was (patrol14: the observer was put at the first)
            places = [name] + [_clean_place(other) for other in re.findall(PLACE, listed.group(0))]
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
        name = _clean_place(match["place"])
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
_NAME_BEFORE_PAREN = re.compile(r"\b[A-Z][\w'-]+\s*(?:\([A-Z]{2,6}s?\)\s*)?(?:(?<=\w\s)disengagement\s+area\s*)?\($")  # "Station (DFS) (15km north of"
# (also "the Zolote disengagement area ( 60km west of Luhansk)": the area of the place named before it, described; session 15:
# the observer was put at Luhansk)


def _unclosed_paren(text: str, start: int, end: int) -> int:
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


def _clean_place(name: str) -> str:
    return re.sub(r"\s+city$", "", name.strip())


def read_times(scan: Scan, start: int, end: int) -> tuple[Clock, Clock] | None:
    """The time window written in [start, end): from the first time named to the last; claims them.

    "at 14:05", "between 09:56 and 10:38", "at 14:05, 14:07 and 14:10" (14:05..14:10).
    """
    found: list[tuple[int, Clock, Clock]] = []
    for match in scan.find(TIME_RANGE, start, end):
        scan.claim(start + match.start(), start + match.end())
        found.append((match.start(), _clock(match["t1"], match["d1"]), _clock(match["t2"], match["d2"])))
    for match in scan.find(TIME_AT, start, end):
        scan.claim(start + match.start(), start + match.end())
        clock = _clock(match["t1"], match["d1"])
        found.append((match.start(), clock, clock))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    for (_, before, _), (_, after, _) in zip(found, found[1:]):
        # "… near Oktiabr, at 10:00 p.m. 10 bombs fell there, and at 4:10 p.m. there were three tank rounds" (patrol19's
        # L02: one window from 22:00 to 16:10 the next day): undated times written out of order belong to observations
        # of their own, and make no window (a night's "at 23:50 and 00:10" runs on)
        if (before.date_text is None and after.date_text is None and (after.hour, after.minute) < (before.hour, before.minute)
                and not (before.hour >= 20 and after.hour < 4)):
            return None
    return (found[0][1], found[-1][2])


#: A window written between two observations, leading into the second: ", and, between 21:14 and 21:30, ".
_LEAD_WINDOW = re.compile(
    r"(?:,|;|\band\b|\bthen\b)[\s\x1f]*(?:(?:and|then)[\s\x1f]+)?,?[\s\x1f]*(?P<window>(?i:between|from)\s+(?P<t1>" + ph.CLOCK
    + r")(?:\s*(?:hrs|h)\b)?\s+(?i:and|to|until|till)\s+(?P<t2>" + ph.CLOCK + r")(?:\s*(?:hrs|h)\b)?)\s*,?[\s\x1f]*$")


def _clock(text: str, date_text: str | None) -> Clock:
    hour, minute = text.split(":")
    return Clock(hour=int(hour), minute=int(minute), date_text=date_text)


#: The near end of a distance range written before a far end the DISTANCE pattern reads alone: "between three to ".
_RANGE_START_BEFORE = re.compile(r"\bbetween\s+(?:\d+(?:[.,]\d+)?|" + ph.NUMBER_WORD + r")\s+(?:to|and)\s+$", re.IGNORECASE)
#: Marks on the ground in the sentence: "conducted crater analysis" (a direction of origin is then where it was fired from).
_CRATER_WORD = re.compile(r"\b(?:craters?|damage)\b", re.IGNORECASE)
_CALIBRE_CHOICE = re.compile(r"\b(?:either\s+)?\d{2,3}(?:\s?mm)?\s+or\s+\d{2,3}\s?mm\b", re.IGNORECASE)
_MARKS_FROM_SHELLING = re.compile(r"\b(?:(?:which|that)\s+(?:[\w-]+\s+){1,3}?(?:said|claimed|believed)\s+)?(?:had\s+)?"
                                  r"(?:(?:resulted|resulting|came)\s+from|(?<=damage\s)caused\s+by|(?<=craters\s)caused\s+by"
                                  # "eight fresh craters in the X settlement, subjected to shelling on August 14" (patrol20's Q07)
                                  r"|(?:(?:were|was|had\s+been)\s+)?subjected\s+to)"
                                  r"\s+(?:the\s+|a\s+)?shelling\b", re.IGNORECASE)
_CONDUCT_FLIGHT_BEFORE = re.compile(r"\b(?:conduct|control|operat(?=e|ing|ed)|perform)(?:ing|ed|s|e)?\s+(?:an?\s+|the\s+|its\s+)?(?:(?:announced|planned|scheduled|short-range|"
                                    r"co-ordinated|coordinated|pre-notified|notified)\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?$",
                                    re.IGNORECASE)
_FLIGHT_AFTER = re.compile(r"(?:\s*\(UAVs?\))?\s*flights?\b", re.IGNORECASE)
_FLEW_OWN_UAV = re.compile(r"\b(?:flew|launched|landed|recalled|diverted|redirected|deployed|(?<=to\s)(?:fly|launch|land|operate|recall))\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def read_groups(scan: Scan, start: int, end: int, *, clause_start: int | None = None,
                negated: list[str] | None = None) -> list[Group]:
    """The observations in [start, end): each kind noun with the count written before it.

    A noun that the text says was *not* observed ("heard no explosions", "did not hear any
    explosions or shots", "No shots were heard") gives no observation: its phrase goes to
    ``negated`` instead, and its words are claimed as understood.
    """
    clause_start = start if clause_start is None else clause_start
    negated_end: int | None = None  # where the last noun said not to be observed ends
    text = scan.text
    depth_view = _parenthesis_depth(text, start, end)
    nouns: list[re.Match[str]] = []
    weapon_noun_end: int | None = None  # the end of the last noun read as the weapon of the noun before
    for match in scan.find(KIND_NOUN, start, end):
        position = start + match.start()
        if depth_view[position - start] > 0:
            continue
        before = text[start:position]
        between = text[start + nouns[-1].end():position] if nouns else ""
        if nouns and OF_WEAPON_BEFORE.search(between) and not _NEW_COUNT.search(between):
            weapon_noun_end = start + match.end()
            continue  # "impacts of mortar rounds", "bursts of small-arms fire", "assessed as outgoing rounds"
        if (nouns and _AS_AFTER_NOUN.fullmatch(between) and not _NEW_COUNT.search(between)
                and _ASSESSED_COUNT_BEFORE.search(text, clause_start, start + nouns[-1].start())):
            weapon_noun_end = start + match.end()
            continue  # "the SMM assessed a further 30 explosions as tank rounds": the rounds name the explosions' weapon
        if (weapon_noun_end is not None and match["noun"].lower().startswith(("round", "shell"))
                and _SECOND_WEAPON.fullmatch(text, weapon_noun_end, position)):
            weapon_noun_end = start + match.end()
            continue  # "assessed as 120mm mortar rounds and 82mm mortar rounds": a second weapon of the same noun
        if (match["noun"].lower().startswith(("round", "shell")) and nouns and weapon_noun_end is None
                and (listed := _ASSESSED_WEAPON_LIST.fullmatch(between)) is not None and not _NEW_COUNT.search(between)
                and _LISTED_WEAPON_WORD.search(listed["last"])):
            # the same list when its first weapon's rounds were read with the assessment: "80 explosions assessed as
            # mortar (82mm) rounds, cannon rounds"
            weapon_noun_end = start + match.end()
            continue
        if (weapon_noun_end is not None and match["noun"].lower().startswith(("round", "shell"))
                and (listed := _LISTED_WEAPON.fullmatch(text, weapon_noun_end, position)) is not None
                and not _NEW_COUNT.search(text, weapon_noun_end, position)
                and _LISTED_WEAPON_WORD.search(listed["words"])):
            # "80 explosions assessed as mortar (82mm) rounds, cannon rounds (BMP-1, 73mm), recoilless gun rounds (SPG-9,
            # 73mm), automatic-grenade-launcher rounds": the weapons of the one count (patrol14: three more records of
            # unstated number, counted twice)
            weapon_noun_end = start + match.end()
            continue
        weapon_noun_end = None
        if match["noun"].lower().startswith("impact") and _MIXED_BEFORE.search(text, max(start, position - 80), position):
            continue  # "assessed as outgoing rounds and impacts": one assessment of the noun before, in two kinds
        if match["noun"].lower() == "fire" and (not re.search(r"[\w-]+\s+$", before) or _SOMEONE_BEFORE.search(before)):
            continue  # "saw him fire a burst": a verb
        if (re.match(r"(?i)explosions?$", match["noun"]) and nouns and re.match(r"(?i)impacts?$", nouns[-1]["noun"])
                and re.fullmatch(r"\s+", between)):
            scan.claim(position, start + match.end())
            continue  # "it heard and saw one impact explosion" (patrol20's R03: an impact and an explosion of no number)
        if match["noun"].lower() == "shelling" and re.match(r"\s+(?:impacts?|craters?)\b", text[start + match.end():], re.IGNORECASE):
            continue  # "observed three shelling impacts": impacts of shelling, one noun (patrol20's Q01: the shelling counted)
        if match["noun"].lower() == "fire" and nouns and nouns[-1]["noun"].lower().startswith(("rocket", "missile")) and (
                re.fullmatch(r"\s+", between)):
            scan.claim(position, start + match.end())
            continue  # "heard rocket fire 5km east": the rockets' fire, one observation (patrol20: two records)
        if match["noun"].lower() == "impact" and nouns and re.fullmatch(r"\s+", between):
            continue  # "six artillery rounds impact 2-3km east": a verb, read with the rounds
        if (match["noun"].lower().startswith("impact") and nouns and re.fullmatch(r"\s+and\s+", between)
                and re.match(r"(?i)(?:blast|explosion|detonation)", nouns[-1]["noun"])):
            scan.claim(position, start + match.end())
            continue  # "two undetermined blasts and impacts": the one count's noun (patrol18: an impact of no number beside)
        if UAV.search(match["noun"]) and _CONDUCT_FLIGHT_BEFORE.search(text, max(clause_start, position - 40), position) \
                and (flight := _FLIGHT_AFTER.match(text, start + match.end(), end)) is not None:
            # "to conduct an announced mini-unmanned aerial vehicle (UAV) flight": the mission's own flight (session 15: a
            # UAV seen)
            scan.claim(start + match.start(), flight.end())
            continue
        if UAV.search(match["noun"]) and OWN_UAV_BEFORE.search(text[max(clause_start, position - 40):position]):
            # "using its mini-UAV", "the SMM UAV": how the mission looked, not what it saw; nor a weapon of the fire
            # heard ("the OSCE team flew a UAV …, but observers heard six bursts": patrol13b, read as drone fire)
            if _FLEW_OWN_UAV.search(text, max(clause_start, position - 40), position):
                scan.claim(start + match.start(), start + match.end())
            continue
        exchange = _EXCHANGE_BEFORE.search(before) if match["noun"].lower() == "fire" else None
        counted_after = _COUNTED_AFTER.match(text, start + match.end(), end)
        if exchange is not None and counted_after is not None and KIND_NOUN.search(scan.view(start + match.end(), end)) is None:
            # "an exchange of fire involving small arms and heavy machine guns": the exchange is the observation,
            # of kind other, with the weapons named after it
            scan.claim(start + exchange.start(), start + exchange.end("lead"))
            scan.claim(counted_after.start(), counted_after.end())
        elif exchange is not None and counted_after is not None:
            # "an exchange of fire involving 12 explosions and …", "an exchange of fire: 22 bursts …":
            # what follows is what was counted (without it, "heard exchanges of fire 3-5km south" is
            # itself the observation)
            scan.claim(start + exchange.start(), start + match.end())
            continue
        if exchange is not None:  # "heard exchanges of (small-arms) fire": fire, kind other; its weapon is read later
            scan.claim(start + exchange.start(), start + exchange.end("lead"))
        nouns.append(match)
    items: list[tuple[int, int, str]] = [(start + match.start(), start + match.end(), match["noun"]) for match in nouns]
    if nouns:
        for match in scan.find(ELLIPTIC, start + nouns[0].end(), end):
            position = start + nouns[0].end() + match.end()
            if match["placed"] is not None:
                noun_before = max((noun.end() for noun in nouns if start + noun.end() <= position), default=0)
                after_noun = start + noun_before + len(text[start + noun_before:]) - len(text[start + noun_before:].lstrip(" ,:"))
                if (DISTANCE.search(text, start + noun_before, position - len(match["n"])) is None
                        or PLACE_ITEM.match(text, after_noun) is not None):
                    continue  # no distance of its own before: a breakdown by place ("six explosions, four 2km …")
            if depth_view[position - start - 1] == 0:
                items.append((position, position, ""))
        items.sort()
    groups: list[Group] = []
    previous_end = start
    for noun_start, noun_end, noun in items:
        if not noun:  # an elliptical count repeats the kind before it
            if not groups:
                continue
            noun, kind = "-", groups[-1].kind
        else:
            kind = base_kind(noun)
        window = scan.view(previous_end, noun_start)
        count = COUNT.search(window)
        episodes = _EPISODES_BEFORE.search(window)
        if episodes is not None:  # "two episodes of tracer fire": the episodes are counted, not the rounds
            count = None
        not_one = count is not None and count["n1"] and re.search(
            r"\bnot\s+$", text[clause_start:previous_end + count.start()][-12:], re.IGNORECASE)
        if count is None or not count["n1"] or not_one:  # "Not a single shot": a count that is denied
            before = text[clause_start if not groups and negated_end is None else previous_end:noun_start]
            denial = NEGATION.search(before)
            if denial is None and negated_end is not None and negated_end == previous_end:
                denial = NEGATED_LIST.fullmatch(text, previous_end, noun_start)  # "any explosions or shots"
            if denial is not None:
                phrase_start = (clause_start if not groups and negated_end is None else previous_end) + denial.start()
                if denial.re is NEGATED_LIST:
                    phrase_start = denial.start()
                scan.claim(phrase_start, noun_end)
                if negated is not None:
                    negated.append(text[phrase_start:noun_end].strip(" ,"))
                previous_end = negated_end = noun_end
                continue
        group_start = noun_start
        group = Group(start=noun_start, end=noun_end, kind=kind, kinds=[kind], crater=noun.lower().startswith("crater"),
                      sighting=_noun_sighting(noun))
        if group.sighting == "damage" and noun.lower().endswith("damage") and count is not None and not count["vague"]:
            # "a burnt-out car with shrapnel damage": the count is of what was damaged, not of the damage
            damaged = re.sub(r"\s+(?:with|and)\s*$", "", count.group(0).strip() + " ").strip()
            if damaged:
                group.details["damage_to"] = re.sub(r"\s+", " ", damaged)
            scan.claim(previous_end + count.start(), noun_start)
            group_start = group.start = previous_end + count.start()
            count = None
        if count is not None and count["n1"] and group.kind.startswith("explosion"):
            lead = _ASSESSED_COUNT_LEAD.search(text, clause_start, previous_end + count.start())
            if lead is not None:  # "The SMM assessed a further 30 explosions as tank rounds": the verb, and its assessment
                scan.claim(lead.start(), lead.end())
                group.assessed_lead = True
        if group.sighting == "uxo":  # "an unexploded 82mm mortar round", "an unexploded rocket-propelled grenade (RPG-7)"
            _weapon_in_noun(group, noun)
        if noun.lower().startswith("gun"):  # "three gunshots"
            group.weapon = "small_arms"
        if group.sighting == "mine" and re.match(r"(?i)sign", noun):  # "a sign reading 'Danger mines'": signs, not mines counted
            count = None
        if noun.lower() == "fire":
            group.kind, group.kinds = "other", ["other"]
            adjectives_start = _words_back(window, 3)
            listed = _WEAPON_LIST_BEFORE.search(window)
            if listed is not None:  # "numerous small arms and heavy machine gun fire": all the weapons named
                adjectives_start = min(adjectives_start, listed.start())
                if listed["vague"]:
                    group.count_qualifier = re.sub(r"\s+", " ", listed["vague"].lower())
                    scan.claim(previous_end + listed.start("vague"), previous_end + listed.end("vague"))
            group_start = previous_end + adjectives_start
            _read_weapon(scan, group, group_start, noun_start)
            direction = _KIND_ADJECTIVE.search(scan.view(group_start, noun_start))
            if direction is not None and direction.group(0).lower() in ("outgoing", "incoming"):
                # "outgoing tank fire": rounds of a weapon that explodes, as "outgoing rounds"; small-arms fire stays other
                if group.weapon not in _SMALL_CALIBRE:
                    group.kind = "explosion_outgoing" if direction.group(0).lower() == "outgoing" else "explosion_impact"
                    group.kinds = [group.kind]
                scan.claim(group_start + direction.start(), group_start + direction.end())
        elif count is not None:
            group_start = previous_end + count.start()
            group.count_qualifier = ph.COUNT_QUALIFIERS.get((count["qual"] or "").lower())
            if count["vague"]:
                group.count_qualifier = re.sub(r"\s+", " ", count["vague"].lower())
            else:
                number = parse_number_or_none(count["n1"])
                upper = parse_number_or_none(count["n2"] or count["n2w"])
                if count["nb"]:  # "between 15 and 20 explosions"
                    number, upper = parse_number_or_none(count["nb"]), number
                if upper is not None and number is not None and upper >= number:
                    group.count, group.count_min = upper, number
                else:
                    group.count = number
                if count["or_so"] or count["odd"]:  # "ten or so bursts", "forty-odd explosions"
                    group.count_qualifier = "about"
            group.kind = adjective_kind(count["adjs"], group.kind)
            direction_of_fire = re.search(r"\b(?:outgoing|incoming)\b", count["adjs"], re.IGNORECASE)
            if group.kind == "shot" and direction_of_fire is not None:  # "14 outgoing tank shots"
                group.fire = direction_of_fire.group(0).lower()
            if re.search(r"\bincoming\b", count["adjs"], re.IGNORECASE) and re.search(r"\boutgoing\b", count["adjs"], re.IGNORECASE):
                # "40 incoming and outgoing explosions": both, in numbers not given
                group.kind = "explosion_undetermined" if group.kind.startswith("explosion") else group.kind
                group.warnings.append(f"{count['adjs'].strip()!r}: the count is not split between them, so the kind is "
                                      "undetermined")
            if group.kind == "explosion_undetermined" and (fired := _FIRING_BEFORE.search(window, 0, count.start())):
                # "a tank (T-64) firing two rounds", "the launch of a missile", "the SMM saw … firing": fire seen leaving; not
                # "They … having fired a total of 52 rounds" (a party's statement of its enemy, patrol20's R10: outgoing)
                fired_at = previous_end + fired.start()
                if (fired["of"] or _FIRER_BEFORE.search(text, max(clause_start, fired_at - 60), fired_at)
                        or _OBSERVER_WORDS.search(text, clause_start, fired_at)):
                    group.kind = "explosion_outgoing"
                    group.fired_verb = True
                scan.claim(previous_end + fired.start(), previous_end + fired.end())
            group.kinds = [group.kind]
            _fresh_damage(group, count["adjs"], noun)
            adjectives_start = previous_end + count.start("adjs")
            _claim_kind_adjectives(scan, adjectives_start, noun_start)
            scan.claim(group_start, adjectives_start)
            _read_weapon(scan, group, adjectives_start, noun_start)
            shared = _SHARED_PARTS.search(window, 0, count.start()) if group.kind.startswith("explosion") else None
            if shared is not None and group.count is not None and not count["qual"]:
                # "8 incoming/11 outgoing and 20 unknown explosions": counts joined by slashes share the noun after
                # the last; one record per part, with no ``breakdown_of`` (the text gives no total)
                parts = [(_PART_KIND.get(item["what"].lower(), group.kind) if item["what"] else group.kind,
                          ph.parse_number(item["n"]) or 0) for item in _SHARED_PART.finditer(shared.group(0))]
                group.breakdown = [*parts, (group.kind, group.count)]
                group.count = sum(number for _, number in group.breakdown)
                group.breakdown_summed = True
                group_start = previous_end + shared.start()
                scan.claim(group_start, previous_end + count.start())
            by_weapon = (_SHARED_WEAPON_PARTS.search(window, 0, count.start())
                         if group.kind.startswith("explosion") and group.weapon is not None and shared is None else None)
            if by_weapon is not None and group.count is not None:
                # "40 undetermined explosions, ten mortar and 24 automatic-grenade-launcher impacts" (patrol20's P05: the
                # ten were lost and their mortar given to the 40): counts named by weapon share the noun after the last
                weapon_items = list(_SHARED_WEAPON_PART.finditer(by_weapon.group(0)))
                labels = [next((label for pattern, label in ph.WEAPON_PATTERNS if pattern.fullmatch(item["weapon"])), None)
                          if not item["mm"] else ph.weapon_for_calibre(int(item["mm"])) for item in weapon_items]
                if all(labels):
                    group.breakdown = [*((group.kind, ph.parse_number(item["n"]) or 0) for item in weapon_items),
                                       (group.kind, group.count)]
                    group.breakdown_weapons = {index: label for index, label in enumerate([*labels, group.weapon]) if label}
                    group.count = sum(number for _, number in group.breakdown)
                    group.breakdown_summed = True
                    group.breakdown_calibres = {len(weapon_items): group.calibre_mm}  # each part names its own weapon
                    for index, item in enumerate(weapon_items):
                        if item["mm"]:
                            group.breakdown_calibres[index] = int(item["mm"])
                    if group.count_qualifier is not None:  # "fifty-two 120-mm and over thirty 82-mm mortar rounds"
                        group.breakdown_qualifiers[len(weapon_items)] = group.count_qualifier
                        group.count_qualifier = None
                    group_start = previous_end + by_weapon.start()
                    scan.claim(group_start, previous_end + count.start())
        else:
            # "heard bursts of heavy-machine-gun fire and shots": the words just before "shots", not across "and"
            adjectives = re.search(r"((?:(?<![\w-])(?!(?:and|or|nor|of|fire|but|then)\b)[A-Za-z0-9\-()]+\s+){0,3})$", window, re.IGNORECASE)
            if adjectives is not None and adjectives.group(1):
                group.kind = adjective_kind(adjectives.group(1), group.kind)
                group.kinds = [group.kind]
                _fresh_damage(group, adjectives.group(1), noun)
                _claim_kind_adjectives(scan, previous_end + adjectives.start(1), noun_start)
                listed = _WEAPON_LIST_BEFORE.search(window) if group.kind in ("burst", "shot") else None
                if listed is not None and listed.start() < adjectives.start(1):
                    # "sporadic small-arms and heavy machine-gun bursts": the weapons of a list, the first named first
                    # (patrol20's P03: the heavy machine gun, the words before "and" unread)
                    group.start = group_start = previous_end + listed.start()
                    _read_weapon(scan, group, previous_end + listed.start(), noun_start)
                    scan.claim(previous_end + listed.start(), previous_end + adjectives.start(1))
                _read_weapon(scan, group, previous_end + adjectives.start(1), noun_start)
        rounds_of = (_COUNT_OF_ROUNDS_AFTER.match(scan.view(noun_end, end)) if group.count is None and count is None
                     and re.match(r"(?i)(?:explosion|detonation|blast)s?$", noun) else None)
        if rounds_of is not None:
            # "The explosion of three mines of this caliber was recorded" (patrol20's R06: an explosion of no number)
            group.count = ph.parse_number(rounds_of["n"])
            scan.claim(noun_end, noun_end + rounds_of.end())
            _read_weapon(scan, group, noun_end, noun_end + rounds_of.end())
        hits_of = _HITS_OF.search(scan.view(previous_end, group_start)) if kind.startswith("explosion") else None
        if hits_of is not None:  # "recorded hits of MLRS Grad rockets on Sobinov Street" (patrol20's Q06): impacts
            scan.claim(previous_end + hits_of.start(), previous_end + hits_of.end())
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            if hits_of["n"] and group.count is None:  # "three direct hits by mortar rounds": three impacts
                group.count = ph.parse_number(hits_of["n"])
                group.start = group_start = min(group_start, previous_end + hits_of.start())
        hit_by = _HIT_BY.search(scan.view(previous_end, group_start)) if kind.startswith("explosion") else None
        if hit_by is not None:  # "her house was hit by a shell": an impact ("had been hit": see read_clause)
            scan.claim(previous_end + hit_by.start(), previous_end + hit_by.end())
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            group.hit_before = bool(hit_by["perfect"])
        if episodes is not None:
            scan.claim(previous_end + episodes.start(), previous_end + episodes.end("lead"))
            if episodes["n"]:
                group.episodes = ph.parse_number(episodes["n"])
            group.count_qualifier = (ph.COUNT_QUALIFIERS.get((episodes["qual"] or "").lower())
                                     or (re.sub(r"\s+", " ", episodes["vague"].lower()) if episodes["vague"] else None))
            group.start = group_start = min(group_start, previous_end + episodes.start())
        if noun.lower().startswith("rocket") and not noun.lower().endswith(("grenade", "grenades")):  # "12 rockets launched"
            group.weapon = group.weapon or "rocket"  # the weapon is in the noun
        if noun.lower().endswith(("grenade", "grenades")):  # "a rocket-propelled grenade (RPG) was fired"
            _weapon_in_noun(group, noun)
        if noun.lower().startswith("missile"):  # "a surface-to-air missile", "an anti-tank guided missile"
            _read_weapon(scan, group, group_start, noun_end)
            group.weapon = group.weapon or "rocket"
        if AIRCRAFT.search(noun):  # "two helicopters", "a Mi-8 helicopter": seen or heard, not fire
            group.kind, group.kinds, group.sighting = "other", ["other"], "aircraft"
            if _DAMAGE_TO_BEFORE.search(scan.text, max(0, noun_start - 50), noun_start) is not None:
                # "… one hit the runway resulting in damage to an airplane" (patrol21's U20): what was damaged, not an
                # aircraft seen flying
                group.sighting, group.count, group.count_min = "damage", None, None
        if group.sighting in ("aircraft", "uav"):  # "a low-flying helicopter"
            _read_altitude(scan, group, group_start, noun_start)
        if noun.lower().startswith("salvo"):  # "an outgoing salvo": salvos counted, the rounds in each unstated
            group.salvos, group.count, group.count_min = group.count, None, None
            group.part_of_previous = bool(groups and groups[-1].kind.startswith("explosion") and re.search(
                r",?\s*\bincluding\s*$", scan.text[groups[-1].end:group_start] if groups[-1].end <= group_start else ""))
        if group.count is None and groups and groups[-1].count is not None and re.search(r"\b(?:their|its)\s+(?:subsequent\s+|later\s+)?$", window, re.IGNORECASE):
            # "nine outgoing mortar rounds … and their impact", "a projectile …, followed by its impact": as many as before
            group.count = groups[-1].count
            group.same_rounds = True
            their = re.search(r"\b(?:their|its)\s+(?:subsequent\s+|later\s+)?$", window, re.IGNORECASE)
            assert their is not None
            scan.claim(previous_end + their.start(), previous_end + their.end())
        if (groups and group.sighting == "damage" and groups[-1].sighting == "damage" and groups[-1].end <= noun_start
                and re.fullmatch(r"\s*(?:and|,|,\s*and)\s*", text[groups[-1].end:group_start])):
            # "broken windows and shrapnel damage": one report of damage
            groups[-1].end = noun_end
            scan.claim(group_start, noun_end)
            previous_end = noun_end
            continue
        cause = _CAUSED_BY_BEFORE.match(text, groups[-1].end, noun_start) if (
            groups and count is None and groups[-1].end <= group_start and (groups[-1].sighting == "damage" or groups[-1].crater)
            and noun.lower() in ("fire", "shelling", "shooting")) else None
        if cause is not None:
            # "damage from small-arms fire to a shop", "damage and craters caused by shelling" (patrol20's P12, patrol19b's
            # O06): what made the damage seen, not fire observed; its weapon is the damage's
            if group.weapon is not None and groups[-1].weapon is None:
                groups[-1].weapon = group.weapon
            groups[-1].details["caused_by"] = re.sub(r"\s+", " ", text[group_start:noun_end]).strip()
            groups[-1].end = noun_end
            scan.claim(cause.start(), noun_end)
            previous_end = noun_end
            continue
        # "bursts and shots": one count for both
        if (
            groups and count is None and group.kind in MERGEABLE and groups[-1].kinds[-1] in MERGEABLE
            and re.fullmatch(r"\s*(?:and|or|,)\s*", text[groups[-1].end:noun_start] if groups[-1].end <= noun_start else "x")
        ):
            groups[-1].kinds.append(group.kind)
            groups[-1].end = noun_end
            scan.claim(noun_start, noun_end)
            previous_end = noun_end
            continue
        group.start = group_start
        scan.claim(noun_start, noun_end)
        groups.append(group)
        previous_end = noun_end
    return groups


#: Between damage seen and the fire that made it: "damage from small-arms fire", "craters caused by shelling".
_CAUSED_BY_BEFORE = re.compile(r"\s*(?:(?:(?:assessed\s+as\s+)?caused|made|left)\s+by|from|due\s+to|as\s+a\s+result\s+of|resulting\s+from)"
                               r"\s+(?:the\s+|an?\s+)?(?:[\w()-]+\s+){0,4}$", re.IGNORECASE)
#: Episodes of fire counted, not rounds: "two episodes of tracer fire", "three periods of small-arms fire".
_EPISODES_BEFORE = re.compile(
    r"(?P<lead>(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?:(?P<vague>" + ph.VAGUE_COUNTS + r")|(?<![\d:.,])(?P<n>\d+|(?i:"
    + ph.NUMBER_WORD + r"))|an?)\s+(?P<what>(?i:episodes?|instances?|incidents?|bouts?|periods?|spells?|waves?))\s+of\s+)"
    r"(?:(?:and\s+)?(?!(?:and|or|of)\b)[A-Za-z(][\w\-()]*\s+){0,4}(?:(?:an?\s+)?exchanges?\s+of\s+(?:[\w()-]+\s+){0,3})?$", re.IGNORECASE)
_SHARED_PART = re.compile(
    r"(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?P<what>(?i:incoming|outgoing|impacts?|undetermined|unknown|unidentified))"
    r"\s*(?:/|,\s*(?:and\s+)?|\band\b|\bor\b)\s*")
#: Counts before a shared noun, joined by slashes, commas or "and": "8 incoming/11 outgoing and 20 unknown" explosions.
_SHARED_PARTS = re.compile(r"(?<![\w/])(?:" + _SHARED_PART.pattern + r")+$")
#: The same, named by weapon: "ten mortar and" 24 automatic-grenade-launcher impacts.
_SHARED_WEAPON_PART = re.compile(
    r"(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?P<weapon>(?i:" + "|".join(pattern.replace(r"\s+", r"[-\s]+") for pattern, _ in ph.WEAPONS)
    # or its calibre: "fifty-two 120-mm and over thirty 82-mm mortar rounds" (patrol20's R08: the 52 were lost)
    + r")|(?P<mm>60|82|120|122|152)\s?-?\s?mm)\s*(?:,\s*(?:and\s+)?|\band\b)\s*")
_SHARED_WEAPON_PARTS = re.compile(r"(?<![\w/-])(?:" + _SHARED_WEAPON_PART.pattern + r")+$")
_PART_KIND = {"incoming": "explosion_impact", "impact": "explosion_impact", "impacts": "explosion_impact",
              "outgoing": "explosion_outgoing", "undetermined": "explosion_undetermined",
              "unknown": "explosion_undetermined", "unidentified": "explosion_undetermined"}
#: "… south of Verkhnoshyrokivske and one explosion": a new count after "and" or a comma starts a new
#: observation, even after an "of" that would otherwise name the weapon of the noun before; also after "as well" written
#: without its "as" ("… 82mm mortar on 24 December as well numerous bursts of small-arms …", patrol18c's E09).
_NEW_COUNT = re.compile(r"(?:,|\band\b|\bor\b|\bas\s+well(?:\s+as)?\b|\b(?:aggregated\s+)?totals?\s+of\b)\s+"
                        r"(?:\d+|(?i:" + ph.NUMBER_WORD + r"|" + ph.VAGUE_COUNTS + r"))\s+"
                        r"(?:(?!(?i:assessed|as|of|were|was|which|them)\b)[A-Za-z(][\w\-()]*\s+){0,3}$"
                        # "… and some exchanges of small-arms fire": an exchange, not the weapon of the noun before
                        r"|(?:,|\band\b|\bas\s+well\s+as\b)\s+(?:an?\s+|(?i:some|several|sporadic)\s+)?(?i:exchanges?)\s+of\s+"
                        r"(?:[\w()-]+\s+){0,4}$"
                        # "… and four episodes of (exchanges of) fire": episodes of a new observation
                        r"|(?:,|\band\b|\bas\s+well(?:\s+as)?\b)\s+(?:\d+|an?|(?i:" + ph.NUMBER_WORD + r"|" + ph.VAGUE_COUNTS + r"))\s+"
                        r"(?i:episodes?|instances?|incidents?|bouts?|periods?|spells?|waves?)\s+of\s+(?:[\w()-]+\s+){0,5}$")
#: Between a noun read as a weapon and another such noun: "… 120mm mortar rounds *and 82mm mortar* rounds".
_SECOND_WEAPON = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:\(?\d+\s?mm\)?\s+)?(?:(?!(?:of|as|at|in)\b)[A-Za-z][\w-]*\s+){0,3}",
                            re.IGNORECASE)
#: A further weapon's rounds in a list after "assessed as … rounds": ", cannon rounds", " (BMP-1, 73mm), recoilless gun ".
_LISTED_WEAPON = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*(?:and\s+|or\s+)?(?P<words>(?:\(?\d+\s?mm\)?\s+)?"
                            r"(?:(?!(?:of|as|at|in|and|or)\b)[A-Za-z][\w-]*\s+){1,3})", re.IGNORECASE)
_ASSESSED_WEAPON_LIST = re.compile(r"\s*,?\s*assessed\s+as\s+(?:(?:\(?\d+\s?mm\)?|(?!(?:of|at|in|and|or)\b)[A-Za-z][\w-]*)\s+){1,4}"
                                   r"(?:rounds?|shells?)\s*(?:\([^()]*\)\s*)?,\s*(?P<last>(?:(?!(?:of|as|at|in|and|or)\b)"
                                   r"[A-Za-z][\w-]*\s+){1,3})", re.IGNORECASE)
_MIXED_BEFORE = re.compile(r"\b(?:assessed|believed)\s+(?:as|to\s+be)\s+(?:both\s+)?(?:outgoing|incoming)(?:\s+rounds?)?\s+and\s+(?:as\s+)?$",
                           re.IGNORECASE)
_WEAPON_WORDS = r"(?:" + "|".join(pattern.replace(r"\s+", r"[-\s]+") for pattern, _ in ph.WEAPONS) + r")"
_LISTED_WEAPON_WORD = re.compile(_WEAPON_WORDS + r"|\b(?:cannon|gun|launcher|howitzer)\b", re.IGNORECASE)
#: The weapons named before "fire", with an unstated number: "numerous small arms and heavy machine gun fire".
_WEAPON_LIST_BEFORE = re.compile(
    r"(?:(?P<vague>" + ph.VAGUE_COUNTS + r"|some)\s+)?(?:(?:outgoing|incoming|sporadic|continuous|intense|intensive)\s+)?"
    + _WEAPON_WORDS + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)" + _WEAPON_WORDS + r")*\s+$", re.IGNORECASE)
#: Calibres, weapons and "outgoing"/"incoming" just before a kind noun that has no count: "120mm mortar rounds".
_NAMED_BEFORE = re.compile(r"(?<![\w-])(?:(?:\(?\d+\s?mm\)?|outgoing|incoming|" + _WEAPON_WORDS + r")\s+)+$", re.IGNORECASE)
_EXCHANGE_BEFORE = re.compile(r"(?P<lead>\b(?:an?\s+)?exchanges?\s+of\s+)(?:[\w()-]+\s+){0,4}$", re.IGNORECASE)
_COUNTED_AFTER = re.compile(r"\s*(?::|,?\s*(?:involving|including|consisting\s+of|with|of)\b)", re.IGNORECASE)
#: Adjectives that set a kind ("outgoing rounds", "illumination flares"): understood once read.
_SOON_AFTER = re.compile(r"\b(?:shortly|soon|immediately)\s+(?:after(?:wards)?|thereafter)\b", re.IGNORECASE)
_MIXED_ASSESSED = re.compile(
    r"(?:\b(?:assessed|believed)\s+(?:as|to\s+be)\s+(?:both\s+)?|\bconsistent\s+with\s+(?:both\s+)?|\(\s*)(?P<a>outgoing|impacts?|incoming)(?:\s+rounds?)?"
    r"\s+and\s+(?:as\s+)?(?P<b>outgoing|impacts?|incoming)(?:\s+rounds?)?\b(?:\s*\))?",
    re.IGNORECASE,
)
_SMALL_CALIBRE = {"small_arms", "machine_gun", "heavy_machine_gun"}
_DURATION = re.compile(r"\b(?:in|over|within|during|for)\s+(?:an?\s+|the\s+)?(?:(?:space|span|period|course)\s+of\s+)?"
                       r"(?P<span>(?:(?:about|approximately|around|some|nearly|almost|"
                       r"roughly|over|more\s+than|less\s+than|up\s+to)\s+)?(?:\d+|an?|a\s+few|several|" + ph.NUMBER_WORD + r")[- ](?:second|minute|hour)"
                       r"(?:s|-long)?)(?:\s+(?:period|span|interval))?(?:\s+of\s+observation)?\b", re.IGNORECASE)
#: How the patrol itself was placed or moved, not where the fire was: "from inside their vehicles", "while driving",
#: "while the SMM continued driving west for about 100 metres to leave the area", a camera "facing north-east".
_PATROL_STATE = re.compile(
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
#: Fire heard near the mission's own UAV: "heard 20 shots of small-arms fire near the UAV" (fire at the mission).
_NEAR_OWN_UAV = re.compile(
    r"\b(?:near|around|close\s+to|in\s+the\s+vicinity\s+of)\s+(?P<target>(?:the|its)\s+(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?))\b", re.IGNORECASE)
_ASSESSED_LEAD = re.compile(
    r"\b(?:explosions?|detonations?|blasts?)\s+(?:that\s+|which\s+)?(?:it|the\s+SMM|they|the\s+mission)\s+assessed\s+as\s+"
    r"(?=(?:" + ph.NUMBER + r")\s)", re.IGNORECASE)
#: A fire seen burning (a blaze): "saw a fire burning in a field", "a fire had broken out".
_BLAZE = re.compile(r"^[\s\x1f]*(?:(?:was|had)\s+)?(?:burning|blazing|raging|broke\s+out|(?:been\s+)?broken\s+out)\b", re.IGNORECASE)
#: "the SMM heard what it assessed as two outgoing rounds": the assessment is the count's own (understood).
_WHAT_ASSESSED = re.compile(r"\bwhat\s+(?:it|the\s+(?:SMM|mission|patrol|team)|they)\s+(?:assessed|believed)\s+(?:as|to\s+be)\s+(?:being\s+)?",
                            re.IGNORECASE)
#: The length of a front fire was opened on, not a distance from anyone: "opened fire on a front of 11 kilometres"
#: (patrol21's U17: read as fire 11km from the observer).
_FRONT_LENGTH = re.compile(r"\b(?:on|along|over)\s+(?:an?\s+|the\s+)?(?:\d+(?:[.,]\d+)?[- ]?(?:km|kilomet(?:re|er)s?)[- ]+)?(?:wide\s+|long\s+)?"
                           r"front(?:\s*line)?\s+of\s+(?:about\s+|some\s+|around\s+)?\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:re|er)s?)\b",
                           re.IGNORECASE)
_CLOSER = re.compile(r"\bfrom\s+(?:a|the)\s+(?:closer|shorter|nearer|greater|longer)\s+distance\b", re.IGNORECASE)
_DASHED_ASSESSMENT = re.compile(r"^[\s\x1f]*-\s*(?P<what>outgoing|incoming|impacts?)\s*-(?=\s)", re.IGNORECASE)
_ACTION_AFTER = re.compile(r"^[\s\x1f]*(?:had\s+|have\s+|has\s+)?(?P<verb>impact(?:ed|ing)?|land(?:ed|ing)?|hit|struck|striking|"
                           # "The rockets fell in an open field" (patrol20b's T06): landed
                           r"fell(?=\s+(?:in|on|into|inside|near|onto|close)\b)|launched|being\s+launched|(?:being\s+)?fired(?!\s+(?:from|at|by|upon|on|in\s+the\s+air)\b)"
                           r"|explod(?:e|ed|es|ing)|detonat(?:e|ed|es|ing))\b(?!\s+in\s+(?:the\s+)?(?:air|mid-air|sky))",
                           re.IGNORECASE)
#: Where rounds that "exploded" were, written just after the verb: "several mortar shells exploded in an open area", "two
#: rockets exploded inside the Golan Heights", "Twelve artillery shells exploded in the area" (patrol20b's S10, S12 and
#: patrol20's P19: undetermined). CONTRACTS.md names no verb; by the batches' rule rounds said to have exploded on a place
#: landed there, so impacts. Not a time ("exploded on Monday", "in the morning"), nor the air ("in mid-air": airbursts).
_EXPLODED_ON_PLACE = re.compile(
    r"^[\s\x1f]*(?:(?:in|inside|on|onto|into|near|within|close\s+to|next\s+to|in\s+the\s+(?:area|vicinity)\s+of)\s+)"
    r"(?!(?:the\s+|an?\s+)?(?:air|mid-air|sky|morning|afternoon|evening|night|day|days|time|moment|same|early|late|course|period"
    r"|minutes?|hours?|seconds?|succession|sequence|quick|rapid|turn|a\s+row|\d|" + ph.MONTH + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)",
    re.IGNORECASE)
#: Rounds fired onto a place, as a party's statement writes them: "93 mortar rounds of 82 mm caliber were launched onto
#: the vicinities of 12 DPR localities", "More than 40 mortar rounds have been fired on the DPR territory" (patrol19:
#: undetermined): where they landed, so impacts (not at the mission: that is ``_AT_MISSION``).
_FIRED_ONTO_AFTER = re.compile(
    r"^[\s\x1f]*(?:of[\s\x1f]+[\w\s\x1f-]{0,30}?calib(?:re|er)s?\s+)?(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?P<verb>(?:fired|launched)\s+(?:on|onto|upon)(?!\s+(?:the\s+)?(?:SMM|OSCE|mission|patrol|its|their|UAV|mini-UAV)\b))\b",
    re.IGNORECASE)
#: Rounds a party says its enemy fired on a place, the verb before them: "firing mortar shells on southern areas of the
#: capital", "fired 12 shells on Avdiivka" (patrol21's U22: undetermined). By the batches' rule (fired onto a place, as
#: ``_FIRED_ONTO_AFTER``) impacts; not a day ("on Monday", "on 3 March"), nor the mission.
_FIRED_BEFORE = re.compile(r"\b(?:fired|firing|launched|launching)\s+(?:a\s+total\s+of\s+|about\s+|some\s+|over\s+|more\s+than\s+"
                           r"|almost\s+|nearly\s+|at\s+least\s+)?$",
                           re.IGNORECASE)
#: (also the place first: "fired on territory of the self-proclaimed Lugansk People's Republic (LPR) more than 250 shells",
#: patrol21's V09)
_FIRED_ONTO_BEFORE = re.compile(r"(?:\b(?:fired|launched)\s+(?:on|onto)\s+(?:the\s+)?territory\s+of\s+[^.;:\d]{1,80}?\s+"
                                # "onto the territory of the Republic there were launched 390 projectiles" (V10)
                                r"|\bon(?:to)?\s+(?:the\s+)?territory\s+of\s+[^.;:\d]{1,80}?\s+(?:there\s+)?(?:were|was|have\s+been|had\s+been)\s+"
                                r"(?:launched|fired)\s+)"
                                r"(?:a\s+total\s+of\s+|about\s+|some\s+|over\s+|more\s+than\s+|almost\s+|nearly\s+)?$", re.IGNORECASE)
_ON_PLACE_AFTER = re.compile(
    r"^[\s\x1f]*(?:(?:of[\s\x1f]+[\w\s\x1f-]{0,30}?calib(?:re|er)s?\s+)?)(?:on|onto|upon)\s+"
    r"(?!(?:the\s+)?(?:SMM|OSCE|mission|patrol|UAV|mini-UAV|drones?|night|morning|afternoon|evening|day|same|following|previous"
    r"|\d|" + ph.MONTH + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    r"(?=(?:the\s+|their\s+|our\s+|its\s+|enemy\s+)?(?:(?-i:[A-Z])|(?:[\w-]+ern\s+)?(?:positions?|areas?|neighbou?rhoods?"
    r"|villages?|towns?|settlements?|residential|houses|homes|territory|outskirts)\b))", re.IGNORECASE)
#: Rounds fired and what they hit, written after them: "Three guided missiles were fired destroying an SMM observation
#: camera", "two shells were launched, hitting a house" (patrol19b's M19: undetermined). The text says where they landed,
#: so impacts; "were fired at the camera" alone says only where they were aimed (undetermined).
_FIRED_HITTING_AFTER = re.compile(
    r"^[\s\x1f]*(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?(?P<verb>(?:fired|launched)"
    r"(?:\s+at\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,4}?[\w'-]+)?\s*,?\s+(?:and\s+)?(?:destroying|damaging|hitting|striking"
    r"|(?:(?<=and\s)(?:destroyed|damaged|hit|struck|landed)))\b)", re.IGNORECASE)
#: Rockets written as launched, just after the noun: "rocket launches", "rocket firing".
_LAUNCHES_AFTER = re.compile(r"^[\s\x1f]*(?P<word>launch(?:es)?|launchings?|firing)\b(?!\s+(?:positions?|sites?|pads?|systems?)\b)",
                             re.IGNORECASE)
#: Where counted rounds landed, written after them: ", all of which landed in a field", ", both of which hit the road".
_ALL_LANDED = re.compile(r",?\s*\b(?:(?:all|both|each)\s+of\s+(?:which|them)|(?:which|that)\s+(?:then\s+|later\s+)?)\s*(?:[\w'-]+\s+){0,8}?"
                         r"(?:landed|impacted|hit|struck)\b", re.IGNORECASE)
#: An origin that is only a direction or a flight ("from the north-west", "from west to east", "from a south-westerly
#: direction") is read as before (not "from the eastern outskirts of Horlivka").
_COMPASS = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:erly|wards?)?|[NSEW]{1,3})"
_COMPASS_WORD = re.compile(r"\s*(?:the\s+|an?\s+)?" + _COMPASS + r"(?:\s+to\s+(?:the\s+)?" + _COMPASS + r")?(?:\s+directions?)?\s*",
                           re.IGNORECASE)
#: Rounds written with where they came from, then where they landed: "a mortar shell from Syria landed on the Golan
#: Heights", "a rocket fired from the Syrian side of the … crossing … landed in northern Israel", "mortar shells from
#: Pakistan side also fell in residential areas" (patrol20b's S11, S12, S14: undetermined, and the origin the place).
_FROM_THEN_LANDED = re.compile(
    r"^[\s\x1f]*(?:(?:(?:that|which)\s+(?:were|was|had\s+been)\s+|(?:believed|thought|said|assessed)\s+to\s+(?:be\s+|have\s+)?"
    r"(?:have\s+)?been\s+)?(?:fired|launched)\s+)?from\s+(?P<origin>(?:between\s+[\w'-]+\s+and\s+[\w'-]+"  # "… crossing between X and Y"
    r"|(?!\b(?:and|but|while|which|that|fired|launched)\b)[^,.;:()])"
    r"{1,90}?)\s+(?:also\s+|then\s+|later\s+)?(?:had\s+|have\s+|has\s+)?(?P<verb>landed|impacted|hit|struck|fell(?!\s+short\b)|exploded)\b",
    re.IGNORECASE)
#: A line the text places fire by, not a place to locate: "across the Line of Control", "from the direction of the
#: Administrative Boundary Line", "in the area of separation".
_LINE = re.compile(
    r"\b(?P<relation>across|along|near|over|inside|into|in|within|towards|beyond|from\s+the\s+direction\s+of|on\s+the\s+(?:other|far)\s+side\s+of)"
    r"\s+the\s+(?P<line>area\s+of\s+(?:separation|limitation)|Administrative\s+Boundary\s+Line|ABL|Line\s+of\s+Control|LoC"
    r"|line\s+of\s+contact|contact\s+line|Blue\s+Line|ceasefire\s+line|Alpha\s+line|Bravo\s+line|Working\s+Boundary)\b"
    r"(?:\s*\((?:ABL|LoC|AoS|LoCs)\))?", re.IGNORECASE)
#: Fire at the mission itself: "the SMM's mini-UAV was fired upon", "an SMM patrol came under fire".
_TARGET = re.compile(
    r"\b(?P<target>(?:the\s+|an?\s+)?(?:SMM(?:'s)?|its|OSCE|UN|EUMM)\s+(?:(?:mini|mid-range|long-range|fixed-wing)[- ]?)?"
    r"(?:UAVs?|mini-UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|vehicles?|cameras?|monitors?|team))(?:\s*\(UAVs?\))?"
    r"\s+(?:was|were|came|had\s+been|has\s+been)\s+(?:assessed\s+as\s+(?:being\s+)?)?"
    r"(?:fired\s+(?:up)?on|shot\s+at|targeted|(?=under\b))(?:\s+(?:with|by))?", re.IGNORECASE)
#: Between two distance-and-direction pairs of one observation: "4km north-east and 6km east".
_PAIR_BETWEEN = re.compile(r"\s+(?:to\s+the\s+)?" + ph.DIRECTION + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:from|at)\s+)?", re.IGNORECASE)
#: A distance written just before "DIR to DIR", or "of its position" after it: the two points bound a sector.
_UNIT_BEFORE = re.compile(r"\d\s*(?:km|m|kilometres?|metres?)\s+(?:to\s+the\s+)?$", re.IGNORECASE)
#: "… of its position near X", "… of the SMM location near Nyzhnie" (session 15's M05: the event was put near Nyzhnie, the
#: observer nowhere): the place of the observer (fixed-width look-behinds, one a wording).
_OWN_PLACE = "(?:" + "|".join(rf"(?<=\b{owner}\s{noun}\s)" for owner in ("its", "their", "SMM", "SMM's", "patrol's", "patrol")
                              for noun in ("position", "location", "observation post", "observation point")) + ")"
_OF_OWN_AFTER = re.compile(r"\s+of\s+(?:its|their|the\s+SMM(?:'s|’s)?|the\s+patrol(?:'s|’s)?)\s+(?:position|location)", re.IGNORECASE)
#: Between two distance ranges written for one direction: "5-6km and 8-10km north-west".
_RANGES_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:at\s+)?", re.IGNORECASE)
#: Weapons whose rounds are explosions, even when the text counts them as "shots".
_HEAVY_WEAPONS = frozenset({"tank", "artillery", "mortar", "mlrs", "rocket"})
#: Bullets heard passing the patrol: how close they passed, not how far away they were fired ("three bullets flying
#: 20-30m over their heads", "bullets whistling past them", "… assessed as flying over the heads of the members").
_OVERHEAD = re.compile(
    r"\b(?:(?:the\s+)?whistling\s+sound\s+of|(?<!-)(?:(?:were|was)\s+)?(?:assessed\s+as\s+)?(?:flying|whistling|passing)"
    r"(?:\s+past\s+(?:them|the\s+patrol)|\s+(?:about\s+|approximately\s+)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*m"
    r"\s+(?:above|over)\s+(?:their|its|the\s+patrol(?:'s)?)\s+heads?|\s+over\s+(?:their|the)\s+heads?(?:\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:SMM\s+)?(?:patrol\s+)?members?(?:\s+who\s+were\s+(?:outside|inside)\s+(?:the\s+)?vehicles?)?)?))",
    re.IGNORECASE)
#: Where, without a place: "small-arms fire on both sides of the contact line".
_BOTH_SIDES = re.compile(r"\bon\s+(?:both|either)\s+sides?\s+of\s+the\s+(?:contact\s+line|line\s+of\s+contact)\b", re.IGNORECASE)
#: Fire assessed as aimed at the mission's own means, written after the fire: "five shots of small-arms fire about 800m north-west,
#: assessed as directed at the SMM mini-UAV that the SMM was flying …", "…, assessed as targeting the UAV".
_AIMED_AT = re.compile(
    r"\b(?:(?:that|which)\s+(?:the\s+SMM|it|the\s+patrol)\s+assessed\s+(?:were|was|had\s+been)\s+(?:(?:aimed|directed|fired)\s+(?:at|towards?))"
    r"|assessed\s+(?:it|them|the\s+(?:fire|shots?|shooting))?\s*as\s+(?:being\s+|having\s+been\s+)?(?:(?:aimed|directed|fired)\s+(?:at|towards?|in\s+the\s+direction\s+of)|targeting))"
    r"\s+(?P<target>(?:the\s+|an?\s+|its\s+)?(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:patrol\s+)?(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|cameras?|vehicles?))\b"
    # "… the SMM mini-UAV that the SMM was flying about 1km north of its position": where the UAV was, not the fire
    r"(?:\s+(?:that|which)\s+(?:the\s+SMM|it|the\s+patrol)\s+was\s+flying(?:\s+(?:about\s+|approximately\s+|some\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:km|m)\s+(?:to\s+the\s+)?" + ph.DIRECTION + r"(?:\s+of\s+(?:its|the\s+SMM's)\s+position)?)?)?",
    re.IGNORECASE)
#: What others told the mission: "The JCCC reported that …", "Residents told the SMM that …" (not the mission's own observation).
_HEARSAY = re.compile(
    r"^[\W\x1f]*(?P<who>(?!the\s+SMM\b)(?:[\w'-]+\s+){1,7}?)(?:had\s+)?(?:reported|told\s+the\s+(?:SMM|mission|patrol|monitors)"
    r"|informed\s+the\s+(?:SMM|mission|patrol)|said|claimed|alleged|stated)(?:\s+to\s+the\s+(?:SMM|mission))?\s+that\b"
    r"|^[\W\x1f]*according\s+to\s+(?P<who2>(?:[\w'-]+\s+){0,5}?[\w'-]+)\s*,", re.IGNORECASE)


def _hearsay_source(who: str) -> str | None:
    """"The JCCC" -> "JCCC"; "Residents", "a woman living in Zolote" -> "residents"; else the words as written; None when
    it is the mission itself ("UN military observers reported that …")."""
    if re.search(r"\b(?:SMM|mission|patrols?|monitors?|observers?|team|personnel|UNDOF|UNMOGIP|UNIFIL|UNTSO|EUMM|it|they)\b",
                 who, re.IGNORECASE) and not re.search(r"\bJCCC\b", who):
        return None
    if re.search(r"\bJCCC\b|Joint\s+Centre", who, re.IGNORECASE):
        return "JCCC"
    if re.search(r"\b(?:residents?|villagers?|locals?|inhabitants?|civilians?|wom[ae]n|m[ae]n|people|interlocutors?)\b", who,
                 re.IGNORECASE):
        return "residents"
    return re.sub(r"^(?:the|an?)\s+", "", re.sub(r"\s+", " ", who.strip()), flags=re.IGNORECASE)


#: A speaker named after the words quoted, at the end of the sentence: ", reported Col. Lysenko", "” reported the spokesman".
_SPEAKER_AFTER = re.compile(
    r"[,\u201d\"'\u2019]\s*(?P<attribution>(?:reported|said|stated|added|noted)\s+(?:(?:news\s+)?agency\s+)?(?:(?:Col|Colonel|Lt|Maj|Major|Gen|General|Mr|Ms|"
    r"Mrs|Dr|Capt|Captain)\.?\s+)?(?:the\s+)?(?-i:[A-Z][\w'-]+)(?:\s+(?:(?-i:[A-Z][\w'-]+)|of|the|at|a|an|press|briefing|"
    r"spokes(?:man|woman|person)|representative|commander|head|chief|deputy)){0,16}"
    # the name first: "”, Dmitry Astrakhan reported." (a person's name: capitalised words, not "the SMM reported")
    r"|(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){1,2}\s+(?:reported|said|stated|added|noted))\s*\.?\s*$", re.IGNORECASE)
#: A speaker named after a comma by title, at the end of the sentence: "…, the LPR Defense Establishment Official
#: Representative, Lieutenant-colonel Andrei Marochko reported on Monday." (patrol21's V10: "reported" was the verb of
#: observing and nothing before it was read); not a mission ("…, the SMM reported": its own verb).
_TITLED_SPEAKER_AFTER = re.compile(
    r",\s*(?P<attribution>the\s+(?!(?:SMM|OSCE|mission|monitors|patrol|camera|observers)\b)[^.;\"\u201c\u201d]{3,140}?\s+"
    r"(?:reported|said|stated|announced|told\s+[\w-]+)(?:\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))?)"
    r"\s*\.?\s*$", re.IGNORECASE)
#: A speaker named after a closing quote mark, by what it is: "…,” the ATO press center reported, citing Kremenetsky.",
#: "…," the headquarters said. (patrol21's U07: "reported" was the verb of observing, and the quoted fire was not read).
_QUOTED_SPEAKER_AFTER = re.compile(
    r"(?:[\u201d\"]\s*,?|,\s*[\u201d\"])\s*(?P<attribution>the\s+(?:[\w'-]+\s+){0,6}?(?:reported|said|stated|added|noted|informed)"
    r"(?:\s*,\s*(?:citing|quoting)\s+[\w'.\s-]{1,60}?)?)\s*\.?\s*$", re.IGNORECASE)
#: The count of rounds after an explosion's noun: "the explosion of three mines of this caliber", "the explosions of five
#: shells" (not "the explosion of a mine", one, read as before).
_COUNT_OF_ROUNDS_AFTER = re.compile(r"\s+of\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?:[\w()-]+\s+){0,2}?"
                                    r"(?:mines|shells|rounds|rockets|grenades|projectiles)\b", re.IGNORECASE)
#: Rounds written as hits: "hits of MLRS Grad rockets", "direct hits by artillery shells".
_HITS_OF = re.compile(r"(?:\b(?P<n>\d+|" + ph.NUMBER_WORD + r")\s+)?\b(?:direct\s+)?hits\s+(?:of|by|from)\s+$", re.IGNORECASE)
#: A thing hit, named before "was hit by": "the … building in Debaltseve", "a house in Zolote", "the school".
_HIT_THING = re.compile(r"\b(?:buildings?|house(?:s|hold)?|homes?|school|kindergarten|hospital|headquarters|HQ|station|factory|"
                        r"plant|shop|store|church|apartment|roof|vehicle|car|bus|bridge|checkpoint|positions?"
                        # "Mitiga airport was hit by indiscriminate shelling" (patrol21's U20)
                        r"|airport|airfield|runway|port|base)\b", re.IGNORECASE)
_HIT_BY = re.compile(r"\b(?:(?:was|were|(?P<perfect>had|has|have|having)\s+been|being)\s+)?(?:hit|struck)"
                     # "was hit multiple times by Grad rockets" (patrol20's Q02: undetermined)
                     r"(?:\s+(?:multiple|several|many|a\s+number\s+of|two|three|four|five|\d+)\s+times)?\s+by"
                     r"(?:\s+(?:indiscriminate|heavy|intense|intensive|sporadic))?\s*$", re.IGNORECASE)
#: A count of the kind just reported, its noun left out: "two more", "three further".
_MORE_OF_THE_SAME = re.compile(r"^[\s\x1f,]*(?:(?P<n>" + ph.NUMBER + r")\s+(?:more|further|additional|other)\b"
                               # "…; and an additional 26 between 13:00 and 15:45hrs" (patrol14: not read)
                               r"|(?:and\s+)?(?:an?\s+)?(?:additional|further)\s+(?P<n2>\d+|(?i:" + ph.NUMBER_WORD + r"))\b"
                               r"(?!\s+(?:[\w-]+\s+){0,2}(?:explosions?|bursts?|shots?|rounds?|projectiles?|impacts?)\b))",
                               re.IGNORECASE)
#: The same as the subject of a passive verb: "A further 860 were reported in neighbouring Luhansk".
_FURTHER_SUBJECT = re.compile(r"^[\s\x1f,]*(?:an?\s+)?(?:further|additional)\s+(?P<n>(?!))?(?P<n2>\d[\d,]*|(?i:" + ph.NUMBER_WORD
                              + r"))\s+(?:were|was|had\s+been|have\s+been)\b", re.IGNORECASE)
#: Shelling inferred from what was seen afterwards: "The market appeared to have been subjected to shelling prior to the
#: SMM's arrival" (not fire observed; patrol14b: an explosion record of unstated number).
_SHELLED_BEFORE = re.compile(
    r"\b(?:appeared|appears|seemed|seems)\s+to\s+have\s+been\s+(?:subjected\s+to\s+(?:shelling|fire)|shelled|hit)\b"
    r"(?:\s+prior\s+to\s+(?:the\s+)?(?:SMM|patrol|team|mission)(?:'s|’s)?\s+arrival)?", re.IGNORECASE)
#: Words that name fire or its marks without observing any (session 15, each an extra record of unstated number before):
#: the patrol's own work ("conducting an impact site assessment", "crater analysis"), what someone said of fire
#: ("apologized for shooting at the SMM UAV"), the time or place of an impact told before ("At the time of the impact",
#: "land on the road near the impact"), a remnant ("a tailfin from a rocket-propelled grenade") and a trend ("the number
#: of blasts grew by more than five times").
_DEVICE = (r"(?:(?:improvised\s+)?explosive\s+(?:devices?|objects?|items?)|IEDs?|(?:(?:anti-(?:tank|personnel)|unknown)\s+)?(?:land)?mines?|"
           r"unexploded\s+ordnance|UXO|(?:hand\s+)?grenades?|booby[- ]traps?|tripwires?)")
_NO_FIRE_OBSERVED = re.compile(
    r"\b(?:(?:an?\s+)?(?:impact[- ]site|crater)\s+(?:assessments?|analys[ie]s)"
    r"|(?:apologi[sz]ed|apologi[sz]ing|admitted|denied|blamed\s+\w+)\s+(?:for|to)\s+(?:having\s+)?(?:shooting|firing|shelling)"
    r"(?:\s+(?:at|on|towards?)\s+(?:the\s+|its\s+)?(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|vehicles?|cameras?|monitors?|observers?))?"
    r"|(?:at|after|before|since)\s+the\s+(?:time|moment)\s+of\s+the\s+(?:impacts?|explosions?|blasts?|incident)"
    r"|(?:near|beside|next\s+to|close\s+to)\s+the\s+(?:impacts?|explosions?|craters?)(?:\s+sites?)?"
    r"|(?:an?\s+|the\s+)?tail[- ]?fins?\s+(?:from|of)\s+(?:an?\s+|the\s+)?(?:rocket-propelled\s+grenade|RPG|mortar(?:\s+round)?|rocket|"
    r"grenade|projectile|shell)(?:\s*\([A-Z0-9-]+\))?"
    r"|the\s+number\s+of\s+(?:explosions|blasts|shots|bursts|ceasefire\s+violations)\s+(?:grew|increased|decreased|rose|fell|"
    r"dropped|doubled|tripled)\b"
    # a trend named by a noun: "pointing to a surge in shelling" (patrol16b: one explosion)
    r"|(?:an?\s+|the\s+)?(?:surge|upsurge|rise|increase|spike|escalation|decrease|drop|reduction|decline)\s+in\s+(?:the\s+)?"
    r"(?:shelling|fire|gunfire|explosions|shots|bursts|ceasefire\s+violations)\b"
    # what fire left, seen: "saw the aftermath of shelling" (not fire heard); how marks are spread: "(all within a radius of 200
    # metres)" (not a distance from the observer)
    r"|(?:the\s+)?aftermath\s+of\s+(?:the\s+|an?\s+)?(?:shelling|fire|explosions?)(?:\s+incidents?)?"
    r"|(?<=\()(?:all\s+)?within\s+a\s+radius\s+of\s+[^()]{1,30}(?=\))"
    # people hurt by fire: "Residents, including one injured by the shelling, told the SMM …" (not one explosion)
    r"|(?:one|two|three|four|five|several|\d+)\s+(?:(?:person|people|civilians?|m[ae]n|wom[ae]n|children|child|residents?)\s+)?"
    r"(?:who\s+(?:was|were)\s+|(?:was|were)\s+)?(?:injured|killed|wounded|hurt)\s+(?:by|in|during)\s+(?:the\s+)?"
    r"(?:shelling|fire|explosions?|shots?|gunfire)\b"
    # what hurt people, told: "two teenagers were injured as a result of the detonation of an explosive device" (session
    # 15's N04: one explosion observed); "heard the detonation of a mine" stays fire heard
    r"|(?:as\s+a\s+result\s+of|caused\s+by|due\s+to|by|when|after)\s+(?:the\s+|an?\s+)?(?:(?:detonation|explosion|blast)\s+of\s+"
    r"(?:the\s+|an?\s+)?" + _DEVICE + r"|" + _DEVICE + r"\s+(?:had\s+)?(?:detonated|exploded|went\s+off)))", re.IGNORECASE)
#: The peak of the fire counted before, with its own window and part: "698 explosions …, their intensity reaching its
#: peak between 12:45 and 17:00 (271 explosions)" (session 15: the whole count was given the peak's window); claimed, so
#: the count keeps its own window.
_PEAK = re.compile(r"(?:,\s*)?(?:with\s+)?(?:their|its|the)\s+intensity\s+(?:reaching|peaking|reached|peaked|was\s+highest)\b[^.;()]*"
                   r"(?:\(\s*(?:about\s+|some\s+)?\d[\d,]*\s+(?:explosions|shots|bursts|ceasefire\s+violations)\s*\))?", re.IGNORECASE)
#: Fire someone else reported, followed up by the mission: "followed up on reports of shelling" (not an observation).
_FOLLOWED_UP = re.compile(
    r"\b(?:followed\s+up\s+on|following\s+up\s+on|in\s+response\s+to|to\s+follow\s+up\s+on|visited\s+\w+\s+following)\s+"
    r"(?:the\s+)?(?:reports?|allegations?|claims?|information)\s+(?:of|about|on)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shelling|fire|explosions?|impacts?|damage|casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|injur(?:y|ies)|incidents?|attacks?)\b"
    # "followed up on reports of a civilian fatality caused by shelling in Shyroka Balka" (patrol20's R15: an explosion)
    r"(?:\s+(?:caused\s+by|due\s+to|as\s+a\s+result\s+of|from)\s+(?:the\s+)?(?:shelling|fire|explosions?))?"
    # "summarized information on the shelling conducted by the Ukrainian side" (patrol20's R11)
    r"|\b(?:summari[sz]ed|collected|gathered|received|provided)\s+information\s+(?:on|about)\s+(?:the\s+)?(?:shelling|fire|attacks?)\b",
    re.IGNORECASE)
#: What others said the fire was, followed up by the mission: "followed up on reports that the explosions were
#: anti-aircraft fire that shot down an unmanned aerial vehicle (UAV), which consequently crashed …" (session 15: a shot
#: record and a UAV seen); claimed to the end of the clause.
_FOLLOWED_UP_THAT = re.compile(r"\b(?:followed|following|to\s+follow)\s+up\s+on\s+(?:the\s+)?(?:reports?|allegations?|claims?|information)"
                               r"\s+that\b.*$", re.IGNORECASE | re.DOTALL)
#: A tally written as a table row: "Ceasefire violations recorded by the SMM in Donetsk region: 174".
_VIOLATIONS_COLON = re.compile(r"\b(?:ceasefire\s+)?violations\b[^:;.()\d]{0,80}?:\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b(?!:)",
                               re.IGNORECASE)  # not a clock time: "… violations at 14:05"
#: A party's tally (the JFO headquarters', a "DPR" command's statements as news agencies copy them): "violated the ceasefire
#: 17 times", "violated the ceasefire in the JFO area in Donbas five times", "violated the ceasefire regime 1151 times"
#: (patrol19: not read).
#: Also another ministry's: "violated ceasefire 23 times throughout the day", "shattered ceasefire a total of 48 times".
#: And the agreements: "violated the agreements [reached within the Trilateral Contact Group] that came into force on 27 July
#: 2020 three times" (patrol19's J11: not read; a date may stand between, not a clock time).
_VIOLATED_TIMES = re.compile(r"\b(?:(?:violated|breached|shattered|broke)\s+(?:the\s+)?(?:ceasefire|truce|(?:ceasefire\s+)?agreements?"
                             # "came under fire from large-caliber machine guns 90 times" (patrol20b's T01: not read)
                             r"|arrangements?)(?:\s+regime)?|came\s+under\s+(?:enemy\s+)?fire"
                             # "have shelled the territory of the … (LPR) eight times", "has fired at the positions of the
                             # People's Militia at least 6 times" (patrol21's V15, V11: not read)
                             r"|(?:shelled|fired\s+(?:at|on|upon)|opened\s+fire\s+(?:at|on))\s+(?:the\s+|our\s+|its\s+)?"
                             r"(?:territory|positions?|settlements?|localities|villages?)\b)\b[^.;:]{0,120}?"
                             r"\s(?:(?:a\s+total\s+of\s+|(?P<qual>at\s+least|more\s+than|over|about|around|some)\s+)?(?<![\d:.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD + r")\s+times\b"
                             # "violated ceasefire regime … only once over the past 24 hours" (patrol19b's M20)
                             r"|(?P<once>once|twice)\b(?!\s+(?:again|more|before|the|a|an)\b))", re.IGNORECASE)
#: The tally written before the verb: "the Ukrainian military twelve times had violated ceasefire within 24 hours"
#: (patrol21's V09: not read).
_TIMES_VIOLATED = re.compile(r"(?<![\d:.,])\b(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD + r")\s+times\s+(?:had\s+|have\s+|has\s+)?"
                             r"(?:violated|breached)\s+(?:the\s+)?(?:ceasefire|truce)\b(?:\s+regime)?", re.IGNORECASE)
#: A tally told again as instances after the violations: "a marked increase in the number of ceasefire violations in areas
#: around Donetsk airport, noting 250 instances" (patrol18d's G12: not read).
_NOTING_INSTANCES = re.compile(r"\b(?:ceasefire\s+)?violations\b[^.;:()]{0,120}?,\s*(?:noting|recording|registering|counting)\s+"
                               r"(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?<![\d:.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+|"
                               + ph.NUMBER_WORD + r")\s+(?:instances|cases)\b(?!\s+of\b)", re.IGNORECASE)
#: A count written after its noun and a colon, as in a table: "Explosions: 55, projectiles in flight: 12".
_COUNT_AFTER_COLON = re.compile(r"^[\s\x1f]*(?:in\s+flight[\s\x1f]*)?:\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?=\s*(?:[;.)]|,(?!\d{3})|$))")
_OF_FIRE_DIRECTION = re.compile(r"^[\s\x1f]*of[\s\x1f]+(?P<what>outgoing|incoming)\b", re.IGNORECASE)
_HEADING_AFTER = re.compile(r"^[\s\x1f]*(?:in\s+an?\s+(?P<dir>" + ph.DIRECTION + r")\s+direction|(?:towards\s+(?:the\s+)?)"
                            r"(?P<dir2>" + ph.DIRECTION + r"))\b", re.IGNORECASE)
_DROPPED = re.compile(r"\bdropped\s+(?:by|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:drones?|UAVs?|quadcopters?|unmanned\s+aerial\s+"
                      r"vehicles?)\b", re.IGNORECASE)
#: Rounds fired and then, in a participle after a comma or dash, where they hit: "… were fired, impacting two to three metres
#: from the SMM vehicle", "… was fired – from a location to the south-east – impacting approximately 150 metres from it".
_IMPACTING_AFTER = re.compile(r"(?:^|[,–—]|\s-|\band)[\s\x1f]*(?P<verb>impacting|landing)\b", re.IGNORECASE)
_ROUNDS_ACTION = re.compile(r"\b(?:rounds?|shells?|projectiles?|rockets?)\s+(?P<verb>impact(?:ed|ing)|land(?:ed|ing))\b",
                            re.IGNORECASE)
_IN_THE_AIR = re.compile(r"\b(?:explod(?:e|ed|es|ing)|detonat(?:e|ed|es|ing))\s+(?:in\s+(?:the\s+)?(?:air|mid-air|sky)|mid-air)\b",
                         re.IGNORECASE)
#: "all assessed as", "believed to be": the optional lead-in of an assessment of place or status.
_ASSESSED_AS = r"(?:\b(?:all\s+|both\s+)?(?:assessed|believed)\s+(?:as|to\s+be)\s+)?"


def _inside_or_outside(area: str) -> re.Pattern[str]:
    """"(assessed as) inside / outside / within the AREA", with the side as group ``where``."""
    return re.compile(_ASSESSED_AS + r"\b(?P<where>inside|outside|within)\s+the\s+" + area + r"\b", re.IGNORECASE)


_DISENGAGEMENT = _inside_or_outside(r"(?:[A-Z][\w-]*\s+)?disengagement\s+areas?")
_SECURITY_ZONE = _inside_or_outside(r"security\s+zone")
#: Fire the text says was training, not a violation: "assessed as part of a live-fire exercise", "(assessed as not
#: in violation of the ceasefire)".
_LIVE_FIRE = re.compile(
    _ASSESSED_AS + r"(?:(?:being\s+)?part\s+of\s+)?(?:an?\s+|the\s+)?"
    r"\blive[- ]fire\s+(?:exercises?|training|drills?)\b", re.IGNORECASE)
_NOT_VIOLATION = re.compile(
    _ASSESSED_AS + r"\bnot\s+(?:in\s+)?(?:a\s+)?violations?\s+of\s+"
    r"(?:the\s+)?(?:ceasefire|Minsk\s+agreements?|withdrawal\s+lines)\b", re.IGNORECASE)
_FIRE_DIRECTION = re.compile(r"(?:\b(?:assessed|believed)\s+(?:as|to\s+be)\s+)?\b(?P<what>outgoing|incoming)\b", re.IGNORECASE)
#: A weapon named more generally beside a more specific one ("grenades fired from an automatic grenade launcher").
_GENERAL_WEAPON = {"grenade_launcher": "automatic_grenade_launcher", "machine_gun": "heavy_machine_gun", "rocket": "mlrs"}
_KIND_ADJECTIVE = re.compile(r"\b(?:outgoing|incoming|illumination|tracer|fresh|new|recent|heavy(?![- ]machine))\b", re.IGNORECASE)
#: "The SMM assessed the crater as caused by …": an assessment of damage seen, read with the crater.
_ASSESSED_DAMAGE = re.compile(r"\b(?:assessed|determined|concluded)\s+(?=(?:that\s+)?(?:the|these|those|both|all|its)\s+(?:[\w-]+\s+)?"
                              r"(?:craters?|damage|holes?)\b)", re.IGNORECASE)


_WEAPON_NOUN = (r"(?:tanks?|howitzers?|(?:anti[- ]aircraft\s+)?(?:guns?|cannons?)|mortars?|(?:multiple[- ]launch\s+rocket\s+systems?|MLRS)"
                r"|armou?red\s+(?:personnel\s+carriers?|(?:combat\s+|reconnaissance\s+)?vehicles?)|infantry\s+fighting\s+vehicles?"
                r"|IFVs?|APCs?|BMPs?|BTRs?|rocket\s+launchers?|(?:artillery|weapons?)\s+(?:pieces?|systems?)|(?:(?:anti-tank|surface[- ]to[- ]air|anti[- ]aircraft)\s+)?(?:guided\s+)?missile\s+systems?)")
#: Weapons seen (not fire heard): "saw two anti-aircraft guns (ZU-23) in violation of the withdrawal lines".
_WEAPON_SIGHTING = re.compile(
    r"\b(?:(?P<vague>" + ph.VAGUE_COUNTS + r")|(?P<n>" + ph.NUMBER + r"))\s+(?:(?:self-propelled|towed|stationary|parked|"
    r"military|anti-tank|main\s+battle|\d+\s?mm)\s+)*(?P<noun>" + _WEAPON_NOUN + r")(?:\s*\([^()]*\))?(?!\s+(?:fire|rounds?|shells?|cannon|shots?|bursts?)\b)",
    re.IGNORECASE)
_IN_VIOLATION = re.compile(r"\b(?:in\s+violation\s+of|beyond)\s+(?:the\s+)?(?:respective\s+)?(?P<what>withdrawal\s+lines?|ceasefire|"
                           r"Minsk\s+agreements?)\b(?:\s*,?\s*but\s+outside\s+(?:of\s+)?(?:the\s+)?(?:designated\s+)?storage\s+sites?\b)?",
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


_NOT_OBJECT = r"(?!(?:near|in|at|about|assessed|and|caused|on|by|from|which|that|as|approximately|some|around|of|to)\b)"
#: A weapon seen firing, with no count of rounds: "an armoured personnel carrier firing its cannon".
#: Where something seen was going: "moving west", "heading towards the north", "flying in a south-easterly direction".
_MOVING = re.compile(r"^[\s\x1f]*(?:(?:was|were)\s+)?(?:moving|heading|travell?ing|driving|flying)\s+(?:in\s+an?\s+|(?:to|towards)\s+(?:the\s+)?)?"
                     r"(?P<dir>" + ph.DIRECTION + r")(?:wards?)?(?:\s+direction)?\b(?!\s+of\b)", re.IGNORECASE)
_FIRING_BEFORE = re.compile(r"\b(?:firing|fired|launching|launched|(?P<of>(?:the\s+)?(?:launch|firing)(?:es)?\s+of))\s+$", re.IGNORECASE)
#: A weapon or vehicle just before "firing": "a tank (T-64) firing two rounds", "an IFV (BMP-2) fired three rounds".
_FIRER_BEFORE = re.compile(r"\b(?:tanks?|T-\d\d|howitzers?|IFVs?|BMP(?:-\d)?|APCs?|BTR(?:-\d+)?|mortars?|guns?|cannons?|"
                           r"launchers?|MLRS|Grad|systems?|vehicles?|artillery|pieces?|ships?|boats?|aircraft|helicopters?)\b"
                           r"[^,;.]{0,25}$", re.IGNORECASE)
_FIRING = re.compile(r"^[\s\x1f]*(?:(?:was|were)\s+)?(?:firing|shooting|opening\s+fire)\b(?:\s+(?:its|their|a|the)\s+(?:main\s+)?"
                     r"(?:cannons?|guns?|weapons?|machine[- ]guns?))?", re.IGNORECASE)
#: Damage written in the passive, with no noun of damage: "the water pipeline … had been damaged".
_DAMAGED_PASSIVE = re.compile(r"\b(?:(?:had|has|have)\s+been|was|were)\s+(?:damaged|destroyed|burnt|burned)\b", re.IGNORECASE)
_DAMAGED_SUBJECT = re.compile(r"^[\s\x1f]*(?:that\s+)?(?:the\s+|an?\s+|its\s+)?(?P<what>(?:" + _NOT_OBJECT
                              + r"(?!(?:had|has|have|was|were)\b)[^\W\dA-Z][\w'-]*\s+){1,3})")


def _read_passive_damage(scan: Scan, start: int, end: int) -> list[Group]:
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


def _read_weapon_sightings(scan: Scan, start: int, end: int) -> list[Group]:
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
        _read_weapon(scan, group, start + match.start(), start + match.end())
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


def _fresh_damage(group: Group, adjectives: str, noun: str) -> None:
    """"saw fresh impacts", "two fresh craters": marks left on the ground, seen (kind ``other``, as craters are),
    not explosions heard or seen as they happened."""
    if re.search(r"\b(?:fresh|new|recent)\b", adjectives, re.IGNORECASE) and noun.lower().startswith(("impact", "crater")):
        group.crater = True
        group.kind, group.kinds = "other", ["other"]


def _claim_kind_adjectives(scan: Scan, start: int, end: int) -> None:
    for match in scan.find(_KIND_ADJECTIVE, start, end):
        scan.claim(start + match.start(), start + match.end())


def _words_back(window: str, limit: int) -> int:
    match = re.search(r"((?:[A-Za-z\-]+\s+){0,%d})$" % limit, window)
    return match.start(1) if match else len(window)


def _parenthesis_depth(text: str, start: int, end: int) -> list[int]:
    depths: list[int] = []
    depth = 0
    for char in text[start:end]:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")":
            depth = max(0, depth - 1)
    return depths


def _weapon_in_noun(group: Group, noun: str) -> None:
    """The weapon and calibre named inside a noun read whole ("unexploded 82mm mortar rounds")."""
    calibre = ph.CALIBRE.search(noun)
    if calibre is not None:
        group.calibre_mm = group.calibre_mm or ph.calibre_value(calibre["mm"])
    found = sorted((match.start(), label) for pattern, label in ph.WEAPON_PATTERNS for match in [pattern.search(noun)] if match)
    labels = {label for _, label in found}
    found = [(at, label) for at, label in found if _GENERAL_WEAPON.get(label) not in labels]
    if found:
        group.weapon = group.weapon or found[0][1]
    elif group.weapon is None and group.calibre_mm is not None:
        group.weapon = ph.weapon_for_calibre(group.calibre_mm)


#: A clause about observations already counted: "The rounds were …", "the explosions shook …".
_BACK_REFERENCE = re.compile(r"[\W\x1f]*(?:(?:according\s+to\s+the\s+report|after\s+that)\s*,\s*)?"
                             # "The SMM assessed that all bullets had been fired from a westerly direction at a distance of
                             # 300-500m" (session 15: a shot record with that distance from the observer)
                             r"(?P<assessed>(?:the\s+SMM|it|the\s+patrol)\s+(?:also\s+)?assessed\s+that\s+(?:all\s+)?(?:of\s+)?)?"
                             r"(?:the|these|those|(?<=that\s)|(?<=all\s)|(?<=of\s))\s*"
                             r"(?:explosions|rounds|impacts|shells|blasts|(?(assessed)bullets|(?!)))\b", re.IGNORECASE)
_COUNT_AT_WORD = re.compile(r"(?<![\w'])(?:" + COUNT.pattern + r")", COUNT.flags)
_MUZZLE_AFTER = re.compile(r"^[^,;]{0,20}?\bbursts?\s+of\s+muzzle\s+(?:flames?|flash(?:es)?)\b", re.IGNORECASE)
_ROUNDS_AND_SHOTS = re.compile(r"[\s\x1f]*(?:[\d,]+\s+|\w+\s+)?rounds\s+and\s+shots\b", re.IGNORECASE)
#: "… but heard the explosions", "heard the explosion of uncertain origin about 500 metres to the North": a noun with
#: "the" just after the verb (what it refers to is decided with the line's earlier observations, patrol_text).
_DEFINITE_AFTER_VERB = re.compile(r"[\s\x1f]*(?:also\s+|again\s+)?(?:the|these|those)\s+(?:loud\s+|single\s+)?"
                                  r"(?P<noun>explosions?|shots?|bursts?|impacts?|rounds?|blasts?|detonations?)\b", re.IGNORECASE)
#: A noun with "the" in a clause with no verb of observing: "The grenade was launched from …", "the shells fell …".
_DEFINITE_SUBJECT = re.compile(r"(?:the|these|those)\s+(?P<noun>explosions?|shots?|bursts?|impacts?|rounds?|blasts?|shells?|"
                               r"grenades?|projectiles?|bullets?)\b", re.IGNORECASE)
_DEFINITE_NOUN = re.compile(r"(?P<noun>explosions?|shots?|bursts?|impacts?|rounds?|blasts?|shells?|grenades?|projectiles?|bullets?)\b",
                            re.IGNORECASE)
#: The direction of fire written after the rounds: "assessed as mortar rounds outgoing from …".
_FIRE_AFTER_ROUNDS = re.compile(r"\brounds?\s+(?P<fire>outgoing|incoming)\b(?!\s+(?:and|or)\b)", re.IGNORECASE)
#: The direction of fire written just after the explosions: "several explosions outgoing from a north-north-eastern
#: direction" (a news copy; patrol14c).
_FIRE_AFTER_NOUN = re.compile(r"[\s\x1f]*(?P<fire>outgoing|incoming)\s+from\b", re.IGNORECASE)
#: "(direction not known)" written after a count: the count has no direction.
_DIRECTION_UNKNOWN = re.compile(r"\(\s*(?:the\s+)?directions?\s+(?:(?:was|were|is)\s+)?(?:not\s+known|unknown|undetermined|not\s+determined|"
                                r"could\s+not\s+be\s+determined)\s*\)", re.IGNORECASE)
_CHOICE_BEFORE = re.compile(r"\b(?P<word>[\w-]+)\s+or\s+(?:by\s+|from\s+)?(?:an?\s+)?$", re.IGNORECASE)


_DAMAGE_TO_BEFORE = re.compile(r"\b(?:damage\s+to|damag(?:ed|ing)|destroy(?:ed|ing))\s+(?:an?\s+|the\s+|one\s+)?(?:[\w-]+\s+)?$",
                               re.IGNORECASE)
_OF_CALIBRE = re.compile(r"\bof\s+$", re.IGNORECASE)
_CALIBRE_WORD = re.compile(r"\s*calib(?:re|er)s?\b", re.IGNORECASE)


def _read_weapon(scan: Scan, group: Group, start: int, end: int) -> None:
    """Weapon and calibre named in [start, end) ("of heavy-machine-gun fire", "(122mm)")."""
    if start >= end:
        return
    found: list[tuple[int, str]] = []  # specific patterns claim first; the weapon named first is the weapon
    for match in scan.find(ph.CALIBRE, start, end):
        group.calibre_mm = group.calibre_mm or ph.calibre_value(match["mm"])
        scan.claim(start + match.start(), start + match.end())
        if (_OF_CALIBRE.search(scan.text, max(0, start + match.start() - 4), start + match.start())
                and _CALIBRE_WORD.match(scan.text, start + match.end())
                and (label := ph.weapon_for_calibre(ph.calibre_value(match["mm"]))) is not None):
            # "15 shells of 82mm caliber …, and were attacking from anti-aircraft installation ZU-23-2" (patrol21's U07:
            # the later weapon was taken): the calibre written with the rounds names their weapon where it stands
            found.append((match.start(), label))
    for pattern, label in ph.WEAPON_PATTERNS:
        for match in scan.find(pattern, start, end):
            scan.claim(start + match.start(), start + match.end())
            if label == "drone" and OWN_UAV_BEFORE.search(scan.text, max(0, start + match.start() - 40), start + match.start()):
                continue  # "…, and SMM long-range unmanned aerial vehicles observed people": the mission's own, not a weapon
            found.append((match.start(), label))
    labels = {label for _, label in found}
    found = [(at, label) for at, label in found if _GENERAL_WEAPON.get(label) not in labels]
    first = min(found, default=None)
    if first is not None and (before := _CHOICE_BEFORE.search(scan.text, max(0, start + first[0] - 40), start + first[0])):
        # "damaged by artillery or mortar fire at 18:37": the first of two weapons written as a choice stood before
        # where this clause's weapons are read; it is the weapon, as in "mortar or artillery rounds" (patrol14b: the
        # second was kept)
        other_label = next((label for pattern, label in ph.WEAPON_PATTERNS if pattern.fullmatch(before["word"])), None)
        if other_label is not None and other_label != first[1]:
            found.append((first[0] - 1, other_label))
            scan.claim(before.start("word"), before.end("word"))
    for _, label in sorted(found):
        if group.weapon is None:
            group.weapon = label
        elif group.weapon != label and label not in group.other_weapons:
            group.other_weapons.append(label)
    if group.weapon is None and group.calibre_mm is not None:
        group.weapon = ph.weapon_for_calibre(group.calibre_mm)


_COUNT_IN_BRACKETS = re.compile(
    r"^[\s\x1f]*\(\s*(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+|(?i:" + ph.NUMBER_WORD + r"))"
    r"(?:\s+(?:explosions?|bursts?|shots?|projectiles?|(?:ceasefire\s+)?violations?))?\s*\)",
    re.IGNORECASE)


#: How high an aircraft or drone flew: "at high altitude", "at an altitude of about 500m" (not a distance from the observer).
_ALTITUDE = re.compile(
    r"\bat\s+(?:an?\s+|the\s+)?(?:(?P<level>(?:very\s+|extremely\s+)?(?:high|low|medium|great)|(?:an?\s+)?(?:estimated|approximate|assessed))\s+)?"
    r"altitudes?\b(?:\s+of\s+(?P<height>(?:about\s+|approximately\s+|around\s+|some\s+)?\d+(?:[.,]\d+)?(?:\s*(?:-|to)\s*\d+(?:[.,]\d+)?)?"
    r"\s*(?:m|metres|meters|km|kilometres|kilometers|feet|ft)\b))?"
    r"|\b(?P<low>low|high)[- ]flying\b", re.IGNORECASE)


def _read_altitude(scan: Scan, group: Group, start: int, end: int) -> None:
    for match in scan.find(_ALTITUDE, start, end):
        scan.claim(start + match.start(), start + match.end())
        words = [match["level"] or match["low"], match["height"]]
        group.altitude = group.altitude or " ".join(re.sub(r"\s+", " ", word.lower()) for word in words if word) or "stated"


#: What was damaged, written after the damage: "to the façade of a residential building", "in the roof of a house".
_DAMAGED = re.compile(
    r"^[\s\x1f]*(?:to|on|in|of)\s+(?:the\s+|an?\s+|its\s+)?(?P<what>(?:" + _NOT_OBJECT + r"[^\W\dA-Z][\w'-]*\s*){1,3}"
    r"(?:(?:of|to)\s+(?:the\s+|an?\s+)?(?:" + _NOT_OBJECT + r"[^\W\dA-Z][\w'-]*\s*){1,3})?)")
#: A street address: "on Lenina Street", "at 12 Shkilna Street".
_ADDRESS = re.compile(r"\b(?:on|at|in)\s+(?P<address>(?:(?:No\.\s*)?\d+[a-z]?\s+)?(?:[A-Z][\w'-]*\s+){1,2}"
                      r"(?:Street|Avenue|Lane|Road|Square|Boulevard|Prospekt)\b)")
#: How mines were seen: "(PMN-2)", "laid across the road", "placed along the road".
_MINES_AFTER = re.compile(
    r"^[\s\x1f]*(?:\((?P<type>[^()]*)\)\s*)?(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:(?:newly\s+)?(?:laid|placed|planted|emplaced|lying|scattered|installed)\s+)?"
    r"(?:in\s+(?:" + ph.NUMBER + r")\s+(?:rows?|lines?|groups?|clusters?)\s+)?"  # "laid in three rows across a dirt road"
    r"(?:(?:across|along|on|beside|next\s+to|by)\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+)?(?:roads?|fields?|bridges?|tracks?|paths?|railway|verges?|shoulders?|edges?)\b)?",
    re.IGNORECASE)


_DAMAGED_BY_IT = re.compile(r"^[\s\x1f]*(?:(?:had|has|have)\s+)?(?:damaged|destroyed)\s+(?:her|his|their|its|the|an?)\s+"
                            r"(?P<what>[a-z][\w'-]*)", re.IGNORECASE)
_SMOKE_FROM = re.compile(r"^[\s\x1f]*(?:(?:rising|billowing|coming)[\s\x1f]+)?from\s+(?:an?\s+|the\s+)?(?P<what>(?:burning\s+)?"
                         r"(?:" + _NOT_OBJECT + r"[^\W\dA-Z][\w'-]*\s*){1,2})")
_UXO_WORDS = re.compile(r"\bunexploded\b|\b(?:embedded|lodged|stuck|lying|left)\s+(?:in|on|by|beside|next\s+to|near|at|along)\s+(?:the\s+|an?\s+)?"
                        r"(?:(?:side|edge|verge|shoulder)\s+of\s+(?:the\s+|an?\s+)?)?(?:asphalt|ground|road|wall|"
                        r"field|soil|yard|garden|roof|pavement)\b", re.IGNORECASE)


#: Marks on the ground placed from a landmark: "(in the range) between 15 and 40 metres east from the school building".
_LANDMARK_OFFSET = re.compile(
    r"(?:\bin\s+the\s+range\s+(?:of\s+)?)?(?P<offset>(?:(?:about|approximately|some|around)\s+)?(?:between\s+)?\d+(?:[.,]\d+)?\s*(?:km|m)?\s*(?:-|–|to|and)?\s*"
    r"(?:\d+(?:[.,]\d+)?\s*)?(?:km|m|kilometres?|kilometers?|metres?|meters?)\b\s+(?:to\s+the\s+)?" + ph.DIRECTION
    + r"\s+(?:of|from)\s+(?:the|a|an)\s+(?!(?:SMM|patrol|mission|observer)\b)(?-i:[a-z][a-z-]*)"
    r"(?:\s+(?!(?:and|or|between|in|near|of|on|at|to|from)\b)(?-i:[a-z][a-z-]*)){0,3})"
    r"(?=\s*(?:[,.;()]|\band\b|\bor\b|$))", re.IGNORECASE)
#: "assessed them to (likely) have been caused by …", of marks seen: the cause is read as the weapon.
_ASSESSED_CAUSED = re.compile(r"\bassessed\s+(?:them|it|these|those)\s+(?:to\s+(?:(?:most\s+)?likely\s+)?have\s+been|as\s+(?:having\s+been\s+)?)"
                             r"(?:\s+(?:most\s+)?likely)?\s+caused\s+by\b"
                             # "indicated that they were all caused by Grad …" (patrol20's Q07)
                             r"|\b(?:(?:indicated|showed|concluded|found)\s+that\s+)?(?:they|it)\s+(?:were|was)\s+(?:all\s+)?caused\s+by\b",
                             re.IGNORECASE)


def _read_damage_or_mines(scan: Scan, group: Group, start: int, end: int) -> None:
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


def _read_duration(scan: Scan, group: Group, start: int, end: int) -> None:
    for match in scan.find(_DURATION, start, end):  # "in a 15-minute period": how long, not when
        scan.claim(start + match.start(), start + match.end())
        group.duration = group.duration or re.sub(r"\s+", " ", match["span"].lower())


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
        _read_altitude(scan, group, start, end)  # before distances: "at an altitude of 500m" is none
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
    _read_weapon(scan, group, start, end)
    if dropped and group.weapon is None:
        group.weapon = "drone"
    elif dropped and group.weapon != "drone" and "drone" not in group.other_weapons:
        group.other_weapons.append("drone")
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
    _read_duration(scan, group, start, end)
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
        _read_damage_or_mines(scan, group, start, end)
    if group.crater or group.sighting in ("damage", "mine", "uxo"):
        for match in scan.find(_LANDMARK_OFFSET, start, end):
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
    for match in scan.find(_LINE, start, end):  # "across the Line of Control": a line, not a place to locate
        scan.claim(start + match.start(), start + match.end())
        group.details["boundary_line"] = re.sub(r"\s+", " ", f"{match['relation']} the {match['line']}")
        break
    onto = _FIRED_ONTO_AFTER.match(scan.view(start, end)) if group.kind == "explosion_undetermined" else None
    if onto is not None:
        scan.claim(start + onto.start("verb"), start + onto.end("verb"))
        group.kind = "explosion_impact"
        group.kinds = [group.kind]
    if (group.kind == "projectile_in_flight" and group.flight is None and group.count is not None
            and re.search(r"\bprojectiles?\s*$", scan.text[group.start:group.end], re.IGNORECASE)
            and (_FIRED_BEFORE.search(scan.text, max(0, group.start - 40), group.start) is not None
                 or _FIRED_ONTO_BEFORE.search(scan.text, max(0, group.start - 120), group.start) is not None)):
        # "Kiev military launched almost 400 projectiles and mortar-shells on the territory …" (patrol21's V10): rounds
        # fired, as a party counts them, not projectiles seen in flight
        group.kind, group.kinds = "explosion_undetermined", ["explosion_undetermined"]
    if (onto is None and group.kind == "explosion_undetermined" and group.sighting is None
            and (before := _FIRED_ONTO_BEFORE.search(scan.text, max(0, group.start - 120), group.start)) is not None):
        onto = before
        group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    if (onto is None and group.kind == "explosion_undetermined" and group.sighting is None
            and _FIRED_BEFORE.search(scan.text, max(0, group.start - 40), group.start) is not None):
        onto = _ON_PLACE_AFTER.match(scan.view(start, end))
        if onto is not None:  # "firing mortar shells on southern areas of the capital": where they landed, impacts
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    launches = _LAUNCHES_AFTER.match(scan.view(start, end)) if group.weapon in ("rocket", "mlrs", "atgm") else None
    if launches is not None and group.kind == "explosion_undetermined":
        # "detected rocket firing from south of Tyre", "intercepted four rocket launches" (patrol20's P25): launches
        scan.claim(start + launches.start("word"), start + launches.end("word"))
        group.kind, group.kinds = "explosion_outgoing", ["explosion_outgoing"]
    if onto is None and group.kind in ("explosion_undetermined", "explosion_outgoing") and group.count is not None:
        landed = next(scan.find(_ALL_LANDED, start, end), None)
        if landed is not None:
            # "Six rockets were launched from …, all of which fell short of the border and landed inside Lebanese
            # territory" (patrol20's P24): where they landed, so impacts
            scan.claim(start + landed.start(), start + landed.end())
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            onto = landed
            launched = re.search(r"\bfrom\s+(?:the\s+)?(?P<place>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})",
                                 scan.view(start, start + landed.start()), re.IGNORECASE)
            if launched is not None:  # where they were fired from is not where they landed
                scan.claim(start + launched.start(), start + launched.end())
                group.details["fired_from_place"] = launched["place"]
    # (also "mortar fire from Syria struck Israel", patrol20b's S12: fire of a weapon that explodes, of kind other)
    exploding_fire = (group.kind == "other" and group.weapon is not None and group.weapon not in _SMALL_CALIBRE
                      and group.sighting is None and not group.crater and group.count is None)
    if onto is None and (group.kind in ("explosion_undetermined", "projectile_in_flight") or exploding_fire):
        # (also "two projectiles fired from Syria struck the Golan Heights", patrol20b's T07: in flight)
        origin = _FROM_THEN_LANDED.match(scan.view(start, end))
        if origin is not None and origin["verb"].lower() == "exploded" and (
                exploding_fire or group.weapon == "grenade_launcher" or _EXPLODED_ON_PLACE.match(scan.view(start + origin.end(), end)) is None):
            origin = None  # "rockets fired from X exploded inside Y" (patrol20b's S10), not "… exploded on Monday"
        if origin is not None and _COMPASS_WORD.fullmatch(origin["origin"]) is None:
            # where they came from is not where they landed (not a direction: "from the north-west" stays an origin read)
            scan.claim(start + origin.start(), start + origin.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            onto = origin
            named = re.match(r"\s*(?:the\s+)?(?P<place>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})\s*$", origin["origin"])
            if named is not None:
                group.details["fired_from_place"] = named["place"]
    if onto is None and group.kind == "explosion_undetermined":
        onto = _FIRED_HITTING_AFTER.match(scan.view(start, end))
        if onto is not None:
            scan.claim(start + onto.start("verb"), start + onto.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    action = _ACTION_AFTER.match(scan.view(start, end)) if onto is None else None
    if action is not None and (group.kind.startswith("explosion") or group.kind == "projectile_in_flight"):
        # "six artillery rounds impact 2-3km east", "12 rockets launched in a northerly direction"
        scan.claim(start + action.start("verb"), start + action.end("verb"))
        verb = action["verb"].lower()
        if group.kind == "projectile_in_flight" and ("launch" in verb or verb.endswith("fired")):
            pass  # "six rocket-assisted projectiles fired from south-east to north-west": seen in flight
        elif verb.startswith("explod"):  # "three shells exploded": no kind in it, unless where they exploded follows
            if (group.kind == "explosion_undetermined" and group.sighting is None and group.weapon != "grenade_launcher"
                    and _EXPLODED_ON_PLACE.match(scan.view(start + action.end(), end)) is not None):
                group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
        elif not verb.startswith("detonat"):
            group.kind = "explosion_outgoing" if "launch" in verb or verb.endswith("fired") else "explosion_impact"
            group.kinds = [group.kind]
        heading = _HEADING_AFTER.match(scan.view(start + action.end(), end))
        if heading is not None and group.kind == "explosion_outgoing":  # "launched in a northerly direction"
            point = ph.parse_direction(heading["dir"])
            if point is not None:
                scan.claim(start + action.end() + heading.start(), start + action.end() + heading.end())
                group.flight = f"to {point}"
    if group.kind == "explosion_outgoing" and group.flight is None and (heading := _HEADING_AFTER.match(scan.view(start, end))):
        point = ph.parse_direction(heading["dir"] or heading["dir2"])  # "firing two rounds in an easterly direction"
        if point is not None:
            scan.claim(start + heading.start(), start + heading.end())
            group.flight = f"to {point}"
    if group.sighting is not None and group.flight is None and (moving := _MOVING.match(scan.view(start, end))):
        point = ph.parse_direction(moving["dir"])  # "an infantry fighting vehicle (BMP-2) moving west": its heading
        if point is not None:
            scan.claim(start + moving.start(), start + moving.end())
            group.flight = f"to {point}"
    for match in scan.find(_ROUNDS_ACTION, start, end):  # "assessed as artillery rounds impacting 3-4km east"
        if group.kind.startswith("explosion"):
            scan.claim(start + match.start("verb"), start + match.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    if group.kind in ("explosion_undetermined", "explosion_outgoing"):
        for match in scan.find(_IMPACTING_AFTER, start, end):
            scan.claim(start + match.start("verb"), start + match.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            break
    for match in scan.find(_IN_THE_AIR, start, end):
        # "two incoming projectiles explode in the air": airbursts
        scan.claim(start + match.start(), start + match.end())
        if group.kind.startswith("explosion") or group.kind == "projectile_in_flight":
            group.kind, group.kinds = "airburst", ["airburst"]
    for match in scan.find(_DISENGAGEMENT, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.disengagement_area = group.disengagement_area or match["where"].lower().replace("within", "inside")
    for match in scan.find(_SECURITY_ZONE, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.security_zone = group.security_zone or match["where"].lower().replace("within", "inside")
    for match in scan.find(_LIVE_FIRE, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.live_fire = True
    for match in scan.find(_NOT_VIOLATION, start, end):
        scan.claim(start + match.start(), start + match.end())
        group.not_violation = True
    for match in scan.find(_IN_VIOLATION, start, end):  # "tanks in violation of the withdrawal lines"
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
    depths = _parenthesis_depth(scan.text, start, end)
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
    if (group.kind == "explosion_undetermined" and group.weapon in _SMALL_CALIBRE
            and re.search(r"\b(?:rounds?|bullets?)[\s\x1f]*$", scan.text[group.start:start], re.IGNORECASE)):
        group.kind, group.kinds = "shot", ["shot"]  # "12 rounds of small-arms fire": shots, not explosions
    if (group.kind == "explosion_undetermined" and group.weapon in _SMALL_CALIBRE
            and all(weapon in _SMALL_CALIBRE for weapon in group.other_weapons)
            and re.search(r"\bshell(?:ing|ed)[\s\x1f]*$", scan.text[group.start:start], re.IGNORECASE)):
        # "the positions … were shelled from the Popasnoye settlement from a light machine gun" (a party's word for any
        # fire; patrol19b's M20: an explosion): fire of a weapon that does not explode, of unstated kind
        group.kind, group.kinds = "other", ["other"]
    _read_breakdown(scan, group, start, end)
    _read_places(scan, group, start, end)
    times = read_times(scan, start, end)
    if times is not None:
        group.times = times
    for match in scan.find(_ROAD_OFFSET, start, end):
        # "… from the north-western edge of Yasynuvata (…), about 130m south-east of the M-04 highway": where the patrol
        # was from a road, not the fire's distance and direction from it (patrol18: read as 0.13 km south-east)
        scan.claim(start + match.start(), start + match.end())
        group.warnings.append(f"a distance from a road was not used for the event: {match.group(0)!r}")
    for match in scan.find(OFFSET, start, end):
        point = ph.parse_direction(match["dir"])
        if point is None or depths[match.start()] > 0:
            continue  # an offset in brackets describes a place ("Pyshchevyk (…, 25km north-east of Mariupol)")
        scan.claim(start + match.start(), start + match.end())
        distance = _km(match["d"], match["u"])
        # (each end its own unit: "500m-1km south-west of its position"; patrol16: 500 km)
        nearest = _km(match["d0"], match["u0"] or match["u"]) if match["d0"] is not None else distance
        if match["q"] and re.match(r"(?i)less|up|within|under", match["q"]):
            nearest = 0.0  # "less than 500m north of its position" (patrol16: read as 500 m, "than" not understood)
        if OWN_POSITION.match(match["place"]) is not None:
            group.distance_km, group.bearing = (nearest, distance), point
            if match["q"]:
                group.distance_qualifier = re.sub(r"\s+", " ", match["q"].lower())
        else:  # "3-5km south of Popasna": the range and direction from the place
            group.event_place = EventPlace(names=(_clean_place(match["place"]),), relation="offset", near_km=nearest,
                                           far_km=distance, point=point,
                                           described=_read_description(scan, start + match.end("place"), end))
        break
    if group.event_place is None:
        _read_event_places(scan, group, start, end)
    _claim_place_descriptions(scan, group, start, end, depths)
    _read_weapon(scan, group, start, end)
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
            (low2, high2), qualifier = _distance_range(match)
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
        group.distance_km, group.distance_qualifier = _distance_range(match)
        previous_end = start + match.end()
    origins: list[str] = []
    for match in scan.find(FIRED_FROM, start, end):
        # the direction the rounds came from: with marks on the ground, or written as "fired/launched from";
        # "heard explosions from a south-easterly direction" stays a bearing from the observer
        if match["dir4"] is not None and not (group.crater or _CRATER_WORD.search(scan.text)):
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
        if point is None or _PART_OF_PLACE.match(scan.text, start + match.end()):
            continue  # "from the SMM observation post in the eastern outskirts of Berdianske": a part of a place
        if re.match(r"[a-z]", match["dir"], re.IGNORECASE) and len(match["dir"]) > 3 and re.match(
                r"\s+(?:part\s+of\s+)?(?:the\s+)?[A-Z][a-z]", scan.text[start + match.end():start + match.end() + 40]):
            # "launched from … in southern Lebanon", "… Forces in South Lebanon (UNIFIL) said" (patrol20's P24, P25): a
            # part of a country or region, or its name, not a direction
            scan.claim(start + match.start(), start + match.end())
            continue
        if _SIDE_OF_PLACE.match(scan.text, start + match.end()) and not re.search(r"\d\s*(?:km|m|metres?|kilometres?)\s*$",
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


def _claim_place_descriptions(scan: Scan, group: Group, start: int, end: int, depths: list[int]) -> None:
    """Offsets left in a place's bracketed description ("… and near Zolote (government-controlled, 60km west of
    Luhansk)", a second place the event-place reading did not take): claimed, so that neither the distance nor the
    direction of the description becomes the event's (patrol13b: "60km west" had become the bearing W and the distance
    60 km of two explosions). The description is named in a warning; the event keeps no distance from it."""
    for match in scan.find(OFFSET, start, end):
        if depths[match.start()] == 0 or OWN_POSITION.match(match["place"]) is not None:
            continue
        opening = _unclosed_paren(scan.text, start, start + match.start())
        if opening < 0:
            continue
        inside = scan.text[opening:start + match.start()]
        if "controlled" not in inside and _NAME_BEFORE_PAREN.search(scan.text, start, opening + 1) is None:
            continue
        scan.claim(start + match.start(), start + match.end())
        group.warnings.append(f"a place's description was not used for the event: {match.group(0)!r}")


#: Words before "of PLACE" that say how the event relates to the place.
#: After a direction, the part of a place it names ("the eastern outskirts of", "the northern edge of"): no bearing
#: (patrol16b: "impacting about 300 metres from the SMM observation post in the eastern outskirts of Berdianske" gave E).
_SIDE_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?!(?:SMM|OSCE|JCCC|EUMM|UN|Mission|patrol|its|their)\b)(?-i:[A-Z])", re.IGNORECASE)
#: (also "firing mortar shells on southern areas of the capital", patrol21's U22)
_PART_OF_PLACE = re.compile(r"\s+(?:outskirts|edge|part|parts|districts?|areas|neighbou?rhoods?|suburbs?|sections?)\s+of\b"
                            # "… at the 22 May Hospital in the eastern suburbs" (patrol21's V08): the town's part
                            r"|\s+(?:suburbs|outskirts)\b", re.IGNORECASE)
_NEAR_OF = re.compile(r"\b(?:(?:in|within)\s+the\s+(?:area|vicinity|environs|surroundings)|(?:in\s+the\s+)?(?:direct\s+)?vicinity)\s+$",
                      re.IGNORECASE)
_IN_OF = re.compile(
    r"\b(?:(?:on|at)\s+the\s+)?(?:(?:northern|southern|eastern|western|north-eastern|north-western|south-eastern|"
    r"south-western|central)\s+)?(?:outskirts|edge|centre|center|part|parts|districts?|side)\s+$", re.IGNORECASE)
_TOWARD_OF = re.compile(r"\b(?:in\s+the\s+|from\s+the\s+)?directions?\s+$", re.IGNORECASE)
_SIDE_OF = re.compile(r"(?:\b(?:to\s+the|on\s+the)\s+)?(?P<dir>" + DIR + r")(?:\s+(?:side|outskirts|edge))?\s+$", re.IGNORECASE)
_MORE_PLACES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?P<place>" + PLACE + r")")


_BRACKETS_AFTER = re.compile(r"^[\s\x1f]*\(([^()]*)\)")


def _read_description(scan: Scan, position: int, end: int) -> tuple[float, str, str, str] | None:
    """The bracketed description right after an event's place ("Pyshchevyk (government-controlled, 25km
    north-east of Mariupol)"): claimed; its offset as (km, point, place, text), or None."""
    brackets = _BRACKETS_AFTER.match(scan.view(position, end))
    if brackets is None:
        return None
    offset = OFFSET.search(brackets.group(1))
    if offset is None or offset["d0"] is not None or OWN_POSITION.match(offset["place"]) is not None:
        return None
    point = ph.parse_direction(offset["dir"])
    if point is None:
        return None
    scan.claim(position + brackets.start(1) - 1, position + brackets.end())
    return _km(offset["d"], offset["u"]), point, _clean_place(offset["place"]), offset.group(0)


_POST_EVENT = re.compile(r"\b(?P<prep>near|at|close\s+to|next\s+to|in\s+the\s+vicinity\s+of)\s+(?:the\s+)?(?:(?:UN|United\s+Nations|JCCC|OSCE)\s+)?"
                         r"(?P<post>(?i:observation\s+post|OP|outpost|observation\s+point)\s+(?:\d+[A-Za-z]?|[A-Z]{1,3}-?\d+))\b")


def _read_event_places(scan: Scan, group: Group, start: int, end: int) -> None:
    """"in Pyshchevyk", "near Zolote and Popasna", "in the area of Bohdanivka", "in the direction of X", "near
    observation post 52" (a post: unknown to the bundled gazetteer, so warned and left unlocated)."""
    post = next(scan.find(_POST_EVENT, start, end), None)
    if post is not None:
        scan.claim(start + post.start(), start + post.end())
        group.event_place = EventPlace(names=(re.sub(r"\s+", " ", post["post"]),),
                                       relation="in" if post["prep"].lower() == "at" else "near")
        return
    for match in scan.find(AT_PLACE, start, end):
        name = _clean_place(match["place"])
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
        while (more := _MORE_PLACES.match(scan.view(cursor, end))) is not None:  # "near Zolote and Popasna"
            other = _clean_place(more["place"])
            if NOT_PLACES.match(other.split()[0]) or REGION_AFTER.match(scan.text[cursor + more.end():end]):
                break
            cursor += more.end()
            if (border := BORDER_AFTER.match(scan.text, cursor, end)) is not None:
                other, cursor = other + " " + border.group(0).strip(), border.end()
            names.append(other)
        scan.claim(claim_from, cursor)
        described = _read_description(scan, cursor, end) if len(names) == 1 else None
        group.event_place = EventPlace(names=tuple(names), relation=relation, described=described)
        return


#: A distance and direction from a road: "about 130m south-east of the M-04 highway" (where the patrol was).
_ROAD_OFFSET = re.compile(
    r"(?:\b(?:about|approximately|some|around|roughly)\s+)?\b\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?"
    r"(?:km|m|metres|meters|kilometres|kilometers)\s+" + DIR + r"\s+of\s+(?:the\s+|a\s+)?(?:[A-Z]-?\d{1,4}\s+|main\s+)?"
    r"(?:highway|road|motorway|railway\s+(?:line|track))\b(?!\s+between\b)", re.IGNORECASE)
#: "the Popasna area": the area about a town; but "the Donetsk area", "the Luhansk area" may be the region's, as before.
_AREA_AFTER = re.compile(r"\s+area\b", re.IGNORECASE)
_OBLAST_NAME = re.compile(r"(?:Donetsk|Luhansk|Lugansk|Kharkiv|Zaporizhzhia|Dnipropetrovsk|Kherson|Mykolaiv|Odesa|Odessa)")


_HEADING = re.compile(
    r"\b(?:in\s+an?\s+(?P<dir>" + ph.DIRECTION + r")\s+direction|(?:heading|flying)\s+(?:towards\s+(?:the\s+)?)?(?P<dir2>"
    + ph.DIRECTION + r")|towards\s+the\s+(?P<dir3>" + ph.DIRECTION + r"))\b", re.IGNORECASE)
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


#: A part of a count named by its weapon only: "42 undetermined explosions, including 30 assessed as anti-aircraft cannon rounds".
_WEAPON_PART = re.compile(
    r"\s*(?:including|of\s+which|of\s+them)?\s*(?:(?P<qual>about|around|approximately|some|almost|nearly|at\s+least|more\s+than|over)\s+)?"
    r"(?P<n>" + ph.NUMBER + r")\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?assessed\s+as\s+(?:an?\s+)?(?P<what>[^()]*?)\s*$",
    re.IGNORECASE)


#: Where a second part by weapon begins: "(including about 40 assessed as artillery fire and about 60 assessed as …)".
_NEXT_WEAPON_PART = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:(?:about|around|approximately|some|almost|nearly|at\s+least|more\s+than|over)\s+)?"
    r"(?:" + ph.NUMBER + r")\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?assessed\s+as\b)", re.IGNORECASE)


def _weapon_parts(scan: Scan, group: Group, paren: re.Match[str], start: int) -> bool:
    """"(including about 40 assessed as artillery fire and about 60 assessed as tank fire)": each part with its own
    weapon, the rest without (True if read). patrol14c: the one-part reading took "artillery fire and about 60 assessed
    as tank fire" as one weapon's, and gave the 40 the weapon named first in the list of weapons (tank)."""
    low, high = start + paren.start(1), start + paren.end(1)
    cuts = [match for match in _NEXT_WEAPON_PART.finditer(scan.text, low, high)]
    if not cuts or group.count is None:
        return False
    spans = [(low, cuts[0].start())] + [(cut.end(), nxt.start()) for cut, nxt in zip(cuts, cuts[1:])] + [(cuts[-1].end(), high)]
    numbers: list[int] = []
    weapons: list[str] = []
    for part_start, part_end in spans:
        part = _WEAPON_PART.match(scan.text, part_start, part_end)
        number = ph.parse_number(part["n"]) if part is not None else None
        if part is None or number is None:
            return False
        labels = [label for pattern, label in ph.WEAPON_PATTERNS if pattern.search(part["what"])]
        if len(set(labels)) != 1 or re.search(r"\b(?:outgoing|incoming|impacts?|air[- ]?bursts?)\b", part["what"], re.IGNORECASE):
            return False  # each part must name one weapon and no kind
        numbers.append(number)
        weapons.append(labels[0])
    if sum(numbers) > group.count or len(set(weapons)) != len(weapons):
        return False
    scan.claim(start + paren.start(), start + paren.end())
    kept = [weapon for weapon in (group.weapon, *group.other_weapons) if weapon is not None and weapon not in weapons]
    group.weapon, group.other_weapons = (kept[0], kept[1:]) if kept else (None, [])
    rest = group.count - sum(numbers)
    group.breakdown = [(group.kind, number) for number in numbers] + ([(group.kind, rest)] if rest > 0 else [])
    group.breakdown_weapons = dict(enumerate(weapons))
    return True


def _weapon_part(scan: Scan, group: Group, paren: re.Match[str], start: int) -> bool:
    """", including 30 assessed as anti-aircraft cannon rounds,": that part with its weapon, the rest without (True if read)."""
    if _NEXT_WEAPON_PART.search(scan.text, start + paren.start(1), start + paren.end(1)) is not None:
        return _weapon_parts(scan, group, paren, start)
    part = _WEAPON_PART.match(scan.text, start + paren.start(1), start + paren.end(1))
    number = ph.parse_number(part["n"]) if part is not None else None
    if part is None or number is None or group.count is None or number > group.count:
        return False
    labels = [label for pattern, label in ph.WEAPON_PATTERNS if pattern.search(part["what"])]
    if not labels or re.search(r"\b(?:outgoing|incoming|impacts?|air[- ]?bursts?)\b", part["what"], re.IGNORECASE):
        return False
    scan.claim(start + paren.start(), start + paren.end())
    weapon = labels[0]
    if group.weapon == weapon:  # read from inside the brackets: the part's, not the whole count's
        group.weapon = group.other_weapons.pop(0) if group.other_weapons else None
    group.breakdown = [(group.kind, number)] + ([(group.kind, group.count - number)] if number < group.count else [])
    group.breakdown_weapons = {0: weapon}
    return True


def _read_breakdown(scan: Scan, group: Group, start: int, end: int) -> None:
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
        if not items and group.kind.startswith("explosion") and group.count is not None and _weapon_part(scan, group, paren, start):
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
                group.breakdown_places = _parts_own_places(written, items, bounds)
        return


_DIRECTION_AFTER = re.compile(r"\s+(?:to\s+the\s+)?(?P<dir>" + DIR + r")(?![\w-])(?!\s+of\b)", re.IGNORECASE)


def _parts_own_places(written: str, items: list[re.Match[str]], bounds: list[int],
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
                found.append((_distance_range(distance)[0], point))
        if len(found) == 1:
            places[index] = found[0]
    return places


def _distance_range(match: re.Match[str]) -> tuple[tuple[float | None, float | None], str | None]:
    """The range in km and the qualifier of a :data:`DISTANCE` match ("up to 2km" -> (0, 2), "up to")."""
    low_text = match["a"] or match["a2"]
    high_text = match["b"] or match["b2"] or low_text
    low_unit = match["ua"] or match["ua2"] or match["unit"]  # "800m-1km", "between 800m and 1km": each end its own unit
    low, high = _km(low_text, low_unit), _km(high_text, match["unit"])
    qualifier = re.sub(r"\s+", " ", (match["qual"] or "").lower())
    if qualifier in ("up to", "within", "less than", "under"):
        low = 0.0
    if qualifier in ("more than", "over", "at least"):
        return (low, None), qualifier
    return (min(low, high), max(low, high)), qualifier or None


def _read_places(scan: Scan, group: Group, start: int, end: int) -> None:
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
            distance_km, qualifier = _distance_range(distance)
            parts.append(PlacePart(count=number, distance_km=distance_km, distance_qualifier=qualifier, bearing=point))
        if len(parts) >= 2 and sum(part.count for part in parts) <= group.count:
            scan.claim(start + listed.start(), start + listed.end())
            group.places = parts
        return


_VIOLATIONS = re.compile(r"\b(?:ceasefire\s+)?violations?(?:\s+of\s+the\s+ceasefire)?\b", re.IGNORECASE)


def _read_denials(scan: Scan, start: int, end: int, negated: list[str], nouns: re.Pattern[str] = KIND_NOUN) -> None:
    """Kind nouns in [start, end) that the text says were not observed ("did not hear any explosions or
    shots"): claimed as understood, their phrases added to ``negated``."""
    previous_end: int | None = None
    for match in scan.find(nouns, start, end):
        noun_start, noun_end = start + match.start(), start + match.end()
        denial = NEGATION.search(scan.text, start, noun_start)
        if denial is None and previous_end is not None:
            denial = NEGATED_LIST.fullmatch(scan.text, previous_end, noun_start)
        if denial is None or COUNT.search(scan.text[denial.start():noun_start]) is not None and denial.re is NEGATED_LIST:
            previous_end = None
            continue
        scan.claim(denial.start(), noun_end)
        negated.append(scan.text[denial.start():noun_end].strip(" ,"))
        previous_end = noun_end


#: A count written before the count of a kind noun: "four and six undetermined explosions …" (two observations of
#: that kind; patrol16: the "four" was left unread).
_COUNT_AND_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?<!\bbetween\s)(?P<n>\d{1,4}|(?i:" + ph.NUMBER_WORD + r"))\s+(?i:and)\s+$")
#: Clock times given to the observations in order: "at 09:15 and 09:40, respectively".
_TIMES_RESPECTIVELY = re.compile(
    r"\b(?:at\s+)?(?P<times>" + ph.CLOCK + r"(?:\s*,\s*" + ph.CLOCK + r")*\s*,?\s*and\s+" + ph.CLOCK + r")\s*,?\s*respectively\b",
    re.IGNORECASE)


#: Words that name the mission or its being somewhere: a place in a clause without them is not the observer's.
_OBSERVER_WORDS = re.compile(r"\b(?:SMM|OSCE|patrols?|mission|monitors?|observers?|team|camera|positioned|stationed|located"
                             r"|based|deployed|present|visited|went\s+to|drove|travell?ed|arrived|stopped|parked)\b", re.IGNORECASE)


def _split_counts_before(scan: Scan, groups: list[Group], start: int) -> None:
    """"four and six undetermined explosions": a first observation of the same kind, before the one read (its place and
    time are those written after both, or given to each by "respectively")."""
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        floor = groups[index - 1].end if index > 0 else start
        before = _COUNT_AND_BEFORE.search(scan.view(floor, group.start))
        if before is None or group.count is None or group.count_qualifier is not None:
            continue
        number = ph.parse_number(before["n"])
        if number is None:
            continue
        first = Group(start=floor + before.start(), end=floor + before.start("n") + len(before["n"]), kind=group.kind,
                      kinds=list(group.kinds), count=number)
        scan.claim(floor + before.start(), floor + before.end())
        groups.insert(index, first)


#: A part of a count and the region it was in: "97 explosions per day, 95 of which in the Donetsk region", "…, of which
#: 95 were in Donetsk region" (patrol17: the whole was put in Donetsk region and the part not read).
_PART_IN_REGION = re.compile(
    r"[,;]?\s*(?:(?P<n>" + ph.NUMBER + r")\s+of\s+(?:which|them|these)|(?:of\s+(?:which|them|these)|including)\s+(?P<n2>"
    + ph.NUMBER + r"))\s+(?:(?:were|was)\s+(?:recorded\s+)?)?in\s+(?:the\s+)?(?P<region>Donetsk|Luhansk)"
    r"\s+(?i:region|oblast)\b")


def _add_part_in_region(groups: list[Group], match: re.Match[str], at: int) -> None:
    """The part "95 of which in the Donetsk region" of the count written before it: a record of its own, in that region."""
    before = [group for group in groups if group.end <= at and group.count is not None]
    number = ph.parse_number(match["n"] or match["n2"])
    if not before or number is None or number > (before[-1].count or 0):
        return
    whole = before[-1]
    groups.insert(groups.index(whole) + 1, Group(
        start=at, end=at + len(match.group(0)), kind=whole.kind, kinds=list(whole.kinds), count=number, weapon=whole.weapon,
        part_of=whole.count, region=match["region"]))


#: The fire named as the cause of damage seen before: "The SMM assessed that a 152mm shell - fired from a north-easterly
#: direction - had caused it" (patrol18b, C05: read as one explosion observed, beside the crater it made).
_CAUSED_IT = re.compile(r"\b(?:had|has|have)\s+(?:(?:most\s+)?likely\s+)?caused\s+(?:it|them|the\s+(?:craters?|damage|holes?))\b",
                        re.IGNORECASE)


def _causes_of_damage(scan: Scan, groups: list[Group], end: int) -> None:
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


def _own_regions(scan: Scan, groups: list[Group], regions: list[tuple[int, str]]) -> None:
    """"recorded 87 explosions in Donetsk region and two explosions in Luhansk region": each count is in the region written
    right after it (patrol18b, C11: both were put in the first)."""
    for index, group in enumerate(groups):
        following = groups[index + 1].start if index + 1 < len(groups) else None
        for at, name in regions:
            if at >= group.end and (following is None or at < following):
                if group.region is None and re.fullmatch(r"[\s,]*", scan.text[group.end:at]):
                    group.region = name
                break


#: Between fire of unstated number and the count that sizes it: "sounds of outgoing shelling estimated to be 10-15 shots",
#: "artillery fire, estimated at about 20 rounds".
#: ("assessed as" is not one: "explosions assessed as nine outgoing mortar rounds" are of the assessed kind.)
_ESTIMATED_AS = re.compile(r"[\s,]*(?:(?:which\s+(?:was|were)\s+)?estimated\s+(?:to\s+(?:be|have\s+been|number)|at)"
                           r"|amounting\s+to|numbering)\s*$", re.IGNORECASE)


def _merge_estimated_count(scan: Scan, groups: list[Group]) -> None:
    """"the SSM heard … sounds of outgoing shelling estimated to be 10-15 shots" (patrol17: an outgoing record of unstated
    number and 15 shots beside it): one observation, the fire's kind and the estimate's count."""
    for index in range(len(groups) - 1, 0, -1):
        before, group = groups[index - 1], groups[index]
        if before.count is not None or group.count is None or before.crater or before.sighting is not None:
            continue
        if _ESTIMATED_AS.match(scan.text, before.end, group.start) is None:
            continue
        if before.kind != "other":
            group.kind, group.kinds = before.kind, list(before.kinds)
        group.weapon = group.weapon or before.weapon
        group.fire = group.fire or before.fire
        scan.claim(before.end, group.start)
        group.start = before.start
        del groups[index - 1]


def _read_respectively(scan: Scan, groups: list[Group], end: int) -> None:
    """"1 outgoing round and 1 impact, 3-4km east and 5-6km south-east, respectively": one distance
    and direction for each observation, in order (only when there are as many as observations); "at 09:15 and 09:40,
    respectively": one time each."""
    start = groups[-1].end
    timed = next(scan.find(_TIMES_RESPECTIVELY, start, end), None)
    if timed is not None:
        clocks = re.findall(ph.CLOCK, timed["times"])
        if len(clocks) == len(groups):
            for group, clock in zip(groups, clocks):
                group.times = (_clock(clock, None), _clock(clock, None))
            scan.claim(start + timed.start(), start + timed.end())
    match = next(scan.find(RESPECTIVELY, start, end), None)
    if match is None:
        return
    pairs = list(PAIR.finditer(match["pairs"]))
    if len(pairs) != len(groups):
        return
    for group, pair in zip(groups, pairs):
        distance = DISTANCE.fullmatch(pair["dist"])
        point = ph.parse_direction(pair["dir"])
        if distance is None or point is None:
            return
        group.distance_km, group.distance_qualifier = _distance_range(distance)
        group.bearing = point
    scan.claim(start + match.start(), start + match.end())


_PREVIOUS_END = re.compile(r"\bprevious\s+(?:reporting\s+)?(?:period|day|24\s+hours|week)\b(?:\s*\([^()]*\))?", re.IGNORECASE)
_ALL_OF_THEM = re.compile(r",\s*(?:all|both)(?:\s+of\s+(?:them|which))?\b", re.IGNORECASE)
#: Observations listed apart ("…; six projectiles …, as well as two outgoing explosions … north, all at undetermined
#: distances"): a direction written before the "all" that follows them is the last one's, not the earlier ones'.
_SEPARATE_LISTING = re.compile(r"\bas\s+well\s+as\b|;", re.IGNORECASE)
_PREVIOUS_PERIOD = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+previous\s+(?:reporting\s+)?(?:period|day|24\s+hours|week)\b", re.IGNORECASE)


def _read_comparison(scan: Scan, start: int, end: int) -> str | None:
    """"…, compared with 180 ceasefire violations, including 67 explosions, in the previous reporting period":
    claimed as understood (its counts are another period's, not observations); returns its text. Written
    first ("Compared with the previous day, the SMM recorded …") it runs to the first comma."""
    match = next(scan.find(COMPARED, start, end), None)
    if match is None:
        return None
    first = start + match.start()
    period = _PREVIOUS_END.search(scan.text, first, end)
    if not scan.text[start:first].strip(" \t,"):
        comma = scan.text.find(",", first, end)
        last = comma if comma >= 0 else end
    elif period is not None:  # "… compared with the previous reporting period (about 80 explosions), including …"
        last = period.end()
    else:
        last = end
        while last > first and scan.text[last - 1] in " .;":
            last -= 1
        first = max(start, first - 1) if scan.text[first - 1:first] == "," else first
    scan.claim(first, last)
    return re.sub(r"\s+", " ", scan.text[first:last].strip(" ,"))


#: The end of a tally's region before "and": "… in Donetsk region and" (then "two in Luhansk region" is a second tally).
REGION_AND_BEFORE = re.compile(r"\bregion\s+and\s+$", re.IGNORECASE)
#: The second tally of "32 ceasefire violations in Donetsk region and two in Luhansk region", as its own clause: "two in
#: Luhansk region" (the clause break before it is made only after "… region").
_REGION_TALLY = re.compile(r"^[\s\x1f]*(?:(?P<qual>about|around)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD
                           + r")\s+(?=in\s+[A-Z][a-z]+\s+region\b|in\s+(?P<bare_region>Donetsk|Luhansk)\b(?!\s+(?:city|airport|region)\b))",
                           re.IGNORECASE)
_REGION_NONE = re.compile(r"^[\s\x1f]*none(?=\s+in\s+[A-Z][a-z]+\s+region\b)", re.IGNORECASE)


#: A share of the tally that were explosions: "some 3,000 violations, half of which were explosions" (patrol21's U01: an
#: explosion record of no number), read as about that many.
_SHARES = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25}
_EXPLOSIONS_SHARE = re.compile(r",?\s*\b(?P<share>half|(?:a|one)\s+third|(?:a|one)\s+quarter)\s+of\s+(?:which|them|these)\s+"
                               r"(?:were|being)\s+(?P<noun>explosions)\b", re.IGNORECASE)


#: Weapons given up, counted: "… noted that, by October 2, 76 armored vehicles, 92 military vehicles, … were handed over"
#: (patrol21's V14: 76 armoured vehicles seen): a tally of disarmament, not weapons seen.
_HANDED_OVER = re.compile(r"\b(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:handed\s+over|surrendered|turned\s+over|"
                          r"handed\s+in|collected|destroyed\s+under)\b", re.IGNORECASE)


def _read_violation_tally(scan: Scan, start: int, end: int) -> tuple[int | None, str | None, str | None]:
    """"232 ceasefire violations", "more ceasefire violations in Donetsk region (about 420)": the tally
    (number, qualifier, trend), claimed."""
    for pattern in (VIOLATION_COUNT, VIOLATION_PAREN, _VIOLATIONS_COLON, _VIOLATED_TIMES, _TIMES_VIOLATED, _NOTING_INSTANCES):
        match = next(scan.find(pattern, start, end), None)
        if match is not None:
            scan.claim(start + match.start(), start + match.end())
            qualifier = ph.COUNT_QUALIFIERS.get(re.sub(r"\s+", " ", (match.groupdict().get("qual") or "").lower()))
            trend = match.groupdict().get("trend")
            number: int | None
            if match.groupdict().get("once"):
                number = 1 if match["once"].lower() == "once" else 2
            else:
                number = ph.parse_number(match["n"].replace(",", "") if match["n"][0].isdigit() else match["n"])
            return number, qualifier, re.sub(r"\s+", " ", trend.lower()) if trend else None
    return None, None, None


#: "… with more than 170 explosions, mostly in areas east and north-east of Mariupol" (patrol18b's C13: placed near
#: Mariupol with the bearing E): a share of the count, its areas kept and not located, as "The majority of … were recorded
#: in areas …" is.
#: Also with the areas named before the word: "… including more than 280 explosions …, mostly in Avdiivka-Yasynuvata and
#: Svitlodarsk areas, as well as in areas east and north-east of Mariupol" (patrol19: placed at "Avdiivka-Yasynuvata",
#: with the bearing NE..E).
_NAMED_AREA = r"[A-Z][\w'’-]*(?:[-/–][A-Z][\w'’-]*)*"
_MOSTLY_IN_AREAS = re.compile(r"\b(?P<share>mostly)(?:(?=\s+in\s+(?:the\s+)?areas?\s)|\s+in\s+(?:the\s+)?(?P<named>" + _NAMED_AREA
                              + r"(?:\s*,\s*" + _NAMED_AREA + r")*(?:,?\s+and\s+" + _NAMED_AREA + r")?)\s+areas?\b)",
                              re.IGNORECASE)


def _read_violation_share(scan: Scan, start: int, end: int) -> tuple[str | None, list[str]]:
    """"The majority of ceasefire violations were recorded in areas south-west and north-west of Horlivka and at
    southerly directions of Pyshchevyk (…)": the share and its areas (``"SW..NW of Horlivka"``), claimed. The places
    are not located: a summary says where most of the fire was, not where one observation was."""
    match = next(scan.find(VIOLATION_SHARE, start, end), None) or next(scan.find(_MOSTLY_IN_AREAS, start, end), None)
    if match is None or (match["share"].lower() == "all" and re.search(r"(?i)\bof\s+which\b", match.group(0))):
        return None, []  # "… 40 bursts, all of which were recorded near Zolote and Popasna": all of them, placed there
    scan.claim(start + match.start(), start + match.end())
    share = re.sub(r"\s+", " ", match["share"].lower()).replace("mostly", "most")
    share = "the " + share if share in ("majority", "vast majority", "rest", "remainder") else share
    if match.groupdict().get("noun") is not None and "violations" not in match["noun"].lower():
        share += " of " + match["noun"].lower()  # "the majority of explosions"
    areas: list[str] = []
    if match.groupdict().get("named"):  # "mostly in Avdiivka-Yasynuvata and Svitlodarsk areas"
        areas.append("in the " + re.sub(r"\s+", " ", match["named"]) + " areas")
    after = start + match.end()
    depths = _parenthesis_depth(scan.text, after, end)
    for area in scan.find(VIOLATION_AREA, after, end):
        if depths[area.start()] > 0:
            continue  # "(government-controlled, 25km north-east of Mariupol)": the place's description
        points = [point for point in (ph.parse_direction(part) for part in re.findall(DIR, area["dirs"])) if point]
        if not points:
            continue
        scan.claim(after + area.start(), after + area.end())
        described = _BRACKETS_AFTER.match(scan.view(after + area.end(), end))
        if described is not None:
            scan.claim(after + area.end(), after + area.end() + described.end())
        areas.append(f"{covering_sector(points)} of {_clean_place(area['place'])}")
    for disengagement in scan.find(_DISENGAGEMENT, after, end):  # "inside the disengagement area near Zolote"
        scan.claim(after + disengagement.start(), after + disengagement.end())
        place = AT_PLACE.match(scan.view(after + disengagement.end(), end).lstrip(" \x1f"))
        text = f"{disengagement['where'].lower().replace('within', 'inside')} the disengagement area"
        if place is not None and not NOT_PLACES.match(place["place"].split()[0]):
            offset = after + disengagement.end() + (len(scan.view(after + disengagement.end(), end))
                                                    - len(scan.view(after + disengagement.end(), end).lstrip(" \x1f")))
            scan.claim(offset + place.start(), offset + place.end())
            text += f" {place['prep'].lower()} {_clean_place(place['place'])}"
        areas.append(text)
    for periphery in scan.find(PERIPHERY, after, end):
        scan.claim(after + periphery.start(), after + periphery.end())
        areas.append(re.sub(r"\s+", " ", periphery.group(0)))
    for place in scan.find(AT_PLACE, after, end):  # "near Zolote and Popasna", "in Donetsk city"
        name = _clean_place(place["place"])
        if NOT_PLACES.match(name.split()[0]) or REGION_AFTER.match(scan.text[after + place.end():end]):
            continue
        names = [name]
        cursor = after + place.end()
        while (more := _MORE_PLACES.match(scan.view(cursor, end))) is not None:  # "near Zolote and Popasna"
            if NOT_PLACES.match(more["place"].split()[0]):
                break
            names.append(_clean_place(more["place"]))
            cursor += more.end()
        scan.claim(after + place.start(), cursor)
        preposition = re.sub(r"\s+", " ", place["prep"].lower())
        areas.append(f"{preposition} {' and '.join(names)}")
    return share, areas


def _read_violation_trend(scan: Scan, start: int, end: int) -> str | None:
    """"more ceasefire violations" (than the period before), with no number: the word, claimed."""
    match = next(scan.find(VIOLATION_TREND, start, end), None)
    if match is None:
        return None
    scan.claim(start + match.start(), start + match.end())
    return re.sub(r"\s+", " ", match["trend"].lower())


#: "The SMM assessed (a further) 30 explosions as tank rounds": "assessed" is the observing verb, the count its object.
_ASSESSED_COUNT_BEFORE = re.compile(r"\bassessed\s+(?:(?:a\s+)?(?:further|another|additional)\s+)?(?:[\w,()-]+\s+){1,4}$", re.IGNORECASE)
_AS_AFTER_NOUN = re.compile(r"\s+as\s+(?:an?\s+)?(?:(?!(?:well|such|part|a|of)\b)[\w()-]+\s+){0,5}", re.IGNORECASE)
_ASSESSED_COUNT_LEAD = re.compile(r"\bassessed\s+(?:(?:a\s+)?(?:further|another|additional)\s+)?$", re.IGNORECASE)
_AS_KIND_AFTER = re.compile(r"^[\s\x1f]*as\s+(?:an?\s+)?(?:(?:\(?\d+\s?mm\)?|(?!(?:outgoing|incoming|impacts?)\b)[\w-]+)\s+){0,3}?"
                            r"(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?)?", re.IGNORECASE)
#: Someone before "fire", which is then a verb: "saw him fire a burst", "the men fire".
_SOMEONE_BEFORE = re.compile(r"\b(?:him|her|them|they|he|she|men|man|soldiers?|individuals?|members?|someone|who|to)\s+$", re.IGNORECASE)
#: A total assessed as counted parts: "700 explosions assessed as 680 outgoing artillery rounds … and 20 outgoing tank rounds".
_ASSESSED_AS_PARTS = re.compile(r"[\s\x1f,]*(?:(?:were|was|all)\s+)?(?:assessed|believed|determined)\s+(?:as|to\s+be)\s+$", re.IGNORECASE)


def _split_assessed_total(scan: Scan, groups: list[Group], noun_ends: list[int]) -> None:
    """A count of explosions followed by "assessed as" and counted parts that add up to it: the parts are the
    observations (each ``part_of`` the total); the total is not a further record."""
    index = 0
    while index < len(groups) - 1:
        whole = groups[index]
        count_start = groups[index + 1].start
        lead = _ASSESSED_AS_PARTS.search(scan.text, noun_ends[index], count_start) if noun_ends[index] <= count_start else None
        if whole.count is None or not whole.kind.startswith("explosion") or lead is None or whole.breakdown or whole.places:
            index += 1
            continue
        total, last = 0, index
        for later in range(index + 1, len(groups)):
            if groups[later].count is None:
                break
            total += groups[later].count or 0
            last = later
            if total >= whole.count:
                break
        if total != whole.count or last == index:
            index += 1
            continue
        for part in groups[index + 1:last + 1]:
            part.part_of = whole.count
            part.times = part.times or whole.times
            part.duration = part.duration or whole.duration
            part.relative_time = part.relative_time or whole.relative_time
            part.warnings.extend(warning for warning in whole.warnings if warning not in part.warnings)
        groups[index + 1].start = whole.start
        del groups[index]
        del noun_ends[index]
        index = last


def read_clause(scan: Scan, start: int, end: int, previous_kind: str | None = None) -> ClauseReading:
    """Read one clause: where, when, and what was observed."""
    region_tally: tuple[int | None, str | None, str | None] | None = None
    bare = _REGION_TALLY.match(scan.view(start, end))
    if bare is not None and REGION_AND_BEFORE.search(scan.text, max(0, start - 12), start):
        scan.claim(start + bare.start(), start + bare.end())
        number = bare["n"].replace(",", "")
        region_tally = (int(number) if number.isdigit() else ph.parse_number(number),
                        ph.COUNT_QUALIFIERS.get((bare["qual"] or "").lower()), None)
        if bare["bare_region"] is not None:  # "… and 120 in Luhansk on …": the region, not a town the fire was in
            scan.claim(start + bare.end(), start + bare.end() + len("in ") + len(bare["bare_region"]))
    none = _REGION_NONE.match(scan.view(start, end))
    if none is not None and REGION_AND_BEFORE.search(scan.text, max(0, start - 12), start):
        scan.claim(start + none.start(), start + none.end())
    else:
        none = None
    for pattern in (ACRONYM, SEE_ALSO):
        for match in scan.find(pattern, start, end):
            scan.claim(start + match.start(), start + match.end())
    reported_by = None
    hearsay = _HEARSAY.match(scan.view(start, end))
    if hearsay is not None:  # "The JCCC reported that …": what others told the mission
        reported_by = _hearsay_source(hearsay["who"] or hearsay["who2"])
        if reported_by is not None:
            scan.claim(start + hearsay.start(), start + hearsay.end())
    for pattern in (_ASSESSED_DAMAGE, _FOLLOWED_UP_THAT, _FOLLOWED_UP, _BOTH_SIDES, _OVERHEAD, _SHELLED_BEFORE, _NO_FIRE_OBSERVED):
        for match in scan.find(pattern, start, end):
            scan.claim(start + match.start(), start + match.end())
    peaks = [re.sub(r"\s+", " ", match.group(0).strip(" ,")) for match in scan.find(_PEAK, start, end)]
    for match in scan.find(_PEAK, start, end):
        scan.claim(start + match.start(), start + match.end())
    choices = list(scan.find(_CALIBRE_CHOICE, start, end))
    for match in choices:  # "either 122 or 152mm artillery rounds": two calibres, neither the rounds' (122 is no count)
        scan.claim(start + match.start(), start + match.end())
    if _CRATER_WORD.search(scan.text, start, end):
        for match in scan.find(_MARKS_FROM_SHELLING, start, end):
            # "three craters which they said resulted from shelling on 26 August": what made the craters, not fire
            # observed (patrol14: an explosion record of unstated number)
            scan.claim(start + match.start(), start + match.end())
    target = next(scan.find(_TARGET, start, end), None)
    if target is not None:  # "the SMM's mini-UAV was fired upon with small-arms fire": fire at the mission
        scan.claim(start + target.start(), start + target.end())
    aimed = next(scan.find(_AIMED_AT, start, end), None)
    if aimed is not None:  # "…, assessed as aimed at the mini-UAV": the UAV is the target, not a weapon or a sighting
        scan.claim(start + aimed.start(), start + aimed.end())
    for match in scan.find(_PATROL_STATE, start, end):
        scan.claim(start + match.start(), start + match.end())
    if aimed is None:
        aimed = next(scan.find(_NEAR_OWN_UAV, start, end), None)  # "20 shots … near the UAV": the UAV is the target
        if aimed is not None:
            scan.claim(start + aimed.start(), start + aimed.end())
    for match in [*scan.find(_SPEAKER_AFTER, start, end), *scan.find(_QUOTED_SPEAKER_AFTER, start, end),
                  *scan.find(_TITLED_SPEAKER_AFTER, start, end)]:
        # "… firing a total of 84 120-mm mortar rounds,” reported Col. Lysenko.": who said it, not a verb of observing
        # (patrol20's P20: "reported" divided the clause and nothing before it was read); also a longer title ("”, reported
        # Ukrainian Ministry of Defense spokesman Colonel Dmytro Hutsulyak at a press briefing at …", R06)
        if KIND_NOUN.search(match["attribution"]) is None and not re.search(r"\d", match["attribution"]):
            scan.claim(start + match.start("attribution"), start + match.end("attribution"))
    # the comparison first: its own verb ("against the 95 ceasefire breaches reported in the previous week", patrol21's
    # U13) is not the clause's
    compared_with = _read_comparison(scan, start, end)
    verb = next(scan.find(VERB, start, end), None)
    has_verb = verb is not None
    hit_subject: int | None = None  # where the thing hit is named: "the … building in Debaltseve (…) was hit by"
    if verb is not None:
        auxiliary = PASSIVE.search(scan.view(start, start + verb.start()))
        if auxiliary is not None and KIND_NOUN.search(scan.view(start, start + auxiliary.start())) is not None:
            # "12 explosions were heard 3km south": the observation is written before the verb
            scan.claim(start + auxiliary.start(), start + verb.end())
            verb = None
    if verb is not None:
        context_end, observation_start = start + verb.start(), start + verb.end()
        scan.claim(context_end, observation_start)
    else:
        first_noun = next(scan.find(KIND_NOUN, start, end), None)
        context_end = observation_start = start + first_noun.start() if first_noun else end
        if first_noun is not None:
            # a count before the noun belongs to the observation, not the context
            context_text = scan.view(start, context_end)
            # the count starts a word: not the "a" that ends "Popasna" in "positioned in Popasna to conduct an unmanned aerial
            # vehicle flight" (session 15: the observer place was cut to "Popasn")
            count = _COUNT_AT_WORD.search(context_text)
            if count is not None:
                context_end = observation_start = start + count.start()
                parts = (_SHARED_WEAPON_PARTS.search(context_text, 0, count.start())
                         or _SHARED_PARTS.search(context_text, 0, count.start()))
                if parts is not None:  # "Militants fired twelve 82-mm and six 120-mm mortar rounds": all the counts
                    context_end = observation_start = start + parts.start()
            else:  # "… that 120mm mortar rounds had impacted": its weapon and calibre belong to it too
                named = _NAMED_BEFORE.search(scan.view(start, context_end))
                if named is not None:
                    context_end = observation_start = start + named.start()
            hit_by = _HIT_BY.search(scan.view(start, context_end))
            if hit_by is not None:  # "… that her house had been hit by a shell"
                context_end = observation_start = start + hit_by.start()
                things = list(_HIT_THING.finditer(scan.text, start, context_end))
                hit_subject = start + things[-1].start() if things else None
        if target is not None and start + target.end() <= context_end:
            context_end = observation_start = start + target.end()  # "the SMM's UAV was fired upon with small-arms fire"
    region = bare["bare_region"] if region_tally is not None and bare is not None else None
    if region_tally is not None and previous_kind not in (None, "other") and region_tally[0] is not None:
        # "40 explosions in Donetsk region and 12 in Luhansk region": twelve more of the kind before, not a tally of
        # ceasefire violations (session 15; "18 ceasefire violations in Luhansk region and three in Donetsk region" is a
        # tally, as before)
        elliptical = Group(start=start, end=end, kind=previous_kind, kinds=[previous_kind], count=region_tally[0],
                           count_qualifier=region_tally[1])
        region_tally = None
    else:
        elliptical = None
    part_in_region = next(scan.find(_PART_IN_REGION, start, end), None)
    if part_in_region is not None:  # read after the groups: the part's region is not the whole's
        scan.claim(start + part_in_region.start(), start + part_in_region.end())
    regions_written = []
    for match in scan.find(REGION, start, end):
        scan.claim(start + match.start(), start + match.end())
        region = region or match["name"]
        if match["name"]:
            regions_written.append((start + match.start(), match["name"]))
    negated: list[str] = []
    if none is not None:  # "… in Donetsk region and none in Luhansk region"
        negated.append("none")
    _read_denials(scan, start, context_end, negated)  # "The SMM did not hear any explosions, but heard 3 shots"
    position = read_position(scan, start, context_end)
    context_times = read_times(scan, start, context_end)
    parts_of_day = []
    parts_of_day_at = []
    for match in scan.find(TIME_OF_DAY, start, end):
        scan.claim(start + match.start(), start + match.end())
        parts_of_day.append(re.sub(r"\s+", " ", match.group(0).lower()))
        parts_of_day_at.append((start + match.start(), parts_of_day[-1]))
    relative_matches = list(scan.find(RELATIVE_TIME, start, end))
    for match in relative_matches:
        scan.claim(start + match.start(), start + match.end())
    if position is None:
        trigger = re.search(r"\b(?:while|when|whilst|from\s+its\s+position|positioned)\b|" + _OWN_PLACE
                            + r"(?:in|near|at|on(?=\s+the\s+[a-z-]+\s+(?:outskirts|edge)\s+of\b))\b"
                            r"|(?<=\bits\sposition\s)(?=\d+(?:[.,]\d+)?\s*km\s+" + ph.DIRECTION + r"\s+of\s+[A-Z])",
                            scan.view(observation_start, end))
        if trigger is not None:
            position = read_position(scan, observation_start + trigger.start(), end)
            if position is not None:
                scan.claim(observation_start + trigger.start(), observation_start + trigger.end())
    previous = next(scan.find(_PREVIOUS_PERIOD, start, end), None)
    if previous is not None:
        scan.claim(start + previous.start(), start + previous.end())
    share, areas = _read_violation_share(scan, start, end)
    violations, violations_qualifier, trend = region_tally or _read_violation_tally(scan, start, end)
    trend = _read_violation_trend(scan, start, end) or trend
    share_of = next(scan.find(_EXPLOSIONS_SHARE, start, end), None) if violations else None
    if share_of is not None:  # "some 3,000 violations, half of which were explosions": the explosions, about so many
        scan.claim(start + share_of.start(), start + share_of.end())
    for match in scan.find(_ASSESSED_LEAD, observation_start, end):
        # "heard explosions it assessed as nine outgoing mortar rounds": the count and kind follow the assessment
        scan.claim(observation_start + match.start(), observation_start + match.end())
    for match in scan.find(_WHAT_ASSESSED, observation_start, end):  # "heard what it assessed as two outgoing rounds"
        scan.claim(observation_start + match.start(), observation_start + match.end())
    groups = read_groups(scan, observation_start, end, clause_start=start, negated=negated)
    if share_of is not None and violations and not any(group.kind.startswith("explosion") for group in groups):
        fraction = _SHARES[re.sub(r"\s+", " ", share_of["share"].lower())]
        groups.append(Group(start=start + share_of.start("noun"), end=start + share_of.end("noun"), kind="explosion_undetermined",
                            kinds=["explosion_undetermined"], count=round(violations * fraction), count_qualifier="about"))
    _split_counts_before(scan, groups, observation_start)
    _merge_estimated_count(scan, groups)
    _causes_of_damage(scan, groups, end)
    if part_in_region is not None:
        _add_part_in_region(groups, part_in_region, start + part_in_region.start())
    if len({name for _, name in regions_written}) > 1:
        _own_regions(scan, groups, regions_written)
    if elliptical is not None and not groups:
        groups = [elliptical]
    # (a clause with no verb of its own from its start: "…; and an additional 26 between 13:00 and 15:45hrs")
    more_start = observation_start if has_verb else start
    more = _MORE_OF_THE_SAME.match(scan.view(more_start, end)) if not groups and previous_kind else None
    if more is None and has_verb and not groups and previous_kind and observation_start > start:
        # the further count is the subject, before a passive verb: "A further 860 were reported in neighbouring Luhansk"
        subject = _FURTHER_SUBJECT.match(scan.view(start, observation_start))
        if subject is not None and subject["n2"] is not None:
            more, more_start = subject, start
    if more is not None and previous_kind is not None and (has_verb or more["n2"] is not None):
        # "…; at 13:55, it heard two more 3km south-east": the kind of the clause before, counted again
        number = "n" if more["n"] is not None else "n2"
        group = Group(start=more_start + more.start(number), end=more_start + more.end(), kind=previous_kind,
                      kinds=[previous_kind], count=ph.parse_number(more[number]))
        scan.claim(more_start + more.start(), more_start + more.end())
        groups = [group]
    if (not groups and verb is not None and verb.group(0).split()[0].lower() in ("saw", "observed", "spotted", "noted")
            and _HANDED_OVER.search(scan.text, start, end) is None):
        groups = _read_weapon_sightings(scan, observation_start, end) or _read_passive_damage(scan, observation_start, end)
        violation = next(scan.find(_IN_VIOLATION, start, context_end), None) if groups else None
        if violation is not None:  # "In violation of withdrawal lines in government-controlled areas, the SMM saw …"
            scan.claim(start + violation.start(), start + violation.end())
            for group in groups:
                group.violation_of = re.sub(r"\s+", " ", violation["what"].lower())
    _read_denials(scan, start, end, negated, _VIOLATIONS)  # "The SMM did not record any ceasefire violations"
    if groups:
        _read_weapon(scan, groups[0], observation_start, groups[0].start)  # "saw a tank firing 5 rounds"
        _read_duration(scan, groups[0], observation_start, groups[0].start)  # "heard, in a one-hour period, 34 explosions"
        _read_duration(scan, groups[0], start, context_end)  # "Over a span of six hours on 18 May, the SMM heard …"
        context_times = context_times or read_times(scan, observation_start, groups[0].start)  # "heard, at 14:05, ..."
        groups[0].start = min(groups[0].start, observation_start)
    relative = []
    for match in relative_matches:  # "…, and, ten minutes later, one projectile": that one's; else the clause's
        words = re.sub(r"\s+", " ", match.group(0).lower())
        following = [group for group in groups[1:] if group.start >= start + match.end()]
        if following and start + match.start() > groups[0].start:
            following[0].relative_time = following[0].relative_time or words
        else:
            relative.append(words)
    for index in range(1, len(groups)):  # "…, and at 22:07 an explosion": a time that leads into the next observation
        lead = LEAD_TIME.search(scan.view(groups[index - 1].end, groups[index].start))
        if lead is not None:
            at = groups[index - 1].end + lead.start()
            groups[index].times = read_times(scan, at, groups[index].start)
            groups[index].own_lead_time = groups[index].times is not None
    for index in range(1, len(groups)):
        # "…, 27 explosions 1-3km north-east, and, between 21:14 and 21:30, nine bursts …": a window that leads into the
        # next observation (patrol16: read as the trailing time of the one before, the windows of the two swapped)
        lead_window = _LEAD_WINDOW.search(scan.text, groups[index - 1].end, groups[index].start)
        if lead_window is not None and not groups[index].own_lead_time:
            # (claimed, so the observation before does not read it as its own)
            scan.claim(lead_window.start("window"), lead_window.end("window"))
            window = (_clock(lead_window["t1"], None), _clock(lead_window["t2"], None))
            groups[index].times, groups[index].own_lead_time = window, True
    if len(groups) > 1:
        _read_respectively(scan, groups, end)
    noun_ends = [group.end for group in groups]
    for index, group in enumerate(groups):
        group_end = groups[index + 1].start if index + 1 < len(groups) else end
        group.all_of_them = _ALL_OF_THEM.search(scan.text, group.end, group_end) is not None
        read_modifiers(scan, group, group.end, group_end)
        group.end = group_end
    last = groups[-1] if groups else None
    if (last is not None and last.kind == "explosion_impact" and len(groups) > 1
            and _FIRED_ONTO_AFTER.match(scan.text[noun_ends[-1]:end]) is not None):
        # "14 artillery shells of 122 mm …, 29 mortar rounds of 120 mm caliber and 93 mortar rounds of 82 mm caliber were
        # launched onto the vicinities of 12 DPR localities": the verb is that of the whole list
        for before in groups[:-1]:
            if before.kind == "explosion_undetermined" and re.fullmatch(r"[^.;:()]*", scan.text[before.start:last.start]):
                before.kind, before.kinds = "explosion_impact", ["explosion_impact"]
    for index in range(len(groups) - 2, -1, -1):
        # "18 bursts and 25 single shots of small-arms and heavy-machine-gun fire": the weapon named after the second
        # noun is the fire of both (only "and" between them)
        group, later = groups[index], groups[index + 1]
        if (group.kind in ("burst", "shot") and later.kind in ("burst", "shot") and group.kind != later.kind
                and group.weapon is None and later.weapon is not None
                and re.fullmatch(r"\s*,?\s*and\s+", scan.text[noun_ends[index]:later.start])):
            group.weapon, group.calibre_mm = later.weapon, group.calibre_mm or later.calibre_mm
            group.other_weapons.extend(weapon for weapon in later.other_weapons if weapon not in group.other_weapons)
    _split_assessed_total(scan, groups, noun_ends)
    for before, group in zip(groups, groups[1:]):
        if group.same_rounds and group.weapon is None:  # "an outgoing 82mm mortar round and … its impact": a mortar's
            group.weapon, group.calibre_mm = before.weapon, group.calibre_mm or before.calibre_mm
    if (violations is not None and groups and groups[0].count is None and groups[0].count_qualifier is None
            and all(group.kind == "other" and group.count is None for group in groups[1:])):
        # "two ceasefire violations, both undetermined explosions": the tally is the count
        # ("… two ceasefire violations – both shots of small-arms fire", patrol16b: a dash as well as a comma)
        every = re.search(r"(?:,|\s[–—-])\s*(?P<word>all|both)\s+(?:[\w-]+\s+)?" + KIND_NOUN.pattern, scan.text[start:end],
                          re.IGNORECASE)
        if every is not None and (every["word"].lower() == "all" or violations == 2):
            groups[0].count = violations
            # "326 ceasefire violations, all bursts and shots of small-arms, heavy machine-gun and 30mm cannon fire":
            # the weapons after the first are the same violations, not observations of their own
            first = groups[0]
            for later in groups[1:]:
                if later.weapon is not None and later.weapon not in first.other_weapons:
                    first.other_weapons.append(later.weapon)
                first.end = later.end
                first.event_place = first.event_place or later.event_place
                first.times = first.times or later.times
                if first.distance_km is None and first.bearing is None:
                    first.distance_km, first.bearing = later.distance_km, later.bearing
            del groups[1:]
    for index in range(len(groups) - 1, 0, -1):  # "15 explosions, including several salvos of MLRS": one observation
        part, whole = groups[index], groups[index - 1]
        if part.part_of_previous:
            whole.weapon = whole.weapon or part.weapon
            whole.salvos = part.salvos if part.salvos is not None else whole.salvos
            whole.warnings.extend(part.warnings)
            whole.end = part.end
            if whole.distance_km is None and whole.bearing is None:
                whole.distance_km, whole.bearing, whole.distance_qualifier = part.distance_km, part.bearing, part.distance_qualifier
            whole.times = whole.times or part.times
            del groups[index]
    # a distance, direction or time written after the last of several observations
    # ("11 explosions and 60 bursts, all 2-5km south") applies to those before it
    for index in range(len(groups) - 2, -1, -1):
        later, group = groups[index + 1], groups[index]
        if later.own_lead_time and not later.all_of_them:
            continue  # a separate observation at its own time, not "all" of them
        every = _ALL_OF_THEM.search(scan.text, later.start, end)
        if (group.distance_km is None and group.bearing is None and group.event_place is None and group.toward is None
                and later.bearing is not None and _SEPARATE_LISTING.search(scan.text, group.start, later.start)
                and every is not None and re.search(DIR, scan.text[every.end():end]) is None):
            # "six rocket-assisted projectiles fired …, as well as two outgoing explosions assessed as muzzle flashes
            # north of its position, all at undetermined distances": the direction is written for the last observation
            # (not after "all"); whether it is the earlier ones' too the text does not say (patrol13: the projectiles got
            # the flashes' bearing), so they get none
            group.warnings.append(f"a direction written for a later observation was not used for this one: {later.bearing}")
            if later.distance_km is not None and DISTANCE.search(scan.text, every.end(), end):
                group.distance_km, group.distance_qualifier = later.distance_km, later.distance_qualifier
        elif (group.distance_km is None and group.bearing is None and group.event_place is None and group.toward is None
              and (unknown := _DIRECTION_UNKNOWN.search(scan.text, group.start, later.start)) is not None):
            # "37 explosions (direction not known) from …, and 83 bursts … mainly at locations in the north and
            # north-west": the text says these have no direction (patrol14c: they got the bursts' NW..N)
            scan.claim(unknown.start(), unknown.end())
            if later.bearing is not None or later.distance_km is not None:
                group.warnings.append("direction written as not known: the later observation's place was not used")
        elif group.distance_km is None and group.bearing is None and group.event_place is None and group.toward is None:
            group.distance_km, group.bearing, group.distance_qualifier = later.distance_km, later.bearing, later.distance_qualifier
            group.event_place, group.toward = later.event_place, later.toward
        elif (later.all_of_them and group.distance_km is None and group.event_place is None and group.toward is None
              and later.distance_km is not None and (every := _ALL_OF_THEM.search(scan.text, later.start, later.end))
              and DISTANCE.search(scan.text, every.end(), later.end) is not None):
            # "9 explosions to the east and 30 shots to the south, all at distances of 1-3km": the distance is all of them
            group.distance_km, group.distance_qualifier = later.distance_km, later.distance_qualifier
            group.all_of_them = True
        if group.times is None and not later.own_lead_time:
            group.times = later.times
    for index in range(len(groups) - 1, 0, -1):
        hit, damaged = groups[index], groups[index - 1]
        if (hit.hit_before and damaged.sighting == "damage" and damaged.weapon is None and hit.count in (None, 1)
                and reported_by is None):
            # "a freshly damaged residential building …, assessed as having been hit by a 122mm artillery round": what
            # damaged it, not another observation
            damaged.weapon, damaged.calibre_mm = hit.weapon, damaged.calibre_mm or hit.calibre_mm
            damaged.other_weapons.extend(weapon for weapon in hit.other_weapons if weapon not in damaged.other_weapons)
            damaged.warnings.extend(hit.warnings)
            damaged.end = hit.end
            del groups[index]
    for group in groups:
        if group.times is None:
            group.times = context_times
        if group.kind == "shot" and group.weapon in _HEAVY_WEAPONS:
            # "14 outgoing tank shots": rounds of a heavy weapon, counted as explosions (a shot is a bullet's)
            group.kind = {"outgoing": "explosion_outgoing", "incoming": "explosion_impact"}.get(group.fire or "",
                                                                                               "explosion_undetermined")
            group.kinds, group.fire = [group.kind], None
    for match in scan.find(CONTROLLED_BY, start, end):  # "(“Donetsk People’s Republic” (“DPR”)-controlled, 8km …)"
        scan.claim(start + match.start(), start + match.end())
    for match in choices:
        for group in groups:
            if group.start <= start + match.start() < group.end or (group is groups[-1] and start + match.start() >= group.end):
                group.warnings.append(f"two calibres written, neither kept: {match.group(0).strip()!r}")
                break
    for group in groups:
        left = scan.leftovers(group.start, group.end)
        group.warnings.extend(f"not understood: {fragment!r}" for fragment in left)
    context_leftovers = scan.leftovers(start, context_end)
    if not groups:
        context_leftovers += scan.leftovers(observation_start, end)
    for group in groups:
        if group.hit_before and reported_by is None:
            # "saw a house that had been hit by an artillery shell": damage seen, not an impact observed
            group.kind, group.kinds, group.sighting = "other", ["other"], "damage"
        for found in (target, aimed):
            if found is not None:
                group.details["target"] = re.sub(r"^(?:the|an?|its)\s+|'s\b", "", re.sub(r"\s+", " ", found["target"]),
                                                 flags=re.IGNORECASE)
        if reported_by is not None:
            group.details["reported_by"] = reported_by
    if verb is not None and groups and groups[0].count is None:
        definite = _DEFINITE_AFTER_VERB.match(scan.text, observation_start, end)
        if definite is not None and groups[0].start <= observation_start + len(definite.group(0)) <= groups[0].end:
            groups[0].definite = definite["noun"].lower()
    if verb is None and not has_verb:
        for group in groups:  # "The grenade was launched from the south-east", "…, the shells fell several meters away"
            subject = _DEFINITE_SUBJECT.match(scan.text, group.start, group.end)
            if subject is None and re.search(r"\b(?:the|these|those)\s+$", scan.text[max(start, group.start - 8):group.start], re.IGNORECASE):
                subject = _DEFINITE_NOUN.match(scan.text, group.start, group.end)
            if group.count is None and group.definite is None and subject is not None:
                group.definite = subject["noun"].lower()
    for group in groups:
        group.warnings.extend(f"the peak of the fire was not read: {peak!r}" for peak in peaks)
        tail = scan.text[group.start:group.end]
        if group.kind == "burst" and (flame := _MUZZLE_AFTER.search(tail)) is not None:
            # "seven bursts of muzzle flame": flashes seen, as "muzzle flashes" are (session 15: bursts of fire)
            group.kind, group.kinds = "other", ["other"]
            scan.claim(group.start + flame.start(), group.start + flame.end())
        elif (group.kind == "explosion_undetermined" and group.weapon is None and group.count is not None
              and _ROUNDS_AND_SHOTS.match(scan.text, group.start, end)):
            # "1,177 rounds and shots": small-arms rounds, one count with the shots (session 15: 1,177 explosions and a
            # further shot record of unstated number)
            group.kind, group.kinds = "shot", ["shot"]
            shots = [later for later in groups if later.start > group.start and later.kind == "shot" and later.count is None]
            if shots:
                shots[0].kind, shots[0].kinds = "other", ["other"]
                shots[0].warnings.append("counted with the rounds before it")
    if (position is not None and not has_verb and hit_subject is not None and groups and position.places and position.text
            and (position.how == "place" or (position.how == "offset" and position.describes_place))
            and scan.text.find(position.text, hit_subject, groups[0].start) >= 0):
        # "the JCCC headquarters (HQ) building in government-controlled Debaltseve (…) was hit multiple times by Grad rockets"
        # (patrol20's Q02: Debaltseve was the observer's place): where the thing hit stood, so where the rounds landed
        for group in groups:
            if group.event_place is None and group.distance_km is None:
                group.event_place = EventPlace(names=(position.places[-1],) if position.describes_place else tuple(position.places),
                                               relation="in")
        position = None
    if (position is not None and not has_verb and not groups and position.how == "place"
            and not _OBSERVER_WORDS.search(scan.text, start, end)):
        # "Two teenagers were injured … in Lozove, according to residents": where something happened, told, not where the
        # mission was (patrol16: the record of no observation was given the observer Lozove)
        position = None
    back = _BACK_REFERENCE.match(scan.text, start, end)
    if back is not None and not has_verb and groups and all(group.count is None for group in groups):
        # "The rounds were assessed as impacting within 300m of the base", "the explosions shook the building": the
        # observations of the sentence before, already counted there (patrol14b: a further record of unstated number)
        for group in groups:
            group.kind, group.kinds, group.weapon, group.other_weapons = "other", ["other"], None, []
            if back["assessed"]:  # where the rounds came from: not a place from the observer
                group.distance_km = group.bearing = group.event_place = group.toward = None
            group.warnings.append(f"no observation of its own: it speaks of what was counted before ({back.group(0).strip()!r})")
    if len(parts_of_day_at) > 1:  # "in the morning, … heard nine explosions …, and in the afternoon four explosions"
        for group in groups:
            noun = KIND_NOUN.search(scan.text, group.start, group.end)
            at = noun.start() if noun is not None else group.start
            group.part_of_day = next((part for where, part in reversed(parts_of_day_at) if where < at), None)
    return ClauseReading(
        position=position, context_times=context_times, groups=groups, context_leftovers=context_leftovers,
        has_verb=has_verb, time_of_day=", ".join(parts_of_day) or None, parts_of_day_at=parts_of_day_at, negated=negated,
        region=region,
        ceasefire_violations=violations, violations_qualifier=violations_qualifier, compared_with=compared_with,
        violations_trend=trend, previous_period=previous is not None, relative_time=", ".join(relative) or None,
        violations_share=share, violations_areas=areas,
    )
