"""Keyset pagination of the store's listings (quotes, claims, clusters, search) on SQLite and PostgreSQL:
walking every page gives the unpaged result exactly; rows inserted between pages neither repeat nor hide rows;
malformed keys are refused; the SQLite plans are index seeks."""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pytest

from newsgraph.models import Article
from newsgraph.store import ClaimRow, QuoteRow, SearchHit, Store, open_store
from newsgraph.store.paging import CLAIMS, QUOTES, KeysetError, claim_key, cluster_key, quote_key, search_key

from .factory import make_article

T = TypeVar("T")
DATES = ["2024-03-01", "2024-03-02", "2024-03-02", "2024-02-28", None, "2023-12-31"]
WORDS = ["harbour", "ferry", "cargo", "crane", "dock"]


def paged_world(n: int, seed: int, start: int = 0) -> list[Article]:
    """``n`` articles with 0-4 quotes and claims each, few distinct dates (ties) and undated ones, and repeated
    sentences so that search scores tie too."""
    rnd = random.Random(seed)
    out = []
    for i in range(start, start + n):
        sents = []
        for k in range(rnd.randrange(0, 5)):
            w = rnd.choice(WORDS)
            # half of the sentences repeat across articles (equal bm25 / ts_rank), half are unique
            sents.append(
                f"the {w} reopened" if rnd.random() < 0.5 else f"the {w} {w} closed on day {i} part {k}"
            )
        said = [f'Mayor Lee{i % 4} said "{s}" today.' for s in sents]
        body = f"Story {i} about the port. " + " ".join(said) + f" Filler {i}."
        out.append(
            make_article(
                body,
                title=f"Port story {i}",
                published=DATES[rnd.randrange(len(DATES))],
                path=f"p{i}.txt",
                quotes=[{"text": s, "speaker": f"Mayor Lee{i % 4}"} for s in sents],
                claims=[{"text": s, "source": f"Mayor Lee{i % 4}"} for s in sents],
            )
        )
    return out


@pytest.fixture
def paged(store: Store) -> Store:
    store.add_articles(paged_world(40, seed=1))
    return store


def walk(fetch: Callable[[int, Any], list[T]], size: int, *, extra: bool = True) -> list[T]:
    """Every page, as the API does: ask for ``size + 1`` rows, keep ``size``, continue after the last kept."""
    out: list[T] = []
    after: T | None = None
    for _ in range(10_000):
        got = fetch(size + 1 if extra else size, after)
        page = got[:size]
        out += page
        if len(got) <= size if extra else not got:
            return out
        after = page[-1]
    raise AssertionError("pagination did not end")


def _call(method: Callable[..., list[T]], filters: dict[str, Any], *args: Any) -> list[T]:
    """``method(*query, limit=n, after=a, **filters)`` for ``args`` = (*query, n, a)."""
    *query, n, after = args
    return method(*query, limit=n, after=after, **filters)


def _quote_id(q: QuoteRow) -> tuple[str, str]:
    return (q.article_id, q.quote_id)


@pytest.mark.parametrize("size", [1, 4, 7])
def test_walking_pages_equals_one_unpaged_query(paged: Store, size: int) -> None:
    cases: list[tuple[Callable[..., list[Any]], dict[str, Any]]] = [
        (paged.quotes, {}),
        (paged.quotes, {"speaker": "Mayor Lee1"}),
        (paged.quotes, {"since": "2024-03-01"}),
        (paged.claims, {}),
        (paged.claims, {"about": "harbour"}),
        (paged.claims, {"source": "Lee2", "status": "asserted"}),
        (paged.clusters, {}),
    ]
    for method, filters in cases:
        full = method(limit=10_000, **filters)
        assert full, (method, filters)
        assert walk(partial(_call, method, filters), size) == full, (
            method,
            filters,
        )
    # the store's own stepping (limit rows, then after the last; an empty page ends it) gives the same
    assert walk(lambda n, a: paged.quotes(limit=n, after=a), size, extra=False) == paged.quotes(limit=10_000)


def test_orders_are_total_and_as_documented(paged: Store) -> None:
    quotes = paged.quotes(limit=10_000)
    assert len({_quote_id(q) for q in quotes}) == len(quotes) == paged.count("quotes")
    dated = [q.published for q in quotes if q.published is not None]
    assert dated == sorted(dated, reverse=True)  # newest first ...
    assert all(q.published is None for q in quotes[len(dated) :])  # ... undated last
    claims = paged.claims(limit=10_000)
    assert len(claims) == paged.count("claims")
    clusters = paged.clusters(limit=10_000)
    ranks = [(c.n_articles, c.n_sources, c.n_claims) for c in clusters]  # the most reported first
    assert ranks == sorted(ranks, reverse=True)
    assert paged.clusters(limit=5, offset=5) == clusters[5:10]  # the old offset= still works
    with pytest.raises(ValueError):
        paged.clusters(offset=1, after=clusters[0])


