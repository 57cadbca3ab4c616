"""One collection run: discover pages under each SOURCE, fetch the new ones politely, and store them.

The store's ``fetch_state`` is the queue. Discovery inserts each page URL it has not seen as ``queued`` (one
commit) before anything is fetched; a page becomes ``stored`` only in the commit after its article is stored.
So a run killed at any moment loses nothing: the next run fetches what is still queued (or failed, up to
``max_attempts`` runs), and never refetches what is stored (unless ``recheck``, then with a conditional GET).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph.collect.archive import WarcArchive
from newsgraph.collect.config import CollectOptions, Politeness
from newsgraph.collect.fetch import DISALLOWED, STOPPED, Fetcher
from newsgraph.collect.response import Response
from newsgraph.collect.sources import Discovered, Discovery
from newsgraph.collect.urls import normalise
from newsgraph.ingest.encoding import charset_from_content_type
from newsgraph.ingest.limits import make_document
from newsgraph.ingest.records import RawDocument
from newsgraph.models import Source
from newsgraph.store.base import FetchState, Store


@dataclass(frozen=True)
class CollectProgress:
    """Where a run is: sent once at the start, after each source's discovery, and after each page."""

    done: int = 0
    """pages finished (stored, unchanged, duplicate, skipped or failed)"""
    total: int = 0
    """pages to fetch: during discovery, the new pages found so far (it grows); then the run's queue"""
    errors: int = 0
    """one-line errors so far: failed pages, and sources that could not be read"""


