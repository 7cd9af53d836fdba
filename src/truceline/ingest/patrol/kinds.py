"""Weapons and kinds: which kind of fire a noun, adjective or assessment names, and which weapon a clause names.

``base_kind`` ("explosions" -> undetermined explosion), ``assessed_kind`` ("assessed as outgoing"), ``adjective_kind``;
``read_weapon`` claims the weapon of a group ("82mm mortar", "small-arms fire"); ``weapon_part`` reads a list of
weapons with a count each ("(12 mortar and 3 artillery rounds)").
"""

from __future__ import annotations

import re

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.patterns import OWN_UAV_BEFORE
from truceline.ingest.patrol.scan import Group, Scan


#: Rounds written as intercepted, just after the noun: "were intercepted", "had been intercepted by the Iron Dome".
INTERCEPTED_AFTER = re.compile(r"^[\s\x1f]*(?P<verb>(?:(?:was|were|had\s+been|have\s+been|has\s+been|being)\s+)?"
                                r"(?:intercepted|shot\s+down|downed))\b", re.IGNORECASE)
#: Bullets written as in flight over a place, just after the noun: "are passing over the village", "flying overhead".
PASSING_OVER = re.compile(r"^[\s\x1f]*(?:(?:are|were|was|is|kept|keep)\s+)?(?P<verb>(?:passing|flying)\s+"
                           r"(?:over(?:head)?|above|past|by)|(?:passed|flew)\s+(?:over(?:head)?|above|past))\b",
                           re.IGNORECASE)

def base_kind(noun: str) -> str:
    word = noun.lower()
    if word == "use":  # "the use of small arms": fire of that weapon, of unstated kind
        return "other"
    if word.startswith(("projectile", "tracer", "unidentified ammunition", "ammunition")):
        return "projectile_in_flight"
    if "flare" in word or word.startswith("illumination"):
        return "flare"
    if word.replace("-", "").replace(" ", "").startswith(("airburst", "airexplosion")):
        return "airburst"
    if word.startswith(("explosion", "detonation", "blast", "round", "salvo", "shell", "rocket", "missile", "grenade", "bomb")):
        return "explosion_undetermined"
    if word.startswith(("impact", "air strike", "air-strike", "airstrike")) or re.match(r"(?:drone|uav)[- ]?strike", word):
        return "explosion_impact"
    if word.startswith("burst"):
        return "burst"
    if word.startswith(("shot", "gunshot", "gun shot", "gun-shot", "shooting")) or word in ("bullet", "bullets"):
        return "shot"  # "heard two bullets flying over their heads": shots heard (not "bullet holes", damage)
    return "other"


def assessed_kind(what: str | None, current: str) -> str:
    """The kind after "assessed as <what>"."""
    if what is None:
        return current
    word = what.lower()
    if word.startswith("outgoing"):
        return "explosion_outgoing"
    if word.startswith(("impact", "incoming")):
        return "explosion_impact"
    if word.replace("-", "").replace(" ", "").startswith("airburst"):
        return "airburst"
    return current if current.startswith("explosion") else "explosion_undetermined"


def adjective_kind(adjectives: str, current: str) -> str:
    words = adjectives.lower()
    if "outgoing" in words and current.startswith("explosion"):
        return "explosion_outgoing"
    if "incoming" in words and current.startswith("explosion"):
        return "explosion_impact"
    if "illumination" in words:
        return "flare"
    if "tracer" in words:
        return "projectile_in_flight"
    return current


SMALL_CALIBRE = {"small_arms", "machine_gun", "heavy_machine_gun"}
#: A weapon named more generally beside a more specific one ("grenades fired from an automatic grenade launcher").
_GENERAL_WEAPON = {"grenade_launcher": "automatic_grenade_launcher", "machine_gun": "heavy_machine_gun", "rocket": "mlrs"}


