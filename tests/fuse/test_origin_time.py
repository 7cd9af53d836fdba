"""The origin time's own term (``FusionConfig.origin_time_swap``): picks swapped with a neighbouring round from the same
place shift the origin time together, and only ``time_sigma_s`` changes."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.uncertainty import coherent_swap_time_variance, event_design, pick_gains

C = 0.340
SWAP_SHARE = 0.3  # the chance that a station's pick is the drawn round's


def test_the_coherent_swap_variance_is_the_share_squared_times_the_mean_square_shift_within_the_window() -> None:
    # four picks of equal gain; one neighbour 1.0 s later at every station, another 3.0 s later (beyond 2.2 s: it
    # cannot be voted in); half the picks crowded: 0.5^2 * 1.0^2 / (1 + 1)
    gain = np.full(4, 0.25)
    own = np.array([10.0, 12.0, 14.0, 16.0])
    others = np.vstack([own + 1.0, own + 3.0])
    assert np.isclose(coherent_swap_time_variance(gain, own, others, 0.5, window_s=2.2), 0.125)
    # the shift is the gain-weighted one: a neighbour 1 s later at two stations only moves the time by 0.5 s
    assert np.isclose(coherent_swap_time_variance(gain, own, own[None, :] + [[1.0, 1.0, 0.0, 0.0]], 1.0, window_s=2.2),
                      0.25 / 2.0)
    assert coherent_swap_time_variance(gain, own, np.zeros((0, 4)), 1.0, window_s=2.2) == 0.0
    assert coherent_swap_time_variance(gain, own, others, 0.0, window_s=2.2) == 0.0


def _mission_toy(rng: np.random.Generator, n_missions: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fire missions of three rounds from one spot, 0.5-1.0 s apart, every station (5-9, 4-30 km around) hearing every
    round; each round's event is a chimera: a round among the three is drawn (the own as likely as each neighbour) and
    each station's pick is that round's arrival with probability ``SWAP_SHARE``, else its own (noise 0.1 s). Located with
    ``kernels.locate``; per event its origin-time error, nominal sigma and the coherent swap's variance (the
    neighbours' predicted arrivals from their own located solutions, the crowd share 1: every pick has another
    arrival within 2.2 s)."""
    from truceline.fuse.kernels import locate

    errors, nominal, swap = [], [], []
    for _ in range(n_missions):
        n = int(rng.integers(5, 10))
        distance, angle = rng.uniform(4.0, 30.0, n), np.sort(rng.uniform(0, 2 * np.pi, n))
        sx, sy = distance * np.sin(angle), distance * np.cos(angle)
        source = rng.uniform(-1.0, 1.0, 2)
        origins = 5.0 + np.concatenate([[0.0], np.cumsum(rng.uniform(0.5, 1.0, 2))])
        arrivals = origins[:, None] + travel_times(sx, sy, source[0], source[1], C, 0.0, 0.0)[None, :]
        solved = []
        for r in range(3):
            other = int(rng.integers(3))
            take = rng.random(n) < SWAP_SHARE
            times = np.where(take, arrivals[other], arrivals[r]) + rng.normal(0.0, 0.1, n)
            picks = np.arange(n)
            x, y, t0, cov, _chi2, _n = locate(picks, picks, times, np.full(n, np.nan), np.full(n, np.nan), sx, sy,
                                              np.zeros(n), 0.0, 0.0, origins[r], C, 0.0, 0.0, 0.1, 0.0, 2.5, 15)
            solved.append((x, y, t0, cov, times))
        for r, (x, y, t0, cov, times) in enumerate(solved):
            if not np.isfinite(cov[2, 2]):
                continue
            design = event_design(sx, sy, x, y, t0, times, (C, 0.0, 0.0), sigma_pick_s=0.1, kappa_model=0.0)
            own = times - design.residual_s
            others = np.array([s[2] + travel_times(sx, sy, s[0], s[1], C, 0.0, 0.0) for j, s in enumerate(solved) if j != r])
            errors.append(t0 - origins[r])
            nominal.append(cov[2, 2])
            swap.append(coherent_swap_time_variance(pick_gains(design)[2], own, others, 1.0, window_s=2.2))
    return np.array(errors), np.array(nominal), np.array(swap)


