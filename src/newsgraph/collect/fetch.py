"""The polite HTTP client: one ``GET`` with robots.txt, rate limits, conditional requests, retries and caps.

:meth:`Fetcher.get` never raises for a bad server: every outcome is a :class:`Response`, with ``error`` set to a
one-line message when there is no usable body (robots.txt disallows, too many redirects, a redirect loop, a
response over the size cap or the time limit, the wrong content type, a 4xx, or a 429/5xx that outlasted its
retries). httpx does the HTTP; redirects are followed here so that each hop is checked against robots.txt
and counted against the host's rate.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph.collect.config import Politeness
from newsgraph.collect.gate import HostGates, backoff_delay, retry_after
from newsgraph.collect.response import Response, Want
from newsgraph.collect.robots import RobotsCache
from newsgraph.ingest.sniff import looks_like_html
from newsgraph.store.records import now_iso

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (*HTML_TYPES, "xml", "application/json", "application/feed+json", "text/plain")
Archive = Callable[["Response"], None]
STOPPED = "stopped"
DISALLOWED = "disallowed by robots.txt"


class _Resolving(httpx.BaseTransport):
    """Send requests for some host names to other addresses (``curl --resolve``); Host keeps the name."""

    def __init__(self, inner: httpx.BaseTransport, mapping: dict[str, str]) -> None:
        self.inner = inner
        self.mapping = mapping

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        addr = self.mapping.get(request.url.host)
        if addr is not None:
            request.url = request.url.copy_with(host=addr)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class _Abort(Exception):
    """The response cannot be used; the message is the one-line error."""

    def __init__(self, message: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


def _type_ok(want: Want, content_type: str, head: bytes) -> bool:
    if want == "robots":
        return True
    if not content_type:
        return want == "feed" or looks_like_html(head)
    allowed = HTML_TYPES if want == "page" else FEED_TYPES
    return any(a in content_type for a in allowed)


class Fetcher:
    """A thread-safe polite client. Use as a context manager (closes the connection pool)."""

    def __init__(
        self,
        politeness: Politeness | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        archive: Archive | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.p = politeness or Politeness()
        inner = transport or httpx.HTTPTransport(retries=0)
        if self.p.resolve:
            inner = _Resolving(inner, dict(self.p.resolve))
        self.client = httpx.Client(
            transport=inner,
            headers={
                "User-Agent": self.p.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Encoding": "gzip, deflate",
            },
            follow_redirects=False,
            timeout=httpx.Timeout(self.p.timeout, connect=min(10.0, self.p.timeout)),
        )
        self.stop = stop or threading.Event()
        self.gates = HostGates(self.p.rate, self.p.per_host, sleep=self.stop.wait)
        self.robots = RobotsCache(self)
        self.archive = archive
        self._count_lock = threading.Lock()
        self.requests = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- one URL ----------------------------------------------------------------------------------
    def get(
        self, url: str, want: Want = "page", *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET ``url`` politely; ``etag``/``last_modified`` make it conditional (an unchanged page is a 304)."""
        seen = [url]
        current = url
        n = 0
        for _hop in range(self.p.max_redirects + 1):
            if self.stop.is_set():
                return Response(url, current, None, fetched_at=now_iso(), error=STOPPED)
            if want != "robots" and self.p.obey_robots:
                rules = self.robots.rules(current)
                if rules.deny_all:  # robots.txt unreachable: not a "no", so a later run tries again
                    return Response(
                        url, current, None, fetched_at=now_iso(), error=rules.note, retryable=True
                    )
                if not rules.allowed(current):
                    return Response(url, current, None, fetched_at=now_iso(), error=DISALLOWED)
            cond = {"If-None-Match": etag} if etag else {}
            if last_modified:
                cond["If-Modified-Since"] = last_modified
            resp = self._with_retries(url, current, want, cond if current == url else {})
            n += resp.requests
            if resp.status not in REDIRECTS or resp.error:
                return _with_requests(resp, n)
            location = resp.headers.get("location")
            if not location:
                return _with_requests(_failed(resp, f"HTTP {resp.status} without a Location header"), n)
            current = urljoin(current, location)
            if current in seen:
                return _with_requests(_failed(resp, f"redirect loop ({len(seen)} hops)"), n)
            seen.append(current)
        return Response(
            url, current, None, fetched_at=now_iso(), requests=n,
            error=f"too many redirects (more than {self.p.max_redirects})",
        )  # fmt: skip

    def _with_retries(self, url: str, current: str, want: Want, cond: dict[str, str]) -> Response:
        host = urlsplit(current).netloc
        n = 0
        for attempt in range(self.p.retries + 1):
            with self.gates.slot(host):
                if self.stop.is_set():  # woken from the rate wait by a stop
                    return Response(url, current, None, fetched_at=now_iso(), error=STOPPED, requests=n)
                resp = self._once(url, current, want, cond)
            n += 1
            retry = resp.status in RETRY_STATUSES or (resp.status is None and resp.retryable)
            if not retry:
                return _with_requests(resp, n)
            asked = retry_after(resp.headers.get("retry-after"))
            if asked is not None and asked > self.p.max_retry_after:
                return _with_requests(
                    _failed(resp, f"HTTP {resp.status}: Retry-After {asked:.0f}s is too long; left for a later run", True), n
                )  # fmt: skip
            if attempt == self.p.retries:
                break
            delay = backoff_delay(attempt, self.p.backoff, self.p.max_backoff, asked)
            if asked is not None:
                self.gates.pause(host, asked)  # the whole host waits, not just this URL
            if self.stop.wait(delay):
                break
        what = f"HTTP {resp.status}" if resp.status else (resp.error or "network error")
        return _with_requests(_failed(resp, f"{what} after {n} attempts", True), n)

    def _once(self, url: str, current: str, want: Want, cond: dict[str, str]) -> Response:
        """One request, streamed: aborted past the size cap or the time limit, or on a wrong content type."""
        with self._count_lock:
            self.requests += 1
        started = time.monotonic()
        fetched_at = now_iso()
        try:
            with self.client.stream("GET", current, headers=cond) as r:
                headers = {k.lower(): v for k, v in r.headers.items()}
                status = r.status_code
                if status != 200:
                    out = Response(url, current, status, headers, b"", fetched_at)
                    if status >= 400 and status not in RETRY_STATUSES:
                        out = _failed(out, f"HTTP {status}")
                    self._archive(out)
                    return out
                body = self._read(r, headers, want, started)
        except _Abort as exc:
            return Response(
                url, current, None, fetched_at=fetched_at, error=str(exc), retryable=exc.retryable
            )
        except httpx.TimeoutException:
            return Response(url, current, None, fetched_at=fetched_at, error="timed out", retryable=True)
        except (httpx.HTTPError, OSError) as exc:
            msg = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
            return Response(url, current, None, fetched_at=fetched_at, error=msg, retryable=True)
        out = Response(url, current, status, headers, body, fetched_at)
        self._archive(out)
        return out

    def _read(self, r: httpx.Response, headers: dict[str, str], want: Want, started: float) -> bytes:
        cap = self.p.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and not headers.get("content-encoding"):
            raise _Abort(f"response too large ({int(declared):,} bytes declared; cap {cap:,})")
        parts: list[bytes] = []
        size = 0
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        checked = False
        for chunk in r.iter_bytes():
            parts.append(chunk)
            size += len(chunk)
            if not checked and (size >= 512 or ctype):
                checked = True
                if not _type_ok(want, ctype, b"".join(parts)):
                    raise _Abort(
                        f"not {'HTML' if want == 'page' else 'a feed or sitemap'} (content-type {ctype or 'missing'})"
                    )
            if size > cap:
                raise _Abort(f"response too large (over the {cap:,}-byte cap; aborted)")
            if time.monotonic() - started > self.p.timeout:
                raise _Abort(f"response took longer than {self.p.timeout:g}s (aborted)", retryable=True)
            if self.stop.is_set():
                raise _Abort(STOPPED)
        body = b"".join(parts)
        if not checked and not _type_ok(want, ctype, body):
            raise _Abort(
                f"not {'HTML' if want == 'page' else 'a feed or sitemap'} (content-type {ctype or 'missing'})"
            )
        return body

    def _archive(self, resp: Response) -> None:
        if self.archive is not None:
            self.archive(resp)


def _failed(resp: Response, message: str, retryable: bool = False) -> Response:
    return Response(
        resp.url,
        resp.final_url,
        resp.status,
        resp.headers,
        b"",
        resp.fetched_at,
        message,
        retryable,
        resp.requests,
    )


def _with_requests(resp: Response, n: int) -> Response:
    return Response(
        resp.url,
        resp.final_url,
        resp.status,
        resp.headers,
        resp.body,
        resp.fetched_at,
        resp.error,
        resp.retryable,
        n,
    )
