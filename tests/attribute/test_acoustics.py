"""Source levels from pick amplitudes, and their use as evidence of launch and impact (hand-made worlds)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from truceline.attribute.acoustics import fit_level_model, pair_level_penalty, partner_located_probability, source_levels, unpaired_impact_odds
from truceline.attribute.attribution import attribute_events
from truceline.geo.areas import Areas

from attribute_world import T0, events_table, lon_at_km

NOISE_DB = 55.0  # every station's noise floor, dB re 20 uPa


def make_stations() -> pa.Table:
    ids, lats, lons = [], [], []
    for i, km in enumerate(np.arange(-40.0, 40.1, 8.0)):
        for j, lat in enumerate(np.arange(47.7, 48.31, 0.075)):
            ids.append(f"S{i:02d}{j:02d}")
            lats.append(float(lat))
            lons.append(float(lon_at_km(float(km))))
    return pa.table({"station_id": ids, "lat": lats, "lon": lons})


def make_picks(events: list[tuple[str, float, float, float]], levels_db: dict[str, float], stations: pa.Table, *,
               attenuation_db_per_km: float = 0.8, scatter_db: float = 2.0, seed: int = 3) -> tuple[pa.Table, pa.Table]:
    """Picks (amplitude, snr) and assignments of every station that hears each event: spherical spreading,
    linear attenuation, Gaussian scatter; heard when the SNR exceeds 12 dB."""
    rng = np.random.default_rng(seed)
    s_lat = np.asarray(stations["lat"].to_pylist())
    s_lon = np.asarray(stations["lon"].to_pylist())
    s_id = stations["station_id"].to_pylist()
    rows: list[tuple[str, str, float, float, float, str]] = []
    for event_id, time_s, lat, lon in events:
        north = (s_lat - lat) * 111.2
        east = (s_lon - lon) * 111.32 * np.cos(np.radians(48.0))
        d_km = np.maximum(np.hypot(north, east), 0.1)
        level = levels_db[event_id] - 20.0 * np.log10(d_km) - attenuation_db_per_km * (d_km - 1.0) + rng.normal(0.0, scatter_db, d_km.size)
        for k in np.flatnonzero(level - NOISE_DB > 12.0):
            rows.append((f"{event_id}-{s_id[k]}", s_id[k], time_s + d_km[k] / 0.34, 2e-5 * 10.0 ** (level[k] / 20.0),
                         10.0 ** ((level[k] - NOISE_DB) / 20.0), event_id))
    picks = pa.table({"pick_id": [r[0] for r in rows], "station_id": [r[1] for r in rows], "time": [r[2] for r in rows],
                      "amplitude": [r[3] for r in rows], "snr": [r[4] for r in rows]})
    assignments = pa.table({"pick_id": [r[0] for r in rows], "event_id": [r[5] for r in rows], "residual_s": [0.0] * len(rows)})
    return picks, assignments


def mortar_missions(n: int = 10) -> tuple[list[tuple[str, float, float, float]], dict[str, float]]:
    """``n`` mortar rounds across the line (UA 3 km west, RU 3 km east, 40 s of flight): quiet launch, loud impact."""
    rows, levels = [], {}
    for k in range(n):
        t = T0 + 1200.0 * k
        lat = 47.85 + 0.03 * k
        west, east = lon_at_km(-3.0), lon_at_km(3.0)
        launch_lon, impact_lon = (west, east) if k % 2 == 0 else (east, west)
        rows += [(f"L{k}", t, lat, launch_lon), (f"I{k}", t + 40.0, lat + 0.002, impact_lon)]
        levels[f"L{k}"], levels[f"I{k}"] = 100.0 + (k % 3 - 1), 112.0 + (k % 2)
    return rows, levels


def test_source_levels_recover_level_and_attenuation() -> None:
    stations = make_stations()
    rows = [(f"E{k}", T0 + 100.0 * k, 47.8 + 0.02 * k, lon_at_km(-20.0 + 2.0 * k)) for k in range(24)]
    truth = {r[0]: 105.0 + (k % 5) * 3.0 for k, r in enumerate(rows)}
    picks, assignments = make_picks(rows, truth, stations, scatter_db=0.0)
    ids = [r[0] for r in rows]
    levels = source_levels(ids, np.array([r[2] for r in rows]), np.array([r[3] for r in rows]), picks=picks, stations=stations,
                           assignments=assignments)
    assert levels.attenuation_db_per_km == pytest.approx(0.8, abs=0.05)
    assert np.allclose(levels.level_db, [truth[i] for i in ids], atol=0.5)
    assert np.all(levels.level_sigma_db > 0.0)
    assert all(m.size == a for m, a in zip(levels.margins_db, np.bincount([ids.index(e) for e in assignments["event_id"].to_pylist()])))


def test_without_amplitudes_levels_are_unknown_and_pairing_unchanged(areas: Areas) -> None:
    rows, level = mortar_missions(8)
    stations = make_stations()
    picks, assignments = make_picks(rows, level, stations)
    bare = picks.drop_columns(["amplitude", "snr"])
    levels = source_levels([r[0] for r in rows], np.array([r[2] for r in rows]), np.array([r[3] for r in rows]), picks=bare,
                           stations=stations, assignments=assignments)
    assert np.isnan(levels.level_db).all()
    plain = attribute_events(events_table(rows), areas)
    without = attribute_events(events_table(rows), areas, assignments=assignments, picks=bare, stations=stations)
    assert without.kind == plain.kind and list(without.partner) == list(plain.partner)
    assert np.allclose(without.p_firing_party, plain.p_firing_party)


def test_partner_located_probability_grows_with_loudness() -> None:
    margins = np.array([2.0, 4.0, 6.0, 9.0, 12.0, 20.0])
    values = [partner_located_probability(margins, shift, min_stations=4) for shift in (-15.0, -5.0, 0.0, 5.0, 15.0)]
    assert values == sorted(values)
    assert values[0] < 0.05 and values[-1] > 0.95
    assert partner_located_probability(margins[:3], 30.0, min_stations=4) == 0.0  # only three stations heard it


def test_level_model_and_pair_veto() -> None:
    level = np.array([100.0, 112.0, 99.0, 113.0, 101.0, 111.0, 100.5, 112.5, 99.5, 112.0, 100.0, 111.5, 101.0, 112.0, 100.0, 113.0])
    launch, impact = np.arange(0, 16, 2), np.arange(1, 16, 2)
    classes = np.tile([1.0, 0.0, 0.0], (8, 1))
    model = fit_level_model(level, launch, impact, np.ones(8, dtype=bool), classes)
    assert model is not None and model.has_class.tolist() == [True, False, False]
    assert model.launch_db[0] == pytest.approx(100.0, abs=1.0) and model.impact_db[0] == pytest.approx(112.0, abs=1.0)
    sigma = np.array([1.0, 1.0])
    penalty = pair_level_penalty(model, np.array([100.0, 112.0]), sigma, np.array([112.0, 112.0]), sigma)
    assert penalty[0, 0] == 0.0  # a quiet launch and a loud impact fit the class: no penalty (never a reward)
    assert penalty[1, 0] > 8.0  # a detonation as the "launch" of a mortar round: vetoed
    bare = fit_level_model(level, launch, impact, np.ones(8, dtype=bool), classes, use_prior=False)
    assert (pair_level_penalty(bare, np.array([100.0, 112.0]), sigma, np.array([112.0, 112.0]), sigma)[:, 1:] == 0.0).all()
    # Unpaired: a loud event whose launch (12 dB quieter) few of its stations would hear is an impact;
    # a quiet event whose impact (12 dB louder) all of them would hear is not a launch that lost it.
    few = np.array([1.0, 3.0, 4.0, 6.0, 8.0])
    assert unpaired_impact_odds(model, 112.0, 1.0, few, min_stations=4, silent_launch_share=0.1, partner_elsewhere=0.05) > 3.0
    assert unpaired_impact_odds(None, 112.0, 1.0, few, min_stations=4, silent_launch_share=0.1, partner_elsewhere=0.05) == 1.0


def test_a_class_the_run_has_not_taught_keeps_the_physics_prior_on_its_level_difference() -> None:
    """Only gun pairs were sure (no mortar model): a mortar "pair" of two detonations (111 then 109 dB) is still
    refused by what physics says of mortars (the launch far quieter than the bomb), a quiet launch and a loud impact
    are not; without the prior a class without a model says nothing; a learned model replaces the prior."""
    gun = np.array([118.0, 118.5, 117.0, 119.0, 118.5, 117.5, 119.5, 118.0, 117.5, 118.0, 118.0, 119.0, 116.5, 118.5, 118.0, 117.0])
    launch, impact = np.arange(0, 16, 2), np.arange(1, 16, 2)
    model = fit_level_model(gun, launch, impact, np.ones(8, dtype=bool), np.tile([0.0, 1.0, 0.0], (8, 1)))
    assert model is not None and model.has_class.tolist() == [False, True, False]
    sigma = np.array([1.5, 1.5])
    penalty = pair_level_penalty(model, np.array([111.0, 97.0]), sigma, np.array([109.0, 112.0]), sigma)
    assert penalty[0, 0] > 6.0  # two detonations: not a mortar's launch and impact
    assert penalty[1, 0] == 0.0  # a quiet launch and a loud bomb: fits (never a reward)
    assert penalty[0, 2] < penalty[0, 0]  # a rocket's motor is only somewhat quieter than its warhead
    bare = fit_level_model(gun, launch, impact, np.ones(8, dtype=bool), np.tile([0.0, 1.0, 0.0], (8, 1)), use_prior=False)
    assert (pair_level_penalty(bare, np.array([111.0, 97.0]), sigma, np.array([109.0, 112.0]), sigma)[:, [0, 2]] == 0.0).all()
    assert model.prior_difference_db is not None and np.isnan(model.prior_difference_db[1])  # the learned gun model stands


def test_each_level_vetoes_on_its_own() -> None:
    """A gun "launch" at the level of the run's many mortar detonations (111 dB, the guns' launches 118), paired with a
    faint event of a level the run hardly has (92 dB): judged jointly, the rare impact level (unlikely under any
    hypothesis, so not evidence against this one) excuses the launch level; judged one by one, the launch is vetoed."""
    gun = np.array([118.0, 118.5, 117.0, 119.0, 118.5, 117.5, 119.5, 118.0, 117.5, 118.0, 118.0, 119.0, 116.5, 118.5, 118.0, 117.0])
    mortar_impacts = np.full(40, 111.0) + np.linspace(-1.5, 1.5, 40)
    level = np.concatenate([gun, mortar_impacts])
    model = fit_level_model(level, np.arange(0, 16, 2), np.arange(1, 16, 2), np.ones(8, dtype=bool), np.tile([0.0, 1.0, 0.0], (8, 1)))
    assert model is not None
    launch, impact, sigma = np.array([111.0, 118.0]), np.array([92.0, 118.0]), np.array([1.5, 8.0])
    joint = pair_level_penalty(model, launch, sigma[:1].repeat(2), impact, sigma[1:].repeat(2), separate=False)
    separate = pair_level_penalty(model, launch, sigma[:1].repeat(2), impact, sigma[1:].repeat(2))
    assert joint[0, 1] < 2.0 < 6.0 < separate[0, 1]
    one = np.array([1.5])
    assert pair_level_penalty(model, np.array([118.0]), one, np.array([118.0]), one)[0, 1] == 0.0  # a gun's two levels: no penalty


def test_levels_refuse_a_chance_pair_of_two_detonations(areas: Areas) -> None:
    """Two impacts of mortar fire from both sides, 50 s apart, 6 km across the line: time of flight alone makes the
    first the launch of the second (RU firing); the levels (both detonations) refuse it, leaving two impacts."""
    rows, level = mortar_missions(10)
    t = T0 + 1200.0 * 12
    rows += [("X", t, 48.2, lon_at_km(3.0)), ("Y", t + 50.0, 48.2, lon_at_km(-3.0))]
    level |= {"X": 112.0, "Y": 112.5}
    stations = make_stations()
    picks, assignments = make_picks(rows, level, stations)
    table = events_table(rows)
    timing_only = attribute_events(table, areas)
    x, y = timing_only.event_ids.index("X"), timing_only.event_ids.index("Y")
    assert timing_only.partner[x] == y and timing_only.kind[x] == "launch"
    heard = attribute_events(table, areas, assignments=assignments, picks=picks, stations=stations)
    assert heard.partner[x] == -1 and heard.partner[y] == -1
    assert heard.kind[x] == "impact" and heard.kind[y] == "impact"
    assert heard.firing_party[x] == "UA" and heard.firing_party[y] == "RU"
    assert "source level" in heard.reason[x]
    for k in range(10):  # the real rounds stay paired
        assert heard.event_ids[heard.partner[heard.event_ids.index(f"L{k}")]] == f"I{k}"


def test_a_group_of_unheard_launches_is_less_likely_than_one() -> None:
    """Three loud events at one place in the same minutes, no partner heard: three launches whose impacts all went
    unheard is a smaller coincidence for a mortar (quiet launches) than for one event alone."""
    level = np.array([100.0, 112.0, 99.0, 113.0, 101.0, 111.0, 100.5, 112.5, 99.5, 112.0, 100.0, 111.5, 101.0, 112.0, 100.0, 113.0])
    model = fit_level_model(level, np.arange(0, 16, 2), np.arange(1, 16, 2), np.ones(8, dtype=bool), np.tile([1.0, 0.0, 0.0], (8, 1)))
    margins = np.array([1.0, 3.0, 5.0, 8.0, 10.0, 14.0])
    kwargs = {"min_stations": 4, "silent_launch_share": 0.1, "partner_elsewhere": 0.05}
    one = unpaired_impact_odds(model, 112.0, 1.0, margins, **kwargs)  # type: ignore[arg-type]
    three = unpaired_impact_odds(model, np.array([112.0, 111.0, 112.5]), np.ones(3), [margins, margins - 1.0, margins + 1.0], **kwargs)  # type: ignore[arg-type]
    assert 1.0 < one < three
    # Levels unknown for every member: no evidence.
    assert unpaired_impact_odds(model, np.array([np.nan, np.nan]), np.ones(2), [margins, margins], **kwargs) == 1.0  # type: ignore[arg-type]


def test_a_mortar_impact_beyond_mortar_reach_from_across_is_a_weak_claim(areas: Areas) -> None:
    """Two lone detonations of a mortar bomb's level in RU's area, 2 km and 15 km behind the line: mortars (8 km)
    reach the first from UA, not the second, so "fired from across the line" is much weaker for the deep one."""
    rows, level = mortar_missions(14)
    t = T0 + 1200.0 * 16
    rows += [("NEAR", t, 48.2, lon_at_km(2.0)), ("DEEP", t + 600.0, 47.75, lon_at_km(15.0))]
    level |= {"NEAR": 112.0, "DEEP": 112.0}
    stations = make_stations()
    picks, assignments = make_picks(rows, level, stations)
    result = attribute_events(events_table(rows), areas, assignments=assignments, picks=picks, stations=stations)
    near, deep = result.event_ids.index("NEAR"), result.event_ids.index("DEEP")
    assert result.kind[near] == "impact" and result.kind[deep] == "impact"
    assert result.firing_party[near] == "UA"
    assert result.p_firing_party[near] > 0.7
    deep_ua = result.p_firing_party[deep] if result.firing_party[deep] == "UA" else 1.0 - result.p_firing_party[deep]
    assert deep_ua < result.p_firing_party[near] - 0.05  # guns (no level model here: ToF shares them) could still reach it
    assert "reach this deep" in result.reason[deep] and "reach this deep" not in result.reason[near]
    plain = attribute_events(events_table(rows), areas)  # without levels the depth says nothing about the weapon
    assert plain.p_firing_party[plain.event_ids.index("DEEP")] == pytest.approx(plain.p_firing_party[plain.event_ids.index("NEAR")], abs=0.02)


def test_gun_pairs_and_chance_pairs_do_not_widen_the_mortar_levels() -> None:
    """Six mortar pairs (launch ~97, bomb ~112 dB), eight gun pairs (118 / 119 dB) at ranges where time of flight leaves
    them 0.45 a mortar's, and two chance pairs of mortar detonations (112 "launch", 111 "impact", time of flight all
    mortar) — as on violation seed 9, where such intruders were 45 % of the mortar's weight. Fitted by time-of-flight
    shares alone, the mortar's launch level is 100 dB with a spread of 5.8 dB, and a detonation as the "launch" of a
    mortar pair (113 -> 112 dB) costs 3.9 — no veto. Each class fitted as a contaminated normal (its pairs' levels say
    which are intruders), the mortar keeps its own levels (97 / 112 dB, spread 2 dB) and the same pair is refused; a
    quiet launch and a loud bomb stay free."""
    rng = np.random.default_rng(3)
    mortar = np.column_stack([97.0 + rng.normal(0.0, 1.5, 6), 112.0 + rng.normal(0.0, 1.5, 6)])
    gun = np.column_stack([118.0 + rng.normal(0.0, 1.5, 8), 119.0 + rng.normal(0.0, 1.5, 8)])
    chance = np.array([[112.0, 111.0], [112.5, 111.5]])
    level = np.vstack([mortar, gun, chance]).ravel()
    launch, impact = np.arange(0, level.size, 2), np.arange(1, level.size, 2)
    classes = np.vstack([np.tile([1.0, 0.0, 0.0], (6, 1)), np.tile([0.45, 0.55, 0.0], (8, 1)), np.tile([1.0, 0.0, 0.0], (2, 1))])
    sure = np.ones(launch.size, dtype=bool)
    old = fit_level_model(level, launch, impact, sure, classes, level_responsibilities=False)
    new = fit_level_model(level, launch, impact, sure, classes)
    assert old is not None and new is not None
    assert old.has_class.tolist() == new.has_class.tolist() == [True, False, False]  # the levels never add or drop a class
    assert old.sigma_db[0] > 5.0 and old.launch_db[0] > 99.5  # the intruders' levels counted as the mortar's (before)
    assert new.sigma_db[0] < 2.5
    assert new.launch_db[0] == pytest.approx(97.0, abs=1.0) and new.impact_db[0] == pytest.approx(112.0, abs=1.0)
    sigma = np.array([1.5, 1.5])
    launches, impacts = np.array([113.0, 97.0]), np.array([112.0, 112.0])
    assert pair_level_penalty(old, launches, sigma, impacts, sigma)[0, 0] < 5.0
    assert pair_level_penalty(new, launches, sigma, impacts, sigma)[0, 0] > 20.0
    assert pair_level_penalty(new, launches, sigma, impacts, sigma)[1, 0] == 0.0


def test_chance_pairs_of_detonations_do_not_start_the_mortar_between_two_modes() -> None:
    """Five mortar pairs (launch ~100, bomb ~110.5 dB), six chance pairs that time of flight gives the mortar (three
    detonations paired as "launches" of impacts 10 dB quieter, 117 -> 107 dB; three of two detonations), and eight gun pairs
    (115 / 116 dB, 0.3 a mortar's by time of flight): `violation` seed 11 with the wider ellipses of
    ``cluster_ambiguity_z = 6``. Started from the time-of-flight shares' medians the contaminated normal stays between
    the two modes (mortar launch 106.3 +- 4.9 dB) and a 117 dB "mortar launch" of a 107 dB impact costs only 3.8; started
    from the pairs weighted by the physics prior on the mortar's levels' difference (+15 +- 6 dB), it keeps the mortar's
    own levels and refuses that pair. The gun's levels are the same either way."""
    rng = np.random.default_rng(5)
    mortar = np.column_stack([100.0 + rng.normal(0.0, 1.5, 5), 110.5 + rng.normal(0.0, 1.5, 5)])
    chance = np.array([[116.7, 106.9], [116.6, 107.2], [117.2, 110.6], [108.4, 108.1], [106.3, 100.5], [106.7, 107.5]])
    gun = np.column_stack([115.0 + rng.normal(0.0, 1.5, 8), 116.0 + rng.normal(0.0, 1.5, 8)])
    level = np.vstack([mortar, chance, gun]).ravel()
    launch, impact = np.arange(0, level.size, 2), np.arange(1, level.size, 2)
    classes = np.vstack([np.tile([1.0, 0.0, 0.0], (11, 1)), np.tile([0.3, 0.7, 0.0], (8, 1))])
    sure = np.ones(launch.size, dtype=bool)
    kwargs = {"compete_classes": True, "provisional_share": 0.5}
    old = fit_level_model(level, launch, impact, sure, classes, **kwargs)  # type: ignore[arg-type]
    new = fit_level_model(level, launch, impact, sure, classes, prior_start=True, **kwargs)  # type: ignore[arg-type]
    assert old is not None and new is not None
    assert old.has_class.tolist() == new.has_class.tolist() == [True, True, False]
    assert old.launch_db[0] > 104.0 and old.sigma_db[0] > 4.0  # between the modes (before)
    assert new.launch_db[0] == pytest.approx(100.0, abs=1.0) and new.impact_db[0] == pytest.approx(110.5, abs=1.0)
    assert new.sigma_db[0] < 2.5
    assert new.launch_db[1] == pytest.approx(old.launch_db[1]) and new.impact_db[1] == pytest.approx(old.impact_db[1])
    sigma = np.array([1.5, 1.5])
    launches, impacts = np.array([117.0, 100.0]), np.array([107.0, 110.5])
    assert pair_level_penalty(old, launches, sigma, impacts, sigma)[0, 0] < 5.0
    assert pair_level_penalty(new, launches, sigma, impacts, sigma)[0, 0] > 20.0
    assert pair_level_penalty(new, launches, sigma, impacts, sigma)[1, 0] == 0.0  # a quiet launch and a loud bomb stay free
