"""Placing observed fire: from the observer's position, a bearing and a distance (or a named place) to a position with
its doubt, and placing the observer from a place the text described.

``locate_event``, ``bearing_toward``, ``sector_radius_km``, ``resolve_position`` (a place the text describes far from
the gazetteer's place of that name is taken from the description); ``NEAR_KM`` and the other constants of the doubt.
"""

from __future__ import annotations

import math
from typing import Any

from pyproj import Geod

from truceline.ingest import phrases as ph
from truceline.ingest.gazetteer import POSITION_ERROR_KM, Gazetteer, Place, fold_name, offset_position
from truceline.ingest.patrol.scan import EventPlace, PositionText
from truceline.ingest.patrol.state import Described, Observer


def _description_error(anchor: Place, distance_km: float) -> float:
    """The doubt of a position given as "25km north-east of Mariupol": the compass sector of the distance
    +- a quarter, plus the anchor's extent and position error."""
    spread = max(SINGLE_DISTANCE_SPREAD * distance_km, 0.5)
    return sector_radius_km(max(0.0, distance_km - spread), distance_km + spread) + anchor.radius_km() + POSITION_ERROR_KM


#: A place the gazetteer knows is taken from the text's own description of it instead when the two lie farther apart
#: than this many times the description's doubt: two villages share the name (a "Pervomaiske (…, 60km south-east of
#: Donetsk)" is not the Pervomaiske west of Donetsk), and a wrong village can be 80 km off.
DESCRIPTION_CONFLICT_FACTOR = 1.5


def _described_instead(known: Place, described: tuple[float, str, str, str], gazetteer: Gazetteer,
                       written: str) -> tuple[Place, float, str] | None:
    """When the text's description of a known place ("(…, 60km south-east of Donetsk)") puts it far from the gazetteer's
    place of that name: the place where the description puts it, the description's doubt and a warning; else None."""
    distance_km, point, anchor_name, text = described
    anchor = gazetteer.lookup(anchor_name)
    if anchor is None or anchor.place == known:
        return None
    lat, lon = offset_position(anchor.place.lat, anchor.place.lon, ph.point_bearing_deg(point), distance_km)
    error = _description_error(anchor.place, distance_km)
    gap = _GEOD.inv(known.lon, known.lat, lon, lat)[2] / 1000.0
    if gap <= DESCRIPTION_CONFLICT_FACTOR * error:
        return None
    place = Place(name=written, oblast="", lat=round(lat, 5), lon=round(lon, 5))
    return place, error, (f"place {written!r}: the gazetteer's {known.name} is {gap:.0f} km from where the text's "
                          f"description puts it ({text!r}; another place of that name?): the description used")


#: "near X": the event lies within this distance beyond the place's own extent.
NEAR_KM = 3.0
#: "2km south of X" (one distance, no range): read as 2 km +- a quarter (at least +- 0.5 km).
SINGLE_DISTANCE_SPREAD = 0.25
#: Half the width of a compass sector ("3-5km south of Popasna": south = 168.75..191.25).
SECTOR_HALF_WIDTH_DEG = 11.25
_GEOD = Geod(ellps="WGS84")


def sector_radius_km(near_km: float, far_km: float, half_width_deg: float = SECTOR_HALF_WIDTH_DEG) -> float:
    """The radius about the point at the middle of the range, on the central bearing, that holds the whole
    annular sector near_km..far_km, +-half_width_deg (flat geometry: the ranges are a few kilometres)."""
    middle = 0.5 * (near_km + far_km)
    cosine = math.cos(math.radians(half_width_deg))
    corners = (math.sqrt(max(0.0, r * r + middle * middle - 2.0 * r * middle * cosine)) for r in (near_km, far_km))
    return max(*corners, 0.5 * (far_km - near_km))


