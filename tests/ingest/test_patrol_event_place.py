"""Where the text puts the event itself, and how precisely: ``lat``/``lon`` and ``location_uncertainty_km``.

"impacts in Luhanske" (the place's extent), "near Shyroka Balka" (farther), "3-5km south-south-west
of Svitlodarsk" (the compass sector of the range), "near Zolote and Popasna" (a radius reaching both),
"in the direction of Popasna" (a bearing from the observer, no location). Expected radii are computed
here from the geometry with pyproj, not with the code under test.
"""

from __future__ import annotations

import math

import pytest
from pyproj import Geod

from tests.ingest.test_patrol_sentences import GAZETTEER, parse
from truceline.ingest.gazetteer import DEFAULT_SETTLEMENT_RADIUS_KM, POSITION_ERROR_KM, offset_position
from truceline.ingest.patrol.locate import NEAR_KM

GEOD = Geod(ellps="WGS84")


def place(name: str) -> tuple[float, float, float]:
    match = GAZETTEER.lookup(name)
    assert match is not None and match.how == "exact"
    return match.place.lat, match.place.lon, match.place.radius_km()


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(GEOD.inv(a[1], a[0], b[1], b[0])[2]) / 1000.0


def sector_holding_radius(lat: float, lon: float, centre_deg: float, near: float, far: float) -> float:
    """Largest distance from the sector's middle point to its corners and ends, on the ellipsoid."""
    middle = offset_position(lat, lon, centre_deg, 0.5 * (near + far))
    edges = [offset_position(lat, lon, centre_deg + side, r) for side in (-11.25, 0.0, 11.25) for r in (near, far)]
    return max(km(middle, edge) for edge in edges)


def test_in_a_place_is_the_place_with_its_extent() -> None:
    (record,) = parse("The SMM heard three explosions assessed as impacts in Luhanske.")
    lat, lon, radius = place("Luhanske")
    assert (record["lat"], record["lon"]) == (lat, lon) and record["event_relation"] == "in"
    assert radius == pytest.approx(math.sqrt(1.433 / math.pi))  # the sourced area, 1.433 km2
    assert record["location_uncertainty_km"] == pytest.approx(radius + POSITION_ERROR_KM, abs=0.01)
    assert record["warnings"] == []


def test_a_city_is_less_precise_than_a_village() -> None:
    (city,) = parse("The SMM saw fresh craters in Donetsk city.")
    (village,) = parse("The SMM saw fresh craters in Luhanske.")
    assert city["location_uncertainty_km"] == pytest.approx(math.sqrt(358 / math.pi) + POSITION_ERROR_KM, abs=0.01)
    assert city["location_uncertainty_km"] > 5 * village["location_uncertainty_km"]


def test_near_a_place_is_farther_than_in_it() -> None:
    (record,) = parse("The SMM heard an explosion near Shyroka Balka.")
    lat, lon, radius = place("Shyroka Balka")
    assert radius == DEFAULT_SETTLEMENT_RADIUS_KM  # no area in the sources: the default
    assert (record["lat"], record["lon"], record["event_relation"]) == (lat, lon, "near")
    assert record["location_uncertainty_km"] == pytest.approx(radius + POSITION_ERROR_KM + NEAR_KM, abs=0.01)
    (area,) = parse("The SMM heard five explosions in the area of Shyroka Balka.")
    assert area["event_relation"] == "near" and area["location_uncertainty_km"] == record["location_uncertainty_km"]
    assert area["warnings"] == []


def test_a_range_and_direction_from_a_place_is_its_compass_sector() -> None:
    (record,) = parse("Positioned in Svitlodarsk, the SMM heard 17 undetermined explosions 3-5km south-south-west of "
                      "Svitlodarsk between 09:56 and 10:38.")
    lat, lon, radius = place("Svitlodarsk")
    expected_point = offset_position(lat, lon, 202.5, 4.0)
    assert (record["lat"], record["lon"]) == pytest.approx(expected_point, abs=1e-5)
    sector = sector_holding_radius(lat, lon, 202.5, 3.0, 5.0)
    assert 1.2 < sector < 1.45
    assert record["location_uncertainty_km"] == pytest.approx(sector + radius + POSITION_ERROR_KM, abs=0.02)
    assert record["event_relation"] == "offset" and record["warnings"] == []


def test_one_distance_from_a_place_is_read_with_a_quarter_either_way() -> None:
    (record,) = parse("The SMM heard two explosions assessed as artillery impacts about 4km south of Popasna.")
    lat, lon, radius = place("Popasna")
    assert (record["lat"], record["lon"]) == pytest.approx(offset_position(lat, lon, 180.0, 4.0), abs=1e-5)
    sector = sector_holding_radius(lat, lon, 180.0, 3.0, 5.0)  # 4 km +- 1 km
    assert record["location_uncertainty_km"] == pytest.approx(sector + radius + POSITION_ERROR_KM, abs=0.02)


