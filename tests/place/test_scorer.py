"""The place scorer on the seed gold and the hand-checked Wikinews places, with accuracy floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from harbinger.eval import evaluate

ROOT = Path(__file__).resolve().parents[2]
PLACE_GOLD = ROOT / "tests" / "data" / "place_wikinews.jsonl"
# Built before the stage's second round of changes from articles the first set does not use, and
# scored only before and after that round, never tuned on: the honest figure.
BLIND_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind.jsonl"

# Measured 0.944 (203 of 215) when the set was built, 0.981 (211 of 215) after the second round,
# which was tuned on this set's errors; fail loudly well before a real regression hides.
CORPUS_COUNTRY_FLOOR = 0.96
# Measured 0.867 (91 of 105) both before and after the second round.
BLIND_COUNTRY_FLOOR = 0.84


def _row(rows, metric):
    return next(r for r in rows if r.metric == metric)


def test_score_places_on_seed_gets_every_country_and_geneva_point(nlp_place):
    rows = evaluate(ROOT / "data" / "gold" / "seed.gold.json", nlp_place, only=["place"])
    assert _row(rows, "seed places: country").tp == _row(rows, "seed places: country").n == 5
    assert _row(rows, "seed places: point within 25 km").tp == 1


@pytest.mark.slow
def test_score_places_on_wikinews_stays_above_floor(nlp_place):
    rows = evaluate(PLACE_GOLD, nlp_place, only=["place"])
    row = _row(rows, "corpus places: country (span and code)")
    assert row.n >= 200
    assert row.tp / row.n >= CORPUS_COUNTRY_FLOOR


@pytest.mark.slow
def test_score_places_on_blind_wikinews_stays_above_floor(nlp_place):
    rows = evaluate(BLIND_GOLD, nlp_place, only=["place"])
    row = _row(rows, "corpus places: country (span and code)")
    assert row.n >= 100
    assert row.tp / row.n >= BLIND_COUNTRY_FLOOR
