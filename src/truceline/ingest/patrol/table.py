"""A table of a monitoring report copied as text: one row a line, cells split by "|" or tabs.

The OSCE SMM's daily reports of 2017-2018 listed the ceasefire violations in a table ("Location of SMM | Event |
Direction | Distance | Weapon | Time | Date"); copied as text, a row such as
``Svitlodarsk (gov't-controlled, 57km NE of Donetsk) | 4 undetermined explosions | SE | 3-4km |  | 21:25 | 13-Mar`` was
read as one sentence: the description's town taken for the observer's place and the date not read (patrol16). A row is
written again as the sentence it stands for ("On 13 March, at 21:25, positioned in Svitlodarsk (…), the SMM heard 4
undetermined explosions 3-4km SE."), which the sentence reader then reads; the columns come from the header line before
the rows, or, without one, from what each cell looks like.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import KIND_NOUN, VERB

_WEAPON_WORD = re.compile(
    r"\b(?:artillery|mortars?|tanks?|machine|small[- ]arms|grenade|MLRS|IFV|BMP|BTR|cannon|rockets?|guns?|weapons?|"
    r"undetermined|unknown|ZU|SPG|ATGM|howitzers?)\b", re.IGNORECASE)
_CELLS = re.compile(r"[ \t]*\|[ \t]*|[ \t]*\t[ \t]*")
#: The column names of a header line, and what each column holds.
_COLUMNS = {
    "location": "observer", "location of smm": "observer", "location of the smm": "observer", "smm location": "observer",
    "position": "observer", "position of smm": "observer", "position of the smm": "observer", "smm position": "observer",
    "place": "observer", "observer": "observer", "event": "event", "events": "event", "observation": "event",
    "type of event": "event", "direction": "direction", "distance": "distance", "weapon": "weapon",
    "weapons": "weapon", "type of weapon": "weapon", "time": "time", "date": "date", "remarks": "remarks",
    "remark": "remarks", "comments": "remarks", "source of fire": "source", "map": "map",
}
_POINT = r"(?:" + "|".join(sorted(ph.POINTS, key=len, reverse=True)) + r")"
_DATE_CELL = re.compile(r"(?P<day>\d{1,2})[-/ .](?P<month>" + ph.MONTH + r")(?:[-/ .](?P<year>\d{2}|\d{4}))?",
                        re.IGNORECASE)
_TIME_CELL = re.compile(r"(?P<a>\d{1,2}:\d{2})(?:\s*(?:-|to)\s*(?P<b>\d{1,2}:\d{2}))?")
_DISTANCE_CELL = re.compile(r"(?:(?:about|around|approx\.?)\s+)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*(?:km|m)",
                            re.IGNORECASE)
_DIRECTION_CELL = re.compile(_POINT + r"(?:\s*[-/]\s*" + _POINT + r")?|" + ph.DIRECTION, re.IGNORECASE)


def cells(line: str) -> list[str] | None:
    """The cells of a table row (three at least, split by "|" or tabs), or None for a line that is no table row."""
    if line.count("|") < 2 and line.count("\t") < 2:
        return None
    parts = [part.strip() for part in _CELLS.split(line.strip().strip("|"))]
    return parts if len(parts) >= 3 else None


def header(parts: list[str]) -> list[str] | None:
    """The columns of a header line ("Location of SMM | Event | Direction | …"), or None when it is not one."""
    named = [_COLUMNS.get(re.sub(r"\s+", " ", part.lower().strip(" .:*"))) for part in parts]
    if sum(1 for part in parts if part) < 3 or any(part and name is None for part, name in zip(parts, named)):
        return None
    return [name or "" for name in named]


def _guess(part: str) -> str:
    if _DATE_CELL.fullmatch(part):
        return "date"
    if _TIME_CELL.fullmatch(part):
        return "time"
    if _DISTANCE_CELL.fullmatch(part):
        return "distance"
    if _DIRECTION_CELL.fullmatch(part):
        return "direction"
    if re.match(r"(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|several|about|up to|more than)", part,
                re.IGNORECASE) and KIND_NOUN.search(part):
        return "event"
    if _WEAPON_WORD.search(part) or not part[:1].isupper():
        return "weapon"
    return "observer"  # "Svitlodarsk (gov't-controlled, 57km NE of Donetsk)", "Popasna"


def row_sentence(parts: list[str], columns: list[str] | None) -> tuple[str, list[str]] | None:
    """The sentence a table row stands for, and warnings for the cells it leaves out; None when the row has no event."""
    if columns is None or len(columns) != len(parts):
        # without a header, only a row whose cells look like a table's: an event, two cells of place or time, and no
        # observing verb in any (a sentence with stray tabs is read as a sentence)
        columns = [_guess(part) if part else "" for part in parts]
        typed = sum(1 for name in columns if name in ("direction", "distance", "time", "date"))
        if typed < 2 or any(VERB.search(part) for part in parts):
            return None
    cell = {name: part for name, part in zip(columns, parts) if part and name}
    if "event" not in cell:
        return None
    warnings = [f"a table cell not read ({name}): {cell[name]!r}" for name in ("remarks", "source") if name in cell]
    lead = []
    if "date" in cell:
        date = _DATE_CELL.fullmatch(cell["date"])
        if date is None:
            warnings.append(f"a table cell not read (date): {cell['date']!r}")
        else:
            month = ph.MONTHS[date["month"].lower().rstrip(".")]
            names = [name for name, number in ph.MONTHS.items() if number == month]
            lead.append(f"On {int(date['day'])} {max(names, key=len).capitalize()}")
    if "time" in cell:
        times = _TIME_CELL.fullmatch(cell["time"])
        if times is None:
            warnings.append(f"a table cell not read (time): {cell['time']!r}")
        elif times["b"]:
            lead.append(f"between {times['a']} and {times['b']}")
        else:
            lead.append(f"at {times['a']}")
    if "observer" in cell:
        lead.append(f"positioned in {cell['observer']}")
    event = cell["event"]
    if "weapon" in cell:
        weapon = cell["weapon"].lower()
        event += f" of {weapon} fire" if re.search(r"(?i)\b(?:bursts?|shots?)\s*$", event) else f" ({weapon})"
    where = " ".join(cell[name] for name in ("distance", "direction") if name in cell)
    sentence = (", ".join(lead) + ", " if lead else "") + f"the SMM heard {event}" + (f" {where}" if where else "") + "."
    return sentence[0].upper() + sentence[1:], warnings
