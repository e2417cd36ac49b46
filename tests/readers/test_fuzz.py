"""Fuzzed input never crashes a reader and never loses a good record."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths

OPTS = ReadOptions(today=date(2026, 1, 1))
good_records = st.builds(
    lambda words, day: json.dumps({"date": day.isoformat(), "text": " ".join(words)}),
    st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=1, max_size=12),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)),
)
junk_lines = st.text(min_size=1, max_size=60).filter(lambda s: "\n" not in s and "\r" not in s and s.strip() and not s.lstrip().startswith(("{", "[")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(good_records.map(lambda r: ("good", r)), junk_lines.map(lambda r: ("junk", r))), min_size=1, max_size=20))
def test_jsonl_reader_keeps_every_good_record(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(text for _, text in lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)], OPTS))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(articles) == sum(kind == "good" for kind, _ in lines)
    assert len(problems) >= sum(kind == "junk" for kind, _ in lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".jsonl", ".csv", ".txt", ".html", ".parquet", ".jsonl.gz", ""]))
def test_any_bytes_give_articles_or_problems_never_a_crash(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_paths([str(path)], OPTS):
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Article):
            assert item.text[item.body_start :] == item.body
