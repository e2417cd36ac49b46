"""Document dates at the edges of what Python can hold: placeholders are flagged, never a traceback."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths
from harbinger.readers.dates import FIRST_YEAR, LAST_YEAR, check_date

TODAY = date(2026, 1, 1)
STORY = "WASHINGTON — The president said on Tuesday that talks would resume tomorrow, next week and next year."


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0999-12-31", "9000-01-01", date(1, 1, 1), date(9999, 12, 31)])
def test_check_date_placeholder_is_flagged_without_a_date(value):
    day, flags, (problem,) = check_date(value, "f.jsonl:1", TODAY)
    assert day is None and flags == ("no_date", "bad_date")
    assert problem.code == "H122" and problem.where == "f.jsonl:1" and f"{FIRST_YEAR}–{LAST_YEAR}" in problem.message


@given(st.dates())
def test_check_date_any_date_gives_a_sane_date_or_a_flag(day):
    kept, flags, problems = check_date(day.isoformat(), "f:1", TODAY)
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        assert kept == day and [p.code for p in problems] == (["H110"] if "future_date" in flags else [])
    else:
        assert kept is None and [p.code for p in problems] == ["H122"]


@pytest.mark.parametrize("line,code", [("date 0001-01-01", "H122"), ("date 0000-00-00", "H109"), ("date 9999-12-31", "H122")])
def test_seed_file_with_placeholder_date_is_kept_undated(tmp_path, line, code):
    path = tmp_path / "story.txt"
    path.write_text(f"{line}\n{STORY}\n", encoding="utf-8")
    items = list(read_paths([str(path)], ReadOptions(today=TODAY)))
    (article,) = [i for i in items if isinstance(i, Article)]
    (problem,) = [i for i in items if isinstance(i, Problem)]
    assert article.date is None and "bad_date" in article.flags and article.dateline.text == "WASHINGTON"
    assert problem.code == code and problem.where == str(path)


@pytest.mark.slow
def test_time_stage_resolves_relative_dates_at_the_edges_of_the_range(tmp_path):
    """The years the reader accepts leave the time stage room to count back and forth without overflowing."""
    from harbinger.pipeline import load_nlp, process

    nlp = load_nlp(stage_names=["time"])
    days = [date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31), date(2999, 12, 31)]
    problems: list[Problem] = []
    docs = list(process(nlp, [Article.create(STORY + " Five hundred years ago it was different.", day) for day in days], problems=problems))
    assert problems == [] and len(docs) == len(days)
