"""Rule-based in-document coreference: pronouns to the earlier mention they stand for.

Reads the candidates, their resolutions and the parse; returns, for each
pronoun, the index of its antecedent mention. The rules are the classic
salience ones (Lappin and Leass, Hobbs, simplified): a he/she pronoun takes a
person, they/them/their a group, organisation or country, it/its one
organisation or country; agreement in gender
and number filters; recency, grammatical subjecthood and how often an entity
was already mentioned rank what is left. A pronoun is never bound to a noun in
its own clause that it could not refer to (the object of the same verb).
Definite noun phrases that name an organisation or a country again ("the
ministry" after "the Russian Foreign Ministry", "the group" after "Hamas",
"the country") take the nearest earlier coded mention their noun allows
(``data/actors/anaphor_nouns.json``); "it" can then stand for either.
Mentions that name an earlier one again ("Blinken" after "Antony Blinken") are
linked by the resolver; this module only adds the pronouns.
"""

from __future__ import annotations

import math

import numpy
from spacy.tokens import Doc

from harbinger.actors.finder import Candidate
from harbinger.actors.lexicon import anaphor_nouns
from harbinger.actors.resolver import Resolution
from harbinger.ontology import NON_STATE_PREFIXES

WINDOW_SENTENCES = 3
PLURAL_KINDS = {"group"}
COLLECTIVE_LABELS = {"ORG", "GPE", "NORP"}
SINGULAR_THING_KINDS = {"name", "phrase"}
SINGULAR_THING_LABELS = {"ORG", "GPE"}
SINGULAR_TAGS = {"NN", "NNP"}
ARMED_SECTORS = {"REB", "INS", "IMG", "UAF", "SEP"}
ORGANISATION_PREFIXES = NON_STATE_PREFIXES



def definite_noun(doc: Doc, candidate: Candidate, resolution: Resolution) -> str | None:
    """The noun of an uncoded definite phrase that names an organisation or country again ("the ministry"), else None."""
    if resolution.code or candidate.kind == "pronoun" or candidate.label == "PERSON":
        return None
    if candidate.kind == "anaphor":
        return doc[candidate.head].lower_
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not t.is_punct]
    before = doc[span.start - 1] if span.start > 0 else None
    if words and words[0].lower_ == "the":
        words = words[1:]
    elif before is None or before.lower_ != "the":
        return None
    if len(words) != 1 or words[0].tag_ not in SINGULAR_TAGS:
        return None
    noun = words[0].lemma_.lower()
    return noun if noun in anaphor_nouns() else None


def _fits(doc: Doc, noun: str, other: Candidate, result: Resolution, is_person: bool) -> bool:
    """Whether a coded earlier mention can be what "the <noun>" names again."""
    code = result.code
    if not code or is_person or other.kind in {"pronoun", "titled"}:
        return False
    pieces = {code[i : i + 3] for i in range(0, len(code), 3)}
    tests = {
        "same_head": lambda: doc[other.head].lemma_.lower() == noun,
        "country": lambda: len(code) == 3 and other.label in {"GPE", ""} or code[3:] == "GOV" and other.label == "GPE",
        "government": lambda: code[3:6] == "GOV",
        "armed_group": lambda: bool(pieces & ARMED_SECTORS),
        "organisation": lambda: code.startswith(ORGANISATION_PREFIXES) or other.label == "ORG",
    }
    return any(tests[kind]() for kind in anaphor_nouns()[noun])


