"""The terms of the calibrated covariance: atmosphere sensitivity, model-error variance, ambiguity."""

from __future__ import annotations

import numpy as np
import pytest

from truceline.fuse.uncertainty import (
    AtmosphereReadings,
    CalibrationCells,
    EventDesign,
    Uncertainty,
    ambiguity,
    atmosphere_estimate,
    atmosphere_sensitivity,
    calibrated_covariance,
    event_design,
    member_spread,
    misfit_prior_dof,
    model_error_covariance,
    nearest_other_arrival_s,
    pick_gains,
    pick_variance_covariance,
    place_scatter_ratio,
    pooled_scale,
    model_error_variance,
    relocate_with_own_atmosphere,
    round_swap_variance,
    support_variance,
)

C = 0.340


def _ring(n: int, radius_km: float) -> tuple[np.ndarray, np.ndarray]:
    angle = 0.1 + 2 * np.pi * np.arange(n) / n
    return radius_km * np.sin(angle), radius_km * np.cos(angle)


def test_a_wind_error_moves_a_ringed_source_by_travel_time_times_the_error() -> None:
    # stations at one distance: a wind error dw makes every path look like the source moved
    # by tt * dw (downwind stations hear it early); a celerity error only shifts the origin time
    sx, sy = _ring(12, 17.0)
    design = event_design(sx, sy, 0.0, 0.0, 0.0, np.zeros(12), (C, 0.0, 0.0), sigma_pick_s=0.1, kappa_model=0.0)
    sensitivity = atmosphere_sensitivity(design)
    travel = 17.0 / C
    np.testing.assert_allclose(sensitivity[:2, 1:], travel * np.eye(2), rtol=1e-3, atol=1e-3)
    np.testing.assert_allclose(sensitivity[:2, 0], 0.0, atol=1e-3)
    assert sensitivity[2, 0] == pytest.approx(-travel / C, rel=1e-3)


def test_an_event_with_stations_at_varied_distances_measures_its_own_wind_error() -> None:
    rng = np.random.default_rng(2)
    distance = rng.uniform(4.0, 40.0, 30)
    angle = rng.uniform(0, 2 * np.pi, 30)
    sx, sy = distance * np.sin(angle), distance * np.cos(angle)
    truth = (C + 0.002, 0.003, -0.002)
    from truceline.fuse.atmosphere import travel_times

    times = 5.0 + travel_times(sx, sy, 0.0, 0.0, *truth)
    # located with the wrong model: refit (x, y, t0) by Gauss-Newton, then ask the event
    model = (C, 0.0, 0.0)
    x = y = 0.0
    t0 = 5.0
    for _ in range(10):
        design = event_design(sx, sy, x, y, t0, times, model, sigma_pick_s=0.05, kappa_model=0.0)
        step = np.linalg.lstsq(design.design, design.residual_s, rcond=None)[0]
        x, y, t0 = x + step[0], y + step[1], t0 + step[2]
    found = atmosphere_estimate(event_design(sx, sy, x, y, t0, times, model, sigma_pick_s=0.05, kappa_model=0.0))
    assert found is not None
    np.testing.assert_allclose(found[0], np.array(truth) - np.array(model), atol=3e-4)
    few = EventDesign(design=design.design[:5], atmosphere=design.atmosphere[:5], weight=design.weight[:5],
                      residual_s=design.residual_s[:5])
    assert atmosphere_estimate(few) is None


def test_model_error_variance_recovers_the_spread_beyond_the_noise() -> None:
    rng = np.random.default_rng(7)
    noise = rng.uniform(0.5, 2.0, 4000)
    estimates = rng.normal(0.0, 1.5, 4000) + rng.normal(0.0, 1.0, 4000) * noise
    assert model_error_variance(estimates, noise**2) == pytest.approx(1.5**2, rel=0.12)
    pure_noise = rng.normal(0.0, 1.0, 4000) * noise
    assert model_error_variance(pure_noise, noise**2) < 0.1
    assert model_error_variance(estimates[:5], noise[:5] ** 2) == 0.0


def test_ambiguity_counts_stations_with_a_competing_arrival() -> None:
    # two stations; station 0 has a second pick 0.2 s from the prediction, station 1 none within 3 sigma
    pick_time = np.array([10.0, 10.2, 20.0, 23.0])
    start = np.array([0, 2, 4])
    share = ambiguity(np.array([10.0, 20.0]), np.array([10.05, 20.0]), np.array([0.15, 0.15]), start,
                      np.array([0, 1]), pick_time, max_z=3.0)
    assert share == 0.5


def test_member_spread_is_zero_alone_and_the_scatter_in_a_cluster() -> None:
    x = np.array([0.0, 1.0, 0.0, 50.0])
    y = np.array([0.0, 0.0, 1.0, 50.0])
    spread = member_spread(x, y, np.array([0, 0, 0, 1]))
    assert np.all(spread[3] == 0.0)
    np.testing.assert_allclose(spread[0], np.cov(np.vstack([x[:3], y[:3]])))


def _line_scene(n_events: int, true_wind: float, model_wind: float, seed: int = 4) -> dict:
    """Stations in two rows 12 km either side of a front along x, events on the front, the picks
    made with ``true_wind`` along the front, each event located (Gauss-Newton) with ``model_wind``:
    what a tile calibrated too low along the wind gives its events."""
    from truceline.fuse.atmosphere import travel_times

    rng = np.random.default_rng(seed)
    row_x = np.arange(0.0, 97.0, 8.0)
    st_x = np.concatenate([row_x, row_x])
    st_y = np.concatenate([np.full(len(row_x), -12.0), np.full(len(row_x), 12.0)])
    truth = (C, true_wind, 0.0)
    model = (C, model_wind, 0.0)
    true_x = rng.uniform(25.0, 70.0, n_events)
    true_y = rng.uniform(-2.0, 2.0, n_events)
    times, stations, owner = [], [], []
    for k in range(n_events):
        heard = np.flatnonzero(np.hypot(st_x - true_x[k], st_y - true_y[k]) < 30.0)
        tt = travel_times(st_x[heard], st_y[heard], true_x[k], true_y[k], *truth)
        times.append(100.0 * k + tt + rng.normal(0.0, 0.05, len(heard)))
        stations.append(heard)
        owner.append(np.full(len(heard), k))
    time_all, station_all, owner_all = np.concatenate(times), np.concatenate(stations), np.concatenate(owner)
    order = np.lexsort((time_all, station_all))  # picks sorted by station, then time (the kernels' order)
    time_all, station_all, owner_all = time_all[order], station_all[order], owner_all[order]
    start = np.searchsorted(station_all, np.arange(len(st_x) + 1))
    picks = [np.flatnonzero(owner_all == k) for k in range(n_events)]
    found = np.zeros((n_events, 3))
    nominal = np.zeros((n_events, 3, 3))
    for k in range(n_events):
        s, t = station_all[picks[k]], time_all[picks[k]]
        x, y, t0 = float(true_x[k]), float(true_y[k]), 100.0 * k
        for _ in range(10):
            design = event_design(st_x[s], st_y[s], x, y, t0, t, model, sigma_pick_s=0.05, kappa_model=0.0)
            step = np.linalg.lstsq(design.design, design.residual_s, rcond=None)[0]
            x, y, t0 = x + step[0], y + step[1], t0 + step[2]
        design = event_design(st_x[s], st_y[s], x, y, t0, t, model, sigma_pick_s=0.05, kappa_model=0.0)
        found[k] = x, y, t0
        nominal[k] = np.linalg.inv(design.design.T @ (design.design * design.weight[:, None]))
    return dict(found=found, nominal=nominal, picks=picks, pick_time=time_all, pick_station=station_all, start=start,
                st_x=st_x, st_y=st_y, true_x=true_x, true_y=true_y, model=np.array(model))


