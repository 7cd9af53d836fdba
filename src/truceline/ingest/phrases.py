"""The vocabulary of monitoring-mission prose: compass points, numbers, dates, weapons.

Pure functions and compiled patterns used by the patrol-text reader (:mod:`truceline.ingest.patrol`).
"""

from __future__ import annotations

import re

# --- compass -----------------------------------------------------------------------------

POINTS: tuple[str, ...] = (
    "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
)
_WORD = {"N": "north", "E": "east", "S": "south", "W": "west"}
SECTOR_HALF_WIDTH_DEG = 11.25  # a 16-point compass: 22.5 degrees a point


def _point_pattern(point: str) -> str:
    words = [_WORD[letter] for letter in point]
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return rf"{words[0]}[-\s]?{words[1]}"
    return rf"{words[0]}[-\s]?{words[1]}[-\s]?{words[2]}"


_BY_LENGTH = sorted(POINTS, key=len, reverse=True)
#: A compass direction in words ("south-south-west", "south west", "southerly") or capitals ("SSW").
DIRECTION = (
    r"(?:(?<![A-Za-z])(?i:" + "|".join(_point_pattern(point) for point in _BY_LENGTH) + r")(?i:erly|ern)?(?![A-Za-z])"
    r"|\b(?:" + "|".join(f"{p[0]}-{p[1:]}" for p in _BY_LENGTH if len(p) == 3) + r")\b"  # "N-NE" for NNE
    r"|\b(?:" + "|".join(_BY_LENGTH) + r")\b)"
)
_DIRECTION_WORDS = {point: re.compile(_point_pattern(point) + r"(?:erly|ern)?$", re.IGNORECASE) for point in POINTS}


def parse_direction(text: str) -> str | None:
    """The 16-point abbreviation of a direction: ``"south-south-west"`` -> ``"SSW"``."""
    text = text.strip()
    if text in POINTS:
        return text
    if len(text) == 4 and text[1] == "-" and text.replace("-", "") in POINTS:  # "N-NE"
        return text.replace("-", "")
    for point in _BY_LENGTH:
        if _DIRECTION_WORDS[point].match(text):
            return point
    return None


def point_bearing_deg(point: str) -> float:
    """The centre bearing of a compass point: ``"SSW"`` -> 202.5."""
    return POINTS.index(point) * 22.5


def point_sector_deg(point: str) -> tuple[float, float]:
    """The sector a compass point stands for: ``"SSW"`` -> (191.25, 213.75); N -> (348.75, 11.25)."""
    centre = point_bearing_deg(point)
    return ((centre - SECTOR_HALF_WIDTH_DEG) % 360.0, (centre + SECTOR_HALF_WIDTH_DEG) % 360.0)


# --- numbers -----------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SIMPLE = {"a": 1, "an": 1, "another": 1, "single": 1, "a single": 1, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100}

_BELOW_HUNDRED = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(k for k in _UNITS if _UNITS[k] and _UNITS[k] < 10)
    + r"))?|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
#: A number in words: "three", "twenty-five", "one hundred", "one hundred and twenty".
NUMBER_WORD = _BELOW_HUNDRED + r"(?:\s+hundred(?:\s+(?:and\s+)?" + _BELOW_HUNDRED + r"\b)?)?"
#: A number as written: digits ("1,200", "22"), words ("three", "twenty-five", "one hundred"), "a"/"an".
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|(?i:" + NUMBER_WORD + r"|a\s+single|a\s+dozen|a\s+hundred|single|another|an?))"


def parse_number(text: str) -> int | None:
    """``"twenty-five"`` -> 25, ``"1,200"`` -> 1200, ``"an"`` -> 1; ``None`` if not a number."""
    words = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", words):
        return int(words.replace(",", ""))
    if words in _SIMPLE:
        return _SIMPLE[words]
    hundreds, _, rest = words.partition("hundred")  # "one hundred and twenty"
    if _:
        multiplier = _below_hundred(hundreds.strip() or "one")
        remainder = _below_hundred(rest.strip().removeprefix("and").strip() or "zero")
        if multiplier is None or remainder is None:
            return None
        return multiplier * 100 + remainder
    return _below_hundred(words)


