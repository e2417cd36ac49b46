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
from harbinger.time.lexicon import Lexicon

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
    """A capitalised match that is only part of a longer non-time name: "Great Orchestra of Christmas Charity".
    A fiscal year is a time even inside a name ("the Fiscal Year 2023 President's Budget")."""
    if not text[parsed.start : parsed.start + 1].isupper() or parsed.rule == "fiscal_year":
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


def _a_newspaper(doc: Doc, text: str, parsed: Parsed, grammar: Grammar) -> bool:
    """ "daily" before a name ("the Greek daily Kathimerini", "source Daily Xtra") is a newspaper, not a frequency.
    Only papers' words ("daily", "weekly"): "advance monthly Child Tax Credit payments" is a frequency, and so is
    a heading's "An Increase in Weekly Vaccine Supply" (a capitalised one straight after a preposition)."""
    word = text[parsed.start : parsed.end]
    if parsed.rule != "set_adverb" or word.lower() not in grammar.lexicon.newspaper_words:
        return False
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None:
        return True
    following = span[-1].nbor(1) if span[-1].i + 1 < len(doc) else None
    previous = span[0].nbor(-1) if span[0].i > 0 else None
    if not word.islower() and previous is not None and previous.pos_ == "ADP":
        return False
    return following is not None and following.pos_ == "PROPN"


_RATE_TAGS = {"NNS", "NNPS", "CD"}


def _as_rate(doc: Doc, parsed: Parsed, lex: Lexicon) -> Parsed:
    """ "$800 a month", "shots a day", "5% a year": a rate, which TimeML tags as a SET (P1M), not a duration.
    Told apart by what comes before "a": an amount of money, a percentage or a counted plural noun."""
    if parsed.rule != "duration" or parsed.parts.get("num", "").lower() not in ("a", "an") or parsed.parts.get("dmod"):
        return parsed
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return parsed
    before, after = doc[span.start - 1], doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in lex.before_words | lex.after_words:
        return parsed  # "people a day after the attack": a length of time before a point
    if before.ent_type_ in ("MONEY", "PERCENT") or before.tag_ in _RATE_TAGS and before.pos_ != "PRON":
        return Parsed("set_rate", parsed.start, parsed.end, parsed.parts)
    return parsed


def find(doc: Doc, grammar: Grammar | None = None, text: str | None = None) -> list[Parsed]:
    """Time expressions in the document body, in order, none overlapping."""
    body_start = doc._.article.body_start if doc._.article is not None else 0
    text = doc.text if text is None else text  # doc.text is rebuilt on every access: read it once
    found = []
    grammar = grammar or load_grammar()
    for parsed in scan(text, grammar):
        if parsed.start < body_start or _looks_like_title(text, parsed) or _counted_number(doc, text, parsed):
            continue
        if _inside_a_name(doc, text, parsed) or _a_newspaper(doc, text, parsed, grammar):
            continue
        found.append(_as_rate(doc, parsed, grammar.lexicon))
    return found
