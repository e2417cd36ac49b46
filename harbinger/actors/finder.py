"""Find the spans that may name an actor; deciding what they code to is the resolver's job.

Reads the parse and entities spaCy put on the ``Doc`` and yields
:class:`Candidate` spans: named entities (with a title in front of a person
widened into the mention: "NATO Secretary-General Jens Stoltenberg"), group
noun phrases headed by an agent word ("Russian troops", "the Biden
administration"), dictionary names spaCy missed ("Kremlin"), and personal
pronouns. Each candidate keeps the pieces the resolver needs: the name part,
the title words, and the modifier spans (nationalities, organisations, people)
inside it. Offsets are character offsets into the article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from harbinger.actors.lexicon import Lexicon, anaphor_nouns, phrase_key

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
MODIFIER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
STOP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "they": "plural", "them": "plural", "their": "plural", "theirs": "plural", "themselves": "plural",
    "it": "neuter", "its": "neuter", "itself": "neuter",
}  # fmt: skip
# Verbs whose subject "it" is usually a dummy ("it is clear that", "it seems", "it takes time"), not an actor.
DUMMY_IT_HEADS = {"be", "seem", "appear", "take", "remain", "become", "matter", "happen", "rain"}
TITLE_JOINERS = {"of", "for", "-"}
# Sectors of the state and its armed challengers: a bare "the government", "police" or "rebels" belongs to the
# country the story is about (the resolver's context country); other sectors need their nationality written.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "INS", "UAF", "SPY", "OPP"}
GROUP_PLACE_PREPOSITIONS = {"in", "from", "of"}
SINGULAR_NOUN_TAGS = {"NN"}  # "rebels in Chad", "refugees from Syria", "the governor of Puerto Rico"


@dataclass(frozen=True)
class Piece:
    """A sub-span of a candidate: character offsets, its text and the entity label (or "" for a dictionary match)."""

    start: int
    end: int
    text: str
    label: str
    token: int  # index of its last token


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # "name", "titled", "group", "phrase", "pronoun", "anaphor" (a definite phrase: "the group")
    label: str  # entity label of the name, "" if none
    name: Piece | None  # the name itself (a person's name after the title, the entity, the group's head words)
    title: str | None  # title or agent words: "Secretary of State", "troops"
    agent_code: str | None  # the agents dictionary code of ``title``: "~GOV"
    modifiers: tuple[Piece, ...]  # nationalities, organisations and people inside the span
    head: int  # token index of the syntactic head
    gender: str | None = None  # pronouns and gendered titles


def find_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    body_start = doc._.article.body_start if doc._.article is not None else 0
    taken = [False] * len(doc)
    found: list[Candidate] = []

    def claim(candidate: Candidate, first: int, last: int) -> None:
        for i in range(first, last):
            taken[i] = True
        found.append(candidate)

    ents = list(doc.ents)
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start_char >= body_start:
            titled = _titled_person(doc, ent, lexicon, ents)
            if titled is not None:
                candidate, first = titled
                claim(candidate, first, ent.end)
    for chunk in _agent_phrases(doc, lexicon):
        while len(chunk) > 1 and (chunk[0].is_space or chunk[0].idx < body_start):
            chunk = chunk[1:]  # the blanked dateline before the first sentence is no part of its subject
        if chunk.start_char < body_start or any(taken[i] for i in range(chunk.start, chunk.end)):
            continue
        group = _group(doc, chunk, lexicon, ents)
        if group is not None:
            claim(group, chunk.start, chunk.end)
            found.extend(_distributed(group))
    for ent in ents:
        if ent.label_ in NAME_LABELS and ent.start_char >= body_start and not any(taken[i] for i in range(ent.start, ent.end)):
            piece = Piece(ent.start_char, ent.end_char, ent.text, ent.label_, ent.end - 1)
            gender = name_gender(ent.text, lexicon) if ent.label_ == "PERSON" else None
            claim(Candidate(ent.start_char, ent.end_char, ent.text, "name", ent.label_, piece, None, None, (), ent.root.i, gender), ent.start, ent.end)
    for first, last in _dictionary_matches(doc, lexicon, taken, body_start):
        span = doc[first:last]
        piece = Piece(span.start_char, span.end_char, span.text, "", last - 1)
        claim(Candidate(span.start_char, span.end_char, span.text, "phrase", "", piece, None, None, (), span.root.i), first, last)
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), _hashes(frozenset(PRONOUNS)))):
        token = doc[int(i)]
        gender = PRONOUNS[token.lower_]
        if token.idx >= body_start and token.pos_ == "PRON" and not _dummy_it(token):
            piece = Piece(token.idx, token.idx + len(token), token.text, "", token.i)
            found.append(Candidate(piece.start, piece.end, token.text, "pronoun", "", piece, None, None, (), token.i, gender))
    nouns = anaphor_nouns()
    for token in doc:
        # "the group", "the country": a definite phrase that names an organisation or country again (coreference decides which)
        if (
            token.lower_ in nouns and token.tag_ in SINGULAR_NOUN_TAGS and token.i > 0 and doc[token.i - 1].lower_ == "the"
            and not taken[token.i] and not taken[token.i - 1] and doc[token.i - 1].idx >= body_start
            and not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of")  # "the country of origin", "the group of experts"
        ):  # fmt: skip
            article = doc[token.i - 1]
            piece = Piece(article.idx, token.idx + len(token), doc[token.i - 1 : token.i + 1].text, "", token.i)
            found.append(Candidate(piece.start, piece.end, piece.text, "anaphor", "", piece, None, None, (), token.i, "neuter"))
    return sorted(found, key=lambda c: (c.start, -c.end))


def find_repeats(doc: Doc, names: dict[str, int], candidates: list[Candidate]) -> list[Candidate]:
    """Later mentions of people already named ("Stoltenberg left.") that the entity recogniser missed.

    ``names`` maps a remembered name key (full name or surname) to where it was first named.
    """
    taken = [False] * len(doc)
    for c in candidates:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                taken[i] = True
    found = []
    if not names:
        return found
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), _hashes(frozenset(names)))):
        token = doc[int(i)]
        first = names.get(token.lower_)
        if first is None or taken[token.i] or token.idx <= first or not token.text[:1].isupper() or token.pos_ not in {"PROPN", "NOUN"}:
            continue
        piece = Piece(token.idx, token.idx + len(token), token.text, "PERSON", token.i)
        found.append(Candidate(piece.start, piece.end, token.text, "name", "PERSON", piece, None, None, (), token.i))
    return found


def _is_name_word(token: Token) -> bool:
    if token.ent_type_ in STOP_LABELS or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
        return False
    return token.text[:1].isupper() and (token.is_alpha or "." in token.text or "-" in token.text)


def _titled_person(doc: Doc, ent: Span, lexicon: Lexicon, ents: list[Span]) -> tuple[Candidate, int] | None:
    """Widen a PERSON entity leftwards over its title ("Deputy Secretary of State", "Russian President")."""
    first = ent.start
    sentence_start = ent.sent.start
    while first > sentence_start:
        token = doc[first - 1]
        if _is_name_word(token) or token.lower_ in lexicon.agents or token.lower_ in lexicon.agent_heads or (
            token.lower_ in TITLE_JOINERS and first - 2 >= sentence_start and _is_name_word(doc[first - 2])
        ):
            first -= 1
            continue
        break
    while first < ent.start and doc[first].lower_ in TITLE_JOINERS:
        first += 1
    if first == ent.start:
        return None
    agent = _agent_in(doc, first, ent.start, lexicon)
    if agent is None:
        return None
    (a_first, a_last), code = agent
    modifiers = _modifiers(doc, first, ent.start, lexicon, ents, exclude=(a_first, a_last))
    span = doc[first : ent.end]
    name = Piece(ent.start_char, ent.end_char, ent.text, "PERSON", ent.end - 1)
    # The role is the title without the nationality or organisation in front of it: "Secretary-General", not "NATO Secretary-General".
    role_start = max([first] + [p.token + 1 for p in modifiers if p.token < a_first])
    title = doc[role_start : ent.start].text
    gender = _title_gender(doc[first : ent.start]) or name_gender(ent.text, lexicon)
    return Candidate(span.start_char, span.end_char, span.text, "titled", "PERSON", name, title, code, modifiers, ent.root.i, gender), first


def name_gender(name: str, lexicon: Lexicon) -> str | None:
    """Gender of a full name's first word when census first-name lists give it ("Emily Horne" -> female)."""
    words = name.split()
    return lexicon.first_names.get(words[0].lower()) if len(words) > 1 else None


