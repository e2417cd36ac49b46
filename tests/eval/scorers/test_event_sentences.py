"""The event-sentence scorer (harbinger/eval/scorers/event_sentences.py): what counts, on hand-made predictions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from harbinger.eval.gold import GoldDoc
from harbinger.eval.scorers.event_sentences import actor_key, score_event_sentences
from harbinger.models import Article

CONTEXT = "Talks stalled. "
TEXT = CONTEXT + "Russia attacked Ukraine and NATO condemned it."


def _gold(expected: list[dict]) -> GoldDoc:
    record = {"gold_format": "event_sentence", "text": TEXT, "target_start": len(CONTEXT), "expected": expected}
    return GoldDoc("event_sentence", Article.create(TEXT, date(2022, 2, 24)), record)


def _event(source: str | None, target: str | None, plover: str, cameo: str, trigger_start: int, mode: str = "asserted") -> dict:
    return {
        "source": {"code": source} if source else None,
        "target": {"code": target} if target else None,
        "plover_type": plover,
        "cameo_code": cameo,
        "mode": mode,
        "confidence": 0.8,
        "evidence": {"trigger_start": trigger_start},
    }


ATTACK = {"source": "RUSMIL", "target": "UKR", "cameo": "190", "plover": "ASSAULT", "mode": "asserted"}
CONDEMN = {"source": "IGOWSTNAT", "target": "RUS", "cameo": "122", "plover": "REJECT", "mode": "asserted"}


def _rows(golds, predictions) -> dict:
    return {row.metric: row for row in score_event_sentences(golds, predictions)}


@pytest.mark.parametrize("code,key", [("USAGOV", "USA"), ("IGOUNOKID", "IGOUNO"), ("IGO", "IGO"), (None, None)])
def test_actor_key_country_or_organisation(code, key):
    assert actor_key(code) == key


def test_score_event_sentences_triples_by_country_and_type():
    predicted = [_event("RUSGOV", "UKRGOV", "ASSAULT", "195", 22), _event("IGOWSTNAT", None, "REJECT", "122", 35)]
    rows = _rows([_gold([ATTACK, CONDEMN])], [{"events": predicted}])
    assert (rows["triples (source country, target country, PLOVER type)"].tp, rows["triples (source country, target country, PLOVER type)"].fp) == (1, 1)
    assert rows["dyads (source country, target country)"].fn == 1
    assert rows["PLOVER type of the primary event"].tp == 1 and rows["CAMEO root of the primary event"].tp == 1


def test_score_event_sentences_ignores_events_in_the_context_sentence():
    in_context = _event("RUS", "UKR", "CONSULT", "040", 0)
    rows = _rows([_gold([])], [{"events": [in_context]}])
    assert rows["sentence has an event (detection)"].fp == 0


def test_score_event_sentences_statement_without_plover_type_is_no_event():
    statement = {"source": "USAGOV", "target": None, "cameo": "010", "plover": None, "mode": "asserted"}
    rows = _rows([_gold([statement])], [{"events": [_event("USAGOV", None, "CONSULT", "040", 20)]}])
    assert (rows["sentence has an event (detection)"].fp, rows["sentence has an event (detection)"].fn) == (1, 0)


DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "detection_f1", "triples_tp"),
    [
        # measured 2026-12-06 (time, place, actors, quotes, events), at the end of the session: detection F1
        # 0.610 / 0.722 / 0.727 / 0.672 / 0.752, triples 8 / 31 / 13 / 13 / 14 true positives; sets 1-3 were tuned on
        # after their unseen score, set 4 was scored once and its errors not read
        ("events_blind1_wikinews.jsonl", 0.58, 7),
        ("events_blind1_govnews.jsonl", 0.69, 28),
        ("events_blind2.jsonl", 0.69, 11),
        ("events_blind3.jsonl", 0.64, 11),
        ("events_blind4.jsonl", 0.72, 12),
    ],
)
def test_score_event_sentences_floors(nlp_full, name, detection_f1, triples_tp):
    from harbinger.annotation import doc_to_dict
    from harbinger.eval.gold import load_gold
    from harbinger.pipeline import process

    golds = load_gold(DATA / name)
    predictions = [doc_to_dict(nlp_full, doc) for doc in process(nlp_full, [g.article for g in golds])]
    rows = _rows(golds, predictions)
    assert rows["sentence has an event (detection)"].f1 >= detection_f1
    assert rows["triples (source country, target country, PLOVER type)"].tp >= triples_tp
