"""How loud an event is at each station, and so which stations should hear it.

Sound from a point source at the surface weakens with distance by geometric spreading and by
absorption (Pierce, *Acoustics*, ch. 1 and 10): ``log A = L - n log r - alpha r``, with a scatter
of a few tens of per cent from path to path. A pick's ``amplitude`` and distance ``r`` give one
estimate of the source level ``L`` (the median over an event's picks is its level); a station's
noise is ``amplitude / snr`` of its picks (the mean of its logarithm over all its picks). The
*margin* of a station for an event is its predicted log signal-to-noise ratio,
``L - n log r - alpha r - log noise``, less a reference (the 5th percentile of the log SNR of the
picks of emitted events: about the picker's threshold).

Nothing here is assumed about the picker or the propagation: ``n`` and ``alpha`` are fitted to
the picks of the events emitted lately (pooled within-event least squares), and the detection
curve (how often a working station with a given margin has a pick of the event) is counted on
the same events, at the stations whose predicted arrival had passed when the event was emitted
(a station the event did not wait for would otherwise count as one that did not hear it).
The curve is the isotonic regression of heard-or-not on the margin (it can only rise with the
margin). From it come two margins:

* ``expected``: where the rate of hearing reaches ``EXPECTED_RATE`` (90 %: the rest are outages
  between picks, picks the associator left out, and its false events); an event that such a
  station did not hear (its arrival passed, the station working) is suspect: a chance
  coincidence of other events' picks predicts loud arrivals at stations that had none;
* ``possible``: where it rises ``POSSIBLE_RATE`` (25 %) above the rate of the quietest pairs (a
  pick there by chance); an event need not wait for the stations below it.

Pure functions over arrays, and one small learner; :mod:`truceline.fuse.stream` owns the state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from scipy.stats import chi2

MIN_DISTANCE_KM = 0.1  # distances are floored here (a station at the source)
REFERENCE_QUANTILE = 0.05  # the margin's reference: this quantile of the log SNR of emitted picks
EXPECTED_RATE = 0.9
POSSIBLE_RATE = 0.25
MIN_EVENTS = 30  # emitted events with amplitudes needed before the law and the curve are used
MIN_PAIRS = 1000  # (station, event) pairs of the detection curve needed before it is used
CONSISTENT_QUANTILE = 0.99
OUTLIER_PICKS = 5  # with this many picks or more, the one farthest from the others is left out of the test
HISTORY_PICKS = 5000
HISTORY_PAIRS = 40000


@dataclass(frozen=True, slots=True, kw_only=True)
class LoudnessLaw:
    """``log A = level - spreading * log r - absorption_per_km * r``, and where stations hear."""

    spreading: float
    absorption_per_km: float
    scatter: float
    """Standard deviation of a pick's log amplitude about the law (robust: from the median absolute deviation)."""
    reference_log_snr: float
    expected: float
    """Margin at and above which a working station heard ``EXPECTED_RATE`` of the events."""
    possible: float
    """Margin below which a working station heard only ``POSSIBLE_RATE`` of the events."""


def attenuation(distance_km: np.ndarray, spreading: float, absorption_per_km: float) -> np.ndarray:
    """How much the log amplitude has fallen at that distance."""
    r = np.maximum(np.asarray(distance_km, dtype=float), MIN_DISTANCE_KM)
    return np.asarray(spreading * np.log(r) + absorption_per_km * r)


