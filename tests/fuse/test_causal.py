"""The streaming associator's causal calibration: when the model is refitted."""

from __future__ import annotations

import numpy as np

from tests.fuse.synthetic import make_toy
from truceline.fuse import FusionConfig
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.causal import Calibration
from truceline.fuse.engine import CalibrationEvent, Prepared, grid, prepare_arrays
from truceline.fuse.network import Network, build_network


def _events(network, n: int, t0_s: float, rng: np.random.Generator) -> list[CalibrationEvent]:  # noqa: ANN001
    """Events heard by every station within 30 km, wind 4 m/s east and 2 m/s south on 338 m/s."""
    out = []
    for k in range(n):
        x, y = rng.uniform(network.x_km.min(), network.x_km.max()), rng.uniform(-5.0, 5.0)
        near = np.flatnonzero(np.hypot(network.x_km - x, network.y_km - y) < 30.0)
        times = t0_s + k + travel_times(network.x_km[near], network.y_km[near], x, y, 0.338, 0.004, -0.002)
        out.append(CalibrationEvent(x_km=x, y_km=y, t0_s=t0_s + k, tile=0, block=0, stations=near, times_s=times,
                                    baz_deg=np.full(len(near), np.nan), baz_sigma_deg=np.full(len(near), np.nan)))
    return out


def _empty_prep() -> tuple[Network, FusionConfig, Prepared]:
    """The toy network, the default config and arrays prepared with no picks (what ``Calibration.refit`` needs)."""
    toy = make_toy(seed=22, n_events=1, clutter_per_station=0, duration_s=600.0)
    network, config = build_network(toy.stations), FusionConfig()
    prep = prepare_arrays(network, grid(network, config), config, np.zeros(0, dtype=object), np.zeros(0),
                          np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0), block_origin_s=0.0)
    return network, config, prep


def test_a_young_model_is_refitted_as_soon_as_half_as_many_new_events_have_come() -> None:
    network, config, prep = _empty_prep()
    rng = np.random.default_rng(5)
    first, second = _events(network, 20, 0.0, rng), _events(network, 15, 60.0, rng)
    schedules = {}
    for young in (0, 100):
        calibration = Calibration(config, 300.0, young_events=young)
        calibration.remember(first)
        assert calibration.refit(prep, 60.0) is not None and calibration.size == 20
        calibration.remember(second[:9])
        assert calibration.refit(prep, 120.0) is None  # fewer new events than 15 (and than half the fit's)
        calibration.remember(second[9:])
        schedules[young] = [calibration.refit(prep, 120.0) is not None, calibration.size]
        if young == 0:  # at most every calibrate_every_s once it is not young
            assert calibration.refit(prep, 359.0) is None
            assert calibration.refit(prep, 360.0) is not None and calibration.size == 35
    assert schedules == {0: [False, 20], 100: [True, 35]}
    # the refit with the new events finds the wind
    calibration = Calibration(config, 300.0, young_events=100)
    calibration.remember(first + second)
    fitted = calibration.refit(prep, 120.0)
    assert fitted is not None
    np.testing.assert_allclose(fitted[0][0, 0], [0.338, 0.004, -0.002], atol=2e-4)


def test_until_calibrated_the_model_may_be_refitted_as_soon_as_the_history_holds_enough_events() -> None:
    network, config, prep = _empty_prep()
    rng = np.random.default_rng(6)
    first, more = _events(network, 15, 0.0, rng), _events(network, 10, 60.0, rng)
    sizes = {}
    for first_events in (0, 20):
        calibration = Calibration(config, 300.0, first_events=first_events)
        calibration.remember(first)
        assert calibration.refit(prep, 60.0) is not None and calibration.size == 15  # 15 new events: a fit
        calibration.remember(more[:4])
        assert calibration.refit(prep, 120.0) is None  # 19 in the history: not yet
        calibration.remember(more[4:5])
        sizes[first_events] = [calibration.refit(prep, 120.0) is not None, calibration.size]
        calibration.remember(more[5:])
        # once fitted to as many, the usual schedule: 15 new events, at most every calibrate_every_s
        assert calibration.refit(prep, 130.0) is None
    # without: 5 new events and 60 s since the last fit are not enough, and the model stays fitted to 15
    assert sizes == {0: [False, 15], 20: [True, 20]}
