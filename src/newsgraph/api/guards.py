"""Request checks that run before any route reads a body: allowed hosts (DNS rebinding), same-origin writes
(CSRF) and the write token on write routes.

- ``Host`` must name one of ``Settings.allowed_hosts`` (default: the bind address and localhost); ``*`` allows
  any. Anything else is a 400, so a rebinding domain pointed at 127.0.0.1 reaches nothing.
- A request with an unsafe method (POST, PUT, PATCH, DELETE) that carries an ``Origin`` (or, without one, a
  ``Referer``) must come from this server's own origin or a configured CORS origin; ``Origin: null`` is
  cross-site. A browser always sends ``Origin`` on a cross-site form post, so a page elsewhere cannot plant an
  article even when writes are open. Non-browser clients (curl, scripts) send neither header and are unaffected.
- A route that needs the write token (it depends on ``require_write``) is refused with 401/403 before its body
  is read when the token is missing from the headers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, urlsplit

from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

from newsgraph.api.security import Settings, presented_token, require_write, token_ok

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def default_hosts(bind: str) -> list[str]:
    """The bind address and localhost (a wildcard bind address adds nothing: name the hosts explicitly)."""
    out = list(LOCAL_HOSTS)
    if bind not in ("0.0.0.0", "::", "") and bind not in out:
        out.append(bind.strip("[]"))
    return out


def host_name(host: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host: str, allowed: list[str]) -> bool:
    name = host_name(host)
    for a in allowed:
        a = a.strip().lower()
        if a == "*" or a == name or (a.startswith("*.") and name.endswith(a[1:])):
            return True
    return False


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(headers: dict[bytes, bytes], settings: Settings) -> bool:
    """Whether an unsafe request's ``Origin``/``Referer`` (if any) is this server or a configured CORS origin."""
    origin = headers.get(b"origin")
    source = origin.decode("latin-1") if origin is not None else None
    if source is None:
        referer = headers.get(b"referer")
        if referer is None:
            return True  # not a browser form post
        source = _origin_of(referer.decode("latin-1")) or "null"
    source = source.strip().lower()
    if source == "null":
        return False
    host = headers.get(b"host", b"").decode("latin-1").lower()
    if urlsplit(source).netloc == host:
        return True
    return source in {o.strip().lower().rstrip("/") for o in settings.cors_origins}


def _control_chars(query: bytes) -> bool:
    """Whether a decoded query parameter holds a control character (a NUL makes SQLite's LIKE match all)."""
    if not query:
        return False
    text = query.decode("latin-1")
    return any(
        any(ord(c) < 32 or ord(c) == 127 for c in k + v) for k, v in parse_qsl(text, keep_blank_values=True)
    )


def _api_routes(routes: Iterable[object]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        else:  # an included router (FastAPI keeps it nested) or a mount
            inner = getattr(route, "original_router", None) or getattr(route, "router", None)
            if inner is not None and inner is not route:
                yield from _api_routes(getattr(inner, "routes", ()))


def _needs_write(scope: Scope) -> bool:
    app = scope.get("app")
    for route in _api_routes(getattr(getattr(app, "router", None), "routes", ())):
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return any(d.call is require_write for d in route.dependant.dependencies)
    return False


def write_refusal(headers: Headers, settings: Settings) -> tuple[int, str] | None:
    """(status, reason) when a write route must be refused on its headers alone, else None."""
    if settings.open_writes and not settings.token:
        return None
    if not settings.token:
        return 403, "writes are disabled: start the server with NEWSGRAPH_TOKEN set"
    if not token_ok(presented_token(headers), settings.token):
        return 401, "a valid token is required (Authorization: Bearer <NEWSGRAPH_TOKEN>)"
    return None


class HostOriginMiddleware:
    """Allowed hosts, same-origin unsafe requests, and the write token checked before the body is read."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        allowed = self.settings.allowed_hosts
        host = headers.get(b"host", b"").decode("latin-1")
        if allowed is not None and not host_allowed(host, allowed):
            await JSONResponse({"detail": "host not allowed (see --allowed-hosts)"}, 400)(
                scope, receive, send
            )
            return
        if _control_chars(scope.get("query_string", b"")):
            await JSONResponse({"detail": "control characters are not allowed in query parameters"}, 400)(
                scope, receive, send
            )
            return
        if scope.get("method") in UNSAFE:
            if not same_origin(headers, self.settings):
                await JSONResponse({"detail": "cross-site request refused"}, 403)(scope, receive, send)
                return
            if _needs_write(scope):
                refusal = write_refusal(Headers(scope=scope), self.settings)
                if refusal is not None:
                    status, why = refusal
                    extra = {"WWW-Authenticate": 'Bearer realm="newsgraph"'} if status == 401 else None
                    await JSONResponse({"detail": why}, status, headers=extra)(scope, receive, send)
                    return
        await self.app(scope, receive, send)
