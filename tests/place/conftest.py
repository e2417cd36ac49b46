"""Fixtures for the place stage: one pipeline with the stage, built once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp_place():
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["place"])


@pytest.fixture(scope="session")
def annotate(nlp_place):
    """Run the place stage on a text (optionally with a dateline "CITY —" in front) and return the Doc."""
    from harbinger.models import Article, Span
    from harbinger.pipeline import process

    def run(text: str, dateline: str | None = None):
        if dateline:
            head = f"{dateline} — "
            article = Article.create(head + text, None, body_start=len(head), dateline=Span(0, len(dateline), dateline))
        else:
            article = Article.create(text, None)
        (doc,) = list(process(nlp_place, [article]))
        return doc

    return run


@pytest.fixture(scope="session")
def place_component(nlp_place):
    return nlp_place.get_pipe("place")


@pytest.fixture(scope="session")
def seed_doc(nlp_place, seed_article):
    from harbinger.pipeline import process

    (doc,) = list(process(nlp_place, [seed_article]))
    return doc


def place_named(doc, text: str, role: str | None = None):
    for place in doc._.places:
        if place.text == text and (role is None or place.role == role):
            return place
    raise AssertionError(f"no place {text!r} in {[p.text for p in doc._.places]}")
