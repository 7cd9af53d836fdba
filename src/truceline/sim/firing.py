"""Who fires what, where and when: fire missions, salvos, and the launch and impact of each round.

A *fire mission* is one battery (a few tubes or launchers a few hundred metres apart) firing
at one target. Missions arrive as a clustered, non-homogeneous process:

* background missions: a Poisson process thinned by a time-varying rate (a dawn peak and a
  slow multi-hour swell), placed along the line partly uniformly and partly around a few
  hot spots;
* answers: each mission provokes, with the preset's probability, counter-battery fire from
  the other side 2-20 minutes later at the battery's position (a self-exciting cascade, up
  to three generations deep);
* in the ``violation`` preset, one party opens fire in one sector for some hours and the
  other answers, mostly at the violator's batteries.

Each round is a *launch* at its tube (unless the weapon has no audible launch, as with a
drone-dropped munition) and an *impact* time-of-flight seconds later near the target (unless
it is a dud). Times of flight follow each class's firing-table-like curve between its
shortest and longest range.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from truceline.geo.areas import LEFT_PARTY, RIGHT_PARTY, Areas
from truceline.geo.frame import Sectors
from truceline.sim.config import WEAPONS, Preset, SimConfig, WeaponClass
from truceline.sim.placement import geodesic, line_azimuth_deg, move, offset_point, side_sign, terrain_elevation_m

FloatArray = NDArray[np.float64]
MAX_ANSWER_GENERATION = 3
ANSWER_WEAPONS: dict[str, float] = {"mortar": 0.35, "tube_artillery": 0.5, "rocket_artillery": 0.15}
VIOLATION_WEAPONS: dict[str, float] = {"mortar": 0.35, "tube_artillery": 0.45, "rocket_artillery": 0.2}


def other(party: str) -> str:
    return RIGHT_PARTY if party == LEFT_PARTY else LEFT_PARTY


@dataclass(frozen=True, slots=True, kw_only=True)
class Mission:
    mission_id: int
    time_s: float
    party: str
    weapon: str
    along_m: float
    reason: str  # background, violation, answer
    generation: int = 0
    answer_to: int | None = None
    target: tuple[float, float] | None = None  # (lat, lon) when aimed at a known point


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedMission:
    mission: Mission
    battery_lat: float
    battery_lon: float
    fire_azimuth_deg: float
    target_lat: float
    target_lon: float
    range_m: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Violation:
    party: str
    sector: str
    start_s: float
    end_s: float
    answer_start_s: float
    answer_end_s: float


@dataclass(slots=True, kw_only=True, eq=False)
class Sources:
    """True acoustic sources (launches and impacts), columnar."""

    time_s: FloatArray
    lat_deg: FloatArray
    lon_deg: FloatArray
    elev_m: FloatArray
    level_db: FloatArray  # at 1 km
    kind: NDArray[np.str_]
    weapon: NDArray[np.str_]
    mission: NDArray[np.int64]
    round_id: NDArray[np.int64]
    partner: NDArray[np.int64]  # index of the paired source, -1 if none
    firing_party: NDArray[np.str_]
    reason: NDArray[np.str_]

    def __len__(self) -> int:
        return int(self.time_s.size)

    def take(self, keep: NDArray[np.bool_]) -> Sources:
        """Only the kept sources, partners re-indexed (-1 where the partner was dropped)."""
        new_index = np.full(keep.size, -1, dtype=np.int64)
        new_index[keep] = np.arange(int(keep.sum()))
        partner = self.partner[keep]
        partner = np.where(partner >= 0, new_index[np.maximum(partner, 0)], -1)
        return Sources(
            time_s=self.time_s[keep],
            lat_deg=self.lat_deg[keep],
            lon_deg=self.lon_deg[keep],
            elev_m=self.elev_m[keep],
            level_db=self.level_db[keep],
            kind=self.kind[keep],
            weapon=self.weapon[keep],
            mission=self.mission[keep],
            round_id=self.round_id[keep],
            partner=partner,
            firing_party=self.firing_party[keep],
            reason=self.reason[keep],
        )


def time_of_flight_s(weapon: WeaponClass, range_m: FloatArray) -> FloatArray:
    """Firing-table-like time of flight: rises a little faster than linearly at short range."""
    span = max(weapon.max_range_m - weapon.min_range_m, 1.0)
    fraction = np.clip((range_m - weapon.min_range_m) / span, 0.0, 1.2)
    return np.asarray(
        weapon.min_time_of_flight_s + (weapon.max_time_of_flight_s - weapon.min_time_of_flight_s) * fraction**0.85,
        dtype=np.float64,
    )


def mean_rounds(weapon: WeaponClass, cap: int | None) -> float:
    """Expected rounds of one mission (uniform launcher and round counts, capped)."""
    totals = [
        min(launchers * rounds, cap) if cap else launchers * rounds
        for launchers in range(weapon.launchers[0], weapon.launchers[1] + 1)
        for rounds in range(weapon.rounds_per_launcher[0], weapon.rounds_per_launcher[1] + 1)
    ]
    return float(np.mean(totals))


def _choose(rng: np.random.Generator, weights: dict[str, float]) -> str:
    names = sorted(weights)
    probabilities = np.array([weights[name] for name in names], dtype=np.float64)
    return names[int(rng.choice(len(names), p=probabilities / probabilities.sum()))]


def _thinned_times(rng: np.random.Generator, rate_per_hour: float, start_s: float, end_s: float, swell: bool) -> FloatArray:
    """Times of a Poisson process with a dawn peak and a slow swell, by thinning.

    The profile is normalised to a mean of 1 over the window, so the expected count is
    ``rate_per_hour`` times the hours whatever the phase of the swell: the variation moves
    fire around within the window instead of changing its total.
    """
    if end_s <= start_s or rate_per_hour <= 0:
        return np.zeros(0)
    period = rng.uniform(3.0, 8.0) * 3600.0
    phase = rng.uniform(0.0, 2.0 * np.pi)

    def profile(times: FloatArray) -> FloatArray:
        hour = ((times / 3600.0) + 3.0) % 24.0
        rate = 1.0 + 0.2 * np.cos(2.0 * np.pi * (hour - 5.0) / 24.0)
        if swell:
            rate = rate * (1.0 + 0.3 * np.sin(2.0 * np.pi * (times - start_s) / period + phase))
        return np.asarray(rate, dtype=np.float64)

    grid = np.linspace(start_s, end_s, 257)
    mean = float(np.mean(profile(grid)))
    peak = float(np.max(profile(grid))) / mean * 1.01
    count = rng.poisson(rate_per_hour * peak * (end_s - start_s) / 3600.0)
    times = np.sort(rng.uniform(start_s, end_s, count))
    return times[rng.random(count) < profile(times) / mean / peak]


def plan_missions(
    preset: Preset, config: SimConfig, sectors: Sectors, areas: Areas, rng: np.random.Generator
) -> tuple[list[PlacedMission], Violation | None]:
    """Place every fire mission of the scenario, answers included, in time order."""
    start_s, end_s = config.start_time_s, config.end_time_s
    length = sectors.length_m
    queue: list[Mission] = []
    weights = preset.weapon_weights
    cap = preset.max_rounds_per_mission
    per_mission = sum(weights[n] * mean_rounds(WEAPONS[n], cap) for n in weights) / sum(weights.values())
    per_answer = sum(ANSWER_WEAPONS[n] * mean_rounds(WEAPONS[n], cap) for n in ANSWER_WEAPONS) / sum(ANSWER_WEAPONS.values())
    answers_per_mission = sum(preset.answer_probability**g for g in range(1, MAX_ANSWER_GENERATION + 1))
    base_rate = preset.rounds_per_hour / (per_mission + answers_per_mission * per_answer)
    hotspots = rng.uniform(50_000.0, length - 50_000.0, 4)
    for time in _thinned_times(rng, base_rate, start_s - 1_800.0, end_s, swell=True):
        if rng.random() < 0.55:
            along = rng.uniform(2_000.0, length - 2_000.0)
        else:
            along = float(np.clip(rng.normal(rng.choice(hotspots), 15_000.0), 2_000.0, length - 2_000.0))
        queue.append(
            Mission(mission_id=0, time_s=float(time), party=str(rng.choice([LEFT_PARTY, RIGHT_PARTY])),
                    weapon=_choose(rng, weights), along_m=along, reason="background")
        )
    violation: Violation | None = None
    if preset.violation_rounds_per_hour > 0:
        violation, extra = _violation_missions(preset, config, sectors, rng)
        queue.extend(extra)
    placed: list[PlacedMission] = []
    violator_batteries: list[PlacedMission] = []
    next_id = 1
    heap: list[tuple[float, int, Mission]] = [(m.time_s, order, m) for order, m in enumerate(queue)]
    heapq.heapify(heap)
    order = len(heap)
    while heap:
        _, _, mission = heapq.heappop(heap)
        if mission.reason == "answer" and mission.target is None and violation is not None and mission.answer_to == -1:
            earlier = [p for p in violator_batteries if p.mission.time_s < mission.time_s]
            if earlier:
                aim = earlier[int(rng.integers(len(earlier)))]
                mission = _aimed(mission, aim, rng)
        mission = replace(mission, mission_id=next_id)
        spot = _place(mission, WEAPONS[mission.weapon], sectors, areas, rng)
        if spot is None:
            continue
        next_id += 1
        placed.append(spot)
        if mission.reason == "violation":
            violator_batteries.append(spot)
        if mission.generation < MAX_ANSWER_GENERATION and rng.random() < preset.answer_probability:
            answer = Mission(
                mission_id=0,
                time_s=mission.time_s + float(rng.uniform(120.0, 1_200.0)),
                party=other(mission.party),
                weapon=_choose(rng, ANSWER_WEAPONS),
                along_m=mission.along_m,
                reason="answer",
                generation=mission.generation + 1,
                answer_to=mission.mission_id,
            )
            answer = _aimed(answer, spot, rng)
            if answer.time_s < end_s:
                heapq.heappush(heap, (answer.time_s, order, answer))
                order += 1
    return placed, violation


def _aimed(mission: Mission, at: PlacedMission, rng: np.random.Generator) -> Mission:
    """Aim a mission at a known battery (counter-battery fire), with a few hundred metres of error."""
    azimuth = rng.uniform(0.0, 360.0)
    lat, lon = move(at.battery_lat, at.battery_lon, azimuth, abs(rng.normal(0.0, 250.0)))
    return replace(mission, target=(float(lat), float(lon)), along_m=at.mission.along_m)


def _violation_missions(
    preset: Preset, config: SimConfig, sectors: Sectors, rng: np.random.Generator
) -> tuple[Violation, list[Mission]]:
    duration = config.duration_s
    party = str(rng.choice([LEFT_PARTY, RIGHT_PARTY]))
    sector = sectors[int(rng.integers(1, max(2, len(sectors) - 1)))]
    start = config.start_time_s + rng.uniform(0.2, 0.4) * duration
    hours = rng.uniform(*preset.violation_hours)
    end = min(start + hours * 3600.0, config.end_time_s)
    answer_start = start + rng.uniform(600.0, 1_800.0)
    answer_end = min(end + rng.uniform(1_800.0, 5_400.0), config.end_time_s)
    per_mission = sum(VIOLATION_WEAPONS[n] * mean_rounds(WEAPONS[n], None) for n in VIOLATION_WEAPONS)
    rate = preset.violation_rounds_per_hour / per_mission
    focus = rng.uniform(sector.start_m + 10_000.0, sector.end_m - 10_000.0, 2)
    missions: list[Mission] = []
    for reason, who, begin, finish, share in (
        ("violation", party, start, end, 1.0),
        ("answer", other(party), answer_start, answer_end, 0.6),
    ):
        for time in _thinned_times(rng, rate * share, begin, finish, swell=False):
            along = float(np.clip(rng.normal(rng.choice(focus), 8_000.0), sector.start_m, sector.end_m))
            weapon = _choose(rng, VIOLATION_WEAPONS if reason == "violation" else ANSWER_WEAPONS)
            missions.append(
                Mission(mission_id=0, time_s=float(time), party=who, weapon=weapon, along_m=along, reason=reason,
                        generation=MAX_ANSWER_GENERATION if reason == "answer" else 0,
                        answer_to=-1 if reason == "answer" else None)
            )
    violation = Violation(
        party=party, sector=sector.name, start_s=float(start), end_s=float(end),
        answer_start_s=float(answer_start), answer_end_s=float(answer_end),
    )
    return violation, missions


def _place(mission: Mission, weapon: WeaponClass, sectors: Sectors, areas: Areas, rng: np.random.Generator) -> PlacedMission | None:
    """Battery on the firing party's side at a depth fitting the weapon, target across the line."""
    sign = float(side_sign(np.array([mission.party]))[0])
    enemy = other(mission.party)
    for attempt in range(25):
        along = mission.along_m if attempt == 0 else mission.along_m + rng.normal(0.0, 3_000.0)
        along = float(np.clip(along, 1_000.0, sectors.length_m - 1_000.0))
        depth = rng.uniform(*weapon.battery_depth_m)
        lat, lon = offset_point(sectors, np.array([along]), np.array([sign * depth]))
        if areas.party_at(lat, lon)[0] != mission.party or abs(areas.signed_distance_m(lat, lon)[0]) < 300.0:
            continue
        if mission.target is not None:
            target_lat, target_lon = mission.target
            azimuth, distance = geodesic(lat, lon, np.array([target_lat]), np.array([target_lon]))
            if not (weapon.min_range_m <= distance[0] <= weapon.max_range_m):
                continue
            return PlacedMission(
                mission=mission, battery_lat=float(lat[0]), battery_lon=float(lon[0]),
                fire_azimuth_deg=float(azimuth[0]), target_lat=target_lat, target_lon=target_lon, range_m=float(distance[0]),
            )
        across = float(line_azimuth_deg(sectors, np.array([along]))[0]) - sign * 90.0
        theta = float(np.clip(rng.normal(0.0, 15.0), -40.0, 40.0))
        low = max(weapon.min_range_m, (depth + 400.0) / np.cos(np.radians(theta)))
        if low >= weapon.max_range_m:
            continue
        range_m = low + (weapon.max_range_m - low) * rng.random() ** 1.6
        aim_lat, aim_lon = move(lat, lon, across + theta, range_m)
        if areas.party_at(aim_lat, aim_lon)[0] != enemy or abs(areas.signed_distance_m(aim_lat, aim_lon)[0]) < 200.0:
            continue
        return PlacedMission(
            mission=mission, battery_lat=float(lat[0]), battery_lon=float(lon[0]), fire_azimuth_deg=(across + theta) % 360.0,
            target_lat=float(aim_lat[0]), target_lon=float(aim_lon[0]), range_m=float(range_m),
        )
    return None


