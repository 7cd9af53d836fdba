"""The few-picks prior: an unpaired event located from few picks may be no source at all (issue #4, session 15, pair15).

Moved here from :mod:`truceline.attribute.attribution` (session 27, merge27), which imports and re-exports
:class:`FewPicksConfig`; ``AttributionConfig.few_picks`` turns it on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from truceline.attribute.company import CompanyConfig


@dataclass(frozen=True, slots=True, kw_only=True)
class FewPicksConfig:
    """The prior that an unpaired event is not a source at all (a coincidence of other sources' picks in busy fire that
    the fusion located), by how many picks located it. A location needs three arrivals (x, y, t); the fourth and every
    further one is a test a chimera passes only by chance, so the prior odds (not a source : a source) are
    ``odds4 * survival ** (n - 4)`` for ``n`` picks (``odds4`` from ``prior4``, the share at four picks). The unpaired
    event's fire claims are multiplied by ``P(source) = 1 / (1 + odds)``; a paired event's rounds are confirmed by time of
    flight and keep their claims. On `violation` seeds 7-11 fused (the truth, not used by the stage): of the unpaired
    events located from 4, 5, 6, 7, 8 and 9 or more picks, 20/30, 18/41, 14/31, 12/47, 2/29 and 20/326 match no true
    event. Fixed numbers, not learned from the run."""

    prior4: float = 0.4  # share of unpaired events located from 4 picks that are not a source
    survival: float = 0.5  # chance that a chimera's further arrival fits the location
    max_picks: int = 5  # events located from more picks keep their claims (8: measured, worse on seeds 7-11 both halves)
    # Session 22 (attrib22): an event with a volley mate (another located event within the pairing's ``volley_window_s`` and
    # ``volley_radius_m``, widened by the locations' errors) is a round of repeated fire at its place, which a chimera of
    # other sources' picks seldom has (violation fused s7-s13, unpaired events of 4-7 picks with a located event within
    # 600 m and 15 s: 68 of 112 true rounds, 7 of 82 that match no true event): it keeps its claims. Off: with the prior,
    # fused op recall 1714 -> 1756 but s7 355 -> 353 and s10 238 -> 237 (lone drone-munition impacts of 4-5 picks).
    spare_salvo_mates: bool = False
    # Session 27 (merge27): not None: the prior is weighed only where the event's picks have company (other picks at its
    # stations within seconds: the other rounds a merge is made of), and a volley mate spares it only if the mate is not
    # the source of its picks (:mod:`truceline.attribute.company`). On in ``AttributionConfig``'s default (with
    # ``prior4`` 0.5 and ``spare_salvo_mates``): docs/attribution.md, "Session 27 (merge27)".
    company: CompanyConfig | None = None

    def source_probability(self, n_picks: int) -> float:
        if n_picks > self.max_picks or n_picks < 1:
            return 1.0
        odds = self.prior4 / (1.0 - self.prior4) * self.survival ** max(n_picks - 4, 0)
        return 1.0 / (1.0 + odds)


def few_picks_sources(event_ids: Sequence[str], assignments: pa.Table, weigh: NDArray[np.bool_],
                      config: FewPicksConfig) -> list[tuple[int, int, float]]:
    """(event index, picks that located it, prior probability that it is a source) for every event marked ``weigh``
    (the unpaired events the prior is not spared for) whose prior is below 1; the picks are counted in ``assignments``."""
    n_picks: dict[str, int] = {}
    for event in assignments["event_id"].to_pylist():
        n_picks[str(event)] = n_picks.get(str(event), 0) + 1
    out: list[tuple[int, int, float]] = []
    for i in map(int, np.flatnonzero(weigh)):
        count = n_picks.get(event_ids[i], 0)
        source = config.source_probability(count)
        if source < 1.0:
            out.append((i, count, source))
    return out


def few_picks_reason(count: int, source: float, company: int | None = None, window_s: float = 0.0) -> str:
    """The reason's clause for an event that carries the prior (``company``: its stations that heard other sound within
    ``window_s``, when the prior was weighed only for such events)."""
    heard = f": {company} of its stations heard other sound within {window_s:g} s" if company is not None else ""
    return (f"; located from {count} picks, {count - 3} beyond the three a location needs: a source with prior"
            f" probability {source:.3g} (else a coincidence of other sources' picks{heard}); fire claims x {source:.3g}")
