"""Office holders by date: read a table of spells in office, turn it into the actors stage's records, and install a
newer table into the user's data folder (``harbinger actors update FILE``).

A spell is one person in one office from a start to an end date (end empty: still in office when the table was
made). Heads of state and government, foreign ministers and other national offices code as ``<ISO3>GOV``; posts at
international organisations as the organisation's Phoenix code. The packaged table
(``data/actors/officeholders.jsonl``) is built from Wikidata snapshots (CC0) by ``scripts/build_actor_data.py``
with :func:`records_from_spells`; a user's newer table, once installed, replaces the packaged spells of the same
people in the same offices (joined on Wikidata QID and actor code) and adds the others. The actors stage reads the merged table once per process.

Accepted input (``docs/actors-update.md`` has the Wikidata query that produces it):

- CSV with the packaged source's columns: ``person_qid, name, position_label, country_iso3, igo, role, start, end``
  (``position_label``/``igo`` may be empty; ``role`` is head_of_state, head_of_government, foreign_minister,
  igo_head or other);
- JSON: a list of objects with those keys, or a Wikidata SPARQL result (``{"head": …, "results": {"bindings":
  […]}}``) whose variables are ``person``, ``personLabel``, ``positionLabel``, ``iso3``, ``igo``, ``role``,
  ``start``, ``end`` (entity URIs and ISO timestamps are read as such).

Rows are checked one by one: a bad row is reported with its line or index and the reason, and the good rows are
installed. The install is atomic and versioned (``manifest.json``: version, SHA-256 of the records, counts, source
file, time), so re-installing the same table changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable

from harbinger.actors.names import phrase_key
from harbinger.errors import HarbingerError, Problem
from harbinger.files import replaced_when_done

ROLES = ("head_of_state", "head_of_government", "foreign_minister", "igo_head", "other")
GOVERNMENT_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "other"}
_QID = re.compile(r"^Q[1-9]\d*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_TITLES = re.compile(r"^(Dr\.|Sheikh|Archbishop|Sir|Prof\.)\s+")
DATA = "harbinger.data.actors"
FILE = "officeholders.jsonl"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Spell:
    person_qid: str
    name: str
    position_label: str
    country_iso3: str
    igo: str
    role: str
    start: str
    end: str


@dataclass
class Installed:
    """What an update did: the manifest it wrote, people and spells added, removed or changed, and rejected rows."""

    manifest: dict
    people_added: list[str] = field(default_factory=list)
    people_removed: list[str] = field(default_factory=list)
    spells_added: int = 0
    spells_removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    unchanged: bool = False


def user_data_dir(override: str | os.PathLike | None = None) -> Path:
    """Where a user's own data lives: ``override``, else ``$HARBINGER_HOME``, else ``~/.local/share/harbinger``."""
    if override:
        return Path(override)
    return Path(os.environ.get("HARBINGER_HOME") or Path.home() / ".local" / "share" / "harbinger")


def _day(value: str, first: bool) -> str:
    """Year- and month-precision dates cover the whole year or month."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01" if first else f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{value}-01" if first else f"{value}-28"
    return value


def _date_value(value: str) -> str:
    """A Wikidata timestamp ("2025-01-21T00:00:00Z", "+2025-01-21T00:00:00Z") or a plain date, as YYYY[-MM[-DD]]."""
    value = (value or "").strip().lstrip("+")
    return value.split("T", 1)[0] if "T" in value else value


def _check(raw: dict, where: str, countries: frozenset[str]) -> tuple[Spell | None, Problem | None]:
    def bad(reason: str) -> tuple[None, Problem]:
        return None, Problem.make("H604", where, reason=reason)

    qid = (raw.get("person_qid") or "").strip().rsplit("/", 1)[-1]
    name = (raw.get("name") or "").strip()
    role = (raw.get("role") or "").strip()
    start, end = _date_value(raw.get("start") or ""), _date_value(raw.get("end") or "")
    iso3, igo = (raw.get("country_iso3") or "").strip().upper(), (raw.get("igo") or "").strip()
    if not _QID.match(qid):
        return bad(f"person_qid '{qid}' is not a Wikidata item (Q followed by digits)")
    if not name or _QID.match(name):
        return bad(f"{qid} has no name (a label that is only its QID)")
    if role not in ROLES:
        return bad(f"role '{role}' is not one of {', '.join(ROLES)}")
    for label, value in (("start", start), ("end", end)):
        match = _DATE.match(value)
        if value and (not match or (match[2] and not 1 <= int(match[2]) <= 12) or (match[3] and not 1 <= int(match[3]) <= 31)):
            return bad(f"{label} '{value}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    if not start:
        return bad(f"{qid} has no start date")
    if end and _day(end, False) < _day(start, True):
        return bad(f"end {end} is before start {start}")
    if role == "igo_head" and not igo:
        return bad("an igo_head row needs the organisation's name in 'igo'")
    if role != "igo_head" and iso3 not in countries:
        return bad(f"country_iso3 '{iso3}' is not an ISO 3166-1 alpha-3 code the actors stage knows")
    return Spell(qid, name, (raw.get("position_label") or "").strip(), iso3, igo, role, start, end), None


def _rows(path: Path) -> Iterable[tuple[dict, str]]:
    """(raw row, where) pairs from a CSV or JSON file, in the column names of the packaged CSV."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise HarbingerError("H605", f"cannot read {path}: {err}") from err
    if path.suffix.lower() == ".csv":
        for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            yield row, f"{path}:{number}"
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise HarbingerError("H605", f"{path} is neither CSV (by its name) nor JSON: {err}") from err
    if isinstance(data, dict) and "results" in data:
        renames = {"person": "person_qid", "personLabel": "name", "positionLabel": "position_label", "iso3": "country_iso3"}
        for index, binding in enumerate(data["results"].get("bindings", [])):
            yield {renames.get(k, k): v.get("value", "") for k, v in binding.items() if isinstance(v, dict)}, f"{path} binding {index}"
    elif isinstance(data, list):
        for index, row in enumerate(data):
            yield (row if isinstance(row, dict) else {}), f"{path} item {index}"
    else:
        raise HarbingerError("H605", f"{path}: expected a list of rows or a Wikidata SPARQL result")


