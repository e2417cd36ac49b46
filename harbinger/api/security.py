"""The API's outer guard: a Host allow-list against DNS rebinding, and security headers on every response.

A page on another site can point its own host name at 127.0.0.1 (DNS rebinding) and then read the
loopback API as if it were same-origin; the browser still sends that site's name in ``Host``, so
requests whose ``Host`` is not on the allow-list (the loopback names, plus ``--allow-host``) get a
coded 400. Every response, that one included, carries headers that stop sniffing, framing and
referrer leaks, and a Content-Security-Policy that lets the page load only what this server serves.
"""

from __future__ import annotations

import json
from typing import Iterable

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# What the dashboard needs: its own scripts, styles, data (the API) and a data: favicon; nothing inline, nothing elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
)


def host_name(header: str) -> str:
    """The host name of a ``Host`` header, lower-cased, without port or trailing dot (``[::1]:8000`` → ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        name = header[1 : header.find("]")] if "]" in header else header
    else:
        name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name.rstrip(".")


class Guard:
    """ASGI middleware: refuse requests for other hosts (H533, 400), and add :data:`SECURITY_HEADERS` to every response.

    A header a route sets itself (``/docs`` sends its own Content-Security-Policy) is kept.
    """

    def __init__(self, app, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS):
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed_hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = next((value.decode("latin-1") for key, value in scope["headers"] if key == b"host"), "")
        if host_name(host) not in self.allowed:
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})
            return await self._refuse(host, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *((k, v) for k, v in SECURITY_HEADERS if k not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _refuse(self, host: str, send) -> None:
        detail = {
            "loc": ["header", "host"],
            "msg": f"host '{host[:100]}' is not served here",
            "type": "H533",
            "hint": "open the dashboard as http://127.0.0.1:PORT/ or http://localhost:PORT/, or start harbinger serve with --allow-host NAME",
        }
        body = json.dumps({"detail": [detail]}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})
