"""Salvo mates (events of one salvo that should play one role) and how far a launch may be aimed with its
salvo's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.context import same_place
from truceline.attribute.physics import distance_m
from truceline.attribute.pairing_config import PairingConfig

FloatArray = NDArray[np.float64]


def salvo_mate_groups(time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                      sigma_m: FloatArray | None = None, linked: Callable[[int, int], bool] | None = None) -> NDArray[np.int64]:
    """Per event, the label of its salvo-mate group (-1 for none): events linked by mates, within
    ``salvo_mate_window_s`` and ``salvo_mate_radius_m`` of each other (the radius widened by the two locations' errors,
    :func:`~truceline.attribute.context.same_place`), and, with ``linked``, where ``linked(i, m)`` holds; labelled by their
    first member."""
    n = time_s.size
    near = replace(config, battery_radius_m=config.salvo_mate_radius_m, battery_window_s=config.salvo_mate_window_s)
    root = np.arange(n)

    def find(a: int) -> int:
        while root[a] != a:
            root[a] = root[root[a]]
            a = int(root[a])
        return a

    order = np.argsort(time_s, kind="stable")
    sorted_t = time_s[order]
    for i in range(n):
        lo = np.searchsorted(sorted_t, time_s[i] - config.salvo_mate_window_s, side="left")
        hi = np.searchsorted(sorted_t, time_s[i] + config.salvo_mate_window_s, side="right")
        for m in same_place(i, order[lo:hi].astype(np.intp), time_s, lat, lon, near, sigma_m):
            if linked is not None and not linked(i, int(m)):
                continue
            a, b = find(i), find(int(m))
            if a != b:
                root[max(a, b)] = min(a, b)
    label = np.array([find(i) for i in range(n)], dtype=np.int64)
    size = np.bincount(label, minlength=n)
    return np.where(size[label] > 1, label, -1)


def salvo_aim_factor(i: int, fired: NDArray[np.intp], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                     lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> FloatArray:
    """For a paired launch ``i`` and paired launches ``fired`` at its place: how far each may be a round of its salvo
    by where their impacts landed, ``min(1, LR)`` (a veto, never a reward; 1 for those that fired more than
    ``salvo_aim_window_s`` apart, which may be another mission of the battery).

    A battery's salvo is aimed at one target: its impacts land within a few per cent of the range of each other (the
    simulator's salvos: 90 % within 8 %, all within 17 % of the range). The separation ``s`` of the two impacts is
    Rayleigh with ``sigma^2 = (salvo_dispersion R)^2 + sigma_a^2 + sigma_b^2`` (R the two pairs' mean range, sigma_a/b
    the impacts' position errors) for one salvo, and for two launches aimed independently about uniform over a disc of
    radius R (density ``2 s / R^2``): ``LR = R^2 / (2 sigma^2) exp(-s^2 / (2 sigma^2))``. Two impacts of one mission
    chance-paired as "launches" of far impacts kilometres apart do not make each other a battery. A neighbour whose aim
    agrees with another of the launches there (a salvo of its own, of which ``i`` may be a round mispaired) is not
    vetoed: its factor is the larger of its LR with ``i`` and with the others."""
    out = np.ones(fired.size)
    if not fired.size or partner[i] < 0:
        return out

    def ratio(a: int, b: int) -> float:
        if partner[a] < 0 or partner[b] < 0 or abs(float(time_s[a] - time_s[b])) > config.salvo_aim_window_s:
            return 1.0
        ia, ib = int(partner[a]), int(partner[b])
        reach = 0.5 * float(distance_m(lat[[a, b]], lon[[a, b]], lat[[ia, ib]], lon[[ia, ib]]).sum())
        gap = float(distance_m(lat[[ia]], lon[[ia]], lat[[ib]], lon[[ib]])[0])
        variance = (config.salvo_dispersion * reach) ** 2
        if sigma_m is not None:
            variance += float(sigma_m[ia]) ** 2 + float(sigma_m[ib]) ** 2
        variance = max(variance, 1.0)
        log_ratio = np.log(max(reach, 1.0) ** 2 / (2.0 * variance)) - gap * gap / (2.0 * variance)
        return float(np.exp(min(log_ratio, 0.0)))

    for n, j in enumerate(fired):
        j = int(j)
        if abs(float(time_s[j] - time_s[i])) > config.salvo_aim_window_s:
            continue
        out[n] = ratio(i, j)
        for k in fired:
            if out[n] >= 1.0:
                break
            if int(k) != j and abs(float(time_s[int(k)] - time_s[j])) <= config.salvo_aim_window_s:
                out[n] = max(out[n], ratio(j, int(k)))
    return out
