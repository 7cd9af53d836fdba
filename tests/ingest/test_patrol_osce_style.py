"""The patrol-text parser on sentences written the way the OSCE SMM's daily and spot reports read
(2015-2022): ceasefire-violation summaries, camera records, time-of-day phrases, numbers in words,
weapons with designations in brackets, hyphenated weapon names, negations, passive voice,
transliteration variants of place names and non-ASCII dashes and apostrophes.

Each case is parsed on its own with --date 2017-06-14; times are checked as "DD HH:MM" (UTC).
``bearing`` is the compass point (or range) as read; its sector is checked against the table below.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.test_patrol_sentences import parse as parse_records


# the 16-point compass sectors, written out (not computed by the code under test)
SECTOR = {
    "N": (348.75, 11.25), "NNE": (11.25, 33.75), "NE": (33.75, 56.25), "ENE": (56.25, 78.75),
    "E": (78.75, 101.25), "ESE": (101.25, 123.75), "SE": (123.75, 146.25), "SSE": (146.25, 168.75),
    "S": (168.75, 191.25), "SSW": (191.25, 213.75), "SW": (213.75, 236.25), "WSW": (236.25, 258.75),
    "W": (258.75, 281.25), "WNW": (281.25, 303.75), "NW": (303.75, 326.25), "NNW": (326.25, 348.75),
}
DAY = ("14 00:00", "15 00:00")  # "On 14 June": the whole day
NIGHT = ("14 12:00", "15 12:00")  # "On the night of 14-15 June": noon to noon
EVENING_NIGHT = ("14 15:00", "15 12:00")  # "On the evening and night of 14-15 June": from the evening (patrol19b)


def parse(text: str) -> list[dict[str, Any]]:
    return parse_records(text, date=date(2017, 6, 14))


def rec(kind: str, count: int | None, **fields: Any) -> dict[str, Any]:
    return dict(kind=kind, count=count, **fields)


UND, IMP, OUT = "explosion_undetermined", "explosion_impact", "explosion_outgoing"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- positions, with descriptions in brackets and transliteration variants
    ("Positioned at the railway station in Svitlodarsk (government-controlled, 57km north-east of Donetsk), the SMM "
     "heard 17 undetermined explosions 2-5km south-west.",
     [rec(UND, 17, bearing="SW", distance_min_km=2.0, distance_max_km=5.0, observer_place="Svitlodarsk",
          observer_lat=48.433, warnings=[])]),
    ("On the evening and night of 14-15 June, the SMM camera in Shyrokyne (20km east of Mariupol) recorded, in "
     "sequence, an undetermined explosion, four projectiles in flight from west to east and an illumination flare in "
     "flight, all 2-4km north-north-east.",
     [rec(UND, 1, bearing="NNE", distance_min_km=2.0, distance_max_km=4.0, time_start=EVENING_NIGHT[0], time_end=EVENING_NIGHT[1],
          observer_place="Shyrokyne", observer_lat=47.083, warnings=[]),
      rec("projectile_in_flight", 4, flight_direction="W to E", bearing="NNE", distance_max_km=4.0, warnings=[]),
      rec("flare", 1, bearing="NNE", distance_min_km=2.0, warnings=[])]),
    ("Positioned in Schastia, the SMM heard a dozen bursts of heavy-machine-gun fire 1-2km south.",
     [rec("burst", 12, weapon="heavy_machine_gun", bearing="S", observer_place="Shchastia", warnings=[])]),
    ("Positioned in Mariinka, the SMM heard 4 explosions 2km south.",
     [rec(UND, 4, observer_place="Marinka", bearing="S", distance_min_km=2.0, warnings=[])]),
    ("Positioned in Mar’inka, the SMM heard 4 explosions 2 km south.",
     [rec(UND, 4, observer_place="Marinka", distance_max_km=2.0, warnings=[])]),
    ("Positioned in Gorlovka, the SMM heard 4 explosions 1–2 km south‑west.",
     [rec(UND, 4, observer_place="Horlivka", bearing="SW", distance_min_km=1.0, distance_max_km=2.0, warnings=[])]),
    ("Positioned in Stanitsa Luganskaya, the SMM heard 3 shots 500m south.",
     [rec("shot", 3, observer_place="Stanytsia Luhanska", distance_min_km=0.5, distance_max_km=0.5, warnings=[])]),
    ("Positioned on the eastern edge of Avdiivka (government-controlled, 17km north of Donetsk), the SMM heard 25 "
     "undetermined explosions and 40 bursts of heavy-machine-gun fire, all 1-3km east.",
     [rec(UND, 25, bearing="E", distance_max_km=3.0, observer_place="Avdiivka", warnings=[]),
      rec("burst", 40, weapon="heavy_machine_gun", bearing="E", distance_min_km=1.0, warnings=[])]),
    ("Positioned in Yasynuvata (non-government-controlled, 16km north-east of Donetsk), the SMM heard 12 explosions "
     "2-3km south-west.",
     [rec(UND, 12, observer_place="Yasynuvata", bearing="SW", warnings=[])]),
    ("Positioned at the Donetsk Filter Station (15km north of Donetsk), the SMM heard 5 explosions 1km east.",
     [rec(UND, 5, observer_place="Donetsk Filter Station", observer_lat=48.156, warnings=[])]),
    ("On the evening and night of 14-15 June, the SMM camera at the Donetsk Filter Station (DFS) (15km north of "
     "Donetsk) recorded 42 undetermined explosions, about 20 projectiles in flight and 5 illumination flares, all 1-4km "
     "at directions ranging from north-west to east.",
     [rec(UND, 42, observer_place="Donetsk Filter Station", observer_lat=48.156, bearing="NW..E",
          bearing_min_deg=303.75, bearing_max_deg=101.25, distance_max_km=4.0, time_start=EVENING_NIGHT[0], warnings=[]),
      rec("projectile_in_flight", 20, count_qualifier="about", observer_place="Donetsk Filter Station", warnings=[]),
      rec("flare", 5, distance_min_km=1.0, bearing="NW..E", warnings=[])]),
    ("Positioned about 3km south of Shchastia, the SMM heard 4 undetermined explosions 5-6km north.",
     [rec(UND, 4, observer_place="Shchastia", observer_offset="3 km S", observer_lat=pytest.approx(48.7136, abs=1e-3),
          bearing="N", warnings=[])]),
    ("Positioned 2km west of Kominternove, the SMM heard 9 undetermined explosions 3-4km north-east.",
     [rec(UND, 9, observer_place="Pikuzy", observer_lon=pytest.approx(37.7925, abs=1e-3), warnings=[])]),
    ("Positioned in Dokuchaievsk (non-government-controlled, 30km south-west of Donetsk), the SMM heard 7 undetermined "
     "explosions at an undetermined distance south-west.",
     [rec(UND, 7, observer_place="Dokuchaievsk", bearing="SW", distance_min_km=None, warnings=[])]),
    ("The SMM heard 9 undetermined explosions 3-4km south-east and 5 shots of small-arms fire 1km south-east, while "
     "positioned in Popasna.",
     [rec(UND, 9, observer_place="Popasna", bearing="SE", warnings=[]),
      rec("shot", 5, weapon="small_arms", observer_place="Popasna", distance_max_km=1.0, warnings=[])]),
    ("While at the Donetsk Filter Station, the SMM heard 7 undetermined explosions and about 20 shots of small-arms "
     "fire, all 1-2km south-west.",
     [rec(UND, 7, bearing="SW", observer_place="Donetsk Filter Station", warnings=[]),
      rec("shot", 20, count_qualifier="about", weapon="small_arms", bearing="SW", warnings=[])]),
    ("The SMM’s camera in Avdiivka recorded 3 explosions.", [rec(UND, 3, observer_place="Avdiivka", warnings=[])]),
    # --- times
    ("Between 10:04 and 10:31, while in Stanytsia Luhanska, the SMM heard twenty explosions 3-4km south.",
     [rec(UND, 20, time_start="14 10:04", time_end="14 10:31", observer_place="Stanytsia Luhanska", warnings=[])]),
    ("At 19:47, positioned in Shchastia, the SMM heard an explosion 5km north-east.",
     [rec(UND, 1, time_start="14 19:47", time_end="14 19:47", bearing="NE", distance_min_km=5.0, warnings=[])]),
    ("The SMM heard 6 shots from 20:05 until 20:20 1km east.",
     [rec("shot", 6, time_start="14 20:05", time_end="14 20:20", bearing="E", warnings=[])]),
    ("The SMM heard, between 21:14 and 21:25, six undetermined explosions 4-5km north-west.",
     [rec(UND, 6, time_start="14 21:14", time_end="14 21:25", bearing="NW", warnings=[])]),
    ("The SMM heard 3 undetermined explosions at 19:24, 19:25 and 19:30 2km south.",
     [rec(UND, 3, time_start="14 19:24", time_end="14 19:30", distance_min_km=2.0, warnings=[])]),
    ("At 09:08, the SMM heard an undetermined explosion 3-4km south-west and, at 09:12, two undetermined explosions "
     "2-3km west.",
     [rec(UND, 1, time_start="14 09:08", bearing="SW", distance_max_km=4.0, warnings=[]),
      rec(UND, 2, time_start="14 09:12", bearing="W", distance_max_km=3.0, warnings=[])]),
    ("The SMM heard about 200 undetermined explosions 3-6km north-west between 21:00 and 23:59 on 14 June.",
     [rec(UND, 200, count_qualifier="about", time_start="14 21:00", time_end="14 23:59", warnings=[])]),
    ("From 23:00 on 14 June to 02:00 on 15 June, the SMM camera in Avdiivka recorded 40 projectiles in flight.",
     [rec("projectile_in_flight", 40, time_start="14 23:00", time_end="15 02:00", observer_place="Avdiivka",
          warnings=[])]),
    ("On the night of 14-15 June, the SMM camera in Stanytsia Luhanska recorded 2 undetermined explosions and 5 bursts "
     "of tracer rounds 3-5km south-west.",
     [rec(UND, 2, time_start=NIGHT[0], time_end=NIGHT[1], bearing="SW", warnings=[]),
      rec("burst", 5, time_start=NIGHT[0], distance_max_km=5.0, warnings=[])]),
    ("On 14 June, positioned in Donetsk city centre, the SMM heard 35 undetermined explosions 7-10km north-west.",
     [rec(UND, 35, time_start=DAY[0], time_end=DAY[1], observer_place="Donetsk", warnings=[])]),
    ("The SMM heard 2 undetermined explosions 10-12 km north-west between 10:09 and 10:12 and 8 bursts of "
     "heavy-machine-gun fire 2km north-west at 10:25.",
     [rec(UND, 2, time_start="14 10:09", time_end="14 10:12", distance_max_km=12.0, warnings=[]),
      rec("burst", 8, time_start="14 10:25", weapon="heavy_machine_gun", distance_max_km=2.0, warnings=[])]),
    ("At 23:04, the SMM heard 3 explosions 2-3km south-east and, at 23:10, 20 bursts of heavy-machine-gun fire 1km "
     "south.",
     [rec(UND, 3, time_start="14 23:04", bearing="SE", warnings=[]),
      rec("burst", 20, time_start="14 23:10", bearing="S", weapon="heavy_machine_gun", warnings=[])]),
    # parts of the day without a clock time are understood and kept, not warned
    ("Overnight, the SMM camera in Avdiivka recorded dozens of projectiles in flight from east to west.",
     [rec("projectile_in_flight", None, count_qualifier="dozens of", flight_direction="E to W",
          time_of_day="overnight", warnings=[])]),
    ("In the early morning hours, the SMM heard at least 15 undetermined explosions 6km north-west.",
     [rec(UND, 15, count_qualifier="at least", time_of_day="in the early morning hours", bearing="NW", warnings=[])]),
    ("The SMM heard 3 explosions 2km south during the night.",
     [rec(UND, 3, time_of_day="during the night", bearing="S", warnings=[])]),
    # --- counts
    ("While in Avdiivka, the SMM heard about 40 shots and bursts of small-arms fire at an undetermined distance.",
     [rec("shot", 40, count_qualifier="about", combined_kinds=["shot", "burst"], weapon="small_arms",
          distance_min_km=None, bearing=None, observer_place="Avdiivka", warnings=[])]),
    ("Positioned in Horlivka, the SMM heard over 50 undetermined explosions 5-7km west.",
     [rec(UND, 50, count_qualifier="more than", bearing="W", warnings=[])]),
    ("The SMM heard dozens of undetermined explosions 7-8km south.",
     [rec(UND, None, count_qualifier="dozens of", distance_min_km=7.0, warnings=[])]),
    ("The SMM heard hundreds of shots of small-arms fire 2km south.",
     [rec("shot", None, count_qualifier="hundreds of", weapon="small_arms", warnings=[])]),
    ("The SMM heard a series of explosions 5km south.",
     [rec(UND, None, count_qualifier="a series of", distance_min_km=5.0, warnings=[])]),
    ("The SMM heard a few shots 1km east.", [rec("shot", None, count_qualifier="a few", warnings=[])]),
    ("The SMM heard ten or so bursts 2km south.", [rec("burst", 10, count_qualifier="about", warnings=[])]),
    ("The SMM heard about a dozen undetermined explosions 3km east.",
     [rec(UND, 12, count_qualifier="about", warnings=[])]),
    ("The SMM heard approximately 200 undetermined explosions 5-10km north between 19:05 and 23:40.",
     [rec(UND, 200, count_qualifier="about", time_start="14 19:05", time_end="14 23:40", warnings=[])]),
    ("The SMM heard 40 undetermined explosions, 100 bursts and 50 shots, all 3-5km south-east.",
     [rec(UND, 40, bearing="SE", warnings=[]), rec("burst", 100, bearing="SE", warnings=[]),
      rec("shot", 50, bearing="SE", distance_max_km=5.0, warnings=[])]),
    # --- weapons, with designations and hyphenated names
    ("The SMM heard two explosions assessed as outgoing artillery (152mm) rounds 8-10km north.",
     [rec(OUT, 2, weapon="artillery", calibre_mm=152, bearing="N", warnings=[])]),
    ("The SMM heard about 30 explosions assessed as impacts of 82mm mortar rounds 2-3km south-east.",
     [rec(IMP, 30, weapon="mortar", calibre_mm=82, count_qualifier="about", warnings=[])]),
    ("The SMM heard 15 bursts of anti-aircraft-gun (ZU-23) fire 3km south-west.",
     [rec("burst", 15, weapon="anti_aircraft_gun", bearing="SW", warnings=[])]),
    ("The SMM heard 8 bursts of infantry fighting vehicle (BMP-2) cannon fire about 2km south.",
     [rec("burst", 8, weapon="ifv", distance_qualifier="about", distance_min_km=2.0, warnings=[])]),
    ("Positioned in Marinka, the SMM heard 2 explosions assessed as outgoing tank rounds 3km east and 10 shots of "
     "infantry fighting vehicle (BMP-2) cannon fire 2km east.",
     [rec(OUT, 2, weapon="tank", distance_min_km=3.0, warnings=[]),
      rec("shot", 10, weapon="ifv", distance_min_km=2.0, warnings=[])]),
    ("The SMM heard about 60 bursts of heavy-machine-gun fire and several shots of small-arms fire 1-2km south-east.",
     [rec("burst", 60, weapon="heavy_machine_gun", bearing="SE", warnings=[]),
      rec("shot", None, count_qualifier="several", weapon="small_arms", bearing="SE", warnings=[])]),
    ("The SMM heard bursts of heavy-machine-gun fire and shots of small-arms fire 2-3km south.",
     [rec("burst", None, weapon="heavy_machine_gun", warnings=[]),
      rec("shot", None, weapon="small_arms", distance_max_km=3.0, warnings=[])]),
    ("The SMM heard 18 undetermined explosions and about 100 bursts and shots of small-arms and heavy-machine-gun fire "
     "2-3km north-east.",
     [rec(UND, 18, bearing="NE", warnings=[]),
      rec("burst", 100, weapon="small_arms", other_weapons=["heavy_machine_gun"], bearing="NE", warnings=[])]),
    ("The SMM heard 9 explosions assessed as impacts of rounds from automatic grenade launchers (AGS-17) 2km "
     "south-east.",
     [rec(IMP, 9, weapon="automatic_grenade_launcher", warnings=[])]),
    ("The SMM heard 1 explosion assessed as an outgoing round from a recoilless gun (SPG-9) 2km west.",
     [rec(OUT, 1, weapon="recoilless_gun", bearing="W", warnings=[])]),
    ("The SMM heard four explosions assessed as impacts of MLRS (BM-21 Grad) rockets 10km south.",
     [rec(IMP, 4, weapon="mlrs", distance_min_km=10.0, warnings=[])]),
    ("The SMM heard 20 explosions assessed as outgoing rounds of artillery (122mm) and mortar (120mm) 3-5km "
     "south-west.",
     [rec(OUT, 20, weapon="artillery", other_weapons=["mortar"], bearing="SW", warnings=[])]),
    ("The SMM heard 5 bursts of large-calibre machine-gun fire 2km west.",
     [rec("burst", 5, weapon="heavy_machine_gun", warnings=[])]),
    ("The SMM heard 7 undetermined explosions (assessed as artillery) 8-10km south.",
     [rec(UND, 7, weapon="artillery", distance_max_km=10.0, warnings=[])]),
    # --- "outgoing" / "incoming" before the noun, and exchanges of fire (session 8: these words were left
    # "not understood", and "an exchange of fire: ..." added a record of its own beside the counted ones)
    ("Positioned in Pisky, the SMM heard two outgoing rounds of tank fire 1km north.",
     [rec(OUT, 2, weapon="tank", bearing="N", warnings=[])]),
    ("Positioned 2km south of Pisky, the SMM heard an outgoing round of an infantry fighting vehicle (BMP-1) cannon "
     "(73mm) 1km north at 09:12.",
     [rec(OUT, 1, weapon="ifv", time_start="14 09:12", warnings=[])]),
    ("Positioned in Pisky, the SMM heard outgoing tank fire 2km north.",
     [rec(OUT, None, weapon="tank", bearing="N", warnings=[])]),
    ("Positioned in Avdiivka, the SMM heard incoming artillery fire 5km east.",
     [rec(IMP, None, weapon="artillery", bearing="E", warnings=[])]),
    ("Positioned in Pisky, the SMM heard outgoing small-arms fire 2km north.",
     [rec("other", None, weapon="small_arms", warnings=[])]),
    ("Positioned in Zaitseve, the SMM heard an exchange of fire: 22 bursts and 40 shots of small-arms fire 0.5-1km "
     "north.",
     [rec("burst", 22, bearing="N", warnings=[]), rec("shot", 40, weapon="small_arms", distance_max_km=1.0, warnings=[])]),
    ("Positioned in Zaitseve, the SMM heard an exchange of small-arms fire 0.5-1km north.",
     [rec("other", None, weapon="small_arms", distance_min_km=0.5, warnings=[])]),
    ("While in Horlivka, between 09:15 and 09:48, the SMM heard about 20 explosions, including ten assessed as "
     "outgoing artillery rounds (152mm), 5-7km north-west.",
     [rec(OUT, 10, bearing="NW", time_start="14 09:15", warnings=[]),
      rec(UND, 10, bearing="NW", distance_max_km=7.0, warnings=[])]),
    ("Positioned in Shchastia, the SMM heard 27 explosions, assessed as outgoing and impacts of artillery and mortar "
     "rounds, 6-8km north-north-west.",
     [rec(UND, 27, bearing="NNW", distance_min_km=6.0, warnings=[
         "'assessed as outgoing and impacts': the count is not split between them, so the kind is undetermined"])]),
    ("Positioned in Avdiivka, at 11:05, the SMM heard an explosion assessed as an impact of an 82mm mortar round and, "
     "shortly after, a burst of small-arms fire, both 1km east.",
     [rec(IMP, 1, weapon="mortar", bearing="E", warnings=[]), rec("burst", 1, weapon="small_arms", bearing="E", warnings=[])]),
    ("Positioned in Stanytsia Luhanska, the SMM heard 3 single shots of small-arms fire 500m south.",
     [rec("shot", 3, weapon="small_arms", distance_max_km=0.5, warnings=[])]),
    # --- assessments, including a count with its noun left out
    ("The SMM heard 17 explosions assessed as impacts and 4 assessed as outgoing rounds 3-5km south.",
     [rec(IMP, 17, bearing="S", distance_max_km=5.0, warnings=[]),
      rec(OUT, 4, bearing="S", distance_max_km=5.0, warnings=[])]),
    ("The SMM heard 6 undetermined explosions and two assessed as outgoing rounds of 120mm mortar 3km west.",
     [rec(UND, 6, bearing="W", warnings=[]), rec(OUT, 2, weapon="mortar", calibre_mm=120, warnings=[])]),
    ("The SMM heard 4 explosions, assessed as impacts of 120mm mortar rounds, 2km north.",
     [rec(IMP, 4, weapon="mortar", bearing="N", warnings=[])]),
    ("Positioned in Stanytsia Luhanska, the SMM heard 8 undetermined explosions 10-15km north-west, assessed as "
     "impacts.",
     [rec(IMP, 8, bearing="NW", distance_max_km=15.0, warnings=[])]),
    ("The SMM heard 4 explosions 4-5km north-north-west (assessed as outgoing artillery fire) at 14:27.",
     [rec(OUT, 4, weapon="artillery", bearing="NNW", time_start="14 14:27", warnings=[])]),
    ("Positioned in Pervomaisk, the SMM heard 3 explosions and 30 bursts of heavy-machine-gun fire, all assessed as "
     "part of an exchange of fire, 3-4km south-east.",
     [rec(UND, 3, bearing="SE", warnings=[]), rec("burst", 30, bearing="SE", weapon="heavy_machine_gun", warnings=[])]),
    ("The SMM heard intense exchanges of fire 3-5km south.",
     [rec("other", None, bearing="S", distance_max_km=5.0, warnings=[])]),
    ("The SMM saw two craters assessed as caused by 82mm mortar rounds in Zolote.",
     [rec("other", 2, weapon="mortar", event_place="Zolote", warnings=[])]),
    # --- distances and directions
    ("The SMM heard 6 undetermined explosions approximately 4km north.",
     [rec(UND, 6, distance_qualifier="approximately", distance_min_km=4.0, bearing="N", warnings=[])]),
    ("The SMM heard 10 undetermined explosions some 3km east.",
     [rec(UND, 10, distance_qualifier="some", distance_min_km=3.0, warnings=[])]),
    ("The SMM heard 3 undetermined explosions an estimated 5-7km south.",
     [rec(UND, 3, distance_min_km=5.0, distance_max_km=7.0, bearing="S", warnings=[])]),
    ("The SMM heard 2 undetermined explosions ca. 4km north-east.",
     [rec(UND, 2, distance_qualifier="ca.", distance_min_km=4.0, bearing="NE", warnings=[])]),
    ("The SMM heard 4 undetermined explosions circa 4km north-east.",
     [rec(UND, 4, distance_qualifier="circa", distance_min_km=4.0, bearing="NE", warnings=[])]),
    ("The SMM heard 5 explosions at a distance of 3 kilometres west.",
     [rec(UND, 5, distance_min_km=3.0, distance_max_km=3.0, bearing="W", warnings=[])]),
    ("The SMM heard a burst of small-arms fire 500 metres east.",
     [rec("burst", 1, weapon="small_arms", distance_min_km=0.5, bearing="E", warnings=[])]),
    ("The SMM heard about 15 undetermined explosions between 4 and 6km south-west.",
     [rec(UND, 15, distance_min_km=4.0, distance_max_km=6.0, bearing="SW", warnings=[])]),
    ("The SMM heard three undetermined explosions at distances of between 3 and 5 km south.",
     [rec(UND, 3, distance_min_km=3.0, distance_max_km=5.0, warnings=[])]),
    ("The SMM heard 9 undetermined explosions more than 10km north-east.",
     [rec(UND, 9, distance_min_km=10.0, distance_max_km=None, warnings=[])]),
    ("The SMM heard 15 shots and bursts of heavy-machine-gun and small-arms fire 0.5-1km south.",
     [rec("shot", 15, distance_min_km=0.5, distance_max_km=1.0, weapon="heavy_machine_gun", warnings=[])]),
    ("The SMM heard 11 undetermined explosions 2-4km north-east and north.",
     [dict(count=11, bearing="N..NE", bearing_min_deg=348.75, bearing_max_deg=56.25, warnings=[])]),
    ("The SMM heard seven explosions and around 80 bursts of heavy-machine-gun fire, all 3-5km at directions ranging "
     "from south to west.",
     [dict(count=7, bearing="S..W", bearing_min_deg=168.75, bearing_max_deg=281.25, warnings=[]),
      rec("burst", 80, bearing="S..W", warnings=[])]),
    ("The SMM heard 3 undetermined explosions in a north-easterly direction.", [rec(UND, 3, bearing="NE", warnings=[])]),
    ("The SMM heard 3 explosions assessed as impacts 2km north-east of its position.",
     [rec(IMP, 3, bearing="NE", distance_min_km=2.0, warnings=[])]),
    ("The SMM heard 4 undetermined explosions 4–6 km south‑south‑west and 1 explosion 2 km NNE.",
     [rec(UND, 4, bearing="SSW", warnings=[]), rec(UND, 1, bearing="NNE", distance_max_km=2.0, warnings=[])]),
    ("The SMM camera in Marinka recorded 20 projectiles in flight from west to east and 35 from east to west, 3-5km "
     "south.",
     [rec("projectile_in_flight", 20, flight_direction="W to E", bearing="S", warnings=[]),
      rec("projectile_in_flight", 35, flight_direction="E to W", bearing="S", warnings=[])]),
    ("The SMM saw 2 tracer rounds in a westerly direction 1km north.",
     [rec("projectile_in_flight", 2, flight_direction="to W", bearing="N", warnings=[])]),
    ("The SMM's long-range UAV spotted 2 illumination flares in vertical flight 2km north-west of Pikuzy.",
     [rec("flare", 2, flight_direction="vertical", event_place="Pikuzy", bearing=None, warnings=[])]),
    ("The SMM heard one hundred and twenty shots 2 to 3km south.",
     [rec("shot", 120, distance_min_km=2.0, distance_max_km=3.0, bearing="S", warnings=[])]),
    ("The SMM heard forty-odd undetermined explosions 6km south.", [rec(UND, 40, count_qualifier="about", warnings=[])]),
    ("The SMM heard an explosion (see SMM Daily Report 15 June 2017) 3km south.",
     [rec(UND, 1, distance_min_km=3.0, bearing="S", warnings=[])]),
    # --- distances and directions given "respectively"
    ("The SMM heard, in sequence, 1 explosion assessed as an outgoing round and 1 explosion assessed as its impact, "
     "3-4km east and 5-6km south-east, respectively.",
     [rec(OUT, 1, distance_min_km=3.0, distance_max_km=4.0, bearing="E", warnings=[]),
      rec(IMP, 1, distance_min_km=5.0, distance_max_km=6.0, bearing="SE", warnings=[])]),
    ("The SMM heard 2 undetermined explosions and 10 bursts 4km north and 1km west, respectively.",
     [rec(UND, 2, distance_min_km=4.0, bearing="N", warnings=[]),
      rec("burst", 10, distance_min_km=1.0, bearing="W", warnings=[])]),
    # --- passive voice
    ("Between 10:00 and 11:00, 12 explosions were heard 3km south.",
     [rec(UND, 12, time_start="14 10:00", time_end="14 11:00", bearing="S", warnings=[])]),
    # --- summaries: kept, warned
    ("In Donetsk region, the SMM recorded 312 ceasefire violations, including 96 explosions. In the previous "
     "reporting period, it recorded 219 ceasefire violations in the region.",
     [rec(UND, 96, region="Donetsk"), rec("other", None)]),
    # --- no fire at all, or fire said not to have been heard: no observation, kept with warnings (count 0 where the
    # text denies it: nothing was observed; None where it says nothing about fire)
    ("The SMM heard no explosions.", [rec("other", 0, bearing=None)]),
    ("The SMM did not hear any explosions or shots during the day.", [rec("other", 0)]),
    ("The SMM did not record any ceasefire violations.", [rec("other", 0)]),
    ("No explosions were heard in Luhansk region.", [rec("other", 0, region="Luhansk")]),
    ("The SMM heard 5 explosions 2km south, but no shots.",
     [rec(UND, 5, distance_min_km=2.0, warnings=["reads as not observed: 'no shots'"])]),
    ("The SMM did not hear any explosions, but heard 3 shots 1km east.",
     [rec("shot", 3, bearing="E", warnings=["reads as not observed: 'did not hear any explosions'"])]),
    ("The SMM heard no fewer than 5 explosions 2km south.", [rec(UND, 5, count_qualifier="at least", warnings=[])]),
    ("Not a single shot was heard.", [rec("other", 0)]),
    ("The SMM could not assess the explosions 3km south.",  # not a denial: kept, the words it cannot read warned
     [rec(UND, None, distance_min_km=3.0, warnings=["not understood: 'could not assess'"])]),
    ("The SMM observed a drone flying over Shyrokyne.", [rec("other", 1, sighting="uav", event_place="Shyrokyne")]),
    ("The situation in Stanytsia Luhanska remained calm.", [rec("other", None)]),
]

NO_OBSERVATION = {
    "The SMM heard no explosions.": ["reads as not observed: 'no explosions'"],
    "The SMM did not hear any explosions or shots during the day.":
        ["reads as not observed: 'did not hear any explosions'", "reads as not observed: 'or shots'"],
    "The SMM did not record any ceasefire violations.":
        ["reads as not observed: 'did not record any ceasefire violations'"],
    "No explosions were heard in Luhansk region.": ["reads as not observed: 'No explosions'"],
    "Not a single shot was heard.": ["reads as not observed: 'Not a single shot'"],
    "The situation in Stanytsia Luhanska remained calm.": ["not understood: 'situation remained calm'"],
}


def check_records(records: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    """The records a sentence gave hold the expected fields (``bearing``: a 16-point sector, or None for none;
    floats to 0.011)."""
    assert len(records) == len(expected), [(record["kind"], record["count"]) for record in records]
    for record, fields in zip(records, expected):
        for name, value in fields.items():
            if name == "bearing" and value is not None and ".." not in value:
                assert (record["bearing_min_deg"], record["bearing_max_deg"]) == SECTOR[value], record
            if name == "bearing" and value is None:
                assert record["bearing_min_deg"] is None, record
                continue
            got = record.get(name)
            if isinstance(value, float) and got is not None:
                assert got == pytest.approx(value, abs=0.011), (name, record)
            else:
                assert got == value, (name, record)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:70] for case in CASES])
def test_osce_style_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("sentence", sorted(NO_OBSERVATION))
def test_a_sentence_with_no_fire_is_kept_and_says_why(sentence: str) -> None:
    (record,) = parse(sentence)
    denied = any(warning.startswith("reads as not observed") for warning in record["warnings"])
    assert record["kind"] == "other" and record["count"] == (0 if denied else None)  # 0: nothing observed
    assert record["text"] == sentence
    assert any(warning.startswith("no observation") for warning in record["warnings"])
    for warning in NO_OBSERVATION[sentence]:
        assert warning in record["warnings"]


def test_summary_sentences_are_warned() -> None:
    records = parse(CASES[[case[0] for case in CASES].index(
        "In Donetsk region, the SMM recorded 312 ceasefire violations, including 96 explosions. In the previous "
        "reporting period, it recorded 219 ceasefire violations in the region.")][0])
    for record in records:
        assert "reads as a summary of the period: its counts may repeat those of other sentences" in record["warnings"]


PARAGRAPHS = """Ceasefire violations
In Luhansk region, the SMM recorded 29 ceasefire violations, including 12 explosions. On the night of 14-15 June, \
the SMM camera in Shchastia (20km north of Luhansk) recorded, in sequence, 4 projectiles in flight from south to north \
and 2 undetermined explosions, all 4-6km south-south-east. The SMM heard no explosions in Zolote.

