"""The daily report as HTML (Jinja2, templates shipped in the package) and PDF (WeasyPrint).

:func:`render_html` returns one self-contained HTML document (figures embedded as PNG data
URIs, the stylesheet inlined), so the file can be mailed or archived on its own;
:func:`write_report` writes it and, from the same HTML, the PDF. The text states the period,
the time the figures are valid at ("as of"), the checkpoint and the command that verifies it.
"""

from __future__ import annotations

import base64
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jinja2
import numpy as np

from truceline.model.atomic import write_bytes_atomically
from truceline.report.data import ReportError, Run, Summary, format_utc
from truceline.report.figures import front_map, hourly_chart, party_colour

TEMPLATES = Path(__file__).with_name("templates")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["utc"] = format_utc
    environment.filters["hm"] = lambda t: datetime.fromtimestamp(t, tz=timezone.utc).strftime("%H:%M")
    environment.filters["pct"] = lambda p: f"{100.0 * p:.0f} %"
    return environment


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def figures(run: Run, summary: Summary) -> dict[str, str]:
    """The map and the hourly chart as data URIs."""
    events = summary.events
    n = events.num_rows
    ids = [str(e) for e in events["event_id"].to_pylist()]
    verdict_of = {v.event_id: v for v in summary.violations}

    def column(name: str, default: Any) -> list[Any]:
        if name not in events.column_names:
            return [default] * n
        return [default if v is None else v for v in events[name].to_pylist()]

    party = [verdict_of[e].firing_party if e in verdict_of else str(p or "") for e, p in zip(ids, column("firing_party", ""))]
    is_violation = np.array([e in verdict_of for e in ids], dtype=bool)
    title = f"Events of {summary.window.label}: {n} located, {len(summary.violations)} violations"
    map_png = front_map(
        run.areas,
        np.asarray(column("lat", np.nan), dtype=float),
        np.asarray(column("lon", np.nan), dtype=float),
        party,
        np.asarray(column("ellipse_major_km", np.nan), dtype=float),
        np.asarray(column("ellipse_minor_km", np.nan), dtype=float),
        np.asarray(column("ellipse_azimuth_deg", 0.0), dtype=float),
        is_violation,
        title=title,
    )
    first_hour = datetime.fromtimestamp(summary.window.start_s, tz=timezone.utc).hour
    chart_png = hourly_chart(summary.hourly, format_utc(summary.window.start_s), first_hour=first_hour, parties=run.areas.parties)
    return {"map": _data_uri(map_png), "hourly": _data_uri(chart_png)}


def render_html(run: Run, summary: Summary, *, as_of_s: float) -> str:
    """The report as one HTML document."""
    template = _environment().get_template("report.html")
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    colours = {p: party_colour(p, run.areas.parties) for p in list(run.areas.parties) + [""]}
    return template.render(
        run=run,
        summary=summary,
        as_of_s=as_of_s,
        images=figures(run, summary),
        css=css,
        colours=colours,
        status_note={
            "automatic": "automatic detection, not yet reviewed",
            "corroborated": "matched by a patrol or open-source report",
            "verified": "verified by an analyst: counts for the escalation ladder",
            "disputed": "disputed by an analyst",
            "dismissed": "dismissed by an analyst",
        },
    )


def html_to_pdf(html: str, base_url: Path, *, epoch_s: float) -> bytes:
    """Render HTML to PDF with WeasyPrint (needs the pango system libraries).

    The embedded font subsets carry a timestamp; fontTools takes it from ``SOURCE_DATE_EPOCH``,
    which is set to ``epoch_s`` (the report's "as of" time) while rendering, so that the same
    report gives the same bytes."""
    try:
        import weasyprint
    except (ImportError, OSError) as problem:  # OSError: the pango libraries are missing
        raise ReportError(
            f"the PDF needs WeasyPrint and its system libraries ({problem}); install them with "
            "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0` (or `make venv` as root)"
        ) from None
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch_s))
    try:
        document = weasyprint.HTML(string=html, base_url=str(base_url))
        pdf = document.write_pdf(pdf_identifier=b"truceline-report")
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    assert pdf is not None
    return bytes(pdf)


def write_report(run: Run, summary: Summary, html_path: Path, pdf_path: Path | None, *, as_of_s: float) -> list[Path]:
    """Write the HTML (and the PDF) report; each file appears whole or not at all."""
    html = render_html(run, summary, as_of_s=as_of_s)
    written = []
    pdf = html_to_pdf(html, html_path.parent, epoch_s=as_of_s) if pdf_path is not None else None
    write_bytes_atomically(html_path, html.encode("utf-8"))
    written.append(html_path)
    if pdf_path is not None and pdf is not None:
        write_bytes_atomically(pdf_path, pdf)
        written.append(pdf_path)
    return written
