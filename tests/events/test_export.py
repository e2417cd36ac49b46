"""Exports (harbinger/events/export.py): PLOVER JSON Lines and the GDELT-like TSV."""

from __future__ import annotations

import io
import json

import pytest

from harbinger.events.export import GDELT_COLUMNS, event_day, write_gdelt_tsv, write_plover_jsonl

ARTICLE = {"id": "a1", "text": "Russia attacked Ukraine on Monday.", "date": "2022-01-09", "url": "https://example.org/x", "source": "Example"}


def _event(**changes) -> dict:
    event = {
        "id": "e1",
        "article_id": "a1",
        "source": {"code": "RUS", "text": "Russia", "start": 0, "end": 6},
        "target": {"code": "UKR", "text": "Ukraine", "start": 16, "end": 23},
        "plover_type": "ASSAULT",
        "cameo_code": "190",
        "cameo_name": "Use conventional military force",
        "goldstein": -10.0,
        "quad_class": 4,
        "mode": "asserted",
        "mode_cue": None,
        "evidence": {"sentence_start": 0, "sentence_end": 34, "trigger_start": 7, "trigger_end": 15, "trigger_text": "attacked"},
        "date": "2022-01-10",
        "date_from": "time",
        "place": None,
        "confidence": 0.8,
        "rule": "cameo:PHYSICAL_CONFLICT:block:attack",
    }
    event.update(changes)
    return event


def test_write_gdelt_tsv_columns_and_values():
    stream = io.StringIO()
    assert write_gdelt_tsv([_event()], [ARTICLE], stream) == 1
    header, row = stream.getvalue().splitlines()
    assert header.split("\t") == GDELT_COLUMNS
    values = dict(zip(GDELT_COLUMNS, row.split("\t")))
    assert values["SQLDATE"] == "20220110" and values["DATEADDED"] == "20220109"
    assert (values["Actor1Code"], values["Actor2Code"], values["Actor1CountryCode"]) == ("RUS", "UKR", "RUS")
    assert (values["EventCode"], values["EventBaseCode"], values["EventRootCode"]) == ("190", "190", "19")
    assert (values["QuadClass"], values["GoldsteinScale"], values["NumMentions"]) == ("4", "-10.0", "1")
    assert values["SOURCEURL"] == "https://example.org/x"


def test_write_gdelt_tsv_blank_actors_and_no_tabs_in_cells():
    stream = io.StringIO()
    write_gdelt_tsv([_event(source=None, target={"code": None, "text": "two\tsoldiers", "start": 0, "end": 3})], [ARTICLE], stream, header=False)
    cells = stream.getvalue().rstrip("\n").split("\t")
    assert len(cells) == len(GDELT_COLUMNS)
    assert cells[GDELT_COLUMNS.index("Actor1Code")] == ""


def test_write_plover_jsonl_fields():
    stream = io.StringIO()
    write_plover_jsonl([_event(mode="planned", mode_cue="will")], [ARTICLE], stream)
    record = json.loads(stream.getvalue())
    assert (record["event"], record["mode"], record["actor_code"], record["recipient_code"]) == ("ASSAULT", "planned", "RUS", "UKR")
    assert record["text"] == ARTICLE["text"]
    assert record["offsets"]["trigger"] == [7, 15]
    assert record["date"] == "2022-01-10" and record["sources"] == ["Example"]


@pytest.mark.parametrize(
    ("value", "fallback", "expected"),
    [("2022-01-10", None, "2022-01-10"), ("2021-12", None, "2021-12-01"), ("2022-W02", None, "2022-01-10"), ("2022-01-06/2022-01-08", None, "2022-01-06"), (None, "2022-01-09", "2022-01-09"), ("soon", None, None)],
)
def test_event_day_first_day_of_a_period(value, fallback, expected):
    day = event_day(value, fallback)
    assert (day.isoformat() if day else None) == expected
