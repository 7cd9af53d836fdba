"""Session 24 (patrol24): a held-out batch of REAL monitoring-mission and party text that earlier sessions did not use,
from genres the batches so far under-represent: UNIFIL on rockets near Kfarshouba (2013) as Xinhua told it; the Line of
Control in the Indian press (Rajouri, Kupwara, Machil, Balakote 2019-2021) and in Pakistan's (the ISPR, 2020); the
OSCE's monitorings of the Karabakh line of contact and the parties' tallies (2016-2019); MINUSMA's camps in Kidal and
Tessalit (2013-2020); UNAMID in North Darfur and Jebel Marra (2010, 2015); Khartoum in the Jeddah truce (2023): batch AA. A held-out batch AB of another mix, gathered after AA's fixes: rockets on
Baabda and the clashes of Tripoli in Lebanon's press (2013), Syrian rounds and UNDOF's drones on the Golan (2013-2015),
Khartoum (Reuters, 2023), the Working Boundary (2016) and the Line of Control (2019) in both countries' press, the OSCE
on the Karabakh line of contact (2017), UNAMID near Sindy (2014), MINUSMA's camp in Kidal (2018).

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the stored public page noted above it; the date is the report's day where it is known, else the page's (or a guess from
the page: then no item's time depends on it, or the guess is said). Fields and conventions as in
``patrol_real23_batches`` (a party's tally of "ceasefire violations" is ``cv``, a tally of this year so far is expected,
of a year before optional; rounds the text says landed / hit / struck / impacted / exploded on a place, or fired onto a
place, are impacts; rounds only said to be fired, or fired "towards" / "at" a place, undetermined; "shelling with
mortars" of no number is an undetermined mortar record, as in patrol19's L06; a weapon named without a number is
otherwise an optional record; a restatement of fire already counted is optional; fire of kind ``other`` with no number
and no place is invisible to the judge and so written as optional). An item with no record expected says that nothing
fired was observed; an item whose records are all optional measures only that nothing is read wrongly (numbers of
people, years of age, kilometres to a town, minutes are no rounds).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch AA: gathered after patrol23's leftovers, measured once on the branch ------------------------------------------
BATCH_AA: list[Item] = [

# http://en.people.cn./90777/8499021.html (Xinhua, 29 December 2013, on Sunday 29 December)
("AA01", "2013-12-29",
 "Two Grad type 107 mm missiles fired from southern Lebanon towards Israel missed their target and exploded on Lebanese "
 "territory on Sunday.\n"
 "A security source told Xinhua that the rockets were launched from the Arkoub area in the vicinity of the Kfarshouba "
 "village, but landed on a farm on Lebanese side of border with Israel, causing material damages.\n"
 "The Israeli army retaliated by firing over 20 shells at the rocket launched area.",
 [dict(kind=IMP, count=2),
  dict(kind=IMP, opt=True),
  dict(kind=UND, count=20)]),
# https://www.republicworld.com/india-news/general-news/j-and-k-army-jawan-martyred-in-ceasefire-violation-by-pakistan-in-rajouri-district.html
# (Republic World, Friday 1 January 2021)
("AA02", "2021-01-01",
 "An Indian Army personnel was martyred on Friday after Pakistani troops made ceasefire violations and shelled forward "
 "posts along the LoC in Jammu and Kashmir's Rajouri district. Officials stated that firing and mortar shelling from "
 "across the LoC was reported in the Nowshera sector of the district around 3:30 pm and at 5:30 pm while adding that "
 "Indian troops have been giving a befitting reply in retaliation to the unprovoked ceasefire violations by Pakistan.\n"
 "\"At about 1530 hours today, the Pakistan army initiated unprovoked ceasefire violation by firing with small arms and "
 "intense shelling with mortars along the LoC in the Nowshera sector in district Rajouri,\" a defence spokesman said.\n"
 "[...]\n"
 "The year 2020 has recorded 5,100 instances of ceasefire violations by Pakistan along the LoC which is said to be the "
 "highest in the past 18 years, PTI has said citing official sources. A PTI report citing data has further mentioned "
 "that 36 people including 24 security personnel have lost their lives in the ceasefire violations while over 130 have "
 "been injured.",
 [dict(kind=IMP, opt=True),
  dict(kind=OTHER, opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, weapon="mortar", time=("within", "01 15:00", "01 16:00")),
  dict(kind=OTHER, cv=5100, opt=True)]),
# https://www.republicworld.com/india-news/general-news/kupwara-2-indian-army-soldiers-martyred-four-others-injured-in-pak-c.html
# (Republic World, Thursday 1 October 2020)
("AA03", "2020-10-01",
 "Two Indian Army soldiers were martyred and four others were injured on Thursday as Pakistani troops violated ceasefire "
 "along the Line of Control (LoC) in Kupwara districts of Jammu and Kashmir.\n"
 "\"Pakistan initiated an unprovoked ceasefire violation along LoC in Naugam Sector, Kupwara (Kashmir), today morning by "
 "firing mortars and other weapons. Two soldiers lost their lives. Four injured soldiers are being evacuated,\" a defence "
 "spokesperson said in Jammu.\n"
 "[...]\n"
 "According to official figures, there has been around 75 per cent jump in ceasefire violations by Pakistan in the "
 "first six months of 2020 along the LoC in J&K as compared to the same period last year. More than 3,200 ceasefire "
 "violations by the Pakistan Army were recorded in 2019 alone.\n"
 "[...]\n"
 "In relentless anti-terror operations, security forces have killed 180 terrorists in 75 operations across Jammu and "
 "Kashmir this year, the police force had said.",
 [dict(kind=UND, weapon="mortar"),
  dict(kind=OTHER, opt=True),
  dict(kind=OTHER, cv=3200, opt=True)]),
# https://indiablooms.com/news-details/N/53090/pak-troops-violate-ceasefire-in-machil-sector-soldier-martyred.html
# (UNI, Srinagar, Saturday 27 July 2019)
("AA04", "2019-07-27",
 "A soldier was martyred when Pakistani troops violated ceasefire and targeted forward posts near the Line of Control "
 "(LoC) in Machil sector, about 150 km from Kupwara in north Kashmir, official sources said on Saturday.\n"
 "They said Pakistani troops resorted to unprovoked and indiscriminate firing from across the LoC in Machil sector "
 "targeting forward posts. Indian troops also retaliated and targeted Pakistani forward posts in the sector, they said.",
 [dict(kind=OTHER, dist=None, opt=True), dict(kind=OTHER, dist=None, opt=True), dict(kind=OTHER, opt=True)]),
# https://indianexpress.com/article/india/jk-four-armymen-injured-as-pakistani-troops-resort-to-mortar-shelling-5999107/
# (The Indian Express, Monday 16 September 2019, on Sunday night)
("AA05", "2019-09-16",
 "At least four Armymen were injured as Pakistani troops resorted intense mortar shelling and small arms fire in "
 "Balakote area of Mendhar sector in Jammu and Kashmir throughout Sunday night.\n"
 "[...]\n"
 "Sources said Pakistani troops initiated the ceasefire violation around 10.30 pm on Sunday night. The Indian Army "
 "retaliated befittingly and the exchange of fire continued till early hours of Monday.\n"
 "[...]\n"
 "Only on Saturday, hundreds of school children at various places in Balakote area were trapped in their respective "
 "educational institutions when Pakistani troops started lobbing mortar shells on civilian population without any "
 "provocation. The children were later rescued by Army and local police in their vehicles.\n"
 "Twenty-one people, including army personnel, have died in more than 2,050 incidents of ceasefire violations by "
 "Pakistan in Jammu and Kashmir this year.",
 [dict(kind=UND, weapon="mortar"),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=OTHER, cv=2050)]),
# https://www.brecorder.com/news/amp/40030307 (Business Recorder, Tuesday 3 November 2020, the ISPR)
("AA06", "2020-11-03",
 "A civilian suffered injuries after Indian Army troops resorted to unprovoked ceasefire violation at the Line of "
 "Control (LoC), a statement issued by Inter Services Public Relation (ISPR) stated on Tuesday.\n"
 "The incident occured in Bagsar sector. The Indian soldiers targeted the civilian population with automatic weapons "
 "resulting in injuries to a 45-year-old man, the ISPR added.\n"
 "[...]\n"
 "\"Pakistan Army responding to unprovoked Indian fire targeted Indian post which initiated fire,\" the statement said.\n"
 "Indian forces have continuously been targeting civilian populated areas with artillery fire, heavy-caliber mortars and "
 "automatic weapons along the LoC and Working Boundary.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, weapon="artillery", opt=True), dict(kind=OTHER, weapon="mortar", opt=True), dict(kind=OTHER, opt=True)]),
# https://nation.com.pk/12-Apr-2020/two-girls-among-six-injured-as-indian-army-targets-civilians-along-loc
# (The Nation, 12 April 2020, the ISPR on Saturday 11 April)
("AA07", "2020-04-11",
 "At least six civilians including two girls were wounded critically, during the last 24 hours, as the Indian army "
 "resorted to unprovoked ceasefire violations along the Line of Control (LoC), the Inter-Services Public Relations "
 "(ISPR) Directorate said on Saturday.\n"
 "[...]\n"
 "\u201cIndian troops resorted to unprovoked Ceasefire Violations during last 24 hours using artillery and heavy mortars "
 "in Sharda, Dhudnial and Shahkot Sectors along LOC, deliberately targeting civilian population. Due to Indian Army\u2019s "
 "indiscriminate fire of heavy weapons at Bessan Wali and Chhari villages, four innocent civilians including a "
 "15-year-old girl sustained serious injuries,\u201d said the ISPR in a statement.\n"
 "[...]\n"
 "\u201cDue to indiscriminate fire of Indian artillery at Mohra village, two civilians including 18-year-old girl sustained "
 "serious injuries. In last 24 hours, 6 citizens including 2 girls have been injured & evacuated to nearby health "
 "facilities for necessary medical care,\u201d it added. In 2020 so far, Indian Army committed 708 ceasefire violations, "
 "in which 2 citizens embraced Shahadat while 42 sustained injuries.",
 [dict(kind=UND, weapon="artillery", opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, weapon="artillery", opt=True),
  dict(kind=OTHER, cv=708)]),
# https://tribune.com.pk/story/2254569/tribune.com.pk (The Express Tribune, Sunday 12 July 2020, the DG ISPR's tweets)
("AA08", "2020-07-12",
 "Indian Army yet again resorted to ceasefire violations along the Line of Control (LoC) on Sunday as six civilians "
 "including an elderly woman were injured by the Indian troops in Rakhchikri and Khuiratta sectors, according to the "
 "Inter-Services Public Relations (ISPR).\n"
 "[...]\n"
 "Pakistan Army responded effectively to the Indian firing, he added.\n"
 "He said that India has committed 1,643 ceasefire violations in 2020 so far.\n"
 "#IndianArmy troops initiated unprovoked ceasefire violation(CFV) in Rakhchikri Sector along #LOC targeting civil "
 "population. An elderly woman, resident of Kirni village got injured. Pakistan Army responded effectively to Indian "
 "firing.1643 CFVs committed by India in 2020 so far.",
 [dict(kind=OTHER, cv=1643),
  dict(kind=OTHER, cv=1643, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://nkobserver.com/archives/2917 (NK Observer, on 13 February; the year is a guess, 2019: no time is expected)
("AA09", "2019-02-13",
 "On 13 February, the OSCE conducted a ceasefire monitoring mission along the line of contact between Azerbaijan and "
 "Nagorno Karabakh. [...]\n"
 "According the official webpages of the Defence Ministries of both Armenia and Azerbaijan, the monitoring mission was "
 "concluded without any incidents. Nonetheless, ceasefire violations have been reported by both sides, with the "
 "Azerbaijan\u2019s Defence Ministry stating 29 ceasefire violations on the very day of the ceasefire monitoring mission, "
 "including in the Goranboy region.",
 [dict(kind=OTHER, cv=29)]),
# https://panorama.am/en/news/2016/07/21/դիտարկում-Մարտակերտ/1616059 (Panorama.am, 21 July 2016)
("AA10", "2016-07-21",
 "On July 21, in accordance with the arrangement reached with the authorities of the Nagorno Karabakh Republic, the "
 "OSCE Mission conducted a planned monitoring of the Line of Contact between the armed forces of Nagorno Karabakh and "
 "Azerbaijan,in the northern direction of Martakert.\n"
 "[...]\n"
 "The monitoring passed in accordance with the agreed schedule. No violation of the cease-fire regime was registered. "
 "However, the Azeri side did not lead the OSCE mission to its front-lines.",
 []),
# https://azertag.az/en/xeber/Azerbaijans_Defense_Ministry_Armenian_armed_units_violated_ceasefire_23_times-1364678
# (AZERTAC, Baku, 8 December; the year is a guess, 2019: no time is expected)
("AA11", "2019-12-08",
 "\"Military units of the armed forces of Armenia violated ceasefire 23 times throughout the day in various directions "
 "of the front,\" Azerbaijan`s Ministry of Defense said in a statement.\n"
 "\"Armenian armed forces, located on nameless hills in Noyemberyan region, in Berkaber, Aygeovit villages of Ijevan "
 "region, and on nameless hills in Krasnoselsk region subjected to fire the positions of the Azerbaijan Army located in "
 "Gushchu Ayrim, Gizilhajili, Bala Jafarli villages of Gazakh region, in Goyali village and on nameless hills in "
 "Gadabay region.\"",
 [dict(kind=OTHER, cv=23),
  dict(kind=OTHER, opt=True), dict(kind=IMP, opt=True)]),
# https://naharnet.com/stories/en/110225-shells-fired-at-u-n-french-army-base-in-mali (Naharnet/AFP, a Tuesday of
# October 2013; the day is a guess, 22 October 2013: no time is expected)
("AA12", "2013-10-22",
 "Militants shelled a camp for French troops and the United Nations MINUSMA peacekeeping force in northeastern Mali, "
 "military sources told AFP on Tuesday, but failed to do any damage.\n"
 "\"Two shells were fired Monday night by unidentified persons at the Kidal camp for French troops and MINUSMA,\" said a "
 "Malian military source who added that there was \"no damage or casualties\".\n"
 "The attack was confirmed by a French military source in Mali who said the shells passed safely over the camp, missing "
 "their targets.",
 [dict(kind=IMP, opt=True),
  dict(kind=UND, count=2),
  dict(kind=OTHER, opt=True)]),
# https://news-afrik.com/mali-18-peacekeepers-and-2-civilians-injured-in-the-attack-on-a-camp (News Afrik/AFP, a
# Thursday; the day is a guess, 9 January 2020: no time is expected)
("AA13", "2020-01-09",
 "Eighteen peacekeepers and two civilians were wounded in a mortar attack on a military camp in northeast Mali on "
 "Thursday, plagued by violence and jihadist activity, the UN said.\n"
 "[...]\n"
 "Fifteen mortars fell \u00ab in and around \u00bb Tessalit camp in the Kidal region, near the Algerian border, according "
 "to an internal UN report consulted by the AFP. The camp personnel took shelter in a bunker, according to this text.",
 [dict(kind=OTHER, weapon="mortar", opt=True),
  dict(kind=IMP, count=15, weapon="mortar")]),
# https://young9jastars.blogspot.com/2015/03/children-killed-in-attack-on-un-mali.html (a copy of The Guardian/AFP,
# Sunday 8 March 2015)
("AA14", "2015-03-08",
 "A peacekeeper and two children were killed on Sunday as militants shelled a UN base in northern Mali.\n"
 "The UN\u2019s Minusma force said more than 30 rockets were fired at its barracks in the rebel stronghold of Kidal from "
 "5.40 am (0540 GMT).\n"
 "\u201cOnce they had established from where the rockets were being fired, Minusma troops immediately returned fire two "
 "kilometres from the compound, at around 6am,\u201d the force said in a statement.\n"
 "[...]\n"
 "Their encampment near the UN base was hit by stray rockets as the attack got under way, a Minusma source said.",
 [dict(kind=IMP, opt=True),
  dict(kind=UND, count=30, weapon="rocket"),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=IMP, weapon="rocket", opt=True)]),
# https://sudantribune.com/?p=54246 (Sudan Tribune, 18 July 2015, UNAMID's press release)
("AA15", "2015-07-18",
 "\u201cUnidentified armed men aboard a gun-mounted vehicle opened fire on a UNAMID patrol team between Bowa and Turmes "
 "villages, 18 kilometres north-west of the Mission\u2019s team site in Kutum, North Darfur,\u201d said the mission in a "
 "press release on Saturday.\n"
 "According to the press release, the patrol team comprised of 39 peacekeepers, was on its way back to the team site "
 "after escorting a World Food Programme (WFP) convoy.\n"
 "It pointed out that the team returned fire till the perpetrators dispersed and ran away, saying no damage was recorded "
 "to UNAMID personnel or property and the incident has been reported to the local authorities.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# http://english.china.org.cn/wap/2010-06/22/content_20319825.htm (Xinhua, 22 June 2010, on Monday 21 June)
("AA16", "2010-06-21",
 "Unknown gunmen killed three peacekeepers and seriously wounded one in the Jebel Marra region of western Sudan's "
 "Darfur on Monday, the UN-African Union Mission in Darfur (UNAMID) said.\n"
 "\"The soldiers from a UNAMID Protection Force Battalion, who were providing security to civilian engineers working on "
 "a UNAMID team site at the time, came suddenly under heavy gunfire at approximately 11:30 a.m. (0830 GMT) from more "
 "than 20 assailants in camouflage battle dress,\" said a statement by UNAMID, a copy of which was made available to "
 "Xinhua.\n"
 "The peacekeepers returned fire and engaged the attackers in a firefight which lasted almost an hour, killing three of "
 "the assailants, while the remainder of the attacking force fled the scene, stealing a vehicle, the statement added.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://www.dhakaprokash24.com/english/international/news/7469 (AFP, Tuesday 23 May 2023)
("AA17", "2023-05-23",
 "Sporadic artillery fire still echoed in Sudan's capital Tuesday but residents said fighting had calmed following a US "
 "and Saudi-brokered ceasefire, raising faint hopes in the embattled city.\n"
 "The truce, to allow desperately needed humanitarian aid for civilians, took effect Monday night only to be quickly "
 "marred by more gunshots and blasts.\n"
 "[...]\n"
 "\"We have not heard shelling in our neighbourhood since last night,\" said a witness in southern Khartoum, who told "
 "AFP the last airstrike was five minutes before the truce formally started at 9:45 pm (1945 GMT) on Monday.",
 [dict(kind=OTHER, weapon="artillery", opt=True), dict(kind=SHOT, opt=True), dict(kind=UND, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=IMP, opt=True)]),
]

# --- batch AB: gathered after AA's fixes, measured once on the branch ----------------------------------------------------
BATCH_AB: list[Item] = [

# https://archive.almanar.com.lb/english/article.php?id=104333 (Al-Manar, on Thursday night; the day is a guess, 2 August
# 2013: no time is expected)
("AB01", "2013-08-02",
 "Three rockets have fallen Baabda district near the Defense Ministry and the presidential palace causing state of fear "
 "among citizens.\n"
 "\u201cA rocket fell near the (army's) Command and Staff College in al-Rayhaniyeh as another rocket hit the garden of "
 "Elham Freiha's house, and both were fired from al-Mwanseh area in Dhour Aramoun,\u201d state-run National News Agency "
 "reported.\n"
 "[...]\n"
 "Al-Jadeed television said a rocket fell around 100 meters away from the presidential palace as Agence France Presse "
 "said it landed around 100 meters away from the palace's back entrance.",
 [dict(kind=IMP, count=3, weapon="rocket"),
  dict(kind=IMP, count=1, weapon="rocket", opt=True), dict(kind=IMP, count=1, weapon="rocket", opt=True),
  dict(kind=IMP, count=1, weapon="rocket", opt=True), dict(kind=IMP, opt=True)]),
# https://www.naharnet.com/stories/84135-at-least-10-dead-in-tripoli-clashes-as-heavy-weapons-used-for-1st-time/print
# (Naharnet, a Thursday; the day is a guess, 23 May 2013: no time is expected)
("AB02", "2013-05-23",
 "At least nine people were killed on Thursday in ongoing clashes between the rival Tripoli neighborhoods of Bab "
 "al-Tabbaneh and Jabal Mohsen, as different caliber mortars in addition to flare bombs were introduced to the battle for "
 "the first time.\n"
 "[...]\n"
 "\u201cStray bullets reached al-Tal, Abi Samra and al-Qobbeh, sparking a major state of fear among citizens,\u201d NNA "
 "said.\n"
 "Later, Voice of Lebanon radio (100.5) said Milad Hadshiti was killed when a sniper shot struck him in the head at the "
 "Hariri Project area in al-Qobbeh.\n"
 "[...]\n"
 "Earlier, the army said three troops were wounded when an army base in the Dahr al-Mughr area came under gunfire.",
 [dict(kind=UND, weapon="mortar", opt=True), dict(kind=FLARE, opt=True), dict(kind=SHOT, opt=True),
  dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://www.timesofisrael.com/for-first-time-since-syrian-uprising-2-mortars-hit-mt-hermon/ (The Times of Israel, a
# Wednesday, Shavuot: 15 May 2013)
("AB03", "2013-05-15",
 "For the first time since the outbreak of the Syrian uprising, two mortar shells exploded in the Mount Hermon area "
 "Wednesday morning.\n"
 "[...]\n"
 "The shells that landed inside Israeli territory were believed to be a result of fighting between Syrian President "
 "Bashar Assad\u2019s regime and the rebels, not a planned attack on Israel.\n"
 "[...]\n"
 "Last Monday, two shells reached the Israeli Golan Heights, but no injuries or damage were reported. They landed near "
 "the town of Ramat Magshimim. The next day, another mortar hit the southern Golan Heights as a result of the spillover "
 "from fighting in Syria, again without casualties or harm caused during the incident.",
 [dict(kind=IMP, count=2, weapon="mortar"),
  dict(kind=IMP, opt=True),
  dict(kind=IMP, count=2, opt=True), dict(kind=IMP, opt=True), dict(kind=IMP, count=1, weapon="mortar", opt=True)]),
# https://jewishpress.com/news/breaking-news/idf-destroyed-firing-post-inside-syria-warns-un-of-escalation/2013/03/24
# (The Jewish Press, Sunday 24 March 2013)
("AB04", "2013-03-24",
 "Border tensions continued Sunday morning, following attacks by a Syrian military position directed at Israeli "
 "territory in Tel-Fars, in the southern Golan Heights. An IDF force spotted the source of the fire returned fire, "
 "destroying the position. There were no reported injuries on the Israeli side.\n"
 "Israel used the Tamuz, a surface to surface guided missile to hit the target.\n"
 "Saturday night there was fire from the same post at an Israeli jeep, but the Northern Command estimated that it was "
 "not intended against IDF forces.\n"
 "According to a detailed report delivered to the UN headquarters by the UNDOF forces monitoring the Syrian-Israeli "
 "border, eight IDF troops had been seen entering on foot into the southern Golan demilitarized zone at the end of last "
 "January. [...] The report states that the Syrian army has been moving equipment and weapons into the zone. [...] a "
 "shell landed inside Israel in late February but failed to explode.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=IMP, opt=True),
  dict(kind=IMP, count=1, opt=True)]),
# https://panorama.am/en/news/2015/01/20/farhan-haq/130598 (Panorama.am citing Reuters, 20 January 2015, on UNDOF)
("AB05", "2015-01-20",
 "He said UNDOF had \"observed two unmanned aerial vehicles (UAVs) flying from the Alpha side and crossing the ceasefire "
 "line.\"\n"
 "The Alpha side refers to the Israeli-occupied part of the Golan. Haq said UNDOF saw the drones moving towards U.N. "
 "position 30, after which the U.N. observers lost track of them.\n"
 "An hour later, he said, they saw smoke coming from position 30, though they were unable to identify the source of the "
 "smoke.",
 [dict(kind=OTHER, count=2),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://au.sports.yahoo.com/khartoum-relatively-calm-week-long-073447891.html (Reuters, Tuesday 23 May 2023)
("AB06", "2023-05-23",
 "Artillery fire could be heard in parts of Khartoum and warplanes flew overhead on Tuesday, residents said, though an "
 "internationally monitored ceasefire appeared to have brought some respite from heavy fighting in the Sudanese "
 "capital.\n"
 "Night-time airstrikes were reported in at least one area after the ceasefire started late on Monday, but residents "
 "otherwise reported relative calm.\n"
 "The truce was agreed at talks in Jeddah on Saturday after five weeks of fierce battles between the army and the "
 "paramilitary Rapid Support Forces (RSF).",
 [dict(kind=OTHER, weapon="artillery", opt=True), dict(kind=OTHER, opt=True), dict(kind=IMP, opt=True)]),
# https://archive.pakistantoday.com.pk/2016/10/28/woman-killed-7-injured-in-indian-cross-border-firing (Pakistan Today,
# 28 October 2016, on Thursday 27 October)
("AB07", "2016-10-27",
 "India, third time in less than two weeks, resorted to unprovoked aggression when it violated the ceasefire agreement "
 "and shelled across the working boundary, killing one woman and injuring seven people on Thursday.\n"
 "The Indian and Pakistani troops also exchanged fire across the Working Boundary, the Inter-Services Public Relations "
 "(ISPR) said.\n"
 "The \u201cintense and heavy\u201d exchange of fire continued for 11 hours on Harpal and Chaprar sectors on the Working "
 "Boundary, it said. [...]\n"
 "Heavy mortar shelling by the Indian Border Security Force (BSF) on villages along the Working Boundary a day earlier "
 "killed two residents of villages in the Chaprar sector and left another eight badly wounded.",
 [dict(kind=UND, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=IMP, weapon="mortar", opt=True)]),
# https://indianexpress.com/article/india/pakistan-violates-ceasefire-along-loc-in-poonch-5947403/ (The Indian Express, a
# Thursday; the day is a guess, 12 September 2019: the time expected is the clock's on that day)
("AB08", "2019-09-12",
 "Pakistani troops Thursday resorted to unprovoked mortar shelling and small arms fire along the Line of Control (LoC) in "
 "Jammu and Kashmir\u2019s Poonch district.\n"
 "Defence Ministry spokesperson Lt Colonel Devender Anand said, \u201cAt about 11:30 hours, Pakistan initiated ceasefire "
 "violation by firing of small arms and shelling with mortars in Mendhar\u201d.\n"
 "\u201cIndian army is retaliating befittingly,\u201d he added.\n"
 "[...]\n"
 "On Wednesday morning, Pakistani troops initiated ceasefire violation along the LoC in Rajouri district\u2019s Keri "
 "sector. Unprovoked firing was observed on Tuesday as well.\n"
 "Two jawans were killed in ceasefire violations this month. A 10-year-old girl was also killed in cross border firing.",
 [dict(kind=UND, weapon="mortar", opt=True), dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, weapon="mortar", time=("within", "12 11:00", "12 12:00")),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://zeenews.india.com/india/jawan-martyred-after-pakistan-violates-ceasefire-in-jammu-and-kashmirs-gurez-sector-2252418.html
# (Zee News, Monday 16 December 2019)
("AB09", "2019-12-16",
 "An Indian Army jawan died on Monday after the ceasefire violation by Pakistan Army on the Line of Control (LoC) in "
 "Jammu and Kashmir's Gurez sector, which is about 86 kilometers from Bandipore district.\n"
 "[...]\n"
 "On December 12, Pakistan had resorted to unprovoked ceasefire violation along the LoC in Shahpur, Kirni and Qasba "
 "sectors of Poonch district in Jammu and Kashmir. The Pakistani Army had initiated an unprovoked firing of small arms "
 "and shelling with mortars along the LoC at around 11.40 am.\n"
 "Notably, Pakistan has violated ceasefire over 2,500 times from January to November 15, 2019, in the border areas of "
 "J&K along the LoC.\n"
 "[...]\n"
 "More than 350 ceasefire violations took place in October 2019, which were the highest in the 10 months of 2019, the "
 "Indian Army said.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, weapon="mortar", time=("within", "12 11:00", "12 12:00")),
  dict(kind=OTHER, cv=2500),
  dict(kind=OTHER, cv=350, opt=True)]),
# http://www.panarmenian.net/eng/news/231966/ (PanARMENIAN.Net, Tuesday 7 February 2017)
("AB10", "2017-02-07",
 "The OSCE Mission on Tuesday, February 7 conducted a planned monitoring of the line of contact between Nagorno Karabakh "
 "and Azerbaijan, in the direction of Karabakh's Hadrut region, to the north of Horadiz.\n"
 "[...]\n"
 "The monitoring passed in accordance with the agreed schedule. No violation of the ceasefire was registered. However, "
 "the Azerbaijani side did not lead the OSCE mission to its frontlines.",
 []),
# https://www.modernghana.com/amp/news/425379/darfur-peacekeepers-fire-back-at-attackers.html (AFP, Khartoum, Thursday
# 8 May 2014, on Sunday 4 May)
("AB11", "2014-05-08",
 "The incident happened on Sunday when a patrol of the African Union-United Nations Mission in Darfur came under fire "
 "from unidentified gunmen near Sindy, about halfway between the North Darfur towns of Malha and Mellit.\n"
 "Peacekeepers \"returned fire and engaged the perpetrators, forcing them to retreat,\" UNAMID said in a statement to "
 "AFP.\n"
 "[...]\n"
 "Attacks against UNAMID last year killed 16 peacekeepers and resulted in \"significant loss of vehicles, weapons and "
 "ammunition,\" a February review of the mission by UN chief Ban Ki-moon said.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# https://www.reuters.com/article/us-mali-security/u-n-peacekeeper-camp-attacked-in-malis-kidal-before-pms-visit-idUSKBN1GY258
# (Reuters, Kidal, Thursday 22 March 2018)
("AB12", "2018-03-22",
 "A U.N. peacekeepers\u2019 camp near Kidal in Mali came under mortar fire on Thursday, the U.N. mission said, shortly "
 "before a scheduled visit by the prime minister, the first to the northern city by a top government official for four "
 "years.\n"
 "[...]\n"
 "Mali\u2019s U.N. peacekeeping mission, MINUSMA, said its camp in Kidal came under fire early on Thursday morning. There "
 "were no casualties among U.N. staff there, though international forces had been wounded in the attack.\n"
 "[...]\n"
 "During Moussa Mara\u2019s visit to Kidal city in 2014, the most recent by a serving prime minister, a gun battle "
 "between the Malian army and Tuareg separatists killed at least 50 soldiers and forced state governor Sidi Mohamed Ag "
 "Ichrach to flee.",
 [dict(kind=OTHER, weapon="mortar", opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
]
