"""harbinger/api/queries.py answers exactly as the analysis layer's list_events and event_timeline, reading less."""

from dataclasses import replace

import pytest

from harbinger.analysis.events import EVENTS_ONLY, JOINED, event_timeline, list_events, source_of
from harbinger.api.filters import ViewFilter
from harbinger.api.queries import event_page, with_store
from harbinger.store import Store

FILTERS = [
    ViewFilter(),
    ViewFilter(mode="occurred", min_confidence=0.8),
    ViewFilter(text="moscow", timing="all"),
    ViewFilter(plover_types=("ACCUSE", "SANCTION"), dyad=("USA", "RUS")),
    ViewFilter(modes=("planned", "denied"), actor="UKR"),
]


@pytest.fixture(scope="module")
def store(seeded_db):
    with Store(seeded_db, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("where", FILTERS)
@pytest.mark.parametrize("order", ["newest", "oldest", "most_hostile"])
def test_event_page_matches_list_events(store, where, order):
    for limit, offset in ((25, 0), (10, 7), (500, 0)):
        assert event_page(store, with_store(store, where), limit, offset, order) == list_events(store, where, limit, offset, order)


@pytest.mark.parametrize("where", FILTERS)
@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_timeline_without_the_article_join_matches_it(store, where, by):
    stored = with_store(store, where)
    joined = replace(stored, sentences_stored=False)  # the article join made whether or not it is needed
    assert event_timeline(store, stored, by) == event_timeline(store, joined, by)


def test_text_filter_reads_the_article_only_when_a_sentence_is_not_stored(store):
    where = ViewFilter(text="Moscow")
    assert source_of(where) == JOINED and source_of(ViewFilter()) == EVENTS_ONLY
    stored = with_store(store, where)
    assert stored.sentences_stored and source_of(stored) == EVENTS_ONLY
    assert event_page(store, stored, 500, 0) == event_page(store, replace(stored, sentences_stored=False), 500, 0)


def test_event_page_cuts_a_sentence_stored_only_in_its_article(tmp_path, seeded_db):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(seeded_db.read_bytes())
    with Store(copy) as writable:
        writable.db.execute("UPDATE events SET sentence_text = NULL WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 5)")
    with Store(copy, read_only=True) as opened:
        where = with_store(opened, ViewFilter(text="the"))
        assert not where.sentences_stored
        assert event_page(opened, where, 500, 0) == list_events(opened, where, 500, 0)
        assert event_page(opened, ViewFilter(), 500, 0) == list_events(opened, ViewFilter(), 500, 0)
