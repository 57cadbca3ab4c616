"""The JSON API under ``/api``. Response models are the contract's pydantic models or the store's rows."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal, Protocol, TypeVar

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response
from fastapi.types import DecoratedCallable
from pydantic import BaseModel, Field

from newsgraph.api.cursor import MAX_CURSOR, cursor_secret, decode_cursor, encode_cursor
from newsgraph.api.deps import extract_in_worker, get_store
from newsgraph.api.security import require_read, require_write
from newsgraph.models import Article, ClaimStatus, SpeakerKind
from newsgraph.store import Store
from newsgraph.store.base import Dispute
from newsgraph.store.paging import KeysetError, claim_key, cluster_key, quote_key, search_key

COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "bad request: a control character in a parameter, a malformed cursor, a search query "
          "over its bounds"},
    503: {"description": "store unavailable (read-only, corrupt, unreachable) or a search over its time budget"},
}  # fmt: skip
router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=COMMON_ERRORS)
StoreDep = Annotated[Store, Depends(get_store)]
MAX_LIMIT = 500


class Page(BaseModel):
    """One page of results; pass ``next_cursor`` back as ``cursor`` (with the same filters) for the next page;
    null on the last page. Cursors mark a position (keyset), so rows added meanwhile never shift a page."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None


class ArticleIn(BaseModel):
    text: str = Field(description="the page: plain text or HTML", max_length=5_000_000)
    format: Literal["text", "html"] = "text"
    url: str | None = Field(
        default=None,
        max_length=2048,
        pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\x00-\x20]+$",
        description="http(s) only",
    )


class StoredArticle(BaseModel):
    article: Article
    added: bool = Field(description="false when the same article was already stored")


class _Row(Protocol):
    def as_dict(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=_Row)


def _keyset_page(
    endpoint: str,
    store: Store,
    query: Callable[..., Sequence[R]],
    key: Callable[[R], Sequence[Any]],
    cursor: str | None,
    limit: int,
    **filters: Any,
) -> Page:
    """Ask the store for ``limit + 1`` rows after the cursor's key (``query(**filters, limit=, after=)``, one of
    the store's list queries); the extra row only says a next page exists. The store's secret keys the cursor
    checksum, over the endpoint and its filters."""
    secret = cursor_secret(store)
    after = decode_cursor(cursor, endpoint, filters, secret) if cursor else None
    try:
        rows = query(**filters, limit=limit + 1, after=after)
    except KeysetError as exc:
        raise HTTPException(400, f"invalid cursor: {exc}") from None
    nxt = encode_cursor(endpoint, filters, key(rows[limit - 1]), secret) if len(rows) > limit else None
    return Page(items=[r.as_dict() for r in rows[:limit]], next_cursor=nxt)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Words = Annotated[str | None, Query(max_length=200)]
"""A free-text filter (a name, words of a claim)."""
BAD_CURSOR: dict[int | str, dict[str, Any]] = {
    400: {"description": "invalid cursor (altered, or issued for another query)"}
}
Cursor = Annotated[
    str | None,
    Query(description=f"next_cursor of the previous page (same filters); at most {MAX_CURSOR} characters"),
]


async def _store_article(
    request: Request, store: Store, text: str, fmt: str, url: str | None
) -> StoredArticle:
    art = await extract_in_worker(request, text, fmt, url)
    if not art.body.strip():  # empty, or only boilerplate: nothing to store
        why = "; ".join(e.message for e in art.errors) or "no article text found"
        raise HTTPException(422, f"no article text found in the input ({why})")
    res = store.add_articles([art])
    return StoredArticle(article=art, added=res.added > 0)


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no valid token"},
    403: {"description": "writes are disabled, or a cross-site request"},
    413: {"description": "request body too large"},
}


def _storing_route(path: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """``POST path``: a write (it needs the token) that stores one article and answers 201 with the record."""
    return router.post(
        path,
        response_model=StoredArticle,
        status_code=201,
        dependencies=[Depends(require_write)],
        responses=WRITE_ERRORS,
    )


@_storing_route("/articles")
async def post_article(request: Request, store: StoreDep, body: ArticleIn) -> StoredArticle:
    """Extract an article from text or HTML, store it, and return the record."""
    return await _store_article(request, store, body.text, body.format, body.url)


@_storing_route("/articles/upload")
async def upload_article(
    request: Request,
    store: StoreDep,
    file: Annotated[UploadFile, File(description=".txt or .html file")],
    format: Annotated[Literal["auto", "text", "html"], Form()] = "auto",
) -> StoredArticle:
    """Upload a file (multipart) instead of JSON."""
    limit = request.app.state.settings.max_body_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"file over {limit} bytes")
    from newsgraph.api.pages import decode_upload

    text, fmt = decode_upload(data, file.filename or "", format)
    return await _store_article(request, store, text, fmt, None)


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "not found"}}


@router.get("/articles/{article_id}", response_model=Article, responses=NOT_FOUND)
def get_article(store: StoreDep, article_id: str) -> Article:
    art = store.article(article_id)
    if art is None:
        raise HTTPException(404, "no such article")
    return art


@router.get("/search", response_model=Page, responses=BAD_CURSOR)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page:
    return _keyset_page(
        "search", store, lambda q, **page: store.search(q, **page), search_key, cursor, limit, q=q
    )


