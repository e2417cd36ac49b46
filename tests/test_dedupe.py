from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harbinger.dedupe import Deduper, occurrence
from harbinger.models import Article

STORY = (
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in weeks. "
    "Officials said the delegations discussed a ceasefire, humanitarian corridors and the exchange of prisoners. "
    "The Turkish foreign minister, who hosted the meeting, said both sides had agreed to meet again next week. "
    "No agreement on the status of the eastern regions was reached, according to a statement from Kyiv."
)
EDITED = STORY.replace("Tuesday", "Tuesday afternoon").replace("said both sides", "told reporters both sides") + " (Reporting by staff.)"
OTHER = (
    "Floods swept through the river valley overnight, forcing thousands of residents from their homes. "
    "Rescue teams used boats to reach villages cut off by the water, and the regional governor declared an emergency."
)


def art(text: str, day=date(2022, 3, 29)) -> Article:
    return Article.create(text, day)


def test_deduper_groups_lightly_edited_copy_with_original():
    deduper = Deduper()
    first = deduper.check(art(STORY))
    copy = deduper.check(art(EDITED))
    assert first.kind == "new"
    assert copy.kind == "near" and copy.canonical_id == first.canonical_id and copy.similarity >= 0.8


def test_deduper_keeps_different_article_apart():
    deduper = Deduper()
    deduper.check(art(STORY))
    assert deduper.check(art(OTHER)).kind == "new"


def test_deduper_spots_exact_copy():
    deduper = Deduper()
    first = deduper.check(art(STORY))
    assert deduper.check(art(STORY)) .kind == "exact"
    assert deduper.check(art(STORY)).canonical_id == first.canonical_id


def test_deduper_threshold_is_configurable():
    strict = Deduper(threshold=0.99)
    strict.check(art(STORY))
    assert strict.check(art(EDITED)).kind == "new"


def test_deduper_seeded_from_store_signatures():
    first = Deduper()
    verdict = first.check(art(STORY))
    second = Deduper()
    second.seed([(verdict.canonical_id, verdict.canonical_id, verdict.signature)])
    assert second.check(art(EDITED)).canonical_id == verdict.canonical_id


@pytest.mark.parametrize("threshold", [0.0, 1.5])
def test_deduper_rejects_bad_threshold(threshold):
    with pytest.raises(ValueError):
        Deduper(threshold=threshold)


@given(
    folder=st.lists(st.text(alphabet="abc_-. []", min_size=1, max_size=6).filter(lambda s: s not in (".", "..")), min_size=1, max_size=3),
    locator=st.sampled_from(["", ":1", ":27", "#3"]),
)
def test_occurrence_is_the_same_for_relative_and_absolute_spellings(folder, locator):
    relative = os.path.join(*folder, "news.jsonl")
    assert occurrence(relative + locator) == occurrence(os.path.abspath(relative) + locator) == os.path.abspath(relative) + locator


@pytest.mark.parametrize("origin", ["<stdin>:4", ""])
def test_occurrence_leaves_stdin_and_unknown_origins_alone(origin):
    assert occurrence(origin) == origin


def test_occurrence_tells_lines_of_one_file_apart():
    assert occurrence("data/x.jsonl:3") != occurrence("data/x.jsonl:4") != occurrence("data/y.jsonl:4")
