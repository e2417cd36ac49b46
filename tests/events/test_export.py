"""Event exports (harbinger/events/export.py, harbinger/events/plover.py, harbinger/exporters.py) on a synthetic store:
each format read back the way its users read it, and validated against the shipped JSON Schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd
import polars as pl
import pytest

import harbinger.exporters  # noqa: F401  (registers the exporters)
from harbinger.errors import HarbingerError
from harbinger.events.export import FORMAT_COLUMNS, GDELT_COLUMNS, GDELT_MENTION_COLUMNS, ICEWS_COLUMNS, code_parts, numeric_id, read_row
from harbinger.events.plover import _filled_paths
from harbinger.exporters import ExportRequest
from harbinger.registry import exporters
from harbinger.schemas import output_schemas
from harbinger.store import Store
from harbinger.store.event_export import ExportChoice, stored_events
from tests.synthetic import add_timing_examples, seed_store

SCHEMAS = Path(__file__).resolve().parents[2] / "harbinger" / "data" / "schemas"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    with Store(path) as opened:
        counts = seed_store(opened)
        add_timing_examples(opened)
    with Store(path, read_only=True) as opened:
        yield opened, counts


def _export(store, fmt: str, tmp_path: Path, **request) -> tuple[Path, dict]:
    out = tmp_path / f"out.{fmt}"
    written = exporters.get(fmt).write(store, ExportRequest(out, **request))
    return out, written


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")))


def test_shipped_schemas_are_the_ones_the_types_make():
    for name, schema in output_schemas().items():
        assert json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")) == schema, f"run scripts/export_schemas.py --write ({name})"


def test_default_exports_hold_only_current_events_that_happened(store):
    opened, counts = store
    modes = {r["mode"] for r in stored_events(opened)}
    assert modes <= {"asserted", "reported"} and modes
    everything = list(stored_events(opened, ExportChoice.parse("all", "all")))
    assert {r["mode"] for r in everything} >= {"planned", "conditional", "denied"}
    assert {r["timing"] for r in everything} == {"current", "historical", "future"}
    assert len(everything) == counts["events"] + 2
    assert all(r["timing"] == "current" for r in stored_events(opened, ExportChoice.parse("all", None)))


def test_unknown_mode_or_timing_is_a_coded_error():
    with pytest.raises(HarbingerError) as err:
        ExportChoice.parse("occured", None)
    assert err.value.code == "H502" and "occurred" in err.value.hint
    with pytest.raises(HarbingerError) as err:
        ExportChoice.parse(None, "past")
    assert err.value.code == "H513"


def test_gdelt_export_is_61_columns_without_header_and_reads_with_gdelt_dtypes(store, tmp_path):
    opened, _ = store
    out, written = _export(opened, "gdelt", tmp_path)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61 and written["events"] == len(lines) > 0
    validator = _validator("gdelt")
    rows = [read_row("gdelt", line) for line in lines]
    for row in rows:
        validator.validate(row)
    frame = pl.read_csv(out, separator="\t", has_header=False, new_columns=GDELT_COLUMNS, quote_char=None,
                        schema_overrides={"EventCode": pl.String, "EventBaseCode": pl.String, "EventRootCode": pl.String})  # fmt: skip
    assert frame.schema["GLOBALEVENTID"] == pl.Int64 and frame.schema["ActionGeo_Lat"] == pl.Float64
    assert frame["SQLDATE"].min() >= 20220103 and set(frame["QuadClass"].unique()) <= {1, 2, 3, 4}
    moscow = next(r for r in rows if r["ActionGeo_FullName"] and r["ActionGeo_FullName"].startswith("Moscow"))
    assert (moscow["ActionGeo_CountryCode"], moscow["ActionGeo_Type"]) == ("RS", 4)  # FIPS 10-4, not ISO's RUS
    nato = next(r for r in rows if r["Actor1Code"] == "IGOWSTNAT")
    assert (nato["Actor1KnownGroupCode"], nato["Actor1Type1Code"], nato["Actor1CountryCode"]) == ("NAT", "IGO", None)
    usa = next(r for r in rows if r["Actor1Code"] == "USAGOV")
    assert (usa["Actor1CountryCode"], usa["Actor1Type1Code"]) == ("USA", "GOV")
    assert all(r["NumMentions"] >= r["NumArticles"] >= 1 for r in rows)
    assert any(r["NumArticles"] > 1 for r in rows)  # a near duplicate counts as a second article of the story


def test_gdelt_header_and_mentions(store, tmp_path):
    opened, _ = store
    out, _ = _export(opened, "gdelt", tmp_path, header=True)
    assert out.read_text(encoding="utf-8").splitlines()[0].split("\t") == GDELT_COLUMNS
    out, written = _export(opened, "gdelt-mentions", tmp_path)
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_MENTION_COLUMNS)
    events = pd.read_csv(_export(opened, "gdelt", tmp_path)[0], sep="\t", header=None, names=GDELT_COLUMNS)
    assert written["mentions"] == len(frame) == events["NumArticles"].sum()
    assert set(frame["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])
    assert frame.groupby("GLOBALEVENTID")["InRawText"].sum().eq(1).all()  # offsets belong to the coded copy only
    validator = _validator("gdelt-mentions")
    for line in out.read_text(encoding="utf-8").splitlines():
        validator.validate(read_row("gdelt-mentions", line))


def test_plover_export_reads_in_polars_and_pandas_without_options_and_matches_its_schema(store, tmp_path):
    opened, _ = store
    out, written = _export(opened, "plover", tmp_path, choice=ExportChoice.parse("all", "all"))
    frame = pl.read_ndjson(out)
    assert len(frame) == written["events"] == len(pd.read_json(out, lines=True))
    validator = _validator("plover")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        validator.validate(record)
    assert {r["harbinger"]["mode"] for r in records} >= {"asserted", "planned", "denied"}
    usa = next(r for r in records if r["actor"] and r["actor"][0]["cameo_code"] == "USAGOV")
    assert (usa["actor"][0]["code"], usa["actor"][0]["sector"], usa["actor"][0]["country"]) == ("USA", "GOV", "USA")
    located = [r for r in records if r["event_loc"]]
    assert located and all(r["event_loc"]["country_code"] and r["event_loc"]["place_from"] == "venue" for r in located)
    assert all(r["event"] == [r["event_type"]] and r["date"] for r in records)


def test_plover_first_lines_fill_every_field_a_later_line_fills(store, tmp_path):
    opened, _ = store
    out, _ = _export(opened, "plover", tmp_path, choice=ExportChoice.parse("all", "all"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) > 100
    everywhere = set().union(*(_filled_paths(r) for r in records))
    assert set().union(*(_filled_paths(r) for r in records[:20])) == everywhere


def test_icews_export_has_its_header_and_country_names(store, tmp_path):
    opened, _ = store
    out, written = _export(opened, "icews", tmp_path)
    frame = pd.read_csv(out, sep="\t", dtype={"CAMEO Code": str})
    assert list(frame.columns) == ICEWS_COLUMNS and len(frame) == written["events"]
    assert "Russia" in set(frame["Source Country"]) and "Government" in set(frame["Source Sectors"])
    validator = _validator("icews")
    for line in out.read_text(encoding="utf-8").splitlines()[1:]:
        validator.validate(read_row("icews", line))


def test_numeric_ids_are_stable_and_fit_int64():
    assert numeric_id("ffffffffffffffff") == 2**60 - 1 and numeric_id("0000000000000001") == 0
    assert numeric_id("1c566725cc25627b") == numeric_id("1c566725cc25627b")


@pytest.mark.parametrize(
    "code,parts",
    [("USAGOV", ("USA", "", ["GOV"])), ("IGOWSTNAT", ("", "NAT", ["IGO"])), ("RUSMILREB", ("RUS", "", ["MIL", "REB"])), (None, ("", "", []))],
)
def test_code_parts(code, parts):
    assert code_parts(code) == parts


def test_stdout_and_output_path_errors(store, tmp_path, capsys):
    opened, _ = store
    written = exporters.get("icews").write(opened, ExportRequest(None))
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split("\t") == ICEWS_COLUMNS and len(printed) == written["events"] + 1
    with pytest.raises(HarbingerError) as err:
        exporters.get("gdelt").write(opened, ExportRequest(tmp_path))
    assert err.value.code == "H521"
    nested = tmp_path / "new" / "folder" / "events.tsv"
    exporters.get("gdelt").write(opened, ExportRequest(nested))
    assert nested.exists() and not list(nested.parent.glob(".*.part"))
    (tmp_path / "file").write_text("x")
    with pytest.raises(HarbingerError) as err:
        exporters.get("parquet").write(opened, ExportRequest(tmp_path / "file"))
    assert err.value.code == "H521"


def test_a_failed_export_leaves_the_previous_file_whole(store, tmp_path, monkeypatch):
    opened, _ = store
    out = tmp_path / "events.tsv"
    out.write_text("previous\n")

    def broken(records, stream, header=False):
        stream.write("half a row")
        raise RuntimeError("disk full")

    monkeypatch.setattr(harbinger.exporters, "write_gdelt", broken)
    with pytest.raises(RuntimeError):
        exporters.get("gdelt").write(opened, ExportRequest(out))
    assert out.read_text() == "previous\n" and not list(tmp_path.glob(".*.part"))


def test_every_tabular_format_has_a_schema_per_column():
    for fmt, columns in FORMAT_COLUMNS.items():
        schema = output_schemas()[fmt]
        assert schema["x-column-order"] == columns and set(schema["properties"]) == set(columns)
