"""Session 21 (patrol21): held-out batches of REAL monitoring-mission and party text that earlier sessions did not use,
from genres the batches so far under-represent (the SMM's weekly briefings and two-week summaries as news copied them,
a 2014 "Latest from", UNDOF, the Ukrainian and "DPR" sides of the JCCC, Armenia-Azerbaijan border statements, the Line
of Control, Yemen (Hodeidah) and Libya (Tripoli, UNSMIL) ceasefire texts).

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the stored public page noted above it; the date is the report's day where it is known, else the page's (or a guess from
the page: then no item's time depends on it, or the guess is said). Fields and conventions as in
``patrol_real20_batches`` (a party's tally of "ceasefire violations" is ``cv``; rounds the text says landed / hit /
struck / impacted / exploded on a place, or fired onto a place, are impacts; rounds only said to be fired, or fired
"towards" / "at" a place, undetermined; a weapon named without a number is an optional record; a restatement of fire
already counted, and a tally of the period before, are optional; fire of kind ``other`` with no number and no place is
invisible to the judge and so written as optional).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch U: gathered after patrol20b's leftovers were fixed (37a7986), measured once on the branch --------------------
BATCH_U: list[Item] = [

# http://en.interfax.com.ua/news/general/470291.html (Interfax-Ukraine, Friday 15 December 2017, the SMM's Principal
# Deputy Chief Monitor's weekly briefing)
("U01", "2017-12-15",
 "OSCE SMM monitors recorded around 20,000 truce breaches in the past week, a 25% increase over the week before, OSCE SMM "
 "Principal Deputy Chief Monitor Alexander Hug said during a press conference via Skype on Friday.\n"
 "From 5:00 p.m. on Tuesday to 5:00 p.m. on Wednesday, the OSCE SMM observed some 3,000 violations, half of which were "
 "explosions, Hug said. Around 1,000 violations were recorded near Avdiivka and Popasna over this period, he said.\n"
 "OSCE monitors recorded some 500 explosions in the vicinity of Popasna in the course of one night and on December 2 "
 "observed 3,000 violations, half of which were near Yasynuvata and Avdiyivka, he said.",
 [dict(kind=OTHER, cv=20000),
  dict(kind=OTHER, cv=3000, time=("within", "12 17:00", "13 17:00")),
  dict(kind=UND, count=1500, opt=True),
  dict(kind=OTHER, cv=1000, opt=True),
  dict(kind=UND, count=500, qual="about", placed=True),
  dict(kind=OTHER, cv=3000, time=("within", "02 00:00", "03 00:00"))]),
# https://uacrisis.org/en/52697-osce-48 (Ukraine Crisis Media Center, the SMM's First Deputy Chief Monitor's briefing;
# the date is not on the stored page: February 2017, after the Avdiivka escalation)
("U02", "2017-02-15",
 "\u201cThe number of attacks decreased by 75% over the last week. The same tendency has persisted this week. Yesterday we "
 "recorded 200 ceasefire violations compared to the thousands that were daily recorded during exacerbation around "
 "Avdiivka-Yasynuvata,\u201d informed Alexander Hug, First Deputy Chief Monitor of the OSCE Special Monitoring Mission to "
 "Ukraine, during a press briefing at Ukraine Crisis Media Center.\n"
 "However, the number of ceasefire violations increased by 20% in the east and northeast of Mariupol. \u201cMost of them "
 "were recorded by the SMM camera near Shyrokyne at night time. The camera recorded over a hundred explosions, over a "
 "hundred rocket-assisted projectile rounds and more than 1700 tracer projectiles,\u201d noted the First Deputy Chief "
 "Monitor of the OSCE Special Monitoring Mission to Ukraine.",
 [dict(kind=OTHER, cv=200),
  dict(kind=UND, count=100, qual="more than"),
  dict(kind=PIF, count=100, qual="more than"),
  dict(kind=PIF, count=1700, qual="more than")]),
# https://censor.net/en/news/3197788/smm_reports_increase_in_ceasefire_violations_in_donbas_over_period_of_may_417
# (Censor.NET, 25 May 2020, the SMM's two-week report of 18 May 2020)
("U03", "2020-05-18",
 "\"Between 4 and 17 May, the SMM recorded about 10,500 ceasefire violations, including approximately 2,000 explosions. "
 "This compares with about 9,800 and 2,750, respectively, in the previous two-week period,\" reads the report of May 18, "
 "2020, posted on the organization\u2019s website on May 25.",
 [dict(kind=UND, count=2000, qual="about", cv=10500, time=("within", "04 00:00", "18 00:00")),
  dict(kind=OTHER, cv=9800, opt=True),
  dict(kind=UND, count=2750, opt=True)]),
# http://www.kyivpost.com/article/content/ukraine-politics/osce-says-number-of-shelling-incidents-in-donbas-grows-by-quarter-over-past-week-artillery-used-with-increased-frequency-update-419884.html
# (Kyiv Post, the SMM's Principal Deputy Chief Monitor's briefing in Kyiv on Friday 29 July 2016)
("U04", "2016-07-29",
 "\u201cThe number of ceasefire violations recorded by the SMM did in fact rise by some 25 percent compared to the "
 "previous week,\u201d Hug said at a press briefing in Kyiv on July 29.\n"
 "\u201cOn Monday, on two separate occasions, the mission noted small-arms fire targeting an SMM mini unmanned aerial "
 "vehicle. It happened first near so-called \u201cLPR\u201d-controlled Kalynove and later near so-called "
 "\u201cLPR\u201d-controlled Kadiivka (formerly Stakhanov). Fortunately, that UAV managed to land safely on both "
 "occasions,\u201d he said.",
 [dict(kind=OTHER, weapon="small_arms", opt=True, time=("within", "25 00:00", "26 00:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://docslib.org/doc/2170818/security-council-distr-general-3-june-2021 (UNDOF, report of the Secretary-General
# S/2021/516, paragraph 4; the date is that of the incident, so that its month is the item's)
("U05", "2021-02-28",
 "Late on 28 February, United Nations personnel at positions 68 and 80 and at observation post 55 heard two crossing the "
 "ceasefire line from east- north-east to west-south-west and subsequently heard an aircraft crossing from west to east.",
 [dict(kind=PIF, count=2, flight="ENE to WSW", opt=True, time=("within", "28 12:00", "28 23:59"))]),
# https://www.un.org/sg/en/content/sg/note-correspondents/2014-08-30/note-correspondents-un-disengagement-observer-force
# (the Secretary-General's spokesperson, 30 August 2014, UNDOF)
("U06", "2014-08-30",
 "The UN Disengagement Observer Force (UNDOF) reports that, early this morning, UN Position 69 was fired upon by armed "
 "elements. [...]\n"
 "UNDOF reports that armed elements also attacked UN Position 68 with mortar and heavy machine gun fire. The UN "
 "peacekeepers returned fire and prevented the attackers from entering the position.",
 [dict(kind=OTHER, opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True),
  dict(kind=OTHER, opt=True)]),
# https://uaposition.com/latest-news/militants-attack-vehicle-carrying-ukrainian-jccc-members/ (UNIAN via UA Position,
# the Ukrainian side of the JCCC and the ATO press center, 20 August; the year is not on the stored page: 2015)
("U07", "2015-08-20",
 "\u201dFrom 4:20 p.m. until 4:45 p.m., illegal armed formations fired 15 shells of 82mm caliber in the area [near "
 "Svitlodarsk], and were attacking from anti-aircraft installation ZU-23-2 and with heavy machine guns from the area of "
 "Kalynivka in the direction of the village of Luhanske,\u201d the ATO press center reported, citing Kremenetsky.",
 [dict(kind=UND, count=15, weapon="mortar", time=("20 16:20", "20 16:45")),
  dict(kind=OTHER, weapon="anti_aircraft_gun", opt=True),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True)]),
# https://en.interfax.com.ua/news/general/742206.html (Interfax-Ukraine, 6 May 2021, the Ukrainian delegation to the TCG
# on the Ukrainian side of the JCCC)
("U08", "2021-05-06",
 "\"On May 3, in an effort to disrupt the systemic work of the Ukrainian side of the JCCC, Russian-occupation forces "
 "fired at a car of the observation group from a 7.62 mm machine gun. Two bullet exit holes were found in the car body. "
 "This is the first time of its kind from the implementation of a comprehensive ceasefire,\" the Ukrainian delegation "
 "said on Facebook.",
 [dict(kind=OTHER, weapon="machine_gun", opt=True, time=("within", "03 00:00", "04 00:00"))]),
# https://novosti-novorossii.info/jccc-reports-mounting-kiev-aggression-on-contact-line-in-donbass/ (DAN, Thursday 17
# December 2020, the "DPR" office at the JCCC)
("U09", "2020-12-17",
 "On Wednesday alone, six DPR settlements came under fire; strikes are recorded in all contact line areas, the JCCC "
 "said. Ukrainian forces regularly use heavy mortars; they shelled Kominternovo overnight to Thursday while Leninskoye "
 "came under heavy mortar fire on Thursday morning (both settlements are located in southern DPR).",
 [dict(kind=OTHER, opt=True),
  dict(kind=UND, opt=True),
  dict(kind=OTHER, weapon="mortar", opt=True, time=("within", "17 00:00", "17 12:00"))]),
# https://reliefweb.int/report/yemen/status-implementation-security-council-resolution-2451-2018-report-secretary-general-1
# (report of the Secretary-General on resolution 2451 (2018), Hudaydah, 25 January 2019)
("U10", "2019-01-25",
 "In Hudaydah city, there was an increase in exchanges of fire from 12 to 14 January, with advance team personnel noting "
 "a significant volume of artillery fire on the evenings of 13 and 14 January. Its origins and the areas targeted could "
 "not immediately be verified.",
 [dict(kind=OTHER, weapon="artillery", opt=True)]),
# https://thearabweekly.com/houthis-said-violate-uneasy-truce-hodeidah (The Arab Weekly, Friday 21 December 2018)
("U11", "2018-12-21",
 "Rebels reportedly fired two missiles at a government-controlled village in violation of a UN-brokered ceasefire reached "
 "in Sweden. The missiles, apparently fired at Al Nakheela village near Hodeidah, fell short of the village without "
 "causing casualties.",
 [dict(kind=UND, count=2),
  dict(kind=UND, opt=True)]),
# https://panorama.am/en/news/2014/04/15/tavush-villages/309669 (Panorama.am, Tuesday 15 April 2014, Armenia's border)
("U12", "2014-04-15",
 "Azeri forces opened intense fire at border villages of Armenia\u2019s Tavush province Monday evening, including the "
 "village of Nerkin Karmiraghbyur. No casualties were reported. Gas pipelines, windows and roofs were damaged in the "
 "three-hour shootout.\n"
 "\u201cThe gunfire stopped at around 11:00 pm. Everything is calm at this moment. [...]\u201d mayor of Movses village "
 "Ararat Avalyan told Panorama.am.",
 [dict(kind=OTHER, opt=True, time=("within", "14 15:00", "15 00:00")),
  dict(kind=OTHER, opt=True)]),
# https://panorama.am/en/news/2019/07/29/ԱԳՆ-Տավուշ/2146909 (Panorama.am, 29 July 2019, the Line of Contact's weekly tally)
("U13", "2019-07-29",
 "Meantime, the ceasefire breeches has also increased on the Artsakh-Azerbaijan Line of Contact: the Azerbaijani forces "
 "violated the ceasefire around 150 times last week, firing more than 1,300 shots towards the Armenian defense "
 "positions, against the 95 ceasefire breaches and over 900 shootings reported in the previous week.",
 [dict(kind=OTHER, cv=150),
  dict(kind=SHOT, count=1300, qual="more than"),
  dict(kind=OTHER, cv=95, opt=True),
  dict(kind=SHOT, count=900, opt=True)]),
# https://www.kxan36news.com/armenia-destroyed-azeri-tank (Azerbaijan's Defence Ministry, 16 July 2020, the Tovuz border)
("U14", "2020-07-16",
 "\"Divisions of the Armenian Armed forces using large-caliber machine guns, sniper rifles, 60-, 82 \u2013 and 120-mm "
 "mortars and other artillery, during the day violated the ceasefire regime in various directions of the front 89 "
 "times\".\n"
 "In particular, according to the defense Department, the positions of Azerbaijani army in the village Munjuglu border of "
 "Tovuz district and in the villages Karaveliler, Zamanly and at the nameless heights in the Gadabay region were fired "
 "from the territory of neighboring Berd and Chambarak regions of Armenia.",
 [dict(kind=OTHER, cv=89),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, opt=True)]),
# https://azatutyun.am/amp/32817482.html (RFE/RL's Armenian Service, Tuesday 13 February 2024, Nerkin Hand)
("U15", "2024-02-13",
 "Armenia\u2019s Defense Ministry said its outposts around the border village of Nerkin Hand in southeastern Syunik "
 "province were targeted for four hours. The gunfire stopped at 9:30 a.m., it said in a statement.\n"
 "The head of the village administration, Khachatur Baghdasarian, told RFE/RL\u2019s Armenian Service that he heard "
 "intense gunshots at around the same time.",
 [dict(kind=OTHER, opt=True),
  dict(kind=SHOT, opt=True)]),
# https://www.asbarez.com/syunik-residents-report-nightly-gunfire-from-azerbaijan (Asbarez, residents of Syunik; the
# date is not on the stored page: 2025)
("U16", "2025-03-25",
 "\u201cFive nights of continuous artillery fire, starting at 10:20 until 5:30 in the morning. The people are in a "
 "panic, red bullets are passing over the village, the people are scared,\u201d Soghomonyan told Azatutyun.",
 [dict(kind=OTHER, weapon="artillery", opt=True),
  dict(kind=PIF, opt=True)]),
# http://www.dawn.com/news/1195381 (Dawn, Monday 20 July 2015, the Pakistani army's spokesman; Eid was Saturday 18 July)
("U17", "2015-07-20",
 "\u201cIndian troops resorted to unprovoked firing using small arms, rockets, mortars and heavy machinegun on LoC in "
 "Nezapir sector on the Eid Day,\u201d a military spokesman said, adding that Indian troops opened fire on a front of 11 "
 "kilometres at Rawalakot (Nezapir) - Poonch sector along the LoC at 1.35pm on Saturday which continued intermittently "
 "for five hours.",
 [dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://gulfnews.com/world/mena/un-says-clashes-in-golan-have-intensified-1.1222690 (Gulf News, Tuesday 20 August 2013,
# the UN on the UNDOF area; "since August 17")
("U18", "2013-08-20",
 "Meanwhile, Israeli forces returned fire on Saturday after Syrian shells fell on a part of the Golan occupied by Israeli "
 "troops.",
 [dict(kind=IMP, time=("within", "17 00:00", "18 00:00")),
  dict(kind=OTHER, opt=True)]),
# https://jewishpress.com/news/breaking-news/idf-destroyed-firing-post-inside-syria-warns-un-of-escalation/2013/03/24
# (The Jewish Press, Sunday 24 March 2013, an UNDOF report as the paper told it)
("U19", "2013-03-24",
 "The report states that the Syrian army has been moving equipment and weapons into the zone. [...] which also cites a "
 "reported Syrian gunfire at Israeli territory: a shell landed inside Israel in late February but failed to explode.",
 [dict(kind=IMP, count=1, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://www.libyanexpress.com/un-condemns-attacks-on-tripolis-mitiga-airport-says-will-file-it-to-icc/ (Libyan Express,
# UNSMIL's statement on the attack of 1 September 2019)
("U20", "2019-09-01",
 "\u201cThe mission was able to confirm that four projectiles struck the civilian parts of the airport; three projectiles "
 "landed in the parking lot and one hit the runway resulting in damage to an airplane that had carried dozens of "
 "pilgrims returning from the Hajj.\u201d It added.\n"
 "This is the seventh occasion since the end of July 2019 that Mitiga airport was hit by indiscriminate shelling.",
 [dict(kind=IMP, count=4),
  dict(kind=IMP, count=3, opt=True),
  dict(kind=IMP, count=1, opt=True),
  dict(kind=IMP, opt=True)]),
# https://almarsad.co/en/2019/08/15/ghassan-salame-urges-international-community-to-work-towards-a-permanent-ceasefire/
# (Al Marsad, UNSMIL's statement of Wednesday 14 August 2019 on the Eid truce)
("U21", "2019-08-14",
 "\u201cIn the morning hours of 11 August, tank and artillery fire was reported in the Salah al-Din area. Later in the "
 "morning, three Grad rockets were fired indiscriminately from southern Tripoli towards Mitiga Airport; two rockets "
 "impacted the airport causing material damage to the runway, which forced a temporary halt to air operations; and one "
 "rocket hit a residential building in the adjacent neighbourhood, injuring four civilians.\u201d",
 [dict(kind=OTHER, opt=True),
  dict(kind=UND, count=3, time=("within", "11 00:00", "11 12:00")),
  dict(kind=IMP, count=2, time=("within", "11 00:00", "11 12:00")),
  dict(kind=IMP, count=1, time=("within", "11 00:00", "11 12:00"))]),
# https://www.libyanexpress.com/mitiga-airport-suspends-flights-until-further-notice-after-haftars-foces-target-it-with-six-grad-missiles/
# (Libyan Express, Thursday 23 January 2020, the GNA forces' spokesman)
("U22", "2020-01-23",
 "Mohammed Gununu, the spokesman for the forces of the UN-recognized Government of National Accord (GNA), said in a "
 "statement that Haftar\u2019s forces bombed the airport with six Grad missiles. [...]\n"
 "But reports said on Tuesday that forces loyal to Haftar once again violated the fragile ceasefire with the "
 "UN-recognized government, firing mortar shells on southern areas of the capital.",
 [dict(kind=UND, count=6),
  dict(kind=IMP, weapon="mortar", opt=True)]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1800-kyiv-time-14-october-2014/?amp=1
# ("Latest from", as of 18:00, 14 October 2014)
("U23", "2014-10-14",
 "Civilians were killed and injured in an artillery attack on a village north-east of Mariupol. Ukrainian soldiers "
 "attempting to relieve a surrounded Ukrainian military checkpoint north-west of Luhansk city were killed and injured "
 "when they were ambushed by irregular armed forces. Upon receipt of information suggesting that a Ukrainian military "
 "checkpoint (CP) between Khoroshe and Smile (approximately 40km north-west of Luhansk city) was under attack, the SMM "
 "contacted the Joint Control and Co-ordination Centre in Debaltseve (72km north-east of Donetsk city) at 10:30hrs to "
 "draw their attention to the alleged events.",
 [dict(kind=OTHER, weapon="artillery", opt=True),
  dict(kind=OTHER, opt=True)]),
]

# --- batch V: gathered after U's fixes (f4258ac), held out: measured once on the branch ---------------------------------
# Another genre mix: UNIFIL in the Secretary-General's reports on resolution 1701, Yemen's pro-government sources on
# Hodeidah, the LPR militia's spokesman as TASS and DONi copied him, the Russian Defence Ministry's Karabakh bulletins.
BATCH_V: list[Item] = [

# https://reliefweb.int/report/lebanon/implementation-security-council-resolution-1701-2006-during-period-19-june-2021-25
# (S/2021/953, paragraph 3)
("V01", "2021-07-20",
 "On 20 July, UNIFIL detected two rockets launched from north-west of Qulay\u2018ah (Sector West) towards Israel, followed "
 "by seven 155 millimetre (mm) artillery rounds fired from south of the Blue Line towards an area north-east of Naqurah "
 "(Sector West). Shortly thereafter, the Israel Defense Forces confirmed to UNIFIL that two rockets had been launched "
 "from Lebanon, one of which had been intercepted by the Iron Dome air defence system, while the second fell in an open "
 "area inside Israel, and that the Israel Defense Forces responded with artillery fire towards Lebanon.",
 [dict(kind=UND, count=2, weapon="rocket", time=("within", "20 00:00", "21 00:00")),
  dict(kind=UND, count=7, weapon="artillery", time=("within", "20 00:00", "21 00:00")),
  dict(kind=UND, count=2, weapon="rocket", opt=True),
  dict(kind=AIR, count=1, opt=True),
  dict(kind=IMP, count=1, opt=True),
  dict(kind=OTHER, weapon="artillery", opt=True)]),
# https://reliefweb.int/report/lebanon/implementation-security-council-resolution-1701-2006-during-period-19-february-20-june-2022-report-secretary-general-s2022556-enar
# (S/2022/556, paragraph 2)
("V02", "2022-04-25",
 "On 25 April, UNIFIL radar detected one rocket launched from an area northeast of Qulaylah (Sector West), which landed "
 "south-east of the Israeli village of Shlomi. The Israel Defense Forces responded by firing approximately 50 155-mm "
 "artillery shells, which landed in Wadi Hamul and areas north of Alma al-Sha\u2018b (Sector West).",
 [dict(kind=IMP, count=1, weapon="rocket", time=("within", "25 00:00", "26 00:00")),
  dict(kind=IMP, count=50, qual="about", weapon="artillery")]),
# https://docslib.org/doc/10749343/security-council-distr-general-13-july-2021 (S/2021/650, paragraph 2)
("V03", "2021-05-13",
 "On 13 May, UNIFIL personnel stationed near Qulaylah and at UNIFIL headquarters in Naqurah (both Sector West) heard "
 "four loud sounds consistent with the firing of rockets and observed two flashes in the sky. Subsequently, the Israel "
 "Defense Forces confirmed to UNIFIL that several rockets fired from Lebanon had landed in Israeli waters.",
 [dict(kind=OUT, count=4, weapon="rocket", time=("within", "13 00:00", "14 00:00")),
  dict(kind=OTHER, count=2, opt=True),
  dict(kind=IMP, qual="several", weapon="rocket", opt=True)]),
# https://reliefweb.int/report/lebanon/implementation-security-council-resolution-1701-2006-during-period-21-june-20-october-2023-report-secretary-general-s2024222-enarruzh
# (S/2024/222, paragraph 2; the report's date is a guess: March 2024)
("V04", "2024-03-11",
 "From 21 October to 20 February, the United Nations Interim Force in Lebanon (UNIFIL) recorded 8,918 trajectories of "
 "projectiles fired in both directions across the Blue Line. Of these trajectories, 7,948 were fired from south of the "
 "Blue Line and 978 from north of the Blue Line. Each trajectory potentially included multiple projectiles.",
 [dict(kind=UND, count=8918, opt=True),
  dict(kind=UND, count=7948, opt=True),
  dict(kind=UND, count=978, opt=True)]),
# https://www.thenationalnews.com/world/mena/government-forces-report-repeated-houthi-ceasefire-violations-in-hodeidah-1.805115
# (The National, Friday 21 December 2018, pro-government military sources)
("V05", "2018-12-21",
 "\"The Houthi militia pounded sites controlled the Amalikah First Brigade in the mills area east of Hodeidah city with "
 "artillery and mortars at noon, killing two soldiers and injuring 10,\" a military source said.\n"
 "\"The Houthi militia also attacked military sites controlled by the Amalikah Second Brigade in Kilo 16 area east of "
 "the city using Katyusha rockets, killing two soldiers and wounding four others,\" the source said.\n"
 "[...] \"Eighty-nine violations committed by the Houthi militia against our forces and civilians over all the "
 "battlefronts in Hodeidah,\" he told The National on Thursday.",
 [dict(kind=OTHER, opt=True),
  dict(kind=UND, weapon="rocket", opt=True),
  dict(kind=OTHER, cv=89)]),
# https://borneobulletin.com.bn/2019/07/houthi-fired-shells-land-residential-areas-yemens-hodeidah/ (Xinhua via the
# Borneo Bulletin, July 2019; the day is not on the stored page)
("V06", "2019-07-15",
 "The pro-government military official, who preferred to be unnamed, said that heavy Houthi artillery shelling "
 "targetted several houses in Mundhar residential area located to the south of Hodeidah city, causing injuries and "
 "damages in the area.\n"
 "Some of the artillery shells landed on a house and destroyed it, causing also severe damages to other houses located "
 "in the same area, he said.",
 [dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=IMP, weapon="artillery")]),
# https://www.pressreader.com/saudi-arabia/arab-news/20201130/281852941132054 (Arab News, Monday 30 November 2020)
("V07", "2020-11-30",
 "Mortar shelling by the Iranbacked Houthis on Sunday killed eight civilians including four children and four women, in "
 "the western province of Hodeidah, residents and local officials said.\n"
 "A mortar fired by the Houthis struck a house in Al- Qazeh village, in Hodeidah\u2019s Durihimi district, killing eight "
 "civilians and critically wounding seven more, including four children and three women from the same extended family, "
 "Fuad Maki, Durihimi\u2019s director told Arab News.",
 [dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=IMP, count=1, weapon="mortar", time=("within", "29 00:00", "30 00:00"))]),
# https://www.middleeasteye.net/news/rival-sides-trade-blame-overnight-shelling-rattles-hodeidah-truce (Middle East Eye,
# Wednesday 19 December 2018)
("V08", "2018-12-19",
 "Mohammed Abdul Rahim, a resident of Hodeidah's al-Rabasah area, said he heard some shelling and missiles on Tuesday "
 "evening, but the fighting was far less than usual.\n"
 "The United Arab Emirates news agency WAM quoted a Yemeni source as saying the Houthis fired mortar bombs and rockets at "
 "the 22 May Hospital in the eastern suburbs.",
 [dict(kind=UND, opt=True, time=("within", "18 12:00", "19 00:00")),
  dict(kind=UND, opt=True, time=("within", "18 00:00", "20 00:00"))]),
# http://tass.com/world/976329 (TASS, Saturday 18 November 2017, the LPR militia's spokesman)
("V09", "2017-11-18",
 "Units of the Ukrainian military over past 24 hours fired on territory of the self-proclaimed Lugansk People\u2019s "
 "Republic (LPR) more than 250 shells and mines, the militia\u2019s spokesman Andrei Marochko told Luganskinformcenter on "
 "Saturday.\n"
 "\"Under fire were positions of our units in Kalinovo, Sokolniki, Zhelobok, Dolgoye, Prishib and Logvinovo,\" he said. "
 "\"The Ukrainian Armed Forces used 120 and 82mm mortars, weapons of infantry fighting vehicles, antiaircraft systems, "
 "grenade launchers and small arms.\"\n"
 "[...] Earlier on Saturday, the republic\u2019s defense authority reported the Ukrainian military twelve times had "
 "violated ceasefire within 24 hours.",
 [dict(kind=IMP, count=250, qual="more than"),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=OTHER, cv=12)]),
# https://donetsknewsinternational.wordpress.com/2017/02/27/lugansk-comes-under-fire/ (DONi, Monday 27 February 2017)
("V10", "2017-02-27",
 "Kiev military launched almost 400 projectiles and mortar-shells on the territory of the Lugansk People\u2019s Republic "
 "(LPR), the LPR Defense Establishment Official Representative, Lieutenant-colonel Andrei Marochko reported on Monday.\n"
 "[...] Besides, Marochko reminded that over the past 24 hours Ukrainian military had violated the ceasefire regime "
 "seventeen times.\n"
 "\u201cDespite the agreements signed in Minsk the Armed Forces of Ukraine (AFU) applied 122mm artillery, mortars of "
 "120mm and 82mm caliber, IFVs, grenade launchers and small arms. Altogether, onto the territory of the Republic there "
 "were launched 390 projectiles and mortar-shells,\u201d specified Marochko.",
 [dict(kind=IMP, count=400),
  dict(kind=OTHER, cv=17),
  dict(kind=OTHER, opt=True),
  dict(kind=IMP, count=390, opt=True)]),
# https://www.geopolitica.ru/en/news/luhansk-peoples-republic-kiev-shoot-civilians-using-mortars (Wednesday 16 May 2018,
# the LPR's representative)
("V11", "2018-05-16",
 "The Armed Forces of Ukraine (AFU) shelled today the village of Malaya Vergunka near Lugansk, told Lieutenant Colonel "
 "Andrei Marochko, the official representative of the Lugansk People's Republic (LPR).\n"
 "\"Today, they used the mortar (120 mm caliber) to attack Malaya Vergunka,\" he told.\n"
 "It is also known that in the past 24 hours the Ukrainian side has fired at the positions of the People's Militia at "
 "least 6 times.",
 [dict(kind=UND, opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, cv=6)]),
# https://tass.com/world/1675049 (TASS, 14 September 2023, the Russian Defence Ministry's bulletin on Karabakh)
("V12", "2023-09-14",
 "\"Two ceasefire violations were recorded. No casualties occurred in the Martakert District, and one serviceman of an "
 "armed formation of Nagorno-Karabakh was wounded as a result of shelling in the Martuni District. The command of the "
 "Russian peacekeeping contingent together with the Azerbaijani and Armenian sides is conducting an investigation into "
 "these incidents,\" the bulletin said.",
 [dict(kind=OTHER, cv=2)]),
# https://en.vestikavkaza.ru/news/Peacekeepers-urge-to-observe-ceasefire-in-Nagorno-Karabakh.html (Vestnik Kavkaza, the
# Russian peacekeepers' headquarters; the date is not on the stored page)
("V13", "2021-11-20",
 "According to him, shooting from automatic small arms took place in the Khojavend district.",
 [dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://myboxingnews.com/an-unknown-sniper-fired-at-a-russian-azerbaijani-patrol-in-karabakh/ (the Russian Defence
# Ministry, 2 October 2023)
("V14", "2023-10-02",
 "\u201cAn unknown person fired at a joint Russian-Azerbaijani patrol with sniper weapons. There were no casualties. "
 "[...]\u201d the department clarified.\n"
 "The Ministry of Defense also noted that, under the control of Russian peacekeepers, by October 2, 76 armored "
 "vehicles, 92 military vehicles, 111 air defense systems, more than 6,300 small arms and anti-tank weapons, about 14.4 "
 "million ammunition, as well as 95 field artillery pieces, MLRS were handed over in Nagorno-Karabakh by October 2 and "
 "mortars.",
 [dict(kind=OTHER, opt=True)]),
# https://egypt-today.com/en/amp/36/ukrainian-forces-shell-lpr-territory-8-times-over-last-24-hours-072743 (TASS via Egypt
# Today, a Tuesday; the date is not on the stored page)
("V15", "2018-10-02",
 "Ukrainian forces have shelled the territory of the self-proclaimed Lugansk People's Republic (LPR) eight times over the "
 "last 24 hours, LPR's defense ministry said on Tuesday.\n"
 "\"Parts of the settlements of Donetsky, Kalinovo, Kalinovka, Kalinon-Borschevatoye, Zhelobok and Prishib came under "
 "fire,\" LuganskInformCenter quoted a member of LPR people's military as saying. Ukrainian forces used mortars of 120mm "
 "and 82mm caliber, weapons on armored vehicles, mounted anti-tank grenade launchers, automatic grenade launchers and "
 "heavy machine guns.",
 [dict(kind=OTHER, cv=8),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, opt=True)]),
]
