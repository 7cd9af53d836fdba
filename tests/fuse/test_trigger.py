"""The pick-triggered search's incremental vote and its choice of seeds (fuse/trigger.py)."""

from __future__ import annotations

import numpy as np

from truceline.fuse import trigger



def test_a_pair_becomes_a_hit_when_enough_distinct_stations_vote_for_it() -> None:
    cell_x = np.array([0.0, 10.0])
    st_x = np.array([-5.0, 5.0, 15.0, 20.0])
    n_st = len(st_x)
    cell_start = np.arange(n_st + 1, dtype=np.int64) * 2
    cell_index = np.tile(np.array([0, 1], dtype=np.int64), n_st)
    cell_tt = np.abs(np.repeat(st_x, 2) - np.tile(cell_x, n_st)) / 0.34
    vote = trigger.TriggerVote(2, ring_s=120.0, bin_s=1.0, min_stations=3, base_tolerance_s=0.5, kappa=0.0)
    t0 = 100.0
    arrivals = t0 + np.abs(st_x - cell_x[0]) / 0.34  # a source at cell 0
    vote.vote(arrivals[:2], np.array([0, 1]), cell_start, cell_index, cell_tt)
    assert vote.take_hits()[0].size == 0  # two stations: no hit
    # the station that voted last there, again, counts once (a station whose picks vote between others' may count
    # twice: that only makes a hit where the fine search then finds fewer stations)
    vote.vote(arrivals[1:2], np.array([1]), cell_start, cell_index, cell_tt)
    assert vote.take_hits()[0].size == 0
    vote.vote(arrivals[2:3], np.array([2]), cell_start, cell_index, cell_tt)
    cell, b, count = vote.take_hits()
    assert set(cell.tolist()) == {0} and np.all(count >= 3)
    assert np.all(np.abs(b - t0) <= 1)
    assert vote.take_hits()[0].size == 0  # taken: forgotten


def test_the_ring_forgets_origin_times_older_than_it_holds() -> None:
    cell_x = np.array([0.0])
    cell_start = np.array([0, 1, 2, 3], dtype=np.int64)
    cell_index = np.zeros(3, dtype=np.int64)
    cell_tt = np.zeros(3)
    vote = trigger.TriggerVote(1, ring_s=10.0, bin_s=1.0, min_stations=3, base_tolerance_s=0.1, kappa=0.0)
    vote.vote(np.array([5.0, 5.0]), np.array([0, 1]), cell_start, cell_index, cell_tt)
    vote.vote(np.array([40.0]), np.array([2]), cell_start, cell_index, cell_tt)  # the ring moved on
    vote.vote(np.array([5.0]), np.array([2]), cell_start, cell_index, cell_tt)  # too old: not counted
    assert vote.take_hits()[0].size == 0
    assert cell_x.size == 1


def test_seeds_are_the_strongest_hits_one_per_place_and_time() -> None:
    cell_x = np.array([0.0, 1.0, 10.0, 20.0])
    cell_y = np.zeros(4)
    hit_cell = np.array([0, 1, 2, 3, 0], dtype=np.int64)
    hit_bin = np.array([100, 100, 100, 100, 120], dtype=np.int64)
    hit_count = np.array([5, 6, 5, 7, 5], dtype=np.int64)
    cell, b = trigger.seeds(hit_cell, hit_bin, hit_count, cell_x, cell_y, 1.0, 10)
    # cell 0 at bin 100 lies within 3 km and 4 s of the stronger cell 1; at bin 120 it is another seed
    assert list(zip(cell.tolist(), b.tolist())) == [(3, 100), (1, 100), (2, 100), (0, 120)]
    cell, b = trigger.seeds(hit_cell, hit_bin, hit_count, cell_x, cell_y, 1.0, 2)
    assert cell.tolist() == [3, 1]
    # a candidate already waiting there takes its hits
    cell, b = trigger.seeds(hit_cell, hit_bin, hit_count, cell_x, cell_y, 1.0, 10, np.array([20.0]), np.array([0.0]),
                            np.array([101.0]))
    assert 3 not in cell.tolist()
