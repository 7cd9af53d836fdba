"""Session 23 (patrol23): held-out batches of REAL monitoring-mission and party text that earlier sessions did not use,
from genres the batches so far under-represent (the SMM's "Latest from" reports of February-July 2015, the first months
of Minsk II; UNMOGIP on the Line of Control as Pakistan's press told it; Syrian rounds on the Golan in 2012; MONUSCO in
Goma, UNMISS in Malakal and Bentiu; the Hodeidah ceasefire's first weeks as the coalition counted it: batch Z; Yemen's
pro-government local press on Hays, Durayhimi and Taiz 2019-2020, Colombia's tripartite mechanism, MONUSCO's convoy
near Goma 2022, UNMISS in Malakal 2016, UNDOF in S/2021/282: batch Z2, gathered after Z's fixes).

Each item's expected fields were written by hand BEFORE the reader was run on any of it; this file was committed before
the first run (its commit is the proof). Every item is a short excerpt (cut with "[...]" where a passage is left out) of
the stored public page noted above it; the date is the report's day where it is known, else the page's (or a guess from
the page: then no item's time depends on it, or the guess is said). Fields and conventions as in
``patrol_real22_batches`` (a party's tally of "ceasefire violations" is ``cv``; rounds the text says landed / hit /
struck / impacted / exploded on a place, or fired onto a place, are impacts; rounds only said to be fired, or fired
"towards" / "at" a place, undetermined; a weapon named without a number is an optional record; a restatement of fire
already counted, and a tally of the period before, are optional; fire of kind ``other`` with no number and no place is
invisible to the judge and so written as optional; a range of counts "10 to 12" is its upper end). An item with no
record expected says that nothing fired was observed; an item whose records are all optional measures only that
nothing is read wrongly (numbers of people, vehicles, minutes are no rounds).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")
DONETSK = (48.003, 37.805)

Item = tuple[str, str, str, list[dict[str, Any]]]

# --- batch Z: gathered after patrol22's leftovers and the scorer's fix, measured once on the branch --------------------
BATCH_Z: list[Item] = [

# http://osce.org/ukraine-smm/175396 ("Latest from", as of 19:30, 29 July 2015)
("Z01", "2015-07-29",
 "The situation at and around Donetsk airport was tense. Between 08:00 and 18:35hrs, at the Joint Centre for Control and "
 "Co-ordination (JCCC) observation point at the Donetsk central railway station (\u201cDonetsk People\u2019s Republic\u201d "
 "(\u201cDPR\u201d)-controlled, 8km north-west of Donetsk city centre), the SMM heard 120 explosions, consistent with "
 "incoming and outgoing mortar fire, as well as bursts of small-arms and heavy machine-gun fire. The SMM assessed that the "
 "explosions occurred at locations to the north, north-east, south, west and north-west at distances between 2 and 6km "
 "from its position.\n"
 "At the JCCC headquarters in Soledar (government-controlled, 75km north-east of Donetsk) the SMM was presented with two "
 "logbooks, compiled independently by the Ukrainian Armed Forces and the Russian Federation Armed Forces representatives "
 "to the JCCC. The Ukrainian Armed Forces logbook recorded 104 ceasefire violations; 19 attributed to the Ukrainian Armed "
 "Forces and 85 to \u201cDPR\u201d and \u201cLugansk People\u2019s Republic\u201d (\u201cLPR\u201d). The Russian "
 "Federation Armed Forces logbook contained 100 ceasefire violations; 36 attributed to the Ukrainian Armed Forces and 64 to "
 "\u201cDPR\u201d and \u201cLPR\u201d.",
 [dict(kind=UND, count=120, weapon="mortar", dist=(2, 6), time=("29 08:00", "29 18:35"), obs_at=DONETSK),
  dict(kind=BURST, weapon="small_arms", opt=True),
  dict(kind=BURST, weapon="heavy_machine_gun", opt=True),
  dict(kind=OTHER, cv=104),
  dict(kind=OTHER, cv=100),
  dict(kind=OTHER, cv=19, opt=True), dict(kind=OTHER, cv=85, opt=True),
  dict(kind=OTHER, cv=36, opt=True), dict(kind=OTHER, cv=64, opt=True)]),
# http://osce.org/ukraine-smm/148996 ("Latest from", as of 18:00, 31 March 2015)
("Z02", "2015-03-31",
 "Stationary in the vicinity of the destroyed \u201cDPR\u201d-controlled Donetsk airport* (8km north-west of Donetsk), "
 "the SMM heard the distant sound of four explosions between 10:05 and 10:18hrs, and an additional explosion at "
 "10:55hrs, followed almost immediately by a burst of heavy machine gun or light artillery, all emanating from locations "
 "to the north-west.\n"
 "From positions in Donetsk city-centre throughout the day, the SMM heard three different instances of shelling thought "
 "to have come from the area in and around the airport to the north-west: a single explosion at a distance of "
 "approximately ten kilometres; 70 incoming and outgoing mortar, artillery and tank rounds; and, three powerful "
 "explosions. What was assessed to have been an out-going artillery round was also heard whilst at a position four "
 "kilometres south-west of the city-centre, assessed to have emanated from a location two kilometres further south-west.",
 [dict(kind=UND, count=4, bearing="NW", time=("31 10:05", "31 10:18"), obs_at=DONETSK),
  dict(kind=UND, count=1, bearing="NW", time=("31 10:55", "31 10:55")),
  dict(kind=BURST, count=1, opt=True),
  dict(kind=UND, count=1, bearing="NW", dist=(10, 10), obs_at=DONETSK),
  dict(kind=UND, count=70, bearing="NW", obs_at=DONETSK),
  dict(kind=UND, count=3, bearing="NW", obs_at=DONETSK),
  dict(kind=OUT, count=1, weapon="artillery", bearing="SW", dist=(2, 2))]),
# http://osce.org/ukraine-smm/145141 ("Latest from", as of 18:00, 15 March 2015)
("Z03", "2015-03-15",
 "At the Donetsk airport* (\u201cDonetsk People\u2019s Republic\u201d \u201cDPR\u201d-controlled, 10km north-west of "
 "Donetsk), on 14 March, at 10:37hrs SMM heard three light machine gun rounds fired north-east of the SMM position, "
 "which was near the old terminal. At 11:15hrs the SMM heard one mortar round fired from an estimated 200m to the "
 "south-west of the SMM position. The SMM could not ascertain the direction of either of these firing incidents. On 15 "
 "March, at the Donetsk airport, at 09:50hrs the SMM heard one explosion, approximately 3km north-west of the SMM "
 "position (which was 2km south-east from the new terminal). The SMM could not ascertain the type of the weapon used and "
 "whether it was outgoing or incoming fire. The SMM remained at the same position, and from 09:55 to 10:10hrs heard "
 "sporadic small arms fire, approximately 1km to the north-west.\n"
 "On 14 March, while in Pisky (government-controlled, 12km north-west of Donetsk), the SMM heard 10 to 12 mortar impacts "
 "in the vicinity of Pisky village.",
 [dict(kind=SHOT, count=3, bearing="NE", time=("14 10:37", "14 10:37"), obs_at=DONETSK),
  dict(kind=UND, count=1, weapon="mortar", bearing="SW", dist=(0.2, 0.2), time=("14 11:15", "14 11:15")),
  dict(kind=UND, count=1, bearing="NW", dist=(3, 3), time=("15 09:50", "15 09:50"), obs_at=DONETSK),
  dict(kind=OTHER, weapon="small_arms", bearing="NW", dist=(1, 1), time=("15 09:55", "15 10:10")),
  dict(kind=IMP, count=12, weapon="mortar", obs="Pisky")]),
# http://osce.org/ukraine-smm/148321 ("Latest from", as of 18:00, 29 March 2015)
("Z04", "2015-03-29",
 "While in the area of Donetsk airport* the SMM heard one explosion at a distance of approximately 1-2km north of its "
 "position. The SMM assessed it to be an outgoing 82mm mortar. Earlier on 28 March, from an observation point in front of "
 "the destroyed new terminal of Donetsk airport, between 10:58 and 11:11hrs, the SMM heard two outgoing bursts of heavy "
 "machine gun and five single shots of heavy machine gun, three single shots of small arms and one shot of an "
 "under-barrel grenade launcher from approximately 500-700m north of its position; at 11:00hrs the SMM heard two "
 "explosions at a distance of approximately 2-5km west of its position.",
 [dict(kind=OUT, count=1, weapon="mortar", bearing="N", dist=(1, 2), obs_at=DONETSK),
  dict(kind=BURST, count=2, weapon="heavy_machine_gun", bearing="N", dist=(0.5, 0.7), time=("28 10:58", "28 11:11")),
  dict(kind=SHOT, count=5, weapon="heavy_machine_gun", bearing="N", dist=(0.5, 0.7)),
  dict(kind=SHOT, count=3, weapon="small_arms", bearing="N", dist=(0.5, 0.7)),
  dict(kind=SHOT, count=1, weapon="grenade_launcher", bearing="N", dist=(0.5, 0.7)),
  dict(kind=UND, count=2, bearing="W", dist=(2, 5), time=("28 11:00", "28 11:00"))]),
# https://shhada.ir/ukraine-smm/141481 (a copy of osce.org's "Latest from", as of 18:00, 17 February 2015)
("Z05", "2015-02-17",
 "In the vicinity of the Donetsk airport on the morning of the 17 February, the SMM heard artillery and mortar shelling, "
 "heavy machine guns and small arms fire. The SMM could not ascertain whether the rounds (which lasted one hour) were "
 "incoming or outgoing. Residents in the area told the SMM that they have had no water or electricity supply for the "
 "past two months.\n"
 "Throughout the morning of 17 February, the SMM \u2013 stationary in Soledar (77km north of Donetsk, "
 "government-controlled) \u2013 heard intense shelling, which it assessed to be emanating from Debaltseve. The SMM could "
 "not ascertain if the rounds were incoming or outgoing.",
 [dict(kind=UND, weapon="artillery", opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True), dict(kind=OTHER, weapon="small_arms", opt=True),
  dict(kind=UND, opt=True)]),
# https://osce.org/ukraine-smm/140521 ("Latest from", as of 18:00, 12 February 2015)
("Z06", "2015-02-12",
 "According to the incident log provided to the SMM, the number of ceasefire violations reported to the JCCC in the last "
 "24 hours reached 88, which represented a considerable decrease in comparison to the previous reporting cycle (124 "
 "breaches). However, JCCC interlocutors said that almost all violations have been by multiple launch rocket systems "
 "(MLRS), heavy artillery and mortars, with the areas most affected concentrated in Debaltseve (55km north of Donetsk, "
 "government-controlled) and Novoazovsk (120km south-east of Donetsk, \u201cDPR\u201d-controlled).\n"
 "In Donetsk city the SMM visited Hospital number 20 which was shelled on 11 February from 20:00 to 21:00hrs.",
 [dict(kind=OTHER, cv=88),
  dict(kind=OTHER, cv=124, opt=True),
  dict(kind=UND, weapon="mlrs", opt=True), dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=IMP, opt=True)]),
# https://dawn.com/news/1335141 (Dawn, a Wednesday of May 2017 after "May 10, 13 and 16": 24 May 2017, a guess; no time
# is expected)
("Z07", "2017-05-24",
 "Two officials of the United Nations Military Observers group in India and Pakistan (UNMOGIP) narrowly escaped a firing "
 "incident as Indian troops reportedly targeted their vehicle while they were visiting areas along the Pakistani side of "
 "the Line of Control (LoC), DawnNews reported Wednesday.\n"
 "[...] The Indian troops deployed on LoC, \u201ctargeted UNMOGIP vehicle along LOC in Khanjar sector,\u201d it added.\n"
 "[...]\n"
 "The observers were informed that the Indian army violated ceasefire agreement on May 10, 13 and 16, said an earlier "
 "statement issued by ISPR.\n"
 "\u201cIndian Army used small arms, automatic and heavy calibre weapons, heavy mortars (122 mm) and field artillery in "
 "Sabzkot, Baroh, Tandar, Khuiratta, Kot Koterra and Karela Sectors to target Pakistani villages.\u201d\n"
 "The observers were also told that a civilian was killed and 15 others, including women and children, injured when "
 "Indian troops resorted to firing.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, weapon="artillery", opt=True), dict(kind=OTHER, opt=True)]),
# https://en.dailypakistan.com.pk/headline/narrow-escape-for-un-observers-after-indian-troops-fire-across-loc-two-pakistanis-wounded/
# (Daily Pakistan; the date is not on the stored page: a Wednesday after May 2017, a guess; no time is expected)
("Z08", "2017-11-01",
 "ISLAMABAD \u2013 Three members of the United Nations Military Observers Mission for India and Pakistan (UNMOGIP) had a "
 "close call along the Line of Control (LoC) in Azad Jammu and Kashmir on Wednesday after Indian troops opened fire at two "
 "Pakistanis who were briefing them on ceasefire violations from across the border.\n"
 "The UN observers were interacting with local people in Polas village in Abbaspur sector of Poonch district where the UN "
 "observers had reached in two white vehicles hoisting blue UN flags, the Dawn reported, when the Indian side opened "
 "fire.\n"
 "[...]\n"
 "In May 2017, two UN observers had a narrow escape in AJK\u2019s southernmost Bhimber district, when their vehicle was "
 "allegedly targeted by Indian troops from across the LoC.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# http://fgks.org/proxy/index.php?q=aHR0cDovL3d3dy5kYXduLmNvbS9uZXdzLzExOTUxODE%3D (Dawn, 18 July 2015, a Friday's
# statement)
("Z09", "2015-07-17",
 "ISLAMABAD: Army asked the United Nations Military Observers Group in India and Pakistan (UNMOGIP) on Friday to "
 "investigate latest ceasefire violations by India along the Line of Control (LoC) and Working Boundary (WB).\n"
 "[...]\n"
 "Four civilians were killed by Indian firing on civilian population on the Pakistani side along the LoC and WB on "
 "Wednesday and Thursday. Five civilians were injured.\n"
 "The army in its protest highlighted Indian military\u2019s use of \u201cheavy mortars and machine guns on civil "
 "population\u201d.",
 [dict(kind=OTHER, opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True), dict(kind=OTHER, opt=True)]),
# https://www.timesofisrael.com/two-syrian-mortars-land-in-southern-golan-heights/ (The Times of Israel; the date is not
# on the stored page: a Saturday of November 2012, a guess; no time is expected)
("Z10", "2012-11-03",
 "Three Syrian mortars landed near moshav Ramat Magshimim in the southern Golan Heights on Saturday afternoon, causing no "
 "injuries or damage.\n"
 "[...] Officials were not immediately certain of how many mortars had actually landed.\n"
 "Israel promptly filed a complaint with the UN observer force stationed on the Israeli-Syrian border.\n"
 "[...]\n"
 "On Wednesday, a tank shell from Syria landed in the central Golan community of Alonei Habashan, after several months of "
 "relative quiet on the Israeli side of the border.\n"
 "No damage was reported in that incident, either. The shell, believed to have been an errant shot from a battle between "
 "Syrian government forces and rebels, landed in an open area and did not explode.",
 [dict(kind=IMP, count=3, weapon="mortar"),
  dict(kind=IMP, count=1, weapon="tank"),
  dict(kind=IMP, opt=True), dict(kind=OTHER, opt=True)]),
# http://www.algemeiner.com/2012/12/05/syrian-mortar-lands-in-israel-un-peacekeepers-reinforced-on-golan-heights/
# (Tazpit News Agency, 5 December 2012)
("Z11", "2012-12-05",
 "The IDF confirmed that a Syrian mortar shell landed near an IDF base on the border between Israel and Syria in the "
 "Golan Heights on Wednesday afternoon, December 5. It was most likely a misfire from Syrian infighting stated an IDF "
 "source, with the mortar landing in Israel by accident and causing no damage or injuries.\n"
 "[...] Syrian shells and bullets have landed on the Israeli side of the Golan ceasefire line several times, according "
 "to the Jerusalem Post. Syrian mortars landed in Israel at least twice during the month of November, with one landing "
 "inside a residential area in an Israeli moshav, Alonei Habashan. The mortar did not explode and IDF sappers were able "
 "to defuse it.",
 [dict(kind=IMP, count=1, weapon="mortar"),
  dict(kind=IMP, opt=True), dict(kind=IMP, opt=True), dict(kind=IMP, opt=True), dict(kind=IMP, opt=True)]),
# https://israelmatzav.blogspot.com/2012/09/syrian-mortar-shells-hit-israeli-side.html (25 September 2012)
("Z12", "2012-09-25",
 "Mortar shells from an exchange of fire between rebels and forces loyal to Syrian President Bashar al-Assad landed on "
 "the Israeli side of the Golan Heights on Tuesday. Israel has called that \u2018unacceptable\u2019 and has filed a "
 "complaint with the UN peacekeeping force that monitors the border area, the United Nations Disengagement Observer Force "
 "(UNDOF).\n"
 "There were no reports of injuries or damage as a result of the incident.\n"
 "The mortar shells were \u201caimed at villages inside Syria and are part of the internal, ongoing conflict in "
 "Syria,\u201d said the IDF Spokesman\u2019s Office following the incident.",
 [dict(kind=IMP, weapon="mortar", opt=True), dict(kind=OTHER, opt=True), dict(kind=UND, weapon="mortar", opt=True)]),
# https://www.dailymirror.lk/International/un-peacekeepers-in-congo-ordered-to-protect-civilians-after-city-shelled/107-34250
# (Reuters, 23 August 2013, on Thursday 22 August)
("Z13", "2013-08-22",
 "Martin Kobler, head of the U.N. mission known as MONUSCO, said populated areas and U.N. positions had been directly "
 "attacked during the clashes on Thursday.\n"
 "[...]\n"
 "A Reuters reporter in Goma said three shells landed in the town and saw the bodies of two children killed in one of the "
 "explosions. Another civilian was killed and four others wounded, officials at a local hospital said. Two Congolese "
 "soldiers were also wounded, they said.\n"
 "[...]\n"
 "The official said M23 had fired the shells that fell on Goma and across the border in Rwanda.\n"
 "Rwanda\u2019s defense ministry acknowledged a rocket had hit the Rwandan border village of Buga but blamed it on the "
 "Congolese army.",
 [dict(kind=IMP, count=3),
  dict(kind=IMP, count=1, weapon="rocket"),
  dict(kind=OTHER, opt=True), dict(kind=IMP, opt=True), dict(kind=IMP, opt=True)]),
# http://news.trust.org/item/20140115181616-dy7fm/?source=hpbreaking (Reuters, 15 January 2014)
("Z14", "2014-01-15",
 "UNITED NATIONS, Jan 15 (Reuters) - U.N. peacekeepers fired warning shots to deter fighters from a United Nations base "
 "in South Sudan after gunfire reached the compound, wounding dozens and killing at least one civilian seeking refuge "
 "there, a U.N. spokesman said on Wednesday.\n"
 "The incident took place on Tuesday at the U.N. peacekeeping base in Malakal, a major transit point and administrative "
 "center of oil-producing Upper Nile State, U.N. spokesman Martin Nesirky told reporters.\n"
 "[...]\n"
 "\u201cThe mission said that peacekeepers fired multiple rounds of gunfire to deter anyone engaged in fighting from "
 "coming too close to its base, in order to protect civilians,\u201d he said.\n"
 "[...]\n"
 "\u201cToday, the mission reports that the fighting has stopped in Malakal, but the situation remains fluid,\u201d he "
 "said, adding that \u201csporadic gunfire can still be heard some distance from the U.N. base, where it is now "
 "protecting some 20,000 civilians.\u201d\n"
 "\u201cThe mission also continues to report loud explosions and gunfire in the vicinity of its base in Bor, where it "
 "is protecting 9,000 civilians within the U.N. base,\u201d Nesirky said.",
 [dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=SHOT, opt=True),
  dict(kind=OTHER, opt=True), dict(kind=UND, opt=True), dict(kind=OTHER, opt=True)]),
# http://www.sudantribune.com/spip.php?article62961 (Sudan Tribune, 10 July 2017, on Saturday 8 July)
("Z15", "2017-07-10",
 "July 10, 2017 (JUBA) \u2013 The United Nations Mission in South Sudan (UNMISS) Monday said its Mongolian peacekeepers "
 "prevented the abduction of internally displaced people by two armed individuals wearing South Sudan army (SPLA) outside "
 "the protection of civilians site in Bentiu, Unity State on Saturday.\n"
 "A Mongolian Quick Reaction Force, it said, was deployed to the scene when the mission first noticed the soldiers "
 "harassing civilians.\n"
 "\u201cThe troops fired warning shots over the heads of the soldiers who were also behaving aggressively towards the "
 "peacekeepers, including firing at them. The soldiers fled to the bush,\u201d the world body said in a statement.\n"
 "\u201cNo casualties were reported,\u201d it further underscored.\n"
 "[...] as of 30 March 2017, a total of number of civilians seeking safety in six Protection of Civilians (PoC) sites "
 "located on UNMISS bases was 214,979 including 117,654 in Bentiu, 30,559 in Malakal, 38,833 in Juba UN House, 1,956 in "
 "Bor, 651 in Melut and 171 in Wau [...]",
 [dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True)]),
# https://www.voanews.com/a/south-sudan-unmiss-idp-peacekeeper/2798465.html (VOA, Friday 29 May 2015, on Thursday 28 May)
("Z16", "2015-05-29",
 "A United Nations peacekeeper and nine civilians were wounded when an unknown number of South Sudanese army soldiers "
 "opened fire at the United Nations protection of civilians site in Malakal, an eye-witness and U.N. officials said "
 "Friday.\n"
 "[...]\n"
 "Wuor said at least nine civilians, including three children, were wounded in the shoot-out, although it has been "
 "impossible to confirm the toll with U.N. sources. He said the shooting lasted about 30 minutes and caused panic among "
 "some of the IDPs.",
 [dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True)]),
# http://www.arabnews.com/node/1424441/middle-east (Arab News, 22 December 2018)
("Z17", "2018-12-22",
 "JEDDAH: The Arab coalition supporting the legitimate Yemeni government said on Saturday that the Iranian-backed Houthi "
 "militia continue to violate the Sweden agreement on a ceasefire in the strategic port city of Hodeidah.\n"
 "\u201cThe Houthi militia has breached the ongoing ceasefire agreement in Hodeidah at least 14 times in the past 24 "
 "hours,\u201d the coalition said in statement published on Al-Ekhbariya TV for the second consecutive day.\n"
 "It added that the group were using all types of weapons \u2014 including mortars, RPGs, Katyusha rockets and ballistic "
 "missiles in violation of the ceasefire agreement reached during UN-sponsored peace talks in Stockholm on Dec. 13.",
 [dict(kind=OTHER, cv=14),
  dict(kind=UND, weapon="mortar", opt=True), dict(kind=UND, weapon="grenade_launcher", opt=True),
  dict(kind=UND, weapon="rocket", opt=True), dict(kind=UND, weapon="mlrs", opt=True)]),
# https://www.thereference-paris.com/2970 (The Reference, early January 2019: a guess; no time is expected)
("Z18", "2019-01-02",
 "Houthi rebels violated the UN-brokered ceasefire in Hodeidah more than 200 times in less than two weeks since it went "
 "into effect and do not show signs of preparing to abide by the truce, the UAE, Saudi Arabia and Yemen have told the "
 "Security Council.\n"
 "The rebels killed 23 coalition forces and wounded 163 in 268 attacks between December 18 and December 30, according to "
 "a detailed list submitted by the permanent UN representatives of the theree countries to the Council president on "
 "December 31, along with a letter calling for international pressure on the Houthis to cease hostilities that threaten "
 "the peace process.\n"
 "The rebel attacks in and around the port city ranged from sniper fire and artillery barrages to the launching of "
 "medium range ballistic missiles in attacks lasting up to an hour.",
 [dict(kind=OTHER, cv=200),
  dict(kind=OTHER, cv=268, opt=True),
  dict(kind=OTHER, weapon="small_arms", opt=True), dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=OUT, weapon="rocket", opt=True), dict(kind=UND, weapon="rocket", opt=True)]),
]

# --- batch Z2: gathered after Z's fixes, measured once on the branch ------------------------------------------------------
BATCH_Z2: list[Item] = [

# https://newsyemen.life/new/50947 (Newsyemen, Sunday 26 January 2020, on Saturday night)
("Z201", "2020-01-26",
 "Houthi militia bombed residential neighborhoods in the city of Hays, on Saturday night, with a number of mortar shells, "
 "and targeted a number of residential gatherings, injuring two people.\n"
 "A Newsyemen reporter reported that the residential neighborhoods were targeted by a number of 120 and 82 mortar "
 "rounds.\n"
 "He said that one of the houses in the city's Ruba Mahal neighborhood was damaged as a result of the fall of two shells "
 "fired by the militias from the sites surrounding the city.\n"
 "A car used to transport and sell drinking water was also damaged by a mortar.",
 [dict(kind=IMP, weapon="mortar", opt=True), dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=IMP, count=2),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=IMP, weapon="mortar", opt=True)]),
# http://en.adenpress.news/news/10951 (Aden Press, Sunday 4 August 2019)
("Z202", "2019-08-04",
 "The Iran-backed Houthi coupist militia continued to shell residential areas in Hays district, south Hodeidah in "
 "defiance of the international community and the United Nations.\n"
 "local sources said on Sunday that the Houthi rebels indiscriminately fired mortar shells at Hays district, causing "
 "significant damage to several houses.",
 [dict(kind=IMP, opt=True), dict(kind=UND, weapon="mortar", opt=True), dict(kind=OTHER, opt=True)]),
# https://www.yemenwatch.com/news/houthis-bombard-hays-south-of-hodeidah/ (Yemen Watch, 17 October 2019)
("Z203", "2019-10-17",
 "The Houthi terrorist militias continued their daily violations of the UN truce in Hais district, south of Hodeidah "
 "governorate, targeting the joint forces\u2019 positions with heavy artillery shells and medium weapons.\n"
 "According to a military field source the Houthi militias fired heavy artillery shells towards the positions of joint "
 "forces north of the Directorate of Hais.\n"
 "The militia opened fire with medium weapons at the joint forces\u2019 positions with Pika, 14.5, 12.7 and other "
 "machine-guns, the source said.",
 [dict(kind=UND, weapon="artillery", opt=True), dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, weapon="heavy_machine_gun", opt=True)]),
# http://en.adenpress.news/news/2790 (Aden Press, Sunday 24 March 2019)
("Z204", "2019-03-24",
 "The Iran-backed Houthi coupist militia fired mortar shells at a residential area in Hays district, killing at least "
 "three people, including a child and seriously injuring one man.\n"
 "Locals said that the Houthi militants targeted a gathering of citizens near the busy market of Hays with mortar shells, "
 "causing civilian deaths.",
 [dict(kind=UND, weapon="mortar", opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=IMP, weapon="mortar", opt=True)]),
# http://en.adenpress.news/news/19974 (Aden Press, 5 May 2020, on Monday 4 May)
("Z205", "2020-05-04",
 "The Iran-backed Houthi putschist militia unleashed an intense mortar attack focused on heavily populated residential "
 "neighborhoods of al-Duraihimi district, south of Hodeidah, al-Amalika Media Centre reported on Monday.\n"
 "The pro-Iran militants launched heavy mortars and opened fire from medium weapons targeting the residential villages "
 "and neighborhoods of al-Duraihimi for several hours.",
 [dict(kind=UND, weapon="mortar", opt=True), dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=OUT, weapon="mortar", opt=True), dict(kind=OTHER, opt=True)]),
# https://en.26sepnews.net/2019/03/28/houthi-militia-continues-violations-into-hodeidah-targets-army-positions-residential-neighborhoods/
# (September Net, Thursday 28 March 2019)
("Z206", "2019-03-28",
 "The Iranian-backed Houthi militia continues to violate the cease-fire agreement in the western province of Hodeidah.\n"
 "On Thursday, the Houthi militia indiscriminately shelled houses in the southern district of Hayes, causing civilian "
 "casualties and several houses were damaged. On Wednesday evening, the Houthi militia targeted the positions of the "
 "national army, east of Hodeidah, with artillery and machine guns.",
 [dict(kind=IMP, opt=True), dict(kind=OTHER, opt=True), dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True), dict(kind=OTHER, opt=True)]),
# https://en.26sepnews.net/2019/02/24/houthi-rebels-continue-to-violate-the-un-truce-hours-before-withdrawal-from-hodeidah-ports/
# (September Net, Sunday 24 February 2019)
("Z207", "2019-02-24",
 "Houthi coup militias continued shelling residential areas and houses in the district of al-Tohaita in the western "
 "province of Hodeidah.\n"
 "[...]\n"
 "The neighborhoods of Hais district in Hodeidah were also shelled on Saturday night by Houthi militias\u2019 RPGs and "
 "mortar shells, causing major destruction among civilians\u2019 houses.\n"
 "The militias continued today\u2019s afternoon to bombard the positions of the national army with mortars and medium "
 "weapons in the east and north of Hodeidah city.",
 [dict(kind=IMP, opt=True), dict(kind=IMP, weapon="grenade_launcher", opt=True), dict(kind=IMP, weapon="mortar", opt=True),
  dict(kind=UND, opt=True), dict(kind=UND, weapon="mortar", opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://rt.com/newsline/446829-yemen-breach-hodeidah-ceasefire (RT citing Reuters, Wednesday 19 December 2018)
("Z208", "2018-12-19",
 "Residents reported shelling late on Tuesday, the first day of the truce, for nearly one hour on the eastern and "
 "southern outskirts of the Houthi-held Red Sea city. It was calm early on Wednesday, Reuters reports. Houthi-run "
 "al-Masirah TV accused Saudi-led coalition forces of breaching the truce by shelling several sites. A Yemeni source was "
 "quoted by the UAE\u2019s news agency WAM as saying that the Houthis fired mortar bombs and rockets at a hospital in the "
 "eastern suburbs.",
 [dict(kind=UND, opt=True), dict(kind=UND, opt=True), dict(kind=UND, weapon="mortar", opt=True),
  dict(kind=UND, weapon="rocket", opt=True)]),
# https://colombiareports.com/colombia-ceasefire-broken-5-times-since-august/amp (Colombia Reports; the date is not on the
# stored page: early February 2017, a guess; no time is expected)
("Z209", "2017-02-01",
 "Colombia\u2019s demobilizing FARC rebels on three occasions violated a ceasefire in place since August last year while "
 "the government on two occasions failed to comply to the pact, according to the ceasefire monitoring group.\n"
 "The delegates of the government, the FARC and the United Nations said the guerrillas violated the ceasefire on "
 "January 10 in the southern Caqueta department when members of the group opened fire at dissident member "
 "\u201cMojoso.\u201d\n"
 "[...]\n"
 "The first incident took place on December 31 when \u201cmembers of the security forces carried out an operation "
 "within 3,000 meters\u201d of the FARC\u2019s temporary pre-demobilization camp in the northern Cesar province.\n"
 "Almost four weeks later, on January 24, three soldiers in an army truck entered entered a provisional FARC camp in "
 "Cesar where heavily armed FARC guerrillas were waiting to enter their demobilization and disarmament camps.",
 [dict(kind=OTHER, cv=3, opt=True), dict(kind=OTHER, cv=2, opt=True), dict(kind=OTHER, opt=True),
  dict(kind=OTHER, opt=True)]),
# https://diplomaticinfo.com/un-vehicle-torched-2-peacekeepers-wounded-in-mob-attack-in-dr-congo (Anadolu; the date is
# not on the stored page: Wednesday 2 November 2022, a guess after "captured … Kiwanja and Rutshuru" last Saturday; no time
# is expected)
("Z210", "2022-11-02",
 "The incident occurred on Tuesday night near Goma town.\n"
 "\u201cAt around 21:00, a convoy of MONUSCO heading to Goma from Rumangabo was stopped at a checkpoint of FARDC "
 "(government troops) at Kanyaruchinya. A crowd gathered and began to stone the convoy, setting fire to at least one of "
 "the MONUSCO trucks,\u201d the mission said on Twitter.\n"
 "\u201cTwo Bangladeshi engineers were injured,\u201d he added.\n"
 "The convoy managed to leave the area after MONUSCO fired warning shots, it added.\n"
 "[...]\n"
 "Four peacekeepers were wounded during attacks perpetrated last Saturday by M23 rebels in Kiwanja, Rutshuru territory, "
 "MONUSCO said.",
 [dict(kind=SHOT, opt=True), dict(kind=OTHER, opt=True)]),
# http://cepo-southsudan.org/incident-report/unmiss-fired-warning-shots-malakal (CEPO's incident report, 15 April 2016)
("Z211", "2016-04-15",
 "15th of April 2016. According to reports, at around 23:30hrs, warning shots were fired by UNMISS forces after rumors "
 "spread amongst IDPs that government forces were approaching the PoC area in Malakal. It was said that IDPs from sector "
 "4 and 1 started moving inside UNMISS as a result of the hearing said reports.",
 [dict(kind=SHOT, time=("15 23:30", "15 23:30"), opt=True)]),
# https://moi.gov-ye.com/printall.html?l=e/1/A/c/1///5874 (Yemen's interior ministry, Security Media; the date is not on
# the stored page: a guess; no time is expected)
("Z212", "2021-01-01",
 "Security Media \u2013 Taiz: A civilian's house in Taiz governorate was hit by a mortar shell fired by the Houthi "
 "militia stationed in Tabat al-Salil. The Taiz police indicated that the shell caused panic and fear among civilians "
 "living. They live in the Dhu al-Nurin al-Shamsi neighbourhood, without any casualties. The police reported that the "
 "shell resulted in a pit on the roof of the house and shrapnel in the walls. The shell as well as damage to the house's "
 "water tank. It is explaining that the material damage is estimated at about 1 million riyals.",
 [dict(kind=IMP, count=1, weapon="mortar"),
  dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=OTHER, opt=True), dict(kind=IMP, opt=True)]),
# https://docslib.org/doc/1394806/s-2021-282-security-council (UNDOF, the Secretary-General's report S/2021/282, on 24
# November 2020)
("Z213", "2020-11-24",
 "Late on 24 November, personnel at United Nations position 68 observed an explosion in the vicinity of the village of "
 "Ruhinah, approximately 1,000 metres north-west of the position, causing the United Nations personnel to take shelter "
 "in the bunker for approximately 90 minutes.",
 [dict(kind=UND, count=1, bearing="NW", dist=(1, 1))]),
]
