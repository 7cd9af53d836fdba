"""How the rounds were fired, flew and landed, read from the verbs around them (:func:`read_landing`,
:func:`read_flight`; :func:`truceline.ingest.patrol.modifiers.read_modifiers` calls them in turn): the observation's
kind (outgoing, impact, airburst, in flight, a radar's tracks), the place it was fired from and its heading."""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.kinds import INTERCEPTED_AFTER, PASSING_OVER, SMALL_CALIBRE
from truceline.ingest.patrol.places import (
    ALL_LANDED, EXPLODED_ON_PLACE, FIRED_BEFORE, FIRED_HITTING_AFTER, FIRED_ONTO_AFTER, FIRED_ONTO_BEFORE,
    FROM_THEN_LANDED, ON_PLACE_AFTER, TOWARDS_PLACE,
)
from truceline.ingest.patrol.scan import Group, Scan

_ACTION_AFTER = re.compile(r"^[\s\x1f]*"
                           # a participle's clause between commas before the verb: "The other two rockets, while setting
                           # off sirens in the Ashkelon region, fell in open areas" (patrol25's AD02: undetermined)
                           # ("while" may be claimed already, as the opening of an observer's position)
                           r"(?:,[\s\x1f]*(?:(?:while|after|before|having|though|although)\s|\x1f+\s)[^,.;:()]{1,80}?,[\s\x1f]*)?"
                           r"(?:had\s+|have\s+|has\s+)?"
                           # the rounds' weapon written after them: "two rounds of artillery impact near …" (patrol27)
                           # (and its participle: "15 rounds of mortar fire impacting 3-4km north-east", patrol28's AH15)
                           r"(?:of[\s\x1f]+(?:[\w\x1f-]+[\s\x1f]+){1,2}?(?=(?:(?:fired|launched)\s+from|impact(?:ed|ing)?|land(?:ed|ing)?"
                           r"|explod(?:e|ed|ing))\b))?"
                           # "several of the projectiles crossed into Israeli territory and landed in open areas" (patrol22's
                           # X03: projectiles in flight)
                           r"(?:(?:crossed|flew)\s+(?:into|over)\s+[^.;,\x1f]{1,40}?\s+and\s+(?=land(?:ed|ing)|fell|impact|hit|struck))?"
                           # "Two … missiles fired from southern Lebanon towards Israel missed their target and exploded on
                           # Lebanese territory" (patrol24's AA01: undetermined): where they went after they were fired
                           r"(?:(?:(?:were|was)\s+)?(?:fired|launched)\s+from\s+(?P<origin>[^.;,\x1f]{1,60}?)\s+(?:missed\s+(?:their|its|the)\s+targets?\s+)?"
                           # (also a bare verb after a verb of seeing: "observed two rounds of artillery fired from south
                           # of the Blue Line impact in the vicinity of …", patrol27's AF08)
                           r"(?:and\s+(?=land(?:ed|ing)|fell|impact|hit|struck|explod)|(?=(?:impact|land|explode)\s+(?:in|on|near|inside|at)\b)))?"
                           r"(?P<verb>impact(?:ed|ing)?|land(?:ed|ing)?|hit|struck|striking|"
                           # "The rockets fell in an open field" (patrol20b's T06): landed
                           r'fell(?=\s+"?\s*(?:in|on|into|inside|near|onto|close)\b)|'
                           # "Three rockets have fallen Baabda district", "two shells reached the Israeli Golan Heights"
                           # (patrol24's AB01, AB03: undetermined): landed on a place named after the verb
                           r"fallen(?=\s+(?:(?:in|on|into|inside|near|onto)\b|(?-i:[A-Z])))|reached(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
                           r"launched|being\s+launched|(?:being\s+)?fired(?!\s+(?:from|at|by|upon|on|in\s+the\s+air)\b)"
                           r"|explod(?:e|ed|es|ing)|detonat(?:e|ed|es|ing))\b(?!\s+in\s+(?:the\s+)?(?:air|mid-air|sky))",
                           re.IGNORECASE)
