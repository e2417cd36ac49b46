"""Fixtures for the event coder tests: the real English pipeline with the events stage (and the others when present)."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.models import Article


@pytest.fixture(scope="session")
def nlp_events():
    """Only the events stage: the coder must work without actors, time and place (codes null, DCT dates)."""
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["events"])


@pytest.fixture(scope="session")
def nlp_full():
    """Every registered stage up to events, as `harbinger eval` runs them."""
    from harbinger import stages
    from harbinger.pipeline import load_nlp
    from harbinger.registry import stages as registry

    stages.load_stage_modules()
    wanted = [name for name in ("time", "place", "actors", "quotes", "events") if name in registry.names()]
    return load_nlp(stage_names=wanted)


@pytest.fixture(scope="session")
def code():
    """Code one text (DCT 2022-01-09) with the events-only pipeline and return its event dicts."""
    cache: dict[str, list[dict]] = {}

    def run(nlp, text: str) -> list[dict]:
        if text not in cache:
            from harbinger.pipeline import process

            (doc,) = list(process(nlp, [Article.create(text, date(2022, 1, 9))]))
            cache[text] = [e.to_dict() for e in doc._.events]
        return cache[text]

    return run


def on_trigger(events: list[dict], trigger: str) -> list[dict]:
    """The events whose trigger word is ``trigger``."""
    return [e for e in events if e["evidence"]["trigger_text"] == trigger]
