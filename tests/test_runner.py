"""A whole run on a real DuckDB file: bad records reported, good ones stored, re-runs add nothing, copies counted
the same however the input is batched or split, and the run's row saying how it ended."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harbinger.errors import HarbingerError
from harbinger.readers import ReadOptions
from harbinger.runner import RunInterrupted, check_inputs, check_options, count_articles, run
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


# --- exact copies are counted the same however the corpus is batched or split across runs ------------

POOL = (
    STORY,
    COPY,
    OTHER,
    "The central bank raised its main interest rate by half a point on Thursday, citing persistent inflation in food prices.",
    "Election officials began counting ballots late on Sunday after polls closed across the country's northern provinces.",
)


def _write(path, indices):
    path.write_text("".join(json.dumps({"date": "2022-03-29", "text": POOL[i], "url": f"u{n}"}) + "\n" for n, i in enumerate(indices)))


def _dedupe_state(store) -> dict:
    return {
        "duplicates": store.query("SELECT article_id, canonical_id, kind, similarity, origin FROM duplicates ORDER BY ALL")[1],
        "articles": store.query("SELECT id, canonical_id, origin FROM articles ORDER BY ALL")[1],
        # what event_mentions counts for an event of each group: its articles plus its exact copies
        "mentions": store.query(
            """SELECT g.canonical_id,
                      (SELECT count(*) FROM articles a WHERE a.canonical_id = g.canonical_id)
                    + (SELECT count(*) FROM duplicates d WHERE d.canonical_id = g.canonical_id AND d.kind = 'exact')
               FROM (SELECT DISTINCT canonical_id FROM articles) g ORDER BY 1"""
        )[1],
    }


def _run_parts(folder, parts, batch_size, nlp) -> tuple[dict, tuple]:
    """Run each list of paths in turn on one fresh store; the store's dedupe state and the summed counts."""
    db = folder / f"h{batch_size}-{len(parts)}.duckdb"
    totals = [0, 0, 0, 0]
    with Store(db) as store:
        for paths in parts:
            s = run([str(p) for p in paths], store, nlp, batch_size=batch_size)
            totals = [t + n for t, n in zip(totals, (s.read, s.exact, s.near, s.stored))]
        return _dedupe_state(store), tuple(totals)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    indices=st.lists(st.integers(0, len(POOL) - 1), min_size=2, max_size=12),
    split=st.integers(1, 11),
    batch_size=st.integers(1, 5),
)
def test_run_copies_do_not_depend_on_batching_or_split(nlp_base, indices, split, batch_size):
    split = min(split, len(indices) - 1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        first, second = folder / "in" / "a.jsonl", folder / "in" / "b.jsonl"
        _write(first, indices[:split])
        _write(second, indices[split:])
        whole = _run_parts(folder, [[folder / "in"]], 1000, nlp_base)
        assert _run_parts(folder, [[folder / "in"]], batch_size, nlp_base) == whole
        assert _run_parts(folder, [[first], [second]], batch_size, nlp_base) == whole
    state, (read, exact, near, stored) = whole
    assert read == len(indices) and stored + exact == read
    assert exact == len(indices) - len(set(indices)) == len(state["duplicates"]) - near


def test_run_again_under_another_spelling_of_the_path_adds_nothing(tmp_path, inputs, nlp_base, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store(tmp_path / "h.duckdb") as store:
        run(["in"], store, nlp_base, ReadOptions(today=date(2026, 1, 1)))
        before = _dedupe_state(store)
        again = run([str(inputs)], store, nlp_base, ReadOptions(today=date(2026, 1, 1)))
        assert (again.already, again.exact, again.stored) == (4, 0, 0)
        assert _dedupe_state(store) == before


# --- options and inputs are checked first; missing inputs are warnings ---------------------------------


@pytest.mark.parametrize(
    "options,named",
    [
        ({"threshold": 2.0}, "--threshold 2"),
        ({"threshold": 0.0}, "--threshold 0"),
        ({"batch_size": 0}, "--batch-size 0"),
        ({"batch_words": -1}, "--batch-words -1"),
    ],
)
def test_check_options_names_the_option_out_of_range(options, named):
    arguments = {"threshold": 0.8, "batch_size": 64, "batch_words": 10_000, **options}
    with pytest.raises(HarbingerError) as raised:
        check_options(**arguments)
    assert raised.value.code == "H007" and named in str(raised.value)


def test_run_rejects_bad_threshold_before_touching_the_store(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        with pytest.raises(HarbingerError, match="H007"):
            run([str(inputs)], store, nlp_base, threshold=1.5)
        assert store.query("SELECT count(*) FROM runs")[1] == [(0,)]


def test_run_missing_input_is_a_warning_and_the_others_are_stored(tmp_path, inputs, nlp_base):
    missing = str(tmp_path / "nope[/x].jsonl")
    with Store(tmp_path / "h.duckdb") as store:
        summary = run([missing, str(inputs)], store, nlp_base, ReadOptions(today=date(2026, 1, 1)))
        assert summary.stored == 3 and summary.missing_inputs == [missing] and not summary.complete
        (problem,) = [p for p in summary.problems if p.code == "H009"]
        assert problem.where == missing and problem.severity.value == "warning"
        assert store.query("SELECT status FROM runs")[1] == [("done",)]


def test_check_inputs_without_any_existing_path_is_an_error(tmp_path):
    with pytest.raises(HarbingerError) as raised:
        check_inputs([str(tmp_path / "a"), str(tmp_path / "b")])
    assert raised.value.code == "H002" and str(tmp_path / "b") in str(raised.value)
    assert check_inputs(["-", str(tmp_path / "a")])[0].code == "H009"


def test_count_articles_is_what_a_run_reads(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        summary = run([str(inputs)], store, nlp_base)
    assert count_articles([str(inputs), str(tmp_path / "missing")]) == summary.read == 4
    assert count_articles(["-"]) is None


# --- the run's row says how it ended ----------------------------------------------------------------------


def _stop_after_first_batch(error: BaseException):
    def progress(summary) -> None:
        raise error

    return progress


def test_run_interrupted_keeps_whole_batches_and_says_so(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        with pytest.raises(RunInterrupted) as raised:
            run([str(inputs)], store, nlp_base, batch_size=2, progress=_stop_after_first_batch(KeyboardInterrupt()))
        summary = raised.value.summary
        assert isinstance(raised.value, KeyboardInterrupt) and summary.status == "interrupted"
        _, rows = store.query("SELECT status, stored, error FROM runs")
        assert rows == [("interrupted", summary.stored, None)]
        assert store.query("SELECT count(*) FROM articles")[1] == [(summary.stored,)]
        finished = run([str(inputs)], store, nlp_base, batch_size=2)
        assert summary.stored + finished.stored == 3 and finished.status == "done"


def test_run_failure_is_recorded_with_its_error(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        with pytest.raises(RuntimeError):
            run([str(inputs)], store, nlp_base, progress=_stop_after_first_batch(RuntimeError("disk [/bold] gone")))
        _, rows = store.query("SELECT status, error FROM runs")
        assert rows == [("failed", "RuntimeError: disk [/bold] gone")]


def test_run_marks_a_run_left_running_as_killed(tmp_path, inputs, nlp_base):
    with Store(tmp_path / "h.duckdb") as store:
        stale = store.start_run("run", ["old"], "m", [])
        summary = run([str(inputs)], store, nlp_base)
        (warning,) = [p for p in summary.problems if p.code == "H308"]
        assert stale in warning.message and warning.severity.value == "warning"
        _, rows = store.query("SELECT id, status FROM runs ORDER BY started_at")
        assert rows == [(stale, "killed"), (summary.run_id, "done")]
