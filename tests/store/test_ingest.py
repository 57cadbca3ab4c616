"""Ingest: idempotent by content hash, one record per article with many sources, all-or-nothing batches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.models import Article, Entity, ErrorRecord, Source, span_errors
from newsgraph.store import Store, open_store
from newsgraph.store.records import Flattener
from newsgraph.track.link import entity_key

from .conftest import HashEmbedder
from .factory import filler, world


def test_add_and_read_back(store: Store) -> None:
    arts = world()
    res = store.add_articles(arts)
    assert (res.added, res.duplicates, res.failed) == (3, 0, 0)
    assert store.count("articles") == 3
    assert store.count("quotes") == 4
    assert store.count("claims") == 6
    assert store.count("events") == 1
    back = store.article(arts[0].id)
    assert back == arts[0]
    assert span_errors(back) == []
    assert [a.id for a in store.iter_articles()] == [a.id for a in arts]


def test_reingest_adds_nothing_twice(store: Store) -> None:
    store.add_articles(world())
    res = store.add_articles(world())
    assert (res.added, res.duplicates, res.failed) == (0, 3, 0)
    assert store.count("articles") == 3
    assert store.count("claims") == 6
    assert store.count("clusters") == 5  # the two identical troop claims are one tracked claim
    ge = {r.key: r.n_articles for r in store.entity("Kim Tae-hyo").entities}
    assert ge == {entity_key(Entity(id="", name="Kim Tae-hyo", type="PERSON")): 3}  # not bumped by duplicates


def test_same_article_from_two_files_is_one_record_with_two_sources(store: Store) -> None:
    a = world()[0]
    b = a.model_copy(deep=True)
    b.source = Source(path="mirror/a1.html", url="https://mirror.example/a1", format="html")
    res = store.add_articles([a, b])  # within one batch
    assert (res.added, res.duplicates) == (1, 1)
    c = a.model_copy(deep=True)
    c.source = Source(path="third.txt")
    res = store.add_articles([c])  # in a later run
    assert (res.added, res.duplicates) == (0, 1)
    assert store.count("articles") == 1
    srcs = store.sources(a.id)
    assert {(s["path"], s["url"]) for s in srcs} == {
        ("a1.txt", "https://example.org/a1"),
        ("mirror/a1.html", "https://mirror.example/a1"),
        ("third.txt", ""),
    }
    store.add_articles([b])  # the same source again is not a new source
    assert store.count("article_sources") == 3


def test_empty_document_fails_alone(store: Store) -> None:
    bad = Article(
        id="x", source=Source(path="broken.txt"), errors=[ErrorRecord(stage="ingest", message="unreadable")]
    )
    res = store.add_articles([world()[0], bad, world()[1]])
    assert (res.added, res.duplicates, res.failed) == (2, 0, 1)
    assert "broken.txt" in res.errors[0] and "unreadable" in res.errors[0]


def test_malformed_record_fails_alone(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [filler(i) for i in range(6)]
    orig = Flattener.add

    def add(self: Flattener, rows: object, a: Article, ts: str) -> None:
        if a.id == arts[2].id:
            raise ValueError("boom")
        orig(self, rows, a, ts)  # type: ignore[arg-type]

    monkeypatch.setattr(Flattener, "add", add)
    res = store.add_articles(arts, batch_size=4)
    assert (res.added, res.failed) == (5, 1)
    assert "boom" in res.errors[0]
    assert store.article(arts[2].id) is None
    assert store.sources(arts[2].id) == []


def test_database_refusal_isolates_the_record(store: Store) -> None:
    """A record the database itself rejects (a NOT NULL column) fails alone; its batch mates are stored."""
    arts = [filler(i) for i in range(4)]
    arts[1].quotes[0].speaker.name = None  # type: ignore[assignment]
    res = store.add_articles(arts, batch_size=10)
    assert (res.added, res.failed) == (3, 1)
    assert store.article(arts[1].id) is None
    assert store.count("quotes") == 3  # nothing half-written for the refused record


def test_batch_is_all_or_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.store import sql
    from newsgraph.store.records import ARTICLE_COLS, Rows

    store = open_store(db_url, embedder=HashEmbedder())
    store.add_articles([filler(0)])
    orig = sql.SQLStore._insert_rows
    calls = {"n": 0}

    def crash_after_articles(self: sql.SQLStore, cur: object, rows: Rows) -> None:
        calls["n"] += 1
        self._executemany(cur, sql.insert_sql("articles", ARTICLE_COLS), rows.articles)
        raise KeyboardInterrupt  # the process is interrupted mid-transaction

    monkeypatch.setattr(sql.SQLStore, "_insert_rows", crash_after_articles)
    with pytest.raises(KeyboardInterrupt):
        store.add_articles([filler(i) for i in range(1, 5)], batch_size=10)
    monkeypatch.setattr(sql.SQLStore, "_insert_rows", orig)
    assert calls["n"] == 1
    assert store.count("articles") == 1  # the interrupted batch left nothing behind
    assert store.count("article_sources") == 1
    res = store.add_articles([filler(i) for i in range(5)], batch_size=10)  # and the store still works
    assert (res.added, res.duplicates) == (4, 1)
    store.close()


def test_interrupted_ingest_resumes_without_loss_or_duplicates(store: Store) -> None:
    arts = [filler(i) for i in range(10)]

    def flaky() -> Iterator[Article]:
        for i, a in enumerate(arts):
            if i == 5:
                raise OSError("disk went away")
            yield a

    with pytest.raises(OSError):
        store.add_articles(flaky(), batch_size=2)
    assert store.count("articles") == 4  # two full batches committed, the partial third discarded
    res = store.add_articles(arts, batch_size=2)
    assert (res.added, res.duplicates, res.failed) == (6, 4, 0)
    assert store.count("articles") == 10
    assert store.count("claims") == 10


def test_progress_reports_every_record(store: Store) -> None:
    seen: list[int] = []
    store.add_articles([filler(i) for i in range(7)], batch_size=3, progress=seen.append)
    assert seen == [3, 3, 1]


def test_nul_characters_are_stored(store: Store) -> None:
    a = filler(1)
    a.body = a.body + " tail\x00end"
    a.id = "nul-article"
    res = store.add_articles([a])
    assert res.added == 1
    back = store.article("nul-article")
    assert back is not None and back.body == a.body  # the record keeps the exact text


def test_latest_articles_newest_first_undated_last(store: Store) -> None:
    arts = world()
    dates = ["2024-10-21", None, "2024-10-23"]
    for a, d in zip(arts, dates, strict=True):
        a.published = d
    store.add_articles(arts)
    latest = store.latest_articles(10)
    assert [a.published for a in latest] == ["2024-10-23", "2024-10-21", None]
    assert latest[0] == arts[2]
    assert [a.id for a in store.latest_articles(1)] == [arts[2].id]
