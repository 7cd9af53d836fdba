"""Rounds that arrive together: an event split into the two to four sources of a salvo or a time-on-target mission.

A time-on-target mission lands the salvos of two to four batteries within a second or two on aim points a few
hundred metres apart; a battery's salvo leaves its tubes within a second or two. Every station near them then hears
two to four arrivals within a few seconds. The search takes one pick per station, so it locates one event among
them, holding at each station whichever round's pick fits the mixture best; the other rounds' picks are left free
(docs/fusion.md, "Session 21 (sim21)" and "Session 22 (terrain22)": 34 of foreign_sim3 volleys' 37 missed
locatable events). ``fuse/twin.py`` tries two rounds fired from one place (within 0.3 km), in firing order, for
events of at most 12 stations; a time-on-target mission is neither.

Here every located event is put to a likelihood ratio. Its *pool* is the picks within ``WINDOW_S`` (and the travel
time of ``SPAN_KM``) of the arrivals it predicts at every station within reach: its own and the free ones. A pick of
the pool is either a source's arrival, with the Gaussian density of its residual (the pick sigma and the model
error, ``kernels``' sigma, times the run's own scale: :func:`noise_scale`), or background, uniform over the
station's window; each source takes at most one pick per station, each pick goes to at most one source. The
log-likelihood ratio of a labelling against all-background is then the sum, over the picks a source takes, of
``log(window / (sqrt(2 pi) sigma)) - z**2 / 2``; the best labelling for given sources is found station by station
(:func:`_labelled`).

One source is the event as it was located. A further source is looked for among the picks the sources do not
explain: origin times where ``min_stations`` stations agree (``repeat.agreeing_origins``) at points within
``SPAN_KM`` of the event; from each candidate (most stations first, ``MAX_CANDIDATES`` of them) the labelling and
every source's location are refitted together (each source from its own picks, ``kernels.locate``; up to
``ITERATIONS`` times, until the labelling stays). The sources replace the event only when the ratio grows by more
than the further source's three parameters cost (``penalty_scale`` times half the log of the pool's size each: the
Bayesian information criterion) and when every source holds ``min_stations`` stations, stays within
``SPAN_KM`` of the event, fits as one source (``repeat.located(check=True)``), is no other event there and passes the
tests every event passes (``accept``; the nearest-stations test excusing the stations where another source of the
split holds a pick within ``MASK_S`` of this one's arrival), and when every further source holds picks at
``MIN_SHARED_STATIONS`` stations where the others hold one too, and is not within ``TRAIN_KM`` of another and after it
at every such station (a later arrival of it). Up to ``MAX_SOURCES`` sources, one more at a time. A well-fit single event
keeps its picks: the extra picks of its pool are background unless ``min_stations`` of them line up as a source
well enough to pay for its parameters.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.repeat import agreeing_origins, arrival_windows, located, replacement_start
from truceline.fuse.rival import PickContext

WINDOW_S = 3.0
"""A further source's origin time lies within this many seconds of the event's (salvos land within +-1.5 s)."""
SPAN_KM = 1.0
"""A further source lies within this distance of the event (aim points a few hundred metres apart)."""
STEP_KM = 0.1
"""The grid on which candidate sources are looked for."""
MAX_SOURCES = 4
"""At most this many sources replace one event."""
MAX_CANDIDATES = 4
"""At most this many candidate further sources are tried per added source."""
ITERATIONS = 4
"""The labelling and the sources' locations are refitted together at most this many times."""
MIN_SHARED_STATIONS = 3
"""A further source holds picks at at least this many stations where the other sources hold one too: two sources are
told apart by stations that picked both. A split that parts the stations between the sources is one source's picks
in two halves, which the model's own error (a wind, a path) can make fit better than the whole."""
TRAIN_KM = 0.3
"""A further source within this distance of another of the split, after it at every station that picked both, is
refused: a later arrival of the same source (a ducted train, foreign_sim3 ``phases``: 0.8 s to 0.08 s/km x range
after the first) looks so by its times, and near the source its delays are as steady as a second round's. Two rounds
of one battery are ``fuse/twin.py``'s."""
MASK_S = 1.0
"""A station whose pick within this many seconds of a source's predicted arrival another source of the split holds
is excused from that source's nearest-stations test (a picker's dead time is about a second)."""
NOISE_MIN_STATIONS = 8
"""The events whose residuals measure the run's pick-time noise (:func:`noise_scale`)."""
FREE = -1

