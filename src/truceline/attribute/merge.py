"""Is an unpaired few-pick event one round, or the fusion's merge of a volley's rounds?

A volley is two or three rounds fired from one place 0.5-30 s apart. Every station that hears two of its rounds picks
them the same time ``delta`` apart (the rounds' separation; the place is the same, so the path difference is nil), and a
station has one arrival per round. Where the fusion located none of the rounds alone it can locate one event from the
picks of two of them (session 17, chance17: 24 of 82 unpaired 4-7-pick events without a true event on `violation` fused
seeds 7-13, and the ones that set the operating point): it takes one pick a station, of round ``a`` at some stations and
of round ``b`` at others.

So at each of the event's stations, look for another pick (associated or not) ``delta`` after (``+``) and ``delta``
before (``-``) the event's own, within ``tolerance_s`` (pick noise). Three hypotheses for the pattern over stations:

- **one round, no mate** there: every match is a chance pick, with the station's own pick rate (``p_s = 1 - exp(-r_s 2
  tol)``, ``r_s`` its picks per second over the picks' span);
- **one round of a volley** (its mates located or not): a mate at ``+delta`` (or ``-delta``, or both: the middle round of
  three at a regular cadence) is heard at every station with probability ``detection``; the sign is the *same at every
  station* (the event is one round);
- **a merge of two rounds** ``delta`` apart: at each station the event's own pick is round ``a`` or ``b`` (even odds,
  station by station), so the other is heard at ``+delta`` at some stations and at ``-delta`` at others.

The signs tell a merge from one round of a volley: a consistent common delay at three or more stations says "a volley"
(it does not say "a merge": on the same runs 73 of 111 unpaired 4-7-pick events that *are* a true round have one, as do
15 of the 24 merges); a delay seen ``+`` at some stations and ``-`` at others says "merge". The Bayes factor (merge :
not a merge) is the merge's likelihood, maximised over ``delta``, against the better of the other two (the volley's also
maximised over ``delta`` and its signs; the lone round's needs none); ``|ln BF|`` is bounded by ``max_log_factor``. With
``prior`` the share of merges among unpaired few-pick events, an event's claims are multiplied by ``P(not a merge) =
(1 - prior) / ((1 - prior) + prior BF)``, relative to the prior's own ``1 - prior`` (no evidence leaves the claim as it
was): factor ``1 / ((1 - prior) + prior BF)`` where that is below 1. Only unpaired events from ``max_picks`` or fewer
picks are weighed (a pair's rounds are confirmed by time of flight; a location from many picks is no merge).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeConfig:
    tolerance_s: float = 0.5  # a second arrival at the common delay: within this of it (pick noise of both picks)
    min_delay_s: float = 0.5  # a volley's rounds are at least this far apart (closer ones are one arrival)
    span_s: float = 30.0  # ... and at most this
    detection: float = 0.7  # a volley mate's arrival is picked at a station that picked the event's own round
    volley_share: float = 0.5  # share of single rounds fired in volleys (a mate within the span: the alternative's mixture)
    prior: float = 0.15  # share of unpaired few-pick events that are merges (24 of 135 non-thunder 4-7-pick ones, chance17)
    max_picks: int = 7  # events located from more picks keep their claims
    min_stations: int = 3  # fewer stations with a second arrival at the best merge delay: no evidence (factor 1)
    max_log_factor: float = 6.9  # bound on |ln BF| (1000)


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeEvidence:
    factor: FloatArray  # multiplies each event's claim (1 where there is no evidence)
    log_factor: FloatArray  # ln BF (merge : one round), 0 where not evaluated
    delay_s: FloatArray  # the common delay of the best merge pattern (NaN where not evaluated)
    plus: NDArray[np.int64]  # stations with a second arrival at +delay
    minus: NDArray[np.int64]  # ... at -delay


def station_pick_rates(station_of_pick: NDArray[np.intp], time_s: FloatArray, n_stations: int) -> FloatArray:
    """Picks per second at each station over the picks' span (the background of chance second arrivals)."""
    span = float(np.ptp(time_s)) if time_s.size > 1 else 0.0
    counts = np.bincount(station_of_pick[station_of_pick >= 0], minlength=n_stations).astype(np.float64)
    return counts / span if span > 0.0 else np.zeros(n_stations)


def _log_mix(a: FloatArray, b: FloatArray) -> FloatArray:
    """ln(exp(a) / 2 + exp(b) / 2), elementwise."""
    m = np.maximum(a, b)
    return m + np.log(0.5 * np.exp(a - m) + 0.5 * np.exp(b - m))


