"""The few-picks prior weighed only where other sound was heard at the event's stations, and a volley mate that is the
source of the event's picks spares nothing (issue #4, session 27, merge27: ``FewPicksConfig.company``)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from attribute_world import events_table
from test_acoustics import make_stations
from test_reality import _world

from truceline.attribute.attribution import AttributionConfig, FewPicksConfig, attribute_events
from truceline.attribute.company import (CompanyConfig, EventPicks, company_evidence, event_picks, mates_explaining,
                                         stations_in_company)
from truceline.attribute.physics import distance_m
from truceline.geo.areas import Areas


def _ints(*values: int) -> np.ndarray:
    return np.asarray(values, dtype=np.intp)


def _floats(*values: float) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


def test_company_is_another_pick_at_the_same_station_within_the_window() -> None:
    # The event's picks at stations 0, 1, 2 (at 100, 110, 120 s); the run's other picks: station 0 at 125 s (5 s after its
    # pick there), station 1 at 150 s (40 s after), station 3 at 110 s (a station the event has no pick at).
    every_s, every_t = _ints(0, 1, 2, 0, 1, 3), _floats(100.0, 110.0, 120.0, 125.0, 150.0, 110.0)
    event_s, event_t = [_ints(0, 1, 2)], [_floats(100.0, 110.0, 120.0)]
    assert stations_in_company(event_s, event_t, every_s, every_t, 30.0).tolist() == [1]
    assert stations_in_company(event_s, event_t, every_s, every_t, 45.0).tolist() == [2]
    assert stations_in_company(event_s, event_t, every_s, every_t, 1.0).tolist() == [0]
    # Its own picks alone are no company; a second pick at the very same time at a station is.
    assert stations_in_company(event_s, event_t, _ints(0, 1, 2), _floats(100.0, 110.0, 120.0), 30.0).tolist() == [0]
    assert stations_in_company(event_s, event_t, _ints(0, 1, 2, 2), _floats(100.0, 110.0, 120.0, 120.0), 30.0).tolist() == [1]


def _mate_world() -> tuple[EventPicks, np.ndarray, np.ndarray, np.ndarray]:
    """Event 0 (five picks, at stations 0-4) and its mate 1 at the same place 2 s later with picks at stations 3, 4, 5:
    event 0's picks at stations 0 and 1 are the mate's arrivals there (fit its predicted time, the mate has no pick
    there), at 2 its own arrival 2 s before the mate's, at 3 and 4 fit the mate but the mate has its own picks there."""
    station_lat = _floats(48.0, 48.1, 48.2, 47.9, 47.8, 48.3)
    station_lon = _floats(37.2, 37.0, 36.9, 37.1, 36.8, 37.3)
    lat, lon, time_s = _floats(48.0, 48.0), _floats(37.0, 37.0), _floats(1000.0, 1002.0)
    travel = distance_m(np.full(6, 48.0), np.full(6, 37.0), station_lat, station_lon) / 343.0
    event_t = _floats(1002.0 + travel[0], 1002.0 + travel[1], 1000.0 + travel[2], 1002.0 + travel[3], 1002.0 + travel[4])
    mate_t = _floats(1002.0 + travel[3], 1002.0 + travel[4], 1002.0 + travel[5])
    picked = EventPicks(station=(_ints(0, 1, 2, 3, 4), _ints(3, 4, 5)), time=(event_t, mate_t),
                        all_station=_ints(0, 1, 2, 3, 4, 3, 4, 5), all_time=np.concatenate([event_t, mate_t]),
                        station_lat=station_lat, station_lon=station_lon)
    return picked, time_s, lat, lon


def test_a_mate_explains_the_picks_that_are_its_missing_arrivals() -> None:
    picked, time_s, lat, lon = _mate_world()
    config = CompanyConfig()
    assert mates_explaining(0, [0, 1], time_s, lat, lon, picked.station, picked.time, picked.station_lat, picked.station_lon,
                            config) == 2  # stations 0 and 1; not 2 (2 s off), not 3 and 4 (the mate's own picks)
    assert mates_explaining(0, [0], time_s, lat, lon, picked.station, picked.time, picked.station_lat, picked.station_lon,
                            config) == 0  # no mate but itself
    # A tolerance of 3 s takes station 2's pick, 2 s off, for the mate's too.
    wide = CompanyConfig(pick_sigma_s=1.0)
    assert mates_explaining(0, [1], time_s, lat, lon, picked.station, picked.time, picked.station_lat, picked.station_lon,
                            wide) == 3


