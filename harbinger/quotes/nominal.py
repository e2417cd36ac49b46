"""Nominal cues: a noun that carries an attribution ("Russia's claim that …", "the assertion by officials
that …", "the administration's plan to …", "Her position is that …").

The content is the noun's "that" clause or infinitive, or what the copula says the noun is. The source is
the noun's possessor, its "by"/"of"/"from" phrase, a nationality or organisation modifying it ("the Russian
claim"), or the subject of a verb that makes the noun ("Moscow issued a warning that …"); with none of
those the noun names no one ("rejected the claim that …") and no attribution is returned.
"""

from __future__ import annotations

from spacy.tokens import Token

from harbinger.quotes.content import clause_span, infinitive_span, trim_span
from harbinger.quotes.index import Candidate, TextIndex, np_span, speaker_of
from harbinger.quotes.lexicon import QuoteLexicon

SOURCE_PREPS = {"by", "of", "from"}
SOURCE_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def _clause_of(noun: Token) -> tuple[Token, str] | None:
    """The noun's content clause: "claim that …" (a clause with "that"), "plan to …" (an infinitive)."""
    for child in noun.children:
        if child.dep_ not in {"acl", "ccomp", "relcl"} or child.i < noun.i:
            continue
        marks = [m for m in child.children if m.dep_ == "mark" and m.lower_ in {"that", "whether"}]
        if marks and (child.dep_ != "relcl" or marks[0].i == noun.i + 1):
            return child, "clause"
        if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" and c.i == noun.i + 1 for c in child.children):
            return child, "infinitive"
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":  # "X's position is that …"
        clause = next((c for c in noun.head.children if c.dep_ in {"ccomp", "attr"} and c.i > noun.i and c.pos_ in {"VERB", "AUX"}), None)
        if clause is not None:
            return clause, "clause"
    return None


def _prep_content(noun: Token, preps: tuple[str, ...]) -> tuple[int, int] | None:
    """The complement after the noun's own preposition, without it: "announcement of [new awards]", "call for
    [the PRC to end …]" (the parser often hangs that "for" clause on the verb; it still follows the noun)."""
    by = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    after = [noun.doc[noun.i + 1]] if noun.i + 1 < len(noun.doc) else []
    # right after the noun, or after its "by" phrase ("the announcement by Mali's government of [a timetable]")
    prep = next((c for c in (*after, *(c for o in by for c in o.children if c.dep_ == "prep")) if c.lower_ in preps and c.i > noun.i), None)
    if prep is None:
        return None
    head = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep.dep_ == "prep" else prep.head
    if head is None or head.i <= prep.i or head.ent_type_ in SOURCE_ENTS:
        return None  # "the plan of the government": an "of" naming who is the source, not the content
    return prep.i + 1, head.right_edge.i + 1


def _source_of(noun: Token, lexicon: QuoteLexicon, text: str) -> tuple[Token | None, Token | None]:
    """The source: the possessor, a by/of/from phrase, a nationality or organisation modifying the noun, or the
    subject of a verb that makes the noun ("issued a statement", "declared intent"; that verb is returned too)."""
    found = _own_source(noun, lexicon)
    if found is not None:
        return found, None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.noun_makers:
        return speaker_of(noun.head, lexicon, text), noun.head
    return None, None


def _own_source(noun: Token, lexicon: QuoteLexicon) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS and child.i > noun.i:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None and (child.lower_ == "by" or obj.ent_type_ in SOURCE_ENTS or obj.lemma_.lower() in lexicon.anonymous_sources):
                return obj
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i and child.ent_type_ in SOURCE_ENTS:
            return child
    return None


def nominal_candidate(index: TextIndex, lexicon: QuoteLexicon, noun: Token) -> Candidate | None:
    entry = lexicon.nominal.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if entry is None:
        return None
    found = _clause_of(noun)
    cue = (noun.idx, noun.idx + len(noun.text))  # the noun alone: a verb making it ("declared intent") is a cue of its own
    if found is not None:
        clause, how = found
        span = infinitive_span(index.text, clause) if how == "infinitive" else clause_span(index.text, index.quoted, clause, tokens_in=index.tokens_in)
    else:
        tokens = _prep_content(noun, entry.preps)
        if tokens is None:
            return None
        how, span = "object", trim_span(index.text, noun.doc[tokens[0]].idx, noun.doc[tokens[1] - 1].idx + len(noun.doc[tokens[1] - 1].text))
        if noun.doc[noun.i + 1].lower_ == "for":  # "call for": the preposition belongs to the cue
            cue = (noun.idx, noun.doc[noun.i + 1].idx + 3)
    source, maker = _source_of(noun, lexicon, index.text)
    if span is None or source is None:
        return None
    if maker is not None and maker.i < noun.i and (maker.lemma_.lower(), noun.lemma_.lower()) in lexicon.light_verbs:
        cue = (maker.idx, cue[1])  # "issued a statement that": a light verb is one cue with its noun
    speaker = np_span(source)
    if how == "object" and speaker[0] < span[0] < speaker[1]:  # "by Mali's government [of a timetable]": the content's "of" ends the source
        speaker = trim_span(index.text, speaker[0], noun.doc[tokens[0] - 1].idx) or speaker
    if speaker[0] < span[1] and span[0] < speaker[1]:
        return None
    kind = "mixed" if any(span[0] <= q[0] and q[1] <= span[1] for q in index.quoted) else "indirect"
    to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None) if how == "infinitive" else None
    parc = ((to.idx, span[1]),) if to is not None else None  # "plans [to visit Kyiv]": PARC keeps the infinitive's "to"
    return Candidate(kind, (span,), cue, noun.i, entry.act, speaker, source.i, None, "nominal", entry.cue_class, entry.stance, parc)