def link_pronouns(doc: Doc, candidates: list[Candidate], resolutions: list[Resolution]) -> dict[int, int]:
    """Pronoun candidate index -> antecedent candidate index (only for pronouns with an acceptable antecedent)."""
    sentence_of = numpy.cumsum(doc.to_array("SENT_START") == 1)
    root = list(range(len(candidates)))  # union-find over candidates, so chain size and gender are shared
    size = [1] * len(candidates)

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            root[a] = b
            size[b] += size[a]

    for i, result in enumerate(resolutions):
        if result.antecedent is not None:
            union(i, result.antecedent)
    genders: dict[int, str] = {}
    person = [False] * len(candidates)
    for i, candidate in enumerate(candidates):
        antecedent = resolutions[i].antecedent
        person[i] = candidate.label == "PERSON" or (antecedent is not None and person[antecedent])
        if candidate.gender and candidate.kind != "pronoun":
            genders.setdefault(find(i), candidate.gender)
    links: dict[int, int] = {}
    for i, candidate in enumerate(candidates):
        noun = definite_noun(doc, candidate, resolutions[i])
        if noun is None:
            continue
        here = int(sentence_of[candidate.head])
        for j in range(i - 1, -1, -1):
            if here - int(sentence_of[candidates[j].head]) > WINDOW_SENTENCES:
                break
            if candidates[j].end <= candidate.start and _fits(doc, noun, candidates[j], resolutions[j], person[j]):
                links[i] = j
                union(i, j)
                break
    for i, pronoun in enumerate(candidates):
        if pronoun.kind != "pronoun":
            continue
        here = int(sentence_of[pronoun.head])
        best, best_score = None, -math.inf
        for j in range(i - 1, -1, -1):
            other = candidates[j]
            there = int(sentence_of[other.head])
            if here - there > WINDOW_SENTENCES:
                break
            if other.end > pronoun.start or not _agrees(doc, pronoun, other, person[j], genders.get(find(j))):
                continue
            if there == here and _same_clause_argument(doc, pronoun, other):
                continue
            score = _salience(doc, pronoun, other, here - there, size[find(j)])
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            links[i] = best
            union(i, best)
            if pronoun.gender in {"male", "female"}:
                genders.setdefault(find(best), pronoun.gender)
    return links


def _agrees(doc: Doc, pronoun: Candidate, other: Candidate, is_person: bool, chain_gender: str | None) -> bool:
    if pronoun.gender == "neuter":  # "it"/"its": one organisation or country ("the ministry said it would")
        if other.kind == "pronoun":
            return other.gender == "neuter"
        if other.kind == "group":  # "the Foreign Ministry said it would": a singular organisation noun
            return not is_person and doc[other.head].tag_ in SINGULAR_TAGS
        return not is_person and other.kind in SINGULAR_THING_KINDS and (other.label in SINGULAR_THING_LABELS or other.kind == "phrase")
    if pronoun.gender == "plural":
        if other.kind == "pronoun":
            return other.gender == "plural"
        return other.kind in PLURAL_KINDS or other.label in COLLECTIVE_LABELS and not is_person
    if other.kind == "pronoun":
        return other.gender == pronoun.gender and (chain_gender is None or chain_gender == pronoun.gender)
    if not is_person:
        return False
    gender = chain_gender or other.gender
    return gender is None or gender == pronoun.gender


def _same_clause_argument(doc: Doc, pronoun: Candidate, other: Candidate) -> bool:
    """Binding: "he" is not the object of the verb whose subject or object it is itself (reflexives aside)."""
    if doc[pronoun.head].lower_.endswith(("self", "selves")):
        return False
    p, o = doc[pronoun.head], doc[other.head]
    return p.head == o.head and p.dep_ != "poss"


def _salience(doc: Doc, pronoun: Candidate, other: Candidate, distance: int, chain_size: int) -> float:
    token = doc[other.head]
    score = -2.0 * distance
    subject = token.dep_ in {"nsubj", "nsubjpass"} or token.dep_ == "conj" and token.head.dep_ in {"nsubj", "nsubjpass"}
    if subject:
        score += 2.0
        if doc[_verb_of(token)].dep_ == "ROOT":
            score += 1.0  # the main clause's subject outranks one in an embedded clause ("after Putin called")
    if subject and distance == 0 and doc[pronoun.head].dep_ == "poss" and _verb_of(token) == _verb_of(doc[pronoun.head]):
        score += 2.0  # "Sherman and other officials will meet their counterparts": a possessive looks to its clause's subject
    if token.dep_ == "appos" or token.head.dep_ in {"nsubj", "nsubjpass"} and token.dep_ == "compound":
        score += 1.0
    if other.kind in {"titled", "name"} and other.label == "PERSON":
        score += 0.5
    if pronoun.gender == "plural":
        score += 1.5 if other.kind == "group" or other.gender == "plural" else (-1.0 if other.label == "GPE" else 0.0)
    score += 0.7 * math.log(chain_size)
    score -= 0.3 * math.log1p(abs(pronoun.head - other.head))
    return score


def _verb_of(token):
    """The verb whose clause holds the token (its nearest verbal ancestor, or the root)."""
    while token.head != token and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
    return token.i

