"""Rewrites of a line before it is read, for the parties' and the press's wordings (session 25, patrol25's batch AC):
a weapon a party says was fired with no rounds counted, rounds brought down written before their number, one of the
rounds told by its ordinal. Applied last by :func:`truceline.ingest.patrol.rewrite.rewrite_line`, with the same
conventions (the same length where it can; a longer rewrite through ``_sub_growing``, which keeps the offsets).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from truceline.ingest import phrases as ph

#: An explosive weapon a party says fired, written without rounds: "militants fired at Opytne from almost 10 pm until
#: midnight using 82 and 120 mm mortars", "the militants fired at our positions from 122-mm artillery", "fired from Grad
#: multiple rocket launchers" (patrol25's AC01: nothing was read) is "shelling … using … mortars": the verb written as the
#: noun the reader knows ("intense shelling with mortars", an undetermined explosion of that weapon and no number; the
#: batches' rule for a weapon's fire of no number). Only a weapon that fires explosive rounds (not small arms, machine
#: guns nor grenade launchers, which stay fire of kind other), only when no rounds are counted between the verb and the
#: weapon ("fired 20 mortar rounds from …" is read as it was), and not rounds fired ("rounds fired from artillery": the
#: verb after a noun of fire is the noun's).
_EXPLOSIVE_WEAPON = (r"(?:(?:\d{2,3}(?:\s*(?:-|and|,)\s*\d{2,3})*\s?-?\s?(?:mm|millimet(?:er|re))s?\b\s*|(?:heavy|large-calib(?:re|er))\s+)?"
                     r"(?:mortars?\b(?![\s-]+(?:shells?|rounds?|mines?|bombs?)\b)|artillery\b(?![\s-]+(?:shells?|rounds?)\b)"
                     r"|howitzers?\b|tanks?\b(?!\s+(?:shells?|rounds?)\b)|tank\s+guns?\b|MLRS\b|Grads?\b|BM-21\b"
                     r"|multiple[\s-]+(?:launch\s+)?rocket[\s-]+(?:launchers?|systems?)\b))")
_FIRED_USING = re.compile(
    r"(?<![\w-])(?P<verb>fired|opened\s+fire)(?=\s(?P<between>(?:(?!\b(?:rounds?|shells?|mines?|bombs?|rockets?|explosions?|"
    r"shots?|bursts?|and\s+(?:the|they|it)|while|but)\b)(?:[^.;:\n]|(?<=\d):(?=\d))){0,90}?)\b(?:using|with|from|by)\s+(?:(?:the|their|its)\s+)?"
    + _EXPLOSIVE_WEAPON + r")", re.IGNORECASE)
#: A noun of fire just before the verb, in its clause: "rounds fired from artillery", "explosions of rounds fired with
#: mortars" (the verb is the rounds', not a party's).
_FIRE_NOUN_BEFORE = re.compile(r"\b(?:rounds?|shells?|mines?|rockets?|missiles?|projectiles?|explosions?|grenades?|bombs?)"
                               r"\s+(?:(?:that|which)\s+(?:were|was)\s+|(?:were|was|being|had\s+been)\s+)?$", re.IGNORECASE)


def _guarded(line: str, before: re.Pattern[str], reach: int, wanted: bool,
             written: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """A writer for ``sub``: the match written by ``written`` when ``before`` is found (``wanted``) or not found (not
    ``wanted``) within ``reach`` characters before it on ``line``, else kept as it was."""
    def write(match: re.Match[str]) -> str:
        found = before.search(line, max(0, match.start() - reach), match.start()) is not None
        return written(match) if found == wanted else match.group(0)
    return write


#: A weapon used to fire onto a place: "militants used 122-millimeter artillery to fire upon the Avdiivka residential
#: area" (patrol25's AC01: not read) is "… to lob shells on the Avdiivka residential area" (as ``rewrite._SHELLED_PLACE``
#: writes a place shelled; longer): rounds fired onto a place, impacts by the batches' rule.
#: Only after an explosive weapon used ("began to fire on the patrol" is not rewritten).
_USED_TO_FIRE_ON = re.compile(r"(?<=\bto\s)fire\s+(?:up)?on(?=\s)", re.IGNORECASE)
_WEAPON_USED_BEFORE = re.compile(r"\b(?:used|using|employed)\s+(?:the\s+|their\s+|its\s+)?" + _EXPLOSIVE_WEAPON + r"\s+to\s$",
                                 re.IGNORECASE)

#: A round used to hit a target: "Israel used the Tamuz, a surface to surface guided missile to hit the target"
#: (patrol24's AB04: an undetermined rocket) is "… the Tamuz, a surface to surface guided missile    hit the target" ("used"
#: blanked, "to hit / strike / destroy" written "hit"; the same length): the round that hit, an impact. Only rounds
#: (missiles, rockets, shells, rounds, bombs, grenades) named within a few words after "used", and the verbs of a hit.
_ROUND_USED_TO_HIT = re.compile(
    r"\b(?P<used>used|employed|fired)\s+(?P<what>(?:an?|the|one|two|three|four|five|\d+)\s[^.;:\n]{0,60}?\b(?:missiles?|rockets?|shells?"
    r"|rounds?|bombs?|grenades?))\s+(?P<to>to\s+(?:hit|strike|destroy))(?=\s+(?:the|a|an|its|their)\s)", re.IGNORECASE)
#: A drone used to strike: "Azerbaijani forces used a Bayraktar drone to strike a position near Sotk" (patrol26's AE07:
#: a drone seen) is "a Bayraktar drone strike hit a position near Sotk" (right-aligned; the same length), which the reader
#: knows as an impact of weapon drone (``kinds``: "drone strike" as "air strike").
_DRONE_USED_TO_STRIKE = re.compile(
    r"\b(?:used|employed)\s+(?P<what>(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:drone|UAV|unmanned\s+aerial\s+vehicle))\s+to\s+"
    r"(?:strike|hit|attack)(?=\s+(?:the|a|an|its|their)\s)", re.IGNORECASE)

#: A drone that dropped what exploded: "the SMM saw a drone drop an object that exploded on impact about 300m south-east",
#: "a quadcopter dropping two grenades near a trench", "A UAV dropped an explosive device near the checkpoint" (patrol27's
#: AF15, AF16: a drone seen, the grenades a sighting of weapon grenade_launcher) are "one drone strike", "two drone strikes"
#: (right-aligned; the same length): impacts of weapon drone, as a drone used to strike (``_DRONE_USED_TO_STRIKE``).
_DRONE_DROPPED = re.compile(
    r"\b(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:drone|UAV|quadcopter|unmanned\s+aerial\s+vehicle)\s+(?:drop|drops|dropped|dropping)\s+"
    r"(?P<n>\d+|an?|(?i:" + ph.NUMBER_WORD + r"))\s+(?:[\w-]+\s+){0,2}?(?P<what>grenades?|objects?|munitions?|explosive\s+devices?|"
    r"explosives?|bombs?|shells?|rounds?|charges?|mines?)\b(?:\s+(?:that|which)\s+(?:then\s+)?exploded(?:\s+on\s+impact)?\b)?",
    re.IGNORECASE)


def _drone_strikes(match: re.Match[str]) -> str:
    number = "one" if match["n"].lower() in ("a", "an") else match["n"]
    plural = "" if number.lower() in ("one", "1") else "s"
    return f"{number} drone strike{plural}".rjust(len(match.group(0)))


#: A part of the rounds that landed, told after them: "at least 12 mortar rounds, two of which landed inside the
#: Protection of Civilians site" (patrol26's AE04: all twelve read as impacts) is "…, two of which were assessed as
#: impacts inside …" (longer), the breakdown the reader knows (two impacts, the other ten undetermined).
_PART_LANDED = re.compile(
    r"(?<=,\s)(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+of\s+(?:which|them|these)\s+(?:had\s+)?"
    # ("three of which fell short inside Gaza": patrol27)
    r"(?P<verb>landed|fell(?:\s+short)?|impacted|exploded)(?=\s+(?:in|inside|on|near|at|within|around|close\s+to)\s)",
    re.IGNORECASE)

#: Rocket-propelled grenades counted after a verb of fire or of a hit: "its base was hit by two rocket-propelled grenades"
#: (patrol26's AE13: not read; "grenades" is a round only before a verb, "grenades were fired") and "gunmen fired two
#: rocket-propelled grenades at the base" are "… two RPG rounds" (the same length): rounds of weapon grenade_launcher.
_RPG_COUNTED = re.compile(
    r"\b(?P<lead>(?:hit|struck|targeted|attacked)\s+(?:with|by)|fired|launched)\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"|an?))\s+"
    r"rocket[- ]propelled\s+grenades?\b(?![\s-]+(?:rounds?|launchers?)\b)", re.IGNORECASE)

#: Rounds brought down, written before their number: "the Iron Dome downed two rockets fired from Gaza", "intercepted two
#: rockets over Sderot" (patrol25's AC10: undetermined) is "two rockets downed", "two rockets intercepted" (the same words,
#: the same length), which ``kinds.INTERCEPTED_AFTER`` reads as airbursts. Not "intercepted two of the rockets" (a part:
#: ``rewrite._INTERCEPTED_OF``).
_BROUGHT_DOWN_COUNT = re.compile(
    r"(?<![\w-])(?P<verb>intercepted|shot\s+down|downed)\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"|an?))\s+"
    r"(?P<noun>(?:(?!of\b)[\w-]+\s+){0,2}?(?:rockets?|missiles?|projectiles?|mortar\s+shells?|shells?)\b)"
    # (not "intercepted four rocket launches", patrol20's P25: launches, outgoing)
    r"(?![\s-]+(?:launch(?:es)?|launchers?|fire|firing|systems?|attacks?)\b)", re.IGNORECASE)

#: One of the rounds told by its ordinal: "two rockets were fired towards Israel, one of which was intercepted […]. It
#: appears that the second rocket landed inside of the Gaza Strip" (patrol25's AC09: not read) is "one rocket landed"
#: (blanks before it; the same length): one round, whose verb says where it went.
_ORDINAL_ROUND = re.compile(
    r"\b(?P<ordinal>the\s+(?:second|other|third|fourth|last|remaining))\s+(?P<noun>(?:mortar\s+)?(?:rocket|missile|shell|projectile))"
    r"(?=\s+(?:(?:reportedly|apparently|also|then|later)\s+)?(?:landed|fell|hit|struck|exploded|impacted)\b)", re.IGNORECASE)

#: A part of the rounds before brought down, at the start of a sentence: "On Friday, terrorists in Gaza fired three mortar
#: shells at southern Israel […]. Two of them were shot down by the Iron Dome" (patrol25's AC12: not read) is "Two rounds
#: were shot down" (the same length): airbursts of that number (the weapon is the sentence before's, not carried). Also
#: after a semicolon: "… six missiles fired from south Lebanon towards Kiryat Shmona; two of them were intercepted"
#: (patrol28's AI14: not read).
_PART_BROUGHT_DOWN = re.compile(
    r"(?:^|(?<=[.!?;]\s)|(?<=[.!?;]\s\s))(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s+of\s+them(?=\s+(?:were|had\s+been|have\s+been)\s+"
    r"(?:intercepted|shot\s+down|downed)\b)", re.IGNORECASE)

#: A count in brackets after its noun: "The Turkish forces fired warning shots (a total of three) each time …" (patrol25's
#: AC14: no number) is "fired three warning shots" (blanks after; the same length).
_TOTAL_AFTER = re.compile(
    r"(?P<noun>\b(?:(?!(?:fired|heard|saw|the|a|an|of|and)\b)[\w-]+\s+)?(?:shots|rounds|shells|rockets|missiles|mortars|explosions|bursts"
    r"|grenades))\s*\(\s*(?:a\s+total\s+of|in\s+total|totall?ing|total)\s+(?P<n>\d+|(?i:" + ph.NUMBER_WORD + r"))\s*\)",
    re.IGNORECASE)


def rewrite_party(line: str, sub_growing: Callable[..., tuple[str, list[tuple[int, int]]]],
                  widened: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The line with this module's rewrites applied (``sub_growing`` is ``rewrite._sub_growing``, passed in to keep
    the modules apart)."""
    line, widened = sub_growing(_FIRED_USING, _guarded(line, _FIRE_NOUN_BEFORE, 40, False, lambda fired: "shelling".ljust(
        len(fired.group(0)))), line, widened)  # "fired … using 82 and 120 mm mortars"
    line, widened = sub_growing(_USED_TO_FIRE_ON, _guarded(line, _WEAPON_USED_BEFORE, 80, True, lambda fire: "lob shells on"),
                                line, widened)  # "used artillery to fire upon"
    line = _ROUND_USED_TO_HIT.sub(lambda used: " " * len(used["used"]) + used.group(0)[len(used["used"]):used.start("to") - used.start()]
                                  + "hit".rjust(len(used["to"])), line)  # "used … a guided missile to hit the target"
    line = _DRONE_DROPPED.sub(_drone_strikes, line)  # "a drone dropped two grenades": two drone strikes
    line = _DRONE_USED_TO_STRIKE.sub(lambda used: f"{used['what']} strike hit".rjust(len(used.group(0))), line)  # "used a drone to strike"
    line, widened = sub_growing(_PART_LANDED, lambda part: f"{part['n']} of which were assessed as impacts", line,
                                widened)  # "12 mortar rounds, two of which landed inside the camp"
    line = _RPG_COUNTED.sub(lambda rpg: f"{rpg['lead']} {rpg['n']} RPG {'round' if rpg['n'].lower() in ('a', 'an', 'one', '1') else 'rounds'}"
                            .ljust(len(rpg.group(0))), line)  # "two rocket-propelled grenades"
    line = _BROUGHT_DOWN_COUNT.sub(
        lambda down: f"{down['n']} {down['noun']} {down['verb']}".ljust(len(down.group(0))), line)  # "downed two rockets"
    line = _ORDINAL_ROUND.sub(lambda one: (" " * (len(one["ordinal"]) - 3) + "one " + one["noun"]).rjust(len(one.group(0))),
                              line)  # "the second rocket landed"
    line = _PART_BROUGHT_DOWN.sub(lambda part: f"{part['n']} rounds".ljust(len(part.group(0))), line)  # "Two of them were shot down"
    line = _TOTAL_AFTER.sub(lambda total: f"{total['n']} {total['noun']}".ljust(len(total.group(0))), line)  # "(a total of three)"
    return line, widened
