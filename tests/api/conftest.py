"""A store filled with the synthetic corpus, and an API client over it (FastAPI's TestClient, real DuckDB file)."""

from __future__ import annotations

import pytest

from tests.synthetic import seed_store
from harbinger.store import Store


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

    with TestClient(create_app(seeded_db), raise_server_exceptions=False) as test_client:
        yield test_client
