"""The place stage's word lists, read once per process and folder from ``harbinger/data/place``.

``word_lists.tsv`` holds the words the finder, the resolver and the stage match
tokens against (compass words, the prepositions that mark a place and those that
mark an event's venue, facility heads, office words …), one list per name, each
explained in the file's header; ``area_nouns.tsv`` holds the nouns that announce
a place ("the city of X") with the kinds of place each allows. A user's data
folder may carry its own copies; a folder without them uses the packaged ones.
This module also reads the folder's TSV files for the gazetteer.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data" / "place"
WORD_LISTS = "word_lists.tsv"
AREA_NOUNS = "area_nouns.tsv"


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a place data file: tab-separated with a header row, lines starting with "#" are comments."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


@dataclass(frozen=True)
class PlaceLexicon:
    """Every word list of the place stage; ``word_lists.tsv``'s header says what each one is for."""

    compass_words: frozenset[str]
    skipped_before_place: frozenset[str]
    place_prepositions: frozenset[str]
    close_prepositions: frozenset[str]
    venue_prepositions: frozenset[str]
    place_cues_after: frozenset[str]
    owned_by_places: frozenset[str]
    election_words: frozenset[str]
    facility_heads: frozenset[str]
    located_facility_heads: frozenset[str]
    island_heads: frozenset[str]
    office_words: frozenset[str]
    wider_name_heads: frozenset[str]
    area_words: frozenset[str]
    local_type_words: frozenset[str]
    descriptor_words: frozenset[str]
    area_list_nouns: frozenset[str]
    person_titles: frozenset[str]
    area_nouns: frozenset[str]  # from area_nouns.tsv: nouns that announce a place, "the city of X", "X province"
    area_noun_kinds: Mapping[str, tuple[str, ...]]  # from area_nouns.tsv: noun -> the gazetteer kinds it allows X to be


LIST_NAMES = tuple(f.name for f in fields(PlaceLexicon) if not f.name.startswith("area_noun"))
# Lists added after the first release: a folder's own word_lists.tsv without them takes the packaged ones.
LATER_LISTS = ("descriptor_words", "area_list_nouns", "person_titles")


def _own_or_default(folder: Path, name: str) -> Path:
    path = folder / name
    return path if path.exists() else DEFAULT_DIR / name


def _word_lists(path: Path) -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {name: set() for name in LIST_NAMES}
    for number, row in enumerate(read_rows(path), start=1):
        if row["list"] not in words:
            raise ValueError(f"{path}: data row {number} names an unknown list {row['list']!r}; the lists are {', '.join(LIST_NAMES)}")
        words[row["list"]].add(row["word"])
    if path != DEFAULT_DIR / WORD_LISTS and any(not words[name] for name in LATER_LISTS):
        packaged = _word_lists(DEFAULT_DIR / WORD_LISTS)
        for name in LATER_LISTS:
            words[name] = words[name] or set(packaged[name])
    empty = [name for name, listed in words.items() if not listed]
    if empty:
        raise ValueError(f"{path}: no words for {', '.join(empty)}; copy those lists from {DEFAULT_DIR / WORD_LISTS}")
    return {name: frozenset(listed) for name, listed in words.items()}


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> PlaceLexicon:
    """The word lists of a data folder (default: the packaged one), read once per process and folder."""
    root = Path(folder) if folder else DEFAULT_DIR
    kinds = {row["noun"]: tuple(filter(None, row["kinds"].split("|"))) for row in read_rows(_own_or_default(root, AREA_NOUNS))}
    return PlaceLexicon(**_word_lists(_own_or_default(root, WORD_LISTS)), area_nouns=frozenset(kinds), area_noun_kinds=MappingProxyType(kinds))
