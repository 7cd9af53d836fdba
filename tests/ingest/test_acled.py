"""The ACLED CSV importer."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from truceline.cli import main
from truceline.ingest.acled import read_acled
from truceline.model.errors import InputError
from truceline.model.reports import read_reports

HEADER = ("event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,"
          "geo_precision,time_precision,source,notes,fatalities")
ROWS = [
    'UKR1001,2022-03-03,2022,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia,'
    ',Donetsk,Avdiivka,48.1394,37.7497,1,1,Ukrinform,"Shelling of Avdiivka, ""heavy"" damage.",0',
    'UKR1002,03 March 2022,2022,Battles,Armed clash,Military Forces of Ukraine,Military Forces of Russia,Luhansk,'
    'Popasna,48.633,38.383,2,2,Suspilne,"Clashes near Popasna\nover two lines.",2',
    'UKR1003,2022-03-04,2022,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified,,Kherson,'
    'Kherson,46.6354,32.6169,3,3,Local media,Mine.,1',
]


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def day(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def test_rows_become_located_reports(tmp_path: Path) -> None:
    first, second, third = read_acled(write(tmp_path, *ROWS))
    assert first.report_id == "acled:UKR1001" and first.source == "acled"
    assert first.kind == "explosion_impact" and first.count is None
    assert (first.lat, first.lon, first.location_uncertainty_km) == (48.1394, 37.7497, 5.0)
    assert (first.time_start, first.time_end) == (day("2022-03-03"), day("2022-03-04"))
    assert first.reliability == "C3" and first.line == 2
    assert first.text == 'Shelling of Avdiivka, "heavy" damage.'
    assert first.extras["acled_source"] == "Ukrinform" and first.extras["fatalities"] == 0
    assert first.extras["sub_event_type"] == "Shelling/artillery/missile attack"
    assert second.kind == "other" and second.location_uncertainty_km == 25.0 and second.line == 3
    assert (second.time_start, second.time_end) == (day("2022-02-28"), day("2022-03-07"))
    assert third.kind == "explosion_undetermined" and third.line == 5  # the note above spans two lines
    assert third.location_uncertainty_km == 100.0
    assert (third.time_start, third.time_end) == (day("2022-03-01"), day("2022-04-01"))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (ROWS[0].replace("2022-03-03", "2022-03-40"), "acled.csv:6: event_date: '2022-03-40' is not a date"),
        (ROWS[0].replace("48.1394", "north"), "acled.csv:6: latitude: 'north' is not a latitude"),
        (ROWS[0].replace("37.7497", "237.7"), "acled.csv:6: longitude: '237.7' is not a longitude"),
        (ROWS[0].replace(",1,1,Ukrinform", ",7,1,Ukrinform"), "acled.csv:6: geo_precision: '7' is not 1, 2 or 3"),
        (ROWS[0].replace(",0", ",-3"), "acled.csv:6: fatalities: '-3' is not a whole number >= 0"),
        (ROWS[0], "acled.csv:6: event_id_cnty: 'UKR1001' repeats the event on line 2"),
        ("UKR9,2022-03-03,too,few", "acled.csv:6: has 4 fields, the header has 16"),
    ],
)
def test_a_bad_row_names_its_line_and_nothing_is_returned(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_acled(write(tmp_path, *ROWS, row))
    assert message in str(caught.value)


def test_missing_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"acled.csv:1: missing column\(s\) latitude"):
        read_acled(write(tmp_path, header=HEADER.replace("latitude", "lat")))


def test_cli_writes_all_or_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, *ROWS)
    out = tmp_path / "out.jsonl"
    main(["ingest", "acled", str(good), "--out", str(out), "--reliability", "b3"])
    reports = read_reports(out)
    assert [r.report_id for r in reports] == ["acled:UKR1001", "acled:UKR1002", "acled:UKR1003"]
    assert {r.reliability for r in reports} == {"B3"}
    assert "wrote 3 reports" in capsys.readouterr().err
    before = out.read_bytes()
    bad = write(tmp_path, *ROWS, ROWS[0].replace("2022-03-03", "someday").replace("UKR1001", "UKR1004"))
    with pytest.raises(SystemExit) as stop:
        main(["ingest", "acled", str(bad), "--out", str(out)])
    assert stop.value.code == 2
    assert "acled.csv:6: event_date: 'someday' is not a date" in capsys.readouterr().err
    assert out.read_bytes() == before
    with pytest.raises(SystemExit) as stop:
        main(["ingest", "acled", str(bad), "--out", str(tmp_path / "new.jsonl")])
    assert stop.value.code == 2 and not (tmp_path / "new.jsonl").exists()


def test_the_weapon_named_in_the_notes_is_read(tmp_path: Path) -> None:
    rows = [ROWS[0].replace('"Shelling of Avdiivka, ""heavy"" damage."', '"Forces shelled Avdiivka with 82mm mortars and tanks."'),
            ROWS[1].replace('"Clashes near Popasna\nover two lines."', '"Shelling with 122mm rounds near Popasna."'),
            ROWS[2]]
    first, second, third = read_acled(write(tmp_path, *rows))
    assert first.weapon == "mortar"  # the first named
    assert second.weapon == "artillery"  # from the calibre alone
    assert third.weapon is None


# --- an export as ACLED's tools write it today: BOM, CRLF, every column, notes with commas, quotes and
# --- line breaks, both date styles, a timestamp column, geo_precision 1-3 and a column of the user's own
EXPORT_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp,my_flag"
)
EXPORT_ROWS = [
    'UKR12345,12 March 2022,2022,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,'
    'Military Forces of Russia (2000-),,8,Civilians (Ukraine),,7,78,Civilian targeting,804,Europe,Ukraine,Donetsk,'
    'Pokrovskyi,Avdiivska,Avdiivka,48.1394,37.7497,1,Ukrinform; Suspilne,National,"On 12 March 2022, Russian forces '
    'shelled Avdiivka with 122mm artillery and Grad MLRS.\r\nAt least 2 civilians were ""seriously"" injured, one '
    'killed.",1,,1647302400,x',
    'UKR12346,2022-03-12,2022,2,Political violence,Battles,Armed clash,Military Forces of Ukraine (2019-),,1,'
    'Military Forces of Russia (2000-),,8,18,,804,Europe,Ukraine,Luhanska,Sievierodonetskyi,Popasnianska,Popasna,'
    '48.6330,38.3830,2,Ministry of Defence of Ukraine,Other,"Clashes near Popasna, no details.",0,,1647302401,',
    'UKR12347,1 April 2022,2022,3,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of '
    'Russia (2000-),,8,,,0,80,,804,Europe,Ukraine,Kharkivska,Kharkivskyi,Kharkivska,Kharkiv,49.9935,36.2304,3,Twitter,'
    'New media,"Drone strike, Kharkiv area; unconfirmed",0,,1649030400,',
]


def write_export(tmp_path: Path, *rows: str, header: str = EXPORT_HEADER, delimiter: str = ",") -> Path:
    path = tmp_path / "export.csv"
    text = "\r\n".join([header.replace(",", delimiter), *rows]) + "\r\n"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    return path


def test_a_full_export_with_bom_crlf_and_quoted_notes(tmp_path: Path) -> None:
    first, second, third = read_acled(write_export(tmp_path, *EXPORT_ROWS))
    assert [r.line for r in (first, second, third)] == [2, 4, 5]  # the first note spans two lines
    assert first.text.startswith("On 12 March 2022, Russian forces shelled Avdiivka")
    assert '""' not in first.text and '"seriously"' in first.text and "\n" in first.text
    assert (first.time_start, first.time_end) == (day("2022-03-12"), day("2022-03-13"))
    assert (second.time_start, second.time_end) == (day("2022-03-09"), day("2022-03-16"))
    assert (third.time_start, third.time_end) == (day("2022-04-01"), day("2022-05-01"))
    assert [r.location_uncertainty_km for r in (first, second, third)] == [5.0, 25.0, 100.0]
    assert [r.kind for r in (first, second, third)] == ["explosion_impact", "other", "explosion_impact"]
    assert first.weapon == "artillery" and third.weapon == "drone"
    assert first.extras["timestamp"] == "1647302400" and first.extras["my_flag"] == "x"
    assert first.extras["acled_source"] == "Ukrinform; Suspilne" and first.extras["fatalities"] == 1
    assert first.extras["admin1"] == "Donetsk" and "\ufeffevent_id_cnty" not in first.extras


def test_older_and_re_saved_exports(tmp_path: Path) -> None:
    """Upper-case column names (older exports), ';' separators and '1.0' numbers (a spreadsheet's re-save)."""
    header = "EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,LATITUDE,LONGITUDE,GEO_PRECISION,FATALITIES"
    (upper,) = read_acled(write_export(tmp_path, "UKR1,12-March-2022,Battles,48.1,37.7,1.0,0.0", header=header))
    assert upper.report_id == "acled:UKR1" and upper.location_uncertainty_km == 5.0 and upper.extras["fatalities"] == 0
    assert upper.time_start == day("2022-03-12")
    (semicolons,) = read_acled(write_export(
        tmp_path, 'UKR2;2022-03-12;Battles;48.1;37.7;2;0;"Shelling; 82mm mortars"', header=header + ",NOTES",
        delimiter=";"))
    assert semicolons.report_id == "acled:UKR2" and semicolons.lat == 48.1 and semicolons.location_uncertainty_km == 25.0
    assert semicolons.text == "Shelling; 82mm mortars" and semicolons.weapon == "mortar"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (EXPORT_ROWS[1].replace("2022-03-12", "12/03/2022"), "export.csv:6: event_date: '12/03/2022' is not a date"),
        (EXPORT_ROWS[1].replace(",2,Ministry", ",1.5,Ministry"), "export.csv:6: geo_precision: '1.5' is not 1, 2 or 3"),
        (EXPORT_ROWS[1].replace("48.6330", ""), "export.csv:6: latitude: '' is not a latitude"),
    ],
)
def test_a_bad_row_after_a_multi_line_note_names_its_own_line(tmp_path: Path, row: str, message: str) -> None:
    bad = row.replace("UKR12346", "UKR99999")
    with pytest.raises(InputError) as caught:
        read_acled(write_export(tmp_path, *EXPORT_ROWS, bad))
    assert message in str(caught.value)


