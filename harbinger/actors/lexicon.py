"""Actor knowledge as data: the shipped dictionaries and users' own, loaded once per process.

Reads the JSON Lines files in ``harbinger/data/actors/`` (built from the
Phoenix/PETRARCH2 dictionaries, Wikidata office holders and GeoNames capitals
by ``scripts/build_actor_data.py``) and user dictionaries in CSV or YAML. Every
entry is a name (with aliases) and date-ranged roles; :meth:`Entry.code_at`
picks the role in force on the article's date. Nothing here looks at text.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from harbinger.actors.names import phrase_key
from harbinger.actors.officeholders import merged_records

from harbinger.errors import HarbingerError

DATA = "harbinger.data.actors"
USER_FIELDS = ("name", "aliases", "code", "role", "from", "to")


# Spelling variants of romanised names that one person's name takes in English news: Zelensky, Zelenskyy and
# Zelenskiy; Gaddafi and Gadhafi. A name's skeleton folds them: no diacritics, these digraphs simplified, double
# letters single. Two names match on equal skeletons only: an edit-distance threshold was tried and matched
# different people ("Johnston" and "Johnson", one edit apart), so near misses stay unresolved.
_SKELETON_RULES = (("kh", "h"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("iy", "y"), ("ij", "y"), ("w", "v"), ("ou", "u"))


def name_skeleton(key: str) -> str:
    """The spelling-variant-folded form of a name key ("zelenskiy" and "zelenskyy" → "zelensky")."""
    text = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=1)
def anaphor_nouns() -> dict[str, tuple[str, ...]]:
    """Nouns of definite phrases that name an organisation or country again, and the antecedents each can take."""
    data = json.loads(resources.files(DATA).joinpath("anaphor_nouns.json").read_text(encoding="utf-8"))
    return {noun: tuple(kinds) for noun, kinds in data["nouns"].items()}


EX_OFFICIO_TITLES = ("co-prince",)
# Countries whose leaders' names English news writes family name first ("Xi Jinping" is "President Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "MNG", "HKG", "MAC"})  # words of a title held only because of another office


@dataclass(frozen=True)
class Role:
    code: str
    start: date | None = None
    end: date | None = None
    title: str | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def rank(self) -> tuple[bool, date]:
        """Which of several roles in force names the person: an office over one held ex officio because of it
        (France's president is co-prince of Andorra), then the latest started."""
        ex_officio = any(word in (self.title or "").lower() for word in EX_OFFICIO_TITLES)
        return not ex_officio, self.start or date.min


@dataclass(frozen=True)
class Entry:
    """One actor: its names, a default code and roles limited to date ranges; ``source`` names the file."""

    names: tuple[str, ...]
    source: str
    default: str | None = None
    roles: tuple[Role, ...] = ()
    person: bool = False

    def code_at(self, day: date | None) -> tuple[str | None, Role | None]:
        """The role in force on ``day`` (by :attr:`Role.rank` if several), else the default code."""
        if day is not None:
            active = [r for r in self.roles if r.covers(day)]
            if active:
                best = max(active, key=lambda r: r.rank)
                return best.code, best
        elif self.roles:
            # No article date: a person is coded by the latest office the dictionary knows, as news mostly
            # reports people while they hold office.
            best = max(self.roles, key=lambda r: r.rank)
            return best.code, best
        return self.default, None


@dataclass
class Dictionary:
    """Name key -> entries, in precedence order (earlier files first; later ones are looked up first)."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        for name in entry.names:
            self.entries.setdefault(name, []).append(entry)

    def lookup(self, key: str) -> list[Entry]:
        return self.entries.get(key, [])


@dataclass(frozen=True)
class Lexicon:
    actors: Dictionary  # shipped: Phoenix records plus Harbinger's supplement
    people: Dictionary  # shipped: Wikidata office holders (2022)
    agents: dict[str, str]  # "troops" -> "~MIL"
    agent_heads: frozenset[str]  # last word of every agent phrase, to skip noun phrases fast
    countries: dict[str, str]  # name, demonym or capital key -> ISO3
    country_names: frozenset[str]  # each country's own name ("sri lanka"), unless it is also a first name ("chad")
    capitals: dict[str, str]  # capital key -> ISO3
    country_codes: frozenset[str]  # every ISO3 code the country table knows
    surnames: dict[str, list[Entry]]  # last word of a person's main name -> people (office holders and Phoenix)
    skeletons: dict[str, list[Entry]]  # name_skeleton of each full name and surname of those people -> people
    first_names: dict[str, str]  # "emily" -> "female", from US Census first-name lists
    person_title_heads: frozenset[str]  # "secretary", "minister": a bare "the Secretary" names one person
    first_words: frozenset[str]  # first word of every multi-word name, to skip hopeless starts fast
    max_words: int


def _day(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _read_lines(name: str) -> list:
    with resources.files(DATA).joinpath(name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def igo_codes() -> dict[str, str]:
    """Organisation name key -> its Phoenix code, from the packaged international actors (for office-holder posts)."""
    return {name: r["code"] for r in _read_lines("phoenix_actors.jsonl") if r["source"] == "international" and r["code"] for name in r["names"]}


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The package's dictionaries, built once per process."""
    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    table = _read_lines("countries.jsonl")
    for iso3, info in table:
        for name in info["names"]:
            countries.setdefault(name, iso3)
        for capital in info["capitals"]:
            capitals.setdefault(capital, iso3)
    actors = Dictionary()
    # Harbinger's supplement first: it corrects Phoenix entries (CNN coded "MED" with no country).
    for entry in read_user_dictionary(resources.files(DATA).joinpath("harbinger_actors.csv"), source="harbinger_actors.csv"):
        actors.add(entry)
    for record in _read_lines("phoenix_actors.jsonl"):
        roles = tuple(Role(code, _day(a), _day(b)) for code, a, b in record["roles"])
        # Dated roles mark people in these files, except on country records (Ukraine's Soviet-era code).
        person = bool(roles) and not any(n in countries for n in record["names"])
        actors.add(Entry(tuple(record["names"]), f"phoenix:{record['source']}", record["code"], roles, person=person))
    people = Dictionary()
    for record in merged_records():  # the packaged table, with the user's newer one (``harbinger actors update``) over it
        roles = tuple(Role(code, _day(a), _day(b), title) for code, a, b, title in record["roles"])
        people.add(Entry(tuple(record["names"]), f"wikidata:{record['qid']}", None, roles, person=True))
    agents = dict(_read_lines("agents.jsonl"))
    with resources.files(DATA).joinpath("harbinger_agents.csv").open(encoding="utf-8") as handle:
        agents.update((row["phrase"], row["code"]) for row in csv.DictReader(l for l in handle if not l.startswith("#")))
    surnames: dict[str, list[Entry]] = {}
    holders = {id(e): e for found in people.entries.values() for e in found}
    holders.update({id(e): e for found in actors.entries.values() for e in found if e.person})
    skeletons: dict[str, list[Entry]] = {}
    for entry in holders.values():
        family_first = any(role.code[:3] in FAMILY_NAME_FIRST for role in entry.roles)
        for last in {n.split()[0 if family_first else -1] for n in entry.names[:1] if " " in n}:
            surnames.setdefault(last, []).append(entry)
            skeletons.setdefault(name_skeleton(last), []).append(entry)
        for name in {name_skeleton(n) for n in entry.names}:
            skeletons.setdefault(name, []).append(entry)
    names = list(actors.entries) + list(people.entries)
    first_names = dict(_read_lines("first_names.jsonl"))
    return Lexicon(
        actors=actors,
        people=people,
        agents=agents,
        agent_heads=frozenset(k.rsplit(" ", 1)[-1] for k in agents),
        countries=countries,
        country_names=frozenset(info["names"][0] for _, info in table) - set(first_names),
        capitals=capitals,
        country_codes=frozenset(iso3 for iso3, _ in table),
        surnames=surnames,
        skeletons=skeletons,
        first_names=first_names,
        person_title_heads=frozenset(
            line.strip() for line in resources.files(DATA).joinpath("person_title_heads.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ),
        first_words=frozenset(n.split(" ", 1)[0] for n in names),
        max_words=min(8, max(len(n.split()) for n in names)),
    )


def read_user_dictionary(path, source: str | None = None) -> list[Entry]:
    """Entries from a CSV (header ``name,aliases,code,role,from,to``; aliases split on ``|``) or YAML list of mappings."""
    path_text = str(path)
    source = source or Path(path_text).name
    try:
        text = path.read_text(encoding="utf-8") if hasattr(path, "read_text") else Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise HarbingerError("H601", f"cannot read actor dictionary {path_text}: {err.strerror}") from err
    if path_text.endswith((".yaml", ".yml")):
        import yaml

        rows = yaml.safe_load(text) or []
        if isinstance(rows, dict):
            rows = rows.get("actors", [])
    else:
        rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    entries = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not row.get("name") or not row.get("code"):
            raise HarbingerError(
                "H602", f"{path_text}: entry {number} needs a name and a code", hint=f"fields: {', '.join(USER_FIELDS)}"
            )
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|") if a.strip()]
        try:
            role = Role(str(row["code"]).strip().upper(), _day(row.get("from")), _day(row.get("to")), row.get("role") or None)
        except ValueError as err:
            raise HarbingerError("H603", f"{path_text}: entry {number}: bad date ({err})", hint="write dates as YYYY-MM-DD") from err
        names = tuple(dict.fromkeys(phrase_key(n) for n in [row["name"], *aliases]))
        dated = role.start is not None or role.end is not None
        entries.append(Entry(names, source, None if dated else role.code, (role,), person=bool(role.title)))
    return entries


@lru_cache(maxsize=32)
def user_dictionary(paths: tuple[str, ...]) -> Dictionary:
    """User files merged; a later file's entry for a name replaces an earlier file's."""
    merged = Dictionary()
    for path in paths:
        for entry in read_user_dictionary(Path(path)):
            for name in entry.names:
                merged.entries[name] = [entry]
    return merged
