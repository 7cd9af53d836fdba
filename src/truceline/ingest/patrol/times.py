"""Times and dates: clock times read from a clause, and the days and windows they resolve to.

String level: ``read_times`` (the clock times of a clause: "between 09:56 and 10:38", "at 21:25 on 13 March"),
``read_duration``. Resolved against what carries between sentences (:class:`~truceline.ingest.patrol.state.State`):
``parse_date``, ``read_day_span``, ``evenings_start``, the parts of a day (``PART_OF_DAY_HOURS``), ``date_window`` and
``resolve_times``, which turn a reading into a record's ``time_start`` / ``time_end``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import TIME_AT, TIME_RANGE
from truceline.ingest.patrol.scan import ClauseReading, Clock, Group, Scan
from truceline.ingest.patrol.state import State


def read_times(scan: Scan, start: int, end: int) -> tuple[Clock, Clock] | None:
    """The time window written in [start, end): from the first time named to the last; claims them.

    "at 14:05", "between 09:56 and 10:38", "at 14:05, 14:07 and 14:10" (14:05..14:10).
    """
    found: list[tuple[int, Clock, Clock]] = []
    for match in scan.find(TIME_RANGE, start, end):
        zone = _claim_zone(scan, start + match.end(), start + len(scan.view(start, end)))
        scan.claim(start + match.start(), start + match.end())
        found.append((match.start(), clock_time(match["t1"], match["d1"], *zone), clock_time(match["t2"], match["d2"], *zone)))
    for match in scan.find(TIME_AT, start, end):
        zone = _claim_zone(scan, start + match.end(), start + len(scan.view(start, end)))
        scan.claim(start + match.start(), start + match.end())
        clock = clock_time(match["t1"], match["d1"], *zone)
        found.append((match.start(), clock, clock))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    for (_, before, _), (_, after, _) in zip(found, found[1:]):
        # "… near Oktiabr, at 10:00 p.m. 10 bombs fell there, and at 4:10 p.m. there were three tank rounds" (patrol19's
        # L02: one window from 22:00 to 16:10 the next day): undated times written out of order belong to observations
        # of their own, and make no window (a night's "at 23:50 and 00:10" runs on)
        if (before.date_text is None and after.date_text is None and (after.hour, after.minute) < (before.hour, before.minute)
                and not (before.hour >= 20 and after.hour < 4)):
            return None
    return (found[0][1], found[-1][2])


def clock_time(text: str, date_text: str | None, utc_offset_minutes: int | None = None, zone_key: str | None = None) -> Clock:
    hour, minute = text.split(":")
    return Clock(hour=int(hour), minute=int(minute), date_text=date_text, utc_offset_minutes=utc_offset_minutes,
                 zone_key=zone_key)


#: Zones that missions and parties write after a time, in hours east of UTC. Only names that mean one zone in this
#: genre ("IST" is India's and Israel's, "AMT" Armenia's and Amazon's: left out).
ZONE_HOURS: dict[str, float] = {"GMT": 0, "UTC": 0, "ZULU": 0, "WAT": 1, "CET": 1, "CAT": 2, "EET": 2, "CEST": 2,
                                "EEST": 3, "EAT": 3, "MSK": 3, "IDT": 3, "PKT": 5}
#: Zones named by a city, whose offset from UTC depends on the day (patrol28): "at 23:40 (Moscow time)" is UTC+4 before 26
#: October 2014 and UTC+3 after, "(Kyiv time)" EET in winter and EEST in summer. Read with ``zoneinfo`` and the clock's
#: own date (a named zone outranks --timezone, as "GMT" does).
CITY_ZONES: dict[str, str] = {
    "moscow": "Europe/Moscow", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "tbilisi": "Asia/Tbilisi", "baku": "Asia/Baku",
    "yerevan": "Asia/Yerevan", "beirut": "Asia/Beirut", "damascus": "Asia/Damascus", "israel": "Asia/Jerusalem",
    "jerusalem": "Asia/Jerusalem", "pakistan": "Asia/Karachi", "islamabad": "Asia/Karachi", "juba": "Africa/Juba",
    "khartoum": "Africa/Khartoum",
}
_ZONE = (r"(?:(?P<zone>GMT|UTC|Zulu|WAT|CET|CAT|EET|CEST|EEST|EAT|MSK|IDT|PKT)(?:\s*(?P<sign>[+\u2212-])\s*(?P<zh>\d{1,2})"
         r"(?::?(?P<zm>[0-5]\d))?)?|(?P<city>(?-i:" + "|".join(name.capitalize() for name in CITY_ZONES) + r"))\s+(?i:time)"
         # "(local time)", "(local)": the reader's own zone, understood
         r"|(?i:(?P<local>local\s+time|local(?=\s*\)))))")
#: A zone written just after a time: "18:40 GMT", "between 05:30 and 07:00 (EAT)", "at 02:15 (Tbilisi time, UTC+4)",
#: "at 07:15 local time" (the reader's own zone: understood, nothing changes). A local time's equivalent in brackets,
#: "at 07:15 local time (04:15 GMT)", is not read (``rewrite._OTHER_ZONE``, patrol22's convention: --timezone says
#: what local is).
_ZONE_AFTER = re.compile(r"\s*(?:hrs\b\.?\s*)?(?P<open>\(\s*(?:[A-Za-z][a-z]+\s+time\s*,\s*)?)?" + _ZONE
                         + r"(?(open)\s*\)|)(?![\w+])")


def _zone_offset(match: re.Match[str]) -> int | None:
    """Minutes east of UTC of the zone a match read (None: the reader's own, "local time", or a city's)."""
    if match["zone"] is None:
        return None
    minutes = round(ZONE_HOURS[match["zone"].upper()] * 60)
    if match["zh"] is not None:  # "UTC+4", "GMT-3"
        minutes += (-1 if match["sign"] in "-\u2212" else 1) * (int(match["zh"]) * 60 + int(match["zm"] or 0))
    return minutes


def _claim_zone(scan: Scan, at: int, end: int) -> tuple[int | None, str | None]:
    """The zone written at ``at`` (claimed): minutes east of UTC, or the IANA key of a city's zone; (None, None) if none,
    or "local time"."""
    match = _ZONE_AFTER.match(scan.text[at:end])  # the raw text: a bracketed acronym ("(EAT)") may be claimed already
    if match is None:
        return None, None
    first = next(name for name in ("open", "zone", "city", "local") if match[name])
    scan.claim(at + match.start(first), at + match.end())
    if match["zone"] and match["zone"].upper() == "MSK" and match["zh"] is None:  # Moscow's: UTC+4 until 26 October 2014
        return None, CITY_ZONES["moscow"]
    return _zone_offset(match), CITY_ZONES[match["city"].lower()] if match["city"] else None


_DURATION = re.compile(r"\b(?:in|over|within|during|for)\s+(?:an?\s+|the\s+)?(?:(?:space|span|period|course)\s+of\s+)?"
                       r"(?P<span>(?:(?:about|approximately|around|some|nearly|almost|"
                       r"roughly|over|more\s+than|less\s+than|up\s+to)\s+)?(?:\d+|an?|a\s+few|several|" + ph.NUMBER_WORD + r")[- ](?:second|minute|hour)"
                       r"(?:s|-long)?)(?:\s+(?:period|span|interval))?(?:\s+of\s+observation)?\b", re.IGNORECASE)


def read_duration(scan: Scan, group: Group, start: int, end: int) -> None:
    for match in scan.find(_DURATION, start, end):  # "in a 15-minute period": how long, not when
        scan.claim(start + match.start(), start + match.end())
        group.duration = group.duration or re.sub(r"\s+", " ", match["span"].lower())


PLAIN_DATE = r"(?:" + ph.MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + ph.MONTH + r")(?:,?\s+\d{4})?"
#: Whole days from one date to another, as weekly and two-week reports write them: "Between 4 and 17 May", "from 27 April
#: to 10 May 2020" (patrol21's U03: not read, the counts undated).
_DAY_SPAN = re.compile(
    r"\b(?:between|from)\s+(?P<first>\d{1,2}(?:\s+" + ph.MONTH + r")?|" + ph.MONTH + r"\s+\d{1,2})\s+(?:and|to|until|till|through)\s+"
    r"(?P<last>" + PLAIN_DATE + r")(?!\s*(?:,\s*)?\d{1,2}[:.]\d{2})", re.IGNORECASE)
#: An evening runs from 18:00 to 21:00: a period "between the evenings of 2 and 3 June" is 2 June 18:00 to 3 June 21:00.
EVENING_START_HOUR, EVENING_END_HOUR = 18, 21


def parse_date(text: str, state: State, default_date: Date | None) -> tuple[Date | None, Date | None]:
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


def read_day_span(scan: Scan, start: int, end: int, state: State, default_date: Date | None) -> bool:
    """"Between 4 and 17 May": the sentence's days, whole (``State.span_end``), claimed; False when none is written."""
    match = next(scan.find(_DAY_SPAN, start, end), None)
    if match is None:
        return False
    last, _ = parse_date(match["last"], state, default_date)
    first_text = match["first"]
    if first_text.isdigit():  # "Between 4 and 17 May": the first day's month is the last's (or the month before)
        first = day_before(int(first_text), last)
    else:
        year = f" {last.year}" if last is not None and not re.search(r"\d{4}", first_text) else ""
        first, _ = parse_date(first_text + year, state, default_date)
        if first is not None and last is not None and first > last:
            first = first.replace(year=first.year - 1)
    if first is None or last is None or not first < last:
        return False
    state.date, state.night_end, state.evenings, state.date_written = first, None, False, True
    state.span_end, state.date_part = last, None
    scan.claim(start + match.start(), start + match.end())
    return True


