from __future__ import annotations

import pytest

from harbinger.readers.dateline import find_dateline


@pytest.mark.parametrize(
    "text,place,body",
    [
        ("WASHINGTON — Talks began.", "WASHINGTON", "Talks began."),
        ("KYIV, Ukraine (AP) — Shelling resumed.", "KYIV", "Shelling resumed."),
        ("LONDON (Reuters) - Prices rose.", "LONDON", "Prices rose."),
        ("NEW YORK -- Markets fell.", "NEW YORK", "Markets fell."),
    ],
)
def test_find_dateline_splits_place_from_body(text, place, body):
    span, start = find_dateline(text, 0)
    assert span.text == place and text[start:] == body


@pytest.mark.parametrize("text", ["The talks began in Washington.", "NATO said on Monday it would meet.", "US-China talks stalled."])
def test_find_dateline_leaves_ordinary_openings(text):
    span, start = find_dateline(text, 0)
    assert span is None and start == 0
