"""Session 19 (patrol19): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (one to five sentences, cut with "[...]" where a
passage is left out or the stored page ends) of the page noted above it; the date is the report's day (the page's date
where the report's is not known). Fields as in ``test_patrol_real16.judge`` (see ``patrol_real18c_batches``). Batch I
adds other missions' and the parties' styles (the Ukrainian JFO/ATO headquarters' daily summaries, the "DPR" command's
and JCCC office's statements as news agencies copied them): a party's tally of "ceasefire violations" is ``cv``, rounds it
says were fired onto its side are impacts, and a weapon named without a number is an optional record of unstated number
(kind ``other`` for guns, an undetermined explosion for mortars and launchers, by the reader's documented convention).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
MAR = (47.096, 37.549)  # Mariupol
SHY = (47.083, 37.825)  # Shyrokyne
DON = (48.003, 37.805)  # Donetsk centre
AVD = (48.139, 37.750)  # Avdiivka
RS = (48.05, 37.74)  # Donetsk central railway station, 6-8 km north-west of the centre
KOM = (47.176, 37.819)  # Kominternove (Pikuzy)
CHE = (47.315, 37.806)  # Chermalyk
HOR = (48.300, 38.050)  # Horlivka
MIN4E = (48.100, 37.887)  # 4 km east of Mineralne

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch I: gathered first, measured once on main before any change ---------------------------------------------
BATCH_I: list[Item] = [

# https://osce.org/ukraine-smm/263271 ("Latest from", as of 19:30, 7 September 2016)
("I01", "2016-09-07",
 "The SMM recorded 139 explosions in Donetsk region during the reporting period, compared with 62 explosions in the "
 "previous reporting period.",
 [dict(kind=UND, count=139, region="Donetsk", placed=False),
  dict(kind=UND, count=62, opt=True)]),
# (same page)
("I02", "2016-09-07",
 "While in government-controlled Mariupol (102km south of Donetsk) on the evening of 6 September, the SMM heard 60 "
 "explosions assessed as outgoing artillery rounds of an unknown calibre at an undetermined distance north-east.",
 [dict(kind=OUT, count=60, weapon="artillery", bearing="NE", dist=None, time=("within", "06 15:00", "07 00:00"),
       obs="Mariupol", obs_at=MAR)]),
# (same page)
("I03", "2016-09-07",
 "During approximately the same time period, the SMM camera in Shyrokyne (20km east of Mariupol) recorded ten "
 "rocket-assisted projectiles fired west to east and south-west to south-east and two undetermined explosions, all at "
 "unknown distances to the north and north-north-east.",
 [dict(kind=PIF, count=10, bearing="N..NNE", dist=None, obs_at=SHY),
  dict(kind=UND, count=2, bearing="N..NNE", dist=None, obs_at=SHY)]),
# (same page)
("I04", "2016-09-07",
 "While in Donetsk city centre on the night of 6 September, the SMM heard two undetermined explosions 7-10km north-west "
 "of its position.",
 [dict(kind=UND, count=2, bearing="NW", dist=(7, 10), time=("within", "06 12:00", "07 12:00"), obs="Donetsk",
       obs_at=DON)]),
# https://osce.org/ukraine-smm/277586 ("Latest from", as of 19:30, 26 October 2016)
("I05", "2016-10-26",
 "The SMM observed more ceasefire violations[1] in Donetsk region, including more than 280 explosions compared with 193 "
 "in the previous reporting period, mostly in Avdiivka-Yasynuvata and Svitlodarsk areas, as well as in areas east and "
 "north-east of Mariupol where, in addition, the SMM camera in Shyrokyne recorded over 200 bursts of direct tracer fire.",
 [dict(kind=UND, count=280, qual="more than", region="Donetsk", placed=False),
  dict(kind=UND, count=193, opt=True),
  dict(kind=BURST, count=200, qual="more than", obs_at=SHY)]),
# (same page)
("I06", "2016-10-26",
 "During the night of 25-26 October, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) recorded "
 "63 projectiles, in sequence: 43 fired from south-south-west to east-north-east, five fired from east-north-east to "
 "south-south-west, eight fired from south to north, and seven fired from north to south, as well as four undetermined "
 "explosions, all 4-8km east, east-south-east and south-east of its location. The following day, the SMM camera "
 "recorded 32 undetermined explosions [...]",
 [dict(kind=PIF, count=43, flight="SSW to ENE", bearing="E..SE", dist=(4, 8), time=("within", "25 12:00", "26 12:00"),
       obs_at=AVD),
  dict(kind=PIF, count=5, flight="ENE to SSW", bearing="E..SE", dist=(4, 8), obs_at=AVD),
  dict(kind=PIF, count=8, flight="S to N", bearing="E..SE", dist=(4, 8), obs_at=AVD),
  dict(kind=PIF, count=7, flight="N to S", bearing="E..SE", dist=(4, 8), obs_at=AVD),
  dict(kind=UND, count=4, bearing="E..SE", dist=(4, 8), time=("within", "25 12:00", "26 12:00"), obs_at=AVD),
  dict(kind=PIF, count=63, opt=True),
  dict(kind=UND, count=32, obs_at=AVD)]),
# https://osce.org/ukraine-smm/178951 ("Latest from", 26 August 2015)
("I07", "2015-08-26",
 "Between 08:00 and 17:00hrs, at the Joint Centre for Control and Co-ordination (JCCC) observation point at Donetsk "
 "central railway station (\u201cDPR\u201d-controlled, 8km north-west of Donetsk city centre), the SMM observed 21, mostly "
 "incoming explosions and exchanges of small arms and heavy-machine-gun fire 3-20km to the south-west, north-west, "
 "north, and north-east of its position [1].",
 [dict(kind=UND, count=21, bearing="SW..NE", dist=(3, 20), time=("26 08:00", "26 17:00"), obs_at=RS),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://ukrinform.net/rubric-defense/2378226-christmas-ceasefire-in-ato-militants-fired-120mm-mortars-on-ukrainian-troops.html
# (ATO headquarters' daily summary, early January 2018)
("I08", "2018-01-05",
 "As noted, in Donetsk direction, militants fired 82mm mortars and small arms on Ukrainian strongholds outside "
 "Verkhniotoretske (22km north-east of Donetsk). Ukrainian troops did not return fire.",
 [dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://dan-news.info/en/society/ukrainian-army-fires-mortars-at-gorlovka-outskirts-two-summer-houses-catch-fire.html
# (DAN, 14 May 2020, quoting the "DPR" office at the JCCC)
("I09", "2020-05-14",
 "Ukrainian armed formations fired mortars at the Zaitsevo settlement in the northern outskirts of Gorlovka and the "
 "Panteleimonovka settlement south of the town on Thursday morning, the Donetsk People's Republic Office at the Joint "
 "Centre for Control and Coordination said.\n"
 "\"Ukrainian armed formations shelled Zaitsevo and Panteleimonovka from 05:25 to 7:20; overall, 20 120mm mortar rounds "
 "were fired,\" the report said.",
 [dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=IMP, count=20, weapon="mortar", time=("14 05:25", "14 07:20"))]),
# https://en.interfax.com.ua/news/general/610372.html (Interfax-Ukraine, 31 August 2019, the JFO headquarters)
("I10", "2019-08-31",
 "\"On August 30, the armed formations led by the Russian Federation and its mercenaries violated the ceasefire 17 "
 "times. The enemy fired at the positions of the Joint Forces from weapons prohibited by the Minsk agreements \u2013 120 "
 "mm and 82 mm mortars, as well as grenade launchers of various systems, heavy machine guns, sniper and rifle "
 "weapons...\"",
 [dict(kind=OTHER, cv=17, time=("within", "30 00:00", "31 00:00")),
  dict(kind=UND, weapon="mortar", opt=True), dict(kind=UND, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://en.interfax.com.ua/news/general/701411.html (Interfax-Ukraine, 5 November 2020, the JFO headquarters)
("I11", "2020-11-05",
 "Russian-occupation forces have violated the ceasefire eight times since early Thursday, a Ukrainian soldier wounded, "
 "the Joint Force Operation (JFO) headquarters said.\n"
 "Thus, in the area of responsibility of the Skhid (East) task force near the settlement of Starohnativka, the enemy "
 "used small arms. In areas near Vodiane, the enemy twice violated the ceasefire. In addition, not far from the village "
 "of Avdiyivka, the enemy opened fire three times from grenade launchers of various systems and small arms.",
 [dict(kind=OTHER, cv=8, time=("within", "05 00:00", "06 00:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True), dict(kind=OTHER, cv=2, opt=True),
  dict(kind=UND, opt=True), dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://www.ukrinform.net/rubric-defense/3182434-invaders-violate-ceasefire-in-donbas-five-times.html (2 February 2021)
("I12", "2021-02-02",
 "Over the past day, February 1, Russian invaders violated the ceasefire in the Joint Forces Operation (JFO) area in "
 "Donbas five times.\n"
 "In the area of responsibility of the operational and tactical group \u201cNorth\u201d, Ukrainian troops came under "
 "grenade machine gun, tripod-mounted man-portable antitank gun, heavy machine gun and small arms fire outside Pivdenne "
 "(40km north-east of Donetsk).",
 [dict(kind=OTHER, cv=5, time=("within", "01 00:00", "02 00:00")),
  dict(kind=UND, opt=True), dict(kind=UND, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://ukrinform.net/amp/rubric-defense/3351577-russian-mercenaries-violate-ceasefire-in-jfo-area-six-times-over-past-day.html
# (16 November 2021)
("I13", "2021-11-16",
 "Over the past day, Russian-occupation troops violated the ceasefire in the Joint Forces Operation (JFO) area in "
 "eastern Ukraine six times.\n"
 "\u201cIn the area of Svitlodarsk (57km north-east of Donetsk), the enemy opened fire from grenade launchers of "
 "different systems. Towards Popasna (69km west of Luhansk), the enemy launched two attacks, firing grenade launchers of "
 "different systems and heavy machine guns,\u201d the press center of the JFO Headquarters posted on Facebook.",
 [dict(kind=OTHER, cv=6, time=("within", "15 00:00", "16 00:00")),
  dict(kind=UND, opt=True), dict(kind=UND, opt=True), dict(kind=OTHER, opt=True)]),
# https://dninews.com/article/ukrainian-army-launches-nearly-250-shells-dpr-over-past-24-hours (DONi, the "DPR" command)
("I14", "2017-02-10",
 "Over the past 24 hours Ukrainian gunmen launched nearly 250 artillery shells and mortar rounds onto the DPR near front "
 "areas, reports the DPR Operational Command's Vice-Commander, Eduard Basurin.\n"
 "\u201cIn the Donetsk direction the enemy launched 21 mortar round of 120 mm caliber and 78 mortar rounds of 82 mm "
 "caliber. In the Mariupol direction the enemy launched 28 artillery shells of 122 mm caliber, 24 mortar rounds of 120 mm "
 "caliber and 96 mortar rounds of 82 mm caliber,\u201d said Basurin.",
 [dict(kind=IMP, count=250, qual="about", opt=True),
  dict(kind=IMP, count=21, weapon="mortar"), dict(kind=IMP, count=78, weapon="mortar"),
  dict(kind=IMP, count=28, weapon="artillery"), dict(kind=IMP, count=24, weapon="mortar"),
  dict(kind=IMP, count=96, weapon="mortar")]),
# https://tass.com/world/904323 (TASS, 5 October 2016, the "DPR" command)
("I15", "2016-10-05",
 "\"The situation in the DPR has dramatically deteriorated. Over the past 24 hours, the Ukrainian military has violated "
 "the ceasefire 247 times, in particular, they used the weapons banned by the Minsk agreements 166 times,\" he stated.\n"
 "Five 122-mm mines were fired at the Zaytsevo settlement north of Gorlovka, that was also bombarded by tanks.",
 [dict(kind=OTHER, cv=247),
  dict(kind=OTHER, cv=166, opt=True),
  dict(kind=IMP, count=5, weapon="mortar"),
  dict(kind=UND, opt=True)]),
# http://dnipress.com/en/posts/ukraine-attacked-dpr-territory-2-903-times-over-past-24-hours/ (DONi, the "DPR" command)
("I16", "2017-02-01",
 "\u201cThe situation remains tense in the Donetsk People\u2019s Republic. The Ukrainian gunmen violated the ceasefire "
 "regime 1151 times over the past 24 hours.\u201d\n"
 "Eduard Basurin explained that 90 artillery-shells of 152mm and 122mm caliber, 312 mortar-shells of 120mm and 82mm "
 "caliber had been launched from the AFU positions and 7 tank-shells, 495 ammunitions had been conducted with different "
 "types of grenade launchers as well.",
 [dict(kind=OTHER, cv=1151),
  dict(kind=IMP, count=90, weapon="artillery"), dict(kind=IMP, count=312, weapon="mortar"),
  dict(kind=IMP, count=7, weapon="tank"), dict(kind=IMP, count=495, opt=True)]),
# https://en.news-front.info/2015/11/10/ukrainian-forces-have-shelled-the-dpr-territory-11-times-over-the-past-24-hours/
("I17", "2015-11-10",
 "\u201cOver the past 24 hours, we\u2019ve recorded 11 instances of shelling of our territory by the Ukrainian forces. "
 "The shelling was conducted with mortars, infantry fighting vehicles and small arms. [...] More than 40 mortar rounds "
 "have been fired on the DPR territory over the past day,\u201d \u2013 the official said.",
 [dict(kind=IMP, count=40, qual="more than", weapon="mortar"),
  dict(kind=OTHER, cv=11, opt=True), dict(kind=UND, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://www.unian.info/war/1239970-osce-reports-truce-violations-north-east-of-ukrainian-mariupol-around-horlivka.html
# (UNIAN's copy of the "Latest from" as of 19:30, 17 January 2016)
("I18", "2016-01-17",
 "\"The situation remained tense in and around \"Donetsk People's Republic\" (\"DPR\")-controlled Kominternove (23km "
 "north-east of Mariupol). Positioned immediately south-west of the village between 11:45 and 11:57hrs on January 16, the "
 "SMM heard 30-35 single shots of small-arms and three bursts of heavy-machine-gun fire to the west-south-west,\" the "
 "OSCE SMM said in an update on Monday, January 18, based on information received as of 19:30 local time on January 17.\n"
 "\"At 12:53hrs, the SMM heard one undetermined explosion and at 13:22hrs, three undetermined explosions, 10-15km to the "
 "south-south-west. The following day at the same position, the SMM heard one shot of small-arms 1km to the south.",
 [dict(kind=SHOT, count=35, weapon="small_arms", bearing="WSW", time=("16 11:45", "16 11:57"), obs_at=KOM),
  dict(kind=BURST, count=3, weapon="heavy_machine_gun", bearing="WSW", time=("16 11:45", "16 11:57"), obs_at=KOM),
  dict(kind=UND, count=1, time=("16 12:53", "16 12:53"), obs_at=KOM),
  dict(kind=UND, count=3, bearing="SSW", dist=(10, 15), time=("16 13:22", "16 13:22"), obs_at=KOM),
  dict(kind=SHOT, count=1, weapon="small_arms", bearing="S", dist=(1, 1), time=("within", "17 00:00", "18 00:00"),
       obs_at=KOM)]),
# (same page)
("I19", "2016-01-17",
 "Also on January 17 \u2013 positioned on the outskirts of nearby \"DPR\"-controlled Oktiabr (29km north-east of "
 "Mariupol) \u2013 the SMM heard one explosion to the south-west. An armed \"DPR\" member present told the SMM that the "
 "explosion had been caused by a tank round impacting in Kominternove. Whilst in government-controlled Chermalyk (31km "
 "north-east of Mariupol) at 11:14hrs, the monitors heard three single shots of small-arms to the east,\" the report said.",
 [dict(kind=UND, count=1, bearing="SW", time=("within", "17 00:00", "18 00:00")),
  dict(kind=IMP, count=1, weapon="tank", opt=True),
  dict(kind=SHOT, count=3, weapon="small_arms", bearing="E", time=("17 11:14", "17 11:14"), obs="Chermalyk",
       obs_at=CHE)]),
# (same page)
("I20", "2016-01-17",
 "The SMM also said they heard several bursts of small-arms fire 2km to the west in \"DPR\"-controlled Horlivka (39km "
 "north-east of Donetsk) between 12:10 and 12:50hrs on January 16.",
 [dict(kind=BURST, weapon="small_arms", bearing="W", dist=(2, 2), time=("16 12:10", "16 12:50"), obs="Horlivka",
       obs_at=HOR)]),
# http://old.qha.com.ua/en/war-defence/prorussian-invaders-fired-at-osce-drone/140994/ (QHA's copy of the report of 12
# June 2016)
("I21", "2016-06-12",
 "On 11 June, positioned 4km east of \u201cDPR\u201d-controlled Mineralne (10km north-east of Donetsk), the SMM launched a "
 "mini-UAV. The SMM had co-ordinated the flight with the Joint Centre for Control and Co-ordination (JCCC). At 11:13, "
 "while the UAV was flying about 900m north of the SMM\u2019s position, the SMM heard four-five shots of IFV (BMP-2) "
 "cannon fire and bursts of anti-aircraft cannon (ZU-23) 1km north of the SMM\u2019s position. The SMM recalled the UAV "
 "during which time it heard unaccountable shots and bursts of small-arms fire 300m north of the SMM\u2019s position, "
 "assessed as targeting the UAV.",
 [dict(kind=SHOT, count=5, bearing="N", dist=(1, 1), time=("11 11:13", "11 11:13"), obs_at=MIN4E),
  dict(kind=BURST, weapon="anti_aircraft_cannon", bearing="N", dist=(1, 1), obs_at=MIN4E, opt=True),
  dict(kind=SHOT, weapon="small_arms", opt=True), dict(kind=BURST, weapon="small_arms", opt=True)]),
# https://dninews.com/article/ukrainian-forces-launch-over-130-shells-dpr-over-past-24-hours (DONi, the "DPR" command)
("I22", "2017-02-20",
 "According to Basurin, in the Donetsk direction 14 artillery shells of 122 mm and 152 mm calibers, 29 mortar rounds of "
 "120 mm caliber and 93 mortar rounds of 82 mm caliber were launched onto the vicinities of 12 DPR localities.\n"
 "Earlier today it was reported that over the past 24 hours Ukrainian forces committed 38 ceasefire violations, which "
 "resulted in gas pipes being damaged in the Petrovsky district of Donetsk.",
 [dict(kind=IMP, count=14, weapon="artillery"), dict(kind=IMP, count=29, weapon="mortar"),
  dict(kind=IMP, count=93, weapon="mortar"),
  dict(kind=OTHER, cv=38)]),
# https://dnidefence.com/en/posts/ukrainian-gunmen-launch-over-200-shells-onto-dpr-over-past-24-hours/ (DONi)
("I23", "2017-03-01",
 "'Ukrainian side continues violating the truce applying heavy weaponry, breaking all the agreements. In the Donetsk "
 "direction the enemy applied artillery, tanks and mortars. Two artillery shells of 122 mm caliber, 3 tank shells, 55 "
 "mortar rounds of 120 mm and 91 mortar rounds of 82 mm caliber were launched onto 11 DPR localities,' said Basurin.\n"
 "It should be added that over the past 24 hours the DPR Command recorded 53 ceasefire violations, committed on the "
 "Ukrainian part.",
 [dict(kind=IMP, count=2, weapon="artillery"), dict(kind=IMP, count=3, weapon="tank"),
  dict(kind=IMP, count=55, weapon="mortar"), dict(kind=IMP, count=91, weapon="mortar"),
  dict(kind=UND, opt=True), dict(kind=UND, opt=True), dict(kind=UND, opt=True),
  dict(kind=OTHER, cv=53)]),
# https://en.interfax.com.ua/news/general/768697.html (Interfax-Ukraine, 18 September 2021, the JFO headquarters)
("I24", "2021-09-18",
 "\"Over the past day, September 17, in the area of the Joint Forces Operation, seven ceasefire violations were "
 "recorded. As a result of enemy fire, two members of the Joint Forces Operation received shrapnel wounds,\" the press "
 "center said on the headquarters Facebook page on Saturday morning.",
 [dict(kind=OTHER, cv=7, time=("within", "17 00:00", "18 00:00"))]),
# https://en.interfax.com.ua/news/general/719950.html (Interfax-Ukraine, 29 January 2021, the JFO headquarters)
("I25", "2021-01-29",
 "\"Today, on January 29, the Russian-occupation forces once again failed to fulfill the agreements reached and "
 "violated the ceasefire. Thus, at noon, using an unmanned aerial vehicle of the 'quadrocopter' type, the enemy dropped "
 "the VOG-17 grenade launcher round over the JFO positions near the settlement of Vodiane, in the Azov region. As a "
 "result, two Ukrainian servicemen received shrapnel wounds,\" the JFO said in a statement on the Facebook page.",
 [dict(kind=IMP, count=1, time=("within", "29 11:00", "29 13:00"))]),
# https://en.interfax.com.ua/news/general/710374.html (Interfax-Ukraine, 16 December 2020, the JFO headquarters)
("I26", "2020-12-16",
 "Russian-occupation forces have opened fire twice in Donbas from the beginning of the day to 17:00 on December 16, "
 "2020, the Joint Force Operation wrote on its Facebook page. [...] The enemy opened fire from heavy and hand-held "
 "anti-tank grenade launchers.",
 [dict(kind=OTHER, cv=2, opt=True), dict(kind=UND, opt=True), dict(kind=UND, opt=True)]),
]

SVI = (48.433, 38.217)  # Svitlodarsk
YAS = (48.130, 37.860)  # Yasynuvata
DFS = (48.156, 37.806)  # Donetsk Filtration Station

# --- batch J: gathered after I's fixes, measured once on the branch (held out) ---------------------------------------
BATCH_J: list[Item] = [

# https://osce.org/ukraine-smm/247421 ("Latest from", as of 19:30, 16 June 2016)
("J01", "2016-06-16",
 "With about 30 explosions recorded, the SMM observed fewer ceasefire violations[1] during the night of 15 June in "
 "Donetsk region, as compared to the previous night. It recorded a higher level of violence with more than 310 "
 "explosions during the daylight hours of 16 June compared to the previous day.",
 [dict(kind=UND, count=30, qual="about", region="Donetsk", placed=False, time=("within", "15 12:00", "16 12:00")),
  dict(kind=UND, count=310, qual="more than", placed=False, time=("within", "16 00:00", "17 00:00"))]),
# (same page)
("J02", "2016-06-16",
 "During the night of 15 June, whilst in government-controlled Svitlodarsk (57km north-east of Donetsk), the SMM heard 13 "
 "explosions assessed as caused by 82mm mortar round (five impacts and eight outgoing rounds) 3-5km east and south-east "
 "of its position.",
 [dict(kind=IMP, count=5, weapon="mortar", bearing="E..SE", dist=(3, 5), time=("within", "15 12:00", "16 12:00"),
       obs="Svitlodarsk", obs_at=SVI),
  dict(kind=OUT, count=8, weapon="mortar", bearing="E..SE", dist=(3, 5), obs_at=SVI),
  dict(kind=UND, count=13, opt=True)]),
# (same page)
("J03", "2016-06-16",
 "In the early morning, whilst in \u201cDPR\u201d-controlled Horlivka (39km north-east of Donetsk), the SMM heard 20 "
 "explosions, one of which was assessed as an 82mm mortar round impact and 19 as automatic-grenade-launcher round "
 "impacts, all 5km west-south-west of its position.",
 [dict(kind=IMP, count=1, weapon="mortar", bearing="WSW", dist=(5, 5), obs="Horlivka", obs_at=HOR),
  dict(kind=IMP, count=19, weapon="automatic_grenade_launcher", bearing="WSW", dist=(5, 5), obs_at=HOR),
  dict(kind=UND, count=20, opt=True)]),
# https://osce.org/ukraine-smm/256191 ("Latest from", as of 19:30, 22 July 2016)
("J04", "2016-07-22",
 "Positioned in \u201cDPR\u201d-controlled Yasynuvata (16km north-east of Donetsk), during the day on 22 July, SMM heard "
 "sporadically: 166 undetermined explosions, bursts and shots of small-arms fire at a range of 1 to 7km west-south-west, "
 "west, west-north-west and north-west of its position. In government-controlled Avdiivka (17km north of Donetsk), the "
 "SMM heard eight undetermined explosions 4-6km south-east of its position.",
 [dict(kind=UND, count=166, bearing="WSW..NW", dist=(1, 7), time=("within", "22 00:00", "23 00:00"), obs="Yasynuvata",
       obs_at=YAS),
  dict(kind=BURST, weapon="small_arms", opt=True), dict(kind=SHOT, weapon="small_arms", opt=True),
  dict(kind=UND, count=8, bearing="SE", dist=(4, 6), obs="Avdiivka", obs_at=AVD)]),
# (same page)
("J05", "2016-07-22",
 "During the night hours of 21 July, in Donetsk city, the SMM heard 19 undetermined explosions 5-7km north-west of its "
 "position. During the night hours of 22-23 July, from the same location, the SMM recorded 151 undetermined explosions "
 "at a range of 3 to 15 km north and north-west of its position.",
 [dict(kind=UND, count=19, bearing="NW", dist=(5, 7), time=("within", "21 12:00", "22 12:00"), obs="Donetsk",
       obs_at=DON),
  dict(kind=UND, count=151, bearing="NW..N", dist=(3, 15), time=("within", "22 12:00", "23 12:00"), obs_at=DON)]),
# (same page)
("J06", "2016-07-22",
 "The SMM camera in Shyrokyne (20km east of Mariupol), during 83 minutes on the night of 21-22 July, recorded 47 "
 "explosions, including 32 assessed as impacts, two rocket assisted projectiles and four outgoing mortar rounds, and at "
 "least 59 bursts of direct tracer fire west to east and later one heavy-machine-gun burst [...]",
 [dict(kind=IMP, count=32, time=("within", "21 12:00", "22 12:00"), obs_at=SHY),
  dict(kind=OUT, count=4, weapon="mortar", obs_at=SHY),
  dict(kind=BURST, count=59, qual="at least", obs_at=SHY),
  dict(kind=PIF, count=2, opt=True), dict(kind=UND, count=9, opt=True), dict(kind=UND, count=47, opt=True),
  dict(kind=BURST, count=1, weapon="heavy_machine_gun", opt=True)]),
# https://www.osce.org/special-monitoring-mission-to-ukraine/378391 ("Latest from", as of 19:30, 18 April 2018)
("J07", "2018-04-18",
 "In Donetsk region, the SMM recorded fewer ceasefire violations[1], including about 180 explosions, compared with the "
 "previous reporting period (about 240).\n"
 "On the evening and night of 17-18 April, the SMM camera at the Donetsk Filtration Station (15km north of Donetsk) "
 "recorded, in sequence, five projectiles in flight from west to east, two undetermined explosions and two projectiles "
 "from east to west, followed by totals of three undetermined explosions and 16 projectiles (13 from east to west and "
 "three from west to east), all 0.5-3km south.",
 [dict(kind=UND, count=180, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=240, opt=True),
  dict(kind=PIF, count=5, flight="W to E", bearing="S", dist=(0.5, 3), time=("within", "17 15:00", "18 12:00"),
       obs_at=DFS),
  dict(kind=UND, count=2, bearing="S", dist=(0.5, 3), obs_at=DFS),
  dict(kind=PIF, count=2, flight="E to W", bearing="S", dist=(0.5, 3), obs_at=DFS),
  dict(kind=UND, count=3, bearing="S", dist=(0.5, 3), obs_at=DFS),
  dict(kind=PIF, count=13, flight="E to W", bearing="S", dist=(0.5, 3), obs_at=DFS),
  dict(kind=PIF, count=3, flight="W to E", bearing="S", dist=(0.5, 3), obs_at=DFS),
  dict(kind=PIF, count=16, opt=True)]),
# https://osce.org/special-monitoring-mission-to-ukraine/379156 ("Latest from", as of 19:30, 29 April 2018)
("J08", "2018-04-29",
 "In Donetsk region, the SMM recorded more ceasefire violations[1]between the evenings of 27 and 28 April, including "
 "about 310 explosions, compared with the previous reporting period (about 260 explosions).",
 [dict(kind=UND, count=310, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=260, opt=True)]),
# https://en.interfax.com.ua/news/general/609351.html (Interfax-Ukraine, 27 August 2019, the JFO headquarters)
("J09", "2019-08-27",
 "\"On August 26, the armed groups of the Russian Federation and its mercenaries violated the ceasefire 12 times ... As a "
 "result of enemy shelling, one soldier of the Joint Forces Operation was injured,\" the headquarters said on Facebook.",
 [dict(kind=OTHER, cv=12, time=("within", "26 00:00", "27 00:00"))]),
# https://en.interfax.com.ua/news/general/682744.html (Interfax-Ukraine, 21 August 2020, the JFO headquarters)
("J10", "2020-08-21",
 "Russia-occupation fighters have not violated the ceasefire in Donbas since the beginning of the day, no injuries have "
 "been recorded among the Ukrainian military personnel, the press center of the Joint Force Operation (JFO) headquarters "
 "said.\n"
 "\"Since the beginning of the current day, no enemy shelling has been recorded in the areas of responsibility of our "
 "units performing tasks in the area of the operation,\" the JFO headquarters said on its Facebook page.",
 []),
# https://www.ukrinform.net/rubric-defense/3117619-invaders-have-violated-ceasefire-in-donbas-five-times-already-today.html
# (Ukrinform, 15 October 2020, the JFO headquarters)
("J11", "2020-10-15",
 "\u201cOctober 14, the armed formations of the Russian Federation violated the agreements [reached within the Trilateral "
 "Contact Group] that came into force on 27 July 2020 three times. The enemy fired small arms near Vodiane (94km south "
 "of Donetsk) and Novomykhailivka (28km south-west of Donetsk). Single shots from hand-held anti-tank grenade launcher "
 "and grenade machine gun were recorded near Avdiivka (17km north of Donetsk),\u201d the press center of the JFO "
 "Headquarters reports.\n"
 "Today, the Russian occupation forces have already violated the ceasefire regime five times.",
 [dict(kind=OTHER, cv=3),
  dict(kind=OTHER, weapon="small_arms", opt=True), dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=SHOT, opt=True),
  dict(kind=OTHER, cv=5, time=("within", "15 00:00", "16 00:00"))]),
# https://dan-news.info/en/defence-en/jccc-reports-new-violations-of-additional-ceasefire-control-measures-by-ukraine.html
# (DAN, 11 August 2020, the "DPR" office at the JCCC)
("J12", "2020-08-11",
 "Engineer works were recorded in Kiev-controlled territory near the Vodyanoye village outside Volnovakha and the Shumy "
 "settlement near Gorlovka at 10:45, the JCCC said.  Also, enemy forces movement was observed in the first case.",
 []),
]

# --- batch K: gathered after I's and J's fixes, measured once on the branch before any change for it; then fixed ------
# (other missions' and parties' styles as well: the EU Monitoring Mission in Georgia as news copied it, the Armenian,
# Azerbaijani and Russian defence ministries on Nagorno-Karabakh; the SMM's 2017 and 2020 reports)
BATCH_K: list[Item] = [

# http://osce.org/special-monitoring-mission-to-ukraine/321551 ("Latest from", as of 19:30, 4 June 2017)
("K01", "2017-06-04",
 "In Donetsk region the SMM recorded more ceasefire violations[1] between the evenings of 2 and 3 June, including about "
 "240 explosions, compared with the previous reporting period (about 90 explosions), and fewer between the evenings of 3 "
 "and 4 June, including 144 explosions, compared with the previous 24-hour period.",
 [dict(kind=UND, count=240, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=90, opt=True),
  dict(kind=UND, count=144, region="Donetsk", placed=False)]),
# (same page)
("K02", "2017-06-04",
 "On the evening and night of 2 and 3 June, the SMM camera in government-controlled Avdiivka (17km north of Donetsk) "
 "recorded, in sequence, one airburst, 22 undetermined explosions, two tracer rounds in flight from east to west, two "
 "undetermined explosions, ten projectiles in flight from south-east to north-west, one undetermined explosion, three "
 "illumination flares in flight from south-east to north-west, and six projectiles in flight from south-east to "
 "north-west, all 4-6km [...]",
 [dict(kind=AIR, count=1, dist=(4, 6), time=("within", "02 15:00", "03 12:00"), obs_at=AVD),
  dict(kind=UND, count=22, dist=(4, 6), obs_at=AVD),
  dict(kind=PIF, count=2, flight="E to W", dist=(4, 6), obs_at=AVD),
  dict(kind=UND, count=2, dist=(4, 6), obs_at=AVD),
  dict(kind=PIF, count=10, flight="SE to NW", dist=(4, 6), obs_at=AVD),
  dict(kind=UND, count=1, dist=(4, 6), obs_at=AVD),
  dict(kind=FLARE, count=3, flight="SE to NW", dist=(4, 6), obs_at=AVD),
  dict(kind=PIF, count=6, flight="SE to NW", dist=(4, 6), obs_at=AVD)]),
# https://news.am/eng/news/714110.html (NEWS.am, the Russian defence ministry on Nagorno-Karabakh)
("K03", "2022-08-26",
 "\"During the day, one violation of the ceasefire regime was recorded in the Taghavard [village] region. The armed "
 "forces of Azerbaijan opened fire\u2014from firearms\u2014in the direction of the positions of the armed forces of "
 "Nagorno-Karabakh. There are no victims,\" the aforesaid statement added.",
 [dict(kind=OTHER, cv=1),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://news.am/eng/news/687829.html (NEWS.am, the Artsakh defence ministry)
("K04", "2022-03-08",
 "\"The allegations of the Azerbaijani Ministry of Defence are completely false. The ceasefire regime in the area was "
 "violated by Azerbaijani units, which opened irregular fire in the direction of the Defense Army positions. There were "
 "no casualties and no material damage as a result of the ceasefire violation,\" the statement reads.",
 [dict(kind=OTHER, opt=True)]),
# https://azertag.az/en/xeber/Azerbaijans_Defense_Ministry_Armenian_armed_units_violated_ceasefire_23_times-1364135
("K05", "2019-12-06",
 "\"Military units of the armed forces of Armenia violated ceasefire 23 times throughout the day in various directions "
 "of the front,\" Azerbaijan`s Ministry of Defense said in a statement.",
 [dict(kind=OTHER, cv=23, time=("within", "06 00:00", "07 00:00"))]),
# https://azertag.az/en/xeber/armenians_violate_ceasefire_with_azerbaijan_48_times_throughout_the_day-91194 (AZERTAC, 2 June)
("K06", "2012-06-02",
 "The situation on the contact line between Azerbaijan and Armenia has remained tense as the Armenian Armed Forces "
 "shattered ceasefire a total of 48 times throughout the day, Azerbaijan`s Defence Ministry said.\n"
 "On the night from June 1 to 2, the Armenians from their positions in Paravakar village of Ijevean region, Armenia, "
 "subjected to gunfire the positions of the Azerbaijani Armed Forces in the nameless hills of country\u2019s Gazakh "
 "region.",
 [dict(kind=OTHER, cv=48),
  dict(kind=OTHER, opt=True)]),
# https://vovworld.vn/en-US/news/azerbaijan-accuses-armenia-of-violating-ceasefire-428193.vov (VOV, 2016)
("K07", "2016-04-28",
 "Azerbaijan`s Defense Ministry said the situation on the contact line between Azerbaijan and Armenia has remained "
 "tense as Armenian Armed Forces shattered the ceasefire a total of 132 times on Wednesday and that the Armenian military "
 "had used 60mm mortar launcher and large caliber machine guns to shell Azerbaijani positions.",
 [dict(kind=OTHER, cv=132),
  dict(kind=UND, weapon="mortar", opt=True), dict(kind=OTHER, opt=True)]),
# https://www.eumm.eu/en/press_and_public_information/press_releases/36673/?year=2019&month=11 (EUMM, November 2019)
("K08", "2019-11-06",
 "The EUMM maintains a 24/7 presence at the Administrative Boundary Line and had a number of patrols in the vicinity of "
 "Koda village on the 5th of November.\n"
 "No EUMM monitors have confirmed any shots being heard. Based on follow up enquiries by the Mission with local "
 "interlocutors and Georgian authorities, the Mission has no evidence confirming reports about shootings in the area.",
 []),
# https://agenda.ge/en/news/2023/186 (Agenda.ge, January 2023)
("K09", "2023-01-17",
 "The European Union Monitoring Mission on Tuesday said Russian troops had fired several shots into the air during the "
 "latest of the Mission\u2019s regular patrols near the occupation line separating the Russian-occupied Tskhinvali "
 "(South Ossetia) from the rest of Georgia in the central Georgian village of Mejvriskhevi earlier this week.",
 [dict(kind=SHOT)]),
# http://rantburg.com/Jmailer.php?ID=255353 (AP's copy, 16 November 2008)
("K10", "2008-11-16",
 "The EU observer mission says in a statement Sunday that shots were fired as they investigated the shooting death of a "
 "Georgian policeman near the border with Abkhazia. They called the incident \"unacceptable\" and asked Abkhaz "
 "authorities to investigate.\n"
 "No one was injured in Saturday's shooting.",
 [dict(kind=SHOT)]),
# https://messenger.com.ge/issues/2364_may_27_2011/2364_mzia.html (The Messenger, 27 May 2011)
("K11", "2011-05-27",
 "On May 18 the Georgian Foreign Ministry reported that 5 Georgian citizens, residents of the village of Chalvani, "
 "Sackhhere region came under fire at the administrative boundary line with Tskhinvali region. Two Georgian citizens, "
 "including a minor, were wounded by the \"occupational regime\" militaries, Georgian authorities reported.",
 [dict(kind=OTHER, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2532020-issued-23-october
("K12", "2020-10-22",
 "The SMM recorded 45 ceasefire violations, all explosions, in Donetsk region and none in Luhansk region. In the previous "
 "reporting period, it recorded 49 ceasefire violations in Donetsk region and none in Luhansk region.",
 [dict(kind=UND, count=45, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=49, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2242020-issued-19-september
("K13", "2020-09-18",
 "The SMM recorded 12 ceasefire violations in Donetsk region and none in Luhansk region. In the previous reporting "
 "period, it recorded two ceasefire violations in Donetsk region and none in Luhansk region.",
 [dict(kind=OTHER, cv=12, region="Donetsk"),
  dict(kind=OTHER, cv=2, opt=True)]),
# http://tass.com/world/1036896 (TASS, 19 December 2018, the "DPR" office at the JCCC)
("K14", "2018-12-19",
 "\"Today, at 9.40pm [we] documented shelling by Ukraine\u2019s armed units in the direction of "
 "Krasnogorovka-Staromikhailovka,\" DPR's representative was quoted as saying by the Donetsk News Agency.\n"
 "According to the JCCC, the Ukrainian army launched a total of twelve 120mm mortars. There were no immediate reports on "
 "destruction or casualties.",
 [dict(kind=UND, opt=True),
  dict(kind=UND, count=12, weapon="mortar", time=("within", "19 21:40", "19 23:59"))]),
# https://news.am/eng/news/661078.html (NEWS.am, the Artsakh defence army)
("K15", "2021-08-06",
 "The statement issued by the Ministry of Defense (MOD) of Azerbaijan that, allegedly, between 1am and 2:15am on Friday, "
 "the Armenian side fired on one of the positions located in Shushi city and retreated\u2014suffering "
 "losses\u2014after retaliation, is another disinformation by the opposing party.",
 [dict(kind=OTHER, opt=True)]),
# https://uawire.org/news/pro-russian-separatists-fired-on-ukrainian-positions-while-osce-monitors-were-in-the-vicinity
# (UAWire, April 2017, the ATO headquarters)
("K16", "2017-04-16",
 "\"On April 15th, during the visit of First Deputy Head of the Special OSCE Special Monitoring Mission to Ukraine, "
 "Alexander Hug, fighters of illegally armed groups fired on ATO [Ukrainian] positions at the filter station near "
 "Avdiivka. Large-caliber machine guns, grenade launchers and small arms were used against Ukrainian positions in the "
 "industrial zone,\u201d the Ukrainian headquarters stated",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, weapon="heavy_machine_gun", opt=True),
  dict(kind=UND, opt=True), dict(kind=OTHER, weapon="small_arms", opt=True)]),
]

# --- batch L: gathered after K's fixes, measured once on the branch (held out) ---------------------------------------
# (the ATO "M sector" press officer and the presidential administration's ATO spokesman as news copied them in 2015-2016;
# the Indian Army's statements on the Line of Control in Kashmir, 2019-2020)
BATCH_L: list[Item] = [

# https://censor.net.ua/en/news/342685/militants_shelled_mykolaivka_chermalyk_hnutove_and_staroihnativka_from_120mm_mortars_m_sector_press
# (Censor.NET, mid-June 2015)
("L01", "2015-06-17",
 "According to him, the whole of yesterday militants shelled the ATO positions near Mykolaivka, Chermalyk, Hnutove and "
 "Staroihnativka. The enemy used 120-mm and 82 mm mortars.",
 [dict(kind=UND, opt=True), dict(kind=UND, weapon="mortar", opt=True)]),
# (same page)
("L02", "2015-06-17",
 "\"I would also like to note that yesterday several provocative actions were recorded: explosions on the occupied "
 "territory with unknown origination. For example, yesterday at 11:20 p.m. in Shyrokine a single explosion occurred and "
 "we attribute this to the fact that an animal could run across an explosive device. Two shots also were heard near the "
 "village of Oktiabr, at 10:00 p.m. 10 bombs fell there, and at 4:10 p.m. there were three tank rounds,\" Chepurnyi said.",
 [dict(kind=UND, opt=True),
  dict(kind=UND, count=1, time=("16 23:20", "16 23:20")),
  dict(kind=SHOT, count=2),
  dict(kind=IMP, count=10, time=("16 22:00", "16 22:00")),
  dict(kind=UND, count=3, weapon="tank", time=("16 16:10", "16 16:10"))]),
# https://ukrainianlaw.blogspot.com/2016/01/ceasefire-continues-being-broken-in.html (January 2016, the ATO spokesman)
("L03", "2016-01-20",
 "According to him, Ukrainian troops came under sniper fire in Opytne and Zaitseve, and in Mariupol direction militants "
 "were conducting aimed fire. There have been no reports of civilian casualties.\n"
 "Motuzianyk also reported militants had carried out powerful attacks using mortars on the ATO forces in Starohnativka. "
 "Ceasefire was also broken in Shyrokyne.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=UND, weapon="mortar", opt=True)]),
# https://indianexpress.com/article/india/jk-pakistani-troops-resort-to-unprovoked-mortar-shelling-in-poonch-6080566/
("L04", "2019-10-21",
 "Pakistani troops Monday resorted to unprovoked mortar shelling and small arms fire along the Line of Control in Jammu "
 "and Kashmir\u2019s Poonch district.\n"
 "Sources informed The Indian Express that Pakistani troops initiated ceasefire violation in Shahpur and Kerni areas of "
 "Poonch around 3 pm.",
 [dict(kind=UND, weapon="mortar", time=("within", "21 00:00", "22 00:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# (same page)
("L05", "2019-10-21",
 "There have been a total of 2,216 ceasefire violations from January till September 30 this year and the region south "
 "of Pir Panjal has been heavily targeted, sources said, with Nowshera and Poonch witnessing the maximum violations with "
 "820 and 744 instances, respectively.",
 [dict(kind=OTHER, cv=2216),
  dict(kind=OTHER, cv=820, opt=True), dict(kind=OTHER, cv=744, opt=True)]),
# https://indianexpress.com/article/india/pakistan-violates-ceasefire-along-loc-in-jks-poonch-district-5956625/
("L06", "2019-09-01",
 "A defence ministry spokesperson Lt Colonel Devender Anand said \u201caround 1 pm, Pakistani troops initiated ceasefire "
 "violation by firing of small arms and shelling with mortars in Poonch. The Indian Army is retaliating befittingly,\u2019\u2019 "
 "he added.",
 [dict(kind=UND, weapon="mortar", time=("within", "01 12:00", "01 14:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://www.thestatesman.com/india/pak-violates-ceasefire-resorts-intense-unprovoked-shelling-along-loc-j-ks-poonch-1502898025.html
("L07", "2020-06-09",
 "At around 6.30 am, Pakistan initiated unprovoked ceasefire violation by firing with small arms and intense shelling "
 "with mortars along the LoC in Mankote sector of Poonch district, said Colonel Devender Anand.\n"
 "Yesterday, the Army\u2019s disposal squad defused two unexploded 122-mm mortar shells fired by Pakistan in Balakote "
 "sector thereby preventing a tragedy that could have resulted in civilian casualties.",
 [dict(kind=UND, weapon="mortar", time=("within", "09 06:00", "09 07:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=OTHER, count=2, opt=True)]),
# http://www.newindianexpress.com/nation/2019/feb/25/pakistan-violates-ceasefire-along-loc-in-j-ks-poonch-india-retaliate-1943625.html
("L08", "2019-02-25",
 "\"At about 1830 hours, Pakistan initiated unprovoked ceasefire violation by firing of small arms along the LoC in "
 "Nowshera sector,\" he said.\n"
 "On Sunday at about 5.15 pm, Pakistan initiated unprovoked ceasefire violation by shelling with mortars and firing of "
 "small arms along the LoC in Nowshera sector in Rajouri.",
 [dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, weapon="mortar", time=("within", "24 17:00", "24 17:30")),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# http://www.newindianexpress.com/nation/2019/may/02/pakistan-violates-ceasefire-shells-forward-areas-in-jammu-and-kashmirs-poonch-1971850.html
("L09", "2019-05-02",
 "\"At about 0930 hours, the Pakistani army initiated unprovoked ceasefire violation, starting with firing of small "
 "arms, followed by shelling with mortars, along the LoC in Shahpur and Kirni Sectors in Poonch district,\" a defence "
 "spokesperson said.\n"
 "As many as 513 ceasefire violations by Pakistan have taken place along the Line of Control (LoC) in Jammu and Kashmir "
 "in the past one-and-a-half months.",
 [dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, weapon="mortar", time=("within", "02 09:00", "02 12:00")),
  dict(kind=OTHER, cv=513)]),
# http://www.newindianexpress.com/nation/2019/feb/27/pakistan-resorts-to-ceasefire-violation-on-sixth-consecutive-day-fires-mortars-in-poonch-1944531.html
("L10", "2019-02-27",
 "On Wednesday, Pakistan troops resorted to heavy mortar shelling and small arms firing on forward posts and civilian "
 "areas along the LoC in Mendhar, Balakote and Krishnagati sub-sector in Poonch district since 7 pm, officials said.",
 [dict(kind=UND, weapon="mortar", time=("within", "27 19:00", "28 00:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
]

ITEMS: list[Item] = BATCH_I + BATCH_J + BATCH_K + BATCH_L