ProgressFn = Callable[[CollectProgress], None]
"""Called with a :class:`CollectProgress` as the run goes."""
_CANONICAL = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.I)
_HREF = re.compile(rb"\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.I)


@dataclass
class CollectReport:
    """What one run did. ``errors`` holds one line per failed page or source."""

    sources: int = 0
    sources_read: int = 0
    """sources whose feed, sitemap, page or file could be read (this run or, when unchanged, before)"""
    queued: int = 0
    """pages discovered for the first time"""
    fetched: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    requests: int = 0
    left: int = 0
    """pages still queued (``--max`` reached, or stopped)"""
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def canonical_url(body: bytes, base: str) -> str | None:
    """The page's ``<link rel="canonical">``, normalised (or None)."""
    m = _CANONICAL.search(body[:200_000])
    if not m:
        return None
    href = _HREF.search(m.group(0))
    if not href:
        return None
    return normalise(urljoin(base, href.group(1).decode("utf-8", "replace")))


def _interleave(todo: list[FetchState]) -> list[FetchState]:
    """Round-robin across hosts, so one slow host does not hold every worker."""
    by_host: dict[str, list[FetchState]] = {}
    for s in todo:
        by_host.setdefault(urlsplit(s.url).netloc, []).append(s)
    out: list[FetchState] = []
    queues = list(by_host.values())
    i = 0
    while queues:
        q = queues[i % len(queues)]
        out.append(q.pop(0))
        if not q:
            queues.remove(q)
        else:
            i += 1
    return out


def _result(fut: Future[Response], st: FetchState) -> Response:
    """The fetch's response; an unexpected exception becomes a retryable one-line error."""
    try:
        return fut.result()
    except Exception as exc:
        return Response(st.url, st.url, None, error=f"{type(exc).__name__}: {exc}", retryable=True)


class Collector:
    """Runs :func:`collect`; holds the per-run dedupe sets and the pending batch."""

    def __init__(self, fetcher: Fetcher, store: Store, options: CollectOptions) -> None:
        self.fetcher = fetcher
        self.store = store
        self.options = options
        self.report = CollectReport()
        self._batch: list[tuple[RawDocument, FetchState]] = []
        self._states: list[FetchState] = []
        self._hashes: dict[str, str | None] = {}  # content hash -> article id (None until stored), this run
        self._canon: dict[str, str | None] = {}  # canonical URL -> article id, this run

    def run(self, sources: Sequence[str], progress: ProgressFn | None = None) -> CollectReport:
        rep = self.report
        discovery = Discovery(self.fetcher, self.store, self.options)
        if progress:
            progress(CollectProgress())
        for src in sources:
            if self.fetcher.stop.is_set():
                break
            try:
                found = discovery.run(src)
            except Exception as exc:  # a parser bug on one odd document must not end the run
                found = Discovered(src, errors=[f"{src}: discovery failed: {type(exc).__name__}: {exc}"])
            rep.sources += 1
            rep.sources_read += found.kind is not None
            # pages first, then the feeds' validators: killed in between, the next run refetches the feed in
            # full instead of getting a 304 for pages it never queued
            rep.queued += self.store.queue_urls(src, list(found.pages.items()))
            self.store.record_fetches(found.documents)
            self.store.add_fetch_source(
                src, found.kind or "unknown", error="; ".join(found.errors[:3]) or None
            )
            rep.errors += found.errors
            if progress:
                progress(CollectProgress(0, rep.queued, len(rep.errors)))
        todo = self.store.pending_fetches(
            list(sources), max_attempts=self.options.max_attempts, recheck=self.options.recheck
        )
        if self.options.max_pages is not None:
            rep.left = max(0, len(todo) - self.options.max_pages)
            todo = todo[: self.options.max_pages]
        if progress:
            progress(CollectProgress(0, len(todo), len(rep.errors)))
        self._fetch_all(_interleave(todo), progress)
        self._flush()
        rep.requests = self.fetcher.requests
        return rep

    def _fetch_all(self, todo: list[FetchState], progress: ProgressFn | None) -> None:
        stop = self.fetcher.stop
        done = 0
        pool = ThreadPoolExecutor(max_workers=max(1, self.fetcher.p.workers), thread_name_prefix="collect")
        try:
            running: dict[Future[Response], FetchState] = {}
            it = iter(todo)
            while True:
                while not stop.is_set() and len(running) < 2 * self.fetcher.p.workers:
                    st = next(it, None)
                    if st is None:
                        break
                    cond = st.status in ("stored", "unchanged")
                    fut = pool.submit(
                        self.fetcher.get, st.url, "page",
                        etag=st.etag if cond else None, last_modified=st.last_modified if cond else None,
                    )  # fmt: skip
                    running[fut] = st
                if not running:
                    break
                finished, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
                for fut in finished:
                    st = running.pop(fut)
                    self._handle(st, _result(fut, st))
                    done += 1
                    if progress:
                        progress(CollectProgress(done, len(todo), len(self.report.errors)))
                if len(self._batch) >= self.options.batch_size:
                    self._flush()
            self.report.left += len(todo) - done
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _handle(self, st: FetchState, resp: Response) -> None:
        rep = self.report
        base = replace(
            st, http_status=resp.status, fetched_at=resp.fetched_at or st.fetched_at, error=None,
        )  # fmt: skip
        if resp.not_modified:
            rep.unchanged += 1
            self._states.append(
                replace(base, status="unchanged" if st.status != "stored" else "stored", attempts=0)
            )
            return
        if not resp.ok:
            msg = resp.error or f"HTTP {resp.status}"
            if msg == STOPPED:
                return  # still queued: fetched again next run
            if msg == DISALLOWED:
                rep.skipped += 1
                self._states.append(replace(base, status="skipped", error=msg))
                return
            rep.failed += 1
            rep.errors.append(f"{st.url}: {msg}")
            tries = st.attempts + 1 if resp.retryable else self.options.max_attempts
            self._states.append(replace(base, status="failed", error=msg, attempts=tries))
            return
        rep.fetched += 1
        digest = hashlib.sha256(resp.body).hexdigest()
        ok = replace(base, etag=resp.etag, last_modified=resp.last_modified, content_hash=digest, attempts=0)
        if st.content_hash == digest and st.article_id:
            rep.unchanged += 1
            self._states.append(replace(ok, status="stored"))
            return
        dup, article = self._duplicate_of(st.url, digest, resp)
        if dup:
            rep.duplicates += 1
            self._states.append(replace(ok, status="duplicate", article_id=article))
            return
        self._hashes[digest] = None
        doc = make_document(
            resp.body,
            Source(url=resp.final_url, format="html"),
            "html",
            http_charset=charset_from_content_type(resp.headers.get("content-type")),
            what="page",
        )
        self._batch.append((doc, ok))

    def _duplicate_of(self, url: str, digest: str, resp: Response) -> tuple[bool, str | None]:
        """Is this response a page we have (same content hash, or a canonical URL already fetched)?"""
        if digest in self._hashes:
            return True, self._hashes[digest]
        stored = self.store.article_for_hash(digest)
        if stored is not None:
            return True, stored
        canon = canonical_url(resp.body, resp.final_url)
        if canon and canon != url:
            if canon in self._canon:
                return True, self._canon[canon]
            known = self.store.fetch_states([canon]).get(canon)
            if known is not None and known.status == "stored":
                return True, known.article_id
            self._canon[canon] = None
        return False, None

    def _flush(self) -> None:
        """Run the pipeline on the fetched batch, store the articles, then mark their URLs stored."""
        if self._batch:
            from newsgraph.pipeline import prepare_batch, process_batch

            docs = [d for d, _ in self._batch]
            arts = process_batch(docs) if self.options.nlp else prepare_batch(docs)
            before = self.store.existing_ids([a.id for a in arts])
            self.store.add_articles(arts)
            for art, (_, st) in zip(arts, self._batch, strict=True):
                dup = art.id in before
                self.report.duplicates += dup
                self.report.stored += not dup
                self._hashes[st.content_hash or ""] = art.id
                err = art.errors[0].message if art.errors and not art.body.strip() else None
                status = "duplicate" if dup else "stored"
                self._states.append(replace(st, status=status, article_id=art.id, error=err))  # type: ignore[arg-type]
            self._batch = []
        if self._states:
            self.store.record_fetches(self._states)
            self._states = []


def collect(
    sources: Sequence[str],
    store: Store,
    *,
    politeness: Politeness | None = None,
    options: CollectOptions | None = None,
    transport: httpx.BaseTransport | None = None,
    stop: threading.Event | None = None,
    progress: ProgressFn | None = None,
) -> CollectReport:
    """Collect once: discover, fetch what is new, store it. Never raises for a bad page or server."""
    opts = options or CollectOptions()
    archive = WarcArchive(opts.warc) if opts.warc else None
    try:
        with Fetcher(politeness, transport=transport, archive=archive, stop=stop) as fetcher:
            return Collector(fetcher, store, opts).run(sources, progress)
    finally:
        if archive is not None:
            archive.close()
