"""The Host allow-list (DNS rebinding), the security headers, and a Content-Security-Policy the pages satisfy."""

import asyncio
import base64
import hashlib
import re
import threading
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from harbinger.api import create_app
from harbinger.api.security import CONTENT_SECURITY_POLICY, Guard, host_name
from tests.api.conftest import LOCAL

HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer"}


@pytest.mark.parametrize(
    "header, name",
    [("localhost", "localhost"), ("LocalHost:8000", "localhost"), ("127.0.0.1:80", "127.0.0.1"), ("[::1]:8000", "::1"),
     ("[::1]", "::1"), ("::1", "::1"), ("localhost.", "localhost"), ("", ""), ("evil.example:8000", "evil.example")],
)  # fmt: skip
def test_host_name_drops_port_case_and_trailing_dot(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_security_loopback_hosts_are_served(client, host):
    assert client.get("/api/health", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", "testserver", "[::2]"])
@pytest.mark.parametrize("path", ["/api/stats", "/", "/static/app.js", "/docs"])
def test_security_other_hosts_are_refused_with_a_code(client, host, path):
    """A rebinding page's requests carry its own host name: they get a coded 400, never the store's data."""
    response = client.get(path, headers={"host": host})
    assert response.status_code == 400
    (detail,) = response.json()["detail"]
    assert detail["type"] == "H533" and "--allow-host" in detail["hint"]
    assert response.headers["x-frame-options"] == "DENY"


def test_security_request_without_host_is_refused():
    sent = []

    async def app(scope, receive, send):
        raise AssertionError("a request without Host reached the app")

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/api/stats", "headers": [], "query_string": b""}
    # In a thread of its own: Playwright's sync API (the dashboard tests, same session) keeps a loop running in this one.
    worker = threading.Thread(target=asyncio.run, args=(Guard(app)(scope, None, send),))
    worker.start()
    worker.join()
    assert sent[0]["status"] == 400


def test_security_allow_host_adds_a_name(seeded_db):
    with TestClient(create_app(seeded_db, allowed_hosts=["localhost", "harbinger.lan"]), base_url=LOCAL) as client:
        assert client.get("/api/health", headers={"host": "harbinger.lan:8000"}).status_code == 200
        assert client.get("/api/health", headers={"host": "127.0.0.1"}).status_code == 400


@pytest.mark.parametrize(
    "path, status",
    [("/", 200), ("/docs", 200), ("/openapi.json", 200), ("/static/js/app.js", 200), ("/api/stats", 200), ("/api/series", 200),
     ("/api/events/nope", 404), ("/api/events?limit=0", 422), ("/api/series?since=0001-01-01", 400), ("/static/nope.js", 404)],
)  # fmt: skip
def test_security_headers_on_every_response(client, path, status):
    for _ in range(2):  # the second answer of a cacheable path comes from the cache
        response = client.get(path)
        assert response.status_code == status
        assert {name: response.headers.get(name) for name in HEADERS} == HEADERS
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_security_dashboard_fits_its_content_security_policy(client):
    """The policy allows only same-origin scripts and styles: the page may have no inline ones and load nothing else."""
    assert client.get("/").headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    static = resources.files("harbinger.dashboard").joinpath("static")
    page = static.joinpath("index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts and all(re.search(r'src="/static/[^"]+"', attributes) and not body.strip() for attributes, body in scripts)
    links = re.findall(r'<link[^>]*href="([^"]+)"', page)
    assert links and all(href.startswith(("/static/", "data:")) for href in links)
    assert "<style" not in page and " style=" not in page
    own = sorted(path for path in static.joinpath("js").iterdir() if path.name.endswith(".js"))
    assert len(own) >= 5
    for path in own:  # bundled libraries (vendor/) set element styles through the CSSOM, which the policy allows
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\.style\b|\"style\"|innerHTML|\beval\(|new Function", code), path.name


def test_security_docs_allow_only_their_own_inline_script(client):
    response = client.get("/docs")
    policy = response.headers["content-security-policy"]
    (script,) = re.findall(r"<script>(.*?)</script>", response.text, flags=re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy and "script-src 'self' 'sha256-" in policy and "'unsafe-eval'" not in policy