def _title_gender(tokens: Span) -> str | None:
    words = {t.lower_ for t in tokens}
    if words & {"mr", "mr.", "sir", "king", "spokesman", "prince", "lord"}:
        return "male"
    if words & {"mrs", "mrs.", "ms", "ms.", "madam", "queen", "spokeswoman", "princess", "lady"}:
        return "female"
    return None


def _dummy_it(token: Token) -> bool:
    """ "It" that stands for nothing: the subject of a copula or a raising verb, or the object of "make it clear"."""
    if token.lower_ != "it":
        return False
    head = token.head
    return head.lemma_.lower() in DUMMY_IT_HEADS or token.dep_ in ("dobj", "expl") and any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in head.children)


def _agent_in(doc: Doc, first: int, last: int, lexicon: Lexicon) -> tuple[tuple[int, int], str] | None:
    """The longest agents-dictionary phrase inside tokens [first, last), preferring the one nearest the end."""
    best = None
    for end in range(last, first, -1):
        for start in range(first, end):
            code = lexicon.agents.get(phrase_key(doc[start:end].text))
            if code and (best is None or end - start > best[0][1] - best[0][0]):
                best = ((start, end), code)
        if best is not None:
            return best
    return None


def _modifiers(doc: Doc, first: int, last: int, lexicon: Lexicon, ents: list[Span], exclude: tuple[int, int]) -> tuple[Piece, ...]:
    pieces = []
    taken = {i for i in range(exclude[0], exclude[1])}
    for ent in ents:
        if first <= ent.start and ent.end <= last and ent.label_ in MODIFIER_LABELS and not (exclude[0] <= ent.start < exclude[1]):
            pieces.append(Piece(ent.start_char, ent.end_char, ent.text, ent.label_, ent.end - 1))
            taken.update(range(ent.start, ent.end))
    blocked = _Blocked(taken)
    for a, b in _dictionary_matches(doc, lexicon, blocked, 0, first, last):
        span = doc[a:b]
        pieces.append(Piece(span.start_char, span.end_char, span.text, "", b - 1))
    return tuple(sorted(pieces, key=lambda p: p.start))


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    """spaCy's string hashes of a word list (the same in every vocab), for vectorised token tests."""
    return numpy.array(sorted(hash_string(word) for word in words), dtype=numpy.uint64)


