"""Whether an event was heard by most of the stations nearest to it.

Sound weakens with distance, so a source heard by ``m`` stations is heard above all by the
stations nearest to it: of the ``m`` working stations nearest to a real source, most heard it.
A chance coincidence of other sources' picks (the typical false event in a burst of fire: a
few picks of several rounds that happen to agree on a point kilometres from any of them) is
heard by a scattered few, and its nearest stations, though working, heard nothing then. The
extraction's footprint test (``kernels._plausible_footprint``: half the working stations
within the median distance) lets through a coincidence whose nearest stations are half
silent; this test asks for a strict majority of the ``m`` nearest. "Nearest" is by predicted
travel time, so that a station downwind counts as nearer than one at the same distance upwind.
A station is working if it reported any pick within ten minutes of the origin time.
"""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times

WORKING_WINDOW_S = 600.0


def heard_by_nearest_majority(
    x_km: float, y_km: float, t0_s: float, stations: np.ndarray, atmosphere: np.ndarray, *,
    st_x: np.ndarray, st_y: np.ndarray, station_pick_start: np.ndarray, pick_time: np.ndarray,
    excused: np.ndarray | None = None,
) -> bool:
    """Whether more than half of the ``len(unique(stations))`` working stations with the shortest
    predicted travel time from (x, y) are among ``stations``. The ``excused`` stations (that did not hear it) are left
    out of the working ones: their silence says nothing (their arrival was masked by another source's)."""
    heard = np.unique(stations)
    m = len(heard)
    if m == 0:
        return False
    working = working_stations(t0_s, station_pick_start, pick_time)
    if excused is not None and len(excused):
        working = np.setdiff1d(working, np.setdiff1d(excused, heard))
    working = np.union1d(working, heard)
    c, wx, wy = (float(v) for v in atmosphere)
    tt = travel_times(st_x[working], st_y[working], x_km, y_km, c, wx, wy)
    nearest = working[np.argsort(tt, kind="stable")[:m]]
    return 2 * len(np.intersect1d(nearest, heard)) > m


def working_stations(t0_s: float, station_pick_start: np.ndarray, pick_time: np.ndarray) -> np.ndarray:
    """Stations with a pick within ``WORKING_WINDOW_S`` of ``t0_s`` (picks sorted by station, then time)."""
    near = np.flatnonzero((pick_time >= t0_s - WORKING_WINDOW_S) & (pick_time <= t0_s + WORKING_WINDOW_S))
    # the station of each such pick: the segment of ``station_pick_start`` it falls in
    return np.unique(np.searchsorted(station_pick_start, near, side="right") - 1).astype(np.int64)
