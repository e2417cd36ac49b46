"""Encodings: byte-order marks decide before the format is sniffed; Western text is not read as an exotic code page."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths
from harbinger.readers.encoding import choose_encoding

TODAY = ReadOptions(today=date(2026, 1, 1))
SEED = "date 2022-01-09\nWASHINGTON — Le café était fermé, dit le señor Müller à Zürich.\n"
BOMS = {
    "utf-8-sig": b"",
    "utf-16": b"",  # Python writes the native-order BOM itself
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32": b"",
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("codec", sorted(BOMS))
def test_encoding_seed_file_with_bom_keeps_its_date_line(tmp_path, codec):
    path = tmp_path / "story.txt"
    path.write_bytes(BOMS[codec] + SEED.encode(codec))
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert article.date == date(2022, 1, 9) and article.dateline.text == "WASHINGTON"
    assert article.body.rstrip() == "Le café était fermé, dit le señor Müller à Zürich."
    if codec == "utf-8-sig":
        assert problems == []
    else:
        (problem,) = problems
        assert problem.code == "H103" and codec[:6].upper() in problem.message and "byte-order mark" in problem.message


@pytest.mark.parametrize("codec", ["utf-16", "utf-32-be"])
@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_encoding_bom_record_files_are_streamed_in_their_encoding(tmp_path, codec, suffix):
    records = [{"date": "2020-03-01", "text": "Genève à Zürich."}, {"date": "2020-03-02", "text": "Señor Müller."}]
    if suffix == ".csv":
        content = "date,text\n" + "".join(f"{r['date']},{r['text']}\n" for r in records)
    elif suffix == ".json":
        content = json.dumps(records, ensure_ascii=False)
    else:
        content = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path = tmp_path / f"news{suffix}"
    path.write_bytes(BOMS.get(codec, b"") + content.encode(codec))
    articles, (problem,) = split(read_paths([str(path)], TODAY))
    assert [a.body for a in articles] == [r["text"] for r in records] and problem.code == "H103"


@pytest.mark.parametrize(
    "text,codec",
    [("Café … señor … Zürich", "cp1252"), ("Café ... señor ... Zürich", "latin-1"), ("Straße in Genève, naïve façade", "latin-1")],
)
def test_encoding_western_text_is_cp1252_and_the_warning_says_how_sure(tmp_path, text, codec):
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(codec))
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert article.text == text
    (warning,) = [p for p in problems if p.code == "H103"]
    assert warning.where == str(path) and "decoded as cp1252 (" in warning.message and "confidence" in warning.message


def test_encoding_cyrillic_is_not_forced_into_a_western_code_page(tmp_path):
    text = "Министр заявил в Москве, что переговоры возобновятся в ближайшее время."
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("cp1251"))
    (article,), problems = split(read_paths([str(path)], TODAY))
    assert article.text == text and any("cp1251" in p.message for p in problems)


def test_encoding_mixed_jsonl_decodes_only_the_lines_that_are_not_utf8(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [("Café in Zürich.", "utf-8"), ("Genève à Zürich, señor.", "cp1252"), ("Naïve façade.", "utf-8")]
    path.write_bytes(b"".join((json.dumps({"date": "2020-03-01", "text": t}, ensure_ascii=False) + "\n").encode(c) for t, c in lines))
    articles, (problem,) = split(read_paths([str(path)], TODAY))
    assert [a.body for a in articles] == [t for t, _ in lines]
    assert (problem.code, problem.where) == ("H103", f"{path}:2") and "cp1252" in problem.message


def test_encoding_bom_on_stdin_is_sniffed_as_seed(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SEED.encode("utf-16"))))
    (article,), _ = split(read_paths(["-"], TODAY))
    assert article.date == date(2022, 1, 9)


WESTERN_WORDS = ["café", "señor", "Zürich", "Genève", "naïve", "Straße", "déclaré", "à", "façade", "Müller", "Ærø", "Ñuñoa"]
PLAIN_WORDS = ["the", "minister", "said", "talks", "would", "resume", "in", "on", "Monday", "and", "police"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WESTERN_WORDS + PLAIN_WORDS), min_size=3, max_size=40).filter(lambda ws: set(ws) & set(WESTERN_WORDS)))
def test_encoding_western_words_round_trip_through_cp1252(words):
    data = " ".join(words).encode("cp1252")
    encoding = choose_encoding(data, whole=True)
    assert encoding is not None and data.decode(encoding.codec) == " ".join(words)
