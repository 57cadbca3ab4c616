"""Request guards: write token (constant-time), per-client rate limit, body size limit, security headers."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from fastapi import HTTPException, Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
    allowed_hosts: list[str] = field(default_factory=lambda: ["localhost", "127.0.0.1", "::1"])
    """``Host`` names served (``NEWSGRAPH_ALLOWED_HOSTS``; ``newsgraph serve`` adds its bind address); ``*`` = any."""


def token_ok(presented: str | None, expected: str | None) -> bool:
    if not expected or not presented:
        return False
    return hmac.compare_digest(presented.encode("utf-8"), expected.encode("utf-8"))


def presented_token(headers: Mapping[str, str]) -> str | None:
    """The token in ``Authorization: Bearer`` or ``X-Newsgraph-Token`` (case-insensitive header names)."""
    auth = headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return headers.get("x-newsgraph-token")


CHALLENGE = {"WWW-Authenticate": 'Bearer realm="newsgraph"'}


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.open_writes and not settings.token:
        return
    if not settings.token:
        raise HTTPException(403, "writes are disabled: start the server with NEWSGRAPH_TOKEN set")
    if not token_ok(presented_token(request.headers), settings.token):
        raise HTTPException(
            401, "a valid token is required (Authorization: Bearer <NEWSGRAPH_TOKEN>)", headers=CHALLENGE
        )


def require_read(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.read_token_required and not token_ok(presented_token(request.headers), settings.token):
        raise HTTPException(401, "a valid token is required to read", headers=CHALLENGE)


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


class GuardMiddleware:
    """Pure ASGI middleware: body size limit (declared and streamed), rate limit, security headers."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.limiter = RateLimiter(settings.rate_per_minute)
        self._headers = [
            (b"content-security-policy", CSP.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),  # same-origin form posts carry their Origin (CSRF check)
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: C901
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.settings.max_body_bytes
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await JSONResponse({"detail": "bad Content-Length"}, status_code=400)(scope, receive, send)
                return
            if declared > limit:
                await JSONResponse({"detail": f"request body over {limit} bytes"}, 413)(scope, receive, send)
                return
        client = scope.get("client")
        host = client[0] if client else "unknown"
        if not str(scope.get("path", "")).startswith("/static/") and not self.limiter.allow(host):
            resp = JSONResponse(
                {"detail": "rate limit exceeded"}, status_code=429, headers={"Retry-After": "1"}
            )
            await resp(scope, receive, send)
            return
        if length is None and scope.get("method") in ("POST", "PUT", "PATCH"):
            # no declared length (chunked): count the bytes here, before any route parses them
            body = bytearray()
            more = True
            while more:
                msg = await receive()
                if msg["type"] != "http.request":
                    return  # the client went away
                body += msg.get("body", b"")
                more = bool(msg.get("more_body", False))
                if len(body) > limit:
                    await JSONResponse({"detail": f"request body over {limit} bytes"}, 413)(
                        scope, receive, send
                    )
                    return
            receive = _replay(bytes(body), receive)

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [h for h in self._headers if h[0] not in have]
            await send(msg)

        await self.app(scope, receive, send_with_headers)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that yields ``body`` once, then defers to the real channel (disconnect notices)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
