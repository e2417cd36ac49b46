"""Bad input: each case gives one coded message naming the file and record, and the good records survive."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from harbinger.errors import HarbingerError, Problem, Severity
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths

TODAY = ReadOptions(today=date(2026, 1, 1))
GOOD = {"date": "2020-03-01", "text": "Ministers met in Brussels to discuss sanctions."}


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("empty.jsonl", b"", "H101"),
        ("blank.txt", b"   \n\n", "H101"),
        ("binary.jsonl", b"\x00\x01\x02\xff" * 100, "H102"),
        ("corrupt.jsonl.gz", b"\x1f\x8b\x08\x00broken", "H116"),
    ],
)
def test_bad_file_reports_code_and_name(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    articles, problems = split(read_paths([str(path)], TODAY))
    assert articles == []
    assert [p.code for p in problems] == [code]
    assert str(path) in problems[0].where


def test_bad_json_line_is_reported_and_neighbours_kept(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps(GOOD), '{"date": "2020-03-02", "text": "unterminated', json.dumps([1, 2]), json.dumps({**GOOD, "text": "Second good."})]
    path.write_text("\n".join(lines) + "\n")
    articles, problems = split(read_paths([str(path)], TODAY))
    assert [a.body for a in articles] == [GOOD["text"], "Second good."]
    assert [(p.code, p.where) for p in problems] == [("H104", f"{path}:2"), ("H112", f"{path}:3")]


def test_record_without_text_names_the_fields_present(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"date": "2020-03-01", "body": "x"}) + "\n" + json.dumps(GOOD) + "\n")
    articles, (problem,) = split(read_paths([str(path)], TODAY))
    assert len(articles) == 1
    assert problem.code == "H105" and "body" in problem.message and problem.where == f"{path}:1"


def test_csv_missing_text_column(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("date,headline\n2020-03-01,Something\n")
    articles, (problem,) = split(read_paths([str(path)], TODAY))
    assert articles == [] and problem.code == "H106" and "headline" in problem.message


def test_csv_row_with_missing_value_is_skipped_alone(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('date,text\n2020-03-01,"Good one."\n2020-03-02,\n2020-03-03,"Good two."\n')
    articles, (problem,) = split(read_paths([str(path)], TODAY))
    assert [a.body for a in articles] == ["Good one.", "Good two."]
    assert problem.code == "H105" and problem.where == f"{path}:3"


def test_wrong_encoding_falls_back_with_warning(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes((json.dumps({"date": "2020-03-01", "text": "Le ministre a déclaré à Genève que les négociations reprendront."}, ensure_ascii=False) + "\n").encode("cp1252"))
    (article,), (problem,) = split(read_paths([str(path)], TODAY))
    assert "Genève" in article.text
    assert problem.code == "H103" and problem.severity is Severity.WARNING


def test_utf16_with_bom_is_read_with_warning(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes((json.dumps(GOOD) + "\n").encode("utf-16"))
    (article,), (problem,) = split(read_paths([str(path)], TODAY))
    assert article.body == GOOD["text"] and problem.code == "H103"


@pytest.mark.parametrize(
    "size,code",
    [(1_500, "H107"), (20_000, "H119")],  # over --max-chars; over the 16 bytes a character a record may hold
)
def test_huge_article_is_refused_and_others_kept(tmp_path, size, code):
    path = tmp_path / "news.jsonl"
    huge = {"date": "2020-03-01", "text": "word " * (size // 5)}
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(huge) + "\n" + json.dumps({**GOOD, "text": "After."}) + "\n")
    articles, (problem,) = split(read_paths([str(path)], ReadOptions(max_chars=1_000, today=date(2026, 1, 1))))
    assert [a.body for a in articles] == [GOOD["text"], "After."]
    assert problem.code == code and problem.where == f"{path}:2" and "--max-chars" in problem.message


@pytest.mark.parametrize(
    "value,code,flag",
    [
        ("2099-01-01", "H110", "future_date"),
        ("2999-12-31", "H110", "future_date"),
        ("not a date", "H109", "bad_date"),
        ("0000-00-00", "H109", "bad_date"),
        ("0001-01-01", "H122", "bad_date"),
        ("9999-12-31T23:59:59Z", "H122", "bad_date"),
        (None, "H108", "no_date"),
        ("", "H108", "no_date"),
    ],
)
def test_doubtful_dates_keep_the_article_with_a_flag(tmp_path, value, code, flag):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"date": value, "text": "Troops withdrew from the border."}) + "\n")
    (article,), (problem,) = split(read_paths([str(path)], TODAY))
    assert flag in article.flags and problem.code == code and problem.severity is Severity.WARNING


def test_seed_file_without_date_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("date: tomorrow WASHINGTON — Something happened.")
    articles, (problem,) = split(read_paths([str(path)], ReadOptions(reader="seed", today=date(2026, 1, 1))))
    assert articles == [] and problem.code == "H111"


def test_gzip_of_bad_lines_still_reads_good_ones(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(("not json\n" + json.dumps(GOOD) + "\n").encode()))
    articles, (problem,) = split(read_paths([str(path)], TODAY))
    assert len(articles) == 1 and problem.where == f"{path}:1"


def test_missing_path_is_a_clear_error():
    with pytest.raises(HarbingerError, match="no such file"):
        list(read_paths(["/nonexistent/news.jsonl"]))


def test_unknown_reader_lists_known_ones(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    with pytest.raises(HarbingerError) as info:
        list(read_paths([str(path)], ReadOptions(reader="xml")))
    assert "jsonl" in str(info.value) and "seed" in str(info.value)


def test_stray_nul_byte_costs_only_its_own_record(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"\x00\n" + json.dumps(GOOD).encode() + b"\n\x00\n")
    articles, problems = split(read_paths([str(path)], TODAY))
    assert len(articles) == 1
    assert [p.code for p in problems] == ["H104", "H104"]