def _uncertainty(scene: dict, *, with_cells: bool, share_limit: float = 0.2, events: np.ndarray | None = None,
                 earlier: AtmosphereReadings | None = None, min_bias_events: int | None = None) -> Uncertainty:
    """The calibrated covariance of the scene's ``events`` (all by default), located as one batch."""
    k = np.arange(len(scene["found"])) if events is None else events
    n = len(k)
    found = scene["found"][k]
    cells = CalibrationCells(atmosphere=scene["model"][None, None, :], tile_x_km=np.array([48.0]), tile_y_km=np.array([0.0]),
                             x_km=found[:, 0], y_km=found[:, 1], block=np.zeros(n, dtype=int), tile=np.zeros(n, dtype=int))
    return calibrated_covariance(
        x_km=found[:, 0], y_km=found[:, 1], t0_s=found[:, 2], picks=[scene["picks"][i] for i in k],
        event_atmosphere=np.tile(scene["model"], (n, 1)), nominal=scene["nominal"][k], factor=1.0,
        pick_time=scene["pick_time"], pick_station=scene["pick_station"], station_pick_start=scene["start"],
        st_x=scene["st_x"], st_y=scene["st_y"], sigma_pick_s=0.05, kappa_model=0.0, atmosphere_floor_km_s=0.0007,
        cluster_km=3.0, cluster_s=6.0, max_z=3.0, atmosphere_variance=np.zeros(3),
        cells=cells if with_cells else None, clean_share=share_limit, earlier=earlier, cell_min_bias_events=min_bias_events)


def _covariances(scene: dict, *, with_cells: bool, share_limit: float = 0.2) -> np.ndarray:
    return _uncertainty(scene, with_cells=with_cells, share_limit=share_limit).covariance[:, :2, :2]


def _inside_95(scene: dict, covariance: np.ndarray) -> np.ndarray:
    offset = np.column_stack([scene["true_x"], scene["true_y"]]) - scene["found"][:, :2]
    return np.asarray(np.einsum("ni,nij,nj->n", offset, np.linalg.inv(covariance), offset) <= 5.991)


def test_a_tile_calibrated_low_along_the_front_gets_ellipses_long_along_the_front() -> None:
    # the wind along the front is 7 m/s, the tile's calibration says 3: every event is shifted
    # along the front by ~tt * 4 m/s, which the fixed 0.7 m/s floor does not cover
    scene = _line_scene(30, true_wind=0.007, model_wind=0.003)
    floor_only = _covariances(scene, with_cells=False)
    measured = _covariances(scene, with_cells=True)
    assert _inside_95(scene, floor_only).mean() < 0.5
    assert _inside_95(scene, measured).mean() >= 0.9
    # the growth is along the front (x), where the geometry cannot tell a wind error from a shift
    assert np.median(measured[:, 0, 0] / floor_only[:, 0, 0]) > 4.0
    assert np.median(measured[:, 0, 0] / floor_only[:, 0, 0]) > 2.0 * np.median(measured[:, 1, 1] / floor_only[:, 1, 1])


def test_a_well_calibrated_tile_keeps_its_ellipses() -> None:
    scene = _line_scene(30, true_wind=0.005, model_wind=0.005)
    floor_only = _covariances(scene, with_cells=False)
    measured = _covariances(scene, with_cells=True)
    assert np.median(np.sqrt(measured[:, 0, 0] / floor_only[:, 0, 0])) < 1.5


def test_events_in_doubt_do_not_speak_for_their_cell() -> None:
    # with no event clean enough (every share above a limit below zero), nothing is measured
    scene = _line_scene(30, true_wind=0.007, model_wind=0.003)
    np.testing.assert_allclose(_covariances(scene, with_cells=True, share_limit=-1.0), _covariances(scene, with_cells=False))


def test_events_emitted_in_pieces_read_their_cell_with_the_events_emitted_before() -> None:
    # the stream emits a few events at a time, too few to read their cell alone; with the readings
    # of the events emitted before they get what the batch gives them
    scene = _line_scene(30, true_wind=0.007, model_wind=0.003)
    batch = _uncertainty(scene, with_cells=True)
    earlier = AtmosphereReadings.none()
    pieces = []
    for piece in np.array_split(np.arange(30), 6):
        located = _uncertainty(scene, with_cells=True, events=piece, earlier=earlier)
        earlier = earlier.plus(located.readings)
        pieces.append(located.covariance)
    assert len(earlier) == len(batch.readings) >= 8
    np.testing.assert_allclose(pieces[-1], batch.covariance[25:], rtol=1e-9)
    alone = _uncertainty(scene, with_cells=True, events=np.arange(25, 30))
    assert np.all(alone.covariance[:, 0, 0] < 0.2 * pieces[-1][:, 0, 0])


