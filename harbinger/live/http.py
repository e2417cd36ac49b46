"""Polite HTTP for feeds and article pages: one identifying User-Agent, robots.txt, a delay per host.

Requests to the same host are spaced at least ``delay`` seconds apart; a site's
robots.txt is read once per run and obeyed (a missing one allows everything);
conditional headers let a feed answer 304 Not Modified. Nothing here retries:
a failure is reported and tried again in the next round.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from typing import Callable
from urllib.parse import urlsplit

from harbinger import __version__

USER_AGENT = f"Harbinger/{__version__} (news event coder; respects robots.txt)"
DEFAULT_DELAY = 1.0
TIMEOUT = 30.0
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Response:
    url: str
    status: int
    headers: Message | dict
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


class FetchError(Exception):
    """The server could not be reached, or answered too much."""


@dataclass
class PoliteClient:
    delay: float = DEFAULT_DELAY
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            try:
                response = self._get(f"{host}/robots.txt", {})
            except FetchError:
                response = None
            rules = None
            if response is not None and response.status == 200:
                rules = urllib.robotparser.RobotFileParser()
                rules.parse(response.body.decode("utf-8", "replace").splitlines())
            self._robots[host] = rules
        rules = self._robots[host]
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        return self._get(url, headers or {})

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        host = urlsplit(url).netloc
        wait = self._last.get(host, -1e18) + self.delay - self.clock()
        if wait > 0:
            self.sleep(wait)
        self._last[host] = self.clock()
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310 - http(s) URLs the user gave
                body = answer.read(MAX_BYTES + 1)
                status, answer_headers = answer.status, answer.headers
        except urllib.error.HTTPError as err:  # 304 and 4xx/5xx arrive here: they are answers, not failures
            return Response(url, err.code, err.headers or {}, b"")
        except (urllib.error.URLError, OSError, ValueError) as err:
            raise FetchError(str(getattr(err, "reason", err))) from None
        if len(body) > MAX_BYTES:
            raise FetchError(f"more than {MAX_BYTES // (1024 * 1024)} MiB")
        return Response(url, status, answer_headers, body)
