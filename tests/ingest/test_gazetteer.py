"""The bundled gazetteer of places along the front, and offsets from them."""

from __future__ import annotations

import re
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
        ("Avdeevka", "Avdiivka"), ("Mar'inka", "Marinka"), ("Maryinka", "Marinka"), ("Mariinka", "Marinka"),
        ("Schastia", "Shchastia"), ("Shirokino", "Shyrokyne"),
        ("Debaltsevo", "Debaltseve"), ("Popasnaya", "Popasna"), ("Zolotoe", "Zolote"), ("Peski", "Pisky"),
        ("Stanitsa Luganskaya", "Stanytsia Luhanska"), ("stanytsia-luhanska", "Stanytsia Luhanska"),
        ("Donetsk city", "Donetsk"), ("Luhansk city", "Luhansk"), ("Artemivsk", "Bakhmut"), ("Dzerzhynsk", "Toretsk"),
        ("Kremennaya", "Kreminna"), ("Krasnyi Lyman", "Lyman"), ("Kupyansk", "Kupiansk"), ("Volchansk", "Vovchansk"),
        ("Orekhov", "Orikhiv"), ("Gulyaipole", "Huliaipole"), ("Energodar", "Enerhodar"),
        ("Novaya Kakhovka", "Nova Kakhovka"), ("KHERSON", "Kherson"), ("Mariupol", "Mariupol"),
        # villages added with places_sources.md, in their Russian and former names too
        ("Zaitsevo", "Zaitseve"), ("Novoluganskoye", "Novoluhanske"), ("Luhanske", "Luhanske"), ("Luganskoye", "Luhanske"),
        ("Kominternove", "Pikuzy"), ("Pikuzy", "Pikuzy"), ("Artemove", "Zalizne"), ("Mironovskiy", "Myronivskyi"),
        ("Granitnoye", "Hranitne"), ("Novotoshkovskoye", "Novotoshkivske"), ("Toshkovka", "Toshkivka"),
        ("Donetskyi", "Donetskyi"), ("Pervomaiske", "Pervomaiske"), ("Avdiivske", "Pervomaiske"),
        ("Pervomaisk", "Pervomaisk"), ("Staromikhailovka", "Staromykhailivka"), ("Verkhnetoretskoye", "Verkhnotoretske"),
        ("Vodiane (Avdiivka)", "Vodiane (Avdiivka)"),
        # added in session 9 (places_sources.md), with the names monitoring reports also used
        ("Chermalyk", "Chermalyk"), ("Oktiabr (Novoazovsk)", "Verkhnoshyrokivske"), ("Verkhnoshyrokivske", "Verkhnoshyrokivske"),
        ("Shyroka Balka", "Shyroka Balka"), ("Shirokaya Balka", "Shyroka Balka"), ("Trokhizbenka", "Trokhizbenka"),
        ("Trekhizbenka", "Trokhizbenka"), ("Vesela Hora", "Vesela Hora"), ("Veselaya Gora", "Vesela Hora"),
        ("Shumy", "Shumy"), ("Mineralnoye", "Mineralne"),
        # added in session 11 (places_sources.md)
        ("Khoroshe", "Khoroshe"), ("Khoroshee", "Khoroshe"), ("Sentyanivka", "Sentianivka"), ("Frunze (Luhansk)", "Sentianivka"),
    ],
)
def test_spellings(written: str, name: str) -> None:
    match = GAZETTEER.lookup(written)
    assert match is not None and match.place.name == name and match.how == "exact"


def test_close_spelling_is_matched_and_flagged() -> None:
    match = GAZETTEER.lookup("Svitlodarskk")
    assert match is not None and match.place.name == "Svitlodarsk" and match.how == "similar"
    assert GAZETTEER.lookup("Qwertyville") is None


@pytest.mark.parametrize(
    "written",
    [
        "Prymorske",  # a village; Prymorsk, a town ~100 km away, is in the gazetteer
        "Kirovskyi",  # neither Kirovsk nor Kirovske
        "Nova Kakhovka bridge",
        "Ladiivka",  # one letter from Avdiivka and Kadiivka
        "Stakhanovets",  # Zolote-3, 20 km from Kadiivka (formerly Stakhanov)
        "Zolotarivka",  # not Zolote
    ],
)
def test_similar_spelling_of_another_place_is_not_taken(written: str) -> None:
    assert GAZETTEER.lookup(written) is None