def test_a_quiet_hour_reads_its_cells_bias_from_a_few_events() -> None:
    # five events in an hour whose cell was calibrated to another hour's wind (3 m/s against 7):
    # too few to measure the scatter, enough to measure the bias and its uncertainty
    scene = _line_scene(30, true_wind=0.007, model_wind=0.003)
    few = np.arange(5)
    floor_only = _uncertainty(scene, with_cells=True, events=few).covariance[:, :2, :2]
    read = _uncertainty(scene, with_cells=True, events=few, min_bias_events=3).covariance[:, :2, :2]
    sub = {k: (v[few] if k in ("found", "true_x", "true_y") else v) for k, v in scene.items()}
    assert _inside_95(sub, floor_only).mean() < 0.5
    assert _inside_95(sub, read).mean() == 1.0
    # two events are too few: nothing is read
    np.testing.assert_allclose(_uncertainty(scene, with_cells=True, events=few[:2], min_bias_events=3).covariance,
                               _uncertainty(scene, with_cells=True, events=few[:2]).covariance)
    # and a well-calibrated quiet hour keeps its ellipses
    calm = _line_scene(30, true_wind=0.005, model_wind=0.005)
    kept = _uncertainty(calm, with_cells=True, events=few, min_bias_events=3).covariance
    assert np.median(np.sqrt(kept[:, 0, 0] / _uncertainty(calm, with_cells=False, events=few).covariance[:, 0, 0])) < 1.5


def test_a_cell_calibrated_hours_away_gets_the_drift_of_the_atmosphere_over_that_lag() -> None:
    # two events of a quiet hour (too few to read their cell) whose cell was fitted to events 4 hours away,
    # when the wind along the front was 3 m/s weaker: with the drift term (0.5 m/s per hour) they are covered
    scene = _line_scene(30, true_wind=0.008, model_wind=0.005)
    few = np.arange(2)
    sub = {k: (v[few] if k in ("found", "true_x", "true_y") else v) for k, v in scene.items()}

    def covariance(lag_h: float, drift: float) -> np.ndarray:
        found = scene["found"][few]
        cells = CalibrationCells(atmosphere=scene["model"][None, None, :], tile_x_km=np.array([48.0]), tile_y_km=np.array([0.0]),
                                 x_km=found[:, 0], y_km=found[:, 1], block=np.zeros(2, dtype=int), tile=np.zeros(2, dtype=int),
                                 support=np.array([[[lag_h, 0.0]]]))
        return calibrated_covariance(
            x_km=found[:, 0], y_km=found[:, 1], t0_s=found[:, 2], picks=[scene["picks"][i] for i in few],
            event_atmosphere=np.tile(scene["model"], (2, 1)), nominal=scene["nominal"][few], factor=1.0,
            pick_time=scene["pick_time"], pick_station=scene["pick_station"], station_pick_start=scene["start"],
            st_x=scene["st_x"], st_y=scene["st_y"], sigma_pick_s=0.05, kappa_model=0.0, atmosphere_floor_km_s=0.0007,
            cluster_km=3.0, cluster_s=6.0, max_z=3.0, atmosphere_variance=np.zeros(3), cells=cells,
            drift_km_s_per_hour=drift / 1000.0).covariance

    assert _inside_95(sub, covariance(4.0, 0.0)[:, :2, :2]).mean() == 0.0
    assert _inside_95(sub, covariance(4.0, 0.5)[:, :2, :2]).mean() == 1.0
    # a cell fitted to its own hour's events keeps its ellipses
    np.testing.assert_allclose(covariance(0.0, 0.5), covariance(0.0, 0.0))
    # the variance added per component is (drift * lag)^2 + (gradient * distance)^2
    cells = CalibrationCells(atmosphere=np.zeros((2, 1, 3)), tile_x_km=np.zeros(1), tile_y_km=np.zeros(1), x_km=np.zeros(2),
                             y_km=np.zeros(2), block=np.array([0, 1]), tile=np.zeros(2, dtype=int),
                             support=np.array([[[0.0, 40.0]], [[2.0, 100.0]]]))
    np.testing.assert_allclose(support_variance(cells, drift_km_s_per_hour=5e-4, gradient_km_s_per_km=5e-6),
                               [(5e-6 * 40.0) ** 2, (5e-4 * 2.0) ** 2 + (5e-6 * 100.0) ** 2])


def test_model_error_covariance_is_the_common_bias_and_the_scatter_about_it() -> None:
    rng = np.random.default_rng(11)
    bias = np.array([-2.0, 2.5, 0.0])
    noise = rng.uniform(0.5, 1.5, (400, 3))
    scatter = np.array([0.0, 0.0, 1.2])
    errors = bias + rng.normal(0.0, 1.0, (400, 3)) * noise + rng.normal(0.0, 1.0, (400, 3)) * scatter
    variances = np.einsum("ki,ij->kij", noise**2, np.eye(3))
    found = model_error_covariance(errors, variances)
    # a celerity too high and a wind too low together: the off-diagonal term keeps the trade
    assert found[0, 1] == pytest.approx(bias[0] * bias[1], rel=0.15)
    np.testing.assert_allclose(np.diag(found)[:2], bias[:2] ** 2, rtol=0.15)
    assert found[2, 2] == pytest.approx(scatter[2] ** 2, rel=0.3)
    assert np.all(model_error_covariance(errors[:5], variances[:5], min_events=10) == 0.0)


def _located(st_x: np.ndarray, st_y: np.ndarray, times: np.ndarray, stations: np.ndarray, *, jackknife: bool) -> tuple[np.ndarray, np.ndarray]:
    """One event made of the picks ``times`` at ``stations`` (one each), located by the associator's own
    estimator; its position and the 2 x 2 calibrated covariance (network factor 1, no model error)."""
    from truceline.fuse.kernels import locate

    order = np.argsort(stations, kind="stable")
    pick_time, pick_station = times[order], stations[order]
    start = np.searchsorted(pick_station, np.arange(len(st_x) + 1))
    picks = np.arange(len(pick_time))
    nan = np.full(len(pick_time), np.nan)
    x, y, t0, nominal, _, _ = locate(picks, pick_station, pick_time, nan, nan, st_x, st_y, np.zeros(len(st_x)),
                                     0.3, 0.3, 0.0, C, 0.0, 0.0, 0.1, 0.0, 2.5, 15)
    uncertainty = calibrated_covariance(
        x_km=np.array([x]), y_km=np.array([y]), t0_s=np.array([t0]), picks=[picks], event_atmosphere=np.array([[C, 0.0, 0.0]]),
        nominal=nominal[None], factor=1.0, pick_time=pick_time, pick_station=pick_station, station_pick_start=start,
        st_x=st_x, st_y=st_y, sigma_pick_s=0.1, kappa_model=0.0, atmosphere_floor_km_s=0.0, cluster_km=3.0, cluster_s=6.0,
        max_z=3.0, atmosphere_variance=np.zeros(3), jackknife=jackknife)
    return np.array([x, y]), uncertainty.covariance[0, :2, :2]


