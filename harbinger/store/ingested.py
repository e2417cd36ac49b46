"""What continuous ingestion has taken in (``ingested``) and where each feed's conditional GET stands (``feeds``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from harbinger.store import Store


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def seen(store: Store, keys: list[str]) -> set[str]:
    """The keys among ``keys`` already ingested."""
    if not keys:
        return set()
    rows = store.db.execute("SELECT key FROM ingested WHERE key IN (SELECT unnest($keys))", {"keys": keys}).fetchall()
    return {key for (key,) in rows}


def record(
    store: Store,
    key: str,
    kind: str,
    location: str,
    status: str,
    *,
    run_id: str | None = None,
    article_id: str | None = None,
    feed: str | None = None,
    published_at: datetime | None = None,
) -> None:
    store.db.execute(
        """INSERT OR REPLACE INTO ingested (key, kind, location, feed, published_at, article_id, status, run_id, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [key, kind, location, feed, published_at, article_id, status, run_id, _now()],
    )


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    modified: str | None = None


def feed_state(store: Store, url: str) -> FeedState:
    row = store.db.execute("SELECT etag, modified FROM feeds WHERE url = ?", [url]).fetchone()
    return FeedState(url, *row) if row else FeedState(url)


def save_feed_state(store: Store, state: FeedState, status: int | None, error: str | None) -> None:
    store.db.execute(
        "INSERT OR REPLACE INTO feeds (url, etag, modified, checked_at, status, error) VALUES (?, ?, ?, ?, ?, ?)",
        [state.url, state.etag, state.modified, _now(), status, error],
    )
