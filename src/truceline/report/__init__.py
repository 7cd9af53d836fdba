"""The daily report (HTML and PDF, with a map and charts) and the exports for analysts.

Public API::

    truceline.report.data     Run, Window, Summary, load_run, summarise, day_window, range_window
    truceline.report.figures  front_map, hourly_chart (PNG bytes, matplotlib, no downloads)
    truceline.report.render   render_html, write_report (HTML via Jinja2, PDF via WeasyPrint)
    truceline.report.exports  geojson / write_geojson, acled_rows / write_acled, write_events_parquet
    truceline.report.commands report (the click command)
"""
