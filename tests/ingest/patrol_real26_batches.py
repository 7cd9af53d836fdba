"""Session 26 (patrol26): a held-out batch AE of real-STYLE sentences written by hand (not copied from a page: each
imitates the wording of one mission's or party's reports that earlier batches sampled), of constructs the earlier
batches hold few of: numbers written as words, time zones written in the text (GMT, EAT, "UTC+4"), ranges of distance
and of count, "from the direction of", calibres, drones and UAV-dropped grenades, flares, tallies copied from a table
into prose — the SMM (daily reports, its cameras), the JCCC, UNIFIL, UNMISS, the EUMM, the Armenian and Indian armies,
the IDF on the Golan, Yemen's Joint Forces on Hodeidah.

Each item's expected fields were written BEFORE the reader was run on any of it; this file was committed before the
first run (its commit is the proof). Fields and conventions as in ``patrol_real24_batches`` and ``patrol_real25_batches``
(a party's tally of ceasefire violations is ``cv``; rounds said to land / hit / strike a place, or fired onto a place,
are impacts; rounds only fired, or fired "towards" / "at" a place, undetermined; a weapon named with no number is an
optional record; times are UTC — a time the text gives in another zone is expected converted, a "local time" with no
offset is not timed in the expectation).
"""

from __future__ import annotations

from typing import Any

UND, IMP, OUT, AIR, PIF, BURST, SHOT, FLARE, OTHER = ("explosion_undetermined", "explosion_impact", "explosion_outgoing",
                                                      "airburst", "projectile_in_flight", "burst", "shot", "flare", "other")

Item = tuple[str, str, str, list[dict[str, Any]]]

