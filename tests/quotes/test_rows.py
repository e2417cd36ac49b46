"""The quotes stage's JSON flattened into the quotes table's rows."""

from __future__ import annotations

import pyarrow as pa
import pytest

from harbinger.models import Span
from harbinger.quotes.models import Claim, Quote, Speaker
from harbinger.quotes.rows import QUOTE_SCHEMA, quote_rows
from harbinger.time import DateFrom

TEXT = 'Blinken said on Sunday that "no breakthrough" was expected, in an interview with CNN.'
BLINKEN = Speaker(Span.of(TEXT, 0, 7), "Antony Blinken", "USAGOV", ("actor:name", "person_dictionary:wikidata:Q7821917"))


def quote(speaker: Speaker | None = BLINKEN, cue: Span | None = Span.of(TEXT, 8, 12), venue: Span | None = Span.of(TEXT, 60, 84)) -> Quote:
    content = Span.of(TEXT, 29, 44)
    return Quote("q1", "mixed", content, (content,), cue, "assert", speaker, venue, "2022-01-09", DateFrom.TIME, "clause", 0.85)


def layer(q: Quote, claim: Claim | None = None) -> list[dict]:
    return [{**q.to_dict(), "claim": claim.to_dict() if claim else None}]


def test_quote_rows_flatten_spans_speaker_and_date():
    (row,) = quote_rows("a1", "c1", layer(quote()))
    assert row["content_text"] == "no breakthrough" and (row["content_start"], row["content_end"]) == (29, 44)
    assert row["segments"] == [{"start": 29, "end": 44, "text": "no breakthrough"}]
    assert (row["cue_text"], row["venue_text"]) == ("said", "in an interview with CNN")
    assert (row["speaker_text"], row["speaker_name"], row["speaker_code"]) == ("Blinken", "Antony Blinken", "USAGOV")
    assert row["speaker_resolved_by"] == ["actor:name", "person_dictionary:wikidata:Q7821917"]
    assert (row["date"], row["date_from"], row["found_by"], row["confidence"]) == ("2022-01-09", "time", "clause", 0.85)
    assert (row["id"], row["article_id"], row["canonical_id"], row["kind"], row["act"]) == ("q1", "a1", "c1", "mixed", "assert")


def test_quote_rows_keep_the_claim_the_quote_states():
    claim = Claim("k1", "q1", Span.of(TEXT, 29, 44), BLINKEN, "disputes", "k0", ("cue:said", "denial cue"))
    (row,) = quote_rows("a1", "a1", layer(quote(), claim))
    assert (row["claim_id"], row["claim_stance"], row["claim_relates_to"]) == ("k1", "disputes", "k0")
    assert row["claim_why"] == ["cue:said", "denial cue"]


@pytest.mark.parametrize(
    "made, empty",
    [(quote(speaker=None), ("speaker_start", "speaker_name", "speaker_code", "speaker_resolved_by")),
     (quote(cue=None), ("cue_start", "cue_end", "cue_text")), (quote(venue=None), ("venue_start", "venue_text")),
     (quote(), ("claim_id", "claim_stance", "claim_why"))],
)  # fmt: skip
def test_quote_rows_leave_missing_parts_null(made, empty):
    (row,) = quote_rows("a1", "a1", layer(made))
    assert all(row[column] is None for column in empty)


def test_quote_rows_accept_a_single_resolution_step_as_a_string():
    record = layer(quote())[0]
    record["speaker"]["resolved_by"] = "mention text"
    assert quote_rows("a1", "a1", [record])[0]["speaker_resolved_by"] == ["mention text"]


def test_quote_rows_fit_the_schema():
    rows = quote_rows("a1", "a1", layer(quote()) + layer(quote(speaker=None, cue=None, venue=None)))
    assert all(list(row) == QUOTE_SCHEMA.names for row in rows)
    assert pa.Table.from_pylist(rows, schema=QUOTE_SCHEMA).num_rows == 2
