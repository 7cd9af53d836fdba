"""Crossfire: a battery's place under the other side's fire, told apart by the sound of the fire that lands there.

Fire is answered. A mortar battery that fires is located by the other side, whose answer lands at or near the battery a
minute later; the impact-area context (:mod:`truceline.attribute.context`) then holds the battery's own launches: an
event where paired impacts of fire from elsewhere landed in the same minutes is likelier an impact (odds learned from the
run's pairs, about 1 : 30 to 1 : 80), and a true launch paired with its true impact by time of flight drops to p launch
0.08 (`violation` seed 12, fused: RU's mortar launches E000096/E000097 beside UA's answering bombs E000102-E000104, 1.3
km and 59 s away; both read as impacts, the seed's two surest wrong verdicts).

What tells the two readings apart is how the events sound. One fire mission's rounds on one area are one weapon's
(calibre, charge, fuze), so its detonations are about equally loud at 1 km; an event that is another impact of that fire
sounds like them. A launch need not: a mortar's propellant charge in its short tube is 10-15 dB quieter than its bomb's
detonation (98 dB against 110-114 dB on seed 12). So each impact neighbour supports an event's impact-area context only as
far as the two levels allow two rounds of one weapon — :func:`truceline.attribute.level_evidence.same_weapon_factor`,
the density of the levels' difference as two rounds of one weapon over its density for two levels of the run drawn at
random, ``min(1, LR)``. It is the impact-area mirror of ``PairingConfig.battery_levels`` (a battery's guns sound alike):
a veto, never a reward; an event whose level fits the area's detonations keeps the context at full strength, and unknown
levels (or no learned level model) change nothing. A gun's muzzle blast and its shell's detonation are about equally
loud, so a gun battery under fire is not told apart this way (its launches keep reading as the area's impacts): the
test only acts where the run's levels separate the two sounds.

Used by :func:`truceline.attribute.context.weighted_context_neighbours` (``PairingConfig.impact_area_levels``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.level_evidence import same_weapon_factor

if TYPE_CHECKING:
    from truceline.attribute.acoustics import SourceLevels
    from truceline.attribute.level_model import LevelModel

FloatArray = NDArray[np.float64]


def impact_area_level_weights(i: int, landed: NDArray[np.intp], levels: SourceLevels | None, model: LevelModel | None) -> FloatArray:
    """Per impact neighbour in ``landed`` (paired impacts of fire from elsewhere at event ``i``'s place and minutes), how
    far the two levels allow event ``i`` to be another impact of that fire: ``min(1, LR)`` of their difference as two
    rounds of one weapon against two levels of the run at random (:func:`same_weapon_factor`). 1 where a level or the
    model is unknown."""
    landed = np.asarray(landed, dtype=np.intp)
    if levels is None or model is None or not landed.size:
        return np.ones(landed.size)
    return same_weapon_factor(model, float(levels.level_db[i]), float(levels.level_sigma_db[i]), levels.level_db[landed],
                              levels.level_sigma_db[landed])
