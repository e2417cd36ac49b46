import pytest

from harbinger.analysis.evidence import evidence_spans, find_trace, load_annotations, stage_items

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


@pytest.mark.parametrize(
    "payload, count",
    [('[{"start": 1, "end": 2}]', 1), ({"timexes": [{"start": 1, "end": 2}, {"start": 3}]}, 1), ("not json", 0), (42, 0), ({}, 0)],
)
def test_stage_items_accept_lists_or_nested_lists(payload, count):
    assert len(stage_items(payload, ("timexes", "time"))) == count


def test_find_trace_by_offsets_then_by_text():
    items = [{"start": 7, "end": 20, "text": "Russian army"}, {"start": 30, "end": 36, "text": "Moscow"}]
    assert find_trace(items, 7, 13) == items[0]
    assert find_trace(items, None, None, "Moscow", 0, 50) == items[1]
    assert find_trace(items, None, None, "Moscow", 0, 20) is None
    assert find_trace(items, 40, 45) is None


def test_load_annotations_reads_stage_rows(store, rows):
    from datetime import date

    article = rows.article(date(2022, 1, 4))
    store.db.execute("INSERT INTO annotations VALUES (?, 'timexes', ?), (?, 'places', ?), (?, 'other', '[]')",
                     [article, '[{"start": 0, "end": 6, "text": "Russia"}]', article, '{"places": [{"start": 1, "end": 2}]}', article])  # fmt: skip
    found = load_annotations(store, article)
    assert (len(found["time"]), len(found["place"]), found["actor"]) == (1, 1, [])
