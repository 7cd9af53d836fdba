"""Tallies and counts read whole: ceasefire-violation tallies, shares, trends, comparisons, denials, "respectively".

``read_violation_tally`` ("recorded 1,200 ceasefire violations"), ``read_violation_share``, ``read_violation_trend``,
``read_comparison`` ("than in the previous reporting period"), ``read_denials``, and the count fix-ups of a clause's
groups (``split_counts_before``, ``merge_estimated_count``, ``read_respectively``, ``split_assessed_total``); the
words of a region's tally and share that ``read_clause`` claims, and those that name fire without observing any
(``NO_FIRE_OBSERVED``: a trend, people hurt, an impact-site assessment).
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.groups import parenthesis_depth
from truceline.ingest.patrol.patterns import (
    AT_PLACE, COMPARED, COUNT, DIR, DISTANCE, KIND_NOUN, NEGATED_LIST, NEGATION, NOT_PLACES, PAIR, PERIPHERY,
    REGION_AFTER, RESPECTIVELY, VIOLATION_AREA, VIOLATION_COUNT, VIOLATION_PAREN, VIOLATION_SHARE, VIOLATION_TREND,
)
from truceline.ingest.patrol.places import BRACKETS_AFTER, DISENGAGEMENT, MORE_PLACES, covering_sector, distance_range
from truceline.ingest.patrol.position import clean_place
from truceline.ingest.patrol.scan import Group, Scan
from truceline.ingest.patrol.times import clock_time

#: Words that name fire or its marks without observing any (session 15, each an extra record of unstated number before):
#: the patrol's own work ("conducting an impact site assessment", "crater analysis"), what someone said of fire
#: ("apologized for shooting at the SMM UAV"), the time or place of an impact told before ("At the time of the impact",
#: "land on the road near the impact"), a remnant ("a tailfin from a rocket-propelled grenade") and a trend ("the number
#: of blasts grew by more than five times").
_DEVICE = (r"(?:(?:improvised\s+)?explosive\s+(?:devices?|objects?|items?)|IEDs?|(?:(?:anti-(?:tank|personnel)|unknown)\s+)?(?:land)?mines?|"
           r"unexploded\s+ordnance|UXO|(?:hand\s+)?grenades?|booby[- ]traps?|tripwires?)")
NO_FIRE_OBSERVED = re.compile(
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
#: A tally written as a table row: "Ceasefire violations recorded by the SMM in Donetsk region: 174".
_VIOLATIONS_COLON = re.compile(r"\b(?:ceasefire\s+)?violations\b[^:;.()\d]{0,80}?:\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b(?!:)",
                               re.IGNORECASE)  # not a clock time: "… violations at 14:05"
#: A party's tally (the JFO headquarters', a "DPR" command's statements as news agencies copy them): "violated the ceasefire
#: 17 times", "violated the ceasefire in the JFO area in Donbas five times", "violated the ceasefire regime 1151 times"
#: (patrol19: not read).
#: Also another ministry's: "violated ceasefire 23 times throughout the day", "shattered ceasefire a total of 48 times".
#: And the agreements: "violated the agreements [reached within the Trilateral Contact Group] that came into force on 27 July
#: 2020 three times" (patrol19's J11: not read; a date may stand between, not a clock time).
_VIOLATED_TIMES = re.compile(r"\b(?:(?:violated|breached|shattered|broke)\s+(?:the\s+)?"
                             # "violated the UN-brokered ceasefire in Hodeidah more than 200 times", "breached the ongoing
                             # ceasefire agreement in Hodeidah at least 14 times" (patrol23's Z18, Z17: not read)
                             r"(?:(?!\d)[\w'-]+\s+)?"  # one word before ("UN-brokered", "ongoing", "Minsk")
                             r"(?:ceasefire|truce|(?:ceasefire\s+)?agreements?"
                             # "has violated the Additional Measures to Strengthen the Ceasefire three times since
                             # Wednesday" (the DPR office at the JCCC, 2020; patrol25's AD07: not read)
                             # ("to Strengthen" may be claimed already, as a place)
                             r"|(?:additional\s+)?measures?(?:[\s\x1f]+(?:to|strengthen|\x1f+))+[\s\x1f]+the\s+ceasefire"
                             # "came under fire from large-caliber machine guns 90 times" (patrol20b's T01: not read)
                             r"|arrangements?)(?:\s+regime)?|came\s+under\s+(?:enemy\s+)?fire"
                             # "have shelled the territory of the … (LPR) eight times", "has fired at the positions of the
                             # People's Militia at least 6 times" (patrol21's V15, V11: not read)
                             r"|(?:shelled|fired\s+(?:at|on|upon)|opened\s+fire\s+(?:at|on)|attacked)\s+(?:the\s+|our\s+|its\s+)?"
                             # (also "attacked Armenian positions at least nine times", patrol22)
                             r"(?:(?:(?-i:[A-Z][\w-]+)\s+)?(?:territory|positions?|settlements?|localities|villages?)\b"
                             # the party's land by its acronym or its name and acronym: "shelled the DPR 81 times",
                             # "shelled the Donetsk People's Republic (DPR) 81 times" (patrol25's AC05: not read)
                             r"|(?-i:[A-Z]{2,5})\b(?!\s+(?-i:[A-Z]))|(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})"
                             r"(?:\s*\(\s*(?-i:[A-Z]{2,5})\s*\)|\s*\x1f+)))"  # (the bracket may be claimed already)
                             r"(?:\b|(?<=\))|(?<=\x1f))[^.;:]{0,120}?"
                             r"\s(?:(?:a\s+total\s+of\s+|(?P<qual>at\s+least|more\s+than|over|about|around|some)\s+)?(?<![\d:.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD + r")\s+times\b"
                             # "violated ceasefire regime … only once over the past 24 hours" (patrol19b's M20)
                             r"|(?P<once>once|twice)\b(?!\s+(?:again|more|before|the|a|an)\b))", re.IGNORECASE)
#: The tally written before the verb: "the Ukrainian military twelve times had violated ceasefire within 24 hours"
#: (patrol21's V09: not read).
_TIMES_VIOLATED = re.compile(r"(?<![\d:.,])\b(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD + r")\s+times\s+(?:had\s+|have\s+|has\s+)?"
                             r"(?:(?:violated|breached)\s+(?:the\s+)?(?:ceasefire|truce)\b(?:\s+regime)?"
                             # "Over the past day militants 18 times opened fire on Ukrainian positions" (the ATO press
                             # centre as a machine translated it; patrol25's AC02: not read)
                             r"|opened\s+fire\b|fired\s+(?:at|on|upon)\b|shelled\b)", re.IGNORECASE)
#: The tally as a number the violations reached: "the number of ceasefire violations reported to the JCCC in the last 24
#: hours reached 88" (patrol23's Z06: not read).
_NUMBER_REACHED = re.compile(r"\bnumber\s+of\s+(?:ceasefire\s+)?(?:violations|breaches)\b[^.;:()]{0,100}?\s(?:reached|totall?ed"
                             r"|stood\s+at|amounted\s+to)\s+(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?<![\d:.,])"
                             r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD + r")\b(?!\s*(?:%|per\s*cent|percent))",
                             re.IGNORECASE)
#: A tally told again as instances after the violations: "a marked increase in the number of ceasefire violations in areas
#: around Donetsk airport, noting 250 instances" (patrol18d's G12: not read).
_NOTING_INSTANCES = re.compile(r"\b(?:ceasefire\s+)?violations\b[^.;:()]{0,120}?,\s*(?:noting|recording|registering|counting)\s+"
                               r"(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?<![\d:.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+|"
                               + ph.NUMBER_WORD + r")\s+(?:instances|cases)\b(?!\s+of\b)", re.IGNORECASE)


def read_denials(scan: Scan, start: int, end: int, negated: list[str], nouns: re.Pattern[str] = KIND_NOUN) -> None:
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


def split_counts_before(scan: Scan, groups: list[Group], start: int) -> None:
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


#: Between fire of unstated number and the count that sizes it: "sounds of outgoing shelling estimated to be 10-15 shots",
#: "artillery fire, estimated at about 20 rounds".
#: ("assessed as" is not one: "explosions assessed as nine outgoing mortar rounds" are of the assessed kind.)
_ESTIMATED_AS = re.compile(r"[\s,]*(?:(?:which\s+(?:was|were)\s+)?estimated\s+(?:to\s+(?:be|have\s+been|number)|at)"
                           r"|amounting\s+to|numbering)\s*$", re.IGNORECASE)


def merge_estimated_count(scan: Scan, groups: list[Group]) -> None:
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


def read_respectively(scan: Scan, groups: list[Group], end: int) -> None:
    """"1 outgoing round and 1 impact, 3-4km east and 5-6km south-east, respectively": one distance
    and direction for each observation, in order (only when there are as many as observations); "at 09:15 and 09:40,
    respectively": one time each."""
    start = groups[-1].end
    timed = next(scan.find(_TIMES_RESPECTIVELY, start, end), None)
    if timed is not None:
        clocks = re.findall(ph.CLOCK, timed["times"])
        if len(clocks) == len(groups):
            for group, clock in zip(groups, clocks):
                group.times = (clock_time(clock, None), clock_time(clock, None))
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
        group.distance_km, group.distance_qualifier = distance_range(distance)
        group.bearing = point
    scan.claim(start + match.start(), start + match.end())


