"""``collect`` against the real fixture site: what is stored, politeness from the server's own log, a 304 on
the second run, nothing fetched twice, and every bad server behaviour turned into a one-line error."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastwarc.warc import ArchiveIterator

from newsgraph.collect import USER_AGENT, CollectOptions, CollectReport, collect
from newsgraph.store import Store, open_store
from tests.collect.conftest import FAST, RATE, politeness
from tests.collect.site import ALPHA, BETA, GAMMA, FixtureSite, Hit

BAD = ("/news/broken.html", "/news/slow.html", "/news/loop.html", "/news/huge.html")


def _feeds(site: FixtureSite) -> list[str]:
    return [site.url(ALPHA, "/feed.xml"), site.url(BETA, "/atom.xml")]


@dataclass
class Run:
    site: FixtureSite
    db: Store
    rep: CollectReport


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    """One collection of both feeds, shared by the tests that only read its outcome (keeps the suite fast)."""
    with FixtureSite(slow_delay=1.0) as site, open_store(tmp_path_factory.mktemp("run") / "news.db") as db:
        rep = collect(_feeds(site), db, politeness=politeness(site), options=FAST)
        yield Run(site, db, rep)


def _stored_urls(db: Store) -> set[str]:
    return {a.source.url or "" for a in db.iter_articles()}


def test_collect_stores_pages_with_url_and_obeys_robots(first_run: Run) -> None:
    site, db, rep = first_run.site, first_run.db, first_run.rep
    want = {site.url(ALPHA, p) for p in (*FixtureSite.GOOD, "/news/flaky.html")}
    want |= {site.url(BETA, f"/b/{i}.html") for i in (1, 2, 3)}
    assert _stored_urls(db) == want
    assert rep.stored == len(want) == 9
    # robots.txt: /private/ is never requested, and robots.txt is read once per host
    assert not site.hits(path="/private/secret.html")
    assert rep.skipped == 1
    assert len(site.hits(ALPHA, "/robots.txt")) == len(site.hits(BETA, "/robots.txt")) == 1
    # our own user agent on every request
    assert {h.headers["user-agent"] for h in site.log} == {USER_AGENT}
    # fetch time and status in the store's state
    states = db.fetch_states(sorted(want))
    assert all(
        s.status == "stored" and s.fetched_at and s.article_id and s.content_hash for s in states.values()
    )
    # wrong charset declared (UTF-8 header, cp1252 bytes) and a gzip body both read right
    texts = {a.source.url: a for a in db.iter_articles()}
    assert texts[site.url(ALPHA, "/news/latin1.html")].title == "Café owners protest the tram plan"
    assert "council" in texts[site.url(ALPHA, "/news/gz.html")].body


def test_bad_servers_are_one_line_errors(first_run: Run) -> None:
    site, db, rep = first_run.site, first_run.db, first_run.rep
    errors = {e.split(": ", 1)[0].rsplit("/", 1)[-1]: e.split(": ", 1)[1] for e in rep.errors}
    assert errors["broken.html"] == "HTTP 500 after 3 attempts"  # retries=2 -> 3 requests
    assert len(site.hits(ALPHA, "/news/broken.html")) == 3
    assert errors["slow.html"].startswith("timed out")
    assert errors["loop.html"].startswith("redirect loop")
    assert errors["huge.html"].startswith("response too large")
    assert rep.failed == 4
    assert all("\n" not in e for e in rep.errors)
    # the PDF link is filtered out before fetching (courlan); the utm_ link is the same page as /news/3.html
    assert not site.hits(ALPHA, "/news/report.pdf")
    assert len(site.hits(ALPHA, "/news/3.html")) + len(site.hits(ALPHA, "/news/3.html?utm_source=feed")) == 1
    # the same bytes under a second URL: a duplicate, not a second article
    assert rep.duplicates == 1
    assert (
        db.fetch_states([site.url(ALPHA, "/news/dup.html")])[site.url(ALPHA, "/news/dup.html")].status
        == "duplicate"
    )
    # 429 + Retry-After: 1 -> the retry waited at least a second
    flaky = site.hits(ALPHA, "/news/flaky.html")
    assert [h.status for h in flaky] == [429, 200]
    assert flaky[1].start - flaky[0].start >= 0.95
    # failures are visible per source
    row = next(s for s in db.fetch_sources() if s.url == site.url(ALPHA, "/feed.xml"))
    assert row.failed == 4 and len(row.errors) == 4 and row.stored == 6 and row.found == 12


def test_politeness_from_the_server_log(first_run: Run) -> None:
    site = first_run.site
    interval = 1.0 / RATE
    for host in (ALPHA, BETA):
        starts = sorted(h.start for h in site.hits(host))
        gaps = [b - a for a, b in itertools.pairwise(starts)]
        assert len(gaps) >= 3
        # the client spaces requests by `interval`; the server's clock sees each gap within scheduling jitter
        # (a loaded machine can delay one request's handling by some ms), and no run of requests is faster
        # than the rate allows
        assert min(gaps) >= 0.6 * interval, (host, min(gaps))
        assert starts[-1] - starts[0] >= (len(starts) - 1) * interval - 0.05, host
        # one request in flight per host: each request ends before the next begins (slow.html's client
        # gave up at the time limit, so the server's end time for it is not the client's)
        hits = sorted((h for h in site.hits(host) if h.path != "/news/slow.html"), key=lambda h: h.start)
        assert all(a.end <= b.start + 0.01 for a, b in itertools.pairwise(hits)), host
    # the two hosts were fetched in parallel: their request times interleave
    a, b = site.hits(ALPHA), site.hits(BETA)
    assert min(h.start for h in b) < max(h.start for h in a)


def test_second_run_is_a_304_and_fetches_nothing_twice(site: FixtureSite, db: Store) -> None:
    pol = politeness(site)
    collect(_feeds(site), db, politeness=pol, options=FAST)
    first = len(site.log)
    rep = collect(_feeds(site), db, politeness=pol, options=FAST)
    second = site.log[first:]
    assert rep.stored == 0 and rep.queued == 0
    assert [h.status for h in second if h.path == "/feed.xml"] == [304]
    assert [h.status for h in second if h.path == "/atom.xml"] == [304]
    assert second[[h.path for h in second].index("/feed.xml")].headers.get("if-none-match")
    # the second run only retries what failed for a reason that may pass (500s, timeouts)
    pages = Counter(h.path for h in second if h.path.startswith(("/news/", "/b/")))
    assert set(pages) == {"/news/broken.html", "/news/slow.html"}
    # over both runs, every stored page was requested exactly once
    counts = Counter((h.host, h.path) for h in site.log if h.status == 200)
    for url in _stored_urls(db):
        host, path = url.split("//", 1)[1].split(":", 1)[0], "/" + url.split("/", 3)[3]
        assert counts[host, path] == 1, url


def test_recheck_revalidates_with_a_conditional_get(site: FixtureSite, db: Store) -> None:
    pol = politeness(site)
    collect([site.url(BETA, "/atom.xml")], db, politeness=pol, options=FAST)
    first = len(site.log)
    rep = collect(
        [site.url(BETA, "/atom.xml")], db, politeness=pol, options=CollectOptions(nlp=False, recheck=True)
    )
    again = [h for h in site.log[first:] if h.path.startswith("/b/")]
    assert sorted((h.path, h.status) for h in again) == [(f"/b/{i}.html", 304) for i in (1, 2, 3)]
    assert rep.unchanged == 3 and rep.stored == 0
    assert db.count("articles") == 3


def test_new_items_in_a_feed_are_fetched_on_the_next_run(site: FixtureSite, db: Store) -> None:
    pol = politeness(site)
    collect([site.url(BETA, "/atom.xml")], db, politeness=pol, options=FAST)
    site.extra_pages[BETA].append("/b/4.html")
    rep = collect([site.url(BETA, "/atom.xml")], db, politeness=pol, options=FAST)
    assert rep.queued == 1 and rep.stored == 1
    assert len(site.hits(BETA, "/b/1.html")) == 1 and len(site.hits(BETA, "/b/4.html")) == 1


def test_homepage_discovers_feed_and_robots_sitemaps_with_since(site: FixtureSite, db: Store) -> None:
    opts = CollectOptions(nlp=False, since=date(2024, 1, 1))
    rep = collect([site.url(ALPHA, "/")], db, politeness=politeness(site), options=opts)
    stored = _stored_urls(db)
    # from the feed (<link rel=alternate>) and from the sitemap index named in robots.txt
    assert site.url(ALPHA, "/news/1.html") in stored
    assert {site.url(ALPHA, "/news/4.html"), site.url(ALPHA, "/news/5.html")} <= stored
    # --since: the 2019 page of the old sitemap is not even queued
    assert not site.hits(ALPHA, "/news/old.html")
    assert rep.sources == 1
    src = db.fetch_sources()[0]
    assert src.kind == "site" and src.stored == rep.stored


def test_sitemap_index_and_max(site: FixtureSite, db: Store) -> None:
    src = site.url(ALPHA, "/sitemap_index.xml")
    rep = collect([src], db, politeness=politeness(site), options=CollectOptions(nlp=False, max_pages=2))
    assert rep.stored == 2 and rep.left == 1  # 4.html, 5.html, old.html (no --since)
    rep2 = collect([src], db, politeness=politeness(site), options=FAST)
    assert rep2.stored == 1 and rep2.queued == 0
    assert db.fetch_sources()[0].kind == "sitemap"


def test_file_of_urls_and_warc(site: FixtureSite, db: Store, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my list\n{site.url(BETA, '/b/1.html')}\n\nnot a url\n{site.url(BETA, '/b/2.html')}\n")
    warc = tmp_path / "out.warc.gz"
    rep = collect([str(urls)], db, politeness=politeness(site), options=CollectOptions(nlp=False, warc=warc))
    assert rep.stored == 2
    assert any("not a url" in e for e in rep.errors)
    with warc.open("rb") as f:
        recs = [(r.headers["WARC-Target-URI"], r.http_headers.status_code) for r in ArchiveIterator(f)]
    assert (site.url(BETA, "/b/1.html"), 200) in recs and (site.url(BETA, "/robots.txt"), 404) in recs
    assert len(recs) == len(site.log)
    # the archive reads back through the ingest path: the two pages, with their URLs
    from newsgraph.ingest import iter_documents

    pages = [d.source.url for d in iter_documents([str(warc)]) if d.text]
    assert pages == [site.url(BETA, "/b/1.html"), site.url(BETA, "/b/2.html")]


def test_full_pipeline_runs_on_fetched_pages(site: FixtureSite, db: Store) -> None:
    rep = collect(
        [site.url(BETA, "/atom.xml")], db, politeness=politeness(site), options=CollectOptions(max_pages=1)
    )
    assert rep.stored == 1
    art = next(iter(db.iter_articles()))
    assert art.language == "en" and art.claims, "the NLP stages ran"


def test_unreachable_robots_txt_fetches_nothing_and_retries_later(
    site: FixtureSite, db: Store, tmp_path: Path
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(site.url(GAMMA, "/g/1.html") + "\n")
    rep = collect([str(urls)], db, politeness=politeness(site, retries=0), options=FAST)
    assert [h.path for h in site.hits(GAMMA)] == ["/robots.txt"]
    assert rep.failed == 1 and "robots.txt unreachable (HTTP 500" in rep.errors[0]
    state = db.fetch_states([site.url(GAMMA, "/g/1.html")])[site.url(GAMMA, "/g/1.html")]
    assert (state.status, state.attempts) == ("failed", 1)  # not "skipped": the next run asks again
    assert [s.url for s in db.pending_fetches([str(urls)])] == [site.url(GAMMA, "/g/1.html")]


def _max_overlap(hits: list[Hit]) -> int:
    events = sorted([(h.start, 1) for h in hits] + [(h.end, -1) for h in hits])
    now = peak = 0
    for _, step in events:
        now += step
        peak = max(peak, now)
    return peak


def test_per_host_and_global_concurrency_caps(tmp_path: Path) -> None:
    with FixtureSite(page_delay=0.25) as site, open_store(tmp_path / "c.db") as db:
        site.extra_pages[BETA].extend(f"/b/x{i}.html" for i in range(5))
        urls = tmp_path / "urls.txt"
        pages = [site.url(BETA, f"/b/x{i}.html") for i in range(5)] + [
            site.url(ALPHA, f"/news/c{i}.html") for i in range(5)
        ]
        urls.write_text("\n".join(pages))
        pol = politeness(site, rate=100.0, per_host=2, workers=3)
        rep = collect([str(urls)], db, politeness=pol, options=FAST)
        assert rep.stored == 10
        page_hits = [h for h in site.log if h.path.startswith(("/b/x", "/news/c"))]
        assert _max_overlap([h for h in page_hits if h.host == ALPHA]) == 2  # per-host cap, and it is used
        assert _max_overlap([h for h in page_hits if h.host == BETA]) == 2
        assert _max_overlap(page_hits) == 3  # the global cap across hosts


def test_dedupe_by_canonical_url(site: FixtureSite, db: Store, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(site.url(ALPHA, "/news/1.html") + "\n")
    collect([str(urls)], db, politeness=politeness(site), options=FAST)
    urls.write_text(site.url(ALPHA, "/amp/1.html") + "\n")
    rep = collect([str(urls)], db, politeness=politeness(site), options=FAST)
    assert (rep.fetched, rep.duplicates, rep.stored) == (1, 1, 0)
    state = db.fetch_states([site.url(ALPHA, "/amp/1.html")])[site.url(ALPHA, "/amp/1.html")]
    original = db.fetch_states([site.url(ALPHA, "/news/1.html")])[site.url(ALPHA, "/news/1.html")]
    assert state.status == "duplicate" and state.article_id == original.article_id is not None
    assert db.count("articles") == 1


def test_a_trickling_response_is_cut_at_the_time_limit(site: FixtureSite, db: Store, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(site.url(ALPHA, "/news/trickle.html") + "\n")
    rep = collect([str(urls)], db, politeness=politeness(site, retries=0, timeout=0.5), options=FAST)
    assert rep.failed == 1 and "response took longer than 0.5s (aborted)" in rep.errors[0]
    state = db.fetch_states([site.url(ALPHA, "/news/trickle.html")])[site.url(ALPHA, "/news/trickle.html")]
    assert (state.status, state.attempts) == ("failed", 1)  # a slow server may be faster on the next run
