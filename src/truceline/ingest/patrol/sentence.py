"""Reading one sentence: what carries from the sentence before (date, observer, region), its clauses, its records.

``read_sentence`` reads the sentence's dates ("On 3 March", "between the evenings of …", headings, report stamps),
observer position and region, reads each clause (:func:`~truceline.ingest.patrol.clause.read_clause`) and turns the
readings into records (:mod:`truceline.ingest.patrol.records`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from datetime import timedelta, tzinfo
from typing import Any

from truceline.ingest import phrases as ph
from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol.clause import read_clause
from truceline.ingest.patrol.counts import REGION_AND_BEFORE
from truceline.ingest.patrol.definite import settle_definite
from truceline.ingest.patrol.locate import resolve_position
from truceline.ingest.patrol.patterns import KIND_NOUN, VERB
from truceline.ingest.patrol.records import clause_records
from truceline.ingest.patrol.scan import EventPlace, Scan
from truceline.ingest.patrol.shared import episodes_colon_bearing, region_lead
from truceline.ingest.patrol.split import SAME_SUBJECT_VERB, clauses, tally_parenthesis, which_as_parenthesis
from truceline.ingest.patrol.state import Observer, State
from truceline.ingest.patrol.times import (
    PART_OF_DAY_HOURS, PLAIN_DATE, day_before, evenings_start, parse_date, read_day_span, that_part_of_day,
)
from truceline.model.reports import SUMMARY_WARNING

_TIME_OF_DAY = (r"(?:early\s+|late\s+)?(?:evening|night|morning|afternoon|day|hours)s?\s+(?:hours\s+)?(?:and\s+(?:the\s+)?"
                r"(?:early\s+|late\s+)?(?:evening|night|morning)s?\s+(?:hours\s+)?)?of\s+")
_DATE_ON = re.compile(
    # (not the date of a clock just before it, also where a 12-hour clock's rewrite left blanks: "and 1:10 a.m. on 3 March"
    # is "and 01:10      on 3 March", patrol28: read as the sentence's date, the window then put on the 3rd to the 4th)
    r"(?<!:\d\d )(?<!:\d\d  )(?<!:\d\d   )(?<!:\d\d    )(?<!:\d\d     )(?:\b(?:(?:on|during|over)\s+(?:the\s+)?(?:" + _TIME_OF_DAY + r")?|(?:in|throughout)\s+the\s+" + _TIME_OF_DAY + r")"
    # a news copy's date between commas: "While positioned in Svitlodarsk, Oct. 3, the SMM heard …"
    # or after a region: "… some 730 explosions in the Donetsk region Dec. 20, Censor.NET reports" (patrol18d's G04)
    r"|(?:(?<=,)|(?<=\bregion)|(?<=\bregions))\s+(?=" + ph.MONTH + r"\s+\d{1,2}(?:\s*-\s*\d{1,2})?,)"
    # a day with its count in brackets, the second of two (patrol17): "… and 21 August (over 540 explosions recorded) …"
    r"|\b(?=\d{1,2}\s+" + ph.MONTH + r"\s*\((?:(?:" + ph.COUNT_QUALIFIER + r")\s+)?\d[\d,]*\s+explosions?\b))"
    r"(?P<date>" + ph.DATE + r")",
    re.IGNORECASE,
)
#: The period of a daily report: "between the evenings of 2 and 3 June", "between the evenings of 30 June and 1 July",
#: (news copies) "between the evenings of March 4 and March 6".
_EVENINGS = re.compile(
    r"\b(?:between|from)\s+the\s+evenings?\s+of\s+(?:(?P<month_before>" + ph.MONTH + r")\s+)?(?P<first>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:\s+(?P<first_month>" + ph.MONTH + r")(?:\s+\d{4})?)?"  # "of 30 December 2021 and 3 January 2022" (patrol18b)
    # (news copies) "between the evenings of January 14 and 16": the second day's month is the first's
    r"\s+(?:and|to|-)\s+(?:(?P<date>" + ph.DATE + r")|(?<=\d\s\w{3}\s)(?P<bare_day>\d{1,2})(?:st|nd|rd|th)?\b|(?P<bare_day2>\d{1,2})(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)
#: A news copy's period: "From Saturday evening, November 16, until Sunday evening, November 17" (session 15: read as the
#: day of the 16th).
#: A sentence dated from the one before: "The following day, whilst in …", "On the next morning, …".
_FOLLOWING_DAY_LEAD = re.compile(
    r"[\s\x1f]*(?:(?:On\s+)?the\s+(?:following|next)\s+(?P<part>day|morning|afternoon|evening|night)\b"
    # "On the evening of that day, the SMM heard …", "During the morning of the same day, …" (patrol18d's G06: the
    # whole day): the day of the sentence before, that part of it
    r"|(?:On|During|In)\s+the\s+(?P<same_part>morning|afternoon|evening|night)\s+of\s+(?:that|the\s+same)\s+day\b)\s*,?",
    re.IGNORECASE)
#: A date after "following / since …": the start of a longer period ("following a meeting … on 22 July").
_SINCE_BEFORE = re.compile(r"\b(?:following|since|after)\b[^,.;()]{0,80}$", re.IGNORECASE)
#: A cumulative tally's period: "from 00:01 on 27 July 2020 until the end of the reporting period, the SMM has so far
#: recorded at least 6,771 ceasefire violations" (patrol16b: timed at the instant it began).
_UNTIL_PERIOD_END = re.compile(
    r"\b(?:from|since)\s+(?:(?:\d{1,2}[:.]\d{2}(?:\s*hrs)?|midnight)\s+(?:on\s+)?)?(?:the\s+)?[^,.;()]{0,40}?\s+"
    r"(?:until|till|to)\s+the\s+end\s+of\s+the\s+(?:reporting\s+)?period\b", re.IGNORECASE)
#: When the report (not the fire) was written: "reads the latest report dated July 7 at 19:30", "the report based on
#: information received as of 19:30 on 7 July says" (patrol16b: the fire was timed at 19:30).
_STAMP_DATE = r"(?:" + ph.MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + ph.MONTH + r")(?:,?\s+\d{4})?"
_REPORT_STAMP = re.compile(
    r"\b(?:(?:report|update|statement)s?\s+(?:was\s+)?(?:dated|issued|published|released|posted)(?:\s+on)?"
    r"(?:\s+(?:\w+day,?\s+)?" + _STAMP_DATE + r")?(?:,?\s+(?:at|as\s+of)\s+" + ph.CLOCK + r"(?:\s*hrs)?)?"
    r"|(?:based\s+on\s+)?information\s+(?:(?:received|available)\s+)?(?:from\s+the\s+monitoring\s+teams\s+)?"
    r"(?:received\s+)?as\s+of\s+" + ph.CLOCK + r"(?:\s*hrs)?(?:\s*\([^()]{0,20}\))?(?:,?\s+(?:on\s+)?" + _STAMP_DATE + r")?"
    # (a machine translation) "This is stated in the report of the organization on March 17" (patrol18: the counts after
    # it were put on the 17th)
    r"|(?:stated|said|written)\s+in\s+(?:the|a|its)\s+(?:[\w-]+\s+){0,3}?(?:report|update)(?:\s+of\s+the\s+[\w-]+)?\s+(?:on|of|dated)\s+"
    + _STAMP_DATE + r")",
    re.IGNORECASE)
_EVENING_TO_EVENING = re.compile(
    r"\bfrom\s+(?:(?:the\s+)?(?:\w+day\s+)?evening|the\s+evening\s+of)\s*,?\s*(?:of\s+)?(?P<first>" + PLAIN_DATE
    + r"|\d{1,2}(?=\s+(?:until|till|to)\s))\s*,?\s+"  # "from the evening of 24 to the evening of 25 December" (patrol18b)
    r"(?:until|till|to)\s+(?:(?:the\s+)?(?:\w+day\s+)?evening|the\s+evening\s+of)\s*,?\s*(?:of\s+)?(?P<date>" + PLAIN_DATE + r")",
    re.IGNORECASE)
#: "The number of ceasefire violations recorded through the evening of 26 December increased …, with more than 170
#: explosions" (patrol18b, C13: untimed): the reporting period that ends that evening.
_THROUGH_EVENING = re.compile(r"\brecorded\s+(?:through|until|till|up\s+to)\s+the\s+evening\s+of\s+(?P<date>" + PLAIN_DATE + r")",
                              re.IGNORECASE)
#: A news copy's reporting period in clock times, in a sentence that counts nothing itself: "for the period from 19.30 on
#: December 7 to 19.30 on December 8, according to a report published on December 9" (patrol18: the counts quoted after it
#: were put on the 7th); read as the evening-to-evening period, for the sentences after it.
_CLOCK_TO_CLOCK = re.compile(
    r"\bfrom\s+(?:1[89]|20)[:.][0-5]\d\s*(?:hrs\s+)?on\s+(?P<first>" + PLAIN_DATE + r")\s*,?\s+(?:until|till|to|at)\s+"
    r"(?:1[89]|20)[:.][0-5]\d\s*(?:hrs\s+)?on\s+(?P<date>" + PLAIN_DATE + r")", re.IGNORECASE)
_PART_OF_DATE = re.compile(r"\bearly\s+hours\b|\b(?:(?:early|late)\s+)?(?:evening|morning|afternoon|night)(?:\s+hours)?"
                           r"(?:\s+and\s+(?:the\s+)?(?:(?:early|late)\s+)?(?:evening|morning|afternoon|night)(?:\s+hours)?)?\b",
                           re.IGNORECASE)
#: A news copy's period in weekdays: "between the evenings of Friday and Saturday" (session 15's J18: undated); the
#: last of them on or before --date (the day the copy was written).
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_EVENINGS = re.compile(
    r"\b(?:between|from)\s+the\s+evenings?\s+of\s+(?P<first>" + "|".join(_WEEKDAYS) + r")\s+(?:and|to|until)\s+(?P<last>"
    + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
#: A night between weekdays: "some 500 explosions had been recorded between Wednesday evening and Thursday morning"
#: (patrol16b: not read): the night from the last such evening before --date (noon to noon, as "the night of 14 July").
_WEEKDAY_EVENING_MORNING = re.compile(
    r"\b(?:between|from)\s+(?P<first>" + "|".join(_WEEKDAYS) + r")\s+(?:evening|night)\s+(?:and|to|until|till)\s+(?P<last>"
    + "|".join(_WEEKDAYS) + r")\s+morning\b", re.IGNORECASE)
#: A sentence whose subject is a further count of the noun counted last, left out: "A further 860 were reported in …".
_WRITTEN_DAY = re.compile(ph.DATE + r"|\b(?:" + "|".join(_WEEKDAYS) + r"|yesterday|today)\b", re.IGNORECASE)
#: An aerial vehicle as the one that saw: "the SMM UAV observed", "SMM long-range unmanned aerial vehicles spotted".
_UAV_SAW = re.compile(r"\b(?:(?:mini|mid-range|long-range)[- ]?)?(?:UAVs?|unmanned\s+aerial\s+vehicles?(?:\s*[(\[]UAVs?[)\]])?|drones?)"
                      r"\s+(?:also\s+)?(?:observed|spotted|saw|recorded|detected|filmed)\b", re.IGNORECASE)
_FURTHER_LEAD = re.compile(r"\W*(?:an?\s+)?(?:further|additional)\s+\d[\d,]*\s+(?:more\s+)?(?:were|had\s+been|have\s+been)\s+"
                           r"(?:reported|recorded|registered|logged|heard|counted|observed)\b", re.IGNORECASE)
#: A date or clock time left in a sentence after its own were read (see ``unread_when``).
_STRAY_WHEN = re.compile(r"\b(?:" + ph.MONTH + r"\s+\d{1,2}\b(?!\s*(?:km|m|mm)\b)|\d{1,2}\s+" + ph.MONTH + r"\b"
                         r"|\d{1,2}[.:]\d{2}\s*\(?\s*(?:am|pm|a\.m\.|p\.m\.|hrs)\b"
                         # "some 500 explosions … in the course of one night" (patrol21's U01): a night of its own, unnamed
                         r"|\b(?:in\s+the\s+course\s+of|during|over|in)\s+(?:one|a\s+single)\s+night\b)", re.IGNORECASE)
#: An evening and the night after it, each with its date: "late in the evening of 8 January and during the night of 9
#: January" (patrol16b: put on the whole 8th, which misses the hours after midnight): the night from the first to the second.
_EVENING_AND_NIGHT = re.compile(
    r"\b(?:(?:late|early)\s+)?(?:in|on|during)\s+the\s+evening\s+of\s+(?P<first>" + PLAIN_DATE + r")\s*,?\s+and\s+"
    r"(?:(?:late|early)\s+)?(?:in|on|during|over)?\s*the\s+night\s+(?:of|to|into)\s+(?P<last>" + PLAIN_DATE + r")", re.IGNORECASE)
#: A day written as a weekday (news copies): "on Sunday", "on Tuesday afternoon", "late on Friday", "on the night to
#: Sunday"; not the day a report was published ("the mission said in its report published on Monday"). Also a weekday
#: with its part of the day and no "on": "Early Monday morning, a rocket …", "late Saturday evening", "Tuesday night"
#: (patrol20b's S11: no time read); "early"/"late" narrows the part ("early morning", ``PART_OF_DAY_HOURS``).
_WEEKDAY_ON = re.compile(
    r"(?<!published\s)(?<!released\s)(?<!issued\s)(?<!posted\s)(?<!updated\s)(?<!said\s)(?<!reported\s)(?<!of\s)"
    r"\b(?:(?P<lead>late|early)\s+(?=(?:" + "|".join(_WEEKDAYS) + r")\s+(?:morning|afternoon|evening|night)\b)"
    r"|(?=(?:" + "|".join(_WEEKDAYS) + r")\s+(?:morning|afternoon|evening|night)\b)"
    r"|(?:(?:late|early)\s+)?(?:on|last|this\s+past)\s+(?:(?P<night_to>the\s+night\s+(?:to|into)\s+)|the\s+)?"
    # a news copy's weekday between the subject and its verb, without "on": "Pakistani troops Monday resorted to …"
    # (patrol19's L04); not a statement's day ("the army Monday said / reported that …")
    r"|(?<=[a-z]\s)(?=(?:" + "|".join(_WEEKDAYS) + r")\s+(?!(?:reported|stated|announced|claimed|released|published|posted"
    r"|updated|noted|added|confirmed|denied|accused|alleged|warned|tweeted|issued)\b)[a-z]+ed\b))"
    r"(?P<day>" + "|".join(_WEEKDAYS) + r")\b(?:\s+(?P<part>morning|afternoon|evening|night))?", re.IGNORECASE)
#: A weekday that dates a statement, not fire (checked in the line, where the verb may have been read already).
_STATEMENT_DAY_BEFORE = re.compile(r"\b(?:published|released|issued|posted|updated|said|reported|of)\s+$", re.IGNORECASE)
#: The day before the one a news copy was written: "yesterday", "yesterday evening", "last night".
_YESTERDAY = re.compile(r"\b(?:yesterday(?:\s+(?P<part>morning|afternoon|evening))?|(?P<night>last\s+night|yesterday\s+night))\b",
                        re.IGNORECASE)
#: "… more ceasefire violations than between the evenings of …": the period after "than" is the one compared with.
_THAN_BEFORE = re.compile(r"\b(?:than\s+(?:it\s+did\s+|in\s+the\s+period\s+)?"
                          # "… more explosions (about 430) compared with ceasefire violations recorded between the evenings
                          # of 20 and 21 May" (patrol18b's D01: the 430 were put in the period compared with)
                          r"|compared\s+(?:with|to)\s+(?:the\s+)?(?:ceasefire\s+violations|explosions)\s+recorded\s+)$",
                          re.IGNORECASE)
#: "In the following 24 hours", "over the next 24 hours": the day after the period written.
_FOLLOWING_DAY = re.compile(r"\b(?:in|over|during|for)\s+the\s+(?:following|next|subsequent)\s+(?:24\s+hours|day)\b", re.IGNORECASE)
_DATE_ONLY_LINE = re.compile(r"^\W*(?:\w+day,?\s+)?(?P<date>" + ph.DATE + r")\W*$", re.IGNORECASE)
#: A line that only names a section: "Ceasefire violations", "Donetsk region" (no verb, no number, a few words).
_SECTION_HEADING = re.compile(r"^\W*[A-Z][\w'-]*(?:\s+[\w'-]+){0,5}\W*$")
_REGION_HEADING = re.compile(r"^\W*(?P<name>[A-Z][a-z]+)\s+(?i:region|oblast)\W*$")
_CONTINUATION = re.compile(r"^\s*(?:It|It also|The SMM also|The mission also|Also|Later|Then|Subsequently|Afterwards|"
                           r"(?:While|Whilst|Once)\s+there|From\s+there"
                           # "Fifteen of these explosions … took place …": a part of the count before, heard from where
                           # it was (patrol18c's E11: the railway station of the sentence before was not carried)
                           r"|(?:[A-Za-z-]+|\d+)\s+of\s+(?:these|those)\s+(?:explosions|rounds|impacts|bursts|shots)"
                           r")\b")
#: A sentence of the same paragraph whose subject is the mission again, after at most a time or date: "At 18:40,
#: the SMM heard …", "On the evening of 2 May the SMM heard …", "The patrol members heard …": it keeps
#: the position of the sentence before (when it gives none of its own), as a spot report's paragraph does.
_MISSION_AGAIN = re.compile(
    # "Within a few seconds, the patrol heard and felt four impacts …" (patrol18c's E08: the position was lost)
    r"^\W*(?:(?:at|between|from|on|in|during|throughout|over|shortly|about|around|later|then|moments|seconds|minutes|within|"
    r"a\s+few|some|\w+\s+(?:seconds|minutes)|less\s+than)\b[^,;.]{0,60},?\s+)?"
    # session 15: a second lead, "At 12:20, from inside their vehicles, the SMM heard …", "At 11:13, while the UAV was
    # flying about 900m north of the SMM's position, the SMM heard …" (the observer of the paragraph was lost)
    r"(?:(?:from\s+(?:inside|outside)|while|whilst|having|after)\b[^,;.()]{0,100}(?:\([^();.]{0,60}\)[^,;.()]{0,20})?,\s+)?"
    r"(?:the\s+(?:SMM|mission|patrol)(?:\s+(?:patrol\s+)?members)?|the\s+SMM\s+patrol(?:\s+members)?|"
    r"(?:two|three|four|five|six|all)\s+(?:SMM\s+)?patrol\s+members|it|the\s+(?:SMM(?:'s)?\s+)?camera)"
    r"(?:\s*\([^();.]{0,60}\)|\s+(?:outside|inside)\s+(?:of\s+)?(?:the|their)\s+vehicles?)?"  # "(three of whom were outside …)"
    # patrol17: "…, two patrol members, who were standing next to the vehicles, heard …", "At 10:30, having just entered
    # the vehicles, the SMM patrol members heard …" (the observer of the paragraph was lost)
    r"(?:,\s+(?:who|all\s+of\s+whom|both\s+of\s+whom)\s+(?:were|was)\b[^,;.()]{0,80},)?"
    r"\s+(?:also\s+|then\s+|later\s+|again\s+)?(?:saw\s+and\s+heard\s+|heard\s+and\s+saw\s+)?"
    r"(?:heard|saw|observed|recorded|noted|spotted)\b",
    re.IGNORECASE)
#: A spot report's sentence about the patrol's members, then the fire they heard: "Two patrol members were standing next to
#: the vehicles and the others were inside the vehicles with the doors open when they heard …" (the patrol of the sentence
#: before, at the position it gave).
_MEMBERS_WHEN = re.compile(
    r"^\W*(?:(?:at|between|from|on|in|while|whilst)\b[^;.]{0,60},?\s+)?(?:[\w-]+\s+){0,2}(?:of\s+the\s+)?(?:SMM\s+)?(?:patrol\s+)?members\b"
    r"[^.;]{0,200}?\b(?:when|as|and|,)\s+(?:all\s+)?(?:they|the\s+(?:patrol|SMM)(?:\s+members)?)\s+(?:all\s+)?(?:also\s+)?(?:heard|saw|observed)\b",
    re.IGNORECASE)
#: "From the same position, the SMM heard ...": the observer of the sentence before, even in the paragraph before.
_SAME_POSITION = re.compile(
    # also after a date or time: "On 8 June, at the same position, the SMM heard …"; "While at the same location, on the
    # morning of 25 May, …" and "During the morning of Dec. 20, while in the same location, …" (patrol18d: G03, G06)
    r"^[\s\x1f]*(?:(?:On|At|During|In)\s+(?:[^,;.]|\.(?=\s*\d)){1,40})?,?\s*(?:(?:(?:(?:Still|While\s+still|While|Later|Then)\s+)?(?:positioned|located|stationed|remaining|staying)\s+|(?:While|Whilst)\s+(?:still\s+)?)?"
    r"(?:From|At|In|On)\s+the\s+same\s+(?:position|location|place|spot)|(?:While\s+)?still\s+positioned\s+there)\b",
    re.IGNORECASE,
)
#: The observer placed beside the place of the sentence before: "… in and around "DPR"-controlled Kominternove (…).
#: Positioned immediately south-west of the village between 11:45 and 11:57hrs on January 16, the SMM heard …" (patrol19:
#: no observer); only close to it (no distance, or one of up to 2 km), so that place is the position.
_BESIDE_THE_PLACE = re.compile(
    r"\b(?:positioned|located|stationed|standing)\s+(?:(?:immediately|just|about|approximately|some)\s+)?"
    r"(?:(?P<d>\d+(?:\.\d+)?)\s*(?P<u>km|m)\s+)?(?:to\s+the\s+)?" + ph.DIRECTION
    + r"\s+of\s+the\s+(?:village|town|settlement|city)\b", re.IGNORECASE)
MISSION_WORD = re.compile(r"\b(?:SMM|OSCE|mission|patrols?|monitors|observers|camera|EUMM)\b", re.IGNORECASE)
#: "The following day, the same camera recorded nine explosions …" (patrol18b's D07: the camera's position was lost).
_SAME_CAMERA = re.compile(r"^[\s\x1f]*(?:(?:The\s+(?:following|next)\s+\w+|On\s+[^,;.]{1,30}|Later(?:\s+that\s+\w+)?"
                          r"|(?:In|During)\s+the\s+(?:morning|afternoon|evening|night))\s*,\s*)?"
                          r"the\s+same\s+camera\b", re.IGNORECASE)
#: "The following day, the SMM camera recorded 32 undetermined explosions" right after a sentence of a camera (patrol19:
#: its position was lost): a camera does not move, so that camera (a patrol, "The following day, the SMM heard …", keeps
#: no position of the day before).
_THE_CAMERA_AGAIN = re.compile(r"^[\s\x1f]*(?:(?:The\s+(?:following|next)\s+\w+|On\s+[^,;.]{1,30}|Later(?:\s+that\s+\w+)?"
                               r"|(?:In|During)\s+the\s+(?:morning|afternoon|evening|night))\s*,\s*)?"
                               r"the\s+(?:SMM(?:'s|\u2019s)?\s+)?camera\s+(?:also\s+)?(?:recorded|registered|captured)\b",
                               re.IGNORECASE)
#: "The following afternoon, while in the same location, …": the same position after a time of day written first.
_WHILE_SAME = re.compile(r"^[\s\x1f]*(?:The\s+(?:following|next)|Later\s+that|That)\s+(?:morning|afternoon|evening|night|day)\s*,\s*"
                         r"(?P<same>(?:while|whilst)\s+(?:still\s+)?(?:in|at)\s+the\s+same\s+(?:position|location|place|spot))\b",
                         re.IGNORECASE)
_SUMMARY = re.compile(r"\b(?:ceasefire\s+violations|compared\s+with|previous\s+(?:reporting\s+)?(?:period|day))\b", re.IGNORECASE)


def read_sentence(
    line: str, start: int, end: int, state: State, gazetteer: Gazetteer, default_date: Date | None, tz: tzinfo,
) -> list[dict[str, Any]]:
    heading = _REGION_HEADING.match(line[start:end])
    if heading is not None:  # "Donetsk region": the part of the report that follows is about that region
        state.region = heading["name"]
    title = line[start:end].strip(" :.")
    whole_line = not line[:start].strip() and not line[end:].strip()
    if heading is not None or (whole_line and _SECTION_HEADING.match(line[start:end]) and not re.search(r"\d", title)
                               and not line[start:end].rstrip().endswith((".", "!", "?"))  # a sentence, not a title
                               and VERB.search(title) is None and KIND_NOUN.search(title) is None):
        return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None,
                 "extras": {"region": heading["name"]} if heading is not None else {},
                 "warnings": (f"a heading ({title!r}): no observation",)}]
    scan = Scan(tally_parenthesis(which_as_parenthesis(line, start, end), start, end))
    state.region = region_lead(scan, start, end) or state.region  # "Donetsk region: 1,204 ceasefire violations, …"
    sentence_warnings: list[str] = []
    state.date_part = None  # the part of the day is kept only in the sentence that wrote it
    for stamp in scan.find(_REPORT_STAMP, start, end):
        scan.claim(start + stamp.start(), start + stamp.end())
    state.longer_period = False
    for period in scan.find(_UNTIL_PERIOD_END, start, end):
        state.longer_period = True
        sentence_warnings.append(f"the period {period.group(0)!r} runs to the end of the reporting period: left undated")
        scan.claim(start + period.start(), start + period.end())
    only_date = _DATE_ONLY_LINE.match(line[start:end])
    found_date = only_date or next(scan.find(_DATE_ON, start, end), None)
    dated_before = (state.date, state.night_end, state.evenings)
    span = read_day_span(scan, start, end, state, default_date) if only_date is None else False
    if span:
        found_date = None
    evenings = next(scan.find(_EVENINGS, start, end), None)
    spelled = next(scan.find(_EVENING_TO_EVENING, start, end), None) if evenings is None else None
    if spelled is None and evenings is None and KIND_NOUN.search(line, start, end) is None:
        spelled = next(scan.find(_CLOCK_TO_CLOCK, start, end), None)
    if spelled is None and evenings is None:
        spelled = next(scan.find(_THROUGH_EVENING, start, end), None)
    weekdays = next(scan.find(_WEEKDAY_EVENINGS, start, end), None) if evenings is None and spelled is None else None
    overnight = (next(scan.find(_WEEKDAY_EVENING_MORNING, start, end), None)
                 if evenings is None and spelled is None and weekdays is None else None)
    evening_night = (next(scan.find(_EVENING_AND_NIGHT, start, end), None)
                     if evenings is None and spelled is None and weekdays is None and overnight is None else None)
    if evening_night is not None:
        found_date = None
        first_day, _ = parse_date(evening_night.group("first"), state, default_date)
        last, _ = parse_date(evening_night.group("last"), state, default_date)
        if first_day is not None and last is not None and last - first_day == timedelta(days=1):
            state.date, state.night_end, state.evenings, state.date_written = first_day, last, False, True
            state.date_part = "evening and night"
        else:
            sentence_warnings.append(f"the period {evening_night.group(0)!r} was not read: left undated")
        scan.claim(start + evening_night.start(), start + evening_night.end())
        evenings = evening_night
    elif overnight is not None:
        found_date = None
        first_weekday, last_weekday = (_WEEKDAYS.index(overnight[name].lower()) for name in ("first", "last"))
        if default_date is None or (last_weekday - first_weekday) % 7 != 1:
            sentence_warnings.append(f"the period {overnight.group(0)!r} was not read: left undated")
        else:
            last_day = default_date - timedelta(days=(default_date.weekday() - last_weekday) % 7)
            state.date, state.night_end, state.evenings, state.date_written = last_day - timedelta(days=1), last_day, False, True
            state.date_part = "night"
        scan.claim(start + overnight.start(), start + overnight.end())
        evenings = overnight
    elif weekdays is not None:  # "between the evenings of Friday and Saturday": the last such days on or before --date
        found_date = None
        first_weekday, last_weekday = (_WEEKDAYS.index(weekdays[name].lower()) for name in ("first", "last"))
        if default_date is None or _THAN_BEFORE.search(line, max(0, start), start + weekdays.start()):
            sentence_warnings.append(f"the period {weekdays.group(0)!r} was not read: left undated")
        else:
            last_day = default_date - timedelta(days=(default_date.weekday() - last_weekday) % 7)
            first_of = last_day - timedelta(days=(last_weekday - first_weekday) % 7 or 7)
            state.date, state.night_end, state.evenings, state.date_written = first_of, last_day, True, True
            state.date_part = None
        scan.claim(start + weekdays.start(), start + weekdays.end())
        evenings = weekdays
    elif spelled is not None:  # "From Saturday evening, November 16, until Sunday evening, November 17"
        found_date = None
        last, _ = parse_date(spelled.group("date"), state, default_date)
        if spelled.re is _THROUGH_EVENING:  # the 24 hours that end that evening
            first_day = last - timedelta(days=1) if last is not None else None
        elif spelled.group("first").isdigit():  # the first day's month is the last's (or the month before)
            first_day = day_before(int(spelled.group("first")), last)
        else:
            first_day, _ = parse_date(spelled.group("first"), state, default_date)
        if first_day is not None and last is not None and first_day < last:
            state.date, state.night_end, state.evenings, state.date_written = first_day, last, True, True
            state.date_part = None
        else:
            sentence_warnings.append(f"the period {spelled.group(0)!r} was not read: left undated")
        scan.claim(start + spelled.start(), start + spelled.end())
        evenings = spelled  # (the date found is not this sentence's own)
    elif evenings is not None:
        found_date = None
        date_text = evenings.group("date")
        if date_text is None:  # "between the evenings of January 14 and 16"
            date_text = f"{evenings['month_before'] or evenings['first_month'] or ''} {evenings['bare_day'] or evenings['bare_day2']}"
        last, _ = parse_date(date_text, state, default_date)
        first_day = evenings_start(evenings, last)
        than = _THAN_BEFORE.search(line, max(0, start), start + evenings.start())
        compared = than is not None
        if than is not None and than.group(0).lower().startswith("than"):  # ("compared with …" is read as the comparison)
            scan.claim(than.start(), than.end())
        if compared and last is not None and first_day is not None:
            # "In the following 24 hours, the SMM recorded more ceasefire violations than between the evenings of 3 and 4
            # February, including about 1,200 explosions": the period written is the one compared with, not this one
            # (session 15: the 1,200 explosions were put in it); "the following / next 24 hours" is the day after it
            if (following := _FOLLOWING_DAY.search(line, start, end)) is not None:
                scan.claim(following.start(), following.end())
                first_day, last = first_day + timedelta(days=1), last + timedelta(days=1)
                sentence_warnings.append(f"the period is the day after the one compared with ({evenings.group(0)!r})")
            else:
                sentence_warnings.append(f"the period written is the one compared with ({evenings.group(0)!r}): left undated")
                first_day = last = None
        if last is None:
            if not compared:
                sentence_warnings.append(f"date {date_text.strip()!r} has no year: pass --date")
        elif first_day is None:
            sentence_warnings.append(f"the period {evenings.group(0)!r} does not name two dates: left undated")
        else:
            state.date, state.night_end, state.evenings, state.date_written = first_day, last, True, True
            state.date_part = None
        scan.claim(start + evenings.start(), start + evenings.end())
    if found_date is not None and _SINCE_BEFORE.search(line, max(start, start + found_date.start() - 100), start + found_date.start()):
        # "In total, following a meeting of the Trilateral Contact Group on 22 July, …, the SMM recorded 1,620 ceasefire
        # violations": the day the period began, not the day of the observations (session 15: put on 22 July)
        sentence_warnings.append(f"the date {found_date.group('date')!r} begins a longer period: left undated")
        state.longer_period = True
        scan.claim(start + found_date.start(), start + found_date.end())
        found_date = None
    weekday = next(scan.find(_WEEKDAY_ON, start, end), None) if found_date is None and evenings is None else None
    if weekday is not None and _STATEMENT_DAY_BEFORE.search(line, max(0, start + weekday.start() - 40), start + weekday.start()):
        weekday = None  # "In a statement issued Monday morning, the army said …" ("issued" read as the statement's): its day
    yesterday = next(scan.find(_YESTERDAY, start, end), None) if found_date is None and evenings is None else None
    if weekday is None and yesterday is not None and default_date is not None:
        # a news copy's "Yesterday evening, OSCE monitors … heard …", "last night": the day before --date (patrol16: put
        # on --date's day)
        day = default_date - timedelta(days=1)
        night = yesterday["night"] is not None
        state.date, state.night_end = day, (default_date if night else None)
        state.evenings, state.date_written = False, True
        state.date_part = yesterday["part"].lower() if yesterday["part"] else None
        scan.claim(start + yesterday.start(), start + yesterday.end())
    if weekday is not None and default_date is not None:
        # a news copy's weekday: "heard 45 explosions between 7 pm and 11 pm on Sunday" is the last Sunday on or before
        # --date, the day the copy was written (patrol16: put on --date's day); "on the night to Sunday" ends on it
        day = default_date - timedelta(days=(default_date.weekday() - _WEEKDAYS.index(weekday["day"].lower())) % 7)
        if weekday["night_to"]:
            state.date, state.night_end = day - timedelta(days=1), day
        else:
            state.date, state.night_end = day, (day + timedelta(days=1) if weekday["part"]
                                                and weekday["part"].lower() == "night" else None)
        state.evenings, state.date_written = False, True
        state.date_part = weekday["part"].lower() if weekday["part"] and not weekday["night_to"] else None
        if state.date_part is not None and weekday["lead"] and f"{weekday['lead'].lower()} {state.date_part}" in PART_OF_DAY_HOURS:
            state.date_part = f"{weekday['lead'].lower()} {state.date_part}"  # "Early Monday morning": the early morning
        scan.claim(start + weekday.start(), start + weekday.end())
    state.unread_when = None
    following = (_FOLLOWING_DAY_LEAD.match(line, start, end)
                 if found_date is None and evenings is None and weekday is None and yesterday is None else None)
    if following is not None:
        # "The following day, whilst in …, the SMM heard over 370 explosions" after "… between 23:11 on 7 June and 00:09
        # on 8 June …" (patrol18b, C02: untimed; after "On 7 June, …" it was put on the 7th): the day after the one before
        before = state.date if state.date_written and not state.evenings else (
            state.first_clock_day if not state.date_written else None)
        if before is None:
            state.unread_when = following.group(0).strip(" ,")
        else:
            part = (following["part"] or following["same_part"]).lower()
            day_shift = timedelta(days=1) if following["part"] else timedelta(0)
            state.date, state.evenings, state.date_written = before + day_shift, False, True
            state.night_end = state.date + timedelta(days=1) if part == "night" else None
            state.date_part = part if part in ("morning", "afternoon", "evening") else None
    if (following is None and found_date is None and evenings is None and weekday is None and yesterday is None and state.date_written
            and (stray := next(scan.find(_STRAY_WHEN, start, end), None)) is not None):
        # "Also, the day January 9, monitoring at …, the mission team heard 44 …", "After 11.20 (am) we have recorded
        # about 30 explosions" (patrol16b: put in the day or night of the sentence before): a date or time of its own
        # that was not read, so not the one before either
        state.unread_when = stray.group(0)
    if found_date is not None:
        first, second = parse_date(found_date.group("date"), state, default_date)
        if (first is not None and second is None and re.search(r"\bnight\b", found_date.group(0), re.IGNORECASE)
                and not re.search(r"\b(?:day|morning|afternoon)\b", found_date.group(0), re.IGNORECASE)):
            # "on the night of 14 July": the night that begins that day (session 15: the day itself, which misses the
            # hours after midnight)
            second = first + timedelta(days=1)
        if first is None:
            sentence_warnings.append(f"date {found_date.group('date')!r} has no year: pass --date")
        else:
            state.date, state.night_end, state.evenings, state.date_written = first, second, False, True
            # "In the evening of 3 March": the part of the day, kept as written (patrol16: it was lost with the date)
            part = _PART_OF_DATE.search(found_date.group(0))
            state.date_part = re.sub(r"\s+", " ", part.group(0).lower()) if part is not None else None
        scan.claim(start + found_date.start(), start + found_date.end())
    if not span and (state.date, state.night_end, state.evenings) != dated_before:
        state.span_end = None  # another date written: the span is over
    members_when = _MEMBERS_WHEN.match(line[start:end]) is not None
    continuation = bool(_CONTINUATION.match(line[start:end]) or _MISSION_AGAIN.match(line[start:end]) or members_when)
    position_times, state.position_times = state.position_times, None
    placed_times = None  # this sentence's time, if it places the patrol and observes nothing
    clock_dates: set[str] = set()  # dates written beside clock times: "At 11:57 on 21 May"
    observed = False
    same_position = next(scan.find(_SAME_POSITION, start, end), None)
    if same_position is not None:
        scan.claim(start + same_position.start(), start + same_position.end())
    elif (same_position := _WHILE_SAME.match(scan.view(start, end))) is not None:
        # "The following afternoon, while in the same location, the SMM heard …" (patrol14c: the observer was lost)
        scan.claim(start + same_position.start("same"), start + same_position.end())
    elif (same_position := _SAME_CAMERA.match(scan.view(start, end))) is not None:
        pass  # (its words are read as the camera's, the observer)
    elif state.camera_before and (same_position := _THE_CAMERA_AGAIN.match(scan.view(start, end))) is not None:
        pass
    if following is not None:  # (claimed after "The next morning, whilst at the same position" was read)
        scan.claim(following.start(), following.end())
    if _SUMMARY.search(line[start:end]):
        sentence_warnings.append(SUMMARY_WARNING)
    records: list[dict[str, Any]] = []
    position: Observer | None = None
    previous_kind: str | None = None  # the kind of the last observation: "…; it heard two more"
    if _FURTHER_LEAD.match(line, start, end):
        # "… it had logged 553 explosions in Donetsk. A further 860 were reported in neighbouring Luhansk." (patrol16b:
        # the 860 were not read): the noun left out is the last one counted in the sentence before
        previous_kind = state.last_kind
    last_times = None  # the time of the clause before: "… between 06:10 and 07:05, 31 incoming rounds …; and, 12 outgoing …"
    placing_times = None  # the time of a clause before that observed nothing (it placed the patrol)
    previous_period = False
    placed_before = False  # this sentence is timed from the one before, which only placed the patrol
    colon_bearing: str | None = None  # the direction of episodes a colon lists: "… to the north-west: a …; 70 …; and, …"
    for clause_start, clause_end in clauses(scan, start, end):
        reading = read_clause(scan, clause_start, clause_end, previous_kind=previous_kind)
        colon_bearing = episodes_colon_bearing(line, reading.groups, colon_bearing)
        that_part = that_part_of_day(line, clause_start, clause_end)
        if that_part is not None and state.date_written:
            reading.that_part = that_part
            reading.time_of_day = reading.time_of_day or f"that {that_part}"
        if previous_period and REGION_AND_BEFORE.search(line, max(0, clause_start - 12), clause_start):
            reading.previous_period = True  # "In the previous reporting period, it recorded 23 … in Donetsk region and none in …"
        previous_period = previous_period or reading.previous_period
        previous_kind = reading.groups[-1].kind if reading.groups else previous_kind
        if (last_times is not None and reading.context_times is None
                and ((not reading.has_verb and re.match(r"\W*and\b", line[clause_start:clause_end]))
                     or SAME_SUBJECT_VERB.match(line, clause_start, clause_end))):
            for group in reading.groups:  # a list the semicolon continues, no verb of its own: the same time
                group.times = group.times or last_times
        if (placing_times is not None and reading.groups and reading.context_times is None
                and all(group.times is None for group in reading.groups)):
            # "In the morning of 18 February, from approximately 05:30 to 11:30 hrs, while on patrol in the area of Zolote
            # (…) and at its forward patrol bases in Kadiivka (…) …, the SMM recorded … 2,300 explosions": the time of
            # the clause that only placed the patrol is the sentence's (patrol16b, V01: the whole morning instead)
            for group in reading.groups:
                group.times = placing_times
        placing_times = reading.context_times if not reading.groups else None
        if (members_when and position_times is not None and reading.groups and reading.context_times is None
                and all(group.times is None for group in reading.groups)):
            # "At 11:57 …, an SMM patrol … was positioned … . Four patrol members were inside the vehicles … when the
            # patrol members heard …": heard at that time (patrol13b: left untimed)
            for group in reading.groups:
                group.times = position_times
                group.warnings.append("time taken from the sentence before, which placed the patrol: heard 'when' "
                                      "its members were so placed")
        elif (position_times is not None and reading.groups and reading.context_times is None
                and all(group.times is None for group in reading.groups) and reading.time_of_day is None
                and reading.relative_time is None and _WRITTEN_DAY.search(line, start, end) is None):
            # "At 11:03 on 7 June, an SMM patrol … was positioned in Chyhari … . [...] As the two SMM patrol members …
            # walked forward, they heard two single shots …": after the time that placed the patrol, that day (patrol18:
            # left untimed, the day written beside the clock time not used)
            after = (position_times[0], replace(position_times[0], hour=23, minute=59))
            for group in reading.groups:
                group.times = after
                group.warnings.append("time taken as after the sentence before, which placed the patrol at that time")
            placed_before = True  # and where: the patrol that sentence placed (patrol18's A13: the observer was lost)
        observed = observed or bool(reading.groups)
        for times in (reading.context_times, *(group.times for group in reading.groups)):
            clock_dates.update(clock.date_text for clock in times or () if clock.date_text)
        if reading.position is not None and not reading.groups and reading.context_times is not None:
            placed_times = reading.context_times
        last_times = reading.context_times or (reading.groups[-1].times if reading.groups else None) or last_times
        if reading.region is not None:  # "In Luhansk region, the SMM recorded …": the Luhansk part starts here
            state.region = reading.region
        if state.party_line:
            for group in reading.groups:
                if group.fired_verb and group.kind == "explosion_outgoing":
                    # "They attacked … Ukrainian positions …, firing a total of 84 120-mm mortar rounds": the party tells
                    # of its enemy's rounds, which it did not see leave (patrol20's P20: outgoing)
                    group.kind, group.kinds = "explosion_undetermined", ["explosion_undetermined"]
                    group.warnings.append("a party's statement: rounds it says the other side fired are not read as "
                                          "outgoing (undetermined)")
        if reading.position is not None and state.party_line:
            sentence_warnings.append(f"a party's statement: {reading.position.text!r} is where the fire went, not an "
                                     "observer's position (left empty)")
            reading.position = None
        if reading.position is not None:
            position = resolve_position(reading.position, gazetteer, state.described)
            if (reading.position.how == "place" and len(reading.position.places) == 1
                    and _UAV_SAW.search(line, clause_start, clause_end)):
                # "At 17:38hrs, in Shirokino the SMM UAV observed outgoing mortar fire": the aerial vehicle saw it below
                # itself, there (patrol18: the place was only the observer's, the fire unplaced)
                for group in reading.groups:
                    if group.bearing is None and group.distance_km is None and group.event_place is None:
                        group.event_place = EventPlace(names=(reading.position.places[0],), relation="in")
        elif position is None and (continuation or placed_before) and state.position is not None:
            position = state.position
        elif (position is None and state.position is not None and state.position.place is not None
              and (beside := _BESIDE_THE_PLACE.search(line, clause_start, clause_end)) is not None
              and (beside["d"] is None or float(beside["d"]) * (1 if beside["u"].lower() == "km" else 0.001) <= 2)):
            position = state.position
        elif position is None and same_position is not None:
            position = state.position or state.last_position
            if position is None:
                sentence_warnings.append("'the same position' follows no position: observer position left empty")
        settle_definite(reading, state)
        records.extend(clause_records(reading, position, state, default_date, tz, gazetteer, sentence_warnings))
    if position is not None:
        state.position = state.last_position = position
    state.camera_before = position is not None and re.search(r"\bcamera\b", line[start:end], re.IGNORECASE) is not None
    state.last_kind = previous_kind
    if placed_times is not None and not observed:
        state.position_times = placed_times
    state.first_clock_day = None
    if clock_dates and found_date is None and evenings is None:
        days = [day for day in (parse_date(text, state, default_date)[0] for text in clock_dates) if day is not None]
        state.first_clock_day = min(days, default=None)
    if found_date is not None or evenings is not None:
        state.paragraph_date = None
    elif len(clock_dates) == 1:
        # "At 11:57 on 21 May, an SMM patrol was positioned … . At 12:05, the SMM heard …": the day of the clock times
        # after it in the paragraph (patrol14: they were put on --date's day); so too the day of an observation's own
        # clock time ("Between 20:55 and 21:00 on August 30, … heard …. At approximately 22:05 the SMM heard …"; a
        # news copy of a spot report, patrol14b)
        state.paragraph_date, _ = parse_date(clock_dates.pop(), state, default_date)
    return records

