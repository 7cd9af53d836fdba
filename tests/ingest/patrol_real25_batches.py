"""Session 25 (patrol25): held-out batches of REAL monitoring-mission and party text that earlier sessions did not use:
the ATO staff's spokesman and press centre (2015-2016), the "DPR" office at the JCCC and the LPR militia as TASS, DAN and
Sputnik translated them (2018-2023), the JFO commander's count of the harvest ceasefire (2019), Azerbaijan's Defence
Ministry (2020-2021), the IDF on rockets and mortars from Gaza as The Times of Israel and JerusalemOnline told it
(2018-2019), UNMISS in Bentiu (2014), UNFICYP's shootings in the buffer zone (1993-1996), the OSCE and South Ossetia's
claims on the Georgian boundary (2008-2010): batch AC. A held-out batch AD of another mix, gathered after AC's fixes.

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