#: A place hit by the rounds, told in the passive before them: "was hit by stray rockets", "were struck by two shells",
#: "the residential neighborhoods were targeted by a number of 120mm and 82mm mortar rounds" (patrol23's Z201).
_HIT_BY_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:hit|struck|targeted|shelled|bombarded|bombed)\s+by\s+(?:(?:the|an?|stray|several|some|[\w-]+)\s+){0,3}$",
                            re.IGNORECASE)
#: A place (not positions: "targeted the positions … with artillery" stays undetermined, as the batches write it) bombed or
#: shelled with the rounds named after it: "bombed residential neighborhoods in the city of Hays, on Saturday night, with a
#: number of mortar shells", "targeted the villages with 12 mortar shells" (patrol23's Z201 leftover).
_PLACE_WITH_BEFORE = re.compile(
    r"\b(?:bombed|bombarded|shelled|targeted|pounded)\s+(?:the\s+)?(?:(?:civilian|residential|populated|inhabited|(?-i:[A-Z][\w'-]*))\s+){0,2}"
    r"(?:houses|homes|areas|neighbou?rhoods|villages?|towns?|city|cities|settlements?|markets?|hospitals?|schools?|camps?)\b"
    r"[^.;:]{0,80}?\bwith\s+[^.;:,]{0,40}$", re.IGNORECASE)
#: Rockets written as launched, just after the noun: "rocket launches", "rocket firing".
_LAUNCHES_AFTER = re.compile(r"^[\s\x1f]*(?P<word>launch(?:es)?|launchings?|firing)\b(?!\s+(?:positions?|sites?|pads?|systems?)\b)",
                             re.IGNORECASE)
#: An origin that is only a direction or a flight ("from the north-west", "from west to east", "from a south-westerly
#: direction") is read as before (not "from the eastern outskirts of Horlivka").
_COMPASS = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:erly|wards?)?|[NSEW]{1,3})"
_COMPASS_WORD = re.compile(r"\s*(?:the\s+|an?\s+)?" + _COMPASS + r"(?:\s+to\s+(?:the\s+)?" + _COMPASS + r")?(?:\s+directions?)?\s*",
                           re.IGNORECASE)
_HEADING_AFTER = re.compile(r"^[\s\x1f]*(?:in\s+an?\s+(?P<dir>" + ph.DIRECTION + r")\s+direction|(?:towards\s+(?:the\s+)?)"
                            r"(?P<dir2>" + ph.DIRECTION + r"))\b", re.IGNORECASE)
#: Rounds fired and then, in a participle after a comma or dash, where they hit: "… were fired, impacting two to three metres
#: from the SMM vehicle", "… was fired – from a location to the south-east – impacting approximately 150 metres from it".
_IMPACTING_AFTER = re.compile(r"(?:^|[,–—]|\s-|\band)[\s\x1f]*(?P<verb>impacting|landing)\b", re.IGNORECASE)
_ROUNDS_ACTION = re.compile(r"\b(?:rounds?|shells?|projectiles?|rockets?)\s+(?P<verb>impact(?:ed|ing)|land(?:ed|ing))\b",
                            re.IGNORECASE)
_IN_THE_AIR = re.compile(r"\b(?:explod(?:e|ed|es|ing)|detonat(?:e|ed|es|ing))\s+(?:in\s+(?:the\s+)?(?:air|mid-air|sky)|mid-air)\b",
                         re.IGNORECASE)
#: Where something seen was going: "moving west", "heading towards the north", "flying in a south-easterly direction".
_MOVING = re.compile(r"^[\s\x1f]*(?:(?:was|were)\s+)?(?:moving|heading|travell?ing|driving|flying)\s+(?:in\s+an?\s+|(?:to|towards)\s+(?:the\s+)?)?"
                     r"(?P<dir>" + ph.DIRECTION + r")(?:wards?)?(?:\s+direction)?\b(?!\s+of\b)", re.IGNORECASE)


