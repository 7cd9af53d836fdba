"""A volley's rounds fly alike: two launches fired together from one place share the firing solution.

A battery fires a volley on one command: its guns or launchers stand tens to a few hundred metres apart, fire within
seconds and lay on one target with one charge and elevation, so their rounds land together *and spend the same time in
the air* (within a few per cent: the simulator's volleys, launches within 10 s and 1.5 km of each other, differ by a
median 3 %, 90 % within 7-10 %, at most 19 % of the time of flight, range differences included). Two detonations of one
mission that the pairing took for "launches" of two impacts elsewhere (issue #4's coincident impact clouds: one party's
rounds landing at one place while the other party's land across the line a minute later) are each other's battery; the
pairs the time of flight chose for them follow whichever impact fits each, so their impacts lie kilometres apart or their
times of flight differ by tens of per cent. :func:`volley_factor` is how far a paired launch's battery neighbour, fired
within ``volley_window_s``, may be a round of its volley: the likelihood ratio of their two pairs' aim and time of flight
under "one volley" against "two launches paired independently", capped at 1 (a veto on the mutual support, never a
reward). Used by :mod:`truceline.attribute.pairing` (``PairingConfig.volley_consistency``).
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.physics import ENVELOPES, distance_m, time_of_flight_bounds_s

if TYPE_CHECKING:
    from truceline.attribute.acoustics import LevelModel, SourceLevels
    from truceline.attribute.pairing import PairingConfig

FloatArray = NDArray[np.float64]


def volley_ratio(a: int, b: int, partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                 class_probability: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> float:
    """``min(1, LR)`` of paired launches ``a`` and ``b`` (fired within ``volley_window_s``) being one volley's rounds.

    Aim: the impacts' separation ``s`` is Rayleigh with ``sigma^2 = (volley_dispersion R)^2 + sigma_a^2 + sigma_b^2``
    under one volley (R the mean range, sigma the impacts' position errors) and about uniform over a disc of radius R for
    two launches aimed independently: ``LR_aim = R^2 / (2 sigma^2) exp(-s^2 / (2 sigma^2))`` (``volley_aim``). Time of
    flight: the difference ``d`` of the two times of flight is normal with ``sigma^2 = (volley_tof_spread T)^2 +
    volley_time_sigma_s^2`` under one volley (T the mean time of flight) and about uniform over the width ``W`` of the
    time-of-flight envelope at the mean range (the classes weighed by ``a``'s pair's class probabilities) for two
    independent pairs: ``LR_tof = W N(d; 0, sigma)``. The larger of the two assignments of the two impacts to the two
    launches: which round landed where does not matter to whether they were one volley (a volley whose two pairs the
    assignment crossed is one). 1 when either is unpaired or they fired further apart than the window."""
    if partner[a] < 0 or partner[b] < 0 or abs(float(time_s[a] - time_s[b])) > config.volley_window_s:
        return 1.0
    ia, ib = int(partner[a]), int(partner[b])
    return max(_volley_log_ratio(a, ia, b, ib, time_s, lat, lon, class_probability, config, sigma_m),
               _volley_log_ratio(a, ib, b, ia, time_s, lat, lon, class_probability, config, sigma_m))


def _volley_log_ratio(a: int, ia: int, b: int, ib: int, time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                      class_probability: FloatArray, config: PairingConfig, sigma_m: FloatArray | None) -> float:
    """:func:`volley_ratio` of launches ``a``, ``b`` with impacts ``ia``, ``ib``."""
    ranges = distance_m(lat[[a, b]], lon[[a, b]], lat[[ia, ib]], lon[[ia, ib]])
    reach = max(0.5 * float(ranges.sum()), 1.0)
    gap = float(distance_m(lat[[ia]], lon[[ia]], lat[[ib]], lon[[ib]])[0])
    variance = (config.volley_dispersion * reach) ** 2
    if sigma_m is not None:
        variance += float(sigma_m[ia]) ** 2 + float(sigma_m[ib]) ** 2
    variance = max(variance, 1.0)
    log_ratio = np.log(reach ** 2 / (2.0 * variance)) - gap * gap / (2.0 * variance) if config.volley_aim else 0.0
    tof_a, tof_b = float(time_s[ia] - time_s[a]), float(time_s[ib] - time_s[b])
    mean_tof = 0.5 * (tof_a + tof_b)
    width = 0.0
    weights = np.asarray(class_probability, dtype=np.float64)
    total = float(weights.sum())
    for envelope, weight in zip(ENVELOPES, weights):
        if weight <= 0.0:
            continue
        low, high = time_of_flight_bounds_s(envelope, np.array([reach]))
        if np.isfinite(low[0]) and np.isfinite(high[0]):
            width += float(weight) * max(float(high[0] - low[0]), 0.0)
    if total > 0.0 and width > 0.0:
        width /= total
        sigma_t = float(np.hypot(config.volley_tof_spread * abs(mean_tof), config.volley_time_sigma_s))
        d = tof_a - tof_b
        log_ratio += np.log(width / (np.sqrt(2.0 * np.pi) * sigma_t)) - d * d / (2.0 * sigma_t * sigma_t)
    return float(np.exp(min(log_ratio, 0.0)))


def volley_factor(i: int, fired: NDArray[np.intp], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray, lon: FloatArray,
                  class_probability: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> FloatArray:
    """For a paired launch ``i`` and the paired launches ``fired`` at its place: how far each may be a round of ``i``'s
    volley (:func:`volley_ratio`; 1 for those fired more than ``volley_window_s`` from it, or unpaired). A neighbour whose
    pair agrees with another launch there (a volley of its own, of which ``i`` may be a mispaired round) keeps the larger
    ratio: only launches whose pairs agree with none of their mates lose their support."""
    out = np.ones(fired.size)
    if not fired.size or partner[i] < 0:
        return out
    for n, j in enumerate(map(int, fired)):
        out[n] = volley_ratio(i, j, partner, time_s, lat, lon, class_probability[i], config, sigma_m)
        for k in map(int, fired):
            if out[n] >= 1.0:
                break
            if k != j:
                out[n] = max(out[n], volley_ratio(j, k, partner, time_s, lat, lon, class_probability[j], config, sigma_m))
    return out


def volley_groups(time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                  sigma_m: FloatArray | None = None, levels: SourceLevels | None = None,
                  model: LevelModel | None = None) -> NDArray[np.int64]:
    """Per event, its volley's label (-1 for none): events linked by being within ``volley_window_s`` and
    ``volley_radius_m`` of each other (the radius widened by the two locations' errors, as ``same_place``). With
    ``config.volley_same_weapon`` (and ``levels`` and ``model``) two events are linked only where their levels may be two
    rounds of one weapon: :func:`~truceline.attribute.acoustics.same_weapon_factor` at least ``volley_same_weapon_min``
    (a salvo is one battery's rounds, of one calibre and charge; an unknown level links as before)."""
    from truceline.attribute.pairing import salvo_mate_groups
    near = replace(config, salvo_mate_window_s=config.volley_window_s, salvo_mate_radius_m=config.volley_radius_m)
    linked = None
    if config.volley_same_weapon and levels is not None and model is not None:
        from truceline.attribute.acoustics import same_weapon_factor
        level, sigma = levels.level_db, levels.level_sigma_db

        def linked(i: int, j: int) -> bool:
            factor = same_weapon_factor(model, float(level[i]), float(sigma[i]), level[j:j + 1], sigma[j:j + 1])
            return bool(factor[0] >= config.volley_same_weapon_min)
    return salvo_mate_groups(time_s, lat, lon, near, sigma_m, linked)


def split_impacts(pairs: list[tuple[int, int]], time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
                  sigma_m: FloatArray | None = None, counted: list[tuple[int, int]] | None = None) -> int:
    """How many of ``counted`` (pairs (launch, impact); default all ``pairs``) land with other impacts of ``pairs`` none
    of which was launched from their launch's place: impacts within ``volley_split_window_s`` and ``volley_radius_m`` of
    each other (the radius widened by the two locations' errors, as ``same_place``) are one volley's, and one volley is
    fired from one place (launches within ``battery_radius_m`` and ``battery_window_s``, widened likewise). The
    simulator's truth: of 1,167 pairs of true impacts within 5 s and 500 m of each other (`violation` seeds 7-11 and
    `heavy` 0.25 h), none came from two places (at most 595 m and 8.9 s apart). A round paired with an impact that lands
    0.4 s beside the impacts of another battery's volley is a mispairing. A pair whose impact lands with at least one
    impact launched from its own place is not counted, nor one whose mates are fewer than ``volley_split_mates`` launched
    from one place (the volley's majority keeps its pairs; the odd one is split)."""
    from truceline.attribute.context import same_place
    if len(pairs) < 2:
        return 0
    launch = np.array([a for a, _ in pairs], dtype=np.intp)
    impact = np.array([b for _, b in pairs], dtype=np.intp)
    together = volley_together(config)
    count = 0
    for a, b in (pairs if counted is None else counted):
        mates = same_place(b, impact, time_s, lat, lon, together, sigma_m)
        if not mates.size:
            continue
        launched = launch[np.isin(impact, mates)]
        if same_place(a, launched, time_s, lat, lon, config, sigma_m).size:
            continue
        # The mates must be a volley of their own: at least ``volley_split_mates`` of them launched from one place (two
        # pairs that land together from two places are each as odd as the other).
        if max(1 + same_place(int(m), launched, time_s, lat, lon, config, sigma_m).size for m in launched) >= config.volley_split_mates:
            count += 1
    return count


def volley_alternatives(kind: NDArray[np.str_], partner: NDArray[np.int64], heads: NDArray[np.int64], tails: NDArray[np.int64],
                        cost: FloatArray, config: PairingConfig, group: NDArray[np.int64],
                        extra: FloatArray | None = None, *, time_s: FloatArray | None = None, lat: FloatArray | None = None,
                        lon: FloatArray | None = None, sigma_m: FloatArray | None = None) -> dict[int, float]:
    """For each volley (``group`` label) with at least two members paired (``config.volley_alternative_single``: one, in a
    volley of two or more events), all as launches: the cost increase of the
    best solution in which no member is a launch (the whole volley a cloud of impacts, or unpaired), against the chosen
    one (:func:`truceline.attribute.assignment.assign` on the members, their partners and every event a candidate pair
    links to them). A member's own min-marginal does not see this solution: its best alternative gives its partner to a
    mate (the volley still fires) or leaves it an unpaired round beside its launching mates, so two detonations read
    as one volley's "launches" are each sure by the other. ``extra`` (per event, what its levels add to the cost of
    leaving it unpaired: :func:`~truceline.attribute.pairing.unpaired_level_cost`) weighs the alternative's unpaired
    events by how likely their partners went unheard — the rival "the rounds landed here from an unheard launch".
    Returns {label: margin}; the margin is at most what leaving the members and their partners unpaired costs.

    With ``config.volley_split`` and positions, each solution (the piece's pairs with the chosen pairs outside it) also
    pays ``volley_split_penalty`` per pair whose impact lands with other impacts of the solution none of which was
    launched from its launch's place (:func:`split_impacts`), counted over the volley's own pairs in the chosen solution
    and over the pairs the other solution makes anew: the margin may then be negative (the volley as impacts is the
    likelier solution). The chosen solution's other pairs are not counted: a split that the other solution mends by
    dropping a volley's true pairs is no evidence against that volley."""
    from truceline.attribute.assignment import assign, objective_of
    out: dict[int, float] = {}
    extra = np.zeros(kind.size) if extra is None else extra
    adjusted = cost - extra[heads] - extra[tails]
    for label in np.unique(group[group >= 0]):
        members = np.flatnonzero(group == label)
        paired = members[partner[members] >= 0]
        if paired.size < (1 if config.volley_alternative_single else 2) or members.size < 2 or np.any(kind[paired] != "launch"):
            continue
        local = set(map(int, paired)) | {int(partner[m]) for m in paired}
        core = set(local)
        for e in range(heads.size):
            if int(heads[e]) in core or int(tails[e]) in core:
                local.update((int(heads[e]), int(tails[e])))
        local.update(int(partner[m]) for m in list(local) if partner[m] >= 0)
        edges = np.array([e for e in range(heads.size) if int(heads[e]) in local and int(tails[e]) in local], dtype=np.int64)
        if not edges.size:
            continue
        h, t, c = heads[edges], tails[edges], adjusted[edges]
        current = [j for j, e in enumerate(edges) if partner[int(heads[e])] == int(tails[e])]
        keep = np.flatnonzero(~np.isin(h, members))
        events = np.array(sorted(local), dtype=np.int64)
        other = [int(keep[m]) for m in assign(events, h[keep], t[keep], c[keep], config.unpaired_cost, max_branches=16,
                                              exact=False)] if keep.size else []
        ceiling = float(sum(2.0 * config.unpaired_cost - c[j] for j in current))
        margin = min(max(0.0, objective_of(other, c, config.unpaired_cost) - objective_of(current, c, config.unpaired_cost)),
                     max(ceiling, 0.0))
        if config.volley_split and time_s is not None and lat is not None and lon is not None:
            outside = [(int(a), int(partner[a])) for a in np.flatnonzero((kind == "launch") & (partner >= 0)) if int(a) not in local]
            chosen_pairs = [(int(h[j]), int(t[j])) for j in current]
            paired_set = set(map(int, paired))
            other_pairs = [(int(h[j]), int(t[j])) for j in other]
            landed = np.array(sorted({b for _, b in chosen_pairs + other_pairs}), dtype=np.intp)
            # The volley's own pairs are judged in the chosen solution, the new pairs in the other, each with its mates among
            # all of its solution's pairs.
            context = [(a, b) for a, b in outside if landed.size
                       and np.any(np.abs(time_s[landed] - time_s[b]) <= config.volley_split_window_s)]
            margin += config.volley_split_penalty * float(
                split_impacts(context + other_pairs, time_s, lat, lon, config, sigma_m, [p for p in other_pairs if p not in chosen_pairs])
                - split_impacts(context + chosen_pairs, time_s, lat, lon, config, sigma_m, [p for p in chosen_pairs if p[0] in paired_set]))
        out[int(label)] = margin
    return out


def _linked(members: NDArray[np.intp], time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig,
            sigma_m: FloatArray | None) -> list[NDArray[np.intp]]:
    """``members`` in groups linked by :func:`~truceline.attribute.context.same_place` under ``config``, ordered by their
    first member."""
    from truceline.attribute.context import same_place
    root = {int(m): int(m) for m in members}

    def find(a: int) -> int:
        while root[a] != a:
            root[a] = root[root[a]]
            a = root[a]
        return a

    for m in members:
        for other in same_place(int(m), members, time_s, lat, lon, config, sigma_m):
            a, b = find(int(m)), find(int(other))
            if a != b:
                root[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for m in sorted(int(v) for v in members):
        groups.setdefault(find(m), []).append(m)
    return [np.asarray(v, dtype=np.intp) for _, v in sorted(groups.items())]


def volley_together(config: PairingConfig) -> PairingConfig:
    """``config`` with the battery's place and minutes widened to a volley's landing (``volley_radius_m``,
    ``volley_split_window_s``): what links the impacts of one volley under ``same_place``."""
    return replace(config, battery_radius_m=config.volley_radius_m, battery_window_s=config.volley_split_window_s)


def multi_place_volleys(impacts: NDArray[np.intp], partner: NDArray[np.int64], time_s: FloatArray, lat: FloatArray,
                        lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None
                        ) -> Iterator[tuple[NDArray[np.intp], NDArray[np.intp], list[NDArray[np.intp]]]]:
    """The volleys of the paired ``impacts`` (two or more linked by :func:`volley_together`) whose launches stand at two
    places or more (linked by ``same_place`` under ``config``): per volley its impacts, its launches (sorted) and their
    places, ordered by their first member."""
    together = volley_together(config)
    for volley in _linked(impacts, time_s, lat, lon, together, sigma_m):
        if volley.size < 2:
            continue
        launches = np.sort(partner[volley].astype(np.intp))
        places = _linked(launches, time_s, lat, lon, config, sigma_m)
        if len(places) >= 2:
            yield volley, launches, places


def one_place_shares(kind: NDArray[np.str_], partner: NDArray[np.int64], pair_share: FloatArray, time_s: FloatArray, lat: FloatArray,
                     lon: FloatArray, config: PairingConfig, sigma_m: FloatArray | None = None) -> dict[int, tuple[float, int]]:
    """One volley is fired from one place (:func:`split_impacts`' truth). The paired impacts that land together (linked
    within ``volley_split_window_s`` and ``volley_radius_m``) are one volley's; where their launches stand at more than
    one place (linked by ``same_place``), one place fired it, or none that was located. ``pair_share`` is the share of each
    launch's role that rests on its pair (``1 / (1 + alternative + chance)``: how sure the time of flight alone makes it);
    a place claims the volley as far as at least one of its pairs is real, ``c = 1 - prod (1 - s)`` over its launches (a
    battery's rounds are one claimant: their pairs are not independent evidence), and the hypotheses "place g fired it"
    and "none did" weigh ``c_g prod_{h != g} (1 - c_h)`` and ``prod (1 - c_h)``. A launch whose salvo mates (paired launches
    at its place within ``volley_window_s``) all put their impacts outside this volley is its salvo's odd round (a salvo
    lands together): its share's odds carry ``exp(-volley_split_penalty / 2)``. Returns {launch: (its place's posterior,
    the number of places)} for the launches of volleys fired from two places or more (``PairingConfig.volley_one_place``)."""
    from truceline.attribute.context import same_place
    out: dict[int, tuple[float, int]] = {}
    impacts = np.flatnonzero((kind == "impact") & (partner >= 0)).astype(np.intp)
    if impacts.size < 2:
        return out
    salvo = replace(config, battery_window_s=config.volley_window_s)
    fired = np.flatnonzero((kind == "launch") & (partner >= 0)).astype(np.intp)
    odd = float(np.exp(-config.volley_split_penalty / 2.0))
    for _, launches, places in multi_place_volleys(impacts, partner, time_s, lat, lon, config, sigma_m):
        share = {}
        for m in map(int, launches):
            s = min(max(float(pair_share[m]), 1e-9), 1.0 - 1e-9)
            mates = same_place(m, fired, time_s, lat, lon, salvo, sigma_m)
            if mates.size and not np.isin(mates, launches).any():
                odds = s / (1.0 - s) * odd
                s = odds / (1.0 + odds)
            share[m] = s
        claim = [min(max(1.0 - float(np.prod([1.0 - share[int(m)] for m in place])), 1e-9), 1.0 - 1e-9) for place in places]
        none = float(np.prod([1.0 - c for c in claim]))
        weights = [none * c / (1.0 - c) for c in claim]
        total = sum(weights) + none
        for place, weight in zip(places, weights):
            for m in map(int, place):
                out[m] = (weight / total, len(places))
    return out
