"""Rewrites of tallies written with their counts in brackets.

A region's tally after a comparison, "fewer ceasefire violations in Donetsk region (about 90, including 20 explosions) than
…" (``_COMPARED_TALLY``), and a tally's places listed with their counts, "the SMM recorded ceasefire violations near:
Avdiivka (40 explosions and 120 bursts), Svitlodarsk (12 explosions) and Zolote (three explosions and 20 shots)"
(patrol27's AF23: nothing read), which is "… recorded 40 explosions and 120 bursts near Avdiivka, 12 explosions near
Svitlodarsk and three explosions and 20 shots near Zolote", as the reader knows it: each place's counts, placed there.

Only brackets that open with a count of fire (explosions, bursts, shots, projectiles, rounds, flares), of at least two
places, after "violations near / in / at" (a party's "near Avdiivka (five times)" is a tally by place, read elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from truceline.ingest import phrases as ph

_NAME = r"(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2}"
_COUNTS = (r"(?:(?:about|some|over|more\s+than|at\s+least)\s+)?(?:\d[\d,]*|" + ph.NUMBER_WORD + r"|an?)\s+(?:[\w-]+\s+){0,2}?"
           r"(?:explosions?|bursts?|shots?|projectiles?|rounds?|flares?)\b[^()]*")
_ITEM = re.compile(r"(?P<place>" + _NAME + r")\s*\(\s*(?P<counts>" + _COUNTS + r")\)", re.IGNORECASE)
_ITEM_TEXT = _NAME + r"\s*\(\s*" + _COUNTS + r"\)"
_PLACES_WITH_COUNTS = re.compile(
    r"\b(?:ceasefire\s+)?violations\s+(?:near|in|at|in\s+the\s+following\s+areas)\s*:?\s*(?P<items>" + _ITEM_TEXT
    + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _ITEM_TEXT + r")+)", re.IGNORECASE)


#: A region's tally written in brackets after a comparison: "The SMM recorded fewer ceasefire violations in Donetsk region
#: (about 90, including 20 explosions) than in the previous reporting period" (patrol27's AG09: nothing read) is "… recorded
#: about 90 ceasefire violations in Donetsk region, including 20 explosions, fewer than in …" (the tally first, as the
#: reader knows it; the comparison kept after it).
_COMPARED_TALLY = re.compile(
    r"\b(?P<verb>recorded|observed|registered)\s+(?P<compared>fewer|more|a\s+similar\s+number\s+of)\s+(?P<noun>(?:ceasefire\s+)?violations)"
    r"\s+(?P<where>in\s+(?:the\s+)?(?-i:[A-Z][a-z]+)\s+region)\s*\(\s*(?P<n>(?:(?:about|some|over|more\s+than|at\s+least)\s+)?"
    r"\d[\d,]*)\s*,\s*(?P<parts>including\s+[^()]*?)\s*\)", re.IGNORECASE)


def _tally_first(match: re.Match[str]) -> str:
    compared = match["compared"].lower()
    compared = "a similar number" if compared.startswith("a similar") else compared
    return f"{match['verb']} {match['n']} {match['noun']} {match['where']}, {match['parts']}, {compared}"


def _counts_near(match: re.Match[str]) -> str:
    return _ITEM.sub(lambda item: f"{item['counts'].strip()} near {item['place']}", match["items"])


def rewrite_lists(line: str, sub_growing: Callable[..., tuple[str, list[tuple[int, int]]]],
                  widened: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The line with places listed with their counts in brackets written as counts near places (``sub_growing`` is
    ``rewrite._sub_growing``)."""
    if "(" not in line:
        return line, widened
    line, widened = sub_growing(_COMPARED_TALLY, _tally_first, line, widened)
    return sub_growing(_PLACES_WITH_COUNTS, _counts_near, line, widened)
