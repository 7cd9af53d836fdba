"""Session 18 (patrol18c): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (one to five sentences, cut with "[...]" where a
passage is left out or the stored page ends) of the page noted above it; the date is the report's day (the page's date
where the report's is not known). Fields as in ``test_patrol_real16.judge``: kind, count, cv (ceasefire violations),
qual, weapon, flight, region, bearing (16-point sector or "A..B"), dist (km range, None = no distance), time (exact
"DD HH:MM" pair, or ("within", start, end)), obs (observer place name), obs_at (observer position, 15 km), placed;
opt = a restatement (or uncounted fire, a compared-with count, a total restated by its parts) that is neither missing
nor extra.
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
RS = (48.05, 37.74)  # Donetsk central railway station, 6-8 km north-west of the centre
RS6 = (48.04, 37.74)  # "6km north-west of Donetsk city-centre"
AVD = (48.14, 37.75)  # Avdiivka
DFS = (48.156, 37.806)  # Donetsk Filtration Station
SVI = (48.43, 38.22)  # Svitlodarsk
KRH = (47.99, 37.51)  # Krasnohorivka (21 km west of Donetsk)
SHC = (48.74, 39.23)  # Shchastia (20 km north of Luhansk)
HNU = (47.23, 37.73)  # 1.5 km north-east of Hnutove (20 km north-east of Mariupol)

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch E: gathered first, measured once on main before any change ---------------------------------------------
BATCH_E: list[Item] = [

# https://osce.org/ukraine-smm/265446 ("Latest from", as of 19:30, 18 September 2016)
("E01", "2016-09-18",
 "The SMM recorded more ceasefire violations[1] in Donetsk region, including at least 246 explosions on 17 and 322 "
 "explosions on 18 September compared with 39 explosions recorded on 16 September. Some 30 per cent of reported "
 "explosions were recorded during night time.",
 [dict(kind=UND, count=246, qual="at least", region="Donetsk", time=("within", "17 00:00", "18 00:00")),
  dict(kind=UND, count=322, region="Donetsk", time=("within", "18 00:00", "19 00:00")),
  dict(kind=UND, count=39, opt=True)]),
# (same page)
("E02", "2016-09-18",
 "During the night hours of 16-17 September, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) "
 "recorded two explosions assessed as impacts of rounds from undetermined weapons, 4-5km east-south-east of its "
 "location. During the day on 17 September, the camera recorded 15 explosions assessed as caused by impacts of rounds "
 "from undetermined weapons, 4-7km east-south-east and south of its location.",
 [dict(kind=IMP, count=2, bearing="ESE", dist=(4, 5), time=("within", "16 12:00", "17 12:00"), obs="Avdiivka",
       obs_at=AVD),
  dict(kind=IMP, count=15, bearing="ESE..S", dist=(4, 7), time=("within", "17 00:00", "18 00:00"), obs_at=AVD)]),
# (same page)
("E03", "2016-09-18",
 "In Luhansk region the SMM noted a decrease in ceasefire violations recorded, with four explosions on 17 September and "
 "none on 18 September, compared with 15 explosions on 16 September.",
 [dict(kind=UND, count=4, region="Luhansk", time=("within", "17 00:00", "18 00:00")),
  dict(kind=UND, count=15, opt=True)]),
# http://osce.org/ukraine-smm/203866 ("Latest from", as of 19:30hrs, 24 November 2015)
("E04", "2015-11-24",
 "From its position at \u201cDonetsk People\u2019s Republic\u201d (\u201cDPR\u201d)-controlled Donetsk railway "
 "station (6km north-west of Donetsk), the SMM heard a total of 207 explosions (most of them undetermined) and multiple "
 "bursts of small-arms and heavy-machine-gun fire mainly at locations 3-5km west-south-west, west-north-west and "
 "north-west[1].",
 [dict(kind=UND, count=207, bearing="WSW..NW", dist=(3, 5), obs_at=RS),
  dict(kind=BURST, opt=True),
  dict(kind=BURST, opt=True)]),
# (same page)
("E05", "2015-11-24",
 "Besides the airport, in 12 locations of Donetsk region along the contact line, the SMM also heard a total of 373 "
 "explosions and multiple bursts of small-arms and heavy-machine-gun fire. For instance, in government-controlled "
 "Novhorodske (35km north of Donetsk), the SMM recorded 134 explosions (approximately 60 per cent incoming and 40 per "
 "cent outgoing), most of which it assessed as 120mm mortar fire \u2013 weapons that are restricted in this proximity "
 "of the contact line.",
 [dict(kind=UND, count=373, region="Donetsk"),
  dict(kind=BURST, opt=True),
  dict(kind=BURST, opt=True),
  dict(kind=UND, count=134, obs="Novhorodske")]),
# (same page)
("E06", "2015-11-24",
 "Likewise, positioned in government-controlled Keramik (28km north of Donetsk), it heard 13 explosions assessed to be "
 "120mm and 82mm mortar fire at a distance of 15-17km south-south-west of its position.",
 [dict(kind=UND, count=13, weapon="mortar", bearing="SSW", dist=(15, 17), obs="Keramik")]),
# (same page)
("E07", "2015-11-24",
 "In government-controlled Krasnohorivka (21km west of Donetsk), the SMM heard 77 undetermined explosions and 19 bursts "
 "and 33 shots of small arms.",
 [dict(kind=UND, count=77, obs="Krasnohorivka", obs_at=KRH),
  dict(kind=BURST, count=19, weapon="small_arms", obs_at=KRH),
  dict(kind=SHOT, count=33, weapon="small_arms", obs_at=KRH)]),
# https://uaposition.com/latest-news/osce-smm-evacuates-patrol-base-schastia-due-shelling/ (spot report of 31 August
# 2016, quoted)
("E08", "2016-08-31",
 "Between 20:55 and 21:00 on August 30, whilst at the SMM forward patrol base in government-controlled Schastia (20km "
 "north of Luhansk), an SMM patrol comprising five SMM staff members and a paramedic heard four shots of "
 "under-barrel-grenade-launcher (GP-25) fire approximately 1km south of their position. At approximately 22:05 the SMM "
 "heard four explosions assessed as mortar rounds outgoing from an undetermined distance south of its location. Within "
 "a few seconds, the patrol heard and felt four impacts assessed as caused by mortar rounds landing within 200m or less "
 "of the forward patrol base.\n"
 "After five minutes, the SMM heard and felt five-six more impacts of what it assessed as mortar rounds over "
 "approximately 20 minutes.",
 [dict(kind=SHOT, count=4, weapon="grenade_launcher", bearing="S", dist=(1, 1), time=("30 20:55", "30 21:00"),
       obs_at=SHC),
  dict(kind=OUT, count=4, weapon="mortar", bearing="S", dist=None, time=("30 22:05", "30 22:05"), obs_at=SHC),
  dict(kind=IMP, count=4, weapon="mortar", obs_at=SHC),
  dict(kind=IMP, weapon="mortar", obs_at=SHC)]),
# https://osce.org/ukraine-smm/212951 ("Latest from", as of 19:30hrs, 27 December 2015; the report covers the period
# since 19:30 on 23 December)
("E09", "2015-12-27",
 "Positioned 6km north-west of Donetsk city-centre, during the reporting period, the SMM heard over 35 explosions, "
 "including seven assessed as caused by 82mm mortar on 24 December as well numerous bursts of small-arms and "
 "automatic-grenade-launcher (AGL) fire. Whilst in government-controlled Avdiivka (15km N of Donetsk) on 25 December, "
 "the SMM heard three impacts of what it assessed as 120mm mortars.",
 [dict(kind=UND, count=35, qual="more than", obs_at=RS6),
  dict(kind=UND, count=7, weapon="mortar", time=("within", "24 00:00", "25 00:00")),
  dict(kind=BURST, opt=True),
  dict(kind=BURST, opt=True),
  dict(kind=IMP, count=3, weapon="mortar", time=("within", "25 00:00", "26 00:00"), obs="Avdiivka", obs_at=AVD)]),
# (same page)
("E10", "2015-12-27",
 "However, on 25 December, the SMM was flying a medium-range unmanned-aerial vehicle (UAV) to observe the area between "
 "the government-controlled village of Troitske (69km west of Luhansk) and the contact line. Whilst the UAV was "
 "returning to its launching point, the SMM heard approximately 100 rounds of small arms fire.",
 [dict(kind=SHOT, count=100, qual="about", weapon="small_arms", time=("within", "25 00:00", "26 00:00"))]),
# https://shhada.ir/ukraine-smm/183166 ("Latest from", as of 17 September 2015)
("E11", "2015-09-17",
 "From the Joint Centre for Control and Co-ordination (JCCC) observation point at Donetsk railway station (\u201cDonetsk "
 "People\u2019s Republic\u201d (\u201cDPR\u201d)-controlled, 8km north-west of Donetsk city centre) the SMM heard or "
 "saw a total of 18 explosions between 08:10 and 17:00hrs[1]. Fifteen of these explosions (which it assessed to be "
 "controlled detonations), took place between 11:10 and 11:25hrs, approximately 7-8km south-south-east of its "
 "position.",
 [dict(kind=UND, count=18, time=("17 08:10", "17 17:00"), obs_at=RS),
  dict(kind=UND, count=15, bearing="SSE", dist=(7, 8), time=("17 11:10", "17 11:25"), obs_at=RS)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-740
# (page dated 20 May 2019)
("E12", "2019-05-20",
 "In Donetsk region, between the evenings of 17 and 18 May, the SMM recorded fewer ceasefire violations, including "
 "about 25 explosions, compared with the previous reporting period (about 110 explosions). The majority of ceasefire "
 "violations were recorded in areas south-east of Chermalyk (government-controlled, 31km north-east of Mariupol).\n"
 "Between the evenings of 18 and 19 May, the SMM recorded more ceasefire violations, including about 170 explosions, "
 "compared with the previous 24 hours.",
 [dict(kind=UND, count=25, qual="about", region="Donetsk", time=("within", "17 16:00", "19 00:00")),
  dict(kind=UND, count=110, opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, count=170, qual="about", region="Donetsk", time=("within", "18 16:00", "20 00:00"))]),
# https://www.marketscreener.com/news/Latest-from-the-OSCE-Special-Monitoring-Mission-to-Ukraine-SMM-based-on-information-received-as-o--28972416/
# (page dated 27 July 2019)
("E13", "2019-07-27",
 "In Donetsk region, the SMM recorded more ceasefire violations, however fewer explosions (five), compared with the "
 "previous reporting period (11 explosions). The majority of ceasefire violations were recorded at an assessed range "
 "of 0.3-1km south of the SMM camera at the Donetsk Filtration Station (DFS) (15km north of Donetsk) and in areas "
 "south of Pyshchevyk (government-controlled, 25km north-east of Mariupol).\n"
 "In Luhansk region, the Mission recorded more ceasefire violations, including more explosions (21), compared with the "
 "previous reporting period (no explosions). Over half of the ceasefire violations were recorded in areas "
 "east-south-east of Popasna (government-controlled, 69km west of Luhansk).",
 [dict(kind=UND, count=5, region="Donetsk"),
  dict(kind=UND, count=11, opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, count=21, region="Luhansk"),
  dict(kind=OTHER, opt=True)]),
# https://www.agoravox.fr/actualites/international/article/de-nombreuses-habitations-199900 (quoting the report based on
# information received as of 19:30, 20 December 2017)
("E14", "2017-12-20",
 "In Donetsk region, the SMM recorded fewer ceasefire violations , including about 540 explosions, compared with the "
 "previous reporting period (about 980 explosions).\n"
 "The SMM followed up on reports of damage to civilian properties in residential areas caused by shelling. On 19 "
 "December, in Novoluhanske, an SMM mid-range unmanned aerial vehicle (UAV) spotted recent shelling damage to roofs and "
 "walls of 36 houses, an apartment block and a public building.",
 [dict(kind=UND, count=540, qual="about", region="Donetsk"),
  dict(kind=UND, count=980, opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-538
# (page dated 17 September 2018; the report covers two reporting periods up to the evening of 16 September)
("E15", "2018-09-16",
 "In Donetsk region, between the evenings of 14 and 15 September, the SMM recorded more ceasefire violations, including "
 "89 explosions, compared with the previous reporting period (about 50 explosions). Between the evenings of 15 and 16 "
 "September, the SMM recorded more ceasefire violations, however, fewer explosions (75), compared with the previous 24 "
 "hours.",
 [dict(kind=UND, count=89, region="Donetsk", time=("within", "14 16:00", "16 00:00")),
  dict(kind=UND, count=50, opt=True),
  dict(kind=UND, count=75, region="Donetsk", time=("within", "15 16:00", "17 00:00"))]),
# (same page)
("E16", "2018-09-16",
 "On the evening and night of 14-15 September, while in Svitlodarsk (government-controlled, 57km north-east of "
 "Donetsk), the SMM heard 29 undetermined explosions and about 25 bursts of heavy-machine-gun and small-arms fire, all "
 "3-6km south-east. On the evening of 15-16 September, at the same location, the SMM heard about 40 undetermined "
 "explosions and about 40 bursts of heavy-machine-gun fire, all 2-5km south-east and south.",
 [dict(kind=UND, count=29, bearing="SE", dist=(3, 6), time=("within", "14 12:00", "15 12:00"), obs="Svitlodarsk",
       obs_at=SVI),
  dict(kind=BURST, count=25, qual="about", bearing="SE", dist=(3, 6), time=("within", "14 12:00", "15 12:00")),
  dict(kind=UND, count=40, qual="about", bearing="SE..S", dist=(2, 5), time=("within", "15 12:00", "16 12:00"),
       obs_at=SVI),
  dict(kind=BURST, count=40, qual="about", weapon="heavy_machine_gun", bearing="SE..S", dist=(2, 5),
       time=("within", "15 12:00", "16 12:00"))]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-545
# (page dated 25 September 2018)
("E17", "2018-09-24",
 "In Donetsk region, the SMM recorded fewer ceasefire violations, including about 100 explosions, compared with the "
 "previous 24 hours (about 110 explosions).",
 [dict(kind=UND, count=100, qual="about", region="Donetsk"),
  dict(kind=UND, count=110, opt=True)]),
# (same page)
("E18", "2018-09-24",
 "On the evening and night of 23-24 September, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of "
 "Donetsk) recorded nine undetermined explosions and 17 projectiles in flight (mostly from west-north-west to "
 "east-south-east), all 1-4.5km south-south-east and south-south-west.",
 [dict(kind=UND, count=9, bearing="SSE..SSW", dist=(1, 4.5), time=("within", "23 12:00", "24 12:00"), obs_at=DFS),
  dict(kind=PIF, count=17, flight="WNW to ESE", bearing="SSE..SSW", dist=(1, 4.5),
       time=("within", "23 12:00", "24 12:00"), obs_at=DFS)]),
# (same page)
("E19", "2018-09-24",
 "On the evening and night of 23-24 September, the SMM camera 1.5km north-east of Hnutove (government-controlled, 20km "
 "north-east of Mariupol) recorded three undetermined explosions and about 110 projectiles in flight (mostly from "
 "north-north-west to south-south-east), all 2-4km east-north-east and east.",
 [dict(kind=UND, count=3, bearing="ENE..E", dist=(2, 4), time=("within", "23 12:00", "24 12:00"), obs_at=HNU),
  dict(kind=PIF, count=110, qual="about", flight="NNW to SSE", bearing="ENE..E", dist=(2, 4), obs_at=HNU)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-364
# (page dated 23 February 2018; the stored page ends in the camera's sentence)
("E20", "2018-02-23",
 "In Donetsk region, the SMM recorded more ceasefire violations[1], including 375 explosions, compared with the "
 "previous reporting period (134 explosions).\n"
 "On the evening and night of 21-22 February, the SMM camera at the Donetsk Filtration Station (15km north of Donetsk) "
 "recorded, in sequence, a projectile in flight from west to east, an undetermined explosion, five projectiles from "
 "east to west [...]",
 [dict(kind=UND, count=375, region="Donetsk"),
  dict(kind=UND, count=134, opt=True),
  dict(kind=PIF, count=1, flight="W to E", time=("within", "21 12:00", "22 12:00"), obs_at=DFS),
  dict(kind=UND, count=1, obs_at=DFS),
  dict(kind=PIF, count=5, flight="E to W", obs_at=DFS)]),
# https://www.osce.org/special-monitoring-mission-to-ukraine/386316 ("Latest from", as of 19:30, 28 June 2018; the
# region's name is run together with its word in the stored page)
("E21", "2018-06-28",
 "In Donetskregion, the SMM recorded fewer ceasefire violations,[1]including explosions (about 290), compared with the "
 "previous reporting period (about 550 explosions).",
 [dict(kind=UND, count=290, qual="about", region="Donetsk"),
  dict(kind=UND, count=550, opt=True)]),
# (same page)
("E22", "2018-06-28",
 "On the evening and night of 27-28 June, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of "
 "Donetsk) recorded, in sequence, two projectiles in flight from west-north-west to east-south-east and a projectile "
 "north-north-west to south-south-east, followed by totals of six undetermined explosions and 45 projectiles (12 from "
 "west to east, nine from north-north-west to south-south-east, seven from west-north-west to east-south-east, six from "
 "north-west to south-east, five from east to west, five from north to south, two from east-south-east to "
 "west-north-west and one in vertical flight), all 0.5-2.5km south.",
 [dict(kind=PIF, count=2, flight="WNW to ESE", bearing="S", dist=(0.5, 2.5), time=("within", "27 12:00", "28 12:00"),
       obs_at=DFS),
  dict(kind=PIF, count=1, flight="NNW to SSE", bearing="S"),
  dict(kind=UND, count=6, bearing="S", dist=(0.5, 2.5), obs_at=DFS),
  dict(kind=PIF, count=45, opt=True),
  dict(kind=PIF, count=12, flight="W to E", opt=True),
  dict(kind=PIF, count=9, flight="NNW to SSE", opt=True),
  dict(kind=PIF, count=7, flight="WNW to ESE", opt=True),
  dict(kind=PIF, count=6, flight="NW to SE", opt=True),
  dict(kind=PIF, count=5, flight="E to W", opt=True),
  dict(kind=PIF, count=5, flight="N to S", opt=True),
  dict(kind=PIF, count=2, flight="ESE to WNW", opt=True),
  dict(kind=PIF, count=1, opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-556
# (page dated 9 October 2018; the report is of 8 October)
("E23", "2018-10-08",
 "In Donetsk region, the SMM recorded more ceasefire violations,[1] including about 240 explosions, compared with the "
 "previous 24 hours (120 explosions).",
 [dict(kind=UND, count=240, qual="about", region="Donetsk"),
  dict(kind=UND, count=120, opt=True)]),
# (same page)
("E24", "2018-10-08",
 "On the evening of 7 October, while in Svitlodarsk (government-controlled, 57km north-east of Donetsk), the SMM heard "
 "about 75 undetermined explosions 2-6km east and west. On the evening and night of 7-8 October, the SMM camera in "
 "Svitlodarsk recorded about 60 projectiles in flight (mostly from north to south) and two bursts, all 2-5km "
 "east-north-east and east. The following day, while in Svitlodarsk, the SMM heard about 45 undetermined explosions and "
 "15 bursts of heavy-machine-gun fire, all 3-7km south-east.",
 [dict(kind=UND, count=75, qual="about", dist=(2, 6), time=("within", "07 15:00", "08 00:00"), obs="Svitlodarsk",
       obs_at=SVI),
  dict(kind=PIF, count=60, qual="about", flight="N to S", bearing="ENE..E", dist=(2, 5),
       time=("within", "07 12:00", "08 12:00"), obs_at=SVI),
  dict(kind=BURST, count=2, bearing="ENE..E", dist=(2, 5)),
  dict(kind=UND, count=45, qual="about", bearing="SE", dist=(3, 7), time=("within", "08 00:00", "09 00:00"),
       obs_at=SVI),
  dict(kind=BURST, count=15, weapon="heavy_machine_gun", bearing="SE", dist=(3, 7),
       time=("within", "08 00:00", "09 00:00"))]),
# https://osce.org/special-monitoring-mission-to-ukraine/384006 ("Latest from", as of 19:30, 7 June 2018)
("E25", "2018-06-07",
 "In Donetsk region, the SMM recorded fewer ceasefire violations[1], including about 240 explosions, compared with the "
 "previous reporting period (about 270 explosions).\n"
 "On the evening of 6 June, while in Svitlodarsk (government-controlled, 57km north-east of Donetsk), the SMM heard "
 "about 100 undetermined explosions and bursts and shots of heavy-machine-gun and small-arms fire 3-7km east-south-east "
 "and south-east.",
 [dict(kind=UND, count=240, qual="about", region="Donetsk"),
  dict(kind=UND, count=270, opt=True),
  dict(kind=UND, count=100, qual="about", bearing="ESE..SE", dist=(3, 7), time=("within", "06 15:00", "07 00:00"),
       obs="Svitlodarsk", obs_at=SVI),
  dict(kind=BURST, opt=True),
  dict(kind=SHOT, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-392022-issued-19-february
# (based on information as of 19:30 18 February 2022)
("E26", "2022-02-18",
 "In Donetsk region, the SMM recorded 591 ceasefire violations, including 553 explosions. In the previous reporting "
 "period, it recorded 222 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 975 ceasefire violations, including 860 explosions. In the previous reporting "
 "period, it recorded 648 ceasefire violations in the region.",
 [dict(kind=UND, count=553, cv=591, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=222, opt=True),
  dict(kind=UND, count=860, cv=975, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=648, opt=True)]),
]

# --- batch F: gathered after E was measured, expected fields written and committed before any run; measured once on the
# branch after E's fixes (held out) --------------------------------------------------------------------------------
BATCH_F: list[Item] = [

# https://osce.org/special-monitoring-mission-to-ukraine/397217 ("Latest from", as of 19:30, 23 September 2018)
("F01", "2018-09-23",
 "In Donetsk region, between the evenings of 21 and 22 September, the SMM recorded more ceasefire violations,[1] "
 "including 124 explosions, compared with the previous reporting period (115 explosions). Between the evenings of 22 "
 "and 23 September, the SMM recorded fewer ceasefire violations, including about 110 explosions, compared with the "
 "previous 24 hours.",
 [dict(kind=UND, count=124, region="Donetsk", time=("within", "21 16:00", "23 00:00")),
  dict(kind=UND, count=115, opt=True),
  dict(kind=UND, count=110, qual="about", region="Donetsk", time=("within", "22 16:00", "24 00:00"))]),
# http://osce.org/special-monitoring-mission-to-ukraine/393338 ("Latest from", as of 19:30, 9 September 2018)
("F02", "2018-09-09",
 "In Donetsk region, between the evenings of 7 and 8 September, the SMM recorded fewer ceasefire violations,[1] "
 "including 57 explosions, compared with the previous reporting period (about 90 explosions). Between the evenings of 8 "
 "and 9 September, the SMM recorded more ceasefire violations, including about 155 explosions, compared with the "
 "previous 24 hours.",
 [dict(kind=UND, count=57, region="Donetsk", time=("within", "07 16:00", "09 00:00")),
  dict(kind=UND, count=90, opt=True),
  dict(kind=UND, count=155, qual="about", region="Donetsk", time=("within", "08 16:00", "10 00:00"))]),
# http://en.interfax.com.ua/news/general/416222.html (a report posted on 15 April 2017, quoted)
("F03", "2017-04-15",
 "In Luhansk region the SMM recorded fewer ceasefire violations, including about 120 explosions, compared with the "
 "previous reporting period (at least 150 explosions), the mission said.",
 [dict(kind=UND, count=120, qual="about", region="Luhansk"),
  dict(kind=UND, count=150, opt=True)]),
# (same page)
("F04", "2017-04-15",
 "In Donetsk region the SMM recorded more ceasefire violations, including, however, fewer explosions (about 475), "
 "compared with the previous reporting period (at least 600 explosions).",
 [dict(kind=UND, count=475, qual="about", region="Donetsk"),
  dict(kind=UND, count=600, opt=True)]),
# (same page)
("F05", "2017-04-15",
 "In Novooleksandrivka, Luhansk region, the SMM heard six explosions assessed as outgoing IFV (BMP-1) cannon fire 3km "
 "north-west. Not far from 'LPR'-controlled Kripensky, the SMM heard five explosions assessed as outgoing rounds of "
 "multiple-launch rocket systems (BM-21 Grad, 122mm) and six explosions assessed as 152mm artillery rounds.",
 [dict(kind=OUT, count=6, weapon="ifv", bearing="NW", dist=(3, 3), obs="Novooleksandrivka"),
  dict(kind=OUT, count=5, weapon="mlrs"),
  dict(kind=UND, count=6, weapon="artillery")]),
# https://www.urdupoint.com/en/world/osce-says-2158-ceasefire-violations-recorded-1473948.html (Sputnik, 22 February
# 2022, quoting the report of 20 February)
("F06", "2022-02-20",
 "In Donetsk region, between the evenings of 18 and 20 February, the SMM recorded 2,158 ceasefire violations, including "
 "1,100 explosions. In the previous reporting period, it recorded 591 ceasefire violations in the region.",
 [dict(kind=UND, count=1100, cv=2158, region="Donetsk", time=("within", "18 16:00", "21 00:00")),
  dict(kind=OTHER, cv=591, opt=True)]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930-15-july-2016/
("F07", "2016-07-15",
 "In Donetsk region, the SMM recorded a slightly higher number of ceasefire violations including nearly 400 "
 "explosions, compared to the previous reporting period, with violence focused in the Avdiivka/Yasynuvata area, and "
 "Shyrokyne. In Luhansk region, the Mission recorded a high number of ceasefire violations compared to none during the "
 "previous reporting period, noting a sharp increase of violence, including over 550 explosions on the night of 14 July "
 "in the area of Stanytsia Luhanska.",
 [dict(kind=UND, count=400, region="Donetsk"),
  dict(kind=UND, count=550, qual="more than", region="Luhansk", time=("within", "14 12:00", "15 12:00"))]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930hrs-8-october-2015
# (the stored page ends in the sentence)
("F08", "2015-10-08",
 "Positioned 8km north-west of \u201cDonetsk People\u2019s Republic\u201d (\u201cDPR\u201d)-controlled Donetsk city "
 "centre, the SMM heard two explosions 5-7km to the north-north-west and west-north-west at 11:55 and [...]",
 [dict(kind=UND, count=2, bearing="WNW..NNW", dist=(5, 7), obs_at=RS)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-1462021-issued-25-june-2021
("F09", "2021-06-24",
 "In Donetsk region, the SMM recorded 363 ceasefire violations, including 122 explosions. In the previous reporting "
 "period, it recorded 179 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 1,491 ceasefire violations, including 253 explosions. In the previous "
 "reporting period, it recorded 71 ceasefire violations in the region.",
 [dict(kind=UND, count=122, cv=363, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=179, opt=True),
  dict(kind=UND, count=253, cv=1491, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=71, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2032021-issued-31-august
("F10", "2021-08-30",
 "In Donetsk region, the SMM recorded 112 ceasefire violations, including 16 explosions. In the previous 24 hours, it "
 "recorded 11 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 676 ceasefire violations, including 298 explosions. In the previous 24 hours, "
 "it recorded no ceasefire violations in the region.",
 [dict(kind=UND, count=16, cv=112, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=11, opt=True),
  dict(kind=UND, count=298, cv=676, region="Luhansk", placed=False),
  dict(kind=OTHER, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2182020-issued-12-september
("F11", "2020-09-11",
 "The SMM recorded seven ceasefire violations in Donetsk region and one in Luhansk region. In the previous reporting "
 "period, it recorded five ceasefire violations in Donetsk region and none in Luhansk region.",
 [dict(kind=OTHER, cv=7, region="Donetsk"),
  dict(kind=OTHER, cv=1, region="Luhansk"),
  dict(kind=OTHER, cv=5, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2952020-issued-11-december
("F12", "2020-12-10",
 "The SMM recorded 284 ceasefire violations in Donetsk region. In the previous reporting period, it recorded two "
 "ceasefire violations in the region.\n"
 "The Mission recorded six ceasefire violations in Luhansk region. In the previous reporting period, it recorded five "
 "ceasefire violations in the region.",
 [dict(kind=OTHER, cv=284, region="Donetsk"),
  dict(kind=OTHER, cv=2, opt=True),
  dict(kind=OTHER, cv=6, region="Luhansk"),
  dict(kind=OTHER, cv=5, opt=True)]),
]

ITEMS = BATCH_E + BATCH_F
