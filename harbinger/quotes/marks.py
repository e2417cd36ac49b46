"""Find quoted stretches of text by their quotation marks, across sentences and paragraphs.

Straight and curly double quotes and guillemets are paired in reading order.
A quote left open at a paragraph's end continues when the next paragraph opens
with a quotation mark (the newswire convention for long quotes); otherwise the
stray mark is dropped. Single quotes are not paired here: they double as
apostrophes and, in news, mark titles and nested quotes.
"""

from __future__ import annotations

import re

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
_MARKS = re.compile(r'[“”„«»"]|\n+')


def find_quoted(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Content offsets (inside the marks) of each quoted stretch in ``text[start:]``, in order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    carry_over = -1  # position of the mark that reopens a quote continued into a new paragraph
    for match in _MARKS.finditer(text, start):
        pos, mark = match.start(), match.group()
        if mark.startswith("\n"):
            if open_at is not None:
                following = len(text) - len(text[match.end() :].lstrip())
                if following < len(text) and text[following] in OPENERS + STRAIGHT:
                    carry_over = following
                else:
                    open_at = None
            continue
        if pos == carry_over:
            continue
        if open_at is None:
            if mark in OPENERS or (mark == STRAIGHT and _can_open(text, pos)):
                open_at = pos
        elif mark in CLOSERS or mark == STRAIGHT:
            content = _trim(text, open_at + 1, pos)
            if content:
                spans.append(content)
            open_at = None
        elif mark in OPENERS:  # an opener while open: the earlier mark was never closed
            open_at = pos
    return spans


def _can_open(text: str, pos: int) -> bool:
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not after.isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
