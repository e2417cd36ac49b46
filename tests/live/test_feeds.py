"""Feeds from a local HTTP server: new articles are fetched once and stored with URL and time; conditional
GETs, robots.txt and broken feeds behave. No test leaves 127.0.0.1."""

from __future__ import annotations

import json
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from harbinger.errors import HarbingerError
from harbinger.live.feeds import feed_list, fetch_round
from harbinger.live.http import FetchError, PoliteClient
from harbinger.readers import ReadOptions
from harbinger.store import Store
from tests.conftest import corpus_lines

ARTICLES = [json.loads(line) for line in corpus_lines(3)]
MODIFIED = formatdate(1_700_000_000, usegmt=True)


def _page(record: dict) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in record["text"].split("\n") if p.strip())
    return f"<html><head><title>{record['title']}</title></head><body><article><h1>{record['title']}</h1>{paragraphs}</article></body></html>".encode()


def _rss(base: str, count: int) -> bytes:
    items = "".join(
        f"<item><title>{ARTICLES[i]['title']}</title><link>{base}/story/{i}</link><pubDate>Mon, 0{i + 1} Jun 2020 10:00:00 GMT</pubDate></item>"
        for i in range(count)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>{items}</channel></rss>'.encode()


class Server:
    def __init__(self):
        self.hits: dict[str, int] = {}
        self.count = 2
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                return None

            def do_GET(self):
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                if self.path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if self.path == "/feed.xml":
                    tag = f'"v{server.count}"'
                    if self.headers.get("If-None-Match") == tag:
                        return self._send(304, b"", "application/rss+xml")
                    return self._send(200, _rss(server.base, server.count), "application/rss+xml", {"ETag": tag, "Last-Modified": MODIFIED})
                if self.path == "/private.xml":
                    body = f'<rss version="2.0"><channel><title>P</title><item><title>x</title><link>{server.base}/private/1</link></item></channel></rss>'
                    return self._send(200, body.encode(), "application/rss+xml")
                if self.path == "/html.xml":
                    return self._send(200, b"<html><body><p>Not a feed</p></body></html>", "text/html")
                if self.path == "/broken.xml":
                    return self._send(500, b"oops", "text/plain")
                if self.path.startswith("/story/"):
                    return self._send(200, _page(ARTICLES[int(self.path.rsplit("/", 1)[1])]), "text/html")
                return self._send(404, b"no", "text/plain")

            def _send(self, status, body, kind, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


@pytest.fixture()
def server():
    local = Server()
    yield local
    local.httpd.shutdown()


@pytest.mark.slow
def test_fetch_stores_new_articles_once_with_url_and_time(tmp_path, server, nlp_base):
    client = PoliteClient(delay=0)
    feeds = [f"{server.base}/feed.xml"]
    with Store(tmp_path / "h.duckdb") as store:
        first = fetch_round(feeds, store, nlp_base, client, ReadOptions())
        assert (first.entries, first.new, first.stored) == (2, 2, 2) and not first.problems
        rows = store.db.execute("SELECT url, date, title, source FROM articles ORDER BY url").fetchall()
        assert [r[0] for r in rows] == [f"{server.base}/story/0", f"{server.base}/story/1"]
        assert str(rows[0][1]) == "2020-06-01" and rows[0][2] == ARTICLES[0]["title"] and rows[0][3] == "Local Wire"
        published = store.db.execute("SELECT published_at FROM ingested WHERE location LIKE '%/story/1'").fetchone()[0]
        assert str(published) == "2020-06-02 10:00:00"
        second = fetch_round(feeds, store, nlp_base, client, ReadOptions())
        assert (second.entries, second.new) == (0, 0), "an unchanged feed answers 304 Not Modified"
        server.count = 3
        third = fetch_round(feeds, store, nlp_base, client, ReadOptions())
        assert (third.entries, third.new, third.stored) == (3, 1, 1)
    assert server.hits["/story/0"] == 1 and server.hits["/story/2"] == 1, "a URL seen once is not fetched again"
    assert server.hits["/robots.txt"] == 1


def test_broken_feeds_and_forbidden_pages_are_reported_and_the_rest_goes_on(tmp_path, server, nlp_base):
    client = PoliteClient(delay=0)
    feeds = [f"{server.base}/html.xml", f"{server.base}/broken.xml", f"{server.base}/private.xml", "http://127.0.0.1:9/feed.xml"]
    with Store(tmp_path / "h.duckdb") as store:
        done = fetch_round(feeds, store, nlp_base, client, ReadOptions())
    codes = sorted(p.code for p in done.problems)
    assert codes == ["H705", "H705", "H705", "H707"]
    messages = " ".join(p.message for p in done.problems)
    assert "not an RSS or Atom feed (text/html)" in messages and "HTTP 500" in messages and "no answer" in messages
    assert "/private/1" not in server.hits


def test_feed_list_reads_urls_and_files(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# wires\nhttp://a.example/rss\n\nhttps://b.example/atom  # B\n", encoding="utf-8")
    assert feed_list([str(listing), "http://a.example/rss"]) == ["http://a.example/rss", "https://b.example/atom"]
    with pytest.raises(HarbingerError) as raised:
        feed_list([str(tmp_path / "missing.txt")])
    assert raised.value.code == "H708"


def test_requests_to_one_host_are_spaced():
    slept: list[float] = []
    now = [0.0]
    client = PoliteClient(delay=1.5, clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
    for _ in range(2):
        try:
            client.get("http://127.0.0.1:9/x")
        except FetchError:  # nothing listens there; only the spacing is under test
            now[0] += 0.1
    assert slept and slept[0] == pytest.approx(1.4)
