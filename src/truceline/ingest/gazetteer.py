"""Places along the line of contact, looked up by name in any common spelling.

The bundled list (``data/places.csv``: ``name,oblast,lat,lon,alt_names,area_km2``, alternative
spellings separated by ``|``) holds towns and villages near the front in Kherson,
Zaporizhzhia, Donetsk, Luhansk, Kharkiv and Sumy oblasts (plus a few neighbours), compiled
by hand; positions are town centres, good to a few kilometres. ``area_km2`` (optional, filled
where a source gives it: ``data/places_sources.md``) sizes the place, so that "impacts in
Donetsk" is known to be less precise than "impacts in Luhanske" (:meth:`Place.radius_km`). A
user may pass their own file in the same format (``area_km2`` may be left out).

Names are compared after folding case, accents, apostrophes, hyphens and a trailing
"city"/"town"/"village"; a name that still does not match may be matched to the closest
spelling (``difflib`` ratio >= 0.85), and the lookup then says so. A similar spelling is not
taken when the two names differ the way two different places' names do: by an ending
(Prymorsk / Prymorske, Kirovsk / Kirovske, Nova Kakhovka / Nova Kakhovka dam: a town and the
village or site named after it) or by the first letter (Avdiivka / Kadiivka).
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from pyproj import Geod

from truceline.model.errors import InputError

_GEOD = Geod(ellps="WGS84")
_SUFFIXES = re.compile(r"\s+(?:city|town|village|settlement)$")
FUZZY_CUTOFF = 0.85
#: The radius of a place whose area is not given: a village or small town of about 7 km2.
DEFAULT_SETTLEMENT_RADIUS_KM = 1.5
#: How far a gazetteer position may lie from the place's true centre (hand-compiled centres, and
#: sources that give whole minutes of arc: 1' of latitude is 1.85 km).
POSITION_ERROR_KM = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    name: str
    oblast: str
    lat: float
    lon: float
    alt_names: tuple[str, ...] = ()
    area_km2: float | None = None

    def radius_km(self) -> float:
        """The radius of a disc of the place's area (``DEFAULT_SETTLEMENT_RADIUS_KM`` if unknown)."""
        if self.area_km2 is None:
            return DEFAULT_SETTLEMENT_RADIUS_KM
        return math.sqrt(self.area_km2 / math.pi)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMatch:
    """A place found for a name, and how: ``exact`` or ``similar`` (spelling similarity)."""

    place: Place
    how: str
    score: float


def fold_name(name: str) -> str:
    """The comparison key of a place name: ``"Mar'inka"`` and ``"MARINKA city"`` -> ``"marinka"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    text = re.sub(r"['’ʼ`\"]", "", text)
    text = re.sub(r"[-‐‑–—_.]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return _SUFFIXES.sub("", text)


class Gazetteer:
    """Name -> :class:`Place` lookup over a list of places."""

    def __init__(self, places: list[Place]) -> None:
        self.places = tuple(places)
        self._by_key: dict[str, Place] = {}
        for place in places:
            for spelling in (place.name, *place.alt_names):
                self._by_key.setdefault(fold_name(spelling), place)

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The gazetteer that ships with truceline."""
        text = resources.files("truceline.ingest").joinpath("data/places.csv").read_text(encoding="utf-8")
        return cls(_parse_places(text, "places.csv"))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """A gazetteer from a CSV file with columns ``name,oblast,lat,lon[,alt_names]``."""
        name = os.fspath(path)
        try:
            with open(name, encoding="utf-8-sig", newline="") as stream:
                text = stream.read()
        except OSError as problem:
            raise InputError(name, f"cannot read ({problem.strerror})") from None
        return cls(_parse_places(text, name))

    def lookup(self, name: str) -> PlaceMatch | None:
        """The place called ``name``, or the closest spelling, or ``None``."""
        key = fold_name(name)
        if not key:
            return None
        if key in self._by_key:
            return PlaceMatch(place=self._by_key[key], how="exact", score=1.0)
        for close in difflib.get_close_matches(key, sorted(self._by_key), n=3, cutoff=FUZZY_CUTOFF):
            if _other_place_name(key, close):
                continue
            score = difflib.SequenceMatcher(None, key, close).ratio()
            return PlaceMatch(place=self._by_key[close], how="similar", score=score)
        return None


def _other_place_name(written: str, known: str) -> bool:
    """Whether two similar folded names are more likely two places than two spellings of one.

    Transliterations differ inside a name (y/i, h/g, doubled letters); Ukrainian place names
    that differ by an ending are different places (a town "-sk" and a village "-ske"/"-skyi"/
    "-skoye" named after it; "Stakhanovets", a part of Zolote, and "Stakhanov", now Kadiivka; a
    site "... dam"), as are names that differ in the first letter.
    """
    first, second = (name.replace("y", "i") for name in (written, known))
    if first[0] != second[0] and {first[0], second[0]} != {"h", "g"}:
        return True
    shorter, longer = sorted((first, second), key=len)
    if longer.startswith(shorter) and len(longer) > len(shorter):
        extension = longer[len(shorter):]
        # "Stakhanovets" is not "Stakhanov" (Kadiivka), "Prymorske" not "Prymorsk": an ending added to a name
        # makes another name; a single doubled letter ("Svitlodarskk") is a slip of the pen
        return extension[0] == " " or set(extension) <= set("aeiou") or len(extension) >= 2
    return False


def offset_position(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) along ``bearing_deg`` on the WGS 84 ellipsoid."""
    new_lon, new_lat, _ = _GEOD.fwd(lon, lat, bearing_deg, distance_km * 1000.0)
    return float(new_lat), float(new_lon)


def _parse_places(text: str, path: str) -> list[Place]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"name", "lat", "lon"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(sorted(missing))}")
    places: list[Place] = []
    for row in reader:
        line = reader.line_num
        name = (row.get("name") or "").strip()
        if not name:
            raise InputError(path, "is empty", line=line, column="name")
        coordinates: list[float] = []
        for column, limit in (("lat", 90.0), ("lon", 180.0)):
            try:
                value = float(row.get(column) or "")
            except ValueError:
                raise InputError(path, f"{row.get(column)!r} is not a number", line=line, column=column) from None
            if not -limit <= value <= limit:
                raise InputError(path, f"{value} is out of range", line=line, column=column)
            coordinates.append(value)
        alt_names = tuple(part.strip() for part in (row.get("alt_names") or "").split("|") if part.strip())
        area_text = (row.get("area_km2") or "").strip()
        area: float | None = None
        if area_text:
            try:
                area = float(area_text)
            except ValueError:
                raise InputError(path, f"{area_text!r} is not a number", line=line, column="area_km2") from None
            if not area > 0.0 or math.isinf(area):
                raise InputError(path, f"{area} is not a positive area", line=line, column="area_km2")
        places.append(
            Place(
                name=name, oblast=(row.get("oblast") or "").strip(), lat=coordinates[0], lon=coordinates[1],
                alt_names=alt_names, area_km2=area,
            )
        )
    return places
