"""Partners an event should have: how many would fit its pair's time of flight by chance, and whether an unpaired
event's partner was located but not paired, or heard."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.context import same_place
from truceline.attribute.physics import ENVELOPES, distance_m, flight_costs, time_of_flight_bounds_s
from truceline.attribute.pairing_config import PairingConfig

FloatArray = NDArray[np.float64]


def chance_partners(launch_end: int, impact_end: int, kind: NDArray[np.str_], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                    config: PairingConfig, class_probability: FloatArray, sigma_m: FloatArray | None = None,
                    exclude: NDArray[np.int64] | None = None, partner: NDArray[np.int64] | None = None) -> float:
    """Expected number of events that would fit the pair's time of flight by chance at the launch's place.

    The rival of "``launch_end`` launched what landed at ``impact_end``" is that the launch end is one more event of
    fire landing (or of anything else happening) at its place, and its time fits by chance. Events at the launch's place
    (:func:`~truceline.attribute.context.same_place`) other than paired launches (a battery's guns: the salvo's mates; given
    ``partner``, only those whose impact landed at the pair's impact's place: a battery's salvo engages one target, while
    two "launches" side by side whose impacts lie apart are as likely two impacts of a cloud chance-paired each its own way),
    ``exclude`` (the impact's other candidate launches: an unpaired gun of the battery that could have fired it) and
    the pair's own two events come at a rate ``count / (2 battery_window_s)``; the time of flight's envelope at the
    pair's distance (per class, weighed by the pair's class probabilities) is how wide a window a chance event has to fit.
    Poisson: the expected number of such events in the window; a lone battery's launch (no other events at its place)
    gets 0, a "launch" inside another mission's impact cloud about as many as the cloud's rounds in a minute."""
    others = np.flatnonzero(kind != "launch")
    if partner is not None and not config.chance_rate_unpaired:
        others = others[partner[others] >= 0]
    if partner is not None:
        launches = np.flatnonzero((kind == "launch") & (partner >= 0))
        launches = launches[(launches != launch_end)]
        if launches.size:
            # Paired launches whose impact is not at this pair's impact's place are not the salvo's mates.
            mates_impacts = same_place(impact_end, partner[launches].astype(np.intp), time_s, lat, lon, config, sigma_m)
            others = np.union1d(others, launches[~np.isin(partner[launches], mates_impacts)])
    others = others[(others != launch_end) & (others != impact_end)]
    if exclude is not None and exclude.size:
        others = others[~np.isin(others, exclude)]
    near = same_place(launch_end, others, time_s, lat, lon, config, sigma_m)
    if not near.size:
        return 0.0
    gap = distance_m(np.array([lat[launch_end]]), np.array([lon[launch_end]]), np.array([lat[impact_end]]), np.array([lon[impact_end]]))
    width = 0.0
    total = float(class_probability.sum())
    for envelope, weight in zip(ENVELOPES, class_probability):
        if weight <= 0.0:
            continue
        low, high = time_of_flight_bounds_s(envelope, gap)
        if np.isfinite(low[0]) and np.isfinite(high[0]):
            width += float(weight) * max(float(high[0] - low[0]), 0.0)
    if total > 0.0:
        width /= total
    return float(near.size) * width / (2.0 * config.battery_window_s)


def located_partners(kind: NDArray[np.str_], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                     config: PairingConfig, sigma_m: FloatArray | None = None, *, p_launch: FloatArray | None = None,
                     p_impact: FloatArray | None = None, class_probability: FloatArray | None = None) -> tuple[FloatArray, FloatArray]:
    """Per event: (the probability that its partner as a launch was located but not paired, that its partner as an
    impact was), for the unpaired events (``partner < 0``; 0 elsewhere).

    A battery's salvo is fired within seconds and its rounds fly within a few per cent of one another to one target. An
    unpaired event ``i`` with a battery mate ``m`` — a paired launch at its place (:func:`~truceline.attribute.context.same_place`)
    fired within ``salvo_aim_window_s`` of it — whose impact ``j`` landed at time of flight ``t_j - t_m``: if another
    unpaired event landed at ``j``'s place (not at ``i``'s own) within ``partner_heard_window_s`` of ``t_i + t_j - t_m``,
    ``i``'s impact as a launch of that salvo was located, and the pairing missed the pair (a candidate vetoed or lost
    to a mate). The mirror: an unpaired event landing where a paired impact ``j`` landed within ``salvo_aim_window_s``,
    with an unpaired event at ``j``'s launch's place within the window of ``t_i - (t_j - t_m)``, had its launch located.
    A detonation landing on a battery minutes after it fired has no such round: the battery's impacts of that minute
    were paired with its guns or lie at another time. The mate is a launch (the mirror's: an impact) only as surely as its
    role (``p_launch`` / ``p_impact``; without them, sure): two detonations side by side, one chance-paired as a
    "launch", are no salvo; the probability is the largest over the mates that find such a round.

    With ``partner_heard_flight`` the round found counts only as far as the flight between it and the event fits the
    time-of-flight envelope of the mate's weapon (:func:`flight_fit_share`, the classes weighed by ``class_probability``
    of the mate's pair; without them, any class): a round of the salvo flew as its mates did, while an impact of other
    fire that happens to land at the mate's impact's place at the right moment seldom lies at a range the weapon's
    time of flight allows."""
    n = kind.size
    as_launch = np.zeros(n)
    as_impact = np.zeros(n)
    unpaired = np.flatnonzero(partner < 0)
    launches = np.flatnonzero((partner >= 0) & (kind == "launch"))
    impacts = partner[launches].astype(np.intp)
    wide = replace(config, battery_window_s=float("inf"))

    def found(i: int, place: int, at: float) -> NDArray[np.intp]:
        near = unpaired[(unpaired != i) & (np.abs(time_s[unpaired] - at) <= config.partner_heard_window_s)]
        if not near.size:
            return near.astype(np.intp)
        near = same_place(place, near.astype(np.intp), time_s, lat, lon, wide, sigma_m)
        if near.size:
            near = np.setdiff1d(near, same_place(i, near, time_s, lat, lon, wide, sigma_m))
        return near.astype(np.intp)

    def fits(launch: NDArray[np.intp] | int, impact: NDArray[np.intp] | int, mate: int) -> float:
        if not config.partner_heard_flight:
            return 1.0
        return float(np.max(flight_fit_share(np.atleast_1d(launch), np.atleast_1d(impact), time_s, lat, lon, sigma_m,
                                             None if class_probability is None else class_probability[mate])))

    for i in map(int, unpaired):
        mates = launches[np.abs(time_s[launches] - time_s[i]) <= config.salvo_aim_window_s]
        for m in same_place(i, mates.astype(np.intp), time_s, lat, lon, config, sigma_m):
            j = int(partner[m])
            near = found(i, j, float(time_s[i] + time_s[j] - time_s[m]))
            if near.size:
                role = 1.0 if p_launch is None else float(np.clip(p_launch[m], 0.0, 1.0))
                as_launch[i] = max(as_launch[i], role * fits(np.full(near.size, i, dtype=np.intp), near, int(m)))
        landed = impacts[np.abs(time_s[impacts] - time_s[i]) <= config.salvo_aim_window_s]
        for k in map(int, same_place(i, landed, time_s, lat, lon, config, sigma_m)):
            fired = int(partner[k])
            near = found(i, fired, float(time_s[i] - (time_s[k] - time_s[fired])))
            if near.size:
                role = 1.0 if p_impact is None else float(np.clip(p_impact[k], 0.0, 1.0))
                as_impact[i] = max(as_impact[i], role * fits(near, np.full(near.size, i, dtype=np.intp), k))
    return as_launch, as_impact


def flight_fit_share(launch: NDArray[np.intp], impact: NDArray[np.intp], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                     sigma_m: FloatArray | None = None, class_probability: FloatArray | None = None) -> FloatArray:
    """Per (launch, impact) pair of events: the probability, over the weapon classes (weighed by ``class_probability``;
    None: any class), that the flight from one to the other fits the class's time-of-flight envelope at their range —
    within the four standard deviations (the two positions' errors ``sigma_m`` and the envelope's own allowance) that
    make a candidate pair (:func:`truceline.attribute.physics.flight_costs`; the events' timing errors, tenths of a second,
    are left to the envelope's allowance). 0 for a flight no class (of those weighed) can make."""
    launch = np.asarray(launch, dtype=np.intp)
    impact = np.asarray(impact, dtype=np.intp)
    range_m = distance_m(lat[launch], lon[launch], lat[impact], lon[impact])
    range_sigma = (np.zeros(launch.size) if sigma_m is None
                   else np.hypot(np.asarray(sigma_m, dtype=np.float64)[launch], np.asarray(sigma_m, dtype=np.float64)[impact]))
    costs = flight_costs(range_m, time_s[impact] - time_s[launch], range_sigma, np.zeros(launch.size))
    possible = np.isfinite(costs) & (time_s[impact] > time_s[launch])[:, None]
    if class_probability is None:
        return np.asarray(possible.any(axis=1), dtype=np.float64)
    weights = np.clip(np.asarray(class_probability, dtype=np.float64), 0.0, None)
    if weights.sum() <= 0.0:
        return np.asarray(possible.any(axis=1), dtype=np.float64)
    return np.asarray(possible @ weights / weights.sum(), dtype=np.float64)
