"""Patrol reports as monitors write them -> ``reports`` records (CONTRACTS.md, "Patrol text").

Input is plain text, one or more sentences a line, in the style of monitoring-mission daily
reports::

    Positioned 2km south-west of Svitlodarsk, the SMM heard 22 undetermined explosions
    3-5km south-south-west between 09:56 and 10:38.

Each observation becomes one :class:`~truceline.model.reports.Report` with its count, kind,
weapon, bearing sector, distance range, flight direction, time window and the observer's
position (coordinates, or a place from the gazetteer, offset by "N km DIR of"). Nothing is
dropped: a sentence that names no observation still becomes a record of kind ``other``, and
whatever was not understood is listed in the record's ``warnings``.

Dates: "On 3 March" (and "between 19:00 on 2 March and 06:00 on 3 March") set the date;
a date carries on to later sentences; otherwise times use ``date`` (``--date``). Times are
read in ``timezone`` (UTC unless told; the OSCE SMM wrote local Kyiv time).
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any

from pyproj import Geod

from truceline.ingest import patrol_table
from truceline.ingest import phrases as ph
from truceline.ingest.gazetteer import POSITION_ERROR_KM, Gazetteer, Place, fold_name, offset_position
from truceline.ingest.patrol_clause import (
    BREAKDOWN_ITEM, REGION_AND_BEFORE, Clock, ClauseReading, EventPlace, Group, PositionText, Scan, _read_weapon, assessed_kind,
    read_clause,
)
from truceline.ingest.patrol_patterns import KIND_NOUN, PLACE, VERB, VIOLATION_SHARE
from truceline.model.errors import InputError
from truceline.model.reports import PATROL_KINDS, SUMMARY_WARNING, Report

DEFAULT_RELIABILITY = "B2"  # a trained mission's own observation: usually reliable, probably true
#: What others told the mission (``reported_by``: the JCCC, a party's officers, residents) is not the mission's own
#: observation: its source is not the mission, often a party to the conflict, and cannot be judged from the text
#: (STANAG 2511 "F"), nor can the claim be confirmed by it ("6"). Attribution weighs a report's corroboration by
#: this grade (``reliability_weight``: F6 0.25 against B2 0.64).
HEARSAY_RELIABILITY = "F6"

_TIME_OF_DAY = (r"(?:early\s+|late\s+)?(?:evening|night|morning|afternoon|day|hours)s?\s+(?:hours\s+)?(?:and\s+(?:the\s+)?"
                r"(?:early\s+|late\s+)?(?:evening|night|morning)s?\s+(?:hours\s+)?)?of\s+")
_DATE_ON = re.compile(
    r"(?<!:\d\d )(?:\b(?:(?:on|during|over)\s+(?:the\s+)?(?:" + _TIME_OF_DAY + r")?|(?:in|throughout)\s+the\s+" + _TIME_OF_DAY + r")"
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
_PLAIN_DATE = r"(?:" + ph.MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + ph.MONTH + r")(?:,?\s+\d{4})?"
_EVENING_TO_EVENING = re.compile(
    r"\bfrom\s+(?:(?:the\s+)?(?:\w+day\s+)?evening|the\s+evening\s+of)\s*,?\s*(?:of\s+)?(?P<first>" + _PLAIN_DATE
    + r"|\d{1,2}(?=\s+(?:until|till|to)\s))\s*,?\s+"  # "from the evening of 24 to the evening of 25 December" (patrol18b)
    r"(?:until|till|to)\s+(?:(?:the\s+)?(?:\w+day\s+)?evening|the\s+evening\s+of)\s*,?\s*(?:of\s+)?(?P<date>" + _PLAIN_DATE + r")",
    re.IGNORECASE)
#: "The number of ceasefire violations recorded through the evening of 26 December increased …, with more than 170
#: explosions" (patrol18b, C13: untimed): the reporting period that ends that evening.
_THROUGH_EVENING = re.compile(r"\brecorded\s+(?:through|until|till|up\s+to)\s+the\s+evening\s+of\s+(?P<date>" + _PLAIN_DATE + r")",
                              re.IGNORECASE)
#: A news copy's reporting period in clock times, in a sentence that counts nothing itself: "for the period from 19.30 on
#: December 7 to 19.30 on December 8, according to a report published on December 9" (patrol18: the counts quoted after it
#: were put on the 7th); read as the evening-to-evening period, for the sentences after it.
_CLOCK_TO_CLOCK = re.compile(
    r"\bfrom\s+(?:1[89]|20)[:.][0-5]\d\s*(?:hrs\s+)?on\s+(?P<first>" + _PLAIN_DATE + r")\s*,?\s+(?:until|till|to|at)\s+"
    r"(?:1[89]|20)[:.][0-5]\d\s*(?:hrs\s+)?on\s+(?P<date>" + _PLAIN_DATE + r")", re.IGNORECASE)
_PART_OF_DATE = re.compile(r"\b(?:(?:early|late)\s+)?(?:evening|morning|afternoon|night)(?:\s+hours)?"
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
    r"\b(?:(?:late|early)\s+)?(?:in|on|during)\s+the\s+evening\s+of\s+(?P<first>" + _PLAIN_DATE + r")\s*,?\s+and\s+"
    r"(?:(?:late|early)\s+)?(?:in|on|during|over)?\s*the\s+night\s+(?:of|to|into)\s+(?P<last>" + _PLAIN_DATE + r")", re.IGNORECASE)
#: Whole days from one date to another, as weekly and two-week reports write them: "Between 4 and 17 May", "from 27 April
#: to 10 May 2020" (patrol21's U03: not read, the counts undated).
_DAY_SPAN = re.compile(
    r"\b(?:between|from)\s+(?P<first>\d{1,2}(?:\s+" + ph.MONTH + r")?|" + ph.MONTH + r"\s+\d{1,2})\s+(?:and|to|until|till|through)\s+"
    r"(?P<last>" + _PLAIN_DATE + r")(?!\s*(?:,\s*)?\d{1,2}[:.]\d{2})", re.IGNORECASE)
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
#: An evening runs from 18:00 to 21:00: a period "between the evenings of 2 and 3 June" is 2 June 18:00 to 3 June 21:00.
EVENING_START_HOUR, EVENING_END_HOUR = 18, 21
_DATE_ONLY_LINE = re.compile(r"^\W*(?:\w+day,?\s+)?(?P<date>" + ph.DATE + r")\W*$", re.IGNORECASE)
#: A count in brackets with its participle: "in Donetsk region both on 20 August (over 430 explosions recorded) and …" (2016
#: summaries; patrol17: not read): the participle says nothing more (blanked, same length).
_COUNT_RECORDED = re.compile(r"(?:(?<=\d\sexplosions)|(?<=\d\sexplosion))\s+(?:recorded|observed|heard|registered)(?=\s*\))",
                             re.IGNORECASE)
#: A trend's day with a bare count in brackets: "although the number of explosions doubled on 24 August (over 350)" (2016
#: summaries; patrol17's X06: not read): the noun is moved into the brackets, "doubled on 24 August (over 350 explosions)"
#: (same length), so that the day is read with its count.
_TREND_DAY_COUNT = re.compile(
    r"\b(?P<noun>explosions)\s(?P<day>(?:doubled|tripled|rose|increased|grew|fell|decreased|dropped|halved)(?:\s+again)?\s+on\s+"
    r"\d{1,2}\s+" + ph.MONTH + r"\s*)\((?P<n>(?:(?:" + ph.COUNT_QUALIFIER + r")\s+)?\d[\d,]*)\)", re.IGNORECASE)
#: Where the fire was, set between commas before what was heard: "the SSM heard, to the south of Donetsk city, sounds of
#: outgoing shelling estimated to be 10-15 shots" (a 2014 report; patrol17's W28: the place was not read): the place is
#: moved after the observation, "heard sounds of … shots, to the south of Donetsk city" (same length).
_PLACE_BETWEEN_COMMAS = re.compile(
    r"\b(?P<verb>heard|saw|observed|recorded)\s*,\s*(?P<place>(?:to\s+the\s+)?" + ph.DIRECTION + r"\s+of\s+" + PLACE
    + r"|(?:near|around|in\s+the\s+area\s+of)\s+" + PLACE + r")\s*,\s+(?P<rest>[^.;,]+?)(?=\s*(?:[.;]|$))")
_BOTH_DAYS = re.compile(r"\bboth(?=\s+on\s+\d{1,2}\s+" + ph.MONTH + r"\s*\()", re.IGNORECASE)
#: "the SMM heard artillery duels at a distance of approximately 10km north" (a 2015 spot report; patrol17: not read): an
#: exchange of fire of that weapon, read as its fire (kind other, no count).
_DUELS = re.compile(r"\b(?P<weapon>(?:artillery|mortar|tank|cannon)\s+)duel(?P<s>s?)\b", re.IGNORECASE)
_HYPHEN_FIRE = re.compile(r"(?<![Cc]ease)(?<=[A-Za-z])-(?=fire\b)"
                          # "90 artillery-shells …, 312 mortar-shells … and 7 tank-shells" (a "DPR" command's statement
                          # as DONi wrote it; patrol19: not read): the rounds of that weapon
                          r"|(?:(?<=\b[Aa]rtillery)|(?<=\b[Mm]ortar)|(?<=\b[Tt]ank))-(?=(?:shells?|rounds?)\b)")
#: A news copy's lead with no subject: "Fired small arms from a distance of 100 -150 meters." (patrol14c's leftover: not
#: read); rewritten as "small arms fire" in place, of the same length.
_FIRED_WEAPON = re.compile(r"(?<![\w-])(?:[Ff]ired|[Oo]pened\s+fire\s+(?:from|with))\s+(?P<weapon>small[- ]arms|(?:heavy[- ])?machine[- ]guns?|"
                           r"automatic\s+grenade\s+launchers?|grenade\s+launchers?|mortars?)\b"
                           # (not "fired mortar shells/bombs …", patrol21's V08, U22: rounds of a mortar)
                           r"(?!\s+(?:fire|rounds?|shots?|bursts?|shells?|bombs?|mines?)\b)")


#: Rounds named by their impacts: "four mortar round impacts 2km south", "the proximity of artillery round impacts"
#: (patrol18: read as rounds, kind undetermined, and an impact of no number beside them); blanked, same length.
_ROUND_IMPACTS = re.compile(r"\b(?:rounds?|shells?)\s+(?=impacts?\b)", re.IGNORECASE)
#: A doubt about the calibre only: "three outgoing mortar rounds of undetermined calibre" (patrol18: read as undetermined
#: explosions); blanked, same length.
_UNKNOWN_CALIBRE = re.compile(r"\b(?:of\s+)?(?:an?\s+)?(?:undetermined|unknown|unidentified|unspecified)\s+(?:calibres?|calibers?)\b",
                              re.IGNORECASE)
#: Sounds counted as what they were consistent with: "heard four loud sounds consistent with the firing of rockets"
#: (patrol21's V03: rockets of no number), "three loud bangs consistent with explosions".
_SOUNDS_CONSISTENT = re.compile(
    r"\b(?P<n>\d+|" + ph.NUMBER_WORD + r")\s+(?:loud\s+)?(?:sounds|bangs|booms|noises)\s+consistent\s+with\s+(?:the\s+)?"
    r"(?:(?P<firing>firing|launch(?:ing)?|launches)\s+of\s+)?(?P<what>rockets|missiles|mortars?(?:\s+rounds)?|artillery(?:\s+rounds)?"
    r"|shells|explosions|impacts|detonations)\b", re.IGNORECASE)


def _sounds_consistent(match: re.Match[str]) -> str:
    """"four loud sounds consistent with the firing of rockets" -> "four outgoing rockets" (same length)."""
    what = match["what"]
    if match["firing"]:
        what = "outgoing " + (what if what.lower().startswith(("rocket", "missile")) else what.split()[0] + " rounds")
    elif what.lower().startswith(("mortar", "artillery")):
        what = what.split()[0] + " rounds"
    return f"{match['n']} {what}".ljust(len(match.group(0)))


#: A calibre spelled out, then abbreviated: "seven 155 millimetre (mm) artillery rounds" (patrol21's V01: a count of 155).
_MILLIMETRE_MM = re.compile(r"\b(?P<n>\d{1,3})\s+millimet(?:re|er)s?\s*\(mm\)", re.IGNORECASE)
#: A machine translation's comparison in brackets: "a smaller number of explosions (roughly 52 against approximately
#: 140)" (patrol18: not read): the first number is the count; what it is compared with is blanked (same length).
_AGAINST = re.compile(r"(?<=\()(?P<kept>\s*(?:[a-z]+\s+)?\d[\d,]*)\s+against\s+[^()]*(?=\))", re.IGNORECASE)
#: A news copy's typo: "300 single shorts of small arms fire" (patrol17's W22: not read); "shots", same length.
_SHORTS = re.compile(r"\bshorts(?=\s+of\s+(?:small|heavy|light|machine|automatic|sniper|rifle))", re.IGNORECASE)
#: A translation of the SPG-9 (a mounted anti-tank grenade launcher, "станковый противотанковый гранатомёт"): "nine as
#: outgoing self-propelled grenades (SPG-9)" (patrol17's X04: the part was lost and its weapon went to the part before);
#: read as the recoilless gun's rounds, written in place (same length).
_SELF_PROPELLED_GRENADES = re.compile(r"\bself[- ]propelled\s+(?:anti[- ]tank\s+)?grenade(?P<s>s?)(?P<launcher>[- ]launchers?)?\b",
                                      re.IGNORECASE)

#: Mortar bombs written as "mines" or as "mortars" after a count, as the parties' statements translate "мины": "Five
#: 122-mm mines were fired at …", "the army launched a total of twelve 120mm mortars" (patrol19's I15, K14: not read);
#: only with "fired"/"launched" (not a landmine, not the weapons themselves); rewritten as mortar rounds (same length).
_ROUNDS_AS_WEAPONS = re.compile(
    r"\b(?:fired|launched)\s+(?:a\s+total\s+of\s+|altogether\s+|overall\s+|in\s+total\s+)?"
    r"(?P<count>(?:\d[\d,]*|(?i:" + ph.NUMBER_WORD + r")))\s+(?P<noun>(?:\d{2,3}\s?-?\s?mm\s+)?(?:mines|mortars))\b"
    r"|(?<![\w-])(?P<count2>(?:\d[\d,]*|(?i:" + ph.NUMBER_WORD + r")))\s+(?P<noun2>(?:\d{2,3}\s?-?\s?mm\s+)?(?:mines|mortars))"
    r"(?=\s+(?:were|have\s+been|had\s+been)\s+(?:fired|launched)\b)"
    # a mortar's calibre names them so anywhere: "… as well as four 120mm mines on neighborhoods" (patrol20's R04)
    r"|(?<![\w-])(?P<count3>(?:\d[\d,]*|(?i:" + ph.NUMBER_WORD + r")))\s+(?P<noun3>(?:60|82|120)\s?-?\s?mm\s+mines)\b", re.IGNORECASE)


#: Rounds counted as ammunition: "six 120-mm mortar ammunitions have hit the household buildings" (patrol20's R07: not
#: read); "rounds", same length.
_COUNTED_AMMUNITION = re.compile(
    r"(?P<lead>(?<![\w-])(?:\d[\d,]*|(?i:" + ph.NUMBER_WORD + r"))\s+(?:\d{2,3}\s?-?\s?mm\s+)?"
    r"(?:(?i:mortar|artillery|tank|MLRS|rocket|grenade)\s+)?)(?P<noun>(?i:ammunitions?))\b(?!\s+(?:boxes|crates|depots?|dumps?|(?:that|which)\s+flew)\b)")


def _mortar_rounds(match: re.Match[str]) -> str:
    name = next(name for name in ("noun", "noun2", "noun3") if match[name] is not None)
    noun = match[name]
    start, end = match.span(name)
    calibre = re.match(r"\d{2,3}", noun)
    written = ([f"{calibre.group(0)}mm mortar rounds"] if calibre else []) + ["mortar rounds", "mortar round"]
    if calibre and calibre.group(0) in ("60", "82", "120"):  # a mortar's calibre: "82-mm mines" -> "82mm rounds"
        written += [f"{calibre.group(0)}mm rounds", f"{calibre.group(0)}mm round"]
    written += ["rounds", "shell"]
    fitting = next((word for word in written if len(word) <= len(noun)), None)
    whole = match.group(0)
    if fitting is None:
        return whole
    return whole[:start - match.start()] + fitting.ljust(len(noun)) + whole[end - match.start():]

#: A named settlement's own description after it: "fired mortars at the Zaitsevo settlement in the northern outskirts of
#: Gorlovka and the Panteleimonovka settlement south of the town", "Five … were fired at the Zaytsevo settlement north of
#: Gorlovka" (patrol19's I09, I15: the fire given the bearing S, N): where the place lies, not where the fire was seen;
#: blanked (same length).
_SETTLEMENT_LIES = re.compile(r"(?P<name>\b[A-Z][a-z][\w'-]*\s+(?:settlement|village))(?P<where>\s+" + ph.DIRECTION
                              + r"\s+of\s+(?:the\s+(?:town|city|village|settlement)\b|[A-Z][\w'-]+))")

#: A count before the verb, as a summary opens: "With about 30 explosions recorded, the SMM observed fewer ceasefire
#: violations during the night of 15 June …" (patrol19's J01: not read); rewritten as "the SMM recorded about 30
#: explosions, observed …" (same length).
_WITH_COUNT_RECORDED = re.compile(
    r"(?:^|(?<=[.;]\s))[\s\x1f]*With\s+(?P<count>(?:(?:" + ph.COUNT_QUALIFIER + r")\s+)?(?:\d[\d,]*|" + ph.NUMBER_WORD
    + r")\s+(?:explosions|ceasefire\s+violations|bursts|shots))\s+(?:recorded|observed|heard|registered)\s*,\s*"
    r"(?P<subject>the\s+SMM|it|the\s+(?:M|m)ission)\s+(?=(?:observed|recorded|noted|saw|registered)\b)", re.IGNORECASE)


def _recoilless(match: re.Match[str]) -> str:
    written = match.group(0)
    return ("recoilless gun" if match["launcher"] else "recoilless gun round" + match["s"]).ljust(len(written))


def _weapon_fire(match: re.Match[str]) -> str:
    written = match.group(0)
    return (match["weapon"] + " fire").ljust(len(written))


_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
#: A share is no count: "134 explosions (approximately 60 per cent incoming and 40 per cent outgoing)" (patrol18c, E05:
#: read as 60 impacts, 40 outgoing and 34 undetermined), "Some 30 per cent of reported explosions were recorded during
#: night time". A parenthesis that gives shares is blanked whole; a share elsewhere loses its number (same length).
_SHARE_PARENTHESIS = re.compile(r"\((?=[^()]*\d\s*(?:per\s*cent|percent|%))[^()]*\)", re.IGNORECASE)
_SHARE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:per\s*cent\b|percent\b|%)"
                    # "The highest numbers of ceasefire violations, including one third of the explosions, were recorded …"
                    # (patrol18d, G08: read as one explosion; "About a third of the ceasefire violations were recorded in
                    # areas …" stays a share of the period, read by VIOLATION_SHARE)
                    r"|(?<=\bincluding\s)(?:(?:about|around|roughly)\s+)?(?:one|two|a)[\s-]+(?:thirds?|quarters?|fifths?)(?=\s+of\b)",
                    re.IGNORECASE)
#: A clock time of the first of several observations whose others a quotation left out: "the SMM heard two explosions …
#: at 11:55 and [...]" (patrol18c's F08: both were timed 11:55); the time is blanked (the count is left untimed).
_CLOCK_THEN_CUT = re.compile(r"\b(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*hrs)?(?=\s+and\s+[\[(]?(?:\.\.\.|\u2026))",
                             re.IGNORECASE)
#: Where the violence of a whole region's summary was focused: "… including nearly 400 explosions, …, with violence
#: focused in the Avdiivka/Yasynuvata area, and Shyrokyne" (patrol18c's F07: the region's count was placed at Avdiivka).
#: The places are blanked: the count stays the region's, unplaced.
_FOCUSED = re.compile(r",?\s*\bwith\s+(?:the\s+)?(?:violence|fighting|hostilities|(?:ceasefire\s+)?violations|shelling)\s+"
                      r"(?:(?:mainly|mostly|largely)\s+)?(?:focused|focussed|concentrated|centred|centered)\s+(?:in|on|around|near)\b"
                      r"[^.;]*", re.IGNORECASE)
#: A kind that holds for most of a count, not all of it: "the SMM observed 21, mostly incoming explosions" (patrol19: read
#: as impacts of no number), "14 mainly outgoing explosions" (outgoing): blanked, so the count is read, undetermined.
_MOSTLY_KIND = re.compile(r"(?<=\d),?\s+(?:mostly|mainly|largely|predominantly)\s+(?:incoming|outgoing)(?=\s+(?:explosions?|rounds?)\b)",
                          re.IGNORECASE)
#: "On the evening and night of 2 and 3 June" (patrol19's K02: undated) is "… of 2-3 June" (same length).
_NIGHT_DAYS_AND = re.compile(r"(?<=\bnight\sof\s)(?P<day>\d{1,2})(?P<and>\s+and\s+)(?=\d{1,2}\s+" + ph.MONTH + r")", re.IGNORECASE)
#: "As a result of enemy shelling, one soldier … was injured" (patrol19's J09: "a" read as one explosion): no count.
#: "As a result of the shelling, no victims or damages were registered" (patrol19b's M20: a shelling of unstated number
#: beside the one told in the sentence before): the shelling told again, with its article, is blanked (same length).
_RESULT_TOLD_AGAIN = re.compile(r"\b[Aa]s\s+a\s+result\s+of\s+(?:the|this|that|these|those)\s+(?:enemy\s+)?"
                                r"(?:shelling|fire|firing|attacks?)\s*(?=,)")
_A_RESULT_OF = re.compile(r"(?<=\b[Aa]s\s)a(?=\s+result\s+of\s+(?:the\s+)?(?:enemy\s+)?(?:shelling|fire|firing|attacks?)\b)")
#: A military clock with no colon: "At about 1830 hours, Pakistan initiated …", "at 0930 hours" (the Indian Army's statements;
#: patrol19's L09: untimed): "18:30 hrs" (same length), only after "at / about / around".
_HOURS_CLOCK = re.compile(r"(?:(?<=\bat\s)|(?<=\babout\s)|(?<=\baround\s))([01]\d|2[0-3])([0-5]\d)\s+hours\b", re.IGNORECASE)
_DOTTED_CLOCK = re.compile(r"\b([01]?\d|2[0-3])\.([0-5]\d)(?=\s*(?:hrs|h)\b)")
#: A 12-hour clock time of the news copies: "12:20 p.m.", "9 a.m.", "1.15pm" (rewritten as 24-hour time, same length).
_TWELVE_HOUR = re.compile(r"(?<![\d:.])(?P<h>1\d|2[0-3]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m(?:\.|\b)", re.IGNORECASE)


def _twelve_hour(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The line with its 12-hour clock times in 24-hour time, and where it grew: (offset in the new line after which
    the text is further on, by how many characters). "7 pm" is "19:00", one character longer (patrol16: left unread)."""
    pieces: list[str] = []
    widened: list[tuple[int, int]] = []
    at = grown = 0
    for match in _TWELVE_HOUR.finditer(line):
        clock = _twenty_four_hour(match, fit=False)
        pieces.extend((line[at:match.start()], clock))
        if len(clock) > len(match.group(0)):
            grown += len(clock) - len(match.group(0))
            widened.append((match.start() + grown - (len(clock) - len(match.group(0))) + len(clock), grown))
        at = match.end()
    pieces.append(line[at:])
    return "".join(pieces), widened


