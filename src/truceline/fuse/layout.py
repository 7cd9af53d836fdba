"""What the station layout gives the association: sites (stations close together), arrays beamed into one
station each, and the reach read from the layout."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy.spatial import cKDTree

from truceline.fuse.arrays import ArraySettings, Beamed, array_stations, beam_sites
from truceline.fuse.network import Network, build_network
from truceline.fuse.config import FusionConfig
from truceline.fuse.prepare import Prepared


def station_sites(x_km: np.ndarray, y_km: np.ndarray, site_km: float) -> np.ndarray:
    """The site of each station: stations within ``site_km`` of one another, chained, share one (0, 1, ...)."""
    site = np.full(len(x_km), -1, dtype=np.int64)
    if len(x_km) == 0:
        return site
    tree = cKDTree(np.column_stack([x_km, y_km]))
    label = 0
    for first in range(len(x_km)):
        if site[first] >= 0:
            continue
        site[first] = label
        stack = [first]
        while stack:
            near = np.asarray(tree.query_ball_point([x_km[stack[-1]], y_km[stack[-1]]], site_km), dtype=np.int64)
            stack.pop()
            new = near[site[near] < 0]
            site[new] = label
            stack.extend(new.tolist())
        label += 1
    return site


def array_settings(config: FusionConfig) -> ArraySettings:
    """The array processing's settings from the config's ``site_km`` and ``array_*`` fields."""
    return ArraySettings(site_km=config.site_km, min_elements=config.array_min_elements,
                         max_aperture_km=config.array_aperture_km, sigma_s=config.array_sigma_s,
                         min_velocity_km_s=config.array_min_velocity_km_s,
                         max_velocity_km_s=config.array_max_velocity_km_s, velocity_z=config.array_velocity_z,
                         max_chi2_per_dof=config.array_max_chi2_per_dof)


def has_arrays(stations: pa.Table, config: FusionConfig) -> bool:
    """Whether the network has a site that ``array_beams`` beams (``arrays.array_stations``)."""
    network = build_network(stations)
    site = station_sites(network.x_km, network.y_km, config.site_km)
    return bool(len(site)) and bool(array_stations(network, site, array_settings(config)).any())


def beamed_arrays(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> Beamed | None:
    """``arrays.beam_sites`` on the arrays (``arrays.array_stations``; ``None`` when there is none:
    the tables are used as given)."""
    network = build_network(stations)
    site = station_sites(network.x_km, network.y_km, config.site_km)
    settings = array_settings(config)
    if not len(site) or not array_stations(network, site, settings).any():
        return None
    beamed = beam_sites(stations, picks, network, site, settings)
    if config.array_bearings:
        return beamed
    site_rows = pa.array([str(p) in beamed.members for p in beamed.picks["pick_id"].to_pylist()])
    nan = pa.scalar(float("nan"))
    picks = beamed.picks
    for name in ("backazimuth_deg", "backazimuth_sigma_deg"):
        picks = picks.set_column(picks.column_names.index(name), name, pc.if_else(site_rows, nan, picks[name]))
    return replace(beamed, picks=picks)


def association_stations(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> pa.Table:
    """The stations the association runs on: with ``array_beams``, each array site as one station."""
    beamed = beamed_arrays(stations, picks, config) if config.array_beams else None
    return stations if beamed is None else beamed.stations


def network_reach_km(network: Network, config: FusionConfig) -> tuple[float, str]:
    """The reach the station layout asks for, and why (FusionConfig.reach_from_network).

    Each station's neighbourhood radius is the distance to its ``min_stations``-th nearest station, itself counted: an
    event at that station is heard by ``min_stations`` stations within it. The reach is that radius's
    ``reach_quantile`` over the stations, raised to ``reach_km`` and capped at ``reach_cap_km``."""
    n = network.size
    if n < config.min_stations or n == 0:
        return config.reach_km, f"{n} stations, fewer than min_stations {config.min_stations}: reach_km kept"
    xy = np.column_stack([network.x_km, network.y_km])
    radius = cKDTree(xy).query(xy, k=config.min_stations)[0]
    radius = radius[:, -1] if radius.ndim == 2 else radius
    needed = float(np.quantile(radius, config.reach_quantile))
    reach = min(config.reach_cap_km, max(config.reach_km, needed))
    why = (f"{config.reach_quantile:g} of the {n} stations have {config.min_stations} stations within {needed:.1f} km; "
           f"floor {config.reach_km:g} km, cap {config.reach_cap_km:g} km")
    return reach, why


def with_network_reach(config: FusionConfig, network: Network) -> FusionConfig:
    """``config`` with ``reach_km`` read from the network when ``reach_from_network`` is on (then off: idempotent)."""
    if not config.reach_from_network:
        return config
    reach, _ = network_reach_km(network, config)
    return replace(config, reach_km=reach, reach_from_network=False)


def lone_stations(prep: Prepared, config: FusionConfig) -> np.ndarray:
    """Per station, whether no other station shares its site (``station_sites`` within ``site_km``)."""
    net = prep.network
    site = station_sites(net.x_km, net.y_km, config.site_km)
    return np.asarray(np.bincount(site, minlength=net.size)[site] == 1) if len(site) else np.zeros(0, dtype=bool)
