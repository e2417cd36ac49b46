"""The place scorer on the seed gold and the hand-checked Wikinews places, with accuracy floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from harbinger.eval import evaluate

ROOT = Path(__file__).resolve().parents[3]
PLACE_GOLD = ROOT / "tests" / "data" / "place_wikinews.jsonl"
# Each later set was labelled by reading, from articles no earlier set uses, before the stage was scored on it.
# Once its errors were read while changing rules, a set is tuning data and the next set is the honest figure.
BLIND_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind.jsonl"
BLIND2_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind2.jsonl"
BLIND3_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind3.jsonl"
BLIND4_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind4.jsonl"
BLIND5_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind5.jsonl"
BLIND6_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind6.jsonl"
BLIND7_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind7.jsonl"
BLIND8_GOLD = ROOT / "tests" / "data" / "place_wikinews_blind8.jsonl"

# Measured 0.944 (203 of 215) when the set was built, 0.981 (211 of 215) after the second round and
# 0.991 (213 of 215) after the third; fail loudly well before a real regression hides.
CORPUS_COUNTRY_FLOOR = 0.96
# Measured 0.867 (91 of 105) before and after the second round, 0.981 (103 of 105) after the third,
# which read its errors.
BLIND_COUNTRY_FLOOR = 0.95
# Measured 0.767 (302 of 394) before the third round, 0.792 (312) after it, unseen; 0.820 (323) after the
# fourth round, 0.840 (331) after the fifth (small towns, lists of places) and 0.845 (333) after the sixth,
# which read its errors.
BLIND2_COUNTRY_FLOOR = 0.82
# Measured 0.919 (228 of 248) with the second round's rules and 0.944 (234 of 248) after the fourth and
# after the fifth, unseen; 0.956 (237) after the sixth (facilities inside the place that owns them), which
# read its errors, and 0.964 (239) after the seventh.
BLIND3_COUNTRY_FLOOR = 0.94
# 494 mentions from 133 articles, paragraphs no earlier set uses. Measured 0.802 (396) with the rules of
# the first session and 0.840 (415) after the sixth round, unseen; 0.862 (426) after the seventh and
# 0.864 (427) after the eighth, which read its errors.
BLIND4_COUNTRY_FLOOR = 0.84
# 410 mentions from 121 articles, paragraphs no earlier set uses. Measured 0.866 (355) with the rules of
# the first session and 0.880 (361) after the seventh round, unseen; 0.902 (370) after the eighth, which
# read its errors.
BLIND5_COUNTRY_FLOOR = 0.88
# 405 mentions from 138 articles, paragraphs no earlier set uses. Measured 0.869 (352) with the rules of
# the first session and 0.911 (369) after the eighth round, unseen; 0.931 (377) after the ninth, which read
# its errors, and 0.933 (378) after the tenth.
BLIND6_COUNTRY_FLOOR = 0.91
# 395 mentions from 116 articles, paragraphs no earlier set uses. Measured 0.853 (337) with the rules of
# the first session and 0.884 (349) after the ninth round, unseen; 0.911 (360) after the tenth, which read
# its errors.
BLIND7_COUNTRY_FLOOR = 0.89
# 131 mentions from 53 articles: the last paragraphs of the corpus with places no earlier set uses.
# Measured 0.885 (116) with the rules of the first session and 0.908 (119) after the tenth round; its
# errors have not been read.
BLIND8_COUNTRY_FLOOR = 0.88


def _row(rows, metric):
    return next(r for r in rows if r.metric == metric)


def test_score_places_on_seed_gets_every_country_and_geneva_point(nlp_place):
    rows = evaluate(ROOT / "data" / "gold" / "seed.gold.json", nlp_place, only=["place"])
    assert _row(rows, "seed places: country").tp == _row(rows, "seed places: country").n == 5
    assert _row(rows, "seed places: point within 25 km").tp == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "gold, size, floor",
    [
        (PLACE_GOLD, 200, CORPUS_COUNTRY_FLOOR),
        (BLIND_GOLD, 100, BLIND_COUNTRY_FLOOR),
        (BLIND2_GOLD, 390, BLIND2_COUNTRY_FLOOR),
        (BLIND3_GOLD, 240, BLIND3_COUNTRY_FLOOR),
        (BLIND4_GOLD, 490, BLIND4_COUNTRY_FLOOR),
        (BLIND5_GOLD, 400, BLIND5_COUNTRY_FLOOR),
        (BLIND6_GOLD, 400, BLIND6_COUNTRY_FLOOR),
        (BLIND7_GOLD, 390, BLIND7_COUNTRY_FLOOR),
        (BLIND8_GOLD, 130, BLIND8_COUNTRY_FLOOR),
    ],
)
def test_score_places_on_hand_checked_sets_stays_above_floor(nlp_place, gold, size, floor):
    rows = evaluate(gold, nlp_place, only=["place"])
    row = _row(rows, "corpus places: country (span and code)")
    assert row.n >= size
    assert row.tp / row.n >= floor


LOCAL_GOLD = ROOT / "tests" / "data" / "place_blind_local.jsonl"
# 604 toponyms (and 48 inside names) in local-news paragraphs of US government releases. Blind before tuning:
# found (overlap) 0.876, country on found 0.896, cities within 161 km 0.939, point share 0.907, in_name found
# 0.604. Its errors were then read (lists of parishes and counties, "State of X", guesses into a story's country
# without a point): found 0.926, country on found 0.962, cities 0.969, point share 1.0, in_name 0.625. Now tuning data.
# After the round that read place_blind_local2 ("Fort Benning, Georgia" is the US state): country on found 0.966.
LOCAL_FLOORS = {
    "toponyms found (overlap)": 0.90,
    "toponyms: country on found": 0.94,
    "cities: point within 161 km (found, gold point)": 0.93,
    "reported places with a country that have a point": 0.97,
}


@pytest.mark.slow
def test_score_places_on_local_news_tuning_set_stays_above_floors(nlp_place):
    rows = evaluate(LOCAL_GOLD, nlp_place, only=["place"])
    assert _row(rows, "toponyms found (overlap)").n >= 600
    for metric, floor in LOCAL_FLOORS.items():
        row = _row(rows, metric)
        assert row.tp / row.n >= floor, (metric, row.tp, row.n)


LOCAL2_GOLD = ROOT / "tests" / "data" / "place_blind_local2.jsonl"
# 353 toponyms (and 72 inside names) in local-news paragraphs of other US government releases. Blind before tuning:
# found (overlap) 0.958, country on found 0.947 (320 of 338), cities within 161 km 0.943, point share 1.0. Its errors
# were then read (a state named like a country after "Town,", towns named after countries, small towns in the story's
# state, towns the tagger calls organisations, regions missing from the data): found 0.987 (344), country on found
# 0.991 (341 of 344), cities 0.989, point share 1.0. Now tuning data; place_blind_local3 is the next honest figure.
LOCAL2_FLOORS = {
    "toponyms found (overlap)": 0.96,
    "toponyms: country on found": 0.97,
    "cities: point within 161 km (found, gold point)": 0.96,
    "reported places with a country that have a point": 0.97,
}


@pytest.mark.slow
def test_score_places_on_second_local_news_tuning_set_stays_above_floors(nlp_place):
    rows = evaluate(LOCAL2_GOLD, nlp_place, only=["place"])
    assert _row(rows, "toponyms found (overlap)").n >= 350
    for metric, floor in LOCAL2_FLOORS.items():
        row = _row(rows, metric)
        assert row.tp / row.n >= floor, (metric, row.tp, row.n)


def test_mentions_left_with_no_country_are_not_counted_as_reported():
    from harbinger.eval.gold import GoldDoc
    from harbinger.eval.scorers.place import score_places
    from harbinger.models import Article

    text = "Officials in Macon and Kolvet met."
    gold = GoldDoc("place", Article.create(text, None), {"split": "blind", "expected": [
        {"start": 13, "end": 18, "text": "Macon", "country": "USA", "feature": "city", "kind": "place", "lat": None, "lon": None},
    ]})
    places = [
        {"start": 13, "end": 18, "text": "Macon", "country": "USA", "role": "mention", "kind": "city", "lat": 32.8, "lon": -83.6},
        {"start": 23, "end": 29, "text": "Kolvet", "country": None, "role": "mention", "kind": "unknown", "lat": None, "lon": None},
    ]
    rows = {r.metric: r for r in score_places([gold], [{"places": places}])}
    assert rows["corpus places: found vs gold spans"].fp == 0  # "Kolvet" reports no place a reader could use
    assert rows["reported places with a country that have a point"].n == 1
