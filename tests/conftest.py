"""Shared fixtures: the real spaCy pipeline (loaded once per test session) and sample paths."""

from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import settings

# Fuzz tests run the same examples every time (CI must not pass or fail by luck);
# HYPOTHESIS_PROFILE=explore searches new ones.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SEED = SAMPLES / "000_da7157861fa62668.txt"
CORPUS = SAMPLES / "wikinews_en.jsonl.gz"
GOLD = ROOT / "data" / "gold"


@pytest.fixture(scope="session")
def nlp_base():
    """The English pipeline with no Harbinger stages; tests that add stages build their own."""
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=[])


@pytest.fixture(scope="session")
def seed_article():
    from harbinger.readers import read_paths

    (article,) = list(read_paths([str(SEED)]))
    return article


@pytest.fixture(scope="session")
def nlp_full():
    """The English pipeline with every default Harbinger stage (loaded once per session)."""
    from harbinger.pipeline import load_nlp

    return load_nlp()


def corpus_lines(count: int, start: int = 0) -> list[str]:
    """JSON lines of the bundled Wikinews sample, for tests that need real articles."""
    import gzip

    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    return lines[start : start + count]
