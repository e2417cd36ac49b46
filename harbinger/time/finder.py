"""Find the time expressions in an annotated document: grammar matches, checked against spaCy's entities.

Reads ``doc.text`` from the article's body on and spaCy's entity labels; adds
nothing to the doc. Returns :class:`~harbinger.time.grammar.Parsed` spans in
text order. The grammar proposes; the entity labels veto a bare number spaCy
reads as a count or an amount ("2019 people", "$1,500"), and a capitalised
phrase straight after a quote mark is a title (ABC's "This Week"), not a time.
Deciding what a span means is the normaliser's job.
"""

from __future__ import annotations

from spacy.tokens import Doc

from harbinger.time.grammar import Grammar, Parsed, load_grammar, scan

_NUMERIC_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}
_QUOTES = "\"“‘'"
_TIME_LABELS = {"DATE", "TIME"}


def _looks_like_title(text: str, parsed: Parsed) -> bool:
    before = text[max(0, parsed.start - 1) : parsed.start]
    words = text[parsed.start : parsed.end].split()
    return bool(before) and before in _QUOTES and len(words) > 1 and all(w[:1].isupper() for w in words)


def _counted_number(doc: Doc, text: str, parsed: Parsed) -> bool:
    if parsed.rule != "year":
        return False
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None:
        return True
    year_token = next((t for t in span if t.text == parsed.parts["year"]), span[-1])
    previous = text[max(0, parsed.start - 1) : parsed.start]
    return year_token.ent_type_ in _NUMERIC_LABELS or previous in "$€£#"


def _inside_a_name(doc: Doc, text: str, parsed: Parsed) -> bool:
    """A capitalised match that is only part of a longer non-time name: "Great Orchestra of Christmas Charity"."""
    if not text[parsed.start : parsed.start + 1].isupper():
        return False
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.ent_type_ and token.ent_type_ not in _TIME_LABELS:
            ent = next(e for e in doc.ents if e.start <= token.i < e.end)
            if ent.start_char < parsed.start or ent.end_char > parsed.end:
                return True
    return False


def _a_newspaper(doc: Doc, parsed: Parsed) -> bool:
    """ "daily" before a name ("the Greek daily Kathimerini") is a newspaper, not a frequency."""
    if parsed.rule != "set_adverb":
        return False
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None:
        return True
    following = span[-1].nbor(1) if span[-1].i + 1 < len(doc) else None
    return following is not None and following.pos_ == "PROPN"


def find(doc: Doc, grammar: Grammar | None = None, text: str | None = None) -> list[Parsed]:
    """Time expressions in the document body, in order, none overlapping."""
    body_start = doc._.article.body_start if doc._.article is not None else 0
    text = doc.text if text is None else text  # doc.text is rebuilt on every access: read it once
    found = []
    for parsed in scan(text, grammar or load_grammar()):
        if parsed.start < body_start or _looks_like_title(text, parsed) or _counted_number(doc, text, parsed):
            continue
        if _inside_a_name(doc, text, parsed) or _a_newspaper(doc, parsed):
            continue
        found.append(parsed)
    return found
