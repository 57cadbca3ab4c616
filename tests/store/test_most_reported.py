"""Rule ``most_reported_first``: tracked propositions are listed by distinct articles, then distinct sources, then
stances; a proposition carried by one article is not "most reported", however many of its sources state it."""

from __future__ import annotations

import pytest

from newsgraph.models import Article, Proposition, Stance
from newsgraph.store import Store
from newsgraph.store.base import ClusterRow, reported_across_articles

from .factory import make_article

CROWDED = "the harbour crane collapsed overnight"
SPREAD = "the ferry service resumes on Monday"


def _article(fact: str, sources: list[str], n: int) -> Article:
    """One article stating ``fact`` through each of ``sources`` (one claim and one stance each)."""
    claims = [{"text": fact, "source": who, "kind": "person"} for who in sources]
    body = " ".join(f"{fact}, {who} said in report {n}." for who in sources)
    a = make_article(body, published=f"2024-03-{n + 1:02d}", path=f"r{n}.txt", claims=claims, propositions=[])
    p = Proposition(id="p1", statement=fact, claims=[c.id for c in a.claims])
    p.stances = [Stance(source=c.source, status=c.status, claim=c.id) for c in a.claims]
    a.propositions = [p]
    return a


@pytest.mark.parametrize(
    ("n_articles", "n_sources", "n_claims", "reported"),
    [(2, 2, 2, True), (5, 1, 1, True), (1, 6, 6, False), (1, 1, 1, False), (0, 0, 0, False)],
)
def test_reported_across_articles(n_articles: int, n_sources: int, n_claims: int, reported: bool) -> None:
    row = ClusterRow("tc_x", "a statement", n_claims, None, None, n_sources=n_sources, n_articles=n_articles)
    assert reported_across_articles(row) is reported


def test_more_articles_rank_before_more_sources(store: Store) -> None:
    """Four sources of one article state CROWDED; two articles with one source each state SPREAD: SPREAD is the
    most reported, and the only one a reader is shown under that heading."""
    store.add_articles(
        [_article(CROWDED, ["Ann Lee", "Bo Park", "Cy Kim", "Di Choi"], 0)]
        + [_article(SPREAD, [who], n) for n, who in ((1, "Ed Moon"), (2, "Flo Han"))]
    )
    rows = store.clusters(limit=10)
    assert [(r.label, r.n_articles, r.n_sources) for r in rows] == [(SPREAD, 2, 2), (CROWDED, 1, 4)]
    assert [r.label for r in rows if reported_across_articles(r)] == [SPREAD]
    assert store.clusters(limit=1, after=rows[0]) == rows[1:]
    assert store.clusters(limit=1, after=rows[0].id) == rows[1:]  # a bare id names the position too
