"""Session 28 (patrol28): a held-out batch AH of real-STYLE sentences written by hand (not copied from a page: each imitates
the wording of a genre the earlier batches hold few of): the OSCE SMM's weekly reports and weekly updates of 2015-2021, its
spot reports and camera summaries with "(Kyiv time)", the JCCC's statements of the Minsk years (both sides, with "Moscow
time" before and after 26 October 2014), the Russian peacekeepers' bulletins from Nagorno-Karabakh of 2020-2021, the EUMM
in Georgia with "(Tbilisi time)" and "(local time)", UNMOGIP and the ISPR on the Line of Control with four-digit hours and
windows across midnight, UNDOF's and UNTSO's observations from their positions, UNIFIL's rockets and the IDF's answer, and
the KVM's verifiers of 1998-99. Constructs: a zone named by a city, whose offset depends on the date; windows across
midnight (24-hour, 12-hour, "hrs", a later time of the same paragraph after midnight); "shortly after midnight"; counts
broken down by time ("one at 10:10 and two at 10:25"); "another"; "of which the IDF intercepted four"; "including no
explosions"; "from Position 22"; "at least five".

Each item's expected fields were written BEFORE the reader was run on any of it; this file was committed before the
first run (its commit is the proof). Fields and conventions as in ``patrol_real24_batches`` .. ``patrol_real27_batches``
(a tally of ceasefire violations is ``cv``, a tally of the previous period optional; rounds said to land / impact /
explode on a place are impacts; rounds only fired, or fired "towards" / "at" a place, undetermined; rounds intercepted are
airbursts, told beside the rounds fired, which are counted whole (patrol28's settled convention); a weapon named with no
number is an optional record; times are UTC, the default zone, so a report's clock with no zone is expected as written, and
one with a zone (GMT, "Moscow time", "Kyiv time", "Tbilisi time") in UTC; a part of the day is the reader's hours for it;
a week "Between 3 and 9 October" is its whole days).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

BATCH_AH: list[Item] = [

# the SMM's weekly report (2016): a week's tally with the week before
("AH01", "2016-10-12",
 "Between 3 and 9 October, the SMM recorded more than 2,800 ceasefire violations, including about 1,100 explosions, "
 "compared with about 3,400 ceasefire violations, including 1,500 explosions, in the previous week.",
 [dict(kind=UND, count=1100, cv=2800, time=("within", "03 00:00", "10 00:00")),
  dict(kind=UND, count=1500, cv=3400, opt=True)]),

# the SMM's spot report: a clock in Kyiv time in winter (EET, UTC+2)
("AH02", "2016-03-14",
 "At 22:10 (Kyiv time) on 14 March, while positioned in Avdiivka, the SMM heard four explosions assessed as impacts of "
 "152mm artillery rounds 3-4km south-east.",
 [dict(kind=IMP, count=4, weapon="artillery", bearing="SE", dist=(3, 4), time=("14 20:10", "14 20:10"), obs="Avdiivka")]),

# the SMM's camera in summer, Kyiv time (EEST, UTC+3): the UTC day is the day before
("AH03", "2019-07-21",
 "At 00:05 (Kyiv time) on 21 July, the SMM camera in Zolote recorded two projectiles in flight from west to east, "
 "2-4km south-west.",
 [dict(kind=PIF, count=2, flight="W to E", bearing="SW", dist=(2, 4), time=("20 21:05", "20 21:05"))]),

# the Russian peacekeepers' bulletin (2020, Moscow time UTC+3)
("AH04", "2020-11-23",
 "On 22 November, at 23:40 (Moscow time), Russian peacekeepers recorded four shots from small arms in the area of Shusha. "
 "No casualties were reported.",
 [dict(kind=SHOT, count=4, weapon="small_arms", time=("22 20:40", "22 20:40"))]),

# the JCCC's Russian officers before 26 October 2014 (Moscow time UTC+4)
("AH05", "2014-10-12",
 "On 12 October 2014 at 16:20 Moscow time, the Ukrainian military fired six Grad rockets at the area of the Donetsk "
 "airport, the Russian side of the JCCC said.",
 [dict(kind=UND, count=6, weapon="mlrs", time=("12 12:20", "12 12:20"))]),

# the JCCC after 26 October 2014 (Moscow time UTC+3)
("AH06", "2014-11-05",
 "At 09:30 (Moscow time) on 5 November, the armed formations fired 12 120mm mortar rounds at the positions near Pisky.",
 [dict(kind=UND, count=12, weapon="mortar", time=("05 06:30", "05 06:30"))]),

# the SMM: a window across midnight, a later time after it in the same paragraph
("AH07", "2018-06-05",
 "On the night of 4-5 June, while in Svitlodarsk, the SMM heard 18 undetermined explosions 5-7km south-east between "
 "23:40 and 00:15, and at 00:35 two bursts of heavy-machine-gun fire 3km south.",
 [dict(kind=UND, count=18, bearing="SE", dist=(5, 7), time=("04 23:40", "05 00:15"), obs="Svitlodarsk"),
  dict(kind=BURST, count=2, weapon="heavy_machine_gun", bearing="S", dist=(3, 3), time=("05 00:35", "05 00:35"))]),

# the SMM: a window across midnight, the next sentence after it
("AH08", "2017-02-20",
 "Between 23:52 and 00:20, positioned in Horlivka, the SMM heard 26 explosions 4-6km west. At 00:41, it heard three more "
 "explosions 5km west.",
 [dict(kind=UND, count=26, bearing="W", dist=(4, 6), time=("20 23:52", "21 00:20"), obs="Horlivka"),
  dict(kind=UND, count=3, bearing="W", dist=(5, 5), time=("21 00:41", "21 00:41"))]),

# the ISPR: a window in four-digit hours across midnight
("AH09", "2018-01-20",
 "Indian troops carried out unprovoked ceasefire violation in Battal sector along the LoC from 2230 hrs to 0130 hrs, "
 "targeting civilian population with 82mm mortars.",
 [dict(kind=UND, weapon="mortar", opt=True, time=("20 22:30", "21 01:30"))]),

# a news copy: a 12-hour window across midnight
("AH10", "2015-08-16",
 "Residents of Donetsk's Kyivskyi district said heavy artillery fire continued from 11 p.m. to 2 a.m., with at least 30 "
 "explosions heard.",
 [dict(kind=UND, count=30, time=("16 23:00", "17 02:00"))]),

# the SMM: "shortly after midnight"
("AH11", "2021-04-03",
 "Shortly after midnight on 3 April, the SMM camera at the Donetsk Filter Station recorded five undetermined explosions "
 "1-2km north-west.",
 [dict(kind=UND, count=5, bearing="NW", dist=(1, 2), time=("within", "03 00:00", "03 02:00"))]),

# the SMM: a count broken down by time in brackets
("AH12", "2019-09-10",
 "Positioned in Maiorsk, the SMM heard three undetermined explosions 4km west (one at 10:10 and two at 10:25).",
 [dict(kind=UND, count=1, bearing="W", dist=(4, 4), time=("10 10:10", "10 10:10"), obs="Maiorsk"),
  dict(kind=UND, count=2, bearing="W", dist=(4, 4), time=("10 10:25", "10 10:25"), obs="Maiorsk")]),

# the EUMM: a zone named by its city, "about ten bursts"
("AH13", "2019-04-14",
 "On 14 April, EUMM monitors patrolling near the Administrative Boundary Line heard about ten bursts of automatic gunfire "
 "from the direction of Akhalgori at 14:20 (Tbilisi time).",
 [dict(kind=BURST, count=10, time=("14 10:20", "14 10:20"))]),

# the EUMM: three clock times, "(local time)"
("AH14", "2018-09-02",
 "An EUMM patrol near Ergneti heard three explosions at 11:05, 11:07 and 11:40 (local time) south of the "
 "Administrative Boundary Line.",
 [dict(kind=UND, count=3, time=("02 11:05", "02 11:40"))]),

# UNMOGIP: a field team, rounds impacting, four-digit hours
("AH15", "2017-05-12",
 "At 1530 hrs on 12 May, the UNMOGIP field team at Bhimber observed 15 rounds of mortar fire impacting 3-4km north-east "
 "of the team site.",
 [dict(kind=IMP, count=15, weapon="mortar", bearing="NE", dist=(3, 4), time=("12 15:30", "12 15:30"))]),

# UNDOF: from a position, "in the area of", four-digit hours
("AH16", "2014-06-05",
 "At 1042 hrs, UNDOF observed from Position 80 two explosions in the area of Jubata al-Khashab, approximately 2.5km "
 "south-east of the position.",
 [dict(kind=UND, count=2, bearing="SE", dist=(2.5, 2.5), time=("05 10:42", "05 10:42"))]),

# UNDOF: the impacts of mortar rounds, the clock at the end
("AH17", "2015-06-05",
 "On 5 June, UNDOF observed from Position 22 the impacts of four mortar rounds approximately 1.5km west of the position, "
 "at 0845 hrs.",
 [dict(kind=IMP, count=4, weapon="mortar", bearing="W", dist=(1.5, 1.5), time=("05 08:45", "05 08:45"))]),

# UNIFIL: rockets fired, "of which the IDF intercepted four"
("AH18", "2024-01-08",
 "At 0315 hrs, UNIFIL recorded 11 rockets fired from the general area of Marjayoun towards Israel, of which the IDF "
 "intercepted four.",
 [dict(kind=UND, count=11, weapon="rocket", time=("08 03:15", "08 03:15")),
  dict(kind=AIR, count=4, weapon="rocket", time=("08 03:15", "08 03:15"))]),

# UNIFIL: the IDF's answer, a window of four-digit hours, impacts near two places
("AH19", "2024-01-08",
 "In response, the IDF fired 56 artillery rounds, which impacted in the vicinity of Kfar Chouba and Kfar Hamam between "
 "0340 and 0515 hrs.",
 [dict(kind=IMP, count=56, weapon="artillery", time=("08 03:40", "08 05:15"))]),

# the KVM: verifiers, "at least five", a direction "to the north of the town"
("AH20", "1999-01-22",
 "KVM verifiers in Podujevo reported hearing heavy machine-gun fire and at least five mortar explosions between 2130 and "
 "2200 hrs to the north of the town.",
 [dict(kind=UND, count=5, weapon="mortar", qual="at least", time=("22 21:30", "22 22:00")),
  dict(kind=OTHER, weapon="heavy_machine_gun", opt=True)]),

# the SMM's weekly update (2020): two regions, one of them "including no explosions"
("AH21", "2020-10-21",
 "Between 12 and 18 October, the SMM recorded 186 ceasefire violations in Donetsk region, including 24 explosions, and "
 "18 ceasefire violations in Luhansk region, including no explosions.",
 [dict(kind=UND, count=24, cv=186, region="Donetsk", time=("within", "12 00:00", "19 00:00")),
  dict(kind=OTHER, cv=18, region="Luhansk")]),

# the SMM: "another", each with its own time and distance
("AH22", "2020-02-17",
 "While in Petrivske, the SMM heard an undetermined explosion 3km north-east at 12:04 and another 2km east at 12:31.",
 [dict(kind=UND, count=1, bearing="NE", dist=(3, 3), time=("17 12:04", "17 12:04"), obs="Petrivske"),
  dict(kind=UND, count=1, bearing="E", dist=(2, 2), time=("17 12:31", "17 12:31"), obs="Petrivske")]),

# the Russian peacekeepers' bulletin (2021): one violation, "small arms fire was heard", Moscow time
("AH23", "2021-03-15",
 "In the Martakert district, one ceasefire violation was recorded: at 18:35 (Moscow time), small arms fire was heard near "
 "Sos.",
 [dict(kind=OTHER, cv=1, opt=True),
  dict(kind=SHOT, weapon="small_arms", time=("15 15:35", "15 15:35"), opt=True)]),

# the SMM's weekly report (2015): an explosion count with "some", a window across midnight on its own days
("AH24", "2015-09-02",
 "From 23:45 on 1 September to 00:30 on 2 September, the SMM heard some 40 explosions in the area of Shyrokyne, 6-8km "
 "east of its position in Berdianske.",
 [dict(kind=UND, count=40, bearing="E", dist=(6, 8), time=("01 23:45", "02 00:30"), obs="Berdianske")]),

# the SMM: a window across midnight written with the 12-hour clock on both sides
("AH25", "2016-05-28",
 "Between 11:30 p.m. and 12:40 a.m., the SMM camera in Shyrokyne recorded 14 explosions and 60 bursts, all at an "
 "undetermined distance north-east.",
 [dict(kind=UND, count=14, bearing="NE", dist=None, time=("28 23:30", "29 00:40")),
  dict(kind=BURST, count=60, bearing="NE", dist=None, time=("28 23:30", "29 00:40"))]),

# the JCCC (Ukrainian side): a window across midnight, "Kyiv time"
("AH26", "2017-12-24",
 "From 23:10 to 00:40 (Kyiv time), the Russian-backed militants shelled Ukrainian positions near Novoluhanske with 120mm "
 "mortars, firing 22 rounds, the JCCC reported.",
 [dict(kind=UND, count=22, weapon="mortar", time=("24 21:10", "24 22:40"))]),
]