def weapon_in_noun(group: Group, noun: str) -> None:
    """The weapon and calibre named inside a noun read whole ("unexploded 82mm mortar rounds")."""
    calibre = ph.CALIBRE.search(noun)
    if calibre is not None:
        group.calibre_mm = group.calibre_mm or ph.calibre_value(calibre["mm"])
    found = sorted((match.start(), label) for pattern, label in ph.WEAPON_PATTERNS for match in [pattern.search(noun)] if match)
    labels = {label for _, label in found}
    found = [(at, label) for at, label in found if _GENERAL_WEAPON.get(label) not in labels]
    if found:
        group.weapon = group.weapon or found[0][1]
    elif group.weapon is None and group.calibre_mm is not None:
        group.weapon = ph.weapon_for_calibre(group.calibre_mm)


_CHOICE_BEFORE = re.compile(r"\b(?P<word>[\w-]+)\s+or\s+(?:by\s+|from\s+)?(?:an?\s+)?$", re.IGNORECASE)
_OF_CALIBRE = re.compile(r"\bof\s+$", re.IGNORECASE)
_CALIBRE_WORD = re.compile(r"\s*calib(?:re|er)s?\b", re.IGNORECASE)


def read_weapon(scan: Scan, group: Group, start: int, end: int) -> None:
    """Weapon and calibre named in [start, end) ("of heavy-machine-gun fire", "(122mm)")."""
    if start >= end:
        return
    found: list[tuple[int, str]] = []  # specific patterns claim first; the weapon named first is the weapon
    for match in scan.find(ph.CALIBRE, start, end):
        group.calibre_mm = group.calibre_mm or ph.calibre_value(match["mm"])
        scan.claim(start + match.start(), start + match.end())
        if (_OF_CALIBRE.search(scan.text, max(0, start + match.start() - 4), start + match.start())
                and _CALIBRE_WORD.match(scan.text, start + match.end())
                and (label := ph.weapon_for_calibre(ph.calibre_value(match["mm"]))) is not None):
            # "15 shells of 82mm caliber …, and were attacking from anti-aircraft installation ZU-23-2" (patrol21's U07:
            # the later weapon was taken): the calibre written with the rounds names their weapon where it stands
            found.append((match.start(), label))
    for pattern, label in ph.WEAPON_PATTERNS:
        for match in scan.find(pattern, start, end):
            scan.claim(start + match.start(), start + match.end())
            if label == "drone" and OWN_UAV_BEFORE.search(scan.text, max(0, start + match.start() - 40), start + match.start()):
                continue  # "…, and SMM long-range unmanned aerial vehicles observed people": the mission's own, not a weapon
            found.append((match.start(), label))
    labels = {label for _, label in found}
    found = [(at, label) for at, label in found if _GENERAL_WEAPON.get(label) not in labels]
    first = min(found, default=None)
    if first is not None and (before := _CHOICE_BEFORE.search(scan.text, max(0, start + first[0] - 40), start + first[0])):
        # "damaged by artillery or mortar fire at 18:37": the first of two weapons written as a choice stood before
        # where this clause's weapons are read; it is the weapon, as in "mortar or artillery rounds" (patrol14b: the
        # second was kept)
        other_label = next((label for pattern, label in ph.WEAPON_PATTERNS if pattern.fullmatch(before["word"])), None)
        if other_label is not None and other_label != first[1]:
            found.append((first[0] - 1, other_label))
            scan.claim(before.start("word"), before.end("word"))
    for _, label in sorted(found):
        if group.weapon is None:
            group.weapon = label
        elif group.weapon != label and label not in group.other_weapons:
            group.other_weapons.append(label)
    if group.weapon is None and group.calibre_mm is not None:
        group.weapon = ph.weapon_for_calibre(group.calibre_mm)


#: A part of a count named by its weapon only: "42 undetermined explosions, including 30 assessed as anti-aircraft cannon rounds".
_WEAPON_PART = re.compile(
    r"\s*(?:including|of\s+which|of\s+them)?\s*(?:(?P<qual>about|around|approximately|some|almost|nearly|at\s+least|more\s+than|over)\s+)?"
    r"(?P<n>" + ph.NUMBER + r")\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?assessed\s+as\s+(?:an?\s+)?(?P<what>[^()]*?)\s*$",
    re.IGNORECASE)


