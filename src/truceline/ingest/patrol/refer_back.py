"""Sentences that refer back to the records before them: reassessments and weapons carried.

``reassessment`` ("The SMM later assessed that the explosions were outgoing …") changes the records of the sentence
before instead of adding records; ``carry_weapon`` gives a sentence's groups the weapon of the sentence before
("… of that calibre").
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from truceline.ingest import phrases as ph
from truceline.ingest.patrol.kinds import assessed_kind, read_weapon
from truceline.ingest.patrol.scan import Group, Scan
from truceline.ingest.patrol.sentence import MISSION_WORD
from truceline.model.reports import Report

#: A count that refers back to the weapon of the sentence before: "The explosion of three mines of this caliber was
#: recorded" (patrol20's R06); in a party's statement (no word of a mission in either sentence) also "In total 14 rounds
#: were fired" (a mission's "In total, the SMM heard 20 explosions" after "saw a tank firing" is a sum of all it heard).
_REFERS_BACK = re.compile(r"\bof\s+th(?:is|at|ese|ose)\s+(?:cal(?:i)?b(?:re|er)|type|kind|weapon)s?\b", re.IGNORECASE)
_TOTAL_BACK = re.compile(r"^\W*(?:in\s+total|altogether|overall)\b|\b(?:a\s+total\s+of|in\s+total)\b", re.IGNORECASE)


#: The sentence before used a weapon (not merely saw one).
_WEAPON_USED = re.compile(r"\b(?:used|using|fired|firing|shell(?:ed|ing)|attack(?:ed|ing)|bombard(?:ed|ing)|opened\s+fire"
                          r"|launch(?:ed|ing)|employ(?:ed|ing)|applied)\b", re.IGNORECASE)


def _weapons_named(text: str) -> set[str]:
    """The weapon labels a sentence names (by name, or a calibre's)."""
    labels = {label for pattern, label in ph.WEAPON_PATTERNS if pattern.search(text)}
    for calibre in ph.CALIBRE.finditer(text):
        if (label := ph.weapon_for_calibre(ph.calibre_value(calibre["mm"]))) is not None:
            labels.add(label)
    return labels


def carry_weapon(text: str, previous_text: str, sentence: list[dict[str, Any]]) -> None:
    """Give a sentence's one counted explosion record the one weapon the sentence before named, when the sentence
    refers back to it ("of this caliber", "in total") and names no weapon itself."""
    if not previous_text or _weapons_named(text):
        return
    if _REFERS_BACK.search(text) is None and (_TOTAL_BACK.search(text) is None or MISSION_WORD.search(text)
                                              or MISSION_WORD.search(previous_text)):
        return
    counted = [values for values in sentence if values.get("count") and values["kind"].startswith("explosion")]
    if len(counted) != 1 or counted[0].get("weapon") is not None:
        return
    named = _weapons_named(previous_text)
    if len(named) == 1 and _WEAPON_USED.search(previous_text):
        counted[0]["weapon"] = named.pop()


#: "The SMM (later, also, further) assessed that …": the opening of a sentence that says what the fire of the sentence
#: before was (its cause, its place, its aim).
_ASSESSED_THAT = r"^\W*(?:the\s+SMM|it|the\s+mission|the\s+patrol)\s+(?:later\s+|also\s+|further\s+)?assessed\s+that\s+"


#: A sentence that assesses what the sentence before reported: "The SMM assessed four of the explosions as outgoing
#: mortar rounds and the remaining as outgoing rounds of undetermined weapons."
_REASSESSED = re.compile(
    r"^\W*(?:the\s+SMM|it|the\s+mission|the\s+patrol|SMM\s+patrol\s+members)\s+(?:later\s+|also\s+|further\s+)?assessed\s+"
    # "The SMM assessed it to be an outgoing 82mm mortar" (patrol23's Z04: a record of its own, the one explosion left
    # undetermined): "it", one explosion
    r"(?=(?:all|both|the|(?:" + ph.NUMBER + r")\s+of\s+the(?:m|se|\s)|them\b|(?P<it>it)\s+(?:as|to\s+be)\s))"
    r"(?!the\s+(?:fresh\s+|new\s+)?(?:craters?|damage|holes?|impact\s+sites?)\b)(?P<rest>.*?)\W*$",
    re.IGNORECASE)
_REASSESSED_PART = re.compile(
    # "… ten of them as outgoing rounds and five as impacts": an elliptical part counts the same explosions
    r"^\s*(?:(?P<n>" + ph.NUMBER + r")(?:\s+of\s+(?:the|these|those|them)|(?=\s+(?:as|to\s+be)\s))"
    r"|(?P<all>all|both)(?:\s+of)?|the\s+(?P<rest>remaining|rest|others?)"
    r"|(?:the|these|those|them|it))(?:\s+(?:explosions?|rounds?|detonations?|blasts?))?\s+(?:as|to\s+be)\s+(?:an?\s+|the\s+)?"
    r"(?P<what>outgoing|impacts?|incoming|air[- ]?bursts?|undetermined)\b(?P<tail>.*)$",
    re.IGNORECASE)


#: The same, written as what caused the explosions: "The SMM assessed that the explosion was caused by an outgoing
#: artillery round (122mm)", "… that the explosions were caused by incoming mortar rounds".
_REASSESSED_CAUSE = re.compile(
    _ASSESSED_THAT + r"(?:the|these|those|both|all)\s+(?:(?:" + ph.NUMBER + r")\s+)?(?:explosions?|blasts?|detonations?)\s+"
    r"(?:was|were|had\s+been|have\s+been|has\s+been)\s+caused\s+by\s+(?:an?\s+|the\s+)?"
    r"(?P<what>impacting|incoming|outgoing)\s+(?P<tail>.*?)\W*$",
    re.IGNORECASE)
_CAUSE_KIND = {"impacting": "impacts", "incoming": "impacts", "outgoing": "outgoing"}


#: Where the explosions of the sentence before were: "The SMM assessed that the explosions occurred at locations to the
#: north, north-east, south, west and north-west at distances between 2 and 6km from its position." (patrol23's Z01: not
#: read, the distance lost). The distance is given to the one count of explosions before that has none.
_REASSESSED_PLACE = re.compile(
    _ASSESSED_THAT + r"(?:the|these|those|both|all(?:\s+(?:the|of\s+the))?)\s+(?:(?:" + ph.NUMBER + r")\s+)?(?:explosions?|blasts?|detonations?)\s+"
    r"(?:occurred|were|was|had\s+been|took\s+place)\s+(?P<where>(?:at|in|from)\b.*?)\W*$",
    re.IGNORECASE)
_ASSESSED_DISTANCE = re.compile(
    r"^(?:at\s+|in\s+)?(?:(?:locations?|areas?)\s+(?:to\s+the\s+)?(?:(?:north|south|east|west)[\w-]*(?:\s*,\s*|\s+and\s+|\s+or\s+)?)*\s*)?"
    r"(?:at\s+)?(?:an?\s+)?(?:estimated\s+)?distances?\s+(?:of\s+)?(?:between\s+)?(?:(?:about|approximately|some)\s+)?"
    r"(?P<near>\d+(?:[.,]\d+)?)\s*(?:km)?\s*(?:-|to|and)\s*(?P<far>\d+(?:[.,]\d+)?)\s*km\s+(?:from|of)\s+(?:its|the\s+SMM(?:'s)?)\s+"
    r"(?:position|location)$",
    re.IGNORECASE)


def _place_assessment(text: str, placed: re.Match[str], reports: list[Report], previous: list[int]) -> list[dict[str, Any]] | None:
    """"The SMM assessed that the explosions occurred … at distances between 2 and 6km from its position": the distance
    of the one count of explosions before (when it has none); None when the words are not only such a distance."""
    distance = _ASSESSED_DISTANCE.match(re.sub(r"\s+", " ", placed["where"]).strip())
    if distance is None:
        return None
    targets = [at for at in previous if reports[at].kind.startswith("explosion") and reports[at].count is not None]
    if len(targets) != 1 or reports[targets[0]].distance_min_km is not None or reports[targets[0]].distance_max_km is not None:
        return _unapplied(text)
    near, far = (float(distance[name].replace(",", ".")) for name in ("near", "far"))
    if not 0 <= near <= far:
        return _unapplied(text)
    at = targets[0]
    reports[at] = dataclasses.replace(reports[at], distance_min_km=near, distance_max_km=far)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {"assessment_of": [reports[at].report_id]},
             "warnings": (f"an assessment of where the explosions the sentence before reported were ({reports[at].report_id}): "
                          "their distance, not a new observation",)}]


