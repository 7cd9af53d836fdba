"""Silent stations: a source loud enough for its picks should have been heard by its other stations.

An event of few stations gives, by its picks' amplitudes and the amplitude-distance law
(``rival.learned_law``), the level of its source; that level predicts, at every other working
station within reach, a *margin*: the predicted log amplitude less the station's log noise
(``amplitude / snr`` of its picks) less a reference (the ``REFERENCE_QUANTILE`` of the log SNR of
the picks of well-recorded events: about the picker's threshold), as the streaming associator's
``loudness.margins`` does. The detection curve, the rate at which a working station with a given
margin has a pick of the event, is learned from the batch's events of ``LAW_MIN_STATIONS`` or
more stations (isotonic regression of heard-or-not on the margin, ``loudness.monotone_rate``).

The level of a source heard by few stations is taken as the maximum-likelihood level of its
picks' estimates under a normal law (the law's scatter) truncated where each pick would not have
been made (its SNR at the reference): such a source was heard where its sound happened to come out
loud, and the median of its picks overstates it (:func:`truncated_level`). The well-recorded
events' levels are taken the same way, so the curve and the test measure margins alike.

A real source heard by ``m`` stations at that level has been heard by most of the stations where
the curve says it should be; a coincidence of other sources' picks (clutter of one kind, a storm's
strikes, rounds of a burst) whose amplitudes happen to agree on one level predicts that level at
stations that heard nothing. The number of detections ``N`` among the event's candidate stations
is then a sum of independent Bernoulli trials with the curve's rates (a Poisson-binomial); an event
is dropped when ``P(N <= m)`` is below ``FusionConfig.silence_p``.

A station is a candidate only if it is working (a pick within ``WORKING_WINDOW_S`` of the
predicted arrival, which must fall within the recording) and within reach, and is *not counted* if it has a pick, taken by another event
or not, within ``BUSY_S`` of the event's predicted arrival: it was busy with (or masked by) another
arrival, or heard something the associator gave elsewhere. The same stations are left out of the
pairs that teach the curve, so the curve and the test count alike. Shadow zones (stations upwind
hear less) lower the curve where they are common: the curve is learned on the same batch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import log_ndtr

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.loudness import MIN_DISTANCE_KM, LoudnessLaw, attenuation, monotone_rate
from truceline.fuse.rival import LAW_MIN_STATIONS

WORKING_WINDOW_S = 1800.0  # a station is working if it has a pick within half an hour of the event
BUSY_S = 3.0  # a station with any pick this near the predicted arrival is not counted as silent
REFERENCE_QUANTILE = 0.05
MIN_PAIRS = 500  # (event, station) pairs needed to learn the curve


@dataclass(frozen=True, slots=True)
class DetectionCurve:
    """The rate at which a working station heard an event, as a function of its margin."""

    margin: np.ndarray
    """Sorted margins of the learning pairs."""
    rate: np.ndarray
    """Isotonic rate of hearing at each of them (non-decreasing)."""
    reference_log_snr: float

    def at(self, margin: np.ndarray) -> np.ndarray:
        """The rate at those margins (the nearest learned margin at or below; the least rate below all)."""
        i = np.searchsorted(self.margin, margin, side="right") - 1
        return np.where(i >= 0, self.rate[np.clip(i, 0, len(self.rate) - 1)], self.rate[0])


def station_log_noise(pick_station: np.ndarray, log_amplitude: np.ndarray, log_snr: np.ndarray, n_stations: int) -> np.ndarray:
    """Mean log noise amplitude (``log amplitude - log snr``) of each station's picks (NaN without one)."""
    noise = log_amplitude - log_snr
    ok = np.isfinite(noise)
    total = np.bincount(pick_station[ok], weights=noise[ok], minlength=n_stations)
    count = np.bincount(pick_station[ok], minlength=n_stations)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


