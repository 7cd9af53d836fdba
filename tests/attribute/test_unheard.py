"""Leftover picks as evidence of where an unlocated launch was, and battery odds learned from the pairs (hand-made worlds)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyarrow as pa
import pytest
from test_acoustics import make_picks, make_stations, mortar_missions

from truceline.attribute.acoustics import LevelModel, SourceLevels
from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.context import battery_odds_from_pairs
from truceline.attribute.pairing import PairingConfig
from truceline.attribute.unheard import (LeftoverPicks, PartnerEvidence, UnheardConfig, _fitting_picks, launch_side_log_factor,
                                         neighbour_share, partner_evidence)
from truceline.geo.areas import Areas

from attribute_world import T0, events_table, lon_at_km

LAT0 = 48.0
KM_PER_DEG_LAT = 111.2


def _mortar_model() -> LevelModel:
    levels = np.array([100.0, 112.0] * 10)
    return LevelModel(has_class=np.array([True, False, False]), launch_db=np.array([100.0, np.nan, np.nan]),
                      impact_db=np.array([112.0, np.nan, np.nan]), sigma_db=np.array([2.0, np.nan, np.nan]),
                      weight=np.array([0.9, 0.0, 0.0]), unmodelled_share=0.1, all_levels_db=levels, bandwidth_db=3.0)


def _levels(threshold_db: float = 6.0) -> SourceLevels:
    return SourceLevels(level_db=np.array([112.0]), level_sigma_db=np.array([1.0]), margins_db=(np.array([10.0] * 6),),
                        attenuation_db_per_km=0.5, detection_snr_db=threshold_db)


def _grid() -> tuple[FloatPair, FloatPair]:
    east = np.array([x for x in (-25.0, -15.0, -5.0, 5.0, 15.0, 25.0) for _ in range(5)])
    north = np.array([y for _ in range(6) for y in (-20.0, -10.0, 0.0, 10.0, 20.0)])
    return (LAT0 + north / KM_PER_DEG_LAT, np.array([lon_at_km(float(x)) for x in east])), (east, north)


FloatPair = tuple[np.ndarray, np.ndarray]


def _leftovers(launch_km: tuple[float, float] | None, launch_time: float, *, with_backazimuth: bool = True) -> LeftoverPicks:
    """Stations on a 10 km grid (noise 72 dB: a 100 dB launch is heard to about 8 km); the picks of a launch at
    ``launch_km`` (east, north) at the stations within 11 km (none without a launch)."""
    (s_lat, s_lon), (east, north) = _grid()
    times, station, baz = [], [], []
    if launch_km is not None:
        d = np.hypot(east - launch_km[0], north - launch_km[1])
        for k in np.flatnonzero(d <= 11.0):
            times.append(launch_time + d[k] * 1000.0 / 343.0)
            station.append(int(k))
            baz.append(float(np.degrees(np.arctan2(launch_km[0] - east[k], launch_km[1] - north[k]))) if with_backazimuth else np.nan)
    order = np.argsort(times, kind="stable")
    return LeftoverPicks(station_lat=s_lat, station_lon=s_lon, station_noise_db=np.full(s_lat.size, 72.0),
                         time_s=np.asarray(times, dtype=float)[order], station=np.asarray(station, dtype=np.intp)[order],
                         backazimuth_deg=np.asarray(baz, dtype=float)[order], backazimuth_sigma_deg=np.full(len(times), 3.0),
                         rate_per_station_s=1e-4)


def _factor(areas: Areas, leftovers: LeftoverPicks, levels: SourceLevels | None = None) -> float:
    # The impact: 3 km east of the line (RU's area), at T0.
    return launch_side_log_factor(LAT0, lon_at_km(3.0), T0, "RU", 112.0, 1.0, areas.party_at, leftovers, levels or _levels(),
                                  _mortar_model())


def test_leftover_picks_of_a_launch_across_the_line_favour_fire_from_across(areas: Areas) -> None:
    across = _factor(areas, _leftovers((-4.0, 0.0), T0 - 40.0))
    assert across > 2.0
    # Timing alone (no back-azimuths) still points across the line, less sharply.
    timing_only = _factor(areas, _leftovers((-4.0, 0.0), T0 - 40.0, with_backazimuth=False))
    assert 0.5 < timing_only <= across


def test_leftover_picks_of_a_launch_on_its_own_side_favour_fire_from_its_own_side(areas: Areas) -> None:
    assert _factor(areas, _leftovers((10.0, 0.0), T0 - 40.0)) < -2.0


def test_picks_at_a_time_no_launch_could_fit_say_nothing(areas: Areas) -> None:
    """The same picks 10 minutes early: no time of flight joins them to the impact."""
    quiet = _factor(areas, _leftovers(None, 0.0))
    assert _factor(areas, _leftovers((-4.0, 0.0), T0 - 600.0)) == pytest.approx(quiet, abs=1e-9)
    assert abs(quiet) < 1.0  # stations on both sides that heard nothing: little either way


def test_without_a_detection_threshold_there_is_no_evidence(areas: Areas) -> None:
    assert _factor(areas, _leftovers((-4.0, 0.0), T0 - 40.0), _levels(threshold_db=float("nan"))) == 0.0


def test_battery_odds_are_learned_from_the_pairs() -> None:
    """Three launches from one place (paired with impacts 6 km away): each fired where others fired, so the odds
    grow from the prior (4 : 1) to (3 + 4) : 1; an impact landing on the battery in the same minutes (fired from
    elsewhere) halves them."""
    east = lambda km: lon_at_km(km)  # noqa: E731
    lat = np.array([48.0, 48.0, 48.0, 48.0, 48.0, 48.0, 48.0, 48.3])  # the last launch fires from 33 km north
    lon = np.array([east(-3.0)] * 3 + [east(3.0)] * 3 + [east(-3.0), east(3.0)])
    time_s = T0 + np.array([0.0, 10.0, 20.0, 40.0, 50.0, 60.0, 30.0, -10.0])
    kind = np.array(["launch"] * 3 + ["impact"] * 3 + ["impact", "launch"])
    partner = np.array([3, 4, 5, 0, 1, 2, 7, 6])
    config = PairingConfig()
    assert battery_odds_from_pairs(kind[:6], partner[:6], time_s[:6], lat[:6], lon[:6], config) == pytest.approx(7.0)
    assert battery_odds_from_pairs(kind, partner, time_s, lat, lon, config) == pytest.approx(3.5)
    none = np.array([-1] * 6)
    assert battery_odds_from_pairs(np.array(["unknown"] * 6), none, time_s[:6], lat[:6], lon[:6], config) == config.battery_odds


def test_attribution_uses_the_leftover_picks_of_an_unlocated_launch(areas: Areas) -> None:
    """A lone mortar impact in RU's area whose quiet launch was heard by fewer than 4 stations: the launch's
    leftover picks (UA side, 40 s earlier) raise the claim that UA fired; the same launch on RU's side lowers it."""
    rows, level = mortar_missions(12)
    t = T0 + 1200.0 * 14
    impact = ("LONE", t, 48.25, lon_at_km(3.0))
    stations = make_stations()

    def run(launch_lon: float | None, launch_db: float = 88.0, config: AttributionConfig | None = None) -> tuple[float, str]:
        extra = [] if launch_lon is None else [("LAUNCH", t - 40.0, 48.25, launch_lon)]
        picks, assignments = make_picks(rows + [impact] + extra, level | {"LONE": 112.0, "LAUNCH": launch_db}, stations)
        heard = np.asarray(assignments["event_id"].to_pylist()) == "LAUNCH"
        assert int(heard.sum()) <= 4 and (launch_lon is None or heard.any())  # heard, but not located
        assignments = assignments.filter(pa.array(~heard))
        result = attribute_events(events_table(rows + [impact]), areas, assignments=assignments, picks=picks, stations=stations,
                                  config=config)
        i = result.event_ids.index("LONE")
        assert result.kind[i] == "impact" and result.partner[i] == -1
        p_ua = result.p_firing_party[i] if result.firing_party[i] == "UA" else 1.0 - result.p_firing_party[i]
        return float(p_ua), result.reason[i]

    silent, _ = run(None)
    across, why = run(lon_at_km(-3.5))
    own, _ = run(lon_at_km(9.5), 91.0)
    assert across > silent + 0.05 and "picks no located event explains" in why
    assert own < 0.5  # now RU fired, but not beyond doubt: the factor is bounded
    assert own > 0.001
    # The mechanism can be switched off: then the leftover picks change nothing. (Without leftover picks the duplicate
    # evidence, which reads them too, is off as well: compare with the silent run in the same configuration.)
    off = AttributionConfig(unheard=None)
    assert run(lon_at_km(-3.5), config=off)[0] == pytest.approx(run(None, config=off)[0], abs=1e-6)


