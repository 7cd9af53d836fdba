"""Chance coincidences at busy stations (fuse/coincidence.py): a burst of clutter at a cluster of stations a few km
apart (a convoy, a generator, wind) makes small "events" inside the cluster out of unrelated picks; the batch drops
them, and keeps a real source heard by the same cluster when its stations are quiet, and the toy's real events."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from tests.fuse.synthetic import GEOD, Toy, make_toy
from truceline.fuse import FusionConfig, associate
from truceline.fuse.coincidence import aperture_km, by_chance, expected_chance, station_rates
from truceline.sim.scoring import match_events

CLUSTER_LAT, CLUSTER_LON = 48.19, 37.45  # 9 km north of the toy's northern row
BURST_START_S, BURST_S, BURST_RATE = 400.0, 400.0, 0.3  # picks a second at each of the cluster's stations
QUIET_T0 = 1300.0  # a real source inside the cluster, after the burst


def _cluster() -> tuple[np.ndarray, np.ndarray]:
    """Five stations within ~1.5 km of the cluster's centre."""
    east = np.array([0.0, 1.2, -1.0, 0.4, -0.6])
    north = np.array([0.0, 0.5, 0.7, -1.1, -0.8])
    lat = CLUSTER_LAT + north / 111.2
    lon = CLUSTER_LON + east / (111.2 * np.cos(np.radians(CLUSTER_LAT)))
    return lat, lon


def _scenario(*, burst: bool = True, quiet_source: bool = False) -> tuple[Toy, pa.Table, pa.Table]:
    """The toy (10 real events heard along its two rows, amplitudes and SNRs) with the cluster's five stations added;
    the cluster has one clutter pick every ~10 minutes and, with ``burst``, ``BURST_RATE`` picks a second for
    ``BURST_S`` seconds; with ``quiet_source``, a weak source at the cluster's centre heard by its five stations only."""
    toy = make_toy(seed=7, n_events=10, clutter_per_station=2, duration_s=1600.0, loudness=True, wind_m_s=(0.0, 0.0))
    lat, lon = _cluster()
    ids = [f"C{i}" for i in range(len(lat))]
    stations = pa.concat_tables([toy.stations, pa.table({"station_id": ids, "lat": lat, "lon": lon,
                                                         "kind": ["mic"] * len(ids)}).cast(toy.stations.schema)])
    rng = np.random.default_rng(5)
    times: list[float] = []
    at: list[str] = []
    for i in range(len(ids)):
        quiet = list(rng.uniform(0.0, 1600.0, 3))
        busy = list(BURST_START_S + rng.uniform(0.0, BURST_S, rng.poisson(BURST_RATE * BURST_S))) if burst else []
        times += quiet + busy
        at += [ids[i]] * (len(quiet) + len(busy))
    if quiet_source:
        _, _, d = GEOD.inv(np.full(len(lat), CLUSTER_LON), np.full(len(lat), CLUSTER_LAT), lon, lat)
        times += list(QUIET_T0 + d / 338.0 + rng.normal(0.0, 0.05, len(lat)))
        at += ids
    amplitude = 0.002 * rng.uniform(3.0, 6.0, len(times))
    extra = pa.table({
        "pick_id": [f"B{i}" for i in range(len(times))], "station_id": at, "time": times,
        "backazimuth_deg": pa.array([None] * len(times), type=pa.float64()),
        "backazimuth_sigma_deg": pa.array([None] * len(times), type=pa.float64()),
        "amplitude": amplitude, "snr": amplitude / 0.002,
    })
    return toy, stations, pa.concat_tables([toy.picks, extra.cast(toy.picks.schema)])


def _near_cluster(events: pa.Table, t_from: float, t_to: float) -> int:
    lat = np.asarray(events["lat"].to_numpy())
    lon = np.asarray(events["lon"].to_numpy())
    t = np.asarray(events["time"].to_numpy())
    _, _, d = GEOD.inv(np.full(len(lat), CLUSTER_LON), np.full(len(lat), CLUSTER_LAT), lon, lat)
    return int(np.count_nonzero((d < 6000.0) & (t >= t_from) & (t <= t_to)))


def _matched(toy: Toy, events: pa.Table) -> int:
    lat, lon, t = (np.asarray(events[c].to_numpy(), dtype=float) for c in ("lat", "lon", "time"))
    return len(match_events(toy.truth_time, toy.truth_lat, toy.truth_lon, t, lat, lon, max_distance_km=2.0,
                            max_dt_s=5.0).truth_index)


