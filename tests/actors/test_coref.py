"""Pronoun and short-name coreference: chains with offsets, agreement in gender and number, subject continuity."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.eval.scorers.actors import _matched


def _chain_texts(doc, name):
    (chain,) = [c for c in doc._.actor_chains if c.name == name]
    text = doc._.article.text
    return [text[a:b] for a, b in chain.mentions], chain


def test_coref_builds_seed_blinken_chain(nlp_actors, seed_article):
    from harbinger.pipeline import process

    (doc,) = list(process(nlp_actors, [seed_article]))
    gold = [(56, 63), (76, 78), (189, 191), (492, 499), (751, 758), (1002, 1004), (1609, 1616), (1944, 1946), (1958, 1960), (2329, 2336)]
    _, chain = _chain_texts(doc, "Antony Blinken")
    assert chain.code == "USAGOV"
    assert _matched(list(chain.mentions), gold) == len(gold) == len(chain.mentions)


@pytest.mark.parametrize(
    ("text", "name", "texts"),
    [
        (
            "Secretary of State Antony Blinken met Foreign Minister Sergey Lavrov in Geneva. He said the talks were useful.",
            "Antony Blinken",
            ["Secretary of State Antony Blinken", "He"],
        ),
        (
            "Press secretary Jen Psaki spoke after Vladimir Putin called. She said the call was frank.",
            "Jen Psaki",
            ["Press secretary Jen Psaki", "She"],
        ),
        (
            "Emily Horne met John Kirby on Monday. Horne said she disagreed, and Kirby said he agreed.",
            "Emily Horne",
            ["Emily Horne", "Horne", "she"],
        ),
    ],
)
def test_coref_links_pronouns_and_short_names(annotate_text, text, name, texts):
    doc = annotate_text(text, date(2022, 1, 21))
    found, _ = _chain_texts(doc, name)
    assert found == texts


def test_coref_pronoun_carries_antecedent_code(annotate_text):
    doc = annotate_text("Secretary of State Antony Blinken arrived. He said the talks were useful.", date(2022, 1, 21))
    he = next(m for m in doc._.actors if m.text == "He")
    assert (he.code, he.name) == ("USAGOV", "Antony Blinken")
    assert he.resolved_by[0].startswith("coreference:he->")


def test_coref_leaves_pronoun_without_antecedent_unresolved(annotate_text):
    doc = annotate_text("It rained all day. He said nothing.", date(2022, 1, 21))
    he = next(m for m in doc._.actors if m.text == "He")
    assert he.code is None and he.chain is None
    assert he.resolved_by[0].startswith("unresolved:")
