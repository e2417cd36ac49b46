"""The quote stage's word lists, read once per process from ``harbinger/data/quotes``.

Speech verbs with the speech act each performs, light-verb cues ("cast doubt"),
verbless source phrases ("according to"), and the venue vocabulary (statement
forms, platforms, programme introducers). A user can point the stage at their
own copies of the two JSON files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes"
CLAIM_ACTS = frozenset({"assert", "deny", "report", "threat"})


@dataclass(frozen=True)
class QuoteLexicon:
    speech_verbs: dict[str, str]  # lemma -> act
    light_verbs: dict[tuple[str, str], str]  # (verb lemma, object lemma) -> act
    source_phrases: dict[tuple[str, ...], str]  # ("according", "to") -> act
    needs_clause: frozenset[str]  # cues that are speech only with a clause or a quote they govern
    pronouns: frozenset[str]
    anonymous_sources: frozenset[str]
    claim_nouns: frozenset[str]
    venue_pattern: re.Pattern  # formats and platforms: "in a statement", "on state television"
    show_introducers: frozenset[str]

    def act_of(self, lemma: str) -> str | None:
        return self.speech_verbs.get(lemma.lower())


def _entries(table: dict) -> dict:
    return {k: v for k, v in table.items() if not k.startswith("_")}


def _venue_pattern(formats: list[str], platforms: list[str]) -> re.Pattern:
    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    modifiers = r"(?:(?:[\w-]+ly\s+)?[\w-]+\s+){0,3}"  # "a brief written", "a televised", "a joint"
    form = rf"(?P<form>(?:an?|the|his|her|their|its|a\s+separate)\s+{modifiers}(?:{alternation(formats)})s?\b(?:\s+(?:with|on|to)\s+(?:[A-Z][\w.&'’-]*\s?)+)?)"
    platform = rf"(?P<platform>(?:the\s+)?(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?(?:{alternation(platforms)})\b)"
    return re.compile(rf"\b(?:in|at|during|via|through)\s+{form}|\b(?:on|in)\s+{platform}", re.UNICODE)


@lru_cache(maxsize=4)
def load_lexicon(lexicon_path: str | None = None, venues_path: str | None = None) -> QuoteLexicon:
    words = json.loads(Path(lexicon_path or DATA / "lexicon.json").read_text(encoding="utf-8"))
    venues = json.loads(Path(venues_path or DATA / "venues.json").read_text(encoding="utf-8"))
    light = {tuple(k.split()): v for k, v in _entries(words["light_verb_cues"]).items()}
    phrases = {tuple(k.split()): v for k, v in _entries(words["source_prepositions"]).items()}
    return QuoteLexicon(
        speech_verbs=_entries(words["speech_verbs"]),
        light_verbs=light,
        source_phrases=phrases,
        needs_clause=frozenset(words["not_speech_without_clause"]["lemmas"]),
        pronouns=frozenset(words["pronoun_speakers"]),
        anonymous_sources=frozenset(words["anonymous_sources"]["nouns"]),
        claim_nouns=frozenset(words["claim_nouns"]["nouns"]),
        venue_pattern=_venue_pattern(venues["formats"]["nouns"], venues["platforms"]["names"]),
        show_introducers=frozenset(venues["shows"]["introducers"]),
    )
