"""The embedded default: one SQLite file, WAL mode, FTS5 full-text search.

Several processes may write at once: every write is one ``BEGIN IMMEDIATE`` transaction (so writers queue on
the busy timeout instead of deadlocking on a lock upgrade), and a transaction that still meets a busy
database is retried with back-off. A file that is not a newsgraph store is refused and never written to.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsgraph.store.base import ForeignDatabaseError, IngestResult, SearchHit, StoreError
from newsgraph.store.migrate import migrations, sqlite_statements
from newsgraph.store.paging import SEARCH_KINDS, fts_bound, search_after
from newsgraph.store.records import fts5_query, now_iso
from newsgraph.store.search_guard import bound_query, sqlite_budget
from newsgraph.store.sql import SQLStore

APPLICATION_ID = 0x4E475246  # "NGRF" in the SQLite header marks a newsgraph store
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
RETRY_FOR_S = 600.0

RANK_WINDOW = 1000
"""Matches ranked per query, newest first: bm25 is computed for at most this many rows (per table), which
keeps a query for a word found in most of the store as fast as one for a rare word. A term with fewer
matches is ranked exactly; a very common one is ranked among its most recently ingested matches."""


_FTS_TABLE = {"article": ("articles", 1, 16), "quote": ("quotes", 0, 24), "claim": ("claims", 0, 24)}
_FTS_META = {
    "article": "SELECT a.pk, a.id, NULL, a.title, a.published FROM articles a WHERE a.pk IN ({})",
    "quote": (
        "SELECT q.pk, q.article_id, q.id, a.title, q.published FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE q.pk IN ({})"
    ),
    "claim": (
        "SELECT c.pk, c.article_id, c.id, a.title, c.published FROM claims c "
        "JOIN articles a ON a.id = c.article_id WHERE c.pk IN ({})"
    ),
}


def _transient(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in msg or "busy" in msg)


def _check_file(path: Path) -> None:
    """Refuse, before SQLite touches it, anything that is not an SQLite file."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    if head and head != SQLITE_MAGIC:
        raise ForeignDatabaseError(
            f"{path} is not an SQLite database (and not a newsgraph store); left untouched"
        )