def test_an_event_with_another_sources_pick_gets_an_ellipse_that_covers_its_error() -> None:
    # five stations hear a launcher's round at the origin; at the fifth the event holds the pick of its next round,
    # fired 0.9 s later: with two degrees of freedom the wrong pick hardly shows in the residuals, the nominal ellipse
    # is the pick noise's (58 m) while the pick pulls the solution by about 100 m; the solutions with each pick left
    # out in turn show how far one pick moves it
    from truceline.fuse.atmosphere import travel_times

    rng = np.random.default_rng(3)
    st_x = np.array([-11.0, -4.0, 6.0, 12.0, 3.0])
    st_y = np.array([-6.0, 11.0, 10.0, -3.0, -13.0])
    times = travel_times(st_x, st_y, 0.0, 0.0, C, 0.0, 0.0) + rng.normal(0.0, 0.05, 5)
    times[4] = 0.9 + travel_times(st_x[4:], st_y[4:], 0.0, 0.0, C, 0.0, 0.0)[0]
    stations = np.arange(5)
    found, nominal = _located(st_x, st_y, times, stations, jackknife=False)
    _, covariance = _located(st_x, st_y, times, stations, jackknife=True)
    error = -found  # the truth is at the origin
    assert np.hypot(*error) > 0.08
    assert error @ np.linalg.solve(nominal, error) > 5.991  # outside the nominal 95 % ellipse
    assert error @ np.linalg.solve(covariance, error) <= 5.991  # inside with the jackknife


def test_the_jackknife_leaves_a_well_recorded_events_ellipse_about_as_it_was() -> None:
    # twenty stations, all the event's own picks: the solutions without each pick scatter as the pick noise
    # says, so the ellipse does not grow for nothing
    from truceline.fuse.atmosphere import travel_times

    rng = np.random.default_rng(5)
    st_x, st_y = _ring(20, 15.0)
    st_x, st_y = st_x * rng.uniform(0.6, 1.6, 20), st_y * rng.uniform(0.6, 1.6, 20)
    times = travel_times(st_x, st_y, 0.0, 0.0, C, 0.0, 0.0) + rng.normal(0.0, 0.1, 20)
    _, nominal = _located(st_x, st_y, times, np.arange(20), jackknife=False)
    _, covariance = _located(st_x, st_y, times, np.arange(20), jackknife=True)
    major_before = np.sqrt(np.linalg.eigvalsh(nominal)[-1])
    major_after = np.sqrt(np.linalg.eigvalsh(covariance)[-1])
    assert major_before <= major_after <= 1.3 * major_before


def test_a_wider_cluster_window_counts_a_neighbouring_rounds_arrivals() -> None:
    # two rounds 50 m and 0.7 s apart: at every station the other round's arrival is ~0.7 s (4.7 sigma) from an
    # event's predicted one; within 3 or 4 sigma (4: the default, FusionConfig.cluster_ambiguity_z) nothing competes
    # and the cluster term is 0, within 6 sigma every station is in doubt and the event gets the members' spread.
    # Closer rounds are counted by the default window where 3 sigma counts them only in part or not at all.
    from truceline.fuse.atmosphere import travel_times
    from truceline.fuse.engine import FusionConfig

    st_x, st_y = _ring(8, 20.0)

    def covariance(gap_s: float, window: float | None) -> tuple[np.ndarray, np.ndarray]:
        sources = np.array([[0.0, 0.0, 0.0], [0.05, 0.0, gap_s]])
        station = np.repeat(np.arange(8), 2)
        time = np.concatenate([[s[2] + travel_times(st_x[k:k + 1], st_y[k:k + 1], s[0], s[1], C, 0.0, 0.0)[0] for s in sources]
                               for k in range(8)])
        start = np.searchsorted(station, np.arange(9))
        picks = [np.arange(0, 16, 2), np.arange(1, 16, 2)]
        found = calibrated_covariance(
            x_km=sources[:, 0], y_km=sources[:, 1], t0_s=sources[:, 2], picks=picks, event_atmosphere=np.tile([C, 0.0, 0.0], (2, 1)),
            nominal=np.zeros((2, 3, 3)), factor=1.0, pick_time=time, pick_station=station, station_pick_start=start,
            st_x=st_x, st_y=st_y, sigma_pick_s=0.15, kappa_model=0.0, atmosphere_floor_km_s=0.0, cluster_km=3.0, cluster_s=6.0,
            max_z=3.0, atmosphere_variance=np.zeros(3), cluster_max_z=window).covariance
        return found, member_spread(sources[:, 0], sources[:, 1], np.zeros(2, dtype=int))

    default = FusionConfig().cluster_ambiguity_z
    assert default == 4.0
    found, spread = covariance(0.7, None)
    np.testing.assert_allclose(found, covariance(0.7, 3.0)[0])
    np.testing.assert_allclose(found[:, :2, :2], 0.0, atol=1e-15)
    np.testing.assert_allclose(covariance(0.7, 6.0)[0][:, :2, :2], spread, rtol=1e-9, atol=1e-12)
    # 0.6 s (4 sigma): nothing within 3 sigma, half the stations in doubt within 4 (the 50 m offset moves the gap), all within 6
    np.testing.assert_allclose(covariance(0.6, 3.0)[0][:, :2, :2], 0.0, atol=1e-15)
    np.testing.assert_allclose(covariance(0.6, default)[0][:, :2, :2], spread / 2, rtol=1e-9, atol=1e-12)
    # 0.45 s (3 sigma): some stations within 3 sigma, all within the default window
    assert np.all(covariance(0.45, 3.0)[0][:, 0, 0] < spread[:, 0, 0])
    np.testing.assert_allclose(covariance(0.45, default)[0][:, :2, :2], spread, rtol=1e-9, atol=1e-12)


