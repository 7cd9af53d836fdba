"""An unpaired event made of its located neighbours' missing picks is not a round of its own (issue #4, session 7, top7).

On `violation` seed 9 (fused) E000395, an unpaired 12-pick "impact" 0.2-0.6 km from three located, paired tube impacts
landing within 2 s, accused UA at 0.888 (the benchmark's operating point): its picks were those three rounds' arrivals at
stations where each of them had no pick of its own — the fusion had made a fourth event of their leftovers.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from attribute_world import T0, events_table, lon_at_km
from test_acoustics import make_picks, make_stations, mortar_missions

from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.duplicate import DuplicateConfig, duplicate_evidence
from truceline.geo.areas import Areas

T_MISSION = T0 + 1200.0 * 14


def _mission() -> tuple[list[tuple[str, float, float, float]], dict[str, float]]:
    """Three mortar rounds of one mission: launched 1 s apart from UA (3 km west), landing in RU (3 km east) 40 s later,
    100-250 m apart; quiet launches, loud impacts."""
    rows, level = [], {}
    for k in range(3):
        rows += [(f"ML{k}", T_MISSION + k, 48.25 + 0.001 * k, lon_at_km(-3.0)),
                 (f"MI{k}", T_MISSION + 40.0 + k, 48.25 + 0.0015 * k, lon_at_km(3.0 + 0.1 * k))]
        level[f"ML{k}"], level[f"MI{k}"] = 100.0, 112.0
    return rows, level


def _world(extra: str) -> tuple[list[tuple[str, float, float, float]], pa.Table, pa.Table]:
    """The level-teaching missions, the mission above, and a fourth event at the impacts' place: ``"duplicate"`` — made
    of the three impacts' picks at every third station each (taken from them), or ``"round"`` — a real fourth round."""
    rows, level = mortar_missions(12)
    mission, mission_level = _mission()
    level |= mission_level
    fourth = ("X", T_MISSION + 39.0, 48.25, lon_at_km(2.9))
    stations = make_stations()
    if extra == "round":
        picks, assignments = make_picks(rows + mission + [fourth], level | {"X": 112.0}, stations)
        return rows + mission + [fourth], picks, assignments
    picks, assignments = make_picks(rows + mission, level, stations)
    events = np.asarray(assignments["event_id"].to_pylist())
    moved = np.zeros(events.size, dtype=bool)
    for k in range(3):
        mine = np.flatnonzero(events == f"MI{k}")
        moved[mine[k::3]] = True  # each impact loses a third of its picks, at different stations
    events[moved] = "X"
    assignments = assignments.set_column(assignments.column_names.index("event_id"), "event_id", pa.array(events.tolist()))
    return rows + mission + [fourth], picks, assignments


def test_an_unpaired_event_made_of_its_neighbours_missing_picks_carries_no_accusation(areas: Areas) -> None:
    rows, picks, assignments = _world("duplicate")
    result = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations_table())
    ids = list(result.event_ids)
    x = ids.index("X")
    assert result.partner[x] < 0 and result.kind[x] == "impact"
    for k in range(3):  # the mission's rounds are paired: time of flight confirms each
        assert result.partner[ids.index(f"MI{k}")] == ids.index(f"ML{k}")
    off = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations_table(),
                           config=AttributionConfig(duplicate=None))
    # Without the evidence it accuses UA as an impact of fire from across the line, like a round of its own.
    assert off.firing_party[x] == "UA" and off.p_firing_party[x] > 0.6
    assert result.firing_party[x] == "UA"
    assert result.p_firing_party[x] < 0.1, result.reason[x]
    assert "counted twice" in result.reason[x]
    # Nothing else changes. (Had the pairing left a real round of the mission unpaired and paired the duplicate, that
    # round would lose its claim instead: four events for three rounds carry three accusations either way.)
    others = np.arange(len(ids)) != x
    np.testing.assert_allclose(result.p_firing_party[others], off.p_firing_party[others])


