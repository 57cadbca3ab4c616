"""Issue 17 (High): search cannot be used as a CPU weapon. Bounded query, deduped terms, a time budget enforced
inside the database (SQLite progress handler, PostgreSQL statement_timeout), on both back-ends."""

from __future__ import annotations

import time

import pytest

from newsgraph.store import Store
from newsgraph.store.records import fts5_query
from newsgraph.store.search_guard import (
    MAX_PREFIX_TERMS,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    QueryRejected,
    SearchTimeout,
    bound_query,
)
from tests.store.factory import make_article

BODY = (
    "The minister said on Monday that the army would deploy troops to the border, and analysts argued about "
    "artillery, aircraft and air defence all afternoon."
)


def _fill(store: Store, n: int) -> None:
    store.add_articles(
        [
            make_article(
                f"{BODY} Report number {i} about armour and alliances.",
                title=f"Army report {i}",
                claims=[{"text": "the army would deploy troops to the border", "source": "minister"}],
            )
            for i in range(n)
        ]
    )


def test_repeated_terms_are_deduped() -> None:
    assert fts5_query("army Army army* army* \"the army\" 'x'") == '"army" "army"* "the army" "x"'
    assert len(bound_query(" ".join(["troops"] * 60))) == 1  # 60 repeats: one term, within the bound


@pytest.mark.parametrize(
    "query",
    [
        " ".join(["a*"] * 1000),  # the probe's repro (also over the length bound)
        " ".join(["a*"] * 166),  # 497 characters, within the old API cap
        "ab* cd* ef* gh*",  # more prefix terms than allowed
        " ".join(f"w{i}" for i in range(MAX_TERMS + 1)),
        "x" * (MAX_QUERY_CHARS + 1),
        "a* army",  # a one-letter prefix matches most of the vocabulary
    ],
)
def test_over_the_bound_is_rejected_quickly(store: Store, query: str) -> None:
    _fill(store, 3)
    t = time.perf_counter()
    with pytest.raises(QueryRejected):
        store.search(query)
    with pytest.raises(QueryRejected):
        store.claims(about=query)
    assert time.perf_counter() - t < 1.0


def test_within_the_bound_still_finds(store: Store) -> None:
    _fill(store, 3)
    prefixes = " ".join(["army*", "arm*", "ar*"][:MAX_PREFIX_TERMS])  # PostgreSQL: plain words, ANDed
    hits = store.search(
        f"{prefixes} troops troops Troops"
        if "sqlite" in type(store).__name__.lower()
        else "army* troops troops"
    )
    assert hits and all("[" in h.snippet for h in hits)
    assert store.claims(about="deploy troops")


def test_time_budget_is_enforced_inside_the_database(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(store, 60)
    monkeypatch.setenv("NEWSGRAPH_SEARCH_TIMEOUT_MS", "1")
    monkeypatch.setenv("NEWSGRAPH_SEARCH_MAX_TERMS", "100000")
    monkeypatch.setenv("NEWSGRAPH_SEARCH_MAX_PREFIX_TERMS", "100000")
    monkeypatch.setenv("NEWSGRAPH_SEARCH_MAX_CHARS", "100000")
    if store.url.startswith("postgres"):
        # PostgreSQL's unit is whole milliseconds: make one statement reliably slower than that
        query = " ".join(f"army{i} OR" for i in range(3000)) + " army"
    else:
        # distinct terms (repeats are dropped before the query runs): about 60 ms of work here, 60x the budget
        query = " ".join(f"arm* rep* all* abo* num* x{i}" for i in range(1000))
    t = time.perf_counter()
    with pytest.raises(SearchTimeout, match="budget"):
        store.search(query)
    assert time.perf_counter() - t < 5.0
    monkeypatch.setenv("NEWSGRAPH_SEARCH_TIMEOUT_MS", "60000")
    assert store.search("troops")  # the connection is usable again, with no leftover handler or timeout
