"""What reading a clause builds: the claimed-character scanner and the records of one clause.

:class:`Scan` holds a clause's text and which of its characters a pattern has claimed (the words nobody claimed become
warnings); :class:`Group` is one observation read from it (count, kind, weapon, places, times), with its
:class:`Clock` times, :class:`PlacePart` and :class:`EventPlace` places; :class:`ClauseReading` is the whole clause
(observer position, times, groups). Records only, and the two small helpers they need; the reading is in the modules
beside this one (:mod:`truceline.ingest.patrol.clause` puts it together).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import FILLER


@dataclass(slots=True)
class Clock:
    """A time of day as written, with the date written beside it (if any)."""

    hour: int
    minute: int
    date_text: str | None = None
    # the zone written beside it, as minutes east of UTC ("18:40 GMT", "(EAT)", "(Tbilisi time, UTC+4)"): it overrides
    # the reader's ``tz`` for this time only (missions other than the SMM write UTC or their own zone in the text)
    utc_offset_minutes: int | None = None
    # a zone named by its city, whose offset depends on the day ("at 23:40 (Moscow time)": UTC+4 until 26 October 2014,
    # UTC+3 after; "(Kyiv time)": EET or EEST): its IANA key, resolved with the clock's own date (patrol28)
    zone_key: str | None = None


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
    radar_tracks: bool = False  # "2,531 trajectories of projectiles": rounds a radar counted (and the elliptic count after)
    across_line: bool = False  # "fired from north to south of the Blue Line": a flight across a line, no place of launch
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
