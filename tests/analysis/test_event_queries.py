from datetime import date

import pytest

from harbinger.analysis.events import EventFilter, event_timeline, list_articles, list_events, store_overview
from harbinger.errors import HarbingerError


def ids(result):
    _, columns, rows = result
    return {row[columns.index("id")] for row in rows}


def test_event_filter_combines_conditions(store, rows):
    wanted = rows.event(date(2022, 1, 4), source="USA", target="RUS", plover="SANCTION", quad=4, place_country="RUS", place_lat=55.7, place_lon=37.6)
    rows.event(date(2022, 1, 4), source="USA", target="RUS", plover="CONSULT", quad=1)
    rows.event(date(2022, 1, 4), source="RUS", target="USA", plover="SANCTION", quad=4)
    rows.event(date(2022, 2, 4), source="USA", target="RUS", plover="SANCTION", quad=4)
    where = EventFilter(since=date(2022, 1, 1), until=date(2022, 1, 31), source="USA", target="RUSGOV", plover_type="SANCTION")
    assert ids(list_events(store, where)) == {wanted}
    assert ids(list_events(store, EventFilter(place_country="RUS"))) == {wanted}
    assert ids(list_events(store, EventFilter(geocoded=True))) == {wanted}
    assert len(ids(list_events(store, EventFilter(geocoded=False)))) == 3
    assert len(ids(list_events(store, EventFilter(actor="USA")))) == 4
    assert len(ids(list_events(store, EventFilter(quad_class=4)))) == 3


@pytest.mark.parametrize("mode, count", [("all", 3), ("occurred", 2), ("planned", 1), ("denied", 0)])
def test_event_filter_modes(store, rows, mode, count):
    for kind in ("asserted", "reported", "planned"):
        rows.event(date(2022, 1, 4), mode=kind)
    assert list_events(store, EventFilter(mode=mode))[0] == count


def test_event_text_search_reads_the_evidence_sentence(store, rows):
    article = rows.article(date(2022, 1, 4), text="Russia shelled Kharkiv. 100% of talks failed.")
    hit = rows.event(date(2022, 1, 4), article_id=article, sentence_start=0, sentence_end=23)
    rows.event(date(2022, 1, 4), article_id=article, sentence_start=24, sentence_end=45)
    assert ids(list_events(store, EventFilter(text="KHARKIV"))) == {hit}
    assert len(ids(list_events(store, EventFilter(text="100%")))) == 1
    assert ids(list_events(store, EventFilter(text="'; DROP TABLE events; --"))) == set()


def test_list_events_pages_and_orders(store, rows):
    made = [rows.event(date(2022, 1, day)) for day in (3, 5, 4)]
    total, columns, page = list_events(store, EventFilter(), limit=2, offset=0, order="oldest")
    assert total == 3 and [r[columns.index("id")] for r in page] == [made[0], made[2]]
    _, _, rest = list_events(store, EventFilter(), limit=2, offset=2, order="oldest")
    assert [r[columns.index("id")] for r in rest] == [made[1]]
    with pytest.raises(HarbingerError):
        list_events(store, EventFilter(), order="random")


def test_event_timeline_counts_per_day_and_quad(store, rows):
    rows.event(date(2022, 1, 4), quad=3)
    rows.event(date(2022, 1, 4), quad=1, goldstein=1.0, plover="CONSULT")
    rows.event(date(2022, 1, 6), quad=4, goldstein=-10.0, plover="ASSAULT")
    columns, result = event_timeline(store, EventFilter(), "day")
    days = [dict(zip(columns, r)) for r in result]
    assert [(d["period"], d["events"], d["verbal_coop"], d["verbal_conflict"], d["material_conflict"]) for d in days] == [
        (date(2022, 1, 4), 2, 1, 1, 0), (date(2022, 1, 6), 1, 0, 0, 1)
    ]  # fmt: skip


def test_list_articles_reports_copies_and_events(store, rows):
    original = rows.article(date(2022, 1, 4), text="Russia accused Ukraine.")
    rows.article(date(2022, 1, 4), canonical_id=original, text="Russia accused Ukraine (copy).")
    rows.event(date(2022, 1, 4), article_id=original)
    total, columns, found = list_articles(store, None, None, "accused", 10, 0)
    records = [dict(zip(columns, r)) for r in found]
    assert total == 2 and {(r["copies"], r["events"]) for r in records} == {(2, 1)}



def test_list_articles_store_view_is_oldest_first_with_headline_and_duplicate(store, rows):
    """The CLI's view: untitled articles get their first words as the headline, copies name their original."""
    first = rows.article(date(2022, 1, 4), text="Russia accused Ukraine.")
    copy = rows.article(date(2022, 1, 5), canonical_id=first, text="Russia accused Ukraine (copy).")
    _, columns, found = list_articles(store, None, None, "accused", 10, 0, order="oldest", columns="store")
    records = [dict(zip(columns, r)) for r in found]
    assert [(r["id"], r["title"], r["duplicate_of"]) for r in records] == [
        (first, "Russia accused Ukraine.", ""), (copy, "Russia accused Ukraine (copy).", first)
    ]  # fmt: skip

def test_store_overview_counts(synthetic):
    overview = store_overview(synthetic)
    assert overview["events"] == sum(overview["events_by_mode"].values()) == sum(overview["events_by_type"].values())
    assert overview["articles"] > overview["canonical_articles"] and overview["quotes_available"]
    assert overview["first_event_date"] < overview["last_event_date"]
