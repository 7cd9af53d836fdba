"""Shadowed stations (fuse/shadow.py): a station that heard the well-recorded sources from one direction far below
the amplitude law, or not at all, is not among the nearest stations whose silence counts against a source from
there; on hand-made picks of a grid of stations."""

from __future__ import annotations

import math

import numpy as np

from truceline.fuse import FusionConfig
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.loudness import LoudnessLaw
from truceline.fuse.shadow import Shadows

CELERITY_KM_S = 0.34
LAW = LoudnessLaw(spreading=1.0, absorption_per_km=0.0, scatter=0.4, reference_log_snr=0.0, expected=math.inf,
                  possible=-math.inf)
ST_X, ST_Y = (v.ravel() for v in np.meshgrid(np.arange(5) * 8.0, np.arange(4) * 8.0))
PLACE = (13.0, 11.0)  # nearest station: 7 at (16, 8)
ELSEWHERE = (27.0, 21.0)  # nearest station: 18 at (24, 24), on the other side of station 7


def _order(x: float, y: float) -> np.ndarray:
    return np.argsort(np.hypot(ST_X - x, ST_Y - y), kind="stable")


def _picks(sources: list[tuple[float, float, float, np.ndarray, float]]
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[np.ndarray]]:
    """Pick arrays (station-sorted) of sources ``(x, y, t0, stations heard, level)``, every station's amplitude on the
    law except station 7's from ``PLACE`` (3 below it), and a clutter pick at every station 250 s after each source
    (the stations are working, and not busy at any arrival). Returns time, station, log amplitude, the stations'
    first pick, and each source's picks."""
    rows: list[tuple[float, int, float, int]] = []
    for k, (x, y, t0, heard, level) in enumerate(sources):
        for s in heard.tolist():
            d = float(np.hypot(ST_X[s] - x, ST_Y[s] - y))
            shadowed = s == 7 and np.hypot(x - PLACE[0], y - PLACE[1]) < 3.0
            rows.append((t0 + d / CELERITY_KM_S, s, level - math.log(d) - (3.0 if shadowed else 0.0), k))
        for s in range(len(ST_X)):
            rows.append((t0 + 250.0 + 0.1 * s, s, math.nan, -1))
    rows.sort(key=lambda r: (r[1], r[0]))
    time = np.array([r[0] for r in rows])
    station = np.array([r[1] for r in rows], dtype=np.int64)
    log_amplitude = np.array([r[2] for r in rows])
    source = np.array([r[3] for r in rows])
    start = np.searchsorted(station, np.arange(len(ST_X) + 1)).astype(np.int64)
    return time, station, log_amplitude, start, [np.flatnonzero(source == k) for k in range(len(sources))]


def _learned(heard_by_seven: bool) -> tuple[Shadows, np.ndarray, np.ndarray]:
    """Shadows learned from three sources at PLACE and three ELSEWHERE heard by every station within 30 km (station 7
    below the law from PLACE, or not at all), and a small source at PLACE, then ELSEWHERE, heard by the 2nd, 3rd, 5th
    and 6th nearest stations (the nearest and the 4th silent)."""
    sources = []
    for k in range(3):
        for j, (x, y) in enumerate((PLACE, ELSEWHERE)):
            heard = np.flatnonzero(np.hypot(ST_X - x, ST_Y - y) <= 30.0)
            if not heard_by_seven and (x, y) == PLACE:
                heard = heard[heard != 7]
            sources.append((x, y, 1000.0 + 800.0 * (2 * k + j), heard, 3.0 + 0.1 * k))
    for j, (x, y) in enumerate((PLACE, ELSEWHERE)):
        sources.append((x, y, 6000.0 + 800.0 * j, _order(x, y)[[1, 2, 4, 5]], 2.0))
    time, station, log_amplitude, start, picks = _picks(sources)
    shadows = Shadows(LAW, pick_time=time, pick_station=station, station_pick_start=start, st_x=ST_X, st_y=ST_Y,
                      reach_km=38.0, log_amplitude=log_amplitude)
    learn = picks[:6]
    xy = np.array([s[:2] for s in sources[:6]])
    t0 = np.array([s[2] for s in sources[:6]])
    shadows.learn(learn, xy[:, 0], xy[:, 1], t0, np.tile([CELERITY_KM_S, 0.0, 0.0], (6, 1)))
    return shadows, time, station


def _small(shadows: Shadows, time: np.ndarray, station: np.ndarray, j: int) -> tuple[bool, bool]:
    """The footprint test and the shadowed one of the small source ``j`` (0 at PLACE, 1 ELSEWHERE)."""
    x, y = (PLACE, ELSEWHERE)[j]
    t0 = 6000.0 + 800.0 * j
    heard = _order(x, y)[[1, 2, 4, 5]]
    atmosphere = np.array([CELERITY_KM_S, 0.0, 0.0])
    start = shadows.station_pick_start
    plain = heard_by_nearest_majority(x, y, t0, heard, atmosphere, st_x=ST_X, st_y=ST_Y, station_pick_start=start,
                                      pick_time=time)
    shadowed = shadows.heard_by_nearest_majority(x, y, t0, heard, atmosphere, station_pick_start=start, pick_time=time)
    return plain, shadowed


def test_a_station_heard_below_the_law_from_a_place_has_a_loss_from_there_only() -> None:
    shadows, _, _ = _learned(heard_by_seven=True)
    loss = shadows.loss(*PLACE)
    # three picks 3 below the law: at least 3 less two standard errors (0.4 / sqrt(3))
    assert abs(loss[7] - (3.0 - 2.0 * 0.4 / np.sqrt(3.0))) < 0.05
    assert np.all(np.delete(loss, 7) < 0.05)
    assert np.all(shadows.loss(*ELSEWHERE) < 0.05)
    assert not shadows.silent(*PLACE).any()


def test_the_nearest_stations_test_passes_a_source_whose_nearest_station_is_shadowed() -> None:
    shadows, time, station = _learned(heard_by_seven=True)
    plain, shadowed = _small(shadows, time, station, 0)
    assert _order(*PLACE)[0] == 7
    assert not plain  # its nearest (7) and 4th nearest were silent: 2 of its 4 nearest heard it
    assert shadowed  # 7 heard the place's sources 3 below the law: it is not among the nearest


def test_elsewhere_the_answer_is_the_footprint_tests_own() -> None:
    shadows, time, station = _learned(heard_by_seven=True)
    plain, shadowed = _small(shadows, time, station, 1)
    assert not plain and not shadowed


def test_a_station_that_never_heard_the_places_sources_is_silent_from_there() -> None:
    shadows, time, station = _learned(heard_by_seven=False)
    assert shadows.silent(*PLACE)[7]
    assert not np.delete(shadows.silent(*PLACE), 7).any()
    assert not shadows.silent(*ELSEWHERE).any()
    plain, shadowed = _small(shadows, time, station, 0)
    assert not plain and shadowed


def test_off_by_default() -> None:
    assert FusionConfig().terrain_shadows is False
