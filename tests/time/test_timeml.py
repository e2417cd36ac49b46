"""The TimeML writer: tagged text that parses as XML, keeps the article's text, and carries the DCT as t0."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest

from harbinger.time.stage import Timex
from harbinger.time.timeml import tagged_text, timeml_document, timeml_for_doc

TEXT = "On Monday, A & B met; they meet every year."
TIMEXES = (
    Timex(3, 9, "Monday", "2022-01-03", "DATE", False, "dct", "weekday:past", 4, tid="t1", anchor_tid="t0", temporal_function=True),
    Timex(33, 43, "every year", "P1Y", "SET", False, "none", "set", 8, tid="t2", quant="EVERY"),
)


def test_timeml_document_parses_and_keeps_text_and_attributes():
    root = ElementTree.fromstring(timeml_document(TEXT, TIMEXES, date(2022, 1, 9), "doc-1", "A & B"))
    dct = root.find("DCT/TIMEX3")
    assert (dct.get("tid"), dct.get("value"), dct.get("functionInDocument")) == ("t0", "2022-01-09", "CREATION_TIME")
    body = root.find("TEXT")
    assert "".join(body.itertext()) == TEXT
    tags = body.findall("TIMEX3")
    assert [t.attrib for t in tags] == [
        {"tid": "t1", "type": "DATE", "value": "2022-01-03", "temporalFunction": "true", "anchorTimeID": "t0"},
        {"tid": "t2", "type": "SET", "value": "P1Y", "temporalFunction": "false", "quant": "EVERY"},
    ]


def test_timeml_document_without_dct_has_no_dct_element():
    root = ElementTree.fromstring(timeml_document(TEXT, (), None, "doc-2"))
    assert root.find("DCT") is None and root.find("TEXT").text == TEXT


def test_tagged_text_refuses_overlapping_expressions():
    overlapping = (TIMEXES[0], Timex(5, 12, "nday, A", None, "DATE", False, "none", "x", None, tid="t9"))
    with pytest.raises(ValueError, match="overlap"):
        tagged_text(TEXT, overlapping)


def test_timeml_for_doc_tags_what_the_stage_found(annotate):
    doc = annotate("Officials met on Monday and will meet twice a week.", "2022-01-09")
    root = ElementTree.fromstring(timeml_for_doc(doc, "seed"))
    assert [(t.text, t.get("type"), t.get("value"), t.get("freq")) for t in root.iter("TIMEX3")] == [
        ("2022-01-09", "DATE", "2022-01-09", None),
        ("Monday", "DATE", "2022-01-03", None),
        ("twice a week", "SET", "P1W", "2X"),
    ]
