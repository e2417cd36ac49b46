"""Partitions cover every item of every file once, in reading order, and their part names follow content."""

from __future__ import annotations

import json

from harbinger.readers import ReadOptions, read_paths
from harbinger.scale.partitions import MIN_WORDS, plan
from tests.conftest import corpus_lines


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_plan_covers_each_item_once_in_order(tmp_path):
    first = _write(tmp_path / "a.jsonl", corpus_lines(30) + ["{broken"])
    second = _write(tmp_path / "b.jsonl", corpus_lines(5, start=40))
    (tmp_path / "notes.md").write_text("not news", encoding="utf-8")
    work = plan([str(tmp_path)], ReadOptions(), workers=2)
    assert [p.code for p in work.problems] == ["H117"]
    for path in (first, second):
        ranges = [(p.first, p.stop) for p in work.partitions if p.path == str(path)]
        items = list(read_paths([str(path)]))
        assert ranges[0][0] == 0 and ranges[-1][1] == len(items)
        assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert work.articles == 35 and [p.index for p in work.partitions] == list(range(len(work.partitions)))
    assert len(work.partitions) > 2, "30 articles of ~700 words for 2 workers make several partitions"
    assert all(p.words >= MIN_WORDS for p in work.partitions if p.stop < 30 and p.path == str(first))


def test_part_key_follows_content_range_options_and_pipeline(tmp_path):
    path = _write(tmp_path / "a.jsonl", corpus_lines(3))
    (one,) = plan([str(path)], ReadOptions(), workers=1).partitions
    assert one.key(ReadOptions(), "fp1") == one.key(ReadOptions(), "fp1")
    assert one.key(ReadOptions(), "fp1") != one.key(ReadOptions(), "fp2")
    assert one.key(ReadOptions(), "fp1") != one.key(ReadOptions(text_field="body"), "fp1")
    record = json.loads(corpus_lines(1)[0])
    record["text"] += " One more sentence."
    _write(path, [json.dumps(record)] + corpus_lines(2, start=1))
    (changed,) = plan([str(path)], ReadOptions(), workers=1).partitions
    assert changed.key(ReadOptions(), "fp1") != one.key(ReadOptions(), "fp1")
