"""The patrol-text reader (`truceline ingest patrol-text`; CONTRACTS.md "Patrol text"), module by concern.

The entry points are in :mod:`truceline.ingest.patrol.reader` (``parse_patrol_text``, ``read_patrol_text``);
docs/ingest.md ("Session 21 (split21)") lists the modules and what each holds.
"""
