"""A content checksum per table, to show two stores hold the same data (a scaled-out run and a single one).

Columns that say when or in which run a row was written differ between two runs
of the same input and are left out; the rest of every row is compared as text,
in a fixed order, so the checksum does not depend on the order rows were
inserted. The ``runs`` table describes runs, not data, and is left out.
"""

from __future__ import annotations

from harbinger.store import Store, table_names

VOLATILE = {"run_id", "stored_at", "ingested_at", "checked_at"}
NOT_DATA = {"runs"}


def table_checksums(store: Store) -> dict[str, tuple[int, str]]:
    """Table name → (row count, MD5 of its sorted rows without the run columns)."""
    found = {}
    for name in table_names():
        if name in NOT_DATA:
            continue
        columns = [row[0] for row in store.db.execute(f"DESCRIBE {name}").fetchall() if row[0] not in VOLATILE]
        listed = ", ".join(f'"{c}"' for c in columns)
        count, digest = store.db.execute(
            f"""SELECT count(*), md5(coalesce(string_agg(row_text, chr(10) ORDER BY row_text), ''))
                FROM (SELECT CAST(ROW({listed}) AS VARCHAR) AS row_text FROM {name})"""
        ).fetchone()
        found[name] = (count, digest)
    return found
