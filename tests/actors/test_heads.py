"""The actors stage's head test (harbinger/actors/heads.py): which uncoded words can be actors or make an event political."""

from __future__ import annotations

import dataclasses

import pytest

from harbinger.actors.heads import ActorTest, is_political, load_head_words


def test_load_head_words_every_list_is_filled_and_lower_case():
    words = load_head_words()
    for field in dataclasses.fields(words):
        values = getattr(words, field.name)
        assert values and all(w == w.lower() for w in values), field.name


@pytest.mark.parametrize(
    ("text", "word", "actor", "political"),
    [
        ("Palestinian youths threw stones.", "youths", True, True),
        ("The protesters marched on parliament.", "protesters", True, True),
        ("The users complained about the update.", "users", False, False),
        ("He said it would rain.", "He", True, False),
    ],
)
def test_actor_test_and_is_political_on_parsed_words(nlp_base, text, word, actor, political):
    doc = nlp_base(text)
    token = next(t for t in doc if t.text == word)
    assert ActorTest(set())(token) is actor
    assert is_political(token, set()) is political
