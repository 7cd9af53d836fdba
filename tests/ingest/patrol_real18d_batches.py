"""Session 18 (patrol18d): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (one to five sentences, cut with "[...]" where a
passage is left out or the stored page ends) of the page noted above it; the date is the report's day (the page's date
where the report's is not known). Fields as in ``test_patrol_real16.judge`` (see ``patrol_real18c_batches``).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
HOR = (48.30, 38.05)  # Horlivka
SVI = (48.43, 38.22)  # Svitlodarsk
DEB = (48.34, 38.41)  # Debaltseve
PIS = (48.075, 37.695)  # Pisky
SHY = (47.08, 37.83)  # Shyrokyne
DON = (48.00, 37.80)  # Donetsk centre
AVD = (48.14, 37.75)  # Avdiivka
DFS = (48.156, 37.806)  # Donetsk Filtration Station
RS = (48.05, 37.74)  # Donetsk central railway station, 6-8 km north-west of the centre

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch G: gathered first, measured once on main before any change ---------------------------------------------
BATCH_G: list[Item] = [

# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-442
# (page dated 26 May 2018; "Latest from", as of 19:30, 25 May 2018)
("G01", "2018-05-25",
 "In Donetsk region, the SMM recorded more ceasefire violations, including more explosions (about 660), compared with "
 "the previous reporting period (about 295 explosions).",
 [dict(kind=UND, count=660, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=295, opt=True)]),
# (same page)
("G02", "2018-05-25",
 "On the evening of 24 May, while in Horlivka (non-government-controlled, 39km north-east of Donetsk), the SMM heard "
 "about 50 undetermined explosions, seven explosions assessed as impacts of artillery rounds and about 20 bursts of "
 "heavy-machine-gun fire, all 3-7km south-west, west and north-west.",
 [dict(kind=UND, count=50, qual="about", bearing="SW..NW", dist=(3, 7), time=("within", "24 15:00", "25 00:00"),
       obs="Horlivka", obs_at=HOR),
  dict(kind=IMP, count=7, weapon="artillery", bearing="SW..NW", dist=(3, 7), time=("within", "24 15:00", "25 00:00"),
       obs_at=HOR),
  dict(kind=BURST, count=20, qual="about", weapon="heavy_machine_gun", bearing="SW..NW", dist=(3, 7),
       time=("within", "24 15:00", "25 00:00"), obs_at=HOR)]),
# (same page)
("G03", "2018-05-25",
 "While at the same location, on the morning of 25 May, the SMM heard about 85 explosions assessed as outgoing "
 "artillery rounds 2-8km north-east and north-west, as well as about 100 explosions assessed as impacts of artillery "
 "rounds [...]",
 [dict(kind=OUT, count=85, qual="about", weapon="artillery", bearing="NW..NE", dist=(2, 8),
       time=("within", "25 04:00", "25 12:00"), obs_at=HOR),
  dict(kind=IMP, count=100, qual="about", weapon="artillery", time=("within", "25 04:00", "25 12:00"), obs_at=HOR)]),
# https://censor.net.ua/en/news/420509/most_of_ceasefire_violations_occurred_in_svitlodarsk_debaltseve_horlivka_area_osce
# (Censor.NET's copy of the daily report of 21 December 2016, "as of 19:30, 20 December")
("G04", "2016-12-20",
 "The OSCE Special Monitoring Mission (SMM) registered fewer cease-fire violations in the Donetsk and Luhansk regions "
 "compared with the previous reporting period, including some 730 explosions in the Donetsk region Dec. 20, Censor.NET "
 "reports citing the OSCE SMM's latest report.\n"
 "During the previous reporting period, the SMM recorded some 1,000 explosions.",
 [dict(kind=UND, count=730, qual="about", region="Donetsk", placed=False, time=("within", "19 15:00", "21 00:00")),
  dict(kind=UND, count=1000, opt=True)]),
# (same page)
("G05", "2016-12-20",
 "During the evening of Dec. 19, while in government-controlled Svitlodarsk, the SMM heard, within 22 minutes, 71 "
 "explosions assessed as outgoing 152 mm artillery rounds 6 km south-east and 5 km south.",
 [dict(kind=OUT, count=71, weapon="artillery", bearing="SE..S", dist=(5, 6), time=("within", "19 15:00", "20 00:00"),
       obs="Svitlodarsk", obs_at=SVI)]),
# (same page)
("G06", "2016-12-20",
 "During the morning of Dec. 20, while in the same location, the SMM heard 70 explosions assessed as outgoing 152 mm "
 "artillery rounds 5-6 km north-west, north and north-east, four explosions assessed as outgoing tank rounds 3-5 km "
 "south-east, 39 explosions assessed as the impacts of 120 mm mortar rounds 3-5 km south-west and south-east, and 64 "
 "explosions assessed as outgoing rounds from a recoilless gun (SPG-9, 73 mm) or an infantry fighting vehicle (IFV; "
 "BMP-1) cannon (73 mm) 3-5km south.\n"
 "On the evening of that day, the SMM heard 45 explosions assessed as outgoing 122 mm artillery rounds 4-5 km "
 "south-east.",
 [dict(kind=OUT, count=70, weapon="artillery", bearing="NW..NE", dist=(5, 6), time=("within", "20 04:00", "20 12:00"),
       obs_at=SVI),
  dict(kind=OUT, count=4, weapon="tank", bearing="SE", dist=(3, 5), time=("within", "20 04:00", "20 12:00"),
       obs_at=SVI),
  dict(kind=IMP, count=39, weapon="mortar", bearing="SE..SW", dist=(3, 5), time=("within", "20 04:00", "20 12:00"),
       obs_at=SVI),
  dict(kind=OUT, count=64, bearing="S", dist=(3, 5), time=("within", "20 04:00", "20 12:00"), obs_at=SVI),
  dict(kind=OUT, count=45, weapon="artillery", bearing="SE", dist=(4, 5), time=("within", "20 15:00", "21 00:00"),
       obs_at=SVI)]),
# (same page)
("G07", "2016-12-20",
 "During the evening of Dec. 19, while in \"DPR\"-controlled Debaltseve, the SMM heard, within one hour, 133 "
 "undetermined explosions 8-15km north-west.",
 [dict(kind=UND, count=133, bearing="NW", dist=(8, 15), time=("within", "19 15:00", "20 00:00"), obs="Debaltseve",
       obs_at=DEB)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-749
# (page dated 30 May 2019)
("G08", "2019-05-29",
 "In Donetsk region, the SMM recorded a similar number of ceasefire violations, including, however, more explosions "
 "(about 140), compared with the previous reporting period (about 100 explosions). The highest numbers of ceasefire "
 "violations, including one third of the explosions, were recorded at south-easterly directions of Chermalyk "
 "(government-controlled, 31km north-east of Mariupol) and at north-easterly and easterly directions of Novotroitske "
 "(government-controlled, 36km south-west of Donetsk).",
 [dict(kind=UND, count=140, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=100, opt=True)]),
# (same page)
("G09", "2019-05-29",
 "In Luhansk region, the Mission recorded fewer ceasefire violations, including five explosions, compared with the "
 "previous reporting period (about 80 explosions).",
 [dict(kind=UND, count=5, region="Luhansk", placed=False),
  dict(kind=UND, count=80, opt=True)]),
# http://www.kyivpost.com/content/ukraine/osce-monitors-come-under-fire-in-eastern-ukraine-387797.html (Kyiv Post,
# report for 3 May 2015, released on Monday 4 May)
("G10", "2015-05-04",
 "Members of the Organization for Security and Cooperation in Europe's special monitoring mission were involved in "
 "three life-threatening incidents on May 2 in the government-controlled towns of Pisky near Donetsk and Avdiyivka, "
 "and east of Shyrokyne near Mariupol.\n"
 "Four 82-millimeter shells hit a sand hill in the direct vicinity of the OSCE monitors in the government-controlled "
 "town of Pisky 13 kilometers northwest of Donetsk.",
 [dict(kind=IMP, count=4, weapon="mortar", time=("within", "02 00:00", "03 00:00"), obs_at=PIS)]),
# https://research.uaposition.com/osce/spot-report-by-the-osce-special-monitoring-mission-to-ukraine-smm-smm-team-caught-in-fire-exchange-in-shyrokyne-one-member-injured-by-debris/?amp=1
# (spot report of 27 July 2015, quoted)
("G11", "2015-07-27",
 "At 11:15hrs on 27 July, an SMM patrol comprised of two vehicles entered Shyrokyne (100km south of Donetsk, 20km east "
 "of Mariupol) and found the village to be calm. The SMM established two separate observation points, some 120m apart.\n"
 "At 11:25hrs, the SMM heard one shot of automatic grenade fire, outgoing from a north-easterly direction, impacting to "
 "the west of the SMM\u2019s position on the western side of the village. Moments later, the SMM recorded a burst of "
 "small-arms fire outgoing from the north-west. After a period of silence, another burst of small-arms fire was heard "
 "outgoing from the north-west.",
 [dict(kind=SHOT, count=1, weapon="automatic_grenade_launcher", time=("27 11:25", "27 11:25"), obs_at=SHY),
  dict(kind=BURST, count=1, weapon="small_arms", bearing="NW", obs_at=SHY),
  dict(kind=BURST, count=1, weapon="small_arms", bearing="NW", obs_at=SHY)]),
# https://uacrisis.org/en/37746-osce-14/embed (Ukraine Crisis Media Center, 19 November 2015; "On Sunday" = 15 November)
("G12", "2015-11-19",
 "Kyiv, November 19, 2015. The OSCE Special Monitoring Mission (SMM) continues to note ceasefire violations in a number "
 "of locations, most notably in areas north-west and west of Donetsk city. On Sunday, the SMM observed a marked "
 "increase in the number of ceasefire violations in areas around Donetsk airport, noting 250 instances.",
 [dict(kind=OTHER, cv=250)]),
# https://osce.org/special-monitoring-mission-to-ukraine/334756 ("Latest from", as of 19:30, 7 August 2017)
("G13", "2017-08-07",
 "In Donetsk region the SMM recorded fewer ceasefire violations[1], but more explosions (80), compared with the "
 "previous 24 hours (about 36 explosions).\n"
 "On the night of 6-7 August the SMM, while in Donetsk city centre, heard two undetermined explosions 8-10km "
 "north-west.",
 [dict(kind=UND, count=80, region="Donetsk", placed=False),
  dict(kind=UND, count=36, opt=True),
  dict(kind=UND, count=2, bearing="NW", dist=(8, 10), time=("within", "06 15:00", "07 12:00"), obs="Donetsk",
       obs_at=DON)]),
# (same page)
("G14", "2017-08-07",
 "On the same night, the SMM camera in government-controlled Avdiivka (17km north-west of Donetsk) recorded, in "
 "sequence, two tracer rounds in flight from north to south and one projectile in flight from south to north, followed "
 "by aggregated totals of two explosions (one undetermined, one assessed as the impact of an unknown weapon round) "
 "[...]",
 [dict(kind=PIF, count=2, flight="N to S", obs="Avdiivka", obs_at=AVD),
  dict(kind=PIF, count=1, flight="S to N", obs_at=AVD),
  dict(kind=UND, count=1, obs_at=AVD),
  dict(kind=IMP, count=1, obs_at=AVD),
  dict(kind=UND, count=2, opt=True)]),
# http://osce.org/special-monitoring-mission-to-ukraine/322726 ("Latest from", as of 19:30, 11 June 2017)
("G15", "2017-06-11",
 "In Donetsk region the SMM recorded more ceasefire violations[1] between the evenings of 9 and 10 June, including "
 "about 900 explosions, compared with the previous reporting period (about 170 explosions), and fewer between the "
 "evenings of 10 and 11 June, including, fewer explosions (about 280), compared with the previous 24 hours.",
 [dict(kind=UND, count=900, qual="about", region="Donetsk", placed=False, time=("within", "09 15:00", "11 00:00")),
  dict(kind=UND, count=170, opt=True),
  dict(kind=UND, count=280, qual="about", region="Donetsk", placed=False, time=("within", "10 15:00", "12 00:00"))]),
# https://osce.org/special-monitoring-mission-to-ukraine/382423 ("Latest from", as of 19:30, 23 May 2018)
("G16", "2018-05-23",
 "In Donetsk region, the SMM recorded more ceasefire violations[1], including 640 explosions, compared with the "
 "previous reporting period (about 200 explosions).\n"
 "On the evening of 22 May, the SMM camera in Avdiivka (government-controlled, 17km north of Donetsk) recorded, in "
 "sequence, an undetermined explosion, five muzzle flashes and a projectile in vertical flight, followed by totals of "
 "three undetermined explosions and 15 projectiles (ten from north to south, two from south-west to north-east and "
 "[...]",
 [dict(kind=UND, count=640, region="Donetsk", placed=False),
  dict(kind=UND, count=200, opt=True),
  dict(kind=UND, count=1, time=("within", "22 15:00", "23 00:00"), obs="Avdiivka", obs_at=AVD),
  dict(kind=OTHER, count=5, obs_at=AVD),
  dict(kind=PIF, count=1, obs_at=AVD),
  dict(kind=UND, count=3, obs_at=AVD),
  dict(kind=PIF, count=15, opt=True),
  dict(kind=PIF, count=10, flight="N to S", obs_at=AVD),
  dict(kind=PIF, count=2, flight="SW to NE", obs_at=AVD)]),
]

# --- batch H: gathered after G's fixes, expected fields committed before it was run, measured once --------------------
BATCH_H: list[Item] = [

# https://osce.org/special-monitoring-mission-to-ukraine/382828 ("Latest from", as of 19:30, 28 May 2018)
("H01", "2018-05-28",
 "In Donetsk region, the SMM recorded a similar number of ceasefire violations[1], however more explosions (about 115), "
 "compared with the previous reporting period (about 35 explosions).",
 [dict(kind=UND, count=115, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=35, opt=True)]),
# (same page)
("H02", "2018-05-28",
 "During the evening of 27 May, the SMM camera at Oktiabr mine (non-government controlled, 9km north-west of Donetsk) "
 "recorded, in sequence, an undetermined explosion, a projectile in flight from west to east and 15 undetermined "
 "explosions, followed by totals of 21 undetermined explosions, six projectiles (five in vertical flight and one from "
 "east to west), two bursts assessed as heavy-machine-gun fire and an illumination flare, all 3-6km north-east.",
 [dict(kind=UND, count=1, bearing="NE", dist=(3, 6), time=("within", "27 15:00", "28 00:00")),
  dict(kind=PIF, count=1, flight="W to E", bearing="NE", dist=(3, 6)),
  dict(kind=UND, count=15, bearing="NE", dist=(3, 6)),
  dict(kind=UND, count=21, bearing="NE", dist=(3, 6)),
  dict(kind=PIF, count=6, opt=True),
  dict(kind=PIF, count=5, flight="vertical", bearing="NE", dist=(3, 6)),
  dict(kind=PIF, count=1, flight="E to W", bearing="NE", dist=(3, 6)),
  dict(kind=BURST, count=2, weapon="heavy_machine_gun", bearing="NE", dist=(3, 6)),
  dict(kind=FLARE, count=1, bearing="NE", dist=(3, 6))]),
# https://osce.org/special-monitoring-mission-to-ukraine/398243 ("Latest from", as of 19:30, 30 September 2018)
("H03", "2018-09-30",
 "In Donetsk region, between the evenings of 28 and 29 September, the SMM recorded fewer ceasefire violations,[1] "
 "including, however, more explosions (265), compared with the previous reporting period (about 240 explosions). "
 "Between the evenings of 29 and 30 September, the SMM recorded fewer ceasefire violations, including about 100 "
 "explosions, compared with the previous 24 hours.",
 [dict(kind=UND, count=265, region="Donetsk", placed=False, time=("within", "28 15:00", "30 00:00")),
  dict(kind=UND, count=240, opt=True),
  dict(kind=UND, count=100, qual="about", region="Donetsk", placed=False, time=("within", "29 15:00", "31 00:00"))]),
# (same page)
("H04", "2018-09-30",
 "On the evening and night of 28-29 September, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of "
 "Donetsk) recorded a projectile in flight from north to south, 200-400m south-south-west [...]",
 [dict(kind=PIF, count=1, flight="N to S", bearing="SSW", dist=(0.2, 0.4), time=("within", "28 12:00", "29 12:00"),
       obs_at=DFS)]),
# https://osce.org/special-monitoring-mission-to-ukraine/397955 ("Latest from", as of 19:30, 28 September 2018)
("H05", "2018-09-28",
 "In Donetsk region, the SMM recorded more ceasefire violations,[1] including about 240 explosions, compared with the "
 "previous reporting period (about 100 explosions).",
 [dict(kind=UND, count=240, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=100, opt=True)]),
# (same page)
("H06", "2018-09-28",
 "On the evening of 27 September, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of Donetsk) "
 "recorded three undetermined explosions, five projectiles (four from west to east and one from east to west) and a "
 "muzzle flash, all 0.5km-1.5km south-east, south-south-east and south.",
 [dict(kind=UND, count=3, bearing="SE..S", dist=(0.5, 1.5), time=("within", "27 15:00", "28 00:00"), obs_at=DFS),
  dict(kind=PIF, count=5, opt=True),
  dict(kind=PIF, count=4, flight="W to E", bearing="SE..S", dist=(0.5, 1.5), obs_at=DFS),
  dict(kind=PIF, count=1, flight="E to W", bearing="SE..S", dist=(0.5, 1.5), obs_at=DFS),
  dict(kind=OTHER, count=1, bearing="SE..S", dist=(0.5, 1.5), obs_at=DFS)]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930hrs-15-january-2016/?amp=1
("H07", "2016-01-15",
 "The SMM observed a number of ceasefire violations in Donetsk region. From a position at \u201cDPR\u201d-controlled "
 "Donetsk railway station (6km north-west of Donetsk city centre), the SMM heard one explosion and several bursts of "
 "heavy-machine-gun [...]",
 [dict(kind=UND, count=1, obs_at=RS),
  dict(kind=BURST, opt=True)]),
# (same page)
("H08", "2016-01-15",
 "An SMM unmanned aerial vehicle (UAV) was damaged by small-arms fire in Luhansk region.",
 [dict(kind=SHOT, weapon="small_arms", region="Luhansk")]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930hrs-5-january-2016/?amp=1
("H09", "2016-01-05",
 "In Donetsk region, the SMM observed a small number of ceasefire violations, most of which were recorded around "
 "Donetsk airport. In Luhansk region, the SMM registered mortar shelling.",
 [dict(kind=UND, weapon="mortar", region="Luhansk")]),
# (same page)
("H10", "2016-01-05",
 "The SMM observed relative calm with a small number of ceasefire violations in Donetsk region[1]. Positioned at the "
 "Donetsk railway station (6km north-west of Donetsk city centre), the SMM heard a total of four undetermined "
 "explosions and [...]",
 [dict(kind=UND, count=4, obs_at=RS)]),
]

ITEMS = BATCH_G + BATCH_H