# --- session 12: what real exports vary in ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["2022-03-01", "01 March 2022", "1 March 2022", "1-March-2022", "01-March-2022", "01 Mar 2022", "1-Mar-22",
     "March 1, 2022", "2022-03-01 00:00:00", "2022-03-01T00:00:00", " 2022-03-01 "],
)
def test_every_date_style_acled_has_written_gives_the_same_day(tmp_path: Path, written: str) -> None:
    (report,) = read_acled(write(tmp_path, ROWS[0].replace("2022-03-03", f'"{written}"' if "," in written else written)))
    assert (report.time_start, report.time_end) == (day("2022-03-01"), day("2022-03-02"))


# every column of a 2023-2024 export, in another order than ACLED's (the required ones last), as a user's tool may write
SHUFFLED_HEADER = (
    "notes,tags,timestamp,iso,region,country,admin1,admin2,admin3,location,civilian_targeting,disorder_type,"
    "population_best,population_1km,inter1,interaction,assoc_actor_1,actor1,sub_event_type,source,geo_precision,"
    "fatalities,time_precision,event_type,longitude,latitude,event_date,event_id_cnty"
)
SHUFFLED_ROWS = [
    '"Russian forces shelled Marinka, Krasnohorivka and Pobieda,\nusing 152mm artillery; ""no casualties"" reported.",'
    'local administrators,1717027200,804,Europe,Ukraine,Donetsk,Pokrovskyi,Marinska,Marinka,Civilian targeting,'
    'Political violence,9342,1120,8,78,,Military Forces of Russia (2000-),Shelling/artillery/missile attack,'
    'Ukrinform,1,0,1,Explosions/Remote violence,37.5031,47.9431,29 May 2024,UKR170001',
    '"Drone strike on Kharkiv outskirts, no details",,1717027201,804,Europe,Ukraine,Kharkiv,Kharkivskyi,Kharkivska,'
    'Kharkiv,,Political violence,,,8,80,,Military Forces of Russia (2000-),Air/drone strike,Telegram,2,0,1,'
    'Explosions/Remote violence,36.2304,49.9935,2024-05-29,UKR170002',
]


