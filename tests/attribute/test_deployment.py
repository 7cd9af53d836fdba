"""Each weapon class's deployment depth learned from the run (``PairingConfig.deployment_learned``,
:mod:`truceline.attribute.deployment`): a detonation 2 km behind the line, read as a gun's launch of an impact across it,
stands shallower than any launch the run's guns fired from (issue #4, class II: violation seed 13 fused E000039, a UA
mortar bomb 1.18 km inside RU's area paired as a RU gun's launch, while RU's guns fired from 2.8 km and deeper)."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.deployment import depth_bounds_per_event, learned_depth_bounds, physics_depth_bounds, weighted_quantile
from truceline.attribute.pairing import PairingConfig, pair_events
from truceline.attribute.physics import ENVELOPES, flight_costs

from attribute_world import lon_at_km

KM = 1 / 111.2
TUBE = [e.name for e in ENVELOPES].index("tube_artillery")
ROCKET = [e.name for e in ENVELOPES].index("rocket_artillery")
MORTAR = [e.name for e in ENVELOPES].index("mortar")


def test_weighted_quantile_by_hand() -> None:
    values = np.array([5.0, 1.0, 3.0, 2.0])
    weights = np.array([1.0, 1.0, 1.0, 1.0])
    assert weighted_quantile(values, weights, 0.25) == 1.0
    assert weighted_quantile(values, weights, 0.26) == 2.0
    # A weight moves the quantile: the 1-km value weighs almost nothing.
    assert weighted_quantile(values, np.array([1.0, 0.01, 1.0, 1.0]), 0.01) == 2.0


def test_learned_least_depth_per_class_by_hand() -> None:
    # 30 launches 4-7 km behind the line, all tube artillery by their class; the 1 % quantile is the shallowest, 4 km.
    depth = np.concatenate([np.linspace(4_000.0, 7_000.0, 30), [-1_000.0]])  # signed: the last one is on the other side
    launch = np.arange(30, dtype=np.int64)
    classes = np.zeros((30, len(ENVELOPES)))
    classes[:, TUBE] = 1.0
    bounds, weight = learned_depth_bounds(depth, launch, classes, quantile=0.01, min_weight=20.0)
    physics = physics_depth_bounds()
    assert weight[TUBE] == pytest.approx(30.0) and weight[ROCKET] == 0.0
    assert bounds[TUBE, 0] == pytest.approx(4_000.0)
    assert bounds[TUBE, 1] == physics[TUBE, 1]  # the greatest depth stays physics'
    assert np.array_equal(bounds[[MORTAR, ROCKET]], physics[[MORTAR, ROCKET]])  # too few: physics'
    # Fewer than min_weight: physics' bounds.
    few, _ = learned_depth_bounds(depth, launch[:10], classes[:10], quantile=0.01, min_weight=20.0)
    assert np.array_equal(few, physics)
    # Kept inside physics: a learned least depth below physics' least is physics'.
    shallow, _ = learned_depth_bounds(depth * 0.1, launch, classes, quantile=0.01, min_weight=20.0)
    assert shallow[TUBE, 0] == physics[TUBE, 0]


def test_each_event_judged_by_the_bounds_learned_without_its_deployment() -> None:
    # 25 gun launches 4-7 km behind the line, one every 600 s, 10 km apart; then two launches 2.5 km behind the line 2 s
    # and 300 m apart (one deployment), and an event (no launch) beside them. The 1 % bound of all is 2.5 km; the two
    # shallow launches and their neighbour are judged without the deployment (4 km); the others by all (2.5 km).
    depth = np.concatenate([np.linspace(4_000.0, 7_000.0, 25), [2_500.0, 2_500.0, 2_500.0]])
    time_s = np.concatenate([np.arange(25) * 600.0, [20_000.0, 20_002.0, 20_030.0]])
    lat = 48.0 + np.concatenate([np.arange(25) * 10.0, [300.0, 300.3, 300.1]]) * KM
    lon = np.full(28, lon_at_km(-5.0))
    launch = np.arange(27, dtype=np.int64)
    classes = np.zeros((27, len(ENVELOPES)))
    classes[:, TUBE] = 1.0
    bounds, per_event = depth_bounds_per_event(depth, launch, classes, time_s, lat, lon, quantile=0.01, min_weight=20.0,
                                               radius_m=1_500.0, window_s=180.0)
    assert per_event.shape == (28, len(ENVELOPES), 2)
    assert bounds[TUBE, 0] == pytest.approx(2_500.0)
    assert per_event[[25, 26, 27], TUBE, 0] == pytest.approx([4_000.0] * 3)
    assert per_event[0, TUBE, 0] == pytest.approx(2_500.0)
    assert np.array_equal(per_event[:, MORTAR], np.broadcast_to(physics_depth_bounds()[MORTAR], (28, 2)))


def test_flight_costs_with_learned_bounds() -> None:
    # A 14-km, 41-s flight from 2.2 km behind the line: inside physics' gun deployment (2-20 km), 1.8 km short of a learned 4 km.
    args = (np.array([14_000.0]), np.array([41.0]), np.array([150.0]), np.array([0.5]), np.array([2_200.0]), np.array([100.0]))
    physics = flight_costs(*args)
    bounds = physics_depth_bounds()
    bounds[TUBE, 0] = 4_000.0
    learned = flight_costs(*args, depth_bounds_m=bounds)
    assert learned[0, TUBE] == pytest.approx(physics[0, TUBE] + (1_800.0 / 400.0) ** 2)
    assert learned[0, ROCKET] == pytest.approx(physics[0, ROCKET])
    assert np.array_equal(flight_costs(*args, depth_bounds_m=physics_depth_bounds()), physics)
    # Per pair: the same with one row of bounds per pair.
    assert np.array_equal(flight_costs(*args, depth_bounds_m=bounds[None]), learned)


def _world() -> tuple[np.ndarray, ...]:
    """24 gun pairs of one side, launches 5-8 km behind the line (x < 0), impacts 7 km beyond it, 14 km and 41 s apart,
    one every 300 s; then one detonation 2.2 km behind the line (a round of the other side's fire) whose time and place
    fit a gun's flight to an impact 11.8 km beyond the line as well as the guns' own pairs."""
    n_pairs = 24
    launch_x = -np.linspace(5.0, 8.0, n_pairs)
    impact_x = launch_x + 14.0
    t0 = np.arange(n_pairs) * 300.0
    y = np.linspace(0.0, 40.0, n_pairs)
    xs = np.concatenate([launch_x, impact_x, [-2.2, 11.8]])
    ys = np.concatenate([y, y, [60.0, 60.0]])
    ts = np.concatenate([t0, t0 + 41.0, [n_pairs * 300.0, n_pairs * 300.0 + 41.0]])
    lat = 48.0 + ys * KM
    lon = np.array([lon_at_km(v) for v in xs])
    return ts, lat, lon, xs


def _pairing(on: bool):
    ts, lat, lon, xs = _world()
    n = ts.size
    return pair_events(ts, lat, lon, np.full(n, 0.3), np.full(n, 100.0), np.where(xs < 0, "UA", "RU"), np.ones(n),
                       line_distance_m=xs * 1000.0, config=PairingConfig(deployment_learned=on, deployment_min_weight=8.0))


def test_a_launch_shallower_than_the_runs_guns_loses_its_pair() -> None:
    off, on = _pairing(False), _pairing(True)
    shallow = off.partner.size - 2
    # By physics the detonation 2.2 km behind the line is a gun's launch like the others.
    assert off.partner[shallow] == shallow + 1 and off.kind[shallow] == "launch"
    assert off.depth_bounds_m is None
    # Learned: the shallow pair is among the first pairing's confident ones, so the bounds of all its confident launches
    # go down to it (the pairs' flights fit guns and rocket launchers about equally: each class weighs about 12 pairs);
    # but it is judged by the bounds learned without it: the guns fire from 5 km and deeper, the pair costs at least
    # (2.8 km / 0.4 km)^2 more and is not made.
    assert on.depth_bounds_m is not None
    assert on.depth_bounds_m[TUBE, 0] == pytest.approx(2_200.0, abs=50.0)
    assert on.partner[shallow] == -1 and on.partner[shallow + 1] == -1
    # The guns' own pairs are kept as they were.
    assert np.array_equal(on.partner[:-2], off.partner[:-2])
    assert np.allclose(on.p_kind[:-2], off.p_kind[:-2], atol=1e-6)
