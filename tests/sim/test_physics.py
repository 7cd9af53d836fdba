"""Physical sanity of the simulator: every true pick is where the physics puts it."""

from __future__ import annotations

import numpy as np
from pyproj import Geod

from truceline.geo.frame import front_sectors
from truceline.sim.atmosphere import sound_speed_m_per_s
from truceline.sim.config import WEAPONS
from truceline.sim.firing import time_of_flight_s
from truceline.sim.placement import terrain_elevation_m
from truceline.sim.scenario import Scenario

GEOD = Geod(ellps="WGS84")


def _column(table, name):  # type: ignore[no-untyped-def]
    return np.asarray(table[name].to_numpy(zero_copy_only=False))


def test_every_true_pick_is_origin_plus_distance_over_effective_speed(heavy_short: Scenario) -> None:
    """time = origin + slant distance / (c(T) + wind . direction) + clock offset + bounded noise.

    Distances, directions and the atmosphere are recomputed here from the written tables and
    the public atmosphere model; only the outlier flags come from the generator's debug table.
    """
    scenario = heavy_short
    config = scenario.config
    events = scenario.truth_events
    stations = scenario.stations
    picks = scenario.picks
    truth = _column(scenario.truth_picks, "event_id")
    true = truth > 0
    event_row = truth[true] - 1
    station_row = {sid: i for i, sid in enumerate(_column(stations, "station_id"))}
    station = np.array([station_row[s] for s in _column(picks, "station_id")[true]])
    ev_lat, ev_lon = _column(events, "lat")[event_row], _column(events, "lon")[event_row]
    st_lat, st_lon = _column(stations, "lat")[station], _column(stations, "lon")[station]
    azimuth, _, ground_m = GEOD.inv(ev_lon, ev_lat, st_lon, st_lat)
    height = _column(stations, "elev_m")[station] - (terrain_elevation_m(ev_lat, ev_lon) + 1.0)
    distance = np.hypot(ground_m, height)
    sectors = front_sectors()
    along = 0.5 * (sectors.nearest_along_m(ev_lat, ev_lon) + sectors.nearest_along_m(st_lat, st_lon))
    origin = _column(events, "time")[event_row]
    east, north = scenario.atmosphere.wind_m_per_s(along, origin)
    heading = np.radians(azimuth)
    celerity = scenario.atmosphere.sound_speed_m_per_s(along, origin) + east * np.sin(heading) + north * np.cos(heading)
    clock = scenario.network.clock_offset_s[station]
    predicted = origin + distance / celerity + clock
    residual = _column(picks, "time")[true] - predicted

    debug = scenario.pick_debug
    outlier_by_pick = dict(zip(_column(debug, "pick_id").tolist(), _column(debug, "outlier").tolist()))
    outlier = np.array([outlier_by_pick[p] for p in _column(picks, "pick_id")[true]])
    travel = distance / celerity
    # pick error <= 4 sigma (sigma <= 0.15 s), path perturbation <= 3 x 0.2 %, rounding to 1 ms
    # (plus 2 ms for the event time and coordinates as written: 6 decimals ~ 0.1 m)
    bound = 4.0 * config.pick_sigma_s[1] + 3.0 * config.path_celerity_sigma * travel + 0.003
    assert true.sum() > 3_000
    assert np.all(np.abs(residual[~outlier]) <= bound[~outlier])
    # the noise is really there, of the stated size, and the heavy tail is a few percent
    assert 0.05 < np.std(residual[~outlier]) < 0.25
    assert 0.015 < outlier.mean() < 0.05
    assert np.all(np.abs(residual[outlier]) >= config.outlier_error_s[0] - bound[outlier])
    # speeds are those of air at the scenario's temperatures, winds of a few m/s
    assert np.all((celerity > 320.0) & (celerity < 365.0))
    assert np.all(np.abs(celerity - sound_speed_m_per_s(scenario.atmosphere.temperature_c(along, origin))) < 20.0)


def test_clock_offsets_are_hidden_but_real(heavy_short: Scenario) -> None:
    offsets = scenario_offsets = heavy_short.network.clock_offset_s
    skewed = offsets != 0.0
    assert 0 < skewed.sum() < 0.1 * offsets.size
    assert np.all((np.abs(offsets[skewed]) >= 0.3) & (np.abs(offsets[skewed]) <= 2.0))
    assert "clock" not in " ".join(heavy_short.stations.column_names)
    assert len(heavy_short.parameters["stations_truth"]["clock_offsets_s"]) == int(skewed.sum()) == int((scenario_offsets != 0).sum())


def test_launches_and_impacts_are_physically_paired(heavy_short: Scenario) -> None:
    events = heavy_short.truth_events
    kind = _column(events, "kind")
    pair = events["pair_id"].to_pylist()
    time = _column(events, "time")
    lat, lon = _column(events, "lat"), _column(events, "lon")
    weapon = _column(heavy_short.source_debug, "weapon")
    side, firing = _column(events, "side"), _column(events, "firing_party")
    checked = 0
    for index in np.flatnonzero(kind == "launch"):
        if pair[index] is None:
            continue
        partner = int(pair[index]) - 1
        assert kind[partner] == "impact" and pair[partner] == index + 1
        flight = time[partner] - time[index]
        _, _, range_m = GEOD.inv(lon[index], lat[index], lon[partner], lat[partner])
        w = WEAPONS[str(weapon[index])]
        assert 0.7 * w.min_range_m <= range_m <= 1.1 * w.max_range_m
        assert 0.85 * time_of_flight_s(w, np.array([range_m]))[0] <= flight <= 1.15 * time_of_flight_s(w, np.array([range_m]))[0]
        assert w.min_time_of_flight_s * 0.8 <= flight <= w.max_time_of_flight_s * 1.25
        assert side[index] == firing[index] == firing[partner]
        checked += 1
    assert checked > 50
    # impacts land across the line (a few may fall short near it)
    impacts = kind == "impact"
    assert np.mean(side[impacts] != firing[impacts]) > 0.97


def test_detection_falls_with_distance_and_rises_with_source_size(heavy_short: Scenario) -> None:
    debug = heavy_short.pick_debug
    distance_km = _column(debug, "distance_m") / 1000.0
    assert np.percentile(distance_km, 10) > 5.0 and 25.0 < np.percentile(distance_km, 90) < 55.0
    events = heavy_short.truth_events
    n_picks = _column(events, "n_picks")
    weapon = _column(heavy_short.source_debug, "weapon")
    kind = _column(events, "kind")
    mortar_launch = n_picks[(weapon == "mortar") & (kind == "launch")]
    gun_launch = n_picks[(weapon == "tube_artillery") & (kind == "launch")]
    assert np.median(mortar_launch) < np.median(gun_launch)
    amplitude = _column(heavy_short.picks, "amplitude")[_column(heavy_short.truth_picks, "event_id") > 0]
    picks_by_id = _column(heavy_short.picks, "pick_id")[_column(heavy_short.truth_picks, "event_id") > 0]
    order = np.argsort(picks_by_id)
    debug_order = np.argsort(_column(debug, "pick_id"))
    near = distance_km[debug_order] < 10.0
    far = distance_km[debug_order] > 30.0
    assert np.median(amplitude[order][near]) > 3.0 * np.median(amplitude[order][far])
