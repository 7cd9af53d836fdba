"""Session 26, level26: the level model's "any event" density from the confident pairs' events only
(``PairingConfig.level_density_events="sure"``, :mod:`truceline.attribute.level_inputs`).

On violation seed 11 the 11 unpaired clutter events that the fusion's ``storm_cells`` drops move the level model learned
from the run (through the density of every event's level and its bandwidth, not through any pair) and flip one mission's
pairing hours away. With the density taken from the confident pairs' events, unpaired events that are not fire no longer
reach the model; by default ("all") they do."""

from __future__ import annotations

import numpy as np
import pytest
from attribute_world import T0, lon_at_km, mortar_and_gun_rows

from truceline.attribute.acoustics import LevelModel, SourceLevels, fit_level_model
from truceline.attribute.level_inputs import level_fit_input
from truceline.attribute.pairing import PairingConfig, pair_events

CLUTTER_DB = (102.0, 103.5, 104.0, 106.5, 107.0, 108.5, 109.0, 110.5, 111.0, 112.0, 103.0)


def _same_model(a: LevelModel | None, b: LevelModel | None) -> bool:
    assert a is not None and b is not None
    return (np.allclose(a.launch_db, b.launch_db, equal_nan=True) and np.allclose(a.impact_db, b.impact_db, equal_nan=True)
            and np.allclose(a.sigma_db, b.sigma_db, equal_nan=True) and a.bandwidth_db == b.bandwidth_db
            and np.array_equal(np.sort(a.all_levels_db), np.sort(b.all_levels_db)))


def test_only_the_sure_pairs_events_keep_their_levels() -> None:
    level = np.array([100.0, 111.0, 115.0, 116.0, 105.0, 99.0])
    launch, impact = np.array([0, 2, 5]), np.array([1, 3, 4])
    sure = np.array([True, True, False])
    assert np.array_equal(level_fit_input(level, launch, impact, sure, "all"), level)
    kept = level_fit_input(level, launch, impact, sure, "sure")
    assert np.array_equal(kept[:4], level[:4]) and np.isnan(kept[4:]).all()
    with pytest.raises(ValueError):
        level_fit_input(level, launch, impact, sure, "paired")


def test_unpaired_clutter_moves_the_fit_by_default_but_not_from_the_sure_pairs() -> None:
    """Forty confident pairs (mortar 100 / 111 dB, gun 115 / 115.5 dB) and eleven unpaired clutter events at 102-112 dB
    (a storm's, in no pair): by default the clutter enters the "any event" density and its bandwidth and the intruder
    weights of the fit; from the sure pairs' events the model is the same with the clutter as without it."""
    rng = np.random.default_rng(26)
    mortar = np.column_stack([100.0 + rng.normal(0, 1.0, 16), 111.0 + rng.normal(0, 1.0, 16)])
    gun = np.column_stack([115.0 + rng.normal(0, 1.5, 24), 115.5 + rng.normal(0, 1.5, 24)])
    pairs = np.concatenate([mortar, gun]).ravel()
    launch, impact = np.arange(0, 80, 2), np.arange(1, 80, 2)
    classes = np.vstack([np.tile([0.9, 0.1, 0.0], (16, 1)), np.tile([0.0, 0.6, 0.4], (24, 1))])
    sure = np.ones(40, dtype=bool)
    with_clutter = np.concatenate([pairs, CLUTTER_DB])

    def fit(level: np.ndarray, events: str) -> LevelModel | None:
        return fit_level_model(level_fit_input(level, launch, impact, sure, events), launch, impact, sure, classes)

    assert not _same_model(fit(pairs, "all"), fit(with_clutter, "all"))
    assert _same_model(fit(pairs, "sure"), fit(with_clutter, "sure"))
    # The pairs' levels are the classes' either way: only the density differs.
    sure_model, all_model = fit(with_clutter, "sure"), fit(with_clutter, "all")
    assert sure_model is not None and all_model is not None
    assert sure_model.all_levels_db.size == 80 and all_model.all_levels_db.size == 91
    assert abs(sure_model.launch_db[0] - 100.0) < 1.0 and abs(sure_model.impact_db[0] - 111.0) < 1.0


def test_the_pairing_is_blind_to_unpaired_clutter_with_the_sure_pairs_density() -> None:
    """End to end (:func:`pair_events` with levels): eight mortar and twelve gun pairs teach the levels; eleven clutter
    events an hour apart, 30 km behind RU's side of the line (no pair fits them), are added. With the default density the
    learned model moves; from the sure pairs' events it is the same, and so is every original event's pairing and role."""
    rows = mortar_and_gun_rows()
    clutter = [(60 * 3600.0 + k * 3600.0, 30.0, db) for k, db in enumerate(CLUTTER_DB)]

    def run(table: list[tuple[float, float, float]], config: PairingConfig) -> tuple[LevelModel | None, np.ndarray, np.ndarray]:
        n = len(table)
        km = np.array([r[1] for r in table])
        time_s, lat, lon = T0 + np.array([r[0] for r in table]), np.full(n, 48.0), np.array([lon_at_km(x) for x in km])
        loud = np.array([2.0, 4.0, 6.0, 9.0, 12.0, 15.0])
        levels = SourceLevels(level_db=np.array([r[2] for r in table]), level_sigma_db=np.full(n, 1.5),
                              margins_db=tuple(loud for _ in range(n)), attenuation_db_per_km=0.77, detection_snr_db=0.0)
        result = pair_events(time_s, lat, lon, np.full(n, 0.3), np.full(n, 100.0), np.where(km < 0, "UA", "RU"), np.ones(n),
                             config, line_distance_m=km * 1000.0, levels=levels)
        return result.level_model, result.partner, result.p_impact

    n = len(rows)
    default, sure = PairingConfig(), PairingConfig(level_density_events="sure")
    base_all, with_all = run(rows, default), run(rows + clutter, default)
    base_sure, with_sure = run(rows, sure), run(rows + clutter, sure)
    assert not _same_model(base_all[0], with_all[0])
    assert _same_model(base_sure[0], with_sure[0])
    assert np.array_equal(base_sure[1], with_sure[1][:n]) and (with_sure[1][n:] < 0).all()
    assert np.allclose(base_sure[2], with_sure[2][:n], atol=1e-12)
    assert (base_sure[1] >= 0).sum() == 40  # all twenty pairs found
