"""What the streaming associator hands out: the events one call decided, with when and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa


@dataclass(frozen=True, slots=True, kw_only=True)
class Emission:
    """Events emitted by one call, in the tables of CONTRACTS.md, with when and why."""

    events: pa.Table
    assignments: pa.Table
    emitted_at_s: np.ndarray
    """Stream clock (latest pick time or heartbeat seen) when each event was emitted."""
    last_pick_s: np.ndarray
    """Time of each event's last contributing pick (as the station reported it)."""
    opened_by: np.ndarray
    """Which search opened each event (``quick``, ``early<k>``, ``deciding``, ``warm``; see
    :attr:`truceline.fuse.pending.OpenEvent.opened_by`)."""
    opened_at_s: np.ndarray
    """Stream clock when each event was opened (found by that search)."""

    @property
    def latency_s(self) -> np.ndarray:
        return self.emitted_at_s - self.last_pick_s

    @staticmethod
    def concat(parts: list[Emission]) -> Emission:
        """One emission of several (at least one; empty ones are skipped unless all are)."""
        parts = [p for p in parts if p.events.num_rows] or parts[:1]
        return Emission(events=pa.concat_tables([p.events for p in parts]),
                        assignments=pa.concat_tables([p.assignments for p in parts]),
                        emitted_at_s=np.concatenate([p.emitted_at_s for p in parts]),
                        last_pick_s=np.concatenate([p.last_pick_s for p in parts]),
                        opened_by=np.concatenate([p.opened_by for p in parts]),
                        opened_at_s=np.concatenate([p.opened_at_s for p in parts]))


PartyAt = Callable[[np.ndarray, np.ndarray], np.ndarray]