def test_an_event_located_with_its_own_reading_of_the_wind_moves_towards_the_truth() -> None:
    # a tile calibrated at 3 m/s along the front where the wind is 7 m/s (FusionConfig.own_atmosphere_relocation,
    # off by default): each event's picks read the error, and under a loose prior (5 m/s) the relocated events are
    # nearer the truth; under a tight prior (0.01 m/s) they stay where they were
    scene = _line_scene(30, true_wind=0.007, model_wind=0.003)
    found, n = scene["found"], len(scene["found"])

    def relocated(prior_m_per_s: float) -> tuple[np.ndarray, np.ndarray]:
        x, y, _, used = relocate_with_own_atmosphere(
            scene["picks"], scene["pick_station"], scene["pick_time"], np.full(len(scene["pick_time"]), np.nan),
            np.full(len(scene["pick_time"]), np.nan), scene["st_x"], scene["st_y"], np.zeros(len(scene["st_x"])),
            found[:, 0], found[:, 1], found[:, 2], np.tile(scene["model"], (n, 1)),
            np.tile(np.eye(3) * (prior_m_per_s / 1000.0) ** 2, (n, 1, 1)), 1.0, sigma_pick_s=0.05, kappa_model=0.0)
        return np.hypot(x - scene["true_x"], y - scene["true_y"]), used

    tight, tight_used = relocated(0.01)  # the same estimator, the tile's atmosphere kept
    np.testing.assert_allclose(tight_used, np.tile(scene["model"], (n, 1)), atol=5e-5)
    loose, loose_used = relocated(5.0)
    assert np.median(loose) < 0.7 * np.median(tight)
    assert np.median(loose_used[:, 1]) > 0.005  # the wind along the front read back from 3 towards 7 m/s


def test_the_joint_fit_of_an_events_atmosphere_is_not_pulled_by_a_late_pick() -> None:
    # the scene above (wind 7 m/s along the front, the tile at 3 m/s), one pick of every event 1.5 s late (a station's
    # clock): the linear reading weights it fully and moves the atmosphere, and the event, by it; the robust joint fit
    # of position, origin time and atmosphere under the prior (FusionConfig.own_atmosphere_joint) downweights it as the
    # locate does, and its events end nearer the truth; without the late pick both read the wind back alike
    scene = _line_scene(30, true_wind=0.007, model_wind=0.003)
    found, n = scene["found"], len(scene["found"])
    late = np.array(scene["pick_time"])
    for k, p in enumerate(scene["picks"]):
        late[p[k % len(p)]] += 1.5

    def relocated(times: np.ndarray, joint: bool) -> tuple[np.ndarray, np.ndarray]:
        x, y, _, used = relocate_with_own_atmosphere(
            scene["picks"], scene["pick_station"], times, np.full(len(times), np.nan), np.full(len(times), np.nan),
            scene["st_x"], scene["st_y"], np.zeros(len(scene["st_x"])), found[:, 0], found[:, 1], found[:, 2],
            np.tile(scene["model"], (n, 1)), np.tile(np.eye(3) * (5.0 / 1000.0) ** 2, (n, 1, 1)), 1.0,
            sigma_pick_s=0.05, kappa_model=0.0, joint=joint)
        return np.hypot(x - scene["true_x"], y - scene["true_y"]), used

    clean_linear, _ = relocated(scene["pick_time"], False)
    clean_joint, joint_used = relocated(scene["pick_time"], True)
    assert np.median(clean_joint) == pytest.approx(np.median(clean_linear), rel=0.25, abs=0.005)
    assert np.median(joint_used[:, 1]) > 0.005
    linear, _ = relocated(late, False)
    joint, _ = relocated(late, True)
    assert np.median(joint) < 0.7 * np.median(linear)


def test_joint_atmosphere_under_a_tight_prior_keeps_the_cells_atmosphere() -> None:
    from truceline.fuse.uncertainty import joint_atmosphere

    scene = _line_scene(3, true_wind=0.007, model_wind=0.003)
    p = scene["picks"][0]
    s = scene["pick_station"][p]
    x, y, t0 = scene["found"][0]
    tight = joint_atmosphere(scene["st_x"][s], scene["st_y"][s], scene["pick_time"][p], x, y, t0, scene["model"],
                             np.eye(3) * 1e-12, 1.0, sigma_pick_s=0.05, kappa_model=0.0)
    assert tight is not None
    np.testing.assert_allclose(tight, scene["model"], atol=1e-5)
    few = joint_atmosphere(scene["st_x"][s[:7]], scene["st_y"][s[:7]], scene["pick_time"][p[:7]], x, y, t0, scene["model"],
                           np.eye(3) * 25e-6, 1.0, sigma_pick_s=0.05, kappa_model=0.0)
    assert few is None


def test_only_the_events_allowed_to_move_are_relocated_with_their_own_atmosphere() -> None:
    # FusionConfig.own_atmosphere_clean_only passes the events with few stations in doubt; the others (mixtures,
    # whose picks read a wrong atmosphere as well as the right one) keep their positions and their cell's atmosphere
    scene = _line_scene(10, true_wind=0.007, model_wind=0.003)
    found, n = scene["found"], len(scene["found"])
    allowed = np.arange(n) % 2 == 0
    for joint in (False, True):
        x, y, t0, used = relocate_with_own_atmosphere(
            scene["picks"], scene["pick_station"], scene["pick_time"], np.full(len(scene["pick_time"]), np.nan),
            np.full(len(scene["pick_time"]), np.nan), scene["st_x"], scene["st_y"], np.zeros(len(scene["st_x"])),
            found[:, 0], found[:, 1], found[:, 2], np.tile(scene["model"], (n, 1)),
            np.tile(np.eye(3) * (5.0 / 1000.0) ** 2, (n, 1, 1)), 1.0, sigma_pick_s=0.05, kappa_model=0.0, joint=joint,
            only=allowed)
        np.testing.assert_array_equal(x[~allowed], found[~allowed, 0])
        np.testing.assert_array_equal(used[~allowed], np.tile(scene["model"], (int(np.sum(~allowed)), 1)))
        assert np.all(np.hypot(x - found[:, 0], y - found[:, 1])[allowed] > 0.01)


def test_the_shared_robust_step_weighs_an_outlier_down_and_pulls_towards_the_prior():
    from truceline.fuse.uncertainty import huber_prior_step

    g = np.column_stack([np.ones(6), np.arange(6.0)])
    z = np.array([0.1, -0.1, 0.2, 0.0, -0.2, 40.0])  # the last residual is a gross outlier
    loose = huber_prior_step(g, z, 2.5, np.array([[1e-9]]), np.array([0.0]))
    full = np.linalg.lstsq(g, z, rcond=None)[0]
    assert loose is not None and abs(loose[0][1]) < 0.2 * abs(full[1])  # Huber keeps the outlier from dragging the slope
    tight = huber_prior_step(g, z, 2.5, np.array([[1e6]]), np.array([0.5]))
    assert tight is not None and abs(tight[0][1] + 0.5) < 1e-3  # a strong prior pulls the last parameter back to its mean
    assert huber_prior_step(np.zeros((3, 2)), np.zeros(3), 2.5, np.array([[0.0]]), np.array([0.0])) is None


def _weighted_solution_step(design: EventDesign) -> np.ndarray:
    root = np.sqrt(design.weight)
    return np.asarray(np.linalg.lstsq(design.design * root[:, None], design.residual_s * root, rcond=None)[0])


