"""Four processes ingesting into the same store at once: no lock error, no lost row, exact counts."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.models import Source
from newsgraph.store import open_store
from newsgraph.store.sqlite import SQLiteStore

from .factory import filler

N_PROC, PER_PROC, STEP = 4, 40, 30  # worker w ingests filler(w*30 .. w*30+39): neighbours overlap by 10


def _worker(url: str, w: int) -> tuple[int, int, int]:
    from .conftest import HashEmbedder

    arts = []
    for i in range(w * STEP, w * STEP + PER_PROC):
        a = filler(i)
        a.source = Source(path=f"worker{w}/f{i}.txt")
        arts.append(a)
    with open_store(url, embedder=HashEmbedder()) as s:
        r = s.add_articles(arts, batch_size=4)
    return r.added, r.duplicates, r.failed


def _run(url: str) -> None:
    ctx = mp.get_context("spawn")
    with ctx.Pool(N_PROC) as pool:
        results = pool.starmap(_worker, [(url, w) for w in range(N_PROC)])
    unique = STEP * (N_PROC - 1) + PER_PROC
    assert sum(r[0] for r in results) == unique  # every article added exactly once
    assert sum(r[1] for r in results) == N_PROC * PER_PROC - unique
    assert all(r[2] == 0 for r in results)
    with open_store(url) as s:
        assert s.count("articles") == unique
        assert s.count("claims") == unique
        assert s.count("quotes") == unique
        assert s.count("article_sources") == N_PROC * PER_PROC  # every copy's source kept
        assert sum(c.n_claims for c in s.clusters(limit=10_000)) == unique
        assert s.count("global_entities") == unique


def test_four_sqlite_writers(tmp_path: Path) -> None:
    _run(str(tmp_path / "shared.db"))  # the file does not exist yet: creation races too


@pytest.mark.postgres
def test_four_postgres_writers(pg_url: str) -> None:
    _run(pg_url)


class _CreatesBetweenReads(sqlite3.Connection):
    """A connection that, right after its first ``PRAGMA application_id``, lets another connection create the
    whole store: the interleaving that, in CI, made a racing opener take a fresh store for a foreign one."""

    fired = False

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        cur = super().execute(sql, *args)
        if sql == "PRAGMA application_id" and not _CreatesBetweenReads.fired:
            _CreatesBetweenReads.fired = True
            rows = cur.fetchall()
            SQLiteStore(self._path).close()  # type: ignore[attr-defined]
            cur = _Rows(rows)  # type: ignore[assignment]
        return cur


class _Rows:
    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def fetchone(self) -> Any:
        return self.rows[0]


def test_a_store_created_between_the_openers_reads_is_not_foreign(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "racing.db"
    empty = sqlite3.connect(path)
    assert empty.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"  # as the first opener leaves it
    empty.close()
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        if _CreatesBetweenReads.fired:
            return real_connect(*args, **kwargs)  # type: ignore[no-any-return]
        conn = real_connect(*args, factory=_CreatesBetweenReads, **kwargs)
        conn._path = path  # type: ignore[attr-defined]
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)  # the module the store calls
    with SQLiteStore(path) as s:  # the other connection commits the schema between this opener's two reads
        assert _CreatesBetweenReads.fired
        assert s.schema_version() > 0
        assert s.count("articles") == 0
