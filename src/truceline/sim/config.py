"""Simulation parameters: weapon classes, station layout, presets and the run configuration.

Every number that shapes a scenario lives here, with its unit in its name, so that
``scenario.json`` can record it and ``docs/sim.md`` can justify it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from truceline.model.errors import TrucelineError


class ConfigError(TrucelineError):
    """A simulation parameter is out of range or unknown."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WeaponClass:
    """A class of indirect-fire weapon: how far, how long in flight, how loud, how it fires.

    Source levels are peak sound pressure levels (dB re 20 uPa) referred to 1 km from the
    source along the ground (impulsive, low-frequency dominated blasts).
    """

    name: str
    min_range_m: float
    max_range_m: float
    min_time_of_flight_s: float  # at min_range_m
    max_time_of_flight_s: float  # at max_range_m
    launch_level_db: float | None  # None: no audible launch (e.g. a drone-dropped munition)
    impact_level_db: float
    level_sigma_db: float  # round-to-round source variation
    battery_depth_m: tuple[float, float]  # behind the line
    launchers: tuple[int, int]  # tubes/vehicles per battery (inclusive)
    battery_width_m: float
    rounds_per_launcher: tuple[int, int]  # per fire mission (inclusive)
    salvo_interval_s: tuple[float, float]  # between successive rounds of one launcher
    salvo_spread_s: float  # launchers of one salvo fire within this many seconds
    dispersion_fraction: float  # 1-sigma impact scatter as a fraction of range
    dispersion_floor_m: float
    dud_probability: float


MORTAR = WeaponClass(
    name="mortar",
    min_range_m=1_000.0,
    max_range_m=7_000.0,
    min_time_of_flight_s=10.0,
    max_time_of_flight_s=30.0,
    launch_level_db=98.0,
    impact_level_db=112.0,
    level_sigma_db=2.0,
    battery_depth_m=(500.0, 3_000.0),
    launchers=(1, 3),
    battery_width_m=120.0,
    rounds_per_launcher=(1, 6),
    salvo_interval_s=(5.0, 15.0),
    salvo_spread_s=2.0,
    dispersion_fraction=0.008,
    dispersion_floor_m=25.0,
    dud_probability=0.03,
)

TUBE_ARTILLERY = WeaponClass(
    name="tube_artillery",
    min_range_m=5_000.0,
    max_range_m=30_000.0,
    min_time_of_flight_s=15.0,
    max_time_of_flight_s=70.0,
    launch_level_db=122.0,
    impact_level_db=120.0,
    level_sigma_db=2.0,
    battery_depth_m=(3_000.0, 15_000.0),
    launchers=(2, 6),
    battery_width_m=400.0,
    rounds_per_launcher=(1, 4),
    salvo_interval_s=(15.0, 50.0),
    salvo_spread_s=4.0,
    dispersion_fraction=0.006,
    dispersion_floor_m=40.0,
    dud_probability=0.04,
)

ROCKET_ARTILLERY = WeaponClass(
    name="rocket_artillery",
    min_range_m=10_000.0,
    max_range_m=40_000.0,
    min_time_of_flight_s=20.0,
    max_time_of_flight_s=90.0,
    launch_level_db=117.0,
    impact_level_db=119.0,
    level_sigma_db=2.5,
    battery_depth_m=(5_000.0, 18_000.0),
    launchers=(1, 2),
    battery_width_m=500.0,
    rounds_per_launcher=(6, 20),
    salvo_interval_s=(0.5, 0.5),  # a ripple: one rocket every half second
    salvo_spread_s=10.0,
    dispersion_fraction=0.015,
    dispersion_floor_m=120.0,
    dud_probability=0.05,
)

DRONE_MUNITION = WeaponClass(
    name="drone_munition",
    min_range_m=1_500.0,
    max_range_m=15_000.0,
    min_time_of_flight_s=0.0,
    max_time_of_flight_s=0.0,
    launch_level_db=None,
    impact_level_db=99.0,
    level_sigma_db=3.0,
    battery_depth_m=(1_000.0, 6_000.0),  # operator position
    launchers=(1, 1),
    battery_width_m=0.0,
    rounds_per_launcher=(1, 1),
    salvo_interval_s=(0.0, 0.0),
    salvo_spread_s=0.0,
    dispersion_fraction=0.0,
    dispersion_floor_m=5.0,
    dud_probability=0.08,
)

WEAPONS: dict[str, WeaponClass] = {w.name: w for w in (MORTAR, TUBE_ARTILLERY, ROCKET_ARTILLERY, DRONE_MUNITION)}


@dataclass(frozen=True, slots=True, kw_only=True)
class StationRow:
    """One row of sensors on each side of the line."""

    depth_m: float  # nominal distance behind the line
    spacing_m: float  # along the line
    depth_jitter_m: float = 1_500.0
    along_jitter_fraction: float = 0.2


