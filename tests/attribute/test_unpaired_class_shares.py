"""Session 21, attrib21: an unpaired event's class prior is the classes' share of the rounds fired, not of the pairs.

The level model learns each class's share from the confident pairs. A class whose launches are seldom located (a
mortar: its launch ~10 dB below its bomb's detonation) is rare among the pairs for that reason alone and common among
the events left unpaired, so as the prior of an unpaired event's class the pairs' share undercounts the very class whose
impacts lose their launches. ``unpaired_class_shares`` counts the pairs by their time-of-flight class and every unpaired
event by what its level says (EM, the classes' levels fixed, each role weighed by the chance that its partner went
unlocated)."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import LevelModel, unpaired_class_shares, unpaired_impact_odds
from truceline.attribute.pairing import PairingConfig

KWARGS = dict(min_stations=4, silent_launch_share=0.1, partner_elsewhere=0.05)
MARGINS = np.array([12.0, 10.0, 8.0, 6.0, 5.0, 3.0])  # six stations heard it, some by a wide margin


def _model(mortar_weight: float = 0.05) -> LevelModel:
    """Mortar (launch 100, impact 110.5 dB) and gun (launch 115, impact 116 dB) learned; the mortar 5 % of the pairs."""
    rng = np.random.default_rng(21)
    return LevelModel(has_class=np.array([True, True, False]), launch_db=np.array([100.0, 115.0, np.nan]),
                      impact_db=np.array([110.5, 116.0, np.nan]), sigma_db=np.array([2.0, 2.2, np.nan]),
                      weight=np.array([mortar_weight, 0.9 - mortar_weight, 0.0]), unmodelled_share=0.1,
                      all_levels_db=np.concatenate([rng.normal(115.5, 2.0, 80), rng.normal(110.5, 2.0, 20), rng.normal(97.0, 1.5, 10)]),
                      bandwidth_db=1.5)


def _events(levels: list[float]) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    return np.array(levels), np.full(len(levels), 1.5), [MARGINS.copy() for _ in levels]


def test_mortar_detonations_left_unpaired_raise_the_mortars_share() -> None:
    model = _model()
    level, sigma, margins = _events([110.0, 111.0, 109.5, 110.5, 112.0, 108.5, 110.0, 111.5])
    pairs = np.array([2.0, 38.0, 0.0])  # 40 pairs: 2 mortar, 38 gun by time of flight
    fitted = unpaired_class_shares(model, level, sigma, margins, np.arange(level.size), pairs, **KWARGS)  # type: ignore[arg-type]
    assert fitted is not None
    # 8 detonations of a class whose launches go unheard: the mortar's share of the rounds is about (2 + 8) / 48.
    assert 0.15 < fitted.weight[0] < 0.25 and fitted.weight[1] < model.weight[1]
    assert abs(float(fitted.weight.sum()) - float(model.weight.sum())) < 1e-9  # the modelled total is kept
    assert fitted.unmodelled_share == model.unmodelled_share
    assert np.array_equal(fitted.launch_db, model.launch_db, equal_nan=True)  # levels untouched
    # An unpaired 110.5 dB event: likelier a mortar bomb's detonation than before.
    before = unpaired_impact_odds(model, 110.5, 1.5, MARGINS, **KWARGS)  # type: ignore[arg-type]
    after = unpaired_impact_odds(fitted, 110.5, 1.5, MARGINS, **KWARGS)  # type: ignore[arg-type]
    assert after > 1.5 * before


def test_the_pairs_anchor_the_shares() -> None:
    """Guns' launches left unpaired (their impacts outside the network) do not make every unpaired event a gun's."""
    model = _model()
    level, sigma, margins = _events([115.0, 114.5, 116.0])
    pairs = np.array([2.0, 38.0, 0.0])
    fitted = unpaired_class_shares(model, level, sigma, margins, np.arange(level.size), pairs, **KWARGS)  # type: ignore[arg-type]
    assert fitted is not None
    # 3 gun events against 40 pairs: the mortar's share falls a little, not to nothing.
    assert 0.02 < fitted.weight[0] < model.weight[0]


def test_nothing_to_fit_leaves_the_model() -> None:
    model = _model()
    level, sigma, margins = _events([110.0])
    same = unpaired_class_shares(model, level, sigma, margins, np.zeros(0, dtype=np.intp), np.array([2.0, 38.0, 0.0]), **KWARGS)  # type: ignore[arg-type]
    assert same is model
    unknown = unpaired_class_shares(model, np.array([np.nan]), sigma, margins, np.arange(1), np.array([2.0, 38.0, 0.0]), **KWARGS)  # type: ignore[arg-type]
    assert unknown is model
    assert unpaired_class_shares(None, level, sigma, margins, np.arange(1), np.zeros(3), **KWARGS) is None  # type: ignore[arg-type]


def test_the_silent_share_is_fitted_from_the_unpaired_events_alone() -> None:
    """Quiet detonations no class's level explains (drone-dropped munitions) raise the share of silent launches."""
    model = _model()
    level, sigma, margins = _events([96.0, 97.0, 95.5, 98.0, 96.5, 97.5])
    silent = [0.1]
    fitted = unpaired_class_shares(model, level, sigma, margins, np.arange(level.size), np.array([2.0, 38.0, 0.0]),
                                   silent=silent, **KWARGS)  # type: ignore[arg-type]
    assert fitted is not None and silent[0] > 0.1
    # Read as silent rounds, they no longer count for the mortar's launch as much as without the silent share fitted.
    alone = unpaired_class_shares(model, level, sigma, margins, np.arange(level.size), np.array([2.0, 38.0, 0.0]), **KWARGS)  # type: ignore[arg-type]
    assert alone is not None and fitted.weight[0] < alone.weight[0]


