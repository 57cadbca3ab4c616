"""The FastAPI application: JSON API under ``/api``, web UI pages, offline docs, static assets.

``newsgraph serve`` runs :func:`create_app` under uvicorn. Every asset (CSS, JS, Swagger UI) is served by the app
itself: no CDN, works offline.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from newsgraph import __version__
from newsgraph.api.guards import HostOriginMiddleware
from newsgraph.api.security import GuardMiddleware, Settings

log = logging.getLogger("newsgraph.api")
SWAGGER_ASSETS = frozenset({"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"})
HERE = Path(__file__).parent


def settings_from_env(db: str | None = None) -> Settings:
    env = os.environ
    settings = Settings(
        db=db or env.get("NEWSGRAPH_DB"),
        token=env.get("NEWSGRAPH_TOKEN") or None,
        open_writes=env.get("NEWSGRAPH_OPEN_WRITES") == "1",
        read_token_required=env.get("NEWSGRAPH_READ_TOKEN") == "1",
        max_body_bytes=int(env.get("NEWSGRAPH_MAX_BODY", 5 * 1024 * 1024)),
        rate_per_minute=int(env.get("NEWSGRAPH_RATE_PER_MINUTE", 600)),
        cors_origins=[o for o in env.get("NEWSGRAPH_CORS_ORIGINS", "").split(",") if o],
    )
    hosts = [h.strip() for h in env.get("NEWSGRAPH_ALLOWED_HOSTS", "").split(",") if h.strip()]
    if hosts:
        settings.allowed_hosts = hosts
    return settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. Settings default to the environment (NEWSGRAPH_DB, NEWSGRAPH_TOKEN, ...)."""
    settings = settings or settings_from_env()
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Who said what, about whom, how sure they are, and who contradicts whom. "
        "Reads are open by default; writes need `Authorization: Bearer $NEWSGRAPH_TOKEN`.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.extract_limiter = anyio.CapacityLimiter(settings.extract_workers)
    app.add_middleware(GuardMiddleware, settings=settings)
    app.add_middleware(HostOriginMiddleware, settings=settings)  # outermost: runs first
    if settings.cors_origins:  # closed by default
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET"])

    from newsgraph.api import pages, routes, sources

    app.include_router(routes.router)
    app.include_router(sources.router)
    app.include_router(pages.router)
    app.include_router(sources.page_router)
    _mount_docs(app)  # before /static, so /static/swagger is not shadowed
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _error_handlers(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    import swagger_ui_bundle

    assets = Path(swagger_ui_bundle.swagger_ui_path)
    media = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}

    # only the three files /docs uses: not the bundle's stock petstore index.html
    @app.get("/static/swagger/{name}", include_in_schema=False)
    def swagger_asset(name: str) -> Response:
        if name not in SWAGGER_ASSETS:
            raise HTTPException(404, "not found")
        return Response((assets / name).read_bytes(), media_type=media[Path(name).suffix])

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        resp = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )
        # Swagger UI boots from one inline script; allow it on this page only.
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"
        )
        return resp


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _error_handlers(app: FastAPI) -> None:
    from newsgraph.api.pages import TEMPLATES

    def _render(request: Request, status: int, message: str) -> Response:
        if _wants_html(request):
            return TEMPLATES.TemplateResponse(
                request, "error.html", {"status": status, "message": message}, status_code=status
            )
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        resp = _render(request, exc.status_code, str(exc.detail))
        resp.headers.update(exc.headers or {})  # WWW-Authenticate on 401, Allow on 405
        return resp

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            return _render(request, 422, "invalid request")
        # the declared HTTPValidationError shape (loc, msg, type), without echoing the input back
        errs = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "value_error")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errs}, status_code=422)

    from newsgraph.store.base import StoreError
    from newsgraph.store.search_guard import QueryRejected

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # a query over the search limits is the caller's to fix (400); an unusable store, a read-only
        # database or a search over its time budget is the server's state (503, try again later)
        status = 400 if isinstance(exc, QueryRejected) else 503
        resp = _render(request, status, str(exc) if status == 400 else f"store unavailable: {exc}")
        if status == 503:
            resp.headers["Retry-After"] = "5"
        return resp

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception(
            "unhandled error on %s", request.url.path
        )  # the trace goes to the log, never the client
        return _render(request, 500, "internal error")
