"""Stores for the analysis tests: hand-made rows for exact checks, and the synthetic corpus."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from tests.synthetic import seed_store
from harbinger.store import Store

_ids = itertools.count()


class Rows:
    """Write articles and events with sensible defaults, so a test states only what it is about."""

    def __init__(self, store: Store):
        self.store = store

    def article(self, day: date, canonical_id: str | None = None, text: str = "Russia accused Ukraine on Monday.") -> str:
        article_id = f"a{next(_ids)}"
        self.store.db.execute(
            "INSERT INTO articles (id, date, text, body_start, canonical_id, annotated) VALUES (?, ?, ?, 0, ?, ?)",
            [article_id, day, text, canonical_id or article_id, canonical_id is None],
        )
        return article_id

    def event(self, day: date, source: str = "RUS", target: str = "UKR", plover: str = "ACCUSE", goldstein: float = -2.0,
              quad: int = 3, mode: str = "asserted", article_id: str | None = None, **extra) -> str:  # fmt: skip
        article_id = article_id or self.article(day)
        (canonical,) = self.store.db.execute("SELECT canonical_id FROM articles WHERE id = ?", [article_id]).fetchone()
        event_id = f"e{next(_ids)}"
        row = dict(id=event_id, article_id=article_id, canonical_id=canonical, event_date=day, plover_type=plover, goldstein=goldstein,
                   quad_class=quad, mode=mode, sentence_start=0, sentence_end=10, source_country=source, target_country=target,
                   source_code=f"{source}GOV", target_code=f"{target}GOV")  # fmt: skip
        row.update(extra)
        names = ", ".join(f'"{k}"' for k in row)
        self.store.db.execute(f"INSERT INTO events ({names}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
        return event_id

    def weekly(self, first_monday: date, counts: list[int], **fields) -> list[list[str]]:
        """``counts[i]`` events in week ``i``, each on that week's Wednesday."""
        return [[self.event(first_monday + timedelta(weeks=i, days=2), **fields) for _ in range(n)] for i, n in enumerate(counts)]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "analysis.duckdb") as opened:
        yield opened


@pytest.fixture
def rows(store):
    return Rows(store)


@pytest.fixture
def synthetic(store):
    seed_store(store)
    return store
