"""A second stand-in for "a different simulator" (issue #3), written independently of ``truceline.sim`` and of
``benchmarks/foreign_sim.py``: only the file formats of CONTRACTS.md are shared.

What it models differently from both (docs/fusion.md, "Session 19 (robust19)"):

* **Geometry**: a local equirectangular plane (not ``aeqd``) around the centre; the line of contact is a polyline of
  random kinks along a random azimuth (not north-south), 100-160 km long.
* **Stations** (``--layout``): ``sparse`` (14-22 single stations 3-30 km behind the line), ``arrays`` (tight clusters of
  3-5 elements within 300 m, each cluster one ``array`` station per element or microphones only), ``deep`` (a few
  stations 45-80 km behind the line as well as a thin forward row); ``mixed`` all three.  Stations may be missing the
  optional columns entirely (``--minimal``: only ``station_id, lat, lon`` and ``pick_id, station_id, time``).
* **Celerity varies with range** for every path: ``c(r) = c_far + (c0 - c_far) exp(-r / L)`` (c0 0.335-0.345, c_far
  0.285-0.305 km/s, L 15-40 km), per hour a small common change; travel time is the integral of ``1 / c``.
* **Wind varies along the front**: a vector that changes linearly and sinusoidally with the along-front coordinate and
  slowly in time; a path takes the wind at its midpoint.
* **Pick noise**: Laplace core (0.04-0.10 s) plus 4 % gross errors (+-0.3..2.5 s, mostly late).
* **Clocks**: most stations exact to 20 ms, a few (``--big-clocks``) offset by 2-8 s (constant).
* **Clutter**: per-station rate drawn log-normally about ``--clutter`` per hour; some stations 10x (a road).
* **Sources**: lone single rounds anywhere along the front including its last 5 km, short fire missions, and long
  barrages (a battery firing 30-120 rounds at 5-40 s intervals from one place for 10-60 minutes; rocket ripples of
  20-40 rounds 0.5 s apart); impacts for a share of launches.
* **Back-azimuths**: only on ``array`` stations, and only on 60-100 % of their picks; Gaussian error whose true sigma
  (2-12 deg) is stated as 4 deg, 2 % outliers.
* **Times**: seconds from the scenario start (not Unix time), or ISO 8601 (``--iso-times``).

Usage::

    PYTHONPATH=src python benchmarks/foreign_sim2.py --out DIR --seed 1 --hours 2 --layout mixed
    truceline associate --stations DIR/stations.csv --picks DIR/picks.csv --areas DIR/areas.geojson --out RUN
    truceline score --truth DIR --run RUN
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
EARTH_KM = 6371.0


@dataclass(frozen=True)
class Config2:
    hours: float = 2.0
    layout: str = "mixed"  # sparse | arrays | deep | mixed
    minimal: bool = False
    iso_times: bool = False
    centre_lat: float = 48.3
    centre_lon: float = 37.6
    singles_per_hour: float = 12.0
    missions_per_hour: float = 3.0
    barrages_per_hour: float = 0.7
    ripples_per_hour: float = 0.3
    impact_fraction: float = 0.5
    clutter: float = 1.0
    big_clocks: int = 2
    gross_fraction: float = 0.04
    detect_db: float = 8.0
    max_range_km: float = 90.0
    far_celerity_km_s: tuple[float, float] = (0.285, 0.305)
    wind_scale: float = 1.0


def _plane_to_geo(cfg: Config2, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lat = cfg.centre_lat + np.degrees(np.asarray(y, float) / EARTH_KM)
    lon = cfg.centre_lon + np.degrees(np.asarray(x, float) / (EARTH_KM * math.cos(math.radians(cfg.centre_lat))))
    return lat, lon


class Front:
    """The line of contact: a polyline along unit vector ``u`` (along) with offsets along ``n`` (across, +n = party B)."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.length = float(rng.uniform(100.0, 160.0))
        az = rng.uniform(0.0, math.pi)
        self.u = np.array([math.sin(az), math.cos(az)])
        self.n = np.array([self.u[1], -self.u[0]])
        self.s_knots = np.linspace(-self.length / 2 - 30, self.length / 2 + 30, 14)
        self.off_knots = np.cumsum(rng.normal(0.0, 2.5, len(self.s_knots)))
        self.off_knots -= self.off_knots.mean()

    def offset(self, s: np.ndarray | float) -> np.ndarray:
        return np.interp(np.asarray(s, float), self.s_knots, self.off_knots)

    def xy(self, s: np.ndarray | float, depth: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Plane position of along-front ``s`` and signed distance ``depth`` from the line (+ = party B)."""
        s = np.asarray(s, float)
        a = self.offset(s) + np.asarray(depth, float)
        return s * self.u[0] + a * self.n[0], s * self.u[1] + a * self.n[1]

    def along_across(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        s = x * self.u[0] + y * self.u[1]
        a = x * self.n[0] + y * self.n[1]
        return s, a - self.offset(s)


def _stations(cfg: Config2, rng: np.random.Generator, front: Front) -> dict[str, np.ndarray]:
    half = front.length / 2
    s_list: list[float] = []
    d_list: list[float] = []
    arr: list[bool] = []
    layouts = ["sparse", "arrays", "deep"] if cfg.layout == "mixed" else [cfg.layout]
    for layout in layouts:
        if layout == "sparse":
            for _ in range(int(rng.integers(14, 23))):
                s_list.append(rng.uniform(-half, half))
                d_list.append(rng.choice([-1, 1]) * rng.uniform(3.0, 30.0))
                arr.append(bool(rng.random() < 0.15))
        elif layout == "arrays":
            for _ in range(int(rng.integers(5, 9))):
                cs, cd = rng.uniform(-half, half), rng.choice([-1, 1]) * rng.uniform(4.0, 25.0)
                is_arr = bool(rng.random() < 0.6)
                for _ in range(int(rng.integers(3, 6))):
                    s_list.append(cs + rng.normal(0, 0.12))
                    d_list.append(cd + rng.normal(0, 0.12))
                    arr.append(is_arr)
        elif layout == "deep":
            for _ in range(int(rng.integers(4, 8))):
                s_list.append(rng.uniform(-half, half))
                d_list.append(rng.choice([-1, 1]) * rng.uniform(45.0, 80.0))
                arr.append(bool(rng.random() < 0.5))
            for _ in range(int(rng.integers(6, 10))):
                s_list.append(rng.uniform(-half, half))
                d_list.append(rng.choice([-1, 1]) * rng.uniform(2.0, 8.0))
                arr.append(False)
    s = np.array(s_list)
    d = np.array(d_list)
    x, y = front.xy(s, d)
    n = len(x)
    clock = rng.normal(0.0, 0.02, n)
    if cfg.big_clocks:
        big = rng.choice(n, size=min(cfg.big_clocks, n), replace=False)
        clock[big] = rng.choice([-1.0, 1.0], len(big)) * rng.uniform(2.0, 8.0, len(big))
    rate = cfg.clutter * np.exp(rng.normal(0.0, 0.8, n))
    rate[rng.random(n) < 0.1] *= 10.0
    return {"x": x, "y": y, "array": np.array(arr), "clock": clock, "clutter": rate,
            "baz_sigma": rng.uniform(2.0, 12.0, n), "baz_share": rng.uniform(0.6, 1.0, n),
            "noise_db": rng.normal(0.0, 3.0, n)}


def _atmosphere(cfg: Config2, rng: np.random.Generator) -> dict[str, float]:
    return {"c0": rng.uniform(0.335, 0.345), "c_far": rng.uniform(*cfg.far_celerity_km_s), "L": rng.uniform(15.0, 40.0),
            "c_hour": rng.uniform(-0.004, 0.004), "w0x": rng.uniform(-6, 6), "w0y": rng.uniform(-6, 6),
            "gx": rng.uniform(-0.08, 0.08), "gy": rng.uniform(-0.08, 0.08), "amp": rng.uniform(1.0, 4.0),
            "wave_km": rng.uniform(40.0, 90.0), "period_h": rng.uniform(4.0, 12.0), "ph": rng.uniform(0, 2 * math.pi)}


def _slowness_integral(atm: dict[str, float], r: np.ndarray, t_s: float) -> np.ndarray:
    """Integral of 1 / c(r') dr' from 0 to r, c(r) = c_far + dc exp(-r / L) (closed form), times shifted per hour."""
    c_far = atm["c_far"] + atm["c_hour"] * math.sin(2 * math.pi * t_s / 86400.0)
    dc = atm["c0"] - atm["c_far"]
    lam = atm["L"]
    # 1/(a + b e^{-r/L}) integrates to (r + L ln((a + b e^{-r/L}) / (a + b))) / a
    return np.asarray((r + lam * np.log((c_far + dc * np.exp(-r / lam)) / (c_far + dc))) / c_far)


def _wind(atm: dict[str, float], front: Front, x: np.ndarray, y: np.ndarray, t_s: float) -> tuple[np.ndarray, np.ndarray]:
    """Wind (km/s) at plane points: varies along the front (linear + sinusoid) and in time."""
    s, _ = front.along_across(x, y)
    wave = atm["amp"] * np.sin(2 * math.pi * s / atm["wave_km"] + 2 * math.pi * t_s / (atm["period_h"] * 3600) + atm["ph"])
    wx = atm["w0x"] + atm["gx"] * s + wave * front.u[0]
    wy = atm["w0y"] + atm["gy"] * s + wave * front.u[1]
    return wx * atm["scale"] / 1000.0, wy * atm["scale"] / 1000.0


def _sources(cfg: Config2, rng: np.random.Generator, front: Front, duration: float) -> list[dict]:
    half = front.length / 2
    ev: list[dict] = []

    def place(near_end: bool = False) -> tuple[float, float, int]:
        party = int(rng.choice([-1, 1]))
        s = rng.uniform(half - 5, half + 2) * rng.choice([-1, 1]) if near_end else rng.uniform(-half, half)
        return s, party * rng.uniform(0.5, 12.0), party

    def add(t: float, s: float, d: float, party: int, level: float, impact: bool, rng_km: float, speed: float) -> None:
        x, y = front.xy(s, d)
        k = len(ev)
        ev.append(dict(t=t, x=float(x), y=float(y), kind="launch", party=party, level=level, pair=-1))
        if impact:
            heading = rng.normal(0.0, 0.3)
            dx = -party * rng_km * math.cos(heading)
            ds = rng_km * math.sin(heading)
            xi, yi = front.xy(s + ds, d + dx)
            ev.append(dict(t=t + rng_km / speed, x=float(xi), y=float(yi), kind="impact", party=party,
                           level=level + rng.normal(-2, 3), pair=k))
            ev[k]["pair"] = k + 1

    for _ in range(rng.poisson(cfg.singles_per_hour * duration / 3600)):
        s, d, party = place(near_end=rng.random() < 0.15)
        add(rng.uniform(0, duration), s, d, party, rng.normal(60, 6), rng.random() < cfg.impact_fraction,
            rng.uniform(3, 20), rng.uniform(0.3, 0.6))
    def train(per_hour: float, rounds: tuple[int, int], spread_km: float, range_km: tuple[float, float],
              speed: tuple[float, float], level: float, range_factor: tuple[float, float], gap_s: tuple[float, float]) -> None:
        """Fire missions of ``rounds`` rounds (integers' half-open range) from one place, ``gap_s`` apart."""
        for _ in range(rng.poisson(per_hour * duration / 3600)):
            s, d, party = place(near_end=rng.random() < 0.15)
            t = rng.uniform(0, duration)
            rng_km, v, mean = rng.uniform(*range_km), rng.uniform(*speed), rng.normal(level, 4)
            for _ in range(int(rng.integers(*rounds))):
                add(t, s + rng.normal(0, spread_km), d + rng.normal(0, spread_km), party, mean + rng.normal(0, 2),
                    rng.random() < cfg.impact_fraction, rng_km * rng.uniform(*range_factor), v)
                t += rng.uniform(*gap_s)

    train(cfg.missions_per_hour, (2, 9), 0.1, (4, 18), (0.3, 0.55), 64, (0.97, 1.03), (4.0, 25.0))  # short missions
    train(cfg.barrages_per_hour, (30, 121), 0.05, (6, 25), (0.35, 0.6), 66, (0.98, 1.02), (5.0, 40.0))  # long barrages
    for _ in range(rng.poisson(cfg.ripples_per_hour * duration / 3600)):
        s, d, party = place()
        t = rng.uniform(0, duration)
        for _ in range(int(rng.integers(20, 41))):
            add(t, s + rng.normal(0, 0.03), d + rng.normal(0, 0.03), party, rng.normal(62, 2), False, 0.0, 1.0)
            t += rng.uniform(0.4, 0.7)
    kept = [e for e in ev if 0 <= e["t"] < duration]
    index = {id(e): k for k, e in enumerate(kept)}
    by_old = {k: e for k, e in enumerate(ev)}
    out = []
    for e in kept:
        partner = by_old.get(e["pair"]) if e["pair"] >= 0 else None
        out.append(dict(e, pair=index.get(id(partner), -1) if partner is not None else -1))
    return out


def generate(cfg: Config2, seed: int) -> dict:
    ss = np.random.SeedSequence([seed, 0x2F0E])
    r_geo, r_src, r_prop, r_clut = (np.random.default_rng(s) for s in ss.spawn(4))
    duration = cfg.hours * 3600.0
    front = Front(r_geo)
    st = _stations(cfg, r_geo, front)
    atm = dict(_atmosphere(cfg, r_geo), scale=cfg.wind_scale)
    sources = _sources(cfg, r_src, front, duration)
    n_st = len(st["x"])
    st_lat, st_lon = _plane_to_geo(cfg, st["x"], st["y"])
    picks: list[dict] = []
    n_picks = np.zeros(len(sources), int)
    for k, e in enumerate(sources):
        # paths on the ellipsoid (the plane only places things): geodesic range and the azimuth source -> station
        e_lat, e_lon = _plane_to_geo(cfg, np.array([e["x"]]), np.array([e["y"]]))
        fwd, back, metres = GEOD.inv(np.full(n_st, e_lon[0]), np.full(n_st, e_lat[0]), st_lon, st_lat)
        r = np.asarray(metres, float) / 1000.0
        heading = np.radians(np.asarray(fwd, float))
        ux, uy = np.sin(heading), np.cos(heading)
        wx, wy = _wind(atm, front, (st["x"] + e["x"]) / 2, (st["y"] + e["y"]) / 2, e["t"])
        along = wx * ux + wy * uy  # km/s
        slow = _slowness_integral(atm, r, e["t"])
        c_mean = r / np.maximum(slow, 1e-9)
        tt = np.where(r > 1e-6, r / (c_mean + along), 0.0)
        level = e["level"] - 20 * np.log10(np.maximum(r, 0.2)) - 0.35 * r + 600 * along - st["noise_db"]
        level += r_prop.normal(0, 5.0, n_st)
        heard = (level > cfg.detect_db) & (r < cfg.max_range_km)
        for i in np.flatnonzero(heard):
            err = r_prop.laplace(0.0, 0.04 + 0.06 * float(r_prop.random()))
            if r_prop.random() < cfg.gross_fraction:
                err += r_prop.uniform(-0.3, 2.5)
            baz = math.nan
            if st["array"][i] and r_prop.random() < st["baz_share"][i]:
                true_baz = float(back[i]) % 360.0  # station -> source, on the ellipsoid
                baz = (r_prop.uniform(0, 360) if r_prop.random() < 0.02
                       else (true_baz + r_prop.normal(0, st["baz_sigma"][i])) % 360.0)
            picks.append(dict(t=e["t"] + tt[i] + err + st["clock"][i], station=int(i), event=k, baz=baz))
            n_picks[k] += 1
    for i in range(n_st):
        for t in r_clut.uniform(0, duration, r_clut.poisson(st["clutter"][i] * cfg.hours)):
            picks.append(dict(t=float(t), station=i, event=-1,
                              baz=r_clut.uniform(0, 360) if st["array"][i] and r_clut.random() < 0.8 else math.nan))
    picks = [p for p in picks if 0 <= p["t"] < duration]
    r_clut.shuffle(picks)  # not in time order: a reader must not rely on it
    lat, lon = _plane_to_geo(cfg, st["x"], st["y"])
    ids = [f"S{i:02d}{'A' if st['array'][i] else ''}" for i in range(n_st)]
    if cfg.minimal:
        stations = [dict(station_id=ids[i], lat=round(float(lat[i]), 6), lon=round(float(lon[i]), 6)) for i in range(n_st)]
    else:
        stations = [dict(station_id=ids[i], lat=round(float(lat[i]), 6), lon=round(float(lon[i]), 6),
                         kind="array" if st["array"][i] else "mic") for i in range(n_st)]
    base = datetime(2026, 3, 14, 21, 0, tzinfo=timezone.utc)

    def fmt(t: float) -> str | float:
        if cfg.iso_times:
            return (base + timedelta(seconds=float(t))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        return round(float(t), 3)

    pick_rows, truth_picks = [], []
    for n, p in enumerate(picks):
        row: dict[str, object] = dict(pick_id=n + 1, station_id=ids[p["station"]], time=fmt(p["t"]))
        if not cfg.minimal:
            ok = math.isfinite(p["baz"])
            row["backazimuth_deg"] = round(p["baz"], 1) if ok else ""
            row["backazimuth_sigma_deg"] = 4.0 if ok else ""
        pick_rows.append(row)
        truth_picks.append(dict(pick_id=n + 1, event_id=p["event"]))
    ex = np.array([e["x"] for e in sources])
    ey = np.array([e["y"] for e in sources])
    elat, elon = _plane_to_geo(cfg, ex, ey)
    _, across = front.along_across(ex, ey)
    names = {-1: "XA", 1: "XB"}
    truth_events = [dict(event_id=k, time=fmt(e["t"]), lat=round(float(elat[k]), 6), lon=round(float(elon[k]), 6),
                         side=names[1 if across[k] >= 0 else -1], kind=e["kind"],
                         pair_id="" if e["pair"] < 0 else e["pair"], firing_party=names[e["party"]],
                         n_picks=int(n_picks[k])) for k, e in enumerate(sources)]
    meta = dict(seed=seed, config=asdict(cfg), atmosphere=atm, n_stations=n_st, n_events=len(sources),
                n_picks=len(pick_rows), n_clutter=sum(p["event"] < 0 for p in picks),
                clocks={ids[i]: float(st["clock"][i]) for i in range(n_st) if abs(st["clock"][i]) > 1.0})
    return dict(stations=stations, picks=pick_rows, truth_events=truth_events, truth_picks=truth_picks,
                areas=_areas(cfg, front, names), meta=meta)


def _areas(cfg: Config2, front: Front, names: dict[int, str]) -> dict:
    s = np.linspace(-front.length / 2 - 30, front.length / 2 + 30, 101)
    line = np.stack(front.xy(s, 0.0), axis=1)
    feats = []
    for sign in (-1, 1):
        far = np.stack(front.xy(s[::-1], sign * 120.0), axis=1)
        ring_xy = np.concatenate([line, far, line[:1]])
        lat, lon = _plane_to_geo(cfg, ring_xy[:, 0], ring_xy[:, 1])
        ring = [[round(float(a), 6), round(float(b), 6)] for a, b in zip(lon, lat)]
        # exterior ring counter-clockwise (RFC 7946): shoelace in lon/lat
        area = sum(ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] for k in range(len(ring) - 1))
        if area < 0:
            ring = ring[::-1]
        feats.append(dict(type="Feature", properties=dict(party=names[sign]), geometry=dict(type="Polygon", coordinates=[ring])))
    lat, lon = _plane_to_geo(cfg, line[:, 0], line[:, 1])
    feats.append(dict(type="Feature", properties=dict(role="line"),
                      geometry=dict(type="LineString", coordinates=[[round(float(a), 6), round(float(b), 6)]
                                                                    for a, b in zip(lon, lat)])))
    return dict(type="FeatureCollection", features=feats)


def write(scenario: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("stations", "picks", "truth_events", "truth_picks"):
        rows = scenario[name]
        header = list(rows[0]) if rows else ["pick_id"]
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, restval="")
            writer.writeheader()
            writer.writerows(rows)
    (out / "areas.geojson").write_text(json.dumps(scenario["areas"]), encoding="utf-8")
    (out / "scenario.json").write_text(json.dumps(scenario["meta"], indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hours", type=float, default=2.0)
    ap.add_argument("--layout", choices=["sparse", "arrays", "deep", "mixed"], default="mixed")
    ap.add_argument("--minimal", action="store_true", help="no optional columns at all")
    ap.add_argument("--iso-times", action="store_true")
    ap.add_argument("--clutter", type=float, default=1.0, help="median clutter picks per station per hour")
    ap.add_argument("--big-clocks", type=int, default=2)
    ap.add_argument("--singles-per-hour", type=float, default=12.0)
    ap.add_argument("--barrages-per-hour", type=float, default=0.7)
    ap.add_argument("--far-celerity", type=float, nargs=2, default=(0.285, 0.305), metavar=("LOW", "HIGH"),
                    help="the celerity far from the source (km/s); the near one is 0.335-0.345")
    ap.add_argument("--wind-scale", type=float, default=1.0, help="multiplies the wind (0: calm)")
    ap.add_argument("--gross-fraction", type=float, default=0.04)
    args = ap.parse_args(argv)
    cfg = Config2(hours=args.hours, layout=args.layout, minimal=args.minimal, iso_times=args.iso_times,
                  clutter=args.clutter, big_clocks=args.big_clocks, singles_per_hour=args.singles_per_hour,
                  barrages_per_hour=args.barrages_per_hour,
                  far_celerity_km_s=tuple(args.far_celerity), wind_scale=args.wind_scale,
                  gross_fraction=args.gross_fraction)
    sc = generate(cfg, args.seed)
    write(sc, args.out)
    m = sc["meta"]
    print(f"foreign_sim2 seed {args.seed} {args.layout}{' minimal' if args.minimal else ''}: {m['n_stations']} stations, "
          f"{m['n_events']} events, {m['n_picks']} picks ({m['n_clutter']} clutter) -> {args.out}")


if __name__ == "__main__":
    main()