def reassessment(text: str, reports: list[Report], previous: list[int]) -> list[dict[str, Any]] | None:
    """"The SMM assessed four of the explosions as outgoing mortar rounds and the remaining as outgoing rounds of
    undetermined weapons": the assessment is applied to the one count of explosions the sentence before reported
    (split into a record per part, each with ``breakdown_of``); the sentence itself gives one record of kind ``other``
    that says so. None when the sentence is not such an assessment; when what it refers to cannot be told, the
    sentence gives a record of kind ``other`` that says the assessment was not applied (it counts nothing again)."""
    placed = _REASSESSED_PLACE.match(text)
    if placed is not None and (done := _place_assessment(text, placed, reports, previous)) is not None:
        return done
    aimed = _REASSESSED_AIM.match(text)
    if aimed is not None:
        return _aimed_assessment(aimed, reports, previous)
    caused = _REASSESSED_WEAPON.match(text)
    if caused is not None:
        return _weapon_assessment(text, caused, reports, previous)
    match = _REASSESSED.match(text)
    cause = _REASSESSED_CAUSE.match(text) if match is None else None
    if match is None and cause is None:
        return None
    # "assessed that the explosion was caused by an outgoing artillery round (122mm)": all of them, so assessed
    if match is not None:
        rest = match["rest"]
    else:
        assert cause is not None
        rest = f"all as {_CAUSE_KIND[cause['what'].lower()]} {cause['tail']}"
    targets = [at for at in previous if reports[at].kind.startswith("explosion") and reports[at].count is not None
               and "breakdown_of" not in reports[at].extras]
    if len(targets) != 1 or (match is not None and match["it"] and reports[targets[0]].count != 1):
        return _unapplied(text)
    target = reports[targets[0]]
    assert target.count is not None
    parts: list[tuple[int | None, str, str | None, int | float | None]] = []  # (count or None for "the rest", kind, weapon, calibre)
    for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:\w+\s+of\s+|the\s+|all\b|both\b|(?:" + ph.NUMBER
                          + r")\s+(?:as|to\s+be)\s))", rest):
        part = _REASSESSED_PART.match(piece)
        if part is None:
            return _unapplied(text)
        group = Group(start=0, end=0, kind=target.kind, kinds=[target.kind])
        tail = Scan(part["tail"])
        read_weapon(tail, group, 0, len(part["tail"]))
        if tail.leftovers(0, len(part["tail"])):
            return _unapplied(text)  # words it cannot place
        kind = "explosion_undetermined" if part["what"].lower() == "undetermined" else assessed_kind(part["what"], target.kind)
        number = ph.parse_number(part["n"]) if part["n"] else (target.count if part["all"] else None)
        parts.append((number, kind, group.weapon, group.calibre_mm))
    stated = sum(number or 0 for number, _, _, _ in parts)
    rests = sum(1 for number, _, _, _ in parts if number is None)
    if stated > target.count or rests > 1 or (rests == 0 and stated != target.count and len(parts) > 1):
        return _unapplied(text)
    split: list[Report] = []
    for number, kind, weapon, calibre in parts:
        count = number if number is not None else target.count - stated
        if count <= 0:
            continue
        extras = dict(target.extras)
        if calibre is not None and "calibre_mm" not in extras:
            extras["calibre_mm"] = calibre
        if len(parts) > 1 or count != target.count:
            extras["breakdown_of"] = target.count
        if count != target.count or number is None:
            extras.pop("count_qualifier", None)
            extras.pop("count_min", None)
        split.append(dataclasses.replace(target, kind=kind, count=count, weapon=weapon or target.weapon, extras=extras))
    if stated < target.count and rests == 0:  # "assessed two of the explosions as impacts": the rest as before
        split.append(dataclasses.replace(target, count=target.count - stated,
                                         extras=dict(target.extras, breakdown_of=target.count)))
    reports[targets[0]:targets[0] + 1] = split
    line = target.line
    number_in_line = 0
    ids = []
    for at, report in enumerate(reports):  # the records of that line numbered again, in order
        if report.line == line:
            number_in_line += 1
            reports[at] = dataclasses.replace(report, report_id=f"{report.report_id.rsplit(':', 2)[0]}:{line}:{number_in_line}")
            if targets[0] <= at < targets[0] + len(split):
                ids.append(reports[at].report_id)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None,
             "extras": {"assessment_of": ids},
             "warnings": (f"an assessment of what the sentence before reported ({', '.join(ids)}): applied to it, "
                          "not a new observation",)}]


