"""Tense and attachment: the governing verb decides which way a bare weekday points."""

from __future__ import annotations

import pytest

SUNDAY = "2022-01-09"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister said Monday that the talks had failed.", "2022-01-03"),
        ("The minister will travel to Kyiv on Monday.", "2022-01-10"),
        ("The delegations are due to meet on Monday.", "2022-01-10"),
        ("Talks are scheduled to resume Friday.", "2022-01-14"),
        ("Ministers met on Friday in Geneva.", "2022-01-07"),
        ("The envoy has been ill since Thursday.", "2022-01-06"),
        ("Officials say Friday's meeting went well.", "2022-01-07"),
    ],
)
def test_direction_weekday_follows_governing_verb(annotate, text, expected):
    doc = annotate(text, SUNDAY)
    assert [t.value for t in doc._.timexes] == [expected]


def test_governor_is_the_verb_through_the_preposition(annotate):
    doc = annotate("The delegations are due to meet their counterparts on Monday.", SUNDAY)
    (timex,) = doc._.timexes
    assert doc[timex.governor].text == "meet"