_PREVIOUS_END = re.compile(r"\bprevious\s+(?:reporting\s+)?(?:period|day|24\s+hours|week)\b(?:\s*\([^()]*\))?", re.IGNORECASE)
ALL_OF_THEM = re.compile(r",\s*(?:all|both)(?:\s+of\s+(?:them|which))?\b", re.IGNORECASE)
#: Observations listed apart ("…; six projectiles …, as well as two outgoing explosions … north, all at undetermined
#: distances"): a direction written before the "all" that follows them is the last one's, not the earlier ones'.
SEPARATE_LISTING = re.compile(r"\bas\s+well\s+as\b|;", re.IGNORECASE)
PREVIOUS_PERIOD = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+previous\s+(?:reporting\s+)?(?:period|day|24\s+hours|week)\b", re.IGNORECASE)


#: The other period's figures in brackets after this period's, as a table copied into prose writes them: "1,204 ceasefire
#: violations, including 312 explosions (previous reporting period: 1,550 and 402)" (patrol26's AE06).
_PREVIOUS_BRACKET = re.compile(r"\(\s*(?:in\s+)?(?:the\s+)?(?:previous|preceding|last)\s+(?:reporting\s+)?(?:period|day|week|24\s+hours)"
                               r"\s*:\s*[^()]{1,80}\)", re.IGNORECASE)


