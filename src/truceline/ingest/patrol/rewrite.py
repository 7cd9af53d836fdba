"""Rewrites of a line before it is read: wordings the clause reader knows written as the ones it reads.

Each keeps the line's length where it can ("small-arms-fire" -> "small-arms fire", "at 1830 hours" -> "at 18:30 hrs ",
"[1]" footnotes blanked), so that a record's text is still cut from the raw line; a 12-hour clock ("7 pm" -> "19:00")
widens it, and ``raw_offset`` maps an offset back. ``rewrite_line`` applies them all, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import PLACE
from truceline.ingest.patrol.rewrite_party import rewrite_party
from truceline.ingest.patrol.rewrite_counts import rewrite_counts
from truceline.ingest.patrol.rewrite_lists import rewrite_lists
from truceline.ingest.patrol.rewrite_same import rewrite_same

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
#: Also "at 1410 hrs" (UNMOGIP's field stations; patrol27's AF11: a count of 1410): "14:10hrs" (same length).
_HOURS_CLOCK = re.compile(r"(?:(?<=\bat\s)|(?<=\babout\s)|(?<=\baround\s))([01]\d|2[0-3])([0-5]\d)\s+(?P<word>hours|hrs)\b",
                          re.IGNORECASE)
#: A window of such clocks: "between 1015 and 1040 hrs", "from 0900 to 1130 hours" (patrol27's AG07, AG16: untimed):
#: "between 10:15 and 10:40 hrs" (longer).
_HOURS_WINDOW = re.compile(r"\b(?P<lead>between|from)\s+(?P<h1>[01]\d|2[0-3])(?P<m1>[0-5]\d)\s+(?P<mid>and|to|till|until)\s+"
                           r"(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)\s*(?:hours|hrs)\b", re.IGNORECASE)
#: A four-digit clock with "hrs" and its own date, an end of a window: "between 2310 hrs on 6 January and 0030 hrs on 7
#: January" (patrol28's AI11: read as counts) is "between 23:10hrs on 6 January and 00:30hrs on 7 January" (same length).
_HOURS_DATED = re.compile(r"(?:(?<=\bbetween\s)|(?<=\bfrom\s)|(?<=\band\s)|(?<=\bto\s)|(?<=\buntil\s))([01]\d|2[0-3])([0-5]\d)"
                          r"\s+(?:hours|hrs)\b(?=\s+on\s+(?:\d{1,2}\s+[A-Z]|[A-Z][a-z]+\s+\d))")
_DOTTED_CLOCK = re.compile(r"\b([01]?\d|2[0-3])\.([0-5]\d)(?=\s*(?:hrs|h)\b)")
#: A 12-hour clock time of the news copies: "12:20 p.m.", "9 a.m.", "1.15pm" (rewritten as 24-hour time, same length).
_TWELVE_HOUR = re.compile(r"(?<![\d:.])(?P<h>1\d|2[0-3]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m(?:\.|\b)", re.IGNORECASE)


#: The first clock of a 12-hour window that names a.m./p.m. only once, after the second: "between 2 and 3 p.m.",
#: "from 11 to 1 pm", "2:30-3pm" (the first clock alone would be read as a bare number or a 24-hour "02:30").
_TWELVE_WINDOW = re.compile(r"(?:\b(?:between|from)\s+|(?<![\w:.-]))(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?"
                            r"(?=\s*(?:and|to|till|until|-)\s*(?P<h2>1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?P<ap>[ap])\.?\s?m(?:\.|\b))",
                            re.IGNORECASE)


def _window_start(match: re.Match[str]) -> str:
    """The 24-hour clock of a window's first time, in the half of the day its second time names ("between 11 and 1
    p.m." starts at 11:00, before noon); in the evening before where the second is after midnight ("between 11 and 2
    a.m.", "between 11:40 and 12:15 a.m.": 23:00, 23:40; patrol28, was left unread or 11:40 to 00:15: the window then
    crosses midnight as a 24-hour one does)."""
    pm = match["ap"].lower() == "p"
    end = int(match["h2"]) % 12 + (12 if pm else 0)
    hour = int(match["h"]) % 12 + (12 if pm else 0)
    if hour > end:
        hour += -12 if pm else 12
    return f"{hour:02d}:{match['m'] or '00'}"


def _twelve_hour(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The line with its 12-hour clock times in 24-hour time, and where it grew: (offset in the new line after which
    the text is further on, by how many characters). "7 pm" is "19:00", one character longer (patrol16: left unread).
    A window's first time takes the half of the day its second names (:data:`_TWELVE_WINDOW`)."""
    spans = [(match.start(), match.end(), _twenty_four_hour(match, fit=False)) for match in _TWELVE_HOUR.finditer(line)]
    for match in _TWELVE_WINDOW.finditer(line):
        clock = _window_start(match)
        start, end = match.start("h"), match.end("m") if match["m"] else match.end("h")
        if not any(a < end and start < b for a, b, _ in spans):
            spans.append((start, end, clock))
    pieces: list[str] = []
    widened: list[tuple[int, int]] = []
    at = grown = 0
    for start, end, clock in sorted(spans):
        pieces.extend((line[at:start], clock))
        if len(clock) > end - start:
            after = start + grown + len(clock)  # the clock's end in the new line
            grown += len(clock) - (end - start)
            widened.append((after, grown))
        at = end
    pieces.append(line[at:])
    return "".join(pieces), widened


