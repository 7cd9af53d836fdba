"""A place's record over the run as lone evidence of the role (``PairingConfig.place_record``,
:mod:`truceline.attribute.record`): which cell (a confident launch / impact within the radius at other times) favours
which role is learned from the run's confident pairs."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig, pair_events
from truceline.attribute.record import place_record, record_likelihood_ratio

from attribute_world import lon_at_km

KM = 1 / 111.2


def test_cells_by_hand() -> None:
    # 0: a launch; 1: an impact 200 m from it 1000 s later (counter-battery); 2: its partner far away; 3: an event 100 s
    # after 0 at its place (the contexts' minutes: not counted); 4: an event 2 km away.
    time_s = np.array([0.0, 1000.0, 40.0, 100.0, 5000.0])
    x_km = np.array([-5.0, -5.0, 5.0, -5.0, -5.0])
    y_km = np.array([0.0, 0.2, 0.0, 0.0, 2.0])
    lat, lon = 48.0 + y_km * KM, np.array([lon_at_km(v) for v in x_km])
    partner = np.array([2, -1, 0, -1, -1])
    launches, impacts = np.array([0]), np.array([1])
    cell = place_record(launches, impacts, partner, time_s, lat, lon, radius_m=500.0, window_s=180.0)
    # 0: the impact 1 at 200 m (1000 s later) -> 1; 1: the launch 0 -> 2; 2: 0 is its partner -> 0; 3: 0 within 180 s
    # (not counted), 1 at 200 m and 900 s -> 1; 4: nothing within 500 m -> 0.
    assert cell.tolist() == [1, 2, 0, 1, 0]


def test_likelihood_ratio_by_hand_leaves_the_event_out() -> None:
    cell = np.array([2, 2, 0, 0, 0, 1])
    launches, impacts = np.array([2, 3, 5]), np.array([0, 1, 4])
    ratio = record_likelihood_ratio(cell, launches, impacts, prior_events=1.0)
    # Event 0 (impact, cell 2): launches in cell 2: 0 of 3; impacts without itself: 1 of 2.
    assert ratio[0] == pytest.approx(((0 + 1) / (3 + 4)) / ((1 + 1) / (2 + 4)))
    # Event 2 (launch, cell 0): launches without itself 1 of 2 in cell 0; impacts 1 of 3.
    assert ratio[2] == pytest.approx(((1 + 1) / (2 + 4)) / ((1 + 1) / (3 + 4)))
    # An event in neither list is judged by all the counts.
    other = record_likelihood_ratio(np.append(cell, 2), launches, impacts, prior_events=1.0)
    assert other[6] == pytest.approx(((0 + 1) / (3 + 4)) / ((2 + 1) / (3 + 4)))


def test_off_by_default_and_wired_into_the_roles() -> None:
    """Eight gun pairs fired from x = -6 km, each landing at x = +6 km, one every 400 s at new places 3 km apart; after
    the first seven, the other side's counter-battery round (fired from x = +8 km, paired) lands where the battery stood
    210 s later. The run teaches that a place where a launch was confidently located at another time is where impacts
    land: an unpaired event at the eighth firing position, long after, is likelier an impact with the option."""
    rows = []
    for k in range(8):
        y, t = 3.0 * k, 400.0 * k
        rows += [(t, -6.0, y), (t + 40.0, 6.0, y)]
        if k < 7:
            rows += [(t + 200.0, 8.0, y + 0.1), (t + 250.0, -6.0, y + 0.1)]
    rows.append((3400.0, -6.0, 21.05))  # at the eighth firing position, 600 s after it fired
    t = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    lat, lon = 48.0 + y * KM, np.array([lon_at_km(v) for v in x])
    n = t.size

    def run(on: bool):
        return pair_events(t, lat, lon, np.full(n, 0.3), np.full(n, 100.0), np.where(x < 0, "UA", "RU"), np.ones(n),
                           line_distance_m=x * 1000.0, config=PairingConfig(place_record=on))

    off, on = run(False), run(True)
    assert PairingConfig().place_record is False
    assert np.array_equal(off.partner, on.partner)
    assert int((off.partner >= 0).sum()) == n - 1
    last = n - 1
    assert off.partner[last] == -1
    # Launches in cell 0 or 1 (a counter-battery impact at their place), impacts in cell 0 or 2; cell 2 has 0 of 15
    # launches and 7 of 15 impacts: the ratio (0 + 2) / 23 : (7 + 2) / 23 = 0.22, the impact odds x 4.5.
    odds_off = off.p_impact[last] / off.p_launch[last]
    odds_on = on.p_impact[last] / on.p_launch[last]
    assert odds_on == pytest.approx(odds_off * 4.5, rel=1e-3)
    assert "record over the run" in on.reason[last]