def read_landing(scan: Scan, group: Group, start: int, end: int) -> None:
    """Where the rounds went, from the verb after the noun: fired onto a place or landed (impacts), intercepted
    (airbursts), passing over (in flight), launched (outgoing); the place they were fired from and their heading kept."""
    onto = FIRED_ONTO_AFTER.match(scan.view(start, end)) if group.kind == "explosion_undetermined" else None
    if onto is not None:
        scan.claim(start + onto.start("verb"), start + onto.end("verb"))
        group.kind = "explosion_impact"
        group.kinds = [group.kind]
    if (group.kind == "projectile_in_flight" and group.flight is None and group.count is not None
            and re.search(r"\bprojectiles?\s*$", scan.text[group.start:group.end], re.IGNORECASE)
            and (FIRED_BEFORE.search(scan.text, max(0, group.start - 40), group.start) is not None
                 or FIRED_ONTO_BEFORE.search(scan.text, max(0, group.start - 120), group.start) is not None)):
        # "Kiev military launched almost 400 projectiles and mortar-shells on the territory …" (patrol21's V10): rounds
        # fired, as a party counts them, not projectiles seen in flight
        group.kind, group.kinds = "explosion_undetermined", ["explosion_undetermined"]
    if (onto is None and group.kind == "explosion_undetermined" and group.sighting is None
            and (before := FIRED_ONTO_BEFORE.search(scan.text, max(0, group.start - 120), group.start)) is not None):
        onto = before
        group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    if (onto is None and group.kind == "explosion_undetermined" and group.sighting is None
            and (hit_by := _HIT_BY_BEFORE.search(scan.text, max(0, group.start - 60), group.start)) is not None):
        # "Their encampment near the UN base was hit by stray rockets" (patrol24's AA14: undetermined): what the rounds
        # hit, told in the passive, so impacts
        onto = hit_by
        group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    if (onto is None and group.kind == "explosion_undetermined" and group.sighting is None
            and (bombed := _PLACE_WITH_BEFORE.search(scan.text, max(0, group.start - 140), group.start)) is not None):
        # "Houthi militia bombed residential neighborhoods in the city of Hays, on Saturday night, with a number of mortar
        # shells" (patrol23's Z201: undetermined): rounds fired onto a place, impacts by the batches' rule
        onto = bombed
        group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    if (onto is None and group.kind == "explosion_undetermined" and group.sighting is None
            and FIRED_BEFORE.search(scan.text, max(0, group.start - 40), group.start) is not None):
        onto = ON_PLACE_AFTER.match(scan.view(start, end))
        if onto is not None:  # "firing mortar shells on southern areas of the capital": where they landed, impacts
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    # (also "incoming", read as an impact before its verb: "two incoming rockets were intercepted", patrol25's AD02)
    if (group.kind in ("explosion_undetermined", "explosion_outgoing", "projectile_in_flight", "explosion_impact")
            and group.sighting is None and (intercepted := INTERCEPTED_AFTER.match(scan.view(start, end))) is not None):
        # "some of the rockets were intercepted", "two rockets, one of which had been intercepted by the Iron Dome"
        # (patrol22's W16, patrol21's V01): destroyed in the air, airbursts
        scan.claim(start + intercepted.start("verb"), start + intercepted.end("verb"))
        group.kind, group.kinds = "airburst", ["airburst"]
        origin = re.match(r"[\s\x1f]*(?:after\s+(?:being|they\s+were|it\s+was)\s+)?(?:launched|fired)\s+from\s+(?:the\s+)?"
                          r"(?P<place>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})",
                          scan.view(start + intercepted.end("verb"), end), re.IGNORECASE)
        if origin is not None:  # "two rockets were intercepted after being launched from Lebanon": not where they burst
            scan.claim(start + intercepted.end("verb") + origin.start(), start + intercepted.end("verb") + origin.end())
            group.details["fired_from_place"] = origin["place"]
    if (group.kind == "shot" and group.sighting is None and re.search(r"\bbullets?\s*$", scan.text[group.start:group.end], re.IGNORECASE)
            and (passing := PASSING_OVER.match(scan.view(start, end))) is not None):
        # "red bullets are passing over the village" (patrol21's U16): bullets seen in flight, not shots heard
        scan.claim(start + passing.start("verb"), start + passing.end("verb"))
        group.kind, group.kinds = "projectile_in_flight", ["projectile_in_flight"]
    launches = _LAUNCHES_AFTER.match(scan.view(start, end)) if group.weapon in ("rocket", "mlrs", "atgm") else None
    if launches is not None and group.kind == "explosion_undetermined":
        # "detected rocket firing from south of Tyre", "intercepted four rocket launches" (patrol20's P25): launches
        scan.claim(start + launches.start("word"), start + launches.end("word"))
        group.kind, group.kinds = "explosion_outgoing", ["explosion_outgoing"]
    # (also a vague number: "fired a number of rockets that hit and damaged a UNIFIL post", patrol22's W18)
    if (onto is None and group.kind in ("explosion_undetermined", "explosion_outgoing")
            and (group.count is not None or group.count_qualifier is not None)):
        landed = next(scan.find(ALL_LANDED, start, end), None)
        if landed is not None:
            # "Six rockets were launched from …, all of which fell short of the border and landed inside Lebanese
            # territory" (patrol20's P24): where they landed, so impacts
            scan.claim(start + landed.start(), start + landed.end())
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            onto = landed
            launched = re.search(r"\bfrom\s+(?:the\s+)?(?P<place>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})",
                                 scan.view(start, start + landed.start()), re.IGNORECASE)
            if launched is not None:  # where they were fired from is not where they landed
                scan.claim(start + launched.start(), start + launched.end())
                group.details["fired_from_place"] = launched["place"]
    # (also "mortar fire from Syria struck Israel", patrol20b's S12: fire of a weapon that explodes, of kind other)
    exploding_fire = (group.kind == "other" and group.weapon is not None and group.weapon not in SMALL_CALIBRE
                      and group.sighting is None and not group.crater and group.count is None)
    if onto is None and (group.kind in ("explosion_undetermined", "projectile_in_flight") or exploding_fire):
        # (also "two projectiles fired from Syria struck the Golan Heights", patrol20b's T07: in flight)
        origin = FROM_THEN_LANDED.match(scan.view(start, end))
        if origin is not None and origin["verb"].lower() == "exploded" and (
                exploding_fire or group.weapon == "grenade_launcher" or EXPLODED_ON_PLACE.match(scan.view(start + origin.end(), end)) is None):
            origin = None  # "rockets fired from X exploded inside Y" (patrol20b's S10), not "… exploded on Monday"
        if origin is not None and _COMPASS_WORD.fullmatch(origin["origin"]) is None:
            # where they came from is not where they landed (not a direction: "from the north-west" stays an origin read)
            scan.claim(start + origin.start(), start + origin.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            onto = origin
            named = re.match(r"\s*(?:the\s+)?(?P<place>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})\s*$", origin["origin"])
            if named is not None:
                group.details["fired_from_place"] = named["place"]
    if onto is None and group.kind == "explosion_undetermined":
        onto = FIRED_HITTING_AFTER.match(scan.view(start, end))
        if onto is not None:
            scan.claim(start + onto.start("verb"), start + onto.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    action = _ACTION_AFTER.match(scan.view(start, end)) if onto is None else None
    if action is not None and (group.kind.startswith("explosion") or group.kind == "projectile_in_flight"):
        # "six artillery rounds impact 2-3km east", "12 rockets launched in a northerly direction"
        scan.claim(start + action.start("verb"), start + action.end("verb"))
        if action["origin"] is not None:  # where they were fired from is not where they landed
            origin_from = scan.text.rfind("from", start, start + action.start("origin"))
            scan.claim(origin_from, start + action.end("origin"))
            named = re.match(r"(?:the\s+)?(?:[a-z]+ern\s+)?(?P<place>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})",
                             action["origin"], re.IGNORECASE)
            if named is not None:
                group.details["fired_from_place"] = named["place"]
        verb = action["verb"].lower()
        if group.kind == "projectile_in_flight" and ("launch" in verb or verb.endswith("fired")):
            pass  # "six rocket-assisted projectiles fired from south-east to north-west": seen in flight
        elif verb.startswith("explod"):  # "three shells exploded": no kind in it, unless where they exploded follows
            if (group.kind == "explosion_undetermined" and group.sighting is None and group.weapon != "grenade_launcher"
                    and EXPLODED_ON_PLACE.match(scan.view(start + action.end(), end)) is not None):
                group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
        elif ("launch" in verb or verb.endswith("fired")) and (TOWARDS_PLACE.search(scan.view(start + action.end(), end))
                                                                 or group.across_line):
            # "UNIFIL detected two rockets launched from north-west of Qulay'ah towards Israel" (patrol21's V01): rounds
            # fired towards a place, undetermined by the batches' rule (they may be the impacts there; CONTRACTS.md names
            # no verb), as "… rockets fired from … towards Israel" (patrol20b's S06) and a party's statements were
            pass
        elif not verb.startswith("detonat"):
            group.kind = "explosion_outgoing" if "launch" in verb or verb.endswith("fired") else "explosion_impact"
            group.kinds = [group.kind]
        heading = _HEADING_AFTER.match(scan.view(start + action.end(), end))
        if heading is not None and group.kind == "explosion_outgoing":  # "launched in a northerly direction"
            point = ph.parse_direction(heading["dir"])
            if point is not None:
                scan.claim(start + action.end() + heading.start(), start + action.end() + heading.end())
                group.flight = f"to {point}"


def read_flight(scan: Scan, group: Group, start: int, end: int) -> None:
    """The rounds' flight and end written after them: a radar's trajectories, the heading of outgoing fire or of something
    seen moving, rounds impacting or landing, explosions in the air."""
    if (group.kind == "projectile_in_flight"
            and re.search(r"\btrajector(?:y|ies)\s+of\s+(?:the\s+)?projectiles?\s*$", scan.text[max(0, group.start - 40):group.end], re.IGNORECASE)):
        # "UNIFIL recorded 2,531 trajectories of projectiles fired from … north to south of the Blue Line" (patrol22's W15,
        # patrol21's V04): rounds fired as a radar counts them, not projectiles seen in flight (nor outgoing: "fired")
        group.kind, group.kinds = "explosion_undetermined", ["explosion_undetermined"]
        group.radar_tracks = True
    if group.kind == "explosion_outgoing" and group.flight is None and (heading := _HEADING_AFTER.match(scan.view(start, end))):
        point = ph.parse_direction(heading["dir"] or heading["dir2"])  # "firing two rounds in an easterly direction"
        if point is not None:
            scan.claim(start + heading.start(), start + heading.end())
            group.flight = f"to {point}"
    if group.sighting is not None and group.flight is None and (moving := _MOVING.match(scan.view(start, end))):
        point = ph.parse_direction(moving["dir"])  # "an infantry fighting vehicle (BMP-2) moving west": its heading
        if point is not None:
            scan.claim(start + moving.start(), start + moving.end())
            group.flight = f"to {point}"
    for match in scan.find(_ROUNDS_ACTION, start, end):  # "assessed as artillery rounds impacting 3-4km east"
        if group.kind.startswith("explosion"):
            scan.claim(start + match.start("verb"), start + match.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
    if group.kind in ("explosion_undetermined", "explosion_outgoing"):
        for match in scan.find(_IMPACTING_AFTER, start, end):
            scan.claim(start + match.start("verb"), start + match.end("verb"))
            group.kind, group.kinds = "explosion_impact", ["explosion_impact"]
            break
    for match in scan.find(_IN_THE_AIR, start, end):
        # "two incoming projectiles explode in the air": airbursts
        scan.claim(start + match.start(), start + match.end())
        if group.kind.startswith("explosion") or group.kind == "projectile_in_flight":
            group.kind, group.kinds = "airburst", ["airburst"]
