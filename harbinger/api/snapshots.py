"""The served store: one read-only DuckDB connection, a cursor per request, reopened when its file is replaced.

A DuckDB connection is not safe to share across threads, but cursors made from it are (each is its
own connection to the same database), so every request borrows the current :class:`Snapshot` and
works on a cursor of its own. While a store is served no process can write it (DuckDB's file lock),
so the only way its contents change is a new file renamed over the old path: :meth:`ServedStore.snapshot`
notices that from the file's inode, size and modification time, closes the old connection once the
requests still reading it are done, and opens the new file. A snapshot's ``generation`` (that stamp
and the store's last run id) keys the response cache, so a cached answer never outlives its file.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import time
from pathlib import Path
from typing import Sequence

import duckdb

from harbinger.errors import HarbingerError
from harbinger.store import Store, _migrations

log = logging.getLogger("harbinger.api")
# DuckDB's own bound for one served store: bounded answers stay far below it, and a query that would
# pass it fails (H536) instead of growing the server.
MEMORY_LIMIT = "512MB"
RETRY_SECONDS = 0.5  # between attempts to open a replacement that could not be opened
LOCKED_HINT = "wait for the run writing it to finish (or stop it), or serve a copy of the file"


class Cursor:
    """One request's view of the store: the ``query`` interface of :class:`Store` over its own cursor."""

    def __init__(self, connection):
        self.db = connection

    def query(self, sql: str, params: Sequence | None = None) -> tuple[list[str], list[tuple]]:
        cursor = self.db.execute(sql, params or [])
        return [d[0] for d in cursor.description], cursor.fetchall()


def open_store(db: str | Path) -> Store:
    """Open ``db`` read-only with the server's memory bound and check it has the events schema.

    A store another process holds (H534) or one DuckDB cannot read (H535) fails with Harbinger's
    message, not DuckDB's; a missing file fails with H301 and an old schema with H507.
    """
    try:
        store = Store(db, read_only=True)
    except HarbingerError as error:
        if error.code == "H307":
            raise HarbingerError("H534", f"cannot serve: {error.args[0]}", hint=LOCKED_HINT) from None
        if error.code == "H302":
            raise _unopenable(db) from None
        raise
    try:
        store.db.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        latest = max(number for number, _ in _migrations())
        version = store.version()
        tables = store.tables()
    except duckdb.Error:
        store.close()
        raise _unopenable(db) from None
    if version < latest or "events" not in tables:
        store.close()
        raise HarbingerError(
            "H507",
            f"store {db} has schema version {version}, the API needs {latest} (with the events table)",
            hint="run 'harbinger run' on it once (that migrates it), then serve it again",
        )
    return store


def _unopenable(db: str | Path) -> HarbingerError:
    return HarbingerError("H535", f"store {db} cannot be opened: it is not a DuckDB file, is damaged or is unreadable",
                          hint="check the path names a store written by 'harbinger run', and that you may read it")  # fmt: skip


class Snapshot:
    """One opened version of the store file: its connection, schema version, stamp and the ``generation`` that keys
    the cache.

    Requests :meth:`enter` it on the event loop for a :class:`Lease`; :meth:`drain` waits for the last lease to end
    and closes the connection.
    """

    def __init__(self, store: Store, stamp: tuple):
        self.store = store
        self.stamp = stamp
        self.schema_version = store.version()
        _, rows = store.query("SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT 1")
        run = rows[0][0] if rows else ""
        self.generation = hashlib.sha1(repr((stamp, run)).encode()).hexdigest()[:16]
        self._users = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> "Lease":
        self._users += 1
        self._idle.clear()
        return Lease(self)

    def leave(self) -> None:
        self._users -= 1
        if self._users == 0:
            self._idle.set()

    async def drain(self) -> None:
        await self._idle.wait()
        self.store.close()


class Lease:
    """One request's hold on a snapshot, and the cursors it opened (each its own DuckDB connection), all closed by
    :meth:`release` once the answer is sent."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self._cursors: list[Cursor] = []

    def cursor(self) -> Cursor:
        view = Cursor(self.snapshot.store.db.cursor())
        self._cursors.append(view)
        return view

    def release(self) -> None:
        for view in self._cursors:
            view.db.close()
        self.snapshot.leave()


class ServedStore:
    """The store file behind the API, reopened when a new file replaces it (see the module's docstring).

    DuckDB keeps one database per path in a process, so the new file can only be opened once the old one is
    closed: requests arriving meanwhile wait for the ones still reading the old file (their answers are bounded).
    While the new file cannot be opened (a run still writing it), requests answer H536 until it can.
    """

    def __init__(self, db: str | Path):
        self.path = Path(db)
        self.name = self.path.name
        self._swap = asyncio.Lock()
        self._retry_at = 0.0
        self.current: Snapshot | None = self._open()

    def _stamp(self) -> tuple:
        status = os.stat(self.path)
        return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns

    def _open(self) -> Snapshot:
        # Stamp first: a file swapped in between is then opened under the old stamp and reopened on the next
        # request, never served under the new stamp with the old contents.
        try:
            stamp = self._stamp()
        except OSError:
            stamp = ()  # open_store says what is wrong (H301)
        return Snapshot(open_store(self.path), stamp)

    async def snapshot(self) -> Snapshot:
        """The snapshot of the file now at the path (call on the event loop and :meth:`Snapshot.enter` it at once)."""
        try:
            stamp = self._stamp()
        except OSError:
            stamp = None  # moved away mid-replacement: keep answering from the open file
        if self.current is not None and (stamp is None or stamp == self.current.stamp):
            return self.current
        async with self._swap:
            if self.current is not None and stamp != self.current.stamp:
                old, self.current = self.current, None
                await old.drain()
            if self.current is None and time.monotonic() >= self._retry_at:
                try:
                    self.current = self._open()
                except HarbingerError as error:
                    self._retry_at = time.monotonic() + RETRY_SECONDS
                    log.warning("the store file was replaced by one that cannot be served yet (%s)", error.code)
            if self.current is None:
                raise HarbingerError("H536", "the store file was replaced and the new one cannot be opened yet", hint="retry in a moment")
            return self.current

    async def close(self) -> None:
        if self.current is not None:
            await self.current.drain()
            self.current = None
