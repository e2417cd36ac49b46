"""The time scorer, and a floor on the hand-checked Wikinews set so regressions fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from harbinger.eval import evaluate
from harbinger.eval.gold import GoldDoc
from harbinger.models import Article
from harbinger.eval.scorers.time import match, score_time

TIMEX_SET = Path(__file__).resolve().parents[2] / "data" / "timex_wikinews.jsonl"


def _gold(expected):
    return GoldDoc("timex", Article.create("x" * 50, None), {"expected": expected})


def test_match_pairs_each_gold_with_its_best_overlap():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    predicted = [{"start": 5, "end": 12}, {"start": 8, "end": 25}, {"start": 40, "end": 45}]
    assert [(g["start"], p["start"]) for g, p in match(gold, predicted)] == [(0, 5), (20, 8)]


def test_score_time_counts_spans_and_values():
    gold = _gold([{"start": 0, "end": 6, "value": "2022-01-09"}, {"start": 10, "end": 19, "value": "2022-W02", "also_ok": ["x"]}])
    prediction = {"timexes": [{"start": 0, "end": 6, "value": "2022-01-09"}, {"start": 10, "end": 14, "value": "x"}, {"start": 30, "end": 33, "value": "P1D"}]}
    spans, values, strict = score_time([gold], [prediction])
    assert (spans.tp, spans.fp, spans.fn) == (2, 1, 0)
    assert (values.tp, values.n) == (2, 2)
    assert (strict.tp, strict.fp, strict.fn) == (2, 1, 0)


@pytest.mark.slow
def test_time_floor_on_wikinews_set(nlp_time):
    rows = {row.metric: row for row in evaluate(TIMEX_SET, nlp_time, only=["time"])}
    assert rows["timex span (overlap)"].f1 >= FLOOR_SPAN_F1
    assert rows["timex value on matched spans"].f1 >= FLOOR_VALUE_ACCURACY


# Measured on the 163 expressions (2026-11-25): span F1 0.988, value accuracy 0.963; floors a little below.
FLOOR_SPAN_F1 = 0.97
FLOOR_VALUE_ACCURACY = 0.93


# A second set of 142 expressions from other paragraphs (49 articles), labelled by reading before the stage
# was ever scored on it; its errors have not been read. Measured: span F1 0.964, value accuracy on matched
# spans 0.933, span + exact value F1 0.900.
BLIND_SET = Path(__file__).resolve().parents[2] / "data" / "timex_wikinews_blind.jsonl"
BLIND_FLOOR_SPAN_F1 = 0.95
BLIND_FLOOR_VALUE_ACCURACY = 0.90


@pytest.mark.slow
def test_time_floor_on_blind_wikinews_set(nlp_time):
    rows = {row.metric: row for row in evaluate(BLIND_SET, nlp_time, only=["time"])}
    assert rows["timex span (overlap)"].n >= 140
    assert rows["timex span (overlap)"].f1 >= BLIND_FLOOR_SPAN_F1
    assert rows["timex value on matched spans"].f1 >= BLIND_FLOOR_VALUE_ACCURACY
