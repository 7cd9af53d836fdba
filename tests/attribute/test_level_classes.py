"""Session 9, attr9: the level model's classes where time of flight cannot tell them apart, and a launch's depth.

(1) Tube and rocket artillery share their time-of-flight envelopes at 8-35 km: each of their pairs is half the one's, half
the other's, so both classes were fitted on the same pairs and got the same levels — the guns' mostly (on ``violation`` a
front fires about four guns for each launcher), so a rocket's launch, quieter than its warhead, read as no class's launch.
(2) A run whose mortar pairs are one salvo (four pairs) kept no mortar class. (3) A level is read as a class's launch only as
far as the event's depth behind the line fits where that class deploys."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import fit_level_model, unpaired_impact_odds

GUN_ROCKET = [0.0, 0.5, 0.5]  # time of flight at 8-35 km: no mortar, half a gun's, half a launcher's


def _guns_and_rockets(rng: np.random.Generator, guns: int = 60, rockets: int = 15) -> tuple[np.ndarray, ...]:
    gun = np.column_stack([118.0 + rng.normal(0, 2.0, guns), 118.0 + rng.normal(0, 2.0, guns)])
    rocket = np.column_stack([112.5 + rng.normal(0, 2.0, rockets), 116.5 + rng.normal(0, 2.0, rockets)])
    level = np.concatenate([gun, rocket]).ravel()
    n = guns + rockets
    return level, np.arange(0, 2 * n, 2), np.arange(1, 2 * n, 2), np.ones(n, dtype=bool), np.tile(GUN_ROCKET, (n, 1))


def test_guns_and_rocket_launchers_time_of_flight_shares_are_split_by_their_levels() -> None:
    level, launch, impact, sure, classes = _guns_and_rockets(np.random.default_rng(9))
    shared = fit_level_model(level, launch, impact, sure, classes, compete_classes=True, provisional_share=0.5)
    split = fit_level_model(level, launch, impact, sure, classes, compete_classes=True, provisional_share=0.5, split_shared=True)
    assert shared is not None and split is not None
    # Before: one fit for both, the guns' (a 112 dB rocket launch is 3 spreads below it).
    assert abs(shared.launch_db[1] - shared.launch_db[2]) < 0.5 and shared.launch_db[2] > 116.5
    # Split: the launcher's launch level near its own, the gun's near its own; their impacts within a few dB.
    assert split.has_class[1] and split.has_class[2]
    assert abs(split.launch_db[2] - 112.5) < 2.0 and abs(split.launch_db[1] - 118.0) < 1.0
    assert split.launch_db[1] - split.launch_db[2] > 3.5


def test_one_weapon_is_not_split_into_two() -> None:
    """Guns only: the rocket class cannot gather the pairs it needs from levels that fit the guns; the shared fit stands."""
    rng = np.random.default_rng(4)
    level, launch, impact, sure, classes = _guns_and_rockets(rng, guns=60, rockets=0)
    shared = fit_level_model(level, launch, impact, sure, classes, compete_classes=True, provisional_share=0.5)
    split = fit_level_model(level, launch, impact, sure, classes, compete_classes=True, provisional_share=0.5, split_shared=True)
    assert shared is not None and split is not None
    assert np.allclose(split.launch_db, shared.launch_db, equal_nan=True) and np.allclose(split.impact_db, shared.impact_db, equal_nan=True)


def test_a_mortar_class_of_one_salvo_is_kept_with_provisional_keep() -> None:
    """Four mortar pairs (one salvo: 99.5 / 110.5 dB) at half a gun's time of flight, and gun pairs: by default the
    provisional mortar class needs six pairs' weight and is dropped; with ``provisional_keep=3`` it is kept."""
    rng = np.random.default_rng(8)
    mortar = np.column_stack([99.5 + rng.normal(0, 1.0, 4), 110.5 + rng.normal(0, 1.0, 4)])
    guns = np.column_stack([117.0 + rng.normal(0, 2.0, 30), 117.0 + rng.normal(0, 2.0, 30)])
    level = np.concatenate([mortar, guns]).ravel()
    launch, impact = np.arange(0, 68, 2), np.arange(1, 68, 2)
    classes = np.vstack([np.tile([0.8, 0.2, 0.0], (4, 1)), np.tile([0.0, 0.55, 0.45], (30, 1))])
    sure = np.ones(34, dtype=bool)
    dropped = fit_level_model(level, launch, impact, sure, classes, compete_classes=True, provisional_share=0.5)
    kept = fit_level_model(level, launch, impact, sure, classes, compete_classes=True, provisional_share=0.5, provisional_keep=3.0)
    assert dropped is not None and kept is not None
    assert not dropped.has_class[0]
    assert kept.has_class[0] and abs(kept.launch_db[0] - 99.5) < 1.5 and abs(kept.impact_db[0] - 110.5) < 1.5


