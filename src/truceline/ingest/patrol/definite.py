"""Fire the sentence names without a number, told against what the line counted before (split from ``sentence.py`` by
patrol28, unchanged): "… but heard the explosions" after explosions were counted are those, not more; "shots were fired
from the South" with no verb of observing speaks of the fire before. :func:`settle_definite` also records, in the
:class:`~truceline.ingest.patrol.state.State`, the families of fire, places and weapons each sentence observed.
"""

from __future__ import annotations

from truceline.ingest.patrol.scan import ClauseReading
from truceline.ingest.patrol.state import State


def fire_family(kind: str) -> str | None:
    """The family of fire a kind belongs to, as the line's memory of fire counts it: explosions, or shots and bursts."""
    if kind.startswith("explosion") or kind == "airburst":
        return "explosion"
    return "shot" if kind in ("shot", "burst") else None


def settle_definite(reading: ClauseReading, state: State) -> None:
    """"… but heard the explosions" after the line counted explosions: those, not more (session 15: a further record of
    unstated number); "heard the explosion of uncertain origin about 500 metres to the North" with none counted before
    and a place of its own: one (patrol14c's leftover: no count)."""
    earlier_weapons = set(state.weapons)  # named by the readings before this one (not "250 artillery shells and mortar rounds")
    for group in reading.groups:
        family = fire_family(group.kind)
        if group.definite is not None and family is not None and group.count is None:
            # (no verb of observing: also the rounds counted on a line before, if their kind is not told again: "… who said
            # the shells passed safely over the camp", patrol24's AA12, AA14; docs/ingest.md, "Session 26")
            if family in state.counted or (not reading.has_verb and (state.seen or (
                    family in state.counted_in_text and group.kind == "explosion_undetermined"))):
                group.kind, group.kinds, group.weapon, group.other_weapons = "other", ["other"], None, []
                group.bearing = group.distance_km = group.event_place = group.toward = None
                group.warnings.append(f"no observation of its own: 'the {group.definite}' are those counted before")
            elif not group.definite.endswith("s") and (group.bearing is not None or group.distance_km is not None):
                group.count = 1
                group.warnings.append(f"'the {group.definite}' with a place of its own read as one")
        elif (not reading.has_verb and family is not None and family in state.seen and group.count is None
              and group.count_qualifier is None and reading.ceasefire_violations is None
              # "A girl was injured due to an explosion near Vesele and a woman … due to shelling in Zaitseve": fire
              # placed elsewhere than the fire before is fire of its own (patrol19b's O06)
              and not (group.event_place is not None and state.event_places
                       and not {name.casefold() for name in group.event_place.names} & state.event_places)
              # "… fired at Opytne using 82 and 120 mm mortars. And at 10:40 p.m, the militants fired from Grad multiple
              # rocket launchers": a weapon not named before is fire of its own (patrol25's AC01)
              and not (group.weapon is not None and earlier_weapons and group.weapon not in earlier_weapons)):
            # "Around noon, bullets whistled over the monitors' heads … . According to them, shots were fired from the South
            # to the North-North-East.": no verb of observing, no number: how the fire before was fired (patrol14c's
            # leftover: a second record of unstated number for the same shots)
            group.kind, group.kinds, group.weapon, group.other_weapons = "other", ["other"], None, []
            group.bearing = group.distance_km = group.event_place = group.toward = group.flight = None
            group.warnings.append("no observation of its own and no number: it speaks of the fire before")
        if (family := fire_family(group.kind)) is not None:
            state.seen.add(family)
            if group.event_place is not None:
                state.event_places.update(name.casefold() for name in group.event_place.names)
            if group.weapon is not None:
                state.weapons.add(group.weapon)
            if group.count:
                state.counted.add(family)
