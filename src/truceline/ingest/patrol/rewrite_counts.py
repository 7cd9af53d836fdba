"""Rewrites of counts written where the reader does not look for them (patrol28's batch AH).

"the impacts of four mortar rounds" (the count after "impacts of"), "…, of which the IDF intercepted four" (the part
brought down written after its verb), "… with 120mm mortars, firing 22 rounds" (the weapon written before the rounds'
count), "three undetermined explosions 4km west (one at 10:10 and two at 10:25)" (a count broken down by time in
brackets) and "shortly after midnight" (a time written in words) are written as the wordings the reader knows. The line
may grow (``rewrite._sub_growing`` keeps the offsets of the record texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from truceline.ingest import phrases as ph

_COUNT = r"(?:\d+|(?i:" + ph.NUMBER_WORD + r"))"
#: "the impacts of four mortar rounds", "the impact of a 120mm mortar round" (patrol28's AH17: the count not read, an
#: impact of no number): "four impacts of mortar rounds", the count before its noun. Only after "the" ("an impact of an
#: 82mm mortar round" is counted already), not after "assessed as" ("39 explosions assessed as the impacts of 120 mm mortar
#: rounds": a kind, and a calibre), nor before a calibre.
_IMPACTS_OF = re.compile(r"(?<!\bas\s)(?<!\bwith\s)\bthe\s+(?P<noun>impacts?)\s+of\s+(?P<n>" + _COUNT + r"|an?)\s+"
                         r"(?!mm\b|-mm\b|millimet)(?=(?:[\w-]+\s+){0,2}?"
                         r"(?:rounds?|shells?|rockets?|missiles?|bombs?|projectiles?|grenades?|mines?)\b)", re.IGNORECASE)
#: The part brought down after its verb and its subject: "11 rockets fired …, of which the IDF intercepted four" (patrol28's
#: AH18: the four not read) is "…, four rockets intercepted", as "…, four of which were intercepted" is written.
_OF_WHICH_SUBJECT_INTERCEPTED = re.compile(
    r"(?P<lead>\b(?P<noun>rockets|missiles|projectiles|drones|UAVs)\b[^.;:()]{0,80}?),\s*of\s+(?:which|them)\s+"
    r"(?:(?:the\s+)?(?:[\w'-]+\s+){1,3}?)(?P<verb>intercepted|shot\s+down|downed)\s+(?P<n>" + _COUNT + r")\b", re.IGNORECASE)
#: The weapon written before the rounds' count: "shelled Ukrainian positions with 120mm mortars, firing 22 rounds" (patrol28's
#: AH26: rounds of no weapon) is "…, firing 22 120mm mortar rounds".
_WEAPON_THEN_ROUNDS = re.compile(
    r"\bwith\s+(?P<weapon>(?:\d{2,3}\s?-?\s?mm\s+)?(?:mortars?|artillery|howitzers?|tanks?|grenade[- ]launchers?))\s*,\s*"
    r"(?P<verb>firing|launching)\s+(?P<n>(?:(?:about|some|over|more\s+than|at\s+least)\s+)?" + _COUNT + r")\s+"
    r"(?P<noun>rounds|shells|mines)\b", re.IGNORECASE)
#: A count broken down by time in brackets after its noun and its place: "three undetermined explosions 4km west (one at
#: 10:10 and two at 10:25)" (patrol28's AH12: three from 10:10 to 10:25, "one and two" not read) is "one undetermined
#: explosions 4km west at 10:10 and two undetermined explosions 4km west at 10:25" (each part its own observation; only
#: when the parts add up to the whole).
_PART_AT = r"(?:" + _COUNT + r")\s+(?:at|around|about)\s+\d{1,2}:\d{2}(?:\s*hrs)?"
_BY_TIME = re.compile(
    r"\b(?P<total>" + _COUNT + r")\s+(?P<noun>(?:[\w-]+\s+){0,3}?(?:explosions|bursts|shots|projectiles|rounds|flares))"
    r"(?P<tail>(?:\s+(?![^()]*\d:\d)[^():;.]{0,60}?)?)\s*\(\s*(?P<parts>" + _PART_AT + r"(?:\s*,\s*(?:and\s+)?" + _PART_AT
    + r"|\s+and\s+" + _PART_AT + r")+)\s*\)", re.IGNORECASE)
_ONE_PART = re.compile(r"(?P<n>" + _COUNT + r")\s+(?P<at>(?:at|around|about)\s+\d{1,2}:\d{2}(?:\s*hrs)?)", re.IGNORECASE)
#: The count of the fire just named, after "with" and before its participle: "heavy artillery fire continued from 11 p.m. to
#: 2 a.m., with at least 30 explosions heard" (patrol28's AH10: "heard" read as the verb, nothing after it): the participle
#: is blanked (same length); ``shared.count_with_fire`` gives the count the fire's time and weapon.
_WITH_COUNT_HEARD = re.compile(r"(?P<lead>,\s*with\s+(?:(?:about|some|over|more\s+than|at\s+least|around)\s+)?" + _COUNT
                               + r"\s+(?:[\w-]+\s+){0,2}?(?:explosions|blasts|shots|bursts|rounds|shells))\s+"
                               r"(?P<verb>heard|recorded|reported|registered)\b", re.IGNORECASE)
#: A time written in words near midnight: "Shortly after midnight on 3 April" (patrol28's AH11: read as a longer period
#: from 3 April, undated) is the first hour of the day; "shortly before midnight" the last.
_NEAR_MIDNIGHT = re.compile(r"\b(?P<how>shortly|just|soon)\s+(?P<side>after|before)\s+midnight\b", re.IGNORECASE)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else ph.parse_number(text)


def _by_time(match: re.Match[str]) -> str:
    parts = list(_ONE_PART.finditer(match["parts"]))
    counts = [_number(part["n"]) for part in parts]
    if any(count is None for count in counts) or sum(count or 0 for count in counts) != _number(match["total"]):
        return match.group(0)
    tail = match["tail"].rstrip()
    return " and ".join(f"{part['n']} {match['noun']}{tail} {part['at']}" for part in parts)


def _weapon_then_rounds(match: re.Match[str]) -> str:
    weapon = re.sub(r"(mortar|howitzer|tank|launcher)s$", r"\1", match["weapon"], flags=re.IGNORECASE)
    return f"with {match['weapon']}, {match['verb']} {match['n']} {weapon} {match['noun']}"


def rewrite_counts(line: str, sub_growing: Callable[..., tuple[str, list[tuple[int, int]]]],
                   widened: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The line with these counts written where the reader reads them (``sub_growing`` is ``rewrite._sub_growing``)."""
    line, widened = sub_growing(_IMPACTS_OF, lambda impacts: f"{impacts['n']} {impacts['noun'].lower()} of ", line, widened)
    line, widened = sub_growing(_OF_WHICH_SUBJECT_INTERCEPTED, lambda part: f"{part['lead']}, {part['n']} {part['noun']} "
                                f"{part['verb']}", line, widened)
    line, widened = sub_growing(_WEAPON_THEN_ROUNDS, _weapon_then_rounds, line, widened)
    line = _WITH_COUNT_HEARD.sub(lambda heard: heard["lead"] + " " * (len(heard.group(0)) - len(heard["lead"])), line)
    if "(" in line:
        line, widened = sub_growing(_BY_TIME, _by_time, line, widened)
    return sub_growing(_NEAR_MIDNIGHT, lambda near: "between 00:00 and 01:00" if near["side"].lower() == "after"
                       else "between 23:00 and 23:59", line, widened)
