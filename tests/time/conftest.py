"""Fixtures for the time stage: one pipeline with the stage, loaded once per session, and a helper to run it."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def nlp_time():
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["time"])


@pytest.fixture(scope="session")
def annotate(nlp_time):
    """Run the pipeline with the time stage over a text dated ``dct`` (an ISO string or None)."""
    from harbinger.models import Article
    from harbinger.pipeline import process

    def run(text: str, dct: str | None):
        article = Article.create(text, date.fromisoformat(dct) if dct else None)
        (doc,) = list(process(nlp_time, [article]))
        return doc

    return run