def raw_offset(offset: int, widened: list[tuple[int, int]]) -> int:
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


_ONE_TO_ONE = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-", "\u00a0": " ",
                             "\u2009": " ", "\u202f": " ", "’": "'", "‘": "'", "“": '"', "”": '"', "\t": " ",
                             "\u00ab": '"', "\u00bb": '"'})  # « »: "Fifteen mortars fell « in and around » Tessalit camp"


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


#: The same clock time in another zone, in brackets after the local one: "between 2:39 and 2:40 a.m. local time (11:39 and
#: 11:40 p.m. GMT on September 23)" (patrol22's W16: read as 02:39 on the 23rd to 23:40), "at around 5:30 local time [1430
#: GMT]": the local time is read, the bracket is not.
#: Also "(08:50 a.m. Moscow time - TASS)" (patrol22's Y01: read as the end of the window), "(Kyiv time)", and the local
#: time after a time in UTC, "at 14:05 GMT (17:05 local time)" (patrol27: read as a window to 17:05 in --timezone).
#: Not a bracket that only names the zone of the time before it ("02:15 (Tbilisi time, UTC+4)", "(UTC+3)"): that is the
#: time's own zone, read with it (``times._ZONE_AFTER``, patrol26).
_OTHER_ZONE = re.compile(r"[(\[](?!\s*(?:[A-Za-z][a-z]+\s+time\s*,\s*)?(?:GMT|UTC)\s*[+\u2212-]\s*\d{1,2}(?::?\d{2})?\s*[)\]])"
                         r"(?=[^()\[\]]*\d)[^()\[\]]{0,60}?\b(?:GMT|UTC|Zulu|(?:Moscow|Kyiv|Kiev|Israel|Beirut|local)\s+time)\b"
                         r"[^()\[\]]{0,40}[)\]]")

#: A local time with its equivalent in UTC in brackets, both 24-hour clocks: "at 07:15 local time (04:15 GMT)" (patrol26's
#: AE03, read as 07:15 in --timezone) is "at 04:15 GMT" (blanks after; shorter): the zone the text names is certain, the
#: local one only as right as --timezone. Only when the two clocks are less than 12 hours apart (else the bracket's may
#: fall on the day before or after, which the text does not say); 12-hour clocks and brackets of two times keep
#: ``_OTHER_ZONE``'s reading.
_LOCAL_THEN_UTC = re.compile(r"\b(?P<lh>[01]?\d|2[0-3]):(?P<lm>[0-5]\d)(?:\s*hrs)?\s+local\s+time\s*[(\[]\s*(?P<uh>[01]?\d|2[0-3]):?"
                             r"(?P<um>[0-5]\d)(?:\s*hrs)?\s+(?P<zone>GMT|UTC|Zulu)\s*[)\]]", re.IGNORECASE)


