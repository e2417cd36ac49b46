"""Fixtures for the actors tests: one pipeline with the actors stage, and a helper that codes a text on a date."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.models import Article
from harbinger.pipeline import load_nlp, process


@pytest.fixture(scope="session")
def nlp_actors():
    return load_nlp(stage_names=["actors"])


@pytest.fixture(scope="session")
def annotate_text(nlp_actors):
    def run(text: str, day: date | None = date(2022, 1, 9), nlp=None):
        (doc,) = list(process(nlp or nlp_actors, [Article.create(text, day)]))
        return doc

    return run


@pytest.fixture(scope="session")
def mention():
    """Find the first actor mention whose text is ``text`` (or ends with it)."""

    def find(doc, text: str):
        return next(m for m in doc._.actors if m.text == text or m.text.endswith(text))

    return find
