"""What carries from one sentence to the next (:class:`State`), the observer (:class:`Observer`) and places the text
described (:class:`Described`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from datetime import time
from typing import Any

from truceline.ingest.gazetteer import Place


@dataclass(frozen=True, slots=True, kw_only=True)
class Observer:
    """Where the observer was: position (if known), place name, offset from it, and doubts."""

    lat: float | None = None
    lon: float | None = None
    place: str | None = None
    offset: str | None = None  # "2 km SW": the position is that far from the place
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Described:
    """A place the gazetteer lacks, where the text's description of it put it ("Kalynove (…, 60km west of
    Luhansk)"): remembered, so that a later bare "Kalynove" in the same text is placed there too."""

    place: Place
    text: str  # the description: "60km west of Luhansk"
    error_km: float  # how far the place may lie from there (the description's own doubt)


@dataclass(slots=True)
class State:
    """What carries from one sentence to the next."""

    date: Date | None
    night_end: Date | None
    position: Observer | None = None
    last_position: Observer | None = None  # the last observer read, across paragraphs: "from the same position"
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
    described: dict[str, Described] = field(default_factory=dict)  # places the text described, by folded name
    # the clock time of a sentence that placed the patrol and observed nothing ("At 11:57 on 21 May, an SMM patrol … was
    # positioned on the western edge of X."): the time of "… members were inside the vehicles when they heard …" next
    position_times: Any = None
    paragraph_date: Date | None = None  # the day written beside that sentence's clock time, for the paragraph's times
    # a window of this paragraph crossed midnight ("between 23:40 and 00:15"): (the day it began, the day after); a later
    # morning clock time of the paragraph on the first day is on the second ("…, and at 00:30 a shot"; patrol28)
    midnight_passed: tuple[Date, Date] | None = None
    counted: set[str] = field(default_factory=set)  # the families of fire counted earlier in the line ("explosion", "shot")
    seen: set[str] = field(default_factory=set)  # the families of fire observed earlier in the line, counted or not
    counted_in_text: set[str] = field(default_factory=set)  # the families of fire counted on the lines before this one
    event_places: set[str] = field(default_factory=set)  # the places (folded) of that fire, where the text placed it
    weapons: set[str] = field(default_factory=set)  # the weapons of that fire, where the text named them
