"""Is an unpaired event a real source where the fusion put it? Its stations' silence says (issue #4, session 10).

A located event carries its source level (the median over its picks of the received level corrected for the distance
to where the fusion put it: :mod:`truceline.attribute.acoustics`). A real source of that level at that place is heard
by the stations around it with the probabilities of the run's detection model (level, spherical spreading, the run's
attenuation, each station's noise and the run's detection threshold, with a 5 dB spread, calibrated on the run as in
:func:`truceline.attribute.duplicate.detection_calibration`: how often the run's located events were in fact picked at
stations to which the model gave probability ``q``). The number of stations that pick it is then a sum of independent
Bernoulli trials (a Poisson-binomial), and the tail ``p = P(N <= n)`` is a calibrated p-value: about uniform over real
events.

An event the fusion made of picks of several sources (a chimera of busy fire), or one put far from its source, has a
level that says it should have been heard by many stations and was picked by few: its ``p`` is small. On `violation`
seeds 7-11 (fused), 11 % of the events that match no true event have ``p < 0.001``, against 1.7 % of the real ones
(the detection model's errors: overlapping rounds, one pick per station and source).

The evidence: under "not a source there", ``p`` has density ``g(p) = a p^(a-1)`` (``a`` = ``shape``, below 1: mass near
0), floored at ``floor``; under "real", ``p`` is uniform (density 1) except for the share ``e`` (``model_error``) of real
events whose silence the model does not explain (overlapping rounds, paths it does not know), which look like the
others: ``(1 - e) + e g(p)``. With ``prior`` the share of unpaired events that are not real sources,
``P(real | p) = (1 - prior) ((1 - e) + e g) / ((1 - prior) ((1 - e) + e g) + prior g)``; the event's fire claims are
multiplied by ``P(real | p) / (1 - prior)`` where that is below 1 (where the silence is evidence against the event, ``g(p) > 1``;
elsewhere the event is as the stage assumed before: every event a round; as :mod:`truceline.attribute.duplicate`). Only unpaired events are weighed (a pair confirms its rounds by time of flight),
only events with a known level and station noise, and only where the model expects at least ``min_expected`` stations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

from truceline.attribute.acoustics import path_loss_db
from truceline.attribute.duplicate import DuplicateConfig, detection_calibration
from truceline.attribute.physics import distance_m

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class RealityConfig:
    reach_m: float = 80_000.0  # stations farther than this from an event are not counted
    detection_spread_db: float = 5.0
    calibration_bins: int = 10
    min_detection: float = 0.01  # a station's detection probability is taken within [min, max] (unmodelled gains and losses)
    max_detection: float = 0.99
    prior: float = 0.05  # share of unpaired events that are not a source at their place (the fusion's chimeras)
    shape: float = 0.1  # "not there": p has density shape * p^(shape - 1)
    floor: float = 1e-4  # p is floored here (the model's own errors bound the evidence)
    model_error: float = 0.15  # share of real events whose silence the model does not explain (their p as a chimera's)
    min_expected: float = 4.0  # weigh only events the model expects at least this many stations to hear
    # Session 24 (attrib24): the prior by how many picks located the event, as ``attribution.FewPicksConfig`` reads it
    # (``few_picks_prior4`` the share of unpaired 4-pick events that are not a source, each further pick a test a chimera
    # passes with ``few_picks_survival``), at least ``prior``: a 5-pick event whose silence says "not there" is likelier a
    # chimera than a 20-pick one with the same tail. The prior only weighs the silence's evidence (events whose silence
    # fits keep their claims, unlike the few-picks prior itself). 0: off (``prior`` for every event). Off: 0.25 (with
    # ``PairingConfig.volley_same_weapon``) gives violation fused 1738 -> 1766 (s8 +3, s13 +26), heavy 0.25 h 208 -> 209,
    # truth-derived unchanged, but s11 265 -> 264 (a true 4-pick round; docs/attribution.md, "Session 24 (attrib24)").
    # On since session 25 (0.25, with ``few_picks_spare_mates``, which keeps that round: below).
    few_picks_prior4: float = 0.25
    few_picks_survival: float = 0.5
    # Session 25 (attrib25): with ``few_picks_prior4``, an event with a volley mate (another located event within the
    # pairing's ``volley_window_s`` and ``volley_radius_m``, widened by the locations' errors, as
    # ``FewPicksConfig.spare_salvo_mates`` reads it) keeps ``prior``: a round of repeated fire at its place, which a
    # chimera of other sources' picks seldom has (violation fused s7-s13, unpaired events of 4-5 picks: 15 of 40 true
    # rounds and 4 of 52 that match no true event have one, a likelihood ratio of about 5 for "a source", which brings
    # ``few_picks_prior4`` 0.25 to about ``prior``). On: with 0.25, violation fused op recall 1738 -> 1763 of 1926 (s8 +3,
    # s13 +22, no seed lower; s11's true 4-pick round E000388, beside its two salvo mates, keeps its verdict), firing party
    # 1320/1337 as before (docs/attribution.md, "Session 25 (attrib25)").
    few_picks_spare_mates: bool = True

    def prior_for(self, n_picks: int) -> float:
        """The prior share of unpaired events located from ``n_picks`` picks that are not a source at their place."""
        if self.few_picks_prior4 <= 0.0 or n_picks < 1:
            return self.prior
        odds = self.few_picks_prior4 / (1.0 - self.few_picks_prior4) * self.few_picks_survival ** max(n_picks - 4, 0)
        return max(self.prior, odds / (1.0 + odds))


@dataclass(frozen=True, slots=True, kw_only=True)
class RealityEvidence:
    factor: FloatArray  # multiplies each event's fire claims (1 where not evaluated or where the silence fits)
    tail: FloatArray  # P(N <= n) under the detection model (NaN where not evaluated)
    expected: FloatArray  # expected number of stations that pick it (NaN where not evaluated)
    # Per event: the number of stations that picked it (within reach; -1 where not evaluated) and the distribution of that
    # number for a real source of its level at its place (the Poisson-binomial, ``pmf[k]`` = P(N = k); empty where not
    # evaluated), also for events below ``min_expected`` (:mod:`truceline.attribute.chimera` reads them).
    picked: NDArray[np.int64] | None = None
    count_pmf: tuple[FloatArray, ...] = ()


def poisson_binomial_pmf(q: FloatArray) -> FloatArray:
    """P(exactly ``k`` of independent trials with success probabilities ``q`` succeed), ``k`` = 0 .. ``q.size``."""
    dist = np.zeros(q.size + 1)
    dist[0] = 1.0
    for k, x in enumerate(np.asarray(q, dtype=np.float64)):
        dist[1:k + 2] = dist[1:k + 2] * (1.0 - x) + dist[:k + 1] * x
        dist[0] *= 1.0 - x
    return dist


def poisson_binomial_cdf(q: FloatArray, n: int) -> float:
    """P(at most ``n`` of independent trials with success probabilities ``q`` succeed)."""
    return float(min(1.0, poisson_binomial_pmf(q)[: max(n, -1) + 1].sum()))


def real_probability(tail: float, config: RealityConfig, prior: float | None = None) -> float:
    """P(real | tail) under the two densities of the module documentation (``prior``: instead of ``config.prior``)."""
    prior = config.prior if prior is None else prior
    p = max(float(tail), config.floor)
    not_there = config.shape * p ** (config.shape - 1.0)
    real = (1.0 - prior) * ((1.0 - config.model_error) + config.model_error * not_there)
    return real / (real + prior * not_there)


def reality_evidence(
    lat: FloatArray, lon: FloatArray, evaluate: NDArray[np.bool_], stations_of: Sequence[set[int]],
    station_lat: FloatArray, station_lon: FloatArray, station_noise_db: FloatArray,
    level_db: FloatArray, attenuation_db_per_km: float, detection_snr_db: float, config: RealityConfig | None = None,
    n_picks: Sequence[int] | None = None, mated: NDArray[np.bool_] | None = None,
) -> RealityEvidence:
    """For each event marked ``evaluate``, the factor on its fire claims (module documentation). ``stations_of``: per
    event, the stations (indices into ``station_*``) that picked it; ``n_picks``: per event, the picks that located it
    (for ``config.few_picks_prior4``; without it every event has ``config.prior``); ``mated``: per event, whether it has
    a volley mate (with ``config.few_picks_spare_mates`` those keep ``config.prior``)."""
    config = config or RealityConfig()
    n = np.asarray(lat).size
    factor = np.ones(n)
    tail = np.full(n, np.nan)
    expected = np.full(n, np.nan)
    picked_of = np.full(n, -1, dtype=np.int64)
    pmf: list[FloatArray] = [np.zeros(0)] * n
    if n == 0 or not np.isfinite(detection_snr_db):
        return RealityEvidence(factor=factor, tail=tail, expected=expected, picked=picked_of, count_pmf=tuple(pmf))
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    calibration = detection_calibration(lat, lon, level_db, stations_of, station_lat, station_lon, station_noise_db,
                                        attenuation_db_per_km, detection_snr_db,
                                        DuplicateConfig(reach_m=config.reach_m, calibration_bins=config.calibration_bins,
                                                        detection_spread_db=config.detection_spread_db))
    for i in map(int, np.flatnonzero(evaluate)):
        if not stations_of[i] or not np.isfinite(level_db[i]):
            continue
        dist = distance_m(np.full(station_lat.size, lat[i]), np.full(station_lat.size, lon[i]), station_lat, station_lon)
        inside = np.flatnonzero(dist <= config.reach_m)
        if not inside.size:
            continue
        q_model = ndtr((level_db[i] - path_loss_db(dist[inside], attenuation_db_per_km) - station_noise_db[inside] - detection_snr_db)
                       / config.detection_spread_db)
        q = np.clip(calibration(np.nan_to_num(q_model)), config.min_detection, config.max_detection)
        expected[i] = float(q.sum())
        picked = sum(1 for s in stations_of[i] if dist[s] <= config.reach_m)
        picked_of[i] = picked
        pmf[i] = poisson_binomial_pmf(q)
        if expected[i] < config.min_expected:
            continue
        tail[i] = float(min(1.0, pmf[i][: picked + 1].sum()))
        spared = config.few_picks_spare_mates and mated is not None and bool(mated[i])
        prior = config.prior if n_picks is None or spared else config.prior_for(int(n_picks[i]))
        factor[i] = min(1.0, real_probability(tail[i], config, prior) / (1.0 - prior))
    return RealityEvidence(factor=factor, tail=tail, expected=expected, picked=picked_of, count_pmf=tuple(pmf))
