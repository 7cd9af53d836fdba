"""Silent stations (fuse/silence.py): a source loud enough for its picks should have been heard by its
other working stations; on hand-made four-station sources added to a toy scenario."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from tests.fuse.synthetic import GEOD, Toy, make_toy
from truceline.fuse import FusionConfig, associate
from truceline.fuse.engine import EventTests, fuse
from truceline.fuse.silence import ReachSilence, at_most

LAT, LON, T0 = 48.0, 37.55, 1650.0


def _with_source(toy: Toy, amplitudes: list[float]) -> pa.Table:
    """The toy's picks, four picks of a source at (LAT, LON, T0) at the four stations nearest to it (12-14 km)
    with the given amplitudes, and a clutter pick at every station at 2,000 s (the recording goes on)."""
    st_lat = np.asarray(toy.stations["lat"].to_numpy())
    st_lon = np.asarray(toy.stations["lon"].to_numpy())
    _, _, dist = GEOD.inv(np.full(len(st_lat), LON), np.full(len(st_lat), LAT), st_lon, st_lat)
    nearest = np.argsort(dist)[:4]
    ids = toy.stations["station_id"].to_pylist()
    n = len(ids)
    extra = pa.table({
        "pick_id": [f"X{i}" for i in range(4)] + [f"L{i}" for i in range(n)],
        "station_id": [ids[s] for s in nearest] + ids,
        "time": [T0 + dist[s] / 338.0 for s in nearest] + [2000.0 + 0.37 * i for i in range(n)],
        "backazimuth_deg": pa.array([None] * (4 + n), type=pa.float64()),
        "backazimuth_sigma_deg": pa.array([None] * (4 + n), type=pa.float64()),
        "amplitude": amplitudes + [0.008] * n,
        "snr": [a / 0.002 for a in amplitudes] + [4.0] * n,
    })
    return pa.concat_tables([toy.picks, extra.cast(toy.picks.schema)])


def _found(events: pa.Table) -> bool:
    _, _, d = GEOD.inv(np.full(events.num_rows, LON), np.full(events.num_rows, LAT),
                       np.asarray(events["lon"].to_numpy()), np.asarray(events["lat"].to_numpy()))
    t = np.asarray(events["time"].to_numpy())
    return bool(np.any((d < 2000.0) & (np.abs(t - T0) < 10.0)))


def _toy() -> Toy:
    return make_toy(seed=43, n_events=60, clutter_per_station=2, duration_s=1600.0, loudness=True, wind_m_s=(0.0, 0.0))


def test_a_loud_source_whose_other_working_stations_heard_nothing_is_dropped() -> None:
    # amplitudes that agree on one level, a loud one: at that level the stations at 15-25 km (working, idle)
    # would have heard it at a signal-to-noise ratio of tens, and none did
    loud = _with_source(_toy(), [0.2, 0.25, 0.18, 0.22])
    config = FusionConfig(sound_speed_m_per_s=338.0)
    events, _ = associate(_toy().stations, loud, config)
    assert not _found(events)
    events, _ = associate(_toy().stations, loud, FusionConfig(sound_speed_m_per_s=338.0, silent_stations=False))
    assert _found(events)


def test_a_quiet_source_heard_by_its_four_nearest_stations_is_kept() -> None:
    # just above the picker's threshold at 12-14 km: the stations beyond would not have heard it
    quiet = _with_source(_toy(), [0.0075, 0.008, 0.007, 0.0072])
    events, _ = associate(_toy().stations, quiet, FusionConfig(sound_speed_m_per_s=338.0))
    assert _found(events)


def test_poisson_binomial_tail() -> None:
    assert at_most(np.array([0.5, 0.5]), 0) == 0.25
    assert abs(at_most(np.array([0.5, 0.5, 0.9]), 1) - (0.25 * 0.1 + 2 * 0.25 * 0.1 + 0.25 * 0.9)) < 1e-12
    assert at_most(np.array([0.9] * 3), 3) == 1.0
    assert at_most(np.zeros(0), 0) == 1.0


# --- without amplitudes (silence.ReachSilence; FusionConfig.reach_silence) ---------------------------------------


def _bare(table: pa.Table) -> pa.Table:
    """The contract's required columns only: what other simulators' picks may be."""
    return table.select(["pick_id", "station_id", "time"])


def _bare_stations(toy: Toy) -> pa.Table:
    return toy.stations.select(["station_id", "lat", "lon"])


def _with_bare_source(toy: Toy, ranks: list[int]) -> pa.Table:
    """The toy's picks without amplitudes, picks of a source at (LAT, LON, T0) at the stations of those ranks of
    distance from it, and a clutter pick at every station at 2,000 s (the recording goes on)."""
    st_lat = np.asarray(toy.stations["lat"].to_numpy())
    st_lon = np.asarray(toy.stations["lon"].to_numpy())
    _, _, dist = GEOD.inv(np.full(len(st_lat), LON), np.full(len(st_lat), LAT), st_lon, st_lat)
    chosen = np.argsort(dist)[ranks]
    ids = toy.stations["station_id"].to_pylist()
    n = len(ids)
    extra = pa.table({
        "pick_id": [f"X{i}" for i in range(len(chosen))] + [f"L{i}" for i in range(n)],
        "station_id": [ids[s] for s in chosen] + ids,
        "time": [T0 + dist[s] / 338.0 for s in chosen] + [2000.0 + 0.37 * i for i in range(n)],
    })
    base = _bare(toy.picks)
    return pa.concat_tables([base, extra.cast(base.schema)])


def test_without_amplitudes_a_coincidence_whose_nearer_idle_stations_heard_nothing_is_dropped() -> None:
    # its three nearest stations (12-14 km) and one 33 km away: a source heard 33 km away would have been heard
    # by most of the eleven working, idle stations nearer than that; none did. Three of its four nearest heard it,
    # so the nearest-stations test alone lets it through.
    toy = _toy()
    picks = _with_bare_source(toy, [0, 1, 2, 14])
    _, _, dist = GEOD.inv(np.full(24, LON), np.full(24, LAT), np.asarray(toy.stations["lon"].to_numpy()),
                          np.asarray(toy.stations["lat"].to_numpy()))
    assert 30_000 < np.sort(dist)[14] < 36_000
    config = FusionConfig(sound_speed_m_per_s=338.0)
    events, _ = associate(_bare_stations(toy), picks, config)
    assert not _found(events)
    events, _ = associate(_bare_stations(toy), picks, FusionConfig(sound_speed_m_per_s=338.0, reach_silence=False))
    assert _found(events)


def test_without_amplitudes_a_quiet_source_heard_by_its_four_nearest_stations_is_kept() -> None:
    toy = _toy()
    events, _ = associate(_bare_stations(toy), _with_bare_source(toy, [0, 1, 2, 3]), FusionConfig(sound_speed_m_per_s=338.0))
    assert _found(events)


def test_with_amplitudes_the_test_without_them_does_nothing() -> None:
    loud = _with_source(_toy(), [0.2, 0.25, 0.18, 0.22])
    on, _ = associate(_toy().stations, loud, FusionConfig(sound_speed_m_per_s=338.0))
    off, _ = associate(_toy().stations, loud, FusionConfig(sound_speed_m_per_s=338.0, reach_silence=False))
    assert on.equals(off)


def test_reach_margins_are_the_log_of_the_farthest_heard_distance_over_each_distance() -> None:
    reach = ReachSilence(pick_time=np.array([0.0, 1.0]), pick_station=np.array([0, 1]),
                         station_pick_start=np.array([0, 1, 2, 2]), st_x=np.array([1.0, 4.0, 2.0]),
                         st_y=np.zeros(3), reach_km=38.0)
    m = reach.margins(np.array([0, 1, 2]), np.array([True, True, False]), 0.0, 0.0)
    assert np.allclose(m, np.log(4.0 / np.array([1.0, 4.0, 2.0])))
    assert np.all(reach.margins(np.array([2]), np.array([False]), 0.0, 0.0) == -np.inf)


def test_the_test_without_amplitudes_runs_with_them_only_when_asked() -> None:
    toy = _toy()
    loud = _with_source(toy, [0.2, 0.25, 0.18, 0.22])

    def reach_of(config: FusionConfig) -> object:
        prep, result, atmosphere = fuse(toy.stations, loud, config)
        picks = [row[row >= 0] for row in result.picks]
        tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s,
                           atmosphere[result.block, result.tile], amplitude=True, nearest=True, reach=True)
        return tests.reach

    assert reach_of(FusionConfig(sound_speed_m_per_s=338.0)) is None
    assert reach_of(FusionConfig(sound_speed_m_per_s=338.0, reach_silence_with_levels=True)) is not None
