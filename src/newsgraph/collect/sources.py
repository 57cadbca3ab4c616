"""Sources and discovery: what a SOURCE is, and the page URLs it leads to.

A SOURCE is an RSS/Atom/JSON feed, a (news) sitemap or sitemap index, a homepage (its feeds from
``<link rel=alternate>``, its sitemaps from robots.txt, else ``/sitemap.xml``), or a local file of URLs (one a
line, ``#`` comments). Parsing is trafilatura's (``feeds.extract_links``, ``feeds.determine_feed``,
``sitemaps.SitemapObject``), fed the bytes our polite :class:`~newsgraph.collect.fetch.Fetcher` fetched, so its
own downloader never runs. Feeds and sitemaps are revalidated with a conditional GET on every run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from trafilatura.feeds import FeedParameters, determine_feed, extract_links, is_potential_feed
from trafilatura.sitemaps import SITEMAP_FORMAT, SitemapObject

from newsgraph.collect.config import CollectOptions
from newsgraph.collect.fetch import Fetcher
from newsgraph.collect.response import Response
from newsgraph.collect.robots import origin
from newsgraph.collect.urls import entry_dates, normalise
from newsgraph.ingest.encoding import charset_from_content_type, decode_bytes
from newsgraph.store.base import FetchState, Store

DocKind = str  # feed | sitemap | site | list


@dataclass
class Discovered:
    """What discovery found under one SOURCE."""

    source: str
    kind: DocKind | None = None
    pages: dict[str, str | None] = field(default_factory=dict)
    """normalised page URL -> date the feed or sitemap gave it (or None)"""
    documents: list[FetchState] = field(default_factory=list)
    """state rows of the feeds and sitemaps fetched (etag, last-modified, status)"""
    errors: list[str] = field(default_factory=list)
    unchanged: int = 0


def read_url_file(path: Path) -> list[str]:
    """The URLs of a file of URLs: one a line; blank lines and ``#`` comments skipped."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def classify(text: str, content_type: str) -> DocKind:
    """``sitemap``, ``feed`` or ``site`` (an HTML page) for a fetched document."""
    head = text.lstrip()[:2000]
    if SITEMAP_FORMAT.match(head) and ("<urlset" in head or "<sitemapindex" in head or ":urlset" in head):
        return "sitemap"
    if is_potential_feed(head) or (head.startswith("{") and '"items"' in text[:100_000]):
        return "feed"
    if content_type == "text/plain" and head.startswith("http"):
        return "sitemap"  # a plain-text sitemap: one URL a line
    return "site"


def _params(url: str) -> tuple[str, str]:
    base = origin(url)
    return base, urlsplit(url).hostname or ""


def _feed_pages(text: str, url: str) -> list[str]:
    base, host = _params(url)
    if text.lstrip().startswith("{"):
        try:
            json.loads(text)
        except ValueError:
            return []
    return extract_links(text, FeedParameters(base, host, url, external=True))


def _sitemap_links(text: str, url: str) -> tuple[list[str], list[str]]:
    """(pages, child sitemaps)."""
    base, host = _params(url)
    sm = SitemapObject(base, host, [], external=True)
    sm.current_url = url
    sm.content = text
    sm.process()
    return sm.urls, sm.sitemap_urls


class Discovery:
    """Walks one SOURCE: fetches its feeds and sitemaps (conditionally) and lists their pages."""

    def __init__(self, fetcher: Fetcher, store: Store, options: CollectOptions) -> None:
        self.fetcher = fetcher
        self.store = store
        self.options = options

    def run(self, source: str) -> Discovered:
        path = Path(source)
        if "://" not in source and path.is_file():
            found = Discovered(source, "list")
            for u in read_url_file(path):
                norm = normalise(u)
                if norm:
                    found.pages.setdefault(norm, None)
                else:
                    found.errors.append(f"{u}: not an http(s) URL")
            return found
        if "://" not in source:
            return Discovered(source, errors=[f"{source}: no such file, and not a URL"])
        return self._walk(source)

    def _walk(self, source: str) -> Discovered:
        found = Discovered(source)
        known = {s.url: s for s in self.store.source_documents(source)}
        queue = [source, *sorted(u for u in known if u != source)]
        seen: set[str] = set()
        budget = self.options.max_sitemaps + self.options.max_feeds + 1
        while queue and len(seen) < budget and not self.fetcher.stop.is_set():
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            prev = known.get(url) or self.store.fetch_states([url]).get(url)
            kind = self._visit(source, url, prev, found, queue, top=url == source)
            if url == source:
                found.kind = kind or (prev.kind if prev else None)
        return found

    def _visit(
        self,
        source: str,
        url: str,
        prev: FetchState | None,
        found: Discovered,
        queue: list[str],
        *,
        top: bool,
    ) -> DocKind | None:
        site = prev is not None and prev.kind == "site"
        conditional = prev is not None and not site  # a homepage changes all the time: no revalidation
        resp = self.fetcher.get(
            url, "feed",
            etag=prev.etag if conditional and prev else None,
            last_modified=prev.last_modified if conditional and prev else None,
        )  # fmt: skip
        kind = prev.kind if prev else ("site" if top else "sitemap")
        if resp.not_modified:
            found.unchanged += 1
            found.documents.append(_doc_state(source, url, kind, resp, "unchanged", prev))
            return kind
        if not resp.ok:
            msg = resp.error or f"HTTP {resp.status}"
            found.errors.append(f"{url}: {msg}")
            found.documents.append(_doc_state(source, url, kind, resp, "failed", prev, msg))
            return None
        text = decode_bytes(
            resp.body, http_charset=charset_from_content_type(resp.headers.get("content-type"))
        ).text
        kind = classify(text, resp.content_type)
        found.documents.append(_doc_state(source, url, kind, resp, "stored", prev))
        if kind == "sitemap":
            pages, children = _sitemap_links(text, resp.final_url)
            self._add_pages(found, pages, text)
            queue.extend(c for c in children[: self.options.max_sitemaps] if c != url)
        elif kind == "feed":
            self._add_pages(found, _feed_pages(text, resp.final_url), text)
        elif top:
            self._homepage(text, resp, queue)
        return kind

    def _homepage(self, text: str, resp: Response, queue: list[str]) -> None:
        base, host = _params(resp.final_url)
        feeds = determine_feed(text, FeedParameters(base, host, resp.final_url))[: self.options.max_feeds]
        sitemaps = self.fetcher.robots.rules(resp.final_url).sitemaps()
        if not feeds and not sitemaps:
            sitemaps = [f"{base}/sitemap.xml"]
        queue.extend([*feeds, *sitemaps])

    def _add_pages(self, found: Discovered, links: list[str], text: str) -> None:
        dates = entry_dates(text) if "<" in text[:200] else {}
        since = self.options.since.isoformat() if self.options.since else None
        for link in links:
            norm = normalise(link)
            if not norm:
                continue
            day = dates.get(norm)
            if since and day and day < since:
                continue
            found.pages.setdefault(norm, day)


def _doc_state(
    source: str,
    url: str,
    kind: str | None,
    resp: Response,
    status: str,
    prev: FetchState | None,
    error: str | None = None,
) -> FetchState:
    keep = resp.not_modified and prev is not None
    return FetchState(
        url=url,
        source=source,
        kind=kind or "site",
        status=status,  # type: ignore[arg-type]
        http_status=resp.status,
        etag=(prev.etag if keep and prev else resp.etag),
        last_modified=(prev.last_modified if keep and prev else resp.last_modified),
        fetched_at=resp.fetched_at,
        error=error,
        attempts=(prev.attempts + 1 if prev else 1) if error else 0,
    )
