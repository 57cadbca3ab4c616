"""Followed sources: ``GET /api/sources``, ``POST /api/sources`` (write token) and the Sources page.

A source added here is followed by ``newsgraph watch`` run without SOURCE arguments (it re-reads the store's
sources each round) and by ``newsgraph collect`` without arguments.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from newsgraph.api.deps import get_store
from newsgraph.api.security import require_read, require_write, token_ok
from newsgraph.store import Store

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
page_router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(get_store)]


class SourceIn(BaseModel):
    url: str = Field(
        description="an RSS/Atom feed, a sitemap or sitemap index, or a homepage", max_length=2048
    )


class SourceOut(BaseModel):
    url: str
    kind: str | None = Field(description="feed, sitemap, site or list; null until first collected")
    added_at: str
    last_run_at: str | None
    last_fetch: str | None = Field(description="when a page of this source was last fetched")
    found: int = Field(description="pages found")
    fetched: int
    stored: int
    failed: int
    queued: int = Field(description="pages waiting for the next run")
    last_error: str | None = Field(description="the last discovery error (feed or sitemap)")
    errors: list[str] = Field(description="the latest page errors")


def check_source_url(url: str) -> str:
    """An http(s) URL with a host; anything else (a server path, javascript:) is a 422."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HTTPException(422, "a source is an http:// or https:// URL (a feed, a sitemap or a homepage)")
    return url


def _rows(store: Store) -> list[dict[str, Any]]:
    return [r.as_dict() for r in store.fetch_sources()]


@router.get("/sources", response_model=list[SourceOut])
def list_sources(store: StoreDep) -> list[dict[str, Any]]:
    """Followed sources with their last fetch, counts of pages found, fetched, stored and failed, and errors."""
    return _rows(store)


@router.post("/sources", status_code=201, response_model=SourceOut, dependencies=[Depends(require_write)])
def add_source(body: SourceIn, store: StoreDep) -> dict[str, Any]:
    """Follow a source (needs the write token). ``newsgraph watch`` picks it up on its next round."""
    url = check_source_url(body.url)
    store.add_fetch_source(url)
    return next(r for r in _rows(store) if r["url"] == url)


@page_router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep) -> HTMLResponse:
    from newsgraph.api.pages import TEMPLATES

    ctx = {"sources": store.fetch_sources(), "needs_token": bool(request.app.state.settings.token)}
    return TEMPLATES.TemplateResponse(request, "sources.html", ctx)


@page_router.post("/sources")
def add_source_form(
    request: Request,
    store: StoreDep,
    url: Annotated[str, Form(max_length=2048)],
    token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    settings = request.app.state.settings
    form_ok = token_ok(token or None, settings.token) if settings.token else settings.open_writes
    if not form_ok:
        require_write(request)  # 401 unless the header carries the token
    store.add_fetch_source(check_source_url(url))
    return RedirectResponse("/sources", status_code=303)