def day_before(day: int, last: Date | None) -> Date | None:
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


def evenings_start(match: re.Match[str], last: Date | None) -> Date | None:
    """The first day of "between the evenings of 30 June and 1 July" (its month, if unwritten, that of the last
    day, or the month before when the day number is larger)."""
    if last is None:
        return None
    day = int(match["first"])
    if not (match["first_month"] or match["month_before"]):
        return day_before(day, last)
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
    # "In the early hours of 9 March" (patrol28's AI04: the whole day)
    "early hours": (0, 6),
}


def own_part_of_day(reading: ClauseReading, group: Group) -> str | None:
    """The part of the day of one observation: the clause's one, or, where two are written ("Over a three hour period in
    the morning, the SMM heard nine explosions …, and in the afternoon four explosions"; patrol18b's C06: both untimed),
    the last one written before the observation's noun."""
    return reading.time_of_day if len(reading.parts_of_day_at) < 2 else group.part_of_day


def daytime_hours(time_of_day: str | None) -> tuple[int, int] | None:
    """The hours of one part of the day that ends before the evening ("in the morning", "in the afternoon"), else None."""
    if time_of_day is None or "," in time_of_day:
        return None
    part = re.sub(r"^(?:(?:in|during|on)\s+(?:the\s+)?|this\s+)", "", time_of_day.strip().lower())
    hours = PART_OF_DAY_HOURS.get(part)
    return hours if hours is not None and hours[1] <= 19 else None


