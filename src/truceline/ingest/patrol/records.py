"""Record assembly: one clause's reading made into the fields of :class:`~truceline.model.reports.Report` records.

``clause_records`` resolves times, observer position and event places for each group and writes the record's fields
(and its warnings).
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime, timedelta, tzinfo
from typing import Any

from truceline.ingest import phrases as ph
from truceline.ingest.gazetteer import Gazetteer, fold_name
from truceline.ingest.patrol.locate import bearing_toward, locate_event
from truceline.ingest.patrol.scan import ClauseReading, Group
from truceline.ingest.patrol.state import Observer, State
from truceline.ingest.patrol.times import date_window, daytime_hours, own_part_of_day, resolve_times


def clause_records(
    reading: ClauseReading, position: Observer | None,
    state: State, default_date: Date | None, tz: tzinfo, gazetteer: Gazetteer, sentence_warnings: list[str],
) -> list[dict[str, Any]]:
    context_warnings = [f"not understood: {fragment!r}" for fragment in reading.context_leftovers]
    context_warnings += [f"reads as not observed: {phrase!r}" for phrase in reading.negated]
    groups = reading.groups
    if not groups:  # kept all the same, as a record of kind "other" that says why
        groups = [Group(start=0, end=0, kind="other", kinds=["other"], times=reading.context_times)]
        where = " after the verb" if reading.has_verb else ""
        if (reading.ceasefire_violations is None and reading.compared_with is None and reading.violations_trend is None
                and reading.violations_share is None):
            context_warnings.insert(0, f"no observation (explosion, burst, shot, flare, projectile) found{where}")
    records: list[dict[str, Any]] = []
    for group in groups:
        record = _blank_record(group.kind)
        warnings = list(sentence_warnings)
        if position is not None:
            record.update(_position_fields(position))
            warnings.extend(position.warnings)
            if position.offset is not None:
                record["extras"]["observer_offset"] = position.offset
        if reading.previous_period:  # "In the previous reporting period, it recorded …": another period, untimed
            record["extras"]["period"] = "previous"
        elif group.times is not None:
            record["time_start"], record["time_end"], time_warnings = resolve_times(group.times, state, default_date, tz)
            warnings.extend(time_warnings)
            if (state.period_end is not None and state.date is not None and not state.date_written
                    and not any(clock.date_text for clock in group.times) and record["time_start"] is not None):
                # --period-end: a clock time after the period's end ("At 21:15" in the report of 19:30 to 19:30) is the
                # evening before
                period_end = datetime.combine(state.date, state.period_end, tzinfo=tz).timestamp()
                if record["time_start"] > period_end:
                    record["time_start"] -= 86_400.0
                    record["time_end"] = record["time_end"] - 86_400.0 if record["time_end"] is not None else None
        elif state.longer_period:
            # a tally since a day long past, after a sentence dated by the reporting period (patrol18b, C26: the tally of
            # a year was put in the two days of the sentence before): undated, as its warning says
            pass
        elif state.date_written and state.date is not None and state.unread_when is not None:
            warnings.append(f"a date or time not read ({state.unread_when!r}): the date of the sentence before not used")
        elif (state.date_written and state.date is not None and state.night_end is None and state.date_part is None
              and reading.that_part is None and (daytime := daytime_hours(own_part_of_day(reading, group))) is not None):
            # "On the morning of 19 July the SMM camera … recorded 27 … . In the afternoon, the same camera recorded …"
            # (patrol19b's M14: the whole day): the day of the sentence before, the part of it this one writes
            midnight = datetime(state.date.year, state.date.month, state.date.day, tzinfo=tz)
            record["time_start"] = (midnight + timedelta(hours=daytime[0])).timestamp()
            record["time_end"] = (midnight + timedelta(hours=daytime[1])).timestamp()
            record["extras"]["time_from"] = "date"
        elif state.date_written and state.date is not None:
            record["time_start"], record["time_end"] = date_window(state, tz, reading.that_part)
            record["extras"]["time_from"] = "date"
        elif (not state.date_written and (day := state.paragraph_date or default_date) is not None
              and (daytime := daytime_hours(own_part_of_day(reading, group))) is not None):
            # "… heard a total of 35 explosions … in the morning" with no date written: the morning of --date, as a clock
            # time with no date is (patrol18b, C04: untimed); an evening or a night may be the one before the report's day
            # (its reporting period began the evening before), and two parts in one clause are not split: both untimed
            midnight = datetime(day.year, day.month, day.day, tzinfo=tz)
            record["time_start"] = (midnight + timedelta(hours=daytime[0])).timestamp()
            record["time_end"] = (midnight + timedelta(hours=daytime[1])).timestamp()
            record["extras"]["time_from"] = "date"
        elif state.period_end is not None and state.date is not None:  # --period-end: the reporting period ending on --date
            end = datetime.combine(state.date, state.period_end, tzinfo=tz)
            record["time_start"], record["time_end"] = (end - timedelta(days=1)).timestamp(), end.timestamp()
            record["extras"]["time_from"] = "period"
        if (group.bearing is not None and group.distance_km is not None and not group.places
                and any(warning.startswith("a second distance was not used") for warning in group.warnings)
                and any(warning.startswith("a second direction was not used") for warning in group.warnings)):
            # "69 outgoing tank shots, originating from 600 metres south-east and 800 metres north of its position": one
            # count from several points, none of them its own (patrol16b: the last was kept as if it were all)
            warnings.append("several distances and directions for one count: none kept")
            group.bearing = group.distance_km = None
        if group.bearing is not None:
            first, _, last = group.bearing.partition("..")
            record["bearing_min_deg"] = ph.point_sector_deg(first)[0]
            record["bearing_max_deg"] = ph.point_sector_deg(last or first)[1]
            record["extras"]["bearing"] = group.bearing
        if group.distance_km is not None:
            record["distance_min_km"], record["distance_max_km"] = group.distance_km
        if group.event_place is not None:
            locate_event(record, group.event_place, gazetteer, warnings, state.described)
        if group.toward is not None:
            bearing_toward(record, group.toward, gazetteer, warnings)
        region = group.region or reading.region
        if region is None and state.region is not None:
            region = _carried_region(state.region, record, gazetteer, warnings)
        # what else the sentence said, each under its key when it said it (the qualifier only with a tally)
        said = {"event_side": group.event_side, "fired_from": group.fired_from,
                "region": region,
                "ceasefire_violations": reading.ceasefire_violations,
                "ceasefire_violations_qualifier": (reading.violations_qualifier
                                                   if reading.ceasefire_violations is not None else None),
                "compared_with": reading.compared_with, "ceasefire_violations_trend": reading.violations_trend,
                "sighting": group.sighting, "time_of_day": reading.time_of_day or (state.date_part if record["extras"].get("time_from") == "date"
                                                        else None),
                "time_relative": group.relative_time or reading.relative_time,
                "fire": group.fire, "salvos": group.salvos, "disengagement_area": group.disengagement_area,
                "violations_share": reading.violations_share, "violations_areas": reading.violations_areas or None,
                "security_zone": group.security_zone, "live_fire": group.live_fire or None,
                "not_violation": group.not_violation or None, "violation_of": group.violation_of,
                "duration": group.duration, "altitude": group.altitude, "episodes": group.episodes}
        record["extras"].update({key: value for key, value in said.items() if value is not None})
        record["extras"].update(group.details)
        if group.part_of is not None:  # "700 explosions assessed as 680 outgoing … and 20 …"
            record["extras"]["breakdown_of"] = group.part_of
        record["weapon"] = group.weapon
        record["flight_direction"] = group.flight
        # "heard no explosions": a statement that nothing was observed (count 0), not an event of unstated number
        record["count"] = 0 if not reading.groups and reading.negated else group.count
        extras = record["extras"]
        for key, value in (
            ("count_min", group.count_min), ("count_qualifier", group.count_qualifier), ("calibre_mm", group.calibre_mm),
            ("distance_qualifier", group.distance_qualifier),
        ):
            if value is not None:
                extras[key] = value
        if group.other_weapons:
            extras["other_weapons"] = list(group.other_weapons)
        if len(group.kinds) > 1:
            extras["combined_kinds"] = list(group.kinds)
        warnings.extend(group.warnings)
        warnings.extend(context_warnings)
        record["warnings"] = tuple(dict.fromkeys(warnings))
        if group.breakdown:
            part_extras = {key: value for key, value in extras.items() if key not in ("count_qualifier", "count_min")}
            if group.count_qualifier is not None:  # "about ten explosions, two assessed as …": the whole was estimated
                part_extras["breakdown_of_qualifier"] = group.count_qualifier
            for index, (kind, number) in enumerate(group.breakdown):
                part = dict(record, kind=kind, count=number, extras=dict(part_extras) if group.breakdown_summed
                            else dict(part_extras, breakdown_of=group.count))
                if index in group.breakdown_qualifiers:  # "of which about 50 were assessed as outgoing"
                    part["extras"]["count_qualifier"] = group.breakdown_qualifiers[index]
                if index in group.breakdown_weapons:  # "…, including 30 assessed as anti-aircraft cannon rounds"
                    part["weapon"] = group.breakdown_weapons[index]
                    others = [weapon for weapon in (group.weapon, *group.other_weapons)
                              if weapon is not None and weapon != part["weapon"]]
                    if group.breakdown_calibres:  # each part named its own weapon: the others are the other parts'
                        part["extras"].pop("other_weapons", None)
                    elif others:
                        part["extras"]["other_weapons"] = others
                if index in group.breakdown_places:  # "…: 11 assessed as outgoing artillery rounds 2-4km north-west, …"
                    (near_km, far_km), point = group.breakdown_places[index]
                    sector = ph.point_sector_deg(point)
                    part.update(bearing_min_deg=sector[0], bearing_max_deg=sector[1], distance_min_km=near_km,
                                distance_max_km=far_km)
                    part["extras"]["bearing"] = point
                if index in group.breakdown_calibres:  # "… one as an 82mm mortar round impact and 19 as AGL round impacts"
                    calibre = group.breakdown_calibres[index]
                    if calibre is None:
                        part["extras"].pop("calibre_mm", None)
                    else:
                        part["extras"]["calibre_mm"] = calibre
                records.append(part)
        elif group.places:
            records.extend(_place_records(record, group))
        elif group.flight_breakdown:  # "130 projectiles in flight (including 17 from west to east and 20 …)"
            part_extras = {key: value for key, value in extras.items() if key not in ("count_qualifier", "count_min")}
            for number, flight in group.flight_breakdown:
                records.append(dict(record, count=number, flight_direction=flight, extras=dict(part_extras, breakdown_of=group.count)))
            rest = (group.count or 0) - sum(number for number, _ in group.flight_breakdown)
            if rest > 0:
                records.append(dict(record, count=rest, flight_direction=None, extras=dict(part_extras, breakdown_of=group.count)))
        else:
            records.append(record)
    return records


def _carried_region(region: str, record: dict[str, Any], gazetteer: Gazetteer, warnings: list[str]) -> str | None:
    """The region of a sentence before ("In the Luhansk region, …. In particular, … in Pavlopil, observers heard …"),
    unless the record's own place lies in another (patrol18: a news copy's Pavlopil, Donetsk region, was given Luhansk)."""
    for name in (record["extras"].get("event_place"), record.get("observer_place")):
        found = gazetteer.lookup(name) if name else None
        if found is not None and found.how == "exact" and found.place.oblast and fold_name(found.place.oblast) != fold_name(region):
            warnings.append(f"the region of the sentences before ({region}) is not that of {found.place.name} "
                            f"({found.place.oblast}): not used")
            return None
    return region


def _place_records(record: dict[str, Any], group: Group) -> list[dict[str, Any]]:
    """One record per part of a count split by place, and one for the rest (if the parts add up to less)."""
    extras = dict(record["extras"], breakdown_of=group.count)
    extras.pop("count_min", None)
    extras.pop("count_qualifier", None)
    records = []
    for place in group.places:
        part = dict(record, count=place.count, distance_min_km=place.distance_km[0], distance_max_km=place.distance_km[1],
                    extras=dict(extras, bearing=place.bearing))
        part["bearing_min_deg"], part["bearing_max_deg"] = ph.point_sector_deg(place.bearing)
        if place.distance_qualifier is not None:
            part["extras"]["distance_qualifier"] = place.distance_qualifier
        else:
            part["extras"].pop("distance_qualifier", None)
        records.append(part)
    rest = group.count - sum(place.count for place in group.places) if group.count is not None else 0
    if rest > 0:
        records.append(dict(record, count=rest, extras=extras))
    return records


def _blank_record(kind: str) -> dict[str, Any]:
    return {"kind": kind, "extras": {}}


def _position_fields(position: Observer) -> dict[str, Any]:
    return {"observer_lat": position.lat, "observer_lon": position.lon, "observer_place": position.place}
