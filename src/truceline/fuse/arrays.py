"""Clustered stations as arrays: the elements of a site beamed into one site detection (``FusionConfig.array_beams``).

An infrasound array (IMS-style, or a mini-array of 3-5 microphones a few hundred metres apart) may report every
element as its own station. The associator would count them as independent stations (four elements of one site meet
``min_stations``) and its location would weight their correlated picks as independent. Array processing treats them as
one instrument: the picks of a site's elements that fall within the site's aperture over the sound speed of one another
are fitted with a plane wave ``t_i = t0 + s . r_i`` (``r_i`` the element's offset from the site's centroid, ``s`` the
horizontal slowness); the wave's back-azimuth and apparent velocity ``1 / |s|`` come with their uncertainty from the
fit's covariance, and a coincidence whose apparent velocity is not acoustic is clutter (refused). The site then reports
one detection: its time at the centroid, its back-azimuth and sigma (as an array station's pick), and the element picks
it holds (all assigned to the detection's event in the output). Element picks that join no detection are left out of
the association (unassociated): a lone element's pick is what the array's own processing would call noise.

Element clocks: the elements of a site see the same wavefronts, so an element whose clock is off by more than the
aperture explains is read against its siblings before any event is located: first from the mode of its picks' time
differences to the other elements' picks, then, where at least three elements are right, as its median residual against
the plane wave of the right elements of each detection (unbiased by the directions the site hears). Smaller element
offsets are not read (a site's clocks are one system); the site's own clock (shared by its elements) is left to the
associator's station-clock calibration, as for any station.

Only sites of at least three stations within ``site_km`` whose aperture is at most ``max_aperture_km`` are arrays; the
other stations and their picks pass unchanged.

Pure functions over arrays (docs/fusion.md, "Session 20 (arrays20)").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from truceline.fuse.network import Network


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaneWave:
    """A plane wave fitted to the arrival times of an array's elements (``fit_plane_wave``)."""

    t0_s: float
    """Arrival time at the site's reference point (the origin of the element offsets)."""
    slowness_x_s_per_km: float
    slowness_y_s_per_km: float
    covariance: np.ndarray
    """3 x 3 covariance of (t0, slowness x, slowness y) from the element time sigma."""
    chi2: float
    """Sum of squared residuals over the element sigma squared (0 for three elements: the fit is exact)."""
    residual_s: np.ndarray

    @property
    def slowness_s_per_km(self) -> float:
        return float(np.hypot(self.slowness_x_s_per_km, self.slowness_y_s_per_km))

    @property
    def slowness_sigma_s_per_km(self) -> float:
        """Sigma of ``|s|`` (along the slowness vector)."""
        s = self.slowness_s_per_km
        if s == 0.0:
            return float(np.sqrt(np.trace(self.covariance[1:, 1:]) / 2.0))
        u = np.array([self.slowness_x_s_per_km, self.slowness_y_s_per_km]) / s
        return float(np.sqrt(max(u @ self.covariance[1:, 1:] @ u, 0.0)))

    @property
    def velocity_km_s(self) -> float:
        """Apparent velocity ``1 / |s|`` (inf for a wave that arrives everywhere at once)."""
        s = self.slowness_s_per_km
        return float("inf") if s == 0.0 else 1.0 / s

    @property
    def frame_bearing_deg(self) -> float:
        """Bearing (in the frame, clockwise from the frame's y axis) towards the source: against the slowness vector."""
        return float(np.degrees(np.arctan2(-self.slowness_x_s_per_km, -self.slowness_y_s_per_km)) % 360.0)

    def bearing_sigma_deg(self, nominal_slowness_s_per_km: float) -> float:
        """Sigma of the bearing: the slowness's sigma across its direction over the *nominal* ``|s|`` (an acoustic
        wave's; the fitted ``|s|`` of a badly conditioned array is mostly noise and would make the sigma small)."""
        s = self.slowness_s_per_km
        if s == 0.0:
            return 180.0
        v = np.array([-self.slowness_y_s_per_km, self.slowness_x_s_per_km]) / s
        return float(min(180.0, np.degrees(np.sqrt(max(v @ self.covariance[1:, 1:] @ v, 0.0)) / nominal_slowness_s_per_km)))