def read_spells(path: str | os.PathLike, countries: frozenset[str]) -> tuple[list[Spell], list[Problem]]:
    spells, problems = [], []
    for raw, where in _rows(Path(path)):
        spell, problem = _check(raw, where, countries)
        if spell is not None:
            spells.append(spell)
        else:
            problems.append(problem)
    return spells, problems


def records_from_spells(spells: Iterable[Spell], igo_codes: dict[str, str]) -> list[dict]:
    """One record per person (joined on QID): names as aliases, spells as date-ranged roles ``[code, from, to, title]``."""
    people: dict[str, dict] = {}
    for spell in spells:
        if spell.role == "igo_head":
            code = igo_codes.get(phrase_key(spell.igo), "IGO")
        elif spell.role in GOVERNMENT_ROLES and spell.country_iso3:
            code = spell.country_iso3 + "GOV"
        else:
            continue
        person = people.setdefault(spell.person_qid, {"names": [], "roles": [], "qid": spell.person_qid})
        for alias in {phrase_key(spell.name), phrase_key(_TITLES.sub("", spell.name))}:
            if alias and not re.fullmatch(r"q\d+", alias) and alias not in person["names"]:
                person["names"].append(alias)
        end = _day(spell.end, first=False) if spell.end else None
        person["roles"].append([code, _day(spell.start, first=True), end, spell.position_label])
    return [p for p in people.values() if p["names"]]


def packaged_records() -> list[dict]:
    with resources.files(DATA).joinpath(FILE).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def user_records(data_dir: str | os.PathLike | None = None) -> list[dict]:
    path = user_data_dir(data_dir) / "actors" / FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _merge(packaged: dict, mine: dict) -> dict:
    """A person in both tables: the user's spells replace the packaged ones of the same office code (a corrected end
    date, a new term); the packaged spells in other offices stay (Rutte's years as Dutch prime minister when the user's
    table lists only his NATO post)."""
    codes = {role[0] for role in mine["roles"]}
    names = mine["names"] + [n for n in packaged["names"] if n not in mine["names"]]
    return {"names": names, "roles": [r for r in packaged["roles"] if r[0] not in codes] + mine["roles"], "qid": mine["qid"]}


def merged_records(data_dir: str | os.PathLike | None = None) -> list[dict]:
    """The packaged office holders merged with the user's table (same QID: :func:`_merge`), plus the user's new people."""
    mine = {r["qid"]: r for r in user_records(data_dir)}
    merged = [_merge(r, mine.pop(r["qid"])) if r["qid"] in mine else r for r in packaged_records()]
    return merged + list(mine.values())


def installed_manifest(data_dir: str | os.PathLike | None = None) -> dict | None:
    path = user_data_dir(data_dir) / "actors" / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _digest(records: list[dict]) -> str:
    text = "\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in sorted(records, key=lambda r: r["qid"]))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def install(source: str | os.PathLike, countries: frozenset[str], igo_codes: dict[str, str], data_dir: str | os.PathLike | None = None) -> Installed:
    """Validate ``source`` and install its office holders as the user's table; report what changed."""
    spells, problems = read_spells(source, countries)
    if not spells:
        raise HarbingerError("H606", f"{source}: no valid office-holder rows ({len(problems)} rejected)", hint="see the rows' problems above")
    records = records_from_spells(spells, igo_codes)
    before = {r["qid"]: r for r in merged_records(data_dir)}
    folder = user_data_dir(data_dir) / "actors"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise HarbingerError("H605", f"cannot create {folder}: {err.strerror}") from err
    digest = _digest(records)
    previous = installed_manifest(data_dir)
    if previous and previous.get("sha256") == digest:
        return Installed(previous, problems=problems, unchanged=True)
    manifest = {
        "version": (previous or {}).get("version", 0) + 1,
        "sha256": digest,
        "people": len(records),
        "spells": sum(len(r["roles"]) for r in records),
        "source": Path(source).name,
        "installed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    with replaced_when_done(folder / FILE) as stream:
        stream.writelines(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    with replaced_when_done(folder / MANIFEST) as stream:
        stream.write(json.dumps(manifest, indent=2) + "\n")
    after = {r["qid"]: r for r in merged_records(data_dir)}
    spells_before = {(q, tuple(role)) for q, r in before.items() for role in r["roles"]}
    spells_after = {(q, tuple(role)) for q, r in after.items() for role in r["roles"]}
    return Installed(
        manifest,
        people_added=sorted(after[q]["names"][0] for q in after.keys() - before.keys()),
        people_removed=sorted(before[q]["names"][0] for q in before.keys() - after.keys()),
        spells_added=len(spells_after - spells_before),
        spells_removed=len(spells_before - spells_after),
        problems=problems,
    )
