"""The events stage's table rows (harbinger/events/rows.py): one typed row per event, exactly the schema's columns."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.events.rows import EVENT_SCHEMA, country_of, event_rows


@pytest.mark.parametrize("code,country", [("USAGOV", "USA"), ("RUS", "RUS"), ("IGOWSTNAT", "IGOWSTNAT"), (None, None)])
def test_country_of_codes(code, country):
    assert country_of(code) == country


EVENT = {
    "id": "e1",
    "source": {"code": "USAGOV", "text": "Wendy Sherman", "start": 10, "end": 23, "name": "Wendy Sherman", "sector": "GOV", "wikidata": "Q1"},
    "target": {"code": "RUSGOV", "text": "their Russian counterparts", "start": 40, "end": 66},
    "plover_type": "CONSULT",
    "cameo_code": "036",
    "goldstein": 4.0,
    "quad_class": 1,
    "mode": "planned",
    "mode_cue": "due to",
    "evidence": {"sentence_start": 0, "sentence_end": 100, "trigger_start": 30, "trigger_end": 34, "trigger_text": "meet"},
    "date": "2022-01-10",
    "date_value": "2022-01-10",
    "date_from": "time",
    "date_precision": "day",
    "timing": "future",
    "place": {"start": 70, "end": 76, "text": "Geneva", "name": "Geneva", "country": "CHE", "kind": "city", "lat": 46.2, "lon": 6.14, "geonameid": 2660646},
    "place_from": "venue",
    "confidence": 0.8,
    "rule": "MEET",
}


def test_event_rows_flatten_participants_place_and_dates():
    (row,) = event_rows("a1", "a1", [EVENT])
    assert set(row) == set(EVENT_SCHEMA.names)
    assert (row["source_country"], row["target_country"], row["event_date"], row["place_country"], row["cameo_root"]) == (
        "USA", "RUS", date(2022, 1, 10), "CHE", "03",
    )  # fmt: skip
    assert (row["source_name"], row["source_wikidata"], row["target_name"], row["timing"]) == ("Wendy Sherman", "Q1", None, "future")
    assert (row["place_geonameid"], row["place_from"], row["place_start"]) == (2660646, "venue", 70)


def test_event_rows_without_place_or_timing_default_to_current():
    (row,) = event_rows("a1", "a1", [{**EVENT, "place": None, "place_from": None, "timing": None, "target": None}])
    assert row["timing"] == "current" and row["place_text"] is None and row["target_code"] is None