def locate_event(record: dict[str, Any], place: EventPlace, gazetteer: Gazetteer, warnings: list[str],
                  described: dict[str, Described]) -> None:
    """lat/lon and ``location_uncertainty_km`` of an event the text places at, near or off a named place.

    The uncertainty is a radius that holds the true location: the place's extent plus the gazetteer's
    position error (``in``), plus ``NEAR_KM`` (``near``), or the compass sector of the stated range
    from the place (one distance: +- ``SINGLE_DISTANCE_SPREAD`` of it), plus the place's extent and position error (``offset``: "3km south of X" may be
    measured from X's edge or its centre). Several places ("near Zolote and Popasna"): their centroid,
    with a radius that reaches every one of them.
    """
    found = []
    described_error = 0.0  # how far a place taken from its description may lie from where it is put
    for name in place.names:
        match = next(filter(None, (gazetteer.lookup(part) for part in name.split("/") if part)), None)
        if match is None and place.described is not None and (anchor := gazetteer.lookup(place.described[2])) is not None:
            # "Pyshchevyk (…, 25km north-east of Mariupol)": the place where its description puts it
            distance_km, point, _, text = place.described
            lat, lon = offset_position(anchor.place.lat, anchor.place.lon, ph.point_bearing_deg(point), distance_km)
            described_error = _description_error(anchor.place, distance_km)
            found.append(Place(name=name, oblast="", lat=round(lat, 5), lon=round(lon, 5)))
            described[fold_name(name)] = Described(place=found[-1], text=text, error_km=described_error)
            warnings.append(f"place {name!r} is not in the gazetteer: its position taken from {text!r}")
            continue
        if match is None and (earlier := described.get(fold_name(name))) is not None:
            # "Pyshchevyk" again, described earlier in the text: where that description put it
            described_error = max(described_error, earlier.error_km)
            found.append(earlier.place)
            warnings.append(f"place {name!r} is not in the gazetteer: its position taken from its description "
                            f"earlier in the text ({earlier.text!r})")
            continue
        if match is None:
            warnings.append(f"place {name!r} is not in the gazetteer: event location left empty")
            continue
        if match.how != "exact":
            warnings.append(f"place {name!r} read as {match.place.name!r} (similar spelling)")
        if place.described is not None and (other := _described_instead(match.place, place.described, gazetteer, name)):
            described_error = max(described_error, other[1])  # not the gazetteer's place of that name
            described[fold_name(name)] = Described(place=other[0], text=place.described[3], error_km=other[1])
            found.append(other[0])
            warnings.append(other[2])
            continue
        found.append(match.place)
    names = [known.name for known in found] if len(found) == len(place.names) else list(place.names)
    record["extras"]["event_place"] = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    record["extras"]["event_relation"] = place.relation
    if len(found) != len(place.names):
        return  # one unknown place of several: a centroid of the others would be a guess
    if place.relation == "offset":
        base = found[0]
        lat, lon = offset_position(base.lat, base.lon, ph.point_bearing_deg(place.point), 0.5 * (place.near_km + place.far_km))
        near, far = place.near_km, place.far_km
        if near == far:  # "2km south of X": an estimate, good to a quarter of itself (at least 0.5 km) either way
            spread = max(SINGLE_DISTANCE_SPREAD * far, 0.5)
            near, far = max(0.0, far - spread), far + spread
        radius = sector_radius_km(near, far) + base.radius_km() + (described_error or POSITION_ERROR_KM)
    else:
        lat = sum(known.lat for known in found) / len(found)
        lon = sum(known.lon for known in found) / len(found)
        reach = max(_GEOD.inv(lon, lat, known.lon, known.lat)[2] / 1000.0 + known.radius_km() for known in found)
        radius = reach + (described_error or POSITION_ERROR_KM) + (NEAR_KM if place.relation == "near" else 0.0)
    record["lat"], record["lon"] = round(lat, 5), round(lon, 5)
    record["location_uncertainty_km"] = round(radius, 2)


def bearing_toward(record: dict[str, Any], name: str, gazetteer: Gazetteer, warnings: list[str]) -> None:
    """"in the direction of Pyshchevyk": the sector (+-11.25 degrees) from the observer towards the place."""
    record["extras"]["toward_place"] = name
    match = gazetteer.lookup(name)
    if match is None:
        warnings.append(f"place {name!r} is not in the gazetteer: the direction towards it is left empty")
        return
    record["extras"]["toward_place"] = match.place.name
    if match.how != "exact":
        warnings.append(f"place {name!r} read as {match.place.name!r} (similar spelling)")
    if record.get("observer_lat") is None or record.get("observer_lon") is None:
        warnings.append(f"direction towards {match.place.name!r} not turned into a bearing: the observer position is unknown")
        return
    if record.get("bearing_min_deg") is not None:
        warnings.append(f"direction towards {match.place.name!r} not used: a direction is written as well")
        return
    azimuth = _GEOD.inv(record["observer_lon"], record["observer_lat"], match.place.lon, match.place.lat)[0] % 360.0
    record["bearing_min_deg"] = round((azimuth - SECTOR_HALF_WIDTH_DEG) % 360.0, 2)
    record["bearing_max_deg"] = round((azimuth + SECTOR_HALF_WIDTH_DEG) % 360.0, 2)


