"""Time of flight against range: which weapon classes could have made a launch-impact pair.

A shell or rocket that travels a ground range ``R`` spends, in vacuum, ``T = sqrt(2 R tan(theta) / g)``
in the air when fired at elevation ``theta`` (from ``R = v^2 sin(2 theta) / g`` and
``T = 2 v sin(theta) / g``). Each weapon class is described by the ranges it reaches and the
elevations it fires at (mortars fire high, guns and rocket launchers low to medium), plus a drag
allowance that stretches the upper bound. That gives a time-of-flight envelope for every range
without copying any firing table: a pair whose time difference falls inside some class's envelope
at the distance between the two events is physically possible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
GRAVITY_M_PER_S2 = 9.81


@dataclass(frozen=True, slots=True, kw_only=True)
class WeaponEnvelope:
    """A weapon class as the pairing sees it: reach, elevations fired at, drag allowance.

    ``min_depth_m`` / ``max_depth_m`` bound how far behind the line such weapons are deployed
    (mortars with the forward units, guns and rocket launchers out of the enemy mortars' reach
    and within their own reach of the enemy's depth). ``rule_name`` is the name agreements use for the class (``weapons: [artillery, mlrs, mortar]``);
    ``min_calibre_mm`` / ``max_calibre_mm`` the calibres the class spans (a mortar may be 82 or 120 mm).
    ``impact_minus_launch_db`` is what physics says of the class's two sounds before the run has taught its levels
    (:func:`truceline.attribute.acoustics.fit_level_model`): a mortar's small propellant charge in a short tube is far
    quieter than the detonation of its bomb, a gun's muzzle blast about as loud as its shell's, a rocket motor somewhat
    quieter than its warhead; ``level_difference_sigma_db`` its width (calibres, charges, fuzes, sites).
    ``min_fill_kg`` / ``max_fill_kg`` bound the TNT-equivalent explosive fill of the class's rounds (published figures:
    an 82 mm mortar bomb about 0.4 kg, a 120 mm one 1.6-2.2 kg; a 122-155 mm shell 3.7-11 kg; a 122 mm rocket's warhead
    6.4 kg, a 300 mm one up to about 90 kg). Blast overpressure at a given distance scales as the cube root of the charge
    (Hopkinson-Cranz), so two classes' detonations differ by about ``20/3 log10`` of their fills' ratio
    (:func:`impact_level_offset_db`).
    """

    name: str
    rule_name: str
    min_range_m: float
    max_range_m: float
    min_elevation_deg: float
    max_elevation_deg: float
    drag_factor: float
    min_calibre_mm: float
    max_calibre_mm: float
    min_depth_m: float
    max_depth_m: float
    impact_minus_launch_db: float = float("nan")
    level_difference_sigma_db: float = 6.0
    min_fill_kg: float = float("nan")
    max_fill_kg: float = float("nan")


ENVELOPES: tuple[WeaponEnvelope, ...] = (
    # Light and medium mortars: high-angle fire, 0.5-8 km.
    WeaponEnvelope(name="mortar", rule_name="mortar", min_range_m=500.0, max_range_m=8_000.0,
                   min_elevation_deg=20.0, max_elevation_deg=70.0, drag_factor=1.1, min_calibre_mm=60.0, max_calibre_mm=120.0,
                   min_depth_m=200.0, max_depth_m=5_000.0, impact_minus_launch_db=15.0, min_fill_kg=0.3, max_fill_kg=2.5),
    # Guns and howitzers (122-155 mm): low- to medium-angle fire, 3-35 km.
    WeaponEnvelope(name="tube_artillery", rule_name="artillery", min_range_m=3_000.0, max_range_m=35_000.0,
                   min_elevation_deg=6.0, max_elevation_deg=45.0, drag_factor=1.15, min_calibre_mm=100.0, max_calibre_mm=155.0,
                   min_depth_m=2_000.0, max_depth_m=20_000.0, impact_minus_launch_db=0.0, min_fill_kg=3.5, max_fill_kg=11.0),
    # Multiple rocket launchers (122 mm and up): 8-45 km.
    WeaponEnvelope(name="rocket_artillery", rule_name="mlrs", min_range_m=8_000.0, max_range_m=45_000.0,
                   min_elevation_deg=6.0, max_elevation_deg=50.0, drag_factor=1.15, min_calibre_mm=122.0, max_calibre_mm=300.0,
                   min_depth_m=3_000.0, max_depth_m=25_000.0, impact_minus_launch_db=5.0, min_fill_kg=6.0, max_fill_kg=90.0),
)

#: Longest time of flight any class allows (used to bound the pair search), seconds.
MAX_TIME_OF_FLIGHT_S = max(
    float(np.sqrt(2.0 * e.max_range_m * np.tan(np.radians(e.max_elevation_deg)) / GRAVITY_M_PER_S2)) * e.drag_factor
    for e in ENVELOPES
)
#: Farthest reach of any class, metres.
MAX_RANGE_M = max(e.max_range_m for e in ENVELOPES)


def impact_level_offset_db(envelope: WeaponEnvelope, reference: WeaponEnvelope) -> tuple[float, float]:
    """How much louder (dB, negative: quieter) ``envelope``'s detonations are than ``reference``'s at the same distance,
    and the 1-sigma of that, from their explosive fills (each fill log-uniform between its bounds; cube-root scaling of
    the overpressure, ``20/3 log10`` of the fills' ratio). (NaN, NaN) where a fill is unknown."""
    bounds = [np.log10([e.min_fill_kg, e.max_fill_kg]) for e in (envelope, reference)]
    if not all(np.all(np.isfinite(b)) for b in bounds):
        return float("nan"), float("nan")
    mean = [0.5 * (b[0] + b[1]) for b in bounds]
    variance = [(b[1] - b[0]) ** 2 / 12.0 for b in bounds]
    scale = 20.0 / 3.0
    return float(scale * (mean[0] - mean[1])), float(scale * np.sqrt(variance[0] + variance[1]))


def time_of_flight_bounds_s(envelope: WeaponEnvelope, range_m: FloatArray, *, speed_bound: bool = False) -> tuple[FloatArray, FloatArray]:
    """Shortest and longest time of flight of ``envelope`` at each range (vacuum ballistics, drag-stretched).

    With ``speed_bound`` the shortest is also bounded by the class's speed: a round that reaches ``max_range_m`` at best
    leaves at ``v = sqrt(g max_range_m)`` (the vacuum range at 45 degrees; drag only makes the real round slower over the
    same range), so at range ``R`` its flattest trajectory has ``sin(2 theta) = R / max_range_m`` and it cannot land
    sooner than ``2 v sin(theta) / g``: a gun firing at 6 degrees reaches a few kilometres, not 27 km in 35 s (the low
    elevation bound alone allows any range at the lowest elevation)."""
    range_m = np.maximum(np.asarray(range_m, dtype=np.float64), 1.0)
    elevation = np.full(range_m.shape, np.radians(envelope.min_elevation_deg))
    if speed_bound:
        flattest = 0.5 * np.arcsin(np.clip(range_m / envelope.max_range_m, 0.0, 1.0))
        elevation = np.maximum(elevation, flattest)
    low = np.sqrt(2.0 * range_m * np.tan(elevation) / GRAVITY_M_PER_S2)
    high = np.sqrt(2.0 * range_m * np.tan(np.radians(envelope.max_elevation_deg)) / GRAVITY_M_PER_S2) * envelope.drag_factor
    return low, high


def flight_costs(range_m: FloatArray, flight_s: FloatArray, range_sigma_m: FloatArray, flight_sigma_s: FloatArray,
                 launch_depth_m: FloatArray | None = None, depth_sigma_m: FloatArray | None = None,
                 depth_bounds_m: FloatArray | None = None, *, speed_bound: bool = False) -> FloatArray:
    """Cost of each (range, time of flight) under each weapon class, shape (n, classes); ``speed_bound``: the shortest time
    of flight also bounded by the class's speed (:func:`time_of_flight_bounds_s`).

    Inside a class's envelope the cost is ``0.5 * ((T - T_mid) / half_width)^2`` (at most 0.5),
    which prefers the middle of the envelope and makes the assignment keep salvo order; outside
    it adds the squared number of standard deviations (timing and location errors combined)
    by which the pair misses the envelope, in time and in range. ``inf`` where a class is
    more than four standard deviations away. With ``launch_depth_m`` (the launch's distance behind
    the line) the squared miss of the class's deployment depth is added the same way; ``depth_bounds_m`` (shape
    (classes, 2), or (n, classes, 2) per pair: least and greatest depth per class, e.g. learned from the run,
    :mod:`truceline.attribute.deployment`) replaces the envelopes' ``min_depth_m`` / ``max_depth_m``.
    """
    range_m = np.asarray(range_m, dtype=np.float64)
    flight_s = np.asarray(flight_s, dtype=np.float64)
    costs = np.full((range_m.size, len(ENVELOPES)), np.inf)
    for k, envelope in enumerate(ENVELOPES):
        low, high = time_of_flight_bounds_s(envelope, range_m)
        middle, half = 0.5 * (low + high), 0.5 * (high - low)
        # the envelope's slope turns a range error into a time error
        slope = 0.5 * middle / np.maximum(range_m, 1.0)
        sigma_t = np.sqrt(flight_sigma_s**2 + (slope * range_sigma_m) ** 2 + (0.03 * flight_s) ** 2 + 0.25)
        miss_t = np.maximum(np.abs(flight_s - middle) - half, 0.0) / sigma_t
        if speed_bound:
            # Faster than the class's speed allows: missed as the envelope is (the cost inside it is unchanged).
            fastest = time_of_flight_bounds_s(envelope, range_m, speed_bound=True)[0]
            miss_t = np.maximum(miss_t, (fastest - flight_s) / sigma_t)
        miss_r = (np.maximum(envelope.min_range_m - range_m, 0.0) + np.maximum(range_m - envelope.max_range_m, 0.0)) / (
            range_sigma_m + 0.05 * range_m + 100.0
        )
        inside = 0.5 * np.minimum((flight_s - middle) / half, 1.0) ** 2
        cost = inside + miss_t**2 + miss_r**2
        ok = (miss_t <= 4.0) & (miss_r <= 4.0)
        if launch_depth_m is not None:
            scale = (depth_sigma_m if depth_sigma_m is not None else 0.0) + 300.0
            low_d, high_d = ((envelope.min_depth_m, envelope.max_depth_m) if depth_bounds_m is None
                             else (depth_bounds_m[..., k, 0], depth_bounds_m[..., k, 1]))
            miss_d = (np.maximum(low_d - launch_depth_m, 0.0) + np.maximum(launch_depth_m - high_d, 0.0)) / scale
            cost = cost + miss_d**2
        costs[:, k] = np.where(ok, cost, np.inf)
    return costs


EARTH_RADIUS_M = 6_371_000.0


def distance_m(lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Great-circle distance (haversine), metres."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2.0 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)
