"""Is an unpaired event a distinct round, or another located event's sound counted twice?

The fusion locates sources from picks; where several rounds land (or launch) within a second or two and a few hundred
metres, it can form an extra event from picks of rounds it has located already: each of those rounds was heard at
some stations and not at others, and the picks it left over at the stations where it *was* heard but not assigned can
make one more event between them. Such an event is unpaired (its "partner" is its neighbours' partner) and, called an
impact, accuses the other party a second time for one round — with the confidence of a real one.

Physics tells the two apart at every station of the event. Its pick at station S fits the arrival of a located
neighbour k (an event within ``radius_m`` and ``window_s``) at S — ``t_k + d(k, S) / c`` within three standard
deviations of pick, celerity and location errors — or it does not.

- If the event is a **duplicate** of its neighbours, each of its picks is the arrival of one of them, at a station
  where that neighbour has no pick of its own (a station hears a source once). A pick that fits no neighbour, or
  only neighbours that have their own pick at S, is then something else (clutter, another round) with probability
  ``foreign_pick``.
- If it is a **distinct** round, it was heard at S whatever its neighbours did; each fitting neighbour without a pick at
  S was simply not heard there, with probability ``1 - q_kS``: its detection probability at S from its source level,
  the distance, the station's noise and the run's detection threshold (as for leftover picks, :mod:`unheard`).

So at a station where the event and ``m - 1`` fitting neighbours could have made the pick and ``c`` of those ``m`` events
have a pick there (the event's own included), ``c`` picks of ``m - 1`` rounds (duplicate) stand against the event heard
(``q_own``, its own detection probability there) and ``c - 1`` picks of the neighbours' ``m - 1`` rounds (distinct), each
neighbour heard with probability ``q`` (their mean detection probability there): the Bayes factor (duplicate : distinct)
is ``(m - c) / c * q / (q_own (1 - q))``. A loud event beside quiet neighbours (an impact beside its mortar's launch) is
distinct; a duplicate, whose level is its neighbours', lives where they were not picked. Where every fitting neighbour
has its own pick (``c = m``), or none fits, the pick is a second arrival, or no neighbour's: ``foreign_pick``. Stations
multiply; ``|ln BF|`` is bounded by ``max_log_factor``.

The detection model's ``q`` (source level, spherical spreading, the run's attenuation, the station's noise and the run's
detection threshold, with a 5 dB spread, as for leftover picks in :mod:`unheard`) is calibrated on the run: in bins of
``q``, how often the run's located events were in fact picked at such stations (:func:`detection_calibration`; a level
estimated from the stations that heard an event is biased high, and the model's 0.85 is about 0.3-0.4 in practice).

The evidence is the cluster's (one event too many at its place and seconds), and it is applied to the unpaired events
only: a paired event's round is confirmed by its partner; an event made of its neighbours' leftovers has no partner of
its own. With ``prior`` the share of such events that are duplicates, the probability that the event is a distinct
round is ``(1 - prior) / ((1 - prior) + prior BF)``; its firing-party claim is multiplied by ``1 / ((1 - prior) + prior
BF)`` where that is below 1 (the stage's usual assumption is that every event is a round; evidence of a distinct round
leaves the claim as it was). An event without located neighbours, or without levels and station noise to weigh the
neighbours' silence, keeps factor 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

from truceline.attribute.acoustics import path_loss_db
from truceline.attribute.physics import distance_m

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateConfig:
    radius_m: float = 5_000.0  # neighbours: located events this near (a volley's spread, and a duplicate's poor location) ...
    window_s: float = 30.0  # ... and seconds (the picks' fit to a neighbour's arrivals decides, station by station)
    celerity_m_per_s: float = 343.0
    celerity_error: float = 0.02  # relative travel-time error (wind, temperature)
    pick_sigma_s: float = 0.5
    detection_spread_db: float = 5.0
    max_detection: float = 0.9  # a neighbour's silence at a station is never taken as surer than this (unmodelled losses)
    min_detection: float = 0.01
    reach_m: float = 80_000.0  # stations farther than this from an event do not enter the detection calibration
    calibration_bins: int = 10  # bins of the modelled detection probability in which the run's pick rate is counted
    foreign_pick: float = 0.05  # under "duplicate": a pick that is not a neighbour's missing arrival (clutter, another round)
    prior: float = 0.1  # share of unpaired events beside located neighbours that are the fusion's duplicates
    max_log_factor: float = 6.9  # bound on |ln BF| (1000)


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateEvidence:
    factor: FloatArray  # multiplies each event's claim (1 where there is no evidence)
    log_factor: FloatArray  # ln BF (duplicate : distinct), 0 where not evaluated
    explained: NDArray[np.int64]  # stations whose pick fits a neighbour that has no pick there
    occupied: NDArray[np.int64]  # stations whose pick fits only neighbours that have their own pick there, or none


def duplicate_evidence(
    time_s: FloatArray, lat: FloatArray, lon: FloatArray, sigma_m: FloatArray, evaluate: NDArray[np.bool_],
    pick_station: Sequence[NDArray[np.intp]], pick_time: Sequence[FloatArray],
    station_lat: FloatArray, station_lon: FloatArray, station_noise_db: FloatArray,
    level_db: FloatArray, attenuation_db_per_km: float, detection_snr_db: float, config: DuplicateConfig | None = None,
) -> DuplicateEvidence:
    """For each event marked ``evaluate``, the factor on its probability of being a distinct round (module documentation).
    ``pick_station`` / ``pick_time``: per event, the stations (indices into ``station_*``) and times of its picks."""
    config = config or DuplicateConfig()
    n = np.asarray(time_s).size
    factor = np.ones(n)
    log_factor = np.zeros(n)
    explained = np.zeros(n, dtype=np.int64)
    occupied = np.zeros(n, dtype=np.int64)
    if n == 0 or not np.isfinite(detection_snr_db):
        return DuplicateEvidence(factor=factor, log_factor=log_factor, explained=explained, occupied=occupied)
    time_s = np.asarray(time_s, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    sigma_m = np.asarray(sigma_m, dtype=np.float64)
    stations_of = [set(map(int, s)) for s in pick_station]
    calibration = detection_calibration(lat, lon, level_db, stations_of, station_lat, station_lon, station_noise_db,
                                        attenuation_db_per_km, detection_snr_db, config)
    order = np.argsort(time_s, kind="stable")
    sorted_t = time_s[order]
    for i in map(int, np.flatnonzero(evaluate)):
        if not len(pick_station[i]):
            continue
        lo = np.searchsorted(sorted_t, time_s[i] - config.window_s, side="left")
        hi = np.searchsorted(sorted_t, time_s[i] + config.window_s, side="right")
        window = order[lo:hi]
        window = window[window != i]
        d = distance_m(np.full(window.size, lat[i]), np.full(window.size, lon[i]), lat[window], lon[window])
        near = window[d <= config.radius_m + 2.45 * np.hypot(sigma_m[window], sigma_m[i])]
        near = near[np.isfinite(level_db[near])]
        if not near.size or not np.isfinite(level_db[i]):
            continue

        def detection(events: NDArray[np.intp], dist: FloatArray, station: int) -> FloatArray:
            loss = path_loss_db(dist, attenuation_db_per_km)
            q = ndtr((level_db[events] - loss - station_noise_db[station] - detection_snr_db) / config.detection_spread_db)
            return np.clip(calibration(np.nan_to_num(q)), config.min_detection, config.max_detection)

        log_bf = 0.0
        for station, t in zip(map(int, pick_station[i]), map(float, pick_time[i])):
            dist = distance_m(lat[near], lon[near], np.full(near.size, station_lat[station]), np.full(near.size, station_lon[station]))
            travel = dist / config.celerity_m_per_s
            tolerance = 3.0 * np.sqrt(config.pick_sigma_s**2 + (config.celerity_error * travel) ** 2
                                      + (sigma_m[near] / config.celerity_m_per_s) ** 2)
            fits = np.abs(t - (time_s[near] + travel)) <= tolerance
            heard = np.asarray([station in stations_of[int(k)] for k in near[fits]], dtype=bool)
            sources, picked = int(fits.sum()) + 1, int(heard.sum()) + 1  # the events that could have made the pick; their picks at S
            if picked < sources:
                q = float(np.mean(detection(near[fits], dist[fits], station)))
                own = distance_m(np.array([lat[i]]), np.array([lon[i]]), np.array([station_lat[station]]), np.array([station_lon[station]]))
                q_own = float(detection(np.array([i], dtype=np.intp), own, station)[0])
                # ``picked`` picks of ``sources - 1`` rounds (duplicate) against this round heard (``q_own``) and ``picked - 1``
                # picks of the neighbours' ``sources - 1`` rounds (distinct), each neighbour heard with probability q: the ratio
                # of the two binomials. A loud event beside quiet neighbours (an impact beside its mortar's launch) is distinct.
                log_bf += float(np.log((sources - picked) / picked * q / (q_own * (1.0 - q))))
                explained[i] += 1
            else:
                log_bf += float(np.log(config.foreign_pick))
                occupied[i] += 1
        log_bf = float(np.clip(log_bf, -config.max_log_factor, config.max_log_factor))
        log_factor[i] = log_bf
        factor[i] = min(1.0, 1.0 / ((1.0 - config.prior) + config.prior * float(np.exp(log_bf))))
    return DuplicateEvidence(factor=factor, log_factor=log_factor, explained=explained, occupied=occupied)


def detection_calibration(lat: FloatArray, lon: FloatArray, level_db: FloatArray, stations_of: Sequence[set[int]], station_lat: FloatArray,
                          station_lon: FloatArray, station_noise_db: FloatArray, attenuation_db_per_km: float, detection_snr_db: float,
                          config: DuplicateConfig) -> Callable[[FloatArray], FloatArray]:
    """The modelled detection probability mapped to how often the run's located events were picked at such stations.

    The model's probability is biased where its inputs are: an event's level is the median over the stations that heard
    it (the quiet paths are missing), and paths share refraction and terrain. So the run says how often an event was
    in fact picked at a station (within ``reach_m``) to which the model gave probability ``q``, in bins of ``q``
    (``calibration_bins``; add-one smoothing, non-decreasing). Without enough pairs the model's ``q`` is returned."""
    edges = np.linspace(0.0, 1.0, config.calibration_bins + 1)
    heard = np.zeros(config.calibration_bins)
    total = np.zeros(config.calibration_bins)
    for k in map(int, np.flatnonzero(np.isfinite(level_db))):
        if not stations_of[k]:
            continue
        dist = distance_m(np.full(station_lat.size, lat[k]), np.full(station_lat.size, lon[k]), station_lat, station_lon)
        inside = np.flatnonzero(dist <= config.reach_m)
        loss = path_loss_db(dist[inside], attenuation_db_per_km)
        q = np.nan_to_num(ndtr((level_db[k] - loss - station_noise_db[inside] - detection_snr_db) / config.detection_spread_db))
        b = np.clip(np.searchsorted(edges, q, side="right") - 1, 0, config.calibration_bins - 1)
        total += np.bincount(b, minlength=config.calibration_bins)
        heard += np.bincount(b, weights=np.asarray([s in stations_of[k] for s in map(int, inside)], dtype=np.float64),
                             minlength=config.calibration_bins)
    if total.sum() < config.calibration_bins * 20:
        return lambda q: np.asarray(q, dtype=np.float64)
    rate = np.maximum.accumulate((heard + 1.0) / (total + 2.0))

    def calibrated(q: FloatArray) -> FloatArray:
        b = np.clip(np.searchsorted(edges, np.asarray(q, dtype=np.float64), side="right") - 1, 0, config.calibration_bins - 1)
        return np.asarray(rate[b], dtype=np.float64)

    return calibrated
