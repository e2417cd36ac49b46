"""The response cache: bounded in entries and bytes, keyed by the query, and one store query per burst of equal requests."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

import harbinger.api.app
from harbinger.api import create_app
from harbinger.api.cache import ResponseCache
from tests.api.conftest import LOCAL


def test_response_cache_drops_least_recently_used_past_its_entry_bound():
    cache = ResponseCache(max_entries=2)
    cache.put("a", [], b"1")
    cache.put("b", [], b"2")
    assert cache.get("a") == ([], b"1")
    cache.put("c", [], b"3")
    assert cache.get("b") is None and cache.get("a") and cache.get("c") and len(cache) == 2


def test_response_cache_stays_within_its_byte_bound_and_skips_large_bodies():
    cache = ResponseCache(max_bytes=10, max_entry_bytes=6)
    cache.put("big", [], b"x" * 7)
    cache.put("a", [], b"x" * 6)
    cache.put("b", [], b"x" * 4)
    assert cache.get("big") is None and cache.bytes == 10
    cache.put("c", [], b"x" * 3)
    assert cache.get("a") is None and cache.bytes == 7
    cache.clear()
    assert len(cache) == 0 and cache.bytes == 0


@pytest.fixture
def counted(monkeypatch, seeded_db):
    """A fresh app whose /api/stats counts (slowly) how often it reads the store."""
    calls = []
    real = harbinger.api.app.store_overview

    def slow_overview(view):
        calls.append(threading.get_ident())
        time.sleep(0.2)
        return real(view)

    monkeypatch.setattr(harbinger.api.app, "store_overview", slow_overview)
    with TestClient(create_app(seeded_db), base_url=LOCAL) as client:
        yield client, calls


def test_cache_answers_a_repeated_query_without_the_store(counted):
    client, calls = counted
    first = client.get("/api/stats")
    again = client.get("/api/stats")
    assert again.content == first.content and again.headers["content-type"] == "application/json" and len(calls) == 1
    assert client.get("/api/stats?x=1").status_code == 200 and len(calls) == 2  # another query string is another key


def test_cache_equal_requests_arriving_together_query_the_store_once(counted):
    client, calls = counted
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: client.get("/api/stats"), range(10)))
    assert len(calls) == 1 and len({a.content for a in answers}) == 1 and {a.status_code for a in answers} == {200}


def test_cache_keeps_only_successful_answers(client):
    cache = client.app.state.cache
    before = len(cache)
    assert client.get("/api/series", params={"since": "0001-01-01", "by": "day"}).status_code == 400
    assert client.get("/api/events/not-an-event").status_code == 404
    assert len(cache) == before
