import json

import pytest
from typer.testing import CliRunner

from harbinger.cli import app
from harbinger.errors import HarbingerError

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_series_command_prints_the_dyad_series(seeded_db):
    result = run("series", "--db", seeded_db, "--source", "USA", "--target", "RUS", "--by", "month", "--wide", "-f", "json")
    assert result.exit_code == 0, result.output
    months = json.loads(result.stdout)
    assert [m["period"] for m in months] == ["2022-01-01", "2022-02-01", "2022-03-01"]
    assert all(m["source"] == "USA" and m["series"] == "occurred" for m in months)


def test_series_command_table_hides_empty_type_columns(seeded_db):
    result = runner.invoke(app, ["series", "--db", str(seeded_db), "--source", "FRA", "--target", "DEU", "--wide"], env={"COLUMNS": "400"})
    assert result.exit_code == 0 and "consult" in result.stdout and "assault" not in result.stdout


def test_alerts_command_lists_the_escalation(seeded_db):
    result = run("alerts", "--db", seeded_db, "--since", "2022-03-01", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(a["source"], a["target"], a["week"]) for a in alerts} == {("USA", "RUS", "2022-03-21")}
    assert all(a["evidence_ids"] for a in alerts)


def test_alerts_command_table_shortens_evidence(seeded_db):
    result = run("alerts", "--db", seeded_db)
    assert result.exit_code == 0 and "7/7: " in result.stdout and "…" in result.stdout


@pytest.mark.parametrize(
    "args, code",
    [(["series", "--by", "year"], "H509"), (["series", "--mode", "maybe"], "H509"), (["alerts", "--level", "region"], "H509"),
     (["alerts", "--min-baseline-weeks", "20"], "H505"), (["series", "--since", "2022-03-01", "--until", "2022-01-01"], "H504")],
)  # fmt: skip
def test_analysis_commands_reject_bad_options_with_codes(seeded_db, args, code):
    result = run(*args, "--db", seeded_db)
    assert isinstance(result.exception, HarbingerError) and result.exception.code == code


def test_analysis_commands_reject_bad_dates(seeded_db):
    result = run("alerts", "--db", seeded_db, "--since", "2022-13-01")
    assert result.exit_code == 2 and "since" in result.output


@pytest.mark.parametrize("command", ["series", "alerts", "serve"])
def test_analysis_commands_need_a_store(tmp_path, command):
    result = run(command, "--db", tmp_path / "missing.duckdb")
    assert isinstance(result.exception, HarbingerError) and result.exception.code == "H301"


@pytest.mark.parametrize(
    "args, code",
    [(["--since", "0001-01-01", "--by", "day"], "H508"), (["--since", "2000-01-01", "--by", "day"], "H530"),
     (["--until", "9999-12-31", "--by", "month"], "H508")],
)  # fmt: skip
def test_series_command_refuses_series_past_the_bounds(seeded_db, args, code):
    """`--since 0001-01-01 --by day` once built 738,000 rows in 1.4 GB; a missing end is the last event, not 9999."""
    result = run("series", "--db", seeded_db, *args)
    assert isinstance(result.exception, HarbingerError) and result.exception.code == code and result.exception.hint


def test_alerts_command_limit(seeded_db):
    loose = ["--threshold", "1", "--min-events", "1", "-f", "jsonl"]
    everything = run("alerts", "--db", seeded_db, *loose).stdout.splitlines()
    assert len(everything) > 2 and run("alerts", "--db", seeded_db, *loose, "--limit", "2").stdout.splitlines() == everything[:2]
    result = run("alerts", "--db", seeded_db, "--limit", "5000")
    assert isinstance(result.exception, HarbingerError) and result.exception.code == "H532"


def test_serve_refuses_a_store_another_process_writes(tmp_path, seeded_db):
    import shutil

    from tests.api.test_snapshots import writer_holding

    path = tmp_path / "busy.duckdb"
    shutil.copy(seeded_db, path)
    with writer_holding(path):
        result = run("serve", "--db", path)
    assert isinstance(result.exception, HarbingerError) and result.exception.code == "H534"


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("meeting notes\n" * 200)
    result = run("serve", "--db", path)
    assert isinstance(result.exception, HarbingerError) and result.exception.code == "H535"
