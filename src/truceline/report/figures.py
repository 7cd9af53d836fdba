"""The report's pictures: a map of the front with the period's events, and violations per hour.

Drawn with matplotlib (Agg, no display) from data the package ships: the line of contact, the
parties' areas and the withdrawal zones of :mod:`truceline.geo`, and the waypoint towns as
landmarks. No tiles, no downloads. Coordinates are projected with pyproj onto the Lambert
conformal conic the areas are built in, so that ellipses keep their shape. Each figure is PNG
bytes with no timestamp in its metadata, so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from pyproj import CRS, Geod, Transformer  # noqa: E402
from shapely.geometry.base import BaseGeometry  # noqa: E402

from truceline.geo.areas import Areas  # noqa: E402
from truceline.geo.front import WAYPOINTS  # noqa: E402

_LCC = CRS.from_proj4("+proj=lcc +lat_1=47 +lat_2=50.5 +lat_0=48.8 +lon_0=35.5 +datum=WGS84 +units=m +no_defs")
_TO_MAP = Transformer.from_crs(CRS.from_epsg(4326), _LCC, always_xy=True)
_GEOD = Geod(ellps="WGS84")

PARTY_COLOURS = {"UA": "#1f5fbf", "RU": "#c0392b"}
AREA_COLOURS = {"UA": "#dfe9f7", "RU": "#f7e1df"}
OTHER_COLOURS = ("#7d3c98", "#148f77", "#b9770e", "#5d6d7e")
UNATTRIBUTED = "#7f7f7f"
ELLIPSE_POINTS = 48


def party_colour(party: str, parties: Sequence[str] = ()) -> str:
    if party in PARTY_COLOURS:
        return PARTY_COLOURS[party]
    if party and party in parties:
        return OTHER_COLOURS[list(parties).index(party) % len(OTHER_COLOURS)]
    return UNATTRIBUTED


def project(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS 84 degrees to map kilometres."""
    x, y = _TO_MAP.transform(np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64))
    return np.asarray(x) / 1000.0, np.asarray(y) / 1000.0


def _rings(geometry: BaseGeometry) -> list[np.ndarray]:
    polygons = list(getattr(geometry, "geoms", [geometry]))
    rings = []
    for polygon in polygons:
        coords = np.asarray(shapely.get_coordinates(polygon.exterior))
        x, y = project(coords[:, 0], coords[:, 1])
        rings.append(np.column_stack([x, y]))
    return rings


def ellipse_rings(lat: np.ndarray, lon: np.ndarray, major_km: np.ndarray, minor_km: np.ndarray, azimuth_deg: np.ndarray) -> np.ndarray:
    """Outlines (n, ELLIPSE_POINTS, 2) in map km of 95 % ellipses given by semi-axes and the major
    axis's azimuth (degrees from true north), traced on the ellipsoid from each centre."""
    n = len(lat)
    if n == 0:
        return np.zeros((0, ELLIPSE_POINTS, 2))
    phi = np.linspace(0.0, 2.0 * np.pi, ELLIPSE_POINTS)
    alpha = np.radians(np.asarray(azimuth_deg, dtype=np.float64))[:, None]
    a = np.nan_to_num(np.asarray(major_km, dtype=np.float64), nan=0.0)[:, None] * 1000.0
    b = np.nan_to_num(np.asarray(minor_km, dtype=np.float64), nan=0.0)[:, None] * 1000.0
    east = a * np.cos(phi) * np.sin(alpha) + b * np.sin(phi) * np.cos(alpha)
    north = a * np.cos(phi) * np.cos(alpha) - b * np.sin(phi) * np.sin(alpha)
    distance = np.hypot(east, north)
    azimuth = np.degrees(np.arctan2(east, north))
    lon1, lat1, _ = _GEOD.fwd(np.repeat(lon, ELLIPSE_POINTS), np.repeat(lat, ELLIPSE_POINTS), azimuth.ravel(), distance.ravel())
    x, y = project(np.asarray(lon1), np.asarray(lat1))
    return np.stack([x.reshape(n, ELLIPSE_POINTS), y.reshape(n, ELLIPSE_POINTS)], axis=-1)


def _png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _draw_front(ax: plt.Axes, areas: Areas) -> None:
    for party in areas.parties:
        ax.add_collection(PolyCollection(_rings(areas.polygon(party)), facecolor=AREA_COLOURS.get(party, "#eeeeee"),
                                         edgecolor="none", zorder=0, label=f"{party}-controlled area"))
    first = True
    for zone in areas.zones:
        ax.add_collection(PolyCollection(_rings(zone.geometry), facecolor="none", edgecolor="#b0b0b0", hatch="///",
                                         linewidth=0.0, zorder=1, alpha=0.6, label=f"{zone.zone} zone" if first else None))
        first = False
    if areas.line is not None:
        coords = np.asarray(shapely.get_coordinates(areas.line))
        x, y = project(coords[:, 0], coords[:, 1])
        ax.plot(x, y, color="black", linewidth=1.2, zorder=3, label="line of contact")


def _draw_towns(ax: plt.Axes, box: tuple[float, float, float, float], size: float) -> None:
    lon = np.array([w.lon_deg for w in WAYPOINTS])
    lat = np.array([w.lat_deg for w in WAYPOINTS])
    x, y = project(lon, lat)
    inside = (x >= box[0]) & (x <= box[1]) & (y >= box[2]) & (y <= box[3])
    ax.scatter(x[inside], y[inside], s=6, color="#333333", zorder=4, marker="s")
    for i in np.flatnonzero(inside):
        ax.annotate(WAYPOINTS[i].name, (x[i], y[i]), xytext=(3, 2), textcoords="offset points", fontsize=size, color="#333333", zorder=4)