def _evidence(areas: Areas, leftovers: LeftoverPicks, *, launch_km: float = -3.0, roles: tuple[int, ...] = (0, 1)) -> PartnerEvidence:
    """Evidence for an unpaired event ``launch_km`` east of the line (negative: UA's area) at T0."""
    own = "UA" if launch_km < 0 else "RU"
    return partner_evidence(LAT0, lon_at_km(launch_km), T0, own, 100.0, 1.0, areas.party_at, leftovers, _levels(), _mortar_model(),
                            roles=roles)


def test_leftover_picks_of_an_impact_across_the_line_favour_fire_across_it(areas: Areas) -> None:
    """An unpaired launch (3 km west of the line, UA) whose impact, 40 s later, was heard by a few stations only: picks
    from 4 km east of the line favour an impact across the line; picks from 9 km west, one on its own side."""
    across = _evidence(areas, _leftovers((4.0, 0.0), T0 + 40.0), roles=(1,)).direction_log_factor(1, 0.05, 6.9)
    own = _evidence(areas, _leftovers((-9.0, 0.0), T0 + 40.0), roles=(1,)).direction_log_factor(1, 0.05, 6.9)
    assert across > 1.0
    assert own < -1.0
    # Picks of a launch 40 s *before* the event fit no impact of it: the launch direction is not moved by them toward across.
    early = _evidence(areas, _leftovers((4.0, 0.0), T0 - 40.0), roles=(1,)).direction_log_factor(1, 0.05, 6.9)
    assert early < across - 1.0


