"""Session 9: eighty sentences written the way the OSCE SMM's daily reports read (2015-2021), with the
structured values each must give. Region headings, ceasefire-violation tallies and comparisons with
another period, breakdowns between commas without "of which", UAV sightings, fresh craters with the
direction the rounds came from, events placed at, near, or off named places (with their
``location_uncertainty_km``), "in the direction of X", camera positions, clock windows and parts of
the day. Each sentence is parsed on its own with --date 2017-06-14; times are "DD HH:MM" UTC.

Places the bundled gazetteer does not hold (Petrivske, Pyshchevyk, Sakhanka, Vodiane, Krymske,
Troitske, Kalynove, Lebedynske, Maiorsk, Bohdanivka: no source with coordinates was found, see
places_sources.md) must be named in a warning and leave the position empty, never guessed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.test_patrol_osce_style import check_records
from tests.ingest.test_patrol_sentences import parse as parse_records

UND, IMP, OUT = "explosion_undetermined", "explosion_impact", "explosion_outgoing"
SUMMARY = "reads as a summary of the period: its counts may repeat those of other sentences"
NIGHT = ("14 12:00", "15 12:00")
EVENING_NIGHT = ("14 15:00", "15 12:00")  # "On the evening and night of 14-15 June": from the evening (patrol19b)
DAY = ("14 00:00", "15 00:00")


def parse(text: str) -> list[dict[str, Any]]:
    return parse_records(text, date=date(2017, 6, 14))


def rec(kind: str, count: int | None, **fields: Any) -> dict[str, Any]:
    return dict(kind=kind, count=count, **fields)


def unknown(place: str, what: str = "observer position") -> str:
    return f"place {place!r} is not in the gazetteer: {what} left empty"


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- summaries: tallies of ceasefire violations, comparisons with another period
    ("In Donetsk region, the SMM recorded 232 ceasefire violations, including 99 explosions, compared with 180 "
     "ceasefire violations, including 67 explosions, in the previous reporting period.",
     [rec(UND, 99, region="Donetsk", ceasefire_violations=232, compared_with="compared with 180 ceasefire violations, "
          "including 67 explosions, in the previous reporting period", warnings=[SUMMARY])]),
    ("In Luhansk region, the SMM recorded 14 ceasefire violations, including 12 explosions, compared with two "
     "ceasefire violations in the previous reporting period.",
     [rec(UND, 12, region="Luhansk", ceasefire_violations=14, warnings=[SUMMARY])]),
    ("The SMM recorded fewer ceasefire violations in Donetsk region (about 85) compared with the previous reporting "
     "period (about 110).",
     [rec("other", None, region="Donetsk", ceasefire_violations=85, ceasefire_violations_qualifier="about",
          ceasefire_violations_trend="fewer", compared_with="compared with the previous reporting period (about 110)",
          warnings=[SUMMARY])]),
    ("Compared with the previous day, the SMM recorded more ceasefire violations in Luhansk region, including 25 "
     "explosions.",
     [rec(UND, 25, region="Luhansk", ceasefire_violations_trend="more", compared_with="Compared with the previous day",
          warnings=[SUMMARY])]),
    ("In Donetsk region, the SMM recorded a total of about 50 ceasefire violations.",
     [rec("other", None, region="Donetsk", ceasefire_violations=50, ceasefire_violations_qualifier="about",
          warnings=[SUMMARY])]),
    ("In the previous reporting period, it recorded 219 ceasefire violations, including 80 explosions, in the region.",
     [rec(UND, 80, period="previous", ceasefire_violations=219, time_start=None, time_end=None, warnings=[SUMMARY])]),
    ("The SMM recorded a total of 18 explosions and 40 bursts in Luhansk region, all of which were recorded near "
     "Zolote and Popasna.",
     [rec(UND, 18, region="Luhansk", event_place="Zolote and Popasna", event_relation="near", warnings=[]),
      rec("burst", 40, region="Luhansk", event_place="Zolote and Popasna", warnings=[])]),
    ("In Donetsk region, the SMM recorded more ceasefire violations, including more explosions (about 120), compared "
     "with the previous reporting period (about 80 explosions).",  # the number in brackets is the count
     [rec(UND, 120, count_qualifier="about", ceasefire_violations_trend="more",
          compared_with="compared with the previous reporting period (about 80 explosions)", warnings=[SUMMARY])]),
    ("In Luhansk region, the SMM recorded fewer ceasefire violations, including fewer explosions (five), compared with "
     "the previous reporting period (17 explosions).",
     [rec(UND, 5, ceasefire_violations_trend="fewer", warnings=[SUMMARY])]),
    ("The SMM recorded more ceasefire violations compared with the previous day, including 30 explosions 2-3km south "
     "of Popasna.",  # the comparison ends with its period: what follows is this period's
     [rec(UND, 30, compared_with="compared with the previous day", event_place="Popasna", warnings=[SUMMARY])]),
    ("In Donetsk region, the SMM recorded a similar number of ceasefire violations, including a similar number of "
     "explosions (about 60), compared with the previous reporting period.",  # "a similar number": not "a" (one)
     [rec(UND, 60, count_qualifier="about", ceasefire_violations_trend="a similar number of", warnings=[SUMMARY])]),
    ("On 14 June, in Donetsk region, the SMM recorded more ceasefire violations than in the previous reporting period.",
     # about this period, compared with the previous one: dated, not "period: previous"
     [rec("other", None, region="Donetsk", ceasefire_violations_trend="more",
          compared_with="than in the previous reporting period", period=None, time_start=DAY[0], time_end=DAY[1],
          warnings=[SUMMARY])]),
    # --- observers: positions, cameras, places the gazetteer lacks
    ("In the same period, positioned in Petrivske, the SMM heard 14 explosions assessed as outgoing rounds of "
     "artillery (122mm) 4-6km north-north-east.",
     [rec(OUT, 14, weapon="artillery", calibre_mm=122, bearing="NNE", distance_min_km=4.0, distance_max_km=6.0,
          observer_place="Petrivske", observer_lat=None, warnings=[unknown("Petrivske")])]),
    ("The SMM camera in Shyrokyne recorded 12 projectiles in flight from west to east and two undetermined "
     "explosions, all 1-2km north.",
     [rec("projectile_in_flight", 12, flight_direction="W to E", bearing="N", distance_min_km=1.0, distance_max_km=2.0,
          observer_place="Shyrokyne", warnings=[]),
      rec(UND, 2, bearing="N", distance_max_km=2.0, observer_place="Shyrokyne", warnings=[])]),
    ("On the evening and night of 14-15 June, the SMM camera at the entry-exit checkpoint in Stanytsia Luhanska "
     "recorded 13 undetermined explosions, 2-4km west-south-west.",
     [rec(UND, 13, bearing="WSW", distance_min_km=2.0, distance_max_km=4.0, observer_place="Stanytsia Luhanska",
          time_start=EVENING_NIGHT[0], time_end=EVENING_NIGHT[1], warnings=[])]),
    ("While in Pyshchevyk, the SMM heard an undetermined explosion at an undetermined distance.",
     [rec(UND, 1, distance_min_km=None, bearing=None, observer_place="Pyshchevyk", warnings=[unknown("Pyshchevyk")])]),
    ("Positioned about 1km south of Sakhanka, the SMM heard about 50 shots of small-arms fire 1-2km north-east.",
     [rec("shot", 50, count_qualifier="about", weapon="small_arms", bearing="NE", distance_min_km=1.0,
          distance_max_km=2.0, observer_place="Sakhanka", warnings=[unknown("Sakhanka")])]),
    ("Positioned at the Donetsk Filter Station, the SMM heard 41 undetermined explosions and about 330 shots and "
     "bursts of small-arms and heavy-machine-gun fire, all 1-3km at directions ranging from south-east to south-west.",
     [rec(UND, 41, bearing="SE..SW", bearing_min_deg=123.75, bearing_max_deg=236.25, distance_max_km=3.0,
          observer_place="Donetsk Filter Station", warnings=[]),
      rec("shot", 330, count_qualifier="about", combined_kinds=["shot", "burst"], weapon="small_arms",
          other_weapons=["heavy_machine_gun"], bearing="SE..SW", warnings=[])]),
    ("Between 21:09 and 21:47, while in Chermalyk, the SMM heard 16 explosions assessed as impacts of mortar rounds "
     "3-5km east.",
     [rec(IMP, 16, weapon="mortar", bearing="E", distance_min_km=3.0, distance_max_km=5.0, observer_place="Chermalyk",
          observer_lat=47.315, time_start="14 21:09", time_end="14 21:47", warnings=[])]),
    ("Overnight, the SMM camera in Avdiivka recorded 35 projectiles in flight from south to north, 2-3km "
     "east-north-east.",
     [rec("projectile_in_flight", 35, flight_direction="S to N", bearing="ENE", time_of_day="overnight",
          observer_place="Avdiivka", warnings=[])]),
    ("At 14:20, positioned 2km north-west of Horlivka, the SMM heard 12 explosions of an undetermined type at least "
     "6km south.",
     [rec(UND, 12, bearing="S", distance_min_km=6.0, distance_max_km=None, distance_qualifier="at least",
          observer_place="Horlivka", observer_offset="2 km NW", time_start="14 14:20", warnings=[])]),
    ("The SMM heard, at an unknown distance and in an unknown direction, four undetermined explosions while "
     "positioned in Marinka.",
     [rec(UND, 4, bearing=None, distance_min_km=None, observer_place="Marinka", warnings=[])]),
    ("While in Zolote, the SMM heard about 20 bursts of heavy-machine-gun fire about 1km south-east.",
     [rec("burst", 20, count_qualifier="about", weapon="heavy_machine_gun", bearing="SE", distance_min_km=1.0,
          distance_qualifier="about", observer_place="Zolote", warnings=[])]),
    ("On the night of 14-15 June, the SMM camera near Trokhizbenka recorded four projectiles in flight from north to "
     "south and an illumination flare in vertical flight, all about 3km south-east.",
     [rec("projectile_in_flight", 4, flight_direction="N to S", bearing="SE", distance_min_km=3.0,
          observer_place="Trokhizbenka", observer_lat=48.7594, time_start=NIGHT[0], warnings=[]),
      rec("flare", 1, flight_direction="vertical", bearing="SE", distance_max_km=3.0, warnings=[])]),
    ("Positioned in Krymske, the SMM heard 15 undetermined explosions 5-7km north-east.",
     [rec(UND, 15, bearing="NE", distance_min_km=5.0, observer_place="Krymske", warnings=[unknown("Krymske")])]),
    ("Positioned on the south-western edge of Popasna, the SMM heard ten explosions assessed as caused by artillery "
     "rounds at an undetermined distance south-east.",
     [rec(UND, 10, weapon="artillery", bearing="SE", distance_min_km=None, observer_place="Popasna", warnings=[])]),
    ("Between 10:20 and 11:25, positioned in Vesela Hora, the SMM heard at least 30 shots of small-arms fire 1-2km "
     "north-west.",
     [rec("shot", 30, count_qualifier="at least", weapon="small_arms", bearing="NW", observer_place="Vesela Hora",
          observer_lat=48.7117, time_start="14 10:20", time_end="14 11:25", warnings=[])]),
    ("Positioned in Kalynove, the SMM heard about 40 shots of small-arms fire 2-3km south.",
     [rec("shot", 40, bearing="S", observer_place="Kalynove", warnings=[unknown("Kalynove")])]),
    ("The SMM camera in Zolote recorded an airburst 3-4km east-south-east at 22:31.",
     [rec("airburst", 1, bearing="ESE", distance_min_km=3.0, distance_max_km=4.0, observer_place="Zolote",
          time_start="14 22:31", time_end="14 22:31", warnings=[])]),
    ("Positioned 1.5km west of Lebedynske, the SMM heard seven undetermined explosions 6-8km east.",
     [rec(UND, 7, bearing="E", distance_min_km=6.0, observer_place="Lebedynske", observer_lat=None,
          warnings=[unknown("Lebedynske")])]),
    ("From 19:48 to 20:03, the SMM camera in Shchastia recorded nine undetermined explosions, eight projectiles in "
     "flight from east to west and ten bursts, 4-6km south-south-east.",
     [rec(UND, 9, bearing="SSE", distance_min_km=4.0, time_start="14 19:48", time_end="14 20:03", warnings=[]),
      rec("projectile_in_flight", 8, flight_direction="E to W", bearing="SSE", warnings=[]),
      rec("burst", 10, bearing="SSE", distance_max_km=6.0, time_end="14 20:03", warnings=[])]),
    ("At 19:15, while in Kadiivka, the SMM heard an explosion approximately 10km south-west.",
     [rec(UND, 1, bearing="SW", distance_min_km=10.0, distance_qualifier="approximately", observer_place="Kadiivka",
          time_start="14 19:15", warnings=[])]),
    ("Positioned about 3km north-east of Marinka, the SMM saw a flash and heard an explosion assessed as an impact "
     "about 1km south-east.",
     [rec("other", 1, bearing="SE", observer_place="Marinka", observer_offset="3 km NE", warnings=[]),
      rec(IMP, 1, bearing="SE", distance_min_km=1.0, warnings=[])]),
    ("Positioned in Dokuchaievsk, the SMM heard 28 explosions assessed as outgoing artillery (152mm) fire 5-7km west.",
     [rec(OUT, 28, weapon="artillery", calibre_mm=152, bearing="W", observer_place="Dokuchaievsk", warnings=[])]),
    ("The SMM camera in Shyrokyne recorded an undetermined explosion in an unknown direction.",
     [rec(UND, 1, bearing=None, observer_place="Shyrokyne", warnings=[])]),
    ("On 14 June, the SMM camera at the Donetsk Filter Station recorded 7 projectiles in flight from east to west, "
     "2-4km west-south-west.",
     [rec("projectile_in_flight", 7, flight_direction="E to W", bearing="WSW", observer_place="Donetsk Filter Station",
          time_start=DAY[0], time_end=DAY[1], warnings=[])]),
    # "Oktiabr" names both the village now called Verkhnoshyrokivske and a mine in Donetsk city: the bare name is
    # not resolved, the description after it is used
    ("On the evening of 14 June, the SMM camera at the Oktiabr mine (9km north-west of Donetsk city centre) recorded "
     "12 undetermined explosions 1-3km north-north-west.",
     [rec(UND, 12, bearing="NNW", observer_place="Donetsk", observer_lat=48.0602, observer_lon=37.71962, warnings=[])]),
    ("Positioned in Oktiabr (non-government-controlled, 28km north-east of Mariupol), the SMM heard 3 explosions 2km "
     "west.",
     [rec(UND, 3, bearing="W", observer_place="Oktiabr", observer_lat=47.27379,
          warnings=["place 'Oktiabr' is not in the gazetteer: position taken from '28km north-east of Mariupol'"])]),
    ("Positioned in Avdiivka, the SMM heard 12 explosions from a south-easterly direction.",  # a sound: a bearing
     [rec(UND, 12, bearing="SE", observer_place="Avdiivka", warnings=[])]),
    # --- breakdowns of a count
    ("On 14 June, near Shchastia, the SMM heard about ten undetermined explosions, two assessed as outgoing rounds "
     "and eight as impacts, 4-6km south.",
     [rec(OUT, 2, breakdown_of=10, breakdown_of_qualifier="about", bearing="S", distance_min_km=4.0,
          observer_place="Shchastia", time_start=DAY[0], warnings=[]),
      rec(IMP, 8, breakdown_of=10, bearing="S", distance_max_km=6.0, warnings=[])]),
    ("Positioned in Krasnohorivka, the SMM heard 12 explosions, of which two were assessed as outgoing and ten as "
     "impacts, 2-4km south-west.",
     [rec(OUT, 2, breakdown_of=12, bearing="SW", warnings=[]), rec(IMP, 10, breakdown_of=12, bearing="SW", warnings=[])]),
    # --- where the event itself was: lat/lon and location_uncertainty_km (see test_patrol_event_place.py)
    ("The SMM saw fresh impacts in Pyshchevyk.",
     [rec("other", None, event_place="Pyshchevyk", event_relation="in", lat=None, location_uncertainty_km=None,
          warnings=[unknown("Pyshchevyk", "event location")])]),
    ("The SMM heard three explosions assessed as impacts in Vodiane, about 3km north-east of its position.",
     [rec(IMP, 3, event_place="Vodiane", bearing="NE", distance_min_km=3.0, distance_qualifier="about", lat=None,
          warnings=[unknown("Vodiane", "event location")])]),
    ("Positioned in Hnutove, the SMM heard two explosions assessed as impacts 3-5km south-east of Vodiane.",
     [rec(IMP, 2, observer_place="Hnutove", event_place="Vodiane", event_relation="offset", lat=None,
          warnings=[unknown("Vodiane", "event location")])]),
    ("The SMM observed two fresh craters assessed as caused by 120mm mortar rounds fired from a southerly direction in "
     "a field about 400m north of Maiorsk.",
     [rec("other", 2, weapon="mortar", calibre_mm=120, fired_from="S", bearing=None, event_place="Maiorsk",
          event_relation="offset", warnings=[unknown("Maiorsk", "event location")])]),
    ("Positioned in Svitlodarsk, the SMM heard 17 undetermined explosions 3-5km south-south-west of Svitlodarsk "
     "between 09:56 and 10:38.",
     [rec(UND, 17, observer_place="Svitlodarsk", event_place="Svitlodarsk", event_relation="offset",
          lat=48.39976, lon=38.19633, location_uncertainty_km=3.83, time_start="14 09:56", warnings=[])]),
    ("The SMM heard two explosions assessed as artillery impacts 3-5km south of Popasna.",
     [rec(IMP, 2, weapon="artillery", event_place="Popasna", lat=48.59703, lon=38.383, location_uncertainty_km=3.83,
          warnings=[])]),
    ("In the early morning hours, the SMM heard an exchange of fire involving at least 14 explosions and over 100 "
     "shots of heavy-machine-gun fire approximately 2km south of Verkhnoshyrokivske.",
     [rec(UND, 14, count_qualifier="at least", time_of_day="in the early morning hours",
          event_place="Verkhnoshyrokivske", lat=47.21731, location_uncertainty_km=3.16, warnings=[]),
      rec("shot", 100, count_qualifier="more than", weapon="heavy_machine_gun", lat=47.21731, warnings=[])]),
    ("The SMM heard an explosion near Shyroka Balka.",
     [rec(UND, 1, event_place="Shyroka Balka", event_relation="near", lat=48.3011, lon=37.9275,
          location_uncertainty_km=5.5, warnings=[])]),
    ("The SMM heard sporadic small-arms fire near Stanytsia Luhanska.",
     [rec("other", None, weapon="small_arms", event_place="Stanytsia Luhanska", event_relation="near", lat=48.6531,
          location_uncertainty_km=6.16, warnings=[])]),
    ("The SMM heard five explosions in the area of Bohdanivka.",
     [rec(UND, 5, event_place="Bohdanivka", event_relation="near", warnings=[unknown("Bohdanivka", "event location")])]),
    ("Using a mini-UAV, the SMM saw three fresh craters about 300m south of Shyroka Balka.",
     [rec("other", 3, event_place="Shyroka Balka", event_relation="offset", lat=48.2984, location_uncertainty_km=2.92,
          warnings=[])]),
    ("The SMM heard explosions in the direction of Pyshchevyk.",
     [rec(UND, None, toward_place="Pyshchevyk", lat=None, bearing_min_deg=None,
          warnings=["place 'Pyshchevyk' is not in the gazetteer: the direction towards it is left empty"])]),
    ("The SMM heard five explosions at an undetermined distance in the direction of Popasna while positioned in "
     "Zolote.",
     [rec(UND, 5, toward_place="Popasna", observer_place="Zolote", bearing_min_deg=227.1, bearing_max_deg=249.6,
          lat=None, warnings=[])]),
    # --- more of the same genre, each fixed in session 9 or checked to hold
    ("Positioned on the north-western outskirts of Svitlodarsk, the SMM heard 23 undetermined explosions and about 150 "
     "shots of small-arms fire, all 4-6km south-south-east.",
     [rec(UND, 23, bearing="SSE", distance_min_km=4.0, observer_place="Svitlodarsk", warnings=[]),
      rec("shot", 150, count_qualifier="about", weapon="small_arms", bearing="SSE", distance_max_km=6.0, warnings=[])]),
    ("The SMM also heard 15 undetermined explosions at unknown distances in various directions while in Horlivka.",
     [rec(UND, 15, bearing=None, distance_min_km=None, observer_place="Horlivka", warnings=[])]),
    ("At 12:35, the SMM heard an explosion assessed as an impact of an 82mm mortar round about 800m south-west of its "
     "position in Zolote-4.",  # a part of Zolote: not taken for Zolote by a similar spelling
     [rec(IMP, 1, weapon="mortar", calibre_mm=82, bearing="SW", distance_min_km=0.8, distance_qualifier="about",
          observer_place="Zolote-4", observer_lat=None, time_start="14 12:35", warnings=[unknown("Zolote-4")])]),
    ("In the early morning of 15 June, the SMM heard 14 undetermined explosions and, at 05:12, a burst of "
     "heavy-machine-gun fire, all 3-5km east.",  # "all": the distance and direction are both's, the time is the burst's
     [rec(UND, 14, bearing="E", distance_min_km=3.0, time_start="15 00:00", time_end="15 10:00", warnings=[]),
      rec("burst", 1, weapon="heavy_machine_gun", bearing="E", distance_max_km=5.0, time_start="15 05:12", warnings=[])]),
    ("The SMM recorded 312 ceasefire violations, including 96 explosions, in Donetsk region; in Luhansk region, it "
     "recorded 30 ceasefire violations.",
     [rec(UND, 96, region="Donetsk", ceasefire_violations=312, warnings=[SUMMARY]),
      rec("other", None, region="Luhansk", ceasefire_violations=30, warnings=[SUMMARY])]),
    ("Positioned in government-controlled Stanytsia Luhanska, the SMM heard ten shots of small-arms fire 1km south-east.",
     [rec("shot", 10, weapon="small_arms", bearing="SE", observer_place="Stanytsia Luhanska", warnings=[])]),
    ("While in Hnutove, the SMM heard 20 explosions (undetermined) 5-7km north-east.",
     [rec(UND, 20, bearing="NE", distance_min_km=5.0, observer_place="Hnutove", warnings=[])]),
    ("Between 22:45 on 14 June and 01:20 on 15 June, the SMM camera in Chermalyk recorded 8 tracer rounds from east to "
     "west 2-3km north.",
     [rec("projectile_in_flight", 8, flight_direction="E to W", bearing="N", observer_place="Chermalyk",
          time_start="14 22:45", time_end="15 01:20", warnings=[])]),
    ("The SMM saw smoke rising about 2km south-west of its position in Popasna.",  # session 10: smoke seen, kind other
     [rec("other", None, observer_place="Popasna", sighting="smoke", bearing="SW", distance_min_km=2.0,
          distance_max_km=2.0, warnings=[])]),
    ("On 15 June, the SMM saw a crater assessed as caused by an artillery round in Hnutove.",
     [rec("other", 1, weapon="artillery", event_place="Hnutove", event_relation="in", lat=47.12,
          location_uncertainty_km=2.5, time_start="15 00:00", warnings=[])]),
    ("Positioned 3km south-east of Avdiivka, the SMM heard 12 explosions, including five assessed as impacts and seven "
     "as outgoing, 3-5km east.",
     [rec(IMP, 5, breakdown_of=12, bearing="E", observer_offset="3 km SE", warnings=[]),
      rec(OUT, 7, breakdown_of=12, bearing="E", warnings=[])]),
    ("The SMM heard an explosion at an unknown distance north-east of Popasna.",  # beside Popasna, not a bearing
     [rec(UND, 1, bearing=None, event_place="Popasna", event_relation="near", event_side="NE", lat=48.633,
          location_uncertainty_km=5.5, warnings=[])]),
    ("Positioned near the entry-exit checkpoint near Maiorsk, the SMM heard three undetermined explosions 5-7km south.",
     [rec(UND, 3, bearing="S", observer_place="Maiorsk", warnings=[unknown("Maiorsk")])]),
    ("The SMM camera in Avdiivka recorded 20 projectiles in flight from south-west to north-east, 2-4km north-east "
     "(see SMM Daily Report 15 June 2017).",
     [rec("projectile_in_flight", 20, flight_direction="SW to NE", bearing="NE", time_start=None, warnings=[])]),
    ("During the day on 15 June, positioned in Pivdenne, the SMM heard about 30 bursts and shots of heavy-machine-gun "
     "fire 3-4km south-east.",
     [rec("burst", 30, combined_kinds=["burst", "shot"], weapon="heavy_machine_gun", bearing="SE",
          time_start="15 00:00", time_end="16 00:00", warnings=[unknown("Pivdenne")])]),
    ("The SMM heard two explosions assessed as impacts approximately 1km south of Verkhnoshyrokivske and one explosion "
     "assessed as outgoing about 3km east of Shyrokyne.",  # two observations, each at its own place
     [rec(IMP, 2, event_place="Verkhnoshyrokivske", event_relation="offset", lat=47.22631, location_uncertainty_km=3.05,
          warnings=[]),
      rec(OUT, 1, event_place="Shyrokyne", event_relation="offset", lat=47.08299, location_uncertainty_km=3.5,
          warnings=[])]),
    # --- checked against a longer passage in the daily reports' style
    ("Positioned at the Donetsk Filter Station (15km north of Donetsk) on 14 June, between 09:20 and 11:40, the SMM "
     "heard 13 undetermined explosions 3-5km east-north-east and about 40 bursts and shots of heavy-machine-gun fire "
     "1-2km north-east.",  # each observation its own distance and direction
     [rec(UND, 13, bearing="ENE", distance_min_km=3.0, observer_place="Donetsk Filter Station", time_start="14 09:20",
          time_end="14 11:40", warnings=[]),
      rec("burst", 40, combined_kinds=["burst", "shot"], bearing="NE", distance_max_km=2.0, time_end="14 11:40",
          warnings=[])]),
    ("The SMM camera in Avdiivka (17km north of Donetsk) recorded 78 undetermined explosions, 46 projectiles in flight "
     "from east to west, 14 from west to east, three airbursts and an illumination flare in vertical flight, all 1-3km "
     "at directions ranging from north-east to south-east.",
     [rec(UND, 78, bearing="NE..SE", bearing_min_deg=33.75, bearing_max_deg=146.25, observer_place="Avdiivka",
          warnings=[]),
      rec("projectile_in_flight", 46, flight_direction="E to W", distance_max_km=3.0, warnings=[]),
      rec("projectile_in_flight", 14, flight_direction="W to E", bearing="NE..SE", warnings=[]),
      rec("airburst", 3, bearing="NE..SE", warnings=[]), rec("flare", 1, flight_direction="vertical", warnings=[])]),
    ("Positioned in non-government-controlled Kalynove (60km west of Luhansk), the SMM heard two explosions 3km north.",
     [rec(UND, 2, bearing="N", observer_place="Kalynove", observer_lat=48.57113,
          warnings=["place 'Kalynove' is not in the gazetteer: position taken from '60km west of Luhansk'"])]),
    ("The SMM recorded 45 explosions (24 undetermined, 11 impacts and ten outgoing rounds) in the area of Avdiivka, "
     "Yasynuvata and Donetsk airport.",
     [rec(UND, 24, breakdown_of=45, event_place="Avdiivka, Yasynuvata and Donetsk Airport", event_relation="near",
          lat=48.11423, location_uncertainty_km=11.49, warnings=[]),
      rec(IMP, 11, breakdown_of=45, lat=48.11423, warnings=[]), rec(OUT, 10, breakdown_of=45, warnings=[])]),
    ("At 11:25, the SMM saw four shots of small-arms fire 200m west of its position in Zolote-3/Stakhanovets.",
     # both names of the place are tried; "Stakhanovets" is not Kadiivka's old name Stakhanov
     [rec("shot", 4, weapon="small_arms", bearing="W", distance_min_km=0.2, observer_place="Zolote-3",
          observer_lat=None, time_start="14 11:25", warnings=[unknown("Zolote-3")])]),
    ("The SMM heard 18 explosions assessed as impacts of artillery (122mm) rounds, 12 assessed as outgoing rounds of "
     "mortar (120mm) and five undetermined explosions, all 5-7km south.",  # three observations, not a split of 18
     [rec(IMP, 18, weapon="artillery", calibre_mm=122, bearing="S", distance_min_km=5.0, warnings=[]),
      rec(OUT, 12, weapon="mortar", calibre_mm=120, bearing="S", warnings=[]),
      rec(UND, 5, weapon=None, bearing="S", distance_max_km=7.0, warnings=[])]),
    ("Positioned on the north-eastern edge of Marinka, the SMM heard 30 shots of infantry fighting vehicle (BMP-2) "
     "cannon fire 2-3km south-east.",
     [rec("shot", 30, weapon="ifv", bearing="SE", observer_place="Marinka", warnings=[])]),
    ("The SMM heard sporadic bursts and shots of small-arms fire 1-2km south-west of its position in Shyrokyne.",
     [rec("burst", None, combined_kinds=["burst", "shot"], weapon="small_arms", bearing="SW", distance_min_km=1.0,
          observer_place="Shyrokyne", lat=None, warnings=[])]),
    # --- sightings
    ("The SMM spotted a mini-UAV flying over Troitske.",
     [rec("other", 1, sighting="uav", event_place="Troitske", event_relation="near",
          warnings=[unknown("Troitske", "event location")])]),
    ("The SMM long-range UAV spotted two tanks near Vesela Hora.",  # the mission's own UAV; session 10: tanks seen
     [rec("other", 2, sighting="weapon", weapon="tank", event_place="Vesela Hora", warnings=[])]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case[0][:70] for case in CASES])
def test_smm_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check_records(parse(sentence), expected)


def test_there_are_sixty_cases() -> None:
    assert len(CASES) >= 60


DOCUMENT = """Donetsk region
In Donetsk region, the SMM recorded 232 ceasefire violations, including 99 explosions.
Positioned in Chermalyk, the SMM heard 16 explosions 3-5km east.

