"""Event-level dedupe (harbinger/events/dedupe.py) across near-duplicate article groups."""

from __future__ import annotations

import pytest

from harbinger.events.dedupe import merge_duplicate_events


def _event(event_id: str, article_id: str, canonical_id: str, source_name: str, **changes) -> dict:
    event = {
        "id": event_id,
        "article_id": article_id,
        "canonical_id": canonical_id,
        "source_name": source_name,
        "source": {"code": "RUS", "text": "Russia", "start": 0, "end": 6},
        "target": {"code": "UKR", "text": "Ukraine", "start": 16, "end": 23},
        "plover_type": "ASSAULT",
        "cameo_code": "190",
        "mode": "asserted",
        "date": "2022-01-10",
        "confidence": 0.7,
    }
    event.update(changes)
    return event


def test_merge_duplicate_events_wire_copies_become_one():
    events = [_event(f"e{i}", f"a{i}", "a0", f"wire{i}") for i in range(30)]
    (merged,) = merge_duplicate_events(events)
    assert merged["id"] == "e0"
    assert (merged["num_mentions"], merged["num_articles"], len(merged["sources"])) == (30, 30, 30)


@pytest.mark.parametrize(
    "change",
    [{"canonical_id": "other"}, {"mode": "denied"}, {"plover_type": "THREATEN", "cameo_code": "138"}, {"target": None}, {"date": "2022-01-11"}],
)
def test_merge_duplicate_events_keeps_different_events_apart(change):
    merged = merge_duplicate_events([_event("e1", "a1", "a1", "x"), {**_event("e2", "a2", "a1", "y"), **change}])
    assert len(merged) == 2


def test_merge_duplicate_events_same_article_counts_mentions_not_articles():
    merged = merge_duplicate_events([_event("e1", "a1", "a1", "x"), _event("e2", "a1", "a1", "x", confidence=0.9)])
    assert (merged[0]["num_mentions"], merged[0]["num_articles"], merged[0]["sources"], merged[0]["confidence"]) == (2, 1, ["x"], 0.9)


def test_merge_duplicate_events_uncoded_actors_compare_by_text():
    a = _event("e1", "a1", "a1", "x", source={"code": None, "text": "The  Rebels", "start": 0, "end": 3})
    b = _event("e2", "a2", "a1", "y", source={"code": None, "text": "the rebels", "start": 5, "end": 8})
    assert len(merge_duplicate_events([a, b])) == 1
