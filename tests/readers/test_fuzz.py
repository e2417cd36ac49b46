"""Fuzzed input never crashes a reader and never loses a good record."""

from __future__ import annotations

import codecs
import gzip
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths

OPTS = ReadOptions(today=date(2026, 1, 1))
TINY_CAP = ReadOptions(max_chars=40, today=date(2026, 1, 1))  # 640 bytes a document or record: the caps are hit
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
@given(
    data=st.binary(max_size=2000),
    prefix=st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"[", b"date "]),
    suffix=st.sampled_from([".jsonl", ".json", ".csv", ".txt", ".html", ".parquet", ".jsonl.gz", ""]),
    opts=st.sampled_from([OPTS, TINY_CAP]),
)
def test_any_bytes_give_articles_or_problems_never_a_crash(tmp_path, data, prefix, suffix, opts):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(gzip.compress(prefix + data) if suffix.endswith(".gz") else prefix + data)
    for item in read_paths([str(path)], opts):
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Article):
            assert item.text[item.body_start :] == item.body
            item.text.encode("utf-8")  # no lone surrogates: the store and the hash must be able to write it


brackets = st.text(alphabet='[]{}":,0a ', min_size=1, max_size=400).filter(lambda s: s.strip())
junk_json = st.one_of(
    brackets,
    st.integers(0, 5_000).map(lambda n: "[" * n + "]" * n),
    st.integers(0, 5_000).map(lambda n: '{"a":' * n),
    st.integers(0, 5_000).map(lambda n: "[" * n),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=junk_json, suffix=st.sampled_from([".jsonl", ".ndjson", ".json", ""]), junk_first=st.booleans())
def test_nested_or_broken_json_line_costs_only_itself(tmp_path, junk, suffix, junk_first):
    # Only a name promising JSON Lines makes a broken first line safe: '[[[' opening a .json file is a broken array.
    junk_first = junk_first and suffix in (".jsonl", ".ndjson")
    lines = [json.dumps({"date": "2020-01-01", "text": "Good one."}), junk, json.dumps({"date": "2020-01-02", "text": "Good two."})]
    path = tmp_path / f"fuzz{suffix}"
    path.write_text("\n".join([lines[1], lines[0], lines[2]] if junk_first else lines) + "\n", encoding="utf-8")
    bodies = [i.body for i in read_paths([str(path)], OPTS) if isinstance(i, Article)]
    assert bodies[0] == "Good one." and bodies[-1] == "Good two."
