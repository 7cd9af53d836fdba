"""Chance locations: how many events the fusion locates out of picks that carry no common source.

A location needs three arrivals (x, y, t); in busy fire, other sources' picks line up by chance with a fourth and a fifth
often enough that the fusion locates "events" that are no source at all (chimeras). How often depends on the network,
the pick rate, its burstiness and the association's own tolerances, so it is measured here on the run's own picks, not
assumed: each station's picks are moved by that station's own offset (seeded: the stations in a random order, evenly
spaced over 200-2000 s, so that two stations' offsets differ by far more than a source's moveout between them, save
rarely; wrapped around the picks' span), which destroys the true coincidences between stations and keeps each
station's pick rate, burstiness, amplitudes and bearings. The fusion run on such a null
pick set locates only chance coincidences; their number by pick count is the expected number of chimeras at that pick
rate (a permutation test, as in the time-shifted nulls of gravitational-wave coincidence searches).

Picks of the run's well-recorded events (``keep_min_picks`` or more picks: real sources with probability ~1) can keep
their times: they are what the run's chimeras are *not* made of (the fusion takes them for their own events), and they
hold the calibration of celerity and clocks in place. Only events that the null run makes mostly from moved picks are
counted.

Measured (session 17, chance17; docs/attribution.md): on the `violation` 24 h runs this null finds about no chance
location (one 4-pick event in nine null runs over seeds 7-13, keeping the picks of events from 8 or more picks), while the
fused runs hold 27 of 40 unpaired 4-pick events that match no true event: those are thunder (a coherent source that is
not fire) and merges of several rounds of one volley, neither of which a time-shifted null can make. So
the counts are not (yet) used as the attribution's few-picks prior; they measure the fusion's chance rate, which on
denser or noisier pick sets need not be small.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from truceline.fuse.engine import FusionConfig
from truceline.fuse.events import associate


@dataclass(frozen=True, slots=True, kw_only=True)
class NullConfig:
    seeds: tuple[int, ...] = (1, 2)  # one null run per seed; the counts are averaged over them
    min_offset_s: float = 200.0  # stations' offsets are spread evenly over [min_offset_s, max_offset_s] (wrapped in the span)
    max_offset_s: float = 2000.0
    keep_min_picks: int | None = 8  # picks of the run's events from at least this many picks keep their times; None: all move


@dataclass(frozen=True, slots=True, kw_only=True)
class ChanceLocations:
    """Events located from moved picks, by how many picks located them: ``counts[n]`` is the mean over the null runs
    (``per_seed[n]`` each run's count, in the order of ``seeds``)."""

    counts: Mapping[int, float]
    per_seed: Mapping[int, tuple[int, ...]]
    seeds: tuple[int, ...]
    n_moved: int  # picks moved in each null run
    n_kept: int  # picks that kept their times
    null_events: tuple[pa.Table, ...] = field(default=())  # each null run's events, with ``n_moved`` added (for study)


def station_offsets(station_ids: Iterable[str], seed: int, min_offset_s: float, max_offset_s: float) -> dict[str, float]:
    """Each station's time offset: the stations (sorted by id, so the picks' order does not matter) are put in a random
    order and given evenly spaced offsets across [min_offset_s, max_offset_s], so that no two stations' offsets differ by
    less than the spacing (independent uniform draws give some pairs of neighbouring stations nearly equal offsets, and
    such a pair keeps its true coincidences: on a toy network of 24 stations two of three null events held such a pair)."""
    if not 0.0 <= min_offset_s <= max_offset_s:
        raise ValueError(f"offsets: need 0 <= min_offset_s <= max_offset_s, got {min_offset_s} and {max_offset_s}")
    ordered = sorted(set(station_ids))
    if not ordered:
        return {}
    rank = np.random.default_rng(seed).permutation(len(ordered))
    spacing = (max_offset_s - min_offset_s) / len(ordered)
    return {station: float(min_offset_s + (r + 0.5) * spacing) for station, r in zip(ordered, rank)}


def shift_picks(picks: pa.Table, seed: int, *, min_offset_s: float = 200.0, max_offset_s: float = 2000.0,
                keep: np.ndarray | None = None) -> pa.Table:
    """``picks`` with each station's times moved by its own offset (:func:`station_offsets`), wrapped around the span
    of all the picks' times so that every station keeps its pick count (the offsets must be shorter than the span);
    picks where ``keep`` is true keep their times.
    The rows, their order and every other column are unchanged."""
    time = np.asarray(picks["time"].to_numpy(zero_copy_only=False), dtype=float)
    if not len(time):
        return picks
    start = float(time.min())
    span = float(time.max()) - start + 1e-3
    if max_offset_s >= span:
        # offsets o and o + span would be the same shift: two stations could keep their coincidences
        raise ValueError(f"offsets: max_offset_s {max_offset_s} s must be shorter than the picks' span {span:.0f} s")
    stations = [str(s) for s in picks["station_id"].to_pylist()]
    offsets = station_offsets(stations, seed, min_offset_s, max_offset_s)
    moved = start + np.mod(time - start + np.array([offsets[s] for s in stations]), span)
    if keep is not None:
        moved = np.where(keep, time, moved)
    return picks.set_column(picks.schema.get_field_index("time"), "time", pa.array(moved, type=pa.float64()))


def kept_pick_ids(assignments: pa.Table, min_picks: int) -> set[str]:
    """Pick ids of the events that ``assignments`` gives ``min_picks`` or more picks."""
    events = [str(e) for e in assignments["event_id"].to_pylist()]
    picks = [str(p) for p in assignments["pick_id"].to_pylist()]
    size: dict[str, int] = {}
    for event in events:
        size[event] = size.get(event, 0) + 1
    return {pick for pick, event in zip(picks, events) if size[event] >= min_picks}


def count_moved_events(events: pa.Table, assignments: pa.Table, moved_ids: set[str]) -> pa.Table:
    """``events`` with ``n_moved``: how many of each event's picks were moved (the rest kept their times)."""
    moved: dict[str, int] = {}
    for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
        if str(pick) in moved_ids:
            moved[str(event)] = moved.get(str(event), 0) + 1
    return events.append_column("n_moved", pa.array([moved.get(str(e), 0) for e in events["event_id"].to_pylist()],
                                                    type=pa.int64()))


def chance_locations(stations: pa.Table, picks: pa.Table, config: FusionConfig | None = None,
                     null: NullConfig | None = None, assignments: pa.Table | None = None, *,
                     keep_events: bool = False) -> ChanceLocations:
    """Run the fusion on null pick sets (one per seed of ``null``) and count the events it locates mostly from moved
    picks (more than half of their picks), by pick count. ``assignments``: the run's own (for the picks that keep their
    times, ``null.keep_min_picks``); without it every pick moves. ``keep_events``: return each null run's events."""
    null = null or NullConfig()
    ids = [str(p) for p in picks["pick_id"].to_pylist()]
    kept: set[str] = set()
    if assignments is not None and null.keep_min_picks is not None:
        kept = kept_pick_ids(assignments, null.keep_min_picks)
    keep = np.array([p in kept for p in ids], dtype=bool)
    moved_ids = {p for p in ids if p not in kept}
    per_run: list[dict[int, int]] = []
    tables: list[pa.Table] = []
    for seed in null.seeds:
        shifted = shift_picks(picks, seed, min_offset_s=null.min_offset_s, max_offset_s=null.max_offset_s, keep=keep)
        events, located = associate(stations, shifted, config)
        events = count_moved_events(events, located, moved_ids)
        counted: dict[int, int] = {}
        for n, n_moved in zip(events["n_picks"].to_pylist(), events["n_moved"].to_pylist()):
            if 2 * int(n_moved) > int(n):
                counted[int(n)] = counted.get(int(n), 0) + 1
        per_run.append(counted)
        if keep_events:
            tables.append(events)
    sizes = sorted({n for run in per_run for n in run})
    per_seed = {n: tuple(run.get(n, 0) for run in per_run) for n in sizes}
    counts = {n: float(np.mean(c)) for n, c in per_seed.items()}
    return ChanceLocations(counts=counts, per_seed=per_seed, seeds=tuple(null.seeds), n_moved=len(moved_ids),
                           n_kept=len(kept), null_events=tuple(tables))
