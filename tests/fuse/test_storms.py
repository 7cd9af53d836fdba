"""Storm cells (``fuse/storms.py``, ``FusionConfig.storm_cells``): the lone events of a thunderstorm, scattered
kilometres apart and minutes apart with wide residuals (emergent onsets), are dropped; a lone true event of the same
size that fits as the run's events do is kept, and so is a place that fires again with wide residuals."""

from __future__ import annotations

import numpy as np

from truceline.fuse.atmosphere import travel_times
from truceline.fuse.engine import FusionConfig
from truceline.fuse.storms import StormSettings, rms_residuals_s, storm_cells

ATMOSPHERE = (0.335, 0.002, -0.001)


def _run(seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, list[int]]]:
    """A run's events (x km, y km, origin time s, rms residual s) and their labels: forty fire missions of five rounds
    each (rounds 2 s apart at one place: none is lone), rms about 0.14 s; a storm cell of five strikes around (60, 0),
    2-5 km and 2-3 min apart, rms 0.2-0.26 s; a lone true event inside the cell's area and time, rms 0.125 s, of the
    same size; a battery 30 km off firing a lone round every 3 minutes from one place, rms 0.22 s."""
    rng = np.random.default_rng(seed)
    x: list[float] = []
    y: list[float] = []
    t: list[float] = []
    rms: list[float] = []
    labels: dict[str, list[int]] = {"fire": [], "storm": [], "lone_true": [], "battery": []}

    def add(label: str, xi: float, yi: float, ti: float, ri: float) -> None:
        labels[label].append(len(t))
        x.append(xi)
        y.append(yi)
        t.append(ti)
        rms.append(ri)

    for mission in range(40):
        px, py, pt = rng.uniform(-40, 40), rng.uniform(-40, 40), mission * 90.0
        for k in range(5):
            add("fire", px + rng.normal(0, 0.05), py + rng.normal(0, 0.05), pt + 2.0 * k, rng.uniform(0.12, 0.16))
    for k, (dx, dy) in enumerate([(0.0, 0.0), (3.0, 1.0), (-2.0, 3.5), (1.0, -4.0), (-3.5, -2.0)]):
        add("storm", 60.0 + dx, dy, 1000.0 + 150.0 * k, 0.20 + 0.015 * k)
    add("lone_true", 61.5, -1.5, 1230.0, 0.125)
    for k in range(4):
        add("battery", -60.0 + rng.normal(0, 0.05), 30.0 + rng.normal(0, 0.05), 1000.0 + 180.0 * k, 0.22)
    return np.array(x), np.array(y), np.array(t), np.array(rms), labels


def test_the_storms_lone_events_are_dropped_and_a_true_one_of_the_same_size_kept() -> None:
    x, y, t, rms, labels = _run()
    cells = storm_cells(x, y, t, rms, StormSettings())
    assert not cells.keep[labels["storm"]].any()
    assert cells.keep[labels["lone_true"]].all()  # lone, in the cell, but it fits as the run's events do
    assert cells.keep[labels["fire"]].all()  # a mission's rounds are not lone
    assert cells.keep[labels["battery"]].all()  # wide residuals, but a place that fires again
    assert cells.lone[labels["storm"] + labels["lone_true"]].all()
    assert not cells.lone[labels["fire"] + labels["battery"]].any()
    assert 0.13 < cells.noise_s < 0.16


def test_a_cell_needs_its_neighbours() -> None:
    x, y, t, rms, labels = _run()
    cells = storm_cells(x, y, t, rms, StormSettings(min_neighbours=6))
    assert cells.keep.all()
    # one strike left: its one lone neighbour is the true event
    left = [i for i in range(len(t)) if i not in labels["storm"][1:]]
    cells = storm_cells(x[left], y[left], t[left], rms[left], StormSettings())
    assert cells.keep.all()


def test_a_cell_that_fits_as_the_run_does_is_kept() -> None:
    x, y, t, rms, labels = _run()
    rms[labels["storm"]] = 0.12
    assert storm_cells(x, y, t, rms, StormSettings()).keep.all()


def test_a_quiet_run_of_lone_events_reads_no_storm() -> None:
    """Without fire to measure the run's misfit (fewer than ``min_fire_events`` events not lone), nothing is
    dropped, though the lone events lie in one cell and half of them fit worse than the other half."""
    x, y, t, rms, labels = _run()
    quiet = labels["storm"] + labels["lone_true"]
    cells = storm_cells(x[quiet], y[quiet], t[quiet], rms[quiet], StormSettings())
    assert cells.keep.all() and cells.noise_s == 0.0
    fire = labels["fire"][:20] + quiet  # four missions' rounds: 20 events not lone, enough to read the storm
    cells = storm_cells(x[fire], y[fire], t[fire], rms[fire], StormSettings())
    assert not cells.keep[20:25].any() and cells.keep[25]


def test_rms_residuals_are_the_assignments_residuals() -> None:
    st_x = np.array([5.0, -8.0, 12.0, 0.0, 20.0])
    st_y = np.array([3.0, 6.0, -9.0, -15.0, 18.0])
    c, wx, wy = ATMOSPHERE
    arrivals = 100.0 + travel_times(st_x, st_y, 1.0, 2.0, c, wx, wy, 0.0)
    offsets = np.array([0.1, -0.2, 0.0, 0.3, -0.1])
    pick_time = np.concatenate([arrivals + offsets, [5.0]])
    pick_station = np.array([0, 1, 2, 3, 4, 0])
    rms = rms_residuals_s(np.array([1.0, 0.0]), np.array([2.0, 0.0]), np.array([100.0, 0.0]),
                          [np.arange(5), np.zeros(0, dtype=int)], np.array([ATMOSPHERE, ATMOSPHERE]), pick_time,
                          pick_station, st_x, st_y, 0.0)
    assert np.isclose(rms[0], np.sqrt(np.mean(offsets**2)))
    assert rms[1] == 0.0


def test_storm_cells_is_on_by_default_with_the_settings_defaults() -> None:
    config = FusionConfig()
    assert config.storm_cells
    settings = StormSettings()
    assert (config.storm_cell_km, config.storm_cell_s, config.storm_min_neighbours, config.storm_place_km,
            config.storm_cell_misfit, config.storm_event_misfit, config.storm_isolation_km,
            config.storm_isolation_s, config.storm_min_fire_events, config.storm_scatter_p,
            config.storm_scatter_min_stations) == (
        settings.cell_km, settings.cell_s, settings.min_neighbours, settings.place_km, settings.cell_misfit,
        settings.event_misfit, settings.isolation_km, settings.isolation_s, settings.min_fire_events,
        settings.max_scatter_p, settings.min_scattered)
