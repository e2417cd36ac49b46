"""``harbinger fetch FEEDS``: read RSS/Atom feeds, fetch each new article page once, and code it.

A round polls every feed with a conditional GET (ETag / Last-Modified, so an
unchanged feed costs a 304), parses it with feedparser, and fetches the pages of
entries whose URL was never ingested; trafilatura extracts each page's text. The
entry's publication time (else the page's own date) dates the article; the URL
and that time are stored with it. A feed that fails (HTTP error, HTML instead of
a feed, no answer) or a page that holds no text is reported with a code and
tried again next round; everything else goes on.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import feedparser

from harbinger.errors import HarbingerError, Problem
from harbinger.live.http import FetchError, PoliteClient
from harbinger.models import Article
from harbinger.readers import ReadOptions
from harbinger.readers.records import article_from_text
from harbinger.store import Store
from harbinger.store.ingested import feed_state, save_feed_state, seen


@dataclass(frozen=True)
class Entry:
    url: str
    feed: str
    feed_title: str | None
    title: str | None
    published: datetime | None  # UTC


@dataclass
class Fetched:
    """A page fetched for an entry: the article made of it, or why there is none."""

    entry: Entry
    article: Article | None
    problems: list[Problem] = field(default_factory=list)
    retry: bool = True  # without an article: try the URL again next round (not when robots.txt forbids it)


def feed_list(arguments: list[str]) -> list[str]:
    """Feed URLs from the arguments: each a URL, or a file listing one URL per line (``#`` starts a comment)."""
    urls = []
    for argument in arguments:
        if argument.startswith(("http://", "https://")):
            urls.append(argument)
            continue
        path = Path(argument)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise HarbingerError("H708", f"{argument} is neither an http(s) URL nor a readable file of feed URLs: {err}") from None
        urls += [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]
    if not urls:
        raise HarbingerError("H708", "no feed URL given", hint="pass feed URLs, or a file with one URL per line")
    return list(dict.fromkeys(urls))


def poll(url: str, store: Store, client: PoliteClient) -> tuple[list[Entry], Problem | None]:
    """The entries a feed lists now ([] when it answers 304 Not Modified), or the problem that stopped it."""
    state = feed_state(store, url)
    headers = {"If-None-Match": state.etag} if state.etag else {}
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    try:
        response = client.get(url, headers)
    except FetchError as err:
        save_feed_state(store, state, None, str(err))
        return [], Problem.make("H705", url, feed=url, reason=f"no answer: {err}")
    if response.status == 304:
        save_feed_state(store, state, 304, None)
        return [], None
    if response.status >= 400:
        save_feed_state(store, state, response.status, f"HTTP {response.status}")
        return [], Problem.make("H705", url, feed=url, reason=f"HTTP {response.status}")
    parsed = feedparser.parse(response.body, response_headers={k.lower(): v for k, v in dict(response.headers).items()})
    if not parsed.get("version"):
        kind = response.header("Content-Type") or "unknown content type"
        save_feed_state(store, state, response.status, "not a feed")
        return [], Problem.make("H705", url, feed=url, reason=f"not an RSS or Atom feed ({kind})")
    state.etag, state.modified = response.header("ETag"), response.header("Last-Modified")
    save_feed_state(store, state, response.status, None)
    title = parsed.feed.get("title")
    entries = [Entry(e["link"], url, title, e.get("title"), _published(e)) for e in parsed.entries if e.get("link")]
    return entries, None


def _published(entry) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).replace(tzinfo=None) if stamp else None


def new_entries(entries: list[Entry], store: Store) -> list[Entry]:
    """Entries whose URL was never ingested, each URL once, in feed order."""
    unique = list({entry.url: entry for entry in reversed(entries)}.values())[::-1]
    known = seen(store, [url_key(e.url) for e in unique])
    return [e for e in unique if url_key(e.url) not in known]


def url_key(url: str) -> str:
    return f"url:{url}"


def fetch_articles(entries: list[Entry], client: PoliteClient, options: ReadOptions) -> Iterator[Fetched]:
    """Fetch and extract each entry's page."""
    import trafilatura

    for entry in entries:
        if not client.allowed(entry.url):
            host = entry.url.split("/")[2] if "//" in entry.url else entry.url
            yield Fetched(entry, None, [Problem.make("H707", entry.url, url=entry.url, host=host)], retry=False)
            continue
        try:
            response = client.get(entry.url)
        except FetchError as err:
            yield Fetched(entry, None, [Problem.make("H706", entry.url, url=entry.url, reason=f"no answer: {err}")])
            continue
        if response.status >= 400:
            yield Fetched(entry, None, [Problem.make("H706", entry.url, url=entry.url, reason=f"HTTP {response.status}")])
            continue
        extracted = trafilatura.bare_extraction(response.body, url=entry.url, with_metadata=True, include_comments=False)
        text = getattr(extracted, "text", None) if extracted is not None else None
        if not text or not text.strip():
            yield Fetched(entry, None, [Problem.make("H706", entry.url, url=entry.url, reason="no article text on the page")])
            continue
        day = entry.published.date().isoformat() if entry.published else getattr(extracted, "date", None)
        article, problems = article_from_text(
            text, day, entry.url, options, title=entry.title or getattr(extracted, "title", None), url=entry.url,
            source=entry.feed_title or getattr(extracted, "sitename", None),
        )  # fmt: skip
        yield Fetched(entry, article, problems)


@dataclass
class FetchRound:
    feeds: int = 0
    entries: int = 0
    new: int = 0
    stored: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)


def fetch_round(feeds: list[str], store: Store, nlp, client: PoliteClient, options: ReadOptions, **run_options) -> FetchRound:
    """Poll every feed once, fetch the pages of new entries, code and store them, and remember their URLs.

    A URL is remembered once its article is stored (or robots.txt forbids it); a page that failed is not,
    so the next round tries it again. The run is one store run (command ``fetch``).
    """
    from harbinger.runner import run_items
    from harbinger.store.ingested import record

    done = FetchRound(feeds=len(feeds))
    entries = []
    for url in feeds:
        listed, problem = poll(url, store, client)
        entries += listed
        done.problems += [problem] if problem else []
    done.entries = len(entries)
    todo = new_entries(entries, store)
    done.new = len(todo)
    fetched = list(fetch_articles(todo, client, options))
    items: list[Article | Problem] = []
    for page in fetched:
        items += page.problems
        items += [page.article] if page.article else []
    summary = run_items(items, store, nlp, inputs=feeds, command="fetch", **run_options)
    done.stored, done.events = summary.stored, summary.events
    done.problems += summary.problems
    for page in fetched:
        if page.article is None and page.retry:
            continue  # fetch again next round
        status = "stored" if page.article else "disallowed by robots.txt"
        record(store, url_key(page.entry.url), "url", page.entry.url, status, run_id=summary.run_id,
               article_id=page.article.id if page.article else None, feed=page.entry.feed, published_at=page.entry.published)  # fmt: skip
    return done
