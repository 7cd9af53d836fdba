"""The rendered report: HTML sections, a PDF that rasterises, the same bytes twice."""

from __future__ import annotations

import shutil
import subprocess

from report_fixtures import DAY
from truceline.report.data import day_window, summarise
from truceline.report.render import render_html, write_report


def test_html_has_every_section(small_run):
    summary = summarise(small_run, day_window(DAY))
    html = render_html(small_run, summary, as_of_s=small_run.as_of_s)
    for heading in ("1. Summary", "2. Violations by firing party", "3. Map", "4. Violations per hour", "5. Notable incidents",
                    "6. Escalation timeline", "7. Method and sources", "8. Ledger checkpoint", "Annex: every violation of the period (3)"):
        assert heading in html, heading
    assert html.count('src="data:image/png;base64,') == 2
    assert "synthetic run" in html and "No signed checkpoint" in html


def test_pdf_renders_to_png_and_is_reproducible(small_run, tmp_path):
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None, "pdftoppm (poppler-utils) is needed to check the PDF; `make venv` installs it as root"
    summary = summarise(small_run, day_window(DAY))
    first = write_report(small_run, summary, tmp_path / "a" / "report.html", tmp_path / "a" / "report.pdf", as_of_s=small_run.as_of_s)
    second = write_report(small_run, summary, tmp_path / "b" / "report.html", tmp_path / "b" / "report.pdf", as_of_s=small_run.as_of_s)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    pdf = first[1]
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run([pdftoppm, "-r", "40", "-f", "1", "-l", "2", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 5_000 for p in pages)
