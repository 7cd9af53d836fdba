"""What the observations of one clause share (:func:`truceline.ingest.patrol.clause.read_clause` calls these in turn,
once each observation's own modifiers are read): a verb, a weapon or a place written once for several, a tally that is
the count, and the parts and causes that are not observations of their own. Each changes ``groups`` in place."""

from __future__ import annotations

import re

from truceline.ingest.patrol.counts import ALL_OF_THEM, SEPARATE_LISTING
from truceline.ingest.patrol.patterns import DIR, DISTANCE, KIND_NOUN
from truceline.ingest.patrol.places import FIRED_ONTO_AFTER
from truceline.ingest.patrol.scan import Group, Scan

#: "(direction not known)" written after a count: the count has no direction.
_DIRECTION_UNKNOWN = re.compile(r"\(\s*(?:the\s+)?directions?\s+(?:(?:was|were|is)\s+)?(?:not\s+known|unknown|undetermined|not\s+determined|"
                                r"could\s+not\s+be\s+determined)\s*\)", re.IGNORECASE)


def list_verb_impacts(scan: Scan, groups: list[Group], noun_ends: list[int], end: int) -> None:
    """A verb of landing after the last of a list of rounds makes the undetermined explosions before it impacts."""
    last = groups[-1] if groups else None
    if (last is not None and last.kind == "explosion_impact" and len(groups) > 1
            and FIRED_ONTO_AFTER.match(scan.text[noun_ends[-1]:end]) is not None):
        # "14 artillery shells of 122 mm …, 29 mortar rounds of 120 mm caliber and 93 mortar rounds of 82 mm caliber were
        # launched onto the vicinities of 12 DPR localities": the verb is that of the whole list
        for before in groups[:-1]:
            if before.kind == "explosion_undetermined" and re.fullmatch(r"[^.;:()]*", scan.text[before.start:last.start]):
                before.kind, before.kinds = "explosion_impact", ["explosion_impact"]


#: A verb of landing just after the last of a list: "Syrian shells and bullets have landed on the Israeli side".
_LANDED_AFTER = re.compile(r"[\s\x1f]*(?:(?:have|has|had)\s+)?(?:also\s+)?(?:landed|fell|hit|struck|impacted)\b", re.IGNORECASE)


def list_verb_landed(scan: Scan, groups: list[Group], noun_ends: list[int], end: int) -> None:
    """A verb of landing after the last of rounds listed with "and" (no count between them) makes the undetermined
    explosions before it impacts: "Syrian shells and bullets have landed on the Israeli side" (patrol23's Z11: the verb
    was read with the bullets only, the shells undetermined)."""
    if len(groups) < 2 or _LANDED_AFTER.match(scan.text, noun_ends[-1], end) is None:
        return
    for index in range(len(groups) - 2, -1, -1):
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+|or\s+)?", scan.text[noun_ends[index]:groups[index + 1].start]):
            return  # only the nouns just before the verb, with nothing but "and" or a comma between them
        if groups[index].kind == "explosion_undetermined" and groups[index].sighting is None:
            groups[index].kind, groups[index].kinds = "explosion_impact", ["explosion_impact"]


def weapon_of_both(scan: Scan, groups: list[Group], noun_ends: list[int]) -> None:
    """A weapon named after the second of two fire nouns (bursts and shots) is the first one's too."""
    for index in range(len(groups) - 2, -1, -1):
        # "18 bursts and 25 single shots of small-arms and heavy-machine-gun fire": the weapon named after the second
        # noun is the fire of both (only "and" between them)
        group, later = groups[index], groups[index + 1]
        if (group.kind in ("burst", "shot") and later.kind in ("burst", "shot") and group.kind != later.kind
                and group.weapon is None and later.weapon is not None
                and re.fullmatch(r"\s*,?\s*and\s+", scan.text[noun_ends[index]:later.start])):
            group.weapon, group.calibre_mm = later.weapon, group.calibre_mm or later.calibre_mm
            group.other_weapons.extend(weapon for weapon in later.other_weapons if weapon not in group.other_weapons)


def weapon_of_same_rounds(groups: list[Group]) -> None:
    """The impacts of the rounds just counted (``same_rounds``) are of their weapon."""
    for before, group in zip(groups, groups[1:]):
        if group.same_rounds and group.weapon is None:  # "an outgoing 82mm mortar round and … its impact": a mortar's
            group.weapon, group.calibre_mm = before.weapon, group.calibre_mm or before.calibre_mm


