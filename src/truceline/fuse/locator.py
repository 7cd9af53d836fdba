"""The associator's compiled travel time, back-azimuth test and locator (Numba; ``fuse/kernels.py`` and the
steps that locate call them).

Pure functions over arrays (no I/O). Units: kilometres, seconds, km/s.

* ``travel_time``, ``station_travel_times``  seconds from a source to a station in the stereographic frame (celerity,
                                             wind, the range term ``g``);
* ``baz_agrees``, ``apparent_azimuth_deg``   whether a pick's back-azimuth can come from a source, and the azimuth an
                                             array sees it from;
* ``locate``                                 robust (Huber IRLS) Gauss-Newton location in (x, y, origin time).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

EARTH_RADIUS_KM = 6371.0088
RANGE_REF_KM = 15.0
"""The path length at which a range-dependent celerity (``g`` of :func:`travel_time`) equals the tile's ``c``."""
BAZ_POSITION_SLACK_KM = 0.2
"""Location error allowed for when a back-azimuth is compared with a trial source's direction."""


@njit(cache=True, inline="always")
def travel_time(sx: float, sy: float, x: float, y: float, c: float, wx: float, wy: float, g: float = 0.0) -> float:
    """Seconds from a source at (x, y) to a station at (sx, sy) in the stereographic frame.

    ``g`` (km/s per km; 0: none) lets the celerity vary with the path's length ``d``:
    ``c + g (d - RANGE_REF_KM)`` (``FusionConfig.range_celerity``; ``atmosphere.fit_range_slope``)."""
    dx = sx - x
    dy = sy - y
    mx = 0.5 * (sx + x)
    my = 0.5 * (sy + y)
    k = 1.0 + (mx * mx + my * my) / (4.0 * EARTH_RADIUS_KM * EARTH_RADIUS_KM)
    planar = math.sqrt(dx * dx + dy * dy)
    if planar < 1e-9:
        return 0.0
    distance = planar / k
    speed = c + g * (distance - RANGE_REF_KM) + (wx * dx + wy * dy) / planar
    return distance / speed


@njit(cache=True)
def station_travel_times(
    st_x: np.ndarray, st_y: np.ndarray, cell_x: np.ndarray, cell_y: np.ndarray,
    cell_start: np.ndarray, cell_index: np.ndarray, cell_tile: np.ndarray, atmosphere: np.ndarray, g: float = 0.0,
) -> np.ndarray:
    """Travel time from every cell in range of a station to it (CSR layout of ``cell_index``)."""
    out = np.empty(len(cell_index))
    for s in range(len(st_x)):
        for j in range(cell_start[s], cell_start[s + 1]):
            cell = cell_index[j]
            tile = cell_tile[cell]
            out[j] = travel_time(st_x[s], st_y[s], cell_x[cell], cell_y[cell],
                                 atmosphere[tile, 0], atmosphere[tile, 1], atmosphere[tile, 2], g)
    return out


@njit(cache=True)
def baz_agrees(baz_deg: float, baz_sigma_deg: float, st_x: float, st_y: float, st_north_deg: float,
               x: float, y: float, gate_z: float) -> bool:
    """Whether a pick's back-azimuth (NaN: none measured) can come from a source at (x, y).

    An array station measures the direction the sound came from; a pick whose direction is
    more than ``gate_z`` sigma (its stated sigma plus 1 degree for refraction by wind, and
    the angle that ``BAZ_POSITION_SLACK_KM`` of location error subtends) from the source's
    is another source's, whatever its time.
    """
    if math.isnan(baz_deg) or gate_z <= 0.0:
        return True
    dx = x - st_x
    dy = y - st_y
    r = math.sqrt(dx * dx + dy * dy)
    if r < BAZ_POSITION_SLACK_KM:
        return True
    sigma = baz_sigma_deg
    if math.isnan(sigma) or sigma <= 0:
        sigma = 5.0
    slack = math.degrees(math.asin(BAZ_POSITION_SLACK_KM / r))
    sigma = math.sqrt(sigma * sigma + 1.0 + slack * slack)
    predicted = math.degrees(math.atan2(dx, dy)) - st_north_deg
    diff = (baz_deg - predicted + 540.0) % 360.0 - 180.0
    return abs(diff) <= gate_z * sigma


@njit(cache=True)
def apparent_azimuth_deg(dx: float, dy: float, c: float, wx: float, wy: float) -> float:
    """Frame azimuth (degrees) from which an array sees a source at offset ``(dx, dy)`` from it (km).

    An array measures the wavefront normal, not the ray: with wind ``w`` the ray runs along
    ``c n + w``, so the normal points back towards the source turned by the cross-wind,
    ``n`` ~ ``-u + w_perp / c`` (``u`` the ray's direction): the back-azimuth moves by
    ``(w . e) / c`` radians, ``e`` the unit vector clockwise of the source's direction
    (Pierce, *Acoustics*, ch. 8; a 7 m/s cross-wind turns it by 1.2 degrees)."""
    theta = math.atan2(dx, dy)
    return math.degrees(theta + (wx * math.cos(theta) - wy * math.sin(theta)) / c)