def test_keys_as_tuples_equal_keys_as_rows(paged: Store) -> None:
    q = paged.quotes(limit=6)
    assert paged.quotes(limit=3, after=quote_key(q[2])) == paged.quotes(limit=3, after=q[2]) == q[3:6]
    c = paged.claims(limit=6)
    assert paged.claims(limit=3, after=list(claim_key(c[2]))) == c[3:6]
    k = paged.clusters(limit=6)
    assert paged.clusters(limit=3, after=cluster_key(k[2])) == k[3:6]
    h = paged.search("harbour", limit=6)
    assert paged.search("harbour", limit=3, after=search_key(h[2])) == h[3:6]


@pytest.mark.parametrize("size", [1, 3, 10])
def test_search_pages_equal_one_unpaged_query(paged: Store, size: int) -> None:
    for q in ("harbour", "reopened", "mayor today", "port"):
        full = paged.search(q, limit=3000)
        assert full, q
        keys = [(h.kind, h.article_id, h.item_id) for h in full]
        assert len(set(keys)) == len(keys)
        assert [h.score for h in full] == sorted((h.score for h in full), reverse=True)
        assert walk(partial(_call, paged.search, {}, q), size) == full, q
    # repeated sentences score the same: the walk must cross ties (kind order, then pk) without loss
    full = paged.search("reopened", limit=3000)
    assert len({h.score for h in full}) < len(full)


def _check_growing_walk(
    store: Store, fetch: Callable[[int, Any], list[T]], ident: Callable[[T], Any], grow: Callable[[int], None]
) -> None:
    """Walk in pages of 3, adding rows before every page; then compare with the final unpaged order."""
    before = {ident(r) for r in fetch(100_000, None)}
    seen: list[T] = []
    after: T | None = None
    step = 0
    while True:
        got = fetch(4, after)
        seen += got[:3]
        if len(got) <= 3:
            break
        after = got[2]
        grow(step)
        step += 1
    ids = [ident(r) for r in seen]
    assert len(ids) == len(set(ids)), "a row was returned twice"
    assert before <= set(ids), "a row that existed before the walk was skipped"
    final = [ident(r) for r in fetch(100_000, None)]
    assert ids == [i for i in final if i in set(ids)], "the walk is not in the listing's order"
    assert step >= 3 and len(final) > len(before)


def test_rows_inserted_between_pages_neither_repeat_nor_hide_rows(paged: Store) -> None:
    """The listings are newest first (a descending key): a row added while walking is returned later in the
    walk if it sorts after the current position (older or same-date-later), and not at all if it sorts
    before it (newer); rows already returned never come back and no row present at the start is skipped."""
    n = [1000]

    def grow(step: int) -> None:
        n[0] += 2
        paged.add_articles(paged_world(2, seed=step, start=n[0]))

    _check_growing_walk(paged, lambda k, a: paged.quotes(limit=k, after=a), _quote_id, grow)
    _check_growing_walk(paged, lambda k, a: paged.claims(limit=k, after=a), lambda c: c.key, grow)


def test_malformed_or_unknown_keys_are_refused(paged: Store) -> None:
    q = paged.quotes(limit=1)[0]
    bad: list[Any] = [
        (q.published, q.article_id),  # too short
        (q.published, q.article_id, q.quote_id, 1),
        (q.published, q.article_id, "no-such-quote"),
        (q.published, 5, q.quote_id),
        "abc",
        b"abc",
        7,
    ]
    for after in bad:
        with pytest.raises(KeysetError):
            paged.quotes(after=after)
        with pytest.raises(ValueError):
            paged.claims(after=after)
    for after in [(float("nan"), "quote", "a", "q1"), (1.0, "tweet", "a", "q1"), (1.0, "article", "x", "q1")]:
        with pytest.raises(KeysetError):
            paged.search("harbour", after=after)
    with pytest.raises(KeysetError):
        paged.clusters(after=(True, 1, 1, "x"))
    with pytest.raises(KeysetError):
        paged.clusters(after=(1, 1, 1, "no-such-cluster"))
    with pytest.raises(KeysetError):
        paged.clusters(after=(1, "x"))  # the key before v9 (n_claims, id): a clean error
    with pytest.raises(KeysetError):
        paged.clusters(after="no-such-cluster")


