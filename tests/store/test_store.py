"""The DuckDB store on a real file: migrations, idempotent batches, Parquet round trip."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date

import pytest

from harbinger.dedupe import Deduper
from harbinger.errors import HarbingerError
from harbinger.models import Article
from harbinger.store import Store, StoredArticle


def annotated(article: Article) -> dict:
    return {
        "article": article.to_dict(),
        "sentences": [{"index": 0, "start": 0, "end": len(article.text), "text": article.text}],
        "entities": [{"index": 0, "start": 0, "end": 6, "text": article.text[:6], "label": "GPE"}],
        "time": [{"start": 0, "end": 1}],
    }


def batch(*texts):
    deduper = Deduper()
    items = []
    for text in texts:
        article = Article.create(text, date(2021, 6, 1), origin="test")
        items.append(StoredArticle(article, deduper.check(article), annotated(article)))
    return items


def count(store, table):
    return store.query(f"SELECT count(*) FROM {table}")[1][0][0]


def test_store_migrates_a_new_file_to_the_latest_version(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        assert store.version() >= 1
        assert {"articles", "sentences", "entities", "annotations", "runs", "run_problems", "duplicates"} <= set(store.tables())


def test_store_write_is_idempotent(tmp_path):
    items = batch("France and Germany agreed on a new treaty.", "Israel struck targets in Gaza overnight.")
    with Store(tmp_path / "h.duckdb") as store:
        run = store.start_run("test", [], "m", [])
        assert store.write_batch(run, items, []) == 2
        assert store.write_batch(run, items, []) == 0
        assert count(store, "articles") == 2 and count(store, "sentences") == 2 and count(store, "annotations") == 2


def test_store_reopen_keeps_rows_and_version(tmp_path):
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        store.write_batch(store.start_run("test", [], "m", []), batch("Kenya held elections on Tuesday."), [])
    with Store(path, read_only=True) as store:
        assert count(store, "articles") == 1 and store.version() >= 1


def test_store_read_only_missing_file_is_clear(tmp_path):
    with pytest.raises(HarbingerError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_failed_batch_leaves_nothing_half_written(tmp_path):
    items = batch("Chile signed a trade deal with Peru.")
    broken = StoredArticle(items[0].article, items[0].dedupe, {**items[0].annotation, "sentences": [{"index": 0, "start": None, "end": 5}]})
    with Store(tmp_path / "h.duckdb") as store:
        with pytest.raises(HarbingerError):
            store.write_batch(store.start_run("test", [], "m", []), [broken], [])
        assert count(store, "articles") == 0 and count(store, "sentences") == 0


def test_store_parquet_export_import_round_trip(tmp_path):
    source = tmp_path / "a.duckdb"
    with Store(source) as store:
        store.write_batch(store.start_run("test", [], "m", []), batch("Ghana and Togo agreed to reopen the border."), [])
        out = tmp_path / "export"
        out.mkdir()
        for table in ("articles", "sentences", "entities", "annotations"):
            store.export_table(table, str(out / f"{table}.parquet"), "parquet")
    with Store(tmp_path / "b.duckdb") as target:
        assert target.import_parquet(out)["articles"] == 1
        assert target.import_parquet(out)["articles"] == 0
        assert count(target, "sentences") == 1


def test_store_export_unknown_table_lists_tables(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        with pytest.raises(HarbingerError, match="articles"):
            store.export_table("events_typo", str(tmp_path / "x.csv"), "csv")


def test_store_writes_events_from_the_events_stage(tmp_path):
    (item,) = batch("Ukraine and Poland signed a border agreement on Monday.")
    item.annotation["events"] = [
        {
            "id": "ev1",
            "source": {"code": "UKRGOV", "text": "Ukraine", "start": 0, "end": 7},
            "target": {"code": "POLGOV", "text": "Poland", "start": 12, "end": 18},
            "plover_type": "AGREE",
            "cameo_code": "057",
            "goldstein": 8.0,
            "quad_class": 1,
            "mode": "asserted",
            "evidence": {"sentence_start": 0, "sentence_end": 55, "trigger_start": 19, "trigger_end": 25, "trigger_text": "signed"},
            "date": "2021-05-31",
            "date_from": "time",
            "day": "2021-05-31",
            "date_precision": "day",
        }
    ]
    with Store(tmp_path / "h.duckdb") as store:
        run = store.start_run("test", [], "m", [])
        store.write_batch(run, [item], [])
        store.write_batch(run, [item], [])
        _, rows = store.query("SELECT source_country, target_country, plover_type, event_date FROM events")
        assert rows == [("UKR", "POL", "AGREE", date(2021, 5, 31))]


# --- runs: how each ended; copies: where each was read ------------------------------------------------


def test_store_finish_run_records_status_error_and_events(tmp_path):
    (item,) = batch("Ukraine and Poland signed a border agreement on Monday.")
    item.annotation["events"] = [
        {
            "id": "ev1",
            "plover_type": "AGREE",
            "mode": "asserted",
            "evidence": {"sentence_start": 0, "sentence_end": 55},
        }
    ]
    with Store(tmp_path / "h.duckdb") as store:
        run = store.start_run("test", [], "m", [])
        store.write_batch(run, [item], [])
        counts = dict(read=1, duplicates=0, skipped=0, stored=1, already=0, warnings=0, words=9, seconds=0.5, events=store.run_events(run))
        store.finish_run(run, counts, [], "failed", "RuntimeError: boom")
        _, rows = store.query("SELECT status, error, events, finished_at IS NOT NULL FROM runs")
        assert rows == [("failed", "RuntimeError: boom", 1, True)]


def test_store_mark_killed_runs_only_touches_runs_left_running(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        done = store.start_run("run", ["a"], "m", [])
        store.finish_run(done, dict(read=0, duplicates=0, skipped=0, stored=0, already=0, warnings=0, words=0, seconds=0.0), [])
        left = store.start_run("run", ["b"], "m", [])
        assert [row[:2] for row in store.mark_killed_runs()] == [(left, "run")]
        assert store.mark_killed_runs() == []
        _, rows = store.query("SELECT id, status, error IS NOT NULL FROM runs ORDER BY started_at")
        assert rows == [(done, "done", False), (left, "killed", True)]


def test_store_recorded_occurrences_names_article_and_copies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "Kenya held elections on Tuesday."
    original = Article.create(text, date(2021, 6, 1), origin="news.jsonl:1")
    copy = Article.create(text, date(2021, 6, 1), origin="wire.jsonl:7")
    deduper = Deduper()
    first = deduper.check(original)
    with Store(tmp_path / "h.duckdb") as store:
        store.write_batch(store.start_run("test", [], "m", []), [StoredArticle(original, first, annotated(original))], [(copy, deduper.check(copy))])
        found = store.recorded_occurrences([original.id, "unknown"])
    assert found == {original.id: {str(tmp_path / "news.jsonl") + ":1", str(tmp_path / "wire.jsonl") + ":7"}}


def test_store_migration_adds_run_error_and_events_columns(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        _, rows = store.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'runs'")
        assert {"status", "error", "events"} <= {name for (name,) in rows} and store.version() >= 5


def _hold_store(path: str, ready, release) -> None:
    with Store(path):
        ready.set()
        release.wait(60)


@pytest.mark.parametrize("read_only", [False, True])
def test_store_held_by_another_process_is_a_coded_error(tmp_path, read_only):
    path = tmp_path / "h.duckdb"
    Store(path).close()
    context = mp.get_context("spawn")
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_store, args=(str(path), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(HarbingerError) as raised:
            Store(path, read_only=read_only)
        assert raised.value.code == "H307" and f"pid {holder.pid}" in str(raised.value)
        assert "IO Error" not in str(raised.value) and raised.value.__cause__ is None
    finally:
        release.set()
        holder.join(60)