def test_a_picks_gain_is_how_far_a_small_change_of_its_time_moves_the_solution() -> None:
    """``pick_gains``: each column is the linearised solution's move per second of one pick's time; moving every pick
    by the same amount moves only the origin time."""
    rng = np.random.default_rng(4)
    distance = rng.uniform(5.0, 30.0, 7)
    angle = rng.uniform(0, 2 * np.pi, 7)
    sx, sy = distance * np.sin(angle), distance * np.cos(angle)
    from truceline.fuse.atmosphere import travel_times

    times = 2.0 + travel_times(sx, sy, 0.3, -0.2, C, 0.002, 0.0)
    design = event_design(sx, sy, 0.3, -0.2, 2.0, times, (C, 0.002, 0.0), sigma_pick_s=0.1, kappa_model=0.002)
    gains = pick_gains(design)
    for k in range(7):
        moved = times.copy()
        moved[k] += 0.01
        step = _weighted_solution_step(event_design(sx, sy, 0.3, -0.2, 2.0, moved, (C, 0.002, 0.0), sigma_pick_s=0.1,
                                                    kappa_model=0.002))
        np.testing.assert_allclose(step, 0.01 * gains[:, k], atol=1e-7)
    np.testing.assert_allclose(gains.sum(axis=1), [0.0, 0.0, 1.0], atol=1e-9)


def test_the_covariance_of_extra_pick_variance_is_the_scatter_of_the_solutions_it_makes() -> None:
    """``pick_variance_covariance``: noise of variance ``v_k`` on the picks, which the weights do not know, scatters the
    weighted solution by ``sum v_k g_k g_k'`` (a Monte Carlo of 4000 draws agrees within 8 %)."""
    rng = np.random.default_rng(5)
    sx, sy = _ring(6, 15.0)
    sx, sy = sx + np.array([0, 3, 0, -2, 0, 1.0]), sy
    design = event_design(sx, sy, 0.0, 0.0, 0.0, np.zeros(6), (C, 0.0, 0.0), sigma_pick_s=0.1, kappa_model=0.0)
    extra = np.array([0.0, 1.0, 0.0, 0.25, 0.0, 0.0])
    expected = pick_variance_covariance(design, extra)
    root = np.sqrt(design.weight)
    noise = rng.normal(0.0, 1.0, (4000, 6)) * np.sqrt(extra)
    solutions = np.linalg.lstsq(design.design * root[:, None], (noise * root).T, rcond=None)[0].T
    measured = np.cov(solutions.T)
    np.testing.assert_allclose(np.diag(measured), np.diag(expected), rtol=0.08)
    assert np.all(np.linalg.eigvalsh(expected) >= -1e-12)
    np.testing.assert_allclose(pick_variance_covariance(design, np.zeros(6)), 0.0, atol=1e-15)


def test_the_nearest_other_arrival_at_a_picks_station_within_the_window() -> None:
    # station 0: picks at 10.0, 11.2, 14.0; station 1: 10.5 alone (times sorted per station)
    pick_time = np.array([10.0, 11.2, 14.0, 10.5])
    pick_station = np.array([0, 0, 0, 1])
    start = np.array([0, 3, 4])
    gaps = nearest_other_arrival_s(np.array([0, 1, 2, 3]), pick_station, pick_time, start, window_s=2.2)
    np.testing.assert_allclose(gaps, [1.2, 1.2, 0.0, 0.0])
    np.testing.assert_allclose(nearest_other_arrival_s(np.array([1]), pick_station, pick_time, start, window_s=3.0), [1.2])


