from datetime import date

import pytest

from harbinger.analysis.events import MAX_SENTENCE_CHARS, EventFilter, event_timeline, list_articles, list_events, store_overview
from harbinger.analysis.series import TooLarge
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


def test_event_filter_keeps_current_events_unless_asked(store, rows):
    current = rows.event(date(2022, 1, 4))
    old_store = rows.event(date(2022, 1, 4), timing=None)  # written before the timing column: current
    historical = rows.event(date(1968, 6, 5), timing="historical")
    future = rows.event(date(2023, 1, 2), timing="future")
    assert ids(list_events(store, EventFilter())) == {current, old_store}
    assert ids(list_events(store, EventFilter(timing="historical"))) == {historical}
    assert ids(list_events(store, EventFilter(timing="future"))) == {future}
    assert ids(list_events(store, EventFilter(timing="all"))) == {current, old_store, historical, future}
    days = [row[0] for row in event_timeline(store, EventFilter(), "day")[1]]
    assert days == [date(2022, 1, 4)]


def test_event_filter_several_modes_and_types(store, rows):
    made = {(mode, plover): rows.event(date(2022, 1, 4), mode=mode, plover=plover)
            for mode in ("asserted", "reported", "planned", "denied") for plover in ("ACCUSE", "THREATEN", "ASSAULT")}  # fmt: skip
    where = EventFilter(modes=("occurred", "planned"), plover_types=("THREATEN", "ASSAULT"))
    expected = {made[m, p] for m in ("asserted", "reported", "planned") for p in ("THREATEN", "ASSAULT")}
    assert ids(list_events(store, where, limit=100)) == expected
    assert list_events(store, EventFilter(modes=("denied", "all")))[0] == 12
    assert list_events(store, EventFilter(mode="denied", modes=("planned",)))[0] == 3  # modes, when given, replace mode


def test_event_filter_dyad_matches_code_or_country_on_each_side(store, rows):
    wanted = rows.event(date(2022, 1, 4), source="USA", target="RUS")
    reverse = rows.event(date(2022, 1, 4), source="RUS", target="USA")
    rows.event(date(2022, 1, 4), source="USA", target="UKR")
    for dyad in (("USA", "RUS"), ("USAGOV", "RUS"), ("USA", "RUSGOV")):
        assert ids(list_events(store, EventFilter(dyad=dyad))) == {wanted}
    assert ids(list_events(store, EventFilter(dyad=("RUSGOV", "USAGOV")))) == {reverse}


def test_event_filter_min_confidence_is_inclusive(store, rows):
    sure = rows.event(date(2022, 1, 4), confidence=0.9)
    edge = rows.event(date(2022, 1, 4), confidence=0.5)
    rows.event(date(2022, 1, 4), confidence=0.2)
    rows.event(date(2022, 1, 4), confidence=None)
    assert ids(list_events(store, EventFilter(min_confidence=0.5))) == {sure, edge}
    assert list_events(store, EventFilter(min_confidence=0.0))[0] == 3


@pytest.mark.parametrize(
    "where, code",
    [(EventFilter(plover_types=("ASSAULT", "BOMB")), "H512"), (EventFilter(timing="past"), "H513"),
     (EventFilter(modes=("occurred", "maybe")), "H502")],
)  # fmt: skip
def test_event_filter_rejects_unknown_choices(where, code):
    with pytest.raises(HarbingerError) as caught:
        where.where()
    assert caught.value.code == code


def test_list_events_full_view_has_every_events_column_and_the_article(store, rows):
    article = rows.article(date(2022, 1, 5), text="Russia accused Ukraine on Monday.")
    rows.event(date(2022, 1, 3), article_id=article, sentence_start=0, sentence_end=33)
    for _ in range(3):
        rows.event(date(2022, 1, 4))
    total, columns, found = list_events(store, EventFilter(), limit=None, columns="full")
    _, described = store.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position")
    events_columns = [name for (name,) in described]
    assert total == len(found) == 4
    assert columns[: len(events_columns)] == events_columns and "timing" in columns and "place_from" in columns
    oldest = dict(zip(columns, found[-1]))
    assert (oldest["sentence"], oldest["article_date"]) == ("Russia accused Ukraine on Monday.", date(2022, 1, 5))
    assert {"article_url", "article_title", "mentions"} <= set(columns)


def test_require_events_refuses_a_store_without_the_event_record(tmp_path):
    import duckdb

    from harbinger.analysis.events import require_events
    from harbinger.store import Store

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE events (id VARCHAR, mode VARCHAR)")
    with Store(path, read_only=True) as old, pytest.raises(HarbingerError) as caught:
        require_events(old)
    assert caught.value.code == "H511" and "timing" in str(caught.value)


def test_list_events_summary_shortens_long_sentences_the_full_view_does_not(store, rows):
    long = "Russia accused Ukraine " + "and more " * 300 + "on Monday."
    article = rows.article(date(2022, 1, 3), text=long)
    rows.event(date(2022, 1, 3), article_id=article, sentence_start=0, sentence_end=len(long))
    (summary,) = list_events(store, EventFilter())[2]
    (full,) = list_events(store, EventFilter(), columns="full")[2]
    _, summary_columns, _ = list_events(store, EventFilter())
    sentence = summary[summary_columns.index("sentence")]
    assert len(sentence) == MAX_SENTENCE_CHARS and sentence.endswith("…") and long.startswith(sentence[:-1])
    assert long in full


def test_event_timeline_refuses_more_periods_than_its_bound(store, rows, monkeypatch):
    for day in range(3, 8):  # Monday to Friday
        rows.event(date(2022, 1, day))
    monkeypatch.setattr("harbinger.analysis.events.MAX_POINTS", 4)
    with pytest.raises(TooLarge) as caught:
        event_timeline(store, EventFilter(), by="day")
    assert caught.value.code == "H530" and "week" in caught.value.hint
    assert len(event_timeline(store, EventFilter(), by="week")[1]) == 1
