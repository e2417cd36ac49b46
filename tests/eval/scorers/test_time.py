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
    strict, relaxed, types, values, value_f1 = score_time([gold], [prediction])
    assert (strict.tp, strict.fp, strict.fn) == (1, 2, 1)  # only the first span is exact
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (2, 1, 0)
    assert types.n == 0  # no gold type: type accuracy leaves the items out
    assert (values.tp, values.n) == (2, 2)
    assert (value_f1.tp, value_f1.fp, value_f1.fn) == (2, 1, 0)


def test_score_time_type_accuracy_only_over_gold_with_a_type():
    gold = _gold(
        [
            {"start": 0, "end": 6, "value": "P1W", "type": "SET"},
            {"start": 10, "end": 19, "value": "P3D", "type": "DURATION"},
            {"start": 20, "end": 25, "value": "2022"},
        ]
    )
    prediction = {
        "timexes": [
            {"start": 0, "end": 6, "value": "P1W", "type": "DURATION"},
            {"start": 10, "end": 19, "value": "P3D", "type": "DURATION"},
            {"start": 20, "end": 25, "value": "2022", "type": "DATE"},
        ]
    }
    rows = {row.metric: row for row in score_time([gold], [prediction])}
    assert (rows["timex type on matched spans"].tp, rows["timex type on matched spans"].n) == (1, 2)
    assert rows["timex span + exact value"].f1 == 1.0


@pytest.mark.slow
def test_time_floor_on_wikinews_set(nlp_time):
    rows = {row.metric: row for row in evaluate(TIMEX_SET, nlp_time, only=["time"])}
    assert rows["timex span (overlap)"].f1 >= FLOOR_SPAN_F1
    assert rows["timex value on matched spans"].f1 >= FLOOR_VALUE_ACCURACY
    assert rows["timex span + exact value"].f1 >= FLOOR_VALUE_F1


# Measured on the 163 expressions (2026-11-25): span F1 0.988, value accuracy 0.963. After issue 18 (TimeML
# conventions): strict span F1 0.975 -> 0.948 (TimeML puts "about", "more than" inside the span; this set
# leaves them out), relaxed 0.988 -> 0.991, value accuracy 0.963 -> 0.975, value F1 0.951 -> 0.966. After tuning
# on blind2: strict 0.948 -> 0.942 ("early Wednesday morning", "the night of June 21": TimeML's extent, not this
# set's), relaxed 0.991, value accuracy 0.975 -> 0.981, value F1 0.966 -> 0.972.
FLOOR_SPAN_F1 = 0.97
FLOOR_VALUE_ACCURACY = 0.95
FLOOR_VALUE_F1 = 0.96


# A second set of 142 expressions from other paragraphs (49 articles), labelled by reading before the stage
# was ever scored on it. Measured unseen: span F1 0.964, value accuracy on matched spans 0.933, span + exact
# value F1 0.900. Its errors were read while working on issue 18 (it is tuning data now); after: strict span
# F1 0.900 -> 0.950, relaxed 0.964 -> 0.979, value accuracy 0.933 -> 0.993, value F1 0.900 -> 0.971.
BLIND_SET = Path(__file__).resolve().parents[2] / "data" / "timex_wikinews_blind.jsonl"
# After tuning on blind2: strict 0.950 -> 0.943 ("Early Saturday morning"), relaxed 0.979, value accuracy 0.993,
# value F1 0.971 (unchanged).
BLIND_FLOOR_SPAN_F1 = 0.95
BLIND_FLOOR_VALUE_ACCURACY = 0.95
BLIND_FLOOR_VALUE_F1 = 0.96


@pytest.mark.slow
def test_time_floor_on_blind_wikinews_set(nlp_time):
    rows = {row.metric: row for row in evaluate(BLIND_SET, nlp_time, only=["time"])}
    assert rows["timex span (overlap)"].n >= 140
    assert rows["timex span (overlap)"].f1 >= BLIND_FLOOR_SPAN_F1
    assert rows["timex value on matched spans"].f1 >= BLIND_FLOOR_VALUE_ACCURACY
    assert rows["timex span + exact value"].f1 >= BLIND_FLOOR_VALUE_F1


# blind2: 416 expressions from U.S. government releases and Wikinews (86 records), labelled blind to TimeML 1.2.1 by
# someone who never saw the stage's output (tests/data/timex_blind2.md). Scored once, unseen: strict span F1
# 0.845, relaxed 0.936, type accuracy 0.948, value F1 0.835 (blind 0.835 before tuning). Its errors were then
# read and general rules added (it is tuning data now, no longer a blind measure): strict 0.845 -> 0.964, relaxed
# 0.936 -> 0.973, type accuracy 0.948 -> 0.995, value accuracy 0.892 -> 0.955, value F1 0.835 -> 0.930.
BLIND2_SET = Path(__file__).resolve().parents[2] / "data" / "timex_blind2.jsonl"
BLIND2_FLOOR_STRICT_SPAN_F1 = 0.96
BLIND2_FLOOR_SPAN_F1 = 0.97
BLIND2_FLOOR_TYPE_ACCURACY = 0.99
BLIND2_FLOOR_VALUE_ACCURACY = 0.95
BLIND2_FLOOR_VALUE_F1 = 0.925


@pytest.mark.slow
def test_time_floor_on_blind2_tuning_set(nlp_time):
    rows = {row.metric: row for row in evaluate(BLIND2_SET, nlp_time, only=["time"])}
    assert rows["timex span (overlap)"].n == 416
    assert rows["timex span (strict)"].f1 >= BLIND2_FLOOR_STRICT_SPAN_F1
    assert rows["timex span (overlap)"].f1 >= BLIND2_FLOOR_SPAN_F1
    assert rows["timex type on matched spans"].f1 >= BLIND2_FLOOR_TYPE_ACCURACY
    assert rows["timex value on matched spans"].f1 >= BLIND2_FLOOR_VALUE_ACCURACY
    assert rows["timex span + exact value"].f1 >= BLIND2_FLOOR_VALUE_F1