def test_a_level_near_the_line_is_no_launch_of_a_weapon_that_deploys_further_back() -> None:
    """A 112.5 dB event with no partner: a rocket launch (learned at 112.5 dB) or an impact (a mortar's at 110.5 dB, a
    launcher's at 116.5). Rocket launchers stand 3 km behind the line or more, guns 2 km: 1.5 km from the line the launch
    readings go and it is much likelier an impact; 8 km back the depth changes (next to) nothing."""
    rng = np.random.default_rng(9)
    level, launch, impact, sure, classes = _guns_and_rockets(rng)
    mortar = np.column_stack([99.5 + rng.normal(0, 1.0, 10), 110.5 + rng.normal(0, 1.5, 10)]).ravel()
    level = np.concatenate([level, mortar])
    n = launch.size
    launch, impact = np.concatenate([launch, 2 * n + np.arange(0, 20, 2)]), np.concatenate([impact, 2 * n + np.arange(1, 20, 2)])
    classes = np.vstack([classes, np.tile([1.0, 0.0, 0.0], (10, 1))])
    model = fit_level_model(level, launch, impact, np.ones(n + 10, dtype=bool), classes, split_shared=True)
    assert model is not None and model.has_class.all()
    margins = np.array([2.0, 4.0, 6.0, 9.0, 12.0, 15.0])
    kwargs = {"min_stations": 4, "silent_launch_share": 0.1, "partner_elsewhere": 0.05}
    anywhere = unpaired_impact_odds(model, 112.5, 1.0, margins, **kwargs)  # type: ignore[arg-type]
    deep = unpaired_impact_odds(model, 112.5, 1.0, margins, launch_depth_m=np.array([8_000.0]), depth_sigma_m=np.array([200.0]), **kwargs)  # type: ignore[arg-type]
    near = unpaired_impact_odds(model, 112.5, 1.0, margins, launch_depth_m=np.array([1_500.0]), depth_sigma_m=np.array([200.0]), **kwargs)  # type: ignore[arg-type]
    assert abs(np.log(deep) - np.log(anywhere)) < 1e-6
    assert near > 3.0 * anywhere


def test_the_pairing_reads_an_unpaired_events_level_with_its_depth() -> None:
    """End to end (:func:`pair_events`, ``launch_depth_levels``): mortar pairs (100 / 111 dB, launched 2.5 km back) and gun
    pairs (115 dB, 10 km back) teach the levels; a lone 114 dB event, a gun's launch level, is read as a gun's launch
    10 km behind the line either way, but 1 km from the line (guns stand 2 km back or more) only without the depth."""
    from attribute_world import T0, lon_at_km, mortar_and_gun_rows

    from truceline.attribute.acoustics import SourceLevels
    from truceline.attribute.pairing import PairingConfig, pair_events

    rows = mortar_and_gun_rows()  # (time, km east of the line, level)
    rows += [(40 * 3600.0, -1.0, 114.0), (44 * 3600.0, -10.0, 114.0)]  # the lone events: near the line, and deep
    n = len(rows)
    km = np.array([r[1] for r in rows])
    time_s, lat, lon = T0 + np.array([r[0] for r in rows]), np.full(n, 48.0), np.array([lon_at_km(x) for x in km])
    loud = np.array([2.0, 4.0, 6.0, 9.0, 12.0, 15.0])
    levels = SourceLevels(level_db=np.array([r[2] for r in rows]), level_sigma_db=np.full(n, 1.5), margins_db=tuple(loud for _ in range(n)),
                          attenuation_db_per_km=0.77, detection_snr_db=0.0)
    args = (time_s, lat, lon, np.full(n, 0.3), np.full(n, 100.0), np.where(km < 0, "UA", "RU"), np.ones(n))
    off = pair_events(*args, PairingConfig(), line_distance_m=km * 1000.0, levels=levels)
    on = pair_events(*args, PairingConfig(launch_depth_levels=True), line_distance_m=km * 1000.0, levels=levels)
    near, deep = n - 2, n - 1
    assert off.partner[near] < 0 and on.partner[near] < 0 and off.partner[deep] < 0
    assert abs(on.p_impact[deep] - off.p_impact[deep]) < 1e-3  # 10 km back a gun stands: nothing changes
    odds = lambda p: p / (1.0 - p)  # noqa: E731
    assert odds(on.p_impact[near]) > 2.0 * odds(off.p_impact[near])  # 1 km from the line no gun stands: likelier an impact
    assert (on.partner == off.partner).all()
