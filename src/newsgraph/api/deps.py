"""Per-request dependencies: the store (opened per request; SQLite/Postgres connections are not shared across
threads) and the extraction worker pool."""

from __future__ import annotations

from collections.abc import Iterator

import anyio
from fastapi import HTTPException, Request

from newsgraph.models import Article
from newsgraph.store import Store, StoreError, open_store


def get_store(request: Request) -> Iterator[Store]:
    try:
        store = open_store(request.app.state.settings.db)
    except StoreError as exc:
        raise HTTPException(503, f"store unavailable: {exc}") from exc
    try:
        yield store
    finally:
        store.close()


async def extract_in_worker(request: Request, text: str, fmt: str, url: str | None) -> Article:
    """Run the extraction pipeline in a worker thread so the event loop never blocks."""
    from newsgraph.pipeline import extract_text

    limiter: anyio.CapacityLimiter = request.app.state.extract_limiter
    return await anyio.to_thread.run_sync(lambda: extract_text(text, format=fmt, url=url), limiter=limiter)
