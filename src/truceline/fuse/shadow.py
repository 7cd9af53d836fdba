"""Shadowed stations: a station that the run's well-recorded sources from one direction reach weakly or not at all.

The test of an event's footprint (``footprint.heard_by_nearest_majority``: most of its ``m`` nearest working
stations heard it) takes a near station's silence as evidence against the event: sound weakens with distance, so a
real source is heard loudest at the stations nearest to it. A ridge between a source and a station breaks that
rule: the barrier's insertion loss (Maekawa 1968, *Applied Acoustics* 1, 157: ``10 log10(3 + 20 N)``, 15-25 dB at
10 Hz over a ridge of a few hundred metres) makes a station a few km away hear a source as if it were tens of km
away, or not at all (topographic shadows of infrasound: de Groot-Hedlin, Hedlin and Walker 2011, *JASA* 130, 1141).
Where the ridges are is not given; the run shows them:

* **Path loss.** A station that heard the batch's well-recorded sources (``LAW_MIN_STATIONS`` or more stations)
  from one direction at amplitudes below the amplitude-distance law (``rival.learned_law``: each pick's level
  estimate less its event's median) has a loss from there: the least shortfall its picks allow, their mean
  residual's bound ``LOSS_Z`` standard errors towards 0 (a pick's residual scatters by the law's scatter), so that
  the chance scatter of a station's picks reads no loss.
* **Silent station.** A station that was one of the ``m`` nearest candidate stations (working, within reach, not
  busy: ``silence.candidate_stations``) of well-recorded sources from that direction and heard fewer of them than
  it missed, and missed at least ``MIN_MISSES``, is silent from there (without amplitudes, the only reading).

"From one direction" is: the source's bearing seen from the station within ``SECTOR_DEG`` of the place's, its
range within a factor ``RANGE_RATIO`` of the place's range (a ridge shadows the sources beyond it in a sector).

:meth:`Shadows.heard_by_nearest_majority` is the footprint test with the stations ranked by the level they should
have received (the law's attenuation at their distance, plus their loss from that direction) instead of by travel time
alone, a silent station that did not hear the event last: a shadowed station is not among the nearest whose silence
counts, whether it heard the event or not (one that heard a source through a ridge is no evidence that the source
was loud near it). Where no station has a loss from that direction the ranking, and the answer, are the footprint
test's own. Ranking only the stations that did not hear the event by their loss (a test that passes whatever the
footprint test passes) was tried: on foreign_sim3 `terrain` it let in 8 more false events (docs/fusion.md).
"""

from __future__ import annotations

import math

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.footprint import heard_by_nearest_majority, working_stations
from truceline.fuse.loudness import MIN_DISTANCE_KM, LoudnessLaw, attenuation
from truceline.fuse.rival import LAW_MIN_STATIONS
from truceline.fuse.silence import candidate_stations

SECTOR_DEG = 10.0  # sources within this bearing of the place, seen from the station, are from its direction
RANGE_RATIO = 1.5  # ... and within this factor of its range
MIN_MISSES = 2  # one silence of a well-recorded source may be chance (the picker's dead time, a gust)
LOSS_Z = 2.0  # a station's loss is the lower bound, at this many standard errors, of its picks' mean shortfall