Source = tuple[float, float, float]


def noise_scale(ctx: PickContext, picks: list[np.ndarray], x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray,
                event_atmosphere: np.ndarray) -> float:
    """The run's pick-time noise in units of the model's sigma (pick sigma and model error): 1.4826 times the median
    absolute normalised residual of the events of at least ``NOISE_MIN_STATIONS`` stations (1.0 without them),
    held to 0.5-3."""
    z = []
    for k, p in enumerate(picks):
        s = ctx.pick_station[p]
        if len(np.unique(s)) < NOISE_MIN_STATIONS:
            continue
        c, wx, wy = (float(v) for v in event_atmosphere[k])
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], float(x_km[k]), float(y_km[k]), c, wx, wy, ctx.range_slope)
        z.append((ctx.pick_time[p] - t0_s[k] - tt) / np.sqrt(ctx.sigma_s**2 + (ctx.kappa_model * tt) ** 2))
    if not z:
        return 1.0
    return float(np.clip(1.4826 * np.median(np.abs(np.concatenate(z))), 0.5, 3.0))


def salvo_sources(
    x_km: np.ndarray, y_km: np.ndarray, t0_s: np.ndarray, picks: list[np.ndarray], event_atmosphere: np.ndarray, *,
    ctx: PickContext, station_pick_start: np.ndarray, min_stations: int, scale: float = 1.0,
    penalty_scale: float = 1.0,
    accept: Callable[[np.ndarray, float, float, float, np.ndarray, np.ndarray], bool] | None = None,
) -> tuple[list[int], list[tuple[int, float, float, float, np.ndarray]]]:
    """The events that two to ``MAX_SOURCES`` sources near them explain clearly better (module docstring): their
    indices, and the sources as ``(event index, x, y, t0, picks)``. ``event_atmosphere`` is (n, 3): c, wx, wy (km/s);
    ``scale`` the run's pick-time noise in model sigmas (:func:`noise_scale`); ``penalty_scale`` the cost of a
    parameter in units of the information criterion's (half the log of the pool's size)."""
    n = len(t0_s)
    replaced: list[int] = []
    new: list[tuple[int, float, float, float, np.ndarray]] = []
    holder, sizes, order, gx, gy = replacement_start(ctx, picks, SPAN_KM, STEP_KM)
    for a in order:
        if sizes[a] < min_stations:
            continue
        ax, ay, at = float(x_km[a]), float(y_km[a]), float(t0_s[a])
        atm = event_atmosphere[a]
        c = float(atm[0])
        half_window_s = WINDOW_S + SPAN_KM / max(c - 0.04, 0.1)
        pool = _pool(ctx, station_pick_start, holder, a, ax, ay, at, atm, half_window_s)
        if len(np.unique(ctx.pick_station[pool])) < min_stations or len(pool) < len(picks[a]) + min_stations:
            continue
        penalty = 3.0 * penalty_scale * 0.5 * math.log(len(pool))
        here = np.flatnonzero((np.hypot(x_km - ax, y_km - ay) <= 2.0 * SPAN_KM) & (np.abs(t0_s - at) <= WINDOW_S + 1.0))
        busy = [(float(x_km[k]), float(y_km[k]), float(t0_s[k])) for k in here.tolist() if k != a and k not in replaced]
        busy += [(r[1], r[2], r[3]) for r in new if math.hypot(r[1] - ax, r[2] - ay) <= 2.0 * SPAN_KM]
        found = _split(ctx, pool, (ax, ay, at), atm, gx, gy, scale, half_window_s, min_stations, penalty, busy, accept)
        if found is None:
            continue
        replaced.append(a)
        holder[holder == a] = FREE
        for x, y, t, p in found:
            new.append((a, x, y, t, p))
            holder[p] = n + len(new) - 1
    return replaced, new


def _pool(ctx: PickContext, station_pick_start: np.ndarray, holder: np.ndarray, a: int, x: float, y: float, t0: float,
          atm: np.ndarray, half_window_s: float) -> np.ndarray:
    """The picks within ``half_window_s`` of event ``a``'s predicted arrival at every station within reach, free or
    its own."""
    parts = [np.arange(lo, hi, dtype=np.int64)
             for _, lo, hi in arrival_windows(ctx, station_pick_start, x, y, t0, atm, half_window_s, closed=True)]
    pool = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return pool[(holder[pool] == FREE) | (holder[pool] == a)]