def _read_only(path: Path) -> bool:
    """An existing store this process cannot write (read-only file, folder or file system)."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open for reading only (``mode=ro``); on a read-only file system a WAL store cannot make its shared-memory
    file, so it is opened ``immutable`` (nobody can write there either)."""
    uri = f"file:{quote(str(path.resolve()))}"
    last: sqlite3.Error | None = None
    for params in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(
                uri + params,
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            last = exc
            continue
        if app_id != APPLICATION_ID:
            conn.close()
            raise ForeignDatabaseError(f"{path} is not a newsgraph store; left untouched")
        return conn
    raise StoreError(f"cannot open {path} read-only: {last}")


class SQLiteStore(SQLStore):
    """A newsgraph store in one SQLite file (created and migrated on open)."""

    _per_article_errors = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError)

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        target_version: int | None = None,
        embedder: Any = None,
    ) -> None:
        super().__init__(embedder)
        self.path = Path(path)
        self.url = str(self.path)
        _check_file(self.path)
        if not self.path.exists():
            if not create:
                raise StoreError(f"no newsgraph database at {self.path} (create one with `newsgraph ingest`)")
            if not self.path.parent.exists():
                raise StoreError(f"cannot create {self.path}: folder {self.path.parent} does not exist")
        self.read_only = _read_only(self.path)
        if self.read_only:
            self._conn = _connect_read_only(self.path)
            return
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._inspect()
            self._retry(self._set_wal)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._retry(lambda: self._migrate(target_version))
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise ForeignDatabaseError(
                f"{self.path} is not a usable newsgraph store: {exc}; left untouched"
            ) from None
        except BaseException:
            self._conn.close()
            raise

    # -- opening ----------------------------------------------------------------------------------
    def _inspect(self) -> None:
        """Reads only: refuses a foreign or corrupt file before anything is written.

        Both reads share one read transaction: read apart, another process's schema-creating commit can land
        between them, and a newsgraph store caught half-seen (id 0, tables present) was taken for a foreign one."""
        own = not self._conn.in_transaction
        if own:
            self._conn.execute("BEGIN")
        try:
            app_id, tables = self._id_and_tables()
        finally:
            if own:
                self._conn.execute("COMMIT")
        if app_id == APPLICATION_ID:
            return
        if app_id == 0 and not tables:
            return
        what = f"application id {app_id:#x}" if app_id else f"tables {', '.join(sorted(tables)[:5])}"
        raise ForeignDatabaseError(
            f"{self.path} is an SQLite database but not a newsgraph store ({what}); left untouched. "
            "Choose another --db path."
        )

    def _id_and_tables(self) -> tuple[int, list[str]]:
        app_id = int(self._conn.execute("PRAGMA application_id").fetchone()[0])
        tables = [r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return app_id, tables

    def _set_wal(self) -> None:
        mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{self.path}: cannot switch to WAL mode (got {mode!r})")

    def _version(self) -> int:
        has = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
        if not has:
            return 0
        return int(
            self._conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
        )

    def schema_version(self) -> int:
        return self._version()

    def _migrate(self, target: int | None) -> None:
        all_m = migrations("sqlite")
        known = all_m[-1].version
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._inspect()  # again, under the write lock: another process may have just created it
            current = self._version()
            if current > known:
                raise StoreError(
                    f"{self.path} has schema version {current}, newer than this newsgraph knows ({known}); upgrade newsgraph"
                )
            if current == 0:
                self._conn.execute(
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
                self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for m in all_m:
                if m.version <= current or (target is not None and m.version > target):
                    continue
                for stmt in sqlite_statements(m.sql):
                    self._conn.execute(stmt)
                self._conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, now_iso()),
                )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    # -- transactions -----------------------------------------------------------------------------
    def _retry(self, fn: Any) -> Any:
        deadline = time.monotonic() + RETRY_FOR_S
        delay = 0.05
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _transient(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 2.0)

    def _write_batch(self, batch: list[Any]) -> IngestResult:
        if self.read_only and batch:
            raise StoreError(
                f"cannot write to {self.url}: the store is read-only here (opened for reading only)"
            )
        try:
            result: IngestResult = self._retry(lambda: super(SQLiteStore, self)._write_batch(batch))
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, self._per_article_errors):
                raise
            msg = str(exc).lower()
            if any(
                k in msg for k in ("full", "readonly", "read-only", "disk i/o", "unable to open", "malformed")
            ):
                # The batch was rolled back; what earlier batches committed is intact.
                raise StoreError(f"cannot write to {self.url}: {exc} (this batch was not stored)") from exc
            raise
        return result

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _execute(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(cur.execute(sql, params).fetchall())

    def _executemany(self, cur: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cur.executemany(sql, rows)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    # -- full-text search -------------------------------------------------------------------------
    _CLAIM_FTS_MATCH = "c.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"

    def _fts_query(self, text: str) -> str | None:
        return fts5_query(text)

    def _fts_rank(
        self, kind: str, q: str, limit: int, after: tuple[float, int, int] | None = None
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 rank) best first (rank ascending, then rowid), after the search keyset ``after``."""
        fts = f"{_FTS_TABLE[kind][0]}_fts"
        score, pk = fts_bound(after, kind)
        return [
            (int(r[0]), float(r[1]))
            for r in self._fetch(
                f"SELECT rowid, rank FROM (SELECT rowid, rank FROM {fts} WHERE {fts} MATCH ? "
                f"ORDER BY rowid DESC LIMIT {RANK_WINDOW}) WHERE rank > ? OR (rank = ? AND rowid > ?) "
                "ORDER BY rank, rowid LIMIT ?",
                (q, -score, -score, pk, limit),
            )
        ]

    def _fts_hits(self, kind: str, q: str, top: list[tuple[int, float]]) -> list[tuple[int, SearchHit]]:
        """Metadata and a snippet (a rowid seek each) for ranked rows, in the given order."""
        if not top:
            return []
        table, col, tokens = _FTS_TABLE[kind]
        fts = f"{table}_fts"
        snip_sql = f"SELECT snippet({fts}, {col}, '[', ']', '…', {tokens}) FROM {fts} WHERE {fts} MATCH ? AND rowid = ?"
        sql = _FTS_META[kind].format(", ".join("?" * len(top)))
        meta = {r[0]: r[1:] for r in self._fetch(sql, [pk for pk, _ in top])}
        hits = []
        for rowid, rank in top:
            if rowid not in meta:
                continue
            got = self._fetch(snip_sql, (q, rowid))
            snip = str(got[0][0] or "") if got else ""
            aid, item, title, published = meta[rowid]
            hits.append((rowid, SearchHit(kind, aid, item, title, published, snip, -rank)))  # type: ignore[arg-type]
        return hits

    def _fts(
        self, kind: str, query: str, limit: int, after: tuple[float, int, int] | None = None
    ) -> list[tuple[int, SearchHit]]:
        q = self._fts_query(query)
        return self._fts_hits(kind, q, self._fts_rank(kind, q, limit, after)) if q else []

    def search(
        self, query: str, *, limit: int = 20, after: SearchHit | Sequence[Any] | None = None
    ) -> list[SearchHit]:
        """Rank claims, quotes and articles (cheap), keep the best ``limit`` overall, and only then fetch
        snippets and metadata for those. Order and ``after`` as in :meth:`SQLStore.search`."""
        bound_query(query)
        q = self._fts_query(query)
        if q is None:
            return []
        key = search_after(self._fetch, after)
        with self._budget():
            return self._search(q, limit, key)

    def _search(self, q: str, limit: int, key: tuple[float, int, int] | None) -> list[SearchHit]:
        ranked = sorted(
            (rank, o, pk, kind)
            for o, kind in enumerate(SEARCH_KINDS)
            for pk, rank in self._fts_rank(kind, q, limit, key)
        )[:limit]
        found: dict[tuple[str, int], SearchHit] = {}
        for kind in SEARCH_KINDS:
            top = [(pk, rank) for rank, _, pk, k in ranked if k == kind]
            found.update(((kind, pk), hit) for pk, hit in self._fts_hits(kind, q, top))
        return [found[k, pk] for _, _, pk, k in ranked if (k, pk) in found]

    def _budget(self) -> AbstractContextManager[Any]:
        return sqlite_budget(self._conn)

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self._conn.close()
