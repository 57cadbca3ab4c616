"""Server-rendered pages (Jinja2, autoescaped): article map, search, entity, claim timeline, disputed claims,
analyse box."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from newsgraph.api import render, timeline
from newsgraph.api.deps import extract_in_worker, get_store
from newsgraph.api.security import require_read, require_write, token_ok
from newsgraph.models import SpeakerKind
from newsgraph.store import Store
from newsgraph.store.base import reported_across_articles
from newsgraph.store.paging import KeysetError

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["speaker_class"] = render.speaker_class
TEMPLATES.env.globals["heading"] = render.heading
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(get_store)]
PAGE = 10
"""Disputes per page of the Disputed claims page."""
SPEAKERS = 100
"""Speakers listed on the Speakers page."""
SPEAKER_KINDS = ("person", "organization", "state", "media", "anonymous")


def decode_upload(data: bytes, filename: str, fmt: str) -> tuple[str, Literal["text", "html"]]:
    """Decode uploaded bytes with the ingest encoding detector; guess text/html from name or content."""
    from newsgraph.ingest.encoding import decode_bytes

    low = filename.lower()
    text = decode_bytes(data, html=low.endswith((".html", ".htm"))).text
    if fmt in ("text", "html"):
        return text, fmt  # type: ignore[return-value]
    if low.endswith((".html", ".htm")) or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        return text, "html"
    return text, "text"


def _page(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, ctx, status_code=status)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep) -> HTMLResponse:
    articles = store.latest_articles(50)
    # the most reported first (by distinct articles); a proposition carried by one article is not "most reported"
    clusters = [c for c in store.clusters(limit=10) if reported_across_articles(c)]
    disputes = store.disputes(limit=5)
    ctx = {
        "articles": articles,
        "clusters": clusters,
        "disputes": [{"dispute": d, "sides": d.sides()} for d in disputes],
        "needs_token": bool(request.app.state.settings.token),
    }
    return _page(request, "index.html", ctx)


@router.post("/analyze")
async def analyze(
    request: Request,
    store: StoreDep,
    text: Annotated[str, Form(max_length=5_000_000)] = "",
    format: Annotated[Literal["auto", "text", "html"], Form()] = "auto",
    token: Annotated[str, Form(max_length=500)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    settings = request.app.state.settings
    if settings.token and not token_ok(token or None, settings.token):
        require_write(request)  # raises 401 unless the header carries the token
    elif not settings.token and not settings.open_writes:
        require_write(request)
    if file is not None and file.filename:
        data = await file.read(settings.max_body_bytes + 1)
        if len(data) > settings.max_body_bytes:
            raise HTTPException(413, "file too large")
        body, fmt = decode_upload(data, file.filename, format)
    else:
        body, fmt = decode_upload(text.encode("utf-8"), "", format)
    if not body.strip():
        raise HTTPException(400, "paste some text or choose a file")
    art = await extract_in_worker(request, body, fmt, None)
    if not art.body.strip():
        raise HTTPException(422, "no article text found (the input is empty or only boilerplate)")
    store.add_articles([art])
    return RedirectResponse(f"/articles/{art.id}", status_code=303)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    art = store.article(article_id)
    if art is None:
        raise HTTPException(404, "no such article")
    details = render.quote_details(art)
    speakers: dict[str, str] = {}
    for q in art.quotes:
        speakers.setdefault(q.speaker.name, render.speaker_class(q.speaker.name))
    return _page(
        request,
        "article.html",
        {
            "article": art,
            "paragraphs": render.paragraphs(art),
            "details": details,
            "speakers": speakers,
            "claims_by_quote": render.claims_by_quote(art),
            "propositions": render.propositions_view(art),
        },
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    hits = store.search(q, limit=50) if q.strip() else []
    return _page(request, "search.html", {"q": q, "hits": hits})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    rep = store.entity(entity_id)
    if not rep.entities:
        raise HTTPException(404, "no such entity")
    return _page(request, "entity.html", {"rep": rep, "key": entity_id})


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, store: StoreDep, claim_id: str) -> HTMLResponse:
    tl = store.claim(claim_id)
    if tl is None:
        raise HTTPException(404, "no such claim")
    stances = store.stances(tl.cluster.id)
    svg = timeline.layout(tl.cluster.label, stances) if stances else None
    return _page(request, "claim.html", {"tl": tl, "stances": stances, "timeline": svg})


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(
    request: Request, store: StoreDep, kind: Annotated[SpeakerKind | None, Query()] = None
) -> HTMLResponse:
    """Who is quoted: one row per speaker, the most quoted first, with the other names their quotes carry."""
    rows = store.speakers(kind=kind, limit=SPEAKERS)
    return _page(request, "speakers.html", {"speakers": rows, "kind": kind or "", "kinds": SPEAKER_KINDS})


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(
    request: Request,
    store: StoreDep,
    about: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=32)] = "",
    after_id: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    """Disputed claims: each proposition with its two sides and an SVG timeline of the stances. ``after_id``: the
    last proposition of the previous page (its stored counts give the position)."""
    after = after_id or None
    try:
        found = store.disputes(about=about or None, since=since or None, limit=PAGE + 1, after=after)
    except KeysetError:
        raise HTTPException(400, "invalid page position") from None
    items = [
        {"dispute": d, "sides": d.sides(), "timeline": timeline.layout(d.cluster.label, d.stances)}
        for d in found[:PAGE]
    ]
    next_after = None
    if len(found) > PAGE:
        last = found[PAGE - 1].cluster
        next_after = urlencode({"about": about, "since": since, "after_id": last.id})
    ctx = {"items": items, "about": about, "since": since, "next_after": next_after}
    return _page(request, "disputes.html", ctx)