#: The fire of the sentence before, assessed as aimed at the mission: "The SMM assessed that the shots had likely been
#: aimed at the UAV." (session 15: a further shot record of unstated number, with no target)
_REASSESSED_AIM = re.compile(
    _ASSESSED_THAT + r"(?:the|these|those|both|all(?:\s+the)?)\s+(?:shots?|bursts?|rounds?|fire|shooting|gunfire)\s+"
    r"(?:was|were|had|have|has)\s+(?:(?:likely|probably|possibly|most\s+likely)\s+)?(?:been\s+)?"
    r"(?:(?:likely|probably|possibly|most\s+likely)\s+)?(?:aimed|directed|fired)\s+(?:at|towards?|in\s+the\s+direction\s+of)\s+"
    r"(?P<target>(?:the\s+|its\s+)?(?:SMM(?:'s)?\s+)?(?:(?:mini|mid-range|long-range)[- ]?)?"
    r"(?:UAVs?|unmanned\s+aerial\s+vehicles?|drones?|patrols?|vehicles?|cameras?))\W*$",
    re.IGNORECASE)


def _aimed_assessment(aimed: re.Match[str], reports: list[Report], previous: list[int]) -> list[dict[str, Any]]:
    """"The SMM assessed that the shots had likely been aimed at the UAV": the target of the fire the sentence before
    reported (its records without one); the sentence itself is a record of kind ``other`` that says so."""
    target = re.sub(r"^(?:the|its)\s+|'s\b", "", re.sub(r"\s+", " ", aimed["target"]), flags=re.IGNORECASE)
    fire = [at for at in previous if reports[at].kind != "other" and reports[at].count != 0
            and "target" not in reports[at].extras]
    if not fire:
        return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {},
                 "warnings": (f"an assessment of fire the sentence before does not report ({aimed.group(0).strip()!r}): "
                              "not applied, and not a new observation",)}]
    ids = []
    for at in fire:
        reports[at] = dataclasses.replace(reports[at], extras=dict(reports[at].extras, target=target))
        ids.append(reports[at].report_id)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {},
             "warnings": (f"an assessment of what the sentence before reported ({', '.join(ids)}): its target, "
                          "not a new observation",)}]