class Silence:
    """Candidate stations, margins and the detection curve of one batch (see the module docstring)."""

    def __init__(self, law: LoudnessLaw, *, pick_time: np.ndarray, pick_station: np.ndarray, log_amplitude: np.ndarray,
                 log_snr: np.ndarray, station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
                 reach_km: float) -> None:
        self.law = law
        self.pick_time, self.pick_station = pick_time, pick_station
        self.log_amplitude = log_amplitude
        self.station_pick_start = station_pick_start
        self.st_x, self.st_y, self.reach_km = st_x, st_y, reach_km
        self.log_noise = station_log_noise(pick_station, log_amplitude, log_snr, len(st_x))
        self.log_snr = log_snr
        # the recording: an arrival predicted before its start or after its end was not heard by anyone
        self.first_s = float(pick_time.min()) if len(pick_time) else 0.0
        self.last_s = float(pick_time.max()) if len(pick_time) else 0.0
        self.curve: DetectionCurve | None = None

    def level(self, picks: np.ndarray, x: float, y: float, reference: float | None = None) -> float:
        """The source level the picks give: the median of their estimates, or (with ``reference``) the
        maximum-likelihood level of a normal law truncated where each pick would not have been made
        (:func:`truncated_level`)."""
        s = self.pick_station[picks]
        est = self.log_amplitude[picks] + attenuation(np.hypot(self.st_x[s] - x, self.st_y[s] - y),
                                                      self.law.spreading, self.law.absorption_per_km)
        ok = np.isfinite(est)
        if not ok.any():
            return math.nan
        if reference is None:
            return float(np.median(est[ok]))
        margin = self.log_snr[picks] - reference  # how far above the picker's threshold each pick was
        ok &= np.isfinite(margin)
        if not ok.any():
            return float(np.median(est[np.isfinite(est)]))
        return truncated_level(est[ok], est[ok] - margin[ok], self.law.scatter)

    def candidates(self, picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The working stations within reach that count (the event's own and the silent, not busy,
        ones), and whether each heard the event."""
        return candidate_stations(picks, x, y, t0, atmosphere, pick_time=self.pick_time, pick_station=self.pick_station,
                                  station_pick_start=self.station_pick_start, st_x=self.st_x, st_y=self.st_y,
                                  reach_km=self.reach_km, usable=np.isfinite(self.log_noise),
                                  first_s=self.first_s, last_s=self.last_s)

    def margins(self, level: float, stations: np.ndarray, x: float, y: float, reference: float) -> np.ndarray:
        d = np.hypot(self.st_x[stations] - x, self.st_y[stations] - y)
        return np.asarray(level - attenuation(d, self.law.spreading, self.law.absorption_per_km)
                          - self.log_noise[stations] - reference)

    def learn(self, picks: list[np.ndarray], x: np.ndarray, y: np.ndarray, t0: np.ndarray, atmosphere: np.ndarray) -> bool:
        """Learn the detection curve from the events of ``LAW_MIN_STATIONS`` or more stations; False if too few pairs."""
        rows = [k for k, p in enumerate(picks) if len(np.unique(self.pick_station[p])) >= LAW_MIN_STATIONS]
        if not rows:
            return False
        snr = np.concatenate([self.log_snr[picks[k]] for k in rows])
        snr = snr[np.isfinite(snr)]
        if len(snr) == 0:
            return False
        reference = float(np.quantile(snr, REFERENCE_QUANTILE))
        margin: list[np.ndarray] = []
        heard: list[np.ndarray] = []
        for k in rows:
            level = self.level(picks[k], float(x[k]), float(y[k]), reference)
            if not math.isfinite(level):
                continue
            stations, is_heard = self.candidates(picks[k], float(x[k]), float(y[k]), float(t0[k]), atmosphere[k])
            margin.append(self.margins(level, stations, float(x[k]), float(y[k]), reference))
            heard.append(is_heard)
        if not margin:
            return False
        m = np.concatenate(margin)
        h = np.concatenate(heard)
        ok = np.isfinite(m)
        m, h = m[ok], h[ok]
        if len(m) < MIN_PAIRS:
            return False
        order = np.argsort(m, kind="stable")
        self.curve = DetectionCurve(margin=m[order], rate=monotone_rate(h[order]), reference_log_snr=reference)
        return True

    def tail(self, picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray) -> float:
        """``P(N <= m)``: how likely a real source at the event's level is heard by as few of its
        candidate stations as it was (1.0 when nothing is known)."""
        if self.curve is None:
            return 1.0
        level = self.level(picks, x, y, self.curve.reference_log_snr)
        if not math.isfinite(level):
            return 1.0
        stations, is_heard = self.candidates(picks, x, y, t0, atmosphere)
        rate = self.curve.at(self.margins(level, stations, x, y, self.curve.reference_log_snr))
        return at_most(rate, int(is_heard.sum()))



class ReachSilence:
    """Silent stations without amplitudes: a source heard at distance ``R`` was loud enough to be heard at most
    stations nearer than ``R``.

    Picks without ``amplitude`` and ``snr`` (other simulators' and sensors' picks: the contract makes them
    optional) give no level, so :class:`Silence` cannot say how loud an event was. Its farthest station does:
    a real source heard ``R`` km away was heard at most of the working stations much nearer, while a chance
    coincidence of other sources' picks at a point that one far pick stretches to ``R`` leaves the idle stations
    nearer than ``R`` silent. A station's *margin* is ``log(R / d)`` (``d`` its distance, ``R`` the event's
    farthest heard station's), the same for a loud and a quiet source since both are heard out to where their
    sound fades into the noise. The detection curve is learned from the batch's events of ``LAW_MIN_STATIONS``
    or more stations exactly as :class:`Silence` learns its own (the same candidate stations, the isotonic
    rate), and the test is the same Poisson-binomial tail: ``P(N <= m)`` of the event's candidate stations.
    """

    def __init__(self, *, pick_time: np.ndarray, pick_station: np.ndarray, station_pick_start: np.ndarray,
                 st_x: np.ndarray, st_y: np.ndarray, reach_km: float) -> None:
        self.pick_time, self.pick_station = pick_time, pick_station
        self.station_pick_start = station_pick_start
        self.st_x, self.st_y, self.reach_km = st_x, st_y, reach_km
        self.first_s = float(pick_time.min()) if len(pick_time) else 0.0
        self.last_s = float(pick_time.max()) if len(pick_time) else 0.0
        self.curve: DetectionCurve | None = None

    def candidates(self, picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The working stations within reach that count (as :meth:`Silence.candidates`, every station usable)."""
        return candidate_stations(picks, x, y, t0, atmosphere, pick_time=self.pick_time, pick_station=self.pick_station,
                                  station_pick_start=self.station_pick_start, st_x=self.st_x, st_y=self.st_y,
                                  reach_km=self.reach_km, usable=np.ones(len(self.st_x), dtype=bool),
                                  first_s=self.first_s, last_s=self.last_s)

    def margins(self, stations: np.ndarray, is_heard: np.ndarray, x: float, y: float) -> np.ndarray:
        """``log(R / d)`` of each station, ``R`` the distance of the farthest that heard the event."""
        d = np.maximum(np.hypot(self.st_x[stations] - x, self.st_y[stations] - y), MIN_DISTANCE_KM)
        if not is_heard.any():
            return np.full(len(stations), -math.inf)
        return np.asarray(np.log(d[is_heard].max() / d))

    def learn(self, picks: list[np.ndarray], x: np.ndarray, y: np.ndarray, t0: np.ndarray, atmosphere: np.ndarray) -> bool:
        """Learn the detection curve from the events of ``LAW_MIN_STATIONS`` or more stations; False if too few pairs."""
        margin: list[np.ndarray] = []
        heard: list[np.ndarray] = []
        for k, p in enumerate(picks):
            if len(np.unique(self.pick_station[p])) < LAW_MIN_STATIONS:
                continue
            stations, is_heard = self.candidates(p, float(x[k]), float(y[k]), float(t0[k]), atmosphere[k])
            margin.append(self.margins(stations, is_heard, float(x[k]), float(y[k])))
            heard.append(is_heard)
        if not margin:
            return False
        m, h = np.concatenate(margin), np.concatenate(heard)
        if len(m) < MIN_PAIRS:
            return False
        order = np.argsort(m, kind="stable")
        self.curve = DetectionCurve(margin=m[order], rate=monotone_rate(h[order]), reference_log_snr=math.nan)
        return True

    def tail(self, picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray) -> float:
        """``P(N <= m)``: how likely a real source heard as far as this event was is heard by as few of its
        candidate stations as it was (1.0 when nothing is known)."""
        if self.curve is None:
            return 1.0
        stations, is_heard = self.candidates(picks, x, y, t0, atmosphere)
        rate = self.curve.at(self.margins(stations, is_heard, x, y))
        return at_most(rate, int(is_heard.sum()))

def candidate_stations(picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray, *, pick_time: np.ndarray,
                       pick_station: np.ndarray, station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray,
                       reach_km: float, usable: np.ndarray, first_s: float, last_s: float) -> tuple[np.ndarray, np.ndarray]:
    """The ``usable`` stations within reach of (x, y) that count for an event of these picks located there at
    ``t0``: its own, and the silent ones that were working (a pick within ``WORKING_WINDOW_S`` of the predicted
    arrival, which falls within the recording ``first_s``-``last_s``) and not busy (no pick within ``BUSY_S`` of
    it); and whether each heard the event."""
    heard = np.unique(pick_station[picks])
    d = np.hypot(st_x - x, st_y - y)
    near = np.flatnonzero((d <= reach_km) & usable)
    c, wx, wy = (float(v) for v in atmosphere)
    tt = travel_times(st_x[near], st_y[near], x, y, c, wx, wy)
    arrival = t0 + tt
    start = station_pick_start
    keep = np.zeros(len(near), dtype=bool)
    is_heard = np.isin(near, heard)
    for j, s in enumerate(near.tolist()):
        if is_heard[j]:
            keep[j] = True
            continue
        if not first_s <= arrival[j] <= last_s:
            continue
        first, last = int(start[s]), int(start[s + 1])
        if first == last:
            continue
        times = pick_time[first:last]
        k = int(np.searchsorted(times, arrival[j] - WORKING_WINDOW_S))
        if k >= len(times) or times[k] > arrival[j] + WORKING_WINDOW_S:
            continue  # not working
        k = int(np.searchsorted(times, arrival[j] - BUSY_S))
        if k < len(times) and times[k] <= arrival[j] + BUSY_S:
            continue  # busy: a pick near the predicted arrival
        keep[j] = True
    return near[keep], is_heard[keep]


def truncated_level(estimate: np.ndarray, lowest: np.ndarray, scatter: float) -> float:
    """The level ``L`` that maximises the likelihood of the picks' level estimates, each drawn from
    ``N(L, scatter)`` truncated below at ``lowest`` (the level under which that station would not have
    made the pick): a source heard by few stations near their threshold was heard where its sound
    happened to come out loud, and the plain median overstates it (Cohen, *Truncated and Censored
    Samples*, 1991)."""
    centre = float(np.median(estimate))
    grid = centre + scatter * np.linspace(-4.0, 1.0, 251)
    z = (estimate[None, :] - grid[:, None]) / scatter
    kept = log_ndtr(-(lowest[None, :] - grid[:, None]) / scatter)
    loglik = (-0.5 * z**2 - kept).sum(axis=1)
    return float(grid[int(np.argmax(loglik))])


def at_most(rate: np.ndarray, m: int) -> float:
    """``P(N <= m)`` for ``N`` the number of successes of independent trials with those rates
    (the Poisson-binomial distribution, by its recurrence over the trials)."""
    p = np.clip(np.asarray(rate, dtype=float), 0.0, 1.0)
    dist = np.zeros(m + 2)
    dist[0] = 1.0
    for q in p.tolist():
        dist[1:] = dist[1:] * (1.0 - q) + dist[:-1] * q
        dist[0] *= 1.0 - q
    # dist[m + 1] collects m + 1 or more
    return float(min(1.0, dist[: m + 1].sum()))
