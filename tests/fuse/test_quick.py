"""The quick search: events opened seconds after their last pick, chance coincidences kept out."""

from __future__ import annotations

import math

import numpy as np

from tests.fuse.synthetic import make_toy
from tests.fuse.test_stream import _matched
from truceline.fuse import quick
from truceline.fuse.atmosphere import travel_times
from truceline.fuse.emission import Emission
from truceline.fuse.engine import FusionConfig
from truceline.fuse.loudness import Loudness, LoudnessLaw
from truceline.fuse.pending import OpenEvent, PickBuffer
from truceline.fuse.stream import StreamingAssociator

ST_X = np.array([0.0, 3.0, 6.0, 9.0, 1.5, 30.0, 4.5])
ST_Y = np.array([0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 3.0])
ATMOSPHERE = np.array([[0.34, 0.0, 0.0]])
NOISE = 0.002


def _scene(heard_near: bool):  # noqa: ANN202 - test helper
    """An event at (3, 1) km, origin 100 s, found from the picks of stations 0-3; stations 4 and 6
    (2.5 km away) should have heard it too (``heard_near``: they have picks there, another
    event's), station 5 (27 km) could not."""
    loud = Loudness(len(ST_X))
    loud.hear(np.arange(len(ST_X)), np.full(len(ST_X), NOISE * 5.0), np.full(len(ST_X), 5.0))
    loud.law = LoudnessLaw(spreading=1.0, absorption_per_km=0.05, scatter=0.3, reference_log_snr=math.log(3.0), expected=0.5,
                           possible=-0.5)
    x, y, t0, level = 3.0, 1.0, 100.0, 0.1
    distance = np.hypot(ST_X - x, ST_Y - y)
    tt = travel_times(ST_X, ST_Y, x, y, 0.34, 0.0, 0.0)
    heard = [0, 1, 2, 3] + ([4, 6] if heard_near else [])
    buffer = PickBuffer()
    amplitude = level * np.exp(-0.05 * distance) / distance
    buffer.append(np.array([f"p{s}" for s in heard], dtype=object), t0 + tt[heard], np.array(heard), np.full(len(heard), np.nan),
                  np.full(len(heard), np.nan), amplitude[heard], amplitude[heard] / NOISE)
    if heard_near:
        buffer.owner[4:] = 7  # another open event's picks: they still show that the stations heard something there
    event = OpenEvent(key=-1, x_km=x, y_km=y, t0_s=t0, tile=0, covariance=np.eye(3), chi2=1.0, n_obs=4, seqs=[0, 1, 2, 3],
                      stations={0, 1, 2, 3})
    return loud, buffer, event, float(t0 + tt[[0, 1, 2, 3, 4, 6]].max())


def _complete(loud, buffer, event, now: float) -> bool:  # noqa: ANN001 - test helper
    return quick.complete(loud, event, buffer, now, ATMOSPHERE, ST_X, ST_Y, np.zeros(len(ST_X)), np.zeros(len(ST_X)), None,
                          FusionConfig(), hold_s=0.5)


def test_a_quick_event_is_complete_only_when_every_station_that_could_hear_it_has_had_its_turn() -> None:
    loud, buffer, event, last_arrival = _scene(heard_near=True)
    could, margin = quick.could_hear(loud, event, buffer.station[:4], buffer.amplitude[:4], ST_X, ST_Y, None, FusionConfig())
    assert list(could) == [True, True, True, True, True, False, True]  # the far station could not hear it
    assert margin[4] >= loud.law.expected and margin[6] >= loud.law.expected  # type: ignore[union-attr]
    assert not _complete(loud, buffer, event, last_arrival)
    assert _complete(loud, buffer, event, last_arrival + 2.0)


def test_a_loud_source_that_a_near_station_did_not_hear_is_not_opened() -> None:
    loud, buffer, event, last_arrival = _scene(heard_near=False)
    # two of the six stations that should have heard it did not: a chance coincidence, not a source
    assert not _complete(loud, buffer, event, last_arrival + 2.0)
    # with station 6 not working, one of five did not (a quarter may be missing): it may be a source that station 4 missed
    last_heard = np.zeros(len(ST_X))
    last_heard[6] = -math.inf  # station 6 not working
    assert quick.complete(loud, event, buffer, last_arrival + 2.0, ATMOSPHERE, ST_X, ST_Y, last_heard, np.zeros(len(ST_X)),
                          None, FusionConfig(), hold_s=0.5)


