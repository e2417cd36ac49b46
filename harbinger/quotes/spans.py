"""Content spans in the PARC 3.0 / PolNeAR convention, made from the finders' bare propositions.

The finders find the proposition itself ("the talks would fail"). PARC's content span also holds the
complementiser ("that the talks would fail"), the "to" of an infinitive ("to withdraw its troops") and
the quotation marks of quoted words ("“We will not retreat,”"). The stage reports the span of the
convention its ``content_spans`` setting names and always the bare proposition beside it; see
``docs/quotes.md``.
"""

from __future__ import annotations

import re

CONVENTIONS = ("parc", "proposition")
OPENING = "“„«\""
CLOSING = "”»\""
_COMPLEMENTISER = re.compile(r"\b(?:that|whether|if)\s*$", re.IGNORECASE)
_TO = re.compile(r"\bto\s*$", re.IGNORECASE)


def _widen(text: str, start: int, end: int, lead_word: re.Pattern) -> tuple[int, int]:
    """One segment widened by the marks around it, and by the "that"/"to" right before it."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before > 0 and text[before - 1] in OPENING:
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        if after < len(text) and text[after] in CLOSING:
            return before - 1, after + 1  # the quotation marks of a quoted stretch
        return before - 1, end
    if text[start:end].count("\"") % 2 == 1 or text[start:end].count("“") > text[start:end].count("”"):
        after = end  # a clause that ends in quoted words: "said the plan was “a betrayal”"
        while after < len(text) and text[after] in " \t.,":
            after += 1
        if after < len(text) and text[after] in CLOSING:
            end = after + 1
    lead = lead_word.search(text, max(0, start - 12), start)
    if lead is not None and text[lead.end() : start].strip() == "":
        return lead.start(), end
    return start, end


def parc_segments(text: str, segments: tuple[tuple[int, int], ...], via: str) -> tuple[tuple[int, int], ...]:
    """The PARC segments of a candidate: ``via`` says whether its content is an infinitive (then "to" leads it)."""
    lead_word = _TO if via == "infinitive" else _COMPLEMENTISER
    return tuple(_widen(text, start, end, lead_word) for start, end in segments)
