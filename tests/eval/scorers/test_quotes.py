"""Accuracy floors for the quotes scorer: a little below the figures measured when the stage was written."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

SEED_FLOORS = {
    "seed quotes (content overlap + speaker)": 0.99,
    "seed quote venues": 0.99,
    "seed claims (overlap + holder + stance)": 0.99,
    "seed denial links": 0.99,
}
WIKINEWS_FLOORS = {  # measured 2026-11-25: see the quotes stage's report
    "wikinews content overlap": 0.90,
    "wikinews cue exact": 0.87,
    "wikinews speaker overlap": 0.85,
    "wikinews speaker exact": 0.77,
}


@pytest.fixture(scope="module")
def nlp():
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["time", "actors", "quotes"])


@pytest.mark.slow
@pytest.mark.parametrize("gold, floors", [("data/gold/seed.gold.json", SEED_FLOORS), ("tests/data/quotes_wikinews.jsonl", WIKINEWS_FLOORS)])
def test_scorer_meets_floor(nlp, gold, floors):
    from harbinger.eval import evaluate

    rows = {row.metric: row for row in evaluate(ROOT / gold, nlp, only=["quotes"])}
    for metric, floor in floors.items():
        assert rows[metric].f1 is not None and rows[metric].f1 >= floor, (metric, rows[metric].to_dict())


def test_gold_set_has_enough_attributions():
    import json

    records = [json.loads(line) for line in (ROOT / "tests/data/quotes_wikinews.jsonl").read_text().splitlines() if line.strip()]
    items = [e for r in records for e in r["expected"]]
    assert len(items) >= 80
    assert {e["kind"] for e in items} == {"direct", "indirect", "mixed"}
    assert sum(e["speaker_text"].lower() in {"he", "she", "they", "it", "you"} for e in items) >= 10
    for record in records:
        for item in record["expected"]:
            start, end = item["speaker"]
            assert record["text"][start:end] == item["speaker_text"]
