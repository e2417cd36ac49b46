"""Pin each API request to one store snapshot, and answer repeated queries from a bounded LRU of whole responses.

The dashboard asks every visitor the same questions (stats, the busiest dyads, the top dyad's
series, the alerts, the first page of events), and each answer is a pure function of the query
string and the store file. So a ``GET /api/...`` that answered 200 is kept as its bytes, keyed by
the path, the query string and the snapshot's ``generation`` (the file's stamp and last run id):
a replaced store gets new keys, and the old entries are dropped. The cache is bounded in entries
and bytes, and skips bodies over :data:`MAX_ENTRY_BYTES`. Identical requests arriving together
wait for the first one's answer instead of all querying the store at once.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict

from harbinger.api.snapshots import ServedStore
from harbinger.errors import HarbingerError

MAX_ENTRIES = 2_048
MAX_BYTES = 16 * 2**20
MAX_ENTRY_BYTES = 4 * 2**20
UNCACHED = ("/api/health",)  # a liveness check reports the store open now


class ResponseCache:
    """A least-recently-used map from request key to ``(headers, body)``, bounded in entries and total bytes."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES, max_entry_bytes: int = MAX_ENTRY_BYTES):
        self.max_entries, self.max_bytes, self.max_entry_bytes = max_entries, max_bytes, max_entry_bytes
        self._entries: OrderedDict[tuple, tuple[list, bytes]] = OrderedDict()
        self.bytes = 0
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple) -> tuple[list, bytes] | None:
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: tuple, headers: list, body: bytes) -> None:
        if len(body) > self.max_entry_bytes or key in self._entries:
            return
        self._entries[key] = (headers, body)
        self.bytes += len(body)
        while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.bytes -= len(dropped)

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0


class CachedStore:
    """ASGI middleware for ``/api``: leases the store's current snapshot to the request for its whole life
    (``scope["harbinger.lease"]``), and serves or fills :class:`ResponseCache`. Everything runs on the event loop, so the cache
    needs no lock."""

    def __init__(self, app, served: ServedStore, cache: ResponseCache):
        self.app = app
        self.served = served
        self.cache = cache
        self._generation = ""
        self._pending: dict[tuple, asyncio.Future] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        try:
            lease = (await self.served.snapshot()).enter()
        except HarbingerError as error:
            return await _unavailable(send, error)
        try:
            generation = lease.snapshot.generation
            if generation != self._generation:
                self.cache.clear()
                self._generation = generation
            scope["harbinger.lease"] = lease
            if scope["method"] != "GET" or scope["path"] in UNCACHED:
                return await self.app(scope, receive, send)
            await self._cached(scope, receive, send, (generation, scope["path"], scope["query_string"]))
        finally:
            lease.release()

    async def _cached(self, scope, receive, send, key: tuple) -> None:
        while (pending := self._pending.get(key)) is not None:
            await asyncio.shield(pending)
        entry = self.cache.get(key)
        if entry is not None:
            return await _replay(send, *entry)
        self._pending[key] = asyncio.get_running_loop().create_future()
        start, chunks = {}, []
        size = 0

        async def keep(message):
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif start.get("status") == 200 and size <= self.cache.max_entry_bytes:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        try:
            await self.app(scope, receive, keep)
            if start.get("status") == 200 and size <= self.cache.max_entry_bytes:
                self.cache.put(key, list(start.get("headers", [])), b"".join(chunks))
        finally:
            self._pending.pop(key).set_result(None)


async def _unavailable(send, error: HarbingerError) -> None:
    body = json.dumps({"detail": [{"loc": [], "msg": str(error.args[0]), "type": error.code, "hint": error.hint}]}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"retry-after", b"1")]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _replay(send, headers: list, body: bytes) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