def fit_plane_wave(x_km: np.ndarray, y_km: np.ndarray, time_s: np.ndarray, sigma_s: float) -> PlaneWave | None:
    """Least-squares plane wave ``t_i = t0 + sx x_i + sy y_i`` through at least three elements (``None`` when the
    elements are fewer or collinear)."""
    x_km, y_km, time_s = (np.asarray(a, dtype=float) for a in (x_km, y_km, time_s))
    if len(time_s) < 3:
        return None
    design = np.column_stack([np.ones(len(time_s)), x_km, y_km])
    normal = design.T @ design
    if np.linalg.cond(normal) > 1e8:
        return None
    inverse = np.linalg.inv(normal)
    params = inverse @ design.T @ time_s
    residual = time_s - design @ params
    return PlaneWave(t0_s=float(params[0]), slowness_x_s_per_km=float(params[1]), slowness_y_s_per_km=float(params[2]),
                     covariance=inverse * sigma_s ** 2, chi2=float(residual @ residual) / sigma_s ** 2, residual_s=residual)


def is_acoustic(wave: PlaneWave, *, min_velocity_km_s: float, max_velocity_km_s: float, z: float) -> bool:
    """Whether the wave's apparent velocity can be acoustic: ``|s|`` within ``z`` sigma of the band
    ``[1 / max_velocity, 1 / min_velocity]`` (a coincidence of clutter at the elements has any slowness)."""
    s, sigma = wave.slowness_s_per_km, wave.slowness_sigma_s_per_km
    return s + z * sigma >= 1.0 / max_velocity_km_s and s - z * sigma <= 1.0 / min_velocity_km_s


@dataclass(frozen=True, slots=True, kw_only=True)
class ArraySettings:
    """The array processing's knobs (``FusionConfig.array_*``)."""

    site_km: float = 1.0
    min_elements: int = 3
    max_aperture_km: float = 0.6
    sigma_s: float = 0.1
    min_velocity_km_s: float = 0.28
    max_velocity_km_s: float = 0.45
    velocity_z: float = 2.0
    max_chi2_per_dof: float = 6.0
    slack_s: float = 0.3
    bearing_floor_deg: float = 1.0
    max_bearing_sigma_deg: float = 30.0
    max_slowness_sigma: float = 0.25
    gross_clock_s: float = 1.5
    clock_window_s: float = 10.0
    min_clock_readings: int = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class Detection:
    """One site detection: the element picks (rows of the picks table) and their plane wave."""

    rows: np.ndarray
    wave: PlaneWave


def _combinations(candidates: list[np.ndarray], limit: int = 512) -> list[tuple[int, ...]]:
    """Choices of at most one candidate per element (-1: none), most elements first, at most ``limit``."""
    options = [[-1] + [int(c) for c in cand[:4]] for cand in candidates]
    chosen = list(itertools.islice(itertools.product(*options), limit))
    chosen.sort(key=lambda combo: -sum(1 for c in combo if c >= 0))
    return chosen


def site_detections(x_km: np.ndarray, y_km: np.ndarray, element: np.ndarray, time_s: np.ndarray,
                    settings: ArraySettings) -> list[Detection]:
    """Group one site's element picks into plane-wave detections (greedy in time).

    ``x_km``, ``y_km``: the elements' offsets from the site's reference point; ``element``, ``time_s``: each pick's
    element (index into ``x_km``) and its (clock-corrected) time. From the earliest unused pick, every other element
    offers its unused picks within its distance over ``min_velocity_km_s`` plus ``slack_s``; the choice of at most one
    pick per element with the most elements whose plane wave is acoustic and fits (chi-square per degree of freedom
    under ``max_chi2_per_dof``, the smallest chi-square among equals) is a detection; a choice that leaves out an
    element's candidate pick and whose slowness is too poorly determined to test the velocity (sigma over
    ``max_slowness_sigma`` of an acoustic ``|s|``: nearly collinear elements) is not (else clutter would escape the
    test through such a subset).
    A pick that starts no detection and joins none is left alone."""
    n_elements = len(x_km)
    nominal = 2.0 / (settings.min_velocity_km_s + settings.max_velocity_km_s)
    order = np.argsort(time_s, kind="stable")
    used = np.zeros(len(time_s), dtype=bool)
    by_element = [order[element[order] == e] for e in range(n_elements)]
    times_by_element = [time_s[rows] for rows in by_element]
    detections: list[Detection] = []
    for seed in order:
        if used[seed]:
            continue
        e0 = int(element[seed])
        candidates: list[np.ndarray] = []
        for e in range(n_elements):
            if e == e0:
                candidates.append(np.array([seed]))
                continue
            lag = float(np.hypot(x_km[e] - x_km[e0], y_km[e] - y_km[e0])) / settings.min_velocity_km_s + settings.slack_s
            t = times_by_element[e]
            lo, hi = np.searchsorted(t, time_s[seed] - lag), np.searchsorted(t, time_s[seed] + lag, side="right")
            rows = by_element[e][lo:hi]
            candidates.append(rows[~used[rows]])
        if sum(1 for c in candidates if len(c)) < settings.min_elements:
            continue
        best: tuple[int, float, np.ndarray, PlaneWave] | None = None
        for combo in _combinations(candidates):
            rows = np.array([c for c in combo if c >= 0], dtype=np.int64)
            if seed not in rows or len(rows) < settings.min_elements:
                continue
            if best is not None and len(rows) < best[0]:
                break
            wave = fit_plane_wave(x_km[element[rows]], y_km[element[rows]], time_s[rows], settings.sigma_s)
            if wave is None:
                continue
            dof = len(rows) - 3
            if dof > 0 and wave.chi2 / dof > settings.max_chi2_per_dof:
                continue
            if not is_acoustic(wave, min_velocity_km_s=settings.min_velocity_km_s,
                               max_velocity_km_s=settings.max_velocity_km_s, z=settings.velocity_z):
                continue
            if (wave.slowness_sigma_s_per_km > settings.max_slowness_sigma * nominal
                    and any(c < 0 and len(cand) for c, cand in zip(combo, candidates))):
                continue  # a badly conditioned subset tests no velocity: it may not leave out an element's pick
            if best is None or wave.chi2 < best[1]:
                best = (len(rows), wave.chi2, rows, wave)
        if best is not None:
            used[best[2]] = True
            detections.append(Detection(rows=best[2], wave=best[3]))
    return detections