def test_the_origin_times_interval_holds_the_rounds_of_a_mission_once_the_coherent_swap_is_added() -> None:
    """The seeded mission toy: the nominal 95 % interval of the origin time holds few of the chimeras' true origin
    times (their swapped picks are off together: the fit absorbs them into the time), with the coherent swap's variance
    it holds 93-100 %. A tolerant band, not a calibration: with half the picks swapped (``SWAP_SHARE`` 0.5) it holds
    about 0.85 (0.856 with this seed), as the neighbours are chimeras too and the gaps between the located rounds read
    smaller than the true ones, and where most picks are another round's the robust fit takes that round's time whole."""
    errors, nominal, swap = _mission_toy(np.random.default_rng(3))
    assert len(errors) >= 280
    inside_nominal = np.mean(np.abs(errors) <= 1.96 * np.sqrt(nominal))
    inside_swap = np.mean(np.abs(errors) <= 1.96 * np.sqrt(nominal + swap))
    assert inside_nominal < 0.6
    assert 0.93 <= inside_swap <= 1.0
    assert np.all(swap > 0.0)


def _located_pair(flag: bool):
    """The batch's tables of a toy scenario with three fire missions (three rounds 0.8 s apart from one spot) and lone
    events, ``origin_time_swap`` off or on."""
    import dataclasses

    from tests.fuse.synthetic import make_toy
    from truceline.fuse.config import FusionConfig
    from truceline.fuse.engine import fuse
    from truceline.fuse.events import to_tables

    events = []
    for k, (lat, lon) in enumerate([(47.98, 37.3), (48.02, 37.55), (48.0, 37.8)]):
        events += [(lat, lon, 200.0 + 400.0 * k + 0.8 * r) for r in range(3)]
    events += [(47.95, 37.45, 420.0), (48.05, 37.7, 1020.0)]
    toy = make_toy(seed=5, events=sorted(events, key=lambda e: e[2]), clutter_per_station=0)
    config = FusionConfig(sound_speed_m_per_s=338.0)
    prep, result, atmosphere = fuse(toy.stations, toy.picks, config)
    return to_tables(prep, result, atmosphere, config=dataclasses.replace(config, origin_time_swap=flag), batch=True)


def test_the_origin_time_swap_changes_the_time_sigma_alone_and_only_widens() -> None:
    """``FusionConfig.origin_time_swap`` on a toy with fire missions: every column of the events but ``time_sigma_s``
    and the assignments are those without it; the time sigmas only grow, and some do (the missions' rounds)."""
    off, on = _located_pair(False), _located_pair(True)
    assert on.assignments.equals(off.assignments)
    names = [c for c in off.events.column_names if c != "time_sigma_s"]
    assert on.events.select(names).equals(off.events.select(names))
    np.testing.assert_allclose(on.position_covariance_km2, off.position_covariance_km2)
    before = np.asarray(off.events.column("time_sigma_s"))
    after = np.asarray(on.events.column("time_sigma_s"))
    assert np.all(after >= before)
    assert np.sum(after > before) >= 3


def test_the_stream_gives_its_events_the_same_origin_time_treatment() -> None:
    """The streaming associator's events (``replay``) with ``origin_time_swap``: the same events and assignments, the
    time sigmas only grow and the missions' rounds' do (their neighbours emitted with them or just before)."""
    from tests.fuse.synthetic import make_toy
    from truceline.fuse.config import FusionConfig
    from truceline.fuse.replay import replay

    events = []
    for k, (lat, lon) in enumerate([(47.98, 37.3), (48.02, 37.55), (48.0, 37.8)]):
        events += [(lat, lon, 200.0 + 400.0 * k + 0.8 * r) for r in range(3)]
    toy = make_toy(seed=5, events=events, clutter_per_station=0, duration_s=1500.0)
    off, _ = replay(toy.stations, toy.picks, FusionConfig(origin_time_swap=False), step_s=5.0)
    on, _ = replay(toy.stations, toy.picks, FusionConfig(origin_time_swap=True), step_s=5.0)
    assert on.assignments.equals(off.assignments)
    names = [c for c in off.events.column_names if c != "time_sigma_s"]
    assert on.events.select(names).equals(off.events.select(names))
    before = np.asarray(off.events.column("time_sigma_s"))
    after = np.asarray(on.events.column("time_sigma_s"))
    assert np.all(after >= before)
    assert np.sum(after > before) >= 3
