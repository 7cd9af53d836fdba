"""A place's record over the run as evidence of an event's role: where the sides fired from, where their fire landed.

The contexts of :mod:`truceline.attribute.context` read an event's place in the same minutes (a battery firing, a
mission's impact cloud). Over the whole run a place has a record too: confident launches there at other times (a firing
position) and confident impacts there at other times (a target area). Which role the record favours is the run's to say,
not a rule's: batteries move after firing and the other side's counter-battery fire lands where their launches were
located, so a firing position of one hour is as likely a target of the next (the `violation` truth: of the true impacts,
32-39 % have a launch of another mission within 500 m, of the true launches 8-16 %). :func:`place_record` puts each
event in one of four cells (a confident launch of another time within ``radius_m``: yes / no; a confident impact: yes /
no), and :func:`record_likelihood_ratio` learns each cell's ``P(cell | launch) / P(cell | impact)`` from the run's
confident pairs (their roles come from time of flight), each pair's own events left out of the counts that judge them,
with ``prior_events`` pseudo-events per cell and role. Times within ``window_s`` of the event are the contexts' and not
counted here, nor is the event's partner.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.physics import distance_m

FloatArray = NDArray[np.float64]


def place_record(launches: NDArray[np.intp], impacts: NDArray[np.intp], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                 lon: FloatArray, *, radius_m: float, window_s: float) -> NDArray[np.int64]:
    """Per event, its cell ``2 a + b``: ``a`` = some event of ``launches`` (not itself, not its partner) lies within
    ``radius_m`` and more than ``window_s`` from it in time, ``b`` the same for ``impacts``."""
    n = time_s.size
    cell = np.zeros(n, dtype=np.int64)
    for bit, members in ((2, launches), (1, impacts)):
        if not members.size:
            continue
        for i in range(n):
            others = members[(members != i) & (members != partner[i]) & (np.abs(time_s[members] - time_s[i]) > window_s)]
            if others.size and bool(np.any(distance_m(np.full(others.size, lat[i]), np.full(others.size, lon[i]), lat[others],
                                                      lon[others]) <= radius_m)):
                cell[i] += bit
    return cell


def record_likelihood_ratio(cell: NDArray[np.int64], launches: NDArray[np.intp], impacts: NDArray[np.intp], *,
                            prior_events: float) -> FloatArray:
    """Per event, ``P(its cell | launch) / P(its cell | impact)`` learned from the confident pairs' ``launches`` and
    ``impacts`` (their cells), ``prior_events`` pseudo-events per cell and role; an event that is one of them is left out
    of the counts that judge it (and so is its pair's other event, which is in the other role list)."""
    launch_count = np.bincount(cell[launches], minlength=4).astype(np.float64)
    impact_count = np.bincount(cell[impacts], minlength=4).astype(np.float64)
    ratio = np.ones(cell.size)
    is_launch = np.zeros(cell.size, dtype=bool)
    is_launch[launches] = True
    is_impact = np.zeros(cell.size, dtype=bool)
    is_impact[impacts] = True
    for i in range(cell.size):
        n_launch, n_impact = launch_count.copy(), impact_count.copy()
        if is_launch[i]:
            n_launch[cell[i]] -= 1.0
        if is_impact[i]:
            n_impact[cell[i]] -= 1.0
        p_launch = (n_launch[cell[i]] + prior_events) / (n_launch.sum() + 4.0 * prior_events)
        p_impact = (n_impact[cell[i]] + prior_events) / (n_impact.sum() + 4.0 * prior_events)
        ratio[i] = p_launch / p_impact
    return ratio


def describe_cell(cell: int, radius_m: float) -> str:
    """The cell in words, for a reason."""
    launch = "a confident launch" if cell & 2 else "no confident launch"
    impact = "a confident impact" if cell & 1 else "no confident impact"
    return f"{launch} and {impact} within {radius_m:.0f} m at other times of the run"
