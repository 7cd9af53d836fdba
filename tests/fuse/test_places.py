"""Poorly located events moved to a firing place their ellipse holds (``fuse/places.py``, ``FusionConfig.event_places``)."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.places import find_places, to_places

C = 0.335  # km/s
ATMOSPHERE = (C, 0.002, -0.001)


def _stations() -> tuple[np.ndarray, np.ndarray]:
    angles = np.radians(np.arange(0, 360, 30))
    radius = np.array([8.0, 14.0, 21.0] * 4)
    return 3.0 + radius * np.cos(angles), -2.0 + radius * np.sin(angles)


def _scene(phantom_cov: float, phantom_at: tuple[float, float] = (3.0, 4.0), own_source: bool = False):
    """A battery at (0, 0) firing 8 rounds 1.5 s apart from t = 100 s; each round an event located within 0.1 km of
    it (tight ellipses); and a ninth event of 8 picks: the battery's round at t = 104.2 s, located at ``phantom_at``
    (a mixture's chance fit) with a round covariance ``phantom_cov`` km^2; with ``own_source`` its picks are those of
    a source at ``phantom_at`` at t = 109 s instead."""
    st_x, st_y = _stations()
    rng = np.random.default_rng(5)
    xs, ys, ts, covs, picks = [], [], [], [], []
    pick_time: list[float] = []
    pick_station: list[int] = []
    for k in range(8):
        xs.append(rng.normal(0, 0.05))
        ys.append(rng.normal(0, 0.05))
        ts.append(100.0 + 1.5 * k)
        covs.append(np.eye(2) * 0.01)
        picks.append(np.zeros(0, dtype=int))
    stations = np.arange(0, 12, 1)[:8]
    source, at = (phantom_at, 109.0) if own_source else ((0.0, 0.0), 104.2)
    tt = travel_times(st_x[stations], st_y[stations], source[0], source[1], *ATMOSPHERE)
    rows = []
    for s, t in zip(stations, at + tt):
        rows.append(len(pick_time))
        pick_time.append(float(t + rng.normal(0, 0.05)))
        pick_station.append(int(s))
    xs.append(phantom_at[0])
    ys.append(phantom_at[1])
    ts.append(109.0)
    covs.append(np.eye(2) * phantom_cov)
    picks.append(np.array(rows))
    return (np.array(xs), np.array(ys), np.array(ts), np.array(covs), picks, np.tile(ATMOSPHERE, (9, 1)),
            np.array(pick_time), np.array(pick_station), st_x, st_y)


def test_the_battery_is_a_place_and_its_rounds_are_not_moved() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(6.0)
    places = find_places(x, y, t0, place_km=0.5, place_s=30.0, min_events=4)
    assert places.at_place[:8].all() and not places.at_place[8]
    assert abs(places.px_km[0]) < 0.1 and abs(places.py_km[0]) < 0.1
    nx, ny, nt, moved = to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy)
    assert not moved[:8].any()
    assert np.array_equal(nx[:8], x[:8]) and np.array_equal(nt[:8], t0[:8])


def test_a_wide_ellipse_that_holds_the_battery_is_moved_there_with_its_origin_time_refitted() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(6.0)  # sigma 2.45 km: 5 km off is inside the 95 % ellipse
    nx, ny, nt, moved = to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy)
    assert moved[8] and moved.sum() == 1
    assert np.hypot(nx[8], ny[8]) < 0.1
    assert abs(nt[8] - 104.2) < 0.1  # was 109.0


def test_a_tight_ellipse_or_an_event_beside_the_place_stays() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(0.25)  # sigma 0.5 km: the battery 5 km off is outside
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy)[3].any()
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(6.0, phantom_at=(1.2, 1.0))  # 1.6 km: perhaps its own source
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, min_move_km=2.0)[3].any()
    assert to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, min_move_km=1.0)[3][8]


def test_a_source_of_its_own_whose_picks_are_not_the_places_rounds_stays() -> None:
    """The same wide ellipse holding the battery, but the picks are a source's at the event's own position: were
    they from the battery, their origin times would scatter by seconds outside its firing window."""
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(6.0, phantom_at=(3.0, 4.0), own_source=True)
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy)[3].any()
    assert to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, min_share=0.0)[3][8]  # the share is what keeps it


def test_no_place_without_enough_events_nearby_or_in_time() -> None:
    x, y, t0, cov, picks, atm, pt, ps, sx, sy = _scene(6.0)
    assert not to_places(x, y, t0, cov, picks, atm, pt, ps, sx, sy, min_events=8)[3].any()
    late = t0.copy()
    late[8] += 60.0  # a minute after the battery's last round
    assert not to_places(x, y, late, cov, picks, atm, pt, ps, sx, sy)[3].any()


def test_the_configuration_passes_the_rule_its_defaults() -> None:
    config = FusionConfig()
    assert config.event_places is True
    assert (config.place_km, config.place_s, config.place_min_events, config.place_min_move_km, config.place_min_share,
            config.place_slack_s, config.first_pass_kappa) == (0.5, 30.0, 4, 2.0, 0.75, 1.0, 0.025)
