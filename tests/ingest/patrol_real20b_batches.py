"""Session 20 (patrol20b): a held-out batch of REAL monitoring-mission and party text that earlier sessions did not use.

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the stored public page noted above it; the date is the report's day where it is known, else the page's (or a guess from
the page: then no item's time depends on it). Fields and conventions as in ``patrol_real20_batches`` (a party's tally
of "ceasefire violations" is ``cv``; rounds a party says landed / hit / exploded on a place are impacts; rounds only
said to be fired, or fired "towards" a place, undetermined; a weapon named without a number is an optional record; a
restatement of fire already counted is optional).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch S: gathered before patrol20b's leftovers were fixed, measured once on the branch after them ------------------
BATCH_S: list[Item] = [

# https://sputniknews.com/europe/201704161052682779-truce-baku-karabakh-violations/ (Sputnik, 16 April 2017, Azerbaijan's
# Defence Ministry)
("S01", "2017-04-16",
 "\u201cThe Defense Ministry says that Armenian armed forces using heavy machine guns violated the ceasefire regime "
 "across the contact line 120 times in last 24 hours,\" the statement said.",
 [dict(kind=OTHER, cv=120),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True)]),
# http://www.xebersaati.com/news/29270-armenians-break-ceasefire-with-azerbaijan-using-machine-guns/ (Trend, 8 April
# 2017, Azerbaijan's Defence Ministry)
("S02", "2017-04-08",
 "Over the past 24 hours, Armenian Armed Forces have 120 times violated the ceasefire along the line of contact between "
 "Azerbaijani and Armenian troops, said Azerbaijan\u2019s Defense Ministry Apr. 8.\n"
 "The Armenian army was using large-caliber machine guns.\n"
 "The Azerbaijani army positions located in the Gushchu Ayrim, Gaymagli and Bala Jafarli villages of Azerbaijan\u2019s "
 "Gazakh district underwent fire from the Armenian army positions located on nameless heights of the Noyemberyan "
 "district and in the Vazashen village of the Ijevan district of Armenia.",
 [dict(kind=OTHER, cv=120),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True),
  dict(kind=UND, opt=True)]),
# https://yn.am/?index&p=79065&l=am (Yerkir, the Nagorno-Karabakh Defence Army's statement of the week 2 to 8 July; the
# year is not on the stored page: 2016, "since four-day war in April")
("S03", "2016-07-08",
 "Overall, Azerbaijani side violated ceasefire over 300 times using 60, 82 and 120 mm mortars as well as D44 guns along "
 "the line of contact.\n"
 "On July 4 Azerbaijani armed forces used 122 mm howitzer D30 and TR-107 reactive rocket propelled howitzers in the "
 "southern direction for the first time since four-day war in April.",
 [dict(kind=OTHER, cv=300),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, weapon="artillery", opt=True, time=("within", "04 00:00", "05 00:00"))]),
# https://en.aravot.am/2016/12/27/186438 (Aravot, 27 December 2016, the NKR Defence Ministry)
("S04", "2016-12-27",
 "Overnight December 26-27, the adversary violated the ceasefire along the Line of Contact between Nagorno Karabakh and "
 "Azerbaijan more than 70 times firing over 850 shots towards the Armenian frontier troops from weapons of different "
 "calibers. As the Press Service of the NKR Defense Ministry reports in a released statement, Azerbaijani forces also "
 "applied 60mm mortar (1shell) in the southern direction (Hadrut).",
 [dict(kind=OTHER, cv=70),
  dict(kind=SHOT, count=850, qual="more than"),
  dict(kind=UND, count=1, weapon="mortar")]),
# https://news.am/eng/print/news/390943.html (News.am, the Artsakh Defence Ministry; the date is not on the stored page)
("S05", "2017-02-03",
 "According to the statement, the video surveillance systems installed at the Artsakh Defense Army frontline captured "
 "how the adversary, according to the preliminary information, opened fire from 60 mm mortars\u2014in between 12:15 to "
 "12:19pm and 1:32-1:36pm\u2014 at its own positions in the direction of Seysulan-Yarimja section of the contact line, as "
 "a result of which explosions occurred in the mentioned sections.",
 [dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=IMP, weapon="mortar", opt=True)]),
# http://licunmonitor.blogspot.com/2015/12/ (UNIFIL's statement "Rocket fire from southern Lebanon", 20 December 2015)
("S06", "2015-12-20",
 "This evening shortly after 17:30 hrs, UNIFIL radars detected three rockets fired from the general area of Al Hinniyah "
 "in southern Lebanon towards Israel. The IDF informed UNIFIL that two rockets had impacted in northern Israel, and a "
 "third fell in the sea.\n"
 "The IDF retaliated with approximately eight rounds of 120mm mortar fire that impacted near Zibqin in southern Lebanon.",
 [dict(kind=UND, count=3, weapon="rocket"),
  dict(kind=IMP, count=2, weapon="rocket"),
  dict(kind=IMP, count=1, opt=True),
  dict(kind=IMP, count=8, qual="about", weapon="mortar")]),
# https://peacekeeping.un.org/en/unifil-statement-rocket-fire-4-august-2021 (UNIFIL, 4 August 2021)
("S07", "2021-08-04",
 "Just after noon today, UNIFIL received reports that at least two rockets had been fired from Lebanon towards Israel.\n"
 "The IDF confirmed the reports and responded with artillery fire.",
 [dict(kind=UND, count=2, weapon="rocket", opt=True),
  dict(kind=UND, weapon="artillery", opt=True)]),
# https://research.uaposition.com/osce/latest-from-osce-special-monitoring-mission-smm-to-ukraine-based-on-information-received-as-of-1930hrs-8-january-2016
# ("Latest from", as of 19:30, 8 January 2016)
("S08", "2016-01-08",
 "The SMM observed a calm situation at and around the destroyed \u201cDPR\u201d-controlled Donetsk airport (12km "
 "north-west of Donetsk). Positioned 6km north-west of Donetsk city centre between 9:00 and 14:20hrs[1], the SMM did not "
 "observe any ceasefire violations.",
 []),
# http://zeenews.india.com/jammu-and-kashmir/jammu-and-kashmir-pakistan-violates-ceasefire-in-poonch-sector-2156952.html
# (Zee News, the Indian side via ANI; the date is not on the stored page: 2019)
("S09", "2019-08-20",
 "Pakistani troops once again violated the ceasefire along the Line of Control (LoC) in in Jammu and Kashmir's Poonch "
 "sector on Tuesday.\n"
 "\u201cThree shells have landed near Poonch brigade headquarters,\u201d reported news agency ANI.",
 [dict(kind=UND, opt=True),
  dict(kind=IMP, count=3)]),
# https://www.dailynewsegypt.com/2013/05/06/rockets-fired-from-syria-fall-in-israel-occupied-golan/ (AFP via Daily News
# Egypt, 6 May 2013, a Monday, the Israeli army)
("S10", "2013-05-06",
 "Two rockets fired from Syrian territory exploded inside the Israeli-occupied Golan Heights on Monday, without causing "
 "casualties or damage, an Israeli army spokeswoman said.\n"
 "The rockets exploded in a field near the ceasefire line in the southern Golan, she added.",
 [dict(kind=IMP, count=2, weapon="rocket", time=("within", "06 00:00", "07 00:00")),
  dict(kind=IMP, weapon="rocket", opt=True)]),
# http://www.jewishpress.com/news/breaking-news/undof-troops-pull-out-of-syria-head-for-israel/2014/09/15/ (The Jewish
# Press, Monday 15 September 2014, the IDF)
("S11", "2014-09-15",
 "Early Monday morning, a rocket fired from the Syrian side of the Quneitra border crossing between Syria and Israel "
 "landed in northern Israel. The rocket exploded in an open area at about 6 am; no physical injuries were reported.",
 [dict(kind=IMP, count=1, weapon="rocket", time=("within", "15 00:00", "15 12:00")),
  dict(kind=IMP, weapon="rocket", opt=True)]),
# https://israelnationalnews.com/news/231809 (Israel National News, Thursday 29 June 2017)
("S12", "2017-06-29",
 "On Sunday, several mortar shells exploded in an open area in the northern Golan Heights. Israel later retaliated by "
 "attacking two Syrian artillery pieces and an ammunition truck on the Syrian side of the northern Golan Heights.\n"
 "On Monday, mortar fire from Syria struck Israel, sparking fires in the northern Golan Heights.\n"
 "And on Wednesday, a mortar shell from Syria landed on the Golan Heights.",
 [dict(kind=IMP, weapon="mortar", time=("within", "25 00:00", "26 00:00")),
  dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=IMP, count=1, weapon="mortar", time=("within", "28 00:00", "29 00:00"))]),
# https://www.dawn.com/news/1432073/ajk-man-killed-in-unprovoked-firing-by-indian-troops-along-loc (Dawn, Monday; the
# date is not on the stored page: September 2018, "succumbed … on Sept 9")
("S13", "2018-09-17",
 "A man in Bhimber district of Azad Jammu and Kashmir (AJK) died after being hit by a mortar shell fired by the Indian "
 "army from across the Line of Control (LoC), an official said on Monday.\n"
 "\u201cThe shell landed in the courtyard of the house, leaving 39-year-old Guftar Hussain dead on the spot,\" said Senior "
 "Superintendent of Police (SSP) Bhimber Chaudhry Zulqarnain Sarfraz.\n"
 "In the last such incident, Indian troops had fired a rocket in Nadheri village of Kotli district's Goi sector on "
 "September 3, leaving a man critically wounded.",
 [dict(kind=IMP, count=1, weapon="mortar"),
  dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=UND, count=1, weapon="rocket", time=("within", "03 00:00", "04 00:00"))]),
# https://campusreporter.co.in/?p=7821 (Campus Reporter, the Indian side; the date is not on the stored page)
("S14", "2016-11-02",
 "In yet another incident of ceasefire violation along the Line of Control, Paksitani troops on Wednesday morning "
 "resorted to intense mortar shelling in Balakote and Shahpur areas of Poonch district.\n"
 "The shelling, which started around 8 am, was continuing at frequent intervals when reports last came in. The Indian "
 "army retaliated. Though mortar shells from Pakistan side also fell in residential areas at Sandote and Behrote in "
 "Balakote sector, there had been no loss of life or property so far.",
 [dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=IMP, weapon="mortar", opt=True)]),
# http://www.deccanherald.com/content/637471/pak-violates-ceasefire-along-loc.html (Deccan Herald, 13 October 2017; the
# Thursday is 12 October)
("S15", "2017-10-13",
 "An army official said Pakistani troops resorted to heavy shelling and firing on Indian forward areas and border hamlets "
 "in KG sector from 10:35 am on Thursday which was strongly and effectively retaliated by the Indian army. \u201cIn the "
 "exchange of fire, one Army jawan and a civilian porter working with the Army were killed,\u201d he said.",
 [dict(kind=UND, opt=True)]),
]

# --- batch T: gathered after S's fixes (81c3a91), held out: measured once on the branch ----------------------------------
BATCH_T: list[Item] = [

# https://azertag.az/en/xeber/Azerbaijans_Defense_Ministry_Armenian_armed_units_violated_ceasefire_90_times-1160695
# (AZERTAC, 8 May; the year is not on the stored page)
("T01", "2018-05-08",
 "Azerbaijan`s Defense Ministry has said the Armenian armed forces continue to violate the ceasefire regime. \"The "
 "Azerbaijani armed forces came under fire from large-caliber machine guns 90 times throughout the day,\" the ministry "
 "said in a statement.",
 [dict(kind=OTHER, cv=90),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True)]),
# http://tass.com/world/873728 (TASS, Wednesday 4 May 2016, Azerbaijan's Defence Ministry)
("T02", "2016-05-04",
 "The Armenian armed forces have violated the ceasefire 120 times on various sections of the frontline over the past 24 "
 "hours using, in particular, 60mm mortars, Azerbaijan\u2019s Defense Ministry said on Wednesday.\n"
 "According to it, the Armenian side shelled the Azerbaijani army positions located in populated localities and on the "
 "hills along the border between the two counties and in the areas adjacent to Nagorno-Karabakh.",
 [dict(kind=OTHER, cv=120),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2532021-issued-28-october
# (Daily Report 253/2021, information as of 19:30, 27 October 2021)
("T03", "2021-10-27",
 "In Donetsk region, the Mission recorded 681 ceasefire violations, including 192 explosions. In the previous reporting "
 "period, it recorded 435 ceasefire violations in the region.\n"
 "In Luhansk region, the SMM recorded 103 ceasefire violations, including four explosions. In the previous reporting "
 "period, it recorded 20 ceasefire violations in the region.",
 [dict(kind=UND, count=192, cv=681, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=435, opt=True),
  dict(kind=UND, count=4, cv=103, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=20, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-2302021-issued-1-october
# (Daily Report 230/2021, information as of 19:30, 30 September 2021)
("T04", "2021-09-30",
 "In Donetsk region, the Mission recorded 250 ceasefire violations, including 93 explosions. In the previous reporting "
 "period, it recorded 15 ceasefire violations in the region.\n"
 "In Luhansk region, the SMM recorded 47 ceasefire violations, including 40 explosions. In the previous reporting period, "
 "it recorded 28 ceasefire violations in the region.",
 [dict(kind=UND, count=93, cv=250, region="Donetsk", placed=False),
  dict(kind=OTHER, cv=15, opt=True),
  dict(kind=UND, count=40, cv=47, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=28, opt=True)]),
# https://reliefweb.int/report/ukraine/osce-special-monitoring-mission-ukraine-smm-daily-report-1442021-issued-23-june-2021
# (Daily Report 144/2021, information as of 19:30, 22 June 2021)
("T05", "2021-06-22",
 "In Luhansk region, the Mission recorded 89 ceasefire violations, including 24 explosions. In the previous reporting "
 "period, it recorded 36 ceasefire violations in the region.\n"
 "Small-arms fire was assessed as directed at an SMM mini-unmanned aerial vehicle (UAV) near non-government-controlled "
 "Kalynove-Borshchuvate, Luhansk region.",
 [dict(kind=UND, count=24, cv=89, region="Luhansk", placed=False),
  dict(kind=OTHER, cv=36, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://www.jpost.com/defense/stray-mortar-shells-fired-from-syria-land-in-golan-305071 (The Jerusalem Post, the IDF;
# the date is not on the stored page: 2013)
("T06", "2013-03-30",
 "Four stray mortar shells fired from Syria landed in the Israeli Golan Heights on Saturday, the IDF confirmed. The "
 "rockets fell in an open field near the border and no injuries or damage were reported, the IDF Spokesman's Office "
 "stated.\n"
 "On Wednesday, the IDF found a Syrian tank shell that strayed into Israel and landed near the village of Alonei Habshan "
 "in the Golan Heights.",
 [dict(kind=IMP, count=4, weapon="mortar"),
  dict(kind=IMP, opt=True),
  dict(kind=IMP, count=1, weapon="tank")]),
# http://jpost.com/Arab-Israeli-Conflict/Air-raid-sirens-sound-in-the-Golan-Heights-IDF-investigating-399418 (The
# Jerusalem Post, the IDF; the date is not on the stored page)
("T07", "2015-04-28",
 "Two projectiles fired from Syria struck the Golan Heights on Tuesday, triggering air raid sirens.The IDF said the "
 "mortar shells were stray projectiles fired in the course of battles between Assad regime forces and rebel "
 "organizations in southern Syria. The shells failed to cause injury or damage.",
 [dict(kind=IMP, count=2),
  dict(kind=UND, weapon="mortar", opt=True)]),
# https://www.timesofisrael.com/siren-warning-of-incoming-rocket-fire-sounds-in-golan-heights/ (The Times of Israel,
# Friday 21 April 2017, the day of the US Defense Secretary's visit)
("T08", "2017-04-21",
 "Three mortar shells fired from Syria landed in the Golan Heights on Friday evening, causing neither injury nor damage.\n"
 "Two projectiles were discovered in an open area in the northern Golan Heights, after having triggered sirens in the "
 "Golan Regional Council.\n"
 "The sirens rang moments after a mortar shell landed in another open area, also in the northern Golan Heights.",
 [dict(kind=IMP, count=3, weapon="mortar", time=("within", "21 12:00", "22 00:00")),
  dict(kind=IMP, count=2, opt=True),
  dict(kind=IMP, count=1, weapon="mortar", opt=True)]),
# http://www.israelnationalnews.com/News/Flash.aspx/263351 (Israel National News, Saturday 2 March 2013, the army via AFP)
("T09", "2013-03-02",
 "Mortar rounds believed to be have been fired from Syria hit the southern Golan Heights on Saturday without causing "
 "damage or casualties, the army said.\n"
 "\"Several shells landed and were found in an open area in the southern Golan Heights, most likely due to the fighting "
 "in Syria,\" a spokesman told AFP.",
 [dict(kind=IMP, weapon="mortar", time=("within", "02 00:00", "03 00:00")),
  dict(kind=IMP, opt=True)]),
# https://www.ynetnews.com/articles/0,7340,L-4302830,00.html (Ynet; the date is not on the stored page)
("T10", "2012-11-12",
 "Three mortar shells that were fired from Syria hit near the northern Israeli territory. One fell near the town of "
 "Alonei HaBashan, while another hit near the border fence. No injuries were reported.",
 [dict(kind=IMP, count=3, weapon="mortar"),
  dict(kind=IMP, count=1, opt=True),
  dict(kind=IMP, count=1, opt=True)]),
# https://stljewishlight.org/news/world-news/syrian-mortar-shells-hit-israeli-territory/ (JTA via the St. Louis Jewish
# Light; the date is not on the stored page)
("T11", "2013-04-02",
 "Three Syrian mortar shells hit Israeli territory in the Golan Heights.\n"
 "The shells landed near the border fence with Syria early on Tuesday morning. No damages or injuries were reported.",
 [dict(kind=IMP, count=3, weapon="mortar"),
  dict(kind=IMP, opt=True)]),
]
