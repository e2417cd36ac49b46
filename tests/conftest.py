"""Shared fixtures: the real spaCy pipeline (loaded once per test session) and sample paths."""

from __future__ import annotations

from pathlib import Path

import pytest

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