def test_leftover_picks_before_an_event_make_it_an_impact_and_after_it_a_launch(areas: Areas) -> None:
    """The role factor: picks that fit a launch before the event (across the line) make it an impact; picks that fit
    an impact after it make it a launch."""
    before = _evidence(areas, _leftovers((4.0, 0.0), T0 - 40.0))
    after = _evidence(areas, _leftovers((4.0, 0.0), T0 + 40.0))
    assert before.role_log_factor(0.9, 0.1, 0.05, 6.9) > 1.0
    assert after.role_log_factor(0.9, 0.1, 0.05, 6.9) < -1.0
    # Without the unlocated probabilities (one role only) there is no role evidence.
    assert _evidence(areas, _leftovers((4.0, 0.0), T0 - 40.0), roles=(0,)).role_log_factor(0.9, 0.1, 0.05, 6.9) == 0.0


def test_role_factor_is_bayes_rule_over_sides_and_floors() -> None:
    evidence = PartnerEvidence(likelihood=np.array([[20.0, 1.0], [0.5, 2.0]]), unlocated=np.array([[0.4, 0.2], [0.1, 0.3]]))
    impact = np.log(0.1 + 0.9 * (0.9 * 20.0 + 0.1 * 1.0)) - np.log(0.1 + 0.9 * (0.9 * 0.4 + 0.1 * 0.2))
    launch = np.log(0.05 + 0.95 * (0.9 * 0.5 + 0.1 * 2.0)) - np.log(0.05 + 0.95 * (0.9 * 0.1 + 0.1 * 0.3))
    assert evidence.role_log_factor(0.9, 0.1, 0.05, 50.0) == pytest.approx(impact - launch)
    assert evidence.role_log_factor(0.9, 0.1, 0.05, 1.0) == pytest.approx(1.0)  # bounded
    assert evidence.direction_log_factor(0, 0.1, 50.0) == pytest.approx(np.log(0.1 + 0.9 * 20.0) - np.log(0.1 + 0.9 * 1.0))
    assert PartnerEvidence.none().direction_log_factor(0, 0.1, 50.0) == 0.0