def front_map(
    areas: Areas,
    lat: np.ndarray,
    lon: np.ndarray,
    party: Sequence[str],
    major_km: np.ndarray,
    minor_km: np.ndarray,
    azimuth_deg: np.ndarray,
    is_violation: np.ndarray,
    *,
    title: str,
    dpi: int = 130,
) -> bytes:
    """Two panels: the whole front with every event of the period (dots, coloured by firing party;
    violations as larger markers), and a close-up of the busiest 60 km with the 95 % ellipses."""
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    x, y = project(lon, lat)
    parties = list(areas.parties)
    colours = np.array([party_colour(p, parties) for p in party]) if len(party) else np.zeros(0, dtype=str)
    violation = np.asarray(is_violation, dtype=bool)
    figure, (whole, close) = plt.subplots(1, 2, figsize=(11.5, 5.6), gridspec_kw={"width_ratios": [1.25, 1.0]})

    # the whole front
    _draw_front(whole, areas)
    if areas.line is not None:
        lx, ly = project(*np.asarray(shapely.get_coordinates(areas.line)).T)
        box = (float(lx.min()) - 60, float(lx.max()) + 60, float(ly.min()) - 60, float(ly.max()) + 60)
    else:
        box = (float(x.min()) - 60, float(x.max()) + 60, float(y.min()) - 60, float(y.max()) + 60)
    _draw_towns(whole, box, 6)
    quiet = ~violation
    whole.scatter(x[quiet], y[quiet], s=5, c=list(colours[quiet]), alpha=0.6, linewidths=0, zorder=5)
    whole.scatter(x[violation], y[violation], s=16, c=list(colours[violation]), marker="D", edgecolors="black", linewidths=0.3, zorder=6)

    # the close-up: 60 km around the densest cluster of violations (or of events)
    focus = violation if violation.any() else np.ones(len(x), dtype=bool)
    if focus.any():
        fx, fy = x[focus], y[focus]
        near = np.array([np.sum(np.hypot(fx - fx[i], fy - fy[i]) < 20.0) for i in range(len(fx))])
        cx, cy = float(fx[int(np.argmax(near))]), float(fy[int(np.argmax(near))])
    else:
        cx, cy = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
    half = 30.0
    zoom = (cx - half, cx + half, cy - half, cy + half)
    whole.add_patch(plt.Rectangle((zoom[0], zoom[2]), 2 * half, 2 * half, fill=False, edgecolor="black", linewidth=0.8, zorder=7))
    _draw_front(close, areas)
    _draw_towns(close, zoom, 7)
    rings = ellipse_rings(lat, lon, major_km, minor_km, azimuth_deg)
    shown = (x > zoom[0] - 5) & (x < zoom[1] + 5) & (y > zoom[2] - 5) & (y < zoom[3] + 5)
    if shown.any():
        close.add_collection(LineCollection(list(rings[shown]), colors=list(colours[shown]), linewidths=0.6, alpha=0.8, zorder=5))
        close.scatter(x[shown & quiet], y[shown & quiet], s=5, c=list(colours[shown & quiet]), linewidths=0, zorder=6)
        close.scatter(x[shown & violation], y[shown & violation], s=12, c=list(colours[shown & violation]), marker="D",
                      edgecolors="black", linewidths=0.3, zorder=6)
    for ax, extent, name in ((whole, box, "whole front"), (close, zoom, "close-up, 95 % ellipses")):
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_aspect("equal")
        ax.set_title(name, fontsize=9)
        ax.tick_params(labelsize=7)
        ax.set_xlabel("km (Lambert conformal conic, 47°/50.5°N)", fontsize=7)
    handles = [
        plt.Line2D([], [], color="black", linewidth=1.2, label="line of contact"),
        plt.Rectangle((0, 0), 1, 1, facecolor="none", edgecolor="#b0b0b0", hatch="///", label="withdrawal zones"),
    ]
    for p in parties:
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor=AREA_COLOURS.get(p, "#eeeeee"), label=f"{p}-held area"))
    for p in parties + [""]:
        handles.append(plt.Line2D([], [], marker="D", linestyle="none", markerfacecolor=party_colour(p, parties), markeredgecolor="black",
                                  markersize=5, label=f"fired by {p}" if p else "firing party unknown"))
    figure.legend(handles=handles, loc="lower center", ncol=4, fontsize=7, frameon=False)
    figure.suptitle(title, fontsize=10)
    figure.subplots_adjust(bottom=0.2, wspace=0.12)
    return _png(figure, dpi)


def hourly_chart(hourly: Mapping[str, Sequence[int]], start_label: str, *, first_hour: int = 0, parties: Sequence[str] = (), dpi: int = 130) -> bytes:
    """Stacked bars of violations per hour by firing party; ``first_hour`` is the UTC hour of bar 0."""
    figure, ax = plt.subplots(figsize=(9.0, 2.6))
    bottom: np.ndarray | None = None
    for party in sorted(hourly):
        values = np.asarray(hourly[party], dtype=float)
        if bottom is None:
            bottom = np.zeros_like(values)
        ax.bar(np.arange(len(values)), values, bottom=bottom, color=party_colour(party, parties), label=f"fired by {party}", width=0.85)
        bottom = bottom + values
    n = len(next(iter(hourly.values()), ()))
    step = 1 if n <= 24 else int(np.ceil(n / 24))
    ax.set_xticks(np.arange(0, n, step))
    ax.set_xticklabels([f"{((first_hour + h) % 24):02d}" for h in range(0, n, step)], fontsize=7)
    ax.set_xlabel(f"hour (UTC) from {start_label}", fontsize=8)
    ax.set_ylabel("violations", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    if hourly:
        ax.legend(fontsize=7, frameon=False)
    return _png(figure, dpi)
