"""The event coder's code tables and lexicons, read once per process from package data.

``cameo_codes.csv`` gives every CAMEO code its name, root, Goldstein value,
QuadClass and PLOVER type; ``verb_patterns.json`` is PETRARCH2's CAMEO verb
dictionary as data; ``lexicon.json`` holds Harbinger's own word lists (event
nouns, light verbs, mode cues). The nouns that name actors are the actors stage's (``harbinger.actors.heads``).
A user can point :func:`load_tables` at another folder with the same files.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from harbinger.errors import HarbingerError
from harbinger.ontology import PLOVER_QUAD, QuadClass


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: QuadClass  # the PLOVER type's quad category (ontology.PLOVER_QUAD), CAMEO's where PLOVER has no type
    plover: str | None  # PLOVER event type; None for codes PLOVER dropped (public statements)
    plover_mode: str | None
    plover_context: str | None


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the coder memoises lookups per Tables
class Tables:
    codes: dict[str, CameoCode]
    synsets: dict[str, frozenset[str]]
    blocks: list[dict]
    verbs: dict[str, list[dict]]
    lexicon: dict
    word_sets: dict  # mode cue sets, event nouns and pattern-only blocks, built once and never changed

    def code(self, cameo: str) -> CameoCode:
        """The table row for a CAMEO code; an unknown code is a data error, so it says which one."""
        try:
            return self.codes[cameo]
        except KeyError:
            raise HarbingerError("H510", f"unknown CAMEO code '{cameo}'", hint="check the verb patterns and lexicon data") from None

    def plover_type(self, cameo: str | None) -> str | None:
        row = self.codes.get(cameo) if cameo else None
        return row.plover if row else None

    def mode_words(self, name: str) -> frozenset[str]:
        return self.word_sets[name]

    @property
    def event_nouns(self) -> dict[str, str]:
        return self.word_sets["event_nouns"]

    @property
    def pattern_only_blocks(self) -> frozenset[str]:
        return self.word_sets["pattern_only_blocks"]


def _data_dir() -> Path:
    return Path(str(resources.files("harbinger") / "data" / "events"))


def _read_codes(path: Path) -> dict[str, CameoCode]:
    codes = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes[row["cameo_code"]] = CameoCode(
                code=row["cameo_code"],
                name=row["name"],
                root=row["root_code"],
                goldstein=float(row["goldstein"]),
                # PLOVER's quad for its type; CAMEO's grouping only for the codes PLOVER dropped
                quad_class=PLOVER_QUAD.get(row["plover_event"]) or QuadClass(int(row["quad_class"])),
                plover=row["plover_event"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
            )
    return codes


@lru_cache(maxsize=4)
def load_tables(folder: str | None = None) -> Tables:
    base = Path(folder) if folder else _data_dir()
    patterns = json.loads((base / "verb_patterns.json").read_text(encoding="utf-8"))
    lexicon = json.loads((base / "lexicon.json").read_text(encoding="utf-8"))
    word_sets = {name: frozenset(words) for name, words in lexicon["modes"].items()}
    word_sets["event_nouns"] = {k: v for k, v in lexicon["event_nouns"].items() if not k.startswith("_")}
    word_sets["event_noun_phrase_heads"] = frozenset(k.split()[-1] for k in word_sets["event_nouns"] if " " in k)
    word_sets["pattern_only_blocks"] = frozenset(lexicon["pattern_only_blocks"]["blocks"])
    for name in ("generic_verbs", "reciprocal_verbs", "no_perpetrator_words"):
        word_sets[name] = frozenset(lexicon[name]["words"])
    # every verb lemma the coder can code: the dictionary's, and Harbinger's own lists
    word_sets["codable_verbs"] = frozenset(patterns["verbs"]) | {
        lemma
        for section in ("extra_verbs", "verb_codes", "clause_codes", "complement_codes", "object_codes", "prep_codes")
        for lemma in lexicon.get(section, {})
        if not lemma.startswith("_")
    }
    return Tables(
        word_sets=word_sets,
        codes=_read_codes(base / "cameo_codes.csv"),
        synsets={name: frozenset(words) for name, words in patterns["synsets"].items()},
        blocks=patterns["blocks"],
        verbs=patterns["verbs"],
        lexicon=lexicon,
    )


@dataclass(frozen=True)
class FinderWords:
    """The function and frame words the predicate finder reads the parse with (``finder_words.json``)."""

    speaker_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    quantity_heads: frozenset[str]
    occur_verbs: frozenset[str]
    effort_nouns: frozenset[str]
    frame_prepositions: frozenset[str]
    demand_verbs: frozenset[str]
    aim_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def load_finder_words() -> FinderWords:
    data = json.loads((_data_dir() / "finder_words.json").read_text(encoding="utf-8"))
    return FinderWords(**{f.name: frozenset(data[f.name]["words"]) for f in dataclasses.fields(FinderWords)})


def cameo_info(cameo: str) -> CameoCode:
    """Look up one CAMEO code in the packaged table (name, Goldstein, QuadClass, PLOVER type)."""
    return load_tables().code(cameo)