def test_newer_columns_in_another_order_are_carried_through(tmp_path: Path) -> None:
    path = tmp_path / "shuffled.csv"
    path.write_bytes(("\ufeff" + "\r\n".join([SHUFFLED_HEADER, *SHUFFLED_ROWS]) + "\r\n").encode("utf-8"))
    first, second = read_acled(path)
    assert (first.report_id, first.lat, first.lon) == ("acled:UKR170001", 47.9431, 37.5031)
    assert (first.time_start, second.time_start) == (day("2024-05-29"), day("2024-05-29"))
    assert (first.line, second.line) == (2, 4)  # the first note spans two lines
    assert first.text.startswith("Russian forces shelled Marinka, Krasnohorivka and Pobieda,\nusing 152mm")
    assert '"no casualties"' in first.text and first.weapon == "artillery"
    assert (first.kind, second.kind) == ("explosion_impact", "explosion_impact")
    assert (first.location_uncertainty_km, second.location_uncertainty_km) == (5.0, 25.0)
    for column, value in [("iso", "804"), ("region", "Europe"), ("country", "Ukraine"), ("admin1", "Donetsk"),
                          ("admin2", "Pokrovskyi"), ("admin3", "Marinska"), ("location", "Marinka"),
                          ("tags", "local administrators"), ("timestamp", "1717027200"),
                          ("civilian_targeting", "Civilian targeting"), ("disorder_type", "Political violence"),
                          ("population_best", "9342"), ("population_1km", "1120"), ("inter1", "8"),
                          ("interaction", "78"), ("assoc_actor_1", ""), ("actor1", "Military Forces of Russia (2000-)"),
                          ("acled_source", "Ukrinform"), ("fatalities", 0), ("geo_precision", 1), ("time_precision", 1)]:
        assert first.extras[column] == value, column
    assert "\ufeffnotes" not in first.extras and "notes" not in first.extras and "latitude" not in first.extras


