"""``harbinger series`` and ``harbinger alerts`` (harbinger/cli/analysis.py): only current events count unless ``--timing`` says otherwise."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from harbinger.cli import app

runner = CliRunner()


def rows(*args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_series_command_starts_at_the_first_current_event(timing_db):
    db, _ = timing_db
    weeks = rows("series", "--db", str(db), "--source", "USA", "--target", "RUS", "--wide")
    assert weeks[0]["period"] == "2022-01-03" and len(weeks) == 12
    everything = rows("series", "--db", str(db), "--source", "USA", "--target", "RUS", "--timing", "all", "--wide")
    assert everything[0]["period"] == "1979-12-31" and everything[0]["sanction"] == 1  # the week of the 1980 aside
    assert sum(w["events"] for w in everything) == sum(w["events"] for w in weeks) + 1


def test_alerts_command_timing(timing_db):
    db, _ = timing_db
    current = rows("alerts", "--db", str(db))
    assert {(a["source"], a["target"], a["week"]) for a in current} == {("USA", "RUS", "2022-03-21")}
    assert rows("alerts", "--db", str(db), "--timing", "all") == current  # one 1980 sanction does not change a rolling 8-week baseline


@pytest.mark.parametrize("command", ["series", "alerts"])
def test_analysis_commands_reject_an_unknown_timing(timing_db, command):
    result = runner.invoke(app, [command, "--db", str(timing_db[0]), "--timing", "later"])
    assert result.exception.code == "H509" and "historical" in str(result.exception)


def test_series_command_is_long_by_default_and_says_the_same_as_wide(timing_db):
    db, _ = timing_db
    long = rows("series", "--db", str(db), "--source", "USA", "--target", "RUS")
    wide = rows("series", "--db", str(db), "--source", "USA", "--target", "RUS", "--wide")
    assert set(long[0]) == {"period", "source", "target", "series", "measure", "value"}
    for week in wide:
        measured = {r["measure"]: r["value"] for r in long if r["period"] == week["period"]}
        assert measured["events"] == week["events"] and measured["goldstein_sum"] == week["goldstein_sum"]
        assert {k: v for k, v in week.items() if v and k not in ("period", "source", "target", "series")} == {k: v for k, v in measured.items() if v}


@pytest.mark.parametrize("args", [[], ["--by", "day"], ["--wide", "--by", "month"]])
def test_series_command_table_fits_a_terminal(timing_db, args):
    result = runner.invoke(app, ["series", "--db", str(timing_db[0]), "--source", "USA", "--target", "RUS", *args], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    widest = max(len(line) for line in result.stdout.splitlines())
    assert widest <= (140 if "--wide" in args else 80), widest  # --wide keeps only the measures that occur


def test_alerts_command_table_fits_a_terminal(timing_db):
    result = runner.invoke(app, ["alerts", "--db", str(timing_db[0])], env={"COLUMNS": "100"})
    assert result.exit_code == 0 and "USA → RUS" in result.stdout and "± " in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


@pytest.mark.parametrize(
    "args, hint",
    [([], "Try --min-events 1"), (["--min-events", "1"], "Try --threshold 2"), (["--min-events", "1", "--threshold", "2"], "too few weeks")],
)
def test_alerts_command_says_what_to_loosen_when_nothing_alerts(timing_db, args, hint):
    result = runner.invoke(app, ["alerts", "--db", str(timing_db[0]), "--since", "2022-04-01", *args])
    assert result.exit_code == 0
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("No alerts")]
    assert hint in line


def test_alerts_command_hint_stays_off_machine_output(timing_db):
    result = runner.invoke(app, ["alerts", "--db", str(timing_db[0]), "--since", "2022-04-01", "-f", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == [] and "No alerts" in result.stderr
