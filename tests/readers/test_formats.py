"""Every reader, on small real files: seed, plain text, JSON Lines/array, CSV/TSV, Parquet, HTML, gzip, folders, stdin."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths

STORY = "Officials in Kyiv said on Monday that talks with Moscow would resume next week."
TODAY = ReadOptions(today=date(2026, 1, 1))


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_read_seed_format_takes_date_and_dateline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(f" date 2022-01-09 WASHINGTON — {STORY}", encoding="utf-8")
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert problems == []
    assert article.date == date(2022, 1, 9)
    assert article.dateline.text == "WASHINGTON"
    assert article.text[article.dateline.start : article.dateline.end] == "WASHINGTON"
    assert article.body == STORY


def test_read_seed_sample_matches_gold_offsets(seed_article):
    # The hand gold indexes the raw file: 'Secretary of State Antony Blinken' is at [30, 63).
    assert seed_article.text[30:63] == "Secretary of State Antony Blinken"
    assert seed_article.body_start == 30
    assert seed_article.date == date(2022, 1, 9)


def test_read_plain_text_is_flagged_undated(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert article.date is None and "no_date" in article.flags
    assert [p.code for p in problems] == ["H108"]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_read_jsonl_maps_default_fields(tmp_path, suffix):
    path = tmp_path / f"news{suffix}"
    record = {"date": "2020-03-01", "title": "T", "text": STORY, "url": "https://example.org/a", "source": "Wire"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,), _ = split(read_paths([str(path)], TODAY))
    assert (article.date, article.title, article.url, article.source) == (date(2020, 3, 1), "T", "https://example.org/a", "Wire")


def test_read_jsonl_custom_field_names(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"published": "2020-03-01T10:00:00Z", "body": STORY}) + "\n", encoding="utf-8")
    opts = ReadOptions(text_field="body", date_field="published", today=date(2026, 1, 1))
    (article,), problems = split(read_paths([str(path)], opts))
    assert article.date == date(2020, 3, 1) and problems == []


def test_read_json_array(tmp_path):
    path = tmp_path / "news.json"
    path.write_text(json.dumps([{"date": "2020-03-01", "text": STORY}, {"date": "2020-03-02", "text": STORY + " More."}]))
    articles, problems = split(read_paths([str(path)], TODAY))
    assert len(articles) == 2 and problems == []


@pytest.mark.parametrize("suffix,delimiter", [(".csv", ","), (".tsv", "\t")])
def test_read_csv_and_tsv(tmp_path, suffix, delimiter):
    path = tmp_path / f"news{suffix}"
    path.write_text(f"date{delimiter}title{delimiter}text\n2020-03-01{delimiter}T{delimiter}\"{STORY}\"\n", encoding="utf-8")
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert article.body == STORY and article.title == "T" and problems == []


def test_read_parquet(tmp_path):
    path = tmp_path / "news.parquet"
    pq.write_table(pa.table({"date": ["2020-03-01", "2020-03-02"], "text": [STORY, STORY + " Again."]}), path)
    articles, problems = split(read_paths([str(path)], TODAY))
    assert [a.date for a in articles] == [date(2020, 3, 1), date(2020, 3, 2)] and problems == []
    assert articles[1].origin.endswith("#2")


def test_read_html_extracts_main_text(tmp_path):
    paragraphs = "".join(f"<p>{STORY} Paragraph {i} adds more detail about the negotiations and who attended.</p>" for i in range(6))
    html = (
        "<html><head><title>Talks to resume</title><meta property='article:published_time' content='2021-05-04'></head>"
        f"<body><nav>Home | World</nav><article><h1>Talks to resume</h1>{paragraphs}</article>"
        "<footer>Copyright 2021</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,), _ = split(read_paths([str(path)], TODAY))
    assert STORY in article.text and "Copyright" not in article.text
    assert article.date == date(2021, 5, 4)


def test_read_gzip_compressed_jsonl(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"date": "2020-03-01", "text": STORY}) + "\n").encode()))
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert article.body == STORY and problems == []


def test_read_folder_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.jsonl").write_text(json.dumps({"date": "2020-01-01", "text": "First story about talks."}) + "\n")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"date": "2020-01-02", "text": "Second story about a strike."}) + "\n")
    (tmp_path / ".hidden.jsonl").write_text(json.dumps({"date": "2020-01-03", "text": "Hidden."}) + "\n")
    articles, _ = split(read_paths([str(tmp_path)], TODAY))
    assert [a.body for a in articles] == ["First story about talks.", "Second story about a strike."]


def test_read_stdin_sniffs_jsonl(monkeypatch):
    data = (json.dumps({"date": "2020-03-01", "text": STORY}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,), _ = split(read_paths(["-"], TODAY))
    assert article.body == STORY


def test_read_same_text_gives_same_id(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps({"date": "2020-03-01", "text": STORY}) + "\n")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"date": "2020-03-01", "text": "  " + STORY.replace(" ", "  ")}) + "\n")
    (first,), _ = split(read_paths([str(a)], TODAY))
    (second,), _ = split(read_paths([str(b)], TODAY))
    assert first.id == second.id


def test_read_folder_skips_non_news_files_with_a_warning(tmp_path):
    (tmp_path / "news.jsonl").write_text(json.dumps({"date": "2020-01-01", "text": "Talks resumed."}) + "\n")
    (tmp_path / "README.md").write_text("# About this folder\n")
    articles, problems = split(read_paths([str(tmp_path)], TODAY))
    assert [a.body for a in articles] == ["Talks resumed."]
    assert [(p.code, p.where) for p in problems] == [("H117", str(tmp_path / "README.md"))]
