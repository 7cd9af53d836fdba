"""Session 17 (patrol17): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (one to four sentences) of the page noted above
it; the date is the report's day (the page's date where the report's is not known). Fields as in
``test_patrol_real16.judge``: kind, count, cv (ceasefire violations), qual, weapon, flight, region, bearing (16-point
sector or "A..B"), dist (km range, None = no distance), time (exact "DD HH:MM" pair, or ("within", start, end)), obs
(observer place name), obs_at (observer position, 15 km), placed; opt = a restatement that is neither missing nor extra.
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
RS = (48.05, 37.74)  # Donetsk central railway station, 8 km north-west of the centre
AVD = (48.14, 37.75)  # Avdiivka
DON = (48.00, 37.80)  # Donetsk centre

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch W: gathered first, measured once on main before any change ---------------------------------------------
BATCH_W: list[Item] = [

# http://en.interfax.com.ua/news/general/418926.html (29 April 2017; a spot report of 28 April)
("W01", "2017-04-28",
 "The latest report by OSCE SMM posted on Saturday says on April 28, a patrol consisting of six members and two armored "
 "vehicles was positioned at an 'LPR'-checkpoint approximately 1.5km south-west of 'LPR'-controlled Molodizhne (63km "
 "north-west of Luhansk), speaking with an armed 'LPR' member.\n"
 "\"At 12:20, from inside their vehicles, the SMM heard an explosion assessed as an airburst about 50-100m north-west,\" "
 "the report reads.",
 [dict(kind=AIR, count=1, bearing="NW", dist=(0.05, 0.1), time=("28 12:20", "28 12:20"), obs="Molodizhne")]),
# (same page)
("W02", "2017-04-28",
 "In addition, on April 28, a separate SMM patrol consisting of five members and two armored vehicles was positioned at "
 "an observation post about 50m west of an 'LPR' position located 1 km north-west of 'LPR'-controlled Kruta Hora (16 km "
 "north-west of Luhansk). At about 10:35, while all SMM patrol members were outside of their vehicles, the patrol heard "
 "a shot of small-arms fire approximately 40-50 m south.",
 [dict(kind=SHOT, count=1, weapon="small_arms", bearing="S", dist=(0.04, 0.05), time=("28 10:35", "28 10:35"),
       obs="Kruta Hora", obs_at=(48.68, 39.15))]),
# https://www.unian.info/war/10124180-osce-smm-reports-undetermined-explosion-close-to-its-patrols-in-luhansk-region.html
("W03", "2018-05-20",
 "\"At 11:04 on May 20, two SMM patrols consisting of ten members and four armored vehicles positioned themselves about "
 "20m south of a checkpoint of the armed formations inside the disengagement area near Zolote (government-controlled, "
 "60km west of Luhansk) on its southern edge. [...] At 11:06, the patrol members heard an undetermined explosion "
 "300-500m north (assessed as inside the disengagement area),\" the OSCE SMM said in a spot report on May 20, 2018.",
 [dict(kind=UND, count=1, bearing="N", dist=(0.3, 0.5), time=("20 11:06", "20 11:06"), obs="Zolote",
       obs_at=(48.67, 38.52))]),
# https://reliefweb.int/report/ukraine/osce-smm-spot-report-282020-explosion-close-smm-patrol-near-molodizhne-luhansk-region
("W04", "2020-05-29",
 "On 29 May, an SMM patrol comprising five members and two vehicles was positioned at a checkpoint of the armed "
 "formations about 1.7km south-west of Molodizhne (non-government-controlled, 63km west of Luhansk).\n"
 "At about 13:37, the patrol members heard an undetermined explosion at an assessed distance of 100m south-south-west, "
 "and the patrol member outside the vehicle felt a shockwave while members of the armed formations near the checkpoint "
 "took cover. The patrol was unable to assess the weapon used and the direction of fire.",
 [dict(kind=UND, count=1, bearing="SSW", dist=(0.1, 0.1), time=("29 13:37", "29 13:37"), obs="Molodizhne",
       obs_at=(48.56, 38.45))]),
# https://reliefweb.int/report/ukraine/three-impacts-close-smm-near-zolote-disengagement-area (5 February 2019)
("W05", "2019-02-04",
 "On 4 February, an SMM patrol consisting of five members and two armoured vehicles was positioned near a checkpoint of "
 "the Ukrainian Armed Forces, approximately 300m north of the disengagement area near Zolote (government-controlled, 60km "
 "west of Luhansk), to monitor the security situation.\n"
 "Between 10:25 and 10:30, two patrol members, who were standing next to the vehicles, heard five undetermined "
 "explosions at an assessed range of 2-3km east and south-south-east. At 10:30, having just entered the vehicles, the "
 "SMM patrol members heard three explosions assessed as impacts, and saw flames, smoke, soot and snow 70-100m "
 "east-south-east.",
 [dict(kind=UND, count=5, bearing="E..SSE", dist=(2, 3), time=("04 10:25", "04 10:30"), obs="Zolote"),
  dict(kind=IMP, count=3, bearing="ESE", dist=(0.07, 0.1), time=("04 10:30", "04 10:30"), obs="Zolote")]),
# (same page)
("W06", "2019-02-04",
 "The SMM patrol immediately moved about 5km north to the eastern edge of Zolote-2/Karbonit (government-controlled, 62km "
 "west of Luhansk), where between 10:40 and 10:50, it heard an increasing number of ceasefire violations.",
 []),
# https://m.censor.net.ua/en/news/3149494/osce_reports_280_explosions_in_donbas_on_september_19
("W07", "2019-09-20",
 "On September 19, OSCE SMM spotted 280 explosions in the combat area in Donbas.\n"
 "Compared to the previous report, the number of blasts grew by more than five times; September 18, the Organization "
 "spotted 55 explosions.",
 [dict(kind=UND, count=280, time=("within", "18 12:00", "20 00:00")),
  dict(kind=UND, count=55, opt=True)]),
# (same page)
("W08", "2019-09-20",
 "\"The majority of ceasefire violations, including the majority of explosions, were recorded at southerly directions "
 "of Svitlodarsk (government-controlled, 57km north-east of Donetsk), areas west of Yasynuvata (non-government-"
 "controlled, 16km north-east of Donetsk), and areas west and west-south-west of Horlivka (non-government-controlled, "
 "39km north-east of Donetsk)\", reads the report.\n"
 "The OSCE observed no ceasefire violations in Luhansk region; there have been no attacks for two days straight.",
 []),
# https://journalist.today/en/osce-records-increase-in-explosions-in-donbas/ (daily report of 18 November 2019)
("W09", "2019-11-18",
 "From Saturday evening, November 16, until Sunday evening, November 17, the Mission recorded 470 explosions in "
 "Donbas.\n"
 "The OSCE reports 290 explosions in Donetsk Oblast, the majority of explosions were recorded in areas south-east of "
 "Chermalyk.\n"
 "About 100 explosions were recorded in Luhansk Oblast.",
 [dict(kind=UND, count=470, time=("within", "16 12:00", "18 00:00")),
  dict(kind=UND, count=290, region="Donetsk"),
  dict(kind=UND, count=100, qual="about", region="Luhansk")]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930-kyiv-time-16-july-2015/
("W10", "2015-07-16",
 "Positioned at the \u201cDPR\u201d-controlled Donetsk central railway station (8km north-west of Donetsk), the SMM "
 "heard and observed on 16 July between 08:10 and 16:00hrs 10 incoming/14 outgoing and 15 unknown explosions at "
 "locations 3-6km north, north-west, west and south of its position.",
 [dict(kind=IMP, count=10, bearing="S..N", dist=(3, 6), time=("16 08:10", "16 16:00"), obs_at=RS),
  dict(kind=OUT, count=14, bearing="S..N", dist=(3, 6), time=("16 08:10", "16 16:00")),
  dict(kind=UND, count=15, bearing="S..N", dist=(3, 6), time=("16 08:10", "16 16:00"))]),
# https://www.unian.info/war/1146432-osce-records-several-explosions-in-donbas-this-week.html (update as of 6 Oct 2015)
("W11", "2015-10-06",
 "At 17:51 the SMM heard one undetermined explosion 4.5km north-east of its position in the area of \"DPR\"-controlled "
 "Spartak (8km north-west of Donetsk),\" the OSCE SMM said in its October 7 update based on information received as of "
 "October 6, 2015.",
 [dict(kind=UND, count=1, bearing="NE", dist=(4.5, 4.5), time=("06 17:51", "06 17:51"))]),
# https://reliefweb.int/report/ukraine/spot-report-osce-special-monitoring-mission-ukraine-smm-explosions-occur-donetsk-city
("W12", "2022-02-18",
 "At about 08:00 on the morning of 18 February in non-government-controlled Donetsk city, while standing in front of "
 "the Mission's residence on Pushkina Boulevard, two SMM staff members heard at least two explosions approximately "
 "100-150 metres south-south-east. Other SMM personnel were in the residence. Nobody was injured.\n"
 "Later, the SMM saw two fresh craters (about 70cm in diameter) in the area, about 100m and 300m south of the SMM's "
 "residence.",
 [dict(kind=UND, count=2, qual="at least", bearing="SSE", dist=(0.1, 0.15), time=("18 08:00", "18 08:00"),
       obs="Donetsk", obs_at=DON)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-822
("W13", "2019-08-23",
 "In Donetsk region, the SMM recorded more ceasefire violations, including, however, fewer explosions (46), compared "
 "with the previous reporting period (69 explosions). The majority of the ceasefire violations were recorded in areas "
 "south and south-east of Pyshchevyk (government-controlled, 25km north-east of Mariupol) and north-west of Horlivka "
 "(non-government-controlled, 39km north-east of Donetsk).",
 [dict(kind=UND, count=46, region="Donetsk"),
  dict(kind=UND, count=69, opt=True)]),
# http://osce.org/special-monitoring-mission-to-ukraine/336636 (as of 19:30, 24 August 2017)
("W14", "2017-08-24",
 "In Donetsk region between the evenings of 22 and 23 August, the SMM recorded more ceasefire violations,[1] including "
 "over 110 explosions, compared with the previous reporting period (around 60 explosions). Between the evenings of 23 "
 "and 24 August, it recorded more ceasefire violations, including almost 140 explosions, compared with the previous 24 "
 "hours.",
 [dict(kind=UND, count=110, qual="more than", region="Donetsk", time=("within", "22 16:00", "24 00:00")),
  dict(kind=UND, count=60, opt=True),
  dict(kind=UND, count=140, qual="about", time=("within", "23 16:00", "25 00:00"))]),
# (same page)
("W15", "2017-08-24",
 "On the night of 22-23 August, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded, in "
 "sequence, 71 tracer rounds in flight from north to south, nine projectiles in flight from west to east and six "
 "projectiles in flight from east to west, all 3-5km east.",
 [dict(kind=PIF, count=71, flight="N to S", bearing="E", dist=(3, 5), time=("within", "22 12:00", "23 12:00"),
       obs="Avdiivka", obs_at=AVD),
  dict(kind=PIF, count=9, flight="W to E", bearing="E", dist=(3, 5), time=("within", "22 12:00", "23 12:00")),
  dict(kind=PIF, count=6, flight="E to W", bearing="E", dist=(3, 5), time=("within", "22 12:00", "23 12:00"))]),
# https://osce.org/special-monitoring-mission-to-ukraine/335931 (as of 19:30, 16 August 2017)
("W16", "2017-08-16",
 "On the evening of 15 August, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded, in "
 "sequence, one undetermined explosion, one projectile in flight from west to east, one undetermined explosion, one "
 "projectile from west to east, six projectiles from east to west, and 14 projectiles from west to east, all 3-5km "
 "east-south-east. On the afternoon of 16 August, the camera recorded, in sequence, one explosion assessed as an impact, "
 "one airburst, and one explosion assessed as an impact, all 4-6km east-south-east.",
 [dict(kind=UND, count=1, bearing="ESE", dist=(3, 5), time=("within", "15 12:00", "16 00:00"), obs="Avdiivka"),
  dict(kind=PIF, count=1, flight="W to E", bearing="ESE", dist=(3, 5), time=("within", "15 12:00", "16 00:00")),
  dict(kind=UND, count=1, bearing="ESE", dist=(3, 5), time=("within", "15 12:00", "16 00:00")),
  dict(kind=PIF, count=1, flight="W to E", bearing="ESE", dist=(3, 5), time=("within", "15 12:00", "16 00:00")),
  dict(kind=PIF, count=6, flight="E to W", bearing="ESE", dist=(3, 5), time=("within", "15 12:00", "16 00:00")),
  dict(kind=PIF, count=14, flight="W to E", bearing="ESE", dist=(3, 5), time=("within", "15 12:00", "16 00:00")),
  dict(kind=IMP, count=1, bearing="ESE", dist=(4, 6), time=("within", "16 12:00", "16 19:00"), obs_at=AVD),
  dict(kind=AIR, count=1, bearing="ESE", dist=(4, 6), time=("within", "16 12:00", "16 19:00")),
  dict(kind=IMP, count=1, bearing="ESE", dist=(4, 6), time=("within", "16 12:00", "16 19:00"))]),
# (same page)
("W17", "2017-08-16",
 "On the evening of 15 August, the SMM camera at the Donetsk Filtration Station (15km north of Donetsk) recorded one "
 "undetermined explosion and, ten minutes later, one projectile in flight from west to east, both 1-2km south.",
 [dict(kind=UND, count=1, bearing="S", dist=(1, 2), time=("within", "15 12:00", "16 00:00"), obs_at=(48.156, 37.806)),
  dict(kind=PIF, count=1, flight="W to E", bearing="S", dist=(1, 2), time=("within", "15 12:00", "16 00:00"))]),
# http://osce.org/special-monitoring-mission-to-ukraine/329851 (as of 19:30, 16 July 2017)
("W18", "2017-07-16",
 "In Donetsk region between the evenings of 14 and 15 July the SMM recorded more ceasefire violations,[1] including "
 "about 65 explosions, compared with the previous 24 hours (about 50 explosions). Between the evenings of 15 and 16 July "
 "the SMM again recorded more ceasefire violations compared with the previous 24 hours, including almost 550 "
 "explosions.",
 [dict(kind=UND, count=65, qual="about", region="Donetsk", time=("within", "14 16:00", "16 00:00")),
  dict(kind=UND, count=50, opt=True),
  dict(kind=UND, count=550, qual="about", time=("within", "15 16:00", "17 00:00"))]),
# (same page)
("W19", "2017-07-16",
 "In the early morning of 15 July, while in \u201cDPR\u201d-controlled Donetsk city centre, the SMM heard about 30 "
 "undetermined explosions 8-10km north-west. On the night of 15-16 July, while in the same location, the Mission heard "
 "almost 160 undetermined explosions 6-12km west-south-west.",
 [dict(kind=UND, count=30, qual="about", bearing="NW", dist=(8, 10), time=("within", "15 00:00", "15 10:00"),
       obs="Donetsk", obs_at=DON),
  dict(kind=UND, count=160, qual="about", bearing="WSW", dist=(6, 12), time=("within", "15 12:00", "16 12:00"),
       obs="Donetsk", obs_at=DON)]),
# (same page)
("W20", "2017-07-16",
 "In the late evening of 14 July, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded 15 "
 "tracer rounds in flight from south to north, 4-5km east-south-east.",
 [dict(kind=PIF, count=15, flight="S to N", bearing="ESE", dist=(4, 5), time=("within", "14 16:00", "15 00:00"),
       obs="Avdiivka", obs_at=AVD)]),
# https://osce.org/special-monitoring-mission-to-ukraine/353491 (as of 19:30, 29 October 2017)
("W21", "2017-10-29",
 "In Donetsk region, between the evenings of 27 and 28 October, the SMM recorded fewer ceasefire violations,[1] "
 "including 35 explosions, compared with the previous reporting period (about 130 explosions).",
 [dict(kind=UND, count=35, region="Donetsk", time=("within", "27 16:00", "29 00:00")),
  dict(kind=UND, count=130, opt=True)]),
# https://uawire.org/news/osce-notes-a-high-number-of-ceasefire-violations-in-the-yasynuvata-avdiivka-area (no date on
# the page: the day is not checked)
("W22", "2016-06-01",
 "According to a press release issued by the OSCE's Special Monitoring Mission to Ukraine, observers heard 139 "
 "undetermined explosions, 125 bursts of heavy machine gun fire, and 300 single shorts of small arms fire on Monday in "
 "the area between government-controlled Avdiivka and the town of Yasynuvata, which is controlled by members of the "
 "so-called Donetsk People's Republic.",
 [dict(kind=UND, count=139),
  dict(kind=BURST, count=125, weapon="heavy_machine_gun"),
  dict(kind=SHOT, count=300, weapon="small_arms")]),
# https://uaposition.com/latest-news/osce-reports-high-number-of-truce-violations-near-yasynuvata-avdiyivka/
("W23", "2016-03-30",
 "The OSCE Special Monitoring Mission (SMM) to Ukraine has reported that the towns of Yasynuvata and Avdiyivka saw most "
 "of ceasefire violations in Donetsk region on Tuesday, March 29.\n"
 "\u201dWhilst stationary 3km west of Yasynuvata, the SMM heard 135 undetermined explosions, 22 bursts and 43 single "
 "shots of heavy-machine-gun and small-arms fire 2-5km south-west of its position,\u201d the update said.\n"
 "Whilst in Avdiyivka, the SMM said it had heard one impact of an artillery round (122mm), one impact of a mortar round "
 "(82mm) and 15 bursts of heavy-machine-gun fire 4-6km east-south-east of its position.",
 [dict(kind=UND, count=135, bearing="SW", dist=(2, 5), time=("within", "29 00:00", "30 00:00"), obs="Yasynuvata",
       obs_at=(48.13, 37.82)),
  dict(kind=BURST, count=22, bearing="SW", dist=(2, 5), obs="Yasynuvata"),
  dict(kind=SHOT, count=43, bearing="SW", dist=(2, 5), obs="Yasynuvata"),
  dict(kind=IMP, count=1, weapon="artillery", bearing="ESE", dist=(4, 6), obs="Avdiivka", obs_at=AVD),
  dict(kind=IMP, count=1, weapon="mortar", bearing="ESE", dist=(4, 6), obs="Avdiivka"),
  dict(kind=BURST, count=15, weapon="heavy_machine_gun", bearing="ESE", dist=(4, 6), obs="Avdiivka")]),
# https://vchasnoua.com/en/226-militants-tried-to-knock-down-the-osce-drone (no date on the page: the day is not checked)
("W24", "2018-02-10",
 "\"Positioned 300m west of the western edge of Pervomaiske (non-government-controlled, 68km south of Donetsk), the SMM "
 "heard 11 shots of small-arms fire 1.5km east-south-east, assessed as directed at a mini-UAV that the SMM was flying "
 "about 1.7km south-east of its position,\" it was reported.\n"
 "In addition, the OSCE SMM report says that the mission's staff recorded 97 explosions per day, 95 of which in the "
 "Donetsk region.",
 [dict(kind=SHOT, count=11, weapon="small_arms", bearing="ESE", dist=(1.5, 1.5), obs_at=(47.39, 37.80)),
  dict(kind=UND, count=97),
  dict(kind=UND, count=95, opt=True)]),
# https://glasnostgone.org/2018/02/18/russian-forces-shoot-down-osce-drone/ (events of 16 February; the day is not checked)
("W25", "2018-02-17",
 "Positioned on the northern edge of Sentianivka (formerly Frunze, non-government-controlled, 44km west of Luhansk), the "
 "SMM heard four shots of small-arms fire 2km north-north-east, assessed as originating from the vicinity of an "
 "\u201cLPR\u201d-checkpoint and directed at an SMM mini-unmanned aerial vehicle (UAV). The SMM subsequently lost "
 "connection with the UAV.",
 [dict(kind=SHOT, count=4, weapon="small_arms", bearing="NNE", dist=(2, 2), obs="Sentianivka", obs_at=(48.57, 38.71))]),
# https://censor.net.ua/en/news/391444/... (no date on the page: the day is not checked)
("W26", "2016-06-01",
 "The militants have recently stepped up attacks on the village. The OSCE SMM recorded more than 200 explosions in "
 "Stanytsia Luhanska over one night only.",
 [dict(kind=UND, count=200, qual="more than", placed=True)]),
# https://osce.org/ukraine-smm/151796 (spot report, 18 April 2015)
("W27", "2015-04-18",
 "On 17 April, at 18:30hrs, an SMM team, composed of eight staff from the Head Office and the Mariupol Hub and led by "
 "the SMM Deputy Chief Monitor, replaced the SMM team that was in the village since 06:40hrs the same day. [...] Between "
 "23:00 and 23:22hrs and between 23:45 and 00:00hrs the SMM heard artillery duels at a distance of approximately 10km "
 "north of its position. During its overnight stay in Shyrokyne, the SMM did not register any ceasefire violation in or "
 "around the village of Shyrokyne.",
 [dict(kind=OTHER, weapon="artillery", bearing="N", dist=(10, 10), time=("within", "17 23:00", "18 00:01"))]),
# http://osce.org/ukraine-smm/123329 (as of 18:00, 8 September 2014)
("W28", "2014-09-08",
 "Between 19:23hrs and 19:39hrs, the SSM heard, to the south of Donetsk city, sounds of outgoing shelling estimated to "
 "be 10-15 shots.",
 [dict(kind=OUT, count=15, bearing="S", time=("08 19:23", "08 19:39"))]),
]

# --- batch X: gathered after batch W's fixes (branch 62b365a), expectations written before any run, measured once ---
BATCH_X: list[Item] = [

# https://www.osce.org/ukraine-smm/260681 (as of 19:30, 21 August 2016)
("X01", "2016-08-21",
 "The SMM noted an increase in the number of ceasefire violations observed in Donetsk region both on 20 August (over 430 "
 "explosions recorded) and 21 August (over 540 explosions recorded) compared to 19 August.[1]",
 [dict(kind=UND, count=430, qual="more than", region="Donetsk", time=("within", "20 00:00", "21 00:00")),
  dict(kind=UND, count=540, qual="more than", region="Donetsk", time=("within", "21 00:00", "22 00:00"))]),
# (same page)
("X02", "2016-08-21",
 "Whilst in Donetsk city centre the SMM heard 53 undetermined explosions 4-8km north-north-east of its position on the "
 "early morning of 20 August, and recorded 55 undetermined explosions 5-10km north-west and north-north-west of its "
 "position on that night.",
 [dict(kind=UND, count=53, bearing="NNE", dist=(4, 8), time=("within", "20 00:00", "20 10:00"), obs="Donetsk",
       obs_at=DON),
  dict(kind=UND, count=55, bearing="NW..NNW", dist=(5, 10), time=("within", "20 12:00", "21 12:00"), obs="Donetsk")]),
# https://osce.org/ukraine-smm/260211 (as of 19:30, 16 August 2016)
("X03", "2016-08-16",
 "Positioned in \u201cDPR\u201d-controlled Yasynuvata (16km north-east of Donetsk) the SMM recorded approximately ten "
 "undetermined explosions and five bursts of heavy-machine-gun fire in areas 2-3km west-south-west of its position.",
 [dict(kind=UND, count=10, qual="about", bearing="WSW", dist=(2, 3), obs="Yasynuvata", obs_at=(48.13, 37.86)),
  dict(kind=BURST, count=5, weapon="heavy_machine_gun", bearing="WSW", dist=(2, 3), obs="Yasynuvata")]),
# (same page)
("X04", "2016-08-16",
 "Positioned in government-controlled Avdiivka (17km north of Donetsk), the SMM heard 23 explosions assessed as outgoing "
 "mortar (82mm) rounds, nine as outgoing self-propelled grenades (SPG-9), 16 as outgoing rounds of armoured-combat-"
 "vehicle (BMP-1) gun (73mm) fire, two as outgoing automatic-grenade-launcher rounds, three as impacts of mortar rounds "
 "(82mm) and one five-second-long outgoing salvo of multiple-launch rocket system (MLRS; BM-21 Grad, 122mm) fire, as "
 "well as small-arms fire all 2-6km south-east of its position.",
 [dict(kind=OUT, count=23, weapon="mortar", bearing="SE", dist=(2, 6), obs="Avdiivka", obs_at=AVD),
  dict(kind=OUT, count=9, weapon="recoilless_gun", bearing="SE", dist=(2, 6)),
  dict(kind=OUT, count=16, weapon="ifv", bearing="SE", dist=(2, 6)),
  dict(kind=OUT, count=2, weapon="automatic_grenade_launcher", bearing="SE", dist=(2, 6)),
  dict(kind=IMP, count=3, weapon="mortar", bearing="SE", dist=(2, 6)),
  dict(kind=OUT, weapon="mlrs", opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# (same page; the sentence is cut where the stored page ends)
("X05", "2016-08-16",
 "While in Donetsk city centre on the night of 15-16 August, the SMM heard 143 undetermined explosions 8-10km "
 "north-north-west.",
 [dict(kind=UND, count=143, bearing="NNW", dist=(8, 10), time=("within", "15 12:00", "16 12:00"), obs="Donetsk",
       obs_at=DON)]),
# https://www.osce.org/ukraine-smm/261086 (as of 19:30, 24 August 2016)
("X06", "2016-08-24",
 "The SMM noted a significant decrease in the number of ceasefire violations observed in Donetsk region on 23 August "
 "(approximately 170 explosions recorded) compared with 22 August (531), although the number of explosions doubled on "
 "24 August (over 350) compared with the previous day). [1]",
 [dict(kind=UND, count=170, qual="about", region="Donetsk", time=("within", "23 00:00", "24 00:00")),
  dict(kind=UND, count=531, opt=True),
  dict(kind=UND, count=350, qual="more than", time=("within", "24 00:00", "25 00:00"))]),
# (same page)
("X07", "2016-08-24",
 "On the night of 22 August, whilst in Donetsk city centre the SMM heard 15 undetermined explosions 7-9km "
 "north-north-west of its position.",
 [dict(kind=UND, count=15, bearing="NNW", dist=(7, 9), time=("within", "22 12:00", "23 12:00"), obs="Donetsk",
       obs_at=DON)]),
# http://osce.org/ukraine-smm/258361 (as of 19:30, 8 August 2016)
("X08", "2016-08-08",
 "The SMM camera in Shyrokyne (20km east of Mariupol) recorded 56 undetermined explosions at an unknown distance to the "
 "north-east on the night of 7 August.",
 [dict(kind=UND, count=56, bearing="NE", dist=None, time=("within", "07 12:00", "08 12:00"), obs="Shyrokyne",
       obs_at=(47.08, 37.83))]),
# (same page)
("X09", "2016-08-08",
 "Whilst in government-controlled Svitlodarsk (57km north-east of Donetsk), on the night of 7 August, the SMM heard 38 "
 "explosions assessed as impacts of rounds from undetermined weapons 4-7km south-east of its position.\n"
 "While in \u201cDPR\u201d-controlled Horlivka, the SMM heard 12 undetermined explosions 10-12km north-north-west of "
 "its position on the evening of 7 August.",
 [dict(kind=IMP, count=38, bearing="SE", dist=(4, 7), time=("within", "07 12:00", "08 12:00"), obs="Svitlodarsk",
       obs_at=(48.43, 38.22)),
  dict(kind=UND, count=12, bearing="NNW", dist=(10, 12), time=("within", "07 12:00", "08 00:00"), obs="Horlivka",
       obs_at=(48.30, 38.05))]),
# (same page; cut where the stored page ends)
("X10", "2016-08-08",
 "On 8 August, positioned at the \u201cDPR\u201d-controlled Donetsk central railway station (6km north-west of the city "
 "centre), the SMM heard 20 explosions assessed as artillery rounds: 11 assessed as outgoing artillery rounds 2-4km "
 "north-west, seven assessed as impacts of 152mm artillery rounds and two as airbursts of 152mm artillery rounds [...]",
 [dict(kind=OUT, count=11, weapon="artillery", bearing="NW", dist=(2, 4), time=("within", "08 00:00", "09 00:00"),
       obs_at=RS),
  dict(kind=IMP, count=7, weapon="artillery"),
  dict(kind=AIR, count=2, weapon="artillery"),
  dict(kind=UND, count=20, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2472021-issued-21-october
("X11", "2021-10-20",
 "In Donetsk region, the SMM recorded 120 ceasefire violations, including 38 explosions. In the previous reporting "
 "period, it recorded 216 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded ten ceasefire violations, including nine explosions. In the previous "
 "reporting period, it recorded 53 ceasefire violations in the region.",
 [dict(kind=UND, count=38, cv=120, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=216, opt=True),
  dict(kind=UND, count=9, cv=10, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=53, opt=True)]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930hrs-27-january-2016/
("X12", "2016-01-27",
 "On 26 January, positioned in Donetsk city centre (\u201cDPR\u201d-controlled), between 20:15 and 22:38hrs[1] the SMM "
 "recorded 46 undetermined explosions 10-15km north of its position[2].",
 [dict(kind=UND, count=46, bearing="N", dist=(10, 15), time=("26 20:15", "26 22:38"), obs="Donetsk", obs_at=DON)]),
]

# --- batch Y: gathered after batch X's fixes (branch 08b7638), expectations written before any run, measured once ---
BATCH_Y: list[Item] = [

# https://www.osce.org/special-monitoring-mission-to-ukraine/330236 (as of 19:30, 17 July 2017)
("Y01", "2017-07-17",
 "In Donetsk region the SMM recorded fewer ceasefire violations[1], including about 120 explosions, compared with the "
 "previous 24 hours (about 550 explosions).",
 [dict(kind=UND, count=120, qual="about", region="Donetsk"),
  dict(kind=UND, count=550, opt=True)]),
# (same page)
("Y02", "2017-07-17",
 "On the night of 16-17 July, while in \u201cDPR\u201d-controlled Donetsk city centre, the SMM heard two undetermined "
 "explosions 8-10km west-north-west.",
 [dict(kind=UND, count=2, bearing="WNW", dist=(8, 10), time=("within", "16 12:00", "17 12:00"), obs="Donetsk",
       obs_at=DON)]),
# (same page)
("Y03", "2017-07-17",
 "On the night of 16-17 July the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded one "
 "projectile in flight from west to east 4-5km east-south-east.",
 [dict(kind=PIF, count=1, flight="W to E", bearing="ESE", dist=(4, 5), time=("within", "16 12:00", "17 12:00"),
       obs="Avdiivka", obs_at=AVD)]),
# http://osce.org/special-monitoring-mission-to-ukraine/349206 (as of 19:30, 10 October 2017)
("Y04", "2017-10-10",
 "In Donetsk region, the SMM recorded more ceasefire violations,[1] including about 330 explosions, compared with the "
 "previous 24 hours (about 120 explosions).",
 [dict(kind=UND, count=330, qual="about", region="Donetsk"),
  dict(kind=UND, count=120, opt=True)]),
# (same page)
("Y05", "2017-10-10",
 "On the morning of 10 October, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded a "
 "tracer round in flight from south-west to north-east 2-4km north-east. During the day, positioned on the south-western "
 "edge of Avdiivka for over five hours, the Mission heard about 60 undetermined explosions, as well as about 170 bursts "
 "and shots of heavy-machine-gun and small-arms fire, all 1-7km at directions ranging from east to south. The SMM also "
 "heard about 30 undetermined explosions 5-8km west-south-west and west.",
 [dict(kind=PIF, count=1, flight="SW to NE", bearing="NE", dist=(2, 4), time=("within", "10 04:00", "10 12:00"),
       obs="Avdiivka", obs_at=AVD),
  dict(kind=UND, count=60, qual="about", bearing="E..S", dist=(1, 7), time=("within", "10 00:00", "11 00:00"),
       obs="Avdiivka", obs_at=AVD),
  dict(kind=BURST, count=170, qual="about", weapon="heavy_machine_gun", bearing="E..S", dist=(1, 7)),
  dict(kind=UND, count=30, qual="about", bearing="WSW..W", dist=(5, 8), obs="Avdiivka")]),
# (same page)
("Y06", "2017-10-10",
 "In the early morning of 10 October, the SMM camera at the Donetsk Filtration Station (15km north of Donetsk) recorded "
 "one illumination flare in vertical flight 1-2km south.",
 [dict(kind=FLARE, count=1, bearing="S", dist=(1, 2), time=("within", "10 00:00", "10 10:00"), obs_at=(48.156, 37.806))]),
# https://osce.org/special-monitoring-mission-to-ukraine/327286 (as of 19:30, 29 June 2017)
("Y07", "2017-06-29",
 "The SMM recorded more ceasefire violations in Donetsk region, including a sharp increase in the number of explosions "
 "(almost 1,000), compared with 40 explosions in the previous reporting period.[1]",
 [dict(kind=UND, count=1000, qual="about", region="Donetsk"),
  dict(kind=UND, count=40, opt=True)]),
# (same page)
("Y08", "2017-06-29",
 "During the night of 28-29 June, while in Donetsk city centre, the SMM heard one undetermined explosion 8-10km "
 "north-west.",
 [dict(kind=UND, count=1, bearing="NW", dist=(8, 10), time=("within", "28 12:00", "29 12:00"), obs="Donetsk",
       obs_at=DON)]),
# (same page)
("Y09", "2017-06-29",
 "On the night of 28-29 June the SMM camera in Shyrokyne (20km east of Mariupol) recorded, in total, 246 explosions, 16 "
 "tracer rounds in flight from west to east and 41 tracer rounds in flight from east to west, all at undetermined "
 "distances north, north-east and north-north-west.",
 [dict(kind=UND, count=246, bearing="NNW..NE", dist=None, time=("within", "28 12:00", "29 12:00"), obs="Shyrokyne",
       obs_at=(47.08, 37.83)),
  dict(kind=PIF, count=16, flight="W to E", bearing="NNW..NE", dist=None),
  dict(kind=PIF, count=41, flight="E to W", bearing="NNW..NE", dist=None)]),
# (same page; cut)
("Y10", "2017-06-29",
 "While in government-controlled Svitlodarsk (57km north-east of Donetsk) on the same night, the SMM heard and saw 50 "
 "undetermined explosions assessed as caused by artillery (calibre unknown) fire 6-7km north-north-west [...]",
 [dict(kind=UND, count=50, weapon="artillery", bearing="NNW", dist=(6, 7), obs="Svitlodarsk", obs_at=(48.43, 38.22))]),
# https://m.reliefweb.int/report/3649391/ukraine/spot-report-352020-smm-cameras-damaged-oktiabr-mine-near-non-government-controlled
("Y11", "2020-06-30",
 "At 19:10 on 30 June, the SMM lost video feeds from its two daylight cameras, located on top of one of two 50m concrete "
 "towers at the Oktiabr mine, about 1km east of the contact line, in a non-government-controlled area, about 1km "
 "south-west of Vesele (non-government-controlled, 9km north-west of Donetsk).\n"
 "Footage from both cameras showed an impact of an undetermined weapon occurring in the immediate vicinity of the "
 "cameras at 19:08 on 30 June.",
 [dict(kind=IMP, count=1, time=("30 19:08", "30 19:08"))]),
# (same page)
("Y12", "2020-07-01",
 "On 1 July, an SMM patrol dispatched to assess saw that the base of the 4m camera mast on top of the concrete roof of "
 "the tower remained standing, while its upper portion, with the two cameras still attached to it, was detached, and "
 "standing in an upright position next to it.\n"
 "During its presence in the area, the SMM patrol heard two undetermined explosions at an assessed distance of 3km west.",
 [dict(kind=UND, count=2, bearing="W", dist=(3, 3), time=("within", "01 00:00", "02 00:00"))]),
# https://sputniknews.com/europe/201702031050310483-ukraine-ceasefire-violations/
("Y13", "2017-02-03",
 "\"On 31 Jan SMM recorded over 11,000 ceasefire violations \u2014 Truly unprecedented,\" Alexander Hug, Principal "
 "Deputy Chief Monitor of the OSCE SMM, said in a statement posted on the mission's Twitter page.",
 [dict(kind=OTHER, cv=11000)]),
]
