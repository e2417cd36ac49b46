"""harbinger/api/explain.py: the stages' trace records, as the demo store holds them, said in words."""

import pytest

from harbinger.api import explain

BLINKEN = {"start": 30, "end": 63, "text": "Secretary of State Antony Blinken", "name": "Antony Blinken", "code": "USAGOV",
           "resolved_by": ["title:Secretary of State", "person_dictionary:wikidata:Q7821917@2021-01-26"]}  # fmt: skip


@pytest.mark.parametrize(
    "record, said",
    [
        (BLINKEN, "Secretary of State Antony Blinken → USAGOV (Antony Blinken) because: title 'Secretary of State' + office holder (Wikidata Q7821917) on 2021-01-26"),
        ({"text": "he", "name": "Antony Blinken", "code": "USAGOV", "resolved_by": ["coreference:he->Secretary of State Antony Blinken@30"]},
         "he → USAGOV (Antony Blinken) because: refers back to 'Secretary of State Antony Blinken'"),
        ({"text": "Russia", "code": "RUS", "resolved_by": ["actor_dictionary:phoenix:countries"]}, "Russia → RUS because: actor dictionary (phoenix:countries)"),
        ({"text": "Magnitogorsk", "code": None, "resolved_by": ["unresolved:no dictionary entry"]}, "Magnitogorsk → no actor code because: not resolved: no dictionary entry"),
        ({"text": "President Vladimir Putin", "code": "RUSGOV", "name": "Vladimir Putin",
          "resolved_by": ["person_dictionary:phoenix:countries@2019-01-04 (dated role)"]},
         "President Vladimir Putin → RUSGOV (Vladimir Putin) because: office holder (phoenix countries) on 2019-01-04"),
        ({"text": "them", "code": "X", "resolved_by": ["brand_new_step:some_detail"]}, "them → X because: brand new step (some detail)"),
    ],
)  # fmt: skip
def test_explain_actor_trace(record, said):
    assert explain.actor_trace(record) == said


def test_explain_time_and_place_traces():
    sunday = {"text": "Sunday", "value": "2022-01-09", "resolved_by": "weekday:past", "anchor": "dct"}
    assert explain.time_trace(sunday) == "Sunday → 2022-01-09 because: weekday (past), counted from the article's date"
    kiev = {"text": "Kiev", "name": "Kyiv", "country": "UKR", "kind": "city", "role": "mention", "resolved_by": "gazetteer:context", "confidence": 0.95}
    assert explain.place_trace(kiev) == "Kiev → Kyiv, UKR (city, mention) because: the gazetteer (context), confidence 0.95"


def test_explain_event_and_quote_traces():
    event = {"source_code": "USAGOV", "plover_type": "REJECT", "target_code": "USAMIL", "cameo_code": "120", "goldstein": -4.0, "mode": "asserted",
             "rule": "cameo:REFUSE:default:rule out", "date_value": "2022-W02", "date_from": "time", "timing": "future"}  # fmt: skip
    assert explain.event_trace(event) == (
        "USAGOV REJECT USAMIL (CAMEO 120, Goldstein -4.0, asserted) by rule 'cameo:REFUSE:default:rule out'; "
        "dated 2022-W02 from a time expression (future)"
    )
    quote = {"speaker": {"name": "Antony Blinken", "text": "he"}, "cue": {"text": "said"}, "act": "assert", "kind": "indirect", "content": {"text": "x" * 200}}
    said = explain.quote_trace(quote)
    assert said.startswith("Antony Blinken (said, assert, indirect): 'xxx") and said.endswith("…'") and len(said) < 170


def test_explain_alert_reason_names_the_numbers():
    alert = {"source": "USA", "target": "RUS", "week": "2022-03-21", "metric": "conflict_events", "value": 7.0, "baseline_mean": 0.375,
             "baseline_sd": 0.484, "baseline_weeks": 8, "events": 7, "score": 6.625, "threshold": 3.0, "evidence_count": 7}  # fmt: skip
    assert explain.alert_reason(alert) == (
        "USA → RUS had 7 conflict events (verbal or material) in the week of 2022-03-21, against 0.375 ± 0.484 over the 8 weeks before: "
        "a z-score of 6.625, at or above the threshold 3, with 7 occurred events that week; 7 events drove it."
    )
