import pytest

from harbinger.analysis.evidence import evidence_spans, find_trace, load_stage_records

TEXT = "KYIV — Russia shelled Kharkiv on Monday, officials said. Talks are due next week."
EVENT = {
    "sentence_start": 7, "sentence_end": 56, "trigger_start": 14, "trigger_end": 21, "plover_type": "ASSAULT",
    "source_start": 7, "source_end": 13, "source_code": "RUSMIL", "target_start": None, "target_end": None, "target_code": None,
}  # fmt: skip


def test_evidence_spans_combine_event_parts_and_stage_spans_in_order():
    annotations = {
        "time": [{"start": 30, "end": 39, "text": "on Monday", "value": "2022-01-10"}, {"start": 72, "end": 81, "text": "next week"}],
        "place": [{"start": 22, "end": 29, "text": "Kharkiv", "country": "UKR"}],
        "actor": [{"start": 7, "end": 13, "text": "Russia", "code": "RUSMIL"}],
    }
    spans = evidence_spans(TEXT, EVENT, annotations)
    assert [(s["kind"], s["text"], s["label"]) for s in spans] == [
        ("actor", "Russia", "RUSMIL"), ("source", "Russia", "RUSMIL"), ("trigger", "shelled", "ASSAULT"),
        ("place", "Kharkiv", "UKR"), ("time", "on Monday", "2022-01-10"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "item",
    [{"start": "7", "end": 13}, {"start": 13, "end": 7}, {"start": -1, "end": 3}, {"end": 5}, {"start": True, "end": 3},
     {"start": 50, "end": 500}, "on Monday", None, {"start": 0, "end": 5}],
)  # fmt: skip
def test_evidence_spans_skip_malformed_or_outside_items(item):
    spans = evidence_spans(TEXT, EVENT, {"time": [item] if isinstance(item, dict) else [], "place": [], "actor": []})
    assert [s["kind"] for s in spans] == ["source", "trigger"]


def test_evidence_spans_take_text_from_the_article_when_missing_or_wrong():
    spans = evidence_spans(TEXT, EVENT, {"time": [{"start": 30, "end": 39, "text": "WRONG"}], "place": [], "actor": []})
    assert next(s for s in spans if s["kind"] == "time")["text"] == "on Monday"


def test_find_trace_by_offsets_then_by_text():
    items = [{"start": 7, "end": 20, "text": "Russian army"}, {"start": 30, "end": 36, "text": "Moscow"}]
    assert find_trace(items, 7, 13) == items[0]
    assert find_trace(items, None, None, "Moscow", 0, 50) == items[1]
    assert find_trace(items, None, None, "Moscow", 0, 20) is None
    assert find_trace(items, 40, 45) is None


def test_load_stage_records_reads_stage_layers_and_the_places_table(store, rows):
    from datetime import date

    article = rows.article(date(2022, 1, 4))
    timexes = '[{"start": 0, "end": 6, "text": "Russia"}, {"start": 3}]'
    store.db.execute("INSERT INTO annotations (article_id, stage, payload) VALUES (?, 'timexes', ?), (?, 'other', '[]')", [article, timexes, article])
    place = """INSERT INTO places (article_id, canonical_id, idx, "start", "end", text, country) VALUES (?, ?, 0, 0, 6, 'Russia', 'RUS')"""
    store.db.execute(place, [article, article])
    found = load_stage_records(store, article)
    assert (len(found["time"]), found["actor"]) == (1, [])
    assert [(p["text"], p["country"]) for p in found["place"]] == [("Russia", "RUS")]
