"""Request guards: write token (constant-time), per-client rate limit, body size limit, security headers."""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass, field

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


@dataclass
class Settings:
    """API settings; read from the environment by :func:`newsgraph.api.app.create_app`."""

    db: str | None = None
    token: str | None = None
    """Required for writes (``NEWSGRAPH_TOKEN``). With no token set, writes are refused unless ``open_writes``."""
    open_writes: bool = False
    read_token_required: bool = False
    max_body_bytes: int = 5 * 1024 * 1024
    rate_per_minute: int = 600
    extract_workers: int = 2
    docs_enabled: bool = True
    cors_origins: list[str] = field(default_factory=list)


def token_ok(presented: str | None, expected: str | None) -> bool:
    if not expected or not presented:
        return False
    return hmac.compare_digest(presented.encode("utf-8"), expected.encode("utf-8"))


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-newsgraph-token")


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.open_writes and not settings.token:
        return
    if not settings.token:
        raise HTTPException(403, "writes are disabled: start the server with NEWSGRAPH_TOKEN set")
    if not token_ok(_presented_token(request), settings.token):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer <NEWSGRAPH_TOKEN>)")


def require_read(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.read_token_required and not token_ok(_presented_token(request), settings.token):
        raise HTTPException(401, "a valid token is required to read")


class RateLimiter:
    """Token bucket per client address (in-process)."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(max(per_minute, 1))
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                return False
            self._buckets[client] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:  # bound memory under address churn
                self._buckets.clear()
            return True


class GuardMiddleware(BaseHTTPMiddleware):
    """Body size limit, rate limit and security headers for every response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        super().__init__(app)
        self.settings = settings
        self.limiter = RateLimiter(settings.rate_per_minute)

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        length = request.headers.get("content-length")
        if length is not None:
            try:
                too_big = int(length) > self.settings.max_body_bytes
            except ValueError:
                return JSONResponse({"detail": "bad Content-Length"}, status_code=400)
            if too_big:
                return JSONResponse({"detail": f"request body over {self.settings.max_body_bytes} bytes"}, 413)
        client = request.client.host if request.client else "unknown"
        if not request.url.path.startswith("/static/") and not self.limiter.allow(client):
            return JSONResponse({"detail": "rate limit exceeded"}, status_code=429, headers={"Retry-After": "1"})
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