On 15 June, positioned in Avdiivka (government-controlled, 17km north of Donetsk), the SMM heard about 50 \
undetermined explosions 2-5km east and south-east. Positioned 2km north of Yasynuvata, the SMM heard 7 explosions \
assessed as impacts 2-3km south-west between 11:10 and 11:34.
"""


def test_a_report_section_keeps_every_line_and_sentence() -> None:
    records = parse(PARAGRAPHS)  # the backslashes join a line that is too long to write on one
    by_line: dict[int, list[dict[str, Any]]] = {}
    for record in records:
        by_line.setdefault(record["line"], []).append(record)
    assert sorted(by_line) == [1, 2, 4]  # the blank line gives nothing, every other line something
    heading, = by_line[1]
    assert heading["kind"] == "other" and heading["warnings"] == ["a heading ('Ceasefire violations'): no observation"]
    assert [(r["kind"], r["count"]) for r in by_line[2]] == [
        (UND, 12), ("projectile_in_flight", 4), (UND, 2), ("other", 0)]
    assert by_line[2][0]["region"] == "Luhansk" and by_line[2][1]["observer_place"] == "Shchastia"
    assert by_line[2][3]["warnings"][-1] == "reads as not observed: 'no explosions'"
    assert [(r["kind"], r["count"], r["observer_place"], r["time_start"]) for r in by_line[4]] == [
        (UND, 50, "Avdiivka", "15 00:00"), (IMP, 7, "Yasynuvata", "15 11:10")]


def test_from_the_same_position_takes_the_observer_of_the_sentence_before_even_across_a_paragraph() -> None:
    records = parse("Positioned in Zolote, the SMM heard three shots from a sniper rifle 1-2km south.\n"
                    "From the same position, the SMM heard four explosions 3-4km south-east.\n"
                    "The SMM heard 2 explosions 1km north.")
    assert [(r["line"], r["observer_place"], r["warnings"]) for r in records] == [
        (1, "Zolote", []), (2, "Zolote", []), (3, None, [])]  # a paragraph's position does not carry on its own
    (alone,) = parse("From the same position, the SMM heard four explosions 3-4km south-east.")
    assert alone["observer_lat"] is None
    assert alone["warnings"] == ["'the same position' follows no position: observer position left empty"]