def _raw_offset(offset: int, widened: list[tuple[int, int]]) -> int:
    """The offset in the line as written of an offset in the line with its clock times rewritten."""
    grown = 0
    for after, total in widened:
        if offset >= after:
            grown = total
    return offset - grown


def _twenty_four_hour(match: re.Match[str], fit: bool = True) -> str:
    """"12:20 p.m." -> "12:20     ", "9 a.m." -> "09:00 " (24-hour, padded to the same length; with ``fit``, unchanged if it
    cannot fit)."""
    hour = int(match["h"])
    if hour <= 12:  # "16:15 p.m." (news copies) is already a 24-hour time
        hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
    elif match["m"] is None:
        return match.group(0)
    clock = f"{hour:02d}:{match['m'] or '00'}"
    written = match.group(0)
    if len(clock) > len(written) and fit:
        return written
    return clock + " " * (len(written) - len(clock))
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
#: A party's statement, the party firing its subject: "In the area of Svitlodarsk (…), the enemy opened fire from grenade
#: launchers", "militants shelled the ATO positions near Mykolaivka, Chermalyk, …" (patrol19: the places were read as the
#: observer's). The places are where the fire went, not where anyone observed from; with no mission's word in the
#: clause, no observer position is kept.
_PARTY_FIRED = re.compile(
    r"\b(?:enemy|militants|occupiers|invaders|(?:Russian[- ])?occupation\s+(?:forces|troops|fighters)|armed\s+formations"
    r"|Ukrainian\s+(?:armed\s+formations|army|military|forces|troops|gunmen)|Pakistani\s+(?:troops|army))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:opened|fired|shelled|launched|used|attacked|violated|resorted|initiated|carried\s+out)\b"
    # its passive: "the positions of the people's militia in the Zolotoye settlement were shelled from the Popasnoye
    # settlement" (patrol19b's M20: the target's place was read as the observer's)
    r"|\b(?:were|was|(?:have|has|had)\s+been)\s+(?:shelled|fired\s+(?:up)?on|attacked)\s+(?:from|by|with)\b", re.IGNORECASE)
_MISSION_WORD = re.compile(r"\b(?:SMM|OSCE|mission|patrols?|monitors|observers|camera|EUMM)\b", re.IGNORECASE)
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
_CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+and\s+(?!in\s+(?:some|most|many|all|several)\s+cases\b|at\s+(?:an?\s+)?(?:altitude|height)\b)(?=(?:(?:while|when)\s+)?(?:positioned|while|in|at|near|from)\s+[^;]*?\b(?:heard|saw|observed|recorded|spotted)\b)"
    r"|,?\s+and\s+(?=(?:the\s+SMM|it|the\s+mission)\s+(?:also\s+|later\s+)?(?:heard|saw|observed|recorded|spotted)\b)"
    # "… more than 170 explosions, mostly in areas east of Mariupol where the SMM also recorded intense exchanges of
    # heavy-machine-gun fire" (patrol18b, C13: the explosions were given the machine-gun as their weapon)
    r"|\s+where\s+(?=(?:the\s+SMM|it|the\s+mission)\s+also\s+(?:heard|saw|observed|recorded|spotted)\b)"
    # "… heard 12 explosions … south-east of its position and saw one impact … 3km south of its position": a second verb of
    # the same subject (patrol14: the impact was lost, and its distance and direction given to the explosions)
    r"|,?\s+and\s+(?=(?:also\s+|then\s+)?(?:saw|heard|observed|recorded|spotted)\s+(?:an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+|several|numerous|about|around|approximately)\b)"
    # "… 112 ceasefire violations in Donetsk region, including 31 explosions, and 9 ceasefire violations in Luhansk region"
    r"|,\s+and\s+(?=(?:about\s+|around\s+|some\s+|more\s+than\s+)?\d[\d,]*\s+(?:ceasefire\s+)?violations\b)"
    # "The SMM recorded 32 ceasefire violations in Donetsk region and two in Luhansk region" (patrol14: the second
    # tally was not understood), "no ceasefire violations in Donetsk region and 50 in Luhansk region"
    r"|(?<=\sregion)\s+and\s+(?=(?:about\s+|around\s+)?(?:\d[\d,]*|none|" + ph.NUMBER_WORD + r")\s+in\s+(?:[A-Z][a-z]+\s+region\b"
    # (a news copy: "66 explosions in Donetsk region and 120 in Luhansk on September 15-17"; session 15)
    r"|(?:Donetsk|Luhansk)\b(?!\s+(?:city|airport|region)\b)))"
)
#: The next area of a share's list, after a semicolon: "; (and) at south-easterly and southerly directions of X".
_MORE_AREAS = re.compile(r"\s*(?:and\s+)?(?:at|in)\s+(?:the\s+)?(?:areas?\s+|directions?\s+)?" + ph.DIRECTION
                         + r"(?:\s*,?\s+(?:and|or)\s+" + ph.DIRECTION + r")*\s+(?:directions?\s+)?of\b", re.IGNORECASE)
#: A clause that starts with its verb, its subject the clause before's: "(… and) saw one impact …" (its time too).
_SAME_SUBJECT_VERB = re.compile(r"\s*(?:also\s+|then\s+)?(?:saw|heard|observed|recorded|spotted)\b", re.IGNORECASE)
#: An observation with its own direction or distance before "and saw …": "heard 12 explosions … south-east of its
#: position and saw one impact …" (then the verb after "and" starts a clause of its own).
_OWN_PLACE_BEFORE = re.compile(KIND_NOUN.pattern + r"[^;]*?(?:(?<!\bto\s)(?<!-to-)" + ph.DIRECTION + r"(?![- ]to[- ])"
                               r"|\b\d+(?:[.,]\d+)?\s*(?:km|m)\b)", KIND_NOUN.flags)  # (not a flight: "from west to east")
_SUMMARY = re.compile(r"\b(?:ceasefire\s+violations|compared\s+with|previous\s+(?:reporting\s+)?(?:period|day))\b", re.IGNORECASE)
_ABBREVIATIONS = {"approx", "ca", "e.g", "i.e", "no", "st", "vs", "cf", "incl", "mr", "ms", "dr", "gen", "col", "lt"}
_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_ONE_TO_ONE = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-", "\u00a0": " ",
                             "\u2009": " ", "\u202f": " ", "’": "'", "‘": "'", "“": '"', "”": '"', "\t": " "})


@dataclass(frozen=True, slots=True, kw_only=True)
class _Observer:
    """Where the observer was: position (if known), place name, offset from it, and doubts."""

    lat: float | None = None
    lon: float | None = None
    place: str | None = None
    offset: str | None = None  # "2 km SW": the position is that far from the place
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Described:
    """A place the gazetteer lacks, where the text's description of it put it ("Kalynove (…, 60km west of
    Luhansk)"): remembered, so that a later bare "Kalynove" in the same text is placed there too."""

    place: Place
    text: str  # the description: "60km west of Luhansk"
    error_km: float  # how far the place may lie from there (the description's own doubt)


def _description_error(anchor: Place, distance_km: float) -> float:
    """The doubt of a position given as "25km north-east of Mariupol": the compass sector of the distance
    +- a quarter, plus the anchor's extent and position error."""
    spread = max(SINGLE_DISTANCE_SPREAD * distance_km, 0.5)
    return sector_radius_km(max(0.0, distance_km - spread), distance_km + spread) + anchor.radius_km() + POSITION_ERROR_KM


