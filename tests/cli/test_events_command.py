"""``harbinger events`` (harbinger/cli/events.py) end to end on a real store: filters, formats, the table and its errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from harbinger.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(timing_db):
    return timing_db[0]


def sql(db, query: str, params=()) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(query, list(params)).fetchall()


def events(db, *args: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", str(db), "-f", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_command_lists_occurred_current_events_by_default(db):
    found = events(db)
    ((expected,),) = sql(db, "SELECT count(*) FROM events WHERE mode IN ('asserted', 'reported') AND timing = 'current'")
    assert len(found) == expected > 50  # file formats are not cut at the table's 50
    assert {e["mode"] for e in found} == {"asserted", "reported"} and {e["timing"] for e in found} == {"current"}
    dates = [e["event_date"] for e in found]
    assert dates == sorted(dates, reverse=True)


def test_events_command_records_hold_every_events_column_and_the_article(db):
    (record,) = events(db, "--limit", "1", "--order", "oldest")
    columns = [name for (name,) in sql(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'")]
    assert set(columns) <= set(record)
    (text, day, url, title), *_ = sql(db, "SELECT text, date, url, title FROM articles WHERE id = ?", [record["article_id"]])
    assert record["sentence"] == text[record["sentence_start"] : record["sentence_end"]]
    assert (record["article_date"], record["article_url"], record["article_title"]) == (day.isoformat(), url, title)


@pytest.mark.parametrize(
    "timing, expected",
    [("current", set()), ("historical", {"historical"}), ("future", {"future"}), ("all", {"historical", "future"})],
)
def test_events_command_timing(timing_db, timing, expected):
    db, ids = timing_db
    found = events(db, "--timing", timing, "--mode", "all")
    assert {name for name, event_id in ids.items() if event_id in {e["id"] for e in found}} == expected
    assert {e["timing"] for e in found} == ({"current", "historical", "future"} if timing == "all" else {timing})


@pytest.mark.parametrize("dyad", ["USA:RUS", "usagov:RUS", "USA:RUSGOV"])
def test_events_command_dyad_matches_code_or_country(db, dyad):
    found = events(db, "--dyad", dyad)
    ((expected,),) = sql(
        db, "SELECT count(*) FROM events WHERE source_country = 'USA' AND target_country = 'RUS' AND mode IN ('asserted', 'reported') AND timing = 'current'"
    )
    assert len(found) == expected > 0
    assert {(e["source_country"], e["target_country"]) for e in found} == {("USA", "RUS")}


def test_events_command_actor_source_and_target(db):
    either = events(db, "--actor", "UKR")
    assert either and all("UKR" in (e["source_country"], e["target_country"]) for e in either)
    assert {e["source_country"] for e in either} >= {"UKR", "RUS"}
    assert {e["id"] for e in events(db, "--source", "RUS", "--target", "UKRGOV")} == {e["id"] for e in events(db, "--dyad", "RUS:UKR")}


def test_events_command_types_repeatable_and_comma_separated(db):
    found = events(db, "--type", "sanction,threaten", "--type", "ACCUSE")
    assert {e["plover_type"] for e in found} == {"SANCTION", "THREATEN", "ACCUSE"}


@pytest.mark.parametrize("modes", [["planned,conditional"], ["planned", "conditional"]])
def test_events_command_modes(db, modes):
    found = events(db, *[arg for mode in modes for arg in ("--mode", mode)])
    ((expected,),) = sql(db, "SELECT count(*) FROM events WHERE mode IN ('planned', 'conditional') AND timing = 'current'")
    assert len(found) == expected > 0 and {e["mode"] for e in found} == {"planned", "conditional"}


def test_events_command_confidence_text_and_dates(db):
    sure = events(db, "--min-confidence", "0.9")
    assert sure and all(e["confidence"] >= 0.9 for e in sure) and len(sure) < len(events(db))
    said = events(db, "--text", "OFFICIALS SAID")
    assert said and all("officials said" in e["sentence"] for e in said) and {e["mode"] for e in said} == {"reported"}
    january = events(db, "--since", "2022-01-10", "--until", "2022-01-16")
    assert january and {e["event_date"] for e in january} <= {f"2022-01-{day}" for day in range(10, 17)}


def test_events_command_orders_and_limits(db):
    hostile = events(db, "--order", "most_hostile", "--limit", "5")
    assert len(hostile) == 5 and [e["goldstein"] for e in hostile] == sorted(e["goldstein"] for e in hostile)
    assert hostile[0]["goldstein"] == min(e["goldstein"] for e in events(db))
    ((first,),) = sql(db, "SELECT min(event_date) FROM events WHERE mode IN ('asserted', 'reported') AND timing = 'current'")
    assert [e["event_date"] for e in events(db, "--order", "oldest", "--limit", "1")] == [first.isoformat()]


def test_events_command_csv_and_parquet_files(db, tmp_path):
    expected = events(db, "--dyad", "USA:RUS")
    result = runner.invoke(app, ["events", "--db", str(db), "--dyad", "USA:RUS", "-f", "csv", "-o", str(tmp_path / "e.csv")])
    assert result.exit_code == 0 and f"wrote {len(expected)} events" in result.stderr
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [e["id"] for e in expected] and rows[0]["sentence"] == expected[0]["sentence"]
    result = runner.invoke(app, ["events", "--db", str(db), "--dyad", "USA:RUS", "-f", "parquet", "-o", str(tmp_path / "e.parquet")])
    assert result.exit_code == 0, result.output
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column("id").to_pylist() == [e["id"] for e in expected]
    types = {field.name: str(field.type) for field in table.schema}
    assert (types["event_date"], types["confidence"], types["quad_class"], types["place_geonameid"]) == ("date32[day]", "double", "int32", "int32")
    assert table.column("event_date").to_pylist()[0] == date.fromisoformat(expected[0]["event_date"])


def test_events_command_table_is_cut_at_50_with_a_note(db):
    result = runner.invoke(app, ["events", "--db", str(db)])
    assert result.exit_code == 0, result.output
    ((total,),) = sql(db, "SELECT count(*) FROM events WHERE mode IN ('asserted', 'reported') AND timing = 'current'")
    assert f"showing 50 of {total:,} matching events" in result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 140 for line in lines)
    assert "source → target" in lines[1] and "evidence" in lines[1]
    assert sum(line[:10].count("2022-") for line in lines) == 50


def test_events_command_table_shows_codes_names_type_cameo_mode_place_and_evidence(timing_db):
    db, ids = timing_db
    result = runner.invoke(app, ["events", "--db", str(db), "--timing", "historical"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    for shown in ("1980-01-01", "USAGOV → RUSGOV", "The United States →", "SANCTION 163", "asserted 0.80", "historical",
                  "The United States imposed sanctions on Russia in 1980"):  # fmt: skip
        assert shown in text, shown
    assert result.stderr == ""  # every match is shown: no note


def test_events_command_table_shortens_long_evidence_around_the_trigger(db, tmp_path):
    from harbinger.cli.events import EVIDENCE_CHARS, _evidence

    sentence = "Long before anything happened " * 5 + "Russia shelled Kharkiv" + " and then nothing at all happened" * 5
    at = sentence.index("shelled")
    record = {"sentence": sentence, "sentence_start": 100, "trigger_start": 100 + at, "trigger_end": 100 + at + 7}
    text = _evidence(record)
    assert text.plain.startswith("…") and text.plain.endswith("…") and len(text.plain) <= EVIDENCE_CHARS + 2
    assert "Russia shelled Kharkiv" in text.plain
    (bold,) = text.spans
    assert text.plain[bold.start : bold.end] == "shelled"
    assert text.plain[1:].split()[0] in sentence.split()  # cut between words


def test_events_command_nothing_matches_says_so_on_stderr(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--text", "no sentence says this"])
    ((total,),) = sql(db, "SELECT count(*) FROM events")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == f"no events match; {total:,} events in the store: loosen the filters"


@pytest.mark.parametrize(
    "args, flags",
    [(["--since", "1980-01-01", "--until", "1980-12-31"], "--timing all"),
     (["--dyad", "IGOWSTNAT:UKR", "--since", "2023-01-01"], "--mode all --timing all"),
     (["--mode", "denied", "--type", "AGREE", "--dyad", "FRA:DEU"], "--mode all")],
)  # fmt: skip
def test_events_command_nothing_matches_suggests_what_would(db, args, flags):
    result = runner.invoke(app, ["events", "--db", str(db), "-f", "csv", *args])
    assert result.exit_code == 0 and result.stdout.strip().startswith("id,")
    assert result.stderr.strip().endswith(f"of them with {flags}")


@pytest.mark.parametrize(
    "args, code",
    [
        (["--type", "BOMB"], "H512"),
        (["--type", "ASSAULT,bomb"], "H512"),
        (["--mode", "maybe"], "H502"),
        (["--format", "xml"], "H509"),
        (["--order", "random"], "H506"),
        (["--timing", "soon"], "H513"),
        (["--since", "2022-03-01", "--until", "2022-01-01"], "H504"),
        (["--since", "last tuesday"], "H006"),
        (["--dyad", "USA"], "H515"),
        (["--dyad", "USA:"], "H515"),
        (["--format", "parquet"], "H522"),
        (["--format", "csv", "-o", "/proc/events.csv"], "H523"),
    ],
)
def test_events_command_bad_input_is_a_coded_error(db, args, code):
    result = runner.invoke(app, ["events", "--db", str(db), *args])
    assert result.exit_code != 0 and result.exception.code == code and result.exception.hint


def test_events_command_missing_or_old_store(tmp_path):
    assert runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")]).exception.code == "H301"
    with duckdb.connect(str(tmp_path / "old.duckdb")) as connection:
        connection.execute("CREATE TABLE articles (id VARCHAR)")
    assert runner.invoke(app, ["events", "--db", str(tmp_path / "old.duckdb")]).exception.code == "H511"


def test_events_command_error_is_one_line_without_traceback(db):
    result = subprocess.run([sys.executable, "-m", "harbinger", "events", "--db", str(db), "--type", "BOMB"], capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("error H512: unknown PLOVER type 'BOMB'\n  hint: use any of: AGREE,") and "Traceback" not in result.stderr
