"""The patrol-text parser on many sentences in the style of monitoring-mission daily reports.

Each case gives a sentence and, for each record it must produce, the fields to check.
Times are checked as "DD HH:MM" in UTC with --date 2017-03-02.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest

from truceline.ingest.gazetteer import Gazetteer
from truceline.ingest.patrol.reader import parse_patrol_text

GAZETTEER = Gazetteer.bundled()
SVITLODARSK = (48.433, 38.217)


def parse(text: str, **options: Any) -> list[dict[str, Any]]:
    options.setdefault("date", date(2017, 3, 2))
    reports = parse_patrol_text(text, file_name="t.txt", gazetteer=GAZETTEER, **options)
    records = []
    for report in reports:
        record = report.to_json_dict()
        for name in ("time_start", "time_end"):
            if record[name] is not None:
                record[name] = datetime.fromtimestamp(record[name], timezone.utc).strftime("%d %H:%M")
        records.append(record)
    return records


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # the brief's own examples
    ("Positioned 2km south-west of Svitlodarsk, the SMM heard 22 undetermined explosions 3-5km south-south-west "
     "between 09:56 and 10:38.",
     [dict(kind="explosion_undetermined", count=22, bearing_min_deg=191.25, bearing_max_deg=213.75,
           distance_min_km=3.0, distance_max_km=5.0, time_start="02 09:56", time_end="02 10:38",
           observer_place="Svitlodarsk", warnings=[])]),
    ("While in Svitlodarsk, the SMM heard 11 undetermined explosions and about 60 bursts and shots of "
     "heavy-machine-gun fire, all 2-5km south.",
     [dict(kind="explosion_undetermined", count=11, weapon=None, distance_min_km=2.0, distance_max_km=5.0,
           bearing_min_deg=168.75, bearing_max_deg=191.25, observer_lat=SVITLODARSK[0]),
      dict(kind="burst", count=60, count_qualifier="about", combined_kinds=["burst", "shot"],
           weapon="heavy_machine_gun", distance_min_km=2.0, bearing_min_deg=168.75)]),
    ("Positioned on the southern edge of Donetsk city (6km east of Marinka), the SMM recorded 57 projectiles in "
     "flight from west to east, 1–4km east-north-east.",
     [dict(kind="projectile_in_flight", count=57, flight_direction="W to E", distance_min_km=1.0,
           distance_max_km=4.0, bearing_min_deg=56.25, bearing_max_deg=78.75, observer_place="Marinka")]),
    ("In Avdiivka, the SMM heard bursts and shots of small-arms fire at an undetermined distance.",
     [dict(kind="burst", count=None, weapon="small_arms", distance_min_km=None, observer_place="Avdiivka",
           warnings=[])]),
    ("The SMM camera in Shyrokyne recorded 4 explosions assessed as outgoing artillery rounds.",
     [dict(kind="explosion_outgoing", count=4, weapon="artillery", observer_place="Shyrokyne")]),
    ("Positioned at 48.4012, 37.8123, the mission saw three illumination flares in vertical flight 5km north.",
     [dict(kind="flare", count=3, observer_lat=48.4012, observer_lon=37.8123, flight_direction="vertical",
           bearing_min_deg=348.75, bearing_max_deg=11.25, distance_min_km=5.0)]),
    ("Positioned in Popasna, the SMM heard an explosion assessed as an impact of an artillery round (122mm) 3km west.",
     [dict(kind="explosion_impact", count=1, weapon="artillery", calibre_mm=122, distance_min_km=3.0,
           bearing_min_deg=258.75, warnings=[])]),
    # counts
    ("The SMM heard about 40 undetermined explosions 4km north.", [dict(count=40, count_qualifier="about")]),
    ("The SMM heard at least 12 undetermined explosions 4km north.", [dict(count=12, count_qualifier="at least")]),
    ("The SMM heard more than 100 shots of small-arms fire 1km east.",
     [dict(kind="shot", count=100, count_qualifier="more than", weapon="small_arms")]),
    ("The SMM heard twenty-five undetermined explosions 8–10 km south-west.", [dict(count=25, distance_max_km=10.0)]),
    ("The SMM heard one undetermined explosion 2km NE.", [dict(count=1, bearing_min_deg=33.75)]),
    ("The SMM heard approximately 1,200 bursts 5km south.", [dict(kind="burst", count=1200, count_qualifier="about")]),
    ("The SMM heard 10-15 shots 2km west.", [dict(kind="shot", count=15, count_min=10)]),
    ("The SMM heard several undetermined explosions 6km east.", [dict(count=None, count_qualifier="several")]),
    ("The SMM heard a single shot 500m south.", [dict(kind="shot", count=1, distance_min_km=0.5)]),
    ("The SMM heard eleven undetermined explosions and 3 bursts 2km north-west.",
     [dict(count=11, bearing_min_deg=303.75), dict(kind="burst", count=3, bearing_min_deg=303.75)]),
    ("The SMM heard 3 bursts and 10 shots of small-arms fire 1km east.",
     [dict(kind="burst", count=3), dict(kind="shot", count=10, weapon="small_arms")]),
    # kinds
    ("The SMM saw 5 impacts 3km south.", [dict(kind="explosion_impact", count=5)]),
    ("The SMM recorded 2 airbursts 1km NNE of its position at about 17:30.",
     [dict(kind="airburst", count=2, bearing_min_deg=11.25, bearing_max_deg=33.75, distance_min_km=1.0,
           time_start="02 17:30")]),
    ("The SMM heard 7 explosions assessed as airbursts 4km south-east.", [dict(kind="airburst", count=7)]),
    ("The SMM heard 6 explosions assessed as outgoing rounds of 120mm mortar 3km west.",
     [dict(kind="explosion_outgoing", count=6, weapon="mortar", calibre_mm=120)]),
    ("The SMM heard 3 explosions assessed as impacts of 82mm mortar rounds 2km east.",
     [dict(kind="explosion_impact", count=3, weapon="mortar", calibre_mm=82)]),
    ("The SMM heard 9 explosions of undetermined origin 5km north.", [dict(kind="explosion_undetermined", count=9)]),
    ("The SMM saw 20 tracer rounds in flight from north to south 2km east.",
     [dict(kind="projectile_in_flight", count=20, flight_direction="N to S")]),
    ("The SMM saw two flares 3km south-west.", [dict(kind="flare", count=2)]),
    ("The SMM heard 4 outgoing rounds 6km south.", [dict(kind="explosion_outgoing", count=4)]),
    ("The SMM heard 8 explosions (five assessed as impacts and three as outgoing rounds) 5-7km south.",
     [dict(kind="explosion_impact", count=5, breakdown_of=8), dict(kind="explosion_outgoing", count=3)]),
    ("The SMM heard 14 undetermined explosions (one assessed as an outgoing round) 5-7km south.",
     [dict(kind="explosion_outgoing", count=1), dict(kind="explosion_undetermined", count=13)]),
    ("The SMM camera recorded an explosion (assessed as an impact) 2km south.",
     [dict(kind="explosion_impact", count=1, distance_min_km=2.0, warnings=[])]),
    ("The SMM heard an explosion assessed as an outgoing round of an undetermined weapon 5km east.",
     [dict(kind="explosion_outgoing", count=1, weapon=None, warnings=[])]),
    ("The SMM heard 4 explosions of an undetermined type 5km east.", [dict(kind="explosion_undetermined", warnings=[])]),
    # weapons
    ("The SMM heard 4 shots of an anti-aircraft gun (ZU-23) 2km E.",
     [dict(kind="shot", count=4, weapon="anti_aircraft_gun", bearing_min_deg=78.75, warnings=[])]),
    ("The SMM heard 15 bursts of automatic grenade launcher fire 3km south.",
     [dict(kind="burst", count=15, weapon="automatic_grenade_launcher")]),
    ("The SMM heard shots of an infantry fighting vehicle (BMP-2) cannon 5km south-east.",
     [dict(kind="shot", count=None, weapon="ifv", warnings=[])]),
    ("The SMM heard 5 explosions assessed as MLRS (BM-21 Grad) impacts 10-15km south.",
     [dict(kind="explosion_impact", count=5, weapon="mlrs", warnings=[])]),
    ("The SMM heard 3 explosions assessed as tank rounds 4km north-east.", [dict(count=3, weapon="tank")]),
    ("The SMM heard 6 undetermined explosions assessed as 152mm artillery 10km north.",
     [dict(count=6, weapon="artillery", calibre_mm=152)]),
    ("The SMM heard 12 bursts of heavy machine-gun fire 1km north.", [dict(kind="burst", weapon="heavy_machine_gun")]),
    ("The SMM saw a tank firing 5 rounds from west to east near Pisky.",
     [dict(count=5, weapon="tank", flight_direction="W to E", lat=48.075, lon=37.695, event_place="Pisky")]),
    # directions
    ("The SMM heard 2 undetermined explosions 3km SSW.", [dict(bearing_min_deg=191.25, bearing_max_deg=213.75)]),
    ("The SMM heard 2 undetermined explosions 3km west-north-west.", [dict(bearing_min_deg=281.25, bearing_max_deg=303.75)]),
    ("The SMM heard 2 undetermined explosions in a south-easterly direction.", [dict(bearing_min_deg=123.75)]),
    ("The SMM heard 2 undetermined explosions to the north.", [dict(bearing_min_deg=348.75, bearing_max_deg=11.25)]),
    ("The SMM saw 4 projectiles from E to W.", [dict(kind="projectile_in_flight", flight_direction="E to W")]),
    ("The SMM saw 4 projectiles in a west-to-east direction 2km north.",
     [dict(flight_direction="W to E", bearing_min_deg=348.75)]),
    ("The SMM camera recorded 23 undetermined explosions, all at undetermined distances south-west, west and north-west.",
     [dict(count=23, bearing_min_deg=213.75, bearing_max_deg=326.25, bearing="SW..NW", distance_min_km=None,
           warnings=[])]),
    ("The SMM heard 4 undetermined explosions 3km north and north-east.",
     [dict(bearing_min_deg=348.75, bearing_max_deg=56.25, bearing="N..NE")]),
    ("The SMM heard 4 undetermined explosions 3km at directions ranging from north-west to north-east.",
     [dict(bearing_min_deg=303.75, bearing_max_deg=56.25, bearing="NW..NE")]),
    # times
    ("The SMM heard an explosion 2km east at 14:05.", [dict(time_start="02 14:05", time_end="02 14:05")]),
    ("The SMM heard 5 bursts 2km east from 21:10 to 21:45.", [dict(time_start="02 21:10", time_end="02 21:45")]),
    ("The SMM heard 5 bursts 2km east between 23:50 and 00:20.", [dict(time_start="02 23:50", time_end="03 00:20")]),
    ("The SMM heard 5 bursts 2km east 09:56-10:38.", [dict(time_start="02 09:56", time_end="02 10:38")]),
    ("On 3 March, the SMM heard 5 bursts 2km east at 10:00.", [dict(time_start="03 10:00")]),
    ("The SMM heard 3 explosions 4km north at 14:05, 14:07 and 14:10.",
     [dict(count=3, time_start="02 14:05", time_end="02 14:10", warnings=[])]),
    ("positioned 2 km SW of Svitlodarsk, SMM heard, at 14:05, an explosion 3 km S.",
     [dict(count=1, observer_place="Svitlodarsk", observer_offset="2 km SW", time_start="02 14:05",
           bearing_min_deg=168.75, warnings=[])]),
    ("The SMM saw 3 flares and heard 5 shots 1km south.",
     [dict(kind="flare", count=3, distance_min_km=1.0), dict(kind="shot", count=5, distance_min_km=1.0)]),
    ("Between 19:00 on 2 March and 06:00 on 3 March, the SMM camera in Shyrokyne recorded 30 undetermined explosions.",
     [dict(count=30, time_start="02 19:00", time_end="03 06:00", observer_place="Shyrokyne")]),
    ("On 1 March, the SMM heard 6 bursts between 23:00 on 1 March and 01:00 on 2 March.",
     [dict(count=6, time_start="01 23:00", time_end="02 01:00")]),
    ("The SMM heard 6 bursts between 10:00 on 3 March and 09:00 on 2 March.",
     [dict(count=6, time_start="02 09:00", time_end="03 10:00",
           warnings=["the time window ends before it starts: read the other way round"])]),
    ("At 11:05, positioned in Kupiansk, the SMM heard an explosion 4km north-east.",
     [dict(time_start="02 11:05", observer_place="Kupiansk", bearing_min_deg=33.75)]),
    # positions
    ("Positioned 1.5km north of Horlivka, the SMM heard 4 undetermined explosions 4-6 km north-west.",
     [dict(observer_place="Horlivka", count=4)]),
    ("Positioned in government-controlled Stanytsia Luhanska, the SMM heard 12 bursts 1-2km SE.",
     [dict(observer_place="Stanytsia Luhanska", observer_lat=48.6531, observer_lon=39.4919)]),
    ("While in non-government-controlled Yasynuvata, the SMM heard 6 shots 3km west.", [dict(observer_place="Yasynuvata")]),
    ("Positioned near Zolote, the SMM heard 10 bursts 2-3km east.", [dict(observer_place="Zolote")]),
    ("Positioned in Artemivsk, the SMM heard 2 explosions 10km south-east.", [dict(observer_place="Bakhmut")]),
    ("Positioned in Gorlovka, the SMM heard 2 explosions 10km south-east.", [dict(observer_place="Horlivka")]),
    ("Positioned at 48°24'04\"N 37°48'44\"E, the SMM heard 2 explosions 3km east.",
     [dict(observer_lat=pytest.approx(48.40111, abs=1e-4), observer_lon=pytest.approx(37.81222, abs=1e-4))]),
    ("The SMM heard 3 explosions 5km north while positioned in Kreminna.", [dict(observer_place="Kreminna", count=3)]),
    ("Positioned in Qwertyville, the SMM heard 5 undetermined explosions 3km north.",
     [dict(observer_place="Qwertyville", observer_lat=None,
           warnings=["place 'Qwertyville' is not in the gazetteer: observer position left empty"])]),
    ("Positioned 3km north-west of Debaltseve, the SMM heard 3 explosions 2km east at 08:14, and positioned in "
     "Bakhmut, it heard 2 undetermined explosions 10km south-east at 09:30.",
     [dict(observer_place="Debaltseve", count=3, time_start="02 08:14"),
      dict(observer_place="Bakhmut", count=2, time_start="02 09:30", bearing_min_deg=123.75)]),
    ("The SMM heard an undetermined explosion 3km south-south-west of Shyrokyne.",
     [dict(count=1, event_place="Shyrokyne", lat=pytest.approx(47.058, abs=2e-3))]),
    ("The SMM heard 3 undetermined explosions around 14:00 in the surroundings of Popasna.",
     [dict(count=3, kind="explosion_undetermined", time_start="02 14:00")]),
    ("The SMM saw two anti-aircraft guns (ZU-23) in violation of the withdrawal lines near Horlivka.",  # weapons seen
     [dict(kind="other", count=2, sighting="weapon", weapon="anti_aircraft_gun", violation_of="withdrawal lines",
           event_place="Horlivka", warnings=[])]),
    # a distance range "of its position", the observer named after it, and a capitalised "Between"
    ("Between 22:10 and 22:40, the SMM saw two illumination flares in vertical flight 3-5km south-east of its "
     "position in Popasna.",
     [dict(kind="flare", count=2, distance_min_km=3.0, distance_max_km=5.0, bearing_min_deg=123.75,
           observer_place="Popasna", lat=None, time_start="02 22:10", time_end="02 22:40", warnings=[])]),
    ("The SMM heard 12 explosions 4-6km north of its position.",
     [dict(count=12, distance_min_km=4.0, distance_max_km=6.0, bearing_min_deg=348.75, warnings=[])]),
    ("Between 09:10 and 09:35, positioned 3km west of Zolote, the SMM heard 8 undetermined explosions 2-3km east.",
     [dict(count=8, observer_place="Zolote", time_start="02 09:10", time_end="02 09:35", distance_max_km=3.0,
           warnings=[])]),
    ("The SMM heard two undetermined explosions 3-5km south-south-west of Shyrokyne.",
     [dict(count=2, event_place="Shyrokyne", observer_place=None, lat=pytest.approx(47.0498, abs=1e-3), warnings=[])]),
    # patrol14: "N-NE" is the sector N..NE, which holds the point NNE it may also mean (it was read as NNE), warned
    ("The SMM heard an estimated 40 explosions 6-8km N-NE between 19:00 on 1 March and 06:00 on 2 March.",
     [dict(count=40, bearing_min_deg=348.75, bearing_max_deg=56.25, time_start="01 19:00", time_end="02 06:00",
           warnings=["'N-NE' read as the sector N..NE (it may mean the point NNE)"])]),
    # a breakdown written between commas ("of which", "including") splits the count, as a parenthesis does
    ("The SMM heard 11 explosions, of which seven assessed as outgoing rounds and four as impacts, 5-7km south.",
     [dict(kind="explosion_outgoing", count=7, distance_max_km=7.0, warnings=[]),
      dict(kind="explosion_impact", count=4, distance_max_km=7.0, warnings=[])]),
    ("The SMM heard 20 explosions, including five assessed as impacts, 3km east.",
     [dict(kind="explosion_impact", count=5, bearing_min_deg=78.75, warnings=[]),
      dict(kind="explosion_undetermined", count=15, bearing_min_deg=78.75, warnings=[])]),
    ("The SMM heard 9 explosions 2km south, of which three were assessed as outgoing",
     [dict(kind="explosion_outgoing", count=3, distance_min_km=2.0, warnings=[]),
      dict(kind="explosion_undetermined", count=6, distance_min_km=2.0, warnings=[])]),
    ("In Luhansk region, the SMM recorded 52 ceasefire violations, including 16 explosions.",
     [dict(kind="explosion_undetermined", count=16)]),
    # a heading for projectiles in flight, a decimal calibre, a date given with the time of day
    ("At about 21:40, the SMM saw six projectiles in flight in a south-easterly direction 2km east.",
     [dict(kind="projectile_in_flight", count=6, flight_direction="to SE", bearing_min_deg=78.75,
           time_start="02 21:40", warnings=[])]),
    ("The SMM heard 15 bursts of heavy-machine-gun (12.7mm) fire 2km east.",
     [dict(kind="burst", count=15, weapon="heavy_machine_gun", calibre_mm=12.7, warnings=[])]),
    ("In the early morning of 1 March, the SMM heard two explosions 5km south at 05:10.",
     [dict(count=2, time_start="01 05:10", warnings=[])]),
    # a count split by place: one record per place, the rest (if any) with the group's own distance
    ("The SMM heard six undetermined explosions, four 2km south-east and two 3km east, between 09:56 and 10:38.",
     [dict(count=4, bearing_min_deg=123.75, distance_min_km=2.0, distance_max_km=2.0, breakdown_of=6,
           time_start="02 09:56", warnings=[]),
      dict(count=2, bearing_min_deg=78.75, distance_min_km=3.0, distance_max_km=3.0, breakdown_of=6,
           time_start="02 09:56", warnings=[])]),
    ("Positioned in Popasna, the SMM heard 12 explosions (eight 3-5km south and three of them about 6km to the "
     "south-west).",
     [dict(count=8, bearing_min_deg=168.75, distance_min_km=3.0, distance_max_km=5.0, observer_place="Popasna",
           warnings=[]),
      dict(count=3, bearing_min_deg=213.75, distance_min_km=6.0, distance_qualifier="about", warnings=[]),
      dict(count=1, bearing_min_deg=None, distance_min_km=None, breakdown_of=12, warnings=[])]),
    ("The SMM heard 10 undetermined explosions: seven 4-6km north-west, two 2-3km west and one 1km north.",
     [dict(count=7, bearing_min_deg=303.75, warnings=[]), dict(count=2, bearing_min_deg=258.75, warnings=[]),
      dict(count=1, bearing_min_deg=348.75, distance_max_km=1.0, warnings=[])]),
    # a time written before the next observation is its own, and what follows that one is not "all" of them
    ("At 22:05 an SMM camera in Marinka recorded a projectile in flight from east to west, and at 22:07 an explosion "
     "assessed as an impact 2-3km south.",
     [dict(kind="projectile_in_flight", count=1, time_start="02 22:05", flight_direction="E to W",
           bearing_min_deg=None, distance_min_km=None, warnings=[]),
      dict(kind="explosion_impact", count=1, time_start="02 22:07", bearing_min_deg=168.75, distance_min_km=2.0,
           warnings=[])]),
    # dated but not timed: the day, or noon to noon for a night
    ("During the day on 3 March, positioned in Horlivka (non-government-controlled, 39km north-east of Donetsk), "
     "the SMM heard about 20 undetermined explosions at an undetermined distance west.",
     [dict(count=20, observer_place="Horlivka", time_start="03 00:00", time_end="04 00:00", time_from="date",
           warnings=[])]),
    ("On the evening and night of 1-2 March, the SMM camera in Avdiivka recorded 19 explosions (four of which were "
     "assessed as airbursts), 39 projectiles in flight and two illumination flares, all 2-5km south-east.",
     [dict(kind="airburst", count=4, time_start="01 15:00", time_end="02 12:00", bearing_min_deg=123.75, warnings=[]),
      dict(kind="explosion_undetermined", count=15, time_start="01 15:00", warnings=[]),
      dict(kind="projectile_in_flight", count=39, distance_max_km=5.0, warnings=[]),
      dict(kind="flare", count=2, bearing_min_deg=123.75, warnings=[])]),
    # a site of a place, described from that place; the JCCC's headquarters
    ("Positioned at the Donetsk central railway station (non-government-controlled, 6km north-west of Donetsk city "
     "centre), the SMM heard 64 undetermined explosions 5-10km north-north-west.",
     [dict(count=64, observer_place="Donetsk", observer_lat=pytest.approx(48.041, abs=2e-3), warnings=[])]),
    ("Positioned at the JCCC headquarters in Soledar, the SMM heard 12 undetermined explosions 20-25km south-east.",
     [dict(count=12, observer_place="Soledar", distance_max_km=25.0, warnings=[])]),
    # a date after the second time dates the first too; "an exchange of fire involving"; "at distances of"
    ("Between 02:30 and 03:12 on 5 March, the SMM camera in Stanytsia Luhanska recorded 4 undetermined explosions.",
     [dict(count=4, time_start="05 02:30", time_end="05 03:12", warnings=[])]),
    ("Between 22:40 and 01:15 on 5 March, the SMM heard 3 undetermined explosions 2km west.",
     [dict(count=3, time_start="04 22:40", time_end="05 01:15", warnings=[])]),
    ("While in Pervomaisk, the SMM heard an exchange of fire involving 12 explosions and more than 100 bursts of "
     "small-arms fire 1-3km south-west.",
     [dict(kind="explosion_undetermined", count=12, distance_max_km=3.0, warnings=[]),
      dict(kind="burst", count=100, weapon="small_arms", bearing_min_deg=213.75, warnings=[])]),
    ("The SMM heard a total of 23 undetermined explosions at distances of 4-6km north and north-east.",
     [dict(count=23, distance_min_km=4.0, distance_max_km=6.0, bearing_min_deg=348.75, bearing_max_deg=56.25,
           warnings=[])]),
    # an offset from a place the gazetteer lacks, whose own description says where it is
    ("Positioned about 1km south of Kalynove (non-government-controlled, 60km west of Luhansk), the SMM heard 12 "
     "undetermined explosions 4-6km north-west.",
     [dict(count=12, observer_place="Kalynove", observer_lat=pytest.approx(48.5621, abs=1e-3),
           observer_lon=pytest.approx(38.4948, abs=1e-3), observer_offset="1 km S",
           warnings=["place 'Kalynove' is not in the gazetteer: its position taken from '60km west of Luhansk'"])]),
    # parts that add up to more than the count are not a breakdown: the count kept as written, with warnings; its
    # distances and directions are several for one count, so none is kept (patrol16b: the first was)
    ("The SMM heard 3 explosions, four 2km south-east and two 3km east.",
     [dict(count=3, bearing_min_deg=None, distance_min_km=None)]),
    # things it cannot read are kept
    ("The weather was cloudy.", [dict(kind="other", count=None)]),
    ("In Donetsk region, the SMM recorded more ceasefire violations than in the previous reporting period.",
     [dict(kind="other", observer_place=None)]),
    ("The SMM heard 5 explosions, zorbled glimfully, 2km north.", [dict(count=5, distance_min_km=2.0)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:60] for case in CASES])
def test_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    records = parse(sentence)
    assert len(records) == len(expected), [record["kind"] for record in records]
    for record, fields in zip(records, expected):
        assert record["text"] == sentence
        for name, value in fields.items():
            assert record.get(name) == value, (name, record)


def test_there_are_many_cases() -> None:
    assert len(CASES) >= 50


def test_unreadable_sentence_says_so() -> None:
    (record,) = parse("The weather was cloudy.")
    assert any("no observation" in warning for warning in record["warnings"])
    assert any("weather was cloudy" in warning for warning in record["warnings"])
    (record,) = parse("The SMM heard 5 explosions, zorbled glimfully, 2km north.")
    assert record["warnings"] == ["not understood: 'zorbled glimfully'"]
    (record,) = parse("The SMM heard 3 explosions, four 2km south-east and two 3km east.")
    assert "a second direction was not used: 'east'" in record["warnings"]
