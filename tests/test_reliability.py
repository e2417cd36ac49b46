"""A run killed (SIGKILL) or interrupted (Ctrl-C) half-way and started again ends with the same store as one
clean run, and the store's runs table says what happened to each."""

from __future__ import annotations

import gzip
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS

TABLES = ("articles", "sentences", "entities", "annotations", "events")


def _run_until_killed(corpus: str, db: str, marker: str) -> None:
    from harbinger.pipeline import load_nlp
    from harbinger.runner import run
    from harbinger.store import Store

    def progress(summary) -> None:
        if summary.stored >= 8:
            Path(marker).touch()
            time.sleep(60)  # hold here until the parent kills us mid-run

    with Store(db) as store:
        run([corpus], store, load_nlp(stage_names=[]), batch_size=4, progress=progress)


def _contents(db: Path) -> dict:
    from harbinger.store import Store

    with Store(db, read_only=True) as store:
        return {t: sorted(store.query(f"SELECT * EXCLUDE (run_id, stored_at) FROM {t}" if t == "articles" else f"SELECT * FROM {t}")[1]) for t in TABLES}


@pytest.mark.slow
def test_killed_run_then_rerun_equals_clean_run(tmp_path, nlp_base):
    from harbinger.runner import run
    from harbinger.store import Store

    corpus = tmp_path / "corpus.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        corpus.write_text("".join(next(lines) for _ in range(16)), encoding="utf-8")
    killed, clean, marker = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb", tmp_path / "marker"

    child = mp.get_context("spawn").Process(target=_run_until_killed, args=(str(corpus), str(killed), str(marker)))
    child.start()
    deadline = time.monotonic() + 300
    while not marker.exists() and child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.exists(), "the child run never reached its second batch"
    os.kill(child.pid, signal.SIGKILL)
    child.join()

    with Store(killed) as store:
        stored_before = store.query("SELECT count(*) FROM articles")[1][0][0]
        assert 0 < stored_before < 16
        summary = run([str(corpus)], store, nlp_base, batch_size=4)
        assert [p.code for p in summary.problems] == ["H308"]
        assert store.query("SELECT status FROM runs ORDER BY started_at")[1] == [("killed",), ("done",)]
    with Store(clean) as store:
        run([str(corpus)], store, nlp_base, batch_size=4)
    assert _contents(killed) == _contents(clean)


# The child is the real command line, held (as a slow batch would hold it) once two batches are stored.
HELD_RUN = """
import sys, time
import harbinger.cli.ingest as ingest

def hold(self, summary):
    if summary.stored >= 8:
        print("held", file=sys.stderr, flush=True)
        time.sleep(60)

ingest.PlainProgress.__call__ = hold
sys.argv = ["harbinger", "run", {corpus!r}, "--db", {db!r}, "--stages", "", "--batch-size", "4"]
from harbinger.cli import main
main()
"""


@pytest.mark.slow
def test_ctrl_c_marks_the_run_interrupted_and_a_rerun_finishes_it(tmp_path, nlp_base):
    from harbinger.runner import run
    from harbinger.store import Store

    corpus = tmp_path / "corpus.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        corpus.write_text("".join(next(lines) for _ in range(16)), encoding="utf-8")
    interrupted, clean = tmp_path / "interrupted.duckdb", tmp_path / "clean.duckdb"
    script = textwrap.dedent(HELD_RUN).format(corpus=str(corpus), db=str(interrupted))
    child = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    try:
        for line in child.stderr:
            if line.strip() == "held":
                break
        child.send_signal(signal.SIGINT)
        rest = child.stderr.read()
        assert child.wait(120) == 130
    finally:
        child.kill()
    assert "interrupted: 8 articles stored; run the same command again to finish" in rest and "Traceback" not in rest

    with Store(interrupted) as store:
        assert store.query("SELECT status, stored FROM runs")[1] == [("interrupted", 8)]
        run([str(corpus)], store, nlp_base, batch_size=4)
    with Store(clean) as store:
        run([str(corpus)], store, nlp_base, batch_size=4)
    assert _contents(interrupted) == _contents(clean)