def _local_then_utc(match: re.Match[str]) -> str:
    local, utc = int(match["lh"]) * 60 + int(match["lm"]), int(match["uh"]) * 60 + int(match["um"])
    if abs(local - utc) >= 12 * 60:
        return match.group(0)
    return f"{int(match['uh']):02d}:{match['um']} {match['zone']}".ljust(len(match.group(0)))


#: A tally that had none of a kind: "the Mission recorded 12 ceasefire violations, none of which were explosions" (patrol27's
#: AF14: an undetermined explosion of no number) says nothing more than the tally: blanked (same length).
_NONE_OF_WHICH = re.compile(r",?\s*none\s+of\s+(?:which|them)\s+(?:(?:were|was)\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:explosions?|shots?|bursts?|projectiles?|flares?)\b", re.IGNORECASE)

#: A picture of what was seen: "one resident shared a photo of thick black smoke rising" (patrol22's X09: one smoke
#: sighting counted, "a" the count), "footage of the explosions": what it shows is read, the picture is not counted.
_MEDIA_OF = re.compile(r"\b(?:an?\s+|the\s+|one\s+|two\s+|several\s+)?(?:photos?|photographs?|pictures?|images?|videos?|"
                       r"(?:video\s+)?footage|video\s+clips?)\s+of\s+(?=[a-z])", re.IGNORECASE)

#: A part of the rounds counted written first: "The IDF intercepted four of the nine rockets launched" (patrol22's X11: the
#: nine read, the four not) is written "4 rockets intercepted, nine rockets launched" (the total last, so that what follows
#: it, "… fired from Lebanon towards Metula", stays its own: patrol23); the digit forms ("intercepted 3 of the 12 rockets
#: fired"), whose rewrite is longer, too (patrol23; :func:`_sub_growing` keeps the offsets).
#: Without the total, "Iron Dome intercepted two of the rockets" is written "two rockets intercepted" (an undetermined
#: explosion of two before).
_INTERCEPTED_OF = re.compile(
    r"\b(?P<verb>intercepted|shot\s+down)\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+of\s+the\s+(?:(?P<m>\d[\d,]*|(?i:"
    + ph.NUMBER_WORD + r"))\s+)?(?P<noun>rockets|missiles|projectiles|drones|UAVs)(?P<tail>\s+(?:launched|fired))?\b", re.IGNORECASE)


def _intercepted_of(match: re.Match[str]) -> str:
    part = match["n"] if match["n"].isdigit() else ph.parse_number(match["n"])
    if match["m"] is None:
        written = f"{match['n']} {match['noun']} {match['verb']}{match['tail'] or ''}"
    else:
        written = f"{part} {match['noun']} {match['verb']}, {match['m']} {match['noun']}{match['tail'] or ''}"
    return written.ljust(len(match.group(0))) if part is not None else match.group(0)