def _gross_offset(element: int, elements: np.ndarray, time_s: np.ndarray, settings: ArraySettings, width_s: float) -> float:
    """The mode of ``time(element) - time(other elements)`` within ``clock_window_s`` (0 if within ``gross_clock_s``)."""
    mine = np.sort(time_s[elements == element])
    others = np.sort(time_s[elements != element])
    if not len(mine) or not len(others):
        return 0.0
    lo = np.searchsorted(others, mine - settings.clock_window_s)
    hi = np.searchsorted(others, mine + settings.clock_window_s, side="right")
    diffs = np.sort(np.concatenate([mine[i] - others[lo[i]:hi[i]] for i in range(len(mine))]))
    if len(diffs) < settings.min_clock_readings:
        return 0.0
    ends = np.searchsorted(diffs, diffs + width_s, side="right")
    start = int(np.argmax(ends - np.arange(len(diffs))))
    mode = float(np.median(diffs[start:ends[start]]))
    return mode if abs(mode) > settings.gross_clock_s else 0.0


def element_clock_offsets(x_km: np.ndarray, y_km: np.ndarray, element: np.ndarray, time_s: np.ndarray,
                          settings: ArraySettings) -> np.ndarray:
    """Each element's clock offset against its site's majority (seconds, to subtract from its picks' times).

    Only gross offsets are read, those beyond what the aperture explains (``_gross_offset``: the mode of the element's
    time differences to the other elements' picks, beyond ``gross_clock_s``; biased by the mean delay across the
    aperture of the directions the site hears); the other elements are taken to be right (a site's clocks are one
    system; an error shared by all its elements is the associator's station clock). When at least three elements are
    right, a gross offset is then read again as the median, over the detections, of the element's time against the
    plane wave of the right elements of the detection (unbiased by the directions)."""
    n = len(x_km)
    aperture = float(np.max(np.hypot(x_km[:, None] - x_km[None, :], y_km[:, None] - y_km[None, :]))) if n else 0.0
    width = aperture / settings.min_velocity_km_s + settings.slack_s
    offset = np.array([_gross_offset(e, element, time_s, settings, width) for e in range(n)])
    right = offset == 0.0
    if right.all() or right.sum() < 3:
        return offset
    readings: list[list[float]] = [[] for _ in range(n)]
    corrected = time_s - offset[element]
    for det in site_detections(x_km, y_km, element, corrected, settings):
        members = element[det.rows]
        good = right[members]
        if good.sum() < 3:
            continue
        wave = fit_plane_wave(x_km[members[good]], y_km[members[good]], corrected[det.rows[good]], settings.sigma_s)
        if wave is None:
            continue
        for k in np.flatnonzero(~good):
            e = members[k]
            predicted = wave.t0_s + wave.slowness_x_s_per_km * x_km[e] + wave.slowness_y_s_per_km * y_km[e]
            readings[int(e)].append(float(corrected[det.rows[k]] - predicted))
    for e in np.flatnonzero(~right):
        if len(readings[e]) >= settings.min_clock_readings:
            offset[e] += float(np.median(readings[e]))
    return offset


