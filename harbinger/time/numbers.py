"""Spelled-out numbers and years: the patterns that find them and the values they read as.

The grammar builds its number and year alternations here, so "twenty three
years" is one duration (P23Y, not "three years") and "nineteen ninety-one" a
year (1991). Word lists come from the lexicon; only the arithmetic of
composing tens, units and centuries lives in code.
"""

from __future__ import annotations

import re

from harbinger.time.lexicon import Lexicon


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def compound_number_pattern(lex: Lexicon) -> str:
    """ "twenty-three", "twenty three", "forty": tens with an optional unit word."""
    return rf"(?:(?:{_alternation(lex.number_tens)})(?:[\s-](?:{_alternation(lex.number_ones)}))?)"


def spelled_year_pattern(lex: Lexicon) -> str:
    """ "nineteen ninety-one", "twenty nineteen", "two thousand and nineteen": a year in words."""
    two_digits = rf"(?:{compound_number_pattern(lex)}|{_alternation(lex.teens)}|oh[\s-](?:{_alternation(lex.number_ones)}))"
    return rf"(?:(?:{_alternation(lex.year_centuries)})\s+{two_digits}|two\s+thousand(?:\s+and)?(?:\s+(?:{two_digits}|{_alternation(lex.number_ones)}))?)"


def _words(text: str) -> list[str]:
    return re.split(r"[\s-]+", text.lower().strip())


def two_digit_value(words: list[str], lex: Lexicon) -> int | None:
    """The value of one to two words naming 0-99 ("ninety one", "oh five", "eleven"), else None."""
    if len(words) == 2 and words[0] == "oh" and words[1] in lex.number_ones:
        return lex.number_ones[words[1]]
    if len(words) == 1:
        word = words[0]
        for table in (lex.number_ones, lex.teens, lex.number_tens):
            if word in table:
                return table[word]
        return None
    if len(words) == 2 and words[0] in lex.number_tens and words[1] in lex.number_ones:
        return lex.number_tens[words[0]] + lex.number_ones[words[1]]
    return None


def compound_number_value(text: str, lex: Lexicon) -> int | None:
    """ "twenty-three" → 23; None for anything that is not tens plus an optional unit."""
    return two_digit_value(_words(text), lex)


def spelled_year_value(text: str, lex: Lexicon) -> int | None:
    """ "nineteen ninety-one" → 1991, "two thousand and nine" → 2009; None when the words make no year."""
    words = [w for w in _words(text) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = two_digit_value(words[2:], lex) if words[2:] else 0
        return None if rest is None else 2000 + rest
    if words and words[0] in lex.year_centuries:
        rest = two_digit_value(words[1:], lex)
        return None if rest is None else lex.year_centuries[words[0]] * 100 + rest
    return None
