"""A watched folder: complete files are coded once by content, partial ones wait, a vanished folder is H704."""

from __future__ import annotations

import os
import shutil

import pytest

from harbinger.errors import HarbingerError
from harbinger.live.watch import FolderWatch, ingest_ready
from harbinger.runner import RunSummary, run
from harbinger.store import Store
from tests.conftest import corpus_lines


class Clock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


def _old(path, seconds=60):
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_a_file_is_ready_once_settled_and_unchanged(tmp_path):
    clock = Clock(0)
    watch = FolderWatch(tmp_path, settle=2.0, clock=clock)
    news = tmp_path / "a.jsonl"
    news.write_text(corpus_lines(1)[0] + "\n", encoding="utf-8")
    clock.now = news.stat().st_mtime + 0.5
    assert watch.scan()[0] == [], "written half a second ago: maybe still being written"
    clock.now += 5
    assert watch.scan()[0] == [news]
    (tmp_path / "b.jsonl.part").write_text("{", encoding="utf-8")
    (tmp_path / "c.docx").write_text("x", encoding="utf-8")
    ready, problems = watch.scan()
    assert ready == [news] and [p.code for p in problems] == ["H117"], "partial downloads are ignored silently"
    assert watch.scan()[1] == [], "a problem about the folder is said once"


def test_each_file_is_ingested_once_by_content(tmp_path, nlp_base):
    folder = tmp_path / "in"
    folder.mkdir()
    first = folder / "a.jsonl"
    first.write_text("\n".join(corpus_lines(2)) + "\n", encoding="utf-8")
    _old(first)
    ran: list[str] = []
    with Store(tmp_path / "h.duckdb") as store:

        def run_file(path) -> RunSummary:
            ran.append(path.name)
            return run([str(path)], store, nlp_base, command="watch")

        watch = FolderWatch(folder, settle=1.0)
        assert ingest_ready(watch, store, run_file).stored == 2
        shutil.copy(first, folder / "copy.jsonl")
        _old(folder / "copy.jsonl")
        assert ingest_ready(watch, store, run_file).files == [], "same bytes under another name: not again"
        again = FolderWatch(folder, settle=1.0)  # a restart
        assert ingest_ready(again, store, run_file).files == []
        second = folder / "b.jsonl"
        second.write_text(corpus_lines(1, start=5)[0] + "\n", encoding="utf-8")
        _old(second)
        assert ingest_ready(again, store, run_file).stored == 1
    assert ran == ["a.jsonl", "b.jsonl"]


def test_a_folder_that_goes_away_is_a_coded_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    watch = FolderWatch(folder)
    watch.scan()
    folder.rmdir()
    with pytest.raises(HarbingerError) as raised:
        watch.scan()
    assert raised.value.code == "H704"