@router.get("/quotes", response_model=Page, responses=BAD_CURSOR)
def quotes(
    store: StoreDep,
    speaker: Words = None,
    kind: SpeakerKind | None = None,
    since: Annotated[str | None, Query(max_length=32, description="ISO date")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    filters = {"speaker": speaker, "kind": kind, "since": since}
    return _keyset_page("quotes", store, store.quotes, quote_key, cursor, limit, **filters)


@router.get("/speakers", response_model=Page)
def speakers(store: StoreDep, kind: SpeakerKind | None = None, limit: Limit = 50) -> Page:
    """Who is quoted, the most quoted first: one item per speaker (its entity ``key``, the ``name`` it is listed
    under, the other names its quotes carry in ``also_named``, ``n_quotes``, ``n_articles``). Unresolved speakers
    are left out. One page: the top ``limit`` speakers (``next_cursor`` is always null)."""
    return Page(items=[r.as_dict() for r in store.speakers(kind=kind, limit=limit)])


@router.get("/claims", response_model=Page, responses=BAD_CURSOR)
def claims(
    store: StoreDep,
    about: Words = None,
    status: ClaimStatus | None = None,
    source: Words = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    filters = {"about": about, "status": status, "source": source}
    return _keyset_page("claims", store, store.claims, claim_key, cursor, limit, **filters)


@router.get("/clusters", response_model=Page, responses=BAD_CURSOR)
def clusters(store: StoreDep, limit: Limit = 50, cursor: Cursor = None) -> Page:
    """Tracked claims (clusters of the same claim across articles), the most reported first. Each item's
    ``id`` opens its timeline at ``/api/claims/{id}``."""
    return _keyset_page("clusters", store, store.clusters, cluster_key, cursor, limit)


@router.get("/claims/{claim_id}", responses=NOT_FOUND)
def claim_timeline(store: StoreDep, claim_id: str) -> dict[str, Any]:
    """A tracked proposition: who asserts, denies, hedges it, over time (its member claims, and its stances:
    one per source per article, with the sentence and the date)."""
    tl = store.claim(claim_id)
    if tl is None:
        raise HTTPException(404, "no such claim")
    return {
        "cluster": tl.cluster.as_dict(),
        "claims": [c.as_dict() for c in tl.claims],
        "stances": [s.as_dict() for s in store.stances(tl.cluster.id)],
        "status_counts": tl.status_counts(),
    }


class _DisputeItem:
    """A dispute as a page item: the tracked proposition and its stances grouped by side."""

    def __init__(self, d: Dispute) -> None:
        self.d = d

    def as_dict(self) -> dict[str, Any]:
        return self.d.by_side()


@router.get("/disputes", response_model=Page, responses=BAD_CURSOR)
def disputes(
    store: StoreDep,
    about: Words = None,
    since: Annotated[
        str | None, Query(max_length=32, description="ISO date: with a stance on or after it")
    ] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page:
    """Disputed propositions (one source asserts or confirms, another denies), the most reported first. Each
    item: ``cluster`` (the tracked proposition, its counts by distinct source and article) and ``sides``:
    ``supports``, ``denies``, ``reports``, ``hedges``, each a list of stances (source, status, cue, sentence,
    article, date)."""
    return _keyset_page(
        "disputes",
        store,
        lambda **query: [_DisputeItem(d) for d in store.disputes(**query)],
        lambda item: cluster_key(item.d.cluster),
        cursor,
        limit,
        about=about,
        since=since,
    )


@router.get("/check")
def check(
    store: StoreDep,
    claim: Annotated[str, Query(min_length=3, max_length=500, description="the claim, in your own words")],
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    """Check a claim: the tracked propositions that state it (``negated``: it states their negation, so the
    sides are swapped to be the claim's), best first, with who ``supports``, ``denies``, ``reports`` or
    ``hedges`` it, when, and with the sentence."""
    matches = store.check(claim, limit=limit)
    return {"claim": claim, "matches": [m.by_side() for m in matches]}


@router.get("/entities/{entity_id}", responses=NOT_FOUND)
def entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    """Everything said by and about an entity (by cross-article key or name)."""
    rep = store.entity(entity_id)
    if not rep.entities:
        raise HTTPException(404, "no such entity")
    return rep.as_dict()


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {
            "description": "the whole store in the chosen format (CSV cells neutralised against formulas)",
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
                "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
                "application/ld+json": {"schema": {"type": "array", "items": {"type": "object"}}},
            },
        }
    },
)
def export(store: StoreDep, format: Literal["jsonl", "csv", "parquet", "claimreview"] = "jsonl") -> Response:
    from newsgraph.store.export import export as run_export
    from newsgraph.store.export import export_string

    if format == "parquet":
        buf = io.BytesIO()
        run_export(store, format, buf)
        payload: bytes = buf.getvalue()
    else:
        payload = export_string(store, format).encode("utf-8")
    media = {
        "jsonl": "application/x-ndjson",
        "csv": "text/csv",
        "parquet": "application/vnd.apache.parquet",
        "claimreview": "application/ld+json",
    }[format]
    ext = {"claimreview": "jsonld"}.get(format, format)
    return Response(
        payload, media_type=media, headers={"Content-Disposition": f'attachment; filename="newsgraph.{ext}"'}
    )
