"""A real ``harbinger serve`` on a free loopback port over the synthetic store, and headless Debian Chromium.

Chromium comes from the distribution (``apt-get install -y chromium`` → /usr/bin/chromium; set
``HARBINGER_CHROMIUM`` to use another binary). Playwright only drives it: it never downloads a
browser of its own. Without Chromium these tests skip locally and fail under CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from tests.synthetic import seed_store
from harbinger.store import Store

CHROMIUM = os.environ.get("HARBINGER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """Run ``harbinger serve`` on ``db`` and yield its URL once /api/health answers."""
    port = _free_port()
    log_path = db.with_suffix(".log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "harbinger", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=log
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"harbinger serve did not start: {log_path.read_text()}")
                time.sleep(0.2)
        try:
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("dashboard") / "seeded.duckdb"
    with Store(db) as store:
        seed_store(store)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="session")
def empty_dashboard_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("dashboard") / "empty.duckdb"
    Store(db).close()
    with serving(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"no Chromium at {CHROMIUM}: apt-get install -y chromium (or set HARBINGER_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, url: str, path: str = "/"):
    """A new browser context on ``url + path``, ready; ``page.problems`` collects console errors and any request
    that fails or leaves the server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda message: message.type == "error" and opened.problems.append(message.text))
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("requestfailed", lambda request: opened.problems.append(f"request failed: {request.url}"))
    opened.on("request", lambda request: request.url.startswith(url) or request.url.startswith("data:")
              or opened.problems.append(f"left the server: {request.url}"))  # fmt: skip
    opened.goto(url + path)
    opened.wait_for_selector("body[data-state=ready]", timeout=30_000)
    return context, opened


@pytest.fixture
def page(browser, dashboard_url):
    context, opened = open_page(browser, dashboard_url)
    yield opened
    context.close()


@pytest.fixture
def empty_page(browser, empty_dashboard_url):
    context, opened = open_page(browser, empty_dashboard_url)
    yield opened
    context.close()
