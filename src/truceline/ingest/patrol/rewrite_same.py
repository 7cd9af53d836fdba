"""Rewrites of what a sentence tells by pointing back at what it said before: "heard five shots … at the same location",
"two more of the same kind at the same distance and direction" (patrol27's AF05, AF13), "an explosion at 09:05 and another
at 09:21" (patrol28, AG15).

The reader reads each observation of a sentence from its own words; these wordings have none of their own, so the words
they point at are copied in (the line grows: ``rewrite._sub_growing`` keeps the offsets). Only within the sentence: what
a sentence before said is not copied.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from truceline.ingest import phrases as ph

#: "at the same location", "at the same distance and direction", "in the same place" (not "in the same area", which says
#: where the patrol was as often as where the fire was).
_SAME_PLACE = re.compile(r"\b(?:at|in|from)\s+the\s+same\s+(?:location|place|spot|position"
                         r"|(?:distance|range)\s+and\s+(?:in\s+the\s+same\s+)?direction|direction\s+and\s+(?:distance|range))\b",
                         re.IGNORECASE)
#: A distance with its direction: "1-1.5km north-north-east", "about 4km south-west", "3km to the east".
_DISTANCE_DIRECTION = re.compile(
    r"(?:(?:about|approximately|some|around)\s+)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*(?:km|m|kilomet(?:re|er)s?|met(?:re|er)s?)"
    r"\s+(?:to\s+the\s+)?" + ph.DIRECTION + r"(?![\w-])", re.IGNORECASE)
#: "two more of the same kind", "three more of the same type" (after a count: its noun is the one before).
_MORE_OF_SAME = re.compile(r"\b(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+more\s+of\s+the\s+same\s+(?:kind|type|sort)\b", re.IGNORECASE)
#: The observation a "more of the same kind" repeats: its noun and its assessment, up to its distance or a comma.
_COUNTED_BEFORE = re.compile(
    r"\b(?P<noun>explosions?|rounds?|shots?|bursts?|blasts?|detonations?)(?P<rest>\s+(?:assessed\s+as|of)\s+[^,;]*?)?"
    r"(?=\s+(?:(?:about|approximately|some|around)\s+)?\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:km|m)\b|\s*[,;]|\s*$)",
    re.IGNORECASE)


#: "another" with no noun of its own, after a noun of fire counted in the sentence: "an explosion at 09:05 and another at
#: 09:21", "a burst of small-arms fire 1km north and another one 2km west" (patrol28's AG15: one explosion from 09:05 to
#: 09:21, "another" not read). Not "another" before a count or a noun ("another three", "another explosion"), which the
#: reader reads as written.
_ANOTHER_FOLLOWED = (r"(?=\s*[,;.]|\s+(?:(?:at|between|from|on|in|about|around|some|approximately)\b|"
                     r"\d[\d.,]*\s*(?:km|m)\b|(?:to\s+the\s+)?" + ph.DIRECTION + r"(?![\w-])))")
"""What may follow such an "another": the end of a clause, a time, a distance or a direction, not a noun."""
_ANOTHER = re.compile(r"\banother(?P<one>\s+one)?" + _ANOTHER_FOLLOWED, re.IGNORECASE)
#: "another two at 10:40", "another 12 about 3km south" (patrol28's AI15): "two more bursts at 10:40", the noun before.
_ANOTHER_N = re.compile(r"\banother\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))" + _ANOTHER_FOLLOWED, re.IGNORECASE)
#: The noun of fire "another" repeats: the last one written before it in the sentence.
_FIRE_NOUN = re.compile(r"\b(?P<noun>explosion|round|shot|burst|blast|detonation|projectile|flare)s?\b", re.IGNORECASE)


def _sentence_start(line: str, at: int) -> int:
    """Where the sentence holding ``at`` begins (after the last full stop and space before it)."""
    return max(line.rfind(". ", 0, at) + 2, 0) if line.rfind(". ", 0, at) >= 0 else 0


def _fire_noun_before(line: str, at: int) -> str | None:
    """The last noun of fire written before ``at`` in its sentence, lower case (what an "another" repeats)."""
    before = list(_FIRE_NOUN.finditer(line, _sentence_start(line, at), at))
    return before[-1]["noun"].lower() if before else None


def _plural(noun: str) -> str:
    return noun if noun.lower().endswith("s") else noun + "s"


def rewrite_same(line: str, sub_growing: Callable[..., tuple[str, list[tuple[int, int]]]],
                 widened: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The line with what "the same …" points at written out (``sub_growing`` is ``rewrite._sub_growing``)."""
    if re.search(r"\banother\b", line, re.IGNORECASE):

        def another(match: re.Match[str]) -> str:
            noun = _fire_noun_before(line, match.start())
            return f"another {noun}" if noun else match.group(0)

        line, widened = sub_growing(_ANOTHER, another, line, widened)

        def another_n(match: re.Match[str]) -> str:
            noun = _fire_noun_before(line, match.start())
            return f"{match['n']} more {noun}s" if noun else match.group(0)

        line, widened = sub_growing(_ANOTHER_N, another_n, line, widened)
    if not re.search(r"\bsame\b", line, re.IGNORECASE):
        return line, widened

    def more(match: re.Match[str]) -> str:
        before = list(_COUNTED_BEFORE.finditer(line, _sentence_start(line, match.start()), match.start()))
        if not before:
            return match.group(0)
        last = before[-1]
        return f"{match['n']} {_plural(last['noun'])}{last['rest'] or ''}"

    line, widened = sub_growing(_MORE_OF_SAME, more, line, widened)

    def same(match: re.Match[str]) -> str:
        before = list(_DISTANCE_DIRECTION.finditer(line, _sentence_start(line, match.start()), match.start()))
        return before[-1].group(0).ljust(len(match.group(0))) if before else match.group(0)

    return sub_growing(_SAME_PLACE, same, line, widened)
