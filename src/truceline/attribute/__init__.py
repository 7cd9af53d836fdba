"""Attribution: launch/impact pairing, firing party, corroboration by reports, violation verdicts, cases.

The batch API is :func:`attribute_events` (events table + areas + reports -> :class:`Attribution`)
followed by :func:`decide_verdicts` (attribution + the agreement's terms -> verdicts) and
:func:`group_cases`. ``docs/attribution.md`` explains the method.
"""

from truceline.attribute.attribution import Attribution, AttributionConfig, attribute_events
from truceline.attribute.cases import group_cases
from truceline.attribute.rules import Verdict, decide_verdicts

__all__ = ["Attribution", "AttributionConfig", "Verdict", "attribute_events", "decide_verdicts", "group_cases"]
