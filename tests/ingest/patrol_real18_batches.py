"""Session 18 (patrol18): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (one to four sentences) of the page noted above
it; the date is the report's day (the page's date where the report's is not known). Fields as in
``test_patrol_real16.judge``: kind, count, cv (ceasefire violations), qual, weapon, flight, region, bearing (16-point
sector or "A..B"), dist (km range, None = no distance), time (exact "DD HH:MM" pair, or ("within", start, end)), obs
(observer place name), obs_at (observer position, 15 km), placed; opt = a restatement (or uncounted fire) that is
neither missing nor extra.
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
RS = (48.05, 37.74)  # Donetsk central railway station, 8 km north-west of the centre
DON = (48.00, 37.80)  # Donetsk centre
DFS = (48.156, 37.806)  # Donetsk Filtration Station
SHY = (47.08, 37.83)  # Shyrokyne
YAS = (48.13, 37.86)  # Yasynuvata

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch A: gathered first, measured once on main before any change ---------------------------------------------
BATCH_A: list[Item] = [

# https://www.osce.org/special-monitoring-mission-to-ukraine/320136 (as of 19:30, 28 May 2017)
("A01", "2017-05-28",
 "In Donetsk region the SMM recorded more ceasefire violations[1] between the evenings of 26 and 27 May, including about "
 "330 explosions, compared with the previous reporting period (about 240 explosions), and more between the evenings of "
 "27 and 28 May, including, however, fewer explosions (about 320), compared with the previous 24-hour period.",
 [dict(kind=UND, count=330, qual="about", region="Donetsk", time=("within", "26 16:00", "28 00:00")),
  dict(kind=UND, count=240, opt=True),
  dict(kind=UND, count=320, qual="about", time=("within", "27 16:00", "29 00:00"))]),
# (same page)
("A02", "2017-05-28",
 "On the night of 26-27 May, while in \u201cDPR\u201d-controlled Donetsk city centre, the SMM heard 19 undetermined "
 "explosions 6-10km north-north-west. On the evening and night of 27-28 May the SMM heard eight undetermined explosions "
 "5-7km north.",
 [dict(kind=UND, count=19, bearing="NNW", dist=(6, 10), time=("within", "26 12:00", "27 12:00"), obs="Donetsk",
       obs_at=DON),
  dict(kind=UND, count=8, bearing="N", dist=(5, 7), time=("within", "27 12:00", "28 12:00"), obs="Donetsk")]),
# http://osce.org/special-monitoring-mission-to-ukraine/318696 (as of 19:30, 21 May 2017)
("A03", "2017-05-21",
 "In Donetsk region the SMM recorded more ceasefire violations[1] between the evenings of 19 and 20 May, including about "
 "550 explosions, compared with the previous reporting period (about 310 explosions), and fewer between the evenings of "
 "20 and 21 May, including about 370 explosions, compared with the previous 24-hour period.",
 [dict(kind=UND, count=550, qual="about", region="Donetsk", time=("within", "19 16:00", "21 00:00")),
  dict(kind=UND, count=310, opt=True),
  dict(kind=UND, count=370, qual="about", time=("within", "20 16:00", "22 00:00"))]),
# (same page)
("A04", "2017-05-21",
 "The SMM heard small-arms fire assessed as having occurred inside the Stanytsia Luhanska disengagement area and saw "
 "again a piece of unexploded ordnance also inside the area.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://osce.org/ukraine-smm/176251 (as of 19:30, 7 August 2015)
("A05", "2015-08-07",
 "The SMM, from its position at the Joint Centre for Control and Co-ordination (JCCC) observation point at \u201cDPR\u201d-"
 "controlled Donetsk railway station (8km north-west of Donetsk city centre) heard a total of 121 explosions of mortar "
 "and artillery fire at 3-5km north-east and north-west and numerous small arms and heavy machine gun fire.",
 [dict(kind=UND, count=121, bearing="NW..NE", dist=(3, 5), obs_at=RS),
  dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True)]),
# (same page)
("A06", "2015-08-07",
 "While in the area of Shyrokyne (20km east of Mariupol), the SMM heard one undetermined explosion approximately 2km "
 "east of its position and several bursts of small arms fire from the closer distance.",
 [dict(kind=UND, count=1, bearing="E", dist=(2, 2), obs="Shyrokyne", obs_at=SHY),
  dict(kind=BURST, weapon="small_arms", opt=True)]),
# https://www.osce.org/ukraine-smm/175736 (as of 19:30, 2 August 2015)
("A07", "2015-08-02",
 "The SMM recorded 140 explosions and small-arms fire from its position at the Joint Centre for Control and "
 "Co-ordination (JCCC) observation post at \u201cDPR\u201d-controlled Donetsk railway station (8km north-west of Donetsk "
 "city centre) on 1 August (in areas 3-8km to the north, north-east, west and north-west). The majority of these were "
 "recorded in the afternoon. On 2 August, the SMM heard a total of 26 explosions and several bursts of small arms fire "
 "2-10km north, north-east, west, and north-west of its position.",
 [dict(kind=UND, count=140, bearing="W..NE", dist=(3, 8), time=("within", "01 00:00", "02 00:00"), obs_at=RS),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, count=26, bearing="W..NE", dist=(2, 10), time=("within", "02 00:00", "03 00:00")),
  dict(kind=BURST, weapon="small_arms", opt=True)]),
# https://osce.org/special-monitoring-mission-to-ukraine/385893 (as of 19:30, 25 June 2018)
("A08", "2018-06-25",
 "In Donetsk region, the SMM recorded fewer ceasefire violations,[1] including about 190 explosions, compared with the "
 "previous 24 hours (about 280 explosions).",
 [dict(kind=UND, count=190, qual="about", region="Donetsk"),
  dict(kind=UND, count=280, opt=True)]),
# (same page; cut at the omission mark)
("A09", "2018-06-25",
 "On the evening and night of 24-25 June, the SMM camera at the Donetsk Filtration Station (DFS) (15km north of "
 "Donetsk) recorded, in sequence, a projectile in flight from east to west, two projectiles from west to east, a "
 "projectile from south-west to north-east and an undetermined explosion [...]",
 [dict(kind=PIF, count=1, flight="E to W", time=("within", "24 12:00", "25 12:00"), obs_at=DFS),
  dict(kind=PIF, count=2, flight="W to E", time=("within", "24 12:00", "25 12:00")),
  dict(kind=PIF, count=1, flight="SW to NE", time=("within", "24 12:00", "25 12:00")),
  dict(kind=UND, count=1, time=("within", "24 12:00", "25 12:00"))]),
# https://en.censor.net.ua/news/347917/situation_remains_tense_at_donetsk_airport_as_militants_brought_11_grads_to_the_city
# (the report as of 19:30 on Friday 14 August 2015)
("A10", "2015-08-14",
 "The SMM recorded 13 explosions and one outgoing burst at a distances ranging between three to more than 15km in "
 "multiple directions between 9 a.m. and 12:55 p.m. Between 10 a.m. and 12:55 p.m., the SMM observed an intensive smoke "
 "cloud rising above Ukraine-controlled area.\n"
 "Between 12:55 p.m. and 16:15 p.m. the SMM heard approximately 13 explosions occurring at locations three to six "
 "kilometres north-west, and five explosions at locations two to three kilometres north-east of its position at Donetsk "
 "railway station ('DPR'-controlled)",
 [dict(kind=UND, count=13, time=("14 09:00", "14 12:55")),
  dict(kind=BURST, count=1, opt=True),
  dict(kind=UND, count=13, qual="about", bearing="NW", dist=(3, 6), time=("14 12:55", "14 16:15"), obs_at=RS),
  dict(kind=UND, count=5, bearing="NE", dist=(2, 3), time=("14 12:55", "14 16:15"), obs_at=RS)]),
# https://www.kyivpost.com/post/10008 (28 December 2016; the report for 22-26 December, published on 27 December)
("A11", "2016-12-27",
 "\u201cThe SMM evacuated its forward patrol base in Svitlodarsk on December 24 due to the proximity of artillery round "
 "impacts, on one occasion as close as 70m to the base on December 23, which broke windows on the upper floors of the "
 "building,\u201d the report reads.\n"
 "The SMM recorded fewer but still a high number of ceasefire violations in the Donetsk region on Dec. 22-23, including "
 "about 1,150 explosions, compared with about 2,300 in the previous reporting period. The majority of the explosions "
 "were recorded in the Svitlodarsk-Debaltseve area.",
 [dict(kind=IMP, weapon="artillery", opt=True),
  dict(kind=UND, count=1150, qual="about", region="Donetsk", time=("within", "22 00:00", "24 00:00")),
  dict(kind=UND, count=2300, opt=True)]),
# (same page)
("A12", "2016-12-27",
 "Besides, the mission patrol which is deployed in Horlivka on the militant-controlled territory registered on Dec. 24 "
 "rounds from BM-21 Grad.",
 [dict(kind=OTHER, weapon="mlrs", time=("within", "24 00:00", "25 00:00"), opt=True)]),
# https://reliefweb.int/report/ukraine/spot-report-osce-special-monitoring-mission-ukraine-smm-armed-men-near-kreminets-0
# (spot report of 8 June 2018)
("A13", "2018-06-07",
 "At 11:03 on 7 June, an SMM patrol consisting of 15 members and four armoured vehicles was positioned in Chyhari, an "
 "area on the south-eastern edge of Pivdenne (government-controlled, 40km north-east of Donetsk). [...] As the two SMM "
 "patrol members led by Ukrainian Armed Forces officers walked forward, they heard two single shots followed by a burst "
 "of small-arms fire about 70-100m east.",
 [dict(kind=SHOT, count=2, bearing="E", dist=(0.07, 0.1), time=("within", "07 11:03", "08 00:00")),
  dict(kind=BURST, count=1, weapon="small_arms", bearing="E", dist=(0.07, 0.1), time=("within", "07 11:03", "08 00:00"))]),
# https://reliefweb.int/report/ukraine/osce-smm-spot-report-242020-explosions-near-smm-patrol-members-close-berezivske
("A14", "2020-05-15",
 "On 15 May, an SMM patrol comprising six members and two vehicles was positioned on the south-western edge of "
 "Berezivske (non-government-controlled, 53km north-west of Luhansk) to monitor adherence to a localized ceasefire to "
 "facilitate repairs of water infrastructure in the area, and to conduct an announced mini-unmanned aerial vehicle (UAV) "
 "flight to follow up on reports of damage in the settlement.\n"
 "At 13:36, while the SMM mini-UAV was in the process of landing (and at an altitude of 5m from the ground), four SMM "
 "patrol members outside the vehicles saw two incoming flaming projectiles explode in the air, and subsequently saw and "
 "heard two explosions and smoke at an altitude of about 80m-100m from the ground, and at an assessed distance of 20m "
 "north-north-west of the patrol\u2019s position.",
 [dict(kind=AIR, count=2, bearing="NNW", dist=(0.02, 0.02), time=("15 13:36", "15 13:36"), obs="Berezivske"),
  dict(kind=UND, count=2, opt=True)]),
# https://uaposition.com/latest-news/armed-men-open-fire-close-osce-smm-donbas/ (spot report, 24 February 2017)
("A15", "2017-02-24",
 "At 13:27 on February 24, 2017, the SMM heard a burst of small-arms fire (three to five shots) at close range while "
 "preparing to launch a mini unmanned aerial vehicle (UAV) from the north-western edge of non-government-controlled "
 "Yasynuvata (16km north-east of Donetsk), about 130m south-east of the M-04 highway.",
 [dict(kind=BURST, count=1, weapon="small_arms", time=("24 13:27", "24 13:27"), obs="Yasynuvata", obs_at=YAS),
  dict(kind=SHOT, count=5, opt=True)]),
# (same page)
("A16", "2017-02-24",
 "The four men withdrew with the mini-UAV. When 15-20m away, one of them fired a burst of small-arms fire (three to five "
 "shots) that impacted on the snow about five meters from the SMM vehicle, behind which the patrol was taking cover.",
 [dict(kind=BURST, count=1, weapon="small_arms"),
  dict(kind=SHOT, count=5, opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-436
("A17", "2018-05-19",
 "In Donetsk region, the SMM recorded fewer ceasefire violations[1], including about 250 explosions, compared with the "
 "previous reporting period(about 900 explosions). Most of the ceasefire violations were recorded in the area west of "
 "Horlivka (non-government-controlled, 39km north-east of Donetsk).",
 [dict(kind=UND, count=250, qual="about", region="Donetsk"),
  dict(kind=UND, count=900, opt=True)]),
# https://ukropnews24.com/osce-during-the-day-i-counted-63-of-the-explosion-on-the-donbass/ (a machine translation,
# the report of 17 March 2017)
("A18", "2017-03-17",
 "Special monitoring mission of OSCE on Donbass for the period from 19:30 on 15 March at 19:30 on 16 March has recorded "
 "63 of the explosion. This is stated in the report of the organization on March 17.\n"
 "\u201cIn the Donetsk region, the SMM observed a rise in the number of violations of the cease-fire, when compared with "
 "the previous reporting period, at the same time fixing a smaller number of explosions (roughly 52 against "
 "approximately 140)\u201d, \u2013 observers reported.",
 [dict(kind=UND, count=63, time=("within", "15 19:00", "16 20:00")),
  dict(kind=UND, count=52, qual="about", region="Donetsk"),
  dict(kind=UND, count=140, opt=True)]),
# (same page)
("A19", "2017-03-17",
 "In the Luhansk region, the OSCE mission noted a decrease in the number of violations of the cease-fire, however, "
 "having recorded more explosions (11), when compared with the previous reporting period (7 bombings).\n"
 "In particular, on 16 March, in government-controlled Pavlopil\u2019, observers heard 11 explosions of uncertain origin "
 "on an unspecified distance to the North-East, East, East-South-East and South-East.",
 [dict(kind=UND, count=11, region="Luhansk"),
  dict(kind=UND, count=7, opt=True),
  dict(kind=UND, count=11, bearing="NE..SE", dist=None, time=("within", "16 00:00", "17 00:00"), obs="Pavlopil")]),
# http://en.interfax.com.ua/news/general/287494.html (2 September 2015)
("A20", "2015-09-02",
 "In his words, the monitors have heard over 30 explosions in the Donetsk airport area but do not know what kind of "
 "explosions those were and which side was behind them.",
 [dict(kind=UND, count=30, qual="more than", placed=True)]),
# https://reliefweb.int/report/ukraine/spot-report-special-monitoring-mission-ukraine-smm-small-arms-fire-destroys-smm
("A21", "2017-08-09",
 "The SMM observed ten bullet impacts (five of calibre 7.62mm, two of calibre 5.45mm and three either calibre 7.62mm or "
 "5.45mm) to the thermal camera and four bullet impacts (calibre 7.62mm or 5.45mm) to the camera mast.\n"
 "On 3 August, while monitoring the installation of the cameras at the DFS, the SMM heard small-arms fire in the area, "
 "including the sound of bullets flying overhead.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-1042021-issued-7-may-2021
("A22", "2021-05-06",
 "In Donetsk region, the SMM recorded 160 ceasefire violations, including 55 explosions. In the previous reporting "
 "period, it recorded 618 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 27 ceasefire violations, including 17 explosions. In the previous reporting "
 "period, it recorded 18 ceasefire violations in the region.",
 [dict(kind=UND, count=55, cv=160, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=618, opt=True),
  dict(kind=UND, count=17, cv=27, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=18, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2232021-issued-23-september
("A23", "2021-09-22",
 "In Donetsk region, the Mission recorded 745 ceasefire violations, including 160 explosions. In the previous reporting "
 "period, it recorded 117 ceasefire violations in the region.\n"
 "Small-arms fire was assessed as directed at an SMM's mid-range unmanned aerial vehicle (UAV) near government-controlled "
 "Chermalyk, Donetsk region; the SMM lost spatial control over one of its mini-UAVs near non-government controlled "
 "Olenivka.",
 [dict(kind=UND, count=160, cv=745, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=117, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://russia-insider.com/en/2015/03/25/4915 (a TASS copy of the daily update for 23 March 2015)
("A24", "2015-03-23",
 "\"At 17:38hrs, in Shirokino the SMM UAV observed outgoing mortar fire from a Ukrainian Armed Forces position,\" the "
 "report says.\n"
 "\"Whilst at an observation point in the eastern outskirts of Sopino (15km east of Mariupol, 2.5km west of Shirokino) "
 "the SMM heard heavy engagement of small arms, machine guns, automatic grenade launchers and mortars,\" the report "
 "says. \"The SMM assessed that the fire originated from one kilometer to the east and was directed further east of the "
 "SMM\u2019s position.\"",
 [dict(kind=OUT, weapon="mortar", time=("23 17:38", "23 17:38"), placed=True),
  dict(kind=OTHER, opt=True)]),
# http://osce.org/ukraine-smm/146186 (as of 18:00, 22 March 2015)
("A25", "2015-03-22",
 "Between 10:10 and 11:30hrs on 21 March, while stationary* on Artemovskaya Street (\u201cDonetsk People\u2019s "
 "Republic\u201d (\u201cDPR\u201d)-controlled, eight kilometres north-east of Donetsk city centre), the SMM heard sounds "
 "of intermittent heavy machine gun fire and 15 explosions, five-six kilometres west of the SMM\u2019s location, in the "
 "area of Pisky (government-controlled, 12km north-west of Donetsk). The SMM could not ascertain the type of weaponry or "
 "if the fire was incoming or outgoing. At the same location, the SMM heard three outgoing mortar rounds of undetermined "
 "calibre, originating approximately 1.5km north-north-west of its location.",
 [dict(kind=OTHER, weapon="heavy_machine_gun", opt=True),
  dict(kind=UND, count=15, bearing="W", dist=(5, 6), time=("21 10:10", "21 11:30"), obs_at=(48.05, 37.88)),
  dict(kind=OUT, count=3, weapon="mortar", bearing="NNW", dist=(1.5, 1.5), time=("within", "21 10:10", "22 00:00"))]),
# (same page)
("A26", "2015-03-22",
 "On 22 March, the SMM had to leave an observation point in Donetsk city* due to two outgoing artillery rounds, whose "
 "calibre the SMM could not ascertain, 300m east of its position.",
 [dict(kind=OUT, count=2, weapon="artillery", bearing="E", dist=(0.3, 0.3), time=("within", "22 00:00", "23 00:00"),
       obs="Donetsk")]),
]

# --- batch B: gathered after batch A's fixes (branch 7f84bad), expectations written before any run, measured once ---
SVI = (48.43, 38.22)  # Svitlodarsk

BATCH_B: list[Item] = [

# https://en.censor.net.ua/news/377100/osce_claims_significant_deterioration_in_situation_in_donbas (the report of 29
# February 2016)
("B01", "2016-02-29",
 "In particular, in the evening of Feb. 28 whilst in \"DPR\"-controlled Donetsk city centre, the SMM recorded 95 "
 "undetermined explosions west of its position. While positioned at the \"DPR\"-controlled Donetsk central railway "
 "station, Feb. 29, the SMM heard more than 174 explosions assessed as caused by artillery and mortar rounds and two "
 "undetermined blasts and impacts.",
 [dict(kind=UND, count=95, bearing="W", time=("within", "28 12:00", "29 00:00"), obs="Donetsk", obs_at=DON),
  dict(kind=UND, count=174, qual="more than", weapon="artillery", time=("within", "29 00:00", "30 00:00"), obs_at=RS),
  dict(kind=UND, count=2, opt=True)]),
# (same page)
("B02", "2016-02-29",
 "At the same time, during the evening and night hours of Feb. 28-29 whilst in government-controlled Svitlodarsk, the "
 "SMM recorded 54 undetermined explosions and 50 single shots of small arms 4 km south-east of its position.",
 [dict(kind=UND, count=54, bearing="SE", dist=(4, 4), time=("within", "28 12:00", "29 12:00"), obs="Svitlodarsk",
       obs_at=SVI),
  dict(kind=SHOT, count=50, weapon="small_arms", bearing="SE", dist=(4, 4), obs="Svitlodarsk")]),
# (same page)
("B03", "2016-02-29",
 "Also, whilst 2 km north-west of \"DPR\"-controlled Debaltseve, on Feb. 29 the SMM heard ten undetermined explosions "
 "8 km north-west of its position.",
 [dict(kind=UND, count=10, bearing="NW", dist=(8, 8), time=("within", "29 00:00", "30 00:00"), obs_at=(48.35, 38.38))]),
# (same page)
("B04", "2016-02-29",
 "In \"DPR\"-controlled Oleksandrivka, the SMM recorded 43 undetermined explosions and six bursts of 23-mm cannon fire. "
 "Whilst near \"DPR\"-controlled Petrovskyi district (16 km south-west of Donetsk), the SMM heard 21 undetermined "
 "explosions and 34 bursts and 50 single shots of small arms.",
 [dict(kind=UND, count=43, obs="Oleksandrivka"),
  dict(kind=BURST, count=6),
  dict(kind=UND, count=21, obs_at=(47.90, 37.66)),
  dict(kind=BURST, count=34, weapon="small_arms"),
  dict(kind=SHOT, count=50, weapon="small_arms")]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2312021-issued-2-october
("B05", "2021-10-01",
 "In Donetsk region, the Mission recorded 209 ceasefire violations, including 13 explosions. In the previous reporting "
 "period, it recorded 250 ceasefire violations in the region.\n"
 "In Luhansk region, the SMM recorded 21 ceasefire violations, including 16 explosions. In the previous reporting "
 "period, it recorded 28 ceasefire violations in the region.\n"
 "An SMM mini-unmanned aerial vehicle (UAV) was assessed as targeted by small-arms fire near the disengagement area near "
 "Petrivske, Donetsk region.",
 [dict(kind=UND, count=13, cv=209, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=250, opt=True),
  dict(kind=UND, count=16, cv=21, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=28, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2992021-issued-21-december
("B06", "2021-12-20",
 "In Donetsk region, the SMM recorded 354 ceasefire violations, including 215 explosions. In the previous 24 hours, it "
 "recorded 43 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 229 ceasefire violations, including 219 explosions. In the previous 24 hours, "
 "it recorded one ceasefire violation in the region.",
 [dict(kind=UND, count=215, cv=354, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=43, opt=True),
  dict(kind=UND, count=219, cv=229, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=1, opt=True)]),
# https://shhada.ir/ukraine-smm/193301 (a copy of the "Latest from" as of 19:30, 19 October 2015)
("B07", "2015-10-19",
 "At the Joint Centre for Control and Co-ordination (JCCC) observation post at Donetsk railway station (\u201cDonetsk "
 "People\u2019s Republic\u201d (\u201cDPR\u201d) controlled, 6km north-west of Donetsk), between 9:40 and 14:14hrs, the "
 "SMM heard a total of six explosions 3-4km north-north-west of its position as well as multiple bursts of small-arms "
 "fire 3-5km west, north-north-east and north-north-west of its position.[1] At 15:40hrs the SMM heard multiple bursts "
 "of small-arms and light-weapons fire 3-4km north-north-west of its position.",
 [dict(kind=UND, count=6, bearing="NNW", dist=(3, 4), time=("19 09:40", "19 14:14"), obs_at=RS),
  dict(kind=BURST, weapon="small_arms", opt=True),
  dict(kind=BURST, weapon="small_arms", bearing="NNW", dist=(3, 4), time=("19 15:40", "19 15:40"), opt=True)]),
# https://shhada.ir/special-monitoring-mission-to-ukraine/408935 (a copy of the report as of 19:30, 10 January 2019; cut
# where the stored page ends)
("B08", "2019-01-10",
 "In Donetsk region, the SMM recorded fewer ceasefire violations, including about 55 explosions, compared with the "
 "previous reporting period (about 70 explosions). The majority of ceasefire violations were recorded in areas south-east "
 "of Svitlodarsk (government-controlled, 57km north-east of Donetsk), west-north-west of Horlivka (non-government-"
 "controlled, 39km north-east of Donetsk) and in westerly and south-westerly directions of the railway station in "
 "Yasynuvata (non-government-controlled, 16km north-east of Donetsk).\n"
 "In Luhansk region, the SMM recorded more ceasefire violations, including 38 explosions [...]",
 [dict(kind=UND, count=55, qual="about", region="Donetsk"),
  dict(kind=UND, count=70, opt=True),
  dict(kind=UND, count=38, region="Luhansk")]),
# http://en.interfax.com.ua/news/general/468786.html (11 December 2017; the report of 9 December)
("B09", "2017-12-09",
 "The OSCE Special Monitoring Mission to Ukraine (OSCE SMM) has recorded an increase in the number of ceasefire "
 "violations in the anti-terrorist operation (ATO) zone in Donbas for the period from 19.30 on December 7 to 19.30 on "
 "December 8, according to a reported published by the organization on December 9.\n"
 "\"In Donetsk region the SMM recorded more ceasefire violations, including about 560 explosions, compared with the "
 "previous reporting period (about 200 explosions),\" the OSCE reported.\n"
 "\"In Luhansk region the SMM recorded more ceasefire violations, including, however, fewer explosions (about 70), "
 "compared with the previous reporting period (about 120 explosions),\" the observers said.",
 [dict(kind=UND, count=560, qual="about", region="Donetsk", time=("within", "07 19:00", "08 20:00")),
  dict(kind=UND, count=200, opt=True),
  dict(kind=UND, count=70, qual="about", region="Luhansk", time=("within", "07 19:00", "08 20:00")),
  dict(kind=UND, count=120, opt=True)]),
# https://www.kyivpost.com/ukraine-politics/shots-fired-close-osce-patrol-donbas.html (the year is not on the stored page:
# no time is checked)
("B10", "2018-03-24",
 "The incident happened at around noon on March 24, near the village of Znamianka, some 36 kilometers north-west of the "
 "Russian-occupied city of Luhansk.\n"
 "The OSCE patrol of four persons in two armored vehicles had stopped at an abandoned bus stop about 800 meters west of "
 "the Russian-occupied village to monitor the ceasefire, when it heard eight single shots of small-arms fire "
 "approximately 1 kilometer south, an OSCE report on the incident reads.",
 [dict(kind=SHOT, count=8, weapon="small_arms", bearing="S", dist=(1, 1))]),
# https://en.lb.ua/news/2016/10/17/2105_osce_patrol_came_under_fire.html (spot report of 16 October 2016)
("B11", "2016-10-16",
 "\"In the morning of 16 October, from several positions in both government-controlled Zolote (60km north-west of "
 "Luhansk) and government-controlled Katerynivka (64km west of Luhansk), an SMM patrol composed of five members observed "
 "a steady exchange of fire ranging 4-6km east of all positions. The SMM heard over 60 explosions assessed as caused by "
 "mortar (82mm and 120mm) rounds, and sporadic bursts of automatic-grenade-launcher (AGS-17, 30mm) and "
 "heavy-machine-gun fire for over one hour and a half, \" the report reads.\n"
 "At 11:52 from the SMM's position within the perimeter of an observation post of Zolote, the patrol heard whistling "
 "past them, less than one second apart, what were assessed to be two heavy-machine-gun bullets, approximately 2m east "
 "of the patrol's position.",
 [dict(kind=OTHER, opt=True),
  dict(kind=UND, count=60, qual="more than", weapon="mortar", time=("within", "16 04:00", "16 12:00")),
  dict(kind=BURST, opt=True),
  dict(kind=SHOT, count=2, weapon="heavy_machine_gun", bearing="E", time=("16 11:52", "16 11:52"), obs="Zolote")]),
]