@dataclass(frozen=True, slots=True, kw_only=True)
class Beamed:
    """Stations and picks with each array site's elements replaced by one site (``beam_sites``)."""

    stations: pa.Table
    picks: pa.Table
    members: dict[str, list[tuple[str, float]]]
    """Site pick id -> its element picks (pick id, misfit of the element's time to the plane wave in seconds)."""
    clock_offsets_s: dict[str, float]
    """Element station id -> the clock offset read against its site's majority (only elements of beamed sites)."""
    sites: dict[str, list[str]]
    """Site station id -> its element station ids."""


def _circular_mean_deg(angles_deg: np.ndarray) -> float:
    a = np.radians(angles_deg)
    return float(np.degrees(np.arctan2(np.sin(a).mean(), np.cos(a).mean())) % 360.0)


def _wrap_deg(angle: np.ndarray | float) -> np.ndarray:
    return (np.asarray(angle, dtype=float) + 180.0) % 360.0 - 180.0


def array_stations(network: Network, site: np.ndarray, settings: ArraySettings) -> np.ndarray:
    """Whether each station is an element of an array: a site (``site``) of at least ``min_elements`` stations whose
    aperture (the largest distance between two of them) is at most ``max_aperture_km``."""
    is_element = np.zeros(len(site), dtype=bool)
    for label in np.unique(site):
        members = np.flatnonzero(site == label)
        if len(members) < settings.min_elements:
            continue
        x, y = network.x_km[members], network.y_km[members]
        if np.max(np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])) <= settings.max_aperture_km:
            is_element[members] = True
    return is_element