def _agent_phrases(doc: Doc, lexicon: Lexicon):
    """Noun phrases (left edge to head) whose head word ends an agent phrase; cheaper than all noun chunks."""
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), _hashes(lexicon.agent_heads))):
        token = doc[int(i)]
        if token.pos_ in {"NOUN", "PROPN"}:
            yield doc[token.left_edge.i : token.i + 1]


class _Blocked:
    """Token indices a dictionary match may not use, looked up like the finder's ``taken`` list."""

    def __init__(self, indices: set[int]):
        self.indices = indices

    def __getitem__(self, i: int) -> bool:
        return i in self.indices


def _group(doc: Doc, chunk: Span, lexicon: Lexicon, ents: list[Span]) -> Candidate | None:
    """A noun phrase headed by an agent word and carrying a nationality, organisation or person: "U.S. officials"."""
    root = chunk.root
    if root.lower_ not in lexicon.agent_heads:
        return None
    agent = None
    for start in range(chunk.start, root.i + 1):
        code = lexicon.agents.get(phrase_key(doc[start : root.i + 1].text))
        if code:
            agent = ((start, root.i + 1), code)
            break
    if agent is None:
        return None
    (a_first, a_last), code = agent
    modifiers = _modifiers(doc, chunk.start, a_first, lexicon, ents, exclude=(a_first, a_last)) or _located(root, ents)
    if not modifiers and code.lstrip("~") not in STATE_SECTORS:
        return None  # "the government", "rebels", "police" are the story's own; "people", "a company" are nobody in particular
    name = Piece(doc[a_first].idx, chunk.end_char, doc[a_first : chunk.end].text, "", chunk.end - 1)
    return Candidate(chunk.start_char, chunk.end_char, chunk.text, "group", "", name, doc[a_first:a_last].text, code, modifiers, root.i)


def _located(head: Token, ents: list[Span]) -> tuple[Piece, ...]:
    """The country a group is placed in by a phrase after it: "opposition groups in Zimbabwe", "the army of Sudan"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in GROUP_PLACE_PREPOSITIONS:
            continue
        for obj in prep.children:
            ent = next((e for e in ents if e.start <= obj.i < e.end and e.label_ == "GPE"), None)
            if obj.dep_ == "pobj" and ent is not None:
                return (Piece(ent.start_char, ent.end_char, ent.text, ent.label_, ent.end - 1),)
    return ()


def _distributed(group: Candidate) -> list[Candidate]:
    """ "Hungarian and Romanian officials": each nationality gets the head noun, as its own nested mention."""
    nations = [p for p in group.modifiers if p.label in {"NORP", "GPE", ""}]
    if len(nations) < 2:
        return []
    return [
        Candidate(p.start, p.end, p.text, "group", p.label, group.name, group.title, group.agent_code, (p,), p.token)
        for p in nations
    ]


def _dictionary_matches(doc: Doc, lexicon: Lexicon, taken: list[bool], body_start: int, first: int = 0, last: int | None = None):
    """Longest dictionary names over proper-noun tokens that no other candidate holds."""
    last = len(doc) if last is None else last
    i = first
    while i < last:
        token = doc[i]
        if taken[i] or token.idx < body_start or not (token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS) or not token.text[:1].isupper():
            i += 1
            continue
        if token.lower_ not in lexicon.first_words and phrase_key(token.text) not in lexicon.first_words:
            i += 1
            continue
        match = None
        for end in range(min(last, i + lexicon.max_words), i, -1):
            if any(taken[j] for j in range(i, end)):
                continue
            key = phrase_key(doc[i:end].text)
            if lexicon.actors.lookup(key) or lexicon.people.lookup(key) or key in lexicon.countries:
                match = end
                break
        if match is None:
            i += 1
            continue
        yield i, match
        i = match