def _split(ctx: PickContext, pool: np.ndarray, event: Source, atm: np.ndarray, gx: np.ndarray, gy: np.ndarray,
           scale: float, half_window_s: float, min_stations: int, penalty: float,
           busy: list[Source], accept: Callable[[np.ndarray, float, float, float, np.ndarray, np.ndarray], bool] | None,
           ) -> list[tuple[float, float, float, np.ndarray]] | None:
    """The sources (x, y, t0, picks) that replace the event, or None when one source is best."""
    c, wx, wy = (float(v) for v in atm)
    sources = [event]
    score, labels = _labelled(ctx, pool, sources, atm, scale, half_window_s)
    best: list[tuple[float, float, float, np.ndarray]] | None = None
    while len(sources) < MAX_SOURCES:
        unexplained = pool[np.all(labels < 0, axis=0)] if len(labels) else pool
        if len(np.unique(ctx.pick_station[pool])) < min_stations:
            break
        # a grid point is up to STEP_KM / sqrt(2) from the source: the agreement allows for that
        agree_s = scale * ctx.sigma_s + STEP_KM / math.sqrt(2.0) / max(c - 0.04, 0.1)
        candidates = agreeing_origins(ctx, unexplained, event[0], event[1], event[2], gx, gy, c, wx, wy, agree_s,
                                      min_stations, WINDOW_S)
        # a source whose picks the others hold at some stations (a mixture): candidates from the whole pool, away
        # from the sources there are
        candidates += [f for f in agreeing_origins(ctx, pool, event[0], event[1], event[2], gx, gy, c, wx, wy, agree_s,
                                                   min_stations, WINDOW_S)
                       if all(abs(f[3] - t) >= 2.0 * agree_s for _x, _y, t in sources)
                       and all(abs(f[3] - g[3]) >= 2.0 * agree_s for g in candidates)]
        step = None
        for _n, cx, cy, ct in candidates[:MAX_CANDIDATES]:
            fitted = _refitted(ctx, pool, sources + [(cx, cy, ct)], atm, scale, half_window_s, min_stations)
            if fitted is None:
                continue
            if fitted[0] - score <= penalty:
                continue
            if step is None or fitted[0] > step[0]:
                step = fitted
        if step is None:
            break
        new_score, new_sources, new_labels = step
        rounds = []
        for k, (x, y, t) in enumerate(new_sources):
            chosen = pool[new_labels[k] >= 0]
            out = located(ctx, chosen, x, y, t, c, wx, wy, check=True)
            if out is None or math.hypot(out[0] - event[0], out[1] - event[1]) > SPAN_KM:
                break
            if k > 0 and any(math.hypot(out[0] - bx, out[1] - by) <= SPAN_KM and abs(out[2] - bt) < 3.0 * scale * ctx.sigma_s
                             for bx, by, bt in busy):
                break  # a source another event there already is
            others = np.concatenate([pool[new_labels[j] >= 0] for j in range(len(new_sources)) if j != k])
            if k > 0 and len(np.intersect1d(ctx.pick_station[out[3]], ctx.pick_station[others])) < MIN_SHARED_STATIONS:
                break  # the sources part the stations between them: one source's picks, not two sources heard twice
            if k > 0 and any(_later_train(ctx, out[3], pool[new_labels[j] >= 0], math.hypot(out[0] - x, out[1] - y))
                             for j, (x, y, _t) in enumerate(new_sources) if j != k):
                break  # a later arrival of another source (a ducted or refracted train), as far as times can tell
            if accept is not None and not accept(out[3], out[0], out[1], out[2], atm,
                                                 _masked(ctx, others, out[0], out[1], out[2], atm)):
                break
            rounds.append(out)
        else:
            best = rounds
        if best is None or len(best) != len(new_sources):
            break
        score, sources, labels = new_score, new_sources, new_labels
    return best


def _later_train(ctx: PickContext, chosen: np.ndarray, other: np.ndarray, distance_km: float) -> bool:
    """Whether the source of the picks ``chosen`` lies within ``TRAIN_KM`` of another source of the split (picks
    ``other``) and arrives after it at every station where both hold a pick: a later arrival of that source looks so."""
    if distance_km > TRAIN_KM:
        return False
    first = dict(zip(ctx.pick_station[other].tolist(), ctx.pick_time[other].tolist()))
    shared = [(first[s], t) for s, t in zip(ctx.pick_station[chosen].tolist(), ctx.pick_time[chosen].tolist()) if s in first]
    return bool(shared) and all(t > u for u, t in shared)


