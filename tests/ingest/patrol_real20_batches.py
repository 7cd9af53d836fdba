"""Session 20 (patrol20): held-out batches of REAL monitoring-mission text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the page noted above it; the date is the report's day (the day of the information, for a daily report; the page's date
where the report's is not known). Fields as in ``test_patrol_real16.judge`` (see ``patrol_real18c_batches``), and the
conventions of ``patrol_real19_batches`` (a party's tally of "ceasefire violations" is ``cv``; rounds it says were fired
onto its side are impacts; a weapon named without a number is an optional record). By the contract, rounds the text
says landed / hit / exploded on a place are impacts; rounds only said to be fired (or fired "towards" a place) are
undetermined. A tally of the period before is optional; so is fire of kind ``other`` with no number and no place (the
judge cannot see it).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
DONETSK = (48.003, 37.805)
DRS = (48.05, 37.74)  # Donetsk railway station (6-8km north-west of the centre)
DAP = (48.07, 37.74)  # Donetsk airport, the new terminal
YAS = (48.13, 37.86)  # Yasynuvata
SVI = (48.433, 38.217)  # Svitlodarsk

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch P: gathered after patrol19b's leftovers were fixed, measured once on the branch -----------------------------
BATCH_P: list[Item] = [

# http://osce.org/special-monitoring-mission-to-ukraine/305681 ("Latest from", as of 19:30, 15 March 2017)
("P01", "2017-03-15",
 "In Donetsk region the SMM recorded a similar number of ceasefire violations,[1] including a similar number of "
 "explosions (about 700), as in the previous reporting period.",
 [dict(kind=UND, count=700, qual="about", region="Donetsk", placed=False)]),
# (same page)
("P02", "2017-03-15",
 "On the evening of 14 March, while in \u201cDPR\u201d-controlled Donetsk city centre, the SMM heard 27 undetermined "
 "explosions 8-10km north-west. The next day, the SMM camera at the Oktiabr mine (9km north-west of Donetsk city centre) "
 "recorded seven undetermined explosions and, in sequence: one projectile from north-east to south-west and two from "
 "south-west to north-east; 160 tracer rounds in flight from west to east; 20 from east to west; and 25 from west to "
 "east, all 8-12km north-east of the camera\u2019s location.",
 [dict(kind=UND, count=27, bearing="NW", dist=(8, 10), time=("within", "14 15:00", "15 00:00"), obs_at=DONETSK),
  dict(kind=UND, count=7, bearing="NE", dist=(8, 12), time=("within", "15 00:00", "16 00:00")),
  dict(kind=PIF, count=1, flight="NE to SW"),
  dict(kind=PIF, count=2, flight="SW to NE"),
  dict(kind=PIF, count=160, flight="W to E", bearing="NE", dist=(8, 12)),
  dict(kind=PIF, count=20, flight="E to W"),
  dict(kind=PIF, count=25, flight="W to E")]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-1930-0
# ("Latest from", as of 19:30, 13 April 2015)
("P03", "2015-04-13",
 "On 11 April, whilst at the Joint Centre for Control and Co-ordination (JCCC) observation post in Donetsk railway station "
 "(\u201cDonetsk People\u2019s Republic (\u201cDPR\u201d)-controlled, 8km north-west of Donetsk city-centre), between "
 "10:12 and 12:00hrs, the SMM heard 28 undetermined explosions, 2 to 10km west-north-west and north of its position. In "
 "addition, at 11:15hrs, the SMM observed one impact of undetermined ordnance on the airport runway and at 11:26hrs, the "
 "SMM saw smoke coming from the area of the destroyed control tower of the airport; at 11:28hrs, the SMM also saw smoke "
 "in the area of \u201cDPR\u201d-controlled Spartak (12km north-west of Donetsk city-centre).\n"
 "Later that day, between 12:15 and 14:20hrs, while in the vicinity of the destroyed new terminal building of Donetsk "
 "airport (\u201cDPR\u201d-controlled, 11km north-west of Donetsk city centre), the SMM heard a total of 15 undefined "
 "explosions north-north-west, south and west of its position; the SMM also observed sporadic small-arms and heavy "
 "machine-gun bursts north, north-east, west and north-west of its position.",
 [dict(kind=UND, count=28, dist=(2, 10), bearing="WNW..N", time=("11 10:12", "11 12:00"), obs_at=DRS),
  dict(kind=IMP, count=1, time=("11 11:15", "11 11:15")),
  dict(kind=UND, count=15, bearing="S..NNW", time=("11 12:15", "11 14:20"), obs_at=DAP),
  dict(kind=BURST, weapon="small_arms", bearing="W..NE")]),
# https://uacrisis.org/en/41504-hug (Ukraine Crisis Media Center, 25 March 2016, the SMM's First Deputy Chief Monitor;
# "Wednesday" is 23 March, "Tuesday" 22 March)
("P04", "2016-03-25",
 "On Wednesday, for instance, from a position near Yasynuvata railway station between 9:37 and 15:00 hrs, our monitors "
 "recorded 178 explosions, not to mention small arms and heavy machine gun fire,\u201d said Alexander Hug, First Deputy "
 "Chief Monitor of the OSCE Special Monitoring Mission to Ukraine.",
 [dict(kind=UND, count=178, time=("23 09:37", "23 15:00"), obs_at=YAS),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# (same page)
("P05", "2016-03-25",
 "\u201cBased in nearby Svitlodarsk, also on Wednesday, our monitors heard 40 undetermined explosions, ten mortar and 24 "
 "automatic-grenade-launcher impacts,\u201d he said.",
 [dict(kind=UND, count=40, time=("within", "23 00:00", "24 00:00"), obs_at=SVI),
  dict(kind=IMP, count=10, weapon="mortar", obs_at=SVI),
  dict(kind=IMP, count=24, weapon="automatic_grenade_launcher", obs_at=SVI)]),
# (same page)
("P06", "2016-03-25",
 "\u201cIn Yasynuvata on Tuesday an explosion occurred within 150 metres of SMM monitors. In Zaitsev, also on Tuesday, a "
 "bullet struck a metal pole 10 metres from other SMM monitors,\u201d said Mr. Hug.",
 [dict(kind=UND, count=1, time=("within", "22 00:00", "23 00:00")),
  dict(kind=SHOT, count=1, time=("within", "22 00:00", "23 00:00"))]),
# http://osce.org/special-monitoring-mission-to-ukraine/336666 ("Latest from", as of 19:30, 25 August 2017)
("P07", "2017-08-25",
 "In Donetsk region the SMM recorded fewer ceasefire violations[1], including 70 explosions, compared with the previous "
 "24 hours (about 140 explosions). About 70 per cent of these violations were recorded between 00:00 and 19:30 on 25 "
 "August, mostly in the area between government-controlled Avdiivka (17km north of Donetsk) and \u201cDPR\u201d-"
 "controlled Yasynuvata (16km north-east of Donetsk).",
 [dict(kind=UND, count=70, region="Donetsk", placed=False),
  dict(kind=UND, count=140, opt=True)]),
# (same page)
("P08", "2017-08-25",
 "In government-controlled Arkhanhelske, the Mission heard small-arms fire assessed as targeting its unmanned aerial "
 "vehicle.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-824
# ("Latest from", as of 19:30, 26 August 2019)
("P09", "2019-08-26",
 "In Donetsk region, the SMM recorded a similar number of ceasefire violations, including, however, more explosions (32), "
 "compared with the previous 24 hours (23 explosions).\n"
 "In Luhansk region, the SMM recorded a similar number of ceasefire violations compared with the previous 24 hours. All "
 "ceasefire violations were recorded at south-easterly directions of Zolote (government-controlled, 60km west of "
 "Luhansk) (see below).",
 [dict(kind=UND, count=32, region="Donetsk", placed=False),
  dict(kind=UND, count=23, opt=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-798
# ("Latest from", as of 19:30, 25 July 2019)
("P10", "2019-07-25",
 "In Donetsk region, the SMM recorded fewer ceasefire violations, including fewer explosions (11), compared with the "
 "previous reporting period (32 explosions). The majority of ceasefire violations, including nine of the explosions, were "
 "recorded in areas east of Avdiivka (government-controlled, 17km north of Donetsk), north of Maiorsk "
 "(government-controlled, 45km north-east of Donetsk), and at westerly directions of Kruta Balka "
 "(non-government-controlled, 16km north of Donetsk).",
 [dict(kind=UND, count=11, region="Donetsk", placed=False),
  dict(kind=UND, count=32, opt=True),
  dict(kind=UND, count=9, opt=True)]),
# (same page)
("P11", "2019-07-25",
 "In Luhansk region, the Mission recorded fewer ceasefire violations, and no explosions, compared with the previous "
 "reporting period (three explosions).",
 [dict(kind=UND, count=3, opt=True)]),
# (same page)
("P12", "2019-07-25",
 "The SMM saw damage from small-arms fire to a shop in Dokuchaievsk, reportedly on 18 July.",
 [dict(kind=OTHER, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-292022-issued-8-february
# (Daily Report 29/2022, information as of 19:30, 7 February 2022)
("P13", "2022-02-07",
 "In Donetsk region, the SMM recorded 76 ceasefire violations, including 23 explosions. In the previous 24 hours, it "
 "recorded 34 ceasefire violations in the region.\n"
 "In Luhansk region, the Mission recorded 25 ceasefire violations, including 20 explosions. In the previous 24 hours, it "
 "recorded 33 ceasefire violations in the region.",
 [dict(kind=UND, count=23, cv=76, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=34, opt=True),
  dict(kind=UND, count=20, cv=25, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=33, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-252022-issued-3-february
# (Daily Report 25/2022, information as of 19:30, 2 February 2022)
("P14", "2022-02-02",
 "In Donetsk region, the SMM recorded 292 ceasefire violations, including 48 explosions. In the previous reporting "
 "period, it recorded 75 ceasefire violations in the region.\n"
 "Small-arms fire was assessed as directed at an SMM mini-unmanned aerial vehicle (UAV) near government-controlled "
 "Pavlopil, Donetsk region.",
 [dict(kind=UND, count=48, cv=292, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=75, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-372022-issued-17-february
# (Daily Report 37/2022, information as of 19:30, 16 February 2022)
("P15", "2022-02-16",
 "In Luhansk region, the Mission recorded 402 ceasefire violations, including 188 explosions. In the previous reporting "
 "period, it recorded 129 ceasefire violations in the region.\n"
 "A member of the armed formations threatened an SMM patrol at a training area near non-government-controlled "
 "Shymshynivka, Luhansk region.",
 [dict(kind=UND, count=188, cv=402, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=129, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2722020-issued-14-november
# (Daily Report 272/2020, information as of 19:30, 13 November 2020)
("P16", "2020-11-13",
 "The SMM recorded four ceasefire violations in Donetsk region and 20 in Luhansk region. In the previous reporting period, "
 "it recorded three ceasefire violations in Donetsk region and three in Luhansk region.\n"
 "Two men were injured on 10 November due to the detonation of an explosive object in Volnovakha, Donetsk region.",
 [dict(kind=OTHER, cv=4, region="Donetsk"),
  dict(kind=OTHER, cv=20, region="Luhansk"),
  dict(kind=OTHER, cv=3, opt=True),
  dict(kind=OTHER, cv=3, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-1932020-issued-14-august
# (Daily Report 193/2020, information as of 19:30, 13 August 2020)
("P17", "2020-08-13",
 "The SMM recorded 36 ceasefire violations in Donetsk region, most of which occurred in areas east of Donetsk city, and 34 "
 "ceasefire violations in Luhansk region, most of which were assessed as a live-fire exercise outside the security zone. "
 "In the previous reporting period, the Mission recorded no ceasefire violations in both regions.",
 [dict(kind=OTHER, cv=36, region="Donetsk"),
  dict(kind=OTHER, cv=34, region="Luhansk")]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2142020-issued-8-september
# (Daily Report 214/2020, information as of 19:30, 7 September 2020)
("P18", "2020-09-07",
 "The SMM recorded no ceasefire violations in Donetsk region and 50 in Luhansk region. In the previous 24 hours, the "
 "Mission recorded one ceasefire violation in Donetsk region and none in Luhansk region.\n"
 "Small arms were fired near SMM patrol members close to Peremozhne, Luhansk region.",
 [dict(kind=OTHER, cv=50, region="Luhansk"),
  dict(kind=OTHER, cv=1, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# http://en.interfax.com.ua/news/general/369342.html (Interfax-Ukraine, 12 September 2016, the Ukrainian side of the JCCC)
("P19", "2016-09-12",
 "\"The Ukrainian mission to the JCCC was particularly concerned about the September 11 incident, when 122mm artillery "
 "systems were used against Ukrainian army positions in the Mariupol sector for the first time since the imposition of "
 "full ceasefire. Twelve artillery shells exploded in the area. In addition, JCCC monitors observed the use of 120mm and "
 "82mm mortars (78 and 14 explosions, respectively) during that day,\" the press center of the army operation staff said "
 "on Facebook, quoting the Ukrainian mission to the JCCC.",
 [dict(kind=IMP, count=12, weapon="artillery", time=("within", "11 00:00", "12 00:00")),
  dict(kind=UND, count=78, weapon="mortar", time=("within", "11 00:00", "12 00:00")),
  dict(kind=UND, count=14, weapon="mortar", time=("within", "11 00:00", "12 00:00"))]),
# https://uacrisis.org/62437-lysenko-60 (Ukraine Crisis Media Center, the Ministry of Defence's ATO spokesman; the date is
# not on the stored page)
("P20", "2017-06-01",
 "\u201cMilitants violated the ceasefire 18 times. They attacked with mortar fire Ukrainian positions in the vicinity of "
 "Krymske, Zalisne, Tryokhizbenka, Luhanske, Troitske and Novozvanivka, firing a total of 84 120-mm mortar rounds and 17 "
 "82-mm mortar rounds,\u201d reported Col. Lysenko.",
 [dict(kind=OTHER, cv=18),
  dict(kind=IMP, count=84, weapon="mortar"),
  dict(kind=IMP, count=17, weapon="mortar")]),
# http://en.interfax.com.ua/news/general/425814.html (Interfax-Ukraine, 2 June 2017, the ATO headquarters)
("P21", "2017-06-02",
 "Eighteen ceasefire breaches were seen in the Mariupol sector, the ATO headquarters said in a report. Shyrokyne, "
 "Vodiane, Chermalyk and Talakivka came under attack of grenade launchers, heavy machineguns, and small arms, while 82mm "
 "mortars bombarded Maryinka, it said.",
 [dict(kind=OTHER, cv=18),
  dict(kind=UND, weapon="grenade_launcher", opt=True),
  dict(kind=IMP, weapon="mortar")]),
# https://nrus.info/ukrainian-army-fires-70-artillery-mortar-rounds-at-dpr-over-24-hours-jccc.html (DAN, 7 July; the
# year is not on the stored page: 2020, a Tuesday)
("P22", "2020-07-07",
 "\u201cOver the past 24 hours, Ukrainian armed formations violated the ceasefire four times expending 69 rounds of "
 "ammunition,\u201d the report said.\n"
 "The enemy used 122mm artillery and 82mm and 120mm mortars.",
 [dict(kind=OTHER, cv=4),
  dict(kind=UND, count=69),
  dict(kind=UND, opt=True)]),
# https://archive.pakistantoday.com.pk/2017/07/25/indian-diplomat-summoned-over-ceasefire-violations (Pakistan Today,
# 25 July 2017, Pakistan's Foreign Office)
("P23", "2017-07-25",
 "On July 21, the Indian forces violated ceasefire and opened firing and shelling, resulting in the martyrdom of a "
 "12-year-old Kashmiri teenage in Gheekot village, and injuries to three others.\n"
 "In 2017 to date, Indian forces have carried out 618 ceasefire violations along the Line of Control and the Working "
 "Boundary.",
 [dict(kind=UND, time=("within", "21 00:00", "22 00:00")),
  dict(kind=OTHER, cv=618)]),
# https://jewishnews.com/?p=50948 (JNS via Jewish News; the Israel Defense Forces and a Lebanese security source; the
# date is not on the stored page)
("P24", "2021-05-17",
 "Six rockets were launched from Rashaya Al Foukhar north of Kfar Choub in southern Lebanon, all of which fell short of "
 "the border and landed inside Lebanese territory, the IDF said.\n"
 "A Lebanese security source said that about 22 shells were fired by Israeli artillery towards Lebanese territory.",
 [dict(kind=IMP, count=6, weapon="rocket"),
  dict(kind=UND, count=22, qual="about", weapon="artillery")]),
# https://gna.org.gh/2023/10/un-peacekeepers-confirm-rocket-firing-into-northern-israel/ (dpa via GNA, 10 October 2023,
# UNIFIL and the Israeli army)
("P25", "2023-10-10",
 "\u201cAt around 5:30 local time [1430 GMT], UNIFIL detected rocket firing from south of Tyre,\u201d a statement by the "
 "United Nations Interim Forces in South Lebanon (UNIFIL) said.\n"
 "Later it said approximately 15 rockets were launched from Lebanese territory and that it successfully intercepted four "
 "rocket launches, with 10 launches falling in open areas.",
 [dict(kind=OUT, weapon="rocket", opt=True),
  dict(kind=OUT, count=15, qual="about", weapon="rocket"),
  dict(kind=AIR, count=4, opt=True),
  dict(kind=IMP, count=10, opt=True)]),
]

# --- batch Q: gathered after P's fixes, held out: measured once on the branch ------------------------------------------
BATCH_Q: list[Item] = [

# http://osce.org/ukraine-smm/140271 ("Latest from", as of 18:00, 11 February 2015)
("Q01", "2015-02-11",
 "In Donetsk, on 11 February from 10:00 to 11:30hrs, the SMM observed the aftermath of a shelling incident in the morning "
 "of 11 February at the central bus station and a metal works factory located in Leninskyi district (\u201cDonetsk "
 "People\u2019s Republic\u201d (\u201cDPR\u201d)-controlled). At the bus station the SMM saw two burnt-out buses, one of "
 "them struck by an artillery shell. The SMM could not determine the precise type of artillery shell or the direction of "
 "fire. At the metal works factory, the SMM observed three shelling impacts around the factory. Based on its "
 "observations and crater analysis, the SMM assessed that the impacts were caused by mortar shells fired from the "
 "north-west.",
 [dict(kind=IMP, count=1, weapon="artillery", opt=True),
  dict(kind=OTHER, count=3, weapon="mortar")]),
# http://osce.org/ukraine-smm/138616 ("Latest from", as of 18:00, 1 February 2015)
("Q02", "2015-02-01",
 "On 1 February the SMM spoke over the phone with the Ukrainian Major-General, Head of the Ukrainian side to the JCCC, "
 "who stated that the JCCC headquarters (HQ) building in government-controlled Debaltseve (55km north-east of Donetsk) "
 "was hit multiple times by Grad rockets at approximately 14:00hrs on 1 February.",
 [dict(kind=IMP, weapon="mlrs", time=("01 14:00", "01 14:00"), placed=True)]),
# https://reliefweb.int/report/ukraine/latest-osce-special-monitoring-mission-ukraine-smm-based-information-received-739
# ("Latest from", as of 19:30, 17 May 2019)
("Q03", "2019-05-17",
 "In Donetsk region, the SMM recorded more ceasefire violations, however, fewer explosions (about 110), compared with the "
 "previous reporting period (about 150 explosions).",
 [dict(kind=UND, count=110, qual="about", region="Donetsk", placed=False),
  dict(kind=UND, count=150, opt=True)]),
# (same page)
("Q04", "2019-05-17",
 "In Luhansk region, the Mission recorded more ceasefire violations, including more explosions (about 670), compared with "
 "the previous reporting period (30 explosions). The majority of ceasefire violations, including about 600 explosions, "
 "were recorded at southerly and easterly directions of Popasna (government-controlled, 69km west of Luhansk).",
 [dict(kind=UND, count=670, qual="about", region="Luhansk", placed=False),
  dict(kind=UND, count=30, opt=True),
  dict(kind=UND, count=600, placed=False, opt=True)]),
# (same page)
("Q05", "2019-05-17",
 "A woman was injured from shelling in Oleksandrivka.",
 [dict(kind=UND, opt=True)]),
# https://www.stalkerzone.org/osce-confirms-donetsk-shelled-grads-uragan/ (Stalker Zone, February 2017, a translated news
# copy of the SMM's report on the night of 2 February)
("Q06", "2017-02-03",
 "Observers of the mission noted that the explosion on Makeevka highway (so-called area of the Motel) occurred as a "
 "result of a rocket explosion launched from an MLRS system (presumably \u201cSmerch\u201d or \u201cUragan\u201d). In "
 "addition, observers recorded hits of MLRS Grad rockets on Sobinov Street, Artyom Street, and Kievsky Avenue.",
 [dict(kind=IMP, count=1, weapon="mlrs", opt=True),
  dict(kind=IMP, weapon="mlrs")]),
# https://derechos.org/peace/russia/doc/ukrosce144.html (Equipo Nizkor's copy of a news agency's, 17 August 2015)
("Q07", "2015-08-17",
 "Analyses of eight fresh craters in the Krasnoarmeyskoye settlement, subjected to shelling on August 14, indicated that "
 "\"they were all caused by Grad multiple launch rocket systems (MLRS, 122mm) originating from a westerly direction\", "
 "monitors said.",
 [dict(kind=OTHER, count=8, weapon="mlrs")]),
# (same page)
("Q08", "2015-08-17",
 "Similar conclusions were reached after visiting the settlement of Telmanovo on August 16. \"The SMM analysed 16 craters "
 "and concluded that they were caused by MLRS (122mm BM-21 Grad) fired from a west-south-westerly direction,\" the "
 "report said.",
 [dict(kind=OTHER, count=16, weapon="mlrs")]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2152021-issued-14-september
# (Daily Report 215/2021, information as of 19:30, 13 September 2021)
("Q09", "2021-09-13",
 "In Donetsk region, the Mission recorded 88 ceasefire violations, including 30 explosions. In the previous 24 hours, it "
 "recorded 128 ceasefire violations in the region.\n"
 "In Luhansk region, the SMM recorded 67 ceasefire violations, including 12 explosions. In the previous 24 hours, it "
 "recorded 62 ceasefire violations in the region.",
 [dict(kind=UND, count=30, cv=88, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=128, opt=True),
  dict(kind=UND, count=12, cv=67, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=62, opt=True)]),
# https://en.interfax.com.ua/news/general/687531.html (Interfax-Ukraine, 14 September 2020, the JFO headquarters)
("Q10", "2020-09-14",
 "\"Over the past day, on September 13, two violations of the ceasefire regime were recorded in the area of "
 "responsibility of the Skhid operational-tactical group,\" the JFO's morning report posted on Facebook on Monday reads.\n"
 "In particular, indirect shots from grenade launchers towards the Ukrainian positions were noted near Pisky and "
 "Avdiyivka.",
 [dict(kind=OTHER, cv=2, time=("within", "13 00:00", "14 00:00")),
  dict(kind=SHOT, weapon="grenade_launcher", opt=True)]),
# https://uacrisis.org/en/56961-smm-obsye-5 (Ukraine Crisis Media Center, the SMM's Principal Deputy Chief Monitor; May
# 2017, the week after 24 May)
("Q11", "2017-05-30",
 "On May 24, the OSCE SMM monitors registered over 500 incidents of ceasefire violations as well as 170 explosions in the "
 "western outskirts of Donetsk.",
 [dict(kind=UND, count=170, cv=500, time=("within", "24 00:00", "25 00:00"))]),
# https://uacrisis.org/en/61555-osce-69 (Ukraine Crisis Media Center, October 2016, the same)
("Q12", "2016-10-18",
 "Last week, the OSCE Special Monitoring Mission recorded 3,335 ceasefire violations, which is 45% more than the week "
 "before.\n"
 "During the first week after the renewal of commitments, from August 26 to September 1, the OSCE monitors recorded 1,365 "
 "ceasefire violations.",
 [dict(kind=OTHER, cv=3335),
  dict(kind=OTHER, cv=1365)]),
# https://uacrisis.org/en/68240-osce-smm-12 (Ukraine Crisis Media Center, summer 2017, the same)
("Q13", "2017-08-01",
 "\u201cOver 6,500 ceasefire violations were recorded by the OSCE SMM. There was a four-fold increase in the number of "
 "SMM-recorded instances in which weapons that should have been withdrawn were used. Among them were 86 instances in "
 "which multiple launch rocket systems were used,\u201d reported Alexander Hug.\n"
 "Last week, three civilians from Horlivka were injured when a hand grenade exploded \u2013 two boys, 7 and 11 years old, "
 "and their grandmother, said Alexander Hug.",
 [dict(kind=OTHER, cv=6500),
  dict(kind=OTHER, weapon="mlrs", opt=True)]),
# https://www.unian.info/war/1183977-terrorists-fire-at-zaitseve-local-school-building.html (UNIAN's copy of an SMM report;
# the date is not on the stored page)
("Q14", "2015-11-10",
 "It examined a fresh impact on the wall at the northern side of the building, 3.7 meters above the ground, and "
 "identified pieces of a 73mm round from a SPG-9 (Kopye) tripod-mounted recoilless gun. Some 19 meters north of the "
 "school boundary, the SMM detected another crater also caused by an SPG-9 projectile.",
 [dict(kind=OTHER, count=1, weapon="recoilless_gun"),
  dict(kind=OTHER, count=1, weapon="recoilless_gun")]),
# https://www.ukrinform.net/amp/rubric-other_news/2337270-27000-violations-by-proscribed-weapons.html (Ukrinform; the date
# is not on the stored page)
("Q15", "2017-12-01",
 "The OSCE Special Monitoring Mission (OSCE SMM) to Ukraine has recorded nearly 27,000 ceasefire violations caused by "
 "weapons forbidden by the Minsk agreements \u2013 Alexander Hug",
 [dict(kind=OTHER, cv=27000)]),
# http://lugansk-news.com/terrorists-resumed-heavy-shelling-near-shchastya-in-lugansk-region-ukraine-lost-1-wia-and-apc/
# (a news site's copy of the Luhansk regional governor; the date is not on the stored page)
("Q16", "2015-06-01",
 "Last night and tonight Shchastya was heavily shelled by mortars and grenade launchers. Terrorists opened fire from the "
 "side of occupied Vesela Hora village and hit the area near the bridge over Siverskiy Donets River where Ukrainian Army "
 "fortifications are located.",
 [dict(kind=UND, weapon="mortar", opt=True)]),
]

# --- batch R: gathered after Q's fixes, held out: measured once on the branch ------------------------------------------
BATCH_R: list[Item] = [

# https://osce.org/special-monitoring-mission-to-ukraine/494140 (Spot Report 19/2021, 31 July 2021)
("R01", "2021-07-31",
 "At 10:00 on 31 July, an SMM patrol arrived at a checkpoint in the eastern part of Staromykhailivka "
 "(non-government-controlled, 15km west of Donetsk) in order to conduct an announced mini-unmanned aerial vehicle (UAV) "
 "flight to follow up on allegations of a damaged civilian property in the area. [...] After about five minutes, he "
 "approached the patrol again and repeated that he was unaware of any planned flights in the area and added that if the "
 "SMM did fly the UAV, it would be shot down.",
 []),
# https://www.ostro.info/news/5693/ (Ostrov, 4 August 2020, quoting the SMM's report of 3 August)
("R02", "2020-08-04",
 "It is reported that on August 1, the SMM representatives were located approximately 2 km north of Petrovske to control "
 "a short-range unmanned aerial vehicle (UAV) flight near the disengagement area in the area of Petrovske.\n"
 "\"Members of the SMM patrol heard 15 single rounds of small arms fire approximately 500 m west of their location. It was "
 "estimated that the fire was directed towards the UAV that was flying over the positions (assessed as belonging to the "
 "armed formations)\", - the report said.",
 [dict(kind=SHOT, count=15, weapon="small_arms", bearing="W", dist=(0.5, 0.5))]),
# https://www.ostro.info/news/6917/ (Ostrov, 8 November 2021, quoting the SMM's report)
("R03", "2021-11-08",
 "\"at 14:15 on 6 November, while positioned on the western edge of Bolotene (government-controlled, 22km north-east of "
 "Luhansk), the Mission heard four bursts of small-arms fire at an assessed range of less than 50m south of its position. "
 "SMM patrol members immediately re-entered their vehicles\".\n"
 "\"As the patrol continued to drive away, at 14:16, it heard and saw one impact explosion at an assessed range of 20-30m "
 "south-east of its position\", - this incident is reported in the summary.",
 [dict(kind=BURST, count=4, weapon="small_arms", bearing="S", time=("06 14:15", "06 14:15")),
  dict(kind=IMP, count=1, bearing="SE", dist=(0.02, 0.03), time=("06 14:16", "06 14:16"))]),
# http://archive2018-2020.dnronline.su/en/2020/03/30/the-afu-engaged-republic-s-populated-localities-10-times-in-the-past-24-hours-dpr-pmd
# (DNR Online, the "DPR" militia's spokesman at the briefing of 28 March 2020)
("R04", "2020-03-28",
 "At the same time, today at 6:55, Ukrainian militants from the 28th AFU brigade shelled Staromikhaylovka with heavy "
 "artillery and mortar. Ukrainian militants fired 12 shells of 122mm caliber, as well as four 120mm mines on "
 "neighborhoods of the village.",
 [dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=IMP, count=12, weapon="artillery"),
  dict(kind=IMP, count=4, weapon="mortar")]),
# (same page)
("R05", "2020-03-28",
 "\u201cOn the Mariupol front, fighters of the 10th brigade shelled Kominternovo with 120mm mortars,\u201d Dmitry "
 "Astrakhan reported.",
 [dict(kind=UND, weapon="mortar", opt=True)]),
# https://uacrisis.org/en/65513-gutsulyak-37 (Ukraine Crisis Media Center, the Ministry of Defence's ATO spokesman; March
# 2018 by the page's "March 22", "March 23")
("R06", "2018-03-24",
 "\u201cAfter 22.00, Russian proxies fired with grenade launchers, large-caliber machine guns and small arms at Ukrainian "
 "troops at Maryanka. At midnight, militants used 82 mm mortars at Ukrainian troops at Kamyanka. The explosion of three "
 "mines of this caliber was recorded\u201d, reported Ukrainian Ministry of Defense spokesman Colonel Dmytro Hutsulyak at "
 "a press briefing at Ukraine Crisis Media Center.",
 [dict(kind=UND, weapon="grenade_launcher", opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, count=3, weapon="mortar")]),
# (same page)
("R07", "2018-03-24",
 "The Joint center for coordination and control recorded six 120-mm mortar ammunitions have hit the household buildings "
 "and backyards of civilians in the area of Avdiivka-Donetsk railroad haul.",
 [dict(kind=IMP, count=6, weapon="mortar")]),
# https://uacrisis.org/en/65701-hutsulyak-20 (Ukraine Crisis Media Center, the same spokesman; the date is not on the
# stored page)
("R08", "2018-03-28",
 "Over the last day, Russia-backed militants committed 54 ceasefire violations in eastern Ukraine, 53 of these were "
 "precision attacks. Militants fired fifty-two 120-mm and over thirty 82-mm mortar rounds.",
 [dict(kind=OTHER, cv=54),
  dict(kind=UND, count=52, weapon="mortar"),
  dict(kind=UND, count=30, qual="more than", weapon="mortar")]),
# (same page)
("R09", "2018-03-28",
 "In Luhansk sector, Russian proxies attacked Ukrainian troops\u2019 positions near Katerynivka and Shchastia between "
 "20:00 and 23:00 using automatic grenade launchers and heavy machine guns as well as 82-mm mortars. \u201cThe enemy "
 "fired three mortar rounds,\u201d Colonel Hutsulyak said.",
 [dict(kind=UND, weapon="automatic_grenade_launcher", opt=True),
  dict(kind=UND, count=3, weapon="mortar")]),
# (same page)
("R10", "2018-03-28",
 "They fired four 122-mm artillery rounds in Shyrokyne area and used 120-mm mortars twice outside Pavlopil and once in "
 "Hnutove area having fired a total of 52 rounds in the latter incidents.",
 [dict(kind=UND, count=4, weapon="artillery"),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, count=52)]),
# https://eu.eot.su/2017/03/19/ukrainian-military-again-shelled-towns-and-villages-in-dpr/ (Rossa Primavera via EoT, 19
# March 2017, the "DPR" militia's command)
("R11", "2017-03-19",
 "DPR PM Command summarized information on the shelling conducted by the Ukrainian side during the previous day, March "
 "18th. The Ukrainian army violated ceasefire 74 times and shelled 14 towns and villages.",
 [dict(kind=OTHER, cv=74)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-1712020-issued-20-july-2020
# (Daily Report 171/2020, information as of 19:30, 19 July 2020)
("R12", "2020-07-19",
 "Small-arms fire was directed at an SMM mini-unmanned aerial vehicle (UAV) near Petrivske, Donetsk region.\n"
 "The SMM followed up on civilian casualties and damage to a school and in a residential area as the result of shelling in "
 "the Trudivski area of Donetsk city\u2019s Petrovskyi district.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2042020-issued-27-august
# (Daily Report 204/2020, information as of 19:30, 26 August 2020)
("R13", "2020-08-26",
 "The SMM recorded ten ceasefire violations in Donetsk region and none in Luhansk region. In the previous reporting "
 "period, the Mission recorded ten ceasefire violations in Donetsk region and one in Luhansk region.\n"
 "A boy was injured due to the detonation of a grenade in Kypuche, Luhansk region.",
 [dict(kind=OTHER, cv=10, region="Donetsk"),
  dict(kind=OTHER, cv=10, opt=True),
  dict(kind=OTHER, cv=1, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2062020-issued-29-august
# (Daily Report 206/2020, information as of 19:30, 28 August 2020)
("R14", "2020-08-28",
 "The SMM recorded one ceasefire violation in Donetsk region and none in Luhansk region. In the previous reporting "
 "period, it recorded three ceasefire violations in Donetsk region and none in Luhansk region.\n"
 "The SMM again saw unexploded ordnance near Kruta Balka, on a road frequently used by the SMM and employees of the "
 "Donetsk Filtration Station.",
 [dict(kind=OTHER, cv=1, region="Donetsk"),
  dict(kind=OTHER, cv=3, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-932020-issued-20-april-2020
# (Daily Report 93/2020, information as of 19:30, 19 April 2020)
("R15", "2020-04-19",
 "The SMM followed up on reports of a civilian fatality caused by shelling in Shyroka Balka, Donetsk region.\n"
 "Small-arms fire was assessed as aimed at an SMM mini unmanned aerial vehicle (UAV) flying over areas near Kalynove, "
 "Luhansk region.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
]

ITEMS: list[Item] = BATCH_P
