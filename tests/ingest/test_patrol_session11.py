"""Session 11: sentences written anew in the style monitoring missions used (OSCE SMM daily and spot reports
2014-2022, and the wording of other missions: EUMM Georgia, UNDOF, UNMOGIP, the JCCC), with the structured values
each must give, written by hand before the parser was run on them. Each sentence is parsed on its own with
--date 2017-06-03; times are "DD HH:MM" UTC. Damage (craters, shrapnel, broken windows), mines and weapons seen
are never fire; a total and its breakdown are never both counted.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.test_patrol_osce_style import check_records
from tests.ingest.test_patrol_session10 import IMP, OUT, SUMMARY, UND, parse, rec  # same date and helpers


def other(count: int | None = None, **fields: Any) -> dict[str, Any]:
    return rec("other", count, **fields)


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- regional summaries (2017-2021)
    ("In Donetsk region, the SMM recorded 240 ceasefire violations, including 97 explosions.",
     [rec(UND, 97, region="Donetsk", ceasefire_violations=240, warnings=[SUMMARY])]),
    ("In Luhansk region, the SMM recorded 58 ceasefire violations, including 11 explosions, compared with 37 ceasefire "
     "violations, including one explosion, in the previous reporting period.",
     [rec(UND, 11, region="Luhansk", ceasefire_violations=58, warnings=[SUMMARY])]),
    ("In Donetsk region, between the evenings of 14 and 15 May, the SMM recorded 1,158 ceasefire violations, including "
     "416 explosions.",
     [rec(UND, 416, region="Donetsk", ceasefire_violations=1158, time_start="14 18:00", time_end="15 21:00",
          warnings=[SUMMARY])]),
    ("The SMM recorded no ceasefire violations in Luhansk region.",
     [other(0, region="Luhansk")]),
    ("In Luhansk region, the SMM recorded 20 ceasefire violations, all bursts and shots of small-arms fire.",
     [rec("burst", 20, combined_kinds=["burst", "shot"], weapon="small_arms", region="Luhansk",
          ceasefire_violations=20, warnings=[SUMMARY])]),
    ("Most of the ceasefire violations were recorded in areas north-east of Horlivka.",
     [other(None, violations_share="most", violations_areas=["NE of Horlivka"], warnings=[SUMMARY])]),
    # --- camera sequences and night-time reports
    ("Between 19:25 and 22:10 on 15 May, the SMM camera at the entry-exit checkpoint near Stanytsia Luhanska recorded "
     "six projectiles in flight from south to north 2-4km south-west.",
     [rec("projectile_in_flight", 6, flight_direction="S to N", bearing="SW", distance_min_km=2.0, distance_max_km=4.0,
          time_start="15 19:25", time_end="15 22:10", warnings=[])]),
    ("On the night of 15-16 May, the SMM camera in Shchastia recorded 12 undetermined explosions and 40 projectiles "
     "in flight from east to west, all 4-6km south-east.",
     [rec(UND, 12, bearing="SE", distance_min_km=4.0, distance_max_km=6.0, observer_place="Shchastia", warnings=[]),
      rec("projectile_in_flight", 40, flight_direction="E to W", bearing="SE", warnings=[])]),
    ("Overnight on 15-16 May, the SMM camera at the Donetsk Filter Station recorded nine airbursts and two projectiles "
     "in vertical flight 3-5km east-north-east.",
     [rec("airburst", 9, bearing="ENE", warnings=[]),
      rec("projectile_in_flight", 2, flight_direction="vertical", bearing="ENE", warnings=[])]),
    ("At 23:41, the SMM camera in Svitlodarsk recorded a muzzle flash 4-5km south-south-east.",
     [other(1, bearing="SSE", distance_min_km=4.0, time_start="03 23:41", warnings=[])]),
    ("At 01:14 on 16 May, the SMM camera in Avdiivka recorded an illumination flare in flight from west to east "
     "3-5km east.",
     [rec("flare", 1, flight_direction="W to E", bearing="E", time_start="16 01:14", warnings=[])]),
    ("During the night, the SMM camera in Chermalyk recorded tracer fire from west to east 5-7km north-east.",
     [rec("projectile_in_flight", None, flight_direction="W to E", bearing="NE", time_of_day="during the night",
          warnings=[])]),
    # --- positioned, while in, from its position
    ("While in Horlivka, the SMM heard 26 undetermined explosions at an estimated 3-5km west.",
     [rec(UND, 26, observer_place="Horlivka", bearing="W", distance_min_km=3.0, distance_max_km=5.0, warnings=[])]),
    ("While in Yasynuvata, between 09:12 and 10:40, the SMM heard about 40 explosions and more than 100 bursts and "
     "shots of heavy-machine-gun and small-arms fire, all 3-5km south-west.",
     [rec(UND, 40, count_qualifier="about", observer_place="Yasynuvata", bearing="SW", time_start="03 09:12",
          warnings=[]),
      rec("burst", 100, count_qualifier="more than", combined_kinds=["burst", "shot"], weapon="heavy_machine_gun",
          other_weapons=["small_arms"], bearing="SW", time_end="03 10:40", warnings=[])]),
    ("Positioned on the southern edge of Avdiivka, the SMM heard dozens of explosions 2-4km east.",
     [rec(UND, None, count_qualifier="dozens of", observer_place="Avdiivka", bearing="E", warnings=[])]),
    ("Positioned near the railway station in Yasynuvata, the SMM heard at least 12 undetermined explosions 4-6km "
     "west-south-west.",
     [rec(UND, 12, count_qualifier="at least", observer_place="Yasynuvata", bearing="WSW", warnings=[])]),
    ("From its position about 1.5km north-east of Svitlodarsk, the SMM heard five explosions assessed as outgoing "
     "artillery rounds 7-9km south-east.",
     [rec(OUT, 5, weapon="artillery", observer_offset="1.5 km NE", observer_place="Svitlodarsk", bearing="SE",
          warnings=[])]),
    ("Positioned in Toretsk, the SMM heard 14 explosions, of which four were assessed as impacts and ten as outgoing "
     "rounds, 5-7km south-east.",
     [rec(IMP, 4, breakdown_of=14, bearing="SE", warnings=[]), rec(OUT, 10, breakdown_of=14, bearing="SE", warnings=[])]),
    ("Positioned 3km north of Popasna, the SMM heard, in a one-hour period, a total of 34 explosions 4-6km south.",
     [rec(UND, 34, observer_offset="3 km N", bearing="S", duration="one-hour", warnings=[])]),
    # --- assessments with calibres and weapons
    ("The SMM heard three explosions assessed as caused by artillery (122mm) 8-10km south-west.",
     [rec(UND, 3, weapon="artillery", calibre_mm=122, bearing="SW", warnings=[])]),
    ("The SMM heard two explosions assessed as impacts of 152mm artillery rounds 5km north-east.",
     [rec(IMP, 2, weapon="artillery", calibre_mm=152, bearing="NE", warnings=[])]),
    ("The SMM saw two projectiles in flight from west to east, assessed as outgoing rounds of infantry fighting "
     "vehicle (BMP-1) cannon, 1-2km north.",
     [rec("projectile_in_flight", 2, flight_direction="W to E", weapon="ifv", bearing="N", warnings=[])]),
    ("The SMM heard four explosions assessed as outgoing rounds of an anti-tank guided missile 3km south.",
     [rec(OUT, 4, weapon="atgm", bearing="S", warnings=[])]),
    ("The SMM heard 11 explosions assessed as outgoing MLRS (BM-21 Grad, 122mm) rockets 15-20km north-west.",
     [rec(OUT, 11, weapon="mlrs", calibre_mm=122, bearing="NW", warnings=[])]),
    ("The SMM heard an explosion assessed as an impact of an unidentified weapon 2km south-east.",
     [rec(IMP, 1, weapon=None, bearing="SE", warnings=[])]),
    ("The SMM heard 12 shots of a sniper rifle 500m west.",
     [rec("shot", 12, weapon="small_arms", bearing="W", distance_max_km=0.5, warnings=[])]),
    ("The SMM heard seven explosions assessed as rounds of a rocket-propelled grenade launcher 1km east.",
     [rec(UND, 7, weapon="grenade_launcher", bearing="E", warnings=[])]),
    ("The SMM heard about 30 shots of large-calibre machine-gun fire 2km south.",
     [rec("shot", 30, count_qualifier="about", weapon="heavy_machine_gun", bearing="S", warnings=[])]),
    ("The SMM heard a burst of anti-aircraft-gun (ZU-23) fire and three bursts of automatic grenade launcher fire "
     "1-2km north-west.",
     [rec("burst", 1, weapon="anti_aircraft_gun", bearing="NW", warnings=[]),
      rec("burst", 3, weapon="automatic_grenade_launcher", bearing="NW", warnings=[])]),
    ("The SMM heard five explosions assessed as outgoing tank rounds 3-4km north-north-east.",
     [rec(OUT, 5, weapon="tank", bearing="NNE", warnings=[])]),
    ("The SMM heard 16 undetermined explosions and, ten minutes later, an explosion assessed as an outgoing round "
     "of a recoilless gun (SPG-9), all 2-3km east.",
     [rec(UND, 16, bearing="E", warnings=[]),
      rec(OUT, 1, weapon="recoilless_gun", time_relative="ten minutes later", bearing="E", warnings=[])]),
    # --- counts written many ways
    ("The SMM heard more than 100 explosions 10-15km north.",
     [rec(UND, 100, count_qualifier="more than", bearing="N", warnings=[])]),
    ("The SMM heard a series of explosions and numerous bursts of small-arms fire 3km south-east.",
     [rec(UND, None, count_qualifier="a series of", bearing="SE", warnings=[]),
      rec("burst", None, weapon="small_arms", bearing="SE", warnings=[])]),
    ("The SMM heard approximately 70 undetermined explosions 6-8km west.",
     [rec(UND, 70, count_qualifier="about", bearing="W", warnings=[])]),  # normalised, as documented
    ("The SMM heard between 15 and 20 explosions 4km east.",
     [rec(UND, 20, count_min=15, bearing="E", warnings=[])]),
    ("The SMM heard hundreds of bursts and shots of small-arms fire 1-2km south.",
     [rec("burst", None, count_qualifier="hundreds of", combined_kinds=["burst", "shot"], weapon="small_arms",
          bearing="S", warnings=[])]),
    ("The SMM heard a total of 27 explosions (19 impacts and eight outgoing rounds) 3-5km north-west.",
     [rec(IMP, 19, breakdown_of=27, bearing="NW", warnings=[]), rec(OUT, 8, breakdown_of=27, bearing="NW", warnings=[])]),
    ("The SMM heard 32 explosions, including 12 assessed as outgoing artillery rounds, 5-7km south-east.",
     [rec(OUT, 12, breakdown_of=32, weapon="artillery", bearing="SE", warnings=[]),
      rec(UND, 20, breakdown_of=32, bearing="SE", warnings=[])]),
    ("The SMM heard several dozen explosions 8km north.",
     [rec(UND, None, count_qualifier="several dozen", bearing="N", warnings=[])]),
    ("The SMM heard over 300 bursts of heavy-machine-gun fire 3-4km east.",
     [rec("burst", 300, count_qualifier="more than", weapon="heavy_machine_gun", bearing="E", warnings=[])]),
    ("The SMM heard sporadic small-arms fire 1km north-west.",
     [other(None, weapon="small_arms", bearing="NW", warnings=[])]),
    ("The SMM heard intense shelling 10km south.",
     [rec(UND, None, bearing="S", warnings=[])]),
    ("The SMM heard continuous shelling in the direction of Pisky.",
     [rec(UND, None, toward_place="Pisky",  # no observer position: no bearing towards it
          warnings=["direction towards 'Pisky' not turned into a bearing: the observer position is unknown"])]),
    # --- fired from, hits, impacts
    ("The SMM heard six artillery rounds fired from west to east 3km north.",
     [rec(UND, 6, weapon="artillery", flight_direction="W to E", bearing="N", warnings=[])]),
    ("The SMM saw four mortar rounds hit a field 1km south of its position.",
     [rec(IMP, 4, weapon="mortar", bearing="S", distance_max_km=1.0, warnings=[])]),
    ("The SMM heard seven explosions assessed as impacts of mortar rounds fired from a westerly direction 800m "
     "north-east.",
     [rec(IMP, 7, weapon="mortar", fired_from="W", bearing="NE", distance_max_km=0.8, warnings=[])]),
    ("The SMM heard three impacts in Zaitseve.",
     [rec(IMP, 3, event_place="Zaitseve", event_relation="in", warnings=[])]),
    ("The SMM observed an explosion and smoke rising 2km south-west.",
     [rec(UND, 1, bearing="SW", warnings=[]), other(None, sighting="smoke", bearing="SW", warnings=[])]),
    # --- damage: not fire
    ("The SMM saw a fresh crater in a field about 200m south of the road between Marinka and Krasnohorivka.",
     [other(1, warnings=[])]),
    ("The SMM saw shrapnel damage to the façade of a residential building in Avdiivka.",
     [other(None, sighting="damage", warnings=[])]),
    ("The SMM saw broken windows and shrapnel damage to a house on Lenina Street in Zolote.",
     [other(None, sighting="damage", warnings=[])]),
    ("The SMM observed damage to a power line near Novoluhanske.",
     [other(None, sighting="damage", warnings=[])]),
    ("The SMM saw 11 fresh craters assessed as caused by 120mm mortar rounds near Hnutove.",
     [other(11, weapon="mortar", calibre_mm=120, event_place="Hnutove", warnings=[])]),
    ("The SMM assessed the crater as caused by a 122mm artillery round fired from a south-easterly direction.",
     [other(None, weapon="artillery", calibre_mm=122, fired_from="SE")]),
    ("The SMM saw a hole in the roof of a house, assessed as caused by an 82mm mortar round.",
     [other(1, sighting="damage", weapon="mortar", calibre_mm=82, warnings=[])]),  # one hole, as "a crater" is one
    # --- mines: not fire
    ("The SMM saw 20 anti-tank mines laid across the road about 1km north of Pikuzy.",
     [other(20, sighting="mine", warnings=[])]),
    ("The SMM saw a sign reading 'Danger mines' near Shchastia.",
     [other(None, sighting="mine", warnings=[])]),
    ("For the first time, the SMM saw about 40 anti-personnel mines (PMN-2) near Zolote.",
     [other(40, sighting="mine", count_qualifier="about", warnings=[])]),
    # --- weapons seen, withdrawal verification: not fire
    ("In violation of withdrawal lines, the SMM saw four tanks (T-64) near Donetsk Airport.",
     [other(4, sighting="weapon", weapon="tank", violation_of="withdrawal lines", warnings=[])]),
    ("Beyond withdrawal lines but outside designated storage sites, the SMM saw 12 towed howitzers (D-30, 122mm) "
     "near Olenivka.",
     [other(12, sighting="weapon", weapon="artillery", calibre_mm=122, warnings=[])]),
    ("The SMM saw three surface-to-air missile systems (9K35 Strela-10) near Kalmiuske.",
     [other(3, sighting="weapon", warnings=[])]),
    ("The SMM's long-range UAV spotted two self-propelled howitzers (2S1 Gvozdika, 122mm) near Horlivka.",
     [other(2, sighting="weapon", weapon="artillery", calibre_mm=122, warnings=[])]),
    # --- UAVs and aircraft
    ("The SMM's mini-UAV was fired upon with small-arms fire near Shyrokyne.",
     [other(None, weapon="small_arms", warnings=[])]),
    ("The SMM saw a UAV flying at an altitude of about 100m over Avdiivka.",
     [other(1, sighting="uav", warnings=[])]),
    ("The SMM heard a drone flying over its position in Zolote.",
     [other(1, sighting="uav", warnings=[])]),
    ("The SMM heard what it assessed as a UAV engine 500m south.",
     [other(1, sighting="uav", bearing="S", warnings=[])]),
    # --- times
    ("Between 21:05 and 21:30, the SMM heard 24 undetermined explosions 5km south.",
     [rec(UND, 24, time_start="03 21:05", time_end="03 21:30", bearing="S", warnings=[])]),
    ("At 12:53 and 13:07, the SMM heard an explosion assessed as an impact 4km south-west.",
     [rec(IMP, 1, bearing="SW", time_start="03 12:53", warnings=[])]),
    ("Between 14:15 and 14:45 on 2 June, while in Stanytsia Luhanska, the SMM heard ten bursts of small-arms fire "
     "about 1.5km south.",
     [rec("burst", 10, weapon="small_arms", time_start="02 14:15", time_end="02 14:45", bearing="S",
          distance_min_km=1.5, warnings=[])]),
    ("During the day on 2 June, the SMM recorded 31 explosions near Avdiivka.",
     [rec(UND, 31, time_start="02 00:00", time_end="03 00:00", event_place="Avdiivka", event_relation="near",
          warnings=[])]),
    ("In the early morning of 3 June, the SMM heard several explosions 5km north.",
     [rec(UND, None, count_qualifier="several", bearing="N", warnings=[])]),
    ("At about 20:40, the SMM heard about 15 explosions 6km north-east.",
     [rec(UND, 15, count_qualifier="about", time_start="03 20:40", bearing="NE", warnings=[])]),
    # --- 2014-2015 style
    ("At 14:20, the SMM monitoring team heard five explosions of outgoing artillery fire from a location "
     "approximately 2km north-west of its position.",
     [rec(OUT, 5, weapon="artillery", bearing="NW", distance_max_km=2.0, time_start="03 14:20", warnings=[])]),
    ("The SMM observed heavy shelling in the area of Donetsk Airport.",
     [rec(UND, None, event_place="Donetsk Airport", warnings=[])]),
    ("From its position in Donetsk city centre, the SMM heard 15 outgoing artillery rounds between 10:30 and 11:00.",
     [rec(OUT, 15, weapon="artillery", time_start="03 10:30", time_end="03 11:00", warnings=[])]),
    ("The SMM heard Grad rockets being fired 10km north-west of Mariupol.",
     [rec(OUT, None, weapon="mlrs", event_place="Mariupol", warnings=[])]),
    ("The SMM heard sporadic exchanges of artillery fire throughout the day.",
     [other(None, weapon="artillery", time_of_day="throughout the day", warnings=[])]),
    # --- other missions
    ("EUMM monitors patrolling near Odzisi heard three gunshots from the direction of the Administrative Boundary "
     "Line.",
     [rec("shot", 3, weapon="small_arms", warnings=["place 'Odzisi' is not in the gazetteer: observer position left empty"])]),
    ("A UNDOF patrol observed 14 mortar rounds impacting in the area of separation.",
     [rec(IMP, 14, weapon="mortar", warnings=[])]),
    ("UNMOGIP military observers heard 12 rounds of small-arms fire across the Line of Control.",
     [rec("shot", 12, weapon="small_arms", warnings=[])]),
    ("UN military observers at observation post 56 observed two air strikes 5km east.",
     [rec(IMP, 2, bearing="E", warnings=["place 'observation post 56' is not in the gazetteer: observer position left empty"])]),
    ("The JCCC reported that an 82mm mortar round had impacted in Zaitseve.",
     [rec(IMP, 1, weapon="mortar", calibre_mm=82, event_place="Zaitseve", reported_by="JCCC")]),
    ("Ukrainian Armed Forces officers of the JCCC told the SMM that 120mm mortar rounds had impacted near Luhanske.",
     [rec(IMP, None, weapon="mortar", calibre_mm=120, event_place="Luhanske", reported_by="JCCC")]),
    ("Residents told the SMM that they had heard shelling overnight.",
     [rec(UND, None, reported_by="residents", time_of_day="overnight")]),
    # --- breakdowns that are not double counted
    ("The SMM heard 45 explosions, 30 of which were assessed as outgoing artillery rounds and the rest as their "
     "impacts, 10-12km north-west.",
     [rec(OUT, 30, breakdown_of=45, weapon="artillery", bearing="NW", warnings=[]),
      rec(IMP, 15, breakdown_of=45, bearing="NW", warnings=[])]),
    ("The SMM recorded 62 explosions (28 undetermined, 19 impacts, 15 outgoing) 3-6km south.",
     [rec(UND, 28, breakdown_of=62, bearing="S", warnings=[]), rec(IMP, 19, breakdown_of=62, bearing="S", warnings=[]),
      rec(OUT, 15, breakdown_of=62, bearing="S", warnings=[])]),
    ("The SMM heard 20 explosions: 12 at 2-3km south and eight at 4-5km south-west.",
     [rec(UND, 12, breakdown_of=20, bearing="S", distance_min_km=2.0, warnings=[]),
      rec(UND, 8, breakdown_of=20, bearing="SW", distance_min_km=4.0, warnings=[])]),
]

#: Written after the fixes for CASES, to check that they generalise (their expectations written before running them).
LATER: list[tuple[str, list[dict[str, Any]]]] = [
    ("In Luhansk region, the SMM recorded 31 ceasefire violations, including three explosions, compared with 12 "
     "ceasefire violations, including no explosions, in the previous reporting period.",
     [rec(UND, 3, region="Luhansk", ceasefire_violations=31, warnings=[SUMMARY])]),
    ("On the evening of 20 June, positioned in Kadiivka, the SMM heard 17 undetermined explosions 5-7km west.",
     [rec(UND, 17, observer_place="Kadiivka", bearing="W", distance_min_km=5.0, warnings=[])]),
    ("While in Pervomaisk, the SMM heard three bursts of small-arms fire at an estimated 2-3km north-north-west.",
     [rec("burst", 3, weapon="small_arms", observer_place="Pervomaisk", bearing="NNW", distance_max_km=3.0, warnings=[])]),
    ("The SMM saw a projectile in flight from north-west to south-east, followed by its impact, about 4km south-west.",
     [rec("projectile_in_flight", 1, flight_direction="NW to SE", bearing="SW", warnings=[]),
      rec(IMP, 1, bearing="SW", warnings=[])]),
    ("The SMM heard about 25 explosions of undetermined weapons 6-8km south-east.",
     [rec(UND, 25, count_qualifier="about", weapon=None, bearing="SE", warnings=[])]),
    ("The SMM heard ten shots of infantry fighting vehicle (BMP-2) cannon 3km north.",
     [rec("shot", 10, weapon="ifv", bearing="N", warnings=[])]),
    ("The SMM saw four flashes and heard four explosions 7km north-east.",
     [other(4, bearing="NE", warnings=[]), rec(UND, 4, bearing="NE", warnings=[])]),
    ("The SMM camera in Marinka recorded two undetermined explosions 3-5km south-east at 03:42.",
     [rec(UND, 2, observer_place="Marinka", bearing="SE", time_start="03 03:42", warnings=[])]),
    ("The SMM saw fresh shrapnel damage to a fence at 27 Shkilna Street in Krasnohorivka.",
     [other(None, sighting="damage", address="27 Shkilna Street", event_place="Krasnohorivka", warnings=[])]),
    ("The SMM saw a burnt-out car with shrapnel damage near Avdiivka.",
     [other(None, sighting="damage", event_place="Avdiivka", warnings=[])]),
    ("The SMM saw damaged power lines near Hirske.",
     [other(None, sighting="damage", event_place="Hirske", warnings=[])]),
    ("The SMM saw the tail fin of an unexploded mortar round embedded in the asphalt near Zolote.",
     [other(None, sighting="uxo", weapon="mortar", event_place="Zolote", warnings=[])]),
    ("Between 13:30 and 13:45, the SMM heard about 20 bursts of heavy-machine-gun fire and two undetermined explosions "
     "2-3km south-east of its position in Zolote.",
     [rec("burst", 20, count_qualifier="about", weapon="heavy_machine_gun", bearing="SE", time_start="03 13:30",
          observer_place="Zolote", warnings=[]),
      rec(UND, 2, bearing="SE", distance_min_km=2.0, time_end="03 13:45", warnings=[])]),
    ("The SMM heard four explosions assessed as impacts of 82mm mortar rounds and about 15 bursts of small-arms fire "
     "1-1.5km north-west.",
     [rec(IMP, 4, weapon="mortar", calibre_mm=82, bearing="NW", warnings=[]),
      rec("burst", 15, count_qualifier="about", weapon="small_arms", bearing="NW", distance_max_km=1.5, warnings=[])]),
    ("At 19:55 on 20 June, the SMM heard an explosion assessed as an airburst 3km west.",
     [rec("airburst", 1, bearing="W", time_start="20 19:55", warnings=[])]),
    ("The SMM heard a total of 53 explosions, of which 18 were assessed as outgoing and 35 as impacts, all 4-7km north.",
     [rec(OUT, 18, breakdown_of=53, bearing="N", warnings=[]), rec(IMP, 35, breakdown_of=53, bearing="N", warnings=[])]),
    ("The SMM heard a loud explosion 10km north.",
     [rec(UND, 1, bearing="N", distance_min_km=10.0, warnings=[])]),
    ("The SMM's mini-UAV came under small-arms fire near Staromykhailivka.",
     [other(None, weapon="small_arms", target="SMM mini-UAV", warnings=[])]),
    ("An SMM patrol came under fire near Hnutove.",
     [other(None, target="SMM patrol", warnings=[])]),
    ("The SMM's long-range UAV spotted a convoy of 20 military trucks near Novoazovsk.",
     [other(20, sighting="vehicle", warnings=[])]),
    ("The SMM saw six armoured personnel carriers (BTR-80) near Kalmiuske.",
     [other(6, sighting="weapon", weapon="ifv", warnings=[])]),
    ("The SMM noted that 14 towed howitzers (2A65 Msta-B, 152mm) were missing from a permanent storage site.",
     [other(14, sighting="weapon", weapon="artillery", calibre_mm=152, warnings=[])]),
    ("The SMM heard 40 explosions assessed as artillery rounds (152mm) fired from the south-west 12-15km south.",
     [rec(UND, 40, weapon="artillery", calibre_mm=152, fired_from="SW", bearing="S", warnings=[])]),
    ("The SMM heard small-arms and automatic-grenade-launcher fire 1km east.",
     [other(None, weapon="small_arms", other_weapons=["automatic_grenade_launcher"], bearing="E", warnings=[])]),
    ("The SMM heard about 100 shots of small-arms fire within an hour 2km west.",
     [rec("shot", 100, count_qualifier="about", weapon="small_arms", duration="an hour", bearing="W", warnings=[])]),
    ("Positioned at a checkpoint of the Ukrainian Armed Forces near Maiorsk, the SMM heard seven explosions 3km east.",
     [rec(UND, 7, bearing="E", warnings=["place 'Maiorsk' is not in the gazetteer: observer position left empty"])]),
    ("EUMM monitors observed the installation of new fences along the Administrative Boundary Line near Khurvaleti.",
     [other(None)]),
    ("The SMM heard an exchange of fire, including about 30 bursts of heavy-machine-gun fire and three explosions, 4km "
     "north.",
     [rec("burst", 30, count_qualifier="about", weapon="heavy_machine_gun", bearing="N", warnings=[]),
      rec(UND, 3, bearing="N", warnings=[])]),
    ("The SMM heard 8 explosions (5 outgoing, 3 impacts) of 120mm mortar 2km south.",
     [rec(OUT, 5, weapon="mortar", calibre_mm=120, breakdown_of=8, bearing="S", warnings=[]),
      rec(IMP, 3, weapon="mortar", breakdown_of=8, bearing="S", warnings=[])]),
    ("During the night of 21-22 June, the SMM camera in Avdiivka recorded 14 projectiles in flight from east to west and "
     "an undetermined explosion, all 1-3km north-east.",
     [rec("projectile_in_flight", 14, flight_direction="E to W", bearing="NE", warnings=[]),
      rec(UND, 1, bearing="NE", warnings=[])]),
    ("In the evening, while positioned in Svitlodarsk, the SMM heard over 60 explosions at distances of 5-10km south-east.",
     [rec(UND, 60, count_qualifier="more than", observer_place="Svitlodarsk", bearing="SE", distance_min_km=5.0,
          distance_max_km=10.0, time_of_day="in the evening", warnings=[])]),
    ("UNDOF observed two mortar rounds impacting near observation post 52.",
     # a post is not in the bundled gazetteer (the expectation first said no warning; the honest reading warns)
     [rec(IMP, 2, weapon="mortar", event_place="observation post 52",
          warnings=["place 'observation post 52' is not in the gazetteer: event location left empty"])]),
]

#: A third set, written after the second round of fixes (expectations again written before running them).
LAST: list[tuple[str, list[dict[str, Any]]]] = [
    ("The SMM recorded a similar number of ceasefire violations in Luhansk region, including 15 explosions, compared "
     "with the previous reporting period.",
     [rec(UND, 15, region="Luhansk", ceasefire_violations_trend="a similar number of", warnings=[SUMMARY])]),
    ("Ceasefire violations recorded by the SMM in Donetsk region: 174 (including 55 explosions).",
     [rec(UND, 55, region="Donetsk", ceasefire_violations=174, warnings=[SUMMARY])]),
    ("Explosions: 55, projectiles in flight: 12, bursts and shots: 107.",
     [rec(UND, 55, warnings=[]), rec("projectile_in_flight", 12, warnings=[]),
      rec("burst", 107, combined_kinds=["burst", "shot"], warnings=[])]),
    ("On the evening of 14 May, positioned 1.5km north-west of Yasynuvata, the SMM heard 12 explosions, five of which "
     "were assessed as outgoing and seven as impacts, 3-4km south-east.",
     [rec(OUT, 5, breakdown_of=12, observer_offset="1.5 km NW", bearing="SE", warnings=[]),
      rec(IMP, 7, breakdown_of=12, bearing="SE", warnings=[])]),
    ("The SMM heard and saw five explosions assessed as impacts of tank rounds about 1km north of Vodiane.",
     [rec(IMP, 5, weapon="tank", event_place="Vodiane",
          warnings=["place 'Vodiane' is not in the gazetteer: event location left empty"])]),
    ("From 16:20 to 16:45, while in Novoluhanske, the SMM heard about 30 undetermined explosions and sporadic bursts of "
     "small-arms fire 4-6km south-west.",
     [rec(UND, 30, count_qualifier="about", observer_place="Novoluhanske", time_start="03 16:20", bearing="SW",
          warnings=[]),
      rec("burst", None, weapon="small_arms", bearing="SW", time_end="03 16:45", warnings=[])]),
    ("The SMM heard four explosions of undetermined origin, followed by about ten bursts of heavy-machine-gun fire, 2km "
     "north.",
     [rec(UND, 4, bearing="N", warnings=[]),
      rec("burst", 10, count_qualifier="about", weapon="heavy_machine_gun", bearing="N", warnings=[])]),
    ("The SMM heard three explosions, which it assessed as outgoing 82mm mortar rounds, 1.5-2km south-west.",
     [rec(OUT, 3, weapon="mortar", calibre_mm=82, bearing="SW", distance_min_km=1.5, warnings=[])]),
    ("At 11:50, the SMM observed a plume of smoke rising approximately 8km north-east of its position.",
     # one plume (the expectation first said no count; "a hole" and "a crater" count one, so does "a plume")
     [other(1, sighting="smoke", bearing="NE", distance_max_km=8.0, time_start="03 11:50", warnings=[])]),
    ("In the early evening, the SMM heard an exchange of fire, including small-arms fire and about 10 explosions, near "
     "the Donetsk Filter Station.",
     [other(None, weapon="small_arms", warnings=[]),
      rec(UND, 10, count_qualifier="about", event_place="Donetsk Filter Station", warnings=[])]),
    ("The SMM camera in Petrivske recorded 16 projectiles in flight from west to east.",
     [rec("projectile_in_flight", 16, flight_direction="W to E",
          warnings=["place 'Petrivske' is not in the gazetteer: observer position left empty"])]),
    ("Between 00:55 and 01:20 on 12 July, the SMM camera at the Oktiabr mine in Donetsk city recorded 21 undetermined "
     "explosions 2-4km north-west.",
     [rec(UND, 21, observer_place="Donetsk", bearing="NW", time_start="12 00:55", time_end="12 01:20", warnings=[])]),
    ("The SMM observed four main battle tanks (T-64) in a residential area of Avdiivka.",
     [other(4, sighting="weapon", weapon="tank", warnings=[])]),
    ("The SMM heard 18 undetermined explosions at distances of 5-8km in directions ranging from south to west.",
     [rec(UND, 18, bearing="S..W", distance_min_km=5.0, distance_max_km=8.0, warnings=[])]),
    ("The SMM heard, at 20:15, two loud explosions 15km east-north-east.",
     [rec(UND, 2, bearing="ENE", time_start="03 20:15", warnings=[])]),
    ("The SMM saw smoke rising from a burning house after it heard an explosion 500m east.",
     [other(None, sighting="smoke", bearing="E", warnings=[]), rec(UND, 1, bearing="E", warnings=[])]),
    ("The SMM followed up on reports of shelling in Zaitseve and saw a fresh crater near a house.",
     [other(1, warnings=[])]),
    ("According to the JCCC, 11 explosions were recorded near Horlivka.",
     [rec(UND, 11, reported_by="JCCC", event_place="Horlivka", warnings=[])]),
    ("Members of the armed formations told the SMM that the village had been shelled the previous night.",
     [rec(UND, None, reported_by="Members of the armed formations")]),
    ("Positioned in the centre of Horlivka, the SMM heard 40 undetermined explosions and 60 bursts of heavy-machine-gun "
     "fire 4-7km south-west, all assessed as part of an exchange of fire.",
     [rec(UND, 40, observer_place="Horlivka", bearing="SW", warnings=[]),
      rec("burst", 60, weapon="heavy_machine_gun", bearing="SW", warnings=[])]),
    ("The SMM's mini-UAV spotted four fresh craters and a destroyed house in Pikuzy.",
     [other(4, warnings=[]), other(1, sighting="damage", warnings=[])]),
    ("During the day, the SMM heard 12 explosions near Zolote-4.",
     [rec(UND, 12, event_place="Zolote-4", warnings=["place 'Zolote-4' is not in the gazetteer: event location left empty"])]),
    ("The SMM heard small-arms fire from the direction of Shyrokyne.",
     [other(None, weapon="small_arms", toward_place="Shyrokyne",
            warnings=["direction towards 'Shyrokyne' not turned into a bearing: the observer position is unknown"])]),
    ("Overnight, the SMM camera in Shyrokyne recorded no ceasefire violations.",
     [other(0, observer_place="Shyrokyne")]),
    ("The SMM heard 11 explosions and saw five projectiles in flight from east to west 3-5km north-east.",
     [rec(UND, 11, bearing="NE", warnings=[]),
      rec("projectile_in_flight", 5, flight_direction="E to W", bearing="NE", warnings=[])]),
    ("At 13:42, the SMM heard four explosions 3km south-east; at 13:55, it heard two more 3km south-east.",
     [rec(UND, 4, bearing="SE", time_start="03 13:42", warnings=[]),
      rec(UND, 2, bearing="SE", time_start="03 13:55", warnings=[])]),
]

#: A fourth set, written last and measured once before any change for it, as an estimate of how the reader does on
#: sentences it has not been fitted to (docs/ingest.md, "Session 11").
HELD_OUT: list[tuple[str, list[dict[str, Any]]]] = [
    ("On 2 June, the SMM recorded 112 ceasefire violations in Donetsk region, including 31 explosions, and 9 ceasefire "
     "violations in Luhansk region.",
     [rec(UND, 31, region="Donetsk", ceasefire_violations=112, warnings=[SUMMARY]),
      other(None, region="Luhansk", ceasefire_violations=9, warnings=[SUMMARY])]),
    ("Positioned on the north-eastern edge of Svitlodarsk, the SMM heard 14 undetermined explosions 5-7km south-east "
     "and south.",
     [rec(UND, 14, observer_place="Svitlodarsk", bearing="SE..S", distance_min_km=5.0, warnings=[])]),
    ("The SMM heard seven bursts of heavy-machine-gun fire, followed by an undetermined explosion, 1-2km north-west of "
     "its position.",
     [rec("burst", 7, weapon="heavy_machine_gun", bearing="NW", warnings=[]), rec(UND, 1, bearing="NW", warnings=[])]),
    ("The SMM saw three explosions assessed as impacts of 120mm mortar rounds in a field about 500m west of the "
     "checkpoint.",
     [rec(IMP, 3, weapon="mortar", calibre_mm=120, warnings=[])]),
    ("At 22:47, the SMM camera in Stanytsia Luhanska recorded an illumination flare in vertical flight 2-3km "
     "south-south-west.",
     [rec("flare", 1, flight_direction="vertical", bearing="SSW", time_start="03 22:47", warnings=[])]),
    ("The SMM heard about 20 undetermined explosions at a distance of 10-15km in a westerly direction.",
     [rec(UND, 20, count_qualifier="about", bearing="W", distance_min_km=10.0, distance_max_km=15.0, warnings=[])]),
    ("The SMM heard 6 explosions assessed as outgoing artillery rounds (152mm) and their 6 impacts, 12-15km north.",
     [rec(OUT, 6, weapon="artillery", calibre_mm=152, bearing="N", warnings=[]), rec(IMP, 6, bearing="N", warnings=[])]),
    ("Between 10:00 and 10:30, the SMM observed an armoured personnel carrier firing its cannon 1km east.",
     [other(None, weapon="ifv", bearing="E", time_start="03 10:00", warnings=[])]),
    ("The SMM heard bursts of automatic grenade launcher fire and shots of small-arms fire 2km south.",
     [rec("burst", None, weapon="automatic_grenade_launcher", bearing="S", warnings=[]),
      rec("shot", None, weapon="small_arms", bearing="S", warnings=[])]),
    ("In the evening of 2 June, the SMM heard at least three explosions in the vicinity of Staromykhailivka.",
     [rec(UND, 3, count_qualifier="at least", event_place="Staromykhailivka", event_relation="near", warnings=[])]),
    ("The SMM heard two explosions, assessed as caused by anti-tank guided missiles, 3km north-east.",
     [rec(UND, 2, weapon="atgm", bearing="NE", warnings=[])]),
    ("The SMM's mid-range UAV spotted 12 fresh craters, assessed as caused by artillery rounds, near Novoluhanske.",
     [other(12, weapon="artillery", event_place="Novoluhanske", warnings=[])]),
    ("A resident of Marinka told the SMM that shelling had damaged her roof on the night of 1-2 June.",
     [rec(UND, None, reported_by="residents")]),
    ("The SMM noted that the water pipeline near the Donetsk Filter Station had been damaged.",
     [other(None, sighting="damage", warnings=[])]),
    ("The SMM heard about 15 shots of small-arms fire at an undetermined distance north.",
     [rec("shot", 15, count_qualifier="about", weapon="small_arms", bearing="N", distance_min_km=None, warnings=[])]),
    ("From its position in Shyrokyne, the SMM saw an explosion on the sea about 2km south.",
     [rec(UND, 1, observer_place="Shyrokyne", bearing="S", distance_min_km=2.0, warnings=[])]),
    ("The SMM heard 30 undetermined explosions (all 3-4km south-east).",
     [rec(UND, 30, bearing="SE", distance_min_km=3.0, warnings=[])]),
    ("The SMM heard no explosions but about 40 bursts of small-arms fire 2km west.",
     [rec("burst", 40, count_qualifier="about", weapon="small_arms", bearing="W",
          warnings=["reads as not observed: 'no explosions'"])]),
    ("Five explosions, assessed as impacts, were heard 4km north of Hranitne.",
     [rec(IMP, 5, event_place="Hranitne", event_relation="offset", warnings=[])]),
    ("The SMM heard 10 outgoing rounds of 122mm self-propelled howitzers (2S1 Gvozdika) 6km west.",
     [rec(OUT, 10, weapon="artillery", calibre_mm=122, bearing="W", warnings=[])]),
]

MIXED = "'assessed as outgoing and impacts': the count is not split between them, so the kind is undetermined"
#: A second held-out set, written after all the fixes above and measured once before any change for it.
HELD_OUT_2: list[tuple[str, list[dict[str, Any]]]] = [
    ("Positioned in Kalynove (non-government-controlled, 60km west of Luhansk), the SMM heard 28 undetermined "
     "explosions 3-5km north-west.",
     [rec(UND, 28, observer_place="Kalynove", bearing="NW",
          warnings=["place 'Kalynove' is not in the gazetteer: position taken from '60km west of Luhansk'"])]),
    ("The SMM heard an undetermined explosion and two bursts of small-arms fire, all at an estimated 2km south-west.",
     [rec(UND, 1, bearing="SW", distance_max_km=2.0, warnings=[]),
      rec("burst", 2, weapon="small_arms", bearing="SW", warnings=[])]),
    ("On 4 June, the SMM observed four fresh impacts assessed as caused by 82mm mortar rounds on a road in Zolote.",
     [other(4, weapon="mortar", calibre_mm=82, event_place="Zolote", time_start="04 00:00", warnings=[])]),
    ("The SMM heard 40 explosions and more than 300 bursts and shots of various weapons 5-7km north-east.",
     [rec(UND, 40, bearing="NE", warnings=[]),
      rec("burst", 300, count_qualifier="more than", combined_kinds=["burst", "shot"], bearing="NE", warnings=[])]),
    ("At 18:10, the SMM heard three explosions assessed as airbursts of undetermined weapons 5km west.",
     [rec("airburst", 3, bearing="W", time_start="03 18:10", warnings=[])]),
    ("The SMM heard sporadic exchanges of small-arms fire throughout the night 1-2km south-east.",
     [other(None, weapon="small_arms", bearing="SE", time_of_day="throughout the night", warnings=[])]),
    ("Positioned at the railway station in Debaltseve, the SMM heard 11 explosions assessed as outgoing and impacts "
     "10-12km west.",
     [rec(UND, 11, observer_place="Debaltseve", bearing="W", warnings=[MIXED])]),
    ("The SMM heard a single shot 300m north-east.",
     [rec("shot", 1, bearing="NE", distance_max_km=0.3, warnings=[])]),
    ("At about 14:30, the SMM heard about ten explosions about 5km south-east of Novoluhanske.",
     [rec(UND, 10, count_qualifier="about", event_place="Novoluhanske", event_relation="offset", time_start="03 14:30",
          warnings=[])]),
    ("The SMM camera in Popasna recorded a bright flash and an undetermined explosion 4-6km south-east at 23:12.",
     [other(1, bearing="SE", time_start="03 23:12", warnings=[]),
      rec(UND, 1, bearing="SE", time_start="03 23:12", warnings=[])]),
    ("During the night of 5-6 June, the SMM camera at the Donetsk Filter Station recorded 57 undetermined explosions, "
     "12 projectiles in flight and 3 illumination flares, all 1-3km south-south-east.",
     [rec(UND, 57, bearing="SSE", observer_place="Donetsk Filter Station", warnings=[]),
      rec("projectile_in_flight", 12, bearing="SSE", warnings=[]), rec("flare", 3, bearing="SSE", warnings=[])]),
    ("The SMM heard four explosions, assessed as rounds from a 120mm mortar, 1km south of Krasnohorivka.",
     [rec(UND, 4, weapon="mortar", calibre_mm=120, event_place="Krasnohorivka", event_relation="offset", warnings=[])]),
    ("The SMM heard about 80 explosions in a 30-minute period 6-8km north.",
     [rec(UND, 80, count_qualifier="about", duration="30-minute", bearing="N", warnings=[])]),
    ("The SMM heard shooting 500m east.",
     [rec("shot", None, bearing="E", distance_max_km=0.5, warnings=[])]),
    ("In the afternoon, the SMM heard three outgoing rounds of tank fire and, five minutes later, three impacts about "
     "1km south.",
     [rec(OUT, 3, weapon="tank", bearing="S", warnings=[]),
      rec(IMP, 3, time_relative="five minutes later", bearing="S", warnings=[])]),
    ("The SMM recorded 19 explosions near Shyrokyne, compared with nine the previous day.",
     [rec(UND, 19, event_place="Shyrokyne", warnings=[SUMMARY])]),
    ("The SMM heard 12 explosions of artillery and mortar fire 4-6km south.",
     [rec(UND, 12, weapon="artillery", other_weapons=["mortar"], bearing="S", warnings=[])]),
    ("At 09:40 and 09:42, the SMM heard two explosions 3km north.",
     [rec(UND, 2, bearing="N", time_start="03 09:40", time_end="03 09:42", warnings=[])]),
    ("The SMM heard explosions and small-arms fire in the direction of Luhanske.",
     [rec(UND, None, toward_place="Luhanske"), other(None, weapon="small_arms", toward_place="Luhanske")]),
    ("Between 11:15 and 11:20, the SMM heard two explosions, which it assessed as outgoing rounds from an automatic "
     "grenade launcher, about 700m east.",
     [rec(OUT, 2, weapon="automatic_grenade_launcher", bearing="E", distance_max_km=0.7, warnings=[])]),
]


@pytest.mark.parametrize(("sentence", "expected"), LAST, ids=[case[0][:70] for case in LAST])
def test_session11_sentence_written_last(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), LATER, ids=[case[0][:70] for case in LATER])
def test_session11_sentence_written_later(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:70] for case in CASES])
def test_session11_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


def test_there_are_at_least_eighty_cases() -> None:
    assert len(CASES) >= 80


def test_hit_by_is_an_impact_when_told_and_damage_when_seen() -> None:
    (told,) = parse("A woman living in Zolote told the SMM that her house had been hit by a shell on 2 June.")
    assert (told["kind"], told["count"], told["reported_by"], told["time_start"]) == (IMP, 1, "residents", "02 00:00")
    assert told["warnings"] == []
    (seen,) = parse("The SMM saw a house that had been hit by an artillery shell.")
    assert (seen["kind"], seen["count"], seen["weapon"], seen["sighting"]) == ("other", 1, "artillery", "damage")
    (now,) = parse("The SMM saw a mortar round hit a field 1km south.")
    assert (now["kind"], now["weapon"], now.get("sighting")) == (IMP, "mortar", None)


def test_the_mission_itself_is_not_hearsay() -> None:
    (own,) = parse("UN military observers reported that two mortar rounds had impacted near observation post 52.")
    assert (own["kind"], own["count"], own.get("reported_by")) == (IMP, 2, None)
    (own,) = parse("The mission reported that it had heard 3 explosions 2km east.")
    assert (own["kind"], own["count"], own.get("reported_by"), own["warnings"]) == (UND, 3, None, [])
    (jccc,) = parse("The JCCC reported that an 82mm mortar round had impacted in Zaitseve.")
    assert jccc["reported_by"] == "JCCC"


def test_damage_mines_and_remnants_are_sightings_not_fire() -> None:
    sentences = [case[0] for case in CASES + LATER + LAST]
    for sentence in sentences:
        for record in parse(sentence):
            if record.get("sighting") in ("damage", "mine", "uxo", "vehicle"):
                assert record["kind"] == "other", (sentence, record)
    # a total and its breakdown are never both counted: the parts add up to the total
    (first, second) = parse("The SMM heard a total of 27 explosions (19 impacts and eight outgoing rounds) 3-5km north-west.")
    assert first["count"] + second["count"] == first["breakdown_of"] == 27


def test_a_clock_time_after_a_tally_is_not_its_number() -> None:
    (record,) = parse("The SMM recorded more ceasefire violations at 14:05 near Zolote.")
    assert record.get("ceasefire_violations") is None and record["ceasefire_violations_trend"] == "more"
    # (the time after the verb of a sentence with no observation is left not understood, as before: warned)
    assert "not understood: '14 05 near Zolote'" in record["warnings"]


@pytest.mark.parametrize(("sentence", "expected"), HELD_OUT_2, ids=[case[0][:70] for case in HELD_OUT_2])
def test_session11_sentence_held_out_2(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), HELD_OUT, ids=[case[0][:70] for case in HELD_OUT])
def test_session11_sentence_held_out(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)
