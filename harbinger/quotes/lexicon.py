"""The quote stage's word lists, read once per process from ``harbinger/data/quotes``.

``cues.json`` holds the attribution cues by PARC cue class (speech, belief,
intention, demand, judgement, evidence; nominal and prepositional cues),
each with the speech act it performs and the stance it implies for claims.
``lexicon.json`` says who can be a speaker and what names a claim;
``venues.json`` the statement forms, platforms and programme introducers.
A user can point the stage at their own copies of the three files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from harbinger.errors import HarbingerError

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes"
CLAIM_ACTS = frozenset({"assert", "deny", "report", "threat", "directive", "commissive"})
CUE_CLASSES = ("speech", "belief", "intention", "demand", "judgement", "evidence")
STANCES = frozenset({"asserts", "doubts", "denies", "demands"})


@dataclass(frozen=True)
class CueEntry:
    """What a cue word means: its PARC class, the speech act it performs and the stance its content takes."""

    cue_class: str
    act: str
    stance: str
    needs_complement: bool = True  # a cue only with a clause, an infinitive, an object or a quote it governs
    object_is_content: bool = False  # "condemned the attack": the object is what is attributed
    preps: tuple[str, ...] = ()  # a nominal cue's prepositions that introduce its content: "announcement of", "call for"
    infinitive_class: str | None = None  # the class when the content is an infinitive: "agreed to expand" intends, "agreed that" believes


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: dict[str, CueEntry]  # lemma -> entry (speech, belief, intention, demand, judgement)
    evidence_verbs: dict[str, CueEntry]  # lemma -> entry when the subject is a document or figures
    evidence_sources: frozenset[str]
    adjectives: dict[str, CueEntry]  # "confident" in "is confident that", "committed" in "remains committed to"
    light_verbs: dict[tuple[str, str], CueEntry]  # (verb lemma, object lemma)
    particle_verbs: dict[tuple[str, ...], CueEntry]  # (verb lemma, preposition) or (verb lemma, adverb, preposition): "look forward to"
    source_phrases: dict[tuple[str, ...], CueEntry]  # ("according", "to")
    view_nouns: dict[str, CueEntry]  # "in her view", "in the opinion of"
    nominal: dict[str, CueEntry]  # "claim" in "X's claim that"
    noun_makers: frozenset[str]  # "issued a warning that": the subject is the source
    not_line_speakers: frozenset[str]
    line_speaker_words: int
    pronouns: frozenset[str]
    anonymous_sources: frozenset[str]
    claim_nouns: frozenset[str]
    venue_pattern: re.Pattern  # formats and platforms: "in a statement", "on state television"
    show_introducers: frozenset[str]

    def act_of(self, lemma: str) -> str | None:
        entry = self.verbs.get(lemma.lower())
        return entry.act if entry else None


def _entries(table: dict) -> dict:
    return {k: v for k, v in table.items() if not k.startswith("_")}


def _entry(where: str, word: str, value: dict, cue_class: str | None = None, **flags) -> CueEntry:
    cue_class = cue_class or value.get("class")
    if cue_class not in CUE_CLASSES or value.get("stance") not in STANCES:
        raise HarbingerError("H001", f"cue lexicon {where}: {word!r} has class {cue_class!r} and stance {value.get('stance')!r}",
                             hint=f"classes are {', '.join(CUE_CLASSES)}; stances {', '.join(sorted(STANCES))}")
    infinitive_class = value.get("infinitive_class")
    if infinitive_class is not None and infinitive_class not in CUE_CLASSES:
        raise HarbingerError("H001", f"cue lexicon {where}: {word!r} has infinitive_class {infinitive_class!r}", hint=f"classes are {', '.join(CUE_CLASSES)}")
    return CueEntry(cue_class, value["act"], value["stance"], infinitive_class=infinitive_class, preps=tuple(value.get("preps", ())), **flags)


def _verb_classes(classes: dict) -> dict[str, CueEntry]:
    verbs: dict[str, CueEntry] = {}
    for name, table in classes.items():
        needs = table.get("needs_complement", [])
        objects = set(table.get("object_verbs", []))
        for lemma, value in _entries(table["verbs"]).items():
            if lemma in verbs:
                raise HarbingerError("H001", f"cue lexicon: {lemma!r} is listed in both {verbs[lemma].cue_class} and {name}",
                                     hint="keep each verb in one class; evidence verbs have their own table")
            verbs[lemma] = _entry(name, lemma, value, name, needs_complement=needs == "all" or lemma in needs,
                                  object_is_content=table.get("object_is_content", False) or lemma in objects)
    return verbs


def _adjectives(classes: dict) -> dict[str, CueEntry]:
    """Predicative adjectives of every class: "is confident that" (belief), "remains committed to" (intention)."""
    return {k: _entry("adjectives", k, v, name) for name, table in classes.items() for k, v in _entries(table.get("adjectives", {})).items()}


def _pairs(table: dict, **flags) -> dict[tuple[str, ...], CueEntry]:
    return {tuple(k.split()): _entry("pairs", k, v, **flags) for k, v in _entries(table).items()}


def _venue_pattern(formats: list[str], platforms: list[str]) -> re.Pattern:
    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    modifiers = r"(?:(?:[\w-]+ly\s+)?[\w-]+\s+){0,3}"  # "a brief written", "a televised", "a joint"
    form = rf"(?P<form>(?:an?|the|his|her|their|its|a\s+separate)\s+{modifiers}(?:{alternation(formats)})s?\b(?:\s+(?:with|on|to)\s+(?:[A-Z][\w.&'’-]*\s?)+)?)"
    platform = rf"(?P<platform>(?:the\s+)?(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?(?:{alternation(platforms)})\b)"
    return re.compile(rf"\b(?:in|at|during|via|through)\s+{form}|\b(?:on|in)\s+{platform}", re.UNICODE)


@lru_cache(maxsize=4)
def load_lexicon(lexicon_path: str | None = None, venues_path: str | None = None, cues_path: str | None = None) -> QuoteLexicon:
    words = json.loads(Path(lexicon_path or DATA / "lexicon.json").read_text(encoding="utf-8"))
    venues = json.loads(Path(venues_path or DATA / "venues.json").read_text(encoding="utf-8"))
    cues = json.loads(Path(cues_path or DATA / "cues.json").read_text(encoding="utf-8"))
    evidence = cues["evidence"]
    prepositional = cues["prepositional"]
    return QuoteLexicon(
        verbs=_verb_classes(cues["classes"]),
        evidence_verbs={k: _entry("evidence", k, v, "evidence") for k, v in _entries(evidence["verbs"]).items()},
        evidence_sources=frozenset(evidence["sources"]),
        adjectives=_adjectives(cues["classes"]),
        light_verbs=_pairs(cues["light_verbs"]),
        particle_verbs=_pairs(cues["particle_verbs"]),
        source_phrases=_pairs(prepositional["phrases"], needs_complement=False),
        view_nouns={k: _entry("view_nouns", k, v) for k, v in _entries(prepositional["view_nouns"]).items()},
        nominal={k: _entry("nominal", k, v) for k, v in _entries(cues["nominal"]["nouns"]).items()},
        noun_makers=frozenset(cues["nominal"]["makers"]["lemmas"]),
        not_line_speakers=frozenset(cues["line_speakers"]["not_speakers"]),
        line_speaker_words=cues["line_speakers"]["max_words"],
        pronouns=frozenset(words["pronoun_speakers"]),
        anonymous_sources=frozenset(words["anonymous_sources"]["nouns"]),
        claim_nouns=frozenset(words["claim_nouns"]["nouns"]),
        venue_pattern=_venue_pattern(venues["formats"]["nouns"], venues["platforms"]["names"]),
        show_introducers=frozenset(venues["shows"]["introducers"]),
    )
