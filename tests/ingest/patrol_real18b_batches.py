"""Session 18 (patrol18b): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (one to four sentences, cut with "[...]" where a
passage is left out) of the page noted above it; the date is the report's day (the page's date where the report's is
not known). Fields as in ``test_patrol_real16.judge``: kind, count, cv (ceasefire violations), qual, weapon, flight,
region, bearing (16-point sector or "A..B"), dist (km range, None = no distance), time (exact "DD HH:MM" pair, or
("within", start, end); a day of the month before the item's is written as 0 or less: "-1" is the 30th of December for
an item of January), obs (observer place name), obs_at (observer position, 15 km), placed; opt = a restatement (or
uncounted fire, or a sighting) that is neither missing nor extra.
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
RS = (48.05, 37.74)  # Donetsk central railway station, 6-8 km north-west of the centre
DON = (48.00, 37.80)  # Donetsk centre
HOR = (48.30, 38.05)  # Horlivka
SVI = (48.43, 38.22)  # Svitlodarsk
YAS = (48.13, 37.86)  # Yasynuvata
SHY = (47.08, 37.83)  # Shyrokyne

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch C: gathered first, measured once on main before any change ---------------------------------------------
BATCH_C: list[Item] = [

# http://osce.org/ukraine-smm/245976 ("Latest from", as of 19:30, 8 June 2016)
("C01", "2016-06-08",
 "Whilst in \u201cDPR\u201d-controlled Horlivka (39km north-east of Donetsk), the SMM heard between 21:30 and 22:13 on 7 "
 "June one undetermined explosion, one outgoing mortar round, 26 bursts of anti-aircraft gun or heavy-machine-gun fire "
 "and four shots of small-arms fire 1-10km south-west to north-west of its position.",
 [dict(kind=UND, count=1, bearing="SW..NW", dist=(1, 10), time=("07 21:30", "07 22:13"), obs="Horlivka", obs_at=HOR),
  dict(kind=OUT, count=1, weapon="mortar", bearing="SW..NW", dist=(1, 10), time=("07 21:30", "07 22:13")),
  dict(kind=BURST, count=26, bearing="SW..NW", time=("07 21:30", "07 22:13")),
  dict(kind=SHOT, count=4, weapon="small_arms", bearing="SW..NW", time=("07 21:30", "07 22:13"))]),
# (same page)
("C02", "2016-06-08",
 "Whilst in Donetsk city centre, the SMM heard between 23:11 on 7 June and 00:09 on 8 June 21 undetermined explosions "
 "5-10km north-west and north of its position.\n"
 "The following day, whilst in a \u201cDPR\u201d-controlled area 6km north-west of Donetsk city centre, the SMM heard over "
 "370 explosions, six bursts and five shots of small-arms fire, and 39 bursts of heavy-machine-gun fire, all 7-10km "
 "north to north-east of its position.",
 [dict(kind=UND, count=21, bearing="NW..N", dist=(5, 10), time=("07 23:11", "08 00:09"), obs="Donetsk", obs_at=DON),
  dict(kind=UND, count=370, qual="more than", bearing="N..NE", dist=(7, 10), time=("within", "08 00:00", "09 00:00"),
       obs_at=(48.04, 37.74)),
  dict(kind=BURST, count=6, weapon="small_arms", bearing="N..NE", dist=(7, 10)),
  dict(kind=SHOT, count=5, weapon="small_arms", bearing="N..NE", dist=(7, 10)),
  dict(kind=BURST, count=39, weapon="heavy_machine_gun", bearing="N..NE", dist=(7, 10))]),
# (same page; the stored page ends in the sentence)
("C03", "2016-06-08",
 "Whilst in \u201cDPR\u201d-controlled Yasynuvata (16km north-east of Donetsk), the SMM recorded over 400 undetermined "
 "explosions, three air explosions, an estimated 3,000 single shots [...]",
 [dict(kind=UND, count=400, qual="more than", obs="Yasynuvata", obs_at=YAS),
  dict(kind=AIR, count=3, obs="Yasynuvata"),
  dict(kind=SHOT, count=3000, obs="Yasynuvata")]),
# https://en.censor.net.ua/news/348768/decrease_in_ceasefire_violations_was_observed_in_ato_zone (report on 22 August 2015)
("C04", "2015-08-22",
 "From its position at the Joint Centre for Control and Co-ordination (JCCC) observation point, at the 'DPR'-controlled "
 "Donetsk railway station, the SMM heard a total of 35 explosions and bursts of small-arms and light-weapons fire in the "
 "morning. From the same position, between 2:15 p.m. and 5:45 p.m. the SMM observed 44 explosions and numerous bursts "
 "and shots of small-arms fire.",
 [dict(kind=UND, count=35, time=("within", "22 00:00", "22 12:00"), obs_at=RS),
  dict(kind=BURST, weapon="small_arms", opt=True),
  dict(kind=UND, count=44, time=("22 14:15", "22 17:45"), obs_at=RS),
  dict(kind=BURST, weapon="small_arms", opt=True),
  dict(kind=SHOT, weapon="small_arms", opt=True)]),
# (same page)
("C05", "2015-08-22",
 "In government-controlled Prohorivka in the Donetsk region, following up on information received separately from the "
 "head of the village council and residents of Starohnativka about one male civilian killed in overnight shelling, the "
 "SMM observed one crater and a piece of shrapnel near the farm compound where according to residents the victim had "
 "been hit. The SMM assessed that a 152mm shell - fired from a north-easterly direction - had caused it.\n"
 "In government-controlled Lebedynske village near Mariupol city, the SMM observed six fresh craters and assessed that "
 "five of them were caused by 82mm mortar shells fired from a south-easterly direction, while the sixth was caused by a "
 "calibre above 120mm originated from the same direction.",
 [dict(kind=OTHER, count=1, opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=OTHER, count=6, opt=True),
  dict(kind=OTHER, count=5, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://shhada.ir/ukraine-smm/160611 (a copy of the "Latest from" as of 19:30, 27 May 2015)
("C06", "2015-05-27",
 "From an observation point at the \u201cDonetsk People\u2019s Republic\u201d (\u201cDPR\u201d)-controlled Donetsk "
 "central railway station (8km north-west of Donetsk city centre), the SMM noticed a decrease in the number of ceasefire "
 "violations compared to previous days. Over a three hour period in the morning, the SMM heard nine explosions from west "
 "and north-west, and in the afternoon four explosions. The SMM also heard several bursts of anti-aircraft fire (23mm "
 "calibre) from the direction of Donetsk airport.",
 [dict(kind=UND, count=9, bearing="W..NW", time=("within", "27 04:00", "27 12:00"), obs_at=RS),
  dict(kind=UND, count=4, time=("within", "27 12:00", "27 18:00"), obs_at=RS),
  dict(kind=BURST, opt=True)]),
# (same page)
("C07", "2015-05-27",
 "In Luhansk region the SMM heard explosions consistent with both outgoing mortar and artillery in an area to the "
 "south-west of the SMM location near government-controlled Nyzhnie (56km north-west of Luhansk)[1].",
 [dict(kind=OUT, bearing="SW", obs="Nyzhnie", opt=True)]),
# (same page)
("C08", "2015-05-27",
 "The SMM saw the aftermath of shelling in \u201cDPR\u201d-controlled Horlivka (39km north-north-east of Donetsk). "
 "Residents, including one injured by the shelling, told the SMM that shells struck at 18:00hrs on 26 May. The SMM saw "
 "nine crater impacts (all within a radius of 200 metres) at three locations in residential areas and conducted crater "
 "analysis at one location.",
 [dict(kind=OTHER, opt=True),
  dict(kind=OTHER, count=9)]),
# http://osce.org/ukraine-smm/178591 ("Latest from", as of 19:30, 24 August 2015)
("C09", "2015-08-24",
 "Between 08:15 and 17:30hrs, from the Joint Centre for Control and Co-ordination (JCCC) observation point at Donetsk "
 "railway station (\u201cDPR\u201d-controlled, 8km north-west of Donetsk city centre), the SMM recorded a total of 32 "
 "explosions and some exchanges of small-arms fire at distances ranging between 3 and 8km west-south-west, "
 "west-north-west, north-north-west and north-north-east of its position[1].",
 [dict(kind=UND, count=32, bearing="WSW..NNE", dist=(3, 8), time=("24 08:15", "24 17:30"), obs_at=RS),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# (same page)
("C10", "2015-08-24",
 "The SMM recorded several ceasefire violations in \u201cDPR\u201d-controlled Horlivka (38km north-east of Donetsk), "
 "government-controlled Marinka (23km south-west of Donetsk) and government-controlled Berdianske (18km east of "
 "Mariupol). The highest number of ceasefire violations were registered whilst in Horlivka where, between 09:46 and "
 "12:45hrs, the SMM heard 41 explosions - outgoing - at locations south-east and south of its position.",
 [dict(kind=OTHER, opt=True),
  dict(kind=OUT, count=41, bearing="SE..S", time=("24 09:46", "24 12:45"), obs="Horlivka", obs_at=HOR)]),
# https://kyivpost.com/ukraine-politics/ukrinform-89-explosions-recorded-in-donbas-on-august-13.html
("C11", "2019-08-13",
 "The OSCE Special Monitoring Mission to Ukraine (SMM) recorded 87 explosions in Donetsk region and two explosions in "
 "Luhansk region on Tuesday, August 13.\n"
 "\u201cIn Donetsk region, the SMM recorded more ceasefire violations, including more explosions (87), compared with the "
 "previous reporting period (65 explosions),\u201d reads the report of the OSCE SMM, based on information received as of "
 "7:30 p.m., 13 August 2019.",
 [dict(kind=UND, count=87, region="Donetsk", time=("within", "12 16:00", "14 00:00")),
  dict(kind=UND, count=2, region="Luhansk", time=("within", "12 16:00", "14 00:00")),
  dict(kind=UND, count=87, opt=True),
  dict(kind=UND, count=65, opt=True)]),
# https://reliefweb.int/report/ukraine/spot-report-osce-special-monitoring-mission-ukraine-smm-bullets-fly-10-50m-over-smm
("C12", "2018-10-10",
 "At 8:59 on 10 October, an SMM patrol consisting of five members and two armoured vehicles was positioned on road H-20 "
 "approximately 1.5km south of Kamianka (government\u2011controlled, 20km north of Donetsk), and 3km north of the Donetsk "
 "Filtration Station. [...] Three patrol members were standing next to the vehicles and the others were inside the "
 "vehicles when, despite security guarantees having been provided, they heard the whistling sound of two bullets flying "
 "10\u201150m over their heads. The SMM could not assess the direction of fire, and at 09:03, departed the location "
 "safely.",
 [dict(kind=SHOT, count=2, time=("within", "10 08:59", "11 00:00"), obs="Kamianka")]),
# https://ukranews.com/en/news/469340-osce-mission-patrol-base-in-svitlodarsk-donetsk-region-damaged-by-shelling (the
# SMM's report as of 27 December 2016)
("C13", "2016-12-27",
 "The SMM noted a sharp decrease in the number of ceasefire violations from the evening of 24 to the evening of 25 "
 "December, coinciding with a renewed commitment by the sides to adhere to the ceasefire starting from 24 December. (The "
 "SMM recorded fewer than 30 explosions.)\n"
 "The number of ceasefire violations recorded through the evening of 26 December increased compared with the previous "
 "day, with more than 170 explosions, mostly in areas east and north-east of Mariupol where the SMM also recorded "
 "intense exchanges of heavy-machine-gun and small-arms fire.",
 [dict(kind=UND, count=30, time=("within", "24 16:00", "26 00:00")),
  dict(kind=UND, count=170, qual="more than", time=("within", "25 16:00", "27 00:00")),
  dict(kind=OTHER, opt=True)]),
# (same page)
("C14", "2016-12-27",
 "The SMM returned to its forward patrol base in Svitlodarsk late in the morning on 26 December, from where it recorded "
 "only one explosion and two instances of heavy-machine-gun and small-arms fire in the afternoon of 26 December.",
 [dict(kind=UND, count=1, time=("within", "26 12:00", "26 18:00"), obs="Svitlodarsk", obs_at=SVI),
  dict(kind=BURST, opt=True)]),
# https://censor.net/en/news/3239792/osce_records_over_300_ceasefire_violations_in_donbas (report of 29 December 2020)
("C15", "2020-12-28",
 "\"In Donetsk region, the Mission recorded 299 ceasefire violations, including 46 explosions (of which 44 were "
 "undetermined and two were impacts of undetermined weapons), most of which occurred in areas north of Shyrokyne "
 "(government-controlled, 100km south of Donetsk) and near the Donetsk Filtration Station (DFS) (15km south of "
 "Donetsk),\" the report says.\n"
 "In Luhansk region, the Mission recorded two ceasefire violations, both undetermined explosions in an area south-east "
 "of Popasna (government-controlled, 69km west of Luhansk).",
 [dict(kind=UND, count=44, region="Donetsk"),
  dict(kind=IMP, count=2, region="Donetsk"),
  dict(kind=UND, count=2, region="Luhansk")]),
# https://censor.net/en/news/3275284/osce_recorded_over_330_ceasefire_violations_in_eastern_ukraine_over_weekend
("C16", "2021-07-05",
 "\"In Donetsk region, between the evenings of 2 and 4 July, the SMM recorded 261 ceasefire violations, including 58 "
 "explosions (two impacts, 25 airbursts and 31 undetermined),\" the report reads.\n"
 "The majority of ceasefire violations occurred at westerly and southerly directions of the Donetsk Filtration Station "
 "(DFS) (15km north of Donetsk) during the night of 2-3 July and during the day on 4 July, at north-easterly directions "
 "of Hnutove (government-controlled, 90km south of Donetsk) during the night of 2-3 July, as well as in an area "
 "north-west of Maiak (non-government-controlled, 19km east of Donetsk) during the day on 4 July.\n"
 "In the Luhansk region, between the evenings of 2 and 4 July, the SMM recorded 78 ceasefire violations, including 37 "
 "undetermined explosions.",
 [dict(kind=IMP, count=2, region="Donetsk", time=("within", "02 16:00", "05 00:00")),
  dict(kind=AIR, count=25, region="Donetsk", time=("within", "02 16:00", "05 00:00")),
  dict(kind=UND, count=31, region="Donetsk", time=("within", "02 16:00", "05 00:00")),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, count=37, cv=78, region="Luhansk", time=("within", "02 16:00", "05 00:00"))]),
# https://osce.org/ukraine-smm/198531 ("Latest from", as of 19:30, 6 November 2015)
("C17", "2015-11-06",
 "Whilst at the \u201cDonetsk People\u2019s Republic\u201d (\u201cDPR\u201d)-controlled Donetsk railway station (6km "
 "north-west of Donetsk city), between 07:45 and 15:20hrs, the SMM recorded a total of 52 explosions at locations "
 "ranging from 4 to 7km north-east and north-west of its position as well as 15 heavy machine-gun bursts 4 to 7km "
 "north-north-west and east-south-east from its position[1].",
 [dict(kind=UND, count=52, bearing="NW..NE", dist=(4, 7), time=("06 07:45", "06 15:20"), obs_at=RS),
  dict(kind=BURST, count=15, weapon="heavy_machine_gun", dist=(4, 7), time=("06 07:45", "06 15:20"), obs_at=RS)]),
# (same page)
("C18", "2015-11-06",
 "While at an observation post near Berdianske (18km east of Mariupol), between 12:15 and 12:20hrs, the SMM heard "
 "several single shots from small arms and several machine-gun bursts 2km north-east of its position.",
 [dict(kind=SHOT, weapon="small_arms", bearing="NE", dist=(2, 2), time=("06 12:15", "06 12:20"), obs="Berdianske",
       opt=True),
  dict(kind=BURST, bearing="NE", dist=(2, 2), time=("06 12:15", "06 12:20"), obs="Berdianske", opt=True)]),
# (same page)
("C19", "2015-11-06",
 "While in the village of Opytne (government-controlled, 11km north-west of Donetsk), the SMM heard four explosions, "
 "which the SMM assessed to be related to demining activities. During that time, the SMM also heard bursts of small "
 "arms fire.",
 [dict(kind=UND, count=4, obs="Opytne"),
  dict(kind=BURST, weapon="small_arms", opt=True)]),
# http://osce.org/ukraine-smm/279531 ("Latest from", as of 19:30, 4 November 2016)
("C20", "2016-11-04",
 "The SMM recorded more ceasefire violations in Donetsk region with 585 explosions compared with 430 in the previous "
 "reporting period.[1]\n"
 "While in \u201cDPR\u201d-controlled Horlivka (39km north-east of Donetsk) on the night of 3-4 November the SMM heard 220 "
 "explosions 8-10km south-west in a two-hour period.",
 [dict(kind=UND, count=585, region="Donetsk", time=("within", "03 16:00", "05 00:00")),
  dict(kind=UND, count=430, opt=True),
  dict(kind=UND, count=220, bearing="SW", dist=(8, 10), time=("within", "03 12:00", "04 12:00"), obs="Horlivka",
       obs_at=HOR)]),
# (same page)
("C21", "2016-11-04",
 "While in government-controlled Svitlodarsk (57km north-east of Donetsk) on the night of 3-4 November, the SMM heard "
 "nine explosions, seven of which were assessed as impacts of mortar (82mm) rounds 5-6km south and two as outgoing "
 "automatic grenade launcher rounds 4km south-east. The SMM also recorded bursts of heavy machine-gun 4km south and "
 "small-arms fire 5km north-west.",
 [dict(kind=IMP, count=7, weapon="mortar", bearing="S", dist=(5, 6), time=("within", "03 12:00", "04 12:00"),
       obs="Svitlodarsk", obs_at=SVI),
  dict(kind=OUT, count=2, weapon="automatic_grenade_launcher", bearing="SE", dist=(4, 4),
       time=("within", "03 12:00", "04 12:00")),
  dict(kind=BURST, weapon="heavy_machine_gun", bearing="S", dist=(4, 4), opt=True),
  dict(kind=OTHER, weapon="small_arms", bearing="NW", dist=(5, 5), opt=True)]),
# (same page)
("C22", "2016-11-04",
 "On the evening and night of 3-4 November, the SMM camera in Shyrokyne (20km east of Mariupol) recorded 88 explosions "
 "assessed as impacts and 15 undetermined explosions north-east. The camera also recorded an exchange of fire involving "
 "194 tracer rounds assessed as anti-aircraft fire (ZU-23-2, 23mm) from south-west to north-east, 37 tracers fired from "
 "east to west, 28 cannon tracers fired from east to west and eight bursts of tracers fired from south to north.",
 [dict(kind=IMP, count=88, bearing="NE", time=("within", "03 12:00", "04 12:00"), obs="Shyrokyne", obs_at=SHY),
  dict(kind=UND, count=15, bearing="NE", time=("within", "03 12:00", "04 12:00"), obs="Shyrokyne"),
  dict(kind=PIF, count=194, flight="SW to NE", weapon="anti_aircraft_gun", obs="Shyrokyne"),
  dict(kind=PIF, count=37, flight="E to W"),
  dict(kind=PIF, count=28, flight="E to W"),
  dict(kind=BURST, count=8, flight="S to N", opt=True)]),
# https://archive.kyivpost.com/article/content/ukraine-politics/spot-report-by-the-osce-special-monitoring-mission-to-
# ukraine-smm-5-december-2015-armed-individuals-guarding-heavy-weapons-in-yurivka-fire-into-the-air-as-smm-monitors-
# tried-to-approach-403594.html
("C23", "2015-12-05",
 "At 9:24hrs on 5 December, an SMM patrol comprised of four SMM monitors and the SMM medical officer in two armoured "
 "vehicles arrived at a field in the vicinity of 'Lugansk People's Republic ('LPR')-controlled Yurivka (26km south-west "
 "of Luhansk), where the SMM had observed 12 towed howitzers (D-30, 122mm) during previous visits \u2013 in violation of "
 "the relevant withdrawal line (see SMM Daily Report 26 November 2015 and SMM Daily Report 1 December2015).\n"
 "The SMM drove towards 12 howitzers (D-30, 122mm) and at 100-150m distance, it spotted three armed individuals "
 "standing near one of the howitzers. When the SMM further continued driving towards the howitzers and was at 80-100m "
 "distance, one of the armed individuals released a burst of fire into the air with an automatic rifle and another "
 "individual pointed his automatic rifle at the SMM.",
 [dict(kind=OTHER, count=12, opt=True),
  dict(kind=OTHER, count=12, opt=True),
  dict(kind=OTHER, count=3, opt=True),
  dict(kind=BURST, count=1, weapon="small_arms", time=("within", "05 09:24", "06 00:00"))]),
# https://ukrinform.net/amp/rubric-defense/3380175-osce-records-almost-450-ceasefire-violations-over-four-days.html
("C24", "2022-01-03",
 "\u201cIn Donetsk region, between the evenings of 30 December 2021 and 3 January 2022, the SMM recorded 399 ceasefire "
 "violations, including 25 explosions (one airburst and 24 undetermined),\u201d reads the OSCE SMM daily report 1/2022.\n"
 "The majority of ceasefire violations occurred in areas north and north-north-east of Shyrokyne (government-controlled, "
 "100km south of Donetsk), south and south-south-east of the Donetsk Filtration Station (DFS) (15km north of Donetsk), "
 "and north-east and east-north-east of Hnutove (government-controlled, 90km south of Donetsk).\n"
 "As noted, over the same period in Luhansk region, the Mission recorded 44 ceasefire violations, including 23 "
 "undetermined explosions.",
 [dict(kind=AIR, count=1, region="Donetsk", time=("within", "-1 16:00", "04 00:00")),
  dict(kind=UND, count=24, region="Donetsk", time=("within", "-1 16:00", "04 00:00")),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, count=23, cv=44, region="Luhansk")]),
# https://www.ukrinform.net/amp/rubric-defense/3252017-smm-recorded-836-ceasefire-violations-in-eastern-ukraine-over-past-weekend.html
("C25", "2021-05-24",
 "\u201cIn Donetsk region, between the evenings of 21 and 23 May, the SMM recorded 601 ceasefire violations, including "
 "323 explosions (three impacts, 29 airbursts, 76 outgoing and 215 undetermined),\u201d the report reads.\n"
 "The majority of ceasefire violations occurred at south-westerly and northwesterly direction of Horlivka "
 "(non-government-controlled, 39km north-east of Donetsk), at south-easterly direction of non-government-controlled "
 "Donetsk city and at north-easterly and south-easterly directions of Hranitne (government-controlled, 60km south of "
 "Donetsk).\n"
 "In Luhansk region, between the evenings of 21 and 23 May, the SMM recorded 235 ceasefire violations, including 154 "
 "explosions (two impacts and 152 undetermined).",
 [dict(kind=IMP, count=3, region="Donetsk", time=("within", "21 16:00", "24 00:00")),
  dict(kind=AIR, count=29, region="Donetsk", time=("within", "21 16:00", "24 00:00")),
  dict(kind=OUT, count=76, region="Donetsk", time=("within", "21 16:00", "24 00:00")),
  dict(kind=UND, count=215, region="Donetsk", time=("within", "21 16:00", "24 00:00")),
  dict(kind=OTHER, opt=True),
  dict(kind=IMP, count=2, region="Luhansk", time=("within", "21 16:00", "24 00:00")),
  dict(kind=UND, count=152, region="Luhansk", time=("within", "21 16:00", "24 00:00"))]),
# https://m.censor.net/en/news/3281788/osce_recorded_451_ceasefire_violations_in_eastern_ukraine_over_weekend
("C26", "2021-08-09",
 "\"In Donetsk region, between the evenings of 6 and 8 August, the SMM recorded 168 ceasefire violations, including 63 "
 "undetermined explosions,\" the report reads.\n"
 "In Luhansk region, the SMM recorded 283 ceasefire violations, including 71 undetermined explosions.\n"
 "All ceasefire violations occurred in areas near the disengagement area near Zolote (government-controlled, 60km west "
 "of Luhansk).\n"
 "Following agreement reached at the meeting of the Trilateral Contact Group on 22 July 2020 regarding additional "
 "measures to strengthen the ceasefire, from 00:01 on 27 July 2020 until the end of the reporting period, the SMM has "
 "recorded at least 48,749 ceasefire violations in both Donetsk and Luhansk regions (including 13,975 explosions, 9,316 "
 "projectiles in flight, 265 muzzle flashes, 188 illumination flares and at least 25,005 bursts and shots).",
 [dict(kind=UND, count=63, cv=168, region="Donetsk", time=("within", "06 16:00", "09 00:00")),
  dict(kind=UND, count=71, cv=283, region="Luhansk", time=("within", "06 16:00", "09 00:00")),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, count=13975, placed=False),
  dict(kind=PIF, count=9316, placed=False),
  dict(kind=OTHER, count=265, placed=False),
  dict(kind=FLARE, count=188, placed=False),
  dict(kind=BURST, count=25005, qual="at least", placed=False)]),
]

# --- batch D: gathered after C's fixes (two of its pages, 274956 and 237666, had shown in a search result before them;
# their text was neither run nor used for a fix), measured once on the branch before any change for it ----------------
DFS = (48.156, 37.806)  # Donetsk Filtration Station
OKT = (48.06, 37.72)  # the Oktiabr mine, 9 km north-west of Donetsk centre
AVD = (48.14, 37.75)  # Avdiivka

BATCH_D: list[Item] = [

# http://osce.org/special-monitoring-mission-to-ukraine/318961 ("Latest from", as of 19:30, 22 May 2017)
("D01", "2017-05-22",
 "In Donetsk region the SMM recorded fewer ceasefire violations[1], but more explosions (about 430) compared with "
 "ceasefire violations recorded between the evenings of 20 and 21 May, which included about 370 explosions.\n"
 "While in \u201cDPR\u201d-controlled Donetsk city, on the night of 21 May, the SMM heard 62 undetermined explosions "
 "8-15km north-west.",
 [dict(kind=UND, count=430, qual="about", region="Donetsk", time=("within", "21 16:00", "23 00:00")),
  dict(kind=UND, count=370, opt=True),
  dict(kind=UND, count=62, bearing="NW", dist=(8, 15), time=("within", "21 12:00", "22 12:00"), obs="Donetsk",
       obs_at=DON)]),
# (same page)
("D02", "2017-05-22",
 "On the evening and night of 21 May the SMM camera at the \u201cDPR\u201d-controlled Oktiabr mine (9km north-west of "
 "Donetsk city centre) recorded, in sequence: one airburst, three undetermined explosions, nine projectiles in flight east "
 "to west, one in flight from west to east, 15 tracer rounds in flight from west to east, ten tracer rounds in flight "
 "east to west, one projectile in flight from west to east and one undetermined explosion, all 4-6km north-north-east.",
 [dict(kind=AIR, count=1, bearing="NNE", dist=(4, 6), time=("within", "21 12:00", "22 12:00"), obs_at=OKT),
  dict(kind=UND, count=3, bearing="NNE", dist=(4, 6)),
  dict(kind=PIF, count=9, flight="E to W", bearing="NNE"),
  dict(kind=PIF, count=1, flight="W to E"),
  dict(kind=PIF, count=15, flight="W to E"),
  dict(kind=PIF, count=10, flight="E to W"),
  dict(kind=PIF, count=1, flight="W to E"),
  dict(kind=UND, count=1, bearing="NNE", dist=(4, 6))]),
# https://osce.org/special-monitoring-mission-to-ukraine/347316 ("Latest from", as of 19:30, 1 October 2017)
("D03", "2017-10-01",
 "In Donetsk region between the evenings of 29 and 30 September the SMM recorded fewer ceasefire violations,[1] "
 "including 56 explosions, compared with the previous reporting period (about 100 explosions). Between the evenings of "
 "30 September and 1 October the SMM recorded fewer ceasefire violations, including 13 explosions, compared with the "
 "previous 24 hours.",
 [dict(kind=UND, count=56, region="Donetsk", time=("within", "-1 16:00", "01 00:00")),
  dict(kind=UND, count=100, opt=True),
  dict(kind=UND, count=13, region="Donetsk", time=("within", "0 16:00", "02 00:00"))]),
# (same page, its summary)
("D04", "2017-10-01",
 "While in government-controlled Kriakivka the SMM heard small-arms fire and two explosions nearby and immediately left "
 "the area.",
 [dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, count=2, obs="Kriakivka")]),
# http://osce.org/special-monitoring-mission-to-ukraine/321041 ("Latest from", as of 19:30, 31 May 2017)
("D05", "2017-05-31",
 "In Donetsk region the SMM recorded fewer ceasefire violations,[1] including explosions (about 124), as compared with "
 "the previous reporting period (about 560).\n"
 "On the night of 30-31 May, while in \u201cDPR\u201d-controlled Donetsk city centre, the SMM heard about 36 "
 "undetermined explosions 6-8km north.",
 [dict(kind=UND, count=124, qual="about", region="Donetsk", time=("within", "30 16:00", "32 00:00")),
  dict(kind=UND, count=560, opt=True),
  dict(kind=UND, count=36, qual="about", bearing="N", dist=(6, 8), time=("within", "30 12:00", "31 12:00"),
       obs="Donetsk", obs_at=DON)]),
# https://osce.org/special-monitoring-mission-to-ukraine/343526 ("Latest from", as of 19:30, 18 September 2017)
("D06", "2017-09-18",
 "On the evening of 17 September, the SMM camera at the Donetsk Filtration Station (15km north of Donetsk) recorded, in "
 "sequence, three undetermined explosions, two tracer rounds in flight from east to west and two undetermined "
 "explosions, all 1-3km south.\n"
 "On the evening of 17 September, while in government-controlled Svitlodarsk (57km north-east of Donetsk), the SMM heard "
 "six bursts of heavy-machine-gun fire 1-2km south-south-east.",
 [dict(kind=UND, count=3, bearing="S", dist=(1, 3), time=("within", "17 15:00", "18 00:00"), obs_at=DFS),
  dict(kind=PIF, count=2, flight="E to W", bearing="S", dist=(1, 3)),
  dict(kind=UND, count=2, bearing="S", dist=(1, 3)),
  dict(kind=BURST, count=6, weapon="heavy_machine_gun", bearing="SSE", dist=(1, 2),
       time=("within", "17 15:00", "18 00:00"), obs="Svitlodarsk", obs_at=SVI)]),
# http://osce.org/special-monitoring-mission-to-ukraine/328716 ("Latest from", as of 19:30, 10 July 2017)
("D07", "2017-07-10",
 "On the evening and night of 9-10 July the SMM camera in government-controlled Avdiivka (17km north of Donetsk) "
 "recorded, in sequence, three tracer rounds in flight from west to east, one tracer round in flight from east to west, "
 "followed by aggregated totals of one undetermined explosion, one illumination flare in vertical flight and 15 tracer "
 "rounds in flight (14 from west to east and one from east to west), all 3-5km east-south-east. The following day, the "
 "same camera recorded nine explosions assessed as impacts of rounds of undetermined weapons 4-5km east-south-east. "
 "Positioned in Avdiivka for about five hours, the SMM heard six undetermined explosions 3-5km east-south-east.",
 [dict(kind=PIF, count=3, flight="W to E", bearing="ESE", dist=(3, 5), time=("within", "09 12:00", "10 12:00"),
       obs="Avdiivka", obs_at=AVD),
  dict(kind=PIF, count=1, flight="E to W", bearing="ESE"),
  dict(kind=UND, count=1, bearing="ESE", dist=(3, 5)),
  dict(kind=FLARE, count=1, bearing="ESE"),
  dict(kind=PIF, count=15, opt=True),
  dict(kind=PIF, count=14, flight="W to E", opt=True),
  dict(kind=PIF, count=1, flight="E to W", opt=True),
  dict(kind=IMP, count=9, bearing="ESE", dist=(4, 5), time=("within", "10 00:00", "11 00:00"), obs_at=AVD),
  dict(kind=UND, count=6, bearing="ESE", dist=(3, 5), obs="Avdiivka", obs_at=AVD)]),
# http://osce.org/ukraine-smm/280291 ("Latest from", as of 19:30, 8 November 2016)
("D08", "2016-11-08",
 "The SMM recorded a higher number of ceasefire violations in Donetsk region \u2013 at least 1,450 explosions and almost "
 "200 projectiles (including 122 that were rocket-assisted) compared with 648 explosions and 315 projectiles in the "
 "previous reporting period.[1]\n"
 "While in \u201cDPR\u201d-controlled Debaltseve (58km north-east of Donetsk) the SMM heard 483 undetermined explosions, "
 "170 overlapping bursts and shots of heavy-machine-gun and small-arms fire 2-10km north-west, west-north-west and "
 "east-north-east.",
 [dict(kind=UND, count=1450, qual="at least", region="Donetsk"),
  dict(kind=PIF, count=200, region="Donetsk"),
  dict(kind=PIF, count=122, opt=True),
  dict(kind=UND, count=648, opt=True),
  dict(kind=PIF, count=315, opt=True),
  dict(kind=UND, count=483, dist=(2, 10), obs="Debaltseve"),
  dict(kind=BURST, count=170, dist=(2, 10), obs="Debaltseve")]),
# (same page)
("D09", "2016-11-08",
 "Positioned in \u201cDPR\u201d-controlled Yasynuvata (16km north-east of Donetsk), the SMM heard 263 undetermined "
 "explosions, hundreds of bursts of heavy-machine-gun and small-arms fire and uncountable overlapping bursts and shots "
 "of small-arms, all 1-10km west-south-west and west.",
 [dict(kind=UND, count=263, bearing="WSW..W", dist=(1, 10), obs="Yasynuvata", obs_at=YAS),
  dict(kind=BURST, opt=True),
  dict(kind=BURST, opt=True)]),
# https://www.osce.org/ukraine-smm/262091 ("Latest from", as of 19:30, 31 August 2016)
("D10", "2016-08-31",
 "The SMM recorded fewer ceasefire violations[1] in Donetsk region with 95 explosions recorded, compared with the "
 "approximately 520 explosions recorded during the previous reporting period. Notably, eight explosions were recorded "
 "during the daytime hours of 31 August, when a renewed commitment to adhere to the ceasefire for the start of the school "
 "year came into effect.\n"
 "During the evening of 30 August, between 19:11 and 20:00, while in \u201cDPR\u201d-controlled Horlivka (39km "
 "north-east of Donetsk), the SMM heard 15-20 explosions assessed as outgoing mortar rounds, three-five explosions "
 "assessed as impacts of mortar rounds (82 and 120mm), and multiple bursts of small-arms and heavy-machine-gun fire 2-3km "
 "north-east of its position.",
 [dict(kind=UND, count=95, region="Donetsk"),
  dict(kind=UND, count=520, opt=True),
  dict(kind=UND, count=8, opt=True),
  dict(kind=OUT, count=20, weapon="mortar", bearing="NE", dist=(2, 3), time=("30 19:11", "30 20:00"), obs="Horlivka",
       obs_at=HOR),
  dict(kind=IMP, count=5, weapon="mortar", bearing="NE", dist=(2, 3), time=("30 19:11", "30 20:00")),
  dict(kind=BURST, opt=True)]),
# http://osce.org/ukraine-smm/274956 ("Latest from", as of 19:30, 14 October 2016)
("D11", "2016-10-14",
 "Positioned in \u201cDPR\u201d-controlled Zaichenko (26km north-east of Mariupol) the SMM heard 20 to 40 explosions, "
 "assessed as impacts of multiple-launch rocket systems rounds (MLRS; BM-21 Grad, 122mm) at an undetermined distance to "
 "the south; at least 120 explosions assessed as artillery fire (both incoming and outgoing) and 16 undetermined "
 "explosions, 1-1.5km south between 11:00 and 11:45.",
 [dict(kind=IMP, count=40, weapon="mlrs", bearing="S", dist=None, obs="Zaichenko"),
  dict(kind=UND, count=120, qual="at least", weapon="artillery", bearing="S", dist=(1, 1.5),
       time=("14 11:00", "14 11:45")),
  dict(kind=UND, count=16, bearing="S", dist=(1, 1.5), time=("14 11:00", "14 11:45"))]),
# http://osce.org/ukraine-smm/237666 ("Latest from", as of 19:30, 28 April 2016)
("D12", "2016-04-28",
 "In the evening hours of 27 April, whilst in Donetsk city centre, the SMM heard seven undetermined explosions 7-10km "
 "north-west of its location. The following day, from a position at \u201cDPR\u201d-controlled Donetsk central railway "
 "station (6km north-west of Donetsk city centre), the SMM heard 42 undetermined explosions, 46 bursts of "
 "heavy-machine-gun fire, and six bursts and 33 single shots of small-arms fire, mostly at locations ranging from west "
 "to north 2-10km of its position.",
 [dict(kind=UND, count=7, bearing="NW", dist=(7, 10), time=("within", "27 15:00", "28 00:00"), obs="Donetsk", obs_at=DON),
  dict(kind=UND, count=42, time=("within", "28 00:00", "29 00:00"), obs_at=RS),
  dict(kind=BURST, count=46, weapon="heavy_machine_gun", time=("within", "28 00:00", "29 00:00")),
  dict(kind=BURST, count=6, weapon="small_arms"),
  dict(kind=SHOT, count=33, weapon="small_arms")]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2222021-issued-22-september
("D13", "2021-09-21",
 "In Donetsk region, the Mission recorded 117 ceasefire violations, including eight explosions. In the previous reporting "
 "period, it recorded 117 ceasefire violations in the region.\n"
 "In Luhansk region, the SMM recorded 79 ceasefire violations, including 76 explosions. In the previous reporting period "
 "it recorded five ceasefire violations in the region.",
 [dict(kind=UND, count=8, cv=117, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=117, opt=True),
  dict(kind=UND, count=76, cv=79, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=5, opt=True)]),
]