def read_comparison(scan: Scan, start: int, end: int) -> str | None:
    """"…, compared with 180 ceasefire violations, including 67 explosions, in the previous reporting period":
    claimed as understood (its counts are another period's, not observations); returns its text. Written
    first ("Compared with the previous day, the SMM recorded …") it runs to the first comma."""
    match = next(scan.find(COMPARED, start, end), None)
    if match is None:
        bracket = next(scan.find(_PREVIOUS_BRACKET, start, end), None)
        if bracket is None:
            return None
        scan.claim(start + bracket.start(), start + bracket.end())
        return re.sub(r"\s+", " ", bracket.group(0).strip("() "))
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
REGION_TALLY = re.compile(r"^[\s\x1f]*(?:(?P<qual>about|around)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + ph.NUMBER_WORD
                           + r")\s+(?=in\s+[A-Z][a-z]+\s+region\b|in\s+(?P<bare_region>Donetsk|Luhansk)\b(?!\s+(?:city|airport|region)\b))",
                           re.IGNORECASE)
REGION_NONE = re.compile(r"^[\s\x1f]*none(?=\s+in\s+[A-Z][a-z]+\s+region\b)", re.IGNORECASE)


#: A share of the tally that were explosions: "some 3,000 violations, half of which were explosions" (patrol21's U01: an
#: explosion record of no number), read as about that many.
SHARES = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25}
EXPLOSIONS_SHARE = re.compile(r",?\s*\b(?P<share>half|(?:a|one)\s+third|(?:a|one)\s+quarter)\s+of\s+(?:which|them|these)\s+"
                               r"(?:were|being)\s+(?P<noun>explosions)\b", re.IGNORECASE)


