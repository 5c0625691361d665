"""Country codes and names → ISO3, one function for every reader.

pycountry (ISO 3166-1) does the work; `data/country_aliases.csv` adds the names World Bank,
ACLED and GDELT files use; World Bank aggregates (regions, income groups) come from
`seeds/seed_countries.csv` and are kept as their own codes; GDELT's FIPS 10-4 codes go
through `data/fips_iso3.csv`.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pycountry

from dagster_project.config import SEEDS_DIR

DATA = Path(__file__).resolve().parent / "data"


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@cache
def _aliases() -> dict[str, str]:
    return {r["alias"].casefold(): r["iso3"] for r in _rows(DATA / "country_aliases.csv")}


@cache
def aggregates() -> frozenset[str]:
    return frozenset(r["iso3"] for r in _rows(SEEDS_DIR / "seed_countries.csv") if r["region"] == "aggregate")


@cache
def _fips() -> dict[str, str]:
    return {r["fips"]: r["iso3"] for r in _rows(DATA / "fips_iso3.csv")}


def is_aggregate(code: str | None) -> bool:
    return bool(code) and code.upper() in aggregates()


@cache
def to_iso3(value) -> str | None:
    """ISO3 for an ISO3/ISO2/numeric code or a country name; aggregates keep their code."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    upper = text.upper()
    if upper in aggregates() or upper in {"XKX", "CHI"}:
        return upper
    if text.isdigit():
        country = pycountry.countries.get(numeric=text.zfill(3))
        return country.alpha_3 if country else None
    if len(text) == 3 and text.isalpha():
        country = pycountry.countries.get(alpha_3=upper)
        if country:
            return country.alpha_3
    if len(text) == 2 and text.isalpha():
        country = pycountry.countries.get(alpha_2=upper)
        if country:
            return country.alpha_3
    alias = _aliases().get(text.casefold())
    if alias:
        return alias
    country = pycountry.countries.get(name=text) or pycountry.countries.get(common_name=text) or pycountry.countries.get(official_name=text)
    if country:
        return country.alpha_3
    try:  # last resort: pycountry's fuzzy search, only when it is unambiguous
        found = pycountry.countries.search_fuzzy(text)
    except LookupError:
        return None
    return found[0].alpha_3 if len(found) == 1 else None


def fips_to_iso3(code: str | None) -> str | None:
    return _fips().get((code or "").strip().upper())