def fire(placed: list[PlacedMission], preset: Preset, rng: np.random.Generator) -> Sources:
    """Every round of every mission: launch and impact sources, paired."""
    columns: dict[str, list[np.ndarray]] = {name: [] for name in (
        "time_s", "lat_deg", "lon_deg", "level_db", "kind", "weapon", "mission", "round_id", "partner", "firing_party", "reason")}
    count = 0
    round_base = 0
    for spot in placed:
        weapon = WEAPONS[spot.mission.weapon]
        launch_time, launch_lat, launch_lon, impact_lat, impact_lon = _rounds(spot, weapon, preset, rng)
        n = launch_time.size
        _, range_m = geodesic(launch_lat, launch_lon, impact_lat, impact_lon)
        flight = time_of_flight_s(weapon, range_m) * np.exp(rng.normal(0.0, 0.03, n))
        impact_time = launch_time + flight
        dud = rng.random(n) < weapon.dud_probability
        audible_launch = weapon.launch_level_db is not None
        rounds = round_base + np.arange(n)
        round_base += n
        charge = 1.0 - np.clip((range_m - weapon.min_range_m) / max(weapon.max_range_m - weapon.min_range_m, 1.0), 0.0, 1.0)
        blocks: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        if audible_launch:
            assert weapon.launch_level_db is not None
            level = weapon.launch_level_db - 5.0 * charge + rng.normal(0.0, weapon.level_sigma_db, n)
            blocks.append(("launch", launch_time, launch_lat, launch_lon, level, np.ones(n, dtype=bool)))
        impact_level = weapon.impact_level_db + rng.normal(0.0, weapon.level_sigma_db, n)
        blocks.append(("impact", impact_time, impact_lat, impact_lon, impact_level, ~dud))
        index_of: dict[str, np.ndarray] = {}
        for kind, times, lat, lon, level, keep in blocks:
            index = np.full(n, -1, dtype=np.int64)
            index[keep] = count + np.arange(int(keep.sum()))
            count += int(keep.sum())
            index_of[kind] = index
            columns["time_s"].append(times[keep])
            columns["lat_deg"].append(lat[keep])
            columns["lon_deg"].append(lon[keep])
            columns["level_db"].append(level[keep])
            columns["kind"].append(np.full(int(keep.sum()), kind))
            columns["weapon"].append(np.full(int(keep.sum()), weapon.name))
            columns["mission"].append(np.full(int(keep.sum()), spot.mission.mission_id, dtype=np.int64))
            columns["round_id"].append(rounds[keep])
            columns["firing_party"].append(np.full(int(keep.sum()), spot.mission.party))
            columns["reason"].append(np.full(int(keep.sum()), spot.mission.reason))
        if audible_launch:
            launch_index, impact_index = index_of["launch"], index_of["impact"]
            columns["partner"].append(impact_index)  # launches (all kept): their impact or -1 for duds
            columns["partner"].append(launch_index[~dud])
        else:
            columns["partner"].append(np.full(int((~dud).sum()), -1, dtype=np.int64))
    if count == 0:
        empty = np.zeros(0)
        return Sources(
            time_s=empty, lat_deg=empty, lon_deg=empty, elev_m=empty, level_db=empty, kind=np.zeros(0, dtype="<U6"),
            weapon=np.zeros(0, dtype="<U16"), mission=np.zeros(0, dtype=np.int64), round_id=np.zeros(0, dtype=np.int64),
            partner=np.zeros(0, dtype=np.int64), firing_party=np.zeros(0, dtype="<U2"), reason=np.zeros(0, dtype="<U10"),
        )
    lat_all = np.concatenate(columns["lat_deg"])
    lon_all = np.concatenate(columns["lon_deg"])
    return Sources(
        time_s=np.concatenate(columns["time_s"]),
        lat_deg=lat_all,
        lon_deg=lon_all,
        elev_m=terrain_elevation_m(lat_all, lon_all) + 1.0,
        level_db=np.concatenate(columns["level_db"]),
        kind=np.concatenate(columns["kind"]),
        weapon=np.concatenate(columns["weapon"]),
        mission=np.concatenate(columns["mission"]),
        round_id=np.concatenate(columns["round_id"]),
        partner=np.concatenate(columns["partner"]),
        firing_party=np.concatenate(columns["firing_party"]),
        reason=np.concatenate(columns["reason"]),
    )