@njit(cache=True)
def locate(
    picks: np.ndarray, stations: np.ndarray, pick_time: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray,
    st_x: np.ndarray, st_y: np.ndarray, st_north: np.ndarray,
    x0: float, y0: float, t00: float, c: float, wx: float, wy: float,
    sigma_pick_s: float, kappa_model: float, huber_k: float, iterations: int, g: float = 0.0,
) -> tuple[float, float, float, np.ndarray, float, int]:
    """Robust (Huber IRLS) Gauss-Newton location in (x, y, origin time).

    Time residuals are weighted by ``sigma_i^2 = sigma_pick^2 + (kappa_model * tt_i)^2``
    (pick noise plus a model error growing with path length); back-azimuths of array
    stations add angular residuals. Returns x, y, t0, the 3x3 covariance (unscaled, from
    the nominal sigmas), the chi-square of the normalised residuals and the number of
    observations used.
    """
    n = len(picks)
    x = x0
    y = y0
    t0 = t00
    step = 1e-3
    cov = np.full((3, 3), np.nan)
    chi2 = 0.0
    n_obs = 0
    converged = False
    for iteration in range(iterations + 1):
        jtj = np.zeros((3, 3))
        jtr = np.zeros(3)
        fisher = np.zeros((3, 3))
        chi2 = 0.0
        n_obs = 0
        for i in range(n):
            s = stations[i]
            tt = travel_time(st_x[s], st_y[s], x, y, c, wx, wy, g)
            dtdx = (travel_time(st_x[s], st_y[s], x + step, y, c, wx, wy, g) - travel_time(st_x[s], st_y[s], x - step, y, c, wx, wy, g)) / (2 * step)
            dtdy = (travel_time(st_x[s], st_y[s], x, y + step, c, wx, wy, g) - travel_time(st_x[s], st_y[s], x, y - step, c, wx, wy, g)) / (2 * step)
            sigma = math.sqrt(sigma_pick_s * sigma_pick_s + (kappa_model * tt) ** 2)
            r = pick_time[picks[i]] - t0 - tt
            z = r / sigma
            weight = 1.0 if abs(z) <= huber_k else huber_k / abs(z)
            g0 = dtdx / sigma
            g1 = dtdy / sigma
            g2 = 1.0 / sigma
            grads = (g0, g1, g2)
            for a in range(3):
                jtr[a] += weight * grads[a] * z
                for b in range(3):
                    jtj[a, b] += weight * grads[a] * grads[b]
                    fisher[a, b] += grads[a] * grads[b]
            chi2 += z * z if abs(z) <= huber_k else huber_k * (2 * abs(z) - huber_k)
            n_obs += 1
            baz = pick_baz[picks[i]]
            if not math.isnan(baz):
                bsig = pick_baz_sigma[picks[i]]
                if math.isnan(bsig) or bsig <= 0:
                    bsig = 5.0
                bsig = math.sqrt(bsig * bsig + 1.0)  # plus 1 deg for refraction by wind
                dx = x - st_x[s]
                dy = y - st_y[s]
                r2 = dx * dx + dy * dy
                if r2 < 1e-6:
                    continue
                predicted = apparent_azimuth_deg(dx, dy, c, wx, wy) - st_north[s]
                diff = (baz - predicted + 540.0) % 360.0 - 180.0
                zb = diff / bsig
                weight = 1.0 if abs(zb) <= huber_k else huber_k / abs(zb)
                # d(predicted)/dx, d/dy in degrees per km
                h0 = math.degrees(dy / r2) / bsig
                h1 = math.degrees(-dx / r2) / bsig
                hb = (h0, h1, 0.0)
                for a in range(2):
                    jtr[a] += weight * hb[a] * zb
                    for b in range(2):
                        jtj[a, b] += weight * hb[a] * hb[b]
                        fisher[a, b] += hb[a] * hb[b]
                chi2 += zb * zb if abs(zb) <= huber_k else huber_k * (2 * abs(zb) - huber_k)
                n_obs += 1
        if iteration == iterations or converged:
            if np.linalg.matrix_rank(fisher) == 3:
                cov = np.linalg.inv(fisher)
            break
        if np.linalg.matrix_rank(jtj) < 3:
            break
        # Gauss-Newton on z = (obs - model) / sigma with G = d(model)/d(x, y, t0) / sigma:
        # the step is (G'WG)^-1 G'Wz
        delta = np.linalg.solve(jtj, jtr)
        dx_step = delta[0]
        dy_step = delta[1]
        norm = math.sqrt(dx_step * dx_step + dy_step * dy_step)
        if norm > 5.0:
            dx_step *= 5.0 / norm
            dy_step *= 5.0 / norm
        x += dx_step
        y += dy_step
        t0 += delta[2]
        if norm < 1e-5 and abs(delta[2]) < 1e-5:
            converged = True
    return x, y, t0, cov, chi2, n_obs
