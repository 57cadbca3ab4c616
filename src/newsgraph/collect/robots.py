"""robots.txt, fetched once per origin and parsed with protego (RFC 9309).

A missing robots.txt (4xx) allows everything; an unreachable one (5xx, network error) disallows everything
for this run, as RFC 9309 asks. ``Crawl-delay`` for our agent slows the host's rate; ``Sitemap:`` lines feed
discovery.
"""

from __future__ import annotations

import threading
from typing import Protocol
from urllib.parse import urlsplit

from protego import Protego

from newsgraph.collect.config import ROBOTS_AGENT, Politeness
from newsgraph.collect.gate import HostGates
from newsgraph.collect.response import Response, Want


class RobotsClient(Protocol):
    """What the cache needs of the fetcher: its politeness settings, its host gates and a polite GET."""

    p: Politeness
    gates: HostGates

    def get(
        self, url: str, want: Want = "page", *, etag: str | None = None, last_modified: str | None = None
    ) -> Response: ...


class Rules:
    """The parsed robots.txt of one origin (``None`` parser: allow all; ``deny_all``: unreachable)."""

    def __init__(self, parser: Protego | None, *, deny_all: bool = False, note: str | None = None) -> None:
        self.parser = parser
        self.deny_all = deny_all
        self.note = note

    def allowed(self, url: str, agent: str = ROBOTS_AGENT) -> bool:
        if self.deny_all:
            return False
        return True if self.parser is None else bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str = ROBOTS_AGENT) -> float | None:
        if self.parser is None:
            return None
        d = self.parser.crawl_delay(agent)
        return float(d) if d is not None else None

    def sitemaps(self) -> list[str]:
        return [] if self.parser is None else list(self.parser.sitemaps)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsCache:
    """Per-origin robots.txt rules, fetched through the same polite fetcher (once, even under threads)."""

    def __init__(self, fetcher: RobotsClient) -> None:
        self.fetcher = fetcher
        self._rules: dict[str, Rules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules(self, url: str) -> Rules:
        key = origin(url)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            got = self._rules.get(key)
            if got is None:
                got = self._rules[key] = self._load(key)
        return got

    def allowed(self, url: str) -> bool:
        return self.rules(url).allowed(url)

    def _load(self, key: str) -> Rules:
        resp = self.fetcher.get(f"{key}/robots.txt", "robots")
        if resp.status is not None and 400 <= resp.status < 500 and resp.status != 429:
            return Rules(None)
        if not resp.ok:
            why = resp.error or f"HTTP {resp.status}"
            return Rules(None, deny_all=True, note=f"robots.txt unreachable ({why}); not fetched")
        text = resp.body.decode("utf-8", "replace")
        rules = Rules(Protego.parse(text))
        delay = rules.crawl_delay()
        if delay:
            self.fetcher.gates.set_crawl_delay(
                urlsplit(key).netloc, min(delay, self.fetcher.p.max_crawl_delay)
            )
        return rules