def test_a_comma_decimal_re_save_is_read(tmp_path: Path) -> None:
    header = "event_id_cnty;event_date;event_type;latitude;longitude;geo_precision;notes"
    path = tmp_path / "resaved.csv"
    path.write_text(header + '\nUKR5;01.03.2022;Battles;48,1394;37,7497;3;"Clashes; 82mm mortars, tanks"\n', encoding="utf-8")
    (report,) = read_acled(path)
    assert (report.lat, report.lon, report.location_uncertainty_km) == (48.1394, 37.7497, 100.0)
    assert report.time_start == day("2022-03-01") and report.text == "Clashes; 82mm mortars, tanks"
    # in a ','-separated file a comma is a separator, never a decimal mark: the row has too many fields
    with pytest.raises(InputError, match=r"acled.csv:2: has 17 fields, the header has 16"):
        read_acled(write(tmp_path, ROWS[0].replace("48.1394", "48,1394")))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (EXPORT_ROWS[1].replace("2022-03-12", "3/12/2022"), "export.csv:6: event_date: '3/12/2022' is not a date"),
        (EXPORT_ROWS[1].replace("2022-03-12", ""), "export.csv:6: event_date: '' is not a date"),
        (EXPORT_ROWS[1].replace("UKR12346", ""), "export.csv:6: event_id_cnty: is empty"),
        (EXPORT_ROWS[1].replace("2022,2,Political", "2022,4,Political"), "export.csv:6: time_precision: '4' is not 1, 2 or 3"),
        (EXPORT_ROWS[1].replace("48.6330", "nan"), "export.csv:6: latitude: 'nan' is not a latitude"),
        (EXPORT_ROWS[1].replace("38.3830", "38.38.30"), "export.csv:6: longitude: '38.38.30' is not a longitude"),
        (EXPORT_ROWS[1].replace(",0,,1647302401", ",two,,1647302401"), "export.csv:6: fatalities: 'two' is not a whole number"),
        (EXPORT_ROWS[1].replace(",2,Ministry", ",0,Ministry"), "export.csv:6: geo_precision: '0' is not 1, 2 or 3"),
    ],
)
def test_a_bad_row_names_its_line_and_column_and_the_cli_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, message: str) -> None:
    path = write_export(tmp_path, *EXPORT_ROWS, row.replace("UKR12346", "UKR99999") if "UKR12346," in row else row)
    with pytest.raises(InputError) as caught:
        read_acled(path)
    assert message in str(caught.value)
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit) as stop:
        main(["ingest", "acled", str(path), "--out", str(out)])
    assert stop.value.code == 2 and not out.exists()  # the good rows before it are not written either
    assert message in capsys.readouterr().err


def test_a_column_named_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"acled.csv:1: column\(s\) notes named more than once"):
        read_acled(write(tmp_path, ROWS[0] + ",x", header=HEADER + ",NOTES"))
