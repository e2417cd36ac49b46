"""The served store: a cursor per request under concurrent requests, reopening a replaced file, and coded refusals
for stores that cannot be served."""

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from harbinger.api import create_app
from harbinger.errors import HarbingerError
from harbinger.store import Store
from tests.api.conftest import LOCAL


@contextmanager
def serving(path):
    with TestClient(create_app(path), base_url=LOCAL, raise_server_exceptions=False) as client:
        yield client


@contextmanager
def writer_holding(path):
    """Another process with ``path`` open for writing (DuckDB's exclusive file lock), until the block ends."""
    code = "import duckdb, sys; db = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def _requests(client) -> list[str]:
    """Many different requests (each misses the cache) over every kind of query."""
    dyads = client.get("/api/dyads", params={"limit": 5}).json()
    paths = [f"/api/events?limit=7&offset={offset}" for offset in range(0, 70, 7)]
    paths += [f"/api/series?source={d['source']}&target={d['target']}&by={by}" for d in dyads for by in ("day", "week", "month")]
    paths += [f"/api/events/{e['id']}" for e in client.get("/api/events", params={"limit": 10}).json()["items"]]
    paths += ["/api/stats", "/api/alerts", "/api/timeline?by=week", "/api/quotes?limit=5", "/api/articles?limit=5", "/api/health"]
    return paths


def test_served_store_answers_concurrent_requests_each_on_its_own_cursor(seeded_db):
    with serving(seeded_db) as reference:
        paths = _requests(reference)
        expected = {path: reference.get(path).json() for path in paths}
    with serving(seeded_db) as client, ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(client.get, paths * 3))
    assert [r.status_code for r in responses] == [200] * len(responses)
    assert [r.json() for r in responses] == [expected[path] for path in paths * 3]


def test_served_store_reopens_a_replaced_file_and_drops_its_cached_answers(tmp_path, seeded_db):
    path = tmp_path / "served.duckdb"
    shutil.copy(seeded_db, path)
    smaller = tmp_path / "next.duckdb"
    with Store(smaller) as store:
        store.db.execute("CREATE TABLE keep AS SELECT 1")
    with serving(path) as client:
        before = client.get("/api/stats").json()
        assert client.get("/api/stats").json() == before and client.app.state.cache.hits >= 1
        assert before["events"] > 0 and client.get("/api/series").json()["points"]
        os.replace(smaller, path)  # a new run's store renamed over the served one
        assert client.get("/api/stats").json()["events"] == 0
        assert client.get("/api/series").json()["points"] == []
        assert client.get("/api/health").json()["db"] == "served.duckdb"


def test_served_store_answers_503_until_a_replacement_being_written_can_be_opened(tmp_path, seeded_db):
    path = tmp_path / "served.duckdb"
    shutil.copy(seeded_db, path)
    with serving(path) as client:
        assert client.get("/api/stats").json()["events"] > 0
        fresh = tmp_path / "fresh.duckdb"
        Store(fresh).close()
        os.replace(fresh, path)
        with writer_holding(path):  # a run still writing the new file: it cannot be opened yet
            for _ in range(2):
                busy = client.get("/api/stats")
                assert busy.status_code == 503 and busy.json()["detail"][0]["type"] == "H536" and str(tmp_path) not in busy.text
            assert client.get("/").status_code == 200  # the page itself does not need the store
        deadline = time.monotonic() + 10
        while (answer := client.get("/api/stats")).status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert answer.json()["events"] == 0


def test_create_app_refuses_a_store_another_process_writes(tmp_path, seeded_db):
    path = tmp_path / "busy.duckdb"
    shutil.copy(seeded_db, path)
    with writer_holding(path), pytest.raises(HarbingerError) as caught:
        create_app(path)
    assert caught.value.code == "H534" and "copy" in caught.value.hint and "IO Error" not in str(caught.value)


@pytest.mark.parametrize("content", [b"not a database at all\n" * 100, b""])
def test_create_app_refuses_a_file_that_is_not_a_store(tmp_path, content):
    path = tmp_path / "notes.duckdb"
    path.write_bytes(content)
    with pytest.raises(HarbingerError) as caught:
        create_app(path)
    assert caught.value.code in ("H535", "H507") and "Error:" not in str(caught.value)
