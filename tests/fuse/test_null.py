"""Chance locations (``fuse.null``): station-shifted null pick sets keep each station's picks and destroy coincidences."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from tests.fuse.synthetic import make_toy
from truceline.fuse import associate
from truceline.fuse.null import NullConfig, chance_locations, kept_pick_ids, shift_picks, station_offsets


def _times(table: pa.Table) -> np.ndarray:
    return np.asarray(table["time"].to_numpy(zero_copy_only=False), dtype=float)


def test_each_station_keeps_its_picks_moved_by_its_own_offset_within_the_span() -> None:
    toy = make_toy(seed=2, n_events=8, clutter_per_station=2)
    shifted = shift_picks(toy.picks, 5, min_offset_s=200.0, max_offset_s=600.0)
    before, after = _times(toy.picks), _times(shifted)
    assert shifted.num_rows == toy.picks.num_rows
    assert shifted["station_id"].to_pylist() == toy.picks["station_id"].to_pylist()
    assert shifted["pick_id"].to_pylist() == toy.picks["pick_id"].to_pylist()
    assert after.min() >= before.min() and after.max() <= before.max() + 1e-3
    offsets = station_offsets(toy.picks["station_id"].to_pylist(), 5, 200.0, 600.0)
    span = before.max() - before.min() + 1e-3
    for station, old, new in zip(toy.picks["station_id"].to_pylist(), before, after):
        assert 200.0 <= offsets[station] <= 600.0
        assert np.isclose(np.mod(new - old - offsets[station], span), 0.0, atol=1e-6) or \
            np.isclose(np.mod(new - old - offsets[station], span), span, atol=1e-6)
    # no two stations' offsets are closer than the spacing (a pair with nearly equal offsets would keep its coincidences)
    spread = np.sort(np.array(list(offsets.values())))
    assert np.diff(spread).min() >= 400.0 / len(offsets) - 1e-9


def test_the_shift_is_fixed_by_its_seed_and_kept_picks_stay() -> None:
    toy = make_toy(seed=2, n_events=8, clutter_per_station=2)
    a = shift_picks(toy.picks, 7, max_offset_s=1500.0)
    b = shift_picks(toy.picks.slice(0), 7, max_offset_s=1500.0)
    c = shift_picks(toy.picks, 8, max_offset_s=1500.0)
    assert np.array_equal(_times(a), _times(b))
    assert not np.allclose(_times(a), _times(c))
    keep = toy.pick_event == 0
    kept = shift_picks(toy.picks, 7, max_offset_s=1500.0, keep=keep)
    assert np.array_equal(_times(kept)[keep], _times(toy.picks)[keep])
    assert np.array_equal(_times(kept)[~keep], _times(a)[~keep])
    # offsets do not depend on the order the stations come in
    ids = toy.picks["station_id"].to_pylist()
    assert station_offsets(ids, 3, 0.0, 10.0) == station_offsets(list(reversed(ids)), 3, 0.0, 10.0)
    with pytest.raises(ValueError, match="min_offset_s"):
        station_offsets(ids, 3, 10.0, 0.0)
    with pytest.raises(ValueError, match="span"):
        shift_picks(toy.picks, 7, min_offset_s=200.0, max_offset_s=5000.0)


def test_the_shift_destroys_the_true_events() -> None:
    # twelve true events, each heard by many stations, and no clutter: the fusion finds them; after each station's picks
    # move by its own offset it finds about none, and none of what it finds holds three picks of one true event (what is
    # left is a chance coincidence of other events' picks: this toy is dense, 158 picks on 24 stations in 20 minutes)
    toy = make_toy(seed=4, n_events=12, clutter_per_station=0, duration_s=1800.0)
    events, _ = associate(toy.stations, toy.picks)
    assert events.num_rows >= 10
    source = dict(zip(toy.picks["pick_id"].to_pylist(), toy.pick_event.tolist()))
    for seed in (1, 2):
        _, assignments = associate(toy.stations, shift_picks(toy.picks, seed, min_offset_s=200.0, max_offset_s=1000.0))
        by_event: dict[str, list[int]] = {}
        for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
            by_event.setdefault(str(event), []).append(source[pick])
        assert len(by_event) <= 2
        assert all(max(picks.count(e) for e in picks) <= 2 for picks in by_event.values())
    chance = chance_locations(toy.stations, toy.picks, null=NullConfig(seeds=(1, 2), min_offset_s=200.0, max_offset_s=1000.0))
    assert chance.n_moved == toy.picks.num_rows and chance.n_kept == 0
    assert chance.seeds == (1, 2)
    assert all(len(per_run) == 2 for per_run in chance.per_seed.values())
    assert sum(chance.counts.values()) <= 2.0 and all(n >= 4 for n in chance.counts)


def test_picks_of_well_recorded_events_keep_their_times_and_are_not_counted() -> None:
    toy = make_toy(seed=4, n_events=12, clutter_per_station=0, duration_s=1800.0)
    events, assignments = associate(toy.stations, toy.picks)
    kept = kept_pick_ids(assignments, 8)
    sizes = np.asarray(events["n_picks"].to_numpy(zero_copy_only=False))
    assert len(kept) == int(sizes[sizes >= 8].sum()) > 0
    chance = chance_locations(toy.stations, toy.picks, null=NullConfig(seeds=(1,), min_offset_s=200.0, max_offset_s=1000.0,
                                                                       keep_min_picks=8),
                              assignments=assignments, keep_events=True)
    assert chance.n_kept == len(kept) and chance.n_moved == toy.picks.num_rows - len(kept)
    (null_events,) = chance.null_events
    # the kept events are found again, from kept picks: none of them is counted as a chance location
    big = np.asarray(null_events["n_picks"].to_numpy(zero_copy_only=False)) >= 8
    assert big.sum() >= (sizes >= 8).sum() - 1
    moved = np.asarray(null_events["n_moved"].to_numpy(zero_copy_only=False))
    assert np.all(moved[big] * 2 <= np.asarray(null_events["n_picks"].to_numpy(zero_copy_only=False))[big])
    assert sum(chance.counts.values()) <= 2.0