def test_a_real_fourth_round_at_the_same_place_keeps_its_claim(areas: Areas) -> None:
    """A round of its own at the same place and second is heard where its neighbours are heard too (their picks are
    there): the same claim as without the evidence."""
    rows, picks, assignments = _world("round")
    on = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations_table())
    off = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations_table(),
                           config=AttributionConfig(duplicate=None))
    ids = list(on.event_ids)
    lone = [i for i in map(ids.index, ("X", "MI0", "MI1", "MI2")) if on.partner[i] < 0]
    assert len(lone) == 1 and on.p_firing_party[lone[0]] > 0.6  # four impacts, three launches: one is unpaired
    np.testing.assert_allclose(on.p_firing_party, off.p_firing_party)


def stations_table() -> pa.Table:
    return make_stations()


def test_the_bayes_factor_by_hand() -> None:
    """Two stations; one neighbour 300 m away, heard at neither: each of the event's two picks fits the neighbour's
    arrival, so each station gives (2 - 1) / 1 * q / (q_own (1 - q)) (both at the cap); with no level, no evidence."""
    lat, lon = np.array([48.0, 48.0]), np.array([37.0, 37.004])
    s_lat, s_lon = np.array([48.0, 48.1]), np.array([37.2, 37.0])
    d = [np.hypot((s_lat - lat[0]) * 111.2, (s_lon - lon[0]) * 111.32 * np.cos(np.radians(48.0))) * 1000.0]
    time_s = np.array([0.0, 0.0])
    pick_station = [np.array([0, 1], dtype=np.intp), np.array([], dtype=np.intp)]
    pick_time = [d[0] / 343.0, np.array([])]
    config = DuplicateConfig(max_detection=0.9, prior=0.1)
    args = (time_s, lat, lon, np.array([100.0, 100.0]), np.array([True, False]), pick_station, pick_time, s_lat, s_lon,
            np.array([50.0, 50.0]))
    loud = duplicate_evidence(*args, np.array([120.0, 120.0]), 0.8, 10.0, config)  # q at the cap (no calibration: few pairs)
    assert loud.explained.tolist() == [2, 0] and loud.occupied.tolist() == [0, 0]
    assert loud.log_factor[0] == pytest.approx(2.0 * np.log(1.0 / 0.1))
    assert loud.factor[0] == pytest.approx(1.0 / (0.9 + 0.1 * 100.0))
    assert loud.factor[1] == 1.0
    unknown = duplicate_evidence(*args, np.array([120.0, np.nan]), 0.8, 10.0, config)
    assert unknown.factor.tolist() == [1.0, 1.0]
    # The neighbour heard at both stations: each pick is a second arrival there — a round of its own.
    heard = duplicate_evidence(*args[:5], [np.array([0, 1], dtype=np.intp), np.array([0, 1], dtype=np.intp)],
                               [d[0] / 343.0, d[0] / 343.0], *args[7:], np.array([120.0, 120.0]), 0.8, 10.0, config)
    assert heard.occupied[0] == 2 and heard.factor[0] == 1.0


def test_a_loud_event_beside_a_quiet_neighbour_is_distinct() -> None:
    """An impact heard at two stations beside its mortar's quiet launch, heard at neither (``heavy`` fused: true 20-23-pick
    events lost their claims before the event's own detection probability was weighed): the neighbour's silence is what a
    quiet source does, and a duplicate would have the neighbour's level."""
    lat, lon = np.array([48.0, 48.0]), np.array([37.0, 37.004])
    s_lat, s_lon = np.array([48.0, 48.1]), np.array([37.2, 37.0])
    d = np.hypot((s_lat - lat[0]) * 111.2, (s_lon - lon[0]) * 111.32 * np.cos(np.radians(48.0))) * 1000.0
    found = duplicate_evidence(np.array([0.0, 0.0]), lat, lon, np.array([100.0, 100.0]), np.array([True, False]),
                               [np.array([0, 1], dtype=np.intp), np.array([], dtype=np.intp)], [d / 343.0, np.array([])],
                               s_lat, s_lon, np.array([50.0, 50.0]), np.array([120.0, 85.0]), 0.8, 10.0, DuplicateConfig())
    assert found.explained[0] == 2 and found.log_factor[0] < 0.0 and found.factor[0] == 1.0
