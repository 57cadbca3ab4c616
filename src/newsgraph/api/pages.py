"""Server-rendered pages (Jinja2, autoescaped): article map, search, entity, claim timeline, analyse box."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from newsgraph.api import render
from newsgraph.api.deps import extract_in_worker, get_store
from newsgraph.api.security import require_read, require_write, token_ok
from newsgraph.store import Store

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["speaker_class"] = render.speaker_class
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(get_store)]


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
    articles = []
    for i, art in enumerate(store.iter_articles()):
        if i >= 50:
            break
        articles.append(art)
    clusters = [c for c in store.clusters(limit=10) if c.n_claims > 1]  # claims reported more than once
    ctx = {"articles": articles, "clusters": clusters, "needs_token": bool(request.app.state.settings.token)}
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
    return _page(request, "claim.html", {"tl": tl})