class Shadows:
    """The (station, source) pairs of a batch's well-recorded events, and each station's loss and silence from a
    place (see the module docstring)."""

    def __init__(self, law: LoudnessLaw | None, *, pick_time: np.ndarray, pick_station: np.ndarray,
                 station_pick_start: np.ndarray, st_x: np.ndarray, st_y: np.ndarray, reach_km: float,
                 log_amplitude: np.ndarray | None = None) -> None:
        self.law = law
        self.pick_time, self.pick_station = pick_time, pick_station
        self.station_pick_start = station_pick_start
        self.st_x, self.st_y, self.reach_km = st_x, st_y, reach_km
        self.log_amplitude = log_amplitude
        self.first_s = float(pick_time.min()) if len(pick_time) else 0.0
        self.last_s = float(pick_time.max()) if len(pick_time) else 0.0
        # nearest-station pairs: heard or missed
        self.station = np.zeros(0, dtype=np.int64)
        self.source_x = np.zeros(0)
        self.source_y = np.zeros(0)
        self.heard = np.zeros(0, dtype=bool)
        # heard picks: their level residual about their event's
        self.pick_source_station = np.zeros(0, dtype=np.int64)
        self.pick_source_x = np.zeros(0)
        self.pick_source_y = np.zeros(0)
        self.residual = np.zeros(0)

    def learn(self, picks: list[np.ndarray], x: np.ndarray, y: np.ndarray, t0: np.ndarray,
              atmosphere: np.ndarray) -> int:
        """Learn from the events of ``LAW_MIN_STATIONS`` or more stations (``atmosphere``: each event's c, wx, wy);
        returns how many (station, source) pairs."""
        station: list[np.ndarray] = []
        heard: list[np.ndarray] = []
        where: list[np.ndarray] = []
        res_station: list[np.ndarray] = []
        res_where: list[np.ndarray] = []
        residual: list[np.ndarray] = []
        for k, p in enumerate(picks):
            m = len(np.unique(self.pick_station[p]))
            if m < LAW_MIN_STATIONS:
                continue
            xk, yk = float(x[k]), float(y[k])
            stations, is_heard = candidate_stations(
                p, xk, yk, float(t0[k]), atmosphere[k], pick_time=self.pick_time, pick_station=self.pick_station,
                station_pick_start=self.station_pick_start, st_x=self.st_x, st_y=self.st_y, reach_km=self.reach_km,
                usable=np.ones(len(self.st_x), dtype=bool), first_s=self.first_s, last_s=self.last_s)
            c, wx, wy = (float(v) for v in atmosphere[k][:3])
            tt = travel_times(self.st_x[stations], self.st_y[stations], xk, yk, c, wx, wy)
            nearest = np.argsort(tt, kind="stable")[:m]
            station.append(stations[nearest])
            heard.append(is_heard[nearest])
            where.append(np.tile([xk, yk], (len(nearest), 1)))
            if self.law is not None and self.log_amplitude is not None:
                s = self.pick_station[p]
                estimate = self.log_amplitude[p] + attenuation(np.hypot(self.st_x[s] - xk, self.st_y[s] - yk),
                                                               self.law.spreading, self.law.absorption_per_km)
                ok = np.isfinite(estimate)
                if ok.sum() >= LAW_MIN_STATIONS:
                    res_station.append(s[ok])
                    res_where.append(np.tile([xk, yk], (int(ok.sum()), 1)))
                    residual.append(estimate[ok] - float(np.median(estimate[ok])))
        if station:
            self.station = np.concatenate(station).astype(np.int64)
            self.heard = np.concatenate(heard)
            xy = np.concatenate(where)
            self.source_x, self.source_y = xy[:, 0], xy[:, 1]
        if residual:
            self.pick_source_station = np.concatenate(res_station).astype(np.int64)
            xy = np.concatenate(res_where)
            self.pick_source_x, self.pick_source_y = xy[:, 0], xy[:, 1]
            self.residual = np.concatenate(residual)
        return len(self.station)

    def _from_there(self, station: np.ndarray, sx: np.ndarray, sy: np.ndarray, x: float, y: float) -> np.ndarray:
        """Which of these (station, source) pairs have their source in the direction of (x, y) from the station."""
        px, py = x - self.st_x[station], y - self.st_y[station]
        qx, qy = sx - self.st_x[station], sy - self.st_y[station]
        turn = np.abs((np.arctan2(qx, qy) - np.arctan2(px, py) + math.pi) % (2.0 * math.pi) - math.pi)
        ratio = np.maximum(np.hypot(qx, qy), MIN_DISTANCE_KM) / np.maximum(np.hypot(px, py), MIN_DISTANCE_KM)
        return np.asarray((turn <= math.radians(SECTOR_DEG)) & (ratio <= RANGE_RATIO) & (ratio >= 1.0 / RANGE_RATIO))

    def silent(self, x: float, y: float) -> np.ndarray:
        """Per station, whether it is silent from (x, y): it missed at least ``MIN_MISSES`` of the learned sources
        from there whose nearest stations it was among, and more than it heard."""
        n = len(self.st_x)
        if not len(self.station):
            return np.zeros(n, dtype=bool)
        near = self._from_there(self.station, self.source_x, self.source_y, x, y)
        hits = np.bincount(self.station[near & self.heard], minlength=n)
        misses = np.bincount(self.station[near & ~self.heard], minlength=n)
        return np.asarray((misses >= MIN_MISSES) & (misses > hits))

    def loss(self, x: float, y: float) -> np.ndarray:
        """Per station, its loss from (x, y) in the law's log amplitude (0 or more): how far below the law it heard
        the learned sources from there, at least (the mean shortfall less ``LOSS_Z`` standard errors of it)."""
        n = len(self.st_x)
        if not len(self.residual):
            return np.zeros(n)
        near = self._from_there(self.pick_source_station, self.pick_source_x, self.pick_source_y, x, y)
        total = np.bincount(self.pick_source_station[near], weights=self.residual[near], minlength=n)
        count = np.bincount(self.pick_source_station[near], minlength=n)
        scatter = self.law.scatter if self.law is not None else 0.0
        with np.errstate(invalid="ignore", divide="ignore"):
            bound = -total / count - LOSS_Z * scatter / np.sqrt(count)
        return np.where(count > 0, np.maximum(0.0, bound), 0.0)

    def heard_by_nearest_majority(self, x_km: float, y_km: float, t0_s: float, stations: np.ndarray,
                                  atmosphere: np.ndarray, *, station_pick_start: np.ndarray,
                                  pick_time: np.ndarray) -> bool:
        """``footprint.heard_by_nearest_majority`` with the working stations ranked by the level they should have
        received from (x, y): the law's attenuation at their distance (by travel time, so downwind is nearer) plus
        their loss from there, the silent ones that did not hear the event last."""
        heard = np.unique(stations)
        loss = self.loss(x_km, y_km)
        silent = self.silent(x_km, y_km)
        silent[heard] = False
        if not (np.any(loss > 0) or np.any(silent)):
            return heard_by_nearest_majority(x_km, y_km, t0_s, stations, atmosphere, st_x=self.st_x, st_y=self.st_y,
                                             station_pick_start=station_pick_start, pick_time=pick_time)
        m = len(heard)
        if m == 0:
            return False
        working = np.union1d(working_stations(t0_s, station_pick_start, pick_time), heard)
        c, wx, wy = (float(v) for v in atmosphere[:3])
        distance = c * travel_times(self.st_x[working], self.st_y[working], x_km, y_km, c, wx, wy)
        if self.law is not None:
            fall = attenuation(distance, self.law.spreading, self.law.absorption_per_km)
        else:
            fall = np.log(np.maximum(distance, MIN_DISTANCE_KM))
        # every station where it should have heard the event: one that heard it through a loss ranks lower too
        key = np.where(silent[working], math.inf, fall + loss[working])
        nearest = working[np.argsort(key, kind="stable")[:m]]
        return 2 * len(np.intersect1d(nearest, heard)) > m
