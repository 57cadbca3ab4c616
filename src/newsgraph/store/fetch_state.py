"""Collection state in the store: the ``fetch_state`` and ``fetch_sources`` tables (migration 0007).

Shared by SQLite and PostgreSQL (portable SQL with ``?`` placeholders, ``ON CONFLICT`` upserts). The
collector (:mod:`newsgraph.collect`) is the only writer; the Sources page and ``GET /api/sources`` read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.store.backend import SQLBackend, chunks, marks
from newsgraph.store.base import FetchState, SourceRow
from newsgraph.store.records import now_iso

STATE_COLS = ("url", "source", "kind", "status", "http_status", "etag", "last_modified", "fetched_at",
              "content_hash", "article_id", "error", "attempts", "published")  # fmt: skip
_SELECT = f"SELECT {', '.join(STATE_COLS)} FROM fetch_state"
_UPSERT = (
    f"INSERT INTO fetch_state ({', '.join(STATE_COLS)}, discovered_at) VALUES ({marks(len(STATE_COLS) + 1)}) "
    "ON CONFLICT (url) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in STATE_COLS if c not in ("url", "source", "published"))
    + ", published = coalesce(excluded.published, fetch_state.published)"
)
_QUEUE = (
    "INSERT INTO fetch_state (url, source, kind, status, attempts, published, discovered_at) "
    "VALUES (?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT (url) DO NOTHING"
)
_COUNTS = (
    "SELECT source, count(*), sum(CASE WHEN fetched_at IS NOT NULL THEN 1 ELSE 0 END), "
    "sum(CASE WHEN status IN ('stored', 'unchanged') THEN 1 ELSE 0 END), "
    "sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), sum(CASE WHEN status = 'queued' THEN 1 ELSE 0 END), "
    "max(fetched_at) FROM fetch_state WHERE kind = 'page' GROUP BY source"
)
MAX_ERRORS_SHOWN = 5


def _state(r: Sequence[Any]) -> FetchState:
    return FetchState(
        url=r[0], source=r[1], kind=r[2], status=r[3], http_status=r[4], etag=r[5], last_modified=r[6],
        fetched_at=r[7], content_hash=r[8], article_id=r[9], error=r[10], attempts=int(r[11] or 0), published=r[12],
    )  # fmt: skip


class FetchStateMixin(SQLBackend):
    """Store methods for the collector, over the back-end's primitives."""

    def add_fetch_source(self, url: str, kind: str | None = None, *, error: str | None = None) -> None:
        now = now_iso()
        with self._write() as cur:
            self._execute(
                cur,
                "INSERT INTO fetch_sources (url, kind, added_at, last_run_at, last_error) VALUES (?, ?, ?, NULL, NULL) "
                "ON CONFLICT (url) DO NOTHING",
                (url, kind, now),
            )
            if kind is not None:
                self._execute(
                    cur,
                    "UPDATE fetch_sources SET kind = ?, last_run_at = ?, last_error = ? WHERE url = ?",
                    (kind, now, error, url),
                )

    def fetch_sources(self) -> list[SourceRow]:
        counts = {r[0]: r[1:] for r in self._fetch(_COUNTS)}
        errors: dict[str, list[str]] = {}
        for src, url, err in self._fetch(
            "SELECT source, url, error FROM fetch_state WHERE status = 'failed' AND error IS NOT NULL "
            "ORDER BY fetched_at DESC"
        ):
            shown = errors.setdefault(src, [])
            if len(shown) < MAX_ERRORS_SHOWN:
                shown.append(f"{url}: {err}")
        out = []
        for url, kind, added, last_run, last_error in self._fetch(
            "SELECT url, kind, added_at, last_run_at, last_error FROM fetch_sources ORDER BY added_at DESC, url"
        ):
            found, fetched, stored, failed, queued, last_fetch = counts.get(url, (0, 0, 0, 0, 0, None))
            out.append(
                SourceRow(
                    url,
                    kind,
                    added,
                    last_run,
                    last_fetch,
                    int(found or 0),
                    int(fetched or 0),
                    int(stored or 0),
                    int(failed or 0),
                    int(queued or 0),
                    last_error,
                    errors.get(url, []),
                )
            )
        return out

    def queue_urls(self, source: str, urls: Sequence[tuple[str, str | None]], kind: str = "page") -> int:
        if not urls:
            return 0
        known = set(self.fetch_states([u for u, _ in urls]))
        new = [(u, source, kind, pub, now_iso()) for u, pub in dict(urls).items() if u not in known]
        if new:
            with self._write() as cur:
                self._executemany(cur, _QUEUE, new)
        return len(new)

    def fetch_states(self, urls: Sequence[str]) -> dict[str, FetchState]:
        out: dict[str, FetchState] = {}
        uniq = list(dict.fromkeys(urls))
        for part in chunks(uniq):
            for r in self._fetch(f"{_SELECT} WHERE url IN ({marks(len(part))})", part):
                out[r[0]] = _state(r)
        return out

    def source_documents(self, source: str) -> list[FetchState]:
        return [
            _state(r)
            for r in self._fetch(f"{_SELECT} WHERE source = ? AND kind <> 'page' ORDER BY url", (source,))
        ]

    def pending_fetches(
        self, sources: Sequence[str] | None = None, *, max_attempts: int = 3, recheck: bool = False
    ) -> list[FetchState]:
        statuses = ["queued", "failed"] + (["stored", "unchanged"] if recheck else [])
        cond = (
            f"kind = 'page' AND status IN ({marks(len(statuses))}) AND (status <> 'failed' OR attempts < ?)"
        )
        params: list[Any] = [*statuses, max_attempts]
        if sources is not None:
            if not sources:
                return []
            cond += f" AND source IN ({marks(len(sources))})"
            params += list(sources)
        return [_state(r) for r in self._fetch(f"{_SELECT} WHERE {cond} ORDER BY discovered_at, url", params)]

    def record_fetches(self, states: Sequence[FetchState]) -> None:
        if not states:
            return
        now = now_iso()
        rows = [
            (s.url, s.source, s.kind, s.status, s.http_status, s.etag, s.last_modified, s.fetched_at,
             s.content_hash, s.article_id, s.error, s.attempts, s.published, now)
            for s in states
        ]  # fmt: skip
        with self._write() as cur:
            self._executemany(cur, _UPSERT, rows)

    def article_for_hash(self, content_hash: str) -> str | None:
        rows = self._fetch(
            "SELECT article_id FROM fetch_state WHERE content_hash = ? AND article_id IS NOT NULL LIMIT 1",
            (content_hash,),
        )
        return str(rows[0][0]) if rows else None