def merge_evidence(
    evaluate: NDArray[np.bool_], pick_station: Sequence[NDArray[np.intp]], pick_time: Sequence[FloatArray],
    station_times: Sequence[FloatArray], station_rate: FloatArray, config: MergeConfig | None = None,
) -> MergeEvidence:
    """For each event marked ``evaluate``: the factor on its claims (module documentation). ``pick_station`` /
    ``pick_time``: per event, its picks' stations (indices) and times; ``station_times``: per station, the times of all its
    picks, sorted (associated or not, the event's own included); ``station_rate``: per station, picks per second."""
    config = config or MergeConfig()
    n = len(pick_station)
    factor = np.ones(n)
    log_factor = np.zeros(n)
    delay = np.full(n, np.nan)
    plus = np.zeros(n, dtype=np.int64)
    minus = np.zeros(n, dtype=np.int64)
    tol, q = config.tolerance_s, config.detection
    for i in map(int, np.flatnonzero(evaluate)):
        stations = np.asarray(pick_station[i], dtype=np.intp)
        times = np.asarray(pick_time[i], dtype=np.float64)
        if not 0 < stations.size <= config.max_picks:
            continue
        offsets: list[FloatArray] = []
        for s, t in zip(stations, times):
            st = station_times[int(s)]
            lo = np.searchsorted(st, t - config.span_s - tol, side="left")
            hi = np.searchsorted(st, t + config.span_s + tol, side="right")
            d = st[lo:hi] - t
            offsets.append(d[np.abs(d) >= config.min_delay_s - tol])
        candidates = np.unique(np.abs(np.concatenate(offsets))) if offsets else np.zeros(0)
        candidates = candidates[(candidates >= config.min_delay_s) & (candidates <= config.span_s)]
        if not candidates.size:
            continue
        p = np.clip(1.0 - np.exp(-station_rate[stations] * 2.0 * tol), 1e-6, 0.5)
        hit = q + (1.0 - q) * p  # a mate's window: heard, or a chance pick
        # (stations, candidates): a second arrival at +delta / -delta
        m_plus = np.array([[np.any(np.abs(d - c) <= tol) for c in candidates] for d in offsets])
        m_minus = np.array([[np.any(np.abs(d + c) <= tol) for c in candidates] for d in offsets])
        lp_bg = np.where(m_plus, np.log(p)[:, None], np.log1p(-p)[:, None])
        lm_bg = np.where(m_minus, np.log(p)[:, None], np.log1p(-p)[:, None])
        lp_mate = np.where(m_plus, np.log(hit)[:, None], np.log1p(-hit)[:, None])
        lm_mate = np.where(m_minus, np.log(hit)[:, None], np.log1p(-hit)[:, None])
        lone = (lp_bg + lm_bg).sum(axis=0)  # the windows at each delta: chance picks or none
        after = (lp_mate + lm_bg).sum(axis=0)
        before = (lp_bg + lm_mate).sum(axis=0)
        middle = (lp_mate + lm_mate).sum(axis=0)
        volley = np.logaddexp.reduce(np.stack([after, before, middle]), axis=0) - np.log(3.0)
        merged = _log_mix(lp_mate + lm_bg, lp_bg + lm_mate).sum(axis=0)
        # Every hypothesis explains the windows away from its delta as the lone round does (chance picks), so each is
        # weighed by its ratio to the lone round at its delta. The delay is unknown: uniform over the span, in bins of
        # the tolerance's width; a bin without a candidate has no second arrival at any station.
        bins = max(float(candidates.size), (config.span_s - config.min_delay_s) / (2.0 * tol))
        empty_bins = bins - candidates.size
        none_p, none_hit = np.log1p(-p), np.log1p(-hit)
        empty_lone = float((2.0 * none_p).sum())
        empty_merged = float((none_hit + none_p).sum()) - empty_lone  # either round at each station: no mate, no chance pick
        empty_volley = float(np.logaddexp.reduce([(none_hit + none_p).sum(), (none_p + none_hit).sum(),
                                                  (2.0 * none_hit).sum()]) - np.log(3.0)) - empty_lone

        def marginal(values: FloatArray, empty: float) -> float:
            terms = list(values) + ([empty + np.log(empty_bins)] if empty_bins > 0.0 else [])
            return float(np.logaddexp.reduce(terms) - np.log(bins))

        l_merge = marginal(merged - lone, empty_merged)
        l_other = float(np.logaddexp(np.log1p(-config.volley_share),
                                     np.log(config.volley_share) + marginal(volley - lone, empty_volley)))
        best = int(np.argmax(merged - np.maximum(lone, volley)))
        matched = m_plus[:, best] | m_minus[:, best]  # the delay that speaks most for a merge: its stations
        delay[i] = candidates[best]
        plus[i], minus[i] = int(m_plus[:, best].sum()), int(m_minus[:, best].sum())
        if int(matched.sum()) < config.min_stations:
            continue
        lbf = float(np.clip(l_merge - l_other, -config.max_log_factor, config.max_log_factor))
        log_factor[i] = lbf
        factor[i] = min(1.0, 1.0 / ((1.0 - config.prior) + config.prior * np.exp(lbf)))
    return MergeEvidence(factor=factor, log_factor=log_factor, delay_s=delay, plus=plus, minus=minus)


def merge_evidence_of_tables(picks: pa.Table, assignments: pa.Table, event_ids: Sequence[str], unpaired: NDArray[np.bool_],
                             config: MergeConfig) -> MergeEvidence:
    """:func:`merge_evidence` from the tables of CONTRACTS.md: every pick of ``picks`` (its station's arrivals, sorted
    in time, and its pick rate) and each of ``event_ids``' own picks by ``assignments``."""
    station_ids = [str(v) for v in picks["station_id"].to_pylist()]
    station_index_of = {sid: k for k, sid in enumerate(dict.fromkeys(station_ids))}
    pick_station = np.asarray([station_index_of[sid] for sid in station_ids], dtype=np.intp)
    pick_time = np.asarray(picks["time"].to_pylist(), dtype=np.float64)
    order = np.lexsort((pick_time, pick_station))
    bounds = np.searchsorted(pick_station[order], np.arange(len(station_index_of) + 1))
    station_times = [pick_time[order[bounds[k]:bounds[k + 1]]] for k in range(len(station_index_of))]
    row_of = {str(p): k for k, p in enumerate(picks["pick_id"].to_pylist())}
    event_row = {e: k for k, e in enumerate(event_ids)}
    own_rows: list[list[int]] = [[] for _ in range(len(event_ids))]
    for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
        k, row = event_row.get(str(event), -1), row_of.get(str(pick), -1)
        if k >= 0 and row >= 0:
            own_rows[k].append(row)
    return merge_evidence(unpaired, [pick_station[r] for r in own_rows], [pick_time[r] for r in own_rows], station_times,
                          station_pick_rates(pick_station, pick_time, len(station_index_of)), config)
