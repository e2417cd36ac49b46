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
    weeks = rows("series", "--db", str(db), "--source", "USA", "--target", "RUS")
    assert weeks[0]["period"] == "2022-01-03" and len(weeks) == 12
    everything = rows("series", "--db", str(db), "--source", "USA", "--target", "RUS", "--timing", "all")
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