#: A place the gazetteer knows is taken from the text's own description of it instead when the two lie farther apart
#: than this many times the description's doubt: two villages share the name (a "Pervomaiske (…, 60km south-east of
#: Donetsk)" is not the Pervomaiske west of Donetsk), and a wrong village can be 80 km off.
DESCRIPTION_CONFLICT_FACTOR = 1.5


def _described_instead(known: Place, described: tuple[float, str, str, str], gazetteer: Gazetteer,
                       written: str) -> tuple[Place, float, str] | None:
    """When the text's description of a known place ("(…, 60km south-east of Donetsk)") puts it far from the gazetteer's
    place of that name: the place where the description puts it, the description's doubt and a warning; else None."""
    distance_km, point, anchor_name, text = described
    anchor = gazetteer.lookup(anchor_name)
    if anchor is None or anchor.place == known:
        return None
    lat, lon = offset_position(anchor.place.lat, anchor.place.lon, ph.point_bearing_deg(point), distance_km)
    error = _description_error(anchor.place, distance_km)
    gap = _GEOD.inv(known.lon, known.lat, lon, lat)[2] / 1000.0
    if gap <= DESCRIPTION_CONFLICT_FACTOR * error:
        return None
    place = Place(name=written, oblast="", lat=round(lat, 5), lon=round(lon, 5))
    return place, error, (f"place {written!r}: the gazetteer's {known.name} is {gap:.0f} km from where the text's "
                          f"description puts it ({text!r}; another place of that name?): the description used")


@dataclass(slots=True)
class _State:
    """What carries from one sentence to the next."""

    date: Date | None
    night_end: Date | None
    position: _Observer | None = None
    last_position: _Observer | None = None  # the last observer read, across paragraphs: "from the same position"
    camera_before: bool = False  # the sentence before placed a camera ("the SMM camera in Avdiivka recorded …")
    party_line: bool = False  # the line is a party's statement of its enemy's fire, with no word of a mission in it
    date_written: bool = False  # the date comes from the text ("On 3 March"), not from --date
    date_part: str | None = None  # the part of that day written with it ("In the evening of 3 March": "evening")
    evenings: bool = False  # date .. night_end is "between the evenings of" the two days, not a night
    span_end: Date | None = None  # date .. span_end, whole days: "Between 4 and 17 May" (a two-week report)
    region: str | None = None  # the part of the report ("Donetsk region" heading, "In Donetsk region, ..." summary)
    last_kind: str | None = None  # the kind of the sentence before's last observation: "A further 860 were reported …"
    unread_when: str | None = None  # this sentence writes a date or clock time not read: no date from the one before
    # this sentence's counts run over a longer period than any date it or the one before writes ("from 00:01 on 27 July
    # 2020 until the end of the reporting period"): no date from the one before either
    longer_period: bool = False
    first_clock_day: Date | None = None  # the first day written beside the sentence before's clock times ("at 23:11 on 7 June")
    period_end: time | None = None  # --period-end: an untimed observation falls in the reporting period ending on --date
    described: dict[str, _Described] = field(default_factory=dict)  # places the text described, by folded name
    # the clock time of a sentence that placed the patrol and observed nothing ("At 11:57 on 21 May, an SMM patrol … was
    # positioned on the western edge of X."): the time of "… members were inside the vehicles when they heard …" next
    position_times: Any = None
    paragraph_date: Date | None = None  # the day written beside that sentence's clock time, for the paragraph's times
    counted: set[str] = field(default_factory=set)  # the families of fire counted earlier in the line ("explosion", "shot")
    seen: set[str] = field(default_factory=set)  # the families of fire observed earlier in the line, counted or not
    event_places: set[str] = field(default_factory=set)  # the places (folded) of that fire, where the text placed it