def beam_sites(stations: pa.Table, picks: pa.Table, network: Network, site: np.ndarray,
               settings: ArraySettings) -> Beamed:
    """Replace every array (:func:`array_stations`; ``site``: each station's site, as ``engine.station_sites``) by one
    station at its elements' centroid and its element picks by its detections.

    A detection's pick: time at the centroid (the plane wave's ``t0``, element clocks corrected), back-azimuth from the
    plane wave with its sigma (plus ``bearing_floor_deg`` in quadrature), combined by inverse variance with the mean of
    the back-azimuths the elements state when they state any (at the elements' stated sigma: they are not independent
    readings), amplitude and SNR the members' medians. Stations of smaller sites and their picks pass unchanged."""
    station_ids = [str(s) for s in stations["station_id"].to_pylist()]
    index = {s: i for i, s in enumerate(station_ids)}
    beamed_site = array_stations(network, site, settings)
    pick_station = np.array([index[str(s)] for s in picks["station_id"].to_pylist()], dtype=np.int64)
    keep_pick = ~beamed_site[pick_station] if len(pick_station) else np.zeros(0, dtype=bool)
    times = np.asarray(picks["time"].to_numpy(zero_copy_only=False), dtype=float)

    def column(name: str) -> np.ndarray:
        if name not in picks.column_names:
            return np.full(picks.num_rows, np.nan)
        return np.asarray(picks[name].to_numpy(zero_copy_only=False), dtype=float)

    baz, baz_sigma, amplitude, snr = (column(n) for n in ("backazimuth_deg", "backazimuth_sigma_deg", "amplitude", "snr"))
    pick_ids = [str(p) for p in picks["pick_id"].to_pylist()]
    new_stations: list[dict] = []
    new_picks: list[dict] = []
    members: dict[str, list[tuple[str, float]]] = {}
    offsets: dict[str, float] = {}
    sites: dict[str, list[str]] = {}
    taken_ids = set(station_ids)
    nominal = 2.0 / (settings.min_velocity_km_s + settings.max_velocity_km_s)
    for label in np.unique(site[beamed_site]) if len(site) else []:
        elems = np.flatnonzero(site == label)
        name = f"{station_ids[elems[0]]}+{len(elems) - 1}"
        while name in taken_ids:
            name += "'"
        taken_ids.add(name)
        sites[name] = [station_ids[e] for e in elems]
        cx, cy = float(network.x_km[elems].mean()), float(network.y_km[elems].mean())
        lat, lon = network.to_latlon(np.array([cx]), np.array([cy]))
        xn, yn = network.to_xy_km(lat + 0.01, lon)
        north = float(np.degrees(np.arctan2(float(xn[0]) - cx, float(yn[0]) - cy)))
        new_stations.append({"station_id": name, "lat": float(lat[0]), "lon": float(lon[0]), "kind": "array"})
        x, y = network.x_km[elems] - cx, network.y_km[elems] - cy
        rows = np.flatnonzero(np.isin(pick_station, elems))
        local = np.searchsorted(elems, pick_station[rows])
        offset = element_clock_offsets(x, y, local, times[rows], settings)
        for e, o in zip(elems, offset):
            offsets[station_ids[e]] = float(o)
        corrected = times[rows] - offset[local]
        for k, det in enumerate(site_detections(x, y, local, corrected, settings)):
            wave = det.wave
            bearing = (wave.frame_bearing_deg - north) % 360.0
            sigma = float(np.hypot(wave.bearing_sigma_deg(nominal), settings.bearing_floor_deg))
            if sigma > settings.max_bearing_sigma_deg:
                bearing, sigma = np.nan, np.nan
            stated = rows[det.rows]
            stated = stated[np.isfinite(baz[stated])]
            if len(stated) and np.isnan(bearing):
                bearing = _circular_mean_deg(baz[stated])
                sigma = float(np.nanmedian(np.where(np.isfinite(baz_sigma[stated]), baz_sigma[stated], 5.0)))
            elif len(stated):
                near = np.abs(_wrap_deg(baz[stated] - bearing)) <= 3.0 * np.hypot(sigma, np.nan_to_num(baz_sigma[stated], nan=5.0))
                if near.any():
                    mean = _circular_mean_deg(baz[stated][near])
                    s_stated = float(np.nanmedian(np.where(np.isfinite(baz_sigma[stated][near]), baz_sigma[stated][near], 5.0)))
                    w1, w2 = 1.0 / sigma ** 2, 1.0 / s_stated ** 2
                    bearing = (bearing + float(_wrap_deg(mean - bearing)) * w2 / (w1 + w2)) % 360.0
                    sigma = float(1.0 / np.sqrt(w1 + w2))
            pick_id = f"{name}#{k}"
            members[pick_id] = [(pick_ids[r], round(float(res), 4)) for r, res in zip(rows[det.rows], wave.residual_s)]
            new_picks.append({"pick_id": pick_id, "station_id": name, "time": wave.t0_s, "backazimuth_deg": bearing,
                              "backazimuth_sigma_deg": sigma,
                              "amplitude": float(np.nanmedian(amplitude[rows[det.rows]])) if np.isfinite(amplitude[rows[det.rows]]).any() else np.nan,
                              "snr": float(np.nanmedian(snr[rows[det.rows]])) if np.isfinite(snr[rows[det.rows]]).any() else np.nan})
    kept_stations = stations.filter(pa.array(~beamed_site)) if len(site) else stations
    station_table = pa.table({
        "station_id": pa.array([str(s) for s in kept_stations["station_id"].to_pylist()] + [s["station_id"] for s in new_stations], type=pa.string()),
        "lat": pa.array(kept_stations["lat"].to_pylist() + [s["lat"] for s in new_stations], type=pa.float64()),
        "lon": pa.array(kept_stations["lon"].to_pylist() + [s["lon"] for s in new_stations], type=pa.float64()),
        "kind": pa.array((kept_stations["kind"].to_pylist() if "kind" in kept_stations.column_names else ["mic"] * kept_stations.num_rows)
                         + [s["kind"] for s in new_stations], type=pa.string()),
    })
    kept = np.flatnonzero(keep_pick)
    pick_table = pa.table({
        "pick_id": pa.array([pick_ids[i] for i in kept] + [p["pick_id"] for p in new_picks], type=pa.string()),
        "station_id": pa.array([station_ids[pick_station[i]] for i in kept] + [p["station_id"] for p in new_picks], type=pa.string()),
        "time": pa.array(np.concatenate([times[kept], [p["time"] for p in new_picks]]), type=pa.float64()),
        "backazimuth_deg": pa.array(np.concatenate([baz[kept], [p["backazimuth_deg"] for p in new_picks]]), type=pa.float64()),
        "backazimuth_sigma_deg": pa.array(np.concatenate([baz_sigma[kept], [p["backazimuth_sigma_deg"] for p in new_picks]]), type=pa.float64()),
        "amplitude": pa.array(np.concatenate([amplitude[kept], [p["amplitude"] for p in new_picks]]), type=pa.float64()),
        "snr": pa.array(np.concatenate([snr[kept], [p["snr"] for p in new_picks]]), type=pa.float64()),
    })
    return Beamed(stations=station_table, picks=pick_table, members=members, clock_offsets_s=offsets, sites=sites)