def tally_as_count(scan: Scan, groups: list[Group], violations: int | None, start: int, end: int) -> None:
    """A tally of violations that all (or both) were of the kind that follows is the observation's count."""
    if (violations is not None and groups and groups[0].count is None and groups[0].count_qualifier is None
            and all(group.kind == "other" and group.count is None for group in groups[1:])):
        # "two ceasefire violations, both undetermined explosions": the tally is the count
        # ("… two ceasefire violations – both shots of small-arms fire", patrol16b: a dash as well as a comma)
        every = re.search(r"(?:,|\s[–—-])\s*(?P<word>all|both)\s+(?:[\w-]+\s+)?" + KIND_NOUN.pattern, scan.text[start:end],
                          re.IGNORECASE)
        if every is not None and (every["word"].lower() == "all" or violations == 2):
            groups[0].count = violations
            # "326 ceasefire violations, all bursts and shots of small-arms, heavy machine-gun and 30mm cannon fire":
            # the weapons after the first are the same violations, not observations of their own
            first = groups[0]
            for later in groups[1:]:
                if later.weapon is not None and later.weapon not in first.other_weapons:
                    first.other_weapons.append(later.weapon)
                first.end = later.end
                first.event_place = first.event_place or later.event_place
                first.times = first.times or later.times
                if first.distance_km is None and first.bearing is None:
                    first.distance_km, first.bearing = later.distance_km, later.bearing
            del groups[1:]


def merge_parts(groups: list[Group]) -> None:
    """A part of the observation before it (``part_of_previous``: "including several salvos") is merged into it."""
    for index in range(len(groups) - 1, 0, -1):  # "15 explosions, including several salvos of MLRS": one observation
        part, whole = groups[index], groups[index - 1]
        if part.part_of_previous:
            whole.weapon = whole.weapon or part.weapon
            whole.salvos = part.salvos if part.salvos is not None else whole.salvos
            whole.warnings.extend(part.warnings)
            whole.end = part.end
            if whole.distance_km is None and whole.bearing is None:
                whole.distance_km, whole.bearing, whole.distance_qualifier = part.distance_km, part.bearing, part.distance_qualifier
            whole.times = whole.times or part.times
            del groups[index]


def share_places(scan: Scan, groups: list[Group], end: int) -> None:
    """A distance, direction or time written after the last of several observations, given to those before it."""
    # a distance, direction or time written after the last of several observations
    # ("11 explosions and 60 bursts, all 2-5km south") applies to those before it
    for index in range(len(groups) - 2, -1, -1):
        later, group = groups[index + 1], groups[index]
        if later.own_lead_time and not later.all_of_them:
            continue  # a separate observation at its own time, not "all" of them
        every = ALL_OF_THEM.search(scan.text, later.start, end)
        if (group.distance_km is None and group.bearing is None and group.event_place is None and group.toward is None
                and later.bearing is not None and SEPARATE_LISTING.search(scan.text, group.start, later.start)
                and every is not None and re.search(DIR, scan.text[every.end():end]) is None):
            # "six rocket-assisted projectiles fired …, as well as two outgoing explosions assessed as muzzle flashes
            # north of its position, all at undetermined distances": the direction is written for the last observation
            # (not after "all"); whether it is the earlier ones' too the text does not say (patrol13: the projectiles got
            # the flashes' bearing), so they get none
            group.warnings.append(f"a direction written for a later observation was not used for this one: {later.bearing}")
            if later.distance_km is not None and DISTANCE.search(scan.text, every.end(), end):
                group.distance_km, group.distance_qualifier = later.distance_km, later.distance_qualifier
        elif (group.distance_km is None and group.bearing is None and group.event_place is None and group.toward is None
              and (unknown := _DIRECTION_UNKNOWN.search(scan.text, group.start, later.start)) is not None):
            # "37 explosions (direction not known) from …, and 83 bursts … mainly at locations in the north and
            # north-west": the text says these have no direction (patrol14c: they got the bursts' NW..N)
            scan.claim(unknown.start(), unknown.end())
            if later.bearing is not None or later.distance_km is not None:
                group.warnings.append("direction written as not known: the later observation's place was not used")
        elif group.distance_km is None and group.bearing is None and group.event_place is None and group.toward is None:
            group.distance_km, group.bearing, group.distance_qualifier = later.distance_km, later.bearing, later.distance_qualifier
            group.event_place, group.toward = later.event_place, later.toward
        elif (later.all_of_them and group.distance_km is None and group.event_place is None and group.toward is None
              and later.distance_km is not None and (every := ALL_OF_THEM.search(scan.text, later.start, later.end))
              and DISTANCE.search(scan.text, every.end(), later.end) is not None):
            # "9 explosions to the east and 30 shots to the south, all at distances of 1-3km": the distance is all of them
            group.distance_km, group.distance_qualifier = later.distance_km, later.distance_qualifier
            group.all_of_them = True
        if group.times is None and not later.own_lead_time:
            group.times = later.times


