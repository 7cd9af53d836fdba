"""Splitting a line into sentences and a sentence into clauses.

``split_sentences`` (abbreviations, dated counts and second periods split off), ``clauses`` (semicolons, "and"
between observations, lists that go on), and the bracket rewrites a sentence needs first (``which_as_parenthesis``,
``tally_parenthesis``).
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.breakdown import BREAKDOWN_ITEM
from truceline.ingest.patrol.patterns import KIND_NOUN, VERB, VIOLATION_SHARE
from truceline.ingest.patrol.scan import Scan

_CLAUSE_BREAK = re.compile(
    r";\s+"
    # "… heard two explosions 4km south-west, followed by a burst of heavy-machine-gun fire at 11:20" (patrol27's AF13: the
    # explosions were given the burst's time): what followed, with its own clock, is its own clause
    r"|,\s+(?:then\s+)?followed\s+(?:shortly\s+|later\s+)?by\s+(?!(?:its|their)\s)(?=[^;,]*?\bat\s+(?:about\s+|around\s+)?\d{1,2}:\d{2})"
    r"|,?\s+and\s+(?!in\s+(?:some|most|many|all|several)\s+cases\b|at\s+(?:an?\s+)?(?:altitude|height)\b)(?=(?:(?:while|when)\s+)?(?:positioned|while|in|at|near|from)\s+[^;]*?\b(?:heard|saw|observed|recorded|spotted)\b)"
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
SAME_SUBJECT_VERB = re.compile(r"\s*(?:also\s+|then\s+)?(?:saw|heard|observed|recorded|spotted)\b", re.IGNORECASE)
#: An observation with its own direction or distance before "and saw …": "heard 12 explosions … south-east of its
#: position and saw one impact …" (then the verb after "and" starts a clause of its own).
_OWN_PLACE_BEFORE = re.compile(KIND_NOUN.pattern + r"[^;]*?(?:(?<!\bto\s)(?<!-to-)" + ph.DIRECTION + r"(?![- ]to[- ])"
                               r"|\b\d+(?:[.,]\d+)?\s*(?:km|m)\b)", KIND_NOUN.flags)  # (not a flight: "from west to east")
_ABBREVIATIONS = {"approx", "ca", "e.g", "i.e", "no", "st", "vs", "cf", "incl", "mr", "ms", "dr", "gen", "col", "lt"}
_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


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
#: Also after a semicolon, and with a part of that day: "On the evening of 1 July, … heard 31 undetermined explosions …; in
#: the morning of 2 July, it heard a further 12 …" (patrol27's AG12: the second day was not read, its counts put in the
#: evening before).
_AND_ON_DAY_VERB = re.compile(
    r"(?:,?\s+and|;)\s+(?P<lead>(?:also\s+)?(?:on|(?:in|on|during)\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of)\s+"
    r"(?:\d{1,2}\s+" + ph.MONTH + r"|" + ph.MONTH + r"\s+\d{1,2})(?:,?\s+\d{4})?\s*,?\s+"
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


#: (also rockets, missiles, shells and bombs: "8 rockets, three of which fell near Sderot", patrol27)
_EXPLOSION_NOUN = re.compile(r"\b(?:explosions?|rounds?|impacts?|detonations?|blasts?|rockets?|missiles?|shells?|bombs?)\b",
                             re.IGNORECASE)
_NOT_EXPLOSIONS = re.compile(r"\bviolations?\b", re.IGNORECASE)


def which_as_parenthesis(line: str, start: int, end: int) -> str:
    """"11 explosions, of which seven assessed as outgoing and four as impacts, 5km south" (also without "of
    which": "ten explosions, two assessed as outgoing rounds and eight as impacts, 4-6km south"): the
    breakdown between the commas is read as the parenthesis it stands for (same length, same offsets)."""
    chars = list(line)
    for dashed in _DASHED.finditer(line, start, end):
        if _EXPLOSION_NOUN.search(line, start, dashed.start()):
            chars[dashed.start("open")], chars[dashed.start("close")] = "(", ")"
    at = start
    while (match := _WHICH.search(line, at, end)) is not None:
        at = match.end()
        nouns = list(_EXPLOSION_NOUN.finditer(line, start, match.start()))
        if not nouns or _NOT_EXPLOSIONS.search(line, nouns[-1].end(), match.start()):
            # "52 ceasefire violations, including 16 explosions": a summary, not a breakdown; its closing comma may open
            # the next ("exchanges of fire, including 12 mortar rounds, two of which …", patrol26's AE04)
            at = match.start("close") if match["close"] == "," else at
            continue
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


def tally_parenthesis(line: str, start: int, end: int) -> str:
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


def clauses(scan: Scan, start: int, end: int) -> list[tuple[int, int]]:
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
        if SAME_SUBJECT_VERB.match(scan.text, match.end()):
            verbs = list(VERB.finditer(scan.text, cursor, match.start()))
            if not verbs or not _OWN_PLACE_BEFORE.search(scan.text, verbs[-1].end(), match.start()):
                continue  # "saw 3 flares and heard 5 shots 1km south": one clause, the distance and direction of both
        if scan.text[cursor:match.start()].strip():
            spans.append((cursor, match.start()))
            scan.claim(match.start(), match.end())
            cursor = match.end()
    spans.append((cursor, end))
    return spans
