"""Office-holder tables (harbinger/actors/officeholders.py) and `harbinger actors update/status`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from harbinger.actors.lexicon import igo_codes, shipped_lexicon
from harbinger.actors.officeholders import install, merged_records, packaged_records, read_spells, records_from_spells
from harbinger.cli import app
from harbinger.errors import HarbingerError

HEADER = "person_qid,name,position_label,country_iso3,igo,role,start,end\n"
ROWS = (
    "Q324546,Marco Rubio,United States Secretary of State,USA,,foreign_minister,2025-01-21,\n"
    "Q57792,Mark Rutte,Secretary General of NATO,,North Atlantic Treaty Organization,igo_head,2024-10-01,\n"
)
BAD = (
    "Q123,Q123,no name,USA,,foreign_minister,2025-01-21,\n"
    "Q5,Somebody,President,ZZZ,,head_of_state,2020-01-01,\n"
    "Q6,Someone Else,President,FRA,,head_of_state,2020-13-01,\n"
    "Q7,Third Person,President,FRA,,president,2020-01-01,\n"
    "Q8,Fourth Person,President,FRA,,head_of_state,2021-01-01,2020-01-01\n"
)


@pytest.fixture
def countries():
    return shipped_lexicon().country_codes


def test_rows_are_checked_one_by_one(tmp_path, countries):
    path = tmp_path / "holders.csv"
    path.write_text(HEADER + ROWS + BAD)
    spells, problems = read_spells(path, countries)
    assert [s.person_qid for s in spells] == ["Q324546", "Q57792"]
    assert [p.code for p in problems] == ["H604"] * 5
    assert [p.where for p in problems] == [f"{path}:{n}" for n in range(4, 9)]
    assert "ZZZ" in problems[1].message and "2020-13-01" in problems[2].message and "before start" in problems[4].message


def test_records_code_governments_and_organisations(tmp_path, countries):
    path = tmp_path / "holders.csv"
    path.write_text(HEADER + ROWS)
    records = {r["qid"]: r for r in records_from_spells(read_spells(path, countries)[0], igo_codes())}
    assert records["Q324546"]["roles"] == [["USAGOV", "2025-01-21", None, "United States Secretary of State"]]
    assert records["Q57792"]["roles"][0][0] == "IGOWSTNAT" and records["Q57792"]["names"] == ["mark rutte"]


def test_wikidata_sparql_results_are_read(tmp_path, countries):
    result = {
        "head": {"vars": ["person", "personLabel", "positionLabel", "iso3", "role", "start", "end"]},
        "results": {"bindings": [{
            "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q324546"},
            "personLabel": {"type": "literal", "value": "Marco Rubio"},
            "positionLabel": {"type": "literal", "value": "United States Secretary of State"},
            "iso3": {"type": "literal", "value": "USA"},
            "role": {"type": "literal", "value": "foreign_minister"},
            "start": {"type": "literal", "value": "2025-01-21T00:00:00Z"},
        }]},
    }  # fmt: skip
    path = tmp_path / "query.json"
    path.write_text(json.dumps(result))
    (spell,), problems = read_spells(path, countries)
    assert (spell.person_qid, spell.start, spell.end, problems) == ("Q324546", "2025-01-21", "", [])


def test_install_is_versioned_idempotent_and_merges_over_the_packaged_table(tmp_path, countries):
    source = tmp_path / "holders.csv"
    source.write_text(HEADER + ROWS + BAD)
    first = install(source, countries, igo_codes(), tmp_path)
    assert first.manifest["version"] == 1 and first.manifest["people"] == 2 and len(first.problems) == 5
    assert first.people_added == ["marco rubio"] and not first.people_removed  # Rutte was there as Dutch prime minister
    rutte = next(r for r in merged_records(tmp_path) if r["qid"] == "Q57792")
    assert {role[0] for role in rutte["roles"]} == {"NLDGOV", "IGOWSTNAT"}  # his NATO post added, his Dutch years kept
    again = install(source, countries, igo_codes(), tmp_path)
    assert again.unchanged and again.manifest["version"] == 1
    merged = merged_records(tmp_path)
    assert len(merged) == len(packaged_records()) + 1
    source.write_text(HEADER + ROWS.replace("2025-01-21,", "2025-01-21,2025-12-31"))
    second = install(source, countries, igo_codes(), tmp_path)
    assert second.manifest["version"] == 2 and second.spells_added == 1 and second.spells_removed == 1


def test_a_table_without_good_rows_is_refused_and_installs_nothing(tmp_path, countries):
    source = tmp_path / "holders.csv"
    source.write_text(HEADER + BAD)
    with pytest.raises(HarbingerError) as err:
        install(source, countries, igo_codes(), tmp_path)
    assert err.value.code == "H606" and not (tmp_path / "actors").exists()


def test_cli_update_then_status(tmp_path):
    source = tmp_path / "holders.csv"
    source.write_text(HEADER + ROWS)
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "update", str(source), "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "installed version 1: 2 people" in result.output and "new people: Marco Rubio" in result.output
    status = runner.invoke(app, ["actors", "status", "--data-dir", str(tmp_path)])
    assert "user table version 1" in status.output and "holders.csv" in status.output
