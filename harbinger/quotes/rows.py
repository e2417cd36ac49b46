"""The quotes stage's table: one typed row per quote, and the Arrow schema the store and the API read.

The stage's JSON (``Quote.to_dict`` plus the ``claim`` the stage attaches, see
``quotes_to_json``) is flattened once, here, into the columns of ``QUOTE_SCHEMA``;
nothing downstream reads quote JSON keys. Every span (content, cue, speaker
mention, venue) becomes ``<part>_start``/``_end``/``_text`` offsets into the
article text; ``segments`` keeps the quoted pieces of a split quote. A claim is
at most one per quote, states the quote's content and is held by its speaker,
so only what it adds (its id, stance, the claim it disputes and why) gets
columns here rather than a table of its own. ``cue_class`` is the PARC class
of the cue (speech, belief, intention, demand, judgement, evidence).
"""

from __future__ import annotations

import pyarrow as pa

from harbinger.stages import StageTable

SEGMENT = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])


def _span(part: str, span: dict | None) -> dict:
    span = span or {}
    return {f"{part}_start": span.get("start"), f"{part}_end": span.get("end"), f"{part}_text": span.get("text")}


def _strings(value: str | list | None) -> list[str]:
    """A resolution trail as a list: the stages write a list; a single step may arrive as one string."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def quote_rows(article_id: str, canonical_id: str, quotes: list[dict]) -> list[dict]:
    rows = []
    for quote in quotes:
        speaker = quote.get("speaker") or {}
        claim = quote.get("claim") or {}
        rows.append(
            {
                "id": quote["id"],
                "article_id": article_id,
                "canonical_id": canonical_id,
                "kind": quote["kind"],
                **_span("content", quote["content"]),
                "segments": [{"start": s["start"], "end": s["end"], "text": s["text"]} for s in quote.get("segments") or ()],
                **_span("cue", quote.get("cue")),
                "act": quote.get("act"),
                "cue_class": quote.get("cue_class"),
                **_span("speaker", speaker),
                "speaker_name": speaker.get("name"),
                "speaker_code": speaker.get("code"),
                "speaker_resolved_by": _strings(speaker.get("resolved_by")) if speaker else None,
                **_span("venue", quote.get("venue")),
                "date": quote.get("date"),
                "date_from": quote.get("date_from"),
                "found_by": quote.get("found_by"),
                "confidence": quote.get("confidence"),
                "claim_id": claim.get("id"),
                "claim_stance": claim.get("stance"),
                "claim_relates_to": claim.get("relates_to"),
                "claim_why": _strings(claim.get("why")) if claim else None,
            }
        )
    return rows


def _span_columns(part: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{part}_start", pa.int32()), (f"{part}_end", pa.int32()), (f"{part}_text", pa.string())]


QUOTE_SCHEMA = pa.schema(
    [("id", pa.string()), ("article_id", pa.string()), ("canonical_id", pa.string()), ("kind", pa.string())]
    + _span_columns("content")
    + [("segments", pa.list_(SEGMENT))]
    + _span_columns("cue")
    + [("act", pa.string()), ("cue_class", pa.string())]
    + _span_columns("speaker")
    + [("speaker_name", pa.string()), ("speaker_code", pa.string()), ("speaker_resolved_by", pa.list_(pa.string()))]
    + _span_columns("venue")
    + [
        ("date", pa.string()),
        ("date_from", pa.string()),
        ("found_by", pa.string()),
        ("confidence", pa.float64()),
        ("claim_id", pa.string()),
        ("claim_stance", pa.string()),
        ("claim_relates_to", pa.string()),
        ("claim_why", pa.list_(pa.string())),
    ]
)

QUOTES_TABLE = StageTable("quotes", QUOTE_SCHEMA, quote_rows)