def test_a_busy_neighbourhood_of_leftover_picks_weakens_the_evidence(areas: Areas) -> None:
    """The same fitting picks among many others in the surrounding minutes (a busy fire mission): the local background
    rate is higher and chance fits explain the picks more easily."""
    quiet = _leftovers((-4.0, 0.0), T0 - 40.0)
    rng = np.random.default_rng(5)
    clutter_t = T0 + rng.uniform(-590.0, 590.0, 400)
    clutter_t = clutter_t[np.abs(clutter_t - T0) > 250.0]  # none near the fitting times
    clutter_s = rng.integers(0, quiet.station_lat.size, clutter_t.size)
    time_s = np.concatenate([quiet.time_s, clutter_t])
    order = np.argsort(time_s, kind="stable")
    busy = replace(quiet, time_s=time_s[order], station=np.concatenate([quiet.station, clutter_s]).astype(np.intp)[order],
                   backazimuth_deg=np.concatenate([quiet.backazimuth_deg, np.full(clutter_t.size, np.nan)])[order],
                   backazimuth_sigma_deg=np.concatenate([quiet.backazimuth_sigma_deg, np.full(clutter_t.size, 3.0)])[order])
    unbounded = UnheardConfig(max_log_factor=100.0, rate_window_s=600.0)

    def factor(leftovers: LeftoverPicks) -> float:
        return launch_side_log_factor(LAT0, lon_at_km(3.0), T0, "RU", 112.0, 1.0, areas.party_at, leftovers, _levels(), _mortar_model(),
                                      unbounded)

    assert 0.5 < factor(busy) < factor(quiet) - 2.0


def test_sparse_fit_matches_the_dense_sum() -> None:
    """The fast path (only flight bins within 5 sigma of a pick) against a literal dense evaluation."""
    rng = np.random.default_rng(11)
    n_l, n_s, n_p = 7, 5, 12
    lx, ly = rng.uniform(-20e3, 20e3, n_l), rng.uniform(-20e3, 20e3, n_l)
    sx, sy = rng.uniform(-30e3, 30e3, n_s), rng.uniform(-30e3, 30e3, n_s)
    distance = np.hypot(lx[:, None] - sx[None, :], ly[:, None] - sy[None, :])
    q = rng.uniform(0.05, 0.9, (n_l, n_s, 4))
    flights = np.arange(5.0, 120.0, 1.0)
    station = rng.integers(0, n_s, n_p).astype(np.intp)
    baz = np.where(rng.uniform(size=n_p) < 0.5, rng.uniform(0.0, 360.0, n_p), np.nan)
    baz_sigma = np.full(n_p, 4.0)
    config = UnheardConfig()
    for sign in (-1.0, 1.0):
        travel = distance[:, station] / config.celerity_m_per_s
        pick_time = sign * rng.uniform(10.0, 110.0, n_p) + travel[0] + rng.normal(0.0, 2.0, n_p)
        fast = _fitting_picks(pick_time, station, baz, baz_sigma, distance, lx, ly, sx, sy, q, flights, sign, 1e-3, config)
        dense = np.zeros_like(fast)
        for s in range(n_s):
            fit = np.zeros((n_l, flights.size))
            for j in np.flatnonzero(station == s):
                sigma = np.hypot(config.pick_sigma_s, config.celerity_error * travel[:, j])
                offset = pick_time[j] - (sign * flights[None, :] + travel[:, j][:, None])
                density = np.exp(-0.5 * (offset / sigma[:, None]) ** 2) / (sigma[:, None] * np.sqrt(2.0 * np.pi))
                ratio = np.ones(n_l)
                if np.isfinite(baz[j]):
                    bearing = np.degrees(np.arctan2(lx - sx[s], ly - sy[s]))
                    diff = (baz[j] - bearing + 180.0) % 360.0 - 180.0
                    ratio = 360.0 * np.exp(-0.5 * (diff / np.hypot(4.0, 0.0)) ** 2) / (4.0 * np.sqrt(2.0 * np.pi))
                fit += density * ratio[:, None] / 1e-3
            qs = q[:, s, :]
            dense += np.log(1.0 - qs[:, None, :] + qs[:, None, :] * fit[:, :, None]) - np.log(1.0 - qs[:, None, :])
        assert np.abs(fast).max() > 1.0  # some picks fit
        np.testing.assert_allclose(fast, dense, atol=1e-3 * np.abs(dense).max() + 1e-6)


