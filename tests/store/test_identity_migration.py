"""Issue 17 (Medium 2): a store written before v8 may hold one file under two ids (the batch-dependent
cleaner). Migration 0008 merges articles seen at the same source path and URL, and adds a per-store secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.store import open_store
from newsgraph.store.base import Store
from tests.store.factory import make_article

SHORT = "The council voted on Tuesday to repair the harbour wall before the winter storms arrive."
LONG = SHORT + "\n\nThe Harbour Gazette is published by Harbour Media Group and printed in the old town."


def _old_store(db_url: str) -> Store:
    if db_url.startswith("postgres"):
        from newsgraph.store.postgres import PostgresStore

        return PostgresStore(db_url, target_version=7)
    from newsgraph.store.sqlite import SQLiteStore

    return SQLiteStore(db_url, target_version=7)


def test_v8_merges_on_sqlite(tmp_path: Path) -> None:
    _merges(str(tmp_path / "old.db"))


@pytest.mark.postgres
def test_v8_merges_on_postgres(pg_url: str) -> None:
    _merges(pg_url)


def _merges(db_url: str) -> None:
    with _old_store(db_url) as old:
        assert old.schema_version() == 7  # the last schema before the merge
        a_alone = make_article(
            LONG, path="run/a.txt", claims=[{"text": "to repair the harbour wall", "source": "council"}]
        )
        a_batch = make_article(
            SHORT, path="run/a.txt", claims=[{"text": "to repair the harbour wall", "source": "council"}]
        )
        other = make_article(
            "A different story about the airport, told at length by its director.", path="run/b.txt"
        )
        old.add_articles([a_alone])
        old.add_articles([a_batch, other])
        assert old.count("articles") == 3
    with open_store(db_url) as s:
        assert s.schema_version() >= 8
        assert s.count("articles") == 2
        assert s.article(a_alone.id) is not None and s.article(a_batch.id) is None
        assert s.count("claims") == 1
        assert [r["path"] for r in s.sources(a_alone.id)] == ["run/a.txt"]
        assert all(c.n_claims == 1 for c in s.clusters())
        secret = s._fetch("SELECT value FROM meta WHERE key = 'cursor_secret'")  # type: ignore[attr-defined]
        assert secret and len(secret[0][0]) >= 32
