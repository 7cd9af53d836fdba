"""``FusionConfig.min_sites``: the elements of a tight array count as one site (docs/fusion.md, "Session 19
(robust19)")."""

from __future__ import annotations

import numpy as np

from truceline.fuse.engine import FusionConfig, fuse, station_sites
from truceline.fuse.events import to_tables
from truceline.fuse.replay import replay
from truceline.fuse.stream import StreamingAssociator
from tests.fuse.synthetic import make_toy


def test_stations_within_the_site_radius_are_chained_into_one_site() -> None:
    x = np.array([0.0, 0.3, 0.6, 10.0, 10.2, 30.0])
    y = np.zeros(6)
    site = station_sites(x, y, 0.5)
    assert site[0] == site[1] == site[2]  # 0.3 km steps chain across 0.6 km
    assert site[3] == site[4] and site[3] != site[0]
    assert len(set(site.tolist())) == 3
    assert len(station_sites(np.zeros(0), np.zeros(0), 1.0)) == 0


def test_events_of_too_few_sites_are_dropped_and_their_picks_left_free() -> None:
    """A toy network of spread stations: ``min_sites`` 3 keeps every event (each heard at many sites); with a site
    radius that makes the whole network one site, ``min_sites`` 2 drops every event and assigns no pick; off, the
    tables are the pass's."""
    toy = make_toy(seed=3, events=[(48.0, 37.5, 300.0), (47.95, 37.3, 900.0), (48.05, 37.8, 1200.0)],
                   clutter_per_station=0, array_every=100)
    prep, result, atmosphere = fuse(toy.stations, toy.picks)
    off = to_tables(prep, result, atmosphere, config=FusionConfig(min_sites=None), batch=True)
    kept = to_tables(prep, result, atmosphere, config=FusionConfig(min_sites=3), batch=True)
    assert off.events.num_rows >= 3
    assert kept.events.equals(off.events) and kept.assignments.equals(off.assignments)
    assert FusionConfig().min_sites == 3  # on by default (docs/fusion.md, "Session 20 (sites20)")
    none = to_tables(prep, result, atmosphere, config=FusionConfig(min_sites=2, site_km=1000.0), batch=True)
    assert none.events.num_rows == 0 and none.assignments.num_rows == 0


def test_the_stream_emits_no_event_of_too_few_sites_and_leaves_its_picks_free() -> None:
    """The streaming associator applies ``min_sites`` at emission (``events.with_enough_sites``, shared with the
    batch): with sites enough it emits what it emits off; with the whole network one site it emits nothing, and its
    latencies, origins and searches stay one per emitted event (the picks of the events it held back are not assigned)."""
    toy = make_toy(seed=21, n_events=8, clutter_per_station=1, duration_s=900.0)
    off, _ = replay(toy.stations, toy.picks, FusionConfig(min_sites=None), step_s=1.0)
    assert off.events.num_rows >= 6
    kept, _ = replay(toy.stations, toy.picks, FusionConfig(min_sites=3), step_s=1.0)
    assert kept.events.equals(off.events) and kept.assignments.equals(off.assignments)
    assert np.array_equal(kept.latency_s, off.latency_s)
    stream = StreamingAssociator(toy.stations, FusionConfig(min_sites=2, site_km=1000.0))
    pushed = stream.push(toy.picks)
    rest = stream.flush()
    for emission in (pushed, rest):
        n = emission.events.num_rows
        assert n == 0 and emission.assignments.num_rows == 0
        assert len(emission.emitted_at_s) == len(emission.last_pick_s) == len(emission.opened_by) == n
    assert stream._emitted == 0  # none numbered as emitted: the next event emitted would be event 1