def test_a_clutter_burst_at_a_station_cluster_makes_no_events_and_the_real_ones_stay() -> None:
    toy, stations, picks = _scenario()
    config = FusionConfig(sound_speed_m_per_s=338.0)
    events, _ = associate(stations, picks, config)
    without, _ = associate(stations, picks, FusionConfig(sound_speed_m_per_s=338.0, chance_coincidences=False))
    # without the test the burst's picks line up as small events inside the cluster (what main did)
    assert _near_cluster(without, BURST_START_S - 30.0, BURST_START_S + BURST_S + 30.0) >= 2
    assert _near_cluster(events, BURST_START_S - 30.0, BURST_START_S + BURST_S + 30.0) == 0
    # the toy's real events, heard along the rows beside the cluster, are found as before
    assert _matched(toy, events) == _matched(toy, without) >= 5  # the others are heard by too few stations


def test_a_real_source_heard_by_the_quiet_cluster_alone_is_kept() -> None:
    _, stations, picks = _scenario(burst=False, quiet_source=True)
    events, _ = associate(stations, picks, FusionConfig(sound_speed_m_per_s=338.0))
    assert _near_cluster(events, QUIET_T0 - 5.0, QUIET_T0 + 5.0) == 1


def test_expected_chance_coincidences_grow_with_the_stations_rates_and_aperture() -> None:
    # four stations 2 km apart in a row; one pick each at t = 100 s, and 0 or k other picks within the window
    st_x = np.array([0.0, 2.0, 4.0, 6.0])
    st_y = np.zeros(4)
    atmosphere = np.array([0.34, 0.0, 0.0])

    def arrays(others: int, spread_x: float = 1.0) -> tuple[np.ndarray, ...]:
        time, station = [], []
        for s in range(4):
            time += [100.0 + s * 0.5] + list(np.linspace(30.0, 170.0, others))
            station += [s] * (1 + others)
        order = np.lexsort((np.array(time), np.array(station)))
        t, sta = np.array(time)[order], np.array(station)[order]
        start = np.searchsorted(sta, np.arange(5))
        picks = np.array([int(np.flatnonzero((sta == s) & (np.abs(t - (100.0 + s * 0.5)) < 1e-9))[0]) for s in range(4)])
        return picks, t, sta, start, st_x * spread_x

    kw = dict(window_s=120.0, tolerance_s=0.3)
    picks, t, sta, start, x = arrays(0)
    assert station_rates(picks, pick_time=t, pick_station=sta, station_pick_start=start, window_s=120.0).tolist() == [0.0] * 4
    assert expected_chance(picks, atmosphere, pick_time=t, pick_station=sta, station_pick_start=start, st_x=x, st_y=st_y,
                           **kw) == 0.0
    picks, t, sta, start, x = arrays(24)  # 24 other picks in 240 s: 0.1 a second
    rates = station_rates(picks, pick_time=t, pick_station=sta, station_pick_start=start, window_s=120.0)
    assert np.allclose(rates, 0.1)
    busy = expected_chance(picks, atmosphere, pick_time=t, pick_station=sta, station_pick_start=start, st_x=x,
                           st_y=st_y, **kw)
    p = 1.0 - np.exp(-0.6 * 0.1)
    span = 6.0 / 0.34 + 0.3
    assert np.isclose(busy, 400.0 * (span / 0.6) ** 2 * p**4)
    assert busy > 0.1
    assert by_chance(picks, 0.0, 0.0, atmosphere, pick_time=t, pick_station=sta, station_pick_start=start, st_x=x, st_y=st_y,
                     expected=0.1, max_aperture_km=10.0, **kw)
    # the same rates at stations spread over 30 km: left to the footprint tests
    picks, t, sta, start, x = arrays(24, spread_x=5.0)
    assert aperture_km(sta[picks], x, st_y) == 30.0
    assert not by_chance(picks, 0.0, 0.0, atmosphere, pick_time=t, pick_station=sta, station_pick_start=start, st_x=x, st_y=st_y,
                         expected=0.1, max_aperture_km=10.0, **kw)
    assert by_chance(picks, 0.0, 0.0, atmosphere, pick_time=t, pick_station=sta, station_pick_start=start, st_x=x, st_y=st_y,
                     expected=0.1, max_aperture_km=None, **kw)
