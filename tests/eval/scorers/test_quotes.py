"""Accuracy floors for the quotes scorer: a little below the figures measured when the stage was written."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

SEED_FLOORS = {
    "seed quotes (content overlap + speaker)": 0.99,
    "seed quote venues": 0.99,
    "seed claims (overlap + holder + stance)": 0.85,  # 3/3 found; issue 19 adds Russia's demand, a claim the seed does not label (f1 0.857)
    "seed denial links": 0.99,
}
WIKINEWS_FLOORS = {  # measured 2026-11-25: see the quotes stage's report; issue 19 (all PARC cue classes, scored on the
    # bare propositions this set labels): content overlap 0.934 -> 0.918, cue exact 0.910 -> 0.895, speaker overlap 0.889 -> 0.875,
    # speaker exact 0.807 -> 0.797; recall rose (114 -> 118 of 128), precision fell on belief/judgement/intention attributions the
    # set, labelled for speech cues, does not list
    "wikinews content overlap": 0.90,
    "wikinews cue exact": 0.87,
    "wikinews speaker overlap": 0.85,
    "wikinews speaker exact": 0.77,
}

BLIND_PARC_FLOORS = {  # tuning set since its one blind scoring (blind 0.675 content overlap before tuning; content exact 0.416,
    # cue exact 0.643, speaker exact 0.603 / overlap 0.642); after tuning on its errors: content overlap 0.851, content exact 0.667,
    # cue exact 0.846, speaker exact 0.788, speaker overlap 0.826, cue class 0.968. quotes_blind_parc2 is the honest measure.
    "parc content overlap": 0.84,
    "parc content exact": 0.65,
    "parc cue exact": 0.83,
    "parc speaker exact": 0.77,
    "parc speaker overlap": 0.81,
    "parc cue class (matched attributions)": 0.95,
}


@pytest.fixture(scope="module")
def nlp():
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["time", "actors", "quotes"])


@pytest.mark.slow
@pytest.mark.parametrize(
    "gold, floors",
    [
        ("data/gold/seed.gold.json", SEED_FLOORS),
        ("tests/data/quotes_wikinews.jsonl", WIKINEWS_FLOORS),
        ("tests/data/quotes_blind_parc.jsonl", BLIND_PARC_FLOORS),
    ],
)
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


TEXT = 'Ivan Petrov warned that the army would strike back. "We stay," said Petrov.'
WARNED = {"content": [24, 50], "cue": [12, 18], "speaker": [0, 11], "speaker_text": "Ivan Petrov", "kind": "indirect"}
STAY = {"content": [53, 61], "cue": [63, 67], "speaker": [68, 74], "speaker_text": "Petrov", "kind": "direct"}


def _span(start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": TEXT[start:end]}


def _prediction(cue_class: str = "speech") -> dict:
    """The stage's JSON for TEXT: PARC content beside the bare proposition."""
    warned = {"kind": "indirect", "cue_class": cue_class, "content": _span(19, 50), "proposition": _span(24, 50),
              "cue": _span(12, 18), "speaker": {**_span(0, 11), "name": "Ivan Petrov"}}
    stay = {"kind": "direct", "cue_class": "speech", "content": _span(52, 62), "proposition": _span(53, 61),
            "cue": _span(63, 67), "speaker": {**_span(68, 74), "name": "Petrov"}}
    return {"quotes": [warned, stay]}  # fmt: skip


def _gold(expected: list[dict], convention: str | None = None):
    from datetime import date

    from harbinger.eval.gold import GoldDoc
    from harbinger.models import Article

    record = {"expected": expected, **({"convention": convention} if convention else {})}
    return GoldDoc("quotes", Article.create(TEXT, date(2022, 1, 9)), record)


def _rows(golds, predictions) -> dict:
    from harbinger.eval.scorers.quotes import score_quotes

    return {row.metric: row for row in score_quotes(golds, predictions)}


@pytest.mark.parametrize(
    "convention, warned_content, stay_content, label",
    [(None, [24, 50], [53, 61], "wikinews"), ("parc", [19, 50], [52, 62], "parc")],
)
def test_score_quotes_compares_content_in_the_record_convention(convention, warned_content, stay_content, label):
    expected = [{**WARNED, "content": warned_content}, {**STAY, "content": stay_content}]
    rows = _rows([_gold(expected, convention)], [_prediction()])
    assert rows[f"{label} content exact"].tp == 2
    assert (rows[f"{label} speaker exact"].f1, rows[f"{label} cue exact"].f1) == (1.0, 1.0)


def test_score_quotes_reports_each_cue_class():
    expected = [{**WARNED, "cue_class": "belief"}, {**STAY, "cue_class": "speech"}]
    rows = _rows([_gold(expected)], [_prediction(cue_class="speech")])
    assert rows["wikinews by class: speech content overlap"].tp == 1
    assert rows["wikinews by class: speech content overlap"].fp == 1  # the belief attribution predicted as speech
    assert rows["wikinews by class: belief content overlap"].fn == 1
    assert rows["wikinews cue class (matched attributions)"].tp == 1


def test_score_quotes_without_cue_classes_adds_no_class_rows():
    rows = _rows([_gold([WARNED, STAY])], [_prediction()])
    assert not any("by class" in metric or "cue class" in metric for metric in rows)


def test_parc_scoring_splits_segments_and_classes_cues_by_form():
    """PARC gold gives each piece of an interrupted quote its own entry and classes noun and "according to" cues by form."""
    from harbinger.eval.scorers.quotes import _pieces, _scored_class

    quote = {"kind": "direct", "found_by": "source-phrase", "cue_class": "speech", "content": _span(52, 74),
             "segments": [_span(52, 62), _span(68, 74)]}
    assert [p["content"]["start"] for p in _pieces(quote, "parc")] == [52, 68]
    assert len(_pieces(quote, None)) == 1
    assert _scored_class(quote, {"speech", "prepositional"}) == "prepositional"
    assert _scored_class(quote, {"speech"}) == "speech"


def test_non_parc_scoring_leaves_out_attributions_nested_in_a_direct_quote():
    from harbinger.eval.scorers.quotes import _top_level

    outer = {"kind": "direct", "content": _span(52, 62), "segments": [_span(52, 62)], "cue": _span(63, 67)}
    nested = {"kind": "indirect", "content": _span(55, 61), "cue": _span(53, 55)}
    assert _top_level([outer, nested]) == [outer]
