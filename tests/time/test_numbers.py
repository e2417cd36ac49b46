"""Spelled-out numbers and years: what the words are worth."""

from __future__ import annotations

import pytest

from harbinger.time.lexicon import load_lexicon
from harbinger.time.numbers import compound_number_value, spelled_year_value

LEX = load_lexicon()


@pytest.mark.parametrize("words, expected", [("twenty-three", 23), ("twenty three", 23), ("ninety", 90), ("eleven", 11), ("twenty-ten", None)])
def test_compound_number_value(words, expected):
    assert compound_number_value(words, LEX) == expected


@pytest.mark.parametrize(
    "words, expected",
    [
        ("nineteen ninety-one", 1991),
        ("nineteen eighty four", 1984),
        ("twenty nineteen", 2019),
        ("two thousand and nine", 2009),
        ("two thousand", 2000),
        ("nineteen oh five", 1905),
        ("nineteen", None),
        ("two thousand apples", None),
    ],
)
def test_spelled_year_value(words, expected):
    assert spelled_year_value(words, LEX) == expected
