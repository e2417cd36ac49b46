"""Read-only questions asked of the store by the CLI (and later the API)."""

from __future__ import annotations

from harbinger.errors import HarbingerError
from harbinger.readers.dates import parse_date
from harbinger.store import Store


def _day(value: str | None, name: str):
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise HarbingerError("H006", f"--{name} '{value}' is not a date", hint="use YYYY-MM-DD")
    return day


def list_articles(store: Store, limit: int = 20, search: str | None = None, since: str | None = None, until: str | None = None):
    clauses, params = [], []
    if search:
        clauses.append("(title ILIKE ? OR text ILIKE ?)")
        params += [f"%{search}%"] * 2
    if since:
        clauses.append("date >= ?")
        params.append(_day(since, "since"))
    if until:
        clauses.append("date <= ?")
        params.append(_day(until, "until"))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"""
        SELECT a.id, a.date, coalesce(a.title, left(a.text[a.body_start + 1:], 60)) AS title, a.dateline, a.words,
               CASE WHEN a.canonical_id = a.id THEN '' ELSE a.canonical_id END AS duplicate_of,
               array_to_string(a.flags, ',') AS flags,
               (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentences,
               (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities
        FROM articles a {where}
        ORDER BY a.date NULLS LAST, a.id
        LIMIT ?"""
    return store.query(sql, params + [max(0, limit)])


def store_stats(store: Store):
    sql = """
        SELECT 'articles' AS what, count(*)::VARCHAR AS value FROM articles
        UNION ALL SELECT 'annotated articles', count(*)::VARCHAR FROM articles WHERE annotated
        UNION ALL SELECT 'near-duplicate articles', count(*)::VARCHAR FROM articles WHERE canonical_id <> id
        UNION ALL SELECT 'duplicate groups', count(DISTINCT canonical_id)::VARCHAR FROM duplicates
        UNION ALL SELECT 'articles without a date', count(*)::VARCHAR FROM articles WHERE date IS NULL
        UNION ALL SELECT 'first date', min(date)::VARCHAR FROM articles
        UNION ALL SELECT 'last date', max(date)::VARCHAR FROM articles
        UNION ALL SELECT 'words', coalesce(sum(words), 0)::VARCHAR FROM articles
        UNION ALL SELECT 'sentences', count(*)::VARCHAR FROM sentences
        UNION ALL SELECT 'entities', count(*)::VARCHAR FROM entities
        UNION ALL SELECT 'runs', count(*)::VARCHAR FROM runs
        UNION ALL SELECT 'problems logged', count(*)::VARCHAR FROM run_problems
        UNION ALL SELECT 'schema version', max(version)::VARCHAR FROM schema_version"""
    return store.query(sql)
