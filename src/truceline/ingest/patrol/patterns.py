"""Compiled patterns for reading monitoring-mission prose (used by the clause readers of
:mod:`truceline.ingest.patrol`).

Each pattern reads one thing a sentence can say: a place, coordinates, a time, a distance, a
direction, a kind of observation and the count before it, an assessment. ``FILLER`` lists the
words that carry no observation ("the SMM", "also", "government-controlled"), which are
therefore never reported as not understood.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph

DIR = ph.DIRECTION
#: (an acronym in the plural, "the IDPs", "APCs", is no name: patrol22's leftover, patrol23's Z16 "panic among the IDPs")
_NAME_WORD = r"(?![A-Z]{2,}s\b)[A-Z][A-Za-z'’]+(?:-[A-Za-z'’]+)*"
#: (a number after a name is the place's, "Zolote 4", but not a party's number of times: "shelled the DPR 81 times",
#: patrol25's AC05: the tally lost to the place "DPR 81")
_ONE_PLACE = r"(?:" + _NAME_WORD + r"(?:[ \-](?:" + _NAME_WORD + r"|\d{1,2}\b(?!\s+times\b)))*(?:\s+(?:city|airport))?)"
#: A place name; "Zolote-3/Stakhanovets" (two names of one place) is read whole and tried name by name.
PLACE = r"(?:" + _ONE_PLACE + r"(?:/" + _ONE_PLACE + r")?)"
#: Who controls the place, written before its name: "government-controlled", and in the 2015-2017 reports the
#: de-facto authorities in quotes: '"DPR"-controlled', "'LPR'-controlled", '"Donetsk People's Republic" ("DPR")-controlled'.
_QUOTE_OPEN = r"[\"“'‘]"
_QUOTE_CLOSE = r"[\"”'’]"
_AUTHORITY = (
    r"(?:" + _QUOTE_OPEN + r"(?:Donetsk|Luhansk|Lugansk)\s+People[’']s\s+Republic" + _QUOTE_CLOSE + r"\s*\(\s*"
    + _QUOTE_OPEN + r"[DL]PR" + _QUOTE_CLOSE + r"\s*\)|" + _QUOTE_OPEN + r"?[DL]PR" + _QUOTE_CLOSE + r"?)"
)
#: Who controls a place, wherever it is written (also inside a place's description, where it is only claimed).
#: (a news copy spaces the dash after the quotes: "'DPR' - controlled", "'DPR' -controlled"; patrol14: the place was lost)
#: (a table of the 2017-2018 reports abbreviates it: "gov't-controlled", "non-gov't-controlled"; patrol16: the observer was
#: put at the place its description is measured from)
#: (news copies: "the Russian-occupied village", "militant-controlled Horlivka"; patrol18: "Russian-occupied" was read as
#: the observer's place)
_CONTROLLED_WORD = (r"(?:(?:(?:non-)?(?:government|gov[’']?t)-|" + _AUTHORITY + r"(?:-|\s-\s?|-\s))controlled"
                    r"|(?:[Rr]ussian|[Mm]ilitant|[Ss]eparatist|[Rr]ebel)-(?:occupied|held|controlled))")
CONTROLLED_BY = re.compile(_CONTROLLED_WORD + r"|non-government\s+controlled")
#: A control word before a common noun is no place name: "west of the Russian-occupied village" (patrol18: read as the
#: observer's place "Russian-occupied").
_NOT_A_CONTROL = r"(?!(?:[Rr]ussian|[Mm]ilitant|[Ss]eparatist|[Rr]ebel)-(?:occupied|held|controlled)\s+[a-z])"
CONTROLLED = (
    # '"DPR"-controlled city centre Donetsk' (a 2015 report: the centre written before the name; patrol14b: the observer
    # was lost)
    r"(?:(?:the\s+)?(?:" + _CONTROLLED_WORD + r"|non-government\s+controlled)\s+(?:area\s+of\s+|city[\s-]+cent(?:re|er)\s+(?:of\s+)?)?)?"
)
_NUM = r"\d+(?:[.,]\d+)?"
#: (not a calibre written with a stray unit: "35 mortar rounds of 82 mm and 120 m caliber", patrol25's AD08: 120 m from
#: the observer)
_UNIT = r"(?:km|kilometres?|kilometers?|m|metres?|meters?)\b(?!\s*calib(?:re|er)s?\b)"

VERB = re.compile(
    r"\b(?:heard|saw|observed|recorded|spotted|noted|registered|detected|counted|witnessed|reported)\b"
    r"(?:\s+and\s+(?:in\s+(?:some|most|all)\s+cases\s+)?(?:also\s+)?(?:heard|saw|observed|recorded))?"
    r"(?:(?<=reported)\s+(?:hearing|seeing|observing))?"
)
COORDINATES = re.compile(
    r"(?P<lat>-?\d{1,2}\.\d{2,})\s*°?\s*(?P<ns>[NS])?\s*[,;/]?\s+(?P<lon>-?\d{1,3}\.\d{2,})\s*°?\s*(?P<ew>[EW])?\b"
)
DMS = re.compile(
    r"(?P<d1>\d{1,2})°\s*(?P<m1>\d{1,2})['′]\s*(?:(?P<s1>\d{1,2}(?:\.\d+)?)[\"″]\s*)?(?P<ns>[NS])[,\s]+"
    r"(?P<d2>\d{1,3})°\s*(?P<m2>\d{1,2})['′]\s*(?:(?P<s2>\d{1,2}(?:\.\d+)?)[\"″]\s*)?(?P<ew>[EW])"
)
OFFSET = re.compile(
    r"(?:(?P<q>about|approximately|approx\.|some|around|roughly|at\s+an?\s+(?:assessed|estimated)\s+distance\s+of"
    r"|less\s+than|up\s+to|within|under)\s+)?(?:(?P<d0>" + _NUM + r")\s*(?P<u0>" + _UNIT + r")?\s*(?:-|to)\s*)?"
    r"(?P<d>" + _NUM + r")\s*(?P<u>" + _UNIT
    + r")\s+(?:to\s+the\s+)?(?P<dir>" + DIR + r")\s+of\s+(?:the\s+)?"
    # "500m north of the northern edge of Shyrokyne": measured from the edge, read from the place
    + r"(?:(?i:(?:north|south|east|west|north-east|north-west|south-east|south-west)(?:ern)?)\s+(?:edge|outskirts|part)\s+of\s+(?:the\s+)?)?"
    + _NOT_A_CONTROL + CONTROLLED + r"(?P<place>(?:its|their|(?:the\s+)?(?:SMM|patrol|camera|team)(?:'s|’s)?)\s+(?:position|location)|(?i:team\s+site)|OP(?!\s*\d)\b|" + PLACE
    # ("3-4km north-east of the team site": UNMOGIP's field team's own, patrol28's AH15; "3km north-east of the OP", AI07)
    + r"|(?i:observation\s+post|observation\s+point|outpost|OP)\s+(?:\d+[A-Za-z]?|[A-Z]{1,3}-?\d+)\b)"  # "3km north-east of observation post 73"
)
#: The observer's own position as an offset's origin: "its position", "the SMM's position", "the patrol's location".
OWN_POSITION = re.compile(r"^(?:(?:its|their|the|(?:SMM|patrol|camera|team)(?:'s|’s)?)\s|(?-i:OP)$)", re.IGNORECASE)
#: (also after "entered" and "reached": "an SMM patrol … entered Shyrokyne (100km south of Donetsk, 20km east of Mariupol)",
#: patrol18d's G11: the observer was put from the description, named "Donetsk")
AT_PLACE = re.compile(
    r"\b(?P<prep>(?i:in|near|at|outside|of|from|around|inside|to|over|just\s+outside|between|entered|reached))\s+(?:the\s+)?(?:(?i:both)\s+)?(?:(?i:northern|southern|eastern|western|"
    r"north-eastern|north-western|south-eastern|south-western|central)\s+)?(?:(?i:nearby)\s+)?" + _NOT_A_CONTROL + CONTROLLED
    + r"(?P<place>" + PLACE + r")"
    # "in the Donetsk direction the enemy launched …" (a party's statement, patrol19: the observer put in Donetsk)
    r"(?![\w'-]*\s+(?i:direction|axis)\b)"
    # "in Jammu and Kashmir's Poonch district": a possessive names the larger area, not the place (patrol19's L04: the
    # fire put at "Jammu")
    # (nor a person's first name before the possessive: "hit the garden of Elham Freiha's house", patrol24's AB01 leftover:
    # the rockets put at "Elham")
    r"(?![\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)?(?:'s|’s)\s)"
    # (nor the name with its possessive read as one word: "Witnesses in Sudan’s capital Khartoum reported …", patrol22's
    # X09: the observer put at "Sudan’s")
    r"(?<!['’]s)(?<!['’])"
    # (nor an army named by its land: "the units of the Artsakh Defense Army supposedly fired", patrol22's Y16)
    r"(?![A-Za-z])(?!\s+(?:Defen[cs]e|Armed|Army|Forces|Self-Defen[cs]e)\b)(?<!\bDefense)(?<!\bDefence)(?<!\bArmy)(?<!\bForces)"
)
NOT_PLACES = re.compile(
    # (a party's own names: "the press center of the JFO Headquarters", "over the JFO positions", "from the AFU positions";
    # patrol19: read as places, one of them put at a gazetteer's point)
    r"^(?:SMM|OSCE|EECP|JCCC|JFO|ATO|AFU|UAF|Headquarters|HQ|EUMM|UNDOF|UNMOGIP|UNIFIL|UNTSO|UN|UAV|UAVs|SMM's|Ukraine|Ukrainian|Russia|Russian|Mission|The|It|Joint|Centre|Control|"
    r"Co-ordination|Coordination|Armed|Forces|Government|Trilateral|Contact|Group|Minsk|Package|Addendum|Memorandum|Organization|Organisation|Europe|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Daily|Report|Spot|Non|A|An|On|In|At|While|Positioned|Between|From|Later|During|Both|All|No|None|"
    r"N|NNE|NE|ENE|E|ESE|SE|SSE|S|SSW|SW|WSW|W|WNW|NW|NNW|"
    # a compass direction capitalised ("fired from a location to the South-East") is never a place
    r"(?i:(?:north|south)(?:[-\s]?(?:north|south))?(?:[-\s]?(?:east|west))?(?:erly|ern)?|(?:east|west)(?:erly|ern)?)|"
    # (other missions' countries, a party's army: "the contact line between Azerbaijan and Armenia", "the press service of
    # the Artsakh Defense Army"; patrol19: read as the observer's place)
    r"Armenia|Azerbaijan|Georgia|Defense|Defence|Ministry|Army|"
    # (a nation's adjective: "launched from Lebanese territory", patrol20's P25)
    r"Lebanese|Israeli|Syrian|Georgian|Indian|Pakistani|Armenian|Azerbaijani|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)(?:'s|’s)?$"
)
REGION_AFTER = re.compile(r"^\s+(?:region|oblast|province|district|raion|areas?)\b", re.IGNORECASE)
#: A word after a place name that makes the phrase another place: "Sumy-Kharkiv border", "Kharkiv border area",
#: "the Luhansk boundary" name a line or an area, not the town; the name is read whole ("Kharkiv border") and must then be
#: in the gazetteer as written, never shortened to the town it starts with. Use with ``match(text, pos, endpos)``.
BORDER_AFTER = re.compile(r"\s+(?:(?i:border|borders|boundary|boundaries|frontier)(?:\s+(?i:areas?|zone|line|region))?)\b")

TIME_RANGE = re.compile(
    r"(?:\b(?i:between|from)\s+(?:about\s+|around\s+|approximately\s+)?)?(?P<t1>" + ph.CLOCK + r")(?:\s*(?:hrs|h)\b)?"
    r"(?:\s+(?:on|of)\s+(?P<d1>" + ph.DATE.replace("?P<", "?P<a_") + r"))?"
    r"\s*(?:-|and|to|until|till)\s*(?:about\s+|around\s+)?(?P<t2>" + ph.CLOCK + r")(?:\s*(?:hrs|h)\b)?"
    r"(?:\s+(?:on|of)\s+(?P<d2>" + ph.DATE.replace("?P<", "?P<b_") + r"))?"
)
TIME_AT = re.compile(
    r"(?:\b(?i:at|around|about)\s+(?:about\s+|around\s+|approximately\s+|approx\.\s+)?)?(?P<t1>" + ph.CLOCK + r")"
    r"(?:\s*(?:hrs|h|hours)\b)?(?:\s+(?:on|of)\s+(?P<d1>" + ph.DATE.replace("?P<", "?P<a_") + r"))?"
)
#: A distance's number: digits, or (news copies, spot reports) words before a unit written out: "two to three metres",
#: "about one kilometre", "three to six kilometres", "two or three meters" (patrol14b: read as 3m) (never before
#: "km"/"m": "two 3km" is a count and a distance).
_DNUM = r"(?:" + _NUM + r"|(?i:" + ph.NUMBER_WORD + r")(?=\s*(?:-|–|to|and|or)?\s*(?:(?i:" + ph.NUMBER_WORD + r")\s+)?(?i:kilomet|met)))"
#: The observer at an offset from a place not named: "whilst at a position four kilometres south-west of the city-centre"
#: (patrol23's Z02: the four kilometres were read as the distance of what was heard).
UNNAMED_ORIGIN = re.compile(r"\b(?:at|from)\s+a\s+position\s+(?P<d>" + _DNUM + r")\s*(?P<u>" + _UNIT + r")\s+(?:to\s+the\s+)?"
                            r"(?P<dir>" + DIR + r")\s+of\s+the\s+(?P<ref>city[- ]cent(?:re|er)|town(?:\s+cent(?:re|er))?|village|city)\b",
                            re.IGNORECASE)
DISTANCE = re.compile(
    r"(?:(?P<qual>about|approximately|approx\.|ca\.|circa|around|some|roughly|up\s+to|within|less\s+than|under|more\s+than|over|"
    r"at\s+least|(?:at|from)\s+(?:a\s+)?distances?\s+(?:ranging\s+)?of|(?:at\s+)?distances?\s+ranging|at\s+an?\s+(?:estimated|assessed)\s+(?:distances?|range)\s+of(?:\s+(?:less\s+than|about|up\s+to))?|an\s+estimated)\s+)?"
    r"(?:between\s+(?P<a2>" + _DNUM + r")\s*(?P<ua2>km|m)?\s+and\s+(?P<b2>" + _DNUM + r")"
    r"|(?:between\s+|from\s+)?(?<![\w-])(?P<a>" + _DNUM + r")(?:\s*(?P<ua>km|m)?\s*(?:-|–|to|(?<=\s)or(?=\s))\s*(?P<b>" + _DNUM + r"))?)\s*(?P<unit>" + _UNIT + r")(?:\s+away)?"
)
_PLACE_ITEM = (
    r"(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?(?:at\s+)?"
    r"(?P<dist>(?:(?:about|approximately|around|some|up\s+to|more\s+than)\s+)?(?:" + _NUM + r"\s*(?:km|m)?\s*(?:-|to)\s*)?"
    + _NUM + r"\s*" + _UNIT + r")\s+(?:to\s+the\s+|in\s+the\s+)?(?P<dir>" + DIR + r")(?!\s+of\b)"
)
#: One part of a breakdown by place: "four 2km south-east", "three of them 3-5km to the west".
PLACE_ITEM = re.compile(_PLACE_ITEM)
#: A breakdown by place: two or more such parts ("four 2km south-east and two 3km east").
PLACE_LIST = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", _PLACE_ITEM)
    + r"(?:\s*(?:,|;|\band\b|,\s*and\b|,\s*while|\bwhile)\s*" + re.sub(r"\(\?P<\w+>", "(?:", _PLACE_ITEM) + r")+"
)
#: A time that leads into the observation after it: "…, and at 22:07 an explosion", "; then, at about 22:10, two …".
LEAD_TIME = re.compile(
    r"(?:,|;|\band\b|\bthen\b)\s*(?:(?:and|then)\s+)?,?\s*(?i:at|around)\s+(?:about\s+|around\s+|approximately\s+)?"
    + ph.CLOCK + r"(?:\s*(?:hrs|h)\b)?\s*,?\s*$"
)
_ADJECTIVES = r"(?:(?!(?:and|or|nor|of|but)\b)[A-Za-z(][\w\-()]*\s+){0,3}"
#: Words before a kind noun that say it was not observed: "no", "not any", "did not hear any".
NEGATION = re.compile(
    r"\b(?:no|nor|zero|(?:(?:(?:did|does|do|could|was|were|had|has|have)\s+)?not|(?:did|does|do|could|had|has|have)n't)\s+"
    # "did not see or hear any": two verbs of one denial (patrol13b: read as an observed explosion)
    # (and a party's denial: "the units … didn't fire a single shot at the Azerbaijani positions", patrol25's AD13: one
    # shot)
    r"(?:(?:hear|see|observe|record|detect|register|notice|spot|fire|shoot|launch)\w*"
    r"(?:\s+(?:or|and|nor)\s+(?:hear|see|observe|record|detect|register|notice|spot)\w*)?"
    r"(?:\s+(?:any|a\s+single))?|any|a\s+single)"
    # the subject denied: "No EUMM monitors have confirmed any shots being heard" (patrol19: read as shots)
    r"|no\s+(?:[\w'’-]+\s+){1,3}(?:(?:have|has|had|did|could|were|was)\s+)?(?:confirmed|heard|hear|seen|saw|see|observed|"
    r"recorded|reported|detected|noted)\s+any)\s+"
    + _ADJECTIVES + r"$",
    re.IGNORECASE,
)
#: The next noun of a denied list: "did not hear any explosions or shots".
NEGATED_LIST = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|,)\s+" + _ADJECTIVES, re.IGNORECASE)
#: A region named as the area of a summary: "In Donetsk region", "in the region", "in Luhansk oblast"; also "in 12
#: locations of Donetsk region" and "In Donetskregion" (words run together in a stored page) (patrol18c's E05, E21).
REGION = re.compile(
    r"\b(?i:in|across|throughout)\s+(?:the\s+)?(?:(?i:both)\s+)?"
    r"(?:(?:\d+|(?i:several|many|some|a\s+number\s+of))\s+(?i:locations|areas|places|settlements)\s+(?i:of|in)\s+)?"
    r"(?:(?P<name>[A-Z][a-z]+(?:\s+(?i:and)\s+[A-Z][a-z]+)?)(?:\s+|(?<=Donetsk)(?=(?i:region)\b)|(?<=Luhansk)(?=(?i:region)\b)))?"
    r"(?i:regions?|oblasts?)\b"
)
#: A cross-reference to another report: "(see SMM Daily Report 15 June 2017)".
SEE_ALSO = re.compile(r"\((?:see|cf\.?)\s[^()]*\)", re.IGNORECASE)
_PAIR = (r"(?:(?:about|approximately|around|some)\s+)?(?:" + _NUM + r"\s*(?:km|m)?\s*(?:-|to)\s*)?" + _NUM + r"\s*" + _UNIT
         + r"\s+(?:to\s+the\s+)?" + DIR)
#: Distances and directions given in the order of the observations: "3-4km east and 5-6km south-east, respectively".
RESPECTIVELY = re.compile(
    r"(?P<pairs>" + _PAIR + r"(?:\s*(?:,\s*and|,|and)\s*" + _PAIR + r")+)\s*,?\s*respectively\b", re.IGNORECASE
)
PAIR = re.compile(r"(?P<dist>(?:(?:about|approximately|around|some)\s+)?(?:" + _NUM + r"\s*(?:km|m)?\s*(?:-|to)\s*)?" + _NUM
                  + r"\s*" + _UNIT + r")\s+(?:to\s+the\s+)?(?P<dir>" + DIR + r")", re.IGNORECASE)
#: The auxiliary of a passive observing verb: "12 explosions *were* heard".
#: (also with an adverb before the participle: "an outgoing artillery round was also heard", patrol23's Z02: not read)
PASSIVE = re.compile(r"\b(?:was|were|been|being|(?:could|can|might)\s+be)\s+(?:(?:also|then|again|later|reportedly|clearly)\s+)?$",
                     re.IGNORECASE)
#: A part of the day without a clock time: "overnight", "in the early morning hours", "during the night".
TIME_OF_DAY = re.compile(
    r"\b(?:overnight|at\s+night|(?:shortly\s+)?(?:before|after|around)\s+(?:midnight|noon|dawn|dusk|sunrise|sunset)|(?:in|during|throughout|over)\s+the\s+(?:(?:early|late)\s+)?"
    r"(?:morning|afternoon|evening|night|day|hours)(?:\s+hours)?|(?:early|late)\s+in\s+the\s+(?:morning|afternoon|evening|day)"
    # a statement's own day: "This afternoon a rocket hit UNIFIL's headquarters" (patrol22's W17: no time read)
    r"|\bthis\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
#: A time given only after another: "ten minutes later", "moments later", "less than a minute later".
RELATIVE_TIME = re.compile(
    r"\b(?:(?:(?:about|around|approximately|roughly|some|just|only)\s+)?(?:a\s+few|several|some|(?:less|more)\s+than(?:\s+an?|\s+half\s+an?)?|"
    r"(?:about\s+|around\s+)?half\s+an?|\d+|"
    r"(?i:" + ph.NUMBER_WORD + r")|an?)\s+(?:seconds?|minutes?|hours?)|(?:seconds|minutes)|moments?|(?:a\s+)?(?:short|little)\s+while)"
    r"\s+(?:later|afterwards)\b"
    # "In two second there sounded few shots …", (a news copy; session 15: read as a count of two)
    r"|(?<![\w,] )\b(?:in|after)\s+(?:the\s+(?:space|course)\s+of\s+)?(?:a\s+few|several|\d+|(?i:" + ph.NUMBER_WORD + r"))"
    r"\s+seconds?\b(?!\s+(?:of|later|afterwards)\b)",
    re.IGNORECASE,
)
NO_DISTANCE = re.compile(r"\b(?:at\s+)?(?:an?\s+)?(?:undetermined|unknown|unidentified|unspecified)\s+distances?\b", re.IGNORECASE)
FLIGHT = re.compile(
    r"(?:\b(?:in\s+)?flight\s+|\bflying\s+|\btravelling\s+|\bmoving\s+)?"
    r"(?:\bfrom\s+(?:the\s+)?(?P<a>" + DIR + r")\s+to(?:wards)?\s+(?:the\s+)?(?P<b>" + DIR + r")"
    r"|(?:in\s+an?\s+)?(?P<c>" + DIR + r")[- ]to[- ](?P<d>" + DIR + r")(?:\s+direction)?)"
)
BEARING_RANGE = re.compile(
    # ("at locations ranging from west to north 2-10km": patrol18b's D12 read a flight from west to north)
    r"(?:\b(?:at|in)\s+)?(?:(?:various|several)\s+)?(?:directions?|locations?(?=\s+ranging))\s+(?:ranging\s+)?(?:from\s+(?P<a>" + DIR + r")\s+to\s+(?P<b>" + DIR + r")"
    r"|between\s+(?P<c>" + DIR + r")\s+and\s+(?P<d>" + DIR + r"))",
    re.IGNORECASE,
)
_VIOLATIONS_NOUN = (r"(?:(?:ceasefire\s+)?violations?\b(?:\s+of\s+the\s+ceasefire\b)?"
                    # "Eighteen ceasefire breaches were seen in the Mariupol sector" (patrol20's P21: not read)
                    r"|(?:ceasefire|truce)\s+breach(?:es)?\b|breach(?:es)?\s+of\s+the\s+(?:ceasefire|truce)\b"
                    # a party's count of its incidents: "the office reported 81 cases of fire by Ukrainian armed forces"
                    # (the "DPR" office at the JCCC; patrol25's AC05: not read)
                    r"|(?:cases|instances|incidents)\s+of\s+(?:enemy\s+)?(?:fire|shelling)\b(?!\s+(?:damage|safety|brigade)\b))")
#: A tally of ceasefire violations: "232 ceasefire violations", "a total of about 50 ceasefire violations".
VIOLATION_COUNT = re.compile(
    r"(?:\b(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?:\ba\s+total\s+of\s+)?(?<![\d:.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+|(?i:"
    # "noted 250 instances of ceasefire violations" (patrol19: not read)
    + ph.NUMBER_WORD + r"))\s+(?:(?:instances|cases|incidents)\s+of\s+(?:the\s+)?(?=ceasefire\s+violations?\b))?"
    # "In over 3,200 such ceasefire violations this year so far, …" (patrol22's W05: not read)
    r"(?:such\s+(?=ceasefire\s+violations?\b))?" + _VIOLATIONS_NOUN,
    re.IGNORECASE)
#: The same with the number in brackets: "more ceasefire violations in Donetsk region (about 420)".
VIOLATION_PAREN = re.compile(
    r"\b(?:(?P<trend>more|fewer|less|a\s+similar\s+number\s+of|the\s+same\s+number\s+of)\s+)?" + _VIOLATIONS_NOUN
    + r"[\s\x1f]*\(\s*(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\)", re.IGNORECASE)
#: A sighting of an aerial vehicle after the verb ("spotted a mini-UAV"): not the mission's own ("its UAV").
UAV = re.compile(r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|quadcopters?|drones?)$", re.IGNORECASE)
OWN_UAV_BEFORE = re.compile(r"\b(?:SMM(?:'s)?|its|using|with|help\s+of|by|from|of|where|(?:while\s+|when\s+)(?:flying|launching|operating|landing|"
                            r"recalling)"
                            # "while preparing to launch a mini unmanned aerial vehicle (UAV)" (patrol18: read as a UAV seen)
                            r"|(?:preparing|prepared|ready|about|going|intending|planning)\s+to\s+(?:fly|launch|land|operate|recall)"
                            # "the OSCE team flew a UAV to observe …" (patrol13b: read as a UAV seen)
                            r"|(?:SMM|OSCE|team|patrol|[Mm]ission|monitors|observers)\s+(?:flew|launched|landed|recalled|diverted|redirected|deployed)"
                            # "in the area where it was flying an unmanned aerial vehicle (UAV)" (patrol22's W04: a UAV seen)
                            r"|\b(?:it|they|the\s+(?:SMM|OSCE|team|patrol|mission|monitors))\s+(?:was|were|had\s+been)\s+(?:flying|operating|launching))"
                            r"\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
#: A tally compared without a number: "the SMM recorded more ceasefire violations in Luhansk region".
VIOLATION_TREND = re.compile(
    r"\b(?P<trend>more|fewer|less|a\s+similar\s+number\s+of|the\s+same\s+number\s+of)\s+" + _VIOLATIONS_NOUN, re.IGNORECASE)
#: Where a share of the period's ceasefire violations was recorded: "The majority of ceasefire violations were
#: recorded in areas south-west and north-west of Horlivka", "All ceasefire violations were recorded inside the
#: disengagement area near Zolote".
VIOLATION_SHARE = re.compile(
    r"\b(?:the\s+|a\s+(?=(?:vast\s+)?majority\b))?(?P<share>(?:vast\s+)?majority|most|all|almost\s+all|nearly\s+all|(?:about\s+|around\s+|roughly\s+)?"
    r"(?:half|(?:one|two|a)[- ]thirds?|(?:one|a|three)[- ]quarters?)|the\s+(?:rest|remainder)|remaining)\s+"
    r"(?:of\s+(?:the\s+|these\s+|(?:them|which)\s+(?=were|was|occurred)|them\b)?)?(?:(?:the\s+)?(?:ceasefire\s+)?violations?(?:\s+|(?=\s*[,(])))?"
    # "The majority of explosions were recorded in areas south-east of Chermalyk" (patrol16: a share of the explosions
    # counted before, placed at Chermalyk as a further record)
    r"(?:(?<=of\s)(?:the\s+)?(?P<noun>explosions|detonations|impacts|ceasefire\s+violations)(?:\s+|(?=\s*[,(])))?"
    # "Most ceasefire violations, including about 20 explosions, occurred in areas east of …"
    # also with a number in brackets in it: ", including the majority of explosions (about 125)," (patrol14)
    r"(?:\s*[,(](?:[^,;()]|\([^,;()]{1,30}\)){1,80}[,)]\s+)?"
    r"(?:(?:were|was)\s+(?:(?:recorded|observed|registered|heard)\b|\x1f+)|occurred\b|(?<=\s)\x1f{8,}(?=\s)"
    r"|(?<=which\s)(?:were|was)(?=\s+(?:in|at)\s+(?:the\s+)?(?:areas?|directions?)\b))",
    re.IGNORECASE)  # the verb may be claimed already
#: One area of such a share: "(in areas) south-west and north-west of Horlivka", "at southerly directions of Pyshchevyk".
VIOLATION_AREA = re.compile(
    r"(?:\b(?i:in|at|from)\s+(?:the\s+)?(?i:areas?|directions?|parts?)\s+|\b(?i:in|at)\s+)?(?P<dirs>" + DIR + r"(?:\s*,\s*" + DIR
    + r")*(?:\s*,?\s+(?i:and|or)\s+" + DIR + r")?)\s+(?i:directions?\s+)?(?i:of)\s+(?:the\s+)?" + CONTROLLED + r"(?P<place>" + PLACE + r")")
#: "within 5km of its periphery" (of a disengagement area): understood, kept with the area.
PERIPHERY = re.compile(r"\bwithin\s+\d+(?:\.\d+)?\s*(?:km|m)\s+of\s+(?:its|their|the(?:\s+\w+)?)\s+peripher(?:y|ies)\b",
                       re.IGNORECASE)
#: A comparison with another period: "compared with 180 ceasefire violations, including 67 explosions, in the
#: previous reporting period" (its counts are not this period's observations).
COMPARED = re.compile(
    r"\b(?:(?:as\s+)?compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)"
    r"|than(?=\s+(?:(?:in|on|during|over|for)\s+)?the\s+previous\b)"
    # "…, against the 95 ceasefire breaches and over 900 shootings reported in the previous week" (patrol21's U13)
    r"|against(?=\s+(?:the\s+)?(?:(?:about|around|some|over|more\s+than)\s+)?\d[\d,]*\s[^.;:]{0,100}?\b(?:in|during|over|for)"
    r"\s+the\s+previous\b))\b", re.IGNORECASE)
#: The direction a round came from, written with a crater or impact: "fired from a south-westerly direction".
FIRED_FROM = re.compile(
    r"\b(?:(?:fired|launched|coming)\s+)?from\s+(?:an?\s+|the\s+)(?P<dir>" + DIR + r")\s+direction\b"
    # not the first half of a flight ("fired from south-west to north-east": not "south" then "-west to …")
    r"|\b(?:fired|launched)\s+from\s+(?:the\s+)?(?P<dir2>" + DIR + r")(?![\w-])(?!\s+to(?:wards)?\s+(?:the\s+)?" + DIR + r")"
    # "was fired – from a location to the south-east –"
    # (not across words already read, which the scan blanks with \x1f, a whitespace to \s: "launched from an area
    # [northeast of Qulaylah], which landed south-east of Shlomi", patrol22: fired from the south-east)
    r"|\b(?:fired|launched)\s*(?:[–—-]\s*)?from\s+(?:an?\s+|the\s+)?(?:location|position|point|area)[^\S\x1f]+(?:to[^\S\x1f]+the[^\S\x1f]+)?(?P<dir3>" + DIR + r")"
    # "assessed that the fire had originated from the north-north-west" (read as fired from only with craters)
    r"|\b(?:had\s+)?originated\s+from\s+(?:an?\s+|the\s+)?(?P<dir4>" + DIR + r")\b(?!\s+(?:of|to)\b)",
    re.IGNORECASE,
)
VERTICAL = re.compile(r"\b(?:in\s+)?vertical\s+(?:flight|trajectory|trajectories)\b|\bvertically\b", re.IGNORECASE)
BEARING = re.compile(
    r"(?:\b(?:to\s+the|in\s+an?|in\s+the|towards\s+the|towards)\s+)?(?P<dir>" + DIR + r")(?:\s+directions?)?"
)
#: Two compass points written as one sector: "E-ESE", "N-NNE", "SSW/S" (abbreviations only: "W-to-E" is a flight
#: direction). "N-NE" too is the sector N..NE (patrol14; it was read as the point NNE), with a warning.
_ABBREVIATION = r"(?:" + "|".join(sorted(ph.POINTS, key=len, reverse=True)) + r")"
BEARING_PAIR = re.compile(r"(?<![\w-])(?P<a>" + _ABBREVIATION + r")\s*[-–/]\s*(?P<b>" + _ABBREVIATION + r")(?![\w-])")
BEARING_LIST = re.compile(
    # not the ends of flight directions: "fired west to east and south-west to south-east" is two flights, not a list
    r"(?<!\bto\s)(?<!-to-)(?P<list>" + DIR + r"(?:\s*,\s*" + DIR + r")*\s*,?\s+(?:and|or)\s+" + DIR + r")(?![- ]to[- ]" + DIR + r")"
    r"(?:\s+directions?)?"
)
#: Manned aircraft: "a Mi-8 helicopter", "fixed-wing aircraft", "two military planes" (not "anti-aircraft").
_AIRCRAFT = (r"(?:(?:Mi|Ka|Su|MiG|An|Il|Tu|Yak|L)-\d+\w*\s+(?:\([^()]*\)\s+)?)?(?:(?:fixed|rotary)[- ]wing\s+|(?:military|combat|"
             r"transport|attack|fighter|civilian|light|unidentified)\s+)*"
             r"(?:helicopters?|(?<!anti-)(?<!anti )aircraft|(?:air|aero)?planes?|(?:fighter\s+)?jets?)(?![-\s]+(?:grenade|propelled|factory|factories|plants?|repair|hangars?|shelters?|carriers?|parts|fuel)\b)")
#: A bullet's "impact" or "strike" followed by what it hit is a verb: "saw a bullet impact the ground", "two bullets
#: strike the wall" (patrol22's X02: a damage mark of one; "two bullets impact the ground" was two impacts) are bullets seen
#: hitting, shots; "bullet impacts on the wall", "bullet holes" stay marks.
_NOT_A_VERB = r"(?!\s+(?:the|a|an|its|their|his|her)\b)"
#: Marks of fire seen afterwards, not fire: "shrapnel damage", "broken windows", "a hole" (in a roof); kind ``other``,
#: ``sighting: damage`` (craters, which older texts name most, keep their own reading).
DAMAGE = (r"(?:(?:shrapnel|fragmentation|bullet|blast|structural)\s+)?damage|(?:broken|shattered|smashed)\s+(?:windows?|glass)"
          r"|(?:(?:bullet|shrapnel)\s+)?holes?|(?:bullet|shrapnel)\s+(?:impacts?|marks?|strikes?)(?!\s+(?:the|a|an|its|their|his|her)\b)"  # _NOT_A_VERB
          r"|(?:(?:freshly|recently|newly|heavily|badly|severely|partially|partly|completely)\s+)?(?:damaged|destroyed)\s+"
          r"(?:(?:residential|private|administrative|industrial|apartment|multi-storey|two-storey|single-storey|civilian|wooden|brick)\s+)?(?:power\s+lines?|gas\s+(?:pipes?|pipelines?)|pipelines?|water\s+pipes?|houses?|buildings?|roofs?|"
          r"walls?|fences?|cars?|vehicles?|windows?|gates?|garages?|schools?|bridges?|sheds?|barns?|apartments?|flats?)")
#: Unexploded ordnance and remnants of rounds seen (not fire): "the tail fin of a mortar round", "unexploded ordnance".
UXO = (r"tail\s+fins?|stabili[sz]ers?|unexploded\s+ordnance|UXOs?|unexploded\s+(?:(?:\d+\s?mm|[\w-]+)\s+(?:\([^()]*\)\s+)?){0,3}?"
       r"(?:rounds?|shells?|rockets?|grenades?|bombs?|submunitions?|projectiles?|mines?)(?![\w-])(?:\s+\([^()]*\))?")
#: Mines seen (not fire): "anti-tank mines", "landmines", and the signs that warn of them ("a sign reading 'Danger mines'",
#: "mine hazard signs"); "mine" alone also names a coal mine, so it is read only with one of these words.
MINES = (r"(?:anti[- ](?:tank|personnel|vehicle)|land|tripwire[- ](?:activated|initiated)|naval)[- ]?mines?"
         r"|mine\s+(?:hazard\s+|warning\s+)?signs?|signs?\s+(?:reading|saying|warning\s+of|marked)\s+['\"]?(?:danger[,:!]?\s+)?mines?")
KIND_NOUN = re.compile(
    r"\b(?P<noun>projectiles?(?:\s+rounds?)?|tracer\s+(?:rounds?|fire|projectiles?|bullets?)|tracers"
    # a translated news copy: "17 unidentified ammunition that flew" (projectiles in flight; session 15's N05: not read)
    r"|(?:unidentified\s+)?ammunition\s+(?:that|which)\s+flew"
    r"|(?:illumination\s+)?flares?(?![-\s]ups?\b)|illumination\s+rounds?|air[- ]?bursts?|air\s+explosions?"  # "three air explosions": airbursts
    # (not "a flare-up between Hamas and Israel", patrol25's AC10: a flare)
    r"|(?<=mortar\s)bombs?|explosions?|detonations?|blasts?|bullets?(?![-\s]+(?:(?:entry|exit|entrance)[-\s]+)?(?:impacts?|holes?|marks?|proof|resistant)\b"
    + _NOT_A_VERB + r")|shelling|shelled(?=\s+(?:the\s+previous|overnight|during|on|in|at|from|with|by|yesterday|earlier|\d(?!\d*\s+(?:towns?|villages?|settlements?|localities|positions|areas|districts)\b))|\s*[.,;]|\s*$)|air[- ]?strikes?|(?<!bullet\s)(?<!bullets\s)impacts?|rounds?(?!\s+of\s+(?:air[- ]raid\s+|warning\s+)?(?:sirens?|alarms?|talks|negotiations?|consultations?|meetings?|voting|elections?|applause|sanctions|fighting|clashes|hostilities|violence|escalation|strikes)\b)|bursts?|gun[- ]?shots?|shots?(?!\s+down\b)|shooting(?![-\s]+(?:range|ground)s?\b)|" + DAMAGE + r"|" + MINES + r"|" + UXO + r"|(?:muzzle\s+)?flash(?:es)?|crater[- ]impacts?|craters?|fire|salvo(?:e?s)?|smoke|shells?"
    r"|(?<!launch )(?<!launch-)rockets?(?![-\s]+(?:systems?|launchers?|propelled|launch|assisted)\b)"
    # "heard the use of small arms north and west": fire of the weapon named after it
    r"|use(?=\s+of\s+(?:(?:small|light)[- ]arms|(?:heavy[- ])?machine[- ]guns?|weapons|automatic\s+weapons|mortars|artillery|grenade[- ]launchers?)\b)"
    # "initiated unprovoked ceasefire violation by firing with small arms" (patrol22's W05-W07: no record), "sporadic
    # gunfire was heard" (W14): fire of kind other
    # ("firing of small arms and shelling with mortars" is left: "of" would make the shelling a weapon of the firing)
    r"|firing(?=\s+with\s+(?:(?:small|light)[- ]arms|(?:heavy[- ])?machine[- ]?guns?|automatic\s+weapons|sniper\s+rifles?)\b)"
    # (not what caused damage, "damaged by gunfire", nor a party's "subjected to gunfire": their places were read as the
    # observer's)
    r"|(?<!\bby\s)(?<!\bto\s)(?<!\bfrom\s)(?<!\bshelling\sand\s)gunfire"
    # a grenade written fired or exploding (spot reports): "a rocket-propelled grenade (RPG) was fired …, impacting …"
    r"|(?:rocket[- ]propelled\s+)?grenades?(?=[\s\x1f]*(?:\([^()]*\)[\s\x1f]*)?(?:(?:was|were)\s+)?(?:fired|launched|explod\w*|detonat\w*|impact\w*|land(?:ed|ing))\b)"
    # a drone's strike (patrol26's AE07): an impact, as an air strike
    r"|(?:drone|UAV)[- ]?strikes?"
    r"|(?:(?:mini|mid-range|long-range)-|(?:quadcopter|multicopter|octocopter|fixed-wing|helicopter)(?:[- ]type)?[- ])?"
    r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|quadcopters?|drones?)"
    r"|" + _AIRCRAFT + r"|(?<![\w-])missiles?(?![-\s]+(?:(?:(?:air[-\s]+)?defen[cs]e|intercept(?:or|ion))[-\s]+)?(?:systems?|launchers?|complex(?:es)?|batter(?:y|ies)|units?)\b))\b",
    # (not "the Iron Dome missile defense system", patrol25's AC12: a rocket)
    re.IGNORECASE,
)
#: A manned aircraft seen or heard: a sighting, not fire.
AIRCRAFT = re.compile(_AIRCRAFT + r"$", re.IGNORECASE)
COUNT = re.compile(
    r"(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?:(?:a\s+|the\s+)?(?:aggregated\s+)?totals?\s+of\s+)?"
    # the vague words first: "a series of explosions" is not "a" (one) "series of" explosions
    r"(?:(?P<vague>" + ph.VAGUE_COUNTS + r")|(?:(?i:between)\s+(?P<nb>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?i:and)\s+)?(?<![\d:.,])(?<![A-Za-z]-)(?<![A-Za-z])(?P<n1>" + ph.NUMBER + r")(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+)|(?:\s+(?:to|or)\s+|-)(?P<n2w>(?i:" + ph.NUMBER_WORD + r"))(?=\s)"
    r"|\s+or\s+(?P<or_so>so)|\s*-\s*(?P<odd>odd)\b)?)"
    # (nor is a designation's number: "dropped the VOG-17 grenade launcher round" is one round, not 17; patrol19)
    # (a number is never an adjective: in "a tank firing two rounds" the count is two)
    # (an adjective in quotes, a news copy's: 'two "loud" explosions'; patrol14b: the count was lost)
    # (nor is a clause's word between the number and the noun: "says in a statement Sunday that shots were fired" is no
    # one shot; patrol19)
    r"\s+(?P<adjs>(?:(?:(?!(?i:" + ph.NUMBER_WORD + r"|that|which|who|whom|whose|when|while|where|because|says|said|stated"
    # nor a verb's: "a boy was wounded by shelling" is no one shelling (patrol19b's O06)
    r"|was|were|is|are|been|being|due|by"
    # nor one who shared a picture: "one resident shared a photo of thick black smoke" (patrol22's X09: one smoke)
    r"|shared|posted|showed|published|released"
    # nor a comparison's: "have a more limited range than rockets", "fired three times as many rockets" (patrol25's AD01,
    # AD02: one rocket, three rockets)
    r"|than|times)\s)"
    r"[A-Za-z(][\w\-()]*|[\"“][a-z][\w-]*[\"”]|\(?\d+(?:[\s-]?mm|-mill?imet(?:re|er)s?)\)?)\s+){0,4})$",
    re.IGNORECASE,
)
ASSESSED = re.compile(
    r"\b(?:(?:were|was|all|both)\s+)?(?:(?:assessed|believed|judged|determined)\s+(?:to\s+be\s+|as\s+)(?:being\s+)?|consistent\s+with\s+)"
    r"(?:both\s+(?=outgoing|incoming))?"  # "consistent with both outgoing mortar and artillery" (session 15: undetermined)
    r"(?:(?:having\s+been\s+)?caused\s+by\s+)?(?:its\s+)?"
    r"(?:an?\s+|the\s+)?(?:(?:possible|probable|likely)\s+)?[\x1f\s()]*"
    r"(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?|explosions?|detonations?|rounds?)?"
    r"(?:\s+(?:rounds?|fire|explosions?|strikes?)\b)?(?:\s+of(?:\s+an?\b)?)?",
    re.IGNORECASE,
)
#: "(all) assessed as part of an exchange of fire": understood; it says nothing of kind or count.
EXCHANGE = re.compile(
    r"\b(?:(?:all\s+|both\s+)?(?:assessed|believed)\s+(?:as|to\s+be)\s+)?(?:(?:being\s+)?part\s+of\s+)?"
    r"an?\s+exchanges?\s+of\s+fire\b",
    re.IGNORECASE,
)
UNDETERMINED_ORIGIN = re.compile(
    r"\b(?:of|from)\s+(?:an?\s+)?(?:undetermined|unknown|unidentified)\s+(?:origin|type|nature|weapons?(?:\s+systems?)?|calibre)\b", re.IGNORECASE
)
_NOT_A_KIND = r"(?!(?:fire|rounds?|shots?|bursts?|explosions?|detonations?|blasts?|impacts?|projectiles?|flares?|flash(?:es)?|tracers?)\b)"
#: What comes between a kind noun and a later noun that names its weapon, not a second observation:
#: "impacts of mortar rounds", "bursts of infantry fighting vehicle (BMP-2) cannon fire" -- but not
#: "bursts of heavy-machine-gun fire and several shots" (a kind noun in between ends the weapon's name).
OF_WEAPON_BEFORE = re.compile(
    r"(?:\bof|\bcaused\s+by|assessed\s+as|believed\s+to\s+be|to\s+be|consistent\s+with)\s+(?:an?\s+|the\s+)?"
    r"(?:" + _NOT_A_KIND + r"[A-Za-z(][\w\-()]*\s+|\(?\d+(?:[\s-]?mm|-mill?imet(?:re|er)s?)\)?\s+|\([^()]*\)\s+){0,6}$",
    re.IGNORECASE,
)
MERGEABLE = {"burst", "shot"}
#: A count whose noun is left out, repeating the kind before it: "45 projectiles from west to east and
#: 12 from east to west", "17 explosions assessed as impacts and four assessed as outgoing rounds", and (``placed``)
#: "18 explosions 4-6km north and six 2km west" when the count before has its own distance (else "six explosions, four
#: 2km south-east and two 3km east" is a breakdown of the six by place).
ELLIPTIC = re.compile(
    r"(?:[,;]|\band)\s+(?:(?i:about|around|approximately|some|almost|nearly|at\s+least|more\s+than|over|up\s+to)\s+)?"
    r"(?P<n>\d+|" + ph.NUMBER + r")\s+(?=(?:in\s+flight\s+)?from\s+" + DIR + r"\s+to\b"
    r"|(?:in\s+flight\s+)?" + DIR + r"\s+to\s+" + DIR + r"\b"  # "106 projectiles from west to east and 58 east to west"
    r"|(?:(?:were|was)\s+)?(?i:assessed)\s+as\b"
    # "…, about 30 minutes later, 3 more 1km west" (not "two more shots": a count with its noun)
    r"|(?P<more>(?i:more|further|additional)\b(?!\s+(?:[\w()-]+\s+){0,3}?(?i:" + KIND_NOUN.pattern + r")))"
    # "18 explosions 4-6km north and six 2km west-north-west": a count with its own distance and direction
    r"|(?P<placed>(?:(?i:about|approximately|some|around)\s+)?" + _NUM + r"\s*(?:(?:km|m)\s*)?(?:-|–|to)?\s*(?:" + _NUM + r"\s*)?"
    r"(?:km|m|kilometres?|metres?)\b\s+(?:(?i:to\s+the)\s+)?" + DIR + r"(?!\s+of\b)))"
)
ACRONYM = re.compile(r"\((?:[A-Z]{2,6}|[A-Z]{2,6}s)\)")

FILLER = frozenset(
    """the a an and or of all also both each as while when with by in at on to from for its it their they
    was were which that this these those had has have been be being is are then later subsequently
    smm smm's mission mission's osce team patrol patrols monitors monitor camera cameras uav uavs its
    unmanned aerial vehicle long-range mini mid-range heard saw observed recorded spotted noted registered
    detected counted witnessed reported positioned located stationed standing firing fired
    entry-exit checkpoint checkpoints eecp position positions sequence tracer during
    government-controlled non-government-controlled controlled areas sporadic intense intensive continuous
    railway station mine bridge road plant school village town city outskirts weapon weapons type calibre
    undetermined unidentified undefined unknown fire rounds round some approximately about around
    edge outskirts centre center part vicinity side area outskirt northern southern eastern western central
    north-eastern north-western south-eastern south-western direction distance including total respectively
    further another other more additional earlier same time period previous reporting day night evening
    morning afternoon hours headquarters jccc followed involving but single field fields yard garden ground
    residential house houses fewer less similar number flying hovering circling using mini-uav mini-uavs near
    various different directions distances location locations member members loud powerful surrounding originating
    driving conducting flight flights forested wooded however observers personnel un monitoring black white grey gray thick rising billowing plume plumes column
    interspersed sound sounds occurring caused well locations location shell shells
    reached arrived when mixed whilst most uncountable based
    over engine engines first after her his our my sea bright
    long short intermittent occasional overhead russian above sustained constant periodic large-calibre large-caliber
    eumm undof unmogip unifil untso unficyp minurso military patrolling under ukrainian armed forces
    joint control co-ordination coordination observation point stationary dpr lpr people's republic emanating
    ammunition vehicles following mostly mainly predominantly examined inspected direct rocket-assisted muzzle flashes
    immediately almost ranging him there relocated relocating""".split()
)
