"""The scale-out and ingestion commands as a user runs them: exit codes, summaries, and the store they leave."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import corpus_lines

pytestmark = pytest.mark.slow


def harbinger(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "harbinger", *args], capture_output=True, text=True, cwd=cwd, env={**os.environ, "COLUMNS": "200"})


def _count(db, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_run_on_two_workers_then_recode_and_stats(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(corpus_lines(4)) + "\n", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    done = harbinger("run", str(source), "--db", str(db), "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "coding on 2 Dask workers" in done.stderr and "stored 4" in done.stderr
    assert _count(db, "SELECT count(*) FROM articles WHERE fingerprint IS NOT NULL") == 4
    recoded = harbinger("recode", "--db", str(db))
    assert recoded.returncode == 0 and "out of date 0, recoded 0" in recoded.stderr
    stats = harbinger("stats", "--db", str(db))
    assert "articles coded by" in stats.stdout and "events coded by" in stats.stdout


def test_scale_options_misused_exit_2(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(corpus_lines(1)[0] + "\n", encoding="utf-8")
    for args in (["--workers", "0"], ["--workers", "2", "--scheduler", "tcp://127.0.0.1:9"]):
        done = harbinger("run", str(source), "--db", str(tmp_path / "h.duckdb"), *args)
        assert done.returncode == 2 and "H703" in done.stderr and "Traceback" not in done.stderr


def test_watch_once_codes_the_folder_and_a_missing_folder_is_h704(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    news = folder / "a.jsonl"
    news.write_text("\n".join(corpus_lines(2)) + "\n", encoding="utf-8")
    os.utime(news, (news.stat().st_mtime - 60,) * 2)
    db = tmp_path / "h.duckdb"
    done = harbinger("watch", str(folder), "--db", str(db), "--once", "--stages", "time")
    assert done.returncode == 0, done.stderr
    assert f"coded {news}" in done.stderr and _count(db, "SELECT count(*) FROM ingested") == 1
    missing = harbinger("watch", str(tmp_path / "nowhere"), "--db", str(db), "--once")
    assert missing.returncode == 1 and "H704" in missing.stderr and "Traceback" not in missing.stderr


def test_fetch_with_no_feed_is_a_coded_error(tmp_path):
    empty = tmp_path / "feeds.txt"
    empty.write_text("# none yet\n", encoding="utf-8")
    done = harbinger("fetch", str(empty), "--db", str(tmp_path / "h.duckdb"), "--once")
    assert done.returncode == 1 and "H708" in done.stderr and "Traceback" not in done.stderr