def _below_hundred(words: str) -> int | None:
    total = 0
    for part in words.split(" "):
        if part in _UNITS:
            total += _UNITS[part]
        elif part in _TENS:
            total += _TENS[part]
        else:
            return None
    return total


#: Words before a count that qualify it, normalised.
COUNT_QUALIFIERS: dict[str, str] = {
    "about": "about", "approximately": "about", "approx.": "about", "approx": "about", "ca.": "about", "circa": "about", "around": "about",
    "some": "about", "roughly": "about", "nearly": "about", "almost": "about", "an estimated": "about",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "more than": "more than", "over": "more than", "in excess of": "more than",
    "up to": "up to", "fewer than": "up to", "less than": "up to", "a maximum of": "up to",
}
COUNT_QUALIFIER = "|".join(re.escape(key) for key in sorted(COUNT_QUALIFIERS, key=len, reverse=True))
#: Words that stand for an unstated number.
#: (not inside a word: "recoilless gun rounds" was read as "less" rounds, "furthermore" as "more"; patrol14)
VAGUE_COUNTS = (r"(?<![A-Za-z])(?:(?:several|a\s+few|a\s+couple\s+of)\s+dozens?(?:\s+of)?|an?\s+(?:unknown|undetermined|unspecified|uncounted|indeterminate|large|great|small|larger|greater|smaller|higher|lower|high|low|bigger|significant|considerable)\s+number\s+of|countless|several|numerous|multiple|many|a\s+few|few|dozens\s+of|hundreds\s+of|a\s+number\s+of|a\s+series\s+of"
                r"|a\s+similar\s+number\s+of|the\s+same\s+number\s+of|more|fewer|less)")

