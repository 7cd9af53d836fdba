"""Reading one clause of monitoring-mission prose into observations.

A clause is "[context: position, time] VERB observation [and observation ...]", e.g.
"Positioned 2km south-west of Svitlodarsk, the SMM heard 22 undetermined explosions 3-5km
south-south-west between 09:56 and 10:38". Every pattern that is recognised *claims* the
characters it read; words nobody claimed (other than filler such as "the SMM") become
warnings, so a reader can see exactly what was not understood.

``read_clause`` puts the clause's reading together from the position, times, groups, modifiers and tallies read by the
modules beside it. Pure functions over strings; dates and places are resolved by the caller
(:mod:`truceline.ingest.patrol.sentence` and :mod:`truceline.ingest.patrol.records`).
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.counts import (
    ALL_OF_THEM, EXPLOSIONS_SHARE, NO_FIRE_OBSERVED, PREVIOUS_PERIOD, REGION_AND_BEFORE, REGION_NONE, REGION_TALLY,
    SHARES, merge_estimated_count, read_comparison, read_denials, read_respectively, read_violation_share,
    read_violation_tally, read_violation_trend, split_assessed_total, split_counts_before,
)
from truceline.ingest.patrol.groups import (
    HIT_BY, OBSERVER_WORDS, SHARED_PARTS, SHARED_WEAPON_PARTS, WEAPON_WORDS, read_groups,
)
from truceline.ingest.patrol.kinds import read_weapon
from truceline.ingest.patrol.modifiers import CRATER_WORD, IN_VIOLATION, read_modifiers
from truceline.ingest.patrol.patterns import (
    ACRONYM, CONTROLLED_BY, COUNT, KIND_NOUN, LEAD_TIME, PASSIVE, REGION, RELATIVE_TIME, SEE_ALSO, TIME_OF_DAY, VERB,
)
from truceline.ingest.patrol.places import add_part_in_region, own_regions
from truceline.ingest.patrol.position import (
    MISSION_NAME, MISSION_SECTOR, PARTY_POSITIONS, PATROL_STATE, read_position,
)
from truceline.ingest.patrol.scan import ClauseReading, EventPlace, Group, Scan
from truceline.ingest.patrol.shared import (
    assessed_of_all, count_with_fire, list_verb_landed,
    list_verb_impacts, merge_damage_cause, merge_parts, share_places, tally_as_count, weapon_of_both,
    weapon_of_same_rounds,
)
from truceline.ingest.patrol.sightings import causes_of_damage, read_passive_damage, read_weapon_sightings
from truceline.ingest.patrol.speakers import (
    HEARSAY, QUOTED_SPEAKER_AFTER, SPEAKER_AFTER, TITLED_SPEAKER_AFTER, hearsay_source,
)
from truceline.ingest.patrol.times import clock_time, read_duration, read_times

#: A window written between two observations, leading into the second: ", and, between 21:14 and 21:30, ".
_LEAD_WINDOW = re.compile(
    r"(?:,|;|\band\b|\bthen\b)[\s\x1f]*(?:(?:and|then)[\s\x1f]+)?,?[\s\x1f]*(?P<window>(?i:between|from)\s+(?P<t1>" + ph.CLOCK
    + r")(?:\s*(?:hrs|h)\b)?\s+(?i:and|to|until|till)\s+(?P<t2>" + ph.CLOCK + r")(?:\s*(?:hrs|h)\b)?)\s*,?[\s\x1f]*$")
_CALIBRE_CHOICE = re.compile(r"\b(?:either\s+)?\d{2,3}(?:\s?mm)?\s+or\s+\d{2,3}\s?mm\b", re.IGNORECASE)
_MARKS_FROM_SHELLING = re.compile(r"\b(?:(?:which|that)\s+(?:[\w-]+\s+){1,3}?(?:said|claimed|believed)\s+)?(?:had\s+)?"
                                  r"(?:(?:resulted|resulting|came)\s+from|(?<=damage\s)caused\s+by|(?<=craters\s)caused\s+by"
                                  # "eight fresh craters in the X settlement, subjected to shelling on August 14" (patrol20's Q07)
                                  r"|(?:(?:were|was|had\s+been)\s+)?subjected\s+to)"
                                  r"\s+(?:the\s+|a\s+)?shelling\b", re.IGNORECASE)
#: Calibres, weapons and "outgoing"/"incoming" just before a kind noun that has no count: "120mm mortar rounds".
_NAMED_BEFORE = re.compile(r"(?<![\w-])(?:(?:\(?\d+\s?mm\)?|outgoing|incoming|" + WEAPON_WORDS + r")\s+)+$", re.IGNORECASE)
#: Fire heard near the mission's own UAV: "heard 20 shots of small-arms fire near the UAV" (fire at the mission).
_NEAR_OWN_UAV = re.compile(
    r"\b(?:near|around|close\s+to|in\s+the\s+vicinity\s+of)\s+(?P<target>(?:the|its)\s+(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?))\b", re.IGNORECASE)
_ASSESSED_LEAD = re.compile(
    r"\b(?:explosions?|detonations?|blasts?)\s+(?:that\s+|which\s+)?(?:it|the\s+SMM|they|the\s+mission)\s+assessed\s+as\s+"
    r"(?=(?:" + ph.NUMBER + r")\s)", re.IGNORECASE)
#: "the SMM heard what it assessed as two outgoing rounds": the assessment is the count's own (understood).
_WHAT_ASSESSED = re.compile(r"\bwhat\s+(?:it|the\s+(?:SMM|mission|patrol|team)|they)\s+(?:assessed|believed)\s+(?:as|to\s+be)\s+(?:being\s+)?",
                            re.IGNORECASE)
#: Fire at the mission itself: "the SMM's mini-UAV was fired upon", "an SMM patrol came under fire".
_TARGET = re.compile(
    r"\b(?P<target>(?:the\s+|an?\s+)?(?:SMM(?:'s)?|its|OSCE|UN|EUMM)\s+(?:(?:mini|mid-range|long-range|fixed-wing)[- ]?)?"
    r"(?:UAVs?|mini-UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|vehicles?|cameras?|monitors?|team))(?:\s*\(UAVs?\))?"
    r"\s+(?:was|were|came|had\s+been|has\s+been)\s+(?:assessed\s+as\s+(?:being\s+)?)?"
    r"(?:fired\s+(?:up)?on|shot\s+at|targeted|(?=under\b))(?:\s+(?:with|by))?", re.IGNORECASE)
#: "… of its position near X", "… of the SMM location near Nyzhnie" (session 15's M05: the event was put near Nyzhnie, the
#: observer nowhere): the place of the observer (fixed-width look-behinds, one a wording).
_OWN_PLACE = "(?:" + "|".join(rf"(?<=\b{owner}\s{noun}\s)" for owner in ("its", "their", "SMM", "SMM's", "patrol's", "patrol")
                              for noun in ("position", "location", "observation post", "observation point")) + ")"
#: "while"/"when" opening what someone or something else was doing, not where the observer was: "The other three shells,
#: while setting off sirens in Sderot, fell in open fields", "… fell in open areas while residents in Sderot ran to
#: shelters" (a party's statement: Sderot was taken as the observer's place). The observer's own openings are kept:
#: "while in / at / near / positioned / stationary / on patrol / flying a mini-UAV / conducting …", "when the SMM / it /
#: they / the patrol …", "whilst 2 km north-west of …".
_NOT_THE_OBSERVER_WHILE = re.compile(
    r"(?:while|whilst|when)\s+(?!(?:still\s+|also\s+|then\s+)?(?:in|at|near|on|inside|outside|within|around|between|from|there"
    r"|positioned|stationed|located|stationary|present|parked|deployed|based|being|staying|remaining|standing|waiting"
    r"|patrolling|driving|travell?ing|moving|walking|flying|operating|conducting|preparing|monitoring|observing|visiting"
    r"|returning|approaching|leaving|passing|heading|inspecting|checking|escorting|crossing|launching|landing|accompanying"
    r"|\d|(?:all\s+)?(?:the\s+|its\s+|an?\s+)?(?:SMM|it|they|we|patrol|mission|monitors|observers|team|UAV|members|"
    r"mini-UAV|camera)\b))", re.IGNORECASE)
#: Weapons whose rounds are explosions, even when the text counts them as "shots".
_HEAVY_WEAPONS = frozenset({"tank", "artillery", "mortar", "mlrs", "rocket"})
#: Bullets heard passing the patrol: how close they passed, not how far away they were fired ("three bullets flying
#: 20-30m over their heads", "bullets whistling past them", "… assessed as flying over the heads of the members").
_OVERHEAD = re.compile(
    r"\b(?:(?:the\s+)?whistling\s+sound\s+of|(?<!-)(?:(?:were|was)\s+)?(?:assessed\s+as\s+)?(?:flying|whistling|passing)"
    r"(?:\s+past\s+(?:them|the\s+patrol)|\s+(?:about\s+|approximately\s+)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*m"
    r"\s+(?:above|over)\s+(?:their|its|the\s+patrol(?:'s)?)\s+heads?|\s+over\s+(?:their|the)\s+heads?(?:\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:SMM\s+)?(?:patrol\s+)?members?(?:\s+who\s+were\s+(?:outside|inside)\s+(?:the\s+)?vehicles?)?)?))",
    re.IGNORECASE)
#: Where, without a place: "small-arms fire on both sides of the contact line".
_BOTH_SIDES = re.compile(r"\bon\s+(?:both|either)\s+sides?\s+of\s+the\s+(?:contact\s+line|line\s+of\s+contact)\b", re.IGNORECASE)
#: Fire assessed as aimed at the mission's own means, written after the fire: "five shots of small-arms fire about 800m north-west,
#: assessed as directed at the SMM mini-UAV that the SMM was flying …", "…, assessed as targeting the UAV".
_AIMED_AT = re.compile(
    r"\b(?:(?:that|which)\s+(?:the\s+SMM|it|the\s+patrol)\s+assessed\s+(?:were|was|had\s+been)\s+(?:(?:aimed|directed|fired)\s+(?:at|towards?))"
    r"|assessed\s+(?:it|them|the\s+(?:fire|shots?|shooting))?\s*as\s+(?:being\s+|having\s+been\s+)?(?:(?:aimed|directed|fired)\s+(?:at|towards?|in\s+the\s+direction\s+of)|targeting))"
    r"\s+(?P<target>(?:the\s+|an?\s+|its\s+)?(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:patrol\s+)?(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|cameras?|vehicles?))\b"
    # "… the SMM mini-UAV that the SMM was flying about 1km north of its position": where the UAV was, not the fire
    r"(?:\s+(?:that|which)\s+(?:the\s+SMM|it|the\s+patrol)\s+was\s+flying(?:\s+(?:about\s+|approximately\s+|some\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:km|m)\s+(?:to\s+the\s+)?" + ph.DIRECTION + r"(?:\s+of\s+(?:its|the\s+SMM's)\s+position)?)?)?",
    re.IGNORECASE)
#: A thing hit, named before "was hit by": "the … building in Debaltseve", "a house in Zolote", "the school".
_HIT_THING = re.compile(r"\b(?:buildings?|house(?:s|hold)?|homes?|school|kindergarten|hospital|headquarters|HQ|station|factory|"
                        r"plant|shop|store|church|apartment|roof|vehicle|car|bus|bridge|checkpoint|positions?"
                        # "Mitiga airport was hit by indiscriminate shelling" (patrol21's U20)
                        r"|airport|airfield|runway|port|base)\b", re.IGNORECASE)
#: A count of the kind just reported, its noun left out: "two more", "three further".
_MORE_OF_THE_SAME = re.compile(r"^[\s\x1f,]*(?:(?P<n>" + ph.NUMBER + r")\s+(?:more|further|additional|other)\b"
                               # "…; and an additional 26 between 13:00 and 15:45hrs" (patrol14: not read)
                               r"|(?:and\s+)?(?:an?\s+)?(?:additional|further)\s+(?P<n2>\d+|(?i:" + ph.NUMBER_WORD + r"))\b"
                               r"(?!\s+(?:[\w-]+\s+){0,2}(?:explosions?|bursts?|shots?|rounds?|projectiles?|impacts?)\b))",
                               re.IGNORECASE)
#: The same as the subject of a passive verb: "A further 860 were reported in neighbouring Luhansk".
_FURTHER_SUBJECT = re.compile(r"^[\s\x1f,]*(?:an?\s+)?(?:further|additional)\s+(?P<n>(?!))?(?P<n2>\d[\d,]*|(?i:" + ph.NUMBER_WORD
                              + r"))\s+(?:were|was|had\s+been|have\s+been)\b", re.IGNORECASE)
#: Shelling inferred from what was seen afterwards: "The market appeared to have been subjected to shelling prior to the
#: SMM's arrival" (not fire observed; patrol14b: an explosion record of unstated number).
_SHELLED_BEFORE = re.compile(
    r"\b(?:appeared|appears|seemed|seems)\s+to\s+have\s+been\s+(?:subjected\s+to\s+(?:shelling|fire)|shelled|hit)\b"
    r"(?:\s+prior\s+to\s+(?:the\s+)?(?:SMM|patrol|team|mission)(?:'s|’s)?\s+arrival)?", re.IGNORECASE)
#: The peak of the fire counted before, with its own window and part: "698 explosions …, their intensity reaching its
#: peak between 12:45 and 17:00 (271 explosions)" (session 15: the whole count was given the peak's window); claimed, so
#: the count keeps its own window.
_PEAK = re.compile(r"(?:,\s*)?(?:with\s+)?(?:their|its|the)\s+intensity\s+(?:reaching|peaking|reached|peaked|was\s+highest)\b[^.;()]*"
                   r"(?:\(\s*(?:about\s+|some\s+)?\d[\d,]*\s+(?:explosions|shots|bursts|ceasefire\s+violations)\s*\))?", re.IGNORECASE)
#: Fire someone else reported, followed up by the mission: "followed up on reports of shelling" (not an observation).
_FOLLOWED_UP = re.compile(
    r"\b(?:followed\s+up\s+on|following\s+up\s+on|in\s+response\s+to|to\s+follow\s+up\s+on|visited\s+\w+\s+following)\s+"
    r"(?:the\s+)?(?:reports?|allegations?|claims?|information)\s+(?:of|about|on)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shelling|fire|explosions?|impacts?|damage|casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|injur(?:y|ies)|incidents?|attacks?)\b"
    # "followed up on reports of a civilian fatality caused by shelling in Shyroka Balka" (patrol20's R15: an explosion)
    r"(?:\s+(?:caused\s+by|due\s+to|as\s+a\s+result\s+of|from)\s+(?:the\s+)?(?:shelling|fire|explosions?))?"
    # "summarized information on the shelling conducted by the Ukrainian side" (patrol20's R11)
    r"|\b(?:summari[sz]ed|collected|gathered|received|provided)\s+information\s+(?:on|about)\s+(?:the\s+)?(?:shelling|fire|attacks?)\b",
    re.IGNORECASE)
#: What others said the fire was, followed up by the mission: "followed up on reports that the explosions were
#: anti-aircraft fire that shot down an unmanned aerial vehicle (UAV), which consequently crashed …" (session 15: a shot
#: record and a UAV seen); claimed to the end of the clause.
_FOLLOWED_UP_THAT = re.compile(r"\b(?:followed|following|to\s+follow)\s+up\s+on\s+(?:the\s+)?(?:reports?|allegations?|claims?|information)"
                               r"\s+that\b.*$", re.IGNORECASE | re.DOTALL)
#: "The SMM assessed the crater as caused by …": an assessment of damage seen, read with the crater.
_ASSESSED_DAMAGE = re.compile(r"\b(?:assessed|determined|concluded)\s+(?=(?:that\s+)?(?:the|these|those|both|all|its)\s+(?:[\w-]+\s+)?"
                              r"(?:craters?|damage|holes?)\b)", re.IGNORECASE)


#: A clause about observations already counted: "The rounds were …", "the explosions shook …".
_BACK_REFERENCE = re.compile(r"[\W\x1f]*(?:(?:according\s+to\s+the\s+report|after\s+that)\s*,\s*)?"
                             # "The SMM assessed that all bullets had been fired from a westerly direction at a distance of
                             # 300-500m" (session 15: a shot record with that distance from the observer)
                             r"(?P<assessed>(?:the\s+SMM|it|the\s+patrol)\s+(?:also\s+)?assessed\s+that\s+(?:all\s+)?(?:of\s+)?)?"
                             r"(?:the|these|those|(?<=that\s)|(?<=all\s)|(?<=of\s))\s*"
                             r"(?:explosions|rounds|impacts|shells|blasts|(?(assessed)bullets|(?!)))\b", re.IGNORECASE)
_COUNT_AT_WORD = re.compile(r"(?<![\w'])(?:" + COUNT.pattern + r")", COUNT.flags)
_MUZZLE_AFTER = re.compile(r"^[^,;]{0,20}?\bbursts?\s+of\s+muzzle\s+(?:flames?|flash(?:es)?)\b", re.IGNORECASE)
_ROUNDS_AND_SHOTS = re.compile(r"[\s\x1f]*(?:[\d,]+\s+|\w+\s+)?rounds\s+and\s+shots\b", re.IGNORECASE)
#: "… but heard the explosions", "heard the explosion of uncertain origin about 500 metres to the North": a noun with
#: "the" just after the verb (what it refers to is decided with the line's earlier observations, the sentence reader).
_DEFINITE_AFTER_VERB = re.compile(r"[\s\x1f]*(?:also\s+|again\s+)?(?:the|these|those)\s+(?:loud\s+|single\s+)?"
                                  r"(?P<noun>explosions?|shots?|bursts?|impacts?|rounds?|blasts?|detonations?)\b", re.IGNORECASE)
#: A noun with "the" in a clause with no verb of observing: "The grenade was launched from …", "the shells fell …".
#: (rockets and missiles since patrol26: "from where the rockets were being fired", patrol24's AA14)
_DEFINITE_SUBJECT = re.compile(r"(?:the|these|those)\s+(?P<noun>explosions?|shots?|bursts?|impacts?|rounds?|blasts?|shells?|"
                               r"grenades?|projectiles?|bullets?|rockets?|missiles?)\b", re.IGNORECASE)
_DEFINITE_NOUN = re.compile(r"(?P<noun>explosions?|shots?|bursts?|impacts?|rounds?|blasts?|shells?|grenades?|projectiles?|bullets?"
                            r"|rockets?|missiles?)\b", re.IGNORECASE)


_VIOLATIONS = re.compile(r"\b(?:ceasefire\s+)?violations?(?:\s+of\s+the\s+ceasefire)?\b", re.IGNORECASE)


#: A part of a count and the region it was in: "97 explosions per day, 95 of which in the Donetsk region", "…, of which
#: 95 were in Donetsk region" (patrol17: the whole was put in Donetsk region and the part not read).
_PART_IN_REGION = re.compile(
    r"[,;]?\s*(?:(?P<n>" + ph.NUMBER + r")\s+of\s+(?:which|them|these)|(?:of\s+(?:which|them|these)|including)\s+(?P<n2>"
    + ph.NUMBER + r"))\s+(?:(?:were|was)\s+(?:recorded\s+)?)?in\s+(?:the\s+)?(?P<region>Donetsk|Luhansk)"
    r"\s+(?i:region|oblast)\b")


#: Weapons given up, counted: "… noted that, by October 2, 76 armored vehicles, 92 military vehicles, … were handed over"
#: (patrol21's V14: 76 armoured vehicles seen): a tally of disarmament, not weapons seen.
_HANDED_OVER = re.compile(r"\b(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:handed\s+over|surrendered|turned\s+over|"
                          r"handed\s+in|collected|destroyed\s+under)\b", re.IGNORECASE)


#: A numbered post written after the verb: "UNDOF observed from Position 22 the impacts of …", "observed from OP 73 two
#: explosions" (patrol28's AH17: 22 was read as the count): the observer's post, read as a place (``position._POST``).
#: (Not where something came from: "smoke coming from position 30"; a position written with its capital.)
_NUMBERED_POST_AFTER = (r"(?<!coming\s)(?<!rising\s)(?<!emanating\s)(?=\bfrom\s+(?:the\s+)?(?:(?:UN|United\s+Nations)\s+)?"
                        r"(?:(?i:observation\s+post)|OP|Position|(?i:outpost))"
                        r"\s+(?:\d+[A-Za-z]?|[A-Z]{1,3}-?\d+)\b)")


def read_clause(scan: Scan, start: int, end: int, previous_kind: str | None = None) -> ClauseReading:
    """Read one clause: where, when, and what was observed."""
    region_tally: tuple[int | None, str | None, str | None] | None = None
    bare = REGION_TALLY.match(scan.view(start, end))
    if bare is not None and REGION_AND_BEFORE.search(scan.text, max(0, start - 12), start):
        scan.claim(start + bare.start(), start + bare.end())
        number = bare["n"].replace(",", "")
        region_tally = (int(number) if number.isdigit() else ph.parse_number(number),
                        ph.COUNT_QUALIFIERS.get((bare["qual"] or "").lower()), None)
        if bare["bare_region"] is not None:  # "… and 120 in Luhansk on …": the region, not a town the fire was in
            scan.claim(start + bare.end(), start + bare.end() + len("in ") + len(bare["bare_region"]))
    none = REGION_NONE.match(scan.view(start, end))
    if none is not None and REGION_AND_BEFORE.search(scan.text, max(0, start - 12), start):
        scan.claim(start + none.start(), start + none.end())
    else:
        none = None
    for pattern in (ACRONYM, SEE_ALSO, MISSION_SECTOR, MISSION_NAME, PARTY_POSITIONS):
        for match in scan.find(pattern, start, end):
            scan.claim(start + match.start(), start + match.end())
    reported_by = None
    hearsay = HEARSAY.match(scan.view(start, end))
    if hearsay is not None:  # "The JCCC reported that …": what others told the mission
        reported_by = hearsay_source(hearsay["who"] or hearsay["who2"])
        if reported_by is not None:
            scan.claim(start + hearsay.start(), start + hearsay.end())
    for pattern in (_ASSESSED_DAMAGE, _FOLLOWED_UP_THAT, _FOLLOWED_UP, _BOTH_SIDES, _OVERHEAD, _SHELLED_BEFORE, NO_FIRE_OBSERVED):
        for match in scan.find(pattern, start, end):
            scan.claim(start + match.start(), start + match.end())
    peaks = [re.sub(r"\s+", " ", match.group(0).strip(" ,")) for match in scan.find(_PEAK, start, end)]
    for match in scan.find(_PEAK, start, end):
        scan.claim(start + match.start(), start + match.end())
    choices = list(scan.find(_CALIBRE_CHOICE, start, end))
    for match in choices:  # "either 122 or 152mm artillery rounds": two calibres, neither the rounds' (122 is no count)
        scan.claim(start + match.start(), start + match.end())
    if CRATER_WORD.search(scan.text, start, end):
        for match in scan.find(_MARKS_FROM_SHELLING, start, end):
            # "three craters which they said resulted from shelling on 26 August": what made the craters, not fire
            # observed (patrol14: an explosion record of unstated number)
            scan.claim(start + match.start(), start + match.end())
    target = next(scan.find(_TARGET, start, end), None)
    if target is not None:  # "the SMM's mini-UAV was fired upon with small-arms fire": fire at the mission
        scan.claim(start + target.start(), start + target.end())
    aimed = next(scan.find(_AIMED_AT, start, end), None)
    if aimed is not None:  # "…, assessed as aimed at the mini-UAV": the UAV is the target, not a weapon or a sighting
        scan.claim(start + aimed.start(), start + aimed.end())
    for match in scan.find(PATROL_STATE, start, end):
        scan.claim(start + match.start(), start + match.end())
    if aimed is None:
        aimed = next(scan.find(_NEAR_OWN_UAV, start, end), None)  # "20 shots … near the UAV": the UAV is the target
        if aimed is not None:
            scan.claim(start + aimed.start(), start + aimed.end())
    for match in [*scan.find(SPEAKER_AFTER, start, end), *scan.find(QUOTED_SPEAKER_AFTER, start, end),
                  *scan.find(TITLED_SPEAKER_AFTER, start, end)]:
        # "… firing a total of 84 120-mm mortar rounds,” reported Col. Lysenko.": who said it, not a verb of observing
        # (patrol20's P20: "reported" divided the clause and nothing before it was read); also a longer title ("”, reported
        # Ukrainian Ministry of Defense spokesman Colonel Dmytro Hutsulyak at a press briefing at …", R06)
        if KIND_NOUN.search(match["attribution"]) is None and not re.search(r"\d", match["attribution"]):
            scan.claim(start + match.start("attribution"), start + match.end("attribution"))
    # the comparison first: its own verb ("against the 95 ceasefire breaches reported in the previous week", patrol21's
    # U13) is not the clause's
    compared_with = read_comparison(scan, start, end)
    verb = next(scan.find(VERB, start, end), None)
    has_verb = verb is not None
    hit_subject: int | None = None  # where the thing hit is named: "the … building in Debaltseve (…) was hit by"
    if verb is not None:
        auxiliary = PASSIVE.search(scan.view(start, start + verb.start()))
        if auxiliary is not None and KIND_NOUN.search(scan.view(start, start + auxiliary.start())) is not None:
            # "12 explosions were heard 3km south": the observation is written before the verb
            scan.claim(start + auxiliary.start(), start + verb.end())
            verb = None
    if verb is not None:
        context_end, observation_start = start + verb.start(), start + verb.end()
        scan.claim(context_end, observation_start)
    else:
        first_noun = next(scan.find(KIND_NOUN, start, end), None)
        context_end = observation_start = start + first_noun.start() if first_noun else end
        if first_noun is not None:
            # a count before the noun belongs to the observation, not the context
            context_text = scan.view(start, context_end)
            # the count starts a word: not the "a" that ends "Popasna" in "positioned in Popasna to conduct an unmanned aerial
            # vehicle flight" (session 15: the observer place was cut to "Popasn")
            count = _COUNT_AT_WORD.search(context_text)
            if count is not None:
                context_end = observation_start = start + count.start()
                parts = (SHARED_WEAPON_PARTS.search(context_text, 0, count.start())
                         or SHARED_PARTS.search(context_text, 0, count.start()))
                if parts is not None:  # "Militants fired twelve 82-mm and six 120-mm mortar rounds": all the counts
                    context_end = observation_start = start + parts.start()
            else:  # "… that 120mm mortar rounds had impacted": its weapon and calibre belong to it too
                named = _NAMED_BEFORE.search(scan.view(start, context_end))
                if named is not None:
                    context_end = observation_start = start + named.start()
            hit_by = HIT_BY.search(scan.view(start, context_end))
            if hit_by is not None:  # "… that her house had been hit by a shell"
                context_end = observation_start = start + hit_by.start()
                things = list(_HIT_THING.finditer(scan.text, start, context_end))
                hit_subject = start + things[-1].start() if things else None
        if target is not None and start + target.end() <= context_end:
            context_end = observation_start = start + target.end()  # "the SMM's UAV was fired upon with small-arms fire"
    region = bare["bare_region"] if region_tally is not None and bare is not None else None
    if region_tally is not None and previous_kind not in (None, "other") and region_tally[0] is not None:
        # "40 explosions in Donetsk region and 12 in Luhansk region": twelve more of the kind before, not a tally of
        # ceasefire violations (session 15; "18 ceasefire violations in Luhansk region and three in Donetsk region" is a
        # tally, as before)
        elliptical = Group(start=start, end=end, kind=previous_kind, kinds=[previous_kind], count=region_tally[0],
                           count_qualifier=region_tally[1])
        region_tally = None
    else:
        elliptical = None
    part_in_region = next(scan.find(_PART_IN_REGION, start, end), None)
    if part_in_region is not None:  # read after the groups: the part's region is not the whole's
        scan.claim(start + part_in_region.start(), start + part_in_region.end())
    regions_written = []
    for match in scan.find(REGION, start, end):
        scan.claim(start + match.start(), start + match.end())
        region = region or match["name"]
        if match["name"]:
            regions_written.append((start + match.start(), match["name"]))
    negated: list[str] = []
    if none is not None:  # "… in Donetsk region and none in Luhansk region"
        negated.append("none")
    read_denials(scan, start, context_end, negated)  # "The SMM did not hear any explosions, but heard 3 shots"
    position = read_position(scan, start, context_end)
    context_times = read_times(scan, start, context_end)
    parts_of_day = []
    parts_of_day_at = []
    for match in scan.find(TIME_OF_DAY, start, end):
        scan.claim(start + match.start(), start + match.end())
        parts_of_day.append(re.sub(r"\s+", " ", match.group(0).lower()))
        parts_of_day_at.append((start + match.start(), parts_of_day[-1]))
    relative_matches = list(scan.find(RELATIVE_TIME, start, end))
    for match in relative_matches:
        scan.claim(start + match.start(), start + match.end())
    if position is None:
        trigger = next((found for found in re.finditer(
            r"\b(?:while|when|whilst|from\s+its\s+position|positioned)\b|" + _NUMBERED_POST_AFTER + "|" + _OWN_PLACE
            + r"(?:in|near|at|on(?=\s+the\s+[a-z-]+\s+(?:outskirts|edge)\s+of\b))\b"
            r"|(?<=\bits\sposition\s)(?=\d+(?:[.,]\d+)?\s*km\s+" + ph.DIRECTION + r"\s+of\s+[A-Z])",
            scan.view(observation_start, end)) if _NOT_THE_OBSERVER_WHILE.match(found.group(0) + scan.text[
                observation_start + found.end():end]) is None), None)
        if trigger is not None:
            position = read_position(scan, observation_start + trigger.start(), end)
            if position is not None:
                scan.claim(observation_start + trigger.start(), observation_start + trigger.end())
    previous = next(scan.find(PREVIOUS_PERIOD, start, end), None)
    if previous is not None:
        scan.claim(start + previous.start(), start + previous.end())
    share, areas = read_violation_share(scan, start, end)
    violations, violations_qualifier, trend = region_tally or read_violation_tally(scan, start, end)
    trend = read_violation_trend(scan, start, end) or trend
    share_of = next(scan.find(EXPLOSIONS_SHARE, start, end), None) if violations else None
    if share_of is not None:  # "some 3,000 violations, half of which were explosions": the explosions, about so many
        scan.claim(start + share_of.start(), start + share_of.end())
    for match in scan.find(_ASSESSED_LEAD, observation_start, end):
        # "heard explosions it assessed as nine outgoing mortar rounds": the count and kind follow the assessment
        scan.claim(observation_start + match.start(), observation_start + match.end())
    for match in scan.find(_WHAT_ASSESSED, observation_start, end):  # "heard what it assessed as two outgoing rounds"
        scan.claim(observation_start + match.start(), observation_start + match.end())
    groups = read_groups(scan, observation_start, end, clause_start=start, negated=negated)
    if share_of is not None and violations and not any(group.kind.startswith("explosion") for group in groups):
        fraction = SHARES[re.sub(r"\s+", " ", share_of["share"].lower())]
        groups.append(Group(start=start + share_of.start("noun"), end=start + share_of.end("noun"), kind="explosion_undetermined",
                            kinds=["explosion_undetermined"], count=round(violations * fraction), count_qualifier="about"))
    split_counts_before(scan, groups, observation_start)
    merge_estimated_count(scan, groups)
    causes_of_damage(scan, groups, end)
    if part_in_region is not None:
        add_part_in_region(groups, part_in_region, start + part_in_region.start())
    if len({name for _, name in regions_written}) > 1:
        own_regions(scan, groups, regions_written)
    if elliptical is not None and not groups:
        groups = [elliptical]
    # (a clause with no verb of its own from its start: "…; and an additional 26 between 13:00 and 15:45hrs")
    more_start = observation_start if has_verb else start
    more = _MORE_OF_THE_SAME.match(scan.view(more_start, end)) if not groups and previous_kind else None
    if more is None and has_verb and not groups and previous_kind and observation_start > start:
        # the further count is the subject, before a passive verb: "A further 860 were reported in neighbouring Luhansk"
        subject = _FURTHER_SUBJECT.match(scan.view(start, observation_start))
        if subject is not None and subject["n2"] is not None:
            more, more_start = subject, start
    if more is not None and previous_kind is not None and (has_verb or more["n2"] is not None):
        # "…; at 13:55, it heard two more 3km south-east": the kind of the clause before, counted again
        number = "n" if more["n"] is not None else "n2"
        group = Group(start=more_start + more.start(number), end=more_start + more.end(), kind=previous_kind,
                      kinds=[previous_kind], count=ph.parse_number(more[number]))
        scan.claim(more_start + more.start(), more_start + more.end())
        groups = [group]
    if (not groups and verb is not None and verb.group(0).split()[0].lower() in ("saw", "observed", "spotted", "noted")
            and _HANDED_OVER.search(scan.text, start, end) is None):
        groups = read_weapon_sightings(scan, observation_start, end) or read_passive_damage(scan, observation_start, end)
        violation = next(scan.find(IN_VIOLATION, start, context_end), None) if groups else None
        if violation is not None:  # "In violation of withdrawal lines in government-controlled areas, the SMM saw …"
            scan.claim(start + violation.start(), start + violation.end())
            for group in groups:
                group.violation_of = re.sub(r"\s+", " ", violation["what"].lower())
    read_denials(scan, start, end, negated, _VIOLATIONS)  # "The SMM did not record any ceasefire violations"
    if groups:
        read_weapon(scan, groups[0], observation_start, groups[0].start)  # "saw a tank firing 5 rounds"
        read_duration(scan, groups[0], observation_start, groups[0].start)  # "heard, in a one-hour period, 34 explosions"
        read_duration(scan, groups[0], start, context_end)  # "Over a span of six hours on 18 May, the SMM heard …"
        context_times = context_times or read_times(scan, observation_start, groups[0].start)  # "heard, at 14:05, ..."
        groups[0].start = min(groups[0].start, observation_start)
    relative = []
    for match in relative_matches:  # "…, and, ten minutes later, one projectile": that one's; else the clause's
        words = re.sub(r"\s+", " ", match.group(0).lower())
        following = [group for group in groups[1:] if group.start >= start + match.end()]
        if following and start + match.start() > groups[0].start:
            following[0].relative_time = following[0].relative_time or words
        else:
            relative.append(words)
    for index in range(1, len(groups)):  # "…, and at 22:07 an explosion": a time that leads into the next observation
        lead = LEAD_TIME.search(scan.view(groups[index - 1].end, groups[index].start))
        if lead is not None:
            at = groups[index - 1].end + lead.start()
            groups[index].times = read_times(scan, at, groups[index].start)
            groups[index].own_lead_time = groups[index].times is not None
    for index in range(1, len(groups)):
        # "…, 27 explosions 1-3km north-east, and, between 21:14 and 21:30, nine bursts …": a window that leads into the
        # next observation (patrol16: read as the trailing time of the one before, the windows of the two swapped)
        lead_window = _LEAD_WINDOW.search(scan.text, groups[index - 1].end, groups[index].start)
        if lead_window is not None and not groups[index].own_lead_time:
            # (claimed, so the observation before does not read it as its own)
            scan.claim(lead_window.start("window"), lead_window.end("window"))
            window = (clock_time(lead_window["t1"], None), clock_time(lead_window["t2"], None))
            groups[index].times, groups[index].own_lead_time = window, True
    if len(groups) > 1:
        read_respectively(scan, groups, end)
    noun_ends = [group.end for group in groups]
    for index, group in enumerate(groups):
        group_end = groups[index + 1].start if index + 1 < len(groups) else end
        group.all_of_them = ALL_OF_THEM.search(scan.text, group.end, group_end) is not None
        read_modifiers(scan, group, group.end, group_end)
        if (index > 0 and groups[index - 1].radar_tracks and group.kind == "projectile_in_flight"
                and not KIND_NOUN.search(scan.text, group.start, noun_ends[index])):
            # "… 2,531 trajectories of projectiles … and 3,332 from south to north": the same radar count (patrol22's W15)
            group.kind, group.kinds = "explosion_undetermined", ["explosion_undetermined"]
            group.radar_tracks = True
        group.end = group_end
    list_verb_impacts(scan, groups, noun_ends, end)
    list_verb_landed(scan, groups, noun_ends, end)
    weapon_of_both(scan, groups, noun_ends)
    split_assessed_total(scan, groups, noun_ends)
    assessed_of_all(scan, groups, noun_ends)
    count_with_fire(scan, groups, noun_ends)
    weapon_of_same_rounds(groups)
    tally_as_count(scan, groups, violations, start, end)
    merge_parts(groups)
    share_places(scan, groups, end)
    merge_damage_cause(groups, reported_by)
    for group in groups:
        if group.times is None:
            group.times = context_times
        if group.kind == "shot" and group.weapon in _HEAVY_WEAPONS:
            # "14 outgoing tank shots": rounds of a heavy weapon, counted as explosions (a shot is a bullet's)
            group.kind = {"outgoing": "explosion_outgoing", "incoming": "explosion_impact"}.get(group.fire or "",
                                                                                               "explosion_undetermined")
            group.kinds, group.fire = [group.kind], None
    for match in scan.find(CONTROLLED_BY, start, end):  # "(“Donetsk People’s Republic” (“DPR”)-controlled, 8km …)"
        scan.claim(start + match.start(), start + match.end())
    for match in choices:
        for group in groups:
            if group.start <= start + match.start() < group.end or (group is groups[-1] and start + match.start() >= group.end):
                group.warnings.append(f"two calibres written, neither kept: {match.group(0).strip()!r}")
                break
    for group in groups:
        left = scan.leftovers(group.start, group.end)
        group.warnings.extend(f"not understood: {fragment!r}" for fragment in left)
    context_leftovers = scan.leftovers(start, context_end)
    if not groups:
        context_leftovers += scan.leftovers(observation_start, end)
    for group in groups:
        if group.hit_before and reported_by is None:
            # "saw a house that had been hit by an artillery shell": damage seen, not an impact observed
            group.kind, group.kinds, group.sighting = "other", ["other"], "damage"
        for found in (target, aimed):
            if found is not None:
                group.details["target"] = re.sub(r"^(?:the|an?|its)\s+|'s\b", "", re.sub(r"\s+", " ", found["target"]),
                                                 flags=re.IGNORECASE)
        if reported_by is not None:
            group.details["reported_by"] = reported_by
    if verb is not None and groups and groups[0].count is None:
        definite = _DEFINITE_AFTER_VERB.match(scan.text, observation_start, end)
        if definite is not None and groups[0].start <= observation_start + len(definite.group(0)) <= groups[0].end:
            groups[0].definite = definite["noun"].lower()
    if verb is None and not has_verb:
        for group in groups:  # "The grenade was launched from the south-east", "…, the shells fell several meters away"
            subject = _DEFINITE_SUBJECT.match(scan.text, group.start, group.end)
            if subject is None and re.search(r"\b(?:the|these|those)\s+$", scan.text[max(start, group.start - 8):group.start], re.IGNORECASE):
                subject = _DEFINITE_NOUN.match(scan.text, group.start, group.end)
            if group.count is None and group.definite is None and subject is not None:
                group.definite = subject["noun"].lower()
    for group in groups:
        group.warnings.extend(f"the peak of the fire was not read: {peak!r}" for peak in peaks)
        tail = scan.text[group.start:group.end]
        if group.kind == "burst" and (flame := _MUZZLE_AFTER.search(tail)) is not None:
            # "seven bursts of muzzle flame": flashes seen, as "muzzle flashes" are (session 15: bursts of fire)
            group.kind, group.kinds = "other", ["other"]
            scan.claim(group.start + flame.start(), group.start + flame.end())
        elif (group.kind == "explosion_undetermined" and group.weapon is None and group.count is not None
              and _ROUNDS_AND_SHOTS.match(scan.text, group.start, end)):
            # "1,177 rounds and shots": small-arms rounds, one count with the shots (session 15: 1,177 explosions and a
            # further shot record of unstated number)
            group.kind, group.kinds = "shot", ["shot"]
            shots = [later for later in groups if later.start > group.start and later.kind == "shot" and later.count is None]
            if shots:
                shots[0].kind, shots[0].kinds = "other", ["other"]
                shots[0].warnings.append("counted with the rounds before it")
    if (position is not None and not has_verb and hit_subject is not None and groups and position.places and position.text
            and (position.how == "place" or (position.how == "offset" and position.describes_place))
            and scan.text.find(position.text, hit_subject, groups[0].start) >= 0):
        # "the JCCC headquarters (HQ) building in government-controlled Debaltseve (…) was hit multiple times by Grad rockets"
        # (patrol20's Q02: Debaltseve was the observer's place): where the thing hit stood, so where the rounds landed
        for group in groups:
            if group.event_place is None and group.distance_km is None:
                group.event_place = EventPlace(names=(position.places[-1],) if position.describes_place else tuple(position.places),
                                               relation="in")
        position = None
    if (position is not None and not has_verb and not groups and position.how == "place"
            and not OBSERVER_WORDS.search(scan.text, start, end)):
        # "Two teenagers were injured … in Lozove, according to residents": where something happened, told, not where the
        # mission was (patrol16: the record of no observation was given the observer Lozove)
        position = None
    back = _BACK_REFERENCE.match(scan.text, start, end)
    if back is not None and not has_verb and groups and all(group.count is None for group in groups):
        # "The rounds were assessed as impacting within 300m of the base", "the explosions shook the building": the
        # observations of the sentence before, already counted there (patrol14b: a further record of unstated number)
        for group in groups:
            group.kind, group.kinds, group.weapon, group.other_weapons = "other", ["other"], None, []
            if back["assessed"]:  # where the rounds came from: not a place from the observer
                group.distance_km = group.bearing = group.event_place = group.toward = None
            group.warnings.append(f"no observation of its own: it speaks of what was counted before ({back.group(0).strip()!r})")
    if len(parts_of_day_at) > 1:  # "in the morning, … heard nine explosions …, and in the afternoon four explosions"
        for group in groups:
            noun = KIND_NOUN.search(scan.text, group.start, group.end)
            at = noun.start() if noun is not None else group.start
            group.part_of_day = next((part for where, part in reversed(parts_of_day_at) if where < at), None)
    return ClauseReading(
        position=position, context_times=context_times, groups=groups, context_leftovers=context_leftovers,
        has_verb=has_verb, time_of_day=", ".join(parts_of_day) or None, parts_of_day_at=parts_of_day_at, negated=negated,
        region=region,
        ceasefire_violations=violations, violations_qualifier=violations_qualifier, compared_with=compared_with,
        violations_trend=trend, previous_period=previous is not None, relative_time=", ".join(relative) or None,
        violations_share=share, violations_areas=areas,
    )
