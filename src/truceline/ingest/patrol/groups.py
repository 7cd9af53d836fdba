"""Numbers and nouns of fire: the groups of one clause ("22 undetermined explosions and 5 bursts of small-arms fire").

``read_groups`` claims each count with its noun, kind and weapon (lists, shared parts, "of which" parts, flights of
UAVs); the patterns of counts and the weapon words of a list live here too.
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.kinds import SMALL_CALIBRE, adjective_kind, base_kind, read_weapon, weapon_in_noun
from truceline.ingest.patrol.patterns import (
    AIRCRAFT, COUNT, DISTANCE, ELLIPTIC, KIND_NOUN, MERGEABLE, NEGATED_LIST, NEGATION, OF_WEAPON_BEFORE, OWN_UAV_BEFORE,
    PLACE_ITEM, UAV,
)
from truceline.ingest.patrol.scan import Group, Scan, parse_number_or_none
from truceline.ingest.patrol.sightings import fresh_damage, noun_sighting

_CONDUCT_FLIGHT_BEFORE = re.compile(r"\b(?:conduct|control|operat(?=e|ing|ed)|perform)(?:ing|ed|s|e)?\s+(?:an?\s+|the\s+|its\s+)?(?:(?:announced|planned|scheduled|short-range|"
                                    r"co-ordinated|coordinated|pre-notified|notified)\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?$",
                                    re.IGNORECASE)
_FLIGHT_AFTER = re.compile(r"(?:\s*\(UAVs?\))?\s*flights?\b", re.IGNORECASE)
_FLEW_OWN_UAV = re.compile(r"\b(?:flew|launched|landed|recalled|diverted|redirected|deployed|(?<=to\s)(?:fly|launch|land|operate|recall))\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


#: What may stand between plural rounds and "impact" used as their verb: their weapon, where they were fired from.
_VERB_IMPACT = re.compile(r"\s+(?:of\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:(?:fired|launched)\s+from\s+[^\d,;.()]{1,60}?\s+)?", re.IGNORECASE)
_PLACE_AFTER_VERB = re.compile(r"\s+(?:in|on|near|inside|at|about|approximately|some|\d)", re.IGNORECASE)


def read_groups(scan: Scan, start: int, end: int, *, clause_start: int | None = None,
                negated: list[str] | None = None) -> list[Group]:
    """The observations in [start, end): each kind noun with the count written before it.

    A noun that the text says was *not* observed ("heard no explosions", "did not hear any
    explosions or shots", "No shots were heard") gives no observation: its phrase goes to
    ``negated`` instead, and its words are claimed as understood.
    """
    clause_start = start if clause_start is None else clause_start
    negated_end: int | None = None  # where the last noun said not to be observed ends
    text = scan.text
    depth_view = parenthesis_depth(text, start, end)
    nouns: list[re.Match[str]] = []
    weapon_noun_end: int | None = None  # the end of the last noun read as the weapon of the noun before
    for match in scan.find(KIND_NOUN, start, end):
        position = start + match.start()
        if depth_view[position - start] > 0:
            continue
        before = text[start:position]
        between = text[start + nouns[-1].end():position] if nouns else ""
        if nouns and OF_WEAPON_BEFORE.search(between) and not _NEW_COUNT.search(between):
            weapon_noun_end = start + match.end()
            continue  # "impacts of mortar rounds", "bursts of small-arms fire", "assessed as outgoing rounds"
        if (nouns and _AS_AFTER_NOUN.fullmatch(between) and not _NEW_COUNT.search(between)
                and _ASSESSED_COUNT_BEFORE.search(text, clause_start, start + nouns[-1].start())):
            weapon_noun_end = start + match.end()
            continue  # "the SMM assessed a further 30 explosions as tank rounds": the rounds name the explosions' weapon
        if (weapon_noun_end is not None and match["noun"].lower().startswith(("round", "shell"))
                and _SECOND_WEAPON.fullmatch(text, weapon_noun_end, position)):
            weapon_noun_end = start + match.end()
            continue  # "assessed as 120mm mortar rounds and 82mm mortar rounds": a second weapon of the same noun
        if (match["noun"].lower().startswith(("round", "shell")) and nouns and weapon_noun_end is None
                and (listed := _ASSESSED_WEAPON_LIST.fullmatch(between)) is not None and not _NEW_COUNT.search(between)
                and _LISTED_WEAPON_WORD.search(listed["last"])):
            # the same list when its first weapon's rounds were read with the assessment: "80 explosions assessed as
            # mortar (82mm) rounds, cannon rounds"
            weapon_noun_end = start + match.end()
            continue
        if (weapon_noun_end is not None and match["noun"].lower().startswith(("round", "shell"))
                and (listed := _LISTED_WEAPON.fullmatch(text, weapon_noun_end, position)) is not None
                and not _NEW_COUNT.search(text, weapon_noun_end, position)
                and _LISTED_WEAPON_WORD.search(listed["words"])):
            # "80 explosions assessed as mortar (82mm) rounds, cannon rounds (BMP-1, 73mm), recoilless gun rounds (SPG-9,
            # 73mm), automatic-grenade-launcher rounds": the weapons of the one count (patrol14: three more records of
            # unstated number, counted twice)
            weapon_noun_end = start + match.end()
            continue
        weapon_noun_end = None
        if match["noun"].lower().startswith("impact") and _MIXED_BEFORE.search(text, max(start, position - 80), position):
            continue  # "assessed as outgoing rounds and impacts": one assessment of the noun before, in two kinds
        if match["noun"].lower() == "fire" and (not re.search(r"[\w-]+\s+$", before) or _SOMEONE_BEFORE.search(before)):
            continue  # "saw him fire a burst": a verb
        listed_noun = match["noun"].lower() in ("rockets", "missiles", "shells")
        using = _USING_LIST_BEFORE.search(text, clause_start, position) if listed_noun else None
        if using is not None and (using["items"] or _LIST_ITEM_AFTER.match(text, start + match.end(), end) is not None):
            # "resorted to unprovoked firing using small arms, rockets, mortars and heavy machinegun" (patrol21's U17):
            # a weapon in the list of those used, not rounds counted (it was read as rocket fire of its own)
            scan.claim(position, start + match.end())
            continue
        if (re.match(r"(?i)explosions?$", match["noun"]) and nouns and re.match(r"(?i)impacts?$", nouns[-1]["noun"])
                and re.fullmatch(r"\s+", between)):
            scan.claim(position, start + match.end())
            continue  # "it heard and saw one impact explosion" (patrol20's R03: an impact and an explosion of no number)
        if match["noun"].lower() == "shelling" and re.match(r"\s+(?:impacts?|craters?)\b", text[start + match.end():], re.IGNORECASE):
            continue  # "observed three shelling impacts": impacts of shelling, one noun (patrol20's Q01: the shelling counted)
        if match["noun"].lower() == "fire" and nouns and nouns[-1]["noun"].lower().startswith(("rocket", "missile")) and (
                re.fullmatch(r"\s+", between)):
            scan.claim(position, start + match.end())
            continue  # "heard rocket fire 5km east": the rockets' fire, one observation (patrol20: two records)
        if match["noun"].lower() == "impact" and nouns and (re.fullmatch(r"\s+", between) or (
                nouns[-1]["noun"].lower().endswith("s") and _VERB_IMPACT.fullmatch(between)
                and _PLACE_AFTER_VERB.match(text, start + match.end()))):
            # "six artillery rounds impact 2-3km east": a verb, read with the rounds (also "observed two rounds of
            # artillery fired from south of the Blue Line impact in the vicinity of …", patrol27's AF08)
            continue
        if (match["noun"].lower().startswith("impact") and nouns and re.fullmatch(r"\s+and\s+", between)
                and re.match(r"(?i)(?:blast|explosion|detonation)", nouns[-1]["noun"])):
            scan.claim(position, start + match.end())
            continue  # "two undetermined blasts and impacts": the one count's noun (patrol18: an impact of no number beside)
        if UAV.search(match["noun"]) and _CONDUCT_FLIGHT_BEFORE.search(text, max(clause_start, position - 40), position) \
                and (flight := _FLIGHT_AFTER.match(text, start + match.end(), end)) is not None:
            # "to conduct an announced mini-unmanned aerial vehicle (UAV) flight": the mission's own flight (session 15: a
            # UAV seen)
            scan.claim(start + match.start(), flight.end())
            continue
        if UAV.search(match["noun"]) and OWN_UAV_BEFORE.search(text[max(clause_start, position - 40):position]):
            # "using its mini-UAV", "the SMM UAV": how the mission looked, not what it saw; nor a weapon of the fire
            # heard ("the OSCE team flew a UAV …, but observers heard six bursts": patrol13b, read as drone fire)
            if _FLEW_OWN_UAV.search(text, max(clause_start, position - 40), position):
                scan.claim(start + match.start(), start + match.end())
            continue
        exchange = _EXCHANGE_BEFORE.search(before) if match["noun"].lower() == "fire" else None
        counted_after = _COUNTED_AFTER.match(text, start + match.end(), end)
        if exchange is not None and counted_after is not None and KIND_NOUN.search(scan.view(start + match.end(), end)) is None:
            # "an exchange of fire involving small arms and heavy machine guns": the exchange is the observation,
            # of kind other, with the weapons named after it
            scan.claim(start + exchange.start(), start + exchange.end("lead"))
            scan.claim(counted_after.start(), counted_after.end())
        elif exchange is not None and counted_after is not None:
            # "an exchange of fire involving 12 explosions and …", "an exchange of fire: 22 bursts …":
            # what follows is what was counted (without it, "heard exchanges of fire 3-5km south" is
            # itself the observation)
            scan.claim(start + exchange.start(), start + match.end())
            continue
        if exchange is not None:  # "heard exchanges of (small-arms) fire": fire, kind other; its weapon is read later
            scan.claim(start + exchange.start(), start + exchange.end("lead"))
        nouns.append(match)
    items: list[tuple[int, int, str]] = [(start + match.start(), start + match.end(), match["noun"]) for match in nouns]
    if nouns:
        for match in scan.find(ELLIPTIC, start + nouns[0].end(), end):
            position = start + nouns[0].end() + match.end()
            if match["placed"] is not None:
                noun_before = max((noun.end() for noun in nouns if start + noun.end() <= position), default=0)
                after_noun = start + noun_before + len(text[start + noun_before:]) - len(text[start + noun_before:].lstrip(" ,:"))
                if (DISTANCE.search(text, start + noun_before, position - len(match["n"])) is None
                        or PLACE_ITEM.match(text, after_noun) is not None):
                    continue  # no distance of its own before: a breakdown by place ("six explosions, four 2km …")
            if depth_view[position - start - 1] == 0:
                items.append((position, position, ""))
        items.sort()
    groups: list[Group] = []
    previous_end = start
    for noun_start, noun_end, noun in items:
        if not noun:  # an elliptical count repeats the kind before it
            if not groups:
                continue
            noun, kind = "-", groups[-1].kind
        else:
            kind = base_kind(noun)
        window = scan.view(previous_end, noun_start)
        count = COUNT.search(window)
        if count is not None and count["n1"] and _YEAR_OF_DATE.search(text, max(0, previous_end + count.start("n1") - 24), previous_end + count.start("n1")) \
                and re.fullmatch(r"(?:19|20)\d\d", count["n1"]):
            count = None  # "the April 8, 1993 shooting of a guardsman": the year of the date, no count (patrol25's AC14)
        episodes = _EPISODES_BEFORE.search(window)
        if episodes is not None:  # "two episodes of tracer fire": the episodes are counted, not the rounds
            count = None
        not_one = count is not None and count["n1"] and re.search(
            # (also a party's "did not fire a single shot", "didn't fire a single shot": patrol25's AD13)
            r"(?:\bnot|n't)\s+(?:(?:fire|shoot|launch)\w*\s+)?$", text[clause_start:previous_end + count.start()][-24:], re.IGNORECASE)
        if count is None or not count["n1"] or not_one:  # "Not a single shot": a count that is denied
            before = text[clause_start if not groups and negated_end is None else previous_end:noun_start]
            denial = NEGATION.search(before)
            if denial is None and negated_end is not None and negated_end == previous_end:
                denial = NEGATED_LIST.fullmatch(text, previous_end, noun_start)  # "any explosions or shots"
            if denial is not None:
                phrase_start = (clause_start if not groups and negated_end is None else previous_end) + denial.start()
                if denial.re is NEGATED_LIST:
                    phrase_start = denial.start()
                scan.claim(phrase_start, noun_end)
                if negated is not None:
                    negated.append(text[phrase_start:noun_end].strip(" ,"))
                previous_end = negated_end = noun_end
                continue
        group_start = noun_start
        group = Group(start=noun_start, end=noun_end, kind=kind, kinds=[kind], crater=noun.lower().startswith("crater"),
                      sighting=noun_sighting(noun))
        if group.sighting == "damage" and noun.lower().endswith("damage") and count is not None and not count["vague"]:
            # "a burnt-out car with shrapnel damage": the count is of what was damaged, not of the damage
            damaged = re.sub(r"\s+(?:with|and)\s*$", "", count.group(0).strip() + " ").strip()
            if damaged:
                group.details["damage_to"] = re.sub(r"\s+", " ", damaged)
            scan.claim(previous_end + count.start(), noun_start)
            group_start = group.start = previous_end + count.start()
            count = None
        if count is not None and count["n1"] and group.kind.startswith("explosion"):
            lead = _ASSESSED_COUNT_LEAD.search(text, clause_start, previous_end + count.start())
            if lead is not None:  # "The SMM assessed a further 30 explosions as tank rounds": the verb, and its assessment
                scan.claim(lead.start(), lead.end())
                group.assessed_lead = True
        if group.sighting == "uxo":  # "an unexploded 82mm mortar round", "an unexploded rocket-propelled grenade (RPG-7)"
            weapon_in_noun(group, noun)
        if re.match(r"(?i)(?:drone|uav)[- ]?strike", noun):  # "two drone strikes hit …": the drone is the weapon (patrol27)
            group.weapon = "drone"
        if noun.lower().startswith("gun") and noun.lower() != "gunfire":  # "three gunshots" (not "gunfire": "a reported
            # Syrian gunfire at Israeli territory: a shell landed …", patrol22)
            group.weapon = "small_arms"
        if group.sighting == "mine" and re.match(r"(?i)sign", noun):  # "a sign reading 'Danger mines'": signs, not mines counted
            count = None
        if noun.lower() == "fire":
            group.kind, group.kinds = "other", ["other"]
            adjectives_start = _words_back(window, 3)
            listed = _WEAPON_LIST_BEFORE.search(window)
            if listed is not None:  # "numerous small arms and heavy machine gun fire": all the weapons named
                adjectives_start = min(adjectives_start, listed.start())
                if listed["vague"]:
                    group.count_qualifier = re.sub(r"\s+", " ", listed["vague"].lower())
                    scan.claim(previous_end + listed.start("vague"), previous_end + listed.end("vague"))
            group_start = previous_end + adjectives_start
            read_weapon(scan, group, group_start, noun_start)
            direction = _KIND_ADJECTIVE.search(scan.view(group_start, noun_start))
            if direction is not None and direction.group(0).lower() in ("outgoing", "incoming"):
                # "outgoing tank fire": rounds of a weapon that explodes, as "outgoing rounds"; small-arms fire stays other
                if group.weapon not in SMALL_CALIBRE:
                    group.kind = "explosion_outgoing" if direction.group(0).lower() == "outgoing" else "explosion_impact"
                    group.kinds = [group.kind]
                scan.claim(group_start + direction.start(), group_start + direction.end())
        elif count is not None:
            group_start = previous_end + count.start()
            group.count_qualifier = ph.COUNT_QUALIFIERS.get((count["qual"] or "").lower())
            if count["vague"]:
                group.count_qualifier = re.sub(r"\s+", " ", count["vague"].lower())
            else:
                number = parse_number_or_none(count["n1"])
                upper = parse_number_or_none(count["n2"] or count["n2w"])
                if count["nb"]:  # "between 15 and 20 explosions"
                    number, upper = parse_number_or_none(count["nb"]), number
                if upper is not None and number is not None and upper >= number:
                    group.count, group.count_min = upper, number
                else:
                    group.count = number
                if count["or_so"] or count["odd"]:  # "ten or so bursts", "forty-odd explosions"
                    group.count_qualifier = "about"
            group.kind = adjective_kind(count["adjs"], group.kind)
            direction_of_fire = re.search(r"\b(?:outgoing|incoming)\b", count["adjs"], re.IGNORECASE)
            if group.kind == "shot" and direction_of_fire is not None:  # "14 outgoing tank shots"
                group.fire = direction_of_fire.group(0).lower()
            if re.search(r"\bincoming\b", count["adjs"], re.IGNORECASE) and re.search(r"\boutgoing\b", count["adjs"], re.IGNORECASE):
                # "40 incoming and outgoing explosions": both, in numbers not given
                group.kind = "explosion_undetermined" if group.kind.startswith("explosion") else group.kind
                group.warnings.append(f"{count['adjs'].strip()!r}: the count is not split between them, so the kind is "
                                      "undetermined")
            if group.kind == "explosion_undetermined" and (fired := _FIRING_BEFORE.search(window, 0, count.start())):
                # "a tank (T-64) firing two rounds", "the launch of a missile", "the SMM saw … firing": fire seen leaving; not
                # "They … having fired a total of 52 rounds" (a party's statement of its enemy, patrol20's R10: outgoing)
                fired_at = previous_end + fired.start()
                if (fired["of"] or _FIRER_BEFORE.search(text, max(clause_start, fired_at - 60), fired_at)
                        or OBSERVER_WORDS.search(text, clause_start, fired_at)):
                    group.kind = "explosion_outgoing"
                    group.fired_verb = True
                scan.claim(previous_end + fired.start(), previous_end + fired.end())
            group.kinds = [group.kind]
            fresh_damage(group, count["adjs"], noun)
            adjectives_start = previous_end + count.start("adjs")
            _claim_kind_adjectives(scan, adjectives_start, noun_start)
            scan.claim(group_start, adjectives_start)
            read_weapon(scan, group, adjectives_start, noun_start)
            shared = SHARED_PARTS.search(window, 0, count.start()) if group.kind.startswith("explosion") else None
            if shared is not None and group.count is not None and not count["qual"]:
                # "8 incoming/11 outgoing and 20 unknown explosions": counts joined by slashes share the noun after
                # the last; one record per part, with no ``breakdown_of`` (the text gives no total)
                parts = [(_PART_KIND.get(item["what"].lower(), group.kind) if item["what"] else group.kind,
                          ph.parse_number(item["n"]) or 0) for item in _SHARED_PART.finditer(shared.group(0))]
                group.breakdown = [*parts, (group.kind, group.count)]
                group.count = sum(number for _, number in group.breakdown)
                group.breakdown_summed = True
                group_start = previous_end + shared.start()
                scan.claim(group_start, previous_end + count.start())
            by_weapon = (SHARED_WEAPON_PARTS.search(window, 0, count.start())
                         if group.kind.startswith("explosion") and group.weapon is not None and shared is None else None)
            if by_weapon is not None and group.count is not None:
                # "40 undetermined explosions, ten mortar and 24 automatic-grenade-launcher impacts" (patrol20's P05: the
                # ten were lost and their mortar given to the 40): counts named by weapon share the noun after the last
                weapon_items = list(_SHARED_WEAPON_PART.finditer(by_weapon.group(0)))
                labels = [next((label for pattern, label in ph.WEAPON_PATTERNS if pattern.fullmatch(item["weapon"])), None)
                          if not item["mm"] else ph.weapon_for_calibre(int(item["mm"])) for item in weapon_items]
                if all(labels):
                    group.breakdown = [*((group.kind, ph.parse_number(item["n"]) or 0) for item in weapon_items),
                                       (group.kind, group.count)]
                    group.breakdown_weapons = {index: label for index, label in enumerate([*labels, group.weapon]) if label}
                    group.count = sum(number for _, number in group.breakdown)
                    group.breakdown_summed = True
                    group.breakdown_calibres = {len(weapon_items): group.calibre_mm}  # each part names its own weapon
                    for index, item in enumerate(weapon_items):
                        if item["mm"]:
                            group.breakdown_calibres[index] = int(item["mm"])
                    if group.count_qualifier is not None:  # "fifty-two 120-mm and over thirty 82-mm mortar rounds"
                        group.breakdown_qualifiers[len(weapon_items)] = group.count_qualifier
                        group.count_qualifier = None
                    group_start = previous_end + by_weapon.start()
                    scan.claim(group_start, previous_end + count.start())
        else:
            # "heard bursts of heavy-machine-gun fire and shots": the words just before "shots", not across "and"
            adjectives = re.search(r"((?:(?<![\w-])(?!(?:and|or|nor|of|fire|but|then)\b)[A-Za-z0-9\-()]+\s+){0,3})$", window, re.IGNORECASE)
            if adjectives is not None and adjectives.group(1):
                group.kind = adjective_kind(adjectives.group(1), group.kind)
                group.kinds = [group.kind]
                fresh_damage(group, adjectives.group(1), noun)
                _claim_kind_adjectives(scan, previous_end + adjectives.start(1), noun_start)
                listed = _WEAPON_LIST_BEFORE.search(window) if group.kind in ("burst", "shot") else None
                if listed is not None and listed.start() < adjectives.start(1):
                    # "sporadic small-arms and heavy machine-gun bursts": the weapons of a list, the first named first
                    # (patrol20's P03: the heavy machine gun, the words before "and" unread)
                    group.start = group_start = previous_end + listed.start()
                    read_weapon(scan, group, previous_end + listed.start(), noun_start)
                    scan.claim(previous_end + listed.start(), previous_end + adjectives.start(1))
                read_weapon(scan, group, previous_end + adjectives.start(1), noun_start)
        rounds_of = (_COUNT_OF_ROUNDS_AFTER.match(scan.view(noun_end, end)) if group.count is None and count is None
                     and re.match(r"(?i)(?:explosion|detonation|blast)s?$", noun) else None)
        if rounds_of is not None:
            # "The explosion of three mines of this caliber was recorded" (patrol20's R06: an explosion of no number)
            group.count = ph.parse_number(rounds_of["n"])
            scan.claim(noun_end, noun_end + rounds_of.end())
            read_weapon(scan, group, noun_end, noun_end + rounds_of.end())
        hits_of = _HITS_OF.search(scan.view(previous_end, group_start)) if kind.startswith("explosion") else None
        if hits_of is not None:  # "recorded hits of MLRS Grad rockets on Sobinov Street" (patrol20's Q06): impacts
            scan.claim(previous_end + hits_of.start(), previous_end + hits_of.end())
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            if hits_of["n"] and group.count is None:  # "three direct hits by mortar rounds": three impacts
                group.count = ph.parse_number(hits_of["n"])
                group.start = group_start = min(group_start, previous_end + hits_of.start())
        hit_by = HIT_BY.search(scan.view(previous_end, group_start)) if kind.startswith("explosion") else None
        if hit_by is not None:  # "her house was hit by a shell": an impact ("had been hit": see read_clause)
            scan.claim(previous_end + hit_by.start(), previous_end + hit_by.end())
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            group.hit_before = bool(hit_by["perfect"])
        if episodes is not None:
            scan.claim(previous_end + episodes.start(), previous_end + episodes.end("lead"))
            if episodes["n"]:
                group.episodes = ph.parse_number(episodes["n"])
            group.count_qualifier = (ph.COUNT_QUALIFIERS.get((episodes["qual"] or "").lower())
                                     or (re.sub(r"\s+", " ", episodes["vague"].lower()) if episodes["vague"] else None))
            group.start = group_start = min(group_start, previous_end + episodes.start())
        if noun.lower().startswith("rocket") and not noun.lower().endswith(("grenade", "grenades")):  # "12 rockets launched"
            group.weapon = group.weapon or "rocket"  # the weapon is in the noun
        if noun.lower().endswith(("grenade", "grenades")):  # "a rocket-propelled grenade (RPG) was fired"
            weapon_in_noun(group, noun)
        if noun.lower().startswith("missile"):  # "a surface-to-air missile", "an anti-tank guided missile"
            read_weapon(scan, group, group_start, noun_end)
            group.weapon = group.weapon or "rocket"
        if AIRCRAFT.search(noun):  # "two helicopters", "a Mi-8 helicopter": seen or heard, not fire
            group.kind, group.kinds, group.sighting = "other", ["other"], "aircraft"
            if _DAMAGE_TO_BEFORE.search(scan.text, max(0, noun_start - 50), noun_start) is not None:
                # "… one hit the runway resulting in damage to an airplane" (patrol21's U20): what was damaged, not an
                # aircraft seen flying
                group.sighting, group.count, group.count_min = "damage", None, None
        if group.sighting in ("aircraft", "uav"):  # "a low-flying helicopter"
            read_altitude(scan, group, group_start, noun_start)
        if noun.lower().startswith("salvo"):  # "an outgoing salvo": salvos counted, the rounds in each unstated
            group.salvos, group.count, group.count_min = group.count, None, None
            group.part_of_previous = bool(groups and groups[-1].kind.startswith("explosion") and re.search(
                r",?\s*\bincluding\s*$", scan.text[groups[-1].end:group_start] if groups[-1].end <= group_start else ""))
        if group.count is None and groups and groups[-1].count is not None and re.search(r"\b(?:their|its)\s+(?:subsequent\s+|later\s+)?$", window, re.IGNORECASE):
            # "nine outgoing mortar rounds … and their impact", "a projectile …, followed by its impact": as many as before
            group.count = groups[-1].count
            group.same_rounds = True
            their = re.search(r"\b(?:their|its)\s+(?:subsequent\s+|later\s+)?$", window, re.IGNORECASE)
            assert their is not None
            scan.claim(previous_end + their.start(), previous_end + their.end())
        if (groups and group.sighting == "damage" and groups[-1].sighting == "damage" and groups[-1].end <= noun_start
                and re.fullmatch(r"\s*(?:and|,|,\s*and)\s*", text[groups[-1].end:group_start])):
            # "broken windows and shrapnel damage": one report of damage
            groups[-1].end = noun_end
            scan.claim(group_start, noun_end)
            previous_end = noun_end
            continue
        cause = _CAUSED_BY_BEFORE.match(text, groups[-1].end, noun_start) if (
            groups and count is None and groups[-1].end <= group_start and (groups[-1].sighting == "damage" or groups[-1].crater)
            and noun.lower() in ("fire", "shelling", "shooting")) else None
        if cause is not None:
            # "damage from small-arms fire to a shop", "damage and craters caused by shelling" (patrol20's P12, patrol19b's
            # O06): what made the damage seen, not fire observed; its weapon is the damage's
            if group.weapon is not None and groups[-1].weapon is None:
                groups[-1].weapon = group.weapon
            groups[-1].details["caused_by"] = re.sub(r"\s+", " ", text[group_start:noun_end]).strip()
            groups[-1].end = noun_end
            scan.claim(cause.start(), noun_end)
            previous_end = noun_end
            continue
        # "bursts and shots": one count for both
        if (
            groups and count is None and group.kind in MERGEABLE and groups[-1].kinds[-1] in MERGEABLE
            and re.fullmatch(r"\s*(?:and|or|,)\s*", text[groups[-1].end:noun_start] if groups[-1].end <= noun_start else "x")
        ):
            groups[-1].kinds.append(group.kind)
            groups[-1].end = noun_end
            scan.claim(noun_start, noun_end)
            previous_end = noun_end
            continue
        group.start = group_start
        scan.claim(noun_start, noun_end)
        groups.append(group)
        previous_end = noun_end
    return groups


#: Between damage seen and the fire that made it: "damage from small-arms fire", "craters caused by shelling".
_CAUSED_BY_BEFORE = re.compile(r"\s*(?:(?:(?:assessed\s+as\s+)?caused|made|left)\s+by|from|due\s+to|as\s+a\s+result\s+of|resulting\s+from)"
                               r"\s+(?:the\s+|an?\s+)?(?:[\w()-]+\s+){0,4}$", re.IGNORECASE)
#: Episodes of fire counted, not rounds: "two episodes of tracer fire", "three periods of small-arms fire".
#: A date just before a year: "April 8, 1993", "3 June 1996" (the number after it is the year, not a count).
_YEAR_OF_DATE = re.compile(r"(?:" + ph.MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\s*,?|\b\d{1,2}(?:st|nd|rd|th)?\s+" + ph.MONTH
                           + r"\s*,?)\s*$", re.IGNORECASE)
_EPISODES_BEFORE = re.compile(
    r"(?P<lead>(?:(?P<qual>" + ph.COUNT_QUALIFIER + r")\s+)?(?:(?P<vague>" + ph.VAGUE_COUNTS + r")|(?<![\d:.,])(?P<n>\d+|(?i:"
    + ph.NUMBER_WORD + r"))|an?)\s+(?:(?i:different|separate|distinct)\s+)?(?P<what>(?i:episodes?|instances?|incidents?|bouts?|periods?|spells?|waves?))\s+of\s+)"
    r"(?:(?:and\s+)?(?!(?:and|or|of)\b)[A-Za-z(][\w\-()]*\s+){0,4}(?:(?:an?\s+)?exchanges?\s+of\s+(?:[\w()-]+\s+){0,3})?$", re.IGNORECASE)
_SHARED_PART = re.compile(
    r"(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?P<what>(?i:incoming|outgoing|impacts?|undetermined|unknown|unidentified))"
    r"\s*(?:/|,\s*(?:and\s+)?|\band\b|\bor\b)\s*")
#: Counts before a shared noun, joined by slashes, commas or "and": "8 incoming/11 outgoing and 20 unknown" explosions.
SHARED_PARTS = re.compile(r"(?<![\w/])(?:" + _SHARED_PART.pattern + r")+$")
#: The same, named by weapon: "ten mortar and" 24 automatic-grenade-launcher impacts.
_SHARED_WEAPON_PART = re.compile(
    r"(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?P<weapon>(?i:" + "|".join(pattern.replace(r"\s+", r"[-\s]+") for pattern, _ in ph.WEAPONS)
    # or its calibre: "fifty-two 120-mm and over thirty 82-mm mortar rounds" (patrol20's R08: the 52 were lost)
    + r")|(?P<mm>60|82|120|122|152)\s?-?\s?mm)\s*(?:,\s*(?:and\s+)?|\band\b)\s*")
SHARED_WEAPON_PARTS = re.compile(r"(?<![\w/-])(?:" + _SHARED_WEAPON_PART.pattern + r")+$")
_PART_KIND = {"incoming": "explosion_impact", "impact": "explosion_impact", "impacts": "explosion_impact",
              "outgoing": "explosion_outgoing", "undetermined": "explosion_undetermined",
              "unknown": "explosion_undetermined", "unidentified": "explosion_undetermined"}
#: "… south of Verkhnoshyrokivske and one explosion": a new count after "and" or a comma starts a new
#: observation, even after an "of" that would otherwise name the weapon of the noun before; also after "as well" written
#: without its "as" ("… 82mm mortar on 24 December as well numerous bursts of small-arms …", patrol18c's E09).
_NEW_COUNT = re.compile(r"(?:,|\band\b|\bor\b|\bas\s+well(?:\s+as)?\b|\b(?:aggregated\s+)?totals?\s+of\b)\s+"
                        r"(?:\d+|(?i:" + ph.NUMBER_WORD + r"|" + ph.VAGUE_COUNTS + r"))\s+"
                        r"(?:(?!(?i:assessed|as|of|were|was|which|them)\b)[A-Za-z(][\w\-()]*\s+){0,3}$"
                        # "… and some exchanges of small-arms fire": an exchange, not the weapon of the noun before
                        r"|(?:,|\band\b|\bas\s+well\s+as\b)\s+(?:an?\s+|(?i:some|several|sporadic)\s+)?(?i:exchanges?)\s+of\s+"
                        r"(?:[\w()-]+\s+){0,4}$"
                        # "… and four episodes of (exchanges of) fire": episodes of a new observation
                        r"|(?:,|\band\b|\bas\s+well(?:\s+as)?\b)\s+(?:\d+|an?|(?i:" + ph.NUMBER_WORD + r"|" + ph.VAGUE_COUNTS + r"))\s+"
                        r"(?i:episodes?|instances?|incidents?|bouts?|periods?|spells?|waves?)\s+of\s+(?:[\w()-]+\s+){0,5}$")
#: Between a noun read as a weapon and another such noun: "… 120mm mortar rounds *and 82mm mortar* rounds".
_SECOND_WEAPON = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:\(?\d+\s?mm\)?\s+)?(?:(?!(?:of|as|at|in)\b)[A-Za-z][\w-]*\s+){0,3}",
                            re.IGNORECASE)
#: A further weapon's rounds in a list after "assessed as … rounds": ", cannon rounds", " (BMP-1, 73mm), recoilless gun ".
_LISTED_WEAPON = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*(?:and\s+|or\s+)?(?P<words>(?:\(?\d+\s?mm\)?\s+)?"
                            r"(?:(?!(?:of|as|at|in|and|or)\b)[A-Za-z][\w-]*\s+){1,3})", re.IGNORECASE)
_ASSESSED_WEAPON_LIST = re.compile(r"\s*,?\s*assessed\s+as\s+(?:(?:\(?\d+\s?mm\)?|(?!(?:of|at|in|and|or)\b)[A-Za-z][\w-]*)\s+){1,4}"
                                   r"(?:rounds?|shells?)\s*(?:\([^()]*\)\s*)?,\s*(?P<last>(?:(?!(?:of|as|at|in|and|or)\b)"
                                   r"[A-Za-z][\w-]*\s+){1,3})", re.IGNORECASE)
_MIXED_BEFORE = re.compile(r"\b(?:assessed|believed)\s+(?:as|to\s+be)\s+(?:both\s+)?(?:outgoing|incoming)(?:\s+rounds?)?\s+and\s+(?:as\s+)?$",
                           re.IGNORECASE)
WEAPON_WORDS = r"(?:" + "|".join(pattern.replace(r"\s+", r"[-\s]+") for pattern, _ in ph.WEAPONS) + r")"
_LISTED_WEAPON_WORD = re.compile(WEAPON_WORDS + r"|\b(?:cannon|gun|launcher|howitzer)\b", re.IGNORECASE)
#: The weapons named before "fire", with an unstated number: "numerous small arms and heavy machine gun fire".
_WEAPON_LIST_BEFORE = re.compile(
    r"(?:(?P<vague>" + ph.VAGUE_COUNTS + r"|some)\s+)?(?:(?:outgoing|incoming|sporadic|continuous|intense|intensive)\s+)?"
    + WEAPON_WORDS + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)" + WEAPON_WORDS + r")*\s+$", re.IGNORECASE)
_EXCHANGE_BEFORE = re.compile(r"(?P<lead>\b(?:an?\s+)?exchanges?\s+of\s+)(?:[\w()-]+\s+){0,4}$", re.IGNORECASE)
_COUNTED_AFTER = re.compile(r"\s*(?::|,?\s*(?:involving|including|consisting\s+of|with|of)\b)", re.IGNORECASE)
#: The count of rounds after an explosion's noun: "the explosion of three mines of this caliber", "the explosions of five
#: shells" (not "the explosion of a mine", one, read as before).
_COUNT_OF_ROUNDS_AFTER = re.compile(r"\s+of\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+(?:[\w()-]+\s+){0,2}?"
                                    r"(?:mines|shells|rounds|rockets|grenades|projectiles)\b", re.IGNORECASE)
#: Rounds written as hits: "hits of MLRS Grad rockets", "direct hits by artillery shells".
_HITS_OF = re.compile(r"(?:\b(?P<n>\d+|" + ph.NUMBER_WORD + r")\s+)?\b(?:direct\s+)?hits\s+(?:of|by|from)\s+$", re.IGNORECASE)
HIT_BY = re.compile(r"\b(?:(?:was|were|(?P<perfect>had|has|have|having)\s+been|being)\s+)?(?:hit|struck)"
                     # "was hit multiple times by Grad rockets" (patrol20's Q02: undetermined)
                     r"(?:\s+(?:multiple|several|many|a\s+number\s+of|two|three|four|five|\d+)\s+times)?\s+by"
                     r"(?:\s+(?:indiscriminate|heavy|intense|intensive|sporadic))?\s*$", re.IGNORECASE)
_KIND_ADJECTIVE = re.compile(r"\b(?:outgoing|incoming|illumination|tracer|fresh|new|recent|heavy(?![- ]machine))\b", re.IGNORECASE)
#: A list of the weapons fire was opened with: "firing using small arms, rockets, mortars and heavy machinegun", "opened
#: fire with rockets and mortars" (the list so far, words of one to three, before a noun in it).
_USING_LIST_BEFORE = re.compile(r"\b(?:fir(?:e|ed|ing)|shell(?:ed|ing)|attack(?:ed|ing))\s+(?:using|with)\s+"
                                r"(?P<items>(?:(?!(?:the|a|an)\b)[\w-]+(?:\s+[\w-]+){0,2}?\s*(?:,\s*(?:and\s+)?|\s+and\s+))*)$",
                                re.IGNORECASE)
_LIST_ITEM_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)" + WEAPON_WORDS, re.IGNORECASE)
_FIRING_BEFORE = re.compile(r"\b(?:firing|fired|launching|launched|(?P<of>(?:the\s+)?(?:launch|firing)(?:es)?\s+of))\s+$", re.IGNORECASE)
#: A weapon or vehicle just before "firing": "a tank (T-64) firing two rounds", "an IFV (BMP-2) fired three rounds".
_FIRER_BEFORE = re.compile(r"\b(?:tanks?|T-\d\d|howitzers?|IFVs?|BMP(?:-\d)?|APCs?|BTR(?:-\d+)?|mortars?|guns?|cannons?|"
                           r"launchers?|MLRS|Grad|systems?|vehicles?|artillery|pieces?|ships?|boats?|aircraft|helicopters?)\b"
                           r"[^,;.]{0,25}$", re.IGNORECASE)


def _claim_kind_adjectives(scan: Scan, start: int, end: int) -> None:
    for match in scan.find(_KIND_ADJECTIVE, start, end):
        scan.claim(start + match.start(), start + match.end())


def _words_back(window: str, limit: int) -> int:
    match = re.search(r"((?:[A-Za-z\-]+\s+){0,%d})$" % limit, window)
    return match.start(1) if match else len(window)


def parenthesis_depth(text: str, start: int, end: int) -> list[int]:
    depths: list[int] = []
    depth = 0
    for char in text[start:end]:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")":
            depth = max(0, depth - 1)
    return depths


_DAMAGE_TO_BEFORE = re.compile(r"\b(?:damage\s+to|damag(?:ed|ing)|destroy(?:ed|ing))\s+(?:an?\s+|the\s+|one\s+)?(?:[\w-]+\s+)?$",
                               re.IGNORECASE)


#: How high an aircraft or drone flew: "at high altitude", "at an altitude of about 500m" (not a distance from the observer).
_ALTITUDE = re.compile(
    r"\bat\s+(?:an?\s+|the\s+)?(?:(?P<level>(?:very\s+|extremely\s+)?(?:high|low|medium|great)|(?:an?\s+)?(?:estimated|approximate|assessed))\s+)?"
    r"altitudes?\b(?:\s+of\s+(?P<height>(?:about\s+|approximately\s+|around\s+|some\s+)?\d+(?:[.,]\d+)?(?:\s*(?:-|to)\s*\d+(?:[.,]\d+)?)?"
    r"\s*(?:m|metres|meters|km|kilometres|kilometers|feet|ft)\b))?"
    r"|\b(?P<low>low|high)[- ]flying\b", re.IGNORECASE)


def read_altitude(scan: Scan, group: Group, start: int, end: int) -> None:
    for match in scan.find(_ALTITUDE, start, end):
        scan.claim(start + match.start(), start + match.end())
        words = [match["level"] or match["low"], match["height"]]
        group.altitude = group.altitude or " ".join(re.sub(r"\s+", " ", word.lower()) for word in words if word) or "stated"


#: Words that name the mission or its being somewhere: a place in a clause without them is not the observer's.
OBSERVER_WORDS = re.compile(r"\b(?:SMM|OSCE|patrols?|mission|monitors?|observers?|team|camera|positioned|stationed|located"
                             r"|based|deployed|present|visited|went\s+to|drove|travell?ed|arrived|stopped|parked)\b", re.IGNORECASE)


#: "The SMM assessed (a further) 30 explosions as tank rounds": "assessed" is the observing verb, the count its object.
_ASSESSED_COUNT_BEFORE = re.compile(r"\bassessed\s+(?:(?:a\s+)?(?:further|another|additional)\s+)?(?:[\w,()-]+\s+){1,4}$", re.IGNORECASE)
_AS_AFTER_NOUN = re.compile(r"\s+as\s+(?:an?\s+)?(?:(?!(?:well|such|part|a|of)\b)[\w()-]+\s+){0,5}", re.IGNORECASE)
_ASSESSED_COUNT_LEAD = re.compile(r"\bassessed\s+(?:(?:a\s+)?(?:further|another|additional)\s+)?$", re.IGNORECASE)
#: Someone before "fire", which is then a verb: "saw him fire a burst", "the men fire".
_SOMEONE_BEFORE = re.compile(r"\b(?:him|her|them|they|he|she|men|man|soldiers?|individuals?|members?|someone|who|to)\s+$", re.IGNORECASE)