def read_patrol_text(
    path: str | os.PathLike[str], *, gazetteer: Gazetteer, date: Date | None = None, tz: tzinfo = timezone.utc,
    reliability: str = DEFAULT_RELIABILITY, source: str = "patrol", hearsay_reliability: str = HEARSAY_RELIABILITY,
    period_end: time | None = None,
) -> list[Report]:
    """Parse a patrol-text file (UTF-8) into reports."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except UnicodeDecodeError as problem:
        raise InputError(name, f"not UTF-8 text ({problem.reason} at byte {problem.start})") from None
    return parse_patrol_text(
        text, file_name=Path(name).name, gazetteer=gazetteer, date=date, tz=tz, reliability=reliability, source=source,
        hearsay_reliability=hearsay_reliability, period_end=period_end,
    )


def parse_patrol_text(
    text: str, *, file_name: str, gazetteer: Gazetteer, date: Date | None = None, tz: tzinfo = timezone.utc,
    reliability: str = DEFAULT_RELIABILITY, source: str = "patrol", hearsay_reliability: str = HEARSAY_RELIABILITY,
    period_end: time | None = None,
) -> list[Report]:
    """Parse patrol text into reports: at least one for every line that is not blank.

    ``report_id`` is ``"<file_name>:<line>:<n>"`` (n counts records on that line from 1), so
    the same text always gives the same ids. Records of the mission's own observations get ``reliability``;
    those of what others told it (``reported_by``) get ``hearsay_reliability``. With ``period_end`` (and ``date``), an
    observation the text neither times nor dates falls in the reporting period that ends on ``date`` at ``period_end``
    (the OSCE SMM's daily reports ran from 19:30 to 19:30): its window is that period, with ``time_from: "period"``;
    without it, such an observation stays untimed.
    """
    for grade in (reliability, hearsay_reliability):
        if not re.fullmatch(r"[A-F][1-6]", grade):
            raise InputError(file_name, f"reliability {grade!r} is not a NATO/Admiralty grade such as B2")
    state = _State(date=date, night_end=None, period_end=period_end)
    reports: list[Report] = []
    carried: _Observer | None = None  # the position of a paragraph that only placed the patrol, for the next one
    previous_sentence: list[int] = []  # indices in ``reports`` of the records of the sentence before
    columns: list[str] | None = None  # the columns of a table's header line, for the rows after it
    quoted_before = False  # the line before opened with a quote mark
    for line_number, raw in enumerate(text.split("\n"), start=1):  # lines end at \n only, as editors count them
        raw = raw.removesuffix("\r")
        # a table row copied as text ("Svitlodarsk (…) | 4 undetermined explosions | SE | 3-4km | | 21:25 | 13-Mar") is
        # read as the sentence it stands for; the records keep the row as their text (patrol16)
        table_text: str | None = None
        table_warnings: list[str] = []
        source_line = raw
        parts = patrol_table.cells(raw)
        if parts is None:
            columns = None
        elif (named := patrol_table.header(parts)) is not None:
            columns = named
            reports.append(Report(
                report_id=f"{file_name}:{line_number}:1", source=source, kind="other", time_start=None, time_end=None,
                count=None, reliability=reliability, text=raw.strip(), line=line_number,
                warnings=("a table's header line: its columns are read in the rows after it",)))
            previous_sentence = []
            continue
        elif (row := patrol_table.row_sentence(parts, columns)) is not None:
            source_line, table_warnings = row
            table_text = raw.strip()
        line = _FOOTNOTE.sub(lambda mark: " " * len(mark.group(0)), source_line.translate(_ONE_TO_ONE))  # "[1]": a footnote
        line = _SHARE.sub(lambda share: " " * len(share.group(0)), _SHARE_PARENTHESIS.sub(
            lambda share: " " * len(share.group(0)), line))  # "(approximately 60 per cent incoming …)": no count
        line = _DOTTED_CLOCK.sub(r"\1:\2", line)  # "12.10hrs": a clock time written with a dot (same length)
        line = _HOURS_CLOCK.sub(r"\1:\2 hrs ", line)  # "at 1830 hours": "at 18:30 hrs " (same length)
        line = _CLOCK_THEN_CUT.sub(lambda cut: " " * len(cut.group(0)), line)  # "at 11:55 and [...]": not the whole's time
        line = _FOCUSED.sub(lambda focus: " " * len(focus.group(0)), line)  # "with violence focused in the … area"
        line = _MOSTLY_KIND.sub(lambda mostly: " " * len(mostly.group(0)), line)  # "21, mostly incoming explosions"
        line = _RESULT_TOLD_AGAIN.sub(lambda again: " " * len(again.group(0)), line)  # "As a result of the shelling, …"
        line = _A_RESULT_OF.sub(" ", line)  # "as a result of shelling": not one shelling (same length)
        line = _NIGHT_DAYS_AND.sub(lambda days: days["day"] + "-" + " " * (len(days["and"]) - 1), line)
        line, widened = _twelve_hour(line)  # "12:20 p.m.": a 12-hour clock ("7 pm" -> "19:00": one longer)
        line = _HYPHEN_FIRE.sub(" ", line)  # "small-arms-fire": small-arms fire (same length)
        line = _COUNT_RECORDED.sub(lambda verb: " " * len(verb.group(0)), line)  # "(over 430 explosions recorded)"
        line = _TREND_DAY_COUNT.sub(lambda trend: f"{trend['day']}({trend['n']} {trend['noun']})", line)  # (same length)
        line = _PLACE_BETWEEN_COMMAS.sub(
            lambda moved: f"{moved['verb']} {moved['rest']}, {moved['place']}".ljust(len(moved.group(0))), line)
        line = _BOTH_DAYS.sub("    ", line)  # "both on 20 August (…) and 21 August (…)": each day is read with its count
        line = _DUELS.sub(lambda duel: duel["weapon"] + "fire" + " " * len(duel["s"]), line)  # "artillery duels" (same length)
        line = _FIRED_WEAPON.sub(_weapon_fire, line)  # "Fired small arms from …": small arms fire (same length)
        line = _ROUND_IMPACTS.sub(lambda word: " " * len(word.group(0)), line)  # "mortar round impacts": mortar impacts
        line = _UNKNOWN_CALIBRE.sub(lambda doubt: " " * len(doubt.group(0)), line)  # "rounds of undetermined calibre"
        line = _AGAINST.sub(lambda pair: pair["kept"].ljust(len(pair.group(0))), line)  # "(roughly 52 against about 140)"
        line = _SHORTS.sub("shots ", line)  # "single shorts of small arms fire" (same length)
        line = _SELF_PROPELLED_GRENADES.sub(_recoilless, line)  # "self-propelled grenades (SPG-9)" (same length)
        line = _WITH_COUNT_RECORDED.sub(  # "With about 30 explosions recorded, the SMM observed …" (same length)
            lambda lead: f"{lead['subject']} recorded {lead['count']}, ".ljust(len(lead.group(0))), line)
        line = _SETTLEMENT_LIES.sub(lambda lies: lies["name"] + " " * len(lies["where"]), line)  # "the X settlement south of the town"
        line = _SOUNDS_CONSISTENT.sub(_sounds_consistent, line)  # "four loud sounds consistent with the firing of rockets"
        line = _MILLIMETRE_MM.sub(lambda calibre: f"{calibre['n']}mm".ljust(len(calibre.group(0))), line)  # "155 millimetre (mm)"
        line = _ROUNDS_AS_WEAPONS.sub(_mortar_rounds, line)  # "Five 122-mm mines were fired": mortar rounds (same length)
        line = _COUNTED_AMMUNITION.sub(lambda rounds: rounds["lead"] + "rounds".ljust(len(rounds["noun"])), line)
        line = _TIMES_FIRST.sub(lambda times: f"{times['verb']} {times['n']} times", line)  # "have 120 times violated the ceasefire"
        line = _GLUED_COUNT.sub(_glued_count, line)  # "60mm mortar (1shell)": one mortar shell
        line = _WEAPON_ON_PLACE.sub(_weapon_on_place, line)  # "82mm mortars bombarded Maryinka": mortar fire in Maryinka
        line = _RESPECTIVE_WEAPONS.sub(_respective_weapons, line)  # "120mm and 82mm mortars (78 and 14 explosions, respectively)"
        if not line.strip():
            continue
        index = 0
        # an observer position carries within a paragraph, not beyond; but a spot report's opening paragraph that only
        # placed the patrol ("On 15 May, an SMM patrol comprising six members … was positioned on the south-western edge
        # of X (…)") places the next paragraph's "At 13:36, … the SMM heard …" (session 15: the observer was lost)
        state.position = carried
        carried = None
        # (the raw line: "the enemy opened fire from grenade launchers" is rewritten above as "grenade launchers fire")
        state.party_line = _PARTY_FIRED.search(source_line) is not None and _MISSION_WORD.search(source_line) is None
        # a quotation continued in a new paragraph (both lines open with a quote mark: '"… at 14:15 on 6 November, …".' then
        # '"As the patrol continued …, at 14:16, it heard …"'): the day written beside the clock time of the line before
        # is still the day of this one's (patrol20's R03: --date's)
        quoted = _QUOTE_OPENS.match(line) is not None
        continued_day = state.paragraph_date if quoted and quoted_before else None
        quoted_before = quoted
        state.position_times = None
        state.paragraph_date = continued_day
        state.counted, state.seen, state.event_places = set(), set(), set()
        first_of_line = len(reports)
        previous_text = ""  # the sentence before on this line (its weapon may be the next sentence's)
        for start, end in split_sentences(line):
            sentence = _reassessment(line[start:end], reports, previous_sentence)
            if sentence is None:
                sentence = _read_sentence(line, start, end, state, gazetteer, date, tz)
                _carry_weapon(line[start:end], previous_text, sentence)
            else:
                index = sum(1 for report in reports if report.line == line_number)
            previous_sentence = []
            previous_text = line[start:end]
            for values in sentence:
                index += 1
                values.update(
                    report_id=f"{file_name}:{line_number}:{index}", source=source,
                    reliability=hearsay_reliability if values.get("extras", {}).get("reported_by") else reliability,
                    line=line_number,
                    text=table_text or raw[_raw_offset(start, widened):_raw_offset(end, widened)].strip(),
                )
                if table_warnings:
                    values["warnings"] = (*values.get("warnings", ()), *table_warnings)
                if values["kind"] not in PATROL_KINDS:  # cannot happen; kept so the contract holds regardless
                    values["warnings"] = (*values.get("warnings", ()), f"kind {values['kind']!r} read as other")
                    values["kind"] = "other"
                reports.append(Report(**values))
                previous_sentence.append(len(reports) - 1)
        if (state.position is not None and _PATROL_PLACED.search(line)
                and all(report.kind == "other" and not report.count for report in reports[first_of_line:])):
            carried = state.position
    return reports


#: A tally written before its verb: "Armenian Armed Forces have 120 times violated the ceasefire" is read as "… violated
#: the ceasefire 120 times" (patrol20b's S02; the same length).
_TIMES_FIRST = re.compile(r"(?<![\w,.-])(?P<n>\d[\d,]*|(?i:" + ph.NUMBER_WORD + r"))\s+times\s+"
                          r"(?P<verb>violated\s+the\s+(?:ceasefire|truce)(?:\s+regime)?)\b", re.IGNORECASE)
#: A weapon and its count in brackets: "applied 60mm mortar (1shell)", "used 82mm mortars (4 shells)" (patrol20b's S04):
#: "1 60mm mortar shell" (no longer).
_GLUED_COUNT = re.compile(r"(?P<weapon>(?<![\w-])(?:\d{2,3}\s?-?\s?mm\s+)?(?:mortar|artillery|howitzer|tank)s?)\s*"
                          r"\((?P<n>\d{1,4})\s?(?P<noun>shells?|rounds?|mines?)\)", re.IGNORECASE)


def _glued_count(match: re.Match[str]) -> str:
    weapon = re.sub(r"(mortar|howitzer|tank)s$", r"\1", match["weapon"], flags=re.IGNORECASE)
    told = f"{match['n']} {weapon} {match['noun']}"
    return told.ljust(len(match.group(0))) if len(told) <= len(match.group(0)) else match.group(0)


#: A party's weapon named on a place without a number: "82mm mortars bombarded Maryinka", "shelled Kominternovo with
#: 120mm mortars" are read as "mortar shelling in Maryinka" (explosions of no number at the place, as "there was mortar
#: shelling in X" always was; patrol20's P21 and R05). One weapon only: "with heavy artillery and mortar" is left as it
#: was; "shelled … from heavy machine guns" is "heavy machine gun fire" (of kind other, patrol20's M20).
_ONE_WEAPON = (r"(?:\d{2,3}\s?-?\s?mm\s+)?(?P<weapon{n}>mortars?|artillery|howitzers?|tanks?|(?:automatic\s+)?grenade[- ]launchers?"
               r"|MLRS|Grad|heavy[- ]machine[- ]?guns?)(?![\w-])"
               r"(?!\s*(?:and\b|or\b|\(|,\s*(?:and\s+|or\s+)?(?:\d|heavy|large|small|light|automatic|mortar|artiller"
               r"|howitzer|tank|grenade|MLRS|Grad|machine|anti|sniper|rifle|gun)))")
_WEAPON_ON_PLACE = re.compile(
    r"\b" + _ONE_WEAPON.replace("{n}", "1") + r"\s+(?:bombarded|shelled|pounded)\s+(?P<place1>" + PLACE + r")"
    r"|\bshelled\s+(?P<place2>" + PLACE + r")\s+(?:with|from)\s+" + _ONE_WEAPON.replace("{n}", "2"), re.IGNORECASE)


def _weapon_on_place(match: re.Match[str]) -> str:
    weapon = match["weapon1"] or match["weapon2"]
    if weapon.lower() in ("artillery", "mlrs", "grad"):
        noun = weapon
    else:
        noun = re.sub(r"s$", "", weapon)
    # shelling by an explosive weapon is explosions (as "mortar shelling in X" is); a machine gun's fire is not
    what = "fire" if re.search(r"machine", noun, re.IGNORECASE) else "shelling"
    told = f"{noun} {what} in {match['place1'] or match['place2']}"
    return told.ljust(len(match.group(0))) if len(told) <= len(match.group(0)) else match.group(0)


#: Two weapons and their counts given "respectively": "the use of 120mm and 82mm mortars (78 and 14 explosions,
#: respectively)" is read as "78 120mm mortar explosions and 14 82mm mortar explosions" (patrol20's P19; same length or
#: shorter, padded).
_RESPECTIVE_WEAPONS = re.compile(
    r"(?:\bthe\s+use\s+of\s+)?(?P<a>\d{2,3}\s?-?\s?mm)\s+and\s+(?P<b>\d{2,3}\s?-?\s?mm)\s+(?P<weapon>mortars?|artillery|howitzers?)"
    r"\s*\(\s*(?P<n1>\d[\d,]*|(?i:" + ph.NUMBER_WORD + r"))\s+and\s+(?P<n2>\d[\d,]*|(?i:" + ph.NUMBER_WORD + r"))\s+"
    r"(?P<noun>explosions|rounds|shells|impacts)\s*,\s*respectively\s*\)", re.IGNORECASE)


def _respective_weapons(match: re.Match[str]) -> str:
    weapon = re.sub(r"s$", "", match["weapon"], flags=re.IGNORECASE)
    told = (f"{match['n1']} {match['a']} {weapon} {match['noun']} and {match['n2']} {match['b']} {weapon} "
            f"{match['noun']}")
    return told.ljust(len(match.group(0))) if len(told) <= len(match.group(0)) else match.group(0)


#: A count that refers back to the weapon of the sentence before: "The explosion of three mines of this caliber was
#: recorded" (patrol20's R06); in a party's statement (no word of a mission in either sentence) also "In total 14 rounds
#: were fired" (a mission's "In total, the SMM heard 20 explosions" after "saw a tank firing" is a sum of all it heard).
_REFERS_BACK = re.compile(r"\bof\s+th(?:is|at|ese|ose)\s+(?:cal(?:i)?b(?:re|er)|type|kind|weapon)s?\b", re.IGNORECASE)
_TOTAL_BACK = re.compile(r"^\W*(?:in\s+total|altogether|overall)\b|\b(?:a\s+total\s+of|in\s+total)\b", re.IGNORECASE)


#: The sentence before used a weapon (not merely saw one).
_WEAPON_USED = re.compile(r"\b(?:used|using|fired|firing|shell(?:ed|ing)|attack(?:ed|ing)|bombard(?:ed|ing)|opened\s+fire"
                          r"|launch(?:ed|ing)|employ(?:ed|ing)|applied)\b", re.IGNORECASE)


def _weapons_named(text: str) -> set[str]:
    """The weapon labels a sentence names (by name, or a calibre's)."""
    labels = {label for pattern, label in ph.WEAPON_PATTERNS if pattern.search(text)}
    for calibre in ph.CALIBRE.finditer(text):
        if (label := ph.weapon_for_calibre(ph.calibre_value(calibre["mm"]))) is not None:
            labels.add(label)
    return labels


def _carry_weapon(text: str, previous_text: str, sentence: list[dict[str, Any]]) -> None:
    """Give a sentence's one counted explosion record the one weapon the sentence before named, when the sentence
    refers back to it ("of this caliber", "in total") and names no weapon itself."""
    if not previous_text or _weapons_named(text):
        return
    if _REFERS_BACK.search(text) is None and (_TOTAL_BACK.search(text) is None or _MISSION_WORD.search(text)
                                              or _MISSION_WORD.search(previous_text)):
        return
    counted = [values for values in sentence if values.get("count") and values["kind"].startswith("explosion")]
    if len(counted) != 1 or counted[0].get("weapon") is not None:
        return
    named = _weapons_named(previous_text)
    if len(named) == 1 and _WEAPON_USED.search(previous_text):
        counted[0]["weapon"] = named.pop()


#: A line that opens with a quote mark.
_QUOTE_OPENS = re.compile(r"\s*[\"\u201c\u201e\u00ab]")


#: A spot report's opening: the patrol, what it consisted of (and where it was placed).
_PATROL_PLACED = re.compile(r"\b(?:patrols?|team)\s+(?:consisting|comprising|comprised|composed|made\s+up)\b", re.IGNORECASE)


#: A sentence that assesses what the sentence before reported: "The SMM assessed four of the explosions as outgoing
#: mortar rounds and the remaining as outgoing rounds of undetermined weapons."
_REASSESSED = re.compile(
    r"^\W*(?:the\s+SMM|it|the\s+mission|the\s+patrol|SMM\s+patrol\s+members)\s+(?:later\s+|also\s+|further\s+)?assessed\s+"
    r"(?=(?:all|both|the|(?:" + ph.NUMBER + r")\s+of\s+the(?:m|se|\s)|them\b))"
    r"(?!the\s+(?:fresh\s+|new\s+)?(?:craters?|damage|holes?|impact\s+sites?)\b)(?P<rest>.*?)\W*$",
    re.IGNORECASE)
_REASSESSED_PART = re.compile(
    # "… ten of them as outgoing rounds and five as impacts": an elliptical part counts the same explosions
    r"^\s*(?:(?P<n>" + ph.NUMBER + r")(?:\s+of\s+(?:the|these|those|them)|(?=\s+(?:as|to\s+be)\s))"
    r"|(?P<all>all|both)(?:\s+of)?|the\s+(?P<rest>remaining|rest|others?)"
    r"|(?:the|these|those|them))(?:\s+(?:explosions?|rounds?|detonations?|blasts?))?\s+(?:as|to\s+be)\s+(?:an?\s+|the\s+)?"
    r"(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?|undetermined)\b(?P<tail>.*)$",
    re.IGNORECASE)


#: The same, written as what caused the explosions: "The SMM assessed that the explosion was caused by an outgoing
#: artillery round (122mm)", "… that the explosions were caused by incoming mortar rounds".
_REASSESSED_CAUSE = re.compile(
    r"^\W*(?:the\s+SMM|it|the\s+mission|the\s+patrol)\s+(?:later\s+|also\s+|further\s+)?assessed\s+that\s+"
    r"(?:the|these|those|both|all)\s+(?:(?:" + ph.NUMBER + r")\s+)?(?:explosions?|blasts?|detonations?)\s+"
    r"(?:was|were|had\s+been|have\s+been|has\s+been)\s+caused\s+by\s+(?:an?\s+|the\s+)?"
    r"(?P<what>impacting|incoming|outgoing)\s+(?P<tail>.*?)\W*$",
    re.IGNORECASE)
_CAUSE_KIND = {"impacting": "impacts", "incoming": "impacts", "outgoing": "outgoing"}


def _reassessment(text: str, reports: list[Report], previous: list[int]) -> list[dict[str, Any]] | None:
    """"The SMM assessed four of the explosions as outgoing mortar rounds and the remaining as outgoing rounds of
    undetermined weapons": the assessment is applied to the one count of explosions the sentence before reported
    (split into a record per part, each with ``breakdown_of``); the sentence itself gives one record of kind ``other``
    that says so. None when the sentence is not such an assessment; when what it refers to cannot be told, the
    sentence gives a record of kind ``other`` that says the assessment was not applied (it counts nothing again)."""
    aimed = _REASSESSED_AIM.match(text)
    if aimed is not None:
        return _aimed_assessment(aimed, reports, previous)
    caused = _REASSESSED_WEAPON.match(text)
    if caused is not None:
        return _weapon_assessment(text, caused, reports, previous)
    match = _REASSESSED.match(text)
    cause = _REASSESSED_CAUSE.match(text) if match is None else None
    if match is None and cause is None:
        return None
    # "assessed that the explosion was caused by an outgoing artillery round (122mm)": all of them, so assessed
    if match is not None:
        rest = match["rest"]
    else:
        assert cause is not None
        rest = f"all as {_CAUSE_KIND[cause['what'].lower()]} {cause['tail']}"
    targets = [at for at in previous if reports[at].kind.startswith("explosion") and reports[at].count is not None
               and "breakdown_of" not in reports[at].extras]
    if len(targets) != 1:
        return _unapplied(text)
    target = reports[targets[0]]
    assert target.count is not None
    parts: list[tuple[int | None, str, str | None, int | float | None]] = []  # (count or None for "the rest", kind, weapon, calibre)
    for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:\w+\s+of\s+|the\s+|all\b|both\b|(?:" + ph.NUMBER
                          + r")\s+(?:as|to\s+be)\s))", rest):
        part = _REASSESSED_PART.match(piece)
        if part is None:
            return _unapplied(text)
        group = Group(start=0, end=0, kind=target.kind, kinds=[target.kind])
        tail = Scan(part["tail"])
        _read_weapon(tail, group, 0, len(part["tail"]))
        if tail.leftovers(0, len(part["tail"])):
            return _unapplied(text)  # words it cannot place
        kind = "explosion_undetermined" if part["what"].lower() == "undetermined" else assessed_kind(part["what"], target.kind)
        number = ph.parse_number(part["n"]) if part["n"] else (target.count if part["all"] else None)
        parts.append((number, kind, group.weapon, group.calibre_mm))
    stated = sum(number or 0 for number, _, _, _ in parts)
    rests = sum(1 for number, _, _, _ in parts if number is None)
    if stated > target.count or rests > 1 or (rests == 0 and stated != target.count and len(parts) > 1):
        return _unapplied(text)
    split: list[Report] = []
    for number, kind, weapon, calibre in parts:
        count = number if number is not None else target.count - stated
        if count <= 0:
            continue
        extras = dict(target.extras)
        if calibre is not None and "calibre_mm" not in extras:
            extras["calibre_mm"] = calibre
        if len(parts) > 1 or count != target.count:
            extras["breakdown_of"] = target.count
        if count != target.count or number is None:
            extras.pop("count_qualifier", None)
            extras.pop("count_min", None)
        split.append(dataclasses.replace(target, kind=kind, count=count, weapon=weapon or target.weapon, extras=extras))
    if stated < target.count and rests == 0:  # "assessed two of the explosions as impacts": the rest as before
        split.append(dataclasses.replace(target, count=target.count - stated,
                                         extras=dict(target.extras, breakdown_of=target.count)))
    reports[targets[0]:targets[0] + 1] = split
    line = target.line
    number_in_line = 0
    ids = []
    for at, report in enumerate(reports):  # the records of that line numbered again, in order
        if report.line == line:
            number_in_line += 1
            reports[at] = dataclasses.replace(report, report_id=f"{report.report_id.rsplit(':', 2)[0]}:{line}:{number_in_line}")
            if targets[0] <= at < targets[0] + len(split):
                ids.append(reports[at].report_id)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None,
             "extras": {"assessment_of": ids},
             "warnings": (f"an assessment of what the sentence before reported ({', '.join(ids)}): applied to it, "
                          "not a new observation",)}]


#: The fire of the sentence before, assessed as aimed at the mission: "The SMM assessed that the shots had likely been
#: aimed at the UAV." (session 15: a further shot record of unstated number, with no target)
_REASSESSED_AIM = re.compile(
    r"^\W*(?:the\s+SMM|it|the\s+mission|the\s+patrol)\s+(?:later\s+|also\s+|further\s+)?assessed\s+that\s+"
    r"(?:the|these|those|both|all(?:\s+the)?)\s+(?:shots?|bursts?|rounds?|fire|shooting|gunfire)\s+"
    r"(?:was|were|had|have|has)\s+(?:(?:likely|probably|possibly|most\s+likely)\s+)?(?:been\s+)?"
    r"(?:(?:likely|probably|possibly|most\s+likely)\s+)?(?:aimed|directed|fired)\s+(?:at|towards?|in\s+the\s+direction\s+of)\s+"
    r"(?P<target>(?:the\s+|its\s+)?(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|vehicles?|cameras?))\W*$",
    re.IGNORECASE)


def _aimed_assessment(aimed: re.Match[str], reports: list[Report], previous: list[int]) -> list[dict[str, Any]]:
    """"The SMM assessed that the shots had likely been aimed at the UAV": the target of the fire the sentence before
    reported (its records without one); the sentence itself is a record of kind ``other`` that says so."""
    target = re.sub(r"^(?:the|its)\s+|'s\b", "", re.sub(r"\s+", " ", aimed["target"]), flags=re.IGNORECASE)
    fire = [at for at in previous if reports[at].kind != "other" and reports[at].count != 0
            and "target" not in reports[at].extras]
    if not fire:
        return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {},
                 "warnings": (f"an assessment of fire the sentence before does not report ({aimed.group(0).strip()!r}): "
                              "not applied, and not a new observation",)}]
    ids = []
    for at in fire:
        reports[at] = dataclasses.replace(reports[at], extras=dict(reports[at].extras, target=target))
        ids.append(reports[at].report_id)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {},
             "warnings": (f"an assessment of what the sentence before reported ({', '.join(ids)}): its target, "
                          "not a new observation",)}]