def test_empty_and_exhausted_listings(store: Store) -> None:
    assert store.quotes(limit=5) == [] and store.clusters(limit=5) == [] and store.search("harbour") == []
    store.add_articles(paged_world(3, seed=5))
    rows = store.claims(limit=1000)
    assert store.claims(after=rows[-1]) == []
    hits: list[SearchHit] = store.search("port", limit=1000)
    assert store.search("port", after=hits[-1]) == []


def _plan(db: Path, sql: str, params: Sequence[Any]) -> str:
    """The outer query's plan steps (not those of the correlated URL subquery)."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        return " | ".join(str(r[3]) for r in rows if r[1] == 0)
    finally:
        conn.close()


def _plan_spy(db: Path) -> tuple[list[str], Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]]:
    """A fetch function for ``keyset_fetch`` that records each query's plan (in the list) and returns no rows."""
    seen: list[str] = []

    def spy(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        seen.append(_plan(db, sql, params))
        return []

    return seen, spy


def test_sqlite_pages_are_index_seeks(tmp_path: Path) -> None:
    """Every piece of a page is a range of the keyset index, read in order (no sort, no scan from the start)."""
    from newsgraph.store.paging import keyset_fetch
    from newsgraph.store.sql import CLAIM_SELECT, QUOTE_SELECT

    db = tmp_path / "plan.db"
    with open_store(db) as s:
        s.add_articles(paged_world(30, seed=3))
        seen, spy = _plan_spy(db)
        cases = [
            (QUOTE_SELECT, QUOTES, [], [], "quotes_keyset"),
            (QUOTE_SELECT, QUOTES, ["q.speaker_kind = ?"], ["person"], "quotes_kind_keyset"),
            (CLAIM_SELECT, CLAIMS, [], [], "claims_keyset"),
            (CLAIM_SELECT, CLAIMS, ["c.status = ?"], ["denied"], "claims_status_keyset"),
        ]
        for select, ks, where, params, index in cases:
            for after in (None, ("2024-03-02", "a", 5), (None, "a", 5)):
                seen.clear()
                keyset_fetch(spy, select, where, params, ks, after, 10)
                assert len(seen) == (1 if after is None or after[0] is None else 3)
                for plan in seen:
                    assert f"USING INDEX {index} " in plan, plan
                    assert "TEMP B-TREE" not in plan, plan
        assert isinstance(s.quotes(limit=1)[0], QuoteRow) and isinstance(s.claims(limit=1)[0], ClaimRow)


def test_sqlite_cluster_pages_are_index_seeks(tmp_path: Path) -> None:
    """The most-reported order (n_articles, n_sources, n_claims DESC, pk) is read from its index, piece by piece."""
    from newsgraph.store.paging import CLUSTERS, keyset_fetch
    from newsgraph.store.stances import CLUSTER_SELECT

    db = tmp_path / "plan.db"
    with open_store(db) as s:
        s.add_articles(paged_world(30, seed=3))
        seen, spy = _plan_spy(db)
        cases: tuple[tuple[list[str], list[Any], str], ...] = (
            ([], [], "clusters_reported"),
            (["disputed = 1"], [], "clusters_disputed_reported"),
        )
        for where, params, index in cases:
            for after in (None, (2, 1, 3, 5)):
                seen.clear()
                keyset_fetch(spy, CLUSTER_SELECT, where, params, CLUSTERS, after, 10)
                assert len(seen) == (1 if after is None else 4)
                for plan in seen:
                    assert re.search(rf"USING (COVERING )?INDEX {index}\b", plan), plan
                    assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (None, [("", [])]),
        (
            (3, 2, 5, 7),
            [
                ("n_articles = ? AND n_sources = ? AND n_claims = ? AND pk > ?", [3, 2, 5, 7]),
                ("n_articles = ? AND n_sources = ? AND n_claims < ?", [3, 2, 5]),
                ("n_articles = ? AND n_sources < ?", [3, 2]),
                ("n_articles < ?", [3]),
            ],
        ),
    ],
)
def test_cluster_keyset_segments(
    after: tuple[int, ...] | None, expected: list[tuple[str, list[Any]]]
) -> None:
    """Rule ``most_reported_first``: after (articles, sources, stances, pk) come the rows equal on every count
    with a later pk, then fewer stances, then fewer sources, then fewer articles."""
    from newsgraph.store.paging import CLUSTERS

    assert CLUSTERS.segments(after) == expected
    assert CLUSTERS.order_by() == " ORDER BY n_articles DESC, n_sources DESC, n_claims DESC, pk"


@pytest.mark.parametrize("after", [(3, None, 5, 7), (3, 2, 7), (3, 2, 5, 7, 9)])
def test_cluster_keyset_refuses_bad_keys(after: tuple[Any, ...]) -> None:
    from newsgraph.store.paging import CLUSTERS

    with pytest.raises(KeysetError):
        CLUSTERS.segments(after)