# --- dates and times ---------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9
MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: "3 March", "3 March 2017", "2-3 March", "March 3, 2017", "Nov. 11-12" (news copies of the reports).
DATE = (
    # "5-6 April", and (news copies) "on the night of 5 to 6 April", "5/6 April" (patrol16: left undated)
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:(?:\s*[-/]\s*|\s+to\s+)(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?\s+(?P<month>" + MONTH
    + r")(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<month_first>" + MONTH + r")\s+(?P<day_after>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:\s*-\s*(?P<day2_after>\d{1,2})(?!\d|[:.,]\d|\s*(?:km|m|metres?|kilometres?)\b))?(?:,?\s+(?P<year_after>\d{4}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d"

# --- weapons -----------------------------------------------------------------------------

#: (pattern, weapon label). The first that matches wins, so specific ones come first.
WEAPONS: tuple[tuple[str, str], ...] = (
    (r"multiple[- ]launch\s+rocket\s+systems?(?:\s*\((?:MLRS|BM-21|Grad)[^)]*\))?|MLRS|BM-21|BM-27|Grad|Uragan|Smerch|Tornado", "mlrs"),
    (r"surface[- ]to[- ]air\s+missiles?(?:\s*\((?:SAM|MANPADS)[^)]*\))?|anti[- ]aircraft\s+missiles?|man[- ]portable\s+air[- ]defen[cs]e"
     r"\s+systems?(?:\s*\(MANPADS\))?|MANPADS|SAMs?", "surface_to_air_missile"),
    (r"anti[- ]aircraft(?:\s+(?:gun|cannon)s?)?(?:\s*\((?:ZU-23(?:-2)?|ZU|ZSU)[^)]*\))?|ZU-23(?:-2)?|ZSU-23(?:-4)?|Shilka", "anti_aircraft_gun"),
    (r"automatic\s+grenade[- ]launchers?(?:\s*\(AGS(?:-17|-30)?\))?|AGS-17|AGS-30"
     r"|automatic\s+grenade(?=\s+(?:fire|rounds?|shots?|bursts?)\b)", "automatic_grenade_launcher"),  # "automatic grenade fire"
    (r"under[- ]barrel\s+grenade[- ]launchers?(?:\s*\(UBGL\))?|rocket[- ]propelled\s+grenades?(?:[- ]launchers?)?(?:\s*\(RPG(?:-7)?\))?|RPG(?:-7)?|grenade[- ]launchers?|grenades?", "grenade_launcher"),
    (r"recoilless\s+(?:guns?|rifles?)(?:\s*\(SPG-9\))?|SPG-9", "recoilless_gun"),
    (r"anti[- ]tank\s+(?:guided\s+)?missiles?(?:\s+systems?)?(?:\s*\(ATGM\))?|ATGMs?", "atgm"),
    (r"infantry\s+fighting\s+vehicles?(?:\s*\((?:IFV|BMP)[^)]*\))?(?:\s+(?:cannon|gun)s?)?|IFVs?|BMP(?:-1|-2)?(?:\s*\)?\s*(?:cannon|gun)s?)?|armoured\s+personnel\s+carriers?(?:\s*\(APC\))?|APCs?|BTR(?:-\d+)?", "ifv"),
    (r"tanks?(?:\s+(?:cannon|gun)s?)?|T-64|T-72|T-80", "tank"),
    (r"(?:self[- ]propelled\s+)?howitzers?|artillery|(?:2S1|2S3|D-30|Gvozdika|Akatsiya|Msta-B)", "artillery"),
    (r"mortars?", "mortar"),
    (r"heavy[- ]machine[- ]guns?|HMG|(?:large[- ]calibre|large[- ]caliber)\s+machine[- ]guns?", "heavy_machine_gun"),
    (r"(?:light\s+)?machine[- ]guns?", "machine_gun"),
    (r"small[- ]arms(?:\s+and\s+light[- ]weapons?)?(?:\s*\(SALW\))?|SALW|light[- ]weapons?|automatic\s+(?:weapons?|rifles?)|sniper\s+rifles?|assault\s+rifles?|rifles?|sniper", "small_arms"),
    # (not the interceptor's: "shot down by the Iron Dome missile defense system", patrol25's AC12)
    (r"rockets?|missiles?(?![-\s]+(?:(?:air[-\s]+)?defen[cs]e|interceptors?|interception)\b)", "rocket"),
    (r"drones?|unmanned\s+aerial\s+vehicles?|UAVs?", "drone"),
    (r"heavy\s+weapons?", "heavy_weapon"),
)


def _weapon_pattern(pattern: str) -> re.Pattern[str]:
    """A weapon name as a whole word; its words may also be joined by hyphens ("anti-aircraft-gun fire")."""
    joined = pattern.replace(r"\s+", r"[-\s]+")
    return re.compile(r"(?<![\w-])(?:" + joined + r")(?![\w-])", re.IGNORECASE)


WEAPON_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_weapon_pattern(pattern), label) for pattern, label in WEAPONS
)
#: A calibre: "122mm", "82 mm", "(120mm)", "(12.7mm)", "7.62mm" (session 15: read as 62mm).
CALIBRE = re.compile(r"\(?(?<![\d.,])\b(?P<mm>\d{1,3}(?:\.\d{1,2})?)(?:[\s-]?mm\b|[\s-]mill?imet(?:re|er)s?\b)\)?")  # also a news copy's "82-milimetre", "23-mm"


def calibre_value(text: str) -> int | float:
    """"122" -> 122, "12.7" -> 12.7 (millimetres)."""
    value = float(text)
    return int(value) if value.is_integer() else value
_CALIBRE_CLASS = {"mortar": (60, 82, 120), "artillery": (100, 122, 125, 130, 152, 155, 203)}


def weapon_for_calibre(calibre_mm: int | float) -> str | None:
    """The weapon a calibre implies when the text names none (82mm -> mortar, 152mm -> artillery)."""
    calibre_mm = int(calibre_mm)
    for label, calibres in _CALIBRE_CLASS.items():
        if calibre_mm in calibres:
            return label
    if calibre_mm in (23,):
        return "anti_aircraft_gun"
    if calibre_mm in (30,):
        return "ifv"
    if calibre_mm in (12, 14):
        return "heavy_machine_gun"
    return None