def merge_damage_cause(groups: list[Group], reported_by: str | None) -> None:
    """What hit a damaged thing seen ("assessed as having been hit by a 122mm artillery round") is its weapon."""
    for index in range(len(groups) - 1, 0, -1):
        hit, damaged = groups[index], groups[index - 1]
        if (hit.hit_before and damaged.sighting == "damage" and damaged.weapon is None and hit.count in (None, 1)
                and reported_by is None):
            # "a freshly damaged residential building …, assessed as having been hit by a 122mm artillery round": what
            # damaged it, not another observation
            damaged.weapon, damaged.calibre_mm = hit.weapon, damaged.calibre_mm or hit.calibre_mm
            damaged.other_weapons.extend(weapon for weapon in hit.other_weapons if weapon not in damaged.other_weapons)
            damaged.warnings.extend(hit.warnings)
            damaged.end = hit.end
            del groups[index]


def episodes_colon_bearing(line: str, groups: list[Group], carried: str | None) -> str | None:
    """Episodes counted with their direction, then listed after a colon: "heard three different instances of shelling
    thought to have come from the area … to the north-west: a single explosion at a distance of approximately ten
    kilometres; 70 … rounds; and, three powerful explosions" (patrol23's Z02: the list had no direction). Each listed
    observation with no direction of its own is given the episodes' (also in the clauses after a semicolon); the
    direction carried on is returned. The episodes themselves, listed so, are no record of their own (patrol26: Z02's
    extra record of no number)."""
    listing = None
    for group in groups:
        if carried is not None and group.bearing is None and group.toward is None and group.episodes is None:
            group.bearing = carried
        if (group.episodes is not None and group.bearing is not None and group.count is None
                and re.search(r":(?:\s|$)", line[group.start:group.end]) is not None):
            carried, listing = group.bearing, group
    if listing is not None and groups[-1] is not listing:
        groups.remove(listing)
    return carried


#: A region's heading with its row on the same line, as a weekly table copied into prose writes it: "Donetsk region: 1,204
#: ceasefire violations, including 312 explosions (…)" (patrol26's AE06: the region was not read).
_REGION_LEAD = re.compile(r"^[\s\x1f]*(?P<name>[A-Z][a-z]+)\s+(?i:region|oblast)\s*:\s+(?=\S)")


def region_lead(scan: Scan, start: int, end: int) -> str | None:
    """The region a sentence opens with, as a heading ("Luhansk region: …"), claimed; the rest of the report is about it,
    as after a heading line."""
    lead = _REGION_LEAD.match(scan.view(start, end))
    if lead is None:
        return None
    scan.claim(start + lead.start("name"), start + lead.end())
    return lead["name"]


#: "…, both assessed as outgoing artillery rounds", "…, all assessed as impacts": an assessment of all the observations
#: before it, written after the last.
_ALL_ASSESSED = re.compile(r",\s*(?:all|both)(?:\s+of\s+(?:them|which))?\s+(?:(?:were|was)\s+)?(?:assessed|believed)\s+(?:as|to\s+be)\b",
                           re.IGNORECASE)


def assessed_of_all(scan: Scan, groups: list[Group], noun_ends: list[int]) -> None:
    """An assessment written after the last of several explosions with "both" or "all" is that of each of them: "an
    explosion at 09:05 and another at 09:21, both assessed as outgoing artillery rounds" (patrol28's AG15: the first
    stayed undetermined, with no weapon). Only explosions left undetermined, and only a weapon none of them named."""
    if len(groups) < 2:
        return
    last = groups[-1]
    if (not last.kind.startswith("explosion") or last.kind == "explosion_undetermined"
            or _ALL_ASSESSED.search(scan.text, noun_ends[-1], last.end) is None):
        return
    for group in groups[:-1]:
        if group.kind == "explosion_undetermined" and group.sighting is None:
            group.kind, group.kinds = last.kind, [last.kind]
            if group.weapon is None and last.weapon is not None:
                group.weapon, group.calibre_mm = last.weapon, group.calibre_mm or last.calibre_mm


def count_with_fire(scan: Scan, groups: list[Group], noun_ends: list[int]) -> None:
    """Fire named with no count, then its count after "with": "heavy artillery fire continued from 11 p.m. to 2 a.m., with
    at least 30 explosions heard" (patrol28's AH10: the fire a record of its own with the window, the explosions untimed
    and of no weapon) is one observation: the explosions, of the fire's weapon and in its window."""
    for index in range(len(groups) - 2, -1, -1):
        fire, count = groups[index], groups[index + 1]
        if (fire.kind == "other" and fire.count is None and fire.weapon is not None and fire.sighting is None
                and count.kind.startswith("explosion") and count.count is not None
                and re.fullmatch(r"[^,;]*,\s*with\s+", scan.text[noun_ends[index]:count.start], re.IGNORECASE)):
            count.weapon = count.weapon or fire.weapon
            count.times = count.times or fire.times
            count.start = fire.start
            del groups[index]
            del noun_ends[index]

