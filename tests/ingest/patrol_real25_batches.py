"""Session 25 (patrol25): held-out batches of REAL monitoring-mission and party text that earlier sessions did not use:
the ATO staff's spokesman and press centre (2015-2016), the "DPR" office at the JCCC and the LPR militia as TASS, DAN and
Sputnik translated them (2018-2023), the JFO commander's count of the harvest ceasefire (2019), Azerbaijan's Defence
Ministry (2020-2021), the IDF on rockets and mortars from Gaza as The Times of Israel and JerusalemOnline told it
(2018-2019), UNMISS in Bentiu (2014), UNFICYP's shootings in the buffer zone (1993-1996), the OSCE and South Ossetia's
claims on the Georgian boundary (2008-2010): batch AC. A held-out batch AD of another mix, gathered after AC's fixes: the
IDF on Gaza in KTLA, The Times of Israel and the ITIC (2009-2014), UNFICYP in the Secretary-General's report of 1996 and
the Turkish Cypriots' statement of 2022, the LPR militia and the DPR office at the JCCC (2018-2020), NEWS.am on Tegh and
Armenia's Defence Ministry (2021-2023), UNMISS in Juba (2015) and Bentiu (2019).

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the stored public page noted above it; the date is the report's day where it is known, else the page's (or a guess from
the page: then no item's time depends on it, or the guess is said). Fields and conventions as in
``patrol_real24_batches`` (a party's tally of "ceasefire violations" — "violated the ceasefire N times", "shelled the
territory N times", "N cases of fire" — is ``cv``, a tally of the day before optional; rounds the text says landed / hit /
struck / impacted / exploded on a place, or fired onto a place, are impacts; rounds only said to be fired, or fired
"towards" / "at" a place or positions, undetermined; a weapon named without a number is otherwise an optional record;
a restatement of fire already counted is optional; rounds shot down by an air-defence system are airbursts; fire of kind
``other`` with no number and no place is invisible to the judge and so written as optional). An item with no record
expected says that nothing fired was observed; an item whose records are all optional measures only that nothing is
read wrongly (numbers of people, soldiers, ages, minutes, years are no rounds).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch AC: gathered before any change, measured once on the branch ------------------------------------------------
BATCH_AC: list[Item] = [

# https://uacrisis.org/en/32265-stelmah-ato (Ukraine Crisis Media Center, Kyiv, 28 August 2015, the ATO staff's spokesman)
("AC01", "2015-08-28",
 "\u201cOver three days, from August 25 to 27, Russian-terrorist forces violated the ceasefire 291 times,\u201d said "
 "Lieutenant Colonel Anatoly Stelmakh, the ATO Staff spokesperson, via Skype at Ukraine Crisis Media Center.\n"
 "On August 27, military clashes continued in Mariupol sector. \u201cFrom midnight to 10 a.m., militants fired at our "
 "positions three times using 122-millimeter artillery in Starohnativka,\u201d said Stelmakh.  The militants also used "
 "152 mm and 122 mm artillery and 82-millimeter mortars.\n"
 "Later on that day, militants continued escalating the conflict, said Stelmax. \u201cAt about 9 p.m. the militants fired "
 "at our positions from 122-mm artillery in Novohryhorivka and twice in Starohnativka. Near Donetsk, militants fired at "
 "Opytne from almost 10 pm until midnight using 82 and 120 mm mortars and small arms. And at 10:40 p.m, the militants "
 "fired from Grad multiple rocket launchers without hiding the presence of weapons near the boundary line,\u201d said "
 "Stelmakh.\n"
 "Also, at about half past nine in the evening and almost at midnight, militants used 122-millimeter artillery to fire "
 "upon the Avdiivka residential area from the direction of the Donetsk airport, despite the absence of Ukrainian forces "
 "in this town, emphasized Stelmakh.",
 [dict(kind=OTHER, cv=291),
  dict(kind=UND, weapon="artillery", time=("within", "27 00:00", "27 10:00")),
  dict(kind=UND, weapon="artillery", opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, weapon="artillery", time=("within", "27 20:30", "27 21:30")),
  dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=UND, weapon="mortar", time=("within", "27 21:30", "28 00:05")),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, weapon="mlrs", time=("27 22:40", "27 22:40")),
  dict(kind=IMP, weapon="artillery"),
  dict(kind=IMP, weapon="artillery", opt=True)]),
# https://www.true-news.info/in-the-area-of-ato-during-the-last-day-recorded-18-attacks-and-two-injured/ (a machine
# translation of the ATO press centre's Facebook post, a Saturday; the day is a guess, 3 September 2016, the first days of
# the "school ceasefire": no time is expected; "10 min caliber of 120 mm" is the translation's ten 120 mm mortar bombs,
# written as optional because the word is garbled)
("AC02", "2016-09-03",
 "Over the past day militants 18 times opened fire on Ukrainian positions, resulting in injuring two soldiers, \u2013 have "
 "informed in the press center of staff ATO.\n"
 "[...]\n"
 "In the area of Avdeyevka industrial zone from 17.00, and for several hours fighters fired at strong points of ATO "
 "forces from grenade launchers, heavy machine guns, small arms. In addition they fired on the positions of the APU 10 "
 "min caliber of 120 mm. the ATO Forces returned fire in response. In the result of fire opposition two Ukrainian "
 "soldiers were injured. Also cases of use by the enemy of weapons recorded in the area of the mine Butovka .\n"
 "In Mariupol direction militants with small arms tried to provoke military APU on the outskirts of Talakovka, Gnutovo, "
 "Pavlopol, Lebedinsky, Shirokino and Chermalyk.",
 [dict(kind=OTHER, cv=18),
  dict(kind=UND, weapon="grenade_launcher", opt=True), dict(kind=OTHER, weapon="heavy_machine_gun", opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, count=10, weapon="mortar", opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://dan-news.ru/en/defence/kiev-forces-fire-over-440-rounds-at-dpr-in-24-hours-jccc/ (DAN, Donetsk, 10 November;
# the year is a guess, 2017: no time is expected; "expended over rounds" is the page's)
("AC03", "2017-11-10",
 "Donetsk, Nov 10 \u2013 DAN. Ukrainian forces expended over rounds firing at DPR over the past 24 hours, the Republic\u2019s "
 "representative at the Joint Centre for Control and Coordination (JCCC) Ruslan Yakubov said.\n"
 "\u201cOver the last 24 hours, Ukrainian fired 442 rounds at the DPR,\u201d he said.\n"
 "Donetsk and Mariupol axes saw the most intense shelling, tanks guns and mortars were used.\n"
 "Earlier DPR Operations Command said 24 ceasefire violations had been recorded in 24 hours.\n"
 "The JCCC system of processing violations data differs from that of the DPR Operations Command. The JCCC counts all "
 "rounds fired, while the Operations Command records only cases involving usage of heavy weapons.",
 [dict(kind=UND, count=442),
  dict(kind=OTHER, cv=24),
  dict(kind=UND, opt=True),
  dict(kind=UND, weapon="tank", opt=True), dict(kind=UND, weapon="mortar", opt=True)]),
# http://tass.com/world/1025826 (TASS, Lugansk, Saturday 13 October 2018, the LPR militia)
("AC04", "2018-10-13",
 "LUGANSK, October 13. /TASS/. Ukrainian forces have shelled the territory of the self-proclaimed Lugansk People's "
 "Republic (LPR) four times over the last 23 hours, LPR people's militia said on Saturday.\n"
 "\"The settlements of Pervomaysk, Kalinovo, Golubovskoye and the train station Maryevka came under fire,\" "
 "LuganskInformCenter news agence quoted a spokesperson for LPR people's militia as saying. Ukrainian forces used "
 "mortars, weapons on infantry fighting vehicles and machine guns.",
 [dict(kind=OTHER, cv=4),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, weapon="mortar", opt=True), dict(kind=OTHER, weapon="ifv", opt=True),
  dict(kind=OTHER, weapon="machine_gun", opt=True)]),
# https://sputnikglobe.com/amp/20231230/donetsk-peoples-republic-shelled-by-ukraine-81-times-in-past-day-1115886037.html
# (Sputnik, Donetsk, 30 December 2023, the DPR office in the JCCC)
("AC05", "2023-12-30",
 "DONETSK (Sputnik) - Ukraine shelled the Donetsk People's Republic (DPR) 81 times over the past day, the DPR "
 "representative office in the Joint Center for Control and Coordination (JCCC) of issues related to Ukraine's war "
 "crimes said in a statement.\n"
 "\"Over the past 24 hours, the office reported 81 cases of fire by Ukrainian armed forces,\" the office wrote on "
 "Telegram.\n"
 "According to the statement, one civilian was killed and another one wounded in Gorlovka. The DPR said that the Kiev "
 "regime fired 290 rounds of various ammunition.\n"
 "In the previous day, Ukrainian troops launched 69 strikes.",
 [dict(kind=OTHER, cv=81),
  dict(kind=OTHER, cv=81, opt=True),
  dict(kind=UND, count=290),
  dict(kind=OTHER, cv=69, opt=True)]),
# https://qirim.news/en/novosti-en/since-the-beginning-of-truce-enemy-has-carried-out-more-than-500-attacks-at-our-positions-80-of-which-with-prohibited-weapons-commander-of-joined-forces-operation/
# (QHA, 16 September 2019, the JFO commander on the harvest ceasefire of 21 July)
("AC06", "2019-09-16",
 "The Commander of the Joined Forces, Lieutenant General Volodymyr Kravchenko, gave detailed statistics on the situation "
 "at the front since the beginning of the harvest ceasefire.\n"
 "[...]\n"
 "\u201cIn the early days (of ceasefire - Ed.), the number of enemy bombardment actually decreased by almost half. However, "
 "already in August, we began to record a gradual increase in the number of enemy attacks on our positions per day, in "
 "some cases, up to 20 or more. In total, since the declaration of a harvest ceasefire, the enemy has carried out more "
 "than 500 fire attacks at our positions, of which 80 are from prohibited weapons,\u201d he said.",
 [dict(kind=OTHER, cv=500, opt=True), dict(kind=OTHER, cv=80, opt=True), dict(kind=OTHER, cv=20, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://azertag.az/en/xeber/Azerbaijans_Defense_Ministry_Armenian_armed_units_violated_ceasefire_24_times-1458949
# (AZERTAC, Baku, 10 April 2020)
("AC07", "2020-04-10",
 "Baku, April 10, AZERTAC\n"
 "\u201cMilitary units of the armed forces of Armenia violated ceasefire 24 times throughout the day in various directions "
 "of the front,\u201d Azerbaijan`s Ministry of Defense said in a statement.\n"
 "\u201cArmenian armed forces, located in Shavarshavan, Voskevan villages and on nameless hills in Noyemberyan region "
 "subjected to fire the positions of the Azerbaijan Army located in Gushchu Ayrim, Ashaghi Eskipara villages and on "
 "nameless hills in Gazakh region.\u201d\n"
 "\u201cThe positions of Azerbaijan Army were also fired from the positions of Armenian military units located near the "
 "occupied Goyarkh village of Tartar region, Kuropatkino village of Khojavand region, Horadiz village of Fuzuli region, "
 "Nuzgar village of Jabrayil region, as well as from the positions located on nameless hills in Goranboy, Tartar and "
 "Khojavand regions,\u201d the ministry added.",
 [dict(kind=OTHER, cv=24),
  dict(kind=OTHER, opt=True), dict(kind=IMP, opt=True), dict(kind=OTHER, opt=True), dict(kind=UND, opt=True)]),
# https://tass.com/world/1363061 (TASS, Baku, 18 November 2021, Azerbaijan's Defence Ministry on the night before)
("AC08", "2021-11-18",
 "BAKU, November 18. /TASS/. The Armenian Armed Forces opened fire at Azerbaijani positions in the Tovuz border district "
 "late on Wednesday night, the Azerbaijani Defense Ministry said in a statement on Thursday.\n"
 "\"The Armenian Armed Forces shelled Azerbaijani positions in the Munjuglu, Aghbulag, Gosha, Kokhanebi and Asrik "
 "Jirdakhan settlements of the Tovuz region, intermittently firing in the direction of the Chinarli and Mughanjig "
 "settlements of the Shamshaddin region, between 05:54 and 10:52 pm on November 17. The shelling involved weapons of "
 "various calibers,\" the statement reads.\n"
 "According to the Azerbaijani Defense Ministry, the attacks were suppressed by return fire.",
 [dict(kind=OTHER, opt=True),
  dict(kind=IMP, time=("within", "17 17:54", "17 22:52")),
  dict(kind=UND, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://www.jerusalemonline.com/three-days-after-invoking-cease-fire-gaza-mortars-strike-israel-36041/ (JerusalemOnline,
# a Saturday three days after the ceasefire of Wednesday 30 May 2018: 2 June 2018; no time is expected)
("AC09", "2018-06-02",
 "One mortar, headed for the Eshkol Regional Council, was intercepted by Israel\u2019s Iron Dome aerial defense system. The "
 "second reportedly landed within the Gaza Strip.\n"
 "For the first time since the unofficial ceasefire between Hamas and Israel came into effect three days ago, red alert "
 "sirens were sounded this evening (Saturday) in the Eshkol Regional Council in southern Israel.\n"
 "According to the IDF Spokesperson\u2019s Unit, two rockets were fired towards Israel from the Gaza Strip, one of which was "
 "intercepted by the Iron Dome. It appears that the second rocket landed inside of the Gaza Strip.",
 [dict(kind=AIR, count=1, opt=True), dict(kind=IMP, count=1, opt=True),
  dict(kind=UND, count=2, weapon="rocket"),
  dict(kind=AIR, count=1),
  dict(kind=IMP, count=1)]),
# https://tedmontgomery.com/remarks/18.7-12/Israel/IronDome.rockets.html (a copy of The Times of Israel, 15 July 2018)
("AC10", "2018-07-15",
 "The Iron Dome anti-missile defense system downed two rockets fired from Gaza towards Israel, the IDF said early Sunday "
 "morning, hours after a ceasefire was due to go into effect to put an end to a flare-up between the Hamas terrorist "
 "group and Israel.\n"
 "The rockets had triggered warning sirens across the Eshkol Regional Council bordering on the Gaza Strip, sending tens "
 "of thousands of residents running for bomb shelters in the second night of repeated missile attacks.\n"
 "Earlier in the night, two mortar shells fired from Gaza landed in Israel. In response, the Israeli military said it "
 "\"attacked the mortar from which the shells were launched.\"\n"
 "There were no immediate reports of Palestinian injuries.",
 [dict(kind=AIR, count=2),
  dict(kind=UND, count=2, weapon="rocket", opt=True),
  dict(kind=IMP, count=2, weapon="mortar"),
  dict(kind=OTHER, opt=True), dict(kind=UND, weapon="mortar", opt=True)]),
# https://www.timesofisrael.com/idf-mortar-shell-fired-from-gaza-fails-to-clear-border/ (The Times of Israel, a Sunday;
# the day is a guess, 31 March 2019, a Sunday: the times are read from "Sunday")
("AC11", "2019-03-31",
 "Air raid sirens sounded in southern Israel on Sunday afternoon, sending residents of nearby communities rushing to bomb "
 "shelters, less than a day into a reported ceasefire between Israel and terror groups in the Strip.\n"
 "There were no reports of injuries or damage.\n"
 "The Israeli military said the sirens were triggered by the launch of a mortar shell from the Gaza Strip, which failed "
 "to clear the border and landed inside the coastal enclave.\n"
 "It marked the second round of air raid sirens of the day.\n"
 "Shortly after midnight on Sunday, five rockets were fired at southern Israel, landing in open fields in the Eshkol "
 "region, causing neither injury nor damage, officials said.\n"
 "Israel Defense Forces planes struck at Hamas posts on the border in response, though the Israeli military believed the "
 "rockets were likely launched by the Iran-backed Islamic Jihad organization.\n"
 "The alarms on Sunday afternoon, triggered at 5 p.m., sounded in a number of communities in the Sha\u2019ar Hanegev and "
 "Sdot Negev regions.",
 [dict(kind=IMP, count=1, weapon="mortar", time=("within", "31 12:00", "31 18:00")),
  dict(kind=IMP, count=5, weapon="rocket", time=("within", "31 00:00", "31 03:00")),
  dict(kind=OTHER, opt=True), dict(kind=UND, weapon="rocket", opt=True)]),
# https://www.timesofisrael.com/rocket-from-gaza-hits-open-field-in-south-no-injuries/ (The Times of Israel, Tuesday
# 2 January 2018, on "late Monday night")
("AC12", "2018-01-02",
 "Terrorists in the Gaza Strip launched a rocket at Israel late Monday night that hit an open field in the Eshkol "
 "region, Israeli officials said.\n"
 "There were no reports of injuries or damage caused by the rocket.\n"
 "[...]\n"
 "There were earlier reports of a rocket fired from Gaza that landed inside the Strip. It was not immediately clear if it "
 "was the same launch or another one.\n"
 "[...]\n"
 "There were also reports of rocket launches on Sunday that similarly fell short, an indication that they were done by "
 "smaller terrorist groups, as opposed to the larger ones that have access to better munitions.\n"
 "On Friday, terrorists in Gaza fired three mortar shells at southern Israel, apparently in an attempt to interrupt a "
 "ceremony for a fallen IDF soldiers whose remains are being held by Hamas in the coastal enclave.\n"
 "Two of them were shot down by the Iron Dome missile defense system.",
 [dict(kind=IMP, count=1, weapon="rocket", time=("within", "01 18:00", "02 03:00")),
  dict(kind=IMP, count=1, weapon="rocket", opt=True),
  dict(kind=OTHER, opt=True), dict(kind=UND, weapon="rocket", opt=True), dict(kind=IMP, weapon="rocket", opt=True),
  dict(kind=UND, count=3, weapon="mortar"),
  dict(kind=AIR, count=2)]),
# https://www.globalsecurity.org/military/library/news/2014/08/mil-140819-unnews01.htm (UN News, 19 August 2014, UNMISS)
("AC13", "2014-08-19",
 "The United Nations Mission in South Sudan (UNMISS) today condemned the live gunfire by Sudan People's Liberation Army "
 "(SPLA) soldiers near the UN base in Bentiu, that wounded a child.\n"
 "According to a statement, at approximately 9:45 am yesterday morning, 18 August, \"sustained gunfire,\" lasting for 30 "
 "minutes, was heard around the UNMISS compound in Bentiu, Unity state which houses thousands of displaced people.\n"
 "\"All indications are that the firing into the air was done in the direction of the UNMISS Bentiu base,\" the Mission "
 "said, adding that it has recovered nine bullets which penetrated its accommodations and office blocks inside the "
 "protection of civilian area.\n"
 "The source of the firing came from nearby Rubkona Airstrip, where SPLA soldiers are stationed.\n"
 "[...]\n"
 "The latest shooting comes on the heels of Friday's outbreak of violence in Bentiu which caused hundreds of people to "
 "seek shelter at the nearest airport. The Mission reported hearing heavy, sustained small arms and artillery fire. "
 "Approximately 340 civilians took shelter with UNMISS troops at the airport, where they were protected and then "
 "escorted to the POC area.",
 [dict(kind=OTHER, opt=True), dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=SHOT, count=9, opt=True), dict(kind=IMP, count=9, opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True), dict(kind=UND, weapon="artillery", opt=True)]),
# http://athena.hri.org/forum/intpol/UNFICYP/9.html (a study of UNFICYP's buffer zone; the date is a guess, June 1996,
# after the last event it tells: no time is expected)
("AC14", "1996-06-10",
 "Within hours after the April 8, 1993 shooting of National Guard private Athanasios Kleovoulou by the Turkish forces (he "
 "was in the buffer zone to trade brandy with the Turks), forty Greek Cypriots were demonstrating at the South Ledra "
 "Checkpoint. Tensions increased along both cease-fire lines, marked by shouting, stone throwing, and general ill "
 "discipline. Additional Greek Cypriot demonstrations occurred. Finally, on April 11, a major gunfight occurred near "
 "Dherinia. Approximately 50 small arms rounds were exchanged and a Turkish Cypriot Security Forces position was hit "
 "three times.\n"
 "Immediately following the June 3, 1996 shooting of National Guard private Stelios Panayi, up to 90 Turkish forces "
 "soldiers, armed with machine guns and rocket-propelled grenades, assembled on their side of the buffer zone. This was "
 "matched by an equivalent National Guard show of strength. The Turkish forces fired warning shots (a total of three) "
 "each time the UNFICYP forces tried to recover the dying Panayi from the buffer zone.",
 [dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=SHOT, count=50, weapon="small_arms"),
  dict(kind=IMP, count=3, opt=True), dict(kind=SHOT, count=3, opt=True),
  dict(kind=SHOT, opt=True),
  dict(kind=SHOT, count=3)]),
# https://www.rferl.org/a/OSCE_Monitors_Come_Under_Fire_Near_South_Ossetia/1358322.html (RFE/RL citing Reuters, Tbilisi;
# the date is a guess, 12 December 2008, after "December 10": no time is expected)
("AC15", "2008-12-12",
 "International monitors in Georgia have been shot at while patrolling near the tense de facto border with the breakaway "
 "territory of South Ossetia, but no one was hurt, Georgian police said.\n"
 "Television pictures showed bullet marks in the windshield and hood of an armored vehicle belonging to the Organization "
 "for Security and Cooperation in Europe (OSCE). The white overland vehicle was clearly marked with OSCE flags.\n"
 "[...]\n"
 "A police statement said the vehicle was shot at near the village of Khviti, \"from territory controlled by Ossetian "
 "separatists.\" There was no official response from the South Ossetian authorities.\n"
 "An OSCE spokeswoman told Reuters: \"A firing incident has taken place involving an unarmed OSCE monitoring patrol. The "
 "full details are being looked into.\"\n"
 "[...]\n"
 "Separately on December 10, Georgian police said a \"roadside bomb\" exploded and damaged a police car south of the de "
 "facto border.",
 [dict(kind=OTHER, opt=True), dict(kind=SHOT, opt=True), dict(kind=IMP, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=UND, count=1, opt=True)]),
# https://civil.ge/archives/118344 (Civil Georgia, February; the year is a guess, 2010, and the day, 11 February: the
# grenades' day is written, 10 February)
("AC16", "2010-02-11",
 "The breakaway region\u2019s defense ministry has claimed that the Georgian side was \u201cpreparing for another military "
 "aggression\u201d and carrying out military engineering works on February 8-9 in the village of Ditsi, which is located "
 "on the Georgian side of administrative border, about four kilometers away from the breakaway region\u2019s capital, "
 "Tskhinvali.\n"
 "In a separate report posted on the South Ossetian Press and Information Committee the breakaway region\u2019s "
 "authorities have claimed that two grenades were fired from the direction of the Georgian village of Nikozi towards the "
 "residential area of Tskhinvali on February 10. According to this report two unexploded ordnance left over from a "
 "rocket-propelled grenade were found on the Jioev Square of the town.",
 [dict(kind=UND, count=2, time=("within", "10 00:00", "11 00:00"))]),
]

# --- batch AD: gathered after AC's fixes, held out for them, measured once on the branch ------------------------------
BATCH_AD: list[Item] = [

# https://ktla.com/news/nationworld/mortars-fired-into-israel-two-hours-into-temporary-cease-fire/ (KTLA/CNN, Thursday
# 17 July 2014; no time is expected)
("AD01", "2014-07-17",
 "At least three mortars were fired from Gaza into southern Israel on Thursday morning, some two hours after a temporary "
 "lull in hostilities went into effect to allow humanitarian supplies into the area.\n"
 "The mortars fell in open areas and no injuries were immediately reported, the Israeli military said. Mortars are "
 "smaller and have a more limited range than rockets.\n"
 "[...]\n"
 "The five-hour long temporary halt in fighting went into effect at 3 a.m. ET, requested by the United Nations to offer a "
 "brief respite in a conflict that has killed more than 220 people.\n"
 "[...]\n"
 "Shortly before the cease-fire's start, Hamas's military wing said it fired five rockets at the city of Beer Sheeva. And "
 "the Israeli military said it foiled an attempt by 13 Hamas militants who tried to enter Israel through a tunnel.",
 [dict(kind=IMP, count=3, qual="at least", weapon="mortar"),
  dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=UND, count=5, weapon="rocket")]),
# https://www.timesofisrael.com/rocket-fired-at-hof-ashkelon-from-gaza-strip/ (The Times of Israel, February; the day is a
# guess, Friday 7 February 2014: no time is expected)
("AD02", "2014-02-07",
 "A rocket fired from the Gaza Strip struck the Eshkol region Thursday night fell in an open area, the IDF spokesperson\u2019s "
 "office reported, but caused no damage or injuries.\n"
 "According to some reports the IDF\u2019s Iron Dome missile interception system intercepted an incoming rocket.\n"
 "The rocket was the third to be fired at Israel over the past 24 hours. The other two rockets, while setting off sirens "
 "in the Ashkelon region, fell in open areas and did not cause injury or damage.\n"
 "[...]\n"
 "In January, government figures show, Gaza-based terror groups fired three times as many rockets at Israel as during an "
 "average month in 2013. These included 20 mortar and rocket attacks on Israel\u2019s southern communities, two improvised "
 "explosive devices (IEDs) set off on the Gaza-Israel border and two incidents where the IDF stopped militants attempting "
 "to launch rockets.",
 [dict(kind=IMP, count=1, weapon="rocket"),
  dict(kind=AIR, count=1, weapon="rocket", opt=True),
  dict(kind=IMP, count=2, weapon="rocket"),
  dict(kind=OTHER, cv=20, opt=True), dict(kind=UND, opt=True), dict(kind=UND, count=2, opt=True),
  dict(kind=UND, weapon="rocket", opt=True)]),
# https://www.paulasays.com/ceasefire-violations/ (a blog quoting the Intelligence and Terrorism Information Center, 28
# January 2009, after Cast Lead)
("AD03", "2009-01-28",
 "In the short amount of time that has passed since the end of Operation Cast Lead there have been no less than 12 "
 "violations committed by the terrorist organizations. Despite Hamas\u2019s agreement in principle, and despite the fact that "
 "the IDF forces withdrew from the Gaza Strip, the terrorist organizations do not implement the ceasefire. Almost every "
 "day, they carry out sporadic rocket and mortar shell fire, or terrorist attacks directed against IDF forces near the "
 "border security fence (shooting with light arms, detonating IEDs).\n"
 "[...]\n"
 "i) On the afternoon of January 20 terrorists opened fire on IDF soldiers operating near the border security fence south "
 "of the Kissufim crossing. Approximately 40 minutes later, armed Palestinians opened fire at a different IDF force near "
 "the border security fence in the central Gaza Strip; the force returned fire. In addition, 11 mortar shells were fired "
 "at IDF forces and into Israeli territory. There were no casualties.",
 [dict(kind=OTHER, cv=12),
  dict(kind=UND, opt=True), dict(kind=OTHER, opt=True), dict(kind=SHOT, opt=True), dict(kind=UND, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=UND, count=11, weapon="mortar", time=("within", "20 00:00", "21 00:00"))]),
# https://www.timesofisrael.com/mortar-fired-from-gaza-land-in-israel/ (The Times of Israel, a Sunday; the day is a guess,
# 22 September 2013, a Sunday: the time is read from "Sunday evening")
("AD04", "2013-09-22",
 "A mortar shell from the Gaza Strip landed in an open area near Israel\u2019s border with Gaza on Sunday evening. No "
 "injuries or damage were reported.\n"
 "Aside for a Kassam rocket that landed near Ashkelon last Wednesday, the border with Hamas-controlled Gaza has been "
 "relatively quiet in recent months.\n"
 "[...]\n"
 "Friday saw a small clash between troops and Palestinians who approached the border fence. Two Gazans were injured by "
 "IDF fire.\n"
 "In November 2012, Israel launched Pillar of Defense, an eight-day campaign intended to stop several years of rocket "
 "attacks on the south from the Gaza Strip.",
 [dict(kind=IMP, count=1, weapon="mortar", time=("within", "22 12:00", "23 00:00")),
  dict(kind=IMP, count=1, weapon="rocket"),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# http://www.hri.org/Cyprus/Cyprus_Problem/soldier.html (the Secretary-General's report of 7 June 1996 as summarised on
# the page; no time is expected)
("AD05", "1996-06-07",
 "He cites, in particular, an incident in which an unarmed National Guard soldier was shot and killed inside the United "
 "Nations buffer zone in central Nicosia. The lethal round was fired by a Turkish Cypriot soldier whom UNFICYP observed "
 "entering the buffer zone with his rifle strung across his back. Shortly thereafter, a single shot was heard and the "
 "Turkish Cypriot soldier was seen running back to the Turkish cease-fire line. UNFICYP soldiers were prevented for some "
 "25 minutes from reaching the National Guard soldier by Turkish Cypriot soldiers, who fired shots in their direction "
 "each time they tried to move forward.",
 [dict(kind=OTHER, opt=True), dict(kind=SHOT, count=1, opt=True),
  dict(kind=SHOT, count=1),
  dict(kind=SHOT, opt=True)]),
# http://tass.com/world/1037479 (TASS, Lugansk, Saturday 22 December 2018, the LPR militia)
("AD06", "2018-12-22",
 "LUGANSK, December 22. /TASS/. Ukrainian forces have shelled the territory of the self-proclaimed Lugansk People's "
 "Republic (LPR) four times over the last 24 hours, LPR people's militia said on Saturday.\n"
 "\"The settlements of Donetsky, Kalinovka, Sokolniki and Zhelobok came under fire,\" LuganskInformCenter quoted LPR "
 "people's militia as saying.\n"
 "Ukrainian forces used mortars, weapons on infantry fighting vehicles, grenade launchers and small arms.",
 [dict(kind=OTHER, cv=4),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, weapon="mortar", opt=True), dict(kind=OTHER, weapon="ifv", opt=True),
  dict(kind=OTHER, weapon="grenade_launcher", opt=True), dict(kind=OTHER, weapon="small_arms", opt=True)]),
# https://novorossiia.ru/no-shelling-of-dpr-territory-by-ukrainian-forces-over-seven-days-jccc.html (DAN, Donetsk,
# Thursday 27 August 2020, the DPR office at the JCCC)
("AD07", "2020-08-27",
 "Donetsk, Aug 27 \u2013 DAN. Ukrainian army units have not opened fire at the Donetsk People\u2019s Republic territory over "
 "the past seven days, the DPR Office at the Joint Centre for Control and Coordination (JCCC) reported on Thursday.\n"
 "However, Ukraine has violated the Additional Measures to Strengthen the Ceasefire three times since Wednesday, the JCCC "
 "said. Engineer works in the Mayorsk and Shumy settlements outside Gorlovka and the Lebedinskoye village near Mariupol "
 "were recorded.\n"
 "The Additional Measure to Strengthen the Ceasefire came into force in Donbass on July 27, 2020. The document bans the "
 "use of any weapons, deployment of hardware, engineer works, use of unmanned aerial vehicles etc.\n"
 "Ukrainian forces last opened fire at the DPR on August 19.",
 [dict(kind=OTHER, cv=3),
  dict(kind=OTHER, opt=True)]),
# https://dninews.com/article/ukrainian-gunmen-launch-80-shells-dpr-during-truce (DONi, the DPR office at the JCCC; the
# date is a guess, 13 March 2018, after "March 5th to 12th": no time is expected)
("AD08", "2018-03-13",
 "Since the \u201cabsolute truce\" settlement, Ukrainian gunmen have launched 80 shells onto the DPR territory, reports the "
 "head of the DPR representative office in the JCCC, Ruslan Yakubov.\n"
 "\u201cFor the period from March 5th to 12th Ukrainian gunmen has committed 9 ceasefire violations. The total amount of the "
 "applied ammunition units - 80 shells, which comprise 0, 576 tons or 11,5 boxes,\u201d says the text of the statement.\n"
 "According to the JCCC data, particularly, mortars were applied while shelling the DPR. In total, over the past week 35 "
 "mortar rounds of 82 mm and 120 m caliber were launched onto the Republic.\n"
 "Earlier, it was reported that Ukrainian gunmen shelled the Yuzhnodonbassky conduit on weekends, and today conducted fire "
 "at the car convoy with the Donetsk water filtering station\u2019s employees. No wounded or perished were reported.",
 [dict(kind=IMP, count=80),
  dict(kind=OTHER, cv=9),
  dict(kind=IMP, count=80, opt=True), dict(kind=UND, count=80, opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=IMP, count=35, weapon="mortar"),
  dict(kind=IMP, opt=True), dict(kind=UND, opt=True), dict(kind=OTHER, opt=True)]),
# https://news.am/eng/news/754249.html (NEWS.am, a Tuesday; the day is a guess, 11 April 2023, the Tegh clash: no time is
# expected)
("AD09", "2023-04-11",
 "Shots were fired Tuesday at the border area of Tegh village of Armenia\u2019s Syunik Province. A resident of this "
 "village, who asked to remain anonymous, informed Armenian News-NEWS.am that there is a casualty from the Armenian "
 "side.\n"
 "\"I put the casualty in the car with my own hands,\" said the resident.\n"
 "A little while ago, the Haykakan Zhamanak newspaper, owned by the family of Armenian Prime Minister Nikol Pashinyan, "
 "reported that according to its information, a shootout took place in the border area of Tegh village as a result of "
 "another provocation by the Azerbaijani side. According to preliminary information, there is one casualty on the "
 "Armenian side and two\u2014on the Azerbaijani side.\n"
 "According to the paper, fire was opened in the direction of the Armenian military units carrying out engineering "
 "work, and the Armenian units resorted to retaliatory actions.",
 [dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True), dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True)]),
# http://en.chinagate.cn/2015-06/23/content_35880381.htm (Xinhua, 23 June 2015, the UN spokesman on UNMISS in Juba)
("AD10", "2015-06-23",
 "The UN Mission in South Sudan (UNMISS) reported that five internally displaced persons ( IDPs) -- four women and one "
 "man -- were shot Saturday evening at a market area adjacent to the protection-of-civilians site in Juba, the capital "
 "of the world's youngest country, a UN spokesman told reporters here Monday.\n"
 "\"Four of the wounded people were taken to a clinic inside the site for medical treatment and their conditions are "
 "serious,\" Stephane Dujarric, the UN spokesman, said at a daily news briefing here. \"Another two displaced people were "
 "injured as they fled the scene of the shooting. UNMISS is investigating the incident.\"\n"
 "Meanwhile, UNMISS aircraft have been denied permission to land at the Mission's county support base in the Upper Nile "
 "State town of Nassir by armed opposition forces for six consecutive days, he said.",
 [dict(kind=SHOT, opt=True), dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True)]),
# https://reliefweb.int/report/south-sudan/violence-against-civilians-and-peacekeepers-un-protection-site-condemned
# (UNMISS, 25 November 2019, on the Bentiu protection site)
("AD11", "2019-11-25",
 "Community leaders have apologized for rioting by drunken youth within the United Nations Protection of Civilians site "
 "in Bentiu during which two civilians died and eight UN personnel were injured, including five police officers.\n"
 "[...]\n"
 "The youth also turned on Ghanaian peacekeepers who responded to the incident, pelting them with stones, throwing spears "
 "and petrol bombs, one of which hit a vehicle and set it on fire. Youth also tried to seize weapons from the "
 "peacekeepers and vandalized two guard-posts. Two warning shots were fired into the air to disperse the rioters.",
 [dict(kind=IMP, count=1, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=SHOT, count=2)]),
# https://cyprusscene.com/2022/05/24/trnc-foreign-ministry-deplore-the-shooting-at-unficyp-vehicle/ (the Turkish Cypriot
# foreign ministry's statement, May 2022, on Saturday 21 May; no time is expected)
("AD12", "2022-05-23",
 "We regret to hear the shooting at the UNFICYP patrol vehicle in the buffer zone on Saturday 21 May 2022,\n"
 "It is a source of relief to know that the bullet that hit the UN patrol vehicle has not resulted in any casualties. It "
 "was identified that the person or persons who fired at the UNFICYP vehicle ran away towards the Greek Cypriot "
 "administration of Southern Cyprus.",
 [dict(kind=SHOT, opt=True),
  dict(kind=SHOT, count=1),
  dict(kind=OTHER, opt=True), dict(kind=SHOT, opt=True)]),
# https://armenpress.am/eng/news/1056724/ (Armenpress, Yerevan, 28 June 2021, Armenia's Defence Ministry)
("AD13", "2021-06-28",
 "YEREVAN, JUNE 28, ARMENPRESS. The Defense Ministry of Armenia denies the statement of the Azerbaijani defense ministry "
 "according to which the Armenian armed forces opened fire towards the Azerbaijani positions in the border area of "
 "Tavush province.\n"
 "\u201cThe Azerbaijani defense ministry is spreading another disinformation, claiming that in the evening of June 27 the "
 "Armenian armed forces\u2019 units have opened fire at the Azerbaijani positions, this time in the border section of "
 "Tavush province. This information as well has nothing to do with the reality, as the units of the Armenian Armed Forces "
 "didn\u2019t fire a single shot at the Azerbaijani positions\u201d, the Armenian defense ministry said in a statement.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
]
