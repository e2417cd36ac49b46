"""API clients (FastAPI's TestClient, real DuckDB files) over two stores: the synthetic corpus, and the seed article
run through the real pipeline (every default stage, written by the runner like ``harbinger run``)."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tests.synthetic import seed_store
from harbinger.store import Store

LOCAL = "http://localhost"  # the Host the API serves (TestClient's own 'testserver' is refused)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "seeded.duckdb"
    with Store(path) as store:
        seed_store(store)
    return path


@pytest.fixture(scope="session")
def client(seeded_db):
    from fastapi.testclient import TestClient

    from harbinger.api import create_app

    with TestClient(create_app(seeded_db), base_url=LOCAL, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seed_run_db(tmp_path_factory):
    from harbinger.pipeline import load_nlp
    from harbinger.runner import run

    path = tmp_path_factory.mktemp("api") / "seed.duckdb"
    with Store(path) as store:
        run([str(SEED)], store, load_nlp())
    return path


@pytest.fixture(scope="session")
def seed_client(seed_run_db):
    from fastapi.testclient import TestClient

    from harbinger.api import create_app

    with TestClient(create_app(seed_run_db), base_url=LOCAL, raise_server_exceptions=False) as test_client:
        yield test_client
