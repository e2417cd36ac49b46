"""Sources are streamed with the size cap applied while reading: a bomb is refused early, memory stays flat."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tracemalloc
from datetime import date

import pytest

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths

SMALL_CAP = ReadOptions(max_chars=1_000, today=date(2026, 1, 1))  # 16,000 bytes a document or record
GOOD = {"date": "2020-03-01", "text": "Ministers met in Brussels to discuss sanctions."}


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def write_bomb(path, size, byte=b" "):
    """``size`` bytes of one byte, gzipped: a few kilobytes on disk."""
    with gzip.open(path, "wb", compresslevel=1) as out:
        for _ in range(size // (1 << 20)):
            out.write(byte * (1 << 20))


@pytest.mark.parametrize(
    "name,code,where",
    [("bomb.txt.gz", "H118", ""), ("bomb.html.gz", "H118", ""), ("bomb.jsonl.gz", "H119", ":1"), ("bomb.csv.gz", "H119", ":1")],
)
def test_source_gzip_bomb_is_refused_while_read_and_files_beside_it_are_read(tmp_path, name, code, where):
    write_bomb(tmp_path / name, 64 << 20)
    (tmp_path / "good.jsonl").write_text(json.dumps(GOOD) + "\n")
    tracemalloc.start()
    try:
        articles, problems = split(read_paths([str(tmp_path)], SMALL_CAP))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.body for a in articles] == [GOOD["text"]]
    assert [(p.code, p.where) for p in problems] == [(code, f"{tmp_path / name}{where}")]
    assert "16,000 bytes" in problems[0].message and "--max-chars 1,000" in problems[0].message
    assert peak < 16 << 20, f"reading a 64 MB bomb held {peak:,} bytes"


@pytest.mark.parametrize("size,code", [(16_000, "H107"), (16_001, "H118")])
def test_source_document_is_read_up_to_the_cap(tmp_path, size, code):
    path = tmp_path / "story.txt"
    path.write_text("Talks resumed." + " " * (size - 15) + ".")
    articles, (problem,) = split(read_paths([str(path)], SMALL_CAP))
    assert articles == [] and problem.code == code  # H107: read, then found longer than --max-chars


def test_source_stdin_is_streamed_record_by_record(monkeypatch):
    lines = b"".join(json.dumps({**GOOD, "text": f"Story {n} about the talks."}).encode() + b"\n" for n in range(100_000))
    stdin = io.BytesIO(lines)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stdin))
    items = read_paths(["-"], SMALL_CAP)
    first = next(items)
    assert first.body == "Story 0 about the talks." and stdin.tell() < len(lines) // 2
    assert sum(isinstance(i, Article) for i in items) == 99_999


@pytest.mark.parametrize("compress", [False, True])
def test_source_stdin_bomb_is_refused_with_its_code(monkeypatch, compress):
    data = b"x" * (8 << 20)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(data) if compress else data)))
    articles, (problem,) = split(read_paths(["-"], SMALL_CAP))
    assert articles == [] and (problem.code, problem.where) == ("H118", "<stdin>")


def test_source_truncated_gzip_keeps_the_records_before_the_damage(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    whole = gzip.compress(b"".join(json.dumps({**GOOD, "text": f"Story {n}: " + "talks " * 50}).encode() + b"\n" for n in range(5_000)))
    path.write_bytes(whole[: len(whole) // 2])
    articles, problems = split(read_paths([str(path)], SMALL_CAP))
    assert 1_000 < len(articles) < 5_000 and articles[0].body.startswith("Story 0:")
    assert [(p.code, p.where) for p in problems] == [("H116", str(path))]


def test_source_csv_line_over_the_cap_stops_that_file_only(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f'date,text\n2020-03-01,"Before."\n2020-03-02,"{"x" * 20_000}"\n2020-03-03,"After."\n')
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps(GOOD) + "\n")
    articles, (problem,) = split(read_paths([str(path), str(other)], SMALL_CAP))
    assert [a.body for a in articles] == ["Before.", GOOD["text"]]
    assert (problem.code, problem.where) == ("H119", f"{path}:3") and "rest of the file" in problem.message


def test_source_malformed_csv_row_is_skipped_alone(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f'date,text\n2020-03-01,"Before."\n2020-03-02,"{"x" * 5_000}"\n2020-03-03,"After."\n')
    articles, (problem,) = split(read_paths([str(path)], ReadOptions(max_chars=1_000, today=date(2026, 1, 1))))
    assert [a.body for a in articles] == ["Before.", "After."]
    assert problem.code in ("H107", "H121") and problem.where == f"{path}:3"


def test_source_csv_with_old_mac_line_ends_is_read(tmp_path):
    path = tmp_path / "news.csv"
    path.write_bytes(b'date,text\r2020-03-01,"One."\r2020-03-02,"Two."\r')
    articles, problems = split(read_paths([str(path)], SMALL_CAP))
    assert [a.body for a in articles] == ["One.", "Two."] and problems == []


# VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec, so a large
# pytest process would be counted as the reader's own peak.
MEASURE = """
import re, sys
from harbinger.readers import read_paths
problems = [str(item) for item in read_paths(sys.argv[1:])]
status = open("/proc/self/status").read()
print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status)[1]) * 1024)
print("\\n".join(problems))
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", ["bomb.jsonl.gz", "bomb.txt.gz"])
def test_source_512_mb_gzip_bomb_keeps_peak_memory_flat(tmp_path, name):
    write_bomb(tmp_path / name, 512 << 20)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(tmp_path / name)], capture_output=True, text=True, check=True)
    peak, *problems = done.stdout.splitlines()
    assert problems and problems[0].startswith(("H118", "H119"))
    assert int(peak) < 400 << 20, f"peak RSS {int(peak) / 2**20:.0f} MiB reading a 512 MB bomb"