def _toy_geometry(rng: np.random.Generator, fewest: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``fewest``-9 stations 4-30 km around a source within 1 km of the origin (x, y in km, and the source)."""
    n = int(rng.integers(fewest, 10))
    distance = rng.uniform(4.0, 30.0, n)
    angle = np.sort(rng.uniform(0, 2 * np.pi, n))
    return distance * np.sin(angle), distance * np.cos(angle), rng.uniform(-1.0, 1.0, 2)


def _toy_times(sx: np.ndarray, sy: np.ndarray, truth: np.ndarray) -> np.ndarray:
    from truceline.fuse.atmosphere import travel_times

    return 5.0 + travel_times(sx, sy, truth[0], truth[1], C, 0.0, 0.0)


def _inside_nominal_and_widened(sx: np.ndarray, sy: np.ndarray, truth: np.ndarray, times: np.ndarray,
                                extra_variance_s2: np.ndarray) -> tuple[bool, bool] | None:
    """Locate the toy event robustly (``kernels.locate``); is the truth inside its nominal 95 % ellipse, and inside the
    ellipse widened by picks' variances ``extra_variance_s2`` beyond the weights (``pick_variance_covariance``)?
    None where the location fails."""
    from truceline.fuse.kernels import locate

    n = len(sx)
    picks = np.arange(n)
    x, y, t0, cov, _chi2, _n = locate(picks, picks, times, np.full(n, np.nan), np.full(n, np.nan), sx, sy,
                                      np.zeros(n), 0.0, 0.0, 4.0, C, 0.0, 0.0, 0.1, 0.0, 2.5, 15)
    if not np.isfinite(cov[0, 0]):
        return None
    design = event_design(sx, sy, x, y, t0, times, (C, 0.0, 0.0), sigma_pick_s=0.1, kappa_model=0.0)
    extra = pick_variance_covariance(design, extra_variance_s2)[:2, :2]
    error = truth - np.array([x, y])
    return (bool(error @ np.linalg.solve(cov[:2, :2], error) <= 5.991),
            bool(error @ np.linalg.solve(cov[:2, :2] + extra, error) <= 5.991))


def _toy_coverage(rng: np.random.Generator, fewest: int, draw) -> tuple[float, float]:
    """Over 300 toy events of at least ``fewest`` stations, the share of true sources inside the nominal and the
    widened 95 % ellipses; ``draw(rng, sx, sy, truth)`` gives the picks' times and their extra variances. At least 280
    events must locate."""
    inside_nominal, inside_widened = [], []
    for _ in range(300):
        sx, sy, truth = _toy_geometry(rng, fewest)
        times, variance = draw(rng, sx, sy, truth)
        inside = _inside_nominal_and_widened(sx, sy, truth, times, variance)
        if inside is not None:
            inside_nominal.append(inside[0])
            inside_widened.append(inside[1])
    assert len(inside_nominal) >= 280
    return float(np.mean(inside_nominal)), float(np.mean(inside_widened))


def test_ellipses_that_know_a_crowded_pick_may_be_a_neighbours_cover_the_swapped_events() -> None:
    """A seeded toy of the mixtures of fire missions: each station also hears a neighbouring round 0.6-2 s from the
    event's own arrival, and takes it instead with probability 0.2 (as measured on `violation`). Located robustly
    (``kernels.locate``), the nominal 95 % ellipses hold too few of the true sources (0.43 with this seed); with the swap's
    variance (0.2 times the square of the gap, ``pick_variance_covariance``) they hold 90-99 % (0.923: the error is a
    mixture, its tail heavier than the Gaussian of the same covariance)."""
    share = 0.2

    def swapped_picks(rng: np.random.Generator, sx: np.ndarray, sy: np.ndarray,
                      truth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = len(sx)
        times = _toy_times(sx, sy, truth) + rng.normal(0.0, 0.1, n)
        gap = rng.uniform(0.6, 2.0, n) * rng.choice([-1.0, 1.0], n)
        swapped = rng.random(n) < share
        return times + np.where(swapped, gap, 0.0), share * gap**2

    inside_nominal, inside_swap = _toy_coverage(np.random.default_rng(11), 5, swapped_picks)
    assert inside_nominal < 0.85
    assert 0.90 <= inside_swap <= 0.99


def test_a_picks_round_swap_variance_is_the_mean_square_gap_over_its_own_arrival_and_the_neighbours() -> None:
    # two neighbouring rounds predict arrivals 1.0 s and 3.0 s after the first pick (the second outside 2.2 s), and
    # -0.5 s and +2.0 s from the second; the third pick has none within the window
    pick_time = np.array([10.0, 20.0, 30.0])
    predicted = np.array([[11.0, 19.5, 35.0], [13.0, 22.0, 25.0]])
    np.testing.assert_allclose(round_swap_variance(pick_time, predicted, window_s=2.2),
                               [1.0 / 2.0, (0.25 + 4.0) / 3.0, 0.0])
    np.testing.assert_allclose(round_swap_variance(pick_time, np.zeros((0, 3)), window_s=2.2), [0.0, 0.0, 0.0])


def test_the_place_scatter_ratio_reads_how_far_a_places_events_stray_beyond_their_ellipses() -> None:
    """Events in threes at 60 places (an hour apart): where they scatter about their place as their covariances say
    the ratio is about 1; twice the variance reads about 2; with ellipses four times too large, about 1/4. Events
    without two others at their place do not count, and with fewer than ten that do the ratio is 0."""
    rng = np.random.default_rng(5)
    covariance = np.tile(np.diag([0.04, 0.01]), (180, 1, 1))
    t0 = np.repeat(np.arange(60) * 3600.0, 3) + np.tile([0.0, 5.0, 10.0], 60)

    def ratio(scale: float, ellipse: float) -> float:
        xy = rng.normal(0.0, 1.0, (180, 2)) * np.sqrt([0.04, 0.01]) * np.sqrt(scale)
        return place_scatter_ratio(xy[:, 0], xy[:, 1], t0, covariance * ellipse, place_km=1.0, place_s=60.0)

    assert 0.75 < ratio(1.0, 1.0) < 1.3
    assert 1.5 < ratio(2.0, 1.0) < 2.6
    assert 0.18 < ratio(1.0, 4.0) < 0.35
    assert place_scatter_ratio(np.zeros(9), np.zeros(9), np.arange(9) * 3600.0, covariance[:9], place_km=1.0,
                               place_s=60.0) == 0.0


def _toy_missions(rng: np.random.Generator) -> dict[str, object]:
    """80 places an hour apart, each a lone round (one in four) or a fire mission of three rounds 0.8-1.6 s apart
    from one spot, every station hearing every round; each round's event takes a neighbouring round's arrival
    instead of its own at each station with probability 0.2 (the mixtures). Located robustly (``kernels.locate``)."""
    from truceline.fuse.kernels import locate

    x, y, t0, cov, truth, lone, times_of, stations_of = [], [], [], [], [], [], [], []
    for place in range(80):
        sx, sy, source = _toy_geometry(rng, 5)
        n = len(sx)
        rounds = 1 if place % 4 == 0 else 3
        arrivals = _toy_times(sx, sy, source)[None, :] + rng.uniform(0.8, 1.6) * np.arange(rounds)[:, None]
        for r in range(rounds):
            times = arrivals[r] + rng.normal(0.0, 0.1, n)
            if rounds > 1:
                neighbour = np.full(n, 1 - r // 2) if r != 1 else np.where(rng.random(n) < 0.5, 0, 2)
                times = np.where(rng.random(n) < 0.2, arrivals[neighbour, np.arange(n)] + rng.normal(0.0, 0.1, n), times)
            picks = np.arange(n)
            xi, yi, ti, ci, _chi2, _n = locate(picks, picks, times, np.full(n, np.nan), np.full(n, np.nan), sx, sy,
                                               np.zeros(n), 0.0, 0.0, 4.0 + (arrivals[r, 0] - arrivals[0, 0]), C, 0.0,
                                               0.0, 0.1, 0.0, 2.5, 15)
            x.append(xi)
            y.append(yi)
            t0.append(ti + 3600.0 * place)
            cov.append(ci[:2, :2])
            truth.append(source)
            lone.append(rounds == 1)
            times_of.append(times + 3600.0 * place)
            stations_of.append((sx, sy))
    return {"x": np.array(x), "y": np.array(y), "t0": np.array(t0), "cov": np.array(cov), "truth": np.array(truth),
            "lone": np.array(lone), "times": times_of, "stations": stations_of}


def _read_swap(toy: dict, ellipse_scale: float) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    """As ``FusionConfig.crowd_swap_read`` (``events.round_swap_share``, ``events.pick_doubt_covariance``), with the
    toy's nominal covariances times ``ellipse_scale`` as the ellipses before it: rho (``place_scatter_ratio``, 1 km and
    60 s), each pick's variance were it a neighbouring round's arrival (``round_swap_variance``, the rounds located
    within 1 km and 60 s) at the share ``1 - 1 / rho``; the covariances before and after, and whether the truth is
    inside each 95 % ellipse."""
    from truceline.fuse.atmosphere import travel_times

    xs, ys, ts, before = toy["x"], toy["y"], toy["t0"], toy["cov"] * ellipse_scale
    rho = place_scatter_ratio(xs, ys, ts, before, place_km=1.0, place_s=60.0)
    share = max(0.0, 1.0 - 1.0 / rho)
    after = before.copy()
    for i in range(len(ts)):
        sx, sy = toy["stations"][i]
        rounds = np.flatnonzero((np.hypot(xs - xs[i], ys - ys[i]) <= 1.0) & (np.abs(ts - ts[i]) <= 60.0))
        rounds = rounds[rounds != i]
        predicted = np.array([ts[j] + travel_times(sx, sy, xs[j], ys[j], C, 0.0, 0.0) for j in rounds])
        variance = share * round_swap_variance(toy["times"][i], predicted.reshape(len(rounds), len(sx)), window_s=2.2)
        design = event_design(sx, sy, xs[i], ys[i], ts[i], toy["times"][i], (C, 0.0, 0.0), sigma_pick_s=0.1,
                              kappa_model=0.0)
        after[i] += pick_variance_covariance(design, variance)[:2, :2]
    error = toy["truth"] - np.column_stack([xs, ys])
    inside = [np.einsum("ni,ni->n", error, np.linalg.solve(c, error[..., None])[..., 0]) <= 5.991 for c in (before, after)]
    return rho, before, after, np.array(inside)


def test_the_rounds_of_a_crowded_place_are_widened_by_the_share_their_scatter_reads_and_a_lone_round_is_not() -> None:
    """``FusionConfig.crowd_swap_read`` on a seeded toy (``_toy_missions``): the mixtures stray from their place far
    beyond their nominal ellipses (rho 21.4 with this seed), so nearly the whole of each pick's swap variance is
    taken (share 0.953): 179 of the 180 rounds of the missions are widened (one's neighbours predict no arrival within
    2.2 s of its picks) and their ellipses hold 0.906 of their true sources against 0.394 nominal (a little under 0.95:
    the error is a mixture, heavier-tailed than the Gaussian of its covariance). A lone round has no neighbour at its
    place: its ellipse is unchanged. With ellipses 30 times the nominal (as generous
    as `heavy`'s, where the cluster term already holds the crowding) rho is below 1 and nothing is widened."""
    toy = _toy_missions(np.random.default_rng(1))
    lone = toy["lone"]
    rho, before, after, inside = _read_swap(toy, 1.0)
    assert rho > 2.0
    assert inside[0][~lone].mean() < 0.6
    assert inside[1][~lone].mean() >= 0.85
    widened = np.trace(after, axis1=1, axis2=2) > np.trace(before, axis1=1, axis2=2)
    assert widened[~lone].mean() > 0.8
    np.testing.assert_array_equal(after[lone], before[lone])
    rho, before, after, _inside = _read_swap(toy, 30.0)
    assert rho < 1.0
    np.testing.assert_array_equal(after, before)


def test_ellipses_that_know_a_station_clock_is_in_doubt_cover_its_events() -> None:
    """A seeded toy of a station whose clock the calibration under-corrects: its picks are 1.3 s late in every event
    that holds one (4-9 stations). The nominal 95 % ellipses hold too few of the true sources; with the doubt's
    variance (1.3 s squared on that station's pick, ``pick_variance_covariance``, as ``FusionConfig.clock_doubt``
    adds it) they hold 93-100 % (0.45 -> 0.963 with this seed)."""
    def late_clock(rng: np.random.Generator, sx: np.ndarray, sy: np.ndarray,
                   truth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = len(sx)
        late = np.zeros(n)
        late[int(rng.integers(n))] = 1.3
        return _toy_times(sx, sy, truth) + rng.normal(0.0, 0.1, n) + late, late**2

    inside_nominal, inside_doubt = _toy_coverage(np.random.default_rng(12), 4, late_clock)
    assert inside_nominal < 0.85
    assert 0.93 <= inside_doubt <= 1.0


def test_the_pooled_scale_is_the_f_quantile_over_the_chi_square_one_and_never_narrows() -> None:
    """``pooled_scale``: an event fitting as the network does, with many degrees of freedom, keeps its ellipse; with few
    (or a weak prior) its 95 % point is 2 F(2, nu0 + dof) instead of chi-square(2)'s 5.991; one fitting worse widens by
    its pooled misfit, one fitting better does not narrow."""
    from scipy import stats

    scale = pooled_scale(np.array([1.0, 1.0, 3.0, 0.2, 1.0]), np.array([1.0, 1e6, 2.0, 2.0, 0.0]), 10.0)
    assert scale[0] == pytest.approx(2 * stats.f.ppf(0.95, 2, 11) / 5.991464547107979)
    assert scale[1] == pytest.approx(1.0, abs=1e-4)
    assert scale[2] == pytest.approx((10 + 2 * 3.0) / 12 * 2 * stats.f.ppf(0.95, 2, 12) / 5.991464547107979)
    assert scale[3] == pytest.approx(2 * stats.f.ppf(0.95, 2, 12) / 5.991464547107979)
    assert scale[4] == 1.0  # no degree of freedom: the network's scale alone


def test_the_misfit_prior_dof_is_read_from_how_the_events_scales_scatter() -> None:
    """``misfit_prior_dof``: events whose variances scatter about the network's as a scaled inverse chi-square with 8
    degrees of freedom give back about 8; events that all share one variance give a large value."""
    rng = np.random.default_rng(6)
    dof = rng.integers(1, 20, 3000).astype(float)
    variance = 8.0 / rng.chisquare(8.0, 3000)
    ratio = variance * rng.chisquare(dof) / dof
    assert 6.0 < misfit_prior_dof(ratio, dof) < 11.0
    assert misfit_prior_dof(rng.chisquare(dof) / dof, dof) > 200.0
    assert misfit_prior_dof(np.ones(5), np.ones(5)) == 2000.0


def test_ellipses_scaled_by_the_pooled_misfit_cover_events_whose_scales_differ() -> None:
    """A seeded toy of events whose true pick variances scatter about the network's (scaled inverse chi-square, 6
    degrees of freedom) with 1-8 residual degrees of freedom each: the network's scale with chi-square's 95 % point
    covers too few; the pooled scale with the F quantile (and the prior's dof read from the events) covers 94-98.5 %."""
    rng = np.random.default_rng(13)
    n = 4000
    dof = rng.integers(1, 9, n).astype(float)
    variance = 6.0 / rng.chisquare(6.0, n)  # the network's scale is 1
    ratio = variance * rng.chisquare(dof) / dof
    d2 = variance * rng.chisquare(2, n)  # Mahalanobis distance under the network's covariance
    assert np.mean(d2 <= 5.991464547107979) < 0.93
    scale = pooled_scale(ratio, dof, misfit_prior_dof(ratio, dof))
    assert 0.94 <= np.mean(d2 / scale <= 5.991464547107979) <= 0.985
