"""``truceline ingest``: turn what people write into ``reports`` JSON Lines."""

from __future__ import annotations

import sys
from datetime import date as Date
from datetime import time as Time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from truceline.model.reports import Report, write_reports


@click.group("ingest")
def ingest() -> None:
    """Read patrol reports and open-source records into `reports` JSON Lines.

    Every sub-command reads the whole input, checks it, and only then writes OUT (all or
    nothing). The output is the `reports` format of CONTRACTS.md, read back by
    `truceline.model.reports.read_reports`.
    """


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _parse_zone(ctx: click.Context, param: click.Parameter, value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"{value!r} is not a time zone name such as UTC or Europe/Kyiv") from None


def _parse_clock(ctx: click.Context, param: click.Parameter, value: str | None) -> Time | None:
    if value is None:
        return None
    try:
        return Time.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a time of day in the form HH:MM") from None


def _check_grade(ctx: click.Context, param: click.Parameter, value: str) -> str:
    grade = value.strip().upper()
    if len(grade) != 2 or grade[0] not in "ABCDEF" or grade[1] not in "123456":
        raise click.BadParameter(f"{value!r} is not a NATO/Admiralty grade (A-F then 1-6, e.g. B2)")
    return grade


def _summary(reports: list[Report], out: str, what: str) -> None:
    with_warnings = sum(1 for report in reports if report.warnings)
    located = sum(1 for report in reports if report.observer_lat is not None or report.lat is not None)
    click.echo(
        f"{what}: wrote {len(reports)} reports to {out} ({located} with a position, {with_warnings} with warnings)",
        err=True,
    )


@ingest.command("patrol-text")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Where to write the reports (JSON Lines).")
@click.option(
    "--date", "date", callback=_parse_date, metavar="YYYY-MM-DD",
    help="Date of times written without one (\"at 14:05\"). A date in the text (\"On 3 March\") takes over "
    "from there on; without either, times are left empty with a warning.",
)
@click.option(
    "--timezone", "zone", default="UTC", show_default=True, callback=_parse_zone,
    help="Time zone the times are written in, e.g. Europe/Kyiv (the OSCE SMM used local time).",
)
@click.option(
    "--reliability", default="B2", show_default=True, callback=_check_grade,
    help="NATO/Admiralty grade given to every report of the mission's own observations (source A-F, information 1-6).",
)
@click.option(
    "--hearsay-reliability", default="F6", show_default=True, callback=_check_grade,
    help="Grade of what others told the mission (\"The JCCC reported that ...\", residents): records with `reported_by`.",
)
@click.option(
    "--period-end", "period_end", callback=_parse_clock, metavar="HH:MM",
    help="With --date: the text is a report of the period that ends on that date at HH:MM (the OSCE SMM's ran from 19:30 to "
    "19:30); an observation it neither times nor dates gets that period as its window. Without it, such observations "
    "stay untimed (and attribution cannot match them).",
)
@click.option("--source", default="patrol", show_default=True, help="Value of the `source` field.")
@click.option(
    "--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False), default=None,
    help="CSV of places (name,oblast,lat,lon,alt_names) to use instead of the bundled one.",
)
def patrol_text(
    file: str, out: str, date: Date | None, zone: ZoneInfo, reliability: str, hearsay_reliability: str,
    period_end: Time | None, source: str, gazetteer_path: str | None,
) -> None:
    """Parse patrol reports written as prose into structured reports.

    FILE is plain UTF-8 text, one or more sentences a line, as monitoring missions write them:

    \b
      Positioned 2km south-west of Svitlodarsk, the SMM heard 22 undetermined
      explosions 3-5km south-south-west between 09:56 and 10:38.

    Each observation becomes one record with its count and kind (explosion_undetermined,
    explosion_impact, explosion_outgoing, airburst, projectile_in_flight, burst, shot, flare,
    other), weapon, bearing sector (a 16-point compass point: SSW = 191.25..213.75 degrees),
    distance range, flight direction, time window, and the observer's position: coordinates, or
    a place from the gazetteer, moved by "N km DIR of". Nothing is dropped: every line that is
    not blank gives at least one record, and what was not understood is listed in `warnings`.
    """
    from truceline.ingest.gazetteer import Gazetteer
    from truceline.ingest.patrol.reader import read_patrol_text

    gazetteer = Gazetteer.from_file(gazetteer_path) if gazetteer_path else Gazetteer.bundled()
    reports = read_patrol_text(
        file, gazetteer=gazetteer, date=date, tz=zone, reliability=reliability, source=source,
        hearsay_reliability=hearsay_reliability, period_end=period_end,
    )
    write_reports(reports, out)
    _summary(reports, out, file)


@ingest.command("acled")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Where to write the reports (JSON Lines).")
@click.option(
    "--reliability", default="C3", show_default=True, callback=_check_grade,
    help="NATO/Admiralty grade given to every record (ACLED compiles media reports: C3 by default).",
)
def acled(file: str, out: str, reliability: str) -> None:
    """Import an ACLED CSV export as located open-source reports.

    Needs the columns event_id_cnty, event_date, event_type, latitude and longitude; uses
    sub_event_type, geo_precision, time_precision, notes and fatalities when present and carries
    every other column through. geo_precision 1/2/3 becomes a location uncertainty of
    5/25/100 km. A bad row stops the import with its line number and nothing is written.
    """
    from truceline.ingest.acled import read_acled

    reports = read_acled(file, reliability=reliability)
    write_reports(reports, out)
    _summary(reports, out, file)


if __name__ == "__main__":  # pragma: no cover
    ingest.main(sys.argv[1:])
