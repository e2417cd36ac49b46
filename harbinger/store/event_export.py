"""Read coded events back out of the store for the PLOVER and GDELT-style exporters.

Events are coded once per near-duplicate group (from its canonical article),
so each exported event carries the group's size as ``num_mentions`` and the
URLs of its copies as ``sources``: one story on thirty wires is one event
with thirty sources.
"""

from __future__ import annotations

import json
from typing import Iterator

from harbinger.store import Store

_SQL = """
SELECT a.id, a.canonical_id, a.date, a.title, a.source, a.url, a.text, a.body_start, n.payload,
       (SELECT count(*) FROM articles g WHERE g.canonical_id = a.canonical_id)
     + (SELECT count(*) FROM duplicates d WHERE d.canonical_id = a.canonical_id AND d.kind = 'exact') AS mentions,
       (SELECT count(*) FROM articles g WHERE g.canonical_id = a.canonical_id) AS copies,
       (SELECT list(DISTINCT coalesce(g.url, g.source) ORDER BY coalesce(g.url, g.source))
          FILTER (WHERE coalesce(g.url, g.source) IS NOT NULL)
          FROM articles g WHERE g.canonical_id = a.canonical_id) AS sources
FROM annotations n JOIN articles a ON a.id = n.article_id
WHERE n.stage = 'events'
ORDER BY a.date NULLS LAST, a.id
"""


def stored_events(store: Store) -> Iterator[tuple[dict, dict]]:
    """(event, article) pairs, the event's mention counts filled from its article's duplicate group."""
    cursor = store.db.execute(_SQL)
    while rows := cursor.fetchmany(1000):
        for aid, canonical, day, title, source, url, text, body_start, payload, mentions, copies, sources in rows:
            article = {"id": aid, "date": day.isoformat() if day else None, "title": title, "source": source, "url": url, "text": text, "body_start": body_start}
            for event in json.loads(payload):
                yield {
                    **event,
                    "article_id": aid,
                    "canonical_id": canonical,
                    "num_mentions": mentions,
                    "num_articles": copies,
                    "sources": list(sources or []),
                }, article
