"""Settings of the collector: how polite (:class:`Politeness`) and what to collect (:class:`CollectOptions`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

from newsgraph import __version__

DEFAULT_PROJECT_URL = "https://github.com/newsgraph/newsgraph"
"""The ``Homepage`` of ``[project.urls]`` in pyproject.toml, for a source tree that is not installed."""
URL_LABELS = ("homepage", "repository", "source")
"""``Project-URL`` labels read, in this order, for the user agent's contact URL."""


def url_from_metadata(project_urls: Sequence[str], home_page: str | None = None) -> str | None:
    """The project's URL from core metadata: the first ``Project-URL`` entry (``"Label, URL"``) whose label is in
    :data:`URL_LABELS` (in that order; case, spaces and dashes ignored), else ``Home-page``, else ``None``."""
    urls: dict[str, str] = {}
    for entry in project_urls:
        label, sep, url = entry.partition(",")
        if sep and url.strip():
            urls.setdefault(label.strip().lower().replace(" ", "").replace("-", ""), url.strip())
    for label in URL_LABELS:
        if label in urls:
            return urls[label]
    return home_page.strip() if home_page and home_page.strip() else None


def project_url() -> str:
    """The installed package's project URL (``[project.urls]`` in pyproject.toml), else :data:`DEFAULT_PROJECT_URL`."""
    try:
        meta = metadata.metadata("newsgraph")
    except metadata.PackageNotFoundError:
        return DEFAULT_PROJECT_URL
    home = meta.get_all("Home-page") or []
    found = url_from_metadata(
        [str(u) for u in meta.get_all("Project-URL") or []], str(home[0]) if home else None
    )
    return found or DEFAULT_PROJECT_URL


def user_agent(contact: str | None = None) -> str:
    """``newsgraph/<version> (+<project url>)``; ``contact`` (an e-mail or URL where a site can reach the person
    running the crawl) is added after the URL: ``newsgraph/0.1.0 (+https://...; ops@example.org)``."""
    extra = f"; {contact.strip()}" if contact and contact.strip() else ""
    return f"newsgraph/{__version__} (+{project_url()}{extra})"


PROJECT_URL = project_url()
USER_AGENT = user_agent()
"""Our own user agent: robots.txt rules for ``newsgraph`` apply to us."""
ROBOTS_AGENT = "newsgraph"
MB = 1024 * 1024


@dataclass(frozen=True)
class Politeness:
    """Limits that keep the collector a good citizen and keep one bad server from stalling a run.

    The defaults are for the open web; tests shrink the delays (``rate``, ``backoff``) to stay fast.
    """

    user_agent: str = USER_AGENT
    rate: float = 1.0
    """Requests per second per host (at most); a robots.txt ``Crawl-delay`` can only slow it further."""
    per_host: int = 1
    """Requests in flight per host."""
    workers: int = 8
    """Requests in flight across all hosts (the global cap)."""
    retries: int = 3
    """Retries after a 429, a 5xx or a network error (so at most ``retries + 1`` requests for one URL)."""
    backoff: float = 1.0
    """First retry delay in seconds, doubled at each retry (unless ``Retry-After`` says otherwise)."""
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    """A ``Retry-After`` longer than this gives up on the URL for this run (it is retried on the next)."""
    max_redirects: int = 5
    max_bytes: int = 10 * MB
    """Response size cap (after content decoding; the download is aborted past it)."""
    timeout: float = 30.0
    """Seconds for one response, connection to last byte."""
    max_crawl_delay: float = 60.0
    obey_robots: bool = True
    resolve: dict[str, str] = field(default_factory=dict)
    """``host -> address`` overrides, like ``curl --resolve`` (the Host header keeps the name)."""


@dataclass(frozen=True)
class CollectOptions:
    """What one collection run does."""

    since: date | None = None
    """Skip pages a feed or sitemap dates before this day (undated pages are kept)."""
    max_pages: int | None = None
    """Fetch at most this many pages in this run (the rest stay queued for the next)."""
    nlp: bool = True
    """Run the NLP stages (quotes, claims, events); False stores cleaned articles only."""
    batch_size: int = 8
    """Pages per pipeline batch and store transaction."""
    max_attempts: int = 3
    """Runs a failing page is tried in before it is left alone."""
    recheck: bool = False
    """Revalidate pages already stored (conditional GET: an unchanged page costs one 304)."""
    max_sitemaps: int = 50
    """Sitemaps read per source (a sitemap index may list many)."""
    max_feeds: int = 5
    """Feeds followed per homepage."""
    warc: Path | None = None
    """Append every response to this WARC file (gzip per record)."""
