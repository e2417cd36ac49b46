"""Attributions a line's layout makes rather than a verb: "Name: words" (interviews, transcripts, reader
comments, headlines of the form "X: …") and a quote signed underneath or after it with a dash ("― Jane Doe").

The colon or the dash is the cue. A label is a speaker only when it names a person (the entity
recogniser says so) or is set in capitals as transcripts set speakers ("THE PRESIDENT:", "MR. KIRBY:");
headings ("Note:", "Fact Sheet:"), places ("Kenya: $5 million …") and organisations in fact-sheet lists
are not speakers (``line_speakers`` in ``cues.json``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from harbinger.quotes.index import Candidate, TextIndex
from harbinger.quotes.marks import CLOSERS, STRAIGHT

LINE = re.compile(r"^[ \t]*(?P<label>[^\n:\"“”]{1,80}?)[ \t]*(?P<colon>:)[ \t]+(?P<rest>[^\n]*\S)", re.MULTILINE)
BYLINE = re.compile(r"[ \t]*\n?[ \t]*(?P<dash>[―—–]|--?)[ \t]*(?P<name>[A-Z][^\n,;()\"“”]{1,60}?)[ \t]*(?:[,(][^\n]*)?$", re.MULTILINE)
NAME_PARTICLES = {"of", "the", "de", "del", "la", "al", "van", "von", "bin", "da", "le", "mr.", "mrs.", "ms.", "dr."}
MIN_CONTENT_WORDS = 3


def _label_words(label: str) -> list[str]:
    return [w.strip(".,'’").lower() for w in label.split()]


def _is_speaker(tokens: list[Token], label: str, lexicon, allow_caps: bool) -> bool:
    names = _label_words(label)
    if not tokens or len(names) > lexicon.line_speaker_words or any(w in lexicon.not_line_speakers for w in names):
        return False
    if any(ch.isdigit() for ch in label) or not label[:1].isupper():
        return False
    if not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or not t.is_alpha for t in tokens):
        return False
    person = any(t.ent_type_ == "PERSON" for t in tokens) and not any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    capitals = allow_caps and any(t.is_alpha for t in tokens) and all(t.text.isupper() or not t.is_alpha for t in tokens)
    place = all(t.ent_type_ in {"GPE", "LOC"} for t in tokens if t.is_alpha)
    return (person or capitals) and not place


def _head(tokens: list[Token]) -> Token:
    return next(t for t in reversed(tokens) if t.is_alpha)


def _content(index: TextIndex, start: int, end: int) -> tuple[int, int]:
    """The words after the colon; a line that is one quotation gives the words inside its marks."""
    for q_start, q_end in index.quoted:
        if q_start - 1 <= start + 1 and q_start <= end and end <= q_end + 2 and q_start >= start:
            return q_start, q_end
    return start, end


def line_candidates(index: TextIndex, lexicon, body_start: int) -> list[Candidate]:
    found = []
    for match in LINE.finditer(index.text, body_start):
        label_start, label_end = match.span("label")
        tokens = [t for t in index.tokens_in(label_start, label_end) if not t.is_space]
        if not _is_speaker(tokens, match.group("label"), lexicon, allow_caps=True):
            continue
        content = _content(index, *match.span("rest"))
        if len(index.text[content[0] : content[1]].split()) < MIN_CONTENT_WORDS:
            continue
        speaker = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        found.append(Candidate("direct", (content,), match.span("colon"), None, "assert", speaker, _head(tokens).i, None, "line"))
    return found


def byline_candidate(index: TextIndex, lexicon, span: tuple[int, int]) -> Candidate | None:
    """A quote standing on its own line and signed with a dash after it ('"…" ― Jane Doe')."""
    text = index.text
    line_start = text.rfind("\n", 0, span[0]) + 1
    if text[line_start : span[0]].strip() not in {"", "\"", "“", "«", "„"}:
        return None
    close = span[1]
    while close < len(text) and text[close] in " \t":
        close += 1
    if close >= len(text) or text[close] not in CLOSERS + STRAIGHT:
        return None
    match = BYLINE.match(text, close + 1)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    tokens = [t for t in index.tokens_in(name_start, name_end) if not t.is_space]
    if not _is_speaker(tokens, match.group("name"), lexicon, allow_caps=False):
        return None
    speaker = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    return Candidate("direct", (span,), match.span("dash"), None, "assert", speaker, _head(tokens).i, None, "byline")