#: What made the impacts or craters the sentence before reported: "Based on its observations and crater analysis, the SMM
#: assessed that the impacts were caused by mortar shells fired from the north-west." (patrol20's Q01: another impact of no
#: number, and the weapon lost)
_REASSESSED_WEAPON = re.compile(
    r"^\W*(?:based\s+on\s+[^,;.]{1,80},\s*)?(?:the\s+SMM|it|the\s+mission|the\s+patrol)\s+(?:later\s+|also\s+|further\s+)?"
    r"(?:assessed|concluded|determined)\s+that\s+(?:the|these|those|both|all(?:\s+the)?)\s+(?:(?:" + ph.NUMBER + r")\s+)?"
    r"(?P<what>impacts?|craters?)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:all\s+)?"
    r"(?:(?:most\s+)?(?:likely|probably)\s+)?caused\s+by\s+(?P<tail>[^;]*?)\W*$", re.IGNORECASE)
_FIRED_FROM_TAIL = re.compile(r"\s*,?\s*(?:(?:which\s+(?:were|was|had\s+been)\s+)?fired|originating|coming)\s+from\s+"
                              r"(?:the\s+|an?\s+)?(?P<dir>" + ph.DIRECTION + r")(?:\s+direction)?\s*$", re.IGNORECASE)


def _weapon_assessment(text: str, caused: re.Match[str], reports: list[Report], previous: list[int]) -> list[dict[str, Any]]:
    """"… the SMM assessed that the impacts were caused by mortar shells fired from the north-west": the weapon (and where
    the rounds came from) of the one count of impacts or craters the sentence before reported; the sentence itself is a
    record of kind ``other`` that says so."""
    craters = caused["what"].lower().startswith("crater")
    targets = [at for at in previous if reports[at].count and (
        reports[at].kind.startswith("explosion") if not craters else reports[at].kind == "other")]
    tail = caused["tail"]
    fired = _FIRED_FROM_TAIL.search(tail)
    rounds = tail[:fired.start()] if fired is not None else tail
    group = Group(start=0, end=0, kind="explosion_undetermined", kinds=["explosion_undetermined"])
    scan = Scan(rounds)
    read_weapon(scan, group, 0, len(rounds))
    leftover = re.sub(r"\b(?:an?|the|rounds?|shells?|fire|projectiles?|ammunition)\b|[\W\x1f]", "", scan.view(0, len(rounds)),
                      flags=re.IGNORECASE)
    if len(targets) != 1 or group.weapon is None or leftover:
        return _unapplied(text)
    target = reports[targets[0]]
    extras = dict(target.extras)
    if group.calibre_mm is not None and "calibre_mm" not in extras:
        extras["calibre_mm"] = group.calibre_mm
    if fired is not None and "fired_from" not in extras:
        point = ph.parse_direction(fired["dir"])
        if point is not None:
            extras["fired_from"] = point
    reports[targets[0]] = dataclasses.replace(target, weapon=target.weapon or group.weapon, extras=extras)
    previous[:] = []
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None,
             "extras": {"assessment_of": [target.report_id]},
             "warnings": (f"an assessment of what the sentence before reported ({target.report_id}): applied to it, "
                          "not a new observation",)}]


def _unapplied(text: str) -> list[dict[str, Any]]:
    return [{"kind": "other", "count": None, "weapon": None, "flight_direction": None, "extras": {},
             "warnings": (f"an assessment ({text.strip()!r}) of a count the sentence before does not give as one count "
                          "of explosions: not applied, and not a new observation",)}]