def test_several_places_give_their_centroid_and_a_radius_that_reaches_each() -> None:
    records = parse("The SMM recorded a total of 18 explosions and 40 bursts in Luhansk region, all of which were "
                    "recorded near Zolote and Popasna.")
    assert [record["kind"] for record in records] == ["explosion_undetermined", "burst"]
    zolote, popasna = place("Zolote"), place("Popasna")
    for record in records:
        assert record["event_place"] == "Zolote and Popasna" and record["warnings"] == []
        centre = (record["lat"], record["lon"])
        assert centre == pytest.approx(((zolote[0] + popasna[0]) / 2, (zolote[1] + popasna[1]) / 2), abs=1e-5)
        reach = [km(centre, town[:2]) + town[2] + POSITION_ERROR_KM + NEAR_KM for town in (zolote, popasna)]
        assert record["location_uncertainty_km"] == pytest.approx(max(reach), abs=0.02)


def test_an_unknown_place_leaves_location_and_uncertainty_empty() -> None:
    (record,) = parse("The SMM saw fresh impacts in Pyshchevyk.")
    assert record["lat"] is None and record["location_uncertainty_km"] is None
    assert record["event_place"] == "Pyshchevyk"
    assert record["warnings"] == ["place 'Pyshchevyk' is not in the gazetteer: event location left empty"]
    (both,) = parse("The SMM heard an explosion near Zolote and Pyshchevyk.")
    assert both["lat"] is None and both["location_uncertainty_km"] is None  # not the centroid of the known one


def test_in_the_direction_of_a_place_is_a_bearing_from_the_observer() -> None:
    (record,) = parse("Positioned in Zolote, the SMM heard three explosions in the direction of Popasna.")
    zolote, popasna = place("Zolote"), place("Popasna")
    azimuth = GEOD.inv(zolote[1], zolote[0], popasna[1], popasna[0])[0] % 360
    assert record["lat"] is None and record["location_uncertainty_km"] is None
    assert record["bearing_min_deg"] == pytest.approx((azimuth - 11.25) % 360, abs=0.01)
    assert record["bearing_max_deg"] == pytest.approx((azimuth + 11.25) % 360, abs=0.01)
    assert record["toward_place"] == "Popasna" and record["warnings"] == []
    (written,) = parse("Positioned in Zolote, the SMM heard three explosions 2km south-west, in the direction of Popasna.")
    assert (written["bearing_min_deg"], written["bearing_max_deg"]) == (213.75, 236.25)
    assert written["warnings"] == ["direction towards 'Popasna' not used: a direction is written as well"]


def test_the_observers_place_is_not_the_events() -> None:
    (record,) = parse("Positioned on the southern edge of Avdiivka, the SMM heard 25 undetermined explosions 1-3km east.")
    assert record["observer_place"] == "Avdiivka" and record["lat"] is None and record["location_uncertainty_km"] is None
    (edge,) = parse("The SMM heard an explosion on the southern edge of Avdiivka.")
    assert edge["event_relation"] == "in"
    assert edge["location_uncertainty_km"] == pytest.approx(math.sqrt(29 / math.pi) + POSITION_ERROR_KM, abs=0.01)


def test_a_place_the_gazetteer_lacks_is_taken_from_its_description() -> None:
    # "Pyshchevyk (government-controlled, 25km north-east of Mariupol)": there, with the description's own doubt
    (record,) = parse("The SMM saw three fresh craters in Pyshchevyk (government-controlled, 25km north-east of Mariupol).")
    lat, lon, radius = place("Mariupol")
    described = offset_position(lat, lon, 45.0, 25.0)
    assert (record["lat"], record["lon"]) == pytest.approx(described, abs=1e-5)
    description_error = sector_holding_radius(lat, lon, 45.0, 18.75, 31.25) + radius + POSITION_ERROR_KM  # 25 km +- a quarter
    assert record["location_uncertainty_km"] == pytest.approx(
        DEFAULT_SETTLEMENT_RADIUS_KM + description_error, abs=0.05)
    assert record["event_place"] == "Pyshchevyk" and record["event_relation"] == "in"
    assert record["warnings"] == ["place 'Pyshchevyk' is not in the gazetteer: its position taken from "
                                  "'25km north-east of Mariupol'"]


def test_an_offset_from_a_described_place_is_moved_from_where_the_description_puts_it() -> None:
    (record,) = parse("The SMM heard 12 explosions assessed as impacts 2-3km south of Sakhanka (non-government-controlled, "
                      "25km east of Mariupol).")
    lat, lon, radius = place("Mariupol")
    sakhanka = offset_position(lat, lon, 90.0, 25.0)
    assert (record["lat"], record["lon"]) == pytest.approx(offset_position(*sakhanka, 180.0, 2.5), abs=1e-5)
    description_error = sector_holding_radius(lat, lon, 90.0, 18.75, 31.25) + radius + POSITION_ERROR_KM
    own = sector_holding_radius(*sakhanka, 180.0, 2.0, 3.0) + DEFAULT_SETTLEMENT_RADIUS_KM
    assert record["location_uncertainty_km"] == pytest.approx(own + description_error, abs=0.05)
    assert record["warnings"] == ["place 'Sakhanka' is not in the gazetteer: its position taken from '25km east of Mariupol'"]


def test_a_known_place_is_taken_by_name_and_its_description_understood() -> None:
    (record,) = parse("The SMM heard two explosions in Hnutove (government-controlled, 20km east of Mariupol).")
    lat, lon, radius = place("Hnutove")
    assert (record["lat"], record["lon"]) == (lat, lon) and record["warnings"] == []
    assert record["location_uncertainty_km"] == pytest.approx(radius + POSITION_ERROR_KM)