def _masked(ctx: PickContext, others: np.ndarray, x: float, y: float, t0: float, atm: np.ndarray) -> np.ndarray:
    """The stations where another source of the split holds a pick within ``MASK_S`` of this source's predicted
    arrival: a picker that took that arrival could not take this one (its dead time), so its silence says nothing."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[others]
    tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
    return np.unique(s[np.abs(ctx.pick_time[others] - t0 - tt) <= MASK_S])


def _refitted(ctx: PickContext, pool: np.ndarray, sources: list[Source], atm: np.ndarray, scale: float,
              half_window_s: float, min_stations: int) -> tuple[float, list[Source], np.ndarray] | None:
    """The sources and the labelling refitted together (each source located from its own picks, the picks labelled
    again, up to ``ITERATIONS`` times): (score, sources, labels); None when a source holds fewer than
    ``min_stations`` stations or cannot be located."""
    c, wx, wy = (float(v) for v in atm)
    score, labels = _labelled(ctx, pool, sources, atm, scale, half_window_s)
    for _attempt in range(ITERATIONS):
        moved = []
        for k, (x, y, t) in enumerate(sources):
            chosen = pool[labels[k] >= 0]
            if len(np.unique(ctx.pick_station[chosen])) < min_stations:
                return None
            out = located(ctx, chosen, x, y, t, c, wx, wy, check=False)
            if out is None:
                return None
            moved.append((out[0], out[1], out[2]))
        sources = moved
        again_score, again = _labelled(ctx, pool, sources, atm, scale, half_window_s)
        if np.array_equal(again, labels):
            score = again_score
            break
        score, labels = again_score, again
    if any(len(np.unique(ctx.pick_station[pool[labels[k] >= 0]])) < min_stations for k in range(len(sources))):
        return None
    return score, sources, labels


def _labelled(ctx: PickContext, pool: np.ndarray, sources: list[Source], atm: np.ndarray, scale: float,
              half_window_s: float) -> tuple[float, np.ndarray]:
    """The best labelling of the pool's picks by the sources (each source at most one pick per station, each pick at
    most one source, only picks that gain): its log-likelihood ratio against all-background and the labels, (k, n)
    with 1 where source k takes the pick, -1 elsewhere."""
    c, wx, wy = (float(v) for v in atm)
    s = ctx.pick_station[pool]
    gains = np.full((len(sources), len(pool)), -np.inf)
    for k, (x, y, t) in enumerate(sources):
        tt = travel_times(ctx.st_x[s], ctx.st_y[s], x, y, c, wx, wy, ctx.range_slope)
        sigma = scale * np.sqrt(ctx.sigma_s**2 + (ctx.kappa_model * tt) ** 2)
        z = (ctx.pick_time[pool] - t - tt) / sigma
        g = np.log(2.0 * half_window_s / (math.sqrt(2.0 * math.pi) * sigma)) - 0.5 * z * z
        ok = (g > 0.0) & (np.hypot(ctx.st_x[s] - x, ctx.st_y[s] - y) <= ctx.reach_km)
        gains[k] = np.where(ok, g, -np.inf)
    labels = np.full((len(sources), len(pool)), -1, dtype=np.int64)
    total = 0.0
    order = np.argsort(s, kind="stable")
    bounds = np.flatnonzero(np.diff(s[order])) + 1
    for group in np.split(order, bounds):
        value, chosen = _best_at_station(gains[:, group])
        total += value
        for k, i in enumerate(chosen):
            if i >= 0:
                labels[k, group[i]] = 1
    return total, labels


def _best_at_station(gains: np.ndarray) -> tuple[float, list[int]]:
    """The most gaining one-to-one labelling of one station's picks (columns) by the sources (rows): its gain and,
    per source, the column it takes (-1: none)."""
    n_sources, n_picks = gains.shape
    best_value, best = 0.0, [-1] * n_sources

    def walk(k: int, used: frozenset[int], value: float, chosen: list[int]) -> None:
        nonlocal best_value, best
        if k == n_sources:
            if value > best_value:
                best_value, best = value, list(chosen)
            return
        walk(k + 1, used, value, chosen + [-1])
        for i in range(n_picks):
            if i not in used and np.isfinite(gains[k, i]):
                walk(k + 1, used | {i}, value + float(gains[k, i]), chosen + [i])

    walk(0, frozenset(), 0.0, [])
    return best_value, best
