"""PostgreSQL for teams: the same store over psycopg 3, full-text search with tsvector + GIN.

``postgresql://user:pass@host/db`` (optionally ``?schema=NAME`` to keep the store in its own schema). Writers
serialise their batches on a transaction-scoped advisory lock, so concurrent ingests stay exact.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors

from newsgraph.store.base import ForeignDatabaseError, IngestResult, SearchHit, StoreError
from newsgraph.store.migrate import migrations
from newsgraph.store.paging import fts_bound
from newsgraph.store.records import now_iso, websearch_text
from newsgraph.store.search_guard import pg_budget
from newsgraph.store.sql import SQLStore

LOCK_MIGRATE = 0x4E47_0001
LOCK_WRITE = 0x4E47_0002
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_HEADLINE = "'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=[, StopSel=]'"

# rank at most the 1000 newest matches per table, as sqlite.RANK_WINDOW does; best first, then by pk, after the
# search keyset (score, pk) bound (ts_rank is float4: cast to float8 so the score round-trips exactly in a cursor)
_RANKED = (
    "SELECT pk, s, q FROM (SELECT pk, ts_rank(tsv, q)::float8 AS s, q FROM (SELECT pk, tsv, q FROM {table}, "
    "websearch_to_tsquery('english', ?) q WHERE tsv @@ q ORDER BY pk DESC LIMIT 1000) w) r "
    "WHERE s < ? OR (s = ? AND pk > ?) ORDER BY s DESC, pk LIMIT ?"
)
_FTS = {
    "article": (
        f"SELECT a.id, NULL, a.title, a.published, ts_headline('english', left(a.body, 100000), t.q, {_HEADLINE}), t.s, t.pk "
        f"FROM ({_RANKED.format(table='articles')}) t JOIN articles a ON a.pk = t.pk ORDER BY t.s DESC, t.pk"
    ),
    "quote": (
        f"SELECT x.article_id, x.id, a.title, x.published, ts_headline('english', x.text, t.q, {_HEADLINE}), t.s, t.pk "
        f"FROM ({_RANKED.format(table='quotes')}) t JOIN quotes x ON x.pk = t.pk "
        "JOIN articles a ON a.id = x.article_id ORDER BY t.s DESC, t.pk"
    ),
    "claim": (
        f"SELECT x.article_id, x.id, a.title, x.published, ts_headline('english', x.text, t.q, {_HEADLINE}), t.s, t.pk "
        f"FROM ({_RANKED.format(table='claims')}) t JOIN claims x ON x.pk = t.pk "
        "JOIN articles a ON a.id = x.article_id ORDER BY t.s DESC, t.pk"
    ),
}
_OUR_TABLES = ("articles", "claims", "quotes", "article_sources", "meta")


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


def _nul(v: Any) -> Any:
    return v.replace("\x00", " ") if isinstance(v, str) and "\x00" in v else v


def _params(params: Sequence[Any]) -> list[Any]:
    """PostgreSQL text cannot hold NUL: a space keeps lengths (and so offsets) unchanged."""
    return [_nul(v) for v in params]


def split_url(url: str) -> tuple[str, str | None]:
    """``postgresql://...?schema=x`` -> (conninfo without ``schema``, ``x``)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise StoreError(f"invalid schema name {schema!r} (letters, digits and _ only)")
    return urlunsplit(parts._replace(query=rest)), schema


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class PostgresStore(SQLStore):
    """A newsgraph store in a PostgreSQL database (tables created and migrated on open)."""

    _per_article_errors = (pg_errors.DataError, pg_errors.IntegrityError)

    def __init__(
        self, url: str, *, create: bool = True, target_version: int | None = None, embedder: Any = None
    ) -> None:
        super().__init__(embedder)
        self.url = _redact(url)
        conninfo, self.schema = split_url(url)
        try:
            self._conn = psycopg.connect(
                conninfo,
                autocommit=True,
                connect_timeout=10,
                options=f"-c search_path={self.schema}" if self.schema else None,
            )
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url}: {str(exc).strip()}") from None
        try:
            if self.schema and create:
                self._conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            self._migrate(target_version, create)
        except BaseException:
            self._conn.close()
            raise

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def _regclass(self, name: str) -> bool:
        return bool(self._scalar("SELECT to_regclass(%s) IS NOT NULL", (name,)))

    def schema_version(self) -> int:
        if not self._regclass("schema_migrations"):
            return 0
        return int(self._scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    def _migrate(self, target: int | None, create: bool) -> None:
        all_m = migrations("postgres")
        known = all_m[-1].version
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_MIGRATE,))
            current = self.schema_version()
            if current == 0:
                present = [t for t in _OUR_TABLES if self._regclass(t)]
                if present:
                    raise ForeignDatabaseError(
                        f"{self.url}: tables {', '.join(present)} exist but are not a newsgraph store; left untouched "
                        "(use ?schema=NAME for a separate schema)"
                    )
                if not create:
                    raise StoreError(f"no newsgraph store at {self.url} (create one with `newsgraph ingest`)")
                self._conn.execute(
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
            elif (
                not self._regclass("meta")
                or not self._conn.execute(
                    "SELECT 1 FROM meta WHERE key = 'application' AND value = 'newsgraph'"
                ).fetchone()
            ):
                raise ForeignDatabaseError(
                    f"{self.url}: schema_migrations exists but this is not a newsgraph store"
                )
            if current > known:
                raise StoreError(
                    f"{self.url} has schema version {current}, newer than this newsgraph knows ({known})"
                )
            for m in all_m:
                if m.version <= current or (target is not None and m.version > target):
                    continue
                self._conn.execute(m.sql.encode())  # several statements, no parameters
                self._conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                    (m.version, m.name, now_iso()),
                )

    def _write_batch(self, batch: list[Any]) -> IngestResult:
        for attempt in range(20):
            try:
                return super()._write_batch(batch)
            except (pg_errors.SerializationFailure, pg_errors.DeadlockDetected):
                if attempt == 19:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    @contextmanager
    def _write(self) -> Iterator[psycopg.Cursor[Any]]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_WRITE,))
            yield cur

    def _execute(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur.execute(_pg(sql), _params(params))
        return list(cur.fetchall()) if cur.description else []

    def _executemany(self, cur: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cur.executemany(_pg(sql), [_params(r) for r in rows])

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._conn.execute(_pg(sql), _params(params)).fetchall())
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: {str(exc).strip()}") from None

    _CLAIM_FTS_MATCH = "c.tsv @@ websearch_to_tsquery('english', ?)"

    def _fts_query(self, text: str) -> str | None:
        return websearch_text(text)

    def _fts(
        self, kind: str, query: str, limit: int, after: tuple[float, int, int] | None = None
    ) -> list[tuple[int, SearchHit]]:
        q = self._fts_query(query)
        if q is None:
            return []
        score, pk = fts_bound(after, kind)
        rows = self._fetch(_FTS[kind], (q, score, score, pk, limit))
        return [
            (int(r[6]), SearchHit(kind, r[0], r[1], r[2], r[3], r[4] or "", float(r[5])))  # type: ignore[arg-type]
            for r in rows
        ]

    def _budget(self) -> AbstractContextManager[Any]:
        return pg_budget(self._conn)

    def close(self) -> None:
        self._conn.close()