def resolve_position(position: PositionText, gazetteer: Gazetteer, described: dict[str, Described]) -> Observer:
    """Observer (lat, lon, place, warnings) from what was written.

    "N km DIR of PLACE" moves from the place; a place followed by its description
    ("Kalynove (non-government-controlled, 60km west of Luhansk)") is taken by name when the
    gazetteer knows that name exactly, and from the description otherwise.
    """
    if position.how == "coordinates":
        return Observer(lat=position.lat, lon=position.lon)
    if position.how == "several":  # "from several positions in both X and Y": no one position
        return Observer(place=" and ".join(position.places), warnings=(
            f"observed from several places at once ({' and '.join(position.places)}): observer position left empty",))
    if position.how == "between":  # "on the road between Vesela Hora and Shchastia"
        ends = [gazetteer.lookup(name) for name in position.places]
        unknown_names = [name for name, end in zip(position.places, ends) if end is None]
        if unknown_names:
            return Observer(place=" and ".join(position.places), warnings=tuple(
                f"place {name!r} is not in the gazetteer: observer position left empty" for name in unknown_names))
        first, second = (end.place for end in ends if end is not None)
        return Observer(lat=round((first.lat + second.lat) / 2, 5), lon=round((first.lon + second.lon) / 2, 5),
                         place=f"{first.name} and {second.name}", warnings=tuple(
                             f"place {name!r} read as {end.place.name!r} (similar spelling)"
                             for name, end in zip(position.places, ends) if end is not None and end.how != "exact"))
    if position.how == "offset" and position.describes_place:
        base = gazetteer.lookup(position.places[0])
        for name in position.places[1:]:
            match = gazetteer.lookup(name)
            if match is not None and match.how == "exact" and (base is None or match.place != base.place):
                if position.point is not None and position.distance_km is not None and (other := _described_instead(
                        match.place, (position.distance_km, position.point, position.places[0], position.text), gazetteer,
                        name)) is not None:
                    described[fold_name(name)] = Described(place=other[0], text=position.text, error_km=other[1])
                    return Observer(lat=other[0].lat, lon=other[0].lon, place=name, warnings=(other[2],))
                return Observer(lat=match.place.lat, lon=match.place.lon, place=match.place.name)
    warnings: list[str] = []
    for name in position.places:
        match = gazetteer.lookup(name)
        if match is None:
            continue
        if match.how != "exact":
            warnings.append(f"place {name!r} read as {match.place.name!r} (similar spelling)")
        lat, lon, place = match.place.lat, match.place.lon, match.place.name
        if (position.how == "offset" and name == position.places[0] and position.base_described is not None
                and (other := _described_instead(match.place, position.base_described, gazetteer, name)) is not None):
            # "500m east of Pervomaiske (…, 60km south-east of Donetsk)": not the gazetteer's Pervomaiske
            described[fold_name(name)] = Described(place=other[0], text=position.base_described[3], error_km=other[1])
            lat, lon, place = other[0].lat, other[0].lon, name
            warnings.append(other[2])
        if position.how == "offset" and name == position.places[0] and position.point and position.distance_km is not None:
            lat, lon = offset_position(lat, lon, ph.point_bearing_deg(position.point), position.distance_km)
            lat, lon = round(lat, 5), round(lon, 5)
            if position.describes_place and len(position.places) > 1:
                written = position.places[1]
                # "Donetsk central railway station (…, 6km north-west of Donetsk city centre)": a site of the
                # place it is described from, whose position the description gives
                if gazetteer.lookup(written) is None:
                    warnings = [f"place {written!r} is not in the gazetteer: position taken from {position.text!r}"]
                    described[fold_name(written)] = Described(
                        place=Place(name=written, oblast="", lat=lat, lon=lon), text=position.text,
                        error_km=_description_error(match.place, position.distance_km))
                place = written
            else:
                return Observer(lat=lat, lon=lon, place=place, offset=f"{position.distance_km:g} km {position.point}",
                                 warnings=tuple(warnings))
        return Observer(lat=lat, lon=lon, place=place, warnings=tuple(warnings))
    if position.how == "offset" and position.base_described is not None and position.point and position.distance_km is not None:
        # "1km south of Kalynove (…, 60km west of Luhansk)" with Kalynove unknown: Kalynove from its description
        distance_km, point, name, text = position.base_described
        anchor = gazetteer.lookup(name)
        if anchor is not None:
            lat, lon = offset_position(anchor.place.lat, anchor.place.lon, ph.point_bearing_deg(point), distance_km)
            named = position.places[0]
            described[fold_name(named)] = Described(place=Place(name=named, oblast="", lat=round(lat, 5), lon=round(lon, 5)),
                                                     text=text, error_km=_description_error(anchor.place, distance_km))
            lat, lon = offset_position(lat, lon, ph.point_bearing_deg(position.point), position.distance_km)
            return Observer(lat=round(lat, 5), lon=round(lon, 5), place=named,
                             offset=f"{position.distance_km:g} km {position.point}",
                             warnings=(f"place {named!r} is not in the gazetteer: its position taken from {text!r}",))
    for name in position.places:  # "Kalynove" again, described earlier in the text: where that description put it
        earlier = described.get(fold_name(name))
        if earlier is None:
            continue
        lat, lon = earlier.place.lat, earlier.place.lon
        note = (f"place {name!r} is not in the gazetteer: position taken from its description earlier in the text "
                f"({earlier.text!r})",)
        if position.how == "offset" and name == position.places[0] and position.point and position.distance_km is not None:
            lat, lon = offset_position(lat, lon, ph.point_bearing_deg(position.point), position.distance_km)
            return Observer(lat=round(lat, 5), lon=round(lon, 5), place=name,
                             offset=f"{position.distance_km:g} km {position.point}", warnings=note)
        return Observer(lat=lat, lon=lon, place=name, warnings=note)
    unknown = position.places[0] if position.places else position.text
    if position.describes_place and len(position.places) > 1:
        unknown = position.places[1]
    return Observer(place=unknown, warnings=(f"place {unknown!r} is not in the gazetteer: observer position left empty",))
