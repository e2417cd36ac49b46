"""A whole run on a real DuckDB file: bad records reported, good ones stored, re-runs add nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from harbinger.readers import ReadOptions
from harbinger.runner import run
from harbinger.store import Store

STORY = (
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in weeks. "
    "Officials said the delegations discussed a ceasefire, humanitarian corridors and the exchange of prisoners."
)
COPY = STORY.replace("on Tuesday", "on Tuesday afternoon")
OTHER = "Floods swept through the river valley overnight, forcing thousands of residents from their homes."


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"date": "2022-03-29", "text": STORY, "url": "a"}),
        "{broken json",
        json.dumps({"date": "2022-03-29", "text": STORY, "url": "a-again"}),
        json.dumps({"date": "2022-03-29", "text": COPY, "url": "b"}),
        json.dumps({"date": "2022-03-30", "text": OTHER}),
        json.dumps({"date": "2022-03-30", "headline": "no text"}),
    ]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_text("")
    return folder


def test_run_stores_good_records_and_reports_bad_ones(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        summary = run([str(inputs)], store, nlp_base, ReadOptions(today=date(2026, 1, 1)))
        assert (summary.read, summary.exact, summary.near, summary.stored) == (4, 1, 1, 3)
        assert sorted(p.code for p in summary.problems) == ["H101", "H104", "H105"]
        assert summary.skipped == 3
        columns, rows = store.query("SELECT count(*) FILTER (WHERE annotated), count(*) FILTER (WHERE canonical_id <> id) FROM articles")
        assert rows[0] == (2, 1)
        _, logged = store.query("SELECT status, stored FROM runs")
        assert logged == [("done", 3)]
        _, problems = store.query("SELECT code, location FROM run_problems ORDER BY code")
        assert problems[1] == ("H104", f"{inputs / 'news.jsonl'}:2")


def test_run_again_adds_nothing(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        run([str(inputs)], store, nlp_base, ReadOptions(today=date(2026, 1, 1)))
        before = {t: store.query(f"SELECT count(*) FROM {t}")[1][0][0] for t in ("articles", "sentences", "entities", "duplicates")}
        again = run([str(inputs)], store, nlp_base, ReadOptions(today=date(2026, 1, 1)))
        after = {t: store.query(f"SELECT count(*) FROM {t}")[1][0][0] for t in before}
        assert again.stored == 0 and again.already == 4
        assert before == after


def test_run_groups_copy_across_runs(tmp_path, nlp_base):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"date": "2022-03-29", "text": STORY}) + "\n")
    second.write_text(json.dumps({"date": "2022-03-29", "text": COPY}) + "\n")
    with Store(tmp_path / "h.duckdb") as store:
        run([str(first)], store, nlp_base)
        summary = run([str(second)], store, nlp_base)
        assert summary.near == 1
        _, rows = store.query("SELECT count(DISTINCT canonical_id) FROM articles")
        assert rows == [(1,)]


def test_run_counts_wire_copies_as_mentions_of_one_event(tmp_path, nlp_base):
    """Near copies are not coded again; the event_mentions view counts them for the canonical article's events."""
    path = tmp_path / "wires.jsonl"
    path.write_text("".join(json.dumps({"date": "2022-03-29", "text": t, "url": u}) + "\n" for t, u in [(STORY, "a"), (COPY, "b"), (STORY, "c")]))
    with Store(tmp_path / "h.duckdb") as store:
        run([str(path)], store, nlp_base)
        _, (canonical,) = store.query("SELECT id FROM articles WHERE canonical_id = id")
        store.db.execute(
            "INSERT INTO events (id, article_id, canonical_id, plover_type, mode, sentence_start, sentence_end) VALUES ('e', ?, ?, 'CONSULT', 'asserted', 0, 10)",
            [canonical[0], canonical[0]],
        )
        _, rows = store.query("SELECT mentions, source_urls FROM event_mentions")
        assert rows == [(3, ["a", "b"])]
