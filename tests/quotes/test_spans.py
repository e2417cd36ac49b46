"""PARC content spans made from bare propositions: complementisers, infinitive markers and quotation marks."""

from __future__ import annotations

import pytest

from harbinger.quotes.spans import parc_segments


def _parc(text: str, bare: str, via: str = "clause") -> list[str]:
    start = text.index(bare)
    return [text[a:b] for a, b in parc_segments(text, ((start, start + len(bare)),), via)]


@pytest.mark.parametrize(
    "text, bare, via, parc",
    [
        ("He said that the talks failed.", "the talks failed", "clause", "that the talks failed"),
        ("He asked whether the talks failed.", "the talks failed", "clause", "whether the talks failed"),
        ("He said the talks failed.", "the talks failed", "clause", "the talks failed"),
        ("They plan to visit Kyiv.", "visit Kyiv", "infinitive", "to visit Kyiv"),
        ("He spoke to reporters, the talks failed.", "the talks failed", "clause", "the talks failed"),
        ('"We stay," he said.', "We stay,", "frame", '"We stay,"'),
        ("“We stay,” he said.", "We stay,", "frame", "“We stay,”"),
        ('He said the plan was "a betrayal".', 'the plan was "a betrayal', "clause", 'the plan was "a betrayal"'),
    ],
)
def test_parc_segments_widen_the_bare_proposition(text, bare, via, parc):
    assert _parc(text, bare, via) == [parc]


def test_parc_segments_keep_an_infinitive_lead_only_for_infinitives():
    assert _parc("They went to the talks failed.", "the talks failed", "clause") == ["the talks failed"]
