"""Read the parse around a time expression: the word it attaches to, and which way that word's tense points.

The governor is the token a time expression modifies ("said" in "said Sunday",
"meet" in "due to meet ... on Monday"), found through the dependency parse,
skipping the preposition. The direction is "past", "future" or None, from
the governing verb's tense, its auxiliaries ("will"), and verbs of planning
above it ("due to", "scheduled to"); cue words come from the lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from harbinger.time.lexicon import Lexicon
from harbinger.time.normaliser import FUTURE, PAST

_VERBAL = {"VERB", "AUX"}
_PREPOSITIONS = {"ADP", "SCONJ"}
_PAST_TAGS = {"VBD"}
_PRESENT_TAGS = {"VBZ", "VBP"}


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of the character span whose head lies outside it (the span's syntactic root)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def governor(doc: Doc, start: int, end: int) -> Token | None:
    """The token the expression attaches to, through a preposition if there is one; None for a sentence root."""
    root = span_root(doc, start, end)
    if root is None or root.head is root:
        return None
    head = root.head
    if head.pos_ in _PREPOSITIONS and head.head is not head:
        head = head.head
    return head


def preposition(doc: Doc, start: int, end: int) -> str | None:
    """The preposition the expression hangs from ("since" in "since Thursday"), lower-cased, if any."""
    root = span_root(doc, start, end)
    if root is None or root.head is root or root.head.pos_ not in _PREPOSITIONS:
        return None
    return root.head.lower_


def _future_marked(verb: Token, lex: Lexicon, raised: bool) -> bool:
    """Will/shall, or a verb of planning that looks ahead: "due to", "scheduled to" (``raised``: we came up to it
    from its infinitive), "is scheduled for", and a participle after its noun ("the debate scheduled for
    November 20"). "set himself on fire" is no plan."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_.lstrip("'") in lex.future_auxiliaries for a in auxiliaries):
        return True
    if verb.lemma_.lower() not in lex.future_lemmas and verb.lower_ not in lex.future_lemmas:
        return False
    reduced_relative = verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxiliaries
    return raised or reduced_relative or verb.pos_ == "ADJ" or any(a.tag_ in _PRESENT_TAGS for a in auxiliaries)


def direction(gov: Token | None, lex: Lexicon, depth: int = 0) -> str | None:
    """Which way the clause points: "future" if marked for it (will, due to, scheduled to, present-tense plans),
    "past" for past tense or a present-tense report ("says Sunday"), None when the parse says nothing."""
    if gov is None:
        return None
    verb, walked = gov, False
    for _ in range(3):  # from a noun ("talks on Monday") up to its verb
        if verb.pos_ in _VERBAL or verb.head is verb:
            break
        if verb.lemma_.lower() in lex.future_lemmas:
            return FUTURE
        verb, walked = verb.head, True
    if walked and verb.lemma_.lower() in lex.reporting_lemmas:
        return None  # "announced the April summit": the report's tense does not date what it reports
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp", "conj") and chain[-1].head is not chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)  # "due to meet", "plans to visit", "is going to announce"
    if any(_future_marked(v, lex, raised=i > 0) for i, v in enumerate(chain)):
        return FUTURE
    if any(v.lemma_ == "go" and v.tag_ == "VBG" and v is not verb for v in chain):
        return FUTURE
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    tags = {a.tag_ for a in auxiliaries} | {verb.tag_}
    if tags & _PAST_TAGS or any(a.lemma_ == "have" for a in auxiliaries) or (verb.tag_ == "VBN" and "MD" not in tags):
        return PAST
    if verb.tag_ == "VBG" and not auxiliaries:  # a participle ("despite winning ... in March") takes its clause's tense
        return direction(verb.head, lex, depth + 1) if verb.head is not verb and depth < 3 else None
    if tags & _PRESENT_TAGS or verb.tag_ == "VBG":
        return PAST if verb.lemma_.lower() in lex.reporting_lemmas else FUTURE
    if verb.tag_ in ("VB",) and verb.head is not verb and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        return direction(verb.head, lex, depth + 1) if verb.head.pos_ in _VERBAL and depth < 3 else None
    return None
