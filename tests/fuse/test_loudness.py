"""The loudness law and detection curve that tell the streaming associator which stations should hear an event."""

from __future__ import annotations

import math

import numpy as np

from truceline.fuse import loudness
from truceline.fuse.engine import FusionConfig
from truceline.fuse.loudness import Loudness, LoudnessLaw
from truceline.fuse.pending import unheard_expected


def _events(rng: np.random.Generator, n_events: int, spreading: float, absorption: float, scatter: float):  # noqa: ANN202
    event, log_amplitude, distance = [], [], []
    for e in range(n_events):
        level = rng.normal(3.0, 1.0)
        r = rng.uniform(2.0, 35.0, 12)
        event.append(np.full(12, e))
        distance.append(r)
        log_amplitude.append(level - spreading * np.log(r) - absorption * r + rng.normal(0.0, scatter, 12))
    return np.concatenate(event), np.concatenate(log_amplitude), np.concatenate(distance)


def test_the_law_is_recovered_from_events_of_unknown_levels() -> None:
    rng = np.random.default_rng(5)
    event, log_amplitude, distance = _events(rng, 200, 1.3, 0.07, 0.3)
    fitted = loudness.fit_law(event, log_amplitude, distance)
    assert fitted is not None
    spreading, absorption = fitted
    assert abs(spreading - 1.3) < 0.1 and abs(absorption - 0.07) < 0.01
    # each event's level comes back from its own picks
    level = loudness.event_level(log_amplitude[event == 3], distance[event == 3], spreading, absorption)
    truth = np.median(log_amplitude[event == 3] + 1.3 * np.log(distance[event == 3]) + 0.07 * distance[event == 3])
    assert abs(level - truth) < 0.2


def test_too_few_events_tell_nothing() -> None:
    rng = np.random.default_rng(6)
    event, log_amplitude, distance = _events(rng, loudness.MIN_EVENTS - 1, 1.0, 0.05, 0.3)
    assert loudness.fit_law(event, log_amplitude, distance) is None


def test_the_detection_curve_gives_where_stations_surely_and_hardly_hear() -> None:
    rng = np.random.default_rng(7)
    margin = rng.uniform(-4.0, 4.0, 20000)
    heard = rng.random(20000) < 1.0 / (1.0 + np.exp(-3.0 * margin))  # a logistic curve: half heard at 0
    curve = loudness.curve_margins(margin, heard)
    assert curve is not None
    expected, possible = curve
    # where the rate of hearing reaches EXPECTED_RATE and where it rises POSSIBLE_RATE above none
    def logit(p: float) -> float:
        return float(np.log(p / (1.0 - p)) / 3.0)

    assert abs(expected - logit(loudness.EXPECTED_RATE)) < 0.15
    assert abs(possible - logit(loudness.POSSIBLE_RATE)) < 0.15
    # the rate is monotone, whatever the noise of the counts
    rate = loudness.monotone_rate(heard[np.argsort(margin)])
    assert np.all(np.diff(rate) >= 0) and abs(rate.mean() - heard.mean()) < 1e-9
    assert loudness.curve_margins(margin[:100], heard[:100]) is None


def test_a_station_that_should_have_heard_and_did_not_is_counted() -> None:
    st_x = np.array([0.0, 5.0, 10.0, 30.0])
    st_y = np.zeros(4)
    atmosphere = np.array([[0.34, 0.0, 0.0]])
    last_heard = np.zeros(4)
    config = FusionConfig()
    expected = np.array([True, True, True, False])
    tt = st_x / 0.34
    # the event (at the first station, origin 100 s) has picks of stations 0 and 1; station 2 should have heard it
    args = dict(x_km=0.0, y_km=0.0, t0_s=100.0, tile=0, stations=np.array([0, 1]), expected=expected,
                atmosphere=atmosphere, st_x=st_x, st_y=st_y, last_heard_s=last_heard, config=config)
    none = (np.zeros(0, dtype=np.int64), np.zeros(0))
    assert unheard_expected(now_s=100.0 + tt[2] + 5.0, pick_station=none[0], pick_time_s=none[1], **args) == (1, 3)
    # not before its arrival (plus tolerance) has passed
    assert unheard_expected(now_s=100.0 + tt[2], pick_station=none[0], pick_time_s=none[1], **args) == (0, 2)
    # a pick there, whoever holds it, is a hearing
    assert unheard_expected(now_s=100.0 + tt[2] + 5.0, pick_station=np.array([2]), pick_time_s=np.array([100.0 + tt[2] + 0.1]),
                            **args) == (0, 3)
    # a station not working (no pick in the ten minutes before the origin) is not expected to hear
    args["last_heard_s"] = np.array([0.0, 0.0, -math.inf, 0.0])
    assert unheard_expected(now_s=100.0 + tt[2] + 5.0, pick_station=none[0], pick_time_s=none[1], **args) == (0, 2)


def test_the_learner_predicts_margins_from_a_station_noise_and_an_event_level() -> None:
    rng = np.random.default_rng(8)
    n_stations = 30
    learner = Loudness(n_stations)
    noise = rng.normal(-4.0, 0.3, n_stations)
    station = np.repeat(np.arange(n_stations), 20)
    learner.hear(station, np.exp(noise[station] + np.log(5.0)), np.full(len(station), 5.0))
    np.testing.assert_allclose(learner.log_noise, noise)
    assert math.isnan(learner.level(np.array([1.0]), np.array([1.0])))  # nothing learned yet
    for _ in range(100):
        level = rng.normal(0.0, 0.5)
        distance = rng.uniform(1.0, 30.0, n_stations)
        log_snr = level - np.log(distance) - 0.05 * distance - noise + rng.normal(0.0, 0.2, n_stations)
        heard = log_snr > 1.0
        learner.learn(np.exp((log_snr + noise)[heard]), np.exp(log_snr[heard]), distance[heard], distance, heard,
                      np.arange(n_stations))
        learner.update()
    law = learner.law
    assert isinstance(law, LoudnessLaw)
    assert abs(law.spreading - 1.0) < 0.3 and abs(law.absorption_per_km - 0.05) < 0.02
    assert math.isfinite(law.expected) and math.isfinite(law.possible) and law.possible < law.expected
    # a loud event near a quiet station is expected there; far away it is not even possible
    near, far = learner.margins(3.0, np.array([2.0, 200.0]), np.array([0, 0]))
    assert near >= law.expected and far < law.possible


def test_amplitudes_of_one_source_agree_and_those_of_a_coincidence_do_not() -> None:
    rng = np.random.default_rng(9)
    law = LoudnessLaw(spreading=1.0, absorption_per_km=0.05, scatter=0.3, reference_log_snr=1.0, expected=1.0,
                      possible=-1.0)
    distance = rng.uniform(2.0, 30.0, 8)
    one = 2.0 - np.log(distance) - 0.05 * distance + rng.normal(0.0, 0.3, 8)
    assert loudness.consistent(law, one, distance)
    # half the picks from a source ten times as loud (or as near): their levels disagree
    two = one + np.where(np.arange(8) < 4, 0.0, np.log(10.0))
    assert not loudness.consistent(law, two, distance)
    assert loudness.consistent(law, two[:2], distance[:2])  # two picks cannot tell
