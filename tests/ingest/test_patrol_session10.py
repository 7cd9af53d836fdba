"""Session 10: phrasing of the OSCE SMM's camera reports, spot reports and period summaries (2015-2021),
written anew in that style, with the structured values each must give: "followed by totals of", breakdowns
between dashes, word ranges ("six to seven"), "heard and in some cases also saw", "at an assessed distance
of", times followed by "hrs", times relative to another ("ten minutes later"), outgoing and incoming fire of
bursts and shots, salvos, smoke, projectiles that explode in the air, the disengagement areas, an exchange of
fire named by its weapons, "in both Donetsk and Luhansk regions", a count in brackets with its noun, the
period "between the evenings of 2 and 3 June", and a sentence that assesses the count of the sentence before.
Each sentence is parsed on its own with --date 2017-06-03; times are "DD HH:MM" UTC.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.test_patrol_osce_style import check_records
from tests.ingest.test_patrol_sentences import parse as parse_records

UND, IMP, OUT = "explosion_undetermined", "explosion_impact", "explosion_outgoing"
SUMMARY = "reads as a summary of the period: its counts may repeat those of other sentences"
DAY = ("03 00:00", "04 00:00")


def parse(text: str) -> list[dict[str, Any]]:
    return parse_records(text, date=date(2017, 6, 3))


def rec(kind: str, count: int | None, **fields: Any) -> dict[str, Any]:
    return dict(kind=kind, count=count, **fields)


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- camera reports: in sequence, followed by totals
    ("On the evening of 3 June, the SMM camera in Avdiivka recorded, in sequence, one undetermined explosion, one "
     "projectile in flight from west to east, two undetermined explosions and nine projectiles from east to west, all "
     "3-5km east-south-east.",
     [rec(UND, 1, bearing="ESE", distance_min_km=3.0, distance_max_km=5.0, observer_place="Avdiivka", warnings=[]),
      rec("projectile_in_flight", 1, flight_direction="W to E", bearing="ESE", warnings=[]),
      rec(UND, 2, bearing="ESE", warnings=[]),
      rec("projectile_in_flight", 9, flight_direction="E to W", bearing="ESE", distance_max_km=5.0, warnings=[])]),
    ("On the same night, the SMM camera in Shyrokyne recorded, in sequence, three undetermined explosions and five "
     "tracer rounds in flight from west to east, followed by totals of four undetermined explosions, one explosion "
     "assessed as an impact and 40 tracer rounds in flight from east to west.",
     [rec(UND, 3, warnings=[]), rec("projectile_in_flight", 5, flight_direction="W to E", warnings=[]),
      rec(UND, 4, warnings=[]), rec(IMP, 1, warnings=[]),
      rec("projectile_in_flight", 40, flight_direction="E to W", warnings=[])]),
    ("On the night of 3-4 June, the SMM camera in Avdiivka recorded two tracer rounds in flight from north to south, "
     "followed by aggregated totals of three explosions (one undetermined and two assessed as impacts) and seven "
     "projectiles in flight (four from south-east to north-west and three from north to south).",
     [rec("projectile_in_flight", 2, flight_direction="N to S", warnings=[]),
      rec(UND, 1, breakdown_of=3, warnings=[]), rec(IMP, 2, breakdown_of=3, warnings=[]),
      rec("projectile_in_flight", 4, flight_direction="SE to NW", breakdown_of=7, warnings=[]),
      rec("projectile_in_flight", 3, flight_direction="N to S", breakdown_of=7, warnings=[])]),
    ("On the night of 3-4 June, the SMM camera at the Donetsk Filtration Station recorded one undetermined explosion "
     "and, ten minutes later, one projectile in flight from west to east, both 1-2km south.",
     [rec(UND, 1, bearing="S", time_relative=None, time_start="03 12:00", time_end="04 12:00",
          observer_place="Donetsk Filter Station", warnings=[]),
      rec("projectile_in_flight", 1, flight_direction="W to E", bearing="S", time_relative="ten minutes later")]),
    ("On the night of 4-5 June, the SMM camera in Popasna recorded an outgoing salvo of a multiple launch rocket "
     "system about 12km south-east.",
     [rec(OUT, None, salvos=1, weapon="mlrs", bearing="SE", distance_min_km=12.0, distance_qualifier="about",
          warnings=[])]),
    ("Between 22:05 and 22:40, the SMM heard three salvos of MLRS (BM-21 Grad) 15-20km north.",
     [rec(UND, None, salvos=3, weapon="mlrs", bearing="N", time_start="03 22:05", time_end="03 22:40", warnings=[])]),
    # --- breakdowns and counts
    ("Positioned at the Donetsk central railway station, between 08:40 and 12:30, the SMM heard 26 mortar rounds - "
     "three incoming, four outgoing and 19 undetermined - at a distance of 3-6km to the north, north-north-east and "
     "north-east.",
     [rec(IMP, 3, breakdown_of=26, weapon="mortar", bearing="N..NE", distance_min_km=3.0, time_start="03 08:40",
          warnings=[]),
      rec(OUT, 4, breakdown_of=26, weapon="mortar", warnings=[]),
      rec(UND, 19, breakdown_of=26, weapon="mortar", time_end="03 12:30", warnings=[])]),
    ("At 10:30, the SMM heard four bursts of heavy-machine-gun fire about 2km west and six to seven explosions, "
     "assessed as impacts of automatic grenade launcher fire, approximately 0.5km south of its position.",
     [rec("burst", 4, weapon="heavy_machine_gun", bearing="W", distance_min_km=2.0, warnings=[]),
      rec(IMP, 7, count_min=6, weapon="automatic_grenade_launcher", bearing="S", distance_max_km=0.5,
          distance_qualifier="approximately", time_start="03 10:30", warnings=[])]),
    ("At 10:53, positioned in Pervomaisk, the SMM heard three to four undetermined explosions 0.5km west.",
     [rec(UND, 4, count_min=3, observer_place="Pervomaisk", bearing="W", warnings=[])]),
    ("The SMM heard one or two explosions 3km north.",
     [rec(UND, 2, count_min=1, bearing="N", warnings=[])]),
    ("In Luhansk region, the SMM recorded fewer ceasefire violations, including, however, more explosions (three "
     "explosions), compared with the previous reporting period (one explosion).",
     [rec(UND, 3, region="Luhansk", ceasefire_violations_trend="fewer",
          compared_with="compared with the previous reporting period (one explosion)", warnings=[SUMMARY])]),
    ("The SMM recorded at least 1,450 ceasefire violations in both Donetsk and Luhansk regions, including 620 "
     "explosions, 120 projectiles in flight, 15 muzzle flashes, 9 illumination flares and at least 690 bursts and shots.",
     [rec(UND, 620, region="Donetsk and Luhansk", ceasefire_violations=1450, ceasefire_violations_qualifier="at least",
          warnings=[SUMMARY]),
      rec("projectile_in_flight", 120, warnings=[SUMMARY]), rec("other", 15, warnings=[SUMMARY]),
      rec("flare", 9, warnings=[SUMMARY]),
      rec("burst", 690, count_qualifier="at least", combined_kinds=["burst", "shot"], warnings=[SUMMARY])]),
    # --- verbs, distances, times
    ("At the same location, between 17:12 and 18:30, the SMM heard and in some cases also saw 40 incoming mortar or "
     "artillery rounds at distances of between 3-8km to the north, north-north-west and west.",
     [rec(IMP, 40, weapon="mortar", other_weapons=["artillery"], bearing="W..N", distance_min_km=3.0,
          distance_max_km=8.0, distance_qualifier="at distances of", time_start="03 17:12", time_end="03 18:30")]),
    ("A few seconds later, the SMM heard 20-30 bursts of outgoing machine-gun fire at an assessed distance of 50m "
     "north-north-west.",
     [rec("burst", 30, count_min=20, fire="outgoing", weapon="machine_gun", bearing="NNW", distance_min_km=0.05,
          distance_max_km=0.05, distance_qualifier="at an assessed distance of", time_relative="a few seconds later",
          warnings=[])]),
    ("At 11:55, the SMM patrol members heard 30-40 bursts of heavy-machine-gun and 20-30 shots of small-arms fire, all "
     "assessed as originating 1-2km north-north-west of their position.",
     [rec("burst", 40, count_min=30, weapon="heavy_machine_gun", bearing="NNW", distance_min_km=1.0,
          time_start="03 11:55", warnings=[]),
      rec("shot", 30, count_min=20, weapon="small_arms", bearing="NNW", distance_max_km=2.0, warnings=[])]),
    ("At 13:36, the SMM saw two incoming projectiles explode in the air at an assessed distance of 20m "
     "north-north-west of the patrol's position.",
     [rec("airburst", 2, bearing="NNW", distance_min_km=0.02, distance_max_km=0.02, time_start="03 13:36",
          warnings=[])]),
    ("Positioned 6km north-west of Donetsk city centre between 9:00 and 14:20hrs, the SMM did not observe any "
     "ceasefire violations.",
     [rec("other", 0, observer_place="Donetsk", observer_offset="6 km NW", time_start="03 09:00",
          time_end="03 14:20")]),
    ("At 11:25, the SMM heard one shot of automatic grenade launcher fire, outgoing from a north-easterly direction.",
     [rec("shot", 1, fire="outgoing", weapon="automatic_grenade_launcher", bearing="NE", warnings=[])]),
    ("Moments later, the SMM recorded a burst of small-arms fire outgoing from the north-west.",
     [rec("burst", 1, fire="outgoing", weapon="small_arms", bearing="NW", time_relative="moments later", warnings=[])]),
    ("At 15:02, the SMM heard about ten shots of incoming small-arms fire 200m east.",
     [rec("shot", 10, fire="incoming", count_qualifier="about", weapon="small_arms", bearing="E", warnings=[])]),
    ("Less than a minute later, the SMM heard another undetermined explosion at an unknown distance and direction.",
     # "another … explosion" is one (session 12, real12: it was an unstated count)
     [rec(UND, 1, bearing=None, distance_min_km=None, time_relative="less than a minute later", warnings=[])]),
    ("At 12:33, the SMM heard at least four loud explosions in the surrounding area.",
     [rec(UND, 4, count_qualifier="at least", time_start="03 12:33", warnings=[])]),
    ("Positioned at the Donetsk railway station, the SMM heard between 09:34 and 12:02 four bursts of small-arms fire "
     "3-4km west of its location.",
     [rec("burst", 4, weapon="small_arms", bearing="W", distance_min_km=3.0, time_start="03 09:34",
          time_end="03 12:02", warnings=[])]),
    # --- what was seen besides fire, where it was
    ("At 10:07, while driving, the SMM heard one undetermined explosion and saw black smoke in a forested area "
     "200-250m south of its position.",
     [rec(UND, 1, bearing="S", distance_min_km=0.2, distance_max_km=0.25, warnings=[]),
      rec("other", None, sighting="smoke", bearing="S", distance_max_km=0.25, warnings=[])]),
    ("At 16:20, positioned in Zolote, the SMM heard two undetermined explosions 3-4km south-west, assessed as outside "
     "the disengagement area.",
     [rec(UND, 2, disengagement_area="outside", observer_place="Zolote", bearing="SW", warnings=[])]),
    ("On the morning of 5 June, the SMM camera in Zolote recorded, between 08:35 and 10:13, nine explosions assessed as "
     "impacts of grenades fired from an automatic grenade launcher 1.4-1.6km south-east and south-south-east, all "
     "assessed as inside the disengagement area.",
     [rec(IMP, 9, weapon="automatic_grenade_launcher", bearing="SE..SSE", distance_min_km=1.4,
          disengagement_area="inside", time_start="05 08:35", time_end="05 10:13", warnings=[])]),
    ("While in Stanytsia Luhanska, the SMM heard an exchange of fire involving small arms, heavy machine guns and "
     "automatic grenade launchers 2-3km south.",
     [rec("other", None, weapon="small_arms", other_weapons=["heavy_machine_gun", "automatic_grenade_launcher"],
          observer_place="Stanytsia Luhanska", bearing="S", distance_min_km=2.0, warnings=[])]),
    ("While conducting a mini-UAV flight in the western part of Zaitseve, the SMM heard about 20 shots of small-arms "
     "fire, 50-70m south of its position.",
     [rec("shot", 20, observer_place="Zaitseve", bearing="S", distance_min_km=0.05, distance_max_km=0.07,
          warnings=[])]),
    ("The SMM heard continuous small-arms fire interspersed with bursts of heavy-machine-gun fire 1.5-2km "
     "north-north-east between 15:40 and 16:25.",
     [rec("other", None, weapon="small_arms", bearing="NNE", time_start="03 15:40", warnings=[]),
      rec("burst", None, weapon="heavy_machine_gun", bearing="NNE", time_end="03 16:25", warnings=[])]),
    ("The SMM heard the sound of 12 explosions 5km east.",
     [rec(UND, 12, bearing="E", warnings=[])]),
    # --- the older (2015) style: weapons listed before "fire", "as well as", "at distances ranging between"
    ("The SMM heard a total of 64 explosions of mortar and artillery fire at 4-6km north-east and north-west and "
     "numerous small arms and heavy machine gun fire.",
     [rec(UND, 64, weapon="mortar", other_weapons=["artillery"], bearing="NW..NE", distance_min_km=4.0, warnings=[]),
      rec("other", None, count_qualifier="numerous", weapon="small_arms", other_weapons=["heavy_machine_gun"],
          bearing=None, warnings=[])]),
    ("While in the area of Shyrokyne, the SMM heard two undetermined explosions approximately 3km east of its position "
     "and several bursts of small arms fire from a closer distance.",
     [rec(UND, 2, weapon=None, bearing="E", observer_place="Shyrokyne", warnings=[]),
      rec("burst", None, count_qualifier="several", weapon="small_arms", bearing=None, warnings=[])]),
    ("Between 08:20 and 16:45hrs, the SMM recorded a total of 27 explosions and some exchanges of small-arms fire at "
     "distances ranging between 2 and 7km west-south-west, north-north-west and north-north-east of its position.",
     [rec(UND, 27, weapon=None, bearing="WSW..NNE", distance_min_km=2.0, distance_max_km=7.0, time_end="03 16:45",
          warnings=[]),
      rec("other", None, weapon="small_arms", bearing="WSW..NNE", distance_max_km=7.0, warnings=[])]),
    ("Between 10:05 and 12:40hrs, the SMM heard 33 explosions - outgoing - at locations south and south-east of its "
     "position.",
     [rec(OUT, 33, bearing="SE..S", warnings=[])]),
    ("Between 08:00 and 17:00hrs, the SMM heard 75 explosions, consistent with incoming and outgoing mortar fire, as "
     "well as bursts of small-arms and heavy machine-gun fire.",
     [rec(UND, 75, weapon="mortar", warnings=["'consistent with incoming and outgoing': the count is not split between "
                                              "them, so the kind is undetermined"]),
      rec("burst", None, weapon="small_arms", other_weapons=["heavy_machine_gun"], warnings=[])]),
    ("The SMM heard a total of 40 explosions and bursts of small-arms and light-weapons (SALW) fire in the morning, "
     "occurring at distances ranging between 3-6km north-east, north and west of its position.",
     [rec(UND, 40, bearing="W..NE", distance_min_km=3.0, distance_max_km=6.0, time_of_day="in the morning", warnings=[]),
      rec("burst", None, weapon="small_arms", bearing="W..NE", warnings=[])]),
    ("Between 9:40 and 14:14hrs, the SMM heard a total of five explosions 2-3km north-north-west of its position as well "
     "as multiple bursts of small-arms fire 3-5km west and north-north-west of its position.",
     [rec(UND, 5, bearing="NNW", distance_max_km=3.0, time_start="03 09:40", warnings=[]),
      rec("burst", None, count_qualifier="multiple", bearing="W..NNW", distance_max_km=5.0, warnings=[])]),
    ("Between 22:05 and 22:40, the SMM heard 15 undetermined explosions, including several salvos of MLRS, 6-8km "
     "north-north-east.",
     [rec(UND, 15, weapon="mlrs", bearing="NNE", distance_min_km=6.0, warnings=[])]),
    ("The SMM observed that the crater had been caused by a 122mm artillery round fired from the north-north-west.",
     [rec("other", None, weapon="artillery", calibre_mm=122, fired_from="NNW", warnings=[])]),
    # --- fire the text says was training or no violation; parts with their own qualifier; places between two
    ("At 10:40, the SMM heard 25 explosions assessed as part of a live-fire exercise 10-15km north-west, outside the "
     "security zone.",
     [rec(UND, 25, live_fire=True, security_zone="outside", bearing="NW", distance_min_km=10.0, warnings=[])]),
    ("The SMM heard about 40 shots of small-arms fire assessed as live-fire training 3km north of its position in "
     "Kadiivka.",
     [rec("shot", 40, live_fire=True, observer_place="Kadiivka", bearing="N", warnings=[])]),
    ("The SMM heard a burst of heavy-machine-gun fire 2km south-east (assessed as not in violation of the ceasefire).",
     [rec("burst", 1, not_violation=True, live_fire=None, bearing="SE", warnings=[])]),
    ("In the evening, the SMM heard at least 70 undetermined explosions, of which about 50 were assessed as outgoing, "
     "8-12km south-west.",
     [rec(OUT, 50, count_qualifier="about", breakdown_of=70, breakdown_of_qualifier="at least", bearing="SW",
          warnings=[]),
      rec(UND, 20, count_qualifier=None, breakdown_of=70, distance_max_km=12.0, warnings=[])]),
    ("The SMM's mid-range UAV spotted three fresh craters near the road between Vodiane and Pisky.",
     [rec("other", 3, event_place="Vodiane and Pisky", event_relation="near", lat=None,
          warnings=["place 'Vodiane' is not in the gazetteer: event location left empty"])]),
    # --- weapons and drones seen, not fire heard: kind other, with what was seen
    ("The SMM saw four self-propelled howitzers (2S1 Gvozdika, 122mm) near Bakhmut.",
     [rec("other", 4, sighting="weapon", weapon="artillery", event_place="Bakhmut", event_relation="near", warnings=[])]),
    ("The SMM saw several armoured combat vehicles in Avdiivka.",
     [rec("other", None, count_qualifier="several", sighting="weapon", weapon="heavy_weapon", event_place="Avdiivka",
          warnings=[])]),
    ("The SMM saw a tank firing 5 rounds 2km south.",  # fire: not a sighting; rounds it fired (session 12: outgoing)
     [rec(OUT, 5, weapon="tank", sighting=None, warnings=[])]),
    ("The SMM heard an explosion of a grenade dropped from a drone 1km east.",  # the drone is how, not what was seen
     [rec(UND, 1, sighting=None, weapon="grenade_launcher", other_weapons=["drone"], bearing="E", warnings=[])]),
    ("The SMM heard 3 undetermined explosions in the surroundings of Popasna.",
     [rec(UND, 3, event_place="Popasna", event_relation="near", warnings=[])]),
    # --- other missions' wording: posts, "reported hearing", rounds that impact, rockets launched
    ("The patrol reported hearing five explosions approximately 4km north-east of its location at 14:20.",
     [rec(UND, 5, bearing="NE", distance_min_km=4.0, time_start="03 14:20", warnings=[])]),
    ("At 09:15, monitors at observation post 3 heard two bursts of automatic weapons fire about 1.5km to the south.",
     [rec("burst", 2, weapon="small_arms", observer_place="observation post 3", observer_lat=None, bearing="S",
          warnings=["place 'observation post 3' is not in the gazetteer: observer position left empty"])]),
    ("UN personnel at position 68 observed an explosion approximately 1,000 metres north-west of the position.",
     [rec(UND, 1, observer_place="position 68", distance_min_km=1.0, distance_max_km=1.0, bearing="NW",
          warnings=["place 'position 68' is not in the gazetteer: observer position left empty"])]),
    ("The team observed six artillery rounds impact 2-3km east of the checkpoint between 11:00 and 11:45.",
     [rec(IMP, 6, weapon="artillery", bearing="E", distance_min_km=2.0, time_start="03 11:00", warnings=[])]),
    ("The monitoring team witnessed 12 rockets launched in a northerly direction from a position 5km south.",
     [rec(OUT, 12, weapon="rocket", flight_direction="to N", bearing="S", distance_min_km=5.0, warnings=[])]),
    ("Observers heard heavy machine gun fire and three mortar explosions to the west of the village.",
     [rec("other", None, weapon="heavy_machine_gun", bearing="W", warnings=[]),
      rec(UND, 3, weapon="mortar", bearing="W", warnings=[])]),
    ("In Luhansk region, the Mission recorded two ceasefire violations, both undetermined explosions in an area "
     "south-east of Popasna.",
     [rec(UND, 2, ceasefire_violations=2, event_place="Popasna", event_side="SE", warnings=[SUMMARY])]),
    ("The SMM saw two rocket launchers near Bakhmut.",
     [rec("other", 2, sighting="weapon", weapon="rocket", event_place="Bakhmut", warnings=[])]),
    ("The SMM heard three shells explode 2km north.",
     [rec(UND, 3, bearing="N", warnings=[])]),
    ("The SMM heard two explosions assessed as outgoing rounds from a multiple launch rocket system (BM-21 Grad) "
     "10-15km south-south-west.",  # the rocket of the system's name is not a count of rockets
     [rec(OUT, 2, weapon="mlrs", other_weapons=None, bearing="SSW", warnings=[])]),
    ("At 11:50hrs, positioned in Marinka, the SMM heard 12 explosions assessed as 120mm mortar rounds and 82mm mortar "
     "rounds 3km south-west.",  # one observation, two calibres named
     [rec(UND, 12, weapon="mortar", calibre_mm=120, observer_place="Marinka", time_start="03 11:50", warnings=[])]),
    ("The SMM heard 10 explosions assessed as outgoing rounds and impacts 2km east.",
     [rec(UND, 10, warnings=["'assessed as outgoing rounds and impacts': the count is not split between them, so the "
                             "kind is undetermined"])]),
    ("The SMM heard 10 explosions assessed as outgoing rounds and 3 impacts 2km east.",
     [rec(OUT, 10, warnings=[]), rec(IMP, 3, warnings=[])]),
    ("The SMM heard impacts of artillery shells and mortar rounds 4km north.",
     [rec(IMP, None, weapon="artillery", other_weapons=["mortar"], warnings=[])]),
    ("In violation of withdrawal lines in government-controlled areas, the SMM saw two tanks (T-64) near "
     "Novohryhorivka.",
     [rec("other", 2, sighting="weapon", weapon="tank", violation_of="withdrawal lines", event_place="Novohryhorivka",
          warnings=["place 'Novohryhorivka' is not in the gazetteer: event location left empty"])]),
    ("Beyond withdrawal lines but outside designated storage sites, the SMM saw four tanks near Luhanske.",
     [rec("other", 4, sighting="weapon", weapon="tank", violation_of="withdrawal lines", warnings=[])]),
    ("The SMM saw ten self-propelled howitzers (2S1 Gvozdika, 122mm) and six anti-tank guns (MT-12 Rapira, 100mm) near "
     "Bakhmut.",
     [rec("other", 10, weapon="artillery", calibre_mm=122, event_place="Bakhmut", warnings=[]),
      rec("other", 6, weapon="artillery", calibre_mm=100, event_place="Bakhmut", warnings=[])]),
    ("The SMM saw 15 anti-tank mines along the road near Hranitne.",  # mines are not fire, nor weapons that fire
     # (session 10 left it not understood; session 11 reads mines as a sighting of kind other)
     [rec("other", 15, sighting="mine", event_place="Hranitne", warnings=[])]),
    ("When it reached the checkpoint at 12.10hrs, the SMM heard two explosions about 500m to the south.",
     [rec(UND, 2, time_start="03 12:10", bearing="S", distance_min_km=0.5, warnings=[])]),
    ("At 09.45hrs, positioned in Debaltseve, the SMM heard eight outgoing artillery rounds 5-7km north-west.",
     [rec(OUT, 8, weapon="artillery", observer_place="Debaltseve", time_start="03 09:45", warnings=[])]),
    ("In Kalynove, the SMM heard four explosions assessed as artillery rounds impacting 3-4km east-north-east.",
     [rec(IMP, 4, weapon="artillery", bearing="ENE",
          warnings=["place 'Kalynove' is not in the gazetteer: observer position left empty"])]),
    ("The SMM heard 30 shots and bursts of small-arms fire mixed with heavy-machine-gun fire 1-2km west.",
     [rec("shot", 30, combined_kinds=["shot", "burst"], weapon="small_arms", warnings=[]),
      rec("other", None, weapon="heavy_machine_gun", bearing="W", warnings=[])]),
    # --- the 2016 style: parts named with their weapons, a colon before them, durations
    ("Positioned in Avdiivka, the SMM heard 14 explosions assessed as outgoing mortar (82mm) rounds, six as outgoing "
     "recoilless-gun (SPG-9) rounds, three as impacts of mortar rounds (120mm) and one outgoing salvo of MLRS (BM-21 "
     "Grad, 122mm), all 2-5km south-east of its position.",
     [rec(OUT, 14, weapon="mortar", calibre_mm=82, bearing="SE", warnings=[]),
      rec(OUT, 6, weapon="recoilless_gun", bearing="SE", warnings=[]),
      rec(IMP, 3, weapon="mortar", calibre_mm=120, bearing="SE", warnings=[]),
      rec(OUT, None, salvos=1, weapon="mlrs", bearing="SE", distance_max_km=5.0, warnings=[])]),
    ("In the early morning, while in Horlivka, the SMM heard 15 explosions, one of which was assessed as an 82mm "
     "mortar round impact and 14 as automatic-grenade-launcher round impacts, all 4km west of its position.",
     [rec(IMP, 1, breakdown_of=15, bearing="W", observer_place="Horlivka", time_of_day="in the early morning",
          warnings=[]),
      rec(IMP, 14, breakdown_of=15, bearing="W", distance_min_km=4.0, warnings=[])]),
    ("While in Avdiivka, the SMM heard ten explosions in a 20-minute period: six assessed as 82mm mortar impacts and "
     "four as outgoing 82mm mortar rounds 2km east.",
     [rec(IMP, 6, breakdown_of=10, duration="20-minute", bearing="E", distance_min_km=2.0, warnings=[]),
      rec(OUT, 4, breakdown_of=10, bearing="E", distance_max_km=2.0, warnings=[])]),
    ("Positioned in Yasynuvata, the SMM recorded approximately 200 explosions in areas to the west and south-west, "
     "most of which were undetermined.",
     [rec(UND, 200, count_qualifier="about", bearing="SW..W", warnings=[])]),
    ("Whilst in Donetsk city centre, before midnight on 5 June, the SMM heard approximately 60 undetermined explosions "
     "9-11km north-west.",
     [rec(UND, 60, observer_place="Donetsk", time_of_day="before midnight", time_start="05 00:00", warnings=[])]),
    ("The SMM heard 11 explosions, of which seven assessed as outgoing and four as impacts 5km south.",
     [rec(OUT, 7, breakdown_of=11, bearing="S", distance_min_km=5.0, warnings=[]),
      rec(IMP, 4, breakdown_of=11, bearing="S", warnings=[])]),
    ("The SMM heard explosions it assessed as nine outgoing mortar rounds 4-6km west-north-west and their impact "
     "2-3km south-south-west.",  # the count follows the assessment; "their impact": as many impacts
     [rec(OUT, 9, weapon="mortar", bearing="WNW", distance_min_km=4.0, warnings=[]),
      rec(IMP, 9, bearing="SSW", distance_min_km=2.0, warnings=[])]),
    # --- where a share of the period's violations was recorded: understood, kept, not located
    ("The majority of ceasefire violations were recorded in areas south-west and north-west of Horlivka and "
     "south-south-west of Svitlodarsk.",
     [rec("other", None, violations_share="the majority", violations_areas=["SW..NW of Horlivka", "SSW of Svitlodarsk"],
          lat=None, warnings=[SUMMARY])]),
    ("All ceasefire violations were recorded inside the disengagement area near Zolote or within 5km of its periphery.",
     [rec("other", None, violations_share="all",
          violations_areas=["inside the disengagement area near Zolote", "within 5km of its periphery"],
          warnings=[SUMMARY])]),
    ("The majority of ceasefire violations were recorded at southerly directions of Pyshchevyk (government-controlled, "
     "25km north-east of Mariupol) and southerly and easterly directions of Chermalyk (government-controlled, 31km "
     "north-east of Mariupol).",
     [rec("other", None, violations_areas=["S of Pyshchevyk", "E..S of Chermalyk"], warnings=[SUMMARY])]),
    ("About a third of the ceasefire violations were recorded in areas east and south-east of Svitlodarsk.",
     [rec("other", None, violations_share="about a third", violations_areas=["E..SE of Svitlodarsk"],
          warnings=[SUMMARY])]),
    ("Most of the ceasefire violations were recorded near Zolote and Popasna.",
     [rec("other", None, violations_share="most", violations_areas=["near Zolote and Popasna"], warnings=[SUMMARY])]),
    # --- session 10b: counts joined by slashes, sharing the noun after the last (no total stated: no breakdown_of)
    ("Positioned in Shchastia, the SMM heard 8 incoming/11 outgoing and 20 unknown explosions 3-5km south.",
     [rec(IMP, 8, breakdown_of=None, bearing="S", distance_min_km=3.0, observer_place="Shchastia", warnings=[]),
      rec(OUT, 11, breakdown_of=None, bearing="S", warnings=[]),
      rec(UND, 20, breakdown_of=None, bearing="S", distance_max_km=5.0, warnings=[])]),
    ("The SMM heard 3 outgoing/2 incoming mortar rounds 1km south.",
     [rec(OUT, 3, weapon="mortar", bearing="S", warnings=[]), rec(IMP, 2, weapon="mortar", bearing="S", warnings=[])]),
    ("At 14:20, the SMM heard 5 explosions (3 impacts/2 outgoing) 4km east.",
     [rec(IMP, 3, breakdown_of=5, bearing="E", warnings=[]), rec(OUT, 2, breakdown_of=5, bearing="E", warnings=[])]),
    ("The SMM heard 12 explosions (5 impacts, 4 outgoing, 3 undetermined) 2-3km north-west.",
     [rec(IMP, 5, breakdown_of=12, warnings=[]), rec(OUT, 4, breakdown_of=12, warnings=[]),
      rec(UND, 3, breakdown_of=12, bearing="NW", warnings=[])]),
    ("The SMM heard 15 explosions: 10 impacts/5 outgoing, 3-4km east.",
     [rec(IMP, 10, breakdown_of=15, bearing="E", warnings=[]),
      rec(OUT, 5, breakdown_of=15, bearing="E", distance_max_km=4.0, warnings=[])]),
    # --- session 10b: aircraft seen or heard (sightings, not fire), anti-aircraft fire, surface-to-air missiles
    ("Positioned in Popasna, the SMM saw two helicopters flying from west to east about 5km north.",
     [rec("other", 2, sighting="aircraft", flight_direction="W to E", bearing="N", distance_min_km=5.0, warnings=[])]),
    ("The SMM heard the sound of a Mi-8 helicopter 3km south.",
     [rec("other", 1, sighting="aircraft", bearing="S", warnings=[])]),
    ("At 11:05, the SMM saw fixed-wing aircraft flying over Avdiivka at high altitude.",
     [rec("other", None, sighting="aircraft", altitude="high", event_place="Avdiivka", time_start="03 11:05",
          warnings=[])]),
    ("The SMM heard a plane flying from north to south.",
     [rec("other", 1, sighting="aircraft", flight_direction="N to S", warnings=[])]),
    ("The SMM saw a low-flying helicopter 2km west of its position.",
     [rec("other", 1, sighting="aircraft", altitude="low", bearing="W", distance_min_km=2.0, warnings=[])]),
    ("The SMM long-range UAV spotted a military transport aircraft flying at an altitude of about 3,000 metres over "
     "Luhansk.",
     [rec("other", 1, sighting="aircraft", altitude="about 3,000 metres", distance_min_km=None, event_place="Luhansk",
          warnings=[])]),
    ("The SMM saw two helicopters and a drone flying over Shyrokyne.",
     [rec("other", 2, sighting="aircraft", event_place="Shyrokyne", warnings=[]),
      rec("other", 1, sighting="uav", event_place="Shyrokyne", warnings=[])]),
    ("The SMM heard the sound of two helicopters and two explosions about 10km to the north.",
     [rec("other", 2, sighting="aircraft", bearing="N", warnings=[]), rec(UND, 2, bearing="N", warnings=[])]),
    ("At 21:40, the SMM heard anti-aircraft fire 4km east.",
     [rec("other", None, weapon="anti_aircraft_gun", sighting=None, bearing="E", warnings=[])]),
    ("The SMM saw a surface-to-air missile fired in a northerly direction.",
     [rec(OUT, 1, weapon="surface_to_air_missile", flight_direction="to N", bearing=None, warnings=[])]),
    ("The SMM heard an anti-tank guided missile being launched 2km east.",
     [rec(OUT, 1, weapon="atgm", bearing="E", warnings=[])]),
    ("The SMM saw two anti-tank guided missile systems (9K111 Fagot) near Horlivka.",  # weapons seen, not missiles
     [rec("other", 2, sighting="weapon", warnings=[])]),
    # --- session 10b: episodes of fire are counted as episodes, not as rounds or bursts (count unstated)
    ("At 23:10, positioned in Horlivka, the SMM saw two episodes of tracer fire 2km west.",
     [rec("projectile_in_flight", None, episodes=2, bearing="W", time_start="03 23:10", warnings=[])]),
    ("The SMM saw three episodes of tracer fire from west to east 2-3km south.",
     [rec("projectile_in_flight", None, episodes=3, flight_direction="W to E", bearing="S", warnings=[])]),
    ("The SMM heard three periods of small-arms fire 1km south.",
     [rec("other", None, episodes=3, weapon="small_arms", bearing="S", warnings=[])]),
    ("Between 20:00 and 21:00, the SMM heard two bouts of heavy-machine-gun fire and four episodes of exchanges of "
     "fire 3km north-east.",
     [rec("other", None, episodes=2, weapon="heavy_machine_gun", bearing="NE", warnings=[]),
      rec("other", None, episodes=4, weapon=None, bearing="NE", warnings=[])]),
    # --- session 10b: more of the SMM's phrasing
    ("The SMM heard an unknown number of explosions 6km east.",  # not "an" (one)
     [rec(UND, None, count_qualifier="an unknown number of", bearing="E", warnings=[])]),
    ("The SMM heard continuous heavy-machine-gun fire for about 20 minutes 2km east.",
     [rec("other", None, weapon="heavy_machine_gun", duration="about 20 minutes", bearing="E", warnings=[])]),
    ("The SMM heard what it assessed as two outgoing rounds of 122mm artillery 5km south.",
     [rec(OUT, 2, weapon="artillery", calibre_mm=122, bearing="S", warnings=[])]),
    ("At 09:30, the SMM saw a fire burning in a field about 1km south of its position.",  # a blaze, not fire heard
     [rec("other", 1, sighting="blaze", bearing="S", time_start="03 09:30", warnings=[])]),
    ("The SMM heard about a dozen explosions within 15 minutes 4km north.",
     [rec(UND, 12, count_qualifier="about", duration="15 minutes", bearing="N", warnings=[])]),
    ("The SMM heard a helicopter hovering 2km north of Avdiivka.",
     [rec("other", 1, sighting="aircraft", event_place="Avdiivka", warnings=[])]),
    ("The SMM heard 4 outgoing and 3 incoming mortar rounds 2km south.",
     [rec(OUT, 4, weapon="mortar", bearing="S", warnings=[]), rec(IMP, 3, weapon="mortar", bearing="S", warnings=[])]),
    ("At 15:40, positioned near Marinka, the SMM heard at least 40 explosions and dozens of bursts of "
     "heavy-machine-gun fire 4-6km south-west.",
     [rec(UND, 40, count_qualifier="at least", bearing="SW", observer_place="Marinka", warnings=[]),
      rec("burst", None, count_qualifier="dozens of", weapon="heavy_machine_gun", bearing="SW", warnings=[])]),
    ("The SMM heard intensive exchanges of fire involving artillery and mortars 8-10km north-east.",
     [rec("other", None, weapon="artillery", other_weapons=["mortar"], bearing="NE", warnings=[])]),
    ("The SMM heard three explosions assessed as impacts of rounds fired from a north-easterly direction about 1km "
     "north.",
     [rec(IMP, 3, fired_from="NE", bearing="N", distance_min_km=1.0, warnings=[])]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:70] for case in CASES])
def test_session10_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


def test_the_period_between_two_evenings_dates_what_follows() -> None:
    records = parse("In Donetsk region, between the evenings of 2 and 3 June, the SMM recorded more ceasefire violations, "
                    "including about 140 explosions, compared with the previous 24 hours (about 90 explosions).\n"
                    "The SMM heard at 21:10 two explosions and at 06:05 one explosion 4km south.")
    assert [(record["kind"], record["count"]) for record in records] == [(UND, 140), (UND, 2), (UND, 1)]
    assert (records[0]["time_start"], records[0]["time_end"]) == ("02 18:00", "03 21:00")
    assert records[0]["time_from"] == "date" and records[0]["warnings"] == [SUMMARY]
    assert records[1]["time_start"] == "02 21:10"  # in the evening of the first day
    assert records[2]["time_start"] == "03 06:05"  # before the evening: the second day
    across = parse("Between the evenings of 30 June and 1 July, the SMM recorded 12 explosions.")
    assert (across[0]["time_start"], across[0]["time_end"]) == ("30 18:00", "01 21:00")
    month_before = parse("Between the evenings of 31 May and 1 June, the SMM recorded 5 explosions.")
    assert (month_before[0]["time_start"], month_before[0]["time_end"]) == ("31 18:00", "01 21:00")
    (bad,) = parse("Between the evenings of 31 and 1 May, the SMM recorded 5 explosions.")
    assert "the period 'Between the evenings of 31 and 1 May' does not name two dates: left undated" in bad["warnings"]


def test_an_assessment_of_the_count_before_splits_it_and_counts_nothing_again() -> None:
    records = parse("At 10:10, positioned about 400m north of Zolote, the SMM heard seven explosions 150-200m "
                    "south-south-east. The SMM assessed four of the explosions as outgoing mortar rounds and the "
                    "remaining as outgoing rounds of undetermined weapons.")
    assert [(record["kind"], record["count"], record["weapon"], record.get("breakdown_of"), record["report_id"])
            for record in records] == [
        (OUT, 4, "mortar", 7, "t.txt:1:1"), (OUT, 3, None, 7, "t.txt:1:2"), ("other", None, None, None, "t.txt:1:3")]
    assert records[0]["observer_offset"] == "0.4 km N" and records[1]["distance_max_km"] == 0.2
    assert records[2]["assessment_of"] == ["t.txt:1:1", "t.txt:1:2"]
    assert records[2]["warnings"] == [
        "an assessment of what the sentence before reported (t.txt:1:1, t.txt:1:2): applied to it, not a new observation"]
    # on the next line, and only part of the count assessed: the rest stays as it was
    records = parse("The SMM heard ten explosions 3km east.\nThe SMM assessed two of them as impacts of 82mm mortar rounds.")
    assert [(record["line"], record["kind"], record["count"], record["weapon"], record.get("breakdown_of"))
            for record in records] == [(1, IMP, 2, "mortar", 10), (1, UND, 8, None, 10), (2, "other", None, None, None)]
    # nothing it could refer to, or more parts than the count: not applied, and not counted as new explosions
    (alone,) = parse("The SMM assessed four of the explosions as outgoing mortar rounds.")
    assert (alone["kind"], alone["count"]) == ("other", None) and "assessment_of" not in alone
    assert alone["warnings"] == ["an assessment ('The SMM assessed four of the explosions as outgoing mortar rounds.') of a "
                                 "count the sentence before does not give as one count of explosions: not applied, and "
                                 "not a new observation"]
    records = parse("The SMM heard two explosions 3km east. The SMM assessed four of the explosions as impacts.")
    assert [(record["kind"], record["count"]) for record in records] == [(UND, 2), ("other", None)]
    # "assessed that …" is not such an assessment
    records = parse("The SMM heard about 20 shots 50m south. The SMM assessed that the shots had been aimed at its UAV.")
    assert records[0]["count"] == 20 and len(records) == 2 and "assessment_of" not in records[1]


def test_a_salvo_is_not_one_explosion() -> None:
    (record,) = parse("The SMM heard an outgoing salvo of MLRS 10km south.")
    assert record["count"] is None and record["salvos"] == 1 and record["kind"] == OUT


def test_bursts_and_shots_keep_their_kind_when_outgoing() -> None:
    records = parse("The SMM heard 20 bursts of outgoing heavy-machine-gun fire and two explosions assessed as outgoing "
                    "rounds 1km north.")
    assert [(record["kind"], record["count"], record.get("fire")) for record in records] == [
        ("burst", 20, "outgoing"), (OUT, 2, None)]