def fit_law(event: np.ndarray, log_amplitude: np.ndarray, distance_km: np.ndarray) -> tuple[float, float] | None:
    """Spreading exponent and absorption from picks of several events (pooled within-event least
    squares: each event's own level is profiled out). None if the data cannot tell them apart."""
    ok = np.isfinite(log_amplitude) & np.isfinite(distance_km)
    event, y = event[ok], log_amplitude[ok]
    r = np.maximum(distance_km[ok], MIN_DISTANCE_KM)
    if len(np.unique(event)) < MIN_EVENTS:
        return None
    _, inverse, counts = np.unique(event, return_inverse=True, return_counts=True)
    design = np.column_stack([np.log(r), r])

    def centred(v: np.ndarray) -> np.ndarray:
        return v - (np.bincount(inverse, weights=v) / counts)[inverse]

    x = np.column_stack([centred(design[:, 0]), centred(design[:, 1])])
    yc = centred(y)
    normal = x.T @ x
    if np.linalg.cond(normal) > 1e10:
        return None
    slope = np.linalg.solve(normal, x.T @ yc)
    spreading, absorption = -float(slope[0]), -float(slope[1])
    if not (math.isfinite(spreading) and math.isfinite(absorption)) or spreading < 0 or absorption < 0:
        # an amplitude that grows with distance is not sound from the source: fall back to spreading alone
        spreading = max(0.0, -float((x[:, 0] @ yc) / max(x[:, 0] @ x[:, 0], 1e-12)))
        absorption = 0.0
    return spreading, absorption


def levels(log_amplitude: np.ndarray, distance_km: np.ndarray, spreading: float, absorption_per_km: float) -> np.ndarray:
    """Each pick's estimate of its source's level."""
    return np.asarray(log_amplitude + attenuation(distance_km, spreading, absorption_per_km))


def event_level(log_amplitude: np.ndarray, distance_km: np.ndarray, spreading: float,
                absorption_per_km: float) -> float:
    """An event's level: the median of its picks' estimates (NaN without amplitudes)."""
    est = levels(log_amplitude, distance_km, spreading, absorption_per_km)
    est = est[np.isfinite(est)]
    return float(np.median(est)) if len(est) else math.nan


def consistent(law: LoudnessLaw, log_amplitude: np.ndarray, distance_km: np.ndarray) -> bool:
    """Whether picks' amplitudes could come from one source: the spread of their level estimates
    is within the law's scatter (the 99th percentile of a chi-square with n - 1 degrees of
    freedom; fewer than three picks with amplitudes always are), the pick farthest from the others
    left out when there are ``OUTLIER_PICKS`` or more. A chance coincidence of picks of
    sources at other distances and of other strengths gives levels that disagree."""
    est = levels(log_amplitude, distance_km, law.spreading, law.absorption_per_km)
    est = est[np.isfinite(est)]
    if len(est) >= OUTLIER_PICKS:  # one pick may be an outlier (clutter at the station, a clipped amplitude)
        est = np.delete(est, int(np.argmax(np.abs(est - np.median(est)))))
    n = len(est)
    if n < 3:
        return True
    return float(np.var(est, ddof=1)) <= law.scatter ** 2 * float(chi2.ppf(CONSISTENT_QUANTILE, n - 1)) / (n - 1)


def margins(law: LoudnessLaw, level: float | np.ndarray, distance_km: np.ndarray, log_noise: np.ndarray) -> np.ndarray:
    """Predicted log SNR at each station less the reference (NaN where the noise is unknown)."""
    return np.asarray(level - attenuation(distance_km, law.spreading, law.absorption_per_km) - log_noise
                      - law.reference_log_snr)


def monotone_rate(heard: np.ndarray) -> np.ndarray:
    """The non-decreasing sequence nearest (least squares) to ``heard`` (0 or 1, in the order of
    the margins): the rate of hearing as a function of the margin, by pooling adjacent violators
    (the isotonic regression; Barlow et al., *Statistical Inference under Order Restrictions*, 1972)."""
    means: list[float] = []
    sizes: list[int] = []
    for value in heard.astype(float):
        means.append(float(value))
        sizes.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            size = sizes[-2] + sizes[-1]
            means[-2] = (means[-2] * sizes[-2] + means[-1] * sizes[-1]) / size
            sizes[-2] = size
            means.pop()
            sizes.pop()
    return np.repeat(np.array(means), np.array(sizes, dtype=np.int64))