def test_leftover_picks_can_update_the_role_of_an_unpaired_impact(areas: Areas) -> None:
    """With ``update_roles`` the picks of an unlocated launch across the line, 40 s before a lone impact, make it surer
    an impact (its launch was heard there); by default the role stays as the levels and battery context give it."""
    rows, level = mortar_missions(12)
    t = T0 + 1200.0 * 14
    impact = ("LONE", t, 48.25, lon_at_km(3.0))
    stations = make_stations()
    picks, assignments = make_picks(rows + [impact, ("LAUNCH", t - 40.0, 48.25, lon_at_km(-3.5))],
                                    level | {"LONE": 112.0, "LAUNCH": 88.0}, stations)
    assignments = assignments.filter(pa.array(np.asarray(assignments["event_id"].to_pylist()) != "LAUNCH"))

    def run(update_roles: bool) -> tuple[float, str]:
        config = AttributionConfig(unheard=UnheardConfig(update_roles=update_roles))
        result = attribute_events(events_table(rows + [impact]), areas, assignments=assignments, picks=picks, stations=stations,
                                  config=config)
        i = result.event_ids.index("LONE")
        assert result.kind[i] == "impact" and result.partner[i] == -1
        return float(result.p_kind[i]), result.reason[i]

    fixed, why_fixed = run(False)
    updated, why = run(True)
    assert updated > fixed + 0.02
    assert "times as likely an impact as a launch" in why and "times as likely an impact as a launch" not in why_fixed


def _picks_of_source(source_km: tuple[float, float], time_s: float, reach_km: float) -> LeftoverPicks:
    """The picks of one source at ``source_km`` (east, north) heard at ``time_s`` by every grid station within ``reach_km``."""
    (s_lat, s_lon), (east, north) = _grid()
    d = np.hypot(east - source_km[0], north - source_km[1])
    heard = np.flatnonzero(d <= reach_km)
    times = time_s + d[heard] * 1000.0 / 343.0
    order = np.argsort(times, kind="stable")
    baz = np.degrees(np.arctan2(source_km[0] - east[heard], source_km[1] - north[heard]))
    return LeftoverPicks(station_lat=s_lat, station_lon=s_lon, station_noise_db=np.full(s_lat.size, 72.0), time_s=times[order],
                         station=heard[order].astype(np.intp), backazimuth_deg=baz[order], backazimuth_sigma_deg=np.full(heard.size, 3.0),
                         rate_per_station_s=1e-4)


def test_the_picks_of_an_unlocated_neighbour_say_nothing_of_the_direction(areas: Areas) -> None:
    """Another round of the mission (a 112 dB impact 0.4 km from the impact, 15 s before it), heard by the 10 stations
    within 19 km but dropped by the fusion: its picks fit a mortar launch on the impact's own side, so without the
    neighbour hypothesis they flip the direction at the bound. With it (neighbours as common as in half the run's
    events) they are explained away: the factor is that of silence alone (the same picks at a time nothing fits)."""
    neighbour = _picks_of_source((3.4, 0.0), T0 - 15.0, 19.0)
    nothing_fits = _picks_of_source((3.4, 0.3), T0 + 40.0, 19.0)

    def factor(leftovers: LeftoverPicks, share: float) -> float:
        return launch_side_log_factor(LAT0, lon_at_km(3.0), T0, "RU", 112.0, 1.0, areas.party_at, leftovers, _levels(), _mortar_model(),
                                      neighbour_share=share)

    silence = factor(nothing_fits, 0.5)
    assert factor(neighbour, 0.0) < -6.0  # read as the unheard launch, on the impact's own side
    assert factor(neighbour, 0.5) == pytest.approx(silence, abs=0.05)
    # A launch's picks are not a neighbour's: they keep their weight.
    assert factor(_leftovers((-4.0, 0.0), T0 - 40.0), 0.5) == pytest.approx(factor(_leftovers((-4.0, 0.0), T0 - 40.0), 0.0), abs=0.05)
    assert factor(_leftovers((10.0, 0.0), T0 - 40.0), 0.5) < -2.0


def test_neighbour_share_counts_events_with_another_at_their_place_and_minutes() -> None:
    lat = np.array([48.0, 48.0 + 1.0 / KM_PER_DEG_LAT, 48.0, 48.5])  # the second 1 km north of the first; the last 55 km away
    time_s = np.array([0.0, 100.0, 1000.0, 50.0])
    assert neighbour_share(time_s, lat, np.full(4, 37.0)) == pytest.approx(0.5)
