"""Build the event coder's package data from the third-party reference files.

Reads (only here, never at run time):
  - <ref>/petrarch2/CAMEO.2.0.txt            CAMEO verb dictionary (MIT, Open Event Data Alliance)
  - <ref>/PLOVER/CAMEO2PLOVER-2021.txt       CAMEO -> PLOVER table (CC BY-SA 4.0, Open Event Data Alliance)
  - <eval>/cameo_goldstein.csv               CAMEO codes, names, Goldstein values (GDELT lookup)
  - <ref>/petrarch2/Phoenix.agents.txt       agent (role/sector) nouns (MIT, Open Event Data Alliance)
Writes:
  - harbinger/data/events/cameo_codes.csv    one row per CAMEO code: name, root, Goldstein, QuadClass, PLOVER
  - harbinger/data/events/verb_patterns.json synsets, verb blocks with their patterns, verb lemma -> blocks
  - harbinger/data/actors/agent_nouns.txt    head nouns that name a political actor (minister, troops, rebels)

Usage: python scripts/build_event_data.py [--shared /work/shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "harbinger" / "data" / "events"

# GDELT's QuadClass by CAMEO root: 01-05 verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict, 14-20 material conflict.
QUAD_BY_ROOT = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)}

# PLOVER dropped CAMEO 02x (appeals); its REQUEST type covers asking and appealing, so Harbinger
# maps 02x to REQUEST and marks the row's plover_source as "harbinger" rather than the 2021 table.
APPEAL_TYPE = "REQUEST"

# The 2021 table files 163 (impose embargo, boycott or sanctions) under COERCE, but the PLOVER
# manual's SANCTION section says "International (political or economic) sanctions are coded as
# 'discontinue'", and the PLOVER gold records code imposed sanctions as SANCTION: follow the manual.
MANUAL_OVERRIDES = {"163": ("SANCTION", "discontinue", "diplomatic")}

BLOCK_HEAD = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")


def read_plover_table(path: Path) -> dict[str, tuple[str, str, str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        # "08" appears twice (CONCEDE, RETREAT): keep the first for the root, children carry their own
        table.setdefault(code.strip(), (parts[0], parts[1], parts[2]))
    return table


def build_code_table(shared: Path) -> list[dict]:
    plover = read_plover_table(shared / "reference" / "PLOVER" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(shared / "eval" / "cameo_goldstein.csv", encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            code = rec["cameo_code"]
            event, mode, context, origin = "", "", "", ""
            for prefix in (code, code[:3], code[:2]):
                if prefix in plover and plover[prefix][0]:
                    event, mode, context = plover[prefix]
                    origin = "CAMEO2PLOVER-2021" if prefix == code else f"CAMEO2PLOVER-2021 via {prefix}"
                    break
            if not event and code.startswith("02"):
                event, origin = APPEAL_TYPE, "harbinger"
            if code in MANUAL_OVERRIDES:
                (event, mode, context), origin = MANUAL_OVERRIDES[code], "harbinger (PLOVER manual)"
            rows.append(
                {
                    "cameo_code": code,
                    "name": rec["name"],
                    "level": rec["level"],
                    "root_code": rec["root_code"],
                    # GDELT's value; 1213 exists only in ICEWS, so its ICEWS value fills the gap
                    "goldstein": rec["goldstein"] or rec["goldstein_icews"],
                    "goldstein_source": "gdelt" if rec["goldstein"] else "icews",
                    "quad_class": QUAD_BY_ROOT[rec["root_code"]],
                    "plover_event": event,
                    "plover_mode": mode,
                    "plover_context": context,
                    "plover_source": origin,
                }
            )
    return rows


def _words(phrase: str) -> list[str]:
    return [w.lower() for w in phrase.replace("_", " ").split() if w]


def parse_pattern_items(text: str) -> tuple[list[dict], list[dict]] | None:
    """Split a pattern body into the items before and after the verb (``*``).

    An item is ``{"prep": str|None, "words": [...]}``; a word starting with ``&`` names a synset.
    ``$``/``+``/``%``/``^`` role markers are dropped: the dependency parse decides roles.
    """
    tokens = re.findall(r"\(|\)|\{|\}|[^\s(){}]+", text)
    pre: list[dict] = []
    post: list[dict] = []
    side = pre
    seen_star = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "*":
            side, seen_star = post, True
        elif tok in ("$", "+", "%", "^", "-"):
            pass
        elif tok == "(":
            j = tokens.index(")", i)
            inner = [t for t in tokens[i + 1 : j] if t not in ("{", "}", "$", "+", "%", "^")]
            if inner:
                prep = inner[0].lower().split("/")[0]
                words = [w for t in inner[1:] for w in _words(t)] if len(inner) > 1 else []
                side.append({"prep": prep, "words": [w for w in words if w not in ("a", "an", "the")]})
            i = j
        elif tok == "{":
            j = tokens.index("}", i)
            words = [w for t in tokens[i + 1 : j] for w in _words(t)]
            if words:
                side.append({"prep": None, "words": words})
            i = j
        elif tok != "}":
            words = _words(tok)
            if words:
                side.append({"prep": None, "words": words})
        i += 1
    return (pre, post) if seen_star else None


def parse_code(field: str) -> tuple[str | None, str | None]:
    field = field.strip()
    active, _, passive = field.partition(":")
    clean = lambda c: c.strip() if c.strip() and c.strip() != "---" else None  # noqa: E731
    return clean(active), clean(passive)


def parse_verbs(shared: Path) -> dict:
    lines = (shared / "reference" / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="ascii").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    verbs: dict[str, list[dict]] = {}
    current_synset = None
    in_verbs = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_synset = line[1:].strip().rstrip("_")
                synsets[current_synset] = []
            elif line.startswith("+") and current_synset:
                synsets[current_synset].append(" ".join(_words(line[1:].strip().rstrip("_"))))
            continue
        head = BLOCK_HEAD.match(line)
        if head:
            code, _ = parse_code(head.group(2))
            blocks.append({"name": head.group(1), "code": code, "patterns": []})
            continue
        if not blocks or line.startswith("~"):
            continue  # nested-verb transformations need PETRARCH's tree; not used
        if line.startswith("-"):
            match = CODE.search(line)
            if not match:
                continue
            items = parse_pattern_items(line[1 : match.start()])
            if items is None:
                continue
            active, passive = parse_code(match.group(1))
            if not active and not passive:
                continue
            blocks[-1]["patterns"].append({"pre": items[0], "post": items[1], "code": active, "passive": passive})
            continue
        # a verb line: BASE {irregular forms} [optional code]
        match = CODE.search(line)
        code = parse_code(match.group(1))[0] if match else None
        phrase = re.sub(r"\{[^}]*\}", "", line[: match.start()] if match else line).strip().split()
        if not phrase:
            continue
        words = [w for w in phrase[0].split("_") if w]
        if phrase[0].startswith("+"):
            verb_index = 0
        else:
            marked = [k for k, w in enumerate(words) if w.startswith("+")]
            verb_index = marked[0] if marked else 0
        words = [w.lstrip("+").lower() for w in words]
        if not words or not words[verb_index].isalpha():
            continue
        entry = {"block": len(blocks) - 1, "before": words[:verb_index], "after": words[verb_index + 1 :]}
        if code:
            entry["code"] = code
        verbs.setdefault(words[verb_index], []).append(entry)
    return {
        "source": "openeventdata/petrarch2 @ 676801cd, petrarch2/data/dictionaries/CAMEO.2.0.txt",
        "licence": "MIT, Copyright (c) 2015 Open Event Data Alliance (see README.md in this folder)",
        "synsets": synsets,
        "blocks": blocks,
        "verbs": verbs,
    }


def parse_agent_nouns(shared: Path) -> list[str]:
    """Head words of the agent phrases: enough to tell "officials agreed" from "the plan agreed"."""
    subst: dict[str, list[str]] = {}
    heads: set[str] = set()
    text = (shared / "reference" / "petrarch2" / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, members = line.split("=", 1)
            subst[name.strip()] = [m.strip().lower() for m in members.split(",") if m.strip()]
            continue
        if "[" not in line:
            continue
        phrase = line.split("[", 1)[0].split("{", 1)[0].split()
        if not phrase:
            continue
        first = phrase[0]
        match = re.search(r"(![A-Z]+!)", first)
        stems = [first.replace(match.group(1), "_" + m) if first.index(match.group(1)) > 0 else m for m in subst.get(match.group(1), [])] if match else [first]
        for stem in stems:
            word = stem.replace("-", "_").split("_")[-1].lower()
            if word.isalpha() and len(word) > 2:
                heads.add(word)
                heads.add(word + ("es" if word.endswith(("s", "sh", "ch")) else "s"))
    return sorted(heads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="/work/shared", type=Path)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = build_code_table(args.shared)
    with open(OUT / "cameo_codes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    verbs = parse_verbs(args.shared)
    (OUT / "verb_patterns.json").write_text(json.dumps(verbs, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    agents = parse_agent_nouns(args.shared)
    header = "# Agent head nouns derived from openeventdata/petrarch2 @ 676801cd Phoenix.agents.txt (MIT)\n"
    (OUT.parent / "actors" / "agent_nouns.txt").write_text(header + "\n".join(agents) + "\n", encoding="utf-8")
    n_patterns = sum(len(b["patterns"]) for b in verbs["blocks"])
    print(f"wrote {len(rows)} codes, {len(verbs['blocks'])} verb blocks, {len(verbs['verbs'])} verb lemmas, {n_patterns} patterns")


if __name__ == "__main__":
    main()