def curve_margins(margin: np.ndarray, heard: np.ndarray) -> tuple[float, float] | None:
    """``expected`` and ``possible`` margins of a detection curve (see the module docstring); None
    if there are too few pairs. The rate of hearing is the isotonic regression of ``heard`` on the
    margin (:func:`monotone_rate`): ``expected`` is the least margin where it reaches
    ``EXPECTED_RATE``, ``possible`` the least where it rises ``POSSIBLE_RATE`` above the rate of
    the quietest pairs (a station far beyond hearing still has a pick there by chance now and
    then: another event's, clutter)."""
    ok = np.isfinite(margin)
    margin, heard = margin[ok], heard[ok]
    if len(margin) < MIN_PAIRS:
        return None
    order = np.argsort(margin, kind="stable")
    m = margin[order]
    rate = monotone_rate(heard[order])
    good = np.flatnonzero(rate >= EXPECTED_RATE)
    expected = float(m[good[0]]) if len(good) else math.inf
    chance = float(rate[0])
    audible = np.flatnonzero(rate - chance > POSSIBLE_RATE * (1.0 - chance))
    possible = float(m[audible[0]]) if len(audible) else math.inf
    return expected, min(possible, expected)


class Loudness:
    """Learns the law and the detection curve from emitted events; knows each station's noise."""

    def __init__(self, n_stations: int) -> None:
        self._noise_sum = np.zeros(n_stations)
        self._noise_count = np.zeros(n_stations, dtype=np.int64)
        # the picks of the events emitted lately: event number, log amplitude, distance, log SNR
        self._event = np.zeros(0, dtype=np.int64)
        self._log_amplitude = np.zeros(0)
        self._distance = np.zeros(0)
        self._log_snr = np.zeros(0)
        # the (event, station) pairs of the detection curve: event number, station, distance, heard
        self._pair_event = np.zeros(0, dtype=np.int64)
        self._pair_station = np.zeros(0, dtype=np.int64)
        self._pair_distance = np.zeros(0)
        self._heard = np.zeros(0, dtype=bool)
        self._events = 0
        self.new_events = 0
        """Events learned since the last :meth:`update`."""
        self.law: LoudnessLaw | None = None
        """The law in use (None until enough events with amplitudes have been emitted)."""

    @property
    def log_noise(self) -> np.ndarray:
        """Mean log noise amplitude of each station's picks (NaN for a station without one)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self._noise_count > 0, self._noise_sum / np.maximum(self._noise_count, 1), np.nan)

    @property
    def ready(self) -> bool:
        """Whether the detection curve is learned (a station can be expected to hear an event)."""
        return self.law is not None and math.isfinite(self.law.expected)

    def hear(self, station: np.ndarray, amplitude: np.ndarray, snr: np.ndarray) -> None:
        """Picks taken in: their stations' noise (``amplitude / snr``)."""
        ok = np.isfinite(amplitude) & np.isfinite(snr) & (amplitude > 0) & (snr > 0)
        np.add.at(self._noise_sum, station[ok], np.log(amplitude[ok] / snr[ok]))
        np.add.at(self._noise_count, station[ok], 1)

    def level(self, amplitude: np.ndarray, distance_km: np.ndarray) -> float:
        """An event's level from its picks' amplitudes and distances (NaN if unknown)."""
        if self.law is None:
            return math.nan
        return event_level(_log(amplitude), distance_km, self.law.spreading, self.law.absorption_per_km)

    def margins(self, level: float, distance_km: np.ndarray, stations: np.ndarray) -> np.ndarray:
        """Margins of those stations for an event of that level (NaN where unknown)."""
        if self.law is None or not math.isfinite(level):
            return np.full(len(stations), np.nan)
        return margins(self.law, level, distance_km, self.log_noise[stations])

    def event_margins(self, distance_km: np.ndarray, pick_station: np.ndarray, pick_amplitude: np.ndarray) -> np.ndarray:
        """Margins of every station (``distance_km`` from the event, by station) for an event with those picks."""
        return self.margins(self.level(pick_amplitude, distance_km[pick_station]), distance_km, np.arange(len(distance_km)))

    def consistent(self, amplitude: np.ndarray, distance_km: np.ndarray) -> bool:
        """Whether picks' amplitudes could come from one source (:func:`consistent`; True if nothing is learned)."""
        return self.law is None or consistent(self.law, _log(amplitude), distance_km)

    def learn(self, amplitude: np.ndarray, snr: np.ndarray, distance_km: np.ndarray, pair_distance_km: np.ndarray,
              pair_heard: np.ndarray, pair_station: np.ndarray) -> None:
        """One emitted event: its picks' amplitudes, SNRs and distances, and the working stations
        within reach whose predicted arrival had passed (distance, heard or not, station index)."""
        log_amplitude = _log(amplitude)
        if not np.isfinite(log_amplitude).any():
            return
        self._events += 1
        self.new_events += 1
        keep = HISTORY_PICKS
        self._event = np.concatenate([self._event, np.full(len(amplitude), self._events)])[-keep:]
        self._log_amplitude = np.concatenate([self._log_amplitude, log_amplitude])[-keep:]
        self._distance = np.concatenate([self._distance, distance_km])[-keep:]
        self._log_snr = np.concatenate([self._log_snr, _log(snr)])[-keep:]
        keep = HISTORY_PAIRS
        self._pair_event = np.concatenate([self._pair_event, np.full(len(pair_station), self._events)])[-keep:]
        self._pair_station = np.concatenate([self._pair_station, pair_station])[-keep:]
        self._pair_distance = np.concatenate([self._pair_distance, pair_distance_km])[-keep:]
        self._heard = np.concatenate([self._heard, pair_heard])[-keep:]

    def update(self) -> None:
        """Refit the law and the curve from the history (when there is enough of it): each event's
        level and each pair's margin are recomputed under the new law and the stations' noise."""
        self.new_events = 0
        fitted = fit_law(self._event, self._log_amplitude, self._distance)
        if fitted is None:
            return
        spreading, absorption = fitted
        snr = self._log_snr[np.isfinite(self._log_snr)]
        law = LoudnessLaw(spreading=spreading, absorption_per_km=absorption, scatter=math.inf,
                          reference_log_snr=float(np.quantile(snr, REFERENCE_QUANTILE)), expected=math.inf,
                          possible=-math.inf)
        est = levels(self._log_amplitude, self._distance, spreading, absorption)
        number, inverse = np.unique(self._event, return_inverse=True)
        level = np.full(len(number), np.nan)
        order = np.lexsort((est, inverse))  # by event, then estimate: each event's median
        bounds = np.searchsorted(inverse[order], np.arange(len(number) + 1))
        for k in range(len(number)):
            values = est[order[bounds[k]:bounds[k + 1]]]
            values = values[np.isfinite(values)]
            if len(values):
                level[k] = float(np.median(values))
        residual = est - level[inverse]
        many = np.bincount(inverse, minlength=len(number))[inverse] >= 3
        residual = residual[many & np.isfinite(residual)]
        if len(residual):
            law = replace(law, scatter=float(1.4826 * np.median(np.abs(residual))))
        at = np.searchsorted(number, self._pair_event)
        known = (at < len(number)) & (number[np.minimum(at, len(number) - 1)] == self._pair_event)
        pair_level = np.where(known, level[np.minimum(at, len(number) - 1)], np.nan)
        margin = margins(law, pair_level, self._pair_distance, self.log_noise[self._pair_station])
        curve = curve_margins(margin, self._heard)
        if curve is not None:
            law = replace(law, expected=curve[0], possible=curve[1])
        self.law = law


def _log(values: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(np.log(np.where(values > 0, values, np.nan)))