def _sub_growing(pattern: re.Pattern[str], write: Callable[[re.Match[str]], str], line: str,
                 widened: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``pattern.sub(write, line)`` where a rewrite may be longer than what it replaces ("intercepted 3 of the 12 rockets
    fired" -> "12 rockets fired, 3 rockets intercepted", two longer; patrol22 left the digit forms unread), with
    ``widened`` (see :func:`raw_offset`) carried to the new line and grown by each longer rewrite."""
    pieces: list[str] = []
    steps: list[tuple[int, int]] = []  # (offset in the new line after which the text is further on, by how much more)
    at = shift = 0
    old_steps = [(after, total - before) for (after, total), before in zip(widened, [0] + [t for _, t in widened])]
    moved: list[tuple[int, int]] = []
    for match in pattern.finditer(line):
        written = write(match)
        pieces.extend((line[at:match.start()], written))
        at = match.end()
        grown = len(written) - len(match.group(0))
        if grown > 0:
            moved.append((match.end(), grown))
            shift += grown
            steps.append((match.start() + shift - grown + len(written), grown))
    if not steps:
        return "".join(pieces) + line[at:], widened
    pieces.append(line[at:])
    for after, step in old_steps:
        steps.append((after + sum(grown for end, grown in moved if end <= after), step))
    steps.sort()
    total = 0
    carried: list[tuple[int, int]] = []
    for after, step in steps:
        total += step
        carried.append((after, total))
    return "".join(pieces), carried


#: A part of the rounds counted before, intercepted: "15 rockets were fired from Lebanon, four of which were intercepted"
#: (patrol22: the four not read) is written "…, four rockets intercepted" (shorter, spaces after; or longer, patrol23).
_OF_WHICH_INTERCEPTED = re.compile(
    r"(?P<lead>\b(?P<noun>rockets|missiles|projectiles|drones|UAVs)\b[^.;:()]{0,80}?),\s*(?P<n>\d+|(?i:" + ph.NUMBER_WORD
    + r"))\s+of\s+(?:which|them)\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?(?P<verb>intercepted|shot\s+down)\b",
    re.IGNORECASE)


def _of_which_intercepted(match: re.Match[str]) -> str:
    return f"{match['lead']}, {match['n']} {match['noun']} {match['verb']}".ljust(len(match.group(0)))


#: Initials written with full stops: "a U.N. spokesman", "the U.S. embassy" (patrol23's Z14: "U.N." gave its fire the
#: bearing N). Written "UN. " (same length; the full stop kept, so a sentence still ends where it ended).
_DOTTED_INITIALS = re.compile(r"(?<![\w.])(?P<letters>(?:[A-Z]\.){2,3})(?=\s|$)")
#: "an out-going artillery round" (patrol23's Z02: not read): "outgoing" (same length).
_OUT_GOING = re.compile(r"\b(?P<out>[Oo]ut)-(?=going\b)")
#: Rounds of a gun that fires bullets: "three light machine gun rounds fired north-east", "fired multiple rounds of
#: gunfire" (patrol23's Z03, Z14: outgoing and undetermined explosions) are shots (same length; "machine gun  shots", two
#: spaces, so that "gun shots" is not read as gunshots of small arms).
_GUN_ROUNDS = re.compile(r"(?<=\b(?i:machine)[- ](?i:gun))\s(?i:rounds)\b"
                         r"|(?<=\s)(?i:rounds)(?=\s+of\s+(?:gunfire|small[- ]arms(?:\s+fire)?|(?:heavy[- ])?machine[- ]gun\s+fire)\b)")
#: Where the observer's position was, in a bracket after it: "3km north-west of the SMM position (which was 2km south-east
#: from the new terminal)" (patrol23's Z03: the bearing and distance lost); blanked (same length).
_POSITION_WHICH = re.compile(r"(?<=\bposition)\s*\(\s*which\s+(?:was|is)\s+[^()]{1,80}\)", re.IGNORECASE)
#: A part of the rounds as the cause of a casualty: "saw the bodies of two children killed in one of the explosions"
#: (patrol23's Z13: an explosion of one); the part blanked (same length), "in" kept.
_CASUALTY_PART = re.compile(r"(?P<lead>\b(?:killed|wounded|injured|died|hurt)\s+(?:in|by)\s+)(?P<part>(?:one|two|three|some|several"
                            r"|\d+)\s+of\s+the\s+(?:explosions|blasts|shells|rockets|strikes|rounds)\b)", re.IGNORECASE)
#: A count of rounds with a list of weapons before the noun: "70 incoming and outgoing mortar, artillery and tank rounds"
#: (patrol23's Z02: the count lost, as a list of three or more weapons is not read before a noun) is "70 incoming and
#: outgoing rounds of mortar, artillery and tank" (longer; :func:`_sub_growing`).
_WEAPON = r"(?:" + "|".join(pattern for pattern, _ in ph.WEAPONS) + r")"
_WEAPONS_BEFORE_ROUNDS = re.compile(
    r"(?<![\w-])(?P<lead>(?:\d[\d,]*|(?i:" + ph.NUMBER_WORD + r"))\s+(?:(?i:incoming\s+and\s+outgoing|outgoing\s+and\s+incoming)\s+)?)"
    r"(?P<weapons>(?i:" + _WEAPON + r"(?:\s*,\s*" + _WEAPON + r")+\s*,?\s+(?:and|or)\s+" + _WEAPON + r"))\s+(?P<noun>(?i:rounds|shells))\b")
#: Calibres after a vague number: "targeted by a number of 120 and 82 mortar rounds" (patrol23's Z201: 82 mortar rounds
#: counted) is "a number of 120mm and 82mm mortar rounds" (longer; :func:`_sub_growing`): after "a number of", "several",
#: "dozens of", the numbers of a mortar's or a gun's calibre before the weapon are calibres, not counts.
_CALIBRES = r"(?:60|82|120|122|152|155)"
_VAGUE_THEN_CALIBRES = re.compile(
    r"(?P<lead>\b(?:a\s+number\s+of|several|numerous|dozens\s+of|scores\s+of)\s+)(?P<calibres>" + _CALIBRES
    + r"(?:\s*(?:,|and|or|/)\s*" + _CALIBRES + r")*)(?=\s+(?:mortar|artillery|howitzer|gun)s?\b)", re.IGNORECASE)
#: A number of mortars that landed: "Three Syrian mortars landed near moshav Ramat Magshimim" (patrol23's Z10: not read;
#: "mortars" is the weapon) is "Three Syrian mortar shells landed" (longer; :func:`_sub_growing`).
_MORTARS_LANDED = re.compile(r"(?<![\w-])(?P<lead>(?:\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?:(?-i:[A-Z][a-z]+)\s+)?)"
                             r"(?P<noun>(?i:mortars))(?=\s+(?:(?:have|had)\s+)?(?:also\s+)?(?i:landed|fell|hit|struck|exploded"
                             # (and fired: "At least three mortars were fired from Gaza into southern Israel", patrol25's
                             # AD01: three rounds of no weapon)
                             r"|impacted|(?:were|had\s+been|have\s+been)\s+(?:fired|launched))\b)")

#: Rounds fired onto a place told by the verb only: "indiscriminately shelled houses in … Hayes", "continued to shell
#: residential areas", "Militants shelled a camp for French troops" (patrol23's Z206, Z202, patrol24's AA12: not read, or
#: undetermined) is "fired shells on houses", "lob shells on residential areas" (longer; :func:`_sub_growing`): shells
#: fired onto a place, impacts by the batches' rule. Not "the territory" (a party's tally: "have shelled the territory of
#: the … eight times", nor a tally of "villages" with its number of times) nor positions.
_SHELLED_PLACE = re.compile(
    r"(?<![\w-])(?P<verb>shelled|shelling|shell)\s+"
    # not a party's tally ("have shelled the villages of … 12 times": counts._VIOLATED_TIMES reads it)
    r"(?![^.;:]{0,140}?(?:\b(?:\d[\d,]*|" + ph.NUMBER_WORD + r")\s+times\b|\b(?:once|twice)\b))"
    r"(?=(?:the\s+|a\s+|an\s+|their\s+|its\s+|our\s+)?(?:(?:civilian|civil|residential|populated|inhabited|forward|border"
    r"|(?-i:[A-Z][\w'-]*))\s+){0,2}(?:houses|homes|areas|neighbou?rhoods|posts?|camps?|bases?|barracks|compounds?|villages?"
    r"|towns?|city|cities|settlements?|markets?|hospitals?|schools?)\b)", re.IGNORECASE)
_SHELLED_WRITTEN = {"shelled": "fired shells on ", "shelling": "firing shells on ", "shell": "lob shells on "}
#: One mortar that landed: "another mortar hit the southern Golan Heights" (patrol24's AB03: not read; "mortar" is the
#: weapon) is "another mortar shell hit" (longer; :func:`_sub_growing`), as ``_MORTARS_LANDED``.
_MORTAR_LANDED = re.compile(r"(?P<lead>\b(?i:another|a|an|one)\s+(?:(?-i:[A-Z][a-z]+)\s+)?)(?i:mortar)(?=\s+(?:(?:has|had)\s+)?"
                            r"(?:also\s+)?(?i:landed|fell|hit|struck|exploded|impacted)\b)")
#: Where rounds fell, written as an offset from a landmark: "a rocket fell around 100 meters away from the presidential
#: palace" (patrol24's AB01: undetermined, and 100 m became the distance from the observer) is "fell near the
#: presidential palace" (same length): not the mission's position ("landed 200m from the SMM position" is kept).
_OFFSET_FROM_LANDMARK = re.compile(
    r"(?P<verb>\b(?:fell|landed|hit|struck|impacted|exploded)\s+)(?P<offset>(?:(?:around|about|some|approximately|roughly)\s+)?"
    r"\d[\d,.]*\s*(?:m|metres?|meters?)\s+(?:away\s+)?from\s+)(?=the\s+(?-i:[a-z]))(?!the\s+(?:position|observers?|monitors?|patrol|car|vehicles?)\b)",
    re.IGNORECASE)
#: Mortars fired: "by firing mortars and other weapons" (patrol24's AA03: not read; "mortars" is the weapon) is "firing
#: mortar shells" (longer; :func:`_sub_growing`).
_FIRING_MORTARS = re.compile(r"(?P<lead>\b(?:firing|fired|lobbing|lobbed)\s+)mortars\b"
                             r"(?!\s+(?:and|or)\s+[\w-]+\s+(?:shells|rounds)\b)", re.IGNORECASE)  # (not "mortars and artillery shells")


#: An observation written as a subject clause: "What was assessed to have been an out-going artillery round was also heard
#: whilst at a position …" (patrol23's Z02: not read) is "An          outgoing artillery round was also heard …" (the
#: article first, with a capital: a sentence of its own; the same length).
_WHAT_WAS_ASSESSED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))(?-i:What)\s+(?:was|were)\s+(?:assessed|believed|thought)\s+(?:to\s+(?:have\s+been|be)|as)\s+"
                                r"(?P<article>an?|one|two|three|four|five|\d+)(?=\s)", re.IGNORECASE)


def rewrite_line(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The line (a table row already written as its sentence) with every rewrite of this module applied, in order,
    and the spans a 12-hour clock widened (for :func:`raw_offset`)."""
    line = _FOOTNOTE.sub(lambda mark: " " * len(mark.group(0)), line.translate(_ONE_TO_ONE))  # "[1]": a footnote
    line = _DOTTED_INITIALS.sub(lambda initials: (initials["letters"].replace(".", "") + ".").ljust(
        len(initials["letters"])), line)  # "U.N.": "UN. " (no compass point N)
    line = _OUT_GOING.sub(lambda out: out["out"] + " ", line).replace("out going", "outgoing ")  # "out-going"
    line = _WHAT_WAS_ASSESSED.sub(lambda what: what["article"].capitalize().ljust(len(what.group(0))), line)  # "What was …"
    line = _GUN_ROUNDS.sub(lambda rounds: "  shots" if rounds.group(0)[0].isspace() else "shots ", line)  # (same length)
    line = _POSITION_WHICH.sub(lambda words: " " * len(words.group(0)), line)  # "position (which was 2km …)"
    line = _CASUALTY_PART.sub(lambda words: words["lead"] + " " * len(words["part"]), line)  # "killed in one of the explosions"
    line = _SHARE.sub(lambda share: " " * len(share.group(0)), _SHARE_PARENTHESIS.sub(
        lambda share: " " * len(share.group(0)), line))  # "(approximately 60 per cent incoming …)": no count
    line = _NONE_OF_WHICH.sub(lambda none: " " * len(none.group(0)), line)  # ", none of which were explosions"
    line = _LOCAL_THEN_UTC.sub(_local_then_utc, line)  # "07:15 local time (04:15 GMT)": "04:15 GMT"
    line = _OTHER_ZONE.sub(lambda zone: " " * len(zone.group(0)), line)  # "(11:39 and 11:40 p.m. GMT on September 23)"
    line = _DOTTED_CLOCK.sub(r"\1:\2", line)  # "12.10hrs": a clock time written with a dot (same length)
    line = _HOURS_CLOCK.sub(lambda clock: f"{clock[1]}:{clock[2]}hrs" if clock["word"].lower() == "hrs" else
                            f"{clock[1]}:{clock[2]} hrs ", line)  # "at 1830 hours": "at 18:30 hrs " (same length)
    line = _CLOCK_THEN_CUT.sub(lambda cut: " " * len(cut.group(0)), line)  # "at 11:55 and [...]": not the whole's time
    line = _FOCUSED.sub(lambda focus: " " * len(focus.group(0)), line)  # "with violence focused in the … area"
    line = _MOSTLY_KIND.sub(lambda mostly: " " * len(mostly.group(0)), line)  # "21, mostly incoming explosions"
    line = _RESULT_TOLD_AGAIN.sub(lambda again: " " * len(again.group(0)), line)  # "As a result of the shelling, …"
    line = _A_RESULT_OF.sub(" ", line)  # "as a result of shelling": not one shelling (same length)
    line = _NIGHT_DAYS_AND.sub(lambda days: days["day"] + "-" + " " * (len(days["and"]) - 1), line)
    line, widened = _twelve_hour(line)  # "12:20 p.m.": a 12-hour clock ("7 pm" -> "19:00": one longer)
    line, widened = _sub_growing(_HOURS_WINDOW, lambda hours: f"{hours['lead']} {hours['h1']}:{hours['m1']} {hours['mid']} "
                                 f"{hours['h2']}:{hours['m2']} hrs", line, widened)  # "between 1015 and 1040 hrs"
    line = _HOURS_DATED.sub(lambda clock: f"{clock[1]}:{clock[2]}hrs".ljust(len(clock.group(0))), line)  # "2310 hrs on 6 May"
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
    line = _MEDIA_OF.sub(lambda media: " " * len(media.group(0)), line)  # "shared a photo of thick black smoke"
    line, widened = _sub_growing(_VAGUE_THEN_CALIBRES, lambda vague: vague["lead"] + re.sub(
        r"\d+", lambda calibre: calibre.group(0) + "mm", vague["calibres"]), line, widened)  # "a number of 120 and 82 mortar"
    line, widened = _sub_growing(_WEAPONS_BEFORE_ROUNDS, lambda listed: f"{listed['lead']}{listed['noun']} of {listed['weapons']}",
                                 line, widened)  # "70 mortar, artillery and tank rounds" (longer)
    line, widened = _sub_growing(_MORTARS_LANDED, lambda mortars: mortars["lead"] + "mortar shells", line, widened)
    line, widened = _sub_growing(_MORTAR_LANDED, lambda mortar: mortar["lead"] + "mortar shell", line, widened)
    line = _OFFSET_FROM_LANDMARK.sub(lambda offset: offset["verb"] + "near".ljust(len(offset["offset"])), line)
    line, widened = _sub_growing(_FIRING_MORTARS, lambda mortars: mortars["lead"] + "mortar shells", line, widened)  # "firing mortars"
    line, widened = _sub_growing(_SHELLED_PLACE, lambda shelled: _SHELLED_WRITTEN[shelled["verb"].lower()], line,
                                 widened)  # "shelled houses": "fired shells on houses" (longer)
    line, widened = _sub_growing(_INTERCEPTED_OF, _intercepted_of, line, widened)  # "intercepted 3 of the 12 rockets"
    line, widened = _sub_growing(_OF_WHICH_INTERCEPTED, _of_which_intercepted, line, widened)  # "…, 3 of which were intercepted"
    line = _RESPECTIVE_WEAPONS.sub(_respective_weapons, line)  # "120mm and 82mm mortars (78 and 14 explosions, respectively)"
    line, widened = rewrite_party(line, _sub_growing, widened)  # the parties' and the press's wordings (patrol25)
    line, widened = rewrite_same(line, _sub_growing, widened)  # "at the same location": the place it points at (patrol27)
    line, widened = rewrite_lists(line, _sub_growing, widened)  # "violations near: Avdiivka (40 explosions), …" (patrol27)
    line, widened = rewrite_counts(line, _sub_growing, widened)  # "the impacts of four mortar rounds" (patrol28)
    return line, widened
