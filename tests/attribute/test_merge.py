"""An unpaired few-pick event may be the fusion's merge of two rounds of a volley (issue #4, session 17, merge17:
`AttributionConfig.merge`, off by default): its stations hold second arrivals at one common delay, after the event's own
pick at some stations and before it at others; one round of a volley has its mates on the same side at every station."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from attribute_world import events_table
from test_acoustics import make_stations
from test_reality import _world

from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.merge import MergeConfig, merge_evidence, station_pick_rates
from truceline.geo.areas import Areas

QUIET = np.full(6, 1.0 / 3600.0)  # one pick an hour at each station: chance second arrivals are rare


def _evidence(own: list[float], others: list[list[float]], config: MergeConfig | None = None,
              rate: np.ndarray = QUIET) -> tuple[float, float]:
    """One event, its picks at stations 0.. at ``own``; each station's other picks at ``others``."""
    stations = np.arange(len(own), dtype=np.intp)
    station_times = [np.sort(np.asarray([t] + extra, dtype=np.float64)) for t, extra in zip(own, others)]
    result = merge_evidence(np.array([True]), [stations], [np.asarray(own, dtype=np.float64)], station_times, rate[:len(own)],
                            config)
    return float(result.factor[0]), float(result.log_factor[0])


def test_second_arrivals_on_both_sides_at_one_delay_say_merge() -> None:
    own = [100.0, 101.5, 99.2, 110.0, 108.3]  # rounds a (stations 0-2) and b (3-4), 8 s apart, one pick a station
    factor, lbf = _evidence(own, [[108.1], [109.4], [107.3], [102.1], [100.2]])
    assert lbf > 2.0 and factor < 0.6


def test_mates_on_one_side_at_every_station_say_one_round_of_a_volley() -> None:
    own = [100.0, 101.5, 99.2, 102.0, 100.3]  # one round; its mate 8 s later heard at every station
    factor, lbf = _evidence(own, [[t + 8.0] for t in own])
    assert lbf < 0.0 and factor == 1.0
    middle = _evidence(own, [[t - 8.0, t + 8.0] for t in own])  # the middle round of three at a regular cadence
    assert middle[0] == 1.0


def test_no_second_arrivals_or_too_few_are_no_evidence() -> None:
    own = [100.0, 101.5, 99.2, 110.0, 108.3]
    assert _evidence(own, [[], [], [], [], []]) == (1.0, 0.0)
    assert _evidence(own, [[108.1], [], [], [102.1], []])[0] == 1.0  # two stations: fewer than min_stations
    far = _evidence(own, [[140.0], [150.0], [60.0], [160.0], [40.0]])  # beyond the span
    assert far == (1.0, 0.0)


def test_a_busy_station_set_weakens_the_evidence() -> None:
    own = [100.0, 101.5, 99.2, 110.0, 108.3]
    others = [[108.1], [109.4], [107.3], [102.1], [100.2]]
    quiet = _evidence(own, others)[1]
    busy = _evidence(own, others, rate=np.full(6, 1.0 / 10.0))[1]  # a pick every 10 s: chance matches are common
    assert busy < quiet


def test_station_pick_rates() -> None:
    rates = station_pick_rates(np.array([0, 0, 1, -1], dtype=np.intp), np.array([0.0, 50.0, 100.0, 20.0]), 3)
    np.testing.assert_allclose(rates, [0.02, 0.01, 0.0])


def test_off_by_default() -> None:
    assert AttributionConfig().merge is None


def test_wired_an_unpaired_event_with_split_second_arrivals_loses_claim(areas: Areas) -> None:
    rows, picks, assignments = _world(5)  # X: a lone detonation that keeps 5 of its picks; the missions' rounds are paired
    stations = make_stations()
    mine = [str(p) for p, e in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()) if e == "X"]
    at = {str(p): (str(s), float(t)) for p, s, t in zip(picks["pick_id"].to_pylist(), picks["station_id"].to_pylist(),
                                                       picks["time"].to_pylist())}
    # a second round 6 s from X's at each of its stations: after X's pick at three, before it at two (a merge's pattern)
    extra = [(f"M{k}", at[p][0], at[p][1] + (6.0 if k < 3 else -6.0)) for k, p in enumerate(mine)]
    columns = {name: picks[name].to_pylist() for name in picks.column_names}
    for pick_id, station, time in extra:
        for name in picks.column_names:
            columns[name].append({"pick_id": pick_id, "station_id": station, "time": time}.get(name, columns[name][-1]))
    more = pa.table(columns, schema=picks.schema)
    # The few-picks prior (on since session 27) is left out: the second arrivals are company for it, and this is the merge
    # evidence's test.
    off = attribute_events(events_table(rows), areas, assignments=assignments, picks=more, stations=stations,
                           config=AttributionConfig(few_picks=None))
    on = attribute_events(events_table(rows), areas, assignments=assignments, picks=more, stations=stations,
                          config=AttributionConfig(merge=MergeConfig(), few_picks=None))
    x = list(on.event_ids).index("X")
    assert on.partner[x] < 0 and on.firing_party[x] == off.firing_party[x]
    assert on.p_firing_party[x] < 0.8 * off.p_firing_party[x], on.reason[x]
    assert "two rounds of a volley located as one event" in on.reason[x]
    others = np.arange(len(on.event_ids)) != x
    np.testing.assert_allclose(on.p_firing_party[others], off.p_firing_party[others])
    same = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations,
                            config=AttributionConfig(merge=MergeConfig(), few_picks=None))
    np.testing.assert_allclose(same.p_firing_party, off.p_firing_party)  # no second arrivals: nothing moves
    assert pytest.approx(on.p_firing_party[x] / off.p_firing_party[x]) == on.p_firing_party[x] / off.p_firing_party[x]
