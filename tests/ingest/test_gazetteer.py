"""The bundled gazetteer of places along the front, and offsets from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyproj import Geod

from truceline.ingest.gazetteer import Gazetteer, fold_name, offset_position
from truceline.model.errors import InputError

GAZETTEER = Gazetteer.bundled()

# rough bounding boxes (lat_min, lat_max, lon_min, lon_max) of each oblast
OBLASTS = {
    "Donetsk": (46.9, 49.3, 36.5, 38.9),
    "Luhansk": (47.8, 50.1, 37.8, 40.3),
    "Kharkiv": (48.5, 50.5, 34.8, 38.1),
    "Sumy": (50.1, 52.4, 32.9, 35.6),
    "Zaporizhzhia": (46.4, 48.2, 34.1, 37.3),
    "Kherson": (45.9, 47.6, 32.0, 35.3),
    "Dnipropetrovsk": (47.4, 49.2, 33.0, 36.9),
    "Mykolaiv": (46.3, 48.2, 30.0, 33.3),
}


def test_it_holds_150_places_each_inside_its_oblast() -> None:
    assert len(GAZETTEER.places) >= 150
    for place in GAZETTEER.places:
        lat_min, lat_max, lon_min, lon_max = OBLASTS[place.oblast]
        assert lat_min <= place.lat <= lat_max and lon_min <= place.lon <= lon_max, place


def test_no_spelling_names_two_places() -> None:
    owner: dict[str, str] = {}
    for place in GAZETTEER.places:
        for spelling in (place.name, *place.alt_names):
            key = fold_name(spelling)
            assert owner.setdefault(key, place.name) == place.name, (spelling, owner[key], place.name)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Svitlodarsk", "Svitlodarsk"), ("Svetlodarsk", "Svitlodarsk"), ("Gorlovka", "Horlivka"),
        ("Avdeevka", "Avdiivka"), ("Mar'inka", "Marinka"), ("Maryinka", "Marinka"), ("Shirokino", "Shyrokyne"),
        ("Debaltsevo", "Debaltseve"), ("Popasnaya", "Popasna"), ("Zolotoe", "Zolote"), ("Peski", "Pisky"),
        ("Stanitsa Luganskaya", "Stanytsia Luhanska"), ("stanytsia-luhanska", "Stanytsia Luhanska"),
        ("Donetsk city", "Donetsk"), ("Luhansk city", "Luhansk"), ("Artemivsk", "Bakhmut"), ("Dzerzhynsk", "Toretsk"),
        ("Kremennaya", "Kreminna"), ("Krasnyi Lyman", "Lyman"), ("Kupyansk", "Kupiansk"), ("Volchansk", "Vovchansk"),
        ("Orekhov", "Orikhiv"), ("Gulyaipole", "Huliaipole"), ("Energodar", "Enerhodar"),
        ("Novaya Kakhovka", "Nova Kakhovka"), ("KHERSON", "Kherson"), ("Mariupol", "Mariupol"),
    ],
)
def test_spellings(written: str, name: str) -> None:
    match = GAZETTEER.lookup(written)
    assert match is not None and match.place.name == name and match.how == "exact"


def test_close_spelling_is_matched_and_flagged() -> None:
    match = GAZETTEER.lookup("Svitlodarskk")
    assert match is not None and match.place.name == "Svitlodarsk" and match.how == "similar"
    assert GAZETTEER.lookup("Qwertyville") is None


def test_known_distances() -> None:
    geod = Geod(ellps="WGS84")

    def km(a: str, b: str) -> float:
        first, second = GAZETTEER.lookup(a), GAZETTEER.lookup(b)
        assert first is not None and second is not None
        return geod.inv(first.place.lon, first.place.lat, second.place.lon, second.place.lat)[2] / 1000

    assert 85 < km("Donetsk", "Mariupol") < 105
    assert 120 < km("Donetsk", "Luhansk") < 140
    assert 10 < km("Donetsk", "Avdiivka") < 20


def test_offset_position_goes_the_distance_and_bearing() -> None:
    lat, lon = offset_position(48.433, 38.217, 225.0, 2.0)
    azimuth, _, distance_m = Geod(ellps="WGS84").inv(38.217, 48.433, lon, lat)
    assert distance_m == pytest.approx(2000.0, abs=0.01)
    assert azimuth % 360 == pytest.approx(225.0, abs=1e-6)


def test_user_gazetteer_and_its_errors(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,oblast,lat,lon,alt_names\nTestville,Donetsk,48.0,37.0,Testovo|Testivka\n", encoding="utf-8")
    match = Gazetteer.from_file(path).lookup("Testovo")
    assert match is not None and match.place.lat == 48.0
    path.write_text("name,lat,lon\nTestville,95,37\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"places.csv:2: lat: 95.0 is out of range"):
        Gazetteer.from_file(path)


@pytest.mark.parametrize(
    ("place", "distance_km", "point", "reference"),
    [  # as monitoring reports describe them: "Avdiivka (government-controlled, 17km north of Donetsk)"
        ("Avdiivka", 17, "N", "Donetsk"), ("Horlivka", 39, "NE", "Donetsk"), ("Svitlodarsk", 57, "NE", "Donetsk"),
        ("Debaltseve", 58, "NE", "Donetsk"), ("Marinka", 23, "W", "Donetsk"), ("Krasnohorivka", 21, "W", "Donetsk"),
        ("Dokuchaievsk", 30, "S", "Donetsk"), ("Shyrokyne", 100, "S", "Donetsk"), ("Mariupol", 102, "S", "Donetsk"),
        ("Pisky", 11, "NW", "Donetsk"), ("Stanytsia Luhanska", 16, "NE", "Luhansk"), ("Shchastia", 20, "N", "Luhansk"),
        ("Popasna", 69, "W", "Luhansk"), ("Zolote", 60, "W", "Luhansk"), ("Lysychansk", 75, "NW", "Luhansk"),
        ("Lutuhyne", 20, "SW", "Luhansk"), ("Kadiivka", 50, "W", "Luhansk"),
    ],
)
def test_places_agree_with_how_reports_describe_them(place: str, distance_km: float, point: str, reference: str) -> None:
    from truceline.ingest.phrases import point_bearing_deg

    here, there = GAZETTEER.lookup(place), GAZETTEER.lookup(reference)
    assert here is not None and there is not None
    azimuth, _, distance_m = Geod(ellps="WGS84").inv(there.place.lon, there.place.lat, here.place.lon, here.place.lat)
    assert distance_m / 1000 == pytest.approx(distance_km, rel=0.2)
    assert abs((azimuth - point_bearing_deg(point) + 180) % 360 - 180) <= 35
