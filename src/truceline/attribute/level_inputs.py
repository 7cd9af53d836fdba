"""Which events' levels the run's level model learns its "any event" density from (session 26, level26).

:func:`truceline.attribute.acoustics.fit_level_model` learns each class's launch and impact levels from the confident
pairs, and takes every event's level as the run's "any event" density (``LevelModel.all_levels_db``, its kernel's
bandwidth, and the intruder term of the contaminated-normal fit). That density is what a few events that are not fire
move: on ``violation`` seed 11 the fusion's ``storm_cells`` drops 11 unpaired clutter events (7-13 picks each, 102-112 dB)
that are in no pair, sure or not, yet the model moves by 0.01-0.02 dB (the density, its bandwidth 1.583 -> 1.569 dB, and
the attenuation fitted from every event's picks shifting every level by about 0.01 dB), and one mission's pairing 3 h
and 150 km away flips (docs/attribution.md, "Session 26 (level26)").

``level_density_events="sure"`` (:class:`~truceline.attribute.pairing_config.PairingConfig`) takes the density from the
events of the confident pairs alone: fire by time of flight, which no unpaired clutter event can enter, so the model no
longer depends on such events at all. It is an option, off: it makes main's and the storm-on events' attribution
identical on every seed, but the pairs' events are the loud, well-located rounds, and a density without the unpaired
rest of the run (impacts without a located launch, few-pick rounds) costs violation fused op recall 1763 -> 1637.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

LEVEL_DENSITY_EVENTS = ("all", "sure")


def level_fit_input(level_db: FloatArray, launch: NDArray[np.int64], impact: NDArray[np.int64], sure: NDArray[np.bool_],
                    events: str = "all") -> FloatArray:
    """The levels to hand :func:`~truceline.attribute.acoustics.fit_level_model`: every event's (``"all"``), or only
    those of the events of the pairs marked ``sure`` (``"sure"``; NaN elsewhere, which the fit reads as "no level").
    The pairs' own levels are the same either way, so only the "any event" density and its bandwidth change."""
    if events not in LEVEL_DENSITY_EVENTS:
        raise ValueError(f"level_density_events must be one of {LEVEL_DENSITY_EVENTS}, not {events!r}")
    level_db = np.asarray(level_db, dtype=np.float64)
    if events == "all":
        return level_db
    keep = np.zeros(level_db.size, dtype=bool)
    keep[np.asarray(launch, dtype=np.int64)[sure]] = True
    keep[np.asarray(impact, dtype=np.int64)[sure]] = True
    return np.where(keep, level_db, np.nan)