def test_off_by_default() -> None:
    config = PairingConfig()
    assert config.unpaired_class_shares is False and config.unpaired_silent_share is False


def test_the_pairings_unpaired_mortar_impacts_are_likelier_impacts_with_the_rounds_shares() -> None:
    """In test_unpaired_levels' world (guns' and mortars' pairs, and each hour a mission of three mortar impacts whose
    launches went unheard): with the option the unpaired detonations' class prior is the rounds' and their impact role
    rises; the reason says the shares."""
    from test_unpaired_levels import MODEL, _world

    from truceline.attribute.pairing import _paired, with_levels, candidate_pairs

    def pairing(config: PairingConfig) -> tuple[object, np.ndarray]:
        n, (time_s, lat, lon, side, p_side, sigma), levels = _world(108.0)
        base = candidate_pairs(time_s, lat, lon, np.full(n, 0.3), sigma, side, p_side, config)
        heads, tails, cost, class_costs = with_levels(base, levels, MODEL, config)
        result = _paired(n, heads, tails, cost, class_costs, config, time_s=time_s, lat=lat, lon=lon, levels=levels, model=MODEL,
                         sigma_m=sigma)
        return result, levels.level_db

    off, level = pairing(PairingConfig())
    on, _ = pairing(PairingConfig(unpaired_class_shares=True))
    lone = [i for i in range(level.size) if off.partner[i] < 0 and on.partner[i] < 0 and 109.5 < level[i] < 111.5]  # type: ignore[attr-defined]
    assert len(lone) >= 6
    assert all(on.p_impact[i] > off.p_impact[i] for i in lone)  # type: ignore[attr-defined]
    assert all("shares of the rounds fired" in on.reason[i] and "mortar" in on.reason[i] for i in lone)  # type: ignore[attr-defined]
    assert all("shares of the rounds fired" not in r for r in off.reason)  # type: ignore[attr-defined]
    # Paired events keep their roles.
    paired = [i for i in range(level.size) if off.partner[i] >= 0]  # type: ignore[attr-defined]
    assert np.array_equal(on.partner[paired], off.partner[paired])  # type: ignore[attr-defined]
    # The silent share alone: the pairs' class shares stay, the reason names the fitted share instead.
    silent, _ = pairing(PairingConfig(unpaired_silent_share=True))
    assert all("makes no sound, from the unpaired events' levels" in silent.reason[i] for i in lone)  # type: ignore[attr-defined]
    assert all("shares of the rounds fired" not in r for r in silent.reason)  # type: ignore[attr-defined]
    both, _ = pairing(PairingConfig(unpaired_class_shares=True, unpaired_silent_share=True))
    assert all("silent launches" in both.reason[i] for i in lone)  # type: ignore[attr-defined]