#: What made the impacts or craters the sentence before reported: "Based on its observations and crater analysis, the SMM
#: assessed that the impacts were caused by mortar shells fired from the north-west." (patrol20's Q01: another impact of no
#: number, and the weapon lost)
_REASSESSED_WEAPON = re.compile(
    r"^\W*(?:based\s+on\s+[^,;.]{1,80},\s*)?(?:the\s+SMM|it|the\s+mission|the\s+patrol)\s+(?:later\s+|also\s+|further\s+)?"
    r"(?:assessed|concluded|determined)\s+that\s+(?:the|these|those|both|all(?:\s+the)?)\s+(?:(?:" + ph.NUMBER + r")\s+)?"
    r"(?P<what>impacts?|craters?)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:all\s+)?"
    r"(?:(?:most\s+)?(?:likely|probably)\s+)?caused\s+by\s+(?P<tail>[^;]*?)\W*$", re.IGNORECASE)
_FIRED_FROM_TAIL = re.compile(r"\s*,?\s*(?:(?:which\s+(?:were|was|had\s+been)\s+)?fired|originating|coming)\s+from\s+"
                              r"(?:the\s+|an?\s+)?(?P<dir>" + ph.DIRECTION + r")(?:\s+direction)?\s*$", re.IGNORECASE)


def _weapon_assessment(text: str, caused: re.Match[str], reports: list[Report], previous: list[int]) -> list[dict[str, Any]]:
    """"… the SMM assessed that the impacts were caused by mortar shells fired from the north-west": the weapon (and where
    the rounds came from) of the one count of impacts or craters the sentence before reported; the sentence itself is a
    record of kind ``other`` that says so."""
    craters = caused["what"].lower().startswith("crater")
    targets = [at for at in previous if reports[at].count and (
        reports[at].kind.startswith("explosion") if not craters else reports[at].kind == "other")]
    tail = caused["tail"]
    fired = _FIRED_FROM_TAIL.search(tail)
    rounds = tail[:fired.start()] if fired is not None else tail
    group = Group(start=0, end=0, kind="explosion_undetermined", kinds=["explosion_undetermined"])
    scan = Scan(rounds)
    _read_weapon(scan, group, 0, len(rounds))
    leftover = re.sub(r"\b(?:an?|the|rounds?|shells?|fire|projectiles?|ammunition)\b|[\W\x1f]", "", scan.view(0, len(rounds)),
                      flags=re.IGNORECASE)
    if len(targets) != 1 or group.weapon is None or leftover:
        return _unapplied(text)
    target = reports[targets[0]]
    extras = dict(target.extras)
    if group.calibre_mm is not None and "calibre_mm" not in extras:
        extras["calibre_mm"] = group.calibre_mm
    if fired is not None and "fired_from" not in extras:
        point = ph.parse_direction(fired["dir"])
        if point is not None:
            extras["fired_from"] = point
    reports[targets[0]] = dataclasses.replace(target, weapon=target.weapon or group.weapon, extras=extras)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None,
             "extras": {"assessment_of": [target.report_id]},
             "warnings": (f"an assessment of what the sentence before reported ({target.report_id}): applied to it, "
                          "not a new observation",)}]


def _unapplied(text: str) -> list[dict[str, Any]]:
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {},
             "warnings": (f"an assessment ({text.strip()!r}) of a count the sentence before does not give as one count "
                          "of explosions: not applied, and not a new observation",)}]


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans of a line: split after . ! ? followed by a capital, not after "approx." etc."""
    spans: list[tuple[int, int]] = []
    start = 0
    # also after an omission mark, "[...]" or "(…)" (a news copy's cut): "… on its southern edge. [...] At 11:06, the patrol
    # members heard …" (patrol17: read as one sentence, the first clock time then gave the second's window)
    # also after a closing quotation mark (a news copy's quote): '… to the west-south-west," the OSCE SMM said … . "At
    # 12:53hrs, the SMM heard …' (patrol19: read as one sentence, whose clock times then went to each other's observations)
    # and after a bracket's full stop with no space: "… (about 200 explosions).The majority of …" (patrol19b's N04: one
    # sentence, whose "southern Donetsk region" gave the count a bearing)
    for match in re.finditer(r"(?:[.!?][\"\u201d]?|\s[\[(](?:\.\.\.|\u2026)[\])])\s+(?=[A-Z0-9(\"\u201c])|(?<=\))\.(?=[A-Z][a-z])",
                             line):
        if match.group(0).lstrip()[:1] in "[(":
            if line[start:match.start()].strip():
                spans.append((start, match.start()))
            start = match.end()
            continue
        word = re.search(r"([A-Za-z.]+)$", line[start:match.start()])
        if word is not None and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if (word is not None and word.group(1).lower().rstrip(".") in _MONTH_ABBREVIATIONS
                and re.match(r"\d{1,2}\b", line[match.end():])):
            continue  # "during the night of Nov. 11-12", "on Oct. 3" (news copies of the reports): a date, not the end of a sentence
        if line[start:match.end()].strip():
            spans.append((start, match.start() + 1))
        start = match.end()
    if line[start:].strip():
        spans.append((start, len(line)))
    return [part for span in spans for period in _split_periods(line, *span) for part in _split_dated_counts(line, *period)]


#: A summary of two reporting periods in one sentence: "… between the evenings of 11 and 12 August, including about 70
#: explosions, compared with …, and more between the evenings of 12 and 13 August, including about 160 explosions, …".
_SECOND_PERIOD = re.compile(
    r",\s+and\s+(?=(?:(?:more|fewer|less|a\s+similar\s+number(?:\s+of)?|the\s+same\s+number(?:\s+of)?)\s+"
    r"(?:(?:ceasefire\s+)?violations\s+)?)?between\s+the\s+evenings?\s+of\b)", re.IGNORECASE)


#: A second day with its own count in brackets: "… in Donetsk region both on 20 August (over 430 explosions recorded) and
#: 21 August (over 540 explosions recorded) compared to 19 August" (patrol17: one date was read for both).
_SECOND_DATED_COUNT = re.compile(
    r"\)\s*,?\s+(?:and|while|whereas|but|although)\s+(?:the\s+number\s+of\s+(?:[\w-]+\s+){1,2}?)?(?:(?:also\s+)?on\s+)?(?=\d{1,2}\s+" + ph.MONTH + r"\s*\((?:(?:" + ph.COUNT_QUALIFIER
    + r")\s+)?\d[\d,]*\s+explosions?\b[^()]*\))", re.IGNORECASE)


#: "… including at least 246 explosions on 17 and 322 explosions on 18 September" (patrol18c, E01: both were put on the
#: 18th and the day "17" read as a count of 17): each count keeps the day written after it; a day without its month is
#: left undated (the sentence is split at the "and").
_COUNT_ON_DAY_AND = re.compile(
    r"\bexplosions?\s+on\s+\d{1,2}(?:\s+" + ph.MONTH + r")?\s*,?\s+(?P<and>and)\s+(?=(?:(?:" + ph.COUNT_QUALIFIER
    + r")\s+)?\d[\d,]*\s+explosions?\s+on\s+\d{1,2}\s+" + ph.MONTH + r"\b)", re.IGNORECASE)


#: A second clause with its own day and verb: "… recorded some 500 explosions in the vicinity of Popasna in the course of
#: one night and on December 2 observed 3,000 violations", "…, and on 2 December it heard 30 explosions …" (patrol21's U01:
#: the first clause took the second's day, or the second the first's): read as two sentences, each with its day.
_AND_ON_DAY_VERB = re.compile(
    r",?\s+and\s+(?P<lead>(?:also\s+)?on\s+(?:\d{1,2}\s+" + ph.MONTH + r"|" + ph.MONTH + r"\s+\d{1,2})(?:,?\s+\d{4})?\s*,?\s+"
    r"(?:(?:it|they|he|she|we|the\s+(?:SMM|mission|monitors|patrol|camera)|monitors|OSCE\s+monitors)\s+)?(?:also\s+)?"
    r"(?:heard|saw|observed|recorded|registered|noted|counted|spotted)\b)", re.IGNORECASE)


def _split_dated_counts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """"both on 20 August (over 430 explosions) and 21 August (over 540 explosions)": read as two, each with its day."""
    and_on = _AND_ON_DAY_VERB.search(line, start, end)
    if and_on is not None and KIND_NOUN.search(line, start, and_on.start()) is not None:
        return [(start, and_on.start()), *_split_dated_counts(line, and_on.start("lead"), end)]
    on_day = _COUNT_ON_DAY_AND.search(line, start, end)
    if on_day is not None:
        return [(start, on_day.start("and")), *_split_dated_counts(line, on_day.end("and"), end)]
    second = _SECOND_DATED_COUNT.search(line, start, end)
    if second is None or not re.search(r"\b\d{1,2}\s+" + ph.MONTH + r"\s*\(", line[start:second.start() + 1], re.IGNORECASE):
        return [(start, end)]
    return [(start, second.start() + 1), *_split_dated_counts(line, second.end(), end)]


def _split_periods(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence that summarises two reporting periods is read as two: each period's counts get that period's window."""
    if len(re.findall(r"\bbetween\s+the\s+evenings?\s+of\b", line[start:end], re.IGNORECASE)) < 2:
        return [(start, end)]
    second = _SECOND_PERIOD.search(line, start, end)
    if second is None or not re.search(r"\bbetween\s+the\s+evenings?\s+of\b", line[start:second.start()], re.IGNORECASE):
        return [(start, end)]
    return [(start, second.start() + 1), (second.end(), end)]


_WHICH = re.compile(
    r"[,:](?=\s*(?:(?:of\s+(?:which|them)|including)\s+(?:(?:about|around|approximately|some|almost|nearly|at\s+least|more\s+than"
    r"|over)\s+)?(?:" + ph.NUMBER + r")\s"
    r"|(?P<bare>(?:" + ph.NUMBER + r")\s+(?:(?:of\s+(?:which|them)\s+)?(?:were|was)\s+)?assessed\s+as\b)"
    # "15 explosions: 10 impacts/5 outgoing, 3-4km east": parts joined by a slash
    r"|(?:" + ph.NUMBER + r")\s+(?i:outgoing|incoming|impacts?|undetermined)\s*/\s*(?:" + ph.NUMBER + r")\s)"
    # a breakdown ends before "as well (as)" and a new count: "including seven assessed as caused by 82mm mortar on 24
    # December as well numerous bursts of small-arms … fire" (patrol18c's E09: the bursts were read as the seven's weapon)
    r")(?:[^,;()]|\(\d+\s?mm\)|\([^(),;]*\))*?(?P<close>,|;|\s(?=as\s+well\s+(?:as\s+)?(?:\d|(?i:" + ph.VAGUE_COUNTS + r"|"
    + ph.NUMBER_WORD + r")\b))|\.?$)"
)
_ASSESSED_WORD = re.compile(r"\bassessed\b", re.IGNORECASE)


def _omission_at_end(line: str, start: int, end: int) -> int | None:
    """Where a sentence cut by an omission mark ends: "… two as airbursts of 152mm artillery rounds [...]" (its "[")."""
    mark = re.search(r"\s[\[(](?:\.\.\.|\u2026)[\])]\s*$", line[start:end])
    return start + mark.start() + 1 if mark is not None else None


#: A part of a breakdown with its own distance, then another part: "…: 11 assessed as outgoing artillery rounds 2-4km
#: north-west, seven assessed as impacts …" (each part has its own place; the whole has none of them).
_PART_DISTANCE_THEN_PART = re.compile(r"\d(?:[\d.,]*)\s*(?:-\s*\d[\d.,]*\s*)?(?:km|m)\b[^,;:()]*?(?:,|\band\b)\s+(?:"
                                      + ph.NUMBER + r")\s+(?:(?:were|was)\s+)?(?:assessed\s+)?as\b", re.IGNORECASE)
#: A breakdown between dashes: "26 mortar rounds - three incoming, four outgoing and 19 undetermined - at 3-6km".
_DASHED = re.compile(
    r"\s(?P<open>-)\s+(?=(?:" + ph.NUMBER + r")\s+(?:(?:were|was)\s+)?(?:assessed\s+as\s+)?(?:an?\s+)?"
    r"(?:outgoing|incoming|impacts?|undetermined|air[- ]?bursts?)\b)[^()]*?\s(?P<close>-)(?:\s|$)",
    re.IGNORECASE)
#: A calibre or designation in brackets inside a breakdown, "(152mm)", "(T-64)": its brackets are blanked out.
_CALIBRE_PARENTHESIS = re.compile(r"\(([^(),;]*)\)")
#: What may follow a breakdown that runs to the end of the sentence: a distance or a direction, not more of it.
_AFTER_BREAKDOWN = re.compile(r"\s+(?:(?:about|approximately|some|around|at)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:km|m)\b|"
                              + ph.DIRECTION + r")", re.IGNORECASE)


_EXPLOSION_NOUN = re.compile(r"\b(?:explosions?|rounds?|impacts?|detonations?|blasts?)\b", re.IGNORECASE)
_NOT_EXPLOSIONS = re.compile(r"\bviolations?\b", re.IGNORECASE)


def _which_as_parenthesis(line: str, start: int, end: int) -> str:
    """"11 explosions, of which seven assessed as outgoing and four as impacts, 5km south" (also without "of
    which": "ten explosions, two assessed as outgoing rounds and eight as impacts, 4-6km south"): the
    breakdown between the commas is read as the parenthesis it stands for (same length, same offsets)."""
    chars = list(line)
    for dashed in _DASHED.finditer(line, start, end):
        if _EXPLOSION_NOUN.search(line, start, dashed.start()):
            chars[dashed.start("open")], chars[dashed.start("close")] = "(", ")"
    for match in _WHICH.finditer(line, start, end):
        nouns = list(_EXPLOSION_NOUN.finditer(line, start, match.start()))
        if not nouns or _NOT_EXPLOSIONS.search(line, nouns[-1].end(), match.start()):
            continue  # "52 ceasefire violations, including 16 explosions": a summary, not a breakdown
        clause_start = max(start, *(line.rfind(mark, start, match.start()) + 1 for mark in ",;"))
        stop = end - 1 if line[end - 1:end] == "." else _omission_at_end(line, match.start(), end)
        if (match["bare"] is not None and line[match.start()] == ":" and stop is not None
                and _PART_DISTANCE_THEN_PART.search(line, match.start(), end)):
            # "20 explosions assessed as artillery rounds: 11 assessed as outgoing artillery rounds 2-4km north-west, seven
            # assessed as impacts … and two as airbursts … 2.5-3.5km north-east": the list after the colon is the whole's
            # parts, to the end of the sentence (patrol17: the whole took the first part's direction, the part was lost)
            chars[match.start()] = "("
            for calibre in _CALIBRE_PARENTHESIS.finditer(line, match.start(), end):
                chars[calibre.start()] = chars[calibre.end() - 1] = " "
            chars[stop] = ")"
            continue
        if match["bare"] is not None and _ASSESSED_WORD.search(line, clause_start, match.start()):
            # "18 explosions assessed as impacts of artillery (122mm) rounds, 12 assessed as outgoing …": the
            # count before the comma has its own assessment, so what follows is another observation, not a split
            continue
        chars[match.start()] = "("
        for calibre in _CALIBRE_PARENTHESIS.finditer(line, match.start(), match.end()):  # "(152mm)" inside it
            chars[calibre.start()] = chars[calibre.end() - 1] = " "
        items = list(BREAKDOWN_ITEM.finditer(line, match.start(), match.end()))
        if match["close"] in ("", ".") and items and line[items[-1].end():items[-1].end() + 1] == " " and \
                _AFTER_BREAKDOWN.match(line, items[-1].end()):
            # "…: six assessed as impacts and four as outgoing rounds 2km east": the distance is the whole count's
            chars[items[-1].end()] = ")"
        elif match["close"]:  # else it runs to the end of the sentence, where the breakdown reader stops too
            chars[match.start("close")] = ")"
    return "".join(chars)