def read_violation_tally(scan: Scan, start: int, end: int) -> tuple[int | None, str | None, str | None]:
    """"232 ceasefire violations", "more ceasefire violations in Donetsk region (about 420)": the tally
    (number, qualifier, trend), claimed."""
    for pattern in (VIOLATION_COUNT, VIOLATION_PAREN, _VIOLATIONS_COLON, _VIOLATED_TIMES, _TIMES_VIOLATED, _NOTING_INSTANCES,
                    _NUMBER_REACHED):
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


def read_violation_share(scan: Scan, start: int, end: int) -> tuple[str | None, list[str]]:
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
    depths = parenthesis_depth(scan.text, after, end)
    for area in scan.find(VIOLATION_AREA, after, end):
        if depths[area.start()] > 0:
            continue  # "(government-controlled, 25km north-east of Mariupol)": the place's description
        points = [point for point in (ph.parse_direction(part) for part in re.findall(DIR, area["dirs"])) if point]
        if not points:
            continue
        scan.claim(after + area.start(), after + area.end())
        described = BRACKETS_AFTER.match(scan.view(after + area.end(), end))
        if described is not None:
            scan.claim(after + area.end(), after + area.end() + described.end())
        areas.append(f"{covering_sector(points)} of {clean_place(area['place'])}")
    for disengagement in scan.find(DISENGAGEMENT, after, end):  # "inside the disengagement area near Zolote"
        scan.claim(after + disengagement.start(), after + disengagement.end())
        place = AT_PLACE.match(scan.view(after + disengagement.end(), end).lstrip(" \x1f"))
        text = f"{disengagement['where'].lower().replace('within', 'inside')} the disengagement area"
        if place is not None and not NOT_PLACES.match(place["place"].split()[0]):
            offset = after + disengagement.end() + (len(scan.view(after + disengagement.end(), end))
                                                    - len(scan.view(after + disengagement.end(), end).lstrip(" \x1f")))
            scan.claim(offset + place.start(), offset + place.end())
            text += f" {place['prep'].lower()} {clean_place(place['place'])}"
        areas.append(text)
    for periphery in scan.find(PERIPHERY, after, end):
        scan.claim(after + periphery.start(), after + periphery.end())
        areas.append(re.sub(r"\s+", " ", periphery.group(0)))
    for place in scan.find(AT_PLACE, after, end):  # "near Zolote and Popasna", "in Donetsk city"
        name = clean_place(place["place"])
        if NOT_PLACES.match(name.split()[0]) or REGION_AFTER.match(scan.text[after + place.end():end]):
            continue
        names = [name]
        cursor = after + place.end()
        while (more := MORE_PLACES.match(scan.view(cursor, end))) is not None:  # "near Zolote and Popasna"
            if NOT_PLACES.match(more["place"].split()[0]):
                break
            names.append(clean_place(more["place"]))
            cursor += more.end()
        scan.claim(after + place.start(), cursor)
        preposition = re.sub(r"\s+", " ", place["prep"].lower())
        areas.append(f"{preposition} {' and '.join(names)}")
    return share, areas


def read_violation_trend(scan: Scan, start: int, end: int) -> str | None:
    """"more ceasefire violations" (than the period before), with no number: the word, claimed."""
    match = next(scan.find(VIOLATION_TREND, start, end), None)
    if match is None:
        return None
    scan.claim(start + match.start(), start + match.end())
    return re.sub(r"\s+", " ", match["trend"].lower())


#: A total assessed as counted parts: "700 explosions assessed as 680 outgoing artillery rounds … and 20 outgoing tank rounds".
_ASSESSED_AS_PARTS = re.compile(r"[\s\x1f,]*(?:(?:were|was|all)\s+)?(?:assessed|believed|determined)\s+(?:as|to\s+be)\s+$", re.IGNORECASE)


def split_assessed_total(scan: Scan, groups: list[Group], noun_ends: list[int]) -> None:
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
