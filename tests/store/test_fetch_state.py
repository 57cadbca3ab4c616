"""The collector's state in the store (migration 0007), on SQLite and real PostgreSQL."""

from __future__ import annotations

from newsgraph.store import FetchState, Store
from newsgraph.store.migrate import migrations


def test_migration_0007_exists_for_both_backends() -> None:
    for backend in ("sqlite", "postgres"):
        m = {x.version: x for x in migrations(backend)}[7]
        assert m.name == "fetch_state" and "CREATE TABLE fetch_state" in m.sql and "fetch_sources" in m.sql


def test_queue_is_idempotent_and_pending_follows_status(store: Store) -> None:
    src = "https://e.com/feed.xml"
    assert store.queue_urls(src, [("https://e.com/a", "2024-10-22"), ("https://e.com/b", None)]) == 2
    assert store.queue_urls(src, [("https://e.com/a", None), ("https://e.com/c", None)]) == 1
    assert [s.url for s in store.pending_fetches([src])] == [
        "https://e.com/a",
        "https://e.com/b",
        "https://e.com/c",
    ]
    store.record_fetches(
        [
            FetchState("https://e.com/a", src, status="stored", http_status=200, etag='"x"', fetched_at="2024-10-22T08:00:00+00:00",
                       content_hash="h1", article_id="a" * 20),
            FetchState("https://e.com/b", src, status="failed", http_status=500, error="HTTP 500 after 3 attempts", attempts=3,
                       fetched_at="2024-10-22T08:00:01+00:00"),
            FetchState("https://e.com/c", src, status="failed", error="timed out", attempts=1),
        ]
    )  # fmt: skip
    assert [s.url for s in store.pending_fetches([src], max_attempts=3)] == ["https://e.com/c"]
    assert [s.url for s in store.pending_fetches([src], max_attempts=3, recheck=True)] == [
        "https://e.com/a",
        "https://e.com/c",
    ]
    assert store.pending_fetches(["https://other/feed"]) == []
    a = store.fetch_states(["https://e.com/a"])["https://e.com/a"]
    assert (a.status, a.etag, a.published, a.article_id) == ("stored", '"x"', "2024-10-22", "a" * 20)
    assert store.article_for_hash("h1") == "a" * 20 and store.article_for_hash("nope") is None


def test_sources_with_counts_and_errors(store: Store) -> None:
    src = "https://e.com/feed.xml"
    store.add_fetch_source(src)
    store.add_fetch_source(src, "feed", error=None)
    store.queue_urls(src, [("https://e.com/a", None), ("https://e.com/b", None), ("https://e.com/c", None)])
    store.record_fetches(
        [
            FetchState(src, src, kind="feed", status="stored", etag='"f"', fetched_at="2024-10-22T07:59:00+00:00"),
            FetchState("https://e.com/a", src, status="stored", fetched_at="2024-10-22T08:00:00+00:00", article_id="a" * 20),
            FetchState("https://e.com/b", src, status="failed", error="HTTP 404", fetched_at="2024-10-22T08:00:01+00:00"),
        ]
    )  # fmt: skip
    [row] = store.fetch_sources()
    assert (row.url, row.kind, row.found, row.fetched, row.stored, row.failed, row.queued) == (
        src,
        "feed",
        3,
        2,
        1,
        1,
        1,
    )
    assert row.last_fetch == "2024-10-22T08:00:01+00:00"
    assert row.errors == ["https://e.com/b: HTTP 404"]
    assert [d.url for d in store.source_documents(src)] == [src]
    assert store.source_documents(src)[0].etag == '"f"'


def test_collect_end_to_end_on_each_backend(store: Store) -> None:
    """A real collection run on this back-end: stored, then a 304 for the feed and no page fetched twice."""
    from newsgraph.collect import CollectOptions, Politeness, collect
    from tests.collect.site import BETA, FixtureSite

    with FixtureSite() as site:
        pol = Politeness(rate=50, backoff=0.01, timeout=2, resolve=site.resolve)
        opts = CollectOptions(nlp=False)
        first = collect([site.url(BETA, "/atom.xml")], store, politeness=pol, options=opts)
        n = len(site.log)
        second = collect([site.url(BETA, "/atom.xml")], store, politeness=pol, options=opts)
        assert first.stored == 3 and second.stored == 0
        assert [(h.path, h.status) for h in site.log[n:]] == [("/robots.txt", 404), ("/atom.xml", 304)]
    assert store.count("articles") == 3
    [row] = store.fetch_sources()
    assert (row.kind, row.stored, row.failed) == ("feed", 3, 0)