DEFAULT_ROWS: tuple[StationRow, ...] = (
    StationRow(depth_m=12_000.0, spacing_m=8_000.0),
    StationRow(depth_m=28_000.0, spacing_m=16_000.0),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Preset:
    """What the parties do: background fire, an optional violation episode, and their mix."""

    name: str
    description: str
    default_hours: float
    rounds_per_hour: float  # background, whole front, including answering fire
    weapon_weights: dict[str, float]
    max_rounds_per_mission: int | None = None
    answer_probability: float = 0.3  # a mission provokes counter-fire (clustering)
    violation_rounds_per_hour: float = 0.0  # 0: no violation episode
    violation_hours: tuple[float, float] = (3.0, 6.0)


PRESETS: dict[str, Preset] = {
    "quiet": Preset(
        name="quiet",
        description="ceasefire holding: a few events per hour over the whole front",
        default_hours=24.0,
        rounds_per_hour=2.5,
        weapon_weights={"drone_munition": 0.35, "mortar": 0.45, "tube_artillery": 0.2},
        max_rounds_per_mission=3,
        answer_probability=0.15,
    ),
    "violation": Preset(
        name="violation",
        description="ceasefire holding except one sector where one party opens fire for some hours and the other answers",
        default_hours=24.0,
        rounds_per_hour=2.5,
        weapon_weights={"drone_munition": 0.35, "mortar": 0.45, "tube_artillery": 0.2},
        max_rounds_per_mission=3,
        answer_probability=0.15,
        violation_rounds_per_hour=120.0,
    ),
    "heavy": Preset(
        name="heavy",
        description="open fighting along the whole front: about 1,000 rounds (2,000 launch and impact events) per hour",
        default_hours=1.0,
        rounds_per_hour=1_130.0,
        # shares of missions; of rounds fired this is about 10 % drones, 35 % mortar, 40 % tube, 15 % rockets
        weapon_weights={"drone_munition": 0.45, "mortar": 0.27, "tube_artillery": 0.23, "rocket_artillery": 0.05},
        answer_probability=0.3,
    ),
}

DEFAULT_START = "2026-06-01T00:00:00Z"


def parse_start(text: str) -> float:
    """Unix seconds of an ISO 8601 time (UTC if no zone is given)."""
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ConfigError(f"start: {text!r} is not an ISO 8601 time (e.g. 2026-06-01T00:00:00Z)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


@dataclass(frozen=True, slots=True, kw_only=True)
class SimConfig:
    """A simulation run. ``hours=None`` takes the preset's default."""

    preset: str = "heavy"
    hours: float | None = None
    start_time_s: float = field(default_factory=lambda: parse_start(DEFAULT_START))
    clutter_rate_per_station_hour: float | None = None  # None: aim at clutter_fraction of all picks
    clutter_fraction: float = 0.2
    thunder_share: float = 0.15  # part of the clutter that comes from coherent thunder cells
    array_fraction: float = 0.25
    rows: tuple[StationRow, ...] = DEFAULT_ROWS
    outage_rate_per_station_day: float = 0.5
    dead_station_fraction: float = 0.02
    clock_offset_fraction: float = 0.04
    clock_offset_s: tuple[float, float] = (0.3, 2.0)
    pick_sigma_s: tuple[float, float] = (0.05, 0.15)
    outlier_fraction: float = 0.03
    outlier_error_s: tuple[float, float] = (0.5, 3.0)
    path_celerity_sigma: float = 0.002  # relative, per source-station path
    band_km: float = 80.0
    withdrawal_km: float = 15.0
    patrol_teams: int = 9
    osint_fraction: float = 0.05

    def __post_init__(self) -> None:
        if self.preset not in PRESETS:
            raise ConfigError(f"preset: unknown {self.preset!r} (choose one of {', '.join(sorted(PRESETS))})")
        if self.hours is not None and not (0.0 < self.hours <= 24.0 * 14):
            raise ConfigError(f"hours: must be in (0, 336], got {self.hours}")
        if self.clutter_rate_per_station_hour is not None and not (0.0 <= self.clutter_rate_per_station_hour <= 3_600.0):
            raise ConfigError(f"clutter rate: must be in [0, 3600] picks per station per hour, got {self.clutter_rate_per_station_hour}")
        if not (0.0 <= self.clutter_fraction < 0.95):
            raise ConfigError(f"clutter fraction: must be in [0, 0.95), got {self.clutter_fraction}")
        if not (0.0 <= self.array_fraction <= 1.0):
            raise ConfigError(f"array fraction: must be in [0, 1], got {self.array_fraction}")
        if not (0.0 <= self.thunder_share <= 1.0):
            raise ConfigError(f"thunder share: must be in [0, 1], got {self.thunder_share}")
        if not (0.0 < self.withdrawal_km < self.band_km):
            raise ConfigError(f"withdrawal zone: must be narrower than the band ({self.band_km} km), got {self.withdrawal_km}")
        if self.band_km < 60.0:
            raise ConfigError(f"band: each party's area must reach at least 60 km from the line, got {self.band_km}")

    @property
    def duration_s(self) -> float:
        hours = self.hours if self.hours is not None else PRESETS[self.preset].default_hours
        return hours * 3600.0

    @property
    def end_time_s(self) -> float:
        return self.start_time_s + self.duration_s
