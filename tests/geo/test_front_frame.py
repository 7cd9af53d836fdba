"""The line of contact and local frames."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from shapely.geometry import LineString

from truceline.geo.areas import Areas
from truceline.geo.frame import LocalFrame, for_points, front_sectors, sector_of
from truceline.geo.front import WAYPOINTS, line_length_m, line_of_contact

GEOD = Geod(ellps="WGS84")


def test_line_length_is_1400_km_within_50() -> None:
    coords = np.asarray(line_of_contact().coords)
    length_m = GEOD.line_length(coords[:, 0], coords[:, 1])
    assert abs(length_m - 1_400_000.0) <= 50_000.0
    assert line_length_m() == length_m


def test_line_passes_through_every_waypoint_in_order() -> None:
    coords = np.asarray(line_of_contact().coords)
    last = -1
    for waypoint in WAYPOINTS:
        _, _, distance = GEOD.inv(
            np.full(len(coords), waypoint.lon_deg), np.full(len(coords), waypoint.lat_deg), coords[:, 0], coords[:, 1]
        )
        index = int(np.argmin(distance))
        assert distance[index] < 1.0, waypoint.name
        assert index > last
        last = index


def test_line_is_deterministic_simple_and_meanders_are_small() -> None:
    first, second = line_of_contact(), line_of_contact()
    assert first.equals_exact(second, 0.0)
    assert first.is_simple
    assert len(first.coords) > 3000
    # no vertex strays more than 10 km from the straight geodesic segments between the waypoints
    base = LineString([(w.lon_deg, w.lat_deg) for w in WAYPOINTS])
    straight = Areas({"all": base.buffer(1.0)}, line=base)
    coords = np.asarray(first.coords)
    offset_m = np.abs(straight.signed_distance_m(coords[:, 1], coords[:, 0]))
    assert 3_000.0 < offset_m.max() < 10_000.0


def test_sectors_cover_the_line_in_order() -> None:
    sectors = front_sectors()
    assert len(sectors) == 12
    assert sectors[0].start_m == 0.0 and abs(sectors[-1].end_m - sectors.length_m) < 1e-6
    assert len({sector.name for sector in sectors}) == 12
    lat, lon = sectors.point_at(np.array([s.start_m + 1000.0 for s in sectors.sectors]))
    assert sector_of(lat, lon).tolist() == list(range(12))


@settings(max_examples=200, deadline=None)
@given(
    along=st.floats(0.0, 1.0),
    distance_m=st.floats(0.0, 100_000.0),
    azimuth_deg=st.floats(0.0, 360.0),
)
def test_round_trip_within_1_m_anywhere_within_100_km_of_the_front(along: float, distance_m: float, azimuth_deg: float) -> None:
    sectors = front_sectors()
    base_lat, base_lon = sectors.point_at(np.array([along * sectors.length_m]))
    lon, lat, _ = GEOD.fwd(base_lon, base_lat, np.array([azimuth_deg]), np.array([distance_m]))
    sector = sectors[int(sector_of(lat, lon)[0])]
    x, y = sector.frame.to_xy(lat, lon)
    back_lat, back_lon = sector.frame.to_latlon(x, y)
    _, _, error_m = GEOD.inv(lon, lat, back_lon, back_lat)
    assert float(error_m[0]) < 1.0
    # and the frame is metric: distance from the centre equals the geodesic distance
    _, _, from_centre_m = GEOD.inv(sector.lon_deg, sector.lat_deg, float(lon[0]), float(lat[0]))
    assert abs(float(np.hypot(x[0], y[0])) - from_centre_m) < 1e-3 * max(1.0, from_centre_m) * 1e-3 + 0.01


def test_local_frame_axes_point_east_and_north() -> None:
    frame = LocalFrame(48.0, 37.0)
    x, y = frame.to_xy(np.array([48.0, 48.1, 48.0]), np.array([37.0, 37.0, 37.1]))
    assert abs(x[0]) < 1e-6 and abs(y[0]) < 1e-6
    assert y[1] > 11_000 and abs(x[1]) < 1.0
    assert x[2] > 7_000 and abs(y[2]) < 10.0


def test_for_points_centres_on_the_points() -> None:
    frame = for_points([48.0, 49.0], [37.0, 37.0])
    assert abs(frame.lat0_deg - 48.5) < 0.01 and abs(frame.lon0_deg - 37.0) < 1e-9
