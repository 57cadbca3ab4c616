"""Migrations upgrade an old store in place; a foreign or corrupt database is refused and never written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from newsgraph.store import ForeignDatabaseError, StoreError, open_store
from newsgraph.store.migrate import latest_version, migrations, sqlite_statements
from newsgraph.store.records import (
    ARTICLE_COLS,
    CLAIM_COLS,
    ENTITY_COLS,
    MENTION_COLS,
    QUOTE_COLS,
    Flattener,
    Rows,
)
from newsgraph.store.sql import insert_sql

from .factory import NK, world


def _v1_rows(cluster_of: dict[str, str] | None = None) -> Rows:
    """What an old (v1) newsgraph wrote: the core tables only, one cluster id per claim (``cluster_of``: claim
    text -> cluster id, for claims clustered with another)."""
    rows = Rows()
    fl = Flattener()
    for a in world():
        fl.add(rows, a, "2024-11-01T00:00:00+00:00")
    for i, r in enumerate(rows.claims):
        r[12] = "old-nk" if r[2] == NK else (cluster_of or {}).get(r[2], f"old-{i}")
    return rows


def _fill_v1(execmany: object, ph: str, cluster_of: dict[str, str] | None = None) -> None:
    rows = _v1_rows(cluster_of)
    for table, cols, data in (
        ("articles", ARTICLE_COLS, rows.articles),
        ("entities", ENTITY_COLS, rows.entities),
        ("quotes", QUOTE_COLS, rows.quotes),
        ("claims", CLAIM_COLS, rows.claims),
        ("mentions", MENTION_COLS, rows.mentions),
    ):
        execmany(insert_sql(table, cols).replace("?", ph), data)  # type: ignore[operator]


def _check_upgraded(url: str) -> None:
    with open_store(url) as s:
        assert s.schema_version() == latest_version("sqlite") == latest_version("postgres") >= 4
        assert s.count("articles") == 3 and s.count("claims") == 6
        assert {h.kind for h in s.search("troops")} == {"article", "quote", "claim"}  # v2 indexed old rows
        rep = s.entity("Kim Tae-hyo")
        assert rep.entities and rep.entities[0].n_articles == 3  # v3 backfilled global entities
        tl = s.claim("old-nk")
        assert tl is not None and [c.status for c in tl.claims] == ["asserted", "confirmed"]
        res = s.add_articles(world())
        assert (res.added, res.duplicates) == (0, 3)


def test_sqlite_v1_store_is_upgraded_with_its_data(tmp_path: Path) -> None:
    from newsgraph.store.sqlite import SQLiteStore

    path = tmp_path / "old.db"
    old = SQLiteStore(path, target_version=1)
    assert old.schema_version() == 1
    old.close()
    conn = sqlite3.connect(path)
    _fill_v1(conn.executemany, "?")
    conn.commit()
    conn.close()
    _check_upgraded(str(path))
    names = [
        r[0] for r in sqlite3.connect(path).execute("SELECT name FROM schema_migrations ORDER BY version")
    ]
    assert names == [m.name for m in migrations("sqlite")]


@pytest.mark.postgres
def test_postgres_v1_store_is_upgraded_with_its_data(pg_url: str) -> None:
    import psycopg

    from newsgraph.store.postgres import PostgresStore, split_url

    PostgresStore(pg_url, target_version=1).close()
    conninfo, schema = split_url(pg_url)
    with psycopg.connect(conninfo, options=f"-c search_path={schema}") as conn, conn.cursor() as cur:
        _fill_v1(cur.executemany, "%s")
    _check_upgraded(pg_url)


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_random_binary_file_is_refused_untouched(tmp_path: Path) -> None:
    p = tmp_path / "photo.db"
    p.write_bytes(os.urandom(5000))
    before = _digest(p)
    with pytest.raises(ForeignDatabaseError, match="not an SQLite database"):
        open_store(p)
    assert _digest(p) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["photo.db"]  # no -wal / -shm left behind


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (9.5)")
    conn.commit()
    conn.close()
    before = _digest(p)
    with pytest.raises(ForeignDatabaseError, match=r"not a newsgraph store.*invoices"):
        open_store(p)
    assert _digest(p) == before


def test_corrupt_store_is_refused_untouched(tmp_path: Path) -> None:
    p = tmp_path / "news.db"
    with open_store(p) as s:
        s.add_articles(world())
    data = bytearray(p.read_bytes())
    data[100:4096] = os.urandom(3996)  # keep the header, wreck the schema page
    p.write_bytes(bytes(data))
    before = _digest(p)
    with pytest.raises(ForeignDatabaseError):
        open_store(p)
    assert _digest(p) == before


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "news.db"
    open_store(p).close()
    conn = sqlite3.connect(p)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(p)


def test_read_only_commands_do_not_create_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no newsgraph database"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


@pytest.mark.postgres
def test_postgres_foreign_tables_are_refused_untouched(pg_url: str) -> None:
    import psycopg

    from newsgraph.store.postgres import split_url

    conninfo, schema = split_url(pg_url)
    with psycopg.connect(conninfo, options=f"-c search_path={schema}", autocommit=True) as conn:
        conn.execute("CREATE TABLE articles (slug TEXT PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO articles VALUES ('x', 'hello')")
        with pytest.raises(ForeignDatabaseError, match="not a newsgraph store"):
            open_store(pg_url)
        assert conn.execute("SELECT slug, body FROM articles").fetchall() == [("x", "hello")]
        assert conn.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,)


def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot connect") as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert "secret" not in str(err.value)


def test_trigger_bodies_split_as_one_statement() -> None:
    stmts = sqlite_statements(migrations("sqlite")[1].sql)
    assert any(s.startswith("CREATE TRIGGER articles_fts_au") and s.count("INSERT") == 2 for s in stmts)