Luhansk region:
The SMM camera in Zolote recorded an airburst 3-4km east-south-east at 22:31.
"""


def test_a_heading_gives_its_region_to_what_follows_and_is_kept_as_a_record() -> None:
    records = parse(DOCUMENT)
    assert [(record["line"], record["kind"], record.get("region")) for record in records] == [
        (1, "other", "Donetsk"), (2, UND, "Donetsk"), (3, UND, "Donetsk"), (5, "other", "Luhansk"), (6, "airburst", "Luhansk")]
    assert records[0]["warnings"] == ["a heading ('Donetsk region'): no observation"]
    assert records[3]["warnings"] == ["a heading ('Luhansk region'): no observation"]
    assert records[2]["warnings"] == [] and records[4]["warnings"] == []


def test_a_summary_of_the_region_starts_its_part_of_the_report() -> None:
    records = parse("In Luhansk region, the SMM recorded 14 ceasefire violations, including 12 explosions.\n"
                    "While in Zolote, the SMM heard about 20 bursts of heavy-machine-gun fire about 1km south-east.")
    assert [record.get("region") for record in records] == ["Luhansk", "Luhansk"]
    assert parse("While in Zolote, the SMM heard about 20 bursts 1km south-east.")[0].get("region") is None


def test_footnote_marks_and_section_titles() -> None:
    records = parse("Ceasefire violations[1]\n"
                    "In Donetsk region, the SMM recorded 263 ceasefire violations, including 112 explosions.[2] In the "
                    "previous reporting period, it recorded 144 ceasefire violations in the region.")
    assert [(record["line"], record["kind"], record["count"]) for record in records] == [
        (1, "other", None), (2, UND, 112), (2, "other", None)]
    assert records[0]["warnings"] == ["a heading ('Ceasefire violations'): no observation"]
    assert records[0]["text"] == "Ceasefire violations[1]"  # the text as written
    assert records[1]["warnings"] == [SUMMARY] and records[1]["ceasefire_violations"] == 263
    assert records[2]["ceasefire_violations"] == 144 and records[2]["period"] == "previous" and records[2]["warnings"] == [SUMMARY]
    (sentence,) = parse("The weather was cloudy.")  # a sentence (it ends with a full stop), not a title
    assert sentence["warnings"] == ["no observation (explosion, burst, shot, flare, projectile) found",
                                    "not understood: 'weather was cloudy'"]


def test_projectiles_split_by_flight_direction() -> None:
    records = parse("On the evening and night of 14-15 June, the SMM camera in Avdiivka (17km north of Donetsk) recorded "
                    "14 undetermined explosions, 130 projectiles in flight (including 17 from west to east and 20 from "
                    "north to south) and ten bursts, all 0.5-3km at directions ranging from east-north-east to south-east.")
    assert [(record["kind"], record["count"], record["flight_direction"], record.get("breakdown_of")) for record in records] == [
        (UND, 14, None, None), ("projectile_in_flight", 17, "W to E", 130), ("projectile_in_flight", 20, "N to S", 130),
        ("projectile_in_flight", 93, None, 130), ("burst", 10, None, None)]
    for record in records:
        assert record["warnings"] == [] and record["bearing"] == "ENE..SE" and record["distance_min_km"] == 0.5
        assert (record["time_start"], record["time_end"]) == EVENING_NIGHT


def test_an_offset_from_a_place_with_two_names_tries_both() -> None:
    (record,) = parse("Positioned about 1km north-east of Zolote-4/Rodina, the SMM heard 12 undetermined explosions 1-3km "
                      "south-east.")
    assert record["observer_place"] == "Zolote-4" and record["observer_lat"] is None
    assert record["warnings"] == [unknown("Zolote-4")]



def test_a_place_described_once_is_found_again_later_in_the_text() -> None:
    # monitoring reports describe a village the first time they name it, not after
    records = parse(
        "Positioned in Petrivske (non-government-controlled, 41km south of Donetsk), the SMM heard 14 explosions "
        "4-6km north-north-east.\n"
        "Positioned 1km south of Kalynove (non-government-controlled, 60km west of Luhansk), the SMM heard two shots.\n"
        "The SMM saw three fresh craters in Pyshchevyk (government-controlled, 25km north-east of Mariupol).\n"
        "Later, positioned in Petrivske, the SMM heard 3 explosions 2km east.\n"
        "Positioned in Kalynove, the SMM heard 5 shots 1km south.\n"
        "The SMM heard four explosions assessed as impacts in Pyshchevyk.\n"
        "Positioned in Sakhanka, the SMM heard an explosion.")
    first, kalynove_offset, craters, petrivske, kalynove, impacts, sakhanka = records
    assert (petrivske["observer_lat"], petrivske["observer_lon"]) == (first["observer_lat"], first["observer_lon"])
    assert petrivske["observer_lat"] is not None
    assert petrivske["warnings"] == ["place 'Petrivske' is not in the gazetteer: position taken from its description "
                                     "earlier in the text ('41km south of Donetsk')"]
    assert kalynove["observer_lat"] == pytest.approx(kalynove_offset["observer_lat"] + 1.0 / 111.2, abs=2e-3)  # 1 km north of it
    assert (impacts["lat"], impacts["lon"], impacts["location_uncertainty_km"]) == (
        craters["lat"], craters["lon"], craters["location_uncertainty_km"])
    assert impacts["warnings"] == ["place 'Pyshchevyk' is not in the gazetteer: its position taken from its description "
                                   "earlier in the text ('25km north-east of Mariupol')"]
    assert sakhanka["observer_lat"] is None  # never described: left empty