def test_transliteration_inside_a_name_is_still_similar() -> None:
    match = GAZETTEER.lookup("Svitlodarrsk")
    assert match is not None and match.place.name == "Svitlodarsk" and match.how == "similar"


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
        # as the source articles of places_sources.md describe the villages added from them
        ("Novoluhanske", 56.2, "NE", "Donetsk"), ("Luhanske", 60, "NE", "Donetsk"), ("Myronivskyi", 62, "NE", "Donetsk"),
        ("Zaitseve", 49, "N", "Donetsk"), ("Zalizne", 4, "SE", "Toretsk"), ("Zalizne", 44, "N", "Donetsk"),
        ("Staromykhailivka", 20, "W", "Donetsk"), ("Pikuzy", 23, "ENE", "Mariupol"), ("Novotoshkivske", 52, "WNW", "Luhansk"),
        ("Novotoshkivske", 22, "NE", "Popasna"), ("Donetskyi", 49, "W", "Luhansk"),
        ("Trokhizbenka", 38, "NW", "Luhansk"),  # de.wikipedia; en.wikipedia's "about 25 km" is too short (32.7 km)
        ("Mineralne", 11.3, "N", "Donetsk"),
        ("Sentianivka", 44, "W", "Luhansk"),  # "Sentianivka (formerly Frunze, non-government-controlled, 44km west of Luhansk)"
    ],
)
def test_places_agree_with_how_reports_describe_them(place: str, distance_km: float, point: str, reference: str) -> None:
    from truceline.ingest.phrases import point_bearing_deg

    here, there = GAZETTEER.lookup(place), GAZETTEER.lookup(reference)
    assert here is not None and there is not None
    azimuth, _, distance_m = Geod(ellps="WGS84").inv(there.place.lon, there.place.lat, here.place.lon, here.place.lat)
    assert distance_m / 1000 == pytest.approx(distance_km, rel=0.2)
    assert abs((azimuth - point_bearing_deg(point) + 180) % 360 - 180) <= 35


SOURCES = Path(__file__).resolve().parents[2] / "src" / "truceline" / "ingest" / "data" / "places_sources.md"
_DMS = re.compile(r"(\d+(?:\.\d+)?)°(?:(\d+)′)?(?:(\d+)″)?([NSEW])")


def _source_rows() -> list[dict[str, str]]:
    """The table of places_sources.md: one dict per added place (name, near, as read, decimal, source)."""
    rows = []
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 5 and cells[0] not in ("name", "---"):
            rows.append(dict(zip(("name", "near", "as_read", "decimal", "source"), cells, strict=True)))
    return rows


def test_every_added_place_has_its_source_and_the_coordinates_read_there() -> None:
    rows = _source_rows()
    assert len(rows) >= 19
    for row in rows:
        match = GAZETTEER.lookup(row["name"])
        assert match is not None and match.how == "exact" and match.place.name == row["name"], row["name"]
        assert row["source"].startswith("http"), row
        lat_text, lon_text = row["decimal"].split(",")
        assert (match.place.lat, match.place.lon) == (float(lat_text), float(lon_text)), row["name"]
        read = [float(d) + float(m or 0) / 60 + float(s or 0) / 3600 for d, m, s, _ in _DMS.findall(row["as_read"])]
        assert read == pytest.approx([match.place.lat, match.place.lon], abs=1e-4), row["name"]


def test_every_added_place_lies_within_60_km_of_the_town_it_is_near() -> None:
    geod = Geod(ellps="WGS84")
    for row in _source_rows():
        place, town = GAZETTEER.lookup(row["name"]), GAZETTEER.lookup(row["near"])
        assert place is not None and town is not None and town.how == "exact", row
        distance_km = geod.inv(town.place.lon, town.place.lat, place.place.lon, place.place.lat)[2] / 1000
        assert distance_km < 60, (row["name"], row["near"], distance_km)


def test_a_name_shared_by_two_villages_is_not_resolved_alone() -> None:
    # two Vodiane near the line (by Avdiivka and by Shyrokyne): the bare name must not pick one;
    # "Oktiabr" is the old name of Verkhnoshyrokivske but also the Oktiabr mine in Donetsk city, 85 km away
    assert GAZETTEER.lookup("Vodiane") is None
    assert GAZETTEER.lookup("Oktiabr") is None
    match = GAZETTEER.lookup("Vodyane (Avdiivka)")
    assert match is not None and match.place.name == "Vodiane (Avdiivka)"


def _area_rows() -> dict[str, str]:
    """The "Areas" table of places_sources.md: name -> area as written."""
    text = SOURCES.read_text(encoding="utf-8").split("## Areas", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().split("|")[1:-1]]
        if len(cells) == 3 and cells[0] not in ("name", "---"):
            assert cells[2].startswith("http"), cells
            rows[cells[0]] = cells[1]
    return rows


def test_every_area_in_the_file_has_its_source() -> None:
    rows = _area_rows()
    with_area = {place.name: place.area_km2 for place in GAZETTEER.places if place.area_km2 is not None}
    assert set(with_area) == set(rows) and len(rows) >= 15
    for name, area in with_area.items():
        assert area == float(rows[name]), name


def test_radius_from_the_area_or_the_default() -> None:
    from truceline.ingest.gazetteer import DEFAULT_SETTLEMENT_RADIUS_KM

    donetsk, pikuzy = GAZETTEER.lookup("Donetsk"), GAZETTEER.lookup("Pikuzy")
    assert donetsk is not None and pikuzy is not None
    assert donetsk.place.radius_km() == pytest.approx((358 / 3.141592653589793) ** 0.5)  # 10.7 km
    assert pikuzy.place.area_km2 is None and pikuzy.place.radius_km() == DEFAULT_SETTLEMENT_RADIUS_KM


def test_a_user_gazetteer_may_give_areas_and_a_bad_area_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,lat,lon,area_km2\nTestville,48.0,37.0,12.5\nOther,48.1,37.1,\n", encoding="utf-8")
    places = {place.name: place for place in Gazetteer.from_file(path).places}
    assert places["Testville"].area_km2 == 12.5 and places["Other"].area_km2 is None
    path.write_text("name,lat,lon,area_km2\nTestville,48.0,37.0,-3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"places.csv:2: area_km2: -3.0 is not a positive area"):
        Gazetteer.from_file(path)
