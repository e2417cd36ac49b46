"""The command line (harbinger/cli/), end to end on real files: run, code, articles, stats, export, import, eval, stages."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harbinger.cli import app
from tests.conftest import GOLD, ROOT, SEED

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "h.duckdb"
    result = runner.invoke(app, ["run", str(SEED), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_cli_run_stores_the_seed_with_dct_and_dateline(store):
    result = runner.invoke(app, ["articles", "--db", str(store), "--format", "json"])
    (row,) = json.loads(result.stdout)
    assert row["date"] == "2022-01-09" and row["dateline"] == "WASHINGTON"


def test_cli_run_twice_stores_nothing_new(store):
    result = runner.invoke(app, ["run", str(SEED), "--db", str(store), "--format", "json"])
    (summary,) = json.loads(result.stdout)
    assert result.exit_code == 0 and summary["stored"] == 0 and summary["already"] == 1


def test_cli_run_exit_code_says_records_failed(tmp_path):
    bad = tmp_path / "news.jsonl"
    bad.write_text('{"date": "2020-01-01", "text": "Talks resumed in Doha."}\n{oops\n')
    result = runner.invoke(app, ["run", str(bad), "--db", str(tmp_path / "h.duckdb"), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)[0]["stored"] == 1


def test_cli_code_prints_offsets_that_slice_the_text():
    result = runner.invoke(app, ["code", str(SEED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    text = data["article"]["text"]
    assert data["article"]["dateline"]["text"] == "WASHINGTON"
    for key in ("sentences", "entities"):
        assert all(text[s["start"] : s["end"]] == s["text"] for s in data[key])


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_cli_stats_every_format(store, fmt):
    result = runner.invoke(app, ["stats", "--db", str(store), "--format", fmt])
    assert result.exit_code == 0 and "articles" in result.stdout


@pytest.mark.parametrize("fmt,suffix", [("jsonl", ".jsonl"), ("csv", ".csv")])
def test_cli_export_text_formats(store, tmp_path, fmt, suffix):
    out = tmp_path / f"articles{suffix}"
    result = runner.invoke(app, ["export", "--db", str(store), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0 and "WASHINGTON" in out.read_text()


def test_cli_export_parquet_then_import(store, tmp_path):
    out = tmp_path / "parquet"
    assert runner.invoke(app, ["export", "--db", str(store), "--format", "parquet", "--out", str(out)]).exit_code == 0
    target = tmp_path / "copy.duckdb"
    result = runner.invoke(app, ["import", str(out), "--db", str(target)])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["articles", "--db", str(target), "--format", "json"]).stdout)
    assert len(rows) == 1


def test_cli_eval_scores_dct_and_dateline():
    result = runner.invoke(app, ["eval", "--gold", str(GOLD / "seed.gold.json"), "--format", "json", "--scorer", "dct", "--scorer", "dateline"])
    rows = {r["metric"]: r for r in json.loads(result.stdout)}
    assert rows["document date (DCT)"]["f1"] == 1.0 and rows["dateline place"]["f1"] == 1.0


@pytest.mark.parametrize(
    "kind,expected",
    [
        ("reader", {"seed", "jsonl", "csv", "parquet", "html", "text"}),
        ("stage", {"time", "place", "actors", "quotes", "events"}),
        ("exporter", {"jsonl", "csv", "parquet", "plover", "gdelt", "gdelt-mentions", "icews"}),
        ("scorer", {"dct", "dateline", "shape", "time", "place", "actors", "quotes", "events"}),
    ],
)
def test_cli_stages_lists_every_registered_kind(kind, expected):
    result = runner.invoke(app, ["stages", "--format", "json"])
    names = {r["name"] for r in json.loads(result.stdout) if r["kind"] == kind}
    assert expected <= names


def test_cli_export_unknown_format_lists_the_exporters(store, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "xml", "--out", str(tmp_path / "out.xml")])
    assert result.exception.code == "H001" and "csv, gdelt, gdelt-mentions, icews, jsonl, parquet, plover" in result.exception.hint


# The search is a plain substring: '%' and '_' are characters, not SQL wildcards (the seed has neither).
@pytest.mark.parametrize("search,found", [("blinken", 1), ("WASHINGTON", 1), ("%", 0), ("_", 0)])
def test_cli_articles_search_is_a_substring(store, search, found):
    result = runner.invoke(app, ["articles", "--db", str(store), "--search", search, "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == found


def test_cli_articles_since_after_until_is_an_error(store):
    result = runner.invoke(app, ["articles", "--db", str(store), "--since", "2022-02-01", "--until", "2022-01-01"])
    assert result.exception.code == "H504"


def test_cli_code_takes_the_read_options(tmp_path):
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps({"day": "2022-02-01", "body": "Talks resumed in Doha on Monday."}) + "\n")
    result = runner.invoke(app, ["code", str(story), "--stages", "time", "--text-field", "body", "--date-field", "day"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["article"]
    assert article["date"] == "2022-02-01" and article["text"].startswith("Talks resumed")


def test_cli_unknown_reader_lists_the_readers():
    result = runner.invoke(app, ["code", str(SEED), "--reader", "nope"])
    assert result.exception.code == "H001" and "jsonl" in result.exception.hint


def test_cli_and_api_do_not_import_each_other():
    imported = set()
    for path in (ROOT / "harbinger" / "api").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    assert not [name for name in imported if name == "harbinger.cli" or name.startswith("harbinger.cli.")]


def test_cli_user_error_is_one_line_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "harbinger", "articles", "--db", str(tmp_path / "none.duckdb")], capture_output=True, text=True
    )
    assert result.returncode == 1  # a missing store is a data error (exit 1), not a usage error (2)
    assert "H301" in result.stderr and "Traceback" not in result.stderr


def test_cli_code_uses_a_user_actor_dictionary(tmp_path):
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps({"date": "2022-02-01", "text": "National Security Adviser Jake Sullivan spoke with Chinese officials on Monday."}) + "\n")
    mine = tmp_path / "mine.csv"
    mine.write_text("name,aliases,code,role,from,to\nJake Sullivan,Sullivan,USAGOV,National Security Adviser,2021-01-20,\n")
    result = runner.invoke(app, ["code", str(story), "--stages", "actors", "--actors", str(mine)])
    assert result.exit_code == 0, result.output
    (sullivan,) = [m for m in json.loads(result.stdout)["actors"] if "Sullivan" in m["text"]]
    assert sullivan["code"] == "USAGOV" and any("user" in step for step in sullivan["resolved_by"])


def test_cli_actor_dictionary_without_actors_stage_is_an_error(tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text("name,aliases,code,role,from,to\nJake Sullivan,,USAGOV,,,\n")
    result = runner.invoke(app, ["code", str(SEED), "--stages", "time", "--actors", str(mine)])
    assert result.exit_code != 0 and "H008" in str(result.exception)


@pytest.mark.parametrize("fmt", ["plover", "gdelt", "icews"])
def test_cli_export_events(store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--db", str(store), "--format", fmt, "--out", str(out), "--modes", "all"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    if fmt == "plover":
        records = [json.loads(line) for line in lines]
        assert records and all(r["event"] and r["harbinger"]["mode"] and r["text_info"]["end"] > r["text_info"]["start"] for r in records)
        assert {r["harbinger"]["num_mentions"] for r in records} == {1}
    else:
        rows = [line.split("\t") for line in lines]
        assert rows and len({len(row) for row in rows}) == 1 and len(rows[0]) == {"gdelt": 61, "icews": 20}[fmt]


def test_cli_export_writes_to_standard_output_by_default(store):
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "gdelt", "--modes", "all", "--header"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    assert not Path("-").exists()


def test_cli_export_parquet_needs_a_folder(store):
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "parquet"])
    assert result.exit_code != 0 and result.exception.code == "H522"


# --- reliability of `run` and of every error path (exit codes: 1 data, 2 usage) --------------------------


def _harbinger(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "harbinger", *args], capture_output=True, text=True)


def test_cli_run_prints_square_brackets_in_input_as_written(tmp_path):
    story = tmp_path / "story[1].txt"
    story.write_text("date [/bold]\n\nTalks resumed in Doha on Monday.\n")
    missing = str(tmp_path / "nope[/x]")
    result = runner.invoke(app, ["run", str(story), missing, "--db", str(tmp_path / "h.duckdb"), "--stages", ""])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # partial (an input was missing), not a crash
    assert f"H009 warning: {missing}: no such file or folder" in result.stderr
    assert f"H109 warning: {story}: date '[/bold]' could not be parsed" in result.stderr
    assert "stored 1, events coded 0" in result.stderr


# `--model nope` proves each check comes before the model loads: it would otherwise fail with H003.
@pytest.mark.parametrize(
    "args,code,exit_code",
    [
        (["run", str(SEED), "--threshold", "2", "--model", "nope"], "H007", 2),
        (["run", str(SEED), "--batch-size", "0", "--model", "nope"], "H007", 2),
        (["run", "nope[/x]", "missing.jsonl", "--model", "nope"], "H002", 1),
        (["code", str(SEED), "--reader", "nope"], "H001", 2),
        (["run", str(SEED), "--model", "nope", "--db", "{tmp}/h.duckdb"], "H003", 1),
        (["articles", "--db", "{tmp}/none.duckdb"], "H301", 1),
    ],
)
def test_cli_coded_errors_exit_1_for_data_and_2_for_usage(tmp_path, args, code, exit_code):
    result = _harbinger(*(arg.format(tmp=tmp_path) for arg in args))
    assert result.returncode == exit_code, result.stderr
    assert result.stderr.startswith(f"error {code}: ") and "hint: " in result.stderr and "Traceback" not in result.stderr


def test_cli_usage_codes_are_catalogued_usage_errors():
    from harbinger.cli import USAGE_CODES
    from harbinger.errors import MESSAGES, Severity

    assert all(MESSAGES[code].severity is Severity.FATAL for code in USAGE_CODES)


def test_cli_store_held_by_another_writer_is_detected_before_the_model_loads(tmp_path):
    from harbinger.store import Store

    db = tmp_path / "h.duckdb"
    with Store(db):  # this test's process is the other writer
        result = _harbinger("run", str(SEED), "--db", str(db), "--model", "nope")
    assert result.returncode == 1 and result.stderr.startswith("error H307: ") and "in use by another process" in result.stderr
    assert "IO Error" not in result.stderr and "Traceback" not in result.stderr


def test_cli_stats_json_counts_are_numbers(store):
    result = runner.invoke(app, ["stats", "--db", str(store), "--format", "json"])
    values = {row["what"]: row["value"] for row in json.loads(result.stdout)}
    assert values["articles"] == 1 and values["runs"] >= 1 and isinstance(values["words"], int)
    assert values["first date"] == "2022-01-09"
    events = sum(v for k, v in values.items() if k.startswith("events by mode: "))
    assert values["events"] > 0 and events == values["events"] == sum(v for k, v in values.items() if k.startswith("events by timing: "))
    assert values["runs done"] >= 1


def test_cli_run_summary_counts_the_events_coded(tmp_path):
    from harbinger.store import Store

    db = tmp_path / "h.duckdb"
    result = runner.invoke(app, ["run", str(SEED), "--db", str(db), "--format", "json"])
    (summary,) = json.loads(result.stdout)
    with Store(db, read_only=True) as store:
        stored = store.query("SELECT count(*) FROM events")[1][0][0]
        assert store.query("SELECT status, events, error FROM runs")[1] == [("done", stored, None)]
    assert result.exit_code == 0 and summary["status"] == "done" and summary["events"] == stored > 0


def test_cli_progress_line_gives_eta_only_with_a_total():
    from harbinger.cli.ingest import progress_line
    from harbinger.runner import RunSummary

    summary = RunSummary(read=50, stored=40, words=20_000, seconds=10.0)
    assert progress_line(summary, 200) == "progress: read 50 of 200 articles, stored 40, 2,000 words/s, ETA 0:00:30"
    assert progress_line(summary, None) == "progress: read 50 articles, stored 40, 2,000 words/s"


def test_cli_plain_progress_prints_at_most_every_interval(capsys):
    from harbinger.cli.ingest import PlainProgress
    from harbinger.runner import RunSummary

    now = [0.0]
    show = PlainProgress(total=lambda: 10, interval=5.0, clock=lambda: now[0])
    for moment in (1.0, 5.0, 6.0, 9.9, 10.0):
        now[0] = moment
        show(RunSummary(read=int(moment), seconds=moment))
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["progress: read 5 of 10 articles, stored 0, 0 words/s, ETA 0:00:05", "progress: read 10 of 10 articles, stored 0, 0 words/s, ETA 0:00:00"]


def test_cli_run_prints_plain_progress_when_stderr_is_not_a_terminal(tmp_path, monkeypatch):
    import harbinger.cli.ingest as ingest

    monkeypatch.setattr(ingest, "PLAIN_PROGRESS_SECONDS", 0.0)
    result = runner.invoke(app, ["run", str(SEED), "--db", str(tmp_path / "h.duckdb"), "--stages", ""])
    assert result.exit_code == 0 and result.stderr.startswith("progress: read 1 ")
