"""Read-only questions asked of the store by the CLI: what it holds, in one table.

Listing articles is :func:`harbinger.analysis.events.list_articles`, shared with the API.
"""

from __future__ import annotations

from harbinger.store import Store


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
