"""Each party's controlled area, withdrawal zones, and the signed distance to the line.

``build_areas`` makes the ``areas`` GeoJSON of CONTRACTS.md from the line of contact: the band
within ``band_km`` of the line is built in a Lambert conformal conic projection fitted to the
front (standard parallels 47° and 50.5° N, scale error below 3e-4 over the front), brought back
to WGS 84 and split by the line itself, so that the two parties' polygons share the line's
exact vertices as their common border. Walking the line from the Dnipro mouth to the Sumy
border, ``UA`` holds the left (north/west) side and ``RU`` the right (south/east) side.

:class:`Areas` answers questions about points, vectorised over numpy arrays: which party's area
holds them (``shapely.contains_xy`` on prepared polygons), in which zone they are, and their
signed distance to the line (positive on the RU side, negative on the UA side), computed in the
local frame of the point's sector (see :mod:`truceline.geo.frame`) as the exact distance to the
nearest segment (found with an STR-tree), the side coming from the segment direction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import shapely.ops
from numpy.typing import ArrayLike, NDArray
from pyproj import CRS, Transformer
from shapely.geometry import LineString, MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from truceline.geo.frame import GEOD, FloatArray, Sectors, front_sectors
from truceline.geo.front import line_of_contact
from truceline.model.errors import InputError

LEFT_PARTY = "UA"
RIGHT_PARTY = "RU"
_LCC = CRS.from_proj4("+proj=lcc +lat_1=47 +lat_2=50.5 +lat_0=48.8 +lon_0=35.5 +datum=WGS84 +units=m +no_defs")
_TO_LCC = Transformer.from_crs(CRS.from_epsg(4326), _LCC, always_xy=True)
_FROM_LCC = Transformer.from_crs(_LCC, CRS.from_epsg(4326), always_xy=True)
SECTOR_MARGIN_M = 150_000.0


def _to_lcc(geometry: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geometry, lambda xy: np.column_stack(_TO_LCC.transform(xy[:, 0], xy[:, 1])))


def _from_lcc(geometry: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geometry, lambda xy: np.column_stack(_FROM_LCC.transform(xy[:, 0], xy[:, 1])))


def _extended(line: LineString, extra_m: float) -> LineString:
    """The line with both ends pushed out by ``extra_m`` along their end segments (in LCC metres)."""
    xy = np.asarray(shapely.get_coordinates(_to_lcc(line)))
    head = xy[0] - xy[1]
    tail = xy[-1] - xy[-2]
    head = xy[0] + head / np.hypot(*head) * extra_m
    tail = xy[-1] + tail / np.hypot(*tail) * extra_m
    lon, lat = _FROM_LCC.transform(np.array([head[0], tail[0]]), np.array([head[1], tail[1]]))
    coords = np.asarray(shapely.get_coordinates(line))
    return LineString(np.vstack([[lon[0], lat[0]], coords, [lon[1], lat[1]]]))


def split_band(line: LineString, width_km: float) -> dict[str, BaseGeometry]:
    """The band within ``width_km`` of a (lon, lat) line, split into its left and right sides."""
    if width_km <= 0:
        raise ValueError(f"band width must be positive, got {width_km}")
    # buffering the full-resolution line leaves spurious slivers near the flat caps (GEOS); the
    # band's outer edge needs no 100 m detail, while the split below uses the exact line
    buffered = shapely.buffer(_to_lcc(line).simplify(100.0), width_km * 1000.0, quad_segs=16, cap_style="flat")
    outer = shapely.get_exterior_ring(buffered) if isinstance(buffered, Polygon) else None
    if outer is None:
        raise ValueError(f"the {width_km} km band around the line is not one polygon")
    band = _from_lcc(Polygon(outer))
    pieces = shapely.ops.split(band, _extended(line, 2_000.0))
    polygons = [piece for piece in pieces.geoms if isinstance(piece, Polygon) and piece.area > 0]
    sides: dict[str, list[Polygon]] = {LEFT_PARTY: [], RIGHT_PARTY: []}
    engine = _LineDistance(Sectors(line, count=_sector_count(line)))
    for polygon in polygons:
        probe = polygon.representative_point()
        distance = engine.signed_distance_m(np.array([probe.y]), np.array([probe.x]))[0]
        sides[RIGHT_PARTY if distance > 0 else LEFT_PARTY].append(polygon)
    out: dict[str, BaseGeometry] = {}
    for party, parts in sides.items():
        if not parts:
            raise ValueError(f"the line does not split its {width_km} km band into two sides")
        out[party] = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return out


def _sector_count(line: LineString) -> int:
    coords = np.asarray(shapely.get_coordinates(line))
    length_m = float(GEOD.line_length(coords[:, 0], coords[:, 1]))
    return max(1, int(round(length_m / 120_000.0)))


def build_areas(band_km: float = 80.0, withdrawal_km: float = 15.0, line: LineString | None = None) -> dict[str, Any]:
    """The ``areas`` GeoJSON FeatureCollection (a dict) for the line of contact.

    One polygon per party (``UA`` north/west, ``RU`` south/east) covering the band within
    ``band_km`` of the line, the line itself (``role: "line"``), and one withdrawal-zone polygon
    per party within ``withdrawal_km`` of the line (``zone: "withdrawal"``).
    """
    if withdrawal_km <= 0 or withdrawal_km >= band_km:
        raise ValueError(f"withdrawal width must be in (0, band_km={band_km}), got {withdrawal_km}")
    front = line if line is not None else line_of_contact()
    features: list[dict[str, Any]] = []
    for party, polygon in split_band(front, band_km).items():
        features.append({"type": "Feature", "properties": {"party": party}, "geometry": mapping(polygon)})
    features.append({"type": "Feature", "properties": {"role": "line"}, "geometry": mapping(front)})
    for party, polygon in split_band(front, withdrawal_km).items():
        features.append(
            {
                "type": "Feature",
                "properties": {"zone": "withdrawal", "party": party, "width_km": withdrawal_km},
                "geometry": mapping(polygon),
            }
        )
    return {"type": "FeatureCollection", "features": _plain(features)}


def _plain(value: Any) -> Any:
    """Tuples (from shapely's mapping) to lists, so the dict is plain JSON."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Zone:
    zone: str
    party: str
    geometry: BaseGeometry


class _LineDistance:
    """Signed distance to a line, in the frame of each point's sector.

    The nearest segment is found exactly: a segment both of whose ends are at least r_k from the
    point (r_k: distance to the k-th nearest vertex) is at least sqrt(r_k^2 - (L/2)^2) away, L
    being the longest segment. So the best of the segments at the k nearest vertices is the
    nearest whenever it is closer than that bound (with a margin for the chord-versus-plane
    difference); the few other points go to an STR-tree.
    """

    NEIGHBOURS = 8

    def __init__(self, sectors: Sectors) -> None:
        self.sectors = sectors
        along = sectors.vertex_along_m
        self._half_segment_m = 0.5 * float(np.max(np.diff(along))) if along.size > 1 else 0.0
        self._xy: dict[int, tuple[FloatArray, FloatArray]] = {}
        self._trees: dict[int, shapely.STRtree] = {}

    def _vertices_xy(self, index: int) -> tuple[FloatArray, FloatArray]:
        if index not in self._xy:
            frame = self.sectors[index].frame
            self._xy[index] = frame.to_xy(self.sectors.vertex_lat, self.sectors.vertex_lon)
        return self._xy[index]

    def _tree(self, index: int) -> shapely.STRtree:
        if index not in self._trees:
            x, y = self._vertices_xy(index)
            segments = shapely.linestrings(
                np.stack([np.column_stack([x[:-1], y[:-1]]), np.column_stack([x[1:], y[1:]])], axis=1)
            )
            self._trees[index] = shapely.STRtree(segments)
        return self._trees[index]

    def signed_distance_m(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> FloatArray:
        lat = np.atleast_1d(np.asarray(lat_deg, dtype=np.float64)).ravel()
        lon = np.atleast_1d(np.asarray(lon_deg, dtype=np.float64)).ravel()
        out = np.full(lat.shape, np.nan)
        if lat.size == 0:
            return out
        chord, vertex = self.sectors.nearest_vertices(lat, lon, k=self.NEIGHBOURS)
        sector = self.sectors.sector_of_along(self.sectors.vertex_along_m[vertex[:, 0]])
        unexamined_m = np.sqrt(np.maximum(chord[:, -1] ** 2 - self._half_segment_m**2, 0.0))
        complete = vertex.shape[1] == self.sectors.vertex_lat.size
        last_segment = self.sectors.vertex_lat.size - 2
        for index in np.unique(sector):
            chosen = np.flatnonzero(sector == index)
            x, y = self._vertices_xy(int(index))
            px, py = self.sectors[int(index)].frame.to_xy(lat[chosen], lon[chosen])
            candidates = np.clip(np.concatenate([vertex[chosen] - 1, vertex[chosen]], axis=1), 0, last_segment)
            t, distance = _foot(x, y, candidates, px[:, None], py[:, None])
            best = np.argmin(distance, axis=1)
            rows = np.arange(chosen.size)
            segment = candidates[rows, best]
            exact = complete | (1.002 * distance[rows, best] + 2.0 < unexamined_m[chosen])
            fallback = np.flatnonzero(~exact)
            if fallback.size:
                segment[fallback] = self._tree(int(index)).query_nearest(
                    shapely.points(px[fallback], py[fallback]), all_matches=False
                )[1]
            t, distance = _foot(x, y, segment, px, py)
            fx = x[segment] + t * (x[segment + 1] - x[segment])
            fy = y[segment] + t * (y[segment + 1] - y[segment])
            tx, ty = _tangent(x, y, segment, t)
            cross = tx * (py - fy) - ty * (px - fx)
            out[chosen] = np.where(cross > 0, -distance, distance)
        return out.reshape(np.shape(lat_deg)) if np.ndim(lat_deg) else out


def _foot(
    x: FloatArray, y: FloatArray, segment: NDArray[np.intp], px: FloatArray, py: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Fraction along each segment of the foot of the perpendicular from (px, py), and the distance."""
    ax, ay = x[segment], y[segment]
    dx, dy = x[segment + 1] - ax, y[segment + 1] - ay
    length2 = np.maximum(dx * dx + dy * dy, 1e-12)
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0)
    return t, np.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _tangent(x: FloatArray, y: FloatArray, segment: NDArray[np.intp], t: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Line direction at the foot point; at a vertex, the mean of the two segments' directions."""
    last = x.size - 2

    def direction(index: NDArray[np.intp]) -> tuple[FloatArray, FloatArray]:
        index = np.clip(index, 0, last)
        dx, dy = x[index + 1] - x[index], y[index + 1] - y[index]
        norm = np.maximum(np.hypot(dx, dy), 1e-12)
        return dx / norm, dy / norm

    ux, uy = direction(segment)
    px, py = direction(segment - 1)
    nx, ny = direction(segment + 1)
    at_start = t <= 0.0
    at_end = t >= 1.0
    tx = np.where(at_start, ux + px, np.where(at_end, ux + nx, ux))
    ty = np.where(at_start, uy + py, np.where(at_end, uy + ny, uy))
    return tx, ty


class Areas:
    """Parties' areas, zones and (optionally) the line, answering vectorised point queries."""

    def __init__(
        self,
        parties: Mapping[str, BaseGeometry],
        line: LineString | None = None,
        zones: tuple[Zone, ...] = (),
        source: str = "<areas>",
    ) -> None:
        if not parties:
            raise ValueError("areas need at least one party polygon")
        self.source = source
        self._parties: dict[str, BaseGeometry] = dict(parties)
        self.line = line
        self.zones = zones
        for geometry in self._parties.values():
            shapely.prepare(geometry)
        for zone in zones:
            shapely.prepare(zone.geometry)
        self._distance: _LineDistance | None = None

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(self._parties)

    def polygon(self, party: str) -> BaseGeometry:
        return self._parties[party]

    @classmethod
    def from_geojson(cls, data: Any, source: str = "<areas>") -> Areas:
        """Validate an ``areas`` FeatureCollection; errors name ``source`` and the feature index."""
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise InputError(source, "not a GeoJSON FeatureCollection (need \"type\": \"FeatureCollection\")")
        features = data.get("features")
        if not isinstance(features, list):
            raise InputError(source, "'features' must be a list")
        parties: dict[str, BaseGeometry] = {}
        line: LineString | None = None
        zones: list[Zone] = []
        for index, feature in enumerate(features):
            where = f"feature {index}"
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise InputError(source, f"{where}: not a GeoJSON Feature")
            properties = feature.get("properties") or {}
            if not isinstance(properties, dict):
                raise InputError(source, f"{where}: 'properties' must be an object")
            try:
                geometry = shape(feature.get("geometry"))
            except Exception as problem:  # shapely raises several types for bad GeoJSON
                raise InputError(source, f"{where}: geometry: not valid GeoJSON ({problem})") from None
            if geometry.is_empty:
                raise InputError(source, f"{where}: geometry: empty")
            bounds = geometry.bounds
            if not (-180 <= bounds[0] <= bounds[2] <= 180 and -90 <= bounds[1] <= bounds[3] <= 90):
                raise InputError(source, f"{where}: geometry: coordinates out of range (need lon, lat in degrees)")
            if properties.get("role") == "line":
                if not isinstance(geometry, LineString):
                    raise InputError(source, f"{where}: role 'line' needs a LineString, got {geometry.geom_type}")
                if line is not None:
                    raise InputError(source, f"{where}: a second feature with role 'line'")
                line = geometry
                continue
            if not isinstance(geometry, (Polygon, MultiPolygon)):
                raise InputError(source, f"{where}: geometry: need Polygon or MultiPolygon, got {geometry.geom_type}")
            if not geometry.is_valid:
                raise InputError(source, f"{where}: geometry: invalid polygon ({shapely.is_valid_reason(geometry)})")
            party = properties.get("party")
            if party is not None and (not isinstance(party, str) or not party.strip()):
                raise InputError(source, f"{where}: properties.party: must be a non-empty string, got {party!r}")
            zone = properties.get("zone")
            if zone is not None:
                if not isinstance(zone, str) or not zone.strip():
                    raise InputError(source, f"{where}: properties.zone: must be a non-empty string, got {zone!r}")
                zones.append(Zone(zone=zone, party=party or "", geometry=geometry))
                continue
            if party is None:
                raise InputError(source, f"{where}: properties.party: missing (each polygon needs 'party' or 'zone')")
            if party in parties:
                raise InputError(source, f"{where}: properties.party: {party!r} has a second polygon (use one MultiPolygon)")
            parties[party] = geometry
        if not parties:
            raise InputError(source, "no party polygon (a Polygon/MultiPolygon feature with property 'party')")
        return cls(parties, line=line, zones=tuple(zones), source=source)

    def to_geojson(self) -> dict[str, Any]:
        features: list[dict[str, Any]] = [
            {"type": "Feature", "properties": {"party": party}, "geometry": mapping(geometry)}
            for party, geometry in self._parties.items()
        ]
        if self.line is not None:
            features.append({"type": "Feature", "properties": {"role": "line"}, "geometry": mapping(self.line)})
        for zone in self.zones:
            features.append(
                {"type": "Feature", "properties": {"zone": zone.zone, "party": zone.party}, "geometry": mapping(zone.geometry)}
            )
        return {"type": "FeatureCollection", "features": _plain(features)}

    def party_at(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> NDArray[np.str_]:
        """The party whose area holds each point ("" outside all; the first listed if several)."""
        lat = np.atleast_1d(np.asarray(lat_deg, dtype=np.float64))
        lon = np.atleast_1d(np.asarray(lon_deg, dtype=np.float64))
        width = max(len(party) for party in self._parties)
        out = np.full(lat.shape, "", dtype=f"<U{width}")
        for party in reversed(list(self._parties)):
            out[shapely.contains_xy(self._parties[party], lon, lat)] = party
        return out

    def zone_at(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> NDArray[np.str_]:
        """The zone name (e.g. "withdrawal") holding each point, "" if none."""
        lat = np.atleast_1d(np.asarray(lat_deg, dtype=np.float64))
        lon = np.atleast_1d(np.asarray(lon_deg, dtype=np.float64))
        width = max([len(zone.zone) for zone in self.zones] + [1])
        out = np.full(lat.shape, "", dtype=f"<U{width}")
        for zone in reversed(self.zones):
            out[shapely.contains_xy(zone.geometry, lon, lat)] = zone.zone
        return out

    def signed_distance_m(self, lat_deg: ArrayLike, lon_deg: ArrayLike) -> FloatArray:
        """Distance to the line in metres: positive on the right (RU) side, negative on the left (UA)."""
        if self._distance is None:
            if self.line is None:
                raise InputError(self.source, "no line of contact (a LineString feature with property role: \"line\"), needed for distances to the line")
            if self.line.equals_exact(line_of_contact(), 0.0):
                self._distance = _LineDistance(front_sectors())
            else:
                self._distance = _LineDistance(Sectors(self.line, count=_sector_count(self.line)))
        return self._distance.signed_distance_m(lat_deg, lon_deg)


def read_areas(path: str | Path) -> Areas:
    """Read and validate an ``areas.geojson`` file."""
    file = Path(path)
    if not file.exists():
        raise InputError(str(file), "no such file")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(file), "not UTF-8 text") from None
    except json.JSONDecodeError as problem:
        raise InputError(str(file), f"not valid JSON: {problem.msg}", line=problem.lineno, column=f"column {problem.colno}") from None
    return Areas.from_geojson(data, source=str(file))


def front_areas(band_km: float = 80.0, withdrawal_km: float = 15.0) -> Areas:
    """:class:`Areas` for the reference line of contact (no file needed)."""
    return Areas.from_geojson(build_areas(band_km=band_km, withdrawal_km=withdrawal_km), source="<build_areas>")


__all__ = ["Areas", "Zone", "build_areas", "front_areas", "read_areas", "split_band"]
