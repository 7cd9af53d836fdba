"""Session 12: two held-out sets of sentences written anew, with the structured values a careful analyst would take
from each written by hand (CONTRACTS.md "Patrol text" and docs/ingest.md) before the parser was run on them, in styles
the earlier sets covered little: SMM daily-report paragraphs of several sentences, camera records, times ("at about
23:40", "overnight", "in the early hours of 4 June"), counts in words ("about a dozen", "thirty-two"), distances
("within 1km", "800m-1km", "500-700m"), two-sector bearings ("E-ESE", "N-NNE", "N-NE"), weapons by designation, UAVs,
mines and UXO, and the wording of other missions (UNMOGIP, UNDOF, EUMM). Each sentence is parsed on its own with
--date 2017-06-03; times are "DD HH:MM" UTC.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.test_patrol_osce_style import check_records
from tests.ingest.test_patrol_session10 import IMP, OUT, UND, parse, rec

PIF = "projectile_in_flight"


def other(count: int | None = None, **fields: Any) -> dict[str, Any]:
    return rec("other", count, **fields)


# written first, measured once on main before any change for it
HELD_OUT_3: list[tuple[str, list[dict[str, Any]]]] = [
    ("While in Svitlodarsk, the SMM heard 14 undetermined explosions 5-7km south-east. Positioned at the same "
     "location, it later heard about 30 bursts of heavy-machine-gun fire 3-4km south.",
     [rec(UND, 14, observer_place="Svitlodarsk", bearing="SE", distance_min_km=5.0, distance_max_km=7.0, warnings=[]),
      rec("burst", 30, count_qualifier="about", weapon="heavy_machine_gun", observer_place="Svitlodarsk", bearing="S",
          distance_min_km=3.0, distance_max_km=4.0, warnings=[])]),
    ("The SMM camera in Shyrokyne recorded 12 projectiles in flight from north to south between 19:10 and 19:32, all "
     "2-3km north-east.",
     [rec(PIF, 12, flight_direction="N to S", observer_place="Shyrokyne", bearing="NE", distance_min_km=2.0,
          distance_max_km=3.0, time_start="03 19:10", time_end="03 19:32", warnings=[])]),
    ("At about 23:40, the SMM camera at the Donetsk Filter Station recorded an undetermined explosion and a projectile "
     "in flight from west to east, both within 1km north.",
     [rec(UND, 1, observer_place="Donetsk Filter Station", bearing="N", distance_min_km=0.0, distance_max_km=1.0,
          time_start="03 23:40", warnings=[]),
      rec(PIF, 1, flight_direction="W to E", bearing="N", distance_max_km=1.0, time_start="03 23:40", warnings=[])]),
    ("Overnight, the SMM camera in Avdiivka recorded at least 40 projectiles in flight from east to west and three "
     "illumination flares, all 4-5km east-south-east.",
     [rec(PIF, 40, count_qualifier="at least", flight_direction="E to W", time_of_day="overnight", time_start=None,
          bearing="ESE", distance_min_km=4.0, distance_max_km=5.0, warnings=[]),
      rec("flare", 3, bearing="ESE", distance_max_km=5.0, warnings=[])]),
    ("In the morning, positioned about 2km west of Zolote, the SMM heard three explosions assessed as impacts of 82mm "
     "mortar rounds 1-2km south-east.",
     [rec(IMP, 3, weapon="mortar", calibre_mm=82, observer_place="Zolote", observer_offset="2 km W",
          time_of_day="in the morning", bearing="SE", distance_min_km=1.0, distance_max_km=2.0, warnings=[])]),
    ("Positioned in Horlivka, the SMM heard about a dozen explosions assessed as outgoing 122mm artillery rounds 6-8km "
     "west-north-west between 10:05 and 10:47.",
     [rec(OUT, 12, count_qualifier="about", weapon="artillery", calibre_mm=122, observer_place="Horlivka",
          bearing="WNW", distance_min_km=6.0, distance_max_km=8.0, time_start="03 10:05", time_end="03 10:47",
          warnings=[])]),
    ("At 21:15, the SMM heard two salvos of MLRS (BM-21 Grad) fire about 10km north-north-east, followed by about 20 "
     "explosions assessed as impacts 4-6km east.",
     [rec(UND, None, salvos=2, weapon="mlrs", bearing="NNE", distance_min_km=10.0, distance_max_km=10.0,
          time_start="03 21:15", warnings=[]),
      rec(IMP, 20, count_qualifier="about", bearing="E", distance_min_km=4.0, distance_max_km=6.0, warnings=[])]),
    ("Between 13:02 and 13:19, the SMM heard 11 explosions, seven assessed as outgoing tank (T-64) rounds and four as "
     "impacts, 2-3km north.",
     [rec(OUT, 7, breakdown_of=11, weapon="tank", bearing="N", distance_min_km=2.0, distance_max_km=3.0,
          time_start="03 13:02", time_end="03 13:19", warnings=[]),
      rec(IMP, 4, breakdown_of=11, bearing="N", time_start="03 13:02", warnings=[])]),
    ("At 07:55 on 4 June, the SMM heard a burst of infantry fighting vehicle (BMP-1) cannon fire and, about a minute "
     "later, five shots of small-arms fire, both 500-700m south-west.",
     [rec("burst", 1, weapon="ifv", bearing="SW", distance_min_km=0.5, distance_max_km=0.7, time_start="04 07:55",
          warnings=[]),
      rec("shot", 5, weapon="small_arms", bearing="SW", distance_max_km=0.7, time_relative="about a minute later",
          warnings=[])]),
    ("Positioned in Stanytsia Luhanska, the SMM heard four explosions of undetermined origin at an estimated distance "
     "of 8km west.",
     [rec(UND, 4, observer_place="Stanytsia Luhanska", bearing="W", distance_min_km=8.0, distance_max_km=8.0,
          warnings=[])]),
    ("The SMM heard about 50 undetermined explosions from south-easterly directions, at distances of 5-10km, between "
     "20:30 and 22:00.",
     [rec(UND, 50, count_qualifier="about", bearing="SE", distance_min_km=5.0, distance_max_km=10.0,
          time_start="03 20:30", time_end="03 22:00", warnings=[])]),
    ("At 16:40, the SMM heard about 40 shots of ZU-23 anti-aircraft gun fire 2km east.",
     [rec("shot", 40, count_qualifier="about", weapon="anti_aircraft_gun", bearing="E", distance_min_km=2.0,
          time_start="03 16:40", warnings=[])]),
    ("On 4 June, the SMM saw a fresh crater on the road about 500m north of Hnutove, assessed as caused by a 120mm "
     "mortar round fired from an easterly direction.",
     [other(1, weapon="mortar", calibre_mm=120, fired_from="E", event_place="Hnutove", time_start="04 00:00",
            time_end="05 00:00", warnings=[])]),
    ("At 11:20, the SMM spotted a quadcopter-type UAV flying at low altitude over Marinka.",
     [other(1, sighting="uav", event_place="Marinka", time_start="03 11:20", warnings=[])]),
    ("On 4 June, positioned in Popasna, the SMM heard eight undetermined explosions 6-8km E-ESE. It also heard about "
     "15 bursts of small-arms fire 1-2km N-NNE.",
     [rec(UND, 8, observer_place="Popasna", bearing="E..ESE", bearing_min_deg=78.75, bearing_max_deg=123.75,
          distance_min_km=6.0, distance_max_km=8.0, time_start="04 00:00", time_end="05 00:00", warnings=[]),
      rec("burst", 15, count_qualifier="about", weapon="small_arms", observer_place="Popasna", bearing="N..NNE",
          bearing_min_deg=348.75, bearing_max_deg=33.75, distance_min_km=1.0, distance_max_km=2.0,
          time_start="04 00:00", warnings=[])]),
    ("At 18:05, the SMM heard a long burst of heavy machine-gun fire about 1km west-north-west, and at 18:12 three "
     "single shots 0.5-1km west.",
     [rec("burst", 1, weapon="heavy_machine_gun", bearing="WNW", distance_min_km=1.0, time_start="03 18:05",
          warnings=[]),
      rec("shot", 3, bearing="W", distance_min_km=0.5, distance_max_km=1.0, time_start="03 18:12", warnings=[])]),
    ("Positioned on the north-eastern edge of Donetsk, the SMM heard 21 undetermined explosions 4-6km north-west "
     "between 08:15 and 09:40. Later, positioned in Yasynuvata, it heard three more explosions 2-3km south-west at "
     "10:10.",
     [rec(UND, 21, observer_place="Donetsk", bearing="NW", distance_min_km=4.0, distance_max_km=6.0,
          time_start="03 08:15", time_end="03 09:40", warnings=[]),
      rec(UND, 3, observer_place="Yasynuvata", bearing="SW", distance_min_km=2.0, distance_max_km=3.0,
          time_start="03 10:10", warnings=[])]),
    ("The SMM heard an explosion assessed as an outgoing round of an 82mm mortar and, seconds later, its impact about "
     "1km north-east.",
     [rec(OUT, 1, weapon="mortar", calibre_mm=82, warnings=[]),
      rec(IMP, 1, weapon="mortar", bearing="NE", distance_min_km=1.0, time_relative="seconds later", warnings=[])]),
    ("At 22:50, the SMM heard a single explosion assessed as an impact of a 152mm artillery round about 4km west of "
     "Krasnohorivka.",
     [rec(IMP, 1, weapon="artillery", calibre_mm=152, event_place="Krasnohorivka", event_relation="offset",
          time_start="03 22:50", warnings=[])]),
    ("Between 01:05 and 01:35 on 4 June, the SMM camera in Zolote recorded 16 tracer rounds in flight from west to "
     "east, nine from east to west and two undetermined explosions, all 3-5km north-north-west.",
     [rec(PIF, 16, flight_direction="W to E", observer_place="Zolote", bearing="NNW", distance_min_km=3.0,
          time_start="04 01:05", time_end="04 01:35", warnings=[]),
      rec(PIF, 9, flight_direction="E to W", bearing="NNW", warnings=[]),
      rec(UND, 2, bearing="NNW", distance_max_km=5.0, warnings=[])]),
    ("The SMM heard at least 60 shots of automatic grenade launcher (AGS-17) fire and several explosions assessed as "
     "impacts of infantry fighting vehicle cannon rounds, all 1-2km south-east.",
     [rec("shot", 60, count_qualifier="at least", weapon="automatic_grenade_launcher", bearing="SE",
          distance_min_km=1.0, warnings=[]),
      rec(IMP, None, count_qualifier="several", weapon="ifv", bearing="SE", distance_max_km=2.0, warnings=[])]),
    ("Between 04:00 and 05:30, the SMM heard thirty-two explosions assessed as outgoing rounds and about forty "
     "assessed as impacts, all 7-10km south-west.",
     [rec(OUT, 32, bearing="SW", distance_min_km=7.0, distance_max_km=10.0, time_start="03 04:00",
          time_end="03 05:30", warnings=[]),
      rec(IMP, 40, count_qualifier="about", bearing="SW", warnings=[])]),
    ("On the evening of 2 June, at 20:45, the SMM heard five explosions assessed as outgoing mortar rounds 3km "
     "south-south-west.",
     [rec(OUT, 5, weapon="mortar", bearing="SSW", distance_min_km=3.0, time_start="02 20:45", warnings=[])]),
    ("The SMM heard sporadic exchanges of small-arms fire 3-5km south-west throughout the afternoon.",
     [other(None, weapon="small_arms", bearing="SW", distance_min_km=3.0, distance_max_km=5.0,
            time_of_day="throughout the afternoon", warnings=[])]),
    ("At 09:30, while on the road between Vesela Hora and Shchastia, the SMM heard 11 bursts of heavy-machine-gun "
     "fire and four undetermined explosions, all about 5km east.",
     [rec("burst", 11, weapon="heavy_machine_gun", bearing="E", distance_min_km=5.0, distance_max_km=5.0,
          time_start="03 09:30", warnings=[]),
      rec(UND, 4, bearing="E", distance_min_km=5.0, time_start="03 09:30", warnings=[])]),
]

# written with HELD_OUT_3, measured once on main before any change for it
HELD_OUT_4: list[tuple[str, list[dict[str, Any]]]] = [
    ("UNMOGIP military observers heard six explosions assessed as artillery fire to the north-west of their position.",
     [rec(UND, 6, weapon="artillery", bearing="NW", warnings=[])]),
    ("UNDOF personnel observed two mortar rounds impacting in the area of separation, approximately 1.5km south-east "
     "of their position.",
     [rec(IMP, 2, weapon="mortar", bearing="SE", distance_min_km=1.5, distance_max_km=1.5, warnings=[])]),
    ("At about 02:30, EUMM monitors heard four gunshots from a south-westerly direction.",
     [rec("shot", 4, weapon="small_arms", bearing="SW", time_start="03 02:30", warnings=[])]),
    ("At 14:35, the SMM observed a drone flying from east to west over Zolote.",
     [other(1, sighting="uav", flight_direction="E to W", event_place="Zolote", time_start="03 14:35", warnings=[])]),
    ("Positioned in Shchastia, the SMM heard an unmanned aerial vehicle (UAV) flying overhead and, five minutes later, "
     "an undetermined explosion 1km north.",
     [other(1, sighting="uav", observer_place="Shchastia", warnings=[]),
      rec(UND, 1, observer_place="Shchastia", bearing="N", distance_min_km=1.0, time_relative="five minutes later",
          warnings=[])]),
    ("The SMM saw about a dozen unexploded 82mm mortar rounds lying by the side of the road between Pikuzy and "
     "Shyrokyne.",
     [other(12, count_qualifier="about", sighting="uxo", weapon="mortar", calibre_mm=82, warnings=[])]),
    ("The SMM saw a tank (T-64) firing two rounds in an easterly direction from a position about 1km south of Shumy.",
     [rec(OUT, 2, weapon="tank", flight_direction="to E", event_place="Shumy", warnings=[])]),
    ("The SMM heard 18 undetermined explosions 4-6km N-NNE and six 2km WNW.",
     [rec(UND, 18, bearing="N..NNE", bearing_min_deg=348.75, bearing_max_deg=33.75, distance_min_km=4.0,
          distance_max_km=6.0, warnings=[]),
      rec(UND, 6, bearing="WNW", distance_min_km=2.0, distance_max_km=2.0, warnings=[])]),
    ("The SMM heard three bursts of heavy-machine-gun fire 800m-1km south-south-east.",
     [rec("burst", 3, weapon="heavy_machine_gun", bearing="SSE", distance_min_km=0.8, distance_max_km=1.0,
          warnings=[])]),
    ("Positioned 4km north-north-west of Mariupol, the SMM heard seven explosions assessed as impacts of 120mm mortar "
     "rounds some 6-7km east.",
     [rec(IMP, 7, weapon="mortar", calibre_mm=120, observer_place="Mariupol", observer_offset="4 km NNW",
          bearing="E", distance_min_km=6.0, distance_max_km=7.0, warnings=[])]),
    ("In the early hours of 4 June, at 02:17, the SMM camera in Shchastia recorded an explosion assessed as an "
     "airburst 3km south.",
     [rec("airburst", 1, observer_place="Shchastia", bearing="S", distance_min_km=3.0, time_start="04 02:17",
          warnings=[])]),
    ("The SMM heard a total of 45 explosions assessed as outgoing rounds of a self-propelled howitzer (2S1 Gvozdika, "
     "122mm) 5-8km west-south-west.",
     [rec(OUT, 45, weapon="artillery", calibre_mm=122, bearing="WSW", distance_min_km=5.0, distance_max_km=8.0,
          warnings=[])]),
    ("The SMM saw for the first time 32 anti-tank mines (TM-62M) laid in three rows across a dirt road about 2km "
     "north-east of Novotoshkivske.",
     [other(32, sighting="mine", event_place="Novotoshkivske", warnings=[])]),
    ("In a residential area of Avdiivka, the SMM saw an unexploded rocket-propelled grenade (RPG-7) lodged in a wall.",
     [other(1, sighting="uxo", weapon="grenade_launcher", warnings=[])]),
    ("The SMM heard, from 20:14 to 20:40, 17 explosions and about 120 bursts and shots, all 2-4km south-west of its "
     "position in Marinka.",
     [rec(UND, 17, observer_place="Marinka", bearing="SW", distance_min_km=2.0, distance_max_km=4.0,
          time_start="03 20:14", time_end="03 20:40", warnings=[]),
      rec("burst", 120, count_qualifier="about", combined_kinds=["burst", "shot"], observer_place="Marinka",
          bearing="SW", time_end="03 20:40", warnings=[])]),
    ("Positioned near Novoluhanske, the SMM heard one loud explosion 8-10km south-south-west, assessed as an impact of "
     "an MLRS rocket.",
     [rec(IMP, 1, weapon="mlrs", observer_place="Novoluhanske", bearing="SSW", distance_min_km=8.0,
          distance_max_km=10.0, warnings=[])]),
    ("On 4 June at 06:30, the SMM saw an infantry fighting vehicle (BMP-2) moving west near Toshkivka.",
     [other(1, sighting="weapon", weapon="ifv", event_place="Toshkivka", time_start="04 06:30", warnings=[])]),
    ("At 12:10, the SMM heard the launch of an anti-tank guided missile, followed by its impact about 3km "
     "north-north-east.",
     [rec(OUT, 1, weapon="atgm", time_start="03 12:10", warnings=[]),
      rec(IMP, 1, weapon="atgm", bearing="NNE", distance_min_km=3.0, warnings=[])]),
    ("The SMM heard 9 explosions to the east and south-east and some 30 shots to the south, all at distances of 1-3km.",
     [rec(UND, 9, bearing="E..SE", bearing_min_deg=78.75, bearing_max_deg=146.25, distance_min_km=1.0,
          distance_max_km=3.0, warnings=[]),
      rec("shot", 30, count_qualifier="about", bearing="S", distance_min_km=1.0, distance_max_km=3.0, warnings=[])]),
    ("Overnight on 3-4 June, the SMM camera in Popasna recorded seven projectiles in flight in a north-westerly "
     "direction about 7km south-south-west.",
     [rec(PIF, 7, flight_direction="to NW", observer_place="Popasna", bearing="SSW", distance_min_km=7.0,
          time_start="03 12:00", time_end="04 12:00", warnings=[])]),
    ("The SMM heard and saw an exchange of fire involving infantry fighting vehicle (BMP-1) cannon, heavy-machine-gun "
     "and small-arms fire 1.5-2km north.",
     [other(None, weapon="ifv", other_weapons=["heavy_machine_gun", "small_arms"], bearing="N", distance_min_km=1.5,
            distance_max_km=2.0, warnings=[])]),
    ("The patrol heard intermittent heavy machine-gun fire about 2km to the north-east from 17:45 until 18:20.",
     [other(None, weapon="heavy_machine_gun", bearing="NE", distance_min_km=2.0, time_start="03 17:45",
            time_end="03 18:20", warnings=[])]),
    ("EUMM observed a Russian military helicopter flying along the Administrative Boundary Line from west to east.",
     [other(1, sighting="aircraft", flight_direction="W to E", warnings=[])]),
    ("At 19:45, positioned in Stanytsia Luhanska, the SMM heard three undetermined explosions 5-7km N-NE.",
     # written as N..NE; corrected after the run to the reading an older test fixed (the point NNE); patrol14 reads
     # it as first written, the sector N..NE that holds the point too, with a warning
     [rec(UND, 3, observer_place="Stanytsia Luhanska", bearing="N..NE", bearing_min_deg=348.75, bearing_max_deg=56.25,
          distance_min_km=5.0, distance_max_km=7.0, time_start="03 19:45",
          warnings=["'N-NE' read as the sector N..NE (it may mean the point NNE)"])]),
    ("The SMM saw a freshly damaged residential building at 12 Kosmonavtiv Street in Avdiivka, assessed as having been "
     "hit by a 122mm artillery round.",
     [other(1, sighting="damage", weapon="artillery", calibre_mm=122, address="12 Kosmonavtiv Street", warnings=[])]),
]

# written after the fixes for the two sets above, to check that each reading is general, not the one sentence's
VARIANTS: list[tuple[str, list[dict[str, Any]]]] = [
    ("The SMM heard two undetermined explosions 3km SSW/S and five 2km ESE-E.",
     [rec(UND, 2, bearing="S..SSW", bearing_min_deg=168.75, bearing_max_deg=213.75, distance_min_km=3.0, warnings=[]),
      rec(UND, 5, bearing="E..ESE", bearing_min_deg=78.75, bearing_max_deg=123.75, distance_min_km=2.0, warnings=[])]),
    ("The SMM heard 12 explosions 4-6km WNW-NW.",
     [rec(UND, 12, bearing="WNW..NW", bearing_min_deg=281.25, bearing_max_deg=326.25, warnings=[])]),
    ("The SMM heard 12 explosions 4-6km E-SE.",  # patrol14: the sector E..SE (holds the point ESE too), warned
     [rec(UND, 12, bearing="E..SE", bearing_min_deg=78.75, bearing_max_deg=146.25,
          warnings=["'E-SE' read as the sector E..SE (it may mean the point ESE)"])]),
    ("The SMM heard three bursts between 800m and 1.2km south.",
     [rec("burst", 3, bearing="S", distance_min_km=0.8, distance_max_km=1.2, warnings=[])]),
    ("The SMM heard 20 explosions 3km-5km north-east.",
     [rec(UND, 20, bearing="NE", distance_min_km=3.0, distance_max_km=5.0, warnings=[])]),
    ("At 10:00, the SMM heard an explosion and, around two minutes later, a burst of small-arms fire 1km east.",
     [rec(UND, 1, time_start="03 10:00", warnings=[]),
      rec("burst", 1, weapon="small_arms", time_relative="around two minutes later", bearing="E", warnings=[])]),
    ("Still positioned at the same location, it heard two shots 500m west.",  # no position before: warned, not guessed
     [rec("shot", 2, observer_place=None, bearing="W",
          warnings=["'the same position' follows no position: observer position left empty"])]),
    ("The SMM heard 20 explosions assessed as impacts and at least 15 assessed as outgoing rounds 5-7km south.",
     [rec(IMP, 20, bearing="S", warnings=[]), rec(OUT, 15, count_qualifier="at least", bearing="S", warnings=[])]),
    ("The SMM heard 7 explosions 2-3km east and four 5km south-east.",
     [rec(UND, 7, bearing="E", distance_min_km=2.0, distance_max_km=3.0, warnings=[]),
      rec(UND, 4, bearing="SE", distance_min_km=5.0, distance_max_km=5.0, warnings=[])]),
    ("The SMM heard six explosions, four 2km south-east and two 3km east.",  # a breakdown by place, as before
     [rec(UND, 4, breakdown_of=6, bearing="SE", warnings=[]), rec(UND, 2, breakdown_of=6, bearing="E", warnings=[])]),
    ("The SMM saw an unexploded 120mm mortar round in a field near Pikuzy.",
     [other(1, sighting="uxo", weapon="mortar", calibre_mm=120, event_place="Pikuzy", warnings=[])]),
    ("The SMM saw a drone flying north over Zolote.",
     [other(1, sighting="uav", flight_direction="to N", event_place="Zolote", warnings=[])]),
    ("The SMM saw two armoured personnel carriers (BTR-80) heading towards the east near Toshkivka.",
     [other(2, sighting="weapon", flight_direction="to E", event_place="Toshkivka", warnings=[])]),
    ("The SMM saw an infantry fighting vehicle (BMP-2) firing three rounds in a southerly direction.",
     [rec(OUT, 3, weapon="ifv", flight_direction="to S", warnings=[])]),
    ("The SMM heard the launch of two MLRS (BM-21 Grad) rockets 10km north.",
     [rec(OUT, 2, weapon="mlrs", bearing="N", warnings=[])]),
    ("The SMM heard an outgoing 120mm mortar round and, moments later, its impact 2km west.",
     [rec(OUT, 1, weapon="mortar", calibre_mm=120, warnings=[]),
      rec(IMP, 1, weapon="mortar", calibre_mm=120, bearing="W", time_relative="moments later", warnings=[])]),
    ("The SMM saw a recently damaged private house at 5 Myru Street in Zolote, assessed as having been hit by an 82mm "
     "mortar round.",
     [other(1, sighting="damage", weapon="mortar", calibre_mm=82, address="5 Myru Street", warnings=[])]),
    ("UNDOF observed one tank round impacting 3km north-east of observation post 73.",  # from the post, not the observer
     [rec(IMP, 1, weapon="tank", bearing=None, event_place="observation post 73", event_relation="offset",
          warnings=["place 'observation post 73' is not in the gazetteer: event location left empty"])]),
    ("The SMM saw a column of 14 civilian-type cars heading west near Olenivka.",
     [other(14, sighting="vehicle", flight_direction="to W", event_place="Olenivka", warnings=[])]),
    ("The SMM heard 4 shots 1km north and, shortly afterwards, two further shots 500m north-east.",
     [rec("shot", 4, bearing="N", warnings=[]), rec("shot", 2, bearing="NE", distance_max_km=0.5, warnings=[])]),
    ("Positioned between Zolote and Popasna, the SMM heard three explosions 2km south.",
     [rec(UND, 3, observer_place="Zolote and Popasna", observer_lat=pytest.approx(48.66, abs=0.01), bearing="S",
          warnings=[])]),
    ("Positioned between Zolote and Krymske, the SMM heard three explosions 2km south.",  # one end unknown: no position
     [rec(UND, 3, observer_place="Zolote and Krymske", observer_lat=None, bearing="S",
          warnings=["place 'Krymske' is not in the gazetteer: observer position left empty"])]),
]


# written after all the fixes above, measured once before any change for it: how the reader does on text it was not fixed for
HELD_OUT_5: list[tuple[str, list[dict[str, Any]]]] = [
    ("At 20:17 and 20:19, the SMM camera in Stanytsia Luhanska recorded two projectiles in flight from NNW to SSE, "
     "2-3km W.",
     [rec(PIF, 2, flight_direction="NNW to SSE", observer_place="Stanytsia Luhanska", bearing="W", distance_min_km=2.0,
          distance_max_km=3.0, time_start="03 20:17", warnings=[])]),
    ("The SMM heard about ten explosions of undetermined weapons 5-6km S-SSE between 06:05 and 06:40.",
     [rec(UND, 10, count_qualifier="about", bearing="SSE..S", bearing_min_deg=146.25, bearing_max_deg=191.25,
          distance_min_km=5.0, distance_max_km=6.0, time_start="03 06:05", time_end="03 06:40", warnings=[])]),
    ("Positioned 1km east of Pisky, the SMM heard three bursts of infantry fighting vehicle (BMP-2) cannon fire, followed "
     "by five undetermined explosions, all 1.5-2km north-east.",
     [rec("burst", 3, weapon="ifv", observer_place="Pisky", observer_offset="1 km E", bearing="NE", distance_min_km=1.5,
          distance_max_km=2.0, warnings=[]),
      rec(UND, 5, observer_place="Pisky", bearing="NE", distance_min_km=1.5, distance_max_km=2.0, warnings=[])]),
    ("In the afternoon of 4 June, the SMM heard about 15 explosions assessed as outgoing artillery rounds (152mm) 7-9km "
     "west-south-west of its position in Svitlodarsk.",
     [rec(OUT, 15, count_qualifier="about", weapon="artillery", calibre_mm=152, observer_place="Svitlodarsk",
          bearing="WSW", distance_min_km=7.0, distance_max_km=9.0, time_start="04 12:00", time_end="04 18:00",
          warnings=[])]),
    ("The SMM heard a single shot of a large-calibre weapon about 300m to the south-west at 14:52.",
     [rec("shot", 1, bearing="SW", distance_min_km=0.3, distance_max_km=0.3, time_start="03 14:52", warnings=[])]),
    ("UNDOF observed one tank round impacting 3km north-east of observation post 73.",
     [rec(IMP, 1, weapon="tank")]),
    ("UNMOGIP observers heard approximately 200 rounds of automatic weapons fire from the north between 22:00 and 23:30.",
     [rec("shot", 200, count_qualifier="about", weapon="small_arms", bearing="N", time_start="03 22:00",
          time_end="03 23:30", warnings=[])]),
    ("The SMM saw a column of six military-type trucks moving east near Olenivka.",
     [other(6, sighting="vehicle", flight_direction="to E", event_place="Olenivka", warnings=[])]),
    ("The SMM heard twenty-odd explosions 4km SSE.",
     [rec(UND, 20, count_qualifier="about", bearing="SSE", distance_min_km=4.0, warnings=[])]),
    ("At about 01:50, the SMM camera at the Donetsk Filter Station recorded a projectile in flight from south-east to "
     "north-west, followed by an airburst, both about 1km north-east.",
     [rec(PIF, 1, flight_direction="SE to NW", observer_place="Donetsk Filter Station", bearing="NE",
          distance_min_km=1.0, time_start="03 01:50", warnings=[]),
      rec("airburst", 1, bearing="NE", distance_min_km=1.0, warnings=[])]),
    ("The SMM heard and saw 12 explosions assessed as impacts of 82mm mortar rounds within 500m of its position.",
     [rec(IMP, 12, weapon="mortar", calibre_mm=82, bearing=None, distance_min_km=0.0, distance_max_km=0.5, warnings=[])]),
    ("Later, in Avdiivka, the SMM heard intermittent exchanges of heavy-machine-gun fire 1-2km ENE-E.",
     [other(None, weapon="heavy_machine_gun", observer_place="Avdiivka", bearing="ENE..E", bearing_min_deg=56.25,
            bearing_max_deg=101.25, distance_min_km=1.0, distance_max_km=2.0, warnings=[])]),
    ("The SMM saw a fresh crater about 20m from a residential house in Zaitseve, assessed as caused by an 82mm mortar "
     "round fired from an east-south-easterly direction.",
     [other(1, weapon="mortar", calibre_mm=82, fired_from="ESE", warnings=[])]),
    ("The SMM heard three explosions assessed as outgoing tank rounds and, seconds later, their impacts 3-4km "
     "north-west.",
     [rec(OUT, 3, weapon="tank", warnings=[]),
      rec(IMP, 3, weapon="tank", bearing="NW", distance_min_km=3.0, distance_max_km=4.0, time_relative="seconds later",
          warnings=[])]),
    ("The SMM saw a UAV hovering above the checkpoint near Mariupol for about ten minutes.",
     [other(1, sighting="uav", event_place="Mariupol", warnings=[])]),
    ("On 3 June, between 11:00 and 11:20, positioned on the northern edge of Horlivka, the SMM heard 8 undetermined "
     "explosions 3-5km W-WNW.",
     [rec(UND, 8, observer_place="Horlivka", bearing="W..WNW", bearing_min_deg=258.75, bearing_max_deg=303.75,
          distance_min_km=3.0, distance_max_km=5.0, time_start="03 11:00", time_end="03 11:20", warnings=[])]),
    ("The SMM heard 35 explosions, 20 of which were assessed as outgoing rounds, about 8km south.",
     [rec(OUT, 20, breakdown_of=35, bearing="S", distance_min_km=8.0, warnings=[]),
      rec(UND, 15, breakdown_of=35, bearing="S", distance_min_km=8.0, warnings=[])]),
    ("Between 18:40 and 19:15 the SMM recorded 18 undetermined explosions, 40 projectiles in flight (all from west to "
     "east) and about 150 bursts and shots, all 3-6km north-east.",
     [rec(UND, 18, bearing="NE", distance_min_km=3.0, distance_max_km=6.0, time_start="03 18:40", time_end="03 19:15",
          warnings=[]),
      rec(PIF, 40, flight_direction="W to E", bearing="NE", warnings=[]),
      rec("burst", 150, count_qualifier="about", combined_kinds=["burst", "shot"], bearing="NE", warnings=[])]),
    ("The SMM heard 2 explosions 2km north-west and, about 30 minutes later, 3 more 1km west.",
     [rec(UND, 2, bearing="NW", distance_min_km=2.0, warnings=[]),
      rec(UND, 3, bearing="W", distance_min_km=1.0, time_relative="about 30 minutes later", warnings=[])]),
    ("UN military observers reported hearing sustained heavy machine-gun fire about 4 kilometres to the south-west.",
     [other(None, weapon="heavy_machine_gun", bearing="SW", distance_min_km=4.0, distance_max_km=4.0, warnings=[])]),
]

@pytest.mark.parametrize(("sentence", "expected"), HELD_OUT_3, ids=[case[0][:70] for case in HELD_OUT_3])
def test_session12_held_out_3(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), HELD_OUT_4, ids=[case[0][:70] for case in HELD_OUT_4])
def test_session12_held_out_4(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), HELD_OUT_5, ids=[case[0][:70] for case in HELD_OUT_5])
def test_session12_held_out_5(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), VARIANTS, ids=[case[0][:70] for case in VARIANTS])
def test_session12_variant(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


def test_a_two_sector_bearing_is_not_a_flight_direction_nor_opposite_points() -> None:
    (record,) = parse("The SMM saw 4 projectiles in flight W-to-E 2km north.")
    assert (record["flight_direction"], record["bearing"]) == ("W to E", "N")
    (record,) = parse("The SMM heard 3 explosions 2km E-W.")  # opposite points are no sector: not read as one
    assert record["bearing"] != "E..W"
