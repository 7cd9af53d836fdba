"""Session 19 (patrol19b): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the page noted above it; the date is the report's day (the page's date where the report's is not known). Fields as in
``test_patrol_real16.judge`` (see ``patrol_real18c_batches``), and the conventions of ``patrol_real19_batches`` (a
party's tally of "ceasefire violations" is ``cv``; rounds it says were fired onto its side are impacts; a weapon named
without a number is an optional record). Muzzle flashes are kind ``other`` (optional); "shots and bursts" are shots
(the first noun, as ``test_patrol_real16b`` documents).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
AVD = (48.139, 37.750)  # Avdiivka
YAS = (48.130, 37.860)  # Yasynuvata
DFS = (48.156, 37.806)  # Donetsk Filtration Station
SVI = (48.433, 38.217)  # Svitlodarsk
POP = (48.633, 38.383)  # Popasna

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch M: gathered after the leftovers' fixes, measured once on the branch ----------------------------------------
BATCH_M: list[Item] = [

# https://osce.org/special-monitoring-mission-to-ukraine/390863 ("Latest from", as of 19:30, 15 August 2018)
("M01", "2018-08-15",
 "In Donetsk region, the SMM recorded more ceasefire violations[1], including a similar number of explosions (about "
 "105), compared with the previous reporting period.",
 [dict(kind=UND, count=105, qual="about", region="Donetsk", placed=False)]),
# (same page)
("M02", "2018-08-15",
 "On the evening of 14 August, the SMM camera east of Lomakyne (government-controlled, 15km north-east of Mariupol) "
 "recorded 31 explosions assessed as impacts of artillery rounds 4-6km east-north-east.",
 [dict(kind=IMP, count=31, weapon="artillery", bearing="ENE", dist=(4, 6), time=("within", "14 15:00", "15 00:00"))]),
# (same page)
("M03", "2018-08-15",
 "During the evening and night of 14-15 August, the SMM camera 1km south-west of Pyshchevyk (government-controlled, 25km "
 "north-east of Mariupol) recorded 66 projectiles in flight, 21 muzzle flashes, a burst and an illumination flare, all "
 "2-4km at directions ranging from north-east to south-south-east.\n"
 "During the same evening and night, the SMM camera at the entry-exit checkpoint in Maiorsk (government-controlled, 45km "
 "north-east of Donetsk) recorded four undetermined explosions, 73 projectiles in flight, three of which were assessed as "
 "rocket-propelled grenades (RPG), three bursts, two illumination flares and a muzzle flash, all 0.1-5km at directions "
 "ranging from north-east to south-south-east.",
 [dict(kind=PIF, count=66, bearing="NE..SSE", dist=(2, 4), time=("within", "14 15:00", "15 12:00")),
  dict(kind=OTHER, count=21, opt=True),
  dict(kind=BURST, count=1, bearing="NE..SSE", dist=(2, 4)),
  dict(kind=FLARE, count=1, bearing="NE..SSE", dist=(2, 4)),
  dict(kind=UND, count=4, bearing="NE..SSE", dist=(0.1, 5), time=("within", "14 15:00", "15 12:00")),
  dict(kind=PIF, count=73, bearing="NE..SSE", dist=(0.1, 5)),
  dict(kind=PIF, count=3, opt=True),
  dict(kind=BURST, count=3, bearing="NE..SSE", dist=(0.1, 5)),
  dict(kind=FLARE, count=2, bearing="NE..SSE", dist=(0.1, 5)),
  dict(kind=OTHER, count=1, opt=True)]),
# https://osce.org/special-monitoring-mission-to-ukraine/390656 ("Latest from", as of 19:30, 14 August 2018)
("M04", "2018-08-14",
 "In Donetsk region, the SMM recorded fewer ceasefire violations[1], including about 100 explosions, compared with the "
 "previous reporting period (about 200 explosions).",
 [dict(kind=UND, count=100, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=200, opt=True)]),
# (same page)
("M05", "2018-08-14",
 "During the evening and night of 13-14 August, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of "
 "Donetsk) recorded about 30 undetermined explosions, about 170 projectiles in flight and two muzzle flashes, all 0.5-5km "
 "in directions ranging from south to south-west.",
 [dict(kind=UND, count=30, qual="about", bearing="S..SW", dist=(0.5, 5), time=("within", "13 15:00", "14 12:00"),
       obs_at=DFS),
  dict(kind=PIF, count=170, qual="about", bearing="S..SW", dist=(0.5, 5), obs_at=DFS),
  dict(kind=OTHER, count=2, opt=True)]),
# (same page)
("M06", "2018-08-14",
 "During the evening of 13 August, the SMM camera in Avdiivka (government-controlled, 17km north of Donetsk) recorded 14 "
 "undetermined explosions, two muzzle flashes and 13 projectiles in flight, all 2-4km in directions ranging from "
 "east-south-east to south-east.",
 [dict(kind=UND, count=14, bearing="ESE..SE", dist=(2, 4), time=("within", "13 15:00", "14 00:00"), obs_at=AVD),
  dict(kind=OTHER, count=2, opt=True),
  dict(kind=PIF, count=13, bearing="ESE..SE", dist=(2, 4), obs_at=AVD)]),
# (same page)
("M07", "2018-08-14",
 "On 14 August, positioned about 1km north-west of the railway station in Yasynuvata (non-government-controlled, 16km "
 "north-east of Donetsk), the SMM heard ten undetermined explosions and about 25 shots and bursts of heavy-machine-gun "
 "and small-arms fire, all 2-6km in directions ranging from south-south-west to north-west.",
 [dict(kind=UND, count=10, bearing="SSW..NW", dist=(2, 6), time=("within", "14 00:00", "15 00:00"), obs_at=YAS),
  dict(kind=SHOT, count=25, qual="about", bearing="SSW..NW", dist=(2, 6), obs_at=YAS)]),
# https://osce.org/special-monitoring-mission-to-ukraine/398519 ("Latest from", as of 19:30, 2 October 2018)
("M08", "2018-10-02",
 "In Donetsk region, the SMM recorded fewer ceasefire violations,[1] including about 175 explosions, compared with the "
 "previous reporting period (205 explosions).",
 [dict(kind=UND, count=175, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=205, opt=True)]),
# (same page)
("M09", "2018-10-02",
 "On the evening and night of 1-2 October, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of "
 "Donetsk) recorded 66 explosions (65 undetermined and one assessed as an airburst), about 70 projectiles in flight "
 "(mostly from north to south and from south to north), three illumination flares, four muzzle flashes and 17 bursts, "
 "all 0.5-5km at southerly directions.",
 [dict(kind=UND, count=65, dist=(0.5, 5), time=("within", "01 15:00", "02 12:00"), obs_at=DFS),
  dict(kind=AIR, count=1, dist=(0.5, 5), obs_at=DFS),
  dict(kind=PIF, count=70, qual="about", dist=(0.5, 5), obs_at=DFS),
  dict(kind=FLARE, count=3, dist=(0.5, 5), obs_at=DFS),
  dict(kind=OTHER, count=4, opt=True),
  dict(kind=BURST, count=17, dist=(0.5, 5), obs_at=DFS)]),
# (same page)
("M10", "2018-10-02",
 "On the evening of 1 October, the SMM camera at entry-exit checkpoint in Maiorsk (government-controlled, 45km north-east "
 "of Donetsk) recorded 26 undetermined explosions and about 40 projectiles in flight (mostly from south-west to "
 "north-east and from north-east to south-west), all 0.5-4km at easterly directions.",
 [dict(kind=UND, count=26, dist=(0.5, 4), time=("within", "01 15:00", "02 00:00")),
  dict(kind=PIF, count=40, qual="about", dist=(0.5, 4))]),
# https://shhada.ir/special-monitoring-mission-to-ukraine/398849 (a copy of osce.org's "Latest from", as of 19:30, 4
# October 2018)
("M11", "2018-10-04",
 "In Donetsk region, the SMM recorded more ceasefire violations,[1] including about 70 explosions, compared with the "
 "previous reporting period (60 explosions).",
 [dict(kind=UND, count=70, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=60, opt=True)]),
# (same page)
("M12", "2018-10-04",
 "On the evening of 3 October, while in Svitlodarsk (government-controlled, 57km north-east of Donetsk), the SMM heard "
 "seven explosions and eight bursts, all 3-7km at south-south-west, south-west and west. On the evening and night of 3-4 "
 "October, the SMM camera in Svitlodarsk recorded two undetermined explosions, about 130 projectiles in flight (mostly "
 "from north to south and from south to north) and six bursts, all 3-4km east-north-east and east.",
 [dict(kind=UND, count=7, bearing="SSW..W", dist=(3, 7), time=("within", "03 15:00", "04 00:00"), obs="Svitlodarsk",
       obs_at=SVI),
  dict(kind=BURST, count=8, bearing="SSW..W", dist=(3, 7), obs_at=SVI),
  dict(kind=UND, count=2, bearing="ENE..E", dist=(3, 4), time=("within", "03 15:00", "04 12:00"), obs_at=SVI),
  dict(kind=PIF, count=130, qual="about", bearing="ENE..E", dist=(3, 4), obs_at=SVI),
  dict(kind=BURST, count=6, bearing="ENE..E", dist=(3, 4), obs_at=SVI)]),
# https://osce.org/special-monitoring-mission-to-ukraine/330981 ("Latest from", as of 19:30, 19 July 2017)
("M13", "2017-07-19",
 "In Donetsk region the SMM recorded more ceasefire violations,[1] including over 200 explosions, compared with the "
 "previous reporting period (about 160 explosions).",
 [dict(kind=UND, count=200, qual="more than", region="Donetsk", placed=False),
  dict(kind=UND, count=160, opt=True)]),
# (same page)
("M14", "2017-07-19",
 "On the morning of 19 July the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded 27 "
 "undetermined explosions 3-5km at south-easterly directions. In the afternoon, the same camera recorded, in sequence, one "
 "explosion assessed as an impact, four undetermined explosions, and 22 more explosions assessed as impacts, all 3-4km "
 "south-east.",
 [dict(kind=UND, count=27, dist=(3, 5), time=("within", "19 00:00", "19 12:00"), obs_at=AVD),
  dict(kind=IMP, count=1, bearing="SE", dist=(3, 4), time=("within", "19 12:00", "19 18:00"), obs_at=AVD),
  dict(kind=UND, count=4, bearing="SE", dist=(3, 4), obs_at=AVD),
  dict(kind=IMP, count=22, bearing="SE", dist=(3, 4), obs_at=AVD)]),
# https://reliefweb.int/report/ukraine/spot-report-mortar-fire-about-500m-smm-s-forward-patrol-base-popasna (spot
# report, 24 February 2018)
("M15", "2018-02-24",
 "In the evening of 23 February, while at its forward patrol base on the northern edge of Popasna (government-controlled, "
 "69km west of Luhansk), the SMM heard continuous ceasefire violations, the majority of which were 3-4km south-east. At "
 "around 21:14, the SMM heard ten explosions assessed as outgoing 120mm mortar rounds about 500m north.",
 [dict(kind=OTHER, opt=True),
  dict(kind=OUT, count=10, weapon="mortar", bearing="N", dist=(0.5, 0.5), time=("23 21:14", "23 21:14"),
       obs="Popasna", obs_at=POP)]),
# https://www.osce.org/special-monitoring-mission-to-ukraine/496252 (Daily Report 195/2021, as of 19:30, 20 August 2021)
("M16", "2021-08-20",
 "In Donetsk region, the SMM recorded 55 ceasefire violations, including six explosions. In the previous reporting "
 "period, it recorded 117 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 92 ceasefire violations, including 60 explosions. In the previous reporting "
 "period, it recorded 12 ceasefire violations.",
 [dict(kind=UND, count=6, cv=55, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=117, opt=True),
  dict(kind=UND, count=60, cv=92, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=12, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2362021-issued-8-october
("M17", "2021-10-07",
 "In Donetsk region, the Mission recorded 96 ceasefire violations, including six explosions. In the previous reporting "
 "period, it recorded 101 ceasefire violations in the region.\n"
 "In Luhansk region, the SMM recorded 17 ceasefire violation, including eight explosions. In the previous reporting "
 "period, it recorded one ceasefire violation in the region.",
 [dict(kind=UND, count=6, cv=96, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=101, opt=True),
  dict(kind=UND, count=8, cv=17, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=1, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2482021-issued-22-october
("M18", "2021-10-21",
 "The Mission continued monitoring the disengagement areas near Stanytsia Luhanska, Zolote and Petrivske.* It observed "
 "one illumination flare inside the disengagement area near Zolote.",
 [dict(kind=FLARE, count=1)]),
# https://dan-news.info/en/world-en/ukrainian-forces-destroy-smm-observation-camera-in-western-donetsk.html (DAN, 1 July
# 2020, the "DPR" mission to the JCCC)
("M19", "2020-07-01",
 "Donetsk, Jul 1\u2013 DAN. Ukrainian forces destroyed an SMM camera located in Shakhta Oktyabrskaya late on Tuesday, the "
 "DPR mission to the Joint Centre for Control and Coordination (JCCC) said.\n"
 "\u201cYesterday at 7.20 p.m. Ukrainian armed formations opened fire on Donetsk outskirts (Shakhta Oktyabrskaya) with an "
 "anti-tank missile system. Three guided missiles were fired destroying an SMM observation camera\u201d.",
 [dict(kind=OTHER, opt=True),
  dict(kind=IMP, count=3, time=("30 19:20", "30 19:20"))]),
# http://tass.com/world/818849 (TASS, 4 September 2015, the "LPR" people's militia)
("M20", "2015-09-04",
 "Ukrainian forces violated ceasefire regime on the territory of the self-proclaimed Luhansk pepublic only once over the "
 "past 24 hours, LPR people\u2019s militia said on Friday.\n"
 "On September 3 at 9pm local time, the positions of the people\u2019s militia in the Zolotoye settlement were shelled from "
 "the Popasnoye settlement from a light machine gun. \"As a result of the shelling, no victims or damages were "
 "registered,\" Luhansk Inform Center quoted a militiaman as saying.\n"
 "Militia observers also registered several explosions near the contact line on the Ukrainian side. They were presumably "
 "82mm mines.",
 [dict(kind=OTHER, cv=1),
  dict(kind=OTHER, weapon="machine_gun", time=("03 21:00", "03 21:00")),
  dict(kind=UND)]),
# https://112.international/conflict-in-eastern-ukraine/186-explosions-recorded-in-donbas-on-september-15-17-osce-smm-20859.html
# (112 International; the year is not on the stored page: 2017, by the disengagement areas and convoys it names)
("M21", "2017-09-18",
 "Special monitoring mission of the Organization for Security and Cooperation in Europe (OSCE SMM) recorded 66 "
 "explosions in Donetsk region and 120 in Luhansk on September 15-17. This was stated in the mission's report published "
 "on its official website.",
 [dict(kind=UND, count=66, region="Donetsk", placed=False),
  dict(kind=UND, count=120, region="Luhansk", placed=False)]),
]

# --- batch N: gathered after M's fixes, held out: measured once on the branch ----------------------------------------
DFS_N = DFS
BATCH_N: list[Item] = [

# https://osce.org/special-monitoring-mission-to-ukraine/425264 ("Latest from", as of 19:30, 8 July 2019)
("N01", "2019-07-08",
 "In Donetsk region, the SMM recorded fewer ceasefire violations, including fewer explosions (about 190), compared with "
 "the previous 24 hours (about 370 explosions). The majority of the ceasefire violations, including the majority of "
 "explosions (about 125), were recorded at southerly and north-westerly directions of Horlivka (non-government-controlled, "
 "39km north-east of Donetsk); at south-easterly and southerly directions of Pyshchevyk (government-controlled, 25km "
 "north-east of Mariupol); and at south-easterly and southerly directions of Chermalyk (government-controlled, 31km "
 "north-east of Mariupol).",
 [dict(kind=UND, count=190, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=370, opt=True),
  dict(kind=UND, count=125, qual="about", placed=False, opt=True)]),
# (same page)
("N02", "2019-07-08",
 "In Luhansk region, the SMM recorded fewer ceasefire violations, including fewer explosions (about 165), compared with "
 "the previous 24 hours (400 explosions). The majority of ceasefire violations, including all the explosions, were "
 "recorded at easterly and south-easterly directions of Popasna (government-controlled, 69km west of Luhansk).",
 [dict(kind=UND, count=165, qual="about", region="Luhansk", placed=False),
  dict(kind=UND, count=400, opt=True)]),
# https://osce.org/special-monitoring-mission-to-ukraine/422903 ("Latest from", as of 19:30, 11 June 2019)
("N03", "2019-06-11",
 "In Donetsk region, the SMM recorded fewer ceasefire violations, including, however, more explosions (about 150), "
 "compared with the previous reporting period (about 100 explosions). Over half of the ceasefire violations, including "
 "the majority of explosions, were recorded at easterly and southerly directions of Svitlodarsk (government-controlled, "
 "57km north-east of Donetsk).",
 [dict(kind=UND, count=150, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=100, opt=True)]),
# https://www.osce.org/special-monitoring-mission-to-ukraine/423254 ("Latest from", as of 19:30, 16 June 2019)
("N04", "2019-06-16",
 "In Donetsk region, between the evenings of 14 and 15 June, the SMM recorded fewer ceasefire violations, including "
 "fewer explosions (about 50), compared with the previous reporting period (about 200 explosions).The majority of "
 "ceasefire violations were recorded in areas in southern Donetsk region along the contact line north-east of Mariupol.\n"
 "Between the evenings of 15 and 16 June, the SMM recorded fewer ceasefire violations, including fewer explosions (about "
 "25), compared with the previous 24 hours.",
 [dict(kind=UND, count=50, qual="about", region="Donetsk", placed=False, time=("within", "14 15:00", "16 00:00")),
  dict(kind=UND, count=200, opt=True),
  dict(kind=UND, count=25, qual="about", placed=False, time=("within", "15 15:00", "17 00:00"))]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-742
# ("Latest from", as of 19:30, 21 May 2019)
("N05", "2019-05-21",
 "In Donetsk region, the SMM recorded fewer ceasefire violations, including, however, a similar number of explosions "
 "(about 45), compared with the previous reporting period (about 50 explosions). Over half of the ceasefire violations "
 "were recorded at southerly directions of Chermalyk (government-controlled, 31km north-east of Mariupol) and at "
 "northerly and southerly directions of Avdiivka (government-controlled, 17km north of Donetsk).",
 [dict(kind=UND, count=45, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=50, opt=True)]),
# (same page)
("N06", "2019-05-21",
 "In Luhansk region, the Mission recorded fewer ceasefire violations, including 50 explosions, compared with the "
 "previous reporting period (about 280 explosions). Over two thirds of the ceasefire violations were recorded in areas "
 "north-north-west of Molodizhne (non-government-controlled, 63km north-west of Luhansk), at easterly and southerly "
 "directions of Zolote (government-controlled, 60km west of Luhansk) and easterly directions of Popasna "
 "(government-controlled, 69km west of Luhansk) (see below).",
 [dict(kind=UND, count=50, region="Luhansk", placed=False),
  dict(kind=UND, count=280, opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-437
# ("Latest from", as of 19:30, 20 May 2018)
("N07", "2018-05-20",
 "In Donetsk region, the SMM recorded more ceasefire violations between the evenings of 18 and 19 May, including about "
 "420 explosions, compared with the previous reporting period (about 250 explosions).",
 [dict(kind=UND, count=420, qual="about", region="Donetsk", placed=False, time=("within", "18 15:00", "20 00:00")),
  dict(kind=UND, count=250, opt=True)]),
# (same page)
("N08", "2018-05-20",
 "The SMM continued monitoring the disengagement areas near Stanytsia Luhanska, Zolote and Petrivske; it heard an "
 "explosion inside the Zolote disengagement area 300-500m from SMM patrols.",
 [dict(kind=UND, count=1)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-616
# ("Latest from", page of 19 December 2018)
("N09", "2018-12-18",
 "In Donetsk region, the SMM recorded more ceasefire violations, including about 80 explosions, compared with the "
 "previous reporting period (about 70 explosions). [...] The SMM camera at the Donetsk Filtration Station (DFS) (15km "
 "north of Donetsk) recorded about 20 ceasefire violations, including an explosion assessed as an impact at an assessed "
 "range of 30-50m south.",
 [dict(kind=UND, count=80, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=70, opt=True),
  dict(kind=IMP, count=1, cv=20, bearing="S", dist=(0.03, 0.05), obs_at=DFS_N)]),
# (same page)
("N10", "2018-12-18",
 "In Luhansk region, the SMM recorded fewer ceasefire violations, including nine explosions, compared with the previous "
 "reporting period (about 200 explosions). The majority of ceasefire violations were recorded in areas "
 "south-south-west of Kriakivka (government-controlled, 38km north-west of Luhansk).",
 [dict(kind=UND, count=9, region="Luhansk", placed=False),
  dict(kind=UND, count=200, opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-752
# ("Latest from", as of 19:30, 2 June 2019)
("N11", "2019-06-02",
 "In Donetsk region, between the evenings of 31 May and 1 June, the SMM recorded fewer ceasefire violations, including "
 "about 140 explosions, compared with the previous reporting period (about 280 explosions). Over half of ceasefire "
 "violations were recorded in areas south-east of Chermalyk (government-controlled, 31km north-east of Mariupol) and "
 "east of Hnutove (government-controlled, 20km north-east of Mariupol).",
 [dict(kind=UND, count=140, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=280, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2412021-issued-14-october
# (Daily Report 241/2021, as of 19:30, 13 October 2021)
("N12", "2021-10-13",
 "In Donetsk region, the SMM recorded 230 ceasefire violations, including 96 explosions. In the previous reporting "
 "period, it recorded 244 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 95 ceasefire violations, including 33 explosions. In the previous reporting "
 "period, it recorded 134 ceasefire violations in the region.",
 [dict(kind=UND, count=96, cv=230, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=244, opt=True),
  dict(kind=UND, count=33, cv=95, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=134, opt=True)]),
]

# --- batch O: gathered after N's measurement (N was all tallies), held out: measured once on the branch -----------------
BATCH_O: list[Item] = [

# https://en.interfax.com.ua/news/general/631337.html (Interfax-Ukraine, 19 December 2019, the JFO headquarters)
("O01", "2019-12-19",
 "\"On December 18, the armed forces of the Russian Federation and its mercenaries violated the ceasefire seven times. "
 "One Ukrainian soldier was reported as wounded in action. Moreover, one civilian was killed when Russia-led armed "
 "formations opened fire in Maryinka residential area,\" the JFO staff said in its update on Facebook on Thursday "
 "morning.\n"
 "In the area of responsibility of the Pivnich (North) operational-tactical group, the enemy attacked two times: near "
 "Novoluhanske using grenade launchers of various systems, heavy-caliber machine guns and small arms.\n"
 "In the area of responsibility of the Skhid (East) operational-tactical group, the enemy fired five times on the "
 "Ukrainian positions: near Berezove, Vodiane and Maryinka using barrel grenade launchers and armoured infantry fighting "
 "vehicles.",
 [dict(kind=OTHER, cv=7, time=("within", "18 00:00", "19 00:00")),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, cv=2, opt=True), dict(kind=OTHER, cv=5, opt=True)]),
# https://en.interfax.com.ua/news/general/612709.html (Interfax-Ukraine, 12 September 2019, the JFO headquarters)
("O02", "2019-09-12",
 "\"On September 11, the armed groups led by the Russian Federation and its mercenaries violated the ceasefire regime 18 "
 "times. The enemy shelled the positions of the Joint Forces using weapons prohibited by the Minsk agreements. In "
 "addition, they used the weapons of infantry fighting vehicles, grenade launchers of various systems, sniper and small "
 "arms... Over the past day, two soldiers of the Joint Forces died, one soldier was seriously wounded amid enemy "
 "shelling,\" the JFO headquarters said on its official Facebook page on Thursday morning.\n"
 "\"From the beginning of this day, the armed formations of the Russian Federation and its mercenaries violated the "
 "ceasefire once. In the area of responsibility of the Vostok operational-tactical group, the enemy fired at the "
 "positions of the Joint Forces near Pischevyk using an anti-tank grenade launcher,\" the JFO headquarters said.",
 [dict(kind=OTHER, cv=18, time=("within", "11 00:00", "12 00:00")),
  dict(kind=UND, opt=True), dict(kind=UND, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, cv=1),
  dict(kind=OTHER, opt=True)]),
# https://dan-news.ru/en/society/osce-smm-monitors-arrive-to-explosions-site-in-central-donetsk (DAN, 18 February; the
# year is not on the stored page: 2022, by the devices it names near the mission's hotel)
("O03", "2022-02-18",
 "Donetsk, Feb 18 \u2013 DAN. The OSCE SMM monitors have arrived to the site of explosions in central Donetsk and are "
 "exploring the craters.\n"
 "Earlier today the DPR mission to the JCCC said that three improvised explosive devices went off in the center of "
 "Donetsk next to administrative buildings and the Park Inn hotel where the OSCE SMM members live.",
 [dict(kind=UND, opt=True),
  dict(kind=UND, count=3)]),
# https://interfax.com/newsroom/top-stories/37627/ (Interfax, 6 March 2015, the "DPR" defence ministry's Basurin)
("O04", "2015-03-06",
 "Organization for Security and Cooperation in Europe monitors were inspecting the Donetsk airport when the Ukrainian "
 "army opened fire on the airport, Eduard Basurin of the Defense Ministry of the self-proclaimed Donetsk People's "
 "Republic (DPR) has said, adding that none of the OSCE observers was hurt.\n"
 "\"The mission's observers were at the airport when the Ukrainian side opened fire. They [the OSCE monitors] registered "
 "this instance of shelling. None of them were injured,\" he said.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=UND, opt=True)]),
# https://shhada.ir/special-monitoring-mission-to-ukraine/423956 (a copy of osce.org's "Latest from", as of 19:30, 23
# June 2019)
("O05", "2019-06-23",
 "Two men were injured by shrapnel in Horlivka and Vesele, and a woman was injured and a house damaged by gunfire in "
 "Chermalyk.\n"
 "Small-arms fire was assessed as aimed at an SMM unmanned aerial vehicle on two occasions near Zolote-5/Mykhailivka and "
 "Pervomaisk, including in the vicinity of a patrol.",
 [dict(kind=OTHER, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True), dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://osce.org/special-monitoring-mission-to-ukraine/422903 ("Latest from", as of 19:30, 11 June 2019)
("O06", "2019-06-11",
 "A girl was injured due to an explosion near Vesele and a woman was injured due to shelling in Zaitseve.\n"
 "The SMM saw fresh damage and craters caused by shelling near residential houses in Pikuzy.",
 [dict(kind=UND, count=1, opt=True), dict(kind=UND, opt=True)]),
# https://osce.org/special-monitoring-mission-to-ukraine/425264 ("Latest from", as of 19:30, 8 July 2019)
("O07", "2019-07-08",
 "Civilians were injured due to shelling in Novhorodske and Pikuzy.\n"
 "The SMM saw fresh craters near Naberezhne and Lozove.",
 [dict(kind=UND, opt=True), dict(kind=UND, opt=True)]),
# https://www.osce.org/special-monitoring-mission-to-ukraine/423254 ("Latest from", as of 19:30, 16 June 2019)
("O08", "2019-06-16",
 "The Mission recorded ceasefire violations inside the Zolote disengagement area.\n"
 "Small-arms fire in the direction of an SMM mini-unmanned aerial vehicle near non-government-controlled Prymorske.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-742
# ("Latest from", as of 19:30, 21 May 2019)
("O09", "2019-05-21",
 "Small-arms fire was directed at an SMM mini-unmanned aerial vehicle near Vrubivka.\n"
 "The Mission observed trench extensions in and near the Petrivske disengagement area.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
]

ITEMS: list[Item] = BATCH_M
ITEMS_N: list[Item] = BATCH_N
ITEMS_O: list[Item] = BATCH_O