def _rounds(
    spot: PlacedMission, weapon: WeaponClass, preset: Preset, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """Launch times and positions, aim-point impacts with dispersion, for one mission."""
    launchers = int(rng.integers(weapon.launchers[0], weapon.launchers[1] + 1))
    per_launcher = rng.integers(weapon.rounds_per_launcher[0], weapon.rounds_per_launcher[1] + 1, launchers)
    cap = preset.max_rounds_per_mission
    if cap is not None:
        launchers = min(launchers, cap)
        per_launcher = np.minimum(per_launcher[:launchers], max(1, cap // launchers))
    width = weapon.battery_width_m
    lateral = np.linspace(-width / 2.0, width / 2.0, launchers) if launchers > 1 else np.zeros(1)
    lateral = lateral + rng.normal(0.0, width / 10.0 + 1e-9, launchers)
    depth = rng.normal(0.0, width / 8.0 + 1e-9, launchers)
    azimuth = spot.fire_azimuth_deg
    tube_lat, tube_lon = move(spot.battery_lat, spot.battery_lon, azimuth + 90.0, lateral)
    tube_lat, tube_lon = move(tube_lat, tube_lon, azimuth, depth)
    aim_lat, aim_lon = move(spot.target_lat, spot.target_lon, azimuth + 90.0, lateral)  # parallel sheaf
    times: list[FloatArray] = []
    owner: list[NDArray[np.intp]] = []
    start = spot.mission.time_s
    if weapon.salvo_interval_s[1] <= 1.0:  # a ripple per launcher
        for j in range(launchers):
            first = start + rng.uniform(0.0, weapon.salvo_spread_s)
            k = np.arange(int(per_launcher[j]))
            times.append(first + k * weapon.salvo_interval_s[0] + rng.uniform(0.0, 0.05, k.size))
            owner.append(np.full(k.size, j, dtype=np.intp))
    else:  # salvos on command, each tube within the spread
        salvos = int(per_launcher.max())
        gaps = rng.uniform(*weapon.salvo_interval_s, salvos)
        gaps[0] = 0.0
        commands = start + np.cumsum(gaps)
        for j in range(launchers):
            k = np.arange(int(per_launcher[j]))
            times.append(commands[k] + rng.uniform(0.0, weapon.salvo_spread_s, k.size))
            owner.append(np.full(k.size, j, dtype=np.intp))
    launch_time = np.concatenate(times)
    tube = np.concatenate(owner)
    n = launch_time.size
    sigma = weapon.dispersion_fraction * spot.range_m + weapon.dispersion_floor_m
    range_error = rng.normal(0.0, sigma, n)
    deflection_error = rng.normal(0.0, sigma / 2.0, n)
    impact_lat, impact_lon = move(aim_lat[tube], aim_lon[tube], np.full(n, azimuth), range_error)
    impact_lat, impact_lon = move(impact_lat, impact_lon, np.full(n, azimuth + 90.0), deflection_error)
    return launch_time, tube_lat[tube], tube_lon[tube], impact_lat, impact_lon