def test_quick_searches_emit_events_seconds_after_their_last_pick_without_losing_them() -> None:
    toy = make_toy(seed=41, n_events=150, clutter_per_station=3, duration_s=3600.0, loudness=True)
    time = np.asarray(toy.picks["time"].to_numpy(), dtype=float)
    runs = {}
    for every in (None, 5.0):
        stream = StreamingAssociator(toy.stations, quick_every_s=every)
        parts = []
        for second in np.arange(math.floor(time.min()), time.max() + 1.0):
            mine = (time >= second) & (time < second + 1.0)
            if mine.any():
                parts.append(stream.push(toy.picks.filter(mine)))
            parts.append(stream.advance(float(second) + 1.0))
        parts.append(stream.flush())
        runs[every] = (stream, Emission.concat(parts))
    stream, emission = runs[5.0]
    _, before = runs[None]
    assert stream.quick_opened > 20 and runs[None][0].quick_searches == 0
    # once the loudness is learned (the last third of the feed), half the events go within 10 s of
    # their last pick; without quick searches only a minority does
    late = emission.emitted_at_s >= 2400.0
    quick_share = float(np.mean(emission.latency_s[late] <= 10.0))
    plain_share = float(np.mean(before.latency_s[before.emitted_at_s >= 2400.0] <= 10.0))
    assert quick_share >= 0.5 > plain_share
    assert _matched(toy, emission.events) >= _matched(toy, before.events) - 1
    picks = emission.assignments["pick_id"].to_pylist()
    assert len(picks) == len(set(picks))
    assert len(set(emission.events["event_id"].to_pylist())) == emission.events.num_rows
    # the quick searches run at the same instants however the feed is cut into calls
    whole = StreamingAssociator(toy.stations, quick_every_s=5.0)
    at_once = Emission.concat([whole.push(toy.picks), whole.flush()])
    assert whole.quick_opened == stream.quick_opened
    assert at_once.assignments["pick_id"].to_pylist() == picks
    np.testing.assert_allclose(at_once.emitted_at_s, emission.emitted_at_s)


def test_a_coincidence_of_picks_whose_amplitudes_disagree_is_not_opened() -> None:
    loud, buffer, event, last_arrival = _scene(heard_near=True)
    assert _complete(loud, buffer, event, last_arrival + 2.0)
    buffer.amplitude[[2, 3]] *= 20.0  # two of its picks from a source twenty times as loud
    assert not _complete(loud, buffer, event, last_arrival + 2.0)


def test_picks_that_left_the_buffer_with_an_emitted_event_still_count_as_heard() -> None:
    loud, buffer, event, last_arrival = _scene(heard_near=False)
    assert not _complete(loud, buffer, event, last_arrival + 2.0)  # stations 4 and 6 seem not to have heard it
    # they did, but their picks went with an event emitted before (no longer in the buffer)
    tt = travel_times(ST_X, ST_Y, 3.0, 1.0, 0.34, 0.0, 0.0)
    near = np.array([4, 6])
    assert quick.complete(loud, event, buffer, last_arrival + 2.0, ATMOSPHERE, ST_X, ST_Y, np.zeros(len(ST_X)),
                          np.zeros(len(ST_X)), None, FusionConfig(), hold_s=0.5, other_station=near,
                          other_time_s=100.0 + tt[near])
    # picks there at other times are another source's: still not heard
    assert not quick.complete(loud, event, buffer, last_arrival + 2.0, ATMOSPHERE, ST_X, ST_Y, np.zeros(len(ST_X)),
                              np.zeros(len(ST_X)), None, FusionConfig(), hold_s=0.5, other_station=near,
                              other_time_s=130.0 + tt[near])


def test_an_event_may_wait_only_for_the_stations_expected_to_hear_it() -> None:
    loud, buffer, event, _ = _scene(heard_near=True)
    _, margin = quick.could_hear(loud, event, buffer.station[:4], buffer.amplitude[:4], ST_X, ST_Y, None, FusionConfig())
    law = loud.law
    assert law is not None
    # a law under which station 4 could hear the event but is not expected to
    loud.law = LoudnessLaw(spreading=law.spreading, absorption_per_km=law.absorption_per_km, scatter=law.scatter,
                           reference_log_snr=law.reference_log_snr, expected=float(margin[4]) + 0.01, possible=law.possible)
    could, _ = quick.could_hear(loud, event, buffer.station[:4], buffer.amplitude[:4], ST_X, ST_Y, None, FusionConfig())
    expected, _ = quick.could_hear(loud, event, buffer.station[:4], buffer.amplitude[:4], ST_X, ST_Y, None, FusionConfig(),
                                   expected=True)
    assert could[4] and not expected[4]
    assert not np.any(expected & ~could)  # the expected stations are some of those that could hear it
    toy = make_toy(seed=22, n_events=1, clutter_per_station=0, duration_s=600.0)
    assert StreamingAssociator(toy.stations, wait_margin="expected")._loudness_waits()
    assert not StreamingAssociator(toy.stations)._loudness_waits()
