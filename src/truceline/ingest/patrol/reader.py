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

import os
import re
from datetime import date as Date
from datetime import time, timezone, tzinfo
from pathlib import Path

from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol import table as patrol_table
from truceline.ingest.patrol.refer_back import carry_weapon, reassessment
from truceline.ingest.patrol.rewrite import raw_offset, rewrite_line
from truceline.ingest.patrol.sentence import MISSION_WORD, read_sentence
from truceline.ingest.patrol.split import split_sentences
from truceline.ingest.patrol.state import Observer, State
from truceline.model.errors import InputError, read_text_input
from truceline.model.reports import PATROL_KINDS, Report

DEFAULT_RELIABILITY = "B2"  # a trained mission's own observation: usually reliable, probably true
#: What others told the mission (``reported_by``: the JCCC, a party's officers, residents) is not the mission's own
#: observation: its source is not the mission, often a party to the conflict, and cannot be judged from the text
#: (STANAG 2511 "F"), nor can the claim be confirmed by it ("6"). Attribution weighs a report's corroboration by
#: this grade (``reliability_weight``: F6 0.25 against B2 0.64).
HEARSAY_RELIABILITY = "F6"
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


def read_patrol_text(
    path: str | os.PathLike[str], *, gazetteer: Gazetteer, date: Date | None = None, tz: tzinfo = timezone.utc,
    reliability: str = DEFAULT_RELIABILITY, source: str = "patrol", hearsay_reliability: str = HEARSAY_RELIABILITY,
    period_end: time | None = None,
) -> list[Report]:
    """Parse a patrol-text file (UTF-8) into reports."""
    name = os.fspath(path)
    text = read_text_input(name, encoding="utf-8-sig")
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
    state = State(date=date, night_end=None, period_end=period_end)
    reports: list[Report] = []
    carried: Observer | None = None  # the position of a paragraph that only placed the patrol, for the next one
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
        line, widened = rewrite_line(source_line)  # wordings the clause reader knows, written as the ones it reads
        if not line.strip():
            continue
        index = 0
        # an observer position carries within a paragraph, not beyond; but a spot report's opening paragraph that only
        # placed the patrol ("On 15 May, an SMM patrol comprising six members … was positioned on the south-western edge
        # of X (…)") places the next paragraph's "At 13:36, … the SMM heard …" (session 15: the observer was lost)
        state.position = carried
        carried = None
        # (the raw line: "the enemy opened fire from grenade launchers" is rewritten above as "grenade launchers fire")
        state.party_line = _PARTY_FIRED.search(source_line) is not None and MISSION_WORD.search(source_line) is None
        # a quotation continued in a new paragraph (both lines open with a quote mark: '"… at 14:15 on 6 November, …".' then
        # '"As the patrol continued …, at 14:16, it heard …"'): the day written beside the clock time of the line before
        # is still the day of this one's (patrol20's R03: --date's)
        quoted = _QUOTE_OPENS.match(line) is not None
        continued_day = state.paragraph_date if quoted and quoted_before else None
        quoted_before = quoted
        state.position_times = None
        state.paragraph_date = continued_day
        state.midnight_passed = None
        state.counted_in_text |= state.counted
        state.counted, state.seen, state.event_places = set(), set(), set()
        first_of_line = len(reports)
        previous_text = ""  # the sentence before on this line (its weapon may be the next sentence's)
        for start, end in split_sentences(line):
            sentence = reassessment(line[start:end], reports, previous_sentence)
            if sentence is None:
                sentence = read_sentence(line, start, end, state, gazetteer, date, tz)
                carry_weapon(line[start:end], previous_text, sentence)
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
                    text=table_text or raw[raw_offset(start, widened):raw_offset(end, widened)].strip(),
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


#: A line that opens with a quote mark.
_QUOTE_OPENS = re.compile(r"\s*[\"\u201c\u201e\u00ab]")


#: A spot report's opening: the patrol, what it consisted of (and where it was placed).
_PATROL_PLACED = re.compile(r"\b(?:patrols?|team)\s+(?:consisting|comprising|comprised|composed|made\s+up)\b", re.IGNORECASE)
