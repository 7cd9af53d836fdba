"""An unpaired salvo and its located impacts (attribute/salvo_flight.py, ``PairingConfig.unpaired_salvo_partners``).

A gun battery 0.7 km behind the mapped line (closer than guns are deployed, so none of its pairs is a candidate) fires two
rounds 4.8 s apart; they land 14 km across the line 32.0 and 33.5 s later. Left unpaired, each launch was read by its lone
evidence ("its impact would have been heard") as an impact; the located impacts say otherwise."""

from __future__ import annotations

import numpy as np

from truceline.attribute.acoustics import LevelModel, SourceLevels
from truceline.attribute.pairing import PairingConfig
from truceline.attribute.salvo_flight import chance_match, rounds_matched, salvo_located_partners, with_salvo_partners
from truceline.attribute.unpaired_roles import assign_unpaired_roles

from attribute_world import T0, lon_at_km

MODEL = LevelModel(has_class=np.array([False, True, True]), launch_db=np.array([np.nan, 115.8, 115.8]),
                   impact_db=np.array([np.nan, 116.5, 116.5]), sigma_db=np.array([np.nan, 2.6, 2.7]),
                   weight=np.array([0.0, 0.5, 0.4]), unmodelled_share=0.1, all_levels_db=np.linspace(95.0, 125.0, 301),
                   bandwidth_db=1.5)
LAT = np.full(4, 48.0)
LON = np.array([lon_at_km(-0.7), lon_at_km(-0.75), lon_at_km(13.0), lon_at_km(13.2)])
LINE = np.array([-700.0, -750.0, 13_000.0, 13_200.0])
SIGMA = np.array([120.0, 120.0, 130.0, 130.0])
CONFIG = PairingConfig()


def _times(second_delay: float = 33.5) -> np.ndarray:
    return T0 + np.array([0.0, 4.8, 32.0, 4.8 + second_delay])


def test_a_salvo_followed_by_its_impacts_has_its_partners_located() -> None:
    """Both launches' impacts and both impacts' launches were located, as surely as one landed round within 2 s + 5 % of
    the delay is not chance (one event in the minute: 1 - 2 x 3.6 / 60); nothing else."""
    as_launch, as_impact = salvo_located_partners(np.full(4, -1), _times(), LAT, LON, CONFIG, SIGMA, LINE)
    chance = 2.0 * (2.0 + 0.05 * 32.0) / 60.0
    np.testing.assert_allclose(as_launch, [1.0 - chance, 1.0 - chance, 0.0, 0.0], atol=0.01)
    np.testing.assert_allclose(as_impact, [0.0, 0.0, 1.0 - chance, 1.0 - chance], atol=0.01)


def test_rounds_are_matched_one_to_one_and_chance_is_counted() -> None:
    """Two rounds expected 1 s apart and one event landing: one match, not two. Four rounds each matched among three
    events landing in the minute with 6.7 s to spare is likely chance; one round matched by the only event, seldom."""
    assert rounds_matched(np.array([10.0, 11.0]), np.array([10.5]), 2.0) == 1
    assert rounds_matched(np.array([10.0, 11.0, 40.0]), np.array([11.5, 9.0, 70.0]), 2.0) == 2
    assert chance_match(3, 4, 3, 6.7, 30.0) > 0.5
    assert chance_match(1, 1, 1, 3.6, 30.0) < 0.15
    assert chance_match(2, 2, 2, 3.6, 30.0) < chance_match(1, 2, 2, 3.6, 30.0)


def test_no_salvo_no_common_delay_no_crossing_nothing_found() -> None:
    """A lone round and a lone later event, two rounds whose flights differ by 10 s, or a flight that stays on one side
    of the line (two impact clouds one after the other): no partner located. Paired events are never counted."""
    lone = salvo_located_partners(np.array([-1, 5, -1, 5]), _times(), LAT, LON, CONFIG, SIGMA, LINE)
    assert not lone[0].any() and not lone[1].any()
    apart = salvo_located_partners(np.full(4, -1), _times(43.5), LAT, LON, CONFIG, SIGMA, LINE)
    assert not apart[0].any() and not apart[1].any()
    one_side = salvo_located_partners(np.full(4, -1), _times(), LAT, LON, CONFIG, SIGMA, np.abs(LINE))
    assert not one_side[0].any() and not one_side[1].any()
    # Without the line every flight that fits counts.
    assert salvo_located_partners(np.full(4, -1), _times(), LAT, LON, CONFIG, SIGMA)[0][0] > 0.8


def test_with_salvo_partners_takes_the_larger() -> None:
    located = (np.array([0.3, 0.0]), np.array([0.0, 0.6]))
    merged = with_salvo_partners(located, (np.array([1.0, 0.0]), np.array([0.0, 0.0])))
    np.testing.assert_array_equal(merged[0], [1.0, 0.0])
    np.testing.assert_array_equal(merged[1], [0.0, 0.6])


def _roles(config: PairingConfig) -> np.ndarray:
    """p launch of the four unpaired events by :func:`assign_unpaired_roles` (launches 110 dB, impacts 116 dB, every event
    heard well above the threshold at a dozen stations)."""
    kind = np.array(["unknown"] * 4)
    partner = np.full(4, -1)
    p_launch, p_impact = np.zeros(4), np.zeros(4)
    levels = SourceLevels(level_db=np.array([110.0, 110.5, 116.0, 117.0]), level_sigma_db=np.full(4, 1.8),
                          margins_db=tuple(np.linspace(35.0, 8.0, 12) for _ in range(4)), attenuation_db_per_km=0.77,
                          detection_snr_db=0.0)
    reason = [""] * 4
    assign_unpaired_roles(kind, partner, p_launch, p_impact, reason, _times(), LAT, LON, config, levels, MODEL, None, SIGMA,
                          line_m=LINE)
    return p_launch


def test_the_located_impacts_make_the_salvo_launches() -> None:
    """Read alone the two launches are impacts; with their impacts located they are launches, and the impacts stay
    impacts (surer)."""
    off = _roles(PairingConfig(unpaired_salvo_partners=False))
    on = _roles(CONFIG)
    assert off[0] < 0.5 and off[1] < 0.5
    assert on[0] > 0.5 and on[1] > 0.5
    assert on[2] <= off[2] and on[3] <= off[3] and on[2] < 0.5