#: A table-row tally with its breakdown in brackets: "Ceasefire violations recorded …: 174 (including 55 explosions)".
_TALLY_PARENTHESIS = re.compile(r"\bviolations\b[^.;()\d]{0,80}?:\s*\d[\d,]*\s*(?P<open>\()\s*(?=including\b)[^()]*(?P<close>\))",
                                re.IGNORECASE)


#: The counted parts of a tally in brackets right after "violations": "75 ceasefire violations (three explosions, 21
#: projectiles in flight and 51 shots …)", "fewer ceasefire violations (in total four explosions)" (patrol13b: lost).
_TALLY_PARTS_PARENTHESIS = re.compile(
    r"\bviolations(?:\s+in\s+(?:both\s+)?[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?\s+regions?)?\s*(?P<open>\()\s*"
    r"(?:in\s+total\s+|including\s+)?(?=(?:about\s+|some\s+|over\s+|at\s+least\s+)?(?:\d[\d,]*|" + ph.NUMBER_WORD + r")\s+"
    r"(?:[\w-]+\s+)?(?:explosions?|projectiles?|shots?|bursts?|rounds?)\b)[^()]*(?P<close>\))", re.IGNORECASE)


#: What every violation of a tally was, in brackets: "326 ceasefire violations (all bursts and shots of small-arms …
#: fire) occurred in areas east of …" (patrol16b: read as a tally with no observation), read like "…, all bursts and …,".
_TALLY_ALL_PARENTHESIS = re.compile(r"\bviolations\s*(?P<open>\()\s*(?=(?:all|both)\s)[^()]*(?P<close>\))", re.IGNORECASE)


#: The period's explosions in brackets after the tally's region and day: "… ceasefire violations observed in Donetsk region
#: on 25 August (at least 543 explosions) compared with 24 August (over 350 explosions)" (patrol14b: the 543 was lost).
_TALLY_LATE_PARENTHESIS = re.compile(
    r"\bviolations(?:\s+(?:observed|recorded|registered))?\s+in\s+(?:the\s+)?[A-Z][a-z]+\s+region"
    r"(?:\s+on\s+\d{1,2}\s+[A-Z][a-z]+)?\s*(?P<open>\()\s*(?=(?:(?:" + ph.COUNT_QUALIFIER + r")\s+)?\d[\d,]*\s+explosions?\s*\))"
    r"[^()]*(?P<close>\))", re.IGNORECASE)


def _tally_parenthesis(line: str, start: int, end: int) -> str:
    """"…: 174 (including 55 explosions)": the brackets read as the commas they stand for (same length), so that
    the explosions are read as the summary's own count, as in "174 ceasefire violations, including 55 explosions"."""
    chars = list(line)
    for match in _TALLY_PARENTHESIS.finditer(line, start, end):
        chars[match.start("open")], chars[match.start("close")] = ",", " "
    for match in _TALLY_LATE_PARENTHESIS.finditer(line, start, end):
        chars[match.start("open")], chars[match.start("close")] = ",", ","
    # "violations (all bursts …)" -> "violations, all bursts …,"; "violations (three explosions …)" -> "…, three explosions … "
    for pattern, closing in ((_TALLY_ALL_PARENTHESIS, ","), (_TALLY_PARTS_PARENTHESIS, " ")):
        for match in pattern.finditer(line, start, end):
            opening = match.start("open")
            if line[opening - 1] == " ":
                chars[opening - 1], chars[opening] = ",", " "
            else:
                chars[opening] = ","
            chars[match.start("close")] = closing
    return "".join(chars)


#: After a semicolon, the next count of a list with no verb of its own: "; 20 from east to west", "; and 25 …".
_LIST_GOES_ON = re.compile(r"\s*(?:and\s+)?(?:\d[\d,]*|" + ph.NUMBER_WORD + r")\s+(?!(?:of|were|was|had|have|has|more|further|additional)\b)",
                           re.IGNORECASE)


def _next_semicolon(text: str, start: int, end: int) -> int:
    found = text.find(";", start, end)
    return end if found < 0 else found


