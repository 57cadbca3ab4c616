"""The store: SQLite by default (one file, zero set-up), PostgreSQL for teams, one :class:`Store` protocol.

::

    from newsgraph.store import open_store
    with open_store("news.db") as store:
        store.add_articles(newsgraph.extract(["pages/"]))
        for c in store.claims(about="Ukraine", status="denied"):
            print(c.published, c.source_name, c.text)

Nothing is opened on import; :func:`open_store` creates or migrates the database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from newsgraph.store.base import (
    ClaimRow,
    ClusterRow,
    EntityReport,
    EntityRow,
    FetchState,
    ForeignDatabaseError,
    IngestResult,
    QuoteRow,
    SearchHit,
    SourceRow,
    Store,
    StoreError,
    Timeline,
)

DEFAULT_DB = "newsgraph.db"
__all__ = [
    "DEFAULT_DB",
    "ClaimRow",
    "ClusterRow",
    "EntityReport",
    "EntityRow",
    "FetchState",
    "ForeignDatabaseError",
    "IngestResult",
    "QuoteRow",
    "SearchHit",
    "SourceRow",
    "Store",
    "StoreError",
    "Timeline",
    "default_db",
    "open_store",
]


def default_db() -> str:
    """``$NEWSGRAPH_DB`` or ``./newsgraph.db``."""
    return os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB


def open_store(url_or_path: str | Path | None = None, *, create: bool = True, embedder: Any = None) -> Store:
    """Open (creating and migrating as needed) the store at a path or ``postgresql://`` URL.

    ``create=False`` refuses to create a new store (for read-only commands). ``embedder`` replaces the
    claim tracker's sentence encoder (anything with ``encode(texts) -> float32 array (n, 384)``). Raises :class:`StoreError`
    with a message meant for the user when the target cannot be used.
    """
    target = str(url_or_path) if url_or_path is not None else default_db()
    if target.startswith(("postgresql://", "postgres://")):
        from newsgraph.store.postgres import PostgresStore

        return PostgresStore(target, create=create, embedder=embedder)
    if "://" in target:
        raise StoreError(f"unsupported database URL {target!r}: use a file path or postgresql://")
    from newsgraph.store.sqlite import SQLiteStore

    return SQLiteStore(target, create=create, embedder=embedder)
