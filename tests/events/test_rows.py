from __future__ import annotations

from datetime import date

import pytest

from harbinger.store.event_rows import country_of, event_rows



@pytest.mark.parametrize("code,country", [("USAGOV", "USA"), ("RUS", "RUS"), ("IGOWSTNAT", "IGOWSTNAT"), (None, None)])
def test_country_of_codes(code, country):
    assert country_of(code) == country


def test_event_rows_flatten_participants_and_evidence():
    event = {
        "id": "e1",
        "source": {"code": "USAGOV", "text": "Wendy Sherman", "start": 10, "end": 23},
        "target": {"code": "RUSGOV", "text": "their Russian counterparts", "start": 40, "end": 66},
        "plover_type": "CONSULT",
        "cameo_code": "036",
        "goldstein": 4.0,
        "quad_class": 1,
        "mode": "planned",
        "mode_cue": "due to",
        "evidence": {"sentence_start": 0, "sentence_end": 100, "trigger_start": 30, "trigger_end": 34, "trigger_text": "meet"},
        "date": "2022-01-10",
        "date_from": "time",
        "day": "2022-01-10",
        "date_precision": "day",
        "place": {"text": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.14},
        "confidence": 0.8,
        "rule": "MEET",
    }
    (row,) = event_rows("a1", "a1", [event])
    assert (row["source_country"], row["target_country"], row["event_date"], row["place_country"], row["cameo_root"]) == (
        "USA",
        "RUS",
        date(2022, 1, 10),
        "CHE",
        "03",
    )
