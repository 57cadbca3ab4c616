"""A real fixture news site for the collector tests: a threaded ``http.server`` on 127.0.0.1.

Two virtual hosts on one port (the collector reaches them by name through ``Politeness.resolve``, so nothing
leaves the machine): ``alpha.example.org`` has robots.txt, a homepage, an RSS feed, a sitemap index with a news
sitemap, and the bad pages (429 with Retry-After, 500s, a slow page, a redirect loop, a huge page, a wrong
charset, gzip, a PDF, a duplicate); ``beta.example.org`` has an Atom feed. Every request is logged with its
start and end times (the server's own clock) for the politeness assertions. The pages are written here.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ALPHA = "alpha.example.org"
BETA = "beta.example.org"
GAMMA = "gamma.example.org"
"""robots.txt answers 500 (unreachable: RFC 9309 says fetch nothing)"""
HOSTS = (ALPHA, BETA, GAMMA)

_WORDS = ("council", "harbour", "budget", "bridge", "ferry", "library", "tram", "school", "market", "museum")


def article_html(
    slug: str, *, title: str | None = None, extra: str = "", charset: str = "utf-8", head: str = ""
) -> str:
    """A small news page with a unique body (four paragraphs) for ``slug``."""
    n = int(hashlib.md5(slug.encode()).hexdigest()[:4], 16)
    w = [_WORDS[(n + i) % len(_WORDS)] for i in range(4)]
    title = title or f"Town debates the {w[0]} plan ({slug})"
    paras = [
        f"The town council met on Tuesday to discuss the future of the {w[0]} and the {w[1]}, "
        f"a debate that residents of the old quarter have followed closely for months ({slug}).",
        f"Supporters of the plan said the {w[2]} would bring visitors back to the waterfront, "
        f"while opponents warned that the cost of the {w[3]} had already doubled since spring.",
        "The mayor told reporters that no decision would be taken before the public consultation ends "
        "next month, and that every objection would be read and answered in writing.",
        f"A final vote is expected in the new year. {extra}".strip(),
    ]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title>'
        f'<meta property="article:published_time" content="2024-10-2{n % 9}">{head}</head>'
        f"<body><header><nav><a href='/'>Home</a></nav></header><article><h1>{title}</h1>"
        f'<p class="byline">By Alex Reporter</p>{body}</article><footer>© Alpha Gazette</footer></body></html>'
    )


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout, size cap) resets its connection: expected here


@dataclass(frozen=True)
class Hit:
    host: str
    path: str
    status: int
    start: float
    end: float
    headers: dict[str, str]


class FixtureSite:
    """Start with ``with FixtureSite() as site:``; ``site.url(ALPHA, "/feed.xml")``; ``site.log`` of :class:`Hit`."""

    GOOD = ("/news/1.html", "/news/2.html", "/news/3.html", "/news/latin1.html", "/news/gz.html")

    def __init__(
        self, *, page_delay: float = 0.0, slow_delay: float = 1.5, huge_bytes: int = 400_000
    ) -> None:
        self.page_delay = page_delay
        self.slow_delay = slow_delay
        self.huge_bytes = huge_bytes
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._flaky_served = 0
        self.extra_pages: dict[str, list[str]] = {HOSTS[0]: [], HOSTS[1]: []}
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FixtureSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def resolve(self) -> dict[str, str]:
        return {h: "127.0.0.1" for h in HOSTS}

    def hits(self, host: str | None = None, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [
                h for h in self.log if (host is None or h.host == host) and (path is None or h.path == path)
            ]

    # -- content ----------------------------------------------------------------------------------
    def feed(self) -> str:
        items = [*self.GOOD, "/news/dup.html", "/private/secret.html", "/news/flaky.html", "/news/broken.html",
                 "/news/slow.html", "/news/loop.html", "/news/huge.html", "/news/report.pdf",
                 "/news/3.html?utm_source=feed", *self.extra_pages[ALPHA]]  # fmt: skip
        entries = "".join(
            f"<item><title>{p}</title><link>{self.url(ALPHA, p)}</link>"
            f"<pubDate>Tue, 22 Oct 2024 08:00:00 GMT</pubDate></item>"
            for p in items
        )
        return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Alpha</title>{entries}</channel></rss>'

    def atom(self) -> str:
        items = ["/b/1.html", "/b/2.html", "/b/3.html", *self.extra_pages[BETA]]
        entries = "".join(
            f'<entry><title>{p}</title><link href="{self.url(BETA, p)}"/><updated>2024-10-22T08:00:00Z</updated></entry>'
            for p in items
        )
        return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Beta</title>{entries}</feed>'

    def sitemap_index(self) -> str:
        maps = "".join(
            f"<sitemap><loc>{self.url(ALPHA, p)}</loc></sitemap>"
            for p in ("/sitemap-news.xml", "/sitemap-old.xml")
        )
        return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'

    def sitemap(self, pages: list[tuple[str, str]]) -> str:
        urls = "".join(
            f"<url><loc>{self.url(ALPHA, p)}</loc><news:news><news:publication_date>{d}</news:publication_date>"
            "</news:news></url>"
            for p, d in pages
        )
        return (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
        )

    def respond(self, host: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:  # noqa: C901, PLR0912
        """(status, headers, body) for a request; ETag/If-None-Match handled by the caller."""
        html = {"Content-Type": "text/html; charset=utf-8"}
        xml = {"Content-Type": "application/xml"}
        if path == "/robots.txt":
            if host == ALPHA:
                txt = f"User-agent: *\nDisallow: /private/\n\nSitemap: {self.url(ALPHA, '/sitemap_index.xml')}\n"
                return 200, {"Content-Type": "text/plain"}, txt.encode()
            if host == GAMMA:
                return 500, {}, b"robots service down"
            return 404, {}, b"not found"
        if host == GAMMA:
            return 200, html, article_html(f"gamma{path}").encode()
        if host == BETA:
            if path == "/atom.xml":
                return 200, {"Content-Type": "application/atom+xml"}, self.atom().encode()
            if path.startswith("/b/"):
                if self.page_delay:
                    time.sleep(self.page_delay)
                return 200, html, article_html(f"beta{path}").encode()
            return 404, {}, b"not found"
        if path == "/":
            page = ('<!doctype html><html><head><title>Alpha Gazette</title><link rel="alternate" '
                    'type="application/rss+xml" href="/feed.xml"></head><body><h1>Alpha Gazette</h1></body></html>')  # fmt: skip
            return 200, html, page.encode()
        if path == "/feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, self.feed().encode()
        if path == "/sitemap_index.xml":
            return 200, xml, self.sitemap_index().encode()
        if path == "/sitemap-news.xml":
            return (
                200,
                xml,
                self.sitemap([("/news/4.html", "2024-10-22"), ("/news/5.html", "2024-10-23")]).encode(),
            )
        if path == "/sitemap-old.xml":
            return 200, xml, self.sitemap([("/news/old.html", "2019-01-01")]).encode()
        return self._page(path, html)

    def _page(self, path: str, html: dict[str, str]) -> tuple[int, dict[str, str], bytes]:  # noqa: C901, PLR0912
        if path == "/news/flaky.html":
            with self._lock:
                self._flaky_served += 1
                first = self._flaky_served == 1
            if first:
                return 429, {"Retry-After": "1"}, b"slow down"
            return 200, html, article_html("flaky").encode()
        if path == "/news/broken.html":
            return 500, {}, b"boom"
        if path == "/news/slow.html":
            time.sleep(self.slow_delay)
            return 200, html, article_html("slow").encode()
        if path == "/news/loop.html":
            return 302, {"Location": "/news/loop2.html"}, b""
        if path == "/news/loop2.html":
            return 302, {"Location": "/news/loop.html"}, b""
        if path == "/news/huge.html":
            return 200, html, article_html("huge", extra="x " * (self.huge_bytes // 2)).encode()
        if path == "/news/report.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not a page"
        if path == "/news/latin1.html":  # declares UTF-8, is Windows-1252
            page = article_html("latin1", title="Café owners protest the tram plan")
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode("cp1252")
        if path == "/news/gz.html":
            return 200, {**html, "Content-Encoding": "gzip"}, gzip.compress(article_html("gz").encode())
        if path == "/amp/1.html":  # another rendering of /news/1.html (other bytes), canonical link to it
            page = article_html(
                "amp", head=f'<link rel="canonical" href="{self.url(ALPHA, "/news/1.html")}">'
            )
            return 200, html, page.encode()
        if path == "/news/dup.html":  # the same bytes as /news/1.html under another URL
            return 200, html, article_html("/news/1.html").encode()
        if path.startswith(("/news/", "/private/")) and path.endswith(".html"):
            if self.page_delay:
                time.sleep(self.page_delay)
            return 200, html, article_html(path).encode()
        return 404, {}, b"not found"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                start = time.monotonic()
                host = (self.headers.get("Host") or "").split(":")[0]
                path = self.path
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, out_headers, body = site.respond(host, path.split("?")[0], headers)
                if status == 200:
                    etag = '"' + hashlib.md5(body).hexdigest() + '"'
                    out_headers = {
                        **out_headers,
                        "ETag": etag,
                        "Last-Modified": "Tue, 22 Oct 2024 08:00:00 GMT",
                    }
                    if headers.get("if-none-match") == etag:
                        status, body = 304, b""
                # logged before the response is sent, so a client that has its answer finds it in the log
                with site._lock:
                    site.log.append(Hit(host, path, status, start, time.monotonic(), headers))
                self.send_response(status)
                for k, v in out_headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if path == "/news/trickle.html":  # each piece in time, the whole far too slow
                        step = max(1, len(body) // 10)
                        for i in range(0, len(body), step):
                            self.wfile.write(body[i : i + step])
                            self.wfile.flush()
                            time.sleep(0.15)
                    else:
                        self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def main() -> None:  # pragma: no cover - manual exploration: python -m tests.collect.site
    with FixtureSite() as site:
        print(site.url(ALPHA, "/feed.xml"), site.url(BETA, "/atom.xml"))
        while True:
            time.sleep(3600)
