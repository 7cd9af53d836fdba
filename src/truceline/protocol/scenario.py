"""Seeded fact streams: the worked ``violation`` case and random streams for benchmarks.

:func:`violation_case` is the stream of ``examples/violation.jsonl``: one RU->UA case that
climbs stages 1, 2 and 3 of ukraine-2026 and closes after 48 quiet hours, with hourly clock
ticks, one verdict upgraded from automatic to verified, and one acknowledgement.
"""

from __future__ import annotations

import random

from truceline.model.cases import Acknowledgement, ClockTick, Fact, Violation

HOUR_S = 3600.0
VIOLATION_T0_S = 1772344800.0  # 2026-03-01T06:00:00Z


def violation_case(t0_s: float = VIOLATION_T0_S) -> list[Fact]:
    def verdict(event_id: str, hour: float, known_h: float, sector: str = "donetsk", status: str = "verified") -> Violation:
        return Violation(
            at_s=t0_s + known_h * HOUR_S,
            event_id=event_id,
            firing_party="RU",
            target_party="UA",
            sector=sector,
            time_s=t0_s + hour * HOUR_S,
            confidence=0.97,
            status=status,  # type: ignore[arg-type]
            rule="impact-across-line",
            evidence_ids=(f"event-{event_id}", f"pair-{event_id}"),
        )

    facts: list[Fact] = [
        verdict("ev-1", 0, 0.1, status="automatic"),
        verdict("ev-1", 0, 0.5),  # an analyst verified it half an hour later
        verdict("ev-2", 10, 10.5),  # fighting continues within the 24 h stage-1 window -> stage 2 at +24 h
        Acknowledgement(at_s=t0_s + 20 * HOUR_S, case_id="case-ev-1", by="UK liaison", action_id="case-ev-1/s1/warning", note="warning delivered"),
        verdict("ev-3", 50, 50.25, sector="zaporizhzhia"),
        verdict("ev-4", 70, 70.25),  # still fighting at 72 h -> stage 3 at +72 h
    ]
    facts.extend(ClockTick(at_s=t0_s + hour * HOUR_S) for hour in range(1, 121))
    return sorted(facts, key=lambda f: f.at_s)  # stable: equal times keep the order above


def random_stream(seed: int, n_facts: int, *, t0_s: float = VIOLATION_T0_S, pairs: int = 4, sectors: tuple[str, ...] = ("kharkiv", "luhansk", "donetsk", "zaporizhzhia", "kherson")) -> list[Fact]:
    """A seeded stream of verdicts (two in three verified) and clock ticks, for benchmarks."""
    rng = random.Random(seed)
    codes = [("RU", "UA"), ("UA", "RU")][: max(1, min(pairs, 2))]
    facts: list[Fact] = []
    now = t0_s
    for n in range(n_facts):
        now += rng.expovariate(1 / 600.0)
        draw = rng.random()
        if draw < 0.5:
            firing, target = rng.choice(codes)
            event_id = f"ev-{n}"
            time_s = now - rng.uniform(0, 1800)
            facts.append(
                Violation(
                    at_s=now, event_id=event_id, firing_party=firing, target_party=target, sector=rng.choice(sectors),
                    time_s=time_s, confidence=rng.uniform(0.8, 1.0), status=rng.choice(["verified", "verified", "automatic"]),  # type: ignore[arg-type]
                    rule="impact-across-line", evidence_ids=(f"e{n}",),
                )
            )
        else:
            facts.append(ClockTick(at_s=now))
    return facts
