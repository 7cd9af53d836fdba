"""A scenario generator written independently of ``truceline.sim``, to test the associator on data it was not tuned on.

Issue #3: truceline's associator "will also be run on scenarios that you do not see, made by a different simulator".
This module shares no code and few modelling choices with ``truceline.sim`` (docs/sim.md); only the file formats of
CONTRACTS.md are the same, so that ``truceline associate`` reads its output and ``truceline score`` scores it.

What it does differently (docs/fusion.md, "Scenarios from another simulator"):

* **Geometry**: a 120 km front segment anywhere (default 44 N, 40 E), in an azimuthal equidistant plane (pyproj
  ``aeqd``) around its centre; the line of contact runs roughly north-south with a meander; sound travels in straight
  lines in that plane.
* **Stations**: irregular, not rows: clusters of 2-6 stations within ~1.5 km, scattered single stations, and a gap of
  ~30 km along the front on one side with none; 5-40 km behind the line.  All ``mic``, or a share of arrays.
* **Celerity**: drawn per event (uniform in ``celerity_km_s``), not from a temperature field; beyond ``far_km`` a path's
  celerity falls linearly towards a per-event ``far_celerity_km_s`` at ``far_km + 30`` km (elevated, longer paths).
* **Wind**: one vector for the whole segment that varies slowly in time (two sinusoids of 6-18 h period).
* **Pick noise**: Student-t (3 degrees of freedom), scale 0.06-0.12 s by SNR.
* **Clocks**: every station has an offset (most small, some up to 1.5 s) and a linear drift (up to 1 s a day).
* **Outages**: dead stations, and random down periods.
* **Clutter**: a background Poisson rate per station plus bursts (a vehicle convoy, a generator, a storm near a cluster:
  tens of picks in minutes at a few neighbouring stations).
* **Sources**: isolated shots, fire missions (a battery of guns firing salvos) and launch+impact pairs (mortar, gun, rocket).
* **Amplitudes**: in digitiser counts with a per-station gain unknown to the user (x/÷ 2), a 1/r^1.2 law with 0.6 dB/km
  absorption, or absent (``--amplitudes none``).
* **Back-azimuths**: von Mises noise with a per-station spread of 3-9 deg, a constant stated sigma (5 deg) whatever the
  true spread, 3 % uniform outliers.
* **Files**: columns in another order, extra columns (``phase``, ``quality``, ``network``), optional ISO 8601 times.

Usage::

    PYTHONPATH=src python benchmarks/foreign_sim.py --out DIR --seed 1 --hours 2 --missions-per-hour 30
    truceline associate --stations DIR/stations.csv --picks DIR/picks.csv --areas DIR/areas.geojson --out RUN
    truceline score --truth DIR --run RUN
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from pyproj import Transformer


@dataclass(frozen=True)
class ForeignConfig:
    hours: float = 2.0
    missions_per_hour: float = 6.0
    start_unix_s: float = 1_780_000_000.0  # 2026-05-28
    centre_lat: float = 44.0
    centre_lon: float = 40.0
    front_length_km: float = 120.0
    n_clusters: int = 10
    n_singles: int = 34
    gap_km: float = 30.0
    array_fraction: float = 0.3
    celerity_km_s: tuple[float, float] = (0.325, 0.345)
    far_km: float = 30.0
    far_celerity_km_s: tuple[float, float] = (0.29, 0.31)
    wind_max_m_s: float = 8.0
    pick_scale_s: tuple[float, float] = (0.06, 0.12)
    pick_dof: float = 3.0
    clock_sigma_s: float = 0.15
    clock_big_fraction: float = 0.1
    clock_drift_s_per_day: float = 1.0
    dead_fraction: float = 0.05
    outages_per_station_per_day: float = 1.0
    clutter_per_station_hour: float = 1.5
    clutter_bursts_per_hour: float = 2.0
    amplitudes: str = "counts"  # or "none"
    iso_times: bool = False
    shot_fraction: float = 0.25
    pair_fraction: float = 0.35
    detection_snr_db: float = 10.0
    max_detection_km: float = 70.0
    notes: dict[str, float] = field(default_factory=dict)


# weapon: (range km, mean flight speed km/s, launch level dB, impact level dB)  -- levels are at 1 km, in dB re the
# quietest station's noise, before gains; a different scale from truceline.sim's (which is dB re 20 uPa).
WEAPONS = {
    "mortar": ((1.0, 6.0), (0.15, 0.25), 46.0, 52.0),
    "gun": ((6.0, 25.0), (0.35, 0.55), 62.0, 58.0),
    "rocket": ((10.0, 35.0), (0.45, 0.7), 58.0, 58.0),
}


def front_x_km(y_km: np.ndarray | float, phase: float, amp_km: float) -> np.ndarray:
    """East coordinate of the line of contact at north coordinate y (a meander)."""
    y = np.asarray(y_km, dtype=float)
    return np.asarray(amp_km * np.sin(2 * math.pi * y / 70.0 + phase) + 0.4 * amp_km * np.sin(2 * math.pi * y / 23.0 + 2 * phase))


class Plane:
    def __init__(self, lat: float, lon: float) -> None:
        proj = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=km"
        self.to_geo = Transformer.from_crs(proj, "EPSG:4326", always_xy=True)

    def latlon(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lon, lat = self.to_geo.transform(np.asarray(x, float), np.asarray(y, float))
        return np.asarray(lat), np.asarray(lon)


def _stations(cfg: ForeignConfig, rng: np.random.Generator, phase: float, amp: float) -> dict[str, np.ndarray]:
    half = cfg.front_length_km / 2
    gap_side = rng.choice([-1.0, 1.0])
    gap_y = rng.uniform(-half + cfg.gap_km, half - 2 * cfg.gap_km)
    xs: list[float] = []
    ys: list[float] = []
    centres = []
    for _ in range(cfg.n_clusters):
        side = rng.choice([-1.0, 1.0])
        y = rng.uniform(-half, half)
        depth = rng.uniform(6.0, 30.0)
        centres.append((float(front_x_km(y, phase, amp)) + side * depth, y, side))
    for cx, cy, side in centres:
        for _ in range(int(rng.integers(2, 7))):
            xs.append(cx + rng.normal(0, 1.5))
            ys.append(cy + rng.normal(0, 1.5))
    for _ in range(cfg.n_singles):
        side = rng.choice([-1.0, 1.0])
        y = rng.uniform(-half, half)
        xs.append(float(front_x_km(y, phase, amp)) + side * rng.uniform(5.0, 40.0))
        ys.append(y)
    x = np.array(xs)
    y = np.array(ys)
    side = np.sign(x - front_x_km(y, phase, amp))
    keep = ~((side == gap_side) & (y > gap_y) & (y < gap_y + cfg.gap_km))
    keep &= np.abs(x - front_x_km(y, phase, amp)) > 3.0  # nobody on the line itself
    x, y = x[keep], y[keep]
    n = len(x)
    is_array = rng.random(n) < cfg.array_fraction
    return {
        "x": x, "y": y, "array": is_array,
        "baz_spread_deg": rng.uniform(3.0, 9.0, n),
        "gain": np.exp(rng.uniform(math.log(0.5), math.log(2.0), n)),
        "noise": np.exp(rng.normal(0.0, 0.25, n)),  # relative noise (counts), before gain
        "clock0": np.where(rng.random(n) < cfg.clock_big_fraction, rng.choice([-1.0, 1.0], n) * rng.uniform(0.4, 1.5, n),
                           rng.normal(0.0, cfg.clock_sigma_s, n) * 0.3),
        "drift": rng.uniform(-cfg.clock_drift_s_per_day, cfg.clock_drift_s_per_day, n) / 86400.0,
        "elev": rng.uniform(50.0, 400.0, n),
    }


def _outages(cfg: ForeignConfig, rng: np.random.Generator, n: int, duration: float) -> list[list[tuple[float, float]]]:
    out: list[list[tuple[float, float]]] = []
    for _ in range(n):
        if rng.random() < cfg.dead_fraction:
            out.append([(-1e9, 1e9)])
            continue
        k = rng.poisson(cfg.outages_per_station_per_day * duration / 86400.0)
        spans = []
        for _ in range(k):
            t0 = rng.uniform(0, duration)
            spans.append((t0, t0 + rng.exponential(2400.0)))
        out.append(spans)
    return out


def _up(spans: list[tuple[float, float]], t: float) -> bool:
    return not any(a <= t < b for a, b in spans)


def _wind(cfg: ForeignConfig, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = rng.uniform(-0.6, 0.6, 2) * cfg.wind_max_m_s
    amp = rng.uniform(0.1, 0.4, 2) * cfg.wind_max_m_s
    period = rng.uniform(6.0, 18.0, 2) * 3600.0
    phase = rng.uniform(0, 2 * math.pi, 2)
    return mean, amp, np.stack([period, phase])


def wind_at(w: tuple[np.ndarray, np.ndarray, np.ndarray], t: float) -> np.ndarray:
    mean, amp, pp = w
    return np.asarray(mean + amp * np.sin(2 * math.pi * t / pp[0] + pp[1])) / 1000.0  # km/s


def _sources(cfg: ForeignConfig, rng: np.random.Generator, duration: float, phase: float, amp: float) -> list[dict]:
    """Events: dicts with t, x, y, kind, level, pair (index or -1), party, firing_party."""
    half = cfg.front_length_km / 2
    events: list[dict] = []
    n_missions = rng.poisson(cfg.missions_per_hour * duration / 3600.0)
    for _ in range(n_missions):
        t0 = rng.uniform(0, duration)
        party = rng.choice([-1.0, 1.0])  # -1: west party "A", +1: east party "B"
        roll = rng.random()
        weapon = str(rng.choice(list(WEAPONS), p=[0.45, 0.4, 0.15]))
        (rmin, rmax), (vmin, vmax), lvl_launch, lvl_impact = WEAPONS[weapon]
        y = rng.uniform(-half + 5, half - 5)
        fx = float(front_x_km(y, phase, amp))
        rng_km = rng.uniform(rmin, rmax)
        depth = rng.uniform(0.3, 0.6) * rng_km
        bx, by = fx + party * depth, y
        heading = rng.normal(0.0, 0.4)  # radians off due east/west
        tx = bx - party * rng_km * math.cos(heading)
        ty = by + rng_km * math.sin(heading)
        speed = rng.uniform(vmin, vmax)
        if roll < cfg.shot_fraction:  # an isolated shot: a launch (or a lone impact of unseen fire)
            if rng.random() < 0.5:
                events.append(dict(t=t0, x=bx, y=by, kind="launch", level=lvl_launch + rng.normal(0, 3), pair=-1,
                                   firing=party))
            else:
                events.append(dict(t=t0, x=tx, y=ty, kind="impact", level=lvl_impact + rng.normal(0, 3), pair=-1,
                                   firing=party))
        elif roll < cfg.shot_fraction + cfg.pair_fraction:  # one launch and its impact
            i = len(events)
            events.append(dict(t=t0, x=bx, y=by, kind="launch", level=lvl_launch + rng.normal(0, 3), pair=i + 1, firing=party))
            events.append(dict(t=t0 + rng_km / speed, x=tx + rng.normal(0, 0.05), y=ty + rng.normal(0, 0.05), kind="impact",
                               level=lvl_impact + rng.normal(0, 3), pair=i, firing=party))
        else:  # a fire mission: guns in a battery, salvos
            n_guns = int(rng.integers(2, 7)) if weapon != "rocket" else int(rng.integers(1, 3))
            n_salvos = int(rng.integers(1, 5))
            rounds = int(rng.integers(4, 13)) if weapon == "rocket" else 1
            gun_off = rng.normal(0, 0.15, (n_guns, 2))
            t = t0
            for _salvo in range(n_salvos):
                for g in range(n_guns):
                    for r in range(rounds):
                        tl = t + rng.uniform(0, 3.0) + r * rng.uniform(0.8, 1.5)
                        gx, gy = bx + gun_off[g, 0], by + gun_off[g, 1]
                        ix = tx + gun_off[g, 0] + rng.normal(0, 0.08 * (1 + 0.01 * rng_km))
                        iy = ty + gun_off[g, 1] + rng.normal(0, 0.08 * (1 + 0.01 * rng_km))
                        i = len(events)
                        dud = rng.random() < 0.04
                        events.append(dict(t=tl, x=gx, y=gy, kind="launch", level=lvl_launch + rng.normal(0, 2),
                                           pair=-1 if dud else i + 1, firing=party))
                        if not dud:
                            events.append(dict(t=tl + rng_km / speed * rng.uniform(0.98, 1.02), x=ix, y=iy, kind="impact",
                                               level=lvl_impact + rng.normal(0, 2), pair=i, firing=party))
                t += rng.uniform(20.0, 90.0)
    return events


def generate(cfg: ForeignConfig, seed: int) -> dict:
    """The scenario as plain tables (lists of dicts) plus the areas GeoJSON."""
    root = np.random.SeedSequence([seed, 0x5EED])
    r_net, r_out, r_src, r_prop, r_clut, r_wind = (np.random.default_rng(s) for s in root.spawn(6))
    duration = cfg.hours * 3600.0
    phase = float(r_net.uniform(0, 2 * math.pi))
    amp = float(r_net.uniform(2.0, 6.0))
    plane = Plane(cfg.centre_lat, cfg.centre_lon)
    st = _stations(cfg, r_net, phase, amp)
    n_st = len(st["x"])
    outages = _outages(cfg, r_out, n_st, duration)
    wind = _wind(cfg, r_wind)
    sources = _sources(cfg, r_src, duration, phase, amp)
    kept = [k for k, s in enumerate(sources) if 0.0 <= s["t"] < duration]  # a partner outside the window: no pair
    new_index = {old: new for new, old in enumerate(kept)}
    sources = [dict(sources[k], pair=new_index.get(sources[k]["pair"], -1)) for k in kept]
    order = sorted(range(len(sources)), key=lambda k: sources[k]["t"])
    picks: list[dict] = []  # t (true local), station, event (-1), amp, snr, baz
    n_picks_of = np.zeros(len(sources), dtype=int)
    for k in order:
        s = sources[k]
        c = r_prop.uniform(*cfg.celerity_km_s)
        c_far = r_prop.uniform(*cfg.far_celerity_km_s)
        w = wind_at(wind, s["t"])
        dx = st["x"] - s["x"]
        dy = st["y"] - s["y"]
        d = np.hypot(dx, dy)
        ux, uy = dx / np.maximum(d, 1e-6), dy / np.maximum(d, 1e-6)
        frac = np.clip((d - cfg.far_km) / 30.0, 0.0, 1.0)
        c_path = c - (c - c_far) * frac
        tt = d / (c_path + w[0] * ux + w[1] * uy)
        # received level (dB re the nominal noise): 1/r^1.2 spreading, 0.6 dB/km, downwind gain, scintillation
        along = (w[0] * ux + w[1] * uy) * 1000.0
        level = s["level"] - 24.0 * np.log10(np.maximum(d, 0.1)) - 0.6 * d + 0.8 * along + r_prop.normal(0, 4.0, n_st)
        snr_db = level - 20 * np.log10(st["noise"])
        p_det = 1.0 / (1.0 + np.exp(-(snr_db - cfg.detection_snr_db) / 1.5))
        heard = (r_prop.random(n_st) < p_det) & (d < cfg.max_detection_km)
        for i in np.flatnonzero(heard):
            t_arr = s["t"] + tt[i]
            if t_arr >= duration or not _up(outages[i], t_arr):
                continue
            scale = cfg.pick_scale_s[1] - (cfg.pick_scale_s[1] - cfg.pick_scale_s[0]) * min(1.0, max(0.0, (snr_db[i] - 10) / 20))
            err = scale * r_prop.standard_t(cfg.pick_dof)
            snr = 10 ** (snr_db[i] / 20)
            baz = math.degrees(math.atan2(-dx[i], -dy[i])) % 360.0
            baz_obs = np.nan
            if st["array"][i]:
                if r_prop.random() < 0.03:
                    baz_obs = r_prop.uniform(0, 360)
                else:
                    kappa = 1.0 / math.radians(st["baz_spread_deg"][i]) ** 2
                    baz_obs = (baz + math.degrees(r_prop.vonmises(0.0, kappa))) % 360.0
            picks.append(dict(t=t_arr + err, station=i, event=k, snr=snr, amp=snr * st["noise"][i] * st["gain"][i] * 100.0,
                              baz=baz_obs))
            n_picks_of[k] += 1
    # clutter: background and bursts
    for i in range(n_st):
        for t in r_clut.uniform(0, duration, r_clut.poisson(cfg.clutter_per_station_hour * duration / 3600.0)):
            if _up(outages[i], t):
                picks.append(_clutter(r_clut, st, i, t))
    for _ in range(r_clut.poisson(cfg.clutter_bursts_per_hour * duration / 3600.0)):
        centre = int(r_clut.integers(n_st))
        near = np.flatnonzero(np.hypot(st["x"] - st["x"][centre], st["y"] - st["y"][centre]) < r_clut.uniform(1.0, 6.0))
        t0 = r_clut.uniform(0, duration)
        length = r_clut.uniform(60.0, 600.0)
        rate = r_clut.uniform(0.03, 0.3)
        for i in near:
            for t in t0 + r_clut.uniform(0, length, r_clut.poisson(rate * length)):
                if t < duration and _up(outages[i], t):
                    picks.append(_clutter(r_clut, st, i, t))
    # clocks: observed = true + offset + drift * t
    for p in picks:
        i = p["station"]
        p["t"] += st["clock0"][i] + st["drift"][i] * p["t"]
    picks = [p for p in picks if 0.0 <= p["t"] < duration]
    picks.sort(key=lambda p: (p["t"], p["station"]))
    # tables
    lat, lon = plane.latlon(st["x"], st["y"])
    st_ids = [f"{'W' if st['x'][i] < front_x_km(st['y'][i], phase, amp) else 'E'}{i:03d}.{'AR' if st['array'][i] else 'MC'}"
              for i in range(n_st)]
    stations = [dict(station_id=st_ids[i], network="FX", lon=round(float(lon[i]), 6), lat=round(float(lat[i]), 6),
                     elev_m=round(float(st["elev"][i]), 1), kind="array" if st["array"][i] else "mic") for i in range(n_st)]
    t_out = (lambda t: _iso(cfg.start_unix_s + t)) if cfg.iso_times else (lambda t: round(cfg.start_unix_s + t, 3))
    pick_rows = []
    truth_picks = []
    for n, p in enumerate(picks):
        pid = f"fx{n + 1:07d}"
        row = dict(time=t_out(p["t"]), station_id=st_ids[p["station"]], pick_id=pid, phase="I",
                   quality=int(min(4, max(0, 4 - p["snr"] // 5))))
        if cfg.amplitudes != "none":
            row["snr"] = round(float(p["snr"]), 3)
            row["amplitude"] = round(float(p["amp"]), 2)
        if st["array"][p["station"]]:
            row["backazimuth_deg"] = "" if not np.isfinite(p["baz"]) else round(float(p["baz"]), 2)
            row["backazimuth_sigma_deg"] = 5.0 if np.isfinite(p["baz"]) else ""
        else:
            row["backazimuth_deg"] = ""
            row["backazimuth_sigma_deg"] = ""
        pick_rows.append(row)
        truth_picks.append(dict(pick_id=pid, event_id=str(p["event"]) if p["event"] >= 0 else "-1"))
    ev_lat, ev_lon = plane.latlon(np.array([s["x"] for s in sources]), np.array([s["y"] for s in sources]))
    names = {-1.0: "AA", 1.0: "BB"}
    truth_events = []
    for k, s in enumerate(sources):
        side = names[float(np.sign(s["x"] - front_x_km(s["y"], phase, amp)) or 1.0)]
        truth_events.append(dict(event_id=str(k), time=t_out(s["t"]), lat=round(float(ev_lat[k]), 6),
                                 lon=round(float(ev_lon[k]), 6), side=side, kind=s["kind"],
                                 pair_id="" if s["pair"] < 0 or s["pair"] >= len(sources) else str(s["pair"]),
                                 firing_party=names[s["firing"]], n_picks=int(n_picks_of[k])))
    areas = _areas(plane, cfg, phase, amp, names)
    truth_clock = {st_ids[i]: [float(st["clock0"][i]), float(st["drift"][i] * 86400.0)] for i in range(n_st)}
    meta = dict(seed=seed, config=asdict(cfg), n_stations=n_st, n_events=len(sources), n_picks=len(pick_rows),
                n_clutter=sum(1 for p in picks if p["event"] < 0), wind=[w.tolist() for w in wind], clocks=truth_clock,
                outages={st_ids[i]: outages[i] for i in range(n_st) if outages[i]})
    return dict(stations=stations, picks=pick_rows, truth_events=truth_events, truth_picks=truth_picks, areas=areas, meta=meta)


def _clutter(rng: np.random.Generator, st: dict, i: int, t: float) -> dict:
    snr = 10 ** (rng.uniform(10.0, 20.0) / 20)
    return dict(t=t, station=i, event=-1, snr=snr, amp=snr * st["noise"][i] * st["gain"][i] * 100.0,
                baz=rng.uniform(0, 360) if st["array"][i] else np.nan)


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _areas(plane: Plane, cfg: ForeignConfig, phase: float, amp: float, names: dict[float, str]) -> dict:
    half = cfg.front_length_km / 2 + 20.0
    y = np.linspace(-half, half, 121)
    fx = front_x_km(y, phase, amp)
    width = 80.0
    feats = []
    for sgn, name in ((-1.0, names[-1.0]), (1.0, names[1.0])):
        xs = np.concatenate([fx, np.full(2, sgn * width)])
        ys = np.concatenate([y, [half, -half]])
        if sgn > 0:
            xs = np.concatenate([fx[::-1], np.full(2, width)])
            ys = np.concatenate([y[::-1], [-half, half]])
        lat, lon = plane.latlon(xs, ys)
        ring = [[round(float(a), 6), round(float(b), 6)] for a, b in zip(lon, lat)]
        ring.append(ring[0])
        if sgn < 0:
            ring = ring[::-1]  # counter-clockwise exterior ring
        feats.append(dict(type="Feature", properties=dict(party=name), geometry=dict(type="Polygon", coordinates=[ring])))
    lat, lon = plane.latlon(fx, y)
    feats.append(dict(type="Feature", properties=dict(role="line"),
                      geometry=dict(type="LineString", coordinates=[[round(float(a), 6), round(float(b), 6)] for a, b in zip(lon, lat)])))
    return dict(type="FeatureCollection", features=feats)


def write(scenario: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("stations", "picks", "truth_events", "truth_picks"):
        rows = scenario[name]
        header: list[str] = []
        for row in rows[:1] or [{}]:
            header = list(row)
        for row in rows:  # union of keys, first-seen order
            for key in row:
                if key not in header:
                    header.append(key)
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, restval="")
            writer.writeheader()
            writer.writerows(rows)
    (out / "areas.geojson").write_text(json.dumps(scenario["areas"]), encoding="utf-8")
    (out / "scenario.json").write_text(json.dumps(scenario["meta"], indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hours", type=float, default=2.0)
    ap.add_argument("--missions-per-hour", type=float, default=6.0)
    ap.add_argument("--array-fraction", type=float, default=0.3)
    ap.add_argument("--amplitudes", choices=["counts", "none"], default="counts")
    ap.add_argument("--celerity", type=float, nargs=2, default=(0.325, 0.345), metavar=("LOW", "HIGH"))
    ap.add_argument("--far-celerity", type=float, nargs=2, default=(0.29, 0.31), metavar=("LOW", "HIGH"))
    ap.add_argument("--clutter-per-station-hour", type=float, default=1.5)
    ap.add_argument("--iso-times", action="store_true")
    args = ap.parse_args(argv)
    cfg = ForeignConfig(hours=args.hours, missions_per_hour=args.missions_per_hour, array_fraction=args.array_fraction,
                        amplitudes=args.amplitudes, celerity_km_s=tuple(args.celerity), far_celerity_km_s=tuple(args.far_celerity),
                        clutter_per_station_hour=args.clutter_per_station_hour, iso_times=args.iso_times)
    scenario = generate(cfg, args.seed)
    write(scenario, args.out)
    m = scenario["meta"]
    print(f"foreign scenario seed {args.seed}, {args.hours} h: {m['n_stations']} stations, {m['n_events']} events, "
          f"{m['n_picks']} picks ({m['n_clutter']} clutter) -> {args.out}")


if __name__ == "__main__":
    main()
