"""'N years later' counts from the last date the story settled on, not from the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.models import Article
from harbinger.pipeline import process


@pytest.mark.parametrize(
    "text,expression,value",
    [
        ("Roosevelt proposed it in 1937. Now, 83 years later, Democrats revisited the plan.", "83 years later", "2020"),
        ("U.S. troops left Iraq in 2011, then returned three years later.", "three years later", "2014"),
        ("The strike began in March 2019 and ended two months later.", "two months later", "2019-05"),
    ],
)
def test_shift_later_anchors_on_the_narrative_date(nlp_time, text, expression, value):
    (doc,) = process(nlp_time, [Article.create(text, date(2020, 10, 29))])
    found = {t.text: t.value for t in doc._.timexes}
    assert found[expression] == value