def test_which_events_the_prior_spares() -> None:
    picked, time_s, lat, lon = _mate_world()
    groups, mated = np.array([0, 0]), np.array([True, True])
    out = company_evidence(picked, time_s, lat, lon, groups, mated, CompanyConfig())
    # Event 0 has company at stations 3 and 4 (the mate's picks 0 s from its own); its mate explains 2 of its 5 picks,
    # 3 remain, under the 4 a location needs: not spared. The mate (company at 3 and 4 too) is explained by nothing.
    assert out.company.tolist() == [2, 2] and out.explained.tolist() == [2, 0]
    assert out.spared.tolist() == [False, True]
    assert company_evidence(picked, time_s, lat, lon, groups, mated, CompanyConfig(min_own_picks=3)).spared.tolist() == [True, True]
    assert company_evidence(picked, time_s, lat, lon, groups, mated, CompanyConfig(min_own_picks=None)).spared.tolist() == [True, True]
    # Without mates: spared only where fewer than ``min_stations`` stations had company.
    alone = company_evidence(picked, time_s, lat, lon, np.array([-1, -1]), np.array([False, False]), CompanyConfig())
    assert alone.spared.tolist() == [False, False]
    assert company_evidence(picked, time_s, lat, lon, np.array([-1, -1]), np.array([False, False]),
                            CompanyConfig(min_stations=3)).spared.tolist() == [True, True]


def test_event_picks_indexes_the_tables() -> None:
    stations = pa.table({"station_id": ["A", "B"], "lat": [48.0, 48.1], "lon": [37.0, 37.1]})
    picks = pa.table({"pick_id": ["1", "2", "3", "4"], "station_id": ["A", "B", "B", "Z"], "time": [10.0, 11.0, 30.0, 12.0]})
    assignments = pa.table({"pick_id": ["1", "2", "4"], "event_id": ["E1", "E1", "E1"]})
    out = event_picks(["E1", "E2"], picks, stations, assignments)
    assert out.station[0].tolist() == [0, 1] and out.time[0].tolist() == [10.0, 11.0]  # pick 4's station is unknown
    assert out.station[1].size == 0
    assert sorted(zip(out.all_station.tolist(), out.all_time.tolist())) == [(0, 10.0), (1, 11.0), (1, 30.0)]


def _with_company(picks: pa.Table, assignments: pa.Table, event: str, delay_s: float) -> pa.Table:
    """The run's picks with one more, unassigned, at each of ``event``'s stations ``delay_s`` after its own pick there
    (another round of a salvo heard there)."""
    mine = {str(p) for p, e in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()) if e == event}
    rows = [(f"extra-{p}", s, t + delay_s, a, n) for p, s, t, a, n in zip(*(picks[c].to_pylist() for c in
            ("pick_id", "station_id", "time", "amplitude", "snr"))) if str(p) in mine]
    extra = pa.table({"pick_id": [r[0] for r in rows], "station_id": [r[1] for r in rows], "time": [r[2] for r in rows],
                      "amplitude": [r[3] for r in rows], "snr": [r[4] for r in rows]})
    return pa.concat_tables([picks, extra.cast(picks.schema)])


def test_the_prior_weighs_a_four_pick_event_only_where_its_stations_heard_other_sound(areas: Areas) -> None:
    rows, picks, assignments = _world(4)  # X: a lone detonation that keeps 4 of its picks; nothing else heard near it
    stations = make_stations()
    with_company = AttributionConfig(few_picks=FewPicksConfig(company=CompanyConfig()))
    plain = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations)
    prior = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations,
                             config=AttributionConfig(few_picks=FewPicksConfig()))
    lone = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations, config=with_company)
    x = list(lone.event_ids).index("X")
    assert lone.partner[x] < 0 and prior.p_firing_party[x] == pytest.approx(0.6 * plain.p_firing_party[x])
    assert lone.p_firing_party[x] == pytest.approx(plain.p_firing_party[x]) and "located from" not in lone.reason[x]
    # The same event where each of its stations picked another sound 6 s later: the prior applies, as without the test.
    busy = _with_company(picks, assignments, "X", 6.0)
    crowded = attribute_events(events_table(rows), areas, assignments=assignments, picks=busy, stations=stations, config=with_company)
    assert crowded.p_firing_party[x] == pytest.approx(prior.p_firing_party[x])
    assert "located from 4 picks" in crowded.reason[x] and "4 of its stations heard other sound within 30 s" in crowded.reason[x]
    # ... and 40 s later: outside the window, no company.
    late = _with_company(picks, assignments, "X", 40.0)
    quiet = attribute_events(events_table(rows), areas, assignments=assignments, picks=late, stations=stations, config=with_company)
    assert quiet.p_firing_party[x] == pytest.approx(plain.p_firing_party[x])
    assert FewPicksConfig().company is None
