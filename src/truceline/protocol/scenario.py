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


def random_stream(seed: int, n_facts: int, *, t0_s: float = VIOLATION_T0_S, sectors: tuple[str, ...] = ("kharkiv", "luhansk", "donetsk", "zaporizhzhia", "kherson")) -> list[Fact]:
    """A seeded stream for benchmarks: bouts of fighting (a verdict every ~40 min, two in three
    verified, either direction) for 0-100 h, then 50-150 quiet hours, with a clock tick between
    verdicts, so that cases open, climb the ladder and close over and over."""
    rng = random.Random(seed)
    facts: list[Fact] = []
    now = t0_s
    fighting_until = now + rng.uniform(0, 100) * HOUR_S
    while len(facts) < n_facts:
        if now < fighting_until:
            now += rng.expovariate(1 / 2400.0)
            n = len(facts)
            firing, target = ("RU", "UA") if rng.random() < 0.7 else ("UA", "RU")
            facts.append(
                Violation(
                    at_s=now, event_id=f"ev-{n}", firing_party=firing, target_party=target, sector=rng.choice(sectors),
                    time_s=now - rng.uniform(0, 1800), confidence=rng.uniform(0.8, 1.0),
                    status=rng.choice(["verified", "verified", "automatic"]),  # type: ignore[arg-type]
                    rule="impact-across-line", evidence_ids=(f"e{n}",),
                )
            )
        else:
            now += HOUR_S
            if now > fighting_until + rng.uniform(50, 150) * HOUR_S:
                fighting_until = now + rng.uniform(0, 100) * HOUR_S
        facts.append(ClockTick(at_s=now + 1.0))
        now += 1.0
    return facts[:n_facts]
