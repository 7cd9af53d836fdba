"""Session 28 (patrol28): a second held-out batch AI, written after batch AH's fixes and measured once on them (a measure
those fixes were not fitted to). Real-STYLE sentences written by hand (no page copied), of the genres of AH: the SMM's daily
and weekly reports and camera summaries, the JCCC and the parties' statements with their zones ("MSK", "Kyiv time",
"Israel time", "UTC+3", "(local time, UTC+4)"), UNTSO's Observer Group Golan, UNMOGIP, the EUMM, UNIFIL, the Russian
peacekeepers in Karabakh; nights and windows written across midnight in several ways ("on the night of 4 to 5 June",
"from 22:00 on 4 June until 03:00 the following day", "in the early hours of", "around midnight").

Each item's expected fields were written BEFORE the reader was run on any of it; this file was committed before the
first run. Conventions as in ``patrol_real28_batches`` (times UTC; a clock with a zone expected in UTC; a night noon to
noon; a part of the day the reader's hours for it: early morning 00-10, morning 04-12; a weapon named with no number an
optional record; rounds fired or fired at a place undetermined, landing / impacting ones impacts; rounds intercepted
airbursts, told beside the rounds fired).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

BATCH_AI: list[Item] = [

# the JCCC's Russian side in 2014, "MSK" (UTC+4 before 26 October 2014)
("AI01", "2014-10-08",
 "At 14:30 MSK on 8 October 2014, Ukrainian forces fired 20 artillery rounds at the Kuibyshevskyi district of Donetsk.",
 [dict(kind=UND, count=20, weapon="artillery", time=("08 10:30", "08 10:30"))]),

# the SMM: a night written "4 to 5 June", a window across midnight in it
("AI02", "2016-06-05",
 "On the night of 4 to 5 June, the SMM camera in Shyrokyne recorded 23 explosions between 23:05 and 00:50, all at an "
 "undetermined distance north-east.",
 [dict(kind=UND, count=23, bearing="NE", dist=None, time=("04 23:05", "05 00:50"))]),

# the SMM: a window to "the following day"
("AI03", "2017-06-05",
 "From 22:00 on 4 June until 03:00 the following day, the SMM heard 65 explosions 5-7km north-west of its position in "
 "Svitlodarsk.",
 [dict(kind=UND, count=65, bearing="NW", dist=(5, 7), time=("04 22:00", "05 03:00"), obs="Svitlodarsk")]),

# the SMM: "in the early hours of"
("AI04", "2018-03-09",
 "In the early hours of 9 March, the SMM camera at the Donetsk Filter Station recorded seven undetermined explosions and "
 "six projectiles in flight from east to west, all 1-2km north-east.",
 [dict(kind=UND, count=7, bearing="NE", dist=(1, 2), time=("within", "09 00:00", "09 10:00")),
  dict(kind=PIF, count=6, flight="E to W", bearing="NE", dist=(1, 2), time=("within", "09 00:00", "09 10:00"))]),

# the IDF: "Israel time" in summer (IDT, UTC+3)
("AI05", "2023-07-06",
 "At 11:35 pm Israel time on Wednesday, an anti-tank missile was fired from Lebanon at an IDF post near Ghajar, the army "
 "said.",
 [dict(kind=UND, count=1, time=("05 20:35", "05 20:35"))]),

# the EUMM: "(local time, UTC+4)"
("AI06", "2019-08-30",
 "At 18:50 (local time, UTC+4), EUMM monitors heard four single shots from the direction of Tskhinvali.",
 [dict(kind=SHOT, count=4, time=("30 14:50", "30 14:50"))]),

# UNTSO's Observer Group Golan: an OP, four-digit hours, air strikes
("AI07", "2014-09-03",
 "At 1410 hrs, OP 52 observed two air strikes approximately 3km north-east of the OP.",
 [dict(kind=IMP, count=2, bearing="NE", dist=(3, 3), time=("03 14:10", "03 14:10"))]),

# the SMM's weekly report (2018): "of which", "per cent"
("AI08", "2018-05-23",
 "Between 14 and 20 May, the SMM recorded about 5,300 ceasefire violations, including about 1,160 explosions, 75 per cent "
 "of which were recorded in Donetsk region.",
 [dict(kind=UND, count=1160, cv=5300, time=("within", "14 00:00", "21 00:00"))]),

# the SMM: "around midnight"
("AI09", "2020-01-15",
 "Around midnight on 14-15 January, while in Popasna, the SMM heard two explosions assessed as outgoing mortar rounds 3km "
 "south-east.",
 [dict(kind=OUT, count=2, weapon="mortar", bearing="SE", dist=(3, 3), obs="Popasna",
       time=("within", "14 12:00", "15 12:00"))]),

# the Russian peacekeepers (2021): two places, each its own count, Moscow time
("AI10", "2021-06-11",
 "On 10 June, between 21:40 and 22:05 (Moscow time), Russian peacekeepers recorded eight shots from small arms near "
 "Khramort and five near Khachmach.",
 [dict(kind=SHOT, count=8, weapon="small_arms", time=("10 18:40", "10 19:05")),
  dict(kind=SHOT, count=5, weapon="small_arms", time=("10 18:40", "10 19:05"))]),

# UNMOGIP: a window across midnight written on two days
("AI11", "2018-01-07",
 "The UNMOGIP team at Poonch heard about 30 artillery rounds landing north of the team site between 2310 hrs on 6 January "
 "and 0030 hrs on 7 January.",
 [dict(kind=IMP, count=30, weapon="artillery", bearing="N", time=("06 23:10", "07 00:30"))]),

# the JCCC's Ukrainian side: "(UTC+3)" in summer
("AI12", "2019-07-20",
 "At 06:20 (UTC+3), the occupiers fired 12 122mm artillery rounds at the positions near Avdiivka, the JCCC said.",
 [dict(kind=UND, count=12, weapon="artillery", time=("20 03:20", "20 03:20"))]),

# the SMM's camera: "overnight" with its days, counts by kind
("AI13", "2019-11-26",
 "Overnight on 25-26 November, the SMM camera in Svitlodarsk recorded 12 undetermined explosions, four projectiles in "
 "flight and three illumination flares, all 3-5km south.",
 [dict(kind=UND, count=12, bearing="S", dist=(3, 5), time=("within", "25 12:00", "26 12:00")),
  dict(kind=PIF, count=4, bearing="S", dist=(3, 5)),
  dict(kind=FLARE, count=3, bearing="S", dist=(3, 5))]),

# UNIFIL: missiles fired, "two of them were intercepted", a 12-hour clock in the afternoon
("AI14", "2024-02-14",
 "At 3:15 p.m., UNIFIL detected six missiles fired from south Lebanon towards Kiryat Shmona; two of them were intercepted.",
 [dict(kind=UND, count=6, time=("14 15:15", "14 15:15")),
  dict(kind=AIR, count=2, time=("14 15:15", "14 15:15"))]),

# the SMM: "another two", own time
("AI15", "2021-02-03",
 "Positioned near Pyshchevyk, the SMM heard three bursts of small-arms fire 2km east at 10:15 and another two at 10:40.",
 [dict(kind=BURST, count=3, weapon="small_arms", bearing="E", dist=(2, 2), time=("03 10:15", "03 10:15")),
  dict(kind=BURST, count=2, time=("03 10:40", "03 10:40"))]),

# the SMM: a window across midnight, then "at 01:20 and 01:25" in the next sentence
("AI16", "2019-04-18",
 "Between 23:48 and 00:02, while in Avdiivka, the SMM heard 11 explosions 3-4km north-east. At 01:20 and 01:25, it heard "
 "two explosions 2km east.",
 [dict(kind=UND, count=11, bearing="NE", dist=(3, 4), time=("18 23:48", "19 00:02"), obs="Avdiivka"),
  dict(kind=UND, count=2, bearing="E", dist=(2, 2), time=("19 01:20", "19 01:25"))]),

# the Azerbaijani defence ministry: a window across midnight, 12-hour, "of the following day"
("AI17", "2021-11-17",
 "From 11:40 pm on November 16 to 1:15 am on November 17, the Armenian armed forces fired at Azerbaijani positions using "
 "large-calibre machine guns.",
 [dict(kind=OTHER, weapon="heavy_machine_gun", opt=True, time=("16 23:40", "17 01:15"))]),

# the SMM: a count broken down by weapon in brackets, with times
("AI18", "2015-04-12",
 "At 09:12 and 09:40, the SMM heard nine explosions (six of 120mm mortar and three of 122mm artillery) 4km west of its "
 "position in Shyrokyne.",
 [dict(kind=UND, count=6, weapon="mortar", bearing="W", dist=(4, 4), time=("12 09:12", "12 09:40")),
  dict(kind=UND, count=3, weapon="artillery", bearing="W", dist=(4, 4), time=("12 09:12", "12 09:40"))]),
]
