"""Recognise an attribution cue at a token: a verb of any PARC cue class, a light verb, a verb with its
preposition ("called for"), a predicative adjective ("is confident"), an evidence verb whose subject is a
document or figures ("the report found"), or a verbless source phrase ("according to").

Returns what the cue means (:class:`~harbinger.quotes.lexicon.CueEntry`), its character span, and the
token whose subject is the source (the copula for an adjective). Finding the content and the speaker is
the finders' job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from harbinger.quotes.lexicon import CueEntry, QuoteLexicon

VERB_TAGS = {"VERB", "AUX"}
OBJECT_DEPS = {"dobj", "acomp", "oprd"}
COPULAS = {"be", "remain", "stay", "become"}  # "is committed", "remains committed", "stays confident"


@dataclass(frozen=True)
class CueMatch:
    entry: CueEntry
    span: tuple[int, int]
    anchor: Token  # the token whose subject (or agent) is the source
    particle: Token | None = None  # the preposition of "called for", "called on"

    @property
    def act(self) -> str:
        return self.entry.act


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _subject(tok: Token) -> Token | None:
    """The subject of the verb, or of the verb it is coordinated with or a complement of."""
    for _ in range(3):
        found = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if found is not None or tok.dep_ not in {"conj", "xcomp"}:
            return found
        tok = tok.head
    return None


def _is_evidence(subject: Token | None, lexicon: QuoteLexicon) -> bool:
    return subject is not None and (subject.lemma_.lower() in lexicon.evidence_sources or subject.lower_ in lexicon.evidence_sources)


def _negated(entry: CueEntry, tok: Token) -> CueEntry:
    """"doesn't expect", "does not believe": a negated belief doubts its content."""
    if entry.cue_class == "belief" and entry.stance == "asserts" and any(c.dep_ == "neg" for c in tok.children):
        return replace(entry, stance="doubts")
    return entry


def _lemma(tok: Token, lexicon: QuoteLexicon) -> str:
    """The verb's lemma, mended when the lemmatiser strips an "-es" it should not ("hopes" -> "hop"): an
    unknown lemma whose third-person or past form minus its ending is a cue verb is taken to be that verb."""
    lemma = tok.lemma_.lower()
    if lemma in lexicon.verbs or lemma in lexicon.evidence_verbs:
        return lemma
    ending = {"VBZ": "s", "VBD": "d", "VBN": "d"}.get(tok.tag_)
    mended = tok.lower_[: -len(ending)] if ending and tok.lower_.endswith(ending) else None
    return mended if mended in lexicon.verbs else lemma


def _verb_cue(tok: Token, lexicon: QuoteLexicon) -> CueMatch | None:
    lemma = _lemma(tok, lexicon)
    for child in tok.children:
        entry = lexicon.light_verbs.get((lemma, child.lemma_.lower())) if child.dep_ in OBJECT_DEPS else None
        if entry:
            return CueMatch(entry, (min(tok.idx, child.idx), max(_end(tok), _end(child))), tok)
    for child in tok.children:
        if child.dep_ not in {"prep", "prt"} or not 0 < child.i - tok.i <= 3:
            continue
        entry = lexicon.particle_verbs.get((lemma, child.lower_))
        between = tok.doc[child.i - 1] if child.i - tok.i == 2 else None  # "look forward to": an adverb inside the cue
        if entry is None and between is not None and between.head.i == tok.i:
            entry = lexicon.particle_verbs.get((lemma, between.lower_, child.lower_))
        if entry:
            return CueMatch(entry, (tok.idx, _end(child)), tok, child)
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.dep_ == "mark" and after.head.head.i == tok.i and after.head.i > after.i:
        entry = lexicon.particle_verbs.get((lemma, after.lower_))  # "called for his death to be investigated": "for" parsed as the clause's mark
        if entry:
            return CueMatch(entry, (tok.idx, _end(after)), tok, after)
    evidence = lexicon.evidence_verbs.get(lemma)
    entry = lexicon.verbs.get(lemma)
    if evidence is not None and (entry is None or _is_evidence(_subject(tok), lexicon)):
        if not _is_evidence(_subject(tok), lexicon) and not (_subject(tok) is not None and _subject(tok).ent_type_ == "ORG"):
            return None  # "this shows", "the video shows": a verb of evidence needs a document or figures as its subject
        entry = evidence
    if entry is None or (lemma == "say" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)):
        return None
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if passive and entry.cue_class != "speech" and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "is expected to", "was known as": no one holds the belief or the judgement
    particle = next((c for c in tok.rights if c.dep_ == "prt" and c.i == tok.i + 1), None)
    return CueMatch(_negated(entry, tok), (tok.idx, _end(particle or tok)), tok)


def to_gerund(tok: Token) -> Token | None:
    """The gerund of "committed to delivering aid": a "to" preposition right after the cue whose object is a verb."""
    to = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if to is not None else None


def _adjective_cue(tok: Token, lexicon: QuoteLexicon) -> CueMatch | None:
    """"is confident that", "were concerned that", "remains committed to": the copula's subject holds the belief
    or the intention."""
    entry = lexicon.adjectives.get(tok.lemma_.lower()) or lexicon.adjectives.get(tok.lower_)  # "committed" is often tagged a participle
    if entry is None or tok.dep_ != "acomp" or tok.head.lemma_.lower() not in COPULAS:
        return None
    copula = tok.head
    clause = any(c.dep_ in {"ccomp", "xcomp"} for c in (*tok.children, *copula.children) if c.i > tok.i)
    if not clause and not (entry.cue_class == "intention" and to_gerund(tok) is not None):
        return None
    entry = replace(entry, stance="doubts") if any(c.dep_ == "neg" for c in copula.children) and entry.stance == "asserts" else entry
    return CueMatch(entry, (min(copula.idx, tok.idx), _end(tok)), copula)


def cue_at(tok: Token, lexicon: QuoteLexicon) -> CueMatch | None:
    """The cue the token starts or heads, if any."""
    if tok.pos_ == "ADJ" or tok.dep_ == "acomp":  # "is confident that", "are committed to" (a participle as adjective)
        found = _adjective_cue(tok, lexicon)
        if found is not None:
            return found
    if tok.pos_ in VERB_TAGS or tok.tag_.startswith("VB"):
        found = _verb_cue(tok, lexicon)
        if found is not None:
            return found
    for words, entry in lexicon.source_phrases.items():
        if tok.lower_ == words[0] and tok.i + len(words) <= len(tok.doc):
            run = tok.doc[tok.i : tok.i + len(words)]
            if [t.lower_ for t in run] == list(words):
                return CueMatch(entry, (run.start_char, run.end_char), tok)
    return None