BATCH_AE: list[Item] = [

# the SMM's daily report: numbers in words, a range of distance after "all"
("AE01", "2020-06-14",
 "Positioned on the south-eastern edge of Svitlodarsk (government-controlled, 57km north-east of Donetsk), between 19:42 "
 "and 20:15, the SMM heard twenty-three undetermined explosions and about forty bursts of heavy-machine-gun fire, all "
 "4-6km south-east.",
 [dict(kind=UND, count=23, bearing="SE", dist=(4, 6), time=("14 19:42", "14 20:15"), obs="Svitlodarsk"),
  dict(kind=BURST, count=40, qual="about", weapon="heavy_machine_gun", bearing="SE", dist=(4, 6),
       time=("14 19:42", "14 20:15"))]),

# the SMM's camera, a night, projectiles' flight, a flare
("AE02", "2021-06-04",
 "On the night of 3-4 June, the SMM camera in Shyrokyne (20km east of Mariupol) recorded 14 projectiles in flight from "
 "west to east, three undetermined explosions and an illumination flare, all 1-2km south-south-east.",
 [dict(kind=PIF, count=14, flight="W to E", bearing="SSE"),
  dict(kind=UND, count=3, bearing="SSE", dist=(1, 2), time=("within", "03 12:00", "04 12:00")),
  dict(kind=FLARE, count=1, bearing="SSE")]),

# UNIFIL: local time with its GMT equivalent, rockets fired towards, shells that landed
("AE03", "2021-08-06",
 "On 6 August, UNIFIL radars detected three rockets fired from an area north of Qlayaa towards Israel at 07:15 local "
 "time (04:15 GMT); the Israel Defense Forces responded with some 40 artillery shells that landed in the area around "
 "Kfarchouba between 07:40 and 08:30 local time.",
 [dict(kind=UND, count=3, weapon="rocket", time=("06 04:15", "06 04:15")),
  dict(kind=IMP, count=40, weapon="artillery")]),

# UNMISS: a window in East Africa Time (UTC+3), a breakdown "two of which landed"
("AE04", "2016-07-12",
 "Between 05:30 and 07:00 (EAT) on 12 July, UNMISS peacekeepers in Juba heard heavy exchanges of fire near the Jebel "
 "area, including at least 12 mortar rounds, two of which landed inside the Protection of Civilians site.",
 [dict(kind=OTHER, opt=True),
  dict(kind=IMP, count=2, weapon="mortar", time=("12 02:30", "12 04:00")),
  dict(kind=UND, count=10, weapon="mortar", time=("12 02:30", "12 04:00"))]),

# the JCCC's Ukrainian side: a tally with its places in brackets, the weapons with no number
("AE05", "2019-02-10",
 "According to the JCCC, over the past 24 hours the armed formations violated the ceasefire 17 times: near Avdiivka "
 "(five times), Pisky (four times), Marinka (three times) and Zolote (five times), using 120mm mortars, 122mm artillery "
 "and grenade launchers.",
 [dict(kind=OTHER, cv=17),
  dict(kind=OTHER, cv=5, opt=True), dict(kind=OTHER, cv=4, opt=True), dict(kind=OTHER, cv=3, opt=True),
  dict(kind=OTHER, cv=5, opt=True),
  dict(kind=UND, weapon="mortar", opt=True), dict(kind=UND, weapon="artillery", opt=True),
  dict(kind=OTHER, weapon="grenade_launcher", opt=True)]),

# the SMM's weekly table copied as prose: region, tally, explosions, the previous period in brackets
("AE06", "2020-02-03",
 "Donetsk region: 1,204 ceasefire violations, including 312 explosions (previous reporting period: 1,550 and 402). "
 "Luhansk region: 268 ceasefire violations, including 41 explosions (previous reporting period: 190 and 22).",
 [dict(kind=UND, count=312, cv=1204, region="Donetsk", placed=False),
  dict(kind=UND, count=41, cv=268, region="Luhansk", placed=False)]),

# the Armenian Defence Ministry: a drone strike, a calibre, "around" a time
("AE07", "2022-09-12",
 "At around 14:20 on 12 September, Azerbaijani forces used a Bayraktar drone to strike a position near Sotk and fired "
 "two 122mm howitzer shells at Jermuk, the Armenian Defence Ministry said.",
 [dict(kind=IMP, opt=True),
  dict(kind=UND, count=2, weapon="artillery", time=("within", "12 14:00", "12 14:40"))]),

# the SMM: a UAV seen (its altitude is no distance), grenades dropped from a UAV
("AE08", "2021-05-20",
 "At 10:05, positioned in Hnutove, the SMM saw a quadcopter-type UAV flying from north-west to south-east at an altitude "
 "of about 300m, and at 10:20 heard two explosions about 800m north, assessed as impacts of grenades dropped from a UAV.",
 [dict(kind=OTHER, count=1, flight="NW to SE", time=("20 10:05", "20 10:05"), obs="Hnutove"),
  dict(kind=IMP, count=2, bearing="N", dist=(0.8, 0.8), time=("20 10:20", "20 10:20"), obs="Hnutove")]),

# the SMM: flares and a count range in words
("AE09", "2019-03-10",
 "Between 22:10 and 23:05 on 9 March, positioned in Zolote, the SMM saw nine illumination flares and heard between ten "
 "and fifteen shots of small-arms fire, 2-3km east-north-east.",
 [dict(kind=FLARE, count=9, bearing="ENE", dist=(2, 3), time=("09 22:10", "09 23:05"), obs="Zolote"),
  dict(kind=SHOT, count=15, weapon="small_arms", bearing="ENE", dist=(2, 3), time=("09 22:10", "09 23:05"))]),

# the IDF on the Golan: shells that landed, a part of the day, the reply with no number
("AE10", "2013-07-16",
 "Two mortar shells fired from Syria landed in an open field near Ein Zivan on the Golan Heights on Tuesday afternoon; "
 "the IDF responded with tank fire at a Syrian army post.",
 [dict(kind=IMP, count=2, weapon="mortar", time=("within", "16 12:00", "16 18:00")),
  dict(kind=UND, weapon="tank", opt=True)]),

# the Indian Army on the Line of Control: a year's tally, people killed, mortars with no number, hours in four digits
("AE11", "2019-09-01",
 "Since January, Pakistan has violated the ceasefire along the Line of Control 2,050 times, in which 21 people were "
 "killed, an Army spokesman said, adding that Pakistani troops fired 120mm mortar bombs in the Krishna Ghati sector at "
 "1530 hours.",
 [dict(kind=OTHER, cv=2050),
  dict(kind=UND, weapon="mortar", opt=True)]),

# the SMM: impacts "from the direction of" a town, a calibre in brackets after "rounds"
("AE12", "2018-04-02",
 "Between 13:10 and 13:35, while in Avdiivka, the SMM heard 18 explosions assessed as impacts of 82mm mortar rounds from "
 "the direction of Yasynuvata, and five outgoing artillery rounds (122mm) 3-4km west.",
 [dict(kind=IMP, count=18, weapon="mortar", time=("02 13:10", "02 13:35"), obs="Avdiivka"),
  dict(kind=OUT, count=5, weapon="artillery", bearing="W", dist=(3, 4), time=("02 13:10", "02 13:35"), obs="Avdiivka")]),

# UNMISS: a base hit by rocket-propelled grenades at a GMT time, gunfire until a later time
("AE13", "2016-07-08",
 "The mission said its Tomping base in Juba was hit by two rocket-propelled grenades at 18:40 GMT on 8 July, and that "
 "heavy gunfire continued until 21:00 GMT.",
 [dict(kind=IMP, count=2, time=("08 18:40", "08 18:40")),
  dict(kind=OTHER, opt=True)]),

# the EUMM: a time with its offset (UTC+4), the day before in UTC
("AE14", "2019-07-08",
 "The EUMM patrol heard four shots of automatic weapons fire at approximately 02:15 (Tbilisi time, UTC+4) near the "
 "administrative boundary line close to Khurvaleti.",
 [dict(kind=SHOT, count=4, time=("within", "07 22:00", "07 22:30"))]),

# Yemen's Joint Forces on Hodeidah: a tally of violations, then rounds by weapon
("AE15", "2019-03-05",
 "The Joint Forces recorded 137 violations by the Houthi militia in the past 24 hours in Hays and Durayhimi, including "
 "21 artillery shells, 14 mortar rounds and six drone attacks.",
 [dict(kind=UND, count=21, weapon="artillery", cv=137),
  dict(kind=UND, count=14, weapon="mortar"),
  dict(kind=OTHER, count=6, opt=True)]),

# the SMM: the passive, "at distances of" a range in two units, a part assessed after the whole in words
("AE16", "2019-10-02",
 "Forty-two explosions were heard by the SMM at distances of 800m-1km west of its position in Popasna between 06:30 and "
 "06:55, thirty-five of which were assessed as outgoing rounds.",
 [dict(kind=OUT, count=35, bearing="W", dist=(0.8, 1), time=("02 06:30", "02 06:55"), obs="Popasna"),
  dict(kind=UND, count=7, bearing="W", dist=(0.8, 1), time=("02 06:30", "02 06:55"))]),
]