def _clauses(scan: Scan, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CLAUSE_BREAK.finditer(scan.text, start, end):
        if scan.text.count("(", start, match.start()) > scan.text.count(")", start, match.start()):
            continue  # "(IFV; BMP-2)", "(BM-21; 122mm)": a semicolon inside brackets ends no clause
        if (match.group(0).startswith(";") and _MORE_AREAS.match(scan.text, match.end(), end)
                and VIOLATION_SHARE.search(scan.text, start, match.start())):
            # "The majority of ceasefire violations … were recorded at southerly directions of Horlivka (…); at
            # south-easterly directions of Pyshchevyk (…)": the share's list of areas goes on (patrol14: the observer
            # was put at Pyshchevyk)
            continue
        if (match.group(0).startswith(";") and (item := _LIST_GOES_ON.match(scan.text, match.end(), end)) is not None
                and VERB.search(scan.text, match.end(), min(_next_semicolon(scan.text, item.end(), end), end)) is None
                and KIND_NOUN.search(scan.text, cursor, match.start()) is not None):
            # "… in sequence: one projectile from north-east to south-west …; 160 tracer rounds in flight from west to
            # east; 20 from east to west; and 25 from west to east, all 8-12km north-east …" (patrol20's P02: the
            # counts after the semicolons were lost, and the "all" with them): the list of counts goes on
            continue
        if _SAME_SUBJECT_VERB.match(scan.text, match.end()):
            verbs = list(VERB.finditer(scan.text, cursor, match.start()))
            if not verbs or not _OWN_PLACE_BEFORE.search(scan.text, verbs[-1].end(), match.start()):
                continue  # "saw 3 flares and heard 5 shots 1km south": one clause, the distance and direction of both
        if scan.text[cursor:match.start()].strip():
            spans.append((cursor, match.start()))
            scan.claim(match.start(), match.end())
            cursor = match.end()
    spans.append((cursor, end))
    return spans


def _read_sentence(
    line: str, start: int, end: int, state: _State, gazetteer: Gazetteer, default_date: Date | None, tz: tzinfo,
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
    scan = Scan(_tally_parenthesis(_which_as_parenthesis(line, start, end), start, end))
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
    span = _read_day_span(scan, start, end, state, default_date) if only_date is None else False
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
        first_day, _ = _parse_date(evening_night.group("first"), state, default_date)
        last, _ = _parse_date(evening_night.group("last"), state, default_date)
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
        last, _ = _parse_date(spelled.group("date"), state, default_date)
        if spelled.re is _THROUGH_EVENING:  # the 24 hours that end that evening
            first_day = last - timedelta(days=1) if last is not None else None
        elif spelled.group("first").isdigit():  # the first day's month is the last's (or the month before)
            first_day = _day_before(int(spelled.group("first")), last)
        else:
            first_day, _ = _parse_date(spelled.group("first"), state, default_date)
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
        last, _ = _parse_date(date_text, state, default_date)
        first_day = _evenings_start(evenings, last)
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
        first, second = _parse_date(found_date.group("date"), state, default_date)
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
    position: _Observer | None = None
    previous_kind: str | None = None  # the kind of the last observation: "…; it heard two more"
    if _FURTHER_LEAD.match(line, start, end):
        # "… it had logged 553 explosions in Donetsk. A further 860 were reported in neighbouring Luhansk." (patrol16b:
        # the 860 were not read): the noun left out is the last one counted in the sentence before
        previous_kind = state.last_kind
    last_times = None  # the time of the clause before: "… between 06:10 and 07:05, 31 incoming rounds …; and, 12 outgoing …"
    placing_times = None  # the time of a clause before that observed nothing (it placed the patrol)
    previous_period = False
    placed_before = False  # this sentence is timed from the one before, which only placed the patrol
    for clause_start, clause_end in _clauses(scan, start, end):
        reading = read_clause(scan, clause_start, clause_end, previous_kind=previous_kind)
        that_part = _that_part(line, clause_start, clause_end)
        if that_part is not None and state.date_written:
            reading.that_part = that_part
            reading.time_of_day = reading.time_of_day or f"that {that_part}"
        if previous_period and REGION_AND_BEFORE.search(line, max(0, clause_start - 12), clause_start):
            reading.previous_period = True  # "In the previous reporting period, it recorded 23 … in Donetsk region and none in …"
        previous_period = previous_period or reading.previous_period
        previous_kind = reading.groups[-1].kind if reading.groups else previous_kind
        if (last_times is not None and reading.context_times is None
                and ((not reading.has_verb and re.match(r"\W*and\b", line[clause_start:clause_end]))
                     or _SAME_SUBJECT_VERB.match(line, clause_start, clause_end))):
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
            after = (position_times[0], Clock(hour=23, minute=59, date_text=position_times[0].date_text))
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
            position = _resolve_position(reading.position, gazetteer, state.described)
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
        _definite(reading, state)
        records.extend(_clause_records(reading, position, state, default_date, tz, gazetteer, sentence_warnings))
    if position is not None:
        state.position = state.last_position = position
    state.camera_before = position is not None and re.search(r"\bcamera\b", line[start:end], re.IGNORECASE) is not None
    state.last_kind = previous_kind
    if placed_times is not None and not observed:
        state.position_times = placed_times
    state.first_clock_day = None
    if clock_dates and found_date is None and evenings is None:
        days = [day for day in (_parse_date(text, state, default_date)[0] for text in clock_dates) if day is not None]
        state.first_clock_day = min(days, default=None)
    if found_date is not None or evenings is not None:
        state.paragraph_date = None
    elif len(clock_dates) == 1:
        # "At 11:57 on 21 May, an SMM patrol was positioned … . At 12:05, the SMM heard …": the day of the clock times
        # after it in the paragraph (patrol14: they were put on --date's day); so too the day of an observation's own
        # clock time ("Between 20:55 and 21:00 on August 30, … heard …. At approximately 22:05 the SMM heard …"; a
        # news copy of a spot report, patrol14b)
        state.paragraph_date, _ = _parse_date(clock_dates.pop(), state, default_date)
    return records


def _family(kind: str) -> str | None:
    if kind.startswith("explosion") or kind == "airburst":
        return "explosion"
    return "shot" if kind in ("shot", "burst") else None


def _definite(reading: ClauseReading, state: _State) -> None:
    """"… but heard the explosions" after the line counted explosions: those, not more (session 15: a further record of
    unstated number); "heard the explosion of uncertain origin about 500 metres to the North" with none counted before
    and a place of its own: one (patrol14c's leftover: no count)."""
    for group in reading.groups:
        family = _family(group.kind)
        if group.definite is not None and family is not None and group.count is None:
            if family in state.counted or (not reading.has_verb and state.seen):
                group.kind, group.kinds, group.weapon, group.other_weapons = "other", ["other"], None, []
                group.bearing = group.distance_km = group.event_place = group.toward = None
                group.warnings.append(f"no observation of its own: 'the {group.definite}' are those counted before")
            elif not group.definite.endswith("s") and (group.bearing is not None or group.distance_km is not None):
                group.count = 1
                group.warnings.append(f"'the {group.definite}' with a place of its own read as one")
        elif (not reading.has_verb and family is not None and family in state.seen and group.count is None
              and group.count_qualifier is None and reading.ceasefire_violations is None
              # "A girl was injured due to an explosion near Vesele and a woman … due to shelling in Zaitseve": fire
              # placed elsewhere than the fire before is fire of its own (patrol19b's O06)
              and not (group.event_place is not None and state.event_places
                       and not {name.casefold() for name in group.event_place.names} & state.event_places)):
            # "Around noon, bullets whistled over the monitors' heads … . According to them, shots were fired from the South
            # to the North-North-East.": no verb of observing, no number: how the fire before was fired (patrol14c's
            # leftover: a second record of unstated number for the same shots)
            group.kind, group.kinds, group.weapon, group.other_weapons = "other", ["other"], None, []
            group.bearing = group.distance_km = group.event_place = group.toward = group.flight = None
            group.warnings.append("no observation of its own and no number: it speaks of the fire before")
        if (family := _family(group.kind)) is not None:
            state.seen.add(family)
            if group.event_place is not None:
                state.event_places.update(name.casefold() for name in group.event_place.names)
            if group.count:
                state.counted.add(family)


def _clause_records(
    reading: ClauseReading, position: _Observer | None,
    state: _State, default_date: Date | None, tz: tzinfo, gazetteer: Gazetteer, sentence_warnings: list[str],
) -> list[dict[str, Any]]:
    context_warnings = [f"not understood: {fragment!r}" for fragment in reading.context_leftovers]
    context_warnings += [f"reads as not observed: {phrase!r}" for phrase in reading.negated]
    groups = reading.groups
    if not groups:  # kept all the same, as a record of kind "other" that says why
        groups = [Group(start=0, end=0, kind="other", kinds=["other"], times=reading.context_times)]
        where = " after the verb" if reading.has_verb else ""
        if (reading.ceasefire_violations is None and reading.compared_with is None and reading.violations_trend is None
                and reading.violations_share is None):
            context_warnings.insert(0, f"no observation (explosion, burst, shot, flare, projectile) found{where}")
    records: list[dict[str, Any]] = []
    for group in groups:
        record = _blank_record(group.kind)
        warnings = list(sentence_warnings)
        if position is not None:
            record.update(_position_fields(position))
            warnings.extend(position.warnings)
            if position.offset is not None:
                record["extras"]["observer_offset"] = position.offset
        if reading.previous_period:  # "In the previous reporting period, it recorded …": another period, untimed
            record["extras"]["period"] = "previous"
        elif group.times is not None:
            record["time_start"], record["time_end"], time_warnings = _resolve_times(group.times, state, default_date, tz)
            warnings.extend(time_warnings)
            if (state.period_end is not None and state.date is not None and not state.date_written
                    and not any(clock.date_text for clock in group.times) and record["time_start"] is not None):
                # --period-end: a clock time after the period's end ("At 21:15" in the report of 19:30 to 19:30) is the
                # evening before
                period_end = datetime.combine(state.date, state.period_end, tzinfo=tz).timestamp()
                if record["time_start"] > period_end:
                    record["time_start"] -= 86_400.0
                    record["time_end"] = record["time_end"] - 86_400.0 if record["time_end"] is not None else None
        elif state.longer_period:
            # a tally since a day long past, after a sentence dated by the reporting period (patrol18b, C26: the tally of
            # a year was put in the two days of the sentence before): undated, as its warning says
            pass
        elif state.date_written and state.date is not None and state.unread_when is not None:
            warnings.append(f"a date or time not read ({state.unread_when!r}): the date of the sentence before not used")
        elif (state.date_written and state.date is not None and state.night_end is None and state.date_part is None
              and reading.that_part is None and (daytime := _daytime_hours(_own_part_of_day(reading, group))) is not None):
            # "On the morning of 19 July the SMM camera … recorded 27 … . In the afternoon, the same camera recorded …"
            # (patrol19b's M14: the whole day): the day of the sentence before, the part of it this one writes
            midnight = datetime(state.date.year, state.date.month, state.date.day, tzinfo=tz)
            record["time_start"] = (midnight + timedelta(hours=daytime[0])).timestamp()
            record["time_end"] = (midnight + timedelta(hours=daytime[1])).timestamp()
            record["extras"]["time_from"] = "date"
        elif state.date_written and state.date is not None:
            record["time_start"], record["time_end"] = _date_window(state, tz, reading.that_part)
            record["extras"]["time_from"] = "date"
        elif (not state.date_written and (day := state.paragraph_date or default_date) is not None
              and (daytime := _daytime_hours(_own_part_of_day(reading, group))) is not None):
            # "… heard a total of 35 explosions … in the morning" with no date written: the morning of --date, as a clock
            # time with no date is (patrol18b, C04: untimed); an evening or a night may be the one before the report's day
            # (its reporting period began the evening before), and two parts in one clause are not split: both untimed
            midnight = datetime(day.year, day.month, day.day, tzinfo=tz)
            record["time_start"] = (midnight + timedelta(hours=daytime[0])).timestamp()
            record["time_end"] = (midnight + timedelta(hours=daytime[1])).timestamp()
            record["extras"]["time_from"] = "date"
        elif state.period_end is not None and state.date is not None:  # --period-end: the reporting period ending on --date
            end = datetime.combine(state.date, state.period_end, tzinfo=tz)
            record["time_start"], record["time_end"] = (end - timedelta(days=1)).timestamp(), end.timestamp()
            record["extras"]["time_from"] = "period"
        if (group.bearing is not None and group.distance_km is not None and not group.places
                and any(warning.startswith("a second distance was not used") for warning in group.warnings)
                and any(warning.startswith("a second direction was not used") for warning in group.warnings)):
            # "69 outgoing tank shots, originating from 600 metres south-east and 800 metres north of its position": one
            # count from several points, none of them its own (patrol16b: the last was kept as if it were all)
            warnings.append("several distances and directions for one count: none kept")
            group.bearing = group.distance_km = None
        if group.bearing is not None:
            first, _, last = group.bearing.partition("..")
            record["bearing_min_deg"] = ph.point_sector_deg(first)[0]
            record["bearing_max_deg"] = ph.point_sector_deg(last or first)[1]
            record["extras"]["bearing"] = group.bearing
        if group.distance_km is not None:
            record["distance_min_km"], record["distance_max_km"] = group.distance_km
        if group.event_place is not None:
            _locate_event(record, group.event_place, gazetteer, warnings, state.described)
        if group.toward is not None:
            _bearing_toward(record, group.toward, gazetteer, warnings)
        region = group.region or reading.region
        if region is None and state.region is not None:
            region = _carried_region(state.region, record, gazetteer, warnings)
        # what else the sentence said, each under its key when it said it (the qualifier only with a tally)
        said = {"event_side": group.event_side, "fired_from": group.fired_from,
                "region": region,
                "ceasefire_violations": reading.ceasefire_violations,
                "ceasefire_violations_qualifier": (reading.violations_qualifier
                                                   if reading.ceasefire_violations is not None else None),
                "compared_with": reading.compared_with, "ceasefire_violations_trend": reading.violations_trend,
                "sighting": group.sighting, "time_of_day": reading.time_of_day or (state.date_part if record["extras"].get("time_from") == "date"
                                                        else None),
                "time_relative": group.relative_time or reading.relative_time,
                "fire": group.fire, "salvos": group.salvos, "disengagement_area": group.disengagement_area,
                "violations_share": reading.violations_share, "violations_areas": reading.violations_areas or None,
                "security_zone": group.security_zone, "live_fire": group.live_fire or None,
                "not_violation": group.not_violation or None, "violation_of": group.violation_of,
                "duration": group.duration, "altitude": group.altitude, "episodes": group.episodes}
        record["extras"].update({key: value for key, value in said.items() if value is not None})
        record["extras"].update(group.details)
        if group.part_of is not None:  # "700 explosions assessed as 680 outgoing … and 20 …"
            record["extras"]["breakdown_of"] = group.part_of
        record["weapon"] = group.weapon
        record["flight_direction"] = group.flight
        # "heard no explosions": a statement that nothing was observed (count 0), not an event of unstated number
        record["count"] = 0 if not reading.groups and reading.negated else group.count
        extras = record["extras"]
        for key, value in (
            ("count_min", group.count_min), ("count_qualifier", group.count_qualifier), ("calibre_mm", group.calibre_mm),
            ("distance_qualifier", group.distance_qualifier),
        ):
            if value is not None:
                extras[key] = value
        if group.other_weapons:
            extras["other_weapons"] = list(group.other_weapons)
        if len(group.kinds) > 1:
            extras["combined_kinds"] = list(group.kinds)
        warnings.extend(group.warnings)
        warnings.extend(context_warnings)
        record["warnings"] = tuple(dict.fromkeys(warnings))
        if group.breakdown:
            part_extras = {key: value for key, value in extras.items() if key not in ("count_qualifier", "count_min")}
            if group.count_qualifier is not None:  # "about ten explosions, two assessed as …": the whole was estimated
                part_extras["breakdown_of_qualifier"] = group.count_qualifier
            for index, (kind, number) in enumerate(group.breakdown):
                part = dict(record, kind=kind, count=number, extras=dict(part_extras) if group.breakdown_summed
                            else dict(part_extras, breakdown_of=group.count))
                if index in group.breakdown_qualifiers:  # "of which about 50 were assessed as outgoing"
                    part["extras"]["count_qualifier"] = group.breakdown_qualifiers[index]
                if index in group.breakdown_weapons:  # "…, including 30 assessed as anti-aircraft cannon rounds"
                    part["weapon"] = group.breakdown_weapons[index]
                    others = [weapon for weapon in (group.weapon, *group.other_weapons)
                              if weapon is not None and weapon != part["weapon"]]
                    if group.breakdown_calibres:  # each part named its own weapon: the others are the other parts'
                        part["extras"].pop("other_weapons", None)
                    elif others:
                        part["extras"]["other_weapons"] = others
                if index in group.breakdown_places:  # "…: 11 assessed as outgoing artillery rounds 2-4km north-west, …"
                    (near_km, far_km), point = group.breakdown_places[index]
                    sector = ph.point_sector_deg(point)
                    part.update(bearing_min_deg=sector[0], bearing_max_deg=sector[1], distance_min_km=near_km,
                                distance_max_km=far_km)
                    part["extras"]["bearing"] = point
                if index in group.breakdown_calibres:  # "… one as an 82mm mortar round impact and 19 as AGL round impacts"
                    calibre = group.breakdown_calibres[index]
                    if calibre is None:
                        part["extras"].pop("calibre_mm", None)
                    else:
                        part["extras"]["calibre_mm"] = calibre
                records.append(part)
        elif group.places:
            records.extend(_place_records(record, group))
        elif group.flight_breakdown:  # "130 projectiles in flight (including 17 from west to east and 20 …)"
            part_extras = {key: value for key, value in extras.items() if key not in ("count_qualifier", "count_min")}
            for number, flight in group.flight_breakdown:
                records.append(dict(record, count=number, flight_direction=flight, extras=dict(part_extras, breakdown_of=group.count)))
            rest = (group.count or 0) - sum(number for number, _ in group.flight_breakdown)
            if rest > 0:
                records.append(dict(record, count=rest, flight_direction=None, extras=dict(part_extras, breakdown_of=group.count)))
        else:
            records.append(record)
    return records


def _carried_region(region: str, record: dict[str, Any], gazetteer: Gazetteer, warnings: list[str]) -> str | None:
    """The region of a sentence before ("In the Luhansk region, …. In particular, … in Pavlopil, observers heard …"),
    unless the record's own place lies in another (patrol18: a news copy's Pavlopil, Donetsk region, was given Luhansk)."""
    for name in (record["extras"].get("event_place"), record.get("observer_place")):
        found = gazetteer.lookup(name) if name else None
        if found is not None and found.how == "exact" and found.place.oblast and fold_name(found.place.oblast) != fold_name(region):
            warnings.append(f"the region of the sentences before ({region}) is not that of {found.place.name} "
                            f"({found.place.oblast}): not used")
            return None
    return region


#: "near X": the event lies within this distance beyond the place's own extent.
NEAR_KM = 3.0
#: "2km south of X" (one distance, no range): read as 2 km +- a quarter (at least +- 0.5 km).
SINGLE_DISTANCE_SPREAD = 0.25
#: Half the width of a compass sector ("3-5km south of Popasna": south = 168.75..191.25).
SECTOR_HALF_WIDTH_DEG = 11.25
_GEOD = Geod(ellps="WGS84")


def sector_radius_km(near_km: float, far_km: float, half_width_deg: float = SECTOR_HALF_WIDTH_DEG) -> float:
    """The radius about the point at the middle of the range, on the central bearing, that holds the whole
    annular sector near_km..far_km, +-half_width_deg (flat geometry: the ranges are a few kilometres)."""
    middle = 0.5 * (near_km + far_km)
    cosine = math.cos(math.radians(half_width_deg))
    corners = (math.sqrt(max(0.0, r * r + middle * middle - 2.0 * r * middle * cosine)) for r in (near_km, far_km))
    return max(*corners, 0.5 * (far_km - near_km))


def _locate_event(record: dict[str, Any], place: EventPlace, gazetteer: Gazetteer, warnings: list[str],
                  described: dict[str, _Described]) -> None:
    """lat/lon and ``location_uncertainty_km`` of an event the text places at, near or off a named place.

    The uncertainty is a radius that holds the true location: the place's extent plus the gazetteer's
    position error (``in``), plus ``NEAR_KM`` (``near``), or the compass sector of the stated range
    from the place (one distance: +- ``SINGLE_DISTANCE_SPREAD`` of it), plus the place's extent and position error (``offset``: "3km south of X" may be
    measured from X's edge or its centre). Several places ("near Zolote and Popasna"): their centroid,
    with a radius that reaches every one of them.
    """
    found = []
    described_error = 0.0  # how far a place taken from its description may lie from where it is put
    for name in place.names:
        match = next(filter(None, (gazetteer.lookup(part) for part in name.split("/") if part)), None)
        if match is None and place.described is not None and (anchor := gazetteer.lookup(place.described[2])) is not None:
            # "Pyshchevyk (…, 25km north-east of Mariupol)": the place where its description puts it
            distance_km, point, _, text = place.described
            lat, lon = offset_position(anchor.place.lat, anchor.place.lon, ph.point_bearing_deg(point), distance_km)
            described_error = _description_error(anchor.place, distance_km)
            found.append(Place(name=name, oblast="", lat=round(lat, 5), lon=round(lon, 5)))
            described[fold_name(name)] = _Described(place=found[-1], text=text, error_km=described_error)
            warnings.append(f"place {name!r} is not in the gazetteer: its position taken from {text!r}")
            continue
        if match is None and (earlier := described.get(fold_name(name))) is not None:
            # "Pyshchevyk" again, described earlier in the text: where that description put it
            described_error = max(described_error, earlier.error_km)
            found.append(earlier.place)
            warnings.append(f"place {name!r} is not in the gazetteer: its position taken from its description "
                            f"earlier in the text ({earlier.text!r})")
            continue
        if match is None:
            warnings.append(f"place {name!r} is not in the gazetteer: event location left empty")
            continue
        if match.how != "exact":
            warnings.append(f"place {name!r} read as {match.place.name!r} (similar spelling)")
        if place.described is not None and (other := _described_instead(match.place, place.described, gazetteer, name)):
            described_error = max(described_error, other[1])  # not the gazetteer's place of that name
            described[fold_name(name)] = _Described(place=other[0], text=place.described[3], error_km=other[1])
            found.append(other[0])
            warnings.append(other[2])
            continue
        found.append(match.place)
    names = [known.name for known in found] if len(found) == len(place.names) else list(place.names)
    record["extras"]["event_place"] = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    record["extras"]["event_relation"] = place.relation
    if len(found) != len(place.names):
        return  # one unknown place of several: a centroid of the others would be a guess
    if place.relation == "offset":
        base = found[0]
        lat, lon = offset_position(base.lat, base.lon, ph.point_bearing_deg(place.point), 0.5 * (place.near_km + place.far_km))
        near, far = place.near_km, place.far_km
        if near == far:  # "2km south of X": an estimate, good to a quarter of itself (at least 0.5 km) either way
            spread = max(SINGLE_DISTANCE_SPREAD * far, 0.5)
            near, far = max(0.0, far - spread), far + spread
        radius = sector_radius_km(near, far) + base.radius_km() + (described_error or POSITION_ERROR_KM)
    else:
        lat = sum(known.lat for known in found) / len(found)
        lon = sum(known.lon for known in found) / len(found)
        reach = max(_GEOD.inv(lon, lat, known.lon, known.lat)[2] / 1000.0 + known.radius_km() for known in found)
        radius = reach + (described_error or POSITION_ERROR_KM) + (NEAR_KM if place.relation == "near" else 0.0)
    record["lat"], record["lon"] = round(lat, 5), round(lon, 5)
    record["location_uncertainty_km"] = round(radius, 2)


def _bearing_toward(record: dict[str, Any], name: str, gazetteer: Gazetteer, warnings: list[str]) -> None:
    """"in the direction of Pyshchevyk": the sector (+-11.25 degrees) from the observer towards the place."""
    record["extras"]["toward_place"] = name
    match = gazetteer.lookup(name)
    if match is None:
        warnings.append(f"place {name!r} is not in the gazetteer: the direction towards it is left empty")
        return
    record["extras"]["toward_place"] = match.place.name
    if match.how != "exact":
        warnings.append(f"place {name!r} read as {match.place.name!r} (similar spelling)")
    if record.get("observer_lat") is None or record.get("observer_lon") is None:
        warnings.append(f"direction towards {match.place.name!r} not turned into a bearing: the observer position is unknown")
        return
    if record.get("bearing_min_deg") is not None:
        warnings.append(f"direction towards {match.place.name!r} not used: a direction is written as well")
        return
    azimuth = _GEOD.inv(record["observer_lon"], record["observer_lat"], match.place.lon, match.place.lat)[0] % 360.0
    record["bearing_min_deg"] = round((azimuth - SECTOR_HALF_WIDTH_DEG) % 360.0, 2)
    record["bearing_max_deg"] = round((azimuth + SECTOR_HALF_WIDTH_DEG) % 360.0, 2)


def _place_records(record: dict[str, Any], group: Group) -> list[dict[str, Any]]:
    """One record per part of a count split by place, and one for the rest (if the parts add up to less)."""
    extras = dict(record["extras"], breakdown_of=group.count)
    extras.pop("count_min", None)
    extras.pop("count_qualifier", None)
    records = []
    for place in group.places:
        part = dict(record, count=place.count, distance_min_km=place.distance_km[0], distance_max_km=place.distance_km[1],
                    extras=dict(extras, bearing=place.bearing))
        part["bearing_min_deg"], part["bearing_max_deg"] = ph.point_sector_deg(place.bearing)
        if place.distance_qualifier is not None:
            part["extras"]["distance_qualifier"] = place.distance_qualifier
        else:
            part["extras"].pop("distance_qualifier", None)
        records.append(part)
    rest = group.count - sum(place.count for place in group.places) if group.count is not None else 0
    if rest > 0:
        records.append(dict(record, count=rest, extras=extras))
    return records


def _blank_record(kind: str) -> dict[str, Any]:
    return {"kind": kind, "extras": {}}


def _position_fields(position: _Observer) -> dict[str, Any]:
    return {"observer_lat": position.lat, "observer_lon": position.lon, "observer_place": position.place}


def _resolve_position(position: PositionText, gazetteer: Gazetteer, described: dict[str, _Described]) -> _Observer:
    """Observer (lat, lon, place, warnings) from what was written.

    "N km DIR of PLACE" moves from the place; a place followed by its description
    ("Kalynove (non-government-controlled, 60km west of Luhansk)") is taken by name when the
    gazetteer knows that name exactly, and from the description otherwise.
    """
    if position.how == "coordinates":
        return _Observer(lat=position.lat, lon=position.lon)
    if position.how == "several":  # "from several positions in both X and Y": no one position
        return _Observer(place=" and ".join(position.places), warnings=(
            f"observed from several places at once ({' and '.join(position.places)}): observer position left empty",))
    if position.how == "between":  # "on the road between Vesela Hora and Shchastia"
        ends = [gazetteer.lookup(name) for name in position.places]
        unknown_names = [name for name, end in zip(position.places, ends) if end is None]
        if unknown_names:
            return _Observer(place=" and ".join(position.places), warnings=tuple(
                f"place {name!r} is not in the gazetteer: observer position left empty" for name in unknown_names))
        first, second = (end.place for end in ends if end is not None)
        return _Observer(lat=round((first.lat + second.lat) / 2, 5), lon=round((first.lon + second.lon) / 2, 5),
                         place=f"{first.name} and {second.name}", warnings=tuple(
                             f"place {name!r} read as {end.place.name!r} (similar spelling)"
                             for name, end in zip(position.places, ends) if end is not None and end.how != "exact"))
    if position.how == "offset" and position.describes_place:
        base = gazetteer.lookup(position.places[0])
        for name in position.places[1:]:
            match = gazetteer.lookup(name)
            if match is not None and match.how == "exact" and (base is None or match.place != base.place):
                if position.point is not None and position.distance_km is not None and (other := _described_instead(
                        match.place, (position.distance_km, position.point, position.places[0], position.text), gazetteer,
                        name)) is not None:
                    described[fold_name(name)] = _Described(place=other[0], text=position.text, error_km=other[1])
                    return _Observer(lat=other[0].lat, lon=other[0].lon, place=name, warnings=(other[2],))
                return _Observer(lat=match.place.lat, lon=match.place.lon, place=match.place.name)
    warnings: list[str] = []
    for name in position.places:
        match = gazetteer.lookup(name)
        if match is None:
            continue
        if match.how != "exact":
            warnings.append(f"place {name!r} read as {match.place.name!r} (similar spelling)")
        lat, lon, place = match.place.lat, match.place.lon, match.place.name
        if (position.how == "offset" and name == position.places[0] and position.base_described is not None
                and (other := _described_instead(match.place, position.base_described, gazetteer, name)) is not None):
            # "500m east of Pervomaiske (…, 60km south-east of Donetsk)": not the gazetteer's Pervomaiske
            described[fold_name(name)] = _Described(place=other[0], text=position.base_described[3], error_km=other[1])
            lat, lon, place = other[0].lat, other[0].lon, name
            warnings.append(other[2])
        if position.how == "offset" and name == position.places[0] and position.point and position.distance_km is not None:
            lat, lon = offset_position(lat, lon, ph.point_bearing_deg(position.point), position.distance_km)
            lat, lon = round(lat, 5), round(lon, 5)
            if position.describes_place and len(position.places) > 1:
                written = position.places[1]
                # "Donetsk central railway station (…, 6km north-west of Donetsk city centre)": a site of the
                # place it is described from, whose position the description gives
                if gazetteer.lookup(written) is None:
                    warnings = [f"place {written!r} is not in the gazetteer: position taken from {position.text!r}"]
                    described[fold_name(written)] = _Described(
                        place=Place(name=written, oblast="", lat=lat, lon=lon), text=position.text,
                        error_km=_description_error(match.place, position.distance_km))
                place = written
            else:
                return _Observer(lat=lat, lon=lon, place=place, offset=f"{position.distance_km:g} km {position.point}",
                                 warnings=tuple(warnings))
        return _Observer(lat=lat, lon=lon, place=place, warnings=tuple(warnings))
    if position.how == "offset" and position.base_described is not None and position.point and position.distance_km is not None:
        # "1km south of Kalynove (…, 60km west of Luhansk)" with Kalynove unknown: Kalynove from its description
        distance_km, point, name, text = position.base_described
        anchor = gazetteer.lookup(name)
        if anchor is not None:
            lat, lon = offset_position(anchor.place.lat, anchor.place.lon, ph.point_bearing_deg(point), distance_km)
            named = position.places[0]
            described[fold_name(named)] = _Described(place=Place(name=named, oblast="", lat=round(lat, 5), lon=round(lon, 5)),
                                                     text=text, error_km=_description_error(anchor.place, distance_km))
            lat, lon = offset_position(lat, lon, ph.point_bearing_deg(position.point), position.distance_km)
            return _Observer(lat=round(lat, 5), lon=round(lon, 5), place=named,
                             offset=f"{position.distance_km:g} km {position.point}",
                             warnings=(f"place {named!r} is not in the gazetteer: its position taken from {text!r}",))
    for name in position.places:  # "Kalynove" again, described earlier in the text: where that description put it
        earlier = described.get(fold_name(name))
        if earlier is None:
            continue
        lat, lon = earlier.place.lat, earlier.place.lon
        note = (f"place {name!r} is not in the gazetteer: position taken from its description earlier in the text "
                f"({earlier.text!r})",)
        if position.how == "offset" and name == position.places[0] and position.point and position.distance_km is not None:
            lat, lon = offset_position(lat, lon, ph.point_bearing_deg(position.point), position.distance_km)
            return _Observer(lat=round(lat, 5), lon=round(lon, 5), place=name,
                             offset=f"{position.distance_km:g} km {position.point}", warnings=note)
        return _Observer(lat=lat, lon=lon, place=name, warnings=note)
    unknown = position.places[0] if position.places else position.text
    if position.describes_place and len(position.places) > 1:
        unknown = position.places[1]
    return _Observer(place=unknown, warnings=(f"place {unknown!r} is not in the gazetteer: observer position left empty",))


def _parse_date(text: str, state: _State, default_date: Date | None) -> tuple[Date | None, Date | None]:
    """A written date (and the second day of "2-3 March"), taking the year from context if unwritten."""
    match = re.fullmatch(ph.DATE, text.strip(), re.IGNORECASE)
    if match is None:
        return None, None
    if match["iso"]:
        try:
            return Date.fromisoformat(match["iso"]), None
        except ValueError:
            return None, None
    if match["month"]:
        month, day, year_text = ph.MONTHS[match["month"].lower().rstrip(".")], int(match["day"]), match["year"]
    else:
        month, day, year_text = ph.MONTHS[match["month_first"].lower().rstrip(".")], int(match["day_after"]), match["year_after"]
    context = state.date or default_date
    year = int(year_text) if year_text else (context.year if context else None)
    if year is None:
        return None, None
    try:
        first = Date(year, month, day)
        two = match["day2"] if match["month"] else match["day2_after"]
        second = Date(year, month, int(two)) if two else None
    except ValueError:
        return None, None
    return first, second


def _read_day_span(scan: Scan, start: int, end: int, state: _State, default_date: Date | None) -> bool:
    """"Between 4 and 17 May": the sentence's days, whole (``_State.span_end``), claimed; False when none is written."""
    match = next(scan.find(_DAY_SPAN, start, end), None)
    if match is None:
        return False
    last, _ = _parse_date(match["last"], state, default_date)
    first_text = match["first"]
    if first_text.isdigit():  # "Between 4 and 17 May": the first day's month is the last's (or the month before)
        first = _day_before(int(first_text), last)
    else:
        year = f" {last.year}" if last is not None and not re.search(r"\d{4}", first_text) else ""
        first, _ = _parse_date(first_text + year, state, default_date)
        if first is not None and last is not None and first > last:
            first = first.replace(year=first.year - 1)
    if first is None or last is None or not first < last:
        return False
    state.date, state.night_end, state.evenings, state.date_written = first, None, False, True
    state.span_end, state.date_part = last, None
    scan.claim(start + match.start(), start + match.end())
    return True


def _day_before(day: int, last: Date | None) -> Date | None:
    """The day numbered ``day`` on or before ``last``, in its month or the month before."""
    if last is None:
        return None
    month, year = last.month, last.year
    if day > last.day:
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _evenings_start(match: re.Match[str], last: Date | None) -> Date | None:
    """The first day of "between the evenings of 30 June and 1 July" (its month, if unwritten, that of the last
    day, or the month before when the day number is larger)."""
    if last is None:
        return None
    day = int(match["first"])
    if not (match["first_month"] or match["month_before"]):
        return _day_before(day, last)
    month = ph.MONTHS[(match["first_month"] or match["month_before"]).lower().rstrip(".")]  # "30 June and 1 July"
    year = last.year - 1 if month > last.month else last.year
    try:
        return Date(year, month, day)
    except ValueError:
        return None


#: The hours (local, from .. to) a part of the day written with its date can only mean: "On the evening of 15 August, the
#: SMM camera … recorded …" is 15 August 15:00-24:00 (patrol17: the whole day). Generous on purpose: a narrower window
#: that missed the fire would be wrong, a wider one is only less precise.
PART_OF_DAY_HOURS: dict[str, tuple[int, int]] = {
    "early morning": (0, 10), "morning": (4, 12), "late morning": (8, 12),
    "early afternoon": (12, 16), "afternoon": (12, 18), "late afternoon": (14, 19),
    "early evening": (15, 21), "evening": (15, 24), "late evening": (18, 24),
}


def _own_part_of_day(reading: ClauseReading, group: Group) -> str | None:
    """The part of the day of one observation: the clause's one, or, where two are written ("Over a three hour period in
    the morning, the SMM heard nine explosions …, and in the afternoon four explosions"; patrol18b's C06: both untimed),
    the last one written before the observation's noun."""
    return reading.time_of_day if len(reading.parts_of_day_at) < 2 else group.part_of_day


def _daytime_hours(time_of_day: str | None) -> tuple[int, int] | None:
    """The hours of one part of the day that ends before the evening ("in the morning", "in the afternoon"), else None."""
    if time_of_day is None or "," in time_of_day:
        return None
    part = re.sub(r"^(?:in|during|on)\s+(?:the\s+)?", "", time_of_day.strip().lower())
    hours = PART_OF_DAY_HOURS.get(part)
    return hours if hours is not None and hours[1] <= 19 else None


def _part_of_day_hours(part: str | None) -> tuple[int, int] | None:
    """"evening" -> (15, 24); "morning and afternoon" -> (4, 18); a night or an unknown part -> None (the whole day)."""
    if part is None:
        return None
    hours = [PART_OF_DAY_HOURS.get(re.sub(r"\s+hours$", "", piece.strip()))
             for piece in re.split(r"\s+and\s+(?:the\s+)?", part.lower())]
    if not hours or any(span is None for span in hours):
        return None
    return min(span[0] for span in hours if span), max(span[1] for span in hours if span)


#: A part of the day the sentence has dated, written later in it: "… on the early morning of 20 August, and recorded 55
#: undetermined explosions … on that night" (patrol17: the second count was given the early morning).
_THAT_PART = re.compile(r"(?P<lead>\b(?:on|during|in|over|later|earlier)\s+)?\b(?:that|the\s+same)\s+"
                        r"(?P<part>night|evening|morning|afternoon)\b", re.IGNORECASE)


def _that_part(line: str, start: int, end: int) -> str | None:
    """"on that night", "Later that evening", "That night, …" (not "said that night shelling …"): the part of the day."""
    for match in _THAT_PART.finditer(line, start, end):
        before = line[start:match.start()].rstrip()
        if match["lead"] or not before.strip(" \"\u201c\x1f") or before.endswith(","):
            return match["part"].lower()
    return None


def _date_window(state: _State, tz: tzinfo, that_part: str | None = None) -> tuple[float, float]:
    """The window of an observation dated but not timed: the whole day ("On 3 March"), the part of it written with the
    date ("On the afternoon of 3 March": 12:00-18:00, ``PART_OF_DAY_HOURS``), or noon to noon for a night ("On the night
    of 2-3 March", "the evening and night of 2-3 March"); ``that_part`` is a part of that day written later ("that
    night"), which the clause's observation is in instead."""
    assert state.date is not None
    day = datetime(state.date.year, state.date.month, state.date.day, tzinfo=tz)
    if state.span_end is not None:  # "Between 4 and 17 May": the whole days
        end = datetime(state.span_end.year, state.span_end.month, state.span_end.day, tzinfo=tz) + timedelta(days=1)
        return day.timestamp(), end.timestamp()
    if that_part == "night" and state.night_end is None:
        return (day + timedelta(hours=12)).timestamp(), (day + timedelta(hours=36)).timestamp()
    hours = _part_of_day_hours(that_part or state.date_part) if state.night_end is None else None
    if hours is not None:
        return (day + timedelta(hours=hours[0])).timestamp(), (day + timedelta(hours=hours[1])).timestamp()
    if state.night_end is not None and state.evenings:  # "between the evenings of 2 and 3 June"
        end = datetime(state.night_end.year, state.night_end.month, state.night_end.day, EVENING_END_HOUR, tzinfo=tz)
        return (day + timedelta(hours=EVENING_START_HOUR)).timestamp(), end.timestamp()
    if state.night_end is not None:
        end = datetime(state.night_end.year, state.night_end.month, state.night_end.day, 12, tzinfo=tz)
        # "During the evening and night of 13-14 August": from the evening (15:00, ``PART_OF_DAY_HOURS``), not noon
        # (patrol19's J07, K02 and patrol19b's batch M: noon to noon, wider than written)
        # ("During the same evening and night, the SMM camera …": that evening)
        evening = that_part == "evening" or (state.date_part is not None
                                             and re.match(r"(?:early\s+|late\s+)?evening\b", state.date_part) is not None)
        return (day + timedelta(hours=PART_OF_DAY_HOURS["evening"][0] if evening else 12)).timestamp(), end.timestamp()
    return day.timestamp(), (day + timedelta(days=1)).timestamp()


def _resolve_times(
    times: tuple[Clock, Clock], state: _State, default_date: Date | None, tz: tzinfo,
) -> tuple[float | None, float | None, list[str]]:
    first, second = times
    dated_by_end = bool(second.date_text) and not first.date_text
    if dated_by_end:  # "between 02:30 and 03:12 on 5 March": the start is on the 5th too (or the 4th, if later)
        first = Clock(first.hour, first.minute, second.date_text)
    moments: list[datetime | None] = []
    warnings: list[str] = []
    for clock in (first, second):
        day: Date | None
        if clock.date_text:
            day, _ = _parse_date(clock.date_text, state, default_date)
        elif state.night_end is not None and clock.hour < (EVENING_START_HOUR if state.evenings else 12):
            day = state.night_end
        else:
            day = state.paragraph_date or state.date or default_date
        if day is None:
            warnings.append(f"time {clock.hour:02d}:{clock.minute:02d} has no date: pass --date")
            moments.append(None)
        else:
            moments.append(datetime(day.year, day.month, day.day, clock.hour, clock.minute, tzinfo=tz))
    start, end = moments
    if start is not None and end is not None and end < start and dated_by_end:
        start -= timedelta(days=1)
    if start is not None and end is not None and end < start and not second.date_text:
        end += timedelta(days=1)
    if start is not None and end is not None and end < start:
        warnings.append("the time window ends before it starts: read the other way round")
        start, end = end, start
    return (
        None if start is None else start.timestamp(),
        None if end is None else end.timestamp(),
        list(dict.fromkeys(warnings)),
    )
