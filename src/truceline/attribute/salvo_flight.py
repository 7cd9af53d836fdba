"""An unpaired salvo and its located impacts: N launches, then N impacts one time of flight later.

A battery fires its salvo within seconds and its rounds fly alike, so the salvo's impacts land in the same order one
common time of flight later, at one place. The pairing can miss such a salvo whole: where the battery stood closer to
the mapped line than its class is deployed (``physics.WeaponEnvelope.min_depth_m``; on `violation` seed 12, RU's gun
and rocket batteries fired from 0.2-0.7 km behind the mapped line), every one of its pairs pays the depth's miss, none
is a candidate, and the 3 + 3 (and 2 + 2) events are left unpaired. Each is then read by its lone evidence, which says
of a launch that "its impact would have been heard" and of an impact that its launch went unheard: the launches read
as impacts (p 0.67-0.89), the seed's surest wrong verdicts after the crossfire.

The located impacts are the evidence the lone reading misses. :func:`salvo_located_partners` finds, for each unpaired
event ``i`` with another unpaired round at its place within ``salvo_aim_window_s`` (a salvo), an unpaired event ``j``
across the line, later by a flight that fits some class's time-of-flight envelope at their range
(:func:`truceline.attribute.partners.flight_fit_share`: range and time only, deployment depth left to the pairing),
such that another round of ``i``'s salvo has an unpaired event at ``j``'s place landing after it by the same time of
flight (within ``unpaired_salvo_delay_s`` plus ``unpaired_salvo_delay_fraction`` of it: one firing solution). Then
``i``'s impact as a launch and ``j``'s launch as an impact were located but not paired, with probability one less the
chance of so many matches among the events landing there (:func:`chance_match`): the same evidence as
:func:`truceline.attribute.partners.located_partners` (which needs a paired battery mate), and it enters the unpaired
events' odds the same way (the role in which the partner was located pays no "partner went unheard"). One pair of
events at the right range and time may be chance; two rounds each followed by one at a common delay seldom are.

Used by :func:`truceline.attribute.unpaired_roles.assign_unpaired_roles` (``PairingConfig.unpaired_salvo_partners``), only
where the line is known (the crossing is what keeps two impact clouds on one side apart).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from scipy.stats import binom

from truceline.attribute.context import same_place
from truceline.attribute.pairing_config import PairingConfig
from truceline.attribute.partners import flight_fit_share
from truceline.attribute.physics import MAX_TIME_OF_FLIGHT_S

FloatArray = NDArray[np.float64]


def salvo_located_partners(partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                           sigma_m: FloatArray | None = None, line_m: FloatArray | None = None) -> tuple[FloatArray, FloatArray]:
    """Per event: (the probability that its impact as a launch was located among an unpaired salvo's impacts, that its
    launch as an impact was located among an unpaired salvo's launches; 0 elsewhere and for paired events). See the module.
    ``line_m`` (signed distance from the line): the flight must cross it; fire does not land on its own side, while two
    missions' impact clouds on one side, one landing a time of flight after the other, are common (`violation` seeds 9 and
    13). Without it every flight that fits counts."""
    n = partner.size
    as_launch = np.zeros(n)
    as_impact = np.zeros(n)
    unpaired = np.flatnonzero(partner < 0).astype(np.intp)
    salvo = replace(config, battery_window_s=config.salvo_aim_window_s)
    for i in map(int, unpaired):
        mates = same_place(i, unpaired, time_s, lat, lon, salvo, sigma_m)
        if not mates.size:
            continue
        later = unpaired[(time_s[unpaired] > time_s[i]) & (time_s[unpaired] <= time_s[i] + MAX_TIME_OF_FLIGHT_S)]
        later = later[~np.isin(later, mates) & (later != i)]
        if line_m is not None:
            later = later[np.sign(line_m[later]) != np.sign(line_m[i])]
        if not later.size:
            continue
        fits = flight_fit_share(np.full(later.size, i, dtype=np.intp), later, time_s, lat, lon, sigma_m) > 0.0
        for j in map(int, later[fits]):
            flight = float(time_s[j] - time_s[i])
            landed = same_place(j, unpaired, time_s, lat, lon, salvo, sigma_m)
            landed = landed[~np.isin(landed, mates) & (landed != i)]
            if not landed.size:
                continue
            tolerance = config.unpaired_salvo_delay_s + config.unpaired_salvo_delay_fraction * flight
            matched = rounds_matched(time_s[mates] + flight, time_s[landed], tolerance)
            if matched:
                share = 1.0 - chance_match(matched, mates.size, landed.size, tolerance, config.salvo_aim_window_s)
                as_launch[i] = max(as_launch[i], share)
                as_impact[j] = max(as_impact[j], share)
    return as_launch, as_impact


def rounds_matched(expected_s: FloatArray, landed_s: FloatArray, tolerance_s: float) -> int:
    """How many of the rounds expected at ``expected_s`` (a salvo's other rounds' times plus the time of flight) find each a
    landed event of their own within ``tolerance_s`` (one round, one impact): the largest such matching, greedily in time
    order (every window is equally wide, so the earliest free event that fits is never a worse choice)."""
    free = np.sort(np.asarray(landed_s, dtype=np.float64))
    used = np.zeros(free.size, dtype=bool)
    matched = 0
    for t in np.sort(np.asarray(expected_s, dtype=np.float64)):
        fit = np.flatnonzero(~used & (np.abs(free - t) <= tolerance_s))
        if fit.size:
            used[fit[0]] = True
            matched += 1
    return matched


def chance_match(matched: int, mates: int, landed: int, tolerance_s: float, window_s: float) -> float:
    """The probability that at least ``matched`` of a salvo's ``mates`` other rounds find, by chance, one of ``landed``
    events (at the far place, within ``window_s`` of the far event) within ``tolerance_s`` of their time plus the time
    of flight: each mate's chance is ``min(1, landed 2 tolerance / (2 window))`` (the landed events' times spread evenly
    over the window), binomial over the mates. A busy impact area (five rounds landing in the minute, a long flight's
    tolerance of 7 s) matches any salvo (`heavy`); one round landing 3.7 s wide seldom does."""
    rate = min(1.0, landed * 2.0 * tolerance_s / (2.0 * window_s))
    return float(binom.sf(matched - 1, mates, rate))


def with_salvo_partners(located: tuple[FloatArray, FloatArray], salvo: tuple[FloatArray, FloatArray]) -> tuple[FloatArray, FloatArray]:
    """:func:`truceline.attribute.partners.located_partners`' probabilities with an unpaired salvo's located partners
    (the larger of the two per event and role)."""
    return np.maximum(located[0], salvo[0]), np.maximum(located[1], salvo[1])