#: Where a second part by weapon begins: "(including about 40 assessed as artillery fire and about 60 assessed as …)".
_NEXT_WEAPON_PART = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:(?:about|around|approximately|some|almost|nearly|at\s+least|more\s+than|over)\s+)?"
    r"(?:" + ph.NUMBER + r")\s+(?:of\s+(?:them|which)\s+)?(?:(?:were|was)\s+)?assessed\s+as\b)", re.IGNORECASE)


def _weapon_parts(scan: Scan, group: Group, paren: re.Match[str], start: int) -> bool:
    """"(including about 40 assessed as artillery fire and about 60 assessed as tank fire)": each part with its own
    weapon, the rest without (True if read). patrol14c: the one-part reading took "artillery fire and about 60 assessed
    as tank fire" as one weapon's, and gave the 40 the weapon named first in the list of weapons (tank)."""
    low, high = start + paren.start(1), start + paren.end(1)
    cuts = [match for match in _NEXT_WEAPON_PART.finditer(scan.text, low, high)]
    if not cuts or group.count is None:
        return False
    spans = [(low, cuts[0].start())] + [(cut.end(), nxt.start()) for cut, nxt in zip(cuts, cuts[1:])] + [(cuts[-1].end(), high)]
    numbers: list[int] = []
    weapons: list[str] = []
    for part_start, part_end in spans:
        part = _WEAPON_PART.match(scan.text, part_start, part_end)
        number = ph.parse_number(part["n"]) if part is not None else None
        if part is None or number is None:
            return False
        labels = [label for pattern, label in ph.WEAPON_PATTERNS if pattern.search(part["what"])]
        if len(set(labels)) != 1 or re.search(r"\b(?:outgoing|incoming|impacts?|air[- ]?bursts?)\b", part["what"], re.IGNORECASE):
            return False  # each part must name one weapon and no kind
        numbers.append(number)
        weapons.append(labels[0])
    if sum(numbers) > group.count or len(set(weapons)) != len(weapons):
        return False
    scan.claim(start + paren.start(), start + paren.end())
    kept = [weapon for weapon in (group.weapon, *group.other_weapons) if weapon is not None and weapon not in weapons]
    group.weapon, group.other_weapons = (kept[0], kept[1:]) if kept else (None, [])
    rest = group.count - sum(numbers)
    group.breakdown = [(group.kind, number) for number in numbers] + ([(group.kind, rest)] if rest > 0 else [])
    group.breakdown_weapons = dict(enumerate(weapons))
    return True


def weapon_part(scan: Scan, group: Group, paren: re.Match[str], start: int) -> bool:
    """", including 30 assessed as anti-aircraft cannon rounds,": that part with its weapon, the rest without (True if read)."""
    if _NEXT_WEAPON_PART.search(scan.text, start + paren.start(1), start + paren.end(1)) is not None:
        return _weapon_parts(scan, group, paren, start)
    part = _WEAPON_PART.match(scan.text, start + paren.start(1), start + paren.end(1))
    number = ph.parse_number(part["n"]) if part is not None else None
    if part is None or number is None or group.count is None or number > group.count:
        return False
    labels = [label for pattern, label in ph.WEAPON_PATTERNS if pattern.search(part["what"])]
    if not labels or re.search(r"\b(?:outgoing|incoming|impacts?|air[- ]?bursts?)\b", part["what"], re.IGNORECASE):
        return False
    scan.claim(start + paren.start(), start + paren.end())
    weapon = labels[0]
    if group.weapon == weapon:  # read from inside the brackets: the part's, not the whole count's
        group.weapon = group.other_weapons.pop(0) if group.other_weapons else None
    group.breakdown = [(group.kind, number)] + ([(group.kind, group.count - number)] if number < group.count else [])
    group.breakdown_weapons = {0: weapon}
    return True