def _part_of_day_hours(part: str | None) -> tuple[int, int] | None:
    """"evening" -> (15, 24); "morning and afternoon" -> (4, 18); a night or an unknown part -> None (the whole day)."""
    if part is None:
        return None
    hours = [PART_OF_DAY_HOURS.get(piece.strip()) or PART_OF_DAY_HOURS.get(re.sub(r"\s+hours$", "", piece.strip()))
             for piece in re.split(r"\s+and\s+(?:the\s+)?", part.lower())]
    if not hours or any(span is None for span in hours):
        return None
    return min(span[0] for span in hours if span), max(span[1] for span in hours if span)


#: A part of the day the sentence has dated, written later in it: "… on the early morning of 20 August, and recorded 55
#: undetermined explosions … on that night" (patrol17: the second count was given the early morning).
_THAT_PART = re.compile(r"(?P<lead>\b(?:on|during|in|over|later|earlier)\s+)?\b(?:that|the\s+same)\s+"
                        r"(?P<part>night|evening|morning|afternoon)\b", re.IGNORECASE)


def that_part_of_day(line: str, start: int, end: int) -> str | None:
    """"on that night", "Later that evening", "That night, …" (not "said that night shelling …"): the part of the day."""
    for match in _THAT_PART.finditer(line, start, end):
        before = line[start:match.start()].rstrip()
        if match["lead"] or not before.strip(" \"\u201c\x1f") or before.endswith(","):
            return match["part"].lower()
    return None


def date_window(state: State, tz: tzinfo, that_part: str | None = None) -> tuple[float, float]:
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


def _city_zone(key: str) -> tzinfo:
    """The zone of an IANA key; Kyiv under its older key where the system's zone data predate 2022 ("Europe/Kiev")."""
    try:
        return ZoneInfo(key)
    except ZoneInfoNotFoundError:
        return ZoneInfo(key.replace("Kyiv", "Kiev"))


def resolve_times(
    times: tuple[Clock, Clock], state: State, default_date: Date | None, tz: tzinfo,
) -> tuple[float | None, float | None, list[str]]:
    first, second = times
    dated_by_end = bool(second.date_text) and not first.date_text
    if dated_by_end:  # "between 02:30 and 03:12 on 5 March": the start is on the 5th too (or the 4th, if later)
        first = replace(first, date_text=second.date_text)
    moments: list[datetime | None] = []
    warnings: list[str] = []
    for clock in (first, second):
        day: Date | None
        if clock.date_text:
            day, _ = parse_date(clock.date_text, state, default_date)
        elif state.night_end is not None and clock.hour < (EVENING_START_HOUR if state.evenings else 12):
            day = state.night_end
        else:
            day = state.paragraph_date or state.date or default_date
            if state.midnight_passed is not None and day == state.midnight_passed[0] and clock.hour < 12:
                day = state.midnight_passed[1]  # after a window of the paragraph that crossed midnight
        if day is None:
            warnings.append(f"time {clock.hour:02d}:{clock.minute:02d} has no date: pass --date")
            moments.append(None)
        else:
            zone = (_city_zone(clock.zone_key) if clock.zone_key else tz if clock.utc_offset_minutes is None
                    else timezone(timedelta(minutes=clock.utc_offset_minutes)))
            moments.append(datetime(day.year, day.month, day.day, clock.hour, clock.minute, tzinfo=zone))
    start, end = moments
    if start is not None and end is not None and end < start and dated_by_end:
        start -= timedelta(days=1)
    if start is not None and end is not None and end < start and not second.date_text:
        end += timedelta(days=1)
        if state.night_end is None:
            first_day = start.date()
            state.midnight_passed = (first_day, first_day + timedelta(days=1))
    if start is not None and end is not None and end < start:
        warnings.append("the time window ends before it starts: read the other way round")
        start, end = end, start
    return (
        None if start is None else start.timestamp(),
        None if end is None else end.timestamp(),
        list(dict.fromkeys(warnings)),
    )
