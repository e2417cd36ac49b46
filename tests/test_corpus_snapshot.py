"""The default pipeline's output on the bundled sample corpus is what the stored fingerprints say.

A refactoring must leave every (article, layer) fingerprint as it was; a change
meant to alter output regenerates them with ``scripts/corpus_snapshot.py --write``
in the same commit, so the change in behaviour is visible in review.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "corpus_snapshot.py"


def _snapshot_module():
    spec = importlib.util.spec_from_file_location("corpus_snapshot", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_corpus_snapshot_output_is_unchanged():
    snapshot = _snapshot_module()
    expected = json.loads(snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    found = snapshot.fingerprints(snapshot.corpus_layers())
    assert len(found) == len(expected) == 294
    assert snapshot.differences(expected, found) == []


def test_corpus_snapshot_differences_name_article_and_layer():
    snapshot = _snapshot_module()
    old = {"a": {"events": "1", "places": "2"}, "b": {"events": "3"}}
    new = {"a": {"events": "1", "places": "9"}, "c": {"events": "3"}}
    assert snapshot.differences(old, new) == ["a: layer 'places' differs", "b: missing article", "c: new article"]
