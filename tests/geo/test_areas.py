"""Parties' areas, zones and the signed distance to the line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from truceline.geo.areas import Areas, build_areas, front_areas, read_areas
from truceline.geo.frame import front_sectors
from truceline.model.errors import InputError

GEOD = Geod(ellps="WGS84")
AREAS = front_areas()


def _offset_points(along_m: np.ndarray, offset_m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points at signed perpendicular offsets (positive to the right of travel) from the line."""
    sectors = front_sectors()
    lat, lon = sectors.point_at(along_m)
    ahead_lat, ahead_lon = sectors.point_at(along_m + 50.0)
    azimuth, _, _ = GEOD.inv(lon, lat, ahead_lon, ahead_lat)
    out_lon, out_lat, _ = GEOD.fwd(lon, lat, azimuth + 90.0, offset_m)
    return np.asarray(out_lat), np.asarray(out_lon)


def test_collection_has_the_contract_features() -> None:
    data = build_areas(band_km=80, withdrawal_km=15)
    kinds = [(f["properties"].get("party"), f["properties"].get("role"), f["properties"].get("zone")) for f in data["features"]]
    assert ("UA", None, None) in kinds and ("RU", None, None) in kinds
    assert (None, "line", None) in kinds
    assert ("UA", None, "withdrawal") in kinds and ("RU", None, "withdrawal") in kinds
    json.dumps(data)  # plain JSON


@settings(max_examples=300, deadline=None)
@given(along=st.floats(120_000.0, 1_280_000.0), offset_m=st.floats(-60_000.0, 60_000.0))
def test_side_agrees_with_the_sign_of_the_distance(along: float, offset_m: float) -> None:
    lat, lon = _offset_points(np.array([along]), np.array([offset_m]))
    distance = AREAS.signed_distance_m(lat, lon)[0]
    party = AREAS.party_at(lat, lon)[0]
    if abs(distance) > 1.0:
        assert party == ("RU" if distance > 0 else "UA")
    else:
        assert party in {"RU", "UA"}


def test_parties_cover_at_least_60_km_and_match_the_sign_on_many_points() -> None:
    rng = np.random.default_rng(1)
    along = rng.uniform(120_000.0, front_sectors().length_m - 120_000.0, 20_000)
    offset = rng.uniform(-60_000.0, 60_000.0, along.size)
    lat, lon = _offset_points(along, offset)
    distance = AREAS.signed_distance_m(lat, lon)
    party = AREAS.party_at(lat, lon)
    clear = np.abs(distance) > 1.0
    assert np.all(party[clear] == np.where(distance[clear] > 0, "RU", "UA"))
    zone = AREAS.zone_at(lat, lon)
    # the zone edge is a buffer of the line simplified at 100 m: exact away from that tolerance
    sure = np.abs(np.abs(distance) - 15_000.0) > 150.0
    assert np.all((zone[sure] == "withdrawal") == (np.abs(distance[sure]) < 15_000.0))
    assert np.all(party[np.abs(distance) < 60_000.0] != "")


def test_distance_matches_brute_force_in_the_sector_frame() -> None:
    rng = np.random.default_rng(2)
    sectors = front_sectors()
    along = rng.uniform(0.0, sectors.length_m, 500)
    lat, lon = _offset_points(along, rng.uniform(-100_000.0, 100_000.0, along.size))
    distance = AREAS.signed_distance_m(lat, lon)
    line = np.asarray(AREAS.line.coords) if AREAS.line is not None else None
    assert line is not None
    for index in range(0, 500, 25):
        sector = sectors[int(sectors.sector_of(lat[index : index + 1], lon[index : index + 1])[0])]
        x, y = sector.frame.to_xy(line[:, 1], line[:, 0])
        px, py = sector.frame.to_xy(lat[index : index + 1], lon[index : index + 1])
        expected = shapely.distance(shapely.linestrings(np.column_stack([x, y])), shapely.points(px[0], py[0]))
        assert abs(abs(distance[index]) - expected) < 0.01


def test_points_beyond_the_band_are_outside_every_party() -> None:
    lat, lon = _offset_points(np.array([600_000.0, 600_000.0]), np.array([-150_000.0, 150_000.0]))
    assert AREAS.party_at(lat, lon).tolist() == ["", ""]
    distance = AREAS.signed_distance_m(lat, lon)
    assert distance[0] < -80_000.0 and distance[1] > 80_000.0


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps(build_areas()), encoding="utf-8")
    areas = read_areas(path)
    assert areas.parties == ("UA", "RU")
    assert areas.party_at([47.9], [35.2]).tolist() == ["UA"]  # Zaporizhzhia
    assert areas.party_at([47.1], [37.55]).tolist() == ["RU"]  # Mariupol


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(type="Feature"), "not a GeoJSON FeatureCollection"),
        (lambda d: d["features"][0]["properties"].pop("party"), "feature 0: properties.party: missing"),
        (lambda d: d["features"][1]["properties"].update(party=""), "feature 1: properties.party: must be a non-empty string"),
        (lambda d: d["features"][0].update(geometry={"type": "Polygon", "coordinates": [[[0, 0], [1]]]}), "feature 0: geometry"),
        (lambda d: d["features"][2].update(geometry={"type": "Point", "coordinates": [35, 48]}), "feature 2: role 'line' needs a LineString"),
        (lambda d: d["features"][1]["properties"].update(party="UA"), "feature 1: properties.party: 'UA' has a second polygon"),
    ],
)
def test_bad_areas_files_are_named_with_the_feature(tmp_path: Path, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = build_areas()
    mutate(data)
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as problem:
        read_areas(path)
    assert str(path) in str(problem.value)
    assert message in str(problem.value)


def test_unparsable_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [,]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.geojson:2: "):
        read_areas(path)


def test_areas_without_a_line_refuse_signed_distance() -> None:
    data = build_areas()
    data["features"] = [f for f in data["features"] if f["properties"].get("role") != "line"]
    areas = Areas.from_geojson(data, source="mine.geojson")
    with pytest.raises(InputError, match="mine.geojson: no line of contact"):
        areas.signed_distance_m([48.0], [37.0])
