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
``i``'s impact as a launch and ``j``'s launch as an impact were located but not paired: the same evidence as
:func:`truceline.attribute.partners.located_partners` (which needs a paired battery mate), and it enters the unpaired
events' odds the same way (the role in which the partner was located pays no "partner went unheard"). One pair of
events at the right range and time may be chance; two rounds each followed by one at a common delay seldom are.

Used by :func:`truceline.attribute.unpaired_roles.assign_unpaired_roles` (``PairingConfig.unpaired_salvo_partners``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.context import same_place
from truceline.attribute.pairing_config import PairingConfig
from truceline.attribute.partners import flight_fit_share
from truceline.attribute.physics import MAX_TIME_OF_FLIGHT_S

FloatArray = NDArray[np.float64]


def salvo_located_partners(partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                           sigma_m: FloatArray | None = None, line_m: FloatArray | None = None) -> tuple[FloatArray, FloatArray]:
    """Per event: (1 where its impact as a launch was located among an unpaired salvo's impacts, 1 where its launch as an
    impact was located among an unpaired salvo's launches; 0 elsewhere and for paired events). See the module.
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
            delays = time_s[landed][None, :] - time_s[mates][:, None]
            if np.any(np.abs(delays - flight) <= tolerance):
                as_launch[i] = as_impact[j] = 1.0
    return as_launch, as_impact


def with_salvo_partners(located: tuple[FloatArray, FloatArray], salvo: tuple[FloatArray, FloatArray]) -> tuple[FloatArray, FloatArray]:
    """:func:`truceline.attribute.partners.located_partners`' probabilities with an unpaired salvo's located partners
    (the larger of the two per event and role)."""
    return np.maximum(located[0], salvo[0]), np.maximum(located[1], salvo[1])
